"""Issuing body and year read from the documents alone, with no manifest to lean on."""
from __future__ import annotations

import pytest

from conftest import CORPUS, FIXTURES
from nianbao.ingest.metadata import find_body, find_region, find_title, find_year, near_names, strip_units
from nianbao.ingest.parse import parse_file
from nianbao.ingest.records import ReportError

PT = "平潭综合实验区"
# Read by hand from each file: the body as the document names itself, and the year it covers.
EXPECTED = {
    "2019_economic-development-bureau_1.txt": (f"{PT}经济发展局", 2019),
    "2019_haitan-district_1.txt": (f"{PT}海坛片区管理局", 2019),
    "2019_public-security-bureau_1.txt": (f"{PT}公安局", 2019),
    "2019_social-affairs-bureau_1.txt": (f"{PT}社会事业局", 2019),
    "2020_finance-bureau_1.txt": (f"{PT}财政金融局", 2020),
    # the text calls itself 靖江园区 and quotes its full name “江苏江阴靖江工业园区”
    "2020_jingjiang-industrial-park.txt": ("江苏江阴靖江工业园区", 2020),
    "2020_junshan-district_1.txt": (f"{PT}君山片区管理局", 2020),
    "2020_market-regulation-bureau_1.txt": (f"{PT}市场监督管理局", 2020),
    "2020_pingtan-zone_1.txt": (PT, 2020),
    "2020_suping-district_1.txt": (f"{PT}苏平片区管理局", 2020),
    "2021_finance-bureau_1.txt": (f"{PT}财政金融局", 2021),
    "2021_haitan-district_1.txt": (f"{PT}海坛片区管理局", 2021),
    "2021_natural-resources-environment-bureau_1.txt": (f"{PT}自然资源与生态环境局", 2021),
    "2021_public-security-bureau_1.txt": (f"{PT}公安局", 2021),
    "2022_economic-development-bureau_1.txt": (f"{PT}经济发展局", 2022),
    "2022_junshan-district_1.txt": (f"{PT}君山片区管理局", 2022),
    "2022_market-regulation-bureau_1.txt": (f"{PT}市场监督管理局", 2022),
    "2022_pingtan-zone_1.txt": (PT, 2022),
    "2023_agriculture-rural-affairs-bureau_1.txt": (f"{PT}农业农村局", 2023),
    "2023_finance-bureau_1.txt": (f"{PT}财政金融局", 2023),
    "2023_haitan-district_1.txt": (f"{PT}海坛片区管理局", 2023),
    "2023_natural-resources-environment-bureau_1.txt": (f"{PT}自然资源与生态环境局", 2023),
    "2023_social-affairs-bureau_1.txt": (f"{PT}社会事业局", 2023),
    # only 区党政办 and 常州市 (whose requirements it follows): the text never says which district
    "2024_changzhou-district-office.txt": ("", 2024),
    "2024_finance-bureau_1.txt": (f"{PT}财政金融局", 2024),
    # no title; 请与江阴临港经济开发区党政办公室联系
    "2024_jiangyin-lingang-development-zone.txt": ("江阴临港经济开发区", 2024),
    "2024_junshan-district_1.txt": (f"{PT}君山片区管理局", 2024),
    "2024_linjiang-new-area.txt": ("临江新区", 2024),
    "2024_market-regulation-bureau_1.txt": (f"{PT}市场监督管理局", 2024),
    "2024_public-security-bureau_1.txt": (f"{PT}公安局", 2024),
    "2024_yangkougang-development-zone.txt": ("洋口港经济开发区", 2024),
    "2025_economic-development-bureau_1.txt": (f"{PT}经济发展局", 2025),
    "2025_finance-bureau_1.txt": (f"{PT}财政金融局", 2025),
    "2025_haitan-district_1.txt": (f"{PT}海坛片区管理局", 2025),
    "2025_market-regulation-bureau_1.txt": (f"{PT}市场监督管理局", 2025),
    "2025_social-affairs-bureau_1.txt": (f"{PT}社会事业局", 2025),
    "pre-2019/2009_finance-bureau_1.txt": ("平潭县财政局", 2009),
    "pre-2019/2011_pingtan-zone_1.txt": (PT, 2011),
    "pre-2019/2017_economic-development-bureau_1.txt": (f"{PT}经济发展局", 2017),
    "pre-2019/2018_public-security-bureau_1.txt": (f"{PT}公安局", 2018),
}


def _path(name: str):
    return FIXTURES / name if "/" in name else CORPUS / name


def test_every_corpus_report_is_listed():
    assert {p.name for p in CORPUS.glob("*.txt")} == {n for n in EXPECTED if "/" not in n}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_and_year_without_manifest(name):
    report = parse_file(_path(name), {})
    body, year = EXPECTED[name]
    assert (report.body, report.year) == (body, year)
    assert report.body_source in (("title", "text") if body else ("unknown",))
    assert report.year_source in ("title", "text")


