"""What a number counts: the first reading steps that need no sentence state.

Quantities that are no counts of people (percentages, ages, years, money, units:
`_excluded_quantity`), the hedge right before a number (`_hedge`: the qualifier) and the noun
phrase after it (`_noun_phrase` -> `NounPhrase`: its kind, nationality, group, "of the",
pronouns). Fed by :mod:`.words`; feeds :mod:`.triggers`, :mod:`.reading` and the later stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.rules.figures.words import FigureLexicon
from analysis.rules.numbers import Number

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
    remains: bool = False  # hostages named by their remains ("one hostage's remains")


# people named by the country they come from, with no noun: "13 from Israel, 10 from Thailand
# and one from the Philippines" (a release's parts by nationality; not "30,000 from the
# Israel-Hamas war")
_FOREIGN_COUNTRIES = r"Thailand|Philippines|Nepal|Tanzania|Sri\s+Lanka|China"
_FROM_COUNTRY = re.compile(r"^\s+from\s+(?:the\s+)?(?:(?P<israel>Israel)|"
                           rf"{_FOREIGN_COUNTRIES})(?=\s*(?:[,.;)]|and\b|$))")
# people whose noun is followed by the foreign country they come from: "one citizen from the
# Philippines", "two workers from Nepal", "11 hostages from Thailand" (foreign nationals; the
# same words with no noun are _FROM_COUNTRY)
_FROM_FOREIGN_COUNTRY = re.compile(rf"\s+from\s+(?:the\s+)?(?:{_FOREIGN_COUNTRIES})\b")
# hostages named by their remains, the possessive before the noun: "only one hostage's remains
# remain in Gaza", "seven hostages' bodies are still held" (read as "the remains of N hostages":
# the predicate after the remains says whether they are held; "the recovery of six Israeli
# hostages' bodies" stays a recovery)
_POSSESSED_REMAINS = re.compile(r"^\s+(?:(?P<israeli>Israeli)\s+|(?:more|other|deceased|dead|slain|"
                                r"fallen)\s+)?(?:hostage|captive|abductee)s?(?:['’]s|s['’])\s+"
                                r"(?:remains|bodies|body)\b", re.IGNORECASE)
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
    # hostages are israeli whatever their passports: an American hostage is a dual national
    # ("Hamas has released two American hostages", "two American citizens", "Two US hostages
    # were freed"; the gold of dev6 885, dev12 1490, dev13 1623, dev5 778); the phrase stays
    # foreign, so held Americans remain a sub-count (groups._AMERICANS)
    "american": ("israeli", True), "americans": ("israeli", True),
    "us": ("israeli", True), "u.s.": ("israeli", True),
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


def _named_by_country_or_remains(right: str) -> NounPhrase | None:
    """People named by their country with no noun ("10 from Thailand": foreigners; "13 from
    Israel": Israelis), or hostages named by their remains ("one hostage's remains")."""
    country = _FROM_COUNTRY.match(right)
    if country:
        return NounPhrase("person", country.end(), foreign=not country.group("israel"),
                          nationality="israeli" if country.group("israel") else None)
    possessed = _POSSESSED_REMAINS.match(right)
    if possessed:  # the hostages whose remains the predicate tells of
        return NounPhrase("hostage", possessed.end(), first_word="hostages", remains=True,
                          nationality="israeli" if possessed.group("israeli") else None)
    return None


def _noun_phrase(right: str, lexicon: FigureLexicon) -> NounPhrase:
    """What the number counts: "security detainees" (prisoner), "Israeli women and children"
    (subgroup, israeli, group women and children), "others", "of whom" (pronoun)."""
    named = _named_by_country_or_remains(right)
    if named:
        return named
    pronoun = _PRONOUN_RE.match(right)
    of_the = _OF_THE_RE.match(right)
    if pronoun and not (of_the and re.search(r"(?:those|these)$", pronoun.group(0), re.IGNORECASE)
                        and _noun_phrase_words(right, of_the.end() - 1, lexicon)[1]):
        return NounPhrase("pronoun", pronoun.end())  # (not "34 of these hostages have died":
        # a partitive with its noun, read as "of the hostages")
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
    everyone = _EVERYONE.match(right, pos)
    words_said = {w.lower() for w in re.findall(r"\w+", everyone.group(0))} - {"and"} \
        if everyone else set()
    if len(words_said) == 3 or words_said == {"male", "female"}:
        rest = _noun_phrase(right[everyone.end():], lexicon)  # ("9,500 male and female
        if rest.kind in ("prisoner", "hostage", "person"):  # prisoners": the head after)
            rest.end += everyone.end()
            rest.group, rest.of_the, rest.first_word = None, bool(of_the), first_word
            return rest
        return NounPhrase("person", everyone.end(), bool(of_the), first_word=first_word)
        # "more than 1,200 men, women and children": everyone, not a sub-count
    groups = list(dict.fromkeys(lexicon.group_of[w] for w in words if w in lexicon.group_of))
    if not nationality and _FROM_FOREIGN_COUNTRY.match(right, end):
        foreign = True  # "one citizen from the Philippines": a foreign national
    phrase = NounPhrase(None, end, bool(of_the), foreign, nationality, first_word, others,
                        " and ".join(groups) or None)
    if "hostage" in kinds or "prisoner" in kinds:
        phrase.kind = "hostage" if "hostage" in kinds else "prisoner"
        if phrase.kind == "prisoner" and (nationality == "israeli" or foreign):
            phrase.kind = "hostage"  # "13 Israeli prisoners", "Israeli detainees": the held
        elif phrase.kind == "hostage" and nationality == "palestinian" and "prisoner" not in kinds:
            phrase.kind = "prisoner"  # "30 Palestinian hostages held in jails" (Iranian outlets)
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


# the groups that together are everyone: "more than 1,200 men, women and children"
_EVERYONE = re.compile(r"\s*(?:(?:men|women|children)(?:\s*,\s*(?:and\s+)?(?:men|women|children)|"
                       r"\s+and\s+(?:men|women|children)){2}|male\s+and\s+female)\b", re.IGNORECASE)
_HELD_CAPTIVE_AFTER = re.compile(r"\s+(?:who\s+(?:are|were|remain)\s+)?(?:still\s+)?"
                                 r"(?:(?:believed|thought|said|known|understood)\s+to\s+(?:still\s+)?be\s+)?(?:being\s+)?"
                                 r"held\s+(?:captive|hostage|in\s+(?:the\s+)?(?:gaza|strip|enclave|"
                                 r"tunnels|territory)|by\s+(?:hamas|militants|the\s+militants?|palestinian\s+"
                                 r"militants))\b", re.IGNORECASE)
_CAPTURED_AFTER = re.compile(r"\s+(?:seized|abducted|kidnapped|captured|taken\s+(?:hostage|captive|"
                             r"into\s+gaza|to\s+gaza))\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# before and around the number: quantities that are no counts of people, the hedge


def _a_difference(left: str, right: str) -> bool:
    """A difference or the value before a change, not a count: "the real toll is thousands
    higher", "increased from 2,193 people to 2,234" (the 2,193). Leaves "rose from 1,200 to
    1,400" (a range: its new value is read) and "up from about 5,200 before the war"."""
    return bool(_COMPARATIVE_AFTER.match(right)
                or (_FROM_BEFORE.search(left) and _TO_NEW_VALUE.match(right)))


def _excluded_quantity(number: Number, left: str, right: str, lexicon: FigureLexicon) -> bool:
    """Percentages, ages, years, dates, money, units, compound adjectives."""
    if re.match(r"^\s*(?:%|per\s*cent|percent|percentage)", right, re.IGNORECASE):
        return True
    if re.match(r"^[-‐‑]\s*[A-Za-z]", right) and not re.match(r"^[-‐‑]plus\b", right):
        return True  # four-day, 85-year-old (not "45,000-plus": at least)
    if _a_difference(left, right):
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
                                         and not _STANDS_AT.search(left)
                                         and not _TALLY_AT.search(left)):
        return True
    if re.search(r"\b(?:(?:population|home)\s+(?:of|to)|(?:territory|enclave|strip)\s+of)\s+"
                 r"(?:(?:some|about|"
                 r"around|roughly|nearly|"
                 r"almost|more\s+than|over|an\s+estimated)\s+)?$", left, re.IGNORECASE):
        return not _displaced_after(right, lexicon) or bool(_SHARE_OF_POPULATION.search(left))
        # "Gaza's population of 2.1 million"; "75 per cent of Gaza's population of 2.3
        # million people ... are displaced": the base of a share
    if re.search(r"\b(?:of|for)\s+(?:the\s+)?[\w-]+['’]s?\s+(?:(?:some|about|around|roughly|"
                 r"nearly|more\s+than|over)\s+)?$", left, re.IGNORECASE):
        return True  # "90% of the territory's 2.1 million"
    if number.value >= 1_000_000 and re.search(r"\bof\s+(?:its|their)\s+(?:(?:some|about|around|"
                                                r"roughly|nearly|more\s+than|over)\s+)?$", left,
                                                re.IGNORECASE):
        return True  # "two-thirds of its 2.2 million people have been displaced": a base
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
    return _a_year(number, left, right, lexicon)


def _a_year(number: Number, left: str, right: str, lexicon: FigureLexicon) -> bool:
    """A four-digit number read as a year: "in 2023", "October 7, 2023". Leaves "nearly 2000
    Palestinian prisoners" and "and 1950 injured" (a count's noun or predicate follows);
    "abducted in 2023 have been freed" stays a year (a preposition before it)."""
    digits = re.sub(r"\D", "", number.text)
    if (not number.words and re.fullmatch(r"\d{4}", number.text.strip())
            and 1900 <= int(digits) <= 2100):
        counted = _COUNT_PREDICATE.match(right) and not _YEAR_PREPOSITION.search(left)
        return _noun_phrase(right, lexicon).kind not in ("person", "prisoner", "hostage",
                                                         "subgroup") and not counted
    return bool(re.search(r",\s*$", left) and re.fullmatch(r"\d{4}", number.text.strip()))


_SHARE_OF_POPULATION = re.compile(r"(?:%|\bper\s*cent|\bpercent|\bhalf|\bmost|\bthirds?|"
                                  r"\bquarters?|\bmajority)\s+of\s+[^.;\d]{0,30}$", re.IGNORECASE)
_COUNT_PREDICATE = re.compile(r"^\s+(?:were\s+|have\s+been\s+)?(?:killed|injured|wounded|dead|"
                              r"hurt|displaced|detained|arrested|released|freed|martyred)\b",
                              re.IGNORECASE)
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|during|until|till|before|after)\s+$",
                               re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|some|roughly|nearly|over)\s+)?$",
                          re.IGNORECASE)
