"""Word-level cues around a meeting word, each a small function over the lower-cased tokens
(negation, 'on the way', 'already there', captives moving, hedged futures, a venue that is
none, ...). Fed by base; feeds rules and the MeetingFinder mixins. (Where one meeting's
words end and another's begin is in clauses.)
"""

from __future__ import annotations

from analysis.rules.meeting_mentions.base import (
    CLAUSE_WORDS,
    DELEGATION_SIDES,
    DETERMINERS,
    RECEIVE_ADVERBIAL,
    SEND_WORDS,
    TITLE_NOUNS,
    TRIP_NOUNS,
    Group,
    Sentence,
    Trigger,
)


def _after_receive_adverbials(s: Sentence, j: int) -> int:
    """Where the guest starts after 'received' in the words of Arab state media: 'received
    on Thursday the heads of ...', 'received in his office at the Amiri Diwan this morning CIA
    Director William Burns', 'received in Doha on Saturday a delegation' (days, times, the
    office or palace, a capitalised place after 'in' are skipped)."""
    lower = s.lower
    for _ in range(4):
        if lower[j:j + 1] == ["in"] and j + 1 < len(lower) and s.tokens[j + 1].text.istitle():
            j += 2  # "in Doha", "in New Cairo"
            while j < len(lower) and s.tokens[j].text.istitle():
                j += 1
            continue
        text = " ".join(lower[j:j + 8]) + " "
        match = RECEIVE_ADVERBIAL.match(text)
        if not match:
            break
        j += len(match.group(0).split())
    return j


REFUSE_WORDS = {"refused", "refuses", "refusing", "declined", "declines", "declining"}


def _negated(lower: list[str], i: int) -> bool:
    """'did not attend the Doha sessions', 'never met', 'refused to send', 'declined to
    meet': a meeting that did not happen. Leaves 'not only met'... as negated too (rare)."""
    if i > 0 and lower[i - 1] in ("not", "n't", "never"):
        return True
    if i > 1 and lower[i - 1] == "to" and lower[i - 2] in REFUSE_WORDS:
        return True
    return i > 1 and lower[i - 2] in ("not", "n't", "never") and lower[i - 1] in (
        "attend", "join", "meet", "hold")


def _onward(lower: list[str], i: int) -> bool:
    """'before traveling on to Israel', 'then heads to Qatar': the next stop of a tour, not
    where the talks are (an onward visit counts only when the text says talks are held
    there, through a meeting word of its own)."""
    return any(w in ("before", "then") for w in lower[max(0, i - 2):i])


def _the_one_that(lower: list[str], i: int) -> bool:
    """'the one that took place in Paris end of January', 'the one held in Cairo': another
    meeting, named by comparison. Leaves 'the one hostage', 'one of the mediators'."""
    return (lower[i] == "one" and i > 0 and lower[i - 1] == "the" and i + 2 < len(lower)
            and (lower[i + 1] in ("held", "hosted") or (
                lower[i + 1] in ("that", "which") and lower[i + 2] in (
                    "took", "was", "were", "happened", "had"))))


TEAM_NOUNS = {"representatives", "negotiators", "delegations", "delegates", "teams", "envoys"}
PRESENCE_ADVERBS = {"currently", "also", "now", "already", "still", "again", "reportedly",
                    "expected", "due"}  # ("a Hamas delegation is expected in Cairo on Saturday")


PRESENCE_WORDS = ("have", "has", "had", "is", "are", "was", "were", "been", "be")  # _presence's
FUTURE_BE = {"will", "would", "to", "'ll", "should", "could", "might", "may"}  # ... "be in Doha"


