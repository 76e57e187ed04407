"""The vetoes of tolls (killed, injured, displaced) that need the metric.

Deaths in custody, the named part of a toll, single incidents, small tolls with nothing
war-level, counts since a restart, the killed and the wounded (or the missing) counted
together, increments, returnees and people displaced again, other wars, earlier wars and
calendar years. Each a small function whose docstring lists the phrases it drops and the ones
it leaves; :mod:`.vetoes` lists them all in order (`_METRIC_VETOES`). Fed by :mod:`.metric`,
:mod:`.groups`, :mod:`.rows`; feeds :mod:`.vetoes`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.groups import _toll_group
from analysis.rules.figures.rates import (
    _CUMULATIVE,
    _CUSTODY_AFTER,
    _CUSTODY_TALLY,
    _SUBSET_BETWEEN,
)
from analysis.rules.figures.reading import _Reading, _Sentence
from analysis.rules.figures.rows import _population
from analysis.rules.figures.triggers import _clauses, _is_incident
from analysis.rules.lexicon import MONTH_NAMES


def _custody_death(s: _Sentence, r: _Reading) -> bool:
    """ "53 Palestinians have died in Israeli custody", "while in detention": not a war toll.
    Leaves the captors' custody of dead hostages: "the 20 bodies still in Hamas custody",
    "hostages who died in the group's custody" (the dead among the held)."""
    custody = _CUSTODY_AFTER.match(r.after)
    if custody and r.metric == "hostages_dead" and _CAPTORS.search(custody.group(0)):
        return False
    return r.metric in ("killed", "hostages_dead") and bool(
        custody or _CUSTODY_TALLY.search(r.core_left))


# the hostages' captors, in "in Hamas custody", "in the group's custody"
_CAPTORS = re.compile(r"\b(?:hamas|militants?|captors?|the\s+group|islamic\s+jihad)\b",
                      re.IGNORECASE)


_BODIES_NOUN = re.compile(r"^\s+(?:[\w-]+\s+)?(?:bodies|remains|corpses|coffins)\b", re.IGNORECASE)


def _bodies_counted(s: _Sentence, r: _Reading) -> bool:
    """Bodies counted are bodies moved or found, not a toll: "Hamas has released 20 live
    captives and 21 bodies of those killed", "the bodies of 502 people have been recovered".
    Leaves tolls with a person noun ("21 people killed") and the dead hostages' own rules."""
    return r.metric in ("killed", "injured") and bool(_BODIES_NOUN.match(r.right))


def _identified_part(s: _Sentence, r: _Reading) -> bool:
    """ "the ministry has identified 24,686": the named part of a toll."""
    return r.metric == "killed" and bool(re.search(r"\bidentified\s*$", r.core_left,
                                                   re.IGNORECASE))


def _incident_toll(s: _Sentence, r: _Reading) -> bool:
    """One strike's or one incident's toll: "an Israeli strike on a school killed 12" (the
    nearest of incident and war-level markers is an incident marker). Leaves the toll of the
    7 October attack, however the sentence calls the attack ("Hamas strike", "attack on")."""
    if r.metric not in ("killed", "injured") or r.value >= INCREMENT_MAX["killed"]:
        return False  # ("attacks by Israeli troops have left 22 THOUSAND Palestinians dead")
    if r.value >= 1000 and _population(r.metric, r.np, s.text, r.number, s.rows,
                                       s.lexicon) == "israeli":
        return False  # "in an unprecedented Hamas strike ... killed about 1,160 people in
        # Israel", "1,400 Israelis were killed when Hamas attacked ..., shooting civilians":
        # no single incident but 7 October killed a thousand Israelis
    return _is_incident(s.text, r.number.start, r.number.end, s.lexicon, toll=r.left_is_toll)


