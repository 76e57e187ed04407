"""Run the per-document NLP in this process, in a pool of local processes, or on Dask.

All three backends call the same function, :func:`analyse_chunk`, on chunks of
``(key, text)`` pairs and yield ``(key, result)`` in input order, so their outputs are
identical. Each worker process builds the pipeline once (``analysis.nlp.cached_pipeline``).

>>> for key, result in analyse_stream(items, workers=2):     # doctest: +SKIP
...     ...
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from multiprocessing.connection import wait
from pathlib import Path

Item = tuple[str, str]  # (key, text)
LOG = logging.getLogger(__name__)


def available_cores() -> int:
    """Cores this process may use (respects CPU affinity)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items. >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


FAILURE = "failure"  # the key of a result that says why a document could not be analysed


def failure(reason: str) -> dict:
    """The result of a document the NLP could not analyse; `analysis.batch.run` rejects it with
    `reason` (it is never cached)."""
    return {FAILURE: reason}


def analyse_chunk(chunk: list[Item], model: str | None = None, rules_only: bool = False,
                  batch_size: int = 32) -> list[tuple[str, dict]]:
    """The per-document function every backend runs: NLP results for a chunk of texts.

    The chunk is analysed in a spaCy memory zone: the strings, lexemes and tokenizer-cache
    entries its texts added to the vocabulary are freed after it (the results are plain
    data), so a worker's memory does not grow with every new word of a long corpus.

    When the pipeline raises on the chunk, each text is analysed on its own, and a text that
    still raises gets a :func:`failure` result naming the error: one article never takes the
    others down.
    """
    from analysis.nlp import cached_pipeline

    nlp = cached_pipeline(model, rules_only)
    # the corpus loader enforces the article size limit (--max-chars); spaCy's own is lifted
    nlp.max_length = max(nlp.max_length, max((len(text) + 1 for _, text in chunk), default=0))
    try:
        with _zone(nlp):
            return _analyse_batch(nlp, chunk, batch_size)
    except Exception as exc:  # noqa: BLE001 - retried text by text below, each error reported
        LOG.debug("batch of %d texts failed (%s); analysing them one by one", len(chunk), exc)
        with nlp.memory_zone():
            return [(key, _analyse_one(nlp, text)) for key, text in chunk]


_WARMED: set[int] = set()   # the pipelines (by id) whose first chunk kept its words


def _zone(nlp):
    """The memory zone a chunk is analysed in, except for the first chunk this process
    analyses with `nlp`: its words (a corpus's common ones, "the", "hostages", "Gaza") stay in
    the vocabulary, so that later chunks do not make them again. (Making a word's lexeme runs
    a dozen Python functions: tokenizing the 200 synthetic articles in zones of 32 took
    0.60 s of CPU when every zone made its words anew, 0.22 s when they were kept.) Memory
    stays bounded: the words of one chunk are kept."""
    if id(nlp) in _WARMED:
        return nlp.memory_zone()
    _WARMED.add(id(nlp))
    return contextlib.nullcontext()


def _analyse_batch(nlp, chunk: list[Item], batch_size: int) -> list[tuple[str, dict]]:
    from analysis.nlp import analyse_doc

    pairs = ((text, key) for key, text in chunk)
    return [(key, analyse_doc(doc))
            for doc, key in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)]


def _analyse_one(nlp, text: str) -> dict:
    from analysis.nlp import analyse_doc

    try:
        return analyse_doc(nlp(text))
    except Exception as exc:  # noqa: BLE001 - reported as the article's rejection reason
        message = " ".join(str(exc).split())[:200]
        return failure(f"analysis failed ({type(exc).__name__}: {message})")


