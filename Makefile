# The README's two commands live here so they stay true: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLES := resources/samples
DIST   := build/dist/diffviewer
# A whole book against its revision, from the corpus beside the repository (as CI has it).
BOOK   := $(abspath $(CURDIR)/../shared/corpus/books/book_kjv_ylt)

.PHONY: setup qt-libs demo test lint bench fuzz monkey screenshots translations bundle bundle-smoke clean

# Qt's system libraries (EGL, xkbcommon, fontconfig, xcb, a font...): installed as root with apt,
# otherwise the exact command to run is printed and make stops. Checked on every run, before the
# venv is made or reused (milliseconds when all is there). DIFFVIEWER_SKIP_QT_LIBS=1 skips it.
qt-libs:
	@scripts/ensure-qt-libs.sh

$(BIN)/activate: pyproject.toml | qt-libs
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/activate

setup: qt-libs $(BIN)/activate

# The window on the bundled sample (DEMO_ARGS="--quit-after 3000" closes it after 3 s).
demo: setup
	$(BIN)/diffviewer --demo $(DEMO_ARGS)

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check diffviewer tests benchmarks scripts packaging
	$(BIN)/mypy diffviewer

bench: setup
	$(BIN)/python benchmarks/alignment.py
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/gui_speed.py

# The long fuzzing run (the suite runs a short one): thousands of malformed files per loader.
fuzz: setup
	$(BIN)/python benchmarks/fuzz.py 2000

# A long random walk through the window (the suite runs a short one).
monkey: setup
	MONKEY_STEPS=3000 $(BIN)/python -m pytest -q tests/gui/test_monkey.py

screenshots: setup
	$(BIN)/python scripts/screenshots.py screenshots

# The window's strings, extracted into each language's .ts (translations kept, obsolete ones
# dropped), then compiled into the .qm the window loads. Translate the .ts with pyside6-linguist.
TRANSLATIONS := $(wildcard resources/translations/diffviewer_*.ts)
translations: setup
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(sort $(wildcard diffviewer/gui/*.py)) -ts $(TRANSLATIONS)
	# English needs its plural forms too ("1 paragraph", "2 paragraphs"): only the plural strings.
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete -locations none $(sort $(wildcard diffviewer/gui/*.py)) -ts resources/translations/plurals_en.ts
	for ts in $(TRANSLATIONS) resources/translations/plurals_en.ts; do $(BIN)/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

# A one-folder desktop bundle (PyInstaller): build/dist/diffviewer/{diffviewer,diffviewer-cli}.
bundle: setup
	$(BIN)/pip install --quiet -e '.[bundle]'
	$(BIN)/pyinstaller packaging/diffviewer.spec --noconfirm --log-level WARN \
		--distpath build/dist --workpath build/pyinstaller

# The bundle runs on its own: its CLI compares two samples, its window opens the demo and closes.
bundle-smoke: bundle
	cd /tmp && $(CURDIR)/$(DIST)/diffviewer-cli compare $(CURDIR)/$(SAMPLES)/original.txt \
		$(CURDIR)/$(SAMPLES)/spun-copy.txt --format json > /dev/null
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/$(DIST)/diffviewer --demo --quit-after 3000
	# Code and markup need Pygments' lexers and styles and docutils inside the bundle.
	cd /tmp && $(CURDIR)/$(DIST)/diffviewer-cli compare $(CURDIR)/tests/data/code/original.py \
		$(CURDIR)/tests/data/code/derivative.py --format html | grep -q 'class="k"'
	cd /tmp && $(CURDIR)/$(DIST)/diffviewer-cli compare $(CURDIR)/tests/data/code/original.rst \
		$(CURDIR)/tests/data/code/derivative.rst --format json | grep -q '"format": "text"'
	cd /tmp && $(CURDIR)/$(DIST)/diffviewer-cli compare --markup source $(CURDIR)/tests/data/code/original.rst \
		$(CURDIR)/tests/data/code/derivative.rst --format json | grep -q '"language": "rst"'
	# A book-sized pair: the comparison takes a helper process (core/helper.py), in the bundle too.
	cd /tmp && $(CURDIR)/$(DIST)/diffviewer-cli compare $(BOOK)/original.txt $(BOOK)/derivative.txt \
		--format json | grep -q '"kind": "rewrite"'
	# The derivative search, in the bundle's own processes: the samples all derive from the original.
	cd /tmp && $(CURDIR)/$(DIST)/diffviewer-cli scan $(CURDIR)/$(SAMPLES)/original.txt $(CURDIR)/$(SAMPLES) \
		--format json --quiet | grep -q '"path": ".*spun-copy.txt"'
	@echo "bundle smoke test passed: $(DIST)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache
