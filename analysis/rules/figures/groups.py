"""Sub-counts: the `group` of a row.

"including 12,300 children" (children), aid seekers, deaths from starvation, the military's own
toll, "20 of them alive" (alive). Fed by :mod:`.reading` and :mod:`.triggers`; feeds
:mod:`.vetoes` and :mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.noun_phrase import _noun_phrase
from analysis.rules.figures.parts import _INCLUDE_VERB
from analysis.rules.figures.reading import _ALIVE_PARTICIPLE, _Reading, _Sentence
from analysis.rules.figures.triggers import _mask_dates, _nearest_cue, _same_clause

# a toll of one cause or circumstance is a sub-count: (what follows the noun phrase, group)
_CIRCUMSTANCE_GROUPS = (  # (up to 90 characters: "killed and more than 13,500 wounded while
    # seeking aid" gives both tolls the circumstance; "among those seeking aid", "among
    # Palestinians attempting to collect aid" name it as "while" does)
    (re.compile(r"^[^.;]{0,90}?\b(?:while|when|among\s+(?:those|people|palestinians|civilians))"
                r"\s+(?:seeking|trying\s+to\s+(?:reach|get|access|"
                r"receive|obtain|collect)|attempting\s+to\s+(?:reach|get|access|receive|obtain|"
                r"collect)|waiting\s+"
                r"for|collecting|queu\w+\s+for)\s+(?:\w+\s+){0,2}?(?:aid|food|flour|help)\b",
                re.IGNORECASE), "aid seekers"),
    (re.compile(r"^(?:\s*,\s*(?:including|among\s+them)\b[^,;.]{0,60},)?[^.;\d]{0,40}?"
                r"\b(?:died|dying|dead|perished|starved\s+to\s+death)\s+(?:of|from|"
                r"due\s+to)\s+(?:\w+\s+){0,2}?(?:malnutrition|"
                r"starvation|hunger|famine|dehydration)\b", re.IGNORECASE), "starvation"),
)


_ADMINISTRATIVE = re.compile(r"\badministrative\s+(?:detention|detainees?)\b", re.IGNORECASE)
_AID_SEEKERS = re.compile(r"\b(?:(?:aid|bread|food|flour)[\s-]+seekers?|bread[\s-]?line\s+"
                          r"(?:martyrs|victims|deaths|casualties))\b", re.IGNORECASE)
_TOLL_AMONG = re.compile(r"\btoll\s+(?:among|of)\s+(?:the\s+|its\s+|their\s+)?(?:(?:slain|fallen|"
                         r"killed|dead|israeli|palestinian)\s+){0,2}(?P<word>[\w-]+)\b[^\d.;:]{0,100}$",
                         re.IGNORECASE)  # "The toll among children has surpassed 18,000", "the
# toll of slain Israeli troops in the ground offensive to 101", "the death toll of its troops in
# the ground war ... to 13 people" (an army's own dead)
_GROUP_TOLL = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?P<word>[\w-]+)\s+(?:killed|dead|"
                         r"slain|martyred|martyrs|fatalities|deaths|casualties|victims|injured|"
                         r"wounded)\b[^\d.;:]{0,110}$", re.IGNORECASE)  # ("the number of
# child fatalities reached 14,350", "the number of journalist martyrs")
# a tally of a group with no verb, read as a toll: "the number of UN staff members working with
# UNRWA has reached 35" (after "In addition to the overall death toll")
_GROUP_NUMBER = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?P<word>staff|journalists|"
                           r"doctors|medics|paramedics|nurses|personnel|employees|workers|"
                           r"children|women|soldiers|police|policemen)\b[^\d.;:]{0,90}$",
                           re.IGNORECASE)
# "the total number of malnutrition-related deaths during the war to 289", "the death toll
# from hunger has reached 222", "famine deaths rose to 300": a tally of one cause of death
_STARVATION_TOLL = re.compile(r"\b(?:(?:malnutrition|starvation|hunger|famine)(?:[\s-]+(?:related|"
                              r"linked|induced))?\s+"
                              r"(?:deaths|death\s+toll|toll|fatalities)|(?:deaths|death\s+toll|toll|"
                              r"fatalities)\s+(?:from|due\s+to|of|caused\s+by)\s+(?:\w+\s+)?"
                              r"(?:malnutrition|starvation|hunger|famine))\b[^\d.;:]{0,100}$",
                              re.IGNORECASE)
# deaths from hunger told first, then a bare toll raised by them: "five people died from
# malnutrition-related causes over the past day, raising the toll to 322" (the famine toll, not
# the war's); ("famine-linked death toll" above)
_STARVATION_RAISES = re.compile(r"\b(?:malnutrition|starvation|starved|hunger|famine)\b[^.;]{0,80}?"
                                r"\b(?:raising|bringing|taking|pushing|raises|brings|takes)\s+"
                                r"(?:the|its)\s+(?:total\s+|overall\s+)?(?:toll|total|tally)\s+to\s*$",
                                re.IGNORECASE)
# "the military death toll since the start of the ground offensive ... to 86", "Israeli Army
# Death Toll ... Reaches 97", "the IDF's death toll": the toll of a side's soldiers
_MILITARY_TOLL = re.compile(r"(?:\b(?:military|army|idf|military['’]s|army['’]s|idf['’]s)\s+"
                            r"(?:total\s+)?(?:death\s+toll|toll|tally|count|deaths|losses)|"
                            r"\btoll\s+of\s+the\s+ground\s+(?:campaign|operation|offensive|"
                            r"invasion))\b[^\d.;:]{0,100}$", re.IGNORECASE)


# ("the army's total deaths since ... jumps to 628", "the death toll of the ground campaign")
# an army's own losses: "The IDF has announced it's suffered 15 fatalities", "the army has lost"
_OWN_LOSSES = re.compile(r"\b(?:idf|army|military|israeli\s+forces)\b[^.;]{0,40}?\b(?:it['’]s|"
                         r"it\s+has|it\s+had|has|have|had)\s+(?:now\s+)?(?:suffered|lost)\s*$",
                         re.IGNORECASE)


# the army as the group a toll counts, not its campaign: "the death toll among Israeli army
# forces in Gaza has risen to 167", "the death toll of the Israeli army since ... to 491" (not
# "the toll of the Israeli army's offensive", "the toll of Israeli army attacks")
_ARMY_WORD = re.compile(r"(?:army|military|idf|forces)$", re.IGNORECASE)
_ARMY_ACTION_AFTER = re.compile(r"^(?:['’]|\s+(?:forces\s+)?(?:attacks?|aggression|offensive|"
                                r"assaults?|strikes?|bombardment|bombing|operations?|campaign|raids?|"
                                r"shelling|fire|war)\b)", re.IGNORECASE)


def _army_toll(match: re.Match) -> bool:
    """Does a toll phrase ("toll among|of ...") name the army itself as its dead?"""
    return bool(_ARMY_WORD.match(match.group("word"))) and "toll" in match.group(0).lower() \
        and not _ARMY_ACTION_AFTER.match(match.string[match.end("word"):])


# the army reporting a bare count of dead (no noun): its own soldiers. "The IDF has disclosed
# that at least 726 have lost their lives since the onset of the war" (not "the IDF said 40
# Palestinians were killed": a noun; not "the army said 40 were killed in the strike", an
# incident, which the incident vetoes drop)
_ARMY_REPORTS_BARE = re.compile(r"\b(?:the\s+)?(?:idf|army|military|israel\s+defen[cs]e\s+forces)\b"
                                r"(?:\s+\w+){0,2}?\s+(?:has\s+|have\s+|had\s+)?(?:said|says|"
                                r"disclosed|revealed|announced|reported|confirmed|stated)\s+"
                                r"(?:that\s+)?(?:(?:at\s+least|some|about|around|more\s+than|"
                                r"over|nearly)\s+)?$", re.IGNORECASE)


def _toll_group(s: _Sentence, r: _Reading) -> str | None:
    """The group a tally phrase names: "the number of UNRWA personnel killed since the
    beginning of hostilities has increased to 135" (aid workers), "number of Palestinian
    children killed" (children). None for "the number of people killed"."""
    if r.metric not in ("killed", "injured"):
        return None
    left = _mask_dates(r.core_left, s.lexicon)  # ("... in Gaza on Oct. 27 to 280")
    match = _GROUP_TOLL.search(left) or _TOLL_AMONG.search(left) or _GROUP_NUMBER.search(left)
    if match and s.lexicon.group_of.get(match.group("word").lower()):
        return s.lexicon.group_of[match.group("word").lower()]
    if match and _army_toll(match):
        return "soldiers"
    if _MILITARY_TOLL.search(left) or _OWN_LOSSES.search(left) or (  # (also "the toll of the
            r.np.kind is None and _ARMY_REPORTS_BARE.search(r.left)):  # ground campaign", "the
        return "soldiers"  # IDF has announced it's suffered 15 fatalities", "the IDF disclosed
        # that at least 726 have lost their lives": its own dead, told with no noun)
    if _STARVATION_TOLL.search(left) or _STARVATION_RAISES.search(left):
        return "starvation"
    last = s.rows[-1] if s.rows else None  # "17,000 children have been killed and over 33,000
    if (last and (r.np.kind is None or r.np.others) and last["group"] != "all"  # injured": the
            and last["metric"] in ("killed", "injured") and (_same_clause(  # same group; "726
                last, s.text, r.number) or r.np.others)  # soldiers killed, while 4,576 others
            and not any(o["row"] is last and o["subset"] for o in s.outcomes)  # injured"
            and not any(_AMONG_THE_DEAD.match(s.text, row["end_char"] - s.offset)
                        for row in s.rows)):
        return last["group"]  # (not after "including 169 children": a part, not the subject;
        # not after "4,324 children among the dead and 2,823 women, with 26,000 more wounded")
    among = _AMONG_GROUP.match(r.after)
    if among and s.lexicon.group_of.get(among.group("word").lower()):
        return s.lexicon.group_of[among.group("word").lower()]  # "891 casualties among its
        # soldiers"
    return None


