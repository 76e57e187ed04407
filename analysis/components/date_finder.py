"""spaCy component `date_finder`: finds dates and stores them as plain dicts in `doc._.date_mentions`.

(Skeleton: the owning issue fills in the rules.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("date_mentions"):
    Doc.set_extension("date_mentions", default=None)


@Language.factory("date_finder")
def make_date_finder(nlp: Language, name: str):
    return DateFinder(nlp)


class DateFinder:
    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        doc._.date_mentions = []
        return doc
