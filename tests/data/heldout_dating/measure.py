"""Measure report-date inference on the held-out undated articles (written and committed
before the inference was run on them; see truth.csv for the planted signals).

    .venv/bin/python -m tests.data.heldout_dating.measure [-v] [--refresh]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

from tests.data.unseen_dating import measure as unseen

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
TRUTH = HERE / "truth.csv"
CACHE = Path(tempfile.gettempdir()) / "heldout_dating_results.json"  # outside the tree


def load():
    from analysis.corpus import load_corpus

    return load_corpus(ARTICLES), pd.read_csv(TRUTH, dtype=str)


def results_for(corpus, refresh: bool = False) -> dict:
    saved = unseen.CACHE
    unseen.CACHE = CACHE
    try:
        return unseen.results_for(corpus, refresh)
    finally:
        unseen.CACHE = saved


score, summary, show = unseen.score, unseen.summary, unseen.show


if __name__ == "__main__":
    corpus, truth = load()
    results = results_for(corpus, "--refresh" in sys.argv)
    frame = unseen.measure(corpus, truth, results)
    print(show(frame, "-v" in sys.argv))
    print(summary(frame))
