"""Clause cues: where one meeting's words end and another's begin within a sentence (an
'as' clause with a named subject, ';', ', and' before a new subject, ', just before ...', an
opening 'In their meeting ...,' that frames the sentence), headlines, meetings named in
passing ('after a visit to Doha'), appositions and lists. Fed by base; feeds sentence and
meeting (split from cues, which keeps the word-level cues).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from analysis.rules.actors import TITLE_WORDS
from analysis.rules.doc_text import span_text
from analysis.rules.meeting_mentions.base import (
    CLAUSE_WORDS,
    PARTICIPANT_WINDOW,
    PLACE_CLAUSE_WINDOW,
    SUBORDINATE_AFTER_COMMA,
    Group,
    Item,
    Sentence,
    Trigger,
)


def _as_clause(s: Sentence, i: int) -> bool:
    """'Talks in Doha as Netanyahu Heads to White House': 'as' opening a clause with a
    named subject. Leaves 'as well as', 'such as', 'as part of'."""
    return (s.lower[i] == "as" and i > 0 and i + 1 < len(s.tokens)
            and s.tokens[i + 1].text[:1].isupper() and s.lower[i - 1] not in ("such", "well"))


def _ahead_of(s: Sentence, i: int) -> bool:
    """'ahead of' opening what comes later ('Hamas presented new demands on Thursday ahead of
    planned talks in Doha': Thursday and the people before it are the presenting's, not the
    talks'). A break like 'before'; a meeting word before it keeps its own day ('arrived in
    Cairo on Sunday ahead of talks'). Leaves 'go ahead', 'the road ahead'."""
    return s.lower[i] == "ahead" and i + 1 < len(s.lower) and s.lower[i + 1] == "of"


def _conditional(before: list[str]) -> bool:
    """A meeting word in an 'if'/'unless' clause ('If Israel sends a delegation led by the head
    of the Mossad to Cairo, it will be a sign of progress'): a meeting that may come, planned
    at most. `before` is the words up to the meeting word; a comma after 'if' closes the
    clause ('If talks fail, Burns met ...' is not conditional)."""
    for k in range(len(before) - 1, -1, -1):
        if before[k] in (",", ";"):
            return False
        if before[k] in ("if", "unless"):
            return True
    return False


def _apart(trigger: Trigger) -> bool:
    """Meeting words that name another meeting than the sentence's own, so never share a
    group: 'after a visit to Doha earlier this week' (reference), 'the one that took place
    in Paris end of January', 'comes three days after the Qatari PM and Barnea met'."""
    return trigger.kind == "reference" or trigger.word.lower() == "one" or trigger.passing


def _headline(s: Sentence) -> bool:
    """The article's first line when it reads as a headline (no closing full stop): its
    present tense ('Burns Travels to Egypt for Talks') does not say held or planned."""
    return s.index == 0 and not span_text(s.span).rstrip().endswith((".", '"', "\u201d"))


def _listed_after(doc: Doc, before: Item, place: Item) -> bool:
    """'in Qatar and Egypt', 'in Doha, Cairo and Paris': a place listed right after another
    meeting place shares its preposition. Leaves 'after the talks in Doha, Qatar's prime
    minister flew ...' (a possessive opens the next clause)."""
    return 0 < place.start - before.end <= 2 and all(
        t.lower_ in ("and", ",", "or") for t in doc[before.end:place.start]) and not (
        place.end < len(doc) and doc[place.end].lower_ in ("'s", "\u2019s"))


def _other_clause(doc: Doc, group: Group, trigger: Trigger) -> bool:
    """A ';' or a 'while'/'whereas' clause (or an 'as' clause with a named subject, or an
    after/before clause opened by a comma) between a group and a later meeting word with a
    place of its own: 'has arrived in Egypt ...; Israel
    says its negotiators will leave on Monday for the talks', 'set to send a delegation to
    Cairo ... while a Hamas delegation has left the Egyptian capital', 'Trump and Netanyahu to
    meet Tuesday as Witkoff heads to Israel'."""
    last = group.triggers[-1].position
    return any(doc[i].text == ";" or doc[i].lower_ in ("while", "whereas") or (
        doc[i].lower_ == "as" and doc[i + 1].text[:1].isupper()
        and doc[i - 1].lower_ not in ("such", "well")) or _comma_subordinate(doc, i)
        for i in range(last + 1, trigger.position))


def _comma_subordinate(doc: Doc, i: int) -> bool:
    """A comma (token i) opening an 'after/before/since/following' clause, maybe after 'just'
    or 'shortly': 'Trump convened his advisers to review the talks, just before Witkoff and
    Kushner departed for Egypt' (the departure's place is not the review's)."""
    if doc[i].text != ",":
        return False
    j = i + 1
    while j < len(doc) and doc[j].lower_ in ("just", "shortly", "only", "soon", "right"):
        j += 1
    return j < len(doc) and doc[j].lower_ in SUBORDINATE_AFTER_COMMA


def _new_subject(doc: Doc, group: Group, trigger: Trigger) -> bool:
    """A meeting word opening a clause of its own after the group: a delegation word after ',
    and', ', but', ';', 'while', 'whereas' ('An Israeli team was in Cairo on Monday to speak
    with mediators, and a Hamas delegation traveled to the Egyptian capital on Tuesday': the
    subject of the next trip, not more of the first meeting), any other after an 'as' clause
    with a named subject ('Witkoff, Kushner Meet Netanyahu as Vance Joins'). Leaves 'met
    Rashad and the Hamas delegation' (no comma)."""
    last = group.triggers[-1].position
    if trigger.kind != "delegation":  # "Witkoff, Kushner Meet Netanyahu as Vance Joins": an
        return any(doc[i].lower_ == "as" and doc[i + 1].text[:1].isupper()  # 'as' clause
                   and doc[i - 1].lower_ not in ("such", "well")  # with a named subject
                   for i in range(last + 1, trigger.position))
    return any(doc[i].text == ";" or doc[i].lower_ in ("while", "whereas") or (
        doc[i].text == "," and doc[i + 1].lower_ in ("and", "but"))
        for i in range(last + 1, trigger.position))


OPENING_FRAMES = {"in", "during", "at"}


def _meeting_opener(doc: Doc, group: Group, trigger: Trigger) -> bool:
    """A sentence that opens with the meeting ('In their meeting in Doha, Prime Minister
    Sheikh Mohammed bin Abdulrahman Al Thani discussed with Witkoff ...', 'During the talks,
    ...'): a meeting word of the main clause, after the opener's comma, tells more of that
    meeting however far it is. Leaves 'In Doha, ...' (no meeting word in the opener)."""
    start = min(group.positions)
    while start > doc[start].sent.start and "\n" not in doc[start - 1].text:
        start -= 1  # (back to the sentence's or the paragraph's start)
    if doc[start].lower_ not in OPENING_FRAMES or any(
            t.kind not in ("noun", "reference") for t in group.triggers):
        return False
    comma = next((i for i in range(start, min(len(doc), start + 12)) if doc[i].text == ","),
                 None)
    return comma is not None and max(group.positions) < comma < trigger.position and \
        min(group.positions) - start <= 3


def _same_clause_after(doc: Doc, position: int, place: Item) -> bool:
    """'discussed "ideas and proposals" related to a Gaza truce with Egyptian officials in
    Cairo': 'in' or 'at' a place later in the same clause as the meeting word (no comma,
    semicolon, colon or clause word between), up to PLACE_CLAUSE_WINDOW tokens."""
    before = place.start - 1 - (doc[place.start - 1].lower_ == "the")  # "at the Blair House"
    if not 0 < place.start - position <= PLACE_CLAUSE_WINDOW or \
            doc[before].lower_ not in ("in", "at"):
        return False
    skip = _appositive_commas(doc, position + 1, place.start)
    return not any((t.text in (",", ";", ":", "(") and t.i not in skip)
                   or (t.lower_ in CLAUSE_WORDS and not _listing_and(doc, t.i))
                   for t in doc[position + 1:place.start])


VERB_LIKE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
             "met", "flew", "went", "said", "told", "left", "spoke", "held", "took", "made",
             "meet", "fly", "go", "say", "tell", "leave", "speak", "hold", "take", "then"}


