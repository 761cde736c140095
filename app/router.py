"""Question → intent and slots (body, year, metric, section, kind of body). Deterministic."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from nianbao.ingest import template as T

from .coverage import inventory_kind, template_named, without_template_years
from .labels import fmt
from .spelling import Homophones, simplified

_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*")


def _metric_words() -> list[tuple[str, str, str, str]]:
    """(word, fact key or pattern, words for the answer, group it belongs to), from the template, longest word first.

    A row of table 2 names its main column later (`proactive.penalty.*`); a row
    of tables 3 and 4 its 总计 column, which an applicant or outcome word in the
    question then replaces. A group (不予公开, 无法提供, 行政诉讼) names every row in it.
    """
    out: list[tuple[str, str, str, str]] = [("主动公开", "", "主动公开", "")]  # narrative count only; claims check it
    seen: set[tuple[str, str]] = set()
    for table in T.TABLES:
        for row in table.rows:
            key = f"{table.key}.{row.key}.*" if table.key == "proactive" else f"{table.key}.{row.key}.total"
            # the row as people read it in an answer: 本年新收政府信息公开申请数量, not 一、本年新收…
            label = _ORDINAL.sub("", T.row_label(table.key, row.key))
            bare = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])", "", row.label)
            for word in dict.fromkeys((row.label, *([bare] if len(bare) >= 3 else []), *row.words)):
                if len(word) >= 2 and (word, key) not in seen:
                    seen.add((word, key))
                    out.append((word, key, label, row.group))
        for group in table.groups:
            members = [r.key for r in table.rows if r.group == group.key]
            if group.key == "outcomes":
                key = f"{table.key}.total_processed.total"
            else:
                prefix = members[0].split("_")[0] + "_"
                key = f"{table.key}.{prefix}*.total"
            for word in dict.fromkeys((group.label.lstrip("（）一二三四五六七八九十、"), *group.words)):
                if len(word) >= 2:
                    out.append((word, key, _ORDINAL.sub("", group.label), "=" + group.key))
    # longest word first; on a tie the generic words (申请, 收到, 主动公开) come last
    return sorted(out, key=lambda w: (-len(w[0]), w[0] in GENERIC_METRIC_WORDS))


# Words that name a metric only when nothing more specific is said (驳回了多少申请: 驳回, not 申请).
GENERIC_METRIC_WORDS = {"申请", "收到", "受理", "主动公开", "多少申请"}


METRIC_WORDS = _metric_words()
# Applicant columns of table 3 and outcome columns of table 4, with the words people use.
APPLICANTS = sorted([(w, c.key) for c in T.APPLICATIONS.columns if c.key != "total" for w in (c.label, *c.words)
                     if len(w) >= 2 and w != "其他" and not re.search(r"[A-Za-z]", w)] +
                    # the header over five columns (法人或其他组织): their sum
                    [(w, key) for key, (label, _) in T.COLUMN_GROUPS.items() for w in (label, "法人和其他组织", "法人")],
                    key=lambda x: -len(x[0]))
# Columns of table 2 by the words people use (制发了几件, 现行有效的, 新公开了几件)
PROACTIVE_COLUMNS = sorted(((w, c.key) for c in T.PROACTIVE.columns for w in (c.label, *c.words)
                            if len(w) >= 2 and not re.search(r"[A-Za-z]", w)), key=lambda x: -len(x[0]))
# who the applicants of a table-3 row were: every applicant column
_APPLICANT_ASKED = re.compile(r"(?:什么|哪)(?:类型|类|种)的?申请人|申请人(?:都|主要)?(?:是谁|类型|情况|构成|分布)|谁提的|谁申请的|什么人提的|"
                              r"哪些人提的|是谁提|来自(?:哪|什么)")
# "结果如何" of a table-4 row: every outcome column
_OUTCOMES_ASKED = re.compile(r"结果(?:如何|怎样|怎么样|是什么|分别)|怎么判|判决|审理结果|各项结果")
APPEAL_COLUMNS = sorted(((w, c.key) for c in T.APPEALS.columns if c.key != "total" for w in (c.label, *c.words)
                         if len(w) >= 2 and not re.search(r"[A-Za-z]", w)), key=lambda x: -len(x[0]))


_ROW_VERSIONS = {f"{t.key}.{r.key}": r.versions for t in T.TABLES for r in t.rows}


def find_metric(text: str, version: str | None = None) -> tuple[str, str]:
    """(key or pattern, words for the answer) of the cell a question asks about; ('', '') when none.

    The longest word wins; a row beats the group it belongs to (国家秘密 over 不予公开); a row the
    template version of the year asked lacks (2019's 其他处理 in a 2024 question) gives way.
    """
    # 审批事项 (the items a body handles, counted in the narrative) are not the licensing decisions of table 2
    text = re.sub(r"审批事项|审批服务事项|政务服务事项", "", text)
    # (an English word is a whole word: fee is not in feedback)
    hits = [(w, k, label, g) for w, k, label, g in METRIC_WORDS
            if w in text and (not w.isascii() or re.search(rf"(?<![A-Za-z]){re.escape(w)}(?:e?s)?(?![A-Za-z])", text))]
    if version:
        hits = [h for h in hits if version in _ROW_VERSIONS.get(".".join(h[1].split(".")[:2]), (version,))] or hits
    if not hits:
        return "", ""
    # two rows of one group named apart (直接起诉或复议后起诉): the group
    for g in {h[3] for h in hits if h[3] and not h[3].startswith("=")}:
        rows = {}
        for w, k, _, hg in hits:
            if hg == g and not any(w in o for o, k2, _, _ in hits if o != w and k2 != k and w in o):
                rows.setdefault(k, w)
        if len(rows) >= 2 and not any(a in b for a in rows.values() for b in rows.values() if a != b):
            group = next((h for h in METRIC_WORDS if h[3] == "=" + g), None)
            if group:
                return group[1], group[2]
    rows_groups = {g for _, _, _, g in hits if g and not g.startswith("=")}
    hits = [h for h in hits if not (h[3].startswith("=") and h[3][1:] in rows_groups)] or hits
    specific = [h for h in hits if h[0] not in GENERIC_METRIC_WORDS]
    word, key, label, _ = (specific or hits)[0]
    return key, label


# Ratios people quote, from the records: numerator keys, denominator key.
RATIOS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "disclosure_rate": ("公开率", ("applications.granted.total", "applications.partially_granted.total"),
                        "applications.total_processed.total"),
    "review_correction_rate": ("复议纠错率", ("appeals.review.corrected",), "appeals.review.total"),
}
NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# Simple English questions are read through Chinese keywords (the reports and the answers are Chinese).
ENGLISH = [
    (r"\bis it true\b|\btrue\?|\bcorrect\?|\bright\?|\bis (?:that|this) so\b|\bisn'?t (?:it|that so)\b", "对吗"),
    # which of two had more, and by how many: a comparison, not a list
    (r"\b(?:which|who)\b(?=(?:\s+\S+){0,3}\s+(?:more|fewer|less|higher|lower|bigger|larger)\b(?!\s+than))", "谁更多"),
    (r"\bby how (?:many|much)\b", "差多少"),
    # its only request: a count of one; carried … over to the next year: 结转下年度
    (r"\b(?:its|their|the|a|one) (?:only|sole|single|one)\b(?!\s+(?:one|thing|way|time)\b)|\bonly one\b", "唯一1件"),
    (r"\bover (?:to|into) (?:the )?(?:next|following) year\b", "结转下年度"),
    (r"\b(?:not preceded by|without going through|with no) (?:an? |prior )?(?:administrative )?review\b", "未经复议"),
    (r"(行政诉讼[^.?]{0,20}?)\bdirectly\b", r"\1未经复议直接起诉"),   # sued once directly
    (r"\b(?:are|is|were|was) not from\b|\bnot from\b|\b(?:comes? |are |is )?(?:from )?(?:outside(?: of)?|beyond)\b(?= ?[A-Z\u4e00-\u9fff])|"
     r"\bexcept(?:ing)?(?: for)?\b(?= ?[A-Z\u4e00-\u9fff])|\bexcluding\b(?= ?[A-Z\u4e00-\u9fff])", "不是来自"),
    (r"\bfinish(?:ed)? (?:handling|processing|dealing with)\b(?=.*\bwithin the (?:same )?year\b)", "当年办结"),
    (r"\b(?:fully |all )?(?:dealt with|handled|resolved|processed|closed|settled)(?: in full)? within the (?:same )?year\b",
     "当年全部办结"),
    (r"\bfinish(?:ed)? (?:handling|processing|dealing with)\b", "办结"),
    (r"\ball (?:of (?:the |its |their )?)?(?=(?!(?:19|20)\d\d\b)\d)|\ball of them\b|\bevery one of\b|"
     r"\bboth (?:of )?(?:the |its |their )?", "全部"),
    (r"\bmore than half\b|\bover half\b|\bmajority\b", "超过一半"), (r"\bless than half\b", "不到一半"),
    (r"\bhalf of (?:them|these|those|which|the requests|the applications)\b", "其中一半"),
    (r"\b(?:more|over) than\b", "超过"), (r"\b(?:less|fewer) than\b", "少于"),
    (r"\b(?:which|what) (?:report )?years\b", "哪几年"), (r"\b(?:does|do) the (?:collection|corpus) cover\b", "语料中有"),
    (r"\btable (?:4|four|iv)\b", "表四"), (r"\btable (?:3|three|iii)\b", "表三"), (r"\btable (?:2|two|ii)\b", "表二"),
    (r"\b(?:is |are )?all zeros?\b", "全是0"),
    # whether a table holds (Does table 3 add up?), which reports break the template's arithmetic
    (r"(表[二三四])\s*(?:add up|adds up|balance|balances|tally|tallies|hold|holds|check out|checks out)\b", r"\1对得上吗"),
    (r"\b(?:break|breaks|broke|violate|violates|violated|fail|fails|failed)\b (?:the )?(?:template(?:'s)? )?"
     r"(?:arithmetic|consistency checks?|sums)\b", "勾稽关系有误"),
    (r"\b(?:is |are |was |were )?(?:left )?(?:blank|empty)\b|\bnot filled(?: in)?\b", "空白"),
    (r"\brepeat(?:ed|s|ing)?\b|\bcop(?:y|ied|ies)\b|\bword for word\b|\bthe same as\b", "重复"),
    (r"\b(?:handled|processed|dealt with)\b(?=\s*(?:加|等于))|(?<=等于 )(?:handled|processed)\b", "办理结果总计"),
    (r"\breport (?:still )?(?:use|used|uses) the (2019|2021)[- ](?:template|format|version)\b", r"report 用的是\1年版表格吗"),
    (r"\b(2019|2021)[- ](?:template|format|version|layout)\b", r"\1年版表格"),
    (r"\bold (2019|2021)[- ](?:template|format|version|layout)\b", r"\1年版表格"), (r"\bhow many reports\b", "有几份年报"),
    (r"\b(?:in|use|used|uses|using) the (?:old|older|previous|former) (?:template|format|table)s?\b", "用的是旧版表格吗"),
    (r"\b(?:in|use|used|uses|using) the new(?:er)? (?:template|format|table)s?\b", "用的是新版表格吗"),
    (r"\b(?:it is|it's|now it is|this year is)\s+((?:19|20)\d\d)(?:\s+now)?\b", r"现在是\1年"),
    (r"\bimprov\w*", "改进"), (r"\bsection (?:5|five|v)\b", "存在的问题及改进措施"),
    (r"\bsteps?\b|\bpromis\w*|\bplans?\b", "改进措施"),
    (r"\bWeChat(?: official)?(?: public)?(?: account)?\b", "微信公众号"), (r"\bfollowers?\b|\bsubscribers?\b", "关注用户"), (r"\bnew\s+(?=关注用户)|\b(?:gain(?:ed|s)?|added)\b(?=.*关注用户)", "新增"), (r"\barticles?\b|\bposts?\b", "篇"),
    (r"\bfix(?:es)?\b|\bremed(?:y|ies)\b", "改进措施"), (r"\b(?:cumulative|running|accumulated)(?: total)?\b", "累计"), (r"\bcombined\b|\bin total\b|\baltogether\b|\badd(?:ed)? up\b|\bsum(?: of)?\b|\btotal of\b", "合计"),
    (r"\bwhat (?:were|was|are|is)\b(.*)\babout\b", r"\1是关于什么的"), (r"\b(?:the |a |its |their )?numbers? of\b", "多少"),
    # words of the narrative, for searching it
    (r"\bstatistic(?:s|al)?\b", "统计"), (r"\bperiod\b", "期限"), (r"\bwebsites?\b", "网站"), (r"\btraining\b", "培训"),
    (r"\bpolicy interpretations?\b", "政策解读"), (r"\bhotlines?\b", "热线"), (r"\bWeibo\b", "微博"),
    (r"\bplatforms?\b", "平台"), (r"\bestablished\b|\bset up\b|\bformed\b|\bmerged?\b", "成立 整合"),
    (r"\badministrative approvals?\b", "行政审批"),
    (r"\bonline (?:government )?service hall\b|\bonline service (?:platform|portal)\b", "网上办事大厅 入驻省网"),
    (r"\bprovincial\b", "省"), (r"\bpress (?:conferences?|briefings?)\b|\bnews conferences?\b", "新闻发布会"),
    (r"\bbatch(?:es)?\b", "批次"), (r"\bagricultural (?:produce|products)\b|\bfarm produce\b", "农产品"),
    (r"\b(?:tested|testing|tests?|inspect\w*|sampl\w*)\b", "抽检 检测"), (r"\bfailed\b|\bunqualified\b", "不合格"),
    (r"\bpublic consultations?\b|\bconsultation rounds?\b|\bsolicit\w* (?:of )?opinions?\b", "意见征集"),
    (r"\bsuggestions?\b|\bproposals?\b", "建议 提案"), (r"\bhearings?\b", "听证"),
    (r"\b(?:page )?views\b|\breads\b|\breadership\b", "阅读量"), (r"\bmini[- ]?programs?\b|\bapplets?\b", "小程序"),
    (r"\bnew[- ]media(?: accounts?)?\b", "政务新媒体"), (r"\bpublic opinions?\b|\bpublic concerns?\b", "舆情 关切"),
    (r"\bconfidentiality (?:review|check)s?\b|\bsecrecy review\b", "保密审查"), (r"\bcolumns?\b|\bsections? of the (?:web)?site\b", "栏目 专栏"),
    (r"\bcatalog(?:ue)?s?\b|\bdirector(?:y|ies)\b|\bguides?\b", "目录 指南"), (r"\bbudgets?\b|\bfinal accounts?\b", "预算 决算"),
    (r"\b(?:epidemic|pandemic|COVID(?:-19)?)\b", "疫情"), (r"\bfood safety\b", "食品安全"), (r"\bprices?\b", "价格"),
    (r"\bleading group\b|\bleadership group\b", "领导小组"), (r"\b(?:staff|personnel|full-time staff)\b", "人员 专人"),
    (r"\bmeetings?\b", "会议"), (r"\barchives?\b|\blibrar(?:y|ies)\b", "档案馆 图书馆"),
    (r"\bnewspapers?\b|\btelevision\b|\bTV\b", "报纸 电视台"), (r"\binterviews?\b|\blive ?stream\w*", "访谈 直播"),
    (r"\brespon(?:d|ded|se|ses)\b", "回应"), (r"\bmessages?\b", "留言 信息"), (r"\bannouncements?\b|\bnotices?\b", "公示公告"),
    (r"\bopen government\b|\bgovernment affairs (?:disclosure|openness)\b", "政务公开"),
    # travel, weather and the like: nothing the reports speak of
    (r"\b(?:by )?(?:train|high-speed rail|flights?|plane)\b", "高铁"), (r"\bweather\b", "天气"),
    (r"\bferr(?:y|ies)\b|\bboats?\b", "轮渡"), (r"\bschedules?\b|\btimetables?\b", "时刻表"),
    (r"\bhotels?\b", "酒店"), (r"\brestaurants?\b|\bfood to eat\b", "餐厅"), (r"\b(?:tourist|sightseeing|attractions?)\b", "景点"),
    (r"\bhow (?:do I|can I|to) get (?:to|from)\b|\bway to get (?:to|from)\b", "怎么去"), (r"\bstock price\b", "股价"),
    (r"\bpublic resources? trad(?:ing|es?)\b|\bpublic resources? transactions?\b", "公共资源交易"),
    (r"\bsav(?:ed|es|ing|e)\b", "节约"), (r"\bpublic (?:money|funds)\b|\bfiscal funds\b|\bgovernment money\b", "财政资金"),
    (r"\bopen days?\b", "开放日"), (r"\baccountab\w*|\bdisciplin\w*", "追责问责"), (r"\bcourses?\b|\bsessions?\b", "培训 场次"),
    (r"\brank\w*|\bsort\w*|\border(?:ed)? by\b", "排名"), (r"\blist\b", "列出"), (r"\b(?:annual )?reports\b", "年报"),
    (r"\bannual reports?\b", "年报"), (r"\bin (?:the|your|this) (?:collection|corpus|database|library)\b", "语料中"),
    (r"\bwhich\b|\bwhat (?:zones|bodies)\b", "哪些"), (r"\bbod(?:y|ies)\b|\bagenc(?:y|ies)\b", "单位"),
    (r"\bhow many\b|\bhow much\b", "多少"), (r"\bdid not\b.*\breport\b|\bno report\b|\bmissing\b", "没有年报"),
    (r"(?:development )?zones?\b|\bparks?\b|\bnew areas?\b", "园区"),
    (r"\brequests?\b", "申请"), (r"\bproactive(?:ly)? disclos\w*|\bpublished\b", "主动公开"),
    (r"\b(?:how many|number of) problems\b", "多少个问题"), (r"(?<=多少 )problems?\b", "个问题"),
    (r"\bonce\b(?!\s+(?:the|a|it|they|we)\b)", "1次"), (r"\btwice\b", "2次"), (r"\bthrice\b", "3次"),
    (r"\bwhat (?:were|did|do) (?:people|applicants|they|the requests|the applications)(?: \w+){0,2} (?:ask(?:ing)?|request(?:ing)?|want(?:ing)?|seek(?:ing)?|about|concern(?:ing)?)(?: for| about)?\b", "申请的是什么内容"),
    (r"\bby (?:type of |kind of )?applicants?(?: types?)?\b|\bapplicant types?\b|\btypes? of applicants?\b", "申请人类型"),
    (r"\bexpos(?:ed|es|e|ing)\b", "曝光"), (r"\b(?:farm|agricultural)[- ]subsid(?:y|ies)\b", "涉农补贴"), (r"\bsav(?:e|ed|es|ing)\b", "节约"),
    (r"\bfiscal (?:money|funds?)\b|\bpublic funds?\b", "财政资金"), (r"\bsupervis\w*|\bmonitor(?:ed|s|ing)?\b", "监管"),
    (r"\bproblems?\b|\bshortcomings?\b|\bweakness(?:es)?\b", "存在的问题"),
    (r"\bimprovements?\b|\bmeasures?\b", "改进措施"), (r"\bdisclosure rate\b", "公开率"),
    (r"\btotal\b|\bsum\b", "合计"), (r"\baverage\b|\bmean\b", "平均"), (r"\bmost\b|\bhighest\b", "最多"),
    (r"\bchange\b|\bincrease\b|\bdecrease\b|\btrend\b", "变化"), (r"\blast year\b", "去年"),
    (r"\bin the last (?:three|3) years\b|\bpast (?:three|3) years\b", "近三年"),
    (r"\bcompar\w*|\bversus\b|\bvs\.?(?=\s)", "对比"), (r"\b(?:no|not any|zero|never|none of)\b(?!\.)", "没有"),
    # a span of years (2020 to 2025, from 2021 through 2024): a range, not two years
    (r"\b(?<!to )(?:from )?((?:19|20)\d\d)\s*(?:to|through|thru|until)\s*((?:19|20)\d\d)\b"
     r"(?!\s*(?:,|to|through|thru|until)\s*(?:and )?(?:19|20)\d\d)", r"\1至\2"),
    (r"\b((?:19|20)\d\d)\b", r"\1年"), (r"\breceived?\b", "收到"),
]
# English phrases read before the template's words (information-processing fee is not the administrative fee)
def _than_year(m: re.Match) -> str:
    """fewer … in 2021 than in 2020 → … in 2021 比2020年少: a change claimed against a year, as Chinese puts it."""
    more = m.group(1).lower() in ("more", "higher", "greater", "larger")
    return f"{m.group(2)} 比{m.group(3)}年{'多' if more else '少'} "


def _from_to(m: re.Match) -> str:
    """fell from 7816 (2021) to 5949.09 (2023) → 从2021年的7816降到2023年的5949.09."""
    down = m.group(1).lower() in ("fell", "dropped", "declined", "decreased", "went down", "shrank", "slid")
    return f"从{m.group(3)}年的{m.group(2)}{'降' if down else '涨'}到{m.group(5)}年的{m.group(4)}"


ENGLISH_FIRST = [(r"\b(fell|dropped|declined|decreased|went down|shrank|slid|rose|grew|increased|went up|climbed|jumped)\s+"
                  r"from\s+([\d.,]+)\s*[(（]((?:19|20)\d\d)[)）]\s+to\s+([\d.,]+)\s*[(（]((?:19|20)\d\d)[)）]", _from_to),
                 (r"\b(fewer|less|lower|more|higher|greater|larger)\b(?!\s+than\b)(.{1,60}?)\bthan\s+(?:in\s+|that of\s+|those of\s+|"
                  r"it did in\s+|they did in\s+|the year\s+)?((?:19|20)\d\d)\b", _than_year),
                 (r"\binformation[- ]processing fees?\b|\bprocessing fees?\b", "信息处理费"),
                 (r"\b(?:administrative )?approval items?\b", "审批事项"),
                 # processed 2 requests: the outcomes' 总计 (stopped processing is a reason row, read by its own words)
                 # carried over to be handled in 2025, into the next year: 结转下年度 (carried over from 2023 is 上年结转)
                 (r"\bcarr(?:y|ied|ies)(?: (?:the |its |their )?(?:applications|requests|cases|them|it))? (?:over|forward)\b"
                  r"(?=[^?.]{0,30}?\b(?:in|to|into)\s+(?:the\s+)?(?:next|following|(?:19|20)\d\d)\b)", "结转下年度"),
                 (r"\broll(?:ed|s)? (?:it |them )?over\b", "结转下年度"),
                 # (the year it is carried into is not a year asked about)
                 (r"(结转下年度[^?.]{0,30}?)\s*\b(?:in|to|into)\s+(?:the\s+)?(?:(?:19|20)\d\d|next year|following year)\b", r"\1"),
                 (r"\b(?:applications|requests)\s+(?:were\s+|was\s+)?(?:processed|handled)\b", "办理结果总计"),
                 # 63 new requests plus 1 carried over equals 55 handled plus 9 carried forward: table 3's balance
                 (r"(\d+件)\s+(?:handled|processed|dealt with|resolved|completed)\b", r"办理结果总计\1"),
                 (r"\bdirect (?:plus|and|or) after[- ]review\b", "行政诉讼"),   # both kinds of lawsuit: the group
                 (r"\b(?:equals?|is equal to|add(?:s)? up to|matches)\b", "等于"), (r"\bplus\b", "加"),
                 (r"\b(?:processed|handled|answered|replied to|responded to)\b(?=\s+(?:\d|(?:all|only|its|their|the|a|one)\b))",
                  "办理结果总计"),
                 (r"(?<!other' )(?<!other’ )(?<!other )\blegal persons?\s*(?:and|or|/|,)\s*(?:other\s+)?organi[sz]ations?\b|(?<!other' )(?<!other’ )(?<!other )\blegal persons?\b|"
                  r"\b(?:companies|enterprises) and (?:other )?organi[sz]ations\b", "法人或其他组织"),
                 # the 其他 column under 法人或其他组织 (other legal persons/organisations, the 'other' column)
                 (r"['‘\"]?\bother\b['’\"]?\s+(?:legal persons?\s*(?:/|or|and)?\s*)?organi[sz]ations?\b(?:\s+column\b)?|"
                  r"['‘\"]other['’\"]\s+(?:legal persons?|applicants?)\b(?:\s*(?:/|or|and)\s*organi[sz]ations?)?(?:\s+column\b)?",
                  "其他组织"),
                 (r"\bnon-?zero\b|\bnot zero\b|\bother than zero\b|\babove zero\b|\bmore than zero\b", "不为零"),
                 (r"\(?\s*(?:in |units? of )?(?:10k|10,000|ten thousand) yuan\s*\)?", "万元"),
                 (r"\b(?:have|has|had) (?:an? |any )?((?:19|20)\d\d )?(?:annual )?reports?\b", r"有\1年报")]
# a section named by its place in the template's order (第六部分, 六、其他需要报告的事项) before any word
_ORDINAL_SECTIONS = [(key, rf"第{n}部分|第{n}节|{n}、{title}")
                     for n, key, title in (("一", "overview", "总体"), ("二", "proactive", "主动"), ("三", "applications", "收到"),
                                           ("四", "appeals", "政府"), ("五", "problems", "存在"), ("六", "other", "其他"))]
SECTION_WORDS = _ORDINAL_SECTIONS + [("problems", r"(?<!舆情)(?<!热点)(?<!关切)(?<!反映的)(?<!咨询的)(?<!群众)(?<!多少)(?<!多少个)"
                             r"(?<!\d个)问题|改进|承认|坦言|打算|"
                             r"重点做|准备做|措施|不足|整改|短板|薄弱|差距|欠缺|提升空间|工作计划|下一步|今后|明年.{0,4}(?:计划|打算|重点)|"
                             r"准备怎么|打算怎么|怎么推进|如何推进|将如何|重点做哪些|下一阶段|下阶段|接下来|工作打算|工作安排"),
                 ("overview", r"总体情况|做了哪些|开展了哪些"),
                 # the template puts 信息处理费 in 六、其他需要报告的事项
                 ("other", r"其他事项|其他需要报告|信息处理费|处理费")]
# The words of a question about what the text says, not a table cell (正文里怎么描述, 主要是关于什么)
NARRATIVE_ASK = re.compile(r"正文|原文|怎么描述|如何描述|怎么说|怎么写|如何表述|关于什么|涉及什么|涉及哪些|主要是什么|什么内容|哪些内容|"
                           r"(?:什么|哪些|哪种|啥)(?:培训|宣传|工作|活动|做法|形式|渠道|方式|栏目)|"
                           r"哪些方面|什么活动|哪些活动|怎么做|如何做|做法|举措|具体.{0,2}(?:内容|情况)|问什么|问的是什么|"
                           r"主要是问|都是关于|申请(?:的)?(?:是|了)?(?:什么|哪些|哪方面|啥)(?:样的)?(?:信息|内容|事项|方面)|"
                           r"是怎么开展|怎么开展|如何开展|怎么成立|怎么来的|为什么|怎么推进|如何推进|怎么改进|"
                           r"如何改进|准备怎么|打算怎么|\b(?:say|said|describe|explain|why)\b")
# Counts a report's text gives that are not applications under the regulation (12345热线诉求, 来信)
NOT_APPLICATIONS = re.compile(r"热线|诉求|来电|来信|信件|咨询|留言|信箱|提案|议案|建议|网民|业务|办件")
# a letter or an application to draft for the user is not what the reports say, whatever cell it names
_DRAFT = re.compile(r"(?:帮我|替我|给我)?(?:写|起草|草拟|代写)(?:一份|一封|个|份|封)?.{0,16}(?:申请书|申请信|信函|投诉信|举报信)|"
                    r"\b(?:draft|write|compose)\b.{0,30}\b(?:letter|request|application|complaint|email)\b", re.I)
DOMAIN = re.compile(r"政府信息|信息公开|政务公开|公开|申请|复议|诉讼|处罚|许可|强制|收费|年报|报告|问题|改进|措施|规章|规范性文件|"
                    r"提案|议案|建议办理|"
                    r"纠错率|政务|解读|网站|新媒体|公众号|群众|单位|部门|热线|栏目|培训|考核|监督|保密|答复|办理|政策|机构")
ZONE_WORDS = re.compile(r"园区|开发区|新区")
# Asks to write something, or personal errands at a government office: not questions about the reports
# an opinion asked of the tool (你觉得…是不是比…做得好, 给个评价)
_OPINION = re.compile(r"(?:你|您)(?:个人|自己)?(?:觉得|认为|怎么看).{0,30}(?:比.{0,16}(?:好|差|强|弱)|更好|更差|哪个好|"
                      r"(?:哪|谁).{0,8}最(?:好|差|强|弱|棒|优秀))|"
                      r"给(?:个|出|一个)?评价|评价一下|点评一下|(?:给|帮我)?(?:打个?分|打分数|评个?分|排个名)")
NOT_ABOUT_REPORTS = re.compile(r"写一首|写首|作一首|作首|写一篇.{0,6}(?:诗|文章|作文|小说)|"
                               r"[诗词]歌|绝句|律诗|对联|作文|小说|讲个笑话|歌词|"
                               # a program or a crawler to write is not a question about what the reports say
                               r"(?:写|编|做)(?:一个|个|一段|段)?.{0,8}(?:脚本|程序|代码|爬虫)|爬虫|"
                               r"(?:script|program|code|crawler|scraper)\b.{0,40}\b(?:to|that|for)\b|\bscrape\b|\bcrawl\b|"
                               r"护照|签证|驾照|驾驶证|身份证.{0,4}(?:办|补|换)|社保卡|公积金.{0,4}(?:提取|贷款)|结婚登记|通行证|入台证|"
                               r"travel permit|passport|visa\b|"
                               # an opinion or a grade asked of the tool is not in the reports
                               r"打分|评分|打个分|给个分|(?:你|您)(?:个人|自己)?(?:觉得|认为|看).{0,24}(?:好不好|怎么样|行不行|满意|合格吗|对不对)|"
                               + _OPINION.pattern + "|" +
                               r"\bin your (?:opinions?|views?)\b|\byour (?:personal )?(?:opinions?|views?)\b|"
                               r"(?:\bmost|\bleast|最多?)\s*(?:competent|capable|honest|corrupt)\b|最(?:称职|能干|有能力|廉洁|腐败)|"
                               # 怎么办理护照 (a thing to get done), not 准备怎么办 (what a body will do)
                               r"怎么(?:在网上)?办理?(?=[\u4e00-\u9fff]{2})(?!.{0,6}(?:申请|公开|问题|措施|改进))")
# the statistical period a report covers, claimed (统计期是全年, 只统计了9月到12月, covers the full calendar year)
_PERIOD = re.compile(r"统计期|统计时段|统计时间|统计区间|统计范围.{0,4}(?:全年|月)|(?:只|仅)统计(?:了)?.{0,4}\d+月|"
                     r"\b(?:covers?|covering|spans?)\b.{0,30}\b(?:full|whole|entire|calendar) (?:calendar )?year\b|"
                     r"\b(?:covers?|covering)\b.{0,30}\bJanuary\b.{0,20}\bDecember\b|\bstatistic(?:s|al)? period\b", re.I)
OFF_TOPIC = re.compile(r"天气|气温|下雨|餐厅|美食|好吃|小吃|景点|旅游|好玩|游玩|住宿|酒店|股价|股票|房价|电影|彩票|航班|高铁|门票|"
                       r"火车|动车|机票|车票|怎么去|怎么走|路线|坐车|自驾|开车去|交通方式|轮渡|船票|班次|时刻表|"
                       r"人口|常住人口|户籍人口|面积多大|GDP|生产总值|\bpopulation\b|\bweather\b|\bGDP\b")


@dataclass
class Query:
    """What a question asks."""

    question: str
    text: str = ""                     # the question as read: typos and numerals normalised, English in Chinese words
    intent: str = "narrative"          # list | value | aggregate | compare | coverage | claim | narrative | out_of_scope
    year: int | None = None
    bodies: tuple[str, ...] = ()
    body_text: str = ""
    zone_only: bool = False
    metric: str = ""                   # fact key (may end in .*)
    metric_word: str = ""
    section: str = ""
    claim_number: float | None = None
    claim_op: str = "="                         # = | > (超过一半) | < (不足10%)
    inventory: str = ""                         # a question about the corpus: template | years | listing | …
    read_by_model: bool = False                 # the optional LLM mapped the question onto the template
    claim_phrase: str = ""
    year_range: tuple[int, int] | None = None   # inclusive, when no single year is asked
    years: tuple[int, ...] = ()                 # every year named (comparisons: 2023年和2024年)
    year_note: str = ""                         # how a relative year was read (近三年 → 2023–2025)
    aggregate: str = ""                         # sum | mean | max | min | rank | ratio
    ratio: str = ""                             # disclosure_rate | review_correction_rate
    fuzzy: tuple[str, str] | None = None        # (as typed, body it was read as)
    english: bool = False
    unknown_body: str = ""                      # a body named in the question that the corpus does not hold
    closest: tuple[str, ...] = ()               # the bodies the corpus holds closest to unknown_body
    report_ids: tuple[str, ...] = ()            # unnamed reports named by their region
    body_words: tuple[str, ...] = ()            # the words of the question that named the bodies
    inherited: tuple[str, ...] = ()             # slots kept from the previous question (follow-ups)
    spelling: tuple[tuple[str, str], ...] = ()  # (as typed, read as) for homophone typos
    version: str | None = None                  # template version of the reports named, when they agree

    def __post_init__(self):
        self.text = self.text or self.question

    def context(self) -> dict:
        """What a follow-up question may keep."""
        return {"bodies": list(self.bodies), "report_ids": list(self.report_ids), "year": self.year,
                "years": list(self.years), "year_range": list(self.year_range) if self.year_range else None,
                "metric": self.metric, "metric_word": self.metric_word, "section": self.section,
                "zone_only": self.zone_only, "intent": self.intent, "unknown_body": self.unknown_body,
                "claim_number": self.claim_number}


FOLLOW_UP = re.compile(r"^(?:那么?|还有|再看看?|换成)|呢[？?。]?$")


def apply_context(q: Query, previous: dict | None) -> Query:
    """A follow-up such as "那2020年呢？" keeps the previous question's body, metric and section."""
    if not previous or not FOLLOW_UP.search(q.question.strip()) or q.intent == "claim":
        return q
    kept = []
    if not q.bodies and not q.report_ids and not q.zone_only and not q.unknown_body and \
            (previous.get("bodies") or previous.get("report_ids") or previous.get("zone_only")):
        q.bodies, q.zone_only = tuple(previous.get("bodies") or ()), bool(previous.get("zone_only"))
        q.report_ids = tuple(previous.get("report_ids") or ())
        kept.append("body")
    if not q.metric and previous.get("metric"):
        q.metric, q.metric_word = previous["metric"], previous.get("metric_word", "")
        kept.append("metric")
    if not q.section and previous.get("section"):
        q.section = previous["section"]
        kept.append("section")
    if q.year is None and previous.get("year") and not kept:
        q.year = previous["year"]
    if kept and q.intent in ("narrative", "out_of_scope"):
        q.intent = previous.get("intent") or "narrative"
        if q.intent == "out_of_scope":
            q.intent = "narrative"
    q.inherited = tuple(kept)
    return q


def apply_filters(q: Query, bodies: tuple[str, ...] = (), year_from: int | None = None, year_to: int | None = None,
                  section: str = "") -> Query:
    """Filters chosen beside the chat: they apply where the question itself says nothing."""
    if bodies and not q.bodies:
        q.bodies, q.zone_only = tuple(bodies), False
    if q.year is None and (year_from or year_to):
        lo, hi = year_from or 1900, year_to or 2999
        if lo == hi:
            q.year = lo
        else:
            q.year_range = (lo, hi)
    if section and not q.section:
        q.section = section
    if q.intent == "out_of_scope" and (bodies or section):
        q.intent = "narrative"
    return q


def from_english(text: str, known: bool = False) -> str | None:
    """An English question rewritten into the Chinese words the router reads; None if it is not English (`known`: it
    is, its bodies already in Chinese)."""
    letters = len(re.findall(r"[A-Za-z]", text))
    if not known and (letters < 8 or letters < 2 * len(re.findall(r"[\u4e00-\u9fff]", text))):
        return None
    text = _english_spelling(text)
    text = re.sub(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?=\s+(?!years?\b|months?\b|days?\b)[A-Za-z])",
                  lambda m: str(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                                 "twelve"].index(m.group(1).lower()) + 1), text, flags=re.I)
    # a claimed count (received 16 applications) keeps its number as a count
    out = re.sub(r"(?<![\d.])(?<![Tt]able )(\d{1,3}(?:,\d{3})+|\d+\.\d+|\d{1,3}|(?!19|20)\d{4,})\s+(?=(?!years?\b|months?\b|days?\b)[A-Za-z])",
                 lambda m: m.group(1).replace(",", "") + "件 ", text)
    for pattern, word in ENGLISH_FIRST + _english_cells() + ENGLISH:
        out = re.sub(pattern, word, out, flags=re.I)
    # "平潭's 市场监管局": one body's name
    out = re.sub(r"(?<=[\u4e00-\u9fff])['’]s\b\s*", "", out)
    # "行政许可, 行政处罚": the Chinese words listed as Chinese lists them
    out = re.sub(r"(?<=[\u4e00-\u9fff])\s*,\s*(?=[\u4e00-\u9fff])", "、", out)
    # "行政许可 … and administrative 行政处罚": an English word or two left between Chinese words joined
    out = re.sub(r"(?<=[\u4e00-\u9fff)）])\s*,?\s+and\s+(?:[A-Za-z]+\s+){1,2}(?=[\u4e00-\u9fff])", "和", out)
    out = re.sub(r"(?<=[\u4e00-\u9fff])\s+or\s+(?=[\u4e00-\u9fff])", "或", out)
    out = re.sub(r"(?<=[\u4e00-\u9fff])\s+加\s+(?=[\u4e00-\u9fff])", "加", out)   # 行政复议 plus 行政诉讼
    # "行政处罚 and 行政强制", "2021年 and 2024年": the Chinese words joined as Chinese joins them
    out = re.sub(r"(?<=[\u4e00-\u9fff)）])\s*,?\s+(?:and|&)\s+(?=[\u4e00-\u9fff]|(?:19|20)\d\d)", "和", out)
    return out


