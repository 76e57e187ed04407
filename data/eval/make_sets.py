"""Build the `dev` and `test` evaluation sets from the annotators' batches (run once).

The annotators wrote their articles and gold into `incoming/<batch>/` (corpus/, documents.csv,
figures.csv, meetings.csv, notes.md), one batch per period, before any extractor ran on them.
This script gives every article a neutral id (a shuffled number, so the id says nothing of the
period), and splits them at random with a fixed seed: a third to `test`, drawn within each
(batch, dated) stratum so that both parts span the whole period and both kinds of article.

    python data/eval/make_sets.py                      # incoming/ -> dev/ and test/
    python data/eval/make_sets.py incoming2 dev2 301   # a later batch, all development
    python data/eval/make_sets.py incoming3 dev3 401 test2   # a later batch split: dev3, test2
    python data/eval/make_sets.py incoming5 val 601 test4 0.5   # half held out

`test` is never read while writing rules; `dev` is. The second form puts every article of a
later batch into one development set, numbered from 301 (the first run of the rules on it is
recorded before any rule is written from it). The third form splits a later batch like the
first, into a development set and a new held-out set; a fifth argument sets the held-out share
(a third unless given).

An article whose url is listed in `<incoming>/seen_urls.txt` (pages the rule writers read while
the batch was being annotated) is never drawn into the held-out part: it goes to development.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261130
TEST_SHARE = 1 / 3
TABLES = ("documents.csv", "figures.csv", "meetings.csv")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


SHORT_ID = re.compile(r"\b([a-z]\d\d)(?:_[a-z0-9-]+)?\b")


def _notes(batch: Path) -> tuple[dict[str, list[str]], list[str]]:
    """A batch's notes.md: lines about one article (by short id, `a07`) and the other lines."""
    by_article: dict[str, list[str]] = {}
    general: list[str] = []
    path = batch / "notes.md"
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        ids = SHORT_ID.findall(line)
        if len(set(ids)) == 1 and line.lstrip().startswith(("-", "*", ids[0])):
            by_article.setdefault(ids[0], []).append(line.strip().lstrip("-* "))
        elif line.strip() and not line.startswith("#"):
            general.append(line.rstrip())
    return by_article, general


def _own_lines(lines: list[str], test_ids: set[str], held_out: bool) -> list[str]:
    """The general notes a part may show: a line naming an article of the other part is left
    out, so that a development set's notes say nothing about a held-out article."""
    other = {old[:3] for old in test_ids}

    def names_other(line: str) -> bool:
        ids = set(SHORT_ID.findall(line))
        return bool(ids - other) if held_out else bool(ids & other)

    return [line for line in lines if not names_other(line)]


def _rename(text: str, new_ids: dict[str, str]) -> str:
    """Old ids (`a07` or `a07_outlet-slug`) in a note, replaced by the articles' new ids."""
    return SHORT_ID.sub(lambda m: new_ids.get(m.group(1), m.group(0)), text)


def _url_key(url: str) -> str:
    """A url compared without scheme, `www.`, query or trailing slash.

    >>> _url_key("https://www.example.com/a/b/?x=1")
    'example.com/a/b'
    """
    url = re.sub(r"^[a-z]+://(www\.)?", "", url.strip().lower())
    return url.split("?")[0].split("#")[0].rstrip("/")


def _seen(batch_root: Path) -> set[str]:
    """The urls of `seen_urls.txt` in the batch folder, as `_url_key`s (none if no file)."""
    path = batch_root / "seen_urls.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {_url_key(line) for line in lines if line.strip()}


def main(incoming: str = "incoming", only_part: str | None = None, first: int = 101,
         test_part: str | None = None, test_share: float = TEST_SHARE) -> None:
    batches = sorted(p for p in (HERE / incoming).iterdir() if p.is_dir())
    articles = []          # (batch, old_id, document row)
    gold: dict[str, dict[str, list[dict]]] = {"figures.csv": {}, "meetings.csv": {}}
    notes: dict[str, list[str]] = {}
    general: list[str] = []
    columns: dict[str, list[str]] = {}
    for batch in batches:
        for table in TABLES:
            with (batch / table).open(encoding="utf-8", newline="") as handle:
                columns[table] = csv.DictReader(handle).fieldnames
        for row in _rows(batch / "documents.csv"):
            articles.append((batch.name, row["doc_id"], row))
        for table in ("figures.csv", "meetings.csv"):
            for row in _rows(batch / table):
                gold[table].setdefault(row["doc_id"], []).append(row)
        by_article, rest = _notes(batch)
        notes.update(by_article)
        general += [f"(batch {batch.name}) {line}" if line.startswith("- ") else line
                    for line in rest]
    rng = random.Random(SEED)
    order = list(range(len(articles)))
    rng.shuffle(order)
    new_ids = {}
    for number, index in enumerate(order, start=first):
        batch, old_id, _ = articles[index]
        new_ids[old_id[:3]] = f"{number:03d}_{old_id.split('_', 1)[1]}"
    strata: dict[tuple, list[str]] = {}
    new_ids.update({old_id: new_ids[old_id[:3]] for _, old_id, _ in articles})
    for batch, old_id, row in articles:
        strata.setdefault((batch, row["dated_in_text"]), []).append(old_id)
    test_ids = set()
    for key in sorted(strata):
        members = sorted(strata[key])
        rng.shuffle(members)
        test_ids.update(members[: round(len(members) * test_share)])
    seen = _seen(HERE / incoming)
    test_ids -= {old for _, old, row in articles
                 if _url_key(row.get("source_url", "")) in seen}
    if only_part and not test_part:
        test_ids = set()
    dev_part, test_part = only_part or "dev", test_part or "test"
    for part in (dev_part,) if only_part and not test_ids else (dev_part, test_part):
        out = HERE / part
        shutil.rmtree(out, ignore_errors=True)
        (out / "corpus").mkdir(parents=True)
        chosen = sorted((new_ids[old], batch, old, row) for batch, old, row in articles
                        if (old in test_ids) == (part == test_part))
        documents, figures, meetings, lines = [], [], [], []
        for new_id, batch, old_id, row in chosen:
            shutil.copyfile(HERE / incoming / batch / "corpus" / f"{old_id}.txt",
                            out / "corpus" / f"{new_id}.txt")
            documents.append({**row, "doc_id": new_id})
            figures += [{**r, "doc_id": new_id} for r in gold["figures.csv"].get(old_id, [])]
            meetings += [{**r, "doc_id": new_id} for r in gold["meetings.csv"].get(old_id, [])]
            note = _rename(" ".join(notes.get(old_id[:3], [])), new_ids)
            lines.append(f"- `{new_id}` (batch {batch}): {note}")
        _write(out / "documents.csv", documents, columns["documents.csv"])
        _write(out / "figures.csv", figures, columns["figures.csv"])
        _write(out / "meetings.csv", meetings, columns["meetings.csv"])
        (out / "NOTES.md").write_text(
            f"# Annotators' notes for the `{part}` set\n\nHow each report date was established "
            "and the judgement calls, as the annotators wrote them (ids renamed).\n\n"
            + "\n".join(lines) + "\n\n## The annotators' other notes (all batches)\n\n"
            + _rename("\n".join(_own_lines(general, test_ids, part == test_part)), new_ids)
            + "\n", encoding="utf-8")
        print(f"{part}: {len(documents)} articles, {len(figures)} figures, "
              f"{len(meetings)} meetings")


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    main(*args[:2], *(int(a) for a in args[2:3]), *args[3:4], *(float(a) for a in args[4:5]))
