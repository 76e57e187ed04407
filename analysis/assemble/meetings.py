"""Meetings table: one row per meeting or round of talks an article reports.

The `meeting_finder` component leaves one dict per *mention* in ``results[doc_id]["meetings"]``.
Here each mention's day is resolved against the article's report date (analysis.rules.dates), office
titles become people by that date ("the Qatari prime minister" in 2024 is Mohammed bin
Abdulrahman Al Thani), and the mentions of one meeting within an article are merged: same or
no day (within a day), same place or one containing the other (Paris is in Europe), shared
participants. Anaphoric mentions ("the meeting will include ...") add their participants to the
meeting mentioned last. An earlier round the article mentions in passing ("were previously in
Qatar ... on Nov 9") stays its own row.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis import schema
from analysis.assemble.meeting_days import anchor_undated, date_mention, record_weekday
from analysis.assemble.meeting_days import resolve_date as resolve_date  # (tests import it here)
from analysis.rules.actors import load_actors, merge_by_surname
from analysis.rules.lexicon import word_lists
from analysis.rules.places import Gazetteer, load_gazetteer


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
    days of talks")."""
    span = mention.get("span")
    if span and cluster.date is not None and not span[0] <= cluster.date <= span[1]:
        return False  # "talks ... last week" are not the summit on Monday
    if day and cluster.date is None and cluster.span and not (
            cluster.span[0] <= day <= cluster.span[1]):
        return False
    if not day or cluster.date is None:
        return True
    first, last = cluster.date, cluster.last or cluster.date
    if first - dt.timedelta(days=1) <= day <= last + dt.timedelta(days=1):
        return True
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
    if _other_side_trip(cluster, mention):
        return False  # "a Hamas delegation is expected to arrive in Cairo" is not the
        # Israeli delegation's talks held there
    if _undated_other_plan(cluster, mention, day):
        return False  # undated article: "a meeting scheduled for Wednesday night between
        # Trump and the Qatari prime minister" is not the round held in Doha
    if mention.get("after_clause") and day and cluster.date and day != cluster.date:
        return False  # "met Burns on Thursday, after the mediators met Hamas on Wednesday"
    if not day and cluster.date and not cluster.held and cluster.mentions and \
            mention.get("status") == "held" and mention.get("kind") == "primary" and \
            (len(mention.get("participants", [])) >= 2 or (
                mention.get("participants") and not cluster.participants)):
        return False  # "Earlier, Blinken met the emir" is not his visit planned for Wednesday;
        # "talks with Rashad" are not a delegation's trip planned for Monday
    if mention.get("later") and cluster.held and mention.get("kind") == "primary":
        return False  # a visit planned for next week is not the talks held in recent weeks
    if (day or mention.get("participants")) and cluster.date is None and not cluster.held \
            and mention.get("kind") == "primary" and mention.get("status") == "held" and any(
                m.get("later") for m in cluster.mentions if m.get("kind") == "primary"):
        return False  # "a meeting between Netanyahu and Witkoff on Monday", "he has been
        # re-engaging with Hamas in Doha" are not the talks planned in Doha next week
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


def _other_side_trip(cluster: Cluster, mention: dict) -> bool:
    """A delegation of one side planned where another side's delegation held talks (or the
    other way round) is a meeting of its own: 'a Hamas delegation is expected to arrive in
    Cairo' after the Israeli delegation's talks there. Leaves both held ('the Hamas
    delegation arrived in Cairo' joins the Israeli one's round), a delegation planned to join
    talks of named people ('an Israeli team will travel to Doha' to the talks of Burns and the
    Qatari prime minister: the same round), and delegations of no named side."""
    side = mention.get("delegation_side")
    if not side or mention.get("kind") != "primary" or not cluster.mentions or \
            (mention.get("status") == "held") == cluster.held:
        return False
    sides = {m.get("delegation_side") for m in cluster.mentions} - {"", None}
    return bool(sides) and side not in sides


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


def _talks_under_way_of_a_trip(target: Cluster, mention: dict) -> bool:
    """'Burns is traveling to Doha for an emergency meeting ... regarding the ongoing
    negotiations': the talks said to be under way (dated by the report, no day of their own)
    do not date the planned trip they are named in. Leaves held meetings ('has met ... as the
    negotiations continue') and anaphors with a day of their own."""
    return _under_way(mention) and not target.held and target.date is None


