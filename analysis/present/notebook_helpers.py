"""What the notebooks share: loading the tables for a notebook's parameters, the date range,
the small derived tables they show, safe display of article text, and saving charts.

Notebooks stay thin: a few calls into this module per cell.

>>> from analysis.present import notebook_helpers as nh
>>> tables = nh.load_tables(tables_dir=None, corpus="../data/corpus",
...                         output_dir="../reports/lab/01_corpus_overview")   # doctest: +SKIP
>>> tables = nh.select_dates(tables, start="2024-01-01", end=None)           # doctest: +SKIP
>>> nh.show(tables.figures[["doc_id", "value", "sentence"]])                  # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.assemble.tables import Tables
from analysis.paths import PRESENT_DATA_DIR, REPO_ROOT

TABLE_NAMES = ["documents", "figures", "meetings", "rounds", "figures_vs_reference", "entities",
               "rounds_vs_reference"]
ENTITY_COLUMNS = ["doc_id", "text", "label", "start_char", "end_char"]


# ----------------------------------------------------------------------------- paths and setup


def resolve_path(path: str | os.PathLike | None) -> Path | None:
    """`path` as given if it exists relative to the working directory (the notebook's folder in
    JupyterLab and under papermill), else relative to the repository root, so the parameters'
    defaults (``"../data/corpus"``) work from ``notebooks/`` and from the root alike.

    >>> resolve_path("../data/corpus").name
    'corpus'
    """
    if path is None or str(path) == "":
        return None
    path = Path(path).expanduser()
    if path.is_absolute() or path.exists():
        return path
    parts = [part for part in path.parts if part not in ("..", ".")]
    candidate = REPO_ROOT.joinpath(*parts) if parts else REPO_ROOT
    return candidate if candidate.exists() else path


def output_folder(output_dir: str | os.PathLike) -> Path:
    """Create the notebook's output folder (resolved like :func:`resolve_path`'s parent) and
    return it; notebooks write files only here."""
    path = Path(output_dir).expanduser()
    if not path.is_absolute() and not path.parent.exists():
        resolved_parent = resolve_path(path.parent)
        path = (resolved_parent or path.parent) / path.name
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup(dpi: int = 100) -> None:
    """Matplotlib and pandas settings for readable, deterministic notebook output; in a
    notebook, the interactive table library is embedded into the output (offline, nothing
    loaded from the network; analysis.present.display)."""
    import matplotlib

    matplotlib.rcParams.update({
        "figure.dpi": dpi,
        "savefig.dpi": dpi,
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "hostage-talks",
        "svg.fonttype": "none",
    })
    pd.set_option("display.max_colwidth", None)
    if _in_notebook():
        from analysis.present.display import init

        init()


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


# ----------------------------------------------------------------------------- loading


def _empty(name: str) -> pd.DataFrame:
    if name == "entities":
        return pd.DataFrame({column: pd.Series(dtype=object) for column in ENTITY_COLUMNS})
    return schema.empty(name)


def read_tables(tables_dir: str | os.PathLike) -> Tables:
    """Read the CSV tables written by ``python -m analysis extract`` (a missing file is an
    empty table with the right columns)."""
    tables_dir = Path(tables_dir)
    frames = {}
    for name in TABLE_NAMES:
        path = tables_dir / f"{name}.csv"
        if path.exists():
            frames[name] = schema.read_table(path, name)
        elif name == "rounds_vs_reference":  # tables of an older extract: check them here
            from analysis.assemble.rounds import rounds_vs_reference

            frames[name] = rounds_vs_reference(frames["rounds"], frames["documents"])
        else:
            frames[name] = _empty(name)
    return Tables(**frames)


def load_tables(tables_dir=None, corpus="../data/corpus", output_dir="../reports/lab",
                model=None) -> Tables:
    """The tables for a notebook: read from `tables_dir` when given (the report runner extracts
    once and passes it), otherwise extract `corpus` into ``output_dir/tables`` first (with the
    rules-only pipeline when `model` is None, else with that spaCy model).

    >>> load_tables("tables").figures.columns[0]       # doctest: +SKIP
    'doc_id'
    """
    folder = resolve_path(tables_dir)
    if folder is None or not (folder / "documents.csv").exists():
        if folder is not None:
            raise FileNotFoundError(f"no documents.csv in tables folder {folder}")
        from analysis.batch.run import run_extraction

        folder = output_folder(output_dir) / "tables"
        print(run_extraction(resolve_path(corpus), folder, model=model, progress=False))
    return read_tables(folder)


def _in_range(dates: pd.Series, start, end) -> pd.Series:
    parsed = pd.to_datetime(dates, errors="coerce", format="ISO8601")
    keep = parsed.notna()
    if start:
        keep &= parsed >= pd.Timestamp(start)
    if end:
        keep &= parsed <= pd.Timestamp(end)
    return keep


def filter_dates(frame: pd.DataFrame, start=None, end=None, column="report_date",
                 keep_undated=False) -> pd.DataFrame:
    """Rows whose `column` lies in [start, end] (ISO strings, either may be None). With no
    bounds every row is kept; with bounds, undated rows only when `keep_undated`.

    >>> f = pd.DataFrame({"report_date": ["2024-01-28", "2024-03-09", None]})
    >>> len(filter_dates(f, start="2024-02-01")), len(filter_dates(f))
    (1, 3)
    """
    if not start and not end:
        return frame
    keep = _in_range(frame[column], start, end)
    if keep_undated:
        keep |= pd.to_datetime(frame[column], errors="coerce", format="ISO8601").isna()
    return frame[keep.values].reset_index(drop=True)


def select_dates(tables: Tables, start=None, end=None) -> Tables:
    """The tables restricted to reports dated in [start, end]. Documents keep their undated
    rows (the overview lists them); figures, comparisons, meetings and entities follow their
    article; a round stays when its start date is in range, or when it is undated and one of
    its reports is in range."""
    if not start and not end:
        return tables
    documents = filter_dates(tables.documents, start, end, keep_undated=True)
    in_range = set(filter_dates(tables.documents, start, end)["doc_id"])
    rounds = tables.rounds
    if not rounds.empty:
        dated = _in_range(rounds["start_date"], start, end)
        undated = pd.to_datetime(rounds["start_date"], errors="coerce",
                                 format="ISO8601").isna()
        from_docs = rounds["doc_ids"].fillna("").map(
            lambda ids: bool(set(filter(None, str(ids).split(";"))) & in_range))
        rounds = rounds[(dated | (undated & from_docs)).values].reset_index(drop=True)
    return Tables(
        documents=documents,
        figures=filter_dates(tables.figures, start, end),
        meetings=filter_dates(tables.meetings, start, end),
        rounds=rounds,
        figures_vs_reference=filter_dates(tables.figures_vs_reference, start, end),
        entities=tables.entities[tables.entities["doc_id"].isin(in_range)].reset_index(
            drop=True),
        rounds_vs_reference=_reference_rows(tables.rounds_vs_reference, start, end),
    )


def _reference_rows(check: pd.DataFrame | None, start, end) -> pd.DataFrame | None:
    """Rows of rounds_vs_reference.csv whose known round (or, for found rounds matching none,
    whose first day) lies in [start, end]."""
    if check is None or check.empty:
        return check
    when = check["reference_start"].where(check["reference_start"].notna(),
                                          check["round_start"].str[:10])
    return check[_in_range(when, start, end).values].reset_index(drop=True)


def _reference_dir(reference_dir) -> Path:
    from analysis.assemble import reference

    folder = resolve_path(reference_dir)
    return folder if folder is not None and folder.is_dir() else reference.REFERENCE_DIR


def load_official_casualties(reference_dir="../data/reference") -> pd.DataFrame:
    """The official Gaza daily series (analysis.assemble.reference.load_gaza_daily) with an ISO
    ``report_date``: report_date, report_source, killed_cum, injured_cum, ..."""
    from analysis.assemble import reference

    frame = reference.load_gaza_daily(_reference_dir(reference_dir))
    frame.insert(0, "report_date", pd.to_datetime(frame.pop("date")).dt.strftime("%Y-%m-%d"))
    return frame


def load_reported_hostages(reference_dir="../data/reference") -> pd.DataFrame:
    """Hostage figures compiled from news pages (analysis.assemble.reference.load_hostage_figures,
    one cited URL a row) with an ISO ``report_date``."""
    from analysis.assemble import reference

    frame = reference.load_hostage_figures(_reference_dir(reference_dir))
    frame.insert(0, "report_date", pd.to_datetime(frame.pop("date")).dt.strftime("%Y-%m-%d"))
    return frame


# ----------------------------------------------------------------------------- derived tables


def document_dates(documents: pd.DataFrame) -> pd.DataFrame:
    """Each readable article's report date and where it came from: given (header, metadata),
    inferred (with its window, the confidence the window's width gives it, and the evidence)
    or undated."""
    columns = ["doc_id", "report_date", "date", "window", "confidence", "evidence"]
    if documents.empty:
        return pd.DataFrame(columns=columns)
    frame = documents[documents["status"].fillna("ok") == "ok"].copy()
    kind = frame["date_source"].fillna("none").map(
        {"header": "given (header)", "metadata": "given (metadata)", "inferred": "inferred"})
    frame["date"] = kind.fillna("undated")  # the index's word for it too
    start = frame["date_window_start"].fillna("").astype(str)
    end = frame["date_window_end"].fillna("").astype(str)
    frame["window"] = [f"{s} to {e}" if (s or e) and s != e else ""  # a given day: no window
                       for s, e in zip(start, end, strict=True)]
    frame["evidence"] = frame["date_evidence"].fillna("")
    inferred = frame["date_source"] == "inferred"
    confidence = frame.get("date_confidence", pd.Series("", index=frame.index)).fillna("")
    frame["confidence"] = confidence.where(inferred, "")
    frame["report_date"] = frame["report_date"].fillna("")
    return frame[columns].reset_index(drop=True)


def date_counts(documents: pd.DataFrame) -> dict[str, int]:
    """How many readable articles have a given or an inferred date, or are undated.

    >>> date_counts(pd.DataFrame({"status": ["ok", "ok", "rejected"],
    ...     "date_source": ["header", "none", "none"], "doc_id": ["a", "b", "c"],
    ...     "report_date": ["2024-01-01", None, None], "date_window_start": [None] * 3,
    ...     "date_window_end": [None] * 3, "date_evidence": [None] * 3}))
    {'given': 1, 'inferred': 0, 'undated': 1}
    """
    dates = document_dates(documents)["date"]
    return {"given": int(dates.str.startswith("given").sum()),
            "inferred": int((dates == "inferred").sum()),
            "undated": int((dates == "undated").sum())}


def problem_files(documents: pd.DataFrame) -> pd.DataFrame:
    """Rejected and duplicate files with the reason."""
    if documents.empty:
        return pd.DataFrame(columns=["doc_id", "source_path", "status", "error"])
    frame = documents[documents["status"].isin(["rejected", "duplicate"])]
    return frame[["doc_id", "source_path", "status", "error"]].reset_index(drop=True)


def canonical_people(names: pd.Series) -> pd.Series:
    """People's names in one spelling: known negotiators by the actor table ("Bill Burns" and
    "Burns" -> "William Burns"), other bare surnames by the one fuller name in `names` that
    ends with them.

    >>> canonical_people(pd.Series(["Bill Burns", "Burns", "Jane Doe", "Doe", "Smith"])).tolist()
    ['William Burns', 'William Burns', 'Jane Doe', 'Jane Doe', 'Smith']
    """
    from analysis.rules.actors import load_actors

    table = load_actors()

    def known(name: str) -> str:
        found = table.lookup(name)
        if found is None and len(name.split()) == 1 and len(table.by_surname(name)) == 1:
            found = table.by_surname(name)[0]
        return found or name

    mapped = names.map(known)
    fuller = {}
    for name in sorted(set(mapped)):
        if len(name.split()) > 1:
            fuller.setdefault(name.split()[-1].lower(), set()).add(name)
    return mapped.map(lambda n: next(iter(fuller[n.lower()]))
                      if len(n.split()) == 1 and len(fuller.get(n.lower(), ())) == 1 else n)


def named_entities(tables: Tables) -> pd.DataFrame:
    """The named entities to count: entities.csv, or when it is empty (the rules-only pipeline
    has no entity recogniser) the participants (PERSON) and places (GPE) of the meetings found,
    marked ``attrs["from"] == "meetings"`` so the charts say so.

    >>> t = Tables(*[pd.DataFrame(columns=["doc_id"])] * 6)
    >>> t.meetings = pd.DataFrame({"doc_id": ["a"], "participants": ["A B;C D"],
    ...                            "location": ["Doha"]})
    >>> t.entities = pd.DataFrame(columns=ENTITY_COLUMNS)
    >>> frame = named_entities(t); frame["text"].tolist(), frame.attrs["from"]
    (['A B', 'C D', 'Doha'], 'meetings')
    """
    if not tables.entities.empty or tables.meetings is None or tables.meetings.empty:
        return tables.entities
    rows = []
    for meeting in tables.meetings.to_dict("records"):
        names = [n.strip() for n in str(meeting.get("participants") or "").split(";")
                 if n.strip() and n.strip() != "nan"]
        rows += [(meeting["doc_id"], name, "PERSON") for name in names]
        place = meeting.get("location")
        if isinstance(place, str) and place.strip():
            rows.append((meeting["doc_id"], place.strip(), "GPE"))
    frame = pd.DataFrame(rows, columns=["doc_id", "text", "label"])
    frame.attrs["from"] = "meetings"
    return frame


@lru_cache(maxsize=1)
def mention_rules() -> dict:
    """analysis/present/data/mention_rules.json: place aliases and photo-credit words."""
    import json

    path = PRESENT_DATA_DIR / "mention_rules.json"
    return json.loads(path.read_text(encoding="utf-8"))


def is_credit(name: str) -> bool:
    """A PERSON mention that is a photo or agency credit, not a person: it holds a '/' or a
    credit word (mention_rules.json).

    >>> [is_credit(n) for n in ["Ahmad Gharabli/AFP", "Photo: Jane Doe", "Getty Images",
    ...                         "William Burns", "Apollo Creed"]]
    [True, True, True, False, False]
    """
    words = set(re.findall(r"[a-z]+", name.lower()))
    return "/" in name or bool(words & set(mention_rules()["credit_words"]))


def canonical_place(name: str) -> str:
    """One name per place: the gazetteer's (places.csv: "US", "U.S." -> "United States",
    "Turkiye" -> "Turkey"), then mention_rules.json's ("Gaza Strip", "the Strip" -> "Gaza");
    an all-capital dateline ("PARIS") in title case first.

    >>> [canonical_place(n) for n in ["Gaza Strip", "U.S.", "PARIS", "Rafah"]]
    ['Gaza', 'United States', 'Paris', 'Rafah']
    """
    from analysis.rules.places import load_gazetteer

    if name.isupper() and len(name) > 3:
        name = name.title()
    aliases = mention_rules()["place_aliases"]
    name = aliases.get(name, name)
    return aliases.get(load_gazetteer().canonical(name), load_gazetteer().canonical(name))


def _clean_mentions(frame: pd.DataFrame) -> pd.DataFrame:
    """Entity mentions made countable: spacing, 'the', possessives; people in one spelling
    without photo credits and all-capital datelines; places in one spelling without names
    that are a person's surname in the same corpus ("Barnea" tagged as a place)."""
    frame = frame.copy()
    text = frame["text"].astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    text = text.str.replace(r"^the\s+", "", regex=True, case=False)
    frame["text"] = text.str.replace(r"[’']s$", "", regex=True)
    people = frame["label"] == "PERSON"
    dropped = people & (frame["text"].map(is_credit) | frame["text"].map(
        lambda n: n.isupper() and len(n) > 3))
    frame = frame[~dropped]
    people = frame["label"] == "PERSON"
    frame.loc[people, "text"] = canonical_people(frame.loc[people, "text"])
    places = frame["label"].isin(["GPE", "LOC", "FAC"])
    frame.loc[places, "text"] = frame.loc[places, "text"].map(canonical_place)
    surnames = {name.split()[-1].lower() for name in frame.loc[people, "text"]
                if len(name.split()) > 1}
    from analysis.rules.places import load_gazetteer

    known = load_gazetteer().kind
    surname_places = places & frame["text"].str.lower().isin(surnames) & \
        ~frame["text"].isin(known)
    return frame[~surname_places]


