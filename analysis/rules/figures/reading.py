"""One number as the rules read it, and the first steps of reading it.

`_Sentence` (what the numbers of a sentence share) and `_Reading` (one number, filled in step by
step); the value and contexts (`_start_reading`), the hedge and noun phrase
(`_read_noun_phrase`), counts of things (`_counts_things`) and the living counted without a
whole (`_alive_without_whole`). Fed by :mod:`.noun_phrase`, :mod:`.triggers`, :mod:`.rates`;
feeds :mod:`.states`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.rules.figures.noun_phrase import NounPhrase, _excluded_quantity, _hedge, _noun_phrase
from analysis.rules.figures.rates import _PART_OF_LEFT, _whole_after
from analysis.rules.figures.triggers import _mask_dates, _right_trigger
from analysis.rules.figures.words import FigureLexicon
from analysis.rules.numbers import Number


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


def _start_reading(s: _Sentence, number: Number) -> _Reading | None:
    """The number's value and contexts; None for quantities that are not counts of people
    (percentages, ages, years, money, units: :func:`_excluded_quantity`) and year spans
    ("2014-2015"). "rose from 30,000 to 31,000" reads the second number."""
    left, right = s.text[:number.start], s.text[number.end:]
    value, low, high = number.value, number.low, number.high
    if number.is_range and low > high and not _TOLL_REVISED.search(left):
        return None  # a fall read only in a toll revised: "revised its death toll down from
        # 1,400 to 1,140" (not "dropped the number of hostages it would free from 40 to 20")
    if number.is_range and re.search(r"\bfrom\s*$", left, re.IGNORECASE):
        value, low, high = high, None, None
    if _excluded_quantity(number, left, right, s.lexicon):
        return None
    if number.is_range and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", number.text.strip()):
        return None
    return _Reading(number, left, right, value, low, high)


_TOLL_REVISED = re.compile(r"\b(?:toll|tally|death|deaths|dead|killed|casualties|fatalities)\b"
                           r"[^.;]{0,60}\bfrom\s*$", re.IGNORECASE)


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


_AMERICAN_WORD = re.compile(r"\bAmericans?\b|\bU\.?S\.?\b")  # (dual nationals, a sub-count)
_COPULA = re.compile(r"^\s+(?:were|are|was|is)\s+(?=[A-Z]|foreign|dual)")


def _nationality_after_copula(s: _Sentence, r: _Reading) -> None:
    """A count whose nationality follows a copula: "Of the 105 hostages released, 81 were
    Israelis and 24 foreign nationals", "23 were Thai nationals": the nationality is its noun
    phrase. Leaves "81 were released" and "81 were Hamas fighters" (no nationality)."""
    match = _COPULA.match(r.right) if r.np.kind is None else None
    if match is None:
        return
    np = _noun_phrase(r.right[match.end():], s.lexicon)
    if np.kind in ("person", "hostage") and (np.nationality or np.foreign):
        np.end += match.end()
        r.np = np
        r.nationality_part = bool(s.rows and s.rows[-1]["metric"].startswith("hostages_")
                                  and s.rows[-1]["group"] == "all" and np.foreign
                                  and not _AMERICAN_WORD.search(r.right[:np.end])
                                  and re.search(r",\s*(?:and\s+)?$", r.core_left))
        # "Eleven of the deceased hostages are Israeli, one is Tanzanian, and one is Thai":
        # the parts by nationality of the count just read


def _read_noun_phrase(s: _Sentence, r: _Reading) -> None:
    """The hedge before the number and the noun phrase after it. In "36 of the 128 remaining
    hostages" the part takes the whole's noun phrase; the whole (128) is `part_of`."""
    r.qualifier, r.hedge_start = _hedge(r.left, s.lexicon)
    r.core_left = r.left[:r.hedge_start]
    r.np = _noun_phrase(r.right, s.lexicon)
    _trailing_hedge(s, r)
    _nationality_after_copula(s, r)
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
        before and (before[-1].value > 1 or _ALL_BUT.search(r.left))  # (not "one of the 20
        # captives believed to be alive"; "all but one of the 251 hostages taken" is a part)
        and _whole_after(s.text, before[-1], s.numbers) is r.number)  # "two of the 24
    # slain hostages": a part in words
    r.after = r.right[r.np.end:]
    if r.qualifier == "exact" and _ESTIMATED_AFTER.match(r.after):
        r.qualifier = "approx"  # "1.7 million people are estimated to be displaced" (not
        # "are believed to be": a belief is no estimate)
    if r.np.kind == "hostage" and _SHARE_OF_LEFT.search(r.left) and not _TAKEN_PARTICIPLE.match(
            r.after) and (_said_dead(r.after, s.lexicon) or _said_alive(r.after, s.lexicon)):
        r.part_of = True  # "a third of the 101 remaining hostages are dead": 101 held


