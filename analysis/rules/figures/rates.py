"""Parts of a whole and rates.

"36 of the 128 hostages" (`_whole_after`: the number after "of (the)"), and per-day or 24-hour
counts ("in the past 24 hours", "On Tuesday alone": `_rate_governs`), with the patterns about
wholes and totals the later stages share. Fed by :mod:`.words`; feeds :mod:`.reading` and
every stage after it.
"""

from __future__ import annotations

import re

from analysis.rules.figures.words import FigureLexicon
from analysis.rules.numbers import Number

_TAKEN_THEN_HELD = re.compile(
    r"^\s*(?:abducted|taken|kidnapped|seized|captured)\b[^,;.]*?\b(?:remain|remains|remained|"
    r"(?:are|is|were)\s+still|still\s+held|still\s+remaining|(?:are|is)\s+(?:being\s+)?held)\b",
    re.IGNORECASE)  # ("73 out of 251 hostages taken during the attack still remaining in Gaza")
_PART_OF_LEFT = re.compile(r"\d\s+(?:others\s+)?(?:out\s+)?of\s+(?:the\s+)?(?:remaining\s+|"
                           r"other\s+)?$", re.IGNORECASE)  # ("seven of 28", "27 out of 28",
# "the remains of 27 others out of 28")


def _whole_after(sentence: str, number: Number, numbers: list[Number]) -> Number | None:
    """The number right after "of (the)" following `number` ("36 of the 128 ..."), if any."""
    later = [n for n in numbers if n.start >= number.end]
    if later and _PART_TO_WHOLE.fullmatch(sentence, number.end, later[0].start):
        return later[0]
    return None


# between a part and its whole: "of the", "out of", "of Gaza's", "of the territory's"
_PART_TO_WHOLE = re.compile(r"\s+(?:others\s+)?(?:out\s+)?of\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?"
                            r"(?:remaining\s+|other\s+)?", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+total|overall|altogether|"
                         r"throughout)\b", re.IGNORECASE)
_STILL_HELD = re.compile(r"^\s*(?:(?:who|that)\s+(?:are|were)\s+)?(?:still|remaining)\b",
                         re.IGNORECASE)
_CUSTODY_AFTER = re.compile(r"^[^.;,]{0,25}\b(?:in|while\s+in|within)\s+(?:\w+\s+){0,2}"
                            r"(?:custody|detention|confinement|prisons?|jails?)\b", re.IGNORECASE)
# a tally of deaths in custody before the number: "The count of Palestinian fatalities within
# Israeli confinement has risen to nearly 100"
_CUSTODY_TALLY = re.compile(r"\b(?:fatalities|deaths|dead|martyrs)\s+(?:in|within|inside)\s+"
                            r"(?:\w+\s+){0,2}(?:custody|detention|confinement|prisons?|jails?)\b[^\d.;]{0,60}$",
                            re.IGNORECASE)
_BODIES_LEFT = re.compile(r"\b(?:bodies|remains)\s+of\s*$", re.IGNORECASE)
_COMPARED_LEFT = re.compile(r"\b(?:up|down|rising|falling|compared)\s+(?:from|with|to)"
                            r"(?:\s+the)?\s*$",
                            re.IGNORECASE)
_BREAKDOWN_OPEN = re.compile(r"(?:[^.;:,—–(]|,\s*(?:however|though|meanwhile)\s*,){0,60}?"
                             r"(?:\s[—–-]\s|\s*[—–(:]\s*)", re.IGNORECASE)
_BREAKDOWN_CLOSE = re.compile(r"\s[—–-]\s|[—–);]|\.(?:\s|$)")
_ONE_ARTICLE = re.compile(r"(?:^|(?<=[\s,]))(?:a|an)(?=\s+[A-Z])(\s)")
_SUBSET_BETWEEN = re.compile(r"\b(?:of\s+(?:them|whom)|including|among\s+(?:them|whom))\b",
                             re.IGNORECASE)
# "for more than a week": how long, not how often
_DURATION = re.compile(r"\b(?:for|lasted|lasting|lasts)\s+(?:for\s+)?"  # "lasted a week and saw"
                       r"(?:more\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|just\s+)?"
                       r"(?:a|one|two|three|four|\d+)\s+(?:day|week|month)s?\b|"
                       r"\b(?:a|one|two|three|four|\d+)\s+(?:day|week|month)s?\s+(?:ago|earlier|later|"
                       r"before|after)\b", re.IGNORECASE)  # "just over a week ago"
_RAISING_TOLL = re.compile(r",\s*(?:bringing|raising|taking|pushing|lifting)\b", re.IGNORECASE)
# a clause of its own: "The toll includes 21 deaths in the previous 24 hours, according to the
# ministry, which said 107,573 people have been wounded since the war began", "..., a
# statement said, adding 85,653 people had been wounded"
_NEW_CLAUSE = re.compile(r"\b(?:adding|added|saying|noting)\s+that\b|"
                         r",\s*(?:adding|saying|noting)\b|,\s*(?:while|whereas)\b|"
                         r",\s*which\s+(?:also\s+)?(?:said|says|listed|lists|reported|recorded|put|"
                         r"puts|added|counted)\b", re.IGNORECASE)
_ONE_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|that\s+day|"
                      r"the\s+day)\s+alone\b|\bin\s+(?:a\s+single|one)\s+day\b", re.IGNORECASE)
_FOR_EVERY = re.compile(r"\bfor\s+(?:every|each)\s+(?:[\w-]+\s+)?$|"
                        r"\bfor\s+(?:every|each)\b[^.;,\d]{1,60},\s*$", re.IGNORECASE)