_AMONG_THE_DEAD = re.compile(r"\s*(?:were\s+|are\s+)?among\s+(?:the|those)\b", re.IGNORECASE)
# the group a toll is counted among: "recorded 891 casualties among its soldiers"
_AMONG_GROUP = re.compile(r"^\s*(?:casualties\s+|deaths\s+|fatalities\s+)?among\s+(?:its|their|"
                          r"the|israel['’]s|israeli)?\s*(?P<word>[\w-]+)\b", re.IGNORECASE)


# groups of the held that are parts of them (not "foreigners": the held by nationality are
# rows of their population)
_HELD_PART_GROUPS = {"children", "women", "elderly", "men", "soldiers", "women and children",
                     "children and women"}
_NEXT_GROUP_COUNT = re.compile(r"\s+and\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|"
                               r"nine|ten|eleven|twelve)\s+(?P<word>[\w-]+)(?:\s+(?P<head>[\w-]+))?",
                               re.IGNORECASE)  # ("and 21 teenage boys": the group is the head's)


def _groups_side_by_side(s: _Sentence, r: _Reading) -> bool:
    """Counts of two groups joined by "and" are parts of one count: "Two mothers and nine
    children freed from captivity" (women, children). Leaves "50 women and children were
    freed" (one count of both groups: the release) and "13 Israelis and 4 Thais" (parts by
    nationality: rows of their population)."""
    after = _NEXT_GROUP_COUNT.match(r.right, r.np.end)
    groups = [s.lexicon.group_of.get((after.group(key) or "").lower()) for key in ("word", "head")
              ] if after else []
    if any(group not in (None, r.np.group) for group in groups):
        return True
    last = s.rows[-1] if s.rows else None
    return bool(last and last["group"] in _HELD_PART_GROUPS and last["group"] != r.np.group
                and re.fullmatch(r"\s+and\s+", s.text[last["end_char"] - s.offset:r.number.start]))


