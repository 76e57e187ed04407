"""Merge meetings across articles into negotiation rounds.

Two meetings from different articles are one round when

- their days agree within a day; a meeting without a day stands for a window: a planned one
  ("in the coming days") for the two weeks after its report date, a held one for the two weeks
  before it; an article without a report date lends its date window (``date_window_start`` /
  ``date_window_end`` of documents.csv) instead, and an article with neither keeps its meetings
  apart: an undated meeting of an undated article joins only a round inside that article's
  window;
- their places agree, or one contains the other (Paris is in Europe, Doha in Qatar; see
  ``analysis/rules/data/places.csv``), or one has no place;
- they share participants (two, or all of the smaller list; two when neither names a
  place); meetings without named participants merge only on the same day and place.

So "Burns will meet ... in Europe in the coming days" (a report of 2024-01-25) and "spoke this
Sunday in Paris" (2024-01-28) with the same people are one round. An article never contributes
two meetings to one round. Rounds are numbered R01, R02, ... in date order (ties: place, first
doc_id), so the ids are the same on every run.

``terms`` is structured text of what the articles say was on the table, e.g.
``truce_days=30,60; phases=2; hostages=all`` (values from analysis/rules/meeting_mentions);
``summary`` is a short text: when, where, who, and one sentence from each report.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field

import pandas as pd

from analysis import schema
from analysis.assemble.anchors import anchored_day, known_round_near, one_known_round
from analysis.assemble.meeting_days import REPORT_DAY
from analysis.assemble.meetings import document_meetings
from analysis.assemble.record_check import rounds_vs_reference as rounds_vs_reference  # (callers)
from analysis.rules.actors import load_actors, merge_by_surname
from analysis.rules.lexicon import word_lists
from analysis.rules.places import load_gazetteer

PLANNED_WINDOW = dt.timedelta(days=14)
HELD_WINDOW = dt.timedelta(days=14)
TOLERANCE = dt.timedelta(days=1)
WIDE_WINDOW_DAYS = 3
# an undated article's window wider than this places nothing; up to two months (dating leaves
# an article undated when its window reaches more than a month from its best day, and keeps
# the window) its meetings may join a round inside the window
MAX_ARTICLE_WINDOW_DAYS = 62
ESTIMATE_BEFORE = dt.timedelta(days=2)  # a meeting dated by its report: that day or just before
TERM_ORDER = ["truce_days", "phases", "hostages", "prisoners"]
SUMMARY_SENTENCE_CHARS = 220


def _day(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return dt.date.fromisoformat(text[:10]) if text else None


def _people(value) -> list[str]:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]


@dataclass(slots=True)  # a long run keeps one per meeting row until the end (analysis.batch.run)
class _Meeting:
    doc_id: str
    date: dt.date | None
    window: tuple[dt.date, dt.date] | None
    location: str
    participants: list[str]
    status: str
    start_char: int
    sentence: str = ""
    terms: list[dict] = field(default_factory=list)
    estimate: dt.date | None = None  # a day the text does not give (the news of the day)
    anchor: str = ""  # an undated article's meeting placed by its window or the record
    told: bool = True  # whether its date words name a time ("ongoing", "is in" do not)
    met: bool = True  # whether its quote has a verb of meeting ("met", "hosts", "arrived")


class _Round:
    """Meetings merged so far, with the round's summary properties kept up to date as
    members join (clustering asks for them for every candidate, so they are not recomputed).
    """

    def __init__(self, first: _Meeting):
        self.members: list[_Meeting] = []
        self.docs: set[str] = set()
        self.days: list[dt.date] = []
        self.location = ""
        self.participants: list[str] = []
        self.add(first)

    def add(self, member: _Meeting) -> None:
        self.members.append(member)
        self.docs.add(member.doc_id)
        if member.date:
            self.days.append(member.date)
        self.location = load_gazetteer().more_specific(self.location, member.location)
        self.participants += [p for p in member.participants if p not in self.participants]

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        if self.days:
            return min(self.days), max(self.days)
        windows = [m.window for m in self.members if m.window]
        if not windows:
            return None
        return max(w[0] for w in windows), min(w[1] for w in windows)


def _overlap(a, b) -> bool:
    if a is None or b is None:
        return True
    return a[0] - TOLERANCE <= b[1] and b[0] - TOLERANCE <= a[1]


def _fits(round_: _Round, meeting: _Meeting) -> bool:
    """Whether a meeting of another article is this round: days (or windows) that meet,
    places that agree, people that overlap (two, or all of the smaller list). The same day in
    the same city is the same round whoever the two reports name (the Israeli team in one, the
    US envoys in the other); without named people on one side, only the same day and place."""
    gazetteer = load_gazetteer()
    if meeting.doc_id in round_.docs:
        return False
    if not gazetteer.compatible(round_.location, meeting.location):
        return False
    if not _overlap(round_.window, meeting.window):
        return False
    mine, theirs = set(round_.participants), set(meeting.participants)
    if _same_day_and_city(round_, meeting, gazetteer):
        return True
    if mine and theirs:
        shared = len(mine & theirs)
        if not round_.location and not meeting.location:
            return shared >= 2  # nowhere named: one person (Trump) is no round in common
        return shared >= min(2, len(mine), len(theirs))
    # nobody named on one side: only the same day and place will do; a day from the news of
    # the day (that day or the one before) may be a day off: "talks continue in Doha" joins
    # the Doha round of that day
    day = meeting.date or meeting.estimate
    days = round_.days or [m.estimate for m in round_.members if m.estimate]
    if not (day and days and meeting.location and round_.location):
        return False
    slack = 0 if meeting.date and round_.days else 1
    return abs((day - days[0]).days) <= slack or (
        abs((day - days[0]).days) <= 1 and one_known_round(round_.location, day, days[0]))


def _same_day_and_city(round_: _Round, meeting: _Meeting, gazetteer) -> bool:
    place = gazetteer.canonical(meeting.location)
    return bool(meeting.date and meeting.date in round_.days and place
                and gazetteer.kind.get(place) == "city"
                and place == gazetteer.canonical(round_.location))


def span_key(row: dict) -> str:
    """How a meeting row's span is stored: start_char, date_text and status (a text key)."""
    start = row.get("start_char")
    start = -1 if start is None or pd.isna(start) else int(start)
    date_text = row.get("date_text")
    return f"{start}|{date_text if isinstance(date_text, str) else ''}|{row.get('status') or ''}"


