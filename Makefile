# Two entry points (see README):
#   make run   set up, then extract the bundled corpus into outputs/ctg.duckdb
#   make test  set up, then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run test corpus bench clean

setup: $(VENV)/.installed
	@./scripts/system-deps.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

run: setup
	$(BIN)/ctg run corpus --db outputs/ctg.duckdb
	$(BIN)/ctg eval corpus/gold --db outputs/ctg.duckdb

test: setup
	$(BIN)/pytest -q

corpus: setup
	$(BIN)/python corpus/build.py

clean:
	rm -rf $(VENV) outputs/*.duckdb outputs/*.wal
