"""Token geometry of a sentence: distances, clause and comma boundaries, which day or place
belongs to which meeting word, and the quote of a meeting. Fed by base; feeds rules and the
MeetingFinder mixins.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from analysis.rules.actors import TITLE_WORDS
from analysis.rules.doc_text import doc_lowers, span_text
from analysis.rules.lexicon import NUMBER_WORDS
from analysis.rules.meeting_mentions.base import (
    CLAUSE_AFTER_COMMA,
    CLAUSE_WORDS,
    DETERMINERS,
    PLACE_WINDOW,
    SUBORDINATE_AFTER_COMMA,
    DocState,
    Group,
    Sentence,
)

# -- token geometry: distances, clauses, gaps --------------------------------------------------

def _distance(item, position: int) -> int:
    """Tokens between a (start, end) item and a position (0 inside it)."""
    start, end = item[0], item[1]
    if position < start:
        return start - position
    if position >= end:
        return position - end + 1
    return 0


def _crosses_clause(doc: Doc, item, position: int, marks: str = ";") -> bool:
    """', and' or ';' between a place/day and a meeting word: another clause ("a round was
    held in Cairo on Feb. 13, and negotiators met again in Paris"), or 'and' before a second
    predicate ('met el-Sisi in Cairo and is scheduled to travel to Israel': `NEXT_PREDICATE`);
    with marks="," any comma."""
    low, high = (position, item[0]) if position < item[0] else (item[1], position)
    return any(doc[i].text in marks or (doc[i].text == "," and i + 1 < len(doc) and
                                        doc[i + 1].lower_ in CLAUSE_AFTER_COMMA)
               or (doc[i].lower_ == "and" and i + 1 < len(doc)
                   and doc[i + 1].lower_ in NEXT_PREDICATE)
               for i in range(low, high))


NEXT_PREDICATE = {"is", "was", "are", "were", "will", "would", "has", "have", "had", "then"}
# "met el-Sisi in Cairo and is scheduled to travel to Israel": a second predicate


STOP_WORDS = {"trip", "tour", "visit", "journey", "stop", "stopover", "leg"}


def _across_after(doc: Doc, item, position: int) -> bool:
    """'after' or 'following' between a place and a meeting word, the two words on either side
    of it: the place is the other clause's ("the meeting between Netanyahu, Witkoff and Kushner
    came after Kushner presented his plans at the forum in Davos": Davos is the presenting's;
    "the decision to send negotiators to Paris came after a meeting ... in Jerusalem": Paris is
    the sending's). Leaves 'talks in Doha after a break' (the place before 'after', with its
    meeting word) and 'travels to Cairo after a stop in Israel' (a stop of the trip:
    `STOP_WORDS`)."""
    low, high = (position, item[0]) if position < item[0] else (item[1], position)
    for i in range(low + 1, high):
        if doc[i].lower_ in ("after", "following"):
            head = [t.lower_ for t in doc[i + 1:min(high, i + 4)] if t.lower_ not in DETERMINERS]
            return not (position < item[0] and head[:1] and head[0] in STOP_WORDS)
    return False


def _subordinate_between(doc: Doc, item, position: int) -> bool:
    """', after', ', before', ', since' ... between a place/day and a meeting word: the day is
    the main clause's ("met Burns on Thursday, after the mediators met Hamas officials on
    Wednesday": Thursday is not the mediators'). Leaves ', and' (lists of people)."""
    low, high = (position, item[0]) if position < item[0] else (item[1], position)
    return any(doc[i].text == "," and i + 1 < len(doc)
               and doc[i + 1].lower_ in SUBORDINATE_AFTER_COMMA for i in range(low, high))


def _gap(doc: Doc, item, position: int, inside: set[int]) -> int:
    """Tokens between a place and a meeting word, a name counting as one ('Hamas Political
    Bureau Chairman', 'Dolmabahce Working Office'), 'the' and commas as none."""
    distance = _distance(item, position)
    if distance <= 1:
        return distance
    low, high = (position, item[0]) if position < item[0] else (item[1], position)
    count = 0
    for i in range(low, high):
        if i in inside or doc[i].lower_ in ("the", ","):
            continue
        if i > low and doc[i].text.istitle() and doc[i - 1].text.istitle():
            continue
        count += 1
    return count


