"""Charts for the notebooks and the report: each takes a DataFrame and ``ax=None`` and returns
the Axes; none calls ``plt.show()``.

They are drawn to be read in print and by colour-blind readers: the Okabe-Ito palette, a marker
shape for every category that colour also shows, labelled axes with units, a title and a source
line. An empty frame gives an Axes that says in words that nothing was found.

>>> from analysis.present import charts
>>> ax = charts.reports_over_time(documents)                    # doctest: +SKIP
>>> ax = charts.casualty_figures(figures, official, metric="killed")   # doctest: +SKIP
>>> ax.figure.savefig("killed.png")                              # doctest: +SKIP
"""

from __future__ import annotations

import math
import re

import matplotlib

matplotlib.rcParams["svg.hashsalt"] = "hostage-talks"  # deterministic SVG ids
# Labels come from article text (names, places, "$5 million ... $10 million"): draw them as
# plain text. With mathtext on, two "$" in a name made a label math, or raised an error.
matplotlib.rcParams["text.parse_math"] = False

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from analysis.schema import whole_figures  # noqa: E402

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies and in greyscale when paired with shapes.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

POPULATION_STYLE = {  # colour and a line style, so populations differ without colour too
    "palestinian": {"color": OKABE_ITO["vermillion"], "label": "Palestinian"},
    "israeli": {"color": OKABE_ITO["blue"], "label": "Israeli"},
    "other": {"color": OKABE_ITO["bluish_green"], "label": "other"},
}

# The marker says what the number claims: a triangle pointing up is "at least", down "at most".
QUALIFIER_MARKERS = {
    "exact": ("o", "exact"),
    "approx": ("D", "approximate (about, some)"),
    "lower_bound": ("^", "lower bound (at least, more than)"),
    "upper_bound": ("v", "upper bound (nearly, up to)"),
}

METRIC_STYLE = {  # colour and marker-independent line style per hostage/prisoner metric
    "hostages_taken": {"color": OKABE_ITO["black"], "label": "hostages taken"},
    "hostages_held": {"color": OKABE_ITO["vermillion"], "label": "hostages held"},
    "hostages_dead": {"color": OKABE_ITO["reddish_purple"], "label": "dead among held"},
    "hostages_released": {"color": OKABE_ITO["bluish_green"], "label": "hostages released"},
    "prisoners_held": {"color": OKABE_ITO["blue"], "label": "prisoners held"},
    "prisoners_released": {"color": OKABE_ITO["orange"], "label": "prisoners released"},
}
HOSTAGE_METRICS = ["hostages_taken", "hostages_held", "hostages_dead", "hostages_released"]
PRISONER_METRICS = ["prisoners_held", "prisoners_released"]
# One chart per row: held and released never share an axis (they count different people).
HOSTAGE_PANELS = {
    "hostages_held": (["hostages_taken", "hostages_held", "hostages_dead"],
                      "Hostages taken on 7 October and still held in Gaza"),
    "hostages_released": (["hostages_released"], "Hostages released"),
    "prisoners_held": (["prisoners_held"], "Palestinian prisoners held by Israel"),
    "prisoners_released": (["prisoners_released"], "Palestinian prisoners released"),
}

# israel_hostage_figures_reported.csv metrics -> the figures table's metrics
REPORTED_METRIC_MAP = {
    "hostages_held": "hostages_held",
    "hostages_remaining": "hostages_held",
    "hostages_remaining_dead": "hostages_dead",
    "hostages_taken_total": "hostages_taken",
    "hostages_released_nov2023_deal": "hostages_released",
    "hostages_freed_in_deals": "hostages_released",
    "palestinian_prisoners_released_nov2023_deal": "prisoners_released",
}

UNKNOWN_PLACE = "place unknown"  # the rounds timeline's row of rounds without a place, last
STATUS_STYLE = {  # held rounds are filled, planned ones hollow
    "held": {"facecolor": OKABE_ITO["blue"], "label": "held"},
    "planned": {"facecolor": "white", "label": "planned"},
}

# Reported points are drawn over the reports' markers, outlined in white: a cross in a metric's
# colour on a marker of that colour was invisible where the two agreed.
REFERENCE_OUTLINE = [patheffects.withStroke(linewidth=3, foreground="white")]
SOURCE_FIGURES = "Source: figures stated in the news reports of the corpus (figures.csv)"
SOURCE_OFFICIAL = ("line: the Gaza Ministry of Health's official cumulative count via "
                   "TechForPalestine (gaza_daily_casualties.csv)")
SOURCE_REPORTED = ("crosses: hostage figures reported by news sites, compiled in "
                   "israel_hostage_figures_reported.csv (reported, not official)")
OFFICIAL_LINE_LABEL = "Gaza Ministry of Health,\ncumulative (official)"
EVENT_SCOPE = "event"  # figures.csv scope of one-off tolls (the 7 October attack, a release)


# ----------------------------------------------------------------------------- helpers


OWN_FIGURE = "hostage-talks chart"  # the label of a figure a chart function made itself


def _axes(ax, size=(8, 4.5)):
    if ax is None:
        figure, ax = plt.subplots(figsize=size, layout="constrained")
        figure.set_label(OWN_FIGURE)
    return ax


def _dates(values) -> pd.Series:
    return pd.to_datetime(pd.Series(values), errors="coerce", format="ISO8601")


def _numbers(values) -> pd.Series:
    return pd.to_numeric(pd.Series(values), errors="coerce")


def _source(ax, text: str) -> None:
    """A source line under the x-axis label, at the figure's left edge, wrapped to the
    figure's width (an Axes child, so constrained layout makes room for it)."""
    import textwrap

    width = max(60, int(ax.figure.get_figwidth() * 16))
    below = ax.xaxis.label if ax.xaxis.label.get_text() else ax
    ax.annotate(textwrap.fill(text, width), xy=(0, 0), xycoords=("figure fraction", below),
                xytext=(4, -6), textcoords="offset points", fontsize=7, color="#444444",
                ha="left", va="top", annotation_clip=False)


