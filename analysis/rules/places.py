"""Places the meeting rules know: their kind (city | country | region), aliases and what
contains them (``analysis/rules/data/places.csv``).

>>> gazetteer = load_gazetteer()
>>> gazetteer.contains("Europe", "Paris"), gazetteer.compatible("Qatar", "Doha")
(True, True)
>>> gazetteer.compatible("Cairo", "Jerusalem")
False
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from analysis.paths import LEXICON_DIR


class Gazetteer:
    """Places with their kind (city | country | region) and what contains them."""

    def __init__(self, rows: list[dict]):
        self.kind, self.parent, self.aliases = {}, {}, {}
        for row in rows:
            name = row["name"].strip()
            self.kind[name] = row["kind"].strip()
            self.parent[name] = row.get("parent", "").strip()
            for alias in [name] + [a.strip() for a in row.get("aliases", "").split(";")]:
                if alias:
                    self.aliases.setdefault(alias.lower(), name)
                    if "-" in alias:
                        self.aliases.setdefault(alias.lower().replace("-", " "), name)

    def canonical(self, place: str) -> str:
        return self.aliases.get((place or "").strip().lower(), (place or "").strip())

    def ancestors(self, place: str) -> list[str]:
        out, seen = [], set()
        place = self.parent.get(self.canonical(place), "")
        while place and place not in seen:
            seen.add(place)
            out.append(place)
            place = self.parent.get(place, "")
        return out

    def contains(self, outer: str, inner: str) -> bool:
        return self.canonical(outer) in self.ancestors(inner)

    def compatible(self, a: str, b: str) -> bool:
        """Empty, equal, or one inside the other."""
        a, b = self.canonical(a), self.canonical(b)
        return not a or not b or a == b or self.contains(a, b) or self.contains(b, a)

    def more_specific(self, a: str, b: str) -> str:
        """The smaller of two compatible places (a when they are not compatible)."""
        if not a:
            return b
        if not b or not self.compatible(a, b):
            return a
        return b if self.contains(a, b) else a


@lru_cache(maxsize=1)
def load_gazetteer(path: str | Path = LEXICON_DIR / "places.csv") -> Gazetteer:
    with open(path, encoding="utf-8", newline="") as handle:
        return Gazetteer(list(csv.DictReader(handle)))