def _listing_and(doc: Doc, i: int) -> bool:
    """'and' joining people or things, not clauses: 'with Qatar's Emir and prime minister in
    Doha', 'with Burns and Barnea in Paris', 'discussed "ideas and proposals" ... with Egyptian
    officials in Cairo' (no verb follows). Leaves 'and flew to Doha', 'and said in Cairo',
    'and returned to Cairo' (a verb, or a word in -ed, in the two words after it)."""
    if doc[i].lower_ != "and" or i + 1 >= len(doc):
        return False
    if doc[i + 1].text.istitle() and doc[i + 1].is_alpha:
        return True  # "between Burns and Barnea is scheduled ... in Rome": a name follows
    after = doc[i + 1:min(len(doc), i + 3)]
    return not any(t.lower_ in VERB_LIKE or (t.lower_.endswith("ed") and t.text.islower())
                   for t in after)


def _appositive_commas(doc: Doc, start: int, end: int) -> set[int]:
    """The commas around a name in apposition ("met the head of the Democratic Front, Fahd
    Suleiman, in Cairo"): one to five capitalised words between two commas. Leaves ", and
    then ..." and lower-case clauses."""
    commas = [i for i in range(start, end) if doc[i].text == ","]
    out: set[int] = set()
    for first, second in zip(commas, commas[1:]):
        inside = doc[first + 1:second]
        if 1 <= len(inside) <= 5 and all(t.text[:1].isupper() or t.text == "-" for t in inside):
            out.update((first, second))
        elif _title_apposition(inside):
            out.update((first, second))
    return out