_REMAINING_NP = re.compile(r"\bremaining\b", re.IGNORECASE)
_LIVING = re.compile(r"\b(?:living|alive|surviving)\b", re.IGNORECASE)
_LIVING_AND_DEAD = re.compile(r"\b(?:living|alive)\s+(?:and|or)\s+(?:the\s+)?(?:dead|deceased)\b|"
                              r"\b(?:dead|deceased)\s+(?:and|or)\s+(?:the\s+)?(?:living|alive)\b",
                              re.IGNORECASE)
SUBSET_METRICS = {"killed", "injured", "hostages_held", "prisoners_held", "hostages_released",
                  "prisoners_released", "displaced"}


_AMONG_WERE = re.compile(r"\s*among\s+(?:the|those)\b[^.;:]{0,100}?\b(?:were|are|was|is)\b"
                         r"[^.;:]{0,60}$", re.IGNORECASE)


# a relative or "with" clause naming the people's citizenship, in the noun phrase's clause:
# "who hold dual Israeli-US citizenship", "who are American citizens", "with US passports"
# (not "hostages, who are held by Hamas")
_CITIZENSHIP_AFTER = re.compile(r"(?:(?!\b(?:\d|one|two|three|four|five|six|seven|eight|nine|"
                                r"ten)\b)[^.;,]){0,60}?\b(?:(?:who|that)\s+(?:hold|held|have|had|"
                                r"carry|are|were)|with|holding|carrying|have|has|hold|holds)\s+"
                                r"(?:dual\s+|both\s+)?"
                                r"(?:[\w-]+\s+){0,3}?(?:citizenships?|citizens|nationals|nationality|"
                                r"passports?)\b", re.IGNORECASE)  # (not across another count: "four