@lru_cache(maxsize=1)
def _english_vocabulary() -> frozenset[str]:
    """Every lower-case English word the readers know: the template's, the router's and the body kinds'."""
    from .english import KINDS

    words = [w for t in T.TABLES for x in (*t.rows, *t.groups, *t.columns) for w in x.words]
    words += [p for p, _ in ENGLISH + list(KINDS)] + ["receive", "received", "receives", "applications", "requests", "charge", "charged"]
    return frozenset(w.lower() for text in words for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\\[A-Za-z]", " ", text)))


def _english_spelling(text: str) -> str:
    """Lower-case words one or two letters off a word the readers know (aplications, recieve) → that word."""
    vocab = _english_vocabulary()

    def fix(m: re.Match) -> str:
        word = m.group(0)
        # (a capitalised word one letter short of a known one, Publc Security, is mended too; a place's pinyin is
        # no word the readers know and stays)
        capital = word[:1].isupper() and word[1:].islower() and len(word) >= 5
        low = word.lower()
        if (len(word) < 7 or not word.islower()) and not capital or low in vocab or \
                {low + "s", low + "es", low[:-1], low[:-2]} & vocab:   # a plural or singular of a known word
            return word
        close = difflib.get_close_matches(low, vocab, n=1, cutoff=0.88 if capital else 0.85)
        if capital:
            return close[0].capitalize() if close and len(close[0]) == len(word) + 1 else word
        return close[0] if close else word
    return re.sub(r"[A-Za-z]+", fix, text)


def _stem(word: str) -> str:
    """repealed → repeal, granted → grant; phrases, short words and everyday ones (corrected) stay whole."""
    if " " not in word and word.endswith("ed") and len(word) > 6 and word not in ("corrected", "reported", "recorded"):
        return word[:-2]
    return word


def _english_cells() -> list[tuple[str, str]]:
    """The template's English words for its rows, groups and columns → the Chinese label the router reads."""
    pairs = []
    for t in T.TABLES:
        # (a top row's ordinal, 二、上年结转…, is no part of its words: 、 would split the question there)
        named = [(w, re.sub(r"^[一二三四]、", "", r.label)) for r in t.rows for w in r.words] + [(w, g.label.lstrip("（）一二三四五六七八九十"))
                                                                  for g in t.groups for w in g.words]
        named += [(w, c.label) for c in t.columns if c.key != "total" for w in c.words]
        # a row named by the table's plain nouns (applications, received) reads as the generic word (申请)
        named = [(w, next((x for x in r.words if x in GENERIC_METRIC_WORDS), label) if (r := rows.get(label)) else label)
                 for w, label in named for rows in [{re.sub(r"^[一二三四]、", "", x.label): x for x in t.rows}]]
        # a past participle stands for its verb too (repealed → repeal, granted → grant)
        # (a short word is itself or its plural: fee is not feedback)
        # (prior-year and prior year are one word; previous year's with either apostrophe)
        pairs += [(r"\b" + re.sub(r"\\[- ]|\\?-", "[- ]", re.escape(_stem(w))).replace("'", "['’]")
                   + (r"\w*" if len(_stem(w)) >= 5 else r"s?\b"), label)
                  for w, label in named if re.fullmatch(r"[A-Za-z][A-Za-z '-]+", w)]
    return sorted(set(pairs), key=lambda p: -len(p[0]))


def _years(text: str, latest: int | None) -> tuple[int | None, tuple[int, int] | None, tuple[int, ...], str]:
    """(year, range, years named, note) from 2024年, 2021-2024年, 近三年, 去年, 今年."""
    # a year with its 年, or one of a list (2020、2021、2025这几年: the last one without 年)
    named = tuple(int(m.group(1) or m.group(2) or m.group(3)) for m in re.finditer(
        r"((?:19|20)\d\d)\s*(?:年|—|-|–|至|到|和|与|、|及|,|，|）|\)|两年|三年|四年|五年|(?=\s*(?:vs|VS)\b))|"
        r"(?<=[、和与及,，])((?:19|20)\d\d)(?!\d)|(?:vs|VS)\.?\s*((?:19|20)\d\d)(?!\d)",
        text))
    m = re.search(r"((?:19|20)\d\d)\s*(?:年)?\s*(?:—|-|–|至|到)\s*((?:19|20)\d\d)", text)
    if m:
        return None, (int(m.group(1)), int(m.group(2))), named, ""
    m = re.search(r"((?:19|20)\d\d)\s*年?(?:以来|至今|起|之后|往后|及以后|以后)", text)
    if m and latest and len(set(named)) == 1:
        return None, (int(m.group(1)), latest), named, f"“{m.group(0)}”即{m.group(1)}—{latest}年（语料中最新的一年）"
    if len(set(named)) >= 2:
        return None, (min(named), max(named)), named, ""
    if named:
        return named[0], None, named, ""
    if latest:
        m = re.search(r"(?:近|最近|过去)([一二两三四五六七八九十\d]+)年", text)
        if m:
            n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1), 3)
            return None, (latest - n + 1, latest), (), f"“{m.group(0)}”按语料中最新的{latest}年往前数，即{latest - n + 1}—{latest}年"
        said = [(text.find(w), w, latest - back) for w, back in (("前年", 2), ("去年", 1), ("上一年", 1), ("今年", 0),
                                                                 ("最新", 0), ("本年度", 0)) if w in text]
        for m in re.finditer(r"([一两二三四五六七八九十\d]+)年(?:以)?前", text):   # 三年前
            n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1), 0)
            if n:
                said.append((m.start(), m.group(0), latest - n))
        said = [s for s in said if not (s[1] == "去年" and "过去年" in text)
                and not (s[1] == "上一年" and re.search(r"上一年(?:的)?项目|上一年结转|上一年.{0,4}项|上一年(?:有|是)?(?:几个|多少个)", text))]   # 上一年项目数量
        if said:
            years = tuple(sorted({y for _, _, y in said}))
            words = "”“".join(w for _, w, _ in sorted(said))
            note = f"“{words}”相对于语料中最新的{latest}年，即{'、'.join(map(str, years))}年"
            if len(years) > 1:
                return None, (years[0], years[-1]), years, note
            return years[0], None, years, note
    return None, None, (), ""


