"""Figure extraction: casualty, hostage, prisoner and displacement counts stated in an article.

Works sentence by sentence on a spaCy ``Doc`` (the real model or the rule-only blank pipeline:
the model's part-of-speech tags are only used, when present, to drop numbers that count things
rather than people). For every number in a sentence (see :mod:`analysis.numbers`):

1. drop quantities that are not counts of people: percentages, ages, years and dates, money,
   durations and other units, compound adjectives ("four-day truce");
2. read the hedge right before it (``qualifier``: the hedge scopes over that number only);
3. read the noun phrase after it ("security detainees", "Israeli women and children", "others",
   "of whom") and the trigger right before it ("killed", "took", "released", "holds") or the
   predicate after the noun phrase ("were killed", "are still held", "have died");
4. pick the metric from noun kind + trigger; drop proposed or pending numbers ("would free 40
   hostages", "will be released"), rates ("each day", "in the past 24 hours"), single-incident
   tolls ("an Israeli strike on a school killed 12"), rescues and demographic sub-counts;
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

All word lists live in ``data/figure_terms.json``.

>>> import spacy
>>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")           # doctest: +ELLIPSIS
<...>
>>> rows = find_figures(nlp("Hamas-led militants killed about 1,200 people on Oct. 7."))
>>> [(r["metric"], r["population"], r["value"], r["qualifier"]) for r in rows]
[('killed', 'israeli', 1200, 'approx')]
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.numbers import Number, find_numbers

DATA_DIR = Path(__file__).resolve().parent / "data"
TERMS_PATH = DATA_DIR / "figure_terms.json"
SOURCES_PATH = DATA_DIR / "figure_sources.csv"

METRICS = ("killed", "injured", "hostages_taken", "hostages_held", "hostages_dead",
           "hostages_released", "prisoners_held", "prisoners_released", "displaced")
POPULATIONS = ("palestinian", "israeli", "other")
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
EVENT_METRICS = {"hostages_taken", "hostages_released", "prisoners_released"}


def _alternation(words) -> str:
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


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
class Terms:
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


# auxiliaries, adverbs and appositives allowed between a noun phrase and its predicate
_AUX = (r"(?:who|that|which|have|has|had|were|was|are|is|been|being|also|since|so\s+far|now|"
        r"still|reportedly|all|believed|thought|known|confirmed|presumed|said|to|be|in\s+total|"
        r"already|later|then|subsequently|either|altogether|more|others?|allegedly|likely|"
        r"estimated|feared|considered|listed\s+as|declared|either|currently|remain|"
        r"will|would|could|might|may|shall|should|due|set|expected|scheduled|slated|going|"
        r"is\s+to|are\s+to|[a-z]{3,}ly)")
# a relative clause with its own subject: "41 (that) the Israeli military has declared dead",
# "eight of whom Israel says are dead"
_SAYS = (r"(?:\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:military\s+|army\s+|government\s+|"
         r"officials\s+|authorities\s+)?(?:has\s+|have\s+|had\s+)?(?:says?|said|believes?|"
         r"declared|confirmed|thinks?|considers?))?")
_APPOSITIVE = r"(?:\s*(?:,[^,.;]{1,70},|\s[–—-]\s[^–—.;]{1,70}\s[–—-]|\([^().;]{1,70}\)))?"
_MODAL_RE = re.compile(r"\b(?:will|would|could|might|may|shall|should|due|set|expected|"
                       r"scheduled|slated|going|are\s+to|is\s+to)\b", re.IGNORECASE)
# a place between a noun phrase and its predicate: "1.7 million people in Gaza have been displaced"
_PLACE = (r"(?:\s+(?:in|from|across|inside|throughout)\s+(?:the\s+)?[A-Z][\w'’-]*"
          r"(?:\s+[A-Z][\w'’-]*)?)?")


@lru_cache(maxsize=1)
def load_terms(path: str | Path = TERMS_PATH, sources_path: str | Path = SOURCES_PATH) -> Terms:
    """Compile the word lists in ``data/figure_terms.json`` and ``data/figure_sources.csv``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    hedge_kind = {}
    for kind, words in data["hedges"].items():
        for word in words:
            hedge_kind[re.sub(r"\s+", " ", word.lower())] = kind
    word_kind = {}
    for kind, key in (("person", "person_heads"), ("subgroup", "subgroup_heads"),
                      ("prisoner", "prisoner_heads"), ("hostage", "hostage_heads"),
                      ("foreign", "foreign_heads")):
        for word in data[key]:
            word_kind[word.lower()] = kind
    heads_and_mods = set(word_kind) | {w.lower() for w in data["np_modifiers"]}

    def left_re(key):
        return re.compile(rf"(?<![\w'’])(?:{_alternation(data[key])})\s*,?\s*$", re.IGNORECASE)

    def right_re(key):
        return re.compile(rf"^{_APPOSITIVE}{_PLACE}{_SAYS}\s*,?(?:\s+{_AUX})*\s*"
                          rf"(?:{_alternation(data[key])})"
                          r"(?![\w'’])", re.IGNORECASE)

    with open(sources_path, encoding="utf-8", newline="") as handle:
        sources = tuple((re.compile(row["pattern"], re.IGNORECASE), row["canonical"])
                        for row in csv.DictReader(handle) if row["pattern"].strip())
    months = _alternation(data["month_names"])
    oct7 = [c for c in data["war_markers"] if re.search(r"\b(?:oct|october)\b", c)]
    return Terms(
        hedge_re=re.compile(rf"(?<![\w'’])({_alternation(hedge_kind)})\s*$", re.IGNORECASE),
        hedge_kind=hedge_kind,
        estimate_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['hedge_estimate_verbs'])})"
                               r"(?:\s+that)?(?:\s+there\s+(?:are|were|is|remain))?\s*$",
                               re.IGNORECASE),
        word_kind=word_kind,
        head_re=re.compile(rf"\s*({_alternation(heads_and_mods)})(?![\w'’])", re.IGNORECASE),
        modifiers=frozenset(w.lower() for w in data["np_modifiers"]),
        unit_words=frozenset(w.lower() for w in data["unit_nouns"]),
        quantity_left_re=re.compile(rf"(?:^|(?<=[\s(]))(?:{_alternation(data['quantity_left'])})"
                                    r"\s*$", re.IGNORECASE),
        month_left_re=re.compile(rf"(?<![\w'’])(?:{months})\.?\s*$", re.IGNORECASE),
        month_right_re=re.compile(rf"^\s*(?:{months})\b", re.IGNORECASE),
        left={key: left_re(key) for key in ("kill_left", "injure_left", "take_left",
                                             "release_left", "hold_left", "displace_left")},
        right={key: right_re(key) for key in ("kill_right", "injure_right", "take_right",
                                               "release_right", "hold_right", "dead_right",
                                               "displace_right")},
        toll_left_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['death_toll'])})"
                                r"(?![\w'’])[^\d.;:]{0,90}$", re.IGNORECASE),
        injury_toll_left_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['injury_toll'])})"
                                       r"(?![\w'’])[^\d.;:]{0,40}$", re.IGNORECASE),
        pending_re=_phrase_re(data["pending_markers"]),
        rate_re=_phrase_re(data["rate_markers"]),
        incident_re=_phrase_re(data["incident_markers"]),
        day_re=_phrase_re(data["day_markers"]),
        war_re=_phrase_re(data["war_markers"]),
        rescue_re=re.compile(r"(?<![\w'’])(?:rescued|rescuing|rescue\s+(?:operation|raid|mission)s?\s+\w+|recovered|retrieved|"
                             r"bodies\s+of|remains\s+of)\b[^.;]{0,25}$", re.IGNORECASE),
        subset_left_re=re.compile(rf"(?<![\w'’])(?:{_alternation(data['pre_subset_markers'])})"
                                  r"\s*$", re.IGNORECASE),
        prison_re=_phrase_re(data["prison_context"]),
        dead_search_re=re.compile(rf"^[^,;.]*?(?<![\w'’])(?:{_alternation(data['dead_right'])})"
                                  r"(?![\w'’])", re.IGNORECASE),
        hostage_word_re=_phrase_re(data["hostage_heads"] + ["taken hostage", "abducted",
                                                            "kidnapped", "captivity"]),
        prisoner_word_re=_phrase_re(data["prisoner_heads"] + ["jails", "prisons"]),
        cue_res={"israeli": _phrase_re(data["israeli_victim_cues"]),
                 "palestinian": _phrase_re(data["palestinian_victim_cues"]),
                 "other": _phrase_re(data["other_victim_cues"])},
        since_re=re.compile(r"(?:since|after|following|from|(?:began|started|erupted|broke\s+out)"
                            r"\s+on)\s+(?:the\s+|an?\s+)?$",
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
        alive_re=re.compile(rf"^(?:\s+{_AUX})*\s*(?:{_alternation(data['alive_right'])})"
                            r"(?![\w'’])", re.IGNORECASE),
        proposal_re=_phrase_re(data["proposal_markers"]),
        prewar_re=_phrase_re(data["prewar_markers"]),
        verb_words=frozenset(w.lower() for key in ("kill_left", "injure_left", "take_left",
                                                   "release_left", "displace_left")
                             for w in data[key] if " " not in w),
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


_PRONOUN_RE = re.compile(r"^\s*,?\s*(?:of\s+(?:whom|them|those|these)|who|whom|whose)\b",
                         re.IGNORECASE)
_OF_THE_RE = re.compile(r"^\s+of\s+(?:the|those|these|its|their|our|his|her)\s+", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"^\s*([A-Za-z][\w'’.]*)")


def _noun_phrase(right: str, terms: Terms) -> NounPhrase:
    pronoun = _PRONOUN_RE.match(right)
    if pronoun:
        return NounPhrase("pronoun", pronoun.end())
    pos = 0
    of_the = _OF_THE_RE.match(right)
    if of_the:
        pos = of_the.end() - 1
    kinds, end, foreign, nationality, others = [], 0, False, None, False
    previous = ""
    first = _NEXT_WORD_RE.match(right[pos:])
    first_word = first.group(1).lower() if first else ""
    for _ in range(6):
        match = terms.head_re.match(right, pos)
        if not match:
            break
        word = re.sub(r"\s+", " ", match.group(1).lower())
        if kinds and previous == "and" and word in terms.verb_words:
            break
        previous = word
        pos = match.end()
        kind = terms.word_kind.get(word)
        if word in ("palestinian", "palestinians", "gazan", "gazans"):
            nationality = "palestinian"
        elif word in ("israeli", "israelis"):
            nationality = nationality or "israeli"
        elif word in ("lebanese",):
            nationality = "other"
        elif word in ("soldiers", "troops", "servicemen", "reservists"):
            nationality = nationality or "israeli"
        if kind == "foreign":
            foreign = True
        if word == "others":
            others = True
        if kind:
            kinds.append(kind)
            end = pos
        elif word in ("and", "of", "the", "including", "mostly"):
            continue
    if not kinds:
        return NounPhrase(None, 0, first_word=first_word)
    for kind in ("hostage", "prisoner"):
        if kind in kinds:
            return NounPhrase(kind, end, bool(of_the), foreign, nationality, first_word, others)
    last = kinds[-1]
    if last == "foreign" or (foreign and last in ("person", "subgroup")):
        last = "person"
    if last == "person" and "subgroup" in kinds and kinds[0] == "subgroup":
        last = "subgroup"
    return NounPhrase(last, end, bool(of_the), foreign, nationality, first_word, others)


# --------------------------------------------------------------------------------------------
# the figure finder


def _excluded_quantity(number: Number, left: str, right: str, terms: Terms) -> bool:
    """Percentages, ages, years, dates, money, units, compound adjectives."""
    if re.match(r"^\s*(?:%|per\s*cent|percent|percentage)", right, re.IGNORECASE):
        return True
    if re.match(r"^[-‐‑]\s*[A-Za-z]", right):  # four-day, 85-year-old
        return True
    if re.match(r"^\s*(?:years?|yrs|-year)\b", right, re.IGNORECASE):
        return True
    if re.match(r"^\s*(?:in|out\s+of)\s+(?:every\s+)?\d|^\s*(?:in|out\s+of)\s+(?:every|each)\b",
                right, re.IGNORECASE):
        return True
    if re.search(r"(?:\b\d+|\bone)\s+(?:in|out\s+of)\s+(?:every\s+)?$", left, re.IGNORECASE):
        return True  # "more than 1 in 75 Gazans": a fraction
    if re.match(r"^\s*(?:[:/]\d|a\.m\.|p\.m\.|am\b|pm\b|gmt\b)", right, re.IGNORECASE):
        return True
    if re.search(r"\b\w+['’]s\s*$", left) and re.search(r"\bof\s+\w+['’]s\s*$|population",
                                                        left, re.IGNORECASE):
        return True  # "85% of Gaza's 2.3 million people", "a population of 2.3 million"
    if re.search(r"[$€£]\s*$", left) or (terms.quantity_left_re.search(left)
                                         and not _STANDS_AT.search(left)):
        return True
    if re.search(r"\b(?:population|home)\s+(?:of|to)\s+(?:(?:some|about|around|roughly|nearly|"
                 r"almost|more\s+than|over|an\s+estimated)\s+)?$|\b(?:of|for)\s+(?:the\s+)?"
                 r"[\w-]+['’]s?\s+(?:(?:some|about|around|roughly|nearly|more\s+than|over)\s+)?$",
                 left, re.IGNORECASE):
        return True  # "Gaza's population of 2.1 million", "90% of the territory's 2.1 million"
    if (not number.words and number.value < 130 and re.search(r"[A-Za-z]\s*,\s*$", left)
            and re.match(r"^\s*[,)]", right)):
        return True  # an age in apposition: "Doron Steinbrecher, 31, was freed"
    if terms.month_left_re.search(left) or terms.month_right_re.match(right):
        return True
    digits = re.sub(r"\D", "", number.text)
    if (not number.words and re.fullmatch(r"\d{4}", number.text.strip())
            and 1900 <= int(digits) <= 2100):
        return True
    if re.search(r",\s*$", left) and re.fullmatch(r"\d{4}", number.text.strip()):
        return True
    return False


def _hedge(left: str, terms: Terms) -> tuple[str, int]:
    """(qualifier, start offset of the hedge in `left`), exact when unhedged."""
    match = terms.hedge_re.search(left)
    if match:
        word = re.sub(r"\s+", " ", match.group(1).lower())
        for regex in terms.left.values():
            trigger = regex.search(left)
            if trigger and trigger.start() < match.start() < trigger.end():
                return "exact", len(left)  # "handed over 17": the hedge word ends a trigger
        return terms.hedge_kind[word], match.start()
    if terms.estimate_re.search(left):
        return "approx", len(left)
    return "exact", len(left)


_TRAILING_DETERMINERS = re.compile(
    r"(?:(?<![\w'’])(?:the|a|an|another|additional|further|all|its|their|his|her|our|some\s+other|"
    r"a\s+total\s+of|total\s+of|an\s+additional|a\s+further|roughly|only|just|only\s+about|"
    r"last|final|remaining)\s*)+$",
    re.IGNORECASE)


def _left_trigger(core_left: str, terms: Terms) -> tuple[str | None, int]:
    """Which trigger ends the left context ("killed", "took", "released"...), and where."""
    core = _TRAILING_DETERMINERS.sub("", core_left)
    for key in ("kill_left", "injure_left", "take_left", "release_left", "hold_left",
                "displace_left"):
        match = terms.left[key].search(core)
        if match:
            return key[:-5], match.start()
    # "the death toll ... rose to", "the number of injured stands at"
    match = terms.injury_toll_left_re.search(_mask_dates(core, terms))
    if match and not re.search(r"\b(?:killed|dead|deaths)\b", match.group(0), re.IGNORECASE):
        return "injure", match.start()
    masked = _mask_dates(core, terms)
    match = terms.toll_left_re.search(masked) or _NUMBER_KILLED_LEFT.search(masked)
    if match:
        return "toll", match.start()
    match = _TOTAL_LEFT.search(masked)
    if match:  # "bringing the total released under the deal to 105": a tally, not a plan
        return "release_total", match.start()
    match = _NUMBER_HELD_LEFT.search(masked)
    if match:  # "the number of prisoners in occupation prisons exceeds 10,300"
        return "count_" + ("hostage" if match.group(1).lower().startswith(("hostage", "captive"))
                           else "prisoner"), match.start()
    return None, len(core)


_NUMBER_KILLED_LEFT = re.compile(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}(?:killed|dead|slain|deaths)\b[^\d.;:]{0,80}$",
    re.IGNORECASE)