def _presence(lower: list[str], i: int) -> bool:
    """'was in Qatar', 'are currently in Cairo', 'is also in Doha', 'have been in Doha since
    July 6', 'will be in Doha on Thursday' (planned: the tense rules): someone is at a place
    (the place is checked by the rules). Leaves 'who are in Qatar' (where someone lives) and
    'is in talks'; 'Israel and Hamas have representatives in Qatar this week' (a team).
    False past the sentence's end (callers look a few words ahead of a cue)."""
    if i >= len(lower):
        return False
    if lower[i] in ("have", "has", "had") and lower[i + 1:i + 2] and lower[i + 1] in TEAM_NOUNS:
        return lower[i + 2:i + 3] == ["in"]
    if lower[i] == "be":  # "will be in Doha on Thursday", "is expected to be in Cairo"
        return i > 0 and lower[i - 1] in FUTURE_BE and lower[i + 1:i + 2] == ["in"] and \
            lower[i + 2:i + 3] != [] and lower[i + 2] not in (
                "talks", "negotiations", "touch", "contact", "charge", "favour", "favor", "a")
    if lower[i] not in ("is", "are", "was", "were", "been") or (i > 0 and lower[i - 1] in (
            "who", "which", "that")) or (lower[i] == "been" and (
                i < 2 or lower[i - 1] not in ("has", "have") or lower[i - 2] in (
                    "who", "which", "that"))):
        return False
    j = i + 1
    while j < len(lower) and lower[j] in PRESENCE_ADVERBS:
        j += 1
    return j + 1 < len(lower) and lower[j] == "in" and lower[j + 1] not in (
        "talks", "negotiations", "touch", "contact", "charge", "favour", "favor")


def _already_there(lower: list[str], i: int) -> bool:
    """'delegations were already in Cairo for the talks', 'are already in Doha': someone is
    at the talks now, not an earlier meeting. Leaves 'had already met', 'already held'."""
    return _presence(lower, i) and "already" in lower[i + 1:i + 3]


ONGOING_WORDS = {"currently", "underway", "ongoing", "overnight"}


def _ongoing(s: Sentence, group: Group) -> str:
    """Talks going on or just held as the report is written, dated by the report: 'talks,
    currently underway in Qatar', 'are meeting in Cairo', 'has arrived in Cairo', 'have met
    ... in Paris', 'are in Cairo for the talks'. Leaves 'met on Sunday' (own day), 'had
    met' (earlier) and 'has left Cairo' (the talks are over; the day they ended is not
    said) and 'Since the talks got underway in January, he has traveled to Paris' (a span of
    time, not today). Returns the words that say so (the meeting's date_text), else ''."""
    if s.lower[:1] == ["since"]:
        return ""
    found = [w for w in s.lower if w in ONGOING_WORDS]
    if found or "under way" in s.text_lower:
        return found[0] if found else "under way"
    for position in group.positions:
        i = position - s.start
        before = s.lower[max(0, i - 2):i]
        if s.lower[i] in DEPARTURE_WORDS or s.lower[max(0, i - 2):i] == ["to", "have"]:
            continue  # "the delegation has left Cairo after the talks": they are over;
            # "are known to have met in Doha in recent weeks": some time before
        if before[-1:] and before[-1] in ("is", "are", "has", "have") or (
                before[-2:] in (["has", "been"], ["have", "been"], ["are", "still"])):
            return " ".join(before[-1:] + [s.lower[i]])
        if s.lower[i] in ("is", "are"):  # presence: "are in Cairo for the talks"
            return s.lower[i] + " in"
    return ""


def _on_the_way(s: Sentence, group: Group) -> bool:
    """'is heading to Cairo on Sunday, where he will meet', 'is traveling to Doha for an
    emergency meeting', 'is headed for an emergency meeting in Qatar', 'are on their way',
    'The Israeli delegation heading to Doha Sunday is expected to include' (a delegation word
    right before the -ing form): a trip under way, so the meeting is planned. Leaves 'headed
    the delegation', 'the delegation that headed to Doha on Sunday'."""
    if "on his way" in s.text_lower or "on their way" in s.text_lower or \
            "on her way" in s.text_lower:
        return True
    return any(t.kind in ("travel", "arrive") and (t.word.lower().endswith("ing") or (
        t.word.lower() == "headed" and s.lower[t.position - s.start + 1:t.position - s.start
                                                + 2] in (["for"], ["to"]))) and
               (s.lower[t.position - s.start - 1:t.position - s.start] in (
                   ["is"], ["are"], ["reportedly"]) or (t.word.lower().endswith("ing") and s.lower[
                       t.position - s.start - 1:t.position - s.start] in TRAVELLING_GROUPS))
               and not _leaving_meeting(s, group, t) for t in group.triggers)


