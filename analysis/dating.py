"""Report-date inference for undated articles.

For every document with ``date_source == "none"``, each signal the text gives becomes a
constraint over candidate days (7 Oct 2023 to the end of the official series, plus a margin):

==================  ===================================================================  ======
signal              allowed report dates                                                 weight
==================  ===================================================================  ======
Gaza toll           days whose official bulletin, published 3 days before to 1 day        3
(killed/injured)    after the article (reporting lag), agrees with the figure under its
                    qualifier: a non-round figure ("at least 26,422") must equal a
                    bulletin within 0.1%; a round one ("more than 15,000") only bounds
                    it (:data:`ROUND_TOLERANCES`)
"N-month war",      N units after 7 Oct, from half a unit before to one unit after        2
"seven weeks"       (qualifiers shift it: "nearly" = the unit before)
absolute date with  on or after the latest past date mentioned (before a planned one)     2
a year / after the
others fix the year
hostages held/dead  within 30 days of a compiled report of the same count (±3%)           1
"since Oct. 7"      after the war began                                                   1
weekdays            soft: a past weekday is most often the report day or the day before;  0.6
                    a planned one lies ahead
==================  ===================================================================  ======

The point estimate is the day with the highest total score (ties: the middle of the tied
days). The window is the run of days, around the point, that satisfies every constraint the
point satisfies: every date in it is as consistent with the evidence as the point itself, so
it is honest about what the text cannot tell apart. An article whose window stays wider than
:data:`MAX_WINDOW_DAYS` (or that has no usable signal) stays undated; its window, when there is
one, and the reason are still written to ``date_window_*`` and ``date_evidence``.

Articles dated by a header or metadata keep their date; their window is that day (so every
dated row has a window) and their evidence names the source.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis import dates, reference

WAR_START = dates.WAR_START
MAX_WINDOW_DAYS = 62          # wider than this and we do not claim a report date
LAG_BEFORE, LAG_AFTER = 3, 1  # article published 3 days after .. 1 day before the bulletin
EXACT_MATCH_PCT = 0.1         # a non-round figure matches a bulletin within this

# Round figures ("more than 15,000") as allowed ranges of the official value, in percent of
# the figure: (lowest, highest). Sources ahead of the series (e.g. the Government Media
# Office during the Nov 2023 truce) make the lower side generous.
ROUND_TOLERANCES = {
    "lower_bound": (-5.0, 12.0),
    "exact": (-4.0, 4.0),
    "approx": (-6.0, 6.0),
    "upper_bound": (-10.0, 1.0),
}
WEIGHTS = {"toll": 3.0, "duration": 2.0, "absolute": 2.0, "hostages": 1.0, "since_war": 1.0,
           "weekday": 0.6}
# Soft preference for the gap (days) between a past weekday mention and the report date.
PAST_WEEKDAY_GAP = {0: 1.0, 1: 0.85, 2: 0.45, 3: 0.3, 4: 0.2, 5: 0.1, 6: 0.05}
FUTURE_WEEKDAY_GAP = {0: 0.5, 1: 1.0, 2: 0.85, 3: 0.7, 4: 0.55, 5: 0.45, 6: 0.35}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
TOLL_METRICS = {("killed", "palestinian"), ("injured", "palestinian")}


@dataclass
class Constraint:
    kind: str
    label: str
    allowed: np.ndarray
    prefer: np.ndarray | None = None

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]


@dataclass
class Inference:
    """The outcome for one document."""

    report_date: dt.date | None
    window: tuple[dt.date, dt.date] | None
    evidence: str
    constraints: list[Constraint] = field(default_factory=list)


# --- the calendar -----------------------------------------------------------------------------

def _calendar() -> tuple[list[dt.date], dict[str, np.ndarray]]:
    gaza = reference.load_gaza_daily()
    last = max(gaza["date"].max(), dt.date.today()) + dt.timedelta(days=30)
    days = [WAR_START + dt.timedelta(days=i) for i in range((last - WAR_START).days + 1)]
    series = {}
    frame = gaza.set_index("date")
    for metric in ("killed", "injured"):
        reported = pd.to_numeric(frame[f"{metric}_cum"], errors="coerce").astype(float)
        reported = reported.reindex(days)
        series[metric] = reported.to_numpy()
    return days, series


_CAL: tuple | None = None


def calendar_days():
    global _CAL
    if _CAL is None:
        _CAL = _calendar()
    return _CAL


def _index(days: list[dt.date], day: dt.date) -> int:
    return (day - days[0]).days


def _mask_range(n: int, start: int, end: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[max(0, start):max(0, min(n, end + 1))] = True
    return mask


# --- signals -> constraints -------------------------------------------------------------------

def is_round(value: int) -> bool:
    """Figures ending in two zeros read as rounded ("15,000", "72,500").

    >>> is_round(15000), is_round(26422)
    (True, False)
    """
    return value >= 100 and value % 100 == 0


def toll_constraint(figure: dict) -> Constraint | None:
    """The days on which a cumulative Gaza toll could have been reported."""
    days, series = calendar_days()
    metric, qualifier = figure.get("metric"), figure.get("qualifier") or "exact"
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    if pd.isna(value) or value <= 0:
        return None
    official = series[metric]
    known = ~np.isnan(official)
    if is_round(int(value)):
        low, high = ROUND_TOLERANCES.get(qualifier, ROUND_TOLERANCES["exact"])
        ok = known & (official >= value * (1 + low / 100)) & (official <= value * (1 + high / 100))
        equal = known & (official == value)
        if equal.any():   # a bulletin with exactly this number: most likely the one quoted
            ideal = equal
        elif qualifier == "lower_bound":   # "more than 15,000": soon after it was passed
            ideal = ok & (official >= value) & (official <= value * 1.05)
        elif qualifier == "upper_bound":   # "nearly 31,000": shortly before
            ideal = ok & (official <= value) & (official >= value * 0.97)
        else:
            ideal = ok & (np.abs(official - value) <= value * 0.02)
        how = f"official {metric} within {low:+g}%..{high:+g}% of it"
    else:
        ok = known & (np.abs(official - value) <= value * EXACT_MATCH_PCT / 100)
        ideal = equal = known & (official == value)
        how = f"bulletin{'s' if ok.sum() > 1 else ''} equal to it"
    if not ok.any():
        return Constraint("toll", f"{metric} {int(value):,} ({qualifier}): no official bulletin "
                          "matches", np.zeros(len(days), dtype=bool))
    n = len(days)
    allowed = np.zeros(n, dtype=bool)
    prefer = np.zeros(n)
    lag_pref = {0: 1.0, 1: 0.8, 2: 0.4, 3: 0.25, -1: 0.3}
    for i in np.flatnonzero(ok):
        for lag in range(-LAG_AFTER, LAG_BEFORE + 1):
            j = i + lag
            if 0 <= j < n:
                allowed[j] = True
                # an exactly equal bulletin is strong; "soon after passing a round number"
                # only mildly beats other matching days (a weekday outweighs it)
                weight = lag_pref[lag] * (1.0 if equal[i] else 0.45 if ideal[i] else 0.3)
                prefer[j] = max(prefer[j], weight)
    matched = np.flatnonzero(ok)
    label = (f"{metric} '{figure.get('quote') or f'{int(value):,}'}' ({qualifier}): {how} "
             f"{days[matched[0]]}..{days[matched[-1]]}")
    return Constraint("toll", label, allowed, prefer)


# Hostage counts: figure metric -> compiled metrics (israel_hostage_figures_reported.csv).
HOSTAGE_METRICS = {"hostages_held": ["hostages_held", "hostages_remaining"],
                   "hostages_dead": ["hostages_remaining_dead"]}
HOSTAGE_MATCH = (0.03, 3)   # within 3% or 3 people of a compiled value...
HOSTAGE_DAYS = 30           # ...reported within 30 days either side


def hostage_constraint(figure: dict) -> Constraint | None:
    """A weak signal: hostages still held / dead, near a compiled report of the same count.
    The compiled series is sparse and counts on different bases, hence the wide margins."""
    days, _ = calendar_days()
    metrics = HOSTAGE_METRICS.get(figure.get("metric"))
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    if not metrics or figure.get("population") not in ("israeli", None, "") or pd.isna(value):
        return None
    margin = max(HOSTAGE_MATCH[0] * value, HOSTAGE_MATCH[1])
    near = [(day, count) for day, count, _ in reference.compiled_points(tuple(metrics))
            if abs(count - value) <= margin]
    n = len(days)
    allowed = np.zeros(n, dtype=bool)
    for day, _ in near:
        i = _index(days, day)
        allowed |= _mask_range(n, i - HOSTAGE_DAYS, i + HOSTAGE_DAYS)
    if not allowed.any():
        return None
    label = (f"{figure['metric']} {int(value)}: compiled reports of "
             f"{', '.join(sorted({str(count) for _, count in near}))} on "
             f"{min(d for d, _ in near)}..{max(d for d, _ in near)} (±{HOSTAGE_DAYS} days)")
    return Constraint("hostages", label, allowed)


def duration_constraint(mention: dict) -> Constraint | None:
    """ "seven-month war", "seven weeks": N units after 7 October 2023."""
    days, _ = calendar_days()
    unit = UNIT_DAYS.get(mention.get("unit") or "day")
    amount = mention.get("amount")
    if not amount or unit is None:
        return None
    qualifier = mention.get("qualifier") or "exact"
    if unit == 1:  # "day 100 of the war", "100 days": a day or two either side
        lo, hi = amount - 2, amount + 2
        if qualifier == "upper_bound":
            lo, hi = amount - 10, amount
        elif qualifier == "lower_bound":
            lo, hi = amount, amount + 10
    elif qualifier == "upper_bound":   # nearly seven months: the seventh month
        lo, hi = (amount - 1) * unit, amount * unit + 2
    elif qualifier == "lower_bound":   # more than seven months
        lo, hi = amount * unit, (amount + 1.5) * unit
    else:                              # seven months: half a unit before to one unit after
        lo, hi = (amount - 0.5) * unit, (amount + 1) * unit
    allowed = _mask_range(len(days), int(np.floor(lo)), int(np.ceil(hi)))
    start, end = WAR_START + dt.timedelta(days=int(np.floor(lo))), \
        WAR_START + dt.timedelta(days=int(np.ceil(hi)))
    return Constraint("duration", f"'{mention['text']}' since 7 Oct: {start}..{end}", allowed)


def absolute_constraint(mention: dict, year_hint: dt.date | None) -> Constraint | None:
    """A dated event: past -> the report is on/after it; planned -> on/before it. Year-less
    dates need `year_hint` (the latest date the other signals allow)."""
    days, _ = calendar_days()
    text = mention["text"]
    tense = mention.get("tense")
    resolved = dates.resolve(text, None)
    if resolved.date is None and year_hint is not None:
        resolved = dates.resolve(text, year_hint, "future" if tense == "future" else "past")
    if resolved.date is None or resolved.date < WAR_START - dt.timedelta(days=1):
        return None
    if (resolved.date.month, resolved.date.day) == (10, 7) and \
            not re.search(r"\b20\d\d\b", text):
        return None  # a year-less "Oct. 7" is the attack, not an anniversary
    n = len(days)
    if tense == "future":
        idx = _index(days, resolved.end)
        return Constraint("absolute", f"'{text}' planned: on/before {resolved.end}",
                          _mask_range(n, 0, idx))
    idx = _index(days, resolved.date)
    if idx <= 0:
        return None  # 7 October itself says nothing beyond "since the war"
    return Constraint("absolute", f"'{text}' mentioned as past: on/after {resolved.date}",
                      _mask_range(n, idx, n))


def weekday_constraint(mentions: list[dict]) -> Constraint | None:
    days, _ = calendar_days()
    weekday_mentions = [m for m in mentions if m.get("weekday") is not None
                        and m["kind"] in ("weekday", "overnight")]
    if not weekday_mentions:
        return None
    day_of_week = np.array([d.weekday() for d in days])
    prefer = np.zeros(len(days))
    names = []
    for mention in weekday_mentions:
        w = mention["weekday"]
        low = mention["text"].lower()
        if mention.get("tense") == "future" or re.search(r"\b(next|coming)\b", low):
            gaps = (w - day_of_week) % 7
            prefer += np.vectorize(FUTURE_WEEKDAY_GAP.get)(gaps)
        elif re.search(r"\blast\b", low):
            gaps = (day_of_week - w) % 7
            prefer += np.vectorize(lambda g: PAST_WEEKDAY_GAP.get((g - 7) % 7 if g else 6))(gaps)
        else:
            gaps = (day_of_week - w) % 7
            prefer += np.vectorize(PAST_WEEKDAY_GAP.get)(gaps)
        names.append(f"{mention['text']} ({mention.get('tense') or 'past'})")
    prefer /= len(weekday_mentions)
    best = days[int(np.argmax(prefer[:7]))].strftime("%A")
    label = f"weekdays {', '.join(dict.fromkeys(names))}: {best} most likely"
    return Constraint("weekday", label, np.ones(len(days), dtype=bool), prefer)


# --- combining --------------------------------------------------------------------------------

def _score(constraints: list[Constraint], n: int) -> np.ndarray:
    score = np.zeros(n)
    for c in constraints:
        if c.kind == "weekday":
            score += c.weight * c.prefer
        else:
            score += c.weight * c.allowed
            if c.prefer is not None:
                score += c.prefer
    return score


def _combine(constraints: list[Constraint]):
    days, _ = calendar_days()
    n = len(days)
    score = _score(constraints, n)
    best = score.max()
    tied = np.flatnonzero(np.isclose(score, best))
    point = tied[len(tied) // 2]  # the middle of the tied days
    hard = [c for c in constraints if c.kind != "weekday" and c.allowed[point]]
    window = np.ones(n, dtype=bool)
    for c in hard:
        window &= c.allowed
    lo = hi = point
    while lo > 0 and window[lo - 1]:
        lo -= 1
    while hi < n - 1 and window[hi + 1]:
        hi += 1
    unmet = [c for c in constraints if c.kind != "weekday" and not c.allowed[point]]
    return point, (lo, hi), hard, unmet


def infer_date(mentions: list[dict], figures: list[dict]) -> Inference:
    """Infer a report date from one article's date mentions and extracted figures."""
    days, _ = calendar_days()
    constraints: list[Constraint] = []
    for figure in figures or []:
        key = (figure.get("metric"), figure.get("population"))
        scope = figure.get("scope")
        if key in TOLL_METRICS and (scope in (None, "", "cumulative") or pd.isna(scope)):
            c = toll_constraint(figure)
            if c is not None:
                constraints.append(c)
        elif figure.get("metric") in HOSTAGE_METRICS and scope != "event":
            c = hostage_constraint(figure)
            if c is not None:
                constraints.append(c)
    for mention in mentions or []:
        if mention.get("kind") == "duration":
            c = duration_constraint(mention)
            if c is not None:
                constraints.append(c)
    if any(m.get("kind") == "since_war" for m in mentions or []):
        constraints.append(Constraint("since_war", "'since Oct. 7': after the war began",
                                      np.ones(len(days), dtype=bool)))
    dated = [m for m in mentions or [] if m.get("kind") in
             ("iso", "month_day", "day_month", "month_year", "part_month", "bare_month")]
    with_year = [m for m in dated if dates.resolve(m["text"], None).date is not None]
    for mention in with_year:
        c = absolute_constraint(mention, None)
        if c is not None:
            constraints.append(c)
    strong = [c for c in constraints if c.kind in ("toll", "duration", "absolute", "hostages")
              and c.allowed.any()]
    if strong:  # year-less dates: resolve against the latest day the other signals allow
        point, (lo, hi), _, _ = _combine(strong)
        for mention in dated:
            if mention in with_year or mention.get("kind") == "bare_month":
                continue
            c = absolute_constraint(mention, days[hi])
            if c is not None:
                constraints.append(c)
    weekday = weekday_constraint(mentions or [])
    if weekday is not None:
        constraints.append(weekday)
    informative = [c for c in constraints if c.kind in ("toll", "duration", "absolute",
                                                        "hostages") and c.allowed.any()]
    if not informative:
        found = "; ".join(c.label for c in constraints) or "no date mentions or tolls"
        return Inference(None, None, f"undated: no usable signal ({found})", constraints)
    point, (lo, hi), used, unmet = _combine(constraints)
    window = (days[lo], days[hi])
    parts = [c.label for c in used if c.kind != "since_war"]
    if weekday is not None:
        parts.append(weekday.label)
    if unmet:
        parts.append("not satisfied: " + "; ".join(c.label for c in unmet))
    evidence = "; ".join(parts)
    if hi - lo + 1 > MAX_WINDOW_DAYS:
        return Inference(None, window, f"undated: evidence only narrows it to {window[0]}.."
                         f"{window[1]} ({hi - lo + 1} days): {evidence}", constraints)
    return Inference(days[point], window, evidence, constraints)


