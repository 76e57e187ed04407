"""Word tables and pattern fragments every date rule shares: weekday and month names, tense
words, the numbers of durations ("three", "fourth"), :class:`ResolvedDate`. Fed by
:mod:`analysis.rules.lexicon`; feeds every other module of the package.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis.rules.lexicon import MONTH_NAMES, MONTHS, NUMBER_WORDS, TENS_WORDS

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}


# Full weekday names only are searched for in running text (abbreviations are too ambiguous).
WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


# MONTHS (name or abbreviation -> number) and MONTH_NAMES come from analysis.rules.lexicon.

# Part-of-month words -> (first day, last day); None = the month's last day.
PART_OF_MONTH = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10), "first days": (1, 10),
    "mid": (11, 20), "middle": (11, 20),
    "late": (21, None), "end": (21, None), "close": (21, None), "last days": (21, None),
}


# Words in an expression that settle its tense by themselves.
FUTURE_WORDS = {"next", "coming", "upcoming", "following", "tomorrow", "later"}


PAST_WORDS = {"last", "past", "ago", "previous", "previously", "earlier", "yesterday", "recent"}


# Sentence-level markers of a future or planned event (for :func:`tense_of`).
FUTURE_MARKERS = re.compile(
    r"\b(will|won't|shall|'ll|is|are|was|were)\b(?:\s+\w+){0,2}?\s*\b(?:expected|scheduled|set|due|"
    r"slated|planned|poised|going)\s+to\b|\bwill\b|\bwon't\b|\bshall\b|\bplans?\s+to\b|"
    r"\bplanning\s+to\b|\bwould\s+(?:meet|travel|hold|host|visit|head|join|attend|occur|"
    r"happen|take\s+place|be\s+(?:released|freed|handed\s+over|signed|held))\b|"
    r"\bto\s+(?:meet|travel|hold|host|visit|head)\b.*\b(?:next|coming|upcoming)\b|"
    r"\b(?:expected|scheduled|slated|due)\b|\blikely\s+to\b|"
    r"\binvited\b[^.]{0,60}\bfor\s+(?:a\s+)?(?:meeting|talks|visit)\b|"
    # round 9: "A total of 369 imprisoned Palestinians are to be released"
    r"\b(?:is|are)\s+to\s+be\s+(?:released|freed|handed\s+over|held|signed|transferred|"
    r"returned)\b",
    re.IGNORECASE,
)


# A conditional clause before a date speaks of what may come ("if the hostages are not
# released prior to January 20", "the truce would halt fighting until March 31"); not a past
# perfect ("would have", "had").
CONDITIONAL = re.compile(r"\b(?:if|unless|would|could|should|must)\b(?!\s+have\b)",
                         re.IGNORECASE)


# ... but "would" in reported speech ("the army told residents it would not strike on
# Sunday") is the future of the statement, which may lie before the report.
REPORTED_WOULD = re.compile(r"\b(?:said|told|announced|warned|stated|added|promised|pledged|"
                            r"vowed)\b[^.;]*\bwould\b", re.IGNORECASE)


# An extension or a stay in the present "until" a date: the date is to come ("wants an
# extension of the truce's first phase until mid-April", "will stay in Doha until Tuesday");
# not "the truce held until March 1" or "remained closed until May".
EXTEND_UNTIL = re.compile(r"\b(?:extension|extend|extending|prolong|prolonging|remain|remains|"
                          r"stay|stays|continue|continues)\b[^.;]{0,80}\b(?:until|till)\s+$",
                          re.IGNORECASE)


# A present-tense verb of a schedule right before a date: the date is still to come ("which
# begins on March 10", "the truce expires on Saturday", "is due on Monday").
SCHEDULED = re.compile(r"\b(?:begins|starts|ends|expires|opens|kicks\s+off|is\s+due|are\s+due|"
                       r"falls|(?:enters|takes|assumes)\s+office|is\s+sworn\s+in|"
                       r"is\s+inaugurated|takes\s+effect|comes\s+into\s+effect)\s+"
                       r"(?:on\s+|at\s+|in\s+)?(?:the\s+)?$", re.IGNORECASE)


# Round 9: the day of a meeting one is invited to ("Trump has invited Netanyahu to the White
# House for a meeting on February 4", "had invited Netanyahu for a meeting at the White House
# on February 4"): the invitation is told in the past, the meeting is to come (two reports
# of 28 January 2025 were put after 4 February, their windows missing the truth).
INVITED_FOR = re.compile(r"\binvit(?:ed|es|ing)\b[^.;]{0,100}?\b(?:meeting|visit|talks|summit|"
                         r"dinner|trip)\b[^.;]{0,40}?\b(?:on|for)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedDate:
    """One date expression resolved against a report date.

    `date` is the day, or the first day of a span; `end` the last day (equal to `date` for a
    single day). `precision` is 'day', 'week' (weeks, weekends) or 'month' (months and parts
    of months); None when nothing could be resolved. `planned` marks future references
    ("will meet on Sunday", "in the coming days").
    """

    text: str
    date: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None
    planned: bool = False

    @property
    def resolved(self) -> bool:
        return self.date is not None


_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))


_MONTH_NAME_ALT = "|".join(name.capitalize() for name in MONTH_NAMES)


_WEEKDAY_ALT = "|".join(WEEKDAY_NAMES)


_MONTH = rf"(?:{_MONTH_ALT})\.?"


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


_YEAR = r"(?:19|20)\d{2}"


_PART = (r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|close)"
         r"(?:\s+of)?[\s-]*|(?:the\s+)?(?:first|last)\s+days\s+of\s+)")


# counts in "three days ago", "the fourth month" (several, few: a count of no known size)
_NUM_WORDS = {"one": 1, "a": 1, "an": 1,
              **{word: n for word, n in NUMBER_WORDS.items() if n >= 2},
              "twenty": TENS_WORDS["twenty"], "several": None, "few": None}


_NUM = r"(?:\d{1,3}|" + "|".join(k for k in _NUM_WORDS if k not in {"several", "few"}) + ")"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("–", "-"))


def _expression_tense(low: str) -> str | None:
    words = set(re.findall(r"[a-z]+", low))
    if words & FUTURE_WORDS:
        return "future"
    if words & PAST_WORDS:
        return "past"
    return None


# Ordinal durations: "the war, now in its fifth month", "the 100th day of the war", "the
# war's fourth week": the report lies within that unit (qualifier "ordinal").
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
             "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20}


def _ordinal(word: str) -> int | None:
    word = word.lower()
    return _ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else None)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUM_WORDS.get(word)
