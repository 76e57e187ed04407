"""`python -m analysis` runs the command-line interface."""

import gc

from analysis.rules import pattern_store

# Start-up makes hundreds of thousands of objects that live as long as the process (modules,
# word lists, the pipeline): with Python's default threshold (700) the garbage collector ran
# about 300 times over them before the first article (0.16 s of CPU); once the pipeline is
# built they are frozen out of its reach (analysis.batch.parallel). Collections stay frequent
# enough that cyclic garbage never holds more than a few megabytes.
gc.set_threshold(20_000, 20, 20)
pattern_store.install()   # (before the rules are imported: their patterns come from the store)

from analysis.cli import main  # noqa: E402

raise SystemExit(main())
