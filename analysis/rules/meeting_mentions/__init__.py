"""The meeting rules, run by the spaCy component `meeting_finder`
(analysis/components/meeting_finder.py): meetings and the terms on the table, as plain
dicts.

``doc._.meetings`` holds one dict per *mention* of a meeting or round of talks, sentence by
sentence; :func:`analysis.assemble.meetings.meetings_table` resolves their dates against the
report date and merges the mentions of one meeting into one row. Each dict:

- ``kind``: ``primary`` (the sentence itself says who met, where or when) or ``anaphor``
  ("the meeting will include ...", "the two discussed ...", "the talks" with no place or day:
  it refers back to the meeting last mentioned and only adds participants);
- ``trigger`` (met, talks, summit, spoke ... in Paris), ``date_text``, ``planned``/``tense``/
  ``status``, ``location`` (canonical place from the gazetteer), ``participants`` (canonical
  names), ``offices`` (office keys such as ``cia_director``, resolved by date later),
  ``earlier`` ("previously", "had met"), ``negotiator`` (a negotiator or mediator is involved),
  ``quote``/``start_char``/``end_char`` and the ``sentence`` with its offsets.

``doc._.terms`` holds what was on the table: ``kind`` (truce_days | phases | hostages |
prisoners), ``value`` (days, a count, or "all"), ``quote``, ``start_char``, ``end_char``,
``sentence_start``.

Everything here is cheap: two PhraseMatchers, token look-ups and a few regular expressions per
sentence. Without the statistical model (``rules_only``) the same rules run on the sentencizer's
sentences; unknown people are then not reported (no PERSON entities).

The package, by stage: ``base`` (constants, word lists, records), ``geometry`` (token
distances and clauses), ``cues`` (word-level cues), ``rules`` (which groups are meetings),
``finder`` (the component and its candidates), ``sentence``, ``meeting``, ``checks``,
``people`` and ``terms`` (the parts of MeetingFinder, as mixins). Only
:class:`MeetingFinder` is imported from the package (by
:mod:`analysis.components.meeting_finder`); the records and word lists are imported from
``base``.
"""

from analysis.rules.meeting_mentions.finder import MeetingFinder

__all__ = ["MeetingFinder"]
