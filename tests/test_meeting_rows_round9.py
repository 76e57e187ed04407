"""Round 9: the day of date words a future or past verb governs, one weekday one day
(analysis.assemble.meeting_words, meeting_days)."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.assemble.meeting_days import resolve_date
from analysis.assemble.meeting_words import future_day, tense_of

WEDNESDAY = dt.date(2024, 8, 21)
SATURDAY = dt.date(2024, 8, 24)
SUNDAY = dt.date(2024, 12, 1)


@pytest.mark.parametrize("words, report, day", [
    ("on Sunday", WEDNESDAY, dt.date(2024, 8, 25)),  # the coming Sunday, not the last one
    ("on Sunday", SATURDAY, dt.date(2024, 8, 25)),  # tomorrow
    ("August 25", SATURDAY, dt.date(2024, 8, 25)),  # this year's, not last year's
    ("on Saturday", SUNDAY, dt.date(2024, 11, 30)),  # a copy dated a day after the original
    ("on Sunday", SUNDAY, SUNDAY),  # today
])
def test_coming_days(words, report, day):
    assert resolve_date(words, report, "coming")[0] == day


def mention(sentence, date_text, tense="past", status="held"):
    return {"sentence": sentence, "date_text": date_text, "tense": tense, "status": status}


def test_a_future_verb_before_the_day_makes_it_coming():
    said = mention("Talks between Israel and Hamas will commence in Cairo on Sunday.",
                   "on Sunday")
    assert future_day(said) and tense_of(said) == "coming"
    slated = mention("The delegation to the next round in Cairo is slated for August 25.",
                     "August 25")
    assert tense_of(slated) == "coming"


def test_no_future_verb_or_one_after_a_held_meeting_leaves_the_tense():
    held = mention("The team will return home after the talks held on Sunday.", "on Sunday")
    assert not future_day(held) and tense_of(held) == "past"
    said_first = mention("Hamas said on Sunday that it will attend the talks.", "on Sunday")
    assert not future_day(said_first)
    future = mention("Burns will travel to Doha on Friday.", "on Friday", tense="future",
                     status="planned")
    assert tense_of(future) == "future"  # the mention's own future stays


def test_a_past_verb_before_the_day_makes_it_past():
    relative = mention("Witkoff, who met the Qatari prime minister in Doha on Friday, will "
                       "return to Qatar.", "on Friday", tense="future", status="planned")
    assert tense_of(relative) == "past"
    assert resolve_date("on Friday", dt.date(2025, 1, 11), "past")[0] == dt.date(2025, 1, 10)
    plan = mention("He met Burns and will travel to Cairo on Monday.", "on Monday",
                   tense="future", status="planned")
    assert tense_of(plan) == "future"


def test_one_weekday_name_is_one_day_in_an_article():
    from analysis.assemble.meeting_days import held_weekdays, same_weekday

    tuesday = dt.date(2023, 12, 19)
    held = held_weekdays([mention("He met with Burns on Monday.", "on Monday")], tuesday)
    assert held == {0: dt.date(2023, 12, 18)}
    plan = mention("Burns will meet them in Warsaw on Monday.", "on Monday", tense="future",
                   status="planned")
    assert same_weekday(plan, dt.date(2023, 12, 25), tuesday, held) == dt.date(2023, 12, 18)
    following = {**plan, "date_text": "next Monday"}
    assert same_weekday(following, dt.date(2023, 12, 25), tuesday, held) == dt.date(2023, 12, 25)
    assert same_weekday(plan, dt.date(2023, 12, 25), tuesday, {}) == dt.date(2023, 12, 25)


def test_a_late_copy_takes_the_recorded_day_before_the_report():
    from analysis.assemble.meeting_days import late_copy_weekday

    rows = [{"date": "2024-12-07", "date_text": "on Saturday", "location": "Cairo",
             "status": "planned"},
            {"date": "2024-12-07", "date_text": "next Saturday", "location": "Cairo",
             "status": "planned"},
            {"date": "2024-12-07", "date_text": "on Saturday", "location": "Rome",
             "status": "planned"}]
    late_copy_weekday(rows, dt.date(2024, 12, 1))  # the record: Cairo, 30 Nov - 1 Dec 2024
    assert [r["date"] for r in rows] == ["2024-11-30", "2024-12-07", "2024-12-07"]


def _held_at(place):
    from analysis.assemble.meeting_match import Cluster

    return Cluster(mentions=[{"kind": "primary", "status": "held", "quote": "left Cairo"}],
                   location=place, held=True)


@pytest.mark.parametrize("quote, status, apart", [
    ("delegation will return to Cairo", "planned", True),  # a coming back: another meeting
    ("the next round of talks in Cairo", "planned", True),
    ("Barnea is expected to return to Qatar Friday", "planned", True),
    ("delegation will travel to Cairo for the talks", "planned", False),  # a trip to them
    ("delegation returned to Cairo on Monday", "held", False),  # held: the same talks
])
def test_a_further_meeting_is_not_the_one_held(quote, status, apart):
    from analysis.assemble.meeting_match import _further_meeting

    mention = {"kind": "primary", "status": status, "quote": quote, "location": "Cairo"}
    assert _further_meeting(_held_at("Cairo"), mention) is apart


@pytest.mark.parametrize("people, side, apart", [
    (["David Barnea", "Ronen Bar"], "Hamas", True),  # Israel's chiefs held, Hamas's trip planned
    (["David Barnea", "William Burns"], "Hamas", False),  # a mediator in it: no single party
    (["David Barnea"], "Israel", False),  # the same party's trip joins its talks
    ([], "Hamas", False),  # nobody named: no party
])
def test_a_party_trip_is_not_the_other_partys_talks(people, side, apart):
    from analysis.assemble.meeting_match import Cluster, _other_side_trip

    held = Cluster(mentions=[{"kind": "primary", "status": "held", "participants": people}],
                   participants=people, location="Cairo", held=True)
    trip = {"kind": "primary", "status": "planned", "delegation_side": side, "location": "Cairo"}
    assert _other_side_trip(held, trip) is apart