def meeting_span(result, row: dict, report) -> tuple[dt.date, dt.date] | None:
    """:func:`_span` of a meetings-table row, or what a cached re-run stored in the article's
    result under ``meeting_spans`` (analysis.batch.table_cache: span_key -> [first, last] or None),
    which saves dateparser's start-up when nothing else needs it."""
    stored = (result or {}).get("meeting_spans")
    if stored is not None and span_key(row) in stored:
        value = stored[span_key(row)]
        return (dt.date.fromisoformat(value[0]), dt.date.fromisoformat(value[1])) if value \
            else None
    return _span(row.get("date_text"), report, row.get("status"))


def _span(date_text, report: dt.date | None, status) -> tuple[dt.date, dt.date] | None:
    """The week or month a date expression without a day stands for ("in December" in a
    report of 29 January 2024 is 2023-12-01 to 2023-12-31), via analysis.rules.dates.resolve."""
    if report is None or not isinstance(date_text, str) or not date_text.strip():
        return None
    from analysis.rules.dates import resolve

    resolved = resolve(date_text, report, "future" if status == "planned" else "past")
    if resolved.date is None or resolved.precision not in ("week", "month"):
        return None
    return resolved.date, resolved.end or resolved.date


def assigned_terms(document, result) -> dict[int, tuple[str, list[dict]]]:
    """:func:`_assign_terms`, or what a cached re-run stored in the result under
    ``assigned_terms`` (analysis.batch.table_cache keeps it with the article's rows, as
    ``[start_char, sentence, terms]`` triples)."""
    stored = result.get("assigned_terms")
    if stored is not None:
        return {start: (sentence, list(terms)) for start, sentence, terms in stored}
    return _assign_terms(document, result)


