"""What an answer shows beside a cell so that it reads right on its own.

    行政复议 3 [1]（结果维持 2 [2]，结果纠正 1 [3]，…）           a table-4 total with its outcomes
    行政复议（纠正） 1 [1]（该项总计 3 [2]）                       a table-4 outcome with its row's total
    本年度办理结果 8 [1]（予以公开 3 [2]，部分公开 1 [3]，无法提供 4 [4]）   table 3's outcomes beside 总计
    本年新收 0 [1]（总计与各列之和不符；各列：自然人 6 [2]，商业企业 1 [3]）  a 总计 its own columns contradict

Every cell shown is cited like the one it stands beside.
"""
from __future__ import annotations

import re

from nianbao.ingest import template as T

from .labels import COLUMNS, fmt as _fmt, value_text


def beside(a, ans, q, r: dict, f: dict) -> str:
    """The context for cell `f` of report `r` in an answer to `q` ('' when it needs none); `a` is the Answerer."""
    col = f["key"].rsplit(".", 1)[1]
    out = ""
    if f["key"] == "applications.total_processed.total" and q.metric_word.endswith("办理结果") and q.intent == "value":
        out += outcomes(a, ans, r)
    if col == "total" and f["key"].startswith("applications.") and not q.metric.endswith("*") and \
            total_disagrees(a, r["report_id"], f["key"]):
        out += parts_of(a, ans, r, f["key"])
    if f["key"].startswith("appeals.") and q.intent in ("value", "list") and not q.metric.endswith("*"):
        out += breakdown(a, ans, r, f["key"]) if col == "total" else row_total(a, ans, r, f["key"])
    if f["key"].startswith("applications.") and not f["key"].startswith(("applications.new_received.",
                                                                         "applications.carried_over.")) and \
            (_AMONG_RECEIVED.search(q.text) or col == "total"):
        # an outcome's count is read against the applications received (部分公开 3 of 本年新收 3)
        out += received(a, ans, r)
    return out


# a count asked among the applications received (收到的申请里有几件…, 收到的8件申请…各几件)
_AMONG_RECEIVED = re.compile(r"收到(?:的|了)?[^，,。？?]{0,16}申请(?:里|中|当中|之中)|收到的\d+件|收到的(?:那|这)一?件|"
                             r"(?:那|这)(?:\d+|几)件|"
                             r"\bof (?:the|its) (?:\d+ )?(?:new )?(?:applications|requests)\b")


def received(a, ans, r: dict) -> str:
    """The applications received beside a count among them: （本年新收 8 [5]）."""
    f = a.store.fact(r["report_id"], "applications.new_received.total")
    return f"（本年新收 {value_text(f)} [{a._cite_fact(ans, r, f)}]）" if f else ""


def breakdown(a, ans, r: dict, total_key: str) -> str:
    """A table-4 row's outcome columns beside its total: （结果维持 2 [3]，结果纠正 1 [4]，…）."""
    row = total_key.rsplit(".", 1)[0]
    cells = [f for f in a.store.facts(key=row + ".*", report_id=r["report_id"]) if not f["key"].endswith(".total")]
    if not cells:
        return ""
    shown = [f"{COLUMNS.get(f['key'].rsplit('.', 1)[1], '')} "
             f"{value_text(f)} [{a._cite_fact(ans, r, f)}]" for f in cells]
    return "（" + "，".join(shown) + "）"


def outcomes(a, ans, r: dict) -> str:
    """Table 3's outcomes beside their 总计, each group summed over its rows and cited where not 0:
    （予以公开 3 [2]，部分公开 1 [3]，无法提供 4 [4]）."""
    version = r["template"] if r["template"] in T.VERSIONS else "2021"
    rows = [x for x in T.APPLICATIONS.rows_for(version) if x.key in T.outcome_rows(version)]
    shown, seen, whole = [], set(), 0.0
    for row in rows:
        group = row.group if row.group != "outcomes" else row.key
        if group in seen:
            continue
        seen.add(group)
        members = [x for x in rows if (x.group if x.group != "outcomes" else x.key) == group]
        facts = [f for x in members for f in a.store.facts(key=f"applications.{x.key}.total", report_id=r["report_id"])]
        known = [f for f in facts if f["value"] is not None]
        if not known or not sum(f["value"] for f in known):
            continue
        marks = [a._cite_fact(ans, r, f) for f in known if f["value"]]
        label = next((g.label for g in T.APPLICATIONS.groups if g.key == group), row.label) if len(members) > 1 \
            else row.label
        label = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])", "", label)
        label = re.sub(r"（区分处理.*", "", label)
        shown.append(f"{label} {_fmt(sum(f['value'] for f in known))} " + "".join(f"[{n}]" for n in marks))
        whole += sum(f["value"] for f in known)
    printed = (a.store.fact(r["report_id"], "applications.total_processed.total") or {}).get("value")
    if shown and printed is not None and whole != printed:   # the outcomes add up to another count than 总计 prints
        shown[-1] += f"；各项之和为{_fmt(whole)}，与总计{_fmt(printed)}不符"
    left = a.store.fact(r["report_id"], "applications.carried_forward.total")
    if shown and left and left["value"]:   # the applications still open, beside the outcomes given
        shown[-1] += f"；另{T.row_label('applications', 'carried_forward', False).lstrip('四、')} {value_text(left)} " \
                     f"[{a._cite_fact(ans, r, left)}]"
        # …with what the text says of them (…未收到该申请人提交的补正，结转下年度办理)
        from .claims import row_sentences

        for sent in row_sentences(a.store.report(r["report_id"])["text"], left["key"])[:1]:
            shown[-1] += f"；报告原文：“{sent}” [{a.cite_quote(ans, r, sent)}]"
    return "（" + "，".join(shown) + "）" if shown else ""


def total_disagrees(a, report_id: str, key: str) -> bool:
    """Does an arithmetic finding say this row's 总计 is not the sum of its columns?"""
    row = key.rsplit(".", 1)[0]
    return any(g["kind"] == "arithmetic" and (g["key"] or "").startswith(row) for g in a.store.findings(report_id))


def parts_of(a, ans, r: dict, key: str) -> str:
    """The columns of a row whose printed 总计 disagrees with them: （各列：自然人 6 [3]，商业企业 1 [4]）."""
    row = key.rsplit(".", 1)[0]
    cells = [f for f in a.store.facts(key=row + ".*", report_id=r["report_id"])
             if not f["key"].endswith(".total") and f["value"]]
    if not cells:
        return ""
    return "（总计与各列之和不符；各列：" + "，".join(
        f"{COLUMNS.get(f['key'].rsplit('.', 1)[1], '')} {f['raw']} [{a._cite_fact(ans, r, f)}]" for f in cells) + "）"


def row_total(a, ans, r: dict, key: str) -> str:
    """A table-4 column's row total beside it: （该项总计 3 [5]）."""
    total = [f for f in a.store.facts(key=key.rsplit(".", 1)[0] + ".total", report_id=r["report_id"])]
    if not total:
        return ""
    t = total[0]
    return f"（该项总计 {value_text(t)} [{a._cite_fact(ans, r, t)}]）"
