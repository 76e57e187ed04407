"""The actor table: aliases, spelling variants, offices resolved by date, surnames."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.rules.actors import ActorMatcher, load_actors, merge_by_surname, name_key

GOLD_SPELLINGS = ["William Burns", "David Barnea", "Mohammed bin Abdulrahman Al Thani",
                  "Abbas Kamel", "Ronen Bar", "Nitzan Alon", "Benjamin Netanyahu"]


@pytest.fixture(scope="module")
def table():
    return load_actors()


def test_gold_spellings_are_canonical(table):
    for name in GOLD_SPELLINGS:
        assert name in table.actors


def test_table_covers_all_sides(table):
    sides = {actor.side for actor in table.actors.values()}
    assert {"United States", "Israel", "mediator", "Hamas"} <= sides
    assert len(table) >= 50
    for name in ["Brett McGurk", "Steve Witkoff", "Ron Dermer", "Khalil al-Hayya",
                 "Hassan Rashad", "Zaher Jabarin", "Mousa Abu Marzouk", "Majed al-Ansari"]:
        assert name in table.actors


@pytest.mark.parametrize("alias, canonical", [
    ("Bill Burns", "William Burns"),
    ("William J. Burns", "William Burns"),
    ("Abas Kamel", "Abbas Kamel"),
    ("Mohamed bin Abderrahman Al Thani", "Mohammed bin Abdulrahman Al Thani"),
    ("Sheikh Mohammed bin Abdulrahman al-Thani", "Mohammed bin Abdulrahman Al Thani"),
    ("Sheikh Mohammed", "Mohammed bin Abdulrahman Al Thani"),
    ("Khalil Al-Hayya", "Khalil al-Hayya"),
    ("Abbas Kamil", "Abbas Kamel"),
    ("Mohammed Abdulrahman Al-Thani", "Mohammed bin Abdulrahman Al Thani"),  # by name key
])
def test_aliases(table, alias, canonical):
    assert table.lookup(alias) == canonical


@pytest.mark.parametrize("office, day, holder", [
    ("qatar_prime_minister", dt.date(2024, 1, 25), "Mohammed bin Abdulrahman Al Thani"),
    ("cia_director", dt.date(2024, 1, 25), "William Burns"),
    ("cia_director", dt.date(2025, 3, 1), "John Ratcliffe"),
    ("egypt_intelligence_chief", dt.date(2024, 1, 25), "Abbas Kamel"),
    ("egypt_intelligence_chief", dt.date(2024, 12, 1), "Hassan Rashad"),
    ("shin_bet_director", dt.date(2024, 8, 15), "Ronen Bar"),
    ("mossad_director", dt.date(2023, 11, 28), "David Barnea"),
])
def test_offices_by_date(table, office, day, holder):
    assert table.resolve_office(office, day) == holder


def test_office_without_date_uses_the_name_in_the_article(table):
    assert table.resolve_office("cia_director", None) is None
    assert table.resolve_office("cia_director", None, {"William Burns"}) == "William Burns"


def test_name_key_tolerates_spelling():
    assert name_key("Abas Kamel") == name_key("Abbas Kamel")
    assert name_key("Mohamed Sinwar") == name_key("Mohammed Sinwar")


def test_merge_by_surname():
    assert merge_by_surname(["Jane Doe", "Doe", "Burns", "William Burns"]) == [
        "Jane Doe", "William Burns"]


def test_matcher_finds_names_offices_and_surnames(nlp, table):
    doc = nlp.make_doc("")  # noqa: F841 (vocabulary warm-up)
    text = ("CIA Director William Burns met the head of Israel's Mossad and the Qatari prime "
            "minister. Burns and Sheikh Mohammed talked. The heads of the CIA and Shin Bet "
            "also met Jane Roe. Roe said little.")
    doc = nlp(text)
    matcher = ActorMatcher(nlp.vocab, table, nlp.make_doc)
    found = [(m["kind"], m["name"]) for m in matcher(doc)]
    assert ("name", "William Burns") in found
    assert ("office", "mossad_director") in found
    assert ("office", "qatar_prime_minister") in found
    assert ("name", "Mohammed bin Abdulrahman Al Thani") in found
    assert ("office", "shin_bet_director") in found      # "the heads of the CIA and Shin Bet"
    assert found.count(("name", "William Burns")) == 2   # "Burns" alone
    assert ("office", "cia_director") in found
    # "CIA Director" written next to the name only describes him: no separate office mention
    assert sum(1 for kind, name in found if name == "cia_director") == 1


def test_lowercase_surname_is_not_a_person(nlp, table):
    doc = nlp("The fire caused burns to two people in Cairo.")
    matcher = ActorMatcher(nlp.vocab, table, nlp.make_doc)
    assert [m for m in matcher(doc) if m["name"] == "William Burns"] == []


@pytest.mark.parametrize("office, named, holder", [
    ("cia_director", {"Antony Blinken", "Jake Sullivan"}, "William Burns"),  # Biden's years
    ("cia_director", {"Marco Rubio", "Adam Boehler"}, "John Ratcliffe"),  # Trump's second term
    ("cia_director", {"Benjamin Netanyahu"}, None),  # in office under both: decides nothing
])
def test_undated_office_by_the_people_named(table, office, named, holder):
    """Without a date, an office goes to the holder whose tenure the article's other people
    share; a tie leaves it unresolved."""
    assert table.resolve_office(office, None, named) == holder


def test_office_after_a_possessor_is_an_apposition(rules_nlp):
    """'Adam Boehler, President-elect Donald Trump's special envoy for hostage affairs' describes
    Boehler: the office is not resolved to the envoy in office that day."""
    matcher = ActorMatcher(rules_nlp.vocab, load_actors(), rules_nlp.make_doc)
    doc = rules_nlp.make_doc("Adam Boehler, President-elect Donald Trump's special envoy for "
                             "hostage affairs, visited Cairo.")
    assert [m["kind"] for m in matcher(doc) if m["kind"] == "office"] == []