_BASE_YEAR = re.compile(r"(去年|前年|今年)?\s*(?:以|按|按照|指|即|现在是|今年是|当前是|假设今年是|假定今年是|站在|"
                        r"(?:库里|语料|语料库|数据)?(?:中|里)?最新(?:的)?(?:一年|年份|年报)?(?:是|为))\s*((?:19|20)\d\d)\s*年?"
                        r"(?:为基准|为准|来算|算|计算|的角度|来看)?")

_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}


_CN_NUM = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def _cn_number(s: str) -> int | None:
    """一万 → 10000, 两千三百 → 2300, 十二 → 12, 三十五 → 35; None when not a plain Chinese number."""
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_NUM:
            digit = _CN_NUM[ch]
        elif ch in _CN_UNIT:
            unit = _CN_UNIT[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            return None
    return total + section + (digit or 0)


def normalise_counts(text: str) -> str:
    """Counts written in Chinese numerals before a unit (超过一万件, 两千三百条) → digits; 一件/一个 alone stay words;
    tenths of a whole (两成, 四成以上) → percentages."""
    text = re.sub(r"(?<![\u4e00-\u9fff\d])([一二两三四五六七八九])成(?=以上|以下|多|左右|[，,。？?的]|$)|"
                  r"(?<=[到过足于占的达近约])([一二两三四五六七八九])成(?![为功本])",
                  lambda m: f"{NUMBERS[m.group(1) or m.group(2)] * 10}%", text)
    def fix(m: re.Match) -> str:
        n = _cn_number(m.group(1))
        return f"{n}{m.group(2)}" if n is not None else m.group(0)
    # a Chinese number begins with a digit or 十 (万元 alone is a unit, not 0元)
    text = re.sub(r"((?:[零〇一二两三四五六七八九]|十)[零〇一二两三四五六七八九十百千万]*)(件|条|个|项|篇|次|万元|元)",
                  lambda m: fix(m) if re.search(r"[十百千万]", m.group(1)) else m.group(0), text)
    # 1.5万条, 1万人: digits times 万 before a count's unit (万元 is a unit of its own)
    # (超过3万了: a bound on a count, its unit left unsaid)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*([万千])(?=\s*(?:件|条|个|项|篇|次|人|户|批|家|份)|(?:了|多|以上|余)?(?:吧|吗|[，,。？?！!]|$))",
                  lambda m: fmt(float(m.group(1)) * (10000 if m.group(2) == "万" else 1000)), text)
    # 有一件/共一起 … (a count), but 一件都没有 stays a word
    text = re.sub(r"(?<=有|共|是|了|过|到)一(?=[件起条项次](?!.{0,3}都))", "1", text)
    # 两件, 三条 (一件 stays a word: 一件都没有)
    return re.sub(r"(?<![零〇一二两三四五六七八九十百千万\d])([二两三四五六七八九])(件|条|项|篇|次|起)", fix, text)


