"""A regular expression run only where it can match: the same matches, found faster.

:func:`finditer` gives what ``pattern.finditer(text, start, end)`` gives over each of some
windows of a text (the whole text by default), with two exact filters from
:mod:`analysis.rules.timeline_match`:

1. a window is skipped when it lacks the literals every match of the pattern holds
   (:func:`~analysis.rules.timeline_match.requirement`, tested as substrings of the window in
   lower case; not in a text holding a character ``re`` folds onto an ASCII letter while
   ``str.lower`` does not, :data:`~analysis.rules.timeline_match.FOLDS`);
2. the pattern is tried only where a match can begin (a look-ahead for its first characters,
   :func:`~analysis.rules.timeline_match.guarded`: ``re`` finds no such shortcut itself in a
   case-insensitive pattern or one that opens with an optional part).

Used by the date rules (their trigger windows) and the actor rules (whole texts);
``tests/test_rule_shortcuts.py`` pins it against plain ``finditer``.

>>> pattern = re.compile(r"\\b(?:some\\s+)?(?P<n>\\d+)\\s+days\\s+of\\s+war", re.I)
>>> [m.group("n") for m in finditer(pattern, "After 100 days of war, 7 more days")]
['100']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from analysis.rules.timeline_match import FOLDS, Requirement, guarded, requirement

# pattern -> (the pattern with its look-ahead, the literals every match holds), at first use
_FAST: dict[re.Pattern, tuple[re.Pattern, Requirement | None]] = {}


@lru_cache(maxsize=1)
def lower_text(text: str) -> str | None:
    """`text` in lower case (as long as `text`: it holds no "İ"), where the literals are
    looked for; None when `text` holds a :data:`FOLDS` character (no requirement is tested
    then). Kept for the last text: the rules search one article with many patterns."""
    return None if FOLDS.search(text) else text.lower()


def finditer(pattern: re.Pattern, text: str, windows=None) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text, start, end)`` for each (start, end) of
    `windows` in turn (default: the whole text), skipping the windows that cannot hold one."""
    fast = _FAST.get(pattern)
    if fast is None:
        fast = _FAST[pattern] = (guarded(pattern), requirement(pattern.pattern))
    guarded_pattern, need = fast
    lower = lower_text(text) if need is not None else None
    for start, end in [(0, len(text))] if windows is None else windows:
        if lower is None or need.holds(lower[start:end]):  # (a substring test per literal)
            yield from guarded_pattern.finditer(text, start, end)
