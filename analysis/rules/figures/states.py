"""What the predicate says became of the people counted.

The triggers of a reading (`_read_triggers`; the predicate after relative clauses and
participles, "hostages seized in the attack were freed", is :mod:`.predicates`), parts said dead
or alive, rescues, and the trigger chosen (`_choose_trigger`); whether a release is done, sought
or planned is :mod:`.releases`. Fed by :mod:`.reading`, :mod:`.triggers` and :mod:`.predicates`;
feeds :mod:`.releases`, :mod:`.metric`, :mod:`.vetoes` and :mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.noun_phrase import NounPhrase, _noun_phrase
from analysis.rules.figures.predicates import (
    _HELD_PARTICIPLE,
    _RELATIVE_STATE,
    _WHO_CLAUSE,
    _finite_after_participle,
    _predicate_after_relative,
    _relative_state,
)
from analysis.rules.figures.rates import _BODIES_LEFT
from analysis.rules.figures.reading import (
    _OTHER_SUBJECT,
    _TAKEN_PARTICIPLE,
    _Reading,
    _said_alive,
    _said_dead,
    _Sentence,
)
from analysis.rules.figures.triggers import (
    _DEAD_AS_NOUN,
    _TRAILING_DETERMINERS,
    _left_trigger,
    _mask_dates,
    _right_trigger,
    _shared_predicate,
)
from analysis.rules.numbers import find_numbers

# a relative clause that tells how long the released were held, not a state now: "Hamas
# released the first three hostages it has held for 15 months" (as "the 20 remaining surviving
# Israeli hostages it had held for two years", "all 20 surviving hostages it had been holding
# since October 7, 2023" are read: released)
_HELD_FOR = re.compile(r"^\s*(?:(?:that|which|whom)\s+)?(?:it|they|hamas|the\s+group)\s+has\s+"
                       r"held\s+(?:them\s+)?(?:for|since)\b", re.IGNORECASE)
_RELEASED_RIGHT_BEFORE = re.compile(r"\b(?:released|freed|handed\s+over)\s+(?:the\s+|all\s+)?"
                                   r"(?:(?:first|last|final|remaining)\s+)?$", re.IGNORECASE)


def _read_triggers(s: _Sentence, r: _Reading) -> None:
    """The trigger before the number ("killed", "released", "the death toll rose to") and the
    predicate after its noun phrase ("were killed", "remain in Gaza"); `pending` when that
    predicate is modal ("will be released"). A comma after the left trigger makes it a noun
    ("Before Monday's release, 48 hostages remained"); "129 hostages abducted on October 7
    remain in Gaza" are held."""
    lexicon = s.lexicon
    r.left_trigger, r.trigger_start = _left_trigger(r.core_left, lexicon)
    r.left_is_toll = r.left_trigger == "toll"
    r.right_trigger, r.pending = _right_trigger(r.after, lexicon)
    dead_noun = _DEAD_AS_NOUN.match(r.after) if r.np.kind is None else None
    if dead_noun:  # "nine deceased will be released", "four dead were returned": the dead
        found, pending = _right_trigger(r.after[dead_noun.end():], lexicon)  # moved or to
        r.right_trigger, r.pending = ("dead", False) if found == "hold" else (  # be; "nine
            "dead", True) if found else (r.right_trigger, r.pending)  # dead remain in Gaza"
    if r.right_trigger is None:
        r.right_trigger = _relative_state(r.after)
        if r.right_trigger == "hold" and _HELD_FOR.match(r.after) and _RELEASED_RIGHT_BEFORE.search(
                r.core_left):
            r.right_trigger = None  # "released the first three hostages it has held for 15
            # months": how long they were held, as "it had held for two years" tells it
    if r.right_trigger is None and _WHO_CLAUSE.match(r.after):
        r.right_trigger, r.pending = _predicate_after_relative(r.after, lexicon)
    if r.left_trigger is None and _CLAIMED.search(r.core_left) \
            and re.search(r"\blives\b", r.right[:r.np.end], re.IGNORECASE):
        r.left_trigger, r.trigger_start = "kill", _CLAIMED.search(r.core_left).start()
    if r.alive:
        r.right_trigger, r.pending = "hold", False
        if not r.left_trigger and _HELD_PARTICIPLE.match(r.after):  # "all 20 living captives
            found = _finite_after_participle(r.after, lexicon, "hold")  # held by Hamas walked
            if found[0] == "release":  # free on Monday": the living freed
                r.right_trigger, r.pending = found
    if (r.left_trigger and r.right_trigger
            and re.search(r",\s*$", r.core_left[r.trigger_start:])):
        r.left_trigger = None
    if _PARTITIVE_LEAD.search(r.core_left):
        r.left_trigger = None  # "Of the Palestinian prisoners released, 1,718 were arrested"
    if r.right_trigger in ("take", "hold") and not r.left_trigger and not r.alive:
        r.right_trigger, r.pending = _finite_after_participle(r.after, lexicon, r.right_trigger)
    _state_then_plan(r)
    _appositive_count(s, r)
    _awaited_bodies(r)
    _bodies_by_pronoun(r)