def normalise_years(text: str) -> str:
    """二〇二三年 → 2023年, 23年 → 2023年 (two digits read as this century's year; 近3年/过去10年 untouched);
    the year work is carried into (留到2025年办) is the next year, not a year asked about."""
    text = re.sub(r"(留到|结转到|转到|转入|延续到|延至|拖到)\s*(?:(?:19|20)?\d\d|[〇零○一二三四五六七八九]{4})\s*年度?", r"\1明年", text)
    text = re.sub(r"[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)", lambda m: "".join(_CN_DIGIT[c] for c in m.group(0)), text)
    text = re.sub(r"[０-９]", lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    return re.sub(r"(?<![\d近前后这每去内])([12]\d|3[0-5])(?=\s*年(?!代|来|内|间|以))", r"20\1", text)


def pick_column(q: Query, plain: str) -> None:
    """A column word outside the row's own words picks the column of q.metric (自然人, 结果纠正, 制发)."""
    rest = plain
    for w, _, _, _ in METRIC_WORDS:
        if q.metric and len(w) >= 3 and w in rest and (w == q.metric_word or w in q.metric_word):
            rest = rest.replace(w, "")
    if q.metric.endswith(".total"):
        columns = APPLICANTS if q.metric.startswith("applications.") else APPEAL_COLUMNS
        named = []
        for word, col in columns:
            if word in rest and col not in [c for _, c in named]:
                named.append((word, col))
                rest = rest.replace(word, "")
        if q.metric.startswith("applications.") and re.search(r"[“\"「]其他[”\"」]|其他(?:组织|法人|类)", rest) and \
                "other_org" not in [c for _, c in named] and len(named) >= 1:
            named.append(("其他", "other_org"))
        if len(named) == 1:
            q.metric = q.metric[:-len("total")] + named[0][1]
            q.metric_word += f"（{named[0][0]}）"
        elif len(named) > 1 or (q.metric.startswith("applications.") and _APPLICANT_ASKED.search(plain)):
            # 自然人和“其他”组织各几件 / 是什么类型的申请人提的: every column of the row
            q.metric = q.metric[:-len("total")] + "*"
        else:
            if q.metric.startswith("appeals.") and _OUTCOMES_ASKED.search(plain):
                q.metric = q.metric[:-len("total")] + "*"
    elif q.metric.startswith("proactive.") and q.metric.endswith(".*"):
        row = q.metric.split(".")[1]
        year = q.year or (max(q.years) if q.years else None)
        version = q.version or (("2019" if year <= 2020 else "2021") if year else None)
        row_words = {w for r in T.PROACTIVE.rows if r.key == row for w in (r.label, *r.words)}
        named = []
        for word, col in PROACTIVE_COLUMNS:
            # a column word in the question, not inside the row's own name (采购项目 in 政府集中采购项目数量)
            if word in plain and not any(word in w for w in row_words) and col not in named and \
                    any(col in r.columns for r in T.PROACTIVE.rows if r.key == row and (version is None or version in r.versions)):
                named.append(col)
        if len(named) == 1:   # two columns asked (几个项目，花了多少钱): the whole row
            q.metric = q.metric[:-1] + named[0]
            q.metric_word += f"（{T.PROACTIVE.column(named[0]).label}）"


def read_metric(q: Query, text: str) -> str:
    """The cell a question asks about, read for its template version (q.version); the text without quotes."""
    if q.version != "2019":
        # “其他”处理: the row 3.其他 of the 2021 group 其他处理, not the whole group
        text = re.sub(r"[“\"「‘]其他[”\"」’]\s*处理", "其他处理中的其他", text)
    plain = re.sub(r"[“”\"'‘’「」《》]", "", text)
    # a rate the narrative gives (办结率, 满意率, 处理率) is no table cell
    q.metric, q.metric_word = find_metric(re.sub(r"(?:按时)?(?:办结|处理|回复|答复|满意|完成|受理)率", "", plain), q.version)
    if q.metric.startswith("applications.") and NOT_APPLICATIONS.search(plain) and not re.search(r"信息公开申请|公开申请", plain):
        q.metric, q.metric_word = "", ""
    if q.metric.startswith("proactive.fees") and re.search(r"信息处理费|处理费", plain):
        q.metric, q.metric_word = "", ""   # the fee for handling applications (section 六), not 行政事业性收费
    pick_column(q, plain)
    if re.fullmatch(r"applications\.\w+\.total", q.metric) and \
            re.search(r"申请人.{0,6}(?:类型|分别|都是谁|是谁|构成|情况|来自)|什么(?:类型|样)的申请人|(?:是|都是)谁(?:提|申请)的|"
                      r"来自(?:哪|什么)", plain):
        # who the applications came from (申请人分别是什么类型): every applicant column of the row
        q.metric = q.metric.rsplit(".", 1)[0] + ".*"
    return plain


def revise_version(q: Query, resolver) -> None:
    """A part that takes its body and year from the part before reads its cell again for their template version."""
    version = _version(resolver, q, q.year or (max(q.years) if q.years else None))
    if version != q.version and q.metric:
        q.version = version
        read_metric(q, q.text)


def _version(resolver, q: Query, year: int | None) -> str | None:
    """The template version of the reports a question names (a 2021 report may still use the 2019 tables);
    by the year when the reports do not say."""
    reports = [r for r in getattr(resolver, "reports", ()) if (r.get("body") in q.bodies or r.get("report_id") in q.report_ids)
               and (year is None or r.get("year") == year)]
    versions = {r.get("template") for r in reports} - {None, "", "pre-2019"}
    if len(versions) == 1:
        return versions.pop()
    return ("2019" if year <= 2020 else "2021") if year else None


def english_reading(question: str, resolver) -> str | None:
    """An English question in the Chinese words the reader reads (bodies, rows, years); None if it is not English."""
    if from_english(question.strip()) is None:
        return None
    # (a misspelt word, Publc Security, is mended before the bodies are read)
    text = _english_spelling(question.strip())
    text = resolver.from_english(text) if hasattr(resolver, "from_english") else text
    return from_english(text, known=True)


def _homophones(resolver) -> Homophones:
    """The words a typo may stand for: the template's rows, groups and columns, and the corpus' body names."""
    cached = getattr(resolver, "_homophones", None)
    if cached is None:
        words = [w for w, *_ in METRIC_WORDS] + [w for w, _ in APPLICANTS + PROACTIVE_COLUMNS + APPEAL_COLUMNS]
        words += [f for f in getattr(resolver, "forms", {}) if len(f) >= 3] + list(getattr(resolver, "bodies", ()))
        words += [f for f in getattr(resolver, "unnamed_forms", {}) if len(f) >= 2]   # 常州 of an unnamed report
        cached = Homophones(words)
        try:
            resolver._homophones = cached
        except AttributeError:
            pass
    return cached


def parse(question: str, resolver, latest_year: int | None = None) -> Query:
    """Read intent and slots off the question; `resolver` (app.bodies.BodyResolver) finds the bodies it names."""
    q = Query(question)
    text = simplified(question.strip())
    english = from_english(text)
    if english is not None:
        english = from_english(resolver.from_english(text), known=True) if hasattr(resolver, "from_english") else english
        q.english, text = True, english
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)   # 7,816 → 7816
    text = normalise_counts(normalise_years(text))
    # a table named by its place (第三张表, 第3个表格): 表三
    text = re.sub(r"第\s*([二三四234])\s*(?:张|个)?\s*(?:统计)?表(?:格)?", lambda m: "表" + "二三四"["234".find(m.group(1))]
                  if m.group(1).isdigit() else "表" + m.group(1), text)
    # spoken forms of the asking words (关于啥, 咋办的)
    text = text.replace("为啥", "为什么").replace("啥", "什么").replace("咋样", "怎么样").replace("咋", "怎么")
    # how applications were dealt with (那1件申请最后怎么处理的): their outcomes, table 3's 办理结果
    text = re.sub(r"(申请[^，,。？?]{0,12}?)(?:最后|最终)?(?:是)?(?:怎么|如何|怎样)(?:处理|办理|答复|办)的?(?:[？?]|$)", r"\1的办理结果是什么？", text)
    text = re.sub(r"(申请[^，,。？?]{0,12}?)(?:最后|最终)?(?:是)?(?:怎么|如何|怎样)(?:处理|办理|答复|办)的?", r"\1的办理结果", text)
    # of the applications, how many were disclosed (8件申请 公开了几件): those granted, not what was proactively published
    text = re.sub(r"(申请[^。？?]{0,12}?)(?<!主动)(?<!予以)(?<!部分)公开了(?=几|多少)", r"\1予以公开了", text)
    if "申请" in text:   # …各收了几件，怎么处理的？: how the applications asked of were dealt with
        text = re.sub(r"([，,]\s*)(?:最后|最终|都|又|分别)?(?:是)?(?:怎么|如何|怎样)(?:处理|办理|答复)的?(?=[？?]|$)", r"\1办理结果是什么", text)
    # table 3's 总计 named by the table (表三总计, 表格总计也是2件) is its （七）总计 row; its 总计 column is 总计列
    text = re.sub(r"表[三格3](?:里|中|上)?的?[“\"]?总计[”\"]?(?![”\"]?\s*(?:列|栏))", "办理结果总计", text)
    text, fixes = _homophones(resolver).correct(text)
    q.text, q.spelling = text, tuple(fixes)
    # 2019年版 and 〔2019〕60号 name a template, not a year the question is about
    year_text = without_template_years(text)
    # a stated "now" (以2025年为基准, 现在是2025年) is what 去年/前年 count from, not a year asked about
    bases = list(_BASE_YEAR.finditer(year_text))
    stated = bool(bases and re.search(r"去年|前年|今年|上一年|近.年|最近|过去|.年前",
                                      _BASE_YEAR.sub("", year_text)))
    if stated:
        # 去年按2024年算: the year said of 去年 and one; 最新是2025年, 以2025年为基准: that year
        latest_year = int(bases[0].group(2)) + {"去年": 1, "前年": 2}.get(bases[0].group(1) or "", 0)
        for base in bases:
            year_text = year_text.replace(base.group(0), "，")
    q.year, q.year_range, q.years, q.year_note = _years(year_text, latest_year)
    # the report a question reads, named by its year, beside another year it speaks of (2021年报里…2022年的打算,
    # In its 2021 report, what did it plan for 2022): that report
    read_in = re.search(r"((?:19|20)\d\d)\s*年?(?:度)?(?:的)?(?:年报|年度报告|报告)(?:里|中|上|中的|里的)|"
                        r"\b(?:its|the) ((?:19|20)\d\d)年? (?:annual )?report\b", year_text)
    if read_in and q.year_range and len(set(q.years)) == 2 and \
            not re.search(r"(?:19|20)\d\d\s*年?\s*(?:到|至|—|-|–|~|和|与|及|、)\s*(?:19|20)\d\d", year_text):   # not a span
        q.year = int(read_in.group(1) or read_in.group(2))
        q.year_range, q.years = None, (q.year,)
    if stated:
        q.year_note = q.year_note.replace("语料中最新的", "问题所说的")
    res = resolver.resolve(text)
    found = list(res.bodies)
    q.bodies, q.report_ids, q.fuzzy = res.bodies, res.unnamed, res.fuzzy
    q.unknown_body, q.closest = res.unknown, res.closest
    q.body_words = res.matched
    q.zone_only = bool(ZONE_WORDS.search(text)) and not found and not res.unnamed and not res.unknown
    year = q.year or (max(q.years) if q.years else None)
    q.version = _version(resolver, q, year)
    plain = read_metric(q, text)
    if not q.metric and not re.search(r"信息|公文|文章", plain):
        # a column of table 2 alone (本年废止件数) names it in every row that has it; 制发政府信息405条 is not one
        for word, col in PROACTIVE_COLUMNS:
            if word in plain and word not in ("发布", "出台", "有效") and col in ("issued", "repealed", "in_force"):
                q.metric, q.metric_word = f"proactive.*.{col}", T.PROACTIVE.column(col).label
                break
    for key, (word, _, _) in RATIOS.items():
        if word in text or (key == "review_correction_rate" and "纠错率" in text) or \
                (key == "disclosure_rate" and re.search(r"百分之多少.{0,10}公开|公开的?(?:比例|占比|比率)|"
                                                         r"(?:比例|占比|百分比).{0,6}(?:予以)?公开", text)):
            q.ratio, q.aggregate, q.metric_word = key, "ratio", word
    # measures taken (采取了哪些措施, 在…上做了什么) are what a body did, told anywhere; measures to take are 五's
    done = re.search(r"(?:采取|实施|推出|出台|落实)了[^，。？?]{0,8}(?:措施|举措)|在[^，。？?]{2,14}(?:上|方面)(?:采取|做)了", text)
    for key, pattern in SECTION_WORDS:
        if re.search(pattern, text) and not (done and key == "problems" and not re.search(r"问题|不足|改进", text)):
            q.section = key
            break
    if not q.ratio:
        # a column's own label (对外公开总数量) is not an aggregate
        agg_text = re.sub("|".join(sorted({re.escape(w) for t in T.TABLES for c in t.columns
                                            for w in (c.label, *(x for x in c.words if len(x) >= 5 and x.isascii() is False))
                                            if len(w) >= 4}, key=len, reverse=True)), "", text)
        for agg, pattern in (("sum", r"合计|总共|一共|(?<!信息)总数|加起来|加在一起|加到一起|合在一起|合起来|加一块|加一起|合一块|加总|总和|汇总|之和" + (r"|共" if len(found) > 1 else "")), ("mean", r"平均"),
                             ("max", r"最多|最高|最大|哪个.{0,6}最|哪一?年.{0,8}最(?:多|高|大)"), ("min", r"最少|最低|最小"),
                             ("rank", r"排名|排序|排行|前[三五十\d]+|从多到少|从高到低|从大到小|从少到多|从低到高|排一下|排个序")):
            if re.search(pattern, agg_text):
                q.aggregate = agg
                break
        if q.aggregate == "sum" and q.year and len(found) + len(res.unnamed) == 1 and not res.region and \
                len(metrics_in(plain)) < 2:
            q.aggregate = ""   # 2024年一共收到多少申请 about one body: the cell itself
    claim = re.search(r"对吗|对么|对不对|属实|是否正确|是真的吗|真的吗|是不是真|判断[:：]|核实|吧[？?]?$|没错吧|确实如此|"
                      r"成立吗|成立不成立|能成立吗|站得住|是不是这个数|是这个数吗|没问题吧|有没有问题|靠谱吗|"
                      r"是这样吗|是吗[？?]?$|[，,]\s*是不是[？?]?\s*$|是不是.{1,12}了[？?]?\s*$|"
                      r"也是?(?:这么|这样)(?:写|记|填)的?吗|准确吗|正确吗|没错吗|有没有错|可信吗|靠谱吗|^(?:听说|据说|有人说|网传|传言)|"
                      r"是不是\s*\d|是不是(?:全|都|没|只|有|被|已|比|说明|意味着|表示)|说明了?.{0,16}[吗么][？?]?\s*$|吧[？?。]?\s*$", text) or \
        (q.english and not re.match(r"\s*(?:what|how|which|who|when|where|why)\b", question, re.I) and
         re.search(r"\bis it true\b|\btrue\b|\bcorrect\b|\bright\b|\bclaim\b|\bsays?\b|\bis it the case\b|\bfact[- ]?check\b|"
                                 r"\bis (?:that|this) so\b|\bisn'?t it\b|\bdoesn'?t it\b|\bdidn'?t they\b|"
                                 r"^(?:does|do|did|is|are)\b.*\b(?:balance|equals?)\b|"
                                 r"\b(?:I|we) (?:read|heard|saw) that\b|\b(?:back|bear) (?:that|this|it) (?:up|out)\b|"
                                 r"\bconfirm\b|\baccurate\b|"
                                 # a yes-or-no question with a bound (Did … make up more than half …?)
                                 r"^(?:did|was|were|is|are|has|have|does|do)\b.*\b(?:more|less|fewer|over|under) than\b|"
                                 # … or over all of a count (Did … grant both of its requests in full?)
                                 r"^(?:did|was|were|is|are|has|have|does|do)\b.*\b(?:all|both|every|each|none|only)\b",
                                 question.strip(), re.I) or
         # … or stating a count (Did … get sued directly once in 2023? / they got exactly one request and …?)
         (re.match(r"\s*(?:did|was|were|is|are|has|have|does|do)\b", question, re.I) or
          re.search(r"\?\s*$", question) and not re.search(r"\b(?:what|how|which|who|when|where|why)\b", question, re.I)
          and not re.search(r"哪|多少|几|什么|怎么|谁", text))
         and re.search(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:件|次|条|项|起|个)", text)) or \
        _declarative(text, q) or _stated_count(text, q) or _yes_no(text, q) or \
        bool(_PERIOD.search(text + " " + question) and
             re.search(r"吗|对吧|是不是|是否|\byes\b|\bright\b|\bcorrect\b|\btrue\b|[?？]\s*$", question, re.I) and
             not re.search(r"多少|哪|什么|几|怎么|为什么|为啥|\b(?:what|which|how|why|when)\b", question, re.I))
    if claim and _OPINION.search(text):
        claim = None   # 你觉得…是不是比…做得好: an opinion asked, not a claim to check
    if claim and inventory_kind(text) == "broken":
        claim, q.section = None, ""   # 表三是不是有问题: the table's arithmetic asked, not a claim nor section 五
    if claim and not isinstance(claim, bool) and claim.group(0) in ("核实", "判断：", "判断:") and \
            re.search(r"多少|几[件条个项次篇起]|哪些|哪个|什么", text):
        claim = None   # 想核实一下：…新收了多少件？ asks for the number
    if claim:
        q.intent = "claim"
        # a share claimed of a count (8件申请里同意公开的占37.5%, 6件里有一半…): the share is what is claimed
        num = re.search(r"(\d+(?:\.\d+)?)\s*()[%％]", text) or \
            (re.search(r"(一半|半数)", text) if re.search(r"\d+\s*[件份起个项条](?:[^，,。？?]{0,16}?(?:申请|案件))?\s*"
                                                         r"(?:里|中|当中|之中|[，,]?\s*(?:and\s+)?其中)", text) or
                                                re.search(r"\d+\s*[件份起].*其中(?:有)?(?:一半|半数)", text) else None) or \
            re.search(r"(\d+(?:\.\d+)?)\s*(多|余)?\s*(?:条|件|项|个|万元|元|次|%|％|起|批次|人次|篇|家|份|期|场|人|户)", text) or \
            re.search(r"(?:是|为|有|达到?)\s*(\d+(?:\.\d+)?)(?=\s*(?:[。.！!，,？?]|$))", text) or \
            re.search(r"(?<=超过|多于|高于|大于|不足|低于|少于|不到|小于)\s*(\d+(?:\.\d+)?)(?=\s*(?:了|多|以上)?(?:吧|吗|[。.！!，,？?]|$))",
                      text) or \
            re.search(r"(一半|半数)", text)
        if num:
            q.claim_number = 50.0 if num.group(1) in ("一半", "半数") else float(num.group(1))
            op = re.search(r"(超过|多于|高于|大于|不足|低于|少于|不到|小于)[^，。]{0,3}$", text[:num.start()])
            q.claim_op = "=" if not op else (">" if op.group(1) in ("超过", "多于", "高于", "大于") else "<")
            after = re.match(r"\s*[条件项个次%％]?\s*(以上|以下|之上|之下|多)", text[num.end():])
            if not op and after:   # 一半以上, 100件以上
                q.claim_op = ">" if after.group(1) in ("以上", "之上", "多") else "<"
            elif not op and num.lastindex and num.lastindex >= 2 and num.group(2):   # 700多件, 350余篇
                q.claim_op = ">"
            before = text[:num.start()]
            phrase = re.sub(r"^.*?(?:(?:19|20)\d\d\s*年度?)", "", before)
            for b in list(found) + list(res.matched) + ([q.fuzzy[0]] if q.fuzzy else []):
                phrase = phrase.replace(b, "")
            q.claim_phrase = phrase.strip("，,。 ：:“”\"")
        elif q.metric and re.search(r"这件|那件|这一件|那一件|该件|该申请", text) and \
                not re.search(r"没|未|无|不曾|从未", text):
            # 那件申请结转到下一年了吧: a count of one
            q.claim_number, q.claim_op, q.claim_phrase = 1.0, "=", q.metric_word
        elif q.metric and (_HAPPENED.search(text) or _SOME.search(text)) and not re.search(r"没|未|无|不曾|从未", text):
            # 收到过申请 / 被起诉过 / 吃了官司 / some lawsuits…: a claim that there was at least one
            q.claim_number, q.claim_op, q.claim_phrase = 0.0, ">", q.metric_word
    elif re.search(r"(?<!有)没有.{0,8}(?:年报|年度报告|报告)|缺少.{0,6}(?:年报|报告)|未发布|缺失|缺(?:了)?哪|少了哪|"
                   r"(?:年报|年度报告|报告)(?:出来|发布|公布|出|上线|发)了?(?:吗|没有?)|有没有.{0,12}(?:年报|年度报告)", text) and \
            inventory_kind(text) != "unnamed" and not (q.bodies and re.search(r"有哪几年|哪几年的(?:年报|报告)", text)):
        q.intent = "coverage"
    elif inventory_kind(text) and not ((q.section or q.metric and find_metric(re.sub(r"[（(][^）)]*[）)]", "", text))[0]
                                        or q.ratio) and inventory_kind(text) in ("listing", "years", "template")) \
            and not re.search(r"提到|提及|说到|谈到|涉及|讲到", text):
        q.intent, q.inventory = "inventory", inventory_kind(text)
        if q.inventory == "years" and q.year and not found and not res.unnamed:
            q.inventory = "listing"   # 2024年有几份年报: the reports of that year
    elif NOT_ABOUT_REPORTS.search(text) and not q.metric:
        q.intent = "out_of_scope"
    elif not DOMAIN.search(text) and not q.metric and not q.section and not q.ratio and \
            (not found or OFF_TOPIC.search(text)):
        q.intent = "out_of_scope"  # a place name alone (平潭有什么好吃的) does not make a question about reports
    elif q.section and not re.search(r"多少|几|数量|情况如何", text) and not q.aggregate:
        q.intent = "narrative"
    elif NARRATIVE_ASK.search(text) and not q.aggregate and not re.search(r"多少|(?<![那这])几[件个条]|数量", text) and \
            not (q.metric and re.search(r"哪些|哪几", text) and
                 not re.search(r"怎么|如何|为什么|什么内容|哪些内容|哪些方面|涉及|事项|关于|主要是", text)):
        q.intent = "narrative"
    elif (q.metric or q.ratio) and re.search(r"增长|增加|下降|减少|变化|怎么变|如何变|趋势|对比|比较|相比|哪年多|哪一年多|哪个多|"
                                            r"哪家多|谁多|谁更多|更多|比(?:19|20)\d\d年?[多少高低]|差了?多少|差了?几|[涨降跌升变]了?(?:多少|几)|百分之多少|[增涨降]幅|相差|差额|差值|差距|多了?(?:多少|几)|少了?(?:多少|几)|[多少][收发办作做出]了?(?:多少|几)|增减|谁.{0,12}(?:多|少|高|低)[？?，,]|多还是少|多了还是少了|增加还是减少|差异|区别|差别|不同|多少倍|几倍", text) \
            and not q.aggregate and not (q.version == "2019" and q.metric.endswith((".change", ".*")) and
                                         q.metric.startswith("proactive.") and q.year and len(q.bodies) <= 1):
        # (a 2019 table prints the change on the year before in its own column: 今年增加了几项 is that cell)
        q.intent = "compare"
    elif q.ratio or (q.metric and q.aggregate):
        q.intent = "aggregate"
    elif q.metric and re.search(r"哪些|哪几个|名单|列出", text):
        q.intent = "list"
    elif q.metric:
        q.intent = "value"
    if _DRAFT.search(text) or _DRAFT.search(question):
        q.intent = "out_of_scope"   # 帮我写一份申请书 / draft a request letter: not what the reports say
    return q


