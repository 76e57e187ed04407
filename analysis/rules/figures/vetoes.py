"""The vetoes that need the metric (`_METRIC_VETOES`, in order).

Each a small function whose docstring lists the phrases it drops and the ones it leaves. The
vetoes of tolls are in :mod:`.toll_vetoes`; here are those of hostages, prisoners and
releases: bodies handed over, hostages taken before the war or killed by their captors,
proposed or withheld releases, recipients, small captures, people shown in a video, what a
plan would leave; those of the parts of a release day are in :mod:`.release_parts`. Fed by
:mod:`.metric`, :mod:`.groups`, :mod:`.rows`, :mod:`.toll_vetoes`, :mod:`.release_parts`;
feeds :mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.metric import PRISONERS_HELD_MIN
from analysis.rules.figures.rates import _whole_after
from analysis.rules.figures.reading import _Reading, _Sentence
from analysis.rules.figures.release_parts import (
    _named_part_of_release,
    _part_by_destination,
    _part_of_the_freed,
    _part_of_the_released,
    _released_described,
)
from analysis.rules.figures.scope_vetoes import (
    _anaphoric_period,
    _count_from_restart,
    _deal_list,
    _evacuated_wounded,
    _family_members,
    _object_of_reaction,
    _period_before_war,
    _population_size,
    _received_not_hostages,
    _remains_in_release,
)
from analysis.rules.figures.states import _DEAD_IN_PHRASE, bodies_before_pronoun
from analysis.rules.figures.toll_vetoes import (
    _bodies_counted,
    _combined_toll,
    _count_since_restart,
    _custody_death,
    _displaced_again,
    _earlier_war,
    _identified_part,
    _incident_toll,
    _increment,
    _injured_by_severity,
    _missing_tally,
    _other_war,
    _returnees,
    _small_toll_without_war,
)
from analysis.rules.figures.triggers import _without_determiners


def _former_detainees(s: _Sentence, r: _Reading) -> bool:
    """ "six former detainees, released in May": people described, not a release."""
    return r.metric.endswith("_released") and bool(
        re.search(r"\bformer\b", r.right[:r.np.end], re.IGNORECASE))


def _bodies_handed_over(s: _Sentence, r: _Reading) -> bool:
    """ "returned the bodies of four hostages", "remains of": bodies are not people freed; nor
    is a count that takes bodies in ("154 others, including the bodies of the deceased, have
    been returned"), nor a bare count returned after the dead (:func:`_returned_of_the_dead`).
    """
    phrase = re.split(r"\s+and\s+", r.right[:r.np.end])[0]  # "20 living hostages and the bodies"
    return r.metric.endswith("_released") and bool(
        _DEAD_IN_PHRASE.search(phrase) or _WITH_BODIES.match(r.after)
        or _returned_of_the_dead(s, r) or _BODIES_TALLY.search(r.core_left))


# a tally of bodies returned: "brings the total number of bodies returned to 225"
_BODIES_TALLY = re.compile(r"\b(?:number|total|tally)\s+of\s+(?:[\w-]+\s+){0,2}?(?:bodies|remains|"
                           r"corpses)\b[^\d.;]{0,60}$", re.IGNORECASE)


# ("hostages killed in captivity have been ...", "six hostages held in Gaza have been retrieved")
_MOVED_AFTER = re.compile(r"^\s*(?:(?:deceased|dead)\s+(?=have|has|were|was))?"
                          r"(?:(?:killed|murdered|slain|who\s+died)\s+in\s+(?:Hamas\s+)?"
                          r"captivity\s*,?\s*|held\s+in\s+(?:the\s+)?(?:Gaza(?:\s+Strip)?|captivity)\s+)?"
                          r"(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?"
                          r"(?:(?:confirmed|reported)\s+(?:as\s+)?)?(?:returned|"
                          r"handed\s+(?:over|back)|released|recovered|retrieved|repatriated|"
                          r"received|transferred|brought\s+back|sent\s+back|pulled\s+(?:out|from)|"
                          r"found)\b", re.IGNORECASE)
# a finite verb of receiving or recovering right before the count: "Israel receives four bodies
# of deceased hostages", "the army recovered the remains of six hostages" (not "has yet to
# receive", "is due to hand over": still held)
_MOVED_BEFORE = re.compile(r"(?<!\bto\s)\b(?:receives|received|recovers|recovered|retrieves|"
                           r"retrieved|repatriates|repatriated)\s+(?:the\s+(?:bodies|remains|"
                           r"coffins)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def _bodies_moved(s: _Sentence, r: _Reading) -> bool:
    """Dead hostages said handed over or recovered are bodies moved, not the dead still held:
    "Bodies of dead hostages returned in deals: Four", "four deceased hostages were returned
    to Israel", "five hostages killed in captivity have been pulled from a tunnel", "Israel
    receives four bodies of deceased hostages". Leaves "the bodies of the remaining 17
    deceased hostages are expected to be handed over" and "11 hostage bodies waiting to be
    returned" (still held)."""
    return r.metric == "hostages_dead" and not r.part_of and bool(
        _MOVED_AFTER.match(r.after) or _MOVED_BEFORE.search(r.core_left))
    # ("only three out of 15 bodies of dead hostages had been brought back": the 15 the whole)


_RETURN_VERB_END = re.compile(r"\b(?:returned|handed\s+(?:over|back)|repatriated|transferred|"
                              r"sent\s+back|given\s+back)\b[^.;\d]{0,25}$", re.IGNORECASE)
_LATTER_START = re.compile(r"^\W*(?:of\s+(?:the\s+latter|these|those|them)|so\s+far)\b",
                           re.IGNORECASE)


def _returned_of_the_dead(s: _Sentence, r: _Reading) -> bool:
    """A bare count returned whose antecedent is the dead: "Hamas was due to return all 28 of
    the dead hostages by Monday, but has so far returned only nine", "... begun handing over
    the remains of 28 deceased captives. Of the latter, it has so far returned 17": bodies
    handed over, not people freed. Leaves "Hamas has returned 20 living hostages" (a noun of
    its own) and "returned nine" after a count of the living."""
    if r.np.kind not in (None, "pronoun") or not _RETURN_VERB_END.search(r.core_left):
        return False
    if s.rows:
        return s.rows[-1]["metric"] == "hostages_dead"
    return bool(_LATTER_START.match(s.text) and _DEAD_IN_PHRASE.search(s.context[-120:]))


_WITH_BODIES = re.compile(r"^\s*,\s*including\s+(?:the\s+)?(?:bodies|remains)\b", re.IGNORECASE)
    # ("Four deceased hostages were returned to Israel": bodies too)


# a count whose identities are the news: "the identities of two more hostages have not been
# released for publication"; "Two of the deceased hostages were identified as ..."
_IDENTITIES_OF = re.compile(r"\b(?:identities|identity|names|details)\s+of\s+(?:the\s+|all\s+)?$",
                            re.IGNORECASE)
_IDENTIFIED_AFTER = re.compile(r"^[^.;\d]{0,40}?\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+"
                               r"(?:\w+ly\s+)?identified\b", re.IGNORECASE)


def _identified_hostages(s: _Sentence, r: _Reading) -> bool:
    """Hostages counted by who they are, not by their state: "while the identities of two
    additional hostages have not yet been released for publication" (not held: their names
    were not released), "Two of the deceased hostages were identified by the army as ..."
    (a part named). Leaves "the army has identified 24,686" (a toll: its own veto) and
    "two hostages have not been released" (held)."""
    return r.metric.startswith("hostages_") and bool(
        _IDENTITIES_OF.search(r.core_left) or _IDENTIFIED_AFTER.match(r.after))


# a participle of holding after a counted whole, with no finite verb after it in the clause
_HELD_PARTICIPLE_ONLY = re.compile(
    r"^\s*(?:(?:who|that)\s+(?:are|were)\s+)?(?:(?:still|currently|previously)\s+)?"
    r"(?:(?:believed|thought|said|known)\s+to\s+(?:still\s+)?be\s+)?(?:still\s+)?(?:being\s+)?"
    r"(?:held|kept|in\s+captivity)\b(?![^,;.]*\b(?:are|is|were|was|remain|remains|have|has|had)\b)",
    re.IGNORECASE)


def _part_told_by_the_whole(s: _Sentence, r: _Reading) -> bool:
    """A part of a counted whole whose only state is the whole's participle: "the fate of three
    out of 24 hostages believed to be held by Hamas" (the three are not said held; the 24
    are). Leaves parts with a finite predicate of their own ("97 of the 251 hostages taken by
    Hamas remain in Gaza") and releases ("Hamas freed three of the 24 hostages held")."""
    return r.metric == "hostages_held" and r.np.of_the and not r.part_of \
        and _whole_after(s.text, r.number, s.numbers) is not None \
        and bool(_HELD_PARTICIPLE_ONLY.match(r.after))


_SWAPPED_FOR = re.compile(r"\b(?:exchange|exchanged|swap|swapped|trade|traded)\b[^.;]{0,60}?"
                          r"\bfor\s*$", re.IGNORECASE)


def _swapped_for(s: _Sentence, r: _Reading) -> bool:
    """The hostages a swap gave back, told as "held by": "the pause allowed the exchange of
    Palestinian prisoners for around 100 hostages held by the group" (the freed, not the held).
    Leaves "in exchange for the 47 hostages remaining in Gaza" (a definite whole: the held)."""
    return r.metric == "hostages_held" and not r.left_trigger and bool(
        _SWAPPED_FOR.search(r.core_left))


def _taken_before_war(s: _Sentence, r: _Reading) -> bool:
    """ "four other Israelis were taken before the war", "held since 2014"."""
    clause = re.split(r"[,;.]", r.after[:90], maxsplit=1)[0]  # ("two mentally ill Israeli
    # civilians who entered the Strip in 2014": the whole clause, up to a comma)
    return r.metric.startswith("hostages") and bool(s.lexicon.prewar_re.search(
        r.after[:40]) or s.lexicon.prewar_re.search(clause))


def _hostages_killed_by(s: _Sentence, r: _Reading) -> bool:
    """Hostages as the object of a killing: "Hamas had killed six of its hostages", "two
    hostages were killed by their captors": an event, not the count of the dead among the
    held; so is a definite group said killed, one event's ("the six hostages were believed to
    have been killed by Hamas shortly before forces reached them", "the three hostages had been
    killed while Israeli forces were operating"). Leaves states: "29 of them are presumed
    dead", "22 of them had been killed", "31 are believed to have died or been killed", "22
    hostages were killed in Israeli strikes"."""
    if r.metric != "hostages_dead" or r.np.kind != "hostage":
        return False
    verb = r.left_trigger == "kill" and _KILL_VERB.match(r.core_left[r.trigger_start:])
    return bool(verb or _KILLED_BY.match(r.after) or (
        _DEFINITE_BEFORE.search(r.core_left) and _KILLED_EVENT.match(r.after)))


_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_KILLED_EVENT = re.compile(r"^\s*(?:were|was|had\s+been|have\s+been)\s+(?:(?:believed|thought|"
                           r"said|reported|presumed)\s+to\s+have\s+been\s+)?(?:killed|murdered|"
                           r"executed|shot)\b", re.IGNORECASE)
_KILLED_BY = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:killed|murdered|executed|shot|slain)\s+"
                        r"(?:(?:last|this|in|on|that)\s+\w+\s+)?by\b", re.IGNORECASE)
