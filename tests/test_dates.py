"""analysis.rules.dates: every date form, report dates on different weekdays, across a year
boundary, without a report date; plus the cases where plain dateparser is wrong (why our
rules exist)."""

import dataclasses
import datetime as dt

import dateparser
import pytest

from analysis.rules.dates import ResolvedDate, find_dates, resolve, tense_of

D = dt.date
SUN = D(2024, 1, 28)   # Sunday (seed 004)
WED = D(2024, 5, 8)    # Wednesday (seed 003)
TUE = D(2023, 11, 28)  # Tuesday (seed 001)
SAT = D(2024, 3, 9)    # Saturday (seed 000)
JAN2 = D(2024, 1, 2)   # Tuesday just after a year boundary


def day(text, report, tense=None):
    return resolve(text, report, tense).date


def span(text, report, tense=None):
    r = resolve(text, report, tense)
    return r.date, r.end, r.precision


# --- weekdays --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, report, expected", [
    ("on Tuesday", TUE, D(2023, 11, 28)),       # same weekday as the report: the report day
    ("on Monday", WED, D(2024, 5, 6)),
    ("On Wednesday", WED, D(2024, 5, 8)),
    ("on Saturday", SAT, D(2024, 3, 9)),
    ("on Friday", SUN, D(2024, 1, 26)),
    ("on Saturday", SUN, D(2024, 1, 27)),
    ("this Sunday", SUN, D(2024, 1, 28)),
    ("on Sunday", JAN2, D(2023, 12, 31)),         # across the year boundary
    ("last Sunday", SUN, D(2024, 1, 21)),         # "last" excludes the report day
    ("Thursday night", SAT, D(2024, 3, 7)),
])
def test_weekday_past(text, report, expected):
    assert day(text, report) == expected
    assert day(text, report, "past") == expected
    assert resolve(text, report).precision == "day"
    assert not resolve(text, report).planned


@pytest.mark.parametrize("text, report, expected", [
    ("will meet on Sunday", D(2024, 1, 25), D(2024, 1, 28)),
    ("on Tuesday", SUN, D(2024, 1, 30)),
    ("on Wednesday", WED, D(2024, 5, 8)),          # later today
    ("on Monday", D(2023, 12, 29), D(2024, 1, 1)),  # into the next year
])
def test_weekday_future(text, report, expected):
    r = resolve(text, report, "future")
    assert r.date == expected and r.planned


def test_next_weekday_is_planned_and_after_report():
    r = resolve("next Tuesday", SUN)
    assert r.date == D(2024, 1, 30) and r.planned
    assert day("next Sunday", SUN) == D(2024, 2, 4)


def test_last_overrides_future_sentence():
    assert day("last Tuesday", SUN, "future") == D(2024, 1, 23)


def test_overnight_two_weekdays():
    r = resolve("Overnight Monday-Tuesday", WED)
    assert (r.date, r.end, r.precision) == (D(2024, 5, 6), D(2024, 5, 7), "day")
    assert span("overnight Saturday to Sunday", SUN)[:2] == (D(2024, 1, 27), D(2024, 1, 28))
    assert span("Monday night into Tuesday", JAN2)[:2] == (D(2024, 1, 1), D(2024, 1, 2))


# --- relative words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, report, expected", [
    ("yesterday", SAT, D(2024, 3, 8)),
    ("yesterday", D(2024, 1, 1), D(2023, 12, 31)),
    ("the day before yesterday", SAT, D(2024, 3, 7)),
    ("today", WED, WED),
    ("tonight", SUN, SUN),
    ("last night", WED, D(2024, 5, 7)),
    ("three days ago", SUN, D(2024, 1, 25)),
    ("2 days ago", JAN2, D(2023, 12, 31)),
])
def test_relative_days(text, report, expected):
    assert day(text, report) == expected


