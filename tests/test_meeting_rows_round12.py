"""Round 12, second wave (issue 13): the report's day of a held meeting told without one
(docs/meetings.md, section 23)."""

from __future__ import annotations

import datetime as dt


def _row(status="held", date="", date_text=""):
    return {"date": date, "date_text": date_text, "location": "Cairo", "participants": "",
            "status": status}


def test_a_held_meeting_without_date_words_takes_the_report_day():
    """'During a meeting in Cairo, ...', 'Hamas negotiators in Cairo have received a new
    proposal': held, the report's day (gold convention). Plans, rows with date words ('last
    week') and rows with a day keep theirs."""
    from analysis.assemble.meeting_days import REPORT_DAY, report_day_of_held

    rows = [_row(), _row(status="planned"), _row(date_text="last week"),
            _row(date="2026-01-05")]
    report_day_of_held(rows, dt.date(2026, 1, 8))
    assert [r["date"] for r in rows] == ["2026-01-08", "", "", "2026-01-05"]
    assert [r.get("day_source", "") for r in rows] == [REPORT_DAY, "", "", ""]


def test_no_report_date_no_day():
    from analysis.assemble.meeting_days import report_day_of_held

    rows = [_row()]
    report_day_of_held(rows, None)
    assert rows[0]["date"] == "" and "day_source" not in rows[0]
