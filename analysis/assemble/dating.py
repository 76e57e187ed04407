"""Report-date inference for undated articles (docs/dating.md has examples and figures).

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
                    under the qualifier (:func:`toll_constraint`)
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
:data:`MAX_PLATEAU_DAYS` equally supported ones, when its window reaches more than
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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.assemble import reference
from analysis.paths import LEXICON_DIR
from analysis.rules import dates, timeline
from analysis.rules.lexicon import MONTH_NAMES

WAR_START = dates.WAR_START
MAX_WINDOW_DAYS = 62          # wider than this and we do not claim a report date
MAX_PLATEAU_DAYS = 31         # nor when more days than this fit the hard evidence equally well
# nor when days this close to the best score lie farther apart than MAX_WINDOW_DAYS
AMBIGUOUS_MARGIN = 0.2
# Days whose score is within this of the best tie (their middle is the estimate): the decay
# of a preference anchored months away (a date of last year) is no reason to pick the first
# of several equally supported weeks.
TIE_MARGIN = 0.02
LAG_BEFORE, LAG_AFTER = 7, 1  # article published up to 7 days after .. 1 day before a bulletin
EXACT_MATCH_PCT = 0.1         # a non-round figure matches a bulletin within this
# How likely an article quotes a bulletin `lag` days old (negative: a day before the series
# has it, e.g. an evening bulletin dated the next day). Most quote the day's or the previous
# day's figure; analyses and features quote week-old ones (stale quotes), so those days stay
# allowed (the window covers them) but barely preferred.
LAG_PREF = {-1: 0.3, 0: 1.0, 1: 0.8, 2: 0.4, 3: 0.25, 4: 0.12, 5: 0.08, 6: 0.05, 7: 0.03}
# A non-round figure falling inside a gap of the reported series (no killed_cum that day)
# matches the gap days, with this weight relative to an equal bulletin.
GAP_MATCH_PREF = 0.6
# Signals that may be wrong (a round the compiled table lacks, a count on another basis, an
# event named loosely): the window also holds the days that only miss such signals, up to
# this much weight, so that two signals meeting on one day do not make a one-day window.
FALLIBLE_KINDS = ("round",)
WINDOW_SLACK = 1.05
# Signals that disagree with the point estimate widen the window to their nearest allowed
# day when it lies within this many days (a stale or early quote, a misread duration); a
# signal farther away is reported in the evidence but does not widen the window.
DISAGREE_WIDEN_DAYS = 21
# A non-round toll no bulletin has (another source's count) matches the days around the one
# on which the series passed it, for tolls this large (smaller ones are often event counts).
OTHER_SOURCE_MIN, OTHER_SOURCE_DAYS = 10_000, 2
# After the official series ends, a later bulletin may have any count above the last one, up
# to the last month's daily increase times this factor (at least AFTER_END_MIN_RATE a day).
AFTER_END_RATE_FACTOR, AFTER_END_MIN_RATE = 3.0, 50.0
# A past date mentioned in the article: the report most likely follows it within a week;
# the preference halves every RECENCY_HALF_LIFE days after that.
RECENCY_FLAT_DAYS, RECENCY_HALF_LIFE = 1, 14

# "nearly 65,000", "nearing its 22nd month": the days closest to it are preferred by up to
# this factor (toll preference) or this much (duration).
NEARLY_PREFER = 0.5
# "more than 64,000": the days soon after the count passed it are preferred by up to this
# factor (the count grows; writers update a round figure when it is passed).
PASSED_PREFER = 0.5
# Round figures ("more than 15,000") as allowed ranges of the official value, in percent of
# the figure: (lowest, highest). Sources ahead of the series (e.g. the Government Media
# Office during the Nov 2023 truce) make the lower side generous.
ROUND_TOLERANCES = {
    "lower_bound": (-5.0, 12.0),
    "exact": (-4.0, 4.0),
    "approx": (-6.0, 6.0),
    "upper_bound": (-10.0, 1.0),
}
# A round figure says how precisely its writer knew the count: "more than 53,500" (rounded to
# hundreds) is quoted while the count is within a few hundred of it, "more than 40,000" for
# weeks. The upper side of ROUND_TOLERANCES is capped at this many rounding steps above the
# figure (never below ROUND_MIN_HIGH_PCT).
ROUND_STEPS_ABOVE, ROUND_MIN_HIGH_PCT = 3, 1.0
# A figure whose own clause says it is not the cumulative official toll: a combined "killed or
# missing" count (Government Media Office), a count since a later event, a militant count.
# Such figures constrain nothing (they are listed in the evidence as set aside).
NOT_TOLL_CONTEXT = re.compile(
    r"\b(?:or|and)\s+(?:were\s+|are\s+|remain\s+)?missing\b|\bmissing\s+or\s+(?:dead|killed)\b|"
    r"\bsince\s+(?:the\s+)?(?:ceasefire|truce|collapse|resumption|start\s+of\s+(?:the\s+)?(?:truce|"
    r"ceasefire))|\bsince\s+(?:Israel\s+)?resum|\bsince\s+(?:" +
    # every month but October: "since October" is since the war began, the whole toll
    "|".join(name.capitalize() for name in MONTH_NAMES if name != "october") +
    r")\b", re.IGNORECASE)
# ... or a count of militants: the words right after the number say so ("17,000 militants";
# not "does not distinguish between civilians and fighters")
MILITANT_COUNT = re.compile(r"^\s*(?:Hamas\s+|Palestinian\s+|armed\s+)?"
                            r"(?:militants|fighters|combatants|terrorists|gunmen)\b",
                            re.IGNORECASE)
# ... or a count of Gaza and the West Bank together ("the death toll ... against the Gaza Strip
# and the West Bank ... has risen to 8,382"), anywhere before the figure in its sentence.
COMBINED_AREAS = re.compile(r"\bGaza(?:\s+Strip)?\s+and\s+(?:in\s+)?(?:the\s+)?(?:occupied\s+)?"
                            r"West\s+Bank\b|\bWest\s+Bank\s+and\s+(?:in\s+)?(?:the\s+)?Gaza\b",
                            re.IGNORECASE)
# A round toll just reached: "surpasses 30,000", "tops 45,000", "crossed the 40,000 mark".
# Its best days are those whose bulletin lies within MILESTONE_PCT (below, above) of it.
MILESTONE = re.compile(r"\b(?:surpass|top|pass|cross|exceed|hit|reach|break)(?:es|ed|s|ing)?\s+"
                       r"(?:the\s+)?(?:grim\s+)?(?:milestone\s+of\s+)?\s*(?:[\d,]+)?\s*$|"
                       r"\b(?:surpass|top|pass|cross|exceed|hit|reach|break)(?:es|ed|s|ing)?\s+"
                       r"(?:the\s+)?[\d,]+", re.IGNORECASE)
MILESTONE_PCT = (0.2, 0.6)
# "The ministry said last week that 33,634 ...": the bulletin lies in the calendar week before
# the report's, so the report is 1..13 days after it; days in the following calendar week
# are preferred (LAST_WEEK_PREF), the rest of the range stays allowed.
LAST_WEEK = re.compile(r"\blast\s+week\b", re.IGNORECASE)
LAST_WEEK_LAGS, LAST_WEEK_PREF = (1, 13), (1.0, 0.3)
# "the second anniversary of October 7": from this many days before to after the anniversary
ANNIVERSARY_DAYS = (10, 4)
# "the 18-month mark since the war began": from this many days before the mark to after it
MARK_DAYS = (3, 4)
WEIGHTS = {"toll": 3.0, "toll_range": 1.5, "duration": 2.0, "absolute": 2.0, "dateline": 3.0,
           "event": 1.5, "round": 1.5, "office": 1.5, "yearless": 1.0, "hostages": 1.0,
           "since_war": 1.0, "holiday": 1.0, "weekday": 0.6, "recency": 0.4, "fresh": 1.0}
SOFT_KINDS = ("weekday", "recency")               # preferences only, never bound the window
INFORMATIVE_KINDS = ("toll", "toll_range", "duration", "absolute", "dateline", "event", "round",
                     "yearless", "hostages", "holiday")
# signals that widen the window when the point misses them by a little
STRONG_KINDS = ("toll", "toll_range", "duration", "absolute", "dateline", "event", "round",
                "yearless")
# Signals that held the true date of (nearly) every dev article that had one: tolls, full
# dates, datelines, year-less dates, office tenures (rounds, hostage counts of 2024, events
# and holidays are sometimes misread). An estimate that misses one of these by more than
# DISAGREE_WIDEN_DAYS is not given: the evidence disagrees (:func:`_far_conflicts`).
RELIABLE_KINDS = ("toll", "toll_range", "absolute", "dateline", "yearless", "office")
# A year-less date ("July 28", "the end of November") mentioned as past lies at most this many
# days before the report (older dates are written with their year), a coming one at most
# this many days after it; its year is the one the other evidence favours.
YEARLESS_PAST_DAYS, YEARLESS_FUTURE_DAYS = 330, 200
# A year-less past date is most often of the last months (writers add the year to older
# ones): of its occurrences, the fresher one is preferred by up to this much, flat for
# YEARLESS_FRESH_DAYS, halving every YEARLESS_FRESH_HALF_LIFE after ("It ended on March 1"
# in a report of March 2025: 1 March 2025, not 1 March 2024 at 325 days).
YEARLESS_FRESH_PREFER, YEARLESS_FRESH_DAYS, YEARLESS_FRESH_HALF_LIFE = 0.3, 60, 90
LEAD_DATE_DAYS = 10   # a past date in the article's first sentence: the report within days
# A date given with its weekday ("on Thursday, 25 January", "Tuesday 13 February") is this
# week's: the report lies within this many days after (or before, if coming) it.
WEEKDAY_DATE_DAYS = 8
# A coming event or date: the report most likely precedes it by days, not months.
AHEAD_FLAT_DAYS, AHEAD_HALF_LIFE = 3, 10
# A ceasefire is announced days before it takes effect (22 -> 24 November 2023, 15 -> 19
# January 2025, 9 -> 10 October 2025): "the current truce" from this many days before.
CEASEFIRE_ANNOUNCED_DAYS = 4
# An event under way ("during", "on the sidelines of"): its own days preferred by this much
# over the margin days around it.
DURING_PREFER = 0.2
# An event said to be recent ("shortly after", "following"): the report within this many days.
RECENT_EVENT_DAYS = 30
# A meeting matching a compiled round: a held one is reported from its first day to this many
# days after its last; a planned one from this many days before it to its first day.
ROUND_HELD_DAYS, ROUND_PLANNED_DAYS = 6, 9
# An office holder named with the title: the tenure, widened by these days (a late copy).
OFFICE_MARGIN = (2, 3)
# Holidays by the relation the text gives: (days before the first day, days after the last).
HOLIDAY_MARGINS = {"future": (40, -1), "during": (21, 2), "past": dates.HOLIDAY_MARGIN}
# "Doha" and "Qatar" name the same venue for a round; so do "Cairo" and "Egypt".
VENUE_ALIASES = {"qatar": "doha", "egypt": "cairo", "italy": "rome", "france": "paris",
                 "poland": "warsaw"}
# "a European capital": any round held in one of these
REGION_VENUES = {"europe": ("europe", "paris", "warsaw", "rome", "oslo")}
ROUND_TYPES = {"meeting", "summit", "talks", "working-level talks"}
# Soft preference for the gap (days) between a past weekday mention and the report date.
PAST_WEEKDAY_GAP = {0: 1.0, 1: 0.85, 2: 0.45, 3: 0.3, 4: 0.2, 5: 0.1, 6: 0.05}
FUTURE_WEEKDAY_GAP = {0: 0.5, 1: 1.0, 2: 0.85, 3: 0.7, 4: 0.55, 5: 0.45, 6: 0.35}
LOWER_BOUND_DAYS_PCT = 0.05   # "more than N days": up to 5% (at least 10 days) past N
# Years of war: "nearly/almost two years" is said in the last months before the mark (dev
# sets: 21.6 to 24.0 months), "the two-year war" from the mark on (24.0 to 24.2 months), not
# a whole year either side.
NEARLY_YEARS_DAYS = 122       # "nearly N years": from this many days before the mark
YEARS_SPAN = (30, 183)        # "N-year war": from a month before the mark to six months after
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
TOLL_METRICS = {("killed", "palestinian"), ("injured", "palestinian")}


@dataclass
class Constraint:
    kind: str
    label: str
    allowed: np.ndarray
    prefer: np.ndarray | None = None
    anchors: tuple[int, ...] = ()   # days of past dates mentioned (for recency)
    strength: float = 1.0           # scales the kind's weight (a round matched by one name)
    # a year-less date: its text, tense and the (first, last) day index of each candidate
    # occurrence, to name the one the estimate chose (:meth:`label_at`)
    occurrences: tuple = ()
    text: str = ""
    future: bool = False
    # several periods one phrase may name ("the current ceasefire"), as (allowed, label):
    # the label names the one the point lies in
    parts: tuple = ()

    def label_at(self, point: int) -> str:
        """The label, naming the occurrence of a year-less date the point goes with."""
        days, _ = calendar_days()
        if self.kind == "recency" and self.anchors:
            before = [a for a in self.anchors if a <= point]
            return f"soon after {days[max(before)]}" if before else self.label
        if self.parts:
            return next((label for allowed, label in self.parts if allowed[point]),
                        self.label)
        if not self.occurrences:
            return self.label
        if self.future:
            first, last = min((o for o in self.occurrences if o[1] >= point),
                              default=self.occurrences[-1])
            return f"'{self.text}' planned: on/before {days[min(last, len(days) - 1)]}"
        first, last = max((o for o in self.occurrences if o[0] <= point),
                          default=self.occurrences[0])
        return f"'{self.text}' mentioned as past: on/after {days[max(first, 0)]}"

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind] * self.strength


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
        values = reported.to_numpy()
        series[metric] = values
        # the reported values around each day without one (gaps, and after the series ends:
        # next = +inf), for figures quoted from bulletins the series lacks
        series[f"{metric}_prev"] = reported.ffill().to_numpy()
        series[f"{metric}_next"] = reported.bfill().fillna(np.inf).to_numpy()
        # after the series ends: the highest count a later bulletin could plausibly reach
        known = np.flatnonzero(~np.isnan(values))
        end = known[-1]
        recent = values[known[known >= end - 30]]
        rate = max(AFTER_END_MIN_RATE, AFTER_END_RATE_FACTOR * (recent[-1] - recent[0]) /
                   max(1, len(recent) - 1))
        reach = np.full(len(days), np.nan)
        reach[end + 1:] = values[end] + rate * np.arange(1, len(days) - end)
        series[f"{metric}_reach"] = reach
        # the next different count after each day: a count repeated day after day (the
        # series frozen, e.g. during the November 2023 truce) hides the real count between
        # the repeated value and that next one
        filled = series[f"{metric}_prev"]
        changed = np.r_[True, filled[1:] != filled[:-1]]
        stale = ~changed & ~np.isnan(filled)
        nxt = np.full(len(days), np.inf)
        later = np.inf
        for i in range(len(days) - 1, -1, -1):
            nxt[i] = later
            if changed[i] and not np.isnan(filled[i]):
                later = filled[i]
        series[f"{metric}_stale"] = stale | np.r_[stale[1:], False]
        series[f"{metric}_next_new"] = nxt
    series["weekday"] = np.array([d.weekday() for d in days])
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


def rounding_step(value: int) -> int:
    """The step a round figure is rounded to: the place of its last non-zero digit, but no
    coarser than the third digit from the left (thousands below 10,000), nor finer than
    hundreds ("44,000" -> 1,000; "49,600" -> 100; "30,000" -> 1,000; "170,000" -> 10,000;
    "8,000" -> 1,000: "at least 8,000" was still said at 8,525 in October 2023). "More than
    44,000" is what reports say while the official count is between 44,000 and 45,000.

    >>> rounding_step(44000), rounding_step(49600), rounding_step(30000), rounding_step(500)
    (1000, 100, 1000, 100)
    >>> rounding_step(8000), rounding_step(8500)
    (1000, 100)
    """
    zeros = len(str(value)) - len(str(value).rstrip("0"))
    coarsest = 10 ** max(2, len(str(value)) - 2) if value >= 10_000 else 1_000
    return max(1, min(10 ** zeros, coarsest))


def _clauses(figure: dict) -> tuple[str, str]:
    """The figure's clause before and after its quote, within its sentence (cut at , ; :)."""
    sentence, quote = figure.get("sentence") or "", figure.get("quote") or ""
    if not isinstance(sentence, str) or not isinstance(quote, str) or not quote:
        return "", ""
    at = sentence.find(quote)
    if at < 0:
        return "", ""
    before = re.split(r"[,;:]", sentence[:at])[-1]
    after = re.split(r"[,;:.]", sentence[at + len(quote):])[0]
    return before, after


