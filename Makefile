# Pro Bono Academy. `make demo` serves the site with demo content; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo totp test screenshots install lock audit migrate seed serve lint format messages bench worker beat clean

# requirements.lock pins every package that `make install` puts in the venv (runtime, the
# dev extra, setuptools for building the project, pip itself) to one version with the
# sha256 of each file PyPI serves for it; pip refuses any file whose hash is not listed.
# First pip upgrades itself from its locked lines, then the whole lock goes in with
# --require-hashes, then the project in editable mode with nothing fetched (no deps, no
# build isolation: it builds with the locked setuptools).
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3.11-venv"; exit 1; }
	@awk '/^[^ #]/ { p = ($$0 ~ /^pip==/) } p && !/^ *#/' requirements.lock >$(VENV)/.pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(VENV)/.pip.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

# `make lock` regenerates requirements.lock from pyproject.toml (dependencies, the dev extra,
# build-system.requires) plus pip, with pip-tools in a throwaway venv, against PyPI only
# (this machine's pip config is ignored). Versions already in the lock are kept; a package
# new in pyproject.toml gets its newest fitting version. `make lock UPGRADE=1` moves every
# package to its newest fitting version. Review the diff, then `make install`.
LOCK_TOOL ?= pip-tools==7.6.2
LOCK_INDEX_URL ?= https://pypi.org/simple
lock:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --quiet $(LOCK_TOOL); \
	{ echo pip; "$$tmp/venv/bin/python" -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'; } >"$$tmp/make-install.in"; \
	env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null \
	  CUSTOM_COMPILE_COMMAND="make lock" "$$tmp/venv/bin/pip-compile" --quiet --no-config \
	  --index-url $(LOCK_INDEX_URL) --no-emit-index-url --no-emit-find-links --extra dev \
	  --generate-hashes --allow-unsafe --strip-extras --newline lf $(if $(UPGRADE),--upgrade) \
	  --output-file requirements.lock pyproject.toml "$$tmp/make-install.in"; \
	sed -i.bak -e "s|-r $$tmp/make-install.in|make install (pip, build-system.requires)|" requirements.lock; \
	rm -f requirements.lock.bak
	@echo "requirements.lock written; review: git diff requirements.lock"

# `make audit` checks every locked version against the advisory databases: PyPI's (which
# also checks each locked hash against the file PyPI serves) and OSV's. pip-audit runs
# from a throwaway venv, never from the project's. It needs network access to pypi.org and
# api.osv.dev: run it where the network allows. CI does not run it. --strict makes a
# package that could not be looked up fail the audit (without it an unreachable service
# would pass as "no known vulnerabilities").
AUDIT_TOOL ?= pip-audit==2.10.1
AUDIT_SERVICES ?= pypi osv
AUDIT_ARGS ?=
audit:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --quiet $(AUDIT_TOOL) || { echo "make audit: could not install $(AUDIT_TOOL)"; exit 2; }; \
	for service in $(AUDIT_SERVICES); do \
	  echo "== pip-audit of requirements.lock against $$service"; rc=0; \
	  "$$tmp/venv/bin/pip-audit" --requirement requirements.lock --require-hashes --disable-pip --strict \
	    --progress-spinner off --vulnerability-service $$service $(AUDIT_ARGS) >"$$tmp/out" 2>&1 || rc=$$?; \
	  if [ $$rc -eq 0 ]; then cat "$$tmp/out"; \
	  elif grep -q "known vulnerabilit" "$$tmp/out"; then cat "$$tmp/out"; \
	    echo "make audit: FAILED: known vulnerabilities in locked packages (listed above)."; exit $$rc; \
	  else grep -E '^(ERROR|[A-Za-z_.]+(Error|Exception):)' "$$tmp/out" | tail -n 2; \
	    echo "make audit: FAILED: the $$service advisory service could not be reached or did not answer for every package, so NOTHING WAS AUDITED (this is not a pass). Run make audit where the network reaches pypi.org and api.osv.dev."; exit $$rc; \
	  fi; \
	done

# The demo runs in development mode unless DEBUG is set otherwise. Links in emails and on
# certificates (the verify URL and its QR code) point at the address the demo serves on,
# unless SITE_URL is set: `make demo PORT=8201` links to http://127.0.0.1:8201.
DEMO_URL_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))
DEMO_ENV := DEBUG=$${DEBUG:-true} SITE_URL=$${SITE_URL:-http://$(DEMO_URL_HOST):$(PORT)}

demo: install
	$(DEMO_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo
	$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The current one-time code of the demo accounts (development mode only, like the demo).
totp: install
	@$(DEMO_ENV) $(BIN)/python manage.py demo_totp_code

# axe-core for the accessibility browser test, from the npm registry at the locked version
# (package-lock.json, with its integrity hash). Without npm the test says what is missing.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility browser test needs it (apt-get install -y npm)"; fi

# One test process per core (pytest-xdist, each with its own test database); TEST_WORKERS=0
# runs everything in one process, as a plain `pytest path/to/test_file.py` does.
TEST_WORKERS ?= auto
test: install $(NODE_STAMP)
	$(BIN)/pytest -n $(TEST_WORKERS) --maxschedchunk=2 $(PYTEST_ARGS)

# `make messages` brings locale/es up to date with the code (new strings arrive empty, changed
# ones fuzzy: translate them in locale/es/LC_MESSAGES/django.po) and compiles it. The
# compiled django.mo is committed, so running the site needs no gettext; editing the
# catalog does (apt-get install gettext). tests/platform/test_translations.py checks both.
messages: install
	DEBUG=true $(BIN)/python manage.py makemessages -l es --no-obsolete --ignore=tests --ignore=bench --ignore=static --ignore=staticfiles --ignore=node_modules
	msgfmt --check-format -o locale/es/LC_MESSAGES/django.mo locale/es/LC_MESSAGES/django.po

# The README's screenshots: the journey tests save every key page under .ci/out/screenshots/
# (<journey>-<step>-<width>.png); these are copied to docs/screenshots/ to be committed.
DOC_SCREENSHOTS := course-catalog-1280 course-lesson-1280 course-verify-1280 offer-suggestions-1280 course-lesson-375
screenshots: install $(NODE_STAMP)
	$(BIN)/pytest tests/browser/test_journeys.py -q
	@mkdir -p docs/screenshots
	@for name in $(DOC_SCREENSHOTS); do cp .ci/out/screenshots/$$name.png docs/screenshots/; done
	@ls -l docs/screenshots

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench

worker: install
	$(BIN)/celery -A lms worker --loglevel=INFO --concurrency=2

beat: install
	$(BIN)/celery -A lms beat --loglevel=INFO

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
