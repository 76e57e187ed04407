"""Date mentions as constraints: full dates, year-less dates, "last year", datelines,
timeline events, office holders, and the weekdays an article names. Fed by
:func:`analysis.rules.dates.date_signals` and :mod:`.spans`; feeds :mod:`.evidence` and
:mod:`.decide`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import numpy as np

from analysis.assemble.dating.base import (
    AHEAD_FLAT_DAYS,
    AHEAD_HALF_LIFE,
    CEASEFIRE_ANNOUNCED_DAYS,
    DURING_PREFER,
    FIXTURE_KINDS,
    FUTURE_WEEKDAY_GAP,
    LEAD_DATE_DAYS,
    OFFICE_MARGIN,
    PAST_WEEKDAY_GAP,
    RECENT_EVENT_DAYS,
    WAR_START,
    WEEKDAY_DATE_DAYS,
    YEARLESS_FRESH_DAYS,
    YEARLESS_FRESH_HALF_LIFE,
    YEARLESS_FRESH_PREFER,
    YEARLESS_FUTURE_DAYS,
    YEARLESS_PAST_DAYS,
    Constraint,
    _index,
    _mask_range,
    calendar_days,
)
from analysis.assemble.dating.spans import _ahead, _decay
from analysis.rules import dates, timeline
from analysis.rules.dates.resolving import _resolve_month_part
from analysis.rules.dates.words import _norm
from analysis.rules.lexicon import MONTHS


def _month_only(resolved) -> bool:
    """Whether a date is a month or a part of one ("October 2025", "late March 2024"): no
    news hook then, and no anchor for the preferences of the days soon after the latest event
    (a report of January 2026 telling of "the ceasefire ... since October 2025" was dated
    to the month after the month it named)."""
    return resolved.end is not None and resolved.end != resolved.date


@lru_cache(maxsize=1)
def fixture_days() -> frozenset[dt.date]:
    """The days of the timeline's events fixed long before (:data:`FIXTURE_KINDS`): a
    coming date on one of them ("before Jan. 20") prefers no days just before it."""
    return frozenset(e.start for e in timeline.load() if e.kind in FIXTURE_KINDS)


def absolute_constraint(mention: dict) -> Constraint | None:
    """A date with its year: past -> the report is on/after it; planned -> on/before it
    (and most likely days before it). Year-less dates: :func:`yearless_constraint`."""
    days, _ = calendar_days()
    text = mention["text"]
    resolved = dates.resolve(text, None)
    if resolved.date is None or resolved.date < WAR_START - dt.timedelta(days=1):
        return None
    n = len(days)
    near = WEEKDAY_DATE_DAYS if mention.get("weekday") is not None else \
        LEAD_DATE_DAYS if mention.get("lead") else \
        RECENT_EVENT_DAYS if mention.get("latest") else n   # (the latest round's day)
    if mention.get("tense") == "future":
        idx = _index(days, resolved.end)
        if idx <= 0:   # "October 7, 2023" read as coming: a misread tense (no report before)
            return None
        prefer = None if resolved.end in fixture_days() else \
            0.5 * _ahead(idx - np.arange(n), AHEAD_FLAT_DAYS, AHEAD_HALF_LIFE)
        return Constraint("absolute", f"'{text}' planned: on/before {resolved.end}",
                          _mask_range(n, idx - near, idx), prefer)
    idx = _index(days, resolved.date)
    if idx <= 0:
        return None  # 7 October itself says nothing beyond "since the war"
    return Constraint("absolute", f"'{text}' mentioned as past: on/after {resolved.date}",
                      _mask_range(n, idx, _index(days, resolved.end) + near),
                      _named_day_prefer(mention, idx, n),
                      anchors=() if mention.get("since") or mention.get("previous") or
                      _month_only(resolved) else
                      (_index(days, resolved.end),))


WEEKDAY_DATE_PREFER = 0.6   # "on Saturday, August 24": that day most likely, the next less
# "Or Levy was freed on Saturday" (an event of the week on its own weekday): the day after it
# most likely, halving every 3 days after; weaker than the report's own weekday ("on Friday")
EVENT_DAY_PREFER = 0.3


def _named_day_prefer(mention: dict, idx: int, n: int) -> np.ndarray | None:
    """A past date given with its weekday ("on Saturday, August 24") is the news of the
    report's day or the days just before: a preference for that day, halving every two
    days after (as strong as a weekday mention, which it outweighs then). None otherwise."""
    if mention.get("weekday") is None or mention.get("tense") == "future":
        return None
    return WEEKDAY_DATE_PREFER * _decay(np.arange(n) - idx, 0, 2)


_DAY_NUMBER = re.compile(r"\b([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b")


def yearless_spans(text: str, years, dateline: bool = False) -> list[tuple[dt.date, dt.date]]:
    """(first, last) day of a year-less date expression in each of `years`: "July 28",
    "28 July", "the end of November". Feb 29 exists in leap years only; "Oct. 7" (the
    attack) gives nothing, but in a `dateline` ("Sharm El-Sheikh, Oct 7:") the report's day."""
    low = _norm(text)
    words = [w for w in re.findall(r"[a-z]+", low) if w in MONTHS]
    if not words:
        return []
    month = MONTHS[words[0]]
    day = _DAY_NUMBER.search(re.sub(r"[a-z]+", " ", low))
    spans = []
    for year in years:
        if day and not re.search(r"\b(early|late|mid|end|beginning)\b", low):
            try:
                first = dt.date(year, month, int(day.group(1)))
            except ValueError:
                continue
            if (month, first.day) == (10, 7) and not dateline:
                return []
            spans.append((first, first))
        else:
            span = _resolve_month_part(low, dt.date(year, 12, 31), "past")
            if span:
                spans.append(span)
    return spans


