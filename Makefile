# Gongkai: `make run` sets everything up and serves the demo district; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-10)
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/gongkai
REDIS_URL ?= redis://127.0.0.1:6379/0
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1

.PHONY: run run-scaled serve install system-deps test test-pg test-scaled lint format bench clean-var

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	touch $@

install: $(STAMP)

# Debian packages: CJK fonts for PDFs, Chromium for the end-to-end tests, gettext for catalogues.
# Installed only when missing, and only where we may (root); otherwise say what is missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (Debian packages)"; fi; \
	fi

run: $(STAMP) system-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (staff: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py db_worker --queue-name '*' >var/worker.log 2>&1 & worker=$$!; \
	  $(BIN)/python manage.py run_scheduler >var/scheduler.log 2>&1 & scheduler=$$!; \
	  trap 'kill $$worker $$scheduler' EXIT; \
	  $(BIN)/gunicorn gongkai.wsgi -b $(HOST):$(PORT) -w 2 --access-logfile -

# Two app servers behind nginx on PostgreSQL + Redis with the RQ worker and the scheduler (docs/deployment.md).
run-scaled: $(STAMP) system-deps
	PG_URL=$(PG_URL) REDIS_URL=$(REDIS_URL) deploy/run_scaled.sh

test: $(STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

test-pg: $(STAMP) system-deps
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# The scaled profile: PostgreSQL + Redis (cache, rate limits, RQ queue), production security settings.
test-scaled: $(STAMP) system-deps
	@command -v nginx >/dev/null 2>&1 || { [ "$$(id -u)" = "0" ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } || echo "nginx missing: the smoke test talks to the app servers directly"
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_URL) $(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_URL) GONGKAI_PRODUCTION=1 SECRET_KEY=ci-$(shell date +%s)-not-secret-0123456789abcdefghijklmnop \
	  ALLOWED_HOSTS=gongkai.example.gov.cn $(BIN)/python manage.py check --deploy --fail-level WARNING
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_URL) $(BIN)/python deploy/smoke_two_servers.py

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# wrk (Debian) drives the HTTP throughput runs; without it the benchmark falls back to a Python client.
bench: $(STAMP) system-deps
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = "0" ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || echo "Please install wrk (Debian package)"
	$(BIN)/python bench/run_all.py
