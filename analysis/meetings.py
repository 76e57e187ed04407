"""Meetings table from per-document results (issue: negotiation rounds)."""

from __future__ import annotations

from analysis import tables


def meetings_table(documents, results):
    return tables.empty("meetings")
