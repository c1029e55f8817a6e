# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RUN_STAMP  := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run test lint smoke bench eval eval-robust fuzz package clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	bash packaging/system-deps.sh run
	$(PY) -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	bash packaging/system-deps.sh test
	$(PY) -m pip install -q -e '.[test]'
	touch $@

run: $(RUN_STAMP)
	$(VENV)/bin/twofold --demo

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check gui tests bench
	$(VENV)/bin/ruff format --check gui tests bench
	cd gui && ../$(VENV)/bin/lint-imports --config ../pyproject.toml
	$(VENV)/bin/mypy

test: lint smoke
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The wheel, installed in a fresh venv, starts and finds its resources (~10-20 s).
smoke: $(TEST_STAMP)
	bash packaging/smoke-wheel.sh $(PY)

bench: $(TEST_STAMP)
	$(PY) bench/run.py
	$(PY) bench/dmp_backends.py
	$(PY) bench/refine_helper_bench.py
	$(PY) bench/gui_bench.py
	$(PY) bench/gui_actions.py
	$(PY) bench/documents_bench.py
	@if [ -d ../shared/corpus/synthetic ]; then $(PY) bench/corpus_check.py ../shared/corpus; fi
	@if [ -d ../shared/corpus/synthetic ]; then $(PY) bench/corpus_speed.py --corpus ../shared/corpus; fi

# Pairing accuracy per family against the reference corpus (skips when it is absent).
CORPUS ?= ../shared/corpus
eval: $(TEST_STAMP)
	$(PY) bench/eval_pairing.py $(CORPUS)

# The same scores on cases derived from it with fresh, seeded structure (an unseen set).
eval-robust: $(TEST_STAMP)
	$(PY) bench/eval_robustness.py $(CORPUS)

fuzz: $(TEST_STAMP)
	$(PY) -m pip install -q -e '.[fuzz]'
	$(PY) bench/fuzz_engine.py -max_total_time=$${FUZZ_SECONDS:-60}

package: $(RUN_STAMP)
	$(PY) -m pip install -q -e '.[package]'
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build packaging/twofold.spec
	dist/twofold/twofold --version
	@du -sh dist/twofold

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