@pytest.mark.parametrize("path", sorted((FIXTURES / "not-reports").glob("*.txt")), ids=lambda p: p.stem)
def test_look_alikes_still_rejected(path):
    with pytest.raises(ReportError):
        parse_file(path, {})


def test_sources_say_where_the_body_came_from():
    assert parse_file(CORPUS / "2024_jiangyin-lingang-development-zone.txt", {}).body_source == "text"
    assert parse_file(CORPUS / "2024_linjiang-new-area.txt", {}).body_source == "title"
    assert parse_file(CORPUS / "2024_changzhou-district-office.txt", {}).body_source == "unknown"


# Title lines and preambles → the exact body. Each case is the opening of a document.
TITLES = [
    # the template's form, body before the year
    ("平潭综合实验区财政金融局2024年度政府信息公开工作年度报告\n一、总体情况", "平潭综合实验区财政金融局"),
    ("某某县2023年度政府信息公开工作年度报告\n一、总体情况", "某某县"),
    # body after the year
    ("2022年某某市人民政府办公厅政府信息公开工作年度报告\n一、总体情况", "某某市人民政府办公厅"),
    ("2023年市文旅局政府信息公开工作年度报告\n一、总体情况", "市文旅局"),
    # split over two or three lines
    ("2023年市文旅局政府信息公开工作\n年度报告\n一、总体情况", "市文旅局"),
    ("洋口港经济开发区2024年\n政府信息公开工作年度报告\n\n一、总体情况", "洋口港经济开发区"),
    ("某某市人民政府办公室\n2023年度政府信息公开\n工作年度报告\n一、总体情况", "某某市人民政府办公室"),
    # a space inside the title
    ("某某区教育局 2023年度政府信息公开工作年度报告\n", "某某区教育局"),
    ("平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告区管委会办公室：根据《条例》要求，"
     "结合我局工作实际，现编制完成了本报告。", "平潭综合实验区海坛片区管理局"),
    # debris: 标题：, 标题:, markdown #, **, numbering, 《》
    ("标题：某某区住房和城乡建设局2023年政府信息公开工作年度报告\n", "某某区住房和城乡建设局"),
    ("标题:某某区住房和城乡建设局2023年政府信息公开工作年度报告\n", "某某区住房和城乡建设局"),
    ("# 某某镇人民政府2023年政府信息公开工作年度报告\n", "某某镇人民政府"),
    ("## **某某街道办事处2022年度政府信息公开工作年度报告**\n", "某某街道办事处"),
    ("**标题：** 某某县财政局2023年政府信息公开工作年度报告\n", "某某县财政局"),
    ("1. 某某市生态环境局2023年政府信息公开工作年度报告\n", "某某市生态环境局"),
    ("《某某市财政局2021年政府信息公开工作年度报告》\n", "某某市财政局"),
    # covering letters
    ("某某片区管理局关于报送2020年度政府信息公开工作年度报告的函\n区办公室：", "某某片区管理局"),
    ("关于报送《某某县人民政府2023年度政府信息公开工作年度报告》的函\n", "某某县人民政府"),
    ("某某市人民政府关于报送某某市2023年度政府信息公开工作年度报告的函\n", "某某市人民政府"),
    ("二〇二三年度某某县人民政府政府信息公开工作年度报告\n", "某某县人民政府"),
    # the title names no body: contact line, office suffix stripped (党政办公室, not 党政)
    ("2024年政府信息公开工作年度报告\n本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
     "如对本报告有任何疑问，请与江阴临港经济开发区党政办公室联系，电话：0510-1。\n一、总体情况", "江阴临港经济开发区"),
    ("2023年政府信息公开工作年度报告\n如对本报告有疑问，请联系：某某市公安局政府信息公开工作领导小组办公室，电话：1。\n一、总体情况",
     "某某市公安局"),
    ("2022年度政府信息公开工作年度报告\n对本报告如有疑问，请与某某管委会办公室保密与电子政务处联系。\n一、总体情况", "某某管委会"),
    # 本机关 / 以下简称“我局” / 发布机构
    ("政府信息公开工作年度报告\n根据《条例》，结合某某市市场监督管理局（以下简称“我局”）工作实际，编制本报告。\n一、总体情况",
     "某某市市场监督管理局"),
    ("政府信息公开工作年度报告\n本机关：某某县农业农村局\n一、总体情况\n2023年度，本机关……", "某某县农业农村局"),
    ("政府信息公开工作年度报告\n发布机构：某某县卫生健康委员会\n一、总体情况\n2023年度，本机关……", "某某县卫生健康委员会"),
    # signature at the end: a body name and a date
    ("2023年政府信息公开工作年度报告\n一、总体情况\n……\n六、其他需要报告的事项\n无。\n某某经济技术开发区党政办公室\n2024年1月20日",
     "某某经济技术开发区"),
    ("2023年政府信息公开工作年度报告\n一、总体情况\n六、其他需要报告的事项\n无。\n某某市人民政府办公室\n2024年1月20日",
     "某某市人民政府办公室"),
    ("2023年政府信息公开工作年度报告\n一、总体情况\n六、其他需要报告的事项暂无某某县司法局 2024年1月26日", "某某县司法局"),
    # a relative title name made whole by the text
    ("2023年市文旅局政府信息公开工作年度报告\n请与某某市文化广电和旅游局办公室联系。\n一、总体情况", "某某市文化广电和旅游局"),
    # nothing names the body: a district office with no district, a relative signature
    ("2024年政府信息公开年度报告\n一、总体情况\n2024年，区党政办坚持以习近平新时代中国特色社会主义思想为指导。", ""),
    ("2023年政府信息公开工作年度报告\n一、总体情况\n六、其他需要报告的事项\n无\n区政府办\n2024年1月2日", ""),
]


