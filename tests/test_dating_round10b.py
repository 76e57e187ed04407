"""Round 10, second wave, of issue 12: mechanisms of dev10's first-run errors (the fresh
batch), each counted across every dev corpus. The sentences are our own, written to the
mechanism; each case says what must and must not come out."""

from analysis.rules.dates import date_signals


def _events(text):
    return [(m["event"], m.get("tense")) for m in date_signals(text) if m["kind"] == "event"]


EXTENDED = "the November 2023 truce extended by two days"


def test_the_two_day_extension_told_with_its_agreement_place_and_hours():
    # "will be extended by 48 hours" (dev10/1215), "the ceasefire agreement in the Gaza Strip
    # was extended for another two days" (dev4/568)
    assert _events("The ceasefire in Gaza will be extended by 48 hours after Hamas agreed "
                   "to free 20 more hostages.") == [(EXTENDED, "future")]
    assert _events("The day before, the ceasefire agreement in the Gaza Strip was extended "
                   "for another two days.") == [(EXTENDED, "past")]
    # another span, or a stay, is not this extension
    assert not _events("The ceasefire was extended by 42 days.")
    assert not _events("Netanyahu agreed to extend the delegation's stay in Doha by two days.")


def test_the_last_bodies_returned_by_name():
    # the return of a named body among the last held (as Hadar Goldin's, Amiram Cooper's):
    # dev10/1304, dev4/525 (Sudthisak Rinthalak, 3 December 2025), dev10/1207 (Meny Godard)
    def returned(text, who):
        return [t for e, t in _events(text) if who in e]
    for text in ("The body of Thai national Sudthisak Rinthalak has been handed over by "
                 "militant groups and recovered, Israeli authorities confirmed.",
                 "The body of Thai national Sudthisak Rinthalak, killed during the attack on "
                 "October 7, 2023, was returned and identified by Israeli authorities.",
                 "Remains of Thai Hostage Sudthisak Rinthalak Returned by Hamas"):
        assert returned(text, "Sudthisak"), (text, _events(text))
    assert returned("Israel identified the returned body as that of Meny Godard, who was "
                    "abducted from Kibbutz Be'eri.", "Godard")
    # named as still held, or at the time of the attack: no return
    for text in ("Four more bodies are still held, including Meny Godard and a Thai national, "
                 "Sudthisak Rinthalak, who was working in agriculture in Israel.",
                 "Sudthisak Rinthalak was abducted from Kibbutz Be'eri on October 7, 2023."):
        assert not returned(text, "Sudthisak") and not returned(text, "Godard"), \
            (text, _events(text))


def test_the_ledes_second_sentence_tells_the_news():
    # the first paragraph's second sentence is the lede too (dev10/1238; dev2/354, dev3/427,
    # dev3/483, dev7/946 are read the same way, each within a day of its report)
    resumed = "Israel resumes the war, ending the ceasefire"
    text = ("Israeli airstrikes pounded Gaza on Tuesday, killing more than 400 people, "
            "according to health authorities. The attacks ended weeks of relative calm after "
            "ceasefire talks stalled.\nBoth sides accused each other of violating the truce.")
    assert _events(text) == [(resumed, "recent")], _events(text)
    # ... not past the first paragraph: a new paragraph is background
    text = ("Israeli airstrikes pounded Gaza on Tuesday, killing more than 400 people.\n"
            "The attacks ended weeks of relative calm after ceasefire talks stalled.")
    assert _events(text) == [(resumed, "past")], _events(text)


def test_the_twenty_living_hostages_handed_back():
    # the return of 13 October 2025 told with "handed back", "live", "Israeli" (dev10/1296,
    # dev/148, dev4/543, dev5/763, dev5/786)
    twenty = "the last 20 living hostages released; Sharm el-Sheikh summit"
    for text in ("On Monday, Hamas handed back 20 living hostages along with four bodies.",
                 "Hamas has handed back 20 surviving hostages to Israel.",
                 "All 20 living Israeli hostages were released shortly after the ceasefire.",
                 "This was in exchange for the return of 20 live hostages held by Hamas."):
        assert [e for e, _ in _events(text) if e == twenty], (text, _events(text))
    # another count, or the bodies, is not this return
    for text in ("Hamas handed back 20 bodies of hostages.",
                 "Hamas handed back 2 living hostages."):
        assert not [e for e, _ in _events(text) if e == twenty], (text, _events(text))


def test_only_a_round_lower_bound_is_stale():
    """'More than 60,000' is still quoted months after the count passed it: the best day lying
    after its days is no conflict. A precise count told as a lower bound ('at least 50,983',
    dev11/1364) is its bulletin's count, quoted while current: months later it is a conflict,
    so the article stays undated rather than 120 days off."""
    import numpy as np

    from analysis.assemble.dating.base import Constraint, calendar_days
    from analysis.assemble.dating.decide import _far_conflicts, _stale_lower_bound

    n = len(calendar_days()[0])
    early = np.zeros(n, dtype=bool)
    early[100:110] = True
    later = 250   # 140 days after the toll's last day

    def toll(quote, value):
        return Constraint("toll", f"killed '{quote}' (lower_bound): ...", early, value=value)

    round_toll, precise_toll = toll("more than 60,000", 60000.0), toll("at least 50,983", 50983.0)
    assert _stale_lower_bound(round_toll, later)
    assert not _stale_lower_bound(precise_toll, later)
    assert not _stale_lower_bound(round_toll, 105)          # the best day inside its days
    assert _far_conflicts(later, [round_toll]) == []
    assert _far_conflicts(later, [precise_toll]) == ["killed 'at least 50,983' (lower_bound): ... "
                                                     "(141 days away)"]
