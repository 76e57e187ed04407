"""Chart functions and notebook helpers on small synthetic frames with the documented columns."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import schema  # noqa: E402
from analysis.present import charts
from analysis.present import notebook_helpers as nh  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def make_figures() -> pd.DataFrame:
    rows = [
        ("a", "2024-01-28", "killed", "palestinian", 26422, "lower_bound", None, None),
        ("a", "2024-01-28", "killed", "israeli", 1200, "approx", None, None),
        ("b", "2024-03-09", "killed", "palestinian", 31000, "upper_bound", None, None),
        ("b", "2024-03-09", "injured", "palestinian", 72500, "lower_bound", None, None),
        ("c", "2024-05-08", "killed", "palestinian", 34844, "exact", 34000, 35000),
        ("c", "2024-05-08", "hostages_held", "israeli", 128, "approx", None, None),
        ("c", "2024-05-08", "hostages_dead", "israeli", 36, "exact", None, None),
        ("b", "2024-03-09", "prisoners_held", "palestinian", 8800, "lower_bound", None, None),
        ("d", None, "killed", "palestinian", 15000, "lower_bound", None, None),
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "report_date", "metric", "population", "value",
                                        "qualifier", "low", "high"])
    frame["scope"] = ["event" if value == 1200 else "cumulative" for value in frame["value"]]
    frame["sentence"] = "At least <b>26,422</b> people have been killed."
    frame["quote"] = "at least 26,422"
    frame["start_char"] = range(len(frame))
    frame["end_char"] = frame["start_char"] + 10
    return schema.conform(frame, "figures")


def make_official() -> pd.DataFrame:
    dates = pd.date_range("2023-12-01", "2024-06-30", freq="D")
    return pd.DataFrame({"report_date": dates.strftime("%Y-%m-%d"),
                         "killed_cum": range(15000, 15000 + 100 * len(dates), 100),
                         "injured_cum": range(40000, 40000 + 200 * len(dates), 200)})


def make_rounds() -> pd.DataFrame:
    return schema.conform(pd.DataFrame({
        "round_id": ["R1", "R2", "R3"],
        "start_date": ["2024-01-28", "2024-03-08", None],
        "end_date": ["2024-01-29", "2024-03-08", None],
        "location": ["Paris", "Aqaba", "Europe"],
        "participants": ["William Burns;David Barnea;Abbas Kamel", "William Burns;David Barnea",
                         "William Burns"],
        "n_reports": [2, 1, 1],
        "doc_ids": ["a;b", "b", "c"],
    }), "rounds")


def make_meetings() -> pd.DataFrame:
    return schema.conform(pd.DataFrame({
        "doc_id": ["a", "b", "c"], "report_date": ["2024-01-28", "2024-03-09", "2024-01-25"],
        "location": ["Paris", "Aqaba", "Europe"], "status": ["held", "held", "planned"],
        "quote": ["met in Paris", "met yesterday", "will meet <script>"],
    }), "meetings")


def make_documents() -> pd.DataFrame:
    return schema.conform(pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"],
        "source_path": ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"],
        "report_date": ["2024-01-28", "2024-03-09", "2024-05-08", None, None],
        "date_source": ["header", "metadata", "inferred", "none", "none"],
        "status": ["ok", "ok", "ok", "ok", "rejected"],
        "error": [None, None, None, None, "empty file"],
        "date_window_start": [None, None, "2024-05-07", None, None],
        "date_window_end": [None, None, "2024-05-11", None, None],
    }), "documents")


def make_entities() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c"],
                         "text": ["William Burns", "Doha", "William Burns", "Mossad", "Doha"],
                         "label": ["PERSON", "GPE", "PERSON", "ORG", "GPE"],
                         "start_char": [0, 5, 0, 9, 3], "end_char": [4, 9, 4, 15, 7]})


def texts(ax) -> str:
    return " ".join(t.get_text() for t in ax.texts) + " " + " ".join(
        child.get_text() for child in ax.get_children() if hasattr(child, "get_text"))


def marker_count(ax) -> int:
    return sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets")
               and c.get_offsets() is not None and len(c.get_offsets()) and
               type(c).__name__ == "PathCollection")


# ----------------------------------------------------------------------------- charts

CHARTS = {
    "casualties": lambda f: charts.casualty_figures(f["figures"], f["official"], "killed"),
    "injured": lambda f: charts.casualty_figures(f["figures"], f["official"], "injured"),
    "hostages": lambda f: charts.hostage_figures(f["figures"], f["reported"]),
    "prisoners": lambda f: charts.hostage_figures(f["figures"], None,
                                                  metrics=charts.PRISONER_METRICS),
    "timeline": lambda f: charts.rounds_timeline(f["rounds"]),
    "matrix": lambda f: charts.participants_matrix(f["rounds"]),
    "weeks": lambda f: charts.reports_per_week(f["documents"]),
    "people": lambda f: charts.top_entities(f["entities"], labels=("PERSON",)),
    "events": lambda f: charts.event_figures(f["figures"]),
    "per_month": lambda f: charts.rounds_per_month(f["rounds"]),
    "heatmap": lambda f: charts.participants_heatmap(f["rounds"]),
}


def full_frames():
    return {"figures": make_figures(), "official": make_official(),
            "reported": pd.DataFrame({"report_date": ["2024-05-01"],
                                      "metric": ["hostages_remaining"], "value": ["132"]}),
            "rounds": nh.rounds_with_status(make_rounds(), make_meetings()),
            "documents": make_documents(), "entities": make_entities()}


def empty_frames():
    return {"figures": schema.empty("figures"), "official": make_official(), "reported": None,
            "rounds": schema.empty("rounds"), "documents": schema.empty("documents"),
            "entities": pd.DataFrame(columns=nh.ENTITY_COLUMNS)}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_returns_axes_with_title_and_source(name):
    ax = CHARTS[name](full_frames())
    assert isinstance(ax, matplotlib.axes.Axes)
    assert ax.get_title(loc="left")
    assert "Source:" in texts(ax)
    assert ax.get_legend() is not None or name in {"matrix", "people", "heatmap"}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_on_empty_tables_says_so(name):
    ax = CHARTS[name](empty_frames())
    assert isinstance(ax, matplotlib.axes.Axes)
    assert "No " in texts(ax)
    ax.figure.savefig(io.BytesIO(), format="png")  # draws without error


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_draws_on_given_axes(name):
    fig, ax = plt.subplots()
    assert CHARTS[name](full_frames()) is not ax
    frames = full_frames()
    drawn = {
        "casualties": lambda: charts.casualty_figures(frames["figures"], frames["official"],
                                                      ax=ax),
        "injured": lambda: charts.casualty_figures(frames["figures"], None, "injured", ax=ax),
        "hostages": lambda: charts.hostage_figures(frames["figures"], ax=ax),
        "prisoners": lambda: charts.hostage_figures(frames["figures"], ax=ax,
                                                    metrics=charts.PRISONER_METRICS),
        "timeline": lambda: charts.rounds_timeline(frames["rounds"], ax=ax),
        "matrix": lambda: charts.participants_matrix(frames["rounds"], ax=ax),
        "weeks": lambda: charts.reports_per_week(frames["documents"], ax=ax),
        "people": lambda: charts.top_entities(frames["entities"], ax=ax),
        "events": lambda: charts.event_figures(frames["figures"], ax=ax),
        "per_month": lambda: charts.rounds_per_month(frames["rounds"], ax=ax),
        "heatmap": lambda: charts.participants_heatmap(frames["rounds"], ax=ax),
    }[name]()
    assert drawn is ax


def test_casualty_markers_follow_qualifiers_and_ranges():
    ax = charts.casualty_figures(make_figures(), make_official(), metric="killed")
    markers = [c for c in ax.collections if type(c).__name__ == "PathCollection"]
    # three dated cumulative killed figures (the undated one cannot be placed, the one-off
    # 7 October toll is on its own chart), one scatter per (population, qualifier)
    assert sum(len(c.get_offsets()) for c in markers) == 3
    assert len(markers) == 3
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("lower bound" in t for t in legend) and any("upper bound" in t for t in legend)
    assert any("official" in t for t in legend)
    ranges = [c for c in ax.collections if type(c).__name__ == "LineCollection"]
    assert len(ranges) == 1  # the 34,000-35,000 range
    assert ax.get_ylabel() == "people killed (cumulative)"


def test_colours_come_from_the_okabe_ito_palette():
    ax = charts.casualty_figures(make_figures(), make_official(), metric="killed")
    palette = {matplotlib.colors.to_hex(c) for c in charts.OKABE_ITO.values()}
    for collection in ax.collections:
        for colour in collection.get_facecolor():
            hexed = matplotlib.colors.to_hex(colour)
            assert hexed in palette or hexed == "#ffffff"


def test_timeline_counts_undated_rounds_and_marks_status():
    ax = charts.rounds_timeline(nh.rounds_with_status(make_rounds(), make_meetings()))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["France (Paris)", "Jordan (Aqaba)"]
    assert "1 round(s) without a known date" in texts(ax)
    assert marker_count(ax) == 2


def test_participants_matrix_marks_each_attendance():
    ax = charts.participants_matrix(make_rounds())
    assert marker_count(ax) == 3 + 2 + 1
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "William Burns (3)" in labels


def test_reports_per_week_counts_undated_in_source_line():
    ax = charts.reports_per_week(make_documents())
    assert "1 readable report(s) have no date" in texts(ax)
    assert sum(p.get_height() for p in ax.patches) == 3


def test_saved_png_is_deterministic(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        ax = charts.casualty_figures(make_figures(), make_official())
        nh.save_chart(ax, tmp_path / folder, "chart")
        plt.close(ax.figure)
    assert (tmp_path / "one/chart.png").read_bytes() == (tmp_path / "two/chart.png").read_bytes()


# ----------------------------------------------------------------------------- helpers


def test_escape_and_show_escape_article_text():
    frame = pd.DataFrame({"sentence": ["<script>alert(1)</script>"]})
    html = nh.show(frame)._repr_html_()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Nothing here" in nh.show(frame.iloc[0:0], empty="Nothing here")._repr_html_()
    assert nh.escape('"<&>"') == "&quot;&lt;&amp;&gt;&quot;"


@pytest.mark.parametrize("start,end,expected", [
    (None, None, 3), ("2024-02-01", None, 1), (None, "2024-02-01", 1),
    ("2024-01-01", "2024-12-31", 2),
])
def test_filter_dates(start, end, expected):
    frame = pd.DataFrame({"report_date": ["2024-01-28", "2024-03-09", None]})
    assert len(nh.filter_dates(frame, start, end)) == expected


def test_select_dates_keeps_undated_documents_and_follows_articles():
    table_set = nh.Tables(documents=make_documents(), figures=make_figures(),
                            meetings=make_meetings(), rounds=make_rounds(),
                            figures_vs_reference=schema.empty("figures_vs_reference"),
                            entities=make_entities())
    selected = nh.select_dates(table_set, start="2024-03-01", end=None)
    assert set(selected.documents["doc_id"]) == {"b", "c", "d", "e"}
    assert set(selected.figures["doc_id"]) == {"b", "c"}
    assert set(selected.entities["doc_id"]) == {"b", "c"}
    assert list(selected.rounds["round_id"]) == ["R2", "R3"]


def test_disagreements_carry_their_sentence():
    figures = make_figures()
    comparison = schema.conform(pd.DataFrame({
        "doc_id": ["a", "b"], "report_date": ["2024-01-28", "2024-03-09"],
        "metric": ["killed", "killed"], "population": ["palestinian"] * 2,
        "value": [26422, 31000], "qualifier": ["lower_bound", "upper_bound"],
        "official_value": [26422, 30960], "consistent": ["true", "false"],
        "start_char": [0, 2], "end_char": [10, 12],
    }), "figures_vs_reference")
    rows = nh.disagreements(comparison, figures)
    assert list(rows["value"]) == [31000]
    assert rows["sentence"].iloc[0].startswith("At least")
    assert nh.disagreements(schema.empty("figures_vs_reference"), figures).empty


def test_rounds_with_status_and_sources():
    rounds = nh.rounds_with_status(make_rounds(), make_meetings())
    assert list(rounds["status"]) == ["held", "held", "planned"]
    sources = nh.round_sources(rounds, make_meetings(), make_documents())
    assert list(sources["doc_id"]) == ["a", "b", "b", "c"]
    assert sources.loc[sources["round_id"] == "R3", "quote"].iloc[0] == "will meet <script>"


def test_entity_counts_and_document_dates():
    counts = nh.entity_counts(make_entities(), labels=("GPE",))
    assert counts.to_dict("records") == [
        {"text": "Doha", "label": "GPE", "mentions": 2, "articles": 2}]
    dates = nh.document_dates(make_documents())
    assert list(dates["date"]) == ["given (header)", "given (metadata)", "inferred", "undated"]
    assert dates["window"].iloc[2] == "2024-05-07 to 2024-05-11"
    assert nh.date_counts(make_documents()) == {"given": 2, "inferred": 1, "undated": 1}
    assert list(nh.problem_files(make_documents())["error"]) == ["empty file"]


def test_summaries_on_empty_tables():
    assert nh.corpus_summary(schema.empty("documents")) == "The corpus holds no files."
    assert "No casualty figures" in nh.figures_summary(schema.empty("figures"),
                                                      nh.CASUALTY_METRICS, "casualty")
    assert "No negotiation rounds" in nh.rounds_summary(schema.empty("rounds"))


def test_resolve_path_from_repo_root_and_notebooks_folder(monkeypatch):
    monkeypatch.chdir(nh.REPO_ROOT)
    assert nh.resolve_path("../data/corpus") == nh.REPO_ROOT / "data" / "corpus"
    monkeypatch.chdir(nh.REPO_ROOT / "notebooks")
    assert nh.resolve_path("../data/corpus").resolve() == nh.REPO_ROOT / "data" / "corpus"
    assert nh.resolve_path(None) is None


# ----------------------------------------------------------------------------- issue 14


def test_one_off_tolls_stay_off_the_cumulative_chart():
    """'1,200 killed on 7 October' (scope event) would lie flat under the Gaza cumulative line."""
    figures, official = make_figures(), make_official()
    cumulative = charts.casualty_figures(figures, official, "killed")
    values = {y for c in cumulative.collections if type(c).__name__ == "PathCollection"
              for _, y in c.get_offsets()}
    assert 1200 not in values and 26422 in values
    assert "Gaza Ministry of Health" in cumulative.get_title(loc="left")
    assert "Gaza Ministry of Health" in " ".join(t.get_text() for t in
                                                 cumulative.get_legend().get_texts())
    events = charts.event_figures(figures)
    assert [x for c in events.collections for x, _ in c.get_offsets()] == [1200]


def test_held_and_released_are_charted_apart():
    figures = pd.concat([make_figures(), schema.conform(pd.DataFrame({
        "doc_id": ["e"], "report_date": ["2024-05-08"], "metric": ["hostages_released"],
        "population": ["israeli"], "value": [105], "qualifier": ["exact"]}), "figures")])
    held = charts.hostage_figures(figures, metrics=charts.HOSTAGE_PANELS["hostages_held"][0])
    released = charts.hostage_figures(figures,
                                      metrics=charts.HOSTAGE_PANELS["hostages_released"][0])
    held_values = {y for c in held.collections for _, y in c.get_offsets()}
    assert 105 not in held_values and 128 in held_values
    assert {y for c in released.collections for _, y in c.get_offsets()} == {105}
    assert "held" in held.get_title(loc="left") and "released" in released.get_title(loc="left")
    titles = [title for _, title in charts.HOSTAGE_PANELS.values()]
    assert len(set(titles)) == 4


def test_a_city_and_its_country_share_a_timeline_row():
    rounds = schema.conform(pd.DataFrame({
        "round_id": ["R1", "R2", "R3"], "start_date": ["2023-11-09", "2023-11-28", "2024-01-28"],
        "location": ["Qatar", "Doha", "Paris"], "participants": ["A", "B", "C"]}), "rounds")
    ax = charts.rounds_timeline(rounds)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Qatar (Doha)", "France (Paris)"]


def test_participants_heatmap_stays_small_with_many_rounds():
    days = pd.date_range("2023-11-01", periods=300, freq="2D")
    people = [f"Person {i}" for i in range(40)]
    rounds = schema.conform(pd.DataFrame({
        "round_id": [f"R{i}" for i in range(300)], "start_date": days.strftime("%Y-%m-%d"),
        "location": "Doha",
        "participants": [";".join(people[i % 40: i % 40 + 3]) for i in range(300)]}), "rounds")
    ax = charts.participants_heatmap(rounds, top=15)
    width, height = ax.figure.get_size_inches()
    assert width <= 12 and height <= 7
    assert len(ax.get_yticklabels()) == 15
    month = charts.rounds_per_month(rounds)
    assert sum(p.get_height() for p in month.patches) == 300


def test_most_mentioned_join_gaza_and_drop_credits_and_surnames():
    entities = pd.DataFrame({
        "doc_id": list("aabbbcc"),
        "text": ["Gaza", "Gaza Strip", "the Gaza Strip", "Ahmad Gharabli/AFP", "David Barnea",
                 "Barnea", "Getty Images"],
        "label": ["GPE", "GPE", "GPE", "PERSON", "PERSON", "GPE", "PERSON"]})
    places = nh.entity_counts(entities, labels=("GPE", "LOC"))
    assert places[["text", "mentions"]].values.tolist() == [["Gaza", 3]]
    people = nh.entity_counts(entities, labels=("PERSON",))
    assert people["text"].tolist() == ["David Barnea"]


def test_tables_for_readers():
    from analysis.present.display import for_readers

    documents = pd.DataFrame({"doc_id": ["a"], "title": ["Talks resume"],
                              "url": ["https://www.reuters.com/x"], "source_path": ["a.txt"]})
    shown = for_readers(pd.DataFrame({
        "doc_id": ["a"], "report_date": ["2024-01-28"], "value": ["26422"],
        "qualifier": ["lower_bound"], "consistent": ["false"], "deviation_pct": [1.35],
        "quote": ["<script>x</script> " * 20]}), documents)
    row = shown.iloc[0].to_dict()
    assert list(row)[:4] == ["Article", "Report date", "Figure", "Qualifier"]
    assert row["Figure"] == "26,422" and row["Qualifier"] == "at least"
    assert row["Fits the official value"] == "✗" and row["Gap to official"] == "+1.4 %"
    assert 'href="https://www.reuters.com/x"' in row["Article"]
    assert "Talks resume (reuters.com)" in row["Article"]
    assert row["Quote"].startswith("<details>") and "<script>" not in row["Quote"]


def test_hostage_comparison_is_reported_not_official():
    rows = pd.DataFrame([dict.fromkeys(nh.DEVIATION_COLUMNS, "")] * 2)
    rows["metric"] = ["killed", "hostages_held"]
    casualty = nh.deviation_table(rows, nh.CASUALTY_METRICS)
    assert casualty["metric"].tolist() == ["killed"] and "official_value" in casualty
    hostages = nh.deviation_table(rows, nh.HOSTAGE_TABLE_METRICS)
    assert hostages["metric"].tolist() == ["hostages_held"]
    assert not [c for c in hostages.columns if "official" in c]


def test_round_lines_one_per_round():
    rounds = make_rounds()
    lines = nh.round_lines(rounds)
    assert len(lines) == len(rounds) and "summary" not in lines.columns


# ------------------------------------------------------------------ round 5: a real corpus


def test_reports_over_time_count_per_month_beyond_a_year():
    """228 real articles over two years drew about 110 hairline weekly bars; past a year the
    chart counts per month, and within a year it stays weekly."""
    days = pd.date_range("2023-10-09", periods=40, freq="19D")
    documents = schema.conform(pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(40)], "report_date": days.strftime("%Y-%m-%d"),
        "date_source": ["header", "inferred"] * 20, "status": "ok"}), "documents")
    ax = charts.reports_over_time(documents)
    assert ax.get_title(loc="left") == "Reports per month"
    assert sum(p.get_height() for p in ax.patches) == 40
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["date given in the article", "date inferred from its content"]
    short = charts.reports_over_time(documents.head(10))
    assert short.get_title(loc="left") == "Reports per week"
    assert charts.reports_per_week is charts.reports_over_time


def test_one_off_tolls_stack_reports_of_the_same_number():
    """36 reports of the 7 October toll, 20 of them '1,200', showed as one marker; each report
    now has its own, stacked around the row."""
    figures = schema.conform(pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(6)], "report_date": "2024-01-01",
        "metric": "killed", "population": "israeli", "value": [1200] * 5 + [1400],
        "qualifier": "exact", "scope": "event"}), "figures")
    ax = charts.event_figures(figures)
    points = [tuple(p) for c in ax.collections for p in c.get_offsets()]
    assert len(points) == 6 and len(set(points)) == 6
    ys = sorted(y for x, y in points if x == 1200)
    assert ys[0] < 0 < ys[-1] and max(abs(y) for y in ys) <= charts.STACK_SPAN / 2
    assert [y for x, y in points if x == 1400] == [0]
    assert "stacked" in texts(ax)


def test_a_small_population_gets_a_panel_of_its_own():
    """Israeli tolls (1,200-1,900) beside Gaza's (70,000) lay flat along zero; in a figure of its
    own the chart draws them below, on their own scale; on a given Axes everything stays there."""
    figures = schema.conform(pd.DataFrame({
        "doc_id": list("abcd"), "report_date": ["2024-01-28", "2024-03-09"] * 2,
        "metric": "killed", "population": ["palestinian"] * 2 + ["israeli"] * 2,
        "value": [26422, 31000, 1200, 1700], "qualifier": "exact",
        "scope": "cumulative"}), "figures")
    ax = charts.casualty_figures(figures, make_official())
    assert len(ax.figure.axes) == 2
    top, low = ax.figure.axes
    assert top is ax and marker_count(top) == 2 and marker_count(low) == 2
    assert low.get_ylim()[1] < 5000 and "Israeli" in low.get_title(loc="left")
    assert "Source:" in texts(low)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Israeli (report)" in legend and "Palestinian (report)" in legend
    fig, given = plt.subplots()
    assert charts.casualty_figures(figures, make_official(), ax=given) is given
    assert len(fig.axes) == 1 and marker_count(given) == 4


def test_timeline_puts_unknown_places_last_and_shrinks_crowded_markers():
    days = pd.date_range("2023-11-01", periods=120, freq="5D").strftime("%Y-%m-%d")
    rounds = schema.conform(pd.DataFrame({
        "round_id": [f"R{i}" for i in range(120)], "start_date": days,
        "location": [None if i == 0 else "Doha" if i % 2 else "Cairo" for i in range(120)],
        "participants": "A;B"}), "rounds")
    ax = charts.rounds_timeline(rounds)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == charts.UNKNOWN_PLACE and len(labels) == 3
    crowded = max(s for c in ax.collections for s in c.get_sizes())
    few = charts.rounds_timeline(rounds.head(5))
    assert crowded < max(s for c in few.collections for s in c.get_sizes())
    alphas = {c.get_alpha() for c in ax.collections if type(c).__name__ == "PathCollection"}
    assert charts.HELD_ALPHA in alphas


def test_an_empty_chart_is_one_line_tall():
    """The rules-only pipeline names no organisations: the overview drew a 320 px empty box."""
    ax = charts.top_entities(pd.DataFrame(columns=nh.ENTITY_COLUMNS), labels=("ORG",))
    assert ax.figure.get_size_inches()[1] == charts.EMPTY_HEIGHT
    fig, given = plt.subplots(figsize=(6, 4))
    charts.top_entities(pd.DataFrame(columns=nh.ENTITY_COLUMNS), labels=("ORG",), ax=given)
    assert fig.get_size_inches()[1] == 4


def test_reader_tables_give_the_sentence_span_range_and_inferred_date():
    """Each number links to its words: the quote opens on its sentence (the quote marked) and
    gives its character span; a stated range is one cell; an inferred report date says so."""
    from analysis.present.display import for_readers

    figures = make_figures()
    figures.loc[0, "sentence"] = "Officials said at least 26,422 people had died."
    rows = nh.figure_rows(figures, nh.CASUALTY_METRICS)
    assert {"sentence", "start_char", "end_char"} <= set(rows.columns), "the CSV keeps them"
    shown = for_readers(rows, make_documents())
    assert "Sentence" not in shown and "Start char" not in shown and "Low" not in shown
    first = shown.iloc[0]
    assert "<mark>at least 26,422</mark>" in first["Quote"]
    assert 'characters <span style="white-space:nowrap">0–10</span>' in first["Quote"]
    ranged = shown[shown["Figure"] == "34,844"].iloc[0]
    assert ranged["Stated range"] == "34,000–35,000"
    assert "inferred: " in ranged["Report date"] and "2024-05-11" in ranged["Report date"]
    assert "inferred" not in first["Report date"]
    no_range = for_readers(rows[rows["low"].isna()], make_documents())
    assert "Stated range" not in no_range


def test_round_and_record_tables_read_in_words():
    from analysis.present.display import for_readers

    rounds = make_rounds()
    rounds["terms"] = ["truce_days=42; hostages=33; prisoners=30", "phases=3", None]
    shown = for_readers(nh.round_lines(rounds))
    assert shown["Terms"].tolist()[:2] == ["truce of 42 days; 33 hostages; 30 prisoners",
                                          "3 phases"]
    check = pd.DataFrame({
        "status": ["reported", "not_in_reference"], "reference_start": ["2024-01-28", None],
        "reference_end": [None, None], "reference_place": ["Paris", None],
        "reference_source": ["https://www.reuters.com/x", None],
        "round_ids": ["R1;R4", "R2"], "round_start": ["2024-01-28;2024-01-29", "2024-03-08"],
        "round_location": ["Paris;Europe", "Aqaba"], "n_reports": [3, 1],
        "doc_ids": ["a;b;c", "b"]})
    lines = for_readers(nh.reference_lines(check))
    assert lines["Known round"].tolist() == ["2024-01-28, Paris", ""]
    assert lines["Found rounds"].tolist() == ["R1, R4: 2024-01-28 to 2024-01-29, Paris; Europe",
                                              "R2: 2024-03-08, Aqaba"]
    assert 'href="https://www.reuters.com/x"' in lines["Known round: source"][0]


def test_summaries_say_what_is_inferred_and_what_cannot_be_checked():
    text = nh.figures_summary(make_figures(), nh.CASUALTY_METRICS, "casualty",
                              documents=make_documents())
    assert "1 comes from an undated report and cannot be placed" in text
    assert "1 comes from 1 report whose date was inferred from its content" in text
    rounds = make_rounds()
    assert nh.reference_summary(None, rounds).endswith(
        "1 round without a known date cannot be checked against it.")


def test_reported_points_are_drawn_over_the_reports_markers():
    """Where a report agrees with the reported series its marker hid the cross; crosses are
    now on top, outlined in white."""
    reported = pd.DataFrame({"report_date": ["2024-05-08"], "metric": ["hostages_remaining"],
                             "value": ["128"]})
    ax = charts.hostage_figures(make_figures(), reported)
    crosses = [c for c in ax.collections if type(c).__name__ == "PathCollection"
               and [tuple(p) for p in c.get_offsets()][0][1] == 128 and c.get_path_effects()]
    markers = [c for c in ax.collections if type(c).__name__ == "PathCollection"
               and not c.get_path_effects()]
    assert len(crosses) == 1 and markers
    assert crosses[0].get_zorder() > max(c.get_zorder() for c in markers)


def test_crowded_figures_fade_and_their_windows_thin():
    """On 1,000 articles hundreds of dashed date windows merged into solid blocks: past
    CROWDED_STATEMENTS the markers are see-through and the windows faint, drawn in one
    collection per population rather than one a figure."""
    n = charts.CROWDED_STATEMENTS + 50
    days = pd.date_range("2024-01-01", periods=n, freq="D")
    figures = schema.conform(pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)], "report_date": days.strftime("%Y-%m-%d"),
        "metric": "killed", "population": "palestinian", "value": range(20000, 20000 + n),
        "qualifier": "exact", "scope": "cumulative"}), "figures")
    documents = schema.conform(pd.DataFrame({
        "doc_id": figures["doc_id"], "report_date": figures["report_date"],
        "date_source": "inferred", "status": "ok",
        "date_window_start": (days - pd.Timedelta(days=5)).strftime("%Y-%m-%d"),
        "date_window_end": (days + pd.Timedelta(days=5)).strftime("%Y-%m-%d")}), "documents")
    for rows, alpha in ((figures, 0.25), (figures.head(40), 0.6)):
        ax = charts.casualty_figures(rows, make_official(), documents=documents)
        windows = [c for c in ax.collections if type(c).__name__ == "LineCollection"]
        assert len(windows) == 1 and len(windows[0].get_segments()) == len(rows)
        assert windows[0].get_alpha() == alpha
        markers = [c for c in ax.collections if type(c).__name__ == "PathCollection"]
        assert markers[0].get_alpha() == (0.7 if alpha == 0.25 else 1.0)


def test_reference_sources_read_in_words():
    """'israel_hostage_figures_reported.israel_killed_oct7 (https://...)' filled the casualty
    page's comparison column and hid that Israeli tolls are compared with a reported figure,
    not an official one: the source is now said in words, a reported one linked to its page."""
    from analysis.present.display import for_readers

    rows = pd.DataFrame([dict.fromkeys(nh.DEVIATION_COLUMNS, "")] * 3)
    rows["metric"] = "killed"
    rows["official_source"] = [
        "gaza_daily_casualties.killed_cum (mohtel)", "gaza_daily_casualties.killed_cum (missing)",
        "israel_hostage_figures_reported.israel_killed_oct7 (https://www.atalayar.com/en/x)"]
    shown = for_readers(nh.deviation_table(rows, nh.CASUALTY_METRICS))["Official source"]
    assert shown[0] == "Gaza Ministry of Health (Telegram), daily count"
    assert "a day without a report" in shown[1]
    assert shown[2].startswith("reported by <a href=\"https://www.atalayar.com/en/x\"")
    assert ">atalayar.com</a>" in shown[2]


# ----------------------------------------------------------------------------- round 7


def _prisoner_figures() -> pd.DataFrame:
    """Prisoners held as a real corpus states them: 8,800 to 9,900, February 2024 to April
    2025, far from 0."""
    return schema.conform(pd.DataFrame({
        "doc_id": list("abcd"), "report_date": ["2024-02-25", "2024-04-16", "2024-04-16",
                                                "2025-04-17"],
        "metric": "prisoners_held", "population": "palestinian",
        "value": [8800, 9000, 9500, 9900], "qualifier": "lower_bound",
        "scope": "cumulative"}), "figures")


def _marker_room_px(ax) -> float:
    """Pixels between the highest marker's centre and the top of its Axes."""
    ax.figure.canvas.draw()
    tops = [ax.transData.transform(point)[1] for c in ax.collections
            if type(c).__name__ == "PathCollection" for point in c.get_offsets()]
    return ax.bbox.y1 - max(tops)


