"""Meetings: sentences written for each rule, and the bundled corpus against the gold table."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.assemble.meetings import meetings_table
from analysis.corpus import Document
from analysis.evaluate import score_meetings
from analysis.nlp import analyse_documents
from analysis.rules.places import load_gazetteer

from .conftest import GOLD


def run(nlp, texts: dict[str, tuple[str, dt.date]]):
    documents = [Document(doc_id, text, f"{doc_id}.txt", day, "metadata")
                 for doc_id, (text, day) in texts.items()]
    results = dict(analyse_documents(documents, nlp))
    return documents, results, meetings_table(documents, results)


def rows(nlp, text, day=dt.date(2024, 3, 9)):
    return run(nlp, {"a": (text, day)})[2].to_dict("records")


def test_aliases_and_offices_become_canonical_names(nlp):
    found = rows(nlp, "CIA director Bill Burns met Abas Kamel and the Qatari prime minister "
                      "in Cairo on Tuesday to discuss a hostage deal.")
    assert len(found) == 1
    assert found[0]["participants"].split(";") == [
        "William Burns", "Abbas Kamel", "Mohammed bin Abdulrahman Al Thani"]
    assert found[0]["location"] == "Cairo"


def test_participants_across_sentences(nlp):
    found = rows(nlp, "CIA Director William Burns will meet the Qatari prime minister in Doha "
                      "next week to discuss a ceasefire. The meeting will include Mossad chief "
                      "David Barnea. Shin Bet director Ronen Bar will also participate in the "
                      "meeting, officials said.")
    assert len(found) == 1
    assert set(found[0]["participants"].split(";")) == {
        "William Burns", "Mohammed bin Abdulrahman Al Thani", "David Barnea", "Ronen Bar"}
    assert found[0]["status"] == "planned"


def test_the_two_discussed_refers_back(nlp):
    found = rows(nlp, "Steve Witkoff and Ron Dermer met in Rome on Thursday. The two discussed "
                      "the hostage deal.", dt.date(2025, 6, 28))
    assert len(found) == 1
    assert found[0]["participants"] == "Steve Witkoff;Ron Dermer"
    assert found[0]["date"] == "2025-06-26"


@pytest.mark.parametrize("text, status", [
    ("Mossad chief David Barnea met CIA Director William Burns in Paris on Friday.", "held"),
    ("Mossad chief David Barnea will meet CIA Director William Burns in Paris on Friday.",
     "planned"),
    ("Mossad chief David Barnea is expected to travel to Doha for talks with the Qatari prime "
     "minister in the coming days.", "planned"),
    ("Talks on a truce were held in Cairo on Wednesday with all sides present.", "held"),
])
def test_held_or_planned(nlp, text, status):
    found = rows(nlp, text)
    assert len(found) == 1 and found[0]["status"] == status


def test_meeting_with_no_place(nlp):
    found = rows(nlp, "Mossad director David Barnea met yesterday with CIA Director William "
                      "Burns to advance a hostage deal, the Prime Minister's Office said.")
    assert len(found) == 1
    assert found[0]["location"] == "" and found[0]["date"] == "2024-03-08"


def test_weekday_only(nlp):
    # report of Saturday 2024-03-09: "on Tuesday" is 2024-03-05
    found = rows(nlp, "Egyptian intelligence chief Abbas Kamel hosted Hamas negotiator Khalil "
                      "al-Hayya in Cairo on Tuesday for talks on a ceasefire.")
    assert [(r["date"], r["location"]) for r in found] == [("2024-03-05", "Cairo")]
    assert found[0]["participants"] == "Abbas Kamel;Khalil al-Hayya"


def test_earlier_round_mentioned_in_passing(nlp):
    found = rows(nlp, "William Burns and David Barnea met the Qatari prime minister in Doha on "
                      "Tuesday to discuss the truce. Burns and Barnea were previously in Qatar "
                      "to meet Sheikh Mohammed on Nov 9.", dt.date(2023, 11, 28))
    assert [(r["date"], r["location"]) for r in found] == [
        ("2023-11-28", "Doha"), ("2023-11-09", "Qatar")]


def test_mentions_of_one_meeting_are_one_row(nlp):
    found = rows(nlp, "Burns will meet Barnea in Europe in the coming days to discuss the "
                      "hostages. The expected meeting will include Abbas Kamel. Israel hopes "
                      "the meeting will encourage the mediators.", dt.date(2024, 1, 25))
    assert len(found) == 1
    assert found[0]["location"] == "Europe" and found[0]["date"] == ""


@pytest.mark.parametrize("text", [
    "President Joe Biden spoke by phone with the emir of Qatar about the hostages.",
    "Benjamin Netanyahu convened the security cabinet on Sunday to discuss the hostage deal.",
    "White House Press Secretary Karine Jean-Pierre told a press conference in Washington "
    "that the talks are ongoing.",
    "Hamas fighters released 50 Israeli women and children during the truce.",
])
def test_not_meetings(nlp, text):
    assert rows(nlp, text) == []


def test_speaker_and_sender_are_not_participants(nlp):
    found = rows(nlp, "US President Joe Biden sent CIA Director William Burns to Cairo to hold "
                      "talks with the Egyptian intelligence chief on a hostage deal.",
                 dt.date(2024, 4, 7))
    assert len(found) == 1
    assert "Joe Biden" not in found[0]["participants"]
    assert "Abbas Kamel" in found[0]["participants"]


def test_gazetteer_containment():
    gazetteer = load_gazetteer()
    assert gazetteer.contains("Europe", "Paris") and gazetteer.contains("Qatar", "Doha")
    assert gazetteer.canonical("the Egyptian capital".replace("the ", "")) == "Cairo"
    assert not gazetteer.compatible("Doha", "Cairo")


def test_terms(nlp):
    documents, results, _ = run(nlp, {"a": (
        "The proposal would include a first 30-day truce and the release of all hostages, "
        "and a second phase that would also last 30 days. A three-phase deal would free "
        "150 Palestinian prisoners.", dt.date(2024, 1, 28))})
    terms = {(t["kind"], t["value"]) for t in results["a"]["terms"]}
    assert {("truce_days", 30), ("hostages", "all"), ("phases", 3),
            ("prisoners", 150)} <= terms


# --- the bundled corpus ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_run(gold_dated_corpus):
    """The corpus with its true report dates (gold documents.csv)."""
    documents, results = gold_dated_corpus
    return documents, results, meetings_table(documents, results)


def test_corpus_against_gold(corpus_run):
    _, _, predicted = corpus_run
    gold = pd.read_csv(GOLD / "meetings.csv", dtype=str, keep_default_na=False)
    pred = predicted.astype(object).where(predicted.notna(), "").astype(str)
    score, participants = score_meetings(gold, pred)
    assert score.f1 >= 0.9, (score.misses, score.false_alarms)
    assert participants >= 0.9


def test_corpus_quotes_point_into_the_text(corpus_run):
    documents, _, predicted = corpus_run
    texts = {d.doc_id: d.text for d in documents}
    for row in predicted.to_dict("records"):
        assert texts[row["doc_id"]][row["start_char"]:row["end_char"]] == row["quote"]


def test_meetings_are_deterministic(corpus_run, nlp):
    documents, results, predicted = corpus_run
    again = meetings_table(documents, results)
    pd.testing.assert_frame_equal(predicted, again)


def test_undated_article_keeps_a_date_that_names_its_year():
    """An article without a report date still dates 'on July 6, 2024' (its year is given),
    but not 'on July 6' or 'on Monday'."""
    from analysis.assemble.meetings import resolve_date

    assert resolve_date("on July 6, 2024", None)[0] == dt.date(2024, 7, 6)
    assert resolve_date("on July 6", None)[0] is None
    assert resolve_date("on Monday", None)[0] is None


def test_undated_article_keeps_a_planned_meeting_apart_from_the_held_round(nlp):
    """Without a report date no day resolves: 'a meeting scheduled for Wednesday night
    between Trump and the Qatari prime minister' is not the round held in Doha."""
    text = ("Israel is stalling in the latest round of hostage negotiations in Doha, sources "
            "said. A meeting scheduled for Wednesday night between Donald Trump and Qatari "
            "Prime Minister Mohammed bin Abdulrahman Al Thani could help.")
    found = rows(nlp, text, None)
    doha = [r for r in found if r["location"] == "Doha"]
    assert len(doha) == 1 and "Donald Trump" not in doha[0]["participants"]