# a toll said to be one day's: "bringing the military death toll on Tuesday to seven", "the
# army's toll for the day to nine", "the toll today to five"
_ONE_DAY_TOLL = re.compile(r"\btoll\s+(?:on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|"
                           r"for\s+the\s+day|in\s+(?:a\s+single|one)\s+day)\s+(?:to|at)\s+"
                           r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _small_toll_without_war(s: _Sentence, r: _Reading) -> bool:
    """A toll under 1,000 is one day's, one strike's or one site's unless its clause says it
    is a running total ("since", "so far", "to date", "in total", "overall", "throughout"):
    "Israeli strikes kill over 400 in Gaza, threatening total truce collapse", "at least 10
    deaths in an attack on Gaza City" are dropped; "905 Palestinians have been killed in the
    West Bank since October 7" is kept. Only the number's clause counts: "strikes kill 30
    across Gaza; toll tops 44,000" (30 is one day's)."""
    if r.metric not in ("killed", "injured") or r.value >= 1000 or (r.subset and
                                                                     r.group != "all"):
        return False  # ("killed 1,200 people, including 815 civilians": a part of a war toll)
    if (_toll_group(s, r) == "soldiers" and not _ONE_DAY_TOLL.search(r.core_left)) or (
            r.np.group == "soldiers" and r.value >= 100):
        return False  # "the army's death toll rose to 330", "174 soldiers have been killed in
        # Gaza": an army counts its dead in a running total (not "two soldiers were killed",
        # "bringing the military death toll on Tuesday to seven": one day's)
    if _elided_after_war_toll(s, r) or _paired_with_war_injuries(s, r):
        return False
    clause = next(part for part, start in _clauses(s.text)
                  if r.number.start < start + len(part) or start + len(part) == len(s.text))
    return not (_CUMULATIVE.search(clause) or _WHOLE_WAR.search(clause))


def _elided_after_war_toll(s: _Sentence, r: _Reading) -> bool:
    """A small toll joined by "and" to a war toll, its verb elided: "8,260 Palestinians were
    killed in the Gaza Strip, and 122 others in the West Bank", "40,000 killed in Gaza and
    600 in the West Bank" (the same running total, elsewhere). Leaves a toll with a verb of
    its own ("and 30 were killed on Tuesday")."""
    if r.left_trigger or r.right_trigger or not s.rows or not _AND_END.search(r.core_left):
        return False
    row = s.rows[-1]
    return row["metric"] == r.metric and row["value"] >= 1000 and \
        0 <= r.number.start - (row["end_char"] - s.offset) <= 80


def _paired_with_war_injuries(s: _Sentence, r: _Reading) -> bool:
    """A small death toll paired with a war-size count of the injured in one phrase is the
    same running total: "In the West Bank, there were 91 deaths and 1,734 injuries", "482
    killed and 5,200 wounded in the West Bank". Leaves "40 killed and 120 injured" (both one
    day's) and pairs with a rate marker (dropped before this)."""
    if r.metric != "killed":
        return False
    later = [n for n in s.numbers if n.start >= r.number.end]
    if not later or later[0].value < 1000:
        return False
    between = s.text[r.number.end:later[0].start]
    return bool(_PAIR_BETWEEN.fullmatch(between)
                and _INJURED_AFTER.match(s.text, later[0].end))


_PAIR_BETWEEN = re.compile(r"\s*(?:[\w-]+\s+)?(?:deaths?|killed|dead|martyrs|fatalities)?\s*"
                           r"(?:,\s*)?and\s+(?:more\s+than\s+|over\s+|about\s+|some\s+)?",
                           re.IGNORECASE)
_INJURED_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:injuries|injured|wounded|hurt)\b", re.IGNORECASE)
_AND_END = re.compile(r"(?:,\s*|\s)and\s*$", re.IGNORECASE)


# a span that is the whole war so far: "405 soldiers have been killed in the ground operation"
_WHOLE_WAR = re.compile(r"\b(?:in|during|throughout)\s+(?:the|its|israel['’]s)\s+(?:\w+\s+){0,2}?"
                        r"(?:war|ground\s+(?:operation|offensive|invasion))\b", re.IGNORECASE)


# ("since Oct. 8, 2023": the year after its comma belongs to the date)
_SINCE = re.compile(r"\bsince\b(?P<what>(?:[^,;]|,\s*(?:19|20)\d\d\b){0,80})", re.IGNORECASE)
# what a war total counts since (8 October 2023: the day the Lebanese front opened; "since
# October 7th", "since 7th October")
_WAR_START = re.compile(r"\b(?:oct(?:ober)?\.?\s+[78](?:th)?\b|[78](?:th)?\s+oct|"
                        r"oct(?:ober)?\.?\s+(?:20)?23|"
                        r"(?:the|this)\s+(?:war|conflict|offensive|fighting|outbreak)|"
                        r"(?:the|this)\s+(?:start|beginning)(?!\s+of\s+(?:the\s+)?(?:agreement|"
                        r"ceasefire|cease-fire|truce|deal|accord))|"
                        r"(?:war|conflict|fighting)\s+(?:began|started|erupted|broke\s+out)|"
                        r"(?:hamas|the)\b[^,;]{0,30}\battack|2023)", re.IGNORECASE)
