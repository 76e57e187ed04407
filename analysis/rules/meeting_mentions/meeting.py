"""One meeting: the facts of a group of meeting words, whether they report a meeting (the
rules of rules.PRIMARY_RULES) or refer back to one, held or planned, its tense and day
(MeetingMixin, a part of MeetingFinder). Fed by sentence; its checks are in checks.
"""

from __future__ import annotations

from analysis.rules.doc_text import doc_lowers, span_text
from analysis.rules.meeting_mentions.base import (
    DETERMINERS,
    NEGOTIATOR_OFFICES,
    PLACE_WINDOW,
    PRESENT_VERBS,
    SAME_PEOPLE,
    DocState,
    Facts,
    Group,
    Item,
    Sentence,
    _phrase_in,
)
from analysis.rules.meeting_mentions.clauses import (
    _apart,
    _came_after,
    _conditional,
    _headline,
    _past_perfect,
)
from analysis.rules.meeting_mentions.cues import (
    HOME_COUNTRIES,
    _already_there,
    _before_trip,
    _days_later,
    _hedged_future,
    _on_the_way,
    _ongoing,
    _sent_to,
    _sent_to_go,
    _the_one_that,
    _to_send,
    _under_attack,
    delegation_side,
    talks_discussed,
)
from analysis.rules.meeting_mentions.geometry import (
    _distance,
    _nearest_people,
    _quote,
    _round_days,
    _trip_word,
)
from analysis.rules.meeting_mentions.rules import (
    OTHER_EVENT_OPENERS,
    PRIMARY_RULES,
    _anaphoric,
    _lone_visit,
    _nearest_date,
    _negotiators_discuss,
    _placeless_politicians,
    _team_goes_on,
    _two_sides_on_a_day,
    also_meets,
)


def _leaders_only(finder, facts: Facts) -> bool:
    """A meeting the placeless-politicians veto let through only because its people are the
    leaders of two sides of the talks on a given day (`rules._two_sides_on_a_day`): no place,
    no negotiator. 'At the start of his meeting with Prime Minister Benjamin Netanyahu on
    Monday, U.S. President Donald Trump ...'."""
    return not facts.location and bool(facts.names) and not facts.negotiator and \
        _two_sides_on_a_day(finder, facts)


def _mention_place(primary: bool, group: Group, facts: Facts) -> str:
    """The place a mention gives its meeting. A meeting named in passing with no time of its
    own keeps its place ("remarks made during his visit to Washington" does not place the
    mediators' meeting planned for Friday); "their meeting in Vienna in late November" (a time
    of its own) keeps it for the assembly, which makes it a meeting of its own."""
    if not primary and group.kinds == {"reference"} and not facts.date:
        return ""
    return facts.location


PAST_OPENERS = {"after", "following"}


def _opener_end(doc, s: Sentence, first: int) -> int:
    """Where the words that may make meeting word `first` planned end: the comma of an
    opening 'After/Following ...,' clause that holds it ('Following Netanyahu's discussions in
    Washington, Israel will dispatch a team to Qatar': the talks were held), else the
    sentence's end."""
    if s.lower[:1] and s.lower[0] in PAST_OPENERS:
        comma = next((s.start + j for j, w in enumerate(s.lower[:25]) if w == ","), None)
        if comma is not None and first < comma:
            return comma
    return s.end


UNSURE_WORDS = {"whether", "unclear"}  # an anaphor that leaves open who took part
INCLUDE_WORDS = {"include", "includes", "included", "including"}
INVITE_WORDS = {"invited", "invites", "invite", "inviting", "invitation"}
# future words that say so only before 'to' ('hopes to meet', not 'Hopes rose after talks'),
# some also before 'for' ('plans for a round', 'instructed negotiators to prepare for further
# talks in Qatar', 'Mossad chief prepares to head to Qatar', 'Israel is preparing for the
# delegation to leave for Doha'; not 'prepared', a participle: 'the proposal prepared by')
TO_FUTURE_WORDS = {"hopes", "aims", "plans", "intends", "prepare", "prepares", "preparing"}
FOR_FUTURE_WORDS = {"plans", "prepare", "prepares", "preparing"}


