"""Official series and the comparison of figures with them (issue: dates and reference)."""

from __future__ import annotations

from analysis import tables


def compare_figures(figures):
    return tables.empty("figures_vs_reference")
