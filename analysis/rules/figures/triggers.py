"""The words around a number that say what happened and who says so.

The trigger before the number ("killed", "released", "the death toll rose to": `_left_trigger`),
the predicate after its noun phrase ("were killed", "remain in Gaza": `_right_trigger`), the
nearest population cue (`_nearest_cue`), single-incident tolls (`_is_incident`), attribution
("according to X", "X said": `_attribution`, `canonical_source`), the kind of a release and the
clauses of a sentence. Fed by :mod:`.words` and :mod:`.noun_phrase`; feeds :mod:`.reading`
and every stage after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.rules.figures.noun_phrase import NounPhrase, _noun_phrase
from analysis.rules.figures.words import _MODAL_RE, FigureLexicon, load_figure_lexicon
from analysis.rules.numbers import Number

_TRAILING_DETERMINERS = re.compile(
    r"(?:(?<![\w'’])(?:the|a|an|another|additional|further|all|its|their|his|her|our|some\s+other|"
    r"a\s+total\s+of|total\s+of|an\s+additional|a\s+further|roughly|only|just|only\s+about|"
    r"last|final|remaining|(?:some|all|most|many|several)\s+of|(?:a|another)\s+(?:group|batch)\s+of)"
    r"\s*)+$",
    re.IGNORECASE)


@lru_cache(maxsize=32)
def _without_determiners(text: str) -> str:
    """`text` less the determiners and quantifiers that end it (:data:`_TRAILING_DETERMINERS`:
    "... released a total of" -> "... released"). Remembered for the last few texts: several
    rules cut the same left context of a number this way (the left trigger, the releases,
    the vetoes), about five times a number."""
    return _TRAILING_DETERMINERS.sub("", text)


# "Hamas released on Monday the 20 remaining hostages": a time between the verb and its object
_TIME_BEFORE_OBJECT = re.compile(r"(?<=\w)\s+(?:late\s+|early\s+)?on\s+"
                                 r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|evening|night))?\s*$",
                                 re.IGNORECASE)


def _left_trigger(core_left: str, lexicon: FigureLexicon) -> tuple[str | None, int]:
    """Which trigger ends the left context, and where: a verb ("killed", "took", "released"),
    a tally phrase ("the number of dead hostages ... to", "the death toll rose to", "the total
    released ... to", "among those freed were"), or "the number of prisoners ... exceeds"."""
    core = _without_determiners(core_left)
    core = _without_determiners(_TIME_BEFORE_OBJECT.sub("", core))
    if lexicon.any_left_re.search(core):  # (none of the six when their union fails)
        for key in ("kill_left", "injure_left", "take_left", "release_left", "hold_left",
                    "displace_left"):
            match = lexicon.left[key].search(core)
            if match:
                return key[:-5], match.start()
    masked = _mask_dates(core, lexicon)
    # "the death toll ... rose to", "the number of injured stands at"
    match = lexicon.injury_toll_left_re.search(masked)
    if match and not re.search(r"\b(?:killed|dead|deaths)\b", match.group(0), re.IGNORECASE) \
            and not _LIST_GOES_ON.search(match.group(0)) \
            and not _CLAUSE_BREAK.search(match.group(0)):  # (not "... injured in Gaza since
        return "injure", match.start()  # October 7,” while 33 have been killed")
    tally = _TALLY_WORD.search(masked)  # (the patterns of _NEEDS_TALLY fail without it)
    injured = tally and _NUMBER_INJURED_LEFT.search(masked)
    if injured and not re.search(r"\b(?:killed|dead|deaths|martyr\w*|fatalities)\b",
                                 injured.group(0), re.IGNORECASE):
        return "injure", injured.start()  # "the total number of people injured in the
        # attacks on the Gaza Strip since the start of the war has reached 170,395"
    for regex, trigger in ((_NUMBER_DEAD_HOSTAGES_LEFT, "count_hostage_dead"),
                           (_NUMBER_DISPLACED_LEFT, "displace"),
                           (lexicon.toll_left_re, "toll"), (_NUMBER_KILLED_LEFT, "toll"),
                           (_TOTAL_LEFT, "release_total"), (_RELEASED_WERE, "release")):
        if not tally and regex in _NEEDS_TALLY:
            continue
        match = regex.search(masked)
        if match and not _LIST_GOES_ON.search(match.group(0)):
            return trigger, match.start()
    match = tally and _NUMBER_HELD_LEFT.search(masked)
    if match:  # "the number of prisoners in occupation prisons exceeds 10,300"
        return "count_" + ("hostage" if re.search(r"hostage|captive|abductee|kidnap",
                                                  match.group(1), re.IGNORECASE)
                           else "prisoner"), match.start()  # ("the number of people
        # confirmed held hostage in Gaza had reached 224": hostages)
    return None, len(core)


# "the number of Palestinian martyrs has reached", "the number of Palestinians who have been
# martyred since October 7 has risen to"
# a tally word whose list goes on to another item: "159,000 Palestinians martyred or injured,
# most of them children and women, and more than 14,000 missing" (14,000: not injured)
_LIST_GOES_ON = re.compile(r",\s*and\s", re.IGNORECASE)
_NUMBER_INJURED_LEFT = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?:[\w-]+\s+){0,3}?(?:injured|wounded|injuries|"
    r"wounds)\b[^\d.;:]{0,150}$", re.IGNORECASE)
