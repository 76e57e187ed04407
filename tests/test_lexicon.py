"""The word lists: every file's keys match what the rules read, both ways (a missing key and
an unused one are errors), and the shared lists (months, number words) exist once."""

from __future__ import annotations

import ast
import functools
import json
import re

import pytest

from analysis.rules import lexicon
from tests.conftest import ROOT, syntax_tree

PACKAGE = ROOT / "analysis"


@functools.cache
def string_constants() -> frozenset[str]:
    """Every string literal in analysis/ outside the lexicon module itself (read once)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "lexicon.py":
            continue
        for node in ast.walk(syntax_tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return frozenset(found)


@pytest.mark.parametrize("name", sorted(lexicon.KEYS))
def test_every_file_has_exactly_the_keys_the_rules_read(name):
    lexicon.word_lists(name)  # raises LexiconError otherwise


@pytest.mark.parametrize("name", sorted(lexicon.KEYS))
def test_every_declared_key_is_read_by_some_rule(name):
    used = string_constants()
    unread = sorted(key for key in lexicon.KEYS[name] if key not in used and
                    name != "common_words.json")
    assert not unread, f"{name}: no rule reads {unread}; remove them from the file and KEYS"


def test_a_missing_or_an_unexpected_key_is_an_error(tmp_path):
    words = json.loads((lexicon.LEXICON_DIR / "figure_words.json").read_text(encoding="utf-8"))
    words["report_verbs"] = ["said"]
    del words["hedges"]
    (tmp_path / "figure_words.json").write_text(json.dumps(words), encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="missing key.s. hedges; unexpected key.s. "
                                                   "report_verbs"):
        lexicon.word_lists("figure_words.json", tmp_path)


def test_months_and_number_words_are_spelled_out_once():
    """No module but the lexicon spells out the month names or the number words."""
    spelled = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "lexicon.py":
            continue
        words = set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
        if {"september", "november", "february"} <= words:
            spelled.append(f"{path.name}: months")
        if {"seventeen", "nineteen"} <= words:
            spelled.append(f"{path.name}: number words")
    assert not spelled, spelled
    assert lexicon.MONTH_NAMES[8] == "september" and lexicon.MONTHS["sept"] == 9
