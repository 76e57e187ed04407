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
import pickle
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.batch.cache import ResultCache, default_cache_dir, shared_warning, text_key
from analysis.batch.parallel import FAILURE, analyse_stream
from analysis.batch.publish import (
    OutputError,
    OutputLock,
    clean_stale,
    describe,
    make_staging,
    publish,
)
from analysis.batch.table_cache import round_inputs, slice_tables
from analysis.corpus import MAX_CHARS, load_corpus

STREAMED_TABLES = ("documents", "figures", "meetings", "figures_vs_reference", "entities")
CACHE_FLUSH_EVERY = 256  # new results written to the cache in parts of this many documents
# What may already be in --out: the tables (of this or another version) and the litter of
# older versions. Anything else means --out is not an extract folder: it is not replaced.
OUTPUT_NAMES = {f"{name}.csv" for name in (*STREAMED_TABLES, *schema.COLUMNS, "rounds",
                                           "rounds_vs_reference")}


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
    notes: list[str] = field(default_factory=list)  # about the corpus and the output folder

    def __str__(self) -> str:
        return (f"{self.documents} documents ({self.ok} ok, {self.rejected} rejected, "
                f"{self.duplicate} duplicate); NLP on {self.analysed}, {self.cached} from cache"
                + (f", {self.damaged_cache_entries} damaged cache entries set aside"
                   if self.damaged_cache_entries else "")
                + f"; {self.seconds:.1f} s -> {self.out_dir}: {', '.join(self.files)}")


class _TableStream:
    """Appends table rows to ``<name>.csv`` files in a staging folder (published whole by
    :func:`analysis.batch.publish.publish`). A write error names the table in `shown_as`."""

    def __init__(self, folder: Path, shown_as: Path):
        self.folder = folder
        self.shown_as = shown_as
        self.started: set[str] = set()

    def append(self, name: str, frame: pd.DataFrame) -> None:
        if name in schema.COLUMNS:
            frame = schema.conform(frame, name)
        first = name not in self.started
        try:
            with open(self.folder / f"{name}.csv", "w" if first else "a", encoding="utf-8",
                      newline="") as f:
                schema.write_csv(frame, f, header=first)
        except OSError as exc:
            raise OutputError(describe(exc, self.shown_as / f"{name}.csv")) from None
        self.started.add(name)

    def files(self) -> list[str]:
        return sorted(f"{name}.csv" for name in self.started)


def _slices(table: pd.DataFrame, size: int):
    for start in range(0, len(table), size):
        yield table.iloc[start:start + size]


def check_output_folder(out_dir: Path) -> Path:
    """The folder `extract` will replace, resolved; OutputError when it is a file, or holds
    anything but tables (extract replaces the whole folder, so it never takes a folder with
    other files in it: a corpus, notes, another program's output)."""
    target = Path(out_dir).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(f"--out {out_dir} is a file, not a folder")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"--out {out_dir}: {parent} is a file, not a folder")
            break
    if target.is_dir():
        others = sorted(name for name in os.listdir(target)
                        if name not in OUTPUT_NAMES and not name.endswith(".csv.partial"))
        if others:
            shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
            raise OutputError(f"--out {out_dir} holds other files than tables ({shown}); "
                              "extract replaces the whole folder, so give a new or empty one")
    return target


