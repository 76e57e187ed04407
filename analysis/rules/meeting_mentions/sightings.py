"""Where an article puts a negotiator, sentence by sentence, whether or not the sentence tells
a meeting: 'Speaking to reporters in Doha on Tuesday, Blinken said ...', 'Blinken touched down
in Israel on Sunday night', 'Barnea "left Doha"'. Fed by base (the word lists, Item, DocState);
read by the finder, which hands the article's sightings to every meeting mention
(``sightings_in_doc``), so that the assembly can place a meeting the text tells without a
place (``analysis.assemble.meeting_rows._place_of_the_person``).
"""

from __future__ import annotations

from spacy.tokens import Span

from analysis.rules.dates import day_precise
from analysis.rules.doc_text import doc_lowers
from analysis.rules.meeting_mentions.base import DocState, Item

SIGHTING_KINDS = ("city", "country")  # a region ('the Middle East') is a tour, no place
DAY_WINDOW = 8  # tokens between the place and the day that dates the sighting


def _place_word_before(lowers: list[str], item: Item, lex: dict) -> bool:
    """The word before the place puts someone there: a place preposition ('in Doha',
    'touched down in Israel', 'traveled to Cairo', 'at Lusail') or a departure ('left
    Doha', 'leaves Cairo': he was there). A quote mark or 'the' between them is skipped
    ('"left Doha"', 'in the Qatari capital')."""
    i = item.start - 1
    while i >= 0 and lowers[i] in ('"', "\u201c", "\u201d", "'", "the"):
        i -= 1
    return i >= 0 and (lowers[i] in lex["place_preposition"] or lowers[i] in lex["departure"])


def _named_as_a_plan(lowers: list[str], mention: dict, lex: dict) -> bool:
    """A name that names a plan, not the man: 'the Witkoff framework', 'Witkoff's proposal'
    (a `plan_noun` right after the name or its possessive)."""
    after = lowers[mention["end"]:mention["end"] + 2]
    if after[:1] in (["'s"], ["\u2019s"]):
        after = after[1:]
    return bool(after) and after[0] in lex["plan_noun"]


def _day_of(state: DocState, item: Item, span: Span) -> str | None:
    """The day-precise date nearest the place in the sentence, within DAY_WINDOW tokens ('in
    Doha on Tuesday', 'on Sunday night ... in Israel'); '' when the sentence names none;
    None when the nearest date names a week or a month ('in Doha last month': not a day to
    compare)."""
    near = [d for d in state.dates if span.start <= d.start < span.end
            and min(abs(d.start - item.end), abs(item.start - d.end)) <= DAY_WINDOW]
    if not near:
        return ""
    nearest = min(near, key=lambda d: min(abs(d.start - item.end), abs(item.start - d.end)))
    return nearest.text if day_precise(nearest.text) else None


def sightings(state: DocState, span: Span, lex: dict, places_kind: dict,
              is_negotiator) -> list[dict]:
    """The sentence's sighting: its one negotiator named and its one place a place word puts
    someone at (`_place_word_before`), with the day next to it (`_day_of`). None when the
    sentence names two negotiators or two such places (whose is which is not told), names
    the place only as a region, names the man only as his plan ('the Witkoff framework'),
    or is negated ('did not travel to Cairo', 'never went',
    'instead of' ...: `not_there`)."""
    lowers = doc_lowers(state.doc)
    words = lowers[span.start:span.end]
    if set(words) & lex["not_there"]:
        return []
    people = {m["name"] for m in state.mentions if span.start <= m["start"] < span.end
              and m["kind"] in ("name", "person") and is_negotiator(m["name"])
              and not _named_as_a_plan(lowers, m, lex)}
    places = [p for p in state.places if span.start <= p.start < span.end
              and places_kind.get(p.text) in SIGHTING_KINDS
              and _place_word_before(lowers, p, lex)]
    if len(people) != 1 or len({p.text for p in places}) != 1:
        return []
    place = places[0]
    day = _day_of(state, place, span)
    if day is None:
        return []
    return [{"name": next(iter(people)), "place": place.text, "date_text": day,
             "start_char": state.doc[place.start].idx}]
