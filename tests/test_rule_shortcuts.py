"""The rules' shortcuts of round 7 (docs/speed.md) give what the plain loops give.

- the meeting finder's segments come from the text's line breaks, not a loop over every token;
- `Sentence.of` slices the Doc's lower-case words (`doc_text.doc_lowers`) and keeps the span;
- `_find_triggers` asks `_trigger_kind` only about the words `_trigger_candidates` lists;
- the date rules' `_finditer` runs each pattern with a look-ahead for its first characters,
  and only in the windows that hold the literals every match of it holds.

Checked on the bundled articles, the development sets' articles and a few odd texts.
"""

from __future__ import annotations

from functools import cache

import pytest

from analysis.corpus import load_corpus
from analysis.rules.meeting_mentions.base import TITLE_END, Sentence
from tests.conftest import CORPUS, DATA

FOLDERS = [CORPUS] + [DATA / "eval" / name / "corpus" for name in
                      ("realnews-40", "dev", "dev2", "dev3", "dev4")]
ODD = ["", "\n", "\n\nA.\n", "Maj. Gen. (ret.)\nNitzan Alon met Burns.", "x\n", " \n a",
       "Gen.", "a\r\nb \n\n c.\n", "Talks\u2028resumed.\n\n\nThey met in Doha.  \n"]


@cache
def _texts() -> tuple[str, ...]:
    texts = [d.text for folder in FOLDERS if folder.is_dir()
             for d in load_corpus(folder).documents]
    return tuple(texts + ODD)


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(_texts()))


def _token_loop_segments(doc):
    """The segments as the loop over every token found them (before round 7)."""
    held = None
    for sent in doc.sents:
        start = held if held is not None else sent.start
        held = None
        for token in doc[start:sent.end]:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    yield doc[start:token.i]
                start = token.i + 1
        if start < sent.end:
            piece = doc[start:sent.end]
            if TITLE_END.search(piece.text) and sent.end < len(doc):
                held = start
                continue
            if piece.text.strip():
                yield piece
    if held is not None and doc[held:].text.strip():
        yield doc[held:]


def test_segments_and_sentences_are_those_of_the_token_loop(nlp, docs):
    finder = nlp.get_pipe("meeting_finder")
    for doc in docs:
        fast = list(finder._segments(doc))
        assert [(p.start, p.end) for p in fast] == \
            [(p.start, p.end) for p in _token_loop_segments(doc)]
        for index, span in enumerate(fast):
            s = Sentence.of(span, index)
            assert s.lower == [t.lower_ for t in span]
            assert s.text_lower == span.text.lower().replace("\u2019", "'")
            assert [t.text for t in s.tokens] == [t.text for t in span]


def test_trigger_candidates_hold_every_word_that_can_be_a_trigger(nlp, docs):
    finder = nlp.get_pipe("meeting_finder")
    candidates = finder._trigger_candidates()
    for doc in docs:
        for index, span in enumerate(finder._segments(doc)):
            s = Sentence.of(span, index)
            for i, word in enumerate(s.lower):
                if word not in candidates:
                    assert finder._trigger_kind(s, i) is None, (word, span.text)


def test_date_patterns_find_the_same_with_their_guard():
    from analysis.rules.dates import durations, finding, signals

    patterns = [*durations._DURATION, *durations._TRUCE_AGE, *durations._ORDINAL_DURATION,
                durations._WAR_AGO, finding._FINDER, finding._REMAINS, signals._SINCE_WAR]
    texts = list(_texts()) + ["\u017fix months of war", "\u212aeek", "SEVEN-MONTH WAR",
                              "day 100 of the war", "the war, now in its fifth month",
                              "\u0130stanbul: six months of war", "six \u212aeeks of war",
                              "since Oct. 7", "since OCTOBER 7th, on Monday, 2024-05-06"]
    for text in texts:
        for windows in ([(0, len(text))], finding._segments(text)):
            for pattern in patterns:
                assert [(m.span(), m.groupdict())
                        for m in finding._finditer(pattern, text, windows)] == \
                    [(m.span(), m.groupdict())
                     for start, end in windows for m in pattern.finditer(text, start, end)]


def test_actor_patterns_find_the_same_through_the_prefilter():
    from analysis.rules import actors
    from analysis.rules.prefilter import finditer

    texts = list(_texts()) + ["the heads of the CIA and Mossad met", "U.S. and Israeli spy chiefs",
                              "the CIA and Mossad chiefs", "Qatar's Emir and prime minister",
                              "THE HEADS OF \u0130NTELLIGENCE", "the \u017fpy chiefs"]
    for pattern in (actors.HEADS_OF, actors.SPY_CHIEFS, actors.ORG_CHIEFS,
                    actors.SHARED_POSSESSOR):
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in finditer(pattern, text)] == \
                [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


# -- round 8: the figure rules' word lists as tries (analysis.rules.figures.words._alternation)

def _word_by_word(words) -> str:
    """The alternation as it was written before round 8: every word, longest first."""
    import re

    words = sorted(sorted({w.lower() for w in words}), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words)


def test_word_lists_as_tries_match_what_the_word_by_word_alternations_match():
    """Every word list of figure_words.json (and the months), in the three ways the figure
    rules use them (whole words anywhere; ending the text before a number; starting the text
    after a number, after optional asides): the trie and the word-by-word alternation find the
    same matches, with the same groups, in the development texts and in texts made of the
    words (each in upper case, with line breaks for spaces, with typographic apostrophes)."""
    import re

    from analysis.rules.figures.words import _alternation
    from analysis.rules.lexicon import MONTHS, word_lists

    lists = {key: value for key, value in word_lists("figure_words.json").items()
             if isinstance(value, list) and value and all(isinstance(w, str) for w in value)}
    lists["months"] = list(MONTHS)
    texts = list(_texts())[::6]
    for key, words in lists.items():
        made = " ".join(words) + " 1 " + " 2, ".join(w.upper() for w in words) + " 3 " + \
            " 4  ".join(w.replace(" ", "\n ").replace("'", "’") for w in words)
        settings = [re.compile(form.format(alternation), re.IGNORECASE)
                    for alternation in (_alternation(words), _word_by_word(words))
                    for form in (r"(?<![\w'’])({})(?![\w'’]|-\w)", r"(?<![\w'’])({})\s*,?\s*$",
                                 r"(?:\s*,[^,.;]{{1,70}},)?(?:\s+\w+){{0,3}}\s*({})(?![\w'’])")]
        for text in texts + [made]:
            numbers = [m.span() for m in re.finditer(r"\d+", text)]
            for trie, plain, kind in zip(settings[:3], settings[3:], ("any", "left", "right")):
                if kind == "any":
                    found = [[m.span(1) for m in p.finditer(text)] for p in (trie, plain)]
                elif kind == "left":
                    found = [[(m := p.search(text, 0, a)) and m.span(1) for a, _ in numbers]
                             for p in (trie, plain)]
                else:
                    found = [[(m := p.match(text, b)) and m.span(1) for _, b in numbers]
                             for p in (trie, plain)]
                assert found[0] == found[1], (key, kind)