APPOSITION_TITLES = TITLE_WORDS | {"leader", "member", "deputy", "spokesman", "official"}


def _title_apposition(inside) -> bool:
    """', the head of Hamas' Shura Council,' ', a senior Hamas official,': a title phrase in
    apposition (an article, a title word among its first three, at most eight words, no
    verb). Leaves ', and then met ...'."""
    words = [t.lower_ for t in inside]
    return 2 <= len(words) <= 8 and words[0] in ("the", "a", "an") and any(
        w in APPOSITION_TITLES for w in words[1:4]) and not any(w in VERB_LIKE for w in words)


def _purpose_verb(doc: Doc, group: Group, trigger: Trigger) -> bool:
    """'met Qatar's prime minister ... and Egypt's intelligence chief Abbas Kamel to discuss
    the latest developments': a 'to discuss' after a long list of people is the same
    meeting's purpose (no ';' or clause word between). Leaves 'said he hopes to discuss'."""
    if trigger.kind not in ("weak", "meet") or doc[trigger.position - 1].lower_ != "to":
        return False
    last = group.triggers[-1].position
    return trigger.position - last <= 3 * PARTICIPANT_WINDOW and not any(
        t.text in (";", ":") or t.lower_ in ("while", "whereas", "but", "after", "before",
                                             "since", "because")
        for t in doc[last + 1:trigger.position])


def _after_meeting(doc: Doc, group: Group, trigger: Trigger) -> bool:
    """'X, Y and Z held the meeting after Qatari mediators met Hamas officials on Wednesday
    night': a meeting verb in an 'after'/'before'/'since' clause that follows a group is
    another meeting, with a subject of its own. Leaves 'left Doha after holding talks there'
    (a talks noun) and 'met ... and then met again'."""
    if trigger.kind != "meet":
        return False
    last = group.triggers[-1].position
    return any(doc[i].lower_ in ("after", "before", "since", "following")
               for i in range(last + 1, trigger.position - 1))


def _again(doc: Doc, group: Group) -> bool:
    """'met with Hamas leaders in Doha on Monday night and again on Tuesday with ...': a day
    introduced by 'again' repeats the meeting just named."""
    return not group.location and any(
        d.start > 0 and doc[d.start - 1].lower_ == "again" for d in group.dates)


def _repeat(before: dict, mention: dict) -> dict:
    """The meeting again on another day: its place and people, and whoever joins."""
    people = list(dict.fromkeys(before["participants"] + mention["participants"]))
    offices = list(dict.fromkeys(before["offices"] + mention["offices"]))
    return {**mention, "kind": "primary", "location": before["location"],
            "participants": people, "offices": offices, "again": True}


PAST_PERFECT = re.compile(r"\bhad (?:already |previously |earlier )?(?:taken place|been held"
                          r"|been conducted|occurred)\b")


def _past_perfect(lower: list[str], i: int) -> bool:
    """A talks noun (token i) whose verb, within sixteen words and before a comma, is a past
    perfect of taking place: 'where talks on the release of hostages had taken place
    earlier', 'the negotiations had been held in Cairo': an earlier meeting. Leaves 'talks
    have taken place' and 'talks took place on Monday'."""
    words = lower[i + 1:i + 17]
    words = words[:words.index(",")] if "," in words else words
    return bool(PAST_PERFECT.search(" ".join(words)))


CAME = {"came", "comes", "come", "followed", "follows"}


def _came_after(before: list[str]) -> bool:
    """'came after a meeting', 'comes after talks', 'followed a meeting': the meeting word
    (right after `before`) names what came first, held whatever the main clause plans.
    Leaves 'will fly to Cairo after a meeting with Sisi' (no verb of coming)."""
    for k, word in enumerate(before):
        if word in CAME and (word.startswith("follow") or before[k + 1:k + 2] == ["after"]):
            return True
    return False
