"""The diagnostic rows of `evaluate --sets`: where the meeting error comes from.

`meetings_f1_any_date` scores the meetings as if no gold meeting had a day;
`meetings_f1_true_dates` and `rounds_*_true_dates` score a second extraction of the set whose
assembly is given each article's gold report date. Neither changes the DESIGN.md rows.
"""

from __future__ import annotations

import pandas as pd

from analysis.evaluate import (
    DIAGNOSTIC_MEASURES,
    THRESHOLD_MEASURES,
    TRUE_DATES_FOLDER,
    evaluate_sets,
    find_sets,
    score_meetings,
    score_meetings_any_date,
)

MEETING_COLUMNS = ["doc_id", "date", "location", "participants"]


def frame(rows, columns):
    return pd.DataFrame(rows, columns=columns, dtype=str)


def test_any_date_forgives_the_day_but_not_the_place_or_the_article():
    gold = frame([("a", "2024-01-30", "Doha", "William Burns"),
                  ("a", "2024-02-13", "Cairo", ""),
                  ("b", "2024-03-03", "Cairo", "")], MEETING_COLUMNS)
    pred = frame([("a", "2024-01-23", "Doha", "William Burns"),  # a week off: the day alone
                  ("a", "", "Cairo", ""),  # no day: the day alone
                  ("b", "2024-03-03", "Paris", "")], MEETING_COLUMNS)  # another place
    strict = score_meetings(gold, pred)[0]
    assert (strict.tp, strict.fp, strict.fn) == (0, 3, 3)
    any_date = score_meetings_any_date(gold, pred)
    assert (any_date.tp, any_date.fp, any_date.fn) == (2, 1, 1)


def tiny_meeting_set(folder):
    """An undated article reporting a meeting 'on Tuesday': its day follows the report date."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "two.txt").write_text(
        "CIA director William Burns met Qatari Prime Minister Mohammed bin Abdulrahman Al Thani "
        "in Doha on Tuesday to discuss a hostage deal, officials said.\n", encoding="utf-8")
    frame([("two", "2024-01-31", "false")], ["doc_id", "report_date", "dated_in_text"]).to_csv(
        folder / "documents.csv", index=False)
    frame([], ["doc_id", "metric", "population", "value", "qualifier"]).to_csv(
        folder / "figures.csv", index=False)
    frame([("two", "2024-01-30", "Doha", "William Burns;Mohammed bin Abdulrahman Al Thani")],
          MEETING_COLUMNS).to_csv(folder / "meetings.csv", index=False)
    return folder


def test_true_dates_run_gives_the_gold_report_date_to_the_assembly(tmp_path):
    tiny_meeting_set(tmp_path / "sets" / "tiny")
    sets = find_sets([tmp_path / "sets"])
    out = tmp_path / "out"
    results = evaluate_sets(sets, out, rules_only=True, use_cache=False, workers=1)
    scores = results["tiny"]
    # the article gives no date: its meeting's Tuesday cannot be the gold one
    assert scores["meetings_f1"] == 0.0
    assert scores["meetings_f1_any_date"] == 1.0
    # given the gold report date (Wednesday 31 January 2024), 'on Tuesday' is the 30th
    assert scores["meetings_f1_true_dates"] == 1.0
    assert scores["rounds_recall_true_dates"] == 1.0
    documents = pd.read_csv(out / TRUE_DATES_FOLDER / "tiny" / "documents.csv", dtype=str)
    assert documents.loc[0, "report_date"] == "2024-01-31"
    assert documents.loc[0, "date_source"] == "metadata"
    # the set's own tables are those of a run without the diagnosis
    plain = evaluate_sets(sets, tmp_path / "plain", rules_only=True, use_cache=False,
                          workers=1, diagnose=False)["tiny"]
    assert plain == {k: v for k, v in scores.items() if not k.endswith("_true_dates")}
    for name in ("meetings", "rounds", "documents"):
        assert ((out / "tiny" / f"{name}.csv").read_bytes()
                == (tmp_path / "plain" / "tiny" / f"{name}.csv").read_bytes())


def test_a_second_run_into_the_same_folder_with_errors_works(tmp_path):
    tiny_meeting_set(tmp_path / "sets" / "tiny")
    sets = find_sets([tmp_path / "sets"])
    for _ in range(2):
        evaluate_sets(sets, tmp_path / "out", errors=True, rules_only=True, use_cache=False,
                      workers=1)
    assert (tmp_path / "out" / "tiny" / "errors.txt").is_file()
    assert (tmp_path / "out" / TRUE_DATES_FOLDER / "tiny" / "errors.txt").is_file()


def test_diagnostic_rows_hold_no_threshold():
    assert not set(DIAGNOSTIC_MEASURES) & set(THRESHOLD_MEASURES)
