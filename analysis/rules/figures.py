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
   ``TRIGGER_METRICS``); drop proposed or pending numbers ("would free 40 hostages", "will be
   released"), rates ("each day", "in the past 24 hours"), single-incident tolls ("an Israeli
   strike on a school killed 12") and rescues; keep sub-counts with their ``group``
   ("including 12,300 children": children; "20 of them believed alive": alive) and amounts
   without a number with ``vague`` true ("hundreds of prisoners": 100);
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

Each number goes through :func:`_read_number`: a few reading steps, then the vetoes, each a
small named function whose docstring lists the phrases it matches and the ones it leaves
(``_METRIC_VETOES`` for those that need the metric). All word lists live in
``data/figure_words.json``; ``docs/figures.md`` describes the rules with examples and scores.

>>> import spacy
>>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")           # doctest: +ELLIPSIS
<...>
>>> rows = find_figures(nlp("Hamas-led militants killed about 1,200 people on Oct. 7."))
>>> [(r["metric"], r["population"], r["value"], r["qualifier"]) for r in rows]
[('killed', 'israeli', 1200, 'approx')]
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.paths import LEXICON_DIR
from analysis.rules.lexicon import MONTH_NAMES, MONTHS, NUMBER_WORDS, TENS_WORDS, word_lists
from analysis.rules.numbers import Number, find_numbers

WORDS_PATH = LEXICON_DIR / "figure_words.json"
SOURCES_PATH = LEXICON_DIR / "figure_sources.csv"

METRICS = ("killed", "injured", "hostages_taken", "hostages_held", "hostages_dead",
           "hostages_released", "prisoners_held", "prisoners_released", "displaced")
POPULATIONS = ("palestinian", "israeli", "other")
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
EVENT_METRICS = {"hostages_taken", "hostages_released", "prisoners_released"}


def _alternation(words) -> str:
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in words)  # (a typographic apostrophe too: "Israel’s north")


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
        r"already|later|then|subsequently|either|altogether|more|others?|allegedly|likely|"
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
_APPOSITIVE = (r"(?:\s*(?:,[^,.;]{1,70},|\s[–—-]\s[^–—.;]{1,70}\s[–—-]|\([^().;]{1,70}\)|"
               r",\s*(?:including|mostly|mainly|among\s+them)\b[^.;]{1,90}?,))?")
_MODAL_RE = re.compile(r"\b(?:will|would|could|might|may|shall|should|due|set(?!\s+free)|expected|"
                       r"scheduled|slated|going|are\s+to|is\s+to|were\s+to|was\s+to)\b",
                       re.IGNORECASE)
# a place between a noun phrase and its predicate: "1.7 million people in Gaza have been displaced"
_PLACE = (r"(?:\s+(?:in|from|across|inside|throughout|of|by)\s+(?:the\s+)?"
          r"(?:(?:northern|southern|eastern|western|central|occupied)\s+)?[A-Z][\w'’-]*"
          r"(?:\s+[A-Z][\w'’-]*)?)?")  # ("60,000 residents of northern Israel remain displaced";
# an agent: "twelve Thai nationals held captive by Hamas were released")


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
                               r"(?:\s+that)?(?:\s+there\s+(?:are|were|is|remain))?\s*$",
                               re.IGNORECASE),
        word_kind=word_kind,
        # scare quotes are allowed around a word: "13,000 ‘terrorists’", "50 'martyrs'"
        # (a closing quote only after an opening one: "hostages’ bodies" is a possessive)
        head_re=re.compile(rf"\s*(?P<q>[\"“‘'])?(?P<head>{_alternation(heads_and_mods)})"
                           rf"(?(q)[\"”’'](?!\w)|(?![\w'’]))", re.IGNORECASE),
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

    def left_re(key):
        return re.compile(rf"(?<![\w'’])(?:{_alternation(data[key])})\s*,?\s*$", re.IGNORECASE)

    def right_re(key):
        return re.compile(rf"^(?:{_APPOSITIVE}{_PLACE}|{_PLACE}{_APPOSITIVE}){_SAYS}"
                          rf"\s*,?(?:\s+{_AUX})*\s*(?:{_alternation(data[key])})"
                          r"(?![\w'’])", re.IGNORECASE)

    return dict(
        left={key: left_re(key) for key in ("kill_left", "injure_left", "take_left",
                                             "release_left", "hold_left", "displace_left")},
        right={key: right_re(key) for key in ("kill_right", "injure_right", "take_right",
                                               "release_right", "hold_right", "dead_right",
                                               "displace_right")},
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
        prisoner_word_re=_phrase_re(data["prisoner_heads"] + ["jails", "prisons"]),
        cue_res={"israeli": _phrase_re(data["israeli_victim_cues"]),
                 "palestinian": _phrase_re(data["palestinian_victim_cues"]),
                 "other": _phrase_re(data["other_victim_cues"])},
        other_war_re=_phrase_re(data["other_war_cues"]),
        since_re=re.compile(r"(?:since|after|following|from|(?:began|started|erupted|broke\s+out)"
                            r"\s+on)\s+(?:the\s+|an?\s+)?(?:hamas['’]s?\s+|its\s+)?$",
                            re.IGNORECASE),
        displaced_cue_res={"israeli": _phrase_re(data["israeli_displaced_cues"]),
                           "other": _phrase_re(data["other_displaced_cues"])},
        israeli_agent_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['israeli_release_agents'])})"
                                    r"(?![\w'’])(?:\s+\w+){0,3}\s*$", re.IGNORECASE),
        hostage_agent_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['hostage_release_agents'])})"
                                    r"(?![\w'’])(?:\s+\w+){0,3}\s*$", re.IGNORECASE),
        oct7_re=_phrase_re(oct7 + ["rampage", "cross-border attack", "hamas attack",
                                   "hamas-led attack", "hamas's attack", "hamas' attack",
                                   "surprise attack", "attack on israel", "raid of hamas",
                                   "stormed", "7 october attack", "october 7 attack"]),
        according_re=re.compile(r"\baccording\s+to\s+([^,.;:()\"“”]+)", re.IGNORECASE),
        report_verb_re=re.compile(r"(?<![\w'’])(?:said|says|say|reported|reports|estimates|"
                                  r"estimated|told|stated|states|announced|announces|"
                                  r"confirmed|confirms|counted|recorded|tallied|show|shows|believes|"
                                  r"showed|put|puts)(?![\w'’])", re.IGNORECASE),
        source_word_re=_phrase_re(data["source_words"]),
        sources=sources,
    )


# --------------------------------------------------------------------------------------------
# noun phrase after the number


@dataclass
class NounPhrase:
    kind: str | None  # hostage | prisoner | person | subgroup | pronoun | None
    end: int  # offset (in the right context) where the phrase ends
    of_the: bool = False  # "31 of the hostages": a part of a group
    foreign: bool = False
    nationality: str | None = None  # palestinian | israeli | other, when the phrase names it
    first_word: str = ""
    others: bool = False
    group: str | None = None  # the sub-group its words name ("children", "women and children")


_PRONOUN_RE = re.compile(r"^\s*,?\s*(?:of\s+(?:whom|them|those|these)|who|whom|whose)\b",
                         re.IGNORECASE)
_OF_THE_RE = re.compile(r"^\s+of\s+(?:the|those|these|its|their|our|his|her)\s+", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"^\s*([A-Za-z][\w'’.]*)")
# a word of the noun phrase -> the nationality it names; "first" words win over later ones
# except where marked weak ("Israeli" and soldiers yield to "Palestinian")
_NATIONALITY_OF_WORD = {
    "palestinian": ("palestinian", False), "palestinians": ("palestinian", False),
    "gazan": ("palestinian", False), "gazans": ("palestinian", False),
    "lebanese": ("other", False),
    "israeli": ("israeli", True), "israelis": ("israeli", True),
    "soldiers": ("israeli", True), "troops": ("israeli", True),
    "servicemen": ("israeli", True), "reservists": ("israeli", True),
}


def _noun_phrase_words(right: str, pos: int, lexicon: FigureLexicon) -> tuple[list[str], int]:
    """The head and modifier words after the number (at most six) and where the last head
    ends; "people and kidnapped" stops at the verb, "hostages and the bodies of" at the bodies
    (another count)."""
    words, end, previous, kinds = [], 0, "", 0
    for _ in range(6):
        match = lexicon.head_re.match(right, pos)
        if not match:
            break
        word = re.sub(r"\s+", " ", match.group("head").lower())
        if kinds and previous == "and" and word in lexicon.verb_words:
            break
        if kinds and word in ("bodies", "remains") and "and" in words[-2:]:
            break
        if kinds and word in ("kidnapped", "abducted"):
            break  # "240 people kidnapped and 1,150 killed": a predicate, not a noun
        previous, pos = word, match.end()
        words.append(word)
        if lexicon.word_kind.get(word):
            kinds, end = kinds + 1, pos
    return words, end


def _noun_phrase(right: str, lexicon: FigureLexicon) -> NounPhrase:
    """What the number counts: "security detainees" (prisoner), "Israeli women and children"
    (subgroup, israeli, group women and children), "others", "of whom" (pronoun)."""
    pronoun = _PRONOUN_RE.match(right)
    if pronoun:
        return NounPhrase("pronoun", pronoun.end())
    of_the = _OF_THE_RE.match(right)
    pos = of_the.end() - 1 if of_the else (1 if right[:1] in ('"', "”") else 0)  # ('"almost
    # 50" Israeli hostages': a quote closed after the number)
    first = _NEXT_WORD_RE.match(right[pos:])
    first_word = first.group(1).lower().rstrip(".") if first else ""  # ("six weeks.")
    words, end = _noun_phrase_words(right, pos, lexicon)
    kinds = [lexicon.word_kind[w] for w in words if lexicon.word_kind.get(w)]
    if not kinds:
        return NounPhrase(None, 0, first_word=first_word)
    nationality = None
    for word in words:
        named, weak = _NATIONALITY_OF_WORD.get(word, (None, False))
        if named and not (weak and nationality):
            nationality = named
    foreign, others = "foreign" in kinds, "others" in words
    groups = list(dict.fromkeys(lexicon.group_of[w] for w in words if w in lexicon.group_of))
    phrase = NounPhrase(None, end, bool(of_the), foreign, nationality, first_word, others,
                        " and ".join(groups) or None)
    if "hostage" in kinds or "prisoner" in kinds:
        phrase.kind = "hostage" if "hostage" in kinds else "prisoner"
        if phrase.kind == "prisoner" and (nationality == "israeli" or foreign):
            phrase.kind = "hostage"  # "13 Israeli prisoners", "Israeli detainees": the held
        return phrase
    last = kinds[-1]
    if last == "foreign" or (foreign and last in ("person", "subgroup")):
        last = "person"
    if last == "person" and "subgroup" in kinds and kinds[0] == "subgroup":
        last = "subgroup"
    if last == "person" and (_CAPTURED_AFTER.match(right, end) or (
            nationality != "palestinian" and _HELD_CAPTIVE_AFTER.match(right, end))):
        last = "hostage"  # "the 250 people seized on October 7", "251 people abducted", "the
        # 101 people still held in Gaza", "59 people held captive"
    phrase.kind = last
    return phrase


_HELD_CAPTIVE_AFTER = re.compile(r"\s+(?:who\s+(?:are|were|remain)\s+)?(?:still\s+)?(?:being\s+)?"
                                 r"held\s+(?:captive|hostage|in\s+(?:the\s+)?(?:gaza|strip|enclave|"
                                 r"tunnels)|by\s+(?:hamas|militants|the\s+militants?|palestinian\s+"
                                 r"militants))\b", re.IGNORECASE)
_CAPTURED_AFTER = re.compile(r"\s+(?:seized|abducted|kidnapped|captured|taken\s+(?:hostage|captive|"
                             r"into\s+gaza|to\s+gaza))\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# the figure finder


def _excluded_quantity(number: Number, left: str, right: str, lexicon: FigureLexicon) -> bool:
    """Percentages, ages, years, dates, money, units, compound adjectives."""
    if re.match(r"^\s*(?:%|per\s*cent|percent|percentage)", right, re.IGNORECASE):
        return True
    if re.match(r"^[-‐‑]\s*[A-Za-z]", right) and not re.match(r"^[-‐‑]plus\b", right):
        return True  # four-day, 85-year-old (not "45,000-plus": at least)
    if _COMPARATIVE_AFTER.match(right):  # "the real toll is thousands higher": a difference
        return True
    if re.match(r"^\s*(?:years?|yrs|-year)\b", right, re.IGNORECASE):
        return True
    if re.match(r"^\s*(?:in|out\s+of)\s+(?:every|each)\b|^\s*in\s+\d", right, re.IGNORECASE) or (
            number.value == 1 and re.match(r"^\s*out\s+of\s+\d", right, re.IGNORECASE)):
        return True
    if re.search(r"(?:(?:\b\d+|\bone)\s+in|\b(?:1|one)\s+out\s+of|\b(?:two|three|four|five|six|"
                 r"seven|eight|nine|ten)\s+in|out\s+of\s+every)\s+(?:every\s+)?$", left,
                 re.IGNORECASE):
        return True  # "more than 1 in 75 Gazans": a fraction ("27 out of 28 captives": a part)
    if re.match(r"^\s*(?:[:/]\d|a\.m\.|p\.m\.|am\b|pm\b|gmt\b)", right, re.IGNORECASE):
        return True
    if re.search(r"\b\w+['’]s\s*$", left) and re.search(r"\bof\s+\w+['’]s\s*$|population",
                                                        left, re.IGNORECASE):
        return True  # "85% of Gaza's 2.3 million people", "a population of 2.3 million"
    if re.search(r"[$€£]\s*$", left) or (lexicon.quantity_left_re.search(left)
                                         and not _STANDS_AT.search(left)):
        return True
    if re.search(r"\b(?:(?:population|home)\s+(?:of|to)|(?:territory|enclave|strip)\s+of)\s+"
                 r"(?:(?:some|about|"
                 r"around|roughly|nearly|"
                 r"almost|more\s+than|over|an\s+estimated)\s+)?$", left, re.IGNORECASE):
        return not _displaced_after(right, lexicon)  # "Gaza's population of 2.1 million"
    if re.search(r"\b(?:of|for)\s+(?:the\s+)?[\w-]+['’]s?\s+(?:(?:some|about|around|roughly|"
                 r"nearly|more\s+than|over)\s+)?$", left, re.IGNORECASE):
        return True  # "90% of the territory's 2.1 million"
    if (not number.words and number.value < 130 and re.search(r"[A-Za-z]\s*,\s*$", left)
            and re.match(r"^\s*[,)]", right)):
        return True  # an age in apposition: "Doron Steinbrecher, 31, was freed"
    if number.value == 1 and re.match(r"^\s*,\s*[A-Z][a-z]+\s+[A-Z][a-z]+", right):
        return True  # a person named in apposition: "One, Edan Alexander, was freed in May"
    if number.value == 1 and number.words and re.match(
            r"^\s+of\s+(?:the|those|these|its|their)\b", right, re.IGNORECASE):
        return True  # one person: "Omer, one of the 22 captives believed to be alive"
    if lexicon.month_left_re.search(left) or lexicon.month_right_re.match(right):
        return True
    digits = re.sub(r"\D", "", number.text)
    if (not number.words and re.fullmatch(r"\d{4}", number.text.strip())
            and 1900 <= int(digits) <= 2100):
        return _noun_phrase(right, lexicon).kind not in ("person", "prisoner", "hostage",
                                                         "subgroup") and not _COUNT_PREDICATE.match(
            right)  # a year, but not "nearly 2000 Palestinian prisoners", "and 1950 injured"
    if re.search(r",\s*$", left) and re.fullmatch(r"\d{4}", number.text.strip()):
        return True
    return False


_COUNT_PREDICATE = re.compile(r"^\s+(?:were\s+|have\s+been\s+)?(?:killed|injured|wounded|dead|"
                              r"hurt|displaced|detained|arrested|released|freed|martyred)\b",
                              re.IGNORECASE)
_COMPARATIVE_AFTER = re.compile(r"^\s+(?:higher|lower|greater|larger|smaller|fewer|less|above|"
                                r"below|more\s+than|short\s+of)\b", re.IGNORECASE)


def _displaced_after(right: str, lexicon: FigureLexicon) -> bool:
    """ "home to some 1.5 million Palestinians forced to flee": the people a place holds are
    counted when the words after them say they were displaced."""
    np = _noun_phrase(right, lexicon)
    match = np.kind and lexicon.right["displace_right"].match(right[np.end:])
    return bool(match) and not match.group(0).endswith("into")  # ("a territory of 2.3
    # million people packed into one of the most densely populated areas": its size)


def _hedge(left: str, lexicon: FigureLexicon) -> tuple[str, int]:
    """(qualifier, start offset of the hedge in `left`), exact when unhedged."""
    match = lexicon.hedge_re.search(left)
    if match:
        word = re.sub(r"\s+", " ", match.group(1).lower())
        for regex in lexicon.left.values():
            trigger = regex.search(left)
            if trigger and trigger.start() < match.start() < trigger.end():
                return "exact", len(left)  # "handed over 17": the hedge word ends a trigger
        return lexicon.hedge_kind[word], match.start()
    if lexicon.estimate_re.search(left):
        return "approx", len(left)
    return "exact", len(left)


_TRAILING_DETERMINERS = re.compile(
    r"(?:(?<![\w'’])(?:the|a|an|another|additional|further|all|its|their|his|her|our|some\s+other|"
    r"a\s+total\s+of|total\s+of|an\s+additional|a\s+further|roughly|only|just|only\s+about|"
    r"last|final|remaining|(?:some|all|most|many|several)\s+of|(?:a|another)\s+(?:group|batch)\s+of)"
    r"\s*)+$",
    re.IGNORECASE)


# "Hamas released on Monday the 20 remaining hostages": a time between the verb and its object
_TIME_BEFORE_OBJECT = re.compile(r"(?<=\w)\s+(?:late\s+|early\s+)?on\s+"
                                 r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|evening|night))?\s*$",
                                 re.IGNORECASE)


def _left_trigger(core_left: str, lexicon: FigureLexicon) -> tuple[str | None, int]:
    """Which trigger ends the left context, and where: a verb ("killed", "took", "released"),
    a tally phrase ("the number of dead hostages ... to", "the death toll rose to", "the total
    released ... to", "among those freed were"), or "the number of prisoners ... exceeds"."""
    core = _TRAILING_DETERMINERS.sub("", core_left)
    core = _TRAILING_DETERMINERS.sub("", _TIME_BEFORE_OBJECT.sub("", core))
    for key in ("kill_left", "injure_left", "take_left", "release_left", "hold_left",
                "displace_left"):
        match = lexicon.left[key].search(core)
        if match:
            return key[:-5], match.start()
    # "the death toll ... rose to", "the number of injured stands at"
    match = lexicon.injury_toll_left_re.search(_mask_dates(core, lexicon))
    if match and not re.search(r"\b(?:killed|dead|deaths)\b", match.group(0), re.IGNORECASE) \
            and not _LIST_GOES_ON.search(match.group(0)) \
            and not _CLAUSE_BREAK.search(match.group(0)):  # (not "... injured in Gaza since
        return "injure", match.start()  # October 7,” while 33 have been killed")
    masked = _mask_dates(core, lexicon)
    for regex, trigger in ((_NUMBER_DEAD_HOSTAGES_LEFT, "count_hostage_dead"),
                           (_NUMBER_DISPLACED_LEFT, "displace"),
                           (lexicon.toll_left_re, "toll"), (_NUMBER_KILLED_LEFT, "toll"),
                           (_TOTAL_LEFT, "release_total"), (_RELEASED_WERE, "release")):
        match = regex.search(masked)
        if match and not _LIST_GOES_ON.search(match.group(0)):
            return trigger, match.start()
    match = _NUMBER_HELD_LEFT.search(masked)
    if match:  # "the number of prisoners in occupation prisons exceeds 10,300"
        return "count_" + ("hostage" if match.group(1).lower().startswith(("hostage", "captive",
                                                                            "abductee", "kidnap"))
                           else "prisoner"), match.start()
    return None, len(core)


