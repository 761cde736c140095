# nianbao: two commands on a fresh machine.
#   make run   set up, ingest the bundled corpus, then open the chat
#   make test  set up and run the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 7860
DEBIAN_PACKAGES := chromium fonts-wqy-microhei libreoffice-writer-nogui poppler-utils libgl1 libglib2.0-0
export HF_HUB_OFFLINE ?= 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: setup system run serve test bench eval robustness clean

$(BIN)/nianbao: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/nianbao

# Debian packages: chromium and a Chinese font for the browser tests, LibreOffice for .doc files.
system:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/soffice ] && [ -x /usr/bin/pdftoppm ] && ldconfig -p | grep -q libGL.so.1 && fc-list 2>/dev/null | grep -qi wenquanyi; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	else echo "note: install $(DEBIAN_PACKAGES) (Debian) for the browser and format tests"; fi

run: setup
	$(BIN)/nianbao ingest corpus/
	$(BIN)/nianbao reports
	@echo; echo "问：2024年哪些园区收到了政府信息公开申请？"
	$(BIN)/nianbao ask "2024年哪些园区收到了政府信息公开申请？"
	@echo; echo "Open http://$(HOST):$(PORT) in a browser (Ctrl+C stops the server)."
	$(BIN)/nianbao serve --host $(HOST) --port $(PORT)

serve: setup
	$(BIN)/nianbao serve --host $(HOST) --port $(PORT)

test: setup system
	$(BIN)/python -m pytest -q tests

bench: setup
	$(BIN)/python eval/bench_parse.py
	$(BIN)/python eval/bench_ask.py
	$(BIN)/python eval/bench_search.py --sizes 1000

eval: setup
	$(BIN)/nianbao eval
	$(BIN)/python eval/retrieval.py

robustness: setup
	$(BIN)/python eval/robustness.py

clean:
	rm -rf data .pytest_cache tests/artifacts
