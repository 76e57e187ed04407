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

import pandas as pd

from analysis import schema
from analysis.assemble.meeting_days import (
    anchor_undated,
    date_mention,
    held_weekdays,
    late_copy_weekday,
    record_first_day,
    record_round_day,
    record_weekday,
    report_day_of_held,
    same_weekday,
    starts_a_round,
)
from analysis.assemble.meeting_days import resolve_date as resolve_date  # (tests import it here)
from analysis.assemble.meeting_match import Cluster, _add, _compatible, _under_way
from analysis.assemble.meeting_rows import (
    _city_of_country,
    _internal,
    _named_meeting,
    _place_of_the_day,
    _place_of_the_person,
    _place_of_the_trip,
    finish_cluster,
)
from analysis.rules.actors import load_actors
from analysis.rules.lexicon import word_lists
from analysis.rules.places import Gazetteer, load_gazetteer


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


def _dated(mention: dict, report_date: dt.date | None,
           held: dict | None = None) -> tuple[dict, dt.date | None]:
    """:func:`analysis.assemble.meeting_days.date_mention`, a weekday to come that a held
    meeting names as past taken as that day (`held`: :func:`held_weekdays`), and the
    mention's offices resolved to people on its day (or the report's)."""
    mention, day = date_mention(mention, report_date)
    day = same_weekday(mention, day, report_date, held or {})
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
    return _planned_meeting_of_a_plan(mention, target, touched)


def _planned_meeting_of_a_plan(mention: dict, target: Cluster | None,
                               touched: list[Cluster]) -> Cluster | None:
    """A planned anaphor naming people ('Hamas leaders al-Hayya and Hamad will participate in
    the talks') refers to the latest planned meeting ('talks will commence in Cairo on
    Sunday'), not to a held one told in between ('a meeting with Blinken in Tel Aviv on
    August 19'); with no planned meeting told, to none ('he is expected to meet al-Hayya
    later' after Rashad's talks held in Israel on Tuesday). Leaves anaphors naming nobody,
    held ones, people joining ('Burns will join the talks under way in Doha') and the people
    of a delegation ('Our team leaves for Cairo on Thursday ... The delegation will be led
    by Gal Hirsch')."""
    if target is None or not target.held or mention.get("status") != "planned" or \
            not mention.get("participants") or _delegation_words(mention):
        return target
    planned = next((c for c in reversed(touched) if not c.held), None)
    return planned or (target if mention.get("joining") else None)


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
    if not candidates or mention.get("separate") or mention.get("days_later"):
        # "Cairo is also hosting separate talks"; "A day later, ... a second meeting"
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


def _day_from_the_last(mention: dict, day: dt.date | None,
                       last: Cluster | None) -> dt.date | None:
    """A primary mention's day told against the meeting named last: 'comes three days after
    X met' (before the news of that meeting), 'The following day, Witkoff met with Netanyahu'
    and 'A day later, al-Thani and Rashad returned for a second meeting' (`days_later`: after
    its day). Leaves a mention with a day of its own, and a meeting named last with no day."""
    if day or last is None:
        return day
    if mention.get("days_before"):
        news = last.date or last.soft
        return news - dt.timedelta(days=mention["days_before"]) if news else None
    if mention.get("days_later") and last.date:
        return last.date + dt.timedelta(days=mention["days_later"])
    return day


def cluster_mentions(mentions: list[dict], report_date: dt.date | None) -> list[Cluster]:
    """Merge one article's meeting mentions into meetings (in order of first mention)."""
    gazetteer = load_gazetteer()
    clusters: list[Cluster] = []
    last: Cluster | None = None  # the meeting a primary mention went to last
    touched: list[Cluster] = []  # clusters in the order they were last added to
    pending, loose = [], []  # anaphors before any meeting; every anaphor past the vetoes
    held = held_weekdays(mentions, report_date)
    for mention in mentions:
        mention, day = _dated(mention, report_date, held)
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
            loose.append((mention, day))
            if target is None and not clusters:
                pending.append((mention, day))  # "X held talks with Y" before the meeting
                continue  # that names a place: Y goes to the first meeting named
            if target is not None and _others_meetings(target, mention):
                continue  # "his meetings with Biden, Harris and Trump": not the Rome meeting
            if target is not None and _talks_under_way_of_a_trip(target, mention):
                day = None
            if target is not None and _compatible(target, mention, day, gazetteer, anaphor=True):
                _add(target, mention, day, gazetteer, primary=False)
                touched.append(target)
            continue
        if mention.get("same_people") and last is not None or _the_two(mention, last):
            # "the same three met Egypt's spy chief in the Qatari capital": the people of the
            # meeting just mentioned, and whoever the sentence adds
            mention = {**mention, "participants": list(dict.fromkeys(
                last.participants + list(mention.get("participants", []))))}
        day = _day_from_the_last(mention, day, last)
        chosen = _best_cluster(mention, day, clusters, last, gazetteer)
        if chosen is None:
            chosen = Cluster()
            clusters.append(chosen)
        _add(chosen, mention, day, gazetteer, primary=True)
        pending = _add_early(chosen, pending, gazetteer)
        last = chosen
        touched.append(chosen)
    clusters += _placed_and_dated(loose, clusters, gazetteer)  # talks of no meeting's day
    return [c for c in clusters if any(m.get("kind") == "primary" for m in c.mentions)]