def _clause_before(figure: dict) -> str:
    return _clauses(figure)[0]


def not_a_toll(figure: dict) -> str | None:
    """Why a figure extracted as a Gaza toll is not the cumulative official count, if it
    is not: a vague quantifier ("tens of thousands", "scores of") or a clause that makes
    it another count (:data:`NOT_TOLL_CONTEXT`)."""
    quote = figure.get("quote")
    if isinstance(quote, str) and quote and not re.search(r"\d", quote):
        return "a vague quantity"
    before, after = _clauses(figure)
    words = (re.sub(r"^[^\d]*[\d,.]+", "", quote) if isinstance(quote, str) else "") + after
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    head = sentence[:max(0, sentence.find(quote))] if isinstance(quote, str) and quote else ""
    match = NOT_TOLL_CONTEXT.search(after) or NOT_TOLL_CONTEXT.search(before) or \
        MILITANT_COUNT.search(words) or COMBINED_AREAS.search(head) or \
        re.match(r"\s*(?:\w+\s+){0,3}in\s+the\s+(?:occupied\s+)?West\s+Bank\b", after)
    return f"'{match.group(0)}'" if match else None


def is_milestone(figure: dict) -> bool:
    """A round toll the text says was just reached: "surpasses 30,000", "tops 45,000",
    "passed the 40,000 mark" (:data:`MILESTONE`); not "more than 30,000"."""
    quote = figure.get("quote") if isinstance(figure.get("quote"), str) else ""
    return bool(MILESTONE.search(_clause_before(figure)[-40:] + " " + quote[:30]))


@dataclass
class _TollMatch:
    """The bulletin days a toll matches: ok (allowed), ideal and equal (preferred), gap_ok
    (a day the series lacks), and how, for the label."""

    ok: np.ndarray
    ideal: np.ndarray
    equal: np.ndarray
    gap_ok: np.ndarray
    how: str


def _round_toll_match(figure: dict, value: float, metric: str, qualifier: str) -> _TollMatch:
    """A round figure ("more than 15,000") bounds the count (:data:`ROUND_TOLERANCES`);
    preferred while the count is within one rounding step of it; after the series ends,
    any count a later bulletin could reach."""
    days, series = calendar_days()
    official, prev = series[metric], series[f"{metric}_prev"]
    known = ~np.isnan(official)
    after_end = np.isinf(series[f"{metric}_next"]) & ~known
    low, high = ROUND_TOLERANCES.get(qualifier, ROUND_TOLERANCES["exact"])
    step = rounding_step(int(value))
    high = min(high, max(ROUND_MIN_HIGH_PCT, 100 * ROUND_STEPS_ABOVE * step / value))
    lowest, highest = value * (1 + low / 100), value * (1 + high / 100)
    ok = known & (official >= lowest) & (official <= highest)
    equal = known & (official == value)
    if qualifier == "lower_bound":   # "more than 44,000": until it becomes 45,000
        ideal = ok & (official >= value) & (official < value + step)
    elif qualifier == "upper_bound":   # "nearly 42,000": in the last step before it
        ideal = ok & (official < value) & (official >= value - step)
    else:
        ideal = ok & (np.abs(official - value) <= step / 2)
    if is_milestone(figure):   # "the toll surpasses 30,000": the days it just did
        ideal = ok & (official >= value * (1 - MILESTONE_PCT[0] / 100)) & \
            (official <= value * (1 + MILESTONE_PCT[1] / 100))
        equal = equal | ideal
    # a frozen series (the same count day after day): the real count lay between it and the
    # next new one, so those days are ideal when that span meets the figure's ideal span
    span = {"lower_bound": (value, value + step), "upper_bound": (value - step, value)}.get(
        qualifier, (value - step / 2, value + step / 2))
    ideal |= ok & series[f"{metric}_stale"] & (official < span[1]) & \
        (series[f"{metric}_next_new"] >= span[0])
    ideal |= equal  # a bulletin with exactly this number: most likely the one quoted
    # after the series ends, the count only grows: a figure the last bulletin does not
    # already exceed may come from a later one
    later = after_end & (prev <= highest) & (series[f"{metric}_reach"] >= lowest)
    if qualifier == "lower_bound":
        ideal = ideal | (later & (prev < value + step))
    return _TollMatch(ok | later, ideal, equal, np.zeros(len(days), dtype=bool),
                      f"official {metric} within {low:+g}%..{high:+g}% of it")