# a return of bodies still awaited, right before "the bodies/remains of": "Hamas has yet to
# return", "Israel is still waiting for", "still in possession of", "must still hand over"
_AWAITED_BODIES = re.compile(
    r"\b(?:yet\s+to|still\s+(?:has\s+to|have\s+to|needs?\s+to|must|to)|must\s+still|"
    r"(?:still\s+)?(?:waiting|awaiting|waits|awaits)|(?:has|have)\s+not\s+(?:yet\s+)?"
    r"(?:returned|handed\s+over|released)|(?:still\s+)?in\s+possession\s+of)\b[^.;,\d]{0,35}?"
    r"\b(?:the\s+)?(?:bodies|remains|coffins)\s+of\s+(?:all\s+)?(?:the\s+)?$", re.IGNORECASE)


# a return of all the remains sought: "demanding the return of the bodies of all 28", "to
# secure the return of the remains of the 11 deceased hostages"
_SOUGHT_BODIES = re.compile(
    r"\b(?:demand\w*|call\w*\s+for|seek\w*|sought|push\w*\s+for|press\w*\s+for|secur\w*|"
    r"insist\w*\s+on|await\w*)\s+(?:the\s+)?(?:return|release|handover|repatriation)\s+of\s+"
    r"(?:the\s+)?(?:bodies|remains)\s+of\s+(?:all\s+(?:the\s+)?|the\s+(?:remaining\s+)?)$",
    re.IGNORECASE)


def _awaited_bodies(r: _Reading) -> None:
    """Hostages' remains whose return is still awaited are the dead still held: "Hamas has
    yet to return the bodies of 13 hostages", "Israel is still waiting for the remains of 11
    hostages", "Hamas is still in possession of the bodies of 13 hostages", "Israel demands
    the return of the bodies of all 28" (the whole sought). Leaves returns
    done ("Hamas has returned the remains of 15 hostages": bodies handed over) and returns
    planned for a day ("Hamas will hand over the bodies of four hostages on Thursday")."""
    if r.np.kind == "hostage" and (_AWAITED_BODIES.search(r.core_left)
                                   or _SOUGHT_BODIES.search(r.core_left)):
        r.left_trigger, r.right_trigger, r.pending, r.bodies = None, "hold", False, True


# "those of N" standing for the bodies or remains named last before it in the sentence, and
# the parts of its dashed aside ("those of two foreign workers – one Thai and one Nepalese");
# the words between say whether they are still held
THOSE_OF = re.compile(r"\bthose\s+of\s+(?:(?:the|another)\s+)?(?:(?:[\w-]+\s+){1,3}[–—]\s*"
                      r"(?:[\w-]+\s+[\w-]+\s*(?:,|and|or)\s+)*)?$", re.IGNORECASE)
_BODIES_BEFORE_PRONOUN = re.compile(r"\b(?:bodies|remains|coffins)\b(?P<between>(?:(?!\b(?:"
                                    r"bodies|remains|coffins)\b)[^.;])*)$", re.IGNORECASE)
_STILL_HELD_WORDS = re.compile(r"\b(?:held|holds?|holding|remain(?:s|ed|ing)?|still\s+in)\b",
                               re.IGNORECASE)


# a part told by the pronoun ("including those of two soldiers"): no count of its own
_PART_PRONOUN = re.compile(r"\b(?:including|among\s+them)\s+those\s+of\b[^.;]*$", re.IGNORECASE)


