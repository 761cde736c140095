# nianbao: two commands on a fresh machine.
#   make run   set up, ingest the bundled corpus, then open the chat
#   make test  set up and run the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE ?= 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: setup run test bench clean

$(BIN)/nianbao: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/nianbao

run: setup
	$(BIN)/nianbao ingest corpus/
	$(BIN)/nianbao reports
	@echo; echo "问：2024年哪些园区收到了政府信息公开申请？"
	$(BIN)/nianbao ask "2024年哪些园区收到了政府信息公开申请？"
	@echo; echo "问：临港开发区2024年主动公开政府信息1801条，对吗？"
	$(BIN)/nianbao ask "临港开发区2024年主动公开政府信息1801条，对吗？"

test: setup
	$(BIN)/python -m pytest -q tests

bench: setup
	$(BIN)/python eval/bench_parse.py

clean:
	rm -rf data .pytest_cache