# The weekday a toll was given on, named in its sentence ("the ministry said on Sunday"):
# one weekday name, not "next", "last", "since", "until" or "by" before it.
TOLL_WEEKDAY = re.compile(r"(?<!next )(?<!last )(?<!since )(?<!until )(?<!by )"
                          r"\b(" + "|".join(dates.WEEKDAY_NAMES) + r")\b", re.IGNORECASE)


def toll_weekday(figure: dict) -> int | None:
    """The weekday (0 = Monday) a non-round toll's sentence says it was given on, when the
    sentence names exactly one: "At least 61,709 ... were killed, local authorities said on
    Sunday" -> 6. On the dev sets every toll equal to a bulletin named that bulletin's
    weekday (21 of 21). None for several weekdays ("killed on Friday, the ministry said on
    Saturday") or none."""
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    names = {m.group(1).lower() for m in TOLL_WEEKDAY.finditer(sentence)}
    if len(names) != 1 or re.search(r"\b(?:next|last|since|until|by)\s+(?:" +
                                     "|".join(dates.WEEKDAY_NAMES) + r")\b", sentence,
                                     re.IGNORECASE):
        return None
    return dates.WEEKDAY_NAMES.index(names.pop())


def _on_weekday(mask: np.ndarray, weekday: int | None) -> np.ndarray:
    """The days of `mask` on `weekday` or the day either side of it (a bulletin dated the
    day after it was given, a late copy); all of `mask` when weekday is None."""
    if weekday is None:
        return mask
    _, series = calendar_days()
    return mask & (np.abs((series["weekday"] - weekday + 3) % 7 - 3) <= 1)


def _exact_toll_match(value: float, metric: str, weekday: int | None = None) -> _TollMatch:
    """A non-round figure ("at least 26,422") is the bulletin equal to it (within 0.1% when
    none equals it), or a day the series lacks whose neighbours bracket it; another source's
    large count matches the days around the one the series passed it. A toll given on a
    named weekday (:func:`toll_weekday`) matches only bulletin days of that weekday (or a day
    either side): "local authorities said on Sunday" is no Wednesday's bulletin."""
    days, series = calendar_days()
    official, prev, nxt = series[metric], series[f"{metric}_prev"], series[f"{metric}_next"]
    known = _on_weekday(~np.isnan(official), weekday)
    after_end = np.isinf(nxt) & np.isnan(official)
    gap = _on_weekday(np.isnan(official) & ~after_end & ~np.isnan(prev), weekday)
    equal = known & (official == value)
    # (in the slow 2025-26 series 0.1% spans weeks: near ones only when none equals it)
    ok = equal.copy() if equal.any() else \
        known & (np.abs(official - value) <= value * EXACT_MATCH_PCT / 100)
    gap_ok = gap & (prev < value) & (nxt > value)
    gap_ok |= after_end & (prev < value) & (series[f"{metric}_reach"] >= value)
    ok = ok | gap_ok
    how = f"bulletin{'s' if ok.sum() > 1 else ''} equal to it"
    passed = ~np.isnan(official) & (official >= value)
    if not ok.any() and value >= OTHER_SOURCE_MIN and passed.any() and weekday is None:
        # no bulletin has it: another source's count (Government Media Office, an agency's
        # own tally) runs in step with the series, as weakly as a gap
        k = int(np.argmax(passed))
        gap_ok = _mask_range(len(days), k - OTHER_SOURCE_DAYS, k + OTHER_SOURCE_DAYS)
        ok = gap_ok.copy()
        how = (f"no bulletin equal to it (another source?); the series passed it "
               f"on {days[k]}, ±{OTHER_SOURCE_DAYS} days:")
    return _TollMatch(ok, equal, equal, gap_ok, how)


def toll_constraint(figure: dict) -> Constraint | None:
    """The days on which a cumulative Gaza toll could have been reported: the bulletin days
    it matches (:func:`_round_toll_match`, :func:`_exact_toll_match`), each spread over the
    days a report may quote it (:data:`LAG_PREF`, or the week after for "last week")."""
    return _toll(figure)[0]


def _toll(figure: dict):
    """(:func:`toll_constraint`, the bulletin match, the lags), or (None, None, None)."""
    days, series = calendar_days()
    metric, qualifier = figure.get("metric"), figure.get("qualifier") or "exact"
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    if pd.isna(value) or value <= 0:
        return None, None, None
    value = float(value)
    match = _round_toll_match(figure, value, metric, qualifier) if is_round(int(value)) \
        else _exact_toll_match(value, metric, toll_weekday(figure))
    n = len(days)
    if not match.ok.any():
        return Constraint("toll", f"{metric} {int(value):,} ({qualifier}): no official bulletin "
                          "matches", np.zeros(n, dtype=bool)), None, None
    allowed, prefer = np.zeros(n, dtype=bool), np.zeros(n)
    matched = np.flatnonzero(match.ok)
    last_week = bool(LAST_WEEK.search(_clause_before(figure)))
    lags = range(LAST_WEEK_LAGS[0], LAST_WEEK_LAGS[1] + 1) if last_week else \
        range(-LAG_AFTER, LAG_BEFORE + 1)
    for lag in lags:
        j = matched + lag
        keep = (j >= 0) & (j < n)
        i, j = matched[keep], j[keep]
        allowed[j] = True
        # an exactly equal bulletin is strong; "soon after passing a round number" only
        # mildly beats other matching days (a weekday outweighs it)
        if last_week:   # the report's calendar week follows the bulletin's
            in_next_week = (series["weekday"][i] + lag >= 7) & (series["weekday"][i] + lag < 14)
            lag_pref = np.where(in_next_week, *LAST_WEEK_PREF)
        else:
            lag_pref = LAG_PREF[lag]
        weight = lag_pref * np.where(match.equal[i], 1.0, np.where(
            match.gap_ok[i], GAP_MATCH_PREF, np.where(match.ideal[i], 0.45, 0.3)))
        if qualifier == "upper_bound" and is_round(int(value)):   # "nearly 65,000": the
            # closer the count came to it, the likelier (up to NEARLY_PREFER more)
            step = rounding_step(int(value))
            close = np.clip((series[metric][i] - (value - step)) / step, 0, 1)
            weight = weight * (1 + NEARLY_PREFER * np.nan_to_num(close))
        elif qualifier == "lower_bound" and is_round(int(value)):   # "more than 64,000":
            # the sooner after the count passed it, the likelier (dev sets: the median
            # report lies a third of the way into the days the count stood in that step)
            step = rounding_step(int(value))
            close = np.clip(1 - (series[metric][i] - value) / step, 0, 1)
            weight = weight * (1 + PASSED_PREFER * np.nan_to_num(close))
        prefer[j] = np.maximum(prefer[j], weight)   # j unique for one lag (no ufunc.at)
    label = (f"{metric} '{figure.get('quote') or f'{int(value):,}'}' ({qualifier}): "
             f"{match.how} {_span_text(matched, metric)}" +
             (" (quoted as last week's)" if last_week else ""))
    return Constraint("toll", label, allowed, prefer), match, lags


def _span_text(matched: np.ndarray, metric: str) -> str:
    """ "first..last" of the matched bulletin days (the last may be the series' end)."""
    days, series = calendar_days()
    known = ~np.isnan(series[metric])
    first, last = days[matched[0]], days[matched[-1]]
    if not known[matched[-1]] and np.isinf(series[f"{metric}_next"][matched[-1]]):
        last = f"{days[int(np.flatnonzero(known)[-1])]} and after the series ends"
    return f"{first}..{last}"


def _spread(matched: np.ndarray, lags: range, n: int) -> np.ndarray:
    """The report days of bulletin days `matched` quoted `lags` days later."""
    out = np.zeros(n, dtype=bool)
    for lag in lags:
        j = matched + lag
        out[j[(j >= 0) & (j < n)]] = True
    return out


def toll_constraints(figure: dict) -> list[Constraint]:
    """A toll's constraints. A round figure ("more than 55,000", "nearly 65,000") gives
    two: its core, the days while the count stood within one rounding step of it (what
    writers quote: "more than 55,000" while the count is 55,000-55,999; measured on the dev
    sets, the core held the true date of every report that had one), weighted as a toll;
    and its tolerance range (:data:`ROUND_TOLERANCES`: a stale or early quote), a weaker
    ``toll_range``. Other figures: :func:`toll_constraint` alone."""
    c, match, lags = _toll(figure)
    if c is None or match is None:
        return [c] if c is not None else []
    value = float(pd.to_numeric(figure.get("value"), errors="coerce"))
    if not is_round(int(value)):
        return [c]
    days, _ = calendar_days()
    metric, qualifier = figure.get("metric"), figure.get("qualifier") or "exact"
    ideal = np.flatnonzero(match.ideal)
    core = _spread(ideal, lags, len(days)) & c.allowed
    if not core.any() or core.sum() == c.allowed.sum():
        return [c]
    quote = figure.get("quote") or f"{int(value):,}"
    core_label = (f"{metric} '{quote}' ({qualifier}): the count within a rounding step of it "
                  f"{_span_text(ideal, metric)}")
    return [Constraint("toll", core_label, core, c.prefer),
            Constraint("toll_range", c.label, c.allowed)]


# Israel's first count of the dead of 7 October, "1,300" then "1,400", was revised to about
# 1,200 on 10 November 2023: a count in this range is of the war's first weeks (every one in
# the dev sets, 12 October to 9 November 2023), allowed up to ISRAELI_EARLY_TOLL_UNTIL.
ISRAELI_EARLY_TOLL = (1_300, 1_450)
ISRAELI_EARLY_TOLL_UNTIL = dt.date(2023, 11, 20)


def israeli_early_toll_constraint(figure: dict) -> Constraint:
    """The Israeli dead of 7 October counted 1,300 to 1,450 ("killed more than 1,400
    people"): a report before :data:`ISRAELI_EARLY_TOLL_UNTIL` (a toll range's weight)."""
    days, _ = calendar_days()
    value = int(pd.to_numeric(figure.get("value"), errors="coerce"))
    return Constraint("toll_range", f"Israeli killed {value:,}: the count before its revision to "
                      f"about 1,200 on 2023-11-10", _mask_range(len(days), 0, _index(
                          days, ISRAELI_EARLY_TOLL_UNTIL)))