# ("for every Israeli hostage released, three Palestinian prisoners are set free": a ratio)
_FOR_EACH_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?for\s+(?:every|each|an?\s+(?:extra|"
                             r"additional)\s+day)\b", re.IGNORECASE)
# ("releasing 15 Palestinian remains for each Israeli returned": a ratio told after the count;
# "the release of 10 Israeli captives for an extra day's pause": the price of a day)
_RATE_CLAUSE = re.compile(r"(?:past|last|previous)\s+24\s+hours|past\s+day|overnight",
                          re.IGNORECASE)


# an aside closed before the count's predicate: ", including 31 aid seekers, were killed",
# " — half of Gaza's population — have been displaced"
_CLOSED_ASIDE = re.compile(r"^(?P<lead>[^,.;—–]{0,40}?)(?:,\s*(?:including|among\s+them|"
                           r"of\s+(?:them|whom))\b[^,.;]{1,60},|\s[—–]\s[^—–.;]{1,60}\s[—–])(?=\s+(?:were|was|have|"
                           r"has|had|are|is)\b)", re.IGNORECASE)
_PART_AFTER = re.compile(r",\s*(?:including|of\s+(?:them|whom)|among\s+them)\s+(?:\w+\s+)?\d",
                         re.IGNORECASE)


# (a release of a night is that night's count: "Thirty Palestinian prisoners were freed
# overnight")
_SPAN_OF_DAYS = re.compile(r"\b(?:week|few\s+days|overnight)\b", re.IGNORECASE)
# the other side of a release told before the count: "Overnight, Hamas released the remains of
# four hostages in exchange for over 600 Palestinian prisoners" (a night's release, no rate)
_RELEASE_FOR_BEFORE = re.compile(r"\b(?:released|freed|returned|handed\s+over)\b[^.;]{0,80}?"
                                 r"\bin\s+(?:exchange|return)\s+for\s*$", re.IGNORECASE)
_RELEASE_PREDICATE = re.compile(r"^[^.;]{0,80}?\b(?:were|have\s+been|had\s+been)\s+"
                                r"(?:released|freed|set\s+free)\b", re.IGNORECASE)


# a war-start anchor in the number's own clause, before any other number
_WAR_ANCHOR_AFTER = re.compile(r"^[^\d.;]{0,60}?\bsince\s+(?:the\s+)?(?:war|conflict|fighting|"
                               r"(?:start|beginning|outbreak)\s+of\s+the\s+(?:war|conflict)|"
                               r"oct(?:ober)?\.?\s+7|7\s+oct)", re.IGNORECASE)


def _rate_governs(sentence: str, number: Number, after: str, core_left: str,
                  lexicon: FigureLexicon) -> bool:
    """A per-day or 24-hour count: a rate marker right next to the number, or a 24-hour marker
    anywhere in the sentence with nothing war-level between it and the number ("In the past 24
    hours, 112 were killed and 173 injured"; "40 killed and 120 injured in the last 24 hours")."""
    near_left = core_left[-70:]
    breaks = list(_NEW_CLAUSE.finditer(near_left)) + list(re.finditer(";", near_left)) + list(
        _RAISING_TOLL.finditer(near_left))  # "killed overnight, raising the death toll to"
    if breaks:  # "35 deaths over the past day, according to the ministry, which said 98,000"
        near_left = near_left[max(b.end() for b in breaks):]
    after = _CLOSED_ASIDE.sub(r"\g<lead>", after, count=1)  # "At least 60 Palestinians,
    # including 31 aid seekers, were killed ... in the past 24 hours": a closed aside (the
    # rate is the count's)
    part = _PART_AFTER.search(after[:80])
    after = after[:part.start()] if part else after  # "61,900, including 70 deaths in the past
    # 24 hours": the rate is the part's
    rate_after = [m for m in lexicon.rate_re.finditer(_DURATION.sub("", after[:80]))
                  if m.start() < 45]  # (read past the cut: "a week-long truce" is no rate)
    rate_before = lexicon.rate_re.search(_DURATION.sub("", near_left)[-50:])
    releases = _RELEASE_PREDICATE.match(after) or _RELEASE_FOR_BEFORE.search(core_left)
    if rate_before and not rate_after and _WAR_ANCHOR_AFTER.match(after):
        rate_before = None  # "127 people died in the last 24 hours, and 68,883 people have been
        # injured since war erupted on October 7": the number's own anchor is the war's
    if [m for m in rate_after + [rate_before] if m and not (
            releases and _SPAN_OF_DAYS.search(m.group(0)))]:
        return True  # (not "Over the past week, 240 prisoners were released": a truce's total)
    if _FOR_EVERY.search(core_left) or _FOR_EACH_AFTER.match(after):
        return True  # "for every additional 10 hostages released, one more day": a ratio
    clause = re.split(r"[;]", sentence)
    if any(_ONE_DAY.search(part) for part in clause if number.text in part):
        return True  # "On Tuesday alone, 404 people were killed": one day's toll
    for match in _RATE_CLAUSE.finditer(sentence):
        if releases and _SPAN_OF_DAYS.search(match.group(0)):
            continue  # "Thirty Palestinian prisoners were freed overnight"
        if match.start() >= number.end:
            between = _CLOSED_ASIDE.sub(r"\g<lead>", sentence[number.end:match.start()], count=1)
        elif match.end() <= number.start:
            between = sentence[match.end():number.start]
            if _WAR_ANCHOR_AFTER.match(after):
                continue  # the number's own anchor is the war's (see above)
        else:
            continue
        if lexicon.war_re.search(between) or ";" in between or _NEW_CLAUSE.search(between):
            continue  # "40 deaths over the past 24 hours, ..., adding that 84,712 ..."
        if match.start() >= number.end and _SUBSET_BETWEEN.search(between):
            continue  # "830 killed, 90 of them in the last 24 hours": the rate is the part's
        return True
    return False
