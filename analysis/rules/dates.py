"""Find date expressions in news text and resolve them against an article's report date.

>>> import datetime as dt
>>> sunday = dt.date(2024, 1, 28)
>>> resolve("on Tuesday", sunday).date
datetime.date(2024, 1, 23)
>>> resolve("this Sunday", sunday).date          # the report day itself, not a week earlier
datetime.date(2024, 1, 28)
>>> resolve("Nov. 9", sunday).date               # no year: the last Nov 9 on/before the report
datetime.date(2023, 11, 9)
>>> r = resolve("the end of November", sunday); (r.date, r.end, r.precision)
(datetime.date(2023, 11, 21), datetime.date(2023, 11, 30), 'month')
>>> resolve("in the coming days", sunday).planned
True
>>> [t for _, _, t in find_dates("Met on Tuesday, after talks on Nov 9.")]
['on Tuesday', 'Nov 9']

Two public functions:

- :func:`find_dates` locates date expressions (regular expressions built from the word tables
  below) and returns ``(start, end, text)`` spans;
- :func:`resolve` turns one expression into a :class:`ResolvedDate` (a day, or a week/month span,
  and whether it refers to the future).

``dateparser`` (with ``RELATIVE_BASE`` = report date and ``PREFER_DATES_FROM`` from the tense)
resolves day-level forms: month-day in any order, explicit years, ``yesterday``, ``today``,
``N days ago``. Our own rules cover what it gets wrong or cannot do (tests/test_dates.py shows
each case):

- a weekday named in a report published on that weekday ("met on Sunday" in a Sunday report,
  "this Sunday"): dateparser returns the day a week earlier; we return the report day;
- weekday with future tense on the same weekday: dateparser is right (next week), we agree;
- spans: "last week", "this week", "this weekend", "overnight Monday-Tuesday", "the end of
  November", "early January", "mid-February", "November 2023": dateparser returns None or a
  single day (``last week`` -> the day seven days earlier), we return the span;
- "the coming days", "the next few weeks": dateparser returns None; we mark them planned;
- month-day in a future-tense sentence ("will meet on Feb 3" in a January report) follows
  PREFER_DATES_FROM=future; in past or unknown tense the year is the report year, or the year
  before when that date would lie after the report date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.rules.lexicon import MONTH_NAMES, MONTHS, NUMBER_WORDS, TENS_WORDS

# --- word tables -------------------------------------------------------------------------

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
    r"\binvited\b[^.]{0,60}\bfor\s+(?:a\s+)?(?:meeting|talks|visit)\b",
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


# --- finding ---------------------------------------------------------------------------------

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

# The remains of hostages still held, told in the date text itself (the figures may miss
# them): "the remains of 12 hostages remain in Gaza", "still holds the bodies of 11
# hostages", "four more bodies are still being held", "leaving two deceased hostages in
# Gaza". Kind "remains" with the count; "a"/"an" are no count here.
_COUNT = r"(?:\d{1,2}|" + "|".join(k for k, v in _NUM_WORDS.items()
                                   if v and k not in {"a", "an"}) + ")"
_DEAD = r"(?:deceased\s+|dead\s+|slain\s+|fallen\s+|killed\s+)?"
_REMAINS = re.compile(
    rf"\b(?:remains|bodies)\s+of\s+(?:the\s+)?(?:last\s+|remaining\s+)?(?P<n>{_COUNT})\s+"
    rf"(?:more\s+|other\s+)?{_DEAD}(?:Israeli\s+)?(?:hostages|captives)\s+(?:still\s+)?"
    rf"(?:remain|are\s+still|are\s+believed|are\s+being\s+held|held|in\s+Gaza|left)"
    rf"|\b(?:still\s+)?(?:holds?|holding|has|have)\s+(?:the\s+)?(?:bodies|remains)\s+of\s+"
    rf"(?:the\s+)?(?:last\s+|remaining\s+)?(?P<n2>{_COUNT})\s+(?:more\s+|other\s+)?{_DEAD}"
    rf"(?:Israeli\s+)?(?:hostages|captives)"
    rf"|\b(?P<n3>{_COUNT})\s+(?:more\s+|other\s+)?(?:bodies|(?:deceased|dead|slain|fallen)\s+"
    rf"(?:hostages|captives))\s+(?:are\s+|were\s+)?(?:still\s+)(?:being\s+held|held|in\s+Gaza|"
    rf"remain)"
    rf"|\bleav(?:es|ing)\s+(?:only\s+|just\s+)?(?P<n4>{_COUNT})\s+(?:more\s+)?{_DEAD}"
    rf"(?:hostages|captives|bodies)\s+(?:still\s+)?(?:in\s+Gaza|unaccounted|held)"
    # "with 13 more still to be recovered", "bring the number of bodies in Gaza down to two"
    rf"|\b(?:with|leaving)\s+(?P<n5>{_COUNT})\s+(?:more\s+|other\s+)?(?:bodies\s+|{_DEAD}"
    rf"hostages\s+)?(?:still\s+|yet\s+)?to\s+be\s+(?:recovered|returned|handed\s+over|repatriated)"
    rf"|\bbring(?:s|ing)?\s+the\s+number\s+of\s+(?:bodies|{_DEAD}hostages)\s+(?:still\s+)?"
    rf"(?:held\s+)?(?:in\s+Gaza\s+)?down\s+to\s+(?P<n6>{_COUNT})\b"
    # "returned the remains of seven of 28 known deceased hostages": 28 - 7 still held
    rf"|\b(?:returned|handed\s+(?:over|back)|released|transferred)\s+(?:the\s+)?(?:remains|"
    rf"bodies)\s+of\s+(?P<back>{_COUNT})\s+(?:of|out\s+of)\s+(?:the\s+)?28\b",
    re.IGNORECASE)
# the deceased hostages the October 2025 agreement had Hamas return
DECEASED_OCT_2025 = 28


_REMAINS_WORD = re.compile(r"bod(?:y|ies)|remains|deceased|dead|slain|fallen", re.IGNORECASE)
_MARK_WORD = re.compile(r"\bmark", re.IGNORECASE)
_CAPTIVITY_WORD = re.compile(r"captiv|hostage", re.IGNORECASE)
_WORD_OR_DAY = re.compile(r"[A-Za-z]+|\d{1,2}")


# ... not when a verb of bringing back stands right before ("recovered the bodies of two
# hostages held in the Gaza Strip": a count recovered, not one still held)
_RETURNED_BEFORE = re.compile(r"\b(?:recover|retriev|return|repatriat|receiv|identifi|"
                              r"handed\s+(?:over|back)|brought\s+(?:back|home))\w*\s+"
                              r"(?:the\s+)?$", re.IGNORECASE)


def _remains_mentions(text: str) -> list[dict]:
    """Counts of hostages' remains still held (:data:`_REMAINS`), kind "remains"."""
    if not _REMAINS_WORD.search(text):
        return []
    out = []
    for match in _REMAINS.finditer(text):
        if not match.group("back") and _RETURNED_BEFORE.search(text, max(0, match.start() - 40),
                                                               match.start()):
            continue   # "Israel has recovered the bodies of two hostages held in Gaza"
        if (match.group("n5") or match.group("n6")) and not _CAPTIVITY_WORD.search(
                text, max(0, match.start() - 400), match.start()):
            continue   # (bodies under the rubble: no hostages named before)
        word = next(g for g in match.group("n", "n2", "n3", "n4", "n5", "n6", "back") if g)
        count = _number(word)
        if count is not None and match.group("back"):
            count = DECEASED_OCT_2025 - count
        if count is not None:
            out.append({"text": match.group(0), "start_char": match.start(),
                        "end_char": match.end(), "kind": "remains", "count": count,
                        "returned": bool(match.group("back"))})
    return out


# Order matters: longer, more specific forms first; matches never overlap.
_PATTERNS = [
    ("iso", rf"\b{_YEAR}-(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9])\b|"
            rf"\b(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-9]|1[0-2])/{_YEAR}\b"),
    ("part_month", rf"\b{_PART}(?:{_MONTH_ALT})\b\.?(?:,?\s+{_YEAR}\b)?"),
    ("month_day", rf"\b(?:{_MONTH_ALT})\b\.?\s+{_DAY}\b(?:(?:,\s*|\s+){_YEAR}\b)?"),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?(?:{_MONTH_ALT})\b\.?(?:,?\s+{_YEAR}\b)?"),
    ("month_year", rf"\b(?:{_MONTH_ALT})\b\.?\s+(?:of\s+)?{_YEAR}\b"),
    ("overnight", rf"\b(?:overnight\s+(?:from\s+)?(?:{_WEEKDAY_ALT})\s*(?:-|–|to|into)\s*"
                  rf"(?:{_WEEKDAY_ALT})|(?:{_WEEKDAY_ALT})\s+night\s+(?:into|to)\s+(?:{_WEEKDAY_ALT}))\b"),
    ("weekday", rf"\b(?:(?:later\s+on|later|on|last|this|next|coming|past|previous|late|early|"
                rf"since|until|by)\s+)?"
                rf"(?:{_WEEKDAY_ALT})(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("relative", r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
                 r"this\s+(?:morning|afternoon|evening)|last\s+night|earlier\s+today|"
                 r"(?:last|this|next|past|coming|previous)\s+(?:week|weekend|month)|"
                 r"(?:over|during|on)\s+the\s+weekend|"
                 rf"{_NUM}\s+(?:days?|weeks?|months?)\s+ago)\b"),
    ("coming", r"\b(?:in\s+)?(?:the\s+)?(?:coming|next\s+few|next|following|upcoming)\s+"
               r"(?:few\s+)?(?:days|weeks|hours)\b|\b(?:in\s+)?recent\s+(?:days|weeks)\b"),
    # (not "since October 10": the month and its day, found as month_day)
    ("bare_month", r"\b(?:in|since|until|by|during|last|this|next|early|late)\s+"
                   rf"(?:{_MONTH_NAME_ALT})\b(?!\.?\s+{_DAY}\b)(?:,?\s+(?:19|20)\d{{2}}\b)?"),
]
_FINDER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS),
                     re.IGNORECASE)


