"""The war's timeline (analysis/rules/data/timeline.csv) and the signals it gives report-date
inference: events mentioned as past, recent or coming, people in office, meetings that match
a compiled round, year-less dates and datelines. Each test is one kind of error the rules
fix, in sentences written for the test (not copied from the evaluation articles)."""

import csv
import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.assemble import dating
from analysis.rules import timeline
from analysis.rules.dates import date_signals

D = dt.date
ROOT = Path(__file__).resolve().parent.parent


def infer(text, figures=(), meetings=()):
    return dating.infer_date(date_signals(text), list(figures), list(meetings))


def off(inference, day):
    assert inference.report_date is not None, inference.evidence
    return abs((inference.report_date - day).days)


# --- the data file ------------------------------------------------------------------------


def rows():
    with open(timeline.TIMELINE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_timeline_row_has_an_iso_date_a_known_kind_and_a_source():
    assert rows(), "timeline.csv is empty"
    for row in rows():
        start = D.fromisoformat(row["date"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]), row
        if row["end_date"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["end_date"]), row
            assert D.fromisoformat(row["end_date"]) >= start, row
        assert row["kind"] in timeline.KINDS, row
        assert row["event"].strip(), row
        assert re.match(r"https?://\S+$", row["source"]), row
        re.compile(row["phrases"])  # every pattern compiles
        if row["kind"] == "office":
            assert row["titles"].strip(), row
            re.compile(row["titles"])
        if row["kind"] == "holiday":
            assert row["end_date"], row


def test_timeline_reaches_october_2025_and_has_a_readme():
    kinds = {row["kind"] for row in rows()}
    assert {"truce", "ceasefire", "release", "death", "rescue", "recovery", "holiday",
            "office", "election", "inauguration"} <= kinds
    assert max(D.fromisoformat(row["date"]) for row in rows()) >= D(2025, 10, 13)
    readme = (ROOT / "analysis" / "rules" / "data" / "TIMELINE.md").read_text(encoding="utf-8")
    assert "source" in readme.lower()


def test_required_literals_skip_no_match():
    """The pre-check (a literal every match holds) never hides a match."""
    text = ("Relatives of Shlomi Ziv welcomed the news, days after the killing of Hamas "
            "leader Yahya Sinwar and ahead of Passover.")
    lower = text.lower()
    for event in timeline.load():
        assert bool(event.search(text, lower)) == bool(event.phrases.search(text)), event


# --- events -------------------------------------------------------------------------------


def test_event_named_as_recent_puts_the_report_weeks_after_it():
    # "following the rescue" (8 June 2024) and a US secretary of state in office
    inference = infer("Secretary of State Antony Blinken travels to Cairo on Monday following "
                      "the rescue of four Israeli hostages from Nuseirat.")
    assert off(inference, D(2024, 6, 10)) <= 3
    assert "2024-06-08" in inference.evidence


def test_event_in_a_future_clause_is_still_past():
    # the plan is future, the killing it follows is past: not "before 16 October"
    found = [m for m in date_signals("Mediators will meet next week after the killing of "
                                     "Yahya Sinwar on October 16.")
             if m["kind"] in ("event", "month_day")]
    assert {m["tense"] for m in found} <= {"past", "recent"}, found


def test_calls_for_a_ceasefire_in_lebanon_are_not_the_ceasefire():
    # an October 2024 report calling for a truce must not be dated after 27 November 2024
    assert not [m for m in date_signals("France urged a ceasefire in Lebanon on Monday.")
                if m["kind"] == "event"]
    assert [m for m in date_signals("Days after Israel and Hezbollah agreed to a ceasefire "
                                    "in Lebanon, talks resumed.") if m["kind"] == "event"]


def test_scheduled_event_in_a_future_clause_is_coming():
    mentions = date_signals("The last 20 living hostages are expected to be freed on Monday, "
                            "after the release of the 20 living hostages is confirmed.")
    assert {m["tense"] for m in mentions if m["kind"] == "event"} == {"future"}
    mentions = date_signals("A deal could come before or after Trump's inauguration, which "
                            "will take place on January 20.")
    assert {m["tense"] for m in mentions if m["kind"] == "event"} == {"future"}


def test_event_ahead_of_is_a_coming_event():
    mentions = date_signals("Negotiators hope to close a deal ahead of Trump's inauguration.")
    event = next(m for m in mentions if m["kind"] == "event")
    assert event["tense"] == "future"
    c = dating.event_constraint(event)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 1, 10))]
    assert not c.allowed[dating._index(days, D(2025, 2, 10))]


def test_headline_event_is_the_news_itself():
    inference = infer("Qatar decides to suspend its mediation between Israel and Hamas\n"
                      "Officials said the decision was conveyed on Saturday. More than a year "
                      "of war has killed more than 43,000 people.",
                      [{"metric": "killed", "population": "palestinian", "value": 43000,
                        "qualifier": "lower_bound", "quote": "more than 43,000 people"}])
    assert off(inference, D(2024, 11, 9)) <= 3


# --- people in office ---------------------------------------------------------------------


def test_office_holder_bounds_the_report():
    mention = next(m for m in date_signals("CIA director John Ratcliffe flew to Doha.")
                   if m["kind"] == "office")
    c = dating.office_constraint(mention)
    days, _ = dating.calendar_days()
    assert not c.allowed[dating._index(days, D(2024, 12, 1))]
    assert c.allowed[dating._index(days, D(2025, 3, 1))]


@pytest.mark.parametrize("text", [
    "Former CIA Director William Burns said the deal was close.",
    "the killing of Hamas leader Yahya Sinwar",
    "then-Secretary of State Antony Blinken had warned",
])
def test_former_or_dead_office_holder_says_nothing(text):
    assert not [m for m in date_signals(text) if m["kind"] == "office"]


def test_title_after_the_name_counts():
    found = timeline.find_offices("Bill Burns, the CIA director, landed in Cairo.")
    assert [m["event"] for m in found] == ["William Burns, CIA director"]


# --- year-less dates, weekdays, datelines -------------------------------------------------


def test_year_less_date_takes_its_year_from_the_evidence_not_the_calendar():
    # a past "July 28" with a CIA director who left office in January 2025: 2024
    inference = infer("On July 28, CIA Director William Burns met his counterparts in Rome, "
                      "a source said on Tuesday. The seven-day truce of November 2023 was the "
                      "last pause.")
    assert inference.report_date is None or inference.report_date.year == 2024
    assert "2026" not in (inference.evidence.split("not satisfied")[0])


def test_weekday_given_with_a_date_fixes_its_year():
    mention = next(m for m in date_signals("Burns will arrive in Cairo on Tuesday 13 February "
                                           "for talks.") if m["kind"] == "day_month")
    assert mention["weekday"] == 1
    c = dating.yearless_constraint(mention)
    assert c.label_at(0).endswith("2024-02-13")


def test_weekday_of_a_date_is_not_a_report_weekday():
    mentions = date_signals("Talks are due on Tuesday, Feb. 13.")
    assert next(m for m in mentions if m["kind"] == "weekday").get("of_date")


def test_present_tense_schedule_is_a_coming_date():
    mentions = date_signals("Ramadan, which begins on March 10, is weeks away.")
    assert next(m for m in mentions if m["kind"] == "month_day")["tense"] == "future"


def test_dateline_dates_the_report():
    inference = infer("Rome talks begin\nTEL AVIV, July 28. /agency/. Mossad director David "
                      "Barnea arrived in Rome on Sunday, while U.S. President Joe Biden urged "
                      "a deal.")
    assert inference.report_date == D(2024, 7, 28)


# --- meetings matching compiled rounds ----------------------------------------------------


def test_planned_meeting_matching_a_round_dates_the_days_before_it():
    meetings = [{"location": "Warsaw", "participants": ["David Barnea", "William Burns"],
                 "status": "planned", "date_text": "on Monday", "quote": "will meet"}]
    inference = infer("Mossad chief David Barnea will meet CIA director Bill Burns in Warsaw "
                      "on Monday.", meetings=meetings)
    assert off(inference, D(2023, 12, 17)) <= 3
    assert inference.window[1] <= D(2023, 12, 18) + dt.timedelta(days=dating.WINDOW_MARGIN_DAYS)


def test_meeting_matching_many_rounds_leaves_the_article_undated():
    meetings = [{"location": "Doha", "participants": ["William Burns"], "status": "held",
                 "date_text": "", "quote": "met in Doha"}]
    inference = infer("CIA Director William Burns met the Qatari prime minister in Doha.",
                      meetings=meetings)
    assert inference.report_date is None


def test_span_of_fighting_also_fits_the_truce_that_stopped_it():
    # "15 months of bombardment" in a report of March 2025 (the January truce): the war's
    # count stopped at the truce; "15 months of captivity" goes on counting
    days, _ = dating.calendar_days()
    march = dating._index(days, D(2025, 3, 10))
    fighting = dating.duration_constraint({"text": "15 months of bombardment", "amount": 15,
                                           "unit": "month", "qualifier": "exact"})
    captivity = dating.duration_constraint({"text": "15 months of captivity", "amount": 15,
                                            "unit": "month", "qualifier": "exact"})
    assert fighting.allowed[march] and not captivity.allowed[march]
    assert not fighting.allowed[dating._index(days, D(2025, 7, 1))]


def test_in_the_before_a_one_day_event_is_not_during_it():
    # "the mediators in the ceasefire deal agreed in January": the deal is past, the report
    # is not held to the days around 15 January 2025; "in Ramadan" stays during
    from analysis.rules.dates import date_signals as signals
    deal = [m for m in signals("Egypt, one of the mediators in the ceasefire deal agreed in "
                               "January, called for restraint.") if m["kind"] == "event"]
    assert deal and all(m["tense"] != "during" for m in deal)
    holiday = [m for m in signals("Talks continued in Ramadan.") if m["kind"] == "holiday"]
    assert holiday and holiday[0]["tense"] == "during"


def test_year_less_past_date_prefers_its_fresher_occurrence():
    # "ended on March 1" beside "took office on January 20" (2025): the report is days after
    # 1 March 2025, not at the far end of the 330 days after 1 March 2024
    # (not "the first phase ended on March 1": a truce milestone of 2025, its year known)
    inference = infer("Negotiators met for the first time since President Donald Trump took "
                      "office on January 20. The previous round of talks ended on March 1.")
    if inference.report_date is not None:
        assert inference.report_date >= D(2025, 3, 1), inference.evidence
    c = [c for c in inference.constraints if "March 1" in c.label][0]
    days, _ = dating.calendar_days()
    assert c.prefer[dating._index(days, D(2025, 3, 10))] > \
        c.prefer[dating._index(days, D(2025, 1, 22))]


def test_busy_venue_round_with_one_name_does_not_date_an_article_alone():
    # the compiled table lacks rounds at Cairo: a Qatari PM in Cairo with only a years-long
    # tenure beside it must stay undated, not take the one 2024 Cairo round the tenure leaves
    meetings = [{"location": "Cairo", "participants": ["Mohammed bin Abdulrahman Al Thani"],
                 "status": "held", "date_text": "", "quote": "joined the talks in Cairo"}]
    inference = infer("Egyptian Foreign Minister Badr Abdelatty said Qatari Prime Minister "
                      "Sheikh Mohammed bin Abdulrahman Al Thani had joined the talks in Cairo.",
                      meetings=meetings)
    assert inference.report_date is None and inference.window is None
    assert "compiled round" in inference.evidence   # (the 2024 and the 2025 Cairo rounds)


def test_weak_round_match_still_picks_the_day_inside_a_narrow_toll_window():
    # the same one-name match beside a toll that leaves a season: the round may choose
    meetings = [{"location": "Cairo", "participants": ["William Burns"], "status": "held",
                 "date_text": "", "quote": "met in Cairo"}]
    inference = infer("CIA Director William Burns met mediators in Cairo. Gaza's health "
                      "ministry says at least 40,005 people have been killed.",
                      figures=[{"metric": "killed", "population": "palestinian",
                                "value": 40005, "qualifier": "lower_bound", "group": "all",
                                "scope": "cumulative", "quote": "at least 40,005 people"}],
                      meetings=meetings)
    assert inference.report_date is not None, inference.evidence
    assert "only a match with compiled rounds" not in inference.evidence