def _resolve_offices(mention: dict, when: dt.date | None) -> dict:
    """Replace office keys by the people who held them on `when` (those it cannot place stay
    as office keys and are tried again for the whole meeting)."""
    offices = mention.get("offices") or []
    if not offices:
        return mention
    table = load_actors()
    named = set(mention.get("named_in_doc", [])) | set(mention.get("participants", []))
    people = list(mention.get("participants", []))
    left = []
    for office in offices:
        holder = table.resolve_office(office, when, named)
        if holder:
            if holder not in people:
                people.append(holder)
        else:
            left.append(office)
    return {**mention, "participants": people, "offices": left}


def _own_meeting(cluster: Cluster, mention: dict, day: dt.date | None = None) -> bool:
    """An anaphoric 'met'/'meet' with a day of its own and two or more people, none of them
    in the meeting it would join (or, when that meeting names nobody, on another day than
    it): another meeting, without a place ("Netanyahu is expected to meet Trump on Monday"
    is not the Doha talks of Sunday)."""
    words = mention.get("trigger", "").lower().split()
    if not any(w in ("met", "meet", "meets", "meeting") for w in words):
        return False
    if mention.get("ongoing") and mention.get("date_text") == mention.get("ongoing"):
        return False  # "the team has been meeting with Burns": dated by the report, not by
        # a day of its own
    people = set(mention.get("participants", []))
    if len(people) < 2 or people & set(cluster.participants):
        return False
    return bool(cluster.participants) or bool(day and cluster.date and day != cluster.date)


def _city_of_country(location: str, places_in_doc: list[str], taken: set[str]) -> str:
    """A country made precise by the one city of it the article names ('travels to Egypt on
    Tuesday ... After Cairo, he is set to travel to Qatar' -> Cairo). Leaves the country when
    the article names none or several of its cities, or when that city is the place of
    another of its meetings ('met in Doha on Tuesday ... were previously in Qatar')."""
    gazetteer = load_gazetteer()
    if gazetteer.kind.get(gazetteer.canonical(location)) != "country":
        return location
    cities = {p for p in places_in_doc if gazetteer.kind.get(p) == "city"
              and gazetteer.contains(location, p)}
    return next(iter(cities)) if len(cities) == 1 and not cities & taken else location


def _internal(row: dict, gazetteer: Gazetteer) -> bool:
    """Officials of one country meeting at home ("Netanyahu held consultations with Katz and
    Halevi in Jerusalem") consult; that is not a round of talks."""
    table = load_actors()
    people = [p for p in row["participants"].split(";") if p]
    if len(people) < 2 or any(p not in table.actors for p in people):
        return False
    countries = {table.actors[p].country for p in people}
    if len(countries) != 1:
        return False
    country = next(iter(countries))
    place = row["location"]
    return not place or gazetteer.canonical(place) == country or gazetteer.contains(
        country, place)


def _dated(mention: dict, report_date: dt.date | None) -> tuple[dict, dt.date | None]:
    """:func:`analysis.assemble.meeting_days.date_mention`, with the mention's offices
    resolved to people on its day (or the report's)."""
    mention, day = date_mention(mention, report_date)
    return _resolve_offices(mention, day or report_date), day


def _anaphor_target(mention: dict, clusters: list[Cluster], last: Cluster | None,
                    touched: list[Cluster], gazetteer: Gazetteer) -> Cluster | None:
    """The meeting an anaphoric mention refers to: the one a primary mention went to last;
    "The two leaders met ..." the last meeting of two; "The Israeli delegation in Doha was
    led by ..." the latest meeting there."""
    target = last
    if _delegation_words(mention) and last is not None and not any(
            map(_delegation_words, last.mentions)):
        # "The Hamas delegation was led by ...": the last meeting a delegation came to
        target = next((c for c in reversed(touched) if any(map(_delegation_words, c.mentions))),
                      None)
        if target is not None:
            return target
        target = last
    theirs = _meeting_of_the_people(mention, touched, last)
    if theirs is not None:
        return theirs
    if mention.get("plural_subject") and last is not None and len(last.participants) < 2:
        target = next((c for c in reversed(touched) if len(c.participants) >= 2), last)
    if mention.get("location") and last is not None and not gazetteer.compatible(
            last.location, mention["location"]):
        target = next((c for c in clusters if c.location and
                       gazetteer.compatible(c.location, mention["location"])), None)
    return target


