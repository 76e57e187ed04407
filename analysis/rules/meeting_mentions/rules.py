"""Which groups of meeting words report a meeting: one rule per kind of meeting word (meet,
noun, weak, arrive, travel, presence, delegation, attack), each naming the phrases it takes,
and PRIMARY_RULES, their list. Fed by base, geometry and cues; read by meeting.MeetingMixin.
"""

from __future__ import annotations

from analysis.rules.dates import day_precise
from analysis.rules.meeting_mentions.base import Facts, Group, Item, Sentence
from analysis.rules.meeting_mentions.cues import _negated, _talks_noun, _under_attack
from analysis.rules.meeting_mentions.geometry import _distance

TALKS_SIDES = {"Israel", "United States", "Hamas", "Palestinian Islamic Jihad",
               "Palestinian Authority", "mediator"}  # the sides of the actor table in the talks

# -- which groups are meetings: each rule names the phrases it takes -------------------------

def _meet_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'Burns met Barnea', 'met ... in Doha on Tuesday' (a negotiator with a second person or a
    place/day), 'X met Y in Cairo to discuss the truce', 'Negotiators met in Paris' (unnamed
    negotiators in a place, in an article about the talks), 'mediators met Hamas officials on
    Wednesday night and discussed a deal' (unnamed, a day, the topic), 'Trump meets Netanyahu
    at the White House' (two people of the actor table and a place, in an article about the
    talks), 'The two had met in Rome in May' (a place, in an article about the talks). Leaves
    'Biden met Macron', 'Herzog met Meloni in Rome' (someone the table does not know, or
    knows on no side of the talks: `side` other)."""
    if "meet" not in facts.kinds:
        return False
    dated = bool(facts.date) and day_precise(facts.date.text)
    return ((facts.negotiator and (facts.n_people >= 2 or facts.has_info))
            or (facts.topic and facts.has_info and facts.n_people >= 1)
            or (facts.pronoun_subject and bool(facts.location)
                and (facts.topic or facts.doc_topic))
            or (facts.doc_topic and bool(facts.location) and facts.n_people >= 2
                and all(_party(finder, name) for name in facts.names)
                and not facts.kinds & {"travel", "arrive"})  # (the place is the meeting's)
            or bool((facts.location or (dated and facts.topic)) and (
                facts.topic or facts.doc_topic) and facts.unnamed))


def _party(finder, name: str) -> bool:
    """A person of the actor table on a side of the talks (`side` Israel, United States, Hamas,
    Palestinian Islamic Jihad, Palestinian Authority, or mediator: Qatar, Egypt, Turkey), not
    one on another side (`regional`: Saudi, Emirati, Jordanian leaders; `other`: European,
    Iranian, UN) or unknown: 'Trump met the Saudi crown prince in Riyadh' is no round."""
    return finder.table.side(name) in TALKS_SIDES


def _noun_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'talks in Cairo on Sunday' on the truce or with a negotiator, 'the Doha talks' in an
    article about the talks, 'after a summit in the Italian capital' (a meeting named in
    passing, with its own place, or its own day and people: `_own_day_and_people`). Leaves
    'talks' with neither place nor day, and 'before the talks' without a place."""
    named = "noun" in facts.kinds or ("reference" in facts.kinds and bool(
        facts.location or _own_day_and_people(facts)))
    if not named or not facts.has_info:
        return False
    return facts.topic or facts.negotiator or bool(
        facts.location and facts.doc_topic and _talks_noun(group))


def _own_day_and_people(facts: Facts) -> bool:
    """A meeting named in passing with a day of its own and two named people or offices: 'even
    after Netanyahu's talks with Witkoff and Trump yesterday, Israel's position remains', 'ahead
    of Netanyahu's meeting with Trump on Monday'. Leaves 'after the talks on Monday' (nobody
    named) and 'before his meeting with Trump' (no day)."""
    return bool(facts.date) and day_precise(facts.date.text) and facts.n_people >= 2


def _weak_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'spoke with X in Paris about the hostages', 'a Hamas delegation discussed ... a truce
    with Egyptian officials in Cairo': a place, people (named or not) and the topic or a
    negotiator. Leaves 'spoke on Sunday' (no place)."""
    return ("weak" in facts.kinds and bool(facts.location) and (facts.negotiator or facts.topic)
            and (facts.n_people >= 1 or facts.unnamed))


def _arrive_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'Burns arrived in Doha' (a negotiator, a place, about the talks); 'The Israeli
    delegation for the talks has arrived in Paris', 'the Hamas delegation arrived in Cairo on
    Tuesday evening' (an unnamed delegation, for the talks or in an article about them),
    'Israeli and Hamas officials arrived in Sharm el-Sheikh amid calls for a ceasefire'
    (unnamed officials, and the topic in the sentence). Leaves 'arrived in Israel' of a
    non-negotiator."""
    return ("arrive" in facts.kinds and bool(facts.location)
            and (facts.negotiator or (facts.unnamed and (facts.talks_in_sentence or facts.topic))
                 or _delegation_goes(facts) or _negotiators_go(s, group))
            and (facts.topic or facts.doc_topic or "noun" in facts.kinds))


