"""Durations of the war and of truces as signals for report-date inference: "the seven-month
war", "100 days into the war", "the war began more than a year ago", "now in its fifth
month", anniversaries; :data:`WAR_START`. Fed by :mod:`.words` and :mod:`.finding`;
feeds :mod:`.signals`.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.rules.dates.finding import _CAPTIVITY_WORD, _MARK_WORD, _finditer
from analysis.rules.dates.words import _DAY, _MONTH_ALT, _NUM, _ORDINALS, _number, _ordinal

WAR_START = dt.date(2023, 10, 7)


# Words that tie a duration to the war ("seven-month war", "seven weeks of bombing").
WAR_WORDS = (r"war|conflict|fighting|offensive|campaign|bombardment|bombing|bombed|assault|"
             r"hostilities|invasion|siege|captivity|onslaught|aggression|attacks?|October 7|"
             r"Oct\.? 7|7 October")


_QUAL = r"(?P<qual>more\s+than|over|nearly|almost|about|around|some|roughly|close\s+to|at\s+least)?"

# The adjectives of a long wait before its days: "after an unbearable 471 days" (round 12).
_LONG_WAIT = r"(?:unbearable|agonizing|agonising|excruciating|grueling|gruelling|painful|long)"


_DURATION_PATTERNS = [
    # "seven-month war", "100-day-old war", "the seven-month-long conflict"
    rf"\b{_QUAL}\s*(?P<num>{_NUM})[- ](?P<unit>day|week|month|year)(?:[- ](?:old|long))?\s+"
    rf"(?:(?:Israel-Hamas|Israeli|Gaza|Hamas|brutal|deadly|devastating|ongoing|long)\s+)*"
    rf"(?P<what>{WAR_WORDS})\b",
    # "seven months of war", "100 days into the war", "seven weeks since October 7"
    rf"\b{_QUAL}\s*(?P<num>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    # ("six months since Hamas’s Oct. 7": a possessive with either apostrophe)
    rf"(?:of|into|since|after|in)\s+(?:the\s+|Israel['’]s\s+|Israeli\s+)?"
    rf"(?:[\w'’-]+\s+)?(?P<what>{WAR_WORDS})\b",   # ("eight months into the Israel-Hamas war")
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
    # round 10: the war told as nearing a span: "as Israel's war in Gaza against Hamas
    # approaches four months", "the conflict approaches its 20-month mark", "as the war nears
    # two years" (the last unit before it, as "nearly": :data:`NEARING_VERB`)
    rf"\b(?P<what>{WAR_WORDS})\b[^.;]{{0,40}}?\b(?P<qual>approach(?:es|ing)|near(?:s|ing)|"
    rf"clos(?:es|ing)\s+in\s+on)\s+(?:its\s+|the\s+)?(?P<num>{_NUM})[- ]"
    rf"(?P<unit>days?|weeks?|months?|years?)\b",
    # "day 100 of the war", "the 100th day of the war"
    rf"\bday\s+(?P<num>\d{{1,4}})\s+of\s+(?:the\s+)?(?P<what>{WAR_WORDS})\b(?P<unit>)",
    # "Israel - Hamas War day 493" (a live blog's running day)
    r"\b(?P<what>war|conflict)\s+day\s+(?P<num>\d{1,4})\b(?P<unit>)",
    # "held captive for almost 500 days", "in captivity for 471 days" (the hostages taken on
    # 7 October); not "held for two days" (no captivity word)
    rf"\b(?P<what>captive|hostage|in\s+(?:Hamas['’]?\s+)?captivity)\s+for\s+[\"“']?{_QUAL}\s*"
    rf"(?P<num>{_NUM})\s+(?P<unit>days|weeks|months)\b",
    # "hostages held by Hamas for the past 130 days", "the hostages who have been held in Gaza
    # for 200 days" (round 6: the hostages of 7 October, plural, still held; not "had been
    # held", told of those freed)
    # (round 12: the agent and the place together, "hostages held captive by Hamas in the Gaza
    # Strip for 640 days")
    rf"(?<!had been )\b(?P<what>hostages\s+(?:who\s+(?:are|have\s+been)\s+|have\s+been\s+|"
    rf"being\s+|still\s+)?held\s+(?:captive\s+|hostage\s+)?(?:(?:by\s+Hamas|in\s+Gaza|"
    rf"in\s+the\s+Gaza\s+Strip)\s+){{0,2}})for\s+(?:the\s+(?:past|last)\s+)?{_QUAL}\s*"
    rf"(?P<num>{_NUM})\s+(?P<unit>days|weeks|months)\b",
    # round 12: a captivity told by the return that ends it, the news of the return itself:
    # "allowing three Israeli hostages ... to return home after 471 days" (dev13/1633),
    # "returning after 491 days of hell" (dev14/1857), "returned home after an unbearable 471
    # days"; not "who returned home after 491 days"
    # (a former hostage: the report later)
    rf"(?<!who )(?<!had )\b(?P<what>return(?:s|ed|ing)?(?:\s+home)?|(?:came|come|coming)\s+home)"
    rf"\s+after\s+{_QUAL}\s*(?:an?\s+{_LONG_WAIT}\s+)?(?P<num>{_NUM})\s+(?P<unit>days)\b",
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
    # round 9: "The Gaza truce, now one month old, has paused the fighting"
    rf"\b{_TRUCE_WORDS},?\s+(?:which\s+is\s+|is\s+)?now\s+{_QUAL}\s*(?P<num>{_NUM})\s+"
    rf"(?P<unit>days?|weeks?|months?)\s+old\b",
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


_ORD = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"


_ORDINAL_DURATION = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?P<what>{WAR_WORDS})(?:'s)?"
    # "the war between Israel and Hamas entered its seventh month"
    rf"(?:\s+between\s+[A-Z][\w-]+\s+and\s+[A-Z][\w-]+)?,?\s+(?:which\s+is\s+|is\s+|was\s+)?"
    rf"(?:now\s+)?(?P<near>nearing\s+|approaching\s+|heading\s+into\s+|in\s+|enter(?:s|ing|ed)\s+|"
    # round 9: "as the war closes in on its sixth month" (a report of its 23rd week): within
    # that month, as "in its sixth month"
    rf"clos(?:es|ing)\s+in\s+on\s+|moves\s+into\s+|drags\s+(?:on\s+)?into\s+)?"
    rf"its\s+(?P<ord>{_ORD})\s+(?P<unit>day|week|month|year)\b",
    rf"\b(?:the\s+)?(?P<ord>{_ORD})\s+(?P<unit>day|week|month|year)\s+of\s+(?:the\s+)?"
    rf"(?:\w+\s+)?(?P<what>{WAR_WORDS})\b")]


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


# A former hostage's captivity ("Iair Horn, who spent 498 days in captivity", "former hostage
# Or Levy, held for 491 days"): it ended before the report, by months perhaps; not "released
# after 15 months of captivity on Saturday" (the news of the release itself).
ENDED_CAPTIVITY = re.compile(r"\b(?:former|freed|ex-|released|returned|rescued)\s+(?:\w+\s+)?"
                             r"(?:hostage|captive)s?\b|\bwho\s+(?:had\s+)?spent\b|"
                             r"\bafter\s+spending\b", re.IGNORECASE)


# The verbs of a war nearing a span (round 10): read as "nearly".
NEARING_VERB = re.compile(r"approach|near|clos")


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
                         "upper_bound" if qual in ("nearly", "almost", "close to") or
                         NEARING_VERB.match(qual) else
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