def _meeting_of_the_people(mention: dict, touched: list[Cluster],
                           last: Cluster | None) -> Cluster | None:
    """'Mr. Blinken and Mr. el-Sisi also discussed that proposal during the meeting': an
    anaphor naming two or more people, one of them not at the meeting named last but all at
    an earlier one, refers to that one (the latest such). Leaves an anaphor whose people are
    all at the last meeting, or at none."""
    people = set(mention.get("participants", []))
    if len(people) < 2 or last is None or people <= set(last.participants):
        return None
    return next((c for c in reversed(touched) if c is not last
                 and people <= set(c.participants)), None)


POSSESSED_MEETINGS = re.compile(r"\b(?:his|her|their|[A-Z][\w-]+['\u2019]s)\s+(?:recent\s+|"
                                r"earlier\s+|separate\s+)?(?:meetings?|talks)\s+with\b")


def _others_meetings(target: Cluster, mention: dict) -> bool:
    """'his meetings with President Joe Biden, Vice President Kamala Harris and Donald Trump'
    (someone's own meetings, named in passing) whose people share no one with the meeting it
    would refer to, which has two or more people: other meetings, not more of this one.
    Leaves 'The delegation included X, Y and Z' (no possessed meetings) and anaphors that
    share a person with the meeting."""
    people = set(mention.get("participants", []))
    mine = set(target.participants)
    if len(people) < 2 or len(mine) < 2 or people & mine:
        return False
    return bool(POSSESSED_MEETINGS.search(mention.get("sentence", "")))


def _earlier_talks(target: Cluster, mention: dict, day) -> bool:
    """'Their presence signaled progress in the talks that were launched Monday by lower-level
    teams': the talks, dated days before the day of the news the meeting it refers to was
    given (its soft day), are an earlier meeting at the same place. Leaves a mention on the
    same day or the day before, and a meeting with a day of its own."""
    if not day or target.date is not None or target.soft is None or not target.location:
        return False
    if mention.get("status") != "held" or mention.get("earlier") or mention.get("passing"):
        return False
    words = mention.get("trigger", "").lower().split()
    return any(w in ("talks", "negotiations") for w in words) and \
        target.soft - day > dt.timedelta(days=1)


THEIR_MEETING = re.compile(r"\btheir (?:last |previous |earlier |first |latest )?"
                          r"(?:meeting|talks|encounter)\b")


def _elsewhere_of_its_own(target: Cluster | None, mention: dict, day,
                          gazetteer: Gazetteer) -> bool:
    """'The meeting is the second between the two, following their meeting in Vienna in late
    November': 'their meeting' referring back (to the people of the meeting just named), with
    a place the meeting it would join cannot be (neither holds the other; or no meeting there
    to refer to) and a day or month of its own, is another meeting. Leaves 'the talks in Doha'
    after talks in Qatar, a place without a time of its own, and 'after a meeting between US
    and Ukrainian officials in Saudi Arabia on Tuesday' (not theirs)."""
    if not THEIR_MEETING.search(mention.get("sentence", "").lower()):
        return False  # (not "after a meeting between US and Ukrainian officials in Riyadh")
    place = mention.get("location", "")
    if not place or target is not None and (
            not target.location or gazetteer.compatible(target.location, place)):
        return False
    return bool(day or mention.get("span"))


def _talks_of_their_own(target: Cluster, mention: dict, day, gazetteer: Gazetteer) -> Cluster:
    """A new meeting for the earlier talks of _earlier_talks, at the place of the meeting that
    named them, with the people the mention itself names."""
    cluster = Cluster()
    _add(cluster, {**mention, "kind": "primary", "location": target.location}, day,
         gazetteer, primary=True)
    return cluster


def _delegation_words(mention: dict) -> bool:
    return any(w in ("delegation", "delegations", "team", "teams")
               for w in mention.get("trigger", "").lower().split())


HOSTS = dict(pair.split(":", 1) for pair in word_lists("meeting_lexicon.csv")["host_people"])
HOST_LEADERS = re.compile(r"\b(?:meet|meets|met|meeting|talks)\s+(?:with\s+)?(?:the\s+)?"
                          r"(?:senior\s+|top\s+)?(" + "|".join(map(re.escape, HOSTS)) +
                          r")\s+(?:leaders|leadership|officials|counterparts|government)\b",
                          re.IGNORECASE)


