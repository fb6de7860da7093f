# Two commands matter: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test venv migrate seed run worker lint format bench bench-lcp scale messages clean

$(PY):
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

migrate: venv
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py seed_demo

## make demo: install, migrate, load demo data, serve http://127.0.0.1:8000 (SQLite, tasks in-process)
demo: seed
	@echo "Serving the portal at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

## make test: the whole suite; uses DATABASE_URL / REDIS_URL when set
test: venv
	$(BIN)/pytest $(PYTEST_ARGS)

## make worker: Celery worker with the beat schedule, against REDIS_URL
worker: venv
	@test -n "$$REDIS_URL" || (echo "Set REDIS_URL, e.g. redis://127.0.0.1:6379/0"; exit 1)
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/celery -A portal worker --beat --loglevel=INFO --concurrency=2

## make lint: ruff, and the import contracts of pyproject.toml ([tool.importlinter])
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: query counts, server time and bytes of the key pages at two data sizes
bench: venv
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m bench $(BENCH_ARGS)

## make bench-lcp: page weight and LCP at 360 px on a 400 kbit/s, 400 ms RTT link, against a running `make demo`
bench-lcp: venv
	$(PY) -m bench.lcp $(BENCH_ARGS)

messages: venv
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py makemessages -l id -l en --ignore=.venv --ignore=staticfiles
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