# Cheap pre-filter: the big patterns only run in windows around one of these words.
_TRIGGER_WORDS = frozenset(
    list(MONTHS) + WEEKDAY_NAMES + ["yesterday", "today", "tonight", "tomorrow", "night",
                                    "morning", "afternoon", "evening", "day", "days", "week",
                                    "weeks", "weekend", "month", "months", "year", "years",
                                    "ago", "hours"])
_WORD = re.compile(r"[A-Za-z]+")
_ISO_TRIGGER = re.compile(r"\d{4}-\d")
_BEFORE, _AFTER = 48, 24  # characters of context a match may need around its trigger word


def _segments(text: str) -> list[tuple[int, int]]:
    """Merged windows of text around trigger words, where a date expression can be."""
    hits = [m.start() for m in _WORD.finditer(text) if m.group().lower() in _TRIGGER_WORDS]
    hits += [m.start() for m in _ISO_TRIGGER.finditer(text)]
    segments: list[list[int]] = []
    for pos in sorted(hits):
        start, end = max(0, pos - _BEFORE), min(len(text), pos + _AFTER + 16)
        if segments and start <= segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], end)
        else:
            segments.append([start, end])
    return [(a, b) for a, b in segments]


def _finditer(pattern: re.Pattern, text: str, segments=None):
    """pattern.finditer over the trigger windows only (same matches, much cheaper)."""
    if segments is None:
        segments = _segments(text) if len(text) > 400 else [(0, len(text))]
    for start, end in segments:
        yield from pattern.finditer(text, start, end)


