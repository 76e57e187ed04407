"""Rounds: meetings merged across reports."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.assemble.meetings import meetings_table
from analysis.assemble.rounds import merge_rounds
from analysis.corpus import Document, load_corpus
from analysis.nlp import analyse_documents
from analysis.schema import ROUND_COLUMNS

from .conftest import CORPUS, ROOT


def run(nlp, texts):
    documents = [Document(doc_id, text, f"{doc_id}.txt", day, "metadata")
                 for doc_id, (text, day) in texts.items()]
    results = dict(analyse_documents(documents, nlp))
    meetings = meetings_table(documents, results)
    return meetings, merge_rounds(meetings, documents, results)


def test_two_outlets_one_meeting(nlp):
    _, rounds = run(nlp, {
        "a": ("CIA Director William Burns met Mossad chief David Barnea and Qatar's prime "
              "minister in Rome on Sunday for talks on a Gaza ceasefire.", dt.date(2024, 7, 28)),
        "b": ("Bill Burns, David Barnea and Egyptian intelligence chief Abbas Kamel held talks "
              "on a hostage deal in the Italian capital on Sunday, sources said.",
              dt.date(2024, 7, 29)),
    })
    assert len(rounds) == 1
    row = rounds.iloc[0]
    assert (row["round_id"], row["start_date"], row["location"], row["n_reports"],
            row["doc_ids"]) == ("R01", "2024-07-28", "Rome", 2, "a;b")
    assert set(row["participants"].split(";")) == {
        "William Burns", "David Barnea", "Mohammed bin Abdulrahman Al Thani", "Abbas Kamel"}


def test_announced_then_reported_is_one_round(nlp):
    _, rounds = run(nlp, {
        "before": ("CIA director Bill Burns will meet Mossad director David Barnea and the "
                   "Qatari prime minister in Europe in the coming days to discuss the hostages.",
                   dt.date(2024, 1, 25)),
        "after": ("William Burns, David Barnea and the Prime Minister of Qatar, Mohamed bin "
                  "Abderrahman Al Thani, met this Sunday in Paris about a truce.",
                  dt.date(2024, 1, 28)),
    })
    assert len(rounds) == 1
    assert rounds.iloc[0]["location"] == "Paris" and rounds.iloc[0]["n_reports"] == 2


def test_different_places_or_days_stay_apart(nlp):
    _, rounds = run(nlp, {
        "a": ("William Burns met David Barnea in Doha on Tuesday for hostage talks.",
              dt.date(2024, 3, 14)),
        "b": ("William Burns met David Barnea in Cairo on Tuesday for hostage talks.",
              dt.date(2024, 3, 14)),
        "c": ("William Burns met David Barnea in Doha on Nov 9 for hostage talks.",
              dt.date(2024, 3, 14)),
    })
    assert len(rounds) == 3
    assert list(rounds["round_id"]) == ["R01", "R02", "R03"]
    assert list(rounds["start_date"]) == ["2023-11-09", "2024-03-12", "2024-03-12"]


@pytest.fixture(scope="module")
def corpus_rounds(gold_dated_corpus):
    documents, results = gold_dated_corpus
    meetings = meetings_table(documents, results)
    return merge_rounds(meetings, documents, results), meetings, documents, results


def test_paris_round_is_one_round_with_two_reports(corpus_rounds):
    rounds = corpus_rounds[0]
    assert list(rounds.columns) == ROUND_COLUMNS
    paris = rounds[rounds["doc_ids"].str.contains("002_36148e0cbc528e91")]
    assert len(paris) == 1
    row = paris.iloc[0]
    assert row["doc_ids"] == "002_36148e0cbc528e91;004_f9ef86ebf47d9992"
    assert row["n_reports"] == 2 and row["location"] == "Paris"
    assert row["start_date"] == "2024-01-28"
    assert set(row["participants"].split(";")) == {
        "William Burns", "David Barnea", "Ronen Bar", "Nitzan Alon", "Abbas Kamel",
        "Mohammed bin Abdulrahman Al Thani"}
    assert "truce_days=30,60" in row["terms"] and "hostages=all" in row["terms"]
    assert "Paris" in row["summary"]


def test_corpus_rounds(corpus_rounds):
    rounds = corpus_rounds[0]
    assert len(rounds) == 6
    assert list(rounds["round_id"]) == [f"R{i:02d}" for i in range(1, 7)]
    assert rounds["n_reports"].sum() == 7


def test_rounds_are_deterministic(corpus_rounds):
    rounds, meetings, documents, results = corpus_rounds
    again = merge_rounds(meetings.iloc[::-1].reset_index(drop=True), documents, results)
    pd.testing.assert_frame_equal(rounds, again)


def test_extract_corpus_end_to_end(nlp):
    """Through extract_corpus, with whatever report dates the loader and inference give."""
    from analysis.assemble.tables import extract_corpus

    tables = extract_corpus(load_corpus(CORPUS), nlp)
    assert len(tables.meetings) >= 6
    assert len(tables.rounds) >= 5
    assert (tables.rounds["n_reports"] >= 1).all()


# --- the check against the record -----------------------------------------------------------

def test_rounds_vs_reference_on_the_samples(corpus_rounds):
    """The Paris round of 28 January 2024 is a known round; the samples report it from two
    articles. Known rounds outside the samples' period are listed only when reported."""
    from analysis.assemble.rounds import rounds_vs_reference
    from analysis.schema import ROUNDS_VS_REFERENCE_COLUMNS

    rounds, _, documents, _ = corpus_rounds
    table = pd.DataFrame({"doc_id": [d.doc_id for d in documents],
                          "report_date": [d.report_date.isoformat() for d in documents]})
    check = rounds_vs_reference(rounds, table)
    assert list(check.columns) == ROUNDS_VS_REFERENCE_COLUMNS
    paris = check[(check["reference_start"] == "2024-01-28")]
    assert len(paris) == 1 and paris.iloc[0]["status"] == "reported"
    assert paris.iloc[0]["doc_ids"] == "002_36148e0cbc528e91;004_f9ef86ebf47d9992"
    missing = check[check["status"] == "not_reported"]
    first = dt.date.fromisoformat(min(table["report_date"])) - dt.timedelta(days=7)
    last = dt.date.fromisoformat(max(table["report_date"])) + dt.timedelta(days=7)
    assert missing["reference_start"].between(first.isoformat(), last.isoformat()).all()
    # an earlier round an article recalls ("previously in Qatar ... on Nov 9") is a known one
    earlier = check[check["reference_start"] == "2023-11-09"]
    assert list(earlier["status"]) == ["reported"]
    assert set(check["status"]) <= {"reported", "not_reported", "not_in_reference"}


