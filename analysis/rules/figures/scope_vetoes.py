"""Vetoes of counts of people that are not the war's tally: their scope is another one.

The wounded counted as they leave Gaza for treatment (an evacuation, not the injury toll) and
counts of a period that ended before the war ("During 2022 and the first eight months of 2023,
1,105 Palestinians were forced to leave their homes"), counts from a restart told without
"since" ("from March 18 this year until today"). Each a small function whose docstring
lists the phrases it drops and the ones it leaves. Fed by :mod:`.reading`,
:mod:`.toll_vetoes`; feeds :mod:`.vetoes`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.reading import _Reading, _Sentence
from analysis.rules.figures.toll_vetoes import _RESTART, _RESUMED, _WAR_START

# a movement of the wounded out of Gaza, in the count's clause
_EVACUATED_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:(?:have|has|had|were|was|are|is|been|being)\s+)*(?:evacuated|departed|"
    r"left\s+(?:the\s+)?(?:Gaza|Strip|enclave)|crossed\s+(?:into|through)|transferred\s+"
    r"(?:abroad|out|to\s+(?:Egypt|Jordan|hospitals?\s+abroad))|flown\s+(?:out|abroad|to)|"
    r"airlifted)\b|^[^.;]{0,120}?\b(?:for|to\s+seek|to\s+receive)\s+(?:medical\s+)?treatment\s+"
    r"abroad\b", re.IGNORECASE)
_EVACUATED_BEFORE = re.compile(r"\b(?:evacuat(?:ed|ing|ion\s+of)|airlift(?:ed|ing)|"
                               r"(?:allowed|permitted)\s+to\s+(?:leave|exit))\s+(?:\w+\s+){0,2}$",
                               re.IGNORECASE)


def _evacuated_wounded(s: _Sentence, r: _Reading) -> bool:
    """The wounded counted as they leave Gaza are an evacuation, not the injury toll: "a total
    of 403 wounded and ill individuals have departed the Gaza Strip via the Rafah crossing",
    "some 1,200 injured people were evacuated to Egypt", "the evacuation of 50 wounded", "to
    seek medical treatment abroad". Leaves "40,000 people have been wounded" and "the wounded
    number 59,604" (the toll)."""
    return r.metric == "injured" and bool(
        _EVACUATED_AFTER.match(r.after) or _EVACUATED_BEFORE.search(r.core_left))


_BEFORE_WAR_YEAR = r"(?:19\d\d|20(?:0\d|1\d|2[0-2]))"
# a period that ended before 7 October 2023 opening the count's sentence: "During 2022 and the
# first eight months of 2023,", "Between January 1 and October 6,", "In 2021,"
_PERIOD_OPENER = re.compile(
    rf"^\W*(?:during|in|throughout|between|from|over)\s+(?:[^,.;]{{0,60}}?\b{_BEFORE_WAR_YEAR}\b"
    r"(?!\s*[-–]\d)|(?:the\s+)?first\s+\w+\s+months\s+of\s+2023\b|jan(?:uary)?\.?\s+1\s+"
    r"(?:and|to|until)\s+oct(?:ober)?\.?\s+6\b)[^,.;]{0,60},\s*$", re.IGNORECASE)


def _period_before_war(s: _Sentence, r: _Reading) -> bool:
    """A count of a period that ended before the war, told by the sentence's opening: "During
    2022 and the first eight months of 2023, 1,105 Palestinians ... were forced to leave their
    homes", "Between January 1 and October 6, security forces killed 192". Leaves "In 2024,
    the toll passed 45,000" (a year of the war) and "Since October 7, 2023, 1,014 people have
    been displaced"."""
    return r.metric in ("killed", "injured", "displaced") and bool(
        _PERIOD_OPENER.search(r.core_left))


# a period named only by reference to one told before: "during the same period", "over this
# period" (not "in that time": "31 hostages have died in that time" after a count of the held)
_SAME_PERIOD = re.compile(r"\b(?:during|over|in|within)\s+(?:the\s+same|this|that)\s+"
                          r"(?:period|timeframe|time\s+frame|span)\b", re.IGNORECASE)


def _anaphoric_period(s: _Sentence, r: _Reading) -> bool:
    """A toll or displacement counted over a period the sentence names only by pointing back:
    "more than 7,000 injured in attacks ... across the occupied West Bank during the same
    period", "more than 700,000 people had been displaced or re-displaced during this period".
    The period is another count's (a month, a block, the West Bank's own tally), not the
    war's. Leaves "31 hostages have died in that time" and "During this time, 110 hostages
    were released" (hostages; no "period")."""
    if r.metric not in ("killed", "injured", "displaced"):
        return False
    clause_left = re.split(r"[;:]|\.\s", r.core_left)[-1]
    clause_right = re.split(r"[;:]|\.\s|,\s*(?:adding|saying|while|but)\b", r.after[:160])[0]
    return bool(_SAME_PERIOD.search(clause_left) or _SAME_PERIOD.search(clause_right))


