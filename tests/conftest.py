"""Shared fixtures: paths to the bundled data and the pipelines (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CORPUS = DATA / "corpus"
GOLD = DATA / "gold"


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline with the statistical English model."""
    from analysis.nlp import cached_pipeline

    return cached_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():
    """The rule-only pipeline on spacy.blank('en')."""
    from analysis.nlp import cached_pipeline

    return cached_pipeline(rules_only=True)
