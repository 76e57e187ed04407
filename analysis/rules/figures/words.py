"""The figure rules' words and the names every stage shares.

The metrics, populations and qualifiers of figures.csv; `FigureLexicon`, the word lists of
``data/figure_words.json`` and the sources of ``data/figure_sources.csv`` compiled once
(`load_figure_lexicon`); the regex fragments several stages use (auxiliaries, "X said",
appositives, modals, places). Fed by :mod:`analysis.rules.lexicon`; feeds every module of
:mod:`analysis.rules.figures`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.paths import LEXICON_DIR
from analysis.rules.lexicon import MONTHS, word_lists
from analysis.rules.word_trie import build_trie, trie_pattern

WORDS_PATH = LEXICON_DIR / "figure_words.json"
SOURCES_PATH = LEXICON_DIR / "figure_sources.csv"

METRICS = ("killed", "injured", "hostages_taken", "hostages_held", "hostages_dead",
           "hostages_released", "prisoners_held", "prisoners_released", "displaced")
POPULATIONS = ("palestinian", "israeli", "other")
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
EVENT_METRICS = {"hostages_taken", "hostages_released", "prisoners_released"}


def _alternation(words) -> str:
    """A pattern for any of `words` (case aside; a space stands for any run of white space, an
    apostrophe for a typographic one too: "Israel’s north"), the longest first where several
    match at one place.

    Written as a trie of the words rather than word after word: at any place, the words that
    can match lie on one path of the trie (no two branches of a node match the same
    character), which tries them longest first, as the list sorted by length does; so the
    matches and the order they are tried in are the same, without every word being tried at
    every place (the figure finder's trigger and hedge tests: a fifth of its time). A list
    whose trie would have two branches matching one character is written word by word.

    >>> _alternation(["killed", "kill", "wounded", "taken hostage"])
    '(?:kill(?:ed)?|taken\\\\s+hostage|wounded)'
    """
    words = sorted({w.lower() for w in words})
    root = build_trie(words)
    if _ambiguous(root):
        return "|".join("".join(map(_symbol, w)) for w in sorted(words, key=len, reverse=True))
    return trie_pattern(root, _symbol)


def _symbol(char: str) -> str:
    return r"\s+" if char == " " else "['’]" if char == "'" else re.escape(char)


def _ambiguous(node: dict) -> bool:
    """Whether two branches of some node of the trie can match one character: white space,
    the two apostrophes, the cases of a letter (or a character `re` folds specially)."""
    seen = set()
    for char in node:
        if not char:
            continue
        if char == "\\" or (not char.isascii() and char != "’"
                              and char.lower() != char.upper()):
            return True
        key = " " if char.isspace() else "'" if char in "'’" else char.lower()
        if key in seen:
            return True
        seen.add(key)
    return any(_ambiguous(child) for child in node.values())


def _phrase_re(words, prefix: str = "", suffix: str = "") -> re.Pattern:
    """A case-insensitive pattern for any of `words` as whole words. A phrase followed by a
    hyphen is the start of a compound and does not count: "a week" is a rate, "a week-long
    truce" is not.

    >>> bool(_phrase_re(["a week"]).search("freed during a week-long truce"))
    False
    """
    return re.compile(rf"{prefix}(?<![\w'’])(?:{_alternation(words)})(?![\w'’]|-\w){suffix}",
                      re.IGNORECASE)


@dataclass(frozen=True)
class FigureLexicon:
    """The compiled word lists."""

    hedge_re: re.Pattern
    hedge_kind: dict
    estimate_re: re.Pattern
    word_kind: dict  # lowercased word/phrase -> kind (hostage, prisoner, foreign, subgroup, person)
    head_re: re.Pattern  # one head or modifier word/phrase at the start of a string
    modifiers: frozenset
    unit_words: frozenset
    quantity_left_re: re.Pattern
    month_left_re: re.Pattern
    month_right_re: re.Pattern
    left: dict  # trigger name -> regex matching at the end of the left context
    right: dict  # trigger name -> regex matching at the start of the right context
    any_left_re: re.Pattern  # matches where one of `left` does: skips the six when none
    any_right_re: re.Pattern  # matches where one of `right` does: skips the seven when none
    toll_left_re: re.Pattern
    injury_toll_left_re: re.Pattern
    pending_re: re.Pattern
    rate_re: re.Pattern
    incident_re: re.Pattern
    day_re: re.Pattern
    war_re: re.Pattern
    rescue_re: re.Pattern
    subset_left_re: re.Pattern
    dead_search_re: re.Pattern
    prison_re: re.Pattern
    hostage_word_re: re.Pattern
    prisoner_word_re: re.Pattern
    cue_res: dict  # population -> regex of victim cues
    other_war_re: re.Pattern  # another war's casualties (Iran's 12-day war with Israel)
    since_re: re.Pattern
    displaced_cue_res: dict
    israeli_agent_re: re.Pattern
    hostage_agent_re: re.Pattern
    oct7_re: re.Pattern
    according_re: re.Pattern
    report_verb_re: re.Pattern
    source_word_re: re.Pattern
    sources: tuple  # (compiled regex, canonical name)
    prewar_re: re.Pattern
    alive_re: re.Pattern  # "20 of them are alive": a count of the living, not a metric
    proposal_re: re.Pattern  # a proposal governs the rest of its clause
    verb_words: frozenset  # trigger verbs: "people and kidnapped" ends the noun phrase
    group_of: dict  # lowercased head word -> the sub-group it names (children, women, ...)


# auxiliaries, adverbs and appositives allowed between a noun phrase and its predicate
_AUX = (r"(?:who|that|which|have|has|had|were|was|are|is|been|being|also|since|so\s+far|now|"
        r"still|reportedly|all|believed|thought|known|confirmed|presumed|said|to|be|in\s+total|"
        r"already|later|then|subsequently|either|altogether|more|allegedly|likely|"
        r"estimated|feared|considered|listed\s+as|declared|either|currently|remain|"
        r"reported|recorded|registered|documented|"  # "were reported killed", "recorded injured"
        r"as(?=\s+(?:wounded|injured|killed|dead|missing|displaced)\b)|"  # "listed 92,743 people
        # as wounded"
        r"will|would|could|might|may|shall|should|due|set|expected|scheduled|slated|going|"
        r"is\s+to|are\s+to|were\s+to|was\s+to|[a-z]{3,}ly|"
        # the agent of a belief: "35 are believed by the Israeli military to be dead"
        r"by\s+(?:the\s+)?(?:\w+\s+)?(?:military|army|government|officials|authorities|idf|israel))")
# a relative clause with its own subject: "41 (that) the Israeli military has declared dead",
# "eight of whom Israel says are dead"
_SAYS = (r"(?:\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:military\s+|army\s+|government\s+|"
         r"officials\s+|authorities\s+)?(?:has\s+|have\s+|had\s+)?(?:says?|said|believes?|"
         r"declared|confirmed|thinks?|considers?|reports?|reported|estimates?))?")
# an aside between a noun phrase and its predicate: ", mostly civilians,", " — 13 of them
# children —", "(IDPs)", ", including civilians, medics, and Hezbollah fighters,"
_APPOSITIVE = (r"(?:\s*(?:,[^,.;]{1,70},|\s[–—-]\s[^–—.;]{1,70}\s[–—-]|[–—][^–—.;]{1,70}[–—]|"
               r"\([^().;]{1,70}\)|"
               r",\s*(?:including|mostly|mainly|among\s+them)\b[^.;]{1,90}?,))?")
_MODAL_RE = re.compile(r"\b(?:will|would|could|might|may|shall|should|due|set(?!\s+free)|expected|"
                       r"scheduled|slated|going|are\s+to|is\s+to|were\s+to|was\s+to)\b",
                       re.IGNORECASE)
# a place between a noun phrase and its predicate: "1.7 million people in Gaza have been displaced"
_PLACE = (r"(?:\s+(?:in|from|across|inside|throughout|of|by)\s+(?:the\s+)?"
          r"(?:(?:northern|southern|eastern|western|central|occupied)\s+)?[A-Z][\w'’-]*"
          r"(?:\s+[A-Z][\w'’-]*)?)?")  # ("60,000 residents of northern Israel remain displaced";


# an agent: "twelve Thai nationals held captive by Hamas were released")
# the day they were taken, between the noun phrase and its predicate: "111 of the hostages from
# Oct. 7 remain in Gaza", "the 101 hostages since October 7, 2023, are still held"
_WHEN = (r"(?:\s+(?:from|since|on)\s+(?:Oct(?:ober|\.)?\s+7(?:th)?|7(?:th)?\s+Oct(?:ober|\.)?)"
         r"(?:,?\s+2023)?,?)?")


@lru_cache(maxsize=1)
def load_figure_lexicon(path: str | Path = WORDS_PATH,
                        sources_path: str | Path = SOURCES_PATH) -> FigureLexicon:
    """Compile the word lists in ``data/figure_words.json`` (keys checked by
    analysis.rules.lexicon) and ``data/figure_sources.csv``."""
    data = word_lists(Path(path).name, Path(path).parent)
    return FigureLexicon(**_noun_lists(data), **_trigger_lists(data),
                         **_population_lists(data, sources_path))


def _word_kinds(data: dict) -> dict:
    """Lowercased head word -> its kind (person, subgroup, prisoner, hostage, foreign)."""
    word_kind = {}
    for kind, key in (("person", "person_heads"), ("subgroup", "subgroup_heads"),
                      ("prisoner", "prisoner_heads"), ("hostage", "hostage_heads"),
                      ("foreign", "foreign_heads")):
        for word in data[key]:
            word_kind[word.lower()] = kind
    return word_kind


def _noun_lists(data: dict) -> dict:
    """Hedges, noun-phrase heads and modifiers, units, months, groups."""
    hedge_kind = {}
    for kind, words in data["hedges"].items():
        for word in words:
            hedge_kind[re.sub(r"\s+", " ", word.lower())] = kind
    word_kind = _word_kinds(data)
    heads_and_mods = set(word_kind) | {w.lower() for w in data["np_modifiers"]}
    months = _alternation(MONTHS)
    return dict(
        hedge_re=re.compile(rf"(?<![\w'’])({_alternation(hedge_kind)})\s*$", re.IGNORECASE),
        hedge_kind=hedge_kind,
        estimate_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['hedge_estimate_verbs'])})"
                               r"(?:\s+that)?(?:\s+there\s+(?:are|were|is|remain)(?:\s+(?:still|currently|now))?)?"
                               r"\s*$|"
                               r"\baccording\s+to\s+(?:\w+\s+){0,2}estimates\s*,\s*$|"
                               r"(?<![\w'’])(?:estimates?|estimated)\s+(?!at\b)[^.;:,\d]{1,80}?"
                               r"\bat\s*$",
                               re.IGNORECASE),  # ("According to Israeli estimates, 50 ...";
        # "It is estimated that there are currently 137 hostages being held in Gaza";
        # an estimate's tally: "the ministry estimates the death toll at 40,005", "the
        # military's estimates put the number of hostages in Gaza at 132")
        word_kind=word_kind,
        # scare quotes are allowed around a word: "13,000 ‘terrorists’", "50 'martyrs'"
        # (a closing quote only after an opening one: "hostages’ bodies" is a possessive; a
        # sentence's full stop may come before it: 'the release of 11 "foreign nationals."')
        head_re=re.compile(rf"\s*(?P<q>[\"“‘'])?(?P<head>{_alternation(heads_and_mods)})"
                           rf"(?(q)[.,]?[\"”’'](?!\w)|(?![\w'’]))", re.IGNORECASE),
        modifiers=frozenset(w.lower() for w in data["np_modifiers"]),
        unit_words=frozenset(w.lower() for w in data["unit_nouns"]),
        quantity_left_re=re.compile(rf"(?:^|(?<=[\s(]))(?:{_alternation(data['quantity_left'])})"
                                    r"\s*$", re.IGNORECASE),
        month_left_re=re.compile(rf"(?<![\w'’])(?:{months})\.?\s*$", re.IGNORECASE),
        month_right_re=re.compile(rf"^\s*(?:{months})\b", re.IGNORECASE),
        group_of={w.lower(): group for group, words in data["groups"].items() for w in words},
        verb_words=frozenset(w.lower() for key in ("kill_left", "injure_left", "take_left",
                                                   "release_left", "displace_left")
                             for w in data[key] if " " not in w),
    )


def _trigger_lists(data: dict) -> dict:
    """Triggers left and right of the number, tolls, and the markers of vetoes."""

    def left_re(*keys):
        words = "|".join(f"(?:{_alternation(data[key])})" for key in keys)
        return re.compile(rf"(?<![\w'’])(?:{words})\s*,?\s*$", re.IGNORECASE)

    def right_re(*keys):
        words = "|".join(f"(?:{_alternation(data[key])})" for key in keys)
        return re.compile(rf"^(?:{_APPOSITIVE}{_PLACE}|{_PLACE}{_APPOSITIVE}){_WHEN}{_SAYS}"
                          rf"\s*(?:,|\s[–—-](?=\s))?(?:(?:\s+|(?<=[–—])){_AUX})*\s*(?:{words})"
                          r"(?![\w'’])", re.IGNORECASE)

    left_keys = ("kill_left", "injure_left", "take_left", "release_left", "hold_left",
                 "displace_left")
    right_keys = ("kill_right", "injure_right", "take_right", "release_right", "hold_right",
                  "dead_right", "displace_right")

    return dict(
        left={key: left_re(key) for key in left_keys},
        right={key: right_re(key) for key in right_keys},
        # one search for "does any trigger end the left context / start the right one?": a
        # match of any one pattern is a match of the union and back (the union only tries
        # every list at each place), so most numbers, which have none, cost one call, not 6-7
        any_left_re=left_re(*left_keys),
        any_right_re=right_re(*right_keys),
        # ("the 26 dead hostages so far, leaving 14": "dead" before a noun is no toll)
        toll_left_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['death_toll'])})"
                                r"(?![\w'’])(?!\s+(?:hostages?|captives?|bodies|abductees))"
                                r"[^\d.;:]{0,120}$", re.IGNORECASE),
        injury_toll_left_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['injury_toll'])})"
                                       r"(?![\w'’])[^\d.;:]{0,40}$", re.IGNORECASE),
        pending_re=_phrase_re(data["pending_markers"]),
        rate_re=_phrase_re(data["rate_markers"]),
        incident_re=_phrase_re(data["incident_markers"]),
        day_re=_phrase_re(data["day_markers"]),
        war_re=_phrase_re(data["war_markers"]),
        rescue_re=re.compile(r"(?<![\w'’])(?:rescued|rescuing|rescues?\s+of|rescue\s+(?:operation|raid|mission)s?\s+\w+|recovered|retrieved|"
                             r"bodies\s+of|remains\s+of|coffins\s+of)\b[^.;]{0,25}$",
                             re.IGNORECASE),
        subset_left_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['pre_subset_markers'])})"
                                  r"\s*$", re.IGNORECASE),
        prison_re=_phrase_re(data["prison_context"]),
        dead_search_re=re.compile(rf"^[^,;.]*?(?<![\w'’])(?:{_alternation(data['dead_right'])})"
                                  r"(?![\w'’])", re.IGNORECASE),
        alive_re=re.compile(rf"^(?:\s+{_AUX})*\s*(?:{_alternation(data['alive_right'])})"
                            r"(?![\w'’])", re.IGNORECASE),
        proposal_re=_phrase_re(data["proposal_markers"]),
        prewar_re=_phrase_re(data["prewar_markers"]),
    )


def _population_lists(data: dict, sources_path: str | Path) -> dict:
    """Population cues, release agents, the 7 October markers and attribution."""
    with open(sources_path, encoding="utf-8", newline="") as handle:
        sources = tuple((re.compile(row["pattern"], re.IGNORECASE), row["canonical"])
                        for row in csv.DictReader(handle) if row["pattern"].strip())
    oct7 = [c for c in data["war_markers"] if re.search(r"\b(?:oct|october)\b", c)]
    return dict(
        hostage_word_re=_phrase_re(data["hostage_heads"] + ["taken hostage", "abducted",
                                                            "kidnapped", "captivity"]),
        prisoner_word_re=_phrase_re(data["prisoner_heads"] + ["jails", "prisons", "jail", "prison",
                                                              "detention"]),
        cue_res={"israeli": _phrase_re(data["israeli_victim_cues"]),
                 "palestinian": _phrase_re(data["palestinian_victim_cues"]),
                 "other": _phrase_re(data["other_victim_cues"])},
        other_war_re=_phrase_re(data["other_war_cues"]),
        since_re=re.compile(r"(?:(?:since|after|following|from|(?:began|started|erupted|broke\s+out)"
                            r"\s+on)\s+(?:the\s+|an?\s+)?(?:hamas['’]s?\s+|its\s+)?|"
                            r"\b(?:war|conflict|fighting|hostilities|offensive|onslaught)\s+on\s+)$",
                            re.IGNORECASE),  # ("since the outbreak of the conflict on October 7")
        displaced_cue_res={"israeli": _phrase_re(data["israeli_displaced_cues"]),
                           "other": _phrase_re(data["other_displaced_cues"])},
        israeli_agent_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['israeli_release_agents'])})"
                                    r"(?![\w'’])(?:\s+\w+){0,3}\s*$", re.IGNORECASE),
        hostage_agent_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['hostage_release_agents'])})"
                                    r"(?![\w'’])(?:\s+\w+){0,3}\s*$", re.IGNORECASE),
        oct7_re=_phrase_re(oct7 + ["rampage", "cross-border attack", "hamas attack",
                                   "hamas-led attack", "hamas's attack", "hamas' attack",
                                   "surprise attack", "attack on israel", "raid of hamas",
                                   "stormed", "7 october attack", "october 7 attack",
                                   "hamas assault", "hamas-led assault", "hamas's assault",
                                   "hamas' assault", "hamas raid", "hamas-led raid",
                                   "hamas incursion", "hamas-led incursion"]),
        according_re=re.compile(r"\baccording\s+to\s+([^,.;:()\"“”]+)", re.IGNORECASE),
        report_verb_re=re.compile(r"(?<![\w'’])(?:said|says|say|reported|reports|estimates|"
                                  r"estimated|told|stated|states|announced|announces|"
                                  r"confirmed|confirms|counted|recorded|tallied|show|shows|believes|"
                                  r"showed|put|puts)(?![\w'’])", re.IGNORECASE),
        source_word_re=_phrase_re(data["source_words"]),
        sources=sources,
    )
