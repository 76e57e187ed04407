"""Score predicted tables against gold annotations by the rules of DESIGN.md ("Scoring").

Figures: a prediction is right when doc_id, metric, population, value and qualifier all equal a
gold row (exact); the lenient score asks only doc_id, metric and value. Each gold row can be
matched once. Predicted rows counting a sub-group (`group` other than `all`) or flagged `vague`
are left out (a table without those columns counts as all / not vague).

Report dates of the gold's undated articles (`dated_in_text` false): the share dated within 1,
3 and 7 days of the true report date, the share left undated, the share whose
`date_window_start`..`date_window_end` holds the truth (among those given a window) and the
largest error in days.

Meetings: a gold meeting is found when its document has a predicted meeting at the same place
with a date within a day; a gold row without a date (or place) accepts any. Matched pairs also
get a participant F1 (set overlap of canonical names).

Rounds: gold rounds are the dated gold meetings grouped by place and by day (within a day of
each other). A predicted round covers a gold round when its dates lie within a day of the gold
round's days and the two places share a word ("Doha" and "Doha, Qatar"; an empty gold place
accepts any). Recall: share of gold rounds some predicted round covers; precision: share of
dated predicted rounds that cover a gold round; purity: share of (predicted round, article)
pairs, over the articles in the round's `doc_ids`, whose article has a gold meeting at that
place and time (a gold meeting without a day, or a round without dates, agrees with any time).

`evaluate_sets` runs the extraction on whole evaluation sets (a folder with `corpus/` and gold
CSVs) and tabulates every measure per set.

>>> scores = evaluate_dir("data/gold", "out/tables")          # doctest: +SKIP
>>> scores["figures_exact"].f1                                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

EXACT_KEY = ["doc_id", "metric", "population", "value", "qualifier"]
LENIENT_KEY = ["doc_id", "metric", "value"]
TRUE_WORDS = {"true", "1", "yes"}
DATE_TOLERANCES = (1, 3, 7)  # days, for the report dates of undated articles
DAY = dt.timedelta(days=1)
PLACE_STOPWORDS = {"the", "of", "and", "in", "a", "an", "city", "al"}

# what each table must hold to be scored, and the columns filled with "" when absent
REQUIRED = {
    "figures": EXACT_KEY,
    "meetings": ["doc_id", "date", "location"],
    "gold_documents": ["doc_id", "report_date", "dated_in_text"],
    "documents": ["doc_id", "report_date"],
    "rounds": ["start_date", "end_date", "location", "doc_ids"],
}
OPTIONAL = {
    "figures": ["quote", "sentence", "group", "vague"],
    "meetings": ["participants", "quote", "status"],
    "gold_documents": [],
    "documents": ["date_window_start", "date_window_end", "date_source", "date_evidence"],
    "rounds": ["round_id", "participants"],
}


class EvaluationError(ValueError):
    """A table that cannot be scored (e.g. a column is missing); printed as one line."""


# --------------------------------------------------------------------------- small helpers

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


def _norm(value) -> str:
    """A cell as comparable text: stripped, lower case, "26,422" and "26422.0" as "26422".

    >>> [_norm(v) for v in ("26,422", 132.0, " Paris ", None, float("nan"), True)]
    ['26422', '132', 'paris', '', '', 'true']
    """
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


def _text(value) -> str:
    """A cell as display text ("" for missing)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _date(value) -> dt.date | None:
    text = _norm(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise EvaluationError(f"not an ISO date: {value!r}") from exc


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _keys(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(_norm(v) for v in row)
            for row in frame[columns].itertuples(index=False, name=None)]


def conform(frame: pd.DataFrame, table: str, where: str = "") -> pd.DataFrame:
    """Check the columns scoring needs (EvaluationError naming the missing ones) and add the
    optional ones as empty text.

    >>> conform(pd.DataFrame({"x": [1]}), "meetings", "m.csv")
    Traceback (most recent call last):
    ...
    analysis.evaluate.EvaluationError: m.csv lacks columns doc_id, date, location (it has: x)
    """
    missing = [c for c in REQUIRED[table] if c not in frame.columns]
    if missing:
        raise EvaluationError(f"{where or table} lacks columns {', '.join(missing)} "
                              f"(it has: {', '.join(map(str, frame.columns)) or 'none'})")
    frame = frame.copy()
    for column in OPTIONAL[table]:
        if column not in frame.columns:
            frame[column] = ""
    return frame.reset_index(drop=True)


def read_table(path: Path, table: str) -> pd.DataFrame:
    """Read a CSV as text and `conform` it to `table`."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: not a readable CSV table ({exc})") from exc
    return conform(frame, table, str(path))


# --------------------------------------------------------------------------- figures

def scorable_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows scoring uses: `group` all (or empty, or no such column) and `vague` not true.

    >>> rows = pd.DataFrame({"value": [1, 2, 3], "group": ["all", "children", ""],
    ...                      "vague": ["false", "false", "true"]})
    >>> scorable_figures(rows)["value"].tolist()
    [1]
    """
    return figures[_whole_counts(figures)].reset_index(drop=True)


def _whole_counts(figures: pd.DataFrame) -> pd.Series:
    """True for the rows `scorable_figures` keeps."""
    keep = pd.Series(True, index=figures.index)
    if "group" in figures.columns:
        keep &= figures["group"].map(_norm).isin(["", "all"])
    if "vague" in figures.columns:
        keep &= ~figures["vague"].map(_norm).isin(TRUE_WORDS)
    return keep


def match_figures(gold: pd.DataFrame, pred: pd.DataFrame, key: list[str] = EXACT_KEY):
    """One-to-one matching of rows with equal `key` cells, in row order.

    Returns (pairs of gold and predicted positions, unmatched gold positions, unmatched
    predicted positions).
    """
    waiting = defaultdict(list)
    for j, row_key in enumerate(_keys(pred, key)):
        waiting[row_key].append(j)
    pairs, misses = [], []
    for i, row_key in enumerate(_keys(gold, key)):
        if waiting[row_key]:
            pairs.append((i, waiting[row_key].pop(0)))
        else:
            misses.append(i)
    used = {j for _, j in pairs}
    return pairs, misses, [j for j in range(len(pred)) if j not in used]


def score_figures(gold: pd.DataFrame, pred: pd.DataFrame, key: list[str] = EXACT_KEY) -> Score:
    """Multiset match of figure rows on `key` columns (sub-group and vague rows left out)."""
    gold, pred = scorable_figures(gold), scorable_figures(pred)
    pairs, missed, alarms = match_figures(gold, pred, key)
    misses = sorted(_keys(gold.iloc[missed], key)) if missed else []
    false_alarms = sorted(_keys(pred.iloc[alarms], key)) if alarms else []
    return Score(len(pairs), len(alarms), len(missed), misses, false_alarms)


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


# --------------------------------------------------------------------------- report dates

@dataclass
class DateScore:
    """How the report dates of the gold's undated articles came out.

    `rows` has one dict per undated article: doc_id, truth, predicted, error_days (None when
    left undated), window (start, end) or None, holds (window holds the truth, None without one).
    """

    rows: list[dict]

    @property
    def n(self) -> int:
        return len(self.rows)

    def within(self, days: int) -> float | None:
        hits = sum(1 for r in self.rows if r["error_days"] is not None
                   and abs(r["error_days"]) <= days)
        return _ratio(hits, self.n)

    @property
    def left_undated(self) -> float | None:
        return _ratio(sum(1 for r in self.rows if r["predicted"] is None), self.n)

    @property
    def with_window(self) -> int:
        return sum(1 for r in self.rows if r["window"] is not None)

    @property
    def window_holds(self) -> float | None:
        return _ratio(sum(1 for r in self.rows if r["holds"]), self.with_window)

    @property
    def max_error_days(self) -> int | None:
        errors = [abs(r["error_days"]) for r in self.rows if r["error_days"] is not None]
        return max(errors) if errors else None


def _window(pred_row) -> tuple[dt.date | None, dt.date | None] | None:
    """(start, end) of a predicted date window; one missing end is open; None when both are."""
    start, end = _date(pred_row["date_window_start"]), _date(pred_row["date_window_end"])
    return None if start is None and end is None else (start, end)


def _holds(window, truth: dt.date) -> bool | None:
    if window is None:
        return None
    start, end = window
    return (start is None or start <= truth) and (end is None or truth <= end)


def score_report_dates(gold_documents: pd.DataFrame, pred_documents: pd.DataFrame) -> DateScore:
    """Compare predicted report dates of the gold's undated articles with the true ones.

    An article missing from the prediction counts as left undated, without a window.
    """
    gold_documents = conform(gold_documents, "gold_documents", "gold documents")
    pred_documents = conform(pred_documents, "documents", "predicted documents")
    predicted = {_text(row["doc_id"]): row for _, row in pred_documents.iterrows()}
    rows = []
    for _, gold_row in gold_documents.iterrows():
        if _norm(gold_row["dated_in_text"]) in TRUE_WORDS:
            continue
        doc_id, truth = _text(gold_row["doc_id"]), _date(gold_row["report_date"])
        if truth is None:
            continue  # the truth is not known: nothing to score
        pred_row = predicted.get(doc_id)
        date = _date(pred_row["report_date"]) if pred_row is not None else None
        window = _window(pred_row) if pred_row is not None else None
        rows.append({"doc_id": doc_id, "truth": truth, "predicted": date,
                     "error_days": (date - truth).days if date else None,
                     "window": window, "holds": _holds(window, truth),
                     "evidence": _text(pred_row["date_evidence"]) if pred_row is not None
                     else "not in the prediction"})
    return DateScore(rows)


def header_dates_correct(gold_documents: pd.DataFrame, pred_documents: pd.DataFrame):
    """Share of the gold's dated articles (`dated_in_text` true) given their true date."""
    predicted = dict(zip(pred_documents["doc_id"].map(_text),
                         pred_documents["report_date"].map(_norm)))
    dated = gold_documents[gold_documents["dated_in_text"].map(_norm).isin(TRUE_WORDS)]
    right = sum(predicted.get(_text(d)) == _norm(t)
                for d, t in zip(dated["doc_id"], dated["report_date"]))
    return _ratio(right, len(dated))


# --------------------------------------------------------------------------- meetings

def _people(value) -> set[str]:
    return {p.strip().lower() for p in _text(value).split(";") if p.strip()}


def _meeting_matches(gold_row, pred_row) -> bool:
    if _norm(gold_row["doc_id"]) != _norm(pred_row["doc_id"]):
        return False
    gold_place = _norm(gold_row["location"])
    if gold_place and gold_place != _norm(pred_row["location"]):
        return False
    return _day_within(gold_row["date"], pred_row["date"])


def _day_within(gold_value, pred_value) -> bool:
    """A gold day accepts a predicted day at most one day away; no gold day accepts any."""
    gold_date = _date(gold_value)
    if gold_date is None:
        return True
    pred_date = _date(pred_value)
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


def match_meetings(gold: pd.DataFrame, pred: pd.DataFrame):
    """Greedy one-to-one matching: the most constrained gold rows (date and place given) first,
    each to the candidate with the best participant F1.

    Returns (pairs of gold and predicted positions, unmatched gold, unmatched predicted).
    """
    gold, pred = gold.reset_index(drop=True), pred.reset_index(drop=True)
    unused = list(range(len(pred)))
    order = sorted(range(len(gold)), key=lambda i: (not _norm(gold.at[i, "date"]),
                                                    not _norm(gold.at[i, "location"])))
    pairs, misses = [], []
    for i in order:
        gold_row = gold.iloc[i]
        candidates = [j for j in unused if _meeting_matches(gold_row, pred.iloc[j])]
        if not candidates:
            misses.append(i)
            continue
        best = max(candidates, key=lambda j: participant_f1(gold_row.get("participants"),
                                                            pred.iloc[j].get("participants")))
        unused.remove(best)
        pairs.append((i, best))
    return pairs, sorted(misses), unused


def score_meetings(gold: pd.DataFrame, pred: pd.DataFrame) -> tuple[Score, float]:
    """Greedy one-to-one matching of meetings; returns (score, mean participant F1)."""
    gold, pred = gold.reset_index(drop=True), pred.reset_index(drop=True)
    pairs, missed, unused = match_meetings(gold, pred)
    columns = ["doc_id", "date", "location"]
    misses = [tuple(_norm(gold.at[i, c]) for c in columns) for i in missed]
    false_alarms = [tuple(_norm(pred.at[j, c]) for c in columns) for j in unused]
    participants = [participant_f1(gold.iloc[i].get("participants"),
                                   pred.iloc[j].get("participants")) for i, j in pairs]
    score = Score(len(pairs), len(unused), len(missed), misses, false_alarms)
    return score, (sum(participants) / len(participants) if participants else 0.0)


def score_meetings_any_date(gold: pd.DataFrame, pred: pd.DataFrame) -> Score:
    """A diagnostic, not a DESIGN.md measure: meetings scored as if no gold meeting had a
    day (the article and the place must still agree). What it gains over `score_meetings` is
    the share of the meeting error that is the day alone (resolved wrongly, or not at all)."""
    return score_meetings(gold.assign(date=""), pred)[0]


# --------------------------------------------------------------------------- rounds

def place_words(place) -> set[str]:
    """The words of a place name that can be shared ("the", "of", "city", "al" left out).

    >>> sorted(place_words("Doha, Qatar")), sorted(place_words("the Gaza Strip"))
    (['doha', 'qatar'], ['gaza', 'strip'])
    """
    return {w for w in re.findall(r"[^\W\d_]+", _text(place).lower())
            if w not in PLACE_STOPWORDS}


def places_agree(gold_place, pred_place) -> bool:
    """A shared place word; an empty gold place (the text gives none) accepts any.

    >>> places_agree("Doha", "Doha, Qatar"), places_agree("Doha", "Qatar"), places_agree("", "")
    (True, False, True)
    """
    gold_words = place_words(gold_place)
    return not gold_words or bool(gold_words & place_words(pred_place))


@dataclass
class GoldRound:
    """Dated gold meetings at one place on days at most a day apart."""

    place: str
    start: dt.date
    end: dt.date
    meetings: list[tuple[str, dt.date]] = field(default_factory=list)  # (doc_id, date)

    @property
    def doc_ids(self) -> list[str]:
        return sorted({doc_id for doc_id, _ in self.meetings})


@dataclass
class PredictedRound:
    """A row of the predicted rounds.csv; `start` and `end` None when it has no date."""

    round_id: str
    start: dt.date | None
    end: dt.date | None
    place: str
    doc_ids: list[str]
    participants: str = ""

    def covers(self, gold: GoldRound) -> bool:
        """Its dates lie within a day of the gold round's days and the places share a word."""
        if self.start is None:
            return False
        in_time = gold.start - DAY <= self.start and self.end <= gold.end + DAY
        return in_time and places_agree(gold.place, self.place)

    def holds(self, place, date: dt.date | None) -> bool:
        """A gold meeting at this place and time: the places share a word and the meeting's
        day lies within a day of the round's dates (a side without a date accepts any)."""
        if not places_agree(place, self.place):
            return False
        return self.start is None or date is None or self.start - DAY <= date <= self.end + DAY


def gold_rounds(gold_meetings: pd.DataFrame) -> list[GoldRound]:
    """Group the dated gold meetings by place (case-insensitive, empty is a place of its own)
    and by day: a meeting within a day of the round's last day joins it."""
    by_place = defaultdict(list)
    for _, row in gold_meetings.iterrows():
        date = _date(row["date"])
        if date is not None:
            by_place[_norm(row["location"])].append((date, _text(row["doc_id"]),
                                                     _text(row["location"])))
    rounds = []
    for place_key in sorted(by_place):
        current = None
        for date, doc_id, place in sorted(by_place[place_key]):
            if current is None or date - current.end > DAY:
                current = GoldRound(place, date, date)
                rounds.append(current)
            current.end = date
            current.meetings.append((doc_id, date))
    return sorted(rounds, key=lambda r: (r.start, r.place))


def predicted_rounds(rounds: pd.DataFrame) -> list[PredictedRound]:
    """The rows of rounds.csv; a round with only one of its dates uses it for both."""
    result = []
    for position, row in rounds.reset_index(drop=True).iterrows():
        start, end = _date(row["start_date"]), _date(row["end_date"])
        start, end = start or end, end or start
        doc_ids = [d.strip() for d in _text(row["doc_ids"]).split(";") if d.strip()]
        result.append(PredictedRound(_text(row["round_id"]) or f"#{position + 1}", start, end,
                                     _text(row["location"]), doc_ids,
                                     _text(row["participants"])))
    return result


@dataclass
class RoundScore:
    """Coverage of gold rounds by predicted rounds, and the purity of the predicted rounds."""

    gold: list[GoldRound]
    predicted: list[PredictedRound]
    covered: list[bool]  # per gold round
    covering: list[bool]  # per dated predicted round
    pairs: list[tuple[str, str, bool]]  # (round_id, doc_id, pure) over all predicted rounds

    @property
    def dated(self) -> list[PredictedRound]:
        return [r for r in self.predicted if r.start is not None]

    @property
    def recall(self) -> float | None:
        return _ratio(sum(self.covered), len(self.gold))

    @property
    def precision(self) -> float | None:
        return _ratio(sum(self.covering), len(self.covering))

    @property
    def purity(self) -> float | None:
        return _ratio(sum(pure for _, _, pure in self.pairs), len(self.pairs))


def score_rounds(gold_meetings: pd.DataFrame, pred_rounds: pd.DataFrame) -> RoundScore:
    """Recall, precision and purity of predicted rounds against the rounds of gold meetings.

    Purity is counted over every predicted round, one pair per article listed in its
    `doc_ids`; as for meetings, a gold meeting without a day, or a round without dates, agrees
    in time with any.
    """
    gold_meetings = conform(gold_meetings, "meetings", "gold meetings")
    truth = gold_rounds(gold_meetings)
    rounds = predicted_rounds(conform(pred_rounds, "rounds", "predicted rounds"))
    dated = [r for r in rounds if r.start is not None]
    covered = [any(r.covers(g) for r in dated) for g in truth]
    covering = [any(r.covers(g) for g in truth) for r in dated]
    meetings_by_doc = defaultdict(list)
    for _, row in gold_meetings.iterrows():
        meetings_by_doc[_text(row["doc_id"])].append((row["location"], _date(row["date"])))
    pairs = [(r.round_id, doc_id,
              any(r.holds(place, date) for place, date in meetings_by_doc[doc_id]))
             for r in rounds for doc_id in r.doc_ids]
    return RoundScore(truth, rounds, covered, covering, pairs)


# --------------------------------------------------------------------------- whole folders

def evaluate_dir(gold_dir: str | Path, pred_dir: str | Path) -> dict:
    """Score every table present in both folders; returns a dict of scores.

    Keys: figures_exact, figures_lenient (Score), figures_by_metric (DataFrame); meetings
    (Score), participant_f1; report_dates (DateScore), header_dates_correct; rounds
    (RoundScore); and "tables", the frames read (for `format_errors`).
    """
    frames = load_tables(gold_dir, pred_dir)
    scores: dict = {"tables": frames}
    if "figures" in frames:
        gold, pred = frames["figures"]
        scores["figures_exact"] = score_figures(gold, pred, EXACT_KEY)
        scores["figures_by_metric"] = per_metric(scores["figures_exact"], scorable_figures(gold))
        scores["figures_lenient"] = score_figures(gold, pred, LENIENT_KEY)
    if "documents" in frames:
        gold, pred = frames["documents"]
        scores["report_dates"] = score_report_dates(gold, pred)
        scores["header_dates_correct"] = header_dates_correct(gold, pred)
    if "meetings" in frames:
        gold, pred = frames["meetings"]
        scores["meetings"], scores["participant_f1"] = score_meetings(gold, pred)
        scores["meetings_any_date"] = score_meetings_any_date(gold, pred)
    if "rounds" in frames:
        scores["rounds"] = score_rounds(*frames["rounds"])
    return scores


def load_tables(gold_dir: str | Path, pred_dir: str | Path) -> dict:
    """table name -> (gold frame, predicted frame), for the tables both folders hold.

    Rounds are scored from the gold meetings.csv and the predicted rounds.csv.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    sources = {"figures": ("figures", "figures", "figures"),
               "documents": ("documents", "gold_documents", "documents"),
               "meetings": ("meetings", "meetings", "meetings"),
               "rounds": ("meetings", "meetings", "rounds")}
    frames = {}
    for name, (gold_file, gold_table, pred_file) in sources.items():
        gold_path, pred_path = gold_dir / f"{gold_file}.csv", pred_dir / f"{pred_file}.csv"
        if gold_path.is_file() and pred_path.is_file():
            pred_table = "documents" if name == "documents" else pred_file
            frames[name] = (read_table(gold_path, gold_table), read_table(pred_path, pred_table))
    return frames


def summary(scores: dict) -> dict:
    """The measures as one flat dict (what `evaluate --json` prints); None when not measurable
    (e.g. no undated article, no gold round)."""
    result: dict = {}
    for name in ("figures_exact", "figures_lenient"):
        if name in scores:
            result.update(_score_fields(name, scores[name]))
    if "figures_by_metric" in scores:
        result["figures_per_metric"] = _metric_fields(scores["figures_by_metric"])
    if "report_dates" in scores:
        result.update(_date_fields(scores["report_dates"]))
        result["dated_header_correct"] = scores["header_dates_correct"]
    if "meetings" in scores:
        result.update(_score_fields("meetings", scores["meetings"]))
        result["meetings_participants_f1"] = scores["participant_f1"]
    if "meetings_any_date" in scores:
        any_date = scores["meetings_any_date"]
        result.update(meetings_p_any_date=any_date.precision, meetings_r_any_date=any_date.recall,
                      meetings_f1_any_date=any_date.f1)
    if "rounds" in scores:
        result.update(_round_fields(scores["rounds"]))
    return result


def _score_fields(name: str, score: Score) -> dict:
    return {f"{name}_p": score.precision, f"{name}_r": score.recall, f"{name}_f1": score.f1,
            f"{name}_tp": score.tp, f"{name}_fp": score.fp, f"{name}_fn": score.fn}


def _metric_fields(table: pd.DataFrame) -> dict:
    fields = {}
    for row in table.itertuples(index=False):
        score = Score(int(row.found), int(row.false_alarms), int(row.misses))
        fields[row.metric] = {"gold": int(row.gold), "found": int(row.found),
                              "misses": int(row.misses), "false_alarms": int(row.false_alarms),
                              "p": score.precision, "r": score.recall, "f1": score.f1}
    return fields


def _date_fields(dates: DateScore) -> dict:
    fields = {"undated_n": dates.n}
    fields.update({f"undated_within_{days}d": dates.within(days) for days in DATE_TOLERANCES})
    fields.update(undated_left_undated=dates.left_undated, undated_with_window=dates.with_window,
                  undated_window_holds_truth=dates.window_holds,
                  undated_max_error_days=dates.max_error_days)
    return fields


def _round_fields(rounds: RoundScore) -> dict:
    return {"rounds_recall": rounds.recall, "rounds_precision": rounds.precision,
            "rounds_purity": rounds.purity, "rounds_gold": len(rounds.gold),
            "rounds_predicted": len(rounds.predicted),
            "rounds_predicted_dated": len(rounds.dated),
            "rounds_pairs": len(rounds.pairs)}


def to_json(scores: dict) -> str:
    """`summary` as a JSON object (floats rounded to 4 places)."""
    return json.dumps(_rounded(summary(scores)), indent=2)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- text report

def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _date_lines(dates: DateScore, header_correct) -> list[str]:
    within = "  ".join(f"{days}d {_share(dates.within(days))}" for days in DATE_TOLERANCES)
    return [f"{'undated report dates':<22} {dates.n} articles: within {within}  "
            f"left undated {_share(dates.left_undated)}",
            f"{'':<22} window holds the truth {_share(dates.window_holds)} "
            f"(of {dates.with_window} with a window); largest error "
            f"{'-' if dates.max_error_days is None else dates.max_error_days} days; "
            f"dated articles read right {_share(header_correct)}"]


def _round_line(rounds: RoundScore) -> str:
    return (f"{'rounds':<22} recall {_share(rounds.recall)}  precision "
            f"{_share(rounds.precision)}  purity {_share(rounds.purity)}  "
            f"({len(rounds.gold)} gold rounds, {len(rounds.dated)} of {len(rounds.predicted)} "
            f"predicted rounds dated, {len(rounds.pairs)} round-article pairs)")


def format_report(scores: dict) -> str:
    """The text `python -m analysis evaluate` prints."""
    lines = []
    for name in ("figures_exact", "figures_lenient", "meetings"):
        if name in scores:
            lines.append(scores[name].line(name))
    if "participant_f1" in scores:
        lines.append(f"{'participants':<22} mean F1 of matched meetings "
                     f"{scores['participant_f1']:.3f}")
    if "report_dates" in scores:
        lines += _date_lines(scores["report_dates"], scores.get("header_dates_correct"))
    if "rounds" in scores:
        lines.append(_round_line(scores["rounds"]))
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


# --------------------------------------------------------------------------- --errors

@dataclass
class ErrorItem:
    """One miss or false alarm: its kind ("figures: missed"), article, a one-line description
    and the lines that show why (quotes, sentences, dates)."""

    kind: str
    doc_id: str
    what: str
    details: list[str] = field(default_factory=list)


FIGURE_KINDS = ["wrong qualifier", "wrong population", "wrong population and qualifier",
                "wrong metric", "wrong value", "left out as sub-group or vague", "missed",
                "false alarm"]
MEETING_KINDS = ["no day predicted", "wrong date", "wrong place", "missed", "false alarm",
                 "participants differ"]
DATE_KINDS = ["more than 3 days off", "left undated", "window misses the truth"]
ROUND_KINDS = ["gold round not covered", "predicted round covers no gold round",
               "article not at the round's place and time"]
SENTENCE_CHARS = 400


def _quoted(text: str, limit: int = SENTENCE_CHARS) -> str:
    text = " ".join(_text(text).split())
    return f'"{text[:limit]}{"..." if len(text) > limit else ""}"'


def _sentence_around(text: str, quote: str) -> str:
    """The sentence (or line) of `text` holding `quote`; "" when the quote is not found.

    >>> _sentence_around("First one. Then 5 were killed, they said. Last.", "5 were killed")
    'Then 5 were killed, they said.'
    """
    start = text.find(quote) if quote else -1
    if start < 0 and quote:
        start = text.lower().find(quote.lower())
    if start < 0:
        return ""
    ends = [m.end() for m in re.finditer(r"[.!?]\s|\n", text[:start])]
    left = ends[-1] if ends else 0
    after = re.search(r"[.!?](\s|$)|\n", text[start + len(quote):])
    right = start + len(quote) + (after.start() + 1 if after else len(text))
    return text[left:right].strip()


def _figure_text(row) -> str:
    return " ".join(_text(row[c]) for c in ("metric", "population", "value", "qualifier"))


def _figure_near_miss(gold_row, pred_row) -> str | None:
    """The kind of near miss a predicted figure is for a missed gold figure, or None.

    Same article and value, another qualifier and/or population, or another metric; or the
    same article and metric with overlapping quotes but another value.
    """
    if _norm(gold_row["doc_id"]) != _norm(pred_row["doc_id"]):
        return None
    same = {c: _norm(gold_row[c]) == _norm(pred_row[c])
            for c in ("metric", "population", "value", "qualifier")}
    if same["value"] and same["metric"]:
        wrong = [c for c in ("population", "qualifier") if not same[c]]
        return "wrong " + " and ".join(wrong) if wrong else None
    if same["value"]:
        return "wrong metric"
    gold_quote, pred_quote = _norm(gold_row["quote"]), _norm(pred_row["quote"])
    if same["metric"] and gold_quote and pred_quote and (gold_quote in pred_quote
                                                         or pred_quote in gold_quote):
        return "wrong value"
    return None


def _pair_near_misses(gold: pd.DataFrame, pred: pd.DataFrame, missed: list[int],
                      alarms: list[int], near_miss, kinds: list[str]) -> list[tuple[int, int, str]]:
    """Pair missed gold rows with unmatched predictions of the kind `near_miss` names, the
    closest kinds first (in the order of `kinds`); paired rows leave `missed` and `alarms`."""
    found = {(i, j): near_miss(gold.iloc[i], pred.iloc[j]) for i in missed for j in alarms}
    pairs = []
    for kind in kinds:
        for i in list(missed):
            j = next((j for j in alarms if found[i, j] == kind), None)
            if j is not None:
                pairs.append((i, j, kind))
                missed.remove(i)
                alarms.remove(j)
    return pairs


def _near_miss_items(table: str, unmatched: tuple, near_miss, kinds: list[str], describe,
                     quote_lines) -> list[ErrorItem]:
    """One error item a near miss of `table` ("figures", "meetings"): `unmatched` is (gold,
    pred, missed, alarms) as the matching left them; the pairs `_pair_near_misses` forms
    (they leave `missed` and `alarms`) are shown as "gold ROW | predicted ROW" (`describe`
    writes a row) with the lines `quote_lines(gold_row, pred_row)` gives."""
    gold, pred, missed, alarms = unmatched
    items = []
    for i, j, kind in _pair_near_misses(gold, pred, missed, alarms, near_miss, kinds):
        g, p = gold.iloc[i], pred.iloc[j]
        items.append(ErrorItem(f"{table}: {kind}", _text(g["doc_id"]),
                               f"gold {describe(g)} | predicted {describe(p)}",
                               quote_lines(g, p)))
    return items


def figure_errors(gold: pd.DataFrame, pred: pd.DataFrame, texts: dict) -> list[ErrorItem]:
    """Every missed and false figure; near misses shown as such (see `_figure_near_miss`)."""
    gold = conform(scorable_figures(gold), "figures")
    pred = conform(pred, "figures")
    left_out, pred = pred[~_whole_counts(pred)], scorable_figures(pred)
    _, missed, alarms = match_figures(gold, pred, EXACT_KEY)
    items = _near_miss_items(
        "figures", (gold, pred, missed, alarms), _figure_near_miss, FIGURE_KINDS, _figure_text,
        lambda g, p: [f"gold quote: {_quoted(g['quote'])}",
                      f"predicted:  {_quoted(p['quote'])} in {_quoted(p['sentence'])}"])
    for i in missed:
        g = gold.iloc[i]
        kind, extra = "missed", []
        for _, p in left_out.iterrows():
            if (_norm(p["doc_id"]), _norm(p["value"])) == (_norm(g["doc_id"]), _norm(g["value"])):
                kind = "left out as sub-group or vague"
                extra = [f"predicted:  {_figure_text(p)} group {_text(p['group']) or '-'} "
                         f"vague {_text(p['vague']) or '-'}: {_quoted(p['quote'])}"]
                break
        items.append(ErrorItem(f"figures: {kind}", _text(g["doc_id"]), _figure_text(g),
                               _gold_quote_lines(g, texts) + extra))
    for j in alarms:
        p = pred.iloc[j]
        items.append(ErrorItem("figures: false alarm", _text(p["doc_id"]), _figure_text(p),
                               [f"quote: {_quoted(p['quote'])}",
                                f"sentence: {_quoted(p['sentence'])}"]))
    return items


def _gold_quote_lines(gold_row, texts: dict) -> list[str]:
    """The gold quote, and its sentence when the article's text is at hand."""
    lines = [f"gold quote: {_quoted(gold_row['quote'])}"]
    sentence = _sentence_around(texts.get(_text(gold_row["doc_id"]), ""), _text(gold_row["quote"]))
    if sentence and _norm(sentence) != _norm(gold_row["quote"]):
        lines.append(f"sentence: {_quoted(sentence)}")
    return lines


def _meeting_text(row) -> str:
    people = "; ".join(p.strip() for p in _text(row.get("participants")).split(";") if p.strip())
    return (f"{_text(row['date']) or 'no day'} {_text(row['location']) or 'no place'}: "
            f"{people or 'no names'} ({_text(row.get('status')) or '-'})")


def _meeting_near_miss(gold_row, pred_row) -> str | None:
    """'no day predicted' or 'wrong date' (same article and place, the day missing or more than
    a day off) or 'wrong place' (same article, the day right, another place)."""
    if _norm(gold_row["doc_id"]) != _norm(pred_row["doc_id"]):
        return None
    gold_place = _norm(gold_row["location"])
    place_ok = not gold_place or gold_place == _norm(pred_row["location"])
    date_ok = _day_within(gold_row["date"], pred_row["date"])
    if place_ok and not date_ok:
        return "wrong date" if _norm(pred_row["date"]) else "no day predicted"
    if date_ok and not place_ok:
        return "wrong place"
    return None


def meeting_errors(gold: pd.DataFrame, pred: pd.DataFrame, texts: dict) -> list[ErrorItem]:
    """Missed and false meetings, near misses (wrong date, wrong place), and matched meetings
    whose participants differ (names missing and extra)."""
    gold, pred = conform(gold, "meetings"), conform(pred, "meetings")
    pairs, missed, alarms = match_meetings(gold, pred)
    items = []
    for i, j in pairs:
        g, p = gold.iloc[i], pred.iloc[j]
        missing = sorted(_people(g["participants"]) - _people(p["participants"]))
        extra = sorted(_people(p["participants"]) - _people(g["participants"]))
        if missing or extra:
            items.append(ErrorItem("meetings: participants differ", _text(g["doc_id"]),
                                   f"gold {_meeting_text(g)} | predicted {_meeting_text(p)}",
                                   [f"missing: {', '.join(missing) or '-'}; "
                                    f"extra: {', '.join(extra) or '-'}",
                                    f"predicted quote: {_quoted(p['quote'])}"]))
    items += _near_miss_items(
        "meetings", (gold, pred, missed, alarms), _meeting_near_miss, MEETING_KINDS,
        _meeting_text, lambda g, p: [f"gold quote: {_quoted(g['quote'])}",
                                     f"predicted quote: {_quoted(p['quote'])}"])
    for i in missed:
        g = gold.iloc[i]
        items.append(ErrorItem("meetings: missed", _text(g["doc_id"]), _meeting_text(g),
                               _gold_quote_lines(g, texts)))
    for j in alarms:
        p = pred.iloc[j]
        items.append(ErrorItem("meetings: false alarm", _text(p["doc_id"]), _meeting_text(p),
                               [f"quote: {_quoted(p['quote'])}"]))
    return items


def date_errors(dates: DateScore) -> list[ErrorItem]:
    """Undated articles dated more than 3 days off, left undated, or whose window misses."""
    items = []
    for row in dates.rows:
        window = ("no window" if row["window"] is None else
                  "window " + " .. ".join(str(d or "open") for d in row["window"]))
        details = [f"true {row['truth']}; predicted {row['predicted'] or '-'}; {window}",
                   f"evidence: {_quoted(row['evidence'], 300)}"]
        if row["predicted"] is None:
            items.append(ErrorItem("report dates: left undated", row["doc_id"],
                                   f"true {row['truth']}", details))
        elif abs(row["error_days"]) > 3:
            items.append(ErrorItem("report dates: more than 3 days off", row["doc_id"],
                                   f"{row['error_days']:+d} days", details))
        if row["holds"] is False:
            items.append(ErrorItem("report dates: window misses the truth", row["doc_id"],
                                   f"true {row['truth']}, {window}", details[1:]))
    return items


def _round_text(r: PredictedRound) -> str:
    days = "undated" if r.start is None else (
        f"{r.start}" if r.start == r.end else f"{r.start}..{r.end}")
    return f"{r.round_id} {days} {r.place or 'no place'} ({len(r.doc_ids)} articles)"


def _uncovered_round(gold_round: GoldRound, predicted: list[PredictedRound]) -> ErrorItem:
    holding = [r for r in predicted if set(r.doc_ids) & set(gold_round.doc_ids)]
    near = [r for r in predicted if r not in holding and r.start is not None
            and places_agree(gold_round.place, r.place)
            and abs((r.start - gold_round.start).days) <= 30]
    days = (f"{gold_round.start}" if gold_round.start == gold_round.end
            else f"{gold_round.start}..{gold_round.end}")
    return ErrorItem("rounds: gold round not covered", ", ".join(gold_round.doc_ids),
                     f"{days} {gold_round.place or 'no place'}",
                     [f"predicted rounds of these articles: "
                      f"{'; '.join(map(_round_text, holding)) or 'none'}",
                      f"other predicted rounds at the place within 30 days: "
                      f"{'; '.join(map(_round_text, near)) or 'none'}"])


def round_errors(rounds: RoundScore, gold_meetings: pd.DataFrame) -> list[ErrorItem]:
    """Gold rounds no predicted round covers (with the predicted rounds that hold their
    articles or share their place within 30 days), dated predicted rounds covering no gold
    round, and impure (round, article) pairs."""
    items = []
    for gold_round, covered in zip(rounds.gold, rounds.covered):
        if not covered:
            items.append(_uncovered_round(gold_round, rounds.predicted))
    for r, covering in zip(rounds.dated, rounds.covering):
        if not covering:
            items.append(ErrorItem("rounds: predicted round covers no gold round",
                                   ", ".join(r.doc_ids), _round_text(r),
                                   [f"participants: {r.participants or '-'}"]))
    by_doc = defaultdict(list)
    for _, row in gold_meetings.iterrows():
        by_doc[_text(row["doc_id"])].append(f"{_text(row['date']) or 'no day'} "
                                            f"{_text(row['location']) or 'no place'}")
    by_id = {r.round_id: r for r in rounds.predicted}
    for round_id, doc_id, pure in rounds.pairs:
        if not pure:
            items.append(ErrorItem("rounds: article not at the round's place and time", doc_id,
                                   _round_text(by_id[round_id]),
                                   [f"the article's gold meetings: "
                                    f"{'; '.join(by_doc[doc_id]) or 'none'}"]))
    return items


def error_items(scores: dict, texts: dict | None = None) -> list[ErrorItem]:
    """Every miss and false alarm of every table scored by `evaluate_dir`."""
    frames, texts = scores.get("tables", {}), texts or {}
    items = []
    if "figures" in frames:
        items += figure_errors(*frames["figures"], texts)
    if "report_dates" in scores:
        items += date_errors(scores["report_dates"])
    if "meetings" in frames:
        items += meeting_errors(*frames["meetings"], texts)
    if "rounds" in scores:
        items += round_errors(scores["rounds"], frames["rounds"][0])
    return items


def format_errors(scores: dict, texts: dict | None = None) -> str:
    """The `--errors` listing: every miss and false alarm grouped by kind, largest first
    within each table, each with its article, what differs, and the quotes behind it."""
    groups = defaultdict(list)
    for item in error_items(scores, texts):
        groups[item.kind].append(item)
    order = ([f"figures: {k}" for k in FIGURE_KINDS] + [f"report dates: {k}" for k in DATE_KINDS]
             + [f"meetings: {k}" for k in MEETING_KINDS] + [f"rounds: {k}" for k in ROUND_KINDS])
    lines = []
    for kind in sorted(groups, key=lambda k: order.index(k) if k in order else len(order)):
        lines += ["", f"== {kind} ({len(groups[kind])}) =="]
        for item in sorted(groups[kind], key=lambda it: (it.doc_id, it.what)):
            lines.append(f"  [{item.doc_id}] {item.what}")
            lines += [f"      {detail}" for detail in item.details]
    return "\n".join(lines).lstrip("\n") if lines else "no errors: every table matches its gold"


def article_texts(corpus_dir: str | Path | None) -> dict[str, str]:
    """doc_id -> text of a corpus folder (to show the sentence of a missed gold quote)."""
    if corpus_dir is None or not Path(corpus_dir).exists():
        return {}
    from analysis.corpus import load_corpus

    return {d.doc_id: d.text for d in load_corpus(corpus_dir).documents}


# --------------------------------------------------------------------------- evaluation sets

GOLD_FILES = ("documents.csv", "figures.csv", "meetings.csv")
NOT_SETS = {"incoming"}  # the drop folder of articles waiting for their gold: never scored
TABLE_MEASURES = [
    "figures_exact_p", "figures_exact_r", "figures_exact_f1", "figures_lenient_f1",
    "undated_within_1d", "undated_within_3d", "undated_within_7d", "undated_left_undated",
    "undated_window_holds_truth", "undated_max_error_days",
    "meetings_p", "meetings_r", "meetings_f1", "meetings_participants_f1",
    "rounds_recall", "rounds_precision", "rounds_purity",
]
# Diagnostic rows (docs/evaluation.md, "Where the meeting error comes from"): the meetings
# scored ignoring the day, and meetings and rounds once more with each article's gold report
# date given to the assembly (the same NLP results, from the cache). Not held to thresholds.
TRUE_DATES = "_true_dates"
TRUE_DATE_MEASURES = ["meetings_p", "meetings_r", "meetings_f1", "meetings_participants_f1",
                      "rounds_recall", "rounds_precision", "rounds_purity"]
DIAGNOSTIC_MEASURES = ["meetings_f1_any_date", "meetings_f1" + TRUE_DATES,
                       "rounds_recall" + TRUE_DATES, "rounds_precision" + TRUE_DATES,
                       "rounds_purity" + TRUE_DATES]
TABLE_MEASURES += DIAGNOSTIC_MEASURES

# the measures tests/test_eval_sets.py holds above a minimum (for these, higher is better)
THRESHOLD_MEASURES = [m for m in TABLE_MEASURES
                      if m not in ("undated_left_undated", "undated_max_error_days",
                                   *DIAGNOSTIC_MEASURES)]
THRESHOLD_MARGIN = 0.03


@dataclass(frozen=True)
class EvalSet:
    """An evaluation set: articles (`corpus`) and the folder of their gold CSVs (`gold`)."""

    name: str
    corpus: Path
    gold: Path


def is_set(folder: Path) -> bool:
    """A set folder holds `corpus/` and the gold documents.csv, figures.csv and meetings.csv."""
    return (folder / "corpus").is_dir() and all((folder / f).is_file() for f in GOLD_FILES)


def find_sets(folders, samples: str | Path | None = None, skip=()) -> list[EvalSet]:
    """The sets in `folders` (each a set, or a folder whose sub-folders are sets; `incoming`
    and the names in `skip` left out), then the bundled samples when `samples` is the data
    folder holding `corpus/` and `gold/`.

    >>> [s.name for s in find_sets(["data/eval"], "data", skip={"test", "dev"})]  # doctest: +SKIP
    ['realnews-40', 'samples']
    """
    sets = []
    for folder in map(Path, folders):
        if is_set(folder):
            candidates = [folder]
        elif folder.is_dir():
            candidates = [c for c in sorted(folder.iterdir())
                          if c.is_dir() and c.name not in NOT_SETS | set(skip) and is_set(c)]
        else:
            raise EvaluationError(f"folder not found: {folder}")
        sets += [EvalSet(c.name, c / "corpus", c) for c in candidates]
    if samples is not None:
        samples = Path(samples)
        if not (samples / "corpus").is_dir() or not (samples / "gold").is_dir():
            raise EvaluationError(f"{samples} holds no corpus/ and gold/ (the bundled samples)")
        sets.append(EvalSet("samples", samples / "corpus", samples / "gold"))
    names = [s.name for s in sets]
    if len(set(names)) != len(names):
        raise EvaluationError(f"two sets share a name: {', '.join(names)}")
    return sets


def extract_set(eval_set: EvalSet, out_dir: Path, **options):
    """Run the default extraction on a set's articles into `out_dir` and return its summary.

    The extractor is not told the true report dates: a `metadata.csv` in the set's corpus
    (which would pass dates to it) is refused. `options` go to `analysis.batch.run.run_extraction`
    (rules_only, model, workers, cache_dir, use_cache, ...).
    """
    from analysis.batch.run import run_extraction
    from analysis.corpus import METADATA_NAME

    if (eval_set.corpus / METADATA_NAME).exists():
        raise EvaluationError(f"{eval_set.corpus / METADATA_NAME} would give the extractor the "
                              "report dates it is scored on; move it out of the corpus")
    options.setdefault("progress", False)
    return run_extraction(eval_set.corpus, out_dir, **options)


def evaluate_sets(sets: list[EvalSet], out_dir: str | Path = "out/eval", log=None,
                  errors: bool = False, diagnose: bool = True, **options) -> dict[str, dict]:
    """Extract each set into `out_dir/<set name>` and score it: set name -> `summary` dict.

    `log`, when given, is called with one line per extraction (e.g. ``print``). With
    `errors`, the `--errors` listing of each set is written to `out_dir/<set name>/errors.txt`.
    With `diagnose`, each set is also extracted with its gold report dates into
    `out_dir/with-true-dates/<set name>` and scored (`true_dates_fields`).
    """
    results = {}
    with _shared_cache(options) as options:
        for eval_set in sets:
            pred_dir = Path(out_dir) / eval_set.name
            extraction = _extract_and_score(eval_set, pred_dir, errors, results, **options)
            if diagnose:
                true_dir = Path(out_dir) / TRUE_DATES_FOLDER / eval_set.name
                results[eval_set.name].update(
                    true_dates_fields(eval_set, true_dir, errors=errors, **options))
            if log is not None:
                log(f"{eval_set.name}: {extraction}"
                    + (f"; errors in {pred_dir / 'errors.txt'}" if errors else ""))
    return results


def _extract_and_score(eval_set: EvalSet, pred_dir: Path, errors: bool, results: dict,
                       **options):
    """Extract one set into `pred_dir`, put its `summary` in `results` (and its errors.txt
    beside the tables); the extraction's summary."""
    (pred_dir / "errors.txt").unlink(missing_ok=True)  # an earlier run's: extract refuses it
    extraction = extract_set(eval_set, pred_dir, **options)
    scores = evaluate_dir(eval_set.gold, pred_dir)
    results[eval_set.name] = summary(scores)
    if errors:
        (pred_dir / "errors.txt").write_text(
            format_errors(scores, article_texts(eval_set.corpus)) + "\n", encoding="utf-8")
    return extraction


TRUE_DATES_FOLDER = "with-true-dates"  # under --out: each set extracted with its gold dates


@contextmanager
def _shared_cache(options: dict):
    """The options both extractions of a set run with. Without the cache (`use_cache`
    false) they share a fresh temporary one, so the NLP runs once and no earlier result is
    read: the tables are the same as without a cache."""
    if options.get("use_cache", True):
        yield options
        return
    with tempfile.TemporaryDirectory(prefix="evaluate-cache-") as folder:
        # the run with true dates keeps its own cache beside this one: inside the folder too
        yield {**options, "use_cache": True, "cache_dir": Path(folder) / "cache"}


def _true_dates_cache(eval_set: EvalSet, options: dict) -> dict:
    """The options of the run with true dates: its own cache folder beside the cache
    (`<cache>-true-dates`), given the set's NLP results from the cache when it lacks them.
    Each result keeps the table rows of its last run (analysis.batch.table_cache); sharing
    the cache, the two runs would overwrite each other's rows and both assemble every
    article anew each time."""
    from analysis.batch.cache import ResultCache, default_cache_dir, text_key
    from analysis.corpus import load_corpus
    from analysis.nlp import pipeline_version

    if not options.get("use_cache", True):
        return options
    root = Path(options.get("cache_dir") or default_cache_dir())
    own_root = root.with_name(root.name + "-true-dates")
    version = pipeline_version(options.get("model"), options.get("rules_only", False))
    keys = {text_key(d.text) for d in load_corpus(eval_set.corpus).documents}
    own = ResultCache(own_root, version)
    missing = keys - set(own.get_many(keys))
    if missing:
        own.put_many(ResultCache(root, version).get_many(missing))
    return {**options, "cache_dir": own_root}


def gold_report_dates(gold_dir: Path, metadata_csv: Path) -> Path:
    """Write the gold report date of every article of `gold_dir` as a metadata CSV (doc_id,
    date) that `extract --metadata` reads; returns its path."""
    gold = read_table(Path(gold_dir) / "documents.csv", "gold_documents")
    dated = gold[gold["report_date"].map(_text) != ""]
    pd.DataFrame({"doc_id": dated["doc_id"], "date": dated["report_date"]}).to_csv(
        metadata_csv, index=False)
    return metadata_csv


def true_dates_fields(eval_set: EvalSet, out_dir: Path, errors: bool = False,
                      **options) -> dict:
    """A diagnostic: the set extracted once more with each article's gold report date given
    to the assembly (as a metadata file would give it; the NLP results come from the cache),
    and its meetings and rounds scored. The fields are those of TRUE_DATE_MEASURES with the
    suffix `_true_dates`; the gap between `meetings_f1` and `meetings_f1_true_dates` is the
    part of the meeting error that comes from the inferred report dates."""
    if not (Path(eval_set.gold) / "documents.csv").is_file():
        return {}
    (out_dir / "errors.txt").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="true-dates-") as folder:
        metadata = gold_report_dates(eval_set.gold, Path(folder) / "gold_dates.csv")
        extract_set(eval_set, out_dir, metadata=metadata,
                    **_true_dates_cache(eval_set, options))
    scores = evaluate_dir(eval_set.gold, out_dir)
    if errors:
        (out_dir / "errors.txt").write_text(
            format_errors(scores, article_texts(eval_set.corpus)) + "\n", encoding="utf-8")
    fields = summary(scores)
    return {name + TRUE_DATES: fields.get(name) for name in TRUE_DATE_MEASURES}


