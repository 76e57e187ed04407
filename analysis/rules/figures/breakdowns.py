"""Breakdowns by nationality: one row per part.

"freed 24 hostages — 13 Israelis, 10 Thais and a Filipino —": each part between dashes, in
brackets or after a colon is a row of the whole's metric. Fed by :mod:`.rows`; feeds
:mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.noun_phrase import _noun_phrase
from analysis.rules.figures.rates import _BREAKDOWN_CLOSE, _BREAKDOWN_OPEN, _ONE_ARTICLE
from analysis.rules.figures.rows import _make_row
from analysis.rules.figures.words import _MODAL_RE, FigureLexicon
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


# what says the people of a list by nationality were freed, in the sentence: "The released
# hostages comprised", "were among those freed", "This third batch of hostages included"
_RELEASED_LIST = re.compile(r"\b(?:released|freed|set\s+free|handed\s+over|batch(?:es)?)\b",
                            re.IGNORECASE)
# a gap between two parts of one list: ", ", " and ", ", including three members of one family, "
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:including|among\s+them)\b[^,;.:]{0,60},?)?\s*"
                       r"(?:,?\s*and\s+|,\s*)$", re.IGNORECASE)


def _nationality_list(sentence: str, offset: int, numbers: list[Number], outcomes: list[dict],
                      lexicon: FigureLexicon) -> list[dict]:
    """Hostages freed, told as a list of counts by nationality with no whole before it and no
    trigger beside the numbers: "The released hostages comprised 81 Israelis, 23 Thai nationals
    and one Filipino", "10 Israelis ... and two Thai nationals were among those freed", "This
    third batch of hostages included 13 Israelis, 3 Thais, and 1 Russian national": one
    released row per part. Needs two parts or more, one of them foreign (a list of Israelis and
    Thais is of hostages), a word of release in the sentence and no modal ("Hamas is expected to
    free 10 Israelis and two Thais": pending). Leaves lists of the held or the dead ("Eleven of
    the deceased hostages still in Gaza are Israeli, one is Tanzanian": no release word)."""
    if not _RELEASED_LIST.search(sentence) or _MODAL_RE.search(sentence):
        return []
    parts = []
    for number, outcome in zip(numbers, outcomes):
        if outcome["metric"] is not None or outcome.get("excluded") or outcome.get("pending"):
            continue
        np = _noun_phrase(sentence[number.end:], lexicon)
        if np.kind in ("person", "hostage") and (np.foreign or np.nationality == "israeli"):
            parts.append((number, np))
    joined = [p for i, p in enumerate(parts) if any(
        _LIST_GAP.match(sentence[a[0].end + a[1].end:b[0].start])
        for a, b in zip(parts, parts[1:]) if p in (a, b))]
    if len(joined) < 2 or not any(np.foreign for _, np in joined):
        return []
    return [_make_row("hostages_released", "other" if np.foreign else "israeli", number.value,
                      "exact", None, None, False, sentence, offset, number.start,
                      number.end + np.end, number.start, lexicon) for number, np in joined]


# what may stand between a whole and its first part, or between two parts: a dash, a colon, a
# bracket, a comma, "including", "among them", "and" ("24 hostages — 23 Thais and 1 Filipino")
_PART_GAP = re.compile(r"^[\s,;:()\[\]—–-]*(?:(?:including|among\s+them|of\s+whom|namely|"
                       r"comprising|and)\b[\s,:—–-]*)?$", re.IGNORECASE)
_ISRAELI_WORD = re.compile(r"\bisraelis?\b", re.IGNORECASE)


def _foreign_whole(sentence: str, offset: int, rows: list[dict]) -> None:
    """A hostage count broken down into parts that are all foreign nationals counts foreign
    nationals: "Another 24 hostages — 23 Thais and 1 Filipino — have also been released",
    "freed 11 captives (10 Thai nationals and a Nepali)", "Hamas holds eight hostages: six
    Thais and two Nepalese" give the whole `other` (the gold's convention: hostages are israeli
    unless the figure is explicitly about foreign nationals). The parts must follow the whole
    with nothing but list words between them, be rows of the same metric and add up to it;
    a whole that names Israelis ("24 Israeli hostages") or has an Israeli part ("eight
    hostages: three Israelis and five Thais") stays israeli. Changes the rows in place."""
    ordered = sorted(rows, key=lambda row: row["start_char"])
    for i, whole in enumerate(ordered):
        if whole["metric"] not in _NATIONALITY_METRICS or whole["population"] != "israeli" \
                or whole["group"] != "all" or whole["vague"] or _ISRAELI_WORD.search(
                    whole["quote"]):
            continue
        parts, end, total = [], whole["end_char"], 0
        for row in ordered[i + 1:]:
            gap = sentence[end - offset:row["start_char"] - offset]
            if row["metric"] != whole["metric"] or not _PART_GAP.match(gap):
                break
            parts.append(row)
            end, total = row["end_char"], total + row["value"]
            if total >= whole["value"]:
                break
        if len(parts) >= 2 and total == whole["value"] \
                and all(part["population"] == "other" for part in parts):
            whole["population"] = "other"


_NATIONALITY_METRICS = ("hostages_released", "hostages_held", "hostages_dead", "hostages_taken")
