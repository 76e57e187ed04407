"""The meeting rules, run by the spaCy component `meeting_finder`
(analysis/components/meeting_finder.py): meetings and the terms on the table, as plain
dicts.

``doc._.meetings`` holds one dict per *mention* of a meeting or round of talks, sentence by
sentence; :func:`analysis.assemble.meetings.meetings_table` resolves their dates against the
report date and merges the mentions of one meeting into one row. Each dict:

- ``kind``: ``primary`` (the sentence itself says who met, where or when) or ``anaphor``
  ("the meeting will include ...", "the two discussed ...", "the talks" with no place or day:
  it refers back to the meeting last mentioned and only adds participants);
- ``trigger`` (met, talks, summit, spoke ... in Paris), ``date_text``, ``planned``/``tense``/
  ``status``, ``location`` (canonical place from the gazetteer), ``participants`` (canonical
  names), ``offices`` (office keys such as ``cia_director``, resolved by date later),
  ``earlier`` ("previously", "had met"), ``negotiator`` (a negotiator or mediator is involved),
  ``quote``/``start_char``/``end_char`` and the ``sentence`` with its offsets.

``doc._.terms`` holds what was on the table: ``kind`` (truce_days | phases | hostages |
prisoners), ``value`` (days, a count, or "all"), ``quote``, ``start_char``, ``end_char``,
``sentence_start``.

Everything here is cheap: two PhraseMatchers, token look-ups and a few regular expressions per
sentence. Without the statistical model (``rules_only``) the same rules run on the sentencizer's
sentences; unknown people are then not reported (no PERSON entities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from analysis.rules.actors import TITLE_WORDS, ActorMatcher, load_actors
from analysis.rules.dates import day_precise
from analysis.rules.doc_text import doc_text
from analysis.rules.lexicon import NUMBER_WORDS, TENS_WORDS, word_lists
from analysis.rules.numbers import words_to_int

PARTICIPANT_WINDOW = 12  # tokens around a trigger in which a day belongs to it
PLACE_WINDOW = 8  # tokens between a place and a trigger ("met ... in Jerusalem")
PLACE_CLAUSE_WINDOW = 26  # ... or further on in the same clause ("discussed X with Y in Cairo")
CLAUSE_WORDS = {"which", "who", "that", "while", "after", "before", "since", "because", "as",
                "where", "when", "and", "but"}
TITLE_EXTRA = {"president-elect", "elect", "-", "vice", "foreign", "deputy", "former", "late"}
DOC_TOPIC_MIN = 3  # hostage/truce words an article needs to count as about the negotiations
ROUND_SPAN_DAYS = 4  # "began on Monday" ... "left on Thursday": one round
NEGOTIATOR_OFFICES = {"cia_director", "mossad_director", "shin_bet_director",
                      "egypt_intelligence_chief", "qatar_prime_minister", "us_mideast_envoy",
                      "hamas_chief_negotiator", "us_hostage_envoy"}


# a sentence the parser ended after a title or rank abbreviation
# ("Brig.-Gen. (", "Res.)": the sentencizer may also cut inside the bracket of "(Res.)")
TITLE_END = re.compile(r"(?:(?:\(|\b)(?:ret|res|Ret|Res)\.\)"
                       r"|\b(?:Gen|Maj|Col|Lt|Brig|Adm|Dr|Sgt|Capt)\.\s*\(?)\s*$")
# the date of a dateline: "ROME, July 28 (Reuters) -", "PARIS, Jan 29 (AFP) -"
DATELINE_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&' ]{0,30}\)\s*[-\u2013\u2014]")
SAME_PEOPLE = re.compile(r"\bthe same (?:two|three|four|five|officials|men|leaders|negotiators"
                         r"|mediators|trio|pair|group)\b")
TOGETHER = re.compile(r"\b(?:the two|both)(?: men| leaders)? (?:met|talked|spoke)\b")
PRESENT_VERBS = {"meets", "travels", "visits", "heads", "arrives", "flies", "hosts", "goes",
                 "departs", "convenes", "holds", "discusses", "talks"}
SPOKEN_ABOUT = {"said", "says", "say", "added", "stated", "announced", "confirmed", "reported",
                "claimed", "noted"}  # (not "told": "Blinken told Netanyahu" may be a meeting)
DEAL_VERBS = {"extend", "secure", "finalize", "finalise", "clinch", "broker", "close",
              "advance", "advancing", "conclude", "concluding", "complete", "completing",
              "reach", "reaching", "negotiate", "push", "pushing", "press", "pressing", "seal",
              "salvage", "revive", "restart"}  # "to go to Doha to continue advancing a deal",
# "traveled to Cairo and Doha last week to push for a deal"
TITLE_NOUNS = {"envoy", "envoys", "ambassador", "ambassadors", "coordinator", "emissary",
               "representative", "negotiator"}  # "envoy to the Middle East": a title
TRIP_NOUNS = {"departure", "flight", "journey", "route"}  # "ahead of his departure to Oslo"
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these"}
CLAUSE_AFTER_COMMA = {"and", "but", "while", "as", "whereas"}
SUBORDINATE_AFTER_COMMA = {"after", "before", "since", "because", "although", "following"}
HEADER = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}$")
# "Gaza, Jan 31 (IANS) A Hamas delegation ...": an agency in brackets, then the story
DATELINE_AGENCY = re.compile(r"\s*\([A-Z][A-Za-z.&' ]{0,30}\)\s*[A-Z\u201c\"]")
DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'\-]{2,40},\s*$")
# the date line a paragraph opens with: "Monday, January 29, 2024 – Top CIA officials ..."
DATELINE_LEAD = re.compile(r"^\s*\(?(?:[A-Z][a-z]+day,?\s*)?$")
# ... and its end: "Monday, January 29, 2024 -", "(Jan. 11, 2025 / JNS) -"
DATELINE_DASH = re.compile(r"(?:,?\s*[A-Z][a-z]+\.?\s+\d{1,2})?(?:,?\s*\d{4})?"
                           r"(?:\s*/\s*[A-Za-z .]+\))?\s*[-\u2013\u2014]\s")
# date_finder kinds that name a day, week or month (not durations, events, offices, datelines)
DATE_KINDS = {"iso", "month_day", "day_month", "month_year", "part_month", "bare_month",
              "weekday", "overnight", "relative", "coming", None}
# the day of the attack, named as the start of the war or the day hostages were taken
OCTOBER_7 = re.compile(r"^(?:on\s+)?(?:oct(?:ober|\.)?\s*7(?:th)?|7(?:th)?\s+(?:of\s+)?"
                       r"oct(?:ober|\.)?)(?:,?\s*2023)?$", re.IGNORECASE)


def load_lexicon() -> dict[str, list[str]]:
    """kind -> words/phrases (lower case) of meeting_lexicon.csv (read once, keys checked:
    analysis.rules.lexicon)."""
    return word_lists("meeting_lexicon.csv")


@lru_cache(maxsize=1)
def load_deal_terms() -> dict:
    """The words of deal_terms.csv (what a deal puts on the table: truce length, phases,
    hostages and prisoners), with ``unit_days`` and ``ordinals`` as word -> number, and
    ``number_words`` (:func:`deal_number_words`) from the one list of number words."""
    lex = word_lists("deal_terms.csv")
    out = dict(lex)
    for key in ("unit_days", "ordinals"):
        out[key] = {w.rsplit(":", 1)[0]: int(w.rsplit(":", 1)[1]) for w in lex[key]}
    out["number_words"] = deal_number_words()
    return out


def deal_number_words() -> dict[str, int]:
    """The number words a deal's terms are written in, word -> value: one to nineteen and the
    tens (analysis.rules.lexicon, common_words.json), their compounds ('forty-two'), and
    'hundred', 'a hundred', 'dozen', 'two dozen' (read by analysis.rules.numbers). Matches 'a
    six-week truce', 'forty-two days', 'release two dozen hostages'; leaves 'zero' and larger
    amounts ('three hundred') to the figure rules.

    >>> words = deal_number_words()
    >>> words["six"], words["forty-two"], words["a hundred"], words["two dozen"], "zero" in words
    (6, 42, 100, 24, False)
    """
    units = {word: n for word, n in NUMBER_WORDS.items() if n}
    compounds = [f"{tens}-{unit}" for tens in TENS_WORDS for unit, n in units.items() if n < 10]
    scales = ["hundred", "a hundred", "dozen", "two dozen"]
    return {**units, **TENS_WORDS, **{words: words_to_int(words) for words in compounds + scales}}


@lru_cache(maxsize=4096)
@lru_cache(maxsize=64)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w])")


def _phrase_in(text: str, phrases) -> str | None:
    """The first of `phrases` (in list order) found as whole words in `text`, else None."""
    phrases = tuple(phrases)
    if not phrases or not _phrases_re(phrases).search(text):
        return None
    for phrase in phrases:
        if re.search(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w])", text):
            return phrase
    return None


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
    held in Cairo on Feb. 13, and negotiators met again in Paris"); with marks="," any
    comma."""
    low, high = (position, item[0]) if position < item[0] else (item[1], position)
    return any(doc[i].text in marks or (doc[i].text == "," and i + 1 < len(doc) and
                                        doc[i + 1].lower_ in CLAUSE_AFTER_COMMA)
               for i in range(low, high))


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
                "though", "despite"}  # (not "as", "while": at the same time)


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
    after = [t.lower_ for t in doc[item[1]:min(len(doc), item[1] + 2)]]
    return after[:1] == ["where"] or after == [",", "where"]


TRIP_WORDS = {"trip", "tour", "visit", "journey"}


def _trip_word(group: Group) -> bool:
    """A trip named by a noun ("Trump's Mideast trip", "a tour of the Gulf"): with a region
    for its place it is a tour, not a meeting. Leaves "talks in the Middle East"."""
    return any(t.word.lower() in TRIP_WORDS for t in group.triggers)


ROUND_LENGTH = re.compile(r"\b(?:last(?:ed|s|ing)?|went on|continued|ran) (?:for )?(two|three|four"
                          r"|five|2|3|4|5) days\b|\b(two|three|four|five|2|3|4|5)-day "
                          r"(?:talks|round|meetings|negotiations|visit)\b")
SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _round_days(text_lower: str) -> int:
    """How many days the sentence says a round lasted ("which lasted for two days", "two-day
    talks"), else 0. Leaves "two days after", "in two days"."""
    match = ROUND_LENGTH.search(text_lower)
    return SMALL_NUMBERS[match.group(1) or match.group(2)] if match else 0


