"""The bundled corpus against data/gold/figures.csv (real model)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.assemble.tables import extract_corpus
from analysis.corpus import load_corpus
from analysis.evaluate import EXACT_KEY, LENIENT_KEY, score_figures

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data" / "corpus")


@pytest.fixture(scope="module")
def figures(corpus):
    from analysis.nlp import cached_pipeline

    return extract_corpus(corpus, nlp=cached_pipeline()).figures


def test_gold_exact_f1(figures):
    gold = pd.read_csv(ROOT / "data" / "gold" / "figures.csv", dtype=str, keep_default_na=False)
    exact = score_figures(gold, figures, EXACT_KEY)
    lenient = score_figures(gold, figures, LENIENT_KEY)
    print(exact.line("figures_exact"))
    print(lenient.line("figures_lenient"))
    assert exact.f1 >= 0.95, (exact.misses, exact.false_alarms)


def test_offsets_point_at_quotes(corpus, figures):
    texts = {document.doc_id: document.text for document in corpus.documents}
    assert len(figures)
    for row in figures.itertuples():
        assert texts[row.doc_id][row.start_char:row.end_char] == row.quote
        assert row.quote in row.sentence


def test_rows_are_plain_data(corpus):
    from analysis.nlp import cached_pipeline

    doc = cached_pipeline()(corpus.documents[0].text)
    for row in doc._.figures:
        assert set(row) == {"metric", "population", "value", "qualifier", "low", "high", "scope",
                            "group", "vague", "attributed_to", "sentence", "quote", "start_char",
                            "end_char"}
        assert all(value is None or type(value) in (str, int, bool) for value in row.values())