def test_meeting_weekday_picks_the_round_held_that_weekday():
    # Paris rounds: Sunday 28 Jan and Friday 23 Feb 2024; "held Friday" is the second
    meetings = [{"location": "Paris", "participants": ["William Burns"], "status": "held",
                 "date_text": "Friday", "quote": "talks held Friday"}]
    c = dating.round_constraints(meetings)[0]
    assert "2024-02-23" in c.label and "2024-01-28" not in c.label


# --- figures ------------------------------------------------------------------------------


def test_misread_small_hostage_count_does_not_outvote_the_events():
    # "four" rescued read as four still held: the rescue and the office holder win
    hostages = {"metric": "hostages_held", "population": "israeli", "value": 4,
                "qualifier": "exact", "scope": "cumulative"}
    inference = infer("Blinken returns to the region following the dramatic rescue of four "
                      "Israeli hostages. U.S. Secretary of State Antony Blinken will meet "
                      "officials in Cairo.", [hostages])
    assert off(inference, D(2024, 6, 9)) <= 7


def test_sub_group_and_vague_figures_are_not_tolls():
    figures = [{"metric": "killed", "population": "palestinian", "value": 13000,
                "qualifier": "exact", "group": "children", "quote": "13,000 children"},
               {"metric": "killed", "population": "palestinian", "value": 10000,
                "qualifier": "lower_bound", "vague": True, "quote": "tens of thousands"}]
    constraints, _ = dating.figure_constraints(figures)
    assert constraints == []


# --- the documents table and the cache ----------------------------------------------------


def test_stored_inference_is_reused(monkeypatch):
    from analysis.corpus import Document

    document = Document(doc_id="a", text="no date here", report_date=None,
                        date_source="none", source_path="a.txt")
    result = {"date_mentions": [], "figures": [], "meetings": []}
    first = dating._inference_of(document, result)
    assert "date_inference" in result

    def boom(*args, **kwargs):
        raise AssertionError("inference repeated for an unchanged article")

    monkeypatch.setattr(dating, "infer_date", boom)
    again = dating._inference_of(document, result)
    assert again.evidence == first.evidence


def test_confidence_follows_the_window_width():
    assert dating.confidence((D(2024, 1, 1), D(2024, 1, 7)), True) == "high"
    assert dating.confidence((D(2024, 1, 1), D(2024, 1, 20)), True) == "medium"
    assert dating.confidence((D(2024, 1, 1), D(2024, 2, 20)), True) == "low"
    assert dating.confidence(None, False) == ""


def test_documents_table_has_confidence(rules_nlp):
    from analysis.assemble.tables import extract_corpus
    from analysis.corpus import load_corpus

    tables = extract_corpus(load_corpus(ROOT / "data" / "corpus"), rules_nlp)
    frame = tables.documents.set_index("doc_id")
    assert frame.loc["000_82d95582873b50a0", "date_confidence"] == "given"
    assert set(frame["date_confidence"]) <= {"given", "high", "medium", "low", ""}
    assert isinstance(frame, pd.DataFrame)


# --- later rules: durations, milestones, offsets, the week's news, honest windows ---------


def test_ordinal_duration_dates_within_that_month():
    mention = next(m for m in date_signals("Hamas wants to end the war, now in its fifth "
                                           "month, first.") if m["kind"] == "duration")
    c = dating.duration_constraint(mention)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2024, 2, 23))]
    assert not c.allowed[dating._index(days, D(2024, 8, 30))]


def test_milestone_toll_prefers_the_days_it_was_crossed():
    figure = {"metric": "killed", "population": "palestinian", "value": 30000,
              "qualifier": "lower_bound", "quote": "surpasses 30,000",
              "sentence": "The death toll in Gaza surpasses 30,000, the ministry said."}
    assert dating.is_milestone(figure)
    inference = dating.infer_date([], [figure])
    assert inference.window[0] <= D(2024, 2, 29) <= inference.window[1]
    assert not dating.is_milestone(dict(figure, quote="more than 30,000",
                                        sentence="more than 30,000 people were killed"))


def test_event_at_a_distance_dates_the_report_that_long_after():
    mention = next(m for m in date_signals("The talks came some two weeks after the IDF "
                                           "assassinated Hamas leader Yahya Sinwar.")
                   if m["kind"] == "event")
    assert mention["tense"] == "offset" and mention["offset_days"] == 14
    c = dating.event_constraint(mention)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2024, 10, 28))]
    assert not c.allowed[dating._index(days, D(2024, 10, 17))]


def test_event_next_to_a_weekday_is_the_weeks_news_but_a_topic_is_not():
    near = date_signals("The strike on Hamas leaders in Doha on Tuesday drew condemnation.")
    assert next(m for m in near if m["kind"] == "event")["tense"] == "recent"
    far = date_signals("Officials met on Thursday with the prime minister to discuss the "
                       "situation in Syria, normalization and Biden's three-phase plan.")
    assert next(m for m in far if m["kind"] == "event")["tense"] == "past"


def test_two_weak_round_matches_meeting_on_one_day_leave_an_honest_window():
    # a headline "to meet in Rome" read as held and the planned meeting: not a one-day window
    meetings = [{"location": "Rome", "participants": [], "status": "held", "date_text": "",
                 "quote": "CIA chief to meet officials in Rome"},
                {"location": "Rome", "participants": ["William Burns"], "status": "planned",
                 "date_text": "on Sunday", "quote": "Burns will meet officials in Rome"}]
    inference = infer("CIA Director William Burns will meet officials in Rome on Sunday, "
                      "according to a report on Friday. President Joe Biden pressed for a "
                      "deal.", meetings=meetings)
    assert inference.window is not None
    assert (inference.window[1] - inference.window[0]).days >= 3


def test_window_bar_drawn_for_inferred_dates():
    import matplotlib

    matplotlib.use("Agg")
    from analysis.present import charts

    figures = pd.DataFrame([{"doc_id": "a", "report_date": "2024-03-05", "metric": "killed",
                             "population": "palestinian", "value": 30631,
                             "qualifier": "exact", "group": "all", "vague": False}])
    documents = pd.DataFrame([{"doc_id": "a", "date_source": "inferred",
                               "date_window_start": "2024-03-04",
                               "date_window_end": "2024-03-12"}])
    ax = charts.casualty_figures(figures, None, documents=documents)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert charts.INFERRED_WINDOW_LABEL in labels


def test_since_an_event_bounds_the_report_but_is_no_recency_anchor():
    mentions = date_signals("More than 3,300 people have been killed since the ceasefire "
                            "collapsed in March, the ministry said.")
    event = next(m for m in mentions if m["kind"] == "event")
    assert event.get("since") and event["date"] == "2025-03-18"
    assert dating.event_constraint(event).anchors == ()


@pytest.mark.parametrize("text", [
    "Truce in Gaza extended by two days, Qatar says",
    "Israel and Hamas had agreed to extend their truce in Gaza by two days.",
    "the two-day extension of the truce",
])
def test_truce_extension_phrasings(text):
    assert [m["date"] for m in timeline.find_events(text)] == ["2023-11-27"]


def test_office_holder_with_two_terms_is_one_constraint():
    constraints = dating.mention_constraints(date_signals(
        "National Security Minister Itamar Ben-Gvir threatened to quit."))
    offices = [c for c in constraints if c.kind == "office"]
    assert len(offices) == 1
    days, _ = dating.calendar_days()
    assert offices[0].allowed[dating._index(days, D(2024, 6, 1))]
    assert not offices[0].allowed[dating._index(days, D(2025, 2, 15))]
    assert offices[0].allowed[dating._index(days, D(2025, 6, 1))]


def test_meetings_of_one_article_make_one_round_constraint():
    # three meetings in Cairo and Doha must not add up to outvote a 14-month war
    meetings = [{"location": "Cairo", "participants": ["William Burns"], "status": "planned",
                 "date_text": "", "quote": "talks in Cairo"},
                {"location": "Doha", "participants": ["William Burns"], "status": "planned",
                 "date_text": "on Wednesday", "quote": "due in Doha on Wednesday"},
                {"location": "Cairo", "participants": ["Abbas Kamel", "William Burns"],
                 "status": "planned", "date_text": "", "quote": "meet in Cairo"}]
    assert len(dating.round_constraints(meetings)) == 1
    inference = infer("An agreement to halt the 14-month-old war could be signed in the coming "
                      "days, sources said on Tuesday. CIA Director William Burns was due in "
                      "Doha on Wednesday.", meetings=meetings)
    assert inference.report_date is None or inference.report_date >= D(2024, 11, 20)


def test_heads_of_state_and_hamas_delegations_do_not_identify_a_round():
    meetings = [{"location": "Cairo", "participants": ["Abdel Fattah al-Sisi", "Antony Blinken",
                                                       "Khalil al-Hayya"],
                 "status": "held", "date_text": "", "quote": "met in Cairo"}]
    labels = " ".join(c.label for c in dating.round_constraints(meetings))
    assert "2024-07-08" not in labels and "2024-08-25" not in labels


def test_coming_meeting_is_reported_a_day_or_more_ahead():
    prefer = dating._ahead(np.array([0, 1, 2, 3]), 3, 10)
    assert prefer[0] < prefer[1] == prefer[2]


def test_dateline_of_a_date_only_with_its_weekday():
    inference = infer("Talks in Paris\n\nMonday, January 29, 2024 – Intelligence chiefs met in "
                      "Paris on Sunday.")
    assert inference.report_date == D(2024, 1, 29)


def test_date_with_its_weekday_is_this_weeks():
    # "on Thursday night, 25 January": the report within about a week after it
    mention = next(m for m in date_signals("The war cabinet met on Thursday night, 25 January, "
                                           "to discuss the talks.") if m["kind"] == "day_month")
    c = dating.yearless_constraint(mention)
    days, _ = dating.calendar_days()
    assert c.kind == "absolute"
    assert c.allowed[dating._index(days, D(2024, 1, 26))]
    assert not c.allowed[dating._index(days, D(2024, 3, 1))]


# --- round 2: the signals of 2025 news (each written for the test) ---------------------------


def test_rounds_of_2025_between_january_and_october_are_compiled_with_sources():
    rounds = [r for r in timeline.rounds() if D(2025, 2, 1) <= r["start"] < D(2025, 10, 1)]
    assert len(rounds) >= 5
    assert all(r["source"].startswith("http") for r in rounds)


def window_holds(inference, day):
    assert inference.window is not None, inference.evidence
    return inference.window[0] <= day <= inference.window[1]


def test_the_current_ceasefire_puts_the_report_inside_a_ceasefire():
    # "the current, fragile truce" with an envoy in office and the first phase over: the
    # weeks between 1 and 17 March 2025, not the months of war after it
    # (IDF chief of staff Herzi Halevi, in office to 5 March, leaves the spring of 2025)
    inference = infer("Envoy talks\n\nIDF Chief of Staff Herzi Halevi briefed the envoys sent "
                      "to save the current, fragile truce. The first phase of the three-stage "
                      "deal ended on March 1 without a second phase.")
    assert inference.report_date is not None, inference.evidence
    assert D(2025, 3, 1) <= inference.report_date <= D(2025, 3, 18)
    assert "January 2025 ceasefire in force" in inference.evidence
    assert "November 2023" not in inference.evidence   # only the period the estimate is in


def test_ceasefire_talks_are_not_the_ceasefire_in_force():
    found = [m for m in date_signals("Mediators resumed the ongoing ceasefire talks in Cairo.")
             if m["kind"] == "event" and "in force" in m["event"]]
    assert not found


def test_date_of_the_lede_is_the_news_of_the_days_before():
    # a year-less date in the first sentence: the report within about ten days of it, and
    # the killing of Sinwar picks the year; the same date later in the text would not
    text = ("Qatar proposed a three-day pause on November 3 that would free four captives.\n\n"
            "The offer came weeks after the killing of Yahya Sinwar, as CIA Director William "
            "Burns met the mediators.")
    lede = next(m for m in date_signals(text) if m["kind"] == "month_day")
    assert lede.get("lead")
    inference = infer(text)
    assert inference.report_date is not None, inference.evidence
    assert D(2024, 11, 3) <= inference.report_date <= D(2024, 11, 13)
    later = next(m for m in date_signals("A headline\n\nTalks went on. Qatar proposed a pause "
                                         "on November 3.") if m["kind"] == "month_day")
    assert not later.get("lead")


