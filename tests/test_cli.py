"""The command line on the bundled corpus, as a user runs it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import GOLD, ROOT
from test_gold import expected_cells


def run(args, data_dir, check=True):
    env = dict(os.environ, NIANBAO_DATA_DIR=str(data_dir))
    p = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT)
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
    p = subprocess.run([sys.executable, "-m", "app.cli", "settings"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert "sk-very-secret" not in p.stdout and "NIANBAO_LLM_API_KEY=****" in p.stdout
    assert f"NIANBAO_DATA_DIR={tmp_path}" in p.stdout


def test_commands_before_ingest_say_what_to_do(tmp_path):
    p = run(["reports"], tmp_path / "none", check=False)
    assert p.returncode != 0 and "nianbao ingest" in p.stderr


def test_every_command_has_help_and_is_in_the_readme():
    from app.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():
        assert sub._name_parser_map[name].description or any(
            c.dest == name and c.help for c in sub._choices_actions), name
        assert re.search(rf"`nianbao {name}\b", readme), f"`nianbao {name}` missing from README"