def _month_word(found: str) -> str:
    """The month of a bare-month match ("in May" -> "May", "in March 2025" -> "March")."""
    return re.sub(r"[\s,]+\d{4}$", "", found).split()[-1]


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Date expressions in `text` as (start, end, text) spans, in order, non-overlapping.

    >>> find_dates("Talks resumed on Wednesday in Cairo.")
    [(14, 26, 'on Wednesday')]
    """
    spans = []
    for match in _finditer(_FINDER, text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "bare_month":
            month = _month_word(match.group(0))
            if not month[0].isupper() or (month == "May" and re.match(
                    r"\s+(?:be|have|not|also|still|well|need)\b", text[end:])):
                continue  # lower-case "may" or "in May be..." is the verb, not a month
        spans.append((start, end, match.group(0)))
    return spans


def find_dates_typed(text: str, segments=None) -> list[tuple[int, int, str, str]]:
    """Like :func:`find_dates` with the kind of each match (iso, month_day, weekday, ...)."""
    return [(m.start(), m.end(), m.group(0), m.lastgroup)
            for m in _finditer(_FINDER, text, segments)]


def tense_of(sentence: str) -> str:
    """'future' when the sentence speaks of a planned event (will, expected to, scheduled...),
    else 'past'.

    >>> tense_of("Burns will meet the Qatari prime minister on Sunday.")
    'future'
    >>> tense_of("Burns met the Qatari prime minister on Sunday.")
    'past'
    """
    return "future" if FUTURE_MARKERS.search(sentence) else "past"


# The commas of a list of three names or more ("will visit Egypt, Israel, Jordan and Qatar from
# Monday to Wednesday") do not close a clause; a single one does ("Israel will send a
# delegation, Egypt and Qatar said on Monday").
LIST_OF_NAMES = re.compile(r"(?:,\s+[A-Z][\w'’-]*){2,}\s+and\s+[A-Z][\w'’-]*")


def local_tense(sentence: str, start: int, end: int) -> str:
    """The tense governing a date expression at sentence[start:end]: the clause up to the
    expression (the verb usually precedes it: "will meet on Sunday", "told AFP on Friday that
    ... will"); for an expression opening the sentence ("On Wednesday, talks were held"), the
    clause after it. Expressions that carry their own tense ("next week") keep it.

    >>> s = "A source told AFP on Friday that Burns will hold talks in the coming days."
    >>> local_tense(s, 18, 27), local_tense(s, 55, 73)
    ('past', 'future')
    """
    own = _expression_tense(_norm(sentence[start:end]))
    if own:
        return own
    before = LIST_OF_NAMES.sub(lambda m: m.group(0).replace(",", " "), sentence[:start])
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind(" that "),
                       before.rfind("“"), before.rfind('"'))
    left = before[clause_start + 1:] if clause_start >= 0 else before
    if SCHEDULED.search(left) or EXTEND_UNTIL.search(left):  # "which begins on March 10",
        return "future"   # "wants an extension of the first phase until mid-April"
    own_line = left.split("\n")[-1]   # (a headline the parser joined is no clause of it)
    if CONDITIONAL.search(own_line) and not re.search(r"\bhad\b", own_line) and \
            not REPORTED_WOULD.search(own_line):
        return "future"   # "the truce would halt fighting until ... March 31"
    if _past_event_after_future(left):
        return "past"
    if len(left.split()) <= 1:  # the date opens its clause: read the clause that follows
        after = sentence[end:]
        stop = min([i for i in (after.find(";"), after.find(" that ")) if i >= 0] +
                   [len(after)])
        return tense_of(after[:stop])
    return tense_of(left + sentence[start:end])


_AFTER_EVENT = re.compile(r"\b(?:after|since|following|in\s+the\s+wake\s+of)\s+(?:the\s+)?"
                          r"(?:\w+\s+){0,2}(?:killing|death|assassination|rescue|release|"
                          r"collapse|end|start|attack|strike|announcement|approval|signing)\b",
                          re.IGNORECASE)


# "since" after the future verb opens a clause of the past ("This will be the fourth exchange
# since the ceasefire agreement took effect on January 19th").
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?[a-z]", re.IGNORECASE)


def _past_event_after_future(left: str) -> bool:
    """A date closing "... expected to meet after the killing of Sinwar on October 16" or
    "... will be the fourth exchange since the truce took effect on January 19": the date
    belongs to the past event named after the future verb, not to the plan."""
    ends = [m.end() for m in FUTURE_MARKERS.finditer(left)]
    return bool(ends) and bool(_AFTER_EVENT.search(left, ends[-1]) or
                               _SINCE.search(left, ends[-1]))


# --- resolving --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("–", "-"))


def _expression_tense(low: str) -> str | None:
    words = set(re.findall(r"[a-z]+", low))
    if words & FUTURE_WORDS:
        return "future"
    if words & PAST_WORDS:
        return "past"
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None, prefer: str) -> dt.date | None:
    """dateparser on one expression; None when it cannot say."""
    import dateparser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def _pick_year(month: int, first_day: int, report_date: dt.date, tense: str | None) -> int:
    """The year of a month(-day) without a year: the report year, or the year before when the
    date would lie after the report (past or unknown tense), or the year after when it would
    lie before (future tense)."""
    year = report_date.year
    last = calendar.monthrange(year, month)[1]
    candidate = dt.date(year, month, min(first_day, last))
    if tense == "future":
        month_end = _month_end(year, month)
        return year + 1 if month_end < report_date else year
    return year - 1 if candidate > report_date else year


def _resolve_month_part(low: str, report_date: dt.date | None, tense: str | None):
    month = next(MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in MONTHS)
    year_match = re.search(rf"\b({_YEAR})\b", low)
    part = None
    for word, days in PART_OF_MONTH.items():
        if re.search(rf"\b{word}\b", low):
            part = days
            break
    first, last = part if part else (1, None)
    if year_match:
        year = int(year_match.group(1))
    elif report_date is None:
        return None
    else:
        year = _pick_year(month, first, report_date, tense)
    end_day = last or calendar.monthrange(year, month)[1]
    return dt.date(year, month, first), dt.date(year, month, end_day)


@lru_cache(maxsize=8192)  # the same expression recurs across a corpus; results are frozen
def resolve(text: str, report_date: dt.date | None, tense: str | None = None) -> ResolvedDate:
    """Resolve one date expression (as found by :func:`find_dates`) against `report_date`.

    `tense` is 'past', 'future' or None (infer from the expression's own words; weekdays
    default to the past, as reports mostly tell what happened). Without a report date only
    expressions that carry a year resolve. Unknown text gives an unresolved ResolvedDate.
    The rules are tried in the order of :data:`_ABSOLUTE_RULES`, then (with a report date)
    :data:`_RELATIVE_RULES`; the first that answers wins.

    >>> resolve("will meet on Sunday", dt.date(2024, 1, 25), "future").date
    datetime.date(2024, 1, 28)
    >>> resolve("yesterday", None).date is None
    True
    """
    expression = _Expression.of(text, report_date, tense)
    rules = _ABSOLUTE_RULES + (_RELATIVE_RULES if expression.report_date is not None else ())
    for rule in rules:
        resolved = rule(expression)
        if resolved is not None:
            return resolved
    return expression.out()


@dataclass
class _Expression:
    """A date expression being resolved: its text, lower-cased form, words and tense."""

    text: str
    low: str
    words: list[str]
    report_date: dt.date | None
    tense: str | None
    planned: bool

    @classmethod
    def of(cls, text: str, report_date: dt.date | None, tense: str | None) -> _Expression:
        if isinstance(report_date, dt.datetime):
            report_date = report_date.date()
        low = _norm(text)
        own = _expression_tense(low)
        if tense not in ("past", "future"):
            tense = own
        elif own and own != tense and re.search(r"\b(last|next|ago|yesterday|tomorrow)\b", low):
            tense = own  # "last Tuesday" is past even in a future sentence
        return cls(text, low, re.findall(r"[a-z]+", low), report_date, tense, tense == "future")

    @property
    def weekday_words(self) -> list[str]:
        return [w for w in self.words if w in WEEKDAY_NAMES]

    @property
    def has_month(self) -> bool:
        return any(w in MONTHS for w in self.words)

    def out(self, date=None, end=None, precision=None, planned=None) -> ResolvedDate:
        """The result: a day or span (a date after the report is always planned)."""
        planned = self.planned if planned is None else planned
        if date is not None and end is None:
            end = date
        if date is not None and self.report_date is not None and date > self.report_date:
            planned = True
        return ResolvedDate(self.text, date, end, precision if date is not None else None,
                            planned)


def _undated_period(e: _Expression) -> ResolvedDate | None:
    """'the coming days', 'in the next few weeks' (planned, no date); 'in recent days' (no
    date). Leaves 'next week' (a week) and 'the coming weekend'."""
    if re.search(r"\b(coming|next few|next|following|upcoming)\s+(few\s+)?(days|weeks|hours)\b",
                 e.low):
        return ResolvedDate(e.text, None, None, None, True)
    if re.search(r"\brecent\s+(days|weeks)\b", e.low):
        return ResolvedDate(e.text, None, None, None, False)
    return None


def _iso_date(e: _Expression) -> ResolvedDate | None:
    """'2024-01-28', '18/10/2023' (an impossible day such as '2024-02-30' resolves to
    nothing)."""
    iso = re.search(rf"\b({_YEAR})-(\d{{1,2}})-(\d{{1,2}})\b", e.low)
    slashed = re.search(rf"\b(\d{{1,2}})/(\d{{1,2}})/({_YEAR})\b", e.low)
    if not iso and not slashed:
        return None
    # "(18/10/2023)": day/month/year, as the outlets that write dates in figures mostly do
    parts = tuple(map(int, iso.groups())) if iso else tuple(map(int, slashed.groups()[::-1]))
    try:
        return e.out(dt.date(*parts), precision="day")
    except ValueError:
        return e.out()


def _month_and_day(e: _Expression) -> ResolvedDate | None:
    """'Nov 9', 'on the 9th of November', 'Tuesday, January 30, 2024' (dateparser, with our
    year rule: the last such day on or before the report). Leaves 'early November', 'the end
    of November' (month parts) and a bare day number."""
    has_day_number = re.search(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!-)", e.low)
    if not (e.has_month and has_day_number) or \
            re.search(r"\b(early|late|mid|end|beginning)\b", e.low):
        return None
    cleaned = re.sub(r"\b(on|since|until|by|of|the)\b", " ", e.low)
    cleaned = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r"\1", cleaned).replace(".", " ")
    cleaned = re.sub(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b,?", " ", cleaned).strip()
    year_given = re.search(rf"\b{_YEAR}\b", e.low)
    if e.report_date is None and not year_given:
        return e.out()
    parsed = _dateparser(cleaned, e.report_date if not year_given else None,
                         "future" if e.tense == "future" else "past")
    if parsed is None:
        return e.out()
    if not year_given and e.report_date is not None:
        # dateparser's 'past' preference already gives the last such date on/before the
        # report; enforce our rule explicitly (it also covers Feb 29).
        year = _pick_year(parsed.month, parsed.day, e.report_date, e.tense)
        try:
            parsed = parsed.replace(year=year)
        except ValueError:
            pass
    return e.out(parsed, precision="day")


def _month_alone(e: _Expression) -> ResolvedDate | None:
    """Months with a part ('the end of November', 'mid-February') or alone ('November 2023',
    'in December'). Leaves 'may' the verb (lower case) and months next to a weekday."""
    if not e.has_month or e.weekday_words:
        return None
    if [w for w in e.words if w in MONTHS] == ["may"] and not re.search(r"\bMay\b", e.text):
        return e.out()  # "may" the verb
    span = _resolve_month_part(e.low, e.report_date, e.tense)
    if span is None:
        return e.out()
    return e.out(span[0], span[1], "month")


def _overnight(e: _Expression) -> ResolvedDate | None:
    """'overnight Monday-Tuesday', 'Monday night into Tuesday': from the first to the second
    weekday. Leaves a single weekday."""
    weekdays = e.weekday_words
    if len(weekdays) < 2 or not re.search(r"overnight|night", e.low):
        return None
    first, second = WEEKDAYS[weekdays[0]], WEEKDAYS[weekdays[1]]
    if e.tense == "future":
        start = _weekday_on_or_after(e.report_date, first)
    else:
        end = _weekday_on_or_before(e.report_date, second)
        start = end - dt.timedelta(days=(second - first) % 7 or 7)
        return e.out(start, end, "day")
    return e.out(start, start + dt.timedelta(days=(second - first) % 7 or 7), "day")


def _weekday(e: _Expression) -> ResolvedDate | None:
    """'on Tuesday' (the last Tuesday on or before the report, or the next one in a future
    sentence), 'last Tuesday', 'next Tuesday' (never the report day itself). Our rule:
    dateparser skips the report day."""
    if not e.weekday_words:
        return None
    weekday, report_date = WEEKDAYS[e.weekday_words[0]], e.report_date
    if re.search(r"\bnext\b", e.low):
        day = _weekday_on_or_after(report_date + dt.timedelta(days=1), weekday)
        return e.out(day, precision="day", planned=True)
    if re.search(r"\blast\b", e.low):
        day = _weekday_on_or_before(report_date - dt.timedelta(days=1), weekday)
        return e.out(day, precision="day", planned=False)
    if e.tense == "future":
        return e.out(_weekday_on_or_after(report_date, weekday), precision="day", planned=True)
    return e.out(_weekday_on_or_before(report_date, weekday), precision="day")


def _weekend(e: _Expression) -> ResolvedDate | None:
    """'next weekend', 'the coming weekend', 'last weekend', 'over the weekend' (the weekend
    on or before the report): Saturday to Sunday."""
    low, report_date = e.low, e.report_date
    if "weekend" not in low:
        return None
    if re.search(r"\b(next|coming)\b", low) or (e.tense == "future" and "last" not in low):
        saturday = _weekday_on_or_after(report_date, 5)
        if re.search(r"\bnext\b", low) and report_date.weekday() >= 5:
            saturday += dt.timedelta(days=7)
    elif "last" in low or "past" in low or "previous" in low:
        saturday = _weekday_on_or_before(report_date - dt.timedelta(days=1), 5)
        if report_date.weekday() == 6 and "last" in low:
            saturday -= dt.timedelta(days=7)
    else:  # "this weekend", "over the weekend" in a report: the weekend on/before it
        saturday = _weekday_on_or_before(report_date, 5)
        if report_date.weekday() == 6:
            saturday = report_date - dt.timedelta(days=1)
    return e.out(saturday, saturday + dt.timedelta(days=1), "week")


def _week_or_month(e: _Expression) -> ResolvedDate | None:
    """'this week', 'last week', 'next week' (Monday to Sunday); 'this month', 'last month',
    'next month' (the calendar month)."""
    low, report_date = e.low, e.report_date
    if re.search(r"\bweek\b", low):
        monday = report_date - dt.timedelta(days=report_date.weekday())
        offset = {"last": -7, "past": -7, "previous": -7, "next": 7, "coming": 7}
        shift = next((v for k, v in offset.items() if re.search(rf"\b{k}\b", low)), 0)
        start = monday + dt.timedelta(days=shift)
        return e.out(start, start + dt.timedelta(days=6), "week")
    if re.search(r"\bmonth\b", low):
        shift = -1 if re.search(r"\b(last|past|previous)\b", low) else (
            1 if re.search(r"\b(next|coming)\b", low) else 0)
        index = report_date.year * 12 + report_date.month - 1 + shift
        year, month = divmod(index, 12)
        return e.out(dt.date(year, month + 1, 1), _month_end(year, month + 1), "month")
    return None


def _relative_day(e: _Expression) -> ResolvedDate | None:
    """'the day before yesterday', 'yesterday', 'last night', 'today', 'tonight', 'this
    morning', 'tomorrow'."""
    low, report_date = e.low, e.report_date
    if "day before yesterday" in low:
        return e.out(report_date - dt.timedelta(days=2), precision="day")
    if "yesterday" in low or "last night" in low:
        return e.out(report_date - dt.timedelta(days=1), precision="day")
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return e.out(report_date, precision="day")
    if "tomorrow" in low:
        return e.out(report_date + dt.timedelta(days=1), precision="day", planned=True)
    return None


def _ago(e: _Expression) -> ResolvedDate | None:
    """'three days ago' (that day), 'two weeks ago' (a week around it), 'a month ago' (a month
    around it, via dateparser)."""
    ago = re.search(rf"\b({_NUM})\s+(day|week|month)s?\s+ago\b", e.low)
    if not ago:
        return None
    amount = int(ago.group(1)) if ago.group(1).isdigit() else _NUM_WORDS[ago.group(1)]
    unit, report_date = ago.group(2), e.report_date
    if unit == "day":
        return e.out(report_date - dt.timedelta(days=amount), precision="day")
    if unit == "week":
        day = report_date - dt.timedelta(weeks=amount)
        return e.out(day - dt.timedelta(days=3), day + dt.timedelta(days=3), "week")
    parsed = _dateparser(f"{amount} months ago", report_date, "past")
    if parsed:
        return e.out(parsed - dt.timedelta(days=15), parsed + dt.timedelta(days=15), "month")
    return None


def _dateparser_day(e: _Expression) -> ResolvedDate | None:
    """Whatever else dateparser reads as a day, relative to the report."""
    parsed = _dateparser(e.low, e.report_date, "future" if e.tense == "future" else "past")
    return e.out(parsed, precision="day") if parsed is not None else None


# Rules that need no report date (or say so themselves), then those that do, in order.
_ABSOLUTE_RULES = (_undated_period, _iso_date, _month_and_day, _month_alone)
_RELATIVE_RULES = (_overnight, _weekday, _weekend, _week_or_month, _relative_day, _ago,
                   _dateparser_day)


# --- signals for report-date inference ------------------------------------------------------

WAR_START = dt.date(2023, 10, 7)

# Words that tie a duration to the war ("seven-month war", "seven weeks of bombing").
WAR_WORDS = (r"war|conflict|fighting|offensive|campaign|bombardment|bombing|bombed|assault|"
             r"hostilities|invasion|siege|captivity|onslaught|aggression|attacks?|October 7|"
             r"Oct\.? 7|7 October")
_QUAL = r"(?P<qual>more\s+than|over|nearly|almost|about|around|some|roughly|close\s+to|at\s+least)?"
_DURATION_PATTERNS = [
    # "seven-month war", "100-day-old war", "the seven-month-long conflict"
    rf"\b{_QUAL}\s*(?P<num>{_NUM})[- ](?P<unit>day|week|month|year)(?:[- ](?:old|long))?\s+"
    rf"(?:(?:Israel-Hamas|Israeli|Gaza|Hamas|brutal|deadly|devastating|ongoing|long)\s+)*"
    rf"(?P<what>{WAR_WORDS})\b",
    # "seven months of war", "100 days into the war", "seven weeks since October 7"
    rf"\b{_QUAL}\s*(?P<num>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    # ("six months since Hamas’s Oct. 7": a possessive with either apostrophe)
    rf"(?:of|into|since|after|in)\s+(?:the\s+|Israel['’]s\s+|Israeli\s+)?"
    rf"(?:[\w'’]+\s+)?(?P<what>{WAR_WORDS})\b",
    # "in seven weeks during which Israel bombed", "for nearly seven months, Israel has..."
    rf"\b(?:in|for|after|over)\s+{_QUAL}\s*(?P<num>{_NUM})\s+(?P<unit>days|weeks|months)\b"
    rf"(?=[^.;]{{0,60}}\b(?P<what>{WAR_WORDS})\b)",
    # "the 18-month mark since Israel's war in Gaza began", "marks a year and a half of war"
    rf"\b{_QUAL}\s*(?:(?P<num>{_NUM})[- ](?P<unit>day|week|month|year)|(?:a|one)\s+year\s+and\s+"
    rf"a\s+(?P<half>half))(?:[- ]mark)?\b(?=[^.;]{{0,50}}\b(?P<what>{WAR_WORDS})\b)"
    rf"(?<=mark|half)",
    # "as Israel's war in Gaza marks a year and a half", "the war marked 600 days"
    rf"\b(?P<what>{WAR_WORDS})\b[^.;]{{0,40}}?\bmark(?:s|ed|ing)?\s+{_QUAL}\s*(?:(?P<num>{_NUM})\s+"
    rf"(?P<unit>days|weeks|months|years)|(?:a|one)\s+year\s+and\s+a\s+(?P<half>half))\b",
    # "day 100 of the war", "the 100th day of the war"
    rf"\bday\s+(?P<num>\d{{1,4}})\s+of\s+(?:the\s+)?(?P<what>{WAR_WORDS})\b(?P<unit>)",
    # "Israel - Hamas War day 493" (a live blog's running day)
    r"\b(?P<what>war|conflict)\s+day\s+(?P<num>\d{1,4})\b(?P<unit>)",
    # "held captive for almost 500 days", "in captivity for 471 days" (the hostages taken on
    # 7 October); not "held for two days" (no captivity word)
    rf"\b(?P<what>captive|hostage|in\s+(?:Hamas['’]?\s+)?captivity)\s+for\s+[\"“']?{_QUAL}\s*"
    rf"(?P<num>{_NUM})\s+(?P<unit>days|weeks|months)\b",
]
# A span after the war's start told of a dated event is that event's age, not the report's:
# "On 21 October, two weeks after the initial attacks, Hamas released two hostages".
_DATE_OF_SPAN = re.compile(rf"\b(?:(?:{_MONTH_ALT})\.?\s+{_DAY}|{_DAY}\s+(?:{_MONTH_ALT}))\b"
                           rf"[^.;]{{0,12}}$", re.IGNORECASE)
_DURATION = [re.compile(p, re.IGNORECASE) for p in _DURATION_PATTERNS]
# The war's age told as "N ago" of its start: "the war began more than a year ago", "since the
# start of Israel's assault on the Gaza Strip more than a year ago", "the conflict that erupted
# 15 months ago"; searched in the whole text (the start may lie far before "ago"), and not
# another front's war ("the Israel-Iran war that began two weeks ago")
_WAR_AGO = re.compile(
    rf"(?:\b(?:start|beginning|outbreak|onset|launch)\s+of\s+[^.;]{{0,50}}?\b(?P<what>{WAR_WORDS})"
    rf"\b(?:\s+(?:on|in|against)\s+(?:the\s+)?Gaza(?:\s+Strip)?)?|\b(?P<what2>{WAR_WORDS})\b"
    rf"[^.;]{{0,50}}?\b(?:began|started|erupted|broke\s+out|was\s+launched))\s+{_QUAL}\s*"
    rf"(?P<num>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE)
OTHER_WAR = re.compile(r"\b(?:Iran|Iranian|Lebanon|Lebanese|Hezbollah|Ukraine|Syria|Syrian)\b")


def _war_ago(text: str, taken: list) -> list[dict]:
    """Durations of the war told from its start with "ago" (:data:`_WAR_AGO`)."""
    if " ago" not in text:
        return []
    found = [m for m in _durations(text, [(0, len(text))], taken, [_WAR_AGO])
             if not OTHER_WAR.search(text[max(0, m["start_char"] - 30):m["end_char"]])]
    for m in found:
        m.pop("anchor", None)   # (counted from 7 October, not from a truce)
    return found
# The age of a truce in force (anchor "truce": the span counts from a truce's first day):
# "the two-month-old ceasefire", "a truce that has held for six weeks", "three weeks into the
# ceasefire", "the ceasefire that took effect five weeks ago", "the collapse of a two-month
# ceasefire". Not "a 60-day ceasefire" or "a two-month truce" alone (proposals are written so).
_TRUCE_WORDS = r"(?:ceasefire|cease-fire|truce)"
_TRUCE_AGE_PATTERNS = [
    rf"\b{_QUAL}\s*(?:(?P<num>{_NUM})[- ])?(?P<unit>day|week|month)[- ]old\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}{_TRUCE_WORDS}",
    rf"\b{_TRUCE_WORDS}\s+(?:that\s+|which\s+)?(?:had\s+|has\s+)?(?:been\s+)?(?:in\s+place|"
    rf"in\s+effect|in\s+force|holding|held)\s+for\s+(?:the\s+(?:past|last)\s+)?{_QUAL}\s*"
    rf"(?P<num>{_NUM})\s+(?P<unit>days|weeks|months)\b",
    rf"\b{_QUAL}\s*(?P<num>{_NUM})\s+(?P<unit>days?|weeks?|months?)\s+(?:into|after\s+the\s+"
    rf"start\s+of)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+)?{_TRUCE_WORDS}",
    rf"\b{_TRUCE_WORDS}\s+(?:that\s+|which\s+)?(?:took\s+effect|began|started|went\s+into\s+"
    rf"effect|came\s+into\s+effect|came\s+into\s+force)\s+{_QUAL}\s*(?P<num>{_NUM})\s+"
    rf"(?P<unit>days|weeks|months)\s+ago\b",
    # "four months after a ceasefire took effect" (not "talks are to begin 16 days after the
    # ceasefire took effect": a term of the deal, :data:`DEAL_TERM_BEFORE`)
    rf"\b{_QUAL}\s*(?P<num>{_NUM})\s+(?P<unit>weeks|months)\s+after\s+(?:the\s+|a\s+)?"
    rf"(?:[\w'’-]+\s+){{0,3}}{_TRUCE_WORDS}\s+(?:agreement\s+|deal\s+)?(?:took\s+effect|began|"
    rf"started|went\s+into\s+effect|came\s+into\s+(?:effect|force)|was\s+signed)\b",
    rf"\b(?:collapse|end|breakdown|shattering|unravelling|unraveling)\s+of\s+(?:the\s+|a\s+)?"
    rf"(?:fragile\s+)?{_QUAL}\s*(?P<num>{_NUM})[- ](?P<unit>day|week|month)(?:[- ](?:old|long))?"
    rf"\s+{_TRUCE_WORDS}",
]
_TRUCE_AGE = [re.compile(p, re.IGNORECASE) for p in _TRUCE_AGE_PATTERNS]
# ... not of another front's ceasefire ("the month-old ceasefire in Lebanon")
OTHER_FRONT = re.compile(r"\b(?:Lebanon|Lebanese|Hezbollah|Iran|Iranian|Syria|Houthis?)\b",
                         re.IGNORECASE)
# ... nor a term of a deal ("the second phase is to begin six weeks after the ceasefire took
# effect", "within two months after the truce began")
DEAL_TERM_BEFORE = re.compile(r"\b(?:would|will|shall|should|must|to\s+(?:begin|start|be)|due|"
                              r"within|by|no\s+later\s+than|scheduled|expected|planned)\W+"
                              r"(?:\w+\W+){0,3}$", re.IGNORECASE)
# Ordinal durations: "the war, now in its fifth month", "the 100th day of the war", "the
# war's fourth week": the report lies within that unit (qualifier "ordinal").
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
             "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20}
_ORD = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
_ORDINAL_DURATION = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?P<what>{WAR_WORDS})(?:'s)?,?\s+(?:which\s+is\s+|is\s+|was\s+)?(?:now\s+)?"
    rf"(?P<near>nearing\s+|approaching\s+|heading\s+into\s+|in\s+|entering\s+|entered\s+)?"
    rf"its\s+(?P<ord>{_ORD})\s+(?P<unit>day|week|month|year)\b",
    rf"\b(?:the\s+)?(?P<ord>{_ORD})\s+(?P<unit>day|week|month|year)\s+of\s+(?:the\s+)?"
    rf"(?:\w+\s+)?(?P<what>{WAR_WORDS})\b")]