def _travel_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'will travel to Cairo for talks', 'flew to Doha to meet', 'will go to Doha on Sunday,
    and Burns will be there for the talks' (the talks of the sentence are where the negotiator
    goes on a given day); without a stated purpose, in an article about the talks, a
    negotiator's trip ('Witkoff will travel to Doha later this week') or an unnamed
    delegation's ('A team of Israeli officials will travel to Cairo in the coming hours').
    Leaves 'flew to Doha' of others, a leader's trip ('Witkoff traveled to London with
    President Trump', 'Blinken will head to Italy to join Biden at the G7'), and leaving ('Burns
    left Cairo on Thursday', 'the delegation has left Cairo and is on its way to Qatar': the
    talks are over, and that day is not theirs)."""
    if "travel" not in facts.kinds or not facts.location:
        return False
    about = facts.topic or facts.doc_topic
    leaving = {t.word.lower() for t in group.triggers if t.kind == "travel"} <= \
        finder.lex["departure"] or any(w in finder.lex["departure"]
                                      for w in s.lower[:max(group.positions) - s.start])
    if (_delegation_goes(facts) or _negotiators_go(s, group)) and about and not leaving:
        return True
    if about and not leaving and _negotiators_go(s, group, finder.lex["negotiator_noun"]) \
            and _towards(s, group) and finder._travel_for_talks(s, group):
        return True  # "Israeli officials traveled to Qatar for a new series of discussions"
    return facts.negotiator and (finder._travel_for_talks(s, group) or (
        about and not leaving and all(map(finder.table.is_negotiator, facts.names))))


def _delegation_goes(facts: Facts) -> bool:
    """An unnamed delegation or team (a `delegation` word of the group, with the negotiators
    unnamed) that travels, arrives or is somewhere: 'A team of mid-ranking Israeli officials
    will travel to Cairo', 'Delegations from Israel and Hamas have been in the Gulf state'.
    Leaves named people (their own rules) and 'officials flew to Cairo' (no delegation)."""
    return "delegation" in facts.kinds and facts.unnamed


NEGOTIATOR_SUBJECTS = {"negotiators", "mediators"}  # unnamed, but in the talks by name


def _negotiators_go(s: Sentence, group: Group, words=NEGOTIATOR_SUBJECTS) -> bool:
    """Unnamed negotiators who arrive or travel, the word (of `words`) at most three words
    before the verb (their subject): 'Israeli negotiators landed in Cairo on Sunday', 'Qatari
    and Egyptian mediators arrived in Doha', 'the negotiators will fly to Cairo'. Leaves
    'Netanyahu arrived in Washington as negotiators met in Doha' (the negotiators after the
    verb) and 'officials arrived in Cairo' (officials of anything: `_travel_rule` takes them
    with talks as the trip's purpose)."""
    return any(t.kind in ("arrive", "travel") and any(
        w in words for w in s.lower[max(0, t.position - s.start - 4):t.position - s.start])
        for t in group.triggers)


def _towards(s: Sentence, group: Group) -> bool:
    """A travel verb of the group followed by 'to' or 'into' (a trip towards the place):
    'traveled to Qatar', 'flew into Cairo'. Leaves 'returned from Qatar for consultations'."""
    return any(t.kind == "travel" and s.lower[t.position - s.start + 1:
                                              t.position - s.start + 2] in (["to"], ["into"])
               for t in group.triggers)


VISIT_VERBS = {"visit", "visits", "visited", "visiting"}


def _nearest_date(group: Group) -> Item | None:
    """The group's day nearest to its meeting words (a delegation word counting only when
    there is no other): 'In a statement on Friday, Hamas said it would send a delegation to
    Cairo on Saturday to continue discussions' is Saturday."""
    if not group.dates:
        return None
    positions = [t.position for t in group.triggers if t.kind != "delegation"] or \
        group.positions
    return min(group.dates, key=lambda d: min(_distance(d, p) for p in positions))


OTHER_EVENT_OPENERS = ("in the meantime", "meanwhile", "separately", "elsewhere",
                       "in a separate")
TEAM_SUBJECTS = (["the", "team"], ["the", "delegation"], ["the", "negotiators"],
                 ["the", "israeli", "team"], ["the", "israeli", "delegation"])


def _team_goes_on(s: Sentence, facts: Facts) -> bool:
    """'The team has been meeting with Burns, the Qatari prime minister and Kamel' right after
    the delegation's talks in Doha: a sentence that opens with the team named before and gives
    no place of its own tells more of that meeting (an anaphor adding its people)."""
    return not facts.location and not facts.date and any(
        s.lower[:len(subject)] == subject for subject in TEAM_SUBJECTS)


def _lone_visit(facts: Facts, group: Group, s: Sentence | None = None) -> bool:
    """A visit with nobody to meet and no talks: 'killed Haniyeh in July while he was visiting
    Tehran'. Leaves 'Blinken visited Cairo for talks', 'visited Doha and met the emir', 'is
    likely to visit him in Florida' (a person visited: him, her, them), 'Blinken is set to
    visit Egypt and Israel on Monday' to broker a ceasefire (a negotiator's visit to come,
    the topic)."""
    if s is not None and any(s.lower[t.position - s.start + 1:t.position - s.start + 2] in (
            ["him"], ["her"], ["them"]) for t in group.triggers):
        return False
    if s is not None and facts.negotiator and facts.topic and any(
            s.lower[t.position - s.start - 1:t.position - s.start] in (["to"], ["will"])
            for t in group.triggers):
        return False  # "Blinken is set to visit Egypt and Israel on Monday, as the United
        # States intensifies its efforts to broker a ceasefire in Gaza" (a visit to come)
    return all(t.word.lower() in VISIT_VERBS for t in group.triggers) and \
        facts.n_people < 2 and not facts.talks_in_sentence


def _placeless_politicians(facts: Facts, finder=None) -> bool:
    """A meeting with no place whose named people are none of them negotiators or mediators
    ('In a meeting on Monday with Benny Gantz, US Vice President Kamala Harris ...'): politics,
    not the talks. Leaves 'Burns met Barnea on Monday', unnamed negotiators, and the leaders
    of two sides of the talks meeting on a given day (`_two_sides_on_a_day`)."""
    return not facts.location and bool(facts.names) and not facts.negotiator and not (
        finder is not None and _two_sides_on_a_day(finder, facts))


def _two_sides_on_a_day(finder, facts: Facts) -> bool:
    """Named people of two different sides of the talks (`_party`: the United States and
    Israel, a mediator and Hamas) meeting on a given day, with no place in the sentence: 'At
    the start of his meeting with Prime Minister Benjamin Netanyahu on Monday, U.S. President
    Donald Trump outlined ...', 'Netanyahu will meet Monday US President Donald Trump', 'Vance
    is scheduled to meet Israeli Prime Minister Benjamin Netanyahu on Wednesday'. Leaves 'In a
    meeting on Monday with Benny Gantz, ... Kamala Harris' (Gantz and Netanyahu are one side,
    Harris is not in the table), a meeting without a day ('before his meeting with Trump')
    and 'this week' (a week, no day)."""
    if not (facts.date and day_precise(facts.date.text)):
        return False
    sides = {finder.table.side(name) for name in facts.names if _party(finder, name)}
    return len(sides) >= 2


def _presence_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """'McGurk was in Qatar and Egypt this week for talks', 'Representatives from Hamas,
    Qatar and the U.S. are in Cairo for the talks', 'the chief of the Mossad was in Cairo':
    a negotiator (or named negotiators of the talks) at a place, in an article about them.
    Leaves 'Netanyahu was in Washington'."""
    return ("presence" in facts.kinds and bool(facts.location)
            and (facts.negotiator or (facts.unnamed and (facts.talks_in_sentence or (
                facts.topic and facts.doc_topic))) or _delegation_goes(facts))
            and (facts.topic or facts.doc_topic))


def _delegation_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """A delegation sent to a place ('Hamas said it would send a delegation to Cairo on
    Saturday', 'Israel dispatched a team to Doha') or one at a place ('the Israeli delegation
    in Cairo had sought to extend the first phase', 'a Hamas delegation in Cairo reaffirmed'),
    in an article about the talks. Leaves 'the delegation' with no place, 'a delegation of
    Gaza's mayors' in an article about something else."""
    if "delegation" not in facts.kinds or not facts.location or not (
            facts.topic or facts.doc_topic):
        return False
    starts = {p.start for p in group.places}
    for t in group.triggers:
        if t.kind != "delegation":
            continue
        i = t.position - s.start
        sent_by = [j for j in range(max(0, i - 5), i)  # ("dispatch a working-level team")
                   if s.lower[j] in finder.lex["send_verb"] or s.lower[j] in LEAD_VERBS]
        if sent_by:  # (also "Barnea will lead the Israeli delegation to Doha"; not "will not
            return not _negated(s.lower, sent_by[0])  # send a delegation to Cairo")
        if s.lower[i + 1:i + 2] == ["in"] and (t.position + 2 in starts or (
                s.lower[i + 2:i + 3] == ["the"] and t.position + 3 in starts)):
            return True
        if _back_from(s.lower, i, {p - s.start for p in starts}):
            return True  # "after a delegation returned from Doha", "bring our team home
            # from Doha": the delegation was there for the talks
    return False


BACK_WORDS = {"returned", "returns", "return", "returning", "home", "back", "came"}


RECALL_WORDS = {"recalled", "recalls", "recall", "recalling", "withdrew", "withdraws",
                "withdrawing", "withdrawn", "pulled", "pulls", "pulling"}


def _back_from(lower: list[str], i: int, starts: set[int]) -> bool:
    """'a delegation returned from Doha', 'bring our team home from Doha', 'the team is back
    from Cairo': a delegation word (token i), a word of coming back, 'from' and a place (token
    offsets `starts`), within five words; 'Israel recalled its negotiating team from Doha' (a
    word of recalling up to four words before the delegation word, 'from' and the place right
    after it). Leaves 'a delegation from Hamas' (no return)."""
    if any(w in RECALL_WORDS for w in lower[max(0, i - 4):i]) and lower[i + 1:i + 2] == \
            ["from"] and (i + 2 in starts or (lower[i + 2:i + 3] == ["the"] and i + 3 in starts)):
        return True
    for j in range(i + 1, min(len(lower) - 1, i + 4)):
        if lower[j] in BACK_WORDS and lower[j + 1] == "from" and (
                j + 2 in starts or (lower[j + 2:j + 3] == ["the"] and j + 3 in starts)):
            return True
    return False


def _attack_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """A meeting struck while it was held: 'the attack occurred while its delegation was
    discussing a new ceasefire proposal', 'struck ... in Qatar on Tuesday as the group's top
    figures gathered to consider a US proposal' (its place: the sentence's, else the one the
    sentence before named). Leaves an attack with no meeting word after 'as'/'while'."""
    return bool(facts.location) and (facts.topic or facts.doc_topic) and any(
        _under_attack(s.lower, t.position - s.start) for t in group.triggers)


LEAD_VERBS = {"lead", "leads", "led", "leading"}


def also_meets(s: Sentence, group: Group) -> bool:
    """'also' within the three words before a verb of meeting of the group: 'Barnea also met
    with Egyptian officials', 'the Mossad chief would likely also meet with Egyptian
    officials', 'Sheikh Tamim also met with Steve Witkoff': another meeting of the same
    person. Leaves 'X also took part' and 'the talks also covered' (no verb of meeting)."""
    return any(t.kind == "meet" and "also" in s.lower[max(0, t.position - s.start - 3):
                                                      t.position - s.start]
               for t in group.triggers)


def _also_met_rule(finder, facts: Facts, s: Sentence, group: Group) -> bool:
    """A negotiator who also met someone else (`also_meets`), named or not ('Barnea also met
    with Egyptian officials', 'Carstens is also expected to meet with Israeli officials'),
    in an article about the talks: a meeting of its own, even with no place or day. Leaves a
    non-negotiator ('Netanyahu also met opposition leaders') and 'X also met' with no one
    else ('they also met')."""
    return (also_meets(s, group) and facts.negotiator and (facts.topic or facts.doc_topic)
            and (facts.unnamed or facts.n_people >= 2))


PRIMARY_RULES = (_meet_rule, _noun_rule, _weak_rule, _arrive_rule, _travel_rule,
                 _presence_rule, _delegation_rule, _attack_rule, _also_met_rule)


DISCUSS_WORDS = {"discuss", "discusses", "discussed", "discussing", "confer", "conferred"}


def _negotiators_discuss(facts: Facts) -> bool:
    """'Burns, Barnea and the Qatari prime minister are set to discuss a proposal' right after
    a meeting is named: two named negotiators who discuss are its people. Leaves 'Al Thani
    spoke with Rubio' (often a call) and one negotiator discussing."""
    return facts.n_negotiators >= 2 and bool(facts.words & DISCUSS_WORDS)


def _anaphoric(facts: Facts) -> bool:
    """A mention that refers back to the meeting named last: 'the meeting', 'the talks', 'they
    discussed', 'the delegation included X', 'X also took part'."""
    kinds = facts.kinds
    return bool("noun" in kinds or "meet" in kinds or "reference" in kinds
                or ("weak" in kinds and facts.pronoun_subject) or _negotiators_discuss(facts)
                or ("delegation" in kinds and facts.participation
                    and bool(facts.names or facts.offices))  # ("is led by the head of Mossad")
                or ("join" in kinds and facts.n_people))
