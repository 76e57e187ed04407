"""The war's timeline as data: dated events, holidays, office tenures and rounds of talks.

``analysis/rules/data/timeline.csv`` (one row per event, a source per row; see
``analysis/rules/data/TIMELINE.md``) has the columns

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
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.paths import LEXICON_DIR, REFERENCE_ROUNDS
from analysis.rules import pattern_store, timeline_match

try:  # the regular-expression parser (to find the literals a pattern requires)
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

TIMELINE = LEXICON_DIR / "timeline.csv"

KINDS = ("war", "attack", "truce", "ceasefire", "agreement", "proposal", "talks", "release",
         "rescue", "recovery", "death", "ruling", "diplomacy", "election", "inauguration",
         "appointment", "anniversary", "holiday", "office", "hostages", "summit", "released",
         "state")
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
    keys: tuple[str, ...] | None = None   # one of these is in every text it matches
    count: int | None = None              # hostages rows: the count held in the period

    def search(self, text: str, lower: str) -> re.Match | None:
        """The first match in `text` (`lower` is its lower-case copy, for the pre-check)."""
        return next(self.finditer(text, lower), None)

    def finditer(self, text: str, lower: str):
        """The matches in `text`, in order (searching only around the keys' occurrences:
        every match holds one)."""
        if self.keys is None:
            yield from self.phrases.finditer(text)
            return
        end_of_last = 0
        for start, end in _windows(lower, self.keys):
            for match in self.phrases.finditer(text, max(start, end_of_last), end):
                end_of_last = match.end()
                yield match


MIN_KEY = 3   # shorter literals would pass almost every text


def _strength(keys) -> int:
    return min(len(k) for k in keys) if keys else 0


def _required(items) -> tuple[str, ...] | None:
    """Strings one of which every match of this parsed sequence contains (None: no such
    strings of MIN_KEY characters). A run of literals is one; a group or a repeat of at
    least one brings its own; alternatives bring the union of theirs."""
    best, run = None, ""
    for op, arg in list(items) + [(None, None)]:
        if op is _c.LITERAL:
            run += chr(arg)
            continue
        if len(run.strip()) >= MIN_KEY and _strength((run,)) > _strength(best):
            best = (run,)
        run = ""
        inner = None
        if op is _c.SUBPATTERN:
            inner = _required(arg[3])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            inner = _required(arg[2])
        elif op is _c.BRANCH:
            parts = [_required(branch) for branch in arg[1]]
            inner = None if any(p is None for p in parts) else \
                tuple(k for p in parts for k in p)
        if inner and _strength(inner) > _strength(best):
            best = inner
    return best


def literals(pattern: str) -> tuple[str, ...] | None:
    r"""Lower-case strings one of which every match of `pattern` contains, to skip the
    search in texts holding none; None when no such strings of 3 characters exist.

    >>> literals(r"Noa\s+Argamani|rescue\s+of\s+four")
    ('argamani', 'rescue')
    >>> literals(r"(?:\bPassover\b|\bPesach\b)")    # the parser factors out the "P"
    ('assover', 'esach')
    >>> literals(r"(?:peace|truce)\s+deal")
    ('peace', 'truce')
    """
    return pattern_store.remembered("timeline.literals", pattern, lambda: _literals(pattern))


def _literals(pattern: str) -> tuple[str, ...] | None:
    keys = _required(_parser.parse(pattern, re.IGNORECASE))
    return tuple(dict.fromkeys(k.lower().strip() for k in keys)) if keys else None


SPAN = 240   # no event phrase is longer: a match lies within this many characters of its key


def _windows(lower: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of `lower` around the occurrences of `keys`, in order."""
    spans = []
    for key in keys:
        at = lower.find(key)
        while at >= 0:
            spans.append((max(0, at - SPAN), at + len(key) + SPAN))
            at = lower.find(key, at + 1)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


# Round 8: "[^.]" in a phrase keeps a match inside its sentence; an initial's period ("the
# U.S. envoy", "Gen. Kamel") is no sentence's end (Witkoff's "totally unacceptable" was
# missed past "the U.S. envoy, has dismissed ...").
NOT_A_STOP = r"(?:[^.]|(?<=\b[A-Z])\.)"


# Round 13: an event told by key terms that co-occur in one sentence, in any order and with
# any words between them, rather than one more regex per phrasing. A phrase alternative
# "A & B" (or "A & B & C") matches the terms in every order, each within TERMS_GAP characters
# of the one before and no sentence's end between them: "Netanyahu & Mar-a-Lago" matches
# "Netanyahu met Trump at Mar-a-Lago", "at Mar-a-Lago, Trump hosted Netanyahu", "the
# Mar-a-Lago meeting between Trump and Netanyahu"; not "Netanyahu spoke. At Mar-a-Lago ...".
TERMS = " & "
TERMS_GAP = 150   # with the terms, within the timeline's SPAN of a key
TERMS_STOP = NOT_A_STOP.replace("[^.]", r"[^.\n]")   # (nor a line's end)


