"""Merge meetings across articles into rounds (issue: negotiation rounds)."""

from __future__ import annotations

from analysis import tables


def merge_rounds(meetings, documents, results):
    return tables.empty("rounds")
