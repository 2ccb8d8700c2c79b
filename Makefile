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
	$(BIN)/pelayan signing init-demo

# The demo runs with DEBUG off, like production: the site's own 404/500 pages and no uploaded file
# served under /media/. `PELAYAN_DEBUG=1 make run` shows Django's debug pages for a crash.
# The worker runs beside the server and is stopped (SIGTERM: it finishes the task in hand) when the
# server stops, however it stops.
run: seed
	@$(BIN)/pelayan worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/pelayan runserver $(HOST):$(PORT)

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
	$(BIN)/python bench/bench_cases.py
	$(BIN)/python bench/bench_sla_sweep.py
	$(BIN)/python bench/bench_import_abuse.py
	@echo "PostgreSQL only: DATABASE_URL=... $(BIN)/python bench/bench_skm_report.py (docs/evaluation.md)"

clean:
	rm -rf $(VENV) var/static