ROUNDS_SOURCE = "Source: meetings reported in the corpus, merged into rounds (rounds.csv)."
NO_ROUNDS = "No negotiation rounds found in the selected reports."


EMPTY_HEIGHT = 1.3  # inches: a chart with nothing to draw is a line of text, not a blank box


def _nothing(ax, title: str, message: str, source: str):
    """An Axes that says, in words, that there is nothing to draw; in a figure the chart
    function made itself, only as tall as its title, message and source line."""
    if ax.figure.get_label() == OWN_FIGURE and len(ax.figure.axes) == 1:
        ax.figure.set_size_inches(ax.figure.get_figwidth(), EMPTY_HEIGHT)
    ax.set_title(title, loc="left", fontweight="bold")
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            fontsize=11, color="#444444", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    _source(ax, source)
    return ax


FOUR_DIGITS = re.compile(r"\d{4}")


class YearedDateFormatter(mdates.ConciseDateFormatter):
    """Matplotlib's concise date labels ('Mar', 'May', ..., '2025', 'Mar') with the year on the
    first tick shown, in place of the corner offset. An axis from February 2024 to April 2025
    read 'Mar May Jul Sep Nov 2025 Mar': nothing said which year the first months were in;
    one within 2025 read 'Mar May ... Nov' with the year only in small type under the right
    end, where a reader misses it.

    >>> import datetime as dt
    >>> formatter = YearedDateFormatter(mdates.AutoDateLocator())
    >>> ticks = [mdates.date2num(dt.datetime(2024, m, 1)) for m in (3, 5, 7, 9, 11)]
    >>> formatter.format_ticks(ticks + [mdates.date2num(dt.datetime(2025, 1, 1))])
    ['Mar 2024', 'May', 'Jul', 'Sep', 'Nov', '2025']
    >>> formatter.format_ticks([mdates.date2num(dt.datetime(2023, 11, d)) for d in (8, 15)])
    ['8 Nov 2023', '15']
    """

    def __init__(self, locator):
        super().__init__(locator, show_offset=False)

    def format_ticks(self, values):
        labels = list(super().format_ticks(values))
        lo, hi = (sorted(self.axis.get_view_interval()) if self.axis is not None
                  else (min(values, default=0), max(values, default=0)))
        first = next((i for i, value in enumerate(values) if lo <= value <= hi), None)
        if first is not None and not FOUR_DIGITS.search(labels[first]):
            day = mdates.num2date(values[first])
            labels[first] = (f"{day.day} {day:%b %Y}" if labels[first].isdigit()
                             else f"{labels[first]} {day.year}")
        return labels


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(YearedDateFormatter(locator))


def _thousands(ax) -> None:
    ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))


def _pad_dates(ax, dates: pd.Series, days: int = 10, min_span: int = 90) -> None:
    """Pad the date axis by `days` each side and show at least `min_span` days."""
    dates = dates.dropna()
    if len(dates):
        lo, hi = dates.min() - pd.Timedelta(days=days), dates.max() + pd.Timedelta(days=days)
        short = pd.Timedelta(days=min_span) - (hi - lo)
        if short > pd.Timedelta(0):
            lo, hi = lo - short / 2, hi + short / 2
        ax.set_xlim(lo, hi)


def _qualifier_legend(qualifiers) -> list:
    return [Line2D([], [], linestyle="", marker=QUALIFIER_MARKERS[q][0], color="#444444",
                   markerfacecolor="white", markersize=7, label=QUALIFIER_MARKERS[q][1])
            for q in QUALIFIER_MARKERS if q in set(qualifiers)]


CROWDED_STATEMENTS = 150  # figures on one chart beyond which markers and windows fade


def statement_style(n: int) -> dict:
    """How a chart of `n` figure statements draws them: markers opaque and date windows clear
    up to CROWDED_STATEMENTS; beyond, markers see-through and windows thin and faint, so that
    hundreds of overlapping dashed windows do not merge into solid blocks.

    >>> statement_style(40)["window_alpha"], statement_style(800)["window_alpha"]
    (0.6, 0.25)
    """
    if n <= CROWDED_STATEMENTS:
        return {"marker_alpha": 1.0, "window_alpha": 0.6, "window_width": 1.2}
    return {"marker_alpha": 0.7, "window_alpha": 0.25, "window_width": 0.8}


def _plot_statements(ax, frame: pd.DataFrame, color: str, crowd: int | None = None) -> None:
    """Markers for figure statements (shape by qualifier) with their low-high range bars and,
    for a report whose date was inferred, a pale marker and its date window as a horizontal
    dashed bar; drawn as the chart's `crowd` statements in all call for (statement_style)."""
    style = statement_style(len(frame) if crowd is None else crowd)
    ranges = frame[frame["_low"].notna() & frame["_high"].notna()
                   & (frame["_high"] > frame["_low"])]
    if len(ranges):
        ax.vlines(ranges["_date"], ranges["_low"], ranges["_high"], color=color,
                  linewidth=1.5, alpha=0.8, zorder=3)
    if "_win_lo" in frame:
        windows = frame[frame["_win_lo"].notna() & frame["_win_hi"].notna()
                        & (frame["_win_hi"] > frame["_win_lo"])]
        if len(windows):
            ax.hlines(windows["_value"], windows["_win_lo"], windows["_win_hi"], color=color,
                      linewidth=style["window_width"], alpha=style["window_alpha"],
                      linestyle=(0, (4, 2)), zorder=3)
    inferred = (frame["_win_lo"].notna() if "_win_lo" in frame
                else pd.Series(False, index=frame.index))
    for (qualifier, guessed), group in frame.groupby(["_qualifier", inferred], sort=True):
        marker = QUALIFIER_MARKERS.get(qualifier, ("X", qualifier))[0]
        ax.scatter(group["_date"], group["_value"], marker=marker, s=55,
                   color=pale(color) if guessed else color, edgecolor="black", linewidth=0.6,
                   alpha=style["marker_alpha"], zorder=4, clip_on=False)  # whole at 0 too