def _terms(alternative: str) -> str:
    """One phrase alternative as a regular expression (the "A & B" form expanded)."""
    terms = [t.strip() for t in alternative.split(TERMS)]
    if len(terms) == 1:
        return alternative.strip()
    gap = f"{TERMS_STOP}{{0,{TERMS_GAP}}}?"
    return "|".join(gap.join(f"(?:{t})" for t in order)
                    for order in itertools.permutations(terms))


def _pattern(text: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{_terms(p)})" for p in text.replace("[^.]", NOT_A_STOP)
                               .split(";") if p.strip()), re.IGNORECASE)


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
                       r["source"], literals(_pattern(r["phrases"]).pattern),
                       int(r["count"]) if r.get("count", "").strip() else None) for r in rows)


def hostage_periods() -> list[Event]:
    """The periods in which the count of hostages held stood still (kind hostages)."""
    return [event for event in load() if event.kind == "hostages" and event.count is not None]


def released_periods() -> list[Event]:
    """The periods in which the count of hostages freed so far in a truce stood still (kind
    released: from a release day to the day before the next)."""
    return [event for event in load() if event.kind == "released" and event.count is not None]


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


MAX_MENTIONS = 3   # of one event in one article
NOT_EVENTS = ("office", "holiday", "hostages", "released")   # rows find_events leaves


@lru_cache(maxsize=1)
def _engine() -> timeline_match.Engine:
    """The one-pass search over the rows of :func:`load` (analysis.rules.timeline_match)."""
    return timeline_match.Engine((event.keys, event.phrases, event.titles) for event in load())


@lru_cache(maxsize=1)
def _scan(text: str) -> timeline_match.Scan:
    """One pass over `text` for every row's keys, kept for the last text (find_offices,
    find_events and the holidays read the same one)."""
    return _engine().scan(text)


def find_events(text: str) -> list[dict]:
    """Mentions of the timeline's dated events (not holidays nor offices), up to
    :data:`MAX_MENTIONS` each (the inference keeps the most telling one). One pass finds
    every row's keys and required literals (:mod:`analysis.rules.timeline_match`); each
    row's pattern then runs only around its own keys, as :meth:`Event.finditer` would, and
    only in windows holding the literals one of its alternatives requires.

    >>> [m["date"] for m in find_events("the rescue of four hostages in Nuseirat")]
    ['2024-06-08']
    """
    found, events, scan, engine = [], load(), _scan(text), _engine()
    for index in scan.rows:
        event = events[index]
        if event.kind in NOT_EVENTS:
            continue
        for k, match in enumerate(engine.matches(index, text, scan)):
            if k == MAX_MENTIONS:
                break
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
    found, events, scan, engine = [], load(), _scan(text), _engine()
    for index in scan.rows:
        event = events[index]
        if event.kind != "office" or event.titles is None or not engine.may_match(index, scan):
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
    with open(REFERENCE_ROUNDS, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            start = _date(row["date_start"])
            end = _date(row["date_end"]) or start
            people = {w for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", row["participants"])}
            out.append({"start": start, "end": end, "city": row["city"].lower(),
                        "people": frozenset(people), "event_type": row["event_type"],
                        "source": row["source_url"]})
    return tuple(out)


class Prefiltered:
    """A row's compiled phrases that first look whether a text holds the literals its
    pattern requires (from the one pass, :func:`_scan`): ``finditer(text)`` and
    ``search(text)`` give what the pattern gives; anything else is the pattern's own."""

    def __init__(self, index: int, phrases: re.Pattern):
        self.index, self.phrases = index, phrases

    def _pattern(self, text: str) -> re.Pattern | None:
        return _engine().pattern(self.index, _scan(text))

    def finditer(self, text: str, *args):
        pattern = self.phrases if args else self._pattern(text)
        return pattern.finditer(text, *args) if pattern is not None else iter(())

    def search(self, text: str, *args):
        pattern = self.phrases if args else self._pattern(text)
        return pattern.search(text, *args) if pattern is not None else None

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "phrases":   # (copying, pickling: not delegated)
            raise AttributeError(name)
        return getattr(self.phrases, name)


@lru_cache(maxsize=1)
def holiday_patterns() -> dict[str, Prefiltered]:
    """Holiday name (lower case) -> the pattern naming it (the timeline's holiday rows), as a
    :class:`Prefiltered` pattern: texts without the literals it requires are skipped."""
    return {event.event.lower(): Prefiltered(index, event.phrases)
            for index, event in enumerate(load()) if event.kind == "holiday"}