@pytest.mark.parametrize("text, report, start, end", [
    ("last week", SUN, D(2024, 1, 15), D(2024, 1, 21)),
    ("last week", JAN2, D(2023, 12, 25), D(2023, 12, 31)),
    ("this week", WED, D(2024, 5, 6), D(2024, 5, 12)),
    ("next week", SAT, D(2024, 3, 11), D(2024, 3, 17)),
    ("this weekend", SUN, D(2024, 1, 27), D(2024, 1, 28)),
    ("over the weekend", SUN, D(2024, 1, 27), D(2024, 1, 28)),
    ("over the weekend", D(2024, 1, 29), D(2024, 1, 27), D(2024, 1, 28)),  # Monday report
    ("this weekend", SAT, D(2024, 3, 9), D(2024, 3, 10)),
    ("last month", WED, D(2024, 4, 1), D(2024, 4, 30)),
    ("last month", JAN2, D(2023, 12, 1), D(2023, 12, 31)),
])
def test_week_and_month_spans(text, report, start, end):
    r = resolve(text, report)
    assert (r.date, r.end) == (start, end)
    assert r.precision in ("week", "month")


def test_this_weekend_future_from_a_weekday():
    r = resolve("this weekend", WED, "future")
    assert (r.date, r.end, r.planned) == (D(2024, 5, 11), D(2024, 5, 12), True)


def test_next_week_is_planned():
    assert resolve("next week", SAT).planned


@pytest.mark.parametrize("text", ["the coming days", "in the coming days", "the next few weeks",
                                  "in the coming weeks"])
def test_coming_days_planned_without_date(text):
    r = resolve(text, SUN)
    assert r.planned and r.date is None and r.precision is None


# --- month and day ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Nov 9", "Nov. 9", "9 November", "November 9th", "9th of Nov.",
                                  "on November 9", "NOV 9", "9 Nov"])
def test_month_day_any_order(text):
    assert day(text, TUE) == D(2023, 11, 9)
    assert day(text, JAN2) == D(2023, 11, 9)     # year before: Nov 2024 would be after the report


@pytest.mark.parametrize("text, report, expected", [
    ("Dec. 31", JAN2, D(2023, 12, 31)),
    ("Jan 1", JAN2, D(2024, 1, 1)),
    ("January 2", JAN2, D(2024, 1, 2)),            # the report day itself
    ("January 3", JAN2, D(2023, 1, 3)),            # would lie after the report: year before
    ("Oct. 7", SUN, D(2023, 10, 7)),
    ("October 7", WED, D(2023, 10, 7)),
    ("Feb 29", D(2024, 3, 1), D(2024, 2, 29)),
])
def test_month_day_year_rule(text, report, expected):
    assert day(text, report) == expected


def test_month_day_future_tense_goes_forward():
    assert day("Jan 5", D(2023, 12, 28), "future") == D(2024, 1, 5)
    assert resolve("Jan 5", JAN2, "future").planned


@pytest.mark.parametrize("text, expected", [
    ("Oct. 7, 2023", D(2023, 10, 7)),
    ("October 7, 2023", D(2023, 10, 7)),
    ("7 October 2023", D(2023, 10, 7)),
    ("November 9th, 2023", D(2023, 11, 9)),
    ("2024-01-28", D(2024, 1, 28)),
])
def test_explicit_years_with_and_without_report_date(text, expected):
    assert day(text, None) == expected
    assert day(text, WED) == expected


# --- parts of months --------------------------------------------------------------------------

@pytest.mark.parametrize("text, report, start, end", [
    ("the end of November", SUN, D(2023, 11, 21), D(2023, 11, 30)),
    ("at the end of November", TUE, D(2023, 11, 21), D(2023, 11, 30)),
    ("early January", SUN, D(2024, 1, 1), D(2024, 1, 10)),
    ("early January", D(2023, 12, 20), D(2023, 1, 1), D(2023, 1, 10)),   # past default
    ("mid-February", WED, D(2024, 2, 11), D(2024, 2, 20)),
    ("mid-February", SUN, D(2023, 2, 11), D(2023, 2, 20)),
    ("late December", JAN2, D(2023, 12, 21), D(2023, 12, 31)),
    ("the beginning of March", SAT, D(2024, 3, 1), D(2024, 3, 10)),
    ("in January", WED, D(2024, 1, 1), D(2024, 1, 31)),
    ("November 2023", None, D(2023, 11, 1), D(2023, 11, 30)),
    ("mid-February 2024", None, D(2024, 2, 11), D(2024, 2, 20)),
    ("late February 2024", None, D(2024, 2, 21), D(2024, 2, 29)),
])
def test_parts_of_months(text, report, start, end):
    assert span(text, report) == (start, end, "month")


def test_part_of_month_future():
    r = resolve("early January", D(2023, 12, 20), "future")
    assert (r.date, r.end, r.planned) == (D(2024, 1, 1), D(2024, 1, 10), True)


