"""Consistency between the signals of one article: the weaker readings that disagree with
firmer ones are set aside before the decision (:func:`consistent`). Fed by :mod:`.base`;
feeds :mod:`.decide`.
"""

from __future__ import annotations

import numpy as np

from analysis.assemble.dating.base import DISAGREE_WIDEN_DAYS, SOFT_KINDS, Constraint

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


# Round 8: a non-round toll matches one bulletin, which dates a report to the day; two such
# tolls (killed, injured) that no day within DISAGREE_WIDEN_DAYS satisfies cannot both be of
# the ministry's bulletins: "61,709 killed" is the Government Media Office's count of the
# dead and missing of February 2025, which the ministry's series reached only in August (a
# report of 3 February 2025 with the injured of 1 February was dated to August, 191 days
# off, its injured toll set aside). A toll that the other bulletin tolls of the article agree
# with stays, the lone one goes; one against one, neither stays.
def _bulletin_toll(c: Constraint) -> bool:
    return c.kind == "toll" and "bulletin" in c.label and "no bulletin" not in c.label


def _lone_bulletins(live: list[Constraint]) -> set[int]:
    """Indices of the non-round tolls (:func:`_bulletin_toll`) that disagree with another
    one and are not backed by a third (module comment above)."""
    tolls = [i for i, c in enumerate(live) if _bulletin_toll(c)]
    near = {i: _near(live[i].allowed) for i in tolls}
    agree = {i: {j for j in tolls if (live[j].allowed & near[i]).any()} for i in tolls}
    backing = {i: sum(live[j].label.count("bulletin") for j in agree[i]) for i in tolls}
    drop = set()
    for i in tolls:   # (a killed and an injured toll of one bulletin are one constraint)
        against = [j for j in tolls if j not in agree[i]]
        if against and all(backing[i] <= backing[j] for j in against):
            drop.add(i)
    return drop


def _outvoted(live: list[Constraint], near: np.ndarray, kinds: tuple) -> set[int]:
    """Indices of the readings of `kinds` that disagree with a firm signal (allowing the
    days `near`), unless two or more of them, of different kinds, agree with each other
    (round 8: then the firm signal may be the misread one, "61,709 killed" of another
    source against a date and a count of the same weeks; both stay, and the estimate that
    misses one side by weeks is left undated by :func:`_far_conflicts`)."""
    against = [i for i, c in enumerate(live) if c.kind in kinds and not (c.allowed & near).any()]
    for i in against:
        backing = {live[j].kind for j in against if j != i and
                   (live[j].allowed & _near(live[i].allowed)).any()}
        if backing - {live[i].kind}:
            return set()
    return set(against)


def consistent(constraints: list[Constraint]) -> tuple[list[Constraint], list[str]]:
    """The constraints without the weaker readings that disagree with firmer ones (no day
    within :data:`DISAGREE_WIDEN_DAYS` of each other): a signal of :data:`DEFERRING_KINDS`
    against one of :data:`FIRM_KINDS`; an injured toll against a killed one; two counts of
    hostages against each other (both go). Returns (kept, labels of those set aside)."""
    live = [c for c in constraints if c.kind not in SOFT_KINDS and c.allowed.any()]
    drop = _lone_bulletins(live)
    firm = [_near(c.allowed) for i, c in enumerate(live)
            if c.kind in FIRM_KINDS and not _injured(c) and i not in drop]
    killed = [_near(c.allowed) for i, c in enumerate(live)
              if c.kind == "toll" and not _injured(c) and i not in drop]
    for near in firm:
        drop.update(_outvoted(live, near, DEFERRING_KINDS))
    for near in killed:
        drop.update(i for i, c in enumerate(live) if _injured(c) and not (c.allowed & near).any())
    figures = {live[i].label.split("):")[0] for i in drop if live[i].kind == "toll"}
    drop.update(i for i, c in enumerate(live)   # a toll's range goes with its core
                if c.kind == "toll_range" and c.label.split("):")[0] in figures)
    counts = [i for i, c in enumerate(live) if c.kind == "hostages" and i not in drop]
    for a in counts:
        near = _near(live[a].allowed)
        for b in counts:
            if b != a and not (live[b].allowed & near).any():
                drop.update((a, b))
    gone = {id(live[i]) for i in drop}
    return ([c for c in constraints if id(c) not in gone],
            [live[i].label for i in sorted(drop)])
