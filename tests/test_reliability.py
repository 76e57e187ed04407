"""One regression test per finding of the reliability review (../shared/reliability-findings.md,
issue 16), each named after what it protects. The finding's number is in the docstring.

Faults that need real processes (killed workers, full disks, concurrent runs) are in
tests/test_faults.py; the loader's fuzz test is in tests/test_fuzz_loader.py.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis import schema
from analysis.batch.cache import ResultCache, _checksum
from analysis.batch.publish import OutputError, OutputLock, clean_stale, publish
from analysis.batch.run import run_extraction
from analysis.corpus import CorpusError, load_corpus
from tests.conftest import CORPUS, ROOT, run_cli


def write(folder, files: dict):
    """Write `files` (name -> str or bytes) into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def rows(corpus) -> pd.DataFrame:
    """The documents table indexed by doc_id."""
    return corpus.table.set_index("doc_id")


def extract(corpus, out, **options):
    options = {"rules_only": True, "workers": 1, "use_cache": False, "progress": False,
               **options}
    return run_extraction(corpus, out, **options)


def cli(*args):
    """`python -m analysis ARGS`, run in this process (see conftest.run_cli)."""
    return run_cli(*args)


def one_line_error(result, *needles):
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


# ----------------------------------------------------------------------------- outputs

def test_a_second_run_into_a_locked_out_is_refused_not_interleaved(tmp_path):
    """#1: two extract runs into one --out corrupted each other's tables and both exited 0."""
    out = tmp_path / "out"
    extract(CORPUS, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with OutputLock(out.resolve()):
        with pytest.raises(OutputError, match=r"another run \(pid \d+\) is writing"):
            extract(CORPUS, out)
        one_line_error(cli("extract", CORPUS, "--out", out, "--rules-only", "--no-cache",
                           "--quiet", "--workers", "1"), "another run")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".out.*")), "no lock or staging left behind"


