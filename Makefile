# Bibo: `make run` sets everything up and serves the portal; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
LANGS := fr en es pt ar tr uk zh_Hans
# manage.py defaults to the production settings; on a laptop, make uses the development ones.
MANAGE := DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-portal.settings.dev} $(PY) manage.py

.PHONY: install run serve migrate demo messages translations test test-fast lint format bench browser wrk clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c requirements.lock -e '.[postgres,redis,elasticsearch,dev]'
	touch $(STAMP)

install: $(STAMP)

translations: install
	$(MANAGE) compile_translations

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate translations
	$(MANAGE) load_demo

run: demo
	@echo "Serving the portal on http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

# Extract interface strings (needs GNU gettext's xgettext; compiling does not).
messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(LANGS)) --no-location \
		-i ".venv/*" -i "tests/*" -i "bench/*" -i "static/*" -i "media/*"

# Browser tests use Debian's Chromium; install it when we can (root on Debian).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "Chromium is missing: install Debian's chromium package for the browser tests."; fi; }

test: translations browser
	$(PY) -m pytest

# Two processes (pytest-xdist), each with its own test database.
test-fast: translations
	$(PY) -m pytest -m "not e2e" -n 2

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The benchmark drives the load with Debian's wrk, installed as the browser is.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "wrk is missing: install Debian's wrk package (apt-get install wrk) for make bench."; exit 1; fi; }

# Fails when a target is missed or the benchmark could not run (bench/run.py exits 1 or 2).
bench: translations wrk
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 .test-media static
