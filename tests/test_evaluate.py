"""The scoring rules of DESIGN.md, on small hand-made tables."""

from __future__ import annotations

import pandas as pd

from analysis.evaluate import participant_f1, score_figures, score_meetings
from tests.conftest import GOLD, ROOT

FIGURE_COLUMNS = ["doc_id", "metric", "population", "value", "qualifier"]


def frame(rows, columns):
    return pd.DataFrame(rows, columns=columns, dtype=str)


def test_a_figure_is_right_only_when_all_five_keys_match():
    gold = frame([("a", "killed", "palestinian", "26422", "lower_bound"),
                  ("a", "hostages_held", "israeli", "132", "exact")], FIGURE_COLUMNS)
    pred = frame([("a", "killed", "palestinian", "26,422", "lower_bound"),  # separators ignored
                  ("a", "hostages_held", "israeli", "132", "approx"),  # wrong qualifier
                  ("a", "injured", "palestinian", "65087", "exact")], FIGURE_COLUMNS)
    exact = score_figures(gold, pred)
    assert (exact.tp, exact.fp, exact.fn) == (1, 2, 1)
    assert round(exact.f1, 3) == 0.4
    lenient = score_figures(gold, pred, ["doc_id", "metric", "value"])
    assert (lenient.tp, lenient.fp, lenient.fn) == (2, 1, 0)


def test_meetings_match_on_place_and_a_date_within_a_day():
    columns = ["doc_id", "date", "location", "participants"]
    gold = frame([("a", "2024-01-28", "Paris", "William Burns;David Barnea"),
                  ("a", "", "Europe", "William Burns"),  # no day in the text: any date
                  ("b", "2024-05-08", "Cairo", "")], columns)
    pred = frame([("a", "2024-01-27", "Paris", "William Burns"),
                  ("a", "2024-02-10", "Europe", "William Burns"),
                  ("b", "2024-05-10", "Cairo", ""),  # two days off: wrong
                  ("b", "2024-05-08", "Doha", "")], columns)
    score, participants = score_meetings(gold, pred)
    assert (score.tp, score.fp, score.fn) == (2, 2, 1)
    assert round(participants, 3) == round((2 / 3 + 1.0) / 2, 3)


def test_participant_f1():
    assert participant_f1("A;B", "b;C") == 0.5
    assert participant_f1("", "") == 1.0
    assert participant_f1("A", "") == 0.0


def test_evaluate_command_prints_scores_and_per_metric_counts(tmp_path):
    import subprocess
    import sys

    pred = tmp_path / "pred"
    pred.mkdir()
    gold = pd.read_csv(GOLD / "figures.csv", dtype=str)
    gold.iloc[1:].to_csv(pred / "figures.csv", index=False)  # one gold row missed
    result = subprocess.run([sys.executable, "-m", "analysis", "evaluate", "--gold", str(GOLD),
                             "--pred", str(pred)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "figures_exact          precision 1.000  recall 0.947  F1 0.973" in result.stdout
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
            if line.strip().startswith(("hostages_held", "killed"))}
    assert rows["hostages_held"] == ["3", "2", "1", "0"]  # gold, found, misses, false alarms
    assert rows["killed"] == ["7", "7", "0", "0"]
    assert "missed: 000_82d95582873b50a0 | hostages_held | israeli | 125 | lower_bound" \
        in result.stdout