_NUMBER_HELD_LEFT = re.compile(
    r"\b(?:number|total)\s+of\s+(?:[\w-]+\s+){0,2}(hostages|captives|prisoners|detainees)\b"
    r"(?!\s+(?:released|freed|killed|dead|who\s+have\s+died|who\s+died))[^\d.;:]{0,60}$",
    re.IGNORECASE)
_DATE_RE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,\s*(?:19|20)\d\d)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*\.?(?:,?\s*(?:19|20)\d\d)?|(?:19|20)\d\d)\b", re.IGNORECASE)


def _mask_dates(text: str, terms: Terms) -> str:
    """`text` with dates blanked out (same length), so a toll phrase reaches over them:
    "the death toll since October 7, 2023 has risen to"."""
    return _DATE_RE.sub(lambda m: "x" * len(m.group(0)), text)


def _right_trigger(after: str, terms: Terms) -> tuple[str | None, bool]:
    """The predicate after the noun phrase ("were killed", "are still held"); pending?"""
    best = None
    matches = []
    for key in ("dead_right", "kill_right", "injure_right", "take_right", "release_right",
                "hold_right", "displace_right"):
        match = terms.right[key].match(after)
        if match:
            matches.append((key[:-6], match.end(), match.group(0)))
        if match and (best is None or match.end() < best[1] or best[0] == "hold"):
            best = (key[:-6], match.end(), match.group(0))  # a place alone is a weak "held"
    for candidate in matches:  # "have taken shelter" is not "have taken"
        if (best and candidate[1] > best[1] and candidate[2].startswith(best[2])
                and re.fullmatch(r"\s+[A-Za-z]+", candidate[2][len(best[2]):])):
            best = candidate
    if best is None:
        return None, False
    pending = bool(_MODAL_RE.search(best[2]))
    return best[0], pending