def bodies_before_pronoun(core_left: str) -> re.Match | None:
    """The bodies "those of N" stands for: "Four more bodies are still being held in Gaza,
    those of three Israelis"; None when the words before "those of" name no bodies ("the
    names of 12 hostages with those of 12 soldiers")."""
    pronoun = THOSE_OF.search(core_left)
    return pronoun and _BODIES_BEFORE_PRONOUN.search(core_left[:pronoun.start()])


def _bodies_by_pronoun(r: _Reading) -> None:
    """Bodies still held told by a pronoun are the dead held: "Four more bodies are still being
    held in Gaza, those of three Israelis" (hostages dead 3); not a part ("including those of
    two soldiers", vetoed as before). Bodies moved told so ("sent
    back 15 bodies ... and those of two foreign workers", "the remains of 13 Israeli hostages
    ..., as well as those of two foreign nationals") are vetoed by
    :func:`.vetoes._bodies_by_pronoun_moved`."""
    bodies = bodies_before_pronoun(r.core_left)
    if bodies and _STILL_HELD_WORDS.search(bodies.group("between")) \
            and not _PART_PRONOUN.search(r.core_left):
        r.left_trigger, r.right_trigger, r.pending, r.bodies = None, "hold", False, True


# "<noun phrase>, who number about", "..., numbering more than", "..., estimated to total"
_APPOSITIVE_COUNT = re.compile(
    r"(?P<np>[^,;:.()\d]{3,80}),\s*(?:(?:who|which|that)\s+(?:now\s+|still\s+)?(?:number|numbered|"
    r"total|totalled|totaled)|numbering|totall?ing|(?:(?:are|is|were|was)\s+)?(?:estimated|"
    r"believed|thought|said|reported|understood)\s+to\s+(?:number|total))\s*$", re.IGNORECASE)
_APPOSITIVE_END = re.compile(r"^\s*(?:[,;)—–]|\s-\s|\.(?:\s|$)|$)")
_HELD_WORDS = re.compile(r"\b(?:remaining|still|held|captive|captivity|in\s+gaza|"
                         r"in\s+(?:israeli\s+)?(?:jails|prisons|custody|detention))\b|-held\b",
                         re.IGNORECASE)


def _appositive_count(s: _Sentence, r: _Reading) -> None:
    """A count in apposition to the people it counts, described by their state: "the
    remaining hostages, estimated to total around 100,", "the hostages still in Gaza, who
    number about 100,", "Palestinians in Israeli jails, numbering more than 9,000," (held,
    whatever plan governs the sentence: "a proposal to free half of the remaining hostages,
    estimated to total around 100"). Leaves "the hostages freed on Friday, numbering 24" (no
    state of being held) and numbers followed by a noun of their own."""
    if r.np.kind is not None or not _APPOSITIVE_END.match(r.right):
        return
    match = _APPOSITIVE_COUNT.search(r.core_left)
    if match is None or not _HELD_WORDS.search(match.group("np")):
        return
    if s.lexicon.hostage_word_re.search(match.group("np")):
        r.np.kind = "hostage"
    elif s.lexicon.prisoner_word_re.search(match.group("np")):
        r.np.kind = "prisoner"
    else:
        return
    r.left_trigger, r.right_trigger, r.pending = None, "hold", False


# "hostages who remain in Gaza are set to be released", "still in Gaza will be freed"
_STATE_THEN_PLAN = re.compile(r"^\s+(?:(?:who|that)\s+(?:remain|are\s+still)|still|remaining)\b"
                              r"[^,;.]{0,40}?\b(?:will|would|(?:are|is)\s+(?:set|due|expected|"
                              r"slated|scheduled)\s+to|to\s+be)\b(?:\s+\w+){0,2}?\s+(?:released|"
                              r"freed|free|release|returned|handed\s+over|set\s+free)\b",
                              re.IGNORECASE)


def _state_then_plan(r: _Reading) -> None:
    """A count described by its state, then a release still to come: "some 100 hostages who
    remain in Gaza are set to be released" states the held count (hold); in "33 of the 100
    hostages still in Gaza will be freed" the part (33) is the pending release."""
    if r.left_trigger or not (_STATE_THEN_PLAN.match(r.after) or (
            r.pending and r.right_trigger == "release" and _REMAINING_BEFORE.search(r.core_left))):
        return  # ("the bodies of the remaining 28 dead hostages are expected to be handed over")
    if r.np.of_the and not r.part_of:
        r.right_trigger, r.pending = "release", True
    else:
        r.right_trigger, r.pending = "hold", False


