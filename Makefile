# Two commands do everything on a fresh machine with Python 3.11:
#   make demo   - create .venv, install, run the sample corpus, say where to look
#   make test   - create .venv with the test extras, run the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out/demo

.PHONY: demo test test-all bench models lint gold clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/nlp-tools run corpora/sample --out $(OUT)
	@echo ""
	@echo "Done. Open $(OUT)/report.html in a browser; tables are in $(OUT)/claims.csv, $(OUT)/scores.csv,"
	@echo "$(OUT)/documents.csv; the plot is $(OUT)/timeline.png; the store is $(OUT)/nlp_tools.duckdb."

# The suite runs on every core up to four (pytest-xdist), a test file's tests in one worker so that
# its module fixtures (a loaded pipeline, a local Dask cluster) are built once.
PYTEST := $(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist loadfile

test: $(VENV)/.installed-test
	$(PYTEST)

# everything, including the slow huge-file cases
test-all: $(VENV)/.installed-test
	$(PYTEST) -m ""

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed
	$(BIN)/python bench/run_bench.py

# rebuild the shipped stance model from corpora/sample/gold.jsonl only (byte-identical on the same
# code and data), with its card (models/stance.card.md, .card.json); with GOLD=<folder of gold
# .jsonl files>, also the topic detector from those files, the sample corpus and the independent
# corpus (models/detector.skops and its card): make models GOLD=path/to/gold
# (the detector first: the stance model is trained on the claims the pipeline finds with it)
models: $(VENV)/.installed
	@if [ -n "$(GOLD)" ]; then \
		$(BIN)/nlp-tools train corpora/sample/gold.jsonl corpora/independent/gold.jsonl "$(GOLD)" --task detector --out models/detector.skops; \
	else \
		echo "models/detector.skops not rebuilt: give the gold folder, make models GOLD=path/to/gold"; \
	fi
	$(BIN)/nlp-tools train corpora/sample/gold.jsonl --task stance --out models/stance.skops

# rebuild corpora/sample/gold.jsonl from the sample documents and their annotations
gold: $(VENV)/.installed
	$(BIN)/python corpora/build_gold.py

clean:
	rm -rf out .pytest_cache .ruff_cache
