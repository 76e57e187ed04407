"""Resolving one date expression against a report date (:func:`resolve`): weekdays, spans
("last week", "the end of November"), month-day with or without a year, "N days ago"
(``dateparser`` for day-level forms). Fed by :mod:`.words`; feeds :mod:`.tenses` and the
assembly layer (meetings, rounds).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.rules.dates.words import (
    _NUM,
    _NUM_WORDS,
    _YEAR,
    PART_OF_MONTH,
    WEEKDAY_NAMES,
    WEEKDAYS,
    ResolvedDate,
    _expression_tense,
    _norm,
)
from analysis.rules.lexicon import MONTHS


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None, prefer: str) -> dt.date | None:
    """dateparser on one expression; None when it cannot say."""
    import dateparser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def _pick_year(month: int, first_day: int, report_date: dt.date, tense: str | None) -> int:
    """The year of a month(-day) without a year: the report year, or the year before when the
    date would lie after the report (past or unknown tense), or the year after when it would
    lie before (future tense)."""
    year = report_date.year
    last = calendar.monthrange(year, month)[1]
    candidate = dt.date(year, month, min(first_day, last))
    if tense == "future":
        month_end = _month_end(year, month)
        return year + 1 if month_end < report_date else year
    return year - 1 if candidate > report_date else year


def _resolve_month_part(low: str, report_date: dt.date | None, tense: str | None):
    month = next(MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in MONTHS)
    year_match = re.search(rf"\b({_YEAR})\b", low)
    part = None
    for word, days in PART_OF_MONTH.items():
        if re.search(rf"\b{word}\b", low):
            part = days
            break
    first, last = part if part else (1, None)
    if year_match:
        year = int(year_match.group(1))
    elif report_date is None:
        return None
    else:
        year = _pick_year(month, first, report_date, tense)
    end_day = last or calendar.monthrange(year, month)[1]
    return dt.date(year, month, first), dt.date(year, month, end_day)


@lru_cache(maxsize=8192)  # the same expression recurs across a corpus; results are frozen
def resolve(text: str, report_date: dt.date | None, tense: str | None = None) -> ResolvedDate:
    """Resolve one date expression (as found by :func:`find_dates`) against `report_date`.

    `tense` is 'past', 'future' or None (infer from the expression's own words; weekdays
    default to the past, as reports mostly tell what happened). Without a report date only
    expressions that carry a year resolve. Unknown text gives an unresolved ResolvedDate.
    The rules are tried in the order of :data:`_ABSOLUTE_RULES`, then (with a report date)
    :data:`_RELATIVE_RULES`; the first that answers wins.

    >>> resolve("will meet on Sunday", dt.date(2024, 1, 25), "future").date
    datetime.date(2024, 1, 28)
    >>> resolve("yesterday", None).date is None
    True
    """
    expression = _Expression.of(text, report_date, tense)
    rules = _ABSOLUTE_RULES + (_RELATIVE_RULES if expression.report_date is not None else ())
    for rule in rules:
        resolved = rule(expression)
        if resolved is not None:
            return resolved
    return expression.out()


@dataclass
class _Expression:
    """A date expression being resolved: its text, lower-cased form, words and tense."""

    text: str
    low: str
    words: list[str]
    report_date: dt.date | None
    tense: str | None
    planned: bool

    @classmethod
    def of(cls, text: str, report_date: dt.date | None, tense: str | None) -> _Expression:
        if isinstance(report_date, dt.datetime):
            report_date = report_date.date()
        low = _norm(text)
        own = _expression_tense(low)
        if tense not in ("past", "future"):
            tense = own
        elif own and own != tense and re.search(r"\b(last|next|ago|yesterday|tomorrow)\b", low):
            tense = own  # "last Tuesday" is past even in a future sentence
        return cls(text, low, re.findall(r"[a-z]+", low), report_date, tense, tense == "future")

    @property
    def weekday_words(self) -> list[str]:
        return [w for w in self.words if w in WEEKDAY_NAMES]

    @property
    def has_month(self) -> bool:
        return any(w in MONTHS for w in self.words)

    def out(self, date=None, end=None, precision=None, planned=None) -> ResolvedDate:
        """The result: a day or span (a date after the report is always planned)."""
        planned = self.planned if planned is None else planned
        if date is not None and end is None:
            end = date
        if date is not None and self.report_date is not None and date > self.report_date:
            planned = True
        return ResolvedDate(self.text, date, end, precision if date is not None else None,
                            planned)


def _undated_period(e: _Expression) -> ResolvedDate | None:
    """'the coming days', 'in the next few weeks' (planned, no date); 'in recent days' (no
    date). Leaves 'next week' (a week) and 'the coming weekend'."""
    if re.search(r"\b(coming|next few|next|following|upcoming)\s+(few\s+)?(days|weeks|hours)\b",
                 e.low):
        return ResolvedDate(e.text, None, None, None, True)
    if re.search(r"\brecent\s+(days|weeks)\b", e.low):
        return ResolvedDate(e.text, None, None, None, False)
    return None


def _iso_date(e: _Expression) -> ResolvedDate | None:
    """'2024-01-28', '18/10/2023' (an impossible day such as '2024-02-30' resolves to
    nothing)."""
    iso = re.search(rf"\b({_YEAR})-(\d{{1,2}})-(\d{{1,2}})\b", e.low)
    slashed = re.search(rf"\b(\d{{1,2}})/(\d{{1,2}})/({_YEAR})\b", e.low)
    if not iso and not slashed:
        return None
    # "(18/10/2023)": day/month/year, as the outlets that write dates in figures mostly do
    parts = tuple(map(int, iso.groups())) if iso else tuple(map(int, slashed.groups()[::-1]))
    try:
        return e.out(dt.date(*parts), precision="day")
    except ValueError:
        return e.out()


def _month_and_day(e: _Expression) -> ResolvedDate | None:
    """'Nov 9', 'on the 9th of November', 'Tuesday, January 30, 2024' (dateparser, with our
    year rule: the last such day on or before the report). Leaves 'early November', 'the end
    of November' (month parts) and a bare day number."""
    has_day_number = re.search(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!-)", e.low)
    if not (e.has_month and has_day_number) or \
            re.search(r"\b(early|late|mid|end|beginning)\b", e.low):
        return None
    cleaned = re.sub(r"\b(on|since|until|by|of|the)\b", " ", e.low)
    cleaned = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r"\1", cleaned).replace(".", " ")
    cleaned = re.sub(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b,?", " ", cleaned).strip()
    year_given = re.search(rf"\b{_YEAR}\b", e.low)
    if e.report_date is None and not year_given:
        return e.out()
    parsed = _dateparser(cleaned, e.report_date if not year_given else None,
                         "future" if e.tense == "future" else "past")
    if parsed is None:
        return e.out()
    if not year_given and e.report_date is not None:
        # dateparser's 'past' preference already gives the last such date on/before the
        # report; enforce our rule explicitly (it also covers Feb 29).
        year = _pick_year(parsed.month, parsed.day, e.report_date, e.tense)
        try:
            parsed = parsed.replace(year=year)
        except ValueError:
            pass
    return e.out(parsed, precision="day")


def _month_alone(e: _Expression) -> ResolvedDate | None:
    """Months with a part ('the end of November', 'mid-February') or alone ('November 2023',
    'in December'). Leaves 'may' the verb (lower case) and months next to a weekday."""
    if not e.has_month or e.weekday_words:
        return None
    if [w for w in e.words if w in MONTHS] == ["may"] and not re.search(r"\bMay\b", e.text):
        return e.out()  # "may" the verb
    span = _resolve_month_part(e.low, e.report_date, e.tense)
    if span is None:
        return e.out()
    return e.out(span[0], span[1], "month")


def _overnight(e: _Expression) -> ResolvedDate | None:
    """'overnight Monday-Tuesday', 'Monday night into Tuesday': from the first to the second
    weekday. Leaves a single weekday."""
    weekdays = e.weekday_words
    if len(weekdays) < 2 or not re.search(r"overnight|night", e.low):
        return None
    first, second = WEEKDAYS[weekdays[0]], WEEKDAYS[weekdays[1]]
    if e.tense == "future":
        start = _weekday_on_or_after(e.report_date, first)
    else:
        end = _weekday_on_or_before(e.report_date, second)
        start = end - dt.timedelta(days=(second - first) % 7 or 7)
        return e.out(start, end, "day")
    return e.out(start, start + dt.timedelta(days=(second - first) % 7 or 7), "day")


def _weekday(e: _Expression) -> ResolvedDate | None:
    """'on Tuesday' (the last Tuesday on or before the report, or the next one in a future
    sentence), 'last Tuesday', 'next Tuesday' (never the report day itself). Our rule:
    dateparser skips the report day."""
    if not e.weekday_words:
        return None
    weekday, report_date = WEEKDAYS[e.weekday_words[0]], e.report_date
    if re.search(r"\bnext\b", e.low):
        day = _weekday_on_or_after(report_date + dt.timedelta(days=1), weekday)
        return e.out(day, precision="day", planned=True)
    if re.search(r"\blast\b", e.low):
        day = _weekday_on_or_before(report_date - dt.timedelta(days=1), weekday)
        return e.out(day, precision="day", planned=False)
    if e.tense == "future":
        return e.out(_weekday_on_or_after(report_date, weekday), precision="day", planned=True)
    return e.out(_weekday_on_or_before(report_date, weekday), precision="day")


def _weekend(e: _Expression) -> ResolvedDate | None:
    """'next weekend', 'the coming weekend', 'last weekend', 'over the weekend' (the weekend
    on or before the report): Saturday to Sunday."""
    low, report_date = e.low, e.report_date
    if "weekend" not in low:
        return None
    if re.search(r"\b(next|coming)\b", low) or (e.tense == "future" and "last" not in low):
        saturday = _weekday_on_or_after(report_date, 5)
        if re.search(r"\bnext\b", low) and report_date.weekday() >= 5:
            saturday += dt.timedelta(days=7)
    elif "last" in low or "past" in low or "previous" in low:
        saturday = _weekday_on_or_before(report_date - dt.timedelta(days=1), 5)
        if report_date.weekday() == 6 and "last" in low:
            saturday -= dt.timedelta(days=7)
    else:  # "this weekend", "over the weekend" in a report: the weekend on/before it
        saturday = _weekday_on_or_before(report_date, 5)
        if report_date.weekday() == 6:
            saturday = report_date - dt.timedelta(days=1)
    return e.out(saturday, saturday + dt.timedelta(days=1), "week")


def _week_or_month(e: _Expression) -> ResolvedDate | None:
    """'this week', 'last week', 'next week' (Monday to Sunday); 'this month', 'last month',
    'next month' (the calendar month)."""
    low, report_date = e.low, e.report_date
    if re.search(r"\bweek\b", low):
        monday = report_date - dt.timedelta(days=report_date.weekday())
        offset = {"last": -7, "past": -7, "previous": -7, "next": 7, "coming": 7}
        shift = next((v for k, v in offset.items() if re.search(rf"\b{k}\b", low)), 0)
        start = monday + dt.timedelta(days=shift)
        return e.out(start, start + dt.timedelta(days=6), "week")
    if re.search(r"\bmonth\b", low):
        shift = -1 if re.search(r"\b(last|past|previous)\b", low) else (
            1 if re.search(r"\b(next|coming)\b", low) else 0)
        index = report_date.year * 12 + report_date.month - 1 + shift
        year, month = divmod(index, 12)
        return e.out(dt.date(year, month + 1, 1), _month_end(year, month + 1), "month")
    return None


def _relative_day(e: _Expression) -> ResolvedDate | None:
    """'the day before yesterday', 'yesterday', 'last night', 'today', 'tonight', 'this
    morning', 'tomorrow'."""
    low, report_date = e.low, e.report_date
    if "day before yesterday" in low:
        return e.out(report_date - dt.timedelta(days=2), precision="day")
    if "yesterday" in low or "last night" in low:
        return e.out(report_date - dt.timedelta(days=1), precision="day")
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return e.out(report_date, precision="day")
    if "tomorrow" in low:
        return e.out(report_date + dt.timedelta(days=1), precision="day", planned=True)
    return None


def _ago(e: _Expression) -> ResolvedDate | None:
    """'three days ago' (that day), 'two weeks ago' (a week around it), 'a month ago' (a month
    around it, via dateparser)."""
    ago = re.search(rf"\b({_NUM})\s+(day|week|month)s?\s+ago\b", e.low)
    if not ago:
        return None
    amount = int(ago.group(1)) if ago.group(1).isdigit() else _NUM_WORDS[ago.group(1)]
    unit, report_date = ago.group(2), e.report_date
    if unit == "day":
        return e.out(report_date - dt.timedelta(days=amount), precision="day")
    if unit == "week":
        day = report_date - dt.timedelta(weeks=amount)
        return e.out(day - dt.timedelta(days=3), day + dt.timedelta(days=3), "week")
    parsed = _dateparser(f"{amount} months ago", report_date, "past")
    if parsed:
        return e.out(parsed - dt.timedelta(days=15), parsed + dt.timedelta(days=15), "month")
    return None


def _dateparser_day(e: _Expression) -> ResolvedDate | None:
    """Whatever else dateparser reads as a day, relative to the report."""
    parsed = _dateparser(e.low, e.report_date, "future" if e.tense == "future" else "past")
    return e.out(parsed, precision="day") if parsed is not None else None


# Rules that need no report date (or say so themselves), then those that do, in order.
_ABSOLUTE_RULES = (_undated_period, _iso_date, _month_and_day, _month_alone)


_RELATIVE_RULES = (_overnight, _weekday, _weekend, _week_or_month, _relative_day, _ago,
                   _dateparser_day)
