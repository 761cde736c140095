"""ask(question) → Answer: the one function the CLI, the chat and eval call.

Numbers come only from the table records; narrative comes from retrieval,
quoted verbatim; every answer cites its sources; when the corpus cannot
support an answer, it says so.
"""
from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field

from index.search import Filters, SearchIndex
from index.settings import Settings
from index.store import Store
from ingest.records import SECTION_TITLES, TABLE_NAMES

from .router import Query, apply_context, apply_filters, parse

_COLUMN_NAMES = {
    "prior_year_items": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量",
    "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
    "newly_made": "本年新制作数量", "newly_published": "本年新公开数量", "total_published": "对外公开总数量",
    "amount_10k_yuan": "本年收费金额", "projects": "采购项目数量", "amount": "采购总金额",
}
_REGION = re.compile(r"^(?:江苏省?|江阴市?|常州市?|福建省?|平潭综合实验区(?=.))")


@dataclass
class Answer:
    """The JSON contract: status, route, verdict (claims), answer text, facts, citations, findings."""

    question: str
    status: str = "answered"           # answered | not_found | not_reported | out_of_scope | error
    route: str = "text"                # table | text | claim | mixed
    verdict: str | None = None         # supported | contradicted | not_found | conflicting
    answer: str = ""
    facts: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    context: dict = field(default_factory=dict, repr=False)  # slots a follow-up may keep (not in the JSON)
    latency_ms: float = 0.0

    def to_dict(self) -> dict:
        """JSON-ready; verdict only for claims."""
        d = asdict(self)
        d.pop("context")
        d.pop("latency_ms")
        if self.route != "claim":
            d.pop("verdict")
        return d


def aliases_for(bodies: list[str]) -> dict[str, str]:
    """Short forms people write: 临港开发区 for 江阴临港经济开发区, 靖江园区 for 江苏江阴靖江工业园区."""
    out: dict[str, str] = {}
    for b in bodies:
        forms = {b}
        core = b
        while _REGION.match(core):
            core = _REGION.sub("", core, count=1)
            forms.add(core)
        for f in list(forms):
            forms.add(re.sub(r"经济|工业", "", f))
        for f in forms:
            if f != b and len(f) >= 3:
                out[f] = b
    return out


def renumber(ans: Answer) -> None:
    """Citations numbered [1], [2], … in the order the answer first uses them."""
    order: list[int] = []
    for m in re.finditer(r"\[(\d+)\]", ans.answer):
        n = int(m.group(1))
        if n not in order and any(c["n"] == n for c in ans.citations):
            order.append(n)
    order += [c["n"] for c in ans.citations if c["n"] not in order]
    new = {old: i + 1 for i, old in enumerate(order)}
    if all(k == v for k, v in new.items()):
        return
    ans.answer = re.sub(r"\[(\d+)\]", lambda m: f"[{new.get(int(m.group(1)), int(m.group(1)))}]", ans.answer)
    by_n = {c["n"]: c for c in ans.citations}
    ans.citations = [{**by_n[old], "n": new[old]} for old in order]


def _name(body: str) -> str:
    return body or "（未署名单位）"


def _label(r: dict) -> str:
    """A body as shown, with the region where the report never names its body."""
    return r["body"] or f"（未署名单位{('，' + r['region']) if r.get('region') else ''}）"