def _host_country(mention: dict, gazetteer: Gazetteer) -> str:
    """The country of the leaders a placeless meeting is with: 'Sullivan is expected to meet
    with Israeli leaders on December 12' -> Israel, which picks the Israel leg of a trip to
    Israel, Egypt and Qatar. Leaves mentions with a place, and 'met Israeli negotiators' or
    'Egyptian and Qatari mediators' (go-betweens meet anywhere)."""
    if mention.get("location"):
        return ""
    found = HOST_LEADERS.search(mention.get("sentence", ""))
    return gazetteer.canonical(HOSTS[found.group(1).lower()]) if found else ""


def _best_cluster(mention: dict, day, clusters: list[Cluster], last: Cluster | None,
                  gazetteer: Gazetteer) -> Cluster | None:
    """The compatible meeting a primary mention joins: same day, then same place (for a
    meeting without one, in the country of the leaders it is with: `_host_country`), then the
    one mentioned last, then the latest; None for a new meeting."""
    candidates = [c for c in clusters if _compatible(c, mention, day, gazetteer)]
    if not candidates or mention.get("separate"):  # "Cairo is also hosting separate talks"
        return None
    place = gazetteer.canonical(mention["location"]) if mention.get("location") else ""
    host = _host_country(mention, gazetteer)

    def score(c: Cluster):
        same_day = bool(day and c.date and day == c.date)
        same_place = bool(place and place == gazetteer.canonical(c.location)) or bool(
            host and c.location and (host == gazetteer.canonical(c.location)
                                     or gazetteer.contains(host, c.location)))
        return (same_day, same_place, c is last, clusters.index(c))
    return max(candidates, key=score)


def cluster_mentions(mentions: list[dict], report_date: dt.date | None) -> list[Cluster]:
    """Merge one article's meeting mentions into meetings (in order of first mention)."""
    gazetteer = load_gazetteer()
    clusters: list[Cluster] = []
    last: Cluster | None = None  # the meeting a primary mention went to last
    touched: list[Cluster] = []  # clusters in the order they were last added to
    pending: list[tuple[dict, dt.date | None]] = []  # anaphors before any meeting
    for mention in mentions:
        mention, day = _dated(mention, report_date)
        if mention.get("kind") != "primary":
            if mention.get("before_trip"):
                continue  # "Ahead of his departure to Oslo, Barnea attended a meeting with ..."
            target = _anaphor_target(mention, clusters, last, touched, gazetteer)
            if target is not None and day and _own_meeting(target, mention, day):
                continue  # "Netanyahu was set to meet Vance and Johnson on Tuesday"
            if target is not None and _earlier_talks(target, mention, day):
                clusters.append(_talks_of_their_own(target, mention, day, gazetteer))
                continue
            if clusters and _elsewhere_of_its_own(target, mention, day, gazetteer):
                cluster = Cluster()
                theirs = target or last  # "their": the people of the meeting just named
                people = list(dict.fromkeys(mention.get("participants", []) + (
                    theirs.participants if theirs is not None else [])))
                offices = list(dict.fromkeys(mention.get("offices", []) + (
                    theirs.offices if theirs is not None else [])))
                _add(cluster, {**mention, "kind": "primary", "participants": people,
                               "offices": offices}, day, gazetteer, primary=True)
                clusters.append(cluster)
                continue
            if target is None and not clusters:
                pending.append((mention, day))  # "X held talks with Y" before the meeting
                continue  # that names a place: Y goes to the first meeting named
            if target is not None and _others_meetings(target, mention):
                continue  # "Netanyahu's trip to the U.S. and his meetings with Biden, Harris
                # and Trump" is not the Rome meeting of the spy chiefs
            if target is not None and _talks_under_way_of_a_trip(target, mention):
                day = None
            if target is not None and _compatible(target, mention, day, gazetteer,
                                                  anaphor=True):
                _add(target, mention, day, gazetteer, primary=False)
                touched.append(target)
            continue
        if mention.get("same_people") and last is not None or _the_two(mention, last):
            # "the same three met Egypt's spy chief in the Qatari capital": the people of the
            # meeting just mentioned, and whoever the sentence adds
            mention = {**mention, "participants": list(dict.fromkeys(
                last.participants + list(mention.get("participants", []))))}
        if not day and mention.get("days_before") and last is not None:
            news = last.date or last.soft  # "comes three days after X met": before that
            day = news - dt.timedelta(days=mention["days_before"]) if news else None
        chosen = _best_cluster(mention, day, clusters, last, gazetteer)
        if chosen is None:
            chosen = Cluster()
            clusters.append(chosen)
        _add(chosen, mention, day, gazetteer, primary=True)
        pending = _add_early(chosen, pending, gazetteer)
        last = chosen
        touched.append(chosen)
    return [c for c in clusters if any(m.get("kind") == "primary" for m in c.mentions)]