def run_extraction(corpus_path, out_dir, *, metadata=None, model=None,
                   rules_only=False, workers=0, batch_size=32, cache_dir=None, use_cache=True,
                   backend="local", scheduler=None, progress=True,
                   slice_size=512, max_chars=MAX_CHARS) -> ExtractionSummary:
    """Load the corpus, extract every table and publish them in `out_dir`.

    `model=None` runs the rules-only pipeline (the default); a name such as
    ``"en_core_web_sm"`` loads that statistical model (`rules_only=True` is an alias of
    `model=None`). `workers=0` uses all cores; `backend="dask"` runs the NLP on a Dask
    cluster (a local one when `scheduler` is None). With `use_cache`, results are read from
    and written to `cache_dir` (default: :func:`analysis.batch.cache.default_cache_dir`). Articles
    over `max_chars` characters are rejected.

    The tables are written into a private staging folder and published with one rename
    (:mod:`analysis.batch.publish`): `out_dir` holds either the previous tables or all the new ones.
    A second run into the same `out_dir` is refused while this one holds its lock. Raises
    :class:`OutputError` (one line) when the tables cannot be written.
    """
    started = time.perf_counter()
    target = check_output_folder(Path(out_dir))
    with OutputLock(target):
        notes = clean_stale(target)
        corpus = load_corpus(corpus_path, metadata=metadata, max_chars=max_chars,
                             skip=[target], keep_texts=False)
        staging = make_staging(target)
        try:
            stream = _TableStream(staging, Path(out_dir))
            counts = _extract(corpus, stream, base=_corpus_folder(corpus_path),
                              model=model, rules_only=rules_only,
                              workers=workers, batch_size=batch_size, cache_dir=cache_dir,
                              use_cache=use_cache, backend=backend, scheduler=scheduler,
                              progress=progress, slice_size=slice_size)
            publish(staging, target)
        except OSError as exc:
            raise OutputError(describe(exc, out_dir)) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return ExtractionSummary(**counts, seconds=time.perf_counter() - started,
                             out_dir=Path(out_dir), files=stream.files(),
                             notes=corpus.notes + notes)


def _cached_results(keys: dict[str, str], model: str, rules_only: bool, cache_dir,
                    use_cache: bool) -> tuple[ResultCache | None, dict[str, dict]]:
    """The cache (None when not used) and the results it holds for `keys`."""
    if not use_cache:
        return None, {}
    from analysis.nlp import code_unchanged, pipeline_version

    cache = ResultCache(cache_dir or default_cache_dir(), pipeline_version(model, rules_only),
                        still_current=lambda: code_unchanged(model, rules_only))
    warning = shared_warning(cache.root)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return cache, cache.get_many(set(keys.values()))


def _corpus_folder(corpus_path) -> str:
    """The absolute folder that source paths are relative to (the corpus folder, or the
    folder of a one-file corpus): Dask workers read articles from it."""
    path = Path(corpus_path).expanduser().resolve()
    return str(path if path.is_dir() else path.parent)


def _extract(corpus, stream: _TableStream, *, base, model, rules_only, workers, batch_size,
             cache_dir, use_cache, backend, scheduler, progress, slice_size) -> dict:
    """Stream every table into `stream`; the counts for the summary."""
    documents = {document.doc_id: document for document in corpus.documents}
    keys = {doc_id: corpus.keys.get(doc_id) or text_key(document.text)
            for doc_id, document in documents.items()}
    whole = _WholeCorpus(corpus.table, keys, model, rules_only, cache_dir, slice_size,
                         stream) if use_cache else None
    counts = whole.get() if whole else None
    if counts is not None:
        return counts
    cache, cached = _cached_results(keys, model, rules_only, cache_dir, use_cache)
    todo, seen = [], set()
    for doc_id, key in keys.items():
        if key not in cached and key not in seen:
            seen.add(key)
            todo.append((key, doc_id))
    # texts are read when the NLP takes them (a corpus loaded without texts reads each file
    # again), so that they are not all held at once
    texts = ((key, corpus.text_of(documents[doc_id])) for key, doc_id in todo)
    # on Dask, workers read the articles from the corpus path themselves (a shared path)
    sources = ({keys[d.doc_id]: (base, d.source_path) for d in corpus.documents}
               if backend == "dask" else None)
    computed = analyse_stream(texts, workers=workers, backend=backend, scheduler=scheduler,
                              model=model, rules_only=rules_only, batch_size=batch_size,
                              sources=sources)
    slices = _SliceWriter(stream, corpus, keys, cached, cache, _progress(len(todo), progress))
    for table_slice in _slices(corpus.table, slice_size):
        slices.write(table_slice, computed)
    # every result has been taken: stop the workers now, not after the rounds are merged
    # (they would sit idle, holding their memory, through the run's last and largest step)
    computed.close()
    slices.finish()
    status = slices.statuses
    counts = dict(documents=len(corpus.table), ok=int(status.get("ok", 0)),
                  rejected=int(status.get("rejected", 0)),
                  duplicate=int(status.get("duplicate", 0)), analysed=len(todo),
                  cached=len(documents) - len(todo) if cache is not None else 0,
                  damaged_cache_entries=cache.damaged if cache is not None else 0)
    if whole is not None and cache is not None and cache.write_error is None:
        whole.put(cache.parts(), counts)
    return counts


