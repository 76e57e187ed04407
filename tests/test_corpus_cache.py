"""Whole-corpus entries of the cache (analysis.batch.corpus_cache): an unchanged corpus gets
its last tables back, byte for byte, without reading a result; any change is a miss."""

from __future__ import annotations

import shutil

import pytest

from analysis.batch import cache as cache_module
from analysis.batch.corpus_cache import KEEP, TABLES, CorpusTables
from analysis.batch.run import run_extraction
from tests.conftest import CORPUS

NAMES = ["documents.csv", "entities.csv", "figures.csv", "figures_vs_reference.csv",
         "meetings.csv", "rounds.csv", "rounds_vs_reference.csv"]


def tables(folder):
    return {name: (folder / name).read_bytes() for name in NAMES}


def extract(corpus, out, cache, **options):
    return run_extraction(corpus, out, cache_dir=cache, workers=1, progress=False, **options)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def no_results_read(monkeypatch):
    def refuse(self, keys):
        raise AssertionError("a whole-corpus hit reads no per-article result")
    monkeypatch.setattr(cache_module.ResultCache, "get_many", refuse)


def test_an_unchanged_corpus_gets_its_tables_back_without_reading_results(
        tmp_path, corpus, monkeypatch):
    cache = tmp_path / "cache"
    first = extract(corpus, tmp_path / "a", cache)
    assert first.analysed == 5
    no_results_read(monkeypatch)
    again = extract(corpus, tmp_path / "b", cache)
    assert (again.analysed, again.cached, again.ok, again.documents) == (0, 5, 5, 5)
    assert again.files == NAMES
    assert tables(tmp_path / "b") == tables(tmp_path / "a")
    fresh = tmp_path / "fresh"
    run_extraction(corpus, fresh, use_cache=False, workers=1, progress=False)
    assert tables(fresh) == tables(tmp_path / "a")


def test_an_edited_article_or_new_metadata_is_a_miss(tmp_path, corpus):
    cache = tmp_path / "cache"
    extract(corpus, tmp_path / "a", cache)
    article = sorted(corpus.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nTalks resumed in Cairo.\n",
                       encoding="utf-8")
    edited = extract(corpus, tmp_path / "b", cache)
    assert (edited.analysed, edited.cached) == (1, 4)
    (corpus / "metadata.csv").write_text(f"doc_id,date\n{article.stem},2024-05-02\n")
    dated = extract(corpus, tmp_path / "c", cache)
    assert "2024-05-02" in (tmp_path / "c" / "documents.csv").read_text(encoding="utf-8")
    for out in ("b", "c"):
        fresh = tmp_path / f"fresh-{out}"
        if out == "b":
            (corpus / "metadata.csv").rename(tmp_path / "metadata.csv")
        else:
            (tmp_path / "metadata.csv").rename(corpus / "metadata.csv")
        run_extraction(corpus, fresh, use_cache=False, workers=1, progress=False)
        assert tables(fresh) == tables(tmp_path / out)
    assert dated.cached == 5


def test_a_damaged_entry_or_part_is_a_miss_and_the_tables_stay_the_same(tmp_path, corpus):
    cache = tmp_path / "cache"
    extract(corpus, tmp_path / "a", cache)
    (entry,) = (cache / TABLES).iterdir()
    (entry / "figures.csv").write_bytes(b"metric,value\nkilled,1\n")  # bit rot
    damaged_entry = extract(corpus, tmp_path / "b", cache)
    assert damaged_entry.cached == 5 and tables(tmp_path / "b") == tables(tmp_path / "a")
    for part in cache.rglob("part-*.parquet"):
        part.write_bytes(b"garbage")
    damaged_part = extract(corpus, tmp_path / "c", cache)
    assert damaged_part.analysed == 5 and damaged_part.damaged_cache_entries >= 1
    assert tables(tmp_path / "c") == tables(tmp_path / "a")


def test_only_the_last_entries_are_kept_and_a_foreign_manifest_is_ignored(tmp_path):
    staging = tmp_path / "staging"
    staging.mkdir()
    (staging / "documents.csv").write_text("doc_id\n")
    entries = CorpusTables(tmp_path)
    for n in range(KEEP + 2):
        assert entries.put(f"key{n}", {}, staging, ["documents.csv"], {"documents": n})
    assert len(list((tmp_path / TABLES).iterdir())) == KEEP
    out = tmp_path / "out"
    out.mkdir()
    assert entries.get(f"key{KEEP + 1}", {}, out) == {"documents": KEEP + 1}
    (tmp_path / TABLES / "evil").mkdir()
    (tmp_path / TABLES / "evil" / "manifest.json").write_text(
        '{"counts": {}, "parts": {}, "files": {"../../x.csv": "0"}}')
    assert entries.get("evil", {}, out) is None
    assert entries.get("key1", {}, out) is None  # pruned