class MeetingMixin:
    """One meeting: its facts, held or planned, tense and day. (A part of MeetingFinder.)"""

    # -- one meeting --

    def _meeting(self, state: DocState, s: Sentence, group: Group, people, groups,
                 topic: bool) -> dict | None:
        """The mention dict of one group, or None when it is neither a meeting nor a mention
        of one."""
        near = _nearest_people(people, group, groups, state.doc)
        facts = self._facts(state, s, group, near, topic)
        if self._outsiders_only(state.doc, s, near, facts):
            return None  # "In a Thursday meeting with Czech Foreign Minister Jan Lipavsky in
            # Jerusalem, Sa'ar said ...": a visit from outside the talks
        primary = self._primary(facts, s, group)
        primary = primary and not self._leaders_to_come(state, s, group, facts)
        if not primary:
            if not _anaphoric(facts) or self._unsure_who(s):
                return None  # (not "did not specify whether the delegation included the
                # heads of Mossad and Shin Bet": who took part is left open)
            facts.names, facts.offices = self._anaphor_people(state.doc, s, group, facts)
        first = self._owner(group)
        planned, tense = self._status(state, s, group, first)
        mention = {
            "kind": "primary" if primary else "anaphor",
            "trigger": " ".join(t.word for t in group.triggers),
            "date_text": facts.date.text if facts.date else "",
            "planned": planned,
            "tense": tense,
            "status": "planned" if planned else "held",
            "location": _mention_place(primary, group, facts),
            "participants": facts.names,
            "offices": facts.offices,
            "earlier": self._earlier(s, group),
            "boundary": self._boundary(state.doc, s, first, facts.date),
            "joining": "join" in facts.kinds or any(w in self.lex["join_verb"] for w in s.lower),
            "negotiator": facts.negotiator,
            "leaders": bool(primary and _leaders_only(self, facts)),
            "sentence": span_text(s.span).strip(),
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
            "days_later": _days_later(s.lower),
            "before_trip": _before_trip(s),
            "round_days": _round_days(s.text_lower),
            "separate": any(w in ("separate", "parallel") for p in group.positions
                            for w in s.lower[max(0, p - s.start - 2):p - s.start])
            or (primary and not facts.has_info and also_meets(s, group)),
            "delegation_side": delegation_side(s, group),
            "after_clause": "meet" in facts.kinds and "after" in s.lower[
                max(0, first - s.start - 4):first - s.start],  # "after the mediators met X"
            "peg": state.peg,
        }
        near = near if primary else []
        mention.update(_quote(state.doc, group, facts, near))
        return mention

    def _leaders_to_come(self, state: DocState, s: Sentence, group: Group,
                         facts: Facts) -> bool:
        """A placeless summit of two sides' leaders (`_leaders_only`) still to come: named in
        passing as often as reported in the dev golds ('Netanyahu is expected to meet US
        President Donald Trump on Monday' has no row in one article, 'Netanyahu will meet
        Monday US President Donald Trump' one in Washington in another), so only held ones
        are meetings of their own."""
        return _leaders_only(self, facts) and self._status(state, s, group,
                                                           self._owner(group))[0]

    def _status(self, state: DocState, s: Sentence, group: Group, first: int):
        """(planned, tense) of a group: planned by a future word near its owner or first
        meeting word, 'is to', a headline's 'to'; a trip home after talks is no plan ("After a
        week of talks in Doha, the team will return to Israel"); a trip under way is."""
        planned = self._planned(state.doc, s, first) or self._planned(
            state.doc, s, min(group.positions)) or self._is_to(state.doc, s, group) or \
            self._headline_to(s, group)
        if planned and self._home_trip(s, group):
            planned = False
        tense = "future" if planned else self._tense(s, group)
        return planned or _on_the_way(s, group), tense

    def _unsure_who(self, s: Sentence) -> bool:
        """'did not specify whether the delegation included the heads of Mossad and Shin Bet',
        'it is unclear whether Barnea will join': a joining or inclusion word within five words
        after 'whether'/'unclear' leaves open who took part. Leaves 'did not say whether
        Haniyeh's talks with Kamel were successful'."""
        joining = self.lex["participation"] | self.lex["join_verb"] | INCLUDE_WORDS
        return any(w in UNSURE_WORDS and any(x in joining for x in s.lower[k + 1:k + 6])
                   for k, w in enumerate(s.lower))

    def _outsiders_only(self, doc, s: Sentence, people, facts: Facts) -> bool:
        """Every person named at the meeting is outside the talks: on no side of them in the
        actor table (`regional`, `other`: 'Meloni', 'the Saudi crown prince') or unknown with a
        foreign title ('Czech Foreign Minister Jan Lipavsky', `foreign_nationality`), and no
        negotiator or delegation among its meeting words: a visit of other politics, no
        meeting of these talks. Leaves 'Blinken met Macron' (a party), unknown people without
        such a title."""
        named = [m for m in people if m["kind"] in ("name", "person")]
        if not named or facts.negotiator or "delegation" in facts.kinds:
            return False
        for m in named:
            side = self.table.side(m["name"])
            if side in ("regional", "other"):
                continue
            before = doc_lowers(doc)[max(s.start, m["start"] - 4):m["start"]]
            if side or not any(w in self.lex["foreign_nationality"] for w in before):
                return False
        return True

    def _primary(self, facts: Facts, s: Sentence, group: Group) -> bool:
        """Whether the group reports a meeting itself (a rule of PRIMARY_RULES, and none of
        the vetoes); the talks speakers spoke about ('spoke with the emir to discuss the
        negotiations in Doha') keep no speakers."""
        primary = any(rule(self, facts, s, group) for rule in PRIMARY_RULES) and \
            not _placeless_politicians(facts, self) and not facts.region_trip and \
            not _lone_visit(facts, group, s) and not _team_goes_on(s, facts)
        if primary and talks_discussed(s, group):
            facts.names, facts.offices = [], []  # the talks they spoke about, not theirs
        return primary

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
        if not location and "there" in doc_lowers(state.doc)[min(group.positions):min(
                s.end, max(group.positions) + 12)]:
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

    def _home_trip(self, s: Sentence, group: Group) -> bool:
        """The group's only going is home ('the senior negotiation team will return to Israel
        for consultation', 'will fly back home'): a return word followed by 'home', 'back' or
        'to' a home country (`HOME_COUNTRIES`) that is not the group's place. What is planned
        is the trip home; the talks at the group's place were held. Leaves 'will return to
        Doha on Wednesday' and 'Burns will return to Israel' when Israel is the meeting's
        place."""
        goes = [t for t in group.triggers if t.kind not in ("delegation", "noun", "reference")]
        if not goes or not group.location or any(
                t.kind != "travel" or t.word.lower() not in self.lex["home_verb"] for t in goes):
            return False
        for t in goes:
            after = s.lower[t.position - s.start + 1:t.position - s.start + 3]
            home = after[:1] in (["home"], ["back"]) or (after[:1] == ["to"] and any(
                self.gazetteer.canonical(w) in HOME_COUNTRIES for w in after[1:2]))
            if not home or self.gazetteer.canonical(after[-1]) == group.location:
                return False
        return True

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
        'hopes', 'plans', 'prepares' ... only before 'to' or 'for' (`TO_FUTURE_WORDS`)."""
        if _came_after(doc_lowers(doc)[max(s.start, first - 5):first]):
            return False  # "The decision to send negotiators to Paris came after a meeting
            # between Netanyahu and McGurk in Jerusalem Thursday": that meeting was held
        end = _opener_end(doc, s, first)  # ("Following Netanyahu's discussions in
        # Washington, Israel will dispatch a team": the main clause's future is not theirs)
        window = doc_lowers(doc)[max(s.start, first - 10):min(end, first + 4)]
        window += [w for w in doc_lowers(doc)[min(end, first + 4):min(end, first + 7)]
                   if w in ("will", "set", "scheduled", "expected", "due")]
        near = span_text(doc[max(s.start, first - 12):min(end, first + 12)]).lower()
        planned = any(w in self.lex["planned"] and not (
            w in TO_FUTURE_WORDS and window[k + 1:k + 2] != ["to"]
            and not (w in FOR_FUTURE_WORDS and window[k + 1:k + 2] == ["for"]))
            and window[k + 1:k + 2] not in (["not"], ["n't"])  # "would not point fingers"
            and not (w == "due" and window[k + 1:k + 2] == ["to"] and (  # "due to a lack of
                window[k + 2:k + 3] == [] or window[k + 2] in DETERMINERS | {"lack"}))  # progress"
            for k, w in enumerate(window)) or bool(
            _phrase_in(near, self.lex_lists["planned_phrase"])) or _sent_to(
                self.lex["sender"], doc_lowers(doc)[s.start:first])
        planned = planned or _to_send(doc_lowers(doc)[max(s.start, first - 16):first]) \
            or _conditional(doc_lowers(doc)[max(s.start, first - 8):first]) \
            or any(w in INVITE_WORDS for w in doc_lowers(doc)[max(s.start, first - 8):first])
        # ("Egypt has invited an Israeli delegation to travel to Cairo today": to come)
        planned = planned or self._verb_planned(doc, s, first) or _sent_to_go(
            self.lex["sender"], self.lex["travel_verb"] | self.lex["meet_verb"],
            doc_lowers(doc)[s.start:min(s.end, first + 6)]) or _hedged_future(
                doc[max(s.start, first - 10):min(s.end, first + 4)])
        return planned and not any(w in ("had", "previously") for w in window)

    def _headline_to(self, s: Sentence, group: Group) -> bool:
        """A headline's 'to' future: 'Israel to send delegation to Doha', 'Burns to travel to
        Cairo for talks', 'Witkoff to meet Netanyahu', 'Hamas Delegation to Attend Cairo Talks
        Sunday' ('to' and a verb of going, meeting, joining or sending, at or before a meeting
        word). Leaves 'Delegation heads to Doha'."""
        if not _headline(s):
            return False
        verbs = self.lex["verbs"] | self.lex["send_verb"] | self.lex["join_verb"]
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
        if any(_past_perfect(s.lower, t.position - s.start) for t in group.triggers
               if t.kind == "noun"):
            return True  # "to Doha, where talks on the hostages had taken place earlier"
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
                    not any(_already_there(s.lower, j) for j in range(max(0, i - 9), i + 3)):
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
        around = doc_lowers(doc)[max(s.start, first - 6):min(s.end, first + 6)]
        words = doc_lowers(doc)[max(s.start, date.start - 4):date.start] + around
        if any(w in self.lex["round_start"] for w in words):
            return "start"
        opener = doc_lowers(doc)[max(s.start, first - 4):first]
        if "after" in opener:  # "after the mediators met Hamas on Wednesday": the meeting
            words = [w for w in words if w != "after"]  # of an 'after' clause ends nothing
        if any(w in self.lex["round_end"] for w in words):
            return "end"
        return ""
