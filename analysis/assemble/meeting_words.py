"""What the words around a meeting mention's date words say about its day, before the day is
resolved (:mod:`analysis.assemble.meeting_days`): the tense they resolve in (a future verb
governing them, "will commence in Cairo on Sunday"; a past one, "who met ... in Doha on
Friday"), whether they are the day of a statement about the meeting ("said on Wednesday
that") or of leaving the talks ("withdrew its team from Doha on Thursday"), a month named
before a meeting noun ("the January meeting"), talks over weeks or months, and someone
travelling to the talks. Pure functions over a mention's ``sentence``, ``date_text``,
``trigger``, ``tense`` and ``status``.
"""

from __future__ import annotations

import re

from analysis.rules.lexicon import MONTH_NAMES, word_lists

# a month name (capitalised, in full) with its year or not, right before a meeting noun: "the
# January meeting", "the August 2024 summit", "last November's talks"
MONTH_BEFORE_NOUN = re.compile(
    r"\b(?P<when>(?:" + "|".join(m.capitalize() for m in MONTH_NAMES if len(m) > 3) +
    r")(?:\s+(?:19|20)\d{2})?)(?:'s|’s)?\s+$")
MEETING_NOUNS = frozenset(word_lists("meeting_lexicon.csv")["noun"])
# leaving the talks: "withdrew ... from", "pulled out of", "recalled", "returned ... for
# consultations" (a recall, not the end of a visit); the last such verb
# before the date words, at most 80 characters, no "held"/"took place" between ("left Cairo
# on Sunday after the talks", "returned from Cairo on Thursday after talks" are left alone: the
# reporting dates a delegation's visit by its departure as often as not)
DEPARTURE = re.compile(
    r"\b(?:withdr(?:ew|awn|aws|awing)|pull(?:ed|s|ing)\s+out|recall(?:ed|s|ing)|"
    r"return(?:ed|s|ing)?(?=[^.;]{0,60}\bfor\s+consultations\b))\b"
    r"(?!.*\b(?:withdr\w+|held|took\s+place)\b)[^.;]{0,80}$", re.IGNORECASE)
# talks over weeks or months, no one day's meeting ("the meeting comes after several weeks of
# indirect talks in Doha", "the latest round, held in Doha, lasted for weeks"); not "two days
# of talks" (a round the text dates by its days)
LONG_TALKS = re.compile(r"\b(?:(?:weeks|months)\s+of\s+(?:[a-z]+\s+){0,2}?(?:talks|negotiations|"
                        r"discussions)|lasted\s+(?:for\s+)?(?:\w+\s+)?(?:weeks|months))\b",
                        re.IGNORECASE)
THAT = re.compile(r",?\s+that\b")  # "said on Wednesday that", "disclosed ... April 17, that"
CLAUSE_END = re.compile(r"[.;]")
# who says or decides, before the date words of a statement's day: the meeting lexicon's verbs
# of speech ("said", "told", "disclosed"), "in a statement", "a news conference", "decided"
STATEMENT_WORDS = re.compile(r"\b(?:" + "|".join(sorted(
    {*word_lists("meeting_lexicon.csv")["speech"], "statement", "conference", "decided"},
    key=len, reverse=True)) + r")\b[^.;]{0,60}?$", re.IGNORECASE)
# a verb of the future before a meeting's date words, in their clause, with no verb of a
# meeting held (or of saying) between: "will commence in Cairo on Sunday", "is slated for"
FUTURE_BEFORE_DAY = re.compile(
    r"\b(?:will|would|(?:is|are|was|were)\s+(?:set|slated|scheduled|expected|due)\s+(?:to|for)|"
    r"(?:slated|scheduled)\s+for)\b"
    r"(?![^.;]*\b(?:held|took\s+place|began|met|ended|said|says|told|announced)\b)"
    r"[^.;]{0,80}$", re.IGNORECASE)
