"""One sentence: its meeting words (triggers), people, places and days, attached to each
other and grouped into meetings (SentenceMixin, a part of MeetingFinder). Fed by base,
geometry and cues; feeds meeting.MeetingMixin.
"""

from __future__ import annotations

from analysis.rules.dates import day_precise
from analysis.rules.doc_text import doc_lowers, span_text
from analysis.rules.meeting_mentions.base import (
    DETERMINERS,
    PARTICIPANT_WINDOW,
    PLACE_WINDOW,
    TOGETHER,
    DocState,
    Group,
    Item,
    Sentence,
    Trigger,
    _phrase_in,
)
from analysis.rules.meeting_mentions.clauses import (
    _after_meeting,
    _again,
    _ahead_of,
    _apart,
    _as_clause,
    _listed_after,
    _meeting_opener,
    _new_subject,
    _other_clause,
    _purpose_verb,
    _repeat,
    _same_clause_after,
)
from analysis.rules.meeting_mentions.cues import (
    HEAD_ON,
    HEAD_VERBS,
    PRESENCE_WORDS,
    REACH_VERBS,
    SIT_VERBS,
    _captives_move,
    _days_after,
    _home_consultations,
    _long_process,
    _negated,
    _onward,
    _presence,
    _sat_with,
    _talks_object,
    _the_one_that,
    _under_attack,
)
from analysis.rules.meeting_mentions.geometry import (
    _across_after,
    _crosses_clause,
    _date_elsewhere,
    _distance,
    _framing_place,
    _gap,
    _headed_place,
    _in_opener,
    _next_trip_between,
    _purpose_noun,
    _subordinate_between,
    _title_head,
    _where_follows,
)

COINCIDE = {"parallel", "coinciding", "coincides", "coincided", "simultaneously"}  # a meeting
# named as the time of another: "parallel to Netanyahu's meeting with Trump"
NOUN_BEFORE = DETERMINERS | {"'s", "\u2019s", "planned", "scheduled", "expected", "upcoming"}