def test_headline_joined_to_the_first_sentence_does_not_move_the_lede():
    text = ("Biden's plan stalls\n\nWASHINGTON - Two weeks on, the plan is stuck.\n\nBiden set "
            "out the plan on May 31.")
    sentences = [(0, 45), (45, len(text))]   # a parser that joined headline and lede
    dated = next(m for m in date_signals(text, sentences) if m["kind"] == "month_day")
    assert not dated.get("lead")


def test_year_named_in_the_sentence_before_is_the_year_of_a_yearless_date():
    text = ("In November 2023, mediators brokered a week-long pause. The pause collapsed on "
            "December 1 when rockets were fired.")
    dated = next(m for m in date_signals(text) if m["text"] == "December 1")
    assert dated["year_hint"] == 2023
    c = dating.yearless_constraint(dated)
    days, _ = dating.calendar_days()
    assert "2023" in c.label and "2024" not in c.label
    assert c.allowed[dating._index(days, D(2025, 6, 1))]   # background: no 330-day limit
    assert not c.anchors                                    # and no recency
    # the attack's date, named in every report, gives no year context
    text = "Hostages were seized on October 7, 2023. Talks resumed on March 3."
    assert "year_hint" not in next(m for m in date_signals(text) if m["text"] == "March 3")


def test_event_last_week_is_about_a_week_before_the_report():
    mention = next(m for m in date_signals("Cairo urged a return to the truce after Netanyahu "
                                           "broke the original deal last week.")
                   if m["kind"] == "event")
    assert mention["tense"] == "offset" and mention["offset_days"] == 7
    inference = infer("Talks in Washington\n\nCairo urged a return to the truce after Netanyahu "
                      "broke the original deal last week.")
    assert window_holds(inference, D(2025, 3, 25))
    assert inference.window[1] <= D(2025, 4, 5)


@pytest.mark.parametrize("text,amount,qualifier", [
    ("The three men had been held captive for almost 500 days.", 500, "upper_bound"),
    ("She was in captivity for 471 days.", 471, "exact"),
])
def test_days_in_captivity_are_days_since_october_7(text, amount, qualifier):
    found = [m for m in date_signals(text) if m["kind"] == "duration"]
    assert [(m["amount"], m["qualifier"]) for m in found] == [(amount, qualifier)]


def test_held_for_days_without_captivity_is_no_duration():
    assert not [m for m in date_signals("The suspect was held for 12 days.")
                if m["kind"] == "duration"]


def test_more_than_n_days_allows_the_rounding_of_large_counts():
    # "over 650 days": reports round down, the truth may be 20-30 days later
    c = dating.duration_constraint({"text": "over 650 days", "kind": "duration",
                                    "amount": 650, "unit": "day", "qualifier": "lower_bound"})
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, dating.WAR_START + dt.timedelta(days=672))]
    assert not c.allowed[dating._index(days, dating.WAR_START + dt.timedelta(days=700))]


def test_nearing_its_nth_month_is_the_end_of_the_month_before():
    found = next(m for m in date_signals("Under pressure to end the war, now nearing its 22nd "
                                         "month, the premier flew out.")
                 if m["kind"] == "duration")
    assert found["qualifier"] == "ordinal_near"
    c = dating.duration_constraint(found)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 7, 5))]
    assert not c.allowed[dating._index(days, D(2025, 7, 20))]
    assert not c.allowed[dating._index(days, D(2025, 6, 1))]


def test_possessive_before_october_7_still_gives_the_duration():
    found = [m for m in date_signals("It is six months since Hamas\u2019s Oct. 7 attack.")
             if m["kind"] == "duration"]
    assert [(m["amount"], m["unit"]) for m in found] == [(6, "month")]


def test_past_verb_keeps_a_scheduled_event_past_in_a_future_clause():
    mention = next(m for m in date_signals("The envoys, who helped broker the October 9 "
                                           "ceasefire deal, are scheduled to visit again.")
                   if m["kind"] == "event")
    assert mention["tense"] != "future"


def test_summit_named_in_a_future_clause_is_coming():
    mention = next(m for m in date_signals("The secretary will fly on to Italy for the G7 "
                                           "summit later this week.") if m["kind"] == "event")
    assert mention["tense"] == "future"
    assert mention["date"] == "2024-06-13"


def test_release_day_named_by_its_prisoner_count():
    mention = next(m for m in date_signals("Three hostages walked free on Saturday in exchange "
                                           "for 369 prisoners.") if m["kind"] == "event")
    assert mention["date"] == "2025-02-15" and mention["tense"] == "recent"


def test_date_with_its_weekday_is_the_report_day_most_likely():
    # "on Saturday, August 24" in the past and a Thursday mentioned: the Saturday wins
    inference = infer("Delegation in Cairo\n\nA delegation arrived in Cairo on Saturday, "
                      "August 24, after talks there began on Thursday.")
    assert inference.report_date == D(2024, 8, 24), inference.evidence


def test_quoted_days_in_captivity_and_a_few_days_of_quoting_after():
    # 'a captive for "nearly 200 days"' said in a video: the report may come days later
    found = next(m for m in date_signals('He says he has been a captive for \u201cnearly 200 '
                                         'days,\u201d in the recording.')
                 if m["kind"] == "duration")
    assert (found["amount"], found["qualifier"]) == (200, "upper_bound")
    c = dating.duration_constraint(found)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, dating.WAR_START + dt.timedelta(days=202))]
    assert not c.allowed[dating._index(days, dating.WAR_START + dt.timedelta(days=210))]


def test_hostage_video_is_a_dated_event():
    mention = next(m for m in date_signals("On Wednesday the group released a video of hostage "
                                           "Hersh Goldberg-Polin.") if m["kind"] == "event")
    assert mention["date"] == "2024-04-24" and mention["tense"] == "recent"


@pytest.mark.parametrize("text,holder", [
    ("US hostage envoy Adam Boehler met Hamas officials in Doha.", "Adam Boehler"),
    ("The head of Israel\u2019s army, Eyal Zamir, toured the troops.", "Eyal Zamir"),
    ("Secretary of State Anthony Blinken landed in Cairo.", "Antony Blinken"),
    ("The forum was chaired by US national security adviser Michael Waltz.", "Mike Waltz"),
])
def test_office_holders_of_2025_and_name_variants(text, holder):
    found = [m["event"] for m in date_signals(text) if m["kind"] == "office"]
    assert any(e.startswith(holder) for e in found), found


# --- round 4: the likelihood over candidate days (docs/dating.md, "Round 4") -------------


def _held(value, metric="hostages_held"):
    return {"metric": metric, "population": "israeli", "value": value, "qualifier": "exact"}


def test_released_on_its_own_weekday_prefers_the_days_right_after():
    # freed on Saturday 8 February 2025; the next Saturday must not win on the weekday alone
    inference = infer("Freed hostages\n\nOr Levy and two others were freed on Saturday, the "
                      "families said, and doctors examined them.")
    assert inference.report_date is not None, inference.evidence
    assert (inference.report_date - D(2025, 2, 8)).days <= 3, inference.evidence


@pytest.mark.parametrize("value,day", [
    (90, D(2025, 1, 27)),     # the total after the four soldiers were freed
    (87, D(2025, 1, 27)),     # ... or the same count without the three held since 2014-15
    (53, D(2025, 6, 15)),     # bodies recovered in June 2025
])
def test_hostages_held_in_2025_date_the_report_to_its_period(value, day):
    c = dating.hostage_constraint(_held(value))
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, day)], c.label
    assert c.allowed.sum() <= 40, c.label


def test_deceased_hostages_left_after_the_last_living_were_freed():
    c = dating.hostage_constraint(dict(_held(15, "hostages_dead"), quote="15 hostages",
                                       sentence="Hamas still holds the remains of 15 hostages."))
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 10, 24))]
    assert not c.allowed[dating._index(days, D(2024, 6, 1))]


def test_hostage_period_rows_have_a_count_and_ordered_days():
    for event in timeline.hostage_periods():
        assert event.count > 0 and (event.end is None or event.end >= event.start), event


@pytest.mark.parametrize("text", [
    "Hamas released all the 20 living hostages on Monday morning.",
    "The group freed the last 20 Israeli hostages in two batches.",
])
def test_release_of_the_last_living_hostages_in_verb_form(text):
    events = [m["date"] for m in date_signals(text) if m["kind"] == "event"]
    assert "2025-10-13" in events


def test_event_told_as_done_and_as_still_to_come_is_of_its_day():
    # the hostages were freed; the prisoners' release, the same event row, is still to come
    inference = infer("Hamas released all the 20 living hostages. In turn, Israel will "
                      "release 1,968 Palestinian prisoners.")
    assert inference.report_date is not None, inference.evidence
    assert 0 <= (inference.report_date - D(2025, 10, 13)).days <= 2, inference.evidence


@pytest.mark.parametrize("text,days", [
    ("Talks stalled after last week\u2019s Israeli strike in Doha on Hamas leaders.", 7),
    ("Talks stalled after last week's Israeli strike in Doha on Hamas leaders.", 7),
    ("Families celebrated yesterday's rescue of four hostages in Nuseirat.", 1),
])
def test_event_named_by_the_period_it_fell_in(text, days):
    mention = next(m for m in date_signals(text) if m["kind"] == "event")
    assert (mention["tense"], mention["offset_days"]) == ("offset", days)


def test_ahead_of_an_event_in_a_past_perfect_story_is_past():
    told = next(m for m in date_signals("Ahead of the Doha strike, Washington had floated a "
                                        "new proposal.") if m["kind"] == "event")
    coming = next(m for m in date_signals("Ahead of the Doha strike, Washington will float a "
                                          "new proposal.") if m["kind"] == "event")
    assert told["tense"] == "past" and coming["tense"] == "future"


def test_current_truce_from_its_announcement():
    # the January 2025 truce was agreed on the 15th and took effect on the 19th
    inference = infer("The security cabinet met to approve the current truce.")
    c = next(c for c in inference.constraints if c.kind == "event")
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 1, 16))], c.label


@pytest.mark.parametrize("text", [
    "The youngest hostage, Kfir Bibas, was nine months old when he was taken.",
    "Emily Damari's mother spoke at the rally in Tel Aviv.",
])
def test_hostage_named_without_a_word_of_freeing_is_no_release(text):
    assert not [m for m in date_signals(text) if m["kind"] == "event"]


def test_hostage_named_with_a_word_of_freeing_is_the_release():
    found = [m["date"] for m in date_signals("The bodies of Kfir Bibas and his brother were "
                                             "handed over.") if m["kind"] == "event"]
    assert found == ["2025-02-20"]


@pytest.mark.parametrize("sentence,quote", [
    ("Hamas had been holding 48 hostages in Gaza when the truce was announced.", "48 hostages"),
    ("A year on, Israel believes 63 hostages still held in Gaza are alive.", "63 hostages"),
])
def test_hostage_count_of_the_past_or_of_the_living_is_not_the_count_held(sentence, quote):
    figure = {"metric": "hostages_held", "population": "israeli", "value": int(quote[:2]),
              "qualifier": "exact", "quote": quote, "sentence": sentence}
    assert dating.hostage_constraint(figure) is None


@pytest.mark.parametrize("text", [
    "If agreed, the truce would halt fighting until the end of Ramadan around March 31.",
    "If the hostages are not released prior to January 20, 2025, there will be hell to pay.",
])
def test_date_in_a_conditional_clause_is_still_to_come(text):
    found = [m for m in date_signals(text) if m["kind"] == "month_day"]
    assert found and all(m["tense"] == "future" for m in found)


def test_conditional_headline_does_not_make_the_next_line_future():
    text = ("Hell to pay if hostages are not freed\nWASHINGTON - The talks ended on "
            "March 3, 2025, officials said.")
    found = next(m for m in date_signals(text) if m["kind"] == "month_day")
    assert found["tense"] == "past"


@pytest.mark.parametrize("words,days", [("hours after", 3), ("days after", 10),
                                        ("shortly after", 10)])
