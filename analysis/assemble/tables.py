"""From a corpus to the tidy tables: run the pipeline once per document, then assemble.

Per document, the NLP result is a plain dict (JSON-serialisable, so it can be cached and sent
between processes)::

    {"figures": [...], "meetings": [...], "date_mentions": [...], "entities": [...]}

Corpus-level steps then need no NLP: infer missing report dates, attach report dates, resolve
meeting dates, merge rounds and compare figures with the official series.

>>> tables = extract_corpus(load_corpus("data/corpus"))     # doctest: +SKIP
>>> tables.write("out/tables")                              # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.corpus import Corpus, Document


@dataclass
class Tables:
    """The suite's output tables (see analysis.schema for their columns)."""

    documents: pd.DataFrame
    figures: pd.DataFrame
    meetings: pd.DataFrame
    rounds: pd.DataFrame
    figures_vs_reference: pd.DataFrame
    entities: pd.DataFrame | None = None
    rounds_vs_reference: pd.DataFrame | None = None

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write every table as ``out_dir/<name>.csv``; returns the paths."""
        paths = []
        for field in fields(self):
            frame = getattr(self, field.name)
            if frame is None:
                continue
            if field.name in schema.COLUMNS:
                paths.append(schema.write_table(frame, field.name, out_dir))
            else:
                path = Path(out_dir) / f"{field.name}.csv"
                with open(path, "w", encoding="utf-8", newline="") as file:
                    schema.write_csv(frame, file)
                paths.append(path)
        return paths


def extract_corpus(corpus: Corpus, nlp=None, results: dict[str, dict] | None = None) -> Tables:
    """Run the NLP (unless `results` are given; `nlp` defaults to the default pipeline,
    rules-only) and assemble all tables."""
    if results is None:
        if nlp is None:
            from analysis.nlp import cached_pipeline

            nlp = cached_pipeline()
        from analysis.nlp import analyse_documents

        results = dict(analyse_documents(corpus.documents, nlp))
    return build_tables(corpus, results)


def build_tables(corpus: Corpus, results: dict[str, dict]) -> Tables:
    """Assemble the tables from per-document results; no NLP happens here."""
    from analysis.assemble import rounds

    parts = document_tables(corpus.table, corpus.documents, results)
    merged = rounds.merge_rounds(parts["meetings"], parts["dated_documents"], results,
                                 rounds.article_windows(parts["documents"]))
    return Tables(
        documents=parts["documents"],
        figures=parts["figures"],
        meetings=parts["meetings"],
        rounds=merged,
        figures_vs_reference=parts["figures_vs_reference"],
        entities=parts["entities"],
        rounds_vs_reference=rounds.rounds_vs_reference(merged, parts["documents"]),
    )


def document_tables(table: pd.DataFrame, documents: list[Document],
                    results: dict[str, dict], meeting_pairs: dict | None = None) -> dict:
    """The per-document tables (all but rounds) for a slice of the corpus.

    Every step here looks at one document at a time, so a corpus can be assembled slice by
    slice (analysis.batch.run streams it that way) with the same rows as in one go. Returns a dict
    of frames plus ``dated_documents``, the documents with inferred report dates filled in.
    `meeting_pairs`, when given, receives each article's meetings (start, cluster) as
    :func:`analysis.assemble.meetings.meetings_table` leaves them.
    """
    from analysis.assemble import dating, meetings, reference, rounds

    documents_table, dated = dating.infer_report_dates(table, documents, results)
    figures = figures_table(dated, results)
    return {
        "documents": schema.conform(documents_table, "documents"),
        "figures": figures,
        "meetings": schema.conform(meetings.meetings_table(
            dated, results, rounds.article_windows(documents_table), meeting_pairs),
            "meetings"),
        "figures_vs_reference": schema.conform(reference.compare_figures(figures),
                                               "figures_vs_reference"),
        "entities": entities_table(dated, results),
        "dated_documents": dated,
    }


def figures_table(documents: list[Document], results: dict[str, dict]) -> pd.DataFrame:
    """One row per figure statement, with the article's report date."""
    rows = []
    for document in documents:
        report_date = document.report_date.isoformat() if document.report_date else ""
        for figure in results.get(document.doc_id, {}).get("figures", []):
            rows.append({**figure, "doc_id": document.doc_id, "report_date": report_date})
    if not rows:
        return schema.empty("figures")
    # corpus order, then position in the article: the same whether built whole or in slices
    order = {document.doc_id: n for n, document in enumerate(documents)}
    frame = schema.conform(pd.DataFrame.from_records(rows), "figures")
    position = frame["doc_id"].map(order)
    return (frame.assign(_order=position)
            .sort_values(["_order", "start_char", "end_char", "metric"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def entities_table(documents: list[Document], results: dict[str, dict]) -> pd.DataFrame:
    """Named people, places and organisations per article (for the corpus overview)."""
    rows = [
        {"doc_id": document.doc_id, **entity}
        for document in documents
        for entity in results.get(document.doc_id, {}).get("entities", [])
    ]
    columns = ["doc_id", "text", "label", "start_char", "end_char"]
    return pd.DataFrame.from_records(rows, columns=columns)
