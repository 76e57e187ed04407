"""The small checks a meeting's places and days go through: places that are no venue, going
home, a day of another event, a person received (ChecksMixin, a part of MeetingFinder; the
checks on people are in people). Fed by base, geometry and cues; called from sentence and
meeting.
"""

from __future__ import annotations

import re

from analysis.rules.actors import TITLE_WORDS
from analysis.rules.dates import day_precise
from analysis.rules.doc_text import doc_lowers
from analysis.rules.meeting_mentions.base import (
    DEAL_VERBS,
    DETERMINERS,
    OFFICE_HEADS,
    DocState,
    Group,
    Item,
    Sentence,
    _phrase_in,
)
from analysis.rules.meeting_mentions.cues import (
    HOME_COUNTRIES,
    HOST_VERBS,
    PARTY_COUNTRIES,
    TIME_UNITS,
    _after_receive_adverbials,
    _for_consultations,
    _hosts,
    _no_venue,
)
from analysis.rules.meeting_mentions.geometry import (
    TRIP_WORDS,
)

# a day set off by commas or brackets after a name: "Netanyahu has, today (Sunday), instructed"
GAZA_SIDES = {"Hamas", "Palestinian Islamic Jihad", "mediator"}  # who makes talks these talks
RETURN_DAY_WORDS = {"on", "today", "tomorrow", "tonight", "later", "this", "next", "week",
                    "morning", "evening", "afternoon", "night"}  # a day after a return's place
WISH_FILLERS = {"this", "last", "week", "weekend", "month", "today", "also", "reportedly",
                "again", "now", "already"}  # time words inside a wish ("interest this week in")
OBJECT_DETERMINERS = {"a", "an", "the", "his", "her", "its", "their"}
OBJECT_STOPS = {"from", "of", "by", "to", "with", "on", "for", ",", "and"}


def _attributed(before: list[str]) -> bool:
    """A place inside an attribution ('according to diplomatic sources in Ankara', 'according
    to officials in Cairo'): where the source is, not where anyone met. 'according to' within
    the seven words before the place, no comma between. Leaves 'met in Istanbul, according to
    sources' (the place comes first)."""
    if "according" not in before:
        return False
    k = len(before) - 1 - before[::-1].index("according")
    return before[k + 1:k + 2] == ["to"] and "," not in before[k:]


def _delegation_object(words: list[str], delegation: set) -> bool:
    """A determiner, up to three words, then a delegation word: 'received a Hamas
    delegation', 'welcomed the Israeli negotiating team', 'received a delegation led by X'
    (people, so a meeting). Leaves 'received a proposal from the delegation' (the word is not
    the object) and 'received Hamas's response'."""
    if not words or words[0] not in OBJECT_DETERMINERS:
        return False
    for word in words[1:5]:
        if word in delegation:
            return True
        if word in OBJECT_STOPS:
            return False
    return False




