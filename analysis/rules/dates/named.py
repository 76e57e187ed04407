"""The timeline's events, offices and holidays found in a text (:func:`_timeline_mentions`),
with the readings that set some aside: a state named as past ("then-President-elect"), a
holiday's name as a surname, an event named by a person's name alone, and the first day of a
holiday given as a weekday or as soon. Fed by :mod:`analysis.rules.timeline` and
:mod:`.words`; feeds :mod:`.signals` (round 7: split from :mod:`.tenses`).
"""

from __future__ import annotations

import re

from analysis.rules.dates.words import _MONTH_NAME_ALT, WEEKDAY_NAMES, WEEKDAYS

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
# fasting, begins Monday", "Ramadan, which starts early next week", "Ramadan begins at the
# start of next week"): its first day is that
# weekday, within days of the report.
HOLIDAY_STARTS = re.compile(
    r"(?:,?\s+(?:which|that)\s+|,\s+(?:the|a)\s+[^,.;]{0,50},\s+|\s+)(?:is\s+|will\s+)?"
    r"(?:(?:due|expected|set)\s+to\s+)?(?:begins?|starts?|commences?)\s+(?:on\s+)?"
    r"(?:(?P<soon>tomorrow|(?:early\s+|late\s+|at\s+the\s+(?:start|beginning|end)\s+of\s+)?"
    r"(?:next|this)\s+week|in\s+(?:a\s+few|two|three)"
    r"\s+days|in\s+a\s+week)|(?:this\s+|next\s+)?(?P<wd>" + "|".join(WEEKDAY_NAMES) + r"))\b",
    re.IGNORECASE)


# ... or named with its week right after it (round 7): "a truce beginning over Eid al-Fitr
# this weekend", "Ramadan next week"
HOLIDAY_SOON_AFTER = re.compile(r"\s+(?:this\s+(?:coming\s+)?weekend|next\s+week|tomorrow)\b",
                                re.IGNORECASE)


# ... or said to have begun this week (round 8): "since the start of the Muslim holy month of
# Ramadan earlier this week", "Ramadan, which began on Monday", "Ramadan started last week"
# (the sentence's "would mark" read it as coming: a report of five days into Ramadan was
# dated before it, its window missing the truth).
_DAY_WORDS = "|".join(WEEKDAY_NAMES)
HOLIDAY_BEGAN_BEFORE = re.compile(r"\b(?:start|beginning|onset|first\s+day)\s+of\s+(?:the\s+)?"
                                  r"(?:[\w-]+\s+){0,5}$", re.IGNORECASE)
HOLIDAY_THIS_WEEK = re.compile(rf"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:began|started|begun)\s+)?"
                               rf"(?:earlier\s+this\s+week|this\s+week|last\s+week|"
                               rf"(?:on\s+|last\s+)?(?:{_DAY_WORDS}))\b", re.IGNORECASE)
HOLIDAY_BEGAN_AFTER = re.compile(rf"\s*,?\s*(?:which|that)?\s*(?:began|started)\s+(?:earlier\s+"
                                 rf"this\s+week|this\s+week|last\s+week|(?:on\s+|last\s+)?"
                                 rf"(?:{_DAY_WORDS}))\b", re.IGNORECASE)


def _holiday_began(text: str, start: int, end: int) -> bool:
    """Whether the text says the holiday at start..end began this week or last
    (:data:`HOLIDAY_BEGAN_BEFORE` with :data:`HOLIDAY_THIS_WEEK`, or
    :data:`HOLIDAY_BEGAN_AFTER`)."""
    after = text[end:end + 60]
    return bool(HOLIDAY_BEGAN_AFTER.match(after) or (
        HOLIDAY_BEGAN_BEFORE.search(text[max(0, start - 60):start]) and
        HOLIDAY_THIS_WEEK.match(after)))


# Round 8, second pass: "the first talks since the start of Ramadan" (no week named): the
# holiday has begun, whatever the tense of the sentence ("are set to restart ... since the
# start of Ramadan": a fresh report of 16 March 2024 read Ramadan as coming).
HOLIDAY_SINCE_START = re.compile(r"\bsince\s+(?:the\s+)?(?:start|beginning|onset|first\s+day)"
                                 r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$", re.IGNORECASE)


def _holiday_start(text: str, end: int, mention: dict) -> None:
    """Mark a holiday mention whose first day the text gives as a weekday
    (``starts_weekday``) or as soon (``starts_soon``): :data:`HOLIDAY_STARTS`,
    :data:`HOLIDAY_SOON_AFTER`; or as this week's past (``began_recently``:
    :func:`_holiday_began`)."""
    if _holiday_began(text, mention["start_char"], end):
        mention["began_recently"] = True
        return
    if HOLIDAY_SINCE_START.search(text[max(0, mention["start_char"] - 60):mention["start_char"]]):
        mention["began"] = True
        return
    if HOLIDAY_SOON_AFTER.match(text, end):
        mention["starts_soon"] = True
        return
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
