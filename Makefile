# The two commands a newcomer needs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Silence Material's end-of-life banner; it is not a build warning.
export NO_MKDOCS_2_WARNING := 1
# Corpus sizes for `make bench`.
N ?= 1000 10000

.PHONY: help site test test-fast build validate check serve lint clean golden eval bench vendor

## help: list the make targets with what each does
help:
	@sed -n 's/^## \([a-z-]*\): \(.*\)/  make \1\t\2/p' $(MAKEFILE_LIST) | expand -t 20

# Create the virtual environment and install the pinned dependencies.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

## site: generate docs/ from seeds/ and data/, then build the static site into site/ and its search index
site: build
	$(PY) -m mkdocs build --strict
	$(PY) -m pagefind --site site --silent

## build: generate docs/ only
build: $(STAMP)
	$(PY) -m generator build

## validate: check registries, sources and corrections and list every problem; write nothing
validate: $(STAMP)
	$(PY) -m generator validate

## check: exit 1 when docs/ is not what build would produce
check: $(STAMP)
	$(PY) -m generator check

# axe-core for the accessibility tests (node_modules/, from package-lock.json).
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

## test: run every test, the browser tests included (they need Chromium, and Node.js with npm for axe-core)
test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest

## test-fast: every test except the browser tests (no Chromium or npm needed)
test-fast: $(STAMP)
	$(PY) -m pytest --ignore=tests/browser

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
