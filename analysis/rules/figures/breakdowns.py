"""Breakdowns by nationality: one row per part.

"freed 24 hostages — 13 Israelis, 10 Thais and a Filipino —": each part between dashes, in
brackets or after a colon is a row of the whole's metric. Fed by :mod:`.rows`; feeds
:mod:`.sentence`.
"""

from __future__ import annotations

from analysis.rules.figures.noun_phrase import _noun_phrase
from analysis.rules.figures.rates import _BREAKDOWN_CLOSE, _BREAKDOWN_OPEN, _ONE_ARTICLE
from analysis.rules.figures.rows import _make_row
from analysis.rules.figures.words import FigureLexicon
from analysis.rules.numbers import Number


def _breakdowns(sentence: str, offset: int, numbers: list[Number], outcomes: list[dict],
                lexicon: FigureLexicon) -> list[dict]:
    """A release or capture broken down by nationality between dashes, in brackets or after a
    colon: "freed 24 hostages — 13 Israelis, 10 Thais and a Filipino —". Each part is a row of
    the same metric ("a"/"an" before a nationality counts one). The held and the dead too:
    "Three bodies are still unaccounted for: two Israeli citizens and a Thai worker"."""
    found = []
    for outcome in outcomes:
        row = outcome["row"]
        if row is None or row["metric"] not in ("hostages_released", "hostages_taken",
                                                "prisoners_released", "hostages_dead",
                                                "hostages_held"):
            continue
        end = row["end_char"] - offset
        opening = _BREAKDOWN_OPEN.match(sentence, end)
        if not opening:
            continue
        closing = _BREAKDOWN_CLOSE.search(sentence, opening.end())
        span_end = closing.start() if closing else len(sentence)
        parts = [(n.start, n.end, n.value) for n, o in zip(numbers, outcomes)
                 if opening.end() <= n.start < span_end and o["metric"] is None]
        parts += [(m.start(), m.end(1), 1) for m in _ONE_ARTICLE.finditer(sentence,
                                                                           opening.end(), span_end)]
        for start, number_end, value in parts:
            np = _noun_phrase(sentence[number_end:span_end], lexicon)
            if np.kind not in ("person", "hostage", "prisoner") or not (np.foreign
                                                                        or np.nationality):
                continue
            population = row["population"]
            if row["metric"].startswith("hostages"):
                population = "other" if np.foreign else "israeli"
            quote_end = number_end + np.end
            group = np.group if np.group and np.group != "foreigners" else "all"
            found.append(_make_row(row["metric"], population, value, "exact", None, None,
                                   False, sentence, offset, start, quote_end, start, lexicon,
                                   group=group))  # "20 Israeli civilians, five soldiers": groups
    return found
