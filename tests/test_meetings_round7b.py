"""Round 7, second pass of the meeting rules: the place of a meeting told on the same day as
another of its people, and a delegation received."""

from __future__ import annotations

from analysis.assemble.meetings import Cluster, _place_of_the_day
from analysis.rules.meeting_mentions.checks import _delegation_object


def _row(location: str, date: str, people: str, status: str = "held") -> dict:
    return {"location": location, "date": date, "participants": people, "status": status}


def test_same_day_same_people_takes_the_place():
    """'The emir held meetings in Doha on Monday with al-Hayya and Witkoff ... Sheikh Tamim
    also met with Witkoff and McGurk' (a separate statement, no place): Doha."""
    rows = [_row("Doha", "2025-01-13", "Tamim bin Hamad Al Thani;Steve Witkoff"),
            _row("", "2025-01-13", "Tamim bin Hamad Al Thani;Steve Witkoff;Brett McGurk")]
    _place_of_the_day([(r, Cluster()) for r in rows])
    assert rows[1]["location"] == "Doha"


def test_one_shared_person_or_another_day_leaves_it():
    rows = [_row("Washington", "2025-04-07", "Benjamin Netanyahu;Donald Trump"),
            _row("", "2025-04-07", "Benjamin Netanyahu;Yariv Levin"),
            _row("", "2025-04-08", "Benjamin Netanyahu;Donald Trump"),
            _row("", "2025-04-07", "Benjamin Netanyahu;Donald Trump", "planned")]
    _place_of_the_day([(r, Cluster()) for r in rows])
    assert [r["location"] for r in rows[1:]] == ["", "", ""]


def test_a_delegation_received():
    words = {"delegation", "delegations", "team", "teams"}
    assert _delegation_object(["a", "hamas", "delegation", "led", "by"], words)
    assert _delegation_object(["the", "israeli", "negotiating", "team"], words)
    assert not _delegation_object(["a", "reply", "from", "the", "delegation"], words)
    assert not _delegation_object(["hamas's", "response"], words)