DEPARTING = {"leaving", "departing"}
TRAVELLING_GROUPS = (["delegation"], ["delegations"], ["team"], ["negotiators"])  # "the
# delegation heading to Doha Sunday": the -ing form after them is a trip under way


def _leaving_meeting(s: Sentence, group: Group, trigger: Trigger) -> bool:
    """'the negotiators in Cairo are leaving for Doha after talks ... ended': a departure under
    way (token of `trigger`) whose group is not at the place it heads for (the place after
    'for'/'to' within three words): the meeting left behind is over, not planned. Leaves 'is
    leaving for Doha for talks on Sunday' (the group's place is the destination)."""
    if trigger.word.lower() not in DEPARTING:
        return False
    ahead = [p for p in group.places if 0 < p.start - trigger.position <= 3
             and s.lower[p.start - s.start - 1] in ("for", "to")]
    return not any(p.text == group.location for p in ahead)


def _sent_to(senders: set[str], before: list[str]) -> bool:
    """'has authorized Barnea to travel to Qatar Friday', 'sent Burns to meet': someone was
    sent or allowed to go, so the meeting is still to come."""
    return bool(before) and before[-1] == "to" and any(w in senders | {"authorized",
                                                                      "authorised", "allowed"}
                                                        for w in before[:-1])


def _to_send(before: list[str]) -> bool:
    """'has approved sending a team to Doha', 'decided to send a delegation to Cairo', 'has
    agreed to send the director of the Mossad to ceasefire negotiations in Qatar', 'Israel
    will send the chief of its Mossad intelligence agency to Qatar to continue talks': someone
    still to be sent (a gerund, an infinitive or a future of sending before the meeting
    word). Leaves 'Israel sent a delegation to Cairo on Sunday' (it went)."""
    if "home" in before or "back" in before:
        return False  # "is sending its negotiators home from Qatar": the talks were there
    return any(w in ("sending", "dispatching") or (
        w in ("send", "dispatch") and before[k - 1:k] in (["to"], ["will"], ["would"], ["'ll"]))
        for k, w in enumerate(before))


def _sent_to_go(senders: set[str], goes: set[str], words: list[str]) -> bool:
    """'instructed the delegation to leave for Cairo', 'ordered the negotiating team to travel
    to Doha': a sender, then within nine words 'to' and a verb of going or meeting. Leaves
    'instructed the army to expand the operation' and 'asked about the talks'."""
    for i, word in enumerate(words):
        if word in senders | {"authorized", "authorised", "allowed"}:
            after = words[i + 1:i + 11]
            if any(a == "to" and b in goes for a, b in zip(after, after[1:])):
                return True
    return False


CAPTIVE_NOUNS = {"hostages", "captives", "abductees", "detainees", "prisoners", "returnees"}


FREED_WORDS = {"released", "freed", "liberated"}


def _captives_move(lower: list[str], i: int) -> bool:
    """Freed hostages or prisoners who arrive, travel or meet ('the hostages arriving in the
    country and meeting officers', 'released prisoners arrived in Ramallah'): no talks. The
    captive noun is the word before the verb, or before 'who', 'and' ... 'and meeting'.
    Leaves 'hostage talks' and 'met the families of hostages'. A meeting with the freed
    ('met fellow Thais released to Israel', 'met with freed hostages'): no talks either
    (not 'met Sisi and released a statement')."""
    after = lower[i + 1:i + 5]
    for word in after:
        if word in (",", "and", "to", "on", "in"):
            break
        if word in FREED_WORDS:
            return True
    before = lower[max(0, i - 6):i]
    if before[-1:] and before[-1] in CAPTIVE_NOUNS:
        return True
    if before[-2:-1] and before[-2] in CAPTIVE_NOUNS and before[-1] in ("who", "were", "are",
                                                                    "have", "had"):
        return True
    if "and" not in before or not lower[i].endswith("ing"):
        return False
    listed = before[:before.index("and")]  # "the hostages arriving in Israel and meeting"
    return any(w in CAPTIVE_NOUNS for w in listed) and any(w.endswith("ing") for w in listed)


