"""Run the per-document NLP in this process, in a pool of local processes, or on Dask.

All three backends call the same function, :func:`analyse_chunk`, on chunks of
``(key, text)`` pairs and yield ``(key, result)`` in input order, so their outputs are
identical. Each worker process builds the pipeline once (``analysis.nlp.cached_pipeline``).

>>> for key, result in analyse_stream(items, workers=2):     # doctest: +SKIP
...     ...
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

Item = tuple[str, str]  # (key, text)


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


def analyse_chunk(chunk: list[Item], model: str = "en_core_web_sm", rules_only: bool = False,
                  batch_size: int = 32) -> list[tuple[str, dict]]:
    """The per-document function every backend runs: NLP results for a chunk of texts."""
    from analysis.extract import analyse_doc
    from analysis.nlp import cached_pipeline

    nlp = cached_pipeline(model, rules_only)
    pairs = ((text, key) for key, text in chunk)
    return [(key, analyse_doc(doc))
            for doc, key in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)]


_WORKER_OPTIONS: dict = {}


def _init_worker(options: dict) -> None:
    _WORKER_OPTIONS.update(options)
    from analysis.nlp import cached_pipeline

    cached_pipeline(options["model"], options["rules_only"])


def _pool_task(chunk: list[Item]) -> list[tuple[str, dict]]:
    return analyse_chunk(chunk, **_WORKER_OPTIONS)


def analyse_stream(items: Iterable[Item], *, workers: int = 0, backend: str = "local",
                   scheduler: str | None = None, model: str = "en_core_web_sm",
                   rules_only: bool = False, batch_size: int = 32) -> Iterator[tuple[str, dict]]:
    """Yield ``(key, result)`` for every item, in order, on the chosen backend.

    ``workers=0`` means all cores. Memory is bounded: only a few chunks per worker are in
    flight at a time.
    """
    options = {"model": model, "rules_only": rules_only, "batch_size": batch_size}
    workers = workers or available_cores()
    if backend == "dask":
        yield from _dask_stream(items, workers, scheduler, options)
        return
    if backend != "local":
        raise ValueError(f"unknown backend {backend!r}; expected 'local' or 'dask'")
    items = iter(items)
    if workers == 1:
        for chunk in chunked(items, batch_size):
            yield from analyse_chunk(chunk, **options)
        return
    # Load the model before forking so that workers share its memory pages.
    from analysis.nlp import cached_pipeline

    cached_pipeline(model, rules_only)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
        def submit(chunk):
            return pool.apply_async(_pool_task, (chunk,))

        yield from _ordered_window(items, submit, lambda job: job.get(), batch_size,
                                   window=2 * workers)


def _ordered_window(items, submit, wait, batch_size, window) -> Iterator[tuple[str, dict]]:
    """Submit chunks, keeping at most `window` in flight, and yield results in order."""
    pending: deque = deque()
    for chunk in chunked(items, batch_size):
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from wait(pending.popleft())
    while pending:
        yield from wait(pending.popleft())


def _dask_stream(items, workers, scheduler, options) -> Iterator[tuple[str, dict]]:
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
            return client.submit(analyse_chunk, chunk, pure=False, **options)

        yield from _ordered_window(items, submit, lambda future: future.result(),
                                   options["batch_size"], window=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