_TO_NEW_VALUE = re.compile(r"^(?:\s+[A-Za-z]+){1,2}\s+to\s+(?:(?:about|around|some|roughly|nearly|"
                           r"over|more\s+than|at\s+least)\s+)?\d", re.IGNORECASE)
_COMPARATIVE_AFTER = re.compile(r"^\s+(?:higher|lower|greater|larger|smaller|fewer|less|above|"
                                r"below|more\s+than|short\s+of)\b", re.IGNORECASE)


def _displaced_after(right: str, lexicon: FigureLexicon) -> bool:
    """ "home to some 1.5 million Palestinians forced to flee": the people a place holds are
    counted when the words after them say they were displaced."""
    np = _noun_phrase(right, lexicon)
    match = np.kind and lexicon.right["displace_right"].match(right[np.end:])
    return bool(match) and not match.group(0).endswith("into")  # ("a territory of 2.3
    # million people packed into one of the most densely populated areas": its size)


# a verb of rising whose particle is "up": "has shot up to 915", "went up to 7,000"
_RISE_BEFORE = re.compile(r"\b(?:shot|shoots|shooting|gone|went|goes|going|jumped|jumps|climbed|"
                          r"risen|rose|rises|moved|crept|creeping|ticked|edged)\s+$",
                          re.IGNORECASE)


