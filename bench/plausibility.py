"""Does a small learned plausibility filter over the figure rows generalise? (a measurement).

    python bench/plausibility.py                    # = make plausibility; markdown tables
    python bench/plausibility.py --out /tmp/p --weights /tmp/p/weights.csv

The question (round 8): the hand rules score figures F1 0.94-0.99 on the development sets and
0.81-0.92 on held-out sets at their first run. Would a logistic regression over the rows the
rules propose, trained on the development sets, remove more wrong rows than right ones on
articles it was not trained on? The answer so far is no (docs/plausibility.md): the filter is
measured here and NOT wired into the pipeline. This script re-runs the whole measurement on
the code as it stands, so that the answer can be checked again after the rules change.

1. Rows. For each development set (`realnews-40`, `dev`, `dev2` ... `dev7`; never `val` for
   training, never `test*`): the rows of the current code ("current rows", extracted with the
   project's cache), and the rows of the code as it stood when the set arrived, before any rule
   was written from it ("first-run rows", the commits of data/eval/README.md; each commit's
   tree is taken with `git archive` and run once, kept under --out). First-run rows are the
   only plentiful sample of what the rules get wrong on text they were not written from.
2. Labels: each scorable row (group all, not vague) right or wrong by the evaluation's own
   matching (`analysis.evaluate.match_figures` against the set's gold figures.csv).
3. Features (`features`): metric, population, qualifier, scope, magnitude, attribution, cue
   words of the sentence (said/told/according, would/will/proposed, deal/exchange, negation,
   quotes, headline line, 24-hour rates), how many numbers, the sentence's length and, for the
   "words" variant, three lower-case words either side of the quote (with their position) and
   the quote's own words.
4. Model: L2-regularised logistic regression, numpy, accelerated gradient descent with a fixed
   number of steps from zero weights (deterministic). The threshold is chosen by an inner
   leave-one-set-out over the training sets only, scored on their first-run rows: the one
   with the best pooled F1, none when no threshold raises it.
5. Measurements: (a) leave one development set out (train on the others, measure the held-out
   set's current rows and first-run rows, with and without the filter); (b) time-ordered:
   train on realnews-40 and dev..dev5, measure dev6 and dev7; (c) val's summary scores only
   (train on every development set).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # (one thread: the same sums every run)

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluate import (  # noqa: E402
    EvalSet,
    extract_set,
    match_figures,
    read_table,
    scorable_figures,
    score_figures,
)

EVAL = ROOT / "data" / "eval"
SETS = ["realnews-40", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7"]
OLDER = ["realnews-40", "dev", "dev2", "dev3", "dev4", "dev5"]
NEWEST = ["dev6", "dev7"]
# The code as it stood when each set arrived, before any rule was written from it (the first
# runs of data/eval/README.md; realnews-40 and dev: the commit before dev was added, whose
# realnews-40 scores equal realnews-40's recorded first run).
FIRST_RUN = {"realnews-40": "4875183", "dev": "4875183", "dev2": "d53b709",
             "dev3": "f1c3217", "dev4": "bde804b", "dev5": "b7304ea", "dev6": "44bcfca",
             "dev7": "44bcfca", "val": "98a0b88"}
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 20)]
LAMBDA = 1.0
STEPS = 600
WINDOW = 3

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_HEADLINE_END = re.compile(r"[.!?\"”’'»)]\s*$")
CUES = {
    "speech": r"\b(?:said|says|told|according|announced|stated|claimed)\b",
    "future": r"\b(?:would|will|could|might|may|shall|expected|set to|plans?|proposed?|"
              r"proposal|offer(?:ed)?|demand(?:s|ed)?)\b",
    "deal": r"\b(?:deal|agreement|ceasefire|cease-fire|truce|exchange|swap|phase|framework)\b",
    "past_event": r"\b(?:since|until|before|during|in the attack|on october 7|on oct\.? 7|"
                  r"7 october)\b",
    "negation": r"\b(?:not|no|never|nor|without)\b",
    "question": r"\?",
    "quotes": r"[\"“”]",
    "percent": r"%|\bper ?cent\b",
    "day": r"\b(?:past|last) (?:24|48|twenty-four) hours\b|\bper day\b|\ba day\b|\beach day\b",
}
CUE_RES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in CUES.items()}


# --------------------------------------------------------------------------- features

def magnitude(value) -> str:
    """The value's order of magnitude: '0' (0-9), '1' (10-99) ... '6' (a million and more)."""
    value = abs(int(float(value)))
    return str(min(int(math.log10(value)), 6)) if value >= 1 else "0"


