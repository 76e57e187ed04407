"""Measure report-date inference on the unseen undated articles.

    .venv/bin/python -m tests.data.unseen_dating.measure [--refresh]

Runs the pipeline once (results cached in the temp directory, keyed by text and pipeline
version, so edited articles or code are re-run), then the corpus-level inference, and prints
one row per article: truth, inferred date, days off, window, width, whether the window holds
the truth.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
TRUTH = HERE / "truth.csv"
CACHE = Path(tempfile.gettempdir()) / "unseen_dating_results.json"  # outside the tree


def load():
    from analysis.corpus import load_corpus

    return load_corpus(ARTICLES), pd.read_csv(TRUTH, dtype=str)


def results_for(corpus, refresh: bool = False) -> dict:
    """Pipeline results per doc_id (cached by text and pipeline version; the figure
    extractor's and date_finder's output only)."""
    from analysis.nlp import pipeline_version

    version = pipeline_version()
    cache = {} if refresh or not CACHE.exists() else json.loads(CACHE.read_text())

    def key(text):
        return hashlib.sha256((version + text).encode()).hexdigest()

    todo = [d for d in corpus.documents if cache.get(d.doc_id, {}).get("sha") != key(d.text)]
    if todo:
        from analysis.extract import analyse_documents
        from analysis.nlp import cached_pipeline

        for doc_id, result in analyse_documents(todo, cached_pipeline()):
            text = next(d.text for d in todo if d.doc_id == doc_id)
            cache[doc_id] = {"sha": key(text),
                             "figures": result.get("figures", []),
                             "date_mentions": result.get("date_mentions", [])}
        CACHE.write_text(json.dumps(cache, indent=1, default=str))
    return cache


def measure(corpus, truth, results) -> pd.DataFrame:
    from analysis import dating

    table, _ = dating.infer_report_dates(corpus.table, corpus.documents, results)
    return score(table, truth)


def score(table: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """One row per article of `truth` from a documents table (documents.csv columns)."""
    rows = table.set_index("doc_id")
    out = []
    for record in truth.to_dict("records"):
        true = dt.date.fromisoformat(record["report_date"])
        row = rows.loc[record["doc_id"]]
        inferred = str(row["report_date"]) if row["date_source"] == "inferred" else ""
        start, end = row.get("date_window_start"), row.get("date_window_end")
        has_window = isinstance(start, str) and bool(start)
        lo = dt.date.fromisoformat(start) if has_window else None
        hi = dt.date.fromisoformat(end) if has_window else None
        off = abs((dt.date.fromisoformat(inferred) - true).days) if inferred else None
        out.append({"doc_id": record["doc_id"], "truth": true.isoformat(),
                    "inferred": inferred or "-", "days_off": off,
                    "window": f"{start}..{end}" if has_window else "-",
                    "width": (hi - lo).days + 1 if has_window else None,
                    "contains": bool(has_window and lo <= true <= hi),
                    "undated": not inferred,
                    "evidence": str(row["date_evidence"])})
    return pd.DataFrame(out)


def summary(frame: pd.DataFrame) -> dict:
    dated = frame[~frame["undated"]]
    return {"n": len(frame), "within_2": int((dated["days_off"] <= 2).sum()),
            "within_7": int((dated["days_off"] <= 7).sum()),
            "windows_hold_truth": int(frame["contains"].sum()),
            "dated_windows_hold_truth": int(dated["contains"].sum()),
            "n_dated": len(dated), "undated": int(frame["undated"].sum()),
            "median_width": float(frame["width"].median())}


def show(frame: pd.DataFrame, evidence: bool = False) -> str:
    columns = ["doc_id", "truth", "inferred", "days_off", "window", "width", "contains"]
    text = frame[columns].to_string(index=False)
    if evidence:
        text += "\n" + "\n".join(f"{r.doc_id}: {r.evidence}" for r in frame.itertuples())
    return text


if __name__ == "__main__":
    corpus, truth = load()
    results = results_for(corpus, "--refresh" in sys.argv)
    frame = measure(corpus, truth, results)
    print(show(frame, "-v" in sys.argv))
    print(summary(frame))