def _people_of_another(mention: dict) -> bool:
    """The mention's subject stands for people named elsewhere ('the two leaders met',
    'they met', `anaphor_subject`): not talks told without people."""
    subjects = word_lists("meeting_lexicon.csv")["anaphor_subject"]
    start = mention.get("start_char", 0) - mention.get("sentence_start", 0)
    before = " " + " ".join(mention.get("sentence", "")[:max(0, start)].lower().split()[-3:])
    return any(before.endswith(" " + subject) for subject in subjects)


def _placed_and_dated(loose: list[tuple[dict, dt.date | None]], clusters: list[Cluster],
                      gazetteer: Gazetteer) -> list[Cluster]:
    """Talks told without people but with their own place and day, which joined no meeting
    of the article: a meeting of their own, as the golds annotate them (held or planned, no
    participants): 'a high-level US-led summit in Cairo on Sunday', 'Negotiations, however,
    continue in Cairo on Monday' (two days at one place: two meetings), 'Negotiators were to
    meet in the Qatari capital Doha again on Friday'. One per place and day; leaves anaphors
    without a place or a day of their own (the report's day of 'has hosted ... in Doha'),
    anaphors naming people, and a place and day a meeting of the article has already."""
    placed: list[Cluster] = []
    used = {id(m) for c in clusters for m in c.mentions}
    for mention, day in loose:
        place = gazetteer.canonical(mention.get("location", ""))
        if id(mention) in used or not day or not place or mention.get("participants"):
            continue
        if mention.get("ongoing") and mention.get("date_text") == mention["ongoing"]:
            continue  # "has hosted Hamas' political office in Doha": no day of its own
        if _people_of_another(mention):
            continue  # "while the two leaders met at the White House on Thursday"
        if any(c.date == day and gazetteer.canonical(c.location) == place
               for c in clusters + placed):
            continue
        cluster = Cluster()
        _add(cluster, {**mention, "kind": "primary"}, day, gazetteer, primary=True)
        placed.append(cluster)
    return placed


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
    _place_of_the_person(out, document.report_date)  # (the text's own place: no city made)
    return out


def meetings_table(documents, results, windows: dict | None = None,
                   pairs: dict | None = None) -> pd.DataFrame:
    """One row per meeting per article (MEETING_COLUMNS), ordered by doc_id and position.
    `windows` (doc_id -> the report-date window of documents.csv) gives a meeting of an
    article without a report date the day its words name in that window, or the record's
    (:func:`anchor_undated`). `pairs`, when given, receives doc_id -> each meeting's start
    and cluster (what :func:`analysis.assemble.rounds.assigned_terms` needs, so that it need
    not cluster the article's mentions again)."""
    rows = []
    for document in documents:
        result = results.get(document.doc_id)
        if not result:
            continue
        meetings = document_meetings(document, result)
        if pairs is not None:
            pairs[document.doc_id] = [(row["start_char"], cluster) for row, cluster in meetings]
        found = [row for row, _ in meetings]
        if document.report_date is None:
            anchor_undated(found, (windows or {}).get(document.doc_id))
        elif document.date_source == "inferred":
            record_weekday(found, (windows or {}).get(document.doc_id))
            record_first_day(found, [starts_a_round(cluster) for _, cluster in meetings],
                             (windows or {}).get(document.doc_id))
        else:
            late_copy_weekday(found, document.report_date)
        if document.report_date is not None:
            record_round_day(found, document.report_date, (windows or {}).get(document.doc_id)
                             if document.date_source == "inferred" else None)
            report_day_of_held(found, document.report_date,
                               [cluster.mentions for _, cluster in meetings])
        rows.extend(found)
    if not rows:
        return schema.empty("meetings")
    frame = schema.conform(pd.DataFrame.from_records(rows), "meetings")
    return frame.sort_values(["doc_id", "start_char"], kind="stable", ignore_index=True)