# what a count since a restart counts since: a date, a weekday, a truce's end
_RESTART = re.compile(r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
                      r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                      r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|dawn|midnight|"
                      r"this\s+morning|last\s+night|resum\w+|breach\w*|broke\s+down|collaps\w+|"
                      r"(?:early|mid|late)[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                      r"ceasefire|cease-fire|truce|agreement|accord)", re.IGNORECASE)


# an army's count of its dead since its ground offensive began: "the total number of troopers
# killed since the launch of the military's ground offensive on October 27 to 44", "since the
# ground invasion was launched on October 27" (a whole for soldiers, as "in the ground
# operation" is; a restart for others)
_GROUND_WAR_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:start|beginning|launch|outset)\s+of"
                               r"\s+)?"
                               r"(?:the\s+|its\s+|israel['’]s\s+|the\s+military['’]s\s+|the\s+"
                               r"army['’]s\s+)?(?:[\w-]+\s+){0,2}?ground\s+(?:offensive|operations?|"
                               r"invasion|incursion|war|campaign)\b", re.IGNORECASE)


def _count_since_restart(s: _Sentence, r: _Reading) -> bool:
    """A toll counted since something other than the war's start: "since Israel resumed its
    strikes on Tuesday, 436 people have been killed", "89 killed since October 11", "since the
    occupation breached the ceasefire agreement on March 18, ... 5,685 martyrs", "since the
    truce collapsed", "Israel resumed the war on 18 March, killing over 1,500" (a resumption
    before the number in its clause). Not the war's total. Leaves "since October 7", "since
    the war began", "since Hamas' October 7, 2023 attack", "since October 2023"."""
    if r.metric not in ("killed", "injured", "displaced") and not (
            r.metric == "hostages_dead" and r.np.kind is None and r.trigger == "kill"
            and not r.bodies):
        return False  # (also a bare count of deaths read in a hostage story: "since the
        # ceasefire, 241 deaths have occurred")
    if r.group == "soldiers" and _GROUND_WAR_SINCE.search(s.text):
        return False  # the army's running count since its ground offensive began
    if _since_restart(s, r):
        s.outcomes[-1]["restart"] = True
        return True
    earlier = [o for o in s.outcomes[:-1] if not o.get("excluded")]
    return bool(r.np.others and earlier and earlier[-1].get("restart"))  # "since March 18
    # ... has reached 5,685, while 19,518 others were wounded": the same count's wounded


def _since_restart(s: _Sentence, r: _Reading) -> bool:
    """The clause test of :func:`_count_since_restart`."""
    for part, start in _clauses(s.text):
        if start <= r.number.start < start + len(part):
            if not r.left_is_toll and _RESUMED.search(part[:r.number.start - start]):
                return True  # "Israel resumed the war on 18 March, killing over 1,500" (not
                # "In the wake of the renewed fighting, ... the death toll has surged to")
            after = _SINCE.search(part[r.number.end - start:][:80])
            if after and _WAR_START.search(after.group("what")) \
                    and not _RESUMED.search(after.group("what")):
                return False  # the number's own anchor: "43 killed since dawn ..., with
                # casualties surpassing 65,000 dead and 173,000 wounded since October 2023"
            for since in _SINCE.finditer(part):
                what = since.group("what")
                if since.start() > r.number.end - start and _GROWTH_BEFORE.search(
                        part, 0, since.start()):
                    continue  # the growth's anchor: "has surpassed 68,000, with the toll
                    # increasing since the ceasefire began"
                if since.start() > r.number.end - start and (_SUBSET_BETWEEN.search(
                        part, r.number.end - start, since.start()) or _SHARE_BETWEEN.search(
                        part, r.number.end - start, since.start()) or _DIGIT.search(
                        part, r.number.end - start, since.start())):
                    continue  # a part's anchor: "has reached 50,021, including 1,000 killed
                    # since the resumption of strikes"
                if _RESUMED.search(what) or _SINCE_MONTH.match(what) or (
                        _RESTART.search(what) and not _WAR_START.search(what)):
                    return True  # "since Israel resumed the war on 18 March"
    return False