_PARTITIVE_LEAD = re.compile(r"^\W*(?:of|out\s+of|among)\s+(?:the|those|all)\b[^;]*,\s*$",
                             re.IGNORECASE)
_CLAIMED = re.compile(r"\b(?:claimed|claiming|claims|claim|cost|costing|took|taken)\s*$",
                      re.IGNORECASE)  # "has claimed over 44,400 Palestinian lives"


def _part_without_state(s: _Sentence, r: _Reading) -> bool:
    """The whole of "N of the M hostages" is held when the part is said dead or alive ("36 of
    the 128 remaining hostages are dead": 128 held), taken when a participle says so ("97 of
    the 251 hostages taken by Hamas on October 7 remain": 251 taken); any other whole is
    dropped ("31 of the 105 freed")."""
    if not r.part_of:
        return False
    lexicon = s.lexicon
    if r.right_trigger == "take" and _RELATIVE_STATE.match(r.after):
        return False  # "freed over 100 of the more than 200 people its militants took hostage"
    if r.np.kind == "hostage" and _TAKEN_PARTICIPLE.match(r.after):
        r.left_trigger, r.right_trigger = None, "take"  # "97 of the 251 hostages taken ..."
        return False
    if r.np.kind == "hostage" and TAKEN_RANGE[0] <= r.value <= TAKEN_RANGE[1] and \
            _PART_STILL_HELD.match(r.after):
        r.left_trigger, r.right_trigger = None, "take"  # "Seventy-three of the 251 hostages
        return False  # are still held in Gaza": the whole of a part still held is the taken,
        # as "Of the 251 hostages, 41 were killed" is read (metric.TAKEN_RANGE)
    if _BODIES_OF_PART.search(r.left) and (r.np.kind == "hostage" or (
            r.np.kind is None and lexicon.hostage_word_re.search(s.text))):  # ("handed over
        # the remains of 19 out of 28, most of them Israelis" after "20 Israeli captives")
        r.left_trigger, r.right_trigger, r.bodies = None, "hold", True  # "handed over the
        return False  # remains of 27 out of 28 Israeli captives": the 28 are the dead
    still_held = r.np.kind == "hostage" and bool(
        _STILL_HELD_WHOLE.match(r.after) or _DEAD_IN_PHRASE.search(r.right[:r.np.end]))
    # ("the bodies of 10 of the 28 deceased hostages": the 28 are the dead still held)
    if r.np.kind != "hostage" or not (_said_dead(r.after, lexicon) or still_held
                                      or _said_alive(r.after, lexicon)):
        return True
    r.left_trigger, r.right_trigger, r.alive = None, "hold", False  # "the deaths of 35 of the
    return False  # 59 hostages still held in Gaza": 59 held


# the count of 7 October as news gives it: a whole of this size is the hostages taken
TAKEN_RANGE = (240, 260)
# the part's predicate says it is still held: "73 of the 251 hostages are still held in Gaza",
# "97 of the 251 hostages remain in Gaza"
_PART_STILL_HELD = re.compile(r"^\s*(?:(?:are|were|is)\s+(?:still\s+)?(?:being\s+)?"
                              r"(?:held|in\s+(?:gaza|captivity))|(?:still\s+)?remain(?:s|ed)?"
                              r"\b(?!\s+(?:alive|dead|unaccounted|unclear|unknown)))\b",
                              re.IGNORECASE)
_BODIES_OF_PART = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:all\s+but\s+)?[\w,-]+\s+"
                             r"(?:others\s+)?(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
# ("the remains of 27 others out of 28": the part told as "others" after the living freed)
_STILL_HELD_WHOLE = re.compile(r"^\s+(?:(?:who|that)\s+(?:are|were)\s+)?(?:still|remaining|"
                               r"(?:believed|thought)\s+to\s+(?:still\s+)?be\s+held|"
                               r"(?:being\s+)?held\s+(?:by|in)\b)\b",
                               re.IGNORECASE)  # ("three out of 24 hostages believed to be held",
# "six of the 220 hostages held by Hamas have Russian citizenship": 220 held)


