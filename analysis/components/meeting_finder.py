"""spaCy component `meeting_finder`: finds meetings and the terms on the table and stores them as plain dicts in `doc._.meetings`.

(Skeleton: the owning issue fills in the rules.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("meetings"):
    Doc.set_extension("meetings", default=None)
if not Doc.has_extension("terms"):
    Doc.set_extension("terms", default=None)


@Language.factory("meeting_finder")
def make_meeting_finder(nlp: Language, name: str):
    return MeetingFinder(nlp)


class MeetingFinder:
    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        doc._.meetings = []
        doc._.terms = []
        return doc
