"""The rules: pure functions over text (numbers, dates, figures, actors, places, the war's
timeline) and their word lists in ``rules/data/``. No spaCy pipeline is built here; the
components in :mod:`analysis.components` call these rules. Part of the pipeline version."""