def _assign_terms(document, result, pairs: list | None = None
                  ) -> dict[int, tuple[str, list[dict]]]:
    """start_char of each meeting row -> (its first sentence, the terms nearest to it).
    `pairs`: the article's meetings as (start_char, cluster), when already made
    (:func:`analysis.assemble.meetings.meetings_table`); else they are made here."""
    if pairs is None:
        pairs = [(row["start_char"], cluster)
                 for row, cluster in document_meetings(document, result)]
    out = {start: (cluster.first.get("sentence", ""), []) for start, cluster in pairs}
    if not pairs:
        return out
    for term in result.get("terms") or []:
        position = term.get("sentence_start", term.get("start_char", 0))

        def distance(pair, position=position):
            return min(abs(position - start) for start, _ in pair[1].spans)
        start, _ = min(pairs, key=distance)
        out[start][1].append(term)
    return out


def format_terms(terms: list[dict]) -> str:
    """Structured text of the terms: ``truce_days=30,60; phases=2; hostages=all``.

    >>> format_terms([{"kind": "truce_days", "value": 60}, {"kind": "phases", "value": 2},
    ...               {"kind": "truce_days", "value": 30}, {"kind": "hostages", "value": "all"}])
    'truce_days=30,60; phases=2; hostages=all'
    """
    values: dict[str, set] = {}
    for term in terms:
        values.setdefault(term["kind"], set()).add(term["value"])
    parts = []
    for kind in TERM_ORDER + sorted(set(values) - set(TERM_ORDER)):
        if kind not in values:
            continue
        found = values[kind]
        if kind == "phases":
            found = {max(v for v in found if isinstance(v, int))}
        numbers = sorted(v for v in found if isinstance(v, int))
        words = sorted(str(v) for v in found if not isinstance(v, int))
        parts.append(f"{kind}=" + ",".join([*map(str, numbers), *words]))
    return "; ".join(parts)


def _summary(round_: _Round, start, end, location, participants) -> str:
    when = start.isoformat() if start else "date unknown"
    if end and start and end != start:
        when += f" to {end.isoformat()}"
    status = "held" if any(m.status == "held" for m in round_.members) else "planned"
    head = f"{status.capitalize()} {when}{_anchor_note(round_)}, {location or 'place unknown'}"
    if participants:
        head += ": " + ", ".join(participants)
    quotes = []
    for member in sorted(round_.members, key=lambda m: (m.doc_id, m.start_char)):
        sentence = _quote(member.sentence)
        if sentence:
            quotes.append(f"[{member.doc_id}] {sentence}")
    return head + ". " + " ".join(quotes) if quotes else head + "."


ANCHOR_NOTES = {"record": " (day from the record of known rounds)",
                "window": " (day from the article's date window)"}


def _anchor_note(round_: _Round) -> str:
    """How the round's day was found when no member's words gave it against a report date
    (analysis.assemble.anchors): ' (day from the record of known rounds)', else ''."""
    anchors = {m.anchor for m in round_.members if m.date}
    return ANCHOR_NOTES.get(anchors.pop(), "") if len(anchors) == 1 else ""


def _quote(sentence: str) -> str:
    """A member's sentence as the summary quotes it: spaces collapsed, cut at
    SUMMARY_SENTENCE_CHARS (quoting a quote again leaves it as it is).

    >>> _quote("Talks  resumed   in Doha.")
    'Talks resumed in Doha.'
    """
    sentence = " ".join(sentence.split())
    if len(sentence) > SUMMARY_SENTENCE_CHARS:
        sentence = sentence[:SUMMARY_SENTENCE_CHARS - 3].rstrip() + "..."
    return sentence