def test_rounds_vs_reference_found_round_matching_none():
    """A dated round at a place and day the record does not know is listed as such."""
    from analysis.assemble.rounds import rounds_vs_reference

    rounds = pd.DataFrame([{"round_id": "R01", "start_date": "2024-01-28",
                            "end_date": "2024-01-28", "location": "Paris", "doc_ids": "a"},
                           {"round_id": "R02", "start_date": "2024-01-10",
                            "end_date": "2024-01-10", "location": "Oslo", "doc_ids": "b"},
                           {"round_id": "R03", "start_date": "", "end_date": "",
                            "location": "Cairo", "doc_ids": "c"}])
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"],
                              "report_date": ["2024-01-29", "2024-01-11", ""]})
    check = rounds_vs_reference(rounds, documents).fillna("")
    assert check[check["reference_start"] == "2024-01-28"].iloc[0]["round_ids"] == "R01"
    extra = check[check["status"] == "not_in_reference"]
    assert list(extra["round_ids"]) == ["R02"]  # the undated R03 cannot be checked


def test_undated_article_joins_only_rounds_inside_its_window():
    """An undated meeting of an undated article: with a date window it may join a round in
    that window; with a window elsewhere it stays a round of its own. Without any window the
    record places it (rule 4 of analysis.assemble.anchors: the one Rome round naming Burns
    and Barnea is that of 28 July 2024), and it joins the dated report of that round."""
    meetings = pd.DataFrame([
        {"doc_id": "dated", "report_date": "2024-07-29", "date": "2024-07-28",
         "date_text": "on Sunday", "location": "Rome", "participants": "William Burns;David Barnea",
         "status": "held", "quote": "met in Rome", "start_char": 0, "end_char": 5},
        {"doc_id": "undated", "report_date": "", "date": "", "date_text": "",
         "location": "Rome", "participants": "William Burns;David Barnea", "status": "held",
         "quote": "met in Rome", "start_char": 0, "end_char": 5}])
    inside = merge_rounds(meetings, [], {}, {"undated": (dt.date(2024, 7, 28),
                                                         dt.date(2024, 8, 3))})
    assert list(inside["n_reports"]) == [2]
    elsewhere = merge_rounds(meetings, [], {}, {"undated": (dt.date(2025, 3, 1),
                                                            dt.date(2025, 3, 9))})
    assert list(elsewhere["n_reports"]) == [1, 1]
    assert list(merge_rounds(meetings, [], {})["n_reports"]) == [2]


def test_rounds_notebook_shows_the_check(tmp_path, corpus_rounds):
    """Notebook 04 reads rounds_vs_reference.csv, or builds it from the rounds of an older
    extract folder, and says how many known rounds the corpus reports."""
    from analysis.present import notebook_helpers as nh
    from analysis.schema import write_table

    rounds, meetings, documents, _ = corpus_rounds
    frame = pd.DataFrame({"doc_id": [d.doc_id for d in documents], "source_path": "x",
                          "report_date": [d.report_date.isoformat() for d in documents],
                          "status": "ok"})
    write_table(frame, "documents", tmp_path)
    write_table(rounds, "rounds", tmp_path)
    write_table(meetings, "meetings", tmp_path)
    check = nh.read_tables(tmp_path).rounds_vs_reference
    assert "reported" in set(check["status"])
    assert nh.reference_summary(check).startswith("Of ")
    assert "Rounds against the record" in (ROOT / "notebooks" /
                                           "04_negotiation_rounds.py").read_text()


def test_one_article_meeting_dated_by_the_news_of_the_day(nlp):
    """A meeting of named people that the text dates only by when it was said ('Hamas said on
    Wednesday that al-Hayya met Rashad in Cairo') makes a round on that day; talks without
    named people stay undated (the reporting rarely dates them)."""
    _, rounds = run(nlp, {
        "a": ("Hamas said on Wednesday that its delegation, led by Khalil al-Hayya, met Egyptian "
              "intelligence chief Hassan Rashad in Cairo to discuss the truce.",
              dt.date(2025, 4, 24)),
        "b": ("The Hamas delegation has left Cairo after talks on the truce.",
              dt.date(2025, 4, 24)),
    })
    found = sorted((row["doc_ids"], row["location"], row["start_date"])
                   for row in rounds.to_dict("records"))
    assert found == [("a", "Cairo", "2025-04-23"), ("b", "Cairo", "")]


