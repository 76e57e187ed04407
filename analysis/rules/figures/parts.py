"""Parts of a count: is a number a part of the one just read?

"including 18 children", "of whom", a finite "include" listing parts (`_is_subset`), "N of
them" after a release (`_part_of_release`), parts by nationality ("including 70 Israelis",
`_nationality_part`). Fed by :mod:`.reading` and :mod:`.noun_phrase`; feeds :mod:`.metric`,
:mod:`.groups` and :mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.noun_phrase import _noun_phrase
from analysis.rules.figures.reading import _Reading, _Sentence
from analysis.rules.figures.words import load_figure_lexicon


def _is_subset(s: _Sentence, r: _Reading, previous: dict | None) -> bool:
    """A part of a number just given: "including 18 children", "of whom", and the next item
    of such a list ("including 18 women and 111 children"); an item with a predicate of its
    own starts a new clause ("including 12,300 children, and hundreds of Palestinians have
    been killed in the West Bank")."""
    if s.lexicon.subset_left_re.search(r.core_left) or r.np.kind == "pronoun":
        return True
    if (r.np.kind == "subgroup" and r.np.group or r.np.kind == "person" and (
            r.np.foreign or r.np.nationality == "israeli")) and previous is not None \
            and previous["row"] is not None and _INCLUDE_VERB.search(r.core_left):
        return True  # "Israel released 39 Palestinians, which included 24 women and 15 teenagers"
    if previous is not None and previous["row"] is not None and _INCLUDING_ITEM.search(
            r.core_left):
        return True  # "183 prisoners are being freed, including those serving life sentences
        # and 111 detainees from Gaza": the list's next item, after one without a number
    comma_and = re.search(r",\s*and\s*$", r.core_left)
    new_item = (r.right_trigger and (r.np.kind == "person" or (r.np.kind is None and comma_and))
                ) or (comma_and and previous is not None and previous["row"] is None)
    # "including 169 children, and more than 6,250 wounded": a toll of its own ("of whom 23
    # were alive and 35 dead" goes on with the parts); "freed 33 Israeli hostages, eight of
    # them dead, and five Thais": the aside is closed
    return bool(previous and previous["subset"] and not r.left_trigger
                and not new_item
                and re.search(r"(?:,|\band)\s*$", r.core_left)
                and not _ASIDE_CLOSED.search(r.core_left))


# the whole's predicate after an aside of parts: "15 Israelis, including four soldiers, have
# been killed and 99 wounded" (the 99 are the whole's wounded, not a part)
_ASIDE_CLOSED = re.compile(r",\s*(?:have|has|had|were|was|are|is)\s+(?:been\s+)?[a-z]+\s+and\s*$",
                           re.IGNORECASE)
# a finite "include" listing the parts of a count: "The hostages released on Saturday included
# seven children and six women", "Israel released 39 Palestinians, which included 24 women and
# 15 teenagers" (the list's later items too); not "including" (a subset marker of its own)
_INCLUDE_VERB = re.compile(r"\b(?:include|includes|included)\s+(?:[^,;.:]{0,50}?(?:,\s*|\s+and\s+|"
                           r"\s+in\s+addition\s+to\s+))?$", re.IGNORECASE)
_INCLUDING_ITEM = re.compile(r"\bincluding\s+[^,;.:\d]{1,60}?\s+and\s*$", re.IGNORECASE)


def _part_of_release(r: _Reading, previous: dict | None) -> bool:
    """ "freed 33 hostages, eight of them dead": "N of them" after a release or after a
    dropped number is a part of it, not a count of its own; so is "including eight deceased"
    after a release (a part naming a group, "including 30 minors", is kept as a sub-count)."""
    if previous is None:
        return False
    if _nationality_part(r, previous):
        return False
    released = previous["metric"] is not None and previous["metric"].endswith("_released")
    if r.np.kind == "pronoun":
        return previous["metric"] is None or released
    return r.subset and released and not r.left_trigger and not r.np.group


def _nationality_part(r: _Reading, previous: dict | None) -> bool:
    """A part by nationality of a hostage count just read: "The total number of freed hostages
    stands at 102 people, including 70 Israelis", "251 hostages, among them 31 Thais". It is a
    row of that metric for that population (group all), as the parts of a breakdown are.
    Leaves other parts ("including 10 Americans", "including 30 children": sub-counts)."""
    if not (r.subset and previous and previous.get("row") and (
            not r.left_trigger or _INCLUDE_VERB.search(r.core_left))):
        return False  # ("The 24 freed included 13 Israelis": the verb before is the whole's)
    if r.np.kind == "pronoun":  # "released 105 captives, 81 of them Israelis"
        named = _noun_phrase(r.right[r.np.end:], load_figure_lexicon())
        if named.kind != "person" or not (named.foreign or named.nationality == "israeli"):
            return False
        named.end += r.np.end
        r.np = named
    metric = previous["row"]["metric"]
    if not metric.startswith("hostages_"):
        return False
    if r.np.kind not in ("person", "hostage", "subgroup") or r.np.group not in (None,
                                                                                 "foreigners"):
        return False
    if not (r.np.foreign or r.np.nationality == "israeli") or _DUAL_NATIONALS.search(
            r.right[:r.np.end]):
        return False  # "including seven Americans": a sub-count, as the gold keeps it
    r.nationality_part = True
    return True


_DUAL_NATIONALS = re.compile(r"\b(?:americans?|us|u\.s\.|british|britons?|germans?|french|"
                             r"russians?|dual)(?!\w)", re.IGNORECASE)
