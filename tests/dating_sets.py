"""Score report-date inference on the sets of undated test articles in tests/data/.

Each set is a folder ``tests/data/<name>/`` with ``articles/*.txt`` (no date header) and
``truth.csv`` (doc_id, report_date, note: the signals planted), written before the inference
first ran on them; ``baseline.txt`` keeps that first run. Print the per-article table:

    .venv/bin/python -m tests.dating_sets unseen_dating [-v]
    .venv/bin/python -m tests.dating_sets heldout_dating [-v]

The command extracts through ``analysis.batch.run`` and so reuses the extraction cache: after the
first run only edited articles or code are re-analysed.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parent / "data"


def load(name: str):
    """(corpus, truth) of the set `name`."""
    from analysis.corpus import load_corpus

    return load_corpus(DATA / name / "articles"), pd.read_csv(DATA / name / "truth.csv",
                                                                dtype=str)


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


def main(argv: list[str]) -> None:
    from analysis.batch.run import run_extraction

    name = next(a for a in argv if not a.startswith("-"))
    with tempfile.TemporaryDirectory() as out:
        run_extraction(DATA / name / "articles", out, workers=1, progress=False)
        documents = pd.read_csv(Path(out) / "documents.csv", dtype=str, keep_default_na=False)
    frame = score(documents, pd.read_csv(DATA / name / "truth.csv", dtype=str))
    print(show(frame, "-v" in argv))
    print(summary(frame))


if __name__ == "__main__":
    main(sys.argv[1:])
