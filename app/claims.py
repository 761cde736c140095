"""Claims beyond one number: change across years, universals and negatives, sums and shares.

Each claim is read into cells of the template and a rule over them; the
verdict comes from the stored records, and every cell used is cited. A
claim whose cells are blank or missing is `not_found`, never guessed.

    市场监管局2025年行政处罚187件，比2024年增长了   change: 2025 vs 2024, up (and 187 in 2025)
    经发局2022年收到的申请全部予以公开了            universal: 予以公开 = 办理结果总计
    财政金融局2023年行政复议和行政诉讼均为0          negative: every named cell = 0
    社会事业局2025年复议和诉讼加起来一共11件          sum: 复议 + 诉讼 = 11
    君山片区2024年公开率达到60%                      share: (予以公开 + 部分公开) / 办理结果总计 ≈ 60%
"""
from __future__ import annotations

import fnmatch
import re

from nianbao.ingest import template as T

from .labels import COLUMNS, fmt as _fmt, value_text
from .router import (_PERIOD, APPEAL_COLUMNS, APPLICANTS, GENERIC_METRIC_WORDS, PROACTIVE_COLUMNS, RATIOS, columns_named,
                     find_metric, metrics_in)

_CHANGE = re.compile(
    r"(?:比|较|相比|对比|同比|从)(?:于)?\s*(上一?年度?|去年|前一年|((?:19|20)\d\d)\s*年度?)?[^，。？?]{0,8}?"
    r"(翻了?一番|翻番|增长|增加|上升|上涨|涨|提高|提升|多了|下降|减少|降低|回落|下跌|跌|降|掉|少了|持平|不变|一样|更多|更少|多|少|高|低)")
_UP = ("翻", "增", "升", "提", "多", "高", "涨")
# B received more X than C (the English of 比…多)
_ENGLISH_MORE = re.compile(r"\b(more|higher|larger|bigger|fewer|less|lower|smaller)\b.*?\bthan\b", re.I)
# a change a report states of its own figure (比上年增长11.6%, 同比下降5条, 比升11.6%)
_STATED_CHANGE = re.compile(r"(?:比上年|较上年|比去年|较去年|同比|(?:较|比)\s*(?:19|20)\d\d\s*年|比)\s*(?:度)?\s*"
                            r"(增长|增加|上升|提高|提升|升|增|下降|减少|降低|降|减)"
                            r"了?\s*(\d+(?:\.\d+)?)?\s*([%％]|个百分点|条|件|项|个|次)?")
_DOWN = ("降", "减", "少", "落", "低", "跌", "掉")
def _report_of(reports: list[dict], body: str, year: int | None) -> dict | None:
    """A body's report for a year, or None."""
    return next((r for r in reports if r["body"] == body and r["year"] == year), None)


def _by_share(text: str, m: re.Match, diff: float, base: float) -> bool:
    """A change claimed as a share of the base (少了一半还多, 增长了20%以上, 下降不到三成): does the difference hold it?
    True when the claim states no share."""
    after = text[m.end():m.end() + 14]
    said = re.match(r"\s*了?\s*(?:超过|不到|不足|近)?\s*(一半|半数|(\d+(?:\.\d+)?)\s*[%％])", after)
    if not said or not base:
        return True
    share = 0.5 if said.group(2) is None else float(said.group(2)) / 100
    got = abs(diff) / base
    if re.search(r"还多|多|以上|超过", after[said.start(1) - 4 if said.start(1) >= 4 else 0:said.end() + 3]):
        return got > share
    if re.search(r"不到|不足|以下", after[:said.end() + 3]):
        return got < share
    return abs(got - share) < 0.005 or (said.group(2) is None and abs(got - share) < 0.05)


# every report said to fill a table in (表三都填了数, 表四都有数据)
_FILLED = re.compile(r"表([二三四])[^，。？?]{0,6}(?:都|全|均|全部)(?:填了|填报了|有数|有数据|填写了|填)|"
                     r"(?:都|全|均)(?:填了|填报了|填写了)[^，。？?]{0,4}表([二三四])")
_STATED_PERIOD = re.compile(r"统计(?:期限|期|时间|时段)(?:为|是)?自?\s*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日(?:起)?\s*(?:至|到|—|-)\s*"
                            r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日止?")


def _goes(word: str, diff: float) -> bool:
    """Does a difference go the way a word says (增加/多/高 up, 减少/少/低 down, 持平/一样 level)?"""
    if any(x in word for x in _UP):
        return diff > 0
    if any(x in word for x in _DOWN):
        return diff < 0
    return diff == 0


_SUM = re.compile(r"(?:加起来|加在一起|合计|一共|共计|总共|共)\s*(?:有|是|为|达)?\s*(\d+(?:\.\d+)?)\s*(?:件|条|个|项|起)?")
_PERCENT = re.compile(r"(超过|高于|不足|低于|不到|达到?|为|是)?\s*(?:(\d+(?:\.\d+)?)\s*[%％]|百分之(\d+(?:\.\d+)?)|(一半|半数))")
_ZERO = re.compile(r"均为0|都为0|均为零|都是0|都是零|全为0|全部为0|均是0|全是0|全是零|全部是0|为零|都没有|均没有|均未")
_NEGATION = re.compile(r"(?:没有|没|未|无|零)(?:被|发生|收到|出现|因为?|有|过)?")
_ALL = re.compile(r"全部|全都|全是|都|均|一律|所有")
# table 3 said to balance (表三是平的：新收63加上年结转1，正好等于办结55加结转9)
_BALANCED = re.compile(r"等于|相等|是平的|对得上|配平|平衡|勾稽")
_BALANCE_ROWS = ("applications.new_received.total", "applications.carried_over.total",
                 "applications.total_processed.total", "applications.carried_forward.total")
# a whole table said to be zero (表三应该全是0, 表四都是0)
_WHOLE_ZERO = re.compile(r"表\s*([二三四234])[^，,。？?]{0,6}?(?:全|都|均|全部)(?:是|为)?\s*(?:0|零)")
_FINISHED = re.compile(r"(?:全部|全都|都|均)(?:已经?|已)?(?:办结|办完|答复完?|处理完|办理完)|没有结转|无结转|未结转|没有留到|"
                       r"(?:当年|年内|本年度内)(?:就|全都|全部|都)?(?:已经?)?(?:办结|办完|答复完|处理完|办理完)")


_TIMES = re.compile(r"是((?:19|20)\d\d)\s*年度?的\s*(\d+(?:\.\d+)?|[两二三四五六七八九十])\s*倍(多|以上)?")
_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def claim_kind(text: str, q) -> str:
    """Which kind of claim a question makes: change | times | share | sum | all_zero | universal | '' (one number)."""
    from .coverage import template_named

    if template_named(text) and re.search(r"(?:用|使用|采用|是|还是).{0,12}(?:格式|模板|版)", text) and q.claim_number is None:
        return "template"   # 表二用的还是2019年那套老格式: the report's template version
    if _PERIOD.search(text) or _PERIOD.search(q.question):
        return "period"
    if _FILLED.search(text):
        return "filled"   # 2024年的报告表三都填了数吧: no table left blank end to end   # 统计期是2019年全年 / covers the full calendar year: the report's statistical period
    m = _CHANGE.search(text)
    if q.ratio and _PERCENT.search(text) and not (m and m.group(1)):   # (占比…，比2018年下降了: the change is claimed)
        return "share"
    if m and not m.group(1) and len(set(q.years)) < 2 and len(_two_sides(text, q.version)) == 2:
        return "versus"   # 行政强制比行政处罚还多: two cells of one report
    if (m and not m.group(1) or q.english and _ENGLISH_MORE.search(q.question)) and len(set(q.years)) < 2 and \
            q.metric and len(q.bodies) + len(q.report_ids) == 2:
        return "rivals"   # 临港收到的申请比区党政办多: one cell of two bodies in one year
    if m:
        return "change"
    if _TIMES.search(text) and q.metric:
        return "times"
    said = _BALANCED.search(text)
    if said and len({k for k, _ in metrics_in(text)} & set(_BALANCE_ROWS)) >= 2 and \
            not (said.group(0) == "等于" and not re.search(r"\d", text[said.end():]) and
                 len({k for k, _ in metrics_in(text[said.end():])} & set(_BALANCE_ROWS)) < 2):   # (等于一件都没办: amounts to)
        return "balance"
    if _SUM.search(text) and len(metrics_in(text)) >= 2:
        return "sum"
    if len(stated_cells(text, q)) >= 2:
        return "several"
    if _FINISHED.search(text) and not q.metric.startswith("appeals.") or \
            (_ALL.search(text) and not _ZERO.search(text) and _universal_rule(text, q)):
        return "universal"
    if _ZERO.search(text) or (_NEGATION.search(text) and q.metric and q.claim_number is None) or \
            _WHOLE_ZERO.search(_unbracketed(text)):
        return "all_zero"
    return ""


_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:条|件|项|个|起|次|篇|场|份|万元)")


def stated_cells(text: str, q) -> list[tuple[str, str, float]]:
    """(metric, words, number) for each count a claim states about a table cell, read from the words before the
    number (收到8件申请，其中同意公开3件 → 本年新收 8, 予以公开 3); a count naming no cell is left out."""
    from .router import pick_column

    out, start = [], 0
    for m in _COUNT.finditer(text):
        if m.start() < start:
            continue
        before = text[start:m.start()]
        # the words right after the count, to the next stop: 2件行政复议、1件行政诉讼 names its cell after the count
        after = re.match(r"[^、，,。；;？?！!\d]{0,10}", text[m.end():]).group(0)
        if find_metric(after, q.version)[0]:
            before = re.split(r"[、，,。；;？?！!]", before)[-1]
            start = m.end() + len(after)
        else:
            after = after[:6]
            start = m.end()
        key, label = find_metric(before + after, q.version)
        words = before + after
        rest = _COUNT.split(re.match(r"[^、，,。；;？?！!—]*", text[m.end():]).group(0))[0]
        further = find_metric(rest, q.version) if not find_metric(after, q.version)[0] else ("", "")
        if further[0] and (not key or "*" in key and fnmatch.fnmatchcase(further[0], key)):
            # the cell named further on in the count's clause (2 of them because it did not hold it),
            # or a row of the group named before it (无法提供 … because it did not hold it)
            (key, label), words = further, before + rest
        if not key and out and out[-1][0].startswith(("applications.", "appeals.")) and \
                any(w in words for w, _ in APPLICANTS + APPEAL_COLUMNS):
            # 行政复议3件，其中1件结果被纠正 (…2次维持、1次纠正): a count naming only a column is of the row before it
            key = out[-1][0].rsplit(".", 1)[0] + ".total"
            label = find_metric(T.row_label(*key.split(".")[:2]), q.version)[1] or out[-1][1]
            of_row_before = True
        else:
            of_row_before = bool(out) and key == out[-1][0]
        if not key or key.startswith("applications.") is False and not key.startswith(("proactive.", "appeals.")):
            continue
        sub = type(q)(q.question, metric=key, metric_word=label, year=q.year, years=q.years, version=q.version)
        # (a column named right after the count, 2次维持、1次纠正, is its own, not the one before it)
        pick_column(sub, (after if of_row_before and columns_named(after) else words) if of_row_before else before)
        if (sub.metric, float(m.group(1))) not in [(k, n) for k, _, n in out]:   # (办了2件，表三总计也是2件: one count)
            out.append((sub.metric, sub.metric_word, float(m.group(1))))
    return out


def _two_sides(text: str, version: str | None = None) -> list[tuple[str, str]]:
    """The cells on either side of 比 (行政强制决定 | 行政处罚决定还多), when each side names a different one."""
    if "比" not in text:
        return []
    left, right = text.split("比", 1)
    a, b = find_metric(left, version), find_metric(right, version)
    return [a, b] if a[0] and b[0] and a[0] != b[0] else []


def _universal_rule(text: str, q) -> tuple[tuple[str, ...], str, str] | None:
    """(cells, reference cell, words) a universal claim equates, the cells summed:
    全部予以公开 → granted = total_processed; 要么全部公开要么部分公开 → granted + partially_granted = total_processed;
    全部来自自然人 → new_received.natural_person = new_received.total; 复议结果全部是维持 → review.upheld = review.total;
    全部办结 → carried_forward = 0."""
    if q.metric.startswith("appeals.") and re.search(r"审结|结案|了结|办结", text):
        # 行政诉讼都已经审结: none still pending (of every row the claim names: 1件行政诉讼、2件行政复议，都已结案)
        named = {k for k, _ in metrics_in(text) if k.startswith("appeals.")} | {q.metric}
        rows = sorted({".".join(k.split(".")[:2]) for m in named for k in T.keys_matching(m.rsplit(".", 1)[0] + ".*")})
        return tuple(f"{row}.pending" for row in rows), "", "全部审结"
    if _FINISHED.search(text):
        return ("applications.carried_forward.total",), "", "全部办结，没有结转下年度"
    outcomes = set(T.outcome_rows("2021") + T.outcome_rows("2019"))
    named = [k for k, _ in metrics_in(text) if k.startswith("applications.") and k.split(".")[1] in outcomes]
    if len(named) >= 2 and re.search(r"要么|只有|或者?|没有别的|没有其他|以外", text):
        return tuple(named), "applications.total_processed.total", "只有" + "、".join(
            T.row_label("applications", k.split(".")[1], False) for k in named)
    parts = q.metric.split(".")
    if len(parts) != 3 or "*" in q.metric:
        return None
    table, row, col = parts
    if table == "appeals" and col != "total":   # 复议结果全部是维持
        return (q.metric,), f"appeals.{row}.total", f"全部{T.APPEALS.column(col).label}"
    if table != "applications":
        return None
    if col != "total":  # 全部来自自然人: the applicant column the question names
        return ((f"applications.new_received.{col}",), "applications.new_received.total",
                f"全部来自{T.APPLICATIONS.column(col).label}")
    r = T.APPLICATIONS.row(row)
    if r is not None and r.key in outcomes:
        return (q.metric,), "applications.total_processed.total", f"全部{_cell_name(q.metric)}"
    return None


