# Two commands a newcomer needs: `make run` and `make test`. Everything else is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings
export PORT

.PHONY: run test install install-test pg-install browser-install migrate bootstrap lint typecheck contracts sizes bench bench-harvest bench-search bench-export bench-engagement clean \
	es-install es-start es-stop run-elasticsearch

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	@touch $@

## The browser tests (tests/browser) drive Debian's Chromium through its ChromeDriver; apt-get
## runs only while /usr/bin/chromedriver is missing, so a second install-test is quick.
BROWSER_PACKAGES := chromium chromium-driver
browser-install:
	@test -x /usr/bin/chromedriver || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; }

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test pg-install browser-install

## Debian's PostgreSQL server (only its binaries are used: scripts/postgres.py runs a throw-away
## server of its own; the default cluster and systemd are not relied on). Skipped once installed.
pg-install:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; }

migrate: install
	$(PY) manage.py migrate --noinput

## The catalogue, populated, on http://127.0.0.1:$(PORT)
## A task worker runs beside the server for harvests ("Run now" in the admin) and indexing.
run: migrate
	$(PY) manage.py bootstrap
	@$(PY) manage.py db_worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole suite (slow and Elasticsearch tests included): a real Elasticsearch node is
## started first (fetched once from Maven Central, cached) and stopped at the end, even on failure.
## Then the tests marked `postgresql` run again on a throw-away PostgreSQL server (exit 5,
## "none selected", is fine when PYTEST_ARGS narrows the run).
test: install-test es-install lint
	@state=$$(mktemp -t catalogue-es-XXXXXX.json); pg=$$(mktemp -t catalogue-pg-XXXXXX.json); \
	trap '$(PYTHON) scripts/elasticsearch.py stop --state '$$state'; $(PYTHON) scripts/postgres.py stop --state '$$pg EXIT; \
	url=$$($(PYTHON) scripts/elasticsearch.py start --state $$state) || exit 1; \
	TEST_ELASTICSEARCH_URL=$$url $(PY) -m pytest $(PYTEST_ARGS) || exit 1; \
	db=$$($(PYTHON) scripts/postgres.py start --state $$pg) || exit 1; \
	echo "== the postgresql-marked tests on PostgreSQL"; \
	DATABASE_URL=$$db $(PY) -m pytest -m postgresql $(PYTEST_ARGS); rc=$$?; \
	test $$rc -eq 0 -o $$rc -eq 5

## Elasticsearch for tests and development (scripts/elasticsearch.py; ES_STATE remembers the node)
ES_STATE ?= var/elasticsearch-node.json
es-install:
	@$(PYTHON) scripts/elasticsearch.py install >/dev/null
es-start: es-install
	$(PYTHON) scripts/elasticsearch.py start --state $(ES_STATE)
es-stop:
	$(PYTHON) scripts/elasticsearch.py stop --state $(ES_STATE)

## The populated catalogue searched through a local Elasticsearch node (data kept in
## var/elasticsearch), with a task worker for index updates. Against your own cluster instead:
## `ELASTICSEARCH_URL=https://... make run`.
ES_DEV_PORT ?= 9200
run-elasticsearch: migrate es-install
	@state=var/elasticsearch-dev.json; \
	url=$$($(PYTHON) scripts/elasticsearch.py start --state $$state --port $(ES_DEV_PORT) \
	       --data-dir $(CURDIR)/var/elasticsearch) || exit 1; \
	trap '$(PYTHON) scripts/elasticsearch.py stop --state '$$state'; kill $$worker 2>/dev/null' EXIT; \
	export ELASTICSEARCH_URL=$$url; \
	$(PY) manage.py bootstrap && $(PY) manage.py search_index rebuild --backend all && \
	{ $(PY) manage.py db_worker --no-reload & worker=$$!; } && \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## Run first in make test (so in CI): ruff's checks and formatter, the size limits, the import
## boundaries and mypy; any of them failing stops the suite before it starts.
lint: install-test sizes contracts typecheck
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## mypy with django-stubs over the whole project (the files list in pyproject.toml)
typecheck: install-test
	$(VENV)/bin/mypy

## Import boundaries between the apps ([tool.importlinter] in pyproject.toml)
contracts: install-test
	$(VENV)/bin/lint-imports

## No source file over 400 lines, no function over 60 (scripts/check_sizes.py)
sizes:
	$(PYTHON) scripts/check_sizes.py

bench: install-test
	$(PY) -m benchmarks.search_db

## Harvest 50,000 datasets from a local CKAN API: first run, unchanged re-run, ckanapi baseline
bench-harvest: install-test
	$(PY) -m benchmarks.bench_harvest $(BENCH_ARGS)

## Both search backends side by side at 100,000 entries (BENCH_ARGS="--entries 20000" for less)
bench-search: install-test es-install
	@state=$$(mktemp -t catalogue-es-XXXXXX.json); \
	url=$$($(PYTHON) scripts/elasticsearch.py start --state $$state --heap 1g) || exit 1; \
	trap '$(PYTHON) scripts/elasticsearch.py stop --state '$$state EXIT; \
	BENCH_ELASTICSEARCH_URL=$$url $(PY) -m benchmarks.bench_search $(BENCH_ARGS)

## Bulk CSV/JSON Lines export, package_search p95 and the DCAT-AP exports at 100,000 entries
bench-export: install-test
	$(PY) -m benchmarks.bench_export $(BENCH_ARGS)

bench-engagement: install-test
	$(PY) -m benchmarks.engagement

clean:
	rm -rf var/ .pytest_cache
