"""The predicate after a noun phrase: relative clauses and participles.

"all 48 hostages it still holds" (`_relative_state`), "Five Thai nationals who were working in
Israel that day were freed" (`_predicate_after_relative`), "105 hostages seized in the attack
were freed", "24 people held hostage by Hamas released" (`_finite_after_participle`, with
asides of names and "including ..." blanked by `_blank_aside`). Fed by :mod:`.reading` and
:mod:`.triggers`; feeds :mod:`.states`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.rates import _TAKEN_THEN_HELD
from analysis.rules.figures.reading import _ANOTHER_COUNT
from analysis.rules.figures.triggers import _mask_dates, _right_trigger
from analysis.rules.figures.words import FigureLexicon

_RELATIVE_STATE = re.compile(
    r"^\s*(?:(?:that|which|whom)\s+|,\s*(?:which|whom)\s+)?(?:its\s+|their\s+)?(?:it|they|hamas|"
    r"the\s+group|militants|"
    r"fighters|captors|"
    r"[A-Z][\w'’-]+)(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+Strip)?)?"  # "militants in Gaza"
    r"\s+(?:still\s+)?(?:(?P<hold>holds?|is\s+holding|are\s+holding|keeps?|has\s+held)|"
    r"(?P<take>seized|took|abducted|kidnapped|captured|dragged)|"
    r"(?P<release>(?:has\s+|have\s+|had\s+)?(?:released|freed|handed\s+over)))\b")
_UNKNOWN = re.compile(r"\s+(?:unclear|unknown|uncertain|a\s+mystery)", re.IGNORECASE)
_WHO_CLAUSE = re.compile(r"\s+(?:who|that)\s+(?:were|was|had|have|are|is)\s+(?!(?:still\s+)?"
                         r"(?:being\s+)?(?:held|killed|released|freed|taken|abducted|kidnapped)\b)",
                         re.IGNORECASE)


def _predicate_after_relative(after: str, lexicon: FigureLexicon) -> tuple[str | None, bool]:
    """The predicate after a relative clause whose verb is none of the triggers: "Five Thai
    nationals who were working in Israel that day were freed", "250 Palestinians who were
    serving life terms were released" (release). The clause ends at a comma, a full stop or
    another count; its first verb is the relative's own."""
    clause = _ANOTHER_COUNT.split(re.split(r"[,;.—–]", after, maxsplit=1)[0], 1)[0]
    for finite in list(_FINITE.finditer(clause))[1:]:
        found, pending = _right_trigger(after[finite.start() - 1:], lexicon)
        if found:
            return found, pending
    return None, False


_FINITE = re.compile(r"\b(?:were|was|are|is|have|has|had|remain|remains|remained|walked|came)\b",
                     re.IGNORECASE)
_HELD_PARTICIPLE = re.compile(r"^\s+(?:still\s+)?(?:held|kept|detained)\b", re.IGNORECASE)


def _relative_state(after: str) -> str | None:
    """A relative clause with its own subject after the noun phrase: "all 48 hostages it still
    holds", "the estimated 100 hostages it is holding", "the 48 hostages that militants in Gaza
    still hold" (hold); "the more than 250 hostages Hamas seized on October 7" (take); "20
    living hostages Hamas has released", "2,000 prisoners Israel has released" (release)."""
    match = _RELATIVE_STATE.match(after)
    if not match:
        return None
    return next(kind for kind in ("hold", "take", "release") if match.group(kind))


def _finite_after_participle(after: str, lexicon: FigureLexicon,
                             trigger: str = "take") -> tuple[str | None, bool]:
    """ "105 hostages seized in the attack were freed", "129 hostages abducted on October 7
    remain in Gaza", "1,718 detainees held without charge were freed": a participle describes
    the people; the finite predicate after it in the clause says what the count is. Leaves
    "240 people were taken hostage" (take) and "132 remain held in Gaza" (hold)."""
    # a date keeps the comma after its year ("abducted on October 7, 2023, remain in Gaza")
    masked = re.sub(r"(x{6,}),(?=\s*(?:still\s+)?(?:remain|are|were|is|was|have|has|had)\b)",
                    r"\1x", _mask_dates(after, lexicon))
    masked = _blank_aside(masked)  # ("held in Gaza, including Thais, were released")
    clause = re.split(r"[,;.—–]", masked, maxsplit=1)[0]
    clause = _ANOTHER_COUNT.split(clause, 1)[0]  # ("who remain in Gaza include 35 who are
    # dead": the next count's predicate)
    if re.match(r"^\s*(?:were|was|have|has|had|are|is|remain\w*|still)\b", clause,
                re.IGNORECASE):
        return trigger, False
    for finite in _FINITE.finditer(clause):
        if _UNKNOWN.match(clause, finite.end()):
            return trigger, False  # "the fate of 150 people abducted ... remained unclear"
        found, pending = _right_trigger(after[finite.start() - 1:], lexicon)
        if found and found not in ("take", "hold"):
            return found, pending
    if trigger == "take" and _TAKEN_THEN_HELD.match(masked):
        return "hold", False
    if _MODAL_RELEASE_END.search(clause):
        return "release", True  # "33 people who were taken on October 7 will be released"
    if _BARE_RELEASE_END.search(clause):
        return "release", False  # a headline: "24 people held hostage by Hamas released"
    return trigger, False


_BARE_RELEASE_END = re.compile(r"(?<!\bbe)(?<!\bbeen)(?<!\bbeing)(?<!\bwere)(?<!\bwas)(?<!\bare)"
                               r"(?<!\bis)\s(?:released|freed)\s*$", re.IGNORECASE)
_MODAL_RELEASE_END = re.compile(r"\b(?:will|would|could|shall|may|might|to|should|must)\s+"
                                r"(?:\w+\s+)?be\s+(?:released|freed)(?:\s*$|\s+(?:in\s+(?:exchange|return)\s+"
                                r"for|under|as\s+part\s+of)\b)", re.IGNORECASE)
# (a deal's terms may follow: "33 hostages held in Gaza would be released in exchange for ...";
# not a day: "The 20 living hostages held in Gaza will be freed on Monday" is the held count)
# an aside between a participle's phrase and the predicate: ", including Thai nationals and
# Israelis,", names with ages (", Emily Damari, 28, Romi Gonen, 24 and Doron Steinbrecher, 31,")
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_NAMED = rf"{_NAME}(?:\s*,\s*\d{{1,3}}|\s*\(\d{{1,3}}\))?"
_ASIDE_BEFORE_PREDICATE = re.compile(
    rf"^[^,;.—–]*?(?P<aside>,\s*(?:(?:including|among\s+them|mostly|mainly)\b[^.;,]{{1,80}}|"
    rf"{_NAMED}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAMED})*)\s*,)")


def _blank_aside(text: str) -> str:
    """The text with the aside after a participle's phrase blanked out (same length, so
    offsets hold): "... held in Gaza, including Thai nationals, were released" -> "... held
    in Gaza                              were released". Leaves text with no such aside."""
    match = _ASIDE_BEFORE_PREDICATE.match(text)
    if not match:
        return text
    start, end = match.span("aside")
    return text[:start] + " " * (end - start) + text[end:]