def _nearest_cue(sentence: str, start: int, end: int, cue_res: dict, terms: Terms,
                 default: str | None) -> str | None:
    """The population whose cue lies nearest the number (cues after it count double). Of two
    overlapping cues the one starting first wins: "southern Israel killed" is a place, not
    "Israel killed"."""
    best, best_distance = default, 10**9
    cues = [(match, population) for population, regex in cue_res.items()
            for match in regex.finditer(sentence)]
    for match, population in cues:
        if any(other is not population and o.start() < match.start() < o.end()
               for o, other in cues):
            continue
        if match.end() <= start:
            if terms.since_re.search(sentence[max(0, match.start() - 20):match.start()]) \
                    and re.search(r"\d|oct", match.group(0), re.IGNORECASE):
                continue  # "since Oct. 7": a time anchor, not the victims
            distance = start - match.end()
        elif match.start() >= end:
            distance = 2 * (match.start() - end) + 10
        else:
            continue
        if distance < best_distance:
            best, best_distance = population, distance
    return best


def _is_incident(sentence: str, start: int, end: int, terms: Terms,
                 toll: bool = False) -> bool:
    """Is the nearest of incident and war-level markers an incident marker? A day after a
    toll is when it was reported ("the death toll rose to 41,118 on Thursday")."""
    nearest_incident, nearest_war = 10**9, 10**9
    for regex, which in ((terms.incident_re, "incident"), (terms.war_re, "war"),
                         (terms.day_re, "incident")):
        for match in regex.finditer(sentence):
            if toll and regex is terms.day_re:
                continue
            if regex is terms.war_re and _WEAK_WAR.fullmatch(match.group(0)) \
                    and not terms.oct7_re.search(sentence):
                continue  # "in the raid" is one raid unless the sentence is about 7 October
            if match.end() <= start:
                if regex is terms.day_re:
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