# "the number of Palestinian martyrs has reached", "the number of Palestinians who have been
# martyred since October 7 has risen to"
# a tally word whose list goes on to another item: "159,000 Palestinians martyred or injured,
# most of them children and women, and more than 14,000 missing" (14,000: not injured)
_LIST_GOES_ON = re.compile(r",\s*and\s", re.IGNORECASE)
_NUMBER_KILLED_LEFT = re.compile(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,4}(?:killed|dead|slain|deaths|martyrs|martyred|"
    r"fatalities)\b[^\d.;:]{0,110}$", re.IGNORECASE)
# "the number of displaced is estimated at 1.9 million", "puts the number of IDPs at"
_NUMBER_DISPLACED_LEFT = re.compile(r"\b(?:number|total|count)\s+of\s+(?:the\s+)?"
                                    r"(?:[\w-]+\s+){0,4}?(?:internally\s+)?(?:displaced|idps)\b[^\d.;:]{0,80}$",
                                    re.IGNORECASE)  # ("the number of people internally
# displaced in Gaza by the war has risen to more than 423,000")
_NUMBER_HELD_LEFT = re.compile(
    r"\b(?:number|total)\s+of\s+(?:(?!released\b|freed\b|returned\b)[\w-]+\s+){0,2}"
    r"(hostages|captives|abductees|kidnapped|prisoners|detainees|"
    r"palestinians\s+(?:held|detained|imprisoned|jailed|in\s+israeli\s+(?:prisons|jails|custody)))\b"
    r"(?!\s+(?:released|freed|killed|dead|who\s+have\s+died|who\s+died))[^\d.;:]{0,60}$",
    re.IGNORECASE)
_NUMBER_DEAD_HOSTAGES_LEFT = re.compile(
    r"\b(?:number|total|count)\s+of\s+(?:(?:dead|deceased|slain|killed)\s+(?:hostages|captives)|"
    r"(?:hostages|captives)\s+(?:\w+\s+){0,2}?(?:dead|deceased|killed))\b"  # "the number of
    r"[^\d.;:]{0,60}$", re.IGNORECASE)  # hostages confirmed dead to 35"
_RELEASED_WERE = re.compile(r"\b(?:released|freed|set\s+free|let\s+go|returned)\b[^\d.;:]{0,50}"
                            r"\b(?:were|are|"
                            r"was|included|include|includes)\s*$", re.IGNORECASE)
_DATE_RE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,\s*(?:19|20)\d\d)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*\.?(?:,?\s*(?:19|20)\d\d)?|(?:19|20)\d\d)\b", re.IGNORECASE)


def _mask_dates(text: str, lexicon: FigureLexicon) -> str:
    """`text` with dates blanked out (same length), so a toll phrase reaches over them:
    "the death toll since October 7, 2023 has risen to"."""
    return _DATE_RE.sub(lambda m: "x" * len(m.group(0)), text)


def _right_trigger(after: str, lexicon: FigureLexicon) -> tuple[str | None, bool]:
    """The predicate after the noun phrase ("were killed", "are still held"); pending?"""
    best = None
    matches = []
    for key in ("dead_right", "kill_right", "injure_right", "take_right", "release_right",
                "hold_right", "displace_right"):
        match = lexicon.right[key].match(after)
        if match:
            matches.append((key[:-6], match.end(), match.group(0)))
        if match and (best is None or best[0] == "hold"
                      or (key != "hold_right" and match.end() < best[1])):
            best = (key[:-6], match.end(), match.group(0))  # "held" (or a place) is weak
    for candidate in matches:  # "have taken shelter" is not "have taken"
        if (best and candidate[1] > best[1] and candidate[2].startswith(best[2])
                and re.fullmatch(r"\s+[A-Za-z]+", candidate[2][len(best[2]):])):
            best = candidate
    if best is None:
        return None, False
    if best[0] == "take" and re.search(r"\bremain", best[2], re.IGNORECASE):
        best = ("hold",) + best[1:]  # "49 remain captive in Gaza"
    pending = bool(_MODAL_RE.search(best[2]) or (  # "1,904 prisoners to be freed"
        best[0] == "release" and re.search(r"\bto\s+be\b", best[2], re.IGNORECASE)))
    return best[0], pending


def _nearest_cue(sentence: str, start: int, end: int, cue_res: dict, lexicon: FigureLexicon,
                 default: str | None) -> str | None:
    """The population whose cue lies nearest the number (cues after it count double). Of two
    overlapping cues the one starting first wins: "southern Israel killed" is a place, not
    "Israel killed"; of two starting together the longer ("the health ministry in Beirut")."""
    best, best_distance = default, 10**9
    cues = [(match, population) for population, regex in cue_res.items()
            for match in regex.finditer(sentence)]
    for match, population in cues:
        if any(other is not population and (o.start() < match.start() < o.end() or (
                o.start() == match.start() and o.end() > match.end())) for o, other in cues):
            continue
        if lexicon.since_re.search(sentence[max(0, match.start() - 25):match.start()]) \
                and re.search(r"\d|oct", match.group(0), re.IGNORECASE):
            continue  # "since Oct. 7", "since Hamas' October 7 attack": a time anchor
        if match.end() <= start:
            distance = start - match.end()
            between = sentence[match.end():start]
        elif match.start() >= end:
            distance = 2 * (match.start() - end) + 10
            between = sentence[end:match.start()]
        else:
            continue
        if _CLAUSE_BREAK.search(between):
            distance += 150  # "amid Israel's bombardment, while Israel claims about 1,200"
        if population == "palestinian" and match.group(0).lower().startswith("israel"):
            distance += 60  # "Israeli strikes" strike Lebanon too: a place or people says more
        if population == "israeli" and _BY_BEFORE.search(sentence, 0, match.start()):
            distance += 60  # the agent: "violence by Israeli soldiers and settlers"
        if distance < best_distance:
            best, best_distance = population, distance
    return best


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,[”\"’]?\s*(?:while|whereas|but|as)\b|\s(?:while|whereas)\s",
                           re.IGNORECASE)  # (a closing quote may follow the comma)


_WAR_NOUN_AFTER = re.compile(r"\s+(?:campaigns?|offensive|war)\b", re.IGNORECASE)
_MASS_ATTACK = re.compile(r"bombing|bombardment|shelling|(?:air\s*)?strikes|airstrikes|raids",
                          re.IGNORECASE)
_ON_THE_STRIP = re.compile(r"\s+(?:of|on|across)\s+(?:the\s+)?(?:gaza(?!\s+city)|strip|enclave)\b",
                           re.IGNORECASE)


def _is_incident(sentence: str, start: int, end: int, lexicon: FigureLexicon,
                 toll: bool = False) -> bool:
    """Is the nearest of incident and war-level markers an incident marker? A day after a
    toll is when it was reported ("the death toll rose to 41,118 on Thursday")."""
    nearest_incident, nearest_war = 10**9, 10**9
    for regex, which in ((lexicon.incident_re, "incident"), (lexicon.war_re, "war"),
                         (lexicon.day_re, "incident")):
        for match in regex.finditer(sentence):
            if toll and regex is lexicon.day_re:
                continue
            if regex is lexicon.war_re and _WEAK_WAR.fullmatch(match.group(0)) \
                    and not lexicon.oct7_re.search(sentence):
                continue  # "in the raid" is one raid unless the sentence is about 7 October
            if which == "incident" and (_WAR_NOUN_AFTER.match(sentence, match.end()) or (
                    _MASS_ATTACK.fullmatch(match.group(0))
                    and _ON_THE_STRIP.match(sentence, match.end()))):
                continue  # "Israel's bombing campaign", "the air strike campaign", "the
                # bombing of the Gaza Strip", "airstrikes on Gaza": the war's
            if match.end() <= start:
                if regex is lexicon.day_re:
                    continue  # "the ministry said on Tuesday that 35,000 ...": report time
                distance = start - match.end()
            elif match.start() >= end:
                distance = match.start() - end
            else:
                continue
            if which == "incident":
                nearest_incident = min(nearest_incident, distance)
            else:
                nearest_war = min(nearest_war, distance)
    return nearest_incident < nearest_war and nearest_incident < 10**9


def canonical_source(phrase: str, lexicon: FigureLexicon | None = None) -> str | None:
    """Map a source phrase to its canonical name (``data/figure_sources.csv``).

    >>> canonical_source("the Ministry of Health of the Hamas-ruled territory")
    'Gaza Health Ministry'
    >>> canonical_source("Israeli officials")
    'Israeli officials'
    """
    lexicon = lexicon or load_figure_lexicon()
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:\"'“”")
    if not phrase:
        return None
    for regex, canonical in lexicon.sources:
        if regex.search(phrase):
            return canonical
    if not lexicon.source_word_re.search(phrase):
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    return phrase[:80]


_SUBJECT_STOP = re.compile(r"(?:^|[,;:\"“”(—–]|\b(?:that|which|who|and|but|while|as|when|"
                           r"where|after|since|because|if|whom)\b)", re.IGNORECASE)


def _attribution(sentence: str, start: int, lexicon: FigureLexicon) -> str | None:
    """Who the sentence says the figure comes from (the nearest source phrase)."""
    candidates = []
    for match in lexicon.according_re.finditer(sentence):
        phrase = re.split(r"\s+(?:and|who|which|that|in|on|since|as|while)\s+(?=[a-z])",
                          match.group(1))[0]
        candidates.append((abs(match.start() - start), phrase))
    for match in lexicon.report_verb_re.finditer(sentence):
        before = sentence[max(0, match.start() - 70):match.start()]
        stops = list(_SUBJECT_STOP.finditer(before))
        subject = before[stops[-1].end():] if stops else before
        words = subject.split()[-7:]
        if words:
            candidates.append((abs(match.start() - start), " ".join(words)))
    for _, phrase in sorted(candidates, key=lambda c: c[0]):
        name = canonical_source(phrase, lexicon)
        if name:
            return name
    return None


_RED_CROSS = re.compile(r"\b(?:handed|transferred|delivered)\s+(?:over\s+)?to\s+the\s+"
                        r"red\s+cross\b", re.IGNORECASE)


def _release_kind(sentence: str, left: str, np: NounPhrase, lexicon: FigureLexicon,
                  context: str) -> str:
    """hostages or prisoners, for a release whose noun does not say."""
    if np.kind == "hostage" or np.foreign:
        return "hostages"
    if np.kind == "prisoner" or np.nationality == "palestinian":
        return "prisoners"
    if np.nationality == "israeli" or _RED_CROSS.search(sentence):
        return "hostages"  # "The three men ... were handed to the Red Cross"
    if lexicon.israeli_agent_re.search(left):
        return "prisoners"
    if lexicon.hostage_agent_re.search(left):
        return "hostages"
    price = _EXCHANGE_FOR.search(sentence, len(left))
    if price and lexicon.prisoner_word_re.search(price.group("what")):
        return "hostages"  # "117 people have been released, ... in exchange for Palestinian
        # detainees" (the price names the other side)
    if price and lexicon.hostage_word_re.search(price.group("what")):
        return "prisoners"
    return _release_by_words(sentence, left, lexicon, context)


_EXCHANGE_FOR = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release\s+of\s+)?)?"
                           r"(?P<what>[^.;,\d]{0,40})", re.IGNORECASE)


def _release_by_words(sentence: str, left: str, lexicon: FigureLexicon, context: str) -> str:
    """hostages or prisoners by the nearest hostage or prisoner word, in the sentence, then in
    the one before it."""
    for text in (sentence, context):
        hostage = [m.start() for m in lexicon.hostage_word_re.finditer(text)]
        prisoner = [m.start() for m in lexicon.prisoner_word_re.finditer(text)
                    if not _DEAL_NOUN.match(text, m.end())]
        if hostage and not prisoner:
            return "hostages"
        if prisoner and not hostage:
            return "prisoners"
        if hostage and prisoner:
            anchor = len(left) if text is sentence else len(text)
            nearest_h = min(abs(p - anchor) for p in hostage)
            nearest_p = min(abs(p - anchor) for p in prisoner)
            return "hostages" if nearest_h <= nearest_p else "prisoners"
    return "hostages"


def _shared_predicate(sentence: str, number: Number, np: NounPhrase, numbers: list[Number],
                      lexicon: FigureLexicon) -> str | None:
    """The predicate of the next coordinated number: "23 Thais and one Filipino were freed"."""
    later = [n for n in numbers if n.start >= number.end + np.end]
    if not later:
        return None
    following = later[0]
    between = sentence[number.end + np.end:following.start]
    if not re.fullmatch(r"\s*,?\s*(?:and|as\s+well\s+as|plus)\s+(?:[a-z]+\s+){0,3}",
                        between, re.IGNORECASE):
        return None
    np2 = _noun_phrase(sentence[following.end:], lexicon)
    trigger, pending = _right_trigger(sentence[following.end + np2.end:], lexicon)
    return None if pending else trigger


@dataclass
class _Sentence:
    """What the numbers of one sentence share: its text, where it starts in the document, the
    previous sentence, the model's tags (or None), the numbers found, and what became of each
    number so far (``outcomes``: its row, or None when dropped, and whether it was a subset)."""

    text: str
    offset: int
    context: str
    noun_tags: dict | None
    numbers: list
    lexicon: FigureLexicon
    rows: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    earlier: str = ""


@dataclass
class _Reading:
    """One number as the rules read it, filled in step by step."""

    number: Number
    left: str
    right: str
    value: int
    low: int | None
    high: int | None
    qualifier: str = "exact"
    hedge_start: int = 0
    core_left: str = ""
    np: NounPhrase | None = None
    after: str = ""
    part_of: bool = False
    alive: bool = False
    left_trigger: str | None = None
    trigger_start: int = 0
    right_trigger: str | None = None
    pending: bool = False
    left_is_toll: bool = False
    still_held: bool = False
    bodies: bool = False
    coordinated: bool = False
    trigger: str | None = None
    subset: bool = False
    hostage_context: bool = False
    metric: str | None = None
    population: str | None = None
    group: str = "all"
    nationality_part: bool = False


def figures_in_sentence(sentence: str, offset: int = 0, context: str = "",
                        noun_tags: dict | None = None, earlier: str = "") -> list[dict]:
    """The figures one sentence states. `offset` is the sentence's start in the document;
    `context` the previous sentence (for "A hundred were released"), `earlier` the one before
    it (for "25 of these are dead" two sentences after the hostages); `noun_tags` maps
    absolute character offsets of words to their coarse POS (from the model), when available.

    Each number goes through the steps of :func:`_read_number`; a nationality breakdown of a
    release ("— 13 Israelis, 10 Thais and a Filipino —") adds one row per part.
    """
    lexicon = load_figure_lexicon()
    table_rows = _table_row(sentence, offset, context, lexicon)
    if table_rows is None:
        table_rows = _value_line(sentence, offset, context, lexicon)
    if table_rows is None:
        table_rows = _number_first_line(sentence, offset, context, lexicon)
    if table_rows is not None:
        return table_rows
    s = _Sentence(sentence, offset, context, noun_tags, find_numbers(sentence), lexicon,
                  earlier=earlier)
    for number in s.numbers:
        previous = next((o for o in reversed(s.outcomes) if not o.get("excluded")), None)
        # (a date or a year is no antecedent: "132 hostages from the October 7 attacks ...
        # about 25 of them are believed to have died")
        outcome = {"metric": None, "subset": False, "row": None}
        s.outcomes.append(outcome)
        row = _read_number(s, number, outcome, previous)
        if row is not None:
            s.rows.append(row)
            outcome["metric"], outcome["row"] = row["metric"], row
    s.rows.extend(_breakdowns(sentence, offset, s.numbers, s.outcomes, lexicon))
    s.rows.extend(_list_end_article(s))
    return s.rows


_AND_AN = re.compile(r"(?:,\s*|\s)and\s+(an?)(?=\s+[A-Z])", re.IGNORECASE)


def _list_end_article(s: _Sentence) -> list[dict]:
    """ "were 12 Israelis, four Thais and a Filipino": the article ends a list by nationality
    of hostages and counts one, as "one Filipino" would. Needs a hostage row by nationality
    just before it (within 60 characters); leaves "and a Thai national" alone elsewhere."""
    found = []
    for match in _AND_AN.finditer(s.text):
        start = s.offset + match.start(1)
        if any(row["start_char"] == start for row in s.rows):
            continue  # a breakdown between dashes already read it
        before = [row for row in s.rows if row["metric"].startswith("hostages_")
                  and 0 <= start - row["end_char"] <= 60 and not row["vague"]]
        np = _noun_phrase(s.text[match.end(1):], s.lexicon)
        if not before or np.kind not in ("person", "hostage") or not (np.foreign
                                                                      or np.nationality):
            continue
        population = "other" if np.foreign else "israeli"
        end = match.end(1) + np.end
        found.append(_make_row(before[-1]["metric"], population, 1, "exact", None, None, False,
                               s.text, s.offset, match.start(1), end, match.start(1), s.lexicon))
    return found


def _read_number(s: _Sentence, number: Number, outcome: dict, previous: dict | None) -> dict | None:
    """Read one number: what it counts, the trigger that says what happened to them, the
    metric; None when a veto says it is no figure (each veto is a named function below)."""
    r = _start_reading(s, number)
    if r is None:
        outcome["excluded"] = True
        return None
    _read_noun_phrase(s, r)
    if _counts_things(s, r) or _alive_without_whole(s, r):
        return None
    _read_triggers(s, r)
    r.coordinated = _coordinated_release(s, r, previous)
    if r.pending or _planned_before_trigger(s, r):
        outcome["pending"] = True
        return None
    if _part_without_state(s, r) or _rescue_veto(s, r):
        return None
    if _pending_clause(s, r):
        outcome["pending"] = True
        return None
    if _rate_governs(s.text, number, r.after, r.core_left, s.lexicon):
        return None
    _choose_trigger(s, r)
    if r.trigger is None and _whole_after(s.text, number, s.numbers) is not None:
        return None  # a part with no predicate of its own: "only three out of 15 bodies of
        # dead hostages had been brought back" (the 15 are the count)
    r.subset = _is_subset(s, r, previous)
    outcome["subset"] = r.subset
    if _part_of_release(r, previous):
        return None
    r.hostage_context = _hostage_context(s, r)
    r.metric = _metric(s, r)
    if r.metric == "hostages_held" and r.left_trigger != "hold" and _OF_WHOM_REMAIN.match(r.after):
        r.metric = "hostages_taken"  # "more than 250 held hostage, around 100 of whom remain"
    if r.metric is None:
        _inherit_metric(s, r, previous)
    r.metric = _plausible_metric(r.metric, r.value)
    if r.metric is None:
        return None
    if r.metric in ("killed", "injured") and r.value > TOLL_MAX and re.search(
            r"\d,\d{3}\s*thousand", r.number.text, re.IGNORECASE):
        r.value //= 1000  # "72,043 thousand people have been injured": a redundant scale word
    r.group = _group(s, r)
    if r.group is None or any(veto(s, r) for veto in _METRIC_VETOES):
        return None
    return _row_of(s, r)


