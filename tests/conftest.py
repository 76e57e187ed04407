"""Shared fixtures: paths to the bundled data and the pipelines (built once per session)."""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import functools
import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CORPUS = DATA / "corpus"
GOLD = DATA / "gold"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (rules only, on spacy.blank('en')): what `extract` runs."""
    from analysis.nlp import cached_pipeline

    return cached_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():
    """The rule-only pipeline on spacy.blank('en') (the default pipeline, by its old name)."""
    from analysis.nlp import cached_pipeline

    return cached_pipeline(rules_only=True)


@pytest.fixture(scope="session")
def model_nlp():
    """The pipeline with the statistical English model (an option: `--model en_core_web_sm`).
    A test that uses it is marked `model` (see pytest_collection_modifyitems)."""
    from analysis.nlp import STATISTICAL_MODEL, cached_pipeline

    return cached_pipeline(STATISTICAL_MODEL)


MODEL_FIXTURES = {"model_nlp"}


def pytest_collection_modifyitems(config, items):
    """Mark `model` every test that uses the statistical model's fixture, directly or through
    another fixture, and every doctest that builds a pipeline with the model
    (``build_pipeline("en_core_web_sm")``), so that `pytest -m "not model"` (make test-fast)
    loads no model."""
    from analysis.nlp import STATISTICAL_MODEL

    loads_model = re.compile(r"(?:build_pipeline|cached_pipeline|spacy\.load)\(\s*['\"]"
                             + re.escape(STATISTICAL_MODEL))
    for item in items:
        examples = getattr(getattr(item, "dtest", None), "examples", ())
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())) or any(
                loads_model.search(example.source) for example in examples):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def gold_dated_corpus(nlp):
    """The bundled corpus with its true report dates (gold documents.csv) and its NLP results,
    so meeting and round tests do not depend on the date inference."""
    from analysis.corpus import load_corpus
    from analysis.nlp import analyse_documents

    true_dates = pd.read_csv(GOLD / "documents.csv", dtype=str).set_index("doc_id")["report_date"]
    documents = [replace(d, report_date=dt.date.fromisoformat(true_dates[d.doc_id]))
                 for d in load_corpus(CORPUS).documents]
    return documents, dict(analyse_documents(documents, nlp))


@functools.cache
def syntax_tree(path: Path) -> ast.Module:
    """The module at `path` parsed once a session (the layer and lexicon tests walk them all)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def run_cli(*args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m analysis ARGS` run inside this process: its exit code, stdout and stderr, as
    `subprocess.run` would give them, without a new interpreter importing pandas and spaCy again
    (about a second of CPU a call). An exception escaping `main` fails the test with its
    traceback. `tests/test_cli.py` runs the real `python -m analysis` once, in a fresh process."""
    from analysis.cli import main

    argv = [str(arg) for arg in args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help, a bad argument
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return subprocess.CompletedProcess(["python", "-m", "analysis", *argv], code,
                                       out.getvalue(), err.getvalue())


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as a string, missing ones empty (how the CSV reads back)."""
    return frame.astype(object).where(frame.notna(), "").astype(str)


def extract_dated_set(folder: Path, nlp, n_articles: int):
    """(documents, results, meetings) of a set of test articles that all carry a date header."""
    from analysis.assemble.meetings import meetings_table
    from analysis.corpus import load_corpus
    from analysis.nlp import analyse_documents

    documents = list(load_corpus(folder / "articles").documents)
    assert len(documents) == n_articles and all(d.report_date for d in documents)
    results = dict(analyse_documents(documents, nlp))
    return documents, results, meetings_table(documents, results)
