"""A day for a meeting of an article without a report date: from its own words within the
article's date window, or from the record of known rounds of talks.

Called by :mod:`analysis.assemble.meetings` (the meetings table gives such a meeting the day)
and :mod:`analysis.assemble.rounds` (with each meeting's place, people, date words and status,
and the article's date window from documents.csv); the day it gives back makes the meeting a
dated one, which then merges into rounds like any other. The record is
``data/reference/negotiation_rounds.csv`` (:func:`load_reference_rounds` reads it; only its
rounds of talks count, not agreements or statements).

Four rules, tried in order (an article with a report date never comes here: its words resolve
against that date upstream):

1. **the words name one day of the window.** "July 6" in an article dated by its evidence to
   5 July - 21 August 2025 is 2025-07-06 (one year puts it near the window); "on Sunday" is a
   day only when the week before the window (after it, for a planned meeting) holds one Sunday.
   Month words without a day ("in July"), "last week", "recently" name no day.
2. **the record, inside the window.** A known round at the meeting's place (the same place
   or one inside the other: a "Qatar" meeting and a "Doha" round), with a day on the weekday
   the words name ("on Wednesday", "Monday evening"), inside the article's window (of
   :data:`MAX_WINDOW_DAYS` or fewer) widened by a week, and whose people include the
   meeting's (by canonical actor: two shared, or all of the meeting's when it names one;
   nobody, when it names nobody and the window is a month or less: "On Friday, Netanyahu
   approved a new round of talks in Doha" in an article of February to April 2024 is no Doha
   round of a Friday). Nobody named may be out of office on the day (a 2025 envoy in a 2024
   round). The known round sharing the most people wins; a tie places nothing. The day is
   the known round's first day on that weekday.
3. **the record, without a usable window** (none, or one of months): only the one day of
   the whole record (inside the wide window) at the place, on the weekday, of a known round
   naming every one of the meeting's people, two or more (failing that, of a known round
   whose own people, three or more, the meeting all names): "Burns, Kamel and Barnea in Doha
   on Wednesday" is
   2024-07-10; "mediators met Tuesday in Cairo" naming Rashad, the Qatari prime minister,
   Kalin and the Hamas delegation is the Cairo round of Tuesday 25 November 2025 (Kalin,
   Rashad, Al Thani); "Burns and Barnea in Doha on Friday" is nothing (22 March and 16
   August 2024), nor is "Rashad in Cairo on Monday" (one person). A known round naming all
   the meeting's people but one, that one of a country it names only as a group ("Qatari
   officials"), makes the day doubtful (:func:`maybe_in`), here and in rule 4.
4. **the news of the article.** A held meeting with no date words, in a window of two
   months or less, or without any window: the one known round at the place (in the window)
   naming all its people (two or more, each in office): "Kalin has met in Istanbul with a
   Hamas delegation led by al-Hayya" in an article of October-December 2025 is the Istanbul
   round of 5 November 2025; "Witkoff met Dermer in Rome" in an article without a window is
   the Rome round of 24 July 2025 (the one of July 2024 is Burns's).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.paths import REFERENCE_ROUNDS
from analysis.rules.actors import load_actors
from analysis.rules.dates import WEEKDAY_NAMES
from analysis.rules.lexicon import MONTHS, word_lists
from analysis.rules.places import load_gazetteer

MAX_WINDOW_DAYS = 120  # a wider window says little more than "some time in these years"
NEWS_WINDOW_DAYS = 62  # the news of an undated article: one known round in two months
NOBODY_WINDOW_DAYS = 31  # a meeting naming nobody: a weekday and a place only within a month
WEEK = dt.timedelta(days=7)
ONE_DAY = dt.timedelta(days=1)
SHORT_ROUND_DAYS = 4  # a summit or a round of a few days: its days are one event
MONTH_DAY_REACH = dt.timedelta(days=183)  # "July 6" is the July 6 within half a year

_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "July 6", "Jul. 6th", "6 July", "the 6th of July"; not "July 2024" (no day)
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?"
                        rf"{_MONTH.replace('month>', 'month2>')})\b(?!\s*,?\s*\d{{4}})",
                        re.IGNORECASE)


def weekday_of(date_text: str) -> int | None:
    """The weekday a meeting's date words name (Monday = 0), when they name exactly one.

    >>> weekday_of("Monday evening"), weekday_of("on Wednesday"), weekday_of("last week")
    (0, 2, None)
    >>> weekday_of("between Sunday and Tuesday") is None
    True
    """
    found = {m.lower() for m in _WEEKDAY.findall(date_text or "")}
    return WEEKDAY_NAMES.index(found.pop()) if len(found) == 1 else None


def _month_day(date_text: str, window: tuple[dt.date, dt.date]) -> dt.date | None:
    """'July 6' (no year) as the one such day within half a year of the window."""
    match = _MONTH_DAY.search(date_text or "")
    if match is None:
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    day = int(match["day"] or match["day2"])
    found = []
    for year in range(window[0].year - 1, window[1].year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if window[0] - MONTH_DAY_REACH <= candidate <= window[1] + MONTH_DAY_REACH:
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def day_in_window(date_text: str, status: str, window) -> dt.date | None:
    """Rule 1: the one day of the article's window (a week before it for a held meeting's
    weekday, a week after for a planned one) that the words name, else None.

    >>> w = (dt.date(2025, 7, 5), dt.date(2025, 8, 21))
    >>> day_in_window("July 6", "held", w)
    datetime.date(2025, 7, 6)
    >>> day_in_window("on Sunday", "held", w) is None  # seven Sundays
    True
    >>> day_in_window("on Sunday", "held", (dt.date(2024, 3, 5), dt.date(2024, 3, 6)))
    datetime.date(2024, 3, 3)
    """
    if window is None or not date_text:
        return None
    day = _month_day(date_text, window)
    if day is not None:
        return day
    weekday = weekday_of(date_text)
    if weekday is None:
        return None
    first, last = (window[0], window[1] + WEEK - dt.timedelta(days=1)) if status == "planned" \
        else (window[0] - WEEK + dt.timedelta(days=1), window[1])
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    days = [d for d in days if d.weekday() == weekday]
    return days[0] if len(days) == 1 else None


# -- the record ------------------------------------------------------------------------------

# reference events that are rounds of talks (not agreements, truce starts, statements)
ROUND_EVENTS = {"meeting", "talks", "summit", "working-level talks"}


def _day(value: str) -> dt.date | None:
    text = (value or "").strip()
    return dt.date.fromisoformat(text[:10]) if text else None


def load_reference_rounds(path: str | Path = REFERENCE_ROUNDS) -> pd.DataFrame:
    """The rounds of talks known from the reporting (data/reference/negotiation_rounds.csv),
    with ``start``/``end`` as dates and ``places`` the canonical places their city names."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame[frame["event_type"].str.strip().isin(ROUND_EVENTS)].copy()
    frame["start"] = frame["date_start"].map(_day)
    frame["end"] = [_day(e) or s for e, s in zip(frame["date_end"], frame["start"])]
    frame["places"] = frame["city"].map(_places_in)
    return frame.reset_index(drop=True)


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    """Every alias of the gazetteer as a whole word, longest first, compiled once."""
    aliases = sorted(load_gazetteer().aliases, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, aliases)) + r")(?![\w])")


