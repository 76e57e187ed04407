"""From a reading to a row of figures.csv.

The population (noun phrase, else the nearest cue; the 7 October toll is Israel's), the bound
(ranges and vague amounts are lower bounds), the quote, the scope and the attribution
(`_row_of`, `_make_row`). Fed by :mod:`.reading`, :mod:`.triggers`, :mod:`.metric`; feeds
:mod:`.vetoes`, :mod:`.breakdowns`, :mod:`.sentence`.
"""

from __future__ import annotations

import re

from analysis.rules.figures.metric import _PLACE_AFTER
from analysis.rules.figures.noun_phrase import NounPhrase
from analysis.rules.figures.reading import _Reading, _Sentence
from analysis.rules.figures.triggers import _attribution, _clauses, _nearest_cue, _same_clause
from analysis.rules.figures.words import EVENT_METRICS, FigureLexicon
from analysis.rules.numbers import Number


def _row_of(s: _Sentence, r: _Reading) -> dict:
    """The row: population, bound (ranges and vague amounts are lower bounds) and the quote
    (from the hedge to the end of the noun phrase)."""
    number, np = r.number, r.np
    population = r.population or ("palestinian" if r.group in ("aid seekers", "starvation")
                                  and not np.nationality else None) or _population(
        r.metric, np, s.text, number, s.rows, s.lexicon, s.context, s.earlier)  # (aid seekers
    # and famine:
    # Gaza's)
    qualifier = r.qualifier
    if (number.is_range and r.low is not None) or number.vague:
        qualifier = "lower_bound"
    quote_start = r.hedge_start if qualifier != "exact" and r.hedge_start < len(r.left) \
        else number.start
    if s.lexicon.estimate_re.search(r.left) and not s.lexicon.hedge_re.search(r.left):
        quote_start = number.start
    quote_end = number.end + np.end if np.kind not in (None, "pronoun") else number.end
    return _make_row(r.metric, population, r.value, qualifier, r.low, r.high,
                     number.is_range or number.vague, s.text, s.offset, quote_start, quote_end,
                     number.start, s.lexicon, group=r.group, vague=number.vague)


def _population(metric: str, np: NounPhrase, sentence: str, number: Number, rows: list,
                lexicon: FigureLexicon, context: str = "", earlier: str = "") -> str:
    if metric.startswith("hostages"):  # ("250 Israelis and foreigners": the whole, israeli)
        return "other" if (np.foreign and np.nationality != "israeli") or _foreign_count(
            np, sentence, number, rows) else "israeli"
    if metric.startswith("prisoners"):
        return "palestinian"
    if metric == "displaced":
        return np.nationality or _nearest_cue(sentence, number.start, number.end,
                                              lexicon.displaced_cue_res, lexicon, "palestinian")
    if np.group == "militants":  # fighters killed by Israel: Gaza's unless Lebanon's
        return _nearest_cue(sentence, number.start, number.end,
                            {"other": lexicon.cue_res["other"]}, lexicon, "palestinian")
    population = np.nationality
    if np.foreign and np.nationality != "israeli":
        population = "other"  # ("about 1,400 Israelis and foreign nationals have been killed":
        # Israel's toll, as for hostages)
    previous = [r for r in rows if r["metric"] in ("killed", "injured")]
    if population is None and previous and (np.others or _same_clause(previous[-1], sentence,
                                                                        number)):
        population = previous[-1]["population"]  # "killed 59,219 people and injured 143,045"
    if population is None and metric == "killed" and _october_toll(sentence, number, np,
                                                                   lexicon):
        population = "israeli"
    if population is None:
        population = _nearest_cue(sentence, number.start, number.end, lexicon.cue_res, lexicon,
                                  None) or _previous_cue(context, earlier, lexicon)
    if population == "israeli" and number.value > ISRAELI_TOLL_MAX[metric] and not np.nationality:
        population = _nearest_cue(sentence, number.start, number.end,
                                  {"other": lexicon.cue_res["other"]}, lexicon, "palestinian")
    return population


# a country's own people: "Thailand says Hamas still holds 20 of its nationals", "Thai Prime
# Minister ... confirmed today that 12 of the country's citizens have been released"
_OWN_NATIONALS = re.compile(r"^\s+of\s+(?:its|their|our|the\s+country['’]s)\s+(?:own\s+)?"
                            r"(?:nationals|citizens|"
                            r"workers|people)\b", re.IGNORECASE)
_FOREIGN_COUNTRY = re.compile(r"\b(?:Thailand|Thai|Bangkok|Nepal|Nepalese|Kathmandu|Philippines|"
                              r"Filipino|Manila|Tanzania|Sri\s+Lanka|China|Chinese)\b")
# a foreign government opening the sentence, after a dateline: "Thailand says 12 hostages
# freed", "TEL AVIV - Thai Foreign Minister ... hoped for freedom soon for the remaining 13
# hostages" (its count is of its own nationals when no Israeli is named)
_FOREIGN_SPEAKER = re.compile(r"^(?:[A-Z][A-Z .,/]{2,40}\s[-–—]\s*)?(?:Thailand|Nepal|"
                              r"(?:Thai|Nepali|Nepalese|Filipino|Philippine)\s+(?:Foreign|Prime|"
                              r"Labou?r)\s+Minister|(?:Thai|Nepali|Nepalese|Philippine)\s+"
                              r"(?:government|officials?|ministry|PM|embassy))\b")
_ISRAELI_WORD = re.compile(r"\bIsraelis?\b")
# what links two counts of one nationality ("holding 20 Thai nationals after having freed 10")
# and what ends the chain: a total, a side named, a new clause ("with 73 still in captivity")
# a bare number: nothing that could describe the people after it ("and one dual
# Russian-Israeli national" has a noun the lists do not know)
_BARE_AFTER = re.compile(r"\s*(?:[,.;:)]|$|(?:from|on|in|to|so|this|last|earlier|later|since)\b)",
                         re.IGNORECASE)