def test_the_highest_marker_shows_whole_under_the_frame():
    """With the count axis pulled down to 0, matplotlib's 5 % margin (of 8,800-9,900) left the
    top marker cut in half by the frame; so too the Israeli panel's 1,200s. Now the highest
    marker's centre sits at least a marker's radius (about 5 px) below the top."""
    radius_px = (55 ** 0.5) / 2 * 100 / 72
    ax = charts.hostage_figures(_prisoner_figures(), metrics=["prisoners_held"])
    assert ax.get_ylim()[0] == 0
    assert _marker_room_px(ax) > radius_px
    figures = schema.conform(pd.DataFrame({
        "doc_id": list("abcd"), "report_date": ["2024-01-28", "2024-03-09"] * 2,
        "metric": "killed", "population": ["palestinian"] * 2 + ["israeli"] * 2,
        "value": [26422, 31000, 1200, 1200], "qualifier": "exact",
        "scope": "cumulative"}), "figures")
    top, low = charts.casualty_figures(figures, make_official()).figure.axes
    assert _marker_room_px(low) > radius_px and _marker_room_px(top) > radius_px
    # a figure near 0 (2 hostages dead, a misread injured toll) was cut in half by the x-axis
    near_zero = _prisoner_figures().assign(value=[2, 4, 30, 9900])
    ax = charts.hostage_figures(near_zero, metrics=["prisoners_held"])
    markers = [c for c in ax.collections if type(c).__name__ == "PathCollection"]
    assert markers and not any(c.get_clip_on() for c in markers)