# Palestinians killed since a truce began ("at least 391 ... killed since the agreement was
# established", "360 Palestinians have been killed since the ceasefire began"): the health
# ministry's count of new deaths (``killed_truce_new``, without bodies recovered from the
# rubble) summed from the truce's first day matches what reports quote (15 December 2025:
# 390, reported 391; 13 January 2026: 445, reported 442). Counts this small only.
SINCE_TRUCE = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}(?:ceasefire|cease-fire|"
                         r"truce|agreement)\b", re.IGNORECASE)
TRUCE_TOLL_MAX = 2_000
TRUCE_TOLL_FILE = "gaza_daily_casualties.csv"
TRUCE_TOLL_MATCH = (0.02, 3)    # an exact count: within 2% or 3 of the sum
TRUCE_TOLL_LAGS = (-1, 3)       # the report from a day before the bulletin to three after
TRUCE_TOLL_RANGES = {"lower_bound": (0.0, 0.15), "upper_bound": (-0.12, 0.0),
                     "approx": (-0.1, 0.1)}   # round counts: the sum within these shares


def since_truce(figure: dict) -> bool:
    """A count of Palestinians killed since a truce began (:data:`SINCE_TRUCE` in its
    sentence, the count below :data:`TRUCE_TOLL_MAX`)."""
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    return not pd.isna(value) and 0 < value < TRUCE_TOLL_MAX and bool(SINCE_TRUCE.search(sentence))


@lru_cache(maxsize=1)
def _truce_killed() -> np.ndarray:
    """For each candidate day inside a 2025 truce with a bulletin, the ministry's new deaths
    summed from the truce's first day (NaN elsewhere)."""
    days, _ = calendar_days()
    gaza = pd.read_csv(reference.REFERENCE_DIR / TRUCE_TOLL_FILE,
                       usecols=["report_date", "killed_truce_new"])
    gaza.index = pd.to_datetime(gaza["report_date"]).dt.date
    new = pd.to_numeric(gaza["killed_truce_new"], errors="coerce").reindex(days)
    out = np.full(len(days), np.nan)
    for first, last in _truce_spans():
        window = new.iloc[first:last + 1]
        if window.notna().any():
            out[first:last + 1] = np.where(window.notna(), window.fillna(0).cumsum(), np.nan)
    return out


def truce_toll_constraint(figure: dict) -> Constraint | None:
    """Killed since a truce began (:func:`since_truce`) against :func:`_truce_killed`: the
    days whose sum agrees (an exact count within :data:`TRUCE_TOLL_MATCH`, a round one in
    :data:`TRUCE_TOLL_RANGES`), a day before to three after each."""
    value = float(pd.to_numeric(figure.get("value"), errors="coerce"))
    qualifier = figure.get("qualifier") or "exact"
    totals = _truce_killed()
    ok = _count_matches(totals, value, qualifier)   # "more than 150", "nearly 400", "391"
    matched = np.flatnonzero(ok)
    if not len(matched):
        return None
    allowed = np.zeros(len(totals), dtype=bool)
    for lag in range(TRUCE_TOLL_LAGS[0], TRUCE_TOLL_LAGS[1] + 1):
        j = matched + lag
        allowed[j[(j >= 0) & (j < len(totals))]] = True
    days, _ = calendar_days()
    return Constraint("toll", f"killed since the truce began {int(value):,} ({qualifier}): "
                      f"the ministry's sum since the truce {days[matched[0]]}..."
                      f"{days[matched[-1]]}", allowed)


# A toll counted since a day other than 7 October ("the death toll and the number of
# wounded since March 18 ... has reached 5,685, while 19,518 others were wounded", the
# ministry's count since the war resumed): the official count minus the count the day before
# that day, in any year of the war that day falls in.
SINCE_DATE = re.compile(r"\bsince\s+(?:(?P<m>" + "|".join(MONTH_NAMES) + r")\.?\s+(?P<d>\d{1,2})"
                        r"|(?P<d2>\d{1,2})\s+(?P<m2>" + "|".join(MONTH_NAMES) + r"))\b"
                        r"(?!,?\s+20\d\d)", re.IGNORECASE)


def since_date(figure: dict) -> tuple[int, int] | None:
    """(month, day) of "since March 18" in a toll's sentence (not 7 October), else None."""
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    found = SINCE_DATE.search(sentence)
    if not found:
        return None
    month = MONTH_NAMES.index((found.group("m") or found.group("m2")).lower()) + 1
    day = int(found.group("d") or found.group("d2"))
    return None if (month, day) == (WAR_START.month, WAR_START.day) else (month, day)


def since_date_constraint(figure: dict) -> Constraint | None:
    """A toll since a day (:func:`since_date`) against the official count's growth from the
    day before it, for each year of the war: an exact count within
    :data:`TRUCE_TOLL_MATCH`, a round one in :data:`TRUCE_TOLL_RANGES`; None when no day
    fits (then the figure says nothing: it is no whole toll)."""
    days, series = calendar_days()
    n = len(days)
    value = float(pd.to_numeric(figure.get("value"), errors="coerce"))
    month, day = since_date(figure)
    metric = figure.get("metric")
    on_bulletins, on_every_day = _new_deaths()
    ok = np.zeros(n, dtype=bool)
    for year in range(WAR_START.year, days[-1].year + 1):
        try:
            start = _index(days, dt.date(year, month, day))
        except ValueError:   # 29 February
            continue
        if start <= 0 or start >= n:
            continue
        # the killed: the ministry's new deaths where it counts them apart (from 2025; the
        # whole count also grows by the missing it confirms), else the count's growth
        counts, before = (on_bulletins, on_every_day) if metric == "killed" and \
            not np.isnan(on_every_day[start - 1]) else (series[metric], series[f"{metric}_prev"])
        if np.isnan(before[start - 1]):
            continue
        grown = counts - before[start - 1]
        grown[:start] = np.nan
        ok |= _count_matches(grown, value, figure.get("qualifier") or "exact")
    if not ok.any():
        return None
    allowed = np.zeros(n, dtype=bool)
    matched = np.flatnonzero(ok)
    for lag in range(TRUCE_TOLL_LAGS[0], TRUCE_TOLL_LAGS[1] + 1):
        j = matched + lag
        allowed[j[(j >= 0) & (j < n)]] = True
    return Constraint("toll", f"{figure.get('metric')} since {MONTH_NAMES[month - 1].title()} "
                      f"{day} {int(value):,}: the official count's growth since then "
                      f"{days[matched[0]]}...{days[matched[-1]]}", allowed)


@lru_cache(maxsize=1)
def _new_deaths() -> tuple[np.ndarray, np.ndarray]:
    """(on bulletin days, on every day) the ministry's new deaths summed from its first
    record of them (``killed_truce_new``, January 2025 on); NaN before it (and on days without
    a bulletin, in the first)."""
    days, _ = calendar_days()
    gaza = pd.read_csv(reference.REFERENCE_DIR / TRUCE_TOLL_FILE,
                       usecols=["report_date", "killed_truce_new"])
    gaza.index = pd.to_datetime(gaza["report_date"]).dt.date
    new = pd.to_numeric(gaza["killed_truce_new"], errors="coerce").reindex(days)
    first = new.first_valid_index()
    total = new.fillna(0).cumsum().where(pd.Series(days, index=new.index) >= first)
    return total.where(new.notna()).to_numpy(), total.to_numpy()


def _count_matches(totals: np.ndarray, value: float, qualifier: str) -> np.ndarray:
    """Days whose count agrees with a quoted one: an exact count within
    :data:`TRUCE_TOLL_MATCH`, a round one ("more than 150") within :data:`TRUCE_TOLL_RANGES`."""
    with np.errstate(invalid="ignore"):
        if value % 10 == 0 and qualifier in TRUCE_TOLL_RANGES:
            low, high = TRUCE_TOLL_RANGES[qualifier]
            return (totals >= value * (1 + low)) & (totals <= value * (1 + high))
        margin = max(TRUCE_TOLL_MATCH[0] * value, TRUCE_TOLL_MATCH[1])
        return np.abs(totals - value) <= margin


# Hostage counts: figure metric -> compiled metrics (israel_hostage_figures_reported.csv).
HOSTAGE_METRICS = {"hostages_held": ["hostages_held", "hostages_remaining"],
                   "hostages_dead": ["hostages_remaining_dead"]}
HOSTAGE_MATCH = (0.05, 6)   # within 5% or 6 people of a compiled value (reports count on
#                             different bases: with or without the four held before the war,
#                             the foreigners, the dead)...
# A count equal (within this many) to one that stood still for a period the timeline knows
# dates the report to that period, widened by (days before, days after).
HOSTAGE_PERIOD_MATCH, HOSTAGE_PERIOD_DAYS = 0, (5, 10)
HOSTAGE_ROUND_PCT = 12      # "roughly 100", "more than 100": the count within 12% of it
HOSTAGE_DAYS = 60           # ...reported within 60 days either side (reports are 1-2 months
#                             apart and counts stay flat for weeks)


# The count of hostages still held only falls over time (releases, rescues, recovered bodies),
# apart from counting bases differing by a few: a count is consistent with the days after the
# last compiled report clearly above it and before the first one clearly below it, and within
# HOSTAGE_DAYS of the reports of about the same count (each widened by HOSTAGE_DAYS). Counts
# above every compiled report say nothing (the 2023 reports).
MONOTONIC_HOSTAGE_METRICS = {"hostages_held"}
# ... except in the first weeks of the war, when the reported count rose (about 100 on 9
# October, 199 on 16 October, 224 on 24 October, 240 at the end of the month) as captives were
# identified: a count below the peak may be of those weeks ("130 hostages" on 12 October 2023
# was read as a count of 2024 and placed the report a week late). (last day, peak count)
EARLY_COUNT = (dt.date(2023, 10, 31), 240)


# Hostages held since before the war (Avera Mengistu, Hisham al-Sayed, the bodies of Hadar
# Goldin and Oron Shaul) are in the timeline's totals; reports counting "of the 251 taken on
# 7 October" leave them out: (until this day, how many) -- Shaul was recovered on 19 January
# 2025, Mengistu and al-Sayed freed on 22 February 2025.
PREWAR_HELD = ((dt.date(2025, 1, 19), 4), (dt.date(2025, 2, 22), 3), (dt.date.max, 1))
# From the release of the last living hostages every count held is of bodies, returned one or
# two at a time and identified a day or two later: counts within 1 match.
ALL_DEAD_FROM, ALL_DEAD_MATCH = dt.date(2025, 10, 13), 1
RETURNED_SLACK = 2   # "handed over the remains of 27 out of 28" on 13 November (Israel: 25)


