"""Report-date inference on 12 held-out undated articles (tests/data/heldout_dating: written
and committed, with their true dates, before the inference was run on them; the first run is
kept in baseline.txt as the honest estimate). Thresholds sit a little below what the
inference reaches after fixes made by general rules only.

    .venv/bin/python -m tests.data.heldout_dating.measure -v    # the per-article table
"""

import pytest

from analysis.extract import extract_corpus
from tests.data.heldout_dating.measure import load, score, show, summary

# baseline (first run): 4 of 12 within 2 days, 5 within 7, one dated window missing the truth
# (hostage counts, 20 days off), 6 undated. Reached: 7 within 2 days, 7 within 7, every dated
# window holds the truth, 5 undated with their reasons (no toll extracted, a "killed or
# missing" count set aside, hostage counts only, wide rounded tolls, no signal at all)
MIN_WITHIN_2_DAYS = 6
MIN_WITHIN_7_DAYS = 6
MAX_DATED_WINDOW_MISSES = 0
MAX_UNDATED = 6


@pytest.fixture(scope="module")
def measured(nlp):
    corpus, truth = load()
    tables = extract_corpus(corpus, nlp)
    return score(tables.documents, truth)


def test_share_dated_within_two_and_seven_days(measured):
    stats = summary(measured)
    assert stats["within_2"] >= MIN_WITHIN_2_DAYS, f"{stats}\n{show(measured, True)}"
    assert stats["within_7"] >= MIN_WITHIN_7_DAYS, f"{stats}\n{show(measured, True)}"


def test_dated_windows_hold_the_true_date_and_undated_ones_give_a_reason(measured):
    dated = measured[~measured["undated"]]
    assert len(dated[~dated["contains"]]) <= MAX_DATED_WINDOW_MISSES, show(measured, True)
    undated = measured[measured["undated"]]
    assert len(undated) <= MAX_UNDATED, show(measured, True)
    for row in undated.itertuples():
        assert row.evidence.startswith("undated:"), show(measured, True)
        if row.window != "-":
            assert row.contains, show(measured, True)


def test_article_without_any_signal_stays_undated(measured):
    row = measured.set_index("doc_id").loc["h11_analysis_nosignal"]
    assert row["undated"] and "no usable signal" in row["evidence"]


def test_killed_or_missing_count_is_not_read_as_the_toll(measured):
    row = measured.set_index("doc_id").loc["h09_gmo_feb2024"]
    assert row["undated"] or row["contains"], show(measured, True)
