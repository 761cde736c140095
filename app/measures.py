"""Section 五 (存在的主要问题及改进情况): its problems and measures as verbatim items, their topics,
and the years whose problems or measures repeat an earlier year's almost word for word."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

# Topics of problems and measures, each with the words the reports use for it (checked against the
# corpus: every word below occurs in some report's section 五). The one place topics are defined.
TOPICS: dict[str, str] = {
    "政策解读": r"解读",
    "网站/平台": r"网站|门户|平台|栏目|专区",
    "新媒体": r"新媒体|微信|公众号|短视频|视频|音频|动画|H5",
    "培训/队伍": r"培训|业务能力|业务水平|业务素养|业务知识|专业能力|专业素质|能力素质|人员|队伍|专职",
    "公开意识": r"意识|理念|重视",
    "主动公开": r"主动公开|公开属性|公开目录|事项清单|公开清单|覆盖面|公开范围|公开内容|公开事项",
    "公开形式/渠道": r"渠道|载体|公开形式|公开方式|展现形式|图文|图表",
    "依申请公开": r"依申请|公开申请|申请公开",
    "制度/机制": r"制度|机制|责任制|流程|标准化|规范化",
    "审核/保密": r"审核|审查|保密|把关|三审三校",
    "监督考核": r"监督(?!权)|考核|督促|问责|追究|巡查|评议|检查|通报",
    "回应关切/互动": r"回应|关切|热点|互动|征集|征求意见|留言|民意|听证",
    "重点领域": r"重点领域|重大行政决策|预公开|重点项目|涉农",
}
_TOPIC_RES = {name: re.compile(words) for name, words in TOPICS.items()}

_CN = "一二三四五六七八九十"
# Enumerators as printed: 一是…二是…, （一）（二）, 1. 2. / 1、2、 (not a decimal, not part of a longer number)
_MARK = re.compile(rf"(?P<shi>(?<![统唯同单])[{_CN}]是)|(?P<paren>[（(][{_CN}][）)])"
                   r"|(?P<digit>(?<![\dA-Za-z.．])\d{1,2}\s*[.、．](?!\d))")
# Sub-headings splitting the section in two; seen: （一）存在问题。/ (一)存在问题。/ （一）存在的主要问题: /
# （一）主要问题 / （二）改进措施：/ (二)改进措施。 — often run on into the text with no line break.
_PROBLEMS_HEAD = re.compile(r"[（(]一[）)]\s*(?:存在的?主要问题|存在的?问题|主要问题|存在的?不足)\s*[:：。.]?")
_MEASURES_HEAD = re.compile(r"[（(]二[）)]\s*(?:改进措施|改进情况|整改措施|整改情况|下一步(?:工作)?(?:计划|打算|措施)?|"
                            r"工作计划|今后(?:工作)?打算)\s*[:：。.]?")
# Words that open the measures when there is no sub-heading ("下一步，我局将…", "2025年，我们将…",
# "针对上述问题", "具体举措如下：", "对此，…").
_CUE = re.compile(r"下一步|下阶段|今后|明年|针对(?:上述|以上|这些|存在的)|对此|具体(?:举措|措施)|(?:抓好|做好|采取)以下|"
                  r"重点做好|加以改进|予以改进|从以下|(?:我|本)[局区办委]将|我们将|(?:园区|开发区|新区)将|"
                  r"(?:19|20)\d\d年[，,]\s*[^。，,]{0,12}将")
_INNER_CUE = re.compile(_CUE.pattern + r"|(?:整改|改进)?措施[:：]|整改[:：]")
# "存在一些不足", "还有一定的差距", "取得了一定成效": words every report prints, naming no problem.
_GAP = (r"(?:存在|面临|还有|也有|有)着?(?:一些|一定的?|诸多|不少|某些|许多|一系列)?的?"
        r"(?:问题|不足|差距|短板|薄弱环节|困难)(?:[和与及、](?:问题|不足|差距|短板))*(?:之处)?")
_GENERAL = re.compile(_GAP + r"|取得了?一定的?(?:成效|成绩|成果)")
# Predicates of a named problem, as the reports phrase them.
_PROBLEM = re.compile(r"有待|不够|不足|欠缺|不熟|较少|单一|滞后|不及时|薄弱|不强|不高|缺乏|缺少|不均衡|不全面|不规范|"
                      r"不严格|不到位|不准确|不深入|不紧密|仍需|还需|尚需|需进一步|较弱|较低|不多|还要再|泄露|不完善|"
                      r"尚未|未能|梗阻|差距")
# A lead-in before the problems themselves: "…存在一些不足，如：", "主要表现在：", "，主要存在".
_LEAD_IN = re.compile(r"[，,]\s*(?:例如|比如|如|主要(?:表现在|表现为|体现在|存在|是))[：:]?|[：:]")
_AFTER_GENERAL = re.compile(_GAP + r"[，,]")  # "…但仍存在一些差距和不足，信息公开质量还不够高"
_SENTENCE = re.compile(r"[^。；;！？!?\n]*(?:[。；;！？!?]+|\n|$)")
# A signature printed after the last sentence: "平潭综合实验区财政金融局 2022年1月13日", "…财政局 二○一○年四月十日".
_DAY = r"[\d一二三四五六七八九十]"
_SIGNATURE = re.compile(rf"\s+[^。；;！？\n]{{0,40}}(?:(?:19|20)\d\d|二[○〇零][一二三四五六七八九○〇零]{{2}})年{_DAY}{{1,2}}月{_DAY}{{1,3}}日\s*$")
# Older reports run on into attachments or statistics rows ("附件：…", "信函申请数 条 0"): not section text.
_APPENDIX = re.compile(r"附件\s*[:：\d]|附表|(?:[\u4e00-\u9fff]{2,12}数\s*[条件个]\s*\d+\s*){2}")
_LIST_LINE = re.compile(rf"\n\s*(?=[{_CN}]是|[（(][{_CN}][）)]|\d{{1,2}}\s*[.、．])")
_STRIP = " \t\r\n\u3000"
_TRAIL = _STRIP + "，,、"


@dataclass(frozen=True)
class Item:
    """One problem or measure: `text` is `section_text[start:end]`, its enumerator excluded."""

    text: str
    start: int       # offset in the section text
    end: int         # offset just past the item
    label: str = ""  # the enumerator printed before it (一是, （二）, 3.), or before the problem it answers; '' if none


@dataclass(frozen=True)
class Section5:
    """Section 五 split into problems and measures."""

    problems: list[Item]
    measures: list[Item]
    general_only: bool           # True when the report names no specific problem
    statement: Item | None = None  # the general sentence ("仍存在诸多差距。") when general_only


@dataclass(frozen=True)
class Repeat:
    """A year's items repeating an earlier year's: `share` of its text (0–1) is found in that year's."""

    year: int
    earlier_year: int
    share: float      # share of this year's text (years, punctuation, spaces dropped) found in earlier_year's
    repeated: int     # this year's items that each repeat an item of earlier_year's
    items: int        # this year's items


