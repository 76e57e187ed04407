"""Report-date inference on the sets of undated test articles (see tests/dating_sets.py).

Both sets were written, with their true dates, before the inference first ran on them; the
thresholds sit a little below what the inference reaches after fixes made by general rules
only, so that a change making it worse on articles it has not seen fails here.

- unseen_dating, 15 articles, Oct 2023 - Jun 2026. First run: 7 within 2 days, 3 dated windows
  missing the truth. Reached: 10 within 2 days, 12 within 7, every dated window holds the
  truth, 3 undated with their reasons (one has no signal at all).
- heldout_dating, 12 articles (wire copy, truce plateau, 2025 ceasefire, 2026). First run: 4
  within 2 days, 5 within 7, one dated window missing the truth (hostage counts, 20 days off),
  6 undated. Reached: 7 within 2 days, 7 within 7, every dated window holds the truth, 5
  undated with their reasons (no toll extracted, a "killed or missing" count set aside,
  hostage counts only, wide rounded tolls, no signal at all).
"""

import pytest

from analysis.assemble.tables import extract_corpus
from tests.dating_sets import load, score, show, summary

# set -> (min within 2 days, min within 7 days, max dated windows missing the truth,
#         max undated, the article with no signal at all)
THRESHOLDS = {
    "unseen_dating": (9, 11, 0, 4, "u15_analysis_nosignal"),
    "heldout_dating": (6, 6, 0, 6, "h11_analysis_nosignal"),
}


SETS = sorted(THRESHOLDS)


@pytest.fixture(scope="module")
def measure(nlp):
    """Set name -> the per-article table, each set extracted once."""
    done = {}

    def run(name):
        if name not in done:
            corpus, truth = load(name)
            done[name] = score(extract_corpus(corpus, nlp).documents, truth)
        return done[name]

    return run


@pytest.mark.parametrize("name", SETS)
def test_share_dated_within_two_and_seven_days(measure, name):
    frame = measure(name)
    within_2, within_7 = THRESHOLDS[name][:2]
    stats = summary(frame)
    assert stats["within_2"] >= within_2, f"{stats}\n{show(frame, True)}"
    assert stats["within_7"] >= within_7, f"{stats}\n{show(frame, True)}"


@pytest.mark.parametrize("name", SETS)
def test_dated_windows_hold_the_true_date_and_undated_ones_give_a_reason(measure, name):
    frame = measure(name)
    max_misses, max_undated = THRESHOLDS[name][2:4]
    dated = frame[~frame["undated"]]
    assert len(dated[~dated["contains"]]) <= max_misses, show(frame, True)
    undated = frame[frame["undated"]]
    assert len(undated) <= max_undated, show(frame, True)
    for row in undated.itertuples():
        assert row.evidence.startswith("undated:"), show(frame, True)
        if row.window != "-":  # a window written for an undated article must hold the truth
            assert row.contains, show(frame, True)


@pytest.mark.parametrize("name", SETS)
def test_article_without_any_signal_stays_undated(measure, name):
    frame = measure(name)
    row = frame.set_index("doc_id").loc[THRESHOLDS[name][4]]
    assert row["undated"] and "no usable signal" in row["evidence"]


def test_killed_or_missing_count_is_not_read_as_the_toll(measure):
    frame = measure("heldout_dating")
    row = frame.set_index("doc_id").loc["h09_gmo_feb2024"]
    assert row["undated"] or row["contains"], show(frame, True)
