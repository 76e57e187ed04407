"""spaCy component `meeting_finder`: meetings and the terms on the table, as plain dicts.

``doc._.meetings`` holds one dict per *mention* of a meeting or round of talks, sentence by
sentence; :func:`analysis.meetings.meetings_table` resolves their dates against the report date
and merges the mentions of one meeting into one row. Each dict:

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

import csv
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.actors import TITLE_WORDS, ActorMatcher, load_actors

if not Doc.has_extension("meetings"):
    Doc.set_extension("meetings", default=None)
if not Doc.has_extension("terms"):
    Doc.set_extension("terms", default=None)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PARTICIPANT_WINDOW = 12  # tokens around a trigger in which a day belongs to it
PLACE_WINDOW = 8  # tokens between a place and a trigger ("met ... in Jerusalem")
TITLE_EXTRA = {"president-elect", "elect", "-", "vice", "foreign", "deputy", "former", "late"}
DOC_TOPIC_MIN = 3  # hostage/truce words an article needs to count as about the negotiations
ROUND_SPAN_DAYS = 4  # "began on Monday" ... "left on Thursday": one round
NEGOTIATOR_OFFICES = {"cia_director", "mossad_director", "shin_bet_director",
                      "egypt_intelligence_chief", "qatar_prime_minister", "us_mideast_envoy",
                      "hamas_chief_negotiator", "us_hostage_envoy"}


# a sentence the parser ended after a title or rank abbreviation
TITLE_END = re.compile(r"(?:\((?:ret|res)\.\)|\b(?:Gen|Maj|Col|Lt|Brig|Adm|Dr|Sgt|Capt)\.)\s*$")
# the date of a dateline: "ROME, July 28 (Reuters) -", "PARIS, Jan 29 (AFP) -"
DATELINE_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&' ]{0,30}\)\s*[-\u2013\u2014]")
SAME_PEOPLE = re.compile(r"\bthe same (?:two|three|four|five|officials|men|leaders|negotiators"
                         r"|mediators|trio|pair|group)\b")
TOGETHER = re.compile(r"\b(?:the two|both)(?: men| leaders)? (?:met|talked|spoke)\b")
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these"}
CLAUSE_AFTER_COMMA = {"and", "but", "while", "as", "whereas"}
HEADER = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}$")
DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'\-]{2,40},\s*$")


@lru_cache(maxsize=1)
def load_lexicon(path: str | Path = DATA_DIR / "meeting_lexicon.csv") -> dict[str, list[str]]:
    """kind -> words/phrases (lower case) from a two-column CSV."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["kind"]: [w.strip().lower() for w in row["words"].split(";") if w.strip()]
                for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def load_terms_lexicon(path: str | Path = DATA_DIR / "terms_lexicon.csv") -> dict:
    lex = load_lexicon.__wrapped__(path)
    out = dict(lex)
    for key in ("unit_days", "number_words", "ordinals"):
        out[key] = {w.rsplit(":", 1)[0]: int(w.rsplit(":", 1)[1]) for w in lex[key]}
    return out


@Language.factory("meeting_finder")
def make_meeting_finder(nlp: Language, name: str):
    return MeetingFinder(nlp)


@lru_cache(maxsize=4096)
def _day_precise(text: str) -> bool:
    """Whether a date expression names a day ("July 28", "on Friday"), not a week or month."""
    try:
        from analysis.dates import resolve
        return resolve(text, _PRECISION_BASE).precision == "day"
    except Exception:  # the dates module is another issue's: treat as a day
        return True


_PRECISION_BASE = dt.date(2024, 6, 15)


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