def _row_words(key: str) -> tuple[str, ...]:
    """The words of a metric's row (收到, 申请, 受理 for 本年新收), two characters or more, Chinese only."""
    parts = key.split(".")
    table = T.TABLE_BY_KEY.get(parts[0])
    row = table.row(parts[1]) if table and len(parts) > 1 and "*" not in parts[1] else None
    if table and row is None and len(parts) > 1:   # a group (litigation_*): the group's words
        row = next((g for g in table.groups if g.key == parts[1].rstrip("_*")), None)
    return tuple(w for w in (row.words if row else ()) if len(w) >= 2 and not re.search(r"[A-Za-z]", w))


def _cell_name(key: str) -> str:
    """行政复议 · 结果维持; a row's 总计 by the row alone."""
    _, row, col = T.cell_label(key)
    row = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*", "", row)
    row = "办理结果总计" if row == "总计" else row
    return row if key.endswith(".total") or not col else f"{row} · {col}"


class ClaimChecker:
    """Checks the claims above against the records of the Answerer it is given."""

    def __init__(self, answerer):
        self.a = answerer

    def cell(self, ans, r: dict, metric: str) -> float | None:
        """A metric's value in one report (one cell, or a group's sum), each cell cited; None when blank or missing."""
        from .answer import main_key

        return self.a._values(ans, r, main_key(metric, r["template"]))[0]

    def claim(self, q, reports: list[dict]):
        """A claim: its kind's check, or one count checked against its cell and the sentences stating it."""
        from .answer import Answer, _name, main_key

        ans = Answer(q.question, route="claim")
        kind = claim_kind(q.text, q)
        # (a report said to use a template is any report asked, whichever template it uses)
        targets = self.a._targets(q, reports, by_template=kind != "template")
        if kind and (targets or kind == "change"):
            return self.check(ans, q, targets, kind)
        if not targets and (q.bodies or q.report_ids) and (q.year or q.year_range):
            ans = self.a._no_reports(ans, q)   # the body or year the claim is about is not in the corpus: say which
            ans.verdict = "not_found"
            return ans
        if targets and q.claim_number is None and not q.metric:
            return self._unnumbered(ans, q, targets, reports)
        if not targets or q.claim_number is None:
            ans.status, ans.verdict = "not_found", "not_found"
            ans.answer = "语料中找不到可以核实这一说法的报告或数字。"
            return ans
        claim = said_of(q.text, q)
        pieces = [p for p in re.split(r"[，,；;、]", claim) if re.search(r"\d\s*(?:[条件项个次篇场期家人%％]|万元)", p)]
        if not q.metric and not q.english and len(pieces) >= 2:
            return self._text_several(ans, q, targets, pieces)
        share = bool(re.search(r"[%％]|百分之|一半|半数|过半", q.text)) and not q.ratio
        if q.english and q.metric:
            # an English claim is matched on the text by its cell's own words and its number (a share as a share)
            claim = re.sub(r"[（(].*?[）)]", "", q.metric_word) + (f"占{_fmt(q.claim_number)}%" if share else
                                                                 f"{_fmt(q.claim_number)}件")
        evidence = self._text_evidence(q, targets, claim)
        table_ev = self._table_evidence(ans, q, targets, claim, share, evidence)
        if not evidence and not table_ev and q.metric:
            # the table prints the cell blank: the claim can be neither held nor denied, the blank cell says so
            blank = [(r, n) for r in targets for v, n in [self.a._values(ans, r, main_key(q.metric, r["template"]))]
                     if v is None and n]
            if blank:
                ans.status, ans.verdict = "not_reported", "not_found"
                ans.answer = "无法核实：报告表格中该项未填报（空白，不等于0）。\n" + "\n".join(
                    f"{_name(r['body'])}{r['year']}年：{q.metric_word} 未填报 [{n}]" for r, n in blank)
                return ans
        if not evidence and not table_ev:
            ans.status, ans.verdict = "not_found", "not_found"
            ans.answer = f"在{'、'.join(_name(r['body']) for r in targets)}的报告中没有找到关于“{q.claim_phrase}”的数字。"
            return ans
        # a share is as precise as the claim prints it (37.5% holds for 3/8; 33% for 1/3)
        places = len(str(q.claim_number).split(".")[1].rstrip("0")) if share and q.claim_number % 1 else 0
        same = (lambda v: round(v, places) == q.claim_number) if share else (lambda v: v == q.claim_number)
        holds = {"=": same, ">": lambda v: v > q.claim_number, "<": lambda v: v < q.claim_number}[q.claim_op]
        evidence = [e for i, e in enumerate(evidence) if e[1] not in [x[1] for x in evidence[:i]]]   # each quote once
        text_ok = [e for e in evidence if holds(e[2])]
        lines = self._text_lines(ans, q, evidence, text_ok, share)
        table_ok = [t for t in table_ev if holds(t[1]["value"])]
        self._table_lines(ans, q, table_ev, table_ok, evidence, lines)
        if q.metric.startswith("proactive.") and not table_ok and q.claim_op == "=":
            # a column of table 2 the table denies: the row's other columns, where the count claimed may stand
            for r, f in table_ev[:1]:
                row = [x for x in self.a.store.facts(key=f["key"].rsplit(".", 1)[0] + ".*", report_id=r["report_id"])
                       if x["key"] != f["key"] and x["value"] is not None and not T.is_money(x["key"].split(".")[2])]
                if row:
                    lines.append("同一行其他栏：" + "，".join(f"{T.cell_label(x['key'])[2]} {value_text(x)} "
                                                         f"[{self.a._cite_fact(ans, r, x)}]" for x in row))
        # the count a share is claimed of (收到8件申请，其中一半…): the base the table gives it must be that count too
        said = re.search(r"(\d+)\s*[件份起](?![^，,。？?]{0,6}[%％])", q.text) if share else None
        for r, f in table_ev:
            base = f["share"][1] if "share" in f else None
            if said and base and base["value"] != float(said.group(1)):
                table_ok = [t for t in table_ok if t[1] is not f]
                text_ok = []
                lines.append(f"说法所称的{said.group(0)}与表中{_cell_name(base['key'])} {value_text(base)} "
                             f"[{self.a._cite_fact(ans, r, base)}]不符。")
        return self._settle(ans, q, claim, table_ev, holds, (evidence, text_ok, table_ok), lines)

    def _text_several(self, ans, q, targets: list[dict], pieces: list[str]):
        """Several counts the text gives, claimed together (只有61条，只占制作获取信息的15.4%): each piece checked on
        the clause that speaks most closely of it; true when every one is."""
        lines, verdicts, quoted = [], [], set()
        for r in targets:
            text = self.a.store.report(r["report_id"])["text"]
            context = ""
            for piece in pieces:
                # (a piece naming no thing of its own, 只占…15.4%, speaks of what the piece before named)
                number = float(re.search(r"(\d+(?:\.\d+)?)\s*(?:[条件项个次篇场期家人%％]|万元)", piece).group(1))
                found = narrative_evidence(text, context + piece, number, year=r["year"])
                stated = [e for e in found if e[1] == number and e[2] >= 0.4]   # (the very count printed: fewer words need match)
                best = stated[0] if stated else next((e for e in found if e[2] >= 0.5), None)
                context = re.split(r"\d", piece)[0][:12]
                if best is None:
                    lines.append(f"“{piece.strip()}”：报告正文中没有找到说到它的句子。")
                    continue
                verdicts.append(best[1] == number)
                if best[1] == number and (r["report_id"], best[0]) in quoted:
                    continue   # (one sentence stating both counts is quoted once)
                quoted.add((r["report_id"], best[0]))
                lines.append(self._quoted(ans, r, best[0]) + ("" if best[1] == number else f"（说法为{_fmt(number)}，不符）"))
        return self._verdict(ans, verdicts, lines, "其中的数字")

    def _unnumbered(self, ans, q, targets: list[dict], reports: list[dict]):
        """A claim with no number and no cell: the text saying it did not happen, the sentence stating it, or else the
        passages that speak of it."""
        from dataclasses import replace

        # a claim that something did not happen (没收取信息处理费): the report saying so in words settles it
        said = []
        denied = bool(re.search(r"没|未|无|不曾", q.text))
        if denied or re.search(r"[\u4e00-\u9fff]过|[\u4e00-\u9fff]了", q.text):   # 收取了, 开过: it happened
            claim = said_of(q.text, q)
            said = [(r, c) for r in targets for c in negative_statements(self.a.store.report(r["report_id"])["text"],
                                                                         claim)[:1]]
        if said:
            lines = []
            for r, clause in said:
                lines.append(self._quoted(ans, r, clause))
            # the report saying it did not happen: a claim that it did not holds, one that it did does not
            ans.verdict = "supported" if denied else "contradicted"
            ans.answer = ("属实。\n" if denied else "不属实：报告说没有。\n") + "\n".join(lines)
            return ans
        # a claim about what a report says, with no number (年报里承认出过…泄露的事吗): the sentence stating it
        claim = said_of(q.text, q)
        stated = [(r, sent) for r in targets for sent in [stated_in(self.a.store.report(r["report_id"])["text"], claim)]
                  if sent]
        if stated:
            lines = []
            for r, sent in stated[:2]:
                lines.append(self._quoted(ans, r, sent))
            ans.verdict = "supported"
            ans.answer = "属实，报告中写到：\n" + "\n".join(lines)
            return ans
        # otherwise the passages that speak of it
        return self.a._narrative(replace(q, intent="narrative"), reports)

    def _text_evidence(self, q, targets: list[dict], claim: str) -> list[tuple[dict, str, float]]:
        """(report, clause, its number) for the sentences of each report that speak most closely of a claimed count."""
        from .coverage import self_name

        evidence = []
        for r in targets:
            text = self.a.store.report(r["report_id"])["text"]
            own = self_name(text)   # the name the report uses for itself is not what the claim says of it
            found = narrative_evidence(text, claim.replace(own[0], "") if own else claim, q.claim_number,
                                       year=r["year"], bound=q.claim_op != "=")
            if (q.claim_op in (">", "=") and q.claim_number > 0 or q.claim_op == ">" and q.claim_number == 0) and \
                    not any(v == q.claim_number and o >= 0.7 for _, v, o in found) and \
                    not re.search(r"[%％]|百分之|一半|半数|过半", q.text):   # (a share is no count that can be none)
                # a claim that there was at least one (or some): the text saying there was none counts as 0
                # (unless the text states the very count claimed: 主动公开信息数为140条 beside 不予公开信息数为0条)
                found += [(c, 0.0, 1.0) for c in negative_statements(text, claim, _row_words(q.metric or ""))[:1]]
            if q.metric and q.claim_op == "=" and not any(v == q.claim_number for _, v, _ in found):
                found += [(c, q.claim_number, 1.0) for c in cell_clauses(text, q.metric, q.claim_number)[:1]]
            column = q.metric.rsplit(".", 1)[-1] if q.metric and q.metric.startswith("proactive.") else ""
            words = [w for w, c in PROACTIVE_COLUMNS if c == column and w in claim]
            counts = [f for f in self.a.store.facts(key=q.metric.rsplit(".", 1)[0] + ".*", report_id=r["report_id"])
                      if not T.is_money(f["key"].split(".")[2])] if words else []
            if len(counts) >= 2:
                # a column of table 2 claimed, in a row of several counts (本年新制作了3件): a clause that never says
                # which (规范性文件信息数3条) is not of it
                found = [e for e in found if any(w in e[0] for w, c in PROACTIVE_COLUMNS if c == column)]
            best = max((o for _, _, o in found), default=0)
            # the sentences that speak most closely of the claim decide, not any sentence with a number
            for clause, value, overlap in found:
                if overlap >= best - 0.1:
                    evidence.append((r, clause, value))
        for r in targets:
            for n, quote in self.a.text_counts(r, q.metric):
                if not any(e[1] == quote for e in evidence):
                    evidence.append((r, quote, n))
        return evidence

    def _table_evidence(self, ans, q, targets: list[dict], claim: str, share: bool, evidence: list) -> list:
        """(report, cell) for the cell claimed in each report: the cell, a group summed, a share of its base, or a cell
        the table's balance gives; a share the text prints beside the cell is added to `evidence`."""
        from .answer import main_key

        table_ev = []
        share = bool(re.search(r"[%％]|百分之|一半|半数|过半", q.text)) and not q.ratio
        # a table-3 row speaks of applications: a claim that never says 申请 (热线诉求) is not about it
        if q.metric and not (q.metric.startswith("applications.") and
                             not re.search(r"申请|表三|办理结果|结转|办结|报表|表里|表中|表格|表上" + (r"|收到|总计" if q.english else ""),
                                           q.text if q.english else claim)):
            for r in targets:
                key = main_key(q.metric, r["template"])
                facts = [f for f in self.a.store.facts(key=key, report_id=r["report_id"]) if f["value"] is not None]
                group = "*" in key or key.rsplit(".", 1)[-1] in T.COLUMN_GROUPS   # 行政诉讼, 法人或其他组织
                if group and facts and not share:   # a group: its rows or columns summed, each cited
                    table_ev.append((r, {"key": key, "value": sum(f["value"] for f in facts), "members": facts}))
                mine = [f for f in facts if f["key"] == key]
                if group and facts and share:   # a share of a group (无法提供): its rows summed
                    mine = [{**facts[0], "key": key, "value": sum(f["value"] for f in facts), "members": facts}]
                if share and (key.startswith("applications.") and key != "applications.new_received.total" or
                              key.startswith("appeals.") and not key.endswith(".total") and "*" not in key):
                    # a share claimed of a count (同意公开的申请占37.5%): the count over the applications received;
                    # an outcome of table 4 over its row's 总计 (直接起诉的6件里一半是纠正)
                    base_key = key.rsplit(".", 1)[0] + ".total" if key.startswith("appeals.") else \
                        "applications.new_received.total"
                    base = self.a.store.fact(r["report_id"], base_key)
                    if mine and base and base["value"]:
                        table_ev.append((r, {"key": key, "value": mine[0]["value"] / base["value"] * 100,
                                             "share": (mine[0], base)}))
                        # the text's own share of the same count (同意公开3件，占比37.5%)
                        text = self.a.store.report(r["report_id"])["text"]
                        for clause in cell_clauses(text, key, mine[0]["value"]) if "*" not in key else []:
                            at = text.find(clause)
                            pct = re.match(r"[，,]\s*占比?\s*(\d+(?:\.\d+)?)\s*[%％]", text[at + len(clause):])
                            if pct and not any(e[1].startswith(clause) for e in evidence):
                                evidence.append((r, clause + pct.group(0), float(pct.group(1))))
                elif not share:
                    table_ev += [(r, f) for f in mine]
                    if not [f for f in self.a.store.facts(key=key, report_id=r["report_id"]) if f["key"] == key
                            and f["value"] is not None] and (derived := self._balanced(r, key)):
                        table_ev.append((r, derived))   # a cell that cannot be read, given by the table's arithmetic
        return table_ev

    def _text_lines(self, ans, q, evidence: list, text_ok: list, share: bool) -> list[str]:
        """The sentences settling a claim, quoted and cited, with the table rows they name and a share's count."""
        lines = []
        for r, sent, value in (text_ok or evidence)[:2]:
            lines.append(self._quoted(ans, r, sent))
            # rows of table 3 the sentence names outside the cell claimed (不予公开2件，分别属于本机关不掌握相关政府信息
            # 及行政执法案卷): where the table counts them
            claimed = fnmatch.fnmatchcase if "*" in (q.metric or "") else (lambda k, m: k == m)
            for key, label in metrics_in(sent, r["template"] if r["template"] in T.VERSIONS else None):
                if key.startswith("applications.") and "*" not in key and q.metric and \
                        not claimed(key, q.metric) and key != "applications.new_received.total":
                    for f in self.a.store.facts(key=key, report_id=r["report_id"]):
                        if f["key"] == key and f["value"]:
                            lines.append(f"正文说到的{_cell_name(key)}，表中为 {value_text(f)} [{self.a._cite_fact(ans, r, f)}]")
        for r, sent, value in (text_ok or evidence)[:1] if share else []:
            # a share the text prints: the count it is the share of, from the sentence before it
            for clause, _, _ in self.a._count_before(self.a.store.report(r["report_id"])["text"], sent,
                                                     re.split(r"占", sent)[0]):
                lines.append(self._quoted(ans, r, clause))
        return lines

    def _table_lines(self, ans, q, table_ev: list, table_ok: list, evidence: list, lines: list[str]) -> None:
        """The cell claimed, shown with what it needs beside it to read right (its share's working, its group, the
        balance that gives it, its row's outcomes, the applications it is of), each cell cited."""
        from dataclasses import replace

        from .beside import beside

        for r, f in table_ev[:1]:
            if "share" in f:
                part, whole = f["share"]
                processed = self.a.store.fact(r["report_id"], "applications.total_processed.total") \
                    if whole["key"].startswith("applications.") else None
                marks = "".join(f"[{self.a._cite_fact(ans, r, x)}]" for x in part.get("members", [part]))
                shown = _fmt(part["value"]) if "members" in part else value_text(part)
                lines.append(f"表格数据：{q.metric_word if 'members' in part else _cell_name(part['key'])} {shown} {marks} ÷ "
                             f"{_cell_name(whole['key'])} {value_text(whole)} [{self.a._cite_fact(ans, r, whole)}] = "
                             f"{f['value']:.2f}".rstrip("0").rstrip(".") + "%")
                col = part["key"].rsplit(".", 1)[-1]
                if "members" not in part and part["key"].startswith("applications.") and col != "total":
                    # the share of one applicant column: the row's other columns that are not 0 (自然人 49 beside 商业企业 14)
                    rest = [x for x in self.a.store.facts(key=part["key"].rsplit(".", 1)[0] + ".*", report_id=r["report_id"])
                            if x["value"] and x["key"] not in (part["key"], whole["key"]) and not x["key"].endswith(".total")]
                    if rest:
                        lines.append("该行其他各列：" + self.a.cells_text(ans, r, rest))
                if processed and processed["value"] and whole["value"] != processed["value"] and part["value"] is not None:
                    # of the outcomes given this year the share differs (常州 2024: 8 of 63 received, of 55 given)
                    lines.append(f"按{_cell_name(processed['key'])} {value_text(processed)} "
                                 f"[{self.a._cite_fact(ans, r, processed)}] 计，为"
                                 + f"{part['value'] / processed['value'] * 100:.2f}".rstrip("0").rstrip(".") + "%")
            elif "balance" in f:
                (ka, a), (kb, b), (kc, c) = [(x["key"], x) for x in f["balance"]]
                lines.append(f"表格数据：{_cell_name(f['key'])} 未能读出；按表三的勾稽关系（新收 + 上年结转 = 办理结果总计 + "
                             f"结转下年度），为 {_fmt(f['value'])}：{_cell_name(ka)} {value_text(a)} [{self.a._cite_fact(ans, r, a)}]"
                             f" + {_cell_name(kb)} {value_text(b)} [{self.a._cite_fact(ans, r, b)}] − {_cell_name(kc)} "
                             f"{value_text(c)} [{self.a._cite_fact(ans, r, c)}]")
            elif "members" in f:
                parts = [f"{_cell_name(x['key'])} {x['raw']} [{self.a._cite_fact(ans, r, x)}]" for x in f["members"]]
                lines.append(f"表格数据：{q.metric_word} 合计 {_fmt(f['value'])}（{'，'.join(parts)}）")
                if f["key"].rsplit(".", 1)[-1] in T.COLUMN_GROUPS:
                    # the row's 总计 and the columns outside the group that are not 0 (自然人 1 of 总计 1)
                    row = f["key"].rsplit(".", 1)[0]
                    inside = {x["key"] for x in f["members"]}
                    rest = [x for x in self.a.store.facts(key=row + ".*", report_id=r["report_id"])
                            if x["key"] not in inside and (x["value"] or x["key"].endswith(".total"))]
                    if rest:
                        lines.append("该行其他各列：" + "，".join(f"{COLUMNS.get(x['key'].rsplit('.', 1)[1], '')} "
                                                            f"{value_text(x)} [{self.a._cite_fact(ans, r, x)}]" for x in rest))
                for x in f["members"]:
                    if x["key"].startswith("appeals.") and x["key"].endswith(".total") and x["value"]:
                        # the cases there were, by outcome (直接起诉 12: 结果维持 …)
                        lines.append(f"{_cell_name(x['key'])}：" + beside(self.a, ans, replace(q, intent="value",
                                                                                           metric=x["key"]), r, x))
            else:
                n = self.a._cite_fact(ans, r, f)
                context = beside(self.a, ans, replace(q, intent="value", metric=f["key"]), r, f)
                if f["key"].startswith("appeals.") and not f["key"].endswith(".total"):   # the row's outcomes too
                    context = beside(self.a, ans, replace(q, intent="value", metric=f["key"].rsplit(".", 1)[0] + ".total"), r,
                                     self.a.store.fact(r["report_id"], f["key"].rsplit(".", 1)[0] + ".total") or f)
                lines.append(f"表格数据：{_cell_name(f['key'])} = {value_text(f)} [{n}]{context}")
                if f["key"] == "applications.new_received.total" and f["value"] != q.claim_number:
                    # a count that is this year's and last year's together (正文75件 = 新收74 + 上年结转1)
                    c = self.a.store.fact(r["report_id"], "applications.carried_over.total")
                    if c and c["value"] and f["value"] + c["value"] == q.claim_number:
                        done = self.a.store.fact(r["report_id"], "applications.total_processed.total")
                        handled = f"，表中{_cell_name(done['key'])}为 {value_text(done)} [{self.a._cite_fact(ans, r, done)}]" \
                            if done and done["value"] is not None else ""
                        lines.append(f"另：{_cell_name(c['key'])} = {value_text(c)} [{self.a._cite_fact(ans, r, c)}]，"
                                     f"与本年新收合计{_fmt(q.claim_number)}{handled}，说法的数字可能含上年结转。")
                    else:   # the other counts of the balance, where the claimed one might come from
                        others = [x for k in ("applications.carried_over.total", "applications.total_processed.total")
                                  for x in self.a.store.facts(key=k, report_id=r["report_id"]) if x["key"] == k]
                        if others:
                            lines.append("表三其他各项：" + self.a.cells_text(ans, r, others))
            self._other_outcomes(ans, r, q, table_ev[0][1], lines)
            if table_ev[0][1]["key"] == "applications.total_processed.total" and table_ev[0][1]["value"] != q.claim_number:
                got = self.a.store.fact(r["report_id"], "applications.new_received.total")
                if got:   # the applications there were to give an outcome to
                    lines.append(f"另：{_cell_name(got['key'])} = {value_text(got)} [{self.a._cite_fact(ans, r, got)}]")
                left = self.a.store.fact(r["report_id"], "applications.carried_forward.total")
                if left and left["value"]:   # …and those left for next year, with the text's words on them
                    lines.append(f"另：{_cell_name(left['key'])} = {value_text(left)} [{self.a._cite_fact(ans, r, left)}]")
                    text = self.a.store.report(r["report_id"])["text"]
                    for clause in (cell_clauses(text, left["key"], left["value"]) or
                                   row_sentences(text, left["key"]))[:1]:
                        lines.append(self._quoted(ans, r, clause))
            self.a._related_findings(ans, r["report_id"], q.metric)
        if table_ok and not evidence and q.metric and q.metric.startswith("applications."):
            # what the text says of the cell, where it gives no count (…未收到该申请人提交的补正，结转下年度办理)
            r0 = table_ok[0][0]
            for sent in row_sentences(self.a.store.report(r0["report_id"])["text"], table_ok[0][1]["key"])[:1]:
                lines.append(self._quoted(ans, r0, sent))

    def _settle(self, ans, q, claim: str, table_ev: list, holds, found: tuple, lines: list[str]):
        """The verdict: the table against its own parts, a misprint outvoted, text against table, or either alone."""
        evidence, text_ok, table_ok = found
        # the claimed cell and its own parts in the table (总计 and its outcome rows) on either side of the claim
        split = self._against_its_parts(ans, table_ev, holds)
        parts = split if split and holds(split[1]["value"]) else None
        # …the table holding and its parts not: the narrative's count of the same (接到依申请公开2件 beside 总计 0
        # and 予以公开 2)
        if parts:
            r0, cell, (total, cells) = parts
            lines.append(self._parts_line(ans, r0, total, cells, "与之不符"))
            if cell["key"] in _BALANCE_ROWS:
                # the row among the four table 3 balances (新收 + 上年结转 = 办理结果总计 + 结转下年度), each cited
                four = [self.a.store.fact(r0["report_id"], k)
                        for k in _BALANCE_ROWS]
                if None not in four:
                    lines.append("表三勾稽关系各项：" + self.a.cells_text(ans, r0, four))
            text = self.a.store.report(r0["report_id"])["text"]
            asks = [(cell["key"], total), *((x["key"], x["value"]) for x in cells)]
            if cell["key"].startswith("applications.total_processed.") or cell["key"] in _BALANCE_ROWS:
                asks += [("applications.new_received.total", total), ("applications.new_received.total", cell["value"])]
            for clause in [c for k, v in asks for c in cell_clauses(text, k, v)][:1]:
                lines.append(self._quoted(ans, r0, clause))
        # a printed cell the claim does not hold of, whose own parts do, as the text does (正文7件; 总计 0 beside
        # columns summing to 7): the misprinted cell is outvoted
        misprint = [p for r, f in table_ev[:1] if not table_ok and text_ok and "share" not in f and "members" not in f
                    and q.claim_op == "=" for p in [self.misprinted(ans, r, f["key"], q.claim_number)] if p]
        # …or with no sentence of the text to say so, the table against itself (办理结果总计 0 beside 予以公开 2)
        own_parts = split if split and not parts and not table_ok and not text_ok and q.claim_op == "=" else None
        if re.search(r"填的是|写的是|印的是|填报的是|栏填|格填|表上写|表里写|表中写|填着", q.text):
            # a claim of what the table prints (（七）总计那栏填的是4件): the printed cell alone settles it, its
            # parts shown beside
            if own_parts:
                lines.append(self._parts_line(ans, own_parts[0], own_parts[2][0], own_parts[2][1], "而表中印的是另一个数"))
            misprint, own_parts = [], None
        # …or an outcome the table counts beyond its own 办理结果总计 (无法提供 5 beside （七）总计 0)
        whole = self._over_its_whole(table_ev) if table_ok and not parts and not misprint else None
        if misprint:
            lines.append(misprint[0] + "。")
            ans.verdict = "supported"
            head = "属实（表中该单元格与其各项之和不符）。"
        elif whole:
            r0, cell, done, received = whole
            shown = [done] + ([received] if received else [])
            lines.append(f"但表中{self.a.cells_text(ans, r0, shown)}，少于该项，与之不符。")
            text = self.a.store.report(r0["report_id"])["text"]
            for clause in none_said(text):
                lines.append(self._quoted(ans, r0, clause))
            ans.verdict = "conflicting"
            head = "报告表格自相矛盾："
        elif parts or own_parts:
            if own_parts:
                r0, cell, (total, cells) = own_parts
                lines.append(self._parts_line(ans, r0, total, cells, "与说法一致"))
                # the text's own count of the same, where it gives one (接到依申请公开2件)
                text = self.a.store.report(r0["report_id"])["text"]
                asks = [(cell["key"], total)] + ([("applications.new_received.total", total)]
                                                 if cell["key"].startswith("applications.total_processed.") else [])
                for clause in [c for k, v in asks for c in cell_clauses(text, k, v)][:1]:
                    lines.append(self._quoted(ans, r0, clause))
            ans.verdict = "conflicting"
            head = "报告表格自相矛盾："
            if re.search(r"加起来|加在一起|对得上|相符|吻合|一致|等于总计|没毛病|没问题", claim) and parts:
                # the claim is that the cell and its parts agree (各项加起来等于总计21件，没毛病吧): they do not
                ans.verdict, head = "contradicted", "不属实：表中该单元格与其各项之和不符。"
        elif evidence and table_ev and bool(text_ok) != bool(table_ok):
            ans.verdict = "conflicting"
            head = "报告正文与表格数据不一致："
            if re.search(r"一致|相符|吻合|相同|对得上", claim) and not re.search(r"[吗么？?]|对不对|是否", q.text):
                # a statement that they agree (…和正文里说的一致。), not a question whether they do
                ans.verdict, head = "contradicted", "不属实：报告正文与表格数据不一致。"
        elif text_ok or table_ok:
            ans.verdict = "supported"
            head = "属实。"
        else:
            ans.verdict = "contradicted"
            head = ("不属实：按报告，没有发生（为0）。" if q.claim_op == ">" and q.claim_number == 0 else
                    f"不属实：报告中的数字不是{q.claim_number:g}。" if q.claim_op == "=" else
                    f"不属实：报告中的数字不{'超过' if q.claim_op == '>' else '低于'}{q.claim_number:g}。")
        ans.answer = head + "\n" + "\n".join(lines)
        return ans

    def _other_outcomes(self, ans, r: dict, q, f: dict, lines: list[str]) -> None:
        """A claimed outcome of table 3 the table does not count as claimed (因无法提供答复2件 beside 无法提供 0):
        the outcome rows that are not 0, where the table counts the applications instead."""
        version = r["template"] if r["template"] in T.VERSIONS else "2021"
        outcomes = [f"applications.{o}.total" for o in T.outcome_rows(version)]
        claimed = [k for k in outcomes if fnmatch.fnmatchcase(k, f["key"])]
        if not claimed or f["value"] == q.claim_number or q.claim_op != "=" or "share" in f:
            return
        others = [x for k in outcomes if k not in claimed
                  for x in self.a.store.facts(key=k, report_id=r["report_id"]) if x["key"] == k and x["value"]]
        if others:
            lines.append("表中不为0的其他办理结果：" + self.a.cells_text(ans, r, others))

    def _over_its_whole(self, table_ev: list) -> tuple[dict, dict, dict, dict | None] | None:
        """(report, cell, 办理结果总计, 本年新收) when the claimed cell is an outcome of table 3 counting more than the
        table's own （七）总计; None otherwise."""
        for r, f in table_ev[:1]:
            version = r["template"] if r["template"] in T.VERSIONS else "2021"
            outcome = any(f["key"] == f"applications.{o}.total" for o in T.outcome_rows(version))
            if "share" in f or "members" in f or not outcome or not f["value"]:
                return None
            done = self.a.store.fact(r["report_id"], "applications.total_processed.total")
            if done and done["value"] is not None and done["value"] < f["value"]:
                return r, f, done, self.a.store.fact(r["report_id"], "applications.new_received.total")
        return None

    def _against_its_parts(self, ans, table_ev: list, holds) -> tuple[dict, dict, tuple[float, list[dict]]] | None:
        """(report, cell, (sum, cells)) when the claimed cell and the cells the template adds up to it fall on either side
        of the claim; None otherwise, and for shares and groups."""
        for r, f in table_ev[:1]:
            if "share" in f or "members" in f:
                return None
            # each way the template adds up to it: the rows under it (outcomes), then the columns of its row
            for rule in ("outcomes", "row_sum"):
                p = self._parts_of(ans, r, f["key"], rule)
                if p and holds(p[0]) != holds(f["value"]):
                    return r, f, p
        return None

    def _quoted(self, ans, r: dict, clause: str, named: bool = True) -> str:
        """A verbatim clause of report `r`, cited under its section: 某局2024年报告原文：“…” [n] (named), or 报告原文：“…” [n]."""
        from .answer import _name

        who = f"{_name(r['body'])}{r['year']}年" if named else ""
        return f"{who}报告原文：“{clause}” [{self.a.cite_quote(ans, r, clause)}]"

    def _parts_line(self, ans, r: dict, total: float, cells: list[dict], tail: str) -> str:
        shown = f"（{self.a.cells_text(ans, r, cells)}）" if cells else "（各项均为0）"
        return f"但表中构成该单元格的各项之和为{_fmt(total)}{shown}，{tail}。"

    def _balanced(self, r: dict, key: str) -> dict | None:
        """A 总计 of table 3 the file leaves unreadable, from the template's balance: 本年新收 + 上年结转 =
        办理结果总计 + 结转下年度, the other three cells read; None when any of them is not."""
        rows = ("new_received", "carried_over", "total_processed", "carried_forward")
        m = re.fullmatch(r"applications\.(\w+)\.total", key)
        if not m or m.group(1) not in rows:
            return None
        cells = {}
        for row in rows:
            f = self.a.store.fact(r["report_id"], f"applications.{row}.total")
            cells[row] = f
        others = [row for row in rows if row != m.group(1)]
        if any(cells[row] is None or cells[row]["value"] is None for row in others):
            return None
        v = {row: cells[row]["value"] for row in others}
        side = ("new_received", "carried_over")
        mine, other = (side, rows[2:]) if m.group(1) in side else (rows[2:], side)
        value = sum(v[x] for x in other) - sum(v[x] for x in mine if x != m.group(1))
        # (the cells shown as a + b − c: the other side's two, then the own side's partner)
        partner = next(x for x in mine if x != m.group(1))
        return {"key": key, "value": value, "balance": [cells[other[0]], cells[other[1]], cells[partner]]}

    def misprinted(self, ans, r: dict, key: str, value: float) -> str | None:
        """Is a printed 总计 outvoted by the table itself? Its own parts sum to `value`, and the count the template
        balances it with (本年新收 ↔ 办理结果总计) prints `value` too: the words saying so, each cell cited; None
        otherwise."""
        partner = {"applications.new_received.total": "applications.total_processed.total",
                   "applications.total_processed.total": "applications.new_received.total"}.get(key)
        # (the row's own columns: a whole row of zeros beside outcome rows that are not is no misprint of one cell)
        parts = self._parts_of(ans, r, key, rule="row_sum") if partner else None
        other = self.a.store.fact(r["report_id"], partner) if parts and parts[0] == value else None
        if not other or other["value"] != value:
            return None
        return (f"表中该行各项之和为{_fmt(parts[0])}（" + self.a.cells_text(ans, r, parts[1]) +
            f"），{_cell_name(partner)}也是{value_text(other)} [{self.a._cite_fact(ans, r, other)}]，印出的数字当为误填")

    def _parts_of(self, ans, r: dict, key: str, rule: str = "") -> tuple[float, list[dict]] | None:
        """The sum of the cells the template adds up to `key` (（七）总计 = the outcome rows; a row's 总计 = its
        applicant columns) and those of them not 0, when they are all printed; None when no rule sums to it."""
        version = r["template"] if r["template"] in T.VERSIONS else "2021"
        for eq in T.equations(version):
            if eq.right == (key,) and rule in ("", eq.rule):
                cells = [f for k in eq.left for f in self.a.store.facts(key=k, report_id=r["report_id"]) if f["key"] == k]
                if len(cells) == len(eq.left) and all(f["value"] is not None for f in cells):
                    return sum(f["value"] for f in cells), [f for f in cells if f["value"]]
        return None

    def check(self, ans, q, targets: list[dict], kind: str):
        handler = getattr(self, f"_{kind}")
        return handler(ans, q, targets)

    # ---- the kinds --------------------------------------------------------------------------

    def _change(self, ans, q, targets):
        from .answer import _label, main_key

        m = _CHANGE.search(q.text)
        word = m.group(3)
        if m.group(2):   # 2024年…比2025年多: the year after 比 is the base, the other one is compared with it
            base = int(m.group(2))
            this = next((y for y in sorted(q.years, reverse=True) if y != base), None)
        else:
            this = max(q.years) if q.years else q.year
            base = min(q.years) if len(set(q.years)) > 1 else (this - 1 if this else None)
        if this is not None and base == this - 1 and q.metric.startswith("proactive."):
            changed = self._change_column(ans, q, targets, word, this)
            if changed is not None:
                return changed
        if this is not None and base is not None and not q.metric:
            return self._narrative_change(ans, q, targets, m, this, base)
        if this is None or base is None or not q.metric:
            return self._not_found(ans, "说法里缺少年份或指标，无法核实。")
        reports = self.a.corpus()[0]
        lines, verdicts = [], []
        bodies = {r["body"] for r in targets} or {r["body"] for r in reports if r["body"] in q.bodies}
        for body in sorted(bodies):
            now, then = _report_of(reports, body, this), _report_of(reports, body, base)
            if now and not then and base == this - 1 and self._stated_change(ans, q, now, m, lines, verdicts):
                continue   # the year before is not in the corpus, but this year's report states the change
            if not now or not then:
                have = sorted(r["year"] for r in reports if r["body"] == body and r["year"])
                lines.append(f"{_label(now or then)}：语料中没有{base if not then else this}年的报告（有{('、'.join(map(str, have)))}年）。")
                continue
            a, b = self.cell(ans, now, q.metric), self.cell(ans, then, q.metric)
            if a is None or b is None:
                lines.append(f"{_label(now)}：{this if a is None else base}年{q.metric_word}未填报，无法比较。")
                continue
            diff = a - b
            pct = f"（{diff / b:+.1%}）" if b else ""
            ok = _goes(word, diff)
            if "翻" in word:
                ok = b > 0 and a >= 2 * b
            if q.claim_number is not None and q.claim_op != "=":
                # a bound on the change (少了700多件, 增加超过10件): the difference against it
                ok = ok and (abs(diff) > q.claim_number if q.claim_op == ">" else abs(diff) < q.claim_number)
            elif m.group(0).startswith("从") and len(said := [float(x) for x in re.findall(
                    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:条|件|项|个|次|万元|元|篇|人)", _without_years(q.text))]) >= 2:
                ok = ok and said[0] == b and said[1] == a   # 从2022年的887个降到了2024年的159个: both values
            elif q.claim_number is not None and q.claim_number not in (a, b, abs(diff)) and \
                    not re.match(r"\s*了?\s*(?:超过|不到|不足|近)?\s*\d+(?:\.\d+)?\s*[%％]", q.text[m.end():]):
                ok = False
            ok = ok and _by_share(q.text, m, diff, b)
            verdicts.append(ok)
            unit = T.unit_of(main_key(q.metric, now["template"]))   # (万元 kept beside each value)
            lines.append(f"{_label(now)}{q.metric_word}：{this}年{_fmt(a)}{unit}，{base}年{_fmt(b)}{unit}，"
                         f"{'增加' if diff > 0 else '减少' if diff < 0 else '持平'}{_fmt(abs(diff))}{unit if diff else ''}{pct}。")
        return self._verdict(ans, verdicts, lines, m.group(0))

    def _stated_change(self, ans, q, r: dict, m: re.Match, lines: list[str], verdicts: list[bool]) -> bool:
        """A change on the year before stated by the report itself (202条，比上年上升11.6%): the sentence cited, its
        direction and its figure checked against the claim's; False when the report states none."""
        from .answer import _label

        text = self.a.store.report(r["report_id"])["text"]
        claim = said_of(q.text, q)
        said = _without_years(m.group(0))   # (the claim is read without its years: 比2018年下降 is 比下降 there)
        phrase = claim[:claim.find(said)] if said in claim else claim
        figure = re.search(r"(\d+(?:\.\d+)?)\s*([%％]|个百分点|条|件|项|个|次)", claim[claim.find(said):]) \
            if said in claim else None
        for clause, _, overlap in narrative_evidence(text, phrase, -1.0, year=r["year"]):
            head = text.find(clause)
            stated = _STATED_CHANGE.search(text[head:head + len(clause) + 40]) if head >= 0 else None
            if not stated or overlap < 0.5:
                continue
            sentence = text[head:head + stated.end()]
            up = any(x in stated.group(1) for x in _UP)
            ok = _goes(m.group(3), 1 if up else -1)
            if figure and figure.group(1) and stated.group(2):
                ok = ok and float(figure.group(1)) == float(stated.group(2))
            verdicts.append(ok)
            n = self.a.cite_quote(ans, r, sentence)
            lines.append(f"{_label(r)}：语料中没有{r['year'] - 1}年的报告，{r['year']}年报告自己说：“{sentence}” [{n}]"
                         f"（{'上升' if up else '下降'}{stated.group(2) or ''}{stated.group(3) or ''}）。")
            return True
        return False

    def _versus(self, ans, q, targets):
        """One cell against another in the same report (行政强制决定比行政处罚决定还多)."""
        from .answer import _label, main_key

        m = _CHANGE.search(q.text)
        word = m.group(3)
        (ka, la), (kb, lb) = _two_sides(q.text, q.version)
        lines, verdicts = [], []
        for r in targets:
            a, b = self.cell(ans, r, main_key(ka, r["template"])), self.cell(ans, r, main_key(kb, r["template"]))
            if a is None or b is None:
                lines.append(f"{_label(r)}（{r['year']}年）：{la if a is None else lb}未填报，无法比较。")
                continue
            ok = _goes(word, a - b)
            verdicts.append(ok)
            lines.append(f"{_label(r)}（{r['year']}年）：{la} {_fmt(a)}，{lb} {_fmt(b)}。")
        return self._verdict(ans, verdicts, lines, m.group(0))

    def _period(self, ans, q, targets):
        """The period a report's figures cover, as its preamble states it (统计期限自2019年9月1日起至2019年12月31日止),
        against the period claimed: the whole year, or the months named."""
        from .answer import _label

        text = q.question
        months = re.search(r"(\d{1,2})\s*月(?:\d{1,2}日)?\s*(?:到|至|—|-|~)\s*(\d{1,2})\s*月", text)
        whole = bool(re.search(r"全年|整年|一整年|全部.{0,2}月份|\b(?:full|whole|entire|calendar) (?:calendar )?year\b|"
                               r"\bJanuary\b.{0,20}\bDecember\b", text, re.I)) or (months and months.groups() == ("1", "12"))
        lines, verdicts = [], []
        for r in targets:
            said = _STATED_PERIOD.search(self.a.store.report(r["report_id"])["text"])
            if not said:
                lines.append(f"{_label(r)}（{r['year']}年）：报告没有写明统计期限。")
                continue
            y1, m1, d1, y2, m2, d2 = (int(x) for x in said.groups())
            full = (m1, d1, m2, d2) == (1, 1, 12, 31) and y1 == y2
            ok = full if whole or not months else (m1, m2) == (int(months.group(1)), int(months.group(2)))
            if re.search(r"不是全年|并非全年|不到一年|只统计|仅统计|only part|part of the year|not the (?:full|whole)", text, re.I) \
                    and not months:
                ok = not full
            verdicts.append(ok)
            lines.append(f"{_label(r)}（{r['year']}年）：{self._quoted(ans, r, said.group(0), named=False)}"
                         f"（{'全年' if full else f'{m1}月{d1}日至{m2}月{d2}日，不是全年'}）")
        return self._verdict(ans, verdicts, lines, "统计期限")

    def _filled(self, ans, q, targets):
        """A table said to be filled in by every report asked: the reports that leave it blank end to end, their
        first count and grand total cited."""
        from .answer import _label
        from .coverage import TABLE_NAMED, blank_table

        m = _FILLED.search(q.text)
        name = "表" + (m.group(1) or m.group(2))
        lines, verdicts = [], []
        for r in sorted(targets, key=lambda r: (r["body"], r["year"] or 0)):
            shown = blank_table(self.a.store, r["report_id"], TABLE_NAMED[name])
            verdicts.append(not shown)
            if shown:
                lines.append(f"{_label(r)}（{r['year']}年）：{name}整张未填报（空白，不等于0） " +
                             "".join(f"[{self.a._cite_fact(ans, r, f)}]" for f in shown))
        filled = len(verdicts) - sum(1 for v in verdicts if not v)
        lines.append(f"所问{len(verdicts)}份报告中，{filled}份填了{name}。")
        return self._verdict(ans, verdicts, lines, f"{name}都填了")

    def _template(self, ans, q, targets):
        """A report said to use one template version: its version, shown by a column of table 2 only that version
        prints (本年新制作数量 in 2019's, 现行有效件数 in 2021's)."""
        from .answer import _label
        from .coverage import template_named

        named = template_named(q.text)
        own = {"2019": "proactive.normative_documents.newly_made", "2021": "proactive.normative_documents.in_force"}
        lines, verdicts = [], []
        for r in sorted(targets, key=lambda r: r["year"] or 0):
            v = r["template"]
            verdicts.append(v == named)
            cell = self.a.store.fact(r["report_id"], own[v]) if v in own else None
            shown = f"，表二有“{T.cell_label(own[v])[2]}”一栏 [{self.a._cite_fact(ans, r, cell)}]" if cell else ""
            name = f"{v}年版模板表格" if v in own else "2019年以前的格式，没有标准统计表"
            lines.append(f"{_label(r)} {r['year']}年报告用的是{name}{shown}。")
        return self._verdict(ans, verdicts, lines, f"用{named}年版表格")

    def _rivals(self, ans, q, targets):
        """One cell of two bodies in one year, the one named before 比 (or than) against the one after it."""
        from .answer import _label

        m = _CHANGE.search(q.text)
        if m and not m.group(1):
            word, at, text = m.group(3), m.start(), q.text
        else:
            e = _ENGLISH_MORE.search(q.question)
            word, at, text = ("多" if e.group(1).lower() in ("more", "higher", "larger", "bigger") else "少"), e.end(), q.question

        def place(r: dict) -> int:
            # where the question names the report's body (its own words, or the label the tool shows for it)
            names = (r["body"], _label(r), *(w for w in q.body_words if w in r["body"] or w in _label(r)))
            spots = [text.find(w) for w in names if w and w in text]
            if not spots and q.english:
                spots = [text.find(w) for w in re.findall(r"[A-Z][a-z]+", text) if w.lower() in r["source_file"]]
            return min(spots) if spots else -1

        first = sorted(targets, key=lambda r: (place(r) < 0, place(r)))
        if len({r["body"] for r in targets}) != 2 or len(targets) != 2:
            return self._not_found(ans, "说法要比较的两个单位在所问年份各需一份报告。")
        this, base = first if not (place(first[0]) > at >= 0 <= place(first[1]) < at) else first[::-1]
        a, b = self.cell(ans, this, q.metric), self.cell(ans, base, q.metric)
        if a is None or b is None:
            return self._verdict(ans, [], [f"{_label(this if a is None else base)}{q.metric_word}未填报，无法比较。"], "")
        diff = a - b
        line = (f"{_label(this)}（{this['year']}年）{q.metric_word} {_fmt(a)}，{_label(base)}（{base['year']}年）{_fmt(b)}，"
                f"{'多' if diff > 0 else '少' if diff < 0 else '相同'}{_fmt(abs(diff)) if diff else ''}。")
        return self._verdict(ans, [_goes(word, diff)], [line], m.group(0) if m else e.group(0))

    def _balance(self, ans, q, targets):
        """Table 3 said to balance: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度, and each count the claim states."""
        from .answer import _label

        stated, start, right = {}, 0, False
        for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]*\s*年)", q.text):
            before = q.text[start:m.start()]
            right = right or bool(re.search(r"等于|相等|=", before))
            key = find_metric(re.split(r"[加和与及、，,：:]|等于", before)[-1] or before, q.version)[0] or \
                (_BALANCE_ROWS[3 if right else 1] if re.search(r"结转\s*$", before) else "")
            if key == _BALANCE_ROWS[1] and (right or key in stated):   # 结转 after 等于 is the one carried forward
                key = _BALANCE_ROWS[3]
            if key in _BALANCE_ROWS:
                stated[key] = float(m.group(1))
            start = m.end()
        lines, verdicts = [], []
        for r in targets:
            cells = {k: self.cell(ans, r, k) for k in _BALANCE_ROWS}
            if None in cells.values():
                lines.append(f"{_label(r)}（{r['year']}年）：表三相关单元格未填报，无法核实。")
                continue
            left, right_sum = cells[_BALANCE_ROWS[0]] + cells[_BALANCE_ROWS[1]], cells[_BALANCE_ROWS[2]] + cells[_BALANCE_ROWS[3]]
            verdicts.append(left == right_sum)
            lines.append(f"{_label(r)}（{r['year']}年）：{_cell_name(_BALANCE_ROWS[0])} {_fmt(cells[_BALANCE_ROWS[0]])} + "
                         f"{_cell_name(_BALANCE_ROWS[1])} {_fmt(cells[_BALANCE_ROWS[1]])} = {_fmt(left)}；"
                         f"{_cell_name(_BALANCE_ROWS[2])} {_fmt(cells[_BALANCE_ROWS[2]])} + {_cell_name(_BALANCE_ROWS[3])} "
                         f"{_fmt(cells[_BALANCE_ROWS[3]])} = {_fmt(right_sum)}" + ("，两边相等。" if left == right_sum else "，两边不等。"))
            for k, v in stated.items():
                verdicts.append(cells[k] == v)
                if cells[k] != v:
                    lines.append(f"{_cell_name(k)}：表中为{_fmt(cells[k])}（说法为{_fmt(v)}），不符。")
            if re.search(r"正文|文字|原文|报告里说|说的", q.text):
                # the text set against the table: the sentence stating the applications received, where it does
                text = self.a.store.report(r["report_id"])["text"]
                for clause in cell_clauses(text, _BALANCE_ROWS[0], cells[_BALANCE_ROWS[0]])[:1]:
                    lines.append(self._quoted(ans, r, clause))
        return self._verdict(ans, verdicts, lines, "表三的勾稽关系")

    def _several(self, ans, q, targets):
        """Several counts in one claim (收到8件申请，其中同意公开3件): each checked on its own cell; true when all are."""
        from .answer import _label, main_key


        lines, verdicts, text_backs, own_parts = [], [], [], []
        for r in targets:
            text = self.a.store.report(r["report_id"])["text"]
            quoted: set[str] = set()
            for key, label, claimed in stated_cells(q.text, q):
                v = self.cell(ans, r, main_key(key, r["template"]))
                parts = self._parts_of(ans, r, main_key(key, r["template"])) if v is not None and v != claimed else None
                parts = parts if parts and parts[0] == claimed else None
                label = _cell_name(main_key(key, r["template"]))   # the template's words, not the claim's
                # the narrative's own words on the same count (同意公开3件 for 同意公开了4件)
                said = self._said(text, q, claimed, key, r)
                misprint = self.misprinted(ans, r, main_key(key, r["template"]), claimed) \
                    if v is not None and v != claimed and said and said[1] == claimed else None
                if v is None:
                    lines.append(f"{_label(r)}（{r['year']}年）{label}：未填报，无法核实。")
                elif misprint:
                    # a printed 总计 the table itself and the text outvote (0 beside columns summing to 7)
                    verdicts.append(True)
                    lines.append(f"{_label(r)}（{r['year']}年）{label}：印出{_fmt(v)}；{misprint}。")
                else:
                    verdicts.append(v == claimed)
                    lines.append(f"{_label(r)}（{r['year']}年）{label}：{_fmt(v)}（说法为{_fmt(claimed)}）"
                                 + ("" if v == claimed else "，不符") + "。")
                    if parts:   # the printed cell denies the count, its own parts give it (办理结果总计 0, 予以公开 2)
                        own_parts.append(True)
                        lines.append(self._parts_line(ans, r, parts[0], parts[1], "与说法一致"))
                if said and said[0] not in quoted:
                    quoted.add(said[0])
                    lines.append(self._quoted(ans, r, said[0], named=False))
                    if v is not None and v != claimed and said[1] == claimed:
                        text_backs.append(True)   # the text says what the claim says, the table does not
        ans = self._verdict(ans, verdicts, lines, "其中的数字")
        if own_parts and ans.verdict == "contradicted":
            ans.verdict = "conflicting"
            ans.answer = "报告表格自相矛盾：\n" + "\n".join(lines)
        elif text_backs and ans.verdict == "contradicted":
            ans.verdict = "conflicting"
            ans.answer = "报告正文与表格数据不一致：\n" + "\n".join(lines)
        return ans

    def _said(self, text: str, q, claimed: float, key: str, r: dict) -> tuple[str, float] | None:
        """The clause of a report's narrative that states the count a claim speaks of, and its number; the
        narrative's own count found at ingestion first."""
        for n, quote in self.a.text_counts(r, key):
            return quote, n
        for piece in re.split(r"[，,、；;]", q.text):
            if not _COUNT.search(piece) or float(_COUNT.search(piece).group(1)) != claimed:
                continue
            found = [e for e in narrative_evidence(text, said_of(piece, q), claimed, year=r["year"]) if e[2] >= 0.6]
            if found:
                return found[0][0], found[0][1]
        for clause in cell_clauses(text, key, claimed)[:1]:
            return clause, claimed
        return None

    def _change_column(self, ans, q, targets, word: str, this: int):
        """The 2019 tables print a row's change on the year before (本年增/减) and last year's count
        (上一年项目数量): a claim of change is checked on them, without the earlier report."""
        from .answer import _label

        row = q.metric.split(".")[1]
        reports = [r for r in self.a.corpus()[0] if r["year"] == this and (r["body"] in q.bodies or r["report_id"] in
                                                                            q.report_ids)]
        reports = [r for r in reports if r["template"] == "2019"]
        if not reports:
            return None
        lines, verdicts = [], []
        for r in reports:
            change = self.cell(ans, r, f"proactive.{row}.change")
            before = self.cell(ans, r, f"proactive.{row}.prior_year_items")
            if change is None:
                lines.append(f"{_label(r)}（{this}年）：本年增/减未填报，无法核实。")
                continue
            ok = _goes(word, change)
            by = re.search(re.escape(word) + r"了?\s*(\d+(?:\.\d+)?)", q.text)   # 减少了15项: the change claimed
            claimed = float(by.group(1)) if by else q.claim_number
            if claimed is not None:
                ok = ok and abs(change) == claimed
            was = re.search(r"(?:从|比)(?:上一?年度?|去年)的?\s*(\d+(?:\.\d+)?)", q.text)  # 从上年的35项: last year's count
            if was and before is not None:
                ok = ok and before == float(was.group(1))
            verdicts.append(ok)
            lines.append(f"{_label(r)}（{this}年，2019年版表格）{T.row_label('proactive', row, False)}：本年增/减 {_fmt(change)}"
                         + (f"，上一年项目数量 {_fmt(before)}" if before is not None else "") + "。")
        return self._verdict(ans, verdicts, lines, word)

    def _narrative_change(self, ans, q, targets, m, this: int, base: int):
        """A change in a number only the narrative states (主动公开政府信息61条，比上年的107条减少了):
        the sentence stating it in each year's report, cited, and the direction checked."""
        from .answer import _label

        word = m.group(3)
        claim = said_of(q.text, q)
        said_change = _without_years(m.group(0))
        # (a count after the change's word is the difference: 比2023年少了46条)
        cut = claim.find(said_change) + len(said_change) if said_change in claim and not m.group(0).startswith("从") \
            else len(claim)
        unit = r"\s*(?:条|件|个|项|次|万元|元|篇|期|场|家|人)"
        said = [float(n) for n in re.findall(rf"(\d+(?:\.\d+)?){unit}", claim[:cut])]
        by = re.match(rf"\s*了?\s*(\d+(?:\.\d+)?){unit}", claim[cut:])
        if m.group(0).startswith("从") and len(said) >= 2:
            said = [said[1], said[0]]   # 从2022年的28697人涨到了2024年的41129人: the first count is the base year's
        phrase = claim[:claim.find(said_change)] if said_change in claim else claim
        reports = self.a.corpus()[0]
        lines, verdicts = [], []
        bodies = {r["body"] for r in targets} or {r["body"] for r in reports if r["body"] in q.bodies}
        for body in sorted(bodies):
            pair = [_report_of(reports, body, this), _report_of(reports, body, base)]
            if pair[0] and not pair[1] and base == this - 1 and self._stated_change(ans, q, pair[0], m, lines, verdicts):
                continue
            if None in pair:
                have = sorted(r["year"] for r in reports if r["body"] == body and r["year"])
                lines.append(f"{_label(pair[0] or pair[1])}：语料中没有{base if pair[1] is None else this}年的报告（有{'、'.join(map(str, have))}年）。")
                continue
            found = []
            for r, number in zip(pair, (said[0] if said else None, said[1] if len(said) > 1 else None)):
                text = self.a.store.report(r["report_id"])["text"]
                ev = narrative_evidence(text, phrase, number if number is not None else -1.0, year=r["year"])
                if not re.search(r"[%％]|比例|占比|百分", claim):   # a count's change, not a share's (61条, not 占15.4%)
                    ev = [e for e in ev if not re.search(rf"{re.escape(_fmt(e[1]))}\s*[%％]", e[0])] or ev
                if not ev:
                    break
                clause, value, _ = ev[0]
                n = self.a.cite_quote(ans, r, clause)
                found.append((r, clause, value, n, number))
            if len(found) < 2:
                lines.append(f"{body}：报告正文中没有找到两年都说到的这个数字。")
                continue
            (now, s_now, a, n_now, want_a), (then, s_then, b, n_then, want_b) = found
            diff = a - b
            ok = _goes(word, diff)
            if "翻" in word:
                ok = b > 0 and a >= 2 * b
            ok = ok and (want_a is None or want_a == a) and (want_b is None or want_b == b) and _by_share(q.text, m, diff, b)
            ok = ok and (by is None or float(by.group(1)) == abs(diff))
            verdicts.append(ok)
            lines.append(f"{_label(now)}：{this}年报告原文“{s_now}” [{n_now}]；{base}年报告原文“{s_then}” [{n_then}]。"
                         f"{this}年{_fmt(a)}，{base}年{_fmt(b)}，{'增加' if diff > 0 else '减少' if diff < 0 else '持平'}"
                         f"{_fmt(abs(diff))}" + (f"（{diff / b:+.1%}）" if b else "") + "。")
        return self._verdict(ans, verdicts, lines, m.group(0))

    def _times(self, ans, q, targets):
        """是2020年的3倍多: this year's value against a base year's, as a multiple."""
        from .answer import _label

        m = _TIMES.search(q.text)
        base = int(m.group(1))
        times = float(_CN.get(m.group(2), m.group(2)))
        this = q.year if q.year and q.year != base else max((y for y in q.years if y != base), default=None)
        reports = self.a.corpus()[0]
        lines, verdicts = [], []
        for body in sorted({r["body"] for r in reports if r["body"] in q.bodies}):
            now, then = _report_of(reports, body, this), _report_of(reports, body, base)
            if not now or not then:
                continue
            a, b = self.cell(ans, now, q.metric), self.cell(ans, then, q.metric)
            if a is None or b is None or b == 0:
                lines.append(f"{_label(now)}：{this}年或{base}年{q.metric_word}未填报或为0，无法计算倍数。")
                continue
            ratio = a / b
            ok = ratio > times if m.group(3) else abs(ratio - times) < 0.05 * times
            verdicts.append(ok)
            lines.append(f"{_label(now)}{q.metric_word}：{this}年{_fmt(a)}，{base}年{_fmt(b)}，"
                         f"是{base}年的{ratio:.2f}倍。")
        return self._verdict(ans, verdicts, lines, m.group(0))

    def _share(self, ans, q, targets):
        m = _PERCENT.search(q.text)
        how = m.group(1) or ""
        claimed = 50.0 if m.group(4) else float(m.group(2) or m.group(3))
        lines, verdicts = [], []
        for r in targets:
            rate, text = self.a._ratio(ans, r, q.ratio)
            lines.append(text)
            if rate is None:
                continue
            pct = rate * 100
            if how in ("超过", "高于"):
                ok = pct > claimed
            elif how in ("不足", "低于", "不到"):
                ok = pct < claimed
            else:
                ok = abs(pct - claimed) < 0.5 or (how.startswith("达") and pct >= claimed)
            verdicts.append(ok)
        return self._verdict(ans, verdicts, lines, f"{RATIOS[q.ratio][0]}{how}{claimed:g}%")

    def _sum(self, ans, q, targets):
        from .answer import _label

        claimed = float(_SUM.search(q.text).group(1))
        lines, verdicts = [], []
        for r in targets:
            total, parts, blank = self.a.metric_sum(ans, r, q.text)
            if blank:
                lines.append(f"{_label(r)}（{r['year']}年）：{'、'.join(blank)}未填报，无法加总。")
                continue
            verdicts.append(total == claimed)
            lines.append(f"{_label(r)}（{r['year']}年）：{' + '.join(parts)} = {_fmt(total)}（说法为{_fmt(claimed)}）。")
        return self._verdict(ans, verdicts, lines, f"合计{claimed:g}")

    def _all_zero(self, ans, q, targets):
        from .answer import _label

        whole = _WHOLE_ZERO.search(_unbracketed(q.text))
        # (a table named with its title in brackets, 表三（收到和处理申请情况）, names no row of it)
        metrics = metrics_in(_unbracketed(q.text) if whole else q.text) or \
            ([(q.metric, q.metric_word)] if q.metric and not whole else [])
        lines, verdicts = [], []

        text_says = []   # the narrative's own count where it is not the table's (受理申请2件 beside a 0)
        said_none = False   # the narrative saying in words that none happened
        own_parts = []      # a printed 0 whose own parts are not 0
        table = {"二": "proactive", "2": "proactive", "三": "applications", "3": "applications",
                 "四": "appeals", "4": "appeals"}[whole.group(1)] if whole else ""
        for r in targets:
            if table:
                # a table said to be all zero (表三应该全是0): every cell it prints, the ones that are not 0 shown
                cells = [f for f in self.a.store.facts(key=table + ".*", report_id=r["report_id"]) if f["value"] is not None]
                off = [f for f in cells if f["value"] != 0]
                verdicts.append(not off and bool(cells))
                name = T.TABLE_BY_KEY[table].name
                lines.append(f"{_label(r)}（{r['year']}年）{name}：{len(cells)}个已填单元格中，" +
                             ("全部为0。" if not off else f"{len(off)}个不为0：" + "，".join(
                                 f"{_cell_name(f['key'])} {value_text(f)} [{self.a._cite_fact(ans, r, f)}]" for f in off[:12])
                              + "。"))
            for key, label in metrics:
                if key.startswith("proactive.") and key.endswith("*"):
                    # none of a row of table 2 (没有行政规范性文件): every count column of the row is 0
                    cols = [f for f in self.a.store.facts(key=key, report_id=r["report_id"])
                            if f["value"] is not None and not T.is_money(f["key"].split(".")[2])
                            and not T.is_signed(f["key"].split(".")[2])]
                    if cols:
                        verdicts += [f["value"] == 0 for f in cols]
                        lines.append(f"{_label(r)}（{r['year']}年）{label}：" + "，".join(
                            f"{T.cell_label(f['key'])[2]} {value_text(f)} [{self.a._cite_fact(ans, r, f)}]" for f in cols) + "。")
                        continue
                c = self.cell(ans, r, key)
                unread = self._balanced(r, key) if c is None else None
                if unread:
                    # a count the file leaves unreadable (公安局 2019 本年新收 “0 00000”): the table's balance gives it
                    c = unread["value"]
                    lines.append(f"{_label(r)}（{r['year']}年）{label}：表中读不出，按表三勾稽关系应为{_fmt(c)}："
                                 + self.a.cells_text(ans, r, unread["balance"]) + "。")
                if c is None:
                    lines.append(f"{_label(r)}（{r['year']}年）{label}：未填报。")
                    continue
                verdicts.append(c == 0)
                if not unread:
                    lines.append(f"{_label(r)}（{r['year']}年）{label}：{_fmt(c)}。")
                balance = self._balanced(r, key) if c == 0 else None
                if balance and balance["value"]:
                    # a printed 0 the table's balance denies (本年新收 0, yet 办理结果总计 5): the table against itself
                    own_parts.append(True)
                    lines.append("但按表三的勾稽关系（新收 + 上年结转 = 办理结果总计 + 结转下年度），应为"
                                 f"{_fmt(balance['value'])}：" + self.a.cells_text(ans, r, balance["balance"]) + "。")
                if c == 0 and key == "applications.new_received.total" and "表" in q.text:
                    # none received, yet outcomes given (君山 2022: 无法提供 5 beside 总计 0; 海坛 2021: 自然人 1)
                    done = "applications.total_processed.total"
                    for rule, words in (("outcomes", "表中却有办理结果"), ("row_sum", "表中办理结果总计一行却有")):
                        given = self._parts_of(ans, r, done, rule)
                        if given and given[0]:
                            own_parts.append(True)
                            lines.append(f"{words}：" + self.a.cells_text(ans, r, given[1]) + "。")
                            break
                parts = next((p for rule in ("outcomes", "row_sum") if c == 0 and "*" not in key
                              for p in [self._parts_of(ans, r, key, rule)] if p and p[0]), None)
                if parts:
                    # a printed 0 its own parts deny (办理结果总计 0 beside 予以公开 2), with the text's count of them
                    own_parts.append(True)
                    lines.append(self._parts_line(ans, r, parts[0], parts[1], "不为0"))
                    got = self.cell(ans, r, "applications.new_received.total") \
                        if key.startswith("applications.total_processed.") else None
                    if got is not None:   # the applications there were to give an outcome to
                        lines.append(f"另：{_cell_name('applications.new_received.total')} = {_fmt(got)}。")
                    text = self.a.store.report(r["report_id"])["text"]
                    asks = [(key, parts[0])] + ([("applications.new_received.total", parts[0])]
                                                if key.startswith("applications.total_processed.") else [])
                    for clause in [x for k, v in asks for x in cell_clauses(text, k, v)][:1]:
                        lines.append(self._quoted(ans, r, clause, named=False))
                if c:
                    # the narrative's sentence stating the same count (本年度共发生行政复议案件2件)
                    text = self.a.store.report(r["report_id"])["text"]
                    said = [e for e in narrative_evidence(text, label + _fmt(c), c, year=r["year"])
                            if e[1] == c and e[2] >= 0.5]
                    if said:
                        lines.append(self._quoted(ans, r, said[0][0], named=False))
                if c and key.startswith("applications.") and key.endswith(".total") and "*" not in key:
                    # who the applications came from (本年新收 1: 自然人 1)
                    cols = [f for f in self.a.store.facts(key=key.rsplit(".", 1)[0] + ".*", report_id=r["report_id"])
                            if f["value"] and not f["key"].endswith(".total")]
                    if cols:
                        lines.append("其中：" + self.a.cells_text(ans, r, cols) + "。")
                if c and key.startswith("appeals."):
                    # the cases there were, by outcome (行政诉讼 1: 直接起诉 · 结果维持 1)
                    rows = key.rsplit(".", 1)[0] + ".*"
                    # (each row's own 总计 first, then its outcomes)
                    outcomes = sorted((f for f in self.a.store.facts(key=rows, report_id=r["report_id"]) if f["value"]),
                                      key=lambda f: not f["key"].endswith(".total"))
                    if outcomes:
                        lines.append("其中：" + "，".join(f"{_cell_name(f['key'])} {value_text(f)} "
                                                          f"[{self.a._cite_fact(ans, r, f)}]" for f in outcomes) + "。")
                for n, quote in self.a.text_counts(r, key):
                    cite = self.a.cite_quote(ans, r, quote)
                    lines.append(f"报告正文却称：“{quote}” [{cite}]")
                    text_says.append(n == 0)
            # the narrative saying so in words (未发生…行政诉讼案件)
            text = self.a.store.report(r["report_id"])["text"]
            claim = said_of(q.text, q)
            words = tuple(w for key, _ in metrics for w in _row_words(key))
            for clause in negative_statements(text, claim, words)[:1]:
                lines.append(self._quoted(ans, r, clause, named=False))
                said_none = True
        ans = self._verdict(ans, verdicts, lines, "为0")
        if own_parts and ans.verdict == "supported":
            ans.verdict = "conflicting"
            ans.answer = "报告表格自相矛盾：\n" + "\n".join(lines)
        elif text_says and ans.verdict in ("supported", "contradicted") and (ans.verdict == "supported") != all(text_says) or \
                table and said_none and ans.verdict == "contradicted" and \
                re.search(r"没|未|无|零", _WHOLE_ZERO.sub("", _unbracketed(q.text))):
            # (the claim and the text saying none happened beside a table that counts some; a claim of the table
            # alone (表三所有格子都是0吧) is simply not so)
            ans.verdict = "conflicting"
            ans.answer = "报告正文与表格数据不一致：\n" + "\n".join(lines)
        return ans

    def _universal(self, ans, q, targets):
        from .answer import _label

        rule = _universal_rule(q.text, q)
        if rule is None:
            return self._not_found(ans, "无法把这一说法对应到报告表格的单元格。")
        keys, ref, words = rule
        lines, verdicts, self_contradicting = [], [], []
        for r in targets:
            cells = [self.cell(ans, r, k) for k in keys]
            a = None if None in cells else sum(cells)
            if words == "全部审结":   # the cases themselves, beside the ones pending
                for k in keys:
                    self.cell(ans, r, k.rsplit(".", 1)[0] + ".total")
            b = self.cell(ans, r, ref) if ref else 0
            if ref and a == 0 and b == 0:
                # nothing to be "all" of: 0 applications (or cases) make the claim empty, not true
                lines.append(f"{_label(r)}（{r['year']}年）：{_cell_name(ref)} 为0，“{words}”无从谈起。")
                continue
            if ref == "applications.total_processed.total":
                # "only these outcomes" holds when every other outcome row is 0, whatever 总计 reads
                rest = [self.a.store.facts(key=f"applications.{o}.total", report_id=r["report_id"])
                        for o in T.outcome_rows(r["template"] if r["template"] in T.VERSIONS else "2021")
                        if f"applications.{o}.total" not in keys]
                values = [f["value"] for fs in rest for f in fs]
                if any(values):
                    verdicts.append(False)
                elif values and None not in values:
                    verdicts.append(True)
                elif a is not None and b is not None:
                    verdicts.append(a == b)
                else:
                    lines.append(f"{_label(r)}（{r['year']}年）：相关单元格未填报，无法核实。")
                    continue
            elif a is None or b is None:
                lines.append(f"{_label(r)}（{r['year']}年）：相关单元格未填报，无法核实。")
                continue
            else:
                verdicts.append(a == b)
            if ref.startswith("applications.new_received.") or ref.startswith("appeals."):
                # the other columns of the row, each cited: where the rest came from
                for f in self.a.store.facts(key=ref.rsplit(".", 1)[0] + ".*", report_id=r["report_id"]):
                    if f["key"] not in keys and f["key"] != ref and (f["value"] or ref.startswith("applications.")):
                        self.a._cite_fact(ans, r, f)
            others = []
            if a != b and ref == "applications.total_processed.total":
                # the outcomes that are not the ones claimed, where they are not 0
                for other in T.outcome_rows(r["template"] if r["template"] in T.VERSIONS else "2021"):
                    k = f"applications.{other}.total"
                    if k not in keys:
                        others += [f for f in self.a.store.facts(key=k, report_id=r["report_id"])
                                   if f["key"] == k and f["value"]]
            if re.search(r"收到|新收|受理|\d+\s*[件份]\s*(?:政府信息公开|信息公开|依申请公开|依)?申请|全部[^，。？?]{0,40}申请", q.text) and \
                    not any(k.startswith("applications.new_received") for k in (*keys, ref)):
                received = self.cell(ans, r, "applications.new_received.total")   # the count the claim starts from
                stated = re.search(r"(\d+)\s*[件份](?:政府信息公开|信息公开|依申请公开|依)?申请", q.text)
                if stated and received is not None and received != float(stated.group(1)):
                    # 收到了3件申请，都… : the count claimed is part of the claim
                    verdicts.append(False)
                    lines.append(f"{_label(r)}（{r['year']}年）：本年新收 {_fmt(received)}（说法为{stated.group(1)}），不符。")
            name = " + ".join(_cell_name(k) for k in keys)
            lines.append(f"{_label(r)}（{r['year']}年）：{name} {_fmt(a)}" +
                         (f"，{_cell_name(ref)} {_fmt(b)}" if ref else "") + "。")
            if others:
                lines.append("其他不为0的办理结果：" + self.a.cells_text(ans, r, others) + "。")
            if keys == ("applications.carried_forward.total",):
                # 全部办结: the applications received, and the outcomes they were given, as the table prints them
                text = self.a.store.report(r["report_id"])["text"]
                received = self.cell(ans, r, "applications.new_received.total")
                for clause in cell_clauses(text, "applications.new_received.total", received or 0)[:1] if received else []:
                    lines.append(self._quoted(ans, r, clause, named=False))
                total = "applications.total_processed.total"
                processed, parts = self.cell(ans, r, total), self._parts_of(ans, r, total)
                if processed is not None and parts and parts[0] != processed:
                    self_contradicting.append(True)
                    lines.append(f"但表中{_cell_name(total)}为{_fmt(processed)}，各项办理结果之和却为{_fmt(parts[0])}（" +
                                 self.a.cells_text(ans, r, parts[1]) + "），表格自相矛盾。")
                four = [self.a.store.fact(r["report_id"], k) for k in _BALANCE_ROWS]
                if a and None not in four and all(f["value"] is not None for f in four) and \
                        four[0]["value"] + four[1]["value"] != four[2]["value"] + four[3]["value"] and \
                        four[2]["value"] >= four[0]["value"] + four[1]["value"]:
                    # every application given an outcome, and yet one carried forward (公安局 2021: 新收 1, 办理结果总计 1,
                    # 结转下年度 1): said beside the verdict, which the carried one settles
                    self_contradicting.append(True)
                    lines.append("但表中办理结果总计已等于全部申请，同时又有结转，表三勾稽关系不成立：" +
                                 self.a.cells_text(ans, r, four) + "。")
            if a:
                # the narrative stating the claimed cells' count in their own words (其中同意公开信息数2件), or
                # speaking of the row without a count (…未收到该申请人提交的补正，结转下年度办理)
                text = self.a.store.report(r["report_id"])["text"]
                for clause in ([c for k in keys for c in cell_clauses(text, k, a)] or
                               [c for k in keys for c in row_sentences(text, k)])[:1]:
                    lines.append(self._quoted(ans, r, clause, named=False))
        ans = self._verdict(ans, verdicts, lines, words)
        if self_contradicting and ans.verdict == "supported":
            ans.verdict = "conflicting"
            ans.answer = "报告表格自相矛盾：\n" + "\n".join(lines)
        return ans

    # ---- verdicts ------------------------------------------------------------------------------

    @staticmethod
    def _not_found(ans, why: str):
        ans.status, ans.verdict, ans.answer = "not_found", "not_found", why
        return ans

    @staticmethod
    def _verdict(ans, verdicts: list[bool], lines: list[str], what: str):
        if not verdicts:
            ans.status, ans.verdict = "not_found", "not_found"
            why = "说法所指的申请或案件数为0。" if any("无从谈起" in x for x in lines) else \
                "语料中没有说法所需年份的报告。" if lines and all("语料中没有" in x for x in lines) else "所需的表格单元格未填报或缺失。"
            ans.answer = f"无法核实：{why}\n" + "\n".join(lines)
            return ans
        ans.verdict = "supported" if all(verdicts) else "contradicted"
        # a change the report states (the year before not in the corpus), or counts its text gives
        said = any("报告自己说" in x for x in lines) or bool(lines) and all(re.search(r"报告原文：?“", x) for x in lines)
        head = "属实。" if all(verdicts) else f"不属实：按报告{'正文' if said else '表格'}，“{what}”不成立。"
        ans.answer = head + "\n" + "\n".join(lines)
        return ans