def sets_table(results: dict[str, dict], measures: list[str] = TABLE_MEASURES) -> pd.DataFrame:
    """One row per measure, one column per set (None where a set cannot be measured)."""
    return pd.DataFrame({name: pd.Series([scores.get(m) for m in measures], dtype=object)
                         for name, scores in results.items()}).set_axis(measures)


def format_sets_table(table: pd.DataFrame) -> str:
    """The table `make evaluate` prints: shares with 3 decimals, counts as integers, "-" when
    not measurable."""
    def cell(value) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return "-"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    shown = table.astype(object).apply(lambda column: column.map(cell))
    shown.index.name = "measure"
    return shown.to_string()


def skip_from_env(variable: str = "HOSTAGE_TALKS_EVAL_SKIP") -> set[str]:
    """Set names to leave out, from a comma-separated environment variable (for whoever must
    not see the scores of a held-out set, e.g. ``HOSTAGE_TALKS_EVAL_SKIP=test``)."""
    return {name.strip() for name in os.environ.get(variable, "").split(",") if name.strip()}


def threshold_rows(results: dict[str, dict], margin: float = THRESHOLD_MARGIN) -> pd.DataFrame:
    """Rows for data/eval/thresholds.csv (set, measure, minimum): each measure's current value
    less `margin`, rounded down to 0.01 and not below 0 (what `evaluate --sets ...
    --print-thresholds` prints).

    >>> threshold_rows({"dev": {"figures_exact_f1": 0.7346, "rounds_recall": None}}).values
    array([['dev', 'figures_exact_f1', 0.7]], dtype=object)
    """
    rows = [(name, measure, max(0.0, math.floor(round((value - margin) * 100, 6)) / 100))
            for name, scores in results.items() for measure in THRESHOLD_MEASURES
            if (value := scores.get(measure)) is not None]
    return pd.DataFrame(rows, columns=["set", "measure", "minimum"])
