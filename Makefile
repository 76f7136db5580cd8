# kehoach: every target installs what it needs first, so each works as the first command typed
# on a fresh Debian machine with Python 3.11.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages the pipeline needs at run time: scans and page images need Tesseract with its
# Vietnamese model (born-digital PDFs need none beyond Python's venv).
APT_PACKAGES ?= python3-venv tesseract-ocr tesseract-ocr-vie
# batch: report.html is tested in a real headless browser (Debian's chromium)
APT_PACKAGES += chromium
# libreoffice-writer-nogui: legacy .doc and .odt plans are converted to .docx with soffice (docx area).
APT_PACKAGES += libreoffice-writer-nogui
# OCR in-process: tesserocr is built from source against Debian's own libtesseract (same engine as the CLI).
APT_PACKAGES += libtesseract-dev libleptonica-dev pkg-config g++
BENCH_PATHS ?= samples/pdf
BENCH_OCR_PATHS ?= tests/data/scan/pdf
BENCH_OCR_ARGS ?= --copies 4 --rounds 3 --ocrmypdf --keys tests/data/scan/keys
DEMO_OUT ?= out/demo
# batch bench: e.g. BENCH_BATCH_ARGS="--sizes 10,100 --jobs 2" for a quicker run, "--scanned DIR" for scans
BENCH_BATCH_ARGS ?=
# scanned batches are OCR'd page by page: a few documents tell files/s, pages/s and the growth
BENCH_SCANNED_ARGS ?= --sizes 4,8 --rate-size 4 --no-kill

.PHONY: setup apt demo test test-fast bench lint samples clean

setup: $(STAMP)

apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ "$$missing" = " python3-venv" ] && $(PY) -c "import ensurepip" >/dev/null 2>&1; then missing=""; fi; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    echo "installing Debian packages:$$missing"; \
	    $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "warning: cannot install$$missing (no apt-get)"; fi; \
	fi

$(STAMP): pyproject.toml | apt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,dask]'
	$(BIN)/python -m pip install -q --no-binary tesserocr 'tesserocr>=2.6' || \
	  echo "warning: tesserocr not built; OCR runs through the tesseract command (slower)"
	touch $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO_OUT)
	$(BIN)/kehoach extract samples/pdf -o $(DEMO_OUT) --format all
	@echo; echo "== scores against the answer keys in samples/keys =="
	$(BIN)/python -m kehoach.evaluate --gold samples/keys --pred $(DEMO_OUT) --per-doc

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not e2e"

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	touch $@

bench: $(STAMP) $(VENV)/.bench-installed
	$(BIN)/python bench/bench_extract.py $(BENCH_PATHS)
	$(MAKE) --no-print-directory bench-batch
	$(BIN)/python bench/bench_accents.py
	@echo; echo "== OCR: the whole pipeline vs a bare tesseract pass on the same 300-dpi pages =="
	$(BIN)/python bench/bench_ocr.py $(BENCH_OCR_PATHS) $(BENCH_OCR_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check kehoach tests bench scripts

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py --out samples
	@if command -v soffice >/dev/null 2>&1; then $(BIN)/python scripts/make_office_sample.py --out samples && \
	  $(BIN)/python scripts/make_office_sample.py --out samples --borderless; \
	else echo "soffice (LibreOffice) not found: the office samples (05, 06) left as committed"; fi

clean:
	rm -rf out build *.egg-info .pytest_cache .ruff_cache

# batch: files/s and pages/s at --jobs 1 and 2, growth 10 -> 100 -> 400 documents, rerun, kill + resume
.PHONY: bench-batch
bench-batch: $(STAMP)
	OMP_THREAD_LIMIT=1 $(BIN)/python bench/bench_batch.py $(BENCH_BATCH_ARGS)
	@echo; echo "== scanned batches (copies of the committed scan, OCR page cache off) =="
	OMP_THREAD_LIMIT=1 $(BIN)/python bench/bench_batch.py --scanned tests/data/scan/pdf $(BENCH_SCANNED_ARGS)
