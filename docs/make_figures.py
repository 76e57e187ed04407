"""Draw the README's chart pictures into docs/img/ (small PNGs, committed). The screenshots of
whole report pages (docs/img/page_*.png) come from the Chromium test instead
(HOSTAGE_TALKS_SCREENSHOTS=<folder> pytest tests/test_notebooks.py -m slow -k chromium).

    .venv/bin/python docs/make_figures.py            # from the repository root

Each chart is drawn from the tables extracted from the bundled corpus. Where the extractor
finds nothing yet (or a table is empty), the chart is drawn from the hand-made gold annotations
of the same five articles (data/gold) instead, and the script says so.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.batch.run import run_extraction  # noqa: E402
from analysis.present import charts  # noqa: E402
from analysis.present import notebook_helpers as nh  # noqa: E402

OUT = ROOT / "docs" / "img"


def gold_tables(documents: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Figures and rounds from data/gold, with the gold report dates."""
    gold = ROOT / "data" / "gold"
    dates = pd.read_csv(gold / "documents.csv", dtype=str)[["doc_id", "report_date"]]
    figures = pd.read_csv(gold / "figures.csv", dtype=str).merge(dates, on="doc_id")
    meetings = pd.read_csv(gold / "meetings.csv", dtype=str, keep_default_na=False)
    rounds = pd.DataFrame({
        "round_id": [f"R{i + 1}" for i in range(len(meetings))],
        "start_date": meetings["date"].replace("", None),
        "end_date": None,
        "location": meetings["location"],
        "participants": meetings["participants"],
        "doc_ids": meetings["doc_id"],
        "status": meetings["status"],
    }).sort_values("start_date", na_position="last").reset_index(drop=True)
    rounds["round_id"] = [f"R{i + 1}" for i in range(len(rounds))]
    documents = documents.drop(columns=["report_date"]).merge(dates, on="doc_id", how="left")
    documents["date_source"] = documents["date_source"].where(
        documents["date_source"] != "none", "inferred")
    return {"figures": figures, "rounds": rounds, "documents": documents}


def main() -> None:
    nh.setup(dpi=80)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        run_extraction(ROOT / "data" / "corpus", folder, progress=False)
        tables = nh.read_tables(folder)
    gold = gold_tables(tables.documents)
    used = []

    def pick(name, frame):
        if frame.empty or (name == "documents" and frame["report_date"].isna().any()):
            used.append(name)
            return gold[name]
        return frame

    figures = pick("figures", tables.figures)
    rounds = tables.rounds
    rounds = pick("rounds", nh.rounds_with_status(rounds, tables.meetings))
    documents = pick("documents", tables.documents)
    official = nh.load_official_casualties(ROOT / "data" / "reference")
    reported = nh.load_reported_hostages(ROOT / "data" / "reference")

    panels = charts.HOSTAGE_PANELS
    drawings = {
        "casualties_killed": lambda: charts.casualty_figures(figures, official, "killed",
                                                             documents=documents),
        "casualties_injured": lambda: charts.casualty_figures(figures, official, "injured",
                                                              documents=documents),
        "event_tolls": lambda: charts.event_figures(figures),
        "hostages": lambda: charts.hostage_figures(
            figures, reported, metrics=panels["hostages_held"][0], documents=documents),
        "hostages_released": lambda: charts.hostage_figures(
            figures, reported, metrics=panels["hostages_released"][0], documents=documents),
        "prisoners": lambda: charts.hostage_figures(
            figures, reported, metrics=panels["prisoners_held"][0], documents=documents),
        "prisoners_released": lambda: charts.hostage_figures(
            figures, reported, metrics=panels["prisoners_released"][0], documents=documents),
        "rounds_timeline": lambda: charts.rounds_timeline(rounds),
        "rounds_per_month": lambda: charts.rounds_per_month(rounds),
        "participants_heatmap": lambda: charts.participants_heatmap(rounds),
        "participants_matrix": lambda: charts.participants_matrix(rounds),
        "reports_per_week": lambda: charts.reports_per_week(documents),
        "top_people": lambda: charts.top_entities(nh.named_entities(tables), labels=("PERSON",)),
    }
    for name, draw in drawings.items():
        ax = draw()
        nh.save_chart(ax, OUT, name)
        path = OUT / f"{name}.png"
        plt.close(ax.figure)
        print(path.relative_to(ROOT), f"{path.stat().st_size // 1024} KB")
    if used:
        print("drawn from the gold annotations (extractor found nothing yet):", ", ".join(used))


if __name__ == "__main__":
    main()
