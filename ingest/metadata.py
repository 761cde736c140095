"""Issuing body, year covered, title, and whether a document is an annual report at all.

The template's title is `<body><year>年(度)政府信息公开工作年度报告`. Real titles
move the body after the year, wrap it in 关于报送…的函, split it over lines, or
leave the body out; then the preamble (请与…联系, 本机关…), the signature at the
end (a body name and a date) or the publisher line name it. Every rule here
reads the structure of such phrases; none knows a particular body.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

_TITLE_WORDS = re.compile(r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告|信息公开年报|政务公开工作年度报告")
_NOT_REPORT_TITLE = re.compile(r"自查报告|工作要点|落实情况|工作总结|通知$|意见$")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = re.compile(r"([二][〇○零][〇○零一二三四五六七八九]{2})\s*年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}

# --- names of bodies -------------------------------------------------------------

# How the name of a government body ends (levels of government, organs, zones).
_ORGAN_END = (r"(?:人民政府|政府|办公厅|办公室|管理委员会|管委会|委员会|党工委|委|局|厅|署|院|中心|办事处|"
              r"园区|开发区|新区|实验区|示范区|片区|区|县|市|州|盟|旗|镇|乡|街道|办|公司|集团|所|站|馆|队|会)")
_ENDS_AS_ORGAN = re.compile(_ORGAN_END + "$")
# An internal unit after the body's name in a contact or signature line: the office that
# answers questions (党政办公室, 政府信息公开工作领导小组办公室, …处/科), not the body.
_UNIT = (r"(?:(?:党政|党工委|综合|行政|机关|政务|政务公开|(?:政府)?信息公开)(?:工作)?(?:领导小组)?办公室|"
         r"(?:领导小组)?办公室|党政办|综合办|政务公开办|[^\s办室局委会厅府处科股]{2,10}[处科股])")
# A bare 办公室/办公厅 right after a government is a body of its own (某某市人民政府办公室).
_OWN_OFFICE = re.compile(r"(?:政府|管委会|管理委员会)(?:办公室|办公厅)$")
_SPLIT_UNIT = re.compile(rf"(.+?{_ORGAN_END})({_UNIT})")
# Words that point at the writer, not a name: 本局, 我委, 该单位, 各部门, 全区.
_NOT_A_NAME = re.compile(r"^[本我该贵各全其此]")
# 区财政局, 市文旅局: a name relative to a place the text does not say.
_RELATIVE = re.compile(r"^[省市区县镇乡](?!场|辖|民)")
_QUOTES = re.compile(r"[《》“”\"'「」『』‘’]")


def _proper(name: str) -> bool:
    """A body name: ends like an organ, with at least two characters of its own before that ending."""
    m = _ENDS_AS_ORGAN.search(name)
    return bool(m) and len(name) - len(m.group(0)) >= 2 and not _NOT_A_NAME.match(name)


def strip_units(name: str, keep_own_office: bool = False) -> str:
    """'江阴临港经济开发区党政办公室' → '江阴临港经济开发区': drop the offices after the body's name, last first."""
    name = _QUOTES.sub("", re.sub(r"\s+", "", name))
    while not (keep_own_office and _OWN_OFFICE.search(name)):
        m = _SPLIT_UNIT.fullmatch(name)
        if not m:
            break
        name = m.group(1)
    return name


def _body_name(raw: str, keep_own_office: bool = False) -> str:
    """A candidate run of text → a body name, or '' when what remains names no body (区党政办 → 区 → '')."""
    name = strip_units(raw, keep_own_office)
    return name if _proper(name) else ""


# --- title ------------------------------------------------------------------------

# Debris before a title: markdown headings and bold, a 标题： label, list numbering.
_DEBRIS = re.compile(r"^(?:#{1,6}\s*|\*{1,3}\s*|>\s*|标\s*题\s*[:：]\s*|题\s*目\s*[:：]\s*|"
                     r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?=\S)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*)+")