ATTACK_WORDS = {"attack", "strike", "airstrike", "struck", "bombing", "bombed", "explosion",
                "explosions", "targeted", "hit"}


def _under_attack(lower: list[str], i: int) -> bool:
    """Token i is in an 'as'/'while' clause (opened at most eight words before it) that
    follows an attack word (up to fifteen words before the opener): 'the attack happened as
    a negotiating team was discussing', 'struck ... as the group's top figures gathered'."""
    for j in range(i - 1, max(-1, i - 9), -1):
        if lower[j] in (",", ";", "."):
            return False
        if lower[j] in ("as", "while") and any(
                w in ATTACK_WORDS for w in lower[max(0, j - 15):j]):
            return True
    return False


def _talks_object(lower: list[str], i: int, nouns) -> bool:
    """A travel verb whose object is the talks ('would return negotiations to square one',
    'left the talks'): no trip. Leaves 'return to the talks', 'headed to Doha for talks'."""
    j = i + 1
    while j < len(lower) and lower[j] in DETERMINERS:
        j += 1
    return j < len(lower) and lower[j] in nouns


def _hedged_future(tokens) -> bool:
    """'Trump may announce a deal during his meeting with Netanyahu on Monday', 'the envoy
    might travel to Doha': 'may' or 'might' (in lower case, so not the month) before the
    meeting word. Leaves 'may have met', 'talks in May'."""
    words = [t.text for t in tokens]
    return any(w in ("may", "might") and words[i + 1:i + 2] != ["have"]
               for i, w in enumerate(words))


DEPARTURE_WORDS = {"left", "leaves", "leaving", "departed", "departs", "returned", "flew"}
TIME_UNITS = {"day", "days", "week", "weeks", "hours", "month", "months"}


LATER_OPENERS = {("the", "following", "day"): 1, ("the", "next", "day"): 1,
                 ("a", "day", "later"): 1, ("one", "day", "later"): 1,
                 ("two", "days", "later"): 2, ("three", "days", "later"): 3}


def _days_later(lower: list[str]) -> int:
    """How many days after the meeting told just before a sentence's meeting was, when the
    sentence opens by saying so: 'The following day, Witkoff met with Netanyahu in Israel',
    'A day later, al-Thani and Rashad returned for a second meeting in Doha', 'The next day,
    ...', 'Two days later, ...'; 0 otherwise. Leaves 'The day after meeting Witkoff, Al-Thani
    flew to Vienna' (after its own event) and the words inside a sentence."""
    return LATER_OPENERS.get(tuple(lower[:3]), 0) if lower[3:4] == [","] else 0


def _days_after(lower: list[str], i: int) -> bool:
    """'comes three days after the Qatari PM and Barnea met', 'came a day after Al-Thani met
    in Paris': the meeting is an earlier one than the news. Leaves 'after talks in Cairo',
    'left Doha late last night, a day after holding talks there' (the talks just held) and
    'The day after meeting Witkoff, Al Thani flew to Vienna' (the main clause after the
    comma is the news)."""
    window = lower[max(0, i - 8):i]
    if any(w in DEPARTURE_WORDS for w in lower[:i]):
        return False
    return any(w == "after" and j > 0 and window[j - 1] in TIME_UNITS
               and "," not in window[j:] for j, w in enumerate(window))


def _before_trip(s: Sentence) -> bool:
    """'Ahead of his departure to Oslo, Barnea attended a meeting with the defence minister':
    a meeting before the trip, not the talks the trip is for."""
    return s.lower[:1] in (["ahead"], ["before"]) and any(
        w in TRIP_NOUNS or w in ("leaving", "flying", "traveling", "travelling", "heading")
        for w in s.lower[:6])