def canonical_source(phrase: str, terms: Terms | None = None) -> str | None:
    """Map a source phrase to its canonical name (``data/figure_sources.csv``).

    >>> canonical_source("the Ministry of Health of the Hamas-ruled territory")
    'Gaza Health Ministry'
    >>> canonical_source("Israeli officials")
    'Israeli officials'
    """
    terms = terms or load_terms()
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:\"'“”")
    if not phrase:
        return None
    for regex, canonical in terms.sources:
        if regex.search(phrase):
            return canonical
    if not terms.source_word_re.search(phrase):
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    return phrase[:80]


_SUBJECT_STOP = re.compile(r"(?:^|[,;:\"“”(—–]|\b(?:that|which|who|and|but|while|as|when|"
                           r"where|after|since|because|if|whom)\b)", re.IGNORECASE)


def _attribution(sentence: str, start: int, terms: Terms) -> str | None:
    """Who the sentence says the figure comes from (the nearest source phrase)."""
    candidates = []
    for match in terms.according_re.finditer(sentence):
        phrase = re.split(r"\s+(?:and|who|which|that|in|on|since|as|while)\s+(?=[a-z])",
                          match.group(1))[0]
        candidates.append((abs(match.start() - start), phrase))
    for match in terms.report_verb_re.finditer(sentence):
        before = sentence[max(0, match.start() - 70):match.start()]
        stops = list(_SUBJECT_STOP.finditer(before))
        subject = before[stops[-1].end():] if stops else before
        words = subject.split()[-7:]
        if words:
            candidates.append((abs(match.start() - start), " ".join(words)))
    for _, phrase in sorted(candidates, key=lambda c: c[0]):
        name = canonical_source(phrase, terms)
        if name:
            return name
    return None


