# The README's two commands live here so they stay true: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLES := resources/samples

.PHONY: setup demo test lint bench clean

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/activate

setup: $(BIN)/activate

demo: setup
	$(BIN)/diffviewer compare $(SAMPLES)/original.txt $(SAMPLES)/syndicated-rewrite.txt --format text

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check diffviewer tests benchmarks
	$(BIN)/mypy diffviewer

bench: setup
	$(BIN)/python benchmarks/alignment.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache
