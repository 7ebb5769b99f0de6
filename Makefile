# Two commands a newcomer needs: `make run` and `make test`. Everything else is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings

.PHONY: run test install install-test migrate bootstrap lint bench bench-harvest bench-search bench-export clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

## The catalogue, populated, on http://127.0.0.1:$(PORT)
run: migrate
	$(PY) manage.py bootstrap
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole suite (slow and Elasticsearch tests included)
test: install-test
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .

bench: install-test
	$(PY) -m benchmarks.search_db

clean:
	rm -rf var/ .pytest_cache