# the present progressive before a weekday, in its clause: with a day named it is an
# arrangement to come ("Qatar is hosting talks in Doha on Sunday", "Burns is heading to Cairo
# on Sunday", "the delegation is meeting mediators on Monday"; the day of the report or the
# one before stays itself, see meeting_days._coming), with no verb of a meeting held, of
# saying or of the past between or after ("is leading the team that arrived on Sunday")
PROGRESSIVE_BEFORE_DAY = re.compile(
    r"\b(?:is|are)\s+(?:[a-z]+ly\s+)?(?!according\b|including\b|nothing\b|something\b|"
    r"anything\b|everything\b|ongoing\b|during\b|morning\b|evening\b)[a-z]{3,}ing\b"
    r"(?![^.;]*\b(?:held|took\s+place|began|met|ended|said|says|told|announced|arrived|"
    r"landed|returned|left|came|was|were|had|has|have|ago|since)\b)[^.;]{0,80}$",
    re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# a verb of a meeting held before a meeting's date words, in their clause, with no verb of
# the future between: "who met with the Qatari prime minister in Doha on Friday" (not "will
# be held in Cairo on Thursday")
PAST_BEFORE_DAY = re.compile(
    r"(?<!\bbe )(?<!\bbeing )"
    r"\b(?:met|held|hosted|visited|arrived|landed|travell?ed|flew|received)\b"
    r"(?![^.;]*\b(?:will|would|to|expected|set|scheduled|slated|due)\b)[^.;]{0,80}$",
    re.IGNORECASE)


def long_talks(mention: dict) -> bool:
    """Talks over weeks or months without date words of their own ("The meeting comes after
    several weeks of indirect talks in the Qatari capital, Doha", "The latest round of
    indirect negotiations, held in Doha, lasted for weeks"): no day of the news is theirs,
    and they are not a meeting of one day the article names.

    >>> long_talks({"quote": "round of talks, held in Doha", "sentence": "The latest round of "
    ...             "talks, held in Doha, lasted for weeks before ending on July 25."})
    True
    >>> long_talks({"quote": "talks in Doha", "sentence": "After two days of talks in Doha, "
    ...             "the teams left."})
    False
    """
    if mention.get("date_text"):
        return False
    sentence = mention.get("sentence") or mention.get("quote") or ""
    return LONG_TALKS.search(sentence) is not None


def arrival(mention: dict) -> bool:
    """Someone travels to the talks ("will travel to Doha later this week to join"), rather
    than the talks going on ("teams will continue talks in Doha over the weekend")."""
    words = mention.get("trigger", "").lower().split()
    return any(w in ("travel", "fly", "arrive", "head", "join", "visit") for w in words)


def tense_of(mention: dict) -> str | None:
    """The tense its weekday resolves in: the mention's own, but a planned meeting whose
    sentence reads past ("Witkoff is reportedly traveling to Doha on Tuesday ..., joining an
    Israeli delegation that arrived on Monday", in a report of Monday) takes the nearer of
    the past and the coming weekday ('present'), not last week's. Date words a future verb
    governs (:func:`future_day`) in a sentence not read as future are 'coming': "talks will
    commence in Cairo on Sunday" in a report of Wednesday is the coming Sunday, not the last
    one (see :func:`resolve_date`)."""
    tense = mention.get("tense")
    if tense != "future" and future_day(mention):
        return "coming"
    if tense != "past" and past_day(mention):
        return "past"
    return "present" if tense == "past" and mention.get("status") == "planned" else tense



def _before_date_words(mention: dict, pattern) -> bool:
    """Whether `pattern` matches in the mention's sentence before its date words (False when
    the sentence does not have them, or has them first)."""
    date_text = mention.get("date_text") or ""
    sentence = mention.get("sentence") or ""
    at = sentence.find(date_text) if date_text else -1
    return at > 0 and pattern.search(sentence, 0, at) is not None

def past_day(mention: dict) -> bool:
    """Whether the mention's date words follow a verb of a meeting held in the past tense
    in their clause, with no verb of the future between: "Witkoff, who met with the Qatari
    prime minister in Doha on Friday, will return to Qatar" (the Friday before the report,
    though the sentence's meeting is planned). Leaves "met ... and will travel to Cairo on
    Monday" and date words the sentence does not have.

    >>> past_day({"date_text": "on Friday", "sentence": "Witkoff, who met the Qatari prime "
    ...           "minister in Doha on Friday, will return to Qatar."})
    True
    >>> past_day({"date_text": "on Monday", "sentence": "He met Burns and will travel to "
    ...           "Cairo on Monday."})
    False
    >>> past_day({"date_text": "on Thursday", "sentence": "Talks will be held in Cairo on "
    ...           "Thursday."})
    False
    """
    return _before_date_words(mention, PAST_BEFORE_DAY)


def future_day(mention: dict) -> bool:
    """Whether the mention's date words follow a verb of the future in their clause, with no
    verb of a meeting held between: "talks ... will commence in Cairo on Sunday", "the next
    round of talks in Cairo is slated for August 25", "said it would send delegates to Doha
    on Monday", "is scheduled to attend a meeting in Cairo on Thursday"; a weekday after the
    present progressive (:data:`PROGRESSIVE_BEFORE_DAY`: "Qatar is hosting talks in Doha on
    Sunday", "is heading to Cairo on Sunday", an arrangement). Leaves "will return home after
    the talks held on Sunday" (the day of the talks held), "said on Sunday that it will
    attend" (the day before the verb), "is leading the team that arrived on Sunday", weeks
    ("are resuming this week") and date words the sentence does not have.

    >>> future_day({"date_text": "on Sunday", "sentence": "Talks will commence in Cairo on "
    ...             "Sunday."})
    True
    >>> future_day({"date_text": "on Sunday", "sentence": "The team will return after the "
    ...             "talks held on Sunday."})
    False
    >>> future_day({"date_text": "on Sunday", "sentence": "Qatar is hosting talks between "
    ...             "the two sides in Doha on Sunday."})
    True
    >>> future_day({"date_text": "on Sunday", "sentence": "Burns is leading the team that "
    ...             "arrived in Cairo on Sunday."})
    False
    """
    return _before_date_words(mention, FUTURE_BEFORE_DAY) or (
        WEEKDAY.search(mention.get("date_text") or "") is not None and
        _before_date_words(mention, PROGRESSIVE_BEFORE_DAY))


def month_of_the_meeting(mention: dict) -> str:
    """The month named right before a meeting noun the mention has no date words for: "The
    January meeting in Paris between Barnea, Burns and the Qatari premier" -> 'January';
    "since the August 2024 summit in Doha" -> 'August 2024'. Leaves verbs ("Burns may meet
    Barnea"), month names in lower case, abbreviations ("Mar"), and a month further away
    ("in January, the meeting ...": the date rules find that one).

    >>> month_of_the_meeting({"trigger": "meeting", "sentence": "The January meeting in Paris",
    ...                       "sentence_start": 0, "start_char": 12})
    'January'
    """
    trigger = (mention.get("trigger") or "").lower()
    sentence = mention.get("sentence") or ""
    if mention.get("date_text") or trigger not in MEETING_NOUNS or not sentence:
        return ""
    quote_at = max(0, (mention.get("start_char") or 0) - (mention.get("sentence_start") or 0))
    at = sentence.lower().find(trigger, quote_at)
    found = MONTH_BEFORE_NOUN.search(sentence[:at]) if at > 0 else None
    return found["when"] if found else ""


def statement_day(mention: dict) -> bool:
    """Whether the mention's date words are the day of a statement about it, right before
    'that' after a verb of speech or decision ("The movement said in a statement on Wednesday
    that negotiations are continuing in Doha", "Netanyahu decided on Tuesday that most of the
    delegation in Doha will return"): the day it was said, not the meeting's. Leaves "a round
    in Cairo on February 13 that ended without a breakthrough" (no one speaking), "on
    Wednesday, when the talks resumed" and date words the sentence does not have.

    >>> statement_day({"date_text": "on Wednesday",
    ...                "sentence": "Hamas said on Wednesday that talks continue in Doha."})
    True
    >>> statement_day({"date_text": "on Wednesday",
    ...                "sentence": "Talks resumed in Doha on Wednesday, officials said."})
    False
    >>> statement_day({"date_text": "on February 13",
    ...                "sentence": "It follows a round in Cairo on February 13 that ended."})
    False
    """
    date_text = mention.get("date_text") or ""
    sentence = mention.get("sentence") or ""
    at = sentence.find(date_text) if date_text else -1
    return at >= 0 and THAT.match(sentence, at + len(date_text)) is not None and \
        STATEMENT_WORDS.search(sentence[:at]) is not None


def departure_day(mention: dict) -> bool:
    """Whether the mention's date words are the day its people left the talks: after a verb of
    withdrawing in the same clause ("Israel and the United States withdrew their negotiating
    teams from the talks in Doha on Thursday", "pulled out of the talks on Monday", "recalled
    its team from Doha on Tuesday", "the team returned from the talks for consultations
    earlier Thursday"). The talks were held before, on days the text does not
    give. Leaves departures and returns ("left Cairo on Sunday after the talks", "returned
    from Cairo on Thursday after talks with the Egyptians": the reporting dates such a visit
    by its last day as often as not), a day of its own ("withdrew after the talks held
    Friday") and days before the verb.

    >>> departure_day({"date_text": "on Thursday", "status": "held", "sentence": "Israel "
    ...                "withdrew its team from the talks in Doha on Thursday."})
    True
    >>> departure_day({"date_text": "on Sunday", "status": "held", "sentence": "The delegation "
    ...                "left Cairo on Sunday after the talks."})
    False
    """
    date_text = mention.get("date_text") or ""
    sentence = mention.get("sentence") or ""
    if not date_text or mention.get("status") != "held":
        return False
    at = sentence.find(date_text)
    leaving = DEPARTURE.search(sentence, 0, at) if at > 0 else None
    return leaving is not None and not CLAUSE_END.search(sentence, leaving.end(), at)
