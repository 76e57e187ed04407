"""Make a synthetic corpus of N articles from the bundled ones, with nothing duplicated.

Each article is a bundled article with its numbers scaled a little, its date header moved and
some names swapped for their spelling variants, all from a seeded random generator, so the
same N always gives the same corpus.

    python bench/synthetic.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "corpus"
NAME_VARIANTS = [
    ("William Burns", "Bill Burns"),
    ("David Barnea", "Dedi Barnea"),
    ("Abbas Kamel", "Abas Kamel"),
    ("Benjamin Netanyahu", "Bibi Netanyahu"),
]
REPORTERS = ["Maya Levi", "Omar Haddad", "Sara Cohen", "Yousef Nasser", "Lena Park",
             "Tom Becker", "Nadia Saleh", "Ari Friedman", "Huda Mansour", "Jonas Berg"]
BUREAUS = ["Jerusalem", "Cairo", "Doha", "Amman", "Beirut", "Paris", "Washington", "Istanbul"]
NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,-])\d{2,5}(?![\d,.-])")
HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}")


def vary(text: str, rng: random.Random) -> str:
    """One variant of an article: numbers, header date and names changed."""
    def scale(match: re.Match) -> str:
        value = int(match.group().replace(",", ""))
        if 1900 <= value <= 2100:  # leave years alone
            return match.group()
        new = max(1, round(value * rng.uniform(0.8, 1.2)))
        return f"{new:,}" if "," in match.group() else str(new)

    header = HEADER.match(text)
    body = text[header.end():] if header else text
    body = NUMBER.sub(scale, body)
    for name, variant in NAME_VARIANTS:
        if rng.random() < 0.5:
            body = body.replace(name, variant)
    reporter, bureau = rng.choice(REPORTERS), rng.choice(BUREAUS)
    body = body.rstrip() + (f"\n\nReporting by {reporter} in {bureau}; "
                            f"editing by desk {rng.randrange(1, 10_000)}.\n")
    if header:
        date = dt.date(2023, 11, 1) + dt.timedelta(days=rng.randrange(0, 500))
        body = f" date {date.isoformat()}" + body
    return body


def make_corpus(n: int, out_dir: Path, seed: int = 7) -> Path:
    """Write `n` articles into `out_dir` (created); returns the folder."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(SOURCE.glob("*.txt"))]
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seen = set()
    for i in range(n):
        text = vary(sources[i % len(sources)], rng)
        while text in seen:
            text = vary(sources[i % len(sources)], rng)
        seen.add(text)
        (out_dir / f"synthetic_{i:06d}.txt").write_text(text, encoding="utf-8")
    return out_dir


if __name__ == "__main__":
    make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