@dataclass(frozen=True)
class ReportFive:
    """One report's section 五 with the notes on text repeated from the same body's earlier reports."""

    body: str
    year: int
    section: Section5
    problems_repeat: Repeat | None
    measures_repeat: Repeat | None

    def note(self, which: tuple[str, ...] = ("problems", "measures")) -> str:
        """A one-line Chinese note on repeated problems and/or measures ('' when nothing repeats)."""
        pairs = (("problems", "存在的问题", self.problems_repeat), ("measures", "改进措施", self.measures_repeat))
        parts = [(f"{what}与{r.earlier_year}年报告几乎逐字相同" if r.repeated == r.items else
                  f"{what}{r.items}条中有{r.repeated}条与{r.earlier_year}年报告几乎逐字相同") + f"（{r.share:.0%}的文字重复）"
                 for key, what, r in pairs if r and key in which]
        return "；".join(parts)


def _value(label: str) -> int:
    digits = re.sub(r"\D", "", label)
    return int(digits) if digits else _CN.index(re.sub(rf"[^{_CN}]", "", label)) + 1


def _chain(text: str, lo: int, hi: int) -> list[re.Match]:
    """The top-level enumeration in text[lo:hi]: the family whose 1 comes first, followed by 2, 3, …"""
    best: list[re.Match] = []
    for fam in ("shi", "paren", "digit"):
        marks = [m for m in _MARK.finditer(text, lo, hi) if m.group(fam)]
        chain: list[re.Match] = []
        for m in marks:
            if _value(m.group()) == len(chain) + 1:
                chain.append(m)
        if len(chain) >= 2 and (not best or chain[0].start() < best[0].start()):
            best = chain
    return best