def _purpose_noun(doc: Doc, trigger) -> bool:
    """A talks noun that says what a trip or meeting is for ("in Rome on Friday for hostage
    talks", "to Doha for the talks"): what comes before it is the verb's."""
    if trigger.kind != "noun":
        return False
    before = [t.lower_ for t in doc[max(0, trigger.position - 3):trigger.position]]
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
    mediators met Hamas officials on Wednesday", "During his visit to Doha, ..."): where every
    meeting of the sentence is, unless it names its own. Leaves "In Gaza's south, ..." and
    places later in the sentence."""
    if s.lower[:1] == ["during"]:
        return _visit_frame(state, s)
    if s.lower[:1] != ["in"]:
        return ""
    for place in state.places:
        if place.start in (s.start + 1, s.start + 2) and place.end < s.end and \
                state.doc[place.end].text == "," and (place.start == s.start + 1 or
                                                      s.lower[1] == "the"):
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
    return {"quote": span.text, "start_char": span.start_char, "end_char": span.end_char}


class Trigger(NamedTuple):
    """A meeting word: its token position in the Doc, its kind and its text.

    kind: meet (met, hosted, received X) | noun (talks, meeting, summit) | weak (spoke,
    discussed) | arrive | travel | delegation | join (took part, attended) | reference ("before
    the Rome talks": a meeting named in passing, adds nobody)."""

    position: int
    kind: str
    word: str
    passing: bool = False  # "comes three days after X met": another, earlier meeting


class Item(NamedTuple):
    """A place or a date expression: token span and its canonical name or text."""

    start: int
    end: int
    text: str


@dataclass
class DocState:
    """What the sentence rules need to know about the article: passed in, never kept on the
    component (one component serves every document, also in parallel)."""

    doc: Doc
    mentions: list[dict]
    places: list[Item]
    dates: list[Item]
    topic: bool  # the article is about the hostage or truce talks
    previous_subject: dict | None = None  # first person named in the sentence before
    previous_sent: Span | None = None
    peg: str = ""  # the last day named so far in the body ("on Tuesday"): the news of the day
    previous_peg: str = ""  # the day the sentence before named, if any


@dataclass
class Sentence:
    """One sentence (or paragraph piece) with its tokens read once."""

    span: Span
    index: int
    tokens: list = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    text_lower: str = ""

    @classmethod
    def of(cls, span: Span, index: int) -> Sentence:
        tokens = list(span)
        return cls(span, index, tokens, [t.lower_ for t in tokens],
                   span.text.lower().replace("\u2019", "'"))

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def has(self, item) -> bool:
        return self.start <= item[0] < self.end


@dataclass
class Group:
    """Meeting words of one sentence that describe one meeting, with their places and days."""

    triggers: list[Trigger] = field(default_factory=list)
    location: str = ""
    places: list[Item] = field(default_factory=list)
    dates: list[Item] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {t.kind for t in self.triggers}

    @property
    def positions(self) -> list[int]:
        return [t.position for t in self.triggers]


@dataclass
class Facts:
    """What decides whether a group of meeting words reports a meeting (see PRIMARY_RULES)."""

    kinds: set[str]
    names: list[str]
    offices: list[str]
    negotiator: bool
    location: str
    date: Item | None
    topic: bool  # hostage/truce words in the sentence
    doc_topic: bool
    pronoun_subject: bool  # "the two", "they"
    participation: bool  # include, attend, led by ...
    unnamed: bool  # negotiators, mediators, delegations
    talks_in_sentence: bool = False  # a talks noun anywhere in the sentence
    region_trip: bool = False  # "flew to the Middle East": a tour of a region
    n_negotiators: int = 0  # named negotiators and mediators (people and offices)
    words: set[str] = field(default_factory=set)  # the group's meeting words, lower case

    @property
    def n_people(self) -> int:
        return len(self.names) + len(self.offices)

    @property
    def has_info(self) -> bool:
        return bool(self.location or self.date)


OFFICE_HEADS = {"head", "heads", "chief", "chiefs", "director", "directors", "envoy", "envoys",
                "emir", "amir", "minister", "ministers"}  # "received the heads of the Mossad"
RECEIVE_ADVERBIAL = re.compile(
    r"(?:(?:on |early |late )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|evening"
    r"|afternoon|night))?|(?:earlier |later )?(?:today|tonight|yesterday)(?: (?:morning|evening"
    r"|afternoon))?|this (?:morning|evening|afternoon)|in (?:his|her|its|their) (?:office|palace"
    r"|residence)|at (?:the|his|her) (?:[a-z'\u2019-]+ ){0,3}(?:palace|diwan|office|headquarters"
    r"|residence)|,) ")


def _after_receive_adverbials(s: Sentence, j: int) -> int:
    """Where the guest starts after 'received' in the words of Arab state media: 'received
    on Thursday the heads of ...', 'received in his office at the Amiri Diwan this morning CIA
    Director William Burns', 'received in Doha on Saturday a delegation' (days, times, the
    office or palace, a capitalised place after 'in' are skipped)."""
    lower = s.lower
    for _ in range(4):
        if lower[j:j + 1] == ["in"] and j + 1 < len(lower) and s.tokens[j + 1].text.istitle():
            j += 2  # "in Doha", "in New Cairo"
            while j < len(lower) and s.tokens[j].text.istitle():
                j += 1
            continue
        text = " ".join(lower[j:j + 8]) + " "
        match = RECEIVE_ADVERBIAL.match(text)
        if not match:
            break
        j += len(match.group(0).split())
    return j


def _negated(lower: list[str], i: int) -> bool:
    """'did not attend the Doha sessions', 'never met': a meeting that did not happen.
    Leaves 'not only met'... as negated too (rare)."""
    if i > 0 and lower[i - 1] in ("not", "n't", "never"):
        return True
    return i > 1 and lower[i - 2] in ("not", "n't", "never") and lower[i - 1] in (
        "attend", "join", "meet", "hold")


def _onward(lower: list[str], i: int) -> bool:
    """'before traveling on to Israel', 'then heads to Qatar': the next stop of a tour, not
    where the talks are (an onward visit counts only when the text says talks are held
    there, through a meeting word of its own)."""
    return any(w in ("before", "then") for w in lower[max(0, i - 2):i])


def _the_one_that(lower: list[str], i: int) -> bool:
    """'the one that took place in Paris end of January', 'the one held in Cairo': another
    meeting, named by comparison. Leaves 'the one hostage', 'one of the mediators'."""
    return (lower[i] == "one" and i > 0 and lower[i - 1] == "the" and i + 2 < len(lower)
            and (lower[i + 1] in ("held", "hosted") or (
                lower[i + 1] in ("that", "which") and lower[i + 2] in (
                    "took", "was", "were", "happened", "had"))))


TEAM_NOUNS = {"representatives", "negotiators", "delegations", "delegates", "teams", "envoys"}
PRESENCE_ADVERBS = {"currently", "also", "now", "already", "still", "again", "reportedly",
                    "expected", "due"}  # ("a Hamas delegation is expected in Cairo on Saturday")


def _presence(lower: list[str], i: int) -> bool:
    """'was in Qatar', 'are currently in Cairo', 'is also in Doha', 'have been in Doha since
    July 6': someone is at a place
    (the place is checked by the rules). Leaves 'who are in Qatar' (where someone lives) and
    'is in talks'; 'Israel and Hamas have representatives in Qatar this week' (a team)."""
    if lower[i] in ("have", "has", "had") and lower[i + 1:i + 2] and lower[i + 1] in TEAM_NOUNS:
        return lower[i + 2:i + 3] == ["in"]
    if lower[i] not in ("is", "are", "was", "were", "been") or (i > 0 and lower[i - 1] in (
            "who", "which", "that")) or (lower[i] == "been" and (
                i < 2 or lower[i - 1] not in ("has", "have") or lower[i - 2] in (
                    "who", "which", "that"))):
        return False
    j = i + 1
    while j < len(lower) and lower[j] in PRESENCE_ADVERBS:
        j += 1
    return j + 1 < len(lower) and lower[j] == "in" and lower[j + 1] not in (
        "talks", "negotiations", "touch", "contact", "charge", "favour", "favor")


def _already_there(lower: list[str], i: int) -> bool:
    """'delegations were already in Cairo for the talks', 'are already in Doha': someone is
    at the talks now, not an earlier meeting. Leaves 'had already met', 'already held'."""
    return _presence(lower, i) and "already" in lower[i + 1:i + 3]


ONGOING_WORDS = {"currently", "underway", "ongoing", "overnight"}


def _ongoing(s: Sentence, group: Group) -> str:
    """Talks going on or just held as the report is written, dated by the report: 'talks,
    currently underway in Qatar', 'are meeting in Cairo', 'has arrived in Cairo', 'have met
    ... in Paris', 'are in Cairo for the talks'. Leaves 'met on Sunday' (own day), 'had
    met' (earlier) and 'has left Cairo' (the talks are over; the day they ended is not
    said) and 'Since the talks got underway in January, he has traveled to Paris' (a span of
    time, not today). Returns the words that say so (the meeting's date_text), else ''."""
    if s.lower[:1] == ["since"]:
        return ""
    found = [w for w in s.lower if w in ONGOING_WORDS]
    if found or "under way" in s.text_lower:
        return found[0] if found else "under way"
    for position in group.positions:
        i = position - s.start
        before = s.lower[max(0, i - 2):i]
        if s.lower[i] in DEPARTURE_WORDS or s.lower[max(0, i - 2):i] == ["to", "have"]:
            continue  # "the delegation has left Cairo after the talks": they are over;
            # "are known to have met in Doha in recent weeks": some time before
        if before[-1:] and before[-1] in ("is", "are", "has", "have") or (
                before[-2:] in (["has", "been"], ["have", "been"], ["are", "still"])):
            return " ".join(before[-1:] + [s.lower[i]])
        if s.lower[i] in ("is", "are"):  # presence: "are in Cairo for the talks"
            return s.lower[i] + " in"
    return ""


def _on_the_way(s: Sentence, group: Group) -> bool:
    """'is heading to Cairo on Sunday, where he will meet', 'is traveling to Doha for an
    emergency meeting', 'are on their way': a trip under way, so the meeting is planned."""
    if "on his way" in s.text_lower or "on their way" in s.text_lower or \
            "on her way" in s.text_lower:
        return True
    return any(t.kind in ("travel", "arrive") and t.word.lower().endswith("ing") and
               s.lower[t.position - s.start - 1:t.position - s.start] in (
                   ["is"], ["are"], ["reportedly"])
               for t in group.triggers)


def _as_clause(s: Sentence, i: int) -> bool:
    """'Talks in Doha as Netanyahu Heads to White House': 'as' opening a clause with a
    named subject. Leaves 'as well as', 'such as', 'as part of'."""
    return (s.lower[i] == "as" and i > 0 and i + 1 < len(s.tokens)
            and s.tokens[i + 1].text[:1].isupper() and s.lower[i - 1] not in ("such", "well"))


def _apart(trigger: Trigger) -> bool:
    """Meeting words that name another meeting than the sentence's own, so never share a
    group: 'after a visit to Doha earlier this week' (reference), 'the one that took place
    in Paris end of January', 'comes three days after the Qatari PM and Barnea met'."""
    return trigger.kind == "reference" or trigger.word.lower() == "one" or trigger.passing


def _headline(s: Sentence) -> bool:
    """The article's first line when it reads as a headline (no closing full stop): its
    present tense ('Burns Travels to Egypt for Talks') does not say held or planned."""
    return s.index == 0 and not s.span.text.rstrip().endswith((".", '"', "\u201d"))


def _listed_after(doc: Doc, before: Item, place: Item) -> bool:
    """'in Qatar and Egypt', 'in Doha, Cairo and Paris': a place listed right after another
    meeting place shares its preposition. Leaves 'after the talks in Doha, Qatar's prime
    minister flew ...' (a possessive opens the next clause)."""
    return 0 < place.start - before.end <= 2 and all(
        t.lower_ in ("and", ",", "or") for t in doc[before.end:place.start]) and not (
        place.end < len(doc) and doc[place.end].lower_ in ("'s", "\u2019s"))


def _other_clause(doc: Doc, group: Group, trigger: Trigger) -> bool:
    """A ';' or a 'while'/'whereas' clause (or an 'as' clause with a named subject) between a
    group and a later meeting word with a place of its own: 'has arrived in Egypt ...; Israel
    says its negotiators will leave on Monday for the talks', 'set to send a delegation to
    Cairo ... while a Hamas delegation has left the Egyptian capital', 'Trump and Netanyahu to
    meet Tuesday as Witkoff heads to Israel'."""
    last = group.triggers[-1].position
    return any(doc[i].text == ";" or doc[i].lower_ in ("while", "whereas") or (
        doc[i].lower_ == "as" and doc[i + 1].text[:1].isupper()
        and doc[i - 1].lower_ not in ("such", "well")) for i in range(last + 1, trigger.position))


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


def _sent_to(senders: set[str], before: list[str]) -> bool:
    """'has authorized Barnea to travel to Qatar Friday', 'sent Burns to meet': someone was
    sent or allowed to go, so the meeting is still to come."""
    return bool(before) and before[-1] == "to" and any(w in senders | {"authorized",
                                                                      "authorised", "allowed"}
                                                        for w in before[:-1])


def _to_send(before: list[str]) -> bool:
    """'has approved sending a team to Doha', 'decided to send a delegation to Cairo': a
    delegation still to be sent (a gerund or an infinitive of sending up to four words before
    the meeting word). Leaves 'Israel sent a delegation to Cairo on Sunday' (it went)."""
    return any(w in ("sending", "dispatching") or (
        w in ("send", "dispatch") and before[k - 1:k] == ["to"]) for k, w in enumerate(before))


def _sent_to_go(senders: set[str], goes: set[str], words: list[str]) -> bool:
    """'instructed the delegation to leave for Cairo', 'ordered the negotiating team to travel
    to Doha': a sender, then within nine words 'to' and a verb of going or meeting. Leaves
    'instructed the army to expand the operation' and 'asked about the talks'."""
    for i, word in enumerate(words):
        if word in senders | {"authorized", "authorised", "allowed"}:
            after = words[i + 1:i + 11]
            if any(a == "to" and b in goes for a, b in zip(after, after[1:])):
                return True
    return False


CAPTIVE_NOUNS = {"hostages", "captives", "abductees", "detainees", "prisoners", "returnees"}


def _captives_move(lower: list[str], i: int) -> bool:
    """Freed hostages or prisoners who arrive, travel or meet ('the hostages arriving in the
    country and meeting officers', 'released prisoners arrived in Ramallah'): no talks. The
    captive noun is the word before the verb, or before 'who', 'and' ... 'and meeting'.
    Leaves 'hostage talks' and 'met the families of hostages'."""
    before = lower[max(0, i - 6):i]
    if before[-1:] and before[-1] in CAPTIVE_NOUNS:
        return True
    if before[-2:-1] and before[-2] in CAPTIVE_NOUNS and before[-1] in ("who", "were", "are",
                                                                    "have", "had"):
        return True
    if "and" not in before or not lower[i].endswith("ing"):
        return False
    listed = before[:before.index("and")]  # "the hostages arriving in Israel and meeting"
    return any(w in CAPTIVE_NOUNS for w in listed) and any(w.endswith("ing") for w in listed)


ATTACK_WORDS = {"attack", "strike", "airstrike", "struck", "bombing", "bombed", "explosion",
                "explosions", "targeted", "hit"}


def _under_attack(lower: list[str], i: int) -> bool:
    """Token i is in an 'as'/'while' clause (opened at most eight words before it) that
    follows an attack word (up to fifteen words before the opener): 'the attack happened as
    a negotiating team was discussing', 'struck ... as the group's top figures gathered'."""
    for j in range(i - 1, max(-1, i - 9), -1):
        if lower[j] in (",", ";", "."):
            return False
        if lower[j] in ("as", "while") and any(
                w in ATTACK_WORDS for w in lower[max(0, j - 15):j]):
            return True
    return False


def _talks_object(lower: list[str], i: int, nouns) -> bool:
    """A travel verb whose object is the talks ('would return negotiations to square one',
    'left the talks'): no trip. Leaves 'return to the talks', 'headed to Doha for talks'."""
    j = i + 1
    while j < len(lower) and lower[j] in DETERMINERS:
        j += 1
    return j < len(lower) and lower[j] in nouns


def _hedged_future(tokens) -> bool:
    """'Trump may announce a deal during his meeting with Netanyahu on Monday', 'the envoy
    might travel to Doha': 'may' or 'might' (in lower case, so not the month) before the
    meeting word. Leaves 'may have met', 'talks in May'."""
    words = [t.text for t in tokens]
    return any(w in ("may", "might") and words[i + 1:i + 2] != ["have"]
               for i, w in enumerate(words))


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


DEPARTURE_WORDS = {"left", "leaves", "leaving", "departed", "departs", "returned", "flew"}
TIME_UNITS = {"day", "days", "week", "weeks", "hours", "month", "months"}


def _days_after(lower: list[str], i: int) -> bool:
    """'comes three days after the Qatari PM and Barnea met', 'came a day after Al-Thani met
    in Paris': the meeting is an earlier one than the news. Leaves 'after talks in Cairo',
    'left Doha late last night, a day after holding talks there' (the talks just held) and
    'The day after meeting Witkoff, Al Thani flew to Vienna' (the main clause after the
    comma is the news)."""
    window = lower[max(0, i - 8):i]
    if any(w in DEPARTURE_WORDS for w in lower[:i]):
        return False
    return any(w == "after" and j > 0 and window[j - 1] in TIME_UNITS
               and "," not in window[j:] for j, w in enumerate(window))


def _before_trip(s: Sentence) -> bool:
    """'Ahead of his departure to Oslo, Barnea attended a meeting with the defence minister':
    a meeting before the trip, not the talks the trip is for."""
    return s.lower[:1] in (["ahead"], ["before"]) and any(
        w in TRIP_NOUNS or w in ("leaving", "flying", "traveling", "travelling", "heading")
        for w in s.lower[:6])


HOST_VERBS = {"host", "hosts", "hosted", "hosting"}
def _no_venue(word: str, previous: str) -> bool:
    """The two words before a place say it is no meeting place: 'According to Israel Hayom'
    (a source), 'who resides in Qatar' (where someone lives), 'US special envoy to the Middle
    East' (a title), 'Before his departure to the United States' (a trip)."""
    return (word == "to" and previous == "according") or (
        word == "in" and previous in RESIDENCE_WORDS) or (
        word in ("to", "for") and previous in TITLE_NOUNS) or (
        word == "to" and previous in TRIP_NOUNS)


RESIDENCE_WORDS = {"resides", "reside", "resided", "residing", "lives", "live", "lived",
                   "living", "based", "headquartered", "exiled"}  # "who resides in Qatar"
HOME_COUNTRIES = ("Israel", "United States")  # "returned to Israel": going home
PARTY_COUNTRIES = HOME_COUNTRIES + ("Iran",)  # "US discussions", "Iran talks": not a venue
HEAD_VERBS = {"head", "heads", "headed", "heading"}
HEAD_ON = {"to", "for", "back", "home", "toward", "towards", "into", "out", "off", "there", "by",
           "on", "again", "later", "first", "next", "this", "tomorrow", "today", "."}
SIT_VERBS = {"sit", "sits", "sat", "sitting"}  # "sat down with": a meeting
REACH_VERBS = {"reach", "reaches", "reached", "reaching"}  # "reached Cairo": an arrival


def _hosts(following: list[str]) -> bool:
    """A place that hosts: 'Warsaw will host ...', 'Cairo is also hosting separate talks',
    'Doha hosted'. Leaves 'Qatar, the host of ...'."""
    words = [w for w in following if w not in ("will", "is", "was", "also", "to", "set", "be")]
    return bool(words) and words[0] in HOST_VERBS


def _talks_noun(group: Group) -> bool:
    """A talks noun other than 'visit'/'trip' ('talks', 'meeting', 'summit')."""
    return any(t.kind == "noun" and t.word.lower() not in ("visit", "trip")
               for t in group.triggers)


# -- which groups are meetings: each rule names the phrases it takes -------------------------

def _meet_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'Burns met Barnea', 'met ... in Doha on Tuesday' (a negotiator with a second person or a
    place/day), 'X met Y in Cairo to discuss the truce', 'Negotiators met in Paris' (unnamed
    negotiators in a place, in an article about the talks), 'mediators met Hamas officials on
    Wednesday night and discussed a deal' (unnamed, a day, the topic), 'Trump meets Netanyahu
    at the White House' (two people of the actor table and a place, in an article about the
    talks), 'The two had met in Rome in May' (a place, in an article about the talks). Leaves
    'Biden met Macron', 'Herzog met Meloni in Rome' (someone the table does not know)."""
    if "meet" not in facts.kinds:
        return False
    dated = bool(facts.date) and day_precise(facts.date.text)
    return ((facts.negotiator and (facts.n_people >= 2 or facts.has_info))
            or (facts.topic and facts.has_info and facts.n_people >= 1)
            or (facts.pronoun_subject and bool(facts.location)
                and (facts.topic or facts.doc_topic))
            or (facts.doc_topic and bool(facts.location) and facts.n_people >= 2
                and all(name in finder.table.actors for name in facts.names)
                and not facts.kinds & {"travel", "arrive"})  # (the place is the meeting's)
            or bool((facts.location or (dated and facts.topic)) and (
                facts.topic or facts.doc_topic) and facts.unnamed))


def _noun_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'talks in Cairo on Sunday' on the truce or with a negotiator, 'the Doha talks' in an
    article about the talks, 'after a summit in the Italian capital' (a meeting named in
    passing, with its own place). Leaves 'talks' with neither place nor day, and 'before
    the talks' without a place."""
    named = "noun" in facts.kinds or ("reference" in facts.kinds and bool(facts.location))
    if not named or not facts.has_info:
        return False
    return facts.topic or facts.negotiator or bool(
        facts.location and facts.doc_topic and _talks_noun(group))


