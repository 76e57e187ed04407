"""A cache of per-document extraction results, so re-rendering a report does not re-run the NLP.

Layout (inspect it with pandas or any Parquet reader)::

    <cache dir>/<pipeline version>/part-<time>-<random>.parquet
        columns: key (sha256 of the exact document text), result (JSON), checksum (sha256 of result)

The pipeline version (``analysis.nlp.pipeline_version``) changes whenever spaCy, the model, the
project's code or its data files change, so stale results are never read. Every run appends
its new results as a new part file, written to a temporary name and renamed into place, so two
runs can share a cache safely. A row whose checksum does not match, or a part file that cannot
be read, is never trusted: the row is dropped (recomputed by the caller) and an unreadable file
is renamed ``*.damaged``. When a version holds many parts they are compacted into one.

The cache is an optimisation, never a reason for a run to fail: a part that is not Parquet,
has other columns, or holds rows whose result is not a valid per-document result (bad JSON,
``null``, wrong shapes) is set aside (renamed ``*.damaged``) and its documents recomputed; a
cache that cannot be written (no space, read-only, a file in the way) gives one warning and the
run goes on without it. The checksum guards against bit rot, not against someone who can write
the cache folder: the cache must be private, so its folders are created with mode 0700.

The default location is ``$HOSTAGE_TALKS_CACHE``, else ``$XDG_CACHE_HOME/hostage-talks``, else
``~/.cache/hostage-talks``.

>>> cache = ResultCache(default_cache_dir(), "0123456789abcdef")   # doctest: +SKIP
>>> found = cache.get_many(["<sha256>", ...])                       # doctest: +SKIP
>>> cache.put_many({"<sha256>": {"figures": []}})                   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
import time
from pathlib import Path

import pyarrow as pa

SCHEMA = pa.schema([("key", pa.string()), ("result", pa.string()), ("checksum", pa.string())])
COMPACT_AFTER_PARTS = 32
# Keys of a per-document result whose values must be lists (of dicts, for the first three).
LIST_OF_DICTS = ("figures", "meetings", "entities")
LISTS = LIST_OF_DICTS + ("terms", "date_mentions")
# Errors that mean "this part cannot be used"; anything else is a bug and is raised.
UNREADABLE = (pa.ArrowException, OSError, ValueError)


def _parquet():
    """``pyarrow.parquet``, imported when the cache is first read or written: a run with
    ``--no-cache`` never needs it (about 0.01 s of CPU; pyarrow itself comes with pandas)."""
    import pyarrow.parquet

    return pyarrow.parquet


class CacheWarning(UserWarning):
    """The cache could not be written; the run goes on without it."""


def default_cache_dir() -> Path:
    """Where the cache lives unless ``--cache-dir`` says otherwise."""
    if os.environ.get("HOSTAGE_TALKS_CACHE"):
        return Path(os.environ["HOSTAGE_TALKS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "hostage-talks"


def text_key(text: str) -> str:
    """Cache key of a document: SHA-256 of its exact text (offsets depend on every character)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _checksum(result_json: str) -> str:
    return hashlib.sha256(result_json.encode("utf-8")).hexdigest()


def decode_result(text: str) -> dict | None:
    """A cached result, or None when it is not valid JSON of the right shape: an object whose
    ``figures``, ``meetings``, ``entities``, ``terms`` and ``date_mentions`` (when present) are
    lists, the first three of objects.

    >>> decode_result('{"figures": []}'), decode_result("null"), decode_result('{"figures": 5}')
    ({'figures': []}, None, None)
    """
    try:
        result = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(result, dict):
        return None
    for key in LISTS:
        value = result.get(key, [])
        if not isinstance(value, list):
            return None
        if key in LIST_OF_DICTS and not all(isinstance(item, dict) for item in value):
            return None
    return result


