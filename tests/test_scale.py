"""Cache, local parallelism and the Dask backend: same tables, less work."""

from __future__ import annotations

import shutil
import threading

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.batch.cache import ResultCache, text_key
from analysis.batch.parallel import analyse_stream, chunked
from analysis.batch.run import run_extraction
from tests.conftest import CORPUS

TABLES = ["documents.csv", "figures.csv", "meetings.csv", "rounds.csv",
          "figures_vs_reference.csv", "entities.csv"]


def same_tables(a, b):
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in TABLES)


def test_cache_round_trip_and_damage_detection(tmp_path):
    cache = ResultCache(tmp_path, "v1")
    cache.put_many({"k1": {"figures": [{"value": 1}]}, "k2": {"figures": []}})
    assert cache.get_many(["k1", "k2", "k3"]) == {"k1": {"figures": [{"value": 1}]},
                                                  "k2": {"figures": []}}
    # a row whose result was altered no longer matches its checksum: dropped, not trusted
    (part,) = cache.parts()
    table = pq.read_table(part).to_pydict()
    table["result"][0] = table["result"][0].replace("1", "2")
    pq.write_table(pa.table(table), part)
    fresh = ResultCache(tmp_path, "v1")
    assert fresh.get_many(["k1", "k2"]) == {"k2": {"figures": []}}
    assert fresh.damaged == 1
    # a file that is not Parquet at all is set aside
    (tmp_path / "v1" / "part-9-bad.parquet").write_bytes(b"not parquet")
    fresh = ResultCache(tmp_path, "v1")
    assert fresh.get_many(["k2", "missing"]) == {"k2": {"figures": []}}
    assert (tmp_path / "v1" / "part-9-bad.damaged").exists()
    # another pipeline version sees nothing
    assert ResultCache(tmp_path, "v2").get_many(["k2"]) == {}


def test_two_writers_share_a_cache(tmp_path):
    def write(prefix):
        cache = ResultCache(tmp_path, "v1")
        for n in range(40):  # enough parts to trigger compaction while the other writes
            cache.put_many({f"{prefix}{n}": {"n": n}})

    threads = [threading.Thread(target=write, args=(p,)) for p in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = ResultCache(tmp_path, "v1").get_many([f"{p}{n}" for p in "ab" for n in range(40)])
    assert len(found) == 80


def test_chunked():
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]


@pytest.mark.model
def test_cached_rerun_is_identical_and_runs_no_nlp(tmp_path):
    cache = tmp_path / "cache"
    first = run_extraction(CORPUS, tmp_path / "a", cache_dir=cache, workers=1, progress=False)
    second = run_extraction(CORPUS, tmp_path / "b", cache_dir=cache, workers=1, progress=False)
    assert (first.analysed, first.cached) == (5, 0)
    assert (second.analysed, second.cached) == (0, 5)
    assert same_tables(tmp_path / "a", tmp_path / "b")


