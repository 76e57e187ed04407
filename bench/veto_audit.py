"""Do the figure vetoes earn their place? For each veto of
``analysis.rules.figures.vetoes._METRIC_VETOES``: how often it drops a number on its own
(no other veto would), and how many of those rows are in the gold (a right figure it
throws away) rather than not (a false alarm it prevents).

    python bench/veto_audit.py data/eval/dev14 data/eval/dev13       # one table for the sets
    python bench/veto_audit.py --list data/eval/dev14                # also each gold row dropped

Run it on development sets only (it reads their gold). A veto written from one sentence that
drops more gold rows than false alarms on news it was not written from is a candidate for
narrowing; one that never fires outside the set it was written from costs nothing but reading
time. Round 12's run is in docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import split_date_header  # noqa: E402
from analysis.nlp import build_pipeline  # noqa: E402
from analysis.rules.figures import sentence as sentence_module  # noqa: E402
from analysis.rules.figures.document import find_figures  # noqa: E402
from analysis.rules.figures.rows import _row_of  # noqa: E402
from analysis.rules.figures.vetoes import _METRIC_VETOES  # noqa: E402


def _key(row: dict) -> tuple[str, str, str, str]:
    return (row["metric"], row["population"], str(int(float(row["value"]))), row["qualifier"])


def _gold(set_dir: Path) -> dict[str, set]:
    gold = defaultdict(set)
    with (set_dir / "figures.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gold[row["doc_id"]].add(_key(row))
    return gold


def audit(set_dirs: list[Path]) -> tuple[dict, list]:
    """(per veto [alone, alone and gold, with others], the gold rows dropped by one veto)."""
    firings = {}   # (doc, sentence offset, number start) -> (vetoes, row key)
    current = {}

    def recording_veto(s, r) -> bool:
        fired = tuple(v.__name__ for v in _METRIC_VETOES if v(s, r))
        if fired:
            try:
                key = _key(_row_of(s, r))
            except Exception:   # a reading a veto stops before it can make a row
                key = None
            firings[(current["doc"], s.offset, r.number.start)] = (fired, key)
        return bool(fired)

    original = sentence_module._METRIC_VETOES
    sentence_module._METRIC_VETOES = (recording_veto,)
    tally = defaultdict(lambda: [0, 0, 0])
    dropped = []
    try:
        nlp = build_pipeline(rules_only=True)
        for set_dir in set_dirs:
            gold = _gold(set_dir)
            firings.clear()
            for path in sorted((set_dir / "corpus").glob("*.txt")):
                current["doc"] = path.stem
                text, _, _ = split_date_header(path.read_text(encoding="utf-8"))
                find_figures(nlp(text))
            for (doc, _, _), (fired, key) in sorted(firings.items()):
                right = key in gold[doc]
                for name in fired:
                    counts = tally[name]
                    if len(fired) == 1:
                        counts[0] += 1
                        counts[1] += right
                    else:
                        counts[2] += 1
                if right and len(fired) == 1:
                    dropped.append((set_dir.name, doc, fired[0], key))
    finally:
        sentence_module._METRIC_VETOES = original
    return tally, dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="evaluation set folders (dev only)")
    parser.add_argument("--list", action="store_true", help="list each gold row dropped")
    args = parser.parse_args(argv)
    tally, dropped = audit(args.sets)
    names = [v.__name__ for v in _METRIC_VETOES]
    print("| veto | drops alone | of them gold rows | drops with another veto |")
    print("|---|---|---|---|")
    for name in sorted(names, key=lambda n: (-tally[n][0], -tally[n][2], n)):
        alone, gold, shared = tally.get(name, [0, 0, 0])
        print(f"| `{name}` | {alone} | {gold} | {shared} |")
    if args.list:
        for set_name, doc, name, key in dropped:
            print(f"{set_name}\t{doc}\t{name}\t{key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