def test_headline_to_future_is_planned(nlp):
    """A headline's 'X to travel to Cairo' is a plan; 'Delegation heads to Cairo' is not."""
    planned = rows(nlp, "Burns to travel to Cairo for hostage talks\nBurns will meet Egyptian "
                        "officials there.", dt.date(2024, 5, 1))
    assert [(r["location"], r["status"]) for r in planned] == [("Cairo", "planned")]
    held = rows(nlp, "Hamas delegation heads to Cairo for truce talks\nThe delegation arrived.",
                dt.date(2024, 5, 1))
    assert [(r["location"], r["status"]) for r in held] == [("Cairo", "held")]


def test_listed_places_take_the_people_of_their_country(nlp):
    found = rows(nlp, "Witkoff flew to Doha and Jerusalem last month and met the Qatari prime "
                      "minister and Netanyahu about the hostages.", dt.date(2024, 12, 5))
    people = {r["location"]: set(r["participants"].split(";")) for r in found}
    assert people == {"Doha": {"Steve Witkoff", "Mohammed bin Abdulrahman Al Thani"},
                      "Jerusalem": {"Steve Witkoff", "Benjamin Netanyahu"}}


def test_two_places_each_with_its_day_take_their_own_people(nlp):
    """'met the Qatari emir in Doha on Tuesday and the Egyptian president in Cairo on Monday':
    each place with its own day, and each with the people of its own country."""
    found = {r["location"]: r["participants"].split(";") for r in rows(
        nlp, "Blinken met the Qatari emir in Doha on Tuesday and the Egyptian president in "
             "Cairo on Monday, pressing for the release of hostages and a truce.",
        dt.date(2024, 2, 7))}
    assert found["Doha"] == ["Antony Blinken", "Tamim bin Hamad Al Thani"]
    assert found["Cairo"] == ["Antony Blinken", "Abdel Fattah al-Sisi"]