# --- undated articles: a day from the window or the record ----------------------------------

def _undated_meeting(date_text, location, participants, status="held"):
    return {"doc_id": "u", "report_date": "", "date": "", "date_text": date_text,
            "location": location, "participants": participants, "status": status,
            "quote": "talks", "start_char": 0, "end_char": 5}


def test_undated_article_month_day_resolves_in_its_window():
    """'July 6' without a year, in an article dated to July-August 2025 by its evidence, is
    2025-07-06; 'in July' names no day and stays undated."""
    window = {"u": (dt.date(2025, 7, 5), dt.date(2025, 8, 21))}
    rounds = merge_rounds(pd.DataFrame([_undated_meeting("July 6", "Doha", "")]), [], {}, window)
    assert list(rounds["start_date"]) == ["2025-07-06"]
    assert "day from the article's date window" in rounds.iloc[0]["summary"]
    rounds = merge_rounds(pd.DataFrame([_undated_meeting("in July", "Doha", "")]), [], {}, window)
    assert list(rounds["start_date"]) == [""]


def test_undated_article_weekday_takes_the_known_round():
    """A weekday, a place and the people of a known round of the record date the meeting:
    two shared people inside the article's window. A weekday the record has no round on, or
    people of another period leave it undated. Without a window, only a meeting whose people
    (two or more) are all in one known round on that weekday at that place, and in no other,
    is placed."""
    window = {"u": (dt.date(2024, 11, 9), dt.date(2025, 1, 24))}
    monday = _undated_meeting("Monday evening", "Doha", "Steve Witkoff;Brett McGurk")
    rounds = merge_rounds(pd.DataFrame([monday]), [], {}, window)
    assert list(rounds["start_date"]) == ["2025-01-13"]
    assert "day from the record of known rounds" in rounds.iloc[0]["summary"]
    friday = _undated_meeting("on Friday", "Doha", "Steve Witkoff;Brett McGurk")
    assert list(merge_rounds(pd.DataFrame([friday]), [], {}, window)["start_date"]) == [""]
    three = _undated_meeting("on Wednesday", "Doha", "William Burns;Abbas Kamel;David Barnea")
    summer = {"u": (dt.date(2024, 6, 20), dt.date(2024, 7, 20))}
    assert list(merge_rounds(pd.DataFrame([three]), [], {}, summer)["start_date"]) == \
        ["2024-07-10"]
    assert list(merge_rounds(pd.DataFrame([three]), [], {})["start_date"]) == ["2024-07-10"]
    # Witkoff was no envoy in July 2024: the Wednesday round of that July is not his
    later = _undated_meeting("on Wednesday", "Doha", "Steve Witkoff;Abbas Kamel;David Barnea")
    assert list(merge_rounds(pd.DataFrame([later]), [], {}, summer)["start_date"]) == [""]


@pytest.mark.parametrize("date_text, location, people", [
    ("on Friday", "Doha", "William Burns;David Barnea"),  # 22 March and 16 August 2024
    ("on Monday", "Cairo", "Hassan Rashad"),  # one person: several Cairo rounds of his
    ("", "Doha", "William Burns;Abbas Kamel;David Barnea"),  # no weekday
    ("on Wednesday", "Doha", "William Burns;Abbas Kamel;Benjamin Netanyahu"),  # not all in it
])
def test_undated_article_without_window_needs_all_its_people_in_one_known_round(
        date_text, location, people):
    """Without a window the record places a meeting only when its two or more people are all
    in one known round at its place on its weekday: these stay undated."""
    row = _undated_meeting(date_text, location, people)
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == [""]


def test_undated_article_meeting_row_gets_the_anchored_day():
    """The meetings table gives a meeting of an undated article the day the rounds take
    ("on Wednesday" in Doha with Burns, Kamel and Barnea: the record's 2024-07-10); a meeting
    whose words name no day keeps none."""
    from analysis.assemble.meeting_days import anchor_undated

    rows = [_undated_meeting("on Wednesday", "Doha", "William Burns;Abbas Kamel;David Barnea"),
            _undated_meeting("", "Doha", "William Burns;Abbas Kamel;David Barnea")]
    anchor_undated(rows, None)
    assert [row["date"] for row in rows] == ["2024-07-10", ""]
    window = (dt.date(2025, 7, 5), dt.date(2025, 8, 21))
    rows = [_undated_meeting("July 6", "Doha", "")]
    anchor_undated(rows, window)
    assert rows[0]["date"] == "2025-07-06"


def test_a_dated_article_is_never_placed_by_the_record():
    """A meeting of an article with a report date keeps what its words give (nothing here)."""
    row = {**_undated_meeting("", "Doha", "William Burns;Abbas Kamel;David Barnea"),
           "doc_id": "d", "report_date": "2024-07-11"}
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == [""]


def test_undated_article_meeting_naming_nobody_needs_a_narrow_window():
    """A meeting naming nobody has only its weekday and place: inside a window of a month it
    takes the one known round there ('this Sunday' in Cairo, March 2024); inside a window of
    eleven weeks (the Doha round of Friday 22 March 2024 among others) it stays undated."""
    sunday = _undated_meeting("this Sunday", "Cairo", "", status="planned")
    march = {"u": (dt.date(2024, 2, 20), dt.date(2024, 3, 12))}
    assert list(merge_rounds(pd.DataFrame([sunday]), [], {}, march)["start_date"]) == \
        ["2024-03-03"]
    friday = _undated_meeting("On Friday", "Doha", "")
    spring = {"u": (dt.date(2024, 2, 5), dt.date(2024, 4, 23))}
    assert list(merge_rounds(pd.DataFrame([friday]), [], {}, spring)["start_date"]) == [""]