class _WholeCorpus:
    """The whole-corpus entry of this corpus (:mod:`analysis.batch.corpus_cache`): a fully
    cached re-run of an unchanged corpus copies its last tables."""

    def __init__(self, table, keys, model, rules_only, cache_dir, slice_size, stream):
        from analysis.batch.corpus_cache import CorpusTables, code_stamp, corpus_key
        from analysis.nlp import pipeline_version

        version = pipeline_version(model, rules_only)
        self.root = Path(cache_dir or default_cache_dir())
        self.parts = ResultCache(self.root, version).parts
        self.n_documents = len(keys)
        self.entries = CorpusTables(self.root)
        self.key = corpus_key(table.to_csv(index=False), keys.values(), version,
                              code_stamp(), f"slice_size={slice_size}")
        self.stream = stream

    def get(self) -> dict | None:
        """The counts of the run that made the entry, its tables copied into the stream's
        folder; None when there is no usable entry."""
        from analysis.batch.corpus_cache import part_stamps

        counts = self.entries.get(self.key, part_stamps(self.parts()), self.stream.folder)
        if counts is None:
            return None
        warning = shared_warning(self.root)
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
        self.stream.started.update(name.removesuffix(".csv") for name in
                                   os.listdir(self.stream.folder) if name.endswith(".csv"))
        return {**counts, "analysed": 0, "cached": self.n_documents, "damaged_cache_entries": 0}

    def put(self, parts: list[Path], counts: dict) -> None:
        from analysis.batch.corpus_cache import part_stamps

        self.entries.put(self.key, part_stamps(parts), self.stream.folder,
                         self.stream.files(), counts)


