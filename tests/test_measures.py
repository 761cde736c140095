"""Section 五 split into problems and measures, against counts and passages read from the reports by hand."""
from __future__ import annotations

import re

import pytest

from nianbao.app.measures import TOPICS, excerpt, from_store, repeats, shared, split_section, survey, topics
from conftest import CORPUS

FINANCE = "平潭综合实验区财政金融局"

# file, problems, measures, (first problem, last problem), (first measure, last measure): read from the files.
HAND = [
    # one paragraph, "仍存在诸多差距……具体举措如下：1.… 4.…": no specific problem
    ("2024_yangkougang-development-zone.txt", 0, 4, None,
     ("强化及时性与针对性：密切关注群众反映的热点", "提升政策解读时效性：围绕上级的重大决策部署")),
    # (一)存在问题。一是… (二)改进措施。一是…
    ("2020_finance-bureau_1.txt", 3, 3, ("处室主动公开意识有待加强", "政策解读形式不够丰富，未能运用数字化"),
     ("坚持“以公开为常态，不公开为例外”，全面梳理", "进一步规范政府信息公开行为。加强信息公开培训指导工作")),
    # problems in one sentence after "如：", measures （一）（二）（三）
    ("2019_economic-development-bureau_1.txt", 1, 3, ("因人事变动，信息公开经办人员业务不熟，监督保障机制欠缺等。",) * 2,
     ("提高业务水平。组织局机关", "强化监督保障。建立健全政府信息公开考核制度")),
    # 一是/二是 problems; measures （一）…（四） on their own lines
    ("2020_jingjiang-industrial-park.txt", 2, 4, ("单位公开内容较少", "宣传还不到位，群众参与意识"),
     ("统一思想，提高认识", "进一步加强对领导干部和信息公开业务人员的培训")),
    # （一）主要问题1.…3. （二）改进措施1.…3.
    ("2020_market-regulation-bureau_1.txt", 3, 3, ("配备的人员少、力量薄", "公开方式灵活性不够"),
     ("进一步加强培训指导", "继续深入贯彻落实《中华人民共和国政府信息公开条例》")),
    # problems separated by ； under "（一）存在的主要问题:"; measures 一是…四是
    ("2020_pingtan-zone_1.txt", 3, 4, ("基层政务公开标准化规范化水平有待进一步提升；", "少数政务新媒体“政务”属性不够突出"),
     ("持续认真贯彻《中华人民共和国政府信息公开条例》", "加大统筹指导力度")),
    # 1.…；2.… under headings ending in "："
    ("2023_social-affairs-bureau_1.txt", 2, 2, ("政策解读比例较低，形式较为单一；", "调查征集结果反馈内容不规范。"),
     ("每篇政策解读要求配套文字解读和图解", "自查网站上已结束的民意征集和网上调查")),
    # no word opening the measures: they are the 一是/二是 lines after the problems paragraph
    ("2024_linjiang-new-area.txt", 2, 2, ("信息质量还需进一步提高", "群众来信方面"),
     ("提高认识，规范工作流程", "强化培训，加强对政务公开工作知识的培训")),
    # 一是…；二是…；三是… then "针对上述问题"
    ("2024_changzhou-district-office.txt", 3, 3, ("未持续深化“放管服”理念；", "政务新媒体发布图文信息居多"),
     ("牢牢把握“非对抗性”思维", "更进一步提升政府信息公开工作人员能力")),
    # two problems, each a short sentence heading a longer one
    ("2025_market-regulation-bureau_1.txt", 2, 3,
     ("政策解读形式有待丰富。目前，我局政策解读主要以文字解读为主", "政务信息质量需进一步提升。在日常信息发布审核中发现"),
     ("深化政务公开意识，拓宽解读维度", "健全审核机制，提升信息质量")),
    # problems 一是…四是, measures opened by "对此", in sentences
    ("2019_social-affairs-bureau_1.txt", 4, 2, ("对主动公开文件公开属性把控不够严格", "保密性审查不够严格"),
     ("对此，我局高度重视，立即着手整改", "加强对政府信息公开内容的保密审查")),
    # one sentence each, no enumeration
    ("2023_natural-resources-environment-bureau_1.txt", 1, 1, ("在与群众互动不够紧密、政策解读形式不够丰富等问题。",) * 2,
     ("下一步，我局将利用好互动平台", "使枯燥的政策文件通俗易懂。")),
    # the general words before the problems are left out: "但仍存在一些差距和不足，"
    ("2025_haitan-district_1.txt", 1, 2, ("信息公开质量还不够高，工作人员的法律素养",) * 2,
     ("下一步，我局将紧密结合工作实际", "结合干部教育培训工作")),
    # "1. …等内容，2. …": an item ending at the next enumerator
    ("2025_social-affairs-bureau_1.txt", 1, 2, ("重点领域信息公开精细化不足",) * 2,
     ("细化重点领域信息公开目录", "优化政务新媒体运营机制")),
]


