"""Report-date inference for undated articles (issue: dates and the official record)."""

from __future__ import annotations


def infer_report_dates(table, documents, results):
    """Return (documents table, documents) with inferred dates filled in where possible."""
    return table, documents
