"""The meeting rules' shared ground: constants, compiled patterns, the word lists
(meeting_lexicon.csv, deal_terms.csv through analysis.rules.lexicon) and the small records the
other modules pass around (Trigger, Item, DocState, Sentence, Group, Facts). Feeds every other
module of the package (terms reads its words through the finder: ``self.terms_lex``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span

from analysis.rules.doc_text import doc_lowers, doc_text
from analysis.rules.lexicon import NUMBER_WORDS, TENS_WORDS, word_lists
from analysis.rules.numbers import words_to_int

PARTICIPANT_WINDOW = 12  # tokens around a trigger in which a day belongs to it
PLACE_WINDOW = 8  # tokens between a place and a trigger ("met ... in Jerusalem")
PLACE_CLAUSE_WINDOW = 26  # ... or further on in the same clause ("discussed X with Y in Cairo")
CLAUSE_WORDS = {"which", "who", "that", "while", "after", "before", "since", "because", "as",
                "where", "when", "and", "but", "following"}
TITLE_EXTRA = {"president-elect", "elect", "-", "vice", "foreign", "deputy", "former", "late"}
DOC_TOPIC_MIN = 3  # hostage/truce words an article needs to count as about the negotiations
ROUND_SPAN_DAYS = 4  # "began on Monday" ... "left on Thursday": one round
NEGOTIATOR_OFFICES = {"cia_director", "mossad_director", "shin_bet_director",
                      "egypt_intelligence_chief", "qatar_prime_minister", "us_mideast_envoy",
                      "hamas_chief_negotiator", "us_hostage_envoy", "hamas_political_chief",
                      "turkey_intelligence_chief", "israel_chief_negotiator",
                      "white_house_mideast_coordinator"}


# a sentence the parser ended after a title or rank abbreviation
# ("Brig.-Gen. (", "Res.)": the sentencizer may also cut inside the bracket of "(Res.)")
TITLE_END = re.compile(r"(?:(?:\(|\b)(?:ret|res|Ret|Res)\.\)"
                       r"|\b(?:Gen|Maj|Col|Lt|Brig|Adm|Dr|Sgt|Capt)\.\s*\(?)\s*$")
# the date of a dateline: "ROME, July 28 (Reuters) -", "PARIS, Jan 29 (AFP) -"
DATELINE_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&' ]{0,30}\)\s*[-\u2013\u2014]")
SAME_PEOPLE = re.compile(r"\bthe same (?:two|three|four|five|officials|men|leaders|negotiators"
                         r"|mediators|trio|pair|group)\b")
TOGETHER = re.compile(r"\b(?:the two|both)(?: men| leaders)? (?:met|talked|spoke)\b")
# the side a delegation's word names ("the Hamas delegation", "an Israeli team")
DELEGATION_SIDES = {"hamas": "Hamas", "hamas'": "Hamas", "israeli": "Israel", "israel's": "Israel",
                    "us": "United States", "u.s.": "United States", "american": "United States",
                    "qatari": "Qatar", "egyptian": "Egypt", "turkish": "Turkey", "israel": "Israel",
                    "qatar": "Qatar", "egypt": "Egypt"}
SEND_WORDS = {"send", "sends", "sent", "sending", "dispatch", "dispatches", "dispatched"}
PRESENT_VERBS = {"meets", "travels", "visits", "heads", "arrives", "flies", "hosts", "goes",
                 "departs", "convenes", "holds", "discusses", "talks"}
SPOKEN_ABOUT = {"said", "says", "say", "added", "stated", "announced", "confirmed", "reported",
                "claimed", "noted", "stressed", "emphasized", "emphasised", "insisted",
                "warned", "saying", "adding", "noting", "stressing", "emphasizing",
                "emphasising", "insisting", "warning"}  # (not "told": "Blinken told Netanyahu"
# may be a meeting; "emphasizing that President Donald Trump remains committed": spoken of)
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
# a place that opens a paragraph as its dateline: "TEL AVIV: ...", "CAIRO (Agencies): ...",
# "DOHA, August 15. /TASS/. ...", "date 2024-12-15 Egypt - ..." (where the report was filed)
DATELINE_PLACE_BEFORE = re.compile(r"(?:^|\n)\s*(?:date \d{4}-\d{2}-\d{2}\s+)?$")
DATELINE_PLACE_AFTER = re.compile(r"\s*(?:\([^)\n]{0,30}\))?\s*"
                                  r"(?::|[-\u2013\u2014]\s|,\s*[A-Z][a-z]+\.?\s+\d)")
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
        """`tokens` is the span itself (indexed as a list; no `Token` made until one is read),
        `lower` a slice of the Doc's lower-case words, `text_lower` of the Doc's text."""
        doc = span.doc
        text = doc_text(doc)[span.start_char:span.end_char]
        return cls(span, index, span, doc_lowers(doc)[span.start:span.end],
                   text.lower().replace("\u2019", "'"))

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
