"""Meetings matched against the compiled rounds of talks
(``data/reference/negotiation_rounds.csv``) as one constraint per article. Fed by the
extracted meetings, :mod:`.mentions` (day numbers) and :mod:`.spans` (decay shapes); feeds
:mod:`.decide`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.assemble.dating.base import (
    REGION_VENUES,
    ROUND_HELD_DAYS,
    ROUND_PLANNED_DAYS,
    ROUND_TYPES,
    VENUE_ALIASES,
    Constraint,
    _index,
    _mask_range,
    calendar_days,
)
from analysis.assemble.dating.mentions import _DAY_NUMBER
from analysis.assemble.dating.spans import _ahead, _decay
from analysis.paths import LEXICON_DIR
from analysis.rules import dates, timeline
from analysis.rules.dates.signals import _month_of


def _venue(place: str) -> str:
    place = (place or "").strip().lower()
    return VENUE_ALIASES.get(place, place)


@lru_cache(maxsize=1)
def _compiled_rounds() -> tuple[tuple[dict, ...], tuple[str, ...], re.Pattern]:
    """The compiled rounds of talks (:data:`ROUND_TYPES`), their cities, and one pattern
    finding a city (or "European") in a quote, loaded once."""
    rounds = tuple(r for r in timeline.rounds() if r["event_type"] in ROUND_TYPES)
    cities = tuple(sorted({r["city"].split(" (")[0] for r in rounds} - {""}))
    names = list(cities) + ["european"]
    pattern = re.compile(r"\b(" + "|".join(re.escape(c) for c in names) + r")\b")
    return rounds, cities, pattern


def _meeting_venue(meeting: dict, cities=None) -> str | None:
    """The meeting's place, or a round's city its quote names ("will go to Doha"): the
    first city of the sorted list the quote names."""
    if meeting.get("location"):
        return _venue(meeting["location"])
    quote = (meeting.get("quote") or "").lower()
    _, known, pattern = _compiled_rounds()
    found = set(pattern.findall(quote))
    return next((c for c in list(known) + ["european"] if c in found),
                "").replace("european", "europe") or None


def _matching_rounds(meetings: list[dict]):
    """For each meeting that matches compiled rounds: (status, [(round, shared surnames)],
    whether the meeting named its own participants): the same venue, a participant in
    common (the meeting's, else the article's people) and, when the meeting names its
    weekday, a round held that weekday. A round at the venue whose first day the meeting's
    own date names ("negotiators have been in Doha since July 6") matches without people in
    common (the working-level teams of a round are rarely named)."""
    rounds = _compiled_rounds()[0]
    everyone = {s for m in meetings for s in _round_people(m.get("participants"))}
    matches, by_date = [], []
    for m in meetings:
        venue = _meeting_venue(m)
        own = _round_people(m.get("participants"))
        people = own or everyone
        if not venue:
            continue
        weekday = _meeting_weekday(m)
        places = REGION_VENUES.get(venue, (venue,))
        here = [r for r in rounds if any(p in r["city"] for p in places)]
        days_named = named_days(f"{m.get('date_text') or ''}. {m.get('quote') or ''}")
        dated = [r for r in here if (r["start"].month, r["start"].day) in days_named]
        found = [(r, people & r["people"]) for r in dated or here
                 if dated or (people & r["people"] and
                              (weekday is None or _round_has_weekday(r, weekday)))]
        if found:
            (by_date if dated and _still_on(m) else matches).append(
                (m.get("status") or "held", found, bool(own)))
    # a meeting its own date identifies as still on is the article's round; the others are
    # the same talks
    yield from by_date or matches


# Round 8: a round the meeting's own date identifies is the article's round only when the
# talks are still on ("negotiators have been in Doha since July 6", "will meet on March 10");
# a past meeting told with its date is background ("Burns traveled to Doha on Nov. 9", in a
# report of his return to Doha on 28 November 2023: dated to 9 November, 19 days early, its
# window missing the truth), one candidate round among those of the other meetings.
STILL_ON = re.compile(r"\bsince\b", re.IGNORECASE)


def _still_on(meeting: dict) -> bool:
    """Whether a meeting's date names talks under way or planned (:data:`STILL_ON`, or a
    status other than held)."""
    return (meeting.get("status") or "held") != "held" or bool(
        STILL_ON.search(f"{meeting.get('date_text') or ''} {meeting.get('quote') or ''}"))


# People who do not identify a round of talks by their presence: heads of state and
# government (they host or receive every delegation) and the Hamas and Islamic Jihad
# delegations (they visit Cairo and Doha between the compiled high-level rounds).
NOT_ROUND_ROLES = {"President", "Vice President", "Prime Minister", "Emir"}
NOT_ROUND_SIDES = {"Hamas", "Palestinian Islamic Jihad"}


@lru_cache(maxsize=1)
def _not_round_people() -> frozenset:
    actors = pd.read_csv(LEXICON_DIR / "actors.csv", dtype=str).fillna("")
    keep_out = actors["role"].isin(NOT_ROUND_ROLES) | actors["side"].isin(NOT_ROUND_SIDES)
    return frozenset(actors.loc[keep_out, "canonical"])


def _round_people(names) -> set:
    """Surnames of the meeting's people that may identify a compiled round."""
    return {_surname(p) for p in names or [] if p not in _not_round_people()}