_CHAIN_LINK = re.compile(r"\b(?:after|while|and)\b", re.IGNORECASE)
_CHAIN_BREAK = re.compile(r"\b(?:total|in\s+all|overall|altogether|bringing|brings|including|"
                          r"with|Israelis?|hostages?|captives?|people|others?)\b|\d|[,;:(—–]",
                          re.IGNORECASE)


def _foreign_count(np: NounPhrase, sentence: str, number: Number, rows: list) -> bool:
    """A hostage count with no noun that continues a count of foreign nationals, or a
    country's count of its own people: "Hamas is still holding 20 Thai nationals after having
    freed 10" (10: other), "Thailand says Hamas still holds 20 of its nationals" (other).
    Leaves a total after them ("freed 10 Thai nationals, bringing the total to 24": the
    whole, israeli) and a noun of its own ("12 Thais and 13 Israelis")."""
    if np.nationality:
        return False
    if _OWN_NATIONALS.match(sentence[number.end:]) and _FOREIGN_COUNTRY.search(
            sentence[:number.start]):
        return True
    if np.kind == "hostage" and _FOREIGN_SPEAKER.match(sentence) and not _ISRAELI_WORD.search(
            sentence):
        return True
    if np.kind not in (None, "pronoun"):
        return False
    last = rows[-1] if rows else None
    if last is None or not last["metric"].startswith("hostages") or last["population"] != "other":
        return False
    end = sentence.rfind(last["quote"], 0, number.start)
    between = sentence[end + len(last["quote"]):number.start] if end >= 0 else ""
    return end >= 0 and len(between) <= 60 and bool(_CHAIN_LINK.search(between)) and \
        not _CHAIN_BREAK.search(between) and bool(_BARE_AFTER.match(sentence, number.end))


def _previous_cue(context: str, earlier: str, lexicon: FigureLexicon) -> str:
    """A toll whose sentence names no side takes the side named last in the sentence before,
    or the one before that: "The toll of Israelis reached 1,300. Around 3,300 people
    suffered injuries" (israeli); "Lebanon's health minister said the toll passed 4,047.
    The figure includes fighters. He also reported 16,638 wounded" (other); Gaza's when
    neither names one."""
    for text in (context, earlier):
        cue = text and _nearest_cue(text, len(text), len(text), lexicon.cue_res, lexicon, None)
        if cue:
            return cue
    return "palestinian"


_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)
# the toll of 7 October 2023 as news gives it (1,139 to about 1,400): a count of the killed in
# this range whose words name no side is Israel's
OCTOBER_TOLL = (1100, 1450)


def _october_toll(sentence: str, number: Number, np: NounPhrase,
                  lexicon: FigureLexicon) -> bool:
    """ "Around 1,200 people were killed, many of them by the Israel Defence Forces", "Hamas's
    7 October 2023 attack, in which it killed about 1,200 people and took 251 hostages back to
    Gaza": a toll of the 7 October size whose noun names no side, in a sentence that names 7
    October or names Gaza's side nowhere. Leaves "1,203 Palestinians have been killed so far"
    (the noun names them), "1,300 people killed in the West Bank" (a place right after) and
    "the media office said 1,300 people were killed in Israeli strikes" (Gaza's side named)."""
    low, high = OCTOBER_TOLL
    if not low <= number.value <= high or np.nationality or np.foreign:
        return False
    if _PLACE_AFTER.match(sentence[number.end + np.end:]):
        return False
    clause = next(part for part, start in _clauses(sentence)
                  if number.start < start + len(part) or start + len(part) == len(sentence))
    named = [m for m in lexicon.oct7_re.finditer(sentence)
             if not _SINCE_BEFORE.search(sentence, 0, m.start())]  # ("in Gaza since October
    # 7": a time anchor, not the attack's toll)
    return bool(named or not lexicon.cue_res["palestinian"].search(clause))


# Israel's own toll stayed under these in every count of the war (about 1,200 killed on
# 7 October, under 2,000 in all; some 20,000 wounded): a larger toll is Gaza's (or Lebanon's),
# whatever cue lies nearest ("72,760 people have been injured since the outbreak of
# hostilities on 7 October").
ISRAELI_TOLL_MAX = {"killed": 3000, "injured": 25000}


def _make_row(metric, population, value, qualifier, low, high, bounded, sentence, offset,
              quote_start, quote_end, number_start, lexicon, group: str = "all",
              vague: bool = False) -> dict:
    if metric in EVENT_METRICS:
        scope = "event"
    elif (metric in ("killed", "injured") and population == "israeli"
          and lexicon.oct7_re.search(sentence)):
        scope = "event"
    else:
        scope = "cumulative"
    if qualifier == "lower_bound" and low is None:
        low = value
    if qualifier == "upper_bound" and high is None:
        high = value
    if not bounded and qualifier not in ("lower_bound", "upper_bound"):
        low = high = None
    quote = sentence[quote_start:quote_end].rstrip()
    quote_end = quote_start + len(quote)
    return {
        "metric": metric,
        "population": population,
        "value": int(value),
        "qualifier": qualifier,
        "low": None if low is None else int(low),
        "high": None if high is None else int(high),
        "scope": scope,
        "group": group,
        "vague": bool(vague),
        "attributed_to": _attribution(sentence, number_start, lexicon),
        "sentence": sentence.strip(),
        "quote": quote,
        "start_char": offset + quote_start,
        "end_char": offset + quote_end,
    }
