"""Questions about the corpus itself: which reports exist, which template they use, what they show.

    哪些报告还在用2019年版的表格？            reports by template version
    财政金融局有哪几年的年报？                years of a body
    2020年有年报的单位有哪些 / 江苏的开发区年报   reports by year, region and kind of body
    哪些单位表四全是0 / 哪些报告不符合勾稽关系   reports by what their tables show

Each report listed is cited by its title line; a claim about a table is cited by its cells.
"""
from __future__ import annotations

import re

from nianbao.ingest import template as T

from .bodies import places
from .labels import value_text

# a template named by its year or its age (2019年版, 新版（2021）表格, 2021模板, 〔2019〕60号, 旧版): not a year asked about
_TEMPLATE_YEAR = re.compile(r"(?:19|20)\d\d\s*年?\s*(?:那|这)?[套种个版]?\s*[新旧老]?\s*(?:版|模板|格式)|〔(?:19|20)\d\d〕\s*\d*\s*号?|"
                            r"(?:[新旧老]?版|模板|表格|格式)\s*[（(]\s*(?:19|20)\d\d\s*年?\s*版?\s*[)）]|"
                            r"[（(]\s*(?:19|20)\d\d\s*年?\s*版?\s*[)）]\s*(?:版|模板|表格|格式)")
_TEMPLATE_AGE = re.compile(r"([新旧老])(?:版|模板|表格|格式)")


# a table by its name in a question
TABLE_NAMED = {"表二": "proactive", "表三": "applications", "表四": "appeals"}


def blank_table(store, report_id: str, table: str) -> list[dict]:
    """A table left blank end to end: the cells to cite for it (its first count and its grand total, 本年新收 and
    （七）总计 of table 3); [] when any cell is filled, or the report prints no such table."""
    facts = list(store.facts(key=table, report_id=report_id))
    if not facts or any(f["value"] is not None for f in facts):
        return []
    return [f for f in facts if f["key"].endswith(("new_received.total", "total_processed.total", "review.total",
                                                   "litigation_direct.total"))] or facts[:1]


def template_named(text: str) -> str | None:
    """The template version a text names ('2019' or '2021'), by its year or its age; None when it names none."""
    for m in _TEMPLATE_YEAR.finditer(text):
        y = re.search(r"20(?:19|21)", m.group(0))
        if y:
            return y.group(0)
    m = _TEMPLATE_AGE.search(text)
    return ("2021" if m.group(1) == "新" else "2019") if m else None


# which version a report uses, asked
_WHICH_TEMPLATE = re.compile(r"哪一?版|哪个版本|什么版本|哪种(?:模板|格式|表格)|新版还是旧版|旧版还是新版|"
                             # asked of one report (用的是旧版表格吗)
                             r"(?:用|使用|采用)的?(?:是)?(?:[新旧老]版|(?:19|20)\d\d年?版)(?:表格|模板|格式)?(?:吗|么|[？?])")
# A table left blank from end to end (表三都是空白没填)
_BLANK = re.compile(r"表([二三四])[^。？?]{0,24}?(?:空白|空着|没填|未填|没有填|全空|填了没|填没填|有没有填|填了吗)|"
                    r"(?:空白|空着|没填|未填)[^，。？?]{0,6}表([二三四])")
# Reports that never name their body
_UNNAMED = re.compile(r"没(?:有)?写(?:清楚|明)?是?哪个单位|(?:是|由)?哪个(?:单位|部门|机关)(?:发|出|写|编|发布|公布)的|发布单位是谁|没有?署名|未署名|不知道是哪个单位|没写单位|匿名|没有写明.{0,4}单位|"
                      r"(?:没|未)(?:有)?(?:写|标|注|署)(?:明|出|上)?.{0,8}(?:单位|机关|部门)(?:的)?(?:名称|名字)?|"
                      r"\b(?:unnamed|does not name|doesn't name|never names?)\b")
