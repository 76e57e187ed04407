"""Round 13 of issue 12: an event told by key terms that co-occur in one sentence (the
timeline's "A & B" phrases, `analysis.rules.timeline._terms`), and the rows that use them;
the sentences are our own, written to the mechanism."""

import pytest

from analysis.rules import timeline


def _events(text):
    return sorted(m["date"] for m in timeline.find_events(text))


def test_terms_match_in_either_order_within_one_sentence():
    pattern = timeline._pattern("Netanyahu & Mar-a-Lago")
    assert pattern.search("Netanyahu flew on to Mar-a-Lago for dinner")
    assert pattern.search("At Mar-a-Lago on Monday the president hosted Netanyahu")
    assert pattern.search("the U.S. president and Netanyahu sat down at Mar-a-Lago")
    assert not pattern.search("Netanyahu spoke on Sunday. At Mar-a-Lago, guests arrived")
    assert not pattern.search("Netanyahu spoke\nMar-a-Lago guests arrived")
    assert not pattern.search("Netanyahu " + "x" * 200 + " Mar-a-Lago")


def test_three_terms_need_all_three():
    pattern = timeline._pattern("Boehler & talks & Hamas")
    assert pattern.search("Hamas said its talks with Boehler went well")
    assert not pattern.search("Boehler said Hamas must free the Americans")


def test_a_phrase_without_terms_is_unchanged():
    assert timeline._terms(r"Goldberg-Polin(?:['’]s)?\s+video") == \
        r"Goldberg-Polin(?:['’]s)?\s+video"


def test_the_literals_of_a_terms_phrase_are_those_of_its_terms():
    assert timeline.literals(timeline._pattern("Netanyahu & Mar-a-Lago").pattern) == \
        ("mar-a-lago",)


@pytest.mark.parametrize("text, dates", [
    # the Mar-a-Lago meetings share the phrase: either visit, the rest of the text decides
    ("Trump and Netanyahu talked at Mar-a-Lago about the second phase.",
     ["2024-07-26", "2025-12-29"]),
    ("Envoy Adam Boehler held direct talks with officials of Hamas in Doha.", ["2025-03-05"]),
    ("Boehler said Hamas should release the bodies of the Americans.", []),
    ("The hostages' families watched the new video of Hersh Goldberg-Polin.", ["2024-04-24"]),
    ("Qatar said the reply it got from Hamas to the general framework was positive.",
     ["2024-02-06"]),
    ("Hamas gave its reply to the ceasefire proposal on Monday.", []),
    ("Qatar rebuked Netanyahu after a leaked recording of his remarks.", ["2024-01-23"]),
    ("Kushner told 60 Minutes the deal would hold.", ["2025-10-19"]),
    ("A year ago Haniyeh was slain in a guesthouse in Tehran.", ["2024-07-31"]),
    ("Troops freed the hostages in a raid on Nuseirat.", ["2024-06-08"]),
    ("Israeli raids in Nuseirat killed five people.", []),
    ("Now that the fighting with Iran is over, talks can resume.", ["2025-06-24"]),
    ("Hamas will study the plan after Monday's Security Council vote on Trump's initiative.",
     ["2025-11-17"]),
    ("The Security Council will vote on a Gaza aid resolution.", []),
])
def test_rows_found_by_their_terms(text, dates):
    assert _events(text) == dates


def test_an_event_found_by_its_terms_dates_an_undated_report():
    import datetime as dt

    from analysis.assemble import dating
    from analysis.rules.dates import date_signals

    text = ("Envoy defends Hamas contacts\nAdam Boehler, the US envoy for hostage affairs, on "
            "Sunday defended his direct talks with officials of Hamas, saying they were useful.")
    inference = dating.infer_date(date_signals(text), [], [])
    assert inference.report_date is not None
    assert dt.date(2025, 3, 5) <= inference.report_date <= dt.date(2025, 3, 20)
