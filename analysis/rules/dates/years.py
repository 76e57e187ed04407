"""The year of a year-less date from its context: a year named in the same or the previous
sentence (:func:`_year_hints`), or the hinted year-less date before it
(:func:`_hinted_years`). Fed by :mod:`.words`; feeds :mod:`.signals`.
"""

from __future__ import annotations

import re

from analysis.rules.dates.words import _DAY, _MONTH
from analysis.rules.lexicon import MONTHS

# A year named in the same or the previous sentence ("In November 2023, Egypt and Qatar
# helped broker a seven-day pause ... The pause collapsed on December 1") is the year of a
# year-less date that follows it. "October 7, 2023" (the attack, named in every report) is
# no such context.
_YEAR_CONTEXT = re.compile(rf"\b(?:(?P<month>{_MONTH})\s+(?:(?P<day>{_DAY}),?\s+)?)?"
                           r"(?P<year>20[2-3]\d)\b", re.IGNORECASE)


_WAR_START_DATE = re.compile(r"\b(?:oct(?:ober|\.)?\s+7(?:th)?|7(?:th)?\s+oct(?:ober|\.)?)"
                             r",?\s+2023\b", re.IGNORECASE)


def _year_context(text: str) -> tuple[int, int] | None:
    """(year, month or 0) of the last year named in `text` other than 7 October 2023."""
    found = None
    for match in _YEAR_CONTEXT.finditer(text):
        if _WAR_START_DATE.search(text[max(0, match.start() - 12):match.end()]):
            continue
        found = (int(match.group("year")), _month_of(match.group("month") or ""))
    return found


_WORD = re.compile(r"[a-z]+")
_FOUR_DIGITS = re.compile(r"\d{4}")
DAY_MONTH_KINDS = ("month_day", "day_month")


def _month_of(text: str) -> int:
    """The month named in `text` (0 when none): "Dec. 1" -> 12."""
    return next((MONTHS[w] for w in _WORD.findall(text.lower()) if w in MONTHS), 0)


def _yearless(mention: dict) -> bool:
    """A day and month without a year ("December 1", "1 Dec."), not "December 1, 2024"."""
    return mention["kind"] in DAY_MONTH_KINDS and not _FOUR_DIGITS.search(mention["text"])


def _previous_sentence_start(mention: dict, sentences) -> int | None:
    """Where the sentence before the mention's own begins (its own when it is the first);
    None when the mention lies in no sentence."""
    index = next((k for k, (a, b) in enumerate(sentences)
                  if a <= mention["start_char"] < b), None)
    return None if index is None else sentences[max(0, index - 1)][0]


def _year_hints(text: str, mentions: list[dict], sentences) -> None:
    """Set ``year_hint`` on a year-less date ("December 1") when the same or the previous
    sentence names a year before it ("In November 2023, ..."), and its month is not earlier
    than the month named with that year (else the hint is unsure: none)."""
    for mention in mentions:
        start = _previous_sentence_start(mention, sentences) if _yearless(mention) else None
        if start is None:
            continue
        context = _year_context(text[start:mention["start_char"]])
        month = _month_of(mention["text"])
        if context and month and month >= context[1]:
            mention["year_hint"] = context[0]


# Round 8, second pass: "A three-phase ceasefire took effect on January 19. The negotiations
# for the second phase remain stalled after the initial phase expired on March 1": the
# truce's first day gives January 19 its year (:func:`_truce_days`), and a reader reads
# March 1 in the same year; without it, a fresh report of March 2025 fitted March 2026 as
# well and was left undated.
def _hinted_years(mentions: list[dict], sentences) -> None:
    """Set ``year_hint`` on a year-less date without one from the last year-less date with a
    hint before it in its own or the previous sentence, when its month is not earlier than
    that date's (no chains: only the hints found before this step pass on)."""
    hinted = [m for m in mentions if m["kind"] in DAY_MONTH_KINDS and m.get("year_hint")]
    for mention in mentions:
        if not _yearless(mention) or mention.get("year_hint") or \
                mention.get("rel_year") is not None:
            continue
        start = _previous_sentence_start(mention, sentences)
        if start is None:
            continue
        before = [m for m in hinted if start <= m["start_char"] < mention["start_char"]]
        month = _month_of(mention["text"])
        if before and month and month >= _month_of(before[-1]["text"]):
            mention["year_hint"] = before[-1]["year_hint"]
