"""Official series and the comparison of article figures with them.

The bundled series live in ``data/reference`` (see its README for sources, licences and
caveats). Loaders return tidy frames with ``datetime.date`` dates:

>>> gaza = load_gaza_daily()                                   # doctest: +SKIP
>>> official_value("killed", "palestinian", dt.date(2024, 1, 28))   # doctest: +SKIP
OfficialValue(date=datetime.date(2024, 1, 28), value=26422, day_before=26257, source='mohtel')

:func:`compare_figures` builds the ``figures_vs_reference`` table: for each cumulative figure
with a report date and a matching series, the official value on that date and the day before,
the deviation in percent and whether the figure is consistent with the series given its
qualifier (tolerances in :data:`TOLERANCES`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.paths import REFERENCE_DIR

GAZA_DAILY = "gaza_daily_casualties.csv"
HOSTAGE_FIGURES = "israel_hostage_figures_reported.csv"
KILLED_360INFO = "daily_killed_cumulative_360info.csv"

# How far an article's figure may sit from the official value and still be consistent, per
# qualifier, as (lowest, highest) deviation in percent: deviation = (value - official) /
# official * 100, checked against the official value on the report date and on the day before
# (an article often quotes the previous day's bulletin). None = unbounded on that side.
#   exact        within 1%: the same bulletin, allowing a rounding or a late update
#   approx       within 5% either way ("some 31,000")
#   lower_bound  "at least N" / "more than N" is true when N does not exceed the official
#                value (0.5% slack for a bulletin the series has not caught up with yet)
#   upper_bound  "nearly N" is consistent when N is at or above the official value and
#                within 5% of it
TOLERANCES: dict[str, tuple[float | None, float | None]] = {
    "exact": (-1.0, 1.0),
    "approx": (-5.0, 5.0),
    "lower_bound": (None, 0.5),
    "upper_bound": (-0.5, 5.0),
}

# Series compiled from news pages (hostage counts, Oct-7 toll) are sparse and count on
# different bases: tolerances are widened by this factor and values older than
# `max_age_days` are not used.
COMPILED_TOLERANCE_FACTOR = 3.0


@dataclass(frozen=True)
class SeriesSpec:
    """Where the official counterpart of (metric, population) comes from."""

    name: str           # a label for official_source
    daily: bool         # a daily series (Gaza MoH) or sparse compiled values
    max_age_days: int   # how old the latest value may be on the report date


# (figure metric, population) -> series. Only figures with an entry here are compared.
SERIES: dict[tuple[str, str], SeriesSpec] = {
    ("killed", "palestinian"): SeriesSpec("gaza_daily_casualties.killed_cum", True, 3),
    ("injured", "palestinian"): SeriesSpec("gaza_daily_casualties.injured_cum", True, 3),
    ("hostages_held", "israeli"): SeriesSpec("israel_hostage_figures_reported.hostages_remaining",
                                             False, 21),
    ("hostages_dead", "israeli"): SeriesSpec(
        "israel_hostage_figures_reported.hostages_remaining_dead", False, 21),
    ("killed", "israeli"): SeriesSpec("israel_hostage_figures_reported.israel_killed_oct7",
                                      False, 3650),
}

# Compiled-news metrics that stand for each figure metric.
COMPILED_METRICS = {
    ("hostages_held", "israeli"): ["hostages_held", "hostages_remaining"],
    ("hostages_dead", "israeli"): ["hostages_remaining_dead"],
    ("killed", "israeli"): ["israel_killed_oct7"],
}


@dataclass(frozen=True)
class OfficialValue:
    """The official value used for one comparison."""

    date: dt.date            # the date of the value (the report date or the last one before)
    value: int
    day_before: int | None   # the series on the day before `date` (daily series only)
    source: str              # report source (mohtel, gmotel) or the compiled page's URL


def _read(name: str, reference_dir: Path | None = None) -> pd.DataFrame:
    return pd.read_csv(Path(reference_dir or REFERENCE_DIR) / name, dtype=str,
                       keep_default_na=False, na_values=[""])


def _dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, errors="coerce").dt.date


@lru_cache(maxsize=4)
def _load_gaza_daily(reference_dir: str) -> pd.DataFrame:
    raw = _read(GAZA_DAILY, Path(reference_dir))
    frame = pd.DataFrame({"date": _dates(raw["report_date"]),
                          "report_source": raw["report_source"].fillna("")})
    for column in ("killed_cum", "injured_cum", "ext_killed_cum", "ext_injured_cum"):
        frame[column] = pd.to_numeric(raw[column], errors="coerce").round().astype("Int64")
    return frame.sort_values("date", ignore_index=True)


def load_gaza_daily(reference_dir: Path | None = None) -> pd.DataFrame:
    """Gaza Ministry of Health daily cumulative tolls, one row per day.

    Columns: date, report_source (mohtel | gmotel | missing), killed_cum, injured_cum (as
    reported; empty on days without a figure), ext_killed_cum, ext_injured_cum (TechForPalestine's
    gap-free versions). Match article figures against the reported columns.
    """
    return _load_gaza_daily(str(reference_dir or REFERENCE_DIR)).copy()


def gaza_series(reference_dir: Path | None = None) -> pd.DataFrame:
    """The Gaza daily tolls in long form: date, metric (killed | injured), population
    ('palestinian'), value (reported cumulative), report_source; days without a reported
    value are left out.
    """
    frame = load_gaza_daily(reference_dir)
    parts = []
    for metric in ("killed", "injured"):
        part = frame[["date", "report_source", f"{metric}_cum"]].rename(
            columns={f"{metric}_cum": "value"})
        part = part[part["value"].notna()].assign(metric=metric, population="palestinian")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)[["date", "metric", "population", "value",
                                                "report_source"]]


@lru_cache(maxsize=4)
def _load_hostage_figures(reference_dir: str) -> pd.DataFrame:
    raw = _read(HOSTAGE_FIGURES, Path(reference_dir))
    frame = raw.rename(columns={"report_date": "date"})
    frame["date"] = _dates(frame["date"])
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("Int64")
    frame = frame.fillna({c: "" for c in ("qualifier", "date_note", "attributed_to", "quote",
                                          "source_url")})
    return frame[["date", "metric", "value", "qualifier", "date_note", "attributed_to", "quote",
                  "source_url"]].sort_values(["date", "metric"], ignore_index=True)


def load_hostage_figures(reference_dir: Path | None = None) -> pd.DataFrame:
    """Israeli-side figures compiled from news pages (hostages held, dead, released; Oct-7
    toll), one row per reported figure: date, metric, value, qualifier, date_note,
    attributed_to, quote, source_url. Counts use different bases (see the README)."""
    return _load_hostage_figures(str(reference_dir or REFERENCE_DIR)).copy()


@lru_cache(maxsize=32)
def compiled_points(metrics: tuple[str, ...], reference_dir: str | None = None
                    ) -> tuple[tuple[dt.date, int, str], ...]:
    """(date, value, source_url) of the compiled figures of `metrics`, by date; read once.

    >>> compiled_points(("hostages_remaining_dead",))[0][1] > 0
    True
    """
    frame = _load_hostage_figures(str(reference_dir or REFERENCE_DIR))
    frame = frame[frame["metric"].isin(metrics) & frame["value"].notna()]
    return tuple((d, int(v), str(u)) for d, v, u in
                 zip(frame["date"], frame["value"], frame["source_url"]))


def load_israel_killed(reference_dir: Path | None = None) -> pd.DataFrame:
    """Israel-side killed from 360info's chart dataset: date, israel_killed (children +
    adults: the October-7 victims plus soldiers killed in Gaza, filled forward), and the
    Gaza total it carries (palestine_total). Duplicate dates keep the last row."""
    raw = _read(KILLED_360INFO, reference_dir)
    frame = pd.DataFrame({"date": _dates(raw["date"])})
    children = pd.to_numeric(raw["israel_children"], errors="coerce")
    adults = pd.to_numeric(raw["israel_adults"], errors="coerce")
    frame["israel_killed"] = (children + adults).round().astype("Int64")
    frame["palestine_total"] = pd.to_numeric(raw["palestine_total"],
                                             errors="coerce").round().astype("Int64")
    return frame.drop_duplicates("date", keep="last").sort_values("date", ignore_index=True)


@lru_cache(maxsize=16)
def _daily_points(metric: str, reference_dir: str) -> tuple[list, list, list]:
    """The reported series as sorted lists (dates, values, sources) for bisection."""
    frame = _load_gaza_daily(reference_dir)
    frame = frame[frame[f"{metric}_cum"].notna()]
    return (list(frame["date"]), [int(v) for v in frame[f"{metric}_cum"]],
            [str(s) for s in frame["report_source"]])


def official_value(metric: str, population: str, date: dt.date,
                   reference_dir: Path | None = None) -> OfficialValue | None:
    """The official counterpart of a figure on `date`: the series value on that date (or on
    the last date before it that has one, within the series' max age) and on the day before.
    Sparse compiled series use their last value on/before `date`, or, when there is none, the
    first one after it within the max age; they have no day-before value. None when no series
    matches or none is recent enough.

    >>> official_value("killed", "palestinian", dt.date(2024, 1, 28)).value
    26422
    """
    spec = SERIES.get((metric, population))
    if spec is None or date is None:
        return None
    ref = str(reference_dir or REFERENCE_DIR)
    if spec.daily:
        dates, values, sources = _daily_points(metric, ref)
        i = bisect.bisect_right(dates, date) - 1  # last report on or before `date`
        if i < 0 or (date - dates[i]).days > spec.max_age_days:
            return None
        day_before = values[i - 1] if i > 0 else None
        return OfficialValue(dates[i], values[i], day_before, sources[i])
    points = compiled_points(tuple(COMPILED_METRICS[(metric, population)]), ref)
    i = bisect.bisect_right([p[0] for p in points], date) - 1
    if i < 0:  # nothing before: the first value after, if close enough
        i = 0 if points else None
    if i is None or abs((date - points[i][0]).days) > spec.max_age_days:
        return None
    day, value, url = points[i]
    return OfficialValue(day, value, None, url)


def deviation_pct(value: float, official: float) -> float | None:
    """(value - official) / official in percent, rounded to 2 places.

    >>> deviation_pct(15000, 14800)
    1.35
    """
    if official in (None, 0) or value is None or pd.isna(value) or pd.isna(official):
        return None
    return round((float(value) - float(official)) / float(official) * 100, 2)


def is_consistent(value: float, qualifier: str, officials: list[float | None],
                  factor: float = 1.0) -> bool | None:
    """Whether a figure with `qualifier` agrees with any of the official values (the value on
    the report date, the day before) under :data:`TOLERANCES` (scaled by `factor`).

    >>> is_consistent(26422, "lower_bound", [26422, 26257])
    True
    >>> is_consistent(15000, "lower_bound", [14800, 14800])
    False
    >>> is_consistent(30000, "exact", [33000])
    False
    """
    low, high = TOLERANCES.get(qualifier or "exact", TOLERANCES["exact"])
    seen = False
    for official in officials:
        deviation = deviation_pct(value, official)
        if deviation is None:
            continue
        seen = True
        if (low is None or deviation >= low * factor) and \
                (high is None or deviation <= high * factor):
            return True
    return False if seen else None


def _is_cumulative(scope) -> bool:
    return scope is None or (isinstance(scope, float) and pd.isna(scope)) or \
        str(scope) in ("", "cumulative", "<NA>")


def compare_figures(figures: pd.DataFrame, reference_dir: Path | None = None) -> pd.DataFrame:
    """The figures_vs_reference table: one row per cumulative figure with a report date and a
    matching series (see :data:`SERIES`), with the official value on the report date and the
    day before, the deviation in percent and `consistent` (see :data:`TOLERANCES`).
    Figures with no official value near their report date are kept with empty official
    columns, so that every cumulative Palestinian toll appears.
    """
    if figures is None or len(figures) == 0:
        return schema.empty("figures_vs_reference")
    figures = schema.whole_figures(figures)  # no sub-counts, no vague amounts
    rows = []
    for record in figures.to_dict("records"):
        key = (str(record.get("metric", "")), str(record.get("population", "")))
        if key not in SERIES or not _is_cumulative(record.get("scope")):
            continue
        report_date = record.get("report_date")
        if report_date is None or (isinstance(report_date, float) and pd.isna(report_date)) \
                or str(report_date) in ("", "<NA>", "NaT"):
            continue
        if not isinstance(report_date, dt.date):
            report_date = dt.date.fromisoformat(str(report_date)[:10])
        value = pd.to_numeric(record.get("value"), errors="coerce")
        row = {column: record.get(column) for column in schema.COMPARISON_COLUMNS
               if column in record}
        row["report_date"] = report_date.isoformat()
        official = official_value(key[0], key[1], report_date, reference_dir)
        if official is not None and not pd.isna(value):
            spec = SERIES[key]
            factor = 1.0 if spec.daily else COMPILED_TOLERANCE_FACTOR
            row.update(
                official_date=official.date.isoformat(),
                official_value=official.value,
                official_value_day_before=official.day_before,
                official_source=f"{spec.name} ({official.source})",
                deviation_pct=deviation_pct(value, official.value),
                consistent=is_consistent(value, str(record.get("qualifier") or "exact"),
                                         [official.value, official.day_before], factor),
            )
        rows.append(row)
    if not rows:
        return schema.empty("figures_vs_reference")
    frame = schema.conform(pd.DataFrame.from_records(rows), "figures_vs_reference")
    frame["consistent"] = frame["consistent"].astype("boolean")
    return frame.sort_values(["doc_id", "start_char", "metric"], kind="stable",
                             ignore_index=True)
