"""Compiled regular expressions kept between processes, as ``.pyc`` files keep compiled code.

Python's ``re`` parses and compiles every pattern in Python code (``re._parser``,
``re._compiler``); only the last step, ``_sre.compile``, is C. The rules compile about 1,400
patterns, some of them alternations of hundreds of phrases, and dateparser a few large ones:
0.4-0.5 s of CPU in every process that extracts, a tenth of a whole `extract` of 200
articles. :func:`install` (called by ``python -m analysis`` before anything else is imported)
makes ``re`` look each (pattern, flags) up in a store read from ``analysis/__pycache__/``
first; a pattern not in it is compiled as before, and the store is written again when the
process ends. What is stored is the compiler's own output for exactly that pattern and those
flags (the code ``_sre.compile`` takes, which checks it again), under a signature of the
Python that made it, so a stored pattern gives the same ``re.Pattern`` as compiling it.

:func:`remembered` keeps, the same way, the results of pure functions of a pattern that parse
it (the timeline's required literals, :mod:`analysis.rules.timeline_match`).

Nothing changes where the store is not installed (the library used from Python, the tests,
``HOSTAGE_TALKS_PATTERN_STORE=off``) or cannot be read or written (a read-only install):
patterns are then compiled and analyses computed as usual. (``PYTHONDONTWRITEBYTECODE``,
which this machine sets, is about ``.pyc`` files and leaves the store alone.)
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import time
from array import array
from functools import lru_cache
from pathlib import Path

try:
    import _sre
    import re._compiler as _compiler
    import re._parser as _parser
except ImportError:  # Python < 3.11: no store (patterns are compiled as usual)
    _sre = _compiler = _parser = None  # type: ignore[assignment]

FORMAT = 1   # of the stored entries: raise when the layout below changes
FOLDER = Path(__file__).resolve().parent.parent / "__pycache__"
NAME = f"patterns.{sys.implementation.cache_tag}.marshal"
MAX_BYTES = 6_000_000   # of compiled code kept: what this process used, then recent others
WORTH_WRITING = 0.01   # seconds of compiling or analysing that new entries must have cost
# (patterns made anew in every process, such as the standard library's tokenize pattern,
# whose alternatives follow a set's order, are not worth writing 5-10 MB for)
_UNSTORED_FLAGS = re.DEBUG | re.LOCALE   # (printed while compiled; bound to the locale)


def _signature() -> tuple:
    return (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)


class Store:
    """Entries keyed by ("re", pattern, flags) or ("memo", kind, key), read from and written
    to one marshal file; written only by the process that read it, when it added entries."""

    def __init__(self, path: Path):
        self.path, self.pid = path, os.getpid()
        self.entries: dict = {}
        self.used: set = set()
        self.added = 0
        self.added_seconds = 0.0   # what the added entries cost to make

    def load(self) -> Store:
        try:
            with open(self.path, "rb") as handle:
                data = marshal.load(handle)
        except (OSError, EOFError, ValueError, TypeError):
            return self   # none yet, unreadable or damaged: compiled as usual, written anew
        if isinstance(data, tuple) and len(data) == 2 and data[0] == _signature() \
                and isinstance(data[1], dict):
            self.entries = data[1]
        return self

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def put(self, key, entry, seconds: float) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.added += 1
        self.added_seconds += seconds

    def save(self) -> None:
        """Write the entries (those this process used, then the most recent others while the
        compiled code stays under :data:`MAX_BYTES`) when the ones it added cost more than
        :data:`WORTH_WRITING` to make; a folder that cannot be written is left alone."""
        if self.added_seconds < WORTH_WRITING or os.getpid() != self.pid:
            return
        kept = {key: entry for key, entry in self.entries.items() if key in self.used}
        size = sum(_size(entry) for entry in kept.values())
        for key in reversed(list(self.entries)):
            size += _size(self.entries[key]) if key not in kept else 0
            if size > MAX_BYTES:
                break
            kept.setdefault(key, self.entries[key])
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(exist_ok=True)
            temporary.write_bytes(marshal.dumps((_signature(), kept)))
            os.replace(temporary, self.path)
        except OSError:   # (read-only install, full disk: the next process compiles again)
            temporary.unlink(missing_ok=True)


def _size(entry: tuple) -> int:
    return len(entry[1]) if len(entry) == 5 else 0   # (a compiled pattern's code; a memo: 0)


STORE: Store | None = None   # set by install()
_ORIGINAL_COMPILE = _compiler.compile if _compiler is not None else None


def _compiled(entry: tuple, pattern):
    flags, code, groups, groupindex, indexgroup = entry
    codes = array("I")
    codes.frombytes(code)
    return _sre.compile(pattern, flags, codes.tolist(), groups, groupindex, indexgroup)


def _entry(pattern, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for `pattern`, as data."""
    parsed = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _compile(pattern, flags=0):
    """``re._compiler.compile`` through the store."""
    if STORE is None or not isinstance(pattern, (str, bytes)) or flags & _UNSTORED_FLAGS:
        return _ORIGINAL_COMPILE(pattern, flags)
    key = ("re", pattern, int(flags))
    entry = STORE.get(key)
    if entry is not None:
        try:
            return _compiled(entry, pattern)
        except (TypeError, ValueError, RuntimeError):   # (a damaged entry: compiled again)
            pass
    started = time.process_time()
    entry = _entry(pattern, int(flags))
    STORE.put(key, entry, time.process_time() - started)
    return _compiled(entry, pattern)


def install(folder: Path = FOLDER) -> bool:
    """Compile regular expressions through the store in `folder` from now on, for this
    process (its forked workers read it too; only this process writes it, at exit). False
    (and nothing done) where the store cannot work: another Python's ``re`` internals."""
    global STORE
    if STORE is not None:
        return True
    if os.environ.get("HOSTAGE_TALKS_PATTERN_STORE", "").lower() in ("off", "0", "no") or \
            _compiler is None or array("I").itemsize != _sre.CODESIZE or \
            getattr(_compiler, "compile", None) is not _ORIGINAL_COMPILE:
        return False
    STORE = Store(Path(folder) / NAME).load()
    _compiler.compile = _compile
    atexit.register(STORE.save)
    return True


def uninstall() -> None:
    """Back to ``re``'s own compiling (the store is written first; for tests)."""
    global STORE
    if STORE is not None:
        STORE.save()
        atexit.unregister(STORE.save)
        _compiler.compile = _ORIGINAL_COMPILE
        STORE = None


def remembered(kind: str, key: str, compute):
    """``compute()``, kept in the store under (`kind`, `key`) when it is installed: for
    pure functions of a pattern whose results are plain data (strings, tuples, lists,
    numbers, None, True) that marshal keeps as they are. The entry is also keyed by the
    source of the module `compute` is written in (which must hold the whole computation,
    the standard library aside): editing that module makes its results anew."""
    if STORE is None:
        return compute()
    stored_key = ("memo", kind, _source_stamp(compute.__code__.co_filename), key)
    entry = STORE.get(stored_key)
    if entry is not None:
        return entry[0]
    started = time.process_time()
    value = compute()
    STORE.put(stored_key, (value,), time.process_time() - started)
    return value


@lru_cache(maxsize=16)
def _source_stamp(filename: str) -> str:
    """A hash of a module's source file (read once per process)."""
    try:
        return hashlib.sha256(Path(filename).read_bytes()).hexdigest()[:16]
    except OSError:   # (no source to read: a stamp that matches no stored entry)
        return f"unread-{os.getpid()}-{time.time_ns()}"