# a part said still held right after a count: the count is the whole taken
_OF_WHOM_REMAIN = re.compile(r"^[^.;\d]{0,30}?,\s*(?:(?:around|about|some|roughly|nearly|almost|"
                             r"more\s+than|over|at\s+least)\s+)?[\w,]+\s+of\s+whom\s+(?:are\s+)?"
                             r"(?:still\s+|believed\s+to\s+)?(?:remain|held|be\s+held|in\s+gaza|"
                             r"in\s+captivity)\b(?!\s+(?:alive|dead))", re.IGNORECASE)


def _start_reading(s: _Sentence, number: Number) -> _Reading | None:
    """The number's value and contexts; None for quantities that are not counts of people
    (percentages, ages, years, money, units: :func:`_excluded_quantity`) and year spans
    ("2014-2015"). "rose from 30,000 to 31,000" reads the second number."""
    left, right = s.text[:number.start], s.text[number.end:]
    value, low, high = number.value, number.low, number.high
    if number.is_range and re.search(r"\bfrom\s*$", left, re.IGNORECASE):
        value, low, high = high, None, None
    if _excluded_quantity(number, left, right, s.lexicon):
        return None
    if number.is_range and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", number.text.strip()):
        return None
    return _Reading(number, left, right, value, low, high)


_TRAILING_HEDGES = {"so": "approx", "more": "lower_bound", "fewer": "upper_bound",
                    "less": "upper_bound"}
_TRAILING_HEDGE = re.compile(r"^(?:\s*or\s+(so|more|fewer|less)\b(?!\s+than)|[-‐‑](plus)\b|(\+))",
                             re.IGNORECASE)


def _trailing_hedge(s: _Sentence, r: _Reading) -> None:
    """A hedge after the number: "the 250 or so hostages" (approx), "130 or more hostages"
    (lower_bound), "20 or fewer" (upper_bound), "45,000-plus people" (lower_bound); the noun
    phrase is read after it. Leaves "50 or 60" (a range) and "10 or more than that" alone."""
    match = _TRAILING_HEDGE.match(r.right)
    if match is None or r.np.kind is not None:
        return
    np = _noun_phrase(r.right[match.end():], s.lexicon)
    np.end += match.end()
    r.np = np
    if r.qualifier == "exact":
        r.qualifier = _TRAILING_HEDGES[(match.group(1) or "more").lower()]  # "45,000-plus"


def _read_noun_phrase(s: _Sentence, r: _Reading) -> None:
    """The hedge before the number and the noun phrase after it. In "36 of the 128 remaining
    hostages" the part takes the whole's noun phrase; the whole (128) is `part_of`."""
    r.qualifier, r.hedge_start = _hedge(r.left, s.lexicon)
    r.core_left = r.left[:r.hedge_start]
    r.np = _noun_phrase(r.right, s.lexicon)
    _trailing_hedge(s, r)
    whole = _whole_after(s.text, r.number, s.numbers)
    if whole is not None:
        whole_np = _noun_phrase(s.text[whole.end:], s.lexicon)
        if whole_np.kind is not None:
            whole_np.of_the = True
            whole_np.end = whole.end + whole_np.end - r.number.end
            r.np = whole_np
    inverted = _INVERTED_TALLY.match(r.right) if _BRINGS_TO.search(r.core_left) else None
    if inverted:  # "Their release brings to 16 the number of Israeli hostages freed"
        r.np = _noun_phrase(r.right[inverted.end():], s.lexicon)
        r.np.end += inverted.end()
    before = [n for n in s.numbers if n.end <= r.number.start]
    r.part_of = bool(_PART_OF_LEFT.search(r.left)) or bool(
        before and before[-1].value > 1  # (not "one of the 20 captives believed to be alive")
        and _whole_after(s.text, before[-1], s.numbers) is r.number)  # "two of the 24
    # slain hostages": a part in words
    r.after = r.right[r.np.end:]
    if r.np.kind == "hostage" and _SHARE_OF_LEFT.search(r.left) and not _TAKEN_PARTICIPLE.match(
            r.after) and (_said_dead(r.after, s.lexicon) or _said_alive(r.after, s.lexicon)):
        r.part_of = True  # "a third of the 101 remaining hostages are dead": 101 held


_BRINGS_TO = re.compile(r"\b(?:brings?|bringing|brought|raises?|raising|raised|takes?|taking|"
                        r"took|pushe?s?|pushing|pushed)\s+to\s*$", re.IGNORECASE)
_INVERTED_TALLY = re.compile(r"^\s+the\s+(?:overall\s+|total\s+)?(?:number|total|tally|count)\s+of"
                             r"(?=\s)", re.IGNORECASE)


def _counts_things(s: _Sentence, r: _Reading) -> bool:
    """A count of things, not people: "40 trucks", "12 days" (``unit_nouns``), or, with the
    model, any noun that is not a person word and has no casualty predicate ("300 tents";
    "44,976 martyrs" has one)."""
    np = r.np
    if np.kind is not None or not np.first_word:
        return False
    if np.first_word in s.lexicon.unit_words:
        return True
    if s.noun_tags is None:
        return False
    word_at = s.offset + r.number.end + (len(r.right) - len(r.right.lstrip()))
    return s.noun_tags.get(word_at) == "NOUN" and _right_trigger(r.right, s.lexicon)[0] is None


# "20 of the hostages still in Gaza are believed to be alive": the state, later in the clause
_ALIVE_IN_CLAUSE = re.compile(r"^[^,;.]{0,40}?\b(?:are|is|were|was|remain)\s+(?:\w+\s+){0,3}?"
                              r"(?:still\s+)?(?<!no\slonger\s)(?<!not\s)alive\b", re.IGNORECASE)
# ("are no longer alive", "are not alive" are the dead: see dead_right)
# "Israel believes 63 hostages still held in Gaza are alive": only where and how they are held
# between the noun and "alive" (not "59 hostages of whom 24 were alive", "how many are alive")
_HELD_ALIVE = re.compile(r"^(?:\s+(?:still|held|being|kept|in|inside|the|gaza|strip|captivity|by|"
                         r"hamas|captive|are|is|were|remain|believed|thought|presumed|"
                         r"considered|to|be))+\s+alive\b", re.IGNORECASE)


_SHARE_OF_LEFT = re.compile(r"\b(?:most|many|some|half|few|several|(?:a|one|two)[\s-]+(?:third|"
                            r"quarter|fifth)s?|two[\s-]+thirds|three[\s-]+quarters|(?:the\s+)?majority)"
                            r"\s+of\s+(?:the\s+)?(?:remaining\s+)?$", re.IGNORECASE)  # a share of a
# whole: "a third of the 101 remaining hostages are dead" (the whole is held), not "all of the"
_VAGUE_PART_OF = re.compile(r"\b(?:most|many|some|half|all|few|none|several|a\s+third|"
                            r"two-thirds|a\s+quarter|majority)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_OTHER_SUBJECT = re.compile(r"\b(?:and\s+)?(?:the\s+rest|the\s+others|the\s+remainder|while|"
                            r"whereas|but)\b", re.IGNORECASE)


def _said_alive(after: str, lexicon: FigureLexicon) -> bool:
    """Does the clause after a noun phrase say its people are alive ("are alive", "still in
    Gaza are alive")?"""
    after = _skip_dash_aside(after)
    return bool(lexicon.alive_re.match(after) or _ALIVE_IN_CLAUSE.match(after))


def _skip_dash_aside(after: str) -> str:
    """The words after an aside between dashes: "24 hostages – all men – remain alive"."""
    aside = re.match(r"^\s+[–—-]\s[^–—.;]{1,40}\s[–—-]", after)
    return after[aside.end():] if aside else after


def _said_dead(after: str, lexicon: FigureLexicon) -> bool:
    """Does the clause after a noun phrase say its people are dead ("are dead", "held since
    Oct. 7 are dead", "are believed to have died")? Dates do not end the clause; "and the rest
    are dead" speaks of others."""
    text = _mask_dates(after[:80], lexicon)
    other = _OTHER_SUBJECT.search(text)
    if other:
        text = text[:other.start()]
    text = _ANOTHER_COUNT.split(text, 1)[0]  # "the 59 hostages who remain in Gaza include 35
    # who are believed dead": the dead are the next count's
    return bool(lexicon.dead_search_re.search(text[:60]))


_ANOTHER_COUNT = re.compile(r"\b\d")


def _alive_without_whole(s: _Sentence, r: _Reading) -> bool:
    """The living ("20 of them are believed alive", "24 hostages are thought to be alive") are
    read as a sub-count (group ``alive``) of the hostages held; "19 of the 59 hostages are
    alive" keeps the 59 as the held count. Drops a count of the living with no hostage in
    sight ("30 survivors are alive")."""
    np, after, lexicon = r.np, _skip_dash_aside(r.after), s.lexicon
    if r.part_of and np.kind == "hostage" and (_said_dead(after, lexicon)
                                               or _said_alive(after, lexicon)):
        return False
    if _VAGUE_PART_OF.search(r.core_left):
        return False  # "most of the 33 are alive", "fewer than half of the 59": the whole
    if not (lexicon.alive_re.match(after) or (np.of_the and _ALIVE_IN_CLAUSE.match(after))
            or (np.kind == "hostage" and _HELD_ALIVE.match(after)
                and not re.search(r"\bof\s+(?:the\s+)?$", r.core_left, re.IGNORECASE))):
        return False
    r.alive = True
    return not (np.kind in ("hostage", "pronoun") or lexicon.hostage_word_re.search(s.text)
                or lexicon.hostage_word_re.search(s.context))


def _read_triggers(s: _Sentence, r: _Reading) -> None:
    """The trigger before the number ("killed", "released", "the death toll rose to") and the
    predicate after its noun phrase ("were killed", "remain in Gaza"); `pending` when that
    predicate is modal ("will be released"). A comma after the left trigger makes it a noun
    ("Before Monday's release, 48 hostages remained"); "129 hostages abducted on October 7
    remain in Gaza" are held."""
    lexicon = s.lexicon
    r.left_trigger, r.trigger_start = _left_trigger(r.core_left, lexicon)
    r.left_is_toll = r.left_trigger == "toll"
    r.right_trigger, r.pending = _right_trigger(r.after, lexicon)
    if r.right_trigger is None:
        r.right_trigger = _relative_state(r.after)
    if r.right_trigger is None and _WHO_CLAUSE.match(r.after):
        r.right_trigger, r.pending = _predicate_after_relative(r.after, lexicon)
    if r.left_trigger is None and _CLAIMED.search(r.core_left) \
            and re.search(r"\blives\b", r.right[:r.np.end], re.IGNORECASE):
        r.left_trigger, r.trigger_start = "kill", _CLAIMED.search(r.core_left).start()
    if r.alive:
        r.right_trigger, r.pending = "hold", False
    if (r.left_trigger and r.right_trigger
            and re.search(r",\s*$", r.core_left[r.trigger_start:])):
        r.left_trigger = None
    if _PARTITIVE_LEAD.search(r.core_left):
        r.left_trigger = None  # "Of the Palestinian prisoners released, 1,718 were arrested"
    if r.right_trigger in ("take", "hold") and not r.left_trigger and not r.alive:
        r.right_trigger, r.pending = _finite_after_participle(r.after, lexicon, r.right_trigger)
    _state_then_plan(r)


# "hostages who remain in Gaza are set to be released", "still in Gaza will be freed"
_STATE_THEN_PLAN = re.compile(r"^\s+(?:(?:who|that)\s+(?:remain|are\s+still)|still|remaining)\b"
                              r"[^,;.]{0,40}?\b(?:will|would|(?:are|is)\s+(?:set|due|expected|"
                              r"slated|scheduled)\s+to|to\s+be)\b(?:\s+\w+){0,2}?\s+(?:released|"
                              r"freed|free|release|returned|handed\s+over|set\s+free)\b",
                              re.IGNORECASE)


def _state_then_plan(r: _Reading) -> None:
    """A count described by its state, then a release still to come: "some 100 hostages who
    remain in Gaza are set to be released" states the held count (hold); in "33 of the 100
    hostages still in Gaza will be freed" the part (33) is the pending release."""
    if r.left_trigger or not (_STATE_THEN_PLAN.match(r.after) or (
            r.pending and r.right_trigger == "release" and _REMAINING_BEFORE.search(r.core_left))):
        return  # ("the bodies of the remaining 28 dead hostages are expected to be handed over")
    if r.np.of_the and not r.part_of:
        r.right_trigger, r.pending = "release", True
    else:
        r.right_trigger, r.pending = "hold", False


_PARTITIVE_LEAD = re.compile(r"^\W*(?:of|out\s+of|among)\s+(?:the|those|all)\b[^;]*,\s*$",
                             re.IGNORECASE)
_RELATIVE_STATE = re.compile(
    r"^\s*(?:(?:that|which|whom)\s+)?(?:its\s+|their\s+)?(?:it|they|hamas|the\s+group|militants|"
    r"fighters|captors|"
    r"[A-Z][\w'’-]+)(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+Strip)?)?"  # "militants in Gaza"
    r"\s+(?:still\s+)?(?:(?P<hold>holds?|is\s+holding|are\s+holding|keeps?|has\s+held)|"
    r"(?P<take>seized|took|abducted|kidnapped|captured|dragged)|"
    r"(?P<release>(?:has\s+|have\s+|had\s+)?(?:released|freed|handed\s+over)))\b")
_UNKNOWN = re.compile(r"\s+(?:unclear|unknown|uncertain|a\s+mystery)", re.IGNORECASE)
_WHO_CLAUSE = re.compile(r"\s+(?:who|that)\s+(?:were|was|had|have|are|is)\s+(?!(?:still\s+)?"
                         r"(?:being\s+)?(?:held|killed|released|freed|taken|abducted|kidnapped)\b)",
                         re.IGNORECASE)


def _predicate_after_relative(after: str, lexicon: FigureLexicon) -> tuple[str | None, bool]:
    """The predicate after a relative clause whose verb is none of the triggers: "Five Thai
    nationals who were working in Israel that day were freed", "250 Palestinians who were
    serving life terms were released" (release). The clause ends at a comma, a full stop or
    another count; its first verb is the relative's own."""
    clause = _ANOTHER_COUNT.split(re.split(r"[,;.—–]", after, maxsplit=1)[0], 1)[0]
    for finite in list(_FINITE.finditer(clause))[1:]:
        found, pending = _right_trigger(after[finite.start() - 1:], lexicon)
        if found:
            return found, pending
    return None, False


_FINITE = re.compile(r"\b(?:were|was|are|is|have|has|had|remain|remains|remained)\b",
                     re.IGNORECASE)


_CLAIMED = re.compile(r"\b(?:claimed|claiming|claims|claim|cost|costing|took|taken)\s*$",
                      re.IGNORECASE)  # "has claimed over 44,400 Palestinian lives"


def _relative_state(after: str) -> str | None:
    """A relative clause with its own subject after the noun phrase: "all 48 hostages it still
    holds", "the estimated 100 hostages it is holding", "the 48 hostages that militants in Gaza
    still hold" (hold); "the more than 250 hostages Hamas seized on October 7" (take); "20
    living hostages Hamas has released", "2,000 prisoners Israel has released" (release)."""
    match = _RELATIVE_STATE.match(after)
    if not match:
        return None
    return next(kind for kind in ("hold", "take", "release") if match.group(kind))


def _finite_after_participle(after: str, lexicon: FigureLexicon,
                             trigger: str = "take") -> tuple[str | None, bool]:
    """ "105 hostages seized in the attack were freed", "129 hostages abducted on October 7
    remain in Gaza", "1,718 detainees held without charge were freed": a participle describes
    the people; the finite predicate after it in the clause says what the count is. Leaves
    "240 people were taken hostage" (take) and "132 remain held in Gaza" (hold)."""
    # a date keeps the comma after its year ("abducted on October 7, 2023, remain in Gaza")
    masked = re.sub(r"(x{6,}),(?=\s*(?:still\s+)?(?:remain|are|were|is|was|have|has|had)\b)",
                    r"\1x", _mask_dates(after, lexicon))
    clause = re.split(r"[,;.—–]", masked, maxsplit=1)[0]
    clause = _ANOTHER_COUNT.split(clause, 1)[0]  # ("who remain in Gaza include 35 who are
    # dead": the next count's predicate)
    if re.match(r"^\s*(?:were|was|have|has|had|are|is|remain\w*|still)\b", clause,
                re.IGNORECASE):
        return trigger, False
    for finite in _FINITE.finditer(clause):
        if _UNKNOWN.match(clause, finite.end()):
            return trigger, False  # "the fate of 150 people abducted ... remained unclear"
        found, pending = _right_trigger(after[finite.start() - 1:], lexicon)
        if found and found not in ("take", "hold"):
            return found, pending
    if trigger == "take" and _TAKEN_THEN_HELD.match(masked):
        return "hold", False
    return trigger, False


_TAKEN_PARTICIPLE = re.compile(r"^\s*(?:taken|abducted|kidnapped|seized|captured)\b",
                               re.IGNORECASE)


def _part_without_state(s: _Sentence, r: _Reading) -> bool:
    """The whole of "N of the M hostages" is held when the part is said dead or alive ("36 of
    the 128 remaining hostages are dead": 128 held), taken when a participle says so ("97 of
    the 251 hostages taken by Hamas on October 7 remain": 251 taken); any other whole is
    dropped ("31 of the 105 freed")."""
    if not r.part_of:
        return False
    lexicon = s.lexicon
    if r.right_trigger == "take" and _RELATIVE_STATE.match(r.after):
        return False  # "freed over 100 of the more than 200 people its militants took hostage"
    if r.np.kind == "hostage" and _TAKEN_PARTICIPLE.match(r.after):
        r.left_trigger, r.right_trigger = None, "take"  # "97 of the 251 hostages taken ..."
        return False
    if r.np.kind == "hostage" and _BODIES_OF_PART.search(r.left):
        r.left_trigger, r.right_trigger, r.bodies = None, "hold", True  # "handed over the
        return False  # remains of 27 out of 28 Israeli captives": the 28 are the dead
    still_held = r.np.kind == "hostage" and bool(
        _STILL_HELD_WHOLE.match(r.after) or _DEAD_IN_PHRASE.search(r.right[:r.np.end]))
    # ("the bodies of 10 of the 28 deceased hostages": the 28 are the dead still held)
    if r.np.kind != "hostage" or not (_said_dead(r.after, lexicon) or still_held
                                      or _said_alive(r.after, lexicon)):
        return True
    r.left_trigger, r.right_trigger, r.alive = None, "hold", False  # "the deaths of 35 of the
    return False  # 59 hostages still held in Gaza": 59 held


_BODIES_OF_PART = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:all\s+but\s+)?[\w,-]+\s+"
                             r"(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
