"""Score predicted tables against gold annotations by the rules of DESIGN.md.

Figures: a prediction is right when doc_id, metric, population, value and qualifier all equal a
gold row (exact); the lenient score asks only doc_id, metric and value. Each gold row can be
matched once.

Meetings: a gold meeting is found when its document has a predicted meeting at the same place
with a date within a day; a gold row without a date (or place) accepts any. Matched pairs also
get a participant F1 (set overlap of canonical names).

>>> scores = evaluate_dir("data/gold", "out/tables")          # doctest: +SKIP
>>> scores["figures_exact"].f1                                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

EXACT_KEY = ["doc_id", "metric", "population", "value", "qualifier"]
LENIENT_KEY = ["doc_id", "metric", "value"]


@dataclass
class Score:
    """Precision, recall and F1 from true positives, false positives and false negatives."""

    tp: int
    fp: int
    fn: int
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<22} precision {self.precision:.3f}  recall {self.recall:.3f}  "
                f"F1 {self.f1:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})")


def _keys(frame: pd.DataFrame, columns: list[str]) -> Counter:
    frame = frame[columns].copy()
    for column in columns:
        frame[column] = frame[column].map(_norm)
    return Counter(map(tuple, frame.itertuples(index=False, name=None)))


def _norm(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = str(value).strip()
    try:
        number = float(text.replace(",", ""))
        if number.is_integer():
            return str(int(number))
    except ValueError:
        pass
    return text.lower()


def score_figures(gold: pd.DataFrame, pred: pd.DataFrame, key: list[str] = EXACT_KEY) -> Score:
    """Multiset match of figure rows on `key` columns."""
    gold_keys, pred_keys = _keys(gold, key), _keys(pred, key)
    matched = gold_keys & pred_keys
    misses = sorted((gold_keys - pred_keys).elements())
    false_alarms = sorted((pred_keys - gold_keys).elements())
    return Score(sum(matched.values()), len(false_alarms), len(misses), misses, false_alarms)


def per_metric(score: Score, gold: pd.DataFrame | None = None,
               key: list[str] = EXACT_KEY) -> pd.DataFrame:
    """Gold rows, hits, misses and false alarms by metric (every metric of gold or prediction).

    >>> per_metric(Score(1, 1, 0, [], [("d", "killed", "israeli", "5", "exact")])).to_dict("list")
    {'metric': ['killed'], 'gold': [0], 'found': [0], 'misses': [0], 'false_alarms': [1]}
    """
    index = key.index("metric")
    misses = Counter(row[index] for row in score.misses)
    alarms = Counter(row[index] for row in score.false_alarms)
    gold_counts = Counter(gold["metric"].map(_norm)) if gold is not None else Counter()
    metrics = sorted(set(misses) | set(alarms) | set(gold_counts))
    return pd.DataFrame({"metric": metrics,
                         "gold": [gold_counts[m] for m in metrics],
                         "found": [gold_counts[m] - misses[m] for m in metrics],
                         "misses": [misses[m] for m in metrics],
                         "false_alarms": [alarms[m] for m in metrics]})


def _date(value) -> dt.date | None:
    text = _norm(value)
    return dt.date.fromisoformat(text[:10]) if text else None


def _people(value) -> set[str]:
    return {p.strip().lower() for p in _norm(value).split(";") if p.strip()}


def _meeting_matches(gold_row, pred_row) -> bool:
    if _norm(gold_row["doc_id"]) != _norm(pred_row["doc_id"]):
        return False
    gold_place = _norm(gold_row["location"])
    if gold_place and gold_place != _norm(pred_row["location"]):
        return False
    gold_date = _date(gold_row["date"])
    if gold_date is None:
        return True
    pred_date = _date(pred_row["date"])
    return pred_date is not None and abs((pred_date - gold_date).days) <= 1


def participant_f1(gold_value, pred_value) -> float:
    """Set F1 of two semicolon-joined participant lists (both empty counts as 1.0)."""
    gold, pred = _people(gold_value), _people(pred_value)
    if not gold and not pred:
        return 1.0
    overlap = len(gold & pred)
    if not overlap:
        return 0.0
    p, r = overlap / len(pred), overlap / len(gold)
    return 2 * p * r / (p + r)


def score_meetings(gold: pd.DataFrame, pred: pd.DataFrame) -> tuple[Score, float]:
    """Greedy one-to-one matching of meetings; returns (score, mean participant F1)."""
    unused = list(range(len(pred)))
    tp, participant_scores, misses = 0, [], []
    # match the most constrained gold rows (date and place given) first
    order = sorted(range(len(gold)),
                   key=lambda i: (not _norm(gold.iloc[i]["date"]),
                                  not _norm(gold.iloc[i]["location"])))
    for i in order:
        gold_row = gold.iloc[i]
        candidates = [j for j in unused if _meeting_matches(gold_row, pred.iloc[j])]
        if not candidates:
            misses.append(tuple(_norm(gold_row[c]) for c in ("doc_id", "date", "location")))
            continue
        best = max(candidates,
                   key=lambda j: participant_f1(gold_row["participants"],
                                                pred.iloc[j]["participants"]))
        unused.remove(best)
        tp += 1
        participant_scores.append(participant_f1(gold_row["participants"],
                                                 pred.iloc[best]["participants"]))
    false_alarms = [tuple(_norm(pred.iloc[j][c]) for c in ("doc_id", "date", "location"))
                    for j in unused]
    score = Score(tp, len(unused), len(misses), misses, false_alarms)
    mean_participants = (sum(participant_scores) / len(participant_scores)
                         if participant_scores else 0.0)
    return score, mean_participants


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def evaluate_dir(gold_dir: str | Path, pred_dir: str | Path) -> dict:
    """Score every table present in both folders; returns a dict of scores."""
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    scores: dict = {}
    if (gold_dir / "figures.csv").is_file() and (pred_dir / "figures.csv").is_file():
        gold, pred = _read(gold_dir / "figures.csv"), _read(pred_dir / "figures.csv")
        scores["figures_exact"] = score_figures(gold, pred, EXACT_KEY)
        scores["figures_by_metric"] = per_metric(scores["figures_exact"], gold)
        scores["figures_lenient"] = score_figures(gold, pred, LENIENT_KEY)
    if (gold_dir / "meetings.csv").is_file() and (pred_dir / "meetings.csv").is_file():
        gold, pred = _read(gold_dir / "meetings.csv"), _read(pred_dir / "meetings.csv")
        scores["meetings"], scores["participant_f1"] = score_meetings(gold, pred)
    return scores


def format_report(scores: dict) -> str:
    """The text `python -m analysis evaluate` prints."""
    lines = []
    for name in ("figures_exact", "figures_lenient", "meetings"):
        if name in scores:
            lines.append(scores[name].line(name))
    if "participant_f1" in scores:
        lines.append(f"{'participants':<22} mean F1 of matched meetings "
                     f"{scores['participant_f1']:.3f}")
    if "figures_exact" in scores:
        table = scores.get("figures_by_metric", per_metric(scores["figures_exact"]))
        if len(table):
            lines += ["", "figures by metric (exact):", table.to_string(index=False)]
        for label, rows in (("missed", scores["figures_exact"].misses),
                            ("false alarm", scores["figures_exact"].false_alarms)):
            lines += [f"  {label}: {' | '.join(row)}" for row in rows]
    if "meetings" in scores:
        for label, rows in (("missed meeting", scores["meetings"].misses),
                            ("false alarm meeting", scores["meetings"].false_alarms)):
            lines += [f"  {label}: {' | '.join(row)}" for row in rows]
    return "\n".join(lines) if lines else "nothing to score: no matching tables found"
