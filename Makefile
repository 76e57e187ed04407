# Hostage-talks notebook suite. `make` (or `make help`) lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= data/corpus
OUT    ?= reports/latest
EVAL_ARGS ?=
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup report extract evaluate test test-fast lint lab bench plausibility clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip "setuptools>=70.1"
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m ipykernel install --sys-prefix --name hostage-talks --display-name "Python (hostage-talks)" >/dev/null
	# a git filter that strips notebook outputs on `git add`, so a saved run never gets committed
	if git rev-parse --git-dir >/dev/null 2>&1; then $(VENV)/bin/nbstripout --install; fi
	touch $@

setup: $(VENV)/.installed ## Create .venv and install the suite, the English model and dev tools

report: setup ## Render the full report on the bundled corpus into reports/latest
	$(PY) -m analysis report --corpus $(CORPUS) --out $(OUT)

extract: setup ## Write the tables for CORPUS into out/tables
	$(PY) -m analysis extract $(CORPUS) --out out/tables

evaluate: setup ## Extract and score every set in data/eval/ and the samples: one table (EVAL_ARGS="--model en_core_web_sm")
	$(PY) -m analysis evaluate --sets data/eval --samples --out out/eval $(EVAL_ARGS)

test: setup ## Run the whole test suite (what CI runs)
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: setup ## Run the tests not marked `model` or `slow` on every core (quick feedback; PYTEST_ARGS="-n 0" for one process)
	$(PY) -m pytest -m "not model and not slow" -n auto $(PYTEST_ARGS)

lint: setup ## Lint with ruff
	$(PY) -m ruff check analysis tests bench docs

lab: setup ## Open JupyterLab with the project's kernel
	$(VENV)/bin/jupyter lab notebooks/

bench: setup ## Print speed and memory figures
	$(PY) bench/benchmark.py

plausibility: setup ## Measure the learned plausibility filter of figure rows (docs/plausibility.md; not wired in)
	$(PY) bench/plausibility.py --out out/plausibility

clean: ## Remove generated reports, tables and caches (keeps .venv)
	rm -rf reports out .cache .pytest_cache .ruff_cache