def _bodies_of_the_held(s: _Sentence, r: _Reading) -> bool:
    """ "132 remain held in Gaza, including the remains of about two dozen who died", "111 of
    the captives have not been released, including the bodies of 39", "holds 24 living
    hostages and the remains of 35 others": the dead among the held just counted."""
    return bool(any(row["metric"] == "hostages_held" for row in s.rows)
                and _BODIES_OF_THE_HELD.search(r.core_left))  # ("97 of the 251 hostages
    # abducted ... remain in Gaza, including the bodies of 33": the held count came first)


_BODIES_OF_THE_HELD = re.compile(r"\b(?:includ(?:e|es|ed|ing)|and|plus|in\s+addition\s+to|"
                                 r"as\s+well\s+as|along\s+with|alongside|besides)\s+(?:the\s+)?"
                                 r"(?:bodies|remains)\s+of\s*$", re.IGNORECASE)


def _rescue_veto(s: _Sentence, r: _Reading) -> bool:
    """Rescues and recovered bodies: "rescued four hostages", "recovered the bodies of 3".
    Leaves "the bodies of 24 hostages are still in Gaza" (read as hostages dead) and the whole
    of a part recovered ("recovered the bodies of 10 of the 28 deceased hostages": 28 dead)."""
    if r.np.remains and _RECOVERY_BEFORE.search(r.core_left):
        return True  # "the recovery of six Israeli hostages' bodies in the Gaza Strip"
    if (r.part_of or r.bodies) and r.right_trigger == "hold":
        return False  # (bodies whose return is awaited: see _awaited_bodies)
    if _HANDOVER_UNDER_WAY.search(r.core_left):
        return False  # "begun handing over the remains of 28 deceased captives" (see _metric)
    own_clause = _NEW_SUBJECT_CLAUSE.split(re.split(r";|,\s*(?:while|but|whereas)\b",
                                                    r.after)[0][:80], maxsplit=1)[0]
    later = find_numbers(own_clause)  # nor "130 came home in truces and seven in rescues"
    own_clause = own_clause[:later[0].start] if later else own_clause  # not "148
    # hostages have returned alive, most in two deals, while eight were rescued by troops"
    near_left = r.core_left[-40:]
    if not r.part_of:  # ("handed over the bodies of 20 hostages, with just eight bodies left
        near_left = re.split(r"\d", near_left)[-1]  # to be returned": the 20's rescue word)
    if not (s.lexicon.rescue_re.search(near_left) or _rescued_after(r, own_clause,
                                                                    bool(later))):
        return False
    if _RECOVERED_BODIES.search(r.core_left[-60:]):
        return True  # "recovered the bodies of two hostages held in Gaza"
    hostages = r.np.kind == "hostage" or (r.np.kind is None and any(
        row["metric"].startswith("hostages") for row in s.rows))  # "Of the 251 hostages
    # taken ..., the remains of four are still in Gaza"
    if (r.right_trigger == "hold" and hostages
            and _BODIES_LEFT.search(_TRAILING_DETERMINERS.sub("", r.core_left)[-40:])) \
            or _bodies_of_the_held(s, r) \
            or (r.np.kind == "hostage" and _HOLDS_BODIES.search(r.core_left[-60:])):
        r.bodies = True  # "Hamas still holds the remains of 24 deceased hostages"
        return False
    return True


# a comma, then a clause with a subject of its own: "Hamas has released four hostages,
# Israel has rescued one" (the rescue is the next clause's); not "freed alive, all during
# military operations"
_NEW_SUBJECT_CLAUSE = re.compile(r",\s+(?:and\s+)?(?:[A-Z][\w'’-]*|the\s+\w+|it|they|he|she)\s+"
                                 r"(?:has|have|had|was|were|is|are)\b")
_RECOVERED_BODIES = re.compile(r"\b(?:recover\w*|retriev\w*|rescu\w*|return\w*|hand\w*\s+over|"
                               r"repatriat\w*|receiv\w*)(?:,[^,.;]{0,40},)?\s+(?:the\s+)?"
                               r"(?:bodies|remains|coffins)\s+of\s*$", re.IGNORECASE)
# ("Israel has received, through the Red Cross, the coffins of three fallen hostages")
# a recovery or return right before hostages named by their remains ("the recovery of six
# hostages' bodies", "Israel retrieved two hostages' remains")
_RECOVERY_BEFORE = re.compile(r"\b(?:recover\w*|retriev\w*|rescu\w*|return\w*|repatriat\w*|"
                              r"receiv\w*|hand\w*\s+over|identif\w*)(?:\s+of)?\s+(?:the\s+)?$",
                              re.IGNORECASE)
