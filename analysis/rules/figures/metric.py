"""The metric of a reading.

From the noun's kind and the trigger (the tables `NOUN_METRICS` and `TRIGGER_METRICS`), the held
metric (`_held_metric`), a metric inherited over "and" (`_inherit_metric`) and the
plausibility of a value for its metric (`_plausible_metric`); whether a number is a part of the
one before is :mod:`.parts`. Fed by :mod:`.states` (and the reading before it); feeds
:mod:`.rows`, :mod:`.vetoes` and :mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.rates import _COMPARED_LEFT
from analysis.rules.figures.reading import _Reading, _Sentence
from analysis.rules.figures.states import (
    _DEAD_IN_PHRASE,
    _HANDOVER_UNDER_WAY,
    _REMAINING_BEFORE,
    TAKEN_RANGE,
)
from analysis.rules.figures.triggers import _release_kind
from analysis.rules.figures.words import _APPOSITIVE


def _hostage_context(s: _Sentence, r: _Reading) -> bool:
    """Is the sentence about hostages, for a number without a noun: a hostage word before it
    or a hostage row already read; for small numbers also a hostage word in its clause, or in
    the previous sentence when nothing Palestinian is in the clause ("Of the 132 hostages, 29
    are dead"), or in the two before when the clause says they are held ("Four more bodies are
    still being held in Gaza"; "while 34 are confirmed dead but remain in Gaza")."""
    lexicon, text = s.lexicon, s.text
    found = bool(lexicon.hostage_word_re.search(text[:r.number.start])) or any(
        row["metric"].startswith("hostages") for row in s.rows)
    clause = re.split(r"[,;]", _ADVERB_ASIDE.sub("", text[r.number.start:], count=1),
                      maxsplit=1)[0]  # ("Three bodies, however, are still unaccounted for")
    held = _HELD_IN_GAZA.search(clause)  # "34 are confirmed dead but remain in Gaza"
    if not found and r.value < 300 and (r.np.kind is None or (r.np.kind == "person" and held)):
        clause_after = re.split(r"[,;.]", r.after, maxsplit=1)[0]
        context = s.context + " " + s.earlier if held else s.context
        found = bool(lexicon.hostage_word_re.search(clause_after)) or (
            not r.left_trigger
            and not lexicon.cue_res["palestinian"].search(_HELD_IN_GAZA.sub("", clause))
            and bool(lexicon.hostage_word_re.search(context)))
    if not found and _ANAPHORIC_START.match(text[:r.number.start]):
        found = bool(lexicon.hostage_word_re.search(s.context))  # "... remain captive in Gaza.
        # Among them are 33 individuals ... who are presumed deceased."
    if r.np.kind == "pronoun" and not found:  # "25 of these are dead", a sentence or two later
        found = bool(re.match(r"^\s*(?:still\s+)?held\b", r.after)
                     or lexicon.hostage_word_re.search(s.context)
                     or (_SENTENCE_START_PART.match(text[:r.number.start])
                         and lexicon.hostage_word_re.search(s.earlier)))
    return found


_HELD_IN_GAZA = re.compile(r"\b(?:remain\w*|(?:still\s+)?(?:being\s+)?held|still|"
                           r"(?:still\s+)?(?:believed|thought)\s+to\s+be)\s+"
                           r"(?:captive\s+)?in\s+(?:the\s+)?gaza(?:\s+strip)?\b|"
                           r"\bstill\s+unaccounted\s+for\b|\b(?:left|yet|still)\s+to\s+be\s+"
                           r"(?:returned|handed\s+over|recovered)\b", re.IGNORECASE)  # ("four
# bodies left to be returned" after a sentence about the hostages' remains)
_ADVERB_ASIDE = re.compile(r",\s*(?:however|though|meanwhile|in\s+turn)\s*,", re.IGNORECASE)
# a count said to include the number, pointing back at it: "that number includes at least two
# dozen Israelis who are dead", "a figure that includes 25 bodies of those who have been
# killed" (the dead among the held count told before)
_COUNT_INCLUDES = re.compile(r"\b(?:that|this|the|a)\s+(?:number|figure|count|total|tally)\s+"
                             r"(?:that\s+|which\s+)?(?:now\s+|also\s+)?includ(?:es|ed)\s+(?:at\s+"
                             r"least\s+|about\s+|around\s+|some\s+|more\s+than\s+|nearly\s+|"
                             r"almost\s+|roughly\s+)?$", re.IGNORECASE)
# a sentence that opens on a part of what the sentence before counted
_ANAPHORIC_START = re.compile(r"^\W*(?:among|of)\s+(?:them|those|these|whom)\b[^.;\d]{0,25}$",
                              re.IGNORECASE)
# nothing before the number but a connective and a hedge: the sentence is about the part
_SENTENCE_START_PART = re.compile(r"^\W*(?:(?:however|but|and|of\s+those|yet|still)\W+)?"
                                  r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|over|"
                                  r"roughly|almost)\s+)?$", re.IGNORECASE)
_REMAINING_AFTER = re.compile(r"\s*remaining\b", re.IGNORECASE)


# noun kind + trigger -> metric, when the noun says who was counted
NOUN_METRICS = {
    ("hostage", "take"): "hostages_taken",
    ("hostage", "release"): "hostages_released",
    ("hostage", "dead"): "hostages_dead",
    ("hostage", "kill"): "hostages_dead",
    ("hostage", "hold"): "hostages_held",
    ("prisoner", "release"): "prisoners_released",
    ("prisoner", "hold"): "prisoners_held",
}
# trigger -> metric for people, subgroups, pronouns and bare numbers (see _metric for the
# exceptions: hostages dead, releases of either side, held counts)
TRIGGER_METRICS = {
    "dead": "killed",
    "kill": "killed",
    "toll": "killed",
    "injure": "injured",
    "take": "hostages_taken",
    "displace": "displaced",
}


def _part_told_back(before: str) -> bool:
    """Is a count of people a part of a count told before it: "Among them are 33 individuals
    ... presumed deceased", "that number includes at least two dozen Israelis who are dead"?"""
    return bool(_ANAPHORIC_START.match(before) or _COUNT_INCLUDES.search(before))


def _palestinian_clause(s: _Sentence, r: _Reading) -> bool:
    """Does the number's clause name Palestinians or Gaza's side before it ("Palestinian TV
    says 74 killed in assault")? Then a bare death count there is no hostage count. A dash
    opens a clause as a comma does: "Hamas held 48 hostages in Gaza - 20 alive and 28
    deceased" (the split of the held: 28 dead hostages)."""
    found = ((s.text.rfind(mark, 0, r.number.start), mark) for mark in _CLAUSE_MARKS)
    start = max((at + len(mark) for at, mark in found if at >= 0), default=0)
    return bool(s.lexicon.cue_res["palestinian"].search(s.text[start:r.number.start]))


_CLAUSE_MARKS = (",", ";", " - ", "—", "–")


_DECEASED_NP = re.compile(r"^[^.;,]{0,30}?\b(?:deceased|dead|slain)\s+(?:\w+\s+)?"
                          r"(?:hostages?|captives?)\b", re.IGNORECASE)
_WHOLE_LEFT = re.compile(r"\b(?:out\s+of|a\s+total\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def _deceased_count(r: _Reading) -> bool:
    """A count of dead hostages named by its noun, not by a verb: "a total of 28 deceased
    hostages that Hamas must return", "returned four out of 28 bodies of deceased hostages",
    "the 11 dead hostages still in Gaza". Leaves the hand-over itself ("returned the bodies of
    four deceased hostages": a release trigger with no whole) and "4 hostages died"."""
    if r.np.kind != "hostage" or not _DECEASED_NP.search(r.right[:r.np.end + 1]):
        return False
    return r.trigger in (None, "hold") or bool(_WHOLE_LEFT.search(r.core_left))


_LEADING_WHOLE = re.compile(r"(?:^|\bthat\s|[,;:]\s)\W*(?:of|out\s+of|among)\s+(?:all\s+)?"
                            r"(?:the\s+)?$", re.IGNORECASE)


def _noun_metric(s: _Sentence, r: _Reading) -> str | None:
    """The metric of a count the noun says is of hostages or prisoners: the table
    ``NOUN_METRICS``, then the held counts no trigger names ("there are 130 hostages", "the
    remaining 59 hostages", "estimated about 150 captives", "120 prisoners in Israeli jails"),
    "the 24 released hostages", and the dead among the held ("the remaining four slain
    hostages")."""
    np, trigger, lexicon = r.np, r.trigger, s.lexicon
    metric = NOUN_METRICS.get((np.kind, trigger))
    if metric is None and np.kind == "hostage" and (
            re.search(r"\bthere\s+(?:are|were|remain)\s*$", r.core_left, re.IGNORECASE)
            or (trigger is None and (_REMAINING_BEFORE.search(r.core_left)
                                     or _REMAINING_AFTER.match(r.right)))):
        metric = "hostages_held"  # "there are 130 hostages", "the remaining 59 hostages",
        # "the nearly 100 remaining hostages"
    if metric is None and np.kind == "hostage" and trigger is None and \
            _COUNTED_BEFORE.search(r.core_left):
        metric = "hostages_held"  # "Authorities had initially estimated about 150 captives"
    if metric is None and np.kind == "hostage" and trigger is None and \
            re.search(r"\b(?:released|freed)\b", r.right[:np.end], re.IGNORECASE):
        metric = "hostages_released"  # "the 24 released hostages were 13 Israelis, ..."
    if metric is None and np.kind == "prisoner" and lexicon.prison_re.search(r.after[:40]):
        metric = "prisoners_held"
    if metric is None and np.kind == "hostage" and trigger is None and \
            _LEADING_WHOLE.search(r.core_left) and r.after.lstrip().startswith(","):
        low, high = TAKEN_RANGE  # "Of the 251 hostages, 41 were killed in captivity" (taken);
        metric = "hostages_taken" if low <= r.value <= high else "hostages_held"  # "Of the
        # 132 hostages, 29 are dead" (held)
    if metric == "hostages_held" and _DEAD_IN_PHRASE.search(r.right[:np.end]):
        metric = "hostages_dead"  # "the remaining four slain hostages"
    return metric


_STILL_BEFORE = re.compile(r"\bstill\s+$", re.IGNORECASE)


_HELD_PAST_BEFORE = re.compile(r"(?<!\bare\s)(?<!\bis\s)(?<!\bbeing\s)(?<!\bwere\s)\bheld\s+$",
                               re.IGNORECASE)


def held_on_the_day(s: _Sentence, r: _Reading) -> bool:
    """The people seized on 7 October told with a past "held" in a sentence about the attack:
    "On October 7, 2023, Hamas men swarmed into Israel, killed 1,200 people and held 251
    people as hostages" (taken: the count of the day, 240 to 260). Leaves "Hamas is holding
    about 240 hostages seized on October 7" and "the 250 hostages held in Gaza" (held)."""
    low, high = TAKEN_RANGE
    return low <= r.value <= high and bool(_HELD_PAST_BEFORE.search(r.core_left)) and bool(
        s.lexicon.oct7_re.search(s.text))


def still_taken(r: _Reading) -> bool:
    """Hostages said taken whose count is of those still held: "34 of the 129 remaining
    hostages abducted by Hamas on October 7", "there are still 18 Thai nationals abducted"
    (held: "remaining" or "still" says what is left, the participle only when they were
    taken). Leaves "251 hostages abducted on October 7" and "the 240 people kidnapped" (taken).
    """
    return bool(_REMAINING_BEFORE.search(r.core_left) or _REMAINING_AFTER.match(r.right)
                or _STILL_BEFORE.search(r.left))


_BODIES_NOUN = re.compile(r"\b(?:bodies|remains|coffins)\b", re.IGNORECASE)
_REMAINS_BEFORE = re.compile(r"\b(?:remains|bodies)\s+of\b[^.;]{0,80}$", re.IGNORECASE)
_HELD_IN_GAZA_PREDICATE = re.compile(r"^[^.;]{0,70}?\b(?:were|are|is|was|remain)\s+(?:still\s+)?"
                                     r"(?:being\s+)?held\s+(?:captive\s+)?in\s+(?:the\s+)?gaza\b",
                                     re.IGNORECASE)
_FAMILIES_OF = re.compile(r"\bfamil(?:y|ies)\s+of\s+(?:the\s+|all\s+|all\s+the\s+)?$",
                          re.IGNORECASE)
_FAMILIES_WHOSE = re.compile(r"^\s+famil(?:y|ies)\s+whose\s+(?:loved\s+ones|relatives|"
                             r"(?:family\s+)?members|sons|daughters|children)\s+(?:are|were|remain)\s+"
                             r"(?:still\s+)?(?:being\s+)?(?:held|in\s+captivity|captive)",
                             re.IGNORECASE)


_HELD_STATE_AFTER = re.compile(r"^\s*,?\s*(?:(?:who|that)\s+(?:have\s+been|had\s+been|were|are)\s+"
                               r"(?:still\s+)?(?:taken|held|abducted|kidnapped|being\s+held)|"
                               r"(?:still\s+)?held\b|still\b|in\s+captivity)", re.IGNORECASE)


_TOLD_DEAD = re.compile(r"^[^.;]{0,80}?\b(?:that\s+)?(?:their|the)\s+(?:relatives|loved\s+ones|"
                        r"family\s+members|sons|daughters|children)\s+(?:are|were|had\s+been|"
                        r"have\s+been)\s+(?:dead|killed|deceased)\b", re.IGNORECASE)
_NOTIFIED_AFTER = re.compile(r"^\s*(?:have|had|has)\s+(?:now\s+)?been\s+"
                             r"(?:informed|notified|told)\b", re.IGNORECASE)
_NOTIFIED_BEFORE = re.compile(r"\b(?:notif(?:y|ied|ying)|inform(?:ed|ing)?)\s+(?:the\s+)?"
                              r"famil(?:y|ies)\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)


def _families_of_the_held(r: _Reading) -> bool:
    """The families of the hostages count the hostages held: "notify the families of 81
    hostages, who have been taken by Hamas", "notified 50 families whose loved ones are being
    held hostage". Leaves "met the families of 12 hostages" (no state: the ones he met)."""
    if r.np.kind == "hostage" and _FAMILIES_OF.search(r.core_left):
        return bool(_HELD_STATE_AFTER.match(r.after) or _NOTIFIED_AFTER.match(r.after)
                    or _NOTIFIED_BEFORE.search(r.core_left))  # (not "met the families of 12
        # hostages on Tuesday": those he met; "the families of 203 hostages have been informed",
        # "notified the families of 203 hostages": the military's count of the held)
    return bool(_FAMILIES_WHOSE.match(r.right))


def _metric(s: _Sentence, r: _Reading) -> str | None:
    """The metric from the noun kind and the trigger (the tables above), with the cases the
    tables cannot hold: "there are 130 hostages" (held), "120 prisoners in Israeli jails"
    (held), "Of the 132 hostages, 29 are dead" (hostages dead), the parts of a count of
    hostages, releases whose noun does not say which side, and held counts by nationality."""
    np, trigger, lexicon = r.np, r.trigger, s.lexicon
    if np.kind == "hostage" and _FAMILIES_OF.search(r.core_left) and _TOLD_DEAD.match(r.after):
        return "hostages_dead"  # "informed the families of 31 people held in Gaza that their
        # relatives are dead", "tells families of 31 hostages their loved ones are dead"
    if _families_of_the_held(r):
        return "hostages_held"
    if _HANDOVER_UNDER_WAY.search(r.core_left) and _DEAD_IN_PHRASE.search(r.right[:np.end]):
        return "hostages_dead"  # "begun handing over the remains of 28 deceased captives": the
        # dead still to come back, not a hand-over done
    if r.bodies and r.hostage_context:
        return "hostages_dead"  # "... and the remains of 35 others"
    if _deceased_count(r):
        return "hostages_dead"  # "a total of 28 deceased hostages", "out of 28 bodies of ..."
    if trigger == "hold" and _DEAD_IN_PHRASE.search(r.right[:np.end]) and (
            np.kind == "hostage" or r.hostage_context):
        return "hostages_dead"  # "the return of 16 bodies still held in Gaza"
    if trigger == "hold" and np.kind is None and s.rows and \
            s.rows[-1]["metric"] == "hostages_dead" and _LEAVING.search(r.core_left):
        return "hostages_dead"  # "returned 15 of the 28 deceased hostages, leaving 13 in Gaza"
    if np.kind in ("hostage", "prisoner"):
        return _noun_metric(s, r)
    if trigger in ("dead", "kill", "toll"):
        if (trigger != "toll" and r.hostage_context and not r.left_trigger
                and (np.kind is None or (np.kind == "person"
                                         and _part_told_back(s.text[:r.number.start])))
                and not _palestinian_clause(s, r)):
            return "hostages_dead"
        if np.kind == "pronoun" or r.subset:
            return "hostages_dead" if r.hostage_context else None
    if trigger in ("dead", "kill") and np.others and not r.left_trigger and s.rows and \
            s.rows[-1]["metric"].startswith("hostages"):
        return "hostages_dead"  # "60 hostages are still in captivity, with about 35 others
        # believed to be dead"
    if trigger == "injure" and r.subset:
        return None
    if trigger == "release" and r.subset and np.kind in ("subgroup", "person") and s.rows \
            and s.rows[-1]["metric"].endswith("_released"):
        return s.rows[-1]["metric"]  # "Israel released 39 Palestinians, including 24 women and
        # 15 teenagers": a part of a release frees the same side
    if trigger == "release":
        return _release_kind(s.text, r.left, np, lexicon, s.context) + "_released"
    if trigger == "hold":
        held = _held_metric(s, r)
        if held == "hostages_held" and (
                (np.kind is None and _REMAINS_BEFORE.search(r.core_left))
                or _BODIES_NOUN.search(r.right[:np.end])):
            return "hostages_dead"  # "returned the remains of 17 captives so far, and has
            # pledged to return all 28": the whole of the remains; "Four more bodies are still
            # being held in Gaza" with no hostage word in reach: bodies held are the dead
        return held
    return TRIGGER_METRICS.get(trigger)


def _held_metric(s: _Sentence, r: _Reading) -> str | None:
    """Who holds a count said held with no hostage or prisoner noun: "Israel is detaining more
    than 9,900 people" (prisoners), "Hamas is believed to be holding around 240 people", "Of
    the 250 hostages, 116 remain detained", "136 people ... were still being held in the Gaza
    Strip" (hostages); None for "two million Palestinian civilians in Gaza"."""
    np, lexicon = r.np, s.lexicon
    if r.left_trigger == "hold" and np.kind in ("person", None) and \
            lexicon.israeli_agent_re.search(r.core_left[:r.trigger_start]):
        return "prisoners_held"
    if r.left_trigger == "hold" and np.kind in ("person", None) and \
            _CAPTOR_BEFORE.search(r.core_left[:r.trigger_start]):
        return "hostages_held"
    if np.kind is None and s.rows and s.rows[-1]["metric"].startswith("hostages") and \
            _OF_THE_START.match(s.text):
        return "hostages_held"
    aside = _APPOSITIVE_START.match(r.after)  # ", including hundreds of children, are
    window = r.after[:40 + (aside.end() if aside else 0)]  # being held in Israeli jails"
    if lexicon.prison_re.search(window) or (
            np.nationality == "palestinian" and (r.left_trigger == "hold"
                                                 or _HELD_WORD.search(window))):
        return "prisoners_held"
    if (r.hostage_context or lexicon.hostage_word_re.search(r.after[:60])
            or np.nationality == "israeli" or np.foreign
            or _HELD_IN_GAZA_PREDICATE.match(window)):
        return "hostages_held"
    return None


_COUNTED_BEFORE = re.compile(r"\b(?:estimated|estimates?|believes?|counted|counts|listed|lists|"
                             r"puts?|put)\s+(?:that\s+)?(?:there\s+(?:are|were)\s+)?$",
                             re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+(?:(?:about|some|over|nearly|at\s+least|more\s+than)"
                         r"\s+)?$", re.IGNORECASE)
_LEAVING = re.compile(r"\b(?:leaving|leaves|left|with)\s+(?:(?:about|some|only|just)\s+)?$",
                      re.IGNORECASE)
_CAPTOR_BEFORE = re.compile(r"\b(?:hamas|militants|islamic\s+jihad|captors|the\s+(?:militant\s+)?"
                            r"group)\b[^.,;]{0,40}$", re.IGNORECASE)
_APPOSITIVE_START = re.compile(_APPOSITIVE)
_OF_THE_START = re.compile(r"\s*(?:out\s+)?of\s+the\b", re.IGNORECASE)
_HELD_WORD = re.compile(r"\b(?:held|holding|holds)\b", re.IGNORECASE)
_BRINGING_TOTAL = re.compile(r"\b(?:bringing|brings|brought|taking|takes|raising|raises)\s+"
                             r"(?:the|its)\s+(?:overall\s+|total\s+)?(?:total|tally|number|count)\b[^\d.;:]{0,30}"
                             r"\bto\s*$", re.IGNORECASE)


def _inherit_metric(s: _Sentence, r: _Reading, previous: dict | None) -> None:
    """A number with no trigger of its own that continues the row just read: "holds 9,000
    Palestinians ..., up from about 5,200 before the war" (a comparison: the same metric),
    "killed 30,000 people, including 12,300 children" (a part: the same metric, its group)."""
    if not s.rows:
        return
    last = s.rows[-1]
    if r.nationality_part:
        r.metric, r.population = last["metric"], "other" if r.np.foreign else "israeli"
        return
    if (last["metric"] in ("killed", "injured") and r.np.kind in (None, "person")
            and not r.np.nationality and previous is not None and previous["row"] is last
            and _AND_BEFORE.search(r.core_left) and _PLACE_AFTER.match(r.right[r.np.end:])):
        r.metric = last["metric"]  # "killed 1,300 Palestinians in the West Bank and 65,000 in
        return  # Gaza": the same toll in another place (its own population)
    if r.np.kind is None and (_COMPARED_LEFT.search(r.core_left)
                              or _BRINGING_TOTAL.search(r.core_left)):
        r.metric, r.population = last["metric"], last["population"]  # "bringing the total to 58"
    elif (r.subset and r.np.kind in ("subgroup", "person") and r.np.group
          and previous is not None and previous["row"] is last):
        r.metric, r.population = last["metric"], last["population"]


# About 250 people were taken hostage on 7 October 2023: no count of the hostages taken, held,
# dead or freed is larger. A bigger "hostage" count speaks of Palestinians ("Israel is holding
# nearly 10,000 hostages") or is a toll read in a hostage sentence ("250 people abducted and
# 1,200 killed").
HOSTAGE_MAX = 300
_BEYOND_HOSTAGES = {"hostages_held": "prisoners_held", "hostages_released": "prisoners_released",
                    "hostages_dead": "killed", "hostages_taken": None}


TOLL_MAX = 1_000_000  # no toll of the war reached a million (Gaza has about two million people)
PRISONERS_HELD_MIN = 2000  # Israel held about 5,000 Palestinians before the war, over 9,000 in it


def _plausible_metric(metric: str | None, value: int) -> str | None:
    """A hostage metric whose value no hostage count reaches (over :data:`HOSTAGE_MAX`) is the
    other side's: held -> prisoners held, released -> prisoners released, dead -> killed;
    "took 1,200 hostages" is no figure. Leaves every count up to 300. A displaced count under
    :data:`DISPLACED_MIN` is one site's or one family's."""
    if metric in _BEYOND_HOSTAGES and value > HOSTAGE_MAX:
        return _BEYOND_HOSTAGES[metric]
    if metric == "displaced" and value < DISPLACED_MIN:
        return None  # "30 people were crammed into a single classroom": one site's
    return metric


DISPLACED_MIN = 1000  # the war displaced people by the tens of thousands at least
_PLACE_AFTER = re.compile(r"^[^.;,]{0,30}?\b(?:in|across|from)\s+(?:the\s+)?"
                          r"(?:occupied\s+|besieged\s+|southern\s+|northern\s+)?(?:gaza|west\s+bank|"
                          r"lebanon|jenin|rafah|khan\s+yunis|strip|enclave)\b", re.IGNORECASE)
