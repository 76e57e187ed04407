"""Releases and plans: is a release told as done, sought or still to come?

A plan governing the trigger ("agreed to free 50", `_planned_before_trigger`), the held count a
release is sought for ("secure the return of the remaining 134 hostages",
`_held_object_of_release`), the second half of an exchange (`_coordinated_release`), a pending
marker in the number's clause (`_pending_clause`) and the second count of a pending swap
(`_pending_pair`). Fed by :mod:`.reading`, :mod:`.triggers` and :mod:`.states`; feeds
:mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.rates import _PART_OF_LEFT, _STILL_HELD, _whole_after
from analysis.rules.figures.reading import (
    _SHARE_OF_LEFT,
    _Reading,
    _Sentence,
)
from analysis.rules.figures.triggers import (
    _TOTAL_LEFT,
    _without_determiners,
)
from analysis.rules.figures.words import _MODAL_RE


def _planned_before_trigger(s: _Sentence, r: _Reading) -> bool:
    """A plan governing the trigger: "agreed to free 50", "a deal to release 40". Leaves "to
    release the 136 hostages still held in Gaza" (a held count; the trigger is dropped)."""
    if r.left_trigger == "release" and _SHARE_OF_LEFT.search(r.core_left):
        r.left_trigger = None  # "talks aimed at freeing some of the 240 captives held by
        # Hamas": the release is the share's, the number its whole (as in "freeing 40 of the
        # 240 captives held"); the words after it say what the whole is
    whole = _whole_after(s.text, r.number, s.numbers) is not None  # ("would free 33 of the
    # 98 hostages still held": the state is the whole's, the part's release is planned)
    r.still_held = not whole and ((r.left_trigger == "release" and r.right_trigger == "hold"
                                   and bool(_STILL_HELD.match(r.after)))
                                  or _held_object_of_release(s, r))
    if r.still_held:
        r.left_trigger, r.right_trigger = None, "hold"
        return False
    if r.left_trigger == "release" and _BASE_BRING.match(r.core_left, r.trigger_start):
        return True  # "bring 33 hostages home": sought, never a release told as done
    before = r.core_left[max(0, r.trigger_start - 45):r.trigger_start]
    if _PAST_VERB.match(r.core_left, r.trigger_start):
        before = re.split(r"[,;:(]", before)[-1]  # "In the first phase of the cease-fire, Hamas
        # handed over 33 Israeli captives": the phase frames a release that happened
    plan = list(s.lexicon.pending_re.finditer(before))
    return bool(r.left_trigger and plan and not _REALIZED.search(before, plan[-1].end())
                and not r.coordinated)  # "released 30, in exchange for the release of 1,000"


_BASE_BRING = re.compile(r"bring\b", re.IGNORECASE)
# a finite past-tense release, kill or capture verb
_PAST_VERB = re.compile(r"(?:released|freed|handed\s+over|returned|set\s+free|killed|took|"
                        r"abducted|kidnapped|seized|swapped|exchanged)\b", re.IGNORECASE)


# a past verb after the plan word: the plan happened ("The first phase saw Hamas release 38")
_REALIZED = re.compile(r"\b(?:saw|has\s+seen|have\s+seen|had\s+seen|brought|led\s+to|"
                       r"resulted\s+in|secured|yielded|(?:ended|concluded|culminated|"
                       r"(?:was\s+)?(?:finali[sz]ed|completed))\s+(?:with|in)|completed)\b",
                       re.IGNORECASE)  # ("the first phase ended with the release of 33")


# "would mean (that)": what a fact just reported implies about a state now, not a plan ("If
# confirmed, this would mean that eight hostages who were killed in captivity still remain in
# Gaza", "it would mean the remains of 12 hostages remain in Gaza"); a release after it stays
# pending by its own modal ("would mean that three hostages would continue to be released")
_INFERRED_STATE = re.compile(r"\s+mean(?:\s+that)?\s*$", re.IGNORECASE)


_DEFINITE_BEFORE = re.compile(r"\b(?:the|all|remaining)(?:\s+(?:the|all|remaining|of|some|most))*"
                              r"\s*$", re.IGNORECASE)
_NOMINAL_RELEASE = re.compile(r"\b(?:release|return|freeing|liberation)\s+of\b", re.IGNORECASE)


# a release wished for, the verb in the subjunctive: "demanded that the remaining 76 hostages
# be released" (as "... to be released" is pending)
_SUBJUNCTIVE_BE = re.compile(r"\s+(?:(?:should|must|to)\s+)?be\s", re.IGNORECASE)
_EXCHANGE_FOR_THE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the|all)\b[^,;.\d]{0,25}$",
                               re.IGNORECASE)