def _release_kind(sentence: str, left: str, np: NounPhrase, terms: Terms,
                  context: str) -> str:
    """hostages or prisoners, for a release whose noun does not say."""
    if np.kind == "hostage" or np.foreign:
        return "hostages"
    if np.kind == "prisoner" or np.nationality == "palestinian":
        return "prisoners"
    if np.nationality == "israeli":
        return "hostages"
    if terms.israeli_agent_re.search(left):
        return "prisoners"
    if terms.hostage_agent_re.search(left):
        return "hostages"
    for text in (sentence, context):
        hostage = [m.start() for m in terms.hostage_word_re.finditer(text)]
        prisoner = [m.start() for m in terms.prisoner_word_re.finditer(text)
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
                      terms: Terms) -> str | None:
    """The predicate of the next coordinated number: "23 Thais and one Filipino were freed"."""
    later = [n for n in numbers if n.start >= number.end + np.end]
    if not later:
        return None
    following = later[0]
    between = sentence[number.end + np.end:following.start]
    if not re.fullmatch(r"\s*,?\s*(?:and|as\s+well\s+as|plus)\s+(?:[a-z]+\s+){0,2}",
                        between, re.IGNORECASE):
        return None
    np2 = _noun_phrase(sentence[following.end:], terms)
    trigger, pending = _right_trigger(sentence[following.end + np2.end:], terms)
    return None if pending else trigger