def _news_of_the_day(location, date_text, participants="", quote="talks"):
    """A one-article meeting dated 17 May 2025 by the report, not by date words."""
    return {"doc_id": "a", "report_date": "2025-05-17", "date": "2025-05-17",
            "date_text": date_text, "location": location, "participants": participants,
            "status": "held", "quote": quote, "start_char": 0, "end_char": 5}


@pytest.mark.parametrize("date_text", ["", "ongoing", "have resumed"])
def test_talks_of_nobody_named_dated_by_the_news_of_the_day_need_the_record(date_text):
    """'Indirect talks have resumed in Doha' (report of 17 May 2025, no date words, nobody
    named): the record has the Doha round of that day, so the round takes it; the same words
    about Cairo, where the record has no round then, leave the round undated; with people
    named the day stands without the record ('Hamas said its delegation met Rashad')."""
    def start(row):
        return list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"])
    assert start(_news_of_the_day("Doha", date_text)) == ["2025-05-17"]
    assert start(_news_of_the_day("Cairo", date_text)) == [""]
    named = _news_of_the_day("Cairo", date_text, "Khalil al-Hayya;Hassan Rashad",
                             "its delegation met Rashad in Cairo")
    assert start(named) == ["2025-05-17"]


@pytest.mark.parametrize("quote, day", [
    ("Egypt hosts Hamas delegation", "2025-05-17"),
    ("al-Hayya arrived in Cairo", "2025-05-17"),
    ("al-Hayya's meetings with Egyptian officials in Cairo", ""),
    ("negotiations gained momentum in Cairo", ""),
    ("al-Hayya travelled from Doha to Cairo", ""),
])
def test_named_people_dated_by_the_news_of_the_day_need_a_verb_of_meeting(quote, day):
    """A one-article meeting of named people with only the report's day keeps that day when
    its quote has a verb of meeting; a noun ("meetings", "negotiations") or a journey leaves
    the round undated (the record has no Cairo round on 17 May 2025)."""
    row = _news_of_the_day("Cairo", "", "Khalil al-Hayya", quote)
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == [day]


@pytest.mark.parametrize("participants, days", [("", []), ("Steve Witkoff", ["2025-05-19"])])
def test_a_round_with_neither_place_nor_people_is_left_out(participants, days):
    """'Talks are officially supposed to start only on Monday' names neither place nor
    people: no round anyone can place or check, so the rounds table leaves it out (the
    meetings table keeps it); naming a person, it is a round with its day."""
    row = {**_news_of_the_day("", "on Monday", participants), "date": "2025-05-19",
           "status": "planned"}
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == days


def test_a_day_told_by_date_words_needs_no_record():
    """'Talks in Cairo on Saturday' (17 May 2025): the words give the day; no record needed."""
    row = _news_of_the_day("Cairo", "on Saturday")
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == ["2025-05-17"]



def test_talks_of_nobody_named_join_the_round_of_their_news_day():
    """'Indirect talks continue in Doha' (report of 16 August 2024, no date words, nobody
    named) and another report's 'Burns and Barnea met in Doha on Friday' (16 August) are one
    round: the same place, the news of the day within a day of the round's day."""
    talks = {**_news_of_the_day("Doha", ""), "report_date": "2024-08-16", "date": "2024-08-16"}
    met = {**talks, "doc_id": "b", "date_text": "on Friday",
           "participants": "William Burns;David Barnea"}
    rounds = merge_rounds(pd.DataFrame([talks, met]), [], {})
    assert list(zip(rounds["start_date"], rounds["doc_ids"])) == [("2024-08-16", "a;b")]


def test_nobody_named_a_day_apart_stays_apart():
    """'Talks resumed in Doha' dated 18 May by its words, nobody named, and 'Netanyahu met the
    team in Doha on Monday evening' (19 May): only the same day would make them one round. A
    day from the news of the day may still be a day off (the test above)."""
    talks = {**_news_of_the_day("Doha", "May 18"), "date": "2025-05-18"}
    monday = {**talks, "doc_id": "b", "date": "2025-05-19", "date_text": "On Monday evening",
              "participants": "Benjamin Netanyahu"}
    rounds = merge_rounds(pd.DataFrame([talks, monday]), [], {})
    assert sorted(zip(rounds["start_date"], rounds["doc_ids"])) == [
        ("2025-05-18", "a"), ("2025-05-19", "b")]


@pytest.mark.parametrize("first, second, merged", [
    ("2024-08-15", "2024-08-16", True),  # the Doha summit of 15-16 August 2024 (the record)
    ("2025-07-07", "2025-07-08", False),  # two days of the long Doha round of July 2025
])
def test_nobody_named_a_day_apart_inside_one_short_known_round(first, second, merged):
    """'The talks will resume today in Doha' (16 August 2024, nobody named) and 'Burns met the
    mediators in Doha on Thursday' (15 August) are the two days of one short round of the
    record: one round. Two days of a round of weeks are sessions apart."""
    talks = {**_news_of_the_day("Doha", "today"), "report_date": second, "date": second}
    met = {**talks, "doc_id": "b", "report_date": first, "date": first,
           "date_text": "on Thursday", "participants": "William Burns"}
    rounds = merge_rounds(pd.DataFrame([talks, met]), [], {})
    assert (list(rounds["doc_ids"]) == ["a;b"]) == merged


