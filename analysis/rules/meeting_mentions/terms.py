"""Deal terms: what a deal puts on the table (truce days, phases, hostages, prisoners) as
``doc._.terms`` (TermsMixin, a part of MeetingFinder).

Fed by :mod:`.finder`: ``MeetingFinder.__call__`` hands :meth:`TermsMixin._terms` every
segment it reads (the same sentences the meeting rules see), with the words of
``deal_terms.csv`` (``self.terms_lex``, :func:`.base.load_deal_terms`). A sentence passes
the finder's sentence gates (:meth:`TermsMixin._build_term_gates`) before any term pattern
runs: a deal word, a number-like hint, and for hostages and prisoners a proposal word.
Feeds ``doc._.terms`` (the per-document result's ``terms``), which
:mod:`analysis.assemble.rounds` assigns to the nearest meeting and writes into the ``terms``
column of rounds.csv (``truce_days=42; phases=3``).
"""

from __future__ import annotations

import re

from analysis.rules.doc_text import doc_text


class TermsMixin:
    """Deal terms: truce days, phases, hostages, prisoners. (A part of MeetingFinder.)"""

    # -- terms --

    def _build_terms_regex(self):
        lex = self.terms_lex
        numbers = sorted(lex["number_words"], key=len, reverse=True)
        number = r"(?P<num>\d{1,4}|" + "|".join(re.escape(n) for n in numbers) + r")"
        units = r"(?P<unit>days?|weeks?|months?)"
        truce = "|".join(re.escape(w) for w in lex["truce_noun"])
        hostages = "|".join(re.escape(w) for w in lex["hostage_noun"])
        prisoners = "|".join(re.escape(w) for w in lex["prisoner_noun"])
        ordinals = "|".join(re.escape(w) for w in lex["ordinals"])
        lengths = frozenset(range(1, 5)) | {len(n) for n in numbers}  # of what `number` reads
        return {
            "truce_days": [
                _AfterNumber(number, lengths, r"[- ]" + units.replace("s?", ""),
                             r"(?:[- ]long)?\s+(?:(?:humanitarian|initial|first|second|"
                             r"temporary|military|new|possible|extended)\s+){0,2}(?:"
                             + truce + r")\b"),
                re.compile(r"\b(?:" + truce + r")\b[^.;]{0,40}?\blast(?:s|ing)?\s+(?:for\s+)?"
                           r"(?:about\s+)?" + number + r"\s+" + units, re.I),
            ],
            "phases": [_AfterNumber(number, lengths, r"[- ](?:phase|stage)", r"d?\b"),
                       re.compile(r"\b(?P<ord>" + ordinals + r")\s+(?:phase|stage)\b", re.I)],
            "hostages": [re.compile(r"\b(?:release|freeing|free|return)\s+(?:of\s+)?(?:the\s+)?"
                                    r"(?:remaining\s+)?(?P<num>all|\d{1,4}|" + "|".join(numbers) +
                                    r")\s+(?:[\w-]+\s+){0,3}?(?:" + hostages + r")\b", re.I)],
            "prisoners": [re.compile(r"\b(?:release|releasing|freeing|free|exchange\s+for|for)\s+"
                                     r"(?:of\s+)?(?:up\s+to\s+|about\s+|some\s+)?"
                                     r"(?P<num>\d{1,4}|" + "|".join(numbers) + r")\s+"
                                     r"(?:[\w-]+\s+){0,2}?(?:" + prisoners + r")\b", re.I)],
        }

    def _build_term_gates(self) -> None:
        """What a sentence needs before its terms are looked for: a deal word (`_deal_re`), a
        number-like hint (`_term_hint`: a digit, 'all ', a number word or a truce noun; written
        as a tree of letters, words that hold a shorter one left out, as it finds the same
        sentences), and for hostages and prisoners a proposal word (`_proposal_re`)."""
        words = self.terms_lex
        self._deal_re = re.compile(r"\b(?:" + "|".join(map(re.escape, words["deal_context"]))
                                   + r")\b")
        self._proposal_re = re.compile(
            r"\b(?:" + "|".join(map(re.escape, words["proposal_context"])) + r")\b")
        self._term_hint = re.compile(r"\d|all\s|" + _letter_tree(_shortest_cover(
            ["phase", "stage", *words["number_words"], *words["truce_noun"]])))

    def _number(self, text: str) -> int | str | None:
        text = text.lower()
        if text == "all":
            return "all"
        if text.isdigit():
            return int(text)
        return self.terms_lex["number_words"].get(text)

    def _terms(self, doc, sent) -> list[dict]:
        text = doc_text(doc)[sent.start_char:sent.end_char]  # sent.text, without joining tokens
        lower = text.lower()
        if not self._deal_re.search(lower) or not self._term_hint.search(lower):
            return []
        proposal = bool(self._proposal_re.search(lower))
        out, used = [], []
        for kind, patterns in self._terms_re.items():
            if kind in ("hostages", "prisoners") and not proposal:
                continue  # "Israel released 150 detainees" is an event, not a term
            for pattern in patterns:
                for match in pattern.finditer(text):
                    if any(s < match.end() and match.start() < e for s, e, k in used if k == kind):
                        continue
                    value = None
                    groups = match.groupdict()
                    if kind == "phases" and groups.get("ord"):
                        value = self.terms_lex["ordinals"].get(groups["ord"].lower()) or None
                    elif groups.get("num"):
                        value = self._number(groups["num"])
                        if kind == "truce_days" and isinstance(value, int):
                            unit = groups["unit"].lower().rstrip("s")
                            value *= self.terms_lex["unit_days"].get(unit, 1)
                    if value in (None, 0):
                        continue
                    used.append((match.start(), match.end(), kind))
                    start = sent.start_char + match.start()
                    out.append({"kind": kind, "value": value, "quote": match.group(0),
                                "start_char": start, "end_char": start + len(match.group(0)),
                                "sentence_start": sent.start_char,
                                "ordinal": bool(groups.get("ord"))})
        return out


