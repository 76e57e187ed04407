"""spaCy component `date_finder`: finds date expressions and dating signals and stores them as
plain dicts in `doc._.date_mentions`.

Each dict (JSON-serialisable) has text, start_char, end_char, kind, tense (of the clause:
past | future) and, where relevant, weekday (0=Monday) or amount/unit/qualifier for durations
since 7 October ("seven-month war"). See :func:`analysis.rules.dates.date_signals`; the rules are
regular expressions run once over the text, so the component costs little next to the model.
Sentences come from the doc (parser or sentencizer) when it has them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.rules import timeline
from analysis.rules.dates import date_signals
from analysis.rules.doc_text import doc_text

if not Doc.has_extension("date_mentions"):
    Doc.set_extension("date_mentions", default=None)


@Language.factory("date_finder", assigns=["doc._.date_mentions"], default_config={})
def make_date_finder(nlp: Language, name: str):
    return DateFinder(nlp)


class DateFinder:
    def __init__(self, nlp: Language):
        self.nlp = nlp
        # the timeline's rows and their one-pass engine (about 0.2 s) made with the pipeline,
        # so that workers forked after it share them instead of each making its own
        timeline.find_events("")
        timeline.holiday_patterns()

    def __call__(self, doc: Doc) -> Doc:
        sentences = None
        if doc.has_annotation("SENT_START"):
            sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
        doc._.date_mentions = date_signals(doc_text(doc), sentences)
        return doc
