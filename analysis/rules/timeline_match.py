"""One pass over an article for all of the timeline's patterns (:mod:`analysis.rules.timeline`).

The timeline has a few hundred rows, each a regular expression. Running each over every
article, or even looking for each row's required literals one by one, costs more than all
the other date rules together. Instead:

1. :class:`KeyScanner` finds every occurrence of every row's required literals (the keys
   :func:`analysis.rules.timeline.literals` gives) in one pass: one compiled pattern, a trie
   of all the keys, searched from each hit to the next (overlapping occurrences included).
   From those occurrences :func:`windows` makes each row's search windows exactly as
   ``timeline._windows`` makes them with ``str.find`` key by key.
2. :class:`Requirement` (built by :func:`requirement` from the parsed pattern) knows, for each
   way the pattern can match, the literals such a match must hold all of ("resumed ... on
   March 18" holds "resum", "march" and "18"). A window, or a whole text, holding none of
   those combinations cannot hold a match, so the row's pattern is not run there. Most
   windows around a common key ("ceasefire", "hostages") fail that test.

Both are filters: the pattern itself then runs exactly where it ran before (same windows,
same positions), so the mentions found are the same. ``tests/test_timeline_match.py`` pins
this against the per-row loop on varied texts.

Case: the patterns are case-insensitive and the literals are looked for in the lower-case
text. For ASCII literals that is exact except in texts holding one of the three characters
Python's ``re`` folds onto an ASCII letter while ``str.lower`` does not (:data:`FOLDS`):
there the requirement test is skipped (the keys are looked for as before).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import cached_property, lru_cache
from typing import NamedTuple

from analysis.rules import pattern_store
from analysis.rules.word_trie import build_trie, trie_pattern

try:  # the regular-expression parser
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# Characters that ``re.IGNORECASE`` matches to an ASCII letter but whose ``str.lower`` is
# not that letter: dotted capital I (lower-cases to two characters), dotless i, long s.
FOLDS = re.compile("[\u0130\u0131\u017f]")
SPAN = 240   # as timeline.SPAN: a window reaches this far on each side of a key
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT) + (
    (_c.POSSESSIVE_REPEAT,) if hasattr(_c, "POSSESSIVE_REPEAT") else ())


def _trie(words: list[str]) -> str:
    """A pattern matching any of `words`, the longest one where several start at a place
    ("rafah crossing" before "rafah"): a trie whose optional tails are tried first."""
    return trie_pattern(build_trie(words))


class KeyScanner:
    """Every occurrence of a set of lower-case literals in a lower-case text, in one pass.

    >>> KeyScanner(["rafah", "rafah crossing", "crossing"]).occurrences("the rafah crossing")
    {'rafah': [4], 'rafah crossing': [4], 'crossing': [10]}
    """

    def __init__(self, keys):
        keys = sorted({k for k in keys if k})
        self.pattern = re.compile(_trie(keys)) if keys else None
        # the keys starting where a key starts: those it begins with (itself included)
        known = set(keys)
        self.starting = {k: tuple(k[:n] for n in range(1, len(k) + 1) if k[:n] in known)
                         for k in keys}

    def occurrences(self, lower: str) -> dict[str, list[int]]:
        """Key -> the positions where it occurs in `lower`, in order (overlaps included)."""
        found: dict[str, list[int]] = defaultdict(list)
        if self.pattern is None:
            return found
        search, starting = self.pattern.search, self.starting
        match = search(lower)
        while match:
            at = match.start()
            for key in starting[match.group()]:
                found[key].append(at)
            match = search(lower, at + 1)
        return dict(found)


def windows(occurrences: dict[str, list[int]], keys) -> list[tuple[int, int]]:
    """Merged (start, end) spans within :data:`SPAN` of the occurrences of `keys`, in order
    (what ``timeline._windows`` gives from ``str.find``)."""
    spans = sorted((max(0, at - SPAN), at + len(key) + SPAN)
                   for key in keys for at in occurrences.get(key, ()))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


class Requirement:
    """The literals a match of a pattern must hold, as a formula: a literal, all of several
    formulas (a sequence), or one of several (alternatives). Tested on the set of literals a
    text or a window holds, by a predicate made once from the formula.

    >>> need = requirement(r"since\\s+(?:March|Mar\\.?)\\s+18|now-defunct\\s+truce")
    >>> need.formula[1][0]
    ('and', ['since', ('or', ['mar', 'mar.', 'march']), '18'])
    >>> need.formula[1][1]
    ('and', ['now-defunct', 'truce'])
    >>> need.holds({"since", "march", "18"}), need.holds({"since", "18"})
    (True, False)
    """

    def __init__(self, formula):
        self.formula = formula
        self.literals = frozenset(_leaves(formula))

    @cached_property
    def holds(self):
        """The predicate (made when first needed: most rows are never tested)."""
        # "p" the set of literals present: ('18' in p and 'since' in p) or (...)
        return eval(f"lambda p: {_expression(self.formula)}")  # noqa: S307 (literals only)


def _leaves(formula):
    if isinstance(formula, str):
        yield formula
    else:
        for part in formula[1]:
            yield from _leaves(part)


def _expression(formula) -> str:
    if isinstance(formula, str):
        return f"{formula!r} in p"
    return "(" + f" {formula[0]} ".join(_expression(part) for part in formula[1]) + ")"


def present_in(hits: dict[str, list[int]], literals, start: int, end: int) -> set[str]:
    """Those of `literals` (all in `hits`) one of whose occurrences lies within start..end."""
    out = set()
    for literal in literals:
        positions = hits[literal]
        i = bisect_left(positions, start)
        if i < len(positions) and positions[i] + len(literal) <= end:
            out.add(literal)
    return out


# Words too common to be worth a look-up: a choice holding one is dropped.
COMMON = frozenset("the and for has had was are his her its all out off any but not who one "
                   "with from that this were have been their than they them also said "
                   "will would into after".split())


def _usable(run: str) -> str | None:
    """A literal worth looking up: three characters, or two with a digit ("18"), not a
    common word (:data:`COMMON`), and no letter outside ASCII (``re`` may match those
    case-insensitively to characters ``str.lower`` does not give)."""
    key = run.lower().strip()
    if key in COMMON or not all(c.isascii() or c.lower() == c.upper() == c for c in key):
        return None
    return key if len(key) >= 3 or (len(key) == 2 and any(c.isdigit() for c in key)) else None


MAX_STRINGS = 16   # strings a piece of a pattern may stand for, to be read as literals


def _strings(items) -> set[str] | None:
    """The strings a parsed sequence matches, when they are few: ``Ra['’]?(?:e|a)d`` is
    "raed", "ra'ed", "ra’ed", "raad", ...; None for anything with a class, a repeat, or
    more than :data:`MAX_STRINGS` strings."""
    out = {""}
    for op, arg in items:
        part = _piece_strings(op, arg)
        if part is None or len(out) * len(part) > MAX_STRINGS:
            return None
        out = {a + b for a in out for b in part}
    return out


def _piece_strings(op, arg) -> set[str] | None:
    if op is _c.LITERAL:
        return {chr(arg)}
    if op in _ZERO_WIDTH:   # (consumes nothing: the characters around it are contiguous)
        return {""}
    if op is _c.IN and len(arg) <= 8 and all(o is _c.LITERAL for o, _ in arg):
        return {chr(a) for _, a in arg}
    if op is _c.SUBPATTERN:
        return _strings(arg[3])
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            strings = _strings(branch)
            if strings is None:
                return None
            out |= strings
        return out
    if op in _REPEATS and arg[1] == 1:
        inner = _strings(arg[2])
        return None if inner is None else inner | ({""} if arg[0] == 0 else set())
    return None


def _combine(op: str, parts: list):
    """`op` ("and", "or") of `parts`, simplified: True stands for "no requirement"."""
    if op == "or" and any(part is True for part in parts):
        return True
    parts = [part for part in parts if part is not True]
    flat: list = []
    for part in parts:
        flat += part[1] if isinstance(part, tuple) and part[0] == op else [part]
    flat = list(dict.fromkeys(flat)) if all(isinstance(p, str) for p in flat) else flat
    return True if not flat else flat[0] if len(flat) == 1 else (op, flat)


def _formula(items):
    """The literals a parsed sequence's match holds, as a formula (True: none). Only what
    the match itself consumes counts: runs of pieces that stand for a few strings (one of
    which the match holds), groups, repeats of at least one, alternatives; classes,
    look-arounds and the rest add nothing."""
    parts: list = []
    run: set[str] = {""}

    def close() -> None:
        keys = {_usable(s) for s in run}
        if None not in keys:
            parts.append(_combine("or", sorted(keys)))

    for op, arg in items:
        strings = _piece_strings(op, arg)
        if strings is not None and len(run) * len(strings) <= MAX_STRINGS:
            run = {a + b for a in run for b in strings}
            continue
        close()
        run = strings if strings is not None else {""}
        if strings is not None:
            continue
        if op is _c.SUBPATTERN:
            parts.append(_formula(arg[3]))
        elif op in _REPEATS and arg[0] >= 1:
            parts.append(_formula(arg[2]))
        elif op is _c.BRANCH:
            parts.append(_combine("or", [_formula(branch) for branch in arg[1]]))
    close()
    return _combine("and", parts)


@lru_cache(maxsize=4096)   # (rows share alternatives and titles)
def requirement(pattern: str) -> Requirement | None:
    """The :class:`Requirement` of a case-insensitive pattern; None when some match of it
    need hold no literal worth a look-up (:func:`_usable`)."""
    formula = pattern_store.remembered(
        "timeline_match.requirement", pattern,
        lambda: _formula(_parser.parse(pattern, re.IGNORECASE)))
    return None if formula is True else Requirement(formula)


_CLASS = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
          _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _first_of(items) -> tuple[list, bool] | None:
    """The characters a parsed sequence's match can begin with, as class items, and whether
    it can be empty; None when any character can begin it (or the sequence is too complex)."""
    out: list = []
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            first = [(op, arg)], False
        elif op is _c.IN and all(o in (_c.LITERAL, _c.RANGE, _c.CATEGORY) for o, _ in arg):
            first = list(arg), False
        elif op is _c.SUBPATTERN and not arg[1] and not arg[2]:
            first = _first_of(arg[3])
        elif op in _REPEATS:
            inner = _first_of(arg[2])
            first = None if inner is None else (inner[0], inner[1] or arg[0] == 0)
        elif op is _c.BRANCH:
            parts = [_first_of(branch) for branch in arg[1]]
            first = None if any(p is None for p in parts) else (
                [i for p in parts for i in p[0]], any(p[1] for p in parts))
        else:
            return None
        if first is None:
            return None
        out += first[0]
        if not first[1]:
            return out, False
    return out, True


def _class_item(op, arg) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(arg))
    if op is _c.RANGE:
        return re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1]))
    return _CLASS[arg]


def guarded(pattern: re.Pattern) -> re.Pattern:
    r"""`pattern` with a look-ahead for the characters its matches can begin with, so that
    the search tries the whole pattern only there (``re`` finds no such shortcut itself in
    a case-insensitive pattern). It finds the same matches; `pattern` itself when every
    character can begin one, or a match can be empty.

    >>> guarded(re.compile(r"\bsix\s+hostages|(?:Sharm|20)\s+x", re.I)).pattern
    '(?=[sS2])(?:\\bsix\\s+hostages|(?:Sharm|20)\\s+x)'
    """
    guard = pattern_store.remembered("timeline_match.guard",
                                     f"{int(pattern.flags)}:{pattern.pattern}",
                                     lambda: _guard(pattern))
    return pattern if guard is None else re.compile(f"{guard}(?:{pattern.pattern})",
                                                    pattern.flags)


def _guard(pattern: re.Pattern) -> str | None:
    """The look-ahead :func:`guarded` puts before `pattern` (None: none)."""
    first = _first_of(_parser.parse(pattern.pattern, pattern.flags))
    if first is None or first[1] or not first[0]:
        return None
    return "(?=[" + "".join(dict.fromkeys(_class_item(op, arg) for op, arg in first[0])) + "])"


# What matters to cutting a pattern at its bars: escapes and classes (skipped whole; a "]"
# right after "[" or "[^" is in the class), parentheses and bars.
SYNTAX = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)


def _top_level(pattern: str) -> tuple[list[str], bool]:
    """`pattern` cut at its top-level bars, and whether it is one group ``(?:...)`` whole."""
    parts, depth, start, closed_at = [], 0, 0, -1
    for token in SYNTAX.finditer(pattern):
        char = token.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and closed_at < 0:
                closed_at = token.start()
        elif char == "|" and depth == 0:
            parts.append(pattern[start:token.start()])
            start = token.end()
    parts.append(pattern[start:])
    whole = len(parts) == 1 and pattern.startswith("(?:") and closed_at == len(pattern) - 1
    return parts, whole


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`, nested non-capturing groups of alternatives
    opened: ``(?:a|b)|c`` gives a, b, c (matching, in order, what the pattern matches).

    >>> alternatives(r"(?:a|(?:b[|)]|[]|]))|d(?:e|f)")
    ['a', 'b[|)]', '[]|]', 'd(?:e|f)']
    """
    return pattern_store.remembered("timeline_match.alternatives", pattern,
                                    lambda: _alternatives(pattern))


def _alternatives(pattern: str) -> list[str]:
    parts, whole = _top_level(pattern)
    if whole:
        return _alternatives(pattern[3:-1])
    if len(parts) == 1:
        return parts
    return [alternative for part in parts for alternative in _alternatives(part)]


class Scan(NamedTuple):
    """What one pass over a text found: the text in lower case, where each key and literal
    occurs in it, whether the literal requirements apply (no :data:`FOLDS` character), and
    the rows one of whose keys it holds (and the rows without keys), in order."""
    lower: str
    hits: dict[str, list[int]]
    exact: bool
    rows: tuple[int, ...]
    present: frozenset[str]   # the keys and literals found (those of hits)
    row_set: frozenset[int] = frozenset()   # the rows, as a set (membership tests)


class Row:
    """One row's pattern cut into its alternatives, each with its :class:`Requirement`
    (None: none), and the patterns of the alternatives a window leaves, made when first
    needed (the row's own pattern when it leaves all)."""

    def __init__(self, keys, pattern: re.Pattern):
        self.keys, self.flags = keys, pattern.flags
        parts = alternatives(pattern.pattern)
        if len(parts) < 2 or (pattern.groups and GROUP_REFERENCE.search(pattern.pattern)):
            parts = [pattern.pattern]   # (cutting it would renumber the groups it refers to)
        try:
            self.needs = tuple(requirement(part) for part in parts)
        except re.error:   # (a cut the parser rejects, a bar in a comment: the row stays whole)
            parts = [pattern.pattern]
            self.needs = (requirement(pattern.pattern),)
        self.parts = tuple(parts)
        self.literals = frozenset(s for need in self.needs if need for s in need.literals)
        self.everything = tuple(range(len(parts)))
        self.original = pattern
        self._live: dict = {}   # (literals present, alternatives asked) -> live ones

    @cached_property
    def whole(self) -> re.Pattern:
        """The row's own pattern, guarded (made when first needed)."""
        return guarded(self.original)

    def live(self, present, among=None) -> tuple[int, ...]:
        """The alternatives whose requirement the literals `present` (of this row's literals)
        meet, of `among` (default all). Remembered per (present, among): the same few sets
        of literals recur from article to article (at most :data:`LIVE_MEMO` kept a row)."""
        key = (present if isinstance(present, frozenset) else frozenset(present), among)
        found = self._live.get(key)
        if found is None:
            if len(self._live) >= LIVE_MEMO:
                self._live.clear()
            found = self._live[key] = tuple(
                i for i in (self.everything if among is None else among)
                if self.needs[i] is None or self.needs[i].holds(present))
        return found

    def pattern(self, live: tuple[int, ...]) -> re.Pattern:
        """The alternatives `live`, in order, as one (guarded) pattern."""
        if live == self.everything:
            return self.whole
        return _alternation(tuple(self.parts[i] for i in live), self.flags)


LIVE_MEMO = 512   # answers of Row.live remembered per row


@lru_cache(maxsize=512)   # (a few hundred seen in all the development sets together)
def _alternation(parts: tuple[str, ...], flags: int) -> re.Pattern:
    """Some of a row's alternatives, in order, as one guarded pattern (made once)."""
    return guarded(re.compile("|".join(f"(?:{part})" for part in parts), flags))


# A back-reference or a conditional on a group (or an escaped backslash before a digit:
# the pattern is then left whole, which is only slower).
GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class Engine:
    """The one-pass search over rows of (keys, compiled case-insensitive pattern, another
    pattern that must match too or None), keys as :func:`analysis.rules.timeline.literals`
    gives them (None: the row has none, and its pattern runs over every text). The other
    pattern (an office's titles) only adds its required literals to :meth:`may_match`."""

    def __init__(self, rows):
        rows = list(rows)
        self.rows = tuple(Row(keys, pattern) for keys, pattern, _ in rows)
        self.also = tuple(requirement(other.pattern) if other is not None else None
                          for _, _, other in rows)
        self.rows_of: dict[str, list[int]] = defaultdict(list)
        for index, row in enumerate(self.rows):
            for key in row.keys or ():
                self.rows_of[key].append(index)
        self.keyless = frozenset(i for i, row in enumerate(self.rows) if row.keys is None)
        literals = {s for row in self.rows for s in row.literals} | {
            s for need in self.also if need for s in need.literals}
        self.scanner = KeyScanner(set(self.rows_of) | literals)

    def scan(self, text: str) -> Scan:
        lower = text.lower()
        hits = self.scanner.occurrences(lower)
        rows = {i for key in hits for i in self.rows_of.get(key, ())}
        rows |= self.keyless
        return Scan(lower, hits, not FOLDS.search(text), tuple(sorted(rows)), frozenset(hits),
                    frozenset(rows))

    def _live(self, index: int, scan: Scan, by_keys: bool = True) -> tuple[int, ...]:
        """Row `index`'s alternatives that can match somewhere in the scanned text (none
        when `by_keys` and the text holds none of the row's keys)."""
        row = self.rows[index]
        if by_keys and row.keys is not None and index not in scan.row_set:
            return ()
        return row.live(row.literals & scan.present) if scan.exact else row.everything

    def may_match(self, index: int, scan: Scan) -> bool:
        """Whether row `index`'s pattern, and its other pattern, can match somewhere in the
        scanned text: one of its keys is there and, when they apply, the literals one of its
        alternatives requires and those the other pattern requires."""
        also = self.also[index]
        return bool(self._live(index, scan)) and (
            also is None or not scan.exact or also.holds(also.literals & scan.present))

    def pattern(self, index: int, scan: Scan) -> re.Pattern | None:
        """Row `index`'s pattern as it can match anywhere in the scanned text (its keys not
        looked at): its alternatives that can (None when none can)."""
        live = self._live(index, scan, by_keys=False)
        return self.rows[index].pattern(live) if live else None

    def matches(self, index: int, text: str, scan: Scan):
        """Row `index`'s matches in `text`, as its pattern finds them in the windows around
        its keys (``timeline.Event.finditer``): in each window, only its alternatives whose
        required literals the window holds (none: the window is skipped)."""
        row, live = self.rows[index], self._live(index, scan)
        if not live:
            return
        if row.keys is None:
            yield from row.pattern(live).finditer(text)
            return
        literals, end_of_last = row.literals & scan.present, 0
        for start, end in windows(scan.hits, row.keys):
            here = row.live(present_in(scan.hits, literals, start, end), live) if scan.exact \
                else live
            if not here:
                continue
            for match in row.pattern(here).finditer(text, max(start, end_of_last), end):
                end_of_last = match.end()
                yield match