class _AfterNumber:
    """A pattern that starts with a number: ``number + after + rest`` ("six" "-week"
    " truce", "three" "-phase" ""), compiled case-blind, and tried only where its number can
    end: just before each place where `after` matches, less every length the number can have
    (`lengths`). Finds the same matches as the pattern's ``finditer`` (leftmost first, none
    overlapping), without trying the hundred number words at every character of a sentence."""

    __slots__ = ("pattern", "after", "lengths")

    def __init__(self, number: str, lengths: frozenset[int], after: str, rest: str):
        self.pattern = re.compile(number + after + rest, re.I)
        self.after = re.compile("(?=" + after + ")", re.I)  # every place, overlapping or not
        self.lengths = lengths

    def finditer(self, text: str):
        starts = sorted({found.start() - length for found in self.after.finditer(text)
                         for length in self.lengths if found.start() >= length})
        end = 0
        for start in starts:
            if start < end:
                continue
            match = self.pattern.match(text, start)
            if match:
                yield match
                end = match.end()


def _shortest_cover(words: list[str]) -> list[str]:
    """The words none of the others is part of: a text holds one of `words` exactly when it
    holds one of these ('twenty-one' holds 'one', 'two dozen' holds 'dozen').

    >>> _shortest_cover(["one", "twenty-one", "twenty", "two dozen", "dozen"])
    ['one', 'dozen', 'twenty']
    """
    kept: list[str] = []
    for word in sorted(set(words), key=len):
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return kept


def _letter_tree(words: list[str]) -> str:
    """An alternation of `words` as a tree of their letters, which a regex tries in one step
    per letter instead of one word after another; `words` must not hold both a word and a
    longer one it starts ("ten" and "tens": :func:`_shortest_cover` leaves only "ten").

    >>> _letter_tree(["ten", "two", "truce"])
    't(?:en|ruce|wo)'
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(letter) + ("" if rest == [""] else _letter_tree(rest))
                    for letter, rest in sorted(branches.items())]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