def figures_in_sentence(sentence: str, offset: int = 0, context: str = "",
                        noun_tags: dict | None = None) -> list[dict]:
    """The figures one sentence states. `offset` is the sentence's start in the document;
    `context` the previous sentence (for "A hundred were released"); `noun_tags` maps absolute
    character offsets of words to their coarse POS (from the model), when available.
    """
    terms = load_terms()
    table_rows = _table_row(sentence, offset, context, terms)
    if table_rows is not None:
        return table_rows
    rows: list[dict] = []
    numbers = find_numbers(sentence)
    # what became of each number so far: its metric (None if dropped) and whether it was a
    # subset ("including 18 ... and 111 ...": the subset marker carries over the "and")
    outcomes: list[dict] = []
    for number in numbers:
        outcome = {"metric": None, "subset": False, "row": None}
        previous_outcome = outcomes[-1] if outcomes else None
        outcomes.append(outcome)
        left, right = sentence[:number.start], sentence[number.end:]
        value, low, high = number.value, number.low, number.high
        if number.is_range and re.search(r"\bfrom\s*$", left, re.IGNORECASE):
            value, low, high = high, None, None  # "rose from 30,000 to 31,000"
        if _excluded_quantity(number, left, right, terms):
            continue
        if number.is_range and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", number.text.strip()):
            continue
        qualifier, hedge_start = _hedge(left, terms)
        core_left = left[:hedge_start]
        np = _noun_phrase(right, terms)
        whole = _whole_after(sentence, number, numbers)
        if whole is not None:  # "36 of the 128 remaining hostages are dead": the part's phrase
            whole_np = _noun_phrase(sentence[whole.end:], terms)
            if whole_np.kind is not None:
                whole_np.of_the = True
                whole_np.end = whole.end + whole_np.end - number.end
                np = whole_np
        part_of = _PART_OF_LEFT.search(left)
        if np.kind is None and np.first_word:
            if np.first_word in terms.unit_words:
                continue
            if noun_tags is not None:
                word_at = offset + number.end + (len(right) - len(right.lstrip()))
                if noun_tags.get(word_at) == "NOUN" and _right_trigger(right, terms)[0] is None:
                    continue  # "40 trucks"; but "44,976 martyrs" is a toll
        after = right[np.end:]
        if part_of and np.kind == "hostage" and (terms.dead_search_re.search(after[:60])
                                                 or terms.alive_re.match(after)):
            pass  # "19 of the 59 hostages are alive": the 59 are held
        elif terms.alive_re.match(after):
            continue  # "20 of them are believed alive": the living are not a metric
        left_trigger, trigger_start = _left_trigger(core_left, terms)
        left_is_toll = left_trigger == "toll"
        right_trigger, pending = _right_trigger(after, terms)
        if pending:
            continue
        if (left_trigger and right_trigger
                and re.search(r",\s*$", core_left[trigger_start:])):
            left_trigger = None  # "Before Monday's release, 48 hostages remained": a noun
        if part_of:  # "the 128" of "36 of the 128 remaining hostages": the whole, still held
            if np.kind != "hostage" or not (terms.dead_search_re.search(after[:60])
                                            or terms.alive_re.match(after)):
                continue
            left_trigger, right_trigger = None, "hold"
        if right_trigger == "take" and not left_trigger and _TAKEN_THEN_HELD.match(after):
            right_trigger = "hold"  # "129 hostages abducted on October 7 remain in Gaza"
        before_trigger = core_left[max(0, trigger_start - 45):trigger_start]
        still_held = (left_trigger == "release" and right_trigger == "hold"
                      and bool(_STILL_HELD.match(after)))
        if still_held:
            left_trigger = None  # "to release the 136 hostages still held in Gaza"
        elif left_trigger and terms.pending_re.search(before_trigger):
            continue
        bodies = False
        if terms.rescue_re.search(core_left[-40:]) or _RESCUE_AFTER.search(after[:50]):
            if not (right_trigger == "hold" and np.kind == "hostage"
                    and _BODIES_LEFT.search(core_left[-40:])):
                continue
            bodies = True  # "the bodies of 24 hostages are still in Gaza"
        coordinated = bool(rows and rows[-1]["metric"].endswith("_released")
                           and _COORDINATION.search(core_left))
        clause = re.split(r"[,;:(]", core_left)[-1][-40:]
        if (terms.pending_re.search(clause) and not coordinated and not still_held
                and not _TOTAL_LEFT.search(core_left)):
            continue
        if _rate_governs(sentence, number, after, core_left, terms):
            continue
        if left_trigger == "release_total":
            left_trigger = "release"
        if left_trigger and left_trigger.startswith("count_"):
            if np.kind is None:
                np.kind = left_trigger[6:]
            left_trigger = "hold"
        trigger = left_trigger or right_trigger
        if left_trigger == "toll" and right_trigger:
            trigger = right_trigger
        if left_trigger == "hold" and right_trigger in ("kill", "dead"):
            trigger = right_trigger
        if np.of_the and terms.dead_search_re.search(after[:60]):
            trigger = "dead"
        if coordinated and (trigger is None or (trigger in ("hold", "toll") and not left_trigger
                                                 or left_trigger == "toll")):
            trigger = "release"  # "freed 105 hostages in exchange for 240 prisoners (held ...)"
        if bodies:
            trigger = "dead"
        if trigger is None:
            trigger = _shared_predicate(sentence, number, np, numbers, terms)
        subset = bool(terms.subset_left_re.search(core_left)) or np.kind == "pronoun"
        if (previous_outcome and previous_outcome["subset"] and not left_trigger
                and re.search(r"(?:,|\band)\s*$", core_left)):
            subset = True
        outcome["subset"] = subset
        if np.kind == "pronoun" and previous_outcome is not None and (
                previous_outcome["metric"] is None
                or previous_outcome["metric"].endswith("_released")):
            continue  # "freed 33 hostages, eight of them dead": a part of what was freed
        hostage_context = bool(terms.hostage_word_re.search(sentence[:number.start])) or any(
            row["metric"].startswith("hostages") for row in rows)
        if not hostage_context and np.kind is None and value < 300:
            clause_after = re.split(r"[,;.]", after, maxsplit=1)[0]
            clause = re.split(r"[,;]", sentence[number.start:], maxsplit=1)[0]
            hostage_context = bool(terms.hostage_word_re.search(clause_after)) or (
                not left_trigger and not terms.cue_res["palestinian"].search(clause)
                and bool(terms.hostage_word_re.search(context)))
        if np.kind == "pronoun" and not hostage_context:
            hostage_context = bool(re.match(r"^\s*(?:still\s+)?held\b", after)
                                   or terms.hostage_word_re.search(context))
        metric = None
        if np.kind == "hostage":
            if trigger == "take":
                metric = "hostages_taken"
            elif trigger == "release":
                metric = "hostages_released"
            elif trigger in ("dead", "kill"):
                metric = "hostages_dead"
            elif trigger == "hold" or re.search(r"\bthere\s+(?:are|were|remain)\s*$",
                                                core_left, re.IGNORECASE):
                metric = "hostages_held"
        elif np.kind == "prisoner":
            if trigger == "release":
                metric = "prisoners_released"
            elif trigger == "hold" or terms.prison_re.search(after[:40]):
                metric = "prisoners_held"
        else:
            if trigger in ("dead", "kill") and np.kind is None and hostage_context \
                    and not left_trigger:
                metric = "hostages_dead"  # "Of the 132 hostages, 29 are dead"
            elif trigger == "dead" or trigger == "kill" or trigger == "toll":
                if np.kind == "pronoun" or subset:
                    metric = "hostages_dead" if hostage_context else None
                else:
                    metric = "killed"
            elif trigger == "injure":
                metric = None if subset else "injured"
            elif trigger == "take":
                metric = "hostages_taken"
            elif trigger == "release":
                metric = _release_kind(sentence, left, np, terms, context) + "_released"
            elif trigger == "hold":
                if terms.prison_re.search(after[:40]) or np.nationality == "palestinian":
                    metric = "prisoners_held"
                elif (hostage_context or terms.hostage_word_re.search(after[:60])
                      or np.nationality == "israeli" or np.foreign):
                    metric = "hostages_held"
            elif trigger == "displace":
                metric = "displaced"
        population = None
        if metric is None and np.kind is None and rows and _COMPARED_LEFT.search(core_left):
            # "holds 9,000 Palestinians ..., up from about 5,200 before the war"
            metric, population = rows[-1]["metric"], rows[-1]["population"]
        if metric is None:
            continue
        if metric in ("killed", "hostages_dead") and _CUSTODY_AFTER.match(after):
            continue  # "53 Palestinians have died in Israeli custody": not a war toll
        if metric.endswith("_released") and re.search(r"\bformer\b", right[:np.end], re.IGNORECASE):
            continue  # "six former detainees, released in May": people described, not a release
        if metric == "killed" and re.search(r"\bidentified\s*$", core_left, re.IGNORECASE):
            continue  # "has identified 24,686": the named part of a toll
        if metric.endswith("_released") and re.search(r"\b(?:bodies|remains)\b", right[:np.end]):
            continue  # bodies handed over are not people freed
        if metric.startswith("hostages") and terms.prewar_re.search(after[:40]):
            continue  # "four other Israelis were taken before the war"
        if np.kind == "subgroup" and metric in ("killed", "injured", "displaced"):
            continue  # demographic sub-count
        if subset and metric in ("killed", "injured", "hostages_held", "prisoners_held",
                                 "hostages_released", "prisoners_released"):
            if np.kind != "pronoun" or metric not in ("hostages_held",):
                continue
        if metric in ("killed", "injured") and _is_incident(sentence, number.start,
                                                              number.end, terms,
                                                              toll=left_is_toll):
            continue
        if metric in ("killed", "injured") and value < 1000 and not any(
                not _WEAK_WAR.fullmatch(m.group(0)) or terms.oct7_re.search(sentence)
                for m in terms.war_re.finditer(sentence)):
            continue  # a few hundred dead with nothing war-level in sight: one day or one strike
        if metric in ("killed", "injured") and number.vague and value < 1000 \
                and not _CUMULATIVE.search(sentence):
            continue  # "scores of Palestinians dead", "dozens wounded": one operation's toll
        if (metric.endswith("_released") and not coordinated
                and terms.proposal_re.search(core_left.split(";")[-1])):
            continue  # "proposed extending the truce ..., with Hamas freeing five hostages"

        if population is None:
            population = _population(metric, np, sentence, number, rows, terms)
        if number.is_range and low is not None:
            qualifier = "lower_bound"
        elif number.vague:
            qualifier = "lower_bound"
        quote_start = hedge_start if qualifier != "exact" and hedge_start < len(left) else \
            number.start
        if terms.estimate_re.search(left) and not terms.hedge_re.search(left):
            quote_start = number.start
        quote_end = number.end + np.end if np.kind not in (None, "pronoun") else number.end
        row = _make_row(metric, population, value, qualifier, low, high, number.is_range or
                        number.vague, sentence, offset, quote_start, quote_end, number.start,
                        terms)
        rows.append(row)
        outcome["metric"] = metric
        outcome["row"] = row
    rows.extend(_breakdowns(sentence, offset, numbers, outcomes, terms))
    return rows