def _held_object_of_release(s: _Sentence, r: _Reading) -> bool:
    """The hostages a release is sought for, named by their present state, are the held
    count: "secure the return of the remaining 134 hostages held in Gaza", "a deal that would
    release all remaining 100 hostages", "the release of the approximately 130 hostages in
    Gaza", "the release of some of the 130 remaining hostages". Needs a sought release (a
    noun, "release of", or a plan before the verb), a definite object (the, all, remaining)
    and a state (remaining, held, in Gaza). Leaves releases that happened ("Hamas released
    the 24 hostages on Friday") and numbers of a deal ("would free 40 hostages")."""
    remaining = re.search(r"\bremaining\b", r.core_left[-30:] + r.right[:r.np.end],
                          re.IGNORECASE) or _whole_held(s, r)
    if r.np.kind not in ("hostage", None) or not (_DEFINITE_BEFORE.search(r.core_left)
                                                  or remaining):
        return False  # ("the return of about 60 remaining captives")
    if _NO_LONGER_HELD.match(r.after) or _RELEASE_DONE_AFTER.match(r.after):
        return False  # "the release of the 20 hostages who had been held captive since ...",
        # "the release of all 20 living captives was completed": held no more
    if r.left_trigger is None and _EXCHANGE_FOR_THE.search(r.core_left):
        return r.np.kind == "hostage" and r.right_trigger == "hold"  # "in exchange for the 47
        # hostages remaining in Gaza"
    named_remaining = re.search(r"\bremaining\b", r.core_left[-30:] + r.right[:r.np.end],
                                re.IGNORECASE)
    if named_remaining and r.np.kind == "hostage" and r.right_trigger == "release" \
            and (r.pending or _SUBJUNCTIVE_BE.match(r.after)):
        return True  # "demanded that the remaining 76 hostages be released", "wants the
        # remaining 59 hostages to be freed": the held, whose release is sought
    if r.left_trigger != "release":
        return False
    trigger_text = r.core_left[r.trigger_start:]
    before = re.split(r"[.;]", r.core_left[max(0, r.trigger_start - 90):r.trigger_start])[-1]
    # ("Mediators hope to secure a deal ending the war and releasing all 50 remaining")
    sought = bool(_NOMINAL_RELEASE.search(trigger_text) or s.lexicon.pending_re.search(before)
                  or re.search(r"\bto\s*$", before) or _PRESENT_RELEASE.match(trigger_text))
    return sought and bool(remaining or r.right_trigger == "hold"
                           or re.search(r"\ball\s+(?:the\s+)?$", r.core_left))  # "return all
    # 50 hostages", "bring all the 125 hostages home"


# a hedged or progressive count of the held: "the release of over 130 hostages held by Hamas",
# "the release of 115 hostages being held by Hamas" (a deal frees an exact number, not "over
# 130", and the held are those "being held")
_BEING_HELD_AFTER = re.compile(r"^\s*(?:(?:who|that)\s+(?:are|remain)\s+)?(?:still\s+)?"
                               r"being\s+held\b", re.IGNORECASE)


def _whole_held(s: _Sentence, r: _Reading) -> bool:
    """The hostages a release is sought for, counted as all the held: a hedge that bounds
    the count from below or approximates it ("the release of over 130 hostages held by
    Hamas"), or "being held" ("the release of 115 hostages being held by Hamas"). Leaves
    "the release of 33 hostages held in Gaza" (a deal's number)."""
    if r.np.kind != "hostage" or (r.right_trigger != "hold"
                                  and not _LIVING_PART_AFTER.match(r.after)):
        return False  # (the living among them say they are held: "secure the return of
        # around 50 hostages, at least 20 of whom are believed to be alive")
    return r.qualifier in ("lower_bound", "approx") or bool(_BEING_HELD_AFTER.match(r.after))


# a part of the count said alive right after it: ", at least 20 of whom are believed to be
# alive", ", less than half of whom are alive" (not "the return of 16 captives held by Hamas,
# eight of whom are alive" alone: a deal's exact number stays out, see _whole_held)
_LIVING_PART_AFTER = re.compile(r"^\s*,\s*(?:(?:at\s+least|about|around|some|up\s+to|only|"
                                r"fewer\s+than|less\s+than|more\s+than|over|nearly|almost|"
                                r"roughly)\s+)?[\w-]+\s+of\s+(?:whom|them)\s+(?:are|were|is)\s+"
                                r"(?:[\w-]+\s+){0,4}?alive\b", re.IGNORECASE)


