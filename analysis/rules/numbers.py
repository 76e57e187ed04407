"""Numbers as news reports write them: find them in text and read their value.

Handled forms::

    26,422 · 1,200 · 1.9 million · 2.3m · 15 000 (thin or plain space) · 240
    1,65,697 (Indian grouping)
    nine · twenty-five · three hundred and twelve · a hundred · a dozen · two dozen · half a million
    two thousand and 367 · 11 thousand and 88 (translated copy)
    dozens · scores · hundreds · thousands · tens of thousands · hundreds of thousands (vague)
    several thousand · a few hundred · several dozen (vague, valued like the plural)
    between 20 and 30 · 20 to 30 · 20-30 (ranges)

Vague plurals are lower bounds, valued as conflict-event coders do (ACLED's convention): the
smallest amount the word can mean as a unit: "dozens" 12, "scores" 20, "hundreds" 100,
"thousands" 1,000, "tens of thousands" 10,000, "hundreds of thousands" 100,000.

Ranges have ``low`` and ``high``; their ``value`` is ``low`` (the figure the text vouches for), so a
range reads as a lower bound with a known ceiling.

Word sequences ("three hundred and twelve", "twenty-five", "nine") are read by text2num's
``text2num``; what it cannot read (an article as "one": "a hundred"; "dozen"; digit-plus-scale
"1.9 million"; vague plurals, which ``alpha2digit`` wrongly turns into exact "100") is handled here.

>>> parse_number("1.9 million").value
1900000
>>> parse_number("a hundred").value
100
>>> parse_number("two dozen").value
24
>>> parse_number("tens of thousands").vague
True
>>> [m.value for m in find_numbers("killed 26,422 and wounded between 20 and 30")]
[26422, 20]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from analysis.rules.lexicon import NUMBER_WORDS, TENS_WORDS

UNIT_WORDS = NUMBER_WORDS  # zero to nineteen (analysis/rules/data/common_words.json)
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
               "billion": 1_000_000_000}
SCALE_ABBREVIATIONS = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# Vague plurals: lower bounds (value = the unit the plural counts in).
VAGUE_AMOUNTS = {
    "hundreds of thousands": 100_000,
    "several hundred thousand": 100_000,
    "several thousand": 1_000,
    "a few thousand": 1_000,
    "several hundred": 100,
    "a few hundred": 100,
    "several dozen": 12,
    "a few dozen": 12,
    "tens of thousands": 10_000,
    "thousands": 1_000,
    "hundreds": 100,
    "scores": 20,
    "dozens": 12,
    "millions": 1_000_000,
}

_WORD = "|".join(sorted([*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS], key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion"
# 26,422 · 15 000 · 1,65,697 (Indian grouping: lakh and crore) · 240 · 1.9
_DIGITS = (r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|"
           r"\d{1,3}(?: \d{3})+(?!\d|[,.]\d)|\d+)(?:\.\d+)?")  # ... · 30 000 (a plain space;
# "at 45 000, the ministry said", "reached 45 000.")
_WORD_SEQ = rf"(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*"
# one number: digits (+ scale), words (+ dozen), "a hundred", "a dozen", "half a million"
# "two thousand and 367", "11 thousand and 88": thousands, then the rest in digits (translated
# copy writes counts as the Arabic does)
_THOUSAND_AND = rf"(?:\d{{1,3}}|{_WORD_SEQ})\s+thousand\s+and\s+\d{{1,3}}(?![\d,.])"
_ONE = (
    rf"(?:{_THOUSAND_AND}"
    rf"|half\s+a\s+(?:{_SCALE})"
    rf"|(?:a|an)\s+(?:(?:{_SCALE})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*|dozen)"
    rf"|{_DIGITS}(?:\s*(?:{_SCALE})|(?:m|mn|bn|k)(?![\w]))?"
    rf"|{_WORD_SEQ}(?:\s+dozen)?"
    r"|dozen)"
)
_VAGUE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in VAGUE_AMOUNTS)


def _starts(words) -> str:
    """What a number can start with: a digit or the first two letters of one of `words` (the
    words every alternative of NUMBER_RE starts with; "a", one letter, stays one). A lookahead
    on them skips the hundred words at a place where no number starts ("the", "said": most
    places): the same matches, found faster."""
    heads = {re.escape(w.lower()[:2]).replace(r"\ ", r"\s") for w in words}
    return r"\d|" + "|".join(sorted(heads))


_NUMBER_STARTS = _starts([*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS, *VAGUE_AMOUNTS, "between",
                          "half", "a", "an", "dozen"])

NUMBER_RE = re.compile(
    rf"(?<![\w.,$€£])(?=(?:{_NUMBER_STARTS}))(?:"
    rf"(?P<between>between\s+(?P<b_low>{_ONE})\s+and\s+(?P<b_high>{_ONE}))"
    rf"|(?P<range>(?P<r_low>{_DIGITS})\s*(?:-|–|—|to)\s*(?P<r_high>{_DIGITS}(?:\s*(?:{_SCALE}))?))"
    rf"|(?P<vague>{_VAGUE})"
    rf"|(?P<one>{_ONE})"
    rf")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """A number found in text. ``start``/``end`` are offsets into the searched text."""

    text: str
    value: int
    start: int = 0
    end: int = 0
    low: int | None = None
    high: int | None = None
    vague: bool = False  # a vague plural: a lower bound
    words: bool = False  # written in words ("nine", "a hundred")

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


def _clean_digits(text: str) -> str:
    return re.sub(r"[,\u00a0\u202f\u2009\s]", "", text)


def words_to_int(text: str) -> int | None:
    """Read a number written in words; None if it is not one.

    >>> words_to_int("three hundred and twelve"), words_to_int("A hundred"), words_to_int("nine")
    (312, 100, 9)
    """
    words = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    multiplier = 1
    if words.endswith(" dozen") or words == "dozen":
        multiplier = 12
        words = words[: -len("dozen")].strip()
        if not words:
            return 12
    if words.startswith("half a "):
        scale = SCALE_WORDS.get(words[len("half a "):])
        return scale // 2 if scale else None
    if words in ("a", "an"):
        return multiplier
    words = re.sub(r"^(?:a|an) ", "one ", words)
    words = words.replace(" and ", " ")
    try:
        value = text2num(words, "en")
    except ValueError:
        value = _words_fallback(words)
    return None if value is None else value * multiplier


def _words_fallback(words: str) -> int | None:
    """Plain additive/multiplicative reading for what text2num refuses ("hundred thousand")."""
    total, current = 0, 0
    for word in words.split():
        if word in UNIT_WORDS:
            current += UNIT_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
    return total + current


def _one_value(text: str) -> tuple[int, bool] | None:
    """Value of one number (no range), and whether it was written in words."""
    stripped = text.strip()
    compound = re.fullmatch(r"(.+?)\s+thousand\s+and\s+(\d{1,3})", stripped, re.IGNORECASE)
    if compound:  # "two thousand and 367"
        thousands = _one_value(compound.group(1))
        return None if thousands is None else (thousands[0] * 1000 + int(compound.group(2)),
                                                 thousands[1])
    match = re.fullmatch(rf"({_DIGITS})\s*([a-z]+)?", stripped, re.IGNORECASE)
    if match:
        grouped = None if match.group(2) else _dot_grouped(match.group(1))
        number = grouped or float(_clean_digits(match.group(1)))
        scale_word = (match.group(2) or "").lower()
        scale = SCALE_WORDS.get(scale_word) or SCALE_ABBREVIATIONS.get(scale_word, 1)
        if match.group(2) and scale == 1:
            return None
        return round(number * scale), False
    value = words_to_int(stripped)
    return (value, True) if value is not None else None


def _dot_grouped(digits: str) -> int | None:
    """A count written with a dot between thousands ("37.347 Palestinians", "85.372"), or None.

    News from continental Europe and the Arab world groups thousands with a dot. Exactly three
    digits after the dot, and no scale word (checked by the caller), means grouping:
    a count of people is never a fraction. "1.9 million" and "2.5" are left as decimals.

    >>> _dot_grouped("37.347"), _dot_grouped("1.9"), _dot_grouped("1,200")
    (37347, None, None)
    """
    if re.fullmatch(r"\d{1,3}\.\d{3}", digits):
        return int(digits.replace(".", ""))
    return None


def parse_number(text: str) -> Number | None:
    """Parse one number expression (the whole of `text`), or None.

    >>> parse_number("26,422").value, parse_number("between 20 and 30").high
    (26422, 30)
    >>> parse_number("dozens").value, parse_number("hundreds of thousands").value
    (12, 100000)
    """
    match = NUMBER_RE.fullmatch(text.strip())
    return _from_match(match, 0) if match else None


def _from_match(match: re.Match, offset: int) -> Number | None:
    text = match.group(0)
    start, end = match.start() + offset, match.end() + offset
    if match.group("vague"):
        key = re.sub(r"\s+", " ", match.group("vague").lower())
        return Number(text, VAGUE_AMOUNTS[key], start, end, low=VAGUE_AMOUNTS[key],
                      vague=True, words=True)
    if match.group("between") or match.group("range"):
        low_text = match.group("b_low") or match.group("r_low")
        high_text = match.group("b_high") or match.group("r_high")
        high = _one_value(high_text)
        low = _one_value(low_text)
        if low is None or high is None:
            return None
        low_value, high_value = low[0], high[0]
        # "20 to 30 thousand": the scale of the high end applies to the low end
        if high_value >= 1000 and low_value < high_value / 1000 and not low[1]:
            scale = re.search(rf"({_SCALE})\s*$", high_text, re.IGNORECASE)
            if scale:
                low_value *= SCALE_WORDS[scale.group(1).lower()]
        if low_value > high_value and not re.search(r"\sto\s", text):
            return None
        if low_value > high_value:  # "revised down from 1,400 to 1,140": a fall, the new value
            return Number(text, high_value, start, end, low=low_value, high=high_value,
                          words=low[1])  # last (the reading takes `high` after "from")
        return Number(text, low_value, start, end, low=low_value, high=high_value,
                      words=low[1])
    one = _one_value(match.group("one"))
    if one is None:
        return None
    return Number(text, one[0], start, end, words=one[1])


def find_numbers(text: str) -> list[Number]:
    """Every number expression in `text`, left to right, with offsets into `text`.

    >>> [(n.text, n.value) for n in find_numbers("some 1,200 people and a hundred others")]
    [('1,200', 1200), ('a hundred', 100)]
    """
    found = []
    pos = 0
    while True:
        match = NUMBER_RE.search(text, pos)
        if match is None:
            return found
        pos = match.end()
        if (match.group("range") and re.search(r"\sto\s", match.group(0))
                and _MONTH_BEFORE.search(text, 0, match.start())):
            # "on Oct. 27 to 195": a day of the month, then a new number
            low = match.group("r_low")
            found.append(Number(low, int(_clean_digits(low)), match.start(),
                                match.start() + len(low)))
            pos = match.start() + len(low)
            continue
        number = _from_match(match, 0)
        split = _split_thousands(text, match)
        if split is not None:
            number, pos = split, split.end
        if number is not None:
            found.append(number)


# a count whose thousands a text extraction split off with a space ("the number of injured
# reached 94, 154", "was nearly 5 ,000"): only after a word that announces a count, never
# after a month ("October 7, 150 people") or inside a list ("aged 12, 150 and 300")
_SPLIT_GROUP = re.compile(r"(?:\s,|,\s)(\d{3})(?!\d|[.,]\d|\s*(?:,|and|or)\s*\d)")
_COUNT_WORD_BEFORE = re.compile(r"\b(?:reached|reaches|reach|to|at|was|is|hit|exceeded|exceeds|"
                                r"surpassed|surpasses|topped|tops|crossed|crosses|passed|passes|"
                                r"nearly|almost|over|about|around|some|than|"
                                r"approximately|stood|stands|of)\s*$", re.IGNORECASE)


def _split_thousands(text: str, match: re.Match) -> Number | None:
    """ "94, 154" read as 94,154 when a count word comes before it (see the pattern above).

    >>> [n.value for n in find_numbers("the number of injured reached 94, 154 since")]
    [94154]
    >>> [n.value for n in find_numbers("on October 7, 150 people")]
    [7, 150]
    """
    if not re.fullmatch(r"\d{1,2}", match.group(0)):
        return None
    group = _SPLIT_GROUP.match(text, match.end())
    if group is None or not _COUNT_WORD_BEFORE.search(text, 0, match.start()) \
            or _MONTH_BEFORE.search(text, 0, match.start()):
        return None
    return Number(text[match.start():group.end()], int(match.group(0) + group.group(1)),
                  match.start(), group.end())


_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$",
                           re.IGNORECASE)
