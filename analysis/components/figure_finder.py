"""spaCy component `figure_finder`: finds figures and stores them as plain dicts in `doc._.figures`.

(Skeleton: the owning issue fills in the rules.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)


@Language.factory("figure_finder")
def make_figure_finder(nlp: Language, name: str):
    return FigureFinder(nlp)


class FigureFinder:
    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = []
        return doc
