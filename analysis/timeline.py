"""The war's timeline as data: dated events, holidays, office tenures and rounds of talks.

``analysis/data/timeline.csv`` (one row per event, a source per row; see
``analysis/data/TIMELINE.md``) has the columns

``date``, ``end_date``
    ISO days: the event's first and last day (``end_date`` empty for a one-day event; for an
    office, the last day in office, empty while the holder is still in office);
``kind``
    one of :data:`KINDS`;
``event``
    a short description, written into ``date_evidence`` when the event dates an article;
``phrases``
    regular expressions (``;``-separated alternatives, case-insensitive) naming the event in
    a text; for an ``office`` row, the holder's names;
``titles``
    ``office`` rows only: the titles of the office (regular expressions), which must stand
    right before the name ("CIA Director William Burns") or after it (", the CIA director");
``source``
    where the date comes from (a URL).

The rounds of talks come from ``data/reference/negotiation_rounds.csv`` (:func:`rounds`).
Extending the timeline is a data change: add a row, with its source.

>>> [m["event"] for m in find_events("after the killing of Hamas leader Yahya Sinwar")]
['Yahya Sinwar killed in Rafah']
>>> [m["event"] for m in find_offices("CIA Director William Burns arrived")]
['William Burns, CIA director']
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TIMELINE = DATA / "timeline.csv"
ROUNDS = Path(__file__).resolve().parent.parent / "data" / "reference" / "negotiation_rounds.csv"

KINDS = ("war", "attack", "truce", "ceasefire", "agreement", "proposal", "talks", "release",
         "rescue", "recovery", "death", "ruling", "diplomacy", "election", "inauguration",
         "anniversary", "holiday", "office")
# Words right before an office title that say the person no longer (or not yet) holds it
# ("former CIA Director", "then-Secretary of State").
# So do the death of the holder ("the killing of Hamas leader Yahya Sinwar").
NOT_IN_OFFICE = re.compile(r"(?:\b(?:former|ex-|then-?|late|incoming|future|"
                           r"designated|nominee|would-be|next|slain|killed|assassinated|"
                           r"eliminated)|\b(?:death|killing|assassination|elimination|funeral|"
                           r"murder)\s+of(?:\s+the)?)\s*$", re.IGNORECASE)
# Characters between a title and the name it introduces ("CIA Director William Burns",
# "the CIA chief, William Burns,") or between a name and a title after it.
TITLE_GAP = (r"(?:\s*\([A-Za-z.]+\))?[\s,]{1,3}"
             r"(?:(?:Lt\.?|Gen\.?|Major|General|Sheikh|Dr\.?|Mr\.?)\s+){0,3}")


@dataclass(frozen=True)
class Event:
    start: dt.date
    end: dt.date | None
    kind: str
    event: str
    phrases: re.Pattern
    titles: re.Pattern | None
    source: str


def _pattern(text: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p.strip()})" for p in text.split(";") if p.strip()),
                      re.IGNORECASE)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text and text.strip() else None


@lru_cache(maxsize=4)
def load(path: str = str(TIMELINE)) -> tuple[Event, ...]:
    """The timeline's rows, read and compiled once."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(Event(_date(r["date"]), _date(r["end_date"]), r["kind"], r["event"],
                       _pattern(r["phrases"]),
                       re.compile(r["titles"]) if r["titles"].strip() else None,
                       r["source"]) for r in rows)


def holidays() -> dict[str, list[tuple[dt.date, dt.date]]]:
    """Holiday name (lower case) -> its (first, last) days during the war."""
    out: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for event in load():
        if event.kind == "holiday":
            out.setdefault(event.event.lower(), []).append((event.start,
                                                            event.end or event.start))
    return out


def _mention(event: Event, match: re.Match, kind: str) -> dict:
    return {"kind": kind, "text": match.group(0), "start_char": match.start(),
            "end_char": match.end(), "event": event.event, "event_kind": event.kind,
            "date": event.start.isoformat(),
            "end_date": (event.end or event.start).isoformat() if kind == "event" else
            (event.end.isoformat() if event.end else "")}


def find_events(text: str) -> list[dict]:
    """Mentions of the timeline's dated events (not holidays nor offices), first one each.

    >>> [m["date"] for m in find_events("the rescue of four hostages in Nuseirat")]
    ['2024-06-08']
    """
    found = []
    for event in load():
        if event.kind in ("office", "holiday"):
            continue
        match = event.phrases.search(text)
        if match:
            found.append(_mention(event, match, "event"))
    return found


def find_offices(text: str) -> list[dict]:
    """People named with an office's title: each tells the report lies within the holder's
    tenure ("CIA Director William Burns", "Bill Burns, the CIA director"). A title with
    "former", "then", "late", "outgoing" before it says nothing (:data:`NOT_IN_OFFICE`).

    >>> find_offices("former CIA Director William Burns said")
    []
    >>> [m["end_date"] for m in find_offices("Antony Blinken, the US Secretary of State, said")]
    ['2025-01-20']
    """
    found = []
    for event in load():
        if event.kind != "office" or event.titles is None:
            continue
        match = _office_match(event, text)
        if match:
            found.append(_mention(event, match, "office"))
    return found


def _office_match(event: Event, text: str) -> re.Match | None:
    for name in event.phrases.finditer(text):
        before = text[max(0, name.start() - 90):name.start()]
        for title in event.titles.finditer(before):
            gap = before[title.end():]
            if re.fullmatch(TITLE_GAP, gap) or gap == "":
                if not NOT_IN_OFFICE.search(before[:title.start()]):
                    return name
        after = text[name.end():name.end() + 80]
        lead = re.match(r",\s+(?:the\s+|a\s+|then\s+)?", after)
        if lead and lead.group(0).strip(", ").lower() != "then":
            title = event.titles.match(after, lead.end())
            if title:
                return name
    return None


@lru_cache(maxsize=1)
def rounds() -> tuple[dict, ...]:
    """The compiled rounds of talks: start, end (dt.date), city (lower case, '' when none),
    surnames of the named participants, event_type and source."""
    out = []
    with open(ROUNDS, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            start = _date(row["date_start"])
            end = _date(row["date_end"]) or start
            people = {w for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", row["participants"])}
            out.append({"start": start, "end": end, "city": row["city"].lower(),
                        "people": frozenset(people), "event_type": row["event_type"],
                        "source": row["source_url"]})
    return tuple(out)


@lru_cache(maxsize=1)
def holiday_patterns() -> dict[str, re.Pattern]:
    """Holiday name (lower case) -> the pattern naming it (the timeline's holiday rows)."""
    return {event.event.lower(): event.phrases for event in load() if event.kind == "holiday"}