def _date_elsewhere(doc: Doc, date, triggers, speech, breaks) -> bool:
    """A day that belongs to another clause: nearer to a speech verb than to any meeting word
    ('Earlier this month, X said ... that talks had been ...'), inside a 'who/which' clause
    ('The official, who took over ... this month, had held talks'), or after a clause break
    with no meeting word of its own ('met ... since a truce collapsed on Dec. 1'; 'After the
    truce collapsed on Dec. 1, Burns ... met in Warsaw'). An attribution after a comma ('on
    Wednesday, a source tells') or 'on Wednesday that officials said' leaves the day alone."""
    positions = [t.position for t in triggers if t.kind != "delegation"]
    if not positions:
        return False
    nearest = min(_distance(date, p) for p in positions)
    speech = [p for p in speech if p < date[0] or not (
        _crosses_clause(doc, date, p, ",") or any(
            doc[i].lower_ in ("that", "which") for i in range(date[1], p)))]
    if speech and min(_distance(date, p) for p in speech) < nearest:
        return True
    before = date[0] - 1
    while before >= max(0, date[0] - 14) and doc[before].text not in (",", ";"):
        if doc[before].lower_ in ("who", "which", "whose"):
            # (but "the plan, which Trump presented after his meeting with X on May 2")
            return not any(before < p < date[0] for p in positions) and \
                not _talks_own_clause(doc, before, positions)
        before -= 1
    if _other_relative_clause(doc, date, positions) or _new_clause_day(doc, date, positions) \
            or _before_closing_clause(doc, date, positions, breaks) \
            or _referenced_meeting(doc, date, positions):
        return True
    first = min(positions)
    for brk in breaks:
        if first < brk < date[0] and not any(brk < p <= date[0] + 6 for p in positions):
            return True
        if brk < date[0] < first:
            comma = next((i for i in range(date[1], first) if doc[i].text in (",", ";")), None)
            if comma is not None and not any(brk < p < comma for p in positions):
                return True
    return False


REFERENCE_PREPOSITIONS = {"at", "of", "by", "from", "in", "during", "since", "after"}
REFERENCE_ADJECTIVES = {"recent", "last", "previous", "earlier", "latest", "prior"}


def _referenced_meeting(doc: Doc, date, positions) -> bool:
    """Every meeting word a meeting named by its place after a preposition ('the proposal
    hashed out at the Paris meeting', 'the outcome of the recent Cairo talks'): a meeting
    referred to, whose sentence's day is another event's ('Earlier on Tuesday, Haniyeh said
    ...'). Leaves 'the Paris meeting on Sunday' (the day right after it) and 'the Paris talks
    began on Friday' (no preposition before)."""
    for p in positions:
        j = p - 1
        if j < 0 or not doc[j].text[:1].isupper() or doc[j].lower_ in ("the", "a"):
            return False
        j -= 1
        if j >= 0 and doc[j].lower_ in REFERENCE_ADJECTIVES:
            j -= 1
        if j < 1 or doc[j].lower_ != "the" or doc[j - 1].lower_ not in REFERENCE_PREPOSITIONS:
            return False
        if 0 <= date[0] - p <= 2:
            return False
    return True


TALKS_OWN_VERBS = {"entered", "enters", "began", "begins", "started", "starts", "opened",
                   "resumed", "resume", "ended", "ends", "concluded", "continued", "kicked",
                   "wrapped", "got"}


def _talks_own_clause(doc: Doc, which: int, positions) -> bool:
    """'The talks in Doha, which entered their second day on Monday': a 'which' clause right
    after a meeting word (a place between at most) whose verb is the talks' own (began,
    entered, resumed, ended) tells the talks' day. Leaves 'the official, who took over this
    month' (a person) and 'the plan, which Trump presented on May 2' (not the talks' verb)."""
    return doc[which].lower_ == "which" and which + 1 < len(doc) and \
        doc[which + 1].lower_ in TALKS_OWN_VERBS and any(0 < which - p <= 5 for p in positions)


LATER_BREAKS = {"after", "before", "since", "because", "until", "following", "although",
                "though", "despite", "ahead"}  # (not "as", "while": at the same time)


def _before_closing_clause(doc: Doc, item, positions, breaks) -> bool:
    """A day or person before a clause break ('after', 'while', ...) when every meeting word
    is inside that clause, which runs to them without a comma: 'is due to meet his cabinet on
    Tuesday ... after a delegation returned from Doha' (Tuesday is the cabinet's). Leaves 'On
    Tuesday, after talks in Doha, Burns flew to Cairo' (the comma closes the clause)."""
    if not positions:
        return False
    return any(item[1] <= brk < min(positions) and doc[brk].lower_ in LATER_BREAKS and not any(
        doc[i].text in (",", ";") for i in range(brk, max(positions))) for brk in breaks)


NEW_SUBJECTS = {"they", "he", "she", "it", "we", "the", "hamas", "israel"}