_STILL_HELD_WHOLE = re.compile(r"^\s+(?:(?:who|that)\s+(?:are|were)\s+)?(?:still|remaining)\b",
                               re.IGNORECASE)


def _planned_before_trigger(s: _Sentence, r: _Reading) -> bool:
    """A plan governing the trigger: "agreed to free 50", "a deal to release 40". Leaves "to
    release the 136 hostages still held in Gaza" (a held count; the trigger is dropped)."""
    r.still_held = (r.left_trigger == "release" and r.right_trigger == "hold"
                    and bool(_STILL_HELD.match(r.after))) or _held_object_of_release(s, r)
    if r.still_held:
        r.left_trigger, r.right_trigger = None, "hold"
        return False
    before = r.core_left[max(0, r.trigger_start - 45):r.trigger_start]
    if _PAST_VERB.match(r.core_left, r.trigger_start):
        before = re.split(r"[,;:(]", before)[-1]  # "In the first phase of the cease-fire, Hamas
        # handed over 33 Israeli captives": the phase frames a release that happened
    plan = list(s.lexicon.pending_re.finditer(before))
    return bool(r.left_trigger and plan and not _REALIZED.search(before, plan[-1].end())
                and not r.coordinated)  # "released 30, in exchange for the release of 1,000"


# a finite past-tense release, kill or capture verb
_PAST_VERB = re.compile(r"(?:released|freed|handed\s+over|returned|set\s+free|killed|took|"
                        r"abducted|kidnapped|seized|swapped|exchanged)\b", re.IGNORECASE)


# a past verb after the plan word: the plan happened ("The first phase saw Hamas release 38")
_REALIZED = re.compile(r"\b(?:saw|has\s+seen|have\s+seen|had\s+seen|brought|led\s+to|"
                       r"resulted\s+in|secured|yielded|(?:ended|concluded|culminated|"
                       r"(?:was\s+)?(?:finali[sz]ed|completed))\s+(?:with|in)|completed)\b",
                       re.IGNORECASE)  # ("the first phase ended with the release of 33")


_DEFINITE_BEFORE = re.compile(r"\b(?:the|all|remaining)(?:\s+(?:the|all|remaining|of|some|most))*"
                              r"\s*$", re.IGNORECASE)
_NOMINAL_RELEASE = re.compile(r"\b(?:release|return|freeing|liberation)\s+of\b", re.IGNORECASE)


_EXCHANGE_FOR_THE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the|all)\b[^,;.\d]{0,25}$",
                               re.IGNORECASE)


def _held_object_of_release(s: _Sentence, r: _Reading) -> bool:
    """The hostages a release is sought for, named by their present state, are the held
    count: "secure the return of the remaining 134 hostages held in Gaza", "a deal that would
    release all remaining 100 hostages", "the release of the approximately 130 hostages in
    Gaza", "the release of some of the 130 remaining hostages". Needs a sought release (a
    noun, "release of", or a plan before the verb), a definite object (the, all, remaining)
    and a state (remaining, held, in Gaza). Leaves releases that happened ("Hamas released
    the 24 hostages on Friday") and numbers of a deal ("would free 40 hostages")."""
    remaining = re.search(r"\bremaining\b", r.core_left[-30:] + r.right[:r.np.end],
                          re.IGNORECASE)
    if r.np.kind not in ("hostage", None) or not (_DEFINITE_BEFORE.search(r.core_left)
                                                  or remaining):
        return False  # ("the return of about 60 remaining captives")
    if _NO_LONGER_HELD.match(r.after) or _RELEASE_DONE_AFTER.match(r.after):
        return False  # "the release of the 20 hostages who had been held captive since ...",
        # "the release of all 20 living captives was completed": held no more
    if r.left_trigger is None and _EXCHANGE_FOR_THE.search(r.core_left):
        return r.np.kind == "hostage" and r.right_trigger == "hold"  # "in exchange for the 47
        # hostages remaining in Gaza"
    if r.left_trigger != "release":
        return False
    trigger_text = r.core_left[r.trigger_start:]
    before = r.core_left[max(0, r.trigger_start - 45):r.trigger_start]
    sought = bool(_NOMINAL_RELEASE.search(trigger_text) or s.lexicon.pending_re.search(before)
                  or re.search(r"\bto\s*$", before) or _PRESENT_RELEASE.match(trigger_text))
    return sought and bool(remaining or r.right_trigger == "hold"
                           or re.search(r"\ball\s*$", r.core_left))  # "return all 50 hostages"


_RELEASE_DONE_AFTER = re.compile(r"^[^,.;]{0,40}?\b(?:was|were|has\s+been|had\s+been)\s+"
                                 r"(?:completed|carried\s+out|finali[sz]ed|concluded)\b",
                                 re.IGNORECASE)
_NO_LONGER_HELD = re.compile(r"^\s*,?\s*(?:who|that)\s+had\s+(?:been|remained)\b", re.IGNORECASE)
# a release verb not in the past: "until Hamas releases the remaining 59 hostages"
_PRESENT_RELEASE = re.compile(r"(?:releases?|frees?|returns?|brings?\s+(?:back|home))\b",
                              re.IGNORECASE)


def _bodies_of_the_held(s: _Sentence, r: _Reading) -> bool:
    """ "132 remain held in Gaza, including the remains of about two dozen who died", "111 of
    the captives have not been released, including the bodies of 39", "holds 24 living
    hostages and the remains of 35 others": the dead among the held just counted."""
    return bool(any(row["metric"] == "hostages_held" for row in s.rows)
                and _BODIES_OF_THE_HELD.search(r.core_left))  # ("97 of the 251 hostages
    # abducted ... remain in Gaza, including the bodies of 33": the held count came first)


_BODIES_OF_THE_HELD = re.compile(r"\b(?:includi?(?:ng|es|ed)?|and|plus|in\s+addition\s+to|"
                                 r"as\s+well\s+as|along\s+with|alongside|besides)\s+(?:the\s+)?"
                                 r"(?:bodies|remains)\s+of\s*$", re.IGNORECASE)


def _rescue_veto(s: _Sentence, r: _Reading) -> bool:
    """Rescues and recovered bodies: "rescued four hostages", "recovered the bodies of 3".
    Leaves "the bodies of 24 hostages are still in Gaza" (read as hostages dead) and the whole
    of a part recovered ("recovered the bodies of 10 of the 28 deceased hostages": 28 dead)."""
    if r.part_of and r.right_trigger == "hold":
        return False
    if _HANDOVER_UNDER_WAY.search(r.core_left):
        return False  # "begun handing over the remains of 28 deceased captives" (see _metric)
    own_clause = re.split(r";|,\s*(?:while|but|whereas)\b", r.after)[0][:80]
    later = find_numbers(own_clause)  # nor "130 came home in truces and seven in rescues"
    own_clause = own_clause[:later[0].start] if later else own_clause  # not "148
    # hostages have returned alive, most in two deals, while eight were rescued by troops"
    if not (s.lexicon.rescue_re.search(r.core_left[-40:]) or _RESCUE_AFTER.search(own_clause)):
        return False
    if _RECOVERED_BODIES.search(r.core_left[-60:]):
        return True  # "recovered the bodies of two hostages held in Gaza"
    hostages = r.np.kind == "hostage" or (r.np.kind is None and any(
        row["metric"].startswith("hostages") for row in s.rows))  # "Of the 251 hostages
    # taken ..., the remains of four are still in Gaza"
    if (r.right_trigger == "hold" and hostages
            and _BODIES_LEFT.search(_TRAILING_DETERMINERS.sub("", r.core_left)[-40:])) \
            or _bodies_of_the_held(s, r) \
            or (r.np.kind == "hostage" and _HOLDS_BODIES.search(r.core_left[-60:])):
        r.bodies = True  # "Hamas still holds the remains of 24 deceased hostages"
        return False
    return True


_RECOVERED_BODIES = re.compile(r"\b(?:recover\w*|retriev\w*|rescu\w*|return\w*|hand\w*\s+over|"
                               r"repatriat\w*|receiv\w*)(?:,[^,.;]{0,40},)?\s+(?:the\s+)?"
                               r"(?:bodies|remains|coffins)\s+of\s*$", re.IGNORECASE)
# ("Israel has received, through the Red Cross, the coffins of three fallen hostages")
_HOLDS_BODIES = re.compile(r"\b(?:holds?|holding|held|keeps?|keeping|has|have)\s+(?:the\s+)?"
                           r"(?:bodies|remains)\s+of\s*$", re.IGNORECASE)


def _coordinated_release(s: _Sentence, r: _Reading, previous: dict | None) -> bool:
    """The second half of an exchange: "freed 105 hostages in exchange for 240 prisoners",
    "released 13 Israelis and 39 Palestinians"; the next item of a list by nationality
    right after a release ("were 13 Israelis, 10 Thais and one Filipino"); the price of a
    release told as done without a number ("Most were released during the truce in exchange
    for 240 Palestinian prisoners")."""
    done = _DONE_RELEASE_FOR.search(_TRAILING_DETERMINERS.sub("", r.core_left))
    if done and (done.group("aux") or not _MODAL_RE.search(r.core_left[:done.start()][-60:])):
        return True  # ("Hamas released them in exchange for 240"; not "would see 33 released")
    if not (s.rows and s.rows[-1]["metric"].endswith("_released")):
        return False
    core = _TRAILING_DETERMINERS.sub("", r.core_left)
    core = _TRAILING_DETERMINERS.sub("", _NOMINAL_RELEASE_TAIL.sub("", core))
    if _COORDINATION.search(core):  # "and the remaining 13", "in exchange for the Israeli
        return True  # release of over 1,000 Palestinian prisoners"
    return bool(re.search(r",\s*$", r.core_left) and (r.np.foreign or r.np.nationality)
                and previous is not None and previous["row"] is s.rows[-1])


_DONE_RELEASE_FOR = re.compile(
    r"(?:\b(?P<aux>were|was|have\s+been|has\s+been|had\s+been|have|has|had)\s+(?:\w+\s+)?|"
    r"(?<!\bto\s)(?<!\bbe\s)(?<!\bbeen\s))\b(?:released|freed|"
    r"returned|set\s+free|handed\s+over)\b(?:(?!\b(?:would|will|could|to|if)\b)[^;.])*"
    r"\bin\s+(?:exchange|return)\s+for\s*$", re.IGNORECASE)
_NOMINAL_RELEASE_TAIL = re.compile(r"\b(?:[\w-]+\s+)?(?:release|freeing|return)"
                                   r"(?:\s+by\s+(?:the\s+)?[\w-]+)?\s+of\s*$|"
                                   r"\b(?:[\w'’-]+\s+)?(?:releasing|freeing)\s*$",
                                   re.IGNORECASE)  # ("in exchange for Israel releasing 290")


def _pending_clause(s: _Sentence, r: _Reading) -> bool:
    """A pending marker in the number's own clause ("would", "proposal", "in exchange for",
    "the first phase"): "a deal that would free 33". Leaves coordinated releases, "still held"
    counts and tallies ("bringing the total released under the deal to 105")."""
    clause = re.split(r"[,;:(]", r.core_left)[-1][-40:]
    plan = list(s.lexicon.pending_re.finditer(clause))
    if not plan or _REALIZED.search(clause, plan[-1].end()):
        return False  # "The first phase saw Hamas release 38 captives": it happened
    definite = _DEFINITE_BEFORE.search(r.core_left) or re.match(r"the\s", r.left[r.hedge_start:],
                                                                re.IGNORECASE)
    if r.right_trigger == "hold" and definite:
        return False  # "must first identify the estimated 90 hostages it is holding": a state
    return bool(not r.coordinated and not r.still_held and not _TOTAL_LEFT.search(r.core_left))


def _choose_trigger(s: _Sentence, r: _Reading) -> None:
    """One trigger from the left and right ones. A predicate after a toll phrase or after
    "holds" decides ("the toll ... 120 hostages were killed"); the part of a whole said dead
    is dead; the second number of an exchange is released; bodies are dead; otherwise the
    predicate shared with the next number ("23 Thais and one Filipino were freed")."""
    left = r.left_trigger
    if left == "release_total":
        left = "release"
    if left and left.startswith("count_"):  # "the number of (dead) hostages ... 35"
        kind, _, state = left[6:].partition("_")
        if r.np.kind is None:
            r.np.kind = kind
        left = state or "hold"
    r.left_trigger = left
    right = r.right_trigger
    trigger = left or right
    if (left == "toll" and right) or (left == "hold" and right in ("kill", "dead")):
        trigger = right
    if r.np.of_the and not r.alive and _said_dead(r.after, s.lexicon):
        trigger = "dead"
    if trigger == "hold" and not left and _dead_after_state(s, r):
        trigger = "dead"
    if r.coordinated and (trigger is None or (trigger in ("hold", "toll") and not left
                                              or left == "toll")):
        trigger = "release"
    if r.bodies:
        trigger = "dead"
    if trigger is None and not (s.lexicon.subset_left_re.search(r.core_left) and s.rows):
        trigger = _shared_predicate(s.text, r.number, r.np, s.numbers, s.lexicon)
    r.trigger = trigger  # ("killed 1,200 people, including 815 civilians, and 251 were
    # abducted": the part shares its whole's predicate, not the next clause's)


_NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                          r"hundreds?)\b", re.IGNORECASE)


def _dead_after_state(s: _Sentence, r: _Reading) -> bool:
    """Hostages described by where they are held, then said dead in the same clause: "32
    hostages remaining in Gaza were dead", "Over 30 Hostages Held by Hamas in Gaza Confirmed
    Dead", "31 of the remaining hostages held by Hamas in the Gaza Strip have been pronounced
    dead". Leaves "59 hostages are held in Gaza and Israel believes 35 are dead" (another
    number says who is dead) and "... remain in Gaza, 30 of whom are dead"."""
    if r.np.kind != "hostage" or r.alive or r.part_of:
        return False  # ("25 of the 100 hostages still in Gaza are no longer alive": 100 held)
    text = _mask_dates(r.after[:110], s.lexicon)
    other = _OTHER_SUBJECT.search(text)
    if other:
        text = text[:other.start()]
    match = s.lexicon.dead_search_re.search(text)
    return (bool(match) and not _NUMBER_WORD.search(text[:match.end()])
            and bool(_DEAD_PREDICATE.search(text[:match.end()])))


# the dead word as the predicate ("were dead", "have been pronounced dead", "have died"), not
# a verb with its own object ("kidnapped in the attack that killed 1,200 people")
_DEAD_PREDICATE = re.compile(r"\b(?:are|is|were|was|been|be|have|has|had|confirmed|pronounced|"
                             r"declared|presumed|believed|thought|feared|now)\s+(?:\w+\s+)?"
                             r"(?:dead|died|deceased|killed|slain|murdered|not\s+alive|"
                             r"no\s+longer\s+alive|lost\s+their\s+lives)\s*$", re.IGNORECASE)


def _is_subset(s: _Sentence, r: _Reading, previous: dict | None) -> bool:
    """A part of a number just given: "including 18 children", "of whom", and the next item
    of such a list ("including 18 women and 111 children"); an item with a predicate of its
    own starts a new clause ("including 12,300 children, and hundreds of Palestinians have
    been killed in the West Bank")."""
    if s.lexicon.subset_left_re.search(r.core_left) or r.np.kind == "pronoun":
        return True
    comma_and = re.search(r",\s*and\s*$", r.core_left)
    new_item = (r.right_trigger and (r.np.kind == "person" or (r.np.kind is None and comma_and))
                ) or (comma_and and previous is not None and previous["row"] is None)
    # "including 169 children, and more than 6,250 wounded": a toll of its own ("of whom 23
    # were alive and 35 dead" goes on with the parts); "freed 33 Israeli hostages, eight of
    # them dead, and five Thais": the aside is closed
    return bool(previous and previous["subset"] and not r.left_trigger
                and not new_item
                and re.search(r"(?:,|\band)\s*$", r.core_left))


def _part_of_release(r: _Reading, previous: dict | None) -> bool:
    """ "freed 33 hostages, eight of them dead": "N of them" after a release or after a
    dropped number is a part of it, not a count of its own; so is "including eight deceased"
    after a release (a part naming a group, "including 30 minors", is kept as a sub-count)."""
    if previous is None:
        return False
    if _nationality_part(r, previous):
        return False
    released = previous["metric"] is not None and previous["metric"].endswith("_released")
    if r.np.kind == "pronoun":
        return previous["metric"] is None or released
    return r.subset and released and not r.left_trigger and not r.np.group


def _nationality_part(r: _Reading, previous: dict | None) -> bool:
    """A part by nationality of a hostage count just read: "The total number of freed hostages
    stands at 102 people, including 70 Israelis", "251 hostages, among them 31 Thais". It is a
    row of that metric for that population (group all), as the parts of a breakdown are.
    Leaves other parts ("including 10 Americans", "including 30 children": sub-counts)."""
    if not (r.subset and previous and previous.get("row") and not r.left_trigger):
        return False
    if r.np.kind == "pronoun":  # "released 105 captives, 81 of them Israelis"
        named = _noun_phrase(r.right[r.np.end:], load_figure_lexicon())
        if named.kind != "person" or not (named.foreign or named.nationality == "israeli"):
            return False
        named.end += r.np.end
        r.np = named
    metric = previous["row"]["metric"]
    if not metric.startswith("hostages_"):
        return False
    if r.np.kind not in ("person", "hostage", "subgroup") or r.np.group not in (None,
                                                                                 "foreigners"):
        return False
    if not (r.np.foreign or r.np.nationality == "israeli") or _DUAL_NATIONALS.search(
            r.right[:r.np.end]):
        return False  # "including seven Americans": a sub-count, as the gold keeps it
    r.nationality_part = True
    return True


_DUAL_NATIONALS = re.compile(r"\b(?:americans?|us|u\.s\.|british|britons?|germans?|french|"
                             r"russians?|dual)(?!\w)", re.IGNORECASE)


def _hostage_context(s: _Sentence, r: _Reading) -> bool:
    """Is the sentence about hostages, for a number without a noun: a hostage word before it
    or a hostage row already read; for small numbers also a hostage word in its clause, or in
    the previous sentence when nothing Palestinian is in the clause ("Of the 132 hostages, 29
    are dead"), or in the two before when the clause says they are held ("Four more bodies are
    still being held in Gaza"; "while 34 are confirmed dead but remain in Gaza")."""
    lexicon, text = s.lexicon, s.text
    found = bool(lexicon.hostage_word_re.search(text[:r.number.start])) or any(
        row["metric"].startswith("hostages") for row in s.rows)
    clause = re.split(r"[,;]", _ADVERB_ASIDE.sub("", text[r.number.start:], count=1),
                      maxsplit=1)[0]  # ("Three bodies, however, are still unaccounted for")
    held = _HELD_IN_GAZA.search(clause)  # "34 are confirmed dead but remain in Gaza"
    if not found and r.value < 300 and (r.np.kind is None or (r.np.kind == "person" and held)):
        clause_after = re.split(r"[,;.]", r.after, maxsplit=1)[0]
        context = s.context + " " + s.earlier if held else s.context
        found = bool(lexicon.hostage_word_re.search(clause_after)) or (
            not r.left_trigger
            and not lexicon.cue_res["palestinian"].search(_HELD_IN_GAZA.sub("", clause))
            and bool(lexicon.hostage_word_re.search(context)))
    if not found and _ANAPHORIC_START.match(text[:r.number.start]):
        found = bool(lexicon.hostage_word_re.search(s.context))  # "... remain captive in Gaza.
        # Among them are 33 individuals ... who are presumed deceased."
    if r.np.kind == "pronoun" and not found:  # "25 of these are dead", a sentence or two later
        found = bool(re.match(r"^\s*(?:still\s+)?held\b", r.after)
                     or lexicon.hostage_word_re.search(s.context)
                     or (_SENTENCE_START_PART.match(text[:r.number.start])
                         and lexicon.hostage_word_re.search(s.earlier)))
    return found