INFERRED_WINDOW_LABEL = "report date inferred: pale\nmarker, its window dashed"
PALE = 0.5  # share of white mixed into a colour for the markers of inferred report dates


def pale(color: str) -> str:
    """`color` mixed with PALE white: the fill of a figure's marker when its report's date was
    inferred. A window of ten days is narrower than a marker on a two-year axis, so its dashed
    bar hides under the marker; the pale fill still tells the guessed dates from the given.

    >>> pale("#000000")
    '#808080'
    """
    red, green, blue = matplotlib.colors.to_rgb(color)
    return matplotlib.colors.to_hex(tuple(c + (1 - c) * PALE for c in (red, green, blue)))


def _date_windows(frame: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """`_win_lo`/`_win_hi`: the date window of rows whose report date was inferred (from
    `documents`, documents.csv, or the figures' own date_window_* columns)."""
    frame["_win_lo"] = frame["_win_hi"] = pd.NaT
    source = frame
    if documents is not None and not documents.empty and "date_window_start" in documents:
        keep = documents[documents["date_source"] == "inferred"].drop_duplicates("doc_id")
        source = frame[["doc_id"]].merge(keep, on="doc_id", how="left")
        source.index = frame.index
    if "date_window_start" in source and "date_source" in source:
        inferred = (source["date_source"] == "inferred").values
        frame["_win_lo"] = _dates(source["date_window_start"].where(inferred)).values
        frame["_win_hi"] = _dates(source["date_window_end"].where(inferred)).values
    return frame


def _window_legend(rows: pd.DataFrame) -> list:
    if "_win_lo" not in rows or not rows["_win_lo"].notna().any():
        return []
    return [Line2D([], [], color="#444444", linestyle=(0, (4, 2)), linewidth=1.2, marker="o",
                   markersize=7, markerfacecolor=pale("#444444"), markeredgecolor="black",
                   markeredgewidth=0.6, label=INFERRED_WINDOW_LABEL)]


def _is_event(rows: pd.DataFrame) -> pd.Series:
    """True for one-off event figures (scope ``event``: "1,200 killed on 7 October")."""
    if "scope" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["scope"].fillna("").astype(str).str.lower().eq(EVENT_SCOPE)


def _statements(figures: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figure rows with parsed date, value, bounds and qualifier; undated rows, sub-counts
    (`group` not all) and vague amounts dropped: only whole, numbered counts are charted.
    With `documents`, rows of reports with inferred dates carry their window."""
    if figures is not None:
        figures = whole_figures(figures)
    if figures is None or figures.empty:
        return pd.DataFrame(columns=["_date", "_value", "_low", "_high", "_qualifier",
                                     "metric", "population"])
    frame = figures.copy()
    frame["_date"] = _dates(frame["report_date"]).values
    frame["_value"] = _numbers(frame["value"]).values
    frame["_low"] = _numbers(frame.get("low", pd.Series(index=frame.index))).values
    frame["_high"] = _numbers(frame.get("high", pd.Series(index=frame.index))).values
    frame["_qualifier"] = frame["qualifier"].fillna("exact").astype(str).values
    frame = _date_windows(frame, documents)
    return frame.dropna(subset=["_date", "_value"])


# ----------------------------------------------------------------------------- charts


SMALL_POPULATION = 0.1  # a population whose tolls all stay under this share of the largest
# population's largest toll is drawn on a panel of its own (its own scale), not flat along 0


def _split_populations(rows: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(populations drawn on the main axes, those drawn on a lower panel of their own): with
    Gaza's toll at 70,000 on the axis, Israel's 1,200-1,900 would lie flat along zero.

    >>> rows = pd.DataFrame({"population": ["palestinian", "israeli"], "_value": [70000, 1700]})
    >>> _split_populations(rows)
    (['palestinian'], ['israeli'])
    """
    peaks = rows.groupby("population")["_value"].max()
    largest = peaks.max() if len(peaks) else 0
    small = [p for p in peaks.index if peaks[p] < SMALL_POPULATION * largest]
    return [p for p in POPULATION_STYLE if p in peaks.index and p not in small] + sorted(
        p for p in peaks.index if p not in POPULATION_STYLE and p not in small), [
        p for p in POPULATION_STYLE if p in small]


def _official_line(ax, official: pd.DataFrame | None, metric: str, rows: pd.DataFrame) -> None:
    """The official cumulative series (`<metric>_cum`) as a grey step line, 45 days around
    the figures' dates."""
    column = f"{metric}_cum"
    if official is None or official.empty or column not in official.columns:
        return
    series = pd.DataFrame({"date": _dates(official["report_date"]).values,
                           "value": _numbers(official[column]).values})
    lo = rows["_date"].min() - pd.Timedelta(days=45)
    hi = rows["_date"].max() + pd.Timedelta(days=45)
    series = series[(series["date"] >= lo) & (series["date"] <= hi)].dropna()
    ax.plot(series["date"], series["value"], color=OKABE_ITO["grey"], linewidth=2,
            drawstyle="steps-post", zorder=2, label=OFFICIAL_LINE_LABEL)


def _population_markers(ax, rows: pd.DataFrame, populations: list[str]) -> list:
    """Each population's statements on `ax`, in its colour; the legend handles."""
    handles = []
    for population in populations:
        style = POPULATION_STYLE.get(population, POPULATION_STYLE["other"])
        _plot_statements(ax, rows[rows["population"] == population], style["color"],
                         crowd=len(rows))
        handles.append(Line2D([], [], linestyle="", marker="s", markersize=8,
                              color=style["color"], label=f"{style['label']} (report)"))
    return handles


HEADROOM = 0.08  # above the largest value drawn on a count axis, so its markers show whole


def _from_zero(ax) -> None:
    """The count axis from 0 to the largest value drawn plus HEADROOM: matplotlib's 5 % margin
    is taken on the data's own range (8,800-9,900 prisoners), so with the axis pulled down to
    0 the top markers were cut in half by the frame."""
    top = ax.dataLim.intervaly[1]
    if math.isfinite(top) and top > 0:
        ax.set_ylim(0, top * (1 + HEADROOM))
    else:
        ax.set_ylim(bottom=0)


def _count_axis(ax, label: str) -> None:
    ax.set_ylabel(label)
    _from_zero(ax)
    _thousands(ax)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)


def casualty_figures(figures: pd.DataFrame, official: pd.DataFrame | None = None,
                     metric: str = "killed", ax=None, documents: pd.DataFrame | None = None):
    """People killed (or injured) so far, as each report states them, by report date and
    population, over the official cumulative series of the Gaza Ministry of Health. One-off
    event tolls (scope ``event``: the 7 October attack) are not cumulative and are left to
    :func:`event_figures`, so they do not lie flat under a cumulative line. In a figure of its
    own (`ax` None), a population whose tolls are a tenth of the largest's or less (Israel's
    beside Gaza's) gets a panel of its own below, with its own scale.

    `figures` has the columns of figures.csv; `official` has ``report_date`` and
    ``<metric>_cum`` (gaza_daily_casualties.csv). Marker shape = qualifier, vertical bar =
    low-high range, colour = population; with `documents` (documents.csv), a report whose
    date was inferred has its date window drawn as a dashed horizontal bar. Returns the main
    Axes.

    >>> ax = casualty_figures(figures, official, metric="injured")   # doctest: +SKIP
    """
    noun = {"killed": "killed", "injured": "injured"}.get(metric, metric)
    title = (f"People {noun} so far: figures stated in the reports (markers)\n"
             f"and the Gaza Ministry of Health's cumulative count (line)")
    source = f"{SOURCE_FIGURES}; {SOURCE_OFFICIAL}. One-off event tolls are in the next chart."
    rows = _statements(figures, documents)
    if len(rows):
        rows = rows[(rows["metric"] == metric) & ~_is_event(rows)]
    if rows.empty:
        return _nothing(_axes(ax, size=(9, 4.5)), title,
                        f"No dated '{metric}' figures in the selected reports.", source)
    main, small = _split_populations(rows)
    low = None
    if ax is None and main and small:
        figure, (ax, low) = plt.subplots(2, 1, sharex=True, figsize=(9, 6.2),
                                         height_ratios=[3, 1.3], layout="constrained")
        figure.set_label(OWN_FIGURE)
    else:
        ax, main, small = _axes(ax, size=(9, 4.5)), main + small, []
    _official_line(ax, official, metric, rows)
    handles = _population_markers(ax, rows, main)
    if low is not None:
        handles += _population_markers(low, rows, small)
        names = " and ".join(POPULATION_STYLE[p]["label"] for p in small)
        low.set_title(f"{names} figures, on a scale of their own", loc="left", fontsize=9)
        _count_axis(low, f"people {noun}")
    official_handles, _ = ax.get_legend_handles_labels()
    ax.legend(handles=official_handles + handles + _qualifier_legend(rows["_qualifier"])
              + _window_legend(rows),
              fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.set_title(title, loc="left", fontweight="bold")
    _count_axis(ax, f"people {noun} (cumulative)")
    bottom = low if low is not None else ax
    bottom.set_xlabel("report date")
    _date_axis(bottom)
    _pad_dates(bottom, rows["_date"])
    _source(bottom, source)
    return ax


def reported_hostage_points(reported: pd.DataFrame | None) -> pd.DataFrame:
    """israel_hostage_figures_reported.csv mapped onto the figures table's metrics
    (``report_date``, ``metric``, ``value``); rows with other metrics are dropped.

    >>> reported_hostage_points(pd.DataFrame({"report_date": ["2023-12-02"],
    ...     "metric": ["hostages_remaining"], "value": ["137"]}))["metric"].tolist()
    ['hostages_held']
    """
    if reported is None or reported.empty:
        return pd.DataFrame(columns=["report_date", "metric", "value"])
    frame = reported.copy()
    frame["metric"] = frame["metric"].map(REPORTED_METRIC_MAP)
    frame["value"] = _numbers(frame["value"]).values
    return frame.dropna(subset=["metric", "value"])[["report_date", "metric", "value"]]


def hostage_figures(figures: pd.DataFrame, reported: pd.DataFrame | None = None,
                    metrics: list[str] | None = None, ax=None,
                    documents: pd.DataFrame | None = None):
    """Hostage (or prisoner) figures by report date, one colour per metric, marker shape by
    qualifier, with reported reference points (israel_hostage_figures_reported.csv) as crosses;
    with `documents`, inferred report dates have their window as a dashed horizontal bar.

    >>> ax = hostage_figures(figures, reported, metrics=PRISONER_METRICS)   # doctest: +SKIP
    """
    ax = _axes(ax, size=(9, 3.8))
    metrics = metrics or HOSTAGE_METRICS
    what = "Prisoners" if set(metrics) <= set(PRISONER_METRICS) else "Hostages"
    panel = next((name for name, (group, _) in HOSTAGE_PANELS.items() if group == list(metrics)),
                 None)
    heading = HOSTAGE_PANELS[panel][1] if panel else f"{what}"
    title = f"{heading}:\nfigures stated in the reports, by report date"
    rows = _statements(figures, documents)
    rows = rows[rows["metric"].isin(metrics)] if len(rows) else rows
    if rows.empty:
        return _nothing(ax, title, f"No dated {what.lower()} figures in the selected reports.",
                        f"{SOURCE_FIGURES}.")
    points = reported_hostage_points(reported)
    points = points[points["metric"].isin(metrics)].copy()
    points["_date"] = _dates(points["report_date"]).values
    lo = rows["_date"].min() - pd.Timedelta(days=60)
    hi = rows["_date"].max() + pd.Timedelta(days=60)
    points = points[(points["_date"] >= lo) & (points["_date"] <= hi)]
    # the crosses' source only on a chart that draws crosses (none for prisoners held)
    source = f"{SOURCE_FIGURES}; {SOURCE_REPORTED}." if len(points) else f"{SOURCE_FIGURES}."

    handles = []
    for metric in metrics:
        style = METRIC_STYLE.get(metric, {"color": OKABE_ITO["grey"], "label": metric})
        group = rows[rows["metric"] == metric]
        refs = points[points["metric"] == metric]
        if group.empty and refs.empty:
            continue
        if not refs.empty:
            ax.scatter(refs["_date"], refs["value"], marker="x", s=40, color=style["color"],
                       linewidth=1.2, zorder=5, path_effects=REFERENCE_OUTLINE)
        if not group.empty:
            _plot_statements(ax, group, style["color"], crowd=len(rows))
        handles.append(Line2D([], [], linestyle="", marker="s", markersize=8,
                              color=style["color"], label=style["label"]))
    extra = _qualifier_legend(rows["_qualifier"]) + _window_legend(rows)
    if not points.empty:
        extra.append(Line2D([], [], linestyle="", marker="x", color="#444444",
                            label="reported by news sites\n(compiled, not official)"))
    ax.legend(handles=handles + extra, fontsize=8, loc="upper left", frameon=False,
              bbox_to_anchor=(1.01, 1.0))
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel("report date")
    ax.set_ylabel("people")
    _from_zero(ax)
    _thousands(ax)
    _date_axis(ax)
    _pad_dates(ax, pd.concat([rows["_date"], points["_date"]]))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    _source(ax, source)
    return ax


def _participants(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return []
    return [name.strip() for name in str(value).split(";") if name.strip()]


def place_row(location) -> str:
    """The timeline row of a round's place: a city inside its country ("Doha" and "Qatar" are
    one row, "Qatar"), a country or region as it is, spellings and aliases made one
    (analysis/rules/data/places.csv); unknown places keep their name.

    >>> place_row("Doha"), place_row("Qatari capital"), place_row("Qatar"), place_row("Oslo")
    ('Qatar', 'Qatar', 'Qatar', 'Norway')
    >>> place_row("Europe"), place_row("Atlantis"), place_row(None)
    ('Europe', 'Atlantis', 'place unknown')
    """
    from analysis.rules.places import load_gazetteer

    if location is None or (not isinstance(location, str) and pd.isna(location)) or \
            not str(location).strip():
        return UNKNOWN_PLACE
    gazetteer = load_gazetteer()
    place = gazetteer.canonical(str(location))
    while gazetteer.kind.get(place) == "city" and gazetteer.parent.get(place):
        place = gazetteer.parent[place]
    return place


def _row_label(place: str, frame: pd.DataFrame) -> str:
    """'Qatar (Doha)': a timeline row with the cities of its rounds, when they name one."""
    from analysis.rules.places import load_gazetteer

    gazetteer = load_gazetteer()
    cities = sorted({gazetteer.canonical(str(loc)) for loc, row in
                     zip(frame["location"], frame["_where"]) if row == place
                     and gazetteer.canonical(str(loc)) != place and pd.notna(loc)})
    return f"{place} ({', '.join(cities)})" if cities else place


HELD_ALPHA = 0.6  # held rounds are see-through, so that rounds on near days show as overlaps
CROWDED = 30  # rounds on the timeline beyond which markers shrink


def marker_scale(n: int) -> float:
    """How much the timeline's markers shrink with `n` rounds: not at all up to CROWDED, then
    as the square root of the crowding, to at least 0.35 of their area.

    >>> marker_scale(10), round(marker_scale(120), 2), marker_scale(5000)
    (1.0, 0.5, 0.35)
    """
    return max(0.35, min(1.0, (CROWDED / max(n, 1)) ** 0.5))


def _timeline_legend(frame: pd.DataFrame, scale: float = 1.0) -> list:
    """Legend entries of the timeline: held/planned markers and a few participant sizes, at
    the markers' `scale`."""
    status_handles = [
        Line2D([], [], linestyle="", marker="o" if status == "held" else "s", markersize=9,
               markerfacecolor=style["facecolor"], markeredgecolor=OKABE_ITO["blue"],
               alpha=HELD_ALPHA if status == "held" else 1.0, label=style["label"])
        for status, style in STATUS_STYLE.items() if status in set(frame["_status"])
    ]
    size_handles = [
        Line2D([], [], linestyle="", marker="o", markersize=(scale * (40 + 45 * n)) ** 0.5,
               markerfacecolor="none", markeredgecolor="#444444",
               label=f"{n} participant{'s' if n != 1 else ''}")
        for n in sorted({int(min(n, 8)) for n in frame["_n"] if n > 0} or {1})[:4]
    ]
    return status_handles + size_handles


def rounds_timeline(rounds: pd.DataFrame, ax=None):
    """Negotiation rounds: date across, country down (a city in its country's row, see
    :func:`place_row`), marker area by number of participants,
    filled for rounds held and hollow for rounds planned (column ``status``; rounds without it
    count as held). A line spans multi-day rounds.

    `rounds` has the columns of rounds.csv (``start_date``, ``end_date``, ``location``,
    ``participants``) or of meetings.csv (``date`` instead of ``start_date``).

    >>> ax = rounds_timeline(rounds)   # doctest: +SKIP
    """
    title = "Negotiation rounds found in the reports, by date and country"
    ax, any_rounds = _rounds_axes(rounds, ax, (8, 3.8), title)
    if not any_rounds:
        return ax
    source = ROUNDS_SOURCE
    frame = _round_frame(rounds)
    frame["_end"] = _dates(frame["end_date"]).values if "end_date" in frame else pd.NaT
    frame["_end"] = frame["_end"].fillna(frame["_start"])
    frame["_where"] = frame["location"].map(place_row)
    frame["_n"] = frame["participants"].map(lambda v: len(_participants(v)))
    undated = int(frame["_start"].isna().sum())
    frame = frame.dropna(subset=["_start"])
    if frame.empty:
        return _nothing(ax, title, f"{undated} round(s) found, none with a known date.",
                        source)
    places = sorted(frame["_where"].unique(), key=lambda p: (
        p == UNKNOWN_PLACE, frame.loc[frame["_where"] == p, "_start"].min()))
    scale = marker_scale(len(frame))
    y = {place: i for i, place in enumerate(places)}
    frame["_y"] = frame["_where"].map(y)
    for _, row in frame.iterrows():
        if row["_end"] > row["_start"]:
            ax.hlines(row["_y"], row["_start"], row["_end"], color=OKABE_ITO["blue"],
                      linewidth=3, alpha=0.6, zorder=2)
    for status, group in frame.groupby("_status"):
        style = STATUS_STYLE.get(status, {"facecolor": OKABE_ITO["grey"], "label": status})
        ax.scatter(group["_start"], group["_y"],
                   s=scale * (40 + 45 * group["_n"].clip(upper=8)),
                   facecolor=style["facecolor"], edgecolor=OKABE_ITO["blue"], linewidth=1.2,
                   alpha=HELD_ALPHA if status == "held" else 1.0,
                   marker="o" if status == "held" else "s", zorder=3)
    ax.set_yticks(range(len(places)), [_row_label(place, frame) for place in places])
    ax.set_ylim(-0.7, len(places) - 0.3)
    ax.invert_yaxis()
    _date_axis(ax)
    _pad_dates(ax, pd.concat([frame["_start"], frame["_end"]]), days=20)
    ax.legend(handles=_timeline_legend(frame, scale), fontsize=8, loc="upper left",
              bbox_to_anchor=(1.01, 1.0), frameon=False, labelspacing=1.2)
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel("date of the round")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    note = f" {undated} round(s) without a known date are not shown." if undated else ""
    _source(ax, source + note)
    return ax


def round_labels(rounds: pd.DataFrame) -> list[str]:
    """Short labels for rounds: ``"R1 2024-01-28 Paris"``.

    >>> round_labels(pd.DataFrame({"round_id": ["R1"], "start_date": ["2024-01-28"],
    ...     "location": ["Paris"]}))
    ['R1 2024-01-28 Paris']
    """
    labels = []
    for _, row in rounds.iterrows():
        parts = [str(row.get(key)) for key in ("round_id", "start_date", "location")
                 if pd.notna(row.get(key)) and str(row.get(key))]
        labels.append(" ".join(parts))
    return labels


def participants_matrix(rounds: pd.DataFrame, ax=None):
    """Who took part in which round: people down, rounds across, a filled square where the
    person was at the round (so it reads in greyscale), with each person's count of rounds.

    >>> ax = participants_matrix(rounds)   # doctest: +SKIP
    """
    title = "Participants by round"
    source = ROUNDS_SOURCE
    if rounds is None or rounds.empty:
        return _nothing(_axes(ax), title, NO_ROUNDS, source)
    names = sorted({name for value in rounds["participants"] for name in _participants(value)})
    if not names:
        return _nothing(_axes(ax), title, "The rounds found name no participants.", source)
    labels = round_labels(rounds)
    if ax is None:  # room for the longest name on the left and the rotated round labels below
        longest_name = max(len(name) for name in names) + 4
        longest_label = max((len(label) for label in labels), default=10)
        _, ax = plt.subplots(figsize=(max(6.0, 1.5 + 0.075 * longest_name + 0.5 * len(labels)),
                                      max(3.0, 1.6 + 0.3 * len(names) + 0.06 * longest_label)),
                             layout="constrained")
    counts = {name: 0 for name in names}
    for x, value in enumerate(rounds["participants"]):
        people = _participants(value)
        for name in people:
            counts[name] += 1
        ys = [names.index(name) for name in people]
        ax.scatter([x] * len(ys), ys, marker="s", s=120, color=OKABE_ITO["blue"], zorder=3)
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(names)), [f"{name} ({counts[name]})" for name in names],
                  fontsize=8)
    ax.set_xlim(-0.6, len(labels) - 0.4)
    ax.set_ylim(len(names) - 0.4, -0.6)
    ax.set_xticks([x + 0.5 for x in range(len(labels) - 1)], minor=True)
    ax.set_yticks([y + 0.5 for y in range(len(names) - 1)], minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel("round (id, start date, place)")
    ax.set_ylabel("participant (number of rounds)")
    _source(ax, source)
    return ax


def _rounds_axes(rounds: pd.DataFrame | None, ax, size: tuple[float, float], title: str):
    """(the Axes to draw `rounds` on, True), or, when there are no rounds, (an Axes that says
    so under `title`, False)."""
    ax = _axes(ax, size=size)
    if rounds is None or rounds.empty:
        return _nothing(ax, title, NO_ROUNDS, ROUNDS_SOURCE), False
    return ax, True


def _round_frame(rounds: pd.DataFrame) -> pd.DataFrame:
    """A copy of `rounds` with ``_start`` (the first day: ``start_date`` of rounds.csv, or
    ``date`` of meetings.csv) and ``_status`` (``held`` for a table without ``status``)."""
    frame = rounds.copy()
    start = frame["start_date"] if "start_date" in frame else frame["date"]
    frame["_start"] = _dates(start).values
    frame["_status"] = (frame["status"].fillna("held").astype(str)
                        if "status" in frame else "held")
    return frame


def _round_months(rounds: pd.DataFrame) -> pd.DataFrame:
    """Rounds with ``_month`` (the month of their first day) and ``_status``; undated dropped."""
    frame = _round_frame(rounds).dropna(subset=["_start"])
    frame["_month"] = frame["_start"].dt.to_period("M")
    return frame


def rounds_per_month(rounds: pd.DataFrame, ax=None):
    """How many rounds of talks began each month, held (filled) and planned (hatched): the
    summary that stays readable when the corpus holds hundreds of rounds.

    >>> ax = rounds_per_month(rounds)   # doctest: +SKIP
    """
    title = "Rounds of talks found in the reports, per month of their first day"
    ax, any_rounds = _rounds_axes(rounds, ax, (9, 3.2), title)
    if not any_rounds:
        return ax
    source = ROUNDS_SOURCE
    frame = _round_months(rounds)
    if frame.empty:
        return _nothing(ax, title, "No round has a known date.", source)
    months = pd.period_range(frame["_month"].min(), frame["_month"].max(), freq="M")
    counts = (frame.groupby(["_month", "_status"]).size().unstack(fill_value=0)
              .reindex(months, fill_value=0))
    x = months.to_timestamp()
    bottom = pd.Series(0, index=counts.index)
    for status in [s for s in ("held", "planned") if s in counts] + [
            s for s in counts if s not in ("held", "planned")]:
        style = STATUS_STYLE.get(status, {"facecolor": OKABE_ITO["grey"], "label": status})
        ax.bar(x, counts[status], bottom=bottom.values, width=25, align="edge",
               color=style["facecolor"], edgecolor=OKABE_ITO["blue"], linewidth=1,
               hatch="//" if status == "planned" else "", label=style["label"])
        bottom = bottom + counts[status]
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel("month")
    ax.set_ylabel("rounds")
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    _date_axis(ax)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    _source(ax, source)
    return ax


def _attendance(rounds: pd.DataFrame, top: int) -> pd.DataFrame:
    """People (the `top` by rounds attended) down, periods across, rounds attended in each;
    months, or quarters when the rounds span more than two years."""
    frame = _round_months(rounds)
    rows = [(name, month) for month, value in zip(frame["_month"], frame["participants"])
            for name in _participants(value)]
    table = pd.DataFrame(rows, columns=["name", "period"])
    if table.empty:
        return pd.DataFrame()
    if table["period"].nunique() and (table["period"].max() - table["period"].min()).n > 24:
        table["period"] = table["period"].dt.asfreq("Q")
    leaders = table["name"].value_counts()
    leaders = sorted(leaders.index, key=lambda n: (-leaders[n], n))[:top]
    table = table[table["name"].isin(leaders)]
    periods = pd.period_range(table["period"].min(), table["period"].max(),
                              freq=table["period"].iloc[0].freq)
    matrix = pd.crosstab(table["name"], table["period"]).reindex(
        index=leaders, columns=periods, fill_value=0)
    matrix.index = [f"{name} ({int(matrix.loc[name].sum())})" for name in matrix.index]
    matrix.columns = [str(p) for p in matrix.columns]
    return matrix


def participants_heatmap(rounds: pd.DataFrame, top: int = 15, ax=None):
    """Who took part in the talks and when: the `top` negotiators by rounds attended, down;
    months (quarters over two years) across; each cell the rounds they attended then, a
    seaborn heatmap. Stays the same size at 1,000 articles, unlike one column per round.

    >>> ax = participants_heatmap(rounds, top=10)   # doctest: +SKIP
    """
    import seaborn as sns

    title = f"Rounds attended per period: the {top} most frequent participants"
    source = ("Source: meetings reported in the corpus, merged into rounds (rounds.csv); "
              "the number after a name is all their dated rounds.")
    matrix = pd.DataFrame() if rounds is None or rounds.empty else _attendance(rounds, top)
    if matrix.empty:
        return _nothing(_axes(ax), title, "No dated round names its participants.", source)
    if ax is None:
        longest = max(len(name) for name in matrix.index)
        _, ax = plt.subplots(figsize=(min(12.0, max(7.0, 2.0 + 0.075 * longest
                                                    + 0.42 * matrix.shape[1])),
                                      1.8 + 0.3 * len(matrix)), layout="constrained")
    sns.heatmap(matrix, ax=ax, cmap="Blues", annot=True, fmt="d", cbar=False, linewidths=0.5,
                linecolor="#dddddd", vmin=0, annot_kws={"fontsize": 7},
                mask=matrix == 0)
    ax.set_facecolor("white")
    ax.set_title(title if len(matrix) == top else
                 f"Rounds attended per period ({len(matrix)} participants)",
                 loc="left", fontweight="bold")
    ax.set_xlabel("month of the round" if "Q" not in matrix.columns[0] else "quarter")
    ax.set_ylabel("participant (dated rounds attended)")
    ax.tick_params(axis="x", labelrotation=90, labelsize=8)
    ax.tick_params(axis="y", labelsize=8)
    _source(ax, source)
    return ax


STACK_SPAN = 0.8  # of a row's height: the most that markers of one value are spread over
STACK_STEP = 0.12  # between two stacked markers, when they fit


def stack_offsets(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Vertical offsets that stack the rows sharing `keys` (a row and a value) one above the
    other, centred on the row, so that 30 reports of "1,200 killed" show as 30 markers, not
    one; a single row keeps offset 0.

    >>> stack_offsets(pd.DataFrame({"v": [5, 5, 5, 7]}), ["v"]).round(2).tolist()
    [-0.12, 0.0, 0.12, 0.0]
    """
    rank = rows.groupby(keys, sort=False).cumcount()
    size = rows.groupby(keys, sort=False)[keys[0]].transform("size")
    step = (STACK_SPAN / size.clip(lower=1)).clip(upper=STACK_STEP)
    return (rank - (size - 1) / 2) * step


def event_figures(figures: pd.DataFrame, metrics=("killed", "injured"), ax=None):
    """One-off event tolls (scope ``event``: "1,200 killed on 7 October", "240 taken hostage")
    as the reports state them: one row per metric and population, a marker per report (shape by
    qualifier), the value across. They are not cumulative, so they get their own axes.

    >>> ax = event_figures(figures)   # doctest: +SKIP
    """
    ax = _axes(ax, size=(9, 2.6))
    title = "One-off tolls stated in the reports (e.g. the 7 October attack): not cumulative"
    source = (f"{SOURCE_FIGURES}; figures of one event, not running totals. Reports stating "
              "the same number are stacked one above the other.")
    rows = _statements(figures)
    if len(rows):
        rows = rows[rows["metric"].isin(list(metrics)) & _is_event(rows)]
    if rows.empty:
        return _nothing(ax, title, "No one-off event tolls in the selected reports.", source)
    rows = rows.copy()
    rows["_row"] = [f"{m.replace('_', ' ')}, {POPULATION_STYLE.get(p, {'label': p})['label']}"
                    for m, p in zip(rows["metric"], rows["population"].fillna("other"))]
    labels = sorted(rows["_row"].unique())
    y = {label: i for i, label in enumerate(labels)}
    rows["_y"] = rows["_row"].map(y) + stack_offsets(rows, ["_row", "_value"])
    for (_, qualifier), group in rows.groupby(["_row", "_qualifier"]):
        population = group["population"].iloc[0]
        color = POPULATION_STYLE.get(population, POPULATION_STYLE["other"])["color"]
        ax.scatter(group["_value"], group["_y"], s=55, color=color,
                   marker=QUALIFIER_MARKERS.get(qualifier, ("X", qualifier))[0],
                   edgecolor="black", linewidth=0.6, alpha=0.8, zorder=3)
    counts = rows.groupby("_row").size()
    ax.set_yticks(range(len(labels)), [f"{label} ({counts[label]} reports)" for label in labels])
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(left=0, right=rows["_value"].max() * 1.15)
    ax.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel("people (as stated)")
    ax.legend(handles=_qualifier_legend(rows["_qualifier"]), fontsize=8, frameon=False,
              loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title(title, loc="left", fontweight="bold")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    _source(ax, source)
    return ax


# Where a report date came from (documents.csv date_source) -> colour, hatch, legend label.
DATE_SOURCE_STYLE = {
    "header": (OKABE_ITO["blue"], "", "date given in the article"),
    "metadata": (OKABE_ITO["sky_blue"], "..", "date given in metadata.csv"),
    "inferred": (OKABE_ITO["orange"], "//", "date inferred from its content"),
}
WEEKS_AT_MOST = 53  # reports spanning more weeks than this are counted per month


def _report_periods(dates: pd.Series) -> tuple[pd.Series, str, int]:
    """(each date's period start, 'week' or 'month', bar width in days): weeks starting Monday
    over a year at most, months beyond, so that a corpus of several years is not a comb of
    hairline bars."""
    weeks = dates.dt.to_period("W-SUN").dt.start_time
    if (weeks.max() - weeks.min()).days // 7 + 1 <= WEEKS_AT_MOST:
        return weeks, "week", 5
    return dates.dt.to_period("M").dt.start_time, "month", 25


def reports_over_time(documents: pd.DataFrame, ax=None):
    """Readable reports per week of their report date (per month when they span more than a
    year), stacked by where the date came from (hatched for inferred dates); undated reports
    are counted in the source line.

    >>> ax = reports_over_time(documents)   # doctest: +SKIP
    """
    ax = _axes(ax, size=(9, 3.5))
    title = "Reports over time"
    source = "Source: the corpus (documents.csv), by report date."
    if documents is None or documents.empty:
        return _nothing(ax, title, "No documents in the corpus.", source)
    frame = documents[documents["status"].fillna("ok") == "ok"].copy()
    frame["_date"] = _dates(frame["report_date"]).values
    undated = int(frame["_date"].isna().sum())
    frame = frame.dropna(subset=["_date"])
    if undated:
        source += f" {undated} readable report(s) have no date and are not shown."
    if frame.empty:
        return _nothing(ax, title, "No readable report has a known date.", source)
    frame["_period"], period, width = _report_periods(frame["_date"])
    counts = (frame.groupby(["_period", "date_source"]).size().unstack(fill_value=0)
              .sort_index())
    bottom = pd.Series(0, index=counts.index)
    for column in [c for c in DATE_SOURCE_STYLE if c in counts] + [
            c for c in counts if c not in DATE_SOURCE_STYLE]:
        color, hatch, label = DATE_SOURCE_STYLE.get(column, (OKABE_ITO["grey"], "xx",
                                                             f"date from {column}"))
        ax.bar(counts.index, counts[column], bottom=bottom, width=width, color=color,
               hatch=hatch, edgecolor="white", label=label, align="edge")
        bottom = bottom + counts[column]
    ax.set_title(f"Reports per {period}", loc="left", fontweight="bold")
    ax.set_xlabel("week (starting Monday)" if period == "week" else "month")
    ax.set_ylabel("reports")
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    _date_axis(ax)
    _pad_dates(ax, frame["_period"], days=14 if period == "week" else 31)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    _source(ax, source)
    return ax


reports_per_week = reports_over_time  # the name of rounds 1-4


def top_entities(entities: pd.DataFrame, labels=("PERSON",), n: int = 10, ax=None):
    """The `n` most-mentioned names with one of `labels` (spaCy entity labels), as horizontal
    bars of mention counts, with the number of articles naming each.

    >>> ax = top_entities(entities, labels=("GPE", "LOC"))   # doctest: +SKIP
    """
    from analysis.present.notebook_helpers import entity_counts

    ax = _axes(ax, size=(6, 3.2))
    kind = {"PERSON": "people", "GPE": "places", "LOC": "places", "FAC": "places",
            "ORG": "organisations", "NORP": "groups"}.get(labels[0], "names")
    title = f"Most-mentioned {kind}"
    source = "Source: named entities in the corpus (entities.csv, spaCy en_core_web_sm)."
    if entities is not None and entities.attrs.get("from") == "meetings":
        title = f"Most frequent {kind} in the meetings"
        source = ("Source: the people and places of the meetings found (meetings.csv); the "
                  "rules-only pipeline names no other entities (--model en_core_web_sm does).")
    counts = entity_counts(entities, labels=labels, n=n)
    if counts.empty:
        return _nothing(ax, title, f"No {kind} named in the selected reports.", source)
    counts = counts.iloc[::-1]
    ax.barh(counts["text"], counts["mentions"], color=OKABE_ITO["blue"])
    for y, (mentions, articles) in enumerate(zip(counts["mentions"], counts["articles"],
                                                 strict=True)):
        ax.text(mentions, y, f" {articles} art.", va="center", fontsize=7, color="#444444")
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel("mentions")
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlim(right=counts["mentions"].max() * 1.25)
    _source(ax, source)
    return ax
