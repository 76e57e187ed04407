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
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA = pa.schema([("key", pa.string()), ("result", pa.string()), ("checksum", pa.string())])
COMPACT_AFTER_PARTS = 32


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


def encode_result(result: dict) -> str:
    """Canonical JSON of a per-document result (sorted keys, so equal results are equal text)."""
    return json.dumps(result, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class ResultCache:
    """Per-document results of one pipeline version, stored as Parquet parts."""

    def __init__(self, root: str | Path, version: str):
        self.root = Path(root)
        self.version = version
        self.folder = self.root / version
        self.damaged = 0  # rows or files found damaged since this object was made

    def parts(self) -> list[Path]:
        return sorted(self.folder.glob("part-*.parquet")) if self.folder.is_dir() else []

    def _read_part(self, path: Path, wanted: set[str] | None) -> dict[str, str]:
        try:
            table = pq.read_table(path, schema=SCHEMA)
        except FileNotFoundError:
            return {}  # compacted away by another run meanwhile
        except (pa.ArrowException, OSError, ValueError):
            self.damaged += 1
            try:
                path.rename(path.with_suffix(".damaged"))
            except OSError:
                pass
            return {}
        found = {}
        for key, result, checksum in zip(*(table.column(n).to_pylist()
                                           for n in ("key", "result", "checksum"))):
            if wanted is not None and key not in wanted:
                continue
            if result is None or checksum != _checksum(result):
                self.damaged += 1
                continue
            found[key] = result
        return found

    def get_many(self, keys) -> dict[str, dict]:
        """Results for those of `keys` that are cached and intact."""
        wanted = set(keys)
        found: dict[str, str] = {}
        for path in self.parts():
            if len(found) == len(wanted):
                break
            found.update(self._read_part(path, wanted))
        return {key: json.loads(value) for key, value in found.items()}

    def put_many(self, results: dict[str, dict]) -> Path | None:
        """Append `results` (key -> result) as one new part; returns its path."""
        if not results:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        keys = sorted(results)
        encoded = [encode_result(results[key]) for key in keys]
        table = pa.table({"key": keys, "result": encoded,
                          "checksum": [_checksum(text) for text in encoded]}, schema=SCHEMA)
        path = self._write(table)
        if len(self.parts()) > COMPACT_AFTER_PARTS:
            self.compact()
        return path

    def _write(self, table: pa.Table) -> Path:
        name = f"part-{time.time_ns():020d}-{secrets.token_hex(4)}.parquet"
        temporary = self.folder / f".{name}.tmp"
        pq.write_table(table, temporary)
        final = self.folder / name
        os.replace(temporary, final)
        return final

    def compact(self) -> None:
        """Merge all parts into one. Safe to run while others read or write: new parts written
        meanwhile are left alone, and a part deleted under a reader is simply a cache miss."""
        parts = self.parts()
        if len(parts) < 2:
            return
        merged: dict[str, str] = {}
        for path in parts:
            merged.update(self._read_part(path, None))
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
        return sum(pq.ParquetFile(p).metadata.num_rows for p in self.parts())
