"""Load a corpus of news articles into `Document`s and the documents table, losing nothing.

A corpus is a folder of ``.txt`` files, ``.jsonl`` and ``.csv`` exports, or one such export
file. A ``metadata.csv`` beside the articles supplies or overrides dates, titles and urls by
``doc_id``. Every file or record becomes one row of the documents table: articles that cannot
be read are kept as ``status=rejected`` with a reason a person understands, and a second copy
of the same text is ``status=duplicate`` naming the first.

>>> corpus = load_corpus("data/corpus")                        # doctest: +SKIP
>>> corpus.table[["doc_id", "report_date", "date_source"]]     # doctest: +SKIP

Character offsets in every other table point into ``Document.text``: the decoded file with a
leading ``date YYYY-MM-DD`` marker overwritten by spaces of the same length, so an offset is
also an offset into the file's text.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis.tables import DOCUMENT_COLUMNS

TEXT_SUFFIXES = {".txt"}
EXPORT_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
METADATA_NAME = "metadata.csv"

# Column or key name variants in exports and metadata, most specific first.
FIELD_ALIASES = {
    "id": ["doc_id", "id", "article_id", "uid", "guid", "key"],
    "text": ["text", "content", "body", "article", "full_text", "fulltext", "story"],
    "date": ["report_date", "date", "published", "published_at", "publication_date",
             "pubdate", "pub_date", "datetime", "timestamp"],
    "url": ["url", "link", "source_url", "href"],
    "title": ["title", "headline"],
}

# ` date 2024-03-09 The head...`, `Date: 2024-03-09\n`, `DATE=2024/03/09`
DATE_HEADER = re.compile(
    r"\A[\s\ufeff]*date[ \t]*[:=]?[ \t]*(?P<value>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?![\d])",
    re.IGNORECASE,
)


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing folder, no articles)."""


@dataclass(frozen=True)
class Document:
    """One article: its text, its report date and where it came from.

    >>> Document("a", "Text.", "a.txt", dt.date(2024, 1, 28), "header").report_date.isoformat()
    '2024-01-28'
    """

    doc_id: str
    text: str
    source_path: str
    report_date: dt.date | None = None
    date_source: str = "none"  # header | metadata | inferred | none
    title: str = ""
    url: str = ""
    note: str = ""
    sha256: str = field(default="", compare=False)

    def __post_init__(self):
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    @property
    def n_words(self) -> int:
        return count_words(self.text)


@dataclass
class Corpus:
    """The loaded corpus: readable `documents` and the full documents `table`."""

    documents: list[Document]
    table: pd.DataFrame

    def __len__(self) -> int:
        return len(self.documents)

    def by_id(self) -> dict[str, Document]:
        return {document.doc_id: document for document in self.documents}


@dataclass
class _Row:
    """A documents-table row under construction."""

    doc_id: str
    source_path: str
    status: str = "ok"
    error: str = ""
    document: Document | None = None


def count_words(text: str) -> int:
    """Whitespace-separated words. >>> count_words(" two  words ")
    2
    """
    return len(text.split())