def _meeting_window(day, span, report, status, article_window):
    """The days a meeting can be on: its day; else the week or month its words name; else
    the two weeks after (planned) or before (held) its report; for an undated article, the
    same around the article's date window when that is two months or less; else None (it
    joins no other article's round)."""
    if day:
        return day, day
    if span is not None:
        return span  # "in December", "last week": that month or week
    if report is not None:
        first = last = report
    elif article_window is not None and \
            (article_window[1] - article_window[0]).days <= MAX_ARTICLE_WINDOW_DAYS:
        first, last = article_window
    else:
        return None  # no date, or only a window of months: a round of its own
    if status == "planned":
        return first, last + PLANNED_WINDOW
    return first - HELD_WINDOW, last


def _order(meeting: _Meeting):
    """Meetings with a day (or a window of a few days) by their start; wide windows ("in
    December", "in the coming days") by their end, so that they join the dated round they
    stand for rather than seed a round that takes the first dated meeting to come along."""
    if meeting.window is None:
        return (dt.date.max, meeting.doc_id, meeting.start_char)
    first, last = meeting.window
    key = last if (last - first).days > WIDE_WINDOW_DAYS else first
    return (key, meeting.doc_id, meeting.start_char)


def _cluster(items: list[_Meeting]) -> list[_Round]:
    """Greedy clustering of meetings (sorted by window start) into rounds.

    A round whose window ends (plus the tolerance) before the current meeting's window starts
    can never take a later meeting either, so it is retired: the work grows with the number
    of rounds open at one time, not with the square of the corpus.
    """
    rounds: list[_Round] = []
    order: dict[int, int] = {}
    open_rounds: list[_Round] = []
    # items to come may start earlier than the current one (wide windows are placed by their
    # end): retire only rounds that end before every later window starts
    starts = [m.window[0] if m.window else dt.date.max for m in items]
    later_start = starts[:]
    for i in range(len(items) - 2, -1, -1):
        later_start[i] = min(starts[i], later_start[i + 1])
    for index, item in enumerate(items):
        if item.window is not None:
            threshold = later_start[index]
            open_rounds = [r for r in open_rounds
                           if r.window is None or r.window[1] + TOLERANCE >= threshold]
            candidates = [r for r in open_rounds if _fits(r, item)]
        else:
            candidates = []  # no date and no window at all: a round of its own
        if candidates:
            best = max(candidates, key=lambda r: (len(set(r.participants) & set(item.participants)),
                                                  -order[id(r)]))
            best.add(item)
        else:
            new_round = _Round(item)
            order[id(new_round)] = len(rounds)
            rounds.append(new_round)
            open_rounds.append(new_round)
    return rounds