def infer_report_dates(table: pd.DataFrame, documents, results):
    """Return (documents table, documents) with inferred dates filled in where possible.

    Documents with date_source "none" get report_date, date_source="inferred",
    date_window_start/end and date_evidence when the evidence allows (see the module doc);
    otherwise they stay undated with the reason in date_evidence. Header and metadata dates
    are kept, with a one-day window.
    """
    table = table.copy()
    for column in ("date_window_start", "date_window_end", "date_evidence"):
        if column not in table.columns:
            table[column] = ""
        table[column] = table[column].astype(object)
    rows = {doc_id: i for i, doc_id in zip(table.index, table["doc_id"])}
    out = []
    for document in documents:
        row = rows.get(document.doc_id)
        if document.date_source != "none" and document.report_date is not None:
            if row is not None:
                table.loc[row, "date_window_start"] = document.report_date.isoformat()
                table.loc[row, "date_window_end"] = document.report_date.isoformat()
                if not str(table.loc[row, "date_evidence"] or "").strip() or \
                        pd.isna(table.loc[row, "date_evidence"]):
                    table.loc[row, "date_evidence"] = f"{document.date_source} date"
            out.append(document)
            continue
        result = (results or {}).get(document.doc_id, {}) or {}
        mentions = result.get("date_mentions")
        if not mentions:
            mentions = dates.date_signals(document.text)
        inference = infer_date(mentions, result.get("figures") or [])
        if row is not None:
            table.loc[row, "date_evidence"] = inference.evidence
            if inference.window:
                table.loc[row, "date_window_start"] = inference.window[0].isoformat()
                table.loc[row, "date_window_end"] = inference.window[1].isoformat()
            if inference.report_date is not None:
                table.loc[row, "report_date"] = inference.report_date.isoformat()
                table.loc[row, "date_source"] = "inferred"
        if inference.report_date is not None:
            document = dataclasses.replace(document, report_date=inference.report_date,
                                           date_source="inferred")
        out.append(document)
    return table, out