_RELEASE_DONE_AFTER = re.compile(r"^[^,.;]{0,40}?\b(?:was|were|has\s+been|had\s+been)\s+"
                                 r"(?:completed|carried\s+out|finali[sz]ed|concluded)\b",
                                 re.IGNORECASE)
_NO_LONGER_HELD = re.compile(r"^\s*,?\s*(?:who|that)\s+had\s+(?:been|remained)\b", re.IGNORECASE)
# a release verb not in the past: "until Hamas releases the remaining 59 hostages"
_PRESENT_RELEASE = re.compile(r"(?:releases?|frees?|returns?|brings?\s+(?:back|home)|bring)\b",
                              re.IGNORECASE)  # ("bring all the 125 hostages home": sought)


def _coordinated_release(s: _Sentence, r: _Reading, previous: dict | None) -> bool:
    """The second half of an exchange: "freed 105 hostages in exchange for 240 prisoners",
    "released 13 Israelis and 39 Palestinians"; the next item of a list by nationality
    right after a release ("were 13 Israelis, 10 Thais and one Filipino"); the price of a
    release told as done without a number ("Most were released during the truce in exchange
    for 240 Palestinian prisoners")."""
    done = _DONE_RELEASE_FOR.search(_without_determiners(r.core_left))
    if done and (done.group("aux") or not _MODAL_RE.search(r.core_left[:done.start()][-60:])):
        return True  # ("Hamas released them in exchange for 240"; not "would see 33 released")
    if _WAS_IN_EXCHANGE.search(_without_determiners(r.core_left)):
        return True  # "Israel released 1,968 prisoners. This was in exchange for the return
        # of 20 live hostages" (a swap told as done)
    if _REALIZED_RELEASE_FOR.search(_without_determiners(r.core_left)):
        return True  # "The truce saw the release of all living hostages in exchange for
        # nearly 2,000 Palestinian prisoners" (not "would see the release of")
    if not (s.rows and s.rows[-1]["metric"].endswith("_released")):
        return False
    core = _without_determiners(r.core_left)
    core = _without_determiners(_NOMINAL_RELEASE_TAIL.sub("", core))
    if _COORDINATION.search(core) and not _OWN_PREDICATE.match(r.after):
        return True  # "and the remaining 13", "in exchange for the Israeli release of over
        # 1,000 Palestinian prisoners" (not "..., and 333 were detained without charge": a
        # part with a predicate of its own)
    if _ALONG_WITH.search(core) and _other_side(s.rows[-1]["metric"], r):
        return True  # "Nine hostages were released along with 39 Palestinian prisoners"
    return bool(re.search(r",\s*$", r.core_left) and (r.np.foreign or r.np.nationality)
                and previous is not None and previous["row"] is s.rows[-1])


_DONE_RELEASE_FOR = re.compile(
    r"(?:\b(?P<aux>were|was|have\s+been|has\s+been|had\s+been|have|has|had)\s+(?:\w+\s+)?|"
    r"(?<!\bto\s)(?<!\bbe\s)(?<!\bbeen\s))\b(?:released|freed|"
    r"returned|set\s+free|handed\s+over)\b(?:(?!\b(?:would|will|could|to|if)\b)[^;.])*"
    r"\bin\s+(?:exchange|return)\s+for\s*$", re.IGNORECASE)
_WAS_IN_EXCHANGE = re.compile(r"\b(?:this|that|it|which|they|these)\s+(?:was|were)\s+"
                              r"(?:\w+\s+)?in\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|return|freeing|"
                              r"handover)\s+of\s*)?$", re.IGNORECASE)
# a release that happened, told as a noun with no number, then its other side
_REALIZED_RELEASE_FOR = re.compile(
    r"\b(?:saw|(?:has|have|had)\s+(?:already\s+|now\s+)?seen|secured|brought\s+about|led\s+to|"
    r"resulted\s+in)\s+(?:\w+\s+){0,2}?(?:the\s+)?(?:release|return|freeing|handover)\s+of\b"
    r"[^;.\d]{0,80}?\b(?:in\s+(?:exchange|return)\s+for|and)\s*$", re.IGNORECASE)
_NOMINAL_RELEASE_TAIL = re.compile(r"\b(?:[\w-]+\s+)?(?:release|freeing|return)"
                                   r"(?:\s+by\s+(?:the\s+)?[\w-]+)?\s+of\s*$|"
                                   r"\b(?:[\w'’-]+\s+)?(?:releasing|freeing)\s*$",
                                   re.IGNORECASE)  # ("in exchange for Israel releasing 290")


