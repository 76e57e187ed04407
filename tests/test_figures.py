"""Figure extraction: a table of hand-written sentences (tests/figure_cases.tsv) through the real
model pipeline, plus fast rule-only checks on ``build_pipeline(rules_only=True)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.rules.figures import METRICS, POPULATIONS, QUALIFIERS, canonical_source

CASES_PATH = Path(__file__).with_name("figure_cases.tsv")


def load_cases() -> list[tuple[str, list[tuple]]]:
    cases = []
    for line in CASES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expected = line.split("\t")
        sentence = sentence.replace("\\n", "\n")  # a key-figures box: label, then value line
        rows = []
        if expected.strip() != "-":
            for item in expected.split(";"):
                metric, population, value, qualifier, *flags = item.split()
                rows.append((metric, population, int(value), qualifier, *flags))
        cases.append((sentence, rows))
    return cases


CASES = load_cases()


def _flags(row: dict) -> tuple:
    """The table's extra tokens: ``group:children`` for a sub-count (spaces as underscores),
    ``vague`` for an amount without a number; none for a whole count."""
    flags = () if row["group"] == "all" else ("group:" + row["group"].replace(" ", "_"),)
    return flags + (("vague",) if row["vague"] else ())


def _rows(doc) -> list[tuple]:
    return [(r["metric"], r["population"], r["value"], r["qualifier"], *_flags(r))
            for r in doc._.figures]


def test_case_table_is_large_and_valid():
    assert len(CASES) >= 60
    assert sum(1 for _, rows in CASES if not rows) >= 15
    for _, rows in CASES:
        for metric, population, _, qualifier, *flags in rows:
            assert metric in METRICS and population in POPULATIONS and qualifier in QUALIFIERS
            assert all(f == "vague" or f.startswith("group:") for f in flags)


@pytest.mark.model
@pytest.mark.parametrize("sentence,expected", CASES,
                         ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_sentence_table(nlp, sentence, expected):
    doc = nlp(sentence)
    assert sorted(_rows(doc)) == sorted(expected)
    for row in doc._.figures:
        assert doc.text[row["start_char"]:row["end_char"]] == row["quote"]


def test_rules_only_corpus_offsets(rules_nlp):
    from analysis.corpus import load_corpus

    root = Path(__file__).resolve().parents[1]
    for document in load_corpus(root / "data" / "corpus").documents:
        doc = rules_nlp(document.text)
        for row in doc._.figures:
            assert document.text[row["start_char"]:row["end_char"]] == row["quote"]
            assert row["quote"] in row["sentence"]


@pytest.mark.parametrize("sentence,expected", [
    ("Some 1,200 people were killed on Oct. 7.", [("killed", "israeli", 1200, "approx")]),
    ("At least 34,844 people have been killed in Gaza, the health ministry said.",
     [("killed", "palestinian", 34844, "lower_bound")]),
    ("132 hostages are still held in Gaza, 28 of whom have died.",
     [("hostages_held", "israeli", 132, "exact"), ("hostages_dead", "israeli", 28, "exact")]),
    ("Hamas would free 40 hostages under the proposal.", []),
    ("About 85% of Gaza's population has been displaced.", []),
])
def test_rules_only_sentences(rules_nlp, sentence, expected):
    assert _rows(rules_nlp(sentence)) == expected


def test_hedge_scopes_over_its_number_only(rules_nlp):
    rows = _rows(rules_nlp("Israel's offensive has killed at least 30,000 people in Gaza and "
                           "wounded 70,000, the ministry said."))
    assert rows == [("killed", "palestinian", 30000, "lower_bound"),
                    ("injured", "palestinian", 70000, "exact")]


def test_bounds_ranges_and_vague_amounts(rules_nlp):
    doc = rules_nlp("Between 20 and 30 hostages are believed to have died in captivity.")
    (row,) = doc._.figures
    assert (row["value"], row["low"], row["high"], row["qualifier"]) == (20, 20, 30, "lower_bound")
    doc = rules_nlp("Tens of thousands of Palestinians have been killed in Gaza.")
    (row,) = doc._.figures
    assert (row["value"], row["low"], row["qualifier"]) == (10000, 10000, "lower_bound")
    doc = rules_nlp("Nearly 31,000 Palestinians have been killed in Gaza.")
    (row,) = doc._.figures
    assert (row["high"], row["low"], row["qualifier"]) == (31000, None, "upper_bound")


def test_scope_and_attribution(rules_nlp):
    doc = rules_nlp("Hamas-led militants killed about 1,200 people on Oct. 7, Israeli officials "
                    "said. Israel's offensive has since killed 26,422 people, according to the "
                    "Ministry of Health of the Hamas-ruled territory.")
    rows = {r["population"]: r for r in doc._.figures}
    assert rows["israeli"]["scope"] == "event"
    assert rows["israeli"]["attributed_to"] == "Israeli officials"
    assert rows["palestinian"]["scope"] == "cumulative"
    assert rows["palestinian"]["attributed_to"] == "Gaza Health Ministry"


def test_duplicate_statements_give_one_row(rules_nlp):
    doc = rules_nlp("Hamas took 240 captives. Later, the army said Hamas took 240 captives.")
    assert len(doc._.figures) == 1


@pytest.mark.parametrize("phrase,canonical", [
    ("Health authorities in Gaza", "Gaza Health Ministry"),
    ("the Hamas-run health ministry", "Gaza Health Ministry"),
    ("the UN", "UN"),
    ("the Israeli military", "Israeli military"),
    ("Israeli officials", "Israeli officials"),
    ("the weather", None),
])
def test_canonical_sources(phrase, canonical):
    assert canonical_source(phrase) == canonical


def test_line_breaks_end_sentences_unless_hard_wrapped(rules_nlp):
    teaser = ("Israeli attacks kill 62 across Gaza\n\nlist 1 of 2\nIsrael kills dozens in Rafah\n"
              "list 2 of 2\nThe war has killed at least 60,933 Palestinians since October 2023.")
    rows = _rows(rules_nlp(teaser))
    assert rows == [("killed", "palestinian", 60933, "lower_bound")]
    from analysis.rules.figures.document import _hard_wrapped

    wrapped = "\n".join(["The Gaza Health Ministry said on Sunday that at least 35,173 people"] * 8)
    assert _hard_wrapped(wrapped) and not _hard_wrapped(teaser)


def test_sub_counts_and_vague_amounts_are_kept_flagged(rules_nlp):
    doc = rules_nlp("Israel's offensive has killed 30,000 people in Gaza since October, "
                    "including 12,300 children, and hundreds of Palestinians have been killed "
                    "in the West Bank since the war began.")
    rows = {(r["value"], r["group"], r["vague"]) for r in doc._.figures}
    assert rows == {(30000, "all", False), (12300, "children", False), (100, "all", True)}


def test_whole_figures_leave_out_sub_counts_and_vague_amounts(tmp_path):
    import pandas as pd

    from analysis import schema

    frame = pd.DataFrame({"doc_id": ["a"] * 3, "metric": ["killed"] * 3, "value": [1, 2, 3],
                          "group": ["all", "children", "all"], "vague": [False, False, True]})
    path = schema.write_table(frame, "figures", tmp_path)
    written = schema.read_table(path)
    assert written["vague"].tolist() == ["false", "false", "true"]
    assert schema.whole_figures(written)["value"].tolist() == [1]
    from analysis.evaluate import score_figures

    gold = pd.DataFrame({"doc_id": ["a"], "metric": ["killed"], "population": [""],
                         "value": [1], "qualifier": [""]})
    written["population"], written["qualifier"] = "", ""
    assert score_figures(gold, written).precision == 1.0