_HELD_IN_GAZA = re.compile(r"\b(?:remain\w*|(?:still\s+)?(?:being\s+)?held|still)\s+"
                           r"(?:captive\s+)?in\s+(?:the\s+)?gaza(?:\s+strip)?\b|"
                           r"\bstill\s+unaccounted\s+for\b", re.IGNORECASE)
_ADVERB_ASIDE = re.compile(r",\s*(?:however|though|meanwhile|in\s+turn)\s*,", re.IGNORECASE)
# a sentence that opens on a part of what the sentence before counted
_ANAPHORIC_START = re.compile(r"^\W*(?:among|of)\s+(?:them|those|these|whom)\b[^.;\d]{0,25}$",
                              re.IGNORECASE)
# nothing before the number but a connective and a hedge: the sentence is about the part
_SENTENCE_START_PART = re.compile(r"^\W*(?:(?:however|but|and|of\s+those|yet|still)\W+)?"
                                  r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|over|"
                                  r"roughly|almost)\s+)?$", re.IGNORECASE)


_DEAD_IN_PHRASE = re.compile(r"\b(?:bodies|remains|deceased|dead|slain|fallen)\b", re.IGNORECASE)
_REMAINING_BEFORE = re.compile(r"\b(?:the\s+|all\s+)?remaining\s*$", re.IGNORECASE)
_REMAINING_AFTER = re.compile(r"\s*remaining\b", re.IGNORECASE)


# noun kind + trigger -> metric, when the noun says who was counted
NOUN_METRICS = {
    ("hostage", "take"): "hostages_taken",
    ("hostage", "release"): "hostages_released",
    ("hostage", "dead"): "hostages_dead",
    ("hostage", "kill"): "hostages_dead",
    ("hostage", "hold"): "hostages_held",
    ("prisoner", "release"): "prisoners_released",
    ("prisoner", "hold"): "prisoners_held",
}
# trigger -> metric for people, subgroups, pronouns and bare numbers (see _metric for the
# exceptions: hostages dead, releases of either side, held counts)
TRIGGER_METRICS = {
    "dead": "killed",
    "kill": "killed",
    "toll": "killed",
    "injure": "injured",
    "take": "hostages_taken",
    "displace": "displaced",
}


def _palestinian_clause(s: _Sentence, r: _Reading) -> bool:
    """Does the number's clause name Palestinians or Gaza's side before it ("Palestinian TV
    says 74 killed in assault")? Then a bare death count there is no hostage count."""
    start = max(s.text.rfind(",", 0, r.number.start), s.text.rfind(";", 0, r.number.start)) + 1
    return bool(s.lexicon.cue_res["palestinian"].search(s.text[start:r.number.start]))


_DECEASED_NP = re.compile(r"^[^.;,]{0,30}?\b(?:deceased|dead|slain)\s+(?:\w+\s+)?"
                          r"(?:hostages?|captives?)\b", re.IGNORECASE)
