"""The deal terms' fast matching finds what the plain patterns find (round 6, docs/speed.md).

`_AfterNumber` tries a pattern that starts with a number only where the number can end, and
`_term_hint` is a tree of letters over the fewest words; both must give exactly what
``pattern.finditer`` and the plain alternation of every word give. Checked on sentences made
at random from term words, odd cases and characters that match letters case-blind
("ſ", the Kelvin sign).
"""

from __future__ import annotations

import random
import re

from analysis.rules.meeting_mentions.base import load_deal_terms
from analysis.rules.meeting_mentions.terms import TermsMixin, _AfterNumber

PIECES = ["would", "deal", "proposal", "a", "six-week", "Six-Week", "twenty-one-day",
          "someone day truce", "42-day", "12345-day", "ceasefire", "truce", "cease-fire",
          "phase", "three-phase", "Two-Staged", "second phase", "release", "the", "remaining",
          "all", "33", "hostages", "for", "1,000", "prisoners", "lasting", "forty two",
          "a hundred", "two dozen", "day", "weeks", "MONTH", "month-long", "humanitarian",
          "\u017fix-day", "\u212aeek", "\u0130", "--day", "7 day", "\u0663\u0664-day", "long",
          "-", ",", ".", ";", "\n", "  "]


def _sentences(count: int) -> list[str]:
    rng = random.Random(6)
    out = []
    for _ in range(count):
        words = [rng.choice(PIECES) for _ in range(rng.randint(3, 20))]
        out.append("".join(w + rng.choice([" ", " ", "-", ""]) for w in words))
    return out


def _terms() -> TermsMixin:
    terms = TermsMixin()
    terms.terms_lex = load_deal_terms()
    terms._terms_re = terms._build_terms_regex()
    terms._build_term_gates()
    return terms


def test_after_number_finds_what_finditer_finds():
    terms = _terms()
    fast = [p for patterns in terms._terms_re.values() for p in patterns
            if isinstance(p, _AfterNumber)]
    assert len(fast) == 2
    found = 0
    for text in _sentences(3000):
        for pattern in fast:
            expected = [m.span() for m in pattern.pattern.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected, text
            found += len(expected)
    assert found > 500


def test_term_hint_passes_the_same_sentences():
    terms = _terms()
    words = terms.terms_lex
    plain = re.compile(r"\d|phase|stage|all\s|" + "|".join(
        map(re.escape, list(words["number_words"]) + words["truce_noun"])))
    for text in _sentences(3000):
        lower = text.lower()
        assert bool(terms._term_hint.search(lower)) == bool(plain.search(lower)), text
