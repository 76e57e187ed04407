"""Finding date expressions in text (:func:`find_dates`, :func:`find_dates_typed`), the tense
of a sentence or of the clause around a span (:func:`tense_of`, :func:`local_tense`), and
the counts of hostages' remains told in the date text. Fed by :mod:`.words`; feeds
:mod:`.durations`, :mod:`.tenses`, :mod:`.signals`.
"""

from __future__ import annotations

import re

from analysis.rules.dates.words import (
    _DAY,
    _MONTH_ALT,
    _MONTH_NAME_ALT,
    _NUM,
    _NUM_WORDS,
    _PART,
    _WEEKDAY_ALT,
    _YEAR,
    CONDITIONAL,
    EXTEND_UNTIL,
    FUTURE_MARKERS,
    INVITED_FOR,
    REPORTED_WOULD,
    SCHEDULED,
    WEEKDAY_NAMES,
    _expression_tense,
    _norm,
    _number,
)
from analysis.rules.lexicon import MONTHS
from analysis.rules.prefilter import finditer

# The remains of hostages still held, told in the date text itself (the figures may miss
# them): "the remains of 12 hostages remain in Gaza", "still holds the bodies of 11
# hostages", "four more bodies are still being held", "leaving two deceased hostages in
# Gaza". Kind "remains" with the count; "a"/"an" are no count here.
_COUNT = r"(?:\d{1,2}|" + "|".join(k for k, v in _NUM_WORDS.items()
                                   if v and k not in {"a", "an"}) + ")"


_DEAD = r"(?:deceased\s+|dead\s+|slain\s+|fallen\s+|killed\s+|murdered\s+)?"


