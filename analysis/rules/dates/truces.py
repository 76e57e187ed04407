"""Truce milestones told with a year-less date (round 9: moved out of :mod:`.signals`):
"On Jan. 19, the first phase of a ceasefire went into effect" names the milestone of the
truce on that day, gives the date its year (:func:`_truce_days`) and leaves the alternatives
of "the current ceasefire" that the milestone does not name (:func:`_truce_of_its_milestone`).
Fed by :mod:`.words` and the timeline; feeds :mod:`.signals`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from analysis.rules.dates.years import _month_of

# A year-less date in a sentence about a truce ("On Jan. 19, the first phase of a ceasefire
# went into effect", "Since the last truce ended on December 1", "Israel ended the last
# ceasefire ... on March 18") is the day of the truce's milestone on that day, when only
# one year has one: its year, and the milestone as an event of the article.
TRUCE_WORDS = re.compile(r"\b(?:truce|ceasefire|cease-fire)s?\b", re.IGNORECASE)


# ... the truce itself, not talks about one ("ceasefire talks resumed in Doha on March 18"
# is the round of 2024, not the end of the truce in 2025), with a verb of its milestones
TRUCE_ITSELF = re.compile(r"\b(?:truce|ceasefire|cease-fire)s?\b(?!\s+(?:talks|negotiations|"
                          r"proposals?|efforts|bid|plan|framework|mediation))|"
                          # "That initial period ended on March 1" (the truce's first phase)
                          r"\b(?:first|initial)\s+(?:phase|stage|period)\b|\bphase\s+one\b",
                          re.IGNORECASE)


TRUCE_MILESTONE_VERB = re.compile(r"\b(?:took|take[sn]?|went|go(?:es)?|came|come[s]?)\s+into\s+"
                                  r"(?:effect|force)|\btook\s+effect|\b(?:began|begun|begins|"
                                  r"started|starts|ended|ends|ending|collapsed|broke|broken|"
                                  r"expired|agreed|reached|signed|announced|violated)\b",
                                  re.IGNORECASE)


TRUCE_ROW_KINDS = ("truce", "ceasefire", "agreement", "war")


@lru_cache(maxsize=1)
def _truce_milestones() -> dict[tuple[int, int], list]:
    """(month, day) -> the timeline's truce and ceasefire milestones on that day (rows of
    :data:`TRUCE_ROW_KINDS` whose description names a truce or ceasefire)."""
    from analysis.rules import timeline  # (imported late, as in _timeline_mentions)

    out: dict[tuple[int, int], list] = {}
    for event in timeline.load():
        if event.kind in TRUCE_ROW_KINDS and TRUCE_WORDS.search(event.event):
            out.setdefault((event.start.month, event.start.day), []).append(event)
    return out


def _truce_days(text: str, mentions: list[dict], sentence_of) -> list[dict]:
    """Set ``year_hint`` on a year-less date of a truce milestone (:data:`TRUCE_WORDS` in
    its sentence, one year with a milestone on that day) and return the milestone as an
    event mention at the date's place. Leaves dates with a year, a year hint or "last
    year", and days that milestones of two years share (27 November: a 2023 extension and
    the 2024 Lebanon ceasefire)."""
    found = []
    for mention in mentions:
        if mention["kind"] not in ("month_day", "day_month") or mention.get("year_hint") or \
                mention.get("rel_year") is not None or re.search(r"\d{4}", mention["text"]):
            continue
        start, end = sentence_of(mention["start_char"])
        month, day = _month_of(mention["text"]), re.search(r"\d{1,2}", mention["text"])
        sentence = text[start:end]
        if not month or not day or not TRUCE_ITSELF.search(sentence) or \
                not TRUCE_MILESTONE_VERB.search(sentence):
            continue
        rows = _truce_milestones().get((month, int(day.group(0))), [])
        if len({row.start.year for row in rows}) != 1:
            continue
        row = rows[0]
        mention["year_hint"] = row.start.year
        found.append({"kind": "event", "text": mention["text"],
                      "start_char": mention["start_char"], "end_char": mention["end_char"],
                      "event": row.event, "event_kind": row.kind,
                      "date": row.start.isoformat(), "end_date": row.start.isoformat(),
                      "tense": mention.get("tense") or "past", "from_date": True,
                      # "a truce has held since October 10": no news of that day
                      **({"since": True} if mention.get("since") else {})})
    return found


# Round 8: "the current hostage exchange agreement and cease-fire ... went into effect on
# Jan. 19": a truce under way named in the sentence of its own first day is that truce, not
# the other truces the words "current cease-fire" also name (the October 2025 ceasefire,
# open to the calendar's end, let a coming "Feb. 3" of 2026 fit as well as 2025's).
def _truce_of_its_milestone(mentions: list[dict], sentence_of) -> list[dict]:
    """The mentions without the alternatives of a ceasefire under way that a truce milestone
    of the same sentence (:func:`_truce_days`) does not name, when one alternative starts
    within days of the milestone."""
    milestones = {}
    for m in mentions:
        if m.get("kind") == "event" and m.get("event_kind") in TRUCE_ROW_KINDS and \
                m.get("text") and m.get("date") == m.get("end_date") and m.get("from_date"):
            milestones.setdefault(sentence_of(m["start_char"]), []).append(m["date"])
    if not milestones:
        return mentions
    drop = set()
    for key, days in milestones.items():
        under_way = [m for m in mentions if m.get("kind") == "event" and m.get("tense") ==
                     "during" and m.get("event_kind") == "ceasefire" and
                     sentence_of(m["start_char"]) == key]
        named = [m for m in under_way if any(abs(_days_apart(m["date"], d)) <= 5 for d in days)]
        if named:
            drop.update(id(m) for m in under_way if m not in named)
    return [m for m in mentions if id(m) not in drop]


def _days_apart(a: str, b: str) -> int:
    """Days from ISO day `b` to ISO day `a`."""
    return (dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days