@pytest.mark.parametrize("text,body", TITLES, ids=[str(i) for i in range(len(TITLES))])
def test_body_from_title_and_preamble(text, body):
    title, _ = find_title({}, text)
    assert find_body(title, text, {})[0] == body


def test_crawler_title_field_wins_and_loses_its_label():
    title, found = find_title({"标题": "标题：某某县水利局 2023年政府信息公开工作年度报告"}, "无关的正文")
    assert found and title == "某某县水利局 2023年政府信息公开工作年度报告"
    assert find_body(title, "", {}) == ("某某县水利局", "title")


def test_split_title_is_joined():
    assert find_title({}, "某某市人民政府办公室\n2023年度政府信息公开\n工作年度报告\n一、总体情况")[0] == \
        "某某市人民政府办公室2023年度政府信息公开工作年度报告"
    # a sentence that mentions the report is not its title
    assert find_title({}, "现将2020年度政府信息公开工作年度报告公布如下：\n一、总体情况") == ("", False)


def test_look_alike_is_kept_as_printed():
    text = "政府信息公开工作年度报告\n一、总体情况\n六、其他需要报告的事项\n无。\n平潭综合实验区财政全融局 2022年1月13日"
    assert find_body("政府信息公开工作年度报告", text, {})[0] == "平潭综合实验区财政全融局"


@pytest.mark.parametrize("text,year", [
    ("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", 2023),
    ("所列数据统计时限为2025年1月1日至2025年12月31日。", 2025),
    ("本报告所列数据的统计期限自2019年9月1日起至2019年12月31日止。", 2019),
    ("涵盖2020年1月1日至2020年12月31日期间政府信息公开情况", 2020),
    # a cited notice speaks of another year; the report's own phrase wins
    ("根据《关于编制公布2021年政府信息公开工作年度报告有关事项的通知》，现编制完成2022年度政府信息公开工作年度报告。", 2022),
    ("2023年度，本机关共收到申请3件。2023年度未收取费用。", 2023),
    ("没有年份的文字。", None),
])
def test_year_from_text(text, year):
    assert find_year("政府信息公开工作年度报告", text)[0] == year


def test_year_from_title_comes_first():
    assert find_year("某某县2022年政府信息公开工作年度报告", "统计期限自2023年1月1日起") == (2022, "title")


@pytest.mark.parametrize("raw,body", [
    ("江阴临港经济开发区党政办公室", "江阴临港经济开发区"),
    ("平潭综合实验区公安局政府信息公开工作领导小组办公室", "平潭综合实验区公安局"),
    ("平潭综合实验区市场监督管理局办公室", "平潭综合实验区市场监督管理局"),
    ("某某街道办事处", "某某街道办事处"),
    ("某某县财政局国库科", "某某县财政局"),
])
def test_strip_units(raw, body):
    assert strip_units(raw) == body


def test_own_office_kept_when_asked():
    assert strip_units("某某市人民政府办公室", keep_own_office=True) == "某某市人民政府办公室"
    assert strip_units("某某市人民政府办公室") == "某某市人民政府"


def test_near_names():
    known = ["平潭综合实验区财政金融局", "平潭综合实验区公安局", "东城区"]
    assert near_names("平潭综合实验区财政全融局", known) == ["平潭综合实验区财政金融局"]
    assert near_names("某某市巿场监督管理局", ["某某市市场监督管理局"]) == ["某某市市场监督管理局"]
    assert near_names("西城区", known) == []              # one character apart, but not a look-alike
    assert near_names("平潭综合实验区公安局", known) == []  # itself
    assert near_names("平潭综合实验区财政局", known) == []   # different length


def test_region_from_the_report_when_no_manifest_gives_it():
    # the unnamed 常州 report names its province and city in its opening paragraph
    text = (CORPUS / "2024_changzhou-district-office.txt").read_text(encoding="utf-8")
    assert find_region(text) == "江苏省常州市"
    assert parse_file(CORPUS / "2024_changzhou-district-office.txt").region == "江苏省常州市"
    # 临江新区 names no province anywhere near its start: no region is made up
    assert find_region((CORPUS / "2024_linjiang-new-area.txt").read_text(encoding="utf-8")) == ""
    assert find_region("依据上级要求，黑龙江省、哈尔滨市有关规定编制") == "黑龙江省哈尔滨市"
    assert find_region("根据广西壮族自治区政府信息公开工作要点") == "广西壮族自治区"
