"""Report-date inference for undated articles (docs/dating.md has examples and figures).

The package: :mod:`.base` (candidate days, types, constants) -> :mod:`.tolls`,
:mod:`.hostages`, :mod:`.spans`, :mod:`.mentions`, :mod:`.rounds` (signals -> constraints)
-> :mod:`.evidence` (one article's constraints) -> :mod:`.score` and :mod:`.decide` (best day,
window, abstention) -> this module (the documents table, the stored inference).

For every document with ``date_source == "none"``, each signal the text gives becomes a
constraint over candidate days (7 Oct 2023 to the end of the official series, plus a margin):
a mask of allowed days with a weight, and optionally a preference within them. The war's
timeline (``analysis/rules/data/timeline.csv``, :mod:`analysis.rules.timeline`) supplies the
dated events, holidays, office tenures and hostage-count periods;
``data/reference/negotiation_rounds.csv`` the rounds of talks.

==================  ===================================================================  ======
signal              allowed report dates                                                 weight
==================  ===================================================================  ======
Gaza toll           days whose official bulletin (published up to a week before) agrees  3
                    under the qualifier (:func:`.tolls.toll_constraint`)
dateline            "TEL AVIV, July 28.": that day or the next                           3
duration            "100 days into the war", "now in its fifth month"                    2
dated mention       a date with its year: on/after it (past), on/before it (coming)      2
event               a timeline event: past -> on/after it; recent ("following") ->       1.5
                    within 30 days; next to a weekday -> within 8; "two weeks after" ->
                    about then; coming ("ahead of") -> before it
office holder       "CIA director John Ratcliffe": within the tenure                     1.5
round of talks      a meeting matching compiled rounds (venue, people): after a held     <=1.5
                    one, before a planned one; /sqrt(k) for k candidate rounds
year-less date      "July 28": after an occurrence, the year from the other evidence     1
hostages held       a count that stood for a known period, else between compiled         1
                    reports above and below it
holiday             around an occurrence ("ahead of Ramadan": before it)                 1
weekdays, recency   soft preferences only                                                0.6,0.4
==================  ===================================================================  ======

The point estimate is the day with the highest total score (ties: the middle of the tied
days). The window is the run of days around it that satisfy every signal it satisfies,
widened over the days that only miss a weak round match and towards a strong signal it
misses by less than :data:`DISAGREE_WIDEN_DAYS`. An article stays undated when distant days
fit the evidence equally well (no window then), when its window is wider than
:data:`MAX_WINDOW_DAYS`, when only the soft preferences pick its day among more than
:data:`MAX_PLATEAU_DAYS` equally supported ones some of which lie more than a month from it
(round 7: within a month either side it is dated), when its window reaches more than
:data:`MAX_REACH_DAYS` from the best day (calibrated abstention: the window is kept), or when
it has no usable signal; the reason is written to ``date_evidence``. ``date_confidence``
sums the window up.

Articles dated by a header or metadata keep their date; their window is that day (so every
dated row has a window) and their evidence names the source.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.assemble import reference
from analysis.assemble.dating.base import (  # noqa: F401
    MAX_WINDOW_DAYS,
    WAR_START,
    Constraint,
    Inference,
    _index,
    _mask_range,
    calendar_days,
)
from analysis.assemble.dating.decide import (  # noqa: F401
    MAX_REACH_DAYS,
    WEAK_ROUND_STRENGTH,
    WINDOW_MARGIN_DAYS,
    _decide,
    _only_rounds_narrow,
    _pulled_from_afar,
    _reach,
    consistent,
    infer_date,
)
from analysis.assemble.dating.evidence import (  # noqa: F401
    figure_constraints,
    mention_constraints,
)
from analysis.assemble.dating.hostages import (  # noqa: F401
    EARLY_COUNT,
    hostage_constraint,
    not_a_current_count,
    released_constraint,
)
from analysis.assemble.dating.mentions import (  # noqa: F401
    absolute_constraint,
    event_constraint,
    office_constraint,
    yearless_constraint,
)
from analysis.assemble.dating.rounds import (  # noqa: F401
    round_constraints,
)
from analysis.assemble.dating.score import (  # noqa: F401
    _combine,
)
from analysis.assemble.dating.spans import (  # noqa: F401
    _ahead,
    duration_constraint,
    fresh_constraint,
    recency_constraint,
)
from analysis.assemble.dating.tolls import (  # noqa: F401
    is_milestone,
    not_a_toll,
    rounding_step,
    since_date,
    since_truce,
    toll_constraints,
    toll_weekday,
)
from analysis.rules import dates, timeline

# date_confidence of an inferred date by the width of its window (days): the charts draw
# the window; the word sums it up. Header and metadata dates are "given".
CONFIDENCE_WIDTHS = tuple((width + 2 * WINDOW_MARGIN_DAYS, word) for width, word in
                          ((7, "high"), (21, "medium"), (MAX_WINDOW_DAYS, "low")))
DATE_COLUMNS = ("report_date", "date_source", "date_window_start", "date_window_end",
                "date_evidence", "date_confidence")


def confidence(window: tuple[dt.date, dt.date] | None, inferred: bool) -> str:
    """ "high" (a window of a week or less), "medium" (three weeks), "low"; "" when the
    article stays undated.

    >>> confidence((dt.date(2024, 1, 1), dt.date(2024, 1, 5)), True)
    'high'
    """
    if not inferred or window is None:
        return ""
    width = (window[1] - window[0]).days + 1
    return next((word for limit, word in CONFIDENCE_WIDTHS if width <= limit), "low")


@lru_cache(maxsize=1)
def inference_stamp() -> str:
    """What an inference depends on besides the article's own result: this package's and
    analysis.assemble.reference's code (the cache's pipeline version leaves them out), the
    timeline (its hostage-count periods are read here), the reference series and rounds, and
    the calendar's last day. Stored with the inference in the
    per-document result, so a cached re-run reuses it (analysis.batch.run saves results after this
    step) and any change to these makes it run again."""
    digest = hashlib.sha256(str(calendar_days()[0][-1]).encode())
    package = sorted(Path(__file__).parent.glob("*.py"))
    for path in package + [Path(reference.__file__), Path(timeline.TIMELINE)] + \
            sorted(reference.REFERENCE_DIR.glob("*.csv")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _inference_of(document, result: dict) -> Inference:
    """The article's inference, reused from its result when stored with the same stamp."""
    stored = result.get("date_inference")
    if isinstance(stored, dict) and stored.get("stamp") == inference_stamp():
        window = stored.get("window")
        return Inference(dt.date.fromisoformat(stored["report_date"])
                         if stored.get("report_date") else None,
                         tuple(dt.date.fromisoformat(d) for d in window) if window else None,
                         stored.get("evidence", ""))
    mentions = result.get("date_mentions")
    if not mentions:
        mentions = dates.date_signals(document.text)
    inference = infer_date(mentions, result.get("figures") or [], result.get("meetings") or [])
    if isinstance(result, dict) and result:
        result["date_inference"] = {
            "stamp": inference_stamp(), "evidence": inference.evidence,
            "report_date": inference.report_date.isoformat() if inference.report_date else "",
            "window": [d.isoformat() for d in inference.window] if inference.window else []}
    return inference