_YEARS = re.compile(r"哪几年|哪些年份?|哪一年|几年的|有几份|哪几份|which (?:report )?years|years are covered|"
                    r"what (?:report )?years|(?:years|span) (?:does|do) (?:the )?(?:collection|corpus|语料) cover", re.I)
_LISTING = re.compile(r"(?:有|收录|收了|包括|包含).{0,8}(?:年报|报告)|(?:年报|报告).{0,6}(?:哪些|哪几[家个份]|有什么)|"
                      r"哪些.{0,10}(?:年报|报告)|哪些单位的(?=年报|报告|[？?]?$)")
_ALL_ZERO_T4 = re.compile(r"表四.{0,8}(?:全|都|均).{0,3}(?:是|为)?(?:0|零)|复议.{0,6}诉讼.{0,6}(?:全|都|均).{0,3}(?:是|为)?(?:0|零)")
# …or said not to be (表四不全是0, 不都是0): the reports that have some
_NOT_ALL_ZERO = re.compile(r"不(?:全|都|均)(?:是|为)?\s*(?:0|零)|不是全(?:是|为)?\s*(?:0|零)|(?:不为|不是)\s*(?:0|零)|非零|不为零")
_BROKEN = re.compile(r"勾稽|钩稽|算术|加总.{0,4}(?:不|错)|数据.{0,4}(?:矛盾|对不上|不一致|有误)|"
                     r"表[二三四234](?:的?数据|里的数|的数)?.{0,4}(?:有问题|有错|出错|不对|对不上|算错|对不对得上|对得上吗|对得上不|"
                     r"平不平|是平的吗|能不能对上)")


def inventory_kind(text: str) -> str:
    """template | unnamed | blank_table | years | listing | appeals_zero | broken | '' (not about the corpus)."""
    if _BROKEN.search(text) and re.search(r"哪些|哪几|有没有|列出|是不是|是否|吗|对不对|不平|对得上不|能不能", text):
        return "broken"
    if _ALL_ZERO_T4.search(text):
        return "appeals_zero"
    if _WHICH_TEMPLATE.search(text) or template_named(text) and re.search(r"哪些|哪几|哪家|哪个单位|哪份|列出|which", text, re.I):
        return "template"
    if _UNNAMED.search(text):
        return "unnamed"
    if _BLANK.search(text):
        return "blank_table"
    if _YEARS.search(text):
        return "years"
    if _LISTING.search(text) and not re.search(r"多少(?!份)|几件|几条|数量", text) or \
            re.search(r"(?:多少|几)份.{0,4}(?:年报|报告)|(?:年报|报告).{0,4}(?:多少|几)份|多少\s*年报", text):
        return "listing"
    return ""


# a body speaking of itself at the head of a clause (区党政办坚持…, 我局…): a short name ending in a kind of office
_SELF = re.compile(r"(?:^|[。；，,\n])\s*(?:20\d\d年(?:度)?[，,]?\s*)?((?:区|市|县|镇|街道)?[\u4e00-\u9fff]{0,6}?"
                   r"(?:党政办|办公室|管委会|管理局|委员会|局|委|办))(?=坚持|牵头|认真|积极|严格|按照|深入|持续|政府信息公开工作|共|全年)")


def self_name(text: str) -> tuple[str, str] | None:
    """The name a report's text uses for its own body most often, and a clause using it; None when none recurs."""
    counts: dict[str, list[str]] = {}
    for m in _SELF.finditer(text):
        name = m.group(1)
        if re.search(r"[我本各]|提升|督促|今年", name) or len(name) < 3:
            continue
        end = min(len(text), m.end(1) + 12)
        counts.setdefault(name, []).append(text[m.start(1):end].split("，")[0].split("。")[0])
    if not counts:
        return None
    name, uses = max(counts.items(), key=lambda kv: len(kv[1]))
    return name, uses[0]