_DIGIT = re.compile(r",\s*with\s+(?:[a-z]+\s+){0,2}\d")  # another count told with "with"
# before the anchor: "has reached 70,100, with more than 350 fatalities recorded since the
# October 10 ceasefire" (the 350's anchor; not "89 killed and 317 injured since October 11")
# a share of the count told after it: "has surpassed 4,047, with most casualties recorded since
# September" (the anchor is the share's)
_SHARE_BETWEEN = re.compile(r",\s*(?:with\s+)?(?:most|the\s+majority|many|half|much)\b",
                            re.IGNORECASE)
_GROWTH_BEFORE = re.compile(r"\b(?:increas(?:ing|ed|es)?|ris(?:ing|en)|rose|climb(?:ing|ed)|"
                            r"grow(?:ing|n)|grew|jump(?:ing|ed)|swell(?:ing|ed))\s+$",
                            re.IGNORECASE)
# a month right after "since": "since May", "since late May" (not "since October": the war's;
# not "since Israel's May offensive in Rafah", a displacement's cause)
_SINCE_MONTH = re.compile(r"^\s*(?:(?:late|early|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?"
                          rf"(?:{'|'.join(m for m in MONTH_NAMES if m != 'october')})\b"
                          r"(?!\s+\d{4})", re.IGNORECASE)
# a resumption of the fighting ("resumed its strikes", "the war resumed", "the resumption of
# hostilities"); not of a count ("a detailed count of casualties has been resumed")
_FIGHTING = (r"(?:war|strikes?|airstrikes?|attacks?|offensive|fighting|hostilities|bombing|"
             r"bombardment|operations?|assault|aggression|campaign|military)")
_RESUMED = re.compile(rf"\b(?:resum(?:ed|es|ing|ption)|renewed|reignit(?:ed|es|ing)|"
                      rf"restart(?:ed|s|ing))\b(?:\s+(?:of\s+)?[\w'’-]+){{0,3}}?"
                      rf"\s+{_FIGHTING}\b|(?<!from\sthe\s)(?<!of\sthe\s)\b{_FIGHTING}\s+(?:has\s+|had\s+|"
                      rf"have\s+|was\s+|were\s+)?(?:been\s+)?(?:resumed|renewed|reignited|restarted)\b|"
                      r"\b(?:conflict|war|fighting)['’]s\s+resurgence\b|\bresurgence\s+of\b",
                      re.IGNORECASE)  # ("the conflict's resurgence has resulted in the death";
# "The Israeli military reignited its attacks on Gaza on March 18, resulting in 5,071 deaths",
# "the war restarted after a week-long truce")


def _combined_toll(s: _Sentence, r: _Reading) -> bool:
    """The killed and the wounded counted together are neither: "more than 159,000
    Palestinians martyred or injured", "150,000 killed and wounded", "40,207 martyrs and
    missing persons". Leaves "killed 59,219 people and injured 143,045" (two counts)."""
    return r.metric in ("killed", "injured") and bool(_KILLED_OR_INJURED.match(r.after))


_KILLED_OR_INJURED = re.compile(
    r"^[^.;,\d]{0,30}?\b(?:killed|martyred|martyrs|dead|fatalities|deaths|injured|wounded)\s+"
    r"(?:or|and|and/or)\s+"
    r"(?:(?:remain|remained|are|were|went)\s+)?(?:killed|martyred|dead|injured|wounded|missing)\b"
    r"(?!\s*[\d(])", re.IGNORECASE)


# ("has left 40,207 martyrs and missing persons", "resulting in 39,623 fatalities and missing
# persons": the dead and the missing together)


_MISSING_TALLY = re.compile(r"\b(?:number|count|tally)\s+of\s+(?:the\s+)?missing\b[^\d.;:]{0,60}$",
                            re.IGNORECASE)


def _missing_tally(s: _Sentence, r: _Reading) -> bool:
    """The missing are neither killed nor wounded: "As for the number of wounded and missing,
    the office said the number of missing persons reached 7,000" (the nearest tally is the
    missing). Leaves "... while the number of wounded reached 75,092"."""
    return r.metric in ("killed", "injured") and bool(_MISSING_TALLY.search(r.core_left))


