"""The check of the rounds against the record of known rounds: ``rounds_vs_reference.csv``.

Fed by the rounds table (:mod:`analysis.assemble.rounds`), the documents table (the corpus's
period: its first and last report date, a week either side) and the record
(``data/reference/negotiation_rounds.csv`` through :func:`analysis.assemble.anchors.
load_reference_rounds`); feeds the rounds notebook's section "Rounds against the record".
One row per known round in the period (and per earlier or later one the corpus reports):
``reported`` with the found rounds and articles, or ``not_reported``; then one row per dated
found round that matches no known round (``not_in_reference``). A found round matches a known
one when their days meet within a day and their places agree (equal or one inside the other;
a round without a place agrees with any).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import schema
from analysis.assemble.anchors import load_reference_rounds
from analysis.rules.places import load_gazetteer

TOLERANCE = dt.timedelta(days=1)


def _day(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return dt.date.fromisoformat(text[:10]) if text else None


PERIOD_MARGIN = dt.timedelta(days=7)  # a round up to a week before the first report counts


def _covers(round_row: dict, known: dict) -> bool:
    """A found round is a known one when their days meet (within a day) and their places
    agree (equal or one inside the other; a round without a place agrees with any)."""
    start, end = _day(round_row["start_date"]), _day(round_row["end_date"])
    if start is None:
        return False
    end = end or start
    if not (start - TOLERANCE <= known["end"] and known["start"] - TOLERANCE <= end):
        return False
    gazetteer = load_gazetteer()
    place = round_row.get("location") or ""
    return not place or not known["places"] or any(
        gazetteer.compatible(place, p) for p in known["places"])


def rounds_vs_reference(rounds: pd.DataFrame, documents_table: pd.DataFrame | None,
                        reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each known round in the corpus's period (first report date minus a week to the
    last report date plus a week), and each earlier or later one the corpus reports: whether
    the corpus reports it and from which articles; then each dated found round that matches
    no known round (ROUNDS_VS_REFERENCE_COLUMNS)."""
    reference = load_reference_rounds() if reference is None else reference
    period = _corpus_period(documents_table)
    found = [] if rounds is None else rounds.to_dict("records")
    used: set[str] = set()
    records = []
    for known in reference.to_dict("records"):
        if known["start"] is None:
            continue
        matches = [r for r in found if _covers(r, known)]
        in_period = period is not None and period[0] <= known["start"] and \
            known["end"] <= period[1]
        if in_period or matches:  # (an earlier round the articles recall is listed too)
            used.update(r["round_id"] for r in matches)
            records.append(_known_row(known, matches))
    for row in found:
        if row["round_id"] not in used and _day(row["start_date"]):
            records.append({"status": "not_in_reference", **_found_fields([row])})
    if not records:
        return schema.empty("rounds_vs_reference")
    return schema.conform(pd.DataFrame.from_records(records), "rounds_vs_reference")


def _corpus_period(documents_table) -> tuple[dt.date, dt.date] | None:
    if documents_table is None or len(documents_table) == 0:
        return None
    days = [d for d in map(_day, documents_table["report_date"]) if d]
    if not days:
        return None
    return min(days) - PERIOD_MARGIN, max(days) + PERIOD_MARGIN


def _known_row(known: dict, matches: list[dict]) -> dict:
    return {
        "status": "reported" if matches else "not_reported",
        "reference_start": known["start"].isoformat(),
        "reference_end": known["end"].isoformat() if known["end"] != known["start"] else "",
        "reference_place": known["city"],
        "reference_participants": known["participants"],
        "reference_event": known["event_type"],
        "reference_source": known["source_url"],
        **_found_fields(matches),
    }


def _found_fields(matches: list[dict]) -> dict:
    docs = sorted({d for r in matches for d in str(r["doc_ids"]).split(";") if d})
    return {
        "round_ids": ";".join(r["round_id"] for r in matches),
        "round_start": ";".join(r["start_date"] for r in matches if r["start_date"]),
        "round_location": ";".join(dict.fromkeys(r["location"] for r in matches
                                                 if r["location"])),
        "n_reports": len(docs),
        "doc_ids": ";".join(docs),
    }
