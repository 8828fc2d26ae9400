# Lemniscaat: `make run` sets up everything and starts the services; `make test` runs every test.
# Settings come from the environment (README, "Configuration"); defaults below.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/lemniscaat.tar.gz
SPACY_MODEL := var/spacy_nl/config.cfg
# Rasa's command line, started faster (bot/rasa_cli.py says how).
RASA := $(BIN)/python -m bot.rasa_cli
TRAINING_FILES := config.yml $(shell find data domain -name '*.yml') $(wildcard bot/rasa_plugins/*.py)

export ACTION_PORT ?= 5055
export RASA_PORT ?= 5005
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTION_PORT)/webhook
export RASA_URL ?= http://127.0.0.1:$(RASA_PORT)
export TF_CPP_MIN_LOG_LEVEL ?= 3
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1

.PHONY: help setup nlp-models run test test-fast train validate nlu-eval answer-eval miti db browser lint lock clean cluster cluster-deps test-cluster soak bench

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# The lock pins every dependency: one install without resolving; `uv pip check` proves it whole.
# uv installs the lock (pip took ~2 min for its 1.1 GB, uv ~20 s cold and ~7 s from its cache
# in ~/.cache/uv); pip only bootstraps uv itself.
UV := $(BIN)/uv pip
$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==0.13.9"
	$(UV) install --quiet --python $(BIN)/python --no-deps -r requirements.lock -e .
	$(UV) check --python $(BIN)/python
	touch $@

# The test tools (pytest, Playwright, ruff, mypy, ...) from their own lock, within requirements.lock.
$(BIN)/.test-installed: $(BIN)/.installed requirements-test.lock
	$(UV) install --quiet --python $(BIN)/python --no-deps -r requirements-test.lock
	$(UV) check --python $(BIN)/python
	touch $@

$(SPACY_MODEL): $(BIN)/.installed bot/nlp/pipeline.py
	$(BIN)/python -m bot.nlp.pipeline

setup: $(BIN)/.installed $(SPACY_MODEL) db nlp-models  ## venv, pinned packages, Dutch spaCy pipeline, database schema, fitted NLP models

nlp-models: $(BIN)/.installed  ## fit the crisis and answer-check models into var/ when their data or code changed (else loads them)
	$(BIN)/python -c "from bot.nlp import answer_model, crisis_model; crisis_model.model(); answer_model.warm()"

db: $(BIN)/.installed  ## bring the database schema up to date (DATABASE_URL, default var/lemniscaat.db)
	$(BIN)/lemniscaat db

$(MODEL): $(TRAINING_FILES) $(SPACY_MODEL)
	$(RASA) train --domain domain --data data --config config.yml --out models --fixed-model-name lemniscaat

train: $(MODEL)  ## train the Rasa model when data or config changed

validate: setup  ## check the training data and domain
	$(RASA) data validate --domain domain --data data

browser:  ## Debian's Chromium for the browser tests (Playwright uses /usr/bin/chromium)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium chromium-driver; fi; }

cluster-deps:  ## Debian's PostgreSQL, Redis and HAProxy for `make cluster` (apt-get as root, else sudo)
	@missing=""; for pair in postgres:postgresql redis-server:redis-server haproxy:haproxy; do \
	  tool=$${pair%%:*}; pkg=$${pair#*:}; \
	  { command -v $$tool || ls /usr/lib/postgresql/*/bin/$$tool || ls /usr/sbin/$$tool; } >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; fi

cluster: setup train cluster-deps  ## PostgreSQL, Redis, RASA_REPLICAS Rasa + action servers, web workers, HAProxy on :5005, all supervised (docs/cluster.md)
	$(BIN)/python scripts/cluster.py

test-cluster: setup $(BIN)/.test-installed train cluster-deps  ## the cluster tests: one student across replicas, faults under load (minutes)
	$(BIN)/python -m pytest -q -s -m cluster tests/cluster --durations=0

soak: setup train cluster-deps  ## SOAK_MINUTES (30) at SOAK_RATE (10) messages/s through a cluster of its own: memory, p95, lost or doubled turns (scripts/soak.py)
	$(BIN)/python scripts/soak.py

run: setup train  ## set up, then start Rasa, the action server, the web app (and Telegram when TELEGRAM_BOT_TOKEN is set)
	scripts/run.sh

# No separate `validate` here: `rasa train` runs the same checks as `rasa data validate`
# (rasa.cli.utils.validate_files) before it trains, and the model is rebuilt whenever the data
# or config changed. Lint runs beside the training, and pytest in TEST_WORKERS processes
# (pytest-xdist); the test stories (`rasa test core`) are one of its tests.
export TEST_WORKERS ?= 2
test: browser  ## set up, then run every test (lint, unit, Rasa stories, end-to-end, browser)
	$(MAKE) --no-print-directory --jobs=2 lint setup train
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

test-fast: setup $(BIN)/.test-installed  ## the tests that need no running servers
	$(BIN)/python -m pytest -q -m "not e2e"

bench: setup train  ## Lemniscaat beside Rasa's demo bot (latency, load, memory, long life); adds a row to docs/measurements.md
	$(BIN)/python scripts/benchmark.py --compare --long 1000 --write $(BENCH_ARGS)

nlu-eval: setup  ## cross-validated intent F1 (3 folds), written to results/nlu
	$(RASA) test nlu --nlu data/nlu --config config.yml --cross-validation --folds 3 --out results/nlu

answer-eval: setup  ## how well the answer check tells answers from non-answers, per kind (the blind set)
	$(BIN)/python scripts/answer_eval.py

miti: setup $(BIN)/.test-installed train  ## reflections per question, sentence and complex reflections, over whole conversations
	$(BIN)/python scripts/miti_eval.py --write

lint: $(BIN)/.test-installed  ## ruff (lint and format check) on bot actions tests scripts; mypy; vulture (dead code); config in pyproject.toml
	$(BIN)/ruff check bot actions tests scripts
	$(BIN)/ruff format --check bot actions tests scripts
	$(BIN)/mypy
	$(BIN)/vulture

# pip-compile runs in its own venv: pip-tools needs a newer `packaging` than Rasa's pin.
# It keeps the versions already in the locks unless pyproject.toml asks for others.
PIP_COMPILE := .venv-tools/bin/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock:  ## requirements.lock from pyproject.toml, requirements-test.lock from its test extra (pip-compile)
	test -x .venv-tools/bin/python || "$$(scripts/find-python.sh)" -m venv .venv-tools
	.venv-tools/bin/python -m pip install --quiet "pip-tools==7.6.2"
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	.venv-tools/bin/python -c 'import tomli; print("\n".join(tomli.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["test"]))' \
	  | $(PIP_COMPILE) --constraint requirements.lock --output-file requirements-test.lock -

clean:  ## remove trained models and results (keeps the database)
	rm -rf models results .rasa
