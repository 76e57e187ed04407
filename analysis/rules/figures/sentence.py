"""The figures of one sentence.

Key-figure lines first ("Hostages still in captivity: 59", "Killed: 1,200"), then every number
through `_read_number` (reading, states, metric, vetoes, row), then breakdowns and lists ending
"and a Filipino" (`figures_in_sentence`). Fed by every stage above; feeds :mod:`.document`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.breakdowns import _breakdowns, _foreign_whole, _nationality_list
from analysis.rules.figures.groups import _LIVING, _group
from analysis.rules.figures.metric import (
    TOLL_MAX,
    _hostage_context,
    _inherit_metric,
    _metric,
    _plausible_metric,
    held_on_the_day,
    still_taken,
)
from analysis.rules.figures.noun_phrase import _noun_phrase
from analysis.rules.figures.parts import _is_subset, _part_of_release
from analysis.rules.figures.rates import _rate_governs, _whole_after
from analysis.rules.figures.reading import (
    _alive_without_whole,
    _counts_things,
    _read_noun_phrase,
    _Sentence,
    _start_reading,
)
from analysis.rules.figures.releases import (
    _coordinated_release,
    _pending_clause,
    _pending_pair,
    _planned_before_trigger,
)
from analysis.rules.figures.rows import _make_row, _row_of
from analysis.rules.figures.states import (
    _choose_trigger,
    _part_without_state,
    _read_triggers,
    _rescue_veto,
)
from analysis.rules.figures.vetoes import _METRIC_VETOES
from analysis.rules.figures.words import FigureLexicon, load_figure_lexicon
from analysis.rules.numbers import Number, find_numbers


def figures_in_sentence(sentence: str, offset: int = 0, context: str = "",
                        noun_tags: dict | None = None, earlier: str = "") -> list[dict]:
    """The figures one sentence states. `offset` is the sentence's start in the document;
    `context` the previous sentence (for "A hundred were released"), `earlier` the one before
    it (for "25 of these are dead" two sentences after the hostages); `noun_tags` maps
    absolute character offsets of words to their coarse POS (from the model), when available.

    Each number goes through the steps of :func:`_read_number`; a nationality breakdown of a
    release ("— 13 Israelis, 10 Thais and a Filipino —") adds one row per part.
    """
    spaced = _DOUBLE_HYPHEN.sub(" —", sentence)
    rows = _figures_of_text(spaced, offset, context, noun_tags, earlier)
    if spaced != sentence:
        for row in rows:  # (quotes and the sentence as the article has them)
            row.update(sentence=sentence.strip(),
                       quote=sentence[row["start_char"] - offset:row["end_char"] - offset])
    return rows


# wire copy's dash typed as two hyphens: "a total of 50 civilian hostages -- all women and
# children -- were freed", "(Xinhua) -- The death toll"; read as the dash " — " (same length,
# so offsets hold)
_DOUBLE_HYPHEN = re.compile(r"(?<=\s)--(?=\s)")


def _figures_of_text(sentence: str, offset: int, context: str, noun_tags: dict | None,
                     earlier: str) -> list[dict]:
    """:func:`figures_in_sentence` on the sentence with its dashes read."""
    lexicon = load_figure_lexicon()
    table_rows = _table_row(sentence, offset, context, lexicon)
    if table_rows is None:
        table_rows = _value_line(sentence, offset, context, lexicon)
    if table_rows is None:
        table_rows = _number_first_line(sentence, offset, context, lexicon)
    if table_rows is not None:
        return table_rows
    s = _Sentence(sentence, offset, context, noun_tags, find_numbers(sentence), lexicon,
                  earlier=earlier)
    for number in s.numbers:
        previous = next((o for o in reversed(s.outcomes) if not o.get("excluded")), None)
        # (a date or a year is no antecedent: "132 hostages from the October 7 attacks ...
        # about 25 of them are believed to have died")
        outcome = {"metric": None, "subset": False, "row": None}
        s.outcomes.append(outcome)
        row = _read_number(s, number, outcome, previous)
        if row is not None:
            s.rows.append(row)
            outcome["metric"], outcome["row"] = row["metric"], row
    s.rows.extend(_breakdowns(sentence, offset, s.numbers, s.outcomes, lexicon))
    s.rows.extend(_nationality_list(sentence, offset, s.numbers, s.outcomes, lexicon))
    s.rows.extend(_list_end_article(s))
    _foreign_whole(sentence, offset, s.rows)
    return s.rows


_AND_AN = re.compile(r"(?:,\s*|\s)and\s+(an?)(?=\s+[A-Z])", re.IGNORECASE)


def _list_end_article(s: _Sentence) -> list[dict]:
    """ "were 12 Israelis, four Thais and a Filipino": the article ends a list by nationality
    of hostages and counts one, as "one Filipino" would. Needs a hostage row by nationality
    just before it (within 60 characters); leaves "and a Thai national" alone elsewhere."""
    found = []
    for match in _AND_AN.finditer(s.text):
        start = s.offset + match.start(1)
        if any(row["start_char"] == start for row in s.rows):
            continue  # a breakdown between dashes already read it
        before = [row for row in s.rows if row["metric"].startswith("hostages_")
                  and 0 <= start - row["end_char"] <= 60 and not row["vague"]]
        np = _noun_phrase(s.text[match.end(1):], s.lexicon)
        if not before or np.kind not in ("person", "hostage") or not (np.foreign
                                                                      or np.nationality):
            continue
        population = "other" if np.foreign else "israeli"
        end = match.end(1) + np.end
        found.append(_make_row(before[-1]["metric"], population, 1, "exact", None, None, False,
                               s.text, s.offset, match.start(1), end, match.start(1), s.lexicon))
    return found


def _read_number(s: _Sentence, number: Number, outcome: dict, previous: dict | None) -> dict | None:
    """Read one number: what it counts, the trigger that says what happened to them, the
    metric; None when a veto says it is no figure (each veto is a named function below)."""
    r = _start_reading(s, number)
    if r is None:
        outcome["excluded"] = True
        return None
    _read_noun_phrase(s, r)
    if _counts_things(s, r) or _alive_without_whole(s, r):
        return None
    _read_triggers(s, r)
    r.coordinated = _coordinated_release(s, r, previous)
    if r.pending or _planned_before_trigger(s, r):
        outcome["pending"] = True
        return None
    if _part_without_state(s, r) or _rescue_veto(s, r):
        return None
    if _pending_clause(s, r) or _pending_pair(s, r):
        outcome["pending"] = True
        return None
    if _rate_governs(s.text, number, r.after, r.core_left, s.lexicon):
        return None
    _choose_trigger(s, r)
    if r.trigger is None and _whole_after(s.text, number, s.numbers) is not None:
        return None  # a part with no predicate of its own: "only three out of 15 bodies of
        # dead hostages had been brought back" (the 15 are the count)
    r.subset = _is_subset(s, r, previous)
    outcome["subset"] = r.subset
    if _part_of_release(r, previous):
        return None
    r.hostage_context = _hostage_context(s, r)
    r.metric = _metric(s, r)
    if r.metric == "hostages_taken" and still_taken(r):
        r.metric = "hostages_held"  # "the 129 remaining hostages abducted on October 7"
    elif r.metric == "hostages_held" and held_on_the_day(s, r):
        r.metric = "hostages_taken"  # "On October 7, 2023, Hamas men ... held 251 people as
        # hostages and dragged them to Gaza"
    if r.metric == "hostages_held" and r.left_trigger != "hold" and _OF_WHOM_REMAIN.match(r.after):
        r.metric = "hostages_taken"  # "more than 250 held hostage, around 100 of whom remain"
    if r.metric is None:
        _inherit_metric(s, r, previous)
    if r.metric == "hostages_dead" and _LIVING.search(r.right[:r.np.end]):
        r.metric = "hostages_held"  # "the last 20 surviving hostages ... those confirmed dead"
    r.metric = _plausible_metric(r.metric, r.value)
    if r.metric is None:
        return None
    if r.metric in ("killed", "injured") and r.value > TOLL_MAX and re.search(
            r"\d,\d{3}\s*thousand", r.number.text, re.IGNORECASE):
        r.value //= 1000  # "72,043 thousand people have been injured": a redundant scale word
    r.group = _group(s, r)
    if r.group is None or any(veto(s, r) for veto in _METRIC_VETOES):
        return None
    return _row_of(s, r)


# a part said still held right after a count: the count is the whole taken
_OF_WHOM_REMAIN = re.compile(r"^[^.;\d]{0,30}?,\s*(?:(?:around|about|some|roughly|nearly|almost|"
                             r"more\s+than|over|at\s+least)\s+)?[\w,]+\s+of\s+whom\s+(?:are\s+)?"
                             r"(?:still\s+|believed\s+to\s+)?(?:remain|held|be\s+held|in\s+gaza|"
                             r"in\s+captivity)\b(?!\s+(?:alive|dead))", re.IGNORECASE)


_METRIC_LABEL = re.compile(r"(?:killed|dead|deaths|fatalities|martyrs|injured|wounded|displaced|"
                           r"hostages|captives|abductees|detainees|prisoners)", re.IGNORECASE)
# (a bullet may open the line: "– Total captured: 251")
_TABLE_ROW = re.compile(r"^(?P<lead>\s*(?:[-–—•*·]\s*)?(?:[^:\n]{1,40}:\s+)?)"
                        r"(?P<label>[A-Za-z][^:\n]{3,90}?)\s*:\s*(?P<value>[^:\n]{1,70}?)\s*$")


# a note in brackets after a key figure: "Over 46,000 (This figure does not distinguish ...)"
_TRAILING_NOTE = re.compile(r"(?<=\d)\s*\((?!\s*(?:including|of\s+whom|among))"
                            r"[^()\n]{10,300}\)\s*$", re.IGNORECASE)


# (not "(including 35 declared dead)": a part)


def _table_row(sentence: str, offset: int, context: str,
               lexicon: FigureLexicon) -> list[dict] | None:
    """A line of a key-figures table, "Hostages remaining in Gaza: 128", read as the sentence
    "128 Hostages remaining in Gaza" (the whole line is the quote); None if not such a line.
    AP's "by the numbers" lines: "Number of Palestinians killed in Gaza: Over 46,000 (This
    figure ...)" read as "Over 46,000 Palestinians killed in Gaza" (the note is left out)."""
    match = _TABLE_ROW.match(_TRAILING_NOTE.sub("", sentence))
    if not match or (len(match.group("label").split()) < 2
                     and not _METRIC_LABEL.fullmatch(match.group("label"))):
        return None  # "Displaced: 1.9 million" and "Killed: 45,000" are rows; "Source: ..." not
    value = match.group("value")
    numbers = find_numbers(value)
    if not numbers:
        return None
    lead = value[:numbers[0].start].strip()
    rest = value[numbers[0].end:]
    plus = re.match(r"\+", rest)  # "85,000+": at least
    if plus:
        rest = rest[1:]
    if (lead and not lexicon.hedge_re.fullmatch(lead)) or (
            rest.strip(" .") and not re.match(r"\s*[,(]\s*(?:of\s+whom|including|among\s+them)\b",
                                              rest)):
        return None  # "Hostages released: 148, of whom 8 were dead" reads on after the number
    hedge = "more than " if plus and not lead else ""
    label = _LABEL_LEAD.sub("", match.group("label"))  # "Number of people killed in Israel"
    rows = figures_in_sentence(f"{hedge}{value[:numbers[0].end]} {label}"
                               f"{rest.replace('(', ',').rstrip(')')}", 0, context)
    start = offset + match.start("label")
    quote = sentence[match.start("label"):match.end("value")]
    for row in rows:
        row.update(sentence=sentence.strip(), quote=quote, start_char=start,
                   end_char=start + len(quote))
    return rows