_REMAINS = re.compile(
    # round 7 (first: a count "held" then "returned" is a count returned): "To date, the
    # remains of 15 hostages who died ... have been returned to Israel"
    rf"\b(?:remains|bodies)\s+of\s+(?P<back4>{_COUNT})\s+(?:deceased\s+|dead\s+)?(?:Israeli\s+)?"
    rf"(?:hostages|captives)\b[^.;]{{0,80}}?\b(?:have|had)\s+(?:now\s+)?been\s+(?:returned|"
    rf"handed\s+over|repatriated)|"
    rf"\b(?:remains|bodies)\s+of\s+(?:the\s+)?(?:last\s+|remaining\s+)?(?P<n>{_COUNT})\s+"
    rf"(?:more\s+|other\s+)?{_DEAD}(?:Israeli\s+)?(?:hostages|captives)\s+(?:still\s+)?"
    rf"(?:remain|are\s+still|are\s+believed|are\s+being\s+held|held|in\s+Gaza|left)"
    rf"|\b(?:still\s+)?(?:holds?|holding|has|have)\s+(?:the\s+)?(?:bodies|remains)\s+of\s+"
    rf"(?:the\s+)?(?:last\s+|remaining\s+)?(?P<n2>{_COUNT})\s+(?:more\s+|other\s+)?{_DEAD}"
    rf"(?:Israeli\s+)?(?:hostages|captives)"
    rf"|\b(?P<n3>{_COUNT})\s+(?:more\s+|other\s+)?(?:bodies|(?:deceased|dead|slain|fallen|murdered)"
    rf"\s+(?:hostages|captives))\s+(?:(?:who\s+|that\s+)?(?:are\s+|were\s+)?(?:still\s+)"
    rf"(?:being\s+held|held|in\s+Gaza|"
    rf"remain)"
    # round 8, second pass: "return the three deceased hostages it is still holding"
    rf"|(?P<holder>(?:that\s+|which\s+)?(?:it|Hamas|they|the\s+group)\s+(?:is\s+|are\s+)?"
    rf"still\s+(?:holding|holds?|has))\b)"
    rf"|\bleav(?:es|ing)\s+(?:only\s+|just\s+)?(?P<n4>{_COUNT})\s+(?:more\s+)?{_DEAD}"
    rf"(?:hostages|captives|bodies)\s+(?:still\s+)?(?:in\s+Gaza|unaccounted|held)"
    # "with 13 more still to be recovered", "bring the number of bodies in Gaza down to two"
    rf"|\b(?:with|leaving)\s+(?P<n5>{_COUNT})\s+(?:more\s+|other\s+)?(?:bodies\s+|{_DEAD}"
    rf"hostages\s+)?(?:still\s+|yet\s+)?to\s+be\s+(?:recovered|returned|handed\s+over|repatriated)"
    rf"|\bbring(?:s|ing)?\s+the\s+number\s+of\s+(?:bodies|{_DEAD}hostages)\s+(?:still\s+)?"
    rf"(?:held\s+)?(?:in\s+Gaza\s+)?down\s+to\s+(?P<n6>{_COUNT})\b"
    # "returned the remains of seven of 28 known deceased hostages": 28 - 7 still held
    rf"|\b(?:returned|handed\s+(?:over|back)|released|transferred)\s+(?:the\s+)?(?:remains|"
    rf"bodies)\s+of\s+(?P<back>{_COUNT})\s+(?:of|out\s+of)\s+(?:the\s+)?28\b"
    # round 6: the bodies returned since the ceasefire began, told without the 28: "Hamas
    # had returned the remains of 20 hostages to Israel since the current ceasefire began",
    # "since the ceasefire began on October 10, 24 hostages' remains have been returned"
    # (:func:`_returned_since_truce` checks the "since" and the count)
    rf"|\b(?:return(?:ed)?|handed\s+(?:over|back)|releas(?:e|ed)|transferr?(?:ed)?|"
    rf"surrender(?:ed)?)\s+(?:the\s+)?(?:remains|bodies)\s+of\s+(?P<back2>{_COUNT})\s+(?:deceased\s+|dead\s+)?(?:Israeli\s+)?"
    rf"(?:hostages|captives)\b"
    rf"|\b(?P<back3>{_COUNT})\s+(?:deceased\s+)?hostages['’]\s+(?:remains|bodies)\s+(?:have|had)\s+"
    rf"been\s+(?:returned|handed\s+over|repatriated)"
    # round 7: "Of the 28 deceased hostages Hamas agreed to hand over, it has so far
    # returned 21": 28 - 21 still held
    rf"|\bof\s+the\s+28\s+(?:deceased\s+|dead\s+)?(?:hostages|captives|bodies)\b[^.;]{{0,80}}?"
    rf"\b(?:has|have|had)\s+(?:so\s+far\s+|now\s+)?(?:returned|handed\s+over|released)\s+"
    rf"(?P<back5>{_COUNT})\b"
    # round 10: the dead told after the noun: "eight hostages who were killed in captivity
    # still remain in Gaza", "three captives who died in captivity are still held"
    rf"|\b(?P<n8>{_COUNT})\s+(?:more\s+|other\s+)?(?:Israeli\s+)?(?:hostages|captives)\s+"
    rf"(?:who|that)\s+(?:were\s+killed|died|have\s+died|had\s+died|were\s+murdered)\s+"
    rf"(?:in\s+captivity\s+)?(?:still\s+remain|remain\s+(?:in\s+Gaza|held)|are\s+still\s+"
    rf"(?:held|in\s+Gaza|being\s+held))\b"
    # "that would leave the remains of seven others in Gaza"
    rf"|\bleav(?:e|es|ing)\s+(?:the\s+)?(?:remains|bodies)\s+of\s+(?P<n7>{_COUNT})\s+"
    rf"(?:others|more|hostages)\s+(?:still\s+)?(?:in\s+Gaza|unaccounted|held)",
    re.IGNORECASE)
# The bodies returned since a truce began count for the October 2025 deal (28 deceased) when
# they are more than the eight bodies the January 2025 truce returned, and "since" the
# ceasefire (or October), the ceasefire "began", or "to date", "so far" stands in the
# sentence.
JANUARY_2025_BODIES = 8
_SINCE_TRUCE = re.compile(r"\bsince\b[^.;]{0,60}?\b(?:ceasefire|cease-fire|truce|October)\b|"
                          r"\b(?:to\s+date|so\s+far|thus\s+far|in\s+total|altogether)\b|"
                          r"\b(?:ceasefire|cease-fire|truce)\b[^;]{0,80}?\b(?:began|started|took\s+"
                          r"effect|came\s+into\s+effect)\b", re.IGNORECASE)


