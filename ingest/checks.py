"""The template's own arithmetic (勾稽关系), narrative against tables, and gaps.

Findings are recorded, never "fixed": a report that breaks a rule is stored
as printed, and the break is shown to whoever reads its numbers.
"""
from __future__ import annotations

import re

from . import template as T
from .records import Fact, Finding, Section, SECTION_TITLES

def _fmt(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


_RULE_DETAIL = {"balance": "rule1", "outcomes": "rule2", "row_sum": "rule3", "appeal_group": "rule4"}


def _message(eq: T.Equation, val: dict) -> str:
    left = sum(val[k] for k in eq.left)
    right = sum(val[k] for k in eq.right)
    if eq.rule == "balance":
        name = T.APPLICATIONS.column(eq.column).label
        a, b = (val[k] for k in eq.left)
        c, d = (val[k] for k in eq.right)
        return (f"表三“{name}”列：本年新收{_fmt(a)}+上年结转{_fmt(b)}={_fmt(left)}，"
                f"不等于办理结果总计{_fmt(c)}+结转下年度{_fmt(d)}={_fmt(right)}。")
    if eq.rule == "outcomes":
        return f"表三“{T.APPLICATIONS.column(eq.column).label}”列：各项办理结果之和为{_fmt(left)}，与总计{_fmt(right)}不符。"
    if eq.rule == "row_sum":
        return f"表三“{T.row_label('applications', eq.row)}”行：各类申请人之和为{_fmt(left)}，与总计列{_fmt(right)}不符。"
    return f"表四“{T.APPEALS.row(eq.column).label}”：维持、纠正、其他、尚未审结之和为{_fmt(left)}，与总计{_fmt(right)}不符。"


def arithmetic(facts: list[Fact], template: str) -> list[Finding]:
    """Each equation of the template (ingest/template.py); one with a blank or unknown term is not checked."""
    val = {f.key: f.value for f in facts}
    out: list[Finding] = []
    has_t3 = any(k.startswith("applications.") for k in val)
    for eq in T.equations(template if template in T.VERSIONS else "2021"):
        if eq.key.startswith("applications") and not has_t3:
            continue
        terms = eq.left + eq.right
        if any(val.get(k) is None for k in terms):
            continue
        if sum(val[k] for k in eq.left) != sum(val[k] for k in eq.right):
            out.append(Finding("arithmetic", _message(eq, val), eq.key, _RULE_DETAIL[eq.rule]))
    return out


# Narrative sentences that state the number of applications received.
_RECEIVED = re.compile(
    r"(?:共|累计|全年)?(?:收到|受理|接收)[^。；，,]{0,24}?(?:政府信息公开|依申请公开)?申请[^。；，,\d]{0,6}?(\d+)\s*[件条个份]")


def narrative_vs_tables(sections: list[Section], facts: list[Fact], year: int | None) -> list[Finding]:
    """Numbers in the narrative that contradict table 3 (e.g. 共收到申请16条 vs 9)."""
    val = {f.key: f for f in facts}
    new = val.get("applications.new_received.total")
    if new is None or new.value is None:
        return []
    out: list[Finding] = []
    for s in sections:
        if s.key not in ("overview", "applications", "preamble"):
            continue
        for m in _RECEIVED.finditer(s.text):
            # quoted from the start of its clause (本年度共收到…申请16条), as printed
            start = max(s.text.rfind(c, 0, m.start()) for c in "，。；：,;:\n") + 1
            sentence = s.text[start:m.end()] if m.start() - start <= 12 else m.group(0)
            # sentences about another year (e.g. 较2023年) are not about this table
            if re.search(r"(?:19|20)\d\d", sentence) and year and str(year) not in sentence:
                continue
            n = int(m.group(1))
            candidates = {new.value}
            carried = val.get("applications.carried_over.total")
            if carried is not None and carried.value is not None:
                candidates.add(new.value + carried.value)
            if n not in candidates:
                out.append(Finding(
                    "contradiction",
                    f"该报告正文称收到申请{n}件（“{sentence.strip()}”），与表三数据（本年新收{_fmt(new.value)}件）不一致。",
                    "applications.new_received.total", f"text={n};table={_fmt(new.value)};quote={sentence.strip()}"))
    return out


def gaps(sections: list[Section], facts: list[Fact], template: str) -> list[Finding]:
    """A missing section or table."""
    out: list[Finding] = []
    have = {s.key for s in sections}
    for key in ("overview", "proactive", "applications", "appeals", "problems", "other"):
        if key not in have:
            out.append(Finding("missing_section", f"未找到第{SECTION_TITLES[key][0]}部分“{SECTION_TITLES[key][2:]}”。", key))
    if template == "pre-2019":
        out.append(Finding("no_standard_tables", "该报告早于2019年模板，没有标准统计表（表二至表四），仅保存其文字部分。"))
        return out
    tables = {f.table for f in facts}
    names = {"proactive": "表二（主动公开政府信息情况）", "applications": "表三（收到和处理政府信息公开申请情况）",
             "appeals": "表四（政府信息公开行政复议、行政诉讼情况）"}
    for t, name in names.items():
        if t not in tables:
            out.append(Finding("missing_table", f"未找到{name}。", t))
        elif all(f.value is None for f in facts if f.table == t):
            out.append(Finding("blank_table", f"{name}整表未填报（单元格为空）。", t))
    return out
