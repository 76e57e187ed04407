"""Run the extraction for the command line and the report: corpus in, CSV tables out.

>>> run_extraction("data/corpus", "out/tables")      # doctest: +SKIP
'5 documents (5 ok, 0 rejected, 0 duplicate) -> out/tables: ...'
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.extract import extract_corpus


def run_extraction(corpus_path, out_dir, *, metadata=None, model="en_core_web_sm",
                   rules_only=False, workers=0, batch_size=32, cache_dir=None, use_cache=True,
                   backend="local", scheduler=None, progress=True) -> str:
    """Load the corpus, extract every table and write them into `out_dir`; returns a summary."""
    corpus = load_corpus(corpus_path, metadata=metadata)
    nlp = None
    if corpus.documents:
        from analysis.nlp import cached_pipeline

        nlp = cached_pipeline(model, rules_only)
    tables = extract_corpus(corpus, nlp=nlp, results=None if corpus.documents else {})
    paths = tables.write(out_dir)
    status = corpus.table["status"].value_counts()
    return (f"{len(corpus.table)} documents ({status.get('ok', 0)} ok, "
            f"{status.get('rejected', 0)} rejected, {status.get('duplicate', 0)} duplicate) -> "
            f"{Path(out_dir)}: " + ", ".join(p.name for p in paths))