HOST_VERBS = {"host", "hosts", "hosted", "hosting"}
def _no_venue(word: str, previous: str) -> bool:
    """The two words before a place say it is no meeting place: 'According to Israel Hayom'
    (a source), 'who resides in Qatar' (where someone lives), 'US special envoy to the Middle
    East' (a title), 'Before his departure to the United States' (a trip), 'following Trump's
    election victory in the United States' (the place of another event: `EVENT_NOUNS`), 'more
    hostages kidnapped in Israel' (where the captives were taken: `CAPTIVE_WORDS`), 'stiff
    demands unacceptable to Israel', 'a text acceptable to Egypt' (whose stance: `STANCE_WORDS`)."""
    return (word == "to" and previous == "according") or (
        word == "in" and previous in RESIDENCE_WORDS | EVENT_NOUNS | CAPTIVE_WORDS) or (
        word in ("to", "for") and previous in TITLE_NOUNS) or (
        word == "to" and previous in TRIP_NOUNS | STANCE_WORDS)


def _for_consultations(following: list[str]) -> bool:
    """'will return to Doha for further consultations', 'is leaving for Doha for
    consultations': the words after a place send a delegation home to confer with its own
    leaders, not to talks there. Leaves 'went to Doha for consultations with the Qatari prime
    minister' (someone to confer with) and 'in Cairo for talks'."""
    words = following[1:] if following[:1] == ["for"] else []
    if words[:1] in (["further"], ["more"], ["internal"], ["additional"]):
        words = words[1:]
    return words[:1] == ["consultations"] and words[1:2] != ["with"]


def _home_consultations(lower: list[str], i: int) -> bool:
    """'consultations' (token i) as the purpose of going home: 'for further consultations',
    'for consultations' with no one after 'with'. Leaves 'consultations with Egyptian officials
    in Cairo' and 'held consultations in Doha'."""
    if lower[i] != "consultations":
        return False
    j = i - 1 if i > 0 and lower[i - 1] not in ("further", "more", "internal", "additional") \
        else i - 2
    return j >= 0 and lower[j] == "for" and lower[i + 1:i + 2] != ["with"]


def _long_process(lower: list[str], i: int) -> bool:
    """A talks noun (token i) after 'months of' or 'years of': 'after months of negotiations
    in Doha' is a process, not one meeting. Leaves 'after two days of talks in Cairo' (a
    round)."""
    return i > 1 and lower[i - 1] == "of" and lower[i - 2] in ("months", "years", "year")


EVENT_NOUNS = {"victory", "election", "elections", "win", "war", "fighting", "assassination",
               "killing", "bombing", "raid", "offensive", "protest", "protests", "rally", "vote",
               "crash", "hostilities", "attacks", "massacre", "invasion", "incursion",
               "events", "developments", "situation", "crisis", "escalation", "conflict",
               "tensions", "violence", "attempt"}
# ("the election victory in the United States", "since the Oct. 7 attacks in Israel", "an
# emphasis on the events in Syria": a subject of the talks, not where they are; "who survived
# an assassination attempt in Doha three weeks before the meeting": the attempt's place; not
# 'strike', 'attack': "an airstrike in Doha ... while its team was discussing" is the talks')
CAPTIVE_WORDS = {"kidnapped", "abducted", "captured", "seized", "killed", "murdered", "detained",
                 "imprisoned", "jailed", "wounded", "injured", "hostage", "captive", "born"}
# ("hostages kidnapped in Israel", "taken hostage in Israel", "killed in Gaza": the victims')
RESIDENCE_WORDS = {"resides", "reside", "resided", "residing", "lives", "live", "lived",
                   "living", "based", "headquartered", "exiled", "exile"}
# ("who resides in Qatar", "who lives in exile in Qatar": where someone lives)
STANCE_WORDS = {"acceptable", "unacceptable", "opposed", "hostile", "amenable", "agreeable",
                "favourable", "favorable", "sympathetic", "friendly", "loyal"}