# ---- a number the narrative states ------------------------------------------------------------

# the template's own long labels: two in one clause make it a table printed as text
# a sentence of the text saying no application came in (2022年未收到依申请公开事宜)
_NONE_SAID = re.compile(r"[^。；！？\n]*(?:未|没有|无)(?:收到|接到|受理)[^。；！？\n]{0,12}(?:申请|依申请)[^。；！？\n]*")


def none_said(text: str) -> list[str]:
    """The first short sentence of a report saying no application came in (2022年未收到依申请公开事宜); [] if none."""
    return [x.strip() for x in _NONE_SAID.findall(text) if len(x.strip()) <= 60][:1]
_TABLE_LABELS = tuple({re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.]", "", x.label) for t in T.TABLES
                       for x in (*t.rows, *t.columns) if len(x.label) >= 6} | {"申请人情况", "法人或其他组织"})
_CLAUSE = re.compile(r"[^。；！？\n，,：:]+")
# the template's section titles, listed in a preamble (报告全文包括总体情况、主动公开政府信息情况…)
_SECTION_NAMES = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况", "存在的主要问题")
_NUMBER = re.compile(r"(?<![（(\d.])(\d+(?:\.\d+)?)\s*(?:余|多)?\s*(%|％|条|件|个|项|批次|次|万元|元|人次|篇|期|场|家|人)?")
_ASKING = re.compile(r"对吗|对不对|属实吗?|是否正确|是真的吗|真的吗|是不是真的?|判断[:：]?|核实|吧|没错吧|确实如此|"
                     # who says it is not what is said (有人说…，这个说法对吗)
                     r"有人说|有人称|听说|据说|据称|网上说|网传|传言|报道称|媒体称|这个说法|这种说法|此说法|该说法|"
                     # a bound is the claim's, not words the report uses (超过1万人 / 新增关注用户达5810人)
                     r"超过|多于|高于|大于|不足|低于|少于|不到|小于|了吧|"
                     r"是不是这个数|是这个数吗|成立吗|没问题吧|这么写|这样写|只有|只占|仅有|仅占|已经|"
                     r"[？?。，,！!\s“”\"]")