class Answerer:
    """Holds the store and the search index; answers questions."""

    def __init__(self, settings: Settings | None = None, embed_model=None):
        self.settings = settings or Settings()
        self.store = Store(self.settings.db_path)
        self._index: SearchIndex | None = None
        self._embed = embed_model

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.settings, self.store, embed_model=self._embed)
        return self._index

    def ask(self, question: str, filters: dict | None = None, previous: dict | None = None) -> Answer:
        """Route, answer, cite, log.

        `filters` (bodies, year_from, year_to, section) apply where the question
        says nothing; `previous` is the last answer's context, for follow-ups.
        """
        t0 = time.perf_counter()
        reports = self.store.reports()
        bodies = sorted({r["body"] for r in reports if r["body"]})
        q = parse(question, bodies, aliases_for(bodies))
        q = apply_context(q, previous)
        if filters:
            q = apply_filters(q, tuple(filters.get("bodies") or ()), filters.get("year_from"), filters.get("year_to"),
                              filters.get("section") or "")
        try:
            if q.intent == "out_of_scope":
                ans = Answer(question, status="out_of_scope", route="text",
                             answer="这个问题不在政府信息公开工作年度报告的范围内，本工具无法回答。")
            elif q.intent == "claim":
                ans = self._claim(q, reports)
            elif q.intent in ("list", "value") and q.metric:
                ans = self._table(q, reports)
            else:
                ans = self._narrative(q)
        except Exception as e:  # an answer must come back; say what failed
            ans = Answer(question, status="error", answer=f"处理问题时出错：{type(e).__name__}")
        renumber(ans)
        ans.context = q.context()
        ans.latency_ms = (time.perf_counter() - t0) * 1000
        ids = sorted({c["report_id"] for c in ans.citations})
        self.store.log_turn(question, ans.route, ans.status, ids, ans.latency_ms)
        return ans

    # ---- table ----------------------------------------------------------------------

    def _targets(self, q: Query, reports: list[dict]) -> list[dict]:
        out = [r for r in reports if r["template"] != "pre-2019"]
        if q.year:
            out = [r for r in out if r["year"] == q.year]
        elif q.year_range:
            out = [r for r in out if r["year"] and q.year_range[0] <= r["year"] <= q.year_range[1]]
        if q.bodies:
            out = [r for r in out if r["body"] in q.bodies]
        elif q.zone_only:
            out = [r for r in out if r["kind"] == "zone" or (not r["body"] and r["kind"] == "unknown")]
        return out

    def _table(self, q: Query, reports: list[dict]) -> Answer:
        ans = Answer(q.question, route="table")
        targets = self._targets(q, reports)
        if not targets:
            ans.status = "not_found"
            what = "、".join(q.bodies) or ("园区" if q.zone_only else "任何单位")
            ans.answer = f"语料中没有{what}{q.year or ''}{'年' if q.year else ''}的年度报告。"
            return ans
        lines, got, blank, first_n = [], [], [], {}
        for r in targets:
            facts = list(self.store.facts(key=q.metric, report_id=r["report_id"]))
            if not facts:
                blank.append(r)
                lines.append(f"{_name(r['body'])}（{r['year']}年）：报告中未找到该表。")
                continue
            parts = []
            for f in facts:
                n = self._cite_fact(ans, r, f)
                first_n.setdefault(r["report_id"], n)
                shown = "未填报" if f["value"] is None else f"{f['raw']}{f['unit']}"
                col = f["key"].split(".")[-1]
                label = _COLUMN_NAMES.get(col, col) if q.metric.endswith("*") else ""
                parts.append(f"{label + ' ' if label else ''}{shown} [{n}]")
            values = [f["value"] for f in facts]
            if all(v is None for v in values):
                blank.append(r)
            else:
                got.append((r, values))
            lines.append(f"{_label(r)}（{r['year']}年）：" + "；".join(parts))
            self._related_findings(ans, r["report_id"], q.metric)
        if q.intent == "list" and not q.metric.endswith("*"):
            received = [(r, v[0]) for r, v in got if v[0]]
            none = [r for r, v in got if v[0] == 0]
            head = f"{q.year or ''}{'年' if q.year else ''}{q.metric_word}："
            received_ids = {r["report_id"] for r, _ in received}
            body = [ln for r, ln in zip(targets, lines) if r["report_id"] in received_ids]
            if not received:
                body = ["没有单位的该项数据大于0。"]
            extra = []
            if none:
                extra.append("为0（未收到）的单位：" + "、".join(f"{_name(r['body'])} [{first_n[r['report_id']]}]" for r in none))
            if blank:
                extra.append("未填报的单位：" + "、".join(
                    f"{_name(r['body'])}" + (f" [{first_n[r['report_id']]}]" if r["report_id"] in first_n else "")
                    for r in blank))
            ans.answer = head + "\n" + "\n".join(body + extra)
        else:
            ans.answer = f"{q.metric_word}：\n" + "\n".join(lines)
        if not got:
            ans.status = "not_reported"
        return ans

    def _cite_fact(self, ans: Answer, r: dict, f: dict) -> int:
        n = len(ans.citations) + 1
        table = TABLE_NAMES.get(f["key"].split(".")[0], "")
        ans.facts.append({k: f[k] for k in ("report_id", "source_file", "body", "year", "key", "value", "unit", "raw")})
        ans.citations.append({"n": n, "report_id": r["report_id"], "source_file": r["source_file"], "body": r["body"],
                              "year": r["year"], "section": f["key"].split(".")[0], "key": f["key"],
                              "quote": f"{table} {f['key']} = {f['raw'] or '（空白）'}"})
        return n

    def _related_findings(self, ans: Answer, report_id: str, metric: str) -> None:
        stem = metric.rstrip("*").rstrip(".")
        row = ".".join(stem.split(".")[:2])
        for g in self.store.findings(report_id):
            if g["key"] and (g["key"].startswith(row) or (g["kind"] == "contradiction" and row.startswith("applications"))):
                if g["kind"] in ("contradiction", "arithmetic", "ambiguous", "cross_year") and \
                        not any(x["message"] == g["message"] for x in ans.findings):
                    ans.findings.append({"report_id": report_id, "kind": g["kind"], "message": g["message"]})

    # ---- claims -----------------------------------------------------------------------

    def _claim(self, q: Query, reports: list[dict]) -> Answer:
        ans = Answer(q.question, route="claim")
        targets = self._targets(q, reports)
        if not targets or q.claim_number is None:
            ans.status, ans.verdict = "not_found", "not_found"
            ans.answer = "语料中找不到可以核实这一说法的报告或数字。"
            return ans
        phrase = q.claim_phrase
        words = [w for w in re.split(r"[，,。\s]", phrase) if w]
        key_phrase = words[-1] if words else ""
        evidence = []
        for r in targets:
            text = self.store.report(r["report_id"])["text"]
            for sent in re.split(r"(?<=[。；！？\n])", text):
                if key_phrase and key_phrase in sent:
                    m = re.search(re.escape(key_phrase) + r"\D{0,6}?(\d+(?:\.\d+)?)", sent)
                    if m:
                        evidence.append((r, sent.strip(), float(m.group(1))))
        if q.metric == "applications.new_received.total":
            # the narrative's own count of applications, as found at ingestion (共收到申请16条)
            for r in targets:
                for g in self.store.findings(r["report_id"]):
                    m = re.match(r"text=(\d+);table=[\d.]+;quote=(.*)", g["detail"]) if g["kind"] == "contradiction" else None
                    if m and not any(e[1] == m.group(2) for e in evidence):
                        evidence.append((r, m.group(2), float(m.group(1))))
        table_ev = []
        if q.metric and not q.metric.endswith("*"):
            for r in targets:
                for f in self.store.facts(key=q.metric, report_id=r["report_id"]):
                    if f["value"] is not None:
                        table_ev.append((r, f))
        if not evidence and not table_ev:
            ans.status, ans.verdict = "not_found", "not_found"
            ans.answer = f"在{'、'.join(_name(r['body']) for r in targets)}的报告中没有找到关于“{phrase}”的数字。"
            return ans
        lines = []
        text_ok = [e for e in evidence if e[2] == q.claim_number]
        for r, sent, value in (text_ok or evidence)[:2]:
            n = len(ans.citations) + 1
            sec = self._section_of(r["report_id"], sent)
            ans.citations.append({"n": n, "report_id": r["report_id"], "source_file": r["source_file"], "body": r["body"],
                                  "year": r["year"], "section": sec, "key": "", "quote": sent})
            lines.append(f"{_name(r['body'])}{r['year']}年报告原文：“{sent}” [{n}]")
        table_ok = [t for t in table_ev if t[1]["value"] == q.claim_number]
        for r, f in table_ev[:1]:
            n = self._cite_fact(ans, r, f)
            lines.append(f"表格数据：{f['key']} = {f['raw']} [{n}]")
            self._related_findings(ans, r["report_id"], q.metric)
        if evidence and table_ev and bool(text_ok) != bool(table_ok):
            ans.verdict = "conflicting"
            head = "报告正文与表格数据不一致："
        elif text_ok or table_ok:
            ans.verdict = "supported"
            head = "属实。"
        else:
            ans.verdict = "contradicted"
            head = f"不属实：报告中的数字不是{q.claim_number:g}。"
        ans.answer = head + "\n" + "\n".join(lines)
        return ans

    def _section_of(self, report_id: str, quote: str) -> str:
        for s in self.store.sections(report_id):
            if quote in s.text or quote in s.heading:
                return s.key
        return "preamble"

    # ---- narrative ----------------------------------------------------------------------

    def _narrative(self, q: Query) -> Answer:
        ans = Answer(q.question, route="text")
        lo, hi = (q.year, q.year) if q.year else (q.year_range or (None, None))
        filters = Filters(bodies=q.bodies, year_from=lo, year_to=hi, sections=(q.section,) if q.section else ())
        if q.zone_only and not q.bodies:
            filters = Filters(bodies=tuple(r["body"] for r in self.store.reports() if r["kind"] == "zone"),
                              year_from=lo, year_to=hi, sections=filters.sections)
        k = 12 if not q.bodies else 6
        hits = self.index.search(q.question, filters, k=k)
        if not hits:
            ans.status = "not_found"
            ans.answer = "语料中没有找到相关内容。"
            return ans
        groups: dict[tuple, list] = {}
        for h in hits:
            groups.setdefault((h.body, h.year, h.report_id, h.source_file), []).append(h)
        lines = []
        for (body, year, rid, src), hs in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1] or 0)):
            lines.append(f"{_name(body)}（{year}年）")
            for h in hs:
                n = len(ans.citations) + 1
                ans.citations.append({"n": n, "report_id": rid, "source_file": src, "body": body, "year": year,
                                      "section": h.section, "key": "", "quote": h.text})
                lines.append(f"  · {h.text} [{n}]")
        where = SECTION_TITLES.get(q.section, "")
        ans.answer = (f"摘自各报告“{where}”部分：\n" if where else "相关原文：\n") + "\n".join(lines)
        return ans

    def close(self) -> None:
        """Close the store."""
        self.store.close()


_default: Answerer | None = None


def ask(question: str, settings: Settings | None = None) -> Answer:
    """Answer one question with the store under the settings in effect."""
    global _default
    if _default is None or (settings is not None and settings != _default.settings):
        _default = Answerer(settings)
    return _default.ask(question)
