"""Gaza tolls as constraints: a figure against the official series (exact, round, "surpasses"),
Israel's first count of its dead, tolls counted since a truce or a date. Fed by the
extracted figures, :mod:`.base` and :mod:`.spans` (the truces' spans); feeds
:mod:`.hostages` (its clauses) and :mod:`.evidence`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.assemble import reference
from analysis.assemble.dating.base import (
    COMBINED_AREAS,
    EXACT_MATCH_PCT,
    GAP_MATCH_PREF,
    LAG_AFTER,
    LAG_BEFORE,
    LAG_PREF,
    LAST_WEEK,
    LAST_WEEK_LAGS,
    LAST_WEEK_PREF,
    MILESTONE,
    MILESTONE_PCT,
    MILITANT_COUNT,
    NEARLY_PREFER,
    NOT_TOLL_CONTEXT,
    OTHER_SOURCE_DAYS,
    OTHER_SOURCE_MIN,
    PASSED_PREFER,
    ROUND_MIN_HIGH_PCT,
    ROUND_STEPS_ABOVE,
    ROUND_TOLERANCES,
    WAR_START,
    Constraint,
    _index,
    _mask_range,
    calendar_days,
)
from analysis.assemble.dating.spans import _truce_spans
from analysis.rules import dates
from analysis.rules.lexicon import MONTH_NAMES


def is_round(value: int) -> bool:
    """Figures ending in two zeros read as rounded ("15,000", "72,500").

    >>> is_round(15000), is_round(26422)
    (True, False)
    """
    return value >= 100 and value % 100 == 0


# Round 11: a precise figure equal to one of the ministry's bulletins ("46,537 killed",
# "at least 50,983") dates a report to the week after that bulletin. Over every development
# article (dev to dev11, realnews-40, the dated ones without their header: 109 articles of 12
# batches with one) it held the true date every time, and the best day lay on it in 108: it
# weighs as much as two tolls (a round toll's core and range together weigh 4.5), and a best
# day on it is not left undated for a weaker reading that disagrees
# (:func:`analysis.assemble.dating.decide._far_conflicts`).
PRECISE_BULLETIN_STRENGTH = 2.0


def precise_bulletin(c) -> bool:
    """Whether constraint `c` is a non-round toll that equals a bulletin of the series: not a
    round figure, not another source's count (:func:`_toll` gives only those
    :data:`PRECISE_BULLETIN_STRENGTH`)."""
    return c.kind == "toll" and c.strength >= PRECISE_BULLETIN_STRENGTH


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
    precise = not is_round(int(value)) and bool(match.equal.any())
    return Constraint("toll", label, allowed, prefer, value=float(value),
                      strength=PRECISE_BULLETIN_STRENGTH if precise else 1.0), match, lags


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
    return [Constraint("toll", core_label, core, c.prefer, value=value),
            Constraint("toll_range", c.label, c.allowed, value=value)]


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