def _weak_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'spoke with X in Paris about the hostages', 'a Hamas delegation discussed ... a truce
    with Egyptian officials in Cairo': a place, people (named or not) and the topic or a
    negotiator. Leaves 'spoke on Sunday' (no place)."""
    return ("weak" in facts.kinds and bool(facts.location) and (facts.negotiator or facts.topic)
            and (facts.n_people >= 1 or facts.unnamed))


def _arrive_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'Burns arrived in Doha' (a negotiator, a place, about the talks); 'The Israeli
    delegation for the talks has arrived in Paris', 'the Hamas delegation arrived in Cairo on
    Tuesday evening' (an unnamed delegation, for the talks or in an article about them).
    Leaves 'arrived in Israel' of a non-negotiator."""
    return ("arrive" in facts.kinds and bool(facts.location)
            and (facts.negotiator or (facts.unnamed and facts.talks_in_sentence)
                 or _delegation_goes(facts))
            and (facts.topic or facts.doc_topic or "noun" in facts.kinds))


def _travel_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'will travel to Cairo for talks', 'flew to Doha to meet', 'will go to Doha on Sunday,
    and Burns will be there for the talks' (the talks of the sentence are where the negotiator
    goes on a given day); without a stated purpose, in an article about the talks, a
    negotiator's trip ('Witkoff will travel to Doha later this week') or an unnamed
    delegation's ('A team of Israeli officials will travel to Cairo in the coming hours').
    Leaves 'flew to Doha' of others, a leader's trip ('Witkoff traveled to London with
    President Trump', 'Blinken will head to Italy to join Biden at the G7'), and leaving ('Burns
    left Cairo on Thursday', 'the delegation has left Cairo and is on its way to Qatar': the
    talks are over, and that day is not theirs)."""
    if "travel" not in facts.kinds or not facts.location:
        return False
    about = facts.topic or facts.doc_topic
    leaving = {t.word.lower() for t in group.triggers if t.kind == "travel"} <= \
        finder.lex["departure"] or any(w in finder.lex["departure"]
                                      for w in s.lower[:max(group.positions) - s.start])
    if _delegation_goes(facts) and about and not leaving:
        return True
    return facts.negotiator and (finder._travel_for_talks(s, group) or (
        about and not leaving and all(map(finder.table.is_negotiator, facts.names))))


def _delegation_goes(facts: Facts) -> bool:
    """An unnamed delegation or team (a `delegation` word of the group, with the negotiators
    unnamed) that travels, arrives or is somewhere: 'A team of mid-ranking Israeli officials
    will travel to Cairo', 'Delegations from Israel and Hamas have been in the Gulf state'.
    Leaves named people (their own rules) and 'officials flew to Cairo' (no delegation)."""
    return "delegation" in facts.kinds and facts.unnamed


VISIT_VERBS = {"visit", "visits", "visited", "visiting"}


def _nearest_date(group: Group) -> Item | None:
    """The group's day nearest to its meeting words (a delegation word counting only when
    there is no other): 'In a statement on Friday, Hamas said it would send a delegation to
    Cairo on Saturday to continue discussions' is Saturday."""
    if not group.dates:
        return None
    positions = [t.position for t in group.triggers if t.kind != "delegation"] or \
        group.positions
    return min(group.dates, key=lambda d: min(_distance(d, p) for p in positions))


OTHER_EVENT_OPENERS = ("in the meantime", "meanwhile", "separately", "elsewhere",
                       "in a separate")
TEAM_SUBJECTS = (["the", "team"], ["the", "delegation"], ["the", "negotiators"],
                 ["the", "israeli", "team"], ["the", "israeli", "delegation"])


def _team_goes_on(s: Sentence, facts: Facts) -> bool:
    """'The team has been meeting with Burns, the Qatari prime minister and Kamel' right after
    the delegation's talks in Doha: a sentence that opens with the team named before and gives
    no place of its own tells more of that meeting (an anaphor adding its people)."""
    return not facts.location and not facts.date and any(
        s.lower[:len(subject)] == subject for subject in TEAM_SUBJECTS)


def _lone_visit(facts: Facts, group: Group) -> bool:
    """A visit with nobody to meet and no talks: 'killed Haniyeh in July while he was visiting
    Tehran'. Leaves 'Blinken visited Cairo for talks', 'visited Doha and met the emir'."""
    return all(t.word.lower() in VISIT_VERBS for t in group.triggers) and \
        facts.n_people < 2 and not facts.talks_in_sentence


def _placeless_politicians(facts: Facts) -> bool:
    """A meeting with no place whose named people are none of them negotiators or mediators
    ('In a meeting on Monday with Benny Gantz, US Vice President Kamala Harris ...'): politics,
    not the talks. Leaves 'Burns met Barnea on Monday' and unnamed negotiators."""
    return not facts.location and bool(facts.names) and not facts.negotiator


def _presence_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'McGurk was in Qatar and Egypt this week for talks', 'Representatives from Hamas,
    Qatar and the U.S. are in Cairo for the talks', 'the chief of the Mossad was in Cairo':
    a negotiator (or named negotiators of the talks) at a place, in an article about them.
    Leaves 'Netanyahu was in Washington'."""
    return ("presence" in facts.kinds and bool(facts.location)
            and (facts.negotiator or (facts.unnamed and (facts.talks_in_sentence or (
                facts.topic and facts.doc_topic))) or _delegation_goes(facts))
            and (facts.topic or facts.doc_topic))


def _delegation_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """A delegation sent to a place ('Hamas said it would send a delegation to Cairo on
    Saturday', 'Israel dispatched a team to Doha') or one at a place ('the Israeli delegation
    in Cairo had sought to extend the first phase', 'a Hamas delegation in Cairo reaffirmed'),
    in an article about the talks. Leaves 'the delegation' with no place, 'a delegation of
    Gaza's mayors' in an article about something else."""
    if "delegation" not in facts.kinds or not facts.location or not (
            facts.topic or facts.doc_topic):
        return False
    starts = {p.start for p in group.places}
    for t in group.triggers:
        if t.kind != "delegation":
            continue
        i = t.position - s.start
        sent_by = [j for j in range(max(0, i - 3), i)
                   if s.lower[j] in finder.lex["send_verb"] or s.lower[j] in LEAD_VERBS]
        if sent_by:  # (also "Barnea will lead the Israeli delegation to Doha"; not "will not
            return not _negated(s.lower, sent_by[0])  # send a delegation to Cairo")
        if s.lower[i + 1:i + 2] == ["in"] and (t.position + 2 in starts or (
                s.lower[i + 2:i + 3] == ["the"] and t.position + 3 in starts)):
            return True
        if _back_from(s.lower, i, {p - s.start for p in starts}):
            return True  # "after a delegation returned from Doha", "bring our team home
            # from Doha": the delegation was there for the talks
    return False


BACK_WORDS = {"returned", "returns", "return", "returning", "home", "back", "came"}


def _back_from(lower: list[str], i: int, starts: set[int]) -> bool:
    """'a delegation returned from Doha', 'bring our team home from Doha', 'the team is back
    from Cairo': a delegation word (token i), a word of coming back, 'from' and a place (token
    offsets `starts`), within five words. Leaves 'a delegation from Hamas' (no return)."""
    for j in range(i + 1, min(len(lower) - 1, i + 4)):
        if lower[j] in BACK_WORDS and lower[j + 1] == "from" and (
                j + 2 in starts or (lower[j + 2:j + 3] == ["the"] and j + 3 in starts)):
            return True
    return False


def _attack_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """A meeting struck while it was held: 'the attack occurred while its delegation was
    discussing a new ceasefire proposal', 'struck ... in Qatar on Tuesday as the group's top
    figures gathered to consider a US proposal' (its place: the sentence's, else the one the
    sentence before named). Leaves an attack with no meeting word after 'as'/'while'."""
    return bool(facts.location) and (facts.topic or facts.doc_topic) and any(
        _under_attack(s.lower, t.position - s.start) for t in group.triggers)


LEAD_VERBS = {"lead", "leads", "led", "leading"}

PRIMARY_RULES = (_meet_rule, _noun_rule, _weak_rule, _arrive_rule, _travel_rule,
                 _presence_rule, _delegation_rule, _attack_rule)


DISCUSS_WORDS = {"discuss", "discusses", "discussed", "discussing", "confer", "conferred"}


def _negotiators_discuss(facts: Facts) -> bool:
    """'Burns, Barnea and the Qatari prime minister are set to discuss a proposal' right after
    a meeting is named: two named negotiators who discuss are its people. Leaves 'Al Thani
    spoke with Rubio' (often a call) and one negotiator discussing."""
    return facts.n_negotiators >= 2 and bool(facts.words & DISCUSS_WORDS)


def _anaphoric(facts: Facts) -> bool:
    """A mention that refers back to the meeting named last: 'the meeting', 'the talks', 'they
    discussed', 'the delegation included X', 'X also took part'."""
    kinds = facts.kinds
    return bool("noun" in kinds or "meet" in kinds or "reference" in kinds
                or ("weak" in kinds and facts.pronoun_subject) or _negotiators_discuss(facts)
                or ("delegation" in kinds and facts.participation and facts.names)
                or ("join" in kinds and facts.n_people))