def _surname(name: str) -> str:
    """The last capitalised word of a name ("Khalil al-Hayya" -> "Hayya"), as the compiled
    rounds' participants are matched."""
    words = re.findall(r"[A-Z][a-z]+", name)
    return words[-1] if words else name.split()[-1]


def _meeting_weekday(meeting: dict) -> int | None:
    """The weekday the meeting's own date names ("talks held Friday"), if any."""
    words = re.findall(r"[a-z]+", (meeting.get("date_text") or "").lower())
    names = [dates.WEEKDAYS[w] for w in words if w in dates.WEEKDAY_NAMES]
    return names[0] if len(names) == 1 else None


def _round_has_weekday(round_: dict, weekday: int) -> bool:
    """A round held on that weekday (any of its days)."""
    span = (round_["end"] - round_["start"]).days
    return any((round_["start"] + dt.timedelta(days=k)).weekday() == weekday
               for k in range(min(span, 6) + 1))


def _round_window(days, r: dict, status: str) -> tuple[np.ndarray, np.ndarray]:
    """(allowed, preferred) report days for one round: after a held one, before a planned
    one; most likely the days right after (before) it. Computed once per round and status
    (the arrays are shared: callers combine them into new arrays, never in place)."""
    return _round_window_of(r["start"], r["end"], status == "planned")


@lru_cache(maxsize=512)
def _round_window_of(start: dt.date, end: dt.date, planned: bool):
    days, _ = calendar_days()
    r, status = {"start": start, "end": end}, "planned" if planned else "held"
    n, steps = len(days), np.arange(len(days))
    i, j = _index(days, r["start"]), _index(days, r["end"])
    if status == "planned":
        return _mask_range(n, i - ROUND_PLANNED_DAYS, i), _ahead(i - steps, 1, 3) * (steps <= i)
    # a round of several days is reported throughout it (talks "since July 6"), then less
    return _mask_range(n, i, j + ROUND_HELD_DAYS), \
        np.where(steps <= j, 1.0, _decay(steps - j, 1, 3)) * (steps >= i)


def named_days(text: str) -> frozenset:
    """(month, day) of every day a text names ("since July 6", "on January 28, 2024"): the
    meeting's own date or quote, to tell which of several compiled rounds it is."""
    out = set()
    for _, _, found, kind in dates.find_dates_typed(text or ""):
        if kind in ("month_day", "day_month"):
            month = _month_of(found)
            day = _DAY_NUMBER.search(re.sub(r"[A-Za-z]+\.?|\b(?:19|20)\d\d\b", " ", found))
            if month and day:
                out.add((month, int(day.group(1))))
    return frozenset(out)


def round_constraints(meetings: list[dict]) -> list[Constraint]:
    """Meetings the article reports that match compiled rounds of talks
    (data/reference/negotiation_rounds.csv), one constraint per meeting. A held meeting puts
    the report from the round's first day to :data:`ROUND_HELD_DAYS` after its last; a
    planned one up to :data:`ROUND_PLANNED_DAYS` before it. A meeting matching k rounds
    allows any of them, with its weight divided by sqrt(k) (a Warsaw meeting that only one
    round fits says more than a Doha meeting ten rounds fit); one participant in common
    counts two thirds of two, and so do two people only named elsewhere in the article
    (three count fully). The
    compiled rounds are not complete: a meeting the table
    lacks may match another round, so the weight stays below a toll's; and the meetings of
    one article make one constraint (any of their rounds, weighted as the most specific),
    or several meetings would add up to outvote a toll or a duration."""
    days, _ = calendar_days()
    n, out, seen = len(days), [], set()
    sets, factor = [], 0.0   # each meeting's candidate rounds; the best name match
    for status, found, own in _matching_rounds(meetings or []):
        allowed, prefer = np.zeros(n, dtype=bool), np.zeros(n)
        for r, _ in found:
            a, p = _round_window(days, r, status)
            allowed |= a
            prefer = np.maximum(prefer, p)
        names = ", ".join(f"{r['start']} {r['city'].split(' (')[0]}" for r, _ in found)
        label = f"{status} meeting matches compiled round(s) {names}"
        if label in seen:
            continue
        seen.add(label)
        shared = max(len(s) for _, s in found)
        named = 1.0 if shared >= 3 or (shared >= 2 and own) else 0.67
        strength = named / np.sqrt(len(found))
        sets.append({(r["start"], r["city"]) for r, _ in found})
        factor = max(factor, named)
        out.append(Constraint("round", label, allowed, 0.6 * prefer * strength,
                              strength=float(strength)))
    if len(out) <= 1:
        return out
    # the meetings of one article are mostly the same talks: one constraint, any of their
    # rounds, weighted as the most specific match when a round fits every meeting (a Warsaw
    # meeting, and a European one that Warsaw and four others fit); when none does, by the
    # best name match over the number of distinct rounds (a planned Cairo meeting that one
    # round fits beside Doha meetings that ten fit is not a specific match)
    merged = max(out, key=lambda c: c.strength)
    for c in out:
        merged.allowed = merged.allowed | c.allowed
        merged.prefer = np.maximum(merged.prefer, c.prefer)
    if not set.intersection(*sets):
        merged.strength = float(min(merged.strength, factor / np.sqrt(len(set.union(*sets)))))
    merged.label = "; ".join(c.label for c in out)
    return [merged]
