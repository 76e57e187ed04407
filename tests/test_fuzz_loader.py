"""Fuzz test of the corpus loader: 500 generated corpora of hostile bytes, encodings, JSON and
CSV shapes, mixed with good records. For every corpus:

- no exception escapes `load_corpus` (a traceback would stop a real run);
- every file, every non-blank JSONL line and every CSV record has a row in the documents table;
- every good record is loaded ``ok`` with its text and title unchanged, however bad its
  neighbours are (other encodings, NUL bytes, broken JSON, surrogates, huge dates...);
- the documents table written as CSV reads back cell for cell (formula-like cells, ``\\r``).

Every 25th corpus also goes through the whole extraction (rules only) into CSV tables: an
end-to-end run, so in the `slow` tier (`make test` runs it, `make test-fast` does not).

The generator is seeded (`SEED + n`), so a failure names the corpus that shows it:
``pytest tests/test_fuzz_loader.py -k 137`` re-creates corpus 137.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

import pandas as pd
import pytest

from analysis import schema
from analysis.batch.run import run_extraction
from analysis.corpus import load_corpus

SEED = 20261130
N_CORPORA = 500
WORDS = ["Talks", "in", "Doha", "Cairo", "hostages", "ceasefire", "Renée", "Café", "Müller",
         "26,422", "killed", "=SUM(1)", "+1", "-", "@x", "\t", "\"quoted\"", "a,b", "'tis",
         "naïve", "北京", "emoji 🙂", "\u200d", "\u202e", "$x_{$", "<script>", "1e300"]
# Pieces that break a record, a line or a file.
HOSTILE_BYTES = [b"\x00", b"\xe9", b"\x81\x8d", b"\xff\xfe", b"\x89PNG\r\n\x1a\n", b"\r",
                 b"\xe2\x80\xa8", b"\xc2\x85", b"\\ud800", b"\"", b"\n", b",", b"{", b"]"]


@dataclass
class Expected:
    """What a generated corpus must give: good records by doc_id, and the row count."""

    good: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc_id -> (text, title)
    sources: dict[str, int] = field(default_factory=dict)  # file name -> rows it must give


def good_text(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(2, 12))]
    # unique per record (no duplicates); never blank; no header marker at the start
    return f"Report {n}: " + " ".join(words)


def bad_bytes(rng: random.Random) -> bytes:
    pieces = [rng.choice(HOSTILE_BYTES) for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.3:
        pieces.append(rng.randbytes(rng.randint(1, 40)))
    return b"".join(pieces)


def bad_record_line(rng: random.Random, n: int) -> bytes:
    """One JSONL line that is not a good record."""
    kind = rng.randrange(9)
    if kind == 0:
        return bad_bytes(rng)
    if kind == 1:
        return json.dumps({"id": f"bad{n}", "text": "x"})[:-3].encode()  # truncated
    if kind == 2:
        return json.dumps([1, 2, "list"]).encode()
    if kind == 3:
        return b'{"id":"nul%d","text":"a\x00b"}' % n
    if kind == 4:
        return b'{"id":"cp%d","text":"caf\xe9 talks"}' % n
    if kind == 5:
        return b'{"id":"sur%d","text":"Talks","title":"x\\ud800","url":"\\udfff"}' % n
    if kind == 6:
        return b'{"id":"num%d","text":"Talks","date":%s}' % (
            n, rng.choice([b"1e300", b"-1e20", b"Infinity", b"NaN", b"true", b"[]"]))
    if kind == 7:
        return b'{"id":"notext%d","title":"no text"}' % n
    return b"[" * rng.randint(1, 3000)  # nested deeply


def jsonl_file(rng: random.Random, n: int, expected: Expected, name: str) -> bytes:
    lines, rows = [], 0
    for i in range(rng.randint(1, 8)):
        if rng.random() < 0.5:
            doc_id = f"good-{n}-{name}-{i}"
            text, title = good_text(rng, i), rng.choice(["", "Café", "=HYPERLINK(1)", "a\rb"])
            record = {"id": doc_id, "text": text, "title": title}
            if rng.random() < 0.3:
                record["date"] = rng.choice(["2024-01-28", "28 January 2024", 1706400000])
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5).encode())
            expected.good[doc_id] = (text, title)
        else:
            lines.append(bad_record_line(rng, i))
    rows = sum(1 for line in lines for part in line.split(b"\n") if part.strip(b" \t\r\n"))
    expected.sources[name] = max(rows, 1)
    return b"\n".join(lines) + rng.choice([b"", b"\n", b"\r\n"])


def csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def csv_file(rng: random.Random, n: int, expected: Expected, name: str) -> bytes:
    header = rng.choice([["id", "text", "title"], ["doc_id", "body", "headline"],
                         ["id", "text", "text", "title"]])
    if rng.random() < 0.1:
        expected.sources[name] = 1  # no text column: one row for the file
        return b"id,headline\na,b\n"
    out = [",".join(header).encode()]
    records = 0
    for i in range(rng.randint(0, 6)):
        records += 1
        if rng.random() < 0.5:
            doc_id = f"good-{n}-{name}-{i}"
            text = good_text(rng, i) + rng.choice(["", "\nsecond line", "\r\nthird"])
            title = rng.choice(["", "Café", "-5 dead", "x"])
            cells = [doc_id, text] + ([text] if header.count(header[1]) > 1 else []) + [title]
            out.append(",".join(csv_cell(c) for c in cells).encode())
            expected.good[doc_id] = (text, title)
        else:
            out.append(b"bad%d," % i + csv_cell("x").encode() + bad_bytes(rng).replace(
                b"\n", b" ").replace(b"\r", b" ").replace(b'"', b"'"))
    expected.sources[name] = max(records, 1) if records else 1
    return b"\n".join(out) + b"\n"


def txt_file(rng: random.Random, n: int, expected: Expected, name: str) -> bytes:
    expected.sources[name] = 1
    if rng.random() < 0.5:
        doc_id = name.rsplit(".", 1)[0]
        text = good_text(rng, n)
        expected.good[doc_id] = (text, "")
        return text.encode(rng.choice(["utf-8", "utf-8-sig"]))
    kind = rng.randrange(5)
    if kind == 0:
        return b""
    if kind == 1:
        return "caf\u00e9 talks".encode("utf-16")
    if kind == 2:
        return b"date 2024-13-45 " + bad_bytes(rng)
    return bad_bytes(rng) * rng.randint(1, 20)


MAKERS = {".jsonl": jsonl_file, ".csv": csv_file, ".txt": txt_file}


def make_corpus(folder, n: int) -> Expected:
    rng = random.Random(SEED + n)
    expected = Expected()
    folder.mkdir()
    for i in range(rng.randint(1, 4)):
        suffix = rng.choice(list(MAKERS))
        name = f"f{i}{suffix}"
        (folder / name).write_bytes(MAKERS[suffix](rng, n, expected, name))
    return expected


def check_corpus(folder, expected: Expected) -> pd.DataFrame:
    corpus = load_corpus(folder)
    table = corpus.table
    per_file = table["source_path"].str.replace(r":\d+$", "", regex=True).value_counts()
    for name, count in expected.sources.items():
        assert per_file.get(name, 0) >= min(count, 1), f"{name} has no row"
        if name.endswith(".jsonl"):
            assert per_file.get(name, 0) == count, f"{name}: {per_file.get(name)} != {count}"
    documents = {d.doc_id: d for d in corpus.documents}
    for doc_id, (text, title) in expected.good.items():
        assert doc_id in documents, (doc_id, table.set_index("doc_id").loc[doc_id].to_dict())
        assert documents[doc_id].text == text and documents[doc_id].title == title
    return table


def round_trip(table: pd.DataFrame, path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        schema.write_csv(table, file)
    back = schema.read_table(path, "fuzz")
    for column in table.columns:  # a missing cell and an empty one both read back missing
        got = [None if pd.isna(v) else str(v) for v in back[column]]
        want = [None if pd.isna(v) or v == "" else str(v) for v in table[column]]
        assert got == want, column


@pytest.mark.parametrize("block", range(10))
def test_generated_corpora_lose_nothing_and_change_no_good_record(tmp_path, block):
    per_block = N_CORPORA // 10
    for n in range(block * per_block, (block + 1) * per_block):
        folder = tmp_path / f"corpus{n}"
        expected = make_corpus(folder, n)
        try:
            table = check_corpus(folder, expected)
            round_trip(table, tmp_path / f"documents{n}.csv")
        except Exception as exc:
            raise AssertionError(f"corpus {n} (seed {SEED + n}): {exc!r}") from exc


@pytest.mark.slow  # 20 whole extractions (NLP, tables, CSV): in `make test`, not test-fast
@pytest.mark.parametrize("n", range(0, N_CORPORA, 25))
def test_every_25th_generated_corpus_goes_through_the_whole_extraction(tmp_path, n):
    folder = tmp_path / f"corpus{n}"
    expected = make_corpus(folder, n)
    try:
        run_extraction(folder, tmp_path / f"out{n}", rules_only=True, workers=1,
                       use_cache=False, progress=False)
    except Exception as exc:
        raise AssertionError(f"corpus {n} (seed {SEED + n}): {exc!r}") from exc
    documents = schema.read_table(tmp_path / f"out{n}" / "documents.csv")
    assert set(expected.good) <= set(documents["doc_id"]), f"corpus {n} (seed {SEED + n})"
