"""The text of a spaCy Doc, read once per Doc.

``Doc.text`` joins the text of every token each time it is read (spaCy keeps no copy of the
string it was given): on a 500-word article that is 500 `Token` objects made and dropped, and
each of the project's three components read it. :func:`doc_text` (used by the date and
meeting finders) reads it once and keeps it in ``doc.user_data``; the
pipeline's tokenizer (:func:`analysis.nlp.build_pipeline`) stores the string it was given
there up front, so in the project's pipelines it is never rebuilt at all.

>>> class FakeDoc:          # anything with .text and .user_data
...     text, user_data = "Talks resumed.", {}
>>> doc = FakeDoc(); doc_text(doc), doc.user_data[TEXT_KEY]
('Talks resumed.', 'Talks resumed.')
"""

from __future__ import annotations

TEXT_KEY = "hostage_talks.text"  # the key of the text in doc.user_data


def doc_text(doc) -> str:
    """``doc.text``, computed at most once per Doc (spaCy's tokenization is lossless, so the
    string the tokenizer was given is the same text)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


LOWERS_KEY = "hostage_talks.lowers"  # the key of the tokens' lower-case texts in doc.user_data


def doc_lowers(doc) -> list[str]:
    """``[token.lower_ for token in doc]``, computed at most once per Doc: slices of it give a
    sentence's lower-case words without making a `Token` for each word again."""
    lowers = doc.user_data.get(LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[LOWERS_KEY] = [token.lower_ for token in doc]
    return lowers


def span_text(span) -> str:
    """``span.text``, sliced from the Doc's text (``Span.text`` joins its tokens' texts
    again each time it is read)."""
    return doc_text(span.doc)[span.start_char:span.end_char] if len(span) else ""
