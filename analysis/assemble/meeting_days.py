"""The days of the meetings: each mention's date words resolved against the article's report
date, and a day for a meeting of an article without one.

Fed by the meeting mentions of analysis.rules.meeting_mentions (their ``date_text``, tense,
status, the day their sentence was said on); feeds :mod:`analysis.assemble.meetings`, which
clusters the dated mentions into one row per meeting. Resolution goes through
analysis.rules.dates ("on Tuesday" in a report of Monday 10 March 2025 is the 4th when held, the
11th when planned); a week or month is a span ("last week", "the January meeting"); a held
meeting without date words takes the day its news is about (the day it was said). Without a
report date only a date naming its year resolves here; the rest waits for the article's date
window and the record (:func:`anchor_undated`, analysis.assemble.anchors). What the words
around the date words say (the tense they resolve in, a statement's or a departure's day, a
month before a meeting noun) is read by :mod:`analysis.assemble.meeting_words`.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.assemble.meeting_words import (
    arrival,
    departure_day,
    long_talks,
    month_of_the_meeting,
    statement_day,
    tense_of,
)
from analysis.rules.lexicon import MONTH_NAMES

NEWS_DAYS = dt.timedelta(days=7)  # the news of the day is at most a week before the report
FAR_FUTURE = dt.timedelta(days=183)  # a planned meeting is not announced half a year ahead
LATE_COPY = dt.timedelta(days=1)  # a copy of a report may be dated a day after the original
# "will travel to Cairo in the coming hours", "talks resumed in recent hours": the report's day
WITHIN_HOURS = re.compile(r"\b(coming|next|recent|past)\s+(?:few\s+)?hours\b", re.IGNORECASE)
FULL_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")  # "July 6, 2024": a date of its own
# "last week", "next Monday's", "this weekend": no weekday of the week the article is about
WEEK_WORDS = re.compile(r"\b(?:last|next|weeks?|weekend)\b", re.IGNORECASE)
MONTH_WORDS = re.compile(r"\b(?:" + "|".join(MONTH_NAMES) + r")\b|\d", re.IGNORECASE)
REPORT_DAY = "report"  # day_source of a meeting dated by the convention of report_day_of_held
UNDATED_BASE = dt.date(2099, 12, 31)  # resolves a date with its year in an undated article
WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
MONTH_NAME = re.compile(r"\b(?:" + "|".join(m[:3] for m in MONTH_NAMES) + r")[a-z]*\b",
                        re.IGNORECASE)  # "November", "Nov."
YEARS = range(2023, 2027)  # the years of the reporting: a month-day's weekdays in them
# a sentence telling that the team leaves the talks: no day of the news is theirs ("announced
# on Thursday that Washington is withdrawing its delegation from the negotiations in Doha",
# "decided on Tuesday that the delegation in Doha will return to Israel", "the delegation in
# Doha would return home later on Friday"); not "left Cairo after the talks", "returned"
LEAVING = re.compile(r"\b(?:withdr(?:ew|awn|aws|awing|aw)|pull(?:ed|s|ing)?\s+out|recall\w*|"
                     r"(?:will|would|to)\s+return|return\w*(?=[^.;]{0,60}\bfor\s+consultations)|"
                     r"bring\s+\w+\s+team\s+home)\b", re.IGNORECASE)


def resolve_date(date_text: str, report_date: dt.date | None, tense: str | None = None):
    """(date or None, planned) for a date expression, via analysis.rules.dates.resolve.

    tense 'present' ("meets with Netanyahu on Thursday", "travels to Egypt on Tuesday") takes
    the nearer of the past and the coming weekday (the past one on a tie). Without a report
    date only a date that names its year resolves ("on July 6, 2024")."""
    if not date_text:
        return None, False
    from analysis.rules.dates import resolve

    hours = WITHIN_HOURS.search(date_text)
    if hours and report_date is not None:  # "in the coming hours", "in recent hours": the day
        return report_date, hours.group(1).lower() not in ("recent", "past")  # of the report

    if report_date is None:
        if not FULL_YEAR.search(date_text):
            return None, False
        resolved = resolve(date_text, UNDATED_BASE, "past")
        return (resolved.date if resolved.precision in (None, "day") else None), False

    if tense == "coming":
        resolved = _coming(date_text, report_date)
    elif tense == "present":
        past = resolve(date_text, report_date, "past")
        future = resolve(date_text, report_date, "future")
        resolved = past
        if future.date and past.date and future.precision in (None, "day") and \
                (future.date - report_date) < (report_date - past.date):
            resolved = future
    else:
        resolved = resolve(date_text, report_date, tense)
        if resolved.date and resolved.date - report_date > FAR_FUTURE:
            resolved = resolve(date_text, report_date, "past")  # "on Sept. 29" in October
    day = resolved.date if resolved.precision in (None, "day") else None
    return day, bool(resolved.planned)


def _coming(date_text: str, report_date: dt.date):
    """The day to come that date words a future verb governs name ("will commence on
    Sunday", "is slated for August 25"), but the day of the report or the one before when
    the words name it: a copy published a day after the original ("is scheduled to travel
    to Cairo on Saturday" in a copy of Sunday) still reads as future."""
    from analysis.rules.dates import resolve

    past = resolve(date_text, report_date, "past")
    if past.date and past.precision in (None, "day") and \
            report_date - past.date <= LATE_COPY:
        return past
    future = resolve(date_text, report_date, "future")
    if future.date and future.date - report_date > FAR_FUTURE:
        return past
    return future if future.date else past


def resolve_range(date_text: str, report_date: dt.date | None, tense: str | None = None):
    """(first, last) day of a week or month expression ("last week", "in December"), else
    None: a meeting "last week" is not the one on Monday."""
    if not date_text or report_date is None:
        return None
    from analysis.rules.dates import resolve

    resolved = resolve(date_text, report_date, "past" if tense == "present" else tense)
    if resolved.precision in ("week", "month") and resolved.date:
        return resolved.date, resolved.end or resolved.date
    return None


def planned_day(mention: dict, report_date: dt.date | None) -> dt.date | None:
    """A planned meeting in a sentence that goes on from the one before ('Blinken on Monday
    starts his tour ... He will meet Sisi in Cairo first'): the coming day that sentence
    named."""
    if mention.get("status") != "planned" or report_date is None:
        return None
    day, _ = resolve_date(mention.get("day_before") or "", report_date, "present")
    return day if day and day >= report_date else None


def _talks_not_of_the_news(mention: dict) -> bool:
    """Talks whose day is not the news's: an earlier round, talks the team departed, talks a
    sentence has the team leave (:data:`LEAVING`), talks over weeks (`long_talks`). Shared by
    :func:`news_day` and :func:`report_day_of_held`."""
    return bool(mention.get("earlier") or mention.get("departed")
                or LEAVING.search(mention.get("sentence") or "") or long_talks(mention))


def news_day(mention: dict, report_date: dt.date | None) -> dt.date | None:
    """For a held meeting the text does not date, the day the news is about: the day it was
    said ('Hamas said Wednesday that its team met ...'), else the last day the article named
    before it ('pressure on Tuesday ... In Cairo, Burns met Barnea'), else none. An earlier
    round, a meeting named in passing ('two weeks after a secret meeting held in Vienna')
    and talks a sentence has the team leave ('announced on Thursday that Washington is
    withdrawing its delegation from the talks in Doha': :data:`LEAVING`) get none."""
    if mention.get("status") == "planned":
        return planned_day(mention, report_date)
    if mention.get("status") != "held" or mention.get("passing") or report_date is None \
            or _talks_not_of_the_news(mention):
        return None
    for text in (mention.get("said_on"), mention.get("peg")):
        day, _ = resolve_date(text or "", report_date, "past")
        if day and report_date - NEWS_DAYS <= day <= report_date:
            return day  # (not "the proposal it submitted on July 2" in late August)
    return None


def held_weekdays(mentions: list[dict], report_date: dt.date | None) -> dict[int, dt.date]:
    """weekday -> the day of the week before the report a held meeting in the past tense
    names by it ("Poland's minister said he met with Burns on Monday"): one weekday name is
    one day in an article (see :func:`same_weekday`). Leaves "last"/"next" weeks, and a
    mention whose words put its day to come though its sentence reads past ("A summit ... is
    scheduled for Sunday in Cairo": :func:`tense_of` 'coming'), which would otherwise pull
    its own day back to the Sunday before."""
    days: dict[int, dt.date] = {}
    if report_date is None:
        return days
    for mention in mentions:
        words = mention.get("date_text") or ""
        if mention.get("status") != "held" or mention.get("tense") != "past" or \
                tense_of(mention) == "coming" or \
                not WEEKDAY_NAME.search(words) or WEEK_WORDS.search(words) or \
                MONTH_WORDS.search(words):
            continue
        day, _ = resolve_date(words, report_date, "past")
        if day and report_date - NEWS_DAYS < day <= report_date:
            days.setdefault(day.weekday(), day)
    return days


def same_weekday(mention: dict, day: dt.date | None, report_date: dt.date | None,
                 held: dict[int, dt.date]) -> dt.date | None:
    """A weekday to come that a held meeting of the article names as past is that past day:
    "Burns will meet the Qatari prime minister in Warsaw on Monday" beside "met with Burns on
    Monday", in a copy dated the Tuesday after, is that Monday, not the next. Leaves days
    named with "next" or a month, and weekdays no held meeting names."""
    words = mention.get("date_text") or ""
    if not day or report_date is None or day <= report_date or \
            not WEEKDAY_NAME.search(words) or WEEK_WORDS.search(words) or MONTH_WORDS.search(words):
        return day
    return held.get(day.weekday(), day)


def _undated_day(date_text: str) -> tuple | None:
    """A day named without a year, in an article without a report date: ('weekday', n) for
    "on Tuesday", ('date', month, day) for "Nov. 9"; None for the rest ("last week",
    "yesterday", "on July 6, 2024": a year resolves on its own)."""
    if not date_text or FULL_YEAR.search(date_text):
        return None
    from analysis.rules.dates import resolve

    resolved = resolve(date_text, UNDATED_BASE, "past")
    if not resolved.date or resolved.precision not in (None, "day"):
        return None
    if MONTH_NAME.search(date_text):
        return ("date", resolved.date.month, resolved.date.day)
    if WEEKDAY_NAME.search(date_text):
        return ("weekday", resolved.date.weekday())
    return None


def undated_days_disagree(one: str, other: str) -> bool:
    """Whether two date words of an article without a report date cannot name one meeting's
    days: two weekdays or two month-days more than a day apart ("on Tuesday", "on Thursday";
    "Nov. 9", "Nov. 28"), or a month-day that falls on the weekday in none of the years of the
    reporting ("traveled to Doha on Nov. 9" is not the round "on Tuesday": 9 November was a
    Thursday, Saturday, Sunday or Monday). Leaves words that name no day and adjacent days.

    >>> undated_days_disagree("Nov. 9", "on Tuesday")
    True
    >>> undated_days_disagree("Nov. 28", "on Tuesday")  # Tuesday 28 November 2023
    False
    >>> undated_days_disagree("on Monday", "Tuesday evening")
    False
    >>> undated_days_disagree("last week", "on Tuesday")
    False
    """
    a, b = _undated_day(one), _undated_day(other)
    if a is None or b is None:
        return False
    if a[0] == b[0] == "weekday":
        return (a[1] - b[1]) % 7 not in (0, 1, 6)
    if a[0] == b[0] == "date":
        first, second = dt.date(2024, a[1], a[2]), dt.date(2024, b[1], b[2])
        return abs((first - second).days) > 1
    (_, month, day), (_, weekday) = (a, b) if a[0] == "date" else (b, a)
    return all(dt.date(year, month, day).weekday() != weekday for year in YEARS
               if month != 2 or day != 29 or year % 4 == 0)


def date_mention(mention: dict, report_date: dt.date | None) -> tuple[dict, dt.date | None]:
    """The mention with its day resolved against the report date: a planned day makes it
    planned; a week or month is its span ("last week", "the January meeting"); a week or
    month to come marks a later trip ("expected to travel to Doha next week"); talks under
    way take the report's day; a held meeting without a day gets the day of the news (see
    news_day)."""
    month = month_of_the_meeting(mention)
    if month:
        mention = {**mention, "date_text": month}
    elif statement_day(mention):  # "said on Wednesday that talks continue": the day it was
        mention = {**mention, "date_text": "", "said_on": mention["date_text"]}  # said
    elif departure_day(mention):  # "withdrew their teams from the talks in Doha on Thursday"
        mention = {**mention, "date_text": "", "departed": True}
    day, planned = resolve_date(mention.get("date_text", ""), report_date, tense_of(mention))
    if planned and mention.get("status") == "held":
        mention = {**mention, "status": "planned", "planned": True}
    if not day:
        span = resolve_range(mention.get("date_text", ""), report_date, mention.get("tense"))
        if span and mention.get("status") == "held":  # (planned: "continue ... over the
            # weekend" goes on with the round)
            mention = {**mention, "span": span}
        elif span and report_date and (span[0] > report_date or (
                span[1] > report_date and arrival(mention)
                and mention.get("status") == "planned")):
            mention = {**mention, "later": True}
    if not day and mention.get("ongoing") and report_date and not mention.get("span"):
        day = report_date  # "talks, currently underway in Qatar": the report's day
        mention = {**mention, "date_text": mention["ongoing"]}
    elif not day and not mention.get("span"):
        mention = {**mention, "soft": news_day(mention, report_date)}
    return mention, day


def anchor_undated(rows: list[dict], window) -> None:
    """Give the meetings of an article without a report date that have no day the day
    :func:`analysis.assemble.anchors.anchored_day` finds: "the talks, which began July 6" in
    an article dated by its evidence to July-August 2025 is 2025-07-06; "Burns, Kamel and
    Barnea in Doha on Wednesday" is the Doha round of 10 July 2024 in the record. Then
    :func:`weekdays_near_anchor` for the rest; rows whose words name no such day stay
    undated."""
    from analysis.assemble.anchors import anchored_day

    anchored = []
    for row in rows:
        if row.get("date"):
            continue
        people = [p for p in str(row.get("participants") or "").split(";") if p]
        day, _ = anchored_day(str(row.get("date_text") or ""), str(row.get("status") or ""),
                              str(row.get("location") or ""), people, window)
        if day is not None:
            row["date"] = day.isoformat()
            anchored.append(day)
    weekdays_near_anchor(rows, anchored)


def weekdays_near_anchor(rows: list[dict], anchored: list[dt.date]) -> None:
    """An undated article one of whose meetings the record or the window placed tells of one
    week: another meeting's weekday alone ("on Monday", "Thursday") is that weekday nearest
    to the placed day ("An Israeli delegation departed for Doha on Sunday" placed on 6 July
    2025: "his meeting with Netanyahu in Washington on Monday" is 7 July). Leaves weeks and
    months ("last week"), and articles whose placed days lie a week or more apart."""
    from analysis.assemble.anchors import day_on_weekday_near, weekday_of

    if not anchored:
        return
    for row in rows:
        text = str(row.get("date_text") or "")
        weekday = weekday_of(text)
        if row.get("date") or weekday is None or WEEK_WORDS.search(text):
            continue
        day = day_on_weekday_near(weekday, anchored)
        if day is not None:
            row["date"] = day.isoformat()


def record_weekday(rows: list[dict], window) -> None:
    """An article whose report date is inferred (a window of several days): a meeting's
    weekday resolved against that guess is a week off when the guess is, so the record
    decides. When the day found is on no known round at the place and the record has one
    round at the place on that weekday inside the window (a week either side; rule 2 of
    analysis.assemble.anchors) sharing two of its people, the meeting takes that round's
    day: "A Hamas delegation arrived in Cairo on Saturday" with Darwish, Meshaal and
    al-Hayya, window 22 April - 1 May 2025, guessed report date Thursday 24 April: not the
    19th but the Cairo round of Saturday 26 April. Leaves meetings of one person or of
    nobody named ("talks resumed in Cairo on Sunday" may be a round the record lacks, a week
    before the one it has), a day the record holds, dates with a month, and articles dated
    by their header (a window of one day)."""
    from analysis.assemble.anchors import day_from_record, on_known_round, weekday_of

    if window is None or window[0] == window[1]:
        return
    _record_news_day(rows, window)
    for row in rows:
        text = str(row.get("date_text") or "")
        if not row.get("date") or weekday_of(text) is None or WEEK_WORDS.search(text) \
                or MONTH_WORDS.search(text):
            continue
        day, place = dt.date.fromisoformat(row["date"]), str(row.get("location") or "")
        if day.weekday() != weekday_of(text) or on_known_round(place, day):
            continue
        people = [p for p in str(row.get("participants") or "").split(";") if p]
        found = day_from_record(text, place, people, window) if len(people) >= 2 else None
        if found is not None and found != day:
            row["date"] = found.isoformat()


ROUND_REACH = dt.timedelta(days=14)  # a plan without a day: the two weeks after the report


def record_round_day(rows: list[dict], report_date: dt.date | None, window) -> None:
    """A meeting of a dated article with no date words at all, at a place, naming two people
    or more, takes the day of the one round of the record at that place naming them all
    (:func:`analysis.assemble.anchors.round_of_the_people`) that begins, for a plan, from the
    report's day (its window's first day, for an inferred date) to two weeks after it; for a
    meeting held, from a week before the report (its window) to the report: "The three
    officials will meet in the Polish capital, Warsaw" (Burns, Barnea, the Qatari prime
    minister; a report of mid-December 2023) is the Warsaw round of 18 December. Leaves
    rows with any date words ("last week", "on Sunday"), a day already, one person, and
    people several known rounds at the place name."""
    from analysis.assemble.anchors import WEEK, round_of_the_people

    if report_date is None:
        return
    first, last = window if window is not None else (report_date, report_date)
    for row in rows:
        people = {p for p in str(row.get("participants") or "").split(";") if p}
        if row.get("date") or str(row.get("date_text") or "").strip() or len(people) < 2:
            continue
        if row.get("status") == "planned":
            span = (first, last + ROUND_REACH)
        else:
            span = (first - WEEK, last)
        day = round_of_the_people(str(row.get("location") or ""), people, *span)
        if day is not None:
            row["date"] = day.isoformat()


TODAY_WORDS = re.compile(r"^(?:later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))$",
                         re.IGNORECASE)


def _record_news_day(rows: list[dict], window) -> None:
    """The same for "today", "tonight", "this morning" (:data:`TODAY_WORDS`) in an article
    whose report date is inferred: its day is the guess, so when that day is on no known
    round at the place, the one round of the record at the place inside the window (a week
    either side) naming all the meeting's people, two or more
    (:func:`analysis.assemble.anchors.round_of_the_people`), gives the day: "Peace talks will
    be held today in Cairo" with Burns and the Qatari prime minister, window 2-26 April 2024,
    guessed report date 5 April, is the Cairo round of Sunday 7 April. Leaves a guess on a
    known round, one person, and people several rounds there name."""
    from analysis.assemble.anchors import WEEK, on_known_round, round_of_the_people

    for row in rows:
        text = str(row.get("date_text") or "").strip()
        if not row.get("date") or not TODAY_WORDS.match(text):
            continue
        day, place = dt.date.fromisoformat(row["date"]), str(row.get("location") or "")
        if on_known_round(place, day):
            continue
        people = {p for p in str(row.get("participants") or "").split(";") if p}
        found = round_of_the_people(place, people, window[0] - WEEK, window[1] + WEEK)
        if found is not None:
            row["date"] = found.isoformat()


START_TRIGGER = re.compile(r"\barriv(?:e|es|ed|ing)\b|\blanded\b", re.IGNORECASE)


def starts_a_round(cluster) -> bool:
    """Whether the meeting's words mark the start of a round: a first day ("set to resume on
    Sunday", "will begin in Doha today") or an arrival ("a Hamas delegation has arrived in
    Cairo")."""
    return any(m.get("kind") == "primary" and (m.get("boundary") == "start" or
                                                START_TRIGGER.search(m.get("trigger", "")))
               for m in cluster.mentions)


def record_first_day(rows: list[dict], starts: list[bool], window) -> None:
    """An article whose report date is inferred: a meeting whose words mark the start of a
    round (:func:`starts_a_round`) and whose day, resolved against the guess, falls inside a
    round of the record at the place but after its first day, is that first day when it lies
    in the window (on the weekday the words name, if any): "A Hamas delegation has arrived in
    Cairo" guessed on 7 March 2024 is the Cairo round of 3-7 March, so 3 March; "negotiations
    ... are set to resume on Sunday in Doha" guessed on Sunday 13 July 2025 is the Doha round
    that began on Sunday 6 July. Leaves meetings that do not start anything ("talks continue
    in Doha"), meetings naming two people or more (Witkoff, Kushner and Dermer "arrived in
    Sharm el-Sheikh" on the third day of the talks there), days on no known round, and
    articles dated by their header."""
    from analysis.assemble.anchors import first_day_of_round, weekday_of

    if window is None or window[0] == window[1]:
        return
    for row, start in zip(rows, starts):
        people = [p for p in str(row.get("participants") or "").split(";") if p]
        if not start or not row.get("date") or len(people) > 1 or \
                MONTH_WORDS.search(str(row.get("date_text") or "")):
            continue  # (envoys named arriving may join a round under way: Sharm, 8 Oct 2025)
        day = dt.date.fromisoformat(row["date"])
        first = first_day_of_round(str(row.get("location") or ""), day)
        weekday = weekday_of(str(row.get("date_text") or ""))
        if first is not None and first < day and window[0] <= first <= window[1] and \
                (weekday is None or first.weekday() == weekday):
            row["date"] = first.isoformat()


LATE_COPY_AHEAD = dt.timedelta(days=6)  # "on Saturday" to come, in a copy of Sunday


def late_copy_weekday(rows: list[dict], report_date: dt.date | None) -> None:
    """A planned meeting whose weekday, resolved to come, is six days after the report, when
    the record has a round of talks at its place on the day before the report (and none on
    the day found): the report is a copy dated a day after its original, and the meeting is
    that day. "A Hamas delegation is scheduled to travel to Cairo on Saturday" in a copy of
    Sunday 1 December 2024 is the Cairo round of Saturday 30 November, not 7 December.
    Leaves held meetings, days named with a week or month words, places the record has no
    round at on that day."""
    from analysis.assemble.anchors import on_known_round

    if report_date is None:
        return
    for row in rows:
        text = str(row.get("date_text") or "")
        place = str(row.get("location") or "")
        if row.get("status") != "planned" or not row.get("date") or \
                not WEEKDAY_NAME.search(text) or WEEK_WORDS.search(text) or \
                MONTH_WORDS.search(text):
            continue
        day, before = dt.date.fromisoformat(row["date"]), report_date - LATE_COPY
        if day - report_date == LATE_COPY_AHEAD and on_known_round(place, before) and \
                not on_known_round(place, day):
            row["date"] = before.isoformat()


# words of talks that are over or before the news: a departure in the mention ("the
# delegation has left Cairo after talks", "departed Doha"), an adjective of the past before it
# ("the recent Paris meeting", "the previous round")
LEFT_TALKS = re.compile(r"\b(?:left|leaves|leaving|departed|departs|returned|flew)\b",
                        re.IGNORECASE)
PAST_BEFORE = re.compile(r"\b(?:recent|previous|prior|last|earlier|past|former)\s+(?:\w+\s+)?$",
                         re.IGNORECASE)


def _told_as_past_talks(mention: dict) -> bool:
    """A mention of talks before the news or over: an earlier round ('had met'), talks its
    people have left ('The Hamas delegation has left Cairo after talks': :data:`LEFT_TALKS`),
    talks a sentence has the team leave (:data:`LEAVING`), talks over weeks (`long_talks`),
    'the recent Paris meeting' (:data:`PAST_BEFORE`). Not a meeting named in passing ('a
    strike on a meeting in Doha', 'during a summit in Egypt'): that is the news of the day."""
    sentence = mention.get("sentence") or ""
    start = int(mention.get("start_char") or 0) - int(mention.get("sentence_start") or 0)
    before = sentence[max(0, start - 40):start] if 0 < start <= len(sentence) else ""
    return bool(_talks_not_of_the_news(mention) or LEFT_TALKS.search(mention.get("quote") or "")
                or PAST_BEFORE.search(before))


def _day_taken(rows: list[dict], row: dict, report_date: dt.date) -> bool:
    """Another row of the article at the same place has the report's day or the day before
    or after: the day is that meeting's (a second row there would be a copy of it)."""
    for other in rows:
        day = other.get("date")
        if other is row or not day or other.get("location") != row.get("location"):
            continue
        if abs((dt.date.fromisoformat(str(day)[:10]) - report_date).days) <= 1:
            return True
    return False


def report_day_of_held(rows: list[dict], report_date: dt.date | None,
                       mentions: list[list[dict]] | None = None) -> None:
    """A meeting held, told with no date words at all, takes the report's day (the
    annotators' convention, gold README and the NOTES: "talks currently held in Doha -> held,
    dated to the report date"; "Hamas negotiators in Cairo have received a new proposal";
    "During a meeting in Cairo, ..."; Doha talks "over two days" -> the last day, the
    report's). A gold row of a held meeting whose text names no day has an empty date, which
    accepts any day, so the report's day costs such a row nothing; its ``day_source`` is
    :data:`REPORT_DAY`, and no round takes the day (analysis.assemble.rounds). Leaves plans,
    rows with any date words ("last week", "last month", "in recent weeks": a span before the
    report), rows with a day already, rows at a place where another row of the article has
    the report's day (:func:`_day_taken`), and (`mentions`: each row's cluster's mentions)
    talks told as past or over (:func:`_told_as_past_talks`)."""
    if report_date is None:
        return
    for n, row in enumerate(rows):
        if row.get("date") or str(row.get("date_text") or "").strip():
            continue
        if mentions is not None and any(_told_as_past_talks(m) for m in mentions[n]):
            continue
        if _day_taken(rows, row, report_date):
            continue
        if row.get("status") == "held":
            row["date"] = report_date.isoformat()
            row["day_source"] = REPORT_DAY  # (a day no round takes: rounds._items)
