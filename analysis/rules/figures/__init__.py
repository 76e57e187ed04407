"""Figure extraction: casualty, hostage, prisoner and displacement counts stated in an article.

Works sentence by sentence on a spaCy ``Doc`` (the real model or the rule-only blank pipeline:
the model's part-of-speech tags are only used, when present, to drop numbers that count things
rather than people). For every number in a sentence (see :mod:`analysis.rules.numbers`):

1. drop quantities that are not counts of people: percentages, ages, years and dates, money,
   durations and other units, compound adjectives ("four-day truce");
2. read the hedge right before it (``qualifier``: the hedge scopes over that number only);
3. read the noun phrase after it ("security detainees", "Israeli women and children", "others",
   "of whom") and the trigger right before it ("killed", "took", "released", "holds") or the
   predicate after the noun phrase ("were killed", "are still held", "have died");
4. pick the metric from noun kind + trigger (the tables ``NOUN_METRICS`` and
   ``TRIGGER_METRICS`` of :mod:`.metric`); drop proposed or pending numbers ("would free 40
   hostages", "will be released"), rates ("each day", "in the past 24 hours"), single-incident
   tolls ("an Israeli strike on a school killed 12") and rescues; keep sub-counts with their
   ``group`` ("including 12,300 children": children; "20 of them believed alive": alive) and
   amounts without a number with ``vague`` true ("hundreds of prisoners": 100);
   a toll under 1,000 with nothing war-level in its sentence is one day's or one strike's;
   a 24-hour marker governs its whole clause; subsets carry over "and"; "N of them" after a
   release or a dropped number is a part of it; the living ("20 of them alive") and people
   taken before the war are not counted; ages in apposition ("Sharabi, 52,") are dropped;
   a nationality breakdown between dashes or brackets ("— 13 Israelis, 10 Thais and a
   Filipino —") gives one row per part;
5. population from the noun phrase, else from the nearest cue in the sentence (the 7 October
   attack and its attackers mean Israeli victims; Gaza, Palestinians, Israel's offensive mean
   Palestinian victims); scope; attribution from "according to X" / "X said" mapped to a
   canonical source name (``data/figure_sources.csv``).

Each number goes through ``_read_number`` (:mod:`.sentence`): a few reading steps, then the
vetoes, each a small named function whose docstring lists the phrases it matches and the ones
it leaves (``_METRIC_VETOES`` of :mod:`.vetoes` for those that need the metric). All word
lists live in ``data/figure_words.json``; ``docs/figures.md`` describes the rules with
examples and scores.

The stages are modules of this package, each fed by the ones before it: :mod:`.words` (word
lists, metrics), :mod:`.noun_phrase` (excluded quantities, hedge, noun phrase),
:mod:`.triggers` (verbs, cues, attribution), :mod:`.rates` (parts of a whole, rates),
:mod:`.reading` (one number's reading), :mod:`.predicates` (relative clauses and
participles), :mod:`.states` (what the predicate says), :mod:`.parts` (parts of the count
before), :mod:`.metric`, :mod:`.groups` (sub-counts), :mod:`.rows` (population, bound, quote),
:mod:`.scope_vetoes` (counts of another scope), :mod:`.vetoes`, :mod:`.breakdowns` (by
nationality), :mod:`.sentence` (:func:`figures_in_sentence`) and :mod:`.document`
(:func:`find_figures`).

>>> import spacy
>>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")           # doctest: +ELLIPSIS
<...>
>>> rows = find_figures(nlp("Hamas-led militants killed about 1,200 people on Oct. 7."))
>>> [(r["metric"], r["population"], r["value"], r["qualifier"]) for r in rows]
[('killed', 'israeli', 1200, 'approx')]
"""

from analysis.rules.figures.document import find_figures
from analysis.rules.figures.sentence import figures_in_sentence
from analysis.rules.figures.triggers import canonical_source
from analysis.rules.figures.words import (
    METRICS,
    POPULATIONS,
    QUALIFIERS,
    FigureLexicon,
    load_figure_lexicon,
)

# The public names: the two entry points and what the component and the tests import.
# The stages' tables and tuning constants (``NOUN_METRICS``, ``TOLL_MAX``, ...) are imported
# from their own modules.
__all__ = [
    "METRICS", "POPULATIONS", "QUALIFIERS", "FigureLexicon", "canonical_source",
    "figures_in_sentence", "find_figures", "load_figure_lexicon",
]