_SENTENCE = re.compile(r"[。，,；;：:！？!?、]")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d\s*年?度?|[二][〇○零][〇○零一二三四五六七八九]{2}\s*年度?")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号")
# A whole report on one line: the title is the line's opening words.
_LEADING_TITLE = re.compile(r"^((?:[^。，,；;：:！？、\s]|\s(?=\S)){2,60}?(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)(?:的函)?)")
_PROSE_START = re.compile(r"^(?:根据|按照|依据|依照|本|现将|现|为|特)")


def clean_title_line(line: str) -> str:
    """A title line without 标题：, markdown #/** or list numbering."""
    line = _DEBRIS.sub("", line.strip())
    return re.sub(r"[\s*#]+$", "", line).strip()


def _head_part(line: str) -> bool:
    """A line that can stand before the title words: a body name, a year, or both."""
    rest = _YEAR_TOKEN.sub("", re.sub(r"\s+", "", _QUOTES.sub("", line)))
    rest = re.sub(r"关于$", "", rest)
    if len(line) > 40 or _SENTENCE.search(line) or re.search(r"\d", rest):
        return False
    return not rest or bool(_ENDS_AS_ORGAN.search(rest))


def _fragment(line: str) -> bool:
    """A short line with no sentence punctuation: part of a title broken over lines."""
    return len(line) <= 40 and not _SENTENCE.search(line) and not _PROSE_START.match(line)


def find_title(header: dict[str, str], text: str) -> tuple[str, bool]:
    """The report's title: the crawler's 标题, else the opening lines (up to three joined); (title, found)."""
    if header.get("标题"):
        return " ".join(clean_title_line(header["标题"]).split()), True
    lines = [clean_title_line(ln) for ln in text.split("\n")[:60]]
    lines = [ln for ln in lines if ln][:12]
    for j, line in enumerate(lines[:10]):
        if len(line) > 60:
            m = _LEADING_TITLE.match(line)
            if m and not _PROSE_START.match(line):
                return " ".join(m.group(1).split()), True
            continue
        start = j
        while start > 0 and j - start < 2:
            prev, window = lines[start - 1], "".join(lines[start:j + 1])
            if _TITLE_WORDS.search(prev):
                break
            if (not _TITLE_WORDS.search(window) and _fragment(prev)) or \
                    (_TITLE_WORDS.search(window) and _head_part(prev)):
                start -= 1
                continue
            break
        cand = "".join(lines[start:j + 1])
        if len(cand) <= 80 and _TITLE_WORDS.search(cand) and not _SENTENCE.search(cand) \
                and not _PROSE_START.match(cand):
            return " ".join(cand.split()), True
    return "", False


def is_annual_report_title(title: str) -> bool:
    """Does the title name an information-disclosure annual report (not a self-inspection or work plan)?"""
    return bool(_TITLE_WORDS.search(title)) and not _NOT_REPORT_TITLE.search(title.replace("年度报告的函", ""))


# --- year -------------------------------------------------------------------------

# The statistics period: 统计期限自2023年1月1日起, 统计时限为…, 数据统计周期为…
_PERIOD = re.compile(r"(?:统计|数据)(?:的)?(?:期限|时限|周期|期间|区间|时间|范围)[^。；;\d]{0,8}?((?:19|20)\d\d)\s*年")
_FULL_YEAR = re.compile(r"((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—|-|－|~)\s*"
                        r"(?:\1\s*年\s*)?12\s*月\s*31\s*日")
_OWN_TITLE_PHRASE = re.compile(r"((?:19|20)\d\d)\s*年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)")
_CITED = re.compile(r"《[^《》]{0,80}》|关于[^。；，,]{0,40}?(?:通知|意见)")


def _cn_year(s: str) -> int:
    return int("".join(_CN_DIGITS[c] for c in s))


