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

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis.schema import DOCUMENT_COLUMNS

# The day the war began (analysis.rules.dates.WAR_START; a test checks they agree): a constant
# here, so that loading a corpus does not import the date rules and compile their patterns.
WAR_START = dt.date(2023, 10, 7)

TEXT_SUFFIXES = {".txt"}
METADATA_NAME = "metadata.csv"
# Articles longer than this (in characters) are rejected: the NLP needs about 4.5 KB of memory
# per character with the model (a 300,000-character article peaked at 1.35 GB), and spaCy
# refuses texts over 1,000,000. Change it with ``--max-chars`` or ``load_corpus(max_chars=)``.
MAX_CHARS = 200_000
CSV_FIELD_LIMIT = 2**31 - 1  # the csv module's default (131,072) would reject long articles

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
    """The corpus as a whole cannot be read (missing folder, no articles, a metadata file
    named with ``--metadata`` that is missing or unreadable)."""


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
    """The loaded corpus: readable `documents` and the full documents `table`.

    Loaded with ``keep_texts=False`` (:func:`load_corpus`), the documents read from ``.txt``
    files hold no text (``text == ""``): :meth:`text_of` reads it again from the file when it
    is needed, so a corpus of any size takes about the same memory. `keys` then maps every
    readable article's doc_id to the SHA-256 of its exact text (the extraction cache's key).
    """

    documents: list[Document]
    table: pd.DataFrame
    notes: list[str] = field(default_factory=list)  # about the corpus as a whole
    keys: dict[str, str] = field(default_factory=dict)  # doc_id -> text key (keep_texts=False)
    base: Path | None = None  # the folder source paths are relative to

    def __len__(self) -> int:
        return len(self.documents)

    def text_of(self, document: Document) -> str:
        """The document's text: its own, or read again from its file when the corpus was
        loaded without texts. Raises CorpusError when the file no longer holds that text."""
        if document.text or self.base is None:
            return document.text
        path = self.base / document.source_path
        (row,) = _read_txt(path, self.base)
        text = row.document.text if row.document is not None else ""
        if _text_key(text) != self.keys.get(document.doc_id):
            raise CorpusError(f"{document.source_path} changed while the corpus was being "
                              "extracted; run again")
        return text

    def with_text(self, document: Document) -> Document:
        """The document with its text (see :meth:`text_of`)."""
        return document if document.text else replace(document, text=self.text_of(document))

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
    n_chars: int = -1  # of the text, when the document no longer holds it (-1: it does)
    n_words: int = 0


