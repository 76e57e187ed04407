"""Round 9, second wave, of issue 12: evidence that chooses among the compiled rounds of
talks an article's meetings fit (the largest class of abstentions). The sentences are our
own, written to the mechanism; each case says what must and must not come out."""

from analysis.rules.dates import date_signals


def _events(text):
    return [(m["event"], m.get("tense")) for m in date_signals(text) if m["kind"] == "event"]


def _philadelphi(text):
    return [e for e, t in _events(text) if "Philadelphi corridor" in e and t != "future"]


def test_israeli_troops_on_the_philadelphi_corridor_are_after_may_2024():
    for text in ("The talks stalled over Israel's presence in the Philadelphi Corridor.",
                 "Hamas demands that Israeli forces withdraw from the Philadelphi corridor.",
                 "Netanyahu insists on keeping troops deployed along the Philadelphi route.",
                 "Egypt wants a full withdrawal of Israeli troops from the Philadelphi Corridor.",
                 "Israel wants to maintain control of the Philadelphi Corridor."):
        assert _philadelphi(text), (text, _events(text))
    # the corridor named as a place, or as a plan before the army took it, is not that state
    for text in ("The Philadelphi Corridor runs along Gaza's border with Egypt.",
                 "Netanyahu said the Philadelphi corridor must be in Israel's hands."):
        assert not _philadelphi(text), (text, _events(text))


def test_three_hostages_killed_by_mistake_in_other_words():
    for text in ("This came after three Israeli hostages were accidentally killed by the army.",
                 "Soldiers mistakenly shot and killed three hostages who had escaped.",
                 "It came after three hostages were mistakenly killed by troops in Gaza."):
        assert [e for e, _ in _events(text) if "mistakenly shot" in e], (text, _events(text))
    # three others shot by mistake are not the hostages of December 2023
    other = "Soldiers mistakenly shot dead three Palestinians near the fence."
    assert not [e for e, _ in _events(other) if "mistakenly shot" in e], _events(other)


def _last_month(text):
    return [m["event"] for m in date_signals(text) if m["kind"] == "event" and m.get("last_month")]


def test_an_event_told_as_last_months_puts_the_report_in_the_next_month():
    import datetime as dt

    from analysis.assemble import dating
    for text in ("The deal follows the 20-point peace plan announced last month by Trump.",
                 "Last month, the International Criminal Court issued arrest warrants for "
                 "Netanyahu and Gallant."):
        assert _last_month(text), (text, date_signals(text))
    inf = dating.infer_date(date_signals(
        "The deal follows the 20-point peace plan announced last month by Trump."), [], [])
    told = [c for c in inf.constraints if "last month" in c.label]
    days, _ = dating.calendar_days()
    allowed = [days[i] for i in told[0].allowed.nonzero()[0]]
    assert allowed[0] >= dt.date(2025, 9, 30) and allowed[-1] <= dt.date(2025, 11, 1), allowed
    # "last month" of another clause is not the event's
    other = "The talks broke down last month, after Israel's strike on Hamas leaders in Doha."
    assert not _last_month(other), date_signals(other)


def test_a_count_a_past_deal_named_is_not_the_count_held_now():
    from analysis.assemble.dating.hostages import not_a_current_count
    sentence = ("In the first phase of the Gaza deal, Palestinian terrorists committed to "
                "releasing the remaining 48 living and dead captives held in the territory.")
    assert not_a_current_count({"sentence": sentence, "quote": "48 living and dead captives"})
    held = "Hamas is still holding 48 hostages in Gaza, the army said."
    assert not not_a_current_count({"sentence": held, "quote": "48 hostages"})