_ASKS = re.compile(r"多少|(?<![那这的])几|哪|什么|谁|怎么|怎样|如何|吗|呢|是否|有没有|是不是|还是(?!用|在用|采用|使用)|[?？]|请问|列出|列一下|比较|对比|排名|排序|统计|查询|"
                   r"查一下|看看|情况|告诉我|介绍|说说|说明|描述|变化|趋势|\b(?:how|what|which|who|when|where|why|did|does|do|is|are|"
                   r"was|were|compare|list|show)\b", re.I)
# a claim that something happened at least once (收到过申请, 被起诉过, 发生过复议)
# some of a count (有些, 一些, 部分…, English some / any)
_SOME = re.compile(r"有些|一些|有的|若干|\bsome\b|\bany\b|(?:吃|打|输|赢)了官司|被(?:人)?告了|被起诉了|被复议了")
_HAPPENED = re.compile(r"(?:收到|接到|受理|发生|出现|有|起诉|复议|告|申请|收取|收|制发|制作|印发|出台|发布|废止|作出|当)过|"
                       r"收到了(?:政府信息公开|信息公开|依申请公开)?申请")
_STATES = re.compile(r"(?:收到|接到|受理|发生|出现|起诉|复议|告|收取|产生)过|(?:收取|产生)了|[没未](?:有)?(?:收取|产生|发生|收)|一半|半数|\d\s*[条件项个次%％]?\s*以[上下]|\d+(?:\.\d+)?\s*(?:条|件|项|个|万元|元|次|%|％|篇|起|批次|人次|家|份|期|场)|也是\s*\d|全是|都没|(?:是|为|有|达到?)\s*\d+(?:\.\d+)?\s*[。.！!]?$|全部|全都|都是|都为|均为|均是|一律|没有|没收到|未收到|"
                     r"未发生|一件.{0,6}都没|为零|为0|超过|不足|不到|多于|少于|高于|低于|比.{0,12}(?:多|少|高|低|增|减|降|升)|都|(?<!平)均|"
                     r"等于|相等|是平的|对得上|配平|(?:用|使用|采用)的?(?:是|还是)?.{0,8}(?:版|格式|模板)|"
                     r"一致|相同|翻了|\bno\b|\bnone\b|\bmore than\b|\bfewer\b|\bless than\b|"
                     # a statement of what happened (…开过新闻发布会。 …当年就办结了。 …是2019年全年。)
                     r"[\u4e00-\u9fff]过[\u4e00-\u9fff]{0,12}[。.！!]?\s*$|了[。.！!]?\s*$|是[^，。？?]{1,14}[。.！!]\s*$")


