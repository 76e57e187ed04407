"""Counts of hostages held, bodies still held and hostages freed so far in a truce, as
constraints over the periods the timeline and the compiled series give. Fed by the figures
and :mod:`.tolls` (their clauses); feeds :mod:`.evidence`.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from analysis.assemble import reference
from analysis.assemble.dating.base import Constraint, _index, _mask_range, calendar_days
from analysis.assemble.dating.tolls import _clause_before, _clauses
from analysis.rules import timeline

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
LOWER_BOUND_PCT = 35        # "more than 100": counts up to 35% above it, and no nearer (round 9:
#                             said of 111-115 held in August 2024, of 128 in May 2024; a report of
#                             15 August 2024 was put after 29 August)
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
# ... the period of the count itself preferred by this much (a report of 27 October 2025
# telling 13 bodies held fitted the periods of 15, 13 and 11 equally, and the tie's middle
# was 3 November)
EXACT_COUNT_PREFER = 0.3
# The period of the count itself (not one within 1) is preferred by this much over the
# margin days around it (a report quoting a count a day or two stale, or ahead of the
# official tally, stays allowed; a count within 1 gets no such preference: reports of
# October 2025 were often a body ahead of the identified count)
OWN_PERIOD_PREFER = 0.2
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
                               slack: int = ALL_DEAD_MATCH,
                               own_counts: set[int] | None = None) -> Constraint | None:
    """A count of hostages held equal to one that stood for a known period (the timeline's
    hostages rows: 94 from 19 to 24 January 2025, 59 from March to May 2025, 24 bodies on 13
    October 2025; :func:`_period_matches`): the report lies in one of those periods
    (widened by :data:`HOSTAGE_PERIOD_DAYS`), the periods of the count itself (or of
    `own_counts`) preferred."""
    periods = [p for p in timeline.hostage_periods() if _period_matches(p, value, metric, slack)]
    own = [p for p in periods if _period_matches(p, value, metric, 0) or
           p.count in (own_counts or ())]
    constraint = _periods_constraint(periods, HOSTAGE_PERIOD_DAYS, f"{metric} {value}", own)
    exact = [p for p in periods if p.count in (own_counts or {value})]
    if constraint is not None and exact and any(   # (round 7) counts of bodies within 1
            p.start >= ALL_DEAD_FROM and p.count != value for p in periods):   # match, the
        days, _ = calendar_days()   # period of the count itself is the likelier
        prefer = np.zeros(len(days))
        for p in exact:
            prefer[_mask_range(len(days), _index(days, p.start), _index(days, p.end or p.start))] \
                = EXACT_COUNT_PREFER
        constraint.prefer = prefer if constraint.prefer is None else \
            np.maximum(constraint.prefer, prefer)
    return constraint


def _periods_constraint(periods, margin: tuple[int, int], what: str,
                        own=()) -> Constraint | None:
    """A hostage count's constraint: inside one of the timeline `periods` it stood for,
    widened by `margin` (days before the start, after the end), the days of the periods of
    `own` (the count itself, not one within 1) preferred by :data:`OWN_PERIOD_PREFER`; None
    when none fits."""
    if not periods:
        return None
    days, _ = calendar_days()
    n = len(days)
    allowed, prefer = np.zeros(n, dtype=bool), np.zeros(n)
    for p in periods:
        first, last = _index(days, p.start), _index(days, p.end or p.start)
        allowed |= _mask_range(n, first - margin[0], last + margin[1])
        if p in own:
            prefer[_mask_range(n, first, last)] = OWN_PERIOD_PREFER
    label = f"{what}: " + "; ".join(f"{p.event} ({p.start}..{p.end})" for p in periods)
    return Constraint("hostages", label, allowed, prefer if prefer.any() else None)


# A count of hostages that is not the count held at the report: told in the past perfect
# ("Hamas had been holding 48 hostages ... when the ceasefire was announced"), or of those
# alive ("63 hostages still held in Gaza are alive").
PAST_COUNT = re.compile(r"\bhad\s+(?:been\s+)?(?:holding|held|kept|had)\b", re.IGNORECASE)
ALIVE_COUNT = re.compile(r"^[^.]*?\b(?:are|is|were|remain)\s+(?:still\s+)?(?:believed\s+"
                         r"(?:to\s+be\s+)?|thought\s+to\s+be\s+)?alive\b|"
                         # (round 8) "24 believed to be alive", "around 20 of them believed by
                         # Israel to be alive", "including 20 confirmed alive"
                         r"^\s*(?:[\w-]+\s+){0,6}?(?:still\s+)?(?:believed|thought|confirmed|"
                         r"presumed|said|known)\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?"
                         r"(?:to\s+(?:still\s+)?be\s+)?(?:still\s+)?alive\b", re.IGNORECASE)


# ... or of a sub-group: "the eight hostages held in Gaza who hold dual Israeli-US
# citizenship", "eight American hostages", "two Israeli citizens", "eight soldiers", "a Thai
# worker", "a video of three Israeli hostages who remain in captivity" (after the count, in
# its quote or clause; "video" before it). Not "Israeli and foreign hostages" (all of them).
# Round 8: a noun of a group is one whatever follows ("4 children and 20 women are thought
# to remain", a report of November 2023 read as the four bodies of November 2025, 731 days
# off), up to four words after the count ("two mentally ill Israeli civilians").
SUB_GROUP_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:Americans?|U\.?S\.?|Thais?|German|French|British|Russian|"
    r"Nepalese|Argentin\w*)\b(?!\s+and\b)|"
    r"^\s*(?:[\w-]+\s+){0,4}?(?:female|women|men|soldiers?|citizens?|civilians?|workers?|"
    r"families|children|elderly|minors|babies|infants)\b|"
    r"\b(?:dual|citizenship|nationals?)\b", re.IGNORECASE)
# ... or told in the past: "the release of all 48 hostages held by Hamas, 20 of whom were still
# alive" (the deal of October 2025 told in December)
PAST_OF_WHOM = re.compile(r"^[^.;]*?,\s+(?:\w+\s+){1,3}of\s+whom\s+were\b", re.IGNORECASE)
SUB_GROUP_BEFORE = re.compile(r"\b(?:video|footage|recording|clip)s?\b", re.IGNORECASE)
# ... or the count a past deal's terms named (round 9, second wave): "Palestinian terrorists
# committed to releasing the remaining 48 living and dead captives" (a report of December 2025
# on the October deal), "Hamas agreed to free all 48 hostages": the count at the deal, not
# at the report. Not "Hamas holds 48 hostages" nor a deal still to come ("would release").
DEAL_TERMS_BEFORE = re.compile(r"\b(?:committed|agreed|pledged|promised|undertook)\s+to\s+"
                               r"(?:release|releasing|free|freeing|return|returning|"
                               r"hand(?:ing)?\s+over)\s+(?:the\s+|all\s+)?(?:remaining\s+)?$",
                               re.IGNORECASE)
# ... but a count after "of the" is the whole the living are a part of: "fewer than half of
# the 59 hostages are alive", "20 of the 48 hostages are believed alive" (round 6)
PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:the\s+|all\s+)?$", re.IGNORECASE)


def not_a_current_count(figure: dict) -> bool:
    """:data:`PAST_COUNT` or :data:`DEAL_TERMS_BEFORE` before the figure or
    :data:`ALIVE_COUNT` right after it (not after
    "of the": :data:`PARTITIVE_BEFORE`); not "how many are alive" (a question about the
    count: "the 100 hostages it is holding and how many are alive" is the count held); a
    sub-group (:data:`SUB_GROUP_AFTER`, :data:`SUB_GROUP_BEFORE`)."""
    before, after = _clauses(figure)
    quote = figure.get("quote") if isinstance(figure.get("quote"), str) else ""
    rest = re.sub(r"^[^\d]*?(?:[\d,.]+|\b[a-z]+\b(?=\s))", "", quote, count=1,
                  flags=re.IGNORECASE) if quote else ""
    alive = ALIVE_COUNT.search(re.sub(r"^[^\d]*[\d,.]+", "", quote) + after)
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    told_past = quote and PAST_OF_WHOM.match(sentence[sentence.find(quote) + len(quote):])
    whole = PARTITIVE_BEFORE.search(before)   # "fewer than half of the 59 hostages are alive"
    return bool(PAST_COUNT.search(before) or SUB_GROUP_BEFORE.search(before) or told_past or
                DEAL_TERMS_BEFORE.search(before) or
                SUB_GROUP_AFTER.search(rest + after) or
                (alive and not whole and
                 not re.search(r"\bhow\s+many\b", alive.group(0), re.IGNORECASE)))


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


def _falling_count_constraint(figure: dict, value: float, margin: float,
                              points) -> Constraint | None:
    """A falling count (hostages held): after the last compiled report clearly above it,
    before the first one clearly below it (reports within the margin say nothing more);
    "more than 100" holds of counts up to :data:`LOWER_BOUND_PCT` above it."""
    days, _ = calendar_days()
    n = len(days)
    # ("more than 100" is said of 111 and 115 as well: above it by a wider step)
    up = max(margin, LOWER_BOUND_PCT * value / 100) \
        if figure.get("qualifier") == "lower_bound" else margin
    above = [day for day, count, _ in points if count > value + up]
    below = [day for day, count, _ in points if count < value - margin]
    if not above and max(c for _, c, _ in points) < value:
        return None   # more than any compiled report: the early, uncompiled weeks
    lo = _index(days, max(above)) - HOSTAGE_DAYS if above else 0
    hi = _index(days, min(below)) + HOSTAGE_DAYS if below else n
    if hi < lo:   # reports on different bases cross: keep the span between them
        lo, hi = hi - HOSTAGE_DAYS, lo + HOSTAGE_DAYS
    near = [_index(days, day) for day, count, _ in points
            if abs(count - value) <= margin and up == margin]   # (not of "more than")
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
        return _falling_count_constraint(figure, value, margin, points)
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


# Round 12: the count of hostages taken on 7 October as first told (the army notifying the
# families of 199 on 16 October 2023, 203 on 20 October, at least 222 on 23 October, 220 on
# 26 October; "at least 130" on 10 October) rose to about 240 by the end of October and stood
# at 240-255 from November: a count of those taken below it, not a round one ("more than 200",
# "about 150" are told for years), dates the report to the first weeks (to EARLY_TAKEN_UNTIL).
EARLY_TAKEN = (120, 235)
EARLY_TAKEN_UNTIL = dt.date(2023, 11, 10)


def early_taken_constraint(figure: dict) -> Constraint | None:
    """A count of all the hostages taken (population israeli, not approximate, not a
    multiple of 50) within :data:`EARLY_TAKEN`: the weeks the count was still being
    established, 7 October to :data:`EARLY_TAKEN_UNTIL`."""
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    if figure.get("metric") != "hostages_taken" or pd.isna(value) or \
            figure.get("population") not in ("israeli", None, "") or \
            figure.get("qualifier") not in ("exact", "lower_bound") or \
            not EARLY_TAKEN[0] <= value < EARLY_TAKEN[1] or value % 50 == 0:
        return None
    days, _ = calendar_days()
    allowed = _mask_range(len(days), 0, _index(days, EARLY_TAKEN_UNTIL))
    return Constraint("hostages", f"hostages_taken {int(value)}: a count of those taken still "
                      f"rising (the first weeks of the war, to {EARLY_TAKEN_UNTIL})", allowed)


# A count of hostages freed so far in a truce ("bringing the total number of hostages released
# to 58", "So far, 21 hostages ... have been freed"): the timeline's released rows (the count
# from a release day to the day before the next), widened by these days (a late copy).
RELEASED_SO_FAR = re.compile(r"\b(?:so\s+far|thus\s+far|to\s+date|until\s+now|in\s+total|"
                             r"a\s+total\s+of|the\s+total\s+(?:number\s+)?(?:of\s+)?|"
                             r"bringing|brings|brought|(?:has|have)\s+now|"
                             # round 9: "Hamas has released over 60 hostages since Friday's
                             # cease-fire", "since the truce began"
                             r"since\s+(?:the\s+|Friday['’]s\s+|last\s+week['’]s\s+)?"
                             r"(?:[\w-]+\s+){0,2}?(?:cease-?fire|truce|pause)\b)\b",
                             re.IGNORECASE)
RELEASED_DAYS = (0, 2)
# ... "over 60", "nearly 60": the counts that stood within this many above (below) it
RELEASED_ROUNDING = 10
# ... freed alive ("released", "freed"), not bodies returned, nor a part of the count
# ("including 15 Israelis")
RELEASED_VERB = re.compile(r"\b(?:releas\w*|free[ds]?|freeing)\b", re.IGNORECASE)
NOT_ALIVE = re.compile(r"\b(?:bod(?:y|ies)|remains|coffins?|deceased|dead)\b", re.IGNORECASE)


def released_constraint(figure: dict) -> Constraint | None:
    """Hostages freed so far in a truce (:data:`RELEASED_SO_FAR` in the figure's sentence):
    the days that count stood (the timeline's ``released`` rows, all nationalities or Israelis
    only; "over 60": the counts up to :data:`RELEASED_ROUNDING` above it). A count of one
    release ("Hamas released three more hostages") says nothing here."""
    sentence = figure.get("sentence") if isinstance(figure.get("sentence"), str) else ""
    value = pd.to_numeric(figure.get("value"), errors="coerce")
    before = _clause_before(figure)
    if not RELEASED_SO_FAR.search(sentence) or not RELEASED_VERB.search(sentence) or \
            NOT_ALIVE.search(sentence) or pd.isna(value) or \
            re.search(r"\bmore\b(?!\s+than)", figure.get("quote") or "") or \
            re.search(r"\b(?:including|of\s+them|among\s+them)\s*$", before):
        return None
    low, high = {"lower_bound": (value + 1, value + RELEASED_ROUNDING),
                 "upper_bound": (value - RELEASED_ROUNDING, value - 1)}.get(
        figure.get("qualifier"), (value, value))
    periods = [p for p in timeline.released_periods() if low <= p.count <= high]
    return _periods_constraint(periods, RELEASED_DAYS, f"hostages_released {int(value)} so far")
