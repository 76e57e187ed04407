"""From one article's figures and date mentions to its list of constraints: which figures are
usable, one constraint per bulletin, one mention per event. Fed by :mod:`.tolls`,
:mod:`.hostages`, :mod:`.spans`, :mod:`.mentions`; feeds :mod:`.decide`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.assemble.dating.base import TOLL_METRICS, Constraint, calendar_days
from analysis.assemble.dating.hostages import (
    ALL_DEAD_MATCH,
    HOSTAGE_METRICS,
    RETURNED_SLACK,
    _hostage_period_constraint,
    early_taken_constraint,
    hostage_constraint,
    released_constraint,
)
from analysis.assemble.dating.mentions import (
    absolute_constraint,
    dateline_constraint,
    event_constraint,
    office_constraint,
    relative_year_constraint,
    yearless_constraint,
)
from analysis.assemble.dating.spans import duration_constraint, holiday_constraint
from analysis.assemble.dating.tolls import (
    ISRAELI_EARLY_TOLL,
    israeli_early_toll_constraint,
    not_a_toll,
    since_date,
    since_date_constraint,
    since_truce,
    toll_constraints,
    truce_toll_constraint,
)
from analysis.rules import dates


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
        elif figure.get("metric") == "hostages_taken":
            c = early_taken_constraint(figure)
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
    if kind == "remains":   # "the remains of 12 hostages remain in Gaza" (analysis.rules.dates); a
        # count returned "of 28" is Hamas's, with remains Israel did not accept: within 2
        count = int(mention["count"])   # (a count a pending identification would leave:
        return _hostage_period_constraint(count, "hostages_dead",   # that or one more now)
                                          RETURNED_SLACK if mention.get("returned")
                                          else ALL_DEAD_MATCH,
                                          {count, count + 1} if mention.get("pending") else None)
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
            if m.get("coming_days") or m.get("recent_days"):
                rank -= 0.5   # (round 8) "will meet ... on Monday" tells more than a headline
            if m.get("starts_weekday") is not None or m.get("starts_soon") or \
                    m.get("began_recently"):
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


def _longest_event_at_each_start(mentions: list[dict]) -> list[dict]:
    """Mentions without the events whose phrase a longer event phrase starting at the same
    character contains (round 7: "a weeklong truce to allow hostages to be released broke
    down" names the truce's collapse, not the truce: as alternatives, the truce's "on or
    after 24 November" left the month unbounded), nor an event read as under way inside a
    longer event phrase (round 8: "Israel ended the existing ceasefire last week" names the
    resumption, not a ceasefire in force, which put a report of the week after the
    resumption inside the truce, 24 days early). Phrases of the same span stay alternatives
    ("the resumption of strikes": December 2023 or March 2025)."""
    spans = {(m["start_char"], m["end_char"]) for m in mentions if m.get("kind") == "event"}
    ends: dict[int, int] = {}
    for start, end in spans:
        ends[start] = max(ends.get(start, 0), end)
    inside = {(a, b) for a, b in spans for c, d in spans
              if c <= a and b <= d and (c, d) != (a, b)}
    return [m for m in mentions if m.get("kind") != "event" or
            (m["end_char"] >= ends[m["start_char"]] and not (
                m.get("tense") == "during" and (m["start_char"], m["end_char"]) in inside))]


def mention_constraints(mentions: list[dict]) -> list[Constraint]:
    """Every date mention, event, office holder and holiday -> a constraint (one per
    distinct label; one per timeline event)."""
    days, _ = calendar_days()
    constraints, seen, offices = [], set(), {}
    for mention in _one_mention_per_event(_longest_event_at_each_start(mentions or [])):
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