# --- no report date ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["on Tuesday", "yesterday", "last week", "Nov 9", "this weekend",
                                  "the end of November", "Overnight Monday-Tuesday", "tonight"])
def test_relative_forms_without_report_date_are_empty(text):
    r = resolve(text, None)
    assert r.date is None and r.end is None and r.precision is None
    assert r.text == text


def test_result_is_frozen_and_keeps_text():
    r = resolve("Nov. 9", TUE)
    assert isinstance(r, ResolvedDate) and r.text == "Nov. 9" and r.end == r.date
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.date = None


def test_nonsense_is_unresolved():
    r = resolve("the talks", WED)
    assert r.date is None and not r.planned


# --- where dateparser alone is wrong ---------------------------------------------------------

def _dp(text, base, prefer="past"):
    parsed = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)), "PREFER_DATES_FROM": prefer})
    return parsed.date() if parsed else None


def test_dateparser_skips_the_report_weekday():
    # "spoke this Sunday" in a Sunday report: dateparser gives the Sunday a week before.
    assert _dp("Sunday", SUN) == D(2024, 1, 21)
    assert day("this Sunday", SUN) == SUN
    assert _dp("Tuesday", TUE) == D(2023, 11, 21)
    assert day("on Tuesday", TUE) == TUE


def test_dateparser_has_no_spans_or_planned_forms():
    for text in ("the end of November", "early January", "mid-February", "this weekend",
                 "the coming days"):
        assert _dp(text, SUN) is None
        assert resolve(text, SUN).precision is not None or resolve(text, SUN).planned
    # "last week" is a single day to dateparser, a Monday-Sunday week to us
    assert _dp("last week", SUN) == D(2024, 1, 21)
    assert span("last week", SUN)[2] == "week"


def test_dateparser_right_where_we_use_it():
    assert _dp("Nov 9", JAN2) == D(2023, 11, 9) == day("Nov 9", JAN2)
    assert _dp("yesterday", SAT) == D(2024, 3, 8) == day("yesterday", SAT)


# --- finding ----------------------------------------------------------------------------------

def test_find_dates_in_seed_sentences():
    text = ("On Wednesday, talks were held in Cairo, after Hamas on Monday accepted. Overnight "
            "Monday-Tuesday, forces seized the crossing. Barnea met Sheikh Mohammed on Nov 9 and "
            "at the end of November; the war began on Oct. 7, 2023. Burns will travel in the "
            "coming days. Mossad Director David Barnea met yesterday.")
    found = [t for _, _, t in find_dates(text)]
    assert found == ["On Wednesday", "on Monday", "Overnight Monday-Tuesday", "Nov 9",
                     "the end of November", "Oct. 7, 2023", "in the coming days", "yesterday"]
    for start, end, t in find_dates(text):
        assert text[start:end] == t


def test_find_dates_forms():
    text = ("9 November, November 9th, 9th of Nov., mid-February, early January 2024, "
            "last week, this weekend, over the weekend, three days ago, 2024-01-28, "
            "in May, this Sunday, next Tuesday morning, tonight")
    found = [t for _, _, t in find_dates(text)]
    assert found == ["9 November", "November 9th", "9th of Nov.", "mid-February",
                     "early January 2024", "last week", "this weekend", "over the weekend",
                     "three days ago", "2024-01-28", "in May", "this Sunday",
                     "next Tuesday morning", "tonight"]


def test_find_dates_ignores_may_the_verb():
    assert find_dates("This may take weeks, and talks in may not resume.") == []


def test_tense_of():
    assert tense_of("CIA director Bill Burns will meet the head of Mossad.") == "future"
    assert tense_of("Talks are expected to resume on Sunday.") == "future"
    assert tense_of("The meetings began on Saturday and continued on Sunday.") == "past"


def test_month_abbreviation_must_end_the_word():
    # "28 deceased hostages" is not 28 December; "Dec. 28" and "28 Dec 2024" still are
    assert find_dates("Hamas was to return all 28 deceased hostages.") == []
    assert [t for _, _, t in find_dates("on 28 Dec 2024 and Dec. 28")] == ["28 Dec 2024",
                                                                          "Dec. 28"]


def test_bare_month_keeps_its_year():
    found = find_dates("Aid deliveries stopped in March 2025.")
    assert [t for _, _, t in found] == ["in March 2025"]
    assert resolve("in March 2025", None).date == dt.date(2025, 3, 1)