def entity_counts(entities: pd.DataFrame, labels=("PERSON",), n: int = 10) -> pd.DataFrame:
    """The `n` most-mentioned names with one of `labels`: text, label, mentions, articles
    (ties broken by name so the order is stable), after :func:`_clean_mentions` ("Gaza" and
    "Gaza Strip" one place, no photo credits among people, no surname among places).

    >>> entity_counts(pd.DataFrame({"doc_id": ["a", "a", "b"], "text": ["Doha"] * 3,
    ...     "label": ["GPE"] * 3}), labels=("GPE",)).to_dict("records")
    [{'text': 'Doha', 'label': 'GPE', 'mentions': 3, 'articles': 2}]
    """
    columns = ["text", "label", "mentions", "articles"]
    if entities is None or entities.empty:
        return pd.DataFrame(columns=columns)
    frame = entities[entities["label"].isin(labels) | (entities["label"] == "PERSON")]
    frame = _clean_mentions(frame)
    frame = frame[frame["label"].isin(labels)]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby("text").agg(label=("label", lambda s: s.mode().iloc[0]),
                                        mentions=("doc_id", "size"),
                                        articles=("doc_id", "nunique")).reset_index()
    grouped = grouped.sort_values(["mentions", "articles", "text"],
                                  ascending=[False, False, True])
    return grouped.head(n)[columns].reset_index(drop=True)