def find_year(title: str, text: str) -> tuple[int | None, str]:
    """Year covered: the title's, else the statistics period's, else the year the report calls its own."""
    m = _YEAR.search(title)
    if m:
        return int(m.group(1)), "title"
    m = _CN_YEAR.search(title)
    if m:
        return _cn_year(m.group(1)), "title"
    head = text[:4000]
    for pattern in (_PERIOD, _FULL_YEAR):
        m = pattern.search(head)
        if m:
            return int(m.group(1)), "text"
    # Names of cited notices (关于做好2021年…年度报告…的通知) speak of another year.
    own = _CITED.sub("", text)
    m = _OWN_TITLE_PHRASE.search(own)
    if m:
        return int(m.group(1)), "text"
    for pattern in (r"((?:19|20)\d\d)\s*年度", r"((?:19|20)\d\d)\s*年\s*[，,]"):
        counts = Counter(re.findall(pattern, own))
        if counts:
            return int(counts.most_common(1)[0][0]), "text"
    return None, "unknown"


# --- body -------------------------------------------------------------------------

_TITLE_START = re.compile(r"(?:政府|政务)?信息公开|政务公开|(?:工作)?年度报告|年报")
_ABOUT = re.compile(r"关于(?:报送|印发|公布|发布|上报|转发|呈报)?")
_TRAIL_VERB = re.compile(r"(?:报送|印发|公布|发布|上报|呈报)?(?:的)?$")


def body_from_title(title: str) -> str:
    """The body a title names, before or after the year: '2022年某某市人民政府办公厅政府信息…' → '某某市人民政府办公厅'."""
    t = re.sub(r"\s+", "", clean_title_line(title))
    t = _QUOTES.sub("", _DOC_NUMBER.sub("", t))
    m = _TITLE_START.search(t)
    head = t[:m.start()] if m else t
    y = _YEAR_TOKEN.search(head)
    parts = (head[:y.start()], head[y.end():]) if y else (head,)
    for part in parts:
        about = _ABOUT.search(part)  # 某某市人民政府关于报送某某市…: the writer stands before 关于
        if about:
            part = part[:about.start()] or part[about.end():]
        name = _TRAIL_VERB.sub("", part)
        if len(name) >= 2 and not _NOT_A_NAME.match(name):
            return name
    return ""


_NAME_RUN = r"[^\s，,。；;：:（()）、“”\"《》]{2,40}?"
# 请与…联系 / 请联系：… / 可联系… / 联系单位：…
_CONTACT = (
    re.compile(rf"请\s*与\s*({_NAME_RUN})\s*联系"),
    re.compile(rf"(?:请|可|敬请|欢迎)\s*联系\s*[:：]?\s*({_NAME_RUN})(?=[，,。；;（(\s]|电话|联系|地址)"),
    re.compile(rf"联系(?:单位|部门|机关|机构)\s*[:：]\s*({_NAME_RUN})(?=[，,。；;（(\s]|$)"),
)
_SELF_WORD = r"(?:本机关|本单位|本局|本委|本办|本院|我局|我委|我办|我厅|我区|我县|我市|我镇|我乡|我院|我中心)"
# 某某局（以下简称“我局”）: the text declares its own name.
_DECLARED = re.compile(rf"([\u4e00-\u9fff]{{2,40}})[（(]\s*以下(?:简称|称)\s*[“\"]?{_SELF_WORD}[”\"]?\s*[）)]")
_OWN_LINE = re.compile(r"本(?:机关|单位)(?:(?:名称|全称)?\s*[:：]|(?:名称|全称)\s*(?:为|是))\s*([\u4e00-\u9fff（）()]{2,40})")
_PUBLISHER = re.compile(r"(?:发布|发文|公开)(?:机构|机关|单位)\s*[:：]\s*([^\s，,。；;|｜]{2,40})")
# Words that can precede a name in running text: 结合某某局（以下简称“我局”）.
_LEAD_WORDS = re.compile(r"^(?:结合|根据|按照|依据|依照|现将|特将|通过|经过)+")
# The closing words of the last section run into an unspaced signature: …的事项暂无某某局 2024年1月26日.
_CLOSING = re.compile(r"^.*(?:事项|此函|特此报告|特此函告|特此说明|专此报告|专此函告)(?:暂无|无)?")
_DATE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                   r"[二][〇○零][〇○零一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
_SIGNER = re.compile(r"([\u4e00-\u9fff（）()]{2,40})[\s\u3000]*$")
# 2020年，靖江园区在…: how a report speaks of its writer in its opening sentences.
_SUBJECT = re.compile(r"(?:^|[。！？\n]|\s)\s*(?:(?:19|20)\d\d\s*年度?|今年|本年度|一年来)\s*[，,]\s*([\u4e00-\u9fff]{2,20}?)"
                      r"(?=在|坚持|认真|紧紧|深入|全面|围绕|始终|持续|严格|高度|不断|积极|进一步|按照|聚焦|紧扣|扎实|着力|立足|以)")