def test_singular_durations_and_holidays_are_signals():
    from analysis.rules.dates import date_signals

    mentions = date_signals("After a year of war, families broke their Ramadan fast. "
                            "Ramadan ends soon; Passover follows.")
    duration = [m for m in mentions if m["kind"] == "duration"]
    assert [(m["amount"], m["unit"]) for m in duration] == [(1, "year")]
    holidays = [m["holiday"] for m in mentions if m["kind"] == "holiday"]
    # every mention (up to three per holiday); the inference keeps the most telling one
    assert holidays == ["ramadan", "ramadan", "passover"]


def test_anniversary_of_october_7_is_a_duration_in_years():
    from analysis.rules.dates import date_signals

    found = [m for m in date_signals("Crowds marked the first anniversary of the Oct. 7 "
                                     "attack and, a year later, the second anniversary of "
                                     "the war.") if m["kind"] == "duration"]
    assert [(m["amount"], m["unit"], m["qualifier"]) for m in found] == [
        (1, "year", "anniversary"), (2, "year", "anniversary")]


def test_an_extension_until_a_date_is_coming_but_a_truce_held_until_one_is_past():
    from analysis.rules.dates import date_signals
    coming = "Israel has maintained it wants an extension of the first phase until mid-April."
    past = "The truce held until March 1."
    assert [m["tense"] for m in date_signals(coming) if m["kind"] == "part_month"] == ["future"]
    assert [m["tense"] for m in date_signals(past) if m["kind"] == "month_day"] == ["past"]


def test_the_first_anniversary_told_alone_is_the_wars():
    from analysis.rules.dates import date_signals
    alone = "On the first anniversary, Israel believes 63 people are still held."
    other = "Crowds marked the first anniversary of his killing."
    assert [m["amount"] for m in date_signals(alone) if m["kind"] == "duration"] == [1]
    assert not [m for m in date_signals(other) if m["kind"] == "duration"]


# --- round 5, fourth pass: stricter readings of events, holidays and dates ---------------------

def _events(text):
    from analysis.rules.dates import date_signals
    return [(m["kind"], m.get("event") or m.get("holiday"), m.get("tense"))
            for m in date_signals(text) if m["kind"] in ("event", "holiday", "month_day")]


def test_a_then_president_elect_is_no_state_of_the_report():
    assert _events("The deal came with the help of then-U.S. President-elect Donald Trump.") \
        == []
    assert _events("The former war cabinet member spoke on Monday.") == []


def test_a_hostages_name_alone_is_not_the_event_of_his_death():
    found = _events("On Wednesday, Hamas released a video of Hersh Goldberg-Polin, who has "
                    "been held since Oct. 7.")
    assert all("six hostages" not in str(e) for e in found)
    assert any("six hostages" in str(e) for e in _events(
        "Protests grew after the killing of American-Israeli hostage Hersh Goldberg-Polin."))


def test_a_holidays_name_as_a_surname_is_no_holiday():
    assert _events("One freed prisoner, Mahdi Ramadan, described it as a new birth.") == []
    assert _events("Talks resumed during the Muslim holy month of Ramadan.")[0][1] == "ramadan"


def test_a_date_after_since_in_a_future_sentence_is_past():
    found = _events("This will be the fourth exchange since the ceasefire agreement took "
                    "effect on January 19th.")
    # (the fourth exchange itself is coming: round 9's rows of the Nth exchange)
    since = [f for f in found if "fourth exchange" not in (f[1] or "")]
    assert since and all(tense == "past" for _, _, tense in since), found
    assert all(t == "future" for _, e, t in found if "fourth exchange" in (e or "")), found


def test_a_war_named_by_its_length_is_over():
    assert _events("Officials gave figures. During the 12-day conflict, 29 Israelis were "
                   "killed.") == \
        [("event", "Israel strikes Iran (the twelve-day war)", "past")]


def test_bodies_recovered_are_no_remains_held_in_the_text():
    from analysis.rules.dates import date_signals
    recovered = "Israel has recovered the bodies of two hostages held in the Gaza Strip."
    assert not [m for m in date_signals(recovered) if m["kind"] == "remains"]
    held = "Hamas still holds the bodies of 11 hostages."
    assert [m["count"] for m in date_signals(held) if m["kind"] == "remains"] == [11]


