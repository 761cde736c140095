"""The command line on the bundled corpus, as a user runs it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import GOLD, ROOT
from nianbao.eval.gold import gold_cells as expected_cells


def run(args, data_dir, check=True):
    env = dict(os.environ, NIANBAO_DATA_DIR=str(data_dir))
    p = subprocess.run([sys.executable, "-m", "nianbao.app.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if check:
        assert p.returncode == 0, p.stderr
    return p


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli") / "data"
    p = run(["ingest", "--no-index", "corpus/"], d)
    assert "36 ingested" in p.stderr
    return d


def test_facts_jsonl_reproduces_every_hand_checked_cell(ingested):
    rows = [json.loads(line) for line in run(["facts", "--format", "jsonl"], ingested).stdout.splitlines()]
    assert set(rows[0]) == {"report_id", "source_file", "body", "year", "template", "key", "value", "unit", "raw"}
    by_file: dict[str, dict] = {}
    for r in rows:
        by_file.setdefault(r["source_file"], {})[r["key"]] = r["value"]
    for path in GOLD.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert by_file[gold["file"]] == expected_cells(gold), gold["file"]


def test_check_lists_the_16_versus_9_contradiction(ingested):
    out = run(["check"], ingested).stdout
    line = next(ln for ln in out.splitlines() if "[contradiction]" in ln and "江阴临港" in ln)
    assert "16" in line and "9" in line


def test_facts_filters_and_csv(ingested):
    out = run(["facts", "--body", "临江", "--key", "proactive.fees", "--format", "csv"], ingested).stdout.splitlines()
    assert out[0].startswith("report_id,source_file,body")
    assert out[1].endswith(",proactive.fees.amount_10k_yuan,390.922,万元,390.9220")


def test_reports_json_shows_kind_and_unnamed_body(ingested):
    rows = [json.loads(x) for x in run(["reports", "--json"], ingested).stdout.splitlines()]
    assert len(rows) == 36
    kinds = {r["body"]: r["kind"] for r in rows}
    assert kinds["江阴临港经济开发区"] == "zone" and kinds["平潭综合实验区财政金融局"] == "department"
    unnamed = [r for r in rows if r["body"] == ""]
    assert [r["source_file"] for r in unnamed] == ["2024_changzhou-district-office.txt"]


def test_settings_masks_secrets(tmp_path):
    env = dict(os.environ, NIANBAO_LLM_API_KEY="sk-very-secret", NIANBAO_DATA_DIR=str(tmp_path))
    p = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "settings"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert "sk-very-secret" not in p.stdout and "NIANBAO_LLM_API_KEY=****" in p.stdout
    assert f"NIANBAO_DATA_DIR={tmp_path}" in p.stdout


def test_commands_before_ingest_say_what_to_do(tmp_path):
    p = run(["reports"], tmp_path / "none", check=False)
    assert p.returncode != 0 and "nianbao ingest" in p.stderr


def test_every_command_has_help_and_is_in_the_readme():
    from nianbao.app.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():
        assert sub._name_parser_map[name].description or any(
            c.dest == name and c.help for c in sub._choices_actions), name
        assert re.search(rf"`nianbao {name}\b", readme), f"`nianbao {name}` missing from README"


ANSWER_KEYS = {"question", "status", "route", "answer", "facts", "citations", "findings"}
FACT_KEYS = {"report_id", "source_file", "body", "year", "key", "value", "unit", "raw", "page"}
CITATION_KEYS = {"n", "report_id", "source_file", "body", "year", "section", "key", "quote", "page", "ocr"}


def test_ask_json_contract_and_batch_order(ingested):
    questions = ["临港开发区2024年收到多少政府信息公开申请？", "临港开发区2024年主动公开政府信息2000条，对吗？",
                 "明天南京天气怎么样？"]
    env = dict(os.environ, NIANBAO_DATA_DIR=str(ingested))
    p = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "ask", "--json", "--batch", "-"], input="\n".join(questions),
                       capture_output=True, text=True, env=env, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    out = [json.loads(line) for line in p.stdout.splitlines()]
    assert [o["question"] for o in out] == questions
    table, claim, weather = out
    assert set(table) == ANSWER_KEYS and set(claim) == ANSWER_KEYS | {"verdict"}
    assert (table["status"], table["route"]) == ("answered", "table")
    assert claim["verdict"] == "contradicted" and weather["status"] == "out_of_scope"
    assert set(table["facts"][0]) == FACT_KEYS and table["facts"][0]["value"] == 9
    assert all(set(c) == CITATION_KEYS for o in out for c in o["citations"])
    assert table["citations"][0]["section"] == "applications"
    assert all(set(f) == {"report_id", "kind", "message"} for f in table["findings"]) and table["findings"]