_WRAPPED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*\n[ \t]*(?=[\u4e00-\u9fff])(?![一二三四五六七八九十]+[、.．])")
_QUOTED = re.compile(r"[“\"「『]([\u4e00-\u9fff]{3,30})[”\"」』]")


def _signature(text: str) -> str:
    """A body name followed by a date at the end of the report (印发 lines name the printing office)."""
    tail = text[-600:]
    dates = [m for m in _DATE.finditer(tail) if not re.match(r"\s*印发", tail[m.end():])]
    for m in reversed(dates):
        run = _SIGNER.search(tail[:m.start()])
        if run:
            name = _body_name(_CLOSING.sub("", run.group(1)), keep_own_office=True)
            if name:
                return name
    return ""


def body_candidates(text: str, header: dict[str, str] | None = None) -> list[str]:
    """Names the text gives its writer, strongest first: declared name, 本机关 line, contact line, signature, publisher."""
    head = text[:5000]
    # PDF text wraps lines inside a name (请与江阴临港经\n济开发区…联系); these two rules have clear ends.
    unwrapped = _WRAPPED.sub("", head)
    found: list[str] = []
    for m in _DECLARED.finditer(unwrapped):
        found.append(_body_name(_LEAD_WORDS.sub("", m.group(1)), keep_own_office=True))
    for m in _OWN_LINE.finditer(head):
        found.append(_body_name(m.group(1), keep_own_office=True))
    for pattern in _CONTACT:
        for m in pattern.finditer(unwrapped):
            found.append(_body_name(m.group(1)))
    found.append(_signature(text))
    for m in _PUBLISHER.finditer(head):
        found.append(_body_name(m.group(1), keep_own_office=True))
    if header and header.get("发布机构"):
        found.append(_body_name(header["发布机构"], keep_own_office=True))
    out: list[str] = []
    for name in found:
        if name and name not in out:
            out.append(name)
    return out


def body_from_text(text: str, header: dict[str, str] | None = None) -> str:
    """The body the text names when the title gives none.

    A name relative to a place the text leaves unsaid (区财政局, 区政府办) does not say
    which body wrote the report, so it is not taken; the title alone may name a body so.
    """
    names = [n for n in body_candidates(text, header) if not _RELATIVE.match(n)]
    if names:
        return names[0]
    for m in _SUBJECT.finditer(text[:3000]):
        name = _body_name(m.group(1), keep_own_office=True)
        if name and not _RELATIVE.match(name):
            return name
    return ""


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def fuller_name(name: str, text: str, header: dict[str, str] | None = None) -> str:
    """A longer form the text itself gives of a short name (靖江园区 → “江苏江阴靖江工业园区”), else ''."""
    pool = body_candidates(text, header)
    pool += [q for q in _QUOTED.findall(text) if _proper(q) and q not in pool]
    for long in pool:
        if len(name) < len(long) <= 30 and long[-1] == name[-1] and name[:2] in long and _subsequence(name, long):
            return long
    return ""


