"""Whole-corpus entries of the extraction cache: the published tables of a run, taken as they
are when the same corpus is extracted again with the same code.

A fully cached re-run used to read every article's result from the cache, rebuild its rows,
merge the rounds again and write the CSV files anew (about three times the start-up of the
program for 1,000 articles). When nothing the tables depend on has changed, that work gives
the same bytes as last time, so the last tables are kept and copied instead. They depend on:

- the corpus: its whole documents table (every row: doc_id, source path, status, error,
  metadata date, title, ...) and the exact text of every readable article (its text key);
- the code and data: every file of the package and of the reference series, today's date
  (the calendar of the date inference runs to 30 days after the later of today and the end
  of the series), pandas (it writes the CSV files) (:func:`code_stamp`), spaCy and the model
  (:func:`analysis.nlp.pipeline_version`), and the slice size (it orders some tables);

all hashed into the entry's key. Any change (an article added, edited or removed, a new
metadata date, an edited rule) is another key: the run goes the usual way (per-article
results from the cache, the NLP for new articles) and stores a new entry at the end.

Layout: ``<cache dir>/tables/<key>/`` holds the CSV files and ``manifest.json`` (the counts of
the run, the SHA-256 of each file, and the cache parts the run's results were in). An entry is
used only when every file matches its checksum and those parts are still there unchanged (a
damaged or compacted part means the results are read, checked and recomputed the usual way
once). Entries are written to a temporary folder and renamed into place; the
:data:`KEEP` most recently used are kept. Like the per-article cache, an entry that cannot be
written is skipped (the run goes on), and an entry that cannot be read is a miss.

>>> entry = CorpusTables("/tmp/cache")                     # doctest: +SKIP
>>> counts = entry.get(key, parts, staging)               # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import time
from importlib import metadata
from pathlib import Path

from analysis.batch.cache import make_private_dir
from analysis.paths import PACKAGE_DIR, REFERENCE_DIR

TABLES = "tables"  # the folder of whole-corpus entries in the cache folder
MANIFEST = "manifest.json"
KEEP = 4  # entries kept (the most recently used)
TABLE_FILE = re.compile(r"[a-z_]+\.csv")  # the only names an entry may hold


def corpus_key(table_csv: str, text_keys, *versions: str) -> str:
    """The key of a corpus: its documents table (as CSV), its articles' text keys in order,
    and the versions of what else the tables depend on.

    >>> corpus_key("doc_id\\na\\n", ["k1"], "v1") == corpus_key("doc_id\\na\\n", ["k1"], "v2")
    False
    """
    digest = hashlib.sha256()
    for version in versions:
        digest.update(version.encode() + b"\0")
    digest.update(table_csv.encode() + b"\0")
    for key in text_keys:
        digest.update(key.encode() + b"\n")
    return digest.hexdigest()[:32]


CODE_SUFFIXES = (".py", ".csv", ".json", ".txt", ".tsv")


def code_stamp() -> str:
    """A hash of every code and data file of the package, the reference series, today's
    date and pandas' version: what the tables depend on besides the corpus and the pipeline.
    (It covers what :func:`analysis.batch.table_cache.rows_stamp` covers without loading the
    calendar, so that checking a whole-corpus entry costs a few milliseconds.)"""
    digest = hashlib.sha256(f"{dt.date.today()};pandas={metadata.version('pandas')}".encode())
    files = sorted(p for p in PACKAGE_DIR.rglob("*")
                   if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts and p.is_file())
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + path.read_bytes())
    for path in sorted(REFERENCE_DIR.glob("*.csv")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def part_stamps(parts: list[Path]) -> dict[str, list[int]]:
    """Name -> [size, modification time in ns] of the cache parts (those that can be read)."""
    stamps = {}
    for path in parts:
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps[path.name] = [stat.st_size, stat.st_mtime_ns]
    return stamps


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class CorpusTables:
    """The whole-corpus entries under ``<root>/tables``."""

    def __init__(self, root: str | Path):
        self.folder = Path(root) / TABLES

    def get(self, key: str, parts: dict[str, list[int]], staging: Path) -> dict | None:
        """Copy the entry's tables into `staging` and return the run's counts; None (nothing
        copied that matters: the caller writes every table anew) when there is no intact
        entry, or the cache parts it was made from changed."""
        entry = self.folder / key
        try:
            manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not _well_formed(manifest) or not _parts_unchanged(manifest["parts"], parts):
            return None
        tables = {}
        for name, checksum in manifest["files"].items():
            try:
                data = (entry / name).read_bytes()
            except OSError:
                return None
            if _checksum(data) != checksum:
                shutil.rmtree(entry, ignore_errors=True)  # damaged: never read again
                return None
            tables[name] = data
        for name, data in tables.items():
            (staging / name).write_bytes(data)
        try:
            os.utime(entry)  # most recently used
        except OSError:
            pass
        return dict(manifest["counts"])

    def put(self, key: str, parts: dict[str, list[int]], staging: Path, files: list[str],
            counts: dict) -> bool:
        """Store the tables `files` of `staging` as the entry `key`; False when the cache
        cannot be written (the run goes on without it)."""
        temporary = self.folder / f".{key}-{secrets.token_hex(4)}.tmp"
        try:
            make_private_dir(self.folder)
            temporary.mkdir(mode=0o700)
            checksums = {}
            for name in files:
                data = (staging / name).read_bytes()
                (temporary / name).write_bytes(data)
                checksums[name] = _checksum(data)
            manifest = {"counts": counts, "files": checksums, "parts": parts}
            (temporary / MANIFEST).write_text(json.dumps(manifest, sort_keys=True),
                                              encoding="utf-8")
            shutil.rmtree(self.folder / key, ignore_errors=True)
            os.replace(temporary, self.folder / key)
        except OSError:
            shutil.rmtree(temporary, ignore_errors=True)
            return False
        self._prune()
        return True

    def _prune(self) -> None:
        """Keep the :data:`KEEP` most recently used entries; remove temporaries older than an
        hour (a killed run's)."""
        try:
            entries = [p for p in self.folder.iterdir() if p.is_dir()]
        except OSError:
            return
        live = sorted((p for p in entries if not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)
        dead = [p for p in entries if p.name.startswith(".")
                and time.time() - p.stat().st_mtime > 3600]
        for path in live[KEEP:] + dead:
            shutil.rmtree(path, ignore_errors=True)


def _well_formed(manifest) -> bool:
    """A manifest as :meth:`CorpusTables.put` writes it (file names only of tables)."""
    return (isinstance(manifest, dict) and isinstance(manifest.get("counts"), dict)
            and isinstance(manifest.get("parts"), dict)
            and isinstance(manifest.get("files"), dict) and bool(manifest["files"])
            and all(isinstance(name, str) and TABLE_FILE.fullmatch(name)
                    and isinstance(checksum, str)
                    for name, checksum in manifest["files"].items()))


def _parts_unchanged(recorded: dict, current: dict) -> bool:
    """Every part the entry's run read or wrote is still there, the same size and age."""
    return all(current.get(name) == stamp for name, stamp in recorded.items())