def _text_key(text: str) -> str:
    """SHA-256 of the exact text (what analysis.batch.cache.text_key computes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _release_text(row: _Row, keys: dict[str, str], lazy: bool) -> None:
    """Keep what the corpus needs of a readable row's text (its length, words and key) and,
    when `lazy` (a ``.txt`` file, read again when needed), drop the text itself."""
    if row.document is None or row.status != "ok":
        return
    text = row.document.text
    keys.setdefault(row.doc_id, _text_key(text))  # a repeated doc_id: the first is kept
    if lazy:
        row.n_chars, row.n_words = len(text), count_words(text)
        row.document = replace(row.document, text="")


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
        try:
            seconds = value / 1000 if abs(value) > 1e11 else value
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"{value!r} is not a date (timestamp out of range)") from None
    text = str(value).strip()
    if not text:
        return None
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", text)
    if iso:
        return dt.date(*map(int, iso.groups()))
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(text, dayfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"{text!r} is not a date") from exc


# Byte-order marks of the encodings that put NUL bytes in ordinary text (longest first).
BOMS = [(codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16")]
# How common binary formats begin: such a file is not an article even when it holds no NUL.
BINARY_MAGIC = (b"\x89PNG", b"%PDF-", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04",
                b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf")
# Control characters that text files do hold: tab, line ends, form feed, DOS end-of-file.
TEXT_CONTROLS = set("\t\n\r\f\v\x1a")
# Control characters that text does not use (C0 and C1 but for TEXT_CONTROLS), found by one
# regular expression rather than a loop over characters (corpus loading time)
BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def decode(data: bytes, unit: str = "file") -> tuple[str, str]:
    """Decode bytes: UTF-16/32 with a byte-order mark, UTF-8 (BOM dropped), else cp1252.

    Returns (text, note). Raises ValueError when the bytes are not text. `unit` names what
    is decoded in the messages ("file", or "record" for one line of an export, where a
    UTF-16/32 byte-order mark is not looked for: the whole file was checked for one).

    >>> decode("caf\\u00e9".encode("cp1252"))
    ('café', 'not valid UTF-8 (byte 0xe9 at offset 3); decoded as cp1252')
    >>> decode("Talks".encode("utf-16"))
    ('Talks', 'UTF-16 text (byte-order mark); decoded')
    """
    for bom, codec, label in BOMS if unit == "file" else ():
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {label} byte-order mark but is not "
                                 f"{label} text ({exc.reason} at offset {exc.start})") from None
            if "\x00" in text:
                raise ValueError(f"binary {unit} (contains NUL characters), not text")
            return text, f"{label} text (byte-order mark); decoded"
    if b"\x00" in data:
        raise ValueError(f"binary {unit} (contains NUL bytes), not text")
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


def check_not_binary(data: bytes, text: str) -> None:
    """Raise ValueError for a file that decoded but is not text: it starts like a known binary
    format (PNG, PDF, GIF, JPEG, ZIP, ELF, gzip, ...), or more than 1 in 100 of its first 4,096
    characters (at least 4) are control characters that text does not use (tab, line ends,
    form feed and the DOS end-of-file mark are fine).

    >>> check_not_binary(b"\\x89PNG\\r\\n", "\\u2030PNG\\r\\n")
    Traceback (most recent call last):
    ...
    ValueError: binary file (PNG/PDF/image/archive data), not text
    """
    if data.lstrip(b"\xef\xbb\xbf").startswith(BINARY_MAGIC):
        raise ValueError("binary file (PNG/PDF/image/archive data), not text")
    head = text[:4096]
    controls = len(BINARY_CONTROLS.findall(head))
    if controls >= 4 and controls * 100 > len(head):
        raise ValueError(f"binary file ({controls} control characters in the first "
                         f"{len(head):,}), not text")


def display_name(name: str) -> str:
    """A file name as shown in the tables: bytes that are not UTF-8 escaped as ``\\xe9``.

    >>> display_name("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(record: dict) -> tuple[dict, list[str]]:
    """Replace lone surrogates (``"\\ud800"`` escapes in JSON, not Unicode characters) in a
    record's text fields by U+FFFD, one character each so offsets hold; returns the notes.

    >>> replace_surrogates({"title": "x\\ud800"})[1]
    ['invalid Unicode (lone surrogate \\\\ud800) in field title; replaced by U+FFFD']
    """
    notes = []
    cleaned = {}
    for key, value in record.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            first = _SURROGATE.search(value).group()
            notes.append(f"invalid Unicode (lone surrogate \\u{ord(first):04x}) in field "
                         f"{display_name(str(key))}; replaced by U+FFFD")
            value = _SURROGATE.sub("\ufffd", value)
        cleaned[key] = value
    return cleaned, notes


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
    row = _Row(doc_id=display_name(path.stem), source_path=rel)
    try:
        data = path.read_bytes()
        if not data.strip():
            raise ValueError("empty file")
        text, note = decode(data)
        check_not_binary(data, text)
        if row.doc_id != path.stem:
            note = "; ".join(n for n in (note, "file name is not valid UTF-8 (shown escaped)")
                             if n)
        row.document = _document_from_text(row.doc_id, text, rel, note=note)
    except (OSError, ValueError) as exc:
        row.status, row.error = "rejected", f"{rel}: {_reason(exc)}"
    return [row]


def _reason(exc: Exception) -> str:
    """An exception as a person reads it: OS errors without the file name (shown already)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"[Errno {exc.errno}] {exc.strerror}" if exc.errno else exc.strerror
    return str(exc)


def _record_row(record: dict, default_id: str, source: str, note: str = "") -> _Row:
    record, notes = replace_surrogates(record)
    doc_id = str(_pick(record, "id") or default_id).strip() or default_id
    row = _Row(doc_id=doc_id, source_path=source)
    text = _pick(record, "text")
    try:
        if text is None or not str(text).strip():
            raise ValueError("record has no text")
        row.document = _document_from_text(
            doc_id, str(text), source, date_value=_pick(record, "date"),
            title=_pick(record, "title") or "", url=_pick(record, "url") or "",
            note="; ".join([n for n in [note] if n] + notes),
        )
    except ValueError as exc:
        row.status, row.error = "rejected", f"{source}: {exc}"
    return row


def _export_lines(data: bytes) -> list[tuple[str, str, str]]:
    """The lines of an export as ``(text, note, error)``, each decoded on its own, so that one
    record in another encoding, or with a NUL byte, does not change or lose the others. Lines
    end at ``\\n`` only: U+2028, U+2029 and U+0085 are legal inside JSON and CSV strings. A file
    with a UTF-16/32 byte-order mark is decoded whole (when it is not UTF-16/32 after all,
    line by line: its first line is then a bad record)."""
    if any(data.startswith(bom) for bom, _, _ in BOMS):
        try:
            text, note = decode(data)
            return [(line, note, "") for line in text.split("\n")]
        except ValueError:
            pass
    lines = []
    for raw in data.split(b"\n"):
        try:
            text, note = decode(raw, unit="record")
            lines.append((text, note, ""))
        except ValueError as exc:
            lines.append((raw.decode("latin-1"), "", str(exc)))
    return lines


def _read_jsonl(path: Path, root: Path) -> list[_Row]:
    rel = _relative(path, root)
    try:
        lines = _export_lines(path.read_bytes())
    except (OSError, ValueError) as exc:
        return [_Row(display_name(path.stem), rel, "rejected", f"{rel}: {_reason(exc)}")]
    rows = []
    stem = display_name(path.stem)
    for lineno, (line, note, error) in enumerate(lines, start=1):
        if not line.strip(" \t\r\n"):  # JSON's white space: any other line gets a row
            continue
        source, default_id = f"{rel}:{lineno}", f"{stem}-{lineno:05d}"
        try:
            if error:
                raise ValueError(error)
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"a JSON {type(record).__name__}, not an object")
        except (ValueError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            reason = error or f"invalid JSON record ({reason or 'nested too deeply'})"
            rows.append(_Row(default_id, source, "rejected", f"{rel} line {lineno}: {reason}"))
            continue
        rows.append(_record_row(record, default_id, source, note))
    if not rows:
        rows.append(_Row(stem, rel, "rejected", f"{rel}: no records"))
    return rows


def _csv_records(lines: list[tuple[str, str, str]]):
    """Yield ``(first line, last line, cells)`` for every non-blank CSV record."""
    reader = csv.reader(line + "\n" for line, _, _ in lines)
    previous = 0
    old_limit = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        for cells in reader:
            first, previous = previous + 1, reader.line_num
            if cells:
                yield first, reader.line_num, cells
    finally:
        csv.field_size_limit(old_limit)


def _column_notes(header: list[str]) -> list[str]:
    """Notes for column names given twice (the first column of a name is used).

    >>> _column_notes(["id", "text", "text"])
    ["column 'text' appears 2 times; used the first"]
    """
    counts: dict[str, int] = {}
    for name in header:
        counts[name.strip().lower()] = counts.get(name.strip().lower(), 0) + 1
    return [f"column {name!r} appears {n} times; used the first"
            for name, n in counts.items() if n > 1]


def _read_csv_export(path: Path, root: Path) -> list[_Row]:
    rel, stem = _relative(path, root), display_name(path.stem)
    try:
        lines = _export_lines(path.read_bytes())
        records = list(_csv_records(lines))
    except (OSError, ValueError, csv.Error) as exc:
        return [_Row(stem, rel, "rejected", f"{rel}: {_reason(exc)}")]
    header = records[0][2] if records else []
    if _find_column(header, "text") is None:
        looked = ", ".join(FIELD_ALIASES["text"])
        return [_Row(stem, rel, "rejected",
                     f"{rel}: no text column (looked for {looked}); "
                     f"its columns are {', '.join(map(str, header)) or 'none'}")]
    file_notes = _column_notes(header)
    rows = []
    for n, (first, last, cells) in enumerate(records[1:], start=1):
        record: dict[str, str] = {}
        for name, value in zip(header, cells):
            record.setdefault(name.strip(), value)
        source, default_id = f"{rel}:{first}", f"{stem}-{n:05d}"
        errors = [e for _, _, e in lines[first - 1:last] if e]
        if errors:
            rows.append(_Row(default_id, source, "rejected", f"{source}: {errors[0]}"))
            continue
        notes = file_notes + sorted({note for _, note, _ in lines[first - 1:last] if note})
        rows.append(_record_row(record, default_id, source, "; ".join(notes)))
    return rows or [_Row(stem, rel, "rejected", f"{rel}: no records (only a header row)")]


def _relative(path: Path, root: Path) -> str:
    try:
        return display_name(path.relative_to(root).as_posix())
    except ValueError:
        return display_name(path.name)


@dataclass
class _Metadata:
    """What ``metadata.csv`` says: doc_id -> {date, title, url}, and how many rows each id has."""

    entries: dict[str, dict] = field(default_factory=dict)
    rows_per_id: dict[str, int] = field(default_factory=dict)
    name: str = METADATA_NAME
    notes: list[str] = field(default_factory=list)


def _read_metadata(path: Path) -> _Metadata:
    """Read a metadata CSV with the articles' tolerance: UTF-8, else cp1252 with a note; a
    file that cannot be read or parsed at all is a CorpusError (one line, exit 2)."""
    try:
        text, note = decode(path.read_bytes())
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the metadata: {_reason(exc)}") from None
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorpusError(f"{path}: not a readable metadata CSV: {exc}") from None
    id_col = _find_column(frame.columns, "id")
    if id_col is None:
        raise CorpusError(f"{path}: metadata has no doc_id column; its columns are "
                          f"{', '.join(frame.columns)}")
    columns = {kind: _find_column(frame.columns, kind) for kind in ("date", "title", "url")}
    metadata = _Metadata(name=path.name, notes=[f"{path.name}: {note}"] if note else [])
    for _, record in frame.iterrows():
        doc_id = record[id_col].strip()
        metadata.rows_per_id[doc_id] = metadata.rows_per_id.get(doc_id, 0) + 1
        metadata.entries[doc_id] = {
            kind: record[col].strip() for kind, col in columns.items()
            if col is not None and record[col].strip()
        }
    return metadata


def _apply_metadata(document: Document, entry: dict, n_rows: int = 1,
                    name: str = METADATA_NAME) -> Document:
    changes, notes = {}, [document.note] if document.note else []
    if n_rows > 1:
        notes.append(f"{name} has {n_rows} rows for {document.doc_id}; used the last")
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


@dataclass
class _Listing:
    """What walking a corpus folder found: the files to read, rows for what cannot be read
    (unreadable folders, broken or outside symlinks, special files), and notes."""

    files: list[Path] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _unreadable_entry(path: Path, root: Path, real_root: Path) -> str:
    """Why a listed entry is not read ("" when it is an ordinary file to read)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken symbolic link (its target does not exist)"
        if not _inside(target, real_root):
            return "symbolic link to a file outside the corpus folder; not read"
        if target.is_dir():
            return "symbolic link to a folder; not followed"
    if not path.exists():
        return "file disappeared while the corpus was listed"
    if not path.is_file():
        return "not a regular file (a pipe, socket or device); not read"
    return ""


def _walk(root: Path, skip: list[Path]) -> _Listing:
    """List the corpus folder (sorted, symlinked folders not followed). Hidden files and
    folders (``.git``, ``.DS_Store``, staging folders) are not articles; they are counted in a
    note. Folders in `skip` (the output folder, when it lies inside the corpus) are left out."""
    listing, hidden = _Listing(), 0
    real_root, skip_real = root.resolve(), {s.resolve() for s in skip}
    # the lock and staging folder of an output folder inside the corpus are not counted
    own = tuple(f".{s.name}." for s in skip_real)

    def unreadable(exc: OSError) -> None:
        folder = Path(exc.filename)
        rel = _relative(folder, root)
        listing.rows.append(_Row(display_name(folder.name), rel, "rejected",
                                 f"{rel}: folder not readable ({_reason(exc)})"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                hidden += not name.startswith(own) if own else 1
            elif (here / name).resolve() in skip_real:
                listing.notes.append(f"{_relative(here / name, root)}/ not read: it is the "
                                     "output folder")
            elif (here / name).is_symlink():
                names.append(name)  # listed below with its reason
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                hidden += not name.startswith(own) if own else 1
                continue
            path = here / name
            reason = _unreadable_entry(path, root, real_root)
            if reason:
                rel = _relative(path, root)
                listing.rows.append(_Row(display_name(path.stem), rel, "rejected",
                                         f"{rel}: {reason}"))
            else:
                listing.files.append(path)
    listing.files.sort()
    if hidden:
        what = "hidden file or folder" if hidden == 1 else "hidden files or folders"
        listing.notes.append(f"{hidden} {what} (names starting with '.') not read")
    return listing


def _read_file(file: Path, base: Path) -> list[_Row]:
    """The rows of one corpus file, by its type."""
    suffix = file.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _read_txt(file, base)
    if suffix in {".jsonl", ".ndjson"}:
        return _read_jsonl(file, base)
    if suffix == ".csv":
        return _read_csv_export(file, base)
    rel = _relative(file, base)
    return [_Row(display_name(file.stem), rel, "rejected",
                 f"{rel}: unsupported file type {suffix or '(none)'}; "
                 "expected .txt, .jsonl or .csv")]


def read_file_documents(file: Path, base: Path) -> list[Document]:
    """The readable articles of one corpus file, as :func:`load_corpus` reads them (without
    metadata, which changes no text): how a Dask worker reads its partition of a corpus on a
    shared path (analysis.batch.parallel)."""
    return [row.document for row in _read_file(file, base) if row.document is not None]


def _is_documentation(file: Path) -> bool:
    """README.md, LICENSE.txt... that travel with a corpus are not articles."""
    return file.suffix.lower() in {".md", ".json", ".yml", ".yaml"} and file.stem.lower() in {
        "readme", "license", "licence", "manifest"}


def load_corpus(path: str | Path, metadata: str | Path | None = None,
                max_chars: int = MAX_CHARS, skip: list[str | Path] = (),
                keep_texts: bool = True) -> Corpus:
    """Load every article under `path` (a folder, or one ``.jsonl``/``.csv``/``.txt`` file).

    With ``keep_texts=False`` the articles of ``.txt`` files are read one at a time and their
    texts not kept (:meth:`Corpus.text_of` reads them again): memory does not grow with the
    texts of the corpus. Articles of export files keep their texts.

    Raises CorpusError when the path does not exist or holds no articles at all, or when a
    `metadata` file is named but missing. Everything else (empty, binary, badly encoded files,
    broken records, duplicates, articles over `max_chars` characters, symlinks out of the
    corpus) becomes a row with ``status`` rejected or duplicate and a reason in ``error``.
    Folders in `skip` (the output folder) are not read.
    """
    root = Path(path)
    if not root.exists():
        raise CorpusError(f"corpus not found: {root} does not exist")
    if metadata and not Path(metadata).is_file():
        raise CorpusError(f"metadata file not found: {metadata}")
    base = root if root.is_dir() else root.parent
    metadata_path = Path(metadata) if metadata else base / METADATA_NAME
    listing = _walk(root, [Path(s) for s in skip]) if root.is_dir() else _Listing([root])
    rows: list[_Row] = list(listing.rows)
    keys: dict[str, str] = {}
    for file in listing.files:
        if file.name == METADATA_NAME:
            if file.parent != base and file != metadata_path:
                listing.notes.append(f"{_relative(file, base)} not used: only "
                                     f"{METADATA_NAME} in the corpus folder (or --metadata) is")
            continue
        if file == metadata_path or _is_documentation(file):
            continue
        for row in _read_file(file, base):
            if not keep_texts:
                _release_text(row, keys, file.suffix.lower() in TEXT_SUFFIXES
                              and base / row.source_path == file)  # a name shown as is
            rows.append(row)
    if not rows:
        raise CorpusError(f"no articles in {root}: expected .txt, .jsonl or .csv files")
    meta = _read_metadata(metadata_path) if metadata_path.is_file() else _Metadata()
    _check_rows(rows, meta, max_chars)
    notes = listing.notes + meta.notes + _unmatched_metadata(rows, meta)
    documents = [row.document for row in rows if row.status == "ok"]
    return Corpus(documents=documents, table=documents_table(rows), notes=notes,
                  keys={d.doc_id: keys[d.doc_id] for d in documents} if not keep_texts else {},
                  base=None if keep_texts else base)


def _check_rows(rows: list[_Row], meta: _Metadata, max_chars: int) -> None:
    """Reject repeated ids and over-long articles, apply metadata, mark duplicate texts."""
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
        n_chars = row.n_chars if row.n_chars >= 0 else len(row.document.text)
        if n_chars > max_chars:
            row.status = "rejected"
            row.error = (f"{row.source_path}: article has {n_chars:,} characters,"
                         f" more than the limit of {max_chars:,} (--max-chars)")
            row.document = None
            continue
        if row.doc_id in meta.entries:
            row.document = _apply_metadata(row.document, meta.entries[row.doc_id],
                                           meta.rows_per_id[row.doc_id], meta.name)
        row.document = _note_unlikely_date(row.document)
        first = seen_hashes.get(row.document.sha256)
        if first is not None:
            row.status, row.error = "duplicate", f"same text as {first}"
            continue
        seen_hashes[row.document.sha256] = row.doc_id


def _note_unlikely_date(document: Document) -> Document:
    """Note a report date before the war began (7 October 2023) or in the future: such dates
    are kept, but are probably wrong, and they stretch the charts' time axis."""
    date = document.report_date
    if date is None:
        return document
    if date < WAR_START:
        note = f"report date {date} is before the war began on {WAR_START}; check it"
    elif date > dt.date.today() + dt.timedelta(days=1):
        note = f"report date {date} is in the future; check it"
    else:
        return document
    return replace(document, note="; ".join(n for n in (document.note, note) if n))


def _unmatched_metadata(rows: list[_Row], meta: _Metadata) -> list[str]:
    ids = {row.doc_id for row in rows}
    unknown = [doc_id for doc_id in meta.entries if doc_id not in ids]
    if not unknown:
        return []
    shown = ", ".join(repr(u) for u in unknown[:5]) + (", ..." if len(unknown) > 5 else "")
    return [f"{len(unknown)} {meta.name} row{'s' if len(unknown) > 1 else ''} match"
            f"{'' if len(unknown) > 1 else 'es'} no article: {shown}"]


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
            "n_words": (row.n_words if row.n_chars >= 0 else document.n_words)
            if document else 0,
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