def _yes_no(text: str, q: Query) -> bool:
    """A yes-or-no question stating a fact (…一件申请都没有收到？ / …收到过…申请？): a claim to check."""
    return bool(((q.metric or q.bodies) and re.search(r"[？?吗]\s*$", text) and
                 re.search(r"都没|没有收到|未收到|一件.{0,8}都|全部|全都|都是|均为|也是\s*\d|也为\s*\d|"
                           r"有?(?:一半|半数|过半|大多数|大部分)(?:以上)?(?:都)?是", text) or
                 q.metric and _HAPPENED.search(text) and re.search(r"[？?吗]\s*$", text)) and
                not re.search(r"多少|几[条件个起次项篇]|哪|什么|谁|怎么|如何|有没有|是不是|是否", text))


def _stated_count(text: str, q: Query) -> bool:
    """A count put as a question of fact (…有2件结果被纠正？ / …共受理政府信息公开申请2件？ / …超过15000条？): a number
    with its unit, about a metric or a body, asked only by the question mark; no word that asks for a number."""
    return bool((q.metric and re.search(r"(?:有|共|共有|是)\s*\d+(?:\.\d+)?\s*(?:条|件|项|个|起|次|篇)", text) or
                 (q.metric or q.bodies) and not q.english and
                 re.search(r"\d+(?:\.\d+)?\s*(?:条|件|项|个|起|次|篇|人|批次|场|期|家|份|户|%|％)", text) and
                 re.search(r"[了过的]?[？?]\s*$", text))
                and not re.search(r"多少|几[条件个起次项篇]|哪|什么|怎么|如何|呢|是否|有没有|是不是|还是", text))