def _new_clause_day(doc: Doc, date, positions) -> bool:
    """'left Cairo, claiming the round was over, and yesterday they surprised the world': a
    day that opens a clause of its own after ', and'/', but' (a new subject right after it)
    with no meeting word up to six words on. Leaves 'met on Monday, and again on Tuesday'."""
    i = date[0]
    if i < 2 or doc[i - 1].lower_ not in ("and", "but") or doc[i - 2].text != ",":
        return False
    if date[1] >= len(doc) or doc[date[1]].lower_ not in NEW_SUBJECTS:
        return False
    return not any(i < p <= date[1] + 6 for p in positions) and any(p < i for p in positions)


LIST_OPENERS = {"including", "among", "such", "like", "notably", "especially"}
RELATIVE_OWN = {"began", "begin", "begins", "started", "opened", "resumed", "ended", "took",
                "was", "were", "is", "are", "had", "has", "have", "held", "will", "would",
                "concluded", "continued", "start", "starts", "takes", "met", "convened"}


def _other_relative_clause(doc: Doc, date, positions) -> bool:
    """'the earlier meeting ... that led to a weeklong ceasefire between November 24 and ...':
    a 'that' clause between the meeting word and the day, about something else. Leaves 'talks
    that began on Monday', 'the meeting, which was held on Friday'."""
    first = min(positions)
    for i in range(first + 1, date[0]):
        if doc[i].lower_ == "that" and i + 1 < date[0] and \
                doc[i + 1].lower_ not in RELATIVE_OWN and doc[i + 1].is_alpha and \
                not any(p > i for p in positions):
            return True
    return False


def _headed_place(doc: Doc, item, triggers) -> bool:
    """'in Qatar' after a meeting noun of the same phrase ("meetings with senior Hamas
    officials in Qatar and Witkoff's discussions with Dermer in Washington"): a place after
    'in'/'at' goes to a talks noun before it, up to PLACE_WINDOW words back with no comma or
    clause word between, rather than to a meeting word after it. Leaves "in Doha, the talks"
    (a comma) and places before any meeting word."""
    if item[0] == 0 or doc[item[0] - 1].lower_ not in ("in", "at"):
        return False
    for t in triggers:
        if t.kind == "noun" and 0 < item[0] - t.position <= PLACE_WINDOW and not any(
                w.text in (",", ";", ":") or w.lower_ in CLAUSE_WORDS
                for w in doc[t.position + 1:item[0]]):
            return True
    return False


def _where_follows(doc: Doc, item) -> bool:
    """A place followed by a 'where' clause ("in Cairo, where talks resumed"); leaves "in
    Cairo on Monday, when ..."."""
    after = doc_lowers(doc)[item[1]:min(len(doc), item[1] + 2)]
    return after[:1] == ["where"] or after == [",", "where"]


TRIP_WORDS = {"trip", "tour", "visit", "journey"}


def _trip_word(group: Group) -> bool:
    """A trip named by a noun ("Trump's Mideast trip", "a tour of the Gulf"): with a region
    for its place it is a tour, not a meeting. Leaves "talks in the Middle East"."""
    return any(t.word.lower() in TRIP_WORDS for t in group.triggers)


ROUND_LENGTH = re.compile(r"\b(?:last(?:ed|s|ing)?|went on|continued|ran) (?:for )?(two|three|four"
                          r"|five|2|3|4|5) days\b|\b(two|three|four|five|2|3|4|5)-day "
                          r"(?:talks|round|meetings|negotiations|visit)\b")
def _round_days(text_lower: str) -> int:
    """How many days the sentence says a round lasted ("which lasted for two days", "two-day
    talks"), else 0. Leaves "two days after", "in two days"."""
    match = ROUND_LENGTH.search(text_lower)
    if match is None:
        return 0
    count = match.group(1) or match.group(2)
    return int(count) if count.isdigit() else NUMBER_WORDS[count]


def _next_trip_between(doc: Doc, position: int, start: int) -> bool:
    """'before traveling', 'after flying', 'then heading' between a meeting word and a later
    place: the place is the next leg's ("visited Cairo to meet Sisi before traveling to Doha
    for discussions with the emir": Doha is the discussions'). Leaves 'met X in Doha'."""
    return any(doc[i].lower_ in ("before", "after", "then") and doc[i + 1].lower_.endswith("ing")
               for i in range(position + 1, start - 1))


def _purpose_noun(doc: Doc, trigger) -> bool:
    """A talks noun that says what a trip or meeting is for ("in Rome on Friday for hostage
    talks", "to Doha for the talks"): what comes before it is the verb's."""
    if trigger.kind != "noun":
        return False
    before = doc_lowers(doc)[max(0, trigger.position - 3):trigger.position]
    return "for" in before


