"""The pattern store (analysis.rules.pattern_store): patterns read back from it are the ones
`re` compiles, the timeline's analyses read back are the ones computed, and a damaged or
foreign store is ignored."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from analysis.rules import pattern_store, timeline, timeline_match

PATTERNS = [
    (r"(?<![\w'’])(?:killed|dead)(?![\w'’]|-\w)", re.IGNORECASE),
    (r"(?P<day>\d{1,2})\s+(?P<month>Jan|Feb)(?:uary)?\b", 0),
    (r"^\s*(?:[-–—•*·]\s*)?(?P<label>[A-Za-z][^:\n]{3,90}?)\s*:\s*(?P<value>.+)$", re.M),
    (r"(a)(b)?\2", 0),
    (b"[\x00-\x7f]+", 0),
    (r"(?x) a  b  # a comment", 0),
]
TEXTS = ["Killed: 1,200", "on 12 Jan 2024 and 3 February", "ab", "a dead-end, 40 dead",
         "- Hostages still held: 59\nnote"]


def _same(one: re.Pattern, other: re.Pattern) -> None:
    assert (one.pattern, one.flags, one.groups, dict(one.groupindex)) == \
        (other.pattern, other.flags, other.groups, dict(other.groupindex))
    for text in TEXTS:
        subject = text.encode() if isinstance(one.pattern, bytes) else text
        assert [m.span() for m in one.finditer(subject)] == \
            [m.span() for m in other.finditer(subject)]


@pytest.fixture
def store_folder(tmp_path, monkeypatch):
    pattern_store.uninstall()
    monkeypatch.setattr(pattern_store, "WORTH_WRITING", 0.0)  # (a few small patterns)
    yield tmp_path
    pattern_store.uninstall()


def test_patterns_read_back_from_the_store_are_the_ones_re_compiles(store_folder):
    plain = [re._compiler.compile(p, f) for p, f in PATTERNS]
    assert pattern_store.install(store_folder)
    first = [re._compiler.compile(p, f) for p, f in PATTERNS]
    pattern_store.uninstall()  # (written at exit; here by hand)
    assert (store_folder / pattern_store.NAME).exists()
    assert pattern_store.install(store_folder)
    assert pattern_store.STORE.entries  # read back
    again = [re._compiler.compile(p, f) for p, f in PATTERNS]
    assert pattern_store.STORE.added == 0
    for one, two, three in zip(plain, first, again):
        _same(one, two)
        _same(one, three)


def test_the_timeline_analyses_read_back_are_the_ones_computed(store_folder):
    events = timeline.load()[:40]
    computed = [(timeline._literals(e.phrases.pattern), timeline_match._alternatives(
        e.phrases.pattern)) for e in events]
    assert pattern_store.install(store_folder)
    for _ in range(2):  # stored, then read back
        assert [(timeline.literals(e.phrases.pattern), timeline_match.alternatives(
            e.phrases.pattern)) for e in events] == computed
        pattern_store.uninstall()
        pattern_store.install(store_folder)
    guarded = timeline_match.guarded(re.compile(r"\bsix\s+hostages|(?:Sharm|20)\s+x", re.I))
    assert guarded.pattern == '(?=[sS2])(?:\\bsix\\s+hostages|(?:Sharm|20)\\s+x)'


def test_a_damaged_or_foreign_store_is_ignored(store_folder):
    path = store_folder / pattern_store.NAME
    path.write_bytes(b"not a store")
    assert pattern_store.install(store_folder)
    assert pattern_store.STORE.entries == {}
    _same(re._compiler.compile(*PATTERNS[0]), re.compile(PATTERNS[0][0] + "", PATTERNS[0][1]))
    pattern_store.uninstall()
    path.write_bytes(__import__("marshal").dumps((("another python",), {("re", "x", 0): 1})))
    assert pattern_store.install(store_folder)
    assert pattern_store.STORE.entries == {}


def test_the_command_line_can_run_without_the_store():
    done = subprocess.run([sys.executable, "-c", "import os; os.environ["
                           "'HOSTAGE_TALKS_PATTERN_STORE'] = 'off'; from analysis.rules import "
                           "pattern_store; print(pattern_store.install())"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_store_is_written_only_when_its_new_patterns_were_worth_it(tmp_path):
    """Patterns that cost less to compile than writing the store costs (made anew in every
    process, as the standard library's tokenize pattern is) leave the file as it was."""
    pattern_store.uninstall()
    assert pattern_store.install(tmp_path)
    re._compiler.compile(r"a(?:b|c)d", 0)
    pattern_store.uninstall()
    assert not (tmp_path / pattern_store.NAME).exists()



def test_a_remembered_result_is_made_anew_when_its_module_changes(store_folder, tmp_path):
    """An analysis kept in the store is keyed by the source of the module that computes it:
    after an edit of that module, the store's old result is not used."""
    module = tmp_path / "analyser.py"
    module.write_text("# version 1\n")
    calls = []
    compute = eval(compile("lambda: calls.append(1) or len(calls)", str(module), "eval"),
                   {"calls": calls})
    assert pattern_store.install(store_folder)
    assert pattern_store.remembered("test.kind", "key", compute) == 1
    assert pattern_store.remembered("test.kind", "key", compute) == 1  # (kept)
    module.write_text("# version 2\n")
    pattern_store._source_stamp.cache_clear()
    assert pattern_store.remembered("test.kind", "key", compute) == 2  # (made anew)
