"""The figures of a whole spaCy ``Doc`` (`find_figures`).

Sentence spans (a sentence starting in lower case joins the one before; a line break ends a
sentence unless the text is hard-wrapped), the two sentences before each one as context, and
one row per metric, population, value, group and vagueness per article. Fed by
:mod:`.sentence`; run by :mod:`analysis.components.figure_finder`.
"""

from __future__ import annotations

import re

from analysis.rules.doc_text import doc_text
from analysis.rules.figures.sentence import _headline_like, figures_in_sentence
from analysis.rules.lexicon import NUMBER_WORDS, TENS_WORDS


def find_figures(doc) -> list[dict]:
    """All figures of a spaCy Doc, one row per (metric, population, value) per document.

    A sentence also ends at a blank line, and at a line break unless the text is hard-wrapped:
    headlines, datelines and "list 1 of 4" teasers carry no full stop.
    """
    rows, seen = [], {}
    tagged = doc.has_annotation("TAG") or doc.has_annotation("POS")
    before = ["", ""]  # the two sentences before the current one, nearest last
    text = doc_text(doc)  # (the string the tokenizer was given: `doc.text` joins every token)
    line_break = _BLANK_LINE if _hard_wrapped(text) else _LINE_BREAK
    for sent_start, sent_end in _sentence_spans(doc, text):
        whole = text[sent_start:sent_end]
        if not _HAS_NUMBER.search(whole):
            before = [before[1], whole]
            continue
        tags = {token.idx: token.pos_ for token in doc.char_span(
            sent_start, sent_end, alignment_mode="expand")} if tagged else None
        piece_start = 0
        for piece_end in [m.end() for m in line_break.finditer(whole)] + [len(whole)]:
            sentence = whole[piece_start:piece_end]
            start = sent_start + piece_start
            piece_start = piece_end
            if not sentence.strip():
                continue
            if _HAS_NUMBER.search(sentence):
                for row in figures_in_sentence(sentence, start, before[1], tags, before[0]):
                    _add_row(rows, seen, row)
            before = [before[1], sentence]
    return rows


_LOWER_START = re.compile(r"[ \t]*[a-z]")


def _sentence_spans(doc, text: str) -> list[tuple[int, int]]:
    """The sentences' character spans, a sentence that starts in lower case joined to the one
    before it on the same line: a full stop after an abbreviation ("in Hamas’ Oct 7. attacks,
    with 3,500 wounded") ends no sentence."""
    spans: list[list[int]] = []
    for sent in doc.sents:
        if spans and _LOWER_START.match(text, sent.start_char) and \
                "\n" not in text[spans[-1][1] - 1:sent.start_char + 1]:  # (`text` is doc.text,
            # taken once: each doc.text joins the tokens again)
            spans[-1][1] = sent.end_char
        else:
            spans.append([sent.start_char, sent.end_char])
    return [(start, end) for start, end in spans]


def _add_row(rows: list, seen: dict, row: dict) -> None:
    """One row per metric, population, value, group and vagueness per article. The text's
    statement wins over a headline's, which drops a hedge ("Death toll 45,000" then "at least
    45,000") or adds one ("Death Toll Tops 50,669" then "now stands at 50,669"); otherwise the
    first mention stays."""
    key = (row["metric"], row["population"], row["value"], row["group"], row["vague"])
    if key in seen:
        first = seen[key]
        if _headline_like(rows[first]["sentence"]) and not _headline_like(row["sentence"]):
            rows[first] = row
        return
    seen[key] = len(rows)
    rows.append(row)


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def _hard_wrapped(text: str) -> bool:
    """Is the text wrapped at a fixed width (most lines 55-100 characters long)?"""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 6:
        return False
    return sum(55 <= n <= 100 for n in lengths) >= 0.6 * len(lengths)


_NUMBER_WORD_LIST = [w for w, n in NUMBER_WORDS.items() if n] + list(TENS_WORDS)
# (the lookahead, the words' first two letters, only skips the word list at the many word
# starts where none of them can match: "the", "said")
_HAS_NUMBER = re.compile(
    r"\d|\b(?=" + "|".join(sorted({w.lower()[:2] for w in _NUMBER_WORD_LIST}
                                  | {"hu", "th", "mi", "do", "sc"})) +
    r")(?:" + "|".join(_NUMBER_WORD_LIST) +
    r"|hundreds?|thousands?|millions?|dozens?|scores)\b",
    re.IGNORECASE)