def _increment(s: _Sentence, r: _Reading) -> bool:
    """A toll's increment, not the toll: "four more hostages died in captivity", "four new
    fatalities", "another 50 people were killed", "an additional 697 martyrs". Leaves "more
    than 50 were killed" (a hedge) and releases ("Hamas freed 17 more hostages": a release
    total of its own)."""
    if r.metric not in ("killed", "injured", "hostages_dead") or (
            r.trigger == "hold" and _FINITE_STATE.match(r.after)):
        return False  # "Four more bodies are still being held in Gaza": a state (not "the Red
        # Cross had received two more bodies in Gaza")
    if r.value >= INCREMENT_MAX.get(r.metric, 10**9):
        return False  # "A further 110,453 people have been injured": the running total; "862
        # soldiers have been killed ... An additional 5,921 soldiers have been injured"
    if r.metric == "hostages_dead" and re.match(r"^\s*(?:are|is|remain)\b", r.after):
        return False  # "another 41 hostages are dead in Gaza": a state, not new deaths
    another = _ANOTHER_BEFORE.search(r.left)
    if another and re.search(r"\b(?:with|and|plus)\s+$", r.left[:another.start()]):
        another = None  # "the toll climbed to 65,062, with another 165,697 wounded": a pair
    return bool(_MORE_AFTER.match(r.right) or another)


_MORE_AFTER = re.compile(r"^\s+(?:more|additional|further|new)\b(?!\s+than)", re.IGNORECASE)
_FINITE_STATE = re.compile(r"^\s*(?:,[^,]{1,60},\s*)?(?:are|is|were|was|remain\w*|still)\b",
                           re.IGNORECASE)
# no day or single incident of the war killed (or, in a day, wounded) this many: a count this
# large after "a further" or near an incident word is the running total
INCREMENT_MAX = {"killed": 10_000, "injured": 2_000}
_ANOTHER_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s*$", re.IGNORECASE)


def _returnees(s: _Sentence, r: _Reading) -> bool:
    """People going back, not the displaced: "half a million displaced Palestinians have
    returned to northern Gaza"."""
    return r.metric == "displaced" and bool(_RETURNED_AFTER.match(r.after))


def _displaced_again(s: _Sentence, r: _Reading) -> bool:
    """People displaced anew are a part of the displaced, not their count: "More than a
    million people have been displaced once again", "100,000 were displaced again this week".
    Leaves "1.9 million people have been displaced, many of them several times"."""
    return r.metric == "displaced" and bool(_AGAIN_AFTER.match(r.after))


_AGAIN_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:displaced|uprooted|(?:forced\s+)?to\s+flee)\s+"
                          r"(?:once\s+)?(?:again|anew)\b", re.IGNORECASE)


_RETURNED_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:have|has|had)\s+(?:now\s+)?returned\b",
                             re.IGNORECASE)
def _other_war(s: _Sentence, r: _Reading) -> bool:
    """A toll of another war in the number's clause: "Israeli strikes on Iran killed more than
    1,000 people", "the 12-day war killed 29 people in Israel" (``other_war_cues``), when that
    cue lies nearer the number than any cue of Gaza's side (not "Iran-backed Hamas ... 40,000
    Palestinians killed in Gaza")."""
    if r.metric not in ("killed", "injured", "displaced"):
        return False
    clause, start = next((part, start) for part, start in _clauses(s.text)
                         if r.number.start < start + len(part)
                         or start + len(part) == len(s.text))
    at = r.number.start - start

    def nearest(regex: re.Pattern) -> int:
        return min((abs(m.start() - at) for m in regex.finditer(clause)), default=10**9)
    other = nearest(s.lexicon.other_war_re)  # ("Israeli strikes on Iran": the nearer cue wins)
    return other < 10**9 and other < nearest(s.lexicon.cue_res["palestinian"])


# a count anchored before this war: "rose to 252 deaths since 1967", "in the 2014 war",
# "during the 2008-09 conflict"
_EARLIER_YEAR = r"(?:19\d\d|20(?:0\d|1\d|2[0-2]))"
_EARLIER_WAR = re.compile(rf"\bsince\s+(?:the\s+)?{_EARLIER_YEAR}\b(?!\s*[-–]\d)|\b(?:in|during)\s+"
                          rf"(?:the\s+)?{_EARLIER_YEAR}(?:[-–]\d\d)?\s+(?:war|conflict|"
                          r"offensive|assault|fighting|operation|escalation|hostilities)\b|"
                          r"\bsince\s+(?:the\s+)?(?:start|"
                          r"beginning)\s+of\s+(?:the\s+year|20\d\d)\b", re.IGNORECASE)
# ("since the start of 2023": January 2023, not the war; "in 2022" with its "others", below)
_IN_EARLIER_YEAR = re.compile(rf"\bin\s+{_EARLIER_YEAR}\b(?!\s*[-–]\d)", re.IGNORECASE)
_FOUNDING = re.compile(r"\b(?:since|founding|founded|establishment|established|creation)\b"
                       rf"[^|]{{0,25}}\bin\s+{_EARLIER_YEAR}\b", re.IGNORECASE)