class MeetingFinder:
    def __init__(self, nlp: Language):
        from analysis.rules.places import load_gazetteer

        self.nlp = nlp
        self.table = load_actors()
        self.actors = ActorMatcher(nlp.vocab, self.table, nlp.make_doc)
        self.lex = {k: set(v) for k, v in load_lexicon().items()}
        self._strong_topic = _phrases_re(tuple(sorted(self.lex["strong_topic"])))
        self.lex["verbs"] = (self.lex["meet_verb"] | self.lex["weak_verb"] |
                             self.lex["travel_verb"] | self.lex["arrive_verb"])
        self.lex_lists = load_lexicon()
        self.terms_lex = load_deal_terms()
        self.gazetteer = load_gazetteer()
        self._place_heads = {alias.split()[0].lower() for alias in self.gazetteer.aliases}
        countries: dict[str, set[str]] = {}
        for actor in self.table.actors.values():  # office key -> the country of its holders
            for office, *_ in actor.tenures:
                countries.setdefault(office, set()).add(actor.country)
        self._office_country = {office: next(iter(c)) for office, c in countries.items()
                                if len(c) == 1}
        self.places = PhraseMatcher(nlp.vocab, attr="LOWER")
        for alias, name in self.gazetteer.aliases.items():
            self.places.add(name, [nlp.make_doc(alias)])
        self._terms_re = self._build_terms_regex()
        words = self.terms_lex
        self._deal_re = re.compile(r"\b(?:" + "|".join(map(re.escape, words["deal_context"]))
                                   + r")\b")
        self._proposal_re = re.compile(
            r"\b(?:" + "|".join(map(re.escape, words["proposal_context"])) + r")\b")
        self._term_hint = re.compile(r"\d|phase|stage|all\s|" + "|".join(
            map(re.escape, list(words["number_words"]) + words["truce_noun"])))

    # -- the component --

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # read once: Doc.text joins every token each time
        mentions = self.actors(doc, text)
        topic_words = self._strong_topic.findall(text.lower(), 0, 20000)
        state = DocState(doc, mentions, self._places(doc), self._dates(doc, text),
                         topic=len(topic_words) >= DOC_TOPIC_MIN)
        named = sorted({m["name"] for m in mentions if m["kind"] in ("name", "person")})
        places = sorted({p.text for p in state.places})
        meetings, terms = [], []
        for index, span in enumerate(self._segments(doc)):
            found = self._sentence(state, Sentence.of(span, index))
            state.previous_subject = next(
                (m for m in mentions if span.start <= m["start"] < span.end
                 and m["kind"] in ("name", "person")), None) or (
                state.previous_subject if doc[span.start].lower_ in ("he", "she") else None)
            # ("Burns arrived Friday. He has been the point person ... Since the talks began,
            # he has traveled to Paris": the same man)
            state.previous_sent = span
            state.previous_peg = self._peg(state, span)
            state.peg = state.previous_peg or state.peg
            for meeting in found:
                meeting["named_in_doc"] = named
                meeting["places_in_doc"] = places
            meetings.extend(found)
            terms.extend(self._terms(doc, span))
        doc._.meetings = meetings
        doc._.terms = terms
        return doc

    @staticmethod
    def _peg(state: DocState, span: Span) -> str:
        """The last day-precise date of a sentence (the day the news is about, for meetings
        the text does not date); a headline's is left out."""
        days = [d.text for d in state.dates if span.start <= d.start < span.end
                and day_precise(d.text)]
        headline = span.start == 0 and not span.text.rstrip().endswith((".", '"', "\u201d"))
        return days[-1] if days and not headline else ""

    @staticmethod
    def _segments(doc: Doc):
        """Sentences, also cut at paragraph breaks (captions and headlines often run into the
        first sentence)."""
        held = None  # a sentence cut after a title ("Maj. Gen. (ret.) | Nitzan Alon, ...")
        for sent in doc.sents:
            start = held if held is not None else sent.start
            held = None
            for token in doc[start:sent.end]:
                if token.is_space and "\n" in token.text:
                    if token.i > start:
                        yield doc[start:token.i]
                    start = token.i + 1
            if start < sent.end:
                piece = doc[start:sent.end]
                if TITLE_END.search(piece.text) and sent.end < len(doc):
                    held = start
                    continue
                if piece.text.strip():
                    yield piece
        if held is not None and doc[held:].text.strip():
            yield doc[held:]

    # -- candidates --

    def _places(self, doc: Doc) -> list[Item]:
        found = []
        for match_id, start, end in self.places(doc):
            if end < len(doc) and doc[end].text.istitle() and \
                    doc[end].lower_ in self.lex["outlet_word"]:
                continue  # "The Jerusalem Post", "the Tehran Times": a newspaper
            found.append(Item(start, end, doc.vocab.strings[match_id]))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out, last_end = [], -1
        for item in found:
            if item.start >= last_end:
                out.append(item)
                last_end = item.end
        return out

    def _dates(self, doc: Doc, text: str) -> list[Item]:
        """Date expressions: the date_finder's mentions when it ran (durations and "since the
        war" left out), else analysis.rules.dates.find_dates; report-date markers and datelines
        ("DOHA, Nov 9 (Reuters) -": when the report was filed) left out."""
        if Doc.has_extension("date_mentions") and isinstance(doc._.date_mentions, list):
            found = [(m["start_char"], m["end_char"], m["text"]) for m in doc._.date_mentions
                     if m.get("kind") in DATE_KINDS]
        else:
            from analysis.rules.dates import find_dates
            found = find_dates(text)
        out = []
        for start, end, date_text in found:
            if start < 40 and HEADER.match(text[:end]):
                continue  # the " date YYYY-MM-DD" marker is the report date, not a meeting day
            line_start = text[max(0, text.rfind("\n", 0, start) + 1):start]
            if DATELINE_AFTER.match(text, end) or DATELINE_BEFORE.search(line_start) or (
                    len(line_start) < 30 and DATELINE_AGENCY.match(text, end)) or (
                    DATELINE_LEAD.match(line_start) and DATELINE_DASH.match(text, end)):
                continue
            if OCTOBER_7.match(date_text.strip()):
                continue  # "hostages held by Hamas on October 7": the attack, not a meeting
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.append(Item(span.start, span.end, date_text))
        return out

    # -- one sentence --

    def _sentence(self, state: DocState, s: Sentence) -> list[dict]:
        """The meetings one sentence reports: its meeting words, grouped with their places
        and days, each group checked by the rules of PRIMARY_RULES (or kept as an anaphor)."""
        triggers = self._filter_triggers(s, self._find_triggers(s))
        if not triggers:
            return []
        breaks = [s.start + i for i, w in enumerate(s.lower) if w in self.lex["clause_break"]
                  or _as_clause(s, i)]
        people = self._sentence_people(state, s, triggers, breaks)
        places = self._sentence_places(state, s, triggers)
        dates = self._sentence_dates(state, s, triggers, breaks)
        verbs = {t.position: self._noun_verb(state.doc, t.position, s.end) for t in triggers
                 if t.kind == "noun" and t.position - s.start <= 2}  # (a subject: the talks'
        # own verb carries their place and day)
        groups = self._group(state.doc, triggers,
                             self._attach(state.doc, triggers, places, dates, verbs))
        frame = _framing_place(state, s)
        for group in groups:
            group.location = group.location or frame
        topic = any(w in self.lex["topic"] for w in s.lower)
        out = []
        for group in groups:
            if self._called_off(state.doc, s, group, groups):
                continue  # "a meeting ... that had been set for Sunday was postponed"
            if not topic and self._other_subject(s.lower, min(group.positions) - s.start):
                continue  # "visited Tehran for talks with Iranian officials on de-escalation"
            if not group.location and self._phone(s):
                continue  # "the last talks between them, on October 16, were a phone call"
            meeting = self._meeting(state, s, group, people, groups, topic)
            if meeting and out and _again(state.doc, group):
                meeting = _repeat(out[-1], meeting)
            if meeting:
                out.extend(self._per_place(state.doc, group, meeting))
        return out

    def _per_place(self, doc, group: Group, meeting: dict) -> list[dict]:
        """One meeting per place when the sentence lists two ('continue meetings in Qatar and
        Egypt', 'was in Qatar and Egypt this week for talks'). Leaves 'in Doha, Qatar' (one
        inside the other) and 'in Cairo or Doha' (one of them)."""
        places = sorted(group.places)
        if len(places) < 2:
            return [meeting]
        gapped = self._gapped(doc, places, sorted(group.dates))
        if gapped:  # each place with its own day, and its own country's people
            names = [place.text for place, _ in gapped]
            return [{**meeting, "location": place.text, "date_text": day.text,
                     "participants": self._people_of_place(meeting["participants"],
                                                           place.text, names),
                     "offices": self._people_of_place(meeting["offices"], place.text, names)}
                    for place, day in gapped]
        names = [places[0].text]
        for before, after in zip(places, places[1:]):
            between = [t.lower_ for t in doc[before.end:after.start]]
            if not between or not set(between) <= {"and", ","} or "and" not in between \
                    and len(places) < 3:
                return [meeting]
            if self.gazetteer.compatible(after.text, names[-1]):
                return [meeting]
            names.append(after.text)
        if len(names) < 2 or meeting["location"] not in names:
            return [meeting]
        return [{**meeting, "location": name,
                 "participants": self._people_of_place(meeting["participants"], name, names),
                 "offices": self._people_of_place(meeting["offices"], name, names)}
                for name in names]

    def _people_of_place(self, people: list[str], place: str, places: list[str]) -> list[str]:
        """'went to Doha and Jerusalem, and met the Qatari prime minister and Netanyahu': the
        people (names or office keys) at `place` leave out those whose country (actor table)
        is another of the listed `places` and not this one. Leaves people from elsewhere
        (Witkoff) at every place."""
        def country_of(name):
            actor = self.table.actors.get(name)
            return actor.country if actor is not None else self._office_country.get(name, "")

        def inside(country, where):
            return bool(country) and self.gazetteer.compatible(country, where) and \
                self.gazetteer.kind.get(self.gazetteer.canonical(country)) == "country"
        return [p for p in people if inside(country_of(p), place) or not any(
            inside(country_of(p), other) for other in places if other != place)]

    def _gapped(self, doc, places: list[Item], dates: list[Item]) -> list[tuple]:
        """'met Egyptian mediators in Cairo on Saturday and Qatari mediators in Doha on
        Sunday': two places, each with its own day, the second after 'and' with no meeting
        word of its own: (place, day) pairs, else []. Leaves 'in Doha on Monday and Tuesday'
        (one place) and 'in Doha, Qatar, on Monday'."""
        if len(places) != 2 or len(dates) != 2:
            return []
        pairs = list(zip(places, dates))
        if not all(0 <= day.start - place.end <= 2 for place, day in pairs):
            return []
        if dates[0].end > places[1].start or "and" not in [
                t.lower_ for t in doc[dates[0].end:places[1].start]]:
            return []
        if self.gazetteer.compatible(places[0].text, places[1].text):
            return []
        return pairs

    def _find_triggers(self, s: Sentence) -> list[Trigger]:
        """Meeting words of a sentence, with a cabinet/press-conference word blocking the
        weaker ones after it ("convened his war cabinet ... to review the negotiations")."""
        triggers, blocked = [], None
        for i in range(len(s.lower)):
            kind = self._trigger_kind(s, i)
            if not kind:
                continue
            if self._not_meeting(s.lower, i):
                if kind == "meet" and blocked is None:
                    blocked = i
                continue
            if blocked is not None and i > blocked and kind in ("noun", "weak", "delegation") \
                    and not any(w in self.lex["clause_break"] for w in s.lower[blocked:i]):
                continue  # (but "is due to meet his cabinet ... after a delegation returned
                # from Doha": the 'after' clause is another event)
            if kind == "noun":
                kind = self._reference_kind(s.lower, i)
            if _negated(s.lower, i) or (kind == "travel" and _onward(s.lower, i)):
                continue
            if kind in ("meet", "travel", "arrive", "noun") and self._wished(s, i):
                continue  # "has also expressed interest in visiting Washington soon"
            if self._appealed(s, i):
                continue  # "urging Israel and Hamas to resume talks in Doha or Cairo"
            if (kind in ("meet", "arrive", "travel", "presence") or s.lower[i].endswith("ing")) \
                    and _captives_move(s.lower, i):
                continue  # "photos of the hostages arriving in the country and meeting"
            triggers.append(Trigger(s.start + i, kind, s.tokens[i].text,
                                    _days_after(s.lower, i)))
        return triggers

    def _trigger_kind(self, s: Sentence, i: int) -> str | None:
        """The kind of meeting word token i is, or None. A verb used as a noun ('the head of
        the CIA', 'the return of the hostages') is none; 'the negotiating team' is none;
        'round', 'visit', 'trip' only as a round of talks or a visit to a place."""
        lex, lower, word = self.lex, s.lower, s.lower[i]
        nounish = word in lex["verbs"] and (s.tokens[i].pos_ in ("NOUN", "PROPN", "ADJ") or (
            i + 1 < len(lower) and lower[i + 1] == "of") or (i > 0 and lower[i - 1] in (
                DETERMINERS | {"upcoming", "latest", "recent", "short", "brief"})))
        if nounish and word not in lex["noun"]:
            return None
        if word in HEAD_VERBS and self._title_not_trip(s, i):
            return None
        special = self._phrase_kind(s, i)
        if special:
            return special
        if word in lex["receive_verb"] and not nounish and self._receives_person(s, i):
            return "meet"  # "Erdogan received Hamas leader Ismail Haniyeh in Istanbul"
        if word in lex["meet_verb"] and not nounish:
            if i > 0 and lower[i - 1] in ("helped", "help", "helps", "helping"):
                return None  # "who helped negotiate the January truce": a role
            return None if i + 1 < len(lower) and lower[i + 1] in lex["not_trigger_next"] \
                else "meet"
        if word in lex["noun"]:
            if word in ("round", "visit", "trip") and not self._round_like(s, i):
                return None
            if _phrase_in(" ".join(w for w in lower[max(0, i - 4):i] if w != "the"),
                          self.lex_lists["talks_source"]):
                return None  # "a source familiar with the talks", "briefed on the meeting"
            if any(w in lex["role_verb"] for w in lower[max(0, i - 2):i]):
                return None  # "the Qataris, facilitating discussions with Hamas in Doha"
            return "noun"
        if _the_one_that(lower, i):
            return "noun"  # "a similar meeting to the one that took place in Paris"
        if word in self.lex["under_attack_verb"] and _under_attack(lower, i):
            return "weak"  # "struck ... as the group's top figures gathered to consider"
        if _presence(lower, i):
            return "presence"  # "McGurk was in Qatar and Egypt this week for talks"
        for kind, key in (("weak", "weak_verb"), ("arrive", "arrive_verb"),
                          ("travel", "travel_verb"), ("delegation", "delegation")):
            if word in lex[key]:
                if kind == "travel" and _talks_object(lower, i, lex["noun"]):
                    return None  # "would return negotiations to square one"
                return kind
        if word in lex["join_verb"] or (word == "part" and i > 0 and lower[i - 1] in (
                "take", "takes", "took", "taking")) or (i > 0 and (
                    (word == "attendance" and lower[i - 1] == "in") or
                    (word == "present" and lower[i - 1] in ("was", "were", "also", "be")))):
            return "join"  # "Bar also took part", "Alon will join", "In attendance were X"
        return None

    def _title_not_trip(self, s: Sentence, i: int) -> bool:
        """'Shin Bet head Ronen Bar', 'Meshaal, who heads Hamas's diaspora office', 'Headed by
        Mossad chief David Barnea, the delegation ...' (its people go to the meeting word
        nearest them): a title, not a trip. Leaves 'heads to Doha', 'will head back'."""
        lower, word = s.lower, s.lower[i]
        if word in ("head", "heads") and _title_head(s, i):
            return True
        if lower[i + 1:i + 2] and lower[i + 1] not in HEAD_ON and \
                lower[i + 1] not in self._place_heads:
            return True
        return word == "headed" and lower[i + 1:i + 2] == ["by"]

    def _phrase_kind(self, s: Sentence, i: int) -> str:
        """Meeting words of two tokens or with a telling neighbour: 'reached Cairo' (arrive,
        not 'reach a deal'), 'sat down with', 'has been meeting with Burns' (a verb, not the
        noun), 're-engaged with Hamas leaders' (meet); else ''."""
        lower, word = s.lower, s.lower[i]
        if word in REACH_VERBS and lower[i + 1:i + 2] and s.tokens[i + 1].text[:1].isupper() \
                and lower[i + 1] in self._place_heads:
            return "arrive"
        if word in SIT_VERBS and lower[i + 1:i + 3] == ["down", "with"]:
            return "meet"
        if word == "meeting" and i > 0 and lower[i - 1] in ("been", "is", "are", "was", "were"):
            return "meet"
        if word in ("engage", "engaged", "engaging") and lower[max(0, i - 2):i] == ["re", "-"]:
            return "meet"
        return ""

    def _reference_kind(self, lower: list[str], i: int) -> str:
        """'before the Rome talks', 'ahead of the summit': a meeting named in passing
        (reference); but 'left Doha ... after holding talks there', 'returned to Israel on
        Sunday night after a summit in the Italian capital' are the talks just held. The state
        of the talks ('played down chances of a breakthrough in talks', 'progress in the
        negotiations': `talks_state` in the lexicon) is a reference too: a meeting only with a
        place of its own ('a breakthrough in the Cairo talks') or a clause of its own ('progress
        in the talks that were launched Monday')."""
        before = lower[max(0, i - 4):i]
        state = [w for w in before if w not in DETERMINERS and w not in ("of", "ongoing")]
        if state[-2:-1] and state[-1] == "in" and state[-2] in self.lex["talks_state"] and \
                not any(w in ("that", "which") for w in lower[i + 1:i + 3]):
            return "reference"  # (but "progress in the talks that were launched Monday")
        if not any(w in self.lex["temporal_preposition"] for w in before):
            return "noun"
        if any(w in ("after", "following") for w in before) and any(
                w in self.lex["departure"] or w in self.lex["return_verb"]
                for w in lower[max(0, i - 16):i]):
            return "noun"
        return "reference"

    def _filter_triggers(self, s: Sentence, triggers: list[Trigger]) -> list[Trigger]:
        """Speeches and phone calls are not meetings: 'Biden spoke at the White House ...,
        saying the deal ...' drops the 'spoke'; in a sentence about a call only the talks
        nouns ('talks', 'negotiations', 'summit') stay."""
        if not triggers:
            return []
        lex, lower = self.lex, s.lower
        if any(w in lex["speech_gerund"] for w in lower):
            triggers = [t for t in triggers if t.kind != "weak" or not any(
                w in lex["speech_gerund"] for w in lower[t.position - s.start:])]
        if self._phone(s):
            triggers = [t for t in triggers if t.kind in ("noun", "reference") and
                        lower[t.position - s.start] in ("talks", "negotiations", "summit")]
        return triggers

    def _phone(self, s: Sentence) -> bool:
        """A sentence about a call ('spoke by phone', 'a phone call', 'by video link')."""
        return bool(_phrase_in(s.text_lower, self.lex_lists["phone_context"])) or any(
            w in ("phone", "telephone", "phoned", "telephoned", "videoconference")
            for w in s.lower)

    def _sentence_people(self, state: DocState, s: Sentence, triggers, breaks) -> list[dict]:
        """People of the sentence who may take part: not speakers, senders or people spoken
        for (unless 'when the two met'), not in a 'since ...' clause; 'He met X' adds the
        person of the sentence before."""
        doc = state.doc
        together = bool(TOGETHER.search(s.text_lower))  # "Blinken told Herzog ..., when the
        # two met": the speaker is one of the two
        positions = [t.position for t in triggers if t.kind != "delegation"] or \
            [t.position for t in triggers]
        people = [m for m in state.mentions if s.has((m["start"],))
                  and (together or not self._excluded(doc, m, s.span))
                  and not self._after_break(doc, m, positions, breaks)]
        people += self._spy_chiefs_of(s)
        subject = self._pronoun_subject(state, s, triggers)
        if subject is not None and all(m["name"] != subject["name"] or m["start"] != subject[
                "start"] for m in people):
            people = [subject] + people
        return people

    def _sentence_places(self, state: DocState, s: Sentence, triggers) -> list[Item]:
        """Places of the sentence that can be where a meeting is ('in Doha', 'the Cairo
        talks'), near a meeting word or an anchor verb ('held', 'resumed'); a name or title in
        between counts as one word ("met Qatar's prime minister, Sheikh Mohammed ..., in
        Doha")."""
        anchors = [t.position for t in triggers] + [
            s.start + i for i, w in enumerate(s.lower) if w in self.lex["anchor"]
            and s.lower[i + 1:i + 2] != ["by"]]  # (not "hostages held by the militants")
        inside = {i for m in state.mentions if s.has((m["start"],))
                  for i in range(m["start"] + 1, m["end"])}
        out: list[Item] = []
        for place in (p for p in state.places if s.has(p)):
            listed = bool(out) and _listed_after(state.doc, out[-1], place)
            window = PLACE_WINDOW + (3 if listed else 0)
            if not (listed or self._place_ok(state.doc, place, s.span)):
                continue
            if min(_gap(state.doc, place, a, inside) for a in anchors) <= window or any(
                    _same_clause_after(state.doc, t.position, place) for t in triggers):
                out.append(place)
        return out

    def _sentence_dates(self, state: DocState, s: Sentence, triggers, breaks) -> list[Item]:
        """Days of the sentence that belong to a meeting: not 'said on Friday', not in
        another clause; a day beats a month before it ('JULY 2024 - ... met in Rome on July
        28'), not one after it ('on Friday, like the one in Paris at the end of January')."""
        speech = [s.start + i for i, w in enumerate(s.lower)
                  if w in self.lex["speech"] and w != "according"]
        dates = [d for d in state.dates if s.has(d)
                 and not self._speech_date(state.doc, d, s.span)
                 and not self._day_of_other_noun(state.doc, d, s)
                 and not _date_elsewhere(state.doc, d, triggers, speech, breaks)]
        precise = [d.start for d in dates if day_precise(d.text)]
        if precise:  # a month before the day is a section's ("JULY 2024 - ... on July 28")
            dates = [d for d in dates if day_precise(d.text) or d.start > min(precise)]
        return dates

    @staticmethod
    def _attach(doc, triggers, places, dates, verbs=None) -> dict[int, dict[str, list[Item]]]:
        """Each place and day goes to its nearest meeting word (same clause first, then
        distance, then the word before it); too far from all, to none (a talks noun reaches
        as far as its own verb: `verbs`, position -> the verb's)."""
        verbs = verbs or {}
        slots = {t.position: {"places": [], "dates": []} for t in triggers}
        hosts = [t for t in triggers if t.kind not in ("delegation", "join")] or triggers
        for item, key in [(p, "places") for p in places] + [(d, "dates") for d in dates]:
            # a meeting named in passing keeps only what its own phrase says ("Before the
            # Rome talks, Netanyahu addressed Congress on Wednesday": not the talks' day)
            eligible = [t for t in hosts if t.kind != "reference"
                        or not _crosses_clause(doc, item, t.position, ",")]
            if any(_purpose_noun(doc, t) for t in eligible):
                # "expected to meet Burns in Rome on Friday for hostage talks": the verb's
                eligible = [t for t in eligible if not (_purpose_noun(doc, t)
                                                        and item[0] < t.position)] or eligible
            if key == "places" and _where_follows(doc, item):
                # "arrived in Sharm el-Sheikh, where the negotiations are taking place": the
                # place is the arrival's; the talks of the 'where' clause are there too
                # (a meeting word far before it, in another clause, does not take it:
                # "talks in Doha on Monday, before travelling to Cairo where he was to meet")
                eligible = [t for t in eligible if t.position < item[0] and
                            item[0] - t.position <= PLACE_WINDOW] or eligible
            if key == "places" and _headed_place(doc, item, eligible):
                # "Bahbah's meetings with Hamas officials in Qatar and Witkoff's discussions
                # with Dermer in Washington": 'in Qatar' is the meetings', not the next word's
                eligible = [t for t in eligible if t.position < item[0]]
            if item[0] > 0 and doc[item[0] - 1].lower_ == "again":
                # "met ... on Monday and again on Tuesday with X present": the next meeting
                eligible = [t for t in eligible if t.position > item[0]] or eligible
            if not eligible:
                continue
            nearest = min(eligible, key=lambda t: (_subordinate_between(doc, item, t.position),
                                                   _crosses_clause(doc, item, t.position),
                                                   _distance(item, t.position),
                                                   0 if item[0] > t.position else 1))
            reach = min([_distance(item, nearest.position)] + [
                _distance(item, verbs[nearest.position]) + PARTICIPANT_WINDOW]
                if verbs.get(nearest.position) is not None else [_distance(
                    item, nearest.position)])
            beside = key == "dates" and any(0 <= item[0] - place.end <= 4
                                            for place in slots[nearest.position]["places"])
            if reach <= PARTICIPANT_WINDOW * 2 or beside:  # ("at the hotel in Sharm
                slots[nearest.position][key].append(item)  # el-Sheikh, Egypt, on Wednesday")
        return slots

    def _group(self, doc, triggers, slots) -> list[Group]:
        """Meeting words with a place or day of their own stay apart from those with another
        place or day; bare ones join the group just before them (within a window)."""
        groups: list[Group] = []
        first = 0  # groups before an 'after X met' clause take no later meeting word
        for trigger in triggers:
            slot = slots[trigger.position]
            place = slot["places"][0].text if slot["places"] else ""
            own_day = bool(slot["dates"])
            after = bool(groups) and _after_meeting(doc, groups[-1], trigger)
            if after:
                first = len(groups)
            if _apart(trigger) or after:
                group = None  # "after a visit to Doha earlier this week": another meeting
            elif place or own_day or not groups:
                group = next((g for g in groups[first:]
                              if self.gazetteer.compatible(g.location, place)
                              and not (own_day and g.dates)
                              and not any(map(_apart, g.triggers))
                              and not _other_clause(doc, g, trigger)), None)
            elif (trigger.position - groups[-1].triggers[-1].position <= PARTICIPANT_WINDOW
                  or _purpose_verb(doc, groups[-1], trigger)) \
                    and not any(map(_apart, groups[-1].triggers)):
                group = groups[-1]
            else:
                group = None  # far from the others: a bare mention of its own
            if group is None:
                group = Group()
                groups.append(group)
            group.triggers.append(trigger)
            group.places += slot["places"]
            group.dates += slot["dates"]
            group.location = self.gazetteer.more_specific(group.location, place)
        return groups

    def _called_off(self, doc, s: Sentence, group: Group, groups: list[Group]) -> bool:
        """'a meeting ... that had been set for Sunday was postponed': the words after the
        group's first meeting word (up to the next group) say it was called off; 'in lieu of
        a scheduled summit in Jordan': the words just before a talks noun of the group do."""
        first = min(group.positions)
        upto = min([s.end, first + 20] + [p for g in groups if g is not group
                                          for p in g.positions if p > first])
        return bool(_phrase_in(doc[first:upto].text.lower(), self.lex_lists["called_off"])) or \
            any(t.kind == "noun" and _phrase_in(
                doc[max(s.start, t.position - 5):t.position].text.lower(),
                ("in lieu of", "instead of")) for t in group.triggers)

    # -- one meeting --

    def _meeting(self, state: DocState, s: Sentence, group: Group, people, groups,
                 topic: bool) -> dict | None:
        """The mention dict of one group, or None when it is neither a meeting nor a mention
        of one."""
        near = _nearest_people(people, group, groups, state.doc)
        facts = self._facts(state, s, group, near, topic)
        primary = any(rule(self, facts, s, group) for rule in PRIMARY_RULES) and \
            not _placeless_politicians(facts) and not facts.region_trip and \
            not _lone_visit(facts, group) and not _team_goes_on(s, facts)
        if not primary:
            if not _anaphoric(facts):
                return None
            facts.names, facts.offices = self._anaphor_people(state.doc, s, group, facts)
        first = self._owner(group)
        planned = self._planned(state.doc, s, first) or self._planned(
            state.doc, s, min(group.positions)) or self._is_to(state.doc, s, group) or \
            self._headline_to(s, group)
        tense = "future" if planned else self._tense(s, group)
        planned = planned or _on_the_way(s, group)
        mention = {
            "kind": "primary" if primary else "anaphor",
            "trigger": " ".join(t.word for t in group.triggers),
            "date_text": facts.date.text if facts.date else "",
            "planned": planned,
            "tense": tense,
            "status": "planned" if planned else "held",
            "location": facts.location,
            "participants": facts.names,
            "offices": facts.offices,
            "earlier": self._earlier(s, group),
            "boundary": self._boundary(state.doc, s, first, facts.date),
            "joining": "join" in facts.kinds or any(w in self.lex["join_verb"] for w in s.lower),
            "negotiator": facts.negotiator,
            "sentence": s.span.text.strip(),
            "sentence_start": s.span.start_char,
            "sentence_end": s.span.end_char,
            "sentence_index": s.index,
            "plural_subject": facts.pronoun_subject,
            "same_people": bool(SAME_PEOPLE.search(s.text_lower)),
            "ongoing": "" if planned else _ongoing(s, group),
            "headline": _headline(s),
            "said_on": self._said_on(state, s),
            "day_before": state.previous_peg if s.lower[:1] in (["he"], ["she"], ["they"])
            else "",  # "Blinken on Monday starts his tour ... He will meet Sisi in Cairo first"
            "passing": any(map(_apart, group.triggers)),
            "days_before": self._days_before(s, group),
            "before_trip": _before_trip(s),
            "round_days": _round_days(s.text_lower),
            "separate": any(w in ("separate", "parallel") for p in group.positions
                            for w in s.lower[max(0, p - s.start - 2):p - s.start]),
            "after_clause": "meet" in facts.kinds and "after" in s.lower[
                max(0, first - s.start - 4):first - s.start],  # "after the mediators met X"

            "peg": state.peg,
        }
        near = near if primary else []
        mention.update(_quote(state.doc, group, facts, near))
        return mention

    def _facts(self, state: DocState, s: Sentence, group: Group, people, topic) -> Facts:
        names = list(dict.fromkeys(m["name"] for m in people if m["kind"] in ("name", "person")))
        offices = sorted({m["name"] for m in people if m["kind"] == "office"})
        location = group.location
        region_trip = bool(location) and self.gazetteer.kind.get(location) == "region" and (
            bool(group.kinds & {"travel", "arrive"}) or _trip_word(group))
        if region_trip:
            location = ""  # "flew to the Middle East": a tour, not the place of a meeting
        if not location:
            location = self._the_country(state, s, group)
        if not location and "there" in [t.lower_ for t in state.doc[min(group.positions):min(
                s.end, max(group.positions) + 12)]]:
            location = self._previous_place(state)  # "met X there": the place just named
        if not location and any(_under_attack(s.lower, p - s.start) for p in group.positions):
            location = self._struck_place(state, s)
        lists = self.lex_lists
        return Facts(
            kinds=group.kinds, names=names, offices=offices,
            negotiator=any(self.table.is_negotiator(n) for n in names)
            or any(o in NEGOTIATOR_OFFICES for o in offices),
            location=location, date=_nearest_date(group),
            topic=topic, doc_topic=state.topic,
            pronoun_subject=bool(_phrase_in(s.text_lower[:40], lists["anaphor_subject"])),
            participation=any(w in self.lex["participation"] for w in s.lower) or bool(
                _phrase_in(s.text_lower, [p for p in lists["participation"] if " " in p])),
            unnamed=bool(_phrase_in(s.text_lower, lists["negotiator_noun"])),
            talks_in_sentence=any(w in ("talks", "negotiations", "meeting") for w in s.lower),
            region_trip=region_trip,
            n_negotiators=sum(map(self.table.is_negotiator, names)) + sum(
                o in NEGOTIATOR_OFFICES for o in offices),
            words={t.word.lower() for t in group.triggers})

    def _anaphor_people(self, doc, s: Sentence, group: Group, facts: Facts):
        """Who an anaphoric mention adds to the meeting it refers to: 'X also took part' adds
        negotiators (and unknown people) only; 'before the Rome talks' and a bare 'the talks'
        add nobody; 'the delegation included X', 'talks held with X', 'they met X' add X."""
        kinds, names, offices = facts.kinds, facts.names, facts.offices
        if facts.region_trip:
            return [], []  # "Blinken flew to the Middle East ... to restart discussions"
        if s.text_lower.startswith(OTHER_EVENT_OPENERS):
            return [], []  # "In the meantime, Gallant held discussions with Halevi, ...":
            # another event, not more of the meeting just named
        held_noun = any(t.kind == "noun" and any(
            w.lower_ in ("held", "hold", "holds", "holding", "had", "having", "conducted",
                         "conducts", "conducting")
            for w in doc[max(s.start, t.position - 2):t.position]) for t in group.triggers)
        joining = facts.participation or held_noun or bool(kinds & {"travel", "arrive", "join"})
        if kinds <= {"join", "delegation"}:
            names = [n for n in names if self.table.is_negotiator(n)
                     or n not in self.table.actors]
            offices = [o for o in offices if o in NEGOTIATOR_OFFICES]
        if "reference" in kinds and not kinds & {"noun", "meet"}:
            return [], []
        if not (kinds & {"noun", "delegation", "join"} and joining) \
                and not facts.pronoun_subject and "meet" not in kinds \
                and not _negotiators_discuss(facts):
            return [], []  # (but "Burns, Barnea and Al Thani are set to discuss a proposal")
        return names, offices

    @staticmethod
    def _owner(group: Group) -> int:
        """The meeting word that carries the group's place or day (else its first)."""
        owners = [t.position for t in group.triggers
                  if any(_distance(p, t.position) <= PLACE_WINDOW for p in group.places)
                  or any(_distance(d, t.position) <= PLACE_WINDOW for d in group.dates)]
        return owners[0] if owners else min(group.positions)

    def _planned(self, doc, s: Sentence, first: int) -> bool:
        """Planned when a future word is near the meeting word ('will meet', 'is expected to',
        'due in Doha', 'in the coming days'), unless 'had' or 'previously' says it is past.
        'hopes', 'plans' ... only before 'to' ('hopes to meet', not 'Hopes rose after talks
        in Doha')."""
        window = [t.lower_ for t in doc[max(s.start, first - 10):min(s.end, first + 4)]]
        window += [t.lower_ for t in doc[min(s.end, first + 4):min(s.end, first + 7)]
                   if t.lower_ in ("will", "set", "scheduled", "expected", "due")]
        near = doc[max(s.start, first - 12):min(s.end, first + 12)].text.lower()
        planned = any(w in self.lex["planned"] and not (
            w in ("hopes", "aims", "plans", "intends") and window[k + 1:k + 2] != ["to"]
            and (w, window[k + 1:k + 2]) != ("plans", ["for"]))  # ("plans for a round")
            and window[k + 1:k + 2] not in (["not"], ["n't"])  # "would not point fingers"
            for k, w in enumerate(window)) or bool(
            _phrase_in(near, self.lex_lists["planned_phrase"])) or _sent_to(
                self.lex["sender"], [t.lower_ for t in doc[s.start:first]])
        planned = planned or _to_send([t.lower_ for t in doc[max(s.start, first - 4):first]])
        planned = planned or self._verb_planned(doc, s, first) or _sent_to_go(
            self.lex["sender"], self.lex["travel_verb"] | self.lex["meet_verb"],
            [t.lower_ for t in doc[s.start:min(s.end, first + 6)]]) or _hedged_future(
                doc[max(s.start, first - 10):min(s.end, first + 4)])
        return planned and not any(w in ("had", "previously") for w in window)

    def _headline_to(self, s: Sentence, group: Group) -> bool:
        """A headline's 'to' future: 'Israel to send delegation to Doha', 'Burns to travel to
        Cairo for talks', 'Witkoff to meet Netanyahu' ('to' and a verb of going, meeting or
        sending, at or before a meeting word). Leaves 'Delegation heads to Doha'."""
        if not _headline(s):
            return False
        verbs = self.lex["verbs"] | self.lex["send_verb"]
        last = max(group.positions) - s.start
        return any(w == "to" and s.lower[k + 1] in verbs and k > 0
                   and s.lower[k - 1] not in verbs for k, w in enumerate(s.lower[:last])
                   if k + 1 <= last)

    def _is_to(self, doc, s: Sentence, group: Group) -> bool:
        """'the delegation is to discuss technical details', 'Burns was to travel to Cairo': a
        two-word future (`planned` entries with a space) right before one of the group's
        meeting words. Leaves 'the aim is to reach a deal' (no meeting word after it)."""
        phrases = [p for p in self.lex_lists["planned"] if " " in p]
        return any(_phrase_in(" ".join(t.lower_ for t in doc[max(s.start, p - 3):p]
                                       if not t.is_quote), phrases) for p in group.positions)

    def _verb_planned(self, doc, s: Sentence, first: int) -> bool:
        """A talks noun whose verb comes later ("Negotiations to secure a hostage deal and Gaza
        ceasefire will resume in Doha on Wednesday"): a future word just before that verb
        (`_noun_verb`)."""
        j = self._noun_verb(doc, first, s.end, 12 if first - s.start > 2 else 24)
        return j is not None and any(t.lower_ in self.lex["planned"]
                                     for t in doc[max(first, j - 3):j])

    def _noun_verb(self, doc, first: int, end: int, reach: int = 24) -> int | None:
        """The verb of a talks noun ("Negotiations to reach an agreement ... between Israel
        and Hamas will resume this Sunday, in Cairo"): the first anchor or round-start word
        up to `reach` words on, before any comma, not a participle ('hostages held by');
        else None."""
        if doc[first].lower_ not in self.lex["noun"]:
            return None
        for j in range(first + 1, min(end, first + reach + 1)):
            word = doc[j].lower_
            if word in (",", ";", ":"):
                return None
            if (word in self.lex["anchor"] or word in self.lex["round_start"]) and not (
                    j + 1 < end and doc[j + 1].lower_ == "by"):
                return j
        return None

    @staticmethod
    def _earlier(s: Sentence, group: Group) -> bool:
        """An earlier meeting mentioned in passing: 'were previously in Qatar', 'had met',
        'an earlier meeting', 'already met' near the meeting word. Leaves 'Earlier, X told
        reporters that Barnea arrived ...' (the earlier is the telling)."""
        if "had met" in s.text_lower or any(_the_one_that(s.lower, p - s.start)
                                            for p in group.positions):
            return True
        if any(t.passing for t in group.triggers):
            return True  # "came a day after Al-Thani met in Paris with ..."
        if s.lower[:1] == ["since"] and any(s.lower[max(0, p - s.start - 2):p - s.start][-1:] in (
                ["has"], ["have"]) for p in group.positions):
            return True  # "Since the talks began in January, he has traveled to Paris, Cairo"
        for trigger in group.triggers:  # ("had recently arrived in Cairo": just now)
            markers = ("previously", "earlier", "already") + (
                () if trigger.kind in ("arrive", "delegation") else ("recently",))
            i = trigger.position - s.start
            window = s.lower[max(0, i - 6):i + 3]
            if any(w in markers for w in window) and not (
                    s.lower[:2] == ["earlier", ","] and "earlier" not in s.lower[2:]) and \
                    not any(_already_there(s.lower, j) for j in range(max(0, i - 6), i + 3)):
                return True
        return False

    def _tense(self, s: Sentence, group: Group) -> str:
        """'present' for a meeting word in the present tense ('meets with Netanyahu on
        Thursday', 'travels to Egypt on Tuesday', 'is traveling to Doha'): its weekday may be
        the coming one. Else 'past'. Leaves 'met', 'talks were held'."""
        for trigger in group.triggers:
            i = trigger.position - s.start
            word = s.lower[i]
            if trigger.kind in ("meet", "weak", "travel", "arrive") and (
                    word in PRESENT_VERBS or (word.endswith("ing") and i > 0
                                              and s.lower[i - 1] in ("is", "are"))):
                return "present"
        return "past"

    def _boundary(self, doc, s: Sentence, first: int, date: Item | None) -> str:
        """A day that opens ('talks began on Monday') or closes ('left Cairo on Thursday after
        three days of talks') a round of several days: start | end | ''."""
        if not date:
            return ""
        around = [t.lower_ for t in doc[max(s.start, first - 6):min(s.end, first + 6)]]
        words = [t.lower_ for t in doc[max(s.start, date.start - 4):date.start]] + around
        if any(w in self.lex["round_start"] for w in words):
            return "start"
        opener = [t.lower_ for t in doc[max(s.start, first - 4):first]]
        if "after" in opener:  # "after the mediators met Hamas on Wednesday": the meeting
            words = [w for w in words if w != "after"]  # of an 'after' clause ends nothing
        if any(w in self.lex["round_end"] for w in words):
            return "end"
        return ""

    # -- small rules --

    def _day_of_other_noun(self, doc, date: Item, s: Sentence) -> bool:
        """A weekday that qualifies another noun ("through the Friday conclusion of the
        trip", "the Sunday deadline"): not a meeting's day. Leaves "the Friday talks", "on
        Friday"."""
        if date.start <= s.start or date.end >= s.end or date.end - date.start != 1:
            return False
        before, after = doc[date.start - 1].lower_, doc[date.end]
        return before == "the" and after.is_alpha and after.text.islower() and \
            after.lower_ not in self.lex["noun"] and after.lower_ not in self.lex["verbs"]

    def _spy_chiefs_of(self, s: Sentence) -> list[dict]:
        """"the intelligence chiefs of Egypt, the United States, and Israel", "the US and
        Israeli spy chiefs": one office per country named (`country_spy_chief` in the
        lexicon: Egypt's intelligence chief, the CIA director, the Mossad director, ...).
        Leaves a singular "intelligence chief" (offices.csv reads it)."""
        lower = s.lower
        table = dict(pair.split(":") for pair in self.lex_lists["country_spy_chief"])
        out = []
        for i, word in enumerate(lower[:-1]):
            if word not in ("intelligence", "spy") or lower[i + 1] != "chiefs":
                continue
            if lower[i + 2:i + 3] == ["of"]:
                span = range(i + 3, min(len(lower), i + 14))
            else:  # "the US and Israeli spy chiefs": the country words right before
                start = i
                while start > 0 and (lower[start - 1] in ("and", ",", "states", "united")
                                     or lower[start - 1] in table):
                    start -= 1
                span = range(start, i)
            words = [lower[j] for j in span]
            text = " ".join(words).replace(" - ", "-")
            for country, office in table.items():
                if re.search(r"(?:^| )" + re.escape(country) + r"(?: |$)", text) and all(
                        o["name"] != office for o in out):
                    out.append({"name": office, "kind": "office", "start": s.start + i,
                                "end": s.start + i + 2})
        return out

    def _the_country(self, state: DocState, s: Sentence, group: Group) -> str:
        """'would discuss it with Israel's officials when he visits the country on Wednesday':
        'the country' right after a meeting word is the country the sentence named last
        before it. Leaves 'across the country', a sentence naming no country."""
        for position in group.positions:
            i = position - s.start
            if s.lower[i + 1:i + 3] == ["the", "country"] or s.lower[i + 1:i + 4] == [
                    "in", "the", "country"]:
                countries = [p.text for p in state.places if s.start <= p.start < position
                             and self.gazetteer.kind.get(p.text) == "country"]
                return countries[-1] if countries else ""
        return ""

    def _wished(self, s: Sentence, i: int) -> bool:
        """A visit or meeting someone wishes for, not one planned or held: "expressed interest
        in visiting Washington", "hopes to meet Sisi", "is considering a trip" (the `wish`
        phrases of meeting_lexicon.csv, up to four words before; "invited Netanyahu for a
        meeting", up to seven). Leaves "will visit", "is set to meet"."""
        before = " ".join(s.lower[max(0, i - 4):i])
        return bool(_phrase_in(before, self.lex_lists["wish"])) or any(
            w in ("invited", "invites", "inviting", "invite") for w in s.lower[max(0, i - 7):i])

    def _appealed(self, s: Sentence, i: int) -> bool:
        """Talks someone calls for, not held: "urging Israel and Hamas to resume talks",
        "called on both sides to return to the negotiating table in Cairo", "appealed to Hamas
        to send a delegation" (an `appeal` phrase, then 'to', up to eight words before),
        "calling for renewed negotiations" (a 'for' phrase right before). Leaves
        "urged Netanyahu to agree during their meeting" and "urged ... at talks in Doha"."""
        if i > 0 and s.lower[i - 1] in ("their", "his", "her", "during", "at"):
            return False
        before = s.lower[max(0, i - 8):i]
        for j in range(len(before)):
            phrase = _phrase_in(" ".join(before[j:j + 2]), self.lex_lists["appeal"])
            if phrase and not any(w in (",", ";", ".") for w in before[j:]) and (
                    "to" in before[j + 1:] or (phrase.endswith(" for") and len(before) - j <= 4)):
                return True  # (also "calling for renewed negotiations")
        return False

    def _round_like(self, s: Sentence, i: int) -> bool:
        """'round'/'visit'/'trip' only as 'round of talks', 'a round in Cairo', 'the Cairo
        round', 'the latest round', 'visit to Cairo' and the like (not 'trip to the region')."""
        lower, tokens = s.lower, s.tokens
        after = lower[i + 1:i + 4]
        if lower[i] == "round":
            if "of" in after[:1] and any(w in self.lex["noun"] for w in after):
                return True
            if after[:1] and after[0] in ("in", "at"):
                return True
            if after[:2] and after[0] in ("was", "were", "is", "will") and \
                    after[1] in self.lex["anchor"] | {"be"}:
                return True  # "a follow-up round was held in Cairo"
            before = tokens[i - 1] if i > 0 else None
            return before is not None and (before.lower_ in self.lex["round_modifier"] or (
                before.text[:1].isupper() and before.is_alpha and i - 1 > 0))
        if after[1:3] == ["the", "region"]:
            return False  # "on his fifth trip to the region since ...,": a tour, no venue
        return bool(after) and after[0] in ("to", "in")

    def _struck_place(self, state: DocState, s: Sentence) -> str:
        """Where a meeting under attack was: the last place the sentence names ("struck ...
        in Qatar on Tuesday as ..."), else the last the sentence before names ("an airstrike
        in Doha ... The attack occurred while its delegation was discussing ...")."""
        here = [p for p in state.places if s.has(p) and self._place_ok(state.doc, p, s.span)]
        return here[-1].text if here else self._previous_place(state)

    def _previous_place(self, state: DocState) -> str:
        """The last meeting place named in the sentence before ('met X there')."""
        before = state.previous_sent
        if before is None:
            return ""
        here = [p for p in state.places if before.start <= p.start < before.end
                and self._place_ok(state.doc, p, before)]
        return here[-1].text if here else ""

    def _other_subject(self, lower, i) -> bool:
        """The meeting word is followed by what was discussed, and that is not the hostage or
        truce talks ('talks with Iranian officials on regional de-escalation')."""
        for j in range(i + 1, min(len(lower), i + 12)):
            word = lower[j]
            nxt = lower[j + 1] if j + 1 < len(lower) else ""
            if word == "about" or (word == "on" and nxt.isalpha() and nxt not in DETERMINERS
                                   and nxt not in self.lex["weekday_words"]):
                return not any(w in self.lex["topic"] or w in self.lex["talks_subject"]
                               for w in lower[j + 1:j + 7])
            if word in (",", ";", "."):
                return False
        return False

    def _receives_person(self, s: Sentence, i: int) -> bool:
        """'received Hamas Political Bureau Chairman Ismail Haniya', 'received US envoy Steve
        Witkoff', 'was received by Sisi' (a passive): a person follows (a PERSON entity, or
        capitalised words and titles of which one is no organisation, nationality or title),
        not 'received a proposal', 'received Hamas's response', 'received the Qatari plan'."""
        ents = {t.i for t in s.span if t.ent_type_ == "PERSON"}
        first = i + 2 if s.lower[i + 1:i + 2] == ["by"] else _after_receive_adverbials(s, i + 1)
        named = office = False
        for j in range(first, min(len(s.tokens), first + 7)):
            token = s.tokens[j]
            if token.i in ents:
                return True
            if token.text[:1].isupper() and token.is_alpha:
                named = named or (token.lower_ not in self.lex["not_name"]
                                  and token.lower_ not in TITLE_WORDS)
            if token.lower_ in OFFICE_HEADS:
                office = True  # an office holder ("received the heads of the Mossad")
            elif not (token.text[:1].isupper() and token.is_alpha) and \
                    token.lower_ not in TITLE_WORDS | {"'s", "of", "-"}:
                return (named or office) and token.lower_ not in ("'s", "\u2019s")
        return named or office

    @staticmethod
    def _after_break(doc, mention, positions, breaks) -> bool:
        """A person in a clause that opens with 'since', 'after', 'because' ... and has no
        meeting word of its own ('the first round since Hamas leader Yahya Sinwar was killed')
        is not a participant (', is led by X': the clause has closed; ', including X' has
        not: 'while other officials, including Jake Sullivan, will meet families'); nor one
        before a closing clause that holds every meeting word ('Netanyahu is due to meet his
        cabinet after a delegation returned from Doha')."""
        if not positions:
            return False
        for brk in breaks:
            if min(positions) < brk < mention["start"] and not any(p > brk for p in positions) \
                    and not any(doc[i].text == "," and doc[i + 1].lower_ not in LIST_OPENERS
                                for i in range(brk, mention["start"])):
                return True
        return _before_closing_clause(doc, (mention["start"], mention["end"]), positions, breaks)

    def _pronoun_subject(self, state: DocState, s: Sentence, triggers):
        """'He met Netanyahu in Jerusalem on Saturday': he is the first person named in the
        sentence before; "... Sullivan's agenda when he meets with Netanyahu", "Witkoff said he
        will return to Doha on Wednesday": he is the person named last before the pronoun in
        the same sentence (also of a trip or an arrival)."""
        for trigger in triggers:
            i = trigger.position - s.start
            reach = 3 if trigger.kind == "meet" else 4  # "he held a meeting with X"
            held = trigger.kind == "noun" and any(
                w in ("held", "hold", "holds", "had") for w in s.lower[max(0, i - 2):i])
            his = trigger.kind in ("noun", "reference") and s.lower[i - 1:i] in (["his"], ["her"])
            pronouns = ("he", "she", "his", "her") if his else ("he", "she")
            if not (trigger.kind in ("meet", "travel", "arrive") or held or his) or not any(
                    w in pronouns for w in s.lower[max(0, i - reach):i]):
                continue  # ("Trump's plan, published after his meeting with Netanyahu")
            pronoun = s.start + max(j for j in range(max(0, i - reach), i)
                                    if s.lower[j] in pronouns)
            before = [m for m in state.mentions if s.start <= m["start"] < pronoun
                      and m["kind"] in ("name", "person")]
            if before:
                # placed at the pronoun, so that it goes to the pronoun's meeting ("Burns will
                # also attend, a source said after he met with Sisi in Cairo on Tuesday")
                return {**before[-1], "borrowed": True, "start": pronoun, "end": pronoun + 1}
            opening = s.lower[:pronoun - s.start]  # "On October 20, he held a meeting"
            if state.previous_subject is not None and (all(
                    w in ("on", ",", "in", "at", "late", "early") or w[:1].isdigit()
                    or w in self.lex["weekday_words"] for w in opening) or (
                    opening[:1] and opening[0] in OPENERS and opening[-1] == ","
                    and opening.count(",") == 1 and len(opening) >= 4)):  # "Since the talks
                # began, he has traveled" (not "After Cairo, he is set to travel to Qatar")
                return {**state.previous_subject, "borrowed": True, "start": pronoun,
                        "end": pronoun + 1}  # (at the pronoun: it goes to the pronoun's group)
        return None

    def _travel_for_talks(self, s: Sentence, group: Group) -> bool:
        """'will travel to Cairo on Thursday for talks', 'flew to Doha to meet', 'will travel
        to Doha next week to try to extend the truce', 'head to Jerusalem, where he entered a
        meeting': a meeting word (or a deal verb with the topic) follows the travel verb
        closely, in the same clause or its 'where' clause."""
        lower = s.lower
        for trigger in group.triggers:
            if trigger.kind != "travel":
                continue
            i = trigger.position - s.start
            for j in range(i + 1, min(len(lower), i + 12)):
                if lower[j] in (",", ";", ":") and lower[j + 1:j + 2] != ["where"]:
                    break  # (but "head to Jerusalem, where he entered a meeting with X")
                if (lower[j] in self.lex["noun"] or lower[j] in self.lex["meet_verb"]) and \
                        not self._not_meeting(lower, j):  # (not "to join Biden at the G7")
                    return True
                if lower[j] in DEAL_VERBS and any(
                        w in self.lex["topic"] for w in lower[j + 1:j + 8]):
                    return True
        return False

    def _not_meeting(self, lower, i) -> bool:
        """A cabinet, press conference, briefing, Knesset session ... near the word ('the war
        cabinet is due to meet', 'told a press conference in Doha')."""
        window = " ".join(lower[max(0, i - 4):i + 6])
        return bool(_phrase_in(window, self.lex_lists["not_meeting"]))

    def _excluded(self, doc, mention, sent) -> bool:
        """Speakers ('Netanyahu said'), senders ('Biden sent'), possessors ("Netanyahu's
        office"), sources ('indications from Biden', `source_noun`), the absent ('had been
        invited but declined') and people spoken for ('the Biden administration', 'envoy of
        President-elect Trump') are not participants."""
        after = [t.lower_ for t in doc[mention["end"]:min(sent.end, mention["end"] + 3)]]
        speech_or_send = self.lex["speech"] | self.lex["sender"]
        if after and after[0] in ("'s", "\u2019s", "'") and not any(
                w in self.lex["noun"] and w not in TRIP_WORDS for w in after[1:3]):
            return True  # (but "Bahbah's meetings with Hamas officials", "Witkoff's talks";
            # "ahead of Netanyahu's visit to the White House" stays out)
        if after and after[0] in speech_or_send or self._apposed_speaker(doc, mention, sent):
            return not self._says_he_met(doc, mention, sent)
        later = " ".join(t.lower_ for t in doc[mention["end"]:min(sent.end, mention["end"] + 4)])
        if _phrase_in(later, self.lex_lists["absent"]):
            return True
        if after and after[0] in self.lex["proxy"] and mention["kind"] != "office":
            return True
        if len(after) > 1 and after[0] in ("has", "had", "have") and after[1] in speech_or_send:
            return True
        begin = mention["start"]
        while begin - 1 >= sent.start and (doc[begin - 1].lower_.rstrip(".") in TITLE_WORDS
                                           or doc[begin - 1].lower_ in TITLE_EXTRA
                                           or doc[begin - 1].lower_ in self.lex["nationality"]
                                           or (doc[begin - 1].lower_ in self.lex["person_cue"]
                                               and doc[begin - 1].lower_ != "by")
                                           or doc[begin - 1].lower_ in ("top", "senior")
                                           or (begin < mention["start"]
                                               and doc[begin - 1].text[:1].isupper()
                                               and doc[begin - 1].is_alpha)):
            begin -= 1  # "the envoy of President-elect Donald Trump", "the office of Israeli
            # Prime Minister Benjamin Netanyahu", "the son of Hamas top negotiator X", "a deputy
            # of Shin Bet chief X" (capitalised words before a title already passed)
        before = [t.lower_ for t in doc[max(sent.start, begin - 3):begin]]
        if len(before) >= 2 and before[-1] == "by" and (
                before[-2] in self.lex["sender"] or before[-2] in self.lex["author_verb"]):
            return True  # "Burns, sent by President Joe Biden, will be arriving", "a
            # proposal presented by President Donald Trump"
        if len(before) >= 2 and before[-1] == "from" and before[-2] in self.lex["source_noun"]:
            return True  # "indications from US President Joe Biden that a deal was close"
        source = [t.lower_ for t in doc[max(sent.start, mention["start"] - 7):mention["start"]]]
        if "according" in source and "," not in source[source.index("according"):]:
            return True  # "according to senior Hamas figure Mahmoud Mardawi": a source
        ahead = [t.lower_ for t in doc[mention["end"]:min(sent.end, mention["end"] + 12)]]
        if before[-2:] and any(w in SPOKEN_ABOUT for w in before[-2:]) and not any(
                w in self.lex["verbs"] or w in self.lex["noun"] or _presence(ahead, j)
                for j, w in enumerate(ahead)):
            return True  # "where he said Prime Minister Netanyahu had accepted the proposal"
            # (but "said Mr Fidan had met Hamas officials": he is the one who met)
        return len(before) >= 2 and before[-1] in ("of", "for", "to", "the") and any(
            w in self.lex["proxy"] for w in before[:-1])

    def _apposed_speaker(self, doc, mention, sent) -> bool:
        """'Izzat al-Rishq, a member of Hamas' political bureau, confirmed that ...': a speaker
        behind an apposition (a comma, at most ten words without a meeting word, a comma,
        then a speech word). Leaves 'Barnea, the Mossad chief, met Burns'."""
        end = mention["end"]
        if end >= sent.end or doc[end].text != ",":
            return False
        for j in range(end + 1, min(sent.end - 1, end + 12)):
            word = doc[j].lower_
            if (word in self.lex["verbs"] or word in self.lex["noun"]) and \
                    word not in TITLE_WORDS:  # ("X, head of the political bureau, said")
                return False
            if word == ",":
                following = doc[j + 1].lower_
                return following in self.lex["speech"] or following in self.lex["sender"]
        return False

    def _says_he_met(self, doc, mention, sent) -> bool:
        """'The Qatari prime minister said his country has re-engaged with Hamas leaders in
        Doha', 'Burns said he met Kamel': a speaker who reports his own meeting (he, she,
        his/her country or government, then a meeting word within eight words) takes part.
        Leaves 'Netanyahu said the delegation would leave'."""
        words = [t.lower_ for t in doc[mention["end"] + 1:min(sent.end, mention["end"] + 10)]]
        if words[:1] == ["that"]:
            words = words[1:]
        if not words or words[0] not in ("he", "she", "his", "her"):
            return False
        return any(w in self.lex["verbs"] or w in ("engaged", "engaging") for w in words[1:9])

    def _place_ok(self, doc, place, sent) -> bool:
        """A place that can be where people met: 'in Doha', 'visited Tehran', 'the resort town
        of Sharm el-Sheikh', 'left Qatar', 'returned from Cairo', 'the Doha talks', 'departed
        for Doha', 'converging on Paris', 'the Doha-hosted talks'. Not 'Israel-Hamas war',
        "Qatar's prime minister", 'a press conference in Doha', 'returned to Israel' (going
        home), 'according to Israel Hayom' (a source)."""
        start, end = place[0], place[1]
        following = [t.lower_ for t in doc[end:min(sent.end, end + 3)]]
        if following[:1] == ["-"] and following[1:2] and following[1] in HOST_VERBS:
            return True  # "the Doha-hosted talks" (not "the Cairo-based", "Israel-Hamas")
        if following and following[0] in ("-", "'s", "\u2019s", "'"):
            return False
        if any(w in self.lex["speech"] and w != "according" for w in following[:2]):
            return False  # "the most read in Israel, reported" (not "in Doha, sources said",
            # "in Turkey, according to diplomatic sources")
        if following and following[0] in TRIP_WORDS and \
                self.gazetteer.kind.get(place.text) == "region":
            return False  # "Trump's Mideast trip": a tour of the region
        if following and following[0] in self.lex["place_modifier_head"]:
            return False  # "agreed to US proposals", "met US officials in Doha"
        if _hosts(following):
            return True  # "Warsaw will host Mossad chief David Barnea", "Cairo is also hosting"
        i = start - 1
        while i >= sent.start and doc[i].lower_ in ("the", "a", "an", "another"):
            i -= 1  # "in a European capital", "in another European capital"
        word = doc[i].lower_ if i >= sent.start else ""
        previous = doc[i - 1].lower_ if i - 1 >= sent.start else ""
        if word in self.lex["place_preposition"] and _phrase_in(
                " ".join(t.lower_ for t in doc[max(sent.start, i - 3):i]),
                self.lex_lists["not_meeting"]) and "sidelines" not in [
                    t.lower_ for t in doc[max(sent.start, i - 7):i]]:
            return False  # (but "met on the sidelines of a conference in Paris")
        if word in ("visit", "visits", "visited", "visiting", "hosted", "reached"):
            return not self._title_follows(doc, end, sent)
        if word == "of" and previous in self.lex["place_noun"]:
            return True
        if word in self.lex["place_noun"] or (word == "," and previous in self.lex["place_noun"]):
            return self._capital_named(doc, i if word != "," else i - 1, sent)
        if word == "on" and previous.startswith("converg"):
            return True  # "negotiators are converging on Paris"
        if word == "by" and previous in HOST_VERBS:
            return True  # "the quartet meeting hosted by Cairo", "talks hosted by Qatar"
        if word == "for" and previous in self.lex["departure_for"]:
            return True  # "departed for Doha", "will leave for Cairo" (not "left for good")
        if _no_venue(word, previous):
            return False
        if word in ("to", "home") and previous in self.lex["home_verb"] and \
                not self._back_for_talks(doc, end, sent) and \
                self._going_home(doc, place, end, sent, word, previous):
            return False
        if word in self.lex["place_preposition"] or word in self.lex["departure"]:
            return True
        if word == "from" and self._back_from_place(doc, i, sent, previous):
            return True
        if end + 1 < sent.end and doc[end].text.istitle() and doc[end + 1].lower_ in \
                self.lex["noun"]:
            return True  # "the Cairo Peace Summit"
        return end < sent.end and doc[end].lower_ in self.lex["noun"] and \
            self.gazetteer.canonical(place.text) not in PARTY_COUNTRIES
        # "the Doha talks", "leave Egypt talks"; not "direct US discussions with Hamas",
        # "hostage, Iran talks stall" (a party or a subject, not where they are)

    def _title_follows(self, doc, end: int, sent) -> bool:
        """'with visiting US National Security Adviser Jake Sullivan': a capitalised word (no
        weekday or month) right after the place makes it part of a title."""
        return end < sent.end and doc[end].text[:1].isupper() and doc[end].is_alpha and \
            doc[end].lower_ not in self.lex["weekday_words"]

    def _back_from_place(self, doc, i: int, sent, previous: str) -> bool:
        """'returned from Cairo', 'bring the team home from Doha', 'returned to Israel from
        Cairo on Friday': 'from' (token i) after a return word, 'home', or a return word up to
        five words before it."""
        return previous in self.lex["return_verb"] or previous == "home" or (
            any(t.lower_ in self.lex["return_verb"] for t in doc[max(sent.start, i - 5):i])
            and previous[:1].isalpha())

    def _capital_named(self, doc, j: int, sent) -> bool:
        """'to Qatar's capital Doha', 'in the Egyptian capital, Cairo': a place named after a
        place noun (token j) counts when a preposition comes up to five words before it."""
        return any(t.lower_ in self.lex["place_preposition"] or t.lower_ in
                   self.lex["departure"] for t in doc[max(sent.start, j - 5):j])

    def _said_on(self, state: DocState, s: Sentence) -> str:
        """The day the sentence says something was said ('Hamas said Wednesday that its team
        met ...'): a meeting it reports without a day was on or just before it."""
        said = [d.text for d in state.dates if s.has(d) and day_precise(d.text)
                and self._speech_date(state.doc, d, s.span)]
        return said[0] if said else ""

    def _days_before(self, s: Sentence, group: Group) -> int:
        """How many days before the news a meeting 'N days after' was: 'comes three days
        after the Qatari PM and Barnea met' -> 3, 'a day after' -> 1, 'a week after' -> 7;
        0 when the text does not say."""
        numbers = self.terms_lex["number_words"]
        for trigger in (t for t in group.triggers if t.passing):
            i = trigger.position - s.start
            window = s.lower[max(0, i - 10):i]
            for j in range(1, len(window)):
                if window[j] == "after" and window[j - 1] in TIME_UNITS and j >= 2:
                    word = window[j - 2]
                    count = 1 if word in ("a", "an", "one") else (
                        int(word) if word.isdigit() else numbers.get(word, 0))
                    unit = 7 if window[j - 1].startswith("week") else (
                        30 if window[j - 1].startswith("month") else 1)
                    return count * unit if window[j - 1] != "hours" else 0
        return 0

    def _going_home(self, doc, place, end: int, sent, word: str, previous: str) -> bool:
        """'returned to Israel', 'went back to Doha', 'returned to Doha after the Cairo talks',
        'flew home': a return home, not a trip to talks ('home', 'back', a place of the home
        countries `HOME_COUNTRIES`, or 'after'/'from' right after the place). Leaves 'will
        return to Doha on Wednesday', 'went to Cairo' (a trip to the mediators)."""
        if word == "home" or previous == "back" or any(
                self.gazetteer.canonical(place.text) == home
                or self.gazetteer.contains(home, place.text) for home in HOME_COUNTRIES):
            return True
        return any(t.lower_ in ("after", "from") for t in doc[end:min(sent.end, end + 4)])

    def _back_for_talks(self, doc, end: int, sent) -> bool:
        """'has returned to Cairo to continue discussing the ceasefire', 'went back to Doha for
        talks': a return with the talks as its purpose is a trip to them, not going home."""
        after = [t.lower_ for t in doc[end:min(sent.end, end + 4)]]
        return len(after) >= 2 and (
            (after[0] == "to" and after[1] in ("continue", "resume", "discuss", "attend",
                                               "hold", "join", "meet", "negotiate"))
            or (after[0] == "for" and any(w in self.lex["noun"] and w != "consultations"
                                          for w in after[1:])))  # (not "return to
        # Washington for consultations": called home)

    def _speech_date(self, doc, date, sent) -> bool:
        """'said on Friday' / 'on Friday said': the day of the saying; 'Friday, according to
        ...' is attribution and leaves the day to the meeting."""
        start, end = date[0], date[1]
        before = [t.lower_ for t in doc[max(sent.start, start - 3):start]]
        after = [t.lower_ for t in doc[end:min(sent.end, end + 2)]]
        speech = self.lex["speech"]
        return any(w in speech for w in before) or any(
            w in speech and w != "according" for w in after)

    # -- terms --

    def _build_terms_regex(self):
        lex = self.terms_lex
        numbers = sorted(lex["number_words"], key=len, reverse=True)
        number = r"(?P<num>\d{1,4}|" + "|".join(re.escape(n) for n in numbers) + r")"
        units = r"(?P<unit>days?|weeks?|months?)"
        truce = "|".join(re.escape(w) for w in lex["truce_noun"])
        hostages = "|".join(re.escape(w) for w in lex["hostage_noun"])
        prisoners = "|".join(re.escape(w) for w in lex["prisoner_noun"])
        ordinals = "|".join(re.escape(w) for w in lex["ordinals"])
        return {
            "truce_days": [
                re.compile(number + r"[- ]" + units.replace("s?", "") +
                           r"(?:[- ]long)?\s+(?:(?:humanitarian|initial|first|second|"
                           r"temporary|military|new|possible|extended)\s+){0,2}(?:"
                           + truce + r")\b", re.I),
                re.compile(r"\b(?:" + truce + r")\b[^.;]{0,40}?\blast(?:s|ing)?\s+(?:for\s+)?"
                           r"(?:about\s+)?" + number + r"\s+" + units, re.I),
            ],
            "phases": [re.compile(number + r"[- ](?:phase|stage)d?\b", re.I),
                       re.compile(r"\b(?P<ord>" + ordinals + r")\s+(?:phase|stage)\b", re.I)],
            "hostages": [re.compile(r"\b(?:release|freeing|free|return)\s+(?:of\s+)?(?:the\s+)?"
                                    r"(?:remaining\s+)?(?P<num>all|\d{1,4}|" + "|".join(numbers) +
                                    r")\s+(?:[\w-]+\s+){0,3}?(?:" + hostages + r")\b", re.I)],
            "prisoners": [re.compile(r"\b(?:release|releasing|freeing|free|exchange\s+for|for)\s+"
                                     r"(?:of\s+)?(?:up\s+to\s+|about\s+|some\s+)?"
                                     r"(?P<num>\d{1,4}|" + "|".join(numbers) + r")\s+"
                                     r"(?:[\w-]+\s+){0,2}?(?:" + prisoners + r")\b", re.I)],
        }

    def _number(self, text: str) -> int | str | None:
        text = text.lower()
        if text == "all":
            return "all"
        if text.isdigit():
            return int(text)
        return self.terms_lex["number_words"].get(text)

    def _terms(self, doc, sent) -> list[dict]:
        text = sent.text
        lower = text.lower()
        if not self._deal_re.search(lower) or not self._term_hint.search(lower):
            return []
        proposal = bool(self._proposal_re.search(lower))
        out, used = [], []
        for kind, patterns in self._terms_re.items():
            if kind in ("hostages", "prisoners") and not proposal:
                continue  # "Israel released 150 detainees" is an event, not a term
            for pattern in patterns:
                for match in pattern.finditer(text):
                    if any(s < match.end() and match.start() < e for s, e, k in used if k == kind):
                        continue
                    value = None
                    groups = match.groupdict()
                    if kind == "phases" and groups.get("ord"):
                        value = self.terms_lex["ordinals"].get(groups["ord"].lower()) or None
                    elif groups.get("num"):
                        value = self._number(groups["num"])
                        if kind == "truce_days" and isinstance(value, int):
                            unit = groups["unit"].lower().rstrip("s")
                            value *= self.terms_lex["unit_days"].get(unit, 1)
                    if value in (None, 0):
                        continue
                    used.append((match.start(), match.end(), kind))
                    start = sent.start_char + match.start()
                    out.append({"kind": kind, "value": value, "quote": match.group(0),
                                "start_char": start, "end_char": start + len(match.group(0)),
                                "sentence_start": sent.start_char,
                                "ordinal": bool(groups.get("ord"))})
        return out