def _five(parsed, name: str) -> str:
    return parsed(name).section("problems").text


@pytest.mark.parametrize("name,n_problems,n_measures,problems,measures", HAND, ids=[h[0] for h in HAND])
def test_items_read_by_hand(parsed, name, n_problems, n_measures, problems, measures):
    s = split_section(_five(parsed, name))
    assert (len(s.problems), len(s.measures)) == (n_problems, n_measures)
    assert s.general_only == (n_problems == 0)
    if problems:
        assert s.problems[0].text.startswith(problems[0])
        assert problems[1] in s.problems[-1].text
    assert s.measures[0].text.startswith(measures[0])
    assert measures[1] in s.measures[-1].text


def test_general_sentence_only(parsed):
    s = split_section(_five(parsed, "2024_yangkougang-development-zone.txt"))
    assert s.general_only and s.problems == []
    assert s.statement.text == "然而，对比上级主管部门的要求以及新时代洋口港对外宣传的迫切需求，仍存在诸多差距。"
    assert [m.label for m in s.measures] == ["1.", "2.", "3.", "4."]
    assert s.measures[-1].text.endswith("让群众更好地理解政策意图与工作方向。")


def test_signature_after_the_section_is_not_an_item(parsed):
    s = split_section(_five(parsed, "2021_finance-bureau_1.txt"))
    assert s.measures[-1].text.endswith("保证政府信息公开工作持续良好地开展。")


_BOUNDARY = re.compile(r"[，,、\s]*(?:$|[一二三四五六七八九十]是|[（(][一二三四五六七八九十][）)]|\d{1,2}\s*[.、．]|\S[^。]{0,40}日\s*$)")


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_every_item_is_a_verbatim_slice_ending_at_a_boundary(parsed, name):
    text = _five(parsed, name)
    s = split_section(text)
    assert s.measures, "every report in the corpus states measures"
    for it in s.problems + s.measures:
        assert text[it.start:it.end] == it.text and it.text in text
        assert it.text[-1] in "。；;！？!?" or _BOUNDARY.match(text, it.end), it.text


def test_interleaved_problems_and_measures():
    text = ("我局工作存在以下不足。一是网站更新不及时，个别栏目长期未更新。下一步将建立栏目周更新制度。"
            "二是政策解读形式单一。对此，我局将增加图解和视频解读。")
    s = split_section(text)
    assert [p.text for p in s.problems] == ["网站更新不及时，个别栏目长期未更新。", "政策解读形式单一。"]
    assert [m.text for m in s.measures] == ["下一步将建立栏目周更新制度。", "对此，我局将增加图解和视频解读。"]
    assert [m.label for m in s.measures] == ["一是", "二是"]


def test_headings_on_their_own_lines():
    text = "（一）存在的主要问题\n政策解读比例较低；依申请公开答复不够规范。\n（二）下一步工作\n1、加强解读。\n2、规范答复流程。"
    s = split_section(text)
    assert [p.text for p in s.problems] == ["政策解读比例较低；", "依申请公开答复不够规范。"]
    assert [m.text for m in s.measures] == ["加强解读。", "规范答复流程。"]


def test_general_words_only():
    s = split_section("本年度工作取得一定成效，但仍存在一些不足。下一步，我局将继续加强培训，提高工作水平。")
    assert s.general_only and s.statement.text == "本年度工作取得一定成效，但仍存在一些不足。"
    assert [m.text for m in s.measures] == ["下一步，我局将继续加强培训，提高工作水平。"]