def text_sha256(text: str) -> str:
    """SHA-256 of the article text with surrounding white space removed."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def parse_date(value) -> dt.date | None:
    """Parse a date from an export or metadata cell; None when empty.

    Raises ValueError for text that is not a real date.

    >>> parse_date("2024-01-28T09:30:00Z")
    datetime.date(2024, 1, 28)
    >>> parse_date("28 January 2024")
    datetime.date(2024, 1, 28)
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value / 1000 if value > 1e11 else value, dt.UTC).date()
    text = str(value).strip()
    if not text:
        return None
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", text)
    if iso:
        return dt.date(*map(int, iso.groups()))
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(text, dayfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a date") from exc


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (BOM dropped), else cp1252 with a note.

    Returns (text, note). Raises ValueError when the bytes are not text.

    >>> decode("caf\\u00e9".encode("cp1252"))
    ('café', 'not valid UTF-8 (byte 0xe9 at offset 3); decoded as cp1252')
    """
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        note = f"not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); decoded as cp1252"
        try:
            return data.decode("cp1252"), note
        except UnicodeDecodeError as exc2:
            raise ValueError(
                f"neither UTF-8 nor cp1252 text (byte 0x{data[exc2.start]:02x} "
                f"at offset {exc2.start})"
            ) from exc2


def split_date_header(text: str) -> tuple[str, dt.date | None, str]:
    """Find a leading ``date YYYY-MM-DD`` marker and blank it out (same length, so offsets hold).

    Returns (text, date or None, note). A marker that is not a real date is blanked too, and
    the note says so.

    >>> text, date, note = split_date_header(" date 2024-03-09 The head of Mossad met...")
    >>> date, text.strip()[:8]
    (datetime.date(2024, 3, 9), 'The head')
    >>> split_date_header("date 2024-13-45 Text")[1:]
    (None, "date header '2024-13-45' is not a real date; ignored")
    """
    match = DATE_HEADER.match(text)
    if not match:
        return text, None, ""
    value = match.group("value")
    blanked = re.sub(r"[^\n]", " ", text[: match.end()]) + text[match.end():]
    try:
        year, month, day = map(int, re.split(r"[-/.]", value))
        return blanked, dt.date(year, month, day), ""
    except ValueError:
        return blanked, None, f"date header {value!r} is not a real date; ignored"


def _pick(record: dict, kind: str):
    """The value of the first alias of `kind` present (case-insensitive) in `record`."""
    lowered = {str(key).strip().lower(): key for key in record}
    for alias in FIELD_ALIASES[kind]:
        if alias in lowered:
            value = record[lowered[alias]]
            if value is not None and not (isinstance(value, float) and pd.isna(value)):
                return value
    return None


def _find_column(columns, kind: str) -> str | None:
    lowered = {str(c).strip().lower(): c for c in columns}
    for alias in FIELD_ALIASES[kind]:
        if alias in lowered:
            return lowered[alias]
    return None


def _document_from_text(doc_id, text, source_path, date_value=None, title="", url="", note=""):
    """Build a Document from decoded text: header date first, then the record's own date."""
    text, header_date, header_note = split_date_header(text)
    notes = [n for n in (note, header_note) if n]
    report_date, date_source = header_date, "header" if header_date else "none"
    if report_date is None and date_value not in (None, ""):
        try:
            report_date = parse_date(date_value)
            date_source = "metadata" if report_date else "none"
        except ValueError as exc:
            notes.append(f"date {exc}; ignored")
    if not text.strip():
        raise ValueError("empty article: no text after the date marker" if header_date
                         else "empty article: no text")
    return Document(
        doc_id=str(doc_id), text=text, source_path=source_path, report_date=report_date,
        date_source=date_source, title=str(title or ""), url=str(url or ""),
        note="; ".join(notes),
    )


def _read_txt(path: Path, root: Path) -> list[_Row]:
    rel = _relative(path, root)
    row = _Row(doc_id=path.stem, source_path=rel)
    try:
        data = path.read_bytes()
        if not data.strip():
            raise ValueError("empty file")
        text, note = decode(data)
        row.document = _document_from_text(path.stem, text, rel, note=note)
    except (OSError, ValueError) as exc:
        row.status, row.error = "rejected", f"{rel}: {exc}"
    return [row]


def _record_row(record: dict, default_id: str, source: str) -> _Row:
    doc_id = str(_pick(record, "id") or default_id).strip() or default_id
    row = _Row(doc_id=doc_id, source_path=source)
    text = _pick(record, "text")
    try:
        if text is None or not str(text).strip():
            raise ValueError("record has no text")
        row.document = _document_from_text(
            doc_id, str(text), source, date_value=_pick(record, "date"),
            title=_pick(record, "title") or "", url=_pick(record, "url") or "",
        )
    except ValueError as exc:
        row.status, row.error = "rejected", f"{source}: {exc}"
    return row


def _read_jsonl(path: Path, root: Path) -> list[_Row]:
    rel = _relative(path, root)
    try:
        text, _ = decode(path.read_bytes())
    except (OSError, ValueError) as exc:
        return [_Row(path.stem, rel, "rejected", f"{rel}: {exc}")]
    rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source, default_id = f"{rel}:{lineno}", f"{path.stem}-{lineno:05d}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"a JSON {type(record).__name__}, not an object")
        except (json.JSONDecodeError, ValueError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            rows.append(_Row(default_id, source, "rejected",
                             f"{rel} line {lineno}: invalid JSON record ({reason})"))
            continue
        rows.append(_record_row(record, default_id, source))
    if not rows:
        rows.append(_Row(path.stem, rel, "rejected", f"{rel}: no records"))
    return rows


def _read_csv_export(path: Path, root: Path) -> list[_Row]:
    rel = _relative(path, root)
    try:
        text, _ = decode(path.read_bytes())
        records = list(csv.DictReader(io.StringIO(text, newline="")))
    except (OSError, ValueError, csv.Error) as exc:
        return [_Row(path.stem, rel, "rejected", f"{rel}: {exc}")]
    columns = list(records[0].keys()) if records else next(csv.reader(io.StringIO(text)), [])
    if _find_column(columns, "text") is None:
        looked = ", ".join(FIELD_ALIASES["text"])
        return [_Row(path.stem, rel, "rejected",
                     f"{rel}: no text column (looked for {looked}); "
                     f"its columns are {', '.join(map(str, columns)) or 'none'}")]
    return [_record_row(record, f"{path.stem}-{n:05d}", f"{rel}:{n + 1}")
            for n, record in enumerate(records, start=1)]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _read_metadata(path: Path) -> dict[str, dict]:
    """Read ``metadata.csv``: doc_id -> {date, title, url} (only the cells that are filled)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    id_col = _find_column(frame.columns, "id")
    if id_col is None:
        raise CorpusError(f"{path}: metadata has no doc_id column; its columns are "
                          f"{', '.join(frame.columns)}")
    columns = {kind: _find_column(frame.columns, kind) for kind in ("date", "title", "url")}
    metadata = {}
    for _, record in frame.iterrows():
        metadata[record[id_col].strip()] = {
            kind: record[col].strip() for kind, col in columns.items()
            if col is not None and record[col].strip()
        }
    return metadata


def _apply_metadata(document: Document, entry: dict) -> Document:
    changes, notes = {}, [document.note] if document.note else []
    if "date" in entry:
        try:
            date = parse_date(entry["date"])
            if date is not None:
                if document.date_source == "header" and date != document.report_date:
                    notes.append(f"metadata date {date} overrides header date "
                                 f"{document.report_date}")
                changes.update(report_date=date, date_source="metadata")
        except ValueError as exc:
            notes.append(f"metadata date {exc}; ignored")
    for kind in ("title", "url"):
        if kind in entry:
            changes[kind] = entry[kind]
    return replace(document, note="; ".join(notes), **changes)


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def load_corpus(path: str | Path, metadata: str | Path | None = None) -> Corpus:
    """Load every article under `path` (a folder, or one ``.jsonl``/``.csv``/``.txt`` file).

    Raises CorpusError when the path does not exist or holds no articles at all. Everything
    else (empty, binary, badly encoded files, broken records, duplicates) becomes a row with
    ``status`` rejected or duplicate and a reason in ``error``.
    """
    root = Path(path)
    if not root.exists():
        raise CorpusError(f"corpus not found: {root} does not exist")
    files = _files(root)
    base = root if root.is_dir() else root.parent
    metadata_path = Path(metadata) if metadata else base / METADATA_NAME
    rows: list[_Row] = []
    for file in files:
        if file == metadata_path or file.name == METADATA_NAME:
            continue
        suffix = file.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            rows.extend(_read_txt(file, base))
        elif suffix in {".jsonl", ".ndjson"}:
            rows.extend(_read_jsonl(file, base))
        elif suffix == ".csv":
            rows.extend(_read_csv_export(file, base))
        elif suffix in {".md", ".json", ".yml", ".yaml"} and file.stem.lower() in {
            "readme", "license", "licence", "manifest"
        }:
            continue  # documentation that travels with a corpus is not an article
        else:
            rel = _relative(file, base)
            rows.append(_Row(file.stem, rel, "rejected",
                             f"{rel}: unsupported file type {suffix or '(none)'}; "
                             "expected .txt, .jsonl or .csv"))
    if not rows:
        raise CorpusError(f"no articles in {root}: expected .txt, .jsonl or .csv files")

    meta = _read_metadata(metadata_path) if metadata_path.is_file() else {}
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for row in rows:
        if row.doc_id in seen_ids:
            row.status = "rejected"
            row.error = f"{row.source_path}: doc_id {row.doc_id!r} already used by " \
                        f"{seen_ids[row.doc_id]}"
            row.document = None
            continue
        seen_ids[row.doc_id] = row.source_path
        if row.document is None:
            continue
        if row.doc_id in meta:
            row.document = _apply_metadata(row.document, meta[row.doc_id])
        first = seen_hashes.get(row.document.sha256)
        if first is not None:
            row.status, row.error = "duplicate", f"same text as {first}"
            continue
        seen_hashes[row.document.sha256] = row.doc_id

    documents = [row.document for row in rows if row.status == "ok"]
    return Corpus(documents=documents, table=documents_table(rows))


def documents_table(rows: list[_Row]) -> pd.DataFrame:
    records = []
    for row in rows:
        document = row.document
        records.append({
            "doc_id": row.doc_id,
            "source_path": row.source_path,
            "report_date": document.report_date.isoformat()
            if document and document.report_date else "",
            "date_source": document.date_source if document else "none",
            "n_words": document.n_words if document else 0,
            "sha256": document.sha256 if document else "",
            "status": row.status,
            "error": row.error,
            "title": document.title if document else "",
            "url": document.url if document else "",
            "note": document.note if document else "",
        })
    frame = pd.DataFrame.from_records(records, columns=[c for c in DOCUMENT_COLUMNS
                                                        if c in records[0]])
    for column in DOCUMENT_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    return frame[DOCUMENT_COLUMNS]
