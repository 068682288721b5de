# The two commands a newcomer needs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Silence Material's end-of-life banner; it is not a build warning.
export NO_MKDOCS_2_WARNING := 1
# Search back end: lunr (Material's built-in search) or pagefind; see README.md, "Search".
# By default lunr while the archive is small, Pagefind once it holds more than
# SEARCH_THRESHOLD sources (from there on lunr's index passes about 1 MB compressed).
SEARCH_THRESHOLD ?= 500
SOURCE_COUNT := $(shell find seeds -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' \) ! -name '.*' 2>/dev/null | wc -l)
SEARCH ?= $(if $(shell test $(SOURCE_COUNT) -gt $(SEARCH_THRESHOLD) && echo large),pagefind,lunr)
export SITE_SEARCH := $(SEARCH)
export SITE_LUNR := $(if $(filter pagefind,$(SEARCH)),false,true)
# Corpus sizes for `make bench`.
N ?= 1000 10000

.PHONY: site test build check serve lint clean golden eval bench vendor

# Create the virtual environment and install the pinned dependencies.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

## site: generate docs/ from seeds/ and data/, then build the static site into site/
site: build
	$(PY) -m mkdocs build --strict
	$(if $(filter pagefind,$(SEARCH)),$(PY) -m pagefind --site site --silent)

## build: generate docs/ only
build: $(STAMP)
	$(PY) -m generator build

## check: exit 1 when docs/ is not what build would produce
check: $(STAMP)
	$(PY) -m generator check

## test: run every test
test: $(STAMP)
	$(PY) -m pytest

## eval: precision, recall and F1 of extraction over the labelled texts in tests/eval/
eval: $(STAMP)
	$(PY) tests/eval/evaluate.py

## lint: ruff over the code
lint: $(STAMP)
	$(PY) -m ruff check generator tests

## serve: preview the site at http://127.0.0.1:8000; after every edit to seeds/, data/, mkdocs.yml or the theme only the changed pages are built again, and the browser reloads
serve: $(STAMP)
	$(PY) -m generator serve

## golden: regenerate the golden files after reviewing the diff that the tests print
golden: $(STAMP)
	$(PY) -m pytest tests/test_golden.py --update-golden

## bench: time the generator and the site build over synthetic corpora (N="1000 10000")
bench: $(STAMP)
	$(PY) bench/run.py $(N) --output bench/results.md

## vendor: refresh the JavaScript shipped with the site (docs/assets/vendor/) from the npm registry, as pinned in package.json
vendor:
	npm install --no-audit --no-fund --ignore-scripts
	mkdir -p docs/assets/vendor/cytoscape
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE docs/assets/vendor/cytoscape/

clean:
	rm -rf site
