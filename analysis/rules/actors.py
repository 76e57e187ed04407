"""Who is who in the negotiations: the actor table, and finding actors in a spaCy `Doc`.

The table is data (``analysis/rules/data/actors.csv``): one row per person and office tenure, with
the canonical spelling, aliases and spelling variants, a surname, the office keys the person
held and when, role, organisation, country, side and whether the person negotiates or mediates.
Office phrases ("the Qatari prime minister", "head of Israel's Mossad") live in
``analysis/rules/data/offices.csv`` and resolve to a person by date:

>>> import datetime as dt
>>> table = load_actors()
>>> table.resolve_office("qatar_prime_minister", dt.date(2024, 1, 25))
'Mohammed bin Abdulrahman Al Thani'
>>> table.resolve_office("cia_director", dt.date(2025, 3, 1))
'John Ratcliffe'
>>> table.lookup("Abas Kamel"), table.lookup("Bill Burns")
('Abbas Kamel', 'William Burns')

:class:`ActorMatcher` finds names, aliases, surnames and office phrases in a Doc
(PhraseMatcher on lower-cased tokens), adds the model's PERSON entities the table does not know,
and merges a bare surname with the full name the article gave earlier.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is matched: the table alone needs none
    from spacy.tokens import Doc, Span

from analysis.paths import LEXICON_DIR
from analysis.rules.doc_text import doc_lowers
from analysis.rules.lexicon import word_lists
from analysis.rules.prefilter import finditer

DATA_DIR = LEXICON_DIR

# Words dropped before comparing names by their consonant skeleton.
TITLE_WORDS = {
    "sheikh", "shaikh", "sheik", "emir", "gen", "gen.", "general", "maj", "maj.", "major",
    "dr", "dr.", "mr", "mr.", "mrs", "ms", "president", "director", "prime", "minister", "the",
    "lt", "lt.", "col", "col.", "colonel", "adm", "adm.", "brig", "brig.", "ambassador", "envoy",
    "king", "prince", "secretary", "chief", "head",
}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "ben", "de", "la", "van", "von"}
APOSTROPHES = ("'", "\u2019")


def _fold(text: str) -> str:
    """ASCII-fold and lower-case: 'Erdoğan' -> 'erdogan'."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(name: str) -> str:
    """A spelling-tolerant key for a person's name: titles and particles dropped, each word
    reduced to its first letter plus its consonants, doubled letters collapsed.

    >>> name_key("Abas Kamel") == name_key("Abbas Kamel")
    True
    >>> a, b = "Sheikh Mohamed bin Abdulrahman al-Thani", "Mohammed Abdulrahman Al Thani"
    >>> name_key(a) == name_key(b)
    True
    """
    words = re.split(r"[\s\-]+", _fold(name).replace("\u2019", "'"))
    out = []
    for word in words:
        word = re.sub(r"'s$", "", word)
        if not word or word in TITLE_WORDS or word in PARTICLES:
            continue
        letters = re.sub(r"[^a-z]", "", word)
        if not letters:
            continue
        skeleton = letters[0] + re.sub(r"[aeiouyhw]", "", letters[1:])
        skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
        out.append(skeleton)
    return " ".join(out)


def _variants(alias: str) -> set[str]:
    """Spelling variants of an alias that tokenise differently: hyphens, 'al-', apostrophes."""
    forms = {alias}
    forms.add(alias.replace("-", " "))
    forms.add(re.sub(r"\b([Aa]l|[Ee]l) ", r"\1-", alias))
    forms.add(re.sub(r"\b([Aa]l|[Ee]l)-", r"\1 ", alias))
    forms |= {f.title() for f in list(forms)}  # "U.S." tokenises differently from "u.s."
    forms |= {f.replace("'", "\u2019") for f in list(forms)}
    return {re.sub(r"\s+", " ", f).strip() for f in forms if f.strip()}


