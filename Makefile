# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILT := $(VENV)/.compiled
# the modules setup.py compiles with mypyc (its TERKOMPILASI list)
COMPILED := $(shell sed -n 's/^    "\(iki_xl\/[a-z_/]*\.py\)",$$/\1/p' setup.py)

.PHONY: demo test lint install build template docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=77'
	IKI_XL_MURNI=1 $(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# compile the hot modules in place with mypyc (about a minute); again whenever one changes
$(BUILT): $(STAMP) setup.py mypyc.ini $(COMPILED)
	$(BIN)/python setup.py --quiet build_ext --inplace
	touch $(BUILT)

build: $(BUILT)

demo: $(BUILT)
	$(BIN)/iki-xl demo

lint: $(STAMP)
	$(BIN)/ruff check iki_xl tests benchmarks setup.py
	$(BIN)/ruff format --check iki_xl tests benchmarks setup.py
	$(BIN)/mypy iki_xl/core

# the whole suite on the compiled build, then again on the pure-Python sources
test: lint build
	$(BIN)/pytest -n 2 --dist loadfile
	IKI_XL_MURNI=1 $(BIN)/pytest -n 2 --dist loadfile

template: $(STAMP)
	$(BIN)/iki-xl build-template

docs: $(STAMP)
	$(BIN)/iki-xl rules --format markdown -o docs/rules.md

bench: $(BUILT)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) out build .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find iki_xl -name '*.so' -delete
