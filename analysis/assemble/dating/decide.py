"""The decision: weaker readings that disagree with firmer ones set aside, the best day and
its window, abstention with its reason (module doc of the package), and
:func:`infer_date`, the whole inference for one article. Fed by :mod:`.evidence`,
:mod:`.rounds`, :mod:`.score`; feeds the package's table step.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from analysis.assemble.dating.base import (
    DISAGREE_WIDEN_DAYS,
    FALLIBLE_KINDS,
    INFORMATIVE_KINDS,
    MAX_PLATEAU_DAYS,
    MAX_WINDOW_DAYS,
    RELIABLE_KINDS,
    SOFT_KINDS,
    Constraint,
    Inference,
    calendar_days,
)
from analysis.assemble.dating.consistency import consistent
from analysis.assemble.dating.evidence import figure_constraints, mention_constraints
from analysis.assemble.dating.mentions import weekday_constraint
from analysis.assemble.dating.rounds import round_constraints
from analysis.assemble.dating.score import _combine, _run
from analysis.assemble.dating.spans import fresh_constraint, recency_constraint
from analysis.assemble.dating.tolls import is_round, precise_bulletin

# A round match weaker than this (several candidate rounds, or one name in common) cannot date
# an article by itself: :func:`_only_rounds_narrow`.
WEAK_ROUND_STRENGTH = 0.6
# ... when the other signals leave more than this many days (a tenure, a toll of a slow month
# leave a few weeks to a season: there the round picks the day among plausible ones, and the
# window is what the rest allows). Of the six articles (dev sets with dev4) a weak match
# dated within 62 to 124 days, it put three within a day, one 5, one 8 and one 41 days off
# (a Doha meeting that 26 compiled rounds fit, beside "president-elect": dev4/555).
ROUND_ALONE_DAYS = 2 * MAX_WINDOW_DAYS


def _run_without_rounds(point: int, used: list[Constraint], n: int) -> tuple[int, int]:
    """The run of days around `point` that the evidence other than round matches and soft
    preferences (weekdays, recency) allows: how far the article would reach without them."""
    rest = np.ones(n, dtype=bool)
    for c in used:
        if c.kind not in FALLIBLE_KINDS and c.kind not in SOFT_KINDS:
            rest &= c.allowed
    return _run(rest, point)


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
    lo, hi = _run_without_rounds(point, used, n)
    return (lo, hi) if hi - lo + 1 > MAX_WINDOW_DAYS else None


# Round 6, second pass: a match with one compiled round on one name in common (strength
# below 1: "held talks in Doha with the Qatari prime minister") that alone narrows the date
# (the rest allows more than ROUND_ALONE_DAYS) leaves the article undated, its window kept for
# its meetings. The same people met at Doha and Cairo many times the compiled table lacks: of
# the seven dev articles in that case two lay 56 days from the round they matched (dev4/531,
# dev2/360), and a dev article with its full date removed matched a Doha round 243 days off;
# a match on three names or more keeps the date (Warsaw, Rome, Oslo, Sharm el-Sheikh rounds).
def _one_name_round_alone(point: int, used: list[Constraint], n: int) -> bool:
    """Whether every round match the estimate rests on is weaker than a three-name match and
    the other signals allow more than :data:`ROUND_ALONE_DAYS` around it."""
    rounds = [c for c in used if c.kind in FALLIBLE_KINDS]
    if not rounds or any(c.strength >= 1.0 for c in rounds):
        return False
    lo, hi = _run_without_rounds(point, used, n)
    return hi - lo + 1 > ROUND_ALONE_DAYS


# Round 6, second pass: the "21-day window after the latest past event" is gone. It dated a
# report whose evidence left months open after its latest past event by the three weeks after
# that event: right when the timeline has the report's news hook (six dev articles, within a
# day), but the latest event the timeline knows is no hook in one report in five (dev sets:
# the gap from it to the report is over 21 days for one in five), and then the window missed
# the truth by as much as the evidence left open (a dev article with its own hook removed
# from the timeline: 69 days early; fresh reports of November 2025, 21 and 45 days early).
# Such an article is left undated with the window the evidence allows, as when the same
# preference picks a day among equal days more than a month wide (:func:`_preference_reach`).


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


# Round 6: the signals that, missed by more than three weeks, leave the article undated: the
# reliable ones, and the firm readings a weaker one must not outvote (the war's age, a named
# event, a count of hostages, a holiday). After :func:`consistent` has set aside the weak
# readings that disagree with firm ones, a best day missing one of these by weeks rests on a
# single signal (most often a round match) against the rest: on the dev sets no dated
# article was in that case, so this costs nothing there; it keeps an article off a narrow
# window in the wrong place.
CONFLICT_KINDS = RELIABLE_KINDS + ("duration", "event", "hostages", "holiday")


# Round 6, second pass: the "soon after the latest event" preferences (fresh, recency), the
# "soon before a coming date" preference of a planned date and the weekday may pick the day
# among days the rest of the evidence rates equally, but not when those days reach more than
# this many days from it: the estimate is then the latest event's first days (or the coming
# date's last days before it), right when the timeline has the report's own news hook and a
# month or more off when it lacks it (a report of 13 January 2025 naming only the fall of the
# Assad regime, 8 December 2024, and the president-elect: dated 8 December, 36 days off,
# inside its window; a dev article with its compiled round removed, "talks resume before 20
# April" put it on 19 April, 41 days late). Undated, it keeps its window. On the dev sets (296
# articles, the dated ones without their header) three estimates were in that case (0, 1
# and 7 days off).
PREFERENCE_REACH_DAYS = 30
PREFERENCE_KINDS = SOFT_KINDS + ("fresh",)


def _preference_reach(point: int, lo: int, hi: int, constraints: list[Constraint]) -> int:
    """Days from the estimate to the farthest day of the window lo..hi that the evidence
    rates as high as the estimate without the preferences (those of
    :data:`PREFERENCE_KINDS`, and a coming date's preference for the days just before it):
    how far the truth may lie when only those preferences chose the day (0 when the hard
    evidence prefers the estimate alone)."""
    firm = np.zeros(len(constraints[0].allowed))
    for c in constraints:
        if c.kind in PREFERENCE_KINDS:
            continue
        firm += c.weight * c.allowed
        if c.prefer is not None and not c.future:
            firm += c.prefer
    tied = lo + np.flatnonzero(firm[lo:hi + 1] >= firm[point] - 1e-9)
    return int(np.max(np.abs(tied - point))) if len(tied) else 0


# Round 8: a count of hostages held is one figure read from one clause, and a count of a
# group ("4 children and 20 women are thought to remain", November 2023) equals the count
# held in some weeks of the war (four bodies in November 2025: dated 731 days off, its
# window of 9 days missing the truth). Alone (offices aside) it dates nothing: the article
# keeps the window for its meetings. Counts of bodies told as such and of hostages freed
# so far in a truce are firmer (their own words); on the dev sets no dated article rested on
# a count held alone.
def _count_alone(used: list[Constraint]) -> bool:
    """Whether the informative signals the estimate meets, offices aside, are counts of
    hostages held only."""
    telling = [c for c in used if c.kind in INFORMATIVE_KINDS]
    return bool(telling) and all(c.kind == "hostages" and c.label.startswith("hostages_held")
                                 for c in telling)


def _one_reading_alone(point: int, used: list[Constraint], n: int) -> str:
    """What alone dates the estimate when it is one fallible reading (a compiled round
    matched on one name: :func:`_one_name_round_alone`; a count of hostages held:
    :func:`_count_alone`), else an empty string."""
    if _one_name_round_alone(point, used, n):
        return "a match with a compiled round on one name"
    if _count_alone(used):
        return "a count of hostages held"
    return ""


# Round 8, second pass: "more than 60,000 killed" stays true after the count passes the next
# round figure, and reports keep quoting it for weeks or months (a report of 21 October 2025,
# when the ministry counted 68,000, dated by its full date and events, was left undated as
# disagreeing with the days the count stood between 60,000 and 61,000). A round lower bound
# that the best day lies after is no conflict; one the best day lies before still is.
# Round 10: only a round one. A precise count told as a lower bound ("at least 50,983") is
# the count of its bulletin, quoted while current: a best day months after it is a conflict
# (a report of April 2025 giving the ministry's "at least 50,983" and a media office's "more
# than 61,700", which counts the missing, was dated to August, 120 days off).
def _stale_lower_bound(c: Constraint, point: int) -> bool:
    """Whether `c` is a round toll told as a lower bound ("more than 60,000") whose days all
    lie before the day `point` (a toll without its figure counts as round)."""
    return c.kind in ("toll", "toll_range") and "(lower_bound)" in c.label and \
        (c.value is None or is_round(int(c.value))) and \
        int(np.flatnonzero(c.allowed)[-1]) < point


# Round 11: a best day on a precise bulletin match (:func:`.tolls.precise_bulletin`: 109 of
# 109 development articles had the truth in it) is missed by a weaker reading only when that
# reading is wrong: a span of the war told of a part of it ("during the first nine months of
# attacks", dev10/1225), a count of another source or of one event ("10,251 Palestinians" of
# the war's first month beside the day's bulletin, dev11/1305), a round figure of a count that
# includes the missing ("more than 61,700" beside the ministry's "at least 50,983",
# dev11/1364). Only a day-precise or dated signal of the same firmness (a full date, a
# dateline, another precise bulletin) still makes a conflict.
DAY_FIRM_KINDS = ("absolute", "dateline")


def _firm_enough(c: Constraint, used: list[Constraint]) -> bool:
    """Whether the missed signal `c` can disagree with an estimate resting on `used`: any
    signal of :data:`CONFLICT_KINDS`, but against a precise bulletin match only those of
    :data:`DAY_FIRM_KINDS` and other precise bulletin matches."""
    if not any(precise_bulletin(u) for u in used):
        return True
    return c.kind in DAY_FIRM_KINDS or precise_bulletin(c)


def _far_conflicts(point: int, unmet: list[Constraint],
                   used: list[Constraint] = ()) -> list[str]:
    """The signals of :data:`CONFLICT_KINDS` the estimate misses by more than
    :data:`DISAGREE_WIDEN_DAYS`, each with the distance: a toll equal to a bulletin months
    after what a full date with its year allows, a dateline against an office tenure, a
    round match months before the event the article tells as past. One match does not
    outvote them; the article stays undated. Round matches (fallible) and the soft
    preferences are not counted, nor, against an estimate on a precise bulletin match
    (`used`), the weaker kinds (:func:`_firm_enough`)."""
    out = []
    for c in unmet:
        if not _firm_enough(c, used):
            continue
        if c.kind not in CONFLICT_KINDS or not c.allowed.any() or _stale_lower_bound(c, point):
            continue
        gap = int(np.min(np.abs(np.flatnonzero(c.allowed) - point)))
        if gap > DISAGREE_WIDEN_DAYS:
            out.append(f"{c.label} ({gap} days away)")
    return out


def _evidence_text(point: int, used: list[Constraint], unmet: list[Constraint],
                   constraints: list[Constraint], aside: str) -> str:
    """The evidence an estimate names: the signals it meets, the preferences, the signals it
    misses, the readings set aside."""
    parts = [c.label_at(point) for c in used if c.kind != "since_war"]
    parts += [c.label_at(point) for c in constraints if c.kind in SOFT_KINDS]
    if unmet:
        parts.append("not satisfied: " + "; ".join(c.label for c in unmet))
    return "; ".join(parts + ([aside] if aside else []))


# (round 7: a plateau whose window lies within PREFERENCE_REACH_DAYS either side of the day
# is dated: an honest window bounds the error to a month; on the dev sets the two such
# articles were 3 and 7 days off)
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
    evidence = _evidence_text(point, used, unmet, constraints, aside)
    if spread is not None:  # no one window: the evidence points to distant days
        return Inference(None, None, f"undated: the evidence fits {spread[0]} and "
                         f"{spread[1]} equally well: {evidence}", constraints)
    conflicts = _far_conflicts(point, unmet, used)
    if conflicts:
        return Inference(None, None, f"undated: the evidence disagrees: the best day "
                         f"{days[point]} misses " + "; ".join(conflicts) + f": {evidence}",
                         constraints)
    only = _only_rounds_narrow(point, used, len(days))
    if only is not None and only[1] - only[0] + 1 > ROUND_ALONE_DAYS:
        return Inference(None, None, f"undated: only a match with compiled rounds (not "
                         f"complete) narrows it; the rest allows {only[1] - only[0] + 1} "
                         f"days: {evidence}", constraints)
    alone = _one_reading_alone(point, used, len(days))
    if alone:   # (the window kept: the article's meetings may join a round inside it)
        window = _with_margin(days, lo, hi)
        return Inference(None, window, f"undated: only {alone} narrows it to {window[0]}.."
                         f"{window[1]}: {evidence}", constraints)
    if hi - lo + 1 > MAX_WINDOW_DAYS:
        return Inference(None, window, f"undated: evidence only narrows it to {window[0]}.."
                         f"{window[1]} ({hi - lo + 1} days): {evidence}", constraints)
    if plateau > MAX_PLATEAU_DAYS and max(point - lo, hi - point) > PREFERENCE_REACH_DAYS:
        return Inference(None, window, f"undated: within {window[0]}..{window[1]} only "
                         f"weekday or recency preferences pick a day among {plateau} equally "
                         f"supported ones: {evidence}", constraints)
    tie_reach = _preference_reach(point, lo, hi, constraints)
    if tie_reach > PREFERENCE_REACH_DAYS:
        window = _with_margin(days, lo, hi)
        return Inference(None, window, f"undated: within {window[0]}..{window[1]} only the "
                         f"'soon after' or weekday preferences pick the day {days[point]} among "
                         f"days up to {tie_reach} days from it that the rest supports equally: "
                         f"{evidence}", constraints)
    if only is not None:   # a weak round match picked the day: the window is what the rest
        lo, hi = min(lo, only[0]), max(hi, only[1])   # allows
        evidence += f"; only a weak round match picks the day among {hi - lo + 1}"
    window = _with_margin(days, lo, hi)
    reach = _reach(days[point], window)
    if reach > MAX_REACH_DAYS or (only is not None and hi - lo + 1 > MAX_WINDOW_DAYS):
        return Inference(None, window, f"undated: the evidence allows {window[0]}..{window[1]}, "
                         f"up to {reach} days from its best day {days[point]}: {evidence}",
                         constraints)
    return Inference(days[point], window, evidence, constraints)


# Calibrated abstention: a report date is written only when every day of its window lies
# within this many days of it (the widest window a date is written for, MAX_WINDOW_DAYS, with
# its margin days), and not when only a weak round match picks the day among more days than
# that (:func:`_only_rounds_narrow`): the article stays undated and keeps its window (its
# meetings may still join a round inside it).
# Calibration (round 6, docs/dating.md; 290 dev articles, the dated ones stripped of their
# header): of the estimates whose window reaches 32 to 64 days from the best day, 5 in 8 lie
# within 3 days of the truth and all 8 within 7, every window holding it; beyond 64 days (3
# articles, all through a weak round match) one lies 41 days off; of the six a weak round
# match picked among 63 to 124 days (round 5), one lay 41 days off. Round 5's limit of 31 days
# left those 8 undated, the largest loss on the held-out sets.
MAX_REACH_DAYS = MAX_WINDOW_DAYS + 2


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


def infer_date(mentions: list[dict], figures: list[dict],
               meetings: list[dict] | None = None) -> Inference:
    """Infer a report date from one article's date mentions, extracted figures and
    meetings: every signal a constraint over the candidate days, one combined score."""
    constraints, set_aside = figure_constraints(figures)
    told = mention_constraints(mentions)
    counts = [c for c in told if c.kind == "hostages"]
    # a count of remains the text and the figures both give: once, the text's reading (it
    # knows a pending identification: "it would mean the remains of 12 remain")
    constraints = [c for c in constraints if c.kind != "hostages" or not any(
        np.array_equal(c.allowed, o.allowed) for o in counts)] + told
    constraints += round_constraints(meetings)
    constraints, dropped = consistent(constraints)
    set_aside = set_aside + [f"{label} (a weaker reading that disagrees with the rest)"
                             for label in dropped]
    for soft in (weekday_constraint(mentions or []), recency_constraint(constraints),
                 fresh_constraint(constraints)):
        if soft is not None:
            constraints.append(soft)
    return _decide(constraints, set_aside)