def _unbracketed(text: str) -> str:
    """A text without what it says in brackets (表三（收到和处理申请情况）→ 表三)."""
    return re.sub(r"[（(][^（）()]*[）)]", "", text)


def _without_years(text: str) -> str:
    """A piece of a claim as said_of leaves it: its years taken out."""
    return re.sub(r"(?:19|20)\d\d\s*年度?", "", text)


def said_of(text: str, q) -> str:
    """What a question says, without the names of the bodies it is about or its years: the words to match on
    a report's own text (a report does not name itself in every sentence)."""
    # (a name inside a title, 《问政平潭》, stays: it names a programme, not the body)
    pieces = re.split(r"(《[^《》]*》)", text)
    for w in (*q.bodies, *q.body_words):
        pieces = [p if p.startswith("《") else p.replace(w, "") for p in pieces]
    return _without_years("".join(pieces))


def _common_run(a: str, b: str) -> int:
    """The longest run of characters two texts share ('|' in `a` stands for words that do not count)."""
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return 0 if "|" in a[m.a:m.a + m.size] else m.size


def _bigrams(text: str) -> set[str]:
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {han[i:i + 2] for i in range(len(han) - 1)}


def cell_clauses(text: str, key: str, number: float) -> list[str]:
    """Short clauses of a report naming a cell in its row's own words with a count (因无法提供相关信息答复2件,
    其中同意公开信息数2件, 9件转结2025年办理)."""
    words = [w for w in _row_words(key) if len(w) >= 3 or w not in GENERIC_METRIC_WORDS]
    column = key.rsplit(".", 1)[-1]
    if key.startswith("applications.") and column != "total":   # a column of applicants: its own words (法人申请1件)
        words = [w for w, c in APPLICANTS if c == column or column in T.COLUMN_GROUPS and c in T.COLUMN_GROUPS[column][1]]
    count = re.compile(rf"(?<![\d.]){re.escape(_fmt(number))}\s*[件条项个次起份]")
    # (the applications received, in the plain words every report uses: 共收到政府信息公开申请7份)
    received = key == "applications.new_received.total"
    return [c for c in _CLAUSE.findall(text) if len(c) <= 40 and count.search(c) and
            (any(w in c for w in words) or received and re.search(r"(?:收到|接到|受理).{0,12}申请", c))]


