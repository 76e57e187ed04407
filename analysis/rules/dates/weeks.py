"""Events of the report's week and of its coming days, and of the month before it ("last
month" next to an event): an event next to a weekday,
"yesterday" or "tomorrow" in its sentence, on a coming date, and a weekday naming a date's
weekday ("Tuesday 13 February"). Fed by :mod:`.finding`, :mod:`.resolving`; feeds
:mod:`.signals` (round 7: split from :mod:`.tenses`).
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.rules.dates.finding import _WORD_OR_DAY
from analysis.rules.dates.resolving import resolve
from analysis.rules.lexicon import MONTHS

# Relative day words that make a past event in the same sentence this week's news ("Edan
# Alexander was released on Monday", "the strike on Doha on Tuesday", "yesterday's rescue").
_THIS_WEEK = re.compile(r"\b(?:yesterday|today|tonight|overnight|this\s+week|"
                        r"(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday))\b", re.IGNORECASE)


THIS_WEEK_DAYS = 8


THIS_WEEK_CHARS = 40   # the day word within this many characters of the event phrase


def _events_on_a_coming_date(mentions: list[dict], sentence_of) -> None:
    """An event whose own day a coming date of its sentence names ("his job only begins
    on January 20, inauguration day, Reuters reported Wednesday night") is coming too,
    whatever the tense of the clause's main verb."""
    coming = {}
    for m in mentions:
        if m["kind"] in ("month_day", "day_month", "iso") and m.get("tense") == "future":
            when = resolve(m["text"], None)
            day = when.date if when.date is not None else _month_day(m["text"])
            if day is not None:
                coming.setdefault(sentence_of(m["start_char"]), set()).add(
                    (day.month, day.day) if isinstance(day, dt.date) else day)
    if not coming:
        return
    for mention in mentions:
        if mention["kind"] == "event" and mention.get("tense") != "future":
            day = dt.date.fromisoformat(mention["date"])
            if (day.month, day.day) in coming.get(sentence_of(mention["start_char"]), ()):
                mention["tense"] = "future"


# Round 9: ... and the reverse: a date of a sentence that is the own day of a coming event
# of that sentence ("a deal before Trump's inauguration on Jan. 20", read in a clause with
# no future verb) is coming too (a report of 7 January 2025 was put on 20 January).
def _dates_of_a_coming_event(mentions: list[dict], sentence_of) -> None:
    """A date (not "past perfect", not after "since") whose month and day are the first
    day of an event its sentence tells as coming takes the tense 'future'."""
    coming: dict = {}
    for m in mentions:
        if m["kind"] == "event" and m.get("tense") == "future" and not m.get("hypothetical"):
            day = dt.date.fromisoformat(m["date"])
            coming.setdefault(sentence_of(m["start_char"]), set()).add((day.month, day.day))
    if not coming:
        return
    for mention in mentions:
        if mention["kind"] in ("month_day", "day_month") and \
                mention.get("tense") == "past" and not mention.get("since"):
            day = _month_day(mention["text"])
            if day is not None and day in coming.get(sentence_of(mention["start_char"]), ()):
                mention["tense"] = "future"


def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a year-less date ("January 20", "20 January")."""
    words = _WORD_OR_DAY.findall(text)
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), None)
    day = next((int(w) for w in words if w.isdigit()), None)
    return (month, day) if month and day else None


# The weekday of a report's source after the event's clause ("... begins on January 20,
# inauguration day, Reuters reported Wednesday night") is not the event's day.
REPORTED_AFTER = re.compile(r"^[^.;]*?,\s*(?:[\w.'’-]+\s+){0,4}(?:reported|said|told|announced|"
                            r"wrote|added|confirmed)\s+(?:on\s+)?$", re.IGNORECASE)


# An event followed or preceded by its own date ("in response to the plan presented by
# President Joe Biden on May 31", "On May 31, Biden announced his plan") is of that day, not
# of the weekday elsewhere in its sentence ("Hamas proposed amendments late Tuesday ..."):
# round 6, a fresh report of 12 June 2024 was dated a week early, its window missing it.
OWN_DATE_CHARS = 25


def _own_date(mention: dict, dated: list[dict]) -> bool:
    """Whether a full or year-less date stands within :data:`OWN_DATE_CHARS` of the event."""
    return any(0 <= d["start_char"] - mention["end_char"] <= OWN_DATE_CHARS or
               0 <= mention["start_char"] - d["end_char"] <= OWN_DATE_CHARS for d in dated)


def _events_of_the_week(text: str, mentions: list[dict], sentence_of) -> None:
    """A timeline event mentioned as past next to a weekday or "yesterday" (within
    :data:`THIS_WEEK_CHARS` in its sentence; not a planned day, not "last week") happened in
    the report's week: tense 'recent' within :data:`THIS_WEEK_DAYS`. A topic of talks
    named farther from the day ("met on Thursday to discuss ... the cease-fire in
    Lebanon") keeps its tense."""
    relative = [m for m in mentions if m["kind"] in ("weekday", "relative", "overnight")
                and m.get("tense") != "future" and _THIS_WEEK.search(m["text"])
                and not re.search(r"\b(?:last|next|past|previous|coming)\b", m["text"], re.I)]
    dated = [m for m in mentions if m["kind"] in ("month_day", "day_month", "iso")]
    for mention in mentions:
        if mention["kind"] != "event" or mention.get("tense") not in ("past", "recent") or \
                _own_date(mention, dated):
            continue
        sentence = sentence_of(mention["start_char"])
        near = [r for r in relative if sentence_of(r["start_char"]) == sentence and
                min(abs(r["start_char"] - mention["end_char"]),
                    abs(mention["start_char"] - r["end_char"])) <= THIS_WEEK_CHARS and
                not REPORTED_AFTER.search(text[mention["end_char"]:max(mention["end_char"],
                                                                        r["start_char"])])]
        if near:
            mention["tense"], mention["recent_days"] = "recent", THIS_WEEK_DAYS
            # the weekday named next to it ("Or Levy was freed on Saturday"): when it is the
            # event's own weekday, it names the event's day (dating prefers the days after)
            mention["week_day"] = next((r["weekday"] for r in near
                                        if r.get("weekday") is not None), None)


# A coming event next to a weekday or "tomorrow" in its sentence ("Netanyahu will meet
# Monday US President Donald Trump", "the summit opens on Sunday") is this coming week's
# (round 7): the report lies within THIS_WEEK_DAYS before it. Not "next week", "next month".
_COMING_DAY = re.compile(r"\b(?:tomorrow|tonight|today|later\s+this\s+week|this\s+week|"
                         r"(?:on\s+|late\s+|early\s+|this\s+)?(?:monday|tuesday|wednesday|"
                         r"thursday|friday|saturday|sunday))\b", re.IGNORECASE)


def _events_of_the_coming_week(text: str, mentions: list[dict], sentence_of) -> None:
    """Mark ``coming_days`` (:data:`THIS_WEEK_DAYS`) on a coming event with a day word of
    :data:`_COMING_DAY` within :data:`THIS_WEEK_CHARS` in its sentence (not "next ...", not
    the day of a report after it: "begins on January 20, Reuters reported Wednesday")."""
    days = [m for m in mentions if m["kind"] in ("weekday", "relative") and
            _COMING_DAY.search(m["text"]) and not re.search(r"\b(?:next|last|past|previous)\b",
                                                             m["text"], re.I)]
    for mention in mentions:
        if mention["kind"] != "event" or mention.get("tense") != "future" or \
                mention.get("aim"):   # (an aim has no day: "had offered on Friday to free X")
            continue
        sentence = sentence_of(mention["start_char"])
        if any(sentence_of(d["start_char"]) == sentence and
               min(abs(d["start_char"] - mention["end_char"]),
                   abs(mention["start_char"] - d["end_char"])) <= THIS_WEEK_CHARS and
               not REPORTED_AFTER.search(text[mention["end_char"]:max(mention["end_char"],
                                                                       d["start_char"])])
               for d in days):
            mention["coming_days"] = THIS_WEEK_DAYS


def _attach_weekdays(text: str, mentions: list[dict]) -> None:
    """A weekday right before a date ("Tuesday 13 February", "Tuesday, Feb. 13") names the
    date's weekday: it is stored on the date (``weekday``) and the weekday mention is marked
    ``of_date`` (it says nothing about the report day)."""
    for before, mention in zip(mentions, mentions[1:]):
        if before["kind"] == "weekday" and mention["kind"] in ("month_day", "day_month", "iso") \
                and re.fullmatch(r"[\s,]*(?:the\s+)?\(?",
                                 text[before["end_char"]:mention["start_char"]]):
            mention["weekday"] = before["weekday"]
            before["of_date"] = True
            if before.get("tense") == "future":   # "likely to take effect on Sunday, January 19"
                mention["tense"] = "future"


# Round 8: an event that several rows name ("Trump met with Netanyahu": six meetings) told
# with its own year-less date ("on the evening of July 7") is the row of that day: the other
# rows go, and the date takes the row's year ("July 7" of 2025, not of 2024).
# Round 9: so does an event of one row ("since Yahya was killed by IDF personnel on October
# 16": 2024, not any October 16 up to the calendar's end).
OWN_DAY_SLACK = 1   # days between the date and the row's first day (an evening, a time zone)


def _events_of_their_own_date(mentions: list[dict]) -> list[dict]:
    """The mentions without the alternatives of an event phrase (same place, one row or several)
    that a year-less date within :data:`OWN_DATE_CHARS` of it does not name, when one row's
    first day is that date (within :data:`OWN_DAY_SLACK`); that date gets the row's year
    (``year_hint``)."""
    dated = [m for m in mentions if m["kind"] in ("month_day", "day_month") and
             not m.get("year_hint") and not re.search(r"\d{4}", m["text"])]
    places: dict[tuple[int, int], list[dict]] = {}
    for m in mentions:
        if m["kind"] == "event":
            places.setdefault((m["start_char"], m["end_char"]), []).append(m)
    drop = set()
    for rows in places.values():
        near = [d for d in dated if _own_date(rows[0], [d]) or   # (or inside its phrase:
                rows[0]["start_char"] <= d["start_char"] < rows[0]["end_char"]]   # "blockade
        for d in near:   # ... imposed since March 2")
            day = _month_day(d["text"])
            named = [r for r in rows if day and _within(r["date"], day)]
            if named and len({r["date"][:4] for r in named}) == 1:
                drop.update(id(r) for r in rows if r not in named)
                d["year_hint"] = int(named[0]["date"][:4])
                break
    return [m for m in mentions if id(m) not in drop]


def _within(iso: str, month_day: tuple[int, int]) -> bool:
    """Whether the ISO day lies within :data:`OWN_DAY_SLACK` of (month, day) in its year."""
    day = dt.date.fromisoformat(iso)
    try:
        named = dt.date(day.year, *month_day)
    except ValueError:
        return False
    return abs((day - named).days) <= OWN_DAY_SLACK


# Round 9 (second wave): an event of the timeline told as last month's ("the 20-point plan
# announced last month", "last month's UN General Assembly", "Last month, the ICC issued
# warrants", "the military confirmed last month that its soldiers killed three hostages")
# puts the report in the calendar month after the event's (the event's row has its day).
# Dev sets: four articles the timeline has the event of (dev/155, dev/192, two fresh
# reports), every report in that month.
_LAST_MONTH = re.compile(r"\b(?:late\s+|early\s+)?last\s+month\b", re.IGNORECASE)
_LAST_MONTH_LEAD = re.compile(r"(?:^|[.;:(–—])\s*(?:late\s+|early\s+)?last\s+month\s*,\s*"
                              r"(?:the\s+)?$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()–—.]")
LAST_MONTH_CHARS = 40   # "last month" within this many characters of the event phrase


def _events_of_last_month(text: str, mentions: list[dict]) -> None:
    """Marks ``last_month`` on a past event of the timeline whose clause says "last month"
    right before or after it (no clause mark between: "launched last month", "last month's
    summit", "confirmed last month that its soldiers killed three hostages"), or whose
    sentence opens with "Last month," before it. Leaves "last month" of another clause
    ("talks broke down last month, after the strike on Doha" for the strike), and coming
    events ("the summit next month")."""
    for m in mentions:
        if m["kind"] != "event" or m.get("tense") not in (None, "past", "recent"):
            continue
        start, end = m["start_char"], m["end_char"]
        before = text[max(0, start - LAST_MONTH_CHARS):start]
        after = _CLAUSE.split(text[end:end + LAST_MONTH_CHARS])[0]
        if _LAST_MONTH.search(_CLAUSE.split(before)[-1]) or _LAST_MONTH.search(after) or \
                _LAST_MONTH_LEAD.search(before):
            m["last_month"] = True
