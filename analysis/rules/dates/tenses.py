"""The relation of a mention to the report: tense in its clause, events as past, recent,
coming, under way or at a distance ("two weeks after the killing"); and :func:`day_precise`
(whether a date expression names a day), which the meeting rules read. The events of the
week are in :mod:`.weeks`, the timeline's events, holidays and offices found in a text in
:mod:`.named` (round 7). Fed by :mod:`.finding`; feeds :mod:`.signals` and
:mod:`analysis.rules.meeting_mentions`.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.rules.dates.finding import local_tense, tense_of
from analysis.rules.dates.resolving import resolve
from analysis.rules.dates.words import _NUM, _number

# Words right before an event or holiday that make it a coming one ("ahead of Ramadan",
# "before the inauguration", "in the run-up to Passover"); the others leave the tense of the
# clause. "during" puts the report inside the event.
AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|in\s+the\s+run-up\s+to|until|till|awaiting|"
                      r"in\s+time\s+for|by|"
                      r"upcoming|coming|start\s+of|beginning\s+of|eve\s+of)\s+(?:the\s+)?"
                      r"(?:holy\s+|Muslim\s+|Jewish\s+|fasting\s+|month\s+of\s+|\w+['’]s\s+)*"
                      r"[\"“‘']?$",   # (a quoted name: 'before the "Gideon's Chariots" operation';
                      # round 9: a curly apostrophe, "ahead of Saturday’s expiration")
                      re.IGNORECASE)


# ... but a bare "by" is a deadline only before a day ("by his inauguration on January 20",
# "returned by Inauguration Day", "by Ramadan"); before anything else it names an agent or a
# means (round 11, 9 of the 11 events after "by" in the development texts, six batches:
# "information provided by the Red Cross", "the crisis triggered by the Doha strike", "an
# effort by the Biden administration", "a site run by the Gaza Humanitarian Foundation",
# "putting hostages at risk by resuming military operations"; a report of November 2025 put
# before 20 January 2025 by "channels being utilized by the Trump administration").
BY_ALONE = re.compile(r"by\b", re.IGNORECASE)
DEADLINE_KINDS = ("inauguration", "election", "anniversary", "summit")


def _ahead_of(before: str, mention: dict) -> bool:
    """Whether the words right before an event make it a coming one (:data:`AHEAD_OF`),
    "by" only before a day (:data:`DEADLINE_KINDS`, a holiday).

    >>> _ahead_of("free the hostages by ", {"kind": "event", "event_kind": "inauguration"})
    True
    >>> _ahead_of("channels being utilized by the ", {"kind": "event", "event_kind": "state"})
    False
    """
    ahead = AHEAD_OF.search(before)
    if ahead is None:
        return False
    return not BY_ALONE.match(ahead.group(0)) or mention["kind"] == "holiday" or \
        mention.get("event_kind") in DEADLINE_KINDS


# A holiday named as the end of a period still to run ("extend the ceasefire until after
# Ramadan", "a truce until after the Muslim holy month of Ramadan and the Jewish holiday of
# Passover": both holidays, the second coordinated with the first): the report lies before the
# holiday's end, during it perhaps (round 6, second pass: a report of 6 March 2025, in
# Ramadan, read the Passover of such a sentence as past and its window missed the truth by a
# day). Not "after Ramadan" alone, not "until Ramadan" (coming: :data:`AHEAD_OF`).
_HOLIDAY_WORDS = (r"(?:holy\s+|Muslim\s+|Jewish\s+|fasting\s+|month\s+of\s+|holiday\s+of\s+|"
                  r"festival\s+of\s+|\w+'s\s+)*")
UNTIL_AFTER = re.compile(r"\b(?:until|till)\s+after\s+(?:the\s+)?" + _HOLIDAY_WORDS
                         + r"(?:(?-i:[A-Z])[\w'’-]+\s+and\s+(?:the\s+)?" + _HOLIDAY_WORDS + r")?$",
                         re.IGNORECASE)


# An event named as a prospect ("the possible withdrawal of Israeli troops from the Netzarim
# Corridor" in a report of December 2024, "a potential Rafah crossing reopening", "any
# withdrawal from Netzarim"): not yet happened, coming (round 6: a fresh report was dated two
# months late by the withdrawal of 9 February 2025 read as past). Not for a proposal: "Israel's
# proposed 45-day ceasefire" names the proposal itself, made before the report.
PROSPECT = re.compile(r"\b(?:possible|potential|proposed|prospective|eventual|any|future|"
                      r"hoped-for|would-be)\s+(?:\w+\s+)?$", re.IGNORECASE)


# An event as the aim of an effort (round 7): "efforts to secure the release of Edan
# Alexander", "Witkoff pushed to free Edan Alexander" (the event's phrase opening with the
# verb): coming. Not "due to", "according to", "led to" (no verb of aim before "the").
TO_BRING_ABOUT = re.compile(r"\bto\s+(?:secure|win|obtain|negotiate|seek|facilitate|ensure|"
                            r"achieve|complete|allow|enable|bring\s+about|push\s+for|press\s+for"
                            r")\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
TO_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
AIM_VERB = re.compile(r"(?:free|release|return|rescue|recover|retrieve|bring\s+home)\b",
                      re.IGNORECASE)


def _as_aim(before: str, mention: dict) -> bool:
    """Whether the event is named as the aim of an effort (:data:`TO_BRING_ABOUT`, or "to"
    right before an event phrase opening with a verb of release: "to free ...")."""
    return bool(TO_BRING_ABOUT.search(before) or (TO_INFINITIVE.search(before) and
                                                  AIM_VERB.match(mention["text"])))


# Round 8: a date told as the previous occurrence ("The previous handover happened on Nov. 13",
# in a report of the next handover twelve days later) bounds the report from below but is not
# its news: no "soon after" preference (two fresh reports were dated a week early by it).
PREVIOUS_BEFORE = re.compile(r"\b(?:previous|prior|preceding)\s+(?:[\w-]+\s+){1,5}$",
                             re.IGNORECASE)


# "since March 18", "since the ceasefire collapsed in March": the report follows it, but not
# necessarily soon (no recency preference).
SINCE_DATE = re.compile(r"\bsince\s+(?:on\s+)?$", re.IGNORECASE)


SINCE_EVENT = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}$", re.IGNORECASE)


# An event whose own phrase opens with "since" ("since Trump took office on Jan. 20", "since
# the October 10 ceasefire"): the span reaches the report, the event is past even in a future
# sentence ("The talks will be the first since Trump took office on Jan. 20": round 8, a dev
# report left undated as disagreeing with an inauguration 'still to come').
SINCE_OWN = re.compile(r"since\b", re.IGNORECASE)


DATED = ("iso", "month_day", "day_month", "month_year", "part_month", "bare_month")


# Events announced before they happen (an inauguration, a release day, an agreement, talks):
# a future marker within 60 characters ("will be released", "which will take place") keeps
# them coming.
SCHEDULED_KINDS = ("inauguration", "election", "release", "agreement", "ceasefire", "talks",
                   "truce", "summit")
# ... read up to the next clause only (round 9: "Hamas released three women on Sunday in
# exchange for 90 Palestinian prisoners, and four more hostages are due to be freed on
# Saturday": the exchange of Sunday is past)
NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;")


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
# ... or right before it (round 8): "We have decided to bring our team home from Doha" (the
# statement of the day, quoted by every report of it: three fresh reports and a dev article
# of 24 July 2025 left undated with the right best day), "Hamas has agreed to release".
PRESENT_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:just\s+|now\s+|finally\s+)?\w+ed\s+"
                                    r"(?:to\s+|on\s+|with\s+)?(?:the\s+)?$", re.IGNORECASE)


DURING = re.compile(r"\b(?:during|throughout|this|in)\s+(?:the\s+)?(?:holy\s+|Muslim\s+|"
                    r"Jewish\s+|fasting\s+|month\s+of\s+)*$", re.IGNORECASE)


def _set_tense(text: str, mention: dict, start: int, end: int) -> None:
    """The mention's tense in its sentence text[start:end], whether it follows "since", and
    for events and holidays their relation to the report (:func:`_event_tense`)."""
    mention["tense"] = local_tense(text[start:end], mention["start_char"] - start,
                                   mention["end_char"] - start)
    before = text[max(start, mention["start_char"] - 60):mention["start_char"]]
    if (SINCE_DATE if mention["kind"] in DATED else SINCE_EVENT).search(before) or \
            (mention["kind"] == "event" and SINCE_OWN.match(mention["text"])):
        mention["since"] = True   # "killed since the ceasefire collapsed": not recent
    if mention["kind"] in DATED and PREVIOUS_BEFORE.search(re.split(r"[,;:]", before)[-1]):
        mention["previous"] = True   # "The previous handover happened on Nov. 13"
    if mention["kind"] in ("event", "holiday"):
        near = text[max(start, mention["start_char"] - 60):mention["end_char"]] + \
            NEXT_CLAUSE.split(text[mention["end_char"]:min(end, mention["end_char"] + 60)])[0]
        if mention.get("event_kind") in SCHEDULED_KINDS and tense_of(near) == "future" and \
                not mention.get("since") and not PAST_VERB_BEFORE.search(
                    text[max(start, mention["start_char"] - 40):mention["start_char"]]) and \
                not AFTER_BEFORE.search(text[max(start, mention["start_char"] - 20):
                                             mention["start_char"]]):
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
        mention["hypothetical"] = (bool(HYPOTHETICAL.search(left[-HYPOTHESIS_CHARS:])) and
                                   not FACT_BEFORE.search(left)) or \
            bool(PREVENTED.search(left[-40:]))
        mention["tense"] = _event_tense(text[start:mention["start_char"]], mention)
        if CURRENT_STATE.match(mention["text"]):
            mention["tense"] = "during"   # "the current, fragile ceasefire": in force now
            if ENDED_BEFORE.search(text[max(start, mention["start_char"] - 30):
                                        mention["start_char"]]) or \
                    ENDED_AFTER.match(text, mention["end_char"], end):
                mention["tense"], mention["since"] = "past", True   # ... unless it ended:
                return   # no news of its first day ("ended ... last week" is of the end)
        if HEADLINE_PLAN.match(mention["text"]):
            mention["tense"] = "future"   # "Trump to Meet Netanyahu at Mar-a-Lago"
        if mention["tense"] == "past" and SIDELINES.match(mention["text"]):
            mention["tense"] = "during"   # "met on the sidelines of the UN General Assembly"
        after = text[mention["end_char"]:min(end, mention["end_char"] + 40)]
        if mention["tense"] == "past" and LAST_WEEK_AFTER.match(after):
            mention["tense"], mention["offset_days"] = "offset", 7
        last_day = LAST_WEEKDAY_AFTER.match(after) if mention["tense"] == "past" else None
        if last_day:   # "approved during the emergency Arab summit in Cairo last Tuesday"
            mention["tense"], mention["recent_days"] = "recent", LAST_WEEKDAY_DAYS
        ago = AGO_AFTER.match(after) if mention["tense"] == "past" else None
        if ago and _number(ago.group("num")):   # "the first phase of which ended two weeks ago"
            mention["tense"] = "offset"
            mention["offset_days"] = _number(ago.group("num")) * AGO_UNIT_DAYS[
                ago.group("unit").lower()]


# Round 8: a name and "to" + a verb of meeting opening the event's words is a headline's
# future ("Trump to Meet Netanyahu at Mar-a-Lago", "Witkoff to visit Israel"), not the news
# of a meeting held (an event in the headline was read as the report's own news).
HEADLINE_PLAN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+to\s+(?:meet|visit|host|"
                           r"travel|fly|hold|sign|receive|welcome)\b", re.IGNORECASE)


# ... nor one that "after" or "following" opens ("The envoys are set to work out the details
# after Hamas said on Friday that it agrees with key parts of Trump's plan": round 8, a fresh
# report of the day after was dated before it)
AFTER_BEFORE = re.compile(r"\b(?:after|following)\s+$", re.IGNORECASE)


# A past verb right before a scheduled event's phrase keeps it past even in a future clause
# ("Witkoff and Kushner, who helped broker the October 9 ceasefire, are scheduled to ...",
# "which ended the truce"); not "to be signed" (no past verb before the article).
PAST_VERB_BEFORE = re.compile(r"\b(?:\w+ed|broke|brought|struck|won|sealed)\s+(?:\w+\s+)?"
                              r"(?:the|a|an|its|their)\s+$", re.IGNORECASE)


# An event named after "would", "could", "might" in its sentence is a hypothesis ("would invite
# a resumption of the bombardment"), not evidence of the event: the mention is dropped.
HYPOTHETICAL = re.compile(r"\b(?:would|could|might)\b(?!\s+have\b)", re.IGNORECASE)


HYPOTHESIS_CHARS = 50   # ... the modal within this many characters before the event's phrase


# ... or the object of a verb of preventing (round 7: "guarantees to prevent the resumption of
# hostilities" in an April 2025 report read as the resumption of December 2023)
PREVENTED = re.compile(r"\b(?:prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|avert(?:s|ed|ing)?|"
                       r"preclude|rule\s+out)\s+(?:a\s+|the\s+|any\s+)?(?:[\w-]+\s+)?$",
                       re.IGNORECASE)


# ... unless a preposition of time introduces it ("would respond after the killing of Sinwar")
FACT_BEFORE = re.compile(r"\b(?:after|since|following|amid|despite|over|before)\s+(?:the\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


# A meeting "on the sidelines of" a summit is held during it.
SIDELINES = re.compile(r"sidelines\s+of\b", re.IGNORECASE)


# A period named as holding now ("the current, fragile ceasefire", "the ongoing truce"): the
# report lies within it (tense 'during'; the timeline has one row per period).
CURRENT_STATE = re.compile(r"(?:the\s+)?(?:current|ongoing|existing|present|fragile)\b",
                           re.IGNORECASE)
# Round 9: ... unless its clause says it ended ("Israel ended the existing ceasefire last
# week", "A fragile ceasefire that had brought weeks of calm ended on March 18"): then past.
ENDED_BEFORE = re.compile(r"\b(?:ended|ending|shattered|shattering|broke|collapse\s+of|end\s+of)"
                          r"\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
ENDED_AFTER = re.compile(r"[^.;]{0,80}?\b(?:ended|collapsed|broke\s+down|was\s+shattered|"
                         r"fell\s+apart|unravell?ed|came\s+to\s+an\s+end)\b", re.IGNORECASE)


# An event followed by "last week" ("Netanyahu broke the original deal last week", "the
# strike on Doha last week"): about a week before the report (tense 'offset').
LAST_WEEK_AFTER = re.compile(r"[\s,]*(?:(?:on|in|at)\s+\w+\s+)?(?:late\s+|early\s+)?"
                             r"last\s+week\b", re.IGNORECASE)
# ... or "last Tuesday" (round 8): within the week before the report, not a week to the day
LAST_WEEKDAY_DAYS = 8
LAST_WEEKDAY_AFTER = re.compile(r"[\s,]*(?:(?:on|in|at)\s+\w+\s+)?(?:late\s+|early\s+)?"
                                r"last\s+(?:monday|tuesday|wednesday|thursday|friday|"
                                r"saturday|sunday)\b", re.IGNORECASE)


# ... or by "N days/weeks/months ago" ("the first phase of which ended two weeks ago"):
# about that long before the report.
AGO_AFTER = re.compile(rf"[\s,]*(?:some\s+|about\s+|nearly\s+|almost\s+|just\s+|roughly\s+|"
                       rf"more\s+than\s+|over\s+)?(?P<num>{_NUM})\s+(?P<unit>day|week|month)s?"
                       rf"\s+ago\b", re.IGNORECASE)


AGO_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


# Round 8: a summit named as where one spoke or met ("spoke to reporters on the sidelines of a
# Ukraine peace summit", "Trump said at the NATO conference held in the Netherlands") is
# under way or just ended: two reports of the summit's own days were left with months open.
SIDELINES_BEFORE = re.compile(r"\bsidelines\s+of\s+(?:a|an|the)?\s*$", re.IGNORECASE)
SAID_AT = re.compile(r"\b(?:said|says|told|spoke|speaking|remarks|announced|met|meeting)\s+"
                     r"(?:[\w-]+\s+){0,3}?at\s+(?:a|an|the)\s+$", re.IGNORECASE)


# ... but a past act told in the passive is past ("the proposal was approved during the
# emergency Arab summit in Cairo last Tuesday": the summit is over; dev7/976 was dated
# inside it, its window a day short of the truth)
PAST_DURING = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+ed|held|made|struck|won|sealed|"
                         r"brought)\s+$", re.IGNORECASE)


def _during(before: str, mention: dict) -> bool:
    """The report lies within the event or holiday: "during Ramadan", "throughout the
    truce", "in Ramadan", "this Passover", "in the truce" (a period, with an end date). Not
    "in the" or "this" before a one-day event ("the mediators in the ceasefire deal agreed
    in January", "this agreement"): its part in the story, not the time of the report."""
    if SIDELINES_BEFORE.search(before) or (mention.get("event_kind") == "summit" and
                                           SAID_AT.search(before)):
        return True
    found = DURING.search(before)
    if not found or PAST_DURING.search(before[:found.start()]):
        return False
    one_day = mention.get("end_date") in (None, "", mention.get("date"))
    if mention["kind"] == "event" and one_day and \
            found.group(0).split()[0].lower() in ("in", "this"):
        return False
    return True


# A war named by its length has ended ("during the 12-day conflict, 29 Israelis were killed"):
# "during" it is no report inside it.
ENDED_WAR = re.compile(r"\b(?:\d+|[a-z]+)-day\s+(?:war|conflict)\b", re.IGNORECASE)


# An event phrase that opens with "recent" ("the recent humanitarian pause", a row's own
# words): recent (round 7: a report of 8 December 2023 read it as past, months open after).
RECENT_IN_PHRASE = re.compile(r"(?:recent|latest)\b", re.IGNORECASE)


def _event_tense(before: str, mention: dict) -> str:
    """An event's relation to the report, from the words right before it: 'future' ("ahead
    of Ramadan", :data:`AHEAD_OF`), 'until' (a holiday: "until after Ramadan",
    :data:`UNTIL_AFTER`), 'during' ("during Ramadan"), 'offset' ("two weeks after
    the killing", :data:`OFFSET_AFTER`, with ``offset_days``), 'recent' ("shortly after
    the ceasefire", "following the rescue", :data:`RECENTLY`; or the event phrase in the
    present perfect). Otherwise a holiday keeps the tense of its clause and a dated event
    is past (a named event is mostly mentioned once it happened; the clause's tense
    belongs to its main verb: "are expected to meet after the killing of Sinwar")."""
    if mention["kind"] == "holiday" and UNTIL_AFTER.search(before[-100:]):
        return "until"
    before = before[-60:]
    not_proposal = mention.get("event_kind") != "proposal"
    prospect = PROSPECT.search(before[-30:]) and not_proposal
    if (_ahead_of(before, mention) or prospect) and not mention.get("past_perfect"):
        return "future"
    if _as_aim(before, mention) and not_proposal:   # (round 8: "Hamas had offered to release
        mention["aim"] = True   # Edan Alexander": an aim, whatever the tense of the offer,
        return "future"   # and no day of its own: not this coming week's)
    if RECENT_IN_PHRASE.match(mention["text"]):   # "in the recent humanitarian pause": over
        return "recent"
    if _during(before, mention) and not ENDED_WAR.search(mention["text"]):
        return "during"
    if mention.get("since"):   # "the fourth exchange since the ceasefire took effect"
        return "past"
    if mention["kind"] == "holiday" or (mention.get("event_kind") in SCHEDULED_KINDS and
                                        mention["tense"] == "future" and
                                        not AFTER_BEFORE.search(before[-20:])):
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
            PRESENT_PERFECT_BEFORE.search(before) or mention.get("in_headline"):
        if mention.get("event_kind") == "release" and not recently:   # (round 9: "Hamas
            mention.setdefault("recent_days", RECENT_DAYS_DAYS)   # has released three
        return "recent"   # hostages in return for 369 prisoners": the news of days, not weeks)
    return "past"


_PRECISION_BASE = dt.date(2024, 6, 15)


def day_precise(text: str) -> bool:
    """Whether a date expression names a day, not a week or a month.

    >>> day_precise("July 28"), day_precise("on Friday"), day_precise("last week")
    (True, True, False)
    """
    return resolve(text, _PRECISION_BASE).precision == "day"
