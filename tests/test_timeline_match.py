"""The one-pass timeline search (analysis/rules/timeline_match.py) finds exactly what the
per-row loop found: every row's pattern run around each of its keys, found with ``str.find``
key by key (``timeline.Event.finditer``), offices and holidays over the whole text.

The texts: phrases made from every row's own pattern (a few per alternative, in varied
sentences, in upper case, run together so that windows of several rows overlap, and with the
characters that make the literal tests step aside), the bundled articles, and fixed edge
cases."""

from __future__ import annotations

import pickle
import random
import re
import sys
from pathlib import Path

import pytest

from analysis.rules import timeline
from analysis.rules import timeline_match as tm

try:
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent


# --- the per-row loop, as it was ----------------------------------------------------------

def old_events(text: str) -> list[dict]:
    found, lower = [], text.lower()
    for event in timeline.load():
        if event.kind in ("office", "holiday", "hostages", "released"):
            continue
        for k, match in enumerate(event.finditer(text, lower)):
            if k == timeline.MAX_MENTIONS:
                break
            found.append(timeline._mention(event, match, "event"))
    return found


def old_offices(text: str) -> list[dict]:
    found, lower = [], text.lower()
    for event in timeline.load():
        if event.kind != "office" or event.titles is None or (
                event.keys is not None and not any(k in lower for k in event.keys)):
            continue
        match = timeline._office_match(event, text)
        if match:
            found.append(timeline._mention(event, match, "office"))
    return found


def holiday_matches(text: str, patterns) -> list[tuple]:
    return [(name, m.span(), m.group(0)) for name, pattern in patterns.items()
            for m in pattern.finditer(text)] + [
        (name, m.span()) for name, pattern in patterns.items()
        if (m := pattern.search(text))]


OLD_HOLIDAYS = {e.event.lower(): e.phrases for e in timeline.load() if e.kind == "holiday"}


def same_as_the_loop(text: str) -> None:
    assert timeline.find_events(text) == old_events(text), text[:300]
    assert timeline.find_offices(text) == old_offices(text), text[:300]
    assert holiday_matches(text, timeline.holiday_patterns()) == \
        holiday_matches(text, OLD_HOLIDAYS), text[:300]


# --- phrases made from each row's pattern ---------------------------------------------------

CATEGORY_CHAR = {_c.CATEGORY_DIGIT: "7", _c.CATEGORY_NOT_DIGIT: "a", _c.CATEGORY_SPACE: " ",
                 _c.CATEGORY_NOT_SPACE: "a", _c.CATEGORY_WORD: "a", _c.CATEGORY_NOT_WORD: " "}


def example(items, rng: random.Random) -> str:
    """A string the parsed sequence `items` probably matches (random choices)."""
    out = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(chr(arg))
        elif op is _c.NOT_LITERAL or op is _c.ANY:
            out.append("x" if arg != ord("x") else "y")
        elif op is _c.IN:
            out.append(class_char(arg))
        elif op is _c.BRANCH:
            out.append(example(rng.choice(arg[1]), rng))
        elif op is _c.SUBPATTERN:
            out.append(example(arg[3], rng))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high = arg[0], min(arg[1], arg[0] + 2)
            out += [example(arg[2], rng) for _ in range(rng.randint(low, max(low, high)))]
    return "".join(out)


def class_char(items) -> str:
    if items and items[0][0] is _c.NEGATE:
        return " " if not any(o is _c.CATEGORY and a is _c.CATEGORY_SPACE for o, a in items) \
            else "a"
    op, arg = items[0]
    return chr(arg) if op is _c.LITERAL else chr(arg[0]) if op is _c.RANGE else \
        CATEGORY_CHAR.get(arg, "a")


def row_examples(seed: int = 17, per_alternative: int = 3) -> list[tuple[int, str]]:
    """(row index, phrase) for every row of the timeline, a few per alternative."""
    rng, out = random.Random(seed), []
    for index, event in enumerate(timeline.load()):
        for part in tm.alternatives(event.phrases.pattern):
            for _ in range(per_alternative):
                out.append((index, example(_parser.parse(part, re.IGNORECASE), rng)))
    return out