# --- "the January meeting": a month named before a meeting noun --------------------------

@pytest.mark.parametrize("sentence, trigger, month", [
    ("The January meeting in Paris between Barnea and Burns laid the framework.", "meeting",
     "January"),
    ("No one has met since the August 2024 summit in Doha.", "summit", "August 2024"),
    ("Last November's talks in Cairo ended without a deal.", "talks", "November"),
    ("Burns may meet Barnea in Paris.", "meet", ""),  # a verb: "may" is no month
    ("In January, the meeting in Paris was postponed.", "meeting", ""),  # not right before it
    ("The Mar meeting in Paris was postponed.", "meeting", ""),  # an abbreviation
])
def test_month_of_the_meeting(sentence, trigger, month):
    """A month name in full, capitalised, right before a meeting noun dates the meeting to
    that month ("The January meeting in Paris ..." in a March report); verbs, a month elsewhere
    in the sentence and abbreviations give nothing."""
    from analysis.assemble.meeting_words import month_of_the_meeting

    start = sentence.lower().find(trigger)
    mention = {"trigger": trigger, "sentence": sentence, "sentence_start": 0,
               "start_char": start, "date_text": ""}
    assert month_of_the_meeting(mention) == month


def test_a_meeting_of_a_named_month_joins_that_months_round():
    """'The January meeting in Paris' in a report of 12 March 2024 stands for January 2024:
    it joins the Paris round of 28 January that another article dates, not a March one."""
    rows = [
        {"doc_id": "march", "report_date": "2024-03-12", "date": "", "date_text": "January",
         "location": "Paris", "participants": "William Burns;David Barnea", "status": "held",
         "quote": "The January meeting in Paris", "start_char": 0, "end_char": 20},
        {"doc_id": "january", "report_date": "2024-01-28", "date": "2024-01-28",
         "date_text": "on Sunday", "location": "Paris",
         "participants": "William Burns;David Barnea", "status": "held",
         "quote": "met in Paris on Sunday", "start_char": 0, "end_char": 20},
    ]
    rounds = merge_rounds(pd.DataFrame(rows), [], {})
    assert [(r["start_date"], r["doc_ids"]) for r in rounds.to_dict("records")] == \
        [("2024-01-28", "january;march")]


def test_a_planned_meeting_in_a_past_sentence_takes_the_nearer_weekday():
    """'Witkoff is reportedly traveling to Doha on Tuesday ..., joining an Israeli delegation
    that arrived on Monday' (a report of Monday 10 March 2025): the finder marks the trip
    planned but the sentence past; its Tuesday is the next day, not the Tuesday before."""
    from analysis.assemble.meetings import _dated

    mention = {"date_text": "on Tuesday", "tense": "past", "status": "planned",
               "participants": [], "offices": []}
    _, day = _dated(mention, dt.date(2025, 3, 10))
    assert day == dt.date(2025, 3, 11)
    _, day = _dated({**mention, "status": "held"}, dt.date(2025, 3, 10))
    assert day == dt.date(2025, 3, 4)  # held: the Tuesday before


@pytest.mark.parametrize("people, window, day", [
    ("Ibrahim Kalin;Khalil al-Hayya", (dt.date(2025, 10, 14), dt.date(2025, 12, 3)),
     "2025-11-05"),
    ("Ibrahim Kalin;Khalil al-Hayya", (dt.date(2025, 6, 1), dt.date(2025, 12, 3)), ""),  # months
    ("Ibrahim Kalin", (dt.date(2025, 10, 14), dt.date(2025, 12, 3)), ""),  # one person
    ("Ibrahim Kalin;Hakan Fidan", (dt.date(2025, 10, 14), dt.date(2025, 12, 3)), ""),  # not them
])
def test_undated_article_news_takes_the_one_known_round_of_its_window(people, window, day):
    """'Kalin has met in Istanbul with a Hamas delegation led by al-Hayya' (no date words) in
    an undated article whose window is seven weeks of autumn 2025: the record's one Istanbul
    round of those two in the window, 5 November. A window of months, one person, or people
    no known round names leave it undated."""
    row = _undated_meeting("", "Istanbul", people)
    rounds = merge_rounds(pd.DataFrame([row]), [], {}, {"u": window})
    assert list(rounds["start_date"]) == [day]


# --- round 8: days from the placed meeting of an undated article; inferred report dates -------

def test_undated_article_weekday_near_the_placed_meeting():
    """An undated article whose Sunday departure to Doha the record placed on 6 July 2025
    tells of that week: its Washington meeting 'on Monday' is 7 July. 'last week', a weekday
    with nothing placed, and placed days two weeks apart give nothing."""
    from analysis.assemble.meeting_days import anchor_undated

    window = (dt.date(2025, 6, 14), dt.date(2025, 8, 21))
    rows = [_undated_meeting("on Sunday", "Doha", "Gal Hirsch;Ofir Falk"),
            _undated_meeting("on Monday", "Washington", "Donald Trump;Benjamin Netanyahu",
                             status="planned"),
            _undated_meeting("last week", "Ankara", "")]
    anchor_undated(rows, window)
    assert [row["date"] for row in rows] == ["2025-07-06", "2025-07-07", ""]
    alone = [_undated_meeting("on Monday", "Washington", "Donald Trump;Benjamin Netanyahu")]
    anchor_undated(alone, window)
    assert alone[0]["date"] == ""