class ChecksMixin:
    """Small checks on a meeting's people, places and days. (A part of MeetingFinder.)"""

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
        phrases of meeting_lexicon.csv, up to four words before, time words not counted:
        "showed interest this week in arranging a visit"; "invited Netanyahu for a meeting",
        up to seven). Leaves "will visit", "is set to meet"."""
        before = " ".join([w for w in s.lower[max(0, i - 8):i] if w not in WISH_FILLERS][-4:])
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

    def _other_front(self, state: DocState, s: Sentence) -> bool:
        """A sentence about another front and not this one: an `other_front` word (Russia,
        Putin, Ukraine, Azerbaijan, nuclear ...), no `gaza_front` word (Gaza, Hamas, hostages,
        truce ...) and nobody of Hamas or the mediators named: 'Witkoff also held talks with
        officials in Russia and Azerbaijan', 'a five-hour meeting with Russian President
        Vladimir Putin in Moscow'. Leaves 'a Hamas delegation met Bogdanov in Moscow', 'discuss
        the Iranian nuclear talks, and also met Witkoff to discuss a hostage deal', 'met
        Netanyahu to discuss the cease-fire in Lebanon' (Lebanon is no other front here)."""
        if not any(w in self.lex["other_front"] for w in s.lower) or any(
                w in self.lex["gaza_front"] for w in s.lower):
            return False
        return not any(self.table.side(m["name"]) in GAZA_SIDES for m in state.mentions
                       if s.has((m["start"],)) and m["kind"] in ("name", "office"))

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
        if _delegation_object(s.lower[first:first + 5], self.lex["delegation"]):
            return True  # "received a Hamas delegation led by al-Hayya in Doha"
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

    def _travel_for_talks(self, s: Sentence, group: Group) -> bool:
        """'will travel to Cairo on Thursday for talks', 'flew to Doha to meet', 'will travel
        to Doha next week to try to extend the truce', 'head to Jerusalem, where he entered a
        meeting': a meeting word (or a deal verb with the topic) follows the travel verb
        closely (a place counting as one word: 'flew into the Red Sea resort of Sharm
        el-Sheikh early on Wednesday for the talks'), in the same clause or its 'where'
        clause. A hyphen counts as no word ('for a new series of face-to-face
        discussions')."""
        lower = s.lower
        for trigger in group.triggers:
            if trigger.kind != "travel":
                continue
            i = trigger.position - s.start
            inside = {k - s.start for p in group.places + group.dates
                      for k in range(p.start + 1, p.end)}
            extra = sum(1 for k in range(i + 1, min(len(lower), i + 20))
                        if k in inside or lower[k] in ("the", "early", "late", "-"))
            for j in range(i + 1, min(len(lower), i + 12 + extra)):
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

    def _departure_for(self, lower: list[str], i: int, first: int) -> bool:
        """A departure verb before the 'for' at `i`, right before it or across a short object
        or day: 'departed for Doha', 'will leave for Cairo', 'would leave the US for Doha',
        'will leave Monday for Qatar', 'was departing Cairo for Doha', 'was slated to depart
        on Wednesday for Israel' (the place after 'for' is where they go). At most three
        words between, none a comma, 'to', 'for', 'from' or 'and'."""
        for k in range(i - 1, max(first, i - 5) - 1, -1):
            if lower[k] in self.lex["departure_for"]:
                return True
            if lower[k] in (",", ";", ":", "to", "for", "from", "and", "after", "before"):
                return False
        return False

    def _place_ok(self, doc, place, sent) -> bool:
        """A place that can be where people met: 'in Doha', 'visited Tehran', 'the resort town
        of Sharm el-Sheikh', 'left Qatar', 'returned from Cairo', 'the Doha talks', 'departed
        for Doha', 'converging on Paris', 'the Doha-hosted talks'. Not 'Israel-Hamas war',
        "Qatar's prime minister", 'a press conference in Doha', 'returned to Israel' (going
        home), 'according to Israel Hayom' (a source)."""
        start, end = place[0], place[1]
        verdict = self._said_after_place(place, doc_lowers(doc)[end:min(sent.end,
                                                                               end + 3)])
        if verdict is not None:
            return verdict
        if self._origin_of_arrival(doc, start, sent) or _attributed(doc_lowers(doc)[
                max(sent.start, start - 7):start]):
            return False
        i = start - 1
        while i >= sent.start and doc[i].lower_ in ("the", "a", "an", "another"):
            i -= 1  # "in a European capital", "in another European capital"
        word = doc[i].lower_ if i >= sent.start else ""
        previous = doc[i - 1].lower_ if i - 1 >= sent.start else ""
        if word != "from" and _for_consultations(doc_lowers(doc)[end:min(sent.end,
                                                                               end + 5)]):
            return False  # (but "bringing the team home from Doha for consultations")
        if word in self.lex["place_preposition"] and _phrase_in(
                " ".join(doc_lowers(doc)[max(sent.start, i - 3):i]),
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
        if word == "for" and self._departure_for(doc_lowers(doc), i, sent.start):
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

    def _said_after_place(self, place, following: list[str]) -> bool | None:
        """What the words right after a place say of it: a venue ('the Doha-hosted talks',
        'Warsaw will host', 'Cairo is also hosting'), no venue ("Qatar's prime minister",
        'Israel-Hamas', 'the most read in Israel, reported', "Trump's Mideast trip", 'US
        proposals'), or nothing (None). Leaves 'in Doha, sources said' and 'in Turkey,
        according to diplomatic sources' (attribution)."""
        if following[:1] == ["-"] and following[1:2] and following[1] in HOST_VERBS:
            return True
        if following and following[0] in ("-", "'s", "\u2019s", "'"):
            return False
        if any(w in self.lex["speech"] and w != "according" for w in following[:2]):
            return False
        if following and following[0] in TRIP_WORDS and \
                self.gazetteer.kind.get(place.text) == "region":
            return False
        if following and following[0] in self.lex["place_modifier_head"]:
            return False
        return True if _hosts(following) else None

    def _origin_of_arrival(self, doc, start: int, sent) -> bool:
        """'The delegation arrived from the movement's headquarters in Qatar', 'came from its
        base in Doha': a place inside the 'from' phrase of an arrival (a place noun, then
        'in'/'at' and the place, no other place between) is where they came from. Leaves
        'arrived from Doha in Cairo' (Cairo: another place before it in the phrase) and
        'arrived in Cairo from Doha'."""
        words = doc_lowers(doc)[max(sent.start, start - 10):start]
        if len(words) < 3 or words[-1] not in ("in", "at") or "from" not in words:
            return False
        j = len(words) - 1 - words[::-1].index("from")
        between = words[j + 1:-1]
        return j > 0 and words[j - 1] in self.lex["arrive_verb"] | {"came", "come", "comes"} \
            and bool(between) and not any(w in (",", "to", "in", "at", "and")
                                          or w in self.gazetteer.aliases for w in between)

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
        talks', 'returned to the White House on Tuesday for another private meeting' (a day
        between): a return with the talks as its purpose is a trip to them, not going home."""
        after = doc_lowers(doc)[end:min(sent.end, end + 8)]
        while after and (after[0] in RETURN_DAY_WORDS or after[0] in self.lex["weekday_words"]):
            after = after[1:]
        after = after[:4]
        return len(after) >= 2 and (
            (after[0] == "to" and after[1] in ("continue", "resume", "discuss", "attend",
                                               "hold", "join", "meet", "negotiate"))
            or (after[0] == "for" and any(w in self.lex["noun"] and w != "consultations"
                                          for w in after[1:])))  # (not "return to
        # Washington for consultations": called home)

    def _speech_date(self, doc, date, sent) -> bool:
        """'said on Friday' / 'on Friday said': the day of the saying; 'Friday, according to
        ...' is attribution and leaves the day to the meeting. A date in apposition to a
        weekday is that weekday ('disclosed on Wednesday, April 17, 2024, that negotiations
        ...': the saying's)."""
        start, end = date[0], date[1]
        if start >= sent.start + 2 and doc[start - 1].text == "," and \
                doc[start - 2].lower_ in self.lex["weekday_words"]:
            start -= 2
        before = doc_lowers(doc)[max(sent.start, start - 3):start]
        after = doc_lowers(doc)[end:min(sent.end, end + 2)]
        speech = self.lex["speech"]
        return any(w in speech for w in before) or any(
            w in speech and w != "according" for w in after)