def test_how_soon_after_an_event(words, days):
    text = f"Israel struck Gaza, {words} the first phase of the ceasefire expired."
    mention = next(m for m in date_signals(text) if m["kind"] == "event")
    assert (mention["tense"], mention["recent_days"]) == ("recent", days)


def test_date_followed_by_last_year_puts_the_report_in_the_next_year():
    inference = infer("When Hamas staged the attack on October 7 last year, it took 251 "
                      "hostages.")
    c = next(c for c in inference.constraints if "last year" in c.label)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2024, 6, 1))]
    assert not c.allowed[dating._index(days, D(2023, 12, 1))]
    assert not c.allowed[dating._index(days, D(2025, 2, 1))]


def test_month_followed_by_last_year_with_an_event():
    inference = infer("The ICC issued arrest warrants in November last year for Netanyahu.")
    c = next(c for c in inference.constraints if "last year" in c.label)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 3, 1))]


def test_president_elect_is_a_tenure_not_the_news_of_the_election():
    found = [m for m in date_signals("President-elect Donald Trump warned Hamas.")]
    assert [m["kind"] for m in found if m["kind"] in ("event", "office")] == ["office"]


def test_a_past_event_alone_leaves_the_report_undated_with_its_window_open():
    # only "after the release of Edan Alexander" (12 May 2025) and nothing that ends the span
    # after it: a report written within weeks of it when the timeline has its news hook, but
    # any time after when it lacks it (round 6, second pass: with a dev article's own hook
    # removed, its next-latest event put it 69 days early, the 21-day window missing the
    # truth). Undated, the window from the event on. (Round 7: the lede's latest event is the
    # news, test_the_latest_event_of_the_lede_is_the_news_of_the_weeks_before; here the lede
    # tells none)
    inference = infer("Mediators say talks go on. The release of soldier Edan Alexander was "
                      "carried out as part of understandings reached in Doha, sources said.")
    assert inference.report_date is None, inference.evidence
    assert "no later signal bounds it" not in inference.evidence
    assert inference.window[0] <= D(2025, 5, 12) and inference.window[1] > D(2025, 9, 1)


def test_a_past_event_and_a_span_of_months_after_it_leave_the_report_undated():
    # the event and a count of hostages that stood for three months after it: the "soon after"
    # preference would pick the event's first days; the report may be any of the months:
    # undated, the window the whole span (no 21-day window after the event)
    days, _ = dating.calendar_days()
    n = len(days)
    event = dating.Constraint("event", "'the release of X' past", dating._mask_range(n, 600, n),
                              anchors=(600,))
    count = dating.Constraint("hostages", "a count of those months",
                              dating._mask_range(n, 590, 690))
    hard = [event, count]
    prefs = [dating.fresh_constraint(hard), dating.recency_constraint(hard)]
    inference = dating._decide(hard + prefs, [])
    assert inference.report_date is None, inference.evidence
    assert inference.window[0] <= days[600] and inference.window[1] >= days[690]
    # a toll of a week inside the span dates it
    toll = dating.Constraint("toll", "a toll of those days", dating._mask_range(n, 640, 646))
    assert dating._decide(hard + [toll] + prefs, []).report_date is not None


@pytest.mark.parametrize("sentence,quote,value,day", [
    ("Hamas released 17 more hostages, bringing the total number of hostages released to 58.",
     "58", 58, D(2023, 11, 26)),
    ("So far, 21 hostages, including five Thais, have been freed in five releases.",
     "21 hostages", 21, D(2025, 2, 10)),
])
def test_hostages_freed_so_far_in_a_truce(sentence, quote, value, day):
    figure = {"metric": "hostages_released", "population": "israeli", "value": value,
              "quote": quote, "sentence": sentence, "scope": "event"}
    c = dating.released_constraint(figure)
    days, _ = dating.calendar_days()
    assert c is not None and c.allowed[dating._index(days, day)]
    assert c.allowed.sum() <= 20


@pytest.mark.parametrize("sentence,quote,value", [
    ("Hamas released three more hostages on Saturday.", "three more hostages", 3),
    ("Of the dead, it has so far returned 17, including 15 Israelis.", "15 Israelis", 15),
])
def test_one_release_or_bodies_returned_are_not_the_count_freed_so_far(sentence, quote, value):
    figure = {"metric": "hostages_released", "population": "israeli", "value": value,
              "quote": quote, "sentence": sentence, "scope": "event"}
    assert dating.released_constraint(figure) is None


def test_release_that_would_occur_is_still_to_come():
    mention = next(m for m in date_signals(
        "Hamas did not say when the release of soldier Edan Alexander would occur.")
        if m["kind"] == "event")
    assert mention["tense"] == "future"


@pytest.mark.parametrize("text,day", [
    ("Israeli strike targets Hamas leaders in Qatar as they weigh a proposal.", "2025-09-09"),
    ("Israel struck the headquarters of Hamas's political leadership in Qatar on Tuesday.",
     "2025-09-09"),
    ("Talks began after Hamas's release of American-Israeli hostage Edan Alexander.",
     "2025-05-12"),
])
def test_named_events_in_more_wordings(text, day):
    assert day in [m["date"] for m in date_signals(text) if m["kind"] == "event"]


def test_meeting_on_the_sidelines_of_a_summit_is_during_it():
    found = [m for m in date_signals("Trump met Arab leaders in New York on the sidelines of "
                                     "the UN General Assembly.") if m["kind"] == "event"]
    assert found and all(m["tense"] == "during" for m in found)
    inference = infer("Trump met Arab leaders in New York on Tuesday on the sidelines of the "
                      "UN General Assembly, with Hamas's release of Edan Alexander behind him.")
    assert inference.report_date is not None, inference.evidence
    assert D(2025, 9, 23) <= inference.report_date <= D(2025, 9, 30), inference.evidence


def test_coming_end_of_an_event_of_several_days_allows_its_days():
    c = dating.event_constraint({"text": "Trump's Gulf trip", "event": "trip", "tense": "future",
                                 "date": "2025-05-13", "end_date": "2025-05-16"})
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 5, 14))]
    assert not c.allowed[dating._index(days, D(2025, 5, 17))]


def test_nearing_a_month_prefers_its_last_days():
    inference = infer("Talks resumed in the war, now nearing its 22nd month.")
    c = next(c for c in inference.constraints if c.kind == "duration")
    days, _ = dating.calendar_days()
    assert c.prefer[dating._index(days, D(2025, 7, 6))] > \
        c.prefer[dating._index(days, D(2025, 6, 28))]


def test_nearly_a_round_toll_prefers_the_days_closest_to_it():
    c = dating.toll_constraints({"metric": "killed", "population": "palestinian",
                                 "value": 65000, "qualifier": "upper_bound"})[0]
    days, _ = dating.calendar_days()
    assert c.prefer[dating._index(days, D(2025, 9, 16))] > \
        c.prefer[dating._index(days, D(2025, 9, 5))]


def test_date_named_with_a_coming_weekday_is_coming():
    found = next(m for m in date_signals("The ceasefire deal is likely to take effect on "
                                         "Sunday, January 19.") if m["kind"] == "month_day")
    assert found["tense"] == "future"


def test_invitation_for_a_meeting_on_a_date_is_coming():
    found = next(m for m in date_signals("Officials said Trump had invited Netanyahu for a "
                                         "meeting at the White House on February 4.")
                 if m["kind"] == "month_day")
    assert found["tense"] == "future"


@pytest.mark.parametrize("sentence,quote,value,dated", [
    ("Hamas still holds the bodies of 11 hostages in the Gaza Strip.", "11 hostages", 11, True),
    ("At least 25 of these are believed to be dead.", "at least 25", 25, False),
    ("Hamas claimed that 22 hostages were killed in Israeli strikes.", "22 hostages", 22, False),
])
def test_dead_hostages_date_a_report_only_as_remains_still_held(sentence, quote, value,
                                                                 dated):
    figure = {"metric": "hostages_dead", "population": "israeli", "value": value,
              "qualifier": "exact", "quote": quote, "sentence": sentence}
    c = dating.hostage_constraint(figure)
    assert (c is not None) == dated


def test_hostage_left_out_of_a_release_is_no_release():
    text = ("A fifth soldier of their unit, Agam Berger, was abducted with them but not "
            "included in the release.")
    assert not [m for m in date_signals(text) if m["kind"] == "event"]


@pytest.mark.parametrize("text", [
    "Trump wants a deal before he enters office on Jan. 20.",
    "The truce takes effect on Sunday, January 19, officials said.",
])
def test_date_after_a_scheduled_present_verb_is_coming(text):
    found = next(m for m in date_signals(text) if m["kind"] == "month_day")
    assert found["tense"] == "future"


def test_six_hostages_bodies_recovered_in_other_wordings():
    found = [m["date"] for m in date_signals(
        "The army announced the recovery of six Israeli hostages\u2019 bodies, including "
        "Hersh Goldberg-Polin.") if m["kind"] == "event"]
    assert found and set(found) == {"2024-09-01"}


def test_bring_them_home_is_no_word_of_freeing():
    assert not [m for m in date_signals("The mother of Hersh Goldberg-Polin urged leaders to "
                                        "bring them home.") if m["kind"] == "event"]


def test_resumption_of_strikes_names_either_collapse_of_a_truce():
    # with 59 hostages held (spring 2025) the collapse is that of 18 March 2025
    inference = infer("The resumption of heavy Israeli strikes in Gaza cast into question "
                      "the status of the hostages.",
                      [{"metric": "hostages_held", "population": "israeli", "value": 59,
                        "qualifier": "exact", "quote": "59 hostages",
                        "sentence": "Fewer than half of the 59 hostages are alive."}])
    # (the report is left undated: the count of 59 stood for two months after it; round 6,
    # second pass): the latest past event it tells is the collapse of 18 March 2025
    assert inference.window is not None and inference.window[1] >= D(2025, 3, 18)
    assert "soon after 2025-03-18" in inference.evidence, inference.evidence


@pytest.mark.parametrize("text,found", [
    ("Giving them up without guarantees would, in its leaders' view, invite a resumption of "
     "the bombardment.", False),
    ("Hamas said it would respond after the killing of Yahya Sinwar.", True),
])
def test_event_in_a_hypothesis_is_no_evidence(text, found):
    assert bool([m for m in date_signals(text) if m["kind"] == "event"]) == found


def test_date_in_figures_with_its_weekday():
    # "on Wednesday (18/10/2023)": day/month/year, the report of that week
    inference = infer("Biden disembarked from Air Force One on Wednesday (18/10/2023) and "
                      "hugged Netanyahu.")
    assert inference.report_date is not None, inference.evidence
    assert 0 <= (inference.report_date - D(2023, 10, 18)).days <= 2, inference.evidence


@pytest.mark.parametrize("text,day", [
    ("Biden lands in Tel Aviv as the war enters its second week.", "2023-10-18"),
    ("Aid agencies said after the explosion at al-Ahli Arab Hospital that ...", "2023-10-17"),
    ("Fighting went on since Israel launched its offensive in Rafah.", "2024-05-07"),
    ("A UN-backed body declared a famine in Gaza City.", "2025-08-22"),
])
def test_more_named_events_of_the_war(text, day):
    assert day in [m["date"] for m in date_signals(text) if m["kind"] == "event"]


def test_would_in_reported_speech_keeps_the_weekday_past():
    found = next(m for m in date_signals("The army told residents it would not strike the "
                                         "evacuation route on Sunday.") if m["kind"] == "weekday")
    assert found["tense"] == "past"


def test_later_on_a_weekday_is_the_report_day():
    inference = infer("The delegation would return home later on Friday, an official said, "
                      "after the Doha summit.")
    c = next(c for c in inference.constraints if c.kind == "weekday")
    days, _ = dating.calendar_days()
    friday = dating._index(days, D(2024, 8, 16))
    assert c.prefer[friday] > c.prefer[friday - 1]


def test_a_lasting_state_bounds_the_report_but_is_no_news_of_its_first_day():
    inference = infer("The team searched beyond the yellow line behind which Israeli troops "
                      "have pulled back.")
    c = next(c for c in inference.constraints if c.kind == "event")
    days, _ = dating.calendar_days()
    assert not c.allowed[dating._index(days, D(2025, 10, 1))] and not c.anchors
    assert inference.report_date is None   # nothing else bounds it: no day from its start


