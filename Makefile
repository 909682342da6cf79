# unioncore — two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# installs again whenever pyproject.toml changes (new dependency or plugin entry point)
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/unioncore tui examples/workspace

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q
	$(MAKE) lint typecheck

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tui plugins tests examples/bookcorner bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# speed at district scale (issue 8): prints a table and writes .bench/latest.json
bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py
