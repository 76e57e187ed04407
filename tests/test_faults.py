"""Fault injection: what a run does when a worker is killed, the run itself is killed while
writing or publishing, the disk is full or a file-size limit is hit, two runs write to one
folder, or the cache is corrupt. In every case: no hang, no traceback, no mixed or truncated
tables; either the new tables or the previous ones (see docs/reliability.md).

Mounting a small tmpfs needs root; those tests are skipped with the reason elsewhere.

Every test that runs `python -m analysis extract` in a fresh process on a generated corpus of
150 articles is `slow` (about 50 s of CPU in all): `make test` (what CI runs) runs them,
`make test-fast` leaves them. The two tests that kill a worker of an in-process run stay fast.
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.batch import parallel
from analysis.batch.cache import _checksum
from analysis.batch.run import run_extraction
from tests.conftest import CORPUS, ROOT

EXTRACT = [sys.executable, "-m", "analysis", "extract", "--rules-only", "--quiet"]
end_to_end = pytest.mark.slow  # a whole run in a fresh process: in `make test`, not test-fast


def make_corpus(folder: Path, n: int, tag: str = "") -> Path:
    """`n` distinct articles made from the bundled ones (as in the findings' `big` corpus)."""
    folder.mkdir(parents=True)
    sources = sorted(CORPUS.glob("*.txt"))
    for i in range(n):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        (folder / f"a{i:04d}.txt").write_text(
            f"{text}\n\nReporting by correspondent {i}{tag}.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("faults") / "corpus", 150)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*EXTRACT, *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, **kwargs)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def wait_for(condition, timeout: float = 60.0, step: float = 0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out")


def assert_one_line_error(result, needle):
    assert result.returncode == 2, (result.returncode, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and needle in errors[0], result.stderr
    assert "Traceback" not in result.stderr


# ----------------------------------------------------------------------------- workers

def test_a_worker_killed_twice_rejects_only_its_article_and_the_run_goes_on(monkeypatch):
    real = parallel.analyse_chunk

    def deadly(chunk, **options):  # runs in the forked worker
        if any("KILLME" in text for _, text in chunk):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(chunk, **options)

    monkeypatch.setattr(parallel, "analyse_chunk", deadly)
    items = [(f"k{n}", f"Talks in Doha, number {n}.") for n in range(20)]
    items[7] = ("k7", "KILLME: this article takes its worker down.")
    started = time.monotonic()
    results = list(parallel.analyse_stream(items, workers=2, rules_only=True, batch_size=3))
    assert time.monotonic() - started < 60
    assert [key for key, _ in results] == [key for key, _ in items]
    assert results[7][1] == {"failure": "worker died (signal 9) while analysing it"}
    assert all("failure" not in result for key, result in results if key != "k7")


def test_a_killed_worker_article_is_a_rejected_row(tmp_path, monkeypatch):
    real = parallel.analyse_chunk

    def deadly(chunk, **options):
        if any("KILLME" in text for _, text in chunk):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(chunk, **options)

    monkeypatch.setattr(parallel, "analyse_chunk", deadly)
    folder = make_corpus(tmp_path / "c", 6)
    (folder / "killer.txt").write_text("KILLME in Doha.", encoding="utf-8")
    summary = run_extraction(folder, tmp_path / "out", rules_only=True, workers=2,
                             batch_size=2, use_cache=False, progress=False)
    assert (summary.ok, summary.rejected) == (6, 1)
    documents = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8")
    assert "killer.txt: worker died (signal 9) while analysing it" in documents


HAS_CHILDREN_LIST = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()
needs_children_list = pytest.mark.skipif(
    not HAS_CHILDREN_LIST, reason="needs /proc/PID/task/PID/children to find the workers")


@needs_children_list
@end_to_end
def test_kill_9_of_a_worker_from_outside_does_not_hang_or_lose_articles(tmp_path, corpus):
    process = subprocess.Popen([*EXTRACT, str(corpus), "--out", str(tmp_path / "out"),
                                "--workers", "2", "--no-cache", "--batch-size", "8"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    workers = wait_for(lambda: len(children(process.pid)) >= 2 and children(process.pid))
    time.sleep(0.5)
    os.kill(workers[-1], signal.SIGKILL)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "worker died (signal 9)" in err and "retrying them one by one" in err
    assert "150 documents (150 ok, 0 rejected" in out


# ----------------------------------------------------------------------------- the run killed

@needs_children_list
@end_to_end
def test_run_killed_mid_write_keeps_the_previous_tables_and_the_next_run_cleans_up(
        tmp_path, corpus):
    out = tmp_path / "out"
    assert run(CORPUS, "--out", out, "--no-cache", "--workers", "1").returncode == 0
    before = digest(out)
    process = subprocess.Popen([*EXTRACT, str(corpus), "--out", str(out), "--no-cache",
                                "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_for(lambda: list(tmp_path.glob(".out.staging-*/documents.csv")))
    workers = children(process.pid)
    process.kill()
    process.wait()
    assert digest(out) == before
    # workers notice their parent is gone within about a second
    wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), timeout=10)
    again = run(CORPUS, "--out", out, "--no-cache", "--workers", "1")
    assert again.returncode == 0 and "left by a run that died" in again.stderr
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


KILL_BETWEEN_RENAMES = """
import os, signal, sys
from analysis.batch import publish
publish._exchange = lambda a, b: False     # as on a file system without RENAME_EXCHANGE
real = os.rename
def rename(source, target):
    real(source, target)
    if ".previous-" in str(target):
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename
from analysis.batch.run import run_extraction
run_extraction(sys.argv[1], sys.argv[2], rules_only=True, workers=1, use_cache=False,
               progress=False)
"""


@end_to_end
def test_run_killed_between_the_two_renames_of_publishing_is_repaired(tmp_path):
    out = tmp_path / "out"
    assert run(CORPUS, "--out", out, "--no-cache", "--workers", "1").returncode == 0
    before = digest(out)
    killed = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(CORPUS), str(out)],
                            cwd=ROOT, capture_output=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL
    assert not out.exists() and list(tmp_path.glob(".out.previous-*"))
    again = run(CORPUS, "--out", out, "--no-cache", "--workers", "1")
    assert again.returncode == 0 and "restored" in again.stderr
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ----------------------------------------------------------------------------- disks

@pytest.fixture
def small_disk(tmp_path):
    """A 256 KB tmpfs, or a skip when this machine cannot mount one (not root, a sandbox)."""
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip() or 'not root'}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


@end_to_end
def test_full_disk_for_out_is_one_line_and_keeps_the_previous_tables(small_disk, corpus):
    out = small_disk / "out"
    assert run(CORPUS, "--out", out, "--no-cache", "--workers", "1").returncode == 0
    before = digest(out)
    result = run(corpus, "--out", out, "--no-cache", "--workers", "1")
    assert_one_line_error(result, "no space left on device")
    assert digest(out) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["out"]


@end_to_end
def test_full_disk_for_the_cache_is_a_warning_and_the_tables_are_written(
        tmp_path, small_disk, corpus):
    with open(small_disk / "filler", "wb", buffering=0) as filler:  # no room for a cache part
        try:
            while True:
                filler.write(b"x" * 4096)
        except OSError:
            pass
    result = run(corpus, "--out", tmp_path / "out", "--cache-dir", small_disk / "cache",
                 "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "warning: cache not written" in result.stderr and "Traceback" not in result.stderr
    lines = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8").count("\n")
    assert lines == 151


@end_to_end
def test_file_size_limit_is_one_line_and_keeps_the_previous_tables(tmp_path, corpus):
    out = tmp_path / "out"
    assert run(CORPUS, "--out", out, "--no-cache", "--workers", "1").returncode == 0
    before = digest(out)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (100 * 1024, resource.RLIM_INFINITY))

    result = run(corpus, "--out", out, "--cache-dir", tmp_path / "cache", "--workers", "1",
                 preexec_fn=limit)
    assert_one_line_error(result, "file too large")
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) in (["out"], ["cache", "out"])


# ----------------------------------------------------------------------------- two runs

@end_to_end
def test_two_runs_into_one_out_never_interleave(tmp_path, corpus):
    out = tmp_path / "out"
    first = subprocess.Popen([*EXTRACT, str(corpus), "--out", str(out), "--no-cache",
                              "--workers", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    wait_for(lambda: (tmp_path / ".out.lock").exists() and
             (tmp_path / ".out.lock").read_text().strip())
    second = run(CORPUS, "--out", out, "--no-cache", "--workers", "1")
    assert_one_line_error(second, f"another run (pid {first.pid}) is writing")
    stdout, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 151
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ----------------------------------------------------------------------------- the cache

def corrupt_parts(cache: Path) -> int:
    """Damage every part in a different way; returns how many parts there were."""
    parts = sorted(cache.rglob("part-*.parquet"))
    for n, part in enumerate(parts):
        kind = n % 5
        if kind == 0:
            part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])  # truncated
        elif kind == 1:
            part.write_bytes(os.urandom(300))
        elif kind == 2:
            part.write_bytes(b"")  # a power loss before the data reached the disk
        elif kind == 3:
            pq.write_table(pa.table({"other": [1, 2]}), part)  # a foreign file
        else:
            keys = pq.read_table(part).column("key").to_pylist()
            results = ["null"] * len(keys)  # a buggy writer: valid checksums, bad results
            pq.write_table(pa.table({"key": keys, "result": results,
                                     "checksum": [_checksum(r) for r in results]}), part)
    return len(parts)


@end_to_end
def test_corrupt_cache_parts_are_set_aside_and_the_tables_stay_the_same(tmp_path, corpus):
    cache = tmp_path / "cache"
    assert run(corpus, "--out", tmp_path / "a", "--cache-dir", cache,
               "--workers", "1").returncode == 0
    # split the part in five, so that every kind of damage is tried on some articles
    (part,) = cache.rglob("part-*.parquet")
    table = pq.read_table(part)
    for n in range(5):
        pq.write_table(table.slice(n * 30, 30), part.with_name(f"part-{n:020d}-split.parquet"))
    part.unlink()
    assert corrupt_parts(cache) >= 5
    for _ in range(2):  # the second run must not trip over what the first set aside
        result = run(corpus, "--out", tmp_path / "b", "--cache-dir", cache, "--workers", "1")
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert digest(tmp_path / "a") == digest(tmp_path / "b")
