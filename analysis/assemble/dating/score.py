"""Adding constraints up: the score of each candidate day, the best day, the run of days around
it that every signal it meets allows (the window), the plateau of tied days and distant
ties. Fed by :mod:`.base`; feeds :mod:`.decide`.
"""

from __future__ import annotations

import numpy as np

from analysis.assemble.dating.base import (
    AMBIGUOUS_MARGIN,
    DISAGREE_WIDEN_DAYS,
    FALLIBLE_KINDS,
    MAX_WINDOW_DAYS,
    SOFT_KINDS,
    STRONG_KINDS,
    TIE_MARGIN,
    WINDOW_SLACK,
    Constraint,
    calendar_days,
)


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