def test_the_president_elect_alone_is_the_transition():
    inference = infer("He must free them by his Inauguration on January 20, the President-elect "
                      "told a radio host.")
    c = next(c for c in inference.constraints if "president-elect" in c.label)
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2024, 12, 20))]
    assert not c.allowed[dating._index(days, D(2025, 2, 20))]
    assert "2025-01-20" in [m["date"] for m in date_signals("by his Inauguration on January "
                                                             "20") if m["kind"] == "event"]


@pytest.mark.parametrize("text", [
    "The security cabinet approved Netanyahu's plan to take control of Gaza City.",
    "Israel announced plans to reoccupy Gaza City after talks broke down.",
])
def test_gaza_city_takeover_plan(text):
    assert "2025-08-08" in [m["date"] for m in date_signals(text) if m["kind"] == "event"]


# --- round 5 --------------------------------------------------------------------------------

def test_a_coming_release_named_with_a_plain_verb():
    # "will release the ... hostage Edan Alexander": coming, the row of 12 May 2025
    found = [m for m in date_signals("Hamas will release the Israeli-American hostage Edan "
                                     "Alexander, an official said.") if m["kind"] == "event"]
    assert [(m["date"], m["tense"]) for m in found] == [("2025-05-12", "future")]
    assert not [m for m in date_signals("Edan Alexander was not released.")
                if m["kind"] == "event"]


def test_a_year_less_date_after_the_latest_event_begins_the_window():
    # the killing of Sinwar (16 Oct 2024) fixes the era; "late October" after it is of 2024,
    # the latest past day the article tells: the window begins there (nothing ends it after:
    # undated, round 6, second pass)
    inference = infer("Israel killed Hamas chief Yahya Sinwar in Rafah. Mediators met again "
                      "in late October without a result.")
    assert inference.window is not None, inference.evidence
    assert D(2024, 10, 16) <= inference.window[0] <= D(2024, 10, 31)


@pytest.mark.parametrize("text,first,last", [
    ("Gaza's nearly two-year war has displaced almost everyone.", D(2025, 6, 5), D(2025, 10, 9)),
    ("The two-year war has flattened the enclave.", D(2025, 9, 6), D(2026, 4, 8)),
])
def test_years_of_war_are_counted_around_their_mark(text, first, last):
    c = next(c for c in infer(text).constraints if c.kind == "duration")
    days, _ = dating.calendar_days()
    allowed = [days[i] for i in np.flatnonzero(c.allowed)]
    assert first <= allowed[0] and allowed[-1] <= last
    assert allowed[0] <= D(2025, 10, 6) <= allowed[-1]


@pytest.mark.parametrize("text,day", [
    ("RAFAH – 2 May 2025: Aid trucks waited at the crossing on Saturday.", D(2025, 5, 2)),
    ("Talks resume\nAMMAN — 14 January 2024. The ministers met on Friday.", D(2024, 1, 14)),
])
def test_a_dateline_with_a_dash_and_the_day_first(text, day):
    assert [m["text"] for m in date_signals(text) if m["kind"] == "dateline"]
    assert infer(text).report_date == day


def test_a_city_and_a_date_that_opens_a_sentence_is_no_dateline():
    assert not [m for m in date_signals("GAZA CITY — 5 May talks were held in Cairo.")
                if m["kind"] == "dateline"]


@pytest.mark.parametrize("text,day", [
    ("Israel's cabinet has approved a deal that would free 50 women and children held in "
     "Gaza, the government said, as the toll passed 12,000.", D(2023, 11, 21)),
    ("The security cabinet has recommended approval of the ceasefire; the first three "
     "hostages could be freed on Sunday.", D(2025, 1, 17)),
])
def test_the_cabinet_approving_a_deal_is_news_of_its_days(text, day):
    found = {m["date"] for m in date_signals(text) if m["kind"] == "event"}
    assert day.isoformat() in found
    figures = [{"metric": "killed", "population": "palestinian", "value": 12000,
                "qualifier": "lower_bound", "scope": "cumulative"}] if "12,000" in text else []
    hostages = [{"metric": "hostages_held", "population": "israeli", "value": 94}] \
        if "Sunday" in text else []
    assert off(infer(text, figures + hostages), day) <= 3


def test_an_event_under_way_prefers_its_own_days_to_its_margins():
    text = ("On the sidelines of the UN General Assembly, the president met Arab leaders on "
            "Tuesday, a source said. President Donald Trump told them the war must end.")
    inference = infer(text)
    assert inference.report_date in (D(2025, 9, 23), D(2025, 9, 24)), inference.evidence


@pytest.mark.parametrize("text,day", [
    ("On Jan. 19, the first phase of a ceasefire and exchange deal went into effect.",
     "2025-01-19"),
    ("Since the last truce ended on December 1, more captives have been freed by troops.",
     "2023-12-01"),
    ("Israel broke off the two-month ceasefire, as it is called, on March 18.", "2025-03-18"),
])
def test_a_year_less_date_of_a_truce_milestone_takes_its_year(text, day):
    found = date_signals(text)
    assert [m["date"] for m in found if m["kind"] == "event"] == [day]
    assert [m["year_hint"] for m in found if m["kind"] == "month_day"] == [int(day[:4])]


@pytest.mark.parametrize("text", [
    "The truce was extended on November 27.",   # 2023 (an extension) and 2024 (Lebanon)
    "Talks resumed on March 18 in Doha.",       # no truce named
    "Ceasefire talks began in Doha on March 18.",   # talks about a truce (the 2024 round)
    "Talks on a ceasefire were held on March 18.",  # no milestone of the truce itself
])
def test_a_year_less_date_no_single_truce_milestone_fits_keeps_its_years(text):
    found = date_signals(text)
    assert not [m for m in found if m["kind"] == "event"]
    assert all(m.get("year_hint") is None for m in found)


def test_a_full_date_written_twice_counts_once():
    # "Jan. 20, 2025" and "January 20, 2025" in one article: one planned date, whose
    # preference for the days right before it does not count twice against the news of
    # the warning (2 December 2024)
    text = ("Trump warns of 'ALL HELL TO PAY' if the hostages are not freed\nThe "
            "President-elect, who will take office on Jan. 20, 2025, said they must be "
            "released prior to January 20, 2025.")
    inference = infer(text)
    assert sum(c.kind == "absolute" for c in inference.constraints) == 1
    assert off(inference, D(2024, 12, 2)) <= 3


def test_a_preference_anchored_far_back_does_not_pick_the_first_of_equal_weeks():
    # 48 held stood from late August to 12 October 2025; "March 2024" (a year and a half
    # before) must not pull the estimate to the first Saturday of those weeks
    text = ("Hamas shared a picture of the remaining hostages on Saturday. During the truce "
            "between January and March 2024, it released others.")
    held = {"metric": "hostages_held", "population": "israeli", "value": 48}
    inference = infer(text, [held])
    assert inference.report_date is None or inference.report_date >= D(2025, 9, 10), \
        inference.evidence


def test_since_a_truce_milestone_is_the_date_with_its_day_and_no_news_of_it():
    # "since October 10" is that day (not "since October", the war), of 2025 by the truce;
    # a truce that "has held since" then says nothing of how recent the report is
    found = date_signals("Aid has flowed into Gaza since October 10, when the truce took "
                         "effect.")
    assert [m["text"] for m in found if m["kind"] == "month_day"] == ["October 10"]
    event = next(m for m in found if m["kind"] == "event" and m["text"] == "October 10")
    assert event["date"] == "2025-10-10"
    assert event.get("since")
    c = dating.event_constraint(event)
    assert not c.anchors
    assert [m["kind"] for m in date_signals("Since October, 60,000 were killed.")] == \
        ["bare_month"]


def test_the_most_telling_mention_of_a_holiday_counts():
    # the headline's "truce for Ramadan" (past) and the body's "ahead of Ramadan" (coming):
    # the report lies before Ramadan, as the coming mention says
    text = ("Gaza truce for Ramadan hangs in the balance\nMediators met in Cairo as pressure "
            "mounts ahead of Ramadan for a pause in fighting, President Joe Biden said.")
    holidays = [c for c in infer(text).constraints if c.kind == "holiday"]
    assert len(holidays) == 1 and "(future)" in holidays[0].label


def test_an_event_n_weeks_ago_is_about_that_long_before_the_report():
    # "the first phase of which ended two weeks ago": 1 March 2025 + about 14 days
    text = ("Talks go on in Doha on the next stage of the ceasefire, the first phase of which "
            "ended two weeks ago.")
    event = next(m for m in date_signals(text) if m["kind"] == "event")
    assert (event["date"], event["tense"], event["offset_days"]) == ("2025-03-01", "offset", 14)
    assert off(infer(text), D(2025, 3, 15)) <= 3
    # "three days ago" in another sentence says nothing of the event
    other = date_signals("Talks stalled. Sinwar was killed in Rafah. Three days ago talks "
                         "resumed.")   # (not in the lede: there it would be the news)
    assert next(m for m in other if m["kind"] == "event")["tense"] == "past"


def test_a_named_day_tells_which_compiled_round_a_meeting_is():
    # ten Doha rounds fit a Doha meeting; "since July 6" names the first day of one of them
    # (6-24 July 2025), whose working-level teams the article does not name
    text = ("Israeli and Hamas negotiators have been in Doha since July 6, and President "
            "Donald Trump will meet the Qatari prime minister on Wednesday.")
    meetings = [{"location": "Doha", "participants": ["Steve Witkoff"], "status": "held",
                 "date_text": "July 6", "quote": "have been in Doha since July 6"}]
    rounds = dating.round_constraints(meetings)
    assert len(rounds) == 1 and "2025-07-06 doha" in rounds[0].label
    assert "2024" not in rounds[0].label
    inference = infer(text, meetings=meetings)
    assert inference.window[0] <= D(2025, 7, 9) <= inference.window[1]
    # a round of several days is reported throughout it, not only after its last day
    days, _ = dating.calendar_days()
    c = rounds[0]
    assert c.prefer[dating._index(days, D(2025, 7, 9))] == \
        c.prefer[dating._index(days, D(2025, 7, 24))]
    # without the day in the meeting's own words, every Doha round with Witkoff fits
    other = [dict(meetings[0], date_text="", quote="talks in Doha")]
    assert dating.round_constraints(other)[0].label.count("doha") > 1


# --- round 5, second pass: the timeline to the end of 2025 ----------------------------------

@pytest.mark.parametrize("value,day", [(8, D(2025, 11, 4)), (4, D(2025, 11, 10)),
                                       (3, D(2025, 11, 20)), (2, D(2025, 11, 30)),
                                       (1, D(2025, 12, 20))])
def test_remains_still_held_in_november_and_december_2025(value, day):
    # "Four more bodies are still being held in Gaza" after Hadar Goldin's return
    figure = {"metric": "hostages_dead", "population": "israeli", "value": value,
              "qualifier": "exact", "quote": f"{value} bodies",
              "sentence": f"Hamas still holds the bodies of {value} hostages in Gaza."}
    c = dating.hostage_constraint(figure)
    days, _ = dating.calendar_days()
    assert c is not None and c.allowed[dating._index(days, day)], c and c.label
    assert not c.allowed[dating._index(days, D(2025, 10, 15))], c.label


@pytest.mark.parametrize("text,day", [
    ("Israel received the body of Hadar Goldin, held in Gaza since 2014.", D(2025, 11, 9)),
    ("Hamas confirmed the killing of its commander Raed Saad in Gaza City.", D(2025, 12, 13)),
    ("Weeks after the killing of Mohammed Sinwar, the group named no successor.",
     D(2025, 5, 13)),
    ("Abu Obeida was killed in a strike on Gaza City, Israel said.", D(2025, 8, 30)),
    ("Ran Gvili, the last hostage still held in Gaza, was a police officer.", D(2025, 12, 4)),
])
def test_events_of_late_2025_are_found(text, day):
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert found and D.fromisoformat(found[0]["date"]) == day, found


def test_the_killing_of_mohammed_sinwar_is_not_that_of_yahya_sinwar():
    found = [m["date"] for m in date_signals("after the killing of Mohammed Sinwar")
             if m["kind"] == "event"]
    assert "2024-10-16" not in found


