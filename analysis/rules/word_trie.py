"""A trie of words and the regular expression it gives: one path per shared beginning, so
that at any place only the words that can match are tried, the longest first. Used by the
figure rules' word lists (:mod:`analysis.rules.figures.words`) and the timeline's key scan
(:mod:`analysis.rules.timeline_match`).

>>> trie_pattern(build_trie(["rafah", "rafah crossing", "doha"]))
'(?:doha|rafah(?:\\\\ crossing)?)'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def build_trie(words: Iterable[str]) -> dict:
    """Nested dicts, one level per character; ``""`` marks the end of a word.

    >>> build_trie(["ab", "a"])
    {'a': {'b': {'': {}}, '': {}}}
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def trie_pattern(node: dict, symbol: Callable[[str], str] = re.escape) -> str:
    """The pattern of a trie: branches in character order, a word's optional tail tried
    before its end ("kill(?:ed)?"); `symbol` writes one character.

    >>> trie_pattern(build_trie(["kill", "killed"]))
    'kill(?:ed)?'
    """
    tails = [symbol(char) + trie_pattern(child, symbol)
             for char, child in sorted(node.items()) if char]
    if not tails:
        return ""
    body = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
    return f"(?:{body})?" if "" in node else body