def _prewar_held(day: dt.date) -> int:
    return next(k for until, k in PREWAR_HELD if day < until)


def _period_matches(period, value: int, metric: str, slack: int = ALL_DEAD_MATCH) -> bool:
    """A count of hostages held is the period's total or its count of those taken on 7
    October; after the last living were freed, held and dead counts match within 1 (within
    `slack`)."""
    if period.start >= ALL_DEAD_FROM:
        return abs(period.count - value) <= slack
    if metric != "hostages_held":
        return False
    return value in (period.count, period.count - _prewar_held(period.start))


def _hostage_period_constraint(value: int, metric: str = "hostages_held",
                               slack: int = ALL_DEAD_MATCH) -> Constraint | None:
    """A count of hostages held equal to one that stood for a known period (the timeline's
    hostages rows: 94 from 19 to 24 January 2025, 59 from March to May 2025, 24 bodies on 13
    October 2025; :func:`_period_matches`): the report lies in one of those periods
    (widened by :data:`HOSTAGE_PERIOD_DAYS`)."""
    periods = [p for p in timeline.hostage_periods() if _period_matches(p, value, metric, slack)]
    return _periods_constraint(periods, HOSTAGE_PERIOD_DAYS, f"{metric} {value}")


def _periods_constraint(periods, margin: tuple[int, int], what: str) -> Constraint | None:
    """A hostage count's constraint: inside one of the timeline `periods` it stood for,
    widened by `margin` (days before the start, after the end); None when none fits."""
    if not periods:
        return None
    days, _ = calendar_days()
    n = len(days)
    allowed = np.zeros(n, dtype=bool)
    for p in periods:
        allowed |= _mask_range(n, _index(days, p.start) - margin[0],
                               _index(days, p.end or p.start) + margin[1])
    label = f"{what}: " + "; ".join(f"{p.event} ({p.start}..{p.end})" for p in periods)
    return Constraint("hostages", label, allowed)


# A count of hostages that is not the count held at the report: told in the past perfect
# ("Hamas had been holding 48 hostages ... when the ceasefire was announced"), or of those
# alive ("63 hostages still held in Gaza are alive").
PAST_COUNT = re.compile(r"\bhad\s+(?:been\s+)?(?:holding|held|kept|had)\b", re.IGNORECASE)
ALIVE_COUNT = re.compile(r"^[^.]*?\b(?:are|is|were|remain)\s+(?:still\s+)?(?:believed\s+"
                         r"(?:to\s+be\s+)?|thought\s+to\s+be\s+)?alive\b", re.IGNORECASE)


# ... or of a sub-group: "the eight hostages held in Gaza who hold dual Israeli-US
# citizenship", "eight American hostages", "two Israeli citizens", "eight soldiers", "a Thai
# worker", "a video of three Israeli hostages who remain in captivity" (after the count, in
# its quote or clause; "video" before it). Not "Israeli and foreign hostages" (all of them).
SUB_GROUP_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:Americans?|U\.?S\.?|Thais?|German|French|British|Russian|"
    r"Nepalese|Argentin\w*|female|women|men|soldiers?|citizens?|workers?|families|children|"
    r"elderly)\b(?!\s+and\b)|\b(?:dual|citizenship|nationals?)\b", re.IGNORECASE)
# ... or told in the past: "the release of all 48 hostages held by Hamas, 20 of whom were still
# alive" (the deal of October 2025 told in December)
PAST_OF_WHOM = re.compile(r"^[^.;]*?,\s+(?:\w+\s+){1,3}of\s+whom\s+were\b", re.IGNORECASE)
SUB_GROUP_BEFORE = re.compile(r"\b(?:video|footage|recording|clip)s?\b", re.IGNORECASE)


def not_a_current_count(figure: dict) -> bool:
    """:data:`PAST_COUNT` before the figure or :data:`ALIVE_COUNT` right after it; not
    "how many are alive" (a question about the count: "the 100 hostages it is holding and
    how many are alive" is the count held); a sub-group (:data:`SUB_GROUP_AFTER`,
    :data:`SUB_GROUP_BEFORE`)."""
    before, after = _clauses(figure)
    quote = figure.get("quote") if isinstance(figure.get("quote"), str) else ""
    rest = re.sub(r"^[^\d]*?(?:[\d,.]+|\b[a-z]+\b(?=\s))", "", quote, count=1,
                  flags=re.IGNORECASE) if quote else ""
    alive = ALIVE_COUNT.search(re.sub(r"^[^\d]*[\d,.]+", "", quote) + after)
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    told_past = quote and PAST_OF_WHOM.match(sentence[sentence.find(quote) + len(quote):])
    return bool(PAST_COUNT.search(before) or SUB_GROUP_BEFORE.search(before) or told_past or
                SUB_GROUP_AFTER.search(rest + after) or
                (alive and not re.search(r"\bhow\s+many\b", alive.group(0), re.IGNORECASE)))


# A count of the dead among the hostages dates a report only as the remains still held after
# the last living were freed ("still holds the bodies of 11 hostages"): before that the
# reported counts of dead captives go up and down with how each source counts (compiled
# reports of 2024 missed the true date more often than not), and counts of 20 to 40 dead
# fit both 2024 and October 2025.
REMAINS_WORDS = re.compile(r"\b(?:remains|bod(?:y|ies)|coffins?)\b", re.IGNORECASE)


# ... not a count of bodies brought back ("Israel has recovered the bodies of two hostages held
# in the Gaza Strip", "returned the remains of four hostages"): the count right after such a
# verb is of those returned, not of those still held.
RETURNED_BEFORE = re.compile(r"\b(?:recover|retriev|return|repatriat|receiv|identifi|"
                             r"handed\s+(?:over|back)|hand(?:s|ing)\s+(?:over|back)|"
                             r"brought\s+(?:back|home))\w*\s+(?:the\s+)?(?:remains|bod(?:y|ies)|"
                             r"coffins?)\s+of\s+(?:the\s+|another\s+)?$", re.IGNORECASE)


def _remains_constraint(figure: dict, value: int) -> Constraint | None:
    """Remains of hostages still held (:data:`REMAINS_WORDS` in the sentence, a count not
    approximate, not one returned: :data:`RETURNED_BEFORE`) against the timeline's periods
    from 13 October 2025; else nothing."""
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    if not REMAINS_WORDS.search(sentence) or figure.get("qualifier") == "approx" or \
            RETURNED_BEFORE.search(_clauses(figure)[0]):
        return None
    return _hostage_period_constraint(value, "hostages_dead")


def hostage_constraint(figure: dict) -> Constraint | None:
    """A weak signal: hostages still held / dead, near a compiled report of the same count.
    The compiled series is sparse and counts on different bases, hence the wide margins."""
    days, _ = calendar_days()
    metrics = HOSTAGE_METRICS.get(figure.get("metric"))
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    if not metrics or figure.get("population") not in ("israeli", None, "") or pd.isna(value):
        return None
    if not_a_current_count(figure):
        return None
    margin = max(HOSTAGE_MATCH[0] * value, HOSTAGE_MATCH[1])
    if figure.get("qualifier") in ("approx", "lower_bound", "upper_bound") and value % 10 == 0:
        margin = max(margin, HOSTAGE_ROUND_PCT * value / 100)   # "roughly 100"
    if figure.get("metric") == "hostages_dead":
        return _remains_constraint(figure, int(value))
    period = _hostage_period_constraint(int(value), figure.get("metric"))
    if period is not None:
        return period
    points = reference.compiled_points(tuple(metrics))
    if figure.get("metric") == "hostages_held":   # and the timeline's periods' first/last days
        points = tuple(sorted(points + tuple(
            (day, p.count, p.source) for p in timeline.hostage_periods()
            for day in (p.start, p.end or p.start))))
    n = len(days)
    allowed = np.zeros(n, dtype=bool)
    if figure.get("metric") in MONOTONIC_HOSTAGE_METRICS and points:
        # a falling count: after the last report clearly above it, before the first one
        # clearly below it (reports within the margin say nothing more)
        above = [day for day, count, _ in points if count > value + margin]
        below = [day for day, count, _ in points if count < value - margin]
        if not above and max(c for _, c, _ in points) < value:
            return None   # more than any compiled report: the early, uncompiled weeks
        lo = _index(days, max(above)) - HOSTAGE_DAYS if above else 0
        hi = _index(days, min(below)) + HOSTAGE_DAYS if below else n
        if hi < lo:   # reports on different bases cross: keep the span between them
            lo, hi = hi - HOSTAGE_DAYS, lo + HOSTAGE_DAYS
        near = [_index(days, day) for day, count, _ in points if abs(count - value) <= margin]
        if near:   # and, like any count, near the reports of about the same count
            lo = max(lo, min(near) - HOSTAGE_DAYS)
            hi = min(hi, max(near) + HOSTAGE_DAYS)
            if hi < lo:
                lo, hi = min(near) - HOSTAGE_DAYS, max(near) + HOSTAGE_DAYS
        allowed = _mask_range(n, lo, hi)
        label = (f"{figure['metric']} {int(value)}: compiled counts fall through it between "
                 f"{days[max(lo, 0)]} and {days[min(hi, n - 1)]} (±{HOSTAGE_DAYS} days)")
        if value < EARLY_COUNT[1] and lo > 0:
            allowed |= _mask_range(n, 0, _index(days, EARLY_COUNT[0]))
            label += f", or the first weeks of the war (to {EARLY_COUNT[0]})"
        return Constraint("hostages", label, allowed) if allowed.any() else None
    near = [(day, count) for day, count, _ in points if abs(count - value) <= margin]
    for day, _ in near:
        i = _index(days, day)
        allowed |= _mask_range(n, i - HOSTAGE_DAYS, i + HOSTAGE_DAYS)
    if not allowed.any():
        return None
    label = (f"{figure['metric']} {int(value)}: compiled reports of "
             f"{', '.join(sorted({str(count) for _, count in near}))} on "
             f"{min(d for d, _ in near)}..{max(d for d, _ in near)} (±{HOSTAGE_DAYS} days)")
    return Constraint("hostages", label, allowed)