def _declarative(text: str, q: Query) -> bool:
    """A statement, not a question (经发局2022年收到的3件申请都是自然人提的。): a claim to check.

    Nothing in it asks (no 多少/哪些/吗/？…), it names a body or a metric, and it
    states a count, a comparison, a universal or a negative.
    """
    return bool((q.bodies or q.report_ids or q.metric or "主动公开" in text) and not _ASKS.search(text)
                and _STATES.search(text))


# a part asking only the difference of the values asked before it
_DIFFERENCE_ASK = re.compile(r"\s*(?:那么|那|这)?(?:两者|两年|二者|前后|两个|中间)?(?:之间)?(?:相)?(?:差|差距|差额|差值)(?:了|是)?(?:多少|几)|"
                             r"\s*(?:那么|那)?(?:增加|减少|增长|下降|多|少|涨|降|变化)了?(?:多少|几)|"
                             r"\s*(?:how much|by how much|what(?:'s| is) the difference)", re.I)
# a part asking only for the counts of what the part before names (…都是什么理由？各多少件？)
_EACH_ASK = re.compile(r"(?:那么|那)?(?:各|分别|各自|具体)(?:是|有)?(?:多少|几)[件条个项次]?(?:呢)?[？?。]?|"
                       r"\s*(?:List|Give|Show|列出) them(?: all)?(?: with (?:the|their) (?:numbers|values|counts))?[.。]?\s*|"
                       r"(?:那么|那|又|还)?缺(?:了|少)?哪(?:几|些)年(?:的)?(?:年报|报告)?(?:呢)?[？?。]?")
# statements asked about together (…，…，这两点都对吗 / 以上说法是否都属实)
_SEVERAL_CLAIMS = re.compile(r"[，,。；;]?\s*(?:这|以上|上述|上面)?(?:两|二|三|几|这些|各)(?:点|个说法|种说法|句话|件事|处)?(?:说法)?"
                             r"(?:是否)?(?:都|全都|全部|均)(?:对|属实|正确|没错|成立|准确)[吗么嘛]?[？?]?\s*$")
_ONE_ASK = re.compile(r"合计|一共|总共|共计|加起来|加在一起|合起来|之和|总和|(?:、|和|与|及)[^，,。？?、]{1,14}(?<!公开)(?<!信息)总数(?!量)|对比|比较|相比|哪个多|哪年多|谁多|谁更多|更多|差多少|相差|变化|趋势|"
                      r"对吗|对不对|属实|是否|比.{0,8}(?:多|少|高|低)|占比|比例|比率|[率%％]")