def test_a_past_plan_before_a_holiday_does_not_make_it_coming():
    # (the holiday's mention; the 2024 push for a truce before Ramadan is a state, round 9)
    past = [e for e in _events("The mediators had hoped to secure a ceasefire before the start "
                               "of Ramadan, but progress faltered.") if e[0] == "holiday"]
    assert past and past[0][2] != "future", past
    coming = [e for e in _events("The mediators hope to secure a ceasefire before the start of "
                                 "Ramadan.") if e[0] == "holiday"]
    assert coming and coming[0][2] == "future", coming


def _durations(text):
    from analysis.rules.dates import date_signals
    return [m["amount"] for m in date_signals(text) if m["kind"] == "duration"]


def test_a_span_after_the_attack_told_of_a_dated_event_is_not_the_reports_age():
    assert _durations("On 21 October, two weeks after the initial attacks, Hamas released "
                      "two hostages.") == []
    assert _durations("Two weeks after the initial attacks, Israel is still bombing Gaza.") \
        == [2]


def test_captivity_named_with_its_captor_is_the_hostages_age_of_captivity():
    assert _durations("The hostages, who have been in Hamas captivity for 23 days, spoke.") \
        == [23]


@pytest.mark.parametrize("text, count", [
    ("Militants had returned the remains of 15 hostages since the ceasefire began, with 13 "
     "more still to be recovered.", 13),
    ("The army received the remains of a hostage; if confirmed, it would bring the number "
     "of bodies in Gaza down to two.", 2),
    ("Rescuers pulled 20 bodies from the rubble, with 13 more still to be recovered.", None),
])
def test_the_remains_still_to_be_recovered_are_those_held(text, count):
    from analysis.rules.dates import date_signals
    found = [m["count"] for m in date_signals(text) if m["kind"] == "remains"]
    assert found == ([count] if count is not None else [])


def test_a_list_of_names_does_not_close_the_clause_of_its_verb():
    from analysis.rules.dates import date_signals

    def tenses(text):
        return [m.get("tense") for m in date_signals(text) if m["kind"] == "weekday"]
    assert tenses("Blinken will visit Egypt, Israel, Jordan and Qatar from Monday to "
                  "Wednesday, the State Department said.") == ["future", "future"]
    assert tenses("Israel will send a delegation, Egypt and Qatar said on Monday.") == ["past"]


# --- round 6 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount", [
    ("a deal to free the hostages held by Hamas for the past 130 days", 130),
    ("families of the hostages who have been held in Gaza for 200 days", 200),
])
def test_the_hostages_held_for_n_days_is_the_wars_age(text, amount):
    from analysis.rules.dates import date_signals
    found = [m for m in date_signals(text) if m["kind"] == "duration"]
    assert [(m["amount"], m["unit"]) for m in found] == [(amount, "day")]


@pytest.mark.parametrize("text", [
    "The hostages freed in November had been held for 50 days.",   # those freed, long ago
    "Noa Argamani, held for 245 days, was rescued.",                # one hostage, since freed
])
def test_a_captivity_that_ended_or_one_hostages_is_not_the_wars_age(text):
    from analysis.rules.dates import date_signals
    assert not [m for m in date_signals(text) if m["kind"] == "duration"]


@pytest.mark.parametrize("text, held", [
    ("Hamas had returned the remains of 20 hostages to Israel since the current ceasefire began.",
     8),
    ("Since the ceasefire took hold on October 10, 24 hostages' remains have been returned.", 4),
    ("The truce, brokered by the U.S., began on October 10 and has seen militants release the "
     "bodies of 25 hostages.", 3),
    ("If confirmed, that would leave the remains of seven others in Gaza.", 7),
])
def test_bodies_returned_since_the_october_2025_ceasefire_tell_the_bodies_still_held(text, held):
    from analysis.rules.dates import date_signals
    assert [m["count"] for m in date_signals(text) if m["kind"] == "remains"] == [held]


@pytest.mark.parametrize("text", [
    # the eight bodies of the January 2025 truce, or no truce in the sentence: no count held
    "Hamas has returned the bodies of four hostages since the ceasefire began.",
    "Hamas returned the bodies of 12 hostages during the war.",
])
def test_bodies_returned_without_the_october_deal_say_nothing(text):
    from analysis.rules.dates import date_signals
    assert not [m for m in date_signals(text) if m["kind"] == "remains"]