# Thais and two women with dual Russian-Israeli nationality")


# the displaced counted where they shelter: "were sheltering in 155 UNRWA facilities", "have
# been housed in schools", "staying at designated emergency shelters"
_IN_SHELTERS = re.compile(r"^[^.;]{0,60}?\b(?:sheltering|sheltered|housed|staying|living|hosted|"
                          r"accommodated|registered|(?:taking|seeking)\s+(?:refuge|shelter)|"
                          r"(?:sought|taken|found)\s+(?:refuge|shelter))\s+(?:in|at)\s+"
                          r"(?:the\s+)?(?:[\d,]+\s+(?:of\s+(?:the\s+)?[\w'’]+\s+)?)?"
                          r"(?:(?:UNRWA|UN|United\s+Nations|emergency|designated|official|"
                          r"collective|public)\s+)*(?:shelters|facilities|schools|premises|"
                          r"installations|buildings|centres|centers)\b", re.IGNORECASE)


def _the_living(r: _Reading) -> bool:
    """A count of the living among the hostages: "20 of them believed alive", "holds 24
    living hostages", "three of the 24 hostages believed to be alive" (24: the living), "the
    nearly 100 remaining hostages believed to be alive" (the living among the remaining).
    Leaves "released 20 Israeli captives alive" (the release day's count)."""
    if r.alive and not r.metric.endswith("_released"):
        return True
    if _LIVING_AND_DEAD.search(r.right[:r.np.end]):
        return False  # "the remaining 48 living and dead captives": all the held
    return r.metric == "hostages_held" and bool(_LIVING.search(r.right[:r.np.end]) or (
        (r.part_of or _REMAINING_NP.search(r.core_left[-30:] + r.right[:r.np.end]))
        and _ALIVE_PARTICIPLE.match(r.after)))