class MeetingFinder:
    def __init__(self, nlp: Language):
        from analysis.meetings import load_gazetteer

        self.nlp = nlp
        self.table = load_actors()
        self.actors = ActorMatcher(nlp.vocab, self.table, nlp.make_doc)
        self.lex = {k: set(v) for k, v in load_lexicon().items()}
        self._strong_topic = _phrases_re(tuple(sorted(self.lex["strong_topic"])))
        self.lex["verbs"] = (self.lex["meet_verb"] | self.lex["weak_verb"] |
                             self.lex["travel_verb"] | self.lex["arrive_verb"])
        self.lex_lists = load_lexicon()
        self.terms_lex = load_terms_lexicon()
        self.gazetteer = load_gazetteer()
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
        text = doc.text  # read once: Doc.text joins every token each time
        try:
            mentions = self.actors(doc, text)
        except Exception:  # never let a bad article stop the pipeline
            mentions = []
        places = self._places(doc)
        dates = self._dates(doc, text)
        named = sorted({m["name"] for m in mentions if m["kind"] in ("name", "person")})
        topic_words = self._strong_topic.findall(text.lower(), 0, 20000)
        self._doc_topic = len(topic_words) >= DOC_TOPIC_MIN
        self._previous_subject = None
        self._previous_sent = None
        self._doc_places = places
        meetings, terms = [], []
        for index, sent in enumerate(self._segments(doc)):
            found = self._sentence(doc, sent, index, mentions, places, dates)
            first = next((m for m in mentions if sent.start <= m["start"] < sent.end
                          and m["kind"] in ("name", "person")), None)
            self._previous_subject = first
            self._previous_sent = sent
            for meeting in found:
                meeting["named_in_doc"] = named
            meetings.extend(found)
            terms.extend(self._terms(doc, sent))
        doc._.meetings = meetings
        doc._.terms = terms
        return doc

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

    def _places(self, doc: Doc) -> list[tuple[int, int, str]]:
        found = []
        for match_id, start, end in self.places(doc):
            found.append((start, end, doc.vocab.strings[match_id]))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out, last_end = [], -1
        for start, end, name in found:
            if start >= last_end:
                out.append((start, end, name))
                last_end = end
        return out

    def _dates(self, doc: Doc, text: str | None = None) -> list[tuple[int, int, str]]:
        """Date expressions: the date_finder's mentions when it ran (durations and "since the
        war" left out), else analysis.dates.find_dates."""
        found = None
        if Doc.has_extension("date_mentions") and isinstance(doc._.date_mentions, list):
            found = [(m["start_char"], m["end_char"], m["text"]) for m in doc._.date_mentions
                     if m.get("kind") not in ("duration", "since_war")]
        if found is None:
            try:
                from analysis.dates import find_dates
            except ImportError:  # the dates module is another issue's; degrade to no dates
                return []
            found = find_dates(doc.text if text is None else text)
        out = []
        full = (doc.text if text is None else text) if found else ""
        for start, end, text in found:
            if start < 40 and HEADER.match(full[:end]):
                continue  # the " date YYYY-MM-DD" marker is the report date, not a meeting day
            if DATELINE_AFTER.match(full, end) or DATELINE_BEFORE.search(
                    full[max(0, full.rfind("\n", 0, start) + 1):start]):
                continue  # "DOHA, Nov 9 (Reuters) -": when the report was filed
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, text))
        return out

    # -- one sentence --

    def _sentence(self, doc, sent, index, mentions, places, dates) -> list[dict]:
        lex = self.lex
        tokens = list(sent)
        lower = [t.lower_ for t in tokens]
        text_lower = sent.text.lower().replace("\u2019", "'")
        triggers = []
        blocked = None  # "convened his war cabinet ... to review the negotiations"
        for i, word in enumerate(lower):
            kind = None
            nounish = word in lex["verbs"] and (tokens[i].pos_ in ("NOUN", "PROPN", "ADJ") or (
                i + 1 < len(lower) and lower[i + 1] == "of"))
            if nounish and word not in lex["noun"]:
                continue  # "the head of the CIA", "the return of the hostages"
            if word in lex["receive_verb"] and not nounish and self._receives_person(
                    tokens, i, sent):
                kind = "meet"  # "Erdogan received Hamas leader Ismail Haniyeh in Istanbul"
            elif word in lex["meet_verb"] and not nounish:
                if i + 1 < len(lower) and lower[i + 1] in lex["not_trigger_next"]:
                    continue  # "the negotiating team", "a negotiated deal"
                kind = "meet"
            elif word in lex["noun"]:
                if word in ("round", "visit", "trip") and not self._round_like(tokens, lower, i):
                    continue
                kind = "noun"
            elif word in lex["weak_verb"]:
                kind = "weak"
            elif word in lex["arrive_verb"]:
                kind = "arrive"
            elif word in lex["travel_verb"]:
                kind = "travel"
            elif word in lex["delegation"]:
                kind = "delegation"
            elif word in lex["join_verb"] or (word == "part" and i > 0 and lower[i - 1] in (
                    "take", "takes", "took", "taking")):
                kind = "join"  # "Bar also took part", "Alon will join"
            if not kind:
                continue
            if self._not_meeting(lower, i):
                if kind == "meet" and blocked is None:
                    blocked = i
                continue
            if blocked is not None and i > blocked and kind in ("noun", "weak", "delegation"):
                continue
            if kind == "noun" and any(w in lex["temporal_preposition"]
                                      for w in lower[max(0, i - 4):i]):
                kind = "reference"  # "before the Rome talks", "ahead of the summit"
                if any(w in ("after", "following") for w in lower[max(0, i - 4):i]) and any(
                        w in lex["departure"] for w in lower[max(0, i - 12):i]):
                    kind = "noun"  # "left Doha ... after holding talks there": held there
            if i > 0 and lower[i - 1] in ("not", "n't", "never") or (
                    i > 1 and lower[i - 2] in ("not", "n't", "never") and
                    lower[i - 1] in ("attend", "join", "meet", "hold")):
                continue  # "Hamas did not attend the Doha sessions"
            triggers.append((sent.start + i, kind, tokens[i].text))
        if not triggers:
            return []
        if any(w in lex["speech_gerund"] for w in lower):
            # "Biden spoke at the White House ..., saying the deal ...": a speech
            triggers = [t for t in triggers if t[1] != "weak" or not any(
                w in lex["speech_gerund"] for w in lower[t[0] - sent.start:])]
            if not triggers:
                return []
        phone = bool(_phrase_in(text_lower, self.lex_lists["phone_context"])) or any(
            w in ("phone", "telephone", "phoned", "telephoned", "videoconference") for w in lower)
        topic = any(w in lex["topic"] for w in lower)
        if phone:
            triggers = [t for t in triggers if t[1] in ("noun", "reference") and
                        lower[t[0] - sent.start] in ("talks", "negotiations", "summit")]
            if not triggers:
                return []
        positions = [t[0] for t in triggers if t[1] != "delegation"]
        breaks = [sent.start + i for i, w in enumerate(lower) if w in lex["clause_break"]]
        self._doc = doc
        together = bool(TOGETHER.search(text_lower))  # "Blinken told Herzog ..., when the two
        # met": the speaker is one of the two
        people = [m for m in mentions if sent.start <= m["start"] < sent.end
                  and (together or not self._excluded(doc, m, sent))
                  and not self._after_break(m, positions or [t[0] for t in triggers], breaks)]
        subject = self._pronoun_subject(lower, triggers, sent)
        if subject is not None and all(m["name"] != subject["name"] for m in people):
            people = [subject] + people
        anchors = [t[0] for t in triggers] + [
            sent.start + i for i, w in enumerate(lower) if w in lex["anchor"]]
        # a name or title between a meeting word and its place counts as one word ("met
        # Qatar's prime minister, Sheikh Mohammed bin Abdulrahman al-Thani, in Doha")
        inside = {i for m in mentions if sent.start <= m["start"] < sent.end
                  for i in range(m["start"] + 1, m["end"])}
        self._doc = doc
        sent_places = [p for p in places if sent.start <= p[0] < sent.end
                       and self._place_ok(doc, p, sent)
                       and min(self._gap(p, a, inside) for a in anchors) <= PLACE_WINDOW]
        speech = [sent.start + i for i, w in enumerate(lower)
                  if w in lex["speech"] and w != "according"]
        self._doc = doc
        sent_dates = [d for d in dates if sent.start <= d[0] < sent.end
                      and not self._speech_date(doc, d, sent)
                      and not self._date_elsewhere(d, triggers, speech, breaks)]
        if len(sent_dates) > 1 and any(_day_precise(d[2]) for d in sent_dates):
            # "JULY 2024 - ... met in Rome on July 28": the day, not the section's month
            sent_dates = [d for d in sent_dates if _day_precise(d[2])]
        # attach each place and day to its nearest trigger
        slots = {t[0]: {"places": [], "dates": []} for t in triggers}
        hosts = [t for t in triggers if t[1] not in ("delegation", "join")] or triggers
        for item, key in [(p, "places") for p in sent_places] + [(d, "dates") for d in sent_dates]:
            nearest = min(hosts, key=lambda t: (self._crosses_clause(item, t[0]),
                                                   self._distance(item, t[0]),
                                                   0 if item[0] > t[0] else 1))
            if self._distance(item, nearest[0]) <= PARTICIPANT_WINDOW * 2:
                slots[nearest[0]][key].append(item)
        # group the triggers of this sentence: those with their own place/day stay apart
        groups: list[dict] = []
        for position, kind, word in triggers:
            slot = slots[position]
            place = slot["places"][0][2] if slot["places"] else ""
            own_day = slot["dates"][0][2] if slot["dates"] else ""
            if place or own_day or not groups:
                group = next((g for g in groups
                              if self.gazetteer.compatible(g["location"], place)
                              and not (own_day and g["dates"])), None)
            elif position - groups[-1]["triggers"][-1][0] <= PARTICIPANT_WINDOW:
                group = groups[-1]
            else:
                group = None  # far from the others: a bare mention of its own
            if group is None:
                group = {"triggers": [], "location": "", "places": [], "dates": []}
                groups.append(group)
            group["triggers"].append((position, kind, word))
            group["places"] += slot["places"]
            group["dates"] += slot["dates"]
            group["location"] = self.gazetteer.more_specific(group["location"], place)
        out = []
        for group in groups:
            first = min(t[0] for t in group["triggers"])
            upto = min([sent.end, first + 20] + [t[0] for g in groups if g is not group
                                                 for t in g["triggers"] if t[0] > first])
            if _phrase_in(doc[first:upto].text.lower(), self.lex_lists["called_off"]):
                continue  # "a meeting ... that had been set for Sunday was postponed"
            if not topic and self._other_subject(lower, first - sent.start):
                continue  # "visited Tehran for talks with Iranian officials on de-escalation"
            meeting = self._meeting(doc, sent, index, group, people, groups, topic)
            if meeting:
                out.append(meeting)
        return out

    def _meeting(self, doc, sent, index, group, people, groups, topic) -> dict | None:
        lex = self.lex
        positions = [t[0] for t in group["triggers"]]
        kinds = {t[1] for t in group["triggers"]}
        if len(groups) > 1:  # people go to the nearest group
            people = [m for m in people if min(
                groups, key=lambda g: min(abs(m["start"] - p[0]) for p in g["triggers"])) is group]
        names = []
        for m in people:
            if m["kind"] in ("name", "person") and m["name"] not in names:
                names.append(m["name"])
        offices = sorted({m["name"] for m in people if m["kind"] == "office"})
        negotiator = any(self.table.is_negotiator(n) for n in names) or any(
            o in NEGOTIATOR_OFFICES for o in offices)
        n_people = len(names) + len(offices)
        location = group["location"]
        if not location and "there" in [t.lower_ for t in doc[min(positions):min(
                sent.end, max(positions) + 12)]]:
            location = self._previous_place(doc)  # "met X there": the place just named
        date = group["dates"][0] if group["dates"] else None
        has_info = bool(location or date)
        lower = [t.lower_ for t in sent]
        text_lower = sent.text.lower().replace("\u2019", "'")
        pronoun_subject = bool(_phrase_in(text_lower[:40], self.lex_lists["anaphor_subject"]))
        participation = any(w in lex["participation"] for w in lower) or bool(
            _phrase_in(text_lower, [p for p in self.lex_lists["participation"] if " " in p]))
        doc_topic = getattr(self, "_doc_topic", False)
        unnamed = bool(_phrase_in(text_lower, self.lex_lists["negotiator_noun"]))
        primary = False
        if "meet" in kinds and ((negotiator and (n_people >= 2 or has_info))
                                or (topic and has_info and n_people >= 1)
                                or (location and (topic or doc_topic) and unnamed)):
            primary = True
        talks_noun = any(t[1] == "noun" and t[2].lower() not in ("visit", "trip")
                         for t in group["triggers"])
        if "noun" in kinds and has_info and (topic or negotiator or (
                location and doc_topic and talks_noun)):
            primary = True
        if "weak" in kinds and location and (negotiator or topic) and n_people >= 1:
            primary = True
        if "arrive" in kinds and location and negotiator and (topic or doc_topic
                                                                or "noun" in kinds):
            primary = True
        if "travel" in kinds and location and negotiator and self._travel_for_talks(
                sent, group, lower):
            primary = True
        if not primary:
            anaphoric = ("noun" in kinds or "meet" in kinds or "reference" in kinds or
                         (("weak" in kinds) and pronoun_subject) or
                         ("delegation" in kinds and participation and names) or
                         ("join" in kinds and n_people))
            if not anaphoric:
                return None
            held_noun = any(t[1] == "noun" and doc[max(sent.start, t[0] - 2):t[0]].text.lower()
                            .split()[-1:] and any(w.lower_ in ("held", "hold", "holds", "holding",
                                                               "had", "having")
                                                  for w in doc[max(sent.start, t[0] - 2):t[0]])
                            for t in group["triggers"])
            joining = participation or held_noun or bool(kinds & {"travel", "arrive", "join"})
            if kinds <= {"join", "delegation"}:  # "X also took part": negotiators only
                names = [n for n in names if self.table.is_negotiator(n)
                         or n not in self.table.actors]
                offices = [o for o in offices if o in NEGOTIATOR_OFFICES]
            if "reference" in kinds and not kinds & {"noun", "meet"}:
                names, offices = [], []  # "before the Rome talks": refers back, adds nobody
            elif not (kinds & {"noun", "delegation", "join"} and joining) \
                    and not pronoun_subject \
                    and "meet" not in kinds:
                names, offices = [], []  # bare "the talks": refers back, adds nobody
        # planned or held, read around the trigger that carries the place or day
        owners = [t[0] for t in group["triggers"]
                  if any(self._distance(p, t[0]) <= PLACE_WINDOW for p in group["places"])
                  or any(self._distance(d, t[0]) <= PLACE_WINDOW for d in group["dates"])]
        first = owners[0] if owners else min(positions)
        window = [t.lower_ for t in doc[max(sent.start, first - 10):min(sent.end, first + 4)]]
        near = doc[max(sent.start, first - 12):min(sent.end, first + 12)].text.lower()
        planned = any(w in lex["planned"] for w in window) or bool(
            _phrase_in(near, self.lex_lists["planned_phrase"]))
        if planned and any(w in ("had", "previously") for w in window):
            planned = False
        earlier = any(w in ("previously", "earlier", "already") for w in lower) or \
            "had met" in text_lower
        # a day that opens or closes a round of several days ("began on Monday", "left
        # Cairo on Thursday after three days of talks")
        around = [t.lower_ for t in doc[max(sent.start, first - 6):min(sent.end, first + 6)]]
        boundary = ""
        if date:
            dwin = [t.lower_ for t in doc[max(sent.start, date[0] - 4):date[0]]] + around
            if any(w in lex["round_start"] for w in dwin):
                boundary = "start"
            elif any(w in lex["round_end"] for w in dwin):
                boundary = "end"
        # quote: the stretch of the sentence from the first to the last thing we used
        pieces = positions + [p[0] for p in group["places"]] + [p[1] - 1 for p in group["places"]]
        if date:
            pieces += [date[0], date[1] - 1]
        if primary:
            for m in people:
                if m.get("borrowed"):
                    continue
                if m["kind"] in ("name", "person", "office") and (
                        m["name"] in names or m["name"] in offices):
                    pieces += [m["start"], m["end"] - 1]
        start_tok, end_tok = min(pieces), max(pieces) + 1
        quote_span = doc[start_tok:end_tok]
        return {
            "kind": "primary" if primary else "anaphor",
            "trigger": " ".join(t[2] for t in group["triggers"]),
            "date_text": date[2] if date else "",
            "planned": planned,
            "tense": "future" if planned else "past",
            "status": "planned" if planned else "held",
            "location": location,
            "participants": names,
            "offices": offices,
            "earlier": earlier,
            "boundary": boundary,
            "joining": "join" in kinds or any(w in lex["join_verb"] for w in lower),
            "negotiator": negotiator,
            "quote": quote_span.text,
            "start_char": quote_span.start_char,
            "end_char": quote_span.end_char,
            "sentence": sent.text.strip(),
            "sentence_start": sent.start_char,
            "sentence_end": sent.end_char,
            "sentence_index": index,
            "plural_subject": pronoun_subject,
            "same_people": bool(SAME_PEOPLE.search(text_lower)),
        }

    # -- small rules --

    def _round_like(self, tokens, lower, i) -> bool:
        """'round'/'visit'/'trip' only as 'round of talks', 'a round in Cairo', 'the Cairo
        round', 'the latest round', 'visit to Cairo' and the like."""
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
        return bool(after) and after[0] in ("to", "in")

    def _previous_place(self, doc) -> str:
        before = getattr(self, "_previous_sent", None)
        if before is None:
            return ""
        here = [p for p in self._doc_places if before.start <= p[0] < before.end
                and self._place_ok(doc, p, before)]
        return here[-1][2] if here else ""

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

    def _receives_person(self, tokens, i, sent) -> bool:
        """'received Hamas Political Bureau Chairman Ismail Haniya': a person (a capitalised
        name after at most a few title words) follows, not 'received a proposal'."""
        ents = {t.i for t in sent if t.ent_type_ == "PERSON"}
        for j in range(i + 1, min(len(tokens), i + 7)):
            token = tokens[j]
            if token.i in ents:
                return True
            if not (token.text[:1].isupper() or token.lower_ in ("the", "'s", "of")):
                return False
        return False

    def _after_break(self, mention, positions, breaks) -> bool:
        """A person in a clause that opens with 'since', 'after', 'because' ... and has no
        meeting word of its own ('the first round since Hamas leader Yahya Sinwar was killed')
        is not a participant."""
        if not positions:
            return False
        for brk in breaks:
            if min(positions) < brk < mention["start"] and not any(p > brk for p in positions) \
                    and not any(self._doc[i].text == "," for i in range(brk, mention["start"])):
                return True  # (", is led by X": the clause has closed)
        return False

    def _pronoun_subject(self, lower, triggers, sent):
        """'He met Netanyahu in Jerusalem on Saturday': he is the first person named in the
        sentence before."""
        previous = getattr(self, "_previous_subject", None)
        if previous is None or not lower or lower[0] not in ("he", "she"):
            return None
        if not any(t[1] == "meet" and t[0] - sent.start <= 3 for t in triggers):
            return None
        return {**previous, "borrowed": True}

    def _date_elsewhere(self, date, triggers, speech, breaks) -> bool:
        """A day that belongs to another clause: nearer to a speech verb than to any meeting
        word ('Earlier this month, X said ... that talks had been ...'), or after a clause
        break with no meeting word of its own ('met ... since a truce collapsed on Dec. 1')."""
        positions = [t[0] for t in triggers if t[1] != "delegation"]
        if not positions:
            return False
        nearest = min(self._distance(date, p) for p in positions)
        # an attribution after a comma (", a Palestinian source tells") leaves the day alone
        # nor does a clause of its own after the day ("on Wednesday that officials said")
        speech = [p for p in speech if p < date[0] or not (
            self._crosses_clause(date, p, ",") or any(
                self._doc[i].lower_ in ("that", "which") for i in range(date[1], p)))]
        if speech and min(self._distance(date, p) for p in speech) < nearest:
            return True
        before = date[0] - 1
        while before >= max(0, date[0] - 8) and self._doc[before].text not in (",", ";"):
            if self._doc[before].lower_ in ("who", "which", "whose"):
                return True  # "The official, who took over ... this month, had held talks"
            before -= 1
        for brk in breaks:
            if min(positions) < brk < date[0] and not any(brk < p <= date[0] + 6
                                                          for p in positions):
                return True
            if brk < date[0] < min(positions):
                # "After the truce collapsed on Dec. 1, Burns ... met in Warsaw": the day is
                # in the opening clause, closed by a comma before the meeting word
                comma = next((i for i in range(date[1], min(positions))
                              if self._doc[i].text in (",", ";")), None)
                if comma is not None and not any(brk < p < comma for p in positions):
                    return True
        return False

    def _travel_for_talks(self, sent, group, lower) -> bool:
        """'will travel to Cairo on Thursday for talks', 'flew to Doha to meet': a meeting
        word follows the travel verb closely, in the same clause."""
        for position, kind, _ in group["triggers"]:
            if kind != "travel":
                continue
            i = position - sent.start
            for j in range(i + 1, min(len(lower), i + 12)):
                if lower[j] in (",", ";", ":"):
                    break
                if lower[j] in self.lex["noun"] or lower[j] in self.lex["meet_verb"]:
                    return True
                if lower[j] in ("extend", "secure", "finalize", "finalise", "clinch",
                                "broker", "close") and any(
                        w in self.lex["topic"] for w in lower[j + 1:j + 8]):
                    return True  # "will travel to Doha next week to try to extend the truce"
        return False

    def _not_meeting(self, lower, i) -> bool:
        window = " ".join(lower[max(0, i - 2):i + 6])
        return bool(_phrase_in(window, self.lex_lists["not_meeting"]))

    def _excluded(self, doc, mention, sent) -> bool:
        """Speakers, senders, possessors and people spoken for are not participants."""
        after = [t.lower_ for t in doc[mention["end"]:min(sent.end, mention["end"] + 2)]]
        if after and after[0] in ("'s", "\u2019s", "'"):
            return True
        if after and after[0] in self.lex["speech"] | self.lex["sender"]:
            return True
        later = " ".join(t.lower_ for t in doc[mention["end"]:min(sent.end, mention["end"] + 4)])
        if _phrase_in(later, self.lex_lists["absent"]):
            return True  # "Netanyahu had been invited ... but declined"
        if after and after[0] in self.lex["proxy"] and mention["kind"] != "office":
            return True  # "the Biden administration", "Biden envoy Brett McGurk"
        if len(after) > 1 and after[0] in ("has", "had", "have") and after[1] in \
                self.lex["speech"] | self.lex["sender"]:
            return True
        begin = mention["start"]
        while begin - 1 >= sent.start and (doc[begin - 1].lower_.rstrip(".") in TITLE_WORDS
                                           or doc[begin - 1].lower_ in TITLE_EXTRA):
            begin -= 1  # "the envoy of President-elect Donald Trump"
        before = [t.lower_ for t in doc[max(sent.start, begin - 3):begin]]
        if len(before) >= 2 and before[-1] in ("of", "for", "to", "the") and any(
                w in self.lex["proxy"] for w in before[:-1]):
            return True
        return False

    def _place_ok(self, doc, place, sent) -> bool:
        start, end, _ = place
        following = [t.lower_ for t in doc[end:min(sent.end, end + 3)]]
        if following and following[0] in ("-", "'s", "\u2019s", "'"):
            return False  # "Israel-Hamas war", "Qatar's prime minister"
        if any(w in self.lex["speech"] for w in following):
            return False  # "the most read in Israel, reported"
        i = start - 1
        while i >= sent.start and doc[i].lower_ in ("the",):
            i -= 1
        word = doc[i].lower_ if i >= sent.start else ""
        previous = doc[i - 1].lower_ if i - 1 >= sent.start else ""
        if word in self.lex["place_preposition"] and _phrase_in(
                " ".join(t.lower_ for t in doc[max(sent.start, i - 3):i]),
                self.lex_lists["not_meeting"]):
            return False  # "a press conference in Doha", "the Knesset session in Jerusalem"
        if word in ("visit", "visits", "visited", "visiting", "hosted", "reached"):
            return True  # "visited Tehran"
        if word == "of" and previous in self.lex["place_noun"]:
            return True  # "the Egyptian resort town of Sharm el-Sheikh"
        if word in ("to", "home") and previous in self.lex["home_verb"]:
            return False  # "Barnea returned to Israel": going home, not where they met
        if word in self.lex["place_preposition"]:
            return True
        if word in self.lex["departure"]:
            return True  # "left Qatar after holding talks"
        if word == "from" and previous in self.lex["return_verb"]:
            return True  # "returned from Cairo"
        # "the Doha talks", "a Cairo summit", "the Cairo Peace Summit"
        if end + 1 < sent.end and doc[end].text.istitle() and doc[end + 1].lower_ in \
                self.lex["noun"]:
            return True
        return end < sent.end and doc[end].lower_ in self.lex["noun"]

    def _speech_date(self, doc, date, sent) -> bool:
        start, end, _ = date
        before = [t.lower_ for t in doc[max(sent.start, start - 3):start]]
        after = [t.lower_ for t in doc[end:min(sent.end, end + 2)]]
        speech = self.lex["speech"]
        # "said on Friday" / "on Friday said"; "Friday, according to ..." is attribution
        return any(w in speech for w in before) or any(
            w in speech and w != "according" for w in after)

    def _crosses_clause(self, item, position, marks=";") -> bool:
        """', and' or ';' between a place/day and a meeting word: another clause ("a round
        was held in Cairo on Feb. 13, and negotiators met again in Paris"); with marks=","
        any comma."""
        low, high = (position, item[0]) if position < item[0] else (item[1], position)
        doc = self._doc
        return any(doc[i].text in marks or (doc[i].text == "," and i + 1 < len(doc) and
                                            doc[i + 1].lower_ in CLAUSE_AFTER_COMMA)
                   for i in range(low, high))

    def _gap(self, item, position, inside) -> int:
        """Tokens between a place and a meeting word, a name counting as one."""
        distance = self._distance(item, position)
        if not inside or distance <= 1:
            return distance
        low, high = (position, item[0]) if position < item[0] else (item[1], position)
        doc = self._doc
        count = 0
        for i in range(low, high):
            if i in inside or doc[i].lower_ in ("the", ","):
                continue
            if i > low and doc[i].text.istitle() and doc[i - 1].text.istitle():
                continue  # "Hamas Political Bureau Chairman", "Dolmabahce Working Office"
            count += 1
        return count

    @staticmethod
    def _distance(item, position) -> int:
        start, end = item[0], item[1]
        if position < start:
            return start - position
        if position >= end:
            return position - end + 1
        return 0

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
