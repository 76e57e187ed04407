"""Hostage-talks: news reports on the Gaza hostage and ceasefire talks as traceable tables.

Main entry points:

- :func:`analysis.corpus.load_corpus` -> documents and the documents table
- :func:`analysis.nlp.build_pipeline` -> the one spaCy pipeline
- :func:`analysis.assemble.tables.extract_corpus` -> figures, meetings, rounds, comparison tables
"""

__version__ = "0.1.0"