def _items(meetings: pd.DataFrame, documents, results, windows) -> list[_Meeting]:
    """One _Meeting per meetings-table row, with its window, first sentence and terms."""
    by_id = {d.doc_id: d for d in documents}
    extras: dict[str, dict] = {}
    items: list[_Meeting] = []
    for row in meetings.to_dict("records"):
        doc_id = str(row["doc_id"])
        document = by_id.get(doc_id)
        report = document.report_date if document else _day(row.get("report_date"))
        if doc_id not in extras and document is not None and results.get(doc_id):
            extras[doc_id] = assigned_terms(document, results[doc_id])
        start_char = int(row["start_char"]) if not pd.isna(row["start_char"]) else -1
        sentence, terms = extras.get(doc_id, {}).get(start_char, ("", []))
        day = _day(row.get("date"))
        estimated = day is not None and not str(row.get("date_text") or "").strip()
        if row.get("day_source") == REPORT_DAY:
            day = estimated = None  # the report's day of a held meeting told without one
            # (meeting_days.report_day_of_held, the annotators' convention) dates no round
        window = _meeting_window(None if estimated else day,
                                 meeting_span(results.get(doc_id), row, report),
                                 report, row.get("status"), windows.get(doc_id))
        if estimated:  # a day the text does not give (the report's, the news of the day)
            window, day = (day - ESTIMATE_BEFORE, day), None
        anchor = ""
        if report is None:  # an undated article: its window, or the record (the meetings
            # table gives the day already when it had the window: the note says whence)
            anchored, anchor = anchored_day(str(row.get("date_text") or ""),
                                            str(row.get("status")),
                                            str(row.get("location") or ""),
                                            _people(row.get("participants")),
                                            windows.get(doc_id))
            if day is None:
                day = anchored
            elif day != anchored:
                anchor = ""  # its own words give the day ("on July 6, 2024")
            window = (day, day) if day else window
        items.append(_Meeting(document.doc_id if document else doc_id, day, window,
                              sys.intern(str(row.get("location") or "")),
                              [sys.intern(p) for p in _people(row.get("participants"))],
                              sys.intern(str(row.get("status") or "")), start_char,
                              _quote(sentence or str(row.get("quote") or "")),
                              [{"kind": t["kind"], "value": t["value"]} for t in terms],
                              _day(row.get("date")) if estimated else None, anchor,
                              names_a_time(str(row.get("date_text") or "")),
                              says_met(str(row.get("quote") or ""))))
    return items


