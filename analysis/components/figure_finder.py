"""spaCy component `figure_finder`: finds figures and stores them as plain dicts in `doc._.figures`.

Each dict has the keys metric, population, value, qualifier, low, high, scope, group, vague,
attributed_to, sentence, quote, start_char, end_char (str/int/bool/None only), with
``doc.text[start_char:end_char] == quote``. The rules are in :mod:`analysis.rules.figures`,
their word lists in ``analysis/rules/data/figure_words.json`` and
``analysis/rules/data/figure_sources.csv``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.rules.figures import find_figures, load_figure_lexicon

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)


@Language.factory("figure_finder", assigns=["doc._.figures"], default_config={})
def make_figure_finder(nlp: Language, name: str):
    return FigureFinder(nlp)


class FigureFinder:
    def __init__(self, nlp: Language):
        self.nlp = nlp
        load_figure_lexicon()  # compile the word lists once, up front

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc
