"""Spans of time as constraints: holidays, durations of the war ("100 days into the war"),
ages of truces, the recency and "soon after the latest event" preferences, and the shared
decay shapes. Fed by the date mentions and :mod:`.base`; feeds :mod:`.tolls`,
:mod:`.mentions`, :mod:`.rounds`, :mod:`.evidence` and :mod:`.decide`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import numpy as np

from analysis.assemble.dating.base import (
    ANNIVERSARY_DAYS,
    HOLIDAY_MARGINS,
    LOWER_BOUND_DAYS_PCT,
    MARK_DAYS,
    NEARLY_PREFER,
    NEARLY_YEARS_DAYS,
    PASSED_PREFER,
    RECENCY_FLAT_DAYS,
    RECENCY_HALF_LIFE,
    UNIT_DAYS,
    WAR_START,
    YEARS_SPAN,
    Constraint,
    _index,
    _mask_range,
    calendar_days,
)
from analysis.rules import dates, timeline


def holiday_constraint(mention: dict) -> Constraint | None:
    """ "Ramadan", "Passover": near one of the holiday's occurrences (the timeline's holiday
    rows); "ahead of Ramadan" before one, "during Ramadan" within one
    (:data:`HOLIDAY_MARGINS`)."""
    days, _ = calendar_days()
    spans = timeline.holidays().get(mention.get("holiday") or "")
    if not spans:
        return None
    if mention.get("starts_weekday") is not None or mention.get("starts_soon"):
        return _holiday_start_constraint(mention, spans)
    n = len(days)
    if mention.get("began_recently"):   # "since the start of Ramadan earlier this week"
        allowed = np.zeros(n, dtype=bool)
        for first, _ in spans:
            allowed |= _mask_range(n, _index(days, first), _index(days, first) + HOLIDAY_START_DAYS)
        return Constraint("holiday", f"'{mention['text']}' began days ago: days after "
                          + ", ".join(str(first) for first, _ in spans), allowed)
    if mention.get("began"):   # "since the start of Ramadan": on or after its first day
        allowed = np.zeros(n, dtype=bool)
        for first, last in spans:
            allowed |= _mask_range(n, _index(days, first),
                                   _index(days, last) + dates.HOLIDAY_MARGIN[1])
        return Constraint("holiday", f"'{mention['text']}' has begun: from the first day of "
                          "one of " + ", ".join(f"{a}..{b}" for a, b in spans), allowed)
    allowed = np.zeros(n, dtype=bool)
    before, after = HOLIDAY_MARGINS.get(mention.get("tense") or "past", dates.HOLIDAY_MARGIN)
    for first, last in spans:
        end = _index(days, first) + 1 if after < 0 else _index(days, last) + after
        allowed |= _mask_range(n, _index(days, first) - before, end)
    label = (f"'{mention['text']}' ({mention.get('tense') or 'past'}): from {before} days "
             f"before one of " + ", ".join(f"{a}..{b}" for a, b in spans))
    return Constraint("holiday", label, allowed)


# "Ramadan ... begins Monday": the report within this many days before the first day (which
# may fall a day either side of the timeline's, by the sighting of the moon)
HOLIDAY_START_DAYS = 8


def _holiday_start_constraint(mention: dict, spans) -> Constraint | None:
    """A holiday that begins on a named weekday or soon (``starts_weekday``, ``starts_soon``
    from :mod:`analysis.rules.dates`): the days up to :data:`HOLIDAY_START_DAYS` before the
    first day of an occurrence that begins on that weekday (a day either side)."""
    days, _ = calendar_days()
    n = len(days)
    allowed = np.zeros(n, dtype=bool)
    weekday = mention.get("starts_weekday")
    starts = [first for first, _ in spans
              if weekday is None or (weekday - first.weekday()) % 7 in (0, 1, 6)]
    for first in starts:
        allowed |= _mask_range(n, _index(days, first) - HOLIDAY_START_DAYS, _index(days, first))
    if not allowed.any():
        return None
    when = "soon" if weekday is None else f"on a {dates.WEEKDAY_NAMES[weekday].title()}"
    return Constraint("holiday", f"'{mention['text']}' begins {when}: days before "
                      + ", ".join(str(f) for f in starts), allowed)


def _ahead(gap: np.ndarray, flat: int, half_life: int) -> np.ndarray:
    """Preference for a report `gap` days before a coming event: the days just before it
    most (reports announce a meeting a day or more ahead), the day itself half as much."""
    return np.where(gap == 0, 0.5, _decay(gap - 1, flat, half_life))


def _decay(gap: np.ndarray, flat: int, half_life: int) -> np.ndarray:
    """1 for gaps 0..flat days, halving every half_life days after; 0 for negative gaps."""
    return np.where(gap < 0, 0.0, 0.5 ** (np.maximum(0, gap - flat) / half_life))


def _days_since_latest(anchors: list[int], n: int) -> np.ndarray:
    """For each of `n` days, the days since the latest anchor on or before it (-1 before the
    first): ``_days_since_latest([2, 5], 7)`` is ``[-1, -1, 0, 1, 2, 0, 1]``."""
    mark = np.full(n, -1)
    mark[anchors] = anchors
    latest = np.maximum.accumulate(mark)
    return np.where(latest >= 0, np.arange(n) - latest, -1)


def recency_constraint(constraints: list[Constraint]) -> Constraint | None:
    """Soft: the report most likely follows the latest past date or event it mentions
    within weeks. For every day, the latest anchor on or before it counts (a year-less
    date has one anchor per candidate year)."""
    days, _ = calendar_days()
    n = len(days)
    anchors = _news_anchors(constraints, n)
    if not anchors:
        return None
    prefer = _decay(_days_since_latest(anchors, n), RECENCY_FLAT_DAYS, RECENCY_HALF_LIFE)
    return Constraint("recency", f"soon after {days[anchors[-1]]}", np.ones(n, dtype=bool),
                      prefer, anchors=tuple(anchors))


# A report follows the latest event or dated day it tells as past by days or weeks, rarely by
# months (dev sets: 0-3 days for half of the reports, 4-14 days for a fifth, over 100 days for
# 2 in 100): the days soon after the latest firm anchor are preferred by this much, flat for
# FRESH_FLAT_DAYS, halving every FRESH_HALF_LIFE days after. Unlike the soft recency it
# counts among the evidence (it can tell a year-less "October 21" of 2025 from 2026 after
# "Trump's 20-point plan"), but never bounds the window.
FRESH_PREFER, FRESH_FLAT_DAYS, FRESH_HALF_LIFE = 0.5, 30, 60
FIRM_ANCHOR_KINDS = ("absolute", "event")


def fresh_constraint(constraints: list[Constraint]) -> Constraint | None:
    """The days soon after the latest past event or full date the article mentions
    (:data:`FRESH_PREFER`); year-less dates are no anchors here (their year is what is
    being decided)."""
    days, _ = calendar_days()
    n = len(days)
    anchors = _news_anchors([c for c in constraints if c.kind in FIRM_ANCHOR_KINDS], n)
    if not anchors:
        return None
    prefer = FRESH_PREFER * _decay(_days_since_latest(anchors, n), FRESH_FLAT_DAYS,
                                   FRESH_HALF_LIFE)
    return Constraint("fresh", f"written within weeks of {days[anchors[-1]]} or another "
                      "past event", np.ones(n, dtype=bool), prefer, anchors=tuple(anchors))


def duration_constraint(mention: dict) -> Constraint | None:
    """ "seven-month war", "seven weeks": N units after 7 October 2023."""
    days, _ = calendar_days()
    unit = UNIT_DAYS.get(mention.get("unit") or "day")
    amount = mention.get("amount")
    if not amount or unit is None:
        return None
    qualifier = mention.get("qualifier") or "exact"
    if qualifier == "anniversary":   # "the second anniversary of October 7"
        day = (dt.date(WAR_START.year + int(amount), WAR_START.month, WAR_START.day)
               - WAR_START).days
        lo, hi = day - ANNIVERSARY_DAYS[0], day + ANNIVERSARY_DAYS[1]
    elif qualifier == "at_least":   # a former hostage's captivity: the report after it ended
        lo, hi = amount * unit - 2, len(days)
    elif qualifier == "mark":   # "the 18-month mark", "the war marks a year and a half"
        lo, hi = amount * unit - MARK_DAYS[0], amount * unit + MARK_DAYS[1]
    elif qualifier == "ordinal_near":   # "nearing its 22nd month": the end of the 21st
        lo, hi = (amount - 1) * unit - max(3, unit // 3), (amount - 1) * unit + 1
    elif qualifier == "ordinal":   # "in its fifth month": from 4 to 5 months (day N: N-1)
        lo, hi = (amount - 1) * unit - (1 if unit == 1 else 0), amount * unit + 1
    elif unit == 1:  # "day 100 of the war", "100 days": a day or two either side
        lo, hi = amount - 2, amount + 2
        if qualifier == "upper_bound":
            lo, hi = amount - 10, amount + 3   # "nearly 200 days": quoted days later too
        elif qualifier == "lower_bound":   # "over 650 days": reports round down to 50s
            lo, hi = amount, amount + max(10, amount * LOWER_BOUND_DAYS_PCT)
    elif qualifier == "upper_bound" and unit == UNIT_DAYS["year"]:   # "nearly two years":
        lo, hi = amount * unit - NEARLY_YEARS_DAYS, amount * unit + 2   # its last months
    elif qualifier == "upper_bound":   # nearly seven months: the seventh month
        lo, hi = (amount - 1) * unit, amount * unit + 2
    elif qualifier == "exact" and unit == UNIT_DAYS["year"]:   # "the two-year war": from
        lo, hi = amount * unit - YEARS_SPAN[0], amount * unit + YEARS_SPAN[1]   # its mark
    elif qualifier == "lower_bound":   # more than seven months
        lo, hi = amount * unit, (amount + 1.5) * unit
    else:                              # seven months: half a unit before to one unit after
        lo, hi = (amount - 0.5) * unit, (amount + 1) * unit
    if mention.get("anchor") == "truce":
        return _truce_age_constraint(mention["text"], lo, hi)
    if RENEWED_WAR.search(mention["text"]):
        return _renewed_war_constraint(mention["text"], lo, hi)
    allowed = _mask_range(len(days), int(np.floor(lo)), int(np.ceil(hi)))
    start, end = WAR_START + dt.timedelta(days=int(np.floor(lo))), \
        WAR_START + dt.timedelta(days=int(np.ceil(hi)))
    label = f"'{mention['text']}' since 7 Oct: {start}..{end}"
    prefer = _span_prefer(qualifier, unit, lo, hi, allowed)
    if qualifier not in ("anniversary", "ordinal", "ordinal_near", "mark", "at_least"):
        counted = allowed
        allowed, label = _paused_by_truce(mention["text"], allowed, label)
        if allowed is not counted:   # the span itself stays the likelier reading
            prefer = TRUCE_SPAN_PREFER * counted
    return Constraint("duration", label, allowed, prefer)


def _span_prefer(qualifier: str, unit: float, lo: float, hi: float,
                 allowed: np.ndarray) -> np.ndarray | None:
    """The days of a duration's span (lo..hi days after 7 October) it prefers, or None:
    "nearing its 22nd month": the closer to the mark, the likelier; "more than eight months
    of war": the sooner after the mark, the likelier (round 11: over every development
    article, 19 such spans of weeks or months of the war held the truth a median 13 days
    after the mark, all but one within 24, in spans of about 48 days; as a round toll told as
    a lower bound, :data:`PASSED_PREFER`)."""
    lo_i, hi_i = int(np.floor(lo)), int(np.ceil(hi))
    share = np.clip((np.arange(len(allowed)) - lo_i) / max(1, hi_i - lo_i), 0, 1)
    if qualifier == "ordinal_near":
        return NEARLY_PREFER * allowed * share
    if qualifier == "lower_bound" and unit in (UNIT_DAYS["week"], UNIT_DAYS["month"]):
        return PASSED_PREFER * allowed * (1 - share)
    return None


# A span of renewed fighting ("six weeks of renewed conflict", "two months of resumed
# strikes") counts from a day the war resumed after a truce (the timeline's war rows that
# say "resumes": 1 December 2023, 18 March 2025), not from 7 October; "new" is left out
# ("a new war" is a way to say another one).
RENEWED_WAR = re.compile(r"\b(?:renewed|resumed|restarted)\s+(?:[\w'’-]+\s+)?(?:war|warfare|"
                         r"fighting|conflict|offensive|bombardment|bombing|strikes|"
                         r"hostilities|campaign|assault|attacks)\b", re.IGNORECASE)


RESUMES = re.compile(r"\bresumes\b")


@lru_cache(maxsize=1)
def _resumptions() -> tuple[dt.date, ...]:
    """The days the war resumed after a truce (timeline rows of kind war saying 'resumes')."""
    return tuple(sorted(e.start for e in timeline.load()
                        if e.kind == "war" and RESUMES.search(e.event)))


def _renewed_war_constraint(text: str, lo: float, hi: float) -> Constraint:
    """The span (lo, hi) days after any day the war resumed (:data:`RENEWED_WAR`)."""
    return _span_after(text, lo, hi, _resumptions(), "since the war resumed")


def _truce_age_constraint(text: str, lo: float, hi: float) -> Constraint | None:
    """The age of a truce ("the two-month-old ceasefire", anchor "truce" in
    :mod:`analysis.rules.dates`): the span (lo, hi) days after the first day of a truce that
    lasted about that long (the week-long truce of November 2023 is no two-month-old one)."""
    days, _ = calendar_days()
    starts = tuple(days[first] for first, last in _truce_spans()
                   if last - first >= lo - TRUCE_AGE_SLACK_DAYS)
    return _span_after(text, lo, hi, starts, "since the truce began") if starts else None


def _span_after(text: str, lo: float, hi: float, anchors, what: str) -> Constraint:
    """A duration counted from any of the days `anchors`: the report (lo, hi) days after."""
    days, _ = calendar_days()
    n = len(days)
    allowed = np.zeros(n, dtype=bool)
    spans = []
    for day in anchors:
        first = _index(days, day)
        allowed |= _mask_range(n, first + int(np.floor(lo)), first + int(np.ceil(hi)))
        spans.append(f"{day + dt.timedelta(days=int(np.floor(lo)))}.."
                     f"{day + dt.timedelta(days=int(np.ceil(hi)))}")
    return Constraint("duration", f"'{text}' {what}: " + " or ".join(spans), allowed)


# a truce's age counts from a truce that lasted at least this many days less than the age
TRUCE_AGE_SLACK_DAYS = 7


@lru_cache(maxsize=1)
def _truce_starts() -> set[int]:
    """The first days of the truces in force (:func:`_truce_spans`)."""
    return {first for first, _ in _truce_spans()}


@lru_cache(maxsize=1)
def _truce_events() -> tuple[str, ...]:
    """The timeline's descriptions of the truces and ceasefires themselves (kinds truce and
    ceasefire), as event constraints name them in their labels."""
    return tuple(e.event for e in timeline.load() if e.kind in ("truce", "ceasefire"))


def _news_anchors(constraints: list[Constraint], n: int) -> list[int]:
    """The anchors of the "soon after" preferences: the days of the past events and dates
    the constraints tell, but not the first day of a truce told as such or as its date
    (round 6: "the ceasefire began on October 10" is told in every report of the truce's
    weeks and months, no news hook; a fresh report of 3 November 2025 was pulled to 26
    October by it). Another event of that day keeps it ("Emily Damari was freed" on the
    first day of the January 2025 truce)."""
    starts = _truce_starts()
    hooks = {a for c in constraints if c.kind == "event"
             and not any(e in c.label for e in _truce_events()) for a in c.anchors}
    return sorted({a for c in constraints for a in c.anchors
                   if 0 <= a < n and (a not in starts or a in hooks)})


def _truce_spans() -> tuple[tuple[int, int], ...]:
    """(first, last) candidate-day index of each truce in force (timeline rows of kind
    ceasefire named '... in force', the last day uncapped)."""
    days, _ = calendar_days()
    return tuple((_index(days, e.start), _index(days, e.end or e.start))
                 for e in timeline.load()
                 if e.kind == "ceasefire" and TRUCE_PERIOD.search(e.event))


# The fighting a truce stops: "15 months of bombardment" in a report of the January 2025
# truce counts the war up to it, not to the report ("of captivity", "the war, now in its
# 16th month" go on counting).
PAUSED_BY_TRUCE = re.compile(r"\b(?:war|warfare|bombardment|bombing|fighting|conflict|"
                             r"offensive|airstrikes|strikes|attacks|destruction)\b", re.I)
TRUCE_PERIOD = re.compile(r"\bceasefire in force|\btruce in force")
# ... for at most this many days of the truce (and a week after it broke down)
TRUCE_COUNT_DAYS, TRUCE_AFTER_DAYS = 90, 7
# the span counted to the report stays preferred by this much over the truce's days
TRUCE_SPAN_PREFER = 0.3


@lru_cache(maxsize=1)
def _truces() -> tuple[tuple[int, int], ...]:
    """(first, last) candidate-day index of each truce in force (timeline rows of kind
    ceasefire named '... in force'), the last capped at :data:`TRUCE_COUNT_DAYS`."""
    days, _ = calendar_days()
    out = []
    for e in timeline.load():
        if e.kind == "ceasefire" and TRUCE_PERIOD.search(e.event):
            first = _index(days, e.start)
            last = min(_index(days, e.end or e.start) + TRUCE_AFTER_DAYS,
                       first + TRUCE_COUNT_DAYS)
            out.append((first, last))
    return tuple(out)


def _paused_by_truce(text: str, allowed: np.ndarray, label: str):
    """A span of fighting ("15 months of bombardment", "two years of war") whose days reach a
    truce's start also fits the truce that stopped it: the report may be any day of the truce
    (:func:`_truces`). Leaves spans of captivity and spans that end before a truce."""
    if not PAUSED_BY_TRUCE.search(text):
        return allowed, label
    days, _ = calendar_days()
    for first, last in _truces():
        if 0 <= first < len(days) and allowed[first]:
            allowed = allowed | _mask_range(len(days), first, last)
            label += f" (or the truce from {days[first]}, which stopped it)"
    return allowed, label