CONTEXTS = ["{}", "On Monday, after {}, officials said.", "(“{}”)", "Reporting on {}, "
            "the agency added that talks would resume.", "{}s and more", "x{}x"]


def office_examples(seed: int = 23) -> list[str]:
    """Office holders named with their titles, before the name and after it, and with a
    word before the title that says the person no longer holds it."""
    rng, out = random.Random(seed), []
    for event in timeline.load():
        if event.kind != "office" or event.titles is None:
            continue
        for _ in range(3):
            title = example(_parser.parse(event.titles.pattern), rng)
            name = example(_parser.parse(event.phrases.pattern, re.IGNORECASE), rng)
            out += [f"{title} {name} said", f"{name}, the {title}, said",
                    f"former {title} {name} said"]
    return out


def example_texts() -> list[str]:
    rng = random.Random(5)
    phrases = [phrase for _, phrase in row_examples()] + office_examples()
    texts = [rng.choice(CONTEXTS).format(p) for p in phrases]
    texts += [p.upper() for p in phrases[::7]]
    # several rows' phrases in one text: windows of several rows overlap and merge
    shuffled = phrases[:]
    rng.shuffle(shuffled)
    texts += [" ".join(rng.choice(CONTEXTS).format(p) for p in shuffled[i:i + 12])
              for i in range(0, len(shuffled), 12)]
    # characters re folds onto ASCII letters (the literal tests step aside)
    texts += [f"{p} İstanbul ſ ı" for p in phrases[::11]]
    texts += [p.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a") for p in phrases[::5]]
    return texts


def test_most_made_phrases_match_their_own_row():
    events = timeline.load()
    made = [(i, p) for i, p in row_examples() if events[i].kind not in ("hostages", "released")]
    matched = sum(bool(events[i].phrases.search(p)) for i, p in made)
    assert matched >= 0.6 * len(made), (matched, len(made))


def test_events_offices_and_holidays_are_found_as_by_the_per_row_loop():
    texts = example_texts()
    assert len(texts) > 1000
    for text in texts:
        same_as_the_loop(text)
    assert sum(bool(timeline.find_events(t)) for t in texts) > 300
    assert sum(bool(timeline.find_offices(t)) for t in texts) > 50


def test_the_bundled_articles_give_what_the_loop_gave():
    for path in sorted((ROOT / "data" / "corpus").glob("*.txt")):
        same_as_the_loop(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "", "the", "Israel " * 300, "İ" * 5 + " the rescue of four hostages in Nuseirat",
    "the rescue of four hostages in Nuseirat " + "x" * 600 + " rescue of four hostages",
    "CIA Director William Burns and former CIA Director William Burns",
    "Antony Blinken, the US Secretary of State, said. Ramadan begins Monday. Passover, Pesach.",
])
def test_edge_cases_give_what_the_loop_gave(text):
    same_as_the_loop(text)


# --- the parts ------------------------------------------------------------------------------

def test_the_scanner_finds_every_occurrence_as_str_find_does():
    rng = random.Random(3)
    keys = ["ab", "abc", "bca", "ca", "aaa", "c a", "rafah", "rafah crossing", "crossing"]
    scanner = tm.KeyScanner(keys)
    for _ in range(300):
        text = "".join(rng.choice("abc ") for _ in range(rng.randint(0, 60)))
        text += rng.choice(["", " rafah crossing", "rafah"])
        found = scanner.occurrences(text)
        for key in keys:
            expected, at = [], text.find(key)
            while at >= 0:
                expected.append(at)
                at = text.find(key, at + 1)
            assert found.get(key, []) == expected, (text, key)


def test_windows_are_those_of_the_per_row_loop():
    event = next(e for e in timeline.load() if e.keys and len(e.keys) > 2)
    text = " ".join(event.keys) * 3 + "." * 700 + event.keys[0]
    hits = tm.KeyScanner(event.keys).occurrences(text)
    assert tm.windows(hits, event.keys) == timeline._windows(text, event.keys)


