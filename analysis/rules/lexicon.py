"""Every keyed word list the rules read, loaded once and checked both ways.

A keyed list is a JSON object (``figure_words.json``, ``common_words.json``) or a CSV of
``kind,words`` rows with ``;``-separated words (``meeting_lexicon.csv``, ``deal_terms.csv``),
all in ``analysis/rules/data/``. Each must hold exactly the keys :data:`KEYS` names, as
negspacy checks its termsets: a key the file lacks is an error (the rules would find
nothing), and so is a key no rule reads (editing it would change nothing). A ``_about`` key
documents a JSON file. tests/test_lexicon.py checks that every key of :data:`KEYS` is read
by some rule.

The words several rules share live here once: :data:`MONTHS` (name or abbreviation -> month
number), :data:`MONTH_NAMES` (the twelve full names), :data:`NUMBER_WORDS` (zero to nineteen)
and :data:`TENS_WORDS` (twenty to ninety).

>>> MONTHS["sept"], MONTH_NAMES[0], NUMBER_WORDS["twelve"], TENS_WORDS["forty"]
(9, 'january', 12, 40)
>>> check_keys("deal_terms.csv", {"ordinal"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
analysis.rules.lexicon.LexiconError: deal_terms.csv: missing key(s) ...; unexpected ...
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

from analysis.paths import LEXICON_DIR

KEYS: dict[str, frozenset[str]] = {
    "common_words.json": frozenset({"months", "number_words", "tens_words",
                                    "title_abbreviations"}),
    "figure_words.json": frozenset({
        "groups", "hedges", "hedge_estimate_verbs", "person_heads", "hostage_heads",
        "prisoner_heads", "subgroup_heads", "foreign_heads", "np_modifiers", "kill_left",
        "kill_right", "death_toll", "injure_left", "injure_right", "injury_toll", "take_left",
        "take_right", "release_left", "release_right", "hold_left", "hold_right", "dead_right",
        "displace_left", "displace_right", "prison_context", "pending_markers",
        "rate_markers", "incident_markers", "war_markers", "pre_subset_markers",
        "israeli_victim_cues", "palestinian_victim_cues", "israeli_displaced_cues",
        "other_displaced_cues", "other_victim_cues", "other_war_cues",
        "israeli_release_agents",
        "hostage_release_agents", "source_words", "unit_nouns", "quantity_left",
        "day_markers", "alive_right", "proposal_markers", "prewar_markers"}),
    "meeting_lexicon.csv": frozenset({
        "meet_verb", "weak_verb", "travel_verb", "noun", "participation", "anaphor_subject",
        "planned", "planned_phrase", "phone", "phone_context",
        "not_meeting", "topic", "speech", "sender", "proxy", "place_preposition", "anchor",
        "departure", "return_verb", "arrive_verb", "delegation", "negotiator_noun",
        "not_trigger_next", "round_modifier", "temporal_preposition", "clause_break",
        "round_start", "round_end", "place_noun", "strong_topic", "join_verb",
        "speech_gerund", "receive_verb", "absent", "called_off", "home_verb",
        "weekday_words", "talks_subject", "person_cue", "not_name", "place_modifier_head",
        "role_verb", "wish", "country_spy_chief", "appeal", "departure_for", "nationality",
        "talks_state", "send_verb", "outlet_word", "source_noun", "death_noun",
        "under_attack_verb",
        "author_verb", "talks_source", "speech_adverb", "press_audience", "plan_noun",
        "host_people", "other_front", "gaza_front", "foreign_nationality", "not_there"}),
    "deal_terms.csv": frozenset({
        "truce_noun", "unit_days", "ordinals", "deal_context",
        "hostage_noun", "prisoner_noun", "proposal_context"}),
}
DOCUMENTATION_KEY = "_about"


class LexiconError(ValueError):
    """A word-list file lacks a key the rules read, or holds one no rule reads."""


def check_keys(name: str, found) -> None:
    """Raise :class:`LexiconError` unless `found` (a file's keys) is exactly ``KEYS[name]``."""
    found = set(found) - {DOCUMENTATION_KEY}
    missing, unexpected = KEYS[name] - found, found - KEYS[name]
    problems = []
    if missing:
        problems.append(f"missing key(s) {', '.join(sorted(missing))}")
    if unexpected:
        problems.append(f"unexpected key(s) {', '.join(sorted(unexpected))} (no rule reads them)")
    if problems:
        raise LexiconError(f"{name}: " + "; ".join(problems))


def _read(path: Path) -> dict:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["kind"]: [w.strip().lower() for w in row["words"].split(";") if w.strip()]
                for row in csv.DictReader(handle)}


@cache
def word_lists(name: str, folder: str | Path = LEXICON_DIR) -> dict:
    """The keyed lists of data file `name` (checked against :data:`KEYS`), read once.
    CSV words are lower-cased; JSON values are as written. Callers must not change them."""
    lists = _read(Path(folder) / name)
    check_keys(name, lists)
    return {key: value for key, value in lists.items() if key != DOCUMENTATION_KEY}


_COMMON = word_lists("common_words.json")
MONTHS: dict[str, int] = dict(_COMMON["months"])
MONTH_NAMES: list[str] = [name for name, number in MONTHS.items()
                          if name == next(n for n, m in MONTHS.items() if m == number)]
NUMBER_WORDS: dict[str, int] = dict(_COMMON["number_words"])
TENS_WORDS: dict[str, int] = dict(_COMMON["tens_words"])