def _group(s: _Sentence, r: _Reading) -> str | None:
    """`all` for a count of the whole population, else the sub-group counted (``groups`` in
    figure_words.json): "13,000 children have been killed" (children), "including 300
    soldiers" (soldiers), "20 of them believed alive" (alive). None drops a part whose group
    the words do not name ("including 15 in Rafah"). A hostage count of women and children
    freed is a release of its own (group all), as is "24 of whom have died" (hostages dead)."""
    if r.metric in ("hostages_held", "hostages_dead") and _HYPHEN_AMERICANS.match(r.right,
                                                                            r.np.end):
        return "foreigners"  # "including six Israeli-Americans" held: dual nationals, a
        # sub-count (not "released two Israeli-American hostages", a release)
    if r.nationality_part:
        return "all"  # "including 70 Israelis": a part by nationality, as in a breakdown
    held_group = _group_among_the_held(s, r) or _part_of_subgroup(s, r) or _part_in_aside(s, r)
    if held_group:
        return held_group
    if _the_living(r):
        return "alive"
    if r.metric == "displaced" and _IN_SHELTERS.match(r.after):
        return "in shelters"  # "1.3 million displaced people were sheltering in 155 UNRWA
        # facilities": the part in shelters (not "1.4 million people sheltering in Rafah")
    for regex, group in _CIRCUMSTANCE_GROUPS:
        if r.metric in ("killed", "injured") and regex.match(r.after):
            return group  # "killed while seeking aid", "died of malnutrition"
    if r.metric in ("killed", "injured") and _AID_SEEKERS.search(re.split(r"[;:]|\d",
                                                                          r.core_left)[-1]):
        return "aid seekers"  # "bringing the cumulative “bread-seeker” casualties to 549" (not
        # "60 killed, including 31 aid seekers, ..., pushing the total toll to 62,064")
    toll_group = _toll_group(s, r)
    if toll_group == "soldiers" or (r.np.group == "soldiers" and r.metric in ("killed",
                                                                              "injured")):
        r.population = _nearest_cue(s.text, r.number.start, r.number.end,  # "the toll of
                                    {"other": s.lexicon.cue_res["other"]}, s.lexicon,  # soldiers
                                    "israeli")  # killed in the ground offensive", "405
        return "soldiers"  # soldiers have been killed": Israel's military dead, a sub-count of
        # Israel's toll (the gold of dev2, dev3 and dev4 leaves them out of the whole counts)
    if toll_group:
        return toll_group  # "the number of UNRWA personnel killed ... has increased to 135"
    if r.metric == "prisoners_held" and r.np.kind == "prisoner" and r.np.group:
        return r.np.group  # "more than 400 child prisoners"
    if r.metric == "prisoners_held" and _ADMINISTRATIVE.search(
            re.split(r"[,;]", r.core_left)[-1][-80:]
            + re.split(r"[,;.]", r.right[:r.np.end + 60])[0]):
        return "administrative detainees"  # "held under administrative detention ... 3,400"
    named = r.np.group
    if r.np.kind == "subgroup" and named and _named_group_is_a_part(s, r):
        return named
    if r.metric == "prisoners_released" and _AMONG_WERE.match(s.text, 0, r.number.start):
        return None  # "Among those released from Ofer Prison were five Palestinians from
        # Jerusalem": a part of the release that names no group (hostages by nationality,
        # "Among those released were 13 Israelis, 10 Thais", are the release's breakdown)
    if r.subset and _state_of_the_taken(s, r):
        return "all"  # "250 people were abducted, of whom 105 were freed": the released
    if r.subset and r.metric in SUBSET_METRICS and not (
            r.np.kind == "pronoun" and r.metric == "hostages_held"):
        return named
    if r.subset and r.metric == "hostages_dead" and s.rows and \
            s.rows[-1]["metric"] == "hostages_dead":
        return named  # "33 ... presumed deceased, including eight soldiers": a part of the
        # dead (a part of the held said dead is the dead count: "including 36 who are dead")
    return "all"


def _named_group_is_a_part(s: _Sentence, r: _Reading) -> bool:
    """Is a count whose noun names a group ("children", "women") a part, not the whole: a toll
    or a displaced count of a group ("13,000 children have been killed"), the held by group
    ("4 children and 20 women are thought to remain"), two groups side by side in a release
    ("Two mothers and nine children freed"), a part after "Among the hostages freed were" or a
    finite "include" ("The hostages released on Saturday included seven children and six
    women"). Leaves a release of one group count ("Hamas freed 50 women and children")."""
    named = r.np.group
    if r.metric in ("killed", "injured", "displaced"):
        return True
    if named in _HELD_PART_GROUPS and (r.metric == "hostages_held" or (
            r.metric.endswith("_released") and _groups_side_by_side(s, r))):
        return True
    return bool(_AMONG_WERE.match(s.text, 0, r.number.start) or _INCLUDE_VERB.search(r.core_left))


_AMERICANS = re.compile(r"\b(?:Americans?|U\.?S\.?\s+(?:citizens|nationals|captives|hostages)|"
                        r"American\s+citizens)\b")
_HYPHEN_AMERICANS = re.compile(r"[-‐‑]Americans?\b")
# a bare count right after a sub-count, told as its part: "five Americans are included, with
# four confirmed dead", "including 300 children, of whom 40 ..."
_PART_AFTER_SUBGROUP = re.compile(r"^[^.;\d]{0,50}?(?:,\s*with|,?\s*of\s+(?:whom|them))\s+"
                                  r"(?:\w+\s+){0,3}$", re.IGNORECASE)
