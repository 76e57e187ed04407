"""How good the extraction is, for the report's front page: the scores measured on real
articles annotated by hand, as ranges over the evaluation sets.

The scores are data, `analysis/present/data/extraction_quality.csv`: one row per evaluation
set (`kind` `held_out`: sets never read while the rules were written; `development`: the sets
they were written from), copied from the score tables of the README and data/eval/README.md
(`python -m analysis evaluate`). `tests/test_report.py` holds each value against its set's
floor in data/eval/thresholds.csv, so a new round's scores cannot be left out of the page.

>>> rows, note = quality_rows()
>>> rows[0][0]
'Figures (number, what, of whom, bound all right)'
"""

from __future__ import annotations

import csv
import functools

from analysis.paths import PRESENT_DATA_DIR

QUALITY_FILE = PRESENT_DATA_DIR / "extraction_quality.csv"
KINDS = ("held_out", "development")
PERCENT = "\u00a0%"  # a no-break space: '76–91' and its '%' never on two lines


@functools.cache
def quality_table() -> tuple[dict, ...]:
    """extraction_quality.csv as rows of text (one per evaluation set)."""
    with QUALITY_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def percent_range(rows, measure: str) -> str:
    """'81–90 %' over the rows that give `measure` ('' when none does); one value alone
    is '93 %' (a no-break space before the %).

    >>> percent_range([{"m": "0.805"}, {"m": "0.896"}, {"m": ""}], "m")
    '81–90\xa0%'
    >>> percent_range([{"m": "0.93"}], "m")
    '93\xa0%'
    """
    values = sorted(int(float(row[measure]) * 100 + 0.5 + 1e-9) for row in rows
                    if row.get(measure))
    if not values:
        return ""
    if values[0] == values[-1]:
        return f"{values[0]}{PERCENT}"
    return f"{values[0]}–{values[-1]}{PERCENT}"


def _cells(rows) -> list[str]:
    """The four measures' cells for one kind of set, in the order of MEASURES."""
    figures = percent_range(rows, "figures_exact_f1") + " F1"
    right, found = (percent_range(rows, m) for m in ("figures_exact_p", "figures_exact_r"))
    if right and found:
        figures += f"; {right} of the figures shown right, {found} of those stated found"
    dated = percent_range(rows, "undated_within_3d")
    undated = percent_range(rows, "undated_left_undated")
    if undated:
        dated += f"; {undated} left undated (a window given)"
    rounds = (f"{percent_range(rows, 'rounds_recall')} of the known rounds found; "
              f"{percent_range(rows, 'rounds_precision')} of those found real")
    return [figures, dated, percent_range(rows, "meetings_f1") + " F1", rounds]


MEASURES = (
    "Figures (number, what, of whom, bound all right)",
    "Undated articles dated within 3 days",
    "Meetings (place and day right)",
    "Rounds of talks",
)


def quality_rows() -> tuple[list[tuple[str, str, str]], str]:
    """([(measure, on held-out sets, on development sets)], the sentence saying what was
    measured on how many articles, and when)."""
    table = quality_table()
    by_kind = {kind: [row for row in table if row["kind"] == kind] for kind in KINDS}
    cells = {kind: _cells(rows) for kind, rows in by_kind.items()}
    rows = [(measure, cells["held_out"][i], cells["development"][i])
            for i, measure in enumerate(MEASURES)]
    count = {kind: sum(int(row["articles"]) for row in rows_) for kind, rows_ in by_kind.items()}
    sets = {kind: len(rows_) for kind, rows_ in by_kind.items()}
    when = max(row["measured"] for row in table)
    note = (f"Measured with <code>python -m analysis evaluate</code> on real news reports "
            f"annotated by hand (October 2023 to January 2026): {count['held_out']:,} "
            f"articles in {sets['held_out']} sets never read while the rules were written, "
            f"and {count['development']:,} in {sets['development']} sets they were written "
            f"from; ranges over the sets, scores of {when}. Read a number's sentence before "
            f"quoting it.")
    return rows, note


def trust_sentence(topic: str) -> str:
    """One sentence for a page's opening, so that a reader sent a page without the index knows
    how far to trust it: the held-out scores of `topic` ('figures', 'dates' or 'rounds').

    >>> trust_sentence("figures").startswith("How far to trust these figures: on news the rules")
    True
    """
    held = [row for row in quality_table() if row["kind"] == "held_out"]

    def share(measure):
        return percent_range(held, measure)

    where = f"on news the rules never saw ({len(held)} hand-annotated sets)"
    if topic == "figures":
        return (f"How far to trust these figures: {where}, {share('figures_exact_p')} of the "
                f"figures found were right in every part (number, what it counts, of whom, its "
                f"bound) and {share('figures_exact_r')} of those the articles state were found; "
                f"read a figure's sentence before quoting it.")
    if topic == "dates":
        return (f"How far to trust the inferred dates: {where}, {share('undated_within_3d')} "
                f"of the undated articles were dated within 3 days of their true date and "
                f"{share('undated_left_undated')} were left undated.")
    if topic == "rounds":
        return (f"How far to trust these rounds: {where}, meetings were found at the right "
                f"place and day with an F1 of {share('meetings_f1')}; {share('rounds_recall')} "
                f"of the known rounds were found, and {share('rounds_precision')} of the dated "
                f"rounds found were real.")
    raise ValueError(f"no scores for {topic!r}: 'figures', 'dates' or 'rounds'")