_LABEL_LEAD = re.compile(r"^\W*(?:[^,:]{0,30},\s*)?(?:the\s+)?(?:(?:total\s+)?(?:number|count|"
                         r"tally)\s+of\s+|total\s+)", re.IGNORECASE)  # ("Total hostages


# taken during the Oct. 7 attack: 251")


def _value_line(sentence: str, offset: int, context: str,
                lexicon: FigureLexicon) -> list[dict] | None:
    """A key-figures box that puts the number on a line of its own under its label:
    "Number of Palestinians killed in Gaza since Oct. 7, 2023" then "At least 67,869", read
    as "At least 67,869 Palestinians killed in Gaza since Oct. 7, 2023" (the value line is the
    quote). None unless the line is a number, with its hedge, alone and the line before is a
    label (no closing punctuation)."""
    value = sentence.strip()
    label = context.strip()
    if len(value) > 40 or not label or len(label) > 160 or not _headline_like(label):
        return None
    numbers = find_numbers(value)
    if len(numbers) != 1:
        return None
    lead, rest = value[:numbers[0].start].strip(), value[numbers[0].end:].strip(" +*")
    if rest or (lead and not lexicon.hedge_re.fullmatch(lead)):
        return None
    label = _LABEL_LEAD.sub("", label)
    rows = figures_in_sentence(f"{value[:numbers[0].end]} {label}.", 0, "")
    start = offset + (len(sentence) - len(sentence.lstrip()))
    for row in rows:
        row.update(sentence=value, quote=value, start_char=start, end_char=start + len(value))
    return rows