def _inferred_meeting(date, date_text, location, participants):
    return {**_undated_meeting(date_text, location, participants), "date": date,
            "report_date": "2025-04-24"}


@pytest.mark.parametrize("row, day", [
    # a Saturday a week before the Cairo round of Saturday 26 April 2025 that names the three
    (_inferred_meeting("2025-04-19", "on Saturday", "Cairo",
                       "Mohammed Darwish;Khaled Meshaal;Khalil al-Hayya"), "2025-04-26"),
    # one person, or nobody: a round the record lacks may be a week before the one it has
    (_inferred_meeting("2025-04-19", "on Saturday", "Cairo", "Khalil al-Hayya"), "2025-04-19"),
    (_inferred_meeting("2025-04-19", "on Saturday", "Cairo", ""), "2025-04-19"),
    # a day the record holds stays: 12 April 2025 is the first day of a Cairo round
    (_inferred_meeting("2025-04-12", "on Saturday", "Cairo",
                       "Mohammed Darwish;Khaled Meshaal;Khalil al-Hayya"), "2025-04-12"),
    # a month-day is the article's own
    (_inferred_meeting("2025-04-19", "April 19", "Cairo",
                       "Mohammed Darwish;Khaled Meshaal;Khalil al-Hayya"), "2025-04-19"),
])
def test_inferred_report_date_weekday_taken_from_the_record(row, day):
    """A weekday resolved against an inferred report date (window 22 April - 1 May 2025)
    takes the known round of that weekday in the window when it shares two people."""
    from analysis.assemble.meeting_days import record_weekday

    record_weekday([row], (dt.date(2025, 4, 22), dt.date(2025, 5, 1)))
    assert row["date"] == day
    header = {**row, "date": "2025-04-19"}
    record_weekday([header], (dt.date(2025, 4, 24), dt.date(2025, 4, 24)))
    assert header["date"] == "2025-04-19"  # a report date of the header: never moved


def test_undated_article_names_every_person_of_a_known_round():
    """Without a window: a meeting naming all three people of the Cairo round of Tuesday
    25 November 2025 (Kalin, Rashad, the Qatari prime minister), and Hamas leaders besides,
    is that round. Two of the three, or the three on another weekday, give nothing."""
    mediators = "Hassan Rashad;Mohammed bin Abdulrahman Al Thani;Ibrahim Kalin"
    every = _undated_meeting("Tuesday", "Cairo", mediators + ";Khalil al-Hayya;Ghazi Hamad")
    assert list(merge_rounds(pd.DataFrame([every]), [], {})["start_date"]) == ["2025-11-25"]
    two = _undated_meeting("Tuesday", "Cairo", "Hassan Rashad;Ibrahim Kalin;Ghazi Hamad")
    monday = _undated_meeting("Monday", "Cairo", mediators + ";Khalil al-Hayya")
    for row in (two, monday):
        assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == [""]


def test_undated_article_a_known_round_naming_all_comes_first():
    """'on Friday' in Paris with Burns, Barnea, Bar, Kamel and the Qatari prime minister:
    the Paris round of Friday 23 February 2024 names all five; that of Friday 24 May 2024
    three of them (all its own people). The round naming all of them wins."""
    five = _undated_meeting("on Friday", "Paris", "David Barnea;Ronen Bar;William Burns;"
                            "Mohammed bin Abdulrahman Al Thani;Abbas Kamel")
    assert list(merge_rounds(pd.DataFrame([five]), [], {})["start_date"]) == ["2024-02-23"]


def _mention(kind, trigger, status, **extra):
    return {"kind": kind, "trigger": trigger, "status": status, "tense": "present",
            "sentence_start": 0, "sentence_end": 200, "quote": trigger, "start_char": 0,
            "end_char": 10, **extra}


@pytest.mark.parametrize("status, day", [("planned", ""), ("held", "2024-05-05")])
def test_talks_under_way_do_not_date_a_planned_trip(status, day):
    """'Burns is travelling to Doha for an urgent meeting ... an official briefed on the
    ongoing talks said': the talks under way (the report's day, no day of their own) leave
    the planned trip undated; a meeting held ('Burns met ... as the talks continue') takes
    the report's day as before."""
    from analysis.assemble.meetings import cluster_mentions, finish_cluster

    report = dt.date(2024, 5, 5)
    trip = _mention("primary", "travelling meeting", status, location="Doha",
                    participants=["William Burns"], planned=status == "planned")
    talks = _mention("anaphor", "talks", "held", ongoing="ongoing", start_char=120)
    rows = [finish_cluster(c, report) for c in cluster_mentions([trip, talks], report)]
    assert [(row["location"], row["date"]) for row in rows] == [("Doha", day)]


def test_the_day_of_a_statement_is_not_the_meetings(nlp):
    """'Hamas said in a statement on Wednesday that negotiations are continuing in Doha':
    Wednesday is the statement's day; the talks of nobody named, without a round of the
    record that week, stay undated. 'Negotiations resumed in Doha on Wednesday' keeps its
    day. (Early October 2024: the record holds no round that week; in the week of 26 December
    2024 it now holds the Doha working-level round, which does date the talks.)"""
    report = dt.date(2024, 10, 3)
    _, rounds = run(nlp, {"a": ("Hamas said in a statement on Wednesday that negotiations are "
                                "continuing in Doha under Qatari and Egyptian mediation.", report)})
    assert list(rounds["start_date"]) == [""]
    _, rounds = run(nlp, {"a": ("Negotiations on a hostage deal resumed in Doha on Wednesday "
                                "under Qatari and Egyptian mediation.", report)})
    assert list(rounds["start_date"]) == ["2024-10-02"]


