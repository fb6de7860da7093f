# Two commands matter: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Production settings over plain HTTP on this machine (secure cookies and the HTTPS redirect need TLS in front).
PRODENV = DJANGO_SETTINGS_MODULE=portal.settings.production SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	SECURE_COOKIES=$${SECURE_COOKIES:-false} SECURE_HSTS_SECONDS=$${SECURE_HSTS_SECONDS:-0}

.PHONY: demo test venv migrate seed run worker serve load lint format bench bench-lcp scale messages clean

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

## make serve: the production server (gunicorn, production settings) against DATABASE_URL and REDIS_URL, on
## plain HTTP at $(HOST):$(PORT) (behind TLS in a real deployment: see README "Production" and deploy/)
serve: venv
	@test -n "$$DATABASE_URL" || (echo "Set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/walesi"; exit 1)
	@test -n "$$REDIS_URL" || (echo "Set REDIS_URL, e.g. redis://127.0.0.1:6379/0"; exit 1)
	@test -n "$$SECRET_KEY" || (echo "Set SECRET_KEY (50+ random characters)"; exit 1)
	$(PRODENV) $(PY) manage.py migrate --noinput
	$(PRODENV) $(PY) manage.py collectstatic --noinput -v 0
	$(PRODENV) GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn --config deploy/gunicorn.conf.py portal.wsgi

## make load: Locust drives 100 signed-in learners against the production server on PostgreSQL + Redis with scale data
load: venv $(VENV)/.load-installed
	$(PY) -m bench.load $(LOAD_ARGS)

$(VENV)/.load-installed: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev,load]"
	touch $@

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

## make messages: the English catalogue from the (Indonesian) source strings. Never `-l id`: locale/id is a
## hand-kept file of Wagtail admin strings that makemessages would replace with empty portal entries.
messages: venv
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