def disagreements(comparison: pd.DataFrame, figures: pd.DataFrame, metrics=None
                  ) -> pd.DataFrame:
    """Figures whose value disagrees with the official value beyond what their qualifier
    allows (``consistent`` false in figures_vs_reference.csv), with the sentence they come from;
    only those of `metrics` when given.
    """
    columns = ["doc_id", "report_date", "metric", "population", "qualifier", "value",
               "official_value", "deviation_pct", *SPAN_COLUMNS]
    if comparison is not None and metrics is not None and not comparison.empty:
        comparison = comparison[comparison["metric"].isin(list(metrics))]
    if comparison is None or comparison.empty:
        return pd.DataFrame(columns=columns)
    flag = comparison["consistent"].astype(str).str.strip().str.lower()
    frame = comparison[flag.isin(["false", "0", "no"])].copy()
    if frame.empty:
        return pd.DataFrame(columns=columns)
    keys = ["doc_id", "start_char", "end_char"]
    sentences = figures[keys + ["sentence"]].drop_duplicates(keys) if not figures.empty else (
        pd.DataFrame(columns=keys + ["sentence"]))
    for key in ("start_char", "end_char"):
        frame[key] = pd.to_numeric(frame[key], errors="coerce").astype("Int64")
        sentences[key] = pd.to_numeric(sentences[key], errors="coerce").astype("Int64")
    frame = frame.merge(sentences, on=keys, how="left")
    return frame.reindex(columns=columns).reset_index(drop=True)


