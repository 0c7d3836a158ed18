PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench devscore clean

# The package alone (what `make run` needs), editable: the checkout's code is what runs.
$(BIN)/partyx: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(BIN)/partyx

# The test tools (pytest, hypothesis, ruff, mypy, jsonschema) and the optional extras the tests
# cover (dask, parquet), added to the same environment.
$(VENV)/.test-tools: $(BIN)/partyx pyproject.toml
	$(BIN)/pip install -q -e '.[test,dask,parquet]'
	touch $@

run: $(BIN)/partyx
	$(BIN)/partyx extract seeds/ -o partyx-out/records.jsonl
	$(BIN)/partyx stats partyx-out/records.jsonl

test: $(VENV)/.test-tools
	$(BIN)/ruff check .
	$(BIN)/mypy partyx
	$(BIN)/python -m pytest

bench: $(VENV)/.test-tools
	$(BIN)/python bench/run.py

devscore: $(BIN)/partyx
	$(BIN)/python bench/devscore.py

clean:
	rm -rf $(VENV) partyx-out .pytest_cache .ruff_cache