class SentenceMixin:
    """One sentence's meeting words, grouped with their people, places and days."""

    _candidates: frozenset[str] | None = None  # (`_trigger_candidates`, made at first use)

    # -- one sentence --

    def _sentence(self, state: DocState, s: Sentence) -> list[dict]:
        """The meetings one sentence reports: its meeting words, grouped with their places
        and days, each group checked by the rules of PRIMARY_RULES (or kept as an anaphor)."""
        triggers = self._filter_triggers(s, self._find_triggers(s))
        if not triggers:
            return []
        breaks = [s.start + i for i, w in enumerate(s.lower) if w in self.lex["clause_break"]
                  or (w == "as" and _as_clause(s, i)) or _ahead_of(s, i)]  # (only an "as"
        # opens a clause there)
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
            if self._other_front(state, s):
                continue  # "Witkoff also held talks with officials in Russia and Azerbaijan"
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
            between = doc_lowers(doc)[before.end:after.start]
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
        triggers, blocked, candidates = [], None, self._trigger_candidates()
        for i in [i for i, word in enumerate(s.lower) if word in candidates]:
            kind = self._trigger_kind(s, i)  # (no other word has a kind)
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
            if _negated(s.lower, i) or (kind == "travel" and _onward(s.lower, i)) or \
                    _home_consultations(s.lower, i) or _long_process(s.lower, i):
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

    def _trigger_candidates(self) -> frozenset[str]:
        """Every word `_trigger_kind` can give a kind to, from its branches in order (made
        once): `_find_triggers` asks it about these words only. A new branch there needs its
        words here (tests/test_rule_shortcuts.py checks every word of the bundled and
        development articles)."""
        if self._candidates is None:
            lex = self.lex
            self._candidates = frozenset().union(
                REACH_VERBS, SIT_VERBS, ("meeting", "engage", "engaged", "engaging"),  # phrases
                lex["receive_verb"], lex["meet_verb"], lex["noun"], ("one",),  # the one that
                lex["under_attack_verb"], PRESENCE_WORDS, lex["weak_verb"], lex["arrive_verb"],
                lex["travel_verb"], lex["delegation"], lex["join_verb"],
                ("part", "attendance", "present"))
        return self._candidates

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
        if word in SIT_VERBS and _sat_with(lower, i):
            return "meet"
        if word == "meeting" and i > 0 and lower[i - 1] in ("been", "is", "are", "was", "were"):
            return "meet"
        if word in ("engage", "engaged", "engaging") and lower[max(0, i - 2):i] == ["re", "-"]:
            return "meet"
        return ""

    def _reference_kind(self, lower: list[str], i: int) -> str:
        """'before the Rome talks', 'ahead of the summit', 'parallel to Netanyahu's meeting with
        Trump' (`COINCIDE`): a meeting named in passing (reference); but 'left Doha ... after
        holding talks there', 'returned to Israel on Sunday night after a summit in the
        Italian capital' are the talks just held. The state
        of the talks ('played down chances of a breakthrough in talks', 'progress in the
        negotiations': `talks_state` in the lexicon) is a reference too: a meeting only with a
        place of its own ('a breakthrough in the Cairo talks') or a clause of its own ('progress
        in the talks that were launched Monday')."""
        wide = lower[max(0, i - 10):i]
        if any(w in COINCIDE for w in wide) and "," not in wide[max(
                j for j, w in enumerate(wide) if w in COINCIDE):]:
            return "reference"  # "will take place parallel to Netanyahu's meeting with Trump"
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
                  and ((together and not self._told_press(doc, m, s.span))
                       or not self._excluded(doc, m, s.span))
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
                 and not _date_elsewhere(state.doc, d, triggers, speech, breaks)
                 and not self._cabinet_day(s, d) and not self._decision_day(s, d)]
        precise = [d.start for d in dates if day_precise(d.text)]
        if precise:  # a month before the day is a section's ("JULY 2024 - ... on July 28")
            dates = [d for d in dates if day_precise(d.text) or d.start > min(precise)]
        return dates

    def _cabinet_day(self, s: Sentence, date: Item) -> bool:
        """The day of a meeting that is none ('Follow-up meetings have been scheduled for
        this week and the war cabinet is due to meet today': the cabinet's day, not the
        follow-up meetings'): a verb of meeting within the three words before the day that a
        cabinet, briefing or press word blocks (`_not_meeting`)."""
        i = date.start - s.start
        return any(s.lower[j] in self.lex["meet_verb"] and self._not_meeting(s.lower, j)
                   for j in range(max(0, i - 3), i))

    def _decision_day(self, s: Sentence, date: Item) -> bool:
        """The day of a decision to send ('the war cabinet had agreed on Saturday to send a
        delegation to Qatar', 'approved Sunday to dispatch a team'): a deciding word (a
        `sender` word or 'agreed') within the two words before the day, 'to' and a sending
        verb right after it. Leaves 'will send a delegation on Saturday' (the sending's)."""
        i, end = date.start - s.start, date.end - s.start
        before = s.lower[max(0, i - 2):i]
        return any(w in self.lex["sender"] or w == "agreed" for w in before) and \
            s.lower[end:end + 1] == ["to"] and s.lower[end + 1:end + 2] != [] and \
            s.lower[end + 1] in self.lex["send_verb"]

    @staticmethod
    def _attach(doc, triggers, places, dates, verbs=None) -> dict[int, dict[str, list[Item]]]:
        """Each place and day goes to its nearest meeting word (same clause first, then
        distance, then the word before it); too far from all, to none (a talks noun reaches
        as far as its own verb: `verbs`, position -> the verb's)."""
        verbs = verbs or {}
        slots = {t.position: {"places": [], "dates": []} for t in triggers}
        hosts = [t for t in triggers if t.kind not in ("delegation", "join")] or triggers
        if hosts is not triggers:  # "Following Netanyahu's discussions in Washington, Israel
            # will dispatch a delegation to Qatar": a delegation after an opening clause that
            # holds every other meeting word takes the places and days of its own clause
            hosts = hosts + [t for t in triggers if t.kind == "delegation" and _in_opener(
                doc, [h.position for h in hosts], t.position)]
        for item, key in [(p, "places") for p in places] + [(d, "dates") for d in dates]:
            # a meeting named in passing keeps only what its own phrase says ("Before the
            # Rome talks, Netanyahu addressed Congress on Wednesday": not the talks' day)
            eligible = [t for t in hosts if t.kind != "reference"
                        or not _crosses_clause(doc, item, t.position, ",")]
            if any(_purpose_noun(doc, t) for t in eligible):
                # "expected to meet Burns in Rome on Friday for hostage talks": the verb's
                # (but not across "before traveling to Doha for discussions": the trip's)
                verbs_first = [t for t in eligible if not (_purpose_noun(doc, t)
                                                           and item[0] < t.position)]
                if not all(_next_trip_between(doc, t.position, item[0]) for t in verbs_first):
                    eligible = verbs_first or eligible
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
            eligible = [t for t in eligible if not _across_after(doc, item, t.position)] \
                if key == "places" else eligible
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
            if item[1] <= nearest.position and any(
                    doc[i].text == "," and doc[i + 1].lower_ == "but"
                    for i in range(item[1], nearest.position - 1)):
                continue  # "arranging a visit to Washington, but the timing depends on the
                # outcome of Dermer's talks": a clause before ', but' is not the talks'
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
                  or _purpose_verb(doc, groups[-1], trigger)
                  or _meeting_opener(doc, groups[-1], trigger)) \
                    and not any(map(_apart, groups[-1].triggers)) \
                    and not _new_subject(doc, groups[-1], trigger):
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
        called_off = self.lex_lists["called_off"]
        return bool(_phrase_in(span_text(doc[first:upto]).lower(), called_off)) or \
            any(t.kind == "noun" and _phrase_in(
                span_text(doc[max(s.start, t.position - 5):t.position]).lower(),
                ("in lieu of", "instead of")) for t in group.triggers) or \
            self._called_off_before(s, group) or self._unsent(s, group)

    def _called_off_before(self, s: Sentence, group: Group) -> bool:
        """'has cancelled Mossad chief David Barnea's planned trip to Qatar', 'scrapped a
        visit to Cairo': a called-off word up to eight words before the group's first meeting
        word, a noun, with no stop, comma or other meeting word between. Leaves 'after the
        postponed talks, Burns met Barnea in Rome' (a comma) and 'delayed ... before they met'
        (a verb)."""
        trigger = min(group.triggers, key=lambda t: t.position)
        first = trigger.position - s.start
        if trigger.kind not in ("noun", "reference") and (
                first == 0 or s.lower[first - 1] not in NOUN_BEFORE):
            return False  # (a verb: "postponed ... before they met")
        before = s.lower[max(0, first - 8):first]
        cut = max((j for j, w in enumerate(before) if w in (",", ".", ";", ":")
                   or w in self.lex["clause_break"]), default=-1)
        return bool(_phrase_in(" ".join(before[cut + 1:]), self.lex_lists["called_off"]))

    def _unsent(self, s: Sentence, group: Group) -> bool:
        """'Netanyahu refused to send a delegation to Cairo today to meet with Burns', 'Israel
        will not send negotiators to Doha', 'officials will not go to Qatar to restart
        negotiations': a negated sending or going (`_negated`) up to twelve words
        before the group's first meeting word, no comma or 'but' between: whatever the people
        sent were to do did not happen. Leaves 'sent a delegation to Cairo' and 'Israel did
        not send a team, but Burns met Kamel in Cairo'."""
        first = min(group.positions) - s.start
        going = self.lex["send_verb"] | self.lex["travel_verb"]  # ("will not go to Qatar to
        for j in range(max(0, first - 12), first):  # restart negotiations")
            if s.lower[j] in (",", ";", "but"):
                return False
            if s.lower[j] in going and _negated(s.lower, j):
                return not any(w in (",", ";", "but") for w in s.lower[j:first])
        return False
