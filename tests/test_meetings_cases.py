"""Meeting rules, one sentence per kind of error fixed for issue 13 (tests/meeting_cases.tsv),
on the rules-only pipeline: what must come out and what must not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.assemble.meetings import meetings_table
from analysis.corpus import Document
from analysis.nlp import analyse_documents
from analysis.rules.actors import looks_like_name

CASES = Path(__file__).resolve().parent / "meeting_cases.tsv"


def _cases():
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            day, text, expected, forbidden = line.split("\t")
            yield pytest.param(dt.date.fromisoformat(day), text, expected, forbidden,
                               id=f"line{number}")


def _rows(nlp, text, day):
    documents = [Document("a", text, "a.txt", day, "metadata")]
    results = dict(analyse_documents(documents, nlp))
    return meetings_table(documents, results).fillna("").to_dict("records")


def _matches(row: dict, want: str) -> bool:
    location, date, status, people = (want.split("|") + ["", "", "", ""])[:4]
    found = set(filter(None, row["participants"].split(";")))
    return ((not location or row["location"] == location)
            and (not date or row["date"] == date)
            and (not status or row["status"] == status)
            and set(filter(None, people.split(","))) <= found)


@pytest.mark.parametrize("day, text, expected, forbidden", list(_cases()))
def test_meeting_case(rules_nlp, day, text, expected, forbidden):
    rows = _rows(rules_nlp, text, day)
    shown = [(r["location"], r["date"], r["status"], r["participants"]) for r in rows]
    wanted = [] if expected.strip() == "-" else [w.strip() for w in expected.split(";;")]
    assert len(rows) == len(wanted), shown
    unused = list(rows)
    for want in wanted:
        hit = next((r for r in unused if _matches(r, want)), None)
        assert hit is not None, f"{want!r} not in {shown}"
        unused.remove(hit)
    for item in filter(None, (f.strip() for f in forbidden.split(","))):
        if item == "-":
            continue
        kind, _, value = item.partition(":")
        if kind == "loc":
            assert all(r["location"] != value for r in rows), shown
        elif kind == "date":
            assert all(r["date"] != value for r in rows), shown
        else:
            assert all(item not in r["participants"].split(";") for r in rows), shown


@pytest.mark.parametrize("words, expected", [
    (["Taher", "al-Nunu"], True),
    (["Fahd", "Suleiman"], True),
    (["Discuss", "Truce"], False),  # a headline fragment
    (["White", "House"], False),  # a place
    (["Qatari", "Prime"], False),  # a nationality and a title
    (["Hamas", "Delegation"], False),  # an organisation
    (["IDF"], False),
    (["Abdel", "Fattah", "Al"], False),  # a name cut before its particle's surname
])
def test_participants_look_like_people(words, expected):
    assert looks_like_name(words) is expected


def test_anaphor_goes_to_the_meeting_of_its_people(rules_nlp):
    """'Blinken and el-Sisi also discussed the proposal during the meeting' after a later
    meeting in Riyadh: the two are the Cairo meeting's people, not the Riyadh one's."""
    text = ("On Tuesday Blinken met President el-Sisi in Cairo on the hostage deal. He had met "
            "the Saudi crown prince in Riyadh on Monday about the hostages. Blinken and el-Sisi "
            "also discussed the proposal during the meeting.")
    rows = {r["location"]: r["participants"].split(";")
            for r in _rows(rules_nlp, text, dt.date(2024, 2, 7))}
    assert "Abdel Fattah al-Sisi" in rows["Cairo"]
    assert "Abdel Fattah al-Sisi" not in rows.get("Riyadh", [])