# a relative clause naming the group of the people counted: "Hostages in captivity who are
# soldiers: 13" (read as "13 Hostages in captivity who are soldiers")
_WHO_ARE_GROUP = re.compile(r"^[^.;,\d]{0,40}?\b(?:who|that)\s+(?:are|were)\s+(?P<word>[\w-]+)\b",
                            re.IGNORECASE)


# an aside opened right after a count: "39 Palestinians – six women and 33 minors –"
_ASIDE_AFTER_COUNT = re.compile(r"^[^.;\d]{0,40}?(?:\s[–—-]\s|\s*[—–(:]\s*)[^.;()–—:]{0,40}$")


def _part_in_aside(s: _Sentence, r: _Reading) -> str | None:
    """A group's count inside an aside right after a count is a part of it: "Israel released
    39 Palestinians – six women and 33 minors – from two prisons" (33: children). Leaves parts
    by nationality (rows of the whole's metric, :mod:`.breakdowns`) and counts with no group
    word."""
    if r.np.kind != "subgroup" or not r.np.group or not s.rows:
        return None
    last = s.rows[-1]["end_char"] - s.offset
    if 0 <= last <= r.number.start and _ASIDE_AFTER_COUNT.match(s.text[last:r.number.start]):
        return r.np.group
    return None


def _group_among_the_held(s: _Sentence, r: _Reading) -> str | None:
    """A group the words name among the hostages: "13 hostages in captivity who are soldiers"
    (soldiers), "the five Americans believed to be held in Gaza" (foreigners: dual nationals
    among the held; not "Hamas released two American hostages", a release), "the eight
    hostages held in Gaza who hold dual Israeli-US citizenship" (dual nationals)."""
    who_are = _WHO_ARE_GROUP.match(r.after) if r.np.kind == "hostage" else None
    if who_are and s.lexicon.group_of.get(who_are.group("word").lower()):
        return s.lexicon.group_of[who_are.group("word").lower()]
    if r.metric in ("hostages_held", "hostages_dead") and _AMERICANS.search(r.right[:r.np.end]):
        return "foreigners"
    if r.metric.startswith("hostages_") and not r.part_of and _CITIZENSHIP_AFTER.match(
            r.right, r.np.end):
        return "dual nationals"  # (the whole of "six of the 220 hostages held by Hamas have
        # Russian citizenship" is all the held)
    return None


def _part_of_subgroup(s: _Sentence, r: _Reading) -> str | None:
    """A bare number told as a part of the sub-count just before it keeps that sub-count's
    group: "five Americans are among the hostages, with four confirmed dead" (foreigners),
    not the dead among all the hostages. Leaves "129 hostages remain in Gaza, with 34
    believed dead" (the number before counts everyone)."""
    before = [n for n in s.numbers if n.end <= r.number.start]
    if r.np.kind not in (None, "pronoun") or not before:
        return None
    row = next((o["row"] for o in reversed(s.outcomes[:-1]) if not o.get("excluded")), None)
    if row is not None and row["value"] < r.value:
        return None  # a part is no larger than its whole: "2,823 women, with more than 26,000
        # more wounded" (a toll of its own)
    if row is not None and row["group"] not in ("all", "alive") and (
            r.np.kind == "pronoun" or _PART_AFTER_SUBGROUP.match(
                s.text[before[-1].end:r.number.start])):
        return row["group"]  # "13 hostages who are soldiers, of whom Israel has declared 7 to
        # be dead": soldiers
    if r.np.kind is not None:
        return None
    np = _noun_phrase(s.text[before[-1].end:], s.lexicon)
    if np.kind not in ("subgroup", "person") or not np.group or not _PART_AFTER_SUBGROUP.match(
            s.text[before[-1].end + np.end:r.number.start]):
        return None
    return np.group


def _state_of_the_taken(s: _Sentence, r: _Reading) -> bool:
    """A part of the hostages taken, with a state of its own, is the count of that state: "250
    people were abducted, of whom 105 were freed" (released), "took 251 hostages; 117 of them
    have been released", "seized 251 people, of whom 58 are still held" (held). Leaves parts
    that name a group ("of whom 30 were children": children) and parts of other counts
    ("freed 1,968 prisoners, including 250 serving life sentences")."""
    return bool(s.rows) and s.rows[-1]["metric"] == "hostages_taken" and r.np.group is None \
        and r.metric in ("hostages_released", "hostages_held", "hostages_dead") \
        and not r.alive