# a span from a restart to now: "from March 18 this year until today", "from the ceasefire to
# date", "From March 18, 2025, to the present day" (the year after its comma belongs to the
# date, as in toll_vetoes' _SINCE; the anchor checked against the restarts and the war's start
# of :mod:`.toll_vetoes`)
_FROM_UNTIL_NOW = re.compile(r"\bfrom\s+(?P<what>[^,;.]{3,60}?(?:,\s*(?:19|20)\d\d\b)?),?\s+"
                             r"(?:until|till|to|up\s+to)\s+(?:today|now|date|the\s+present)\b",
                             re.IGNORECASE)
# an anaphoric anchor opening the count's sentence: "Since that date, 345 Palestinians ..."
_SINCE_THEN = re.compile(r"^\W*(?:since\s+(?:then|that\s+(?:date|day|time))|from\s+then\s+on)\b",
                         re.IGNORECASE)
_CEASEFIRE_WORD = re.compile(r"\b(?:ceasefire|cease-fire|truce|resum\w+|breach\w*|"
                             r"collaps\w+)\b", re.IGNORECASE)


def _count_from_restart(s: _Sentence, r: _Reading) -> bool:
    """A toll counted from a restart told in other words than "since": "from March 18 this
    year until today, 11,502 people have been killed and around 48,900 injured", "From March
    18, 2025, to the present day, 10,251 Palestinians have been martyred", and "Since
    that date, 345 Palestinians have been killed" when the sentence before names a ceasefire
    (and not the attack of 7 October). Leaves "from October 7, 2023 until today, 65,000
    killed" and "Since then" after the attack ("Since then, Israel's assaults have killed over
    67,000")."""
    if r.metric not in ("killed", "injured", "displaced"):
        return False
    left = s.text[:r.number.start]
    span = _FROM_UNTIL_NOW.search(left)
    if span and (_RESTART.search(span.group("what")) or _RESUMED.search(span.group("what"))) \
            and not _WAR_START.search(span.group("what")):
        return True
    return bool(_SINCE_THEN.search(left) and _CEASEFIRE_WORD.search(s.context)
                and not s.lexicon.oct7_re.search(s.context))


# the population a count is a share of: "half of the Palestinian population, totaling 2.3
# million, are seeking shelter", "a population of 2.2 million"
_POPULATION_BEFORE = re.compile(r"\bpopulation\s*(?:,\s*)?(?:totall?ing|numbering|of|"
                                r"estimated\s+at|put\s+at)?\s*$", re.IGNORECASE)


def _population_size(s: _Sentence, r: _Reading) -> bool:
    """A population's size is no count of the displaced or the dead, whatever the sentence
    says of a share of it: "half of the Palestinian population, totaling 2.3 million, are
    seeking shelter in Rafah", "its population of 2.2 million has been displaced". Leaves
    "1.9 million people, or 85 percent of the population, have been displaced"."""
    return r.metric in ("displaced", "killed", "injured") and bool(
        _POPULATION_BEFORE.search(r.core_left))


# a reaction to an event, right before the count: "an outpouring of grief and fury over six
# hostages killed", "protests over the deaths of", "outrage at 21 aid workers killed"
_REACTION_BEFORE = re.compile(r"\b(?:fury|anger|grief|outrage|sorrow|mourning|protests?|"
                              r"demonstrations?|shock|horror|uproar|outcry|condolences)\s+"
                              r"(?:over|at|about|for)\s+(?:the\s+)?$", re.IGNORECASE)


def _object_of_reaction(s: _Sentence, r: _Reading) -> bool:
    """People a reaction is about are an event's victims, not a count (and "over" is no
    hedge there): "tens of thousands of protesters ... in an outpouring of grief and fury over
    six hostages killed in the Gaza Strip". Leaves "over 60,000 people have been killed"."""
    return bool(_REACTION_BEFORE.search(r.left))


