"""A real Dask cluster, started as an operator would: `dask scheduler` and two `dask worker`
processes on 127.0.0.1 (the command-line programs), then `extract --backend dask --scheduler`.
The tables must be byte-identical to the local backend's, and the workers read the articles
from the corpus path themselves (the client sends names, not texts)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS

pytestmark = pytest.mark.slow

TABLES = ["documents.csv", "figures.csv", "meetings.csv", "rounds.csv",
          "figures_vs_reference.csv", "entities.csv", "rounds_vs_reference.csv"]
DASK = Path(sys.executable).with_name("dask")
START_TIMEOUT = 90  # seconds for the scheduler and both workers to come up


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Stop a process started here and its children (its own session): SIGTERM, then
    SIGKILL after 10 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The address of a scheduler with two single-threaded workers, all on 127.0.0.1."""
    if not DASK.exists():
        pytest.skip(f"no dask command-line program at {DASK}")
    logs = tmp_path_factory.mktemp("dask-logs")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    commands = [[str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard"]]
    commands += [[str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                  "--no-dashboard", "--host", "127.0.0.1", "--name", f"worker-{n}",
                  "--local-directory", str(logs / f"worker-{n}")] for n in (1, 2)]
    processes = []
    try:
        for n, command in enumerate(commands):
            log = open(logs / f"process-{n}.log", "wb")  # noqa: SIM115 - closed with the process
            processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                              start_new_session=True))
            if n == 0:
                time.sleep(1.0)  # the scheduler listens before the workers connect
        from distributed import Client

        with Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address
    finally:
        for process in reversed(processes):
            stop(process)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The bundled articles plus a JSONL export of three records (one file, many articles)."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    records = [{"id": f"wire-{n}", "date": "2024-02-1" + str(n),
                "text": f"At least {28_000 + n} Palestinians have been killed in Gaza, the "
                        f"health ministry said. Mediators met in Cairo on day {n}."}
               for n in range(3)]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n",
                                       encoding="utf-8")
    return folder


def extract(corpus: Path, out: Path, *options: str) -> None:
    subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out),
                    "--no-cache", "--quiet", *options], check=True, timeout=600,
                   capture_output=True)


def test_cluster_tables_are_byte_identical_to_the_local_backend(cluster, corpus, tmp_path):
    extract(corpus, tmp_path / "local", "--workers", "1")
    extract(corpus, tmp_path / "dask", "--backend", "dask", "--scheduler", cluster,
            "--batch-size", "2")
    for name in TABLES:
        assert (tmp_path / "local" / name).read_bytes() == \
            (tmp_path / "dask" / name).read_bytes(), name


def test_workers_read_the_articles_from_the_shared_path(cluster, corpus):
    """The client sends no text: given wrong texts but the right sources, the workers still
    analyse the real articles, because they read them from the corpus path."""
    from analysis.batch.cache import text_key
    from analysis.batch.parallel import analyse_stream
    from analysis.corpus import load_corpus

    documents = load_corpus(corpus).documents
    real = [(text_key(d.text), d.text) for d in documents]
    sources = {text_key(d.text): (str(corpus), d.source_path) for d in documents}
    expected = list(analyse_stream(real, workers=1))
    blanked = [(key, "") for key, _ in real]
    got = list(analyse_stream(blanked, backend="dask", scheduler=cluster, batch_size=3,
                              sources=sources))
    assert got == expected


def test_articles_the_workers_cannot_read_are_sent(cluster, corpus, tmp_path):
    """Without the shared path (here: a folder the workers do not have), the client sends
    the texts, and the results are the same."""
    from analysis.batch.cache import text_key
    from analysis.batch.parallel import analyse_stream
    from analysis.corpus import load_corpus

    documents = load_corpus(corpus).documents[:3]
    items = [(text_key(d.text), d.text) for d in documents]
    sources = {key: (str(tmp_path / "elsewhere"), d.source_path)
               for (key, _), d in zip(items, documents)}
    got = list(analyse_stream(items, backend="dask", scheduler=cluster, sources=sources))
    assert got == list(analyse_stream(items, workers=1))
