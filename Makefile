# Two entry points (see README):
#   make run   set up, then extract the bundled corpus into outputs/ctg.duckdb
#   make test  set up, then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup dev-setup run test corpus quality bench clean

setup: $(VENV)/.installed
	@./scripts/system-deps.sh

# The tests also render the real development set as users' files (Chromium, LibreOffice).
dev-setup: $(VENV)/.installed
	@./scripts/system-deps.sh --dev

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

run: setup
	$(BIN)/ctg run corpus --db outputs/ctg.duckdb
	$(BIN)/ctg eval corpus/gold --db outputs/ctg.duckdb

test: dev-setup
	$(BIN)/pytest -q

corpus: setup
	$(BIN)/python corpus/build.py

# Extraction quality on the real development split and the hand-written sets, one table.
quality: dev-setup
	$(BIN)/python bench/quality.py --sets dev,corpus,heldout,blind

clean:
	rm -rf $(VENV) outputs/*.duckdb outputs/*.wal
