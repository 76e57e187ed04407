"""The corpus loader: every file or record appears in the documents table, nothing is lost."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from analysis.corpus import (
    CorpusError,
    decode,
    load_corpus,
    parse_date,
    split_date_header,
)
from analysis.schema import DOCUMENT_COLUMNS
from tests.conftest import CORPUS

ARTICLE = "Israel's attacks on Gaza have killed at least 34,844 people, the ministry said."


def rows(corpus):
    return {row.doc_id: row for row in corpus.table.itertuples(index=False)}


def test_bundled_corpus_lists_five_articles_with_header_dates():
    corpus = load_corpus(CORPUS)
    table = corpus.table
    assert list(table.columns) == DOCUMENT_COLUMNS
    assert len(table) == 5 and len(corpus.documents) == 5
    dated = table[table["date_source"] == "header"].set_index("doc_id")["report_date"]
    assert dated.to_dict() == {"000_82d95582873b50a0": "2024-03-09",
                               "002_36148e0cbc528e91": "2024-01-25"}
    assert (table.loc[table["date_source"] != "header", "date_source"] == "none").all()
    assert (table["status"] == "ok").all()


def test_header_is_blanked_so_offsets_match_the_file():
    document = load_corpus(CORPUS).by_id()["000_82d95582873b50a0"]
    raw = (CORPUS / "000_82d95582873b50a0.txt").read_text(encoding="utf-8")
    assert len(document.text) == len(raw)
    start = raw.index("The head of Israeli spy agency")
    assert document.text[start:start + 8] == "The head"
    assert "2024-03-09" not in document.text


@pytest.mark.parametrize("text, expected", [
    (" date 2024-03-09 The head of Mossad met", dt.date(2024, 3, 9)),
    ("\ufeffdate 2024-03-09 Text", dt.date(2024, 3, 9)),
    ("   Date: 2024-01-25\nText on the next line", dt.date(2024, 1, 25)),
    ("DATE 2024/01/25 Text", dt.date(2024, 1, 25)),
    ("date 2024-1-5 Text", dt.date(2024, 1, 5)),
    ("Date palms grew in 2024-era Gaza", None),
    ("No header at all", None),
])
def test_date_header_variants(text, expected):
    blanked, date, note = split_date_header(text)
    assert date == expected
    assert len(blanked) == len(text)
    assert note == ""


def test_date_header_that_is_not_a_real_date(tmp_path):
    (tmp_path / "bad_date.txt").write_text("date 2024-13-45 " + ARTICLE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE + " Another.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    row = rows(corpus)["bad_date"]
    assert row.status == "ok" and row.report_date == "" and row.date_source == "none"
    assert "date header '2024-13-45' is not a real date" in row.note
    assert "2024-13-45" not in corpus.by_id()["bad_date"].text


def test_empty_binary_and_undecodable_files_are_rejected_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "header_only.txt").write_text(" date 2024-01-01 \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 talks: 1,200 killed".encode("cp1252"))
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = rows(corpus)
    assert len(corpus.table) == 6
    assert table["empty"].status == "rejected" and "empty.txt: empty file" in table["empty"].error
    assert table["blank"].status == "rejected" and "empty file" in table["blank"].error
    assert table["header_only"].status == "rejected"
    assert "no text after the date marker" in table["header_only"].error
    assert table["binary"].status == "rejected"
    assert "binary.txt: binary file (contains NUL bytes)" in table["binary"].error
    assert table["latin"].status == "ok"
    assert "decoded as cp1252" in table["latin"].note
    assert corpus.by_id()["latin"].text.startswith("Café")
    assert table["good"].status == "ok"


def test_undecodable_bytes_name_the_offset():
    expected = r"neither UTF-8 nor cp1252 text \(byte 0x81 at offset 1\)"
    with pytest.raises(ValueError, match=expected):
        decode(b"a\x81b")


def test_jsonl_with_a_broken_line_keeps_the_others(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2024-05-08T10:00:00Z",
                    "url": "https://example.org/a1", "title": "Talks"}),
        '{"id": "a2", "text": "broken',
        json.dumps({"id": "a3", "content": "Qatar said 105 hostages were freed."}),
        json.dumps({"id": "a4", "headline": "no text here"}),
        json.dumps(["not", "an", "object"]),
    ]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = corpus.table.set_index("source_path")
    assert len(table) == 5
    assert table.loc["export.jsonl:1", "report_date"] == "2024-05-08"
    assert table.loc["export.jsonl:1", "date_source"] == "metadata"
    assert table.loc["export.jsonl:1", "url"] == "https://example.org/a1"
    assert table.loc["export.jsonl:2", "status"] == "rejected"
    assert "export.jsonl line 2: invalid JSON record" in table.loc["export.jsonl:2", "error"]
    assert table.loc["export.jsonl:3", "status"] == "ok"
    assert "record has no text" in table.loc["export.jsonl:4", "error"]
    assert "line 5" in table.loc["export.jsonl:5", "error"]
    assert [d.doc_id for d in corpus.documents] == ["a1", "a3"]


def test_csv_export_with_column_variants(tmp_path):
    (tmp_path / "export.csv").write_text(
        "ID,Headline,Body,Published,Link\n"
        f'x1,Talks,"{ARTICLE}",28 January 2024,https://example.org/x1\n'
        'x2,Truce,"Hamas freed 50 hostages.",,\n',
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path / "export.csv")
    table = corpus.table.set_index("doc_id")
    assert table.loc["x1", "report_date"] == "2024-01-28"
    assert table.loc["x1", "title"] == "Talks"
    assert table.loc["x2", "date_source"] == "none"
    assert table.loc["x2", "source_path"] == "export.csv:3"


def test_csv_without_a_text_column_is_rejected_with_its_columns(tmp_path):
    (tmp_path / "export.csv").write_text("id,headline\n1,Talks\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    row = rows(corpus)["export"]
    assert row.status == "rejected"
    assert "export.csv: no text column" in row.error and "its columns are id, headline" in row.error
    assert rows(corpus)["good"].status == "ok"


def test_same_text_twice_is_a_duplicate_naming_the_first(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(" date 2024-05-08 " + ARTICLE + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = rows(corpus)
    assert table["a"].status == "ok"
    assert table["b"].status == "duplicate" and table["b"].error == "same text as a"
    assert [d.doc_id for d in corpus.documents] == ["a"]


def test_metadata_csv_supplies_and_overrides_dates(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2024-01-01 Another article text.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third article text.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "doc_id,published,title,url\n"
        "a,2024-05-08,Cairo talks,https://example.org/a\n"
        "b,2024-01-02,,\n"
        "c,not a date,,\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    table = rows(corpus)
    assert len(corpus.table) == 3  # metadata.csv itself is not an article
    assert (table["a"].report_date, table["a"].date_source) == ("2024-05-08", "metadata")
    assert table["a"].title == "Cairo talks"
    assert table["b"].report_date == "2024-01-02"
    assert "overrides header date 2024-01-01" in table["b"].note
    assert table["c"].date_source == "none" and "not a date" in table["c"].note


def test_unsupported_files_are_listed_and_duplicate_ids_rejected(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "more.jsonl").write_text(json.dumps({"id": "a", "text": "Other text."}) + "\n",
                                         encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = corpus.table.set_index("source_path")
    assert "unsupported file type .pdf" in table.loc["scan.pdf", "error"]
    assert "doc_id 'a' already used by a.txt" in table.loc["more.jsonl:1", "error"]


def test_missing_or_empty_corpus_raises(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles in"):
        load_corpus(tmp_path)


@pytest.mark.parametrize("value, expected", [
    ("2024-01-28", dt.date(2024, 1, 28)),
    ("2024-01-28T23:10:00+02:00", dt.date(2024, 1, 28)),
    ("Jan 28, 2024", dt.date(2024, 1, 28)),
    ("", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_parse_date_rejects_nonsense():
    with pytest.raises(ValueError, match="is not a date"):
        parse_date("yesterday-ish")
