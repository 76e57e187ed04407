"""Figures on the sets of test articles written and annotated by hand (not the five samples).

Each set is ``tests/data/<name>/`` with ``articles/*.txt`` and ``figures.csv`` (doc_id, metric,
population, value, qualifier, quote), the gold written before the extractor first ran on the
articles. Thresholds sit a little below what the extractor reaches after fixes made by
general rules only, so a change that makes it worse fails here.

- unseen_figures, 12 articles in agency styles (Reuters, AP, AFP, Al Jazeera, Times of Israel,
  Anadolu, Axios, BBC, CNN), October 2023 to October 2025, with distractors (ages, money,
  percentages, per-day counts, single strikes, proposed deals, teaser lists). First run exact
  F1 0.793; reached 0.977. Known disagreements: "Israel believes 50 captives remain" is read
  as approx (as in the sentence table) but annotated exact; "officials had put the number at
  around 155" needs the previous sentence's subject.
- heldout_figures, 10 articles written after the extractor was tuned on unseen_figures:
  Guardian, NYT and Washington Post long-form, Middle East Eye, Xinhua, WAFA, Jerusalem Post,
  a live blog, an explainer with a timeline, an OCHA key-figures table (October 2023 to March
  2025). First run (the honest held-out estimate): exact P 0.861, R 0.674, F1 0.756. After
  general fixes (date-masked toll phrases, "number of prisoners ... exceeds", key-figures table
  rows, "36 of the 128 hostages", relative clauses with their own subject, headline hedges,
  custody deaths, "1 in 75"): 0.995. Fresh sentences written afterwards (in
  tests/figure_cases.tsv): a first batch passed 8 of 15 at first run, a second 13 of 14.
  Known miss: "846 soldiers have fallen ..., more than 400 of them during the ground
  operation" (a sub-count the gold keeps; the extractor drops killed subsets by design).

Round 5: soldiers killed or wounded are read as a sub-count (group soldiers), as the
annotators of the real sets dev2-dev4 count them; this gold, written earlier, counts them
whole, so five rows of unseen_figures and four of heldout_figures are now misses (exact F1
0.991 -> 0.967 and 0.989 -> 0.966). The gold is left as written; unseen's lenient minimum
moved from 0.97 to 0.96.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.assemble.tables import extract_corpus
from analysis.corpus import load_corpus
from analysis.evaluate import EXACT_KEY, LENIENT_KEY, score_figures

DATA = Path(__file__).resolve().parent / "data"
pytestmark = pytest.mark.model

# set -> (articles, at least this many gold rows, min exact F1, min lenient F1)
SETS = {
    "unseen_figures": (12, 100, 0.95, 0.96),  # (lenient 0.97 -> 0.96 in round 5: see above)
    "heldout_figures": (10, 90, 0.96, 0.96),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def testset(request, nlp):
    """(name, corpus, extracted figures, gold) of one set."""
    corpus = load_corpus(DATA / request.param / "articles")
    figures = extract_corpus(corpus, nlp=nlp).figures
    gold = pd.read_csv(DATA / request.param / "figures.csv", dtype=str, keep_default_na=False)
    return request.param, corpus, figures, gold


def test_gold_is_well_formed(testset):
    name, corpus, _, gold = testset
    n_articles, min_rows = SETS[name][:2]
    texts = {document.doc_id: document.text for document in corpus.documents}
    assert len(texts) == n_articles and len(gold) >= min_rows
    for row in gold.itertuples():
        assert row.quote in texts[row.doc_id], row


def test_f1(testset):
    name, _, figures, gold = testset
    exact_min, lenient_min = SETS[name][2:]
    exact = score_figures(gold, figures, EXACT_KEY)
    lenient = score_figures(gold, figures, LENIENT_KEY)
    report = "\n".join([exact.line(f"{name} exact"), lenient.line(f"{name} lenient"),
                        "misses:", *map(str, exact.misses),
                        "false alarms:", *map(str, exact.false_alarms)])
    print(report)
    assert exact.f1 >= exact_min, report
    assert lenient.f1 >= lenient_min, report


def test_offsets_point_at_quotes(testset):
    _, corpus, figures, _ = testset
    texts = {document.doc_id: document.text for document in corpus.documents}
    for row in figures.itertuples():
        assert texts[row.doc_id][row.start_char:row.end_char] == row.quote
        assert row.quote in row.sentence
