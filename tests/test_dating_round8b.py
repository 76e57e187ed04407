"""Round 8, second pass of issue 12: readings that left articles undated although their
evidence narrows them. The sentences are our own, written to the mechanism; each case says
what must and must not come out."""

import datetime as dt

from analysis.rules.dates import date_signals

D = dt.date


def _events(text):
    return [(m["event"], m.get("tense"), bool(m.get("since")))
            for m in date_signals(text) if m["kind"] == "event"]


def test_an_event_whose_phrase_opens_with_since_is_past_in_a_future_sentence():
    text = ("The meeting in Doha will be the first round of talks since Trump took office "
            "on Jan. 20, officials said.")
    found = [(t, s) for e, t, s in _events(text) if "inaugurated" in e]
    assert found == [("past", True)], _events(text)
    # the inauguration told as coming stays coming
    coming = "Trump's inauguration on January 20 will be a very big day, the envoy said."
    assert [t for e, t, _ in _events(coming) if "inaugurated" in e] == ["future"], \
        _events(coming)


def test_the_november_2023_truce_named_by_its_six_days():
    text = "A total of 73 Israelis have been freed during the six-day truce."
    assert [e for e, _, _ in _events(text) if "week-long truce" in e], _events(text)
    # its first length is not read (withdrawn: the deal's announcement and later proposals
    # name a four-day truce too)
    announced = "Qatar announced an agreement for a four-day pause in the fighting."
    assert not [e for e, _, _ in _events(announced) if "week-long truce" in e], \
        _events(announced)


def test_a_yearless_date_beside_the_six_day_truce_takes_its_year():
    from analysis.assemble import dating
    text = ("The truce was extended again this morning. With the Nov. 29 releases, a total "
            "of 73 Israelis have been freed during the six-day truce.")
    inf = dating.infer_date(date_signals(text), [], [])
    assert inf.report_date is not None and inf.report_date.year == 2023, inf.evidence


def test_a_proposal_of_the_paris_meetings_names_the_three_meetings():
    text = "Hamas said it was studying a proposal thrashed out in Paris to halt the war."
    events = [e for e, t, _ in _events(text) if "Paris" in e]
    assert len(events) == 3, _events(text)
    for text in ("The plan was put forward by Qatari and Egyptian officials during recent "
                 "meetings in France.",
                 "The delegation will discuss the outcome of the Paris meeting."):
        assert [e for e, _, _ in _events(text) if "Paris" in e], _events(text)
    # France's own proposal for Lebanon is not one of them
    assert not [e for e, _, _ in _events("a proposal presented by France for a ceasefire in "
                                         "Lebanon") if "Paris" in e]


def _toll(value, qualifier):
    return {"metric": "killed", "population": "palestinian", "value": value,
            "qualifier": qualifier, "scope": "cumulative", "quote": f"more than {value:,}"}


def test_a_stale_round_lower_bound_is_no_conflict():
    from analysis.assemble import dating
    # a report dated by its full dates of late October 2025 still says "more than 60,000"
    # (passed in late July; the count stood near 68,000): the bound holds, the date stays
    text = ("On 21 October 2025, Egypt's intelligence chief met Israeli officials, a day after "
            "talks on 20 October 2025 in Cairo. Envoys had arrived on 19 October 2025.")
    inf = dating.infer_date(date_signals(text), [_toll(60000, "lower_bound")], [])
    assert inf.report_date is not None and abs((inf.report_date - D(2025, 10, 21)).days) <= 3, \
        inf.evidence
    # a lower bound the best day lies before still disagrees: "more than 60,000" beside
    # full dates of March 2025 (the count then near 49,000) leaves it undated
    early = "On 21 March 2025, officials met in Cairo, a day after talks on 20 March 2025."
    inf = dating.infer_date(date_signals(early), [_toll(60000, "lower_bound")], [])
    assert inf.report_date is None or abs((inf.report_date - D(2025, 3, 21)).days) > 30 or \
        "disagrees" not in inf.evidence, inf.evidence


def test_a_yearless_date_after_a_truce_milestone_takes_its_year():
    text = ("A three-phase ceasefire deal between Israel and Hamas took effect on January 19. "
            "Talks on its second phase remain stalled after the initial 42-day phase expired "
            "on March 1.")
    hints = {m["text"]: m.get("year_hint") for m in date_signals(text)
             if m["kind"] == "month_day"}
    assert hints == {"January 19": 2025, "March 1": 2025}, hints
    # an earlier month does not take the year (it may be of the next year)
    text2 = ("The ceasefire took effect on October 10. Hamas returned the last remains on "
             "January 5.")
    hints2 = {m["text"]: m.get("year_hint") for m in date_signals(text2)
              if m["kind"] == "month_day"}
    assert hints2.get("January 5") is None, hints2


def test_deceased_hostages_it_is_still_holding_are_remains_held():
    text = ("Hamas must immediately return the three deceased hostages it is still holding, "
            "the prime minister's office said.")
    assert [m["count"] for m in date_signals(text) if m["kind"] == "remains"] == [3]
    # bodies recovered are not the count held
    recovered = "Israel has recovered the bodies of two hostages held in Gaza."
    assert not [m for m in date_signals(recovered) if m["kind"] == "remains"]


def test_a_holiday_named_since_its_start_has_begun():
    from analysis.assemble import dating
    text = ("Talks are set to restart on Sunday, the first indirect negotiations since the start "
            "of Ramadan.")
    ramadan = [m for m in date_signals(text) if m["kind"] == "holiday"]
    assert ramadan and ramadan[0].get("began"), ramadan
    inf = dating.infer_date(date_signals(text), [], [])
    holiday = [c for c in inf.constraints if c.kind == "holiday"]
    days, _ = dating.calendar_days()
    allowed = [d for d, ok in zip(days, holiday[0].allowed) if ok]
    assert D(2024, 3, 16) in allowed and D(2024, 3, 1) not in allowed, holiday[0].label
    # "ahead of Ramadan" stays coming
    ahead = [m for m in date_signals("Mediators hope for a deal ahead of Ramadan.")
             if m["kind"] == "holiday"]
    assert ahead and not ahead[0].get("began"), ahead