def cite_report(ans, store, r: dict) -> int:
    """Cite a report as a whole, by its title line (a report that is there, or lacks a row or a section)."""
    from .cite import cite_passage

    return cite_passage(ans, store, r["report_id"], r["source_file"], r["body"], r["year"], "preamble",
                        _title_line(store, r)[:120])


def without_template_years(text: str) -> str:
    """The text with the years that name a template (2019年版, 〔2021〕30号) taken out: they are not years asked about."""
    return _TEMPLATE_YEAR.sub("", text)


def _title_line(store, r: dict) -> str:
    text = store.report(r["report_id"])["text"]
    line = next((ln.strip() for ln in text.splitlines() if "报告" in ln and ln.strip()), "") or \
        next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    end = line.find("报告")
    return line[: end + 2] if 0 <= end < 80 else line[:80]


def _region_filter(text: str, reports: list[dict]) -> list[dict]:
    """Reports whose region (江苏省无锡市江阴市) holds a place the question names (江苏的…)."""
    named = {p for r in reports for p in places(r.get("region", "")) if len(p) >= 2 and p in text}
    if not named:
        return reports
    return [r for r in reports if any(p in places(r.get("region", "")) for p in named)]


def inventory(answerer, ans, q, reports: list[dict], kind: str):
    """Answer a question about the corpus; every report named is cited."""
    from .answer import _label
    from .cite import cite_passage

    store = answerer.store
    scope = [r for r in reports if r["template"] != "pre-2019" or kind in ("listing", "years")]
    left_out = re.search(r"除了?([\u4e00-\u9fff]{2,8}?)(?:的|以外|之外|外)|(?:不是|非)(?:来自)?\s*([\u4e00-\u9fff]{2,8}?)(?:各单位)?(?:的|\s*[？?]?$)",
                         q.text)
    if left_out and not any((left_out.group(1) or left_out.group(2)) in (r["body"] or "") + (r.get("region") or "")
                            for r in reports):
        left_out = None   # 不是某个局的: no place of the corpus left out
    if (q.bodies or q.report_ids) and not left_out:
        scope = [r for r in scope if r["body"] in q.bodies or r["report_id"] in q.report_ids]
    if q.zone_only:
        scope = [r for r in scope if r["kind"] == "zone"]
    # the place left out (不是平潭综合实验区的) is not a place asked about
    scope = _region_filter(q.text.replace(left_out.group(0), "") if left_out else q.text, scope)
    if left_out:   # 除了平潭的: every report but those of that place
        place = left_out.group(1) or left_out.group(2)
        scope = [r for r in scope if place not in (r["body"] or "") and place not in (r.get("region") or "")]
    if q.year and kind != "years":
        scope = [r for r in scope if r["year"] == q.year]
    elif q.year_range and kind != "years":
        scope = [r for r in scope if r["year"] and q.year_range[0] <= r["year"] <= q.year_range[1]]

    def cite(r) -> int:
        return cite_report(ans, store, r)

    lines: list[str] = []
    if kind == "template" and _WHICH_TEMPLATE.search(q.text):
        # which version each report named uses
        for r in sorted(scope, key=lambda r: (r["body"], r["year"] or 0)):
            v = r["template"]
            name = f"{v}年版模板表格（国办公开办函〔{v}〕{'60' if v == '2019' else '30'}号）" if v in ("2019", "2021") else \
                "2019年以前的格式，没有标准统计表"
            lines.append(f"{_label(r)} {r['year']}年：{name} [{cite(r)}]")
    elif kind == "template":
        version = template_named(q.text) or "2021"
        hits = [r for r in scope if r["template"] == version]
        lines.append(f"使用{version}年版模板表格（国办公开办函〔{version}〕{'60' if version == '2019' else '30'}号）的报告"
                     f"（{len(hits)}份）：")
        # a column only that version prints, read from the report's own table 2, as evidence
        own = {"2019": "proactive.normative_documents.total_published", "2021": "proactive.normative_documents.in_force"}
        for r in sorted(hits, key=lambda r: (r["body"], r["year"] or 0)):
            note = "（年份晚于该版模板的适用期）" if version == "2019" and (r["year"] or 0) >= 2021 else ""
            cell = store.fact(r["report_id"], own[version]) if version in own else None
            shown = f"；表二“规范性文件 · {T.cell_label(own[version])[2]}” {value_text(cell)} " \
                    f"[{answerer._cite_fact(ans, r, cell)}]" if cell and cell["value"] is not None else ""
            lines.append(f"  {_label(r)} {r['year']}年{note} [{cite(r)}]{shown}")
    elif kind == "years":
        by_body: dict[str, list[dict]] = {}
        for r in scope:
            by_body.setdefault(_label(r), []).append(r)
        # the years the corpus spans, so that a body's missing ones can be named (财政金融局 lacks 2019 and 2022)
        span = sorted({r["year"] for r in reports if r["year"] and r.get("template") != "pre-2019"})
        for body, reps in sorted(by_body.items()):
            marks = "、".join(f"{r['year']} [{cite(r)}]" for r in sorted(reps, key=lambda r: r["year"] or 0))
            gone = [str(y) for y in range(span[0], span[-1] + 1) if y not in {r["year"] for r in reps}] if span else []
            lines.append(f"{body}：{marks}年（共{len(reps)}份）" +
                         (f"；语料覆盖的{span[0]}—{span[-1]}年中缺{'、'.join(gone)}年" if gone else ""))
        lines.append("说明：语料中没有的年份，不等于该单位未发布。")
    elif kind == "blank_table":
        m = _BLANK.search(q.text)
        name = "表" + (m.group(1) or m.group(2))
        blank = [(r, shown) for r in scope for shown in [blank_table(store, r["report_id"], TABLE_NAMED[name])] if shown]
        lines.append(f"{name}整张未填报（每个单元格都是空白）的报告（{len(blank)}份）：" if blank else f"没有{name}整张空白的报告。")
        for r, shown in sorted(blank, key=lambda x: (x[0]["body"], x[0]["year"] or 0)):
            lines.append(f"  {_label(r)} {r['year']}年 " + "".join(f"[{answerer._cite_fact(ans, r, f)}]" for f in shown))
        if blank:
            ans.status = "not_reported"
    elif kind == "unnamed" and (q.bodies or q.report_ids) and all(r["body"] for r in scope):
        # who issued a report that names its body (公安局2024年的年报是哪个单位发的): the body it names
        for r in sorted(scope, key=lambda r: (r["body"], r["year"] or 0)):
            lines.append(f"{r['year']}年报告的发布单位：{r['body']} [{cite(r)}]")
    elif kind == "unnamed":
        scope = [r for r in scope if not r["body"]]
        lines.append(f"通篇没有写明发布单位的报告（{len(scope)}份）：")
        for r in sorted(scope, key=lambda r: (r["region"] or "", r["year"] or 0)):
            lines.append(f"  {_label(r)} {r['year']}年 {r['source_file']} [{cite(r)}]")
            said = self_name(store.report(r["report_id"])["text"])
            if said:   # how the text speaks of itself (区党政办坚持…), quoted
                n = cite_passage(ans, store, r["report_id"], r["source_file"], r["body"], r["year"],
                                 answerer._section_of(r["report_id"], said[1]), said[1])
                lines.append(f"    正文中的自称：{said[0]} [{n}]")
    elif kind == "listing":
        years = sorted({r["year"] for r in scope if r["year"]})
        span = f"，{years[0]}—{years[-1]}年" if len(years) > 1 else ""
        lines.append(f"语料中{'、'.join(str(y) for y in ([q.year] if q.year else []))}{'年' if q.year else ''}"
                     f"的年度报告（{len(scope)}份{span}）：")
        for r in sorted(scope, key=lambda r: (r["body"], r["year"] or 0)):
            lines.append(f"  {_label(r)} {r['year']}年 [{cite(r)}]")
    elif kind == "appeals_zero":
        zero, other = [], []
        for r in scope:
            cells = list(store.facts(key="appeals", report_id=r["report_id"]))
            facts = [f for f in cells if f["key"].endswith(".total")]
            # (an outcome printed beside a 总计 of 0 is a case too: 经发局 2025 结果纠正 1, 总计 0)
            printed = [f["value"] for f in cells if f["value"] is not None]
            if facts and printed and all(v == 0 for v in printed):
                zero.append((r, facts))
            elif facts and any(f["value"] for f in cells):
                other.append((r, facts))
        if _NOT_ALL_ZERO.search(q.text):
            # 表四不全是0: the reports with a review or a lawsuit, each row that is not 0 and its outcomes cited
            lines.append(f"表四（行政复议、行政诉讼）不全为0的报告（{len(other)}份）：")
            for r, facts in sorted(other, key=lambda x: (x[0]["body"], x[0]["year"] or 0)):
                rows = []
                for f in facts:
                    row = f["key"].rsplit(".", 1)[0]
                    outs = [x for x in store.facts(key=row + ".*", report_id=r["report_id"])
                            if x["value"] and not x["key"].endswith(".total")]
                    if f["value"] or outs:
                        rows.append(f"{T.cell_label(f['key'])[1]} {value_text(f)} [{answerer._cite_fact(ans, r, f)}]" +
                                    ("（" + "，".join(f"{T.cell_label(x['key'])[2]} {value_text(x)} "
                                                     f"[{answerer._cite_fact(ans, r, x)}]" for x in outs) + "）" if outs else ""))
                lines.append(f"  {_label(r)} {r['year']}年：" + "；".join(rows))
            lines.append(f"表四各项总计均为0的报告：{len(zero)}份。表四未填报的报告不计入。")
        else:
            lines.append(f"表四（行政复议、行政诉讼）各项总计均为0的报告（{len(zero)}份）：")
            for r, facts in sorted(zero, key=lambda x: (x[0]["body"], x[0]["year"] or 0)):
                marks = " ".join(f"[{answerer._cite_fact(ans, r, f)}]" for f in facts)
                lines.append(f"  {_label(r)} {r['year']}年 {marks}")
            lines.append(f"有复议或诉讼的报告：{len(other)}份。表四未填报的报告不计入。")
    elif kind == "broken":
        broken: dict[str, list[dict]] = {}
        for g in store.findings():
            if g["kind"] == "arithmetic" and any(g["report_id"] == r["report_id"] for r in scope):
                broken.setdefault(g["report_id"], []).append(g)
        lines.append(f"表格数据不符合模板勾稽关系的报告（{len(broken)}份）：")
        for r in sorted((r for r in scope if r["report_id"] in broken), key=lambda r: (r["body"], r["year"] or 0)):
            lines.append(f"  {_label(r)} {r['year']}年 [{cite(r)}]：")
            lines += [f"    · {g['message']}" for g in broken[r["report_id"]][:3]]
            ans.findings += [{"report_id": r["report_id"], "kind": g["kind"], "message": g["message"]}
                             for g in broken[r["report_id"]][:3]]
        if (q.bodies or q.report_ids) and len(scope) <= 3:
            # the reports asked whose tables hold: table 3's balance shown, each cell cited
            from .claims import _BALANCE_ROWS

            for r in sorted((r for r in scope if r["report_id"] not in broken), key=lambda r: r["year"] or 0):
                four = [f for k in _BALANCE_ROWS for f in [store.fact(r["report_id"], k)] if f]
                lines.append(f"{_label(r)} {r['year']}年：各表未发现不符合勾稽关系之处 [{cite(r)}]" +
                             (f"；表三：{answerer.cells_text(ans, r, four)}" if four else ""))
    if not scope:
        ans.status = "not_found"
        lines = ["语料中没有符合条件的报告。"]
    ans.answer = "\n".join(lines)
    return ans