def _returned_since_truce(text: str, match: re.Match) -> int | None:
    """The count of bodies returned since the October 2025 ceasefire that `match` (group
    back2, back3 or back4 of :data:`_REMAINS`) tells, or None (fewer than nine, or no
    "since" nor "to date" in the 160 characters before it and the 80 after, within its
    paragraph)."""
    word = match.group("back2") or match.group("back3") or match.group("back4")
    count = _number(word)
    start = max(text.rfind("\n", 0, match.start()) + 1, match.start() - 160)
    end = text.find("\n", match.end())
    around = text[start:min(end if end >= 0 else len(text), match.end() + 80)]
    if count is None or count <= JANUARY_2025_BODIES or not _SINCE_TRUCE.search(around):
        return None
    return count


# the deceased hostages the October 2025 agreement had Hamas return
DECEASED_OCT_2025 = 28


_REMAINS_WORD = re.compile(r"bod(?:y|ies)|remains|deceased|dead|slain|fallen|died|killed|murdered",
                           re.IGNORECASE)


_MARK_WORD = re.compile(r"\bmark", re.IGNORECASE)


_CAPTIVITY_WORD = re.compile(r"captiv|hostage", re.IGNORECASE)


_WORD_OR_DAY = re.compile(r"[A-Za-z]+|\d{1,2}")


# A count of remains told as what a pending identification would leave ("If confirmed, it
# would mean the remains of 12 hostages remain in Gaza", "that would leave the remains of
# seven others"): ``pending``, the count held now or one more (round 7: a report of 27
# October 2025 telling 12 fitted the periods of 13 and 11 alike, and was dated a week late).
_PENDING = re.compile(r"\b(?:would|will)\b[^.;]{0,50}$", re.IGNORECASE)


# ... not when a verb of bringing back stands right before ("recovered the bodies of two
# hostages held in the Gaza Strip": a count recovered, not one still held)
_RETURNED_BEFORE = re.compile(r"\b(?:recover|retriev|return|repatriat|receiv|identifi|"
                              r"handed\s+(?:over|back)|brought\s+(?:back|home))\w*\s+"
                              r"(?:the\s+)?$", re.IGNORECASE)


# Round 8: a coffin said to hold "the 16th of 28 bodies" (Hamas's count, before Israel
# identifies it): 28 minus that many still held, or one more if the identification fails.
_NTH_OF_28 = re.compile(r"\b(?P<nth>[12]?\d)(?:st|nd|rd|th)\s+(?:of\s+(?:the\s+)?|out\s+of\s+"
                        r"(?:the\s+)?)(?:28|twenty-eight)\s+(?:bodies|deceased|dead|remains|"
                        r"hostages)\b", re.IGNORECASE)


def _nth_of_the_bodies(text: str) -> list[dict]:
    """Remains still held told as the ordinal of a coffin returned (:data:`_NTH_OF_28`)."""
    return [{"text": m.group(0), "start_char": m.start(), "end_char": m.end(),
             "kind": "remains", "count": DECEASED_OCT_2025 - int(m.group("nth")),
             "returned": True, "pending": True}
            for m in _NTH_OF_28.finditer(text) if 0 < int(m.group("nth")) < DECEASED_OCT_2025]


def _remains_mentions(text: str) -> list[dict]:
    """Counts of hostages' remains still held (:data:`_REMAINS`), kind "remains"."""
    if not _REMAINS_WORD.search(text):
        return []
    out = []
    for match in finditer(_REMAINS, text):  # (_REMAINS.finditer(text))
        if match.group("back2") or match.group("back3") or match.group("back4"):
            returned = _returned_since_truce(text, match)
            if returned is not None:
                out.append({"text": match.group(0), "start_char": match.start(),
                            "end_char": match.end(), "kind": "remains",
                            "count": DECEASED_OCT_2025 - returned, "returned": True})
            continue
        if not match.group("back") and not match.group("holder") and _RETURNED_BEFORE.search(
                text, max(0, match.start() - 40), match.start()):
            continue   # "Israel has recovered the bodies of two hostages held in Gaza" (not
            # "return the three deceased hostages it is still holding": a demand)
        if (match.group("n5") or match.group("n6")) and not _CAPTIVITY_WORD.search(
                text, max(0, match.start() - 400), match.start()):
            continue   # (bodies under the rubble: no hostages named before)
        word = next(g for g in match.group("n", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "back",
                                           "back5") if g)
        count = _number(word)
        if count is not None and (match.group("back") or match.group("back5")):
            count = DECEASED_OCT_2025 - count
        pending = count is not None and not match.group("back") and bool(
            _PENDING.search(text, max(0, match.start() - 60), match.start()))
        if count is not None:
            out.append({"text": match.group(0), "start_char": match.start(),
                        "end_char": match.end(), "kind": "remains", "count": count,
                        "returned": bool(match.group("back") or match.group("back5")),
                        **({"pending": True} if pending else {})})
    out += _nth_of_the_bodies(text)
    counts = set()   # one mention per count: "returned the remains of 15 ... since the
    # ceasefire began, with 13 more still to be recovered" tells 13 twice
    return [m for m in out if not (m["count"] in counts or counts.add(m["count"]))]


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


