"""The tables' columns: the contract that the CLI, the notebooks and the tests rely on.

Every table is written as UTF-8 CSV with a header row and ISO dates, in exactly this column
order (see README, "The tables").

>>> DOCUMENT_COLUMNS[:3]
['doc_id', 'source_path', 'report_date']
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

DOCUMENT_COLUMNS = [
    "doc_id",
    "source_path",
    "report_date",
    "date_source",  # header | metadata | inferred | none
    "n_words",
    "sha256",
    "status",  # ok | rejected | duplicate
    "error",  # why, for rejected and duplicate rows
    # beyond the design card
    "date_window_start",  # for inferred dates: the window the true date lies in
    "date_window_end",
    "date_evidence",  # what the inference used, or why the article stays undated
    "date_confidence",  # given (header, metadata) | high | medium | low (window width) | ''
    "title",
    "url",
    "note",  # warnings that did not stop the article (e.g. decoded as cp1252)
]

# A figure as an article reports it: the first columns of figures.csv and of
# figures_vs_reference.csv.
REPORTED_FIGURE_COLUMNS = [
    "doc_id",
    "report_date",
    "metric",
    "population",
    "value",
    "qualifier",
    "low",
    "high",
]

FIGURE_COLUMNS = [
    *REPORTED_FIGURE_COLUMNS,
    "scope",
    "group",  # all, or the sub-group counted: children, women, militants, alive, ...
    "vague",  # true for amounts without a number ("hundreds of"), valued at their lower bound
    "attributed_to",
    "sentence",
    "quote",
    "start_char",
    "end_char",
]

MEETING_COLUMNS = [
    "doc_id",
    "report_date",
    "date",
    "date_text",
    "location",
    "participants",
    "status",
    "quote",
    "start_char",
    "end_char",
    "day_source",  # "report": the day is the report's, the text names none (else empty)
]

ROUND_COLUMNS = [
    "round_id",
    "start_date",
    "end_date",
    "location",
    "participants",
    "n_reports",
    "doc_ids",
    "terms",
    "summary",
]

COMPARISON_COLUMNS = [
    *REPORTED_FIGURE_COLUMNS,
    "official_date",
    "official_value",
    "official_value_day_before",
    "official_source",
    "deviation_pct",
    "consistent",
    "quote",
    "start_char",
    "end_char",
]

# rounds_vs_reference.csv: each known round of talks in the corpus's period (reported or
# not_reported by the corpus, with the rounds and articles that report it), then each dated
# found round that matches no known round (not_in_reference). See analysis/assemble/rounds.py.
ROUNDS_VS_REFERENCE_COLUMNS = [
    "status",  # reported | not_reported | not_in_reference
    "reference_start",
    "reference_end",
    "reference_place",
    "reference_participants",
    "reference_event",
    "reference_source",
    "round_ids",
    "round_start",
    "round_location",
    "n_reports",
    "doc_ids",
]

COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "meetings": MEETING_COLUMNS,
    "rounds": ROUND_COLUMNS,
    "figures_vs_reference": COMPARISON_COLUMNS,
    "rounds_vs_reference": ROUNDS_VS_REFERENCE_COLUMNS,
}

INT_COLUMNS = {"n_words", "value", "low", "high", "start_char", "end_char", "n_reports",
               "official_value", "official_value_day_before"}


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the columns of table `name`.

    >>> list(empty("rounds").columns)[:2]
    ['round_id', 'start_date']
    """
    return pd.DataFrame({column: pd.Series(dtype=object) for column in COLUMNS[name]})