_NUMBER_FIRST = re.compile(r"^\s*(?:[-–—•*·]\s*)?(?P<value>[\d,.]+(?:\s*(?:million|m))?)"
                           r"(?:\s*:\s+|\s+(?=(?:the\s+)?(?:total\s+)?(?:number|count|tally)\s+of\b))"
                           r"(?P<text>\S.*)$", re.IGNORECASE | re.DOTALL)
# (also a bulleted list of such lines with no colon: "– 1.4 million Number of Palestinians
# displaced in Gaza")


def _number_first_line(sentence: str, offset: int, context: str,
                       lexicon: FigureLexicon) -> list[dict] | None:
    """A "hard numbers" line that puts the number first and says what it counts after a
    colon, without the number: "101: The number of hostages still held in Gaza", read as "101
    hostages still held in Gaza" (the whole line is the quote). None when the text after the
    colon states the number itself ("1,200: Hamas killed about 1,200 people": read as is)."""
    match = _NUMBER_FIRST.match(sentence)
    if not match or find_numbers(match.group("text")) or not find_numbers(match.group("value")):
        return None
    text = _LABEL_LEAD.sub("", match.group("text"))
    rows = figures_in_sentence(f"{match.group('value')} {text}", 0, context)
    start = offset + match.start("value")
    quote = sentence[match.start("value"):].rstrip()
    for row in rows:
        row.update(sentence=sentence.strip(), quote=quote, start_char=start,
                   end_char=start + len(quote))
    return rows


def _headline_like(sentence: str) -> bool:
    """A headline, subheading or key-figure line: no closing punctuation."""
    return not re.search(r"[.!?\"”’'»)]\s*$", sentence)