# (not "60 hostages have died as a result of Israeli attacks", "22 hostages were killed in
# Israeli strikes": the gold counts a captor's claim of the dead)
# ("six hostages were murdered by their captors", "the six hostages killed last year by")
_KILL_VERB = re.compile(r"(?:killed|killing|kills|kill|slaughtered|massacred|murdered|executed)\b",
                        re.IGNORECASE)  # not "the deaths of 41 of the hostages" (a state)


def _proposed_release(s: _Sentence, r: _Reading) -> bool:
    """ "proposed extending the truce ..., with Hamas freeing five hostages": a release inside a
    proposal's clause (up to a semicolon)."""
    return (r.metric.endswith("_released") and not r.coordinated
            and bool(s.lexicon.proposal_re.search(r.core_left.split(";")[-1])))


_PLAN_BEFORE = re.compile(
    r"\b(?:agreement|deal|accord|truce|pause|ceasefire|cease-fire|arrangement|phase|proposal|"
    r"plan|talks|negotiations|framework)\b[^.;]{0,60}?"
    r"\b(?:to\s+(?:extend|secure|bring|free|release|pause|halt|end|stop|allow|see|swap|exchange)|"
    r"involv(?:es|e|ing)|entails?|provid(?:es|e|ing)\s+for|would|will|could|includ(?:es|e|ed|ing)|"
    r"outlin(?:es|e|ed|ing)|envisag(?:es|e|ed|ing)|foresees?|"
    r"touch(?:es|ed)?\s+on|calls?\s+for)\b", re.IGNORECASE)