def conform(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return `frame` with exactly the columns of table `name`, in order; integer columns as
    nullable integers so that CSVs never show ``26422.0``.

    >>> conform(pd.DataFrame({"doc_id": ["a"], "value": [3.0]}), "figures")["value"].dtype
    Int64Dtype()
    """
    frame = frame.copy()
    for column in COLUMNS[name]:
        if column not in frame.columns:
            frame[column] = pd.NA
    frame = frame[COLUMNS[name]]
    for column in frame.columns:
        if column in INT_COLUMNS:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").round().astype("Int64")
    if "vague" in frame.columns:
        frame["vague"] = frame["vague"].map(_flag_text)
    return frame.reset_index(drop=True)


def _flag_text(value) -> object:
    """A boolean cell as the CSV writes it: ``true`` / ``false`` (missing stays missing)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return pd.NA
    return "true" if str(value).strip().lower() in ("true", "1", "yes") else "false"


def whole_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """The figure rows charts, the official comparison and report-date inference use: counts
    of a whole population (`group` all) with a number (`vague` false). A frame without the
    columns (an older table) counts as all / not vague.

    >>> rows = pd.DataFrame({"value": [1, 2, 3], "group": ["all", "children", "all"],
    ...                      "vague": ["false", "false", "true"]})
    >>> whole_figures(rows)["value"].tolist()
    [1]
    """
    keep = pd.Series(True, index=frame.index)
    if "group" in frame.columns:
        keep &= frame["group"].fillna("all").astype(str).str.strip().isin(["all", ""])
    if "vague" in frame.columns:
        keep &= ~frame["vague"].map(lambda v: str(v).strip().lower() in ("true", "1"))
    return frame[keep]


def write_table(frame: pd.DataFrame, name: str, out_dir: str | Path) -> Path:
    """Write table `name` as ``out_dir/name.csv`` (UTF-8, header, ``\\n`` line ends).

    Dates must already be ISO strings or ``datetime.date`` objects; the output is byte-identical
    for identical input.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.csv"
    with open(path, "w", encoding="utf-8", newline="") as file:
        write_csv(conform(frame, name), file)
    return path


# A cell that starts with one of these runs as a formula when a spreadsheet opens the CSV
# (OWASP "CSV injection"); tab and carriage return are on the list because some programs
# strip them before looking. Such cells are written with a leading ' (as Excel itself does).
FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")
_INERT = re.compile(r"^'+[=+\-@\t\r]")


def inert_cell(value):
    """A text cell as written to CSV: a leading ``'`` when a spreadsheet would run it.

    Cells that already start with quotes before such a character get one more, so that
    :func:`restore_cell` gives back exactly what was written. Numbers are left alone.

    >>> inert_cell("=HYPERLINK(1)"), inert_cell("-5 dead"), inert_cell("'=x"), inert_cell("a=b")
    ("'=HYPERLINK(1)", "'-5 dead", "''=x", 'a=b')
    """
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


def restore_cell(value):
    """Undo :func:`inert_cell`. >>> restore_cell("'=1+2"), restore_cell("'tis")
    ('=1+2', "'tis")
    """
    if isinstance(value, str) and _INERT.match(value):
        return value[1:]
    return value


def write_csv(frame: pd.DataFrame, file, header: bool = True) -> None:
    """Write `frame` to the open text `file` as the tables are written: UTF-8, ``\\n`` line
    ends, formula-like text cells made inert (:func:`inert_cell`), and every row that holds a
    carriage return written fully quoted, so that readers do not split it (the csv module
    quotes only the line terminator's characters). Rows without one are written as before.
    """
    text_columns = [c for c in frame.columns
                    if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]
    has_cr = [False] * len(frame)
    if text_columns:
        frame = frame.copy()
        for column in text_columns:
            cells = frame[column].map(inert_cell)
            frame[column] = cells
            # (read as a list: iterating a pyarrow-backed column makes a scalar per cell)
            has_cr = [row or (isinstance(v, str) and "\r" in v)
                      for row, v in zip(has_cr, cells.tolist())]
    if not any(has_cr):
        frame.to_csv(file, index=False, header=header, lineterminator="\n")
        return
    has_cr = pd.Series(has_cr, index=frame.index)
    if header:
        frame.iloc[:0].to_csv(file, index=False, lineterminator="\n")
    block = has_cr.ne(has_cr.shift()).cumsum()
    for _, rows in frame.groupby(block, sort=False):
        quoting = csv.QUOTE_ALL if has_cr[rows.index[0]] else csv.QUOTE_MINIMAL
        rows.to_csv(file, index=False, header=False, lineterminator="\n", quoting=quoting)


def read_table(path: str | Path, name: str | None = None) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, keeping text as text and integers as Int64.

    `name` defaults to the file's stem (``figures.csv`` -> ``figures``).
    """
    path = Path(path)
    name = name or path.stem
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    frame = frame.map(restore_cell)
    if name in COLUMNS:
        frame = conform(frame, name)
    return frame