def rounds_with_status(rounds: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """`rounds` plus a ``status`` column: held when any meeting behind the round (same report
    and place) is reported as held, planned otherwise.

    >>> r = pd.DataFrame({"round_id": ["R1"], "location": ["Paris"], "doc_ids": ["a"]})
    >>> m = pd.DataFrame({"doc_id": ["a"], "location": ["Paris"], "status": ["planned"]})
    >>> rounds_with_status(r, m)["status"].tolist()
    ['planned']
    """
    frame = rounds.copy()
    if frame.empty:
        frame["status"] = pd.Series(dtype=object)
        return frame
    if "status" in frame.columns and frame["status"].notna().all():
        return frame
    held = set()
    if meetings is not None and not meetings.empty:
        rows = meetings[meetings["status"] == "held"]
        held = set(zip(rows["doc_id"], rows["location"].fillna(""), strict=True))
    statuses = []
    for _, row in frame.iterrows():
        docs = [d for d in str(row.get("doc_ids") or "").split(";") if d]
        location = row.get("location") if pd.notna(row.get("location")) else ""
        statuses.append("held" if any((d, location) in held for d in docs) else "planned")
    frame["status"] = statuses
    return frame


def round_sources(rounds: pd.DataFrame, meetings: pd.DataFrame,
                  documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (round, report): the report's date and source file and the quote that
    describes the meeting, so every round can be traced back to its articles."""
    columns = ["round_id", "doc_id", "report_date", "source_path", "status", "quote",
               "start_char", "end_char"]
    if rounds is None or rounds.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    meetings = meetings if meetings is not None else pd.DataFrame(columns=["doc_id"])
    for _, round_ in rounds.iterrows():
        location = round_.get("location") if pd.notna(round_.get("location")) else ""
        for doc_id in [d for d in str(round_.get("doc_ids") or "").split(";") if d]:
            doc = documents[documents["doc_id"] == doc_id]
            found = meetings[(meetings["doc_id"] == doc_id)
                             & (meetings["location"].fillna("") == location)]
            if found.empty:
                found = meetings[meetings["doc_id"] == doc_id]
            first = found.iloc[0] if not found.empty else {}
            rows.append({
                "round_id": round_["round_id"],
                "doc_id": doc_id,
                "report_date": doc["report_date"].iloc[0] if not doc.empty else "",
                "source_path": doc["source_path"].iloc[0] if not doc.empty else "",
                "status": first.get("status", "") if len(found) else "",
                "quote": first.get("quote", "") if len(found) else "",
                "start_char": first.get("start_char", "") if len(found) else "",
                "end_char": first.get("end_char", "") if len(found) else "",
            })
    return pd.DataFrame(rows, columns=columns)


def _range_text(start, end) -> str:
    if start and end:
        return f"reports dated {start} to {end}"
    if start:
        return f"reports dated from {start}"
    if end:
        return f"reports dated up to {end}"
    return "all reports"


def corpus_summary(documents: pd.DataFrame, start=None, end=None) -> str:
    """One paragraph on the corpus: files read, set aside, and how the reports are dated.

    >>> corpus_summary(pd.DataFrame(columns=["status"]))
    'The corpus holds no files.'
    """
    if documents is None or documents.empty:
        return "The corpus holds no files."
    status = documents["status"].value_counts()
    counts = date_counts(documents)
    text = (f"{len(documents)} files read: {status.get('ok', 0)} readable, "
            f"{status.get('rejected', 0)} rejected, {status.get('duplicate', 0)} duplicate. "
            f"Of the readable reports, {counts['given']} carry their date, "
            f"{counts['inferred']} have a date inferred from their content and "
            f"{counts['undated']} have none.")
    if start or end:
        text += f" Shown: {_range_text(start, end)}, plus the undated ones."
    return text


CASUALTY_METRICS = ["killed", "injured"]
HOSTAGE_TABLE_METRICS = ["hostages_taken", "hostages_held", "hostages_dead", "hostages_released",
                         "prisoners_held", "prisoners_released"]
# The quote's sentence and character span (start_char, end_char) link each number to the
# words it comes from; the reader tables fold them into the quote's cell (display.FOLDED_INTO).
SPAN_COLUMNS = ["quote", "sentence", "start_char", "end_char"]
FIGURE_DISPLAY_COLUMNS = ["doc_id", "report_date", "metric", "population", "qualifier", "value",
                          "low", "high", "attributed_to", *SPAN_COLUMNS]


SUB_COUNT_DISPLAY_COLUMNS = ["doc_id", "report_date", "metric", "population", "group", "vague",
                             "qualifier", "value", "attributed_to", *SPAN_COLUMNS]


def figure_rows(figures: pd.DataFrame, metrics) -> pd.DataFrame:
    """The whole counts (`group` all, with a number) of the given metrics, with the columns a
    reader checks them by, ordered by report date; sub-counts are in :func:`sub_count_rows`."""
    frame = schema.whole_figures(figures)
    frame = frame[frame["metric"].isin(metrics)] if not frame.empty else frame
    frame = frame.sort_values(["report_date", "doc_id", "metric"], kind="stable",
                              na_position="last")
    return frame.reindex(columns=FIGURE_DISPLAY_COLUMNS).reset_index(drop=True)


def sub_count_rows(figures: pd.DataFrame, metrics) -> pd.DataFrame:
    """The sub-counts ("including 12,300 children": `group` children) and vague amounts
    ("hundreds of prisoners") of the given metrics: kept, but not charted or compared.

    >>> rows = pd.DataFrame({"doc_id": ["a", "a"], "report_date": ["2024-01-01"] * 2,
    ...     "metric": ["killed"] * 2, "population": ["palestinian"] * 2,
    ...     "group": ["all", "children"], "vague": ["false", "false"], "qualifier": ["exact"] * 2,
    ...     "value": [100, 40], "attributed_to": [None] * 2, "quote": ["100", "40 children"]})
    >>> sub_count_rows(rows, ["killed"])["value"].tolist()
    [40]
    """
    if figures.empty:
        return pd.DataFrame(columns=SUB_COUNT_DISPLAY_COLUMNS)
    frame = figures.copy()
    for column, default in (("group", "all"), ("vague", "false")):
        if column not in frame.columns:
            frame[column] = default
    whole = schema.whole_figures(frame).index
    frame = frame[~frame.index.isin(whole) & frame["metric"].isin(metrics)]
    frame = frame.sort_values(["report_date", "doc_id", "metric", "group"], kind="stable",
                              na_position="last")
    return frame.reindex(columns=SUB_COUNT_DISPLAY_COLUMNS).reset_index(drop=True)


def figures_summary(figures: pd.DataFrame, metrics, what: str, start=None, end=None,
                    documents: pd.DataFrame | None = None) -> str:
    """A sentence on how many figures of `metrics` the selected reports state, how many come
    from undated reports and, with `documents`, from reports whose date was inferred.

    >>> figures_summary(pd.DataFrame(columns=["metric", "doc_id", "report_date"]),
    ...                 ["killed"], "casualty")
    'No casualty figures were found in all reports.'
    """
    rows = schema.whole_figures(figures)
    rows = rows[rows["metric"].isin(metrics)] if not rows.empty else rows
    if rows.empty:
        return f"No {what} figures were found in {_range_text(start, end)}."
    undated = int(rows["report_date"].isna().sum())
    text = (f"{len(rows)} {what} figures in {rows['doc_id'].nunique()} reports "
            f"({_range_text(start, end)}).")
    if undated:
        source = "comes from an undated report" if undated == 1 else "come from undated reports"
        text += f" {undated} {source} and cannot be placed on the charts."
    inferred = set() if documents is None or documents.empty else set(
        documents.loc[documents["date_source"] == "inferred", "doc_id"])
    guessed = rows[rows["doc_id"].isin(inferred) & rows["report_date"].notna()]
    if len(guessed):
        reports = guessed["doc_id"].nunique()
        text += (f" {len(guessed)} {'comes' if len(guessed) == 1 else 'come'} from {reports} "
                 f"report{'' if reports == 1 else 's'} whose date was inferred from "
                 f"{'its' if reports == 1 else 'their'} content: on the charts their markers "
                 "are pale and a dashed bar spans the window the true date lies in, and the "
                 "tables give it under the date.")
    return text


DEVIATION_COLUMNS = ["doc_id", "report_date", "metric", "population", "qualifier", "value",
                     "official_date", "official_value", "official_value_day_before",
                     "deviation_pct", "consistent", "official_source", "quote", "start_char",
                     "end_char"]


def deviation_table(comparison: pd.DataFrame, metrics=None) -> pd.DataFrame:
    """figures_vs_reference.csv with the columns that show the gap to the reference value,
    only the rows of `metrics` when given. Casualty rows compare with the Gaza Ministry of
    Health's official series; hostage and prisoner rows with figures news sites reported, so
    for them the ``official_*`` columns are named ``reported_*`` (a news site is not an
    official source).

    >>> rows = pd.DataFrame([dict.fromkeys(DEVIATION_COLUMNS, "")] * 2)
    >>> rows["metric"] = ["killed", "hostages_held"]
    >>> deviation_table(rows, ["hostages_held"]).columns[7]
    'reported_value'
    """
    columns = DEVIATION_COLUMNS
    if comparison is None or comparison.empty:
        frame = pd.DataFrame(columns=columns)
    else:
        frame = comparison.reindex(columns=columns)
        if metrics is not None:
            frame = frame[frame["metric"].isin(list(metrics))]
    if metrics is not None and not set(metrics) & set(CASUALTY_METRICS):
        frame = frame.rename(columns=lambda c: "reported_deviation_pct" if c == "deviation_pct"
                             else c.replace("official_", "reported_"))
    return frame.reset_index(drop=True)


def deviation_summary(deviations: pd.DataFrame, documents: pd.DataFrame | None = None) -> str:
    """A sentence on the comparison: how many figures fit the reference value, and, apart,
    those of reports whose date was inferred from their content (often from these very tolls,
    found in the official series: their agreement is partly circular).

    >>> rows = pd.DataFrame({"doc_id": ["a", "b", "c"], "consistent": ["true", "false", "true"]})
    >>> docs = pd.DataFrame({"doc_id": ["c"], "date_source": ["inferred"]})
    >>> deviation_summary(rows, docs)
    '2 of 3 figures fit the reference value given their qualifier: 1 of the 2 from reports \
dated in their text or metadata, 1 of the 1 from reports whose date was inferred from their \
content (often from these very figures, so their agreement is partly circular).'
    """
    if deviations is None or deviations.empty:
        return "No figure could be compared with a reference value."
    fits = deviations["consistent"].astype(str).str.strip().str.lower().isin(["true", "1"])
    inferred = set() if documents is None or documents.empty else set(
        documents.loc[documents["date_source"] == "inferred", "doc_id"])
    guessed = deviations["doc_id"].isin(inferred)
    text = (f"{int(fits.sum())} of {len(deviations)} figures fit the reference value given "
            "their qualifier")
    if not guessed.any():
        return text + "."
    return (text + f": {int((fits & ~guessed).sum())} of the {int((~guessed).sum())} from "
            f"reports dated in their text or metadata, {int((fits & guessed).sum())} of the "
            f"{int(guessed.sum())} from reports whose date was inferred from their content "
            "(often from these very figures, so their agreement is partly circular).")


def reference_points(reported: pd.DataFrame, figures: pd.DataFrame, days: int = 60
                     ) -> pd.DataFrame:
    """Reported hostage and prisoner reference points within `days` of the figures' report
    dates (all of them when there are no dated figures)."""
    columns = ["report_date", "metric", "value", "qualifier", "attributed_to", "quote",
               "source_url"]
    if reported is None or reported.empty:
        return pd.DataFrame(columns=columns)
    frame = reported.reindex(columns=columns)
    dates = pd.to_datetime(figures["report_date"], errors="coerce",
                           format="ISO8601").dropna() if not figures.empty else pd.Series()
    if len(dates):
        when = pd.to_datetime(frame["report_date"], errors="coerce", format="ISO8601")
        keep = (when >= dates.min() - pd.Timedelta(days=days)) & (
            when <= dates.max() + pd.Timedelta(days=days))
        frame = frame[keep.values]
    return frame.reset_index(drop=True)


def rounds_summary(rounds: pd.DataFrame, start=None, end=None) -> str:
    """A sentence on the rounds found."""
    if rounds is None or rounds.empty:
        return f"No negotiation rounds were found in {_range_text(start, end)}."
    dated = pd.to_datetime(rounds["start_date"], errors="coerce", format="ISO8601")
    text = f"{len(rounds)} rounds of talks found in {_range_text(start, end)}"
    if dated.notna().any():
        text += (f", from {dated.min().date().isoformat()} to "
                 f"{dated.max().date().isoformat()}")
    text += "."
    if dated.isna().any():
        undated = int(dated.isna().sum())
        text += f" {undated} {'has' if undated == 1 else 'have'} no known date."
    return text


REFERENCE_DISPLAY_COLUMNS = ["status", "reference_start", "reference_end", "reference_place",
                             "reference_participants", "reference_event", "reference_source",
                             "round_ids", "round_start", "round_location", "n_reports",
                             "doc_ids"]


def reference_summary(check: pd.DataFrame | None, rounds: pd.DataFrame | None = None) -> str:
    """A sentence on the check of the rounds against the known rounds; with `rounds`, how many
    of them have no date and so cannot be checked.

    >>> reference_summary(pd.DataFrame({"status": ["reported", "not_reported",
    ...                                            "not_in_reference"]}))[:60]
    'Of 2 known rounds in the period of the reports, the corpus r'
    >>> reference_summary(None, pd.DataFrame({"start_date": ["2024-01-28", None]}))[-58:]
    '1 round without a known date cannot be checked against it.'
    """
    if check is None or check.empty:
        text = "No known round lies in the period of the reports, and no dated round was found."
    else:
        status = check["status"].value_counts()
        known = int(status.get("reported", 0) + status.get("not_reported", 0))
        extra = int(status.get("not_in_reference", 0))
        text = (f"Of {known} known rounds in the period of the reports, the corpus reports "
                f"{int(status.get('reported', 0))}; {extra} found round"
                f"{' matches' if extra == 1 else 's match'} no known round.")
    undated = 0 if rounds is None or rounds.empty else int(
        pd.to_datetime(rounds["start_date"], errors="coerce", format="ISO8601").isna().sum())
    if undated:
        text += (f" {undated} round{'' if undated == 1 else 's'} without a known date cannot "
                 "be checked against it.")
    return text


REFERENCE_LINE_COLUMNS = ["status", "known_round", "reference_participants",
                          "reference_event", "reference_source", "found_rounds", "n_reports",
                          "doc_ids"]


def _when_where(start, end, place) -> str:
    """'2024-03-03 to 2024-03-07, Cairo' (the parts known)."""
    start, end, place = (("" if _blank(v) else str(v).strip()) for v in (start, end, place))
    days = f"{start} to {end}" if start and end and end != start else start or end
    return ", ".join(part for part in (days, place) if part)


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or \
        str(value).strip() in ("", "nan")


def _found_rounds(ids, starts, places) -> str:
    """'R003, R004, R006: 2023-11-08 to 2023-11-09, Qatar; Doha': the rounds found that match a
    known round, their days and places (rounds_vs_reference.csv's `;`-lists)."""
    def items(value):
        return [] if _blank(value) else [v.strip() for v in str(value).split(";") if v.strip()]

    days = sorted({day[:10] for day in items(starts)})
    when = _when_where(days[0] if days else "", days[-1] if days else "",
                       "; ".join(dict.fromkeys(items(places))))
    names = ", ".join(items(ids))
    return f"{names}: {when}" if names and when else names or when


def reference_lines(check: pd.DataFrame | None) -> pd.DataFrame:
    """rounds_vs_reference.csv for readers, one line per known round (or per found round
    matching none): its status, the known round's days and place in one cell, who took part,
    what it was and the report the record cites, the rounds found for it (ids, days, places)
    and their articles. The CSV keeps every column apart.

    >>> check = pd.DataFrame({"status": ["reported"], "reference_start": ["2024-03-03"],
    ...     "reference_end": ["2024-03-07"], "reference_place": ["Cairo"],
    ...     "round_ids": ["R1;R2"], "round_start": ["2024-03-03;2024-03-04"],
    ...     "round_location": ["Cairo;Cairo"]})
    >>> reference_lines(check)[["known_round", "found_rounds"]].values.tolist()
    [['2024-03-03 to 2024-03-07, Cairo', 'R1, R2: 2024-03-03 to 2024-03-04, Cairo']]
    """
    if check is None or check.empty:
        return pd.DataFrame(columns=REFERENCE_LINE_COLUMNS)
    frame = check.reindex(columns=REFERENCE_DISPLAY_COLUMNS).copy()
    frame["known_round"] = [_when_where(*row) for row in zip(
        frame["reference_start"], frame["reference_end"], frame["reference_place"])]
    frame["found_rounds"] = [_found_rounds(*row) for row in zip(
        frame["round_ids"], frame["round_start"], frame["round_location"])]
    return frame.reindex(columns=REFERENCE_LINE_COLUMNS).reset_index(drop=True)


ROUND_DISPLAY_COLUMNS = ["round_id", "start_date", "end_date", "location", "status",
                         "participants", "n_reports", "terms", "summary"]
ROUND_LINE_COLUMNS = ["round_id", "start_date", "end_date", "location", "status",
                      "participants", "terms", "n_reports", "doc_ids"]


def round_lines(rounds: pd.DataFrame) -> pd.DataFrame:
    """One line per round for readers: when, where, who, what terms, and its reports (the
    articles themselves are listed under the table's Articles column); the long per-report
    summary stays in rounds.csv."""
    if rounds is None or rounds.empty:
        return pd.DataFrame(columns=ROUND_LINE_COLUMNS)
    return rounds.reindex(columns=ROUND_LINE_COLUMNS).reset_index(drop=True)


# ----------------------------------------------------------------------------- display


def escape(text) -> str:
    """Article text made safe for HTML: ``<script>`` shows as text and never runs.

    >>> escape("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return html.escape(str(text), quote=True)


class HtmlTable:
    """A table for readers (analysis.present.display): human headers, formatted and escaped cells,
    article links, long texts folded; in the HTML sortable and searchable (itables, embedded
    by :func:`setup`); plain text in a terminal. An empty frame shows `empty` as a sentence.
    `max_rows` rows at most (the CSV has them all)."""

    def __init__(self, frame: pd.DataFrame, empty: str = "Nothing found.", max_rows=2000,
                 documents: pd.DataFrame | None = None):
        self.frame = frame
        self.empty = empty
        self.max_rows = max_rows
        self.documents = documents

    def shown(self) -> pd.DataFrame:
        from analysis.present.display import for_readers

        return for_readers(self.frame.head(self.max_rows), self.documents)

    def _repr_html_(self) -> str:
        from analysis.present.display import interactive_html

        if self.frame is None or self.frame.empty:
            return f"<p><em>{escape(self.empty)}</em></p>"
        more = (f"<p><em>The first {self.max_rows:,} of {len(self.frame):,} rows; all are in "
                "the CSV.</em></p>" if len(self.frame) > self.max_rows else "")
        return interactive_html(self.shown()) + more

    def __repr__(self) -> str:
        from analysis.present.display import plain

        if self.frame is None or self.frame.empty:
            return self.empty
        return plain(self.shown()).to_string(index=False)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """A display copy of `frame`: text everywhere, missing values empty, semicolon lists
    spaced so they wrap.

    >>> readable(pd.DataFrame({"participants": ["A;B"], "low": [pd.NA]})).iloc[0].tolist()
    ['A; B', '']
    """
    frame = frame.astype(object).where(frame.notna(), "")
    for column in ("participants", "doc_ids"):
        if column in frame.columns:
            frame[column] = frame[column].astype(str).str.replace(";", "; ", regex=False)
    return frame


def show(frame: pd.DataFrame, empty: str = "Nothing found.", max_rows: int = 2000,
         documents: pd.DataFrame | None = None) -> HtmlTable:
    """Display `frame` for readers (see :class:`HtmlTable`), its article text escaped, each
    article named by title and outlet from `documents` (documents.csv) where known; `empty`
    is said when it has no rows.

    >>> "&lt;script&gt;" in show(pd.DataFrame({"quote": ["<script>x</script>"]}))._repr_html_()
    True
    """
    return HtmlTable(frame, empty=empty, max_rows=max_rows, documents=documents)


def say(*texts: str):
    """Sentences of prose built from data, escaped, shown as one Markdown paragraph."""
    from IPython.display import Markdown

    return Markdown(" ".join(escape(text) for text in texts if text))


def trust(topic: str) -> str:
    """How far to trust a page's `topic` ('figures', 'dates', 'rounds'): the held-out scores
    (analysis.present.quality.trust_sentence)."""
    from analysis.present.quality import trust_sentence

    return trust_sentence(topic)


def save_table(frame: pd.DataFrame, output_dir, name: str) -> Path:
    """Write `frame` as ``output_dir/name.csv`` (UTF-8, ``\\n`` line ends, no index), safe to
    open in a spreadsheet like the extract's tables (``schema.write_csv``)."""
    path = Path(output_dir) / f"{name}.csv"
    with open(path, "w", encoding="utf-8", newline="") as file:
        schema.write_csv(frame, file)
    return path


def save_chart(ax, output_dir, name: str):
    """Save the chart holding `ax` as ``output_dir/name.png``, byte-identical across runs
    (no software or date metadata). In a notebook the figure is closed and the saved PNG
    returned for display, so a cell ending with it shows the chart once and each chart is
    rendered once, not a second time by the inline backend; elsewhere returns None."""
    path = Path(output_dir) / f"{name}.png"
    ax.figure.savefig(path, metadata={"Software": None})
    if not _in_notebook():
        return None
    import matplotlib.pyplot as plt
    from IPython.display import Image

    plt.close(ax.figure)
    return Image(data=path.read_bytes(), format="png")