def stated_in(text: str, claim: str, least: int = 5) -> str | None:
    """The sentence of a report that states what a claim without numbers says (…出过公民身份信息泄露的事 →
    “…存在公民身份信息泄露问题”): the one sharing the longest run of the claim's own words, at least `least`
    characters beyond the words every report prints; None when no sentence does."""
    from difflib import SequenceMatcher

    words = re.sub(r"政府信息公开|信息公开|政府信息|年度报告|年报|报告|[^\u4e00-\u9fff]", "|", _ASKING.sub("|", claim))
    best, found = 0, None
    for sent in re.findall(r"[^。；！？\n]+", text):
        if len(sent) > 240:
            continue
        m = SequenceMatcher(None, words, sent, autojunk=False).find_longest_match(0, len(words), 0, len(sent))
        if m.size > best and "|" not in words[m.a:m.a + m.size]:
            best, found = m.size, sent.strip()
    return found if best >= least else None


def row_sentences(text: str, key: str, limit: int = 90) -> list[str]:
    """Short sentences of the narrative naming a row of the tables in its own words (…目前未收到该申请人提交的补正，
    结转下年度办理): what the text says of a cell beside its number. A flattened table is not a sentence."""
    words = [w for w in _row_words(key) if len(w) >= 3 and w not in GENERIC_METRIC_WORDS]
    out = []
    for sent in re.findall(r"[^。；！？\n]+", text):
        sent = sent.strip()
        if 12 <= len(sent) <= limit and any(w in sent for w in words) and \
                not any(w in sent and len(sent) - len(w) < 8 for w in words) and \
                sum(label in sent for label in _TABLE_LABELS) < 2 and sum(ch.isdigit() for ch in sent) < len(sent) * 0.2:
            out.append(sent)
    return out


