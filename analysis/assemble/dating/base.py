"""The candidate days, the constraint and inference types, and the tuning constants the
signal modules share (weights, kinds, margins). Fed by the official series
(:mod:`analysis.assemble.reference`, the calendar's last day); feeds every other module of
the package.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.assemble import reference
from analysis.rules import dates
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
# Round 11: a coming day fixed long before (the timeline's rows of these kinds: an
# inauguration, an election, an anniversary of the war) is named as coming for weeks, not
# only in its last days. Eleven development articles of eight batches name the inauguration
# of 20 January 2025 as coming ("ahead of Trump's inauguration", "before Jan. 20"): written
# 5 to 46 days before it (median 13), while the days-before preference of a coming event
# (AHEAD_FLAT_DAYS, AHEAD_HALF_LIFE) put their best days 6 to 10 days late. Such an event or
# date bounds the report (before it) without preferring its last days.
FIXTURE_KINDS = ("inauguration", "election", "anniversary")
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
# An office holder named with the title: the tenure, widened by these days: two before (a
# late copy, an appointment reported on the eve), two weeks after its end (round 6: a stale
# title lingers in reports for days after a change, "deputy Hamas Gaza chief Khalil
# Al-Hayya" in a report of 24 October 2024, eight days after Sinwar's death; no dev article
# moved).
OFFICE_MARGIN = (2, 14)
# Holidays by the relation the text gives: (days before the first day, days after the last).
HOLIDAY_MARGINS = {"future": (40, -1), "during": (21, 2), "past": dates.HOLIDAY_MARGIN,
                   "until": (40, 0)}   # "until after Ramadan": before its end
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
    # a toll's figure as the article gives it (44000.0 for "more than 44,000"); None otherwise
    value: float | None = None

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