_HOLDS_BODIES = re.compile(r"\b(?:holds?|holding|held|keeps?|keeping|has|have)\s+(?:the\s+)?"
                           r"(?:bodies|remains)\s+of\s*$", re.IGNORECASE)


def _choose_trigger(s: _Sentence, r: _Reading) -> None:
    """One trigger from the left and right ones. A predicate after a toll phrase or after
    "holds" decides ("the toll ... 120 hostages were killed"); the part of a whole said dead
    is dead; the second number of an exchange is released; bodies are dead; otherwise the
    predicate shared with the next number ("23 Thais and one Filipino were freed")."""
    left = r.left_trigger
    if left == "release_total":
        left = "release"
        _tally_noun(s, r)
    if left and left.startswith("count_"):  # "the number of (dead) hostages ... 35"
        kind, _, state = left[6:].partition("_")
        if r.np.kind is None:
            r.np.kind = kind
        left = state or "hold"
    r.left_trigger = left
    right = r.right_trigger
    trigger = left or right
    if (left == "toll" and right and not _place_after_toll(r, right)) or (
            left == "hold" and right in ("kill", "dead")):
        trigger = right
    if r.np.of_the and not r.alive and _said_dead(r.after, s.lexicon):
        trigger = "dead"
    if trigger == "hold" and not left and _dead_after_state(s, r):
        trigger = "dead"
    if r.coordinated and (trigger is None or (trigger in ("hold", "toll") and not left
                                              or left == "toll")):
        trigger = "release"
    if r.bodies:
        trigger = "dead"
    if trigger is None and not (s.lexicon.subset_left_re.search(r.core_left) and s.rows):
        trigger = _shared_predicate(s.text, r.number, r.np, s.numbers, s.lexicon)
    r.trigger = trigger  # ("killed 1,200 people, including 815 civilians, and 251 were
    # abducted": the part shares its whole's predicate, not the next clause's)


# the people a running total of releases names before its number: "the total number of
# released Thai hostages to 23", "The total number of Palestinians freed under the deal now
# stands at 180", "the total number of hostages released by Hamas to four"
_TALLY_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\s+(?:the\s+)?"
                       r"(?:(?:released|freed|returned|set\s+free)\s+)?", re.IGNORECASE)


def _tally_noun(s: _Sentence, r: _Reading) -> None:
    """A running total of releases with no noun after its number takes the noun the tally
    names before it ("the number of X ... to N", as "brings to N the number of X" is read): its
    kind and nationality, so that "the total number of released Thai hostages to 23" is the
    Thais' (other) and "The total number of Palestinians freed under the deal now stands at 180"
    is prisoners released. The quote stays the number."""
    if r.np.kind is not None:
        return
    tallies = list(_TALLY_OF.finditer(r.core_left))
    if not tallies:
        return
    tally = tallies[-1]
    named = _noun_phrase(" " + r.core_left[tally.end():], s.lexicon)
    if named.kind in ("hostage", "prisoner") or (named.kind == "person" and (
            named.nationality or named.foreign)):
        r.np = NounPhrase(named.kind, 0, foreign=named.foreign, nationality=named.nationality,
                          first_word=named.first_word, group=named.group)


# a place right after a toll's number: "the death toll now stands at 10,022 in Gaza"
_PLACE_ONLY = re.compile(r"^\s*(?:,\s*)?(?:still\s+)?(?:in|inside)\s+(?:the\s+)?"
                         r"(?:gaza|strip|enclave|territory)\b", re.IGNORECASE)


def _place_after_toll(r: _Reading, right: str) -> bool:
    """After a toll phrase, a place is where the dead are counted, not hostages held: "the
    death toll now exceeds 10,022 people in Gaza", "the toll has risen to 29,000 in the
    Strip" (killed). Leaves a predicate of its own ("the toll ... 120 hostages remain in
    Gaza": a hostage noun decides) and "remain", "held" (verbs, not a place)."""
    return right == "hold" and r.np.kind not in ("hostage", "prisoner") and bool(
        _PLACE_ONLY.match(r.after))


_NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                          r"hundreds?)\b", re.IGNORECASE)