def _places_in(text: str) -> list[str]:
    """Canonical places named in a reference city cell, in the gazetteer's order ('Europe
    (reported Oslo; Kan later reported Paris)' -> Europe, Oslo, Paris)."""
    gazetteer = load_gazetteer()
    named = {gazetteer.aliases[m.group(0)] for m in _place_pattern().finditer(text.lower())}
    return list(dict.fromkeys(name for name in gazetteer.aliases.values() if name in named))


@lru_cache(maxsize=1)
def _people_pattern() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every known person's full name (two words or more) and every office
    phrase, over lower-cased text; what each matched form stands for: ('name', canonical) or
    ('office', office key)."""
    table = load_actors()
    forms: dict[str, tuple[str, str]] = {}
    for actor in table.actors.values():
        for alias in [actor.canonical, *actor.aliases]:
            if len(alias.split()) >= 2:
                forms.setdefault(alias.lower(), ("name", actor.canonical))
    for office, phrases in table.office_phrases.items():
        for phrase in phrases:
            forms.setdefault(phrase.lower(), ("office", office))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])"), forms


def record_people(text: str, day: dt.date | None) -> frozenset[str]:
    """The canonical people a record row's participants cell names, offices resolved on the
    round's day: 'William Burns (CIA); Qatari PM Al Thani; Shin Bet chief' -> Burns, Mohammed
    bin Abdulrahman Al Thani, Ronen Bar (a bare surname or 'Qatari officials' names nobody)."""
    pattern, forms = _people_pattern()
    table = load_actors()
    people = set()
    for match in pattern.finditer((text or "").lower()):
        kind, value = forms[match.group(0)]
        name = value if kind == "name" else table.resolve_office(value, day)
        if name:
            people.add(name)
    return frozenset(people)


def in_office(name: str, day: dt.date) -> bool:
    """False only for a person the actor table knows whose every dated tenure excludes the
    day (a 2025 envoy in 2024); people without tenures are never excluded."""
    actor = load_actors().actors.get(name)
    if actor is None or not actor.tenures:
        return True
    return any((start is None or start <= day) and (end is None or day <= end)
               for _, start, end in actor.tenures)


# who a record row names only as a group: "Qatari officials", "Egyptian mediators", "Israeli
# negotiating team", "Hamas delegation"; the country each demonym stands for
_GROUP_NOUNS = r"(?:officials|mediators|delegations?|teams?|negotiators|representatives)"
_DEMONYMS = {**{k: v for k, v in (pair.split(":", 1) for pair in
                                  word_lists("meeting_lexicon.csv")["host_people"])},
             "us": "united states", "u.s.": "united states", "american": "united states",
             "hamas": "palestinian territories"}
_DEMONYM = r"(?:" + "|".join(map(re.escape, sorted(_DEMONYMS, key=len, reverse=True))) + r")"
_GROUP = re.compile(r"(?<![\w.])(" + _DEMONYM + r"(?:(?:,\s*|\s+and\s+)" + _DEMONYM + r")*)"
                    r"(?:\s+[\w-]+){0,2}?\s+" + _GROUP_NOUNS + r"\b")
_ONE_DEMONYM = re.compile(r"(?<![\w.])" + _DEMONYM + r"(?![\w])")


def record_groups(text: str) -> frozenset[str]:
    """The countries (lower case, as the actor table's) whose people a record row names only
    as a group: 'William Burns (CIA); David Barnea (Mossad); Qatari officials' -> qatar;
    'Israeli team; Hamas (indirect); Egyptian and Qatari mediators' -> israel, egypt, qatar
    (not Hamas: 'indirect' is no group word).

    >>> sorted(record_groups("Israeli team; Hamas (indirect); Egyptian and Qatari mediators"))
    ['egypt', 'israel', 'qatar']
    """
    return frozenset(_DEMONYMS[d] for m in _GROUP.finditer((text or "").lower())
                     for d in _ONE_DEMONYM.findall(m.group(1)))


@lru_cache(maxsize=1)
def known_groups() -> dict[tuple[dt.date, str], frozenset[str]]:
    """(first day, place) of each known round -> :func:`record_groups` of its row."""
    out: dict[tuple[dt.date, str], frozenset[str]] = {}
    for row in load_reference_rounds().to_dict("records"):
        for place in row["places"] if row["start"] is not None else []:
            out[(row["start"], place)] = record_groups(row["participants"])
    return out


def maybe_in(people: set[str], theirs: frozenset[str], days, place: str) -> bool:
    """Whether the people may all be at a known round that names all of them but one, that
    one of a country whose people the row names only as a group: Burns, Barnea and the Qatari
    prime minister may be the Doha round of 9 November 2023 ('William Burns; David Barnea;
    Qatari officials'). A row naming fewer of them is another round."""
    left = people - theirs
    if len(left) != 1 or len(people) < 2:
        return False
    groups = known_groups().get((days[0], place), frozenset())
    actor = load_actors().actors.get(next(iter(left)))
    return actor is not None and actor.country.lower() in groups


@lru_cache(maxsize=1)
def known_rounds() -> tuple[tuple[tuple[dt.date, ...], str, frozenset[str]], ...]:
    """The record's rounds of talks as (their days, their place, their people)."""
    out = []
    for row in load_reference_rounds().to_dict("records"):
        if row["start"] is None or not row["places"]:
            continue
        days = tuple(row["start"] + dt.timedelta(days=n)
                     for n in range((row["end"] - row["start"]).days + 1))
        for place in row["places"]:
            out.append((days, place, record_people(row["participants"], row["start"])))
    return tuple(out)


def known_round_near(place: str, day: dt.date) -> bool:
    """Whether the record has a round of talks at the place (the same, or one inside the
    other) within a day of `day`.

    >>> near = dt.date(2025, 5, 17)
    >>> known_round_near("Doha", near), known_round_near("Cairo", near)
    (True, False)
    """
    gazetteer = load_gazetteer()
    return any(gazetteer.compatible(place, known_place) and place and
               days[0] - ONE_DAY <= day <= days[-1] + ONE_DAY
               for days, known_place, _ in known_rounds())


def one_known_round(place: str, first: dt.date, second: dt.date) -> bool:
    """Whether one short round of talks of the record (:data:`SHORT_ROUND_DAYS` days or
    fewer), at the place (the same, or one inside the other), holds both days: the Doha
    talks of 15 and 16 August 2024 are one round; two days of the Doha talks of 6-24 July
    2025 are two sessions of a long round, not one event.

    >>> one_known_round("Doha", dt.date(2024, 8, 15), dt.date(2024, 8, 16))
    True
    >>> one_known_round("Doha", dt.date(2024, 8, 16), dt.date(2024, 8, 17))
    False
    >>> one_known_round("Doha", dt.date(2025, 7, 7), dt.date(2025, 7, 8))
    False
    """
    gazetteer = load_gazetteer()
    return bool(place) and any(
        len(days) <= SHORT_ROUND_DAYS and first in days and second in days
        and gazetteer.compatible(place, known_place)
        for days, known_place, _ in known_rounds())


def _usable(window) -> tuple[dt.date, dt.date] | None:
    if window is None or (window[1] - window[0]).days > MAX_WINDOW_DAYS:
        return None
    return window[0] - WEEK, window[1] + WEEK


def day_from_record(date_text: str, place: str, people: list[str], window,
                    rounds=None) -> dt.date | None:
    """Rule 2 (see the module's docstring): the day of the one known round at the place, on
    the weekday the words name, in the window, sharing the most people; else None. Without a
    usable window, rule 3: :func:`day_from_people`."""
    weekday = weekday_of(date_text)
    if weekday is None and place and _usable(window) is None:
        return day_of_month_day(date_text, place, set(people), window, rounds)
    if weekday is None or not place:
        return None
    gazetteer = load_gazetteer()
    span = _usable(window)
    mine = set(people)
    if span is None:
        return day_from_people(weekday, place, mine, window, rounds)
    if not mine and (window[1] - window[0]).days > NOBODY_WINDOW_DAYS:
        return None
    needed = min(2, len(mine))
    scored: dict[dt.date, int] = {}
    for days, known_place, theirs in known_rounds() if rounds is None else rounds:
        if not gazetteer.compatible(place, known_place):
            continue
        fitting = [d for d in days if d.weekday() == weekday
                   and span[0] <= d <= span[1]
                   and all(in_office(p, d) for p in mine)]
        shared = len(mine & theirs)
        if fitting and shared >= needed:
            scored[fitting[0]] = max(shared, scored.get(fitting[0], 0))
    if not scored:
        return None
    best = max(scored.values())
    winners = [d for d, shared in scored.items() if shared == best]
    return winners[0] if len(winners) == 1 else None


def day_from_people(weekday: int, place: str, people: set[str], window,
                    rounds=None) -> dt.date | None:
    """Rule 3, an article without a usable window (none, or one of months): the one day of
    the whole record (inside the wide window, when there is one) at the place, on the
    weekday, of a known round naming every one of the meeting's people, two or more, each in
    office that day; when no known round names them all, the one such day of a known round
    all of whose people, three or more, the meeting names. "Burns, Kamel and Barnea in Doha
    on Wednesday" is 2024-07-10 (no other Doha round of a Wednesday has the three); "Burns,
    Barnea, Bar, Kamel and the Qatari prime minister in Paris on Friday" is 23 February 2024
    (the Paris round of Friday 24 May 2024 has three of them only); "Burns and Barnea in
    Doha on Friday" is nothing (22 March and 16 August 2024); "Rashad in Cairo on Monday" is
    nothing (one person)."""
    if len(people) < 2:
        return None
    gazetteer = load_gazetteer()
    naming_all, named_by, maybe = set(), set(), set()
    for days, known_place, theirs in known_rounds() if rounds is None else rounds:
        if not gazetteer.compatible(place, known_place):
            continue
        fitting = [d for d in days if d.weekday() == weekday
                   and (window is None or window[0] - WEEK <= d <= window[1] + WEEK)
                   and all(in_office(p, d) for p in people)]
        if people <= theirs:
            naming_all.update(fitting[:1])
        elif len(theirs) >= 3 and theirs <= people:
            named_by.update(fitting[:1])
        elif maybe_in(people, theirs, days, known_place):
            maybe.update(fitting[:1])
    found = naming_all or named_by
    return found.pop() if len(found) == 1 and maybe <= found else None


def day_of_month_day(date_text: str, place: str, people: set[str], window,
                     rounds=None) -> dt.date | None:
    """Rule 3 for a month and day without a year ("traveled to Doha on Nov. 9"), without a
    usable window: the one day of the record (inside the wide window, if any) on that month
    and day, at the place, of a known round naming every one of the meeting's people (one or
    more), each in office that day. A month-day is rarer than a weekday, so one person will
    do; nobody named places nothing ("talks in Cairo on Feb. 13").

    >>> rounds = (((dt.date(2023, 11, 9),), "Doha", frozenset({"William Burns"})),
    ...           ((dt.date(2024, 11, 9),), "Cairo", frozenset({"William Burns"})))
    >>> day_of_month_day("on Nov. 9", "Doha", {"William Burns"}, None, rounds)
    datetime.date(2023, 11, 9)
    >>> day_of_month_day("on Nov. 9", "Doha", set(), None, rounds) is None
    True
    """
    match = _MONTH_DAY.search(date_text or "")
    if match is None or not people:
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    day = int(match["day"] or match["day2"])
    gazetteer = load_gazetteer()
    found = set()
    for days, known_place, theirs in known_rounds() if rounds is None else rounds:
        if gazetteer.compatible(place, known_place) and people <= theirs:
            found.update(d for d in days if (d.month, d.day) == (month, day)
                         and (window is None or window[0] - WEEK <= d <= window[1] + WEEK)
                         and all(in_office(p, d) for p in people))
    return found.pop() if len(found) == 1 else None


def anchored_day(date_text: str, status: str, place: str, people: list[str],
                 window) -> tuple[dt.date | None, str]:
    """The day of a meeting of an article without a report date, and where it came from
    ('window' or 'record'); (None, '') when neither rule names one."""
    day = day_in_window(date_text, status, window)
    if day is not None:
        return day, "window"
    day = day_from_record(date_text, place, people, window)
    if day is None and not (date_text or "").strip() and status == "held":
        day = news_round(place, set(people), window)
    return (day, "record") if day is not None else (None, "")


def news_round(place: str, people: set[str], window) -> dt.date | None:
    """Rule 4, a held meeting with no date words at all (the news the article reports:
    "Kalin has met in Istanbul with a Hamas delegation led by al-Hayya"), in a window of two
    months or less or in none: the first day of the one known round at the place (inside
    the window) naming all its people, two or more, each in office. A meeting of one person,
    of people no known round names, of people several known rounds at the place name
    ("Burns and Barnea in Doha"), or a window of months, stays undated."""
    if len(people) < 2 or window is not None and \
            (window[1] - window[0]).days > NEWS_WINDOW_DAYS:
        return None
    gazetteer = load_gazetteer()
    found, maybe = set(), set()
    for days, known_place, theirs in known_rounds():
        if gazetteer.compatible(place, known_place) and \
                (window is None or window[0] - WEEK <= days[0] <= window[1]) and \
                all(in_office(p, days[0]) for p in people):
            if people <= theirs:
                found.add(days[0])
            elif maybe_in(people, theirs, days, known_place):
                maybe.add(days[0])
    return found.pop() if len(found) == 1 and maybe <= found else None


def round_of_the_people(place: str, people: set[str], first: dt.date,
                        last: dt.date) -> dt.date | None:
    """The first day of the one known round at the place (the same, or one inside the
    other) beginning between `first` and `last` that names all the people, two or more, each
    in office that day; None when no round, or several, or one that may hold them with one
    of them only as a group (:func:`maybe_in`), fits. See
    :func:`analysis.assemble.meeting_days.record_round_day`."""
    if len(people) < 2 or not place:
        return None
    gazetteer = load_gazetteer()
    found, maybe = set(), set()
    for days, known_place, theirs in known_rounds():
        if not gazetteer.compatible(place, known_place) or not first <= days[0] <= last or \
                not all(in_office(p, days[0]) for p in people):
            continue
        if people <= theirs:
            found.add(days[0])
        elif maybe_in(people, theirs, days, known_place):
            maybe.add(days[0])
    return found.pop() if len(found) == 1 and maybe <= found else None


def first_day_of_round(place: str, day: dt.date) -> dt.date | None:
    """The first day of the one round of talks of the record at the place (the same, or one
    inside the other) whose days hold `day`; None when none or several do.

    >>> first_day_of_round("Cairo", dt.date(2024, 3, 7))  # the Cairo talks of 3-7 March 2024
    datetime.date(2024, 3, 3)
    """
    gazetteer = load_gazetteer()
    firsts = {days[0] for days, known_place, _ in known_rounds()
              if place and day in days and gazetteer.compatible(place, known_place)}
    return firsts.pop() if len(firsts) == 1 else None


def on_known_round(place: str, day: dt.date) -> bool:
    """Whether `day` is a day of a round of talks of the record at the place (the same, or
    one inside the other).

    >>> on_known_round("Doha", dt.date(2025, 7, 13)), on_known_round("Cairo", dt.date(2025, 7, 13))
    (True, False)
    """
    gazetteer = load_gazetteer()
    return bool(place) and any(day in days and gazetteer.compatible(place, known_place)
                               for days, known_place, _ in known_rounds())


def day_on_weekday_near(weekday: int, days: list[dt.date]) -> dt.date | None:
    """The day on `weekday` nearest to the anchored days of an article (three days either
    side of the first), when they lie within a week of each other; else None.

    >>> day_on_weekday_near(0, [dt.date(2025, 7, 6)])  # Monday near Sunday 6 July 2025
    datetime.date(2025, 7, 7)
    >>> day_on_weekday_near(3, [dt.date(2024, 7, 10)])  # Thursday near Wednesday 10 July
    datetime.date(2024, 7, 11)
    >>> day_on_weekday_near(3, [dt.date(2024, 7, 10), dt.date(2024, 7, 28)]) is None
    True
    """
    if not days or max(days) - min(days) >= WEEK:
        return None
    anchor = min(days)
    shift = (weekday - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=shift if shift <= 3 else shift - 7)
