"""The parser against values read from the reports by hand, cell by cell."""
from __future__ import annotations

import json

import pytest

from conftest import GOLD
from nianbao.eval.gold import gold_cells

GOLDS = sorted(GOLD.glob("*.json"))


@pytest.mark.parametrize("path", GOLDS, ids=[p.stem for p in GOLDS])
def test_every_cell_matches_gold(path, parsed):
    gold = json.loads(path.read_text(encoding="utf-8"))
    report = parsed(gold["file"])
    assert report.body == gold["body"]
    assert report.year == gold["year"]
    assert report.template == gold["template"]
    got = {f.key: f.value for f in report.facts}
    want = gold_cells(gold)
    wrong = {k: (got.get(k, "missing"), v) for k, v in want.items() if got.get(k, "missing") != v}
    assert not wrong, f"cells differing from the hand-read values (got, want): {wrong}"
    assert set(got) == set(want), f"unexpected keys: {set(got) - set(want)}"
    kinds = {f.kind for f in report.findings}
    for kind in gold["findings"]:
        assert kind in kinds


def test_blank_cell_is_null_not_zero(parsed):
    r = parsed("2024_yangkougang-development-zone.txt")
    f = r.fact("applications.new_received.total")
    assert f.value is None and f.raw == ""
    assert r.fact("proactive.regulations.issued").value is None


def test_change_column_signs(parsed):
    r = parsed("2020_jingjiang-industrial-park.txt")
    assert r.fact("proactive.licensing.change").raw == "1（增）"
    assert r.fact("proactive.licensing.change").value == 1
    assert r.fact("proactive.penalty.change").raw == "34（减）"
    assert r.fact("proactive.penalty.change").value == -34


def test_fee_keeps_printed_decimals_and_unit(parsed):
    f = parsed("2024_linjiang-new-area.txt").fact("proactive.fees.amount_10k_yuan")
    assert f.raw == "390.9220" and f.unit == "万元" and f.value == pytest.approx(390.922)


def test_facts_point_at_their_row(parsed):
    r = parsed("2024_jiangyin-lingang-development-zone.txt")
    f = r.fact("applications.new_received.total")
    assert r.text[f.offset:f.offset + 40].strip().startswith("一、本年新收政府信息公开申请数量")
    assert r.text.split("\n")[f.line - 1].strip() == "一、本年新收政府信息公开申请数量"


def test_repeated_copy_gives_one_set_of_sections(parsed):
    r = parsed("2024_jiangyin-lingang-development-zone.txt")
    assert [s.key for s in r.sections] == ["preamble", "overview", "proactive", "applications", "appeals", "problems", "other"]
    assert r.text.count("一、总体情况") == 1
    assert len([f for f in r.facts if f.key == "applications.new_received.total"]) == 1


def test_contradiction_16_vs_9(parsed):
    r = parsed("2024_jiangyin-lingang-development-zone.txt")
    msgs = [f.message for f in r.findings if f.kind == "contradiction"]
    assert len(msgs) == 1 and "16" in msgs[0] and "9" in msgs[0]


def test_unnamed_body_is_not_invented(parsed):
    r = parsed("2024_changzhou-district-office.txt")
    assert r.body == "" and r.body_source == "unknown"
    assert r.region == "江苏省常州市"


def test_section_variants(parsed):
    r = parsed("2020_jingjiang-industrial-park.txt")   # section 三 numbered 3、
    assert r.section("applications").heading.startswith("3、")
    r = parsed("2024_public-security-bureau_1.txt")    # …及明年工作计划
    assert "明年工作计划" in r.section("problems").heading
    r = parsed("2023_agriculture-rural-affairs-bureau_1.txt")  # 需要说明的其他事项与附表
    assert r.section("other") is not None
    r = parsed("2020_suping-district_1.txt")  # （二）主动公开… inside section 一 is not section 二
    assert r.section("proactive").heading.startswith("二、")


def test_template_follows_the_tables_not_the_year(parsed):
    r = parsed("2021_haitan-district_1.txt")
    assert r.template == "2019" and r.template_source == "tables"
    assert "template_mismatch" in {f.kind for f in r.findings}


def test_arithmetic_break_recorded_not_fixed(parsed):
    r = parsed("2025_haitan-district_1.txt")  # total column 0 although 2 received ('2000000')
    assert r.fact("applications.new_received.natural_person").value == 2
    assert r.fact("applications.new_received.total").value == 0
    assert any(f.kind == "arithmetic" and f.key == "applications.new_received.total" for f in r.findings)


def test_fused_row_settled_by_the_reports_own_words(parsed):
    # 表二 prints 行政规范性文件 as the run 8855698 (88/55/698, 885/5/698, 8/855/698 … all fit the row);
    # the overview says 现行有效行政规范性文件698件 and 本年度制发的规范性文件88件, which leaves one split
    r = parsed("2022_pingtan-zone_1.txt")
    assert [r.fact(f"proactive.normative_documents.{c}").value for c in ("issued", "repealed", "in_force")] == \
        [88, 55, 698]
    assert any(g.kind == "settled_by_text" and "8855698" in g.message for g in r.findings)


def test_stated_counts_need_row_and_column():
    from nianbao.ingest.tables import stated_counts

    got = stated_counts("集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。发布政策文件20件，废止规章3件。")
    assert got == {"proactive.normative_documents.in_force": {698.0}, "proactive.normative_documents.issued": {88.0},
                   "proactive.regulations.repealed": {3.0}}