def _early_part(cluster: Cluster, mention: dict, day) -> bool:
    """An anaphor told before any meeting was named belongs to the first one named when it
    has no day of its own and names one person, or someone of that meeting ('A Hamas
    delegation held talks with Egypt's intelligence chief Rashad' before 'the delegation led
    by al-Hayya left Cairo after meeting ...'). Leaves 'Trump and Netanyahu to meet Tuesday
    as Witkoff heads to Israel' (a day, and two people not at the trip)."""
    people = set(mention.get("participants", []))
    return not day and not mention.get("date_text") and (
        len(people) <= 1 or bool(people & set(cluster.participants)))


def _add_early(cluster: Cluster, pending: list, gazetteer: Gazetteer) -> list:
    """Add the anaphors told before any meeting (`_early_part`) to the first meeting named;
    returns the new (empty) list of pending anaphors."""
    for mention, day in pending:
        if _early_part(cluster, mention, day) and \
                _compatible(cluster, mention, day, gazetteer, anaphor=True):
            _add(cluster, mention, day, gazetteer, primary=False)
    return []


PAIR_SUBJECTS = ("the two ", "both men ", "the pair ", "the two men ")


def _the_two(mention: dict, last: Cluster | None) -> bool:
    """'Burns met Barnea in Paris on Sunday. The two had met in Rome in May': a meeting whose
    subject is the pair of the meeting just named, and that names nobody itself."""
    return last is not None and len(last.participants) == 2 and \
        not mention.get("participants") and \
        mention.get("sentence", "").lower().startswith(PAIR_SUBJECTS)


def finish_cluster(cluster: Cluster, report_date: dt.date | None) -> dict:
    """A meetings-table row (without doc_id/report_date) from a cluster."""
    table = load_actors()
    named = set(cluster.participants)
    for mention in cluster.mentions:
        named.update(mention.get("named_in_doc", []))
    people = list(cluster.participants)
    when = cluster.date or cluster.soft or report_date
    for office in cluster.offices:
        holder = table.resolve_office(office, when, named)
        if holder and holder not in people:
            people.append(holder)
    people = merge_by_surname(people, table)
    location = cluster.location
    planned = any(m.get("kind") == "primary" and m.get("status") == "planned"
                  for m in cluster.mentions)
    status = "held" if cluster.held or (cluster.headline_held and not planned) else "planned"
    if cluster.date and report_date and cluster.date > report_date:
        status = "planned"
    first = cluster.first
    day = cluster.date or (cluster.soft if not cluster.span else None)
    return {
        "date": day.isoformat() if day else "",
        "date_text": cluster.date_text,
        "location": location,
        "participants": ";".join(people),
        "status": status,
        "quote": first["quote"],
        "start_char": first["start_char"],
        "end_char": first["end_char"],
    }


def _named_meeting(cluster: Cluster) -> bool:
    """A meeting the text names without place or day but with its people: 'Blinken met with
    the Qatari prime minister', 'Barnea also met with Egyptian officials' (a primary mention
    whose meeting verb is 'met'/'meet' and one of whose people is a negotiator, not under
    way in passing). Leaves 'talks' in general and meetings of politicians."""
    table = load_actors()
    if any(m.get("date_text") for m in cluster.mentions):
        return False  # a day the article's missing report date could not resolve
    return any(m.get("kind") == "primary" and not m.get("passing") and not m.get("earlier")
               and {"met", "meet", "meets"} & set(m.get("trigger", "").lower().split())
               and any(map(table.is_negotiator, m.get("participants", [])))
               for m in cluster.mentions)


TRIP_TRIGGERS = {"landed", "lands", "land", "arrived", "arrives", "arrive", "travel",
                 "travels", "traveled", "travelled", "flew", "flies", "headed", "heads"}