def _unit_kind(unit: str | None) -> str:
    """What a count counts, by its unit: items (件, 条, 项, 起 are used alike for applications and documents),
    parts or bodies (个), events (次, 场, 期), people, shares, money; '' when it has no unit."""
    for kind, units in (("items", "件条项起篇份宗"), ("parts", "个家"), ("events", "次场期批"), ("people", "人"),
                        ("share", "%％"), ("money", "元")):
        if unit and unit[-1] in units:
            return kind
    return ""


def negative_statements(text: str, claim: str, words: tuple[str, ...] = ()) -> list[str]:
    """Clauses of the narrative that say something did not happen, about what the claim speaks of: sharing
    enough of the claim's wording, or two of `words` (the words of the metric claimed: 收到, 申请)."""
    generic = r"政府信息公开|信息公开|政府信息"   # in nearly every sentence of a report: says nothing of what is claimed
    want = _bigrams(re.sub(r"没有|没|未|无|对吗|对不对|属实|吗|一件|一个|一起|都|均|任何|" + generic, "",
                           _ASKING.sub("", claim)))
    # what the claim says happened or not, past its verb (收取了信息公开处理费 → 处理费)
    object_of = re.sub(generic + r"|[^\u4e00-\u9fff]", "|", re.split(r"[了过]", _ASKING.sub("", claim))[-1])
    out = []
    for m in _CLAUSE.finditer(text):
        clause = m.group(0).strip()
        # 未经复议, 尚未审结, 无法提供 name rows and columns of the tables: they say nothing did not happen
        if len(clause) > 120 or not re.search(r"(?<!尚)未(?!经)|没有|无(?!法)|零|(?<![\d.])0\s*[件条项个次起]", clause) or \
                any(label in clause and len(clause) - len(label) < 3 for label in _TABLE_LABELS):
            continue
        # (申请人 is who applied, not an application: 未收到该申请人提交的补正 says nothing of applications)
        said = re.sub(r"申请人", "人", clause)
        have = _bigrams(re.sub(generic, "", said))
        shared = len(want & have)
        if want and shared / len(want) >= 0.5 or sum(w in said for w in words) >= 2 or \
                _common_run(object_of.replace("信息", "|"), said.replace("信息", "|")) >= 3:
            out.append((shared, clause))
    return [c for _, c in sorted(out, key=lambda x: -x[0])]