def _ordinal(word: str) -> int | None:
    word = word.lower()
    return _ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else None)
# "the second anniversary of the October 7 attack", "the first anniversary of the war": a
# duration of N years with qualifier "anniversary" (the report lies within days of it).
_ORDINAL_YEARS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                  "3rd": 3, "4th": 4, "one-year": 1, "two-year": 2, "three-year": 3}
_ANNIVERSARY = re.compile(
    rf"\b(?P<ord>{'|'.join(_ORDINAL_YEARS)})\s+anniversary(?:\s+of\s+(?:the\s+)?"
    r"(?:Hamas(?:-led)?\s+|deadly\s+)?(?:October\s+7(?:th)?|Oct\.?\s+7|7\s+October|war|"
    r"attacks?|massacres?|conflict)\b|(?=[,;:.]))", re.IGNORECASE)
# ("On the first anniversary, Israel believes 63 people are still held": the anniversary told
# alone, its clause ending there, is the war's; "the first anniversary of his killing" is not)
_SINCE_WAR = re.compile(r"\bsince\s+(?:the\s+)?(?:Oct\.?|October)\s+7(?:th)?\b|"
                        r"\bsince\s+7\s+October\b", re.IGNORECASE)
# Holidays ("Ramadan", "Passover", "Hanukkah") are rows of the timeline
# (analysis/rules/data/timeline.csv, kind holiday): name -> (first, last) day of each occurrence.
# A mention allows report dates from HOLIDAY_MARGIN[0] days before an occurrence to
# HOLIDAY_MARGIN[1] days after it (articles look ahead to a holiday and back at it); "ahead
# of Ramadan" only before it, "after Ramadan" only after it.
HOLIDAY_MARGIN = (35, 14)
# Words right before an event or holiday that make it a coming one ("ahead of Ramadan",
# "before the inauguration", "in the run-up to Passover"); the others leave the tense of the
# clause. "during" puts the report inside the event.
AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|in\s+the\s+run-up\s+to|until|till|awaiting|"
                      r"in\s+time\s+for|by|"
                      r"upcoming|coming|start\s+of|beginning\s+of|eve\s+of)\s+(?:the\s+)?"
                      r"(?:holy\s+|Muslim\s+|Jewish\s+|fasting\s+|month\s+of\s+|\w+'s\s+)*$",
                      re.IGNORECASE)