@pytest.mark.model
def test_adding_one_article_analyses_only_that_one(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache = tmp_path / "cache"
    run_extraction(corpus, tmp_path / "a", cache_dir=cache, workers=1, progress=False)
    (corpus / "new.txt").write_text("At least 1,139 people were killed in the attack on "
                                    "Israel, according to an AFP tally.", encoding="utf-8")
    summary = run_extraction(corpus, tmp_path / "b", cache_dir=cache, workers=1, progress=False)
    assert (summary.analysed, summary.cached, summary.ok) == (1, 5, 6)


@pytest.mark.model
def test_damaged_cache_is_recomputed_to_the_same_tables(tmp_path):
    cache = tmp_path / "cache"
    run_extraction(CORPUS, tmp_path / "a", cache_dir=cache, workers=1, progress=False)
    for part in cache.rglob("part-*.parquet"):
        part.write_bytes(b"garbage")
    summary = run_extraction(CORPUS, tmp_path / "b", cache_dir=cache, workers=1, progress=False)
    assert summary.analysed == 5 and summary.damaged_cache_entries >= 1
    assert same_tables(tmp_path / "a", tmp_path / "b")


@pytest.mark.model
def test_two_local_workers_give_the_same_tables(tmp_path):
    run_extraction(CORPUS, tmp_path / "one", use_cache=False, workers=1, batch_size=2,
                   progress=False)
    run_extraction(CORPUS, tmp_path / "two", use_cache=False, workers=2, batch_size=2,
                   progress=False)
    assert same_tables(tmp_path / "one", tmp_path / "two")


def test_stream_keeps_input_order_across_workers():
    items = [(f"k{n}", f"Text number {n}. Another sentence.") for n in range(9)]
    keys = [key for key, _ in analyse_stream(items, workers=2, rules_only=True, batch_size=2)]
    assert keys == [key for key, _ in items]


@pytest.mark.slow
@pytest.mark.model
def test_dask_local_cluster_matches_local_backend(tmp_path):
    run_extraction(CORPUS, tmp_path / "local", use_cache=False, workers=1, progress=False)
    run_extraction(CORPUS, tmp_path / "dask", use_cache=False, workers=2, batch_size=2,
                   backend="dask", progress=False)
    assert same_tables(tmp_path / "local", tmp_path / "dask")


def test_text_key_depends_on_every_character():
    assert text_key(" a") != text_key("a")


@pytest.mark.model
def test_streamed_run_matches_the_python_api(tmp_path):
    """run_extraction assembles the corpus slice by slice; extract_corpus does it in one go."""
    from analysis.assemble.tables import extract_corpus
    from analysis.corpus import load_corpus

    run_extraction(CORPUS, tmp_path / "streamed", use_cache=False, workers=1, slice_size=2,
                   progress=False)
    extract_corpus(load_corpus(CORPUS)).write(tmp_path / "whole")
    assert same_tables(tmp_path / "streamed", tmp_path / "whole")
    rounds = (tmp_path / "streamed" / "rounds.csv").read_text()
    assert "truce_days=30,60" in rounds  # terms survive the streaming


def test_the_default_pipeline_is_rules_only_and_the_model_an_option():
    """`--model NAME` selects a statistical model; without it the rules-only pipeline runs;
    `--rules-only` is still accepted (hidden from the help) so that old scripts keep working."""
    from analysis.cli import CliError, build_parser, selected_model
    from analysis.nlp import model_choice

    parser = build_parser()
    assert selected_model(parser.parse_args(["extract", "c", "--out", "o"])) is None
    assert selected_model(parser.parse_args(["extract", "c", "--out", "o", "--rules-only"])) \
        is None
    assert selected_model(parser.parse_args(["report", "--model", "en_core_web_sm"])) \
        == "en_core_web_sm"
    with pytest.raises(CliError):
        selected_model(parser.parse_args(["extract", "c", "--out", "o", "--rules-only",
                                          "--model", "en_core_web_sm"]))
    extract_help = parser._subparsers._group_actions[0].choices["extract"].format_help()
    assert "--model" in extract_help and "--rules-only" not in extract_help
    assert model_choice() is None and model_choice(rules_only=True) is None


def test_a_cached_rerun_imports_no_spacy_and_redoes_no_article(tmp_path):
    """The second run takes every article's NLP result and table rows from the cache: spaCy is
    not imported, dates are not inferred again, and the tables are the same bytes."""
    import subprocess
    import sys

    code = ("import sys; from analysis.batch.run import run_extraction; "
            "s = run_extraction(sys.argv[1], sys.argv[2], cache_dir=sys.argv[3], workers=1, "
            "progress=False); "
            "print(s.analysed, s.cached, 'spacy' in sys.modules, 'dateparser' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(CORPUS), str(tmp_path / out),
                            str(tmp_path / "cache")], capture_output=True, text=True,
                           check=True).stdout.split() for out in ("a", "b")]
    assert runs[0][:3] == ["5", "0", "True"]
    assert runs[1] == ["0", "5", "False", "False"]
    assert same_tables(tmp_path / "a", tmp_path / "b")