_NOMINAL_RELEASE_END = re.compile(r"\b(?:(?:release|return|freeing)\s+of|releasing|freeing|"
                                  r"handing\s+over|returning)\s+(?:[\w-]+\s+){0,3}$",
                                  re.IGNORECASE)  # ("involves Hamas releasing 33 hostages")


def _release_in_plan(s: _Sentence, r: _Reading) -> bool:
    """A release named as a noun inside a deal that is still to run: "an agreement to extend
    the ceasefire by two days, with the release of another 20 hostages", "this pause
    involves the release of 50 women and children", "the first phase includes the release of
    33 hostages", "the talks touched on a release of 10-15 hostages", "the plan calls for ...
    the release of"; the same with a gerund: "the deal involves Hamas gradually releasing 33
    hostages". Leaves "the truce saw the release of
    105 hostages" and the second half of an exchange."""
    if not r.metric.endswith("_released") or r.coordinated:
        return False
    nominal = _NOMINAL_RELEASE_END.search(r.core_left)
    clause = r.core_left.split(";")[-1]
    return bool(nominal and _PLAN_BEFORE.search(clause[:len(clause) - len(r.core_left)
                                                      + nominal.start()]))


def _recipients(s: _Sentence, r: _Reading) -> bool:
    """People something is done to or for: "the delivery of medicines to 45 hostages in
    Gaza", "visits for 20 prisoners in Israeli jails". Not a count of who is held; leaves
    "holds 45 hostages in Gaza" and "there are 130 hostages in Gaza"."""
    return (r.metric in ("hostages_held", "prisoners_held") and not r.left_trigger
            and bool(re.search(r"\b(?:to|for)\s+(?:the\s+|all\s+)?$", r.core_left))
            and bool(re.match(r"^[\s,]*(?:still\s+)?(?:in|inside)\b", r.after)))


