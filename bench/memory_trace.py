"""Where the memory of an extraction goes, over time and by process (not a test; Linux only).

    python bench/memory_trace.py /tmp/trace -- extract CORPUS --out OUT --no-cache --quiet

Runs `python -m analysis ARGS` with phase marks and samples every process of its tree every
0.1 s from /proc/PID/smaps_rollup (PSS, its anonymous and file parts, private and shared
dirty pages). Writes ``TRACE.samples`` and ``TRACE.phases`` (JSON lines) and prints:

- the peak of the tree's PSS (what bench/benchmark.py reports) and, apart, the peak of its
  anonymous PSS: other processes on the machine mapping the same libraries (spaCy, pandas,
  numpy) lower the file part of PSS by up to 50 MiB and change it from second to second, so
  a run on a loaded machine measures less than on an idle one; the anonymous part does not
  depend on them;
- each process at the peak;
- at each phase of the run (the workers forked, each slice written, the rounds merged), the
  run's own process: RSS, anonymous PSS, private dirty pages; glibc's heap (mallinfo2: its
  arenas, in use, free, memory-mapped blocks); Python's small-object allocator (its arenas
  and allocated blocks, from sys._debugmallocstats).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import psutil

FIELDS = ("Pss", "Rss", "Pss_Anon", "Pss_File", "Private_Dirty", "Shared_Dirty")
TRACED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "traced_extract.py")


def rollup(pid) -> dict[str, int]:
    """/proc/PID/smaps_rollup in MiB."""
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[-1] == "kB":
                out[parts[0].rstrip(":")] = int(parts[1]) // 1024
    return out


def sample(process, out) -> None:
    """One line of samples: each live process of the tree."""
    try:
        processes = [process] + process.children(recursive=True)
    except psutil.Error:
        processes = [process]
    record = {"t": time.time(), "procs": {}}
    for member in processes:
        try:
            values = rollup(member.pid)
        except OSError:
            continue
        record["procs"][str(member.pid)] = {k: values.get(k, 0) for k in FIELDS}
    out.write(json.dumps(record) + "\n")


def report(trace: str, started: float) -> None:
    rows = [json.loads(line) for line in open(trace + ".samples")]
    rows = [r for r in rows if r["procs"]]
    peak = max(rows, key=lambda r: sum(p["Pss"] for p in r["procs"].values()))
    anon = max(rows, key=lambda r: sum(p["Pss_Anon"] for p in r["procs"].values()))
    for label, row, key in (("PSS", peak, "Pss"), ("anonymous PSS", anon, "Pss_Anon")):
        print(f"peak {label}: {sum(p[key] for p in row['procs'].values())} MiB at "
              f"t={row['t'] - started:.1f} s: " + "; ".join(
                  f"{pid} " + " ".join(f"{k} {v}" for k, v in p.items())
                  for pid, p in row["procs"].items()))
    for mark in map(json.loads, open(trace + ".phases")):
        print(f"{mark.pop('t') - started:7.1f} {mark.pop('phase'):20s} " +
              " ".join(f"{k} {v}" for k, v in mark.items() if k != "pid"))


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        raise SystemExit(__doc__)
    trace, args = sys.argv[1], sys.argv[3:]
    for suffix in (".phases", ".samples"):
        if os.path.exists(trace + suffix):
            os.remove(trace + suffix)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PHASE_LOG=trace + ".phases",
               PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    started = time.time()
    process = psutil.Popen([sys.executable, TRACED, *args], env=env, stdout=subprocess.DEVNULL)
    with open(trace + ".samples", "w") as out:
        while process.poll() is None:
            sample(process, out)
            time.sleep(0.1)
    print(f"exit code {process.returncode}, {time.time() - started:.1f} s")
    report(trace, started)


if __name__ == "__main__":
    main()
