"""Per-article table rows kept with the article's NLP result, so a cached re-run does no work.

Everything :func:`analysis.assemble.tables.document_tables` makes for one article (its documents row
with the inferred report date, its figure, meeting, comparison and entity rows) depends only
on that article: its text (through its NLP result), its row of the corpus table (doc_id,
given date, title...) and the code and reference data. So the rows are stored in the result
under ``"rows"``, with a `context` hash of those inputs, and saved to the extraction cache
with it. A re-run whose context is unchanged takes the rows as they are: no date inference,
no meeting-date resolution (and so no dateparser), no comparison with the official series.
Only the corpus-level rounds are merged again.

The context changes with any file of the package, the reference series and the calendar
(:func:`analysis.assemble.dating.inference_stamp`), and the article's corpus row: a changed title, a
metadata date, a moved file all recompute the article's rows.

>>> rows_context("stamp", "key", {"doc_id": "a", "title": "T"}) == rows_context(
...     "stamp", "key", {"title": "T", "doc_id": "a"})
True
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache

import pandas as pd

from analysis import schema
from analysis.paths import PACKAGE_DIR

ROWS = "rows"  # the key of the stored rows in a per-document result
# The per-article tables, and how analysis.assemble.tables.document_tables orders each slice of them
# (None: corpus order, the order the articles' rows are concatenated in).
TABLE_ORDER = {
    "documents": None,
    "figures": None,
    "meetings": ["doc_id", "start_char"],
    "figures_vs_reference": ["doc_id", "start_char", "metric"],
    "entities": None,
}


@lru_cache(maxsize=1)
def rows_stamp() -> str:
    """A hash of every file of the package and its data, and of the date inference's own
    stamp (the reference series, the calendar): what the rows depend on besides the article."""
    from analysis.assemble.dating import inference_stamp

    digest = hashlib.sha256(inference_stamp().encode())
    for path in sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file()
                       and p.suffix in (".py", ".csv", ".json", ".txt", ".tsv")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def rows_context(stamp: str, key: str, corpus_row: dict) -> str:
    """The hash an article's stored rows must match: stamp, text key and its corpus row."""
    text = json.dumps([stamp, key, {k: _plain(v) for k, v in corpus_row.items()}],
                      sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _plain(value):
    """A cell as JSON keeps it: missing values (None, NaN, pd.NA) as None, numpy scalars as
    Python ones (the CSV writes None and NaN alike, as an empty cell)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def _records(frame: pd.DataFrame) -> dict[str, list[dict]]:
    """doc_id -> the frame's rows of that article, as plain records."""
    out: dict[str, list[dict]] = {}
    for record in frame.to_dict("records"):
        out.setdefault(record["doc_id"], []).append({k: _plain(v) for k, v in record.items()})
    return out


def slice_tables(table_slice: pd.DataFrame, documents: list, results: dict[str, dict],
                 keys: dict[str, str]) -> tuple[dict, list[str]]:
    """:func:`analysis.assemble.tables.document_tables` for a slice of the corpus, taking each
    article's rows from its result when their context matches, computing (and storing in the
    result) the others. Returns the parts and the doc_ids whose results got new rows (to be
    saved to the cache again)."""
    from analysis.assemble.tables import document_tables

    stamp = rows_stamp()
    corpus_rows = {row["doc_id"]: row for row in table_slice.to_dict("records")}
    contexts = {d.doc_id: rows_context(stamp, keys[d.doc_id], corpus_rows[d.doc_id])
                for d in documents}
    stale = [d for d in documents
             if (results[d.doc_id].get(ROWS) or {}).get("context") != contexts[d.doc_id]]
    if stale or not documents:
        stale_ids = {d.doc_id for d in stale}
        pairs: dict[str, list] = {}   # (the meetings' clusters, made once for both uses)
        fresh = document_tables(table_slice, stale, {i: results[i] for i in stale_ids}, pairs)
        ok = fresh["documents"]["status"] == "ok"  # a repeated doc_id's rejected row is not its
        per_table = {name: _records(fresh[name][ok] if name == "documents" else fresh[name])
                     for name in TABLE_ORDER}
        dated = {d.doc_id: d for d in fresh["dated_documents"]}
        for document in stale:
            result = results[document.doc_id]
            result[ROWS] = {
                "context": contexts[document.doc_id],
                "tables": {name: per_table[name].get(document.doc_id, [])
                           for name in TABLE_ORDER},
                "assigned_terms": _assigned_terms(dated[document.doc_id], result,
                                                  pairs.get(document.doc_id)),
                "meeting_spans": _meeting_spans(dated[document.doc_id],
                                                per_table["meetings"].get(document.doc_id, []))}
        base = fresh["documents"]
    else:
        base = _documents_without_articles(table_slice)
    return _assemble(table_slice, documents, results, base), [d.doc_id for d in stale]


def _assigned_terms(document, result: dict, pairs: list | None = None) -> list:
    """What merging rounds needs of the article beyond its meeting rows: each meeting's first
    sentence and nearest terms (:func:`analysis.assemble.rounds.assigned_terms`), as JSON
    keeps it. `pairs`: its meetings as the meetings table made them (None: made again)."""
    from analysis.assemble.rounds import _assign_terms

    return [[start, sentence, terms]
            for start, (sentence, terms) in _assign_terms(document, result, pairs).items()]


def _meeting_spans(document, meeting_rows: list[dict]) -> dict:
    """The week or month each meeting row's date stands for
    (analysis.assemble.rounds.meeting_span)."""
    from analysis.assemble.rounds import _span, span_key

    spans = {}
    for row in meeting_rows:
        span = _span(row.get("date_text"), document.report_date, row.get("status"))
        spans[span_key(row)] = [span[0].isoformat(), span[1].isoformat()] if span else None
    return spans


def round_inputs(result: dict) -> dict:
    """What merging rounds needs of an article's result, kept until the end of the run: the
    first sentence and terms of each of its meetings, and their date spans (stored with its
    rows; the meeting mentions themselves are not kept: flat memory)."""
    return {key: result[ROWS][key] for key in ("assigned_terms", "meeting_spans")}


def _documents_without_articles(table_slice: pd.DataFrame) -> pd.DataFrame:
    """The documents rows of a slice as the date inference leaves articles it does not see."""
    from analysis.assemble.dating import infer_report_dates

    return infer_report_dates(table_slice, [], {})[0]


def _assemble(table_slice, documents, results, base: pd.DataFrame) -> dict:
    """The slice's frames from the stored rows, ordered as document_tables orders them, and
    the documents with their inferred report dates. `base` is the slice's documents frame,
    row for row: the articles' rows are replaced by their stored ones, the other rows
    (rejected, duplicate) are kept."""
    import dataclasses
    import datetime as dt

    stored = {d.doc_id: results[d.doc_id][ROWS]["tables"] for d in documents}
    parts = {}
    for name, order in TABLE_ORDER.items():
        if name == "documents":
            rows = [stored[doc_id]["documents"][0] if status == "ok" and doc_id in stored
                    else {k: _plain(v) for k, v in row.items()}
                    for doc_id, status, row in zip(table_slice["doc_id"], table_slice["status"],
                                                   base.to_dict("records"))]
        else:
            rows = [row for d in documents for row in stored[d.doc_id][name]]
        parts[name] = _frame(name, rows, order)
    dated = []
    for document in documents:
        (row,) = stored[document.doc_id]["documents"]
        if row.get("date_source") == "inferred" and document.date_source == "none":
            document = dataclasses.replace(
                document, report_date=dt.date.fromisoformat(row["report_date"]),
                date_source="inferred")
        dated.append(document)
    parts["dated_documents"] = dated
    return parts


def _frame(name: str, rows: list[dict], order: list[str] | None) -> pd.DataFrame:
    if name == "entities":
        columns = ["doc_id", "text", "label", "start_char", "end_char"]
        return pd.DataFrame.from_records(rows, columns=columns)
    if not rows:
        return schema.empty(name)
    frame = schema.conform(pd.DataFrame.from_records(rows), name)
    if name == "figures_vs_reference":
        frame["consistent"] = frame["consistent"].astype("boolean")
    if order:
        frame = frame.sort_values(order, kind="stable", ignore_index=True)
    return frame
