"""Every dating signal of one article (:func:`date_signals`): dates with their tense,
datelines, durations, truce milestones, "last year", year hints, events, offices,
holidays, remains. Fed by every other module of the package; feeds
:mod:`analysis.components.date_finder` and :mod:`analysis.assemble.dating`.
"""

from __future__ import annotations

import re

from analysis.rules.dates.durations import (
    _ANNIVERSARY,
    _ORDINAL_YEARS,
    _SINCE_WAR,
    _TRUCE_AGE,
    _durations,
    _ordinal_durations,
    _war_ago,
)
from analysis.rules.dates.finding import (
    _finditer,
    _month_word,
    _remains_mentions,
    _segments,
    find_dates_typed,
)
from analysis.rules.dates.named import _timeline_mentions
from analysis.rules.dates.tenses import _set_tense
from analysis.rules.dates.truces import (  # noqa: F401
    TRUCE_ITSELF,
    TRUCE_MILESTONE_VERB,
    TRUCE_ROW_KINDS,
    TRUCE_WORDS,
    _truce_days,
    _truce_of_its_milestone,
)
from analysis.rules.dates.weeks import (
    _attach_weekdays,
    _dates_of_a_coming_event,
    _events_of_last_month,
    _events_of_the_coming_week,
    _events_of_the_week,
    _events_of_their_own_date,
    _events_on_a_coming_date,
)
from analysis.rules.dates.words import (
    _DAY,
    _MONTH_ALT,
    _MONTH_NAME_ALT,
    _YEAR,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from analysis.rules.dates.years import _hinted_years, _month_of, _year_hints  # noqa: F401

# A dateline opening the article or the line after its headline: "TEL AVIV, July 28.
# /tass/.", "CAIRO, Dec 3 (Reuters) -", "Monday, January 29, 2024 – Top CIA officials",
# "CAIRO – 13 April 2025:" (a dash after the city, the day before the month). Not
# "CAIRO (AP) —" (no date).
_DATELINE = re.compile(rf"^[ \t]*(?:[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){{0,3}}"
                       rf"(?:,|\s+[–—-])?\s+|"
                       rf"(?:{'|'.join(w.capitalize() for w in WEEKDAY_NAMES)}),?\s+)"
                       rf"(?P<date>(?i:{_MONTH_ALT})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|"
                       rf"{_DAY}\s+(?i:{_MONTH_ALT})\.?(?:,?\s+{_YEAR})?)\b\.?"
                       rf"(?=\s*(?:\(|/|-|–|—|\.|:|$))", re.MULTILINE)


# ... with the place in title case, when a firmer mark than a full stop ends the date:
# "Sharm El-Sheikh, Oct 7: Delegations ...", "Gaza, June 23, 2025 (WAFA) –", "Tel Aviv
# [Israel], November 14 (ANI):"
_DATELINE_TITLE = re.compile(rf"^[ \t]*[A-Z][\w'.-]+(?:[ -][A-Z][\w'.-]+){{0,3}}"
                             rf"(?:\s+\[[A-Z][^\]\n]{{0,30}}\])?,\s+"
                             rf"(?P<date>(?i:{_MONTH_ALT})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|"
                             rf"{_DAY}\s+(?i:{_MONTH_ALT})\.?(?:,?\s+{_YEAR})?)\b"
                             rf"(?=\s*(?:\(|:|–|—|-\s|/))", re.MULTILINE)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘'])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """A cheap sentence split (for text without a spaCy doc): (start, end) offsets."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def date_signals(text: str, sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """Every date-like mention in `text` as a plain dict, for report-date inference.

    Keys: text, start_char, end_char, kind (iso, month_day, day_month, month_year, part_month,
    bare_month, weekday, overnight, relative, coming, duration, since_war, holiday), tense (of the
    sentence: past | future), weekday (0=Monday, for weekday mentions), amount/unit/qualifier
    (durations: "seven-month war" -> 7, month). `sentences` are (start, end) offsets (a spaCy
    doc's sentences); without them a regex split is used.

    >>> [(m["kind"], m.get("amount"), m.get("unit")) for m in date_signals(
    ...     "Talks on Wednesday in the seven-month war went on.")]
    [('weekday', None, None), ('duration', 7, 'month')]
    """
    sentences = sentences or sentence_spans(text)

    def sentence_of(pos):
        for start, end in sentences:
            if start <= pos < end:
                return start, end
        return 0, len(text)

    segments = _segments(text)
    mentions = _date_expressions(text, segments)
    taken: list[tuple[int, int]] = []  # durations already found (patterns overlap)
    mentions += _durations(text, segments, taken, _TRUCE_AGE)
    mentions += _durations(text, segments, taken) + _war_ago(text, taken)
    mentions += _ordinal_durations(text, segments, taken)
    mentions += _anniversaries_and_since_war(text, segments)
    events = _timeline_mentions(text)
    spans = [(m["start_char"], m["end_char"]) for m in events if m["kind"] == "event" and
             m.get("event_kind") != "anniversary"]   # ("100 days of war" is both)
    mentions = [m for m in mentions if m["kind"] != "duration" or not any(   # "the 12-day
        s < m["end_char"] and m["start_char"] < e for s, e in spans)]   # war" is an event
    mentions += events
    mentions += _remains_mentions(text)
    dateline = _DATELINE.search(text[:400]) or _DATELINE_TITLE.search(text[:400])
    if dateline:  # the opening line of the text proper (after a headline)
        mentions.append({"text": dateline.group("date"), "start_char": dateline.start("date"),
                         "end_char": dateline.end("date"), "kind": "dateline"})
    for mention in mentions:
        _set_tense(text, mention, *sentence_of(mention["start_char"]))
    mentions = [m for m in mentions if not (m["kind"] == "event" and m.get("hypothetical") and
                                            m.get("tense") not in ("future", "during"))]
    mentions.sort(key=lambda m: (m["start_char"], m["end_char"]))
    _attach_weekdays(text, mentions)
    mentions = _events_of_their_own_date(mentions)
    _events_on_a_coming_date(mentions, sentence_of)
    _dates_of_a_coming_event(mentions, sentence_of)
    _events_of_the_week(text, mentions, sentence_of)
    _events_of_the_coming_week(text, mentions, sentence_of)
    _events_of_last_month(text, mentions)
    _year_hints(text, mentions, sentences)
    mentions += _truce_days(text, mentions, sentence_of)
    mentions = _truce_of_its_milestone(mentions, sentence_of)
    _lead_dates(text, mentions, sentences)
    _latest_round_dates(text, mentions, sentence_of)
    _relative_years(text, mentions)
    _hinted_years(mentions, sentences)
    return mentions


def _anniversaries_and_since_war(text: str, segments) -> list[dict]:
    """The war's anniversaries ("the first anniversary of October 7": durations of N years)
    and "since October 7" mentions (kind since_war)."""
    found = []
    if "nniversar" in text:
        for match in _ANNIVERSARY.finditer(text):
            found.append({"text": match.group(0), "start_char": match.start(),
                          "end_char": match.end(), "kind": "duration",
                          "amount": _ORDINAL_YEARS[match.group("ord").lower()],
                          "unit": "year", "qualifier": "anniversary"})
    for match in _finditer(_SINCE_WAR, text, segments):
        found.append({"text": match.group(0), "start_char": match.start(),
                      "end_char": match.end(), "kind": "since_war"})
    return found


# A year-less date followed by "last year" / "this year" ("the attack on October 7 last year",
# "the warrants issued in November last year", "in January this year"): the report's year is
# the date's plus one / the same (``rel_year`` -1 / 0).
RELATIVE_YEAR = re.compile(r"\s*(?:of\s+)?(?P<which>last|this|the\s+previous)\s+year\b",
                           re.IGNORECASE)


YEARLESS_KINDS = ("month_day", "day_month", "bare_month", "part_month")


def _relative_years(text: str, mentions: list[dict]) -> None:
    """Mark ``rel_year`` on the year-less dates :data:`RELATIVE_YEAR` follows."""
    for mention in mentions:
        if mention["kind"] not in YEARLESS_KINDS or re.search(r"\d{4}", mention["text"]):
            continue
        found = RELATIVE_YEAR.match(text, mention["end_char"])
        if found:
            mention["rel_year"] = 0 if found.group("which").lower() == "this" else -1


def _lead_dates(text: str, mentions: list[dict], sentences) -> None:
    """Mark ``lead`` the dates of the article's first sentence after its headline ("Egypt
    proposed a two-day Gaza ceasefire on October 27 that ..."): the lede tells the news, so
    a past date there is days before the report. Not "since ...", not a background year.
    The lede's latest past event is the news too (:func:`_lede_news_events`)."""
    headline = text.find("\n")   # a short first line without a full stop is a headline
    body = headline + 1 if 0 <= headline <= 200 and \
        not re.search(r"[.!?][\"”']?\s*$", text[:headline]) else 0
    while body < len(text) and text[body].isspace():
        body += 1
    # the sentence holding the body's first character (a parser may join it to the headline)
    first = next(((max(a, body), b) for a, b in sentences if a <= body < b), None)
    if first is None:
        return
    paragraph = text.find("\n", first[0])   # ... and never past the first paragraph
    first = (first[0], first[1] if paragraph < 0 else min(first[1], paragraph))
    for mention in mentions:
        if mention["kind"] in ("month_day", "day_month") and \
                first[0] <= mention["start_char"] < first[1] and \
                mention.get("tense") == "past" and not mention.get("since") and \
                not mention.get("year_hint"):
            mention["lead"] = True
    dated = any(first[0] <= m["start_char"] < first[1] and _of_the_news_days(m)
                for m in mentions)
    _lede_news_events(text, mentions,
                      _with_next_sentence(text, first, sentences) if dated else first)


# Round 10, second wave: a lede that dates its news to a day ("on Tuesday", "On October 13,
# 2025", "today") goes on in the next sentence of its paragraph, which tells more of the
# same news ("Israeli airstrikes pounded Gaza on Tuesday, killing more than 400 people. The
# attacks ended weeks of relative calm ..."; "... releasing hostages and prisoners on Monday.
# The return of 20 living hostages ignited scenes of jubilation"). A lede without such a day
# ("Mediators say talks go on.") keeps to its first sentence.
NEWS_DAY_KINDS = ("weekday", "month_day", "day_month", "iso")
NEWS_DAY_WORDS = re.compile(r"\b(?:today|yesterday|tonight|overnight|this\s+morning)\b",
                            re.IGNORECASE)


def _of_the_news_days(mention: dict) -> bool:
    """Whether a date of the lede names a day of the news (:data:`NEWS_DAY_KINDS`, or
    :data:`NEWS_DAY_WORDS`), told as past or present, not "since" it."""
    return (mention["kind"] in NEWS_DAY_KINDS or (mention["kind"] == "relative" and
                                                  bool(NEWS_DAY_WORDS.search(mention["text"])))
            ) and mention.get("tense") != "future" and not mention.get("since")


def _with_next_sentence(text: str, first: tuple[int, int], sentences) -> tuple[int, int]:
    """The lede `first` and the sentence after it when the first paragraph goes on (for a
    lede that dates its news: :func:`_of_the_news_days`)."""
    if first[1] >= len(text) or text[first[1]:first[1] + 1] == "\n" or \
            "\n" in text[first[1]:first[1] + 3]:
        return first
    after = next(((a, b) for a, b in sentences if a >= first[1]), None)
    if after is None:
        return first
    paragraph = text.find("\n", after[0])
    return first[0], after[1] if paragraph < 0 else min(after[1], paragraph)


# The latest event the lede tells as past is the report's news (round 7): "Israel has
# confirmed it carried out a strike on Hamas leaders in Doha". Not when a later event of the
# lede is under way ("met on the sidelines of the UN General Assembly, with the release of
# Edan Alexander behind him"). Not the states, offices and counts the timeline also holds,
# nor a proposal (the talks' topic for weeks: "to discuss Biden's three-phase plan"), nor a
# truce or ceasefire itself, nor words that also name one (an agreement's row matches "the
# ceasefire that took effect": its first day is told in every report of its weeks and
# months), nor an event told "since" or in the past perfect.
TRUCE_KINDS = ("truce", "ceasefire")
LEDE_SKIP_KINDS = ("state", "office", "hostages", "released", "anniversary", "holiday",
                   "proposal") + TRUCE_KINDS


RELEASE_NEWS_DAYS = 10   # the days a release (an exchange) of the lede stays the news


def _lede_news_events(text: str, mentions: list[dict], first: tuple[int, int]) -> None:
    """Make ``recent`` the latest past event (:func:`_lede_news`) of the lede `first`: every
    event its words may name ("the resumption of strikes" is December 2023's or March
    2025's); an older event of the lede is the story's background, and so is one the lede
    itself tells as distant or as a lasting state (:func:`_lede_background`)."""
    truce = {(m["start_char"], m["end_char"]) for m in mentions
             if m.get("event_kind") in TRUCE_KINDS}
    news = [m for m in mentions if _lede_news(m) and first[0] <= m["start_char"] < first[1]
            and not _lede_background(text, m, first)
            and (m["start_char"], m["end_char"]) not in truce]   # ("the ceasefire that took
    # effect" is the agreement's and the ceasefire's; "the truce ... broke down" is no truce)
    under_way = [m["date"] for m in mentions if m["kind"] == "event" and
                 m.get("tense") == "during" and first[0] <= m["start_char"] < first[1]]
    latest = {m["start_char"] for m in news if m["date"] == max(e["date"] for e in news)
              and not any(day > m["date"] for day in under_way)}
    for mention in news:
        if mention["start_char"] in latest:
            mention["tense"] = "recent"
            if mention.get("event_kind") == "release":   # (round 9: a release is the news
                mention.setdefault("recent_days", RELEASE_NEWS_DAYS)   # of days, not weeks)


# Round 8: a lede event told as distant or as a lasting state is background, not the news
# (the lede rule held 19 of 20 dev articles, but on a held-out article the latest event its
# lede named lay 49 days before the report): a month named without its day, or words of
# distance, next to it ("Israel, which renewed its offensive in mid-March, ...", "since the
# truce collapsed last month", "months after the killing of ..."); a state named as an
# adjective ("post-Assad Syria", "the now-defunct ceasefire": said for months after).
LEDE_DISTANT = re.compile(
    rf"\b(?:in|since|until|by|of|from)\s+(?:(?:early|mid|late)-?\s*)?(?-i:{_MONTH_NAME_ALT})"
    r"(?!\s+\d)\b|\b(?:last|earlier\s+this|the\s+previous|the\s+past)\s+(?:month|year|"
    r"summer|spring|winter|autumn|fall)\b|\b(?:months|a\s+year|years)\s+(?:ago|after|since|"
    r"later)\b|\bin\s+recent\s+months\b", re.IGNORECASE)
LEDE_STATE = re.compile(r"\b(?:post-(?-i:[A-Z])|now-(?:defunct|collapsed|shattered|stalled)\b)",
                        re.IGNORECASE)
LEDE_DISTANT_CHARS = 60   # the distance words within this many characters of the event
CLAUSE_MARK = re.compile(r"[,;:()–—]")


def _lede_background(text: str, mention: dict, first: tuple[int, int]) -> bool:
    """Whether the lede tells its event as distant or as a state (:data:`LEDE_DISTANT`,
    :data:`LEDE_STATE` within :data:`LEDE_DISTANT_CHARS` in the event's clause of the
    lede `first`, or in the event's own words): "Israel broke the ceasefire in March" is no
    news of the report's week. Leaves "Israel resumed strikes on Tuesday", "has confirmed
    it struck Hamas leaders in Doha", "ended the January ceasefire" (a month naming the
    truce, not the day)."""
    start = max(first[0], mention["start_char"] - LEDE_DISTANT_CHARS)
    end = min(first[1], mention["end_char"] + LEDE_DISTANT_CHARS)
    # (the event's own clause: "..., in talks stalled since March" is another's distance)
    before = CLAUSE_MARK.split(text[start:mention["start_char"]])[-1]
    after = CLAUSE_MARK.split(text[mention["end_char"]:end])[0]
    near = before + text[mention["start_char"]:mention["end_char"]] + after
    return bool(LEDE_DISTANT.search(near) or
                LEDE_STATE.search(text[max(start, mention["start_char"] - 12):
                                       mention["end_char"]]))


def _lede_news(mention: dict) -> bool:
    """Whether a mention is a past event the lede may tell as its news."""
    return mention["kind"] == "event" and mention.get("tense") == "past" and \
        mention.get("event_kind") not in LEDE_SKIP_KINDS and not mention.get("since") and \
        not mention.get("past_perfect")


# The day of the latest round of talks ("The latest round of mediated negotiations ended on
# Aug. 16 in Doha"): the report follows it within weeks, before the next round (round 7: a
# report of 22 August 2024 whose evidence otherwise ran to January 2025). Not "the last round
# of talks before the war ended" with no date.
LATEST_ROUND = re.compile(r"\b(?:latest|most\s+recent|last)\s+(?:round|session)\s+of\s+"
                          r"(?:[\w-]+\s+){0,2}(?:talks|negotiations|discussions)\b",
                          re.IGNORECASE)
LATEST_DATE_KINDS = ("month_day", "day_month", "iso")


LATEST_REACH = 100   # characters from the phrase's end to the date (round 8: 60 missed
# "The latest round of indirect negotiations, held in Doha under the auspices of mediators,
# lasted for weeks before ending on July 25")


def _latest_round_dates(text: str, mentions: list[dict], sentence_of) -> None:
    """Mark ``latest`` the first past date within :data:`LATEST_REACH` characters after
    :data:`LATEST_ROUND` in its sentence (not a later one: "... consistent with the
    principles Biden set out on May 31")."""
    for phrase in LATEST_ROUND.finditer(text):
        end = sentence_of(phrase.start())[1]
        after = [m for m in mentions if phrase.end() <= m["start_char"] <
                 min(end, phrase.end() + LATEST_REACH) and m["kind"] in LATEST_DATE_KINDS]
        first = min(after, key=lambda m: m["start_char"], default=None)
        if first is not None and first.get("tense") == "past" and not first.get("since"):
            first["latest"] = True


def _date_expressions(text: str, segments) -> list[dict]:
    """The date expressions of :func:`find_dates_typed` as mentions (weekday numbers set)."""
    mentions = []
    for start, end, found, kind in find_dates_typed(text, segments):
        mention = {"text": found, "start_char": start, "end_char": end, "kind": kind}
        if kind == "bare_month" and not _month_word(found)[0].isupper():
            continue
        if kind in ("weekday", "overnight"):
            days = [WEEKDAYS[w] for w in re.findall(r"[a-z]+", found.lower())
                    if w in WEEKDAY_NAMES]
            mention["weekday"] = days[-1] if kind == "overnight" else days[0]
        mentions.append(mention)
    return mentions