# ("demands unacceptable to Israel", "a formula acceptable to Hamas": a party's stance, no trip)
HOME_COUNTRIES = ("Israel", "United States")  # "returned to Israel": going home
PARTY_COUNTRIES = HOME_COUNTRIES + ("Iran",)  # "US discussions", "Iran talks": not a venue
HEAD_VERBS = {"head", "heads", "headed", "heading"}
HEAD_ON = {"to", "for", "back", "home", "toward", "towards", "into", "out", "off", "there", "by",
           "on", "again", "later", "first", "next", "this", "tomorrow", "today", "."}
SIT_VERBS = {"sit", "sits", "sat", "sitting"}  # "sat down with": a meeting
def _sat_with(lower: list[str], i: int) -> bool:
    """'sat down with', 'sat with', 'sat in his office in Doha with Brett McGurk': a verb of
    sitting (token i) then 'with' within seven words, no punctuation or clause word between.
    Leaves 'sat in the cabinet' (no 'with') and 'sat down, with ...' (a comma)."""
    for j in range(i + 1, min(len(lower), i + 8)):
        if lower[j] == "with":
            return True
        if not lower[j].isalpha() or lower[j] in CLAUSE_WORDS:
            return False
    return False
REACH_VERBS = {"reach", "reaches", "reached", "reaching"}  # "reached Cairo": an arrival


def _hosts(following: list[str]) -> bool:
    """A place that hosts: 'Warsaw will host ...', 'Cairo is also hosting separate talks',
    'Doha hosted'. Leaves 'Qatar, the host of ...'."""
    words = [w for w in following if w not in ("will", "is", "was", "also", "to", "set", "be")]
    return bool(words) and words[0] in HOST_VERBS


def _talks_noun(group: Group) -> bool:
    """A talks noun other than 'visit'/'trip' ('talks', 'meeting', 'summit')."""
    return any(t.kind == "noun" and t.word.lower() not in ("visit", "trip")
               for t in group.triggers)


def delegation_side(s: Sentence, group: Group) -> str:
    """The side of the group's delegation, from the word just before it ('the Hamas
    delegation', 'an Israeli team', 'Hamas's delegation'), or from the sender before 'send a
    delegation' ('Hamas said it would send a delegation to Cairo'): Hamas, Israel, United
    States, Qatar, Egypt or Turkey; '' for 'a delegation' of no named side."""
    for t in group.triggers:
        if t.kind != "delegation":
            continue
        i = t.position - s.start
        before = [w for w in s.lower[max(0, i - 3):i] if w not in ("'s", "\u2019s", "high-level",
                                                                 "senior", "negotiating")]
        if before and before[-1] in DELEGATION_SIDES:
            return DELEGATION_SIDES[before[-1]]
        if before[-2:-1] and before[-2] in SEND_WORDS or before[-1:] and before[-1] in SEND_WORDS:
            sender = [w for w in s.lower[max(0, i - 10):i - 1] if w in DELEGATION_SIDES]
            if sender:
                return DELEGATION_SIDES[sender[-1]]
    return ""


TOPIC_WORDS = {"discuss", "discussed", "discusses", "discussing", "about", "regarding", "on",
               "over", "review", "reviewed"}


def talks_discussed(s: Sentence, group: Group) -> bool:
    """The talks are what the speakers spoke about, not where they met: 'Biden spoke with
    Sheikh Tamim to discuss "negotiations in Doha for a ceasefire"', 'the two talked about the
    talks in Cairo' (often a call). The group's meeting words are verbs of speaking (weak)
    and, after them and after 'discuss/about/on', a talks noun whose place follows it at once
    ('negotiations in Doha'). Leaves 'Burns discussed the negotiations with Al Thani in Doha'
    (the place is the discussion's), 'met ... to discuss the talks' and 'held talks in
    Doha'."""
    if group.kinds != {"weak", "noun"} or not group.places:
        return False
    weak = min(t.position for t in group.triggers if t.kind == "weak")
    nouns = [t.position for t in group.triggers if t.kind == "noun" and t.position > weak]
    if not nouns:
        return False
    i = nouns[0] - s.start
    after_topic = any(w in TOPIC_WORDS for w in s.lower[max(0, i - 4):i])
    return after_topic and any(0 < p.start - nouns[0] <= 3 for p in group.places)