_WHOLE_LEFT = re.compile(r"\b(?:out\s+of|a\s+total\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def _deceased_count(r: _Reading) -> bool:
    """A count of dead hostages named by its noun, not by a verb: "a total of 28 deceased
    hostages that Hamas must return", "returned four out of 28 bodies of deceased hostages",
    "the 11 dead hostages still in Gaza". Leaves the hand-over itself ("returned the bodies of
    four deceased hostages": a release trigger with no whole) and "4 hostages died"."""
    if r.np.kind != "hostage" or not _DECEASED_NP.search(r.right[:r.np.end + 1]):
        return False
    return r.trigger in (None, "hold") or bool(_WHOLE_LEFT.search(r.core_left))


# the count of 7 October as news gives it: a whole of this size is the hostages taken
TAKEN_RANGE = (240, 260)
_LEADING_WHOLE = re.compile(r"(?:^|\bthat\s|[,;:]\s)\W*(?:of|out\s+of|among)\s+(?:all\s+)?"
                            r"(?:the\s+)?$", re.IGNORECASE)


def _noun_metric(s: _Sentence, r: _Reading) -> str | None:
    """The metric of a count the noun says is of hostages or prisoners: the table
    ``NOUN_METRICS``, then the held counts no trigger names ("there are 130 hostages", "the
    remaining 59 hostages", "estimated about 150 captives", "120 prisoners in Israeli jails"),
    "the 24 released hostages", and the dead among the held ("the remaining four slain
    hostages")."""
    np, trigger, lexicon = r.np, r.trigger, s.lexicon
    metric = NOUN_METRICS.get((np.kind, trigger))
    if metric is None and np.kind == "hostage" and (
            re.search(r"\bthere\s+(?:are|were|remain)\s*$", r.core_left, re.IGNORECASE)
            or (trigger is None and (_REMAINING_BEFORE.search(r.core_left)
                                     or _REMAINING_AFTER.match(r.right)))):
        metric = "hostages_held"  # "there are 130 hostages", "the remaining 59 hostages",
        # "the nearly 100 remaining hostages"
    if metric is None and np.kind == "hostage" and trigger is None and \
            _COUNTED_BEFORE.search(r.core_left):
        metric = "hostages_held"  # "Authorities had initially estimated about 150 captives"
    if metric is None and np.kind == "hostage" and trigger is None and \
            re.search(r"\b(?:released|freed)\b", r.right[:np.end], re.IGNORECASE):
        metric = "hostages_released"  # "the 24 released hostages were 13 Israelis, ..."
    if metric is None and np.kind == "prisoner" and lexicon.prison_re.search(r.after[:40]):
        metric = "prisoners_held"
    if metric is None and np.kind == "hostage" and trigger is None and \
            _LEADING_WHOLE.search(r.core_left) and r.after.lstrip().startswith(","):
        low, high = TAKEN_RANGE  # "Of the 251 hostages, 41 were killed in captivity" (taken);
        metric = "hostages_taken" if low <= r.value <= high else "hostages_held"  # "Of the
        # 132 hostages, 29 are dead" (held)
    if metric == "hostages_held" and _DEAD_IN_PHRASE.search(r.right[:np.end]):
        metric = "hostages_dead"  # "the remaining four slain hostages"
    return metric


_HELD_IN_GAZA_PREDICATE = re.compile(r"^[^.;]{0,70}?\b(?:were|are|is|was|remain)\s+(?:still\s+)?"
                                     r"(?:being\s+)?held\s+(?:captive\s+)?in\s+(?:the\s+)?gaza\b",
                                     re.IGNORECASE)
_HANDOVER_UNDER_WAY = re.compile(r"\b(?:begun|began|begins?|started|starts?|start)\s+"
                                 r"(?:handing\s+over|returning|to\s+(?:hand\s+over|return))\s+"
                                 r"(?:the\s+)?"
                                 r"(?:bodies|remains)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_FAMILIES_OF = re.compile(r"\bfamil(?:y|ies)\s+of\s+(?:the\s+|all\s+|all\s+the\s+)?$",
                          re.IGNORECASE)
_FAMILIES_WHOSE = re.compile(r"^\s+famil(?:y|ies)\s+whose\s+(?:loved\s+ones|relatives|"
                             r"(?:family\s+)?members|sons|daughters|children)\s+(?:are|were|remain)\s+"
                             r"(?:still\s+)?(?:being\s+)?(?:held|in\s+captivity|captive)",
                             re.IGNORECASE)


_HELD_STATE_AFTER = re.compile(r"^\s*,?\s*(?:(?:who|that)\s+(?:have\s+been|had\s+been|were|are)\s+"
                               r"(?:still\s+)?(?:taken|held|abducted|kidnapped|being\s+held)|"
                               r"(?:still\s+)?held\b|still\b|in\s+captivity)", re.IGNORECASE)


_NOTIFIED_AFTER = re.compile(r"^\s*(?:have|had|has)\s+(?:now\s+)?been\s+"
                             r"(?:informed|notified|told)\b", re.IGNORECASE)
_NOTIFIED_BEFORE = re.compile(r"\b(?:notif(?:y|ied|ying)|inform(?:ed|ing)?)\s+(?:the\s+)?"
                              r"famil(?:y|ies)\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)


def _families_of_the_held(r: _Reading) -> bool:
    """The families of the hostages count the hostages held: "notify the families of 81
    hostages, who have been taken by Hamas", "notified 50 families whose loved ones are being
    held hostage". Leaves "met the families of 12 hostages" (no state: the ones he met)."""
    if r.np.kind == "hostage" and _FAMILIES_OF.search(r.core_left):
        return bool(_HELD_STATE_AFTER.match(r.after) or _NOTIFIED_AFTER.match(r.after)
                    or _NOTIFIED_BEFORE.search(r.core_left))  # (not "met the families of 12
        # hostages on Tuesday": those he met; "the families of 203 hostages have been informed",
        # "notified the families of 203 hostages": the military's count of the held)
    return bool(_FAMILIES_WHOSE.match(r.right))


def _metric(s: _Sentence, r: _Reading) -> str | None:
    """The metric from the noun kind and the trigger (the tables above), with the cases the
    tables cannot hold: "there are 130 hostages" (held), "120 prisoners in Israeli jails"
    (held), "Of the 132 hostages, 29 are dead" (hostages dead), the parts of a count of
    hostages, releases whose noun does not say which side, and held counts by nationality."""
    np, trigger, lexicon = r.np, r.trigger, s.lexicon
    if _families_of_the_held(r):
        return "hostages_held"
    if _HANDOVER_UNDER_WAY.search(r.core_left) and _DEAD_IN_PHRASE.search(r.right[:np.end]):
        return "hostages_dead"  # "begun handing over the remains of 28 deceased captives": the
        # dead still to come back, not a hand-over done
    if r.bodies and r.hostage_context:
        return "hostages_dead"  # "... and the remains of 35 others"
    if _deceased_count(r):
        return "hostages_dead"  # "a total of 28 deceased hostages", "out of 28 bodies of ..."
    if trigger == "hold" and _DEAD_IN_PHRASE.search(r.right[:np.end]) and (
            np.kind == "hostage" or r.hostage_context):
        return "hostages_dead"  # "the return of 16 bodies still held in Gaza"
    if trigger == "hold" and np.kind is None and s.rows and \
            s.rows[-1]["metric"] == "hostages_dead" and _LEAVING.search(r.core_left):
        return "hostages_dead"  # "returned 15 of the 28 deceased hostages, leaving 13 in Gaza"
    if np.kind in ("hostage", "prisoner"):
        return _noun_metric(s, r)
    if trigger in ("dead", "kill", "toll"):
        if (trigger != "toll" and r.hostage_context and not r.left_trigger
                and (np.kind is None or (np.kind == "person"
                                         and _ANAPHORIC_START.match(s.text[:r.number.start])))
                and not _palestinian_clause(s, r)):
            return "hostages_dead"
        if np.kind == "pronoun" or r.subset:
            return "hostages_dead" if r.hostage_context else None
    if trigger in ("dead", "kill") and np.others and not r.left_trigger and s.rows and \
            s.rows[-1]["metric"].startswith("hostages"):
        return "hostages_dead"  # "60 hostages are still in captivity, with about 35 others
        # believed to be dead"
    if trigger == "injure" and r.subset:
        return None
    if trigger == "release":
        return _release_kind(s.text, r.left, np, lexicon, s.context) + "_released"
    if trigger == "hold":
        return _held_metric(s, r)
    return TRIGGER_METRICS.get(trigger)


def _held_metric(s: _Sentence, r: _Reading) -> str | None:
    """Who holds a count said held with no hostage or prisoner noun: "Israel is detaining more
    than 9,900 people" (prisoners), "Hamas is believed to be holding around 240 people", "Of
    the 250 hostages, 116 remain detained", "136 people ... were still being held in the Gaza
    Strip" (hostages); None for "two million Palestinian civilians in Gaza"."""
    np, lexicon = r.np, s.lexicon
    if r.left_trigger == "hold" and np.kind in ("person", None) and \
            lexicon.israeli_agent_re.search(r.core_left[:r.trigger_start]):
        return "prisoners_held"
    if r.left_trigger == "hold" and np.kind in ("person", None) and \
            _CAPTOR_BEFORE.search(r.core_left[:r.trigger_start]):
        return "hostages_held"
    if np.kind is None and s.rows and s.rows[-1]["metric"].startswith("hostages") and \
            _OF_THE_START.match(s.text):
        return "hostages_held"
    aside = _APPOSITIVE_START.match(r.after)  # ", including hundreds of children, are
    window = r.after[:40 + (aside.end() if aside else 0)]  # being held in Israeli jails"
    if lexicon.prison_re.search(window) or (
            np.nationality == "palestinian" and (r.left_trigger == "hold"
                                                 or _HELD_WORD.search(window))):
        return "prisoners_held"
    if (r.hostage_context or lexicon.hostage_word_re.search(r.after[:60])
            or np.nationality == "israeli" or np.foreign
            or _HELD_IN_GAZA_PREDICATE.match(window)):
        return "hostages_held"
    return None


_COUNTED_BEFORE = re.compile(r"\b(?:estimated|estimates?|believes?|counted|counts|listed|lists|"
                             r"puts?|put)\s+(?:that\s+)?(?:there\s+(?:are|were)\s+)?$",
                             re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+(?:(?:about|some|over|nearly|at\s+least|more\s+than)"
                         r"\s+)?$", re.IGNORECASE)
_LEAVING = re.compile(r"\b(?:leaving|leaves|left|with)\s+(?:(?:about|some|only|just)\s+)?$",
                      re.IGNORECASE)
_CAPTOR_BEFORE = re.compile(r"\b(?:hamas|militants|islamic\s+jihad|captors|the\s+(?:militant\s+)?"
                            r"group)\b[^.,;]{0,40}$", re.IGNORECASE)
_APPOSITIVE_START = re.compile(_APPOSITIVE)
_OF_THE_START = re.compile(r"\s*(?:out\s+)?of\s+the\b", re.IGNORECASE)
_HELD_WORD = re.compile(r"\b(?:held|holding|holds)\b", re.IGNORECASE)
_BRINGING_TOTAL = re.compile(r"\b(?:bringing|brings|brought|taking|takes|raising|raises)\s+"
                             r"(?:the|its)\s+(?:overall\s+|total\s+)?(?:total|tally|number|count)\b[^\d.;:]{0,30}"
                             r"\bto\s*$", re.IGNORECASE)


def _inherit_metric(s: _Sentence, r: _Reading, previous: dict | None) -> None:
    """A number with no trigger of its own that continues the row just read: "holds 9,000
    Palestinians ..., up from about 5,200 before the war" (a comparison: the same metric),
    "killed 30,000 people, including 12,300 children" (a part: the same metric, its group)."""
    if not s.rows:
        return
    last = s.rows[-1]
    if r.nationality_part:
        r.metric, r.population = last["metric"], "other" if r.np.foreign else "israeli"
        return
    if (last["metric"] in ("killed", "injured") and r.np.kind in (None, "person")
            and not r.np.nationality and previous is not None and previous["row"] is last
            and _AND_BEFORE.search(r.core_left) and _PLACE_AFTER.match(r.right[r.np.end:])):
        r.metric = last["metric"]  # "killed 1,300 Palestinians in the West Bank and 65,000 in
        return  # Gaza": the same toll in another place (its own population)
    if r.np.kind is None and (_COMPARED_LEFT.search(r.core_left)
                              or _BRINGING_TOTAL.search(r.core_left)):
        r.metric, r.population = last["metric"], last["population"]  # "bringing the total to 58"
    elif (r.subset and r.np.kind in ("subgroup", "person") and r.np.group
          and previous is not None and previous["row"] is last):
        r.metric, r.population = last["metric"], last["population"]


# About 250 people were taken hostage on 7 October 2023: no count of the hostages taken, held,
# dead or freed is larger. A bigger "hostage" count speaks of Palestinians ("Israel is holding
# nearly 10,000 hostages") or is a toll read in a hostage sentence ("250 people abducted and
# 1,200 killed").
HOSTAGE_MAX = 300
_BEYOND_HOSTAGES = {"hostages_held": "prisoners_held", "hostages_released": "prisoners_released",
                    "hostages_dead": "killed", "hostages_taken": None}


TOLL_MAX = 1_000_000  # no toll of the war reached a million (Gaza has about two million people)
PRISONERS_HELD_MIN = 2000  # Israel held about 5,000 Palestinians before the war, over 9,000 in it


def _plausible_metric(metric: str | None, value: int) -> str | None:
    """A hostage metric whose value no hostage count reaches (over :data:`HOSTAGE_MAX`) is the
    other side's: held -> prisoners held, released -> prisoners released, dead -> killed;
    "took 1,200 hostages" is no figure. Leaves every count up to 300. A displaced count under
    :data:`DISPLACED_MIN` is one site's or one family's."""
    if metric in _BEYOND_HOSTAGES and value > HOSTAGE_MAX:
        return _BEYOND_HOSTAGES[metric]
    if metric == "displaced" and value < DISPLACED_MIN:
        return None  # "30 people were crammed into a single classroom": one site's
    return metric


DISPLACED_MIN = 1000  # the war displaced people by the tens of thousands at least


# a toll of one cause or circumstance is a sub-count: (what follows the noun phrase, group)
_CIRCUMSTANCE_GROUPS = (  # (up to 90 characters: "killed and more than 13,500 wounded while
    # seeking aid" gives both tolls the circumstance)
    (re.compile(r"^[^.;]{0,90}?\b(?:while|when)\s+(?:seeking|trying\s+to\s+(?:reach|get|access|"
                r"receive|obtain|collect)|attempting\s+to\s+(?:reach|get|access|receive)|waiting\s+"
                r"for|collecting|queu\w+\s+for)\s+(?:\w+\s+){0,2}?(?:aid|food|flour|help)\b",
                re.IGNORECASE), "aid seekers"),
    (re.compile(r"^[^.;]{0,40}?\b(?:died|dying|dead)\s+(?:of|from)\s+(?:\w+\s+){0,2}?(?:malnutrition|"
                r"starvation|hunger|famine|dehydration)\b", re.IGNORECASE), "starvation"),
)


_ADMINISTRATIVE = re.compile(r"\badministrative\s+(?:detention|detainees?)\b", re.IGNORECASE)
_AID_SEEKERS = re.compile(r"\b(?:aid|bread|food|flour)[\s-]+seekers?\b", re.IGNORECASE)
_TOLL_AMONG = re.compile(r"\btoll\s+(?:among|of)\s+(?:the\s+)?(?:(?:slain|fallen|killed|dead|"
                         r"israeli|palestinian)\s+){0,2}(?P<word>[\w-]+)\b[^\d.;:]{0,100}$",
                         re.IGNORECASE)  # "The toll among children has surpassed 18,000", "the
# toll of slain Israeli troops in the ground offensive to 101"
_GROUP_TOLL = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?P<word>[\w-]+)\s+(?:killed|dead|"
                         r"slain|martyred|injured|wounded)\b[^\d.;:]{0,110}$", re.IGNORECASE)
# "the total number of malnutrition-related deaths during the war to 289", "the death toll
# from hunger has reached 222", "famine deaths rose to 300": a tally of one cause of death
_STARVATION_TOLL = re.compile(r"\b(?:(?:malnutrition|starvation|hunger|famine)(?:[\s-]+related)?\s+"
                              r"(?:deaths|death\s+toll|toll|fatalities)|(?:deaths|death\s+toll|toll|"
                              r"fatalities)\s+(?:from|due\s+to|of|caused\s+by)\s+(?:\w+\s+)?"
                              r"(?:malnutrition|starvation|hunger|famine))\b[^\d.;:]{0,100}$",
                              re.IGNORECASE)
# "the military death toll since the start of the ground offensive ... to 86", "Israeli Army
# Death Toll ... Reaches 97", "the IDF's death toll": the toll of a side's soldiers
_MILITARY_TOLL = re.compile(r"(?:\b(?:military|army|idf|military['’]s|army['’]s|idf['’]s)\s+"
                            r"(?:total\s+)?(?:death\s+toll|toll|tally|count|deaths|losses)|"
                            r"\btoll\s+of\s+the\s+ground\s+(?:campaign|operation|offensive|"
                            r"invasion))\b[^\d.;:]{0,100}$", re.IGNORECASE)
# ("the army's total deaths since ... jumps to 628", "the death toll of the ground campaign")


def _toll_group(s: _Sentence, r: _Reading) -> str | None:
    """The group a tally phrase names: "the number of UNRWA personnel killed since the
    beginning of hostilities has increased to 135" (aid workers), "number of Palestinian
    children killed" (children). None for "the number of people killed"."""
    if r.metric not in ("killed", "injured"):
        return None
    left = _mask_dates(r.core_left, s.lexicon)  # ("... in Gaza on Oct. 27 to 280")
    match = _GROUP_TOLL.search(left) or _TOLL_AMONG.search(left)
    if match and s.lexicon.group_of.get(match.group("word").lower()):
        return s.lexicon.group_of[match.group("word").lower()]
    if _MILITARY_TOLL.search(left):  # (also "the toll of the ground campaign")
        return "soldiers"
    if _STARVATION_TOLL.search(left):
        return "starvation"
    last = s.rows[-1] if s.rows else None  # "17,000 children have been killed and over 33,000
    if (last and r.np.kind is None and last["group"] != "all"  # injured": the same group
            and last["metric"] in ("killed", "injured") and _same_clause(last, s.text, r.number)
            and not any(o["row"] is last and o["subset"] for o in s.outcomes)):
        return last["group"]  # (not after "including 169 children": a part, not the subject)
    return None


_LIVING = re.compile(r"\b(?:living|alive|surviving)\b", re.IGNORECASE)
SUBSET_METRICS = {"killed", "injured", "hostages_held", "prisoners_held", "hostages_released",
                  "prisoners_released", "displaced"}


_AMONG_WERE = re.compile(r"\s*among\s+(?:the|those)\b[^.;:]{0,100}?\b(?:were|are|was|is)\b"
                         r"[^.;:]{0,60}$", re.IGNORECASE)


def _group(s: _Sentence, r: _Reading) -> str | None:
    """`all` for a count of the whole population, else the sub-group counted (``groups`` in
    figure_words.json): "13,000 children have been killed" (children), "including 300
    soldiers" (soldiers), "20 of them believed alive" (alive). None drops a part whose group
    the words do not name ("including 15 in Rafah"). A hostage count of women and children
    freed is a release of its own (group all), as is "24 of whom have died" (hostages dead)."""
    if r.nationality_part:
        return "all"  # "including 70 Israelis": a part by nationality, as in a breakdown
    if (r.alive and not r.metric.endswith("_released")) or (
            r.metric == "hostages_held" and _LIVING.search(r.right[:r.np.end])):
        return "alive"  # "20 of them believed alive", "holds 24 living hostages" (not
        # "released 20 Israeli captives alive": the release day's count)
    for regex, group in _CIRCUMSTANCE_GROUPS:
        if r.metric in ("killed", "injured") and regex.match(r.after):
            return group  # "killed while seeking aid", "died of malnutrition"
    if r.metric in ("killed", "injured") and _AID_SEEKERS.search(re.split(r"[;:]",
                                                                          r.core_left)[-1]):
        return "aid seekers"  # "bringing the cumulative “bread-seeker” casualties to 549"
    toll_group = _toll_group(s, r)
    if toll_group == "soldiers" or (r.np.group == "soldiers" and r.metric in ("killed",
                                                                              "injured")):
        r.population = _nearest_cue(s.text, r.number.start, r.number.end,  # "the toll of
                                    {"other": s.lexicon.cue_res["other"]}, s.lexicon,  # soldiers
                                    "israeli")  # killed in the ground offensive", "405
        return "soldiers"  # soldiers have been killed": Israel's military dead, a sub-count of
        # Israel's toll (the gold of dev2, dev3 and dev4 leaves them out of the whole counts)
    if toll_group:
        return toll_group  # "the number of UNRWA personnel killed ... has increased to 135"
    if r.metric == "prisoners_held" and r.np.kind == "prisoner" and r.np.group:
        return r.np.group  # "more than 400 child prisoners"
    if r.metric == "prisoners_held" and _ADMINISTRATIVE.search(
            re.split(r"[,;]", r.core_left)[-1][-80:]
            + re.split(r"[,;.]", r.right[:r.np.end + 60])[0]):
        return "administrative detainees"  # "held under administrative detention ... 3,400"
    named = r.np.group
    if r.np.kind == "subgroup" and r.metric in ("killed", "injured", "displaced"):
        return named
    if r.np.kind == "subgroup" and named and _AMONG_WERE.match(s.text, 0, r.number.start):
        return named  # "Among the hostages freed by Hamas were seven children and six women"
    if r.subset and r.metric in SUBSET_METRICS and not (
            r.np.kind == "pronoun" and r.metric == "hostages_held"):
        return named
    if r.subset and r.metric == "hostages_dead" and s.rows and \
            s.rows[-1]["metric"] == "hostages_dead":
        return named  # "33 ... presumed deceased, including eight soldiers": a part of the
        # dead (a part of the held said dead is the dead count: "including 36 who are dead")
    return "all"


def _custody_death(s: _Sentence, r: _Reading) -> bool:
    """ "53 Palestinians have died in Israeli custody", "while in detention": not a war toll."""
    return r.metric in ("killed", "hostages_dead") and bool(_CUSTODY_AFTER.match(r.after))


def _former_detainees(s: _Sentence, r: _Reading) -> bool:
    """ "six former detainees, released in May": people described, not a release."""
    return r.metric.endswith("_released") and bool(
        re.search(r"\bformer\b", r.right[:r.np.end], re.IGNORECASE))


def _identified_part(s: _Sentence, r: _Reading) -> bool:
    """ "the ministry has identified 24,686": the named part of a toll."""
    return r.metric == "killed" and bool(re.search(r"\bidentified\s*$", r.core_left,
                                                   re.IGNORECASE))


def _bodies_handed_over(s: _Sentence, r: _Reading) -> bool:
    """ "returned the bodies of four hostages", "remains of": bodies are not people freed; nor
    is a count that takes bodies in ("154 others, including the bodies of the deceased, have
    been returned")."""
    phrase = re.split(r"\s+and\s+", r.right[:r.np.end])[0]  # "20 living hostages and the bodies"
    return r.metric.endswith("_released") and bool(
        _DEAD_IN_PHRASE.search(phrase) or _WITH_BODIES.match(r.after))


_WITH_BODIES = re.compile(r"^\s*,\s*including\s+(?:the\s+)?(?:bodies|remains)\b", re.IGNORECASE)
    # ("Four deceased hostages were returned to Israel": bodies too)


def _taken_before_war(s: _Sentence, r: _Reading) -> bool:
    """ "four other Israelis were taken before the war", "held since 2014"."""
    return r.metric.startswith("hostages") and bool(s.lexicon.prewar_re.search(r.after[:40]))


def _hostages_killed_by(s: _Sentence, r: _Reading) -> bool:
    """Hostages as the object of a killing: "Hamas had killed six of its hostages", "two
    hostages were killed by their captors": an event, not the count of the dead among the
    held. Leaves states: "29 of them are presumed dead", "22 of them had been killed",
    "31 are believed to have died or been killed"."""
    if r.metric != "hostages_dead" or r.np.kind != "hostage":
        return False
    verb = r.left_trigger == "kill" and _KILL_VERB.match(r.core_left[r.trigger_start:])
    return bool(verb or _KILLED_BY.match(r.after))


_KILLED_BY = re.compile(r"^\s*(?:\w+\s+){0,3}?killed\s+by\b", re.IGNORECASE)
_KILL_VERB = re.compile(r"(?:killed|killing|kills|kill|slaughtered|massacred|murdered|executed)\b",
                        re.IGNORECASE)  # not "the deaths of 41 of the hostages" (a state)


def _incident_toll(s: _Sentence, r: _Reading) -> bool:
    """One strike's or one incident's toll: "an Israeli strike on a school killed 12" (the
    nearest of incident and war-level markers is an incident marker). Leaves the toll of the
    7 October attack, however the sentence calls the attack ("Hamas strike", "attack on")."""
    if r.metric not in ("killed", "injured") or r.value >= INCREMENT_MAX["killed"]:
        return False  # ("attacks by Israeli troops have left 22 THOUSAND Palestinians dead")
    if r.value >= 1000 and _population(r.metric, r.np, s.text, r.number, s.rows,
                                       s.lexicon) == "israeli":
        return False  # "in an unprecedented Hamas strike ... killed about 1,160 people in
        # Israel", "1,400 Israelis were killed when Hamas attacked ..., shooting civilians":
        # no single incident but 7 October killed a thousand Israelis
    return _is_incident(s.text, r.number.start, r.number.end, s.lexicon, toll=r.left_is_toll)


def _small_toll_without_war(s: _Sentence, r: _Reading) -> bool:
    """A toll under 1,000 is one day's, one strike's or one site's unless its clause says it
    is a running total ("since", "so far", "to date", "in total", "overall", "throughout"):
    "Israeli strikes kill over 400 in Gaza, threatening total truce collapse", "at least 10
    deaths in an attack on Gaza City" are dropped; "905 Palestinians have been killed in the
    West Bank since October 7" is kept. Only the number's clause counts: "strikes kill 30
    across Gaza; toll tops 44,000" (30 is one day's)."""
    if r.metric not in ("killed", "injured") or r.value >= 1000 or (r.subset and
                                                                     r.group != "all"):
        return False  # ("killed 1,200 people, including 815 civilians": a part of a war toll)
    if _toll_group(s, r) == "soldiers" or (r.np.group == "soldiers" and r.value >= 100):
        return False  # "the army's death toll rose to 330", "174 soldiers have been killed in
        # Gaza": an army counts its dead in a running total (not "two soldiers were killed")
    clause = next(part for part, start in _clauses(s.text)
                  if r.number.start < start + len(part) or start + len(part) == len(s.text))
    return not (_CUMULATIVE.search(clause) or _WHOLE_WAR.search(clause))


# a span that is the whole war so far: "405 soldiers have been killed in the ground operation"
_WHOLE_WAR = re.compile(r"\b(?:in|during|throughout)\s+(?:the|its|israel['’]s)\s+(?:\w+\s+){0,2}?"
                        r"(?:war|ground\s+(?:operation|offensive|invasion))\b", re.IGNORECASE)


# ("since Oct. 8, 2023": the year after its comma belongs to the date)
_SINCE = re.compile(r"\bsince\b(?P<what>(?:[^,;]|,\s*(?:19|20)\d\d\b){0,80})", re.IGNORECASE)
# what a war total counts since (8 October 2023: the day the Lebanese front opened)
_WAR_START = re.compile(r"\b(?:oct(?:ober)?\.?\s+[78]\b|[78]\s+oct|oct(?:ober)?\.?\s+(?:20)?23|"
                        r"(?:the|this)\s+(?:war|conflict|offensive|fighting|start|beginning|outbreak)|"
                        r"(?:war|conflict|fighting)\s+(?:began|started|erupted|broke\s+out)|"
                        r"(?:hamas|the)\b[^,;]{0,30}\battack|2023)", re.IGNORECASE)
# what a count since a restart counts since: a date, a weekday, a truce's end
_RESTART = re.compile(r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
                      r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                      r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|dawn|midnight|"
                      r"this\s+morning|last\s+night|resum\w+|breach\w*|broke\s+down|collaps\w+|"
                      r"(?:early|mid|late)[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                      r"ceasefire|cease-fire|truce)", re.IGNORECASE)


def _count_since_restart(s: _Sentence, r: _Reading) -> bool:
    """A toll counted since something other than the war's start: "since Israel resumed its
    strikes on Tuesday, 436 people have been killed", "89 killed since October 11", "since the
    occupation breached the ceasefire agreement on March 18, ... 5,685 martyrs", "since the
    truce collapsed", "Israel resumed the war on 18 March, killing over 1,500" (a resumption
    before the number in its clause). Not the war's total. Leaves "since October 7", "since
    the war began", "since Hamas' October 7, 2023 attack", "since October 2023"."""
    if r.metric not in ("killed", "injured", "displaced"):
        return False
    if _since_restart(s, r):
        s.outcomes[-1]["restart"] = True
        return True
    earlier = [o for o in s.outcomes[:-1] if not o.get("excluded")]
    return bool(r.np.others and earlier and earlier[-1].get("restart"))  # "since March 18
    # ... has reached 5,685, while 19,518 others were wounded": the same count's wounded


def _since_restart(s: _Sentence, r: _Reading) -> bool:
    """The clause test of :func:`_count_since_restart`."""
    for part, start in _clauses(s.text):
        if start <= r.number.start < start + len(part):
            if not r.left_is_toll and _RESUMED.search(part[:r.number.start - start]):
                return True  # "Israel resumed the war on 18 March, killing over 1,500" (not
                # "In the wake of the renewed fighting, ... the death toll has surged to")
            after = _SINCE.search(part[r.number.end - start:][:80])
            if after and _WAR_START.search(after.group("what")) \
                    and not _RESUMED.search(after.group("what")):
                return False  # the number's own anchor: "43 killed since dawn ..., with
                # casualties surpassing 65,000 dead and 173,000 wounded since October 2023"
            for since in _SINCE.finditer(part):
                what = since.group("what")
                if since.start() > r.number.end - start and _GROWTH_BEFORE.search(
                        part, 0, since.start()):
                    continue  # the growth's anchor: "has surpassed 68,000, with the toll
                    # increasing since the ceasefire began"
                if _RESUMED.search(what) or _SINCE_MONTH.match(what) or (
                        _RESTART.search(what) and not _WAR_START.search(what)):
                    return True  # "since Israel resumed the war on 18 March"
    return False


_GROWTH_BEFORE = re.compile(r"\b(?:increas(?:ing|ed|es)?|ris(?:ing|en)|rose|climb(?:ing|ed)|"
                            r"grow(?:ing|n)|grew|jump(?:ing|ed)|swell(?:ing|ed))\s+$",
                            re.IGNORECASE)
# a month right after "since": "since May", "since late May" (not "since October": the war's;
# not "since Israel's May offensive in Rafah", a displacement's cause)
_SINCE_MONTH = re.compile(r"^\s*(?:(?:late|early|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?"
                          rf"(?:{'|'.join(m for m in MONTH_NAMES if m != 'october')})\b"
                          r"(?!\s+\d{4})", re.IGNORECASE)
# a resumption of the fighting ("resumed its strikes", "the war resumed", "the resumption of
# hostilities"); not of a count ("a detailed count of casualties has been resumed")
_FIGHTING = (r"(?:war|strikes?|airstrikes?|attacks?|offensive|fighting|hostilities|bombing|"
             r"bombardment|operations?|assault|aggression|campaign|military)")
_RESUMED = re.compile(rf"\b(?:resum(?:ed|es|ing|ption)|renewed)\b(?:\s+(?:of\s+)?[\w'’-]+){{0,3}}?"
                      rf"\s+{_FIGHTING}\b|(?<!from\sthe\s)(?<!of\sthe\s)\b{_FIGHTING}\s+(?:has\s+|had\s+|"
                      rf"have\s+|was\s+|were\s+)?(?:been\s+)?(?:resumed|renewed)\b", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[str, int]]:
    """`text` cut at semicolons and at ", while", ", but", ", bringing", ", according to",
    ", which said": (clause, start)."""
    found, start = [], 0
    for piece in re.split(r"(;|,[”\"’]?\s*(?:while|but|bringing|according\s+to|which\s+(?:also\s+)?"
                          r"(?:said|says|reported|added|noted))\b)", text):
        found.append((piece, start))
        start += len(piece)
    return found


def _proposed_release(s: _Sentence, r: _Reading) -> bool:
    """ "proposed extending the truce ..., with Hamas freeing five hostages": a release inside a
    proposal's clause (up to a semicolon)."""
    return (r.metric.endswith("_released") and not r.coordinated
            and bool(s.lexicon.proposal_re.search(r.core_left.split(";")[-1])))


_PLAN_BEFORE = re.compile(
    r"\b(?:agreement|deal|accord|truce|pause|ceasefire|cease-fire|arrangement|phase|proposal|"
    r"plan|talks|negotiations|framework)\b[^.;]{0,60}?"
    r"\b(?:to\s+(?:extend|secure|bring|free|release|pause|halt|end|stop|allow|see|swap|exchange)|"
    r"involv(?:es|e|ing)|entails?|provid(?:es|e|ing)\s+for|would|will|could|includes?|"
    r"outlin(?:es|e|ed|ing)|envisag(?:es|e|ed|ing)|foresees?|"
    r"touch(?:es|ed)?\s+on|calls?\s+for)\b", re.IGNORECASE)
_NOMINAL_RELEASE_END = re.compile(r"\b(?:(?:release|return|freeing)\s+of|releasing|freeing|"
                                  r"handing\s+over|returning)\s+(?:[\w-]+\s+){0,3}$",
                                  re.IGNORECASE)  # ("involves Hamas releasing 33 hostages")


def _release_in_plan(s: _Sentence, r: _Reading) -> bool:
    """A release named as a noun inside a deal that is still to run: "an agreement to extend
    the ceasefire by two days, with the release of another 20 hostages", "this pause
    involves the release of 50 women and children", "the first phase includes the release of
    33 hostages", "the talks touched on a release of 10-15 hostages", "the plan calls for ...
    the release of"; the same with a gerund: "the deal involves Hamas gradually releasing 33
    hostages". Leaves "the truce saw the release of
    105 hostages" and the second half of an exchange."""
    if not r.metric.endswith("_released") or r.coordinated:
        return False
    nominal = _NOMINAL_RELEASE_END.search(r.core_left)
    clause = r.core_left.split(";")[-1]
    return bool(nominal and _PLAN_BEFORE.search(clause[:len(clause) - len(r.core_left)
                                                      + nominal.start()]))


def _recipients(s: _Sentence, r: _Reading) -> bool:
    """People something is done to or for: "the delivery of medicines to 45 hostages in
    Gaza", "visits for 20 prisoners in Israeli jails". Not a count of who is held; leaves
    "holds 45 hostages in Gaza" and "there are 130 hostages in Gaza"."""
    return (r.metric in ("hostages_held", "prisoners_held") and not r.left_trigger
            and bool(re.search(r"\b(?:to|for)\s+(?:the\s+|all\s+)?$", r.core_left))
            and bool(re.match(r"^[\s,]*(?:still\s+)?(?:in|inside)\b", r.after)))


def _few_taken(s: _Sentence, r: _Reading) -> bool:
    """Some 250 people were taken on 7 October: a capture of fewer than
    :data:`HOSTAGES_TAKEN_MIN` is one family's, one site's or one unit's story ("two children
    were also taken captive", "kidnapped 40 others" at a festival, "the four were captured
    when militants overran the base"), not the count. Leaves foreign nationals ("23 Thais
    were abducted") and "took some 240 hostages"."""
    if r.metric == "hostages_taken" and r.np.kind == "pronoun":
        return True  # "120 hostages still held, 116 of whom were kidnapped on October 7": a part
    return (r.metric == "hostages_taken" and r.value < HOSTAGES_TAKEN_MIN and not r.np.foreign
            and r.group == "all")


HOSTAGES_TAKEN_MIN = 100


def _few_prisoners(s: _Sentence, r: _Reading) -> bool:
    """A count of Palestinians held under :data:`PRISONERS_HELD_MIN` is a part of the held
    (sentenced prisoners, women, one prison's inmates: "the number of sentenced prisoners
    exceeded 1,460", "remained in prisons, numbering 53"), not their number. Leaves sub-counts
    whose group the words name ("400 child prisoners": group children)."""
    return (r.metric == "prisoners_held" and r.group == "all" and r.value < PRISONERS_HELD_MIN
            and not s.lexicon.left["hold_left"].search(_TRAILING_DETERMINERS.sub("", r.core_left)))
    # (not "the army said it was holding 793 Gazans": a holder's own count)


def _arrests_since(s: _Sentence, r: _Reading) -> bool:
    """Arrests counted since a date are not the number held: "the total number of detainees
    since October 7, 2023, has exceeded 20,000". Leaves "the number of prisoners in Israeli
    jails has exceeded 10,000"."""
    return r.metric == "prisoners_held" and bool(
        re.search(r"\bsince\b", r.core_left[r.trigger_start:]) if r.left_trigger
        else re.match(r"^[^.;]{0,40}?\b(?:arrested|detained)\s+since\b", r.after))


def _combined_toll(s: _Sentence, r: _Reading) -> bool:
    """The killed and the wounded counted together are neither: "more than 159,000
    Palestinians martyred or injured", "150,000 killed and wounded", "40,207 martyrs and
    missing persons". Leaves "killed 59,219 people and injured 143,045" (two counts)."""
    return r.metric in ("killed", "injured") and bool(_KILLED_OR_INJURED.match(r.after))


_KILLED_OR_INJURED = re.compile(
    r"^[^.;,\d]{0,30}?\b(?:killed|martyred|martyrs|dead|injured|wounded)\s+(?:or|and|and/or)\s+"
    r"(?:(?:remain|remained|are|were|went)\s+)?(?:killed|martyred|dead|injured|wounded|missing)\b"
    r"(?!\s*[\d(])", re.IGNORECASE)
# ("has left 40,207 martyrs and missing persons": the dead and the missing together)


def _increment(s: _Sentence, r: _Reading) -> bool:
    """A toll's increment, not the toll: "four more hostages died in captivity", "four new
    fatalities", "another 50 people were killed", "an additional 697 martyrs". Leaves "more
    than 50 were killed" (a hedge) and releases ("Hamas freed 17 more hostages": a release
    total of its own)."""
    if r.metric not in ("killed", "injured", "hostages_dead") or (
            r.trigger == "hold" and _FINITE_STATE.match(r.after)):
        return False  # "Four more bodies are still being held in Gaza": a state (not "the Red
        # Cross had received two more bodies in Gaza")
    if r.value >= INCREMENT_MAX.get(r.metric, 10**9):
        return False  # "A further 110,453 people have been injured": the running total; "862
        # soldiers have been killed ... An additional 5,921 soldiers have been injured"
    if r.metric == "hostages_dead" and re.match(r"^\s*(?:are|is|remain)\b", r.after):
        return False  # "another 41 hostages are dead in Gaza": a state, not new deaths
    another = _ANOTHER_BEFORE.search(r.left)
    if another and re.search(r"\b(?:with|and|plus)\s+$", r.left[:another.start()]):
        another = None  # "the toll climbed to 65,062, with another 165,697 wounded": a pair
    return bool(_MORE_AFTER.match(r.right) or another)


_MORE_AFTER = re.compile(r"^\s+(?:more|additional|further|new)\b(?!\s+than)", re.IGNORECASE)
_FINITE_STATE = re.compile(r"^\s*(?:,[^,]{1,60},\s*)?(?:are|is|were|was|remain\w*|still)\b",
                           re.IGNORECASE)
# no day or single incident of the war killed (or, in a day, wounded) this many: a count this
# large after "a further" or near an incident word is the running total
INCREMENT_MAX = {"killed": 10_000, "injured": 2_000}
_ANOTHER_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s*$", re.IGNORECASE)


def _release_withheld(s: _Sentence, r: _Reading) -> bool:
    """A release stopped or put off did not happen: "suspending the release of at least 600
    Palestinian prisoners", "Israel delayed the release of 110", "refused to free". Leaves
    "Israel released 600" and "freed 110 after a delay of two days"."""
    return r.metric.endswith("_released") and bool(
        _WITHHELD.search(r.core_left[max(0, r.trigger_start - 40):]))


_WITHHELD = re.compile(r"\b(?:suspend\w*|delay\w*|postpon\w*|halt\w*|freez\w*|froze|block\w*|"
                       r"stall\w*|cancel\w*|refus\w*|(?:hold|held|holding)\s+up|withh[oe]ld\w*)"
                       r"\s+(?:the\s+)?(?:planned\s+|scheduled\s+|expected\s+)?"
                       r"(?:release|freeing|return|handover|to\s+(?:release|free))\b",
                       re.IGNORECASE)


def _returnees(s: _Sentence, r: _Reading) -> bool:
    """People going back, not the displaced: "half a million displaced Palestinians have
    returned to northern Gaza"."""
    return r.metric == "displaced" and bool(_RETURNED_AFTER.match(r.after))


def _displaced_again(s: _Sentence, r: _Reading) -> bool:
    """People displaced anew are a part of the displaced, not their count: "More than a
    million people have been displaced once again", "100,000 were displaced again this week".
    Leaves "1.9 million people have been displaced, many of them several times"."""
    return r.metric == "displaced" and bool(_AGAIN_AFTER.match(r.after))


_AGAIN_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:displaced|uprooted|forced\s+to\s+flee)\s+"
                          r"(?:once\s+)?(?:again|anew)\b", re.IGNORECASE)


