"""ask(question) → Answer: the one function the CLI, the chat and eval call.

Numbers come only from the table records; narrative comes from retrieval,
quoted verbatim; every answer cites its sources; when the corpus cannot
support an answer, it says so.
"""
from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field, replace

from nianbao.index.search import Filters, SearchIndex
from nianbao.index.settings import Settings
from nianbao.index.store import Store
from nianbao.ingest.records import SECTION_TITLES

from nianbao.ingest import template as T
from nianbao.ingest.template import cell_label, main_column

from .beside import beside
from .bodies import BodyResolver
from .cite import cite_cell, cite_passage
from .claims import ClaimChecker, _cell_name, _row_words, narrative_evidence, negative_statements, none_said, said_of
from .coverage import cite_report, inventory, self_name
from .measures import TOPICS, excerpt, from_store, topics
from .labels import COLUMNS, fmt as _fmt, value_text
from .spelling import simplified
from .router import (FOLLOW_UP, NARRATIVE_ASK, NUMBERS, OFF_TOPIC, RATIOS, Query, apply_context, apply_filters, columns_named,
                     english_reading,
                     metrics_in, parse, pick_column, revise_version, split_parts, template_named)

@dataclass
class Answer:
    """The JSON contract: status, route, verdict (claims), answer text, facts, citations, findings."""

    question: str
    status: str = "answered"           # answered | not_found | not_reported | out_of_scope | error
    route: str = "text"                # table | text | both | claim | mixed (parts of several kinds)
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


_GENERIC = re.compile(r"各|哪些|什么|有何|单位|部门|园区|开发区|新区|提出了?|存在|主要|的|了|问题|不足|改进|措施|情况|及|和|与|"
                      r"整改|举措|近几年|近.年|历年|今年|去年|报告|年度|政府信息公开|信息公开|工作|有|吗|呢|是|怎么办|如何|列出|方面|都")


def _only_topics(q: Query) -> bool:
    """Does the question name a topic of the measures (政策解读, 培训…) and nothing more specific?"""
    found = topics(q.text)
    if not found:
        return False
    text = q.text
    for t in found:
        for w in [*t.split("/"), *re.split(r"[|()?:!]", TOPICS.get(t, ""))]:
            if w:
                text = text.replace(w, "")
    words = _topic_words(Query(text, bodies=q.bodies, body_words=q.body_words, fuzzy=q.fuzzy))
    return len(re.sub(r"[^\u4e00-\u9fff]", "", words)) <= 1


def _topic_words(q: Query) -> str:
    """What a question about section 五 asks beyond "which problems/measures": a topic to search for."""
    text = q.text
    for b in (*q.bodies, *q.body_words):
        text = text.replace(b, "")
    for form in (q.fuzzy or ()):
        text = text.replace(form, "")
    text = re.sub(r"(?:19|20)\d\d\s*年?|[^\u4e00-\u9fff]", "", text)
    for b in q.bodies:  # short forms of the body
        for piece in re.findall(r"[\u4e00-\u9fff]{2,}", b):
            for n in range(len(piece), 1, -1):
                for i in range(len(piece) - n + 1):
                    text = text.replace(piece[i:i + n], "") if n >= 3 else text
    return _GENERIC.sub("", text)


def main_key(metric: str, template: str = "2021") -> str:
    """One cell for a metric: a row's main column where the metric names a whole row (proactive.penalty.*)."""
    if not metric.endswith("*"):
        return metric
    row = metric.rstrip("*").rstrip(".")
    table, name = row.split(".")[:2]
    return f"{row}.{main_column(table, name, template)}"


