"""analysis.assemble.reference: loaders, official values and the figures_vs_reference table."""

import datetime as dt

import pandas as pd
import pytest

from analysis import schema
from analysis.assemble import reference
from tests.conftest import GOLD

D = dt.date


def test_gaza_daily_loads_tidy():
    gaza = reference.load_gaza_daily()
    assert len(gaza) == 1051 and gaza["date"].is_unique
    row = gaza.set_index("date").loc[D(2024, 5, 8)]
    assert (row["killed_cum"], row["injured_cum"], row["report_source"]) == (34844, 78404,
                                                                             "mohtel")
    assert pd.isna(gaza.set_index("date").loc[D(2023, 11, 11), "killed_cum"])
    long = reference.gaza_series()
    assert set(long["metric"]) == {"killed", "injured"}
    assert long["value"].notna().all()


@pytest.mark.parametrize("date, value, source", [
    (D(2023, 11, 28), 14800, "gmotel"),
    (D(2024, 1, 28), 26422, "mohtel"),
    (D(2024, 3, 9), 30960, "mohtel"),
    (D(2024, 5, 8), 34844, "mohtel"),
])
def test_official_values_match_readme_spot_values(date, value, source):
    official = reference.official_value("killed", "palestinian", date)
    assert (official.date, official.value, official.source) == (date, value, source)


def test_missing_day_falls_back_to_last_report():
    official = reference.official_value("killed", "palestinian", D(2023, 11, 11))
    assert official.date == D(2023, 11, 10) and official.value > 0


def test_other_israeli_side_series_load():
    hostages = reference.load_hostage_figures()
    assert {"hostages_remaining", "israel_killed_oct7"} <= set(hostages["metric"])
    killed = reference.load_israel_killed()
    assert killed["date"].is_unique and killed["israel_killed"].dropna().min() >= 1269
    assert reference.official_value("hostages_held", "israeli", D(2024, 1, 28)).value == 132
    assert reference.official_value("displaced", "palestinian", D(2024, 1, 28)) is None


@pytest.mark.parametrize("value, qualifier, officials, expected", [
    (26422, "lower_bound", [26422, 26257], True),
    (26000, "lower_bound", [26422, 26257], True),     # a lower bound below the official value
    (15000, "lower_bound", [14800, 14800], False),    # above it: not what the series says
    (26422, "exact", [26422, 26257], True),
    (26257, "exact", [26422, 26257], True),           # yesterday's bulletin
    (23780, "exact", [26422, 26257], False),          # 10% off
    (31000, "upper_bound", [30960, 30878], True),     # "nearly 31,000"
    (30000, "upper_bound", [30960, 30878], False),    # "nearly 30,000" when 30,960 is official
    (25000, "approx", [26422, 26257], True),
    (22000, "approx", [26422, 26257], False),
    (100, "exact", [None, None], None),
])
def test_consistency_rules(value, qualifier, officials, expected):
    assert reference.is_consistent(value, qualifier, officials) is expected


def _gold_figures():
    figures = pd.read_csv(GOLD / "figures.csv", dtype=str)
    documents = pd.read_csv(GOLD / "documents.csv", dtype=str)
    figures = figures.merge(documents[["doc_id", "report_date"]], on="doc_id")
    figures["scope"] = "cumulative"
    figures["value"] = figures["value"].astype(int)
    return figures


def test_compare_gold_figures():
    out = reference.compare_figures(_gold_figures())
    assert list(out.columns) == schema.COMPARISON_COLUMNS
    tolls = out[(out["population"] == "palestinian") & out["metric"].isin(["killed", "injured"])]
    # every cumulative Palestinian toll in the corpus is listed
    assert len(tolls) == 5
    by_doc = tolls.set_index(["doc_id", "metric"])
    row = by_doc.loc[("004_f9ef86ebf47d9992", "killed")]
    assert (row["official_value"], row["official_value_day_before"], row["deviation_pct"],
            bool(row["consistent"])) == (26422, 26257, 0.0, True)
    row = by_doc.loc[("001_107769c31182abaa", "killed")]   # "more than 15,000" vs 14,800
    assert row["deviation_pct"] == 1.35 and not row["consistent"]
    row = by_doc.loc[("000_82d95582873b50a0", "killed")]   # "nearly 31,000" vs 30,960
    assert bool(row["consistent"])
    assert set(out["metric"]) >= {"hostages_held", "hostages_dead"}


def test_compare_skips_event_figures_and_undated():
    figures = _gold_figures()
    figures.loc[figures["doc_id"].str.startswith("003"), "scope"] = "event"
    figures.loc[figures["doc_id"].str.startswith("004"), "report_date"] = ""
    out = reference.compare_figures(figures)
    assert not out["doc_id"].str.startswith(("003", "004")).any()


def test_compare_empty():
    assert list(reference.compare_figures(schema.empty("figures")).columns) == \
        schema.COMPARISON_COLUMNS


# --- the record of known rounds (data/reference/negotiation_rounds.csv) --------------------

def _record_rows():
    from analysis.paths import REFERENCE_ROUNDS

    return pd.read_csv(REFERENCE_ROUNDS, dtype=str, keep_default_na=False)


def test_every_record_row_has_a_source_and_ordered_days():
    """Each row cites a primary page (http) and, when it has an end day, ends on or after its
    start; the rows are in order of their first day, and the record reaches December 2025."""
    rows = _record_rows()
    assert rows["source_url"].str.startswith("http").all()
    starts = pd.to_datetime(rows["date_start"], format="ISO8601")
    assert starts.is_monotonic_increasing
    ends = rows.loc[rows["date_end"] != ""]
    assert (pd.to_datetime(ends["date_end"], format="ISO8601")
            >= pd.to_datetime(ends["date_start"], format="ISO8601")).all()
    assert starts.max() >= pd.Timestamp("2025-12-01")


def test_every_known_round_has_a_place_the_gazetteer_knows():
    """Each round of talks of the record (meeting, talks, summit) names a place the rounds can
    match (the gazetteer knows it: Miami, Ankara, Istanbul as much as Doha and Cairo)."""
    from analysis.assemble.anchors import load_reference_rounds

    known = load_reference_rounds()
    assert len(known) >= 50
    missing = known.loc[[not places for places in known["places"]], "city"].tolist()
    assert missing == []


@pytest.mark.parametrize("day, place, people", [
    ("2025-11-25", "Cairo", {"Ibrahim Kalin", "Hassan Rashad",
                             "Mohammed bin Abdulrahman Al Thani"}),
    ("2025-12-19", "Miami", {"Steve Witkoff", "Hakan Fidan", "Badr Abdelatty",
                             "Mohammed bin Abdulrahman Al Thani"}),
    ("2025-12-24", "Ankara", {"Hakan Fidan", "Khalil al-Hayya"}),
])
def test_late_2025_rounds_resolve_to_their_people(day, place, people):
    """The rounds of November and December 2025 give the anchoring rules their people by
    canonical actor (offices such as 'Qatari PM' resolved on the day)."""
    from analysis.assemble.anchors import known_rounds

    first = dt.date.fromisoformat(day)
    assert any(days[0] == first and known_place == place and people <= theirs
               for days, known_place, theirs in known_rounds())