def split_parts(question: str) -> list[str]:
    """A question with several parts → its parts; one part otherwise.

    “…多少？…有哪些问题？” splits at the question mark; “新收多少件，予以公开了几件？”
    at the comma between two asks; “行政许可、行政处罚、行政强制的决定数各是多少？”
    into one question per row named, each with the words that ask (的决定数各是多少).
    A sum, a comparison or a claim over several rows stays one question.
    """
    several = _SEVERAL_CLAIMS.search(question)
    joined = re.search(r"[，,]\s*(?:而且|并且|同时|且)(?!.*(?:而且|并且))", question)
    if not several and joined and re.search(r"(?:[，,]\s*)?(?:对不对|对吗|是真的吗|是不是真的|属实吗|是吗|没错吧)[？?]?\s*$",
                                            question):
        # "A，而且B，对不对": each statement a claim of its own, both to hold
        tail = re.search(r"(?:[，,]\s*)?(?:对不对|对吗|是真的吗|是不是真的|属实吗|是吗|没错吧)[？?]?\s*$", question)
        first, second = question[:joined.start()], question[joined.end():tail.start()]
        named = metrics_in(first)
        if len(named) >= 2 and not find_metric(second)[0] and re.match(r"\s*(?:都|均|全)", second):
            # "1件行政诉讼、2件行政复议，而且都已结案": 都 speaks of every row the first statement named
            second = "、".join(label for _, label in named) + second
        if len(re.sub(r"[\W_]", "", first)) >= 4 and len(re.sub(r"[\W_]", "", second)) >= 4:
            return [first + "，对吗？", second + "，对吗？"]
    if several:
        # "A，B，这两点都对吗": each statement checked as a claim of its own
        claims = [p.strip() for p in re.split(r"[，,；;]\s*(?:而且|并且|同时|另外|此外|且)?|(?:而且|并且)", question[:several.start()])
                  if len(re.sub(r"[\W_]", "", p)) >= 4]
        if len(claims) >= 2:
            return [c.rstrip("。.！!") + "，对吗？" for c in claims]
    # (…in 2024, and how many could not be provided, read as 2024年和多少 无法提供: a part of its own when it names a cell)
    question = re.sub(r"和(?=多少 )", lambda m: "；" if find_metric(question[m.end():].split("；")[0])[0] else m.group(0),
                      question)
    parts = [p.strip() for p in re.split(r"(?<=[？?])\s*|；|;|,?\s+and (?=how (?:many|much)\b|what (?:was|is|were|are)\b)",
                                          question) if p.strip()]
    # (a short part that asks only the difference, 差多少？, joins the parts before it below; other short ones go)
    # (…行政强制多少？处罚呢？: a short follow-up naming a cell of its own stays)
    parts = [p for p in parts if len(re.sub(r"[\W_]", "", p)) >= 4 or _DIFFERENCE_ASK.match(p) or
             re.search(r"呢\s*[？?]?\s*$", p) and find_metric(p)[0]]
    for i in range(len(parts) - 1, 0, -1):
        if re.fullmatch(r"[（(][^（）()]*[）)][。.]?", parts[i]):   # （库里最新是2025年…）: a note on the part before
            parts[i - 1:i + 1] = [parts[i - 1] + parts[i]]
    i = len(parts) - 1
    while i > 0:
        # "…分别多少？差了多少？": the difference asked of the values before, one comparison
        if (_DIFFERENCE_ASK.match(parts[i]) or _EACH_ASK.fullmatch(parts[i].strip())) and not _rows_of(parts[i]):
            # (…多少件？那2024年呢？差多少？: of both values, the one asked and the one asked after it)
            start = i - 2 if i >= 2 and _DIFFERENCE_ASK.match(parts[i]) and FOLLOW_UP.search(parts[i - 1]) else i - 1
            parts[start:i + 1] = ["，".join(p.rstrip("？?") for p in parts[start:i]) + "，" + parts[i]]
            i = start
        else:
            i -= 1
    parts = [p for p in parts if len(re.sub(r"[\W_]", "", p)) >= 4 or re.search(r"呢\s*[？?]?\s*$", p) and find_metric(p)[0]]
    out = []
    for n, part in enumerate(parts):
        # rows listed in brackets (办理结果有什么不同？（新收、予以公开、部分公开、不掌握）) are the rows asked,
        # in place of the word they spell out
        listed = re.search(r"[（(]([^（）()]*[、,，][^（）()]*)[）)]", part)
        if listed and len({k.split(".")[1] for k, _ in metrics_in(listed.group(1))}) >= 2:
            outside = part.replace(listed.group(0), "")
            hits = [w for w, *_ in METRIC_WORDS if w in outside]
            parts[n] = outside.replace(max(hits, key=len), listed.group(1), 1) if hits else outside + listed.group(1)
        elif listed:
            # columns listed so (规范性文件数据（新制作、新公开、对外公开总数）对比一下): one part per column
            columns = {}
            for piece in re.split(r"[、,，]", listed.group(1)):
                word = max((w for w, _ in PROACTIVE_COLUMNS + APPLICANTS + APPEAL_COLUMNS if w in piece), key=len, default="")
                if word:
                    columns.setdefault(word, piece.strip())
            if len(columns) >= 2:
                outside = part.replace(listed.group(0), "")
                parts[n:n + 1] = [f"{outside}（{piece}）" for piece in columns.values()]
    for part in parts or [question]:
        if re.search(r"（[^（）]+）$", part) and part not in question:   # one column of several listed: a part of its own
            out.append(part)
            continue
        each_change = re.search(r"(?:各|分别)(?:自|项)?(?:变化|增加|减少|增长|下降|增减|相差|差|多了|少了)", part) or \
            (len(re.findall(r"(?:19|20)\d\d|今年|去年|前年|上一年", part)) >= 2 and len(metrics_in(part)) >= 2 and
             re.search(r"怎么变|变化|增减|相比|对比|比较|有什么不同|差别|区别", part) and
             not re.search(r"合计|加起来|总和|之和|一共|总共", part))   # 2022年和2024年相比，行政处罚、行政强制怎么变的
        pieces = [p for p in re.split(r"[，,]", part) if p.strip()]
        if len(pieces) >= 2 and all(re.search(r"多少|几[场期件条个篇次项家人]", p) and len(re.sub(r"[\W_]", "", p)) >= 4
                                    and not (not find_metric(p)[0] and (columns_named(p) or
                                                                        any(w in p for w, _ in PROACTIVE_COLUMNS)))
                                    for p in pieces[1:]) and re.search(r"多少|几[场期件条个篇次项家人]", pieces[0]) and \
                not re.search(r"合计|一共|加起来|总共|之和|总和|差|相比|变化|增|减|占|比例|比重|百分|比上|较上|"
                              r"[多少涨降跌升]了?(?:多少|几)", part):
            # two counts asked side by side (开了几场新闻发布会，弃婴公告发了几期; 各收了几件，各有几件是…): a part each
            out += pieces
            continue
        statement = not re.search(r"[？?]|多少|几[件条个项次]|哪", part) and re.search(r"没有|未|均|都|全部|全都", part)
        if statement or _ONE_ASK.search(part) and not re.search(r"[，,]\s*(?:其中|另外|还有|此外)", part) and not each_change or \
                NARRATIVE_ASK.search(part) and not re.search(r"多少|几[件条个项次]", part):
            # one sum, comparison or claim; or what the text says of several rows (复议或诉讼怎么说)
            out.append(part)
            continue
        out += _split_rows(part)
    return out if len(out) >= 2 else [question]


def _rows_of(text: str) -> set[str]:
    key = find_metric(text)[0]
    return {".".join(key.split(".")[:2])} if key else set()


def metrics_in(text: str, version: str | None = None) -> list[tuple[str, str]]:
    """Every metric named in a text, once each, split at 和/与/及/、/加 (复议和诉讼 → two metrics); `version`
    picks the rows of that template version where a word names rows of both (其他处理)."""
    out: list[tuple[str, str]] = []
    # (既没被复议也没吃官司, 没有被复议，也没有被起诉: a clause each)
    for part in re.split(r"和|与|及|、|加上|以及|跟|要么|或者|或|还是|(?<=[\u4e00-\u9fff\d])加(?=[\u4e00-\u9fff]{2})|[，,；;]|"
                         r"(?<=[\u4e00-\u9fff])也(?=没|未|不|无|都|是|有|被)", text):
        key, label = find_metric(part, version)
        if key and key not in [k for k, _ in out]:
            out.append((key, label))
    return out


def columns_named(text: str) -> bool:
    """Does a piece name a column of tables 3 or 4 (纠正了几次, 自然人几件)?"""
    return any(w in text for w, _ in APPLICANTS + APPEAL_COLUMNS)


_TEXT_COUNT = re.compile(r"(?:条|篇|次|场|期|人)数(?!量)|信息总数")


def _split_rows(part: str) -> list[str]:
    """One part naming two or more rows of the tables → one question per row."""
    # (asks set apart by a space: 行政许可多少件 行政处罚多少件)
    pieces = [p for p in re.split(r"[，,]|(?<=[几少][件条个项次])\s+(?=\S)", part) if p.strip()]
    # "…一共收到多少申请，其中企业提的有多少": a new ask after 其中/另外/还有
    for i, p in enumerate(pieces[1:], 1):
        if re.match(r"\s*(?:其中|另外|还有|此外|同时|以及|那么|并且)", p) and re.search(r"多少|几", p) and \
                (_rows_of(p) or columns_named(p)) and _rows_of("，".join(pieces[:i])):
            return ["，".join(pieces[:i]), "，".join(pieces[i:]).strip()]
    # "…收到多少申请，正文怎么说的": the text's words are a part of their own
    if len(pieces) >= 2 and NARRATIVE_ASK.search(pieces[-1]) and not NARRATIVE_ASK.search("，".join(pieces[:-1])) and \
            _rows_of("，".join(pieces[:-1])):
        # (the pieces before it may name several rows of their own: 多少行政许可和行政处罚决定, and where …)
        return _split_rows("，".join(pieces[:-1])) + [pieces[-1].strip()]
    asks = [i for i, p in enumerate(pieces) if (_rows_of(p) or i and columns_named(p)) and
            re.search(r"多少|几|数量|是什么|情况" + (r"|呢[？?]?\s*$" if i else ""), p)]
    if len(asks) >= 2 and (len(set().union(*(_rows_of(pieces[i]) for i in asks))) >= 2 or
                           any(not _rows_of(pieces[i]) for i in asks[1:])):
        first = "，".join(pieces[: asks[0] + 1])
        return [first] + [pieces[i].strip() for i in asks[1:]]
    segs = _ROW_JOIN().split(part)
    if len(segs) < 2:
        return [part]
    rows = [_rows_of(s) for s in segs]
    # (a count only the text gives beside a row: 新收申请、主动公开条数各变了多少)
    counted = [bool(_TEXT_COUNT.search(s)) and not r for s, r in zip(segs, rows)]
    if not all(r or c for r, c in zip(rows, counted)) or not any(rows) or \
            len(set().union(*rows)) < len(segs) - sum(counted):
        return [part]
    # the asking words after the last row's own word (的决定数各是多少) go with every row
    last = segs[-1]
    hit = max((w for w, *_ in METRIC_WORDS if w in last), key=len, default="") if not counted[-1] else \
        _TEXT_COUNT.search(last).group(0)
    tail = last[last.find(hit) + len(hit):].replace("各", "") if hit else ""
    if re.match(r"[^”\"」]{0,4}[”\"」]", tail):   # the rest of a quoted word: the asking words follow the quote
        tail = re.sub(r"^[^”\"」]{0,4}[”\"」]", "", tail)
    return [s + tail for s in segs[:-1]] + [last.replace("各", "")]


@lru_cache(maxsize=1)
def _ROW_JOIN() -> re.Pattern:
    """、/和/与/及 right before a row's word (not inside a body's name: 自然资源与生态环境局)."""
    words = sorted({w for w, *_ in METRIC_WORDS if len(w) >= 2}, key=len, reverse=True)
    return re.compile(r"(?:、|以及|和|与|及|或者|或)(?=[“\"「]?[\u4e00-\u9fff]{0,3}?(?:" + "|".join(map(re.escape, words)) + "))")