_TABLE_ROW = re.compile(r"^(?P<lead>\s*(?:[^:\n]{1,40}:\s+)?)"
                        r"(?P<label>[A-Za-z][^:\n]{3,90}?)\s*:\s*(?P<value>[^:\n]{1,30}?)\s*$")


def _table_row(sentence: str, offset: int, context: str, terms: Terms) -> list[dict] | None:
    """A line of a key-figures table, "Hostages remaining in Gaza: 128", read as the sentence
    "128 Hostages remaining in Gaza" (the whole line is the quote); None if not such a line."""
    match = _TABLE_ROW.match(sentence)
    if not match or len(match.group("label").split()) < 2:
        return None
    value = match.group("value")
    numbers = find_numbers(value)
    if len(numbers) != 1:
        return None
    rest = (value[:numbers[0].start] + value[numbers[0].end:]).strip(" .")
    if rest and not terms.hedge_re.fullmatch(rest):
        return None
    rows = figures_in_sentence(f"{value} {match.group('label')}", 0, context)
    start = offset + match.start("label")
    quote = sentence[match.start("label"):match.end("value")]
    for row in rows:
        row.update(sentence=sentence.strip(), quote=quote, start_char=start,
                   end_char=start + len(quote))
    return rows


def _population(metric: str, np: NounPhrase, sentence: str, number: Number, rows: list,
                terms: Terms) -> str:
    if metric.startswith("hostages"):
        return "other" if np.foreign else "israeli"
    if metric.startswith("prisoners"):
        return "palestinian"
    if metric == "displaced":
        return np.nationality or _nearest_cue(sentence, number.start, number.end,
                                              terms.displaced_cue_res, terms, "palestinian")
    population = np.nationality
    if np.foreign:
        population = "other"
    if population is None and np.others:
        previous = [r for r in rows if r["metric"] in ("killed", "injured")]
        population = previous[-1]["population"] if previous else None
    if population is None:
        population = _nearest_cue(sentence, number.start, number.end, terms.cue_res, terms,
                                  "palestinian")
    return population


def _make_row(metric, population, value, qualifier, low, high, bounded, sentence, offset,
              quote_start, quote_end, number_start, terms) -> dict:
    if metric in EVENT_METRICS:
        scope = "event"
    elif (metric in ("killed", "injured") and population == "israeli"
          and terms.oct7_re.search(sentence)):
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
        "attributed_to": _attribution(sentence, number_start, terms),
        "sentence": sentence.strip(),
        "quote": quote,
        "start_char": offset + quote_start,
        "end_char": offset + quote_end,
    }


def _breakdowns(sentence: str, offset: int, numbers: list[Number], outcomes: list[dict],
                terms: Terms) -> list[dict]:
    """A release or capture broken down by nationality between dashes, in brackets or after a
    colon: "freed 24 hostages — 13 Israelis, 10 Thais and a Filipino —". Each part is a row of
    the same metric ("a"/"an" before a nationality counts one)."""
    found = []
    for outcome in outcomes:
        row = outcome["row"]
        if row is None or row["metric"] not in ("hostages_released", "hostages_taken",
                                                "prisoners_released"):
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
            np = _noun_phrase(sentence[number_end:span_end], terms)
            if np.kind not in ("person", "hostage", "prisoner") or not (np.foreign
                                                                        or np.nationality):
                continue
            population = row["population"]
            if row["metric"].startswith("hostages"):
                population = "other" if np.foreign else "israeli"
            quote_end = number_end + np.end
            found.append(_make_row(row["metric"], population, value, "exact", None, None,
                                   False, sentence, offset, start, quote_end, start, terms))
    return found