def features(row: dict, words: bool = True) -> list[str]:
    """A figure row's features, from its own columns only (the same at run time and here).

    >>> row = {"metric": "hostages_held", "population": "israeli", "qualifier": "exact",
    ...        "scope": "cumulative", "value": 10, "attributed_to": "",
    ...        "sentence": "Witkoff said 10 living hostages will be released under the deal.",
    ...        "quote": "10 living hostages"}
    >>> [f for f in features(row) if f.startswith(("left", "right", "cue"))]
    ['left2=witkoff', 'left1=said', 'right1=will', 'right2=be', 'right3=released', \
'cue=speech', 'cue=future', 'cue=deal']
    """
    metric, population, value = row["metric"], row["population"], row["value"]
    sentence, quote = str(row["sentence"]), str(row["quote"])
    attributed = "yes" if str(row.get("attributed_to") or "").strip() else "no"
    found = [f"metric={metric}", f"population={population}", f"qualifier={row['qualifier']}",
             f"metric_population={metric}|{population}", f"scope={row['scope']}",
             f"magnitude={magnitude(value)}", f"metric_magnitude={metric}|{magnitude(value)}",
             f"attributed={attributed}"]
    if words:
        at = max(sentence.find(quote), 0)
        left = _WORD.findall(sentence[:at].lower())[-WINDOW:]
        right = _WORD.findall(sentence[at + len(quote):].lower())[:WINDOW]
        found += [f"left{len(left) - i}={w}" for i, w in enumerate(left)]
        found += [f"right{i + 1}={w}" for i, w in enumerate(right)]
        found += [f"quote_word={w}" for w in sorted(set(_WORD.findall(quote.lower())))]
    found += [f"cue={name}" for name, pattern in CUE_RES.items() if pattern.search(sentence)]
    if not _HEADLINE_END.search(sentence):
        found.append("cue=headline")
    found.append(f"numbers={min(len(re.findall(r'[0-9][0-9,.]*', sentence)), 4)}")
    found.append(f"length={min(len(sentence) // 100, 4)}")
    return found


def plausibility(row: dict, weights: dict[str, float], words: bool = True) -> float:
    """The probability that a row is right: the logistic of the bias plus its features'
    weights (a dict lookup and a sum; what the pipeline would run per row)."""
    z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features(row, words))
    return 1.0 / (1.0 + math.exp(-z))


# --------------------------------------------------------------------------- rows and labels

def labelled(gold_dir: Path, pred_dir: Path, words: bool) -> dict:
    """A set's scorable predicted rows, labelled right (1) or wrong (0) by the evaluation's
    own matching, with their features."""
    gold = scorable_figures(read_table(gold_dir / "figures.csv", "figures"))
    pred = scorable_figures(read_table(pred_dir / "figures.csv", "figures"))
    _, _, alarms = match_figures(gold, pred)
    y = np.ones(len(pred))
    y[alarms] = 0.0
    return {"gold": gold, "pred": pred, "y": y,
            "feats": [features(r, words) for r in pred.to_dict("records")]}


def current_rows(name: str, out: Path) -> Path:
    """The current code's tables of a set (the project's extraction cache)."""
    target = out / "current" / name
    extract_set(EvalSet(name, EVAL / name / "corpus", EVAL / name), target)
    return target


def first_run_rows(name: str, out: Path) -> Path:
    """The tables of the code as it stood when the set arrived (run once, then kept)."""
    commit = FIRST_RUN[name]
    target = out / "first" / commit / name
    if (target / "figures.csv").is_file():
        return target
    code = out / f"code_{commit}"
    if not (code / "analysis").is_dir():
        code.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    subprocess.run([sys.executable, "-m", "analysis", "extract", str(EVAL / name / "corpus"),
                    "--out", str(target), "--rules-only", "--quiet",
                    "--cache-dir", str(out / f"cache_{commit}")],
                   cwd=code, check=True, capture_output=True)
    return target


# --------------------------------------------------------------------------- the model

class Design:
    """The 0/1 design matrix held sparse (row and column of each 1; column 0 the bias):
    products by `np.bincount`, summed in a fixed order."""

    def __init__(self, feats: list[list[str]], vocab: list[str]):
        index = {f: i + 1 for i, f in enumerate(vocab)}
        rows, cols = [], []
        for r, found in enumerate(feats):
            active = [0] + sorted({index[f] for f in found if f in index})
            rows += [r] * len(active)
            cols += active
        self.rows, self.cols = np.array(rows), np.array(cols)
        self.shape = (len(feats), len(vocab) + 1)

    def times(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=w[self.cols], minlength=self.shape[0])

    def transposed_times(self, r: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=r[self.rows], minlength=self.shape[1])

    def norm_squared(self, steps: int = 50) -> float:
        """The largest eigenvalue of X'X by power iteration from ones (an upper estimate)."""
        v = np.ones(self.shape[1]) / math.sqrt(self.shape[1])
        value = 0.0
        for _ in range(steps):
            u = self.transposed_times(self.times(v))
            value = float(np.linalg.norm(u))
            v = u / value
        return value * 1.05


