"""Run the extraction for the command line and the report: corpus in, CSV tables out.

The work streams: documents go through the NLP in chunks (cached results are reused, new ones
are added to the cache as they come), and each slice of the corpus is turned into table rows
and appended to the CSV files at once. Only the meetings and terms stay in memory until the
end, to merge them into rounds. Memory is bounded by the slice, not by the corpus.

>>> run_extraction("data/corpus", "out/tables")      # doctest: +SKIP
ExtractionSummary(documents=5, ok=5, ...)
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.cache import ResultCache, default_cache_dir, text_key
from analysis.corpus import load_corpus
from analysis.extract import document_tables
from analysis.parallel import analyse_stream

STREAMED_TABLES = ("documents", "figures", "meetings", "figures_vs_reference", "entities")
ROUND_INPUTS = ("meetings", "terms")  # per-document results kept until rounds are merged
CACHE_FLUSH_EVERY = 256  # new results written to the cache in parts of this many documents


@dataclass
class ExtractionSummary:
    """What a run did: counts, cache use and time."""

    documents: int
    ok: int
    rejected: int
    duplicate: int
    analysed: int  # documents that went through the NLP in this run
    cached: int  # documents whose results came from the cache
    damaged_cache_entries: int
    seconds: float
    out_dir: Path
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.documents} documents ({self.ok} ok, {self.rejected} rejected, "
                f"{self.duplicate} duplicate); NLP on {self.analysed}, {self.cached} from cache"
                + (f", {self.damaged_cache_entries} damaged cache entries recomputed"
                   if self.damaged_cache_entries else "")
                + f"; {self.seconds:.1f} s -> {self.out_dir}: {', '.join(self.files)}")


class _TableStream:
    """Appends table rows to ``<name>.csv.partial`` files; renamed into place by `finish`."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        self.started: set[str] = set()

    def _path(self, name: str) -> Path:
        return self.out_dir / f"{name}.csv.partial"

    def append(self, name: str, frame: pd.DataFrame) -> None:
        if name in tables.COLUMNS:
            frame = tables.conform(frame, name)
        first = name not in self.started
        with open(self._path(name), "w" if first else "a", encoding="utf-8", newline="") as f:
            frame.to_csv(f, index=False, header=first, lineterminator="\n")
        self.started.add(name)

    def finish(self) -> list[str]:
        names = []
        for name in self.started:
            os.replace(self._path(name), self.out_dir / f"{name}.csv")
            names.append(f"{name}.csv")
        return sorted(names)


def _slices(table: pd.DataFrame, size: int):
    for start in range(0, len(table), size):
        yield table.iloc[start:start + size]


def run_extraction(corpus_path, out_dir, *, metadata=None, model="en_core_web_sm",
                   rules_only=False, workers=0, batch_size=32, cache_dir=None, use_cache=True,
                   backend="local", scheduler=None, progress=True,
                   slice_size=512) -> ExtractionSummary:
    """Load the corpus, extract every table and write them into `out_dir`.

    `workers=0` uses all cores; `backend="dask"` runs the NLP on a Dask cluster (a local one
    when `scheduler` is None). With `use_cache`, results are read from and written to
    `cache_dir` (default: :func:`analysis.cache.default_cache_dir`).
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    corpus = load_corpus(corpus_path, metadata=metadata)
    documents = {document.doc_id: document for document in corpus.documents}
    keys = {doc_id: text_key(document.text) for doc_id, document in documents.items()}

    cache = None
    cached: dict[str, dict] = {}
    if use_cache:
        from analysis.nlp import pipeline_version

        cache = ResultCache(cache_dir or default_cache_dir(), pipeline_version(model, rules_only))
        cached = cache.get_many(set(keys.values()))

    todo, seen = [], set()
    for doc_id, key in keys.items():
        if key not in cached and key not in seen:
            seen.add(key)
            todo.append((key, documents[doc_id].text))
    computed = analyse_stream(todo, workers=workers, backend=backend, scheduler=scheduler,
                              model=model, rules_only=rules_only, batch_size=batch_size)

    bar = _progress(len(todo), progress)
    results_by_key: dict[str, dict] = dict(cached)
    unsaved: dict[str, dict] = {}
    stream = _TableStream(out_dir)
    all_meetings, round_inputs, dated_all = [], {}, []
    for table_slice in _slices(corpus.table, slice_size):
        slice_documents = [documents[doc_id] for doc_id, status
                           in zip(table_slice["doc_id"], table_slice["status"])
                           if status == "ok" and doc_id in documents]
        for document in slice_documents:
            key = keys[document.doc_id]
            while key not in results_by_key:
                new_key, result = next(computed)
                results_by_key[new_key] = unsaved[new_key] = result
                bar.update(1)
        results = {d.doc_id: results_by_key[keys[d.doc_id]] for d in slice_documents}
        parts = document_tables(table_slice, slice_documents, results)
        for name in STREAMED_TABLES:
            stream.append(name, parts[name])
        all_meetings.append(parts["meetings"])
        dated_all.extend(parts["dated_documents"])
        # what merging rounds needs later: the meeting mentions and terms (small)
        round_inputs.update({doc_id: {key: result.get(key, []) for key in ROUND_INPUTS}
                             for doc_id, result in results.items()})
        # results of this slice are on disk now; keep only what the cache still needs
        for document in slice_documents:
            results_by_key.pop(keys[document.doc_id], None)
        if cache is not None and len(unsaved) >= CACHE_FLUSH_EVERY:
            cache.put_many(unsaved)
            unsaved = {}
    bar.close()
    if cache is not None:
        cache.put_many(unsaved)

    from analysis.rounds import merge_rounds

    meetings = (pd.concat(all_meetings, ignore_index=True) if all_meetings
                else tables.empty("meetings"))
    stream.append("rounds", merge_rounds(meetings, dated_all, round_inputs))
    files = stream.finish()
    status = corpus.table["status"].value_counts()
    return ExtractionSummary(
        documents=len(corpus.table), ok=int(status.get("ok", 0)),
        rejected=int(status.get("rejected", 0)), duplicate=int(status.get("duplicate", 0)),
        analysed=len(todo), cached=len(documents) - len(todo) if cache else 0,
        damaged_cache_entries=cache.damaged if cache else 0,
        seconds=time.perf_counter() - started, out_dir=out_dir, files=files,
    )


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool):
    """A tqdm bar on stderr for long runs (at least 50 documents, on a terminal)."""
    if not enabled or total < 50:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="extract", file=sys.stderr, disable=None)