def test_an_event_with_its_own_date_is_not_of_the_reports_week():
    # "Hamas proposed amendments late Tuesday in response to the plan presented by President
    # Joe Biden on May 31": the plan is of 31 May, the weekday is the amendments'
    from analysis.rules.dates import date_signals
    text = ("Hamas proposed amendments late Tuesday in response to the plan presented by "
            "President Joe Biden on May 31, a source said.")
    plan = [m for m in date_signals(text) if m["kind"] == "event" and m["date"] == "2024-05-31"]
    assert plan and all(m.get("recent_days") != 8 for m in plan)


@pytest.mark.parametrize("text,tenses", [
    # a holiday named as the end of a period still to run: before its end, perhaps during it
    ("Washington wants to extend the ceasefire until after the Muslim holy month of Ramadan "
     "and the Jewish holiday of Passover.", {"Ramadan": "until", "Passover": "until"}),
    ("Israel proposed a truce until after Passover.", {"Passover": "until"}),
    # ... not "after" alone, not "until" alone (coming), not a coordination after "by"
    ("Fighting resumed after Ramadan.", {"Ramadan": "past"}),
    ("Talks stalled until Ramadan began.", {"Ramadan": "future"}),
])
def test_a_holiday_named_as_the_end_of_a_period_to_come(text, tenses):
    from analysis.rules.dates import date_signals
    found = {m["text"]: m.get("tense") for m in date_signals(text) if m["kind"] == "holiday"}
    assert found == tenses


def test_until_after_a_holiday_leaves_the_report_during_it():
    # a report of 6 March 2025, in Ramadan: the Passover of "until after Ramadan and
    # Passover" is still to come (from 40 days before it), Ramadan under way
    from analysis.assemble import dating
    from analysis.rules.dates import date_signals
    text = ("Washington wants to extend the ceasefire until after the Muslim holy month of "
            "Ramadan and the Jewish holiday of Passover.")
    days, _ = dating.calendar_days()
    march6 = dating._index(days, dt.date(2025, 3, 6))
    holidays = [c for c in dating.mention_constraints(date_signals(text)) if c.kind == "holiday"]
    assert len(holidays) == 2 and all(c.allowed[march6] for c in holidays)
    assert not any(c.allowed[dating._index(days, dt.date(2025, 4, 25))] for c in holidays)


def test_a_deadline_aside_takes_the_tense_of_the_clause_after_it():
    from analysis.rules.dates import date_signals
    coming = "Within three days, meaning by Oct. 13, Hamas is due to free the captives."
    assert [m["tense"] for m in date_signals(coming) if m["kind"] == "month_day"] == ["future"]
    past = "In all, by March 1, Hamas had freed 33 captives."
    assert [m["tense"] for m in date_signals(past) if m["kind"] == "month_day"] == ["past"]


def test_remains_returned_to_date_are_counted_from_the_28():
    from analysis.rules.dates import date_signals
    found = [m for m in date_signals("So far, the bodies of 17 hostages held in Gaza have "
                                     "been returned to Israel.") if m["kind"] == "remains"]
    assert [m["count"] for m in found] == [11]
    # eight or fewer: the January 2025 truce's bodies; no "to date": nothing
    assert not [m for m in date_signals("So far, the bodies of 6 hostages have been "
                                        "returned.") if m["kind"] == "remains"]
    assert not [m for m in date_signals("The bodies of 17 hostages have been returned.")
                if m["kind"] == "remains"]


def test_the_muslim_holy_month_said_to_begin_in_a_week_or_named_with_its_weekend():
    from analysis.rules.dates import date_signals
    found = [m for m in date_signals("A deal was sought before Ramadan. The Muslim holy month "
                                     "begins in a week.") if m["kind"] == "holiday"]
    assert any(m.get("starts_soon") for m in found)
    eid = [m for m in date_signals("A truce would begin over Eid al-Fitr this weekend.")
           if m["kind"] == "holiday"]
    assert eid and eid[0].get("starts_soon")
    # "the Muslim holy month of Ramadan" is one mention, not two
    assert len([m for m in date_signals("during the Muslim holy month of Ramadan")
                if m["kind"] == "holiday"]) == 1


def test_an_event_someone_wants_to_prevent_is_no_event():
    from analysis.rules.dates import date_signals
    assert not [m for m in date_signals("Hamas seeks guarantees to prevent a resumption of "
                                        "the fighting after any deal.") if m["kind"] == "event"]
