# ITIN Privacy Guide task runner. Every target installs what it needs itself.
# Main entry points: `make serve` (site with live reload) and `make test` (every test).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
LOCALE ?= en
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help serve build test test-fast lint schema digest check config bench lock clean browser-deps i18n locale-new i18n-report release-check fonts preview nginx-deps

help:
	@echo "make serve            serve the site at http://127.0.0.1:8000 with live reload (LOCALE=es for another language)"
	@echo "make test             install everything the tests need and run the whole suite"
	@echo "make build            build every locale into site/ (SITE_URL=https://your.domain/ for deployment)"
	@echo "make preview          build, then serve site/ through the production nginx rules at http://127.0.0.1:8080"
	@echo "make bench            build ours and a stock Material site; print bytes, phone FCP/LCP, Lighthouse"
	@echo "make test-fast        the unit tests only (about a minute): data, tools, rendering, conventions"
	@echo "make check            everything but rendering: data, catalogues, tools, template keys, pages"
	@echo "make config           regenerate the mkdocs.<code>.yml of each locale (from data/locales.yml)"
	@echo "make schema           regenerate data/schema/*.schema.json"
	@echo "make digest           regenerate tests/golden/decision-digest.txt (review the diff)"
	@echo "make i18n             update locales/messages.pot and every locales/<code>.po from the English"
	@echo "make locale-new LOCALE=tl   start a new language (catalogue + data/locales.yml entry)"
	@echo "make i18n-report      translated / outdated / missing strings per language and page"
	@echo "make release-check    what each locale marked complete still needs before a release"
	@echo "make lint             ruff"
	@echo "make lock             recompile requirements.txt from requirements.in"

# Python virtualenv from the pinned requirements (every package at an exact version).
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  echo "installing python3-venv"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

# Debian's nginx: `make preview`, and the tests serve the built site through deploy/nginx.conf.
nginx-deps:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { echo "installing Debian's nginx"; \
	  $(SUDO) apt-get update -qq && { $(SUDO) apt-get install -y -qq nginx-light 2>/dev/null || \
	  $(SUDO) apt-get install -y -qq nginx; }; }

# Debian's Chromium (Playwright's own browser download cannot be used), nginx (the browser tests
# load the site through the production headers), and the npm packages for the browser tests
# (axe-core).
browser-deps: nginx-deps
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@command -v npm >/dev/null 2>&1 || { echo "installing nodejs and npm"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	@[ -f node_modules/axe-core/axe.min.js ] && cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null || npm ci --no-audit --no-fund --silent

# Fonts for the link-preview images (Latin, Arabic, Chinese), drawn by `python -m macros build`.
fonts:
	@fc-list 2>/dev/null | grep -q "NotoSansCJK" && fc-list | grep -q "NotoSans-Regular" && fc-list | grep -q "DejaVuSans.ttf" || { \
	  echo "installing Debian's Noto and DejaVu fonts"; $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq fontconfig fonts-noto-core fonts-noto-cjk fonts-dejavu-core; }

serve: $(STAMP)
	$(PY) -m macros serve $(LOCALE)

build: $(STAMP) fonts
	$(PY) -m macros build

# The built site through the production nginx rules (deploy/nginx.conf): headers, gzip, caching,
# each locale's 404. Foreground; Ctrl-C stops.
preview: build nginx-deps
	$(PY) -m macros.publish.headers preview --site-dir site --port 8080

check: $(STAMP)
	$(PY) -m macros check

config: $(STAMP)
	$(PY) -m macros config

schema: $(STAMP)
	$(PY) -m macros schema

digest: $(STAMP)
	$(PY) -m macros digest

# The whole suite: lint, generated files current (schemas, digest, catalogues, locale
# configuration), then unit, rendered output and browser tests on one shared build. A browser
# test that cannot run is a failure here (REQUIRE_BROWSER=1), never a skip.
test: $(STAMP) browser-deps fonts
	$(PY) -m ruff check macros tests tools
	$(PY) -m macros schema --check
	$(PY) -m macros digest --check
	$(PY) -m macros config --check
	$(PY) -m macros.publish.headers --check
	$(PY) -m macros i18n update --check
	REQUIRE_BROWSER=1 $(PY) -m pytest -q -n 2

# Unit layer only: no site build, no browser.
test-fast: $(STAMP)
	$(PY) -m ruff check macros tests tools
	$(PY) -m pytest -q -n 2 -m "not build and not browser"

# Translators: update every catalogue from the current English; add a locale; coverage report.
i18n: $(STAMP)
	$(PY) -m macros i18n update

locale-new: $(STAMP)
	@[ -n "$(LOCALE)" ] && [ "$(LOCALE)" != en ] || { echo "usage: make locale-new LOCALE=tl"; exit 2; }
	$(PY) -m macros i18n new $(LOCALE)

i18n-report: $(STAMP)
	$(PY) -m macros i18n report

release-check: $(STAMP)
	$(PY) -m macros i18n release-check

lint: $(STAMP)
	$(PY) -m ruff check macros tests tools

bench: $(STAMP) browser-deps fonts
	$(PY) tools/benchmark.py $(BENCH_ARGS)

lock: $(STAMP)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile requirements.in -o requirements.txt --python-version 3.11

clean:
	rm -rf site .pytest_cache