def narrative_evidence(text: str, claim: str, number: float, limit: int = 3,
                       year: int | None = None, bound: bool = False) -> list[tuple[str, float, float]]:
    """Clauses of a report's narrative that speak of what the claim speaks of: (clause, its number, overlap).

    The claim's words are matched as character pairs, so word order and small
    differences (上网发布了153条公安政府信息 / 上网发布的135条公安政府信息) still match;
    a clause of a flattened table (mostly digits, or very long) is not narrative. A `bound` claim (超过1万人)
    is spoken of by a clause with any count of the same thing.
    """
    percent = bool(re.search(r"[%％]|一半|半数|百分之", claim))
    stated = re.search(rf"(?<![\d.]){re.escape(_fmt(number))}\s*(%|％|条|件|个|项|次|万元|元|人次|篇|期|场|家|人|起|批次?)",
                       claim) if number >= 0 else None
    claimed_unit = stated.group(1) if stated else ""
    want = _bigrams(_ASKING.sub("", claim))
    if not want:
        return []
    tail = re.sub(r"[^\u4e00-\u9fff]", "", _ASKING.sub("", claim))[-2:]
    out = []
    previous = None
    for m in _CLAUSE.finditer(text):
        clause = m.group(0).strip()
        # a clause opening with 其中 reads with the one before it (政府信息383条，其中主动公开54条), quoted as printed
        begin = m.start()
        if previous is not None and re.match(r"其中|含|包括|占比?\d|占比", clause) and text[previous.end():m.start()] in ("，", ","):
            clause = text[previous.start():m.end()].strip()
            begin = previous.start()
        previous = m
        # a parenthesis breaking a count down (55条（涵盖…6条、…30条）) is not the clause's own number
        core = re.sub(r"（[^（）]*）|\([^()]*\)", "", clause)
        digits = sum(ch.isdigit() for ch in core)
        if not clause or len(clause) > 160 or digits > len(core) * 0.5 or len(re.findall(r"\d+(?![\d.年])", core)) > 4 or \
                re.search(r"\d\.\d{3,}|（单位|万元）|(?<!\d)\d{6,}(?!\d)", core) or \
                sum(label in core for label in _TABLE_LABELS) >= 2 or \
                sum(t in core for t in _SECTION_NAMES) >= 2:   # a flattened table's run, or the list of the sections
            continue
        # a year, or an item number (1. 2、（5）), is not a quantity; a share is compared with shares only
        counted = [n for n in _NUMBER.finditer(core)
                   if (n.group(2) or not (re.fullmatch(r"(?:19|20)\d\d", n.group(1)) or
                                          re.match(r"\s*[.．、）)年月日]", core[n.end():])))
                   and (not percent or n.group(2) in ("%", "％"))]
        nums = [float(n.group(1)) for n in counted]
        if not nums:
            continue
        # the count the claim speaks of is the one whose own words are the claim's (总数425条，其中主动公开政府信息148条)
        spans = [core[(counted[i - 1].end() if i else 0):n.start()][-10:] for i, n in enumerate(counted)]
        own = max(range(len(nums)), key=lambda i: (len(want & _bigrams(spans[i])), -i))
        # (a bracket naming something still speaks of the clause: 政务新媒体（微信公众号）发布推文787篇; one
        # breaking the count down does not)
        have = _bigrams(re.sub(r"（[^（）]*\d[^（）]*）|\([^()]*\d[^()]*\)", "", clause))
        shared = len(want & have)
        overlap = shared / len(want)
        if shared >= 2 and overlap < 0.5 and tail and re.search(rf"\d\s*[个件条项次篇]?{tail}|{tail}\s*\d", core):
            # a clause counting the very thing asked, whose subject the sentence said once before its clauses
            # (共组织开展6期《问政平潭》，…，曝光了16个问题): those words count for the clause, at a discount
            start = max(text.rfind(c, 0, begin) for c in "。；！？\n") + 1
            before = _bigrams(text[start:begin]) if begin - start <= 120 else set()
            overlap = max(overlap, len(want & (have | before)) / len(want) - 0.15)
        if number in nums and number >= 100 and number % 100 and shared >= 2:
            # a count few sentences print (14453) with two of the claim's words: the sentence the claim quotes
            overlap = max(overlap, 0.55)
        if (number in nums or bound or number < 0) and (shared >= 4 or shared >= 3 and shared / len(have) >= 0.75):
            # a short clause stating the claim's number, nearly all of whose words the claim has
            # (因无法提供相关信息答复2件 for 有2件申请是因为无法提供相关信息而答复的)
            overlap = max(overlap, shared / len(have) - (0.15 if number < 0 else 0.1))
        if bound and shared >= 4 and (counted[own].group(2) == claimed_unit if claimed_unit else not percent):
            # a bound (超过100批次) and a clause counting the same things in the same unit (其中不合格12批次)
            overlap = max(overlap, 0.7)
        if overlap >= 0.5:
            # the year's own count over a running total (累计…1770条) or another year's
            if year and f"{year}年" in clause:
                overlap += 0.2
            # (the running total may open the sentence: 截至…，累计主动公开…152条，依申请公开2件)
            head = max(text.rfind(c, 0, begin) for c in "。；！？\n") + 1
            if re.search(r"(?<!全年)(?<!本年)(?<!年内)(?<!年度)累计|截至", text[head:begin] + clause) and "累计" not in claim:
                overlap -= 0.2
            if re.match(r"其他|其它", core) and not re.search(r"其他|其它", claim):
                overlap -= 0.2   # the last item of a breakdown (其他应主动公开的政府信息32条), not the count asked

            value = number if number in nums else nums[own]
            if value != number and _unit_kind(counted[own].group(2)) not in ("", _unit_kind(claimed_unit)) and \
                    _unit_kind(claimed_unit):
                continue   # a count of other things (共6个部分 against 行政复议3件) says nothing of the claim
            # the share or change said of the count right after it (同意公开3件，占比37.5%) is quoted with it
            more = re.match(r"[，,]\s*(?:占比?|同比|较上年|比上年)[^。；;，,！？]{0,20}", text[m.end():])
            quote = clause + (more.group(0) if more else "")
            # a short sentence is quoted whole (接到依申请公开2件，全部在规定时限内予以答复)
            ends = [i for i in (text.find(c, m.end()) for c in "。；！？\n") if i >= 0]
            sentence = text[head:min(ends) if ends else len(text)].strip()
            if quote in sentence and len(sentence) <= 60 and not re.search(r"\d{5,}", sentence):
                quote = sentence
            out.append((quote, value, overlap))
    out.sort(key=lambda e: (-e[2], e[1] != number))
    stating = [e for e in out if e[1] == number]
    return out[:limit] + [e for e in stating if e not in out[:limit]][:2]
