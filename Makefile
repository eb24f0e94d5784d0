# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install template docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/iki-xl demo

lint: $(STAMP)
	$(BIN)/ruff check iki_xl tests benchmarks tools
	$(BIN)/ruff format --check iki_xl tests benchmarks tools
	$(BIN)/mypy iki_xl/core

test: lint
	$(BIN)/pytest -n 2 --dist loadfile

template: $(STAMP)
	$(BIN)/iki-xl build-template

docs: $(STAMP)
	$(BIN)/iki-xl rules --format markdown -o docs/rules.md

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) out build .pytest_cache .mypy_cache .ruff_cache .hypothesis
