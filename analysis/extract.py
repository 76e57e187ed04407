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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.corpus import Corpus, Document

# Doc extensions the project's components fill, one per key of the per-document result.
RESULT_KEYS = ("figures", "meetings", "terms", "date_mentions")
ENTITY_LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"}


@dataclass
class Tables:
    """The suite's output tables (see analysis.tables for their columns)."""

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
            if field.name in tables.COLUMNS:
                paths.append(tables.write_table(frame, field.name, out_dir))
            else:
                path = Path(out_dir) / f"{field.name}.csv"
                with open(path, "w", encoding="utf-8", newline="") as file:
                    tables.write_csv(frame, file)
                paths.append(path)
        return paths


def analyse_doc(doc) -> dict:
    """The per-document result: what the project's components found, as plain data. (spaCy
    is imported here, not at the top: assembling tables from cached results needs no spaCy.)"""
    from spacy.tokens import Doc

    result = {key: list(getattr(doc._, key)) if Doc.has_extension(key) else []
              for key in RESULT_KEYS}
    result["entities"] = [
        {"text": ent.text, "label": ent.label_, "start_char": ent.start_char,
         "end_char": ent.end_char}
        for ent in doc.ents if ent.label_ in ENTITY_LABELS
    ]
    return result


def analyse_documents(documents: Iterable[Document], nlp, batch_size: int = 16
                      ) -> Iterator[tuple[str, dict]]:
    """Stream (doc_id, result) for each document through ``nlp.pipe``."""
    documents = list(documents)
    texts = ((document.text, document.doc_id) for document in documents)
    for doc, doc_id in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield doc_id, analyse_doc(doc)


def extract_corpus(corpus: Corpus, nlp=None, results: dict[str, dict] | None = None) -> Tables:
    """Run the NLP (unless `results` are given; `nlp` defaults to the default pipeline,
    rules-only) and assemble all tables."""
    if results is None:
        if nlp is None:
            from analysis.nlp import cached_pipeline

            nlp = cached_pipeline()
        results = dict(analyse_documents(corpus.documents, nlp))
    return build_tables(corpus, results)


def build_tables(corpus: Corpus, results: dict[str, dict]) -> Tables:
    """Assemble the tables from per-document results; no NLP happens here."""
    from analysis import rounds

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
                    results: dict[str, dict]) -> dict:
    """The per-document tables (all but rounds) for a slice of the corpus.

    Every step here looks at one document at a time, so a corpus can be assembled slice by
    slice (analysis.run streams it that way) with the same rows as in one go. Returns a dict
    of frames plus ``dated_documents``, the documents with inferred report dates filled in.
    """
    from analysis import dating, meetings, reference

    documents_table, dated = dating.infer_report_dates(table, documents, results)
    figures = figures_table(dated, results)
    return {
        "documents": tables.conform(documents_table, "documents"),
        "figures": figures,
        "meetings": tables.conform(meetings.meetings_table(dated, results), "meetings"),
        "figures_vs_reference": tables.conform(reference.compare_figures(figures),
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
        return tables.empty("figures")
    # corpus order, then position in the article: the same whether built whole or in slices
    order = {document.doc_id: n for n, document in enumerate(documents)}
    frame = tables.conform(pd.DataFrame.from_records(rows), "figures")
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