def test_a_date_axis_names_the_year_of_its_first_tick():
    """'Mar May Jul Sep Nov 2025 Mar' left the reader to guess the first months' year."""
    ax = charts.hostage_figures(_prisoner_figures(), metrics=["prisoners_held"])
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels[0] == "Mar 2024" and "2025" in labels
    within_a_year = _prisoner_figures().assign(report_date=["2025-01-16", "2025-03-03",
                                                            "2025-10-13", "2025-11-18"])
    ax = charts.hostage_figures(within_a_year, metrics=["prisoners_held"])
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "2025" in labels[0] and not any("2024" in label for label in labels)


def test_a_chart_without_crosses_does_not_explain_crosses():
    """The prisoners-held chart has no reported series, yet its source line explained the
    crosses; the hostage chart with reported points still does."""
    ax = charts.hostage_figures(_prisoner_figures(), metrics=["prisoners_held"])
    assert "Source:" in texts(ax) and "crosses" not in texts(ax)
    reported = pd.DataFrame({"report_date": ["2024-04-16"], "metric": ["hostages_remaining"],
                             "value": ["133"]})
    held = _prisoner_figures().assign(metric="hostages_held", value=[134, 133, 133, 59],
                                      population="israeli")
    assert "crosses" in texts(charts.hostage_figures(held, reported, metrics=["hostages_held"]))