_FOLLOWED_BY = re.compile(r"^\s*(?:then\s+)?followed\s+by\b", re.IGNORECASE)


def _pending_clause(s: _Sentence, r: _Reading) -> bool:
    """A pending marker in the number's own clause ("would", "proposal", "in exchange for",
    "the first phase"): "a deal that would free 33". Leaves coordinated releases, "still held"
    counts and tallies ("bringing the total released under the deal to 105")."""
    parts = re.split(r"[,;:(]", r.core_left)
    clause = parts[-1][-40:]
    if len(parts) > 1 and _FOLLOWED_BY.match(parts[-1]):
        clause = parts[-2][-40:] + "," + clause  # "five living hostages ... would be released,
        # followed by five more living hostages and nine deceased": the plan goes on
    plan = list(s.lexicon.pending_re.finditer(clause))
    if not plan or _REALIZED.search(clause, plan[-1].end()):
        return False  # "The first phase saw Hamas release 38 captives": it happened
    if _INFERRED_STATE.match(clause, plan[-1].end()) and r.right_trigger in ("hold", "dead"):
        return False  # "this would mean that eight hostages ... still remain in Gaza"
    definite = _DEFINITE_BEFORE.search(r.core_left) or re.match(r"the\s", r.left[r.hedge_start:],
                                                                re.IGNORECASE)
    if r.right_trigger == "hold" and (definite or r.bodies or _PART_OF_LEFT.search(r.core_left)):
        return False  # "must first identify the estimated 90 hostages it is holding": a state;
        # "Hamas has yet to return the bodies of 13 hostages": the dead still held; "the
        # release of 40 of more than 100 hostages held in Gaza": the whole of a part, a state
    return bool(not r.coordinated and not r.still_held and not _TOTAL_LEFT.search(r.core_left))


# a count joined by "and" to the pending count before it, with no verb of its own: "the deal
# may involve 400 Palestinian prisoners and 40 captives believed to be held in Gaza"
_NOUN_AND = re.compile(r"^\s+[^\d,;.:()]{1,50}?\s+and\s+$", re.IGNORECASE)
_FINITE_AFTER = re.compile(r"^\s*(?:,\s*)?(?:who\s+|that\s+)?(?:remain|remains|are|is|were|was|"
                           r"have|has|had|still)\b", re.IGNORECASE)


def _pending_pair(s: _Sentence, r: _Reading) -> bool:
    """The second count of a pending swap's terms is pending too: "the deal may involve 400
    Palestinian prisoners and 40 captives believed to be held in Gaza" (40: a deal's number,
    not the held count). Leaves a count with a finite verb of its own ("would free 33
    hostages and 59 remain in Gaza") and pairs after a count that was read."""
    earlier = [o for o in s.outcomes[:-1] if not o.get("excluded")]
    before = [n for n in s.numbers if n.end <= r.number.start]
    if not earlier or not earlier[-1].get("pending") or not before:
        return False
    between = s.text[before[-1].end:r.number.start - (len(r.left) - r.hedge_start)]
    return bool(_NOUN_AND.match(between)) and not _FINITE_AFTER.match(r.after)


# ("along with" only before the other side of the swap: it adds people of another kind to a
# release, "along with the bodies of four", "along with 11 who had been held elsewhere", more
# often than a second side)
_ALONG_WITH = re.compile(r"\balong\s+with\s*$", re.IGNORECASE)


def _other_side(metric: str, r: _Reading) -> bool:
    """Is the reading's noun the other side of a swap whose release `metric` was just read
    (prisoners after hostages, hostages after prisoners), or foreign hostages freed with the
    Israelis?"""
    if metric == "hostages_released":  # (foreign hostages freed with Israelis: "three
        # Israeli captives ... along with five Thai nationals")
        return r.np.kind == "prisoner" or r.np.nationality == "palestinian" or r.np.foreign
    return metric == "prisoners_released" and (r.np.kind == "hostage"
                                               or r.np.nationality == "israeli")


_OWN_PREDICATE = re.compile(r"^\s*(?:[\w-]+\s+)?(?:were|was|had|have|has|are|is)\s+"
                            r"(?!(?:also\s+|all\s+|then\s+|later\s+)?(?:been\s+)?(?:being\s+)?"
                            r"(?:released|freed|set\s+free|returned|handed|exchanged|swapped|"
                            r"let\s+go)\b)", re.IGNORECASE)
_COORDINATION = re.compile(r"(?:\b(?:in\s+exchange\s+for|in\s+return\s+for|"
                           r"together\s+with|as\s+well\s+as|and|plus|for)\s*)$", re.IGNORECASE)
