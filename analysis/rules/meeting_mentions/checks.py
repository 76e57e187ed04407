"""The small checks a meeting's people, places and days go through: speakers apposed,
places that are no venue, going home, a day of another event (ChecksMixin, a part of
MeetingFinder). Fed by base, geometry and cues; called from sentence and meeting.
"""

from __future__ import annotations

import re

from analysis.rules.actors import TITLE_WORDS
from analysis.rules.dates import day_precise
from analysis.rules.doc_text import doc_lowers, span_text
from analysis.rules.meeting_mentions.base import (
    DEAL_VERBS,
    DETERMINERS,
    OFFICE_HEADS,
    SPOKEN_ABOUT,
    TITLE_EXTRA,
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
    _presence,
)
from analysis.rules.meeting_mentions.geometry import (
    LIST_OPENERS,
    OPENERS,
    TRIP_WORDS,
    _before_closing_clause,
    _met_with,
)

# a day set off by commas or brackets after a name: "Netanyahu has, today (Sunday), instructed"
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


ADVERBIAL_WORDS = {",", "(", ")", "today", "tonight", "yesterday", "on", "earlier", "later"}
# verbs whose object is someone addressed, not met: "Invites Trump", "praised President Trump"
OBJECT_VERBS = {"invites", "invited", "invite", "inviting", "praised", "praises", "praising",
                "thanked", "thanks", "thanking", "urged", "urges", "urging", "blamed", "blames",
                "accused", "accuses", "congratulated", "congratulates", "criticized", "criticised"}
KEEP_VERBS = {"extend", "recall", "keep", "allow", "authorize", "authorise"}  # a decider's
LEAD_WORDS = {"lead", "leads", "led", "leading", "head", "heads", "headed", "heading", "join",
              "joins", "joined", "joining", "attend", "attends", "attended", "attending"}
