"""Merge meetings across articles into negotiation rounds.

Two meetings from different articles are one round when

- their days agree within a day; a meeting without a day stands for a window: a planned one
  ("in the coming days") for the two weeks after its report date, a held one for the two weeks
  before it;
- their places agree, or one contains the other (Paris is in Europe, Doha in Qatar; see
  ``analysis/data/places.csv``), or one has no place;
- they share participants (two, or all of the smaller list); meetings without named
  participants merge only on the same day and place.

So "Burns will meet ... in Europe in the coming days" (a report of 2024-01-25) and "spoke this
Sunday in Paris" (2024-01-28) with the same people are one round. An article never contributes
two meetings to one round. Rounds are numbered R01, R02, ... in date order (ties: place, first
doc_id), so the ids are the same on every run.

``terms`` is structured text of what the articles say was on the table, e.g.
``truce_days=30,60; phases=2; hostages=all`` (values from analysis/components/meeting_finder);
``summary`` is a short text: when, where, who, and one sentence from each report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from analysis import tables
from analysis.actors import load_actors, merge_by_surname
from analysis.meetings import document_meetings, load_gazetteer

PLANNED_WINDOW = dt.timedelta(days=14)
HELD_WINDOW = dt.timedelta(days=14)
TOLERANCE = dt.timedelta(days=1)
WIDE_WINDOW_DAYS = 3
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


@dataclass
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
    gazetteer = load_gazetteer()
    if meeting.doc_id in round_.docs:
        return False
    if not gazetteer.compatible(round_.location, meeting.location):
        return False
    if not _overlap(round_.window, meeting.window):
        return False
    mine, theirs = set(round_.participants), set(meeting.participants)
    if mine and theirs:
        shared = len(mine & theirs)
        return shared >= min(2, len(mine), len(theirs))
    # nobody named on one side: only the same day and place will do
    days = round_.days
    return bool(meeting.date and days and meeting.location and round_.location
                and abs((meeting.date - days[0]).days) <= 1)


def _span(date_text, report: dt.date | None, status) -> tuple[dt.date, dt.date] | None:
    """The week or month a date expression without a day stands for ("in December" in a
    report of 29 January 2024 is 2023-12-01 to 2023-12-31), via analysis.dates.resolve."""
    if report is None or not isinstance(date_text, str) or not date_text.strip():
        return None
    try:
        from analysis.dates import resolve
        resolved = resolve(date_text, report, "future" if status == "planned" else "past")
    except Exception:  # the resolver is another module's; no window rather than a crash
        return None
    if resolved.date is None or resolved.precision not in ("week", "month"):
        return None
    return resolved.date, resolved.end or resolved.date


def _assign_terms(document, result) -> dict[int, tuple[str, list[dict]]]:
    """start_char of each meeting row -> (its first sentence, the terms nearest to it)."""
    pairs = document_meetings(document, result)
    out = {row["start_char"]: (cluster.first.get("sentence", ""), []) for row, cluster in pairs}
    if not pairs:
        return out
    for term in result.get("terms") or []:
        position = term.get("sentence_start", term.get("start_char", 0))

        def distance(pair, position=position):
            return min(abs(position - start) for start, _ in pair[1].spans)
        row, _ = min(pairs, key=distance)
        out[row["start_char"]][1].append(term)
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
    head = f"{status.capitalize()} {when}, {location or 'place unknown'}"
    if participants:
        head += ": " + ", ".join(participants)
    quotes = []
    for member in sorted(round_.members, key=lambda m: (m.doc_id, m.start_char)):
        sentence = " ".join(member.sentence.split())
        if len(sentence) > SUMMARY_SENTENCE_CHARS:
            sentence = sentence[:SUMMARY_SENTENCE_CHARS - 3].rstrip() + "..."
        if sentence:
            quotes.append(f"[{member.doc_id}] {sentence}")
    return head + ". " + " ".join(quotes) if quotes else head + "."


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
            pool = open_rounds
        else:
            pool = rounds  # no date at all: may belong to any round
        candidates = [r for r in pool if _fits(r, item)]
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


def merge_rounds(meetings: pd.DataFrame, documents, results) -> pd.DataFrame:
    """Rounds (ROUND_COLUMNS) from the meetings table, the documents and per-doc results."""
    if meetings is None or len(meetings) == 0:
        return tables.empty("rounds")
    by_id = {d.doc_id: d for d in documents}
    extras: dict[str, dict] = {}
    items: list[_Meeting] = []
    for row in meetings.to_dict("records"):
        doc_id = str(row["doc_id"])
        document = by_id.get(doc_id)
        report = document.report_date if document else _day(row.get("report_date"))
        if doc_id not in extras and document is not None and results.get(doc_id):
            extras[doc_id] = _assign_terms(document, results[doc_id])
        start_char = int(row["start_char"]) if not pd.isna(row["start_char"]) else -1
        sentence, terms = extras.get(doc_id, {}).get(start_char, ("", []))
        day = _day(row.get("date"))
        span = _span(row.get("date_text"), report, row.get("status"))
        if day:
            window = (day, day)
        elif span is not None:
            window = span  # "in December", "last week": that month or week
        elif report is None:
            window = None
        elif row.get("status") == "planned":
            window = (report, report + PLANNED_WINDOW)
        else:
            window = (report - HELD_WINDOW, report)
        items.append(_Meeting(doc_id, day, window, str(row.get("location") or ""),
                              _people(row.get("participants")), str(row.get("status") or ""),
                              start_char, sentence or str(row.get("quote") or ""), terms))
    items.sort(key=_order)
    rounds = _cluster(items)
    table = load_actors()
    records = []
    for round_ in rounds:
        days = sorted(m.date for m in round_.members if m.date)
        start, end = (days[0], days[-1]) if days else (None, None)
        participants = merge_by_surname(round_.participants, table)
        location = round_.location
        terms = [t for m in round_.members for t in m.terms]
        first_window = round_.window[0] if round_.window else dt.date.max
        records.append({
            "_key": (start or first_window, location, min(round_.docs)),
            "start_date": start.isoformat() if start else "",
            "end_date": end.isoformat() if end else "",
            "location": location,
            "participants": ";".join(participants),
            "n_reports": len(round_.docs),
            "doc_ids": ";".join(sorted(round_.docs)),
            "terms": format_terms(terms),
            "summary": _summary(round_, start, end, location, participants),
        })
    records.sort(key=lambda r: r["_key"])
    width = max(2, len(str(len(records))))
    for number, record in enumerate(records, start=1):
        record["round_id"] = f"R{number:0{width}d}"
        del record["_key"]
    return tables.conform(pd.DataFrame.from_records(records), "rounds")