def _date(value: str) -> dt.date | None:
    value = (value or "").strip()
    return dt.date.fromisoformat(value) if value else None


@dataclass
class Actor:
    """One person of the table (all office tenures merged)."""

    canonical: str
    aliases: list[str] = field(default_factory=list)
    surname: str = ""
    tenures: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)
    role: str = ""
    organisation: str = ""
    country: str = ""
    side: str = ""
    negotiator: bool = False


class ActorTable:
    """The loaded actor and office tables with look-ups by alias, surname, office and date."""

    def __init__(self, actors: dict[str, Actor], office_phrases: dict[str, list[str]],
                 org_heads: list[tuple[str, str, str]]):
        self.actors = actors
        self.office_phrases = office_phrases
        self.org_heads = org_heads
        self._alias = {}
        self._key = {}
        self._surname: dict[str, list[str]] = {}
        for actor in actors.values():
            for alias in [actor.canonical, *actor.aliases]:
                for form in _variants(alias):
                    self._alias.setdefault(_fold(form), actor.canonical)
                key = name_key(alias)
                if key and len(key.split()) >= 2:
                    self._key.setdefault(key, actor.canonical)
            if actor.surname:
                self._surname.setdefault(_fold(actor.surname), []).append(actor.canonical)

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, name: str) -> str | None:
        """The canonical name for a spelling of a known person, else None."""
        name = re.sub(r"['\u2019]s$", "", name.strip())
        hit = self._alias.get(_fold(name))
        if hit:
            return hit
        key = name_key(name)
        return self._key.get(key) if key and len(key.split()) >= 2 else None

    def by_surname(self, surname: str) -> list[str]:
        return list(self._surname.get(_fold(surname), []))

    def holders(self, office: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
        return [(a.canonical, start, end) for a in self.actors.values()
                for (key, start, end) in a.tenures if key == office]

    def resolve_office(self, office: str, date: dt.date | None = None,
                       named: set[str] | frozenset = frozenset()) -> str | None:
        """Who held `office` on `date`; without a date (or if the table is unsure), the
        holder the article names elsewhere, else the only holder the table knows."""
        holders = self.holders(office)
        if date is not None:
            # never someone outside their tenure: a 2025 envoy is nobody's envoy in 2024
            holders = [(name, start, end) for name, start, end in holders
                       if (start is None or start <= date) and (end is None or date <= end)]
            if len(holders) == 1:
                return holders[0][0]
        names = sorted({h[0] for h in holders})
        in_text = [n for n in names if n in named]
        if len(in_text) == 1:
            return in_text[0]
        if len(names) == 1:
            return names[0]
        return self._era_holder(holders, named) if date is None else None

    def _era_holder(self, holders, named) -> str | None:
        """Without a date: the holder whose tenure overlaps the tenures of the most people the
        article names, when one holder has strictly the most ('the CIA director' in an undated
        article that names Blinken and Sullivan is Burns; with Rubio and Witkoff, Ratcliffe).
        People whose tenures overlap every holder's (or who hold no dated office) decide
        nothing; a tie leaves the office unresolved."""
        lo, hi = dt.date.min, dt.date.max
        support: dict[str, int] = {}
        for name, start, end in holders:
            support.setdefault(name, 0)
            for person in named:
                actor = self.actors.get(person)
                if actor is None or person == name:
                    continue
                if any((s or lo) <= (end or hi) and (start or lo) <= (e or hi)
                       for _, s, e in actor.tenures if s or e):
                    support[name] += 1
        ranked = sorted(support.items(), key=lambda kv: -kv[1])
        if len(ranked) >= 2 and ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        return None

    def is_negotiator(self, name: str) -> bool:
        actor = self.actors.get(name)
        return bool(actor and actor.negotiator)

    def side(self, name: str) -> str:
        actor = self.actors.get(name)
        return actor.side if actor else ""


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


@lru_cache(maxsize=2)
def load_actors(data_dir: str | Path = DATA_DIR) -> ActorTable:
    """Read actors.csv, offices.csv and org_heads.csv from `data_dir`."""
    data_dir = Path(data_dir)
    actors: dict[str, Actor] = {}
    with open(data_dir / "actors.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["canonical"].strip()
            actor = actors.setdefault(name, Actor(canonical=name))
            actor.aliases += [a for a in _split(row.get("aliases", "")) if a not in actor.aliases]
            actor.surname = actor.surname or row.get("surname", "").strip()
            for office in _split(row.get("offices", "")):
                actor.tenures.append((office, _date(row.get("office_from", "")),
                                      _date(row.get("office_to", ""))))
            for attr in ("role", "organisation", "country", "side"):
                setattr(actor, attr, getattr(actor, attr) or row.get(attr, "").strip())
            actor.negotiator = actor.negotiator or row.get("negotiator", "").strip() == "yes"
    offices: dict[str, list[str]] = {}
    with open(data_dir / "offices.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            offices.setdefault(row["office"].strip(), []).extend(_split(row["phrases"]))
    with open(data_dir / "org_heads.csv", encoding="utf-8", newline="") as handle:
        org_heads = [(r["word"].strip().lower(), r["office"].strip(), r["context"].strip())
                     for r in csv.DictReader(handle)]
    return ActorTable(actors, offices, org_heads)


# --- finding actors in a Doc ---------------------------------------------------------------

# "The heads of the US Central Intelligence Agency (CIA) and Israel's Mossad met ..."; a
# comma goes on to the next item when a capitalised one follows ("the heads of the National
# Security Council, the Mossad, the Shin Bet, and the IDF chief of staff"; "heads of the Israeli
# Security Agency and the Israeli intelligence service, Mossad, arrived")
HEADS_OF = re.compile(r"\b(?:heads|chiefs|directors|bosses)\s+of\s+(?P<list>[^.;:]{3,120}?)"
                      r"(?=\s+(?:met|meet|meets|will|were|are|have|had|held|hold|to|was|"
                      r"arrived|traveled|travelled|flew|said|discussed|in)\b"
                      r"|,(?!\s+(?:and\s+)?(?:the\s+)?(?-i:[A-Z]))|[.;]|$)",
                      re.IGNORECASE)
# "... the U.S. and Israeli spy chiefs met ..."
SPY_CHIEFS = re.compile(r"(?P<list>(?:[A-Z][\w.'\u2019]*\s*(?:,|and)\s*)+[A-Z][\w.'\u2019]*)\s+"
                        r"(?:spy|intelligence)\s+(?:chiefs|heads|bosses)\b")
# "Qatar's Emir and prime minister": the second title shares the possessive
SHARED_POSSESSOR = re.compile(r"\b(?P<country>[A-Z][a-z]+)['\u2019]s\s+[A-Za-z-]+(?:\s+[a-z-]+)?"
                              r"\s+and\s+(?P<second>[a-z-]+(?:\s+[a-z-]+){0,2})")
# "... the CIA and Mossad chiefs met ...", "the Mossad and Shin Bet heads"
ORG_CHIEFS = re.compile(r"(?P<list>(?:[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*)?\s*(?:,|and)\s*)+"
                        r"[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*)?)\s+"
                        r"(?:chiefs|heads|directors|bosses)\b")


@lru_cache(maxsize=1)
def name_lexicon() -> dict[str, set[str]]:
    """The word lists of meeting_lexicon.csv that say what is a name: ``person_cue`` (roles
    that introduce a name) and ``not_name`` (words no person's name holds)."""
    lists = word_lists("meeting_lexicon.csv")
    return {kind: set(lists[kind]) for kind in ("person_cue", "not_name")}


def looks_like_name(words: list[str]) -> bool:
    """Whether capitalised words look like a person's name: two to five words, each
    capitalised (particles al, bin, el ... aside), none a place, an organisation, a nationality
    or a headline word. 'Taher al-Nunu', 'Fahd Suleiman' pass; 'Discuss Truce', 'Hamas
    Delegation', 'Qatari Prime', 'White House', 'IDF' do not; nor a name cut after a
    particle ('Abdel Fattah Al' of 'Abdel Fattah Al-Sissi')."""
    words = [w for w in words if w not in APOSTROPHES and w.lower() not in ("'s", "\u2019s")]
    parts = [p for w in words for p in re.split(r"[-\u2010]", w) if p]
    if not 2 <= len(words) <= 5 or not parts or _fold(parts[-1]) in PARTICLES:
        return False
    lexicon = name_lexicon()
    for part in parts:
        low = _fold(part)
        if low in PARTICLES:
            continue
        if not part[:1].isupper() or (part.isupper() and len(part) > 1) or \
                low in lexicon["not_name"] or low in _place_words():
            return False
    return True


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Lower-case words of the gazetteer's place names and aliases (Doha, Cairo, Qatar ...)."""
    with open(DATA_DIR / "places.csv", encoding="utf-8", newline="") as handle:
        names = [[r["name"], *r.get("aliases", "").split(";")] for r in csv.DictReader(handle)]
    return frozenset(_fold(w) for group in names for name in group for w in name.split()
                     if len(w) > 2)


def _cued_names(doc: Doc) -> list[Span]:
    """Without the model: capitalised names a role word introduces ("Hamas official Taher
    al-Nunu", "spokesman Jamal Nazzal", "led by Khalil Al Hayah, Zaher Jabareen and Moussa
    Marzouq": the names listed after it too). "Mr. Hamdan" is left to the surname rules."""
    cues = name_lexicon()["person_cue"]
    out = []
    for i, word in enumerate(doc_lowers(doc)):
        if word.rstrip(".") not in cues:
            continue
        start = _appositive_start(doc, i + 1)
        while start < len(doc):
            end = _name_end(doc, start)
            if end - start < 2:
                break
            out.append(doc[start:end])
            if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and":
                end += 1
            if end >= len(doc) or doc[end].lower_ not in (",", "and"):
                break
            start = end + 1
    return out


def _appositive_start(doc: Doc, start: int) -> int:
    """Where the name of a role starts: right after it ("spokesman Jamal Nazzal"), or after
    the comma that ends the role's 'of' phrase ("the Secretary-General of the Democratic
    Front for the Liberation of Palestine, Fahd Suleiman,"): up to twelve words, then a
    name closed by a comma or the sentence's end."""
    if start >= len(doc) or doc[start].lower_ != "of":
        return start
    for i in range(start + 1, min(len(doc), start + 13)):
        if doc[i].text in (";", ":", "(") or doc[i].is_sent_start:
            return start
        if doc[i].text == ",":
            end = _name_end(doc, i + 1)
            closed = end >= len(doc) or doc[end].text in (",", ".")
            return i + 1 if end - (i + 1) >= 2 and closed else start
    return start


def _name_end(doc: Doc, start: int) -> int:
    """The end of the run of capitalised name words (particles and hyphens inside) from
    `start`, at most four tokens."""
    end = start
    while end < len(doc) and end - start < 4 and (
            doc[end].text[:1].isupper() or doc[end].lower_ in PARTICLES
            or doc[end].text in ("-", "\u2010")) and not doc[end].is_sent_start:
        end += 1
    while end > start and not doc[end - 1].text[:1].isupper():
        end -= 1
    return end


def _first_name_of_another(doc: Doc, end: int) -> bool:
    """A bare surname followed by another capitalised name word ("Hirsch Goldberg-Polin",
    "Bar Cohen") is part of someone else's name. Leaves title-case headlines ("Burns Meets
    Qatari PM") and a name followed by a capitalised sentence start."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if not (nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start):
        return False
    line_start = end
    while line_start > 0 and "\n" not in doc[line_start - 1].text:
        line_start -= 1
    words = [t for t in doc[line_start:min(len(doc), end + 12)] if t.is_alpha]
    capitalised = sum(t.text[:1].isupper() for t in words)
    return capitalised < 0.6 * len(words)


def _another_first_name(doc: Doc, start: int, known: set[str]) -> bool:
    """A bare surname right after a capitalised word that makes a person's name with it and
    is none of the known person's own name words ("Mustafa Darwish" is not Mohammed Darwish,
    "Yossi Cohen" is not Eli Cohen): someone else of that surname. Leaves a title or a
    nationality before it ("Minister Dermer", "Egyptian intelligence chief Rashad": words
    `looks_like_name` refuses), a sentence start or a common word before it ("While Netanyahu
    has met Trump"), and the known person's first names ("Muhammad Darwish")."""
    if start == 0 or doc[start].is_sent_start:
        return False
    before = doc[start - 1]
    if not (before.is_alpha and before.text[:1].isupper() and before.text[1:2].islower()) \
            or before.is_sent_start or before.is_stop or _fold(before.text) in TITLE_WORDS:
        return False
    skeleton = _skeleton(before.text)
    if any(skeleton.startswith(k) or k.startswith(skeleton) for k in known):
        return False  # a spelling of one of their names ("Mohamed", "Zahir", "Williams")
    return looks_like_name([before.text, doc[start].text])


VOWELS = re.compile(r"[aeiouy]")
DOUBLED = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    """A name word's consonants, doubled letters once: 'Mohamed', 'Muhammad', 'Mohammad' ->
    'mhmd'; 'Zaher', 'Zahir' -> 'zhr' (spellings of one name agree)."""
    folded = _fold(word)
    return DOUBLED.sub(r"\1", folded[:1] + VOWELS.sub("", folded[1:]))


class ActorMatcher:
    """Find actor mentions in a Doc.

    Returns dicts with ``start``/``end`` (tokens), ``start_char``/``end_char``, ``text``,
    ``kind`` (name | office | person) and ``name`` (a canonical name, an office key for
    kind=office, or the cleaned text of an unknown person).
    """

    def __init__(self, vocab, table: ActorTable | None = None, make_doc=None):
        from spacy.matcher import PhraseMatcher

        self.table = table or load_actors()
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        make = make_doc
        self._short = {}  # match label -> canonical names for short (single-word) forms
        self._words_of_short: dict[str, set[str]] = {}  # label -> their name words
        names, offices, shorts = {}, {}, {}
        for actor in self.table.actors.values():
            for alias in [actor.canonical, *actor.aliases]:
                for form in _variants(alias):
                    if len(form.split()) >= 2 and not form.lower().startswith("sheikh mohammed"):
                        names.setdefault(actor.canonical, set()).add(form)
                    else:
                        shorts.setdefault(form, set()).add(actor.canonical)
            if actor.surname:
                for form in _variants(actor.surname):
                    shorts.setdefault(form, set()).add("~" + actor.surname)
        for office, phrases in self.table.office_phrases.items():
            for phrase in phrases:
                offices.setdefault(office, set()).update(_variants(phrase))
        for canonical, forms in names.items():
            self.matcher.add("N|" + canonical, [make(f) for f in sorted(forms)])
        for office, forms in offices.items():
            self.matcher.add("O|" + office, [make(f) for f in sorted(forms)])
        for form, targets in shorts.items():
            label = "S|" + form
            self._short[label] = targets
            self.matcher.add(label, [make(form)])
        self._office_of_phrase = {p.lower(): office for office, forms in
                                  self.table.office_phrases.items() for p in forms}

    def __call__(self, doc: Doc, text: str | None = None) -> list[dict]:
        """Mentions in `doc`; `text` is doc.text when the caller has it already (Doc.text
        joins every token each time it is read)."""
        vocab_strings = doc.vocab.strings
        raw = []
        for match_id, start, end in self.matcher(doc):
            label = vocab_strings[match_id]
            kind, _, value = label.partition("|")
            if kind == "S" and not doc[end - 1].text[:1].isupper():
                continue  # surnames and short aliases only when capitalised ("Burns", not "burns")
            if kind == "S" and _first_name_of_another(doc, end):
                continue  # "Hirsch Goldberg-Polin" is not Gal Hirsch
            if kind == "S" and _another_first_name(doc, start, self._name_words(label)):
                continue  # "Mustafa Darwish" is not Mohammed Darwish
            raw.append((start, end, kind, value, label))
        raw += self._coordinated_offices(doc, text)
        raw += self._shared_possessor(doc, text)
        # longest first; names beat offices beat short forms at equal length
        priority = {"N": 0, "O": 1, "S": 2, "H": 3}
        raw.sort(key=lambda m: (-(m[1] - m[0]), priority[m[2]], m[0]))
        taken = set()
        kept = []
        for start, end, kind, value, label in raw:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            kept.append((start, end, kind, value, label))
        kept.sort()
        full_names = {value for _, _, kind, value, _ in kept if kind == "N"}
        # a long short-form alias ("Sheikh Mohammed bin Abdulrahman Al-Thani") names one
        # person too, so a later bare "Al-Thani" is that person
        full_names |= {next(iter(self._short[label])) for _, end, kind, _, label in kept
                       if kind == "S" and len(self._short[label]) == 1
                       and not next(iter(self._short[label])).startswith("~")
                       and len(label.split()) >= 3}
        persons = self._unknown_persons(doc, taken)
        mentions = []
        for start, end, kind, value, label in kept:
            span = doc[start:end]
            if kind == "N":
                mentions.append(self._mention(span, "name", value))
            elif kind in ("O", "H"):
                if not _elect_after(doc, end) and not _second_before(doc, start):
                    mentions.append(self._mention(span, "office", value))
            else:
                name = self._resolve_short(self._short[label], full_names, persons, span.text)
                if name:
                    mentions.append(self._mention(span, "name", name))
        for span, name, kind in persons["spans"]:
            mentions.append(self._mention(span, kind, name))
        mentions.sort(key=lambda m: m["start"])
        return self._drop_bound_offices(doc, mentions)

    # -- helpers --

    def _name_words(self, label: str) -> set[str]:
        """The skeletons (`_skeleton`) of the words of every spelling of the people a short form
        may name (their first names: 'mhmd' for Darwish), read once per form."""
        words = self._words_of_short.get(label)
        if words is None:
            people = set()
            for target in self._short[label]:
                people.update(self.table.by_surname(target[1:]) if target.startswith("~")
                              else [target])
            words = {_skeleton(w) for name in people for alias in [
                name, *self.table.actors[name].aliases] for w in alias.split()}
            self._words_of_short[label] = words
        return words

    @staticmethod
    def _mention(span: Span, kind: str, name: str) -> dict:
        return {"start": span.start, "end": span.end, "start_char": span.start_char,
                "end_char": span.end_char, "text": span.text, "kind": kind, "name": name}

    def _coordinated_offices(self, doc: Doc, text: str | None = None) -> list[tuple]:
        """Office mentions from 'the heads of the CIA and Mossad', 'U.S. and Israeli spy chiefs',
        'the CIA and Mossad chiefs'."""
        out = []
        text = doc.text if text is None else text
        for pattern, context in ((HEADS_OF, "org"), (SPY_CHIEFS, "spy"), (ORG_CHIEFS, "org")):
            for match in finditer(pattern, text):  # (pattern.finditer(text))
                listing = match.group("list").lower().replace("\u2019", "'")
                seen = set()
                spy = re.match(r"(.*?\bintelligence)\b", listing) if context == "org" else None
                # ("the heads of Egyptian and Turkish intelligence": the countries' spy chiefs)
                for word, office, ctx in self.table.org_heads:
                    if office in seen or not (ctx == context or (spy and ctx == "spy")):
                        continue
                    part = listing if ctx == context else spy.group(1)
                    hit = re.search(r"(?<![\w.])" + re.escape(word) + r"(?![\w])", part)
                    if hit:
                        seen.add(office)
                        begin = match.start("list") + hit.start()
                        span = doc.char_span(begin, begin + len(word), alignment_mode="expand")
                        if span is not None:
                            out.append((span.start, span.end, "H", office, "H|" + office))
        return out

    def _shared_possessor(self, doc: Doc, text: str | None = None) -> list[tuple]:
        """The second of two titles sharing a country's possessive: 'Qatar's Emir and prime
        minister' names the Qatari prime minister too ("qatar's prime minister" is an office
        phrase). Leaves 'Qatar's emir and the Hamas delegation'."""
        out = []
        text = doc.text if text is None else text
        phrases = self._office_of_phrase
        for match in finditer(SHARED_POSSESSOR, text):
            second = match.group("second").lower()
            for cut in range(len(second.split()), 0, -1):
                words = " ".join(second.split()[:cut])
                office = phrases.get(f"{match.group('country').lower()}'s {words}")
                if office:
                    begin = match.start("second")
                    span = doc.char_span(begin, begin + len(words), alignment_mode="expand")
                    if span is not None:
                        out.append((span.start, span.end, "H", office, "H|" + office))
                    break
        return out

    def _unknown_persons(self, doc: Doc, taken: set[int]) -> dict:
        """PERSON entities the table does not know (or knows under another spelling), and
        without the model names a role introduces ("Hamas official Taher al-Nunu"); only
        spans that look like a person's name (:func:`looks_like_name`)."""
        spans, full = [], {}
        candidates = [e for e in doc.ents if e.label_ == "PERSON"] or _cued_names(doc)
        for ent in candidates:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            tokens = [t for t in ent
                      if t.text not in APOSTROPHES and t.lower_ not in ("'s", "\u2019s")]
            while tokens and (tokens[0].lower_.rstrip(".") in TITLE_WORDS):
                tokens = tokens[1:]
            words = [t for t in tokens if t.is_alpha]
            if not words or (len(words) >= 2 and not looks_like_name([t.text for t in tokens])):
                continue
            span = doc[tokens[0].i:tokens[-1].i + 1]
            text = span.text
            known = self.table.lookup(text)
            if known:
                spans.append((span, known, "name"))
            elif len(words) >= 2 and all(w.text[:1].isupper() for w in words
                                         if w.lower_ not in PARTICLES):
                spans.append((span, text, "person"))
                full.setdefault(_fold(words[-1].text), text)
            elif len(words) == 1 and _fold(words[0].text) in full:
                spans.append((span, full[_fold(words[0].text)], "person"))
        return {"spans": spans, "surnames": full}

    def _resolve_short(self, targets: set[str], full_names: set[str], persons: dict,
                       text: str) -> str | None:
        canon = set()
        for target in targets:
            if target.startswith("~"):
                canon.update(self.table.by_surname(target[1:]))
            else:
                canon.add(target)
        named = sorted(canon & full_names)
        if len(named) == 1:
            return named[0]
        surname = _fold(text.split()[-1])
        if surname in persons["surnames"] and not named:
            return None  # an unknown person of that surname was named: not ours
        if len(canon) == 1:
            return next(iter(canon))
        return None

    def _may_hold(self, mention: dict, office: str) -> bool:
        """Could this person be the holder of `office`? Unknown people could; a known person
        only if the table gives them that office ('Burns, Qatar's prime minister and ...' is a
        list, not an apposition)."""
        if mention["kind"] != "name":
            return True
        actor = self.table.actors.get(mention["name"])
        if actor is None or not actor.tenures:
            return True
        return any(key == office for key, _, _ in actor.tenures)

    def _drop_bound_offices(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """An office written next to a name ("CIA Director William Burns", "David Barnea, head
        of Mossad") only describes that person: drop the office mention."""
        out = []
        for mention in mentions:
            if mention["kind"] == "office":
                # a title right before a name is that person's ("the main Hamas negotiator
                # Ismail Haniyeh"), whatever the table says they held
                neighbours = [m for m in mentions if m["kind"] != "office"
                              and (self._may_hold(m, mention["name"])
                                   or m["start"] == mention["end"])]
                bound = False
                for other in neighbours:
                    if 0 <= other["start"] - mention["end"] <= 2:
                        gap = doc[mention["end"]:other["start"]]
                        bound = all(t.text in {",", "the", "The", "-", "\u2013"} for t in gap)
                    elif 0 <= mention["start"] - other["end"] <= 1:
                        gap = doc[other["end"]:mention["start"]]
                        bound = all(t.text == "," for t in gap)
                    elif 0 <= mention["start"] - other["end"] <= 7:
                        bound = _possessive_apposition(doc[other["end"]:mention["start"]])
                    if bound:
                        break
                bound = bound or any(
                    m["kind"] == "office" and 0 <= m["start"] - mention["end"] <= 1
                    and (self.table.lookup(doc[mention["end"]:m["start"] + 1].text)
                         or self.table.by_surname(doc[m["start"]].text))
                    for m in mentions)  # "US President Joe Biden's Middle East adviser":
                # the title of the possessor named inside the next office phrase
                if bound:
                    continue
            out.append(mention)
        return out


def _possessive_apposition(gap) -> bool:
    """The words between a name and an office that make the office an apposition of the name:
    a comma, then a possessor ('Adam Boehler, President-elect Donald Trump's special envoy for
    hostage affairs', 'Witkoff, Trump's Middle East envoy'): capitalised words (and '-elect')
    ending in 's. Leaves 'Burns, Barnea and Egypt's intelligence chief' (a list)."""
    words = [t.text for t in gap]
    if len(words) < 3 or words[0] != "," or words[-1] not in ("'s", "\u2019s"):
        return False
    return all(w[:1].isupper() or w.lower() in ("-", "elect", "-elect") for w in words[1:-1])


def _elect_after(doc: Doc, end: int) -> bool:
    """'U.S. President-elect Donald Trump': an office followed by '-elect' is not yet held (the
    sitting president of the day is someone else). Leaves 'President Trump'."""
    words = [t.lower_ for t in doc[end:end + 2]]
    return words[:1] in (["elect"], ["-elect"]) or words == ["-", "elect"]


SECOND_IN_LINE = {"deputy", "vice", "former", "ex", "ex-", "assistant"}


def _second_before(doc: Doc, start: int) -> bool:
    """'the deputy head of the Shin Bet', 'Shin Bet deputy head', 'a former CIA director': an
    office after 'deputy', 'vice', 'former' ... is not held by its holder of the day (Ronen Bar
    is not his deputy). Leaves 'the head of the Shin Bet', 'Qatari Prime Minister'."""
    words = [t.lower_ for t in doc[max(0, start - 2):start]]
    return bool(words) and (words[-1] in SECOND_IN_LINE or words[-2:] == ["ex", "-"])


def merge_by_surname(names: list[str], table: ActorTable | None = None) -> list[str]:
    """Merge a bare surname (or a short form) into the one fuller name that ends with it.

    >>> merge_by_surname(["Jane Doe", "Doe", "William Burns"])
    ['Jane Doe', 'William Burns']
    """
    table = table or load_actors()
    out: list[str] = []
    for name in names:
        canonical = table.lookup(name) or name
        if canonical not in out:
            out.append(canonical)
    merged = []
    for name in out:
        words = name.split()
        if len(words) == 1:
            fuller = [n for n in out if n != name and _fold(n.split()[-1]) == _fold(name)]
            if len(fuller) == 1:
                continue
        merged.append(name)
    return merged