def test_a_demand_for_hadar_goldins_body_is_not_its_return():
    text = "The family demanded the return of the body of Hadar Goldin, held since 2014."
    assert not [m for m in date_signals(text) if m["kind"] == "event"]


@pytest.mark.parametrize("text,count", [
    ("If confirmed, it would mean the remains of 12 hostages remain in Gaza.", 12),
    ("Four more bodies are still being held in Gaza, including three Israelis.", 4),
    ("The handover leaves two deceased hostages still in Gaza.", 2),
    ("Israel received the remains of a hostage on Monday.", None),
])
def test_remains_still_held_are_read_from_the_text(text, count):
    found = [m["count"] for m in date_signals(text) if m["kind"] == "remains"]
    assert found == ([count] if count else [])


def test_remains_told_by_the_text_and_the_figures_count_once():
    text = "Hamas still holds the bodies of 11 hostages."
    figure = {"metric": "hostages_dead", "population": "israeli", "value": 11,
              "qualifier": "exact", "quote": "11 hostages", "sentence": text}
    inference = infer(text, [figure])
    assert len([c for c in inference.constraints if c.kind == "hostages"]) == 1


def test_a_month_old_ceasefire_is_a_truce_of_about_a_month():
    found = [m for m in date_signals("as a fragile month-old ceasefire held") if
             m["kind"] == "duration"]
    assert found and found[0]["amount"] == 1 and found[0].get("anchor") == "truce"


def test_a_us_sponsored_resolution_approved_is_either_of_the_two():
    # the Security Council approved US-drafted resolutions on Gaza on 10 June 2024 (2735)
    # and 17 November 2025 (2803): the phrase names both, the rest of the text picks one
    text = ("The UN Security Council on Monday evening approved the U.S.-sponsored "
            "resolution on the Gaza Strip, after two years of war.")
    found = sorted(m["date"] for m in date_signals(text) if m["kind"] == "event")
    assert found == ["2024-06-10", "2025-11-17"]
    assert off(infer(text), D(2025, 11, 18)) <= 3


def test_an_event_named_by_a_coming_date_of_its_sentence_is_coming():
    # "his job only begins on January 20, inauguration day, Reuters reported Wednesday
    # night": the inauguration is to come, and Wednesday is the report's source's day
    text = ("The envoy has begun work even though his job only officially begins on "
            "January 20, inauguration day, Reuters reported Wednesday night.")
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert found and found[0]["tense"] == "future"


@pytest.mark.parametrize("text,day", [
    ("Hamas claimed it took at least 130 hostages during Saturday's bloody rampage.",
     D(2023, 10, 10)),
])
def test_saturdays_attack_and_the_hague_summit_date_the_report(text, day):
    assert off(infer(text), day) <= 4
    # the summit alone, nothing after it: its window begins on the summit's day (undated:
    # nothing ends the span after it)
    hague = infer("Trump spoke of great progress in Gaza at the NATO summit in The Hague.")
    assert hague.window is not None and hague.window[0] <= D(2025, 6, 24)


def test_the_us_strikes_and_the_israel_iran_ceasefire_of_june_2025_are_past_events():
    text = ("After the US strikes on Iran's nuclear sites and the ceasefire between Israel "
            "and Iran, mediators renewed their push.")
    found = sorted(m["date"] for m in date_signals(text) if m["kind"] == "event")
    assert found == ["2025-06-22", "2025-06-24"]


def test_palestinian_prisoners_day_is_a_yearly_holiday():
    text = "Marking the Palestinian Prisoner's Day, the groups said 9,500 are held."
    c = next(c for c in dating.mention_constraints(date_signals(text)) if c.kind == "holiday")
    days, _ = dating.calendar_days()
    assert all(c.allowed[dating._index(days, D(y, 4, 17))] for y in (2024, 2025))
    assert not c.allowed[dating._index(days, D(2024, 10, 17))]


def test_remains_returned_out_of_28_are_the_rest_still_held_loosely():
    # Hamas's count of remains returned includes remains Israel did not accept: 27 of 28
    # on 13 November 2025, when Israel counted three still held
    text = "Hamas has now handed over the remains of 27 out of 28 Israeli captives."
    found = [m for m in date_signals(text) if m["kind"] == "remains"]
    assert found and found[0]["count"] == 1 and found[0]["returned"]
    c = next(c for c in dating.mention_constraints(found) if c.kind == "hostages")
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2025, 11, 13))], c.label


def test_the_21_point_plan_was_presented_before_the_20_point_plan():
    found = [m["date"] for m in date_signals("Trump pushed a new 21-point plan for Gaza.")
             if m["kind"] == "event"]
    assert found == ["2025-09-23"]


def test_a_live_blogs_war_day_and_the_netzarim_withdrawal():
    text = ("Israel - Hamas War day 493: the IDF confirmed that the IDF has withdrawn from the "
            "Netzarim Corridor.")
    kinds = {(m["kind"], m.get("amount") or m.get("date")) for m in date_signals(text)}
    assert ("duration", 493) in kinds and ("event", "2025-02-09") in kinds
    assert off(infer(text), D(2025, 2, 10)) <= 2


def test_any_saturdays_attack_is_not_the_week_of_october_7():
    assert not [m for m in date_signals("Saturday's attack on the aid site killed 30.")
                if m["kind"] == "event"]


def test_vances_visit_to_israel_dates_the_report():
    text = ("Vice President JD Vance arrived in Israel on Tuesday to reinforce the fragile "
            "ceasefire.")
    assert off(infer(text), D(2025, 10, 21)) <= 1


# --- round 5, third pass: reports of 2026, more phrasings of known events ----------------------

def test_the_recovery_of_the_last_hostages_remains_dates_a_report_of_january_2026():
    text = ("Israeli troops on Monday brought home the remains of police officer Ran Gvili, "
            "the last hostage held in Gaza, under the ceasefire that took effect on Oct. 10.")
    found = {m["date"] for m in date_signals(text) if m["kind"] == "event"}
    assert "2026-01-26" in found
    assert off(infer(text), D(2026, 1, 26)) <= 2


def test_the_gaza_administration_committee_is_of_2026():
    text = "Ali Shaath will head the National Committee for the Administration of Gaza."
    found = [m["date"] for m in date_signals(text) if m["kind"] == "event"]
    assert found and set(found) == {"2026-01-14"}
    # (a committee of technocrats alone names none of 2026: Hamas and Fatah agreed on one in
    # Cairo in December 2024, the factions again in October 2025; round 7: both rows, the
    # rest of the evidence picks)
    assert {m["date"] for m in date_signals("Factions agreed on a committee of technocrats.")
            if m["kind"] == "event"} <= {"2024-12-03", "2025-10-24"}


def test_one_body_held_ends_with_its_recovery():
    counts = {e.count: (e.start, e.end) for e in timeline.load() if e.kind == "hostages"}
    assert counts[1] == (D(2025, 12, 4), D(2026, 1, 25))


