"""The learned plausibility filter's measurement (bench/plausibility.py; docs/plausibility.md).

The filter is measured, not wired into the pipeline (it did not raise F1 on the current rules'
rows of the sets it was not trained on). These tests keep the measurement trustworthy: the
features of a fixed row, the scorer on fixed weights, the weights file's format, and training
that gives the same bytes on every run.
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
plausibility = pytest.importorskip("plausibility")

ROW = {"metric": "killed", "population": "palestinian", "qualifier": "exact",
       "scope": "cumulative", "value": 12, "attributed_to": "",
       "sentence": "An Israeli strike on a house in Rafah killed 12 people, medics said.",
       "quote": "12 people"}
TOLL = {**ROW, "value": 45000, "qualifier": "lower_bound",
        "attributed_to": "Gaza Health Ministry",
        "sentence": "The war has killed at least 45,000 Palestinians, according to the "
                    "Gaza Health Ministry.",
        "quote": "at least 45,000 Palestinians"}


def fixture() -> list[dict]:
    """Twelve rows: tolls in the tens of thousands right, tolls of one strike wrong."""
    rows, labels = [], []
    for k in range(6):
        rows.append({**TOLL, "value": 40000 + 1000 * k})
        labels.append(1.0)
        rows.append({**ROW, "value": 10 + k})
        labels.append(0.0 if k < 5 else 1.0)
    return [{"feats": [plausibility.features(r) for r in rows], "y": np.array(labels)}]


def test_features_docstring():
    assert doctest.testmod(plausibility, verbose=False).failed == 0


def test_features_of_a_row():
    found = plausibility.features(ROW)
    assert {"metric=killed", "magnitude=1", "metric_magnitude=killed|1", "left1=killed",
            "left2=rafah", "right1=medics", "right2=said", "quote_word=people", "cue=speech",
            "attributed=no"} <= set(found)
    assert "cue=future" not in found
    assert not any(f.startswith(("left", "right", "quote_word"))
                   for f in plausibility.features(ROW, words=False))


def test_scorer_on_fixed_weights():
    """A row the filter would drop and one it would keep, with their scores."""
    weights = {"bias": 1.0, "metric_magnitude=killed|1": -2.5, "cue=speech": -0.5,
               "metric_magnitude=killed|4": 1.0}
    drop = plausibility.plausibility(ROW, weights)
    keep = plausibility.plausibility(TOLL, weights)
    assert round(drop, 4) == 0.1192  # logistic(1.0 - 2.5 - 0.5)
    assert round(keep, 4) == 0.8176  # logistic(1.0 + 1.0 - 0.5): "according to" is speech
    assert drop < 0.5 < keep


def test_training_is_deterministic_and_learns_the_fixture(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    plausibility.write_weights(plausibility.train(fixture(), min_count=1), 0.5, first)
    plausibility.write_weights(plausibility.train(fixture(), min_count=1), 0.5, second)
    assert first.read_bytes() == second.read_bytes()
    weights = plausibility.train(fixture(), min_count=1)
    assert plausibility.plausibility({**ROW, "value": 11}, weights) < 0.5
    assert plausibility.plausibility({**TOLL, "value": 41000}, weights) > 0.5


def test_weights_file_format(tmp_path):
    path = tmp_path / "w.csv"
    plausibility.write_weights({"bias": 0.123456, "b=x": -1.0, "a=\"q\"": 2.0,
                                "zero": 0.00001}, None, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "feature,weight"
    assert lines[1] == "_threshold,"
    assert lines[2:] == ['"a=""q""",2.0000', '"b=x",-1.0000', '"bias",0.1235']