def _hedge(left: str, lexicon: FigureLexicon) -> tuple[str, int]:
    """(qualifier, start offset of the hedge in `left`), exact when unhedged."""
    match = lexicon.hedge_re.search(left)
    if match:
        word = re.sub(r"\s+", " ", match.group(1).lower())
        if word == "up to" and _RISE_BEFORE.search(left[:match.start()]):
            return "exact", len(left)  # "has shot up to 915": a verb's particle, no bound
        for regex in lexicon.left.values() if lexicon.any_left_re.search(left) else ():
            trigger = regex.search(left)
            if trigger and trigger.start() < match.start() < trigger.end():
                return "exact", len(left)  # "handed over 17": the hedge word ends a trigger
        return lexicon.hedge_kind[word], match.start()
    if lexicon.estimate_re.search(left):
        return "approx", len(left)
    return "exact", len(left)


# a tally's value after "at" with no verb: "with the death toll in Gaza at 44,000", "the
# number of people killed is now at 44,000" (not "struck at 6:30")
_TALLY_AT = re.compile(r"\b(?:tolls?|count|number|tally|total|figure)\b"
                       r"(?:[^\d.;:,()]|(?<!\d)(?:19|20)\d\d(?!\d)){0,150}?\bat\s*$",
                       re.IGNORECASE)  # (a year and a long tally between: "put the number
# of the Palestinians injured ... since the start of the war in October 2023 at 104,000")
_STANDS_AT = re.compile(r"\b(?:stands?|stood|standing|puts?|putting|placed?|placing|"
                        r"estimated|estimates?|totals?|totalled|totaled|numbers?|numbered|"
                        r"remains?|remained|remaining|pegged|pegs?|sets?|fixed|fixes|assessed|"
                        r"recorded|counted|capped|hovers?|hovered|hovering|sits?|sat|sitting)"
                        r"(?:\s+[\w-]+){0,6}?\s+at\s*$", re.IGNORECASE)  # "stood for a week at 199"