def _fresh_prefer(last: int, n: int, after: int) -> np.ndarray:
    """Soft preference, within the allowed days after one occurrence of a year-less past
    date, for the days soon after it (:data:`YEARLESS_FRESH_PREFER`); used only when
    several years are candidates, so that the fresher occurrence wins a tie."""
    gap = np.arange(n) - last
    return np.where(gap <= after, YEARLESS_FRESH_PREFER *
                    _decay(gap, YEARLESS_FRESH_DAYS, YEARLESS_FRESH_HALF_LIFE), 0.0)


def yearless_constraint(mention: dict) -> Constraint | None:
    """A date without its year takes its year from the other evidence: every year of the
    war is a candidate; as past, the report follows one occurrence within
    :data:`YEARLESS_PAST_DAYS`; as coming, it precedes one (preferably by days). A weekday
    given with the date ("Tuesday 13 February") keeps only the years where it falls so."""
    days, _ = calendar_days()
    n = len(days)
    if mention.get("rel_year") is not None and mention.get("tense") != "future":
        return relative_year_constraint(mention)
    spans = yearless_spans(mention["text"], range(days[0].year, days[-1].year + 1))
    if mention.get("year_hint"):   # "In November 2023, ... collapsed on December 1"
        spans = [s for s in spans if s[0].year == mention["year_hint"]] or spans
    if mention.get("weekday") is not None:
        spans = [s for s in spans if s[0].weekday() == mention["weekday"]] or spans
    spans = [s for s in spans if s[1] > WAR_START and s[0] <= days[-1]]
    if not spans:
        return None
    allowed, prefer = np.zeros(n, dtype=bool), np.zeros(n)
    future = mention.get("tense") == "future"
    named = mention.get("weekday") is not None and len(spans) == 1
    ahead, after = (WEEKDAY_DATE_DAYS, WEEKDAY_DATE_DAYS) if named else \
        (YEARLESS_FUTURE_DAYS, YEARLESS_PAST_DAYS)
    hinted = bool(mention.get("year_hint")) and len(spans) == 1 and not future
    if hinted:   # a date of the story's background: on/after it, no recency
        after = n
    elif mention.get("lead") and not future:   # the lede's date: the news of the days before
        after = LEAD_DATE_DAYS
    elif mention.get("latest") and not future:   # the latest round's day: weeks before
        after = RECENT_EVENT_DAYS
    fixture = future and any(first in fixture_days() for first, _ in spans)
    for first, last in spans:
        i, j = _index(days, first), _index(days, last)
        if future:
            allowed |= _mask_range(n, i - ahead, j)
            if not fixture:   # ("Jan. 20": the inauguration's, whatever the year)
                prefer = np.maximum(prefer, 0.5 * _ahead(i - np.arange(n), AHEAD_FLAT_DAYS,
                                                         AHEAD_HALF_LIFE))
        else:
            allowed |= _mask_range(n, i, j + after)
            if named:
                prefer = np.maximum(prefer, _named_day_prefer(mention, i, n))
            elif len(spans) > 1:
                prefer = np.maximum(prefer, _fresh_prefer(j, n, after))
    years = "/".join(str(s[0].year) for s in spans)
    how = "planned: before" if future else "mentioned as past: after"
    # "Thursday, 25 January": the weekday leaves one year, a full date
    kind = "absolute" if named else "yearless"
    return Constraint(kind, f"'{mention['text']}' {how} it, in {years}", allowed,
                      prefer if future or named or prefer.any() else None,
                      anchors=() if future or hinted or mention.get("since") or
                      mention.get("previous") else
                      tuple(_index(days, s[1]) for s in spans),
                      occurrences=tuple((_index(days, a), _index(days, b)) for a, b in spans),
                      text=mention["text"], future=future)