# everyone but a part: "All but one of the 251 hostages taken then have been released"
_ALL_BUT = re.compile(r"\ball\s+but\s+\w+\s+(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
_ESTIMATED_AFTER = re.compile(r"^\s*(?:are|is|were|was)\s+estimated\s+to\b", re.IGNORECASE)
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
# "Israel believes 63 hostages still held in Gaza are alive", "the two dozen hostages held by
# Hamas who are believed to still be alive": only where and how they are held
# between the noun and "alive" (not "59 hostages of whom 24 were alive", "how many are alive")
_HELD_ALIVE = re.compile(r"^(?:,?\s+(?:who|that|still|held|being|kept|in|inside|the|gaza|strip|"
                         r"captivity|by|"
                         r"hamas|captive|are|is|were|remain|believed|thought|presumed|"
                         r"considered|to|be))+\s+alive\b", re.IGNORECASE)


# a number's whole after a quantity: "one of the 20 captives believed to be alive" (not "the
# fate of the two dozen hostages ... who are believed to still be alive")
_QUANTITY_OF = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|all|none|some|most|many|several|few|half|each|any|both))\s+"
                          r"(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
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
    found = lexicon.dead_search_re.search(text[:60])
    return bool(found) and not _DETERMINER_END.search(text, 0, found.end() - len(
        found.group(0).split()[-1]))  # (not "in front of the home of its slain leader")


# a dead word after a determiner modifies another noun: "its slain leader", "the dead man"
_DETERMINER_END = re.compile(r"\b(?:its|his|her|their|the|a|an)\s+$", re.IGNORECASE)


_ANOTHER_COUNT = re.compile(r"\b(?:\d|(?:and|with|while)\s+(?:two|three|four|five|six|seven|eight|"
                            r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|"
                            r"forty|fifty)\b)", re.IGNORECASE)  # ("10 living hostages and nine
# deceased will be released": the dead are the next count's)


def _alive_without_whole(s: _Sentence, r: _Reading) -> bool:
    """The living ("20 of them are believed alive", "24 hostages are thought to be alive") are
    read as a sub-count (group ``alive``) of the hostages held; "19 of the 59 hostages are
    alive" keeps the 59 as the held count. Drops a count of the living with no hostage in
    sight ("30 survivors are alive")."""
    np, after, lexicon = r.np, _skip_dash_aside(r.after), s.lexicon
    if r.part_of and np.kind == "hostage" and (_said_dead(after, lexicon)
                                               or _said_alive(after, lexicon)):
        return False
    participle = _ALIVE_PARTICIPLE.match(after) if np.kind == "hostage" and np.of_the else None
    if participle:  # "three of the 24 hostages believed to be alive": the living are the whole;
        if not _SURVIVED.match(after[participle.end():]):  # the part needs a predicate of its
            return True  # own ("21 of 24 hostages believed alive had survived": alive)
        r.alive = True
        return False
    if _VAGUE_PART_OF.search(r.core_left):
        return False  # "most of the 33 are alive", "fewer than half of the 59": the whole
    if not (lexicon.alive_re.match(after) or (np.of_the and _ALIVE_IN_CLAUSE.match(after))
            or (np.kind == "hostage" and _HELD_ALIVE.match(after)
                and not _QUANTITY_OF.search(r.core_left))):
        return False
    r.alive = True
    return not (np.kind in ("hostage", "pronoun") or lexicon.hostage_word_re.search(s.text)
                or lexicon.hostage_word_re.search(s.context))


# the living as a participle modifying a noun: "hostages believed to be alive", "thought to
# still be alive" (not "are believed to be alive": a predicate)
_ALIVE_PARTICIPLE = re.compile(r"^\s*(?:(?:who|that)\s+(?:are|were)\s+)?"
                               r"(?:(?:still|previously|currently)\s+)?(?:believed|thought|"
                               r"presumed|said|understood|known|confirmed)\s+(?:to\s+(?:still\s+)?"
                               r"be\s+)?(?:still\s+)?alive\b", re.IGNORECASE)
_SURVIVED = re.compile(r"^[^.;]{0,60}?\b(?:(?:had|have|has)\s+survived|(?:are|were|is|was)\s+"
                       r"(?:still\s+)?alive)\b", re.IGNORECASE)
_TAKEN_PARTICIPLE = re.compile(r"^\s*(?:taken|abducted|kidnapped|seized|captured)\b",
                               re.IGNORECASE)