def _few_taken(s: _Sentence, r: _Reading) -> bool:
    """Some 250 people were taken on 7 October: a capture of fewer than
    :data:`HOSTAGES_TAKEN_MIN` is one family's, one site's or one unit's story ("two children
    were also taken captive", "kidnapped 40 others" at a festival, "the four were captured
    when militants overran the base"), not the count. Leaves foreign nationals ("23 Thais
    were abducted") and "took some 240 hostages"."""
    if r.metric != "hostages_taken":
        return False
    if (r.np.kind == "pronoun" and not _WHOLE_WHO.search(r.core_left + "|" + r.right[:6])) \
            or _TAKEN_BY_ISRAEL.match(r.after):
        return True  # "120 hostages still held, 116 of whom were kidnapped on October 7": a
        # part; "Of the 183 Palestinians released, 111 were taken by Israeli forces": arrests
    if r.value < HOSTAGES_TAKEN_MIN and _WHO_HAD_BEEN_TAKEN.match(r.after):
        return True  # "along with five Thai workers who had been kidnapped on the farms":
        # people described, not a capture told
    return r.value < HOSTAGES_TAKEN_MIN and not r.np.foreign and r.group == "all"


# the whole a part is out of, with a relative clause: "48 hostages remain, out of the 251 who
# were initially taken" (a count of the taken; not "116 of whom were kidnapped", a part)
_WHOLE_WHO = re.compile(r"\b(?:out\s+)?of\s+the\s*\|\s*who\b", re.IGNORECASE)
_TAKEN_BY_ISRAEL = re.compile(r"^\s*(?:were|was|had\s+been|have\s+been)?\s*(?:taken|seized|"
                              r"captured|abducted|detained)\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?"
                              r"(?:israeli|israel|army|military|idf|troops|soldiers|occupation)\b",
                              re.IGNORECASE)
_WHO_HAD_BEEN_TAKEN = re.compile(r"^\s*,?\s*(?:who|that)\s+had\s+been\s+(?:taken|seized|captured|"
                                 r"abducted|kidnapped)\b", re.IGNORECASE)


HOSTAGES_TAKEN_MIN = 100