TRIP_DAYS = 3  # a meeting up to three days after the arrival is on the same trip


def _place_of_the_trip(out: list[tuple[dict, Cluster]]) -> None:
    """A meeting without a place, of a negotiator whose arrival somewhere the article reported
    just before ('Witkoff landed in Qatar on Tuesday ... Witkoff will meet Wednesday with the
    Qatari prime minister'), is at the place he arrived. Leaves a meeting before the arrival
    or more than three days after it, and people the arrival does not name."""
    table = load_actors()
    for i, (row, _) in enumerate(out):
        if row["location"]:
            continue
        people = {p for p in row["participants"].split(";") if table.is_negotiator(p)}
        for before, cluster in reversed(out[:i]):
            words = {w for m in cluster.mentions
                     for w in m.get("trigger", "").lower().split()}
            if not before["location"] or not words & TRIP_TRIGGERS or \
                    not people & set(before["participants"].split(";")):
                continue
            if _days_after_trip(before["date"], row["date"]):
                row["location"] = before["location"]
            break


def _place_of_the_day(out: list[tuple[dict, Cluster]]) -> None:
    """A held meeting without a place whose day is that of a held meeting at a place sharing
    two or more of its people is at that place ('The emir held separate meetings on Monday
    evening with a Hamas delegation and with Witkoff in Doha ... Sheikh Tamim also met with
    Witkoff'). Leaves undated rows, planned ones, and meetings sharing one person (Netanyahu
    meets someone else at home the day he met the envoy in Washington)."""
    for row, _ in out:
        if row["location"] or not row["date"] or row["status"] != "held":
            continue
        people = set(row["participants"].split(";")) - {""}
        places = {other["location"] for other, _ in out
                  if other["location"] and other["date"] == row["date"]
                  and other["status"] == "held"
                  and len(people & set(other["participants"].split(";"))) >= 2}
        if len(places) == 1:
            row["location"] = places.pop()


def _days_after_trip(arrival: str, day: str) -> bool:
    """The meeting's day is the arrival's or up to TRIP_DAYS after it (undated: yes)."""
    if not arrival or not day:
        return True
    gap = (dt.date.fromisoformat(day) - dt.date.fromisoformat(arrival)).days
    return 0 <= gap <= TRIP_DAYS


def document_meetings(document, result: dict) -> list[tuple[dict, Cluster]]:
    """(row, cluster) pairs for one article, in order of first mention."""
    clusters = cluster_mentions(list(result.get("meetings") or []), document.report_date)
    report_date = document.report_date.isoformat() if document.report_date else ""
    gazetteer = load_gazetteer()
    out = []
    for cluster in clusters:
        row = {"doc_id": document.doc_id, "report_date": report_date,
               **finish_cluster(cluster, document.report_date)}
        if not row["location"] and not row["date"] and not (
                document.report_date and _named_meeting(cluster)):  # (undated: its day is lost)
            continue  # neither where nor which day: a deal or talks in general, not a meeting
        if _internal(row, gazetteer):
            continue
        out.append((row, cluster))
    _place_of_the_trip(out)
    _place_of_the_day(out)
    taken = {row["location"] for row, _ in out}
    for row, cluster in out:
        row["location"] = _city_of_country(row["location"],
                                           cluster.first.get("places_in_doc", []), taken)
    return out


def meetings_table(documents, results, windows: dict | None = None) -> pd.DataFrame:
    """One row per meeting per article (MEETING_COLUMNS), ordered by doc_id and position.
    `windows` (doc_id -> the report-date window of documents.csv) gives a meeting of an
    article without a report date the day its words name in that window, or the record's
    (:func:`anchor_undated`)."""
    rows = []
    for document in documents:
        result = results.get(document.doc_id)
        if not result:
            continue
        found = [row for row, _ in document_meetings(document, result)]
        if document.report_date is None:
            anchor_undated(found, (windows or {}).get(document.doc_id))
        elif document.date_source == "inferred":
            record_weekday(found, (windows or {}).get(document.doc_id))
        rows.extend(found)
    if not rows:
        return schema.empty("meetings")
    frame = schema.conform(pd.DataFrame.from_records(rows), "meetings")
    return frame.sort_values(["doc_id", "start_char"], kind="stable", ignore_index=True)