_TAKEN_THEN_HELD = re.compile(
    r"^\s*(?:abducted|taken|kidnapped|seized|captured)\b[^,;.]*?\b(?:remain|remains|remained|"
    r"(?:are|is|were)\s+still|still\s+held|(?:are|is)\s+(?:being\s+)?held)\b", re.IGNORECASE)
_STANDS_AT = re.compile(r"\b(?:stands?|stood|standing|puts?|putting|placed?|placing|"
                        r"estimated|estimates?|totals?|totalled|totaled|numbers?|numbered)"
                        r"(?:\s+\w+)?\s+at\s*$", re.IGNORECASE)
_TOTAL_LEFT = re.compile(r"\b(?:total|number|tally|count)\s+(?:of\s+(?:[\w-]+\s+){1,2})?"
                         r"(?:released|freed|returned|set\s+free)\b[^\d.;:]{0,60}$",
                         re.IGNORECASE)
_PART_OF_LEFT = re.compile(r"\d\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _whole_after(sentence: str, number: Number, numbers: list[Number]) -> Number | None:
    """The number right after "of (the)" following `number` ("36 of the 128 ..."), if any."""
    later = [n for n in numbers if n.start >= number.end]
    if later and re.fullmatch(r"\s+of\s+(?:the\s+)?", sentence[number.end:later[0].start],
                              re.IGNORECASE):
        return later[0]
    return None


_WEAK_WAR = re.compile(r"the\s+(?:attack|assault|raid|incursion)", re.IGNORECASE)
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
_BREAKDOWN_OPEN = re.compile(r"[^.;:,—–(]{0,25}?(?:\s[—–-]\s|\s*[—–(:]\s*)")
_BREAKDOWN_CLOSE = re.compile(r"\s[—–-]\s|[—–);]|\.(?:\s|$)")
_ONE_ARTICLE = re.compile(r"(?:^|(?<=[\s,]))(?:a|an)(?=\s+[A-Z])(\s)")
_SUBSET_BETWEEN = re.compile(r"\b(?:of\s+(?:them|whom)|including|among\s+(?:them|whom))\b",
                             re.IGNORECASE)
_RATE_CLAUSE = re.compile(r"(?:past|last|previous)\s+24\s+hours|past\s+day|overnight",
                          re.IGNORECASE)


def _rate_governs(sentence: str, number: Number, after: str, core_left: str,
                  terms: Terms) -> bool:
    """A per-day or 24-hour count: a rate marker right next to the number, or a 24-hour marker
    anywhere in the sentence with nothing war-level between it and the number ("In the past 24
    hours, 112 were killed and 173 injured"; "40 killed and 120 injured in the last 24 hours")."""
    if terms.rate_re.search(after[:45]) or terms.rate_re.search(core_left[-50:]):
        return True
    for match in _RATE_CLAUSE.finditer(sentence):
        if match.start() >= number.end:
            between = sentence[number.end:match.start()]
        elif match.end() <= number.start:
            between = sentence[match.end():number.start]
        else:
            continue
        if terms.war_re.search(between) or ";" in between:
            continue
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
    noun_tags = None
    if doc.has_annotation("TAG") or doc.has_annotation("POS"):
        noun_tags = {}
    previous = ""
    text = doc.text
    line_break = _BLANK_LINE if _hard_wrapped(text) else _LINE_BREAK
    for sent in doc.sents:
        whole = text[sent.start_char:sent.end_char]
        if not _HAS_NUMBER.search(whole):
            previous = whole
            continue
        tags = None
        if noun_tags is not None:
            tags = {token.idx: token.pos_ for token in sent}
        piece_start = 0
        for piece_end in [m.end() for m in line_break.finditer(whole)] + [len(whole)]:
            sentence = whole[piece_start:piece_end]
            start = sent.start_char + piece_start
            piece_start = piece_end
            if not sentence.strip():
                continue
            if _HAS_NUMBER.search(sentence):
                for row in figures_in_sentence(sentence, start, previous, tags):
                    key = (row["metric"], row["population"], row["value"])
                    if key in seen:
                        first = seen[key]
                        if rows[first]["qualifier"] == "exact" and row["qualifier"] != "exact":
                            rows[first] = row  # a headline drops the hedge the text gives
                        continue
                    seen[key] = len(rows)
                    rows.append(row)
            previous = sentence
    return rows


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def _hard_wrapped(text: str) -> bool:
    """Is the text wrapped at a fixed width (most lines 55-100 characters long)?"""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 6:
        return False
    return sum(55 <= n <= 100 for n in lengths) >= 0.6 * len(lengths)


_RESCUE_AFTER = re.compile(r"^[^.;]*?\b(?:rescued|rescue\s+(?:operation|raid|mission))",
                           re.IGNORECASE)
_COORDINATION = re.compile(r"(?:\b(?:in\s+exchange\s+for|in\s+return\s+for|along\s+with|"
                           r"together\s+with|as\s+well\s+as|and|plus|for)\s*)$", re.IGNORECASE)

_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|dozens?|scores)\b",
    re.IGNORECASE)