_RECEIVED_BEFORE = re.compile(r"\b(?:received|receives|receive)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _received_not_hostages(s: _Sentence, r: _Reading) -> bool:
    """ "received" is a release only of hostages handed back: "Israel has received 25 living
    Israeli hostages", "it received 12 more hostages from Gaza"; hospitals receive the dead
    and the wounded ("hospitals in Gaza received 459 wounded individuals", "received 32
    martyrs in 24 hours"), which are no release."""
    return r.metric.endswith("_released") and r.np.kind != "hostage" and not r.np.foreign \
        and bool(_RECEIVED_BEFORE.search(r.core_left))


# the people a deal names for release, described after their count: "the 33 hostages
# mentioned in the first phase of the agreement", "33 hostages set for release", "26 hostages
# originally scheduled to be released by Hamas in the first phase"
_DEAL_LIST = (r"\s*,?\s*(?:(?:who|that)\s+(?:are|were)\s+)?(?:initially\s+|originally\s+|first\s+)?"
              r"(?:(?:mentioned|listed|named|included|set|slated|scheduled|due|expected|supposed|"
              r"promised|meant|earmarked|designated)\b[^.;\d]{0,30}?\b(?:release|released|freed|"
              r"phase|deal|agreement|list)\b|to\s+be\s+(?:released|freed|returned|handed))")
_DEAL_LIST_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?(?:hostages|captives|abductees)"
                              rf"{_DEAL_LIST}", re.IGNORECASE)
_PART_OF_DEAL_LIST = re.compile(rf"^\s+(?:out\s+)?of\s+(?:the\s+)?[\d,]+\s+(?:[\w-]+\s+){{0,2}}?"
                                rf"(?:hostages|captives|abductees){_DEAL_LIST}", re.IGNORECASE)
_AMONG_DEAL_LIST = re.compile(rf"\b(?:among|of|out\s+of)\s+(?:the\s+)?(?:remaining\s+)?[\d,]+\s+"
                              rf"(?:[\w-]+\s+){{0,2}}?(?:hostages|captives|abductees){_DEAL_LIST}"
                              r"[^.;\d]{0,80},\s*$", re.IGNORECASE)
_AMONG_START = re.compile(r"\b(?:among|of|out\s+of)\s+(?:the\s+)?(?:remaining\s+)?$",
                          re.IGNORECASE)


def _deal_list(s: _Sentence, r: _Reading) -> bool:
    """The hostages a deal names for release, and the dead or the living among them, are
    the deal's list, not the held count: "eight of the 33 hostages mentioned in the first
    phase of the agreement have died" (neither 8 nor 33), "among the remaining 26 hostages
    originally scheduled to be released in the first phase, eight have died" (neither).
    Leaves "eight of the 59 hostages still held have died" (the held and their dead)."""
    if not r.metric.startswith("hostages_") or r.metric == "hostages_released":
        return False
    if _PART_OF_DEAL_LIST.match(r.right) or (_AMONG_START.search(r.core_left)
                                             and _DEAL_LIST_AFTER.match(r.right)):
        return True
    return r.np.kind in (None, "pronoun") and bool(_AMONG_DEAL_LIST.search(r.core_left))


# the remains named after the living in one release: "the release of 10 living hostages and
# the remains of 18 others", "Hamas freed 20 hostages and the bodies of four"
_REMAINS_IN_RELEASE = re.compile(r"\b(?:(?:release|return|freeing|handover|hand-over)\s+of|"
                                 r"releas(?:ed?|es|ing)|fre(?:ed?|es|eing)|return(?:ed|s|ing)?|"
                                 r"hand(?:ed|s|ing)?\s+over)\s+[^.;]{0,80}?\band\s+(?:the\s+)?"
                                 r"(?:bodies|remains)\s+of\s*$", re.IGNORECASE)


def _remains_in_release(s: _Sentence, r: _Reading) -> bool:
    """The remains named with the living in one release, done or planned, are bodies handed
    over, not the dead still held: "a framework that includes the release of 10 living
    hostages and the remains of 18 others held by Hamas". Leaves "Hamas still holds 20
    living hostages and the remains of 28" (no release: the dead held)."""
    return r.metric == "hostages_dead" and bool(_REMAINS_IN_RELEASE.search(r.core_left))


# a family's members: "his wife and two children", "her three sons", "their two daughters"
_FAMILY_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:(?:wife|husband|mother|father|partner|"
                            r"sister|brother)\s+and\s+)?$", re.IGNORECASE)


def _family_members(s: _Sentence, r: _Reading) -> bool:
    """A family's members are people of one story, not a count: "Shoham was abducted along
    with his wife and two children, who were freed in November 2023", "his wife and two
    daughters were killed". Leaves "their 59 loved ones" (no family word: a count) and
    "the families of 81 hostages"."""
    return r.np.kind in ("subgroup", "person", None) and bool(_FAMILY_BEFORE.search(r.core_left))