def merge(question: str, answers: list[Answer]) -> Answer:
    """The answers to the parts of one question, as one answer with one numbering; parts answered alike once."""
    if len({(a.answer, a.status) for a in answers}) == 1 and not answers[0].citations:
        return answers[0]
    # (parts from the tables and from the text: both; a claim beside other parts: mixed)
    routes = {a.route for a in answers}
    out = Answer(question, route=routes.pop() if len(routes) == 1 else "both" if routes <= {"table", "text", "both"}
                 else "mixed")
    texts = []
    for a in answers:
        offset = len(out.citations)
        texts.append(re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", a.answer))
        out.citations += [{**c, "n": c["n"] + offset} for c in a.citations]
        out.facts += [f for f in a.facts if f not in out.facts]
        out.findings += [f for f in a.findings if f not in out.findings]
    # statements checked together hold when each holds: one refuted refutes them, text against table shows
    verdicts = [a.verdict for a in answers if a.verdict]
    for v in ("contradicted", "conflicting", "not_found", "supported"):
        if v in verdicts:
            out.verdict = v
            break
    statuses = [a.status for a in answers]
    out.status = "answered" if "answered" in statuses else statuses[0]
    # a note every part opens with (an English question read in Chinese) is said once, first
    first = re.match(r"（[^（）\n]*）\n", texts[0])
    shared = first.group(0) if first and all(t.startswith(first.group(0)) for t in texts) else ""
    out.answer = shared + "\n\n".join(f"（{i + 1}）{t[len(shared):]}" for i, t in enumerate(texts))
    return out


def _name(body: str) -> str:
    return body or "（未署名单位）"


_OF_BEFORE = re.compile(r"\s*(?:(?:其中|里面|当中)?哪(?:一|个|些)?(?:类|种|方面|项)(?:信息)?最[多少]|"
                        # where the report says so (…是怎么来的？2019年报里怎么说)
                        r"(?:(?:19|20)\d\d\s*年?)?的?(?:年报|报告|正文|原文)?(?:里|中|上)?(?:是)?(?:怎么|如何)(?:说|写|表述)的?)"
                        r"[？?]?\s*$")


def _closed(text: str, clause: str) -> str:
    """A clause of `text` read on to the bracket it opens (2602条(其中机构职能类信息82条，…1053条)), at most 600
    characters: a breakdown is quoted whole or not at all."""
    opened = clause.count("(") + clause.count("（") - clause.count(")") - clause.count("）")
    at = text.find(clause)
    if opened <= 0 or at < 0:
        return clause
    m = re.match(r"[^()（）]{0,600}[)）]", text[at + len(clause):])
    return clause + m.group(0) if m else clause


def _breakdown(clause: str) -> list[tuple[str, float]]:
    """The parts a bracket breaks a count into: [(其他应主动公开政府信息, 1053), …]; [] when there is no bracket."""
    inner = re.search(r"[(（]([^()（）]+)[)）]", clause)
    if not inner:
        return []
    return [(m.group(1).removeprefix("其中"), float(m.group(2)))
            for m in re.finditer(r"([^，,、；;]+?)(\d+(?:\.\d+)?)\s*[条件个项篇]", inner.group(1))]


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
        self._corpus: tuple | None = None  # (key, reports, bodies, aliases, latest year)

    def corpus(self) -> tuple[list[dict], list[str], BodyResolver, int | None]:
        """Reports, body names, the body resolver and the latest year, read again only when reports change."""
        key = self.store.version()
        if self._corpus is None or self._corpus[0] != key:
            reports = self.store.reports()
            for r in reports:
                if not r["body"]:   # a report that never names its body is reached by the name its text uses (区党政办)
                    own = self_name(self.store.report(r["report_id"])["text"])
                    r["self_name"] = own[0] if own else ""
            bodies = sorted({r["body"] for r in reports if r["body"]})
            latest = max((r["year"] for r in reports if r["year"]), default=None)
            lookalikes: dict[str, list[str]] = {}
            for g in self.store.findings():
                if g["kind"] == "lookalike_body" and g["detail"] and g["body"]:
                    lookalikes.setdefault(g["detail"], []).append(g["body"])
            self._corpus = (key, reports, bodies, BodyResolver(reports, lookalikes), latest)
        return self._corpus[1:]

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.settings, self.store, embed_model=self._embed)
        return self._index

    def ask(self, question: str, filters: dict | None = None, previous: dict | None = None) -> Answer:
        """Route, answer, cite, log.

        `filters` (bodies, year_from, year_to, section) apply where the question
        says nothing; `previous` is the last answer's context, for follow-ups.
        A question with two parts gets both, in order.
        """
        t0 = time.perf_counter()
        reports, _, resolver, _ = self.corpus()
        english = english_reading(question, resolver)
        # an English question is split where its Chinese reading splits (penalty and coercion decisions → two asks)
        read = split_parts(english) if english else []
        parts = []
        for part in read if len(read) > 1 else split_parts(simplified(question)):
            # which kind of a count is the largest (…多少条政府信息？哪一类最多) asks of the count before it: one part
            if parts and _OF_BEFORE.match(part):
                parts[-1] += part
            else:
                parts.append(part)
        queries, context = [], previous
        for n, part in enumerate(parts):
            q = self._understand(part, reports, filters, context, carry=n > 0)
            q.english = q.english or bool(english)
            if english and len(parts) > 1:
                q.question = question
            queries.append(q)
            context = q.context()
        for n, q in enumerate(queries[:-1]):
            # a part before the one naming the body and year (How many X and how many Y did B report for 2021?):
            # they are its body and year too, never every body's
            later = next((x for x in queries[n + 1:] if x.bodies or x.report_ids or x.unknown_body), None)
            over_all = q.intent in ("list", "aggregate", "coverage", "inventory") or \
                re.search(r"哪些|哪几|各单位|各个|所有|全部|每个|which|every|all\b", q.text, re.I)
            if later and not (q.bodies or q.report_ids or q.zone_only or q.unknown_body or over_all):
                q.bodies, q.report_ids, q.unknown_body = later.bodies, later.report_ids, later.unknown_body
                if q.year is None and not q.year_range:
                    q.year, q.years, q.year_range = later.year, later.years, later.year_range
                revise_version(q, resolver)
        answers = [self._answer(q, reports) for q in queries]
        ans = answers[0] if len(answers) == 1 else merge(question, answers)
        renumber(ans)
        ans.context = context or {}
        ans.latency_ms = (time.perf_counter() - t0) * 1000
        ids = sorted({c["report_id"] for c in ans.citations})
        for rid in ids:  # a report read from a scan says so beside every answer that cites it
            for g in self.store.findings(rid):
                if g["kind"] == "ocr" and not any(x["message"] == g["message"] for x in ans.findings):
                    ans.findings.append({"report_id": rid, "kind": g["kind"], "message": g["message"]})
        self.store.log_turn(question, ans.route, ans.status, ids, ans.latency_ms)
        return ans

    def _phrase(self, ans: Answer) -> None:
        """With an LLM configured: its phrasing first, checked; the verbatim passages stay below it."""
        from . import llm

        if not llm.enabled(self.settings):
            return
        text, why = llm.phrase(self.settings, ans.question, ans.citations, ans.facts)
        if text:
            ans.answer = f"{text}\n\n（以上由语言模型根据下列原文归纳）\n{ans.answer}"
        elif why.startswith("LLM unavailable"):
            ans.answer = f"（语言模型暂不可用，以下为原文摘录。）\n{ans.answer}"
        # otherwise the model's text failed the number and marker checks: the extractive answer stands

    def _understand(self, text: str, reports: list[dict], filters: dict | None, previous: dict | None,
                    carry: bool) -> Query:
        _, bodies, resolver, latest = self.corpus()
        q = parse(text, resolver, latest)
        if carry and previous:
            # the second part of one question speaks of the same body and year
            if not q.bodies and not q.report_ids and not q.zone_only:
                q.bodies, q.zone_only = tuple(previous.get("bodies") or ()), bool(previous.get("zone_only"))
                q.report_ids = tuple(previous.get("report_ids") or ())
                # a body the corpus lacks, named in the part before, is the one this part asks of too
                q.unknown_body = q.unknown_body or previous.get("unknown_body") or ""
            if q.year is None and not q.year_range:
                q.year = previous.get("year")
                if q.year is None and previous.get("year_range"):   # 2021年和2023年比，…和…各变化了多少
                    q.year_range = tuple(previous["year_range"])
                    q.years = tuple(previous.get("years") or ())
            elif previous.get("year_range") and q.years and set(q.years) < set(previous.get("years") or ()):
                # the words shared with the part before name only one of its years (…，和上一年（2024年）比)
                q.year, q.year_range, q.years = None, tuple(previous["year_range"]), tuple(previous["years"])
            revise_version(q, resolver)
            if NARRATIVE_ASK.search(text) and previous.get("metric") and not q.section:
                # “…收到多少申请，正文怎么说的”: the sentences of the text stating that count
                # (or of the row this part names itself: …and where does the text say the licensing records were …)
                q.intent, q.metric = "narrative", ""
                q.text = re.sub(r"^[一二三四五六七八九十]+、|[（(].*?[）)]", "", q.metric_word or previous.get("metric_word", "")) + "多少"
            elif not q.metric and previous.get("metric") and not q.section and \
                    not (re.search(r"有没有|是否有|有无", text) and not re.search(r"多少|几|数", text)
                         and not columns_named(text)) and \
                    not re.search(r"(?:条|篇|次|场|期|人)数(?!量)|信息总数", text):   # 有没有人被追责, 主动公开条数: things of their own
                # “…几件？纠正了几件”: the second part asks a column of the same row
                row = previous["metric"].rsplit(".", 1)[0]
                q.metric = row + (".*" if row.startswith("proactive.") else ".total")
                q.metric_word = previous.get("metric_word", "")
                if not previous["metric"].endswith((".total", ".*")):   # the column the part before named is not this one's
                    q.metric_word = re.sub(r"（[^（）]*）$", "", q.metric_word)
                pick_column(q, re.sub(r"[“”\"'‘’「」《》]", "", text))
                if q.intent in ("narrative", "out_of_scope"):
                    q.intent = "value"
            if previous.get("intent") == "claim" and q.intent in ("value", "narrative") and q.metric and \
                    not re.search(r"多少|几|哪|什么|谁|怎么|如何|是否|吗|\b(?:how|what|which|who|why|whether)\b", text, re.I):
                # "…got exactly one request and rolled it over into the next year?": the second statement is claimed too
                q.intent = "claim"
                q.claim_number = q.claim_number if q.claim_number is not None else previous.get("claim_number")
                q.claim_op = "="
            if q.intent == "claim" and q.claim_number is None and q.metric and \
                    re.search(r"这件|这一件|该件|该申请|这些|它们|这\d+件", text):
                # "…只收到1件申请，而且这件申请结转到下一年办理了": the count the part before claimed
                q.claim_number = 1.0 if re.search(r"这件|这一件|该件|该申请", text) else previous.get("claim_number")
                q.claim_op = "="
            if q.aggregate and q.metric and q.intent in ("value", "narrative", "out_of_scope"):
                q.intent = "aggregate"   # …总数是多少？平均每年多少？: the same cells averaged
            elif q.intent == "value" and previous.get("intent") in ("compare", "aggregate") and FOLLOW_UP.search(text) \
                    and (q.year_range or len(q.bodies) + len(q.report_ids) > 1):
                q.intent = previous["intent"]   # …比2023年多多少？行政许可呢？: the same comparison of another row
            if q.intent == "value" and previous.get("intent") == "list" and q.metric and not q.bodies:
                q.intent = "list"   # “哪些…复议或诉讼不为零”: the second row is listed as the first
            if q.intent == "out_of_scope" and previous.get("intent") != "out_of_scope" and not OFF_TOPIC.search(text):
                q.intent = "narrative"
        else:
            q = apply_context(q, previous)
        if filters:
            q = apply_filters(q, tuple(filters.get("bodies") or ()), filters.get("year_from"), filters.get("year_to"),
                              filters.get("section") or "")
        if self._unplaced(q):
            q = self._read_with_model(q, bodies)
        return q

    @staticmethod
    def _unplaced(q: Query) -> bool:
        """A question the deterministic reader could not place on a table, a section or a claim."""
        return q.intent in ("narrative", "out_of_scope") and not q.section and not q.metric and not q.unknown_body

    def _read_with_model(self, q: Query, bodies: list[str]) -> Query:
        """With an LLM configured, it may map the question onto template keys, bodies and years; each part is
        checked against the template and the corpus, and the answer is still built from the records."""
        from . import llm

        if not llm.enabled(self.settings):
            return q
        years = sorted({r["year"] for r in self.corpus()[0] if r["year"]})
        reading, _ = llm.read(self.settings, q.question, bodies, years)
        if reading is None:
            return q
        q.intent, q.metric, q.section = reading["intent"], reading["metric"], reading["section"]
        q.metric_word = " ".join(x for x in cell_label(q.metric.replace("*", "total")) if x) if q.metric else ""
        if reading["bodies"]:
            q.bodies = tuple(reading["bodies"])
        if len(reading["years"]) == 1:
            q.year = reading["years"][0]
        elif reading["years"]:
            q.year, q.years = None, tuple(reading["years"])
            q.year_range = (min(reading["years"]), max(reading["years"]))
        q.read_by_model = True
        return q

    def _answer(self, q: Query, reports: list[dict]) -> Answer:
        if q.section == "problems" and q.year and re.search(r"打算|准备|计划|将要|改进|下一步|重点做|怎么推进|如何推进", q.text) \
                and not self._targets(q, reports):
            # the measures for a year are written in the year before's report (2024年报：2025年将…)
            earlier = replace(q, year=q.year - 1, years=(q.year - 1,))
            if self._targets(earlier, reports):
                earlier.year_note = (q.year_note + "。" if q.year_note else "") + \
                    f"{q.year}年的改进打算见{q.year - 1}年报告第五部分"
                q = earlier
        try:
            ans = getattr(self, HANDLERS[self._intent_of(q)])(q, reports)
        except Exception as e:  # an answer must come back; say what failed, and log where
            import logging

            logging.getLogger("nianbao").exception("answering %r failed", q.question)
            ans = Answer(q.question, status="error", answer=f"处理问题时出错：{type(e).__name__}")
        if ans.route == "text" and ans.status == "answered" and ans.citations:
            self._phrase(ans)
        notes = []
        if q.fuzzy:
            notes.append(f"按“{q.fuzzy[1]}”理解“{q.fuzzy[0]}”。")
        for typed, read in q.spelling:
            notes.append(f"按“{read}”理解“{typed}”。")
        if q.year_note:
            notes.append(q.year_note + "。")
        if q.english:
            notes.append("Answered from the Chinese reports; quotes stay in Chinese.")
        if q.read_by_model:
            notes.append("问题由语言模型读成查询，数字仍取自报告表格。")
        if notes and ans.status != "out_of_scope":
            ans.answer = "（" + " ".join(notes) + "）\n" + ans.answer
        return ans

    # ---- intents ------------------------------------------------------------------------

    @staticmethod
    def _intent_of(q: Query) -> str:
        """The handler a question goes to (see HANDLERS)."""
        if q.intent == "out_of_scope":
            return "out_of_scope"
        if q.unknown_body and not q.bodies and not q.report_ids:
            return "unknown_body"
        if q.intent in ("aggregate", "compare") and not (q.ratio or q.metric):
            return "narrative"
        if q.intent in ("list", "value") and not q.metric:
            return "narrative"
        return q.intent if q.intent in HANDLERS else "narrative"

    def _out_of_scope(self, q: Query, reports: list[dict]) -> Answer:
        return Answer(q.question, status="out_of_scope", route="text",
                      answer="这个问题不在政府信息公开工作年度报告的范围内，本工具无法回答。")

    def _unknown_body(self, q: Query, reports: list[dict]) -> Answer:
        """A body the corpus does not hold: said, with the closest names, and never another body's numbers."""
        near = "、".join(q.closest)
        return Answer(q.question, status="not_found", route="claim" if q.intent == "claim" else
                      ("table" if q.metric else "text"), verdict="not_found" if q.intent == "claim" else None,
                      answer=f"语料中没有“{q.unknown_body}”的年度报告，无法回答，也不会用其他单位的数据代替。"
                             + (f"语料中名称最接近的单位：{near}。" if near else "")
                             + "可用 nianbao reports 或“报告”页查看已收录的单位。")

    def _inventory(self, q: Query, reports: list[dict]) -> Answer:
        return inventory(self, Answer(q.question, route="table"), q, reports, q.inventory)

    # ---- table ----------------------------------------------------------------------

    def _targets(self, q: Query, reports: list[dict], by_template: bool = True) -> list[dict]:
        out = [r for r in reports if r["template"] != "pre-2019"]
        if q.year:
            out = [r for r in out if r["year"] == q.year]
        elif q.year_range:
            out = [r for r in out if r["year"] and q.year_range[0] <= r["year"] <= q.year_range[1]]
            if len(set(q.years)) >= 2 and not re.search(r"(?:19|20)\d\d\s*年?\s*(?:—|-|–|至|到)", q.text):
                out = [r for r in out if r["year"] in q.years]   # years listed (2020年和2025年), not a span
        if q.bodies or q.report_ids:
            out = [r for r in out if r["body"] in q.bodies or r["report_id"] in q.report_ids]
        elif q.zone_only:
            out = [r for r in out if r["kind"] == "zone" or (not r["body"] and r["kind"] == "unknown")]
        version = template_named(q.text) if by_template else None
        if version:   # 用2021版表格的报告里…, 旧版表格的…: those reports only
            out = [r for r in out if r["template"] == version]
        return out

    @staticmethod
    def _column_lacking(q: Query, r: dict) -> str:
        """When a question names a table-2 column the row of this report's template version does not print (收费金额
        of the 2019 行政事业性收费 row): the words saying so; '' otherwise."""
        parts = q.metric.split(".")
        if len(parts) != 3 or parts[0] != "proactive" or parts[2] != "*" or r["template"] not in T.VERSIONS:
            return ""
        row = T.PROACTIVE.row(parts[1], r["template"])
        if row is None:
            return ""
        named = lambda c: any(w in q.text for w in (c.label, *c.words) if len(w) >= 2 and not w.isascii())
        if any(named(c) for c in T.PROACTIVE.columns if c.key in row.columns):
            return ""
        others = [c for x in T.PROACTIVE.rows if x.key == row.key and x is not row
                  for c in T.PROACTIVE.columns if c.key in x.columns and c.key not in row.columns and named(c)]
        if not others:
            return ""
        have = "、".join(T.PROACTIVE.column(k).label for k in row.columns)
        return (f"该报告用{r['template']}年版表格，表二“{row.label}”一行没有“{others[0].label}”一栏（只有{have}），"
                f"报告未提供这一数字。")

    def _table(self, q: Query, reports: list[dict]) -> Answer:
        ans = Answer(q.question, route="table")
        targets = self._targets(q, reports)
        if not targets:
            return self._no_reports(ans, q)
        lines, got, blank, first_n, shown_facts, lacked = [], [], [], {}, {}, []
        for r in targets:
            # a list over a table-2 row shows the row and counts by its main column (行政许可: 本年处理决定数量)
            listing_row = q.intent == "list" and q.metric.startswith("proactive.") and q.metric.endswith("*")
            facts = list(self.store.facts(key=q.metric, report_id=r["report_id"]))
            if not facts:
                blank.append(r)
                table = q.metric.split(".")[0]
                if self.store.facts(key=f"{table}.*", report_id=r["report_id"]):
                    # the table is there without this row (海坛 2023 prints no 规章 row): the report has no such cell,
                    # which is not a cell left blank
                    lacked.append(r)
                    lines.append(f"{_name(r['body'])}（{r['year']}年）：{T.cell_label(q.metric.replace('*', 'total'))[0] or '该表'}"
                                 f"中没有这一行，报告未提供这一数字。 [{cite_report(ans, self.store, r)}]")
                else:
                    lines.append(f"{_name(r['body'])}（{r['year']}年）：报告中未找到该表。")
                continue
            lacking = self._column_lacking(q, r)
            if lacking:
                # the column asked is not in this version's row (2019年版 行政事业性收费 has no 收费金额): said so, not
                # answered with the row's other columns
                blank.append(r)
                lacked.append(r)
                lines.append(f"{_name(r['body'])}（{r['year']}年）：{lacking} [{cite_report(ans, self.store, r)}]")
                continue
            parts = []
            shown_facts[r["report_id"]] = facts
            for f in facts:
                n = self._cite_fact(ans, r, f)
                first_n.setdefault(r["report_id"], n)
                shown = value_text(f)
                _, row, col = f["key"].split(".")
                if len({x["key"].split(".")[1] for x in facts}) > 1:   # a group: each of its rows by name
                    label = T.row_label(f["key"].split(".")[0], row, with_group=False)
                    if len({x["key"].split(".")[2] for x in facts}) > 1:   # …and of its columns (结果如何)
                        label += " " + COLUMNS.get(col, col)
                else:
                    group = q.metric.rsplit(".", 1)[-1] in T.COLUMN_GROUPS   # 法人或其他组织: each of its columns
                    label = COLUMNS.get(col, col) if q.metric.endswith("*") or group else ""
                parts.append(f"{label + ' ' if label else ''}{shown} [{n}]" + beside(self, ans, q, r, f))
            values = [f["value"] for f in facts]
            if listing_row:
                main = main_key(q.metric, r["template"])
                values = [f["value"] for f in facts if f["key"] == main] or values
            if len(facts) > 1 and q.metric.rsplit(".", 1)[-1] in T.COLUMN_GROUPS and any(v is not None for v in values):
                parts.insert(0, f"合计 {_fmt(sum(v for v in values if v is not None))}")
            elif len({x["key"].split(".")[1] for x in facts}) > 1 and any(v is not None for v in values):
                # over a group's rows: their 总计 cells where shown, so no cell is counted twice
                totals = [f["value"] for f in facts if f["key"].endswith(".total") and f["value"] is not None]
                summed = totals if len({x["key"].split(".")[2] for x in facts}) > 1 and totals else \
                    [v for v in values if v is not None]
                parts.insert(0, f"合计 {_fmt(sum(summed))}")
            if all(v is None for v in values):
                blank.append(r)
            else:
                got.append((r, values))
            lines.append(f"{_label(r)}（{r['year']}年）：" + "；".join(parts))
            self._related_findings(ans, r["report_id"], q.metric)
        if q.intent == "list" and (not q.metric.endswith("*") or q.metric.startswith("proactive.")):
            # a 0 whose own columns say otherwise is listed with them, not among the zeros
            disputed = {r["report_id"] for r, ln in zip(targets, lines) if "总计与各列之和不符" in ln}
            # a group (不予公开) counts by the sum of its rows
            total = {r["report_id"]: sum(x for x in v if x is not None) for r, v in got}
            received = [(r, total[r["report_id"]]) for r, v in got if total[r["report_id"]] or r["report_id"] in disputed]
            bound = re.search(r"(超过|大于|多于|高于|不少于|至少|不低于|少于|低于|不到|不足)\s*(\d+(?:\.\d+)?)", q.text)
            if bound:   # 行政处罚超过100的: the ones past the bound, the rest beside them
                n, op = float(bound.group(2)), bound.group(1)
                keep = (lambda v: v >= n) if op in ("不少于", "至少", "不低于") else \
                    (lambda v: v < n) if op in ("少于", "低于", "不到", "不足") else (lambda v: v > n)
                kept = {r["report_id"] for r, v in got if keep(total[r["report_id"]])}
                received = [(r, v) for r, v in received if r["report_id"] in kept]
            none = [r for r, v in got if not total[r["report_id"]] and r["report_id"] not in disputed]
            head = f"{q.year or ''}{'年' if q.year else ''}{q.metric_word}" + (f"（{bound.group(1)}{bound.group(2)}）" if bound else "") + "："
            received_ids = {r["report_id"] for r, _ in received}
            body = [ln for r, ln in zip(targets, lines) if r["report_id"] in received_ids]
            if not received:
                body = ["没有单位的该项数据" + (f"{bound.group(1)}{bound.group(2)}。" if bound else "大于0。")]
            extra = []
            years = len({r["year"] for r in targets}) > 1
            who = lambda r: _name(r["body"]) + (f"（{r['year']}年）" if years else "")  # noqa: E731
            if none:
                zero = "为0（未收到）的单位：" if q.metric.startswith("applications.new_received") else "为0的单位："
                extra.append(zero + "、".join(f"{who(r)} [{first_n[r['report_id']]}]" for r in none))
            # a cell printed but not readable (fused digits) is not a blank one
            unsure = [r for r in blank if any(f["raw"] for f in shown_facts.get(r["report_id"], []))]
            for what, which in (("未填报的单位：", [r for r in blank if r not in unsure]),
                                ("数字无法确定的单位（表格数字连写）：", unsure)):
                if which:
                    extra.append(what + "、".join(
                        f"{who(r)}" + (f" [{first_n[r['report_id']]}]" if r["report_id"] in first_n else "") for r in which))
            if re.search(r"没有|没|未|无", q.text) and re.search(r"哪些|哪几", q.text):
                # 哪些单位没有收到: the zeros are the answer, the others beside them
                zeros = [x for x in extra if x.startswith("为0")]
                rest = [x for x in extra if not x.startswith("为0")]
                others = ["其余单位：" + "、".join(f"{who(r)} {_fmt(v)} [{first_n[r['report_id']]}]" for r, v in received)] \
                    if received else []
                body = (zeros or ["没有为0的单位。"]) + others + rest
                extra = []
            ans.answer = head + "\n" + "\n".join(body + extra)
        else:
            ans.answer = f"{q.metric_word}：\n" + "\n".join(lines)
            if len(got) == 1 and not any(got[0][1]) and \
                    re.search(r"有没有|是否|有无|吗|\bany\b|^(?:did|was|were|is|are|has|have)\b", q.question.strip(), re.I):
                # asked whether there were any, and the table says none: the text saying so in words, beside it
                r = got[0][0]
                for clause in negative_statements(self.store.report(r["report_id"])["text"], said_of(q.text, q),
                                                  _row_words(q.metric))[:1]:
                    n = self.cite_quote(ans, r, clause)
                    ans.answer += f"\n报告正文：“{clause}” [{n}]"
        if not got:   # (a column the template version does not print is not found, not left blank)
            ans.status = "not_found" if lacked and len(lacked) == len(blank) else "not_reported"
        return ans

    def _cite_fact(self, ans: Answer, r: dict, f: dict) -> int:
        ans.facts.append({k: f.get(k) for k in ("report_id", "source_file", "body", "year", "key", "value", "unit", "raw",
                                                "page")})
        return cite_cell(ans, r, f)

    def _related_findings(self, ans: Answer, report_id: str, metric: str) -> None:
        stem = metric.rstrip("*").rstrip(".")
        row = ".".join(stem.split(".")[:2])
        for g in self.store.findings(report_id):
            if g["key"] and (g["key"].startswith(row) or (g["kind"] == "contradiction" and row.startswith("applications"))):
                if g["kind"] in ("contradiction", "arithmetic", "ambiguous", "cross_year") and \
                        not any(x["message"] == g["message"] for x in ans.findings):
                    ans.findings.append({"report_id": report_id, "kind": g["kind"], "message": g["message"]})

    # ---- aggregates, comparisons, coverage ---------------------------------------------

    def _values(self, ans: Answer, r: dict, key: str) -> tuple[float | None, int | None]:
        """A metric's value in one report, cited: one cell, or the sum of a group's cells (不予公开 = its eight
        reasons); (None, None) when the table lacks it, (None, n) when every cell is blank."""
        key = main_key(key, r["template"]) if key.endswith("*") else key
        facts = list(self.store.facts(key=key, report_id=r["report_id"]))
        if "*" not in key and key.rsplit(".", 1)[-1] not in T.COLUMN_GROUPS:
            facts = [f for f in facts if f["key"] == key]
        if not facts:
            return None, None
        if len(facts) == 1:
            return facts[0]["value"], self._cite_fact(ans, r, facts[0])
        known = [f for f in facts if f["value"] is not None]
        marks = [self._cite_fact(ans, r, f) for f in (known or facts)]
        return (sum(f["value"] for f in known) if known else None), marks[0]

    def _ratio(self, ans: Answer, r: dict, name: str) -> tuple[float | None, str]:
        """A ratio for one report, with its working shown and each cell cited."""
        word, nums, den = RATIOS[name]
        parts, total = [], 0.0
        for key in nums:
            v, n = self._values(ans, r, key)
            if v is None:
                return None, f"{_label(r)}（{r['year']}年）：无法计算，{key} 未填报" + (f" [{n}]" if n else "")
            total += v
            parts.append(f"{_fmt(v)} [{n}]")
        d, dn = self._values(ans, r, den)
        if d is None:
            return None, f"{_label(r)}（{r['year']}年）：无法计算，{den} 未填报" + (f" [{dn}]" if dn else "")
        if d == 0:
            return None, f"{_label(r)}（{r['year']}年）：无法计算，分母为0 [{dn}]"
        rate = total / d
        return rate, f"{_label(r)}（{r['year']}年）：{word} {rate:.1%} = ({' + '.join(parts)}) / {_fmt(d)} [{dn}]"

    def _aggregate(self, q: Query, reports: list[dict]) -> Answer:
        ans = Answer(q.question, route="table")
        targets = self._targets(q, reports)
        if not targets:
            return self._no_reports(ans, q)
        if q.ratio:
            word, nums, den = RATIOS[q.ratio]
            rows = [(r, *self._ratio(ans, r, q.ratio)) for r in targets]
            got = sorted([x for x in rows if x[1] is not None], key=lambda x: -x[1])
            rest = [x for x in rows if x[1] is None]
            formula = {"disclosure_rate": "（予以公开 + 部分公开）/ 办理结果总计",
                       "review_correction_rate": "行政复议结果纠正 / 行政复议总计"}[q.ratio]
            lines = [f"{word} = {formula}，按报告表格计算："] + [x[2] for x in got] + [x[2] for x in rest]
            ans.answer = "\n".join(lines)
            ans.status = "answered" if got else "not_reported"
            return ans
        if q.aggregate == "sum" and len(metrics_in(q.text, q.version)) >= 2:
            return self._sum_of_metrics(ans, targets, q.text)
        key = q.metric
        rows = []
        for r in targets:  # each report's own template version names its cell
            v, n = self._values(ans, r, main_key(q.metric, r["template"]))
            rows.append((r, v, n))
        got = [(r, v, n) for r, v, n in rows if v is not None]
        blank = [(r, n) for r, v, n in rows if v is None]
        if not got:
            ans.status = "not_reported"
            ans.answer = f"{q.metric_word}：所涉报告均未填报。"
            return ans
        word = q.metric_word
        lines = []
        if q.aggregate in ("sum", "mean"):
            total = sum(v for _, v, _ in got)
            value = total if q.aggregate == "sum" else total / len(got)
            lines.append(f"{word}{'合计' if q.aggregate == 'sum' else '平均'}：{_fmt(value)}（{len(got)}份报告）")
            lines += [f"  {_label(r)}（{r['year']}年）：{_fmt(v)} [{n}]" for r, v, n in got]
        else:
            ascending = q.aggregate == "min" or bool(re.search(r"从少到多|从低到高|从小到大", q.text))
            ordered = sorted(got, key=lambda x: x[1], reverse=not ascending)
            if q.aggregate in ("max", "min"):
                best = ordered[0][1]
                tops = [x for x in ordered if x[1] == best]
                if len(tops) == len(ordered) > 1:   # every one the same: no most or least to name
                    lines.append(f"{word}：所涉{len(ordered)}份报告均为{_fmt(best)}，没有{'最多' if q.aggregate == 'max' else '最少'}的一个。")
                else:
                    lines.append(f"{word}{'最多' if q.aggregate == 'max' else '最少'}：" + "、".join(
                        f"{_label(r)}（{r['year']}年）{_fmt(v)} [{n}]" for r, v, n in tops))
                lines.append("全部排序：")
            else:
                lines.append(f"{word}排序：")
            lines += [f"  {i + 1}. {_label(r)}（{r['year']}年）：{_fmt(v)} [{n}]" for i, (r, v, n) in enumerate(ordered)]
        printed = {(f["report_id"], f["key"]) for f in ans.facts if f["value"] is None and f["raw"]}
        unread = [(r, n) for r, n in blank if (r["report_id"], main_key(q.metric, r["template"])) in printed]
        for what, which in (("未填报（不计入）：", [b for b in blank if b not in unread]),
                            ("数字连写无法确定（不计入）：", unread)):
            if which:
                lines.append(what + "、".join(f"{_label(r)}（{r['year']}年）" + (f" [{n}]" if n else "") for r, n in which))
        for r, _, _ in rows:
            self._related_findings(ans, r["report_id"], key)
        ans.answer = "\n".join(lines)
        return ans

    def _compare(self, q: Query, reports: list[dict]) -> Answer:
        ans = Answer(q.question, route="table")
        if (len(q.bodies) + len(q.report_ids) > 1) and q.year and not CHANGE_WORDS.search(q.text):
            return self._compare_bodies(q, reports, ans)
        year_q = q.year
        q.year = None
        if year_q and not q.year_range:
            q.year_range = (year_q - 1, year_q)  # 2024年增长了吗：against the year before
        targets = self._targets(q, reports)
        if not targets:
            return self._no_reports(ans, q)
        key = main_key(q.metric)
        unit = T.unit_of(main_key(q.metric, targets[0]["template"])) if q.metric else ""   # 万元 kept beside each value
        by_body: dict[str, list] = {}
        checker = ClaimChecker(self)   # (table 3's balance, for a count the file leaves unreadable)
        for r in sorted(targets, key=lambda r: (r["body"], r["year"] or 0)):
            if q.ratio:
                v, text = self._ratio(ans, r, q.ratio)
                by_body.setdefault(r["body"], []).append((r, v, text.split("：", 1)[1]))
            else:
                v, n = self._values(ans, r, main_key(q.metric, r["template"]))
                shown = f"{_fmt(v)}{unit if v is not None else ''}" + (f" [{n}]" if n else "")
                balance = checker._balanced(r, main_key(q.metric, r["template"])) if v is None else None
                if balance:
                    # a count of table 3 the file leaves unreadable: the table's balance gives it, and the text's
                    # sentence saying none came in, where it is 0 (公安局 2019 本年新收 printed “0 00000”)
                    v = balance["value"]
                    shown += f"（按表三勾稽关系应为{_fmt(v)}：{self.cells_text(ans, r, balance['balance'])}）"
                    text = self.store.report(r["report_id"])["text"]
                    none = none_said(text) if v == 0 and balance["key"] == "applications.new_received.total" else []
                    for clause in none:
                        shown += f"；报告原文：“{clause}” [{self.cite_quote(ans, r, clause)}]"
                        ans.route = "both"
                by_body.setdefault(r["body"], []).append((r, v, shown))
        lines = [f"{q.metric_word}逐年变化："]
        for body, seq in by_body.items():
            lines.append(f"{_label(seq[0][0])}：")
            prev = None
            for r, v, shown in seq:
                change = ""
                gap = prev is not None and prev[0]["year"] != r["year"] - 1
                missing = f"语料中没有{r['year'] - 1}年的报告；"
                if prev is not None and v is not None and prev[1] is not None:
                    d = v - prev[1]
                    pct = f"，{d / prev[1]:+.1%}" if prev[1] else ""
                    change = f"（{missing if gap else ''}"\
                             f"较{prev[0]['year']}年{'增加' if d > 0 else '减少' if d < 0 else '持平'}"\
                             f"{_fmt(abs(d)) + unit if d else ''}{pct}）"
                elif gap:
                    change = f"（语料中没有{r['year'] - 1}年的报告，不作比较）"
                lines.append(f"  {r['year']}年：{shown}{change}")
                prev = (r, v)
            self._related_findings(ans, seq[-1][0]["report_id"], key)
        pair = [seq[0] for seq in by_body.values()] if len(by_body) == 2 and all(len(s) == 1 for s in by_body.values()) \
            else []
        if pair and None not in (pair[0][1], pair[1][1]):
            # two bodies, a year each (the Finance Bureau in 2021 or the zone in 2022): which is more, and by how much
            (r1, v1, _), (r2, v2, _) = sorted(pair, key=lambda p: -p[1])
            lines.append(f"{_label(r1)}（{r1['year']}年）比{_label(r2)}（{r2['year']}年）" +
                         (f"多{_fmt(v1 - v2)}{unit}" + (f"（多{(v1 - v2) / v2:.1%}）" if v2 else "") if v1 != v2 else "相同") + "。")
        ans.answer = "\n".join(lines)
        if all(v is None for seq in by_body.values() for _, v, _ in seq):
            ans.status = "not_reported"
        return ans

    def _compare_bodies(self, q: Query, reports: list[dict], ans: Answer) -> Answer:
        """Several bodies in one year: each value, largest first, and how far apart they are."""
        targets = self._targets(q, reports)
        if not targets:
            return self._no_reports(ans, q)
        unit = T.unit_of(main_key(q.metric, targets[0]["template"])) if q.metric else ""
        rows = []
        for r in targets:
            if q.ratio:
                v, text = self._ratio(ans, r, q.ratio)
                rows.append((r, v, text.split("：", 1)[1]))
            else:
                v, n = self._values(ans, r, main_key(q.metric, r["template"]))
                rows.append((r, v, f"{_fmt(v)}{unit if v is not None else ''}" + (f" [{n}]" if n else "")))
        known = sorted([x for x in rows if x[1] is not None], key=lambda x: -x[1])
        lines = [f"{q.year}年{q.metric_word}（从多到少）："]
        lines += [f"  {i + 1}. {_label(r)}：{shown}" for i, (r, _, shown) in enumerate(known)]
        lines += [f"  {_label(r)}：{shown}" for r, v, shown in rows if v is None]
        for body in q.bodies:
            if not any(r["body"] == body for r in targets):
                years = sorted({r["year"] for r in reports if r["body"] == body and r["year"]})
                lines.append(f"  {body}：语料中没有{q.year}年的报告（有{'、'.join(map(str, years))}年的）。")
        if len(known) >= 2:
            (a, va, _), (b, vb, _) = known[0], known[1]
            d = va - vb
            if d:
                pct = f"，多{d / vb:.1%}" if vb else ""
                lines.append(f"{_label(a)}比{_label(b)}多{_fmt(d)}{unit}{pct}。")
                if vb and re.search(r"倍", q.text):   # 是…的多少倍
                    lines.append(f"{_label(a)}是{_label(b)}的{va / vb:.2f}倍。")
            else:
                lines.append(f"{_label(a)}与{_label(b)}相同。")
        if not known:
            ans.status = "not_reported"
        ans.answer = "\n".join(lines)
        return ans

    def _coverage(self, q: Query, reports: list[dict]) -> Answer:
        ans = Answer(q.question, route="table")
        if q.year_range and (q.bodies or q.report_ids):
            return self._years_missing(ans, q, reports)
        year = q.year or max((r["year"] for r in reports if r["year"]), default=None)
        if q.year and q.bodies:
            # does this body have that year's report: yes with its title, or no with the years it has
            lines = []
            for body in q.bodies:
                mine = sorted((r for r in reports if r["body"] == body), key=lambda r: r["year"] or 0)
                that = [r for r in mine if r["year"] == q.year]
                if that:
                    lines.append(f"有：语料中有{body}{q.year}年的年度报告 [{cite_report(ans, self.store, that[0])}]。")
                else:
                    ans.status = "not_found"
                    lines.append(f"没有：语料中没有{body}{q.year}年的年度报告；有" +
                                 "、".join(f"{r['year']} [{cite_report(ans, self.store, r)}]" for r in mine) + "年的。")
            lines.append("说明：语料中没有，不等于该单位未发布。")
            ans.answer = "\n".join(lines)
            return ans
        scope = [r for r in reports if r["body"] and (not q.zone_only or r["kind"] == "zone")
                 and (not q.bodies or r["body"] in q.bodies)]
        have = {r["body"] for r in scope if r["year"] == year}
        missing: dict[str, list[dict]] = {}
        for r in scope:
            if r["body"] not in have:
                missing.setdefault(r["body"], []).append(r)
        if not missing:
            ans.answer = f"语料中各单位都有{year}年的年度报告（共{len(have)}个单位）。"
            return ans
        lines = [f"以下单位在语料中有其他年份的年度报告，但没有{year}年的："]
        for body, reps in sorted(missing.items()):
            cites = []
            for r in sorted(reps, key=lambda r: r["year"] or 0):
                cites.append(f"{r['year']} [{cite_report(ans, self.store, r)}]")
            lines.append(f"  {body}：有 {'、'.join(cites)} 年的报告")
        lines.append(f"有{year}年报告的单位：{len(have)}个。说明：语料中没有，不等于该单位未发布。")
        ans.answer = "\n".join(lines)
        return ans

    def _years_missing(self, ans: Answer, q: Query, reports: list[dict]) -> Answer:
        """Which years of a range a body's reports cover and which they miss (财政金融局2020到2025年缺哪年)."""
        lo, hi = q.year_range
        lines = []
        for body in q.bodies or ("",):
            reps = sorted((r for r in reports if (r["body"] == body if body else r["report_id"] in q.report_ids)
                           and r["year"] and lo <= r["year"] <= hi), key=lambda r: r["year"])
            have = []
            for r in reps:
                have.append(f"{r['year']} [{cite_report(ans, self.store, r)}]")
            gone = [str(y) for y in range(lo, hi + 1) if y not in {r["year"] for r in reps}]
            lines.append(f"{_name(body) if body else '该报告'}：{lo}—{hi}年中语料有{'、'.join(have) or '（无）'}年的报告"
                         + (f"；缺{'、'.join(gone)}年。" if gone else "，每一年都有。"))
        lines.append("说明：语料中没有，不等于该单位未发布。")
        ans.answer = "\n".join(lines)
        return ans

    def _no_reports(self, ans: Answer, q: Query) -> Answer:
        """No report for the bodies and years asked: said, with the years each body does have."""
        ans.status = "not_found"
        what = "、".join(q.bodies) or ("园区" if q.zone_only else "任何单位")
        when = f"{q.year}年" if q.year else (f"{q.year_range[0]}—{q.year_range[1]}年" if q.year_range else "")
        lines = [f"语料中没有{what}{when}的年度报告。"]
        for body in q.bodies:
            years = sorted({r["year"] for r in self.corpus()[0] if r["body"] == body and r["year"]})
            if years:
                lines.append(f"{body}在语料中有{'、'.join(map(str, years))}年的报告。")
        ans.answer = "".join(lines)
        return ans

    # ---- claims -----------------------------------------------------------------------

    def _claim(self, q: Query, reports: list[dict]) -> Answer:
        return ClaimChecker(self).claim(q, reports)

    def text_counts(self, r: dict, metric: str | None) -> list[tuple[float, str]]:
        """The narrative's own counts of a metric where they differ from its table, as found at ingestion
        (共收到申请16条 beside a table 3 of 9): (count, the words stating it)."""
        out = []
        for g in self.store.findings(r["report_id"]):
            m = re.match(r"text=(\d+);table=[\d.]+;quote=(.*)", g["detail"]) if g["kind"] == "contradiction" else None
            if m and metric and g["key"] == metric:
                out.append((float(m.group(1)), m.group(2)))
        return out

    def cells_text(self, ans: Answer, r: dict, cells: list[dict]) -> str:
        """Cells of report `r` by the template's labels, each with its value and cited: 予以公开 2 [3]，无法提供 … 1 [4]."""
        return "，".join(f"{_cell_name(x['key'])} {value_text(x)} [{self._cite_fact(ans, r, x)}]" for x in cells)

    def cite_quote(self, ans: Answer, r: dict, quote: str) -> int:
        """Cite a verbatim passage of report `r` under the section it stands in; returns its marker number."""
        return cite_passage(ans, self.store, r["report_id"], r["source_file"], r["body"], r["year"],
                            self._section_of(r["report_id"], quote), quote)

    def _section_of(self, report_id: str, quote: str) -> str:
        for s in self.store.sections(report_id):
            if quote in s.text or quote in s.heading:
                return s.key
        return "preamble"

    # ---- narrative ----------------------------------------------------------------------

    def _narrative(self, q: Query, reports: list[dict]) -> Answer:
        if q.section == "problems" and (not _topic_words(q) or _only_topics(q) or
                                        re.search(r"差不多|一样|雷同|重复|照抄|相同|换汤不换药|年年|每年都|"
                                                  r"第[一二三四五六七八九十\d]+(?:条|项|点|个|方面)", q.text)):
            return self._section_five(q, reports)
        ans = Answer(q.question, route="text")
        lo, hi = (q.year, q.year) if q.year else (q.year_range or (None, None))
        filters = Filters(bodies=q.bodies, report_ids=q.report_ids, year_from=lo, year_to=hi,
                          sections=(q.section,) if q.section else ())
        if q.zone_only and not q.bodies:
            filters = Filters(bodies=tuple(r["body"] for r in reports if r["kind"] == "zone"),
                              year_from=lo, year_to=hi, sections=filters.sections)
        if q.section and (q.bodies or q.report_ids) and (q.year or q.year_range):
            # the report asked has no such section (财政金融局 2021 ends without 六): not reported, said so
            targets = self._targets(q, reports)
            lacking = [r for r in targets if q.section not in {x.key for x in self.store.sections(r["report_id"])}]
            if targets and len(lacking) == len(targets):
                ans.status = "not_reported"
                ans.answer = "\n".join(f"{_label(r)}{r['year']}年报告中没有“{SECTION_TITLES.get(q.section, q.section)}”这一部分，"
                                       f"未报告相关内容。 [{cite_report(ans, self.store, r)}]" for r in lacking)
                return ans
        literal = self._literal_passages(q, reports, ans)
        if literal is not None:
            return literal
        if re.search(r"多少|几[条件个篇次项家场期人]|比例|占比|[条篇次场期息件]数(?!据)|数量", q.text) and not q.metric:
            counted = self._narrative_counts(q, reports, ans)
            if counted is not None:
                return counted
        k = 12 if not q.bodies else 6
        hits = self.index.search(q.text, filters, k=k)
        if hits and not q.section and (q.bodies or q.report_ids):
            # about one body: the passages of the section the best one comes from; a reason asked (为什么只统计9月到
            # 12月) is not given by the preamble's title, legal basis and contacts, where the body says anything else
            if re.search(r"为什么|为啥|为何|原因|怎么来的|\bwhy\b", q.text, re.I):
                hits = [h for h in hits if h.section != "preamble"] or hits
            hits = [h for h in hits if h.section == hits[0].section][:3]
        if not hits and self.index.dense_error:
            ans.status = "not_found"
            ans.answer = "语义检索暂不可用，关键词检索也没有找到相关内容。"
            return ans
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
                n = cite_passage(ans, self.store, rid, src, body, year, h.section, h.text)
                lines.append(f"  · {h.text} [{n}]")
        where = SECTION_TITLES.get(q.section, "")
        ans.answer = (f"摘自各报告“{where}”部分：\n" if where else "相关原文：\n") + "\n".join(lines)
        if self.index.dense_error:
            ans.answer = "（语义检索暂不可用，以下为关键词检索的结果。）\n" + ans.answer
        return ans

    def metric_sum(self, ans: Answer, r: dict, text: str) -> tuple[float, list[str], list[str]]:
        """(sum, ["无法提供 20 [3]", …], [metrics left blank]) of the metrics a text names, in one report, each
        cited; the report's own template version names the rows (其他处理: three rows from 2021)."""
        parts, total, blank = [], 0.0, []
        for key, label in metrics_in(text, r["template"] if r["template"] in T.VERSIONS else None):
            v, n = self._values(ans, r, main_key(key, r["template"]))
            if v is None:
                blank.append(label)
                continue
            total += v
            parts.append(f"{label} {_fmt(v)} [{n}]")
        return total, parts, blank

    def _sum_of_metrics(self, ans: Answer, targets: list[dict], text: str) -> Answer:
        """无法提供和其他处理合计: per report, each metric (a group summed over its rows) and their sum, cited;
        each report's own template version names the rows."""
        lines, totals = [], []
        for r in sorted(targets, key=lambda r: (r["body"], r["year"] or 0)):
            total, parts, blank = self.metric_sum(ans, r, text)
            if blank:
                lines.append(f"{_label(r)}（{r['year']}年）：{'、'.join(blank)}未填报；" + " + ".join(parts))
                continue
            totals.append(total)
            lines.append(f"{_label(r)}（{r['year']}年）：{' + '.join(parts)} = {_fmt(total)}")
        got = bool(totals)
        if len(totals) > 1:   # over several reports: their sum too
            lines.append(f"以上{len(totals)}份报告合计：{_fmt(sum(totals))}")
        ans.answer = "合计：\n" + "\n".join(lines)
        ans.status = "answered" if got else "not_reported"
        return ans

    def _literal_passages(self, q: Query, reports: list[dict], ans: Answer) -> Answer | None:
        """A term the question prints as is (H5, APP, 12345, 121条): every sentence of the reports asked that prints
        it, cited by section; None when the question has no such term or no report prints it."""
        if q.english:
            return None
        terms = re.findall(r"[A-Za-z]+\d+|\d+[A-Za-z]+|[A-Z]{2,}", q.text)
        if not terms and (q.bodies or q.report_ids) and q.year:
            # a count the question quotes from the report (主动公开的121条信息都分哪些类别)
            terms = [m.group(0) for m in re.finditer(r"\d+(?:\.\d+)?\s*(?:条|篇|期|场|次|个|家)", q.text)
                     if not re.fullmatch(r"(?:19|20)\d\d", m.group(0)[:4])]
        if not terms:
            return None
        targets = self._targets(q, reports)
        lines = []
        for r in sorted(targets, key=lambda r: (r["body"], r["year"] or 0)):
            found = []
            for sec in self.store.sections(r["report_id"]):
                if q.section and sec.key != q.section:
                    continue
                for sent in re.findall(r"[^。；！？\n]+[。；！？]?", sec.text):
                    if any(t.lower() in sent.lower() for t in terms) and len(sent) <= 300 and sent.strip() not in found:
                        found.append(sent.strip())
                        n = cite_passage(ans, self.store, r["report_id"], r["source_file"], r["body"], r["year"],
                                         sec.key, sent.strip())
                        lines.append(f"  · {sent.strip()} [{n}]")
            if found:
                lines.insert(len(lines) - len(found), f"{_label(r)}（{r['year']}年）")
        if not lines:
            return None
        where = SECTION_TITLES.get(q.section, "")
        ans.answer = f"写到“{'、'.join(terms)}”的原文" + (f"（“{where}”部分）" if where else "") + "：\n" + "\n".join(lines)
        return ans

    @staticmethod
    def _count_before(text: str, share: str, what: str) -> list[tuple[str, float, float]]:
        """The clause counting what a share is of, within the 120 characters before the share's clause: the last
        one with a count (not a percentage) sharing the words asked; [] when there is none."""
        from .claims import _bigrams

        at = text.find(share)
        if at < 0:
            return []
        want = _bigrams(what)
        for clause in reversed(re.findall(r"[^。；！？\n，,：:]+", text[max(0, at - 120):at])):
            m = re.search(r"(\d+(?:\.\d+)?)\s*[条件个篇项]", clause)
            if m and want and len(want & _bigrams(clause)) / len(want) >= 0.4:
                return [(clause.strip(), float(m.group(1)), 0.0)]
        return []

    def _narrative_counts(self, q: Query, reports: list[dict], ans: Answer) -> Answer | None:
        """A count only the text gives (主动公开政府信息多少条, 公众号发布多少篇): the clauses stating it, cited;
        None when no clause of the reports asked speaks of it."""
        targets = self._targets(q, reports)
        if not targets or len(targets) > 6:
            return None
        asked = re.search(r"(?:多少|几)\s*([条件个篇次项家场期人])|([条篇次场期件])数(?!据)", q.text)
        unit = (asked.group(1) or asked.group(2)) if asked else ("%" if re.search(r"比例|占比|百分之|比重|%|％", q.text) else "")
        what = said_of(q.text, q)
        summed = bool(re.search(r"加起来|合计|一共|总共|共计|之和|总和|累计", q.text))
        differs = bool(re.search(r"差了?(?:多少|几)|相差|差额|(?:多|少|增加|减少|增长|下降|涨|跌|降|升|变)了?(?:多少|几)|变化|怎么变|如何变|趋势|"
                                 r"哪一?年最[多少高低]|"
                                 r"哪一?年更?[多少高低]|哪个更?[多少高低]|谁更?[多少高低]|比一下|对比|比较", q.text))
        what = re.sub(r"(?:19|20)\d\d\s*年度?|(?:19|20)\d\d(?=[、和与及至到])|哪一?[年个家类种]?[更最]?[多少高低]|[这那](?=[一二三两几\d]*[年份个])|"
                      r"是?怎么变的?|怎样变化|如何变化|变化(?:情况|趋势)?|趋势|各是|分别是|数量|相比|有?多大|大不大|一下|看看|总数|(?<=[\u4e00-\u9fff])数(?=[，,？?]|$)|(?<=多少)[条件个篇次项家场期人]|(?:涨|跌|增长|下降|上升|降低|提高)了?(?=多少|几|$)|"
                      r"哪个更?[多少高低]|哪家更?[多少高低]|谁更?[多少高低]|"
                      r"多少|几[条件个篇次项家场期人]?|[条篇次场期]数|比一下|对比|比较|有|了|共|总共|一共|加起来|合计|之和|总和|"
                      r"分别|各|差|相差|增加|减少|[一二三四五六七八九十两几\d]+年|历年|所有|全部|[一二三四五六七八九十两几\d]+份|"
                      r"年报|报告|[、和，,？?（）()是]", "", what)
        lines, picked = [], []
        for r in sorted(targets, key=lambda r: (r["body"], r["year"] or 0)):
            text = self.store.report(r["report_id"])["text"]
            # (an English question's words are a glossary's guesses at the report's: fewer of them need match)
            # (a clause counting in the unit asked needs fewer of the words: 全年累计公开公安政府信息184条 for
            # 主动公开的政府信息条数)
            # (items of information are counted in 条 or 份 alike; the year's own count outranks a running total)
            units = "[条份]" if unit == "条" else re.escape(unit)
            # (多少问题: a clause counting the very thing asked, 曝光了16个问题, needs fewer of the words too)
            noun = re.search(r"(?:多少|几)\s*[个件条项]?([\u4e00-\u9fff]{2})", q.text)
            counted = rf"\d\s*[个件条项]?{noun.group(1)}" if noun and not unit else None
            ev = [e for e in narrative_evidence(text, what, -1.0, limit=12, year=r["year"] if unit != "%" else None)
                  if e[2] >= (0.45 if unit == "%" or q.english else
                              0.5 if unit and re.search(rf"\d\s*(?:余|多)?\s*{units}", e[0]) or
                              counted and re.search(counted, e[0]) else 0.6)]
            # (a clause read on into the next (总数425条，其中主动公开政府信息148条) stands for the clause alone: its count
            # is the one whose own words are asked)
            ev = [e for e in ev if not any(o[0] != e[0] and e[0] in o[0] for o in ev)]
            ev = [e for i, e in enumerate(ev) if e[0] not in [o[0] for o in ev[:i]]]   # each quote once
            # a share asked: the count it is the share of, printed in the sentence before it (…总数397条，其中主动公开
            # 政府信息61条，…。主动公开的政府信息占15.4%)
            counts = self._count_before(text, ev[0][0], what) if unit == "%" and ev else []
            if unit:   # 多少条: a clause counting in 条, not a percentage beside it (比例: the percentage)
                # (articles, meetings, people asked: a clause counting 条 of something else does not answer)
                ev = [e for e in ev if re.search(rf"\d\s*(?:余|多)?\s*{units}", re.sub(r"（[^（）]*）", "", e[0]))] or \
                    ([] if unit in "篇期场次人家" else ev)
            if not ev:
                continue
            best = ev[0][2]
            for i, (clause, value, overlap) in enumerate([e for e in ev if e[2] >= best - 0.15][:2] +
                                                         [e for e in counts if e not in ev[:2]]):
                clause = _closed(text, clause)
                n = self.cite_quote(ans, r, clause)
                lines.append(f"{_label(r)}（{r['year']}年）：“{clause}” [{n}]")
                if i == 0:
                    picked.append((r, value, n))
                    kinds = _breakdown(clause) if re.search(r"哪(?:一|个|些)?(?:类|种|方面|项)", q.question) else []
                    if kinds and re.search(r"最([多少])", q.question):
                        most = "最多" in q.question
                        pick = (max if most else min)(kinds, key=lambda k: k[1])
                        lines.append(f"  其中最{'多' if most else '少'}的是“{pick[0]}” {_fmt(pick[1])} [{n}]")
        if not lines:
            return None
        ans.answer = "报告正文中的说法：\n" + "\n".join(lines)
        if len(picked) >= 2 and (summed or differs):
            # the first-ranked clause of each report, added up or set against each other, each cited
            shown = [f"{r['year']}年 {_fmt(v)} [{n}]" for r, v, n in picked]
            missing = [f"{_label(r)}{r['year']}年" for r in targets if r not in [p[0] for p in picked]]
            if summed:
                ans.answer += f"\n按各报告正文首要说法合计：{' + '.join(shown)} = {_fmt(sum(v for _, v, _ in picked))}"
            elif len(picked) == 2:
                (r1, v1, _), (r2, v2, _) = picked
                d = v2 - v1
                ans.answer += (f"\n按各报告正文首要说法：{shown[0]}，{shown[1]}，" +
                               (f"{r2['year']}年较{r1['year']}年{'增加' if d > 0 else '减少'}{_fmt(abs(d))}" +
                                (f"（{d / v1:+.1%}）" if v1 else "") if d else "两者持平"))
            elif len({r["body"] for r, _, _ in picked}) == 1:
                # one body over several years: each year against the one before (107 → 61（减少46）→ 53（减少8）)
                steps = [shown[0]] + [f"{shown[i]}（较上一份{'增加' if v > picked[i - 1][1] else '减少' if v < picked[i - 1][1] else '持平'}"
                                      f"{_fmt(abs(v - picked[i - 1][1])) if v != picked[i - 1][1] else ''}）"
                                      for i, (_, v, _) in enumerate(picked) if i]
                ans.answer += "\n按各报告正文首要说法：" + " → ".join(steps)
            extreme = re.search(r"最([多少高低])", q.text)
            if extreme and len(picked) >= 2:
                pick = (max if extreme.group(1) in "多高" else min)(picked, key=lambda p: p[1])
                ans.answer += f"\n其中最{extreme.group(1)}的是{pick[0]['year']}年（{_label(pick[0])}）：{_fmt(pick[1])} [{pick[2]}]"
            if missing:
                ans.answer += f"（{'、'.join(missing)}的正文未找到该数字）"
        return ans

    def _section_five(self, q: Query, reports: list[dict]) -> Answer:
        """Problems or measures listed per report (body, year) from section 五, each item verbatim and cited."""
        ans = Answer(q.question, route="text")
        targets = sorted(self._targets(q, reports), key=lambda r: (r["body"], r["year"] or 0))
        if not targets:
            return self._no_reports(ans, q)
        want = "measures" if re.search(r"改进|措施|整改|举措|怎么办|如何|打算|计划|安排|准备|下一步|下一阶段|下阶段|接下来",
                                       q.text) else "problems"
        # both asked (问题和措施, 有什么问题，措施是什么), not measures for a problem (针对问题的改进措施)
        if want == "measures" and (re.search(r"(?:问题|不足)[^的]{0,6}?(?:和|及|与|，|,|、|；|？|\?|以及|还有|又)", q.text) or
                                   re.search(r"(?:措施|改进)[^的]{0,6}?(?:和|及|与|，|,|、)[^的]{0,6}?(?:问题|不足)", q.text) or
                                   # each in a clause of its own (What problems did it identify…, and what fixes…)
                                   re.search(r"(?:问题|不足)[^，,。？?；;]*[，,；;][^，,。？?；;]*(?:措施|改进)", q.text) and
                                   not re.search(r"针对|对于|解决", q.text)):
            want = "both"
        limit = 40
        lines, missing = [], []
        asked = set(topics(q.text))
        literal = [] if q.english else re.findall(r"[A-Za-z]+\d+|\d+[A-Za-z]+|[A-Z]{2,}", q.text)
        asked = asked or ({"literal"} if literal else set())
        kinds = {"problems": ("problems",), "measures": ("measures",), "both": ("problems", "measures")}[want]
        bodies = {r["body"] for r in targets}
        # every year of the bodies asked, so that a year repeating an earlier one is found
        fives = from_store(self.store, [r for r in reports if r["body"] in bodies and r["body"]] +
                           [r for r in targets if not r["body"]])
        for r in targets[:limit]:
            five = fives.get(r["report_id"])
            if five is None:
                missing.append(r)
                continue
            s5 = five.section
            chosen = [(k, it) for k in kinds for it in getattr(s5, k)
                      if not asked or asked & set(topics(it.text))]
            if literal:   # a term printed as is (H5, APP, 12345): the items that print it
                chosen = [(k, it) for k, it in chosen if any(w.lower() in it.text.lower() for w in literal)]
            nth = re.search(r"第([一二三四五六七八九十\d]+)(?:条|项|点|个|方面)", q.text)
            if nth and len(kinds) == 1:   # 改进措施里第四条: that item alone
                i = int(nth.group(1)) if nth.group(1).isdigit() else NUMBERS.get(nth.group(1), 0)
                items = [c for c in chosen if not re.search(r"[：:]\s*$", c[1].text)]   # a lead-in is not an item
                chosen = items[i - 1:i] if 0 < i <= len(items) else chosen
            if asked and not chosen and len(targets) == 1:
                # one report asked, with no item on the topic in the question's words: all its items, to read
                chosen = [(k, it) for k in kinds for it in getattr(s5, k)]
            if asked and not chosen:
                continue
            lines.append(f"{_label(r)}（{r['year']}年）")
            if "problems" in kinds and s5.general_only and s5.statement is not None:
                n = cite_passage(ans, self.store, r["report_id"], r["source_file"], r["body"], r["year"], "problems",
                                 s5.statement.text)
                lines.append(f"  报告没有列出具体问题，只说：“{excerpt(s5.statement.text)}” [{n}]")
            for kind, it in chosen:
                quote = excerpt(it.text)
                n = cite_passage(ans, self.store, r["report_id"], r["source_file"], r["body"], r["year"], "problems",
                                 quote)
                tag = "问题" if kind == "problems" and want == "both" else "措施" if want == "both" else ""
                lines.append(f"  · {(tag + '：') if tag else ''}{quote} [{n}]")
            note = five.note(kinds)
            if note:
                lines.append(f"  （注：{note}）")
        if not ans.citations:
            ans.status = "not_found"
            ans.answer = "所涉报告中没有找到第五部分“存在的主要问题及改进情况”。"
            return ans
        what = {"measures": "改进措施", "problems": "存在的主要问题", "both": "存在的问题及改进措施"}[want]
        head = f"各报告第五部分列出的{what}（按单位和年份）：" if len(targets) > 1 else f"报告第五部分列出的{what}："
        if missing:
            lines.append("未找到第五部分的报告：" + "、".join(f"{_label(r)}（{r['year']}年）" for r in missing))
        if len(targets) > limit:
            lines.append(f"（共{len(targets)}份报告，只列出前{limit}份；请按单位或年份缩小范围。）")
        ans.answer = head + "\n" + "\n".join(lines)
        return ans

    def close(self) -> None:
        """Close the store."""
        self.store.close()


CHANGE_WORDS = re.compile(r"增长|增加|下降|减少|变化|趋势|逐年|历年")

# Intent → the Answerer's handler. One table: the router's intents, the answer code's entry points.
HANDLERS: dict[str, str] = {
    "out_of_scope": "_out_of_scope", "unknown_body": "_unknown_body", "claim": "_claim", "coverage": "_coverage",
    "inventory": "_inventory", "aggregate": "_aggregate", "compare": "_compare", "list": "_table",
    "value": "_table", "narrative": "_narrative",
}

_default: Answerer | None = None


def ask(question: str, settings: Settings | None = None) -> Answer:
    """Answer one question with the store under the settings in effect."""
    global _default
    if _default is None or (settings is not None and settings != _default.settings):
        _default = Answerer(settings)
    return _default.ask(question)