@pytest.mark.parametrize("place, people, day", [
    ("Rome", "Steve Witkoff;Ron Dermer", "2025-07-24"),  # one Rome round names the two
    ("Doha", "William Burns;David Barnea", ""),  # many Doha rounds name them
    ("Rome", "Steve Witkoff", ""),  # one person
    ("Washington", "Steve Witkoff;Ron Dermer", ""),  # no known round there
])
def test_undated_article_without_window_news_of_one_known_round(place, people, day):
    """A held meeting with no date words in an article without any window takes the one
    known round of the whole record at its place naming all its people (two or more)."""
    row = _undated_meeting("", place, people)
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == [day]


def test_no_place_on_either_side_needs_two_people_in_common():
    """Two reports of one day naming no place merge only when they share two people: Trump
    alone in one and Trump, Netanyahu and Witkoff in the other are two rounds; Netanyahu and
    Witkoff in both, one round."""
    def row(doc, people):
        return {"doc_id": doc, "report_date": "2025-05-13", "date": "2025-05-12",
                "date_text": "on Monday", "location": "", "participants": people,
                "status": "held", "quote": "talks", "start_char": 0, "end_char": 5}
    one = pd.DataFrame([row("a", "Donald Trump"),
                        row("b", "Donald Trump;Benjamin Netanyahu;Steve Witkoff")])
    assert sorted(merge_rounds(one, [], {})["n_reports"]) == [1, 1]
    two = pd.DataFrame([row("a", "Benjamin Netanyahu;Steve Witkoff"),
                        row("b", "Donald Trump;Benjamin Netanyahu;Steve Witkoff")])
    assert list(merge_rounds(two, [], {})["n_reports"]) == [2]


def test_a_known_round_naming_a_country_only_as_a_group_makes_the_day_doubtful():
    """Burns, Barnea and the Qatari prime minister in Doha 'on Thursday', no window: the Doha
    summit of Thursday 15 August 2024 names the three, but the Doha meeting of Thursday 9
    November 2023 names Burns, Barnea and 'Qatari officials': either may be it, so the
    meeting stays undated. Barnea and Bar 'on Thursday' in Doha are still placed (no row
    naming one of them and a group of the other's country competes)."""
    three = _undated_meeting("on Thursday", "Doha",
                             "William Burns;David Barnea;Mohammed bin Abdulrahman Al Thani")
    assert list(merge_rounds(pd.DataFrame([three]), [], {})["start_date"]) == [""]
    two = _undated_meeting("on Thursday", "Doha", "David Barnea;Ronen Bar")
    assert list(merge_rounds(pd.DataFrame([two]), [], {})["start_date"]) == ["2024-08-15"]
    from analysis.assemble.anchors import record_groups
    assert record_groups("William Burns (CIA); David Barnea (Mossad); Qatari officials") == \
        {"qatar"}


def test_talks_to_resume_next_week_take_no_day_of_the_news():
    """'Talks will resume next week in Cairo ... officials will reconvene in Cairo' (a report
    of Friday 16 August 2024): the meeting is a week to come, not the day of the news."""
    from analysis.assemble.meetings import cluster_mentions, finish_cluster

    report = dt.date(2024, 8, 16)
    plan = _mention("primary", "talks", "planned", location="Cairo", date_text="next week",
                    tense="future", planned=True)
    again = _mention("primary", "reconvene", "held", location="Cairo", peg="today",
                     tense="past", start_char=120)
    rows = [finish_cluster(c, report) for c in cluster_mentions([plan, again], report)]
    assert [(row["location"], row["date"]) for row in rows] == [("Cairo", "")]


@pytest.mark.parametrize("sentence, date_text, departed", [
    ("Israel and the US withdrew their negotiating teams from the talks in Doha on Thursday.",
     "on Thursday", True),
    ("Netanyahu recalled the negotiating team from Doha on Tuesday for consultations.",
     "on Tuesday", True),
    ("The Hamas delegation left Cairo on Sunday after the talks with Rashad.",
     "on Sunday", False),
    ("Barnea and Bar returned from Cairo on Thursday after talks with the Egyptians.",
     "on Thursday", False),
    ("The team withdrew after the talks held Friday by Burns in Paris.", "Friday", False),
    ("On Sunday the team met Rashad, and Israel withdrew it later.", "On Sunday", False),
])
def test_the_day_of_leaving_the_talks_is_not_the_meetings(sentence, date_text, departed):
    """A day after a verb of withdrawing from the talks (withdrew, pulled out, recalled) is the
    departure's; departures and returns after a visit and days of their own keep theirs."""
    from analysis.assemble.meeting_words import departure_day

    mention = {"date_text": date_text, "sentence": sentence, "status": "held"}
    assert departure_day(mention) is departed


