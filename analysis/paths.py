"""Where things are: the one module that knows the package's and the repository's folders.

>>> LEXICON_DIR.relative_to(PACKAGE_DIR).as_posix()
'rules/data'
>>> REFERENCE_DIR.relative_to(REPO_ROOT).as_posix()
'data/reference'
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent

# The rules' data: word lists, aliases, places, offices and the war's timeline (part of the
# pipeline version, like the code in analysis/rules/).
LEXICON_DIR = PACKAGE_DIR / "rules" / "data"
# Word lists only the presentation uses (place aliases and photo-credit words for the counts
# of most-mentioned names); outside the pipeline version.
PRESENT_DATA_DIR = PACKAGE_DIR / "present" / "data"

# The repository's data: bundled corpus, gold annotations and the reference series.
DATA_DIR = REPO_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
REFERENCE_ROUNDS = REFERENCE_DIR / "negotiation_rounds.csv"

NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