def test_figures_of_inferred_report_dates_are_pale():
    """A ten-day window is narrower than a marker on a two-year axis: its dashed bar hid under
    the marker, and nothing told a guessed report date from a given one. Their markers are now
    filled pale, the others in the population's colour, and the legend says so."""
    figures = schema.conform(pd.DataFrame({
        "doc_id": ["given", "guessed"], "report_date": ["2024-01-28", "2025-06-23"],
        "metric": "killed", "population": "palestinian", "value": [26422, 55998],
        "qualifier": "exact", "scope": "cumulative"}), "figures")
    documents = schema.conform(pd.DataFrame({
        "doc_id": ["given", "guessed"], "report_date": ["2024-01-28", "2025-06-23"],
        "date_source": ["header", "inferred"], "status": "ok",
        "date_window_start": ["2024-01-28", "2025-06-22"],
        "date_window_end": ["2024-01-28", "2025-06-25"]}), "documents")
    ax = charts.casualty_figures(figures, make_official(), documents=documents)
    colour = charts.POPULATION_STYLE["palestinian"]["color"]
    fills = {}
    for c in ax.collections:
        if type(c).__name__ == "PathCollection":
            for (_x, y), face in zip(c.get_offsets(), c.get_facecolor()):
                fills[int(y)] = matplotlib.colors.to_hex(face)
    assert fills == {26422: matplotlib.colors.to_hex(colour), 55998: charts.pale(colour)}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert charts.INFERRED_WINDOW_LABEL in legend and "pale" in charts.INFERRED_WINDOW_LABEL


def test_rounds_sentences_count_in_good_grammar_and_say_what_is_counted():
    """'1 have no known date'; and the heatmap's 'all their rounds' beside a count that leaves
    out their undated rounds (Burns (4) in a table listing him in five rounds)."""
    rounds = make_rounds()
    assert nh.rounds_summary(rounds).endswith(" 1 has no known date.")
    two = pd.concat([rounds, rounds.tail(1).assign(round_id="R4")])
    assert nh.rounds_summary(two).endswith(" 2 have no known date.")
    ax = charts.participants_heatmap(rounds)
    assert "all their dated rounds" in " ".join(texts(ax).split())
    assert ax.get_ylabel() == "participant (dated rounds attended)"