def _few_prisoners(s: _Sentence, r: _Reading) -> bool:
    """A count of Palestinians held under :data:`PRISONERS_HELD_MIN` is a part of the held
    (sentenced prisoners, women, one prison's inmates: "the number of sentenced prisoners
    exceeded 1,460", "remained in prisons, numbering 53"), not their number. Leaves sub-counts
    whose group the words name ("400 child prisoners": group children)."""
    return (r.metric == "prisoners_held" and r.group == "all" and r.value < PRISONERS_HELD_MIN
            and not s.lexicon.left["hold_left"].search(_without_determiners(r.core_left)))
    # (not "the army said it was holding 793 Gazans": a holder's own count)


def _arrests_since(s: _Sentence, r: _Reading) -> bool:
    """Arrests counted since a date are not the number held: "the total number of detainees
    since October 7, 2023, has exceeded 20,000". Leaves "the number of prisoners in Israeli
    jails has exceeded 10,000"."""
    if r.metric != "prisoners_held":
        return False
    if r.left_trigger and re.search(r"\b(?:detained|arrested|detainees|arrests)\b",
                                    r.core_left[max(0, r.trigger_start - 30):], re.IGNORECASE) \
            and re.match(r"^[^.;\d]{0,30}?\bsince\b", r.after):
        return True  # "the number of Palestinians detained in the West Bank has risen to 7,505
        # since Oct. 7" (not "held in Israeli jails ... to 10,000 since": a count held)
    return bool(re.search(r"\bsince\b", r.core_left[r.trigger_start:]) if r.left_trigger
                else re.match(r"^[^.;]{0,40}?\b(?:arrested|detained)\s+since\b", r.after))


def _release_withheld(s: _Sentence, r: _Reading) -> bool:
    """A release stopped or put off did not happen: "suspending the release of at least 600
    Palestinian prisoners", "Israel delayed the release of 110", "refused to free". Leaves
    "Israel released 600" and "freed 110 after a delay of two days"."""
    return r.metric.endswith("_released") and bool(
        _WITHHELD.search(r.core_left[max(0, r.trigger_start - 40):]))


_WITHHELD = re.compile(r"\b(?:suspend\w*|delay\w*|postpon\w*|halt\w*|freez\w*|froze|block\w*|"
                       r"stall\w*|cancel\w*|refus\w*|(?:hold|held|holding)\s+up|withh[oe]ld\w*)"
                       r"\s+(?:the\s+)?(?:planned\s+|scheduled\s+|expected\s+)?"
                       r"(?:release|freeing|return|handover|to\s+(?:release|free))\b",
                       re.IGNORECASE)


def _freed_by_israel(s: _Sentence, r: _Reading) -> bool:
    """Hostages freed by Israel's forces are rescued, not released: "Israel frees two
    hostages", "troops freed four hostages". Leaves "Hamas freed 24 hostages"."""
    return r.metric == "hostages_released" and bool(_ISRAEL_FREES.search(r.core_left))


_ISRAEL_FREES = re.compile(r"\b(?:israel|israeli\s+(?:forces|troops|commandos)|"
                           r"the\s+(?:army|military|idf)|troops|commandos|special\s+forces)"
                           r"(?:\s+on\s+\w+day)?\s+(?:has\s+|have\s+|had\s+)?"
                           r"(?:frees|freed|free|rescued|rescues|liberated)\s*$", re.IGNORECASE)


# vetoes once the metric is known, in order; each is a small function above
_ORDINAL_BATCH = re.compile(r"\b(?:first|second|third|fourth|initial|final|last|next)\s+"
                            r"(?:group|batch)\s+of\s*$|\bfirst\s+(?:released|freed|handed\s+over)"
                            r"\s+$", re.IGNORECASE)  # ("Hamas first released two hostages")


def _batch_of_release(s: _Sentence, r: _Reading) -> bool:
    """One batch of a release day: "The second group of 13 Israeli prisoners has been handed
    over", "an initial group of seven" (parts of the day's release, counted whole elsewhere),
    also when its people are described as held ("the release of the first group of 13
    hostages held by Hamas": a batch, not the held count). Leaves "Hamas released a group of
    24 hostages on Friday"."""
    return r.metric.endswith(("_released", "_held")) and bool(_ORDINAL_BATCH.search(r.core_left))