class _SliceWriter:
    """Turns the corpus slice by slice into table rows: waits for the slice's NLP results,
    rejects the articles the NLP could not analyse, appends the rows, saves new results to
    the cache, and keeps what merging rounds needs at the end."""

    def __init__(self, stream, corpus, keys, cached, cache, bar):
        self.stream, self.corpus, self.keys, self.cache, self.bar = (
            stream, corpus, keys, cache, bar)
        self.documents = {document.doc_id: document for document in corpus.documents}
        self.results_by_key: dict[str, dict] = dict(cached)
        self.unsaved: dict[str, dict] = {}
        # what merging rounds needs at the end, kept small: one item per meeting row
        # (analysis.assemble.rounds.round_items), made slice by slice and set aside on disk
        # until the workers are done, and the report dates the corpus's period is taken from
        # (not the slices' tables, documents or results)
        self.round_items = _SetAside()
        self.report_dates: set[str] = set()
        self.statuses: Counter = Counter()

    def _result(self, key: str, computed) -> dict:
        while key not in self.results_by_key:
            new_key, result = next(computed)
            self.results_by_key[new_key] = result
            if FAILURE not in result:
                self.unsaved[new_key] = result
            self.bar.update(1)
        return self.results_by_key[key]

    def write(self, table_slice: pd.DataFrame, computed) -> None:
        table_slice = table_slice.copy()
        slice_documents, results = [], {}
        for row, doc_id, status in zip(table_slice.index, table_slice["doc_id"],
                                       table_slice["status"]):
            if status != "ok" or doc_id not in self.documents:
                continue
            document = self.documents[doc_id]
            result = self._result(self.keys[doc_id], computed)
            if FAILURE in result:
                table_slice.loc[row, ["status", "error"]] = [
                    "rejected", f"{document.source_path}: {result[FAILURE]}"]
                continue
            slice_documents.append(self.corpus.with_text(document))
            results[doc_id] = result
        self.statuses.update(table_slice["status"])
        # each article's rows come from its result when stored there by an earlier run;
        # results that got new rows are saved to the cache again
        parts, restored = slice_tables(table_slice, slice_documents, results,
                                       {d.doc_id: self.keys[d.doc_id] for d in slice_documents})
        self.unsaved.update((self.keys[doc_id], results[doc_id]) for doc_id in restored)
        for name in STREAMED_TABLES:
            self.stream.append(name, parts[name])
        self._keep_for_rounds(parts, results)
        # results of this slice are on disk now; keep only what the cache still needs
        for document in slice_documents:
            self.results_by_key.pop(self.keys[document.doc_id], None)
        if self.cache is None:
            self.unsaved = {}  # no cache to save to: hold no results (flat memory)
        elif len(self.unsaved) >= CACHE_FLUSH_EVERY:
            self.cache.put_many(self.unsaved)
            self.unsaved = {}

    def _keep_for_rounds(self, parts: dict, results: dict) -> None:
        """The slice's round items (its meeting rows with their windows, first sentences and
        terms) and its report dates: all that merging rounds needs of it at the end."""
        from analysis.assemble.rounds import article_windows, round_items

        inputs = {doc_id: round_inputs(result) for doc_id, result in results.items()}
        self.round_items.add(round_items(parts["meetings"], parts["dated_documents"], inputs,
                                         article_windows(parts["documents"])))
        self.report_dates.update(parts["documents"]["report_date"].dropna())

    def finish(self) -> None:
        """Save the last results to the cache and write the rounds."""
        from analysis.assemble.rounds import rounds_of, rounds_vs_reference

        self.bar.close()
        if self.cache is not None:
            self.cache.put_many(self.unsaved)
        merged = rounds_of(self.round_items.take())
        self.stream.append("rounds", merged)
        # the corpus's period is its first and last report date (rounds._corpus_period)
        documents = (pd.DataFrame({"report_date": sorted(self.report_dates)})
                     if self.statuses else None)
        self.stream.append("rounds_vs_reference", rounds_vs_reference(merged, documents))


class _SetAside:
    """Lists of objects written to a temporary file as they come and read back, in order, at
    the end: what a run keeps for the rounds stays out of memory while the workers run (the
    run's peak), and its memory no longer grows with the corpus then."""

    def __init__(self):
        self.file = None

    def add(self, items: list) -> None:
        if not items:
            return
        if self.file is None:
            self.file = tempfile.TemporaryFile()
        pickle.dump(items, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def take(self) -> list:
        """Every object added, in order (and the file closed)."""
        if self.file is None:
            return []
        out = []
        with self.file:
            self.file.seek(0)
            while self.file.tell() < os.fstat(self.file.fileno()).st_size:
                out += pickle.load(self.file)
        self.file = None
        return out


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool):
    """A tqdm bar on stderr for long runs (at least 50 documents, on a terminal). Off a
    terminal tqdm would draw nothing (``disable=None``): then it is not imported either
    (tqdm.auto imports asyncio and looks for IPython: about 0.02 s of CPU a run)."""
    if not enabled or total < 50 or not _on_terminal(sys.stderr):
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="extract", file=sys.stderr, disable=None)


def _on_terminal(stream) -> bool:
    """The test of tqdm's ``disable=None``: a stream with ``isatty`` that says no is not a
    terminal."""
    return not (hasattr(stream, "isatty") and not stream.isatty())
