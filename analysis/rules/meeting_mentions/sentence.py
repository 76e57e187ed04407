"""One sentence: its meeting words (found by triggers.TriggerMixin), people, places and days,
attached to each other and grouped into meetings (SentenceMixin, a part of MeetingFinder). Fed
by base, geometry and cues; feeds meeting.MeetingMixin.
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
    _negated,
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
    _where_follows,
)

NOUN_BEFORE = DETERMINERS | {"'s", "\u2019s", "planned", "scheduled", "expected", "upcoming"}


class SentenceMixin:
    """One sentence's meeting words, grouped with their people, places and days."""

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
                  and not self._after_break(doc, m, positions, breaks)
                  and not self._in_opening_clause(doc, m, positions, s.span)]
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