# "since March 18", "since the ceasefire collapsed in March": the report follows it, but not
# necessarily soon (no recency preference).
SINCE_DATE = re.compile(r"\bsince\s+(?:on\s+)?$", re.IGNORECASE)
SINCE_EVENT = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}$", re.IGNORECASE)
DATED = ("iso", "month_day", "day_month", "month_year", "part_month", "bare_month")
# Events announced before they happen (an inauguration, a release day, an agreement, talks):
# a future marker within 60 characters ("will be released", "which will take place") keeps
# them coming.
SCHEDULED_KINDS = ("inauguration", "election", "release", "agreement", "ceasefire", "talks",
                   "truce", "summit")
# ... or a recent one: "shortly after", "following", "in the wake of" (the report follows it
# within weeks).
RECENTLY = re.compile(r"\b(?:(?:shortly|just|days|hours|a\s+day|two\s+days|soon|a\s+week)\s+"
                      r"after|following|(?:it\s+|this\s+|which\s+)?(?:follows|comes\s+after|came\s+after)|in\s+the\s+wake\s+of|in\s+response\s+to|after\s+"
                      r"(?:last|this)\s+week's|amid)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$",
                      re.IGNORECASE)
# ... how soon: "hours after", "a day after", "moments after" -> within 3 days; "days after",
# "a week after", "shortly after" (what came shortly after: the news of days later) -> within
# 10 (else within a month)
RECENT_HOURS = re.compile(r"(?:hours|a\s+day|moments|minutes)\s+after", re.I)
RECENT_DAYS = re.compile(r"(?:days|two\s+days|a\s+week|just|shortly)\s+after", re.I)
RECENT_HOURS_DAYS, RECENT_DAYS_DAYS = 3, 10
RECENTLY_NEW = re.compile(r"\b(?:new|newest|latest|fresh)\s+$", re.IGNORECASE)  # "a new proposal"
# ... or at a distance: "two weeks after the killing of Sinwar", "a month since the rescue"
# (the report lies about that long after the event: tense "offset", offset_days).
OFFSET_AFTER = re.compile(rf"\b(?:some\s+|about\s+|nearly\s+|almost\s+|roughly\s+|just\s+|"
                          rf"more\s+than\s+|over\s+)?(?P<num>{_NUM})\s+(?P<unit>days?|weeks?|"
                          rf"months?)\s+(?:after|since|following)\s+(?:the\s+)?(?:[\w-]+\s+){{0,6}}$",
                          re.IGNORECASE)
# ... or named by the period it fell in: "last week's Israeli strike in Doha" (either
# apostrophe), "yesterday's rescue": about that long before the report.
LAST_PERIOD_BEFORE = re.compile(r"(?:\b(?:last|past)\s+(?P<period>week|month)|"
                                r"\b(?P<yesterday>yesterday))['’]s\s+(?:[\w-]+\s+){0,3}$",
                                re.IGNORECASE)
LAST_PERIOD_DAYS = {"week": 7, "month": 30, None: 1}
# A main clause in the past perfect after "ahead of X" ("Ahead of the strike, Washington had
# floated a proposal"): the story is told from after X.
PAST_PERFECT = re.compile(r"\bhad\s+(?:already\s+|been\s+)?\w+(?:ed|en|t)\b", re.IGNORECASE)
# ... and an event phrase in the present perfect is the news itself ("Qatar has decided to
# suspend its mediation").
PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+ed\b", re.IGNORECASE)
DURING = re.compile(r"\b(?:during|throughout|this|in)\s+(?:the\s+)?(?:holy\s+|Muslim\s+|"
                    r"Jewish\s+|fasting\s+|month\s+of\s+)*$", re.IGNORECASE)
# A dateline opening the article or the line after its headline: "TEL AVIV, July 28.
# /tass/.", "CAIRO, Dec 3 (Reuters) -", "Monday, January 29, 2024 – Top CIA officials",
# "CAIRO – 13 April 2025:" (a dash after the city, the day before the month). Not
# "CAIRO (AP) —" (no date).
_DATELINE = re.compile(rf"^[ \t]*(?:[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){{0,3}}"
                       rf"(?:,|\s+[–—-])?\s+|"
                       rf"(?:{'|'.join(w.capitalize() for w in WEEKDAY_NAMES)}),?\s+)"
                       rf"(?P<date>(?i:{_MONTH_ALT})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|"
                       rf"{_DAY}\s+(?i:{_MONTH_ALT})\.?(?:,?\s+{_YEAR})?)\b\.?"
                       rf"(?=\s*(?:\(|/|-|–|—|\.|:|$))", re.MULTILINE)