_IN_CALENDAR_YEAR = re.compile(r"\bin\s+(?:the\s+year\s+)?(?:19|20)\d\d\b(?!\s*[-–]\d)",
                               re.IGNORECASE)
_WAR_BEGAN_BEFORE = re.compile(r"(?:\b(?:began|started|erupted|broke\s+out|launched|since|"
                               r"beginning|start|outbreak)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                               r"oct|nov|dec)[a-z]*\.?|\d|\b(?:start|beginning|outbreak|onset)\s+of\s+"
                               r"(?:the\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:war|conflict|aggression|"
                               r"genocide|offensive|hostilities|fighting))\s*$", re.IGNORECASE)
# ("since the start of the conflict in 2023", "since the outbreak of the Israeli aggression in
# 2023": the year the war began, not a calendar year's count)
_FROM_NEW_YEAR = re.compile(r"\bfrom\s+(?:jan(?:uary)?\.?\s+1(?:st)?|1(?:st)?\s+jan(?:uary)?)\b",
                            re.IGNORECASE)


_INCLUDING_ASIDE = re.compile(r",\s*including\b[^,;]{1,80},", re.IGNORECASE)


def _calendar_year(near: str, lead: str = "") -> bool:
    """ "in 2023", "in the year 2024" next to a count: the count of a calendar year (which
    began before the war, or is part of it). Leaves "the war that began in 2023", "since
    October 2023", "in October 2023" and "since the start of the conflict in 2023" (a month or
    a start before the year; `lead` is the text before `near`, where that start may begin)."""
    text = lead + near
    return any(not _WAR_BEGAN_BEFORE.search(text, 0, len(lead) + m.start())
               for m in _IN_CALENDAR_YEAR.finditer(near))


def _earlier_war(s: _Sentence, r: _Reading) -> bool:
    """A count of an earlier war or a longer span, in the number's clause: "the number rose to
    252 deaths since 1967", "2,200 Palestinians were killed in the 2014 war". Leaves "since
    October 2023" and "held since 2014" with the hostages (the prewar captives' own rule)."""
    clause = next(part for part, start in _clauses(s.text)
                  if r.number.start < start + len(part) or start + len(part) == len(s.text))
    if _EARLIER_WAR.search(_INCLUDING_ASIDE.sub("", clause)):
        return True  # (not "63 hostages, including the body of a soldier held since 2014,
        # remain in Gaza": the aside's anchor)
    near = r.core_left[-40:] + " | " + r.after[:40]  # "killed 150 Palestinians there in
    # 2022", "The fighting in 2014 left" (not "the largest attack since its founding in 1948")
    if _IN_EARLIER_YEAR.search(near) and not _FOUNDING.search(near):
        return True
    if r.metric in ("killed", "injured", "displaced") and (
            _calendar_year(near, r.core_left[:-40][-60:]) or _FROM_NEW_YEAR.search(clause)):
        return True  # "killed in the West Bank ... in 2023 (507)", "477 Palestinians were
        # killed from January 1 to December 15, 2023": a year's count, not the war's
    return bool(r.np.others and _IN_EARLIER_YEAR.search(s.text[:r.number.start]))  # "killed
    # 170 Palestinians in 2022, ..., while more than 9,000 others were injured"


# an injury count of one severity: "332 soldiers have been seriously injured", "576 had been
# moderately wounded", "1,161 had received minor injuries" (parts of the wounded, by how badly)
_SEVERITY_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:(?:have|has|had|were|was|are|is)\s+)?"
                             r"(?:been\s+)?(?:(?:seriously|severely|critically|moderately|lightly|"
                             r"slightly|mildly)\s+(?:injured|wounded|hurt)|(?:received|sustained|"
                             r"suffered)\s+(?:minor|light|moderate|serious|severe|critical)\s+"
                             r"(?:injuries|wounds))\b", re.IGNORECASE)


def _injured_by_severity(s: _Sentence, r: _Reading) -> bool:
    """The wounded of one severity are a part, not the toll: "at least 332 Israeli soldiers
    have been seriously injured", "1,161 had received minor injuries". Leaves "5,100 soldiers
    have been injured, 800 of them seriously" (the whole comes first)."""
    return r.metric == "injured" and bool(_SEVERITY_AFTER.match(r.after))