def _freed_by_israel(s: _Sentence, r: _Reading) -> bool:
    """Hostages freed by Israel's forces are rescued, not released: "Israel frees two
    hostages", "troops freed four hostages". Leaves "Hamas freed 24 hostages"."""
    return r.metric == "hostages_released" and bool(_ISRAEL_FREES.search(r.core_left))


_RETURNED_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:have|has|had)\s+(?:now\s+)?returned\b",
                             re.IGNORECASE)
_ISRAEL_FREES = re.compile(r"\b(?:israel|israeli\s+(?:forces|troops|commandos)|"
                           r"the\s+(?:army|military|idf)|troops|commandos|special\s+forces)"
                           r"(?:\s+on\s+\w+day)?\s+(?:has\s+|have\s+|had\s+)?"
                           r"(?:frees|freed|free|rescued|rescues|liberated)\s*$", re.IGNORECASE)


# vetoes once the metric is known, in order; each is a small function above
_ORDINAL_BATCH = re.compile(r"\b(?:first|second|third|fourth|initial|final|last|next)\s+"
                            r"(?:group|batch)\s+of\s*$", re.IGNORECASE)


def _batch_of_release(s: _Sentence, r: _Reading) -> bool:
    """One batch of a release day: "The second group of 13 Israeli prisoners has been handed
    over", "an initial group of seven" (parts of the day's release, counted whole elsewhere).
    Leaves "Hamas released a group of 24 hostages on Friday"."""
    return r.metric.endswith("_released") and bool(_ORDINAL_BATCH.search(r.core_left))


def _other_war(s: _Sentence, r: _Reading) -> bool:
    """A toll of another war in the number's clause: "Israeli strikes on Iran killed more than
    1,000 people", "the 12-day war killed 29 people in Israel" (``other_war_cues``), when that
    cue lies nearer the number than any cue of Gaza's side (not "Iran-backed Hamas ... 40,000
    Palestinians killed in Gaza")."""
    if r.metric not in ("killed", "injured", "displaced"):
        return False
    clause, start = next((part, start) for part, start in _clauses(s.text)
                         if r.number.start < start + len(part)
                         or start + len(part) == len(s.text))
    at = r.number.start - start

    def nearest(regex: re.Pattern) -> int:
        return min((abs(m.start() - at) for m in regex.finditer(clause)), default=10**9)
    other = nearest(s.lexicon.other_war_re)  # ("Israeli strikes on Iran": the nearer cue wins)
    return other < 10**9 and other < nearest(s.lexicon.cue_res["palestinian"])


# a count anchored before this war: "rose to 252 deaths since 1967", "in the 2014 war",
# "during the 2008-09 conflict"
_EARLIER_YEAR = r"(?:19\d\d|20(?:0\d|1\d|2[0-2]))"
_EARLIER_WAR = re.compile(rf"\bsince\s+(?:the\s+)?{_EARLIER_YEAR}\b(?!\s*[-–]\d)|\b(?:in|during)\s+"
                          rf"(?:the\s+)?{_EARLIER_YEAR}(?:[-–]\d\d)?\s+(?:war|conflict|"
                          r"offensive|assault|fighting|operation|escalation|hostilities)\b|"
                          r"\bsince\s+(?:the\s+)?(?:start|"
                          r"beginning)\s+of\s+(?:the\s+year|20\d\d)\b", re.IGNORECASE)
# ("since the start of 2023": January 2023, not the war; "in 2022" with its "others", below)
_IN_EARLIER_YEAR = re.compile(rf"\bin\s+{_EARLIER_YEAR}\b(?!\s*[-–]\d)", re.IGNORECASE)
_FOUNDING = re.compile(r"\b(?:since|founding|founded|establishment|established|creation)\b"
                       rf"[^|]{{0,25}}\bin\s+{_EARLIER_YEAR}\b", re.IGNORECASE)


def _earlier_war(s: _Sentence, r: _Reading) -> bool:
    """A count of an earlier war or a longer span, in the number's clause: "the number rose to
    252 deaths since 1967", "2,200 Palestinians were killed in the 2014 war". Leaves "since
    October 2023" and "held since 2014" with the hostages (the prewar captives' own rule)."""
    clause = next(part for part, start in _clauses(s.text)
                  if r.number.start < start + len(part) or start + len(part) == len(s.text))
    if _EARLIER_WAR.search(clause):
        return True
    near = r.core_left[-40:] + " | " + r.after[:40]  # "killed 150 Palestinians there in
    # 2022", "The fighting in 2014 left" (not "the largest attack since its founding in 1948")
    if _IN_EARLIER_YEAR.search(near) and not _FOUNDING.search(near):
        return True
    return bool(r.np.others and _IN_EARLIER_YEAR.search(s.text[:r.number.start]))  # "killed
    # 170 Palestinians in 2022, ..., while more than 9,000 others were injured"


_METRIC_VETOES = (_custody_death, _former_detainees, _identified_part, _bodies_handed_over,
                  _taken_before_war, _hostages_killed_by, _returnees,
                  _freed_by_israel, _incident_toll, _small_toll_without_war,
                  _count_since_restart, _proposed_release, _release_in_plan,
                  _recipients, _release_withheld, _increment, _few_taken, _displaced_again,
                  _few_prisoners, _arrests_since, _combined_toll, _earlier_war, _other_war,
                  _batch_of_release)


def _row_of(s: _Sentence, r: _Reading) -> dict:
    """The row: population, bound (ranges and vague amounts are lower bounds) and the quote
    (from the hedge to the end of the noun phrase)."""
    number, np = r.number, r.np
    population = r.population or ("palestinian" if r.group in ("aid seekers", "starvation")
                                  and not np.nationality else None) or _population(
        r.metric, np, s.text, number, s.rows, s.lexicon, s.context)  # (aid seekers and famine:
    # Gaza's)
    qualifier = r.qualifier
    if (number.is_range and r.low is not None) or number.vague:
        qualifier = "lower_bound"
    quote_start = r.hedge_start if qualifier != "exact" and r.hedge_start < len(r.left) \
        else number.start
    if s.lexicon.estimate_re.search(r.left) and not s.lexicon.hedge_re.search(r.left):
        quote_start = number.start
    quote_end = number.end + np.end if np.kind not in (None, "pronoun") else number.end
    return _make_row(r.metric, population, r.value, qualifier, r.low, r.high,
                     number.is_range or number.vague, s.text, s.offset, quote_start, quote_end,
                     number.start, s.lexicon, group=r.group, vague=number.vague)


_METRIC_LABEL = re.compile(r"(?:killed|dead|deaths|fatalities|martyrs|injured|wounded|displaced|"
                           r"hostages|captives|abductees|detainees|prisoners)", re.IGNORECASE)
_TABLE_ROW = re.compile(r"^(?P<lead>\s*(?:[^:\n]{1,40}:\s+)?)"
                        r"(?P<label>[A-Za-z][^:\n]{3,90}?)\s*:\s*(?P<value>[^:\n]{1,70}?)\s*$")


# a note in brackets after a key figure: "Over 46,000 (This figure does not distinguish ...)"
_TRAILING_NOTE = re.compile(r"(?<=\d)\s*\((?!\s*(?:including|of\s+whom|among))"
                            r"[^()\n]{10,300}\)\s*$", re.IGNORECASE)
# (not "(including 35 declared dead)": a part)


def _table_row(sentence: str, offset: int, context: str,
               lexicon: FigureLexicon) -> list[dict] | None:
    """A line of a key-figures table, "Hostages remaining in Gaza: 128", read as the sentence
    "128 Hostages remaining in Gaza" (the whole line is the quote); None if not such a line.
    AP's "by the numbers" lines: "Number of Palestinians killed in Gaza: Over 46,000 (This
    figure ...)" read as "Over 46,000 Palestinians killed in Gaza" (the note is left out)."""
    match = _TABLE_ROW.match(_TRAILING_NOTE.sub("", sentence))
    if not match or (len(match.group("label").split()) < 2
                     and not _METRIC_LABEL.fullmatch(match.group("label"))):
        return None  # "Displaced: 1.9 million" and "Killed: 45,000" are rows; "Source: ..." not
    value = match.group("value")
    numbers = find_numbers(value)
    if not numbers:
        return None
    lead = value[:numbers[0].start].strip()
    rest = value[numbers[0].end:]
    plus = re.match(r"\+", rest)  # "85,000+": at least
    if plus:
        rest = rest[1:]
    if (lead and not lexicon.hedge_re.fullmatch(lead)) or (
            rest.strip(" .") and not re.match(r"\s*[,(]\s*(?:of\s+whom|including|among\s+them)\b",
                                              rest)):
        return None  # "Hostages released: 148, of whom 8 were dead" reads on after the number
    hedge = "more than " if plus and not lead else ""
    label = _LABEL_LEAD.sub("", match.group("label"))  # "Number of people killed in Israel"
    rows = figures_in_sentence(f"{hedge}{value[:numbers[0].end]} {label}"
                               f"{rest.replace('(', ',').rstrip(')')}", 0, context)
    start = offset + match.start("label")
    quote = sentence[match.start("label"):match.end("value")]
    for row in rows:
        row.update(sentence=sentence.strip(), quote=quote, start_char=start,
                   end_char=start + len(quote))
    return rows


_LABEL_LEAD = re.compile(r"^\W*(?:[^,:]{0,30},\s*)?(?:the\s+)?(?:(?:total\s+)?(?:number|count|"
                         r"tally)\s+of\s+|total\s+)", re.IGNORECASE)  # ("Total hostages
# taken during the Oct. 7 attack: 251")


def _value_line(sentence: str, offset: int, context: str,
                lexicon: FigureLexicon) -> list[dict] | None:
    """A key-figures box that puts the number on a line of its own under its label:
    "Number of Palestinians killed in Gaza since Oct. 7, 2023" then "At least 67,869", read
    as "At least 67,869 Palestinians killed in Gaza since Oct. 7, 2023" (the value line is the
    quote). None unless the line is a number, with its hedge, alone and the line before is a
    label (no closing punctuation)."""
    value = sentence.strip()
    label = context.strip()
    if len(value) > 40 or not label or len(label) > 160 or not _headline_like(label):
        return None
    numbers = find_numbers(value)
    if len(numbers) != 1:
        return None
    lead, rest = value[:numbers[0].start].strip(), value[numbers[0].end:].strip(" +*")
    if rest or (lead and not lexicon.hedge_re.fullmatch(lead)):
        return None
    label = _LABEL_LEAD.sub("", label)
    rows = figures_in_sentence(f"{value[:numbers[0].end]} {label}.", 0, "")
    start = offset + (len(sentence) - len(sentence.lstrip()))
    for row in rows:
        row.update(sentence=value, quote=value, start_char=start, end_char=start + len(value))
    return rows


_NUMBER_FIRST = re.compile(r"^\s*(?P<value>[\d,.]+(?:\s*(?:million|m))?)\s*:\s+(?P<text>\S.*)$",
                           re.IGNORECASE | re.DOTALL)


def _number_first_line(sentence: str, offset: int, context: str,
                       lexicon: FigureLexicon) -> list[dict] | None:
    """A "hard numbers" line that puts the number first and says what it counts after a
    colon, without the number: "101: The number of hostages still held in Gaza", read as "101
    hostages still held in Gaza" (the whole line is the quote). None when the text after the
    colon states the number itself ("1,200: Hamas killed about 1,200 people": read as is)."""
    match = _NUMBER_FIRST.match(sentence)
    if not match or find_numbers(match.group("text")) or not find_numbers(match.group("value")):
        return None
    text = _LABEL_LEAD.sub("", match.group("text"))
    rows = figures_in_sentence(f"{match.group('value')} {text}", 0, context)
    start = offset + match.start("value")
    quote = sentence[match.start("value"):].rstrip()
    for row in rows:
        row.update(sentence=sentence.strip(), quote=quote, start_char=start,
                   end_char=start + len(quote))
    return rows


