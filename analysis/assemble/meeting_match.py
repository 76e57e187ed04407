"""Whether a meeting mention is the meeting an article told of so far, and adding it.

The mentions of one meeting within an article are one meeting when their days agree (within a
day, or inside a round of several days whose first or last day the text marks), their places
agree (one may contain the other: Paris is in Europe) and their people overlap; the vetoes of
:func:`_compatible` keep apart what the text tells as other meetings ("Barnea met Netanyahu
Thursday" is not the trip to Doha planned Friday). Used by :mod:`analysis.assemble.meetings`,
which walks an article's mentions and resolves anaphors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from analysis.assemble.meeting_days import undated_days_disagree
from analysis.assemble.meeting_words import long_talks
from analysis.rules.actors import load_actors
from analysis.rules.places import Gazetteer


@dataclass
class Cluster:
    """The mentions of one meeting within one article."""

    mentions: list[dict] = field(default_factory=list)
    location: str = ""
    date: dt.date | None = None
    date_text: str = ""
    participants: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    held: bool = False
    headline_held: bool = False  # a headline in the present tense: held only if nothing else
    earlier: bool = False
    last: dt.date | None = None
    boundary: str = ""
    span: tuple | None = None  # the week or month of an undated meeting ("last week")
    soft: dt.date | None = None  # the day the news is about, for a held meeting without one
    round_days: int = 0  # how long the text says the round lasted ("lasted for two days")
    under_way: bool = False  # its day is the report's, for talks under way (no day named)

    @property
    def first(self) -> dict:
        primary = [m for m in self.mentions if m.get("kind") == "primary"]
        return (primary or self.mentions)[0]

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(m["sentence_start"], m["sentence_end"]) for m in self.mentions]


ROUND_SPAN_DAYS = 4  # a round's first and last day ("began on Monday", "left on Thursday")


def _day_fits(cluster: Cluster, mention: dict, day) -> bool:
    """Days within a day of the meeting's days, or inside a round of several days whose first
    or last day the text marks ("talks began on Monday", "left Cairo on Thursday after three
    days of talks"). Without a report date, the date words must not disagree
    (:func:`analysis.assemble.meeting_days.undated_days_disagree`); talks of weeks or months
    without a day fit no meeting of one day (:func:`analysis.assemble.meeting_words.long_talks`)."""
    if day is None and cluster.date is None and not (
            mention.get("boundary") or cluster.boundary or cluster.round_days
            or mention.get("round_days")) and undated_days_disagree(
                cluster.date_text, mention.get("date_text", "")):
        return False  # undated article: "traveled to Doha on Nov. 9" is not "on Tuesday"
    if not day and cluster.date and long_talks(mention):
        return False  # "the latest round, held in Doha, lasted for weeks" is not the
        # meeting "on Monday"
    span = mention.get("span")
    if span and cluster.date is not None and not span[0] <= cluster.date <= span[1]:
        return False  # "talks ... last week" are not the summit on Monday
    if day and cluster.date is None and cluster.span and not (
            cluster.span[0] <= day <= cluster.span[1]):
        return False
    if not day or cluster.date is None:
        return True
    first, last = cluster.date, cluster.last or cluster.date
    if last - dt.timedelta(days=1) <= day <= first + dt.timedelta(days=1):
        return True  # within a day of every day told so far: no chain of days a day apart
        # ('traveled to Cairo on Monday', 'the visit ... on Sunday', 'left on Saturday')
    span = dt.timedelta(days=ROUND_SPAN_DAYS)
    if cluster.round_days or mention.get("round_days"):  # "began on Thursday, which lasted
        span = dt.timedelta(days=(cluster.round_days or mention["round_days"]) - 1)  # two days"
    boundary = mention.get("boundary", "")
    if boundary == "start" and first >= day and last - day <= span:
        return True
    if boundary == "end" and day >= last and day - first <= span:
        return True
    if cluster.boundary == "end" and day <= first and last - day <= span:
        return True
    if cluster.boundary == "start" and day >= last and day - first <= span:
        return True
    return False


def _compatible(cluster: Cluster, mention: dict, day, gazetteer: Gazetteer,
                anaphor: bool = False) -> bool:
    if not _day_fits(cluster, mention, day):
        return False
    if mention.get("again") and day and cluster.date and day != cluster.date:
        return False  # "met ... on Monday night and again on Tuesday": two meetings
    if day and cluster.date and day != cluster.date and cluster.mentions and \
            (mention.get("status") == "held") != cluster.held and not mention.get("boundary") \
            and not mention.get("location"):
        return False  # "Barnea met Netanyahu Thursday" is not the trip to Doha planned Friday
    if _further_meeting(cluster, mention):
        return False  # "a new round of talks will take place today in Miami" is not the
        # meeting Witkoff held there; "a Hamas delegation will return to Cairo" is not the
        # talks it has left
    if _other_side_trip(cluster, mention):
        return False  # "a Hamas delegation is expected to arrive in Cairo" is not the
        # Israeli delegation's talks held there
    if _undated_other_plan(cluster, mention, day):
        return False  # undated article: "a meeting scheduled for Wednesday night between
        # Trump and the Qatari prime minister" is not the round held in Doha
    if mention.get("after_clause") and day and cluster.date and day != cluster.date:
        return False  # "met Burns on Thursday, after the mediators met Hamas on Wednesday"
    if _held_beside_a_plan(cluster, mention, day):
        return False
    if not gazetteer.compatible(cluster.location, mention.get("location", "")):
        return False
    if bool(mention.get("earlier")) != cluster.earlier and not (day and cluster.date):
        return False
    if anaphor:
        return True  # "the meeting will include ...": refers back whoever it names
    people = set(mention.get("participants", [])) | set(mention.get("offices", []))
    mine = set(cluster.participants) | set(cluster.offices)
    if _arrivals_at_one_round(cluster, mention, day, gazetteer):
        return True  # "Kushner and Witkoff arrived in Sharm on Wednesday ... Also arriving
        # in Sharm today are Dermer, the Qatari prime minister and Kalin": one round
    if len(people) >= 2 and len(mine) >= 2 and not people & mine:
        return False
    if (mention.get("leaders") or any(m.get("leaders") for m in cluster.mentions)) and \
            not people & mine:
        return False  # "Netanyahu is expected to meet Trump on Monday" is not the round of
        # talks in Doha that names neither (the leaders of two sides, placeless: their own)
    if _other_people_elsewhere(cluster, mention, people, mine):
        return False
    inside = bool(day and cluster.date and cluster.last and cluster.last > cluster.date
                  and cluster.date <= day <= cluster.last)
    met = bool(MET_WORDS & set(mention.get("trigger", "").lower().split()))
    if met and day and cluster.date and day < cluster.date and len(people) >= 2 and \
            people - mine and not mention.get("location") and not mention.get("boundary"):
        return False  # "Sisi met Burns on Saturday", the day before the round: its own
    if mention.get("boundary") or mention.get("joining") or inside or not (people and mine) \
            or people & mine:
        return True
    if day and cluster.date and day != cluster.date:
        return False  # others, on another day: "al-Hayya met the mediators on Saturday"
    if len(people) >= 2 and "met" in mention.get("trigger", "").lower().split():
        return False  # "Sisi met Burns on Saturday": a meeting of its own
    return True


def _held_beside_a_plan(cluster: Cluster, mention: dict, day) -> bool:
    """A meeting held is not one planned, and the other way round, when the text tells them
    apart: "Earlier, Blinken met the emir" is not his visit planned for Wednesday; "talks with
    Rashad" are not a delegation's trip planned for Monday; a visit planned for next week is
    not the talks held in recent weeks; "a meeting between Netanyahu and Witkoff on Monday",
    "he has been re-engaging with Hamas in Doha" are not the talks planned in Doha next
    week."""
    primary = mention.get("kind") == "primary"
    if not day and cluster.date and not cluster.held and cluster.mentions and \
            mention.get("status") == "held" and primary and \
            (len(mention.get("participants", [])) >= 2 or (
                mention.get("participants") and not cluster.participants)):
        return True
    if mention.get("later") and cluster.held and primary:
        return True
    return bool((day or mention.get("participants")) and cluster.date is None
                and not cluster.held and primary and mention.get("status") == "held"
                and any(m.get("later") for m in cluster.mentions if m.get("kind") == "primary"))


FURTHER = re.compile(r"\b(?:new|next|another|fresh|further)\s+round\b|"
                     r"\b(?:return|returns|returning|come\s+back|be\s+back)\s+to\b", re.IGNORECASE)


def _further_meeting(cluster: Cluster, mention: dict) -> bool:
    """A meeting planned as a further one ('a new round of talks will take place today in
    Miami', 'the next round of talks', 'a Hamas delegation will return to Cairo') is a
    meeting of its own, not the meeting held before it: the planned mention's words name
    another round or a coming back while the meeting it would join is held. Leaves held
    mentions ('returned to Cairo on Monday' joins the talks there), plans joining a plan,
    and a planned trip to the talks ('will travel to Cairo for the talks')."""
    if mention.get("status") != "planned" or mention.get("kind") != "primary" or \
            not cluster.held:
        return False
    return bool(FURTHER.search(mention.get("quote", "")))


def _other_side_trip(cluster: Cluster, mention: dict) -> bool:
    """A delegation of one side planned where another side's delegation held talks (or the
    other way round) is a meeting of its own: 'a Hamas delegation is expected to arrive in
    Cairo' after the Israeli delegation's talks there. Leaves both held ('the Hamas
    delegation arrived in Cairo' joins the Israeli one's round), a delegation planned to join
    talks of named people ('an Israeli team will travel to Doha' to the talks of Burns and the
    Qatari prime minister: the same round), and delegations of no named side. Named people
    all of one party count as that party's delegation (:func:`_party_sides`): 'a Hamas
    delegation is expected to travel to Cairo' is not the talks 'Barnea and Bar returned
    from' there, nor the meeting the Mossad and Shin Bet chiefs held with the mediators."""
    side = mention.get("delegation_side") or "".join(_party_sides(mention.get("participants", [])))
    if not side or mention.get("kind") != "primary" or not cluster.mentions or \
            (mention.get("status") == "held") == cluster.held:
        return False
    sides = {m.get("delegation_side") for m in cluster.mentions} - {"", None}
    if not sides and side in PARTY_SIDES:
        sides = _party_sides(cluster.participants)
    return bool(sides) and side not in sides


PARTY_SIDES = {"Israel", "Hamas"}  # the two parties; mediators' people join either side's trip


def _party_sides(people: list[str]) -> set[str]:
    """The party (Israel or Hamas) of a meeting's people when all its people are of that one
    party: 'Barnea and Bar returned from Cairo after talks' is Israel's; a meeting with Burns
    or the Qatari prime minister in it, or of no known person, has no single party."""
    table = load_actors()
    sides = {table.side(name) for name in people}
    return sides if len(sides) == 1 and sides <= PARTY_SIDES else set()


MET_WORDS = {"met", "meeting"}  # a meeting of its own people, not a round's arrival or talks
# ("Witkoff's meeting with Qatar's prime minister on Friday" is not his arrival on Saturday)
ARRIVAL = re.compile(r"\barriv(?:e|es|ed|ing)\b", re.IGNORECASE)


def _arrivals_at_one_round(cluster: Cluster, mention: dict, day, gazetteer: Gazetteer) -> bool:
    """People arriving at the same place on the same day as the meeting's own arrivals come
    to the same round, whoever they are ('Witkoff and Kushner arrived in Sharm el-Sheikh on
    Wednesday', 'also arriving in Sharm today are Dermer and the Qatari prime minister').
    Leaves other kinds of meeting words ('Sisi met Burns on Saturday' is a meeting of its
    own) and arrivals without a day."""
    if not day or cluster.date != day or not mention.get("location") or not cluster.location:
        return False
    if gazetteer.canonical(mention["location"]) != gazetteer.canonical(cluster.location):
        return False
    return bool(ARRIVAL.search(mention.get("trigger", ""))) and any(
        ARRIVAL.search(m.get("trigger", "")) for m in cluster.mentions)


def _undated_other_plan(cluster: Cluster, mention: dict, day) -> bool:
    """In an article without a report date (days named but not resolved): a meeting with a
    day of its own ('scheduled for Wednesday night'), two or more people none of them in the
    meeting it would join, and the other status (planned against held) is a meeting of its
    own. Leaves mentions without a day and dated articles (the days decide there)."""
    from analysis.rules.dates import day_precise  # its patterns compile only when needed

    if day or cluster.date or not cluster.mentions or mention.get("kind") != "primary" or \
            not mention.get("date_text") or not day_precise(mention["date_text"]):
        return False
    if (mention.get("status") == "held") == cluster.held:
        return False
    people = set(mention.get("participants", []))
    return len(people) >= 2 and not people & set(cluster.participants)


def _planned_with_day(cluster: Cluster) -> bool:
    """The meeting has a planned primary mention with a day of its own."""
    return any(m.get("kind") == "primary" and m.get("status") == "planned"
               and m.get("date_text") for m in cluster.mentions)


def _other_people_elsewhere(cluster: Cluster, mention: dict, people: set, mine: set) -> bool:
    """Other people, and the mention says where while the meeting does not: 'McGurk was in
    Qatar this week' is not the planned meeting of Burns and Barnea with the Qatari prime
    minister (place unknown)."""
    if not people or not mine or people & mine or mention.get("joining"):
        return False
    return bool(mention.get("location") and not cluster.location)


def _add(cluster: Cluster, mention: dict, day, gazetteer: Gazetteer, primary: bool) -> None:
    cluster.mentions.append(mention)
    location = mention.get("location", "")
    if gazetteer.compatible(cluster.location, location):
        cluster.location = gazetteer.more_specific(cluster.location, location)
    if mention.get("span") and cluster.span is None and primary:
        cluster.span = mention["span"]
    cluster.round_days = cluster.round_days or mention.get("round_days", 0)
    if primary and cluster.soft is None and mention.get("soft"):
        cluster.soft = mention["soft"]
    if day and cluster.date is None:
        cluster.date, cluster.date_text, cluster.last = day, mention.get("date_text", ""), day
        cluster.boundary = mention.get("boundary", "")
        cluster.under_way = _under_way(mention)
    elif day and cluster.under_way and not _under_way(mention) and day <= cluster.date:
        cluster.date, cluster.date_text, cluster.under_way = day, mention["date_text"], False
        # "has met with the Hamas delegation in Doha as the negotiations continue. The
        # meetings took place on Monday evening": Monday, not the report's day
    elif day and primary and cluster.date is not None:
        if day < cluster.date:  # a round is dated by its first day
            cluster.date, cluster.date_text = day, mention.get("date_text", "")
            cluster.boundary = mention.get("boundary", "") or cluster.boundary
        cluster.last = max(cluster.last or day, day)
    elif not cluster.date_text and mention.get("date_text") and primary:
        cluster.date_text = mention["date_text"]
    for name in mention.get("participants", []):
        if name not in cluster.participants:
            cluster.participants.append(name)
    for office in mention.get("offices", []):
        if office not in cluster.offices:
            cluster.offices.append(office)
    if primary:
        alone = not any(m.get("kind") == "primary" for m in cluster.mentions[:-1])
        if mention.get("status") == "held" and mention.get("headline"):
            cluster.headline_held = True
        elif mention.get("status") == "held" and (alone or day or location) and not (
                not day and not mention.get("participants") and _planned_with_day(cluster)):
            cluster.held = True  # (a bare "negotiations ... in January" leaves a plan alone;
            # so does "sources described the talks in Oslo as exploratory" a plan for Saturday)
        cluster.earlier = cluster.earlier or bool(mention.get("earlier"))


def _under_way(mention: dict) -> bool:
    """The mention's day is the report's because the talks are said to be under way
    ('as negotiations continue', 'currently'), not a day it names."""
    return bool(mention.get("ongoing")) and mention.get("date_text") == mention["ongoing"]
