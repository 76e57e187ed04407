"""Who takes part: the checks a person named in a meeting's sentence goes through
(speakers, senders, possessors and sources, people of another clause, people addressed or
represented, the one a pronoun stands for) (PeopleMixin, a part of MeetingFinder; split from
checks, which keeps the checks on places and days). Fed by base, geometry and cues; called
from sentence.
"""

from __future__ import annotations

import re

from analysis.rules.actors import TITLE_WORDS
from analysis.rules.doc_text import doc_lowers, span_text
from analysis.rules.meeting_mentions.base import (
    SPOKEN_ABOUT,
    TITLE_EXTRA,
    DocState,
    Sentence,
    _phrase_in,
)
from analysis.rules.meeting_mentions.cues import _presence
from analysis.rules.meeting_mentions.geometry import (
    LIST_OPENERS,
    OPENERS,
    TRIP_WORDS,
    _before_closing_clause,
    _met_with,
)

ADVERBIAL_WORDS = {",", "(", ")", "today", "tonight", "yesterday", "on", "earlier", "later"}
# verbs whose object is someone addressed, not met: "Invites Trump", "praised President Trump"
OBJECT_VERBS = {"invites", "invited", "invite", "inviting", "praised", "praises", "praising",
                "thanked", "thanks", "thanking", "urged", "urges", "urging", "blamed", "blames",
                "accused", "accuses", "congratulated", "congratulates", "criticized", "criticised"}
KEEP_VERBS = {"extend", "recall", "keep", "allow", "authorize", "authorise"}  # a decider's
LEAD_WORDS = {"lead", "leads", "led", "leading", "head", "heads", "headed", "heading", "join",
              "joins", "joined", "joining", "attend", "attends", "attended", "attending"}
CLAUSE_KEEP = {"and", "or", "of", "for", "to", "from", "with", "who", "whose", "as", "during",
               "last", "this", "earlier", "later", "today", "yesterday", "on", "in", "at",
               "is", "are", "was", "were", "will", "would", "has", "have", "had", "also",
               "both", "all", "together", "respectively", "then", "too", "each"}
WORD = re.compile(r"[\w'\u2019-]+")
# the words before a name that say the person is not at the meeting
NOT_PRESENT_BEFORE = {"in coordination with", "the request of", "on behalf of",
                      "the behest of", "the instructions of", "the direction of",
                      "representing", "who represent", "who represents"}


# words that open a clause of another event before the main clause's comma
OPENING_CLAUSE_WORDS = OPENERS | {"while", "whereas", "although", "though"}
# the main clause's subject standing for someone of the opening clause ('After X arrived ...,
# he met'; 'the two met')
PRONOUN_SUBJECTS = ("he", "she", "they", "both", "the two", "the pair", "the three")


class PeopleMixin:
    """Checks on the people of a meeting's sentence. (A part of MeetingFinder.)"""

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

    @staticmethod
    def _in_opening_clause(doc, mention, positions, sent) -> bool:
        """A person inside the clause a sentence opens with ('After', 'Following', 'While',
        'Although' ... up to its comma) when every meeting word comes after that comma: the
        opening clause tells another event ('After his talk with Herzog, Blinken ... head to
        Jerusalem, where he entered a private meeting with Netanyahu'; 'While US President
        Donald Trump wants a comprehensive deal, Israeli leaders say the discussions ...').
        Leaves 'After Burns arrived in Cairo, he met Kamel' (a meeting word inside the
        opening clause) and an opening clause whose main clause begins with a pronoun."""
        first = next((i for i in range(sent.start, sent.end) if doc[i].is_alpha), sent.end)
        if not positions or first >= sent.end or doc[first].lower_ not in OPENING_CLAUSE_WORDS:
            return False
        comma = next((i for i in range(first, min(sent.end, first + 25))
                      if doc[i].text == ","), None)
        if comma is None or not mention["end"] <= comma < min(positions):
            return False
        subject = " ".join(t.lower_ for t in doc[comma + 1:min(sent.end, comma + 3)])
        return not any(subject == p or subject.startswith(p + " ") for p in PRONOUN_SUBJECTS)

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
        if self._victim(doc, mention, sent):
            return True  # "the killing of Hamas's political chief Ismail Haniyeh in Tehran"
        if self._new_clause_subject(doc, begin, mention["end"], sent):
            return True  # "had met Witkoff in Paris last week, and President Donald Trump
            # wanted to see progress"
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

    def _victim(self, doc, mention, sent) -> bool:
        """A person whose death, killing or funeral the sentence tells (`death_noun` and 'of'
        within the fourteen words before the name): "amid tensions over the killing of a top
        Hezbollah commander in Beirut and Hamas's political chief Ismail Haniyeh in Tehran",
        "after the assassination of Hamas political bureau chief, Ismail Haniyeh on
        Wednesday", "following the death of Yahya Sinwar". The phrase ends at a meeting,
        travel or speech word and at a comma that does not follow a title ('chief, Ismail
        Haniyeh' goes on): 'After the killing of Sinwar, Blinken met Netanyahu' keeps both."""
        lowers = doc_lowers(doc)
        stops = self.lex["verbs"] | self.lex["noun"] | self.lex["speech"] | self.lex["join_verb"]
        for i in range(mention["start"] - 1, max(sent.start, mention["start"] - 14), -1):
            word = lowers[i]
            if word == "of" and lowers[i - 1] in self.lex["death_noun"]:
                return True
            if word in stops or word in (";", ":", "(", ")", "\u2013", "\u2014", "-") or (
                    word == "," and lowers[i - 1].rstrip(".") not in TITLE_WORDS):
                return False
        return False

    def _new_clause_subject(self, doc, begin: int, end: int, sent) -> bool:
        """A person after ', and'/', but' followed by a verb that is no meeting, travel,
        joining or auxiliary word: the subject of a clause of their own ("met Witkoff in Paris
        last week, and President Donald Trump wanted to see progress"). Leaves ', and Mossad
        chief David Barnea in Doha', ', and Barnea met ...', ', and Burns was expected to'."""
        before = doc_lowers(doc)[max(sent.start, begin - 2):begin]
        if before not in ([",", "and"], [",", "but"]) or end >= sent.end:
            return False
        word = doc[end].text
        return word.isalpha() and word.islower() and word not in CLAUSE_KEEP and not (
            word in self.lex["verbs"] or word in self.lex["noun"] or word in self.lex["join_verb"]
            or word in self.lex["participation"] or word in self.lex["speech"]
            or word in self.lex["place_preposition"])

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
        then a speech word). Leaves 'Barnea, the Mossad chief, met Burns' and 'led by X, a
        member of the political bureau, according to the ministry' (attribution)."""
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
                return following != "according" and (  # (', according to the ministry':
                    following in self.lex["speech"] or following in self.lex["sender"])  # a source)
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