def _item(text: str, a: int, b: int, label: str = "") -> Item | None:
    while a < b and text[a] in _STRIP:
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return Item(text[a:b], a, b, label.strip()) if re.search(r"[\u4e00-\u9fff]{2}", text[a:b]) else None


def _sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text, lo, hi):
        if text[m.start():m.end()].strip(_STRIP):
            out.append((m.start(), m.end()))
        if m.end() >= hi:
            break
    return out


def _specific(s: str) -> bool:
    """Does the sentence name a problem, beyond "there are some shortcomings"?"""
    return bool(_PROBLEM.search(_GENERAL.sub("", s)))


def _han(s: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", s))


def _items(text: str, lo: int, hi: int, problems: bool) -> list[Item]:
    """The items of text[lo:hi]: enumerated items, or else its sentences (for problems, those naming one)."""
    chain = _chain(text, lo, hi)
    if chain:
        ends = [m.start() for m in chain[1:]] + [hi]
        listed = [it for m, b in zip(chain, ends) if (it := _item(text, m.end(), b, m.group()))]
        if not problems:
            return listed
        # a problem stated in a sentence of its own before the list ("…发现档案数字化进度滞后。一是…")
        before = [(a, b) for a, b in _sentences(text, lo, chain[0].start())
                  if _specific(text[a:b]) and not _GENERAL.search(text[a:b])]
        return [it for a, b in before if (it := _item(text, a, b))] + listed
    spans = _sentences(text, lo, hi)
    if problems:
        spans = [(a, b) for a, b in spans if _specific(text[a:b])]
        if spans:  # drop the lead-in of the first ("…存在一些不足，如：")
            a, b = spans[0]
            leads = [*_LEAD_IN.finditer(text, a, b), *_AFTER_GENERAL.finditer(text, a, b)]
            cuts = sorted(m.end() for m in leads if not _specific(text[a:m.start()]))
            if cuts and _specific(text[cuts[-1]:b]):
                spans[0] = (cuts[-1], b)
    # A short sentence heading a longer one ("政策解读形式有待丰富。目前，…") is one item with it.
    heads = [i for i, (a, b) in enumerate(spans) if _han(text[a:b]) <= 16 and text[b - 1] == "。"]
    if len(heads) >= 2 and heads[0] == 0 and len(heads) < len(spans):
        starts = heads + [len(spans)]
        spans = [(spans[i][0], spans[j - 1][1]) for i, j in zip(starts, starts[1:])]
    return [it for a, b in spans if (it := _item(text, a, b))]


def _interleaved(text: str, chain: list[re.Match]) -> list[tuple[int, int, int]]:
    """Items that state a problem then its measure (一是X不及时。下一步将…): (start, cue, end) each."""
    ends = [m.start() for m in chain[1:]] + [len(text)]
    out = []
    for m, b in zip(chain, ends):
        cue = _INNER_CUE.search(text, m.end(), b)
        if cue is None:
            return []
        c = max(text.rfind(p, m.end(), cue.start()) for p in "。；;，,：:") + 1
        c = max(c, m.end())
        if not _specific(text[m.end():c]):
            return []
        out.append((m.end(), c, b))
    return out


def split_section(text: str) -> Section5:
    """Section 五 as problems and measures, each item a verbatim slice ending at a sentence or item boundary."""
    tail = _APPENDIX.search(text)
    n = tail.start() if tail else len(text)
    sig = _SIGNATURE.search(text, 0, n)
    n = sig.start() if sig else n
    head = _MEASURES_HEAD.search(text, 0, n)
    chain = [] if head else _chain(text, 0, n)
    if chain and (pairs := _interleaved(text[:n], chain)):
        problems = [it for (a, c, _), m in zip(pairs, chain) if (it := _item(text, a, c, m.group()))]
        measures = [it for (_, c, b), m in zip(pairs, chain) if (it := _item(text, c, b, m.group()))]
        return Section5(problems, measures, False)
    if head:
        p_head = _PROBLEMS_HEAD.search(text, 0, head.start())
        p_lo, p_hi, m_lo = (p_head.end() if p_head else 0), head.start(), head.end()
    else:
        cue = _CUE.search(text, 0, n)
        if cue:
            b = max(text.rfind(p, 0, cue.start()) for p in "。；;！？!?\n") + 1
        else:  # no cue: an enumeration on its own lines after the problems is the measures, unless it names problems
            line = _LIST_LINE.search(text, 1, n)
            first = text[line.end():text.find("。", line.end(), n) + 1 or n] if line else ""
            b = line.start() + 1 if line and not _specific(first) else n
        p_lo, p_hi, m_lo = 0, b, b
    problems = _items(text, p_lo, p_hi, problems=True)
    measures = _items(text, m_lo, n, problems=False) if m_lo < n else []
    statement = None
    if not problems:
        general = [(a, b) for a, b in _sentences(text, p_lo, p_hi) if _GENERAL.search(text[a:b])
                   and re.search(r"问题|不足|差距|短板|薄弱", text[a:b])]
        statement = _item(text, *general[-1]) if general else None
    return Section5(problems, measures, not problems, statement)


def _norm(s: str) -> str:
    """Text as compared for repeats: years, punctuation and spaces dropped."""
    return "".join(re.findall(r"[\u4e00-\u9fffA-Za-z0-9]", re.sub(r"(?:19|20)\d\d年", "", s)))


def shared(earlier: str, later: str) -> float:
    """The share (0–1) of `later`'s normalised text found, in runs of 4+ characters, in `earlier`'s."""
    b = _norm(later)
    return _matched(_norm(earlier), b) / len(b) if b else 0.0


def _matched(a: str, b: str) -> int:
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(x.size for x in blocks if x.size >= 4)


def repeats(items_by_year: dict[int, list[str]], threshold: float = 0.8) -> list[Repeat]:
    """Years whose items repeat an earlier year's, each with the earlier year sharing most of its text.

    Each item is compared with the earlier year's item it shares most with, so a report that reorders
    an earlier list still repeats it.
    A year is listed when `share` reaches the threshold, or when at least half its items each do.
    """
    norm = {y: [n for n in map(_norm, items) if n] for y, items in items_by_year.items()}
    years = sorted(y for y, items in norm.items() if sum(map(len, items)) >= 20)
    out = []
    for i, y in enumerate(years):
        cur, total = norm[y], sum(map(len, norm[y]))
        best = None
        for e in years[:i]:
            got = [max(_matched(p, c) for p in norm[e]) for c in cur]
            share = sum(got) / total
            same = sum(g >= threshold * len(c) for g, c in zip(got, cur))
            if best is None or (share, e) >= (best.share, best.earlier_year):
                best = Repeat(y, e, round(share, 3), same, len(cur))
        if best and (best.share >= threshold or 2 * best.repeated >= best.items):
            out.append(best)
    return out


def topics(item_text: str) -> list[str]:
    """The topics (keys of TOPICS, in table order) whose words occur in the text."""
    return [name for name, rx in _TOPIC_RES.items() if rx.search(item_text)]


def survey(rows: Iterable[tuple[str, int, str]], threshold: float = 0.8) -> list[ReportFive]:
    """Per report (body, year, section-五 text): its items, and repeats of the same body's earlier years."""
    rows = list(rows)
    secs = [split_section(text) for _, _, text in rows]
    found: dict[tuple[str, int, str], Repeat] = {}
    for body in {b for b, _, _ in rows if b}:  # reports of no named body are not one body's years
        mine = [(y, s) for (b, y, _), s in zip(rows, secs) if b == body and y]
        for what in ("problems", "measures"):
            by_year = {y: [it.text for it in getattr(s, what)] for y, s in mine}
            for r in repeats(by_year, threshold):
                found[(body, r.year, what)] = r
    return [ReportFive(b, y, s, found.get((b, y, "problems")), found.get((b, y, "measures")))
            for (b, y, _), s in zip(rows, secs)]


def from_store(store, reports: list[dict] | None = None) -> dict[str, ReportFive]:
    """Section 五 of the store's reports (all, or `reports` as `store.reports()` gives them), by report id."""
    rows, ids = [], []
    for r in store.reports() if reports is None else reports:
        sec = next((s for s in store.sections(r["report_id"]) if s.key == "problems"), None)
        if sec is not None and sec.text.strip():
            rows.append((r["body"], r["year"], sec.text))
            ids.append(r["report_id"])
    return dict(zip(ids, survey(rows)))


def excerpt(text: str, limit: int = 300) -> str:
    """Text kept whole up to `limit` characters, else cut after the last 。 or ； before it (never mid-clause)."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind("。", 0, limit), text.rfind("；", 0, limit))
    return text[:cut + 1] if cut > 0 else text