def analyse_stream(items: Iterable[Item], *, workers: int = 0, backend: str = "local",
                   scheduler: str | None = None, model: str | None = None,
                   rules_only: bool = False, batch_size: int = 32,
                   sources: dict[str, tuple[str, str]] | None = None
                   ) -> Iterator[tuple[str, dict]]:
    """Yield ``(key, result)`` for every item, in order, on the chosen backend.

    ``workers=0`` means all cores. Memory is bounded: only a few chunks per worker are in
    flight at a time. With local workers, a worker process that dies (the out-of-memory
    killer, ``kill -9``) is noticed at once: its chunk is retried article by article in fresh
    processes, and an article whose worker dies again gets a :func:`failure` result ("worker
    died (signal 9) while analysing it"); the others go on. With ``backend="dask"``,
    `sources` (key -> (corpus folder, source path)) lets the workers read the articles from a
    path they share with this process instead of receiving every text.
    """
    options = {"model": model, "rules_only": rules_only, "batch_size": batch_size}
    workers = workers or available_cores()
    if backend == "dask":
        yield from _dask_stream(items, workers, scheduler, options, sources)
        return
    if backend != "local":
        raise ValueError(f"unknown backend {backend!r}; expected 'local' or 'dask'")
    items = iter(items)
    # Load the model before forking so that workers share its memory pages (and, in one
    # process, before freezing: the pipeline's objects are then out of the collector's reach)
    from analysis.nlp import cached_pipeline

    cached_pipeline(model, rules_only)
    if workers == 1:
        _freeze_start_up()
        for chunk in chunked(items, batch_size):
            yield from analyse_chunk(chunk, **options)
        return
    yield from _WorkerPool(workers, options).run(chunked(items, batch_size))


_FROZEN: list[bool] = []


def _freeze_start_up() -> None:
    """Move what start-up made (modules, word lists, the pipeline: it lives as long as the
    process) out of the garbage collector's reach, once per process: 0.03-0.08 s of
    collections over it in an extraction of 200 articles otherwise. (Not again in a later
    run of the same process: its garbage would be frozen too.)"""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.freeze()


