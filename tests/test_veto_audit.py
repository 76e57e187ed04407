"""bench/veto_audit.py: each veto's drops counted, and a dropped gold row reported."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def veto_audit():
    spec = importlib.util.spec_from_file_location("veto_audit", ROOT / "bench" / "veto_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_set(folder: Path, text: str, gold_rows: list[str]) -> Path:
    (folder / "corpus").mkdir(parents=True)
    (folder / "corpus" / "a1.txt").write_text(text, encoding="utf-8")
    (folder / "figures.csv").write_text(
        "doc_id,metric,population,value,qualifier,quote\n" + "".join(
            f"a1,{row},q\n" for row in gold_rows), encoding="utf-8")
    return folder


TEXT = ("The ministry said more than 159,000 Palestinians have been martyred or injured "
        "since the war began.")


def test_a_veto_that_drops_a_false_alarm_is_counted(veto_audit, tmp_path):
    """"martyred or injured" is neither toll: `_combined_toll` drops it, alone, and no gold
    row is lost."""
    tally, dropped = veto_audit.audit([_write_set(tmp_path / "s", TEXT, [])])
    assert tally["_combined_toll"] == [1, 0, 0]
    assert dropped == []


def test_a_gold_row_a_veto_drops_is_listed(veto_audit, tmp_path):
    """Had the gold counted it as killed, the audit lists the row the veto threw away."""
    tally, dropped = veto_audit.audit([_write_set(
        tmp_path / "s", TEXT, ["killed,palestinian,159000,lower_bound"])])
    assert tally["_combined_toll"] == [1, 1, 0]
    assert dropped == [("s", "a1", "_combined_toll",
                        ("killed", "palestinian", "159000", "lower_bound"))]


def test_the_table_names_every_veto(veto_audit, tmp_path, capsys):
    veto_audit.main([str(_write_set(tmp_path / "s", TEXT, []))])
    table = capsys.readouterr().out
    from analysis.rules.figures.vetoes import _METRIC_VETOES
    assert all(f"`{v.__name__}`" in table for v in _METRIC_VETOES)
    assert "| `_combined_toll` | 1 | 0 | 0 |" in table
