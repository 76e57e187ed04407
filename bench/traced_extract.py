"""`python -m analysis ARGS` with phase marks, for bench/memory_trace.py (which runs it).

At each phase (start, the workers forked, each slice written, the rounds merged, the end) a
JSON line goes to $PHASE_LOG: this process's /proc/self/smaps_rollup (MiB), glibc's heap
(mallinfo2) and Python's small-object allocator (sys._debugmallocstats). The marks wrap
private functions of analysis.batch (they are for reading a run, not an interface).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import sys
import tempfile
import time


class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                 "uordblks", "fordblks", "keepcost")]


PYMALLOC = {"# arenas allocated current": "py_arenas",
            "# bytes in allocated blocks": "py_alloc_mib",
            "# bytes in available blocks": "py_avail_mib"}


def pymalloc() -> dict[str, int]:
    """Python's small-object allocator: arenas (of 1 MiB) and bytes in blocks."""
    with tempfile.TemporaryFile("w+") as f:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        text = f.read()
    out = {}
    for label, key in PYMALLOC.items():
        found = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        if found:
            value = int(found.group(1).replace(",", ""))
            out[key] = value if key == "py_arenas" else value >> 20
    return out


def mark(phase: str) -> None:
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = MallInfo2
    heap = libc.mallinfo2()
    own = {}
    with open("/proc/self/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[-1] == "kB":
                own[parts[0].rstrip(":")] = int(parts[1]) // 1024
    record = {"t": time.time(), "phase": phase, "pid": os.getpid(), "rss": own.get("Rss"),
              "pss": own.get("Pss"), "pss_anon": own.get("Pss_Anon"),
              "private_dirty": own.get("Private_Dirty"), "malloc_arena": heap.arena >> 20,
              "malloc_in_use": heap.uordblks >> 20, "malloc_free": heap.fordblks >> 20,
              "malloc_mmapped": heap.hblkhd >> 20, **pymalloc()}
    with open(os.environ["PHASE_LOG"], "a") as log:
        log.write(json.dumps(record) + "\n")


def install_marks() -> None:
    import analysis.assemble.rounds as rounds
    import analysis.batch.parallel as parallel
    import analysis.batch.run as run

    write, finish, start_worker = (run._SliceWriter.write, run._SliceWriter.finish,
                                   parallel._Worker.__init__)
    merge = rounds.rounds_of
    counts = {"slices": 0, "workers": 0}

    def marked_write(self, table_slice, computed):
        write(self, table_slice, computed)
        counts["slices"] += 1
        mark(f"slice {counts['slices']}")

    def marked_finish(self):
        mark("finish")
        finish(self)
        mark("rounds written")

    def marked_merge(items):
        mark("merging rounds")
        return merge(items)

    def marked_start(self, *args, **kwargs):
        if not counts["workers"]:
            mark("workers forked")
        counts["workers"] += 1
        start_worker(self, *args, **kwargs)

    run._SliceWriter.write, run._SliceWriter.finish = marked_write, marked_finish
    parallel._Worker.__init__ = marked_start
    rounds.rounds_of = marked_merge


def main() -> int:
    mark("start")
    install_marks()
    from analysis.cli import main as cli

    code = cli(sys.argv[1:])
    mark("end")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