# words of a date expression; date words without any ("ongoing", "has arrived", "is in",
# "currently") date a meeting by its report, as the news of the day
_TIME_WORD = re.compile(
    r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\b|\b(?:day|days|week|weeks|weekend|month|months|year|yesterday|today|"
    r"tonight|morning|afternoon|evening|night|overnight|ago|hours?|now)\b", re.IGNORECASE)


def names_a_time(date_text: str) -> bool:
    """Whether a meeting's date words name a time at all (an empty text does not).

    >>> names_a_time("on Tuesday"), names_a_time("last night"), names_a_time("ongoing")
    (True, True, False)
    >>> names_a_time("has arrived"), names_a_time("")
    (False, False)
    """
    return bool(_TIME_WORD.search(date_text or ""))


def _meeting_verbs() -> re.Pattern:
    """The verbs of meeting, arriving and receiving of the meeting lexicon, as one pattern."""
    lists = word_lists("meeting_lexicon.csv")
    words = sorted(sorted({*lists["meet_verb"], *lists["arrive_verb"], *lists["receive_verb"]}),
                   key=len, reverse=True)  # (ties in a fixed order: one pattern in every process)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


_MEETING_VERB = _meeting_verbs()


def says_met(quote: str) -> bool:
    """Whether a meeting's quote has a verb of meeting ('met', 'meets with', 'hosts',
    'arrived', 'welcomed'), not only a noun ("Bahbah's meetings with Hamas officials",
    "Witkoff's discussions with Dermer", "negotiations gained momentum in Cairo") or a
    journey ("traveled from Israel to Qatar", "leaves Egypt after talks").

    >>> says_met("Egypt hosts Hamas delegation"), says_met("Witkoff's discussions in Doha")
    (True, False)
    """
    return bool(_MEETING_VERB.search(quote or ""))


def _news_of_the_day(round_: _Round) -> list[dt.date]:
    """The days of a one-article round whose meetings are dated only by the news of the day
    (the report's day or the one before, no date words): that day when the meeting names people
    and a verb of meeting ("Hamas said Wednesday that its delegation met Rashad in Cairo",
    "Egypt hosts Hamas delegation", "Witkoff arrived in Israel"), or when the record has a
    round of talks at the place within a day of it ("indirect talks have resumed in Doha" in a
    report of 17 May 2025); else none ("the delegation in Cairo", "Witkoff's discussions with
    Dermer in Washington", "negotiations gained momentum in Cairo": the reporting rarely dates
    such talks, and a noun names talks of the past weeks as often as of the day)."""
    estimates = sorted(m.estimate for m in round_.members if m.estimate)
    if round_.participants and any(m.met for m in round_.members if m.estimate):
        return estimates
    return [day for day in estimates if known_round_near(round_.location, day)]


def _record(round_: _Round, table) -> dict:
    """A rounds-table row (without round_id) and its sort key."""
    days = sorted(m.date for m in round_.members if m.date)
    if len(round_.docs) == 1 and round_.location and not round_.participants and days and \
            not any(m.told for m in round_.members if m.date):
        # talks of nobody named dated by tense words only ("talks are ongoing in Cairo"):
        # the news of the day, as below
        days = [day for day in days if known_round_near(round_.location, day)]
    if not days and len(round_.docs) == 1 and round_.location:
        days = _news_of_the_day(round_)
    start, end = (days[0], days[-1]) if days else (None, None)
    participants = merge_by_surname(round_.participants, table)
    location = round_.location
    first_window = round_.window[0] if round_.window else dt.date.max
    return {
        "_key": (start or first_window, location, min(round_.docs)),
        "start_date": start.isoformat() if start else "",
        "end_date": end.isoformat() if end else "",
        "location": location,
        "participants": ";".join(participants),
        "n_reports": len(round_.docs),
        "doc_ids": ";".join(sorted(round_.docs)),
        "terms": format_terms([t for m in round_.members for t in m.terms]),
        "summary": _summary(round_, start, end, location, participants),
    }


def article_windows(documents_table: pd.DataFrame | None) -> dict[str, tuple]:
    """doc_id -> (first, last) day of the report-date window of each article that has one
    (documents.csv ``date_window_start``/``date_window_end``)."""
    if documents_table is None or "date_window_start" not in documents_table:
        return {}
    out = {}
    for row in documents_table.to_dict("records"):
        first, last = _day(row.get("date_window_start")), _day(row.get("date_window_end"))
        if first and last:
            out[str(row["doc_id"])] = (first, last)
    return out


def merge_rounds(meetings: pd.DataFrame, documents, results,
                 windows: dict[str, tuple] | None = None) -> pd.DataFrame:
    """Rounds (ROUND_COLUMNS) from the meetings table, the documents and per-doc results;
    `windows` (from :func:`article_windows`) places the meetings of undated articles."""
    if meetings is None or len(meetings) == 0:
        return schema.empty("rounds")
    return rounds_of(round_items(meetings, documents, results, windows))


def round_items(meetings: pd.DataFrame, documents, results,
                windows: dict[str, tuple] | None = None) -> list:
    """What :func:`merge_rounds` makes of each meetings row before merging them: a small
    object holding only what merging and the summary use (its days, place, people, status,
    quoted sentence and terms). Each row depends only on its own article, so a long run
    (analysis.batch.run) makes them slice by slice and keeps them, not the slices' tables;
    :func:`rounds_of` the items of every slice, in corpus order, is merge_rounds of all."""
    if meetings is None or len(meetings) == 0:
        return []
    return _items(meetings, documents, results, windows or {})


def _placeable(round_: _Round) -> bool:
    """Whether a round says where or who: one with neither a place nor named people ("talks
    are officially supposed to start only on Monday", "talks for the second phase had already
    begun") is no round of talks anyone could check or place (it merges with no other: see
    :func:`_fits`); its meeting stays in meetings.csv, the rounds table leaves it out."""
    return bool(round_.location or round_.participants)


def rounds_of(items: list) -> pd.DataFrame:
    """The rounds table of :func:`round_items` (of one corpus, in its order)."""
    if not items:
        return schema.empty("rounds")
    items = sorted(items, key=_order)
    table = load_actors()
    records = sorted((_record(r, table) for r in _cluster(items) if _placeable(r)),
                     key=lambda r: r["_key"])
    width = max(2, len(str(len(records))))
    for number, record in enumerate(records, start=1):
        record["round_id"] = f"R{number:0{width}d}"
        del record["_key"]
    return schema.conform(pd.DataFrame.from_records(records), "rounds")