def make_private_dir(folder: Path) -> None:
    """Create `folder` and its missing parents with mode 0700 (only the owner can read or
    write the cache: its rows are trusted on their checksum alone)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)


def shared_warning(root: Path) -> str | None:
    """A warning when the cache folder can be written by other users: its rows are trusted on
    their checksum alone, so anyone who can write there can change the results.

    >>> shared_warning(Path("/nonexistent/cache")) is None
    True
    """
    try:
        mode = root.stat().st_mode
    except OSError:
        return None
    if mode & 0o022 and not mode & 0o1000:  # group/other-writable, and not sticky like /tmp
        return (f"cache folder {root} can be written by other users, who could change the "
                f"results it holds; make it private (chmod 700 {root}) or use --no-cache")
    return None


def encode_result(result: dict) -> str:
    """Canonical JSON of a per-document result (sorted keys, so equal results are equal text)."""
    return json.dumps(result, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class ResultCache:
    """Per-document results of one pipeline version, stored as Parquet parts."""

    def __init__(self, root: str | Path, version: str, still_current=None):
        self.root = Path(root)
        self.version = version
        # a callable saying whether the code is still the one `version` was taken from;
        # when it says no, results are no longer saved (they may be another code's)
        self.still_current = still_current
        self.folder = self.root / version
        self.damaged = 0  # rows or files found damaged since this object was made
        self.write_error: str | None = None  # why the cache could not be written, once it failed

    def remove_dead_temporaries(self, older_than: float = 3600) -> int:
        """Remove ``.part-*.tmp`` files that a killed run left (a live writer's is seconds old);
        returns how many."""
        removed = 0
        try:
            for path in self.folder.glob(".part-*.tmp"):
                if time.time() - path.stat().st_mtime > older_than:
                    path.unlink()
                    removed += 1
        except OSError:
            pass  # a read-only cache, or another run removed it first
        return removed

    def parts(self) -> list[Path]:
        """The part files, oldest first (a directory or other non-file in the way is skipped)."""
        try:
            return sorted(p for p in self.folder.glob("part-*.parquet") if p.is_file())
        except OSError:
            return []

    def _set_aside(self, path: Path) -> None:
        """Count a part as damaged and rename it ``*.damaged`` so no later run reads it."""
        self.damaged += 1
        try:
            path.rename(path.with_suffix(".damaged"))
        except OSError:
            pass  # a read-only cache: it is skipped again next time, which is harmless

    def _read_part(self, path: Path, wanted: set[str] | None) -> dict[str, dict]:
        """The intact results of one part (all of them when `wanted` is None). A part that
        cannot be read, or has a wrong schema, is set aside; a bad row is counted and dropped."""
        try:
            table = _parquet().read_table(path)
            if any(table.schema.field(n).type != pa.string() for n in SCHEMA.names):
                raise ValueError(f"{path.name}: not a cache part (columns {table.schema.names})")
            columns = {n: table.column(n).to_pylist() for n in SCHEMA.names}
        except FileNotFoundError:
            return {}  # compacted away by another run meanwhile
        except (*UNREADABLE, KeyError):
            self._set_aside(path)
            return {}
        found, bad = {}, 0
        for key, text, checksum in zip(columns["key"], columns["result"], columns["checksum"]):
            if wanted is not None and key not in wanted:
                continue
            result = (decode_result(text) if isinstance(text, str)
                      and checksum == _checksum(text) else None)
            if result is None:
                bad += 1
                continue
            found[key] = result
        if bad:
            self.damaged += bad
            self._drop_bad_rows(path, columns)
        return found

    def _drop_bad_rows(self, path: Path, columns: dict[str, list]) -> None:
        """Rewrite a part without its bad rows, so they are not counted again on every run
        (the good ones stay cached). Best effort: a read-only cache keeps the part as it is."""
        good = [(key, text) for key, text, checksum
                in zip(columns["key"], columns["result"], columns["checksum"])
                if isinstance(key, str) and isinstance(text, str)
                and checksum == _checksum(text) and decode_result(text) is not None]
        table = pa.table({"key": [k for k, _ in good], "result": [t for _, t in good],
                          "checksum": [_checksum(t) for _, t in good]}, schema=SCHEMA)
        try:
            if good:
                self._write(table)
            path.unlink()
        except UNREADABLE:
            pass

    def _check_footer(self, path: Path) -> None:
        """Set aside a part whose footer cannot be read (cheap: no rows are read)."""
        try:
            _parquet().ParquetFile(path)
        except FileNotFoundError:
            pass
        except UNREADABLE:
            self._set_aside(path)

    def get_many(self, keys) -> dict[str, dict]:
        """Results for those of `keys` that are cached and intact."""
        wanted = set(keys)
        found: dict[str, dict] = {}
        self.remove_dead_temporaries()
        for path in self.parts():
            if len(found) == len(wanted):
                self._check_footer(path)  # the rest are not needed, but must not stay broken
            else:
                found.update(self._read_part(path, wanted))
        return found

    def put_many(self, results: dict[str, dict]) -> Path | None:
        """Append `results` (key -> result) as one new part; returns its path, or None when
        the cache cannot be written (then a :class:`CacheWarning` is printed once, and later
        calls do nothing: the cache is an optimisation, the run goes on)."""
        if not results or self.write_error is not None:
            return None
        if self.still_current is not None and not self.still_current():
            self.write_error = "the pipeline's code changed during the run"
            print(f"warning: cache not written: {self.write_error} (results computed by "
                  "another code than the key names); the tables are written anyway",
                  file=sys.stderr)
            return None
        keys = sorted(results)
        encoded = [encode_result(results[key]) for key in keys]
        table = pa.table({"key": keys, "result": encoded,
                          "checksum": [_checksum(text) for text in encoded]}, schema=SCHEMA)
        try:
            make_private_dir(self.folder)
            path = self._write(table)
            if len(self.parts()) > COMPACT_AFTER_PARTS:
                self.compact()
        except UNREADABLE as exc:
            self.write_error = _why(exc, self.folder)
            print(f"warning: cache not written: {self.write_error}; the tables are written "
                  "anyway", file=sys.stderr)
            return None
        return path

    def _write(self, table: pa.Table) -> Path:
        name = f"part-{time.time_ns():020d}-{secrets.token_hex(4)}.parquet"
        temporary = self.folder / f".{name}.tmp"
        try:
            _parquet().write_table(table, temporary)
            with open(temporary, "rb") as written:
                os.fsync(written.fileno())  # a power loss leaves the old parts, not an empty one
            final = self.folder / name
            os.replace(temporary, final)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return final

    def compact(self) -> None:
        """Merge all parts into one. Safe to run while others read or write: new parts written
        meanwhile are left alone, and a part deleted under a reader is simply a cache miss."""
        parts = self.parts()
        if len(parts) < 2:
            return
        merged: dict[str, str] = {}
        for path in parts:
            merged.update((key, encode_result(result))
                          for key, result in self._read_part(path, None).items())
        keys = sorted(merged)
        table = pa.table({"key": keys, "result": [merged[k] for k in keys],
                          "checksum": [_checksum(merged[k]) for k in keys]}, schema=SCHEMA)
        self._write(table)
        for path in parts:
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def __len__(self) -> int:
        """Rows in the readable parts (an unreadable part counts as empty)."""
        total = 0
        for path in self.parts():
            try:
                total += _parquet().ParquetFile(path).metadata.num_rows
            except UNREADABLE:
                continue
        return total


def _why(exc: BaseException, folder: Path) -> str:
    """One line for a cache write error: "no space left on device (/path)"."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror.lower()} ({exc.filename or folder})"
    return f"{exc} ({folder})"
