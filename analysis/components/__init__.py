"""The spaCy factories the pipeline adds (`date_finder`, `figure_finder`, `meeting_finder`),
each declaring what it ``assigns`` and calling the rules of :mod:`analysis.rules`; built into a
pipeline only by :func:`analysis.nlp.build_pipeline`. Part of the pipeline version."""