def infer_report_dates(table: pd.DataFrame, documents, results):
    """Return (documents table, documents) with inferred dates filled in where possible.

    Documents with date_source "none" get report_date, date_source="inferred",
    date_window_start/end, date_confidence and date_evidence when the evidence allows (see
    the module doc); otherwise they stay undated with the reason in date_evidence. Header
    and metadata dates are kept, with a one-day window and date_confidence "given".
    """
    table = table.copy()
    for column in DATE_COLUMNS[2:]:
        if column not in table.columns:
            table[column] = ""
        table[column] = table[column].astype(object)
    rows = {doc_id: i for i, doc_id in enumerate(table["doc_id"])}
    # collect the cell updates and write each column once (cell-wise .loc is slow)
    columns = {c: table[c].tolist() for c in DATE_COLUMNS if c in table.columns}
    out = []
    for document in documents:
        row = rows.get(document.doc_id)
        if document.date_source != "none" and document.report_date is not None:
            if row is not None:
                _given_date(columns, row, document)
            out.append(document)
            continue
        inference = _inference_of(document, (results or {}).get(document.doc_id, {}) or {})
        if row is not None:
            _write_inference(columns, row, inference)
        if inference.report_date is not None:
            document = dataclasses.replace(document, report_date=inference.report_date,
                                           date_source="inferred")
        out.append(document)
    for column, values in columns.items():
        dtype = table[column].dtype if column in ("report_date", "date_source") else object
        table[column] = pd.Series(values, index=table.index, dtype=dtype)
    return table, out


def _given_date(columns: dict, row: int, document) -> None:
    columns["date_window_start"][row] = document.report_date.isoformat()
    columns["date_window_end"][row] = document.report_date.isoformat()
    columns["date_confidence"][row] = "given"
    evidence = columns["date_evidence"][row]
    if evidence is None or pd.isna(evidence) or not str(evidence).strip():
        columns["date_evidence"][row] = f"{document.date_source} date"


def _write_inference(columns: dict, row: int, inference: Inference) -> None:
    columns["date_evidence"][row] = inference.evidence
    if inference.window:
        columns["date_window_start"][row] = inference.window[0].isoformat()
        columns["date_window_end"][row] = inference.window[1].isoformat()
    columns["date_confidence"][row] = confidence(inference.window,
                                                 inference.report_date is not None)
    if inference.report_date is not None:
        columns["report_date"][row] = inference.report_date.isoformat()
        columns["date_source"][row] = "inferred"