def _dead_after_state(s: _Sentence, r: _Reading) -> bool:
    """Hostages described by where they are held, then said dead in the same clause: "32
    hostages remaining in Gaza were dead", "Over 30 Hostages Held by Hamas in Gaza Confirmed
    Dead", "31 of the remaining hostages held by Hamas in the Gaza Strip have been pronounced
    dead". Leaves "59 hostages are held in Gaza and Israel believes 35 are dead" (another
    number says who is dead) and "... remain in Gaza, 30 of whom are dead"."""
    if r.np.kind != "hostage" or r.alive or r.part_of:
        return False  # ("25 of the 100 hostages still in Gaza are no longer alive": 100 held)
    text = _mask_dates(r.after[:110], s.lexicon)
    other = _OTHER_SUBJECT.search(text)
    if other:
        text = text[:other.start()]
    match = s.lexicon.dead_search_re.search(text)
    return (bool(match) and not _NUMBER_WORD.search(text[:match.end()])
            and bool(_DEAD_PREDICATE.search(text[:match.end()])))


# the dead word as the predicate ("were dead", "have been pronounced dead", "have died"), not
# a verb with its own object ("kidnapped in the attack that killed 1,200 people")
_DEAD_PREDICATE = re.compile(r"\b(?:are|is|were|was|been|be|have|has|had|confirmed|pronounced|"
                             r"declared|presumed|believed|thought|feared|now)\s+(?:\w+\s+)?"
                             r"(?:dead|died|deceased|killed|slain|murdered|not\s+alive|"
                             r"no\s+longer\s+alive|lost\s+their\s+lives)\s*$", re.IGNORECASE)


_DEAD_IN_PHRASE = re.compile(r"\b(?:bodies|remains|deceased|dead|slain|fallen)\b", re.IGNORECASE)
_REMAINING_BEFORE = re.compile(r"\b(?:the\s+|all\s+)?remaining\s*$", re.IGNORECASE)
# ("begun handing over the remains of 28 deceased captives", "begun sending back the bodies of
# 28 deceased hostages": a hand-over told by any of its verbs)
_HANDOVER_UNDER_WAY = re.compile(r"\b(?:begun|began|begins?|started|starts?|start)\s+"
                                 r"(?:(?:handing|sending|giving)\s+(?:over|back)|returning|"
                                 r"to\s+(?:(?:hand|send|give)\s+(?:over|back)|return))\s+"
                                 r"(?:the\s+)?"
                                 r"(?:bodies|remains)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# "seven other hostages have been freed alive, all during Israeli military operations"
_RESCUE_AFTER = re.compile(r"^[^.;]*?\b(?:rescued|rescues|rescue\s+(?:operation|raid|mission)s?)\b",
                           re.IGNORECASE)
# bodies recovered: "40 bodies of dead hostages were retrieved by Israeli troops" (not "yet to
# be recovered": still held)
_RECOVERED_AFTER = re.compile(r"^[^.;]*?(?<!\bbe\s)\b(?:recovered|retrieved)\b", re.IGNORECASE)
_OPERATION_AFTER = re.compile(r"^[^.;]*?\b(?:in|during|by|through|via)\s+(?:an?\s+|the\s+)?"
                              r"(?:[\w-]+\s+)?(?:israeli\s+)?(?:military|special|commando|army)(?:\s+forces?)?\s+"
                              r"(?:operation|raid)s?\b", re.IGNORECASE)


def _rescued_after(r: _Reading, own_clause: str, count_follows: bool) -> bool:
    """Does the number's own clause say its people were rescued? "Seven other hostages have
    been freed alive, all during Israeli military operations", "four hostages rescued by
    troops". A military operation names a rescue only for people freed or held ("More than
    40,000 people have been killed in Israel's military operation" is the war), and a rescue
    verb right before the next count is that count's ("Hamas has released 105 hostages and
    Israeli troops rescued four")."""
    match = _RESCUE_AFTER.search(own_clause)
    if match is None and _DEAD_IN_PHRASE.search(r.right[:r.np.end]):
        match = _RECOVERED_AFTER.search(own_clause)
    if match and count_follows and not own_clause[match.end():].strip():
        match = None
    if match:
        return True
    return "release" in (r.left_trigger, r.right_trigger) and bool(
        _OPERATION_AFTER.search(own_clause))