def _month_spans(low: str, years) -> list[tuple[dt.date, dt.date]]:
    """The first and last day of the month a text names ("in november"), in each year."""
    words = [w for w in re.findall(r"[a-z]+", low) if w in MONTHS]
    if not words:
        return []
    month = MONTHS[words[0]]
    return [(dt.date(y, month, 1), dt.date(y + month // 12, month % 12 + 1, 1) -
             dt.timedelta(days=1)) for y in years]


def relative_year_constraint(mention: dict) -> Constraint | None:
    """ "October 7 last year", "in November last year", "in January this year": the report lies
    in the year after (the same year as) one occurrence of the date, on or after it. "October
    7" is the attack of 2023."""
    days, _ = calendar_days()
    n = len(days)
    low = _norm(mention["text"])
    if re.search(r"\b(?:oct(?:ober)?\.?\s+7(?:th)?|7(?:th)?\s+(?:of\s+)?october)\b", low):
        spans = [(WAR_START, WAR_START)]
    else:
        years = range(days[0].year, days[-1].year + 1)
        spans = yearless_spans(mention["text"], years) or _month_spans(low, years)
    allowed = np.zeros(n, dtype=bool)
    for first, _ in spans:
        year = first.year - mention["rel_year"]
        start = max(_index(days, first), _index(days, dt.date(year, 1, 1)))
        allowed |= _mask_range(n, start, _index(days, dt.date(year, 12, 31)))
    if not allowed.any():
        return None
    which = "last year" if mention["rel_year"] else "this year"
    years = "/".join(str(first.year - mention["rel_year"]) for first, _ in spans)
    return Constraint("absolute", f"'{mention['text']}' {which}: the report in {years}",
                      allowed)


def dateline_constraint(mention: dict) -> Constraint | None:
    """ "TEL AVIV, July 28." opening the article: the report is that day (or the next, for
    a copy); without a year, the year the other evidence favours."""
    days, _ = calendar_days()
    n = len(days)
    resolved = dates.resolve(mention["text"], None)
    spans = [(resolved.date, resolved.end)] if resolved.date else \
        yearless_spans(mention["text"], range(days[0].year, days[-1].year + 1), dateline=True)
    allowed, prefer = np.zeros(n, dtype=bool), np.zeros(n)
    for first, _ in spans:
        i = _index(days, first)
        allowed |= _mask_range(n, i, i + 1)
        prefer[max(0, min(n - 1, i))] = 1.0
    if not allowed.any():
        return None
    return Constraint("dateline", f"dateline '{mention['text']}'", allowed, prefer)


def event_constraint(mention: dict) -> Constraint | None:
    """An event of the timeline (analysis/rules/data/timeline.csv) mentioned as past: the report
    is on/after it; as coming ("ahead of Trump's inauguration"): before it; "during": within
    it."""
    days, _ = calendar_days()
    n = len(days)
    first = _index(days, dt.date.fromisoformat(mention["date"]))
    last = _index(days, dt.date.fromisoformat(mention.get("end_date") or mention["date"]))
    tense = mention.get("tense") or "past"
    what = f"{mention['event']} ({mention['date']})"
    if mention.get("event_kind") == "state" and last > first:   # "the president-elect",
        # "ahead of Israel's anticipated invasion of Rafah": the state holds, whatever the tense
        return Constraint("event", f"'{mention['text']}' holds: {what}",
                          _mask_range(n, first, last + 1))
    if mention.get("event_kind") == "state" and tense != "future":   # a lasting state ("the
        # Board of Peace met on Thursday") is no news of its first day, whatever its clause
        tense = "past"
    if tense == "future":   # (an event of several days may be under way: "through the
        # Friday conclusion of Trump's Gulf trip"; most likely it is still to come)
        prefer = None if mention.get("event_kind") in FIXTURE_KINDS else \
            0.5 * _ahead(first - np.arange(n), AHEAD_FLAT_DAYS, AHEAD_HALF_LIFE)
        # (round 7: "will meet Monday ...": this coming week's, the report days before it)
        soon = int(mention.get("coming_days") or 0)
        return Constraint("event", f"'{mention['text']}' still to come"
                          f"{f' (within {soon} days)' if soon else ''}: {what}",
                          _mask_range(n, first - soon if soon else 0, max(first, last - 1)),
                          prefer)
    if tense == "during":   # (a ceasefire is "the current truce" from its announcement)
        early = CEASEFIRE_ANNOUNCED_DAYS if mention.get("event_kind") == "ceasefire" else 1
        # the event's own days rather than the margins ("on the sidelines of the UN General
        # Assembly ... on Tuesday": the Tuesday of the high-level week, not the one after)
        return Constraint("event", f"'{mention['text']}' under way: {what}",
                          _mask_range(n, first - early, last + 1),
                          DURING_PREFER * _mask_range(n, first, last))
    if tense == "offset":   # "two weeks after the killing": about that long after it
        at = first + int(mention.get("offset_days") or 0)
        lo, hi = at - max(3, at - first) // 3, at + max(7, (at - first) // 2)
        offset = at - first   # "a day after": that day; "two weeks after": about then
        prefer = 0.3 * _decay(np.abs(np.arange(n) - at), offset // 7, max(2, offset // 2))
        return Constraint("event", f"'{mention['text']}' {mention.get('offset_days')} days "
                          f"before: {what}", _mask_range(n, lo, hi), prefer,
                          anchors=(at,))
    if mention.get("last_month") and tense in ("past", "recent"):
        return _last_month_constraint(mention, first, what)
    if tense == "recent":
        within = int(mention.get("recent_days") or RECENT_EVENT_DAYS)   # (the recency
        # preference, from its anchor, already favours the days right after it)
        # an event of the week ("Or Levy was freed on Saturday"): its own day, as a date
        # given with its weekday, rather than any day after the same weekday a week later
        prefer = EVENT_DAY_PREFER * _decay(np.arange(n) - first, 1, 3) \
            if mention.get("week_day") == days[max(0, min(first, n - 1))].weekday() else None
        return Constraint("event", f"'{mention['text']}' recent (within {within} days): "
                          f"{what}", _mask_range(n, first, first + within), prefer,
                          anchors=(first,))
    # (a lasting state, "the yellow line", is no news of its first day: no anchor)
    return Constraint("event", f"'{mention['text']}' past: {what}", _mask_range(n, first, n),
                      anchors=() if mention.get("since") or mention.get("event_kind") == "state"
                      else (first,))


def _last_month_constraint(mention: dict, first: int, what: str) -> Constraint:
    """An event told as last month's ("the 20-point plan announced last month"): the report
    lies in the calendar month after the event's day (a day of margin either side)."""
    days, _ = calendar_days()
    n = len(days)
    day = days[max(0, min(first, n - 1))]
    begin = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    end = (begin + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return Constraint("event", f"'{mention['text']}' last month: {what}: in "
                      f"{begin:%B %Y}", _mask_range(n, _index(days, begin) - 1,
                                                    _index(days, end) + 1),
                      anchors=(first,))


def office_constraint(mention: dict) -> Constraint | None:
    """A person named with the title of an office (the timeline's office rows): the
    report lies within the tenure ("CIA director John Ratcliffe": after 23 January 2025)."""
    days, _ = calendar_days()
    n = len(days)
    start = _index(days, dt.date.fromisoformat(mention["date"])) - OFFICE_MARGIN[0]
    end = _index(days, dt.date.fromisoformat(mention["end_date"])) + OFFICE_MARGIN[1] \
        if mention.get("end_date") else n
    if start <= 0 and end >= n:
        return None
    allowed = _mask_range(n, start, end)
    if not allowed.any():
        return None
    until = mention.get("end_date") or "today"
    return Constraint("office", f"{mention['event']} ({mention['date']}..{until})", allowed)


_PAST_GAP = np.array([PAST_WEEKDAY_GAP[g] for g in range(7)])
_FUTURE_GAP = np.array([FUTURE_WEEKDAY_GAP[g] for g in range(7)])
_LATER_GAP = np.array([1.0] + [0.1] * 6)   # "later on Friday" (the same day)
_LAST_GAP = np.array([PAST_WEEKDAY_GAP[(g - 7) % 7 if g else 6] for g in range(7)])


def weekday_constraint(mentions: list[dict]) -> Constraint | None:
    days, series = calendar_days()
    weekday_mentions = [m for m in mentions if m.get("weekday") is not None
                        and m["kind"] in ("weekday", "overnight") and not m.get("of_date")]
    if not weekday_mentions:
        return None
    day_of_week = series["weekday"]
    prefer = np.zeros(len(days))
    names = []
    for mention in weekday_mentions:
        w = mention["weekday"]
        low = mention["text"].lower()
        if low.startswith("later"):   # "later on Friday": the report's own day
            prefer += _LATER_GAP[(day_of_week - w) % 7]
        elif mention.get("tense") == "future" or re.search(r"\b(next|coming)\b", low):
            prefer += _FUTURE_GAP[(w - day_of_week) % 7]
        elif re.search(r"\blast\b", low):
            prefer += _LAST_GAP[(day_of_week - w) % 7]
        else:
            prefer += _PAST_GAP[(day_of_week - w) % 7]
        names.append(f"{mention['text']} ({mention.get('tense') or 'past'})")
    prefer /= len(weekday_mentions)
    best = days[int(np.argmax(prefer[:7]))].strftime("%A")
    label = f"weekdays {', '.join(dict.fromkeys(names))}: {best} most likely"
    return Constraint("weekday", label, np.ones(len(days), dtype=bool), prefer)