# A count of hostages freed so far in a truce ("bringing the total number of hostages released
# to 58", "So far, 21 hostages ... have been freed"): the timeline's released rows (the count
# from a release day to the day before the next), widened by these days (a late copy).
RELEASED_SO_FAR = re.compile(r"\b(?:so\s+far|thus\s+far|to\s+date|until\s+now|in\s+total|"
                             r"a\s+total\s+of|the\s+total\s+(?:number\s+)?(?:of\s+)?|"
                             r"bringing|brings|brought)\b", re.IGNORECASE)
RELEASED_DAYS = (0, 2)
# ... freed alive ("released", "freed"), not bodies returned, nor a part of the count
# ("including 15 Israelis")
RELEASED_VERB = re.compile(r"\b(?:releas\w*|free[ds]?|freeing)\b", re.IGNORECASE)
NOT_ALIVE = re.compile(r"\b(?:bod(?:y|ies)|remains|coffins?|deceased|dead)\b", re.IGNORECASE)


def released_constraint(figure: dict) -> Constraint | None:
    """Hostages freed so far in a truce (:data:`RELEASED_SO_FAR` in the figure's sentence):
    the days that count stood (the timeline's ``released`` rows, all nationalities or Israelis
    only). A count of one release ("Hamas released three more hostages") says nothing here."""
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    before = _clause_before(figure)
    if not RELEASED_SO_FAR.search(sentence) or not RELEASED_VERB.search(sentence) or \
            NOT_ALIVE.search(sentence) or pd.isna(value) or \
            re.search(r"\bmore\b", figure.get("quote") or "") or \
            re.search(r"\b(?:including|of\s+them|among\s+them)\s*$", before):
        return None
    periods = [p for p in timeline.released_periods() if p.count == int(value)]
    return _periods_constraint(periods, RELEASED_DAYS, f"hostages_released {int(value)} so far")


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
    anchors = sorted({a for c in constraints for a in c.anchors if 0 <= a < n})
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
    anchors = sorted({a for c in constraints if c.kind in FIRM_ANCHOR_KINDS
                      for a in c.anchors if 0 <= a < n})
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
    prefer = None
    if qualifier == "ordinal_near":   # "nearing its 22nd month": the closer, the likelier
        lo_i, hi_i = int(np.floor(lo)), int(np.ceil(hi))
        prefer = NEARLY_PREFER * allowed * np.clip(
            (np.arange(len(days)) - lo_i) / max(1, hi_i - lo_i), 0, 1)
    if qualifier not in ("anniversary", "ordinal", "ordinal_near", "mark", "at_least"):
        counted = allowed
        allowed, label = _paused_by_truce(mention["text"], allowed, label)
        if allowed is not counted:   # the span itself stays the likelier reading
            prefer = TRUCE_SPAN_PREFER * counted
    return Constraint("duration", label, allowed, prefer)


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


def _month_only(resolved) -> bool:
    """Whether a date is a month or a part of one ("October 2025", "late March 2024"): no
    news hook then, and no anchor for the preferences of the days soon after the latest event
    (a report of January 2026 telling of "the ceasefire ... since October 2025" was dated
    to the month after the month it named)."""
    return resolved.end is not None and resolved.end != resolved.date


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
        LEAD_DATE_DAYS if mention.get("lead") else n
    if mention.get("tense") == "future":
        idx = _index(days, resolved.end)
        if idx <= 0:   # "October 7, 2023" read as coming: a misread tense (no report before)
            return None
        prefer = _ahead(idx - np.arange(n), AHEAD_FLAT_DAYS, AHEAD_HALF_LIFE)
        return Constraint("absolute", f"'{text}' planned: on/before {resolved.end}",
                          _mask_range(n, idx - near, idx), prefer * 0.5)
    idx = _index(days, resolved.date)
    if idx <= 0:
        return None  # 7 October itself says nothing beyond "since the war"
    return Constraint("absolute", f"'{text}' mentioned as past: on/after {resolved.date}",
                      _mask_range(n, idx, _index(days, resolved.end) + near),
                      _named_day_prefer(mention, idx, n),
                      anchors=() if mention.get("since") or _month_only(resolved) else
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
    low = dates._norm(text)
    words = [w for w in re.findall(r"[a-z]+", low) if w in dates.MONTHS]
    if not words:
        return []
    month = dates.MONTHS[words[0]]
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
            span = dates._resolve_month_part(low, dt.date(year, 12, 31), "past")
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
    for first, last in spans:
        i, j = _index(days, first), _index(days, last)
        if future:
            allowed |= _mask_range(n, i - ahead, j)
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
                      anchors=() if future or hinted or mention.get("since") else
                      tuple(_index(days, s[1]) for s in spans),
                      occurrences=tuple((_index(days, a), _index(days, b)) for a, b in spans),
                      text=mention["text"], future=future)