# ... with the place in title case, when a firmer mark than a full stop ends the date:
# "Sharm El-Sheikh, Oct 7: Delegations ...", "Gaza, June 23, 2025 (WAFA) –", "Tel Aviv
# [Israel], November 14 (ANI):"
_DATELINE_TITLE = re.compile(rf"^[ \t]*[A-Z][\w'.-]+(?:[ -][A-Z][\w'.-]+){{0,3}}"
                             rf"(?:\s+\[[A-Z][^\]\n]{{0,30}}\])?,\s+"
                             rf"(?P<date>(?i:{_MONTH_ALT})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|"
                             rf"{_DAY}\s+(?i:{_MONTH_ALT})\.?(?:,?\s+{_YEAR})?)\b"
                             rf"(?=\s*(?:\(|:|–|—|-\s|/))", re.MULTILINE)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘'])|\n+")


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUM_WORDS.get(word)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """A cheap sentence split (for text without a spaCy doc): (start, end) offsets."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def date_signals(text: str, sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """Every date-like mention in `text` as a plain dict, for report-date inference.

    Keys: text, start_char, end_char, kind (iso, month_day, day_month, month_year, part_month,
    bare_month, weekday, overnight, relative, coming, duration, since_war, holiday), tense (of the
    sentence: past | future), weekday (0=Monday, for weekday mentions), amount/unit/qualifier
    (durations: "seven-month war" -> 7, month). `sentences` are (start, end) offsets (a spaCy
    doc's sentences); without them a regex split is used.

    >>> [(m["kind"], m.get("amount"), m.get("unit")) for m in date_signals(
    ...     "Talks on Wednesday in the seven-month war went on.")]
    [('weekday', None, None), ('duration', 7, 'month')]
    """
    sentences = sentences or sentence_spans(text)

    def sentence_of(pos):
        for start, end in sentences:
            if start <= pos < end:
                return start, end
        return 0, len(text)

    segments = _segments(text)
    mentions = _date_expressions(text, segments)
    taken: list[tuple[int, int]] = []  # durations already found (patterns overlap)
    mentions += _durations(text, segments, taken, _TRUCE_AGE)
    mentions += _durations(text, segments, taken) + _war_ago(text, taken)
    mentions += _ordinal_durations(text, segments, taken)
    if "nniversar" in text:
        for match in _ANNIVERSARY.finditer(text):
            mentions.append({"text": match.group(0), "start_char": match.start(),
                             "end_char": match.end(), "kind": "duration",
                             "amount": _ORDINAL_YEARS[match.group("ord").lower()],
                             "unit": "year", "qualifier": "anniversary"})
    for match in _finditer(_SINCE_WAR, text, segments):
        mentions.append({"text": match.group(0), "start_char": match.start(),
                         "end_char": match.end(), "kind": "since_war"})
    events = _timeline_mentions(text)
    spans = [(m["start_char"], m["end_char"]) for m in events if m["kind"] == "event" and
             m.get("event_kind") != "anniversary"]   # ("100 days of war" is both)
    mentions = [m for m in mentions if m["kind"] != "duration" or not any(   # "the 12-day
        s < m["end_char"] and m["start_char"] < e for s, e in spans)]   # war" is an event
    mentions += events
    mentions += _remains_mentions(text)
    dateline = _DATELINE.search(text[:400]) or _DATELINE_TITLE.search(text[:400])
    if dateline:  # the opening line of the text proper (after a headline)
        mentions.append({"text": dateline.group("date"), "start_char": dateline.start("date"),
                         "end_char": dateline.end("date"), "kind": "dateline"})
    for mention in mentions:
        _set_tense(text, mention, *sentence_of(mention["start_char"]))
    mentions = [m for m in mentions if not (m["kind"] == "event" and m.get("hypothetical") and
                                            m.get("tense") not in ("future", "during"))]
    mentions.sort(key=lambda m: (m["start_char"], m["end_char"]))
    _attach_weekdays(text, mentions)
    _events_on_a_coming_date(mentions, sentence_of)
    _events_of_the_week(text, mentions, sentence_of)
    _year_hints(text, mentions, sentences)
    mentions += _truce_days(text, mentions, sentence_of)
    _lead_dates(text, mentions, sentences)
    _relative_years(text, mentions)
    return mentions


# A year-less date in a sentence about a truce ("On Jan. 19, the first phase of a ceasefire
# went into effect", "Since the last truce ended on December 1", "Israel ended the last
# ceasefire ... on March 18") is the day of the truce's milestone on that day, when only
# one year has one: its year, and the milestone as an event of the article.
TRUCE_WORDS = re.compile(r"\b(?:truce|ceasefire|cease-fire)s?\b", re.IGNORECASE)
# ... the truce itself, not talks about one ("ceasefire talks resumed in Doha on March 18"
# is the round of 2024, not the end of the truce in 2025), with a verb of its milestones
TRUCE_ITSELF = re.compile(r"\b(?:truce|ceasefire|cease-fire)s?\b(?!\s+(?:talks|negotiations|"
                          r"proposals?|efforts|bid|plan|framework|mediation))|"
                          # "That initial period ended on March 1" (the truce's first phase)
                          r"\b(?:first|initial)\s+(?:phase|stage|period)\b|\bphase\s+one\b",
                          re.IGNORECASE)
TRUCE_MILESTONE_VERB = re.compile(r"\b(?:took|take[sn]?|went|go(?:es)?|came|come[s]?)\s+into\s+"
                                  r"(?:effect|force)|\btook\s+effect|\b(?:began|begun|begins|"
                                  r"started|starts|ended|ends|ending|collapsed|broke|broken|"
                                  r"expired|agreed|reached|signed|announced|violated)\b",
                                  re.IGNORECASE)
TRUCE_ROW_KINDS = ("truce", "ceasefire", "agreement", "war")


@lru_cache(maxsize=1)
def _truce_milestones() -> dict[tuple[int, int], list]:
    """(month, day) -> the timeline's truce and ceasefire milestones on that day (rows of
    :data:`TRUCE_ROW_KINDS` whose description names a truce or ceasefire)."""
    from analysis.rules import timeline  # (imported late, as in _timeline_mentions)

    out: dict[tuple[int, int], list] = {}
    for event in timeline.load():
        if event.kind in TRUCE_ROW_KINDS and TRUCE_WORDS.search(event.event):
            out.setdefault((event.start.month, event.start.day), []).append(event)
    return out


def _truce_days(text: str, mentions: list[dict], sentence_of) -> list[dict]:
    """Set ``year_hint`` on a year-less date of a truce milestone (:data:`TRUCE_WORDS` in
    its sentence, one year with a milestone on that day) and return the milestone as an
    event mention at the date's place. Leaves dates with a year, a year hint or "last
    year", and days that milestones of two years share (27 November: a 2023 extension and
    the 2024 Lebanon ceasefire)."""
    found = []
    for mention in mentions:
        if mention["kind"] not in ("month_day", "day_month") or mention.get("year_hint") or \
                mention.get("rel_year") is not None or re.search(r"\d{4}", mention["text"]):
            continue
        start, end = sentence_of(mention["start_char"])
        month, day = _month_of(mention["text"]), re.search(r"\d{1,2}", mention["text"])
        sentence = text[start:end]
        if not month or not day or not TRUCE_ITSELF.search(sentence) or \
                not TRUCE_MILESTONE_VERB.search(sentence):
            continue
        rows = _truce_milestones().get((month, int(day.group(0))), [])
        if len({row.start.year for row in rows}) != 1:
            continue
        row = rows[0]
        mention["year_hint"] = row.start.year
        found.append({"kind": "event", "text": mention["text"],
                      "start_char": mention["start_char"], "end_char": mention["end_char"],
                      "event": row.event, "event_kind": row.kind,
                      "date": row.start.isoformat(), "end_date": row.start.isoformat(),
                      "tense": mention.get("tense") or "past",
                      # "a truce has held since October 10": no news of that day
                      **({"since": True} if mention.get("since") else {})})
    return found


# A year-less date followed by "last year" / "this year" ("the attack on October 7 last year",
# "the warrants issued in November last year", "in January this year"): the report's year is
# the date's plus one / the same (``rel_year`` -1 / 0).
RELATIVE_YEAR = re.compile(r"\s*(?:of\s+)?(?P<which>last|this|the\s+previous)\s+year\b",
                           re.IGNORECASE)
YEARLESS_KINDS = ("month_day", "day_month", "bare_month", "part_month")


def _relative_years(text: str, mentions: list[dict]) -> None:
    """Mark ``rel_year`` on the year-less dates :data:`RELATIVE_YEAR` follows."""
    for mention in mentions:
        if mention["kind"] not in YEARLESS_KINDS or re.search(r"\d{4}", mention["text"]):
            continue
        found = RELATIVE_YEAR.match(text, mention["end_char"])
        if found:
            mention["rel_year"] = 0 if found.group("which").lower() == "this" else -1


def _lead_dates(text: str, mentions: list[dict], sentences) -> None:
    """Mark ``lead`` the dates of the article's first sentence after its headline ("Egypt
    proposed a two-day Gaza ceasefire on October 27 that ..."): the lede tells the news, so
    a past date there is days before the report. Not "since ...", not a background year."""
    headline = text.find("\n")   # a short first line without a full stop is a headline
    body = headline + 1 if 0 <= headline <= 200 and \
        not re.search(r"[.!?][\"”']?\s*$", text[:headline]) else 0
    while body < len(text) and text[body].isspace():
        body += 1
    # the sentence holding the body's first character (a parser may join it to the headline)
    first = next(((max(a, body), b) for a, b in sentences if a <= body < b), None)
    if first is None:
        return
    paragraph = text.find("\n", first[0])   # ... and never past the first paragraph
    first = (first[0], first[1] if paragraph < 0 else min(first[1], paragraph))
    for mention in mentions:
        if mention["kind"] in ("month_day", "day_month") and \
                first[0] <= mention["start_char"] < first[1] and \
                mention.get("tense") == "past" and not mention.get("since") and \
                not mention.get("year_hint"):
            mention["lead"] = True


# A year named in the same or the previous sentence ("In November 2023, Egypt and Qatar
# helped broker a seven-day pause ... The pause collapsed on December 1") is the year of a
# year-less date that follows it. "October 7, 2023" (the attack, named in every report) is
# no such context.
_YEAR_CONTEXT = re.compile(rf"\b(?:(?P<month>{_MONTH})\s+(?:(?P<day>{_DAY}),?\s+)?)?"
                           r"(?P<year>20[2-3]\d)\b", re.IGNORECASE)
_WAR_START_DATE = re.compile(r"\b(?:oct(?:ober|\.)?\s+7(?:th)?|7(?:th)?\s+oct(?:ober|\.)?)"
                             r",?\s+2023\b", re.IGNORECASE)


def _year_context(text: str) -> tuple[int, int] | None:
    """(year, month or 0) of the last year named in `text` other than 7 October 2023."""
    found = None
    for match in _YEAR_CONTEXT.finditer(text):
        if _WAR_START_DATE.search(text[max(0, match.start() - 12):match.end()]):
            continue
        found = (int(match.group("year")), _month_of(match.group("month") or ""))
    return found


def _month_of(text: str) -> int:
    """The month named in `text` (0 when none): "Dec. 1" -> 12."""
    return next((MONTHS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in MONTHS), 0)


def _year_hints(text: str, mentions: list[dict], sentences) -> None:
    """Set ``year_hint`` on a year-less date ("December 1") when the same or the previous
    sentence names a year before it ("In November 2023, ..."), and its month is not earlier
    than the month named with that year (else the hint is unsure: none)."""
    for mention in mentions:
        if mention["kind"] not in ("month_day", "day_month") or re.search(r"\d{4}",
                                                                          mention["text"]):
            continue
        index = next((k for k, (a, b) in enumerate(sentences)
                      if a <= mention["start_char"] < b), None)
        if index is None:
            continue
        start = sentences[max(0, index - 1)][0]
        context = _year_context(text[start:mention["start_char"]])
        month = _month_of(mention["text"])
        if context and month and month >= context[1]:
            mention["year_hint"] = context[0]


def _date_expressions(text: str, segments) -> list[dict]:
    """The date expressions of :func:`find_dates_typed` as mentions (weekday numbers set)."""
    mentions = []
    for start, end, found, kind in find_dates_typed(text, segments):
        mention = {"text": found, "start_char": start, "end_char": end, "kind": kind}
        if kind == "bare_month" and not _month_word(found)[0].isupper():
            continue
        if kind in ("weekday", "overnight"):
            days = [WEEKDAYS[w] for w in re.findall(r"[a-z]+", found.lower())
                    if w in WEEKDAY_NAMES]
            mention["weekday"] = days[-1] if kind == "overnight" else days[0]
        mentions.append(mention)
    return mentions


# A former hostage's captivity ("Iair Horn, who spent 498 days in captivity", "former hostage
# Or Levy, held for 491 days"): it ended before the report, by months perhaps; not "released
# after 15 months of captivity on Saturday" (the news of the release itself).
ENDED_CAPTIVITY = re.compile(r"\b(?:former|freed|ex-|released|returned|rescued)\s+(?:\w+\s+)?"
                             r"(?:hostage|captive)s?\b|\bwho\s+(?:had\s+)?spent\b|"
                             r"\bafter\s+spending\b", re.IGNORECASE)


def _durations(text: str, segments, taken: list, patterns=None) -> list[dict]:
    """ "seven-month war", "100 days into the war" (see _DURATION_PATTERNS); with
    `patterns` :data:`_TRUCE_AGE`, the age of a truce (anchor "truce")."""
    found = []
    for pattern in patterns or _DURATION:
        for match in _finditer(pattern, text, segments):
            start, end = match.span()
            amount = _number(match.group("num")) if match.group("num") else 1  # "month-old"
            unit = (match.group("unit") or "day").lower().rstrip("s")
            if match.groupdict().get("half"):   # "a year and a half"
                amount, unit = 18, "month"
            if amount is None or any(s < end and start < e for s, e in taken):
                continue
            if re.search(r"\bafter\b", match.group(0), re.IGNORECASE) and \
                    _DATE_OF_SPAN.search(text[max(0, start - 40):start]):
                continue
            start += len(match.group(0)) - len(match.group(0).lstrip())
            qual = re.sub(r"\s+", " ", (match.groupdict().get("qual") or "").lower())
            qualifier = ("lower_bound" if qual in ("more than", "over", "at least") else
                         "upper_bound" if qual in ("nearly", "almost", "close to") else
                         "approx" if qual else
                         "mark" if _MARK_WORD.search(match.group(0)) else "exact")
            if _CAPTIVITY_WORD.search(match.groupdict().get("what") or "") and \
                    ENDED_CAPTIVITY.search(text[max(0, start - 120):start]):
                qualifier = "at_least"   # a captivity that ended: the report on or after
            found.append({"text": text[start:end], "start_char": start, "end_char": end,
                          "kind": "duration", "amount": amount, "unit": unit,
                          "qualifier": qualifier})
            if patterns is not None:
                if OTHER_FRONT.search(text[max(0, start - 30):end + 40]) or \
                        DEAL_TERM_BEFORE.search(text[max(0, start - 40):start]):
                    found.pop()   # the age of the ceasefire in Lebanon (or with Iran), a term
                    continue
                found[-1]["anchor"] = "truce"
            taken.append((start, end))
    return found


def _set_tense(text: str, mention: dict, start: int, end: int) -> None:
    """The mention's tense in its sentence text[start:end], whether it follows "since", and
    for events and holidays their relation to the report (:func:`_event_tense`)."""
    mention["tense"] = local_tense(text[start:end], mention["start_char"] - start,
                                   mention["end_char"] - start)
    before = text[max(start, mention["start_char"] - 60):mention["start_char"]]
    if (SINCE_DATE if mention["kind"] in DATED else SINCE_EVENT).search(before):
        mention["since"] = True   # "killed since the ceasefire collapsed": not recent
    if mention["kind"] in ("event", "holiday"):
        near = text[max(start, mention["start_char"] - 60):min(end, mention["end_char"] + 60)]
        if mention.get("event_kind") in SCHEDULED_KINDS and tense_of(near) == "future" and \
                not mention.get("since") and not PAST_VERB_BEFORE.search(
                    text[max(start, mention["start_char"] - 40):mention["start_char"]]):
            mention["tense"] = "future"   # "is expected to be freed ... the release of the 20"
        # "Ahead of the strike, Washington had floated a proposal": told from after it
        # ... or from a past plan ("The mediators had hoped to secure a ceasefire before the
        # start of Ramadan"): the past perfect right before it in its clause
        mention["past_perfect"] = bool(PAST_PERFECT.search(text[mention["end_char"]:end]) or
                                       PAST_PERFECT.search(re.split(r"[,;:]", text[
                                           max(start, mention["start_char"] - 80):
                                           mention["start_char"]])[-1]))
        # "giving them up would invite a resumption of the bombardment": a hypothesis
        left = text[start:mention["start_char"]]
        mention["hypothetical"] = bool(HYPOTHETICAL.search(left[-HYPOTHESIS_CHARS:])) and \
            not FACT_BEFORE.search(left)
        mention["tense"] = _event_tense(text[start:mention["start_char"]], mention)
        if CURRENT_STATE.match(mention["text"]):
            mention["tense"] = "during"   # "the current, fragile ceasefire": in force now
        if mention["tense"] == "past" and SIDELINES.match(mention["text"]):
            mention["tense"] = "during"   # "met on the sidelines of the UN General Assembly"
        after = text[mention["end_char"]:min(end, mention["end_char"] + 40)]
        if mention["tense"] == "past" and LAST_WEEK_AFTER.match(after):
            mention["tense"], mention["offset_days"] = "offset", 7
        ago = AGO_AFTER.match(after) if mention["tense"] == "past" else None
        if ago and _number(ago.group("num")):   # "the first phase of which ended two weeks ago"
            mention["tense"] = "offset"
            mention["offset_days"] = _number(ago.group("num")) * AGO_UNIT_DAYS[
                ago.group("unit").lower()]


# A past verb right before a scheduled event's phrase keeps it past even in a future clause
# ("Witkoff and Kushner, who helped broker the October 9 ceasefire, are scheduled to ...",
# "which ended the truce"); not "to be signed" (no past verb before the article).
PAST_VERB_BEFORE = re.compile(r"\b(?:\w+ed|broke|brought|struck|won|sealed)\s+(?:\w+\s+)?"
                              r"(?:the|a|an|its|their)\s+$", re.IGNORECASE)


# An event named after "would", "could", "might" in its sentence is a hypothesis ("would invite
# a resumption of the bombardment"), not evidence of the event: the mention is dropped.
HYPOTHETICAL = re.compile(r"\b(?:would|could|might)\b(?!\s+have\b)", re.IGNORECASE)
HYPOTHESIS_CHARS = 50   # ... the modal within this many characters before the event's phrase
# ... unless a preposition of time introduces it ("would respond after the killing of Sinwar")
FACT_BEFORE = re.compile(r"\b(?:after|since|following|amid|despite|over|before)\s+(?:the\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


# A meeting "on the sidelines of" a summit is held during it.
SIDELINES = re.compile(r"sidelines\s+of\b", re.IGNORECASE)


# A period named as holding now ("the current, fragile ceasefire", "the ongoing truce"): the
# report lies within it (tense 'during'; the timeline has one row per period).
CURRENT_STATE = re.compile(r"(?:the\s+)?(?:current|ongoing|existing|present|fragile)\b",
                           re.IGNORECASE)


# An event followed by "last week" ("Netanyahu broke the original deal last week", "the
# strike on Doha last week"): about a week before the report (tense 'offset').
LAST_WEEK_AFTER = re.compile(r"[\s,]*(?:(?:on|in|at)\s+\w+\s+)?(?:late\s+|early\s+)?"
                             r"last\s+week\b", re.IGNORECASE)


# ... or by "N days/weeks/months ago" ("the first phase of which ended two weeks ago"):
# about that long before the report.
AGO_AFTER = re.compile(rf"[\s,]*(?:some\s+|about\s+|nearly\s+|almost\s+|just\s+|roughly\s+|"
                       rf"more\s+than\s+|over\s+)?(?P<num>{_NUM})\s+(?P<unit>day|week|month)s?"
                       rf"\s+ago\b", re.IGNORECASE)
AGO_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


# Relative day words that make a past event in the same sentence this week's news ("Edan
# Alexander was released on Monday", "the strike on Doha on Tuesday", "yesterday's rescue").
_THIS_WEEK = re.compile(r"\b(?:yesterday|today|tonight|overnight|this\s+week|"
                        r"(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday))\b", re.IGNORECASE)
THIS_WEEK_DAYS = 8
THIS_WEEK_CHARS = 40   # the day word within this many characters of the event phrase


def _events_on_a_coming_date(mentions: list[dict], sentence_of) -> None:
    """An event whose own day a coming date of its sentence names ("his job only begins
    on January 20, inauguration day, Reuters reported Wednesday night") is coming too,
    whatever the tense of the clause's main verb."""
    coming = {}
    for m in mentions:
        if m["kind"] in ("month_day", "day_month", "iso") and m.get("tense") == "future":
            when = resolve(m["text"], None)
            day = when.date if when.date is not None else _month_day(m["text"])
            if day is not None:
                coming.setdefault(sentence_of(m["start_char"]), set()).add(
                    (day.month, day.day) if isinstance(day, dt.date) else day)
    if not coming:
        return
    for mention in mentions:
        if mention["kind"] == "event" and mention.get("tense") != "future":
            day = dt.date.fromisoformat(mention["date"])
            if (day.month, day.day) in coming.get(sentence_of(mention["start_char"]), ()):
                mention["tense"] = "future"


def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a year-less date ("January 20", "20 January")."""
    words = _WORD_OR_DAY.findall(text)
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), None)
    day = next((int(w) for w in words if w.isdigit()), None)
    return (month, day) if month and day else None


# The weekday of a report's source after the event's clause ("... begins on January 20,
# inauguration day, Reuters reported Wednesday night") is not the event's day.
REPORTED_AFTER = re.compile(r"^[^.;]*?,\s*(?:[\w.'’-]+\s+){0,4}(?:reported|said|told|announced|"
                            r"wrote|added|confirmed)\s+(?:on\s+)?$", re.IGNORECASE)


def _events_of_the_week(text: str, mentions: list[dict], sentence_of) -> None:
    """A timeline event mentioned as past next to a weekday or "yesterday" (within
    :data:`THIS_WEEK_CHARS` in its sentence; not a planned day, not "last week") happened in
    the report's week: tense 'recent' within :data:`THIS_WEEK_DAYS`. A topic of talks
    named farther from the day ("met on Thursday to discuss ... the cease-fire in
    Lebanon") keeps its tense."""
    relative = [m for m in mentions if m["kind"] in ("weekday", "relative", "overnight")
                and m.get("tense") != "future" and _THIS_WEEK.search(m["text"])
                and not re.search(r"\b(?:last|next|past|previous|coming)\b", m["text"], re.I)]
    for mention in mentions:
        if mention["kind"] != "event" or mention.get("tense") not in ("past", "recent"):
            continue
        sentence = sentence_of(mention["start_char"])
        near = [r for r in relative if sentence_of(r["start_char"]) == sentence and
                min(abs(r["start_char"] - mention["end_char"]),
                    abs(mention["start_char"] - r["end_char"])) <= THIS_WEEK_CHARS and
                not REPORTED_AFTER.search(text[mention["end_char"]:max(mention["end_char"],
                                                                        r["start_char"])])]
        if near:
            mention["tense"], mention["recent_days"] = "recent", THIS_WEEK_DAYS
            # the weekday named next to it ("Or Levy was freed on Saturday"): when it is the
            # event's own weekday, it names the event's day (dating prefers the days after)
            mention["week_day"] = next((r["weekday"] for r in near
                                        if r.get("weekday") is not None), None)


def _during(before: str, mention: dict) -> bool:
    """The report lies within the event or holiday: "during Ramadan", "throughout the
    truce", "in Ramadan", "this Passover", "in the truce" (a period, with an end date). Not
    "in the" or "this" before a one-day event ("the mediators in the ceasefire deal agreed
    in January", "this agreement"): its part in the story, not the time of the report."""
    found = DURING.search(before)
    if not found:
        return False
    one_day = mention.get("end_date") in (None, "", mention.get("date"))
    if mention["kind"] == "event" and one_day and \
            found.group(0).split()[0].lower() in ("in", "this"):
        return False
    return True


# A war named by its length has ended ("during the 12-day conflict, 29 Israelis were killed"):
# "during" it is no report inside it.
ENDED_WAR = re.compile(r"\b(?:\d+|[a-z]+)-day\s+(?:war|conflict)\b", re.IGNORECASE)


def _event_tense(before: str, mention: dict) -> str:
    """An event's relation to the report, from the words right before it: 'future' ("ahead
    of Ramadan", :data:`AHEAD_OF`), 'during' ("during Ramadan"), 'offset' ("two weeks after
    the killing", :data:`OFFSET_AFTER`, with ``offset_days``), 'recent' ("shortly after
    the ceasefire", "following the rescue", :data:`RECENTLY`; or the event phrase in the
    present perfect). Otherwise a holiday keeps the tense of its clause and a dated event
    is past (a named event is mostly mentioned once it happened; the clause's tense
    belongs to its main verb: "are expected to meet after the killing of Sinwar")."""
    before = before[-60:]
    if AHEAD_OF.search(before) and not mention.get("past_perfect"):
        return "future"
    if _during(before, mention) and not ENDED_WAR.search(mention["text"]):
        return "during"
    if mention.get("since"):   # "the fourth exchange since the ceasefire took effect"
        return "past"
    if mention["kind"] == "holiday" or (mention.get("event_kind") in SCHEDULED_KINDS and
                                        mention["tense"] == "future"):
        return mention["tense"]
    last = LAST_PERIOD_BEFORE.search(before)
    if last:   # "last week's strike in Doha", "yesterday's rescue"
        mention["offset_days"] = LAST_PERIOD_DAYS[(last.group("period") or "").lower() or None]
        return "offset"
    offset = OFFSET_AFTER.search(before)
    if offset and _number(offset.group("num")):
        unit = {"d": 1, "w": 7, "m": 30}[offset.group("unit")[0].lower()]
        mention["offset_days"] = _number(offset.group("num")) * unit
        return "offset"
    recently = RECENTLY.search(before)
    if recently and RECENT_HOURS.match(recently.group(0)):
        mention["recent_days"] = RECENT_HOURS_DAYS   # "hours after the first phase expired"
    elif recently and RECENT_DAYS.match(recently.group(0)):
        mention["recent_days"] = RECENT_DAYS_DAYS    # "days after the strike"
    if recently or RECENTLY_NEW.search(before) or \
            PRESENT_PERFECT.search(mention["text"]) or \
            mention.get("in_headline"):
        return "recent"
    return "past"


def _ordinal_durations(text: str, segments, taken: list) -> list[dict]:
    """ "now in its fifth month", "the 100th day of the war" (see _ORDINAL_DURATION)."""
    found = []
    for pattern in _ORDINAL_DURATION:
        for match in _finditer(pattern, text, segments):
            start, end = match.span()
            amount = _ordinal(match.group("ord"))
            if not amount or any(s < end and start < e for s, e in taken):
                continue
            near = (match.groupdict().get("near") or "").split()
            found.append({"text": match.group(0), "start_char": start, "end_char": end,
                          "kind": "duration", "amount": amount,
                          "unit": match.group("unit").lower(),
                          # "nearing its 22nd month": the last days of the 21st
                          "qualifier": "ordinal_near" if near and near[0].lower() in
                          ("nearing", "approaching", "heading") else "ordinal"})
            taken.append((start, end))
    return found


# A state named as the past one ("then-U.S. President-elect Donald Trump", "the former war
# cabinet"): "then-" or "former" up to two words before it says nothing of the report's day.
THEN_BEFORE = re.compile(r"\b(?:then-|former\s+)(?:[\w.'’-]+\s+){0,2}$", re.IGNORECASE)


def _then_state(text: str, mention: dict) -> bool:
    """A state row's mention with :data:`THEN_BEFORE` right before it."""
    return mention.get("event_kind") == "state" and bool(
        THEN_BEFORE.search(text[max(0, mention["start_char"] - 30):mention["start_char"]]))


# A holiday's one-word name as a surname ("one freed prisoner, Mahdi Ramadan, said"): a
# capitalised given name right before it in the middle of a sentence (after a lower-case
# word or a comma; not a title-case headline, not "the Muslim holy month of Ramadan", "on
# Monday Ramadan begins").
NAME_BEFORE = re.compile(
    r"(?:[a-z,;]\s+)(?!(?:The|Holy|Muslim|Islamic|Jewish|Christian|During|Before|After|Until|"
    r"Since|This|Last|Next|Eid|In|Of|For|Ahead|Gaza|" +
    "|".join(w.capitalize() for w in WEEKDAY_NAMES) + "|" + _MONTH_NAME_ALT +
    r")\b)[A-Z][a-z]+\s+$")


def _a_persons_name(text: str, start: int) -> bool:
    """Whether a holiday's name at `start` is a surname (:data:`NAME_BEFORE`)."""
    return bool(NAME_BEFORE.search(text[max(0, start - 40):start]))


def _timeline_mentions(text: str) -> list[dict]:
    """Holidays, dated events and office holders the timeline knows (analysis.rules.timeline)."""
    from analysis.rules import timeline

    offices = timeline.find_offices(text)
    # (a state a title names, "President-elect Donald Trump", is the holder's tenure already)
    mentions = [m for m in timeline.find_events(text) if not _name_only(text, m) and
                not _then_state(text, m) and not (
        m.get("event_kind") == "state" and any(-3 <= o["start_char"] - m["end_char"] <= 3 or
                                               0 <= m["start_char"] - o["end_char"] <= 8
                                               for o in offices))] + offices
    headline = text.find("\n")
    for mention in mentions:  # an event in the headline is the news itself
        mention["in_headline"] = 0 <= mention["start_char"] < headline <= 200
    for name, pattern in timeline.holiday_patterns().items():
        # every mention, up to a few ("Gaza truce for Ramadan ..." in a headline, "ahead of
        # Ramadan" in the body): the inference keeps the most telling one
        for match in [m for m in pattern.finditer(text)
                      if " " in m.group(0).strip() or not _a_persons_name(text, m.start())
                      ][:timeline.MAX_MENTIONS]:
            mentions.append({"text": match.group(0), "start_char": match.start(),
                             "end_char": match.end(), "kind": "holiday", "holiday": name})
            _holiday_start(text, match.end(), mentions[-1])
    return mentions


# A holiday said to begin on a weekday or soon ("before Ramadan, the Muslim holy month of
# fasting, begins Monday", "Ramadan, which starts early next week"): its first day is that
# weekday, within days of the report.
HOLIDAY_STARTS = re.compile(
    r"(?:,?\s+(?:which|that)\s+|,\s+(?:the|a)\s+[^,.;]{0,50},\s+|\s+)(?:is\s+|will\s+)?"
    r"(?:(?:due|expected|set)\s+to\s+)?(?:begins?|starts?|commences?)\s+(?:on\s+)?"
    r"(?:(?P<soon>tomorrow|(?:early\s+|late\s+)?(?:next|this)\s+week|in\s+(?:a\s+few|two|three)"
    r"\s+days)|(?:this\s+|next\s+)?(?P<wd>" + "|".join(WEEKDAY_NAMES) + r"))\b", re.IGNORECASE)


def _holiday_start(text: str, end: int, mention: dict) -> None:
    """Mark a holiday mention whose first day the text gives as a weekday
    (``starts_weekday``) or as soon (``starts_soon``): :data:`HOLIDAY_STARTS`."""
    found = HOLIDAY_STARTS.match(text, end, min(len(text), end + 110))
    if found and found.group("wd"):
        mention["starts_weekday"] = WEEKDAYS[found.group("wd").lower()]
    elif found:
        mention["starts_soon"] = True


# A release, rescue or recovery found by a hostage's name alone ("Kfir Bibas", "Emily Damari")
# says it happened only with such a word in the sentence: the names are in the news from the
# day of the kidnapping ("Kfir Bibas was nine months old when he was taken").
NAME_ONLY = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]*")
FREED_WORDS = re.compile(r"\b(?:releas\w*|free[ds]?|freeing|return\w*|handed\s+over|hand\s+over|"
                         r"handover|came\s+home|returned\s+home|homecoming|reunit\w*|rescu\w*|recover\w*|retriev\w*|"
                         r"bodies|body|remains|coffins?|funerals?|buried|identified|exchange[ds]?|"
                         r"swap|walked\s+free|back\s+in\s+Israel)\b", re.IGNORECASE)
NAMED_KINDS = ("release", "rescue", "recovery")
# ... nor with one saying the person was left out ("was not included in the release", "is still
# held", "remains in captivity")
NOT_FREED = re.compile(r"\bnot\s+(?:\w+\s+){0,2}(?:includ|releas|free|return)\w*|\bstill\s+"
                       r"(?:being\s+)?(?:held|in\s+captivity)|\bremains?\s+in\s+captivity",
                       re.IGNORECASE)


def _name_only(text: str, mention: dict) -> bool:
    """A release, rescue or recovery row matched by a hostage's name alone, with no word of
    freeing in its sentence (:data:`FREED_WORDS`): not evidence that it happened."""
    if mention.get("event_kind") not in NAMED_KINDS or \
            not NAME_ONLY.fullmatch(mention["text"]):
        return False
    start = max(text.rfind(". ", 0, mention["start_char"]),
                text.rfind("\n", 0, mention["start_char"])) + 1
    stops = [i for i in (text.find(". ", mention["end_char"]),
                         text.find("\n", mention["end_char"])) if i >= 0]
    sentence = text[start:min(stops) if stops else len(text)]
    return not FREED_WORDS.search(sentence) or bool(NOT_FREED.search(sentence))


def _attach_weekdays(text: str, mentions: list[dict]) -> None:
    """A weekday right before a date ("Tuesday 13 February", "Tuesday, Feb. 13") names the
    date's weekday: it is stored on the date (``weekday``) and the weekday mention is marked
    ``of_date`` (it says nothing about the report day)."""
    for before, mention in zip(mentions, mentions[1:]):
        if before["kind"] == "weekday" and mention["kind"] in ("month_day", "day_month", "iso") \
                and re.fullmatch(r"[\s,]*(?:the\s+)?\(?",
                                 text[before["end_char"]:mention["start_char"]]):
            mention["weekday"] = before["weekday"]
            before["of_date"] = True
            if before.get("tense") == "future":   # "likely to take effect on Sunday, January 19"
                mention["tense"] = "future"


_PRECISION_BASE = dt.date(2024, 6, 15)


def day_precise(text: str) -> bool:
    """Whether a date expression names a day, not a week or a month.

    >>> day_precise("July 28"), day_precise("on Friday"), day_precise("last week")
    (True, True, False)
    """
    return resolve(text, _PRECISION_BASE).precision == "day"
