"""`python -m analysis` runs the command-line interface."""

from analysis.rules import pattern_store

pattern_store.install()   # (before the rules are imported: their patterns come from the store)

from analysis.cli import main  # noqa: E402

raise SystemExit(main())