def _month_spans(low: str, years) -> list[tuple[dt.date, dt.date]]:
    """The first and last day of the month a text names ("in november"), in each year."""
    words = [w for w in re.findall(r"[a-z]+", low) if w in dates.MONTHS]
    if not words:
        return []
    month = dates.MONTHS[words[0]]
    return [(dt.date(y, month, 1), dt.date(y + month // 12, month % 12 + 1, 1) -
             dt.timedelta(days=1)) for y in years]


def relative_year_constraint(mention: dict) -> Constraint | None:
    """ "October 7 last year", "in November last year", "in January this year": the report lies
    in the year after (the same year as) one occurrence of the date, on or after it. "October
    7" is the attack of 2023."""
    days, _ = calendar_days()
    n = len(days)
    low = dates._norm(mention["text"])
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
        prefer = 0.5 * _ahead(first - np.arange(n), AHEAD_FLAT_DAYS, AHEAD_HALF_LIFE)
        return Constraint("event", f"'{mention['text']}' still to come: {what}",
                          _mask_range(n, 0, max(first, last - 1)), prefer)
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
            (by_date if dated else matches).append((m.get("status") or "held", found,
                                                    bool(own)))
    # a meeting its own date identifies is the article's round; the others are the same talks
    yield from by_date or matches


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
            month = dates._month_of(found)
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


# --- combining --------------------------------------------------------------------------------
# --- combining --------------------------------------------------------------------------------

def _score(constraints: list[Constraint], n: int, soft: bool = True) -> np.ndarray:
    score = np.zeros(n)
    for c in constraints:
        if c.kind in SOFT_KINDS:
            if soft:
                score += c.weight * c.prefer
        else:
            score += c.weight * c.allowed
            if c.prefer is not None:
                score += c.prefer
    return score


def _run(mask: np.ndarray, point: int) -> tuple[int, int]:
    """The run of True days of `mask` around `point`."""
    lo = hi = point
    while lo > 0 and mask[lo - 1]:
        lo -= 1
    while hi < len(mask) - 1 and mask[hi + 1]:
        hi += 1
    return lo, hi


def _window_around(point: int, hard: list[Constraint], n: int) -> tuple[int, int]:
    """The days around the point that satisfy every signal it satisfies, widened over the
    days that only miss fallible ones (:data:`FALLIBLE_KINDS`, up to :data:`WINDOW_SLACK`
    of weight), by at most :data:`DISAGREE_WIDEN_DAYS` on either side."""
    strict, loose = np.ones(n, dtype=bool), np.ones(n, dtype=bool)
    lost = np.zeros(n)   # weight of the fallible signals the point satisfies and a day does not
    for c in hard:
        strict &= c.allowed
        if c.kind in FALLIBLE_KINDS:
            lost += c.weight * ~c.allowed
        else:
            loose &= c.allowed
    slo, shi = _run(strict, point)
    lo, hi = _run(loose & (lost <= WINDOW_SLACK), point)
    return max(lo, slo - DISAGREE_WIDEN_DAYS), min(hi, shi + DISAGREE_WIDEN_DAYS)


def _combine(constraints: list[Constraint]):
    days, _ = calendar_days()
    n = len(days)
    score = _score(constraints, n)
    best = score.max()
    tied = np.flatnonzero(score >= best - TIE_MARGIN)
    point = tied[len(tied) // 2]  # the middle of the tied days
    hard = [c for c in constraints if c.kind not in SOFT_KINDS and c.allowed[point]]
    lo, hi = _window_around(point, hard, n)
    unmet = [c for c in constraints if c.kind not in SOFT_KINDS and not c.allowed[point]]
    # honest about disagreement: a strong signal the point does not satisfy widens the window
    # over the run of its allowed days nearest the point, when that begins close (a stale
    # quote, a loose duration: "the 100th day of the war" against a toll two weeks old)
    for c in unmet:
        if c.kind not in STRONG_KINDS or not c.allowed.any():
            continue
        allowed = np.flatnonzero(c.allowed)
        nearest = allowed[np.argmin(np.abs(allowed - point))]
        if abs(nearest - point) <= DISAGREE_WIDEN_DAYS:
            first, last = _run(c.allowed, nearest)
            far = last if nearest > point else first   # its far end, within reach
            far = far if abs(far - point) <= 2 * DISAGREE_WIDEN_DAYS else nearest
            lo, hi = min(lo, nearest, far), max(hi, nearest, far)
    # the days of the window the hard evidence (without weekday and recency preferences)
    # rates as high as the point: what the point was really chosen from
    firm_all = _score(constraints, n, soft=False)
    firm = firm_all[lo:hi + 1]
    plateau = int(np.sum(firm >= firm[point - lo] - 1e-9))
    # equally supported days far outside the window: the evidence does not choose between
    # them (several matching rounds, a year-less date in two years)
    best = np.flatnonzero(firm_all >= firm_all.max() - AMBIGUOUS_MARGIN)
    spread = None
    if len(best) and best[-1] - best[0] > MAX_WINDOW_DAYS and \
            (best[0] < lo - DISAGREE_WIDEN_DAYS or best[-1] > hi + DISAGREE_WIDEN_DAYS):
        spread = (days[best[0]], days[best[-1]])
    return point, (lo, hi), hard, unmet, plateau, spread


def _usable_figure(figure: dict) -> bool:
    """Counts of the whole population with a number (group all, not vague) only."""
    group = figure.get("group")
    vague = figure.get("vague")
    if isinstance(vague, str):
        vague = vague.strip().lower() == "true"
    return (group in (None, "", "all") or (isinstance(group, float) and pd.isna(group))) \
        and not (vague is True or (isinstance(vague, (bool, np.bool_)) and bool(vague)))


def figure_constraints(figures: list[dict]) -> tuple[list[Constraint], list[str]]:
    """Tolls and hostage counts -> constraints; and the figures set aside as not the
    official toll (with the reason)."""
    constraints, set_aside = [], []
    for figure in figures or []:
        if not _usable_figure(figure):
            continue
        key = (figure.get("metric"), figure.get("population"))
        scope = figure.get("scope")
        c = None
        if key == ("killed", "israeli") and \
                ISRAELI_EARLY_TOLL[0] <= (pd.to_numeric(figure.get("value"), errors="coerce")
                                          or 0) <= ISRAELI_EARLY_TOLL[1]:
            c = israeli_early_toll_constraint(figure)
        elif key == ("killed", "palestinian") and since_truce(figure):
            c = truce_toll_constraint(figure)
        elif key in TOLL_METRICS and since_date(figure) is not None and \
                since_date_constraint(figure) is not None:   # (else: the whole toll, in a
            c = since_date_constraint(figure)   # sentence that names a later day too)
        elif key in TOLL_METRICS and (scope in (None, "", "cumulative") or pd.isna(scope)):
            why = not_a_toll(figure)
            if why:
                set_aside.append(f"{figure.get('quote') or figure.get('value')} ({why})")
                continue
            constraints += toll_constraints(figure)
            continue
        if figure.get("metric") in HOSTAGE_METRICS and scope != "event":
            c = hostage_constraint(figure)
        elif figure.get("metric") == "hostages_released":
            c = released_constraint(figure)
        if c is not None:
            constraints.append(c)
    return _one_per_bulletin(constraints), set_aside


def _one_per_bulletin(constraints: list[Constraint]) -> list[Constraint]:
    """Figures that allow the same days count once: the killed and the injured of one
    bulletin ("40,005 killed and 92,401 injured"), a toll repeated in the headline and the
    body are one piece of evidence, not two that add up to outvote the rest."""
    out: list[Constraint] = []
    for c in constraints:
        same = next((o for o in out if o.kind == c.kind and np.array_equal(o.allowed, c.allowed)),
                    None)
        if same is None:
            out.append(c)
            continue
        if c.prefer is not None:
            same.prefer = c.prefer if same.prefer is None else np.maximum(same.prefer, c.prefer)
        same.label += f"; {c.label}"
    return out


DATED_KINDS = ("iso", "month_day", "day_month", "month_year", "part_month")


def _mention_constraint(mention: dict) -> Constraint | None:
    kind = mention.get("kind")
    if kind == "duration":
        return duration_constraint(mention)
    if kind == "holiday":
        return holiday_constraint(mention)
    if kind == "remains":   # "the remains of 12 hostages remain in Gaza" (dates.py); a
        # count returned "of 28" is Hamas's, with remains Israel did not accept: within 2
        return _hostage_period_constraint(int(mention["count"]), "hostages_dead",
                                          RETURNED_SLACK if mention.get("returned")
                                          else ALL_DEAD_MATCH)
    if kind == "event":
        return event_constraint(mention)
    if kind == "office":
        return office_constraint(mention)
    if kind == "dateline":
        return dateline_constraint(mention)
    if kind == "bare_month" and mention.get("rel_year") is not None:
        return relative_year_constraint(mention)   # "in November last year"
    if kind in DATED_KINDS:
        if dates.resolve(mention["text"], None).date is not None:
            return absolute_constraint(mention)
        return yearless_constraint(mention)
    return None


# An event mentioned several times: the most telling relation counts (one constraint).
EVENT_RELATION_ORDER = ("offset", "recent", "during", "future", "past")
# an event told both as done and as still to come: the report within this many days of it
SAME_DAY_EVENT_DAYS = 2


def _one_mention_per_event(mentions: list[dict]) -> list[dict]:
    """Mentions with, for each timeline event and each holiday, only its most telling
    mention ("ahead of Ramadan" rather than "truce for Ramadan" in the headline)."""
    best: dict[str, dict] = {}
    tenses: dict[str, set] = {}
    for m in mentions:
        if m.get("kind") in ("event", "holiday"):
            key = m["event"] if m["kind"] == "event" else f"holiday {m.get('holiday')}"
            tense = m.get("tense") or "past"
            tenses.setdefault(key, set()).add(tense)
            rank = EVENT_RELATION_ORDER.index(tense) if tense in EVENT_RELATION_ORDER else 9
            if m.get("starts_weekday") is not None or m.get("starts_soon"):
                rank = -1   # "Ramadan ... begins Monday" tells the most
            if key not in best or rank < best[key][0]:
                best[key] = (rank, m)
    for event, (rank, m) in list(best.items()):
        if m["kind"] == "event" and m.get("tense") == "future" and \
                tenses[event] & {"past", "recent"}:
            # told as done and as still to come ("released all 20 living hostages ... Israel
            # will release 1,968 prisoners"): the report is of its day, or the next
            best[event] = (rank, dict(m, tense="recent", recent_days=SAME_DAY_EVENT_DAYS))
    keep = {id(m) for _, m in best.values()}
    out = [m for m in mentions if m.get("kind") not in ("event", "holiday") or id(m) in keep]
    return out + [m for _, m in best.values() if id(m) not in {id(x) for x in mentions}]


def _same_date_twice(c: Constraint, constraints: list[Constraint]) -> bool:
    """A full date written twice ("Jan. 20, 2025" and "January 20, 2025"): the same days
    allowed by a date of the same kind and tense already counted, which must not count (nor
    prefer the days before it) twice."""
    return c.kind in ("absolute", "yearless") and any(
        o.kind == c.kind and o.future == c.future and np.array_equal(o.allowed, c.allowed)
        for o in constraints)


def mention_constraints(mentions: list[dict]) -> list[Constraint]:
    """Every date mention, event, office holder and holiday -> a constraint (one per
    distinct label; one per timeline event)."""
    days, _ = calendar_days()
    constraints, seen, offices = [], set(), {}
    for mention in _one_mention_per_event(mentions or []):
        c = _mention_constraint(mention)
        if c is None or c.label in seen or _same_date_twice(c, constraints):
            continue
        seen.add(c.label)
        if c.kind == "office" or mention.get("kind") == "event":
            # one person's several tenures, one phrase naming several periods ("the current
            # ceasefire"): any of them
            same = offices.get((c.kind, mention["start_char"]))
            if same is not None:
                same.parts = (same.parts or ((same.allowed, same.label),)) + \
                    ((c.allowed, c.label),)
                same.allowed = same.allowed | c.allowed
                same.anchors = tuple(sorted(set(same.anchors) | set(c.anchors)))
                if c.prefer is not None:
                    same.prefer = c.prefer if same.prefer is None else \
                        np.maximum(same.prefer, c.prefer)
                same.label += f" or {c.label}"
                continue
            offices[(c.kind, mention["start_char"])] = c
        constraints.append(c)
    if any(m.get("kind") == "since_war" for m in mentions or []):
        constraints.append(Constraint("since_war", "'since Oct. 7': after the war began",
                                      np.ones(len(days), dtype=bool)))
    return constraints


def infer_date(mentions: list[dict], figures: list[dict],
               meetings: list[dict] | None = None) -> Inference:
    """Infer a report date from one article's date mentions, extracted figures and
    meetings: every signal a constraint over the candidate days, one combined score."""
    constraints, set_aside = figure_constraints(figures)
    counts = [c for c in constraints if c.kind == "hostages"]
    constraints += [c for c in mention_constraints(mentions)   # a count of remains the text
                    if c.kind != "hostages" or not any(   # and the figures both give: once
                        np.array_equal(c.allowed, o.allowed) for o in counts)]
    constraints += round_constraints(meetings)
    constraints, dropped = consistent(constraints)
    set_aside = set_aside + [f"{label} (a weaker reading that disagrees with the rest)"
                             for label in dropped]
    for soft in (weekday_constraint(mentions or []), recency_constraint(constraints),
                 fresh_constraint(constraints)):
        if soft is not None:
            constraints.append(soft)
    return _decide(constraints, set_aside)


# Consistency between independent signals. On the dev sets (285 articles, the dated ones
# without their header), whenever two signals of one article allowed days lying more than
# DISAGREE_WIDEN_DAYS apart, the firmer one (a toll, a full date, a dateline, the war's age,
# an office tenure) held the truth and the weaker reading was wrong: a count of hostages of a
# sub-group ("three Israeli hostages who remain in captivity" in a video, "the eight hostages
# who hold US citizenship") or of bodies recovered ("recovered the bodies of two hostages held
# in Gaza") read as the count held, a hostage's name taken for the event of his death, a
# "Mahdi Ramadan" for the holy month, a past "President-elect". Two counts of hostages that
# disagree cannot both be the count held; an injured toll of another source ("173,000
# wounded") against the killed toll of the same report is the weaker of the two.
FIRM_KINDS = ("toll", "absolute", "dateline", "duration", "office")
DEFERRING_KINDS = ("hostages", "holiday", "event")


def _near(allowed: np.ndarray, days: int = DISAGREE_WIDEN_DAYS) -> np.ndarray:
    """The allowed days widened by `days` on either side."""
    return np.convolve(allowed.astype(np.int8), np.ones(2 * days + 1, dtype=np.int8),
                       mode="same") > 0


def _injured(c: Constraint) -> bool:
    return c.kind in ("toll", "toll_range") and c.label.startswith("injured")


def consistent(constraints: list[Constraint]) -> tuple[list[Constraint], list[str]]:
    """The constraints without the weaker readings that disagree with firmer ones (no day
    within :data:`DISAGREE_WIDEN_DAYS` of each other): a signal of :data:`DEFERRING_KINDS`
    against one of :data:`FIRM_KINDS`; an injured toll against a killed one; two counts of
    hostages against each other (both go). Returns (kept, labels of those set aside)."""
    live = [c for c in constraints if c.kind not in SOFT_KINDS and c.allowed.any()]
    firm = [_near(c.allowed) for c in live if c.kind in FIRM_KINDS and not _injured(c)]
    killed = [_near(c.allowed) for c in live if c.kind == "toll" and not _injured(c)]
    drop = set()
    for i, c in enumerate(live):
        against = firm if c.kind in DEFERRING_KINDS else killed if _injured(c) else []
        if any(not (c.allowed & near).any() for near in against):
            drop.add(i)
    figures = {live[i].label.split("):")[0] for i in drop if _injured(live[i])}
    drop.update(i for i, c in enumerate(live)   # an injured toll's range goes with its core
                if _injured(c) and c.label.split("):")[0] in figures)
    counts = [i for i, c in enumerate(live) if c.kind == "hostages" and i not in drop]
    for a in counts:
        near = _near(live[a].allowed)
        for b in counts:
            if b != a and not (live[b].allowed & near).any():
                drop.update((a, b))
    gone = {id(live[i]) for i in drop}
    return ([c for c in constraints if id(c) not in gone],
            [live[i].label for i in sorted(drop)])


# A round match weaker than this (several candidate rounds, or one name in common) cannot date
# an article by itself: :func:`_only_rounds_narrow`.
WEAK_ROUND_STRENGTH = 0.6
# ... when the other signals leave more than this many days (a tenure, a toll of a slow month
# leave a few weeks to a season: there the round picks the day among plausible ones, and the
# window is what the rest allows). Of the six articles (dev sets with dev4) a weak match
# dated within 62 to 124 days, it put three within a day, one 5, one 8 and one 41 days off
# (a Doha meeting that 26 compiled rounds fit, beside "president-elect": dev4/555).
ROUND_ALONE_DAYS = 2 * MAX_WINDOW_DAYS


def _only_rounds_narrow(point: int, used: list[Constraint], n: int) -> tuple[int, int] | None:
    """The run of days around the estimate that the signals other than round matches allow,
    when it is wider than :data:`MAX_WINDOW_DAYS` and the match is weak
    (:data:`WEAK_ROUND_STRENGTH`: several candidate rounds at a busy venue, one name in
    common): then a match with the compiled rounds alone made the date, and the compiled
    table lacks rounds (a Cairo round of August 2025 matched the Cairo rounds of 2024 by
    venue and one name, 357 days off). Wider than :data:`ROUND_ALONE_DAYS` the article stays
    undated; else the round picks the day and the window is this run (an honest window: a
    Doha meeting that 26 rounds fit put a report of December 2024 on 20 January 2025).
    None when other evidence (a toll, a date, an event, a duration) narrows it too.
    Office tenures (years long) count as the rest; weekday and recency preferences not."""
    if not any(c.kind in FALLIBLE_KINDS and c.strength < WEAK_ROUND_STRENGTH for c in used):
        return None
    rest = np.ones(n, dtype=bool)
    for c in used:
        if c.kind not in FALLIBLE_KINDS and c.kind not in SOFT_KINDS:
            rest &= c.allowed
    lo, hi = _run(rest, point)
    return (lo, hi) if hi - lo + 1 > MAX_WINDOW_DAYS else None


# The latest past event or full date an article tells (its news hook, most often) bounds a
# report that no later signal bounds: dev sets, gap from it to the report: half within 3 days,
# three in four within 14, one in five more than 21 (those whose hook the timeline lacks).
FRESH_WINDOW_DAYS = 21
FRESH_POINT_DAYS = 7   # ... when the estimate lies this close after it


def _fresh_window(point: int, run: tuple[int, int], constraints: list[Constraint]):
    """(first, last) day index of the window a report gets from its latest past event when
    the other evidence leaves it open after that event (:data:`FRESH_WINDOW_DAYS`); None
    when the estimate is not right after such an event or the evidence ends the run sooner."""
    lo, hi = run
    anchors = [a for c in constraints if c.kind == "fresh" for a in c.anchors if a <= point]
    if anchors:   # a year-less date after the latest firm anchor is of its year: "after
        # Sinwar was killed ... in late October" (late October 2024 is the latest past day)
        anchors += [a for c in constraints if c.kind == "yearless" and not c.future
                    for a in c.anchors if max(anchors) <= a <= point]
    if not anchors or point - max(anchors) > FRESH_POINT_DAYS or max(anchors) < lo:
        return None
    last = max(anchors) + FRESH_WINDOW_DAYS
    return (max(anchors), last) if hi >= last else None


# The recency and freshness preferences decay with the days since the latest past event or
# date the article tells. When the estimate lies more than this many days after it, the
# article's news hook is not that event (one the timeline lacks, most often): the slope of a
# decaying preference would only push the estimate to the first day the rest allows (a
# count of hostages that stood for ten weeks gave its first day, 21 days off).
PULL_DAYS = 21
DECAYING_KINDS = ("fresh", "recency")


def _pulled_from_afar(point: int, constraints: list[Constraint]) -> bool:
    """Whether the estimate lies more than :data:`PULL_DAYS` after the latest past anchor
    of the decaying preferences (none before it: not pulled)."""
    anchors = [a for c in constraints if c.kind in DECAYING_KINDS for a in c.anchors
               if a <= point]
    return bool(anchors) and point - max(anchors) > PULL_DAYS


def _far_conflicts(point: int, unmet: list[Constraint]) -> list[str]:
    """The reliable signals (:data:`RELIABLE_KINDS`) the estimate misses by more than
    :data:`DISAGREE_WIDEN_DAYS`, each with the distance: a toll equal to a bulletin months
    after what a full date with its year allows, a dateline against an office tenure. One
    exact match does not outvote them; the article stays undated."""
    out = []
    for c in unmet:
        if c.kind not in RELIABLE_KINDS or not c.allowed.any():
            continue
        gap = int(np.min(np.abs(np.flatnonzero(c.allowed) - point)))
        if gap > DISAGREE_WIDEN_DAYS:
            out.append(f"{c.label} ({gap} days away)")
    return out


def _decide(constraints: list[Constraint], set_aside: list[str]) -> Inference:
    """The best day and its window, or undated with the reason (module doc)."""
    days, _ = calendar_days()
    aside = ("set aside as not the official toll or disagreeing: " + "; ".join(set_aside)) \
        if set_aside else ""
    informative = [c for c in constraints if c.kind in INFORMATIVE_KINDS and c.allowed.any()]
    if not informative:
        found = "; ".join(c.label for c in constraints) or "no date mentions or tolls"
        found += f"; {aside}" if aside else ""
        return Inference(None, None, f"undated: no usable signal ({found})", constraints)
    point, (lo, hi), used, unmet, plateau, spread = _combine(constraints)
    if _pulled_from_afar(point, constraints):
        constraints = [c for c in constraints if c.kind not in DECAYING_KINDS]
        point, (lo, hi), used, unmet, plateau, spread = _combine(constraints)
    window = (days[lo], days[hi])
    parts = [c.label_at(point) for c in used if c.kind != "since_war"]
    parts += [c.label_at(point) for c in constraints if c.kind in SOFT_KINDS]
    if unmet:
        parts.append("not satisfied: " + "; ".join(c.label for c in unmet))
    evidence = "; ".join(parts + ([aside] if aside else []))
    if spread is not None:  # no one window: the evidence points to distant days
        return Inference(None, None, f"undated: the evidence fits {spread[0]} and "
                         f"{spread[1]} equally well: {evidence}", constraints)
    conflicts = _far_conflicts(point, unmet)
    if conflicts:
        return Inference(None, None, f"undated: the evidence disagrees: the best day "
                         f"{days[point]} misses " + "; ".join(conflicts) + f": {evidence}",
                         constraints)
    only = _only_rounds_narrow(point, used, len(days))
    if only is not None and only[1] - only[0] + 1 > ROUND_ALONE_DAYS:
        return Inference(None, None, f"undated: only a match with compiled rounds (not "
                         f"complete) narrows it; the rest allows {only[1] - only[0] + 1} "
                         f"days: {evidence}", constraints)
    fresh = _fresh_window(point, (lo, hi), constraints)
    if hi - lo + 1 > MAX_WINDOW_DAYS and fresh is not None:
        lo, hi = fresh
        window = (days[lo], days[hi])
        plateau = min(plateau, hi - lo + 1)   # (the days it was chosen from are these now)
        evidence += (f"; no later signal bounds it: the report within {FRESH_WINDOW_DAYS} days "
                     f"of the latest past event {days[lo]}")
    if hi - lo + 1 > MAX_WINDOW_DAYS:
        return Inference(None, window, f"undated: evidence only narrows it to {window[0]}.."
                         f"{window[1]} ({hi - lo + 1} days): {evidence}", constraints)
    if plateau > MAX_PLATEAU_DAYS:
        return Inference(None, window, f"undated: within {window[0]}..{window[1]} only "
                         f"weekday or recency preferences pick a day among {plateau} equally "
                         f"supported ones: {evidence}", constraints)
    if only is not None:   # a weak round match picked the day: the window is what the rest
        lo, hi = min(lo, only[0]), max(hi, only[1])   # allows
        evidence += f"; only a weak round match picks the day among {hi - lo + 1}"
    window = _with_margin(days, lo, hi)
    reach = _reach(days[point], window)
    if reach > MAX_REACH_DAYS:
        return Inference(None, window, f"undated: the evidence allows {window[0]}..{window[1]}, "
                         f"up to {reach} days from its best day {days[point]}: {evidence}",
                         constraints)
    return Inference(days[point], window, evidence, constraints)


# Calibrated abstention: a report date is written only when every day of its window lies
# within this many days of it, so that an article whose window holds the truth is never more
# than a month off. Wider (a season a weak round match or a decaying preference picks a day
# from) the article stays undated and keeps its window (its meetings may still join a round
# inside it). On the dev sets (285 articles with the dated ones stripped of their header) it
# left undated 11 articles dated before: 6 within 3 days, 5 between 6 and 41 days off.
MAX_REACH_DAYS = 31


def _reach(point: dt.date, window: tuple[dt.date, dt.date]) -> int:
    """Days from the estimate to the farther end of its window."""
    return max((point - window[0]).days, (window[1] - point).days)


# The window written for a dated estimate reaches this many days beyond the days the evidence
# allows, on either side: most windows begin on the day of the event the report tells (on the
# dev sets the truth lies on a window's first or last day for three dated articles in five),
# and a report's date is a day off that day often enough (an evening event dated by the
# next morning's copy, a republished wire, a time zone, a timeline day of another calendar).
WINDOW_MARGIN_DAYS = 1


def _with_margin(days: list[dt.date], lo: int, hi: int) -> tuple[dt.date, dt.date]:
    """(first, last) day of the window lo..hi widened by :data:`WINDOW_MARGIN_DAYS`."""
    return (days[max(0, lo - WINDOW_MARGIN_DAYS)],
            days[min(len(days) - 1, hi + WINDOW_MARGIN_DAYS)])


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
    """What an inference depends on besides the article's own result: this module's and
    analysis.assemble.reference's code (the cache's pipeline version leaves them out), the
    timeline (its hostage-count periods are read here), the reference series and rounds, and
    the calendar's last day. Stored with the inference in the
    per-document result, so a cached re-run reuses it (analysis.batch.run saves results after this
    step) and any change to these makes it run again."""
    digest = hashlib.sha256(str(calendar_days()[0][-1]).encode())
    for path in [Path(__file__), Path(reference.__file__), Path(timeline.TIMELINE)] + \
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