def _han(s: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", s))


def test_finance_bureau_prints_the_same_measures_every_year(parsed, manifest):
    """Read from the five reports: measures 一是/二是/三是 are the same words in 2020, 2021, 2023, 2024 and 2025
    (2021 adds 原则 to the first); 2023 adds 四是, printed again in 2024 and 2025. The corpus has no 2022 report."""
    rows = [(parsed(n).body, parsed(n).year, _five(parsed, n)) for n in sorted(manifest)]
    mine = {r.year: r for r in survey(rows) if r.body == FINANCE}
    assert sorted(mine) == [2020, 2021, 2023, 2024, 2025]
    m = {y: [_han(i.text) for i in r.section.measures] for y, r in mine.items()}
    assert [len(m[y]) for y in sorted(m)] == [3, 3, 4, 4, 4]
    for y in (2021, 2023, 2024, 2025):
        assert m[y][1:3] == m[2020][1:3]
        assert m[y][0] == m[2020][0].replace("为例外全面", "为例外原则全面")
    assert m[2023][3] == m[2024][3] == m[2025][3]

    rep = {y: (r.measures_repeat.earlier_year, r.measures_repeat.share, r.measures_repeat.repeated)
           for y, r in mine.items() if r.measures_repeat}
    assert rep.keys() == {2021, 2023, 2024, 2025}
    assert rep[2021][0] == 2020 and rep[2021][1] >= 0.99 and rep[2021][2] == 3
    assert rep[2023][0] == 2021 and 0.7 <= rep[2023][1] < 0.8 and rep[2023][2] == 3  # the new 四是 is the rest
    assert rep[2024] == (2023, 1.0, 4) and rep[2025] == (2024, 1.0, 4)
    assert mine[2024].note() == ("存在的问题与2023年报告几乎逐字相同（100%的文字重复）；"
                                 "改进措施与2023年报告几乎逐字相同（100%的文字重复）")
    assert mine[2023].note(("measures",)) == "改进措施4条中有3条与2021年报告几乎逐字相同（71%的文字重复）"
    assert mine[2020].note() == ""

    others = {(r.body, r.year) for r in survey(rows) if r.measures_repeat and r.body != FINANCE}
    assert others == {("平潭综合实验区市场监督管理局", 2024)}  # three measures reworded from 2022's


def test_repeats_ignore_order(parsed):
    """Two 2019 reports print the same three measures, (一) and (二) swapped."""
    a = [i.text for i in split_section(_five(parsed, "2019_economic-development-bureau_1.txt")).measures]
    b = [i.text for i in split_section(_five(parsed, "2019_haitan-district_1.txt")).measures]
    assert a[0] == b[1] and a[1] == b[0] and a[2] == b[2]
    assert shared("".join(a), "".join(b)) < 0.8
    (r,) = repeats({2019: a, 2020: b})
    assert (r.year, r.earlier_year, r.share, r.repeated, r.items) == (2020, 2019, 1.0, 3, 3)


def test_topics_come_from_the_reports(parsed, manifest):
    items = [i.text for n in manifest for s in [split_section(_five(parsed, n))] for i in s.problems + s.measures]
    seen = {t for i in items for t in topics(i)}
    assert seen == set(TOPICS)
    assert topics("在政策解读方面有哪些改进措施") == ["政策解读"]
    assert "网站/平台" in topics("优化门户网站和微信公众号栏目设置") and "新媒体" in topics("优化门户网站和微信公众号栏目设置")
    assert "监督考核" not in topics("满足社会群众的知情权、参与权、表达权和监督权")


def test_excerpt_cuts_at_a_sentence_end():
    text = "一" * 50 + "。" + "二" * 50 + "；" + "三" * 50
    assert excerpt(text, 120) == "一" * 50 + "。" + "二" * 50 + "；"
    assert excerpt(text, 500) == text
    assert excerpt("三" * 400, 100) == "三" * 400


def test_from_store(tmp_path, parsed):
    from nianbao.index.store import Store

    store = Store(tmp_path / "nianbao.db")
    names = ["2020_finance-bureau_1.txt", "2021_finance-bureau_1.txt", "2024_yangkougang-development-zone.txt",
             "2024_changzhou-district-office.txt"]
    for n in names:
        store.put_report(parsed(n))
    ids = {n: parsed(n).report_id for n in names}
    fives = from_store(store)
    store.close()
    assert fives.keys() == set(ids.values())
    assert fives[ids["2021_finance-bureau_1.txt"]].note() == ("存在的问题与2020年报告几乎逐字相同（100%的文字重复）；"
                                                             "改进措施与2020年报告几乎逐字相同（99%的文字重复）")
    assert fives[ids["2024_yangkougang-development-zone.txt"]].section.general_only
    assert fives[ids["2024_changzhou-district-office.txt"]].body == ""