_NUMBER_KILLED_LEFT = re.compile(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,4}(?:killed|dead|slain|deaths|martyrs|martyred|"
    r"fatalities|murdered|slaughtered|massacred)\b[^\d.;:]{0,150}$", re.IGNORECASE)
# "the number of displaced is estimated at 1.9 million", "puts the number of IDPs at"
_NUMBER_DISPLACED_LEFT = re.compile(r"\b(?:number|total|count)\s+of\s+(?:the\s+)?"
                                    r"(?:[\w-]+\s+){0,4}?(?:internally\s+)?(?:displaced|idps)\b[^\d.;:]{0,80}$",
                                    re.IGNORECASE)  # ("the number of people internally
# displaced in Gaza by the war has risen to more than 423,000")
_NUMBER_HELD_LEFT = re.compile(
    r"\b(?:number|total)\s+of\s+(?:(?!released\b|freed\b|returned\b)[A-Za-z-]+\s+){0,2}"
    r"(hostages|captives|abductees|kidnapped|prisoners|detainees|"
    r"(?:people|persons|israelis|civilians)\s+(?:[\w-]+\s+)?held\s+(?:hostage|captive)|"
    r"palestinians\s+(?:held|detained|imprisoned|jailed|in\s+israeli\s+(?:prisons|jails|custody)))\b"
    r"(?!\s+(?:released|freed|killed|dead|who\s+have\s+died|who\s+died))[^\d.;:]{0,90}$",
    re.IGNORECASE)
_NUMBER_DEAD_HOSTAGES_LEFT = re.compile(
    r"\b(?:number|total|count)\s+of\s+(?:(?:dead|deceased|slain|killed)\s+(?:hostages|captives)|"
    r"(?:hostages|captives)\s+(?:\w+\s+){0,2}?(?:dead|deceased|killed|died))\b"  # "the number of
    r"[^\d.;:]{0,60}$", re.IGNORECASE)  # hostages confirmed dead to 35"
_RELEASED_WERE = re.compile(r"\b(?:released|freed|set\s+free|let\s+go|returned)\b[^\d.;:]{0,50}"
                            r"\b(?:were|are|"
                            r"was|included|include|includes)\s*$", re.IGNORECASE)
_DATE_RE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,\s*(?:19|20)\d\d)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*\.?(?:,?\s*(?:19|20)\d\d)?|(?:19|20)\d\d|"
    r"\d+[-‐‑](?:day|week|month|year)(?:[-‐‑]long|[-‐‑]old)?)\b", re.IGNORECASE)
# (a span is masked as a date: "the death toll from the 22-month conflict has surpassed")


def _mask_dates(text: str, lexicon: FigureLexicon) -> str:
    """`text` with dates blanked out (same length), so a toll phrase reaches over them:
    "the death toll since October 7, 2023 has risen to"."""
    return _DATE_RE.sub(lambda m: "x" * len(m.group(0)), text)


