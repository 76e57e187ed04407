"""Round 12 of issue 12: captivity durations in two more forms (dev13/1633, dev14/1857,
dev14/1849); the sentences are our own, written to the mechanism."""

import datetime as dt

from analysis.assemble import dating
from analysis.rules.dates import date_signals


def _durations(text):
    return [(m["text"], m["amount"], m["unit"], m["qualifier"]) for m in date_signals(text)
            if m["kind"] == "duration"]


def test_hostages_held_by_an_agent_in_a_place_for_days():
    assert _durations("Relatives of hostages held captive by Hamas in the Gaza Strip for 640 "
                      "days met the minister.") == \
        [("hostages held captive by Hamas in the Gaza Strip for 640 days", 640, "day", "exact")]
    assert _durations("Hostages held in Gaza for 100 days.") == \
        [("Hostages held in Gaza for 100 days", 100, "day", "exact")]


def test_a_return_after_days_is_the_captivity_it_ends():
    assert _durations("Three women were allowed to return home after 471 days. They are well.") \
        == [("return home after 471 days", 471, "day", "exact")]
    assert _durations("The men were returning after 491 days of hell, he said.") == \
        [("returning after 491 days", 491, "day", "exact")]
    assert _durations("She finally came home after an unbearable 471 days.") == \
        [("came home after an unbearable 471 days", 471, "day", "exact")]


def test_a_former_hostage_who_returned_is_not_read():
    assert _durations("Or Levy, who returned home after 491 days, spoke at the rally.") == []
    assert _durations("He had returned after 491 days and spoke.") == []


def test_the_return_dates_the_report():
    text = ("The ceasefire went into effect on Sunday, allowing three Israeli hostages held in "
            "the Gaza Strip to return home after 471 days.")
    inference = dating.infer_date(date_signals(text), [], [])
    assert inference.window is not None
    assert inference.window[0] <= dt.date(2025, 1, 20) <= inference.window[1]


def test_the_second_exchange_of_january_2025_by_its_count_and_its_four_soldiers():
    text = "Hamas has freed four Israeli female soldiers in a swap for 200 Palestinian prisoners."
    inference = dating.infer_date(date_signals(text), [], [])
    assert inference.window is not None
    assert inference.window[0] <= dt.date(2025, 1, 25) <= inference.window[1]
    assert dt.date(2025, 1, 20) <= inference.window[0]
    assert inference.window[1] <= dt.date(2025, 2, 15)
    # another count of prisoners, or four soldiers killed, is not that day
    other = dating.infer_date(date_signals("Israel released 210 Palestinian prisoners."), [], [])
    assert other.window is None or other.window[0] < dt.date(2025, 1, 25)


def _event_days(text):
    return [(m["text"], m.get("date")) for m in date_signals(text) if m["kind"] == "event"]


def test_a_truce_that_ended_on_its_weekday_names_its_end():
    assert _event_days("The ceasefire that began last week came to an end on Friday morning.") \
        == [("ceasefire that began last week came to an end on Friday", "2023-12-01")]
    assert _event_days("It differed from the truce agreement that collapsed on Friday.") == \
        [("truce agreement that collapsed on Friday", "2023-12-01")]
    assert ("truce that broke on Friday", "2023-12-01") in \
        _event_days("A new truce recedes after the seven-day truce that broke on Friday.")
    assert ("ceasefire collapsed on Tuesday", "2025-03-18") in \
        _event_days("The ceasefire collapsed on Tuesday as the strikes began.")
    # talks about a truce that ended, or a truce still to end, are not its end
    assert _event_days("Ceasefire talks in Cairo ended on Friday without a deal.") == []
    assert _event_days("The truce will end on Friday unless extended.") == []


def test_a_count_of_those_taken_still_rising_dates_the_first_weeks():
    from analysis.assemble.dating.base import calendar_days
    from analysis.assemble.dating.hostages import EARLY_TAKEN_UNTIL, early_taken_constraint

    days, _ = calendar_days()

    def taken(value, qualifier="exact", population="israeli"):
        return early_taken_constraint({"metric": "hostages_taken", "value": value,
                                       "qualifier": qualifier, "population": population})

    c = taken(222, "lower_bound")   # "at least 222 people had been taken hostage"
    allowed = [d for d, ok in zip(days, c.allowed) if ok]
    assert allowed[0] <= dt.date(2023, 10, 23) <= allowed[-1] == EARLY_TAKEN_UNTIL
    assert taken(199) is not None
    # round counts ("more than 200", "about 150"), approximations, the final totals,
    # sub-counts of one nationality say nothing
    assert taken(200, "lower_bound") is None and taken(150) is None
    assert taken(203, "approx") is None and taken(251) is None
    assert taken(199, population="other") is None
