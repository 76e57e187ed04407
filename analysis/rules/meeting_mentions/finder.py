"""The spaCy-facing component: MeetingFinder reads an article sentence by sentence and writes
``doc._.meetings`` and ``doc._.terms``; here its set-up, the segments (sentences cut at
paragraph breaks) and the candidates (places from the gazetteer, date expressions). The
sentence, meeting, checks and terms mixins hold the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from analysis.rules.actors import ActorMatcher, load_actors
from analysis.rules.dates import day_precise
from analysis.rules.doc_text import doc_lowers, doc_text, span_text
from analysis.rules.meeting_mentions.base import (
    DATE_KINDS,
    DATELINE_AFTER,
    DATELINE_AGENCY,
    DATELINE_BEFORE,
    DATELINE_DASH,
    DATELINE_LEAD,
    DATELINE_PLACE_AFTER,
    DATELINE_PLACE_BEFORE,
    DOC_TOPIC_MIN,
    HEADER,
    OCTOBER_7,
    TITLE_END,
    DocState,
    Item,
    Sentence,
    _phrases_re,
    load_deal_terms,
    load_lexicon,
)
from analysis.rules.meeting_mentions.checks import ChecksMixin, _attributed
from analysis.rules.meeting_mentions.meeting import MeetingMixin
from analysis.rules.meeting_mentions.people import PeopleMixin
from analysis.rules.meeting_mentions.sentence import SentenceMixin
from analysis.rules.meeting_mentions.sightings import sightings
from analysis.rules.meeting_mentions.terms import TermsMixin
from analysis.rules.meeting_mentions.triggers import TriggerMixin

NEWLINE = re.compile("\n")
# a sentence about a crowd protesting: "demonstrated", "protesters", "a rally", "marched",
# "demanded a deal" (the places it names are the crowd's; not "March", the month)
PROTEST = re.compile(r"\b(?:protest(?:s|ed|ers|ors|ing)?|demonstrat(?:e|ed|es|ing|ion|ions|ors)|"
                     r"rall(?:y|ies|ied|ying)|march(?:ed|es|ing)|demand(?:ed|ing))\b",
                     re.IGNORECASE)


def _line_breaks(doc: Doc, text: str) -> list[int]:
    """The positions of the space tokens holding a line break, in order: the tokens the
    line breaks of `text` fall in, kept when they are space tokens (as a loop over every
    token would find them, without making a `Token` for each)."""
    if "\n" not in text:
        return []
    starts = doc.to_array(IDX).tolist()  # each token's first character
    found = {max(0, bisect_right(starts, m.start()) - 1) for m in NEWLINE.finditer(text)}
    return [i for i in sorted(found) if doc[i].is_space and "\n" in doc[i].text]


def _crowd_or_government(doc: Doc, item: Item) -> bool:
    """A city named as where a crowd protests or as its government, not as where anyone met:
    its possessive ("to secure Tel Aviv's approval of the deal", "Cairo's proposal") or a
    sentence about a protest ('Thousands demonstrated in Tel Aviv to demand a deal',
    'Thousands in Kaplan Square in central Tel Aviv demanded a hostage deal', 'a rally in
    Hostages Square in Tel Aviv'; `PROTEST`)."""
    lowers = doc_lowers(doc)
    if lowers[item.end:item.end + 1] in (["'s"], ["\u2019s"]):
        return True
    sent = doc[item.start].sent
    return PROTEST.search(span_text(sent)) is not None


def _body_places(doc: Doc, text: str, places: list[Item]) -> set[str]:
    """The places an article names outside its datelines ('TEL AVIV: ... arrived in Israel'
    names Israel, not Tel Aviv: the dateline is where the report was filed), for the
    assembly's country-to-city rule. A place named both in a dateline and in the body stays;
    a place of an attribution ('according to diplomatic sources in Ankara') is not named, nor
    one named as where a crowd protests or as a government (`_crowd_or_government`)."""
    found = set()
    lowers = doc_lowers(doc)
    for item in places:
        start = doc[item.start].idx
        end = doc[item.end - 1].idx + len(doc[item.end - 1])
        if _crowd_or_government(doc, item):
            continue
        if not (DATELINE_PLACE_BEFORE.search(text, max(0, start - 20), start)
                and DATELINE_PLACE_AFTER.match(text, end)) and not _attributed(
                    lowers[max(0, item.start - 7):item.start]):
            found.add(item.text)
    return found


class MeetingFinder(SentenceMixin, TriggerMixin, MeetingMixin, ChecksMixin, PeopleMixin,
                    TermsMixin):
    """The meeting rules as a spaCy component (see the package docstring)."""

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
        self._build_term_gates()

    # -- the component --

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # read once: Doc.text joins every token each time
        mentions = self.actors(doc, text)
        topic_words = self._strong_topic.findall(text.lower(), 0, 20000)
        state = DocState(doc, mentions, self._places(doc), self._dates(doc, text),
                         topic=len(topic_words) >= DOC_TOPIC_MIN)
        named = sorted({m["name"] for m in mentions if m["kind"] in ("name", "person")})
        places = sorted(_body_places(doc, text, state.places))
        meetings, terms, seen = [], [], []
        for index, span in enumerate(self._segments(doc)):
            found = self._sentence(state, Sentence.of(span, index))
            seen.extend(sightings(state, span, self.lex, self.gazetteer.kind,
                                  self.table.is_negotiator))
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
        for meeting in meetings:
            meeting["sightings_in_doc"] = seen
        doc._.meetings = meetings
        doc._.terms = terms
        return doc

    @staticmethod
    def _peg(state: DocState, span: Span) -> str:
        """The last day-precise date of a sentence (the day the news is about, for meetings
        the text does not date); a headline's is left out."""
        days = [d.text for d in state.dates if span.start <= d.start < span.end
                and day_precise(d.text)]
        headline = span.start == 0 and not span_text(span).rstrip().endswith(
            (".", '"', "\u201d"))
        return days[-1] if days and not headline else ""

    @staticmethod
    def _segments(doc: Doc):
        """Sentences, also cut at paragraph breaks (captions and headlines often run into the
        first sentence)."""
        text = doc_text(doc)  # (a span's text sliced from it: Span.text joins its tokens)
        breaks = _line_breaks(doc, text)
        held = None  # a sentence cut after a title ("Maj. Gen. (ret.) | Nitzan Alon, ...")
        for sent in doc.sents:
            start = held if held is not None else sent.start
            held = None
            for i in breaks[bisect_left(breaks, start):bisect_left(breaks, sent.end)]:
                if i > start:
                    yield doc[start:i]
                start = i + 1
            if start < sent.end:
                piece = doc[start:sent.end]
                piece_text = text[piece.start_char:piece.end_char]
                if TITLE_END.search(piece_text) and sent.end < len(doc):
                    held = start
                    continue
                if piece_text.strip():
                    yield piece
        if held is not None and text[doc[held].idx:].strip():
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