def test_a_rows_alternatives_match_what_its_pattern_matches():
    made = row_examples(per_alternative=1)
    for index, event in enumerate(timeline.load()):
        parts = tm.alternatives(event.phrases.pattern)
        joined = re.compile("|".join(f"(?:{p})" for p in parts), event.phrases.flags)
        guarded = tm.guarded(event.phrases)
        for _, phrase in [x for x in made if x[0] == index]:
            text = f"Said {phrase}; and {phrase.upper()}"
            expected = [m.span() for m in event.phrases.finditer(text)]
            assert [m.span() for m in joined.finditer(text)] == expected, event.event
            assert [m.span() for m in guarded.finditer(text)] == expected, event.event


def test_the_requirement_holds_in_every_match():
    """Every match of a row's alternative holds the literals its requirement names."""
    events = timeline.load()
    for index, phrase in row_examples():
        for part in tm.alternatives(events[index].phrases.pattern):
            need = tm.requirement(part)
            match = re.search(part, phrase, re.IGNORECASE)
            if need is None or match is None:
                continue
            lower = match.group(0).lower()
            assert need.holds({s for s in need.literals if s in lower}), (part, phrase)


def test_only_the_folds_named_map_onto_ascii_otherwise_than_str_lower():
    """The literal tests look for lower-case ASCII literals in ``text.lower()``: exact
    unless the text holds a character re matches case-insensitively to an ASCII character
    that its lower case is not, or one whose lower case is longer (tm.FOLDS names them)."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)
    odd = {c for c in everything if len(c.lower()) != 1}
    for code in range(32, 127):
        char = chr(code)
        for match in re.finditer(re.escape(char), everything, re.IGNORECASE):
            if match.group(0).lower() != char.lower():
                odd.add(match.group(0))
    assert all(tm.FOLDS.match(c) for c in odd), sorted(odd)


def test_literals_outside_ascii_match_only_themselves():
    """A literal may hold a character outside ASCII only when it has no case ("’", "–"):
    re matches such a character, case-insensitively, only to itself."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)
    engine = timeline._engine()
    used = {c for row in engine.rows for s in row.literals for c in s if not c.isascii()}
    for char in used:
        assert {m.group(0) for m in re.finditer(re.escape(char), everything,
                                                re.IGNORECASE)} == {char}, char


def test_a_guards_class_takes_every_character_its_literal_takes():
    """guarded() turns the literals a match can begin with into a class: case-insensitively
    the class must take every character the literal takes (the long s for "s", the Kelvin
    sign for "k", ...)."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)
    firsts = set()
    for event in timeline.load():
        for part in [event.phrases.pattern] + tm.alternatives(event.phrases.pattern):
            first = tm._first_of(_parser.parse(part, re.IGNORECASE))
            firsts |= {chr(arg) for op, arg in (first[0] if first else ()) if op is _c.LITERAL}
    assert len(firsts) > 20
    for char in firsts | set("sSkKiI"):
        literal = {m.group(0) for m in re.finditer(re.escape(char), everything, re.IGNORECASE)}
        in_class = {m.group(0) for m in re.finditer(f"[{re.escape(char)}]", everything,
                                                    re.IGNORECASE)}
        assert literal <= in_class, char


def test_a_holidays_pattern_still_acts_as_a_compiled_pattern():
    patterns = timeline.holiday_patterns()
    ramadan = next(p for name, p in patterns.items() if "ramadan" in name)
    text = "Talks stalled before Ramadan; Ramadan ends soon."
    assert [m.span() for m in ramadan.finditer(text)] == \
        [m.span() for m in ramadan.phrases.finditer(text)]
    assert ramadan.search(text).span() == ramadan.phrases.search(text).span()
    assert ramadan.search(text, 25).span() == ramadan.phrases.search(text, 25).span()
    assert ramadan.pattern == ramadan.phrases.pattern and ramadan.flags & re.IGNORECASE
    assert ramadan.search("no holiday here") is None
    copied = pickle.loads(pickle.dumps(ramadan))
    assert [m.span() for m in copied.finditer(text)] == [(21, 28), (30, 37)]
