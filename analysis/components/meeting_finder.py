"""spaCy component `meeting_finder`: meetings and the terms on the table, as plain dicts in
``doc._.meetings`` and ``doc._.terms``. The rules, and what each dict holds, are in
:mod:`analysis.rules.meeting_mentions`; their word lists in
``analysis/rules/data/meeting_lexicon.csv`` and ``analysis/rules/data/deal_terms.csv``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.rules.meeting_mentions import MeetingFinder

if not Doc.has_extension("meetings"):
    Doc.set_extension("meetings", default=None)
if not Doc.has_extension("terms"):
    Doc.set_extension("terms", default=None)


@Language.factory("meeting_finder", assigns=["doc._.meetings", "doc._.terms"], default_config={})
def make_meeting_finder(nlp: Language, name: str):
    return MeetingFinder(nlp)