def _worker_main(conn, options: dict, parent: int) -> None:
    """A worker process: analyse the chunks it is sent until told to stop (None), or until
    its parent is gone (checked every second, so a killed run leaves no workers behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:
                return
            continue
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        conn.send(analyse_chunk(chunk, **options))


@dataclass
class _Job:
    """Items `start`.. of chunk `index`; `attempt` 2 means a retry after a worker died."""

    index: int
    start: int
    items: list[Item]
    attempt: int = 1


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context, options: dict):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, daemon=True,
                                       args=(child, options, os.getpid()))
        self.process.start()
        child.close()
        self.job: _Job | None = None

    def send(self, job: _Job) -> None:
        self.job = job
        self.conn.send(job.items)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def death_reason(exitcode: int | None) -> str:
    """Why a worker's articles got no result.

    >>> death_reason(-9)
    'worker died (signal 9) while analysing it'
    """
    if exitcode is not None and exitcode < 0:
        return f"worker died (signal {-exitcode}) while analysing it"
    return f"worker exited (code {exitcode}) while analysing it"


class _WorkerPool:
    """Local worker processes that yield results in input order and survive worker deaths."""

    def __init__(self, workers: int, options: dict):
        self.context = multiprocessing.get_context("fork")
        self.options = options
        self.size = workers
        self.window = 2 * workers  # chunks taken but not yet yielded, at most
        self.retries: deque[_Job] = deque()
        self.done: dict[int, list] = {}  # chunk index -> result slots (None until done)
        self.left: dict[int, int] = {}  # chunk index -> items still to come

    def run(self, chunks: Iterator[list[Item]]) -> Iterator[tuple[str, dict]]:
        # The parent's objects (the corpus, the pipeline) go to the permanent generation before
        # forking: a worker's garbage collector would otherwise write to every one of them and
        # so copy every page it shares with the parent (memory grew with the corpus, per worker)
        gc.freeze()
        pool = [_Worker(self.context, self.options) for _ in range(self.size)]
        taken, next_out, exhausted = 0, 0, False
        try:
            while True:
                for worker in pool:
                    if worker.job is not None:
                        continue
                    job = self.retries.popleft() if self.retries else None
                    if job is None and not exhausted and taken - next_out < self.window:
                        chunk = next(chunks, None)
                        if chunk is None:
                            exhausted = True
                        else:
                            job = self._new_job(taken, chunk)
                            taken += 1
                    if job is not None:
                        worker.send(job)
                while next_out in self.left and self.left[next_out] == 0:
                    del self.left[next_out]
                    yield from self.done.pop(next_out)
                    next_out += 1
                busy = [worker for worker in pool if worker.job is not None]
                if not busy:
                    if exhausted and not self.retries:
                        return
                    continue
                self._wait(pool, busy)
        finally:
            for worker in pool:
                worker.stop()
            gc.unfreeze()

    def _new_job(self, index: int, chunk: list[Item]) -> _Job:
        self.done[index] = [None] * len(chunk)
        self.left[index] = len(chunk)
        return _Job(index, 0, chunk)

    def _finish(self, job: _Job, results: list[tuple[str, dict]]) -> None:
        self.done[job.index][job.start:job.start + len(results)] = results
        self.left[job.index] -= len(results)

    def _wait(self, pool: list[_Worker], busy: list[_Worker]) -> None:
        """Wait until a busy worker sends its results or dies; handle what happened."""
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    if worker.conn.poll():
                        results = worker.conn.recv()
                        self._finish(worker.job, results)
                        worker.job = None
                        continue
                except (EOFError, OSError):
                    pass
                if worker.process.is_alive():
                    continue
                pool[pool.index(worker)] = self._replace(worker)

    def _replace(self, dead: _Worker) -> _Worker:
        """A dead worker's job: retried item by item (first in a fresh process), or, when it
        was a retry already, its one article gets a failure. Returns the fresh worker."""
        dead.process.join()
        job, reason = dead.job, death_reason(dead.process.exitcode)
        dead.conn.close()
        fresh = _Worker(self.context, self.options)
        if job.attempt > 1:
            self._finish(job, [(key, failure(reason)) for key, _ in job.items])
            return fresh
        print(f"warning: {reason.replace('it', f'{len(job.items)} articles', 1)} "
              f"(pid {dead.process.pid}); retrying them one by one in fresh processes",
              file=sys.stderr)
        singles = [_Job(job.index, job.start + n, [item], attempt=2)
                   for n, item in enumerate(job.items)]
        self.retries.extendleft(reversed(singles))
        fresh.send(self.retries.popleft())
        return fresh


def _ordered_window(items, submit, wait, batch_size, window) -> Iterator[tuple[str, dict]]:
    """Submit chunks, keeping at most `window` in flight, and yield results in order."""
    pending: deque = deque()
    for chunk in chunked(items, batch_size):
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from wait(pending.popleft())
    while pending:
        yield from wait(pending.popleft())


def _dask_stream(items, workers, scheduler, options,
                 sources=None) -> Iterator[tuple[str, dict]]:
    """The Dask backend. With `sources` (key -> (corpus folder, source path), the corpus on a
    path the workers share), a task names its articles and the worker reads them itself
    (:func:`analyse_sources`); texts are sent only for the articles a worker could not read
    there, so a cluster without the shared path still gives every result."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)

        def submit(chunk):
            if sources is None:
                return client.submit(analyse_chunk, chunk, pure=False, **options), chunk
            refs = [(key, *sources[key]) for key, _ in chunk]
            return client.submit(analyse_sources, refs, pure=False, **options), chunk

        def wait(pending):
            future, chunk = pending
            results = future.result()
            unread = [item for item, (_, result) in zip(chunk, results) if result is None]
            if unread:
                sent = dict(client.submit(analyse_chunk, unread, pure=False, **options).result())
                results = [(key, sent[key] if result is None else result)
                           for key, result in results]
            return results

        yield from _ordered_window(items, submit, wait, options["batch_size"],
                                   window=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


Source = tuple[str, str, str]  # (key, corpus folder, source path as in the documents table)


def analyse_sources(refs: list[Source], model: str | None = None, rules_only: bool = False,
                    batch_size: int = 32) -> list[tuple[str, dict | None]]:
    """What a Dask worker runs: read the named articles from the corpus path it shares with
    the client, and analyse them. An article not found there with the same text (another
    path, a changed file) gets None: the client sends its text instead."""
    texts = {}
    for key, folder, source_path in refs:
        texts[key] = _texts_of_file(folder, source_path).get(key)
    found = [(key, texts[key]) for key, _, _ in refs if texts[key] is not None]
    results = dict(analyse_chunk(found, model=model, rules_only=rules_only,
                                 batch_size=batch_size)) if found else {}
    return [(key, results.get(key)) for key, _, _ in refs]


def _texts_of_file(folder: str, source_path: str) -> dict[str, str]:
    """key -> text of every article in the corpus file behind `source_path` ("a.txt", or
    "export.jsonl:12" for a record of an export), read as the corpus loader reads it. The
    last file read is kept, so a partition of one export is read once per worker."""
    base = Path(folder)
    name = source_path if (base / source_path).is_file() else source_path.rpartition(":")[0]
    path = base / name
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}
    return _read_texts(str(path), str(base), stamp)


@lru_cache(maxsize=1)
def _read_texts(path: str, base: str, stamp: int) -> dict[str, str]:
    from analysis.batch.cache import text_key
    from analysis.corpus import read_file_documents

    return {text_key(document.text): document.text
            for document in read_file_documents(Path(path), Path(base))}