def _shown_in_media(s: _Sentence, r: _Reading) -> bool:
    """People seen in a video, a photo or footage are the people shown, not a count of the
    held: "a new video in which you can see three Israeli hostages", "footage showing two
    hostages", "a video of four captives". Leaves "the video came as 59 hostages remain in
    Gaza" (the count has its own verb, not the video's)."""
    return r.metric.startswith("hostages_") and bool(_MEDIA_BEFORE.search(r.core_left))


_MEDIA_BEFORE = re.compile(r"\b(?:videos?|footage|clips?|images?|photos?|photographs?|pictures?|"
                           r"recordings?|propaganda\s+film)\b[^.;:\d]{0,50}?\b(?:see|seen|shows?|"
                           r"showed|showing|shown|features?|featured|featuring|depicts?|"
                           r"depicting|of)\s+(?:the\s+|all\s+)?$", re.IGNORECASE)



# a bullet or a heading that names a release with no verb: "- Release of some 2,000
# Palestinian prisoners" (a deal's term in a list)
_RELEASE_HEADING = re.compile(r"^\W*(?:the\s+)?(?:release|return|freeing|exchange)\s+of\b",
                              re.IGNORECASE)
_FINITE_VERB = re.compile(r"\b(?:were|was|is|are|has|have|had|saw|took|freed|released|returned)\b",
                          re.IGNORECASE)


def _release_heading(s: _Sentence, r: _Reading) -> bool:
    """A line that names a release as a noun with no verb is a heading or a deal's term, not a
    release told: "- Release of some 2,000 Palestinian prisoners and disappeared people"
    (the terms of the first phase, as a list). Leaves "The release of 33 hostages was
    completed on Saturday" (a verb) and key-figure lines ("Hostages released: 138")."""
    return r.metric.endswith("_released") and bool(_RELEASE_HEADING.match(s.text)) and \
        not _FINITE_VERB.search(s.text, _RELEASE_HEADING.match(s.text).end())


def _projected_remainder(s: _Sentence, r: _Reading) -> bool:
    """What a planned release would leave is no count of the held: "50 captives are expected
    to be freed, leaving an estimated 190 other captives in Gaza", "The deal would free 33
    hostages, leaving 65 in Gaza". Leaves a release that happened ("Hamas freed 24 hostages on
    Friday, leaving about 215 in Gaza")."""
    if not r.metric.endswith("_held") or not _LEAVING_END.search(r.left):
        return False
    earlier = [o for o in s.outcomes[:-1] if not o.get("excluded")]
    return bool(earlier and earlier[-1].get("pending"))


_LEAVING_END = re.compile(r"\b(?:leaving|leave|leaves)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _bodies_by_pronoun_moved(s: _Sentence, r: _Reading) -> bool:
    """Bodies moved told by a pronoun are no count of people: "Hamas has sent back 15 bodies
    identified as Israeli hostages and those of two foreign workers", "the remains of 13
    Israeli hostages recovered from Hamas, as well as those of two foreign nationals". Leaves
    the bodies still held ("Four more bodies are still being held in Gaza, those of three
    Israelis": hostages dead, :func:`.states._bodies_by_pronoun`)."""
    return not r.bodies and bool(bodies_before_pronoun(r.core_left))


_METRIC_VETOES = (_bodies_by_pronoun_moved, _custody_death, _former_detainees, _identified_part,
                  _bodies_counted,
                  _bodies_handed_over,
                  _bodies_moved, _identified_hostages, _part_told_by_the_whole, _swapped_for,
                  _taken_before_war, _hostages_killed_by, _returnees,
                  _freed_by_israel, _incident_toll, _small_toll_without_war,
                  _count_since_restart, _proposed_release, _release_in_plan,
                  _recipients, _release_withheld, _increment, _few_taken, _displaced_again,
                  _few_prisoners, _arrests_since, _combined_toll, _missing_tally, _earlier_war,
                  _injured_by_severity, _evacuated_wounded, _period_before_war,
                  _anaphoric_period,
                  _count_from_restart, _population_size, _object_of_reaction,
                  _received_not_hostages, _deal_list, _remains_in_release, _family_members,
                  _other_war,
                  _batch_of_release, _shown_in_media,
                  _part_of_the_released, _projected_remainder, _named_part_of_release,
                  _released_described, _release_heading, _part_by_destination,
                  _part_of_the_freed)
