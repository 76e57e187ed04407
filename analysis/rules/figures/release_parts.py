"""Vetoes of the parts of a release day: a day's release told in parts (by name, by
destination, by what happened to the freed next), each a part of a count stated before, not
a release count of its own. Used by :mod:`.vetoes` (in `_METRIC_VETOES`).
"""

from __future__ import annotations

import re

from analysis.rules.figures.reading import _QUANTITY_OF, _Reading, _Sentence
from analysis.rules.numbers import find_numbers


def _part_of_the_released(s: _Sentence, r: _Reading) -> bool:
    """A part of a definite group said released, with no whole stated: "Eighty-eight of the
    Palestinian prisoners were released onto buses", "12 of the freed hostages were taken to
    hospital": a part of the day's release, not a release of its own. Leaves "36 of the 128
    remaining hostages were released" (the whole is stated: the part-whole rules read it),
    "Hamas released 24 of the hostages" (the verb comes first) and "25 of the hostages are
    dead" (no release)."""
    if not r.metric.endswith("_released") or not r.np.of_the or r.part_of:
        return False
    if r.left_trigger is None:
        return r.right_trigger is not None
    earlier = _released_counts(s.context + " " + s.earlier)  # "Hamas freed eight hostages
    # on Thursday ... Hamas released seven of the hostages in front of the home of its slain
    # leader": a part of the day's eight
    return any(_same_side(count, r) for count in earlier)


# a partitive of people already freed: "eight of the released hostages", "five of the freed
# prisoners", "two of those returned"
_OF_THE_FREED = re.compile(r"\bof\s+(?:the|those)\s+(?:[\w-]+\s+)?(?:released|freed|returned|"
                           r"returning|rescued|former)\b", re.IGNORECASE)


def _part_of_the_freed(s: _Sentence, r: _Reading) -> bool:
    """A part of people already freed, told by what happened to them next: "Eight of the
    released hostages - four women and four children - arrived at Schneider" (a part by
    hospital, not a release). Leaves "Hamas released 24 of the hostages" (a release verb
    before: the rule of parts with a verb reads it)."""
    return r.metric.endswith("_released") and r.np.of_the and not r.left_trigger and bool(
        _OF_THE_FREED.search(r.right[:r.np.end]))


# a count sent to a place: "with 107 being sent to Ramallah", "and 16 to Gaza", "12 were
# deported to Egypt" (a capital letter after "to": not "to be freed")
_TO_A_PLACE = re.compile(r"^\s*(?:(?:of\s+them|others?)\s+)?(?:(?:were|was|being|been|are)\s+)?"
                         r"(?:(?:sent|deported|transferred|bused|taken|exiled|released|freed)\s+)?"
                         r"(?:to|into)\s+(?:the\s+)?[A-Z]")


def _part_by_destination(s: _Sentence, r: _Reading) -> bool:
    """A part of a day's release told by where it went: "Israel released a total of 200
    prisoners, with 107 being sent to Ramallah, five to Jerusalem and 16 to Gaza" (parts of
    the 200). Leaves "Israel released 90 prisoners to Ramallah" (no larger count before) and
    "... 70 were to be freed" (no place)."""
    if not r.metric.endswith("_released") or not _TO_A_PLACE.match(r.after):
        return False
    earlier = _released_counts(s.context + " " + s.earlier + " " + r.left)
    return any(_same_side(count, r) for count in earlier)


# a release count in a sentence: "freed eight hostages", "released 183 Palestinian prisoners"
_RELEASE_COUNT = re.compile(r"\b(?:freed|released|handed\s+over|frees|releases|releasing|"
                            r"freeing)\s+(?:a\s+total\s+of\s+)?"
                            r"(?:(?:some|about|around|nearly|more\s+than|over|at\s+least)\s+)?"
                            r"(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                            r"eleven|twelve|thirteen)\s+(?:[\w-]+\s+)?(?P<noun>hostages|captives|"
                            r"prisoners|detainees|israelis|palestinians)\b", re.IGNORECASE)


def _released_counts(text: str) -> list:
    """The release counts a sentence states, as (number, noun) pairs (for a part of them told
    next)."""
    return [(number, match.group("noun").lower()) for match in _RELEASE_COUNT.finditer(text)
            for number in find_numbers(match.group("n"))]


def _same_side(count: tuple, r: _Reading) -> bool:
    """Does an earlier release count free the same side as this reading's metric?"""
    hostages = count[1] in ("hostages", "captives", "israelis")
    return count[0].value > r.value and hostages == r.metric.startswith("hostages")


# a release participle, then a finite predicate of another kind in the same clause: "five
# prisoners released in Ramallah were taken straight to hospital"
_RELEASED_THEN_OTHER = re.compile(
    r"^\s*(?:released|freed|set\s+free)\b[^,;.:]{0,80}?(?:\b(?:were|was|are|is|have|has|had)\s+"
    r"(?!(?:also\s+|then\s+|later\s+)?(?:been\s+|being\s+)?(?:released|freed|set\s+free|"
    r"returned|handed|exchanged|swapped|let\s+go)\b)[a-z]|\b(?:arrived|landed|reached|reunited)\b)",
    re.IGNORECASE)  # (also "Two Thai hostages released by Hamas arrived at the hospital")


def _released_described(s: _Sentence, r: _Reading) -> bool:
    """People described as released, the subject of another predicate: "five Palestinian
    prisoners released in Ramallah were taken straight to hospital", "12 hostages freed on
    Friday were in good health" (a part of the day's release, not a release count). Leaves
    "105 hostages seized in the attack were freed" and "30 prisoners released on Sunday"
    (no other predicate)."""
    return r.metric.endswith("_released") and not r.left_trigger and not r.part_of and \
        not _QUANTITY_OF.search(r.core_left) and bool(_RELEASED_THEN_OTHER.match(r.after))
    # (not "Some of the 1,968 detainees freed on Monday were sent into exile": the part's)


# people named right after a count: ", Yarden Bibas, 35, and Ofer Kalderon" (not ", Hamas
# said" or ", Red Cross officials said")
_NAMES_AFTER = re.compile(r"^\s*(?:,|:|\s[–—-])\s*(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+"
                          r"\s*(?:,|\band\b)")


def _named_part_of_release(s: _Sentence, r: _Reading) -> bool:
    """A part of a release day's hostages, told by name: "Hamas freed two of the hostages,
    Yarden Bibas, 35, and Ofer Kalderon, 54, in Khan Younis" (the third was freed elsewhere:
    the day's count is given apart). Leaves "Hamas released 24 of the hostages" (no names)
    and "Hamas released three hostages, Eli Sharabi, Ohad Ben Ami and Or Levy" (no "of the":
    the day's whole count)."""
    return r.metric.endswith("_released") and r.np.of_the and not r.part_of and bool(
        _NAMES_AFTER.match(r.after))
