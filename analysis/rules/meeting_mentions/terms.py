"""Deal terms: what a deal puts on the table (truce days, phases, hostages, prisoners) as
``doc._.terms`` (TermsMixin, a part of MeetingFinder).
"""

from __future__ import annotations

import re


class TermsMixin:
    """Deal terms: truce days, phases, hostages, prisoners. (A part of MeetingFinder.)"""

    # -- terms --

    def _build_terms_regex(self):
        lex = self.terms_lex
        numbers = sorted(lex["number_words"], key=len, reverse=True)
        number = r"(?P<num>\d{1,4}|" + "|".join(re.escape(n) for n in numbers) + r")"
        units = r"(?P<unit>days?|weeks?|months?)"
        truce = "|".join(re.escape(w) for w in lex["truce_noun"])
        hostages = "|".join(re.escape(w) for w in lex["hostage_noun"])
        prisoners = "|".join(re.escape(w) for w in lex["prisoner_noun"])
        ordinals = "|".join(re.escape(w) for w in lex["ordinals"])
        return {
            "truce_days": [
                re.compile(number + r"[- ]" + units.replace("s?", "") +
                           r"(?:[- ]long)?\s+(?:(?:humanitarian|initial|first|second|"
                           r"temporary|military|new|possible|extended)\s+){0,2}(?:"
                           + truce + r")\b", re.I),
                re.compile(r"\b(?:" + truce + r")\b[^.;]{0,40}?\blast(?:s|ing)?\s+(?:for\s+)?"
                           r"(?:about\s+)?" + number + r"\s+" + units, re.I),
            ],
            "phases": [re.compile(number + r"[- ](?:phase|stage)d?\b", re.I),
                       re.compile(r"\b(?P<ord>" + ordinals + r")\s+(?:phase|stage)\b", re.I)],
            "hostages": [re.compile(r"\b(?:release|freeing|free|return)\s+(?:of\s+)?(?:the\s+)?"
                                    r"(?:remaining\s+)?(?P<num>all|\d{1,4}|" + "|".join(numbers) +
                                    r")\s+(?:[\w-]+\s+){0,3}?(?:" + hostages + r")\b", re.I)],
            "prisoners": [re.compile(r"\b(?:release|releasing|freeing|free|exchange\s+for|for)\s+"
                                     r"(?:of\s+)?(?:up\s+to\s+|about\s+|some\s+)?"
                                     r"(?P<num>\d{1,4}|" + "|".join(numbers) + r")\s+"
                                     r"(?:[\w-]+\s+){0,2}?(?:" + prisoners + r")\b", re.I)],
        }

    def _number(self, text: str) -> int | str | None:
        text = text.lower()
        if text == "all":
            return "all"
        if text.isdigit():
            return int(text)
        return self.terms_lex["number_words"].get(text)

    def _terms(self, doc, sent) -> list[dict]:
        text = sent.text
        lower = text.lower()
        if not self._deal_re.search(lower) or not self._term_hint.search(lower):
            return []
        proposal = bool(self._proposal_re.search(lower))
        out, used = [], []
        for kind, patterns in self._terms_re.items():
            if kind in ("hostages", "prisoners") and not proposal:
                continue  # "Israel released 150 detainees" is an event, not a term
            for pattern in patterns:
                for match in pattern.finditer(text):
                    if any(s < match.end() and match.start() < e for s, e, k in used if k == kind):
                        continue
                    value = None
                    groups = match.groupdict()
                    if kind == "phases" and groups.get("ord"):
                        value = self.terms_lex["ordinals"].get(groups["ord"].lower()) or None
                    elif groups.get("num"):
                        value = self._number(groups["num"])
                        if kind == "truce_days" and isinstance(value, int):
                            unit = groups["unit"].lower().rstrip("s")
                            value *= self.terms_lex["unit_days"].get(unit, 1)
                    if value in (None, 0):
                        continue
                    used.append((match.start(), match.end(), kind))
                    start = sent.start_char + match.start()
                    out.append({"kind": kind, "value": value, "quote": match.group(0),
                                "start_char": start, "end_char": start + len(match.group(0)),
                                "sentence_start": sent.start_char,
                                "ordinal": bool(groups.get("ord"))})
        return out