def train(data: list[dict], lam: float = LAMBDA, min_count: int = 2,
          steps: int = STEPS) -> dict[str, float]:
    """L2-regularised logistic regression (the bias not penalised) by Nesterov-accelerated
    gradient descent from zero, a fixed number of steps: the same weights on every run.
    Features seen in fewer than `min_count` rows are left out."""
    feats = [found for d in data for found in d["feats"]]
    y = np.concatenate([d["y"] for d in data])
    counts: dict[str, int] = {}
    for found in feats:
        for f in set(found):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    x = Design(feats, vocab)
    penalty = np.full(x.shape[1], lam)
    penalty[0] = 0.0
    step = 1.0 / (0.25 * x.norm_squared() + lam)
    w = np.zeros(x.shape[1])
    v, t = w.copy(), 1.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x.times(v)))
        w_next = v - step * (x.transposed_times(p - y) + penalty * v)
        t_next = (1.0 + math.sqrt(1.0 + 4.0 * t * t)) / 2.0
        v = w_next + (t - 1.0) / t_next * (w_next - w)
        w, t = w_next, t_next
    return {"bias": float(w[0]), **{f: float(w[i + 1]) for i, f in enumerate(vocab)}}


def probabilities(d: dict, weights: dict[str, float]) -> np.ndarray:
    z = [weights["bias"] + sum(weights.get(f, 0.0) for f in found) for found in d["feats"]]
    return 1.0 / (1.0 + np.exp(-np.array(z)))