# a participle "held" describing the first of a pair whose shared predicate is a release:
# "So far 19 hostages held in Gaza and over 1,000 Palestinian prisoners have been freed" (not
# "59 hostages are held in Gaza", "hostages held in Gaza, and 20 were freed": own predicates)
_HELD_THEN_FREED = re.compile(r"^\s+held\s+(?:in|by)\s+[\w\s'’-]{1,30}?\s+and\s+"
                              r"(?:[^.;,]|,(?=\d)){0,60}?\b"
                              r"(?:have|has|had|were)\s+(?:all\s+|now\s+)?been\s+(?:freed|"
                              r"released|returned|set\s+free)\b", re.IGNORECASE)


# where people "remain" when it is not captivity: "remain hospitalized", "remain in hospital",
# "remain in stable condition", "remain under observation"
_IN_CARE = re.compile(r"^\s*(?:hospitali[sz]ed|in\s+(?:the\s+)?hospital|in\s+(?:a\s+)?(?:\w+\s+)?"
                      r"condition|under\s+(?:medical\s+)?observation|in\s+intensive\s+care)\b",
                      re.IGNORECASE)


_FATE_UNKNOWN = re.compile(r"^\s+(?:unclear|unknown|uncertain|a\s+mystery|unconfirmed)\b",
                           re.IGNORECASE)


def _right_trigger(after: str, lexicon: FigureLexicon) -> tuple[str | None, bool]:
    """The predicate after the noun phrase ("were killed", "are still held"); pending?"""
    if not lexicon.any_right_re.match(after):  # (none of the seven when their union fails)
        return None, False
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
    if best is not None and best[0] == "hold" and re.match(r"\s+of\b", after[best[1]:]) and \
            re.search(r"remains$", best[2], re.IGNORECASE):
        best = None  # "Eight Remains of hostages handed back": a noun, not "remains in Gaza"
    if best is None:
        return None, False
    if best[0] == "hold" and _IN_CARE.match(after[best[1]:]):
        return None, False  # "The four are expected to remain hospitalized": in care, not held
    if best[0] == "hold" and _FATE_UNKNOWN.match(after[best[1]:]):
        return None, False  # "the fate of three others remains unclear": not said held
    if best[0] == "hold" and _HELD_THEN_FREED.match(after):
        best = ("release",) + best[1:]  # "19 hostages held in Gaza and over 1,000 prisoners
        # have been freed": "held" describes them; the pair's predicate is the release
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
    rest = sentence[following.end + np2.end:]
    noun = _DEAD_AS_NOUN.match(rest)  # "10 living hostages and nine deceased will be released":
    trigger, pending = _right_trigger(rest[noun.end():] if noun else rest, lexicon)  # the
    return None if pending else trigger  # predicate is "will be released", not "deceased"


_DEAD_AS_NOUN = re.compile(r"\s+(?:deceased|dead)\b(?=\s+(?:will|would|could|are|were|is|was|have|"
                           r"has|had|to|must|should)\b)", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[str, int]]:
    """`text` cut at semicolons and at ", while", ", but", ", bringing", ", according to",
    ", which said": (clause, start)."""
    found, start = [], 0
    for piece in re.split(r"(;|,[”\"’]?\s*(?:while|but|bringing|according\s+to|which\s+(?:also\s+)?"
                          r"(?:said|says|reported|added|noted))\b)", text):
        found.append((piece, start))
        start += len(piece)
    return found


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


_TOTAL_LEFT = re.compile(r"\b(?:total|number|tally|count)\s+(?:of\s+(?:[\w-]+\s+){0,2})?"
                         r"(?:released|freed|returned|set\s+free)\b[^\d.;:]{0,60}$",
                         re.IGNORECASE)

# what every "number of ..." pattern above needs ("the total released", "the number of
# injured"): one search for it spares the six when a left context has none
_TALLY_WORD = re.compile(r"\b(?:number|total|tally|count)\s", re.IGNORECASE)
_NEEDS_TALLY = frozenset({_NUMBER_INJURED_LEFT, _NUMBER_KILLED_LEFT, _NUMBER_DISPLACED_LEFT,
                          _NUMBER_HELD_LEFT, _NUMBER_DEAD_HOSTAGES_LEFT, _TOTAL_LEFT})


_WEAK_WAR = re.compile(r"the\s+(?:attacks?|assault|raid|incursion)", re.IGNORECASE)
_DEAL_NOUN = re.compile(r"[\s-]+(?:exchange|swap|deal|release)s?\b", re.IGNORECASE)
