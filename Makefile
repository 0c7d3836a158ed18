PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench devscore clean

$(BIN)/partyx: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dask]'
	touch $(BIN)/partyx

run: $(BIN)/partyx
	$(BIN)/partyx extract seeds/ -o partyx-out/records.jsonl
	$(BIN)/partyx stats partyx-out/records.jsonl

test: $(BIN)/partyx
	$(BIN)/ruff check .
	$(BIN)/mypy partyx
	$(BIN)/python -m pytest

bench: $(BIN)/partyx
	$(BIN)/python bench/run.py

devscore: $(BIN)/partyx
	$(BIN)/python bench/devscore.py

clean:
	rm -rf $(VENV) partyx-out .pytest_cache .ruff_cache