def test_stored_rows_are_recomputed_when_the_corpus_row_changes(tmp_path):
    """An article's stored rows depend on its corpus row too: a metadata date given later
    changes its documents row, its figures' report dates, and the rows are redone."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    first = next(iter(sorted(corpus.glob("*.txt"))))
    cache = tmp_path / "cache"
    run_extraction(corpus, tmp_path / "a", cache_dir=cache, workers=1, progress=False)
    (corpus / "metadata.csv").write_text(f"doc_id,date\n{first.stem},2024-05-02\n")
    summary = run_extraction(corpus, tmp_path / "b", cache_dir=cache, workers=1, progress=False)
    assert summary.analysed == 0
    fresh = tmp_path / "fresh"
    run_extraction(corpus, fresh, use_cache=False, workers=1, progress=False)
    assert same_tables(tmp_path / "b", fresh)
    assert "2024-05-02" in (tmp_path / "b" / "documents.csv").read_text()


def test_the_model_pipeline_finds_the_same_figures_on_the_samples(nlp, model_nlp):
    """What the statistical model adds on the bundled samples: nothing (marked `model` by the
    conftest hook, since it uses model_nlp)."""
    from analysis.assemble.tables import extract_corpus
    from analysis.corpus import load_corpus

    corpus = load_corpus(CORPUS)
    columns = ["doc_id", "metric", "population", "value", "start_char"]
    rules = extract_corpus(corpus, nlp=nlp).figures[columns]
    model = extract_corpus(corpus, nlp=model_nlp).figures[columns]
    assert rules.equals(model)


def test_round_items_are_set_aside_and_read_back_in_order():
    """What a run keeps for the rounds goes to a temporary file slice by slice (out of memory
    while the workers run) and comes back whole and in order; nothing kept is an empty list."""
    from analysis.batch.run import _SetAside

    kept = _SetAside()
    assert kept.take() == []
    for part in ([1, "a"], [], [{"kind": "phases", "value": 2}], [(3, None)]):
        kept.add(part)
    assert kept.take() == [1, "a", {"kind": "phases", "value": 2}, (3, None)]


def test_rounds_are_the_same_whatever_the_slices(tmp_path):
    """Round items are made slice by slice (analysis.assemble.rounds.round_items) and merged
    at the end: realnews-40 (real meetings across articles) gives the same tables, byte for
    byte, in slices of 7 articles as in one slice."""
    from tests.conftest import ROOT

    corpus = ROOT / "data" / "eval" / "realnews-40" / "corpus"
    for name, size in (("sliced", 7), ("whole", 512)):
        run_extraction(corpus, tmp_path / name, use_cache=False, workers=1, slice_size=size,
                       progress=False)
    assert same_tables(tmp_path / "sliced", tmp_path / "whole")
    assert len((tmp_path / "whole" / "rounds.csv").read_text().splitlines()) > 10


def test_the_first_chunk_keeps_its_words_and_later_chunks_free_theirs():
    """analysis.batch.parallel._zone (round 8): a process's first chunk adds its words to the
    vocabulary for good (later chunks need not make the common words again); every later
    chunk's new words are freed after it, so memory stays bounded; the results are the same
    either way."""
    import spacy

    from analysis.batch import parallel

    nlp = spacy.blank("en")
    strings = lambda: len(nlp.vocab.strings)  # noqa: E731
    before = strings()
    with parallel._zone(nlp):
        nlp("Hostages were freed in Gaza on Sunday.")
    kept = strings()
    with parallel._zone(nlp):
        nlp("Negotiators reconvened in Doha, Cairo and Paris yesterday.")
    assert before < kept == strings()