def _title_head(s: Sentence, i: int) -> bool:
    """'head' between an organisation and a name ("Shin Bet head Ronen Bar", "Hamas's political
    head Khalil al-Hayya", "Egypt's intelligence head Abbas Kamel"): a title. Leaves "Burns
    heads to Cairo", "will head to Doha"."""
    tokens = s.tokens
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and after.text[:1].isupper() and before is not None and (
        before.text[:1].isupper() or before.lower_ in ("political", "intelligence", "security",
                                                       "military", "'s", "\u2019s"))


def _framing_place(state: DocState, s: Sentence) -> str:
    """The place a sentence opens with ("In Qatar, the prime minister met ... after the
    mediators met Hamas officials on Wednesday", "During his visit to Doha, ...", "While in
    Washington, he met ..."): where every
    meeting of the sentence is, unless it names its own. Leaves "In Gaza's south, ..." and
    places later in the sentence."""
    if s.lower[:1] == ["during"]:
        return _visit_frame(state, s)
    skip = 1 if s.lower[:2] == ["while", "in"] else 0  # "While in Washington, he met ..."
    if s.lower[skip:skip + 1] != ["in"]:
        return ""
    for place in state.places:
        at = place.start - s.start - skip
        if at in (1, 2) and place.end < s.end and state.doc[place.end].text == "," and (
                at == 1 or s.lower[skip + 1] == "the"):
            return place.text
    return ""


def _visit_frame(state: DocState, s: Sentence) -> str:
    """'During his visit to Doha on Sunday, Burns met the Qatari prime minister': the place of
    a visit or trip in an opening 'During ...,' clause frames the sentence."""
    comma = next((i for i, w in enumerate(s.lower[:14]) if w == ","), None)
    if comma is None:
        return ""
    for place in state.places:
        i = place.start - s.start
        if 0 < i < comma and s.lower[i - 1] in ("to", "in") and i > 1 and \
                s.lower[i - 2] in TRIP_WORDS:
            return place.text
    return ""


def _nearest_people(people: list[dict], group, groups, doc: Doc | None = None) -> list[dict]:
    """With several groups in a sentence, each person goes to the nearest group, in the same
    clause first ("met Barnea and Burns on Thursday, after the mediators met Hamas"); at equal
    distance, to the news rather than to a meeting named in passing ("A day after the talks in
    Doha, Qatar's prime minister flew to Vienna to meet Barnea")."""
    if len(groups) <= 1:
        return people

    def key(m, g):
        apart = doc is not None and (all(
            _subordinate_between(doc, (m["start"], m["end"]), p) for p in g.positions)
            or _in_opener(doc, g.positions, m["start"]))
        ahead = doc is not None and _met_with(doc, m) and min(g.positions) > m["start"]
        return apart, ahead, min(abs(m["start"] - p) for p in g.positions), any(
            t.passing or t.kind == "reference" for t in g.triggers)
    return [m for m in people if min(groups, key=lambda g: key(m, g)) is group]


OPENERS = {"after", "before", "since", "following", "ahead", "during", "until"}


def _in_opener(doc: Doc, positions, start: int) -> bool:
    """Meeting words all inside the clause a sentence opens with ('After the talks on the
    hostages, Blinken headed to Jerusalem'), the person after that clause's comma: the person
    belongs to the main clause. Leaves 'After meeting Sisi, ...' for Sisi."""
    sent_start = doc[min(positions)].sent.start
    if doc[sent_start].lower_ not in OPENERS:
        return False
    comma = next((i for i in range(sent_start, min(len(doc), sent_start + 25))
                  if doc[i].text == ","), None)
    return comma is not None and max(positions) < comma < start


def _met_with(doc: Doc, mention: dict) -> bool:
    """A person introduced by 'with' ("to meet ... in London with US envoy Steve Witkoff to
    restart negotiations"): the object of a meeting word before it, not of one after it."""
    i = mention["start"] - 1
    while i >= max(0, mention["start"] - 6) and (doc[i].text[:1].isupper()
                                                  or doc[i].lower_ in TITLE_WORDS):
        i -= 1
    return i >= 0 and doc[i].lower_ == "with"


def _quote(doc: Doc, group, facts, people: list[dict]) -> dict:
    """The stretch of the sentence from the first to the last thing the meeting used: meeting
    words, places, the day and (for a primary mention) its named participants."""
    pieces = group.positions + [p.start for p in group.places] + [p.end - 1 for p in group.places]
    if facts.date:
        pieces += [facts.date.start, facts.date.end - 1]
    for m in people:
        if not m.get("borrowed") and m["kind"] in ("name", "person", "office") and (
                m["name"] in facts.names or m["name"] in facts.offices):
            pieces += [m["start"], m["end"] - 1]
    span = doc[min(pieces):max(pieces) + 1]
    return {"quote": span_text(span), "start_char": span.start_char, "end_char": span.end_char}
