# Two commands do everything on a fresh machine: `make run` and `make test`.
# The virtual environment lives in .venv and is reinstalled when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint demo translations bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Tawthiq needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create a virtual environment. On Debian or Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m gui.preflight
	$(PY) -m gui

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check core gui tests seeds bench

demo: $(STAMP)
	$(PY) -m core demo

# A quick run of the foundation benchmark; see bench/README.md for the national scale.
bench: $(STAMP)
	$(PY) -m bench.bench_foundation --victims 20000

# The Arabic translation: lupdate collects every self.tr()/translate() string of gui/ into
# the .ts source (translated there, for instance with pyside6-linguist); lrelease compiles
# the .qm that the application loads. Both files are committed. The English one holds only
# the plural strings ("%n pair(s)" as "1 pair" / "3 pairs").
TS := resources/translations/tawthiq_ar.ts
TS_EN := resources/translations/tawthiq_en.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find gui -name '*.py' | sort) -ts $(TS) -target-language ar -no-obsolete -locations none
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)
	$(VENV)/bin/pyside6-lupdate $$(find gui -name '*.py' | sort) -ts $(TS_EN) -source-language en -target-language en -pluralonly -no-obsolete -locations none
	$(VENV)/bin/pyside6-lrelease $(TS_EN) -qm $(TS_EN:.ts=.qm)

clean:
	rm -rf $(VENV) .pytest_cache
