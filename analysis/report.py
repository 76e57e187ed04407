"""Render the report (issue: notebooks and papermill report)."""

from __future__ import annotations

from pathlib import Path


def render_report(corpus, out, start=None, end=None, no_input=False, model="en_core_web_sm",
                  timeout=600, kernel="python3") -> int:
    from analysis.run import run_extraction

    print(run_extraction(corpus, Path(out) / "tables", model=model))
    return 0