def _population(metric: str, np: NounPhrase, sentence: str, number: Number, rows: list,
                lexicon: FigureLexicon, context: str = "") -> str:
    if metric.startswith("hostages"):  # ("250 Israelis and foreigners": the whole, israeli)
        return "other" if np.foreign and np.nationality != "israeli" else "israeli"
    if metric.startswith("prisoners"):
        return "palestinian"
    if metric == "displaced":
        return np.nationality or _nearest_cue(sentence, number.start, number.end,
                                              lexicon.displaced_cue_res, lexicon, "palestinian")
    if np.group == "militants":  # fighters killed by Israel: Gaza's unless Lebanon's
        return _nearest_cue(sentence, number.start, number.end,
                            {"other": lexicon.cue_res["other"]}, lexicon, "palestinian")
    population = np.nationality
    if np.foreign:
        population = "other"
    previous = [r for r in rows if r["metric"] in ("killed", "injured")]
    if population is None and previous and (np.others or _same_clause(previous[-1], sentence,
                                                                        number)):
        population = previous[-1]["population"]  # "killed 59,219 people and injured 143,045"
    if population is None and metric == "killed" and _october_toll(sentence, number, np,
                                                                   lexicon):
        population = "israeli"
    if population is None:
        population = _nearest_cue(sentence, number.start, number.end, lexicon.cue_res, lexicon,
                                  None) or _previous_cue(context, lexicon)
    if population == "israeli" and number.value > ISRAELI_TOLL_MAX[metric] and not np.nationality:
        population = _nearest_cue(sentence, number.start, number.end,
                                  {"other": lexicon.cue_res["other"]}, lexicon, "palestinian")
    return population


def _previous_cue(context: str, lexicon: FigureLexicon) -> str:
    """A toll whose sentence names no side takes the side named last in the sentence before:
    "The toll of Israelis reached 1,300. Around 3,300 people suffered injuries" (israeli);
    Gaza's when neither names one."""
    return _nearest_cue(context, len(context), len(context), lexicon.cue_res, lexicon,
                        "palestinian") if context else "palestinian"


_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)
# the toll of 7 October 2023 as news gives it (1,139 to about 1,400): a count of the killed in
# this range whose words name no side is Israel's
OCTOBER_TOLL = (1100, 1450)
_PLACE_AFTER = re.compile(r"^[^.;,]{0,30}?\b(?:in|across|from)\s+(?:the\s+)?(?:gaza|west\s+bank|"
                          r"lebanon|jenin|rafah|khan\s+yunis|strip|enclave)\b", re.IGNORECASE)


def _october_toll(sentence: str, number: Number, np: NounPhrase,
                  lexicon: FigureLexicon) -> bool:
    """ "Around 1,200 people were killed, many of them by the Israel Defence Forces", "Hamas's
    7 October 2023 attack, in which it killed about 1,200 people and took 251 hostages back to
    Gaza": a toll of the 7 October size whose noun names no side, in a sentence that names 7
    October or names Gaza's side nowhere. Leaves "1,203 Palestinians have been killed so far"
    (the noun names them), "1,300 people killed in the West Bank" (a place right after) and
    "the media office said 1,300 people were killed in Israeli strikes" (Gaza's side named)."""
    low, high = OCTOBER_TOLL
    if not low <= number.value <= high or np.nationality or np.foreign:
        return False
    if _PLACE_AFTER.match(sentence[number.end + np.end:]):
        return False
    clause = next(part for part, start in _clauses(sentence)
                  if number.start < start + len(part) or start + len(part) == len(sentence))
    named = [m for m in lexicon.oct7_re.finditer(sentence)
             if not _SINCE_BEFORE.search(sentence, 0, m.start())]  # ("in Gaza since October
    # 7": a time anchor, not the attack's toll)
    return bool(named or not lexicon.cue_res["palestinian"].search(clause))


# Israel's own toll stayed under these in every count of the war (about 1,200 killed on
# 7 October, under 2,000 in all; some 20,000 wounded): a larger toll is Gaza's (or Lebanon's),
# whatever cue lies nearest ("72,760 people have been injured since the outbreak of
# hostilities on 7 October").
ISRAELI_TOLL_MAX = {"killed": 3000, "injured": 25000}


def _same_clause(row: dict, sentence: str, number: Number) -> bool:
    """Is `number` in the clause of the toll `row` just read, joined by "and" or "with"
    ("killed 59,219 and injured 143,045", "to 31,988 and injuries to 74,188", "65,062, with
    another 165,697 wounded")?"""
    found = sentence.rfind(row["quote"], 0, number.start)
    if found < 0:
        return False
    between = sentence[found + len(row["quote"]):number.start]
    return (len(between) <= 90 and not _CLAUSE_BREAK.search(between)
            and bool(re.search(r"\b(?:and|with)\b", between)))


def _make_row(metric, population, value, qualifier, low, high, bounded, sentence, offset,
              quote_start, quote_end, number_start, lexicon, group: str = "all",
              vague: bool = False) -> dict:
    if metric in EVENT_METRICS:
        scope = "event"
    elif (metric in ("killed", "injured") and population == "israeli"
          and lexicon.oct7_re.search(sentence)):
        scope = "event"
    else:
        scope = "cumulative"
    if qualifier == "lower_bound" and low is None:
        low = value
    if qualifier == "upper_bound" and high is None:
        high = value
    if not bounded and qualifier not in ("lower_bound", "upper_bound"):
        low = high = None
    quote = sentence[quote_start:quote_end].rstrip()
    quote_end = quote_start + len(quote)
    return {
        "metric": metric,
        "population": population,
        "value": int(value),
        "qualifier": qualifier,
        "low": None if low is None else int(low),
        "high": None if high is None else int(high),
        "scope": scope,
        "group": group,
        "vague": bool(vague),
        "attributed_to": _attribution(sentence, number_start, lexicon),
        "sentence": sentence.strip(),
        "quote": quote,
        "start_char": offset + quote_start,
        "end_char": offset + quote_end,
    }


def _breakdowns(sentence: str, offset: int, numbers: list[Number], outcomes: list[dict],
                lexicon: FigureLexicon) -> list[dict]:
    """A release or capture broken down by nationality between dashes, in brackets or after a
    colon: "freed 24 hostages — 13 Israelis, 10 Thais and a Filipino —". Each part is a row of
    the same metric ("a"/"an" before a nationality counts one). The held and the dead too:
    "Three bodies are still unaccounted for: two Israeli citizens and a Thai worker"."""
    found = []
    for outcome in outcomes:
        row = outcome["row"]
        if row is None or row["metric"] not in ("hostages_released", "hostages_taken",
                                                "prisoners_released", "hostages_dead",
                                                "hostages_held"):
            continue
        end = row["end_char"] - offset
        opening = _BREAKDOWN_OPEN.match(sentence, end)
        if not opening:
            continue
        closing = _BREAKDOWN_CLOSE.search(sentence, opening.end())
        span_end = closing.start() if closing else len(sentence)
        parts = [(n.start, n.end, n.value) for n, o in zip(numbers, outcomes)
                 if opening.end() <= n.start < span_end and o["metric"] is None]
        parts += [(m.start(), m.end(1), 1) for m in _ONE_ARTICLE.finditer(sentence,
                                                                           opening.end(), span_end)]
        for start, number_end, value in parts:
            np = _noun_phrase(sentence[number_end:span_end], lexicon)
            if np.kind not in ("person", "hostage", "prisoner") or not (np.foreign
                                                                        or np.nationality):
                continue
            population = row["population"]
            if row["metric"].startswith("hostages"):
                population = "other" if np.foreign else "israeli"
            quote_end = number_end + np.end
            group = np.group if np.group and np.group != "foreigners" else "all"
            found.append(_make_row(row["metric"], population, value, "exact", None, None,
                                   False, sentence, offset, start, quote_end, start, lexicon,
                                   group=group))  # "20 Israeli civilians, five soldiers": groups
    return found


_TAKEN_THEN_HELD = re.compile(
    r"^\s*(?:abducted|taken|kidnapped|seized|captured)\b[^,;.]*?\b(?:remain|remains|remained|"
    r"(?:are|is|were)\s+still|still\s+held|still\s+remaining|(?:are|is)\s+(?:being\s+)?held)\b",
    re.IGNORECASE)  # ("73 out of 251 hostages taken during the attack still remaining in Gaza")
_STANDS_AT = re.compile(r"\b(?:stands?|stood|standing|puts?|putting|placed?|placing|"
                        r"estimated|estimates?|totals?|totalled|totaled|numbers?|numbered)"
                        r"(?:\s+[\w-]+){0,6}?\s+at\s*$", re.IGNORECASE)  # "stood for a week at 199"
_TOTAL_LEFT = re.compile(r"\b(?:total|number|tally|count)\s+(?:of\s+(?:[\w-]+\s+){0,2})?"
                         r"(?:released|freed|returned|set\s+free)\b[^\d.;:]{0,60}$",
                         re.IGNORECASE)
_PART_OF_LEFT = re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+)?(?:remaining\s+|other\s+)?$",
                           re.IGNORECASE)  # ("seven of 28", "27 out of 28")


def _whole_after(sentence: str, number: Number, numbers: list[Number]) -> Number | None:
    """The number right after "of (the)" following `number` ("36 of the 128 ..."), if any."""
    later = [n for n in numbers if n.start >= number.end]
    if later and _PART_TO_WHOLE.fullmatch(sentence, number.end, later[0].start):
        return later[0]
    return None


# between a part and its whole: "of the", "out of", "of Gaza's", "of the territory's"
_PART_TO_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?"
                            r"(?:remaining\s+|other\s+)?", re.IGNORECASE)


_WEAK_WAR = re.compile(r"the\s+(?:attacks?|assault|raid|incursion)", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+total|overall|altogether|"
                         r"throughout)\b", re.IGNORECASE)
_STILL_HELD = re.compile(r"^\s*(?:(?:who|that)\s+(?:are|were)\s+)?(?:still|remaining)\b",
                         re.IGNORECASE)
_CUSTODY_AFTER = re.compile(r"^[^.;,]{0,25}\b(?:in|while\s+in)\s+(?:\w+\s+){0,2}"
                            r"(?:custody|detention|prisons?|jails?)\b", re.IGNORECASE)
_DEAL_NOUN = re.compile(r"[\s-]+(?:exchange|swap|deal|release)s?\b", re.IGNORECASE)
_BODIES_LEFT = re.compile(r"\b(?:bodies|remains)\s+of\s*$", re.IGNORECASE)
_COMPARED_LEFT = re.compile(r"\b(?:up|down|rising|falling|compared)\s+(?:from|with|to)"
                            r"(?:\s+the)?\s*$",
                            re.IGNORECASE)
_BREAKDOWN_OPEN = re.compile(r"(?:[^.;:,—–(]|,\s*(?:however|though|meanwhile)\s*,){0,60}?"
                             r"(?:\s[—–-]\s|\s*[—–(:]\s*)", re.IGNORECASE)
_BREAKDOWN_CLOSE = re.compile(r"\s[—–-]\s|[—–);]|\.(?:\s|$)")
_ONE_ARTICLE = re.compile(r"(?:^|(?<=[\s,]))(?:a|an)(?=\s+[A-Z])(\s)")
_SUBSET_BETWEEN = re.compile(r"\b(?:of\s+(?:them|whom)|including|among\s+(?:them|whom))\b",
                             re.IGNORECASE)
# "for more than a week": how long, not how often
_DURATION = re.compile(r"\b(?:for|lasted|lasting|lasts)\s+(?:for\s+)?"  # "lasted a week and saw"
                       r"(?:more\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|just\s+)?"
                       r"(?:a|one|two|three|four|\d+)\s+(?:day|week|month)s?\b|"
                       r"\b(?:a|one|two|three|four|\d+)\s+(?:day|week|month)s?\s+(?:ago|earlier|later|"
                       r"before|after)\b", re.IGNORECASE)  # "just over a week ago"
_RAISING_TOLL = re.compile(r",\s*(?:bringing|raising|taking|pushing|lifting)\b", re.IGNORECASE)
# a clause of its own: "The toll includes 21 deaths in the previous 24 hours, according to the
# ministry, which said 107,573 people have been wounded since the war began"
_NEW_CLAUSE = re.compile(r"\b(?:adding|added|saying|noting)\s+that\b|,\s*(?:while|whereas)\b|"
                         r",\s*which\s+(?:also\s+)?(?:said|says|listed|lists|reported|recorded|put|"
                         r"puts|added|counted)\b", re.IGNORECASE)
_ONE_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|that\s+day|"
                      r"the\s+day)\s+alone\b|\bin\s+(?:a\s+single|one)\s+day\b", re.IGNORECASE)
_FOR_EVERY = re.compile(r"\bfor\s+(?:every|each)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_RATE_CLAUSE = re.compile(r"(?:past|last|previous)\s+24\s+hours|past\s+day|overnight",
                          re.IGNORECASE)


_PART_AFTER = re.compile(r",\s*(?:including|of\s+(?:them|whom)|among\s+them)\s+(?:\w+\s+)?\d",
                         re.IGNORECASE)


_SPAN_OF_DAYS = re.compile(r"\b(?:week|few\s+days)\b", re.IGNORECASE)
_RELEASE_PREDICATE = re.compile(r"^[^.;]{0,80}?\b(?:were|have\s+been|had\s+been)\s+"
                                r"(?:released|freed|set\s+free)\b", re.IGNORECASE)


def _rate_governs(sentence: str, number: Number, after: str, core_left: str,
                  lexicon: FigureLexicon) -> bool:
    """A per-day or 24-hour count: a rate marker right next to the number, or a 24-hour marker
    anywhere in the sentence with nothing war-level between it and the number ("In the past 24
    hours, 112 were killed and 173 injured"; "40 killed and 120 injured in the last 24 hours")."""
    near_left = core_left[-70:]
    breaks = list(_NEW_CLAUSE.finditer(near_left)) + list(re.finditer(";", near_left)) + list(
        _RAISING_TOLL.finditer(near_left))  # "killed overnight, raising the death toll to"
    if breaks:  # "35 deaths over the past day, according to the ministry, which said 98,000"
        near_left = near_left[max(b.end() for b in breaks):]
    part = _PART_AFTER.search(after[:80])
    after = after[:part.start()] if part else after  # "61,900, including 70 deaths in the past
    # 24 hours": the rate is the part's
    rate_after = [m for m in lexicon.rate_re.finditer(_DURATION.sub("", after[:80]))
                  if m.start() < 45]  # (read past the cut: "a week-long truce" is no rate)
    rate_before = lexicon.rate_re.search(_DURATION.sub("", near_left)[-50:])
    releases = _RELEASE_PREDICATE.match(after)
    if [m for m in rate_after + [rate_before] if m and not (
            releases and _SPAN_OF_DAYS.search(m.group(0)))]:
        return True  # (not "Over the past week, 240 prisoners were released": a truce's total)
    if _FOR_EVERY.search(core_left):
        return True  # "for every additional 10 hostages released, one more day": a ratio
    clause = re.split(r"[;]", sentence)
    if any(_ONE_DAY.search(part) for part in clause if number.text in part):
        return True  # "On Tuesday alone, 404 people were killed": one day's toll
    for match in _RATE_CLAUSE.finditer(sentence):
        if match.start() >= number.end:
            between = sentence[number.end:match.start()]
        elif match.end() <= number.start:
            between = sentence[match.end():number.start]
        else:
            continue
        if lexicon.war_re.search(between) or ";" in between or _NEW_CLAUSE.search(between):
            continue  # "40 deaths over the past 24 hours, ..., adding that 84,712 ..."
        if match.start() >= number.end and _SUBSET_BETWEEN.search(between):
            continue  # "830 killed, 90 of them in the last 24 hours": the rate is the part's
        return True
    return False


def find_figures(doc) -> list[dict]:
    """All figures of a spaCy Doc, one row per (metric, population, value) per document.

    A sentence also ends at a blank line, and at a line break unless the text is hard-wrapped:
    headlines, datelines and "list 1 of 4" teasers carry no full stop.
    """
    rows, seen = [], {}
    tagged = doc.has_annotation("TAG") or doc.has_annotation("POS")
    before = ["", ""]  # the two sentences before the current one, nearest last
    text = doc.text
    line_break = _BLANK_LINE if _hard_wrapped(text) else _LINE_BREAK
    for sent_start, sent_end in _sentence_spans(doc, text):
        whole = text[sent_start:sent_end]
        if not _HAS_NUMBER.search(whole):
            before = [before[1], whole]
            continue
        tags = {token.idx: token.pos_ for token in doc.char_span(
            sent_start, sent_end, alignment_mode="expand")} if tagged else None
        piece_start = 0
        for piece_end in [m.end() for m in line_break.finditer(whole)] + [len(whole)]:
            sentence = whole[piece_start:piece_end]
            start = sent_start + piece_start
            piece_start = piece_end
            if not sentence.strip():
                continue
            if _HAS_NUMBER.search(sentence):
                for row in figures_in_sentence(sentence, start, before[1], tags, before[0]):
                    _add_row(rows, seen, row)
            before = [before[1], sentence]
    return rows


_LOWER_START = re.compile(r"[ \t]*[a-z]")


def _sentence_spans(doc, text: str) -> list[tuple[int, int]]:
    """The sentences' character spans, a sentence that starts in lower case joined to the one
    before it on the same line: a full stop after an abbreviation ("in Hamas’ Oct 7. attacks,
    with 3,500 wounded") ends no sentence."""
    spans: list[list[int]] = []
    for sent in doc.sents:
        if spans and _LOWER_START.match(text, sent.start_char) and \
                "\n" not in text[spans[-1][1] - 1:sent.start_char + 1]:  # (`text` is doc.text,
            # taken once: each doc.text joins the tokens again)
            spans[-1][1] = sent.end_char
        else:
            spans.append([sent.start_char, sent.end_char])
    return [(start, end) for start, end in spans]


def _add_row(rows: list, seen: dict, row: dict) -> None:
    """One row per metric, population, value, group and vagueness per article. The text's
    statement wins over a headline's, which drops a hedge ("Death toll 45,000" then "at least
    45,000") or adds one ("Death Toll Tops 50,669" then "now stands at 50,669"); otherwise the
    first mention stays."""
    key = (row["metric"], row["population"], row["value"], row["group"], row["vague"])
    if key in seen:
        first = seen[key]
        if _headline_like(rows[first]["sentence"]) and not _headline_like(row["sentence"]):
            rows[first] = row
        return
    seen[key] = len(rows)
    rows.append(row)


def _headline_like(sentence: str) -> bool:
    """A headline, subheading or key-figure line: no closing punctuation."""
    return not re.search(r"[.!?\"”’'»)]\s*$", sentence)


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def _hard_wrapped(text: str) -> bool:
    """Is the text wrapped at a fixed width (most lines 55-100 characters long)?"""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 6:
        return False
    return sum(55 <= n <= 100 for n in lengths) >= 0.6 * len(lengths)


# "seven other hostages have been freed alive, all during Israeli military operations"
_RESCUE_AFTER = re.compile(r"^[^.;]*?\b(?:rescued|rescues|rescue\s+(?:operation|raid|mission)|"
                           r"(?:israeli\s+)?(?:military|special|commando)\s+(?:operation|raid)s?\b)",
                           re.IGNORECASE)
_COORDINATION = re.compile(r"(?:\b(?:in\s+exchange\s+for|in\s+return\s+for|along\s+with|"
                           r"together\s+with|as\s+well\s+as|and|plus|for)\s*)$", re.IGNORECASE)

_HAS_NUMBER = re.compile(
    r"\d|\b(?:" + "|".join([w for w, n in NUMBER_WORDS.items() if n] + list(TENS_WORDS)) +
    r"|hundreds?|thousands?|millions?|dozens?|scores)\b",
    re.IGNORECASE)