_BEFORE, _AFTER = 64, 24  # characters of context a match may need around its trigger word


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
    """pattern.finditer over the trigger windows only (same matches, much cheaper), each
    window only when it can hold a match (:func:`analysis.rules.prefilter.finditer`)."""
    if segments is None:
        segments = _segments(text) if len(text) > 400 else [(0, len(text))]
    return finditer(pattern, text, segments)


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
    if DATE_IS_COMING.match(sentence, end) and not WAR_DAY.search(sentence[start:end]):
        return "future"   # "as you know January 20 is a very big day," Trump said
    before = LIST_OF_NAMES.sub(lambda m: m.group(0).replace(",", " "), sentence[:start])
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind(" that "),
                       before.rfind("“"), before.rfind('"'), _last_stop(before))
    left = before[clause_start + 1:] if clause_start >= 0 else before
    if SCHEDULED.search(left) or EXTEND_UNTIL.search(left) or INVITED_FOR.search(left):
        # "which begins on March 10", "wants an extension of the first phase until
        return "future"   # mid-April", "invited Netanyahu for a meeting on February 4"
    own_line = left.split("\n")[-1]   # (a headline the parser joined is no clause of it)
    if CONDITIONAL.search(own_line) and not re.search(r"\bhad\b", own_line) and \
            not REPORTED_WOULD.search(own_line):
        return "future"   # "the truce would halt fighting until ... March 31"
    if _past_event_after_future(left):
        return "past"
    if len(left.split()) <= 1 or _deadline_aside(left):   # the date opens its clause (or a
        # deadline aside: "Within 72 hours, meaning by Oct. 13 at noon, Hamas is set to
        # release ..."): read the clause that follows
        after = sentence[end:]
        stop = min([i for i in (after.find(";"), after.find(" that ")) if i >= 0] +
                   [len(after)])
        return tense_of(after[:stop])
    return tense_of(left + sentence[start:end])


# Round 8: a date that is the subject of "is a/the ..." or "will be" names a coming day
# ("as you know January 20 is a very big day," Trump said on December 10: read as past, the
# report was put after January 20, 41 days late, in a stress test). Not the war's first day
# ("October 7 is a day Israelis will never forget").
DATE_IS_COMING = re.compile(r"\s+(?:is|will\s+be)\s+(?:a|an|the|going|set|expected|due)\b",
                            re.IGNORECASE)
WAR_DAY = re.compile(r"\b(?:oct(?:ober|\.)?\s+7|7\s+oct(?:ober|\.)?)\b", re.IGNORECASE)


# Round 8: a full stop after a lower-case word and before a capital ends a clause even where
# the sentence splitter went on ("... would be returning the remains at 4 p.m. The previous
# handover happened on Nov. 13": the conditional of the first sentence made the date coming).
_STOP = re.compile(r"(?<=[a-z]\.)\s+(?=[A-Z])")


def _last_stop(before: str) -> int:
    """Offset of the last :data:`_STOP` in `before` (-1 when none)."""
    stops = [m.start() for m in _STOP.finditer(before)]
    return stops[-1] if stops else -1


# A deadline in an aside of its own, with no verb of its clause before it ("meaning by Oct. 13",
# "or by March 1"): its tense is the next clause's (round 7: "... by Oct. 13 at noon, Hamas is
# set to release the 48 hostages" read as past put a report of 10 October on or after 13
# October, its window missing the truth).
_DEADLINE_ASIDE = re.compile(r"^\s*(?:(?:meaning|or|and|i\.e\.|that\s+is)\s+)?by\s+$",
                             re.IGNORECASE)


def _deadline_aside(left: str) -> bool:
    """Whether the clause before a date is "by" and a linking word (:data:`_DEADLINE_ASIDE`)."""
    return bool(_DEADLINE_ASIDE.match(left))


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
