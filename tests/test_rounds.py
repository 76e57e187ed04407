"""Rounds: meetings merged across reports."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.corpus import Document, load_corpus
from analysis.extract import analyse_documents
from analysis.meetings import meetings_table
from analysis.rounds import merge_rounds
from analysis.tables import ROUND_COLUMNS

from .conftest import CORPUS


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
    from analysis.extract import extract_corpus

    tables = extract_corpus(load_corpus(CORPUS), nlp)
    assert len(tables.meetings) >= 6
    assert len(tables.rounds) >= 5
    assert (tables.rounds["n_reports"] >= 1).all()