def find_body(title: str, text: str, header: dict[str, str] | None = None) -> tuple[str, str]:
    """(body, source): the name the title gives, else the one the text gives; ('', 'unknown') when nothing names it."""
    named = body_from_title(title)
    if named:
        if _RELATIVE.match(named):  # 市文旅局: the text may say which city
            longer = fuller_name(named, text, header)
            if longer:
                return longer, "text"
        return named, "title"
    found = body_from_text(text, header)
    if found:
        return fuller_name(found, text, header) or found, "text"
    return "", "unknown"


# --- look-alike names --------------------------------------------------------------

# Characters that OCR and hurried typing confuse: similar shapes, not similar meanings.
_LOOKALIKES = (
    "金全", "己已巳", "未末", "土士", "日曰", "戊戌戍", "人入八", "大太犬", "天夭", "干千于", "王玉主", "白自",
    "田由甲申", "刀力", "贝见", "宁宇", "准淮", "汪注", "沽沾", "洲州", "杨扬场汤", "材村林", "杭抗",
    "桥侨", "巿市", "西酉", "平乎", "潭谭", "综棕", "验险脸", "委季", "管菅", "理埋", "环坏", "境镜", "经径泾",
    "社杜", "发友", "农衣", "港巷", "开并", "园圆", "洋祥", "治冶", "间问", "师帅", "拔拨", "候侯", "辩辨辫",
    "折拆", "崇祟", "刺剌", "延廷", "徽微", "凤风", "鸟乌", "兔免", "休体", "住往", "清请情晴", "汨汩", "沪泸",
    "坛坊", "城域", "区匹", "镇填", "街衔", "处外", "科料", "局届居", "广厂", "浦蒲", "滨宾", "湖胡", "江汪",
    "0OoQ〇○", "1lI|", "5S", "8B", "2Z",
)
_SIMILAR: dict[str, set[str]] = {}
for _group in _LOOKALIKES:
    for _c in _group:
        _SIMILAR.setdefault(_c, set()).update(set(_group) - {_c})


def near_names(name: str, known: Iterable[str]) -> list[str]:
    """Known names of the same length that differ from `name` in one position, by a look-alike character."""
    out: list[str] = []
    for other in known:
        if other == name or len(other) != len(name) or other in out:
            continue
        diffs = [(a, b) for a, b in zip(name, other) if a != b]
        if len(diffs) == 1 and diffs[0][1] in _SIMILAR.get(diffs[0][0], ()):
            out.append(other)
    return out


# --- region ------------------------------------------------------------------------

PROVINCES = ("北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省",
             "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
             "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
             "宁夏回族自治区", "新疆维吾尔自治区")
_PROVINCE = re.compile("|".join(PROVINCES))


def find_region(text: str, head: int = 2000) -> str:
    """The province (and city) a report names at its start: "依据…和江苏省、常州市有关…要求" → 江苏省常州市; '' if none.

    Reports name the rules they follow or the place they serve near the top;
    the first province named there, and a city named right after it, are the region.
    """
    start = text[:head]
    m = _PROVINCE.search(start)
    if not m:
        return ""
    city = re.match(r"[、，,和及]?\s*([\u4e00-\u9fff]{2,4}?市)", start[m.end():])
    return m.group(0) + (city.group(1) if city and city.group(1) != m.group(0) else "")


# --- manifest and kinds -------------------------------------------------------------


def load_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """manifest.csv in a folder: file name → its row (body, year, region, ...)."""
    path = folder / "manifest.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}


def zone_kind(body: str) -> str:
    """Kind of body from its name: zone (园区/开发区/新区…), government, department or unknown."""
    if not body:
        return "unknown"
    if body.endswith("片区管理局"):
        return "government"  # town-level bodies merged into 片区 (Pingtan, 2019)
    if re.search(r"开发区|园区|新区|实验区$|高新区|保税区|经济区|示范区", body):
        return "zone"
    if re.search(r"局$|委员会$|委$|办公室$|厅$|署$|中心$|办$", body):
        return "department"
    if re.search(r"人民政府$|[市县区镇乡]$|街道$|片区管理局$", body):
        return "government"
    return "unknown"