def test_a_failed_write_keeps_the_previous_tables_and_leaves_nothing(tmp_path, monkeypatch):
    """#17, #25: a write error mid-run left .partial files and a mix of old and new tables."""
    out = tmp_path / "out"
    extract(CORPUS, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = schema.write_csv

    def full_disk(frame, file, header=True):
        if "rounds" in frame.columns or "round_id" in frame.columns:
            raise OSError(28, "No space left on device")
        return real(frame, file, header)

    monkeypatch.setattr(schema, "write_csv", full_disk)
    with pytest.raises(OutputError, match="cannot write .*rounds.csv: no space left on device"):
        extract(write(tmp_path / "other", {"a.txt": "Talks in Doha."}), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out"]


def test_a_directory_in_the_way_of_a_table_does_not_mix_old_and_new(tmp_path):
    """#25: a folder named meetings.csv stopped the table-by-table renames half-way."""
    out = tmp_path / "out"
    extract(CORPUS, out)
    (out / "meetings.csv").unlink()
    (out / "meetings.csv").mkdir()
    extract(write(tmp_path / "new", {"n.txt": "Talks in Cairo."}), out)
    documents = pd.read_csv(out / "documents.csv", dtype=str)
    assert list(documents["doc_id"]) == ["n"] and (out / "meetings.csv").is_file()


def test_out_that_holds_other_files_is_not_replaced(tmp_path):
    """Publishing replaces the whole --out folder, so a folder with a corpus in it is refused."""
    folder = write(tmp_path / "mine", {"notes.txt": "keep me"})
    with pytest.raises(OutputError, match="holds other files than tables"):
        extract(CORPUS, folder)
    assert (folder / "notes.txt").read_text() == "keep me"


def test_stale_staging_folders_of_dead_runs_are_removed_or_reported(tmp_path):
    """#26: .OUT.staging-* folders of killed runs were never cleaned or mentioned."""
    dead = tmp_path / ".out.staging-999999999-abc"
    legacy = tmp_path / ".out.staging-9yxwoqij"
    dead.mkdir()
    legacy.mkdir()
    summary = extract(CORPUS, tmp_path / "out")
    assert not dead.exists() and legacy.exists()
    assert any("removed .out.staging-999999999-abc" in note for note in summary.notes)
    assert any("left by an earlier run" in note for note in summary.notes)


def test_a_run_killed_between_the_two_renames_gets_its_output_back(tmp_path):
    """#27: a kill between the renames of the fallback publish made OUT disappear."""
    previous = tmp_path / ".report.previous-999999999"
    previous.mkdir()
    (previous / "index.html").write_text("old report")
    notes = clean_stale(tmp_path / "report")
    assert (tmp_path / "report" / "index.html").read_text() == "old report"
    assert notes and "restored" in notes[0]


def test_publish_swaps_in_one_step(tmp_path):
    """#25, #27: the staging folder replaces OUT in one rename; nothing else is left."""
    out, staging = tmp_path / "out", tmp_path / ".out.staging-1-x"
    for folder, text in ((out, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "a.csv").write_text(text)
    publish(staging, out)
    assert (out / "a.csv").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_published_folders_have_the_usual_permissions(tmp_path):
    """#37: report folders were published 0700 (mkdtemp's mode)."""
    extract(CORPUS, tmp_path / "out")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o777 & ~umask


def test_output_folder_inside_the_corpus_is_not_read_back(tmp_path):
    """#31: --out inside the corpus made the next run read its own tables as exports."""
    corpus = write(tmp_path / "corpus", {"a.txt": "Talks in Doha.", "b.txt": "Talks in Cairo."})
    extract(corpus, corpus / "tables")
    summary = extract(corpus, corpus / "tables")
    assert (summary.documents, summary.ok) == (2, 2)
    assert any("tables/ not read: it is the output folder" in n for n in summary.notes)


# ----------------------------------------------------------------------------- workers, limits

def test_article_over_the_size_limit_is_rejected_and_the_others_extracted(tmp_path):
    """#3: one article over 1,000,000 characters aborted the whole run (spaCy E088)."""
    corpus = write(tmp_path / "c", {"big.txt": "Talks in Doha. " * 70000,
                                    "small.txt": "Talks in Cairo."})
    summary = extract(corpus, tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str,
                            keep_default_na=False).set_index("doc_id")
    assert (summary.ok, summary.rejected) == (1, 1)
    assert "article has 1,050,000 characters, more than the limit of 200,000" in \
        documents.loc["big", "error"]
    assert rows(load_corpus(corpus, max_chars=2_000_000)).loc["big", "status"] == "ok"


def test_an_article_the_nlp_fails_on_is_rejected_with_the_reason(tmp_path, monkeypatch):
    """#3 (the mechanism): an exception inside the NLP for one text rejects that article only."""
    from analysis import nlp as extract_module

    real = extract_module.analyse_doc

    def fragile(doc):
        if "poison" in doc.text:
            raise ValueError("cannot analyse this")
        return real(doc)

    monkeypatch.setattr(extract_module, "analyse_doc", fragile)
    corpus = write(tmp_path / "c", {"a.txt": "Talks in Doha.", "p.txt": "A poison text."})
    summary = extract(corpus, tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str,
                            keep_default_na=False).set_index("doc_id")
    assert (summary.ok, summary.rejected) == (1, 1)
    assert documents.loc["p", "error"] == \
        "p.txt: analysis failed (ValueError: cannot analyse this)"


@pytest.mark.parametrize("args, needle", [
    (["--workers", "-1"], "argument --workers: must be 0 or more"),
    (["--batch-size", "0"], "argument --batch-size: must be 1 or more"),
    (["--batch-size", "-3"], "argument --batch-size: must be 1 or more"),
    (["--max-chars", "0"], "argument --max-chars: must be 1 or more"),
])
def test_bad_counts_are_refused_before_any_work(tmp_path, args, needle):
    """#22: --workers -1 and --batch-size 0 or -3 ended in tracebacks."""
    result = cli("extract", CORPUS, "--out", tmp_path / "out", "--no-cache", *args)
    assert result.returncode == 2 and needle in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_unusable_paths_are_one_line_errors(tmp_path):
    """#23: a file as --cache-dir or --out, or --out under a file, ended in tracebacks."""
    a_file = tmp_path / "file"
    a_file.write_text("x")
    options = ["--rules-only", "--quiet", "--workers", "1"]
    one_line_error(cli("extract", CORPUS, "--out", tmp_path / "o", "--cache-dir", a_file,
                       *options), "--cache-dir", "is a file, not a folder")
    one_line_error(cli("extract", CORPUS, "--out", a_file, "--no-cache", *options),
                   "is a file, not a folder")
    one_line_error(cli("extract", CORPUS, "--out", a_file / "sub", "--no-cache", *options),
                   "is a file, not a folder")


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists("/usr/bin/setpriv"),
                    reason="needs root and setpriv to drop the capability that ignores modes")
def test_read_only_parent_of_out_is_a_one_line_error(tmp_path):
    """#23: --out in a read-only folder ended in PermissionError tracebacks."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable,
               "-m", "analysis", "extract", str(CORPUS), "--out", str(folder / "out"),
               "--no-cache", "--rules-only", "--quiet", "--workers", "1"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    one_line_error(result, "cannot write", "permission denied")
    report = [*command[:5], "report", "--out", str(folder / "report"), "--rules-only"]
    result = subprocess.run(report, cwd=ROOT, capture_output=True, text=True, timeout=300)
    one_line_error(result, "cannot write", "permission denied")


def test_report_never_replaces_a_folder_that_is_not_a_report(tmp_path):
    """#23 and the report's whole-folder publish: --out . or a data folder must be refused."""
    folder = write(tmp_path / "data", {"keep.txt": "precious"})
    one_line_error(cli("report", "--out", folder, "--rules-only"), "holds no report")
    one_line_error(cli("report", "--out", folder / "keep.txt", "--rules-only"),
                   "is a file, not a folder")
    assert (folder / "keep.txt").read_text() == "precious"


def test_missing_explicit_metadata_is_an_error(tmp_path):
    """#18: --metadata naming a file that does not exist was silently ignored."""
    corpus = write(tmp_path / "c", {"a.txt": "Talks in Doha."})
    with pytest.raises(CorpusError, match="metadata file not found"):
        load_corpus(corpus, metadata=tmp_path / "typo.csv")
    one_line_error(cli("extract", corpus, "--out", tmp_path / "out", "--no-cache",
                       "--metadata", tmp_path / "typo.csv"), "metadata file not found")
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- cache

def cache_with_rows(tmp_path, results: list[str]):
    """A cache whose one part holds `results` (raw JSON text) with valid checksums."""
    cache = ResultCache(tmp_path / "cache", "v1")
    cache.folder.mkdir(parents=True)
    keys = [f"k{n}" for n in range(len(results))]
    pq.write_table(pa.table({"key": keys, "result": results,
                             "checksum": [_checksum(r) for r in results]}),
                   cache.folder / "part-1-x.parquet")
    return cache, keys


def test_corrupt_cache_parts_are_set_aside_even_after_a_complete_part(tmp_path):
    """#4: a corrupt part sorting after a good one crashed every later run, never renamed."""
    cache = ResultCache(tmp_path, "v1")
    cache.put_many({"k": {"figures": []}})
    (cache.folder / "part-99999999999999999999-bad.parquet").write_bytes(os.urandom(300))
    (cache.folder / "part-99999999999999999998-zero.parquet").write_bytes(b"")
    (cache.folder / "part-99999999999999999997-dir.parquet").mkdir()
    fresh = ResultCache(tmp_path, "v1")
    assert fresh.get_many(["k"]) == {"k": {"figures": []}}
    assert len(fresh) == 1
    assert sorted(p.name for p in cache.folder.glob("*.damaged")) == [
        "part-99999999999999999998-zero.damaged", "part-99999999999999999999-bad.damaged"]


def test_results_of_code_edited_during_a_run_are_not_cached(tmp_path, capsys):
    """An edit during a run (the key was taken from the old files, the results may be the
    new code's, or the other way round) stops the saving, with a warning; reads go on."""
    edited = []
    cache = ResultCache(tmp_path, "v1", still_current=lambda: not edited)
    cache.put_many({"a": {"figures": []}})
    edited.append(True)
    assert cache.put_many({"b": {"figures": []}}) is None
    assert "the pipeline's code changed during the run" in capsys.readouterr().err
    assert ResultCache(tmp_path, "v1").get_many(["a", "b"]) == {"a": {"figures": []}}


def test_the_pipeline_version_is_taken_once_per_process(tmp_path, monkeypatch):
    """A later edit leaves the process's version (its code) alone and is seen as a change."""
    import analysis.nlp as nlp

    first = nlp.pipeline_version(None, True)
    monkeypatch.setattr(nlp, "files_version", lambda model=None, rules_only=False: "edited")
    assert nlp.pipeline_version(None, True) == first
    assert not nlp.code_unchanged(None, True)


@pytest.mark.parametrize("payload", ["not json", "null", '{"figures": 5}', "[1, 2]",
                                     '{"meetings": ["x"]}'])
def test_checksum_valid_but_ill_shaped_cache_rows_are_recomputed(tmp_path, payload):
    """#24: rows with a valid checksum but bad JSON or the wrong shape crashed the run."""
    cache, keys = cache_with_rows(tmp_path, [payload, '{"figures": []}'])
    assert cache.get_many(keys) == {"k1": {"figures": []}}
    assert cache.damaged == 1
    again = ResultCache(tmp_path / "cache", "v1")
    assert again.get_many(keys) == {"k1": {"figures": []}} and again.damaged == 0


def test_unwritable_cache_is_a_warning_and_the_tables_are_written(tmp_path, capsys):
    """#16: a full or unwritable cache aborted the extraction; it is only an optimisation."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    summary = extract(CORPUS, tmp_path / "out", use_cache=True, cache_dir=blocker / "cache")
    assert summary.ok == 5 and (tmp_path / "out" / "figures.csv").exists()
    assert "warning: cache not written" in capsys.readouterr().err


def test_temporary_cache_files_of_killed_runs_are_removed(tmp_path):
    """#26: dead .part-*.tmp files in the cache were never cleaned."""
    cache = ResultCache(tmp_path, "v1")
    cache.put_many({"k": {"figures": []}})
    dead, live = cache.folder / ".part-1-x.parquet.tmp", cache.folder / ".part-2-y.parquet.tmp"
    dead.write_bytes(b"half a part")
    live.write_bytes(b"being written")
    os.utime(dead, (1, 1))
    assert ResultCache(tmp_path, "v1").get_many(["k"]) == {"k": {"figures": []}}
    assert not dead.exists() and live.exists()


def test_cache_folders_are_created_private(tmp_path):
    """#34: cache rows are trusted on their checksum, so the cache must be private."""
    from analysis.batch.cache import shared_warning

    cache = ResultCache(tmp_path / "new" / "cache", "v1")
    cache.put_many({"k": {"figures": []}})
    for folder in (tmp_path / "new", tmp_path / "new" / "cache", cache.folder):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert "can be written by other users" in shared_warning(shared)
    assert shared_warning(cache.root) is None


# ----------------------------------------------------------------------------- loader

def test_one_cp1252_record_leaves_the_other_records_unchanged(tmp_path):
    """#5: one cp1252 record turned every other record's accents into mojibake, no note."""
    corpus = write(tmp_path / "c", {
        "e.jsonl": '{"id":"g","text":"Talks with Renée in Doha.","title":"Café"}\n'.encode()
        + b'{"id":"b","text":"caf\xe9 talks in Cairo"}\n',
        "e2.csv": "id,text\ng2,Renée met Burns.\n".encode() + b"b2,caf\xe9 talks\n"})
    table = rows(load_corpus(corpus))
    assert table.loc["g", "title"] == "Café" and table.loc["g", "note"] == ""
    assert "decoded as cp1252" in table.loc["b", "note"]
    assert table.loc["g2", "note"] == "" and "decoded as cp1252" in table.loc["b2", "note"]
    texts = {d.doc_id: d.text for d in load_corpus(corpus).documents}
    assert texts["g"] == "Talks with Renée in Doha." and texts["b"] == "café talks in Cairo"


def test_file_name_that_is_not_utf8_is_escaped_not_fatal(tmp_path):
    """#6: a file name that is not valid UTF-8 aborted the whole run."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("Talks in Doha.")
    (folder / "ok.txt").write_text("Talks in Cairo.")
    summary = extract(folder, tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str,
                            keep_default_na=False)
    assert summary.ok == 2 and "caf\\xe9" in set(documents["doc_id"])


def test_lone_surrogates_are_replaced_and_noted(tmp_path):
    """#7: a \\ud800 escape in a JSONL title, url or id aborted the run."""
    corpus = write(tmp_path / "c", {"e.jsonl": '{"id":"a","text":"Talks in Doha.",'
                                               '"title":"x\\ud800","url":"\\udfff"}\n'
                                               '{"id":"b\\ud800","text":"Talks \\udc00 in"}\n'})
    summary = extract(corpus, tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str,
                            keep_default_na=False).set_index("source_path")
    assert summary.ok == 2
    assert documents.loc["e.jsonl:1", "title"] == "x\ufffd"
    assert "lone surrogate \\ud800) in field title" in documents.loc["e.jsonl:1", "note"]
    assert "in field text" in documents.loc["e.jsonl:2", "note"]


@pytest.mark.parametrize("value", ["1e300", "Infinity", "-1e20", "-Infinity"])
def test_numeric_dates_out_of_range_are_noted_not_fatal(tmp_path, value):
    """#8: a numeric JSONL date out of range raised OverflowError and aborted the run."""
    corpus = write(tmp_path / "c", {"e.jsonl": f'{{"id":"a","text":"Talks.","date":{value}}}\n'
                                               '{"id":"b","text":"Talks in Cairo."}\n'})
    table = rows(load_corpus(corpus))
    assert list(table["status"]) == ["ok", "ok"] and "is not a date" in table.loc["a", "note"]


def test_metadata_in_cp1252_is_decoded_with_a_note(tmp_path):
    """#9: a metadata.csv that is not UTF-8 aborted the run with a traceback."""
    corpus = write(tmp_path / "c", {"a.txt": "Talks in Doha.",
                                    "metadata.csv": b"doc_id,title\na,caf\xe9\n"})
    corpus_ = load_corpus(corpus)
    assert rows(corpus_).loc["a", "title"] == "café"
    assert any("decoded as cp1252" in note for note in corpus_.notes)
    (corpus / "metadata.csv").write_bytes(b"doc_id,title\x00\n")
    with pytest.raises(CorpusError, match="metadata"):
        load_corpus(corpus)


def test_unicode_line_separators_inside_json_strings_stay_one_record(tmp_path):
    """#10: U+2028, U+2029 and U+0085 inside JSON strings split records in two."""
    corpus = write(tmp_path / "c", {"e.jsonl": '{"id":"a","text":"Burns met\u2028Barnea."}\n'
                                               '{"id":"b","text":"Talks\u0085in Doha\u2029."}\n'})
    table = rows(load_corpus(corpus))
    assert list(table.index) == ["a", "b"] and set(table["status"]) == {"ok"}
    assert list(table["source_path"]) == ["e.jsonl:1", "e.jsonl:2"]


def test_a_csv_field_over_the_csv_modules_limit_keeps_the_file(tmp_path):
    """#11: one field over 131,072 characters rejected the whole CSV export."""
    corpus = write(tmp_path / "c", {"e.csv": 'id,text\nbig,"' + "x " * 70000 + '"\n'
                                             "small,Talks in Doha.\n"})
    table = rows(load_corpus(corpus))
    assert list(table["status"]) == ["ok", "ok"]


def test_chart_labels_with_dollar_signs_are_plain_text():
    """#12: a name with two '$' turned chart labels into mathtext, which raised."""
    import matplotlib.pyplot as plt

    import analysis.present.charts  # noqa: F401 - sets the rc parameter

    figure, axes = plt.subplots()
    axes.barh(["Ali $x_{$ Baraka", "$5 million and $10 million"], [1, 2])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_text_cells_with_carriage_returns_round_trip(tmp_path):
    """#13: a bare \\r in a cell was written unquoted and split the row when read back."""
    corpus = write(tmp_path / "c", {"e.jsonl": '{"id":"a","text":"Talks in Doha.",'
                                               '"title":"line1\\rline2"}\n'
                                               '{"id":"b","text":"Talks in Cairo.","title":"t"}\n'})
    extract(corpus, tmp_path / "out")
    back = schema.read_table(tmp_path / "out" / "documents.csv")
    assert list(back["title"]) == ["line1\rline2", "t"]
    assert len(pd.read_csv(tmp_path / "out" / "documents.csv")) == 2


def test_a_nul_byte_rejects_only_its_record(tmp_path):
    """#14: one NUL byte in one record rejected the whole export as binary."""
    corpus = write(tmp_path / "c", {
        "e.jsonl": b'{"id":"g1","text":"Talks in Doha."}\n{"id":"g2","text":"Talks in Cairo."}\n'
                   b'{"id":"n","text":"a\x00b"}\n',
        "e.csv": b'id,text\nc1,Talks in Paris.\nc2,"bad\x00"\nc3,Talks in Rome.\n'})
    table = load_corpus(corpus).table.set_index("source_path")
    assert table["status"].to_dict() == {
        "e.csv:2": "ok", "e.csv:3": "rejected", "e.csv:4": "ok",
        "e.jsonl:1": "ok", "e.jsonl:2": "ok", "e.jsonl:3": "rejected"}
    assert "contains NUL bytes" in table.loc["e.jsonl:3", "error"]


def test_formula_like_cells_are_inert_and_read_back_unchanged(tmp_path):
    """#15: cells starting with = + - @ ran as formulas when the CSVs were opened."""
    corpus = write(tmp_path / "c", {"e.jsonl": '{"id":"=1+2","title":"=HYPERLINK(\\"x\\")",'
                                               '"url":"@SUM(1)","date":"2024-01-28","text":'
                                               '"+SUM(1+1) At least 26,422 Palestinians have '
                                               'been killed in Gaza, the ministry said."}\n'})
    extract(corpus, tmp_path / "out")
    for path in (tmp_path / "out").glob("*.csv"):
        for row in csv.reader(path.open(encoding="utf-8", newline="")):
            assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), path
    back = schema.read_table(tmp_path / "out" / "documents.csv")
    assert (back.loc[0, "doc_id"], back.loc[0, "url"]) == ("=1+2", "@SUM(1)")
    figures = schema.read_table(tmp_path / "out" / "figures.csv")
    assert figures["sentence"].str.startswith("+SUM(1+1)").all()


def test_symlinks_out_of_the_corpus_are_rejected_with_a_reason(tmp_path):
    """#20: a symlinked file pointing outside the corpus (/etc/passwd) was read."""
    secret = write(tmp_path / "elsewhere", {"secret.txt": "Private notes."}) / "secret.txt"
    corpus = write(tmp_path / "c", {"a.txt": "Talks in Doha.", "inside.txt": "Talks in Rome."})
    (corpus / "passwd.txt").symlink_to(secret)
    (corpus / "again.txt").symlink_to(corpus / "inside.txt")
    table = rows(load_corpus(corpus))
    assert table.loc["passwd", "status"] == "rejected"
    assert "symbolic link to a file outside the corpus folder" in table.loc["passwd", "error"]
    # a link inside the corpus is read (so the file it points to is a duplicate of it)
    assert (table.loc["again", "status"], table.loc["inside", "status"]) == ("ok", "duplicate")


def test_unreadable_folders_and_broken_links_get_a_row(tmp_path, monkeypatch):
    """#28: unreadable folders and dangling symlinks were skipped with no row."""
    corpus = write(tmp_path / "c", {"ok.txt": "Talks in Doha.", "locked/in.txt": "Talks."})
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    table = rows(load_corpus(corpus))
    assert "folder not readable" in table.loc["locked", "error"]
    assert "broken symbolic link" in table.loc["dangling", "error"]
    assert table.loc["ok", "status"] == "ok"


def test_metadata_duplicates_and_unknown_ids_are_noted(tmp_path):
    """#29: duplicate metadata rows, unknown ids and a sub-folder metadata.csv were silent."""
    corpus = write(tmp_path / "c", {
        "a.txt": "Talks in Doha.",
        "metadata.csv": "doc_id,date,title\na,2024-02-30,First\nunknown,2024-01-01,x\n"
                        "a,2024-01-05,Dup row\n",
        "sub/metadata.csv": "doc_id,date\na,2024-01-01\n"})
    loaded = load_corpus(corpus)
    row = rows(loaded).loc["a"]
    assert (row["report_date"], row["title"]) == ("2024-01-05", "Dup row")
    assert "metadata.csv has 2 rows for a; used the last" in row["note"]
    assert any("1 metadata.csv row matches no article: 'unknown'" in n for n in loaded.notes)
    assert any("sub/metadata.csv not used" in n for n in loaded.notes)


def test_duplicate_csv_columns_use_the_first_with_a_note(tmp_path):
    """#30: with two text or date columns, the last one silently won."""
    corpus = write(tmp_path / "c", {"e.csv": "id,text,text,date,date\n"
                                             "d1,first text about Doha,second text,2024-01-28,"
                                             "2030-01-01\n"})
    loaded = load_corpus(corpus)
    assert loaded.documents[0].text == "first text about Doha"
    row = rows(loaded).loc["d1"]
    assert row["report_date"] == "2024-01-28"
    assert "column 'text' appears 2 times; used the first" in row["note"]


def test_utf16_file_with_a_byte_order_mark_is_decoded(tmp_path):
    """#32: a UTF-16 file (Windows Notepad "Unicode") was rejected as binary."""
    corpus = write(tmp_path / "c", {"u.txt": "Talks in Doha.\n".encode("utf-16"),
                                    "e.jsonl": '{"id":"j","text":"Talks in Rome."}\n'
                                               .encode("utf-16")})
    loaded = load_corpus(corpus)
    assert {d.doc_id: d.text.strip() for d in loaded.documents} == {
        "u": "Talks in Doha.", "j": "Talks in Rome."}
    assert "UTF-16 text" in rows(loaded).loc["u", "note"]


def test_binary_file_without_nul_bytes_is_rejected(tmp_path):
    """#35: a PNG header plus random bytes (no NUL) was accepted as an article."""
    noise = bytes(range(1, 32)) * 20
    corpus = write(tmp_path / "c", {"png.txt": b"\x89PNG\r\n\x1a\n" + noise,
                                    "noise.txt": noise, "ok.txt": "Talks\x1a in Doha.\t\f"})
    table = rows(load_corpus(corpus))
    assert "binary file" in table.loc["png", "error"]
    assert "binary file" in table.loc["noise", "error"]
    assert table.loc["ok", "status"] == "ok"


def test_csv_source_path_is_the_records_first_line(tmp_path):
    """#36: a CSV record's source_path was its record number + 1, not its line."""
    corpus = write(tmp_path / "c", {"e.csv": 'id,text\nq1,"Talks in\nDoha."\n\nq2,Talks.\n'})
    assert list(rows(load_corpus(corpus))["source_path"]) == ["e.csv:2", "e.csv:5"]


def test_report_dates_outside_the_war_are_noted(tmp_path):
    """#38: header dates far outside the war (1990, 2099) were accepted with no note."""
    corpus = write(tmp_path / "c", {"a.txt": "date 1990-03-09 Talks in Doha.",
                                    "b.txt": "date 2099-03-09 Talks in Cairo.",
                                    "c.txt": "date 2024-03-09 Talks in Rome."})
    table = rows(load_corpus(corpus))
    assert "before the war began on 2023-10-07" in table.loc["a", "note"]
    assert "is in the future" in table.loc["b", "note"]
    assert table.loc["c", "note"] == ""


def test_a_named_pipe_in_the_corpus_is_rejected_not_read(tmp_path):
    """Found while fixing #28: reading a FIFO named *.txt would block the run forever."""
    corpus = write(tmp_path / "c", {"a.txt": "Talks in Doha."})
    os.mkfifo(corpus / "pipe.txt")
    table = rows(load_corpus(corpus))
    assert "not a regular file" in table.loc["pipe", "error"]
    assert table.loc["a", "status"] == "ok"
