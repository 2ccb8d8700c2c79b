# Pelayan: `make run` serves the demo, `make test` runs every test. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Local commands need no secret; production sets PELAYAN_SECRET_KEY (docs/configuration.md).
# The test suite sets its own environment (config/settings_test.py).
export PELAYAN_ENV ?= development

.PHONY: run test setup lint check migrate seed bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

migrate: setup
	$(BIN)/pelayan migrate --noinput

seed: migrate
	$(BIN)/pelayan seed-demo

run: seed
	PELAYAN_DEBUG=1 $(BIN)/pelayan runserver $(HOST):$(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: setup
	$(BIN)/pelayan makemigrations --check --dry-run
	$(BIN)/pelayan check

test: setup
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/bench_due.py
	$(BIN)/python bench/bench_import.py

clean:
	rm -rf $(VENV) var/static