WORD = re.compile(r"[\w'\u2019-]+")
# the words before a name that say the person is not at the meeting
NOT_PRESENT_BEFORE = {"in coordination with", "the request of", "on behalf of",
                      "the behest of", "the instructions of", "the direction of",
                      "representing", "who represent", "who represents"}


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
            before = [m for m in before if not _met_with(state.doc, m)
                      and not self._met_object(state.doc, m)] or before
            # ("Blinken met with el-Sisi in Cairo and is scheduled to travel to Israel, where
            # he will meet Netanyahu": he is not the one met)
            if before:
                # placed at the pronoun, so that it goes to the pronoun's meeting ("Burns will
                # also attend, a source said after he met with Sisi in Cairo on Tuesday")
                return {**before[-1], "borrowed": True, "start": pronoun, "end": pronoun + 1}
            opening = s.lower[:pronoun - s.start]  # "On October 20, he held a meeting"
            if state.previous_subject is not None and (all(
                    w in ("on", ",", "in", "at", "late", "early") or w[:1].isdigit()
                    or w in self.lex["weekday_words"] for w in opening) or (
                    opening[:1] and opening[0] in OPENERS | {"while"} and opening[-1] == ","
                    and opening.count(",") == 1 and len(opening) >= 4)):  # "Since the talks
                # began, he has traveled" (not "After Cairo, he is set to travel to Qatar")
                return {**state.previous_subject, "borrowed": True, "start": pronoun,
                        "end": pronoun + 1}  # (at the pronoun: it goes to the pronoun's group)
        return None

    def _met_object(self, doc, mention: dict) -> bool:
        """A person right after a verb of meeting, titles between ('met Egyptian President
        Abdel Fattah el-Sisi'): the one met."""
        i = mention["start"] - 1
        while i >= max(0, mention["start"] - 6) and (doc[i].text[:1].isupper()
                                                      or doc[i].lower_ in TITLE_WORDS):
            i -= 1
        return i >= 0 and doc[i].lower_ in self.lex["meet_verb"]

    def _travel_for_talks(self, s: Sentence, group: Group) -> bool:
        """'will travel to Cairo on Thursday for talks', 'flew to Doha to meet', 'will travel
        to Doha next week to try to extend the truce', 'head to Jerusalem, where he entered a
        meeting': a meeting word (or a deal verb with the topic) follows the travel verb
        closely (a place counting as one word: 'flew into the Red Sea resort of Sharm
        el-Sheikh early on Wednesday for the talks'), in the same clause or its 'where'
        clause."""
        lower = s.lower
        for trigger in group.triggers:
            if trigger.kind != "travel":
                continue
            i = trigger.position - s.start
            inside = {k - s.start for p in group.places + group.dates
                      for k in range(p.start + 1, p.end)}
            extra = sum(1 for k in range(i + 1, min(len(lower), i + 20))
                        if k in inside or lower[k] in ("the", "early", "late"))
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

    def _excluded(self, doc, mention, sent) -> bool:
        """Speakers ('Netanyahu said'), senders ('Biden sent'), possessors ("Netanyahu's
        office"), sources ('indications from Biden', `source_noun`), the absent ('had been
        invited but declined') and people spoken for ('the Biden administration', 'envoy of
        President-elect Trump') are not participants."""
        after = self._words_after(doc, mention["end"], sent, 3)
        speech_or_send = self.lex["speech"] | self.lex["sender"]
        if after and after[0] in ("'s", "\u2019s", "'") and not any(
                w in self.lex["noun"] and w not in TRIP_WORDS for w in after[1:3]):
            return True  # (but "Bahbah's meetings with Hamas officials", "Witkoff's talks";
            # "ahead of Netanyahu's visit to the White House" stays out)
        if after[:1] == [","] and after[1:2] and after[1] in self.lex["speech"] and \
                after[1] != "according":  # (not "attended by Burns, according to sources")
            after = after[1:]  # "a senior Hamas official, Taher Nounou, said ...": a speaker
        if after and after[0] in speech_or_send or self._apposed_speaker(doc, mention, sent):
            return not self._says_he_met(doc, mention, sent)
        if self._modifier_or_sender(doc, mention, sent):
            return True
        later = " ".join(doc_lowers(doc)[mention["end"]:min(sent.end, mention["end"] + 4)])
        if _phrase_in(later, self.lex_lists["absent"]):
            return True
        if after and after[0] in self.lex["proxy"] and mention["kind"] != "office":
            return True
        if len(after) > 1 and after[0] in ("has", "had", "have") and after[1] in speech_or_send:
            return True
        begin = self._title_start(doc, mention, sent)
        before = doc_lowers(doc)[max(sent.start, begin - 3):begin]
        if len(before) >= 2 and before[-1] == "by" and (
                before[-2] in self.lex["sender"] or before[-2] in self.lex["author_verb"]):
            return True  # "Burns, sent by President Joe Biden, will be arriving", "a
            # proposal presented by President Donald Trump"
        if before[-1:] and before[-1] in OBJECT_VERBS:
            return True  # "Al-Sisi Meets US Envoys, Invites Trump", "praised President Trump"
        if len(before) >= 2 and before[-1] == "from" and before[-2] in self.lex["source_noun"]:
            return True  # "indications from US President Joe Biden that a deal was close"
        if self._not_present_before(doc, mention, sent):
            return True  # "In coordination with US envoy Steve Witkoff, Netanyahu instructed"
        source = doc_lowers(doc)[max(sent.start, mention["start"] - 7):mention["start"]]
        if "according" in source and "," not in source[source.index("according"):]:
            return True  # "according to senior Hamas figure Mahmoud Mardawi": a source
        ahead = doc_lowers(doc)[mention["end"]:min(sent.end, mention["end"] + 12)]
        if before[-2:] and any(w in SPOKEN_ABOUT for w in before[-2:]) and not any(
                w in self.lex["verbs"] or w in self.lex["noun"] or _presence(ahead, j)
                or w in LEAD_WORDS for j, w in enumerate(ahead)):
            return True  # "where he said Prime Minister Netanyahu had accepted the proposal"
            # (but "said Mr Fidan had met Hamas officials", "said Ron Dermer would lead the
            # team to Doha": he is the one who met or goes)
        words = WORD.findall(span_text(doc[max(sent.start, begin - 7):begin]).lower())
        return len(words) >= 2 and words[-1] in ("of", "for", "to", "the") and any(
            w in self.lex["proxy"] for w in words[-3:-1])  # ("the son-in-law of former US
        # President Donald Trump": the words as written, not the tokens 'son - in - law')

    def _title_start(self, doc, mention, sent) -> int:
        """Where a name's titles begin: 'the envoy of President-elect Donald Trump', 'the office
        of Israeli Prime Minister Benjamin Netanyahu', 'the son of Hamas top negotiator X', 'a
        deputy of Shin Bet chief X' (titles, nationalities, person cues, 'top', 'senior', and
        capitalised words before a title already passed)."""
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
            begin -= 1
        return begin

    def _modifier_or_sender(self, doc, mention, sent) -> bool:
        """A name used as a modifier ('to discuss the Witkoff framework', 'the Witkoff plan':
        a `plan_noun` right after it) or a name that sends others ('Netanyahu has agreed to
        send the director of the Mossad', 'Netanyahu decided to dispatch a team', 'Netanyahu
        had agreed to extend the delegation's stay in Doha': 'to' and a verb of sending or
        keeping (`KEEP_VERBS`) within the four words after it, no comma). Leaves 'Witkoff plans
        to travel' and 'Netanyahu agreed to meet Witkoff'."""
        after = doc_lowers(doc)[mention["end"]:min(sent.end, mention["end"] + 4)]
        if after[:1] and after[0] in self.lex["plan_noun"]:
            return True
        cut = after.index(",") if "," in after else len(after)
        return any(a == "to" and (b in self.lex["send_verb"] or b in KEEP_VERBS)
                   for a, b in zip(after[:cut], after[1:cut]))

    @staticmethod
    def _not_present_before(doc, mention, sent) -> bool:
        """'In coordination with US Presidential Special Envoy to the Middle East Steve
        Witkoff', 'on behalf of President Trump': a phrase of `NOT_PRESENT_BEFORE` within the
        twelve words before the name, no comma between. Leaves 'met, in coordination with
        Egypt, Hamas leaders' (a comma)."""
        words = doc_lowers(doc)[max(sent.start, mention["start"] - 12):mention["start"]]
        text = " " + " ".join(words) + " "
        for phrase in NOT_PRESENT_BEFORE:
            at = text.rfind(" " + phrase + " ")
            if at >= 0 and "," not in text[at:] and ";" not in text[at:]:
                return True
        return False

    def _words_after(self, doc, end: int, sent, n: int) -> list[str]:
        """The first `n` words after a name, lower case, adverbs of speech (`speech_adverb`)
        and a day set off by commas or brackets left out: 'Abu Zuhri also said', 'Rashad later
        told', 'Netanyahu has, today (Sunday), instructed' read as 'said', 'told', 'has
        instructed'; so is a day right after the name ('Trump on Sunday voiced')."""
        words = doc_lowers(doc)[end:min(sent.end, end + n + 8)]
        first = words.index(",") if "," in words[:2] else -1
        close = words.index(",", first + 1) if first >= 0 and "," in words[first + 1:] else -1
        aside = words[first + 1:close]  # (not "Burns, sent by President Biden, will ...")
        if aside and all(w in ADVERBIAL_WORDS or w in self.lex["weekday_words"] for w in aside) \
                and any(w.isalpha() and w != "on" for w in aside):
            words = words[:first] + words[close + 1:]
        words = [w for w in words if w not in self.lex["speech_adverb"]]
        if words[:1] == ["on"] and words[1:2] and words[1] in self.lex["weekday_words"]:
            words = words[2:]  # "Trump on Sunday voiced optimism that ...": a speaker
        elif words[:1] and words[0] in ("today", "yesterday", "tonight"):
            words = words[1:]
        return words[:n]

    def _told_press(self, doc, mention, sent) -> bool:
        """'Kirby told reporters at the White House while the two leaders met': a speaker
        telling the press (`press_audience`: reporters, journalists, a news conference, an
        interview, ...) is not one of 'the two'. Leaves 'Blinken told Herzog ..., when the two
        met' (he tells the other one)."""
        words = self._words_after(doc, mention["end"], sent, 4)
        if not words or words[0] not in self.lex["speech"]:
            return False
        rest = " ".join(words[1:]) + " "
        return any(rest.startswith(phrase + " ") for phrase in self.lex["press_audience"])

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
        his/her country or government, then a meeting word within eight words) takes part; so
        does one speaking at or during a meeting ('said at a meeting with Trump'). Leaves
        'Netanyahu said the delegation would leave'."""
        words = doc_lowers(doc)[mention["end"] + 1:min(sent.end, mention["end"] + 10)]
        if words[:1] in (["at"], ["during"]) and any(
                w in self.lex["noun"] for w in words[1:4]):
            return True  # "Netanyahu said at a meeting with Trump in Florida", "Sisi said
            # during talks with Blinken": the speaker was at the meeting
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
        talks': a return with the talks as its purpose is a trip to them, not going home."""
        after = doc_lowers(doc)[end:min(sent.end, end + 4)]
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
        before = doc_lowers(doc)[max(sent.start, start - 3):start]
        after = doc_lowers(doc)[end:min(sent.end, end + 2)]
        speech = self.lex["speech"]
        return any(w in speech for w in before) or any(
            w in speech and w != "according" for w in after)
