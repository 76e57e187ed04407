"""The command line: help everywhere, clear one-line errors, deterministic tables."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import CORPUS, ROOT, run_cli

TABLES = ["documents.csv", "figures.csv", "meetings.csv", "rounds.csv",
          "figures_vs_reference.csv"]


def python_m_analysis(*args):
    """`python -m analysis ARGS` in a fresh process (its own hash seed, nothing imported)."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_python_m_analysis_runs_the_command_line_in_a_fresh_process(tmp_path):
    """The one real `python -m analysis` of the fast tests (the others call the same `main`
    in this process, see conftest.run_cli): the entry point, its exit codes and streams."""
    result = python_m_analysis("--help")
    assert result.returncode == 0
    assert "usage: python -m analysis" in result.stdout
    result = python_m_analysis("extract", tmp_path / "missing", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["extract"], ["evaluate"], ["report"]])
def test_help_on_every_subcommand(command):
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "usage: python -m analysis" in result.stdout


@pytest.mark.parametrize("make_corpus, message", [
    (lambda tmp: tmp / "missing", "does not exist"),
    (lambda tmp: tmp, "no articles in"),
])
def test_bad_corpus_exits_2_with_one_line(tmp_path, make_corpus, message):
    result = run_cli("extract", make_corpus(tmp_path), "--out", tmp_path / "out", "--no-cache")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.model
def test_extract_twice_gives_byte_identical_tables(tmp_path):
    for run in ("a", "b"):
        result = python_m_analysis("extract", CORPUS, "--out", tmp_path / run, "--no-cache",
                                   "--quiet")
        assert result.returncode == 0, result.stderr
    for name in TABLES:
        first, second = (tmp_path / "a" / name).read_bytes(), (tmp_path / "b" / name).read_bytes()
        assert first == second, name
    documents = pd.read_csv(tmp_path / "a" / "documents.csv", dtype=str, keep_default_na=False)
    assert len(documents) == 5
    header = documents[documents["date_source"] == "header"]
    assert dict(zip(header["doc_id"], header["report_date"])) == {
        "000_82d95582873b50a0": "2024-03-09", "002_36148e0cbc528e91": "2024-01-25"}


def test_one_bad_article_does_not_stop_the_others(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Hamas released 50 hostages during the truce.",
                                     encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = run_cli("extract", corpus, "--out", tmp_path / "out", "--rules-only", "--no-cache",
                     "--quiet")
    assert result.returncode == 0, result.stderr
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str,
                            keep_default_na=False).set_index("doc_id")
    assert documents.loc["good", "status"] == "ok"
    assert documents.loc["bad", "status"] == "rejected"
    assert "binary file" in documents.loc["bad", "error"]