def write_weights(weights: dict[str, float], threshold, path: Path) -> None:
    """feature,weight rows (rounded to 4 decimals, zeros left out), sorted; the threshold as
    the row `_threshold` (empty: no threshold raised F1)."""
    lines = ["feature,weight", f"_threshold,{'' if threshold is None else threshold}"]
    for f in sorted(weights):
        if round(weights[f], 4) != 0:
            lines.append(f"\"{f.replace(chr(34), chr(34) * 2)}\",{weights[f]:.4f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- measuring

def scored(d: dict, p: np.ndarray, threshold):
    """The evaluation's Score of a set's rows, those under `threshold` removed."""
    kept = d["pred"] if threshold is None else d["pred"][p >= threshold]
    return score_figures(d["gold"], kept)


def pooled(scores) -> tuple[float, float, float]:
    tp, fp, fn = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def choose_threshold(train_sets: list[str], rows: dict, variant: dict):
    """Inner leave-one-set-out over the training sets, scored on the inner held-out set's
    first-run rows: the threshold with the best pooled F1 (None when none raises it).

    A removed right row is one true positive less and one miss more, a removed wrong row one
    false alarm less (an article holds no two rows with the same scoring key, so removing one
    frees no other to match): the evaluation's score once per set, then counts."""
    totals = {t: [0, 0, 0] for t in [None] + THRESHOLDS}
    for held in train_sets:
        weights = train(training_rows([s for s in train_sets if s != held], rows, variant))
        d = rows["first"][held]
        p = probabilities(d, weights)
        base = scored(d, p, None)
        for t, total in totals.items():
            gone = p < t if t is not None else np.zeros(len(p), bool)
            right, wrong = int((gone & (d["y"] == 1)).sum()), int((gone & (d["y"] == 0)).sum())
            total[0] += base.tp - right
            total[1] += base.fp - wrong
            total[2] += base.fn + right
    f1 = {t: _f1(*total) for t, total in totals.items()}
    best = None
    for t in THRESHOLDS:
        if f1[t] > f1[best] + 1e-9:
            best = t
    return best


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def training_rows(sets: list[str], rows: dict, variant: dict) -> list[dict]:
    return [rows[kind][s] for kind in variant["train_on"] for s in sets]


def measure(held: str, d: dict, weights, threshold) -> dict:
    """One line of the table: a set's rows without and with the filter."""
    p = probabilities(d, weights)
    removed = p < threshold if threshold is not None else np.zeros(len(p), bool)
    return {"set": held, "threshold": threshold, "without": scored(d, p, None),
            "with": scored(d, p, threshold), "removed": int(removed.sum()),
            "removed_wrong": int((removed & (d["y"] == 0)).sum())}


VARIANTS = [
    {"name": "A", "what": "trained on current rows, all features", "train_on": ["current"],
     "words": True},
    {"name": "B", "what": "trained on first-run rows, all features", "train_on": ["first"],
     "words": True},
    {"name": "C", "what": "trained on first-run rows, no word window", "train_on": ["first"],
     "words": False},
]


def load_rows(folders: dict, words: bool) -> dict:
    """kind ("current", "first") -> set -> labelled rows."""
    return {kind: {name: labelled(EVAL / name, folder, words)
                   for name, folder in by_set.items()}
            for kind, by_set in folders.items()}


def _cells(line: dict) -> str:
    def prf(s):
        return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"
    return (f"{prf(line['without'])} | {prf(line['with'])} | "
            f"{line['removed']} ({line['removed_wrong']})")


def fold_lines(rows: dict, variant: dict, held_sets, train_sets) -> list[str]:
    """Table lines for the held-out sets of one training split (the threshold chosen on the
    training sets only)."""
    threshold = choose_threshold(train_sets, rows, variant)
    weights = train(training_rows(train_sets, rows, variant))
    lines = []
    for held in held_sets:
        current = measure(held, rows["current"][held], weights, threshold)
        first = measure(held, rows["first"][held], weights, threshold)
        lines.append((current, first))
    return lines


def table(title: str, lines) -> list[str]:
    out = [f"\n{title}\n",
           "| set | threshold | current rows: P / R / F1 without | with | removed (wrong) "
           "| first-run rows: P / R / F1 without | with | removed (wrong) |",
           "|---|---|---|---|---|---|---|---|"]
    for current, first in lines:
        out.append(f"| {current['set']} | {current['threshold']} | {_cells(current)} | "
                   f"{_cells(first)} |")
    if len(lines) > 1:
        pooled_cells = []
        for k in (0, 1):
            for side in ("without", "with"):
                p, r, f1 = pooled([ln[k][side] for ln in lines])
                pooled_cells.append(f"{p:.3f} / {r:.3f} / {f1:.3f}")
            pooled_cells.append(f"{sum(ln[k]['removed'] for ln in lines)} "
                                f"({sum(ln[k]['removed_wrong'] for ln in lines)})")
        out.append("| pooled | | " + " | ".join(pooled_cells) + " |")
    return out


def run_variant(variant: dict, folders: dict, val_folders: dict, out: Path) -> list[str]:
    rows = load_rows(folders, variant["words"])
    report = [f"\n### Variant {variant['name']}: {variant['what']}"]
    loso = []
    for held in SETS:
        loso += fold_lines(rows, variant, [held], [s for s in SETS if s != held])
    report += table("(a) leave one set out", loso)
    report += table("(b) time-ordered: trained on realnews-40, dev..dev5",
                    fold_lines(rows, variant, NEWEST, OLDER))
    val_rows = load_rows(val_folders, variant["words"])
    rows["current"]["val"], rows["first"]["val"] = (val_rows["current"]["val"],
                                                    val_rows["first"]["val"])
    report += table("(c) val (summary scores only): trained on every development set",
                    fold_lines(rows, variant, ["val"], SETS))
    weights = train(training_rows(SETS, rows, variant))
    write_weights(weights, choose_threshold(SETS, rows, variant),
                  out / f"weights_{variant['name']}.csv")
    return report


def scorer_speed(folders: dict, weights_path: Path) -> str:
    """Microseconds per row of the pure-Python scorer (features, dict lookup, sum)."""
    weights = {}
    for line in weights_path.read_text(encoding="utf-8").splitlines()[2:]:
        feature, _, weight = line.rpartition(",")
        weights[feature.strip('"').replace('""', '"')] = float(weight)
    records = [r for name in SETS
               for r in read_table(folders["current"][name] / "figures.csv",
                                   "figures").to_dict("records")]
    start = time.process_time()
    for _ in range(5):
        for r in records:
            plausibility(r, weights)
    micro = (time.process_time() - start) / (5 * len(records)) * 1e6
    return f"\nScorer: {micro:.0f} µs a row (pure Python, {len(records)} rows, CPU time)."


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "out" / "plausibility"),
                        help="folder for the extracted rows, the old code and the weights")
    args = parser.parse_args(argv)
    out = Path(args.out)
    started = time.time()
    folders = {"current": {s: current_rows(s, out) for s in SETS},
               "first": {s: first_run_rows(s, out) for s in SETS}}
    val_folders = {"current": {"val": current_rows("val", out)},
                   "first": {"val": first_run_rows("val", out)}}
    report = ["## Plausibility filter: measurements",
              f"(lambda {LAMBDA}, {STEPS} steps, thresholds chosen by inner leave-one-set-out "
              "on first-run rows; 'removed (wrong)': rows the filter removes, of them wrong)"]
    for variant in VARIANTS:
        report += run_variant(variant, folders, val_folders, out)
    report.append(scorer_speed(folders, out / "weights_B.csv"))
    report.append(f"\n(whole measurement {time.time() - started:.0f} s; weights in {out})")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