@pytest.mark.parametrize("first, second, apart", [
    ("on Tuesday", "Nov. 9", True),  # 9 November is no Tuesday in 2023-2026
    ("on Tuesday", "Nov. 28", False),  # Tuesday 28 November 2023
    ("on Tuesday", "on Thursday", True),
    ("on Tuesday", "Wednesday evening", False),  # a day apart: one round
    ("on Tuesday", "last week", False),  # names no day
    ("Jan. 28", "January 29", False),
])
def test_undated_article_days_that_disagree_are_two_meetings(first, second, apart):
    """Without a report date the days do not resolve, but their words may still disagree:
    'Burns arrived in Doha on Tuesday for a new round ... Burns traveled to Doha on Nov. 9 as
    he and Barnea held talks' are two meetings (the earlier round is not lost in the later
    one); words a day apart, or naming no day, stay one meeting."""
    from analysis.assemble.meetings import cluster_mentions

    later = _mention("primary", "arrived", "held", location="Doha", date_text=first,
                     participants=["William Burns"], tense="past")
    earlier = _mention("primary", "traveled talks", "held", location="Doha",
                       date_text=second, participants=["William Burns", "David Barnea"],
                       tense="past", start_char=120)
    clusters = cluster_mentions([later, earlier], None)
    assert len(clusters) == (2 if apart else 1)


@pytest.mark.parametrize("date_text, place, people, day", [
    ("on Nov. 9", "Doha", "William Burns;David Barnea", "2023-11-09"),  # one known round
    ("on Nov. 9", "Doha", "William Burns", "2023-11-09"),  # a month-day: one person will do
    ("on Nov. 9", "Doha", "", ""),  # nobody named
    ("on Nov. 9", "Cairo", "William Burns;David Barnea", ""),  # no such round in Cairo
    ("on Nov. 10", "Doha", "William Burns;David Barnea", ""),  # no known round that day
])
def test_undated_article_month_day_without_window_from_the_record(date_text, place, people,
                                                                  day):
    """A month and day without a year, in an article without a window: the one known round
    of the record on that month and day at the place naming all the meeting's people."""
    row = _undated_meeting(date_text, place, people)
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == [day or ""]


@pytest.mark.parametrize("sentence, said_on, day", [
    ("Witkoff announced on Thursday that Washington is withdrawing its delegation from the "
     "ceasefire negotiations in Doha.", "on Thursday", None),
    ("Netanyahu decided on Tuesday that most of the delegation in Doha will return to Israel.",
     "on Tuesday", None),
    ("Hamas said on Wednesday that its delegation met the mediators in Doha.", "on Wednesday",
     dt.date(2024, 12, 25)),
])
def test_talks_the_team_leaves_take_no_day_of_the_news(sentence, said_on, day):
    """A sentence telling that the team leaves the talks (withdrawing, recalled, will return,
    back for consultations) gives the talks held before no day of the news: the day is the
    withdrawal's. A statement that the team met keeps its day."""
    from analysis.assemble.meeting_days import news_day

    mention = {"status": "held", "said_on": said_on, "sentence": sentence}
    assert news_day(mention, dt.date(2024, 12, 26)) == day


def test_returned_for_consultations_is_the_day_of_leaving():
    """'returned from the talks for consultations earlier Thursday' is a recall: Thursday is the
    day the team left, not a day of the talks; 'returned from Cairo on Thursday after talks'
    (the end of a visit) keeps its day."""
    from analysis.assemble.meeting_words import departure_day

    recall = {"date_text": "earlier Thursday", "status": "held", "sentence": "Israel's team "
              "returned from the talks in Doha for consultations earlier Thursday."}
    visit = {"date_text": "on Thursday", "status": "held", "sentence": "Barnea returned from "
             "Cairo on Thursday after talks with the Egyptians."}
    assert departure_day(recall) and not departure_day(visit)


@pytest.mark.parametrize("sentence, apart", [
    ("The latest round of indirect negotiations, held in Doha, lasted for weeks before ending "
     "on July 25 without results.", True),
    ("The meeting comes after several weeks of indirect talks in the Qatari capital, Doha.",
     True),
    ("The meeting came after two days of talks in Doha.", False),  # a round of days
])
def test_talks_of_weeks_are_not_a_meeting_of_one_day(sentence, apart):
    """'During their meeting on Monday, El-Sisi and Al Thani ...' then 'The latest round of
    indirect negotiations, held in Doha, lasted for weeks': talks over weeks or months, with
    no date words, are no part of the meeting of one day the article names (nor do they take
    the day of the news); days of talks may be."""
    from analysis.assemble.meetings import cluster_mentions

    report = dt.date(2025, 8, 18)
    monday = _mention("primary", "meeting", "held", date_text="on Monday", tense="past",
                      participants=["Abdel Fattah al-Sisi",
                                    "Mohammed bin Abdulrahman Al Thani"])
    talks = _mention("primary", "negotiations held", "held", location="Doha", tense="past",
                     sentence=sentence, peg="on Monday", start_char=120)
    clusters = cluster_mentions([monday, talks], report)
    assert len(clusters) == (2 if apart else 1)
    if apart:
        assert clusters[1].soft is None  # no day of the news either


def test_report_day_of_a_meeting_told_without_one_dates_no_round():
    """A held meeting whose text names no day takes the report's day in the meetings table
    (meeting_days.report_day_of_held, day_source 'report'); the round keeps no such day: the
    same row, with people named, gives a dated round only without the marker."""
    row = _news_of_the_day("Cairo", "", "Khalil al-Hayya;Hassan Rashad",
                           "its delegation met Rashad in Cairo")
    assert list(merge_rounds(pd.DataFrame([row]), [], {})["start_date"]) == ["2025-05-17"]
    marked = {**row, "day_source": "report"}
    assert list(merge_rounds(pd.DataFrame([marked]), [], {})["start_date"]) == [""]