@pytest.mark.parametrize("text, day", [
    ("Leaders discussed the challenges of the post-Assad era in Syria.", "2024-12-08"),
    ("Blinken thanked Qatar for the recent humanitarian pause in Gaza.", "2023-11-24"),
])
def test_more_phrasings_of_known_events(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


@pytest.mark.parametrize("text, months", [
    ("Washington announced the plan's second phase, four months after a ceasefire took "
     "effect.", 4),
    ("Talks on the second phase were due to begin six weeks after the ceasefire took effect.",
     None),
    ("The second phase would start within two months after the truce began.", None),
])
def test_months_after_a_ceasefire_took_effect_is_its_age_not_a_term(text, months):
    ages = [m for m in date_signals(text) if m["kind"] == "duration" and m.get("anchor")]
    assert [m["amount"] for m in ages] == ([months] if months else [])


@pytest.mark.parametrize("text, amount, unit", [
    ("Detentions have soared since the start of Israel's assault on the Gaza Strip more than "
     "a year ago.", 1, "year"),
    ("The war, which erupted 15 months ago, has displaced most of Gaza.", 15, "month"),
    ("The Israel-Iran war that began two weeks ago is over.", None, None),
])
def test_the_war_told_as_begun_some_time_ago_is_its_age(text, amount, unit):
    ages = [m for m in date_signals(text) if m["kind"] == "duration"]
    assert [(m["amount"], m["unit"]) for m in ages] == ([(amount, unit)] if amount else [])
    assert not any(m.get("anchor") for m in ages)   # counted from 7 October


def test_a_prisoners_day_a_year_into_the_war_is_of_2025():
    text = ("Palestinian Prisoners' Day, held on April 17, was marked on Thursday; detentions "
            "have soared since the start of the assault on Gaza more than a year ago.")
    assert off(infer(text), D(2025, 4, 17)) <= 1


@pytest.mark.parametrize("text, within", [
    ("Israel's war cabinet is due to meet on Sunday to discuss the proposal.", True),
    ("Benny Gantz, a member of the war cabinet, flew to Washington.", True),
    ("Netanyahu dissolved the war cabinet after Gantz quit.", False),
    ("Gantz, a former war cabinet member, criticised the deal.", False),
])
def test_the_war_cabinet_puts_the_report_in_its_eight_months(text, within):
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert bool(found) == within
    if within:
        c = dating.event_constraint(found[0])
        days, _ = dating.calendar_days()
        assert c.allowed[dating._index(days, D(2024, 3, 1))]
        assert not c.allowed[dating._index(days, D(2024, 9, 1))]


@pytest.mark.parametrize("text, first, last", [
    ("The Biden administration was surprised by the announcement.", D(2021, 1, 20),
     D(2025, 1, 20)),
    ("The Trump administration is using an intermediary with Hamas.", D(2025, 1, 20), None),
])
def test_the_administration_in_office_bounds_the_report(text, first, last):
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert len(found) == 1 and found[0]["date"] == first.isoformat()
    assert (found[0].get("end_date") or found[0]["date"]) == (last or first).isoformat()


@pytest.mark.parametrize("text", [
    "A deal is needed so that once the Trump administration takes office it can move on.",
    "Under the first Trump administration, the embassy moved to Jerusalem.",
    "The former Biden administration had pushed a three-phase deal.",
])
def test_an_administration_to_come_or_gone_says_nothing(text):
    assert not [m for m in date_signals(text) if m["kind"] == "event"]


@pytest.mark.parametrize("text, threatened", [
    ("Mediators worked for a deal ahead of Israel's anticipated invasion of the southern city "
     "of Rafah.", True),
    ("A planned incursion into Rafah could be suspended should a deal emerge.", True),
    ("Washington tries to stop Israel from invading Rafah.", True),
    ("An offensive in Rafah would be a disaster, he said.", False),
])
def test_a_threatened_rafah_invasion_is_of_february_to_may_2024(text, threatened):
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert bool(found) == threatened
    if threatened:   # (a state holds whatever the tense: "ahead of" it too)
        c = dating.event_constraint(found[0])
        days, _ = dating.calendar_days()
        assert c.allowed[dating._index(days, D(2024, 4, 28))]
        assert not c.allowed[dating._index(days, D(2023, 12, 1))]
        assert not c.allowed[dating._index(days, D(2024, 7, 1))]


@pytest.mark.parametrize("text, first, last", [
    ("The delegation is headed by Khalil Al-Hayya, Hamas' deputy chief in Gaza, an official "
     "said.", "2017-02-13", "2024-10-16"),
    ("A Hamas delegation, led by Gaza chief Khalil Al-Hayya, showed some flexibility.",
     "2024-10-16", ""),
    ("Hamas deputy Gaza chief Khalil al-Hayya said the group would respond.", "2017-02-13",
     "2024-10-16"),
])
def test_khalil_al_hayyas_title_tells_before_or_after_sinwars_death(text, first, last):
    offices = [m for m in date_signals(text) if m["kind"] == "office"]
    assert [(m["date"], m.get("end_date") or "") for m in offices] == [(first, last)]


def test_a_stampede_on_an_aid_truck_is_the_flour_massacre():
    text = ("Talks are to resume on Sunday; an incident on Thursday amid a stampede of Gazans on "
            "an aid truck killed more than 100 people.")
    assert "2024-02-29" in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_the_first_phase_told_as_the_initial_period_is_a_truce_milestone():
    text = ("Israel wants an extension of the first phase until mid-April. That initial period "
            "ended on March 1 after six weeks of relative calm.")
    found = date_signals(text)
    assert ("event", "2025-03-01") in {(m["kind"], m.get("date")) for m in found}
    assert [m.get("year_hint") for m in found if m["kind"] == "month_day"] == [2025]


@pytest.mark.parametrize("text, first", [
    ("Trump chaired the first meeting of the Board of Peace on Thursday, officials said.",
     D(2025, 9, 28)),
    ("The International Stabilization Force began deploying in Gaza on Monday.",
     D(2025, 9, 28)),
    ("Gunfire near a Gaza Humanitarian Foundation site killed 10 people on Friday.",
     D(2025, 5, 7)),
])
def test_a_lasting_institution_is_no_news_of_its_first_day(text, first):
    # named for months after (the plan's institutions in 2026 too): on or after its first
    # day, never "within weeks" of it
    inference = infer(text)
    assert inference.report_date is None
    assert inference.window and inference.window[0] >= first
    c = next(c for c in inference.constraints if c.kind == "event")
    assert c.anchors == ()


# --- round 5, fourth pass ---------------------------------------------------------------------

def test_the_security_council_endorsing_a_us_drafted_resolution_is_the_resolution():
    # "the plan won support on Monday, with 14 members of the UN Security Council endorsing a
    # US-drafted resolution": resolution 2735 (June 2024) or 2803 (November 2025)
    text = ("The plan won support on Monday, with 14 members of the UN Security Council "
            "endorsing a US-drafted resolution backing it.")
    found = {m["date"] for m in date_signals(text) if m["kind"] == "event"}
    assert found == {"2024-06-10", "2025-11-17"}


# --- round 6: the war's chronology, October 2023 - December 2025 -------------------------------

@pytest.mark.parametrize("text, day", [
    ("Residents recalled how Israel ordered 1.1 million people to head south.", "2023-10-13"),
    ("Hostage families have campaigned since the release of Judith and Natalie Raanan.",
     "2023-10-20"),
    ("Critics pointed to South Africa's genocide case at the ICJ.", "2023-12-29"),
    ("Aid had come through the temporary pier off the coast.", "2024-03-07"),
    ("Markets dipped after the death of Iranian President Ebrahim Raisi.", "2024-05-19"),
    ("Weeks after Biden dropped out of the presidential race, talks resumed.", "2024-07-21"),
    ("Unions joined the Histadrut general strike that day.", "2024-09-02"),
    ("Since the Knesset passed laws banning UNRWA, aid groups have warned.", "2024-10-28"),
    ("The plan adopted at the emergency Arab summit in Cairo was welcomed.", "2025-03-04"),
    ("Troops hold the Morag corridor between Rafah and Khan Younis.", "2025-04-02"),
    ("The killing of Anas al-Sharif drew condemnation.", "2025-08-10"),
    ("Leaders met at the emergency Arab-Islamic summit in Doha.", "2025-09-15"),
    ("Days after Netanyahu apologised to Qatar's prime minister, talks resumed.", "2025-09-29"),
    ("Residents said the killing of Yasser Abu Shabab changed little.", "2025-12-04"),
    ("Shipping slowed after the hijacking of the Galaxy Leader.", "2023-11-19"),
    ("Since Operation Rising Lion, Iran has threatened to retaliate.", "2025-06-13"),
    ("Raids continued under Operation Iron Wall in Jenin.", "2025-01-21"),
    ("The court's advisory opinion on the occupation was cited.", "2024-07-19"),
    ("The vote to dismiss Shin Bet chief Ronen Bar was challenged.", "2025-03-21"),
    ("Iran fired missiles in what it called True Promise II.", "2024-10-01"),
    ("Critics said the Generals' Plan aimed to empty the north.", "2024-09-05"),
    ("Katz's proposed humanitarian city in Rafah drew criticism.", "2025-07-07"),
    ("Hamas's response to Trump's plan was welcomed by the mediators.", "2025-10-03"),
])
def test_the_wars_chronology_names_its_events(text, day):
    """Round 6 rows (TIMELINE.md gives a source for each)."""
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


@pytest.mark.parametrize("text", [
    "Emily Hand's aunt spoke to reporters about the campaign.",   # named, not released
    "A general strike was called across the West Bank.",          # not Israel's of 2024
    "Fifteen aid workers were injured in the blast.",              # not the Rafah paramedics
    "Militants breached the Iron Wall barrier around Gaza.",       # the fence, no operation
    "Leaders made a true promise of lasting peace.",               # no operation named
])
def test_a_name_or_word_of_an_event_alone_is_not_the_event(text):
    found = {m["date"] for m in date_signals(text) if m["kind"] == "event"}
    assert not found & {"2023-11-25", "2024-09-02", "2025-03-23", "2025-01-21", "2024-04-13"}, \
        found


@pytest.mark.parametrize("text, first, last", [
    ("British Foreign Secretary David Cameron arrived in Cairo.", "2023-11-13", "2024-07-05"),
    ("Foreign Secretary David Lammy said Britain would act.", "2024-07-05", "2025-09-05"),
    ("EU foreign policy chief Kaja Kallas said the bloc would review the deal.", "2024-12-01",
     ""),
    ("German Chancellor Friedrich Merz spoke by phone with Netanyahu.", "2025-05-06", ""),
    ("White House press secretary Karoline Leavitt told reporters.", "2025-01-20", ""),
    ("Syrian President Ahmed al-Sharaa met the envoy.", "2025-01-29", ""),
    ("Iranian President Masoud Pezeshkian warned Israel.", "2024-07-28", ""),
    ("US Ambassador to Israel Mike Huckabee visited the site.", "2025-04-18", ""),
])
def test_office_holders_of_the_allies_and_the_region_bound_the_report(text, first, last):
    offices = [m for m in date_signals(text) if m["kind"] == "office"]
    assert [(m["date"], m.get("end_date") or "") for m in offices] == [(first, last)]


def test_a_former_holder_of_a_new_office_row_says_nothing():
    assert not [m for m in date_signals("Former British Foreign Secretary David Cameron said.")
                if m["kind"] == "office"]


def test_deputy_before_hamas_gaza_chief_is_the_deputy_title():
    # "headed by chief negotiator and deputy Hamas Gaza chief Khalil Al-Hayya" (a report of
    # late October 2024) is the deputy's title, not the head's of after Sinwar's death
    text = ("The delegation, headed by chief negotiator and deputy Hamas Gaza chief Khalil "
            "Al-Hayya, arrived in Cairo.")
    offices = [m for m in date_signals(text) if m["kind"] == "office"]
    assert [(m["date"], m.get("end_date")) for m in offices] == [("2017-02-13", "2024-10-16")]


def test_a_stale_title_keeps_the_two_weeks_after_a_tenure_ended():
    # a deputy's title a week after the change (reports lag): the tenure's end plus two weeks
    text = "Hamas deputy Gaza chief Khalil al-Hayya arrived in Cairo on Thursday."
    c = next(c for c in dating.mention_constraints(date_signals(text)) if c.kind == "office")
    days, _ = dating.calendar_days()
    assert c.allowed[dating._index(days, D(2024, 10, 24))]
    assert not c.allowed[dating._index(days, D(2024, 11, 5))]


@pytest.mark.parametrize("text, first, last", [
    # the Rafah offensive told after its start, the threat told with its agent or a plan
    ("Israel will press on with the offensive on Rafah, which began on Monday.", "2024-05-07",
     "2024-05-07"),
    ("Talks resumed amid the possible offensive by the IDF on Rafah.", "2024-01-25",
     "2024-05-20"),
    ("Allies warned against Israel's plan to press its ground offensive into the city of Rafah.",
     "2024-01-25", "2024-05-20"),
])
def test_the_rafah_offensive_begun_or_threatened_in_more_words(text, first, last):
    found = {(m["date"], m["end_date"]) for m in date_signals(text) if m["kind"] == "event"}
    assert (first, last) in found, found


@pytest.mark.parametrize("text, day", [
    # an event named as a prospect is coming, not past
    ("Key issues include the possible withdrawal of Israeli troops from the Netzarim Corridor.",
     "2025-02-09"),
])
def test_an_event_named_as_a_prospect_is_coming(text, day):
    found = [m for m in date_signals(text) if m["kind"] == "event" and m["date"] == day]
    assert found and all(m["tense"] == "future" for m in found)


@pytest.mark.parametrize("text", [
    "Officials of the outgoing Biden administration and the incoming Donald Trump administration "
    "met Netanyahu.",
    "Under a second Trump administration, aid policy could change.",
])
def test_an_administration_to_come_is_not_in_office(text):
    assert "2025-01-20" not in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_a_bridging_offer_is_the_bridging_proposal_of_august_2024():
    text = "Egypt passed on the bridging offer presented by the US last week."
    assert "2024-08-16" in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


@pytest.mark.parametrize("text, days", [
    ("Qatar's prime minister spoke at the Doha Forum on Saturday.",
     {"2023-12-10", "2024-12-07", "2025-12-06"}),
    ("Blinken spoke on the sidelines of the Munich Security Conference.",
     {"2024-02-16", "2025-02-14"}),
    ("Leaders gathered at the Arab League summit in Baghdad.", {"2025-05-17"}),
])
def test_recurring_summits_name_every_year_they_were_held(text, days):
    assert {m["date"] for m in date_signals(text) if m["kind"] == "event"} == days


def test_a_recurring_summit_alone_does_not_pick_its_latest_year():
    # "the Munich Security Conference" (February 2024 and 2025) and nothing else: no 21-day
    # window after the 2025 conference, the article stays undated
    inference = dating.infer_date(date_signals("Blinken spoke on the sidelines of the Munich "
                                               "Security Conference."), [])
    assert inference.report_date is None
    # with the October 2025 ceasefire the Doha Forum is that of December 2025
    text = ("Qatar's prime minister said at the Doha Forum on Saturday that the ceasefire, weeks "
            "after the October 2025 ceasefire took effect, was at a critical moment.")
    dated = dating.infer_date(date_signals(text), [])
    assert dated.report_date is not None and dated.report_date >= D(2025, 12, 6)


def test_the_doha_summit_of_august_2024_is_not_the_arab_islamic_summit_of_2025():
    text = "The Doha summit last week produced a bridging proposal."
    assert "2025-09-15" not in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


@pytest.mark.parametrize("text, day", [
    ("A four-hour daily combat pause for humanitarian relief was announced on Thursday.",
     "2023-11-09"),
    ("Families protested after the accidental killing of three hostages by troops.",
     "2023-12-15"),
])
def test_more_words_for_the_events_of_november_and_december_2023(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_sukkot_and_hamas_agreeing_to_parts_of_trumps_plan_date_early_october_2025():
    # a report of Saturday 4 October 2025: Hamas agreed on Friday to key parts of the plan,
    # the hostages hoped home during Sukkot, which begins on Monday (6 October)
    text = ("Netanyahu said on Saturday he hopes to bring all hostages home during the Sukkot "
            "holiday beginning on Monday. Hamas said on Friday that it accepts key parts of "
            "Trump's 20-point peace plan.")
    inference = infer(text)
    assert inference.report_date is not None, inference.evidence
    assert off(inference, D(2025, 10, 4)) <= 3


def test_the_yellow_line_is_named_from_trumps_map_of_4_october_2025():
    found = [m for m in date_signals("Israel will withdraw to the yellow line shown on the map.")
             if m["kind"] == "event"]
    assert [m["date"] for m in found] == ["2025-10-04"]


@pytest.mark.parametrize("text, day", [
    ("Hamas rejected the proposed 45-day ceasefire as partial.", "2025-04-14"),
    ("The armed wing said it had lost contact with the fighters holding Edan Alexander.",
     "2025-04-15"),
])
def test_the_proposals_and_claims_of_april_2025(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_a_proposed_ceasefire_is_the_proposal_already_made():
    found = [m for m in date_signals("Hamas rejected Israel's proposed 45-day ceasefire.")
             if m["kind"] == "event" and m["date"] == "2025-04-14"]
    assert found and all(m["tense"] != "future" for m in found)


@pytest.mark.parametrize("text, day", [
    ("Talks resumed after the fall of the Assad regime in Syria.", "2024-12-08"),
    ("His brother took over since Yahya was killed by Israeli troops.", "2024-10-16"),
])
def test_the_fall_of_the_regime_and_a_leader_named_by_his_first_name(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


@pytest.mark.parametrize("text, day", [
    ("Israel adopted a plan to extend the truce through Ramadan and Passover.", "2025-03-01"),
    ("Hamas rejected the \"bridge\" proposal presented in Doha.", "2025-03-12"),
])
def test_the_proposals_of_march_2025(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_the_bridging_proposal_of_2024_is_not_the_bridge_proposal_of_2025():
    found = {m["date"] for m in date_signals("The US bridging proposal was presented in Doha.")
             if m["kind"] == "event"}
    assert "2025-03-12" not in found and "2024-08-16" in found


@pytest.mark.parametrize("text, day", [
    ("Sisi's proposed two-day truce would free four hostages.", "2024-10-27"),
    ("A Hamas source said the group approved a list of 34 hostages.", "2025-01-05"),
])
def test_the_proposals_of_october_2024_and_january_2025(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_a_42_day_ceasefire_is_not_the_two_day_truce():
    assert "2024-10-27" not in {m["date"] for m in date_signals("The 42-day ceasefire ended.")
                                if m["kind"] == "event"}


@pytest.mark.parametrize("text", ["A 24-hour pause in the fighting was agreed.",
                                  "Some 115 paramedics were trained in the north."])
def test_a_number_ending_in_the_events_number_is_not_the_event(text):
    assert not {m["date"] for m in date_signals(text) if m["kind"] == "event"} & \
        {"2023-11-09", "2025-03-23"}


def test_hamas_accepting_the_60_day_ceasefire_is_of_august_2025():
    text = "Hamas has agreed to the proposed 60-day ceasefire, an Egyptian source said."
    assert "2025-08-18" in {m["date"] for m in date_signals(text) if m["kind"] == "event"}
    # the 60-day ceasefire in Lebanon, or a proposal alone, is not it
    other = "The 60-day ceasefire in Lebanon took effect."
    assert "2025-08-18" not in {m["date"] for m in date_signals(other) if m["kind"] == "event"}


# --- round 7: the lede's event is the report's news ------------------------------------------


def test_the_latest_event_of_the_lede_is_the_news_of_the_weeks_before():
    text = ("Qatar condemns strike on Hamas negotiators\n"
            "Qatar's foreign ministry said that the Israeli strike on Hamas leaders in Doha "
            "violated its sovereignty, in talks stalled since the killing of Yahya Sinwar.\n"
            "Officials in Washington said they had been told in advance.")
    events = {m["date"]: m["tense"] for m in date_signals(text) if m["kind"] == "event"}
    assert events["2025-09-09"] == "recent"
    assert events["2024-10-16"] != "recent"    # the older event of the lede: background
    inference = infer(text)
    assert inference.report_date is not None and off(inference, D(2025, 9, 10)) <= 7
    assert inference.window[1] <= D(2025, 10, 12)


def test_an_event_later_in_the_article_or_a_truce_in_the_lede_is_no_news_hook():
    later = ("Talks resume in Cairo\n"
             "Negotiators met again in Cairo on Sunday to discuss the next phase.\n"
             "Months ago, Israel struck Hamas leaders in Doha.")
    assert {m["tense"] for m in date_signals(later) if m["kind"] == "event"
            and m["date"] == "2025-09-09"} == {"past"}
    truce = ("Gaza update\n"
             "The ceasefire that took effect on October 10 held through the weekend, "
             "officials said.")
    assert "recent" not in {m["tense"] for m in date_signals(truce) if m["kind"] == "event"}


@pytest.mark.parametrize("text, day", [
    # an apposition between the name and its verb; a longer title before the name
    ("Edan Alexander, the soldier from New Jersey, has been freed by Hamas.", "2025-05-12"),
    ("Hamas freed the last living American-Israeli captive Edan Alexander.", "2025-05-12"),
    # the first releases, the names listed after the count
    ("When Hamas freed two Americans, Judith and Natalie Raanan, officials thanked Qatar.",
     "2023-10-20"),
    ("Trump spoke at the NATO summit in the Netherlands.", "2025-06-24"),
    ("The US strikes on Iran changed the talks.", "2025-06-22"),
    ("Israel freed 1968 Palestinian prisoners.", "2025-10-13"),
])
def test_round_7_event_phrasings(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_a_release_in_a_list_of_terms_is_not_the_release():
    text = "The offer sought the release of ten captives, including soldier Edan Alexander."
    assert "2025-05-12" not in {m["date"] for m in date_signals(text) if m["kind"] == "event"
                                and m["tense"] != "future"}


@pytest.mark.parametrize("text", [
    "Envoys worked to free Edan Alexander, who is still in Gaza.",
    "Qatar stepped up efforts to secure the release of Edan Alexander.",
])
def test_a_release_named_as_an_aim_is_coming(text):
    found = [m for m in date_signals("Talks went on.\n" + text) if m["kind"] == "event"]
    assert found and all(m["tense"] == "future" for m in found)


def test_the_end_of_a_lull_names_both_truces_and_the_rest_picks_one():
    found = {m["date"] for m in date_signals(
        "Israeli jets struck Gaza overnight, ending a lull in the fighting.")
        if m["kind"] == "event"}
    assert {"2023-12-01", "2025-03-18"} <= found


def test_trumps_middle_east_visit_is_may_or_october_2025():
    found = {m["date"] for m in date_signals(
        "The handover came ahead of the U.S. president's Middle East visit.")
        if m["kind"] in ("event", "summit")}
    assert {"2025-05-13", "2025-10-13"} <= found
    gulf = {m["date"] for m in date_signals("Trump's Gulf visit ended on Friday.")
            if m["kind"] == "event"}
    assert gulf == {"2025-05-13"}


def test_netanyahus_meetings_with_trump_are_one_phrase_over_all_of_them():
    found = {m["date"] for m in date_signals(
        "The talks will run in parallel with Netanyahu's meeting with President Trump.")
        if m["kind"] == "event"}
    assert {"2025-02-04", "2025-04-07", "2025-07-07", "2025-09-29"} <= found
    # a count of 59 hostages held (March to May 2025) picks April's
    inference = infer("Fifty-nine hostages remain in Gaza. The talks will run in parallel "
                      "with Netanyahu's meeting with President Trump.",
                      figures=[{"metric": "hostages_held", "value": 59, "group": "all",
                                "qualifier": "exact", "sentence": "59 hostages remain in Gaza"}])
    assert inference.window is None or inference.window[0] <= D(2025, 4, 7)


def test_a_quoted_name_after_before_keeps_the_event_coming():
    text = "Officials said it was the last chance before the \"Gideon's Chariots\" operation."
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert found and all(m["tense"] == "future" for m in found)


def test_the_day_of_the_latest_round_is_weeks_before_the_report():
    text = ("Negotiators are back in Cairo.\nThe most recent round of indirect talks closed on "
            "Aug. 16 in Doha with a text said to follow what Biden set out on May 31.\n"
            "President Joe Biden urged both sides to accept it.")
    found = {m["text"]: m.get("latest") for m in date_signals(text)
             if m["kind"] in ("month_day", "day_month")}
    assert found["Aug. 16"] and not found["May 31"]
    inference = infer(text)
    assert inference.report_date is not None, inference.evidence
    assert D(2024, 8, 16) <= inference.report_date <= D(2024, 9, 15)
    assert inference.window[1] <= D(2024, 9, 20)


def test_a_headline_in_the_present_names_the_doha_strike():
    found = {m["date"] for m in date_signals("Israel strikes Hamas leaders in Qatar\nDoha "
                                             "condemned the attack.") if m["kind"] == "event"}
    assert "2025-09-09" in found


@pytest.mark.parametrize("text, days", [
    ("Hamas said it had agreed to an Egyptian-Qatari truce proposal, hours after the "
     "evacuation order.", {"2024-05-06", "2025-08-18"}),
    ("Witkoff said Washington decided to bring its team home from Doha after the reply.",
     {"2025-07-24"}),
    ("The president is due to host Benjamin Netanyahu at the White House next week.",
     {"2025-02-04", "2025-04-07", "2025-07-07", "2025-09-29"}),
    ("Netanyahu is slated to meet President Trump on Monday.", {"2025-07-07"}),
])
def test_round_7_rows_from_fresh_news(text, days):
    assert days <= {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_remains_told_as_returned_of_the_28():
    found = [m["count"] for m in date_signals(
        "Of the 28 dead hostages the group had to give back, it has so far returned 17.")
        if m["kind"] == "remains"]
    assert found == [11]


@pytest.mark.parametrize("text, day", [
    ("The seven-day truce that let captives go home broke down on Friday.", "2023-12-01"),
    ("The handover of all 20 surviving Israeli captives was completed on Monday.",
     "2025-10-13"),
    ("Envoy Adam Boehler met with officials of Hamas in Doha.", "2025-03-05"),
    ("He came to the summit straight from his address to the Knesset.", "2025-10-13"),
    ("Leaders gathered for a summit held in the resort city of Sharm el-Sheikh.", "2025-10-13"),
    ("Israel is to free 620 Palestinian prisoners in exchange for the bodies of four "
     "hostages.", "2025-02-25"),
    ("The envoy spoke on the margins of the Ukraine peace summit.", "2024-06-15"),
    ("Biden has threatened to halt some weapons shipments if Israel storms Rafah.",
     "2024-05-08"),
    ("The army began its ground offensive into Gaza City overnight.", "2025-09-16"),
    ("The factions, meeting in Cairo, agreed that a committee of independent technocrats "
     "would run Gaza.", "2025-10-24"),
    ("The two factions agreed on a committee of independent technocrats.", "2024-12-03"),
])
def test_round_7_rows_from_the_dev_sets_abstentions(text, day):
    assert day in {m["date"] for m in date_signals(text) if m["kind"] == "event"}


def test_a_longer_event_phrase_at_the_same_place_names_the_event():
    # "the weeklong truce ... broke down": the collapse (1 December 2023), not the truce
    # with months open after it
    inference = infer("Truce ends\nFighting resumed after the weeklong truce that freed "
                      "dozens of hostages broke down.")
    assert inference.report_date is not None, inference.evidence
    assert D(2023, 12, 1) <= inference.report_date <= D(2023, 12, 31)


def test_a_recent_event_in_the_rows_own_words_is_recent():
    found = [m for m in date_signals("Blinken praised Qatar's role in the recent humanitarian "
                                     "pause in Gaza.") if m["kind"] == "event"]
    assert found and found[0]["tense"] == "recent"


def test_months_into_the_hyphenated_war():
    found = [m for m in date_signals("About eight months into the Israel-Hamas war, talks "
                                     "stalled.") if m["kind"] == "duration"]
    assert found and found[0]["amount"] == 8


def test_a_coming_event_next_to_a_weekday_is_this_weeks():
    text = "Negotiators gathered.\nNetanyahu will meet President Trump on Monday in Washington."
    found = [m for m in date_signals(text) if m["kind"] == "event"]
    assert found and all(m["tense"] == "future" and m.get("coming_days") for m in found)
    # the day of a report after it is not the event's ("... Reuters reported Wednesday")
    other = date_signals("Talks went on.\nHis job begins on January 20, inauguration day, "
                         "Reuters reported Wednesday night.")
    assert not [m for m in other if m["kind"] == "event" and m.get("coming_days")]


def test_new_years_eve_and_thanksgiving_are_holidays_but_thanksgiving_only_capitalised():
    assert [m["text"] for m in date_signals("He repeated the warning on New Year's Eve.")
            if m["kind"] == "holiday"] == ["New Year's Eve"]
    assert [m["kind"] for m in date_signals("Families met over Thanksgiving.")
            if m["kind"] == "holiday"] == ["holiday"]
    assert not [m for m in date_signals("They said a prayer of thanksgiving.")
                if m["kind"] == "holiday"]


def test_the_offensive_that_resumed_on_march_18_and_a_period_of_stability_ended():
    found = {m["date"] for m in date_signals("The offensive, which resumed on March 18, ended a "
                                             "two-month period of relative stability.")
             if m["kind"] == "event"}
    assert "2025-03-18" in found
