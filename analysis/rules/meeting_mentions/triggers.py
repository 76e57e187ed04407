"""The meeting words of one sentence (TriggerMixin, a part of MeetingFinder): which words are
meeting words and of which kind (meet, noun, weak, arrive, travel, presence, delegation,
join, reference), what blocks them (negation, wishes, appeals, captives moving, a cabinet or
press word before them), and whether the sentence is about a call. Moved verbatim from
sentence.py (round 9). Fed by base, cues and geometry; feeds sentence.SentenceMixin.
"""

from __future__ import annotations

from analysis.rules.meeting_mentions.base import (
    DETERMINERS,
    Sentence,
    Trigger,
    _phrase_in,
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
    _title_head,
)

POSSESSIVES = {"their", "its", "his", "her"}  # "on their way to Qatar": a trip
COINCIDE = {"parallel", "coinciding", "coincides", "coincided", "simultaneously"}  # a meeting
# named as the time of another: "parallel to Netanyahu's meeting with Trump"


class TriggerMixin:
    """Meeting words of a sentence and their kinds."""

    _candidates: frozenset[str] | None = None  # (`_trigger_candidates`, made at first use)

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
                REACH_VERBS, SIT_VERBS, ("meeting", "engage", "engaged", "engaging", "way"),
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
        if word == "way" and i > 1 and lower[i - 2] == "on" and lower[i - 1] in POSSESSIVES \
                and lower[i + 1:i + 2] == ["to"]:
            return "travel"  # "Israeli officials are on their way to Qatar for talks"
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
