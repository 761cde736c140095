"""The Gradio app: chat with cited sources, the table records, and the reports.

Every answer comes from the same `ask()` as the command line. Every piece of
text from a report or an upload is escaped before it reaches the page.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from nianbao.index.ingest import ingest_paths
from nianbao.index.search import SearchIndex, tokenize
from nianbao.index.settings import Settings
from nianbao.index.store import Store
from nianbao.ingest.loaders import SUPPORTED_SUFFIXES
from nianbao.ingest.records import SECTION_TITLES, TABLE_NAMES

from .answer import Answer, Answerer
from nianbao.ingest import template as T

from .labels import cell_name, section_name
from .measures import excerpt, from_store

EXAMPLES = [
    "2024年哪些园区收到了政府信息公开申请？",
    "临港开发区2024年主动公开政府信息1801条，对吗？",
    "洋口港经济开发区存在哪些问题？",
    "靖江园区2020年行政处罚情况",
    "平潭综合实验区公安局2024年提出了哪些改进措施？",
]
STATUS = {
    "answered": ("已回答", "ok"), "not_found": ("语料中没有相关内容", "warn"), "not_reported": ("报告未填报", "warn"),
    "out_of_scope": ("超出年报范围", "muted"), "error": ("出错", "bad"),
}
VERDICT = {"supported": "属实", "contradicted": "不属实", "conflicting": "正文与表格不一致", "not_found": "无法核实"}
SECTIONS = [("全部", "")] + [(SECTION_TITLES[k], k) for k in ("overview", "proactive", "applications", "appeals",
                                                            "problems", "other")]
TABLES = [("全部", "")] + [(f"{t.name} {t.title}", t.key) for t in T.TABLES]

CSS = """
.src { border-left: 3px solid #c9d3e0; padding: 6px 10px; margin: 8px 0; background: #fafbfc; }
.src.src-active { border-left-color: #d9480f; background: #fff4e6; }
.src .src-head { font-weight: 600; }
.src mark { background: #ffe066; padding: 0 1px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 10px; font-weight: 600; }
.badge.ok { background: #d3f9d8; color: #2b8a3e; } .badge.warn { background: #fff3bf; color: #8f5b00; }
.badge.bad { background: #ffe3e3; color: #c92a2a; } .badge.muted { background: #e9ecef; color: #495057; }
.warning { background: #fff4e6; border: 1px solid #ffa94d; padding: 6px 10px; margin: 4px 0; border-radius: 4px; }
.report-text { white-space: pre-wrap; font-size: 14px; }
"""
# Clicking a [n] marker in an answer brings its source into view.
HEAD = """<script>
document.addEventListener('click', function (e) {
  const a = e.target.closest && e.target.closest('a');
  if (!a) return;
  const m = (a.getAttribute('href') || '').match(/#src-(\\d+)$/);
  if (!m) return;
  e.preventDefault(); e.stopPropagation();
  const el = document.getElementById('src-' + m[1]);
  if (!el) return;
  document.querySelectorAll('.src.src-active').forEach(x => x.classList.remove('src-active'));
  el.classList.add('src-active');
  el.scrollIntoView({block: 'center'});
}, true);
</script>"""


# ---- rendering (pure functions: tested without a browser) --------------------------

def answer_markdown(ans: Answer) -> str:
    """The answer as chat markdown: text escaped, [n] markers linked to their sources."""
    text = html.escape(ans.answer, quote=False)
    text = re.sub(r"([\\`*_{}#+!|~])", r"\\\1", text)  # report text is never markup
    text = re.sub(r"\\?\[(\d+)\\?\]", lambda m: f"[[{m.group(1)}]](#src-{m.group(1)})", text)
    if ans.verdict:
        text = f"**核实结果：{VERDICT.get(ans.verdict, ans.verdict)}**\n\n{text}"
    return text


def _highlight(text: str, terms: list[str]) -> str:
    """Escape text and mark the terms in it."""
    terms = sorted({t for t in terms if t and t in text}, key=len, reverse=True)
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def cited_terms(question: str, ans: Answer) -> list[str]:
    """Words of the question (and a claim's number) worth marking in the quotes."""
    terms = [t for t in tokenize(question) if len(t) >= 2 and not re.fullmatch(r"(?:19|20)\d\d", t)]
    terms += re.findall(r"\d+(?:\.\d+)?", question) if ans.route == "claim" else []
    stop = {"哪些", "什么", "多少", "情况", "对吗", "是否", "存在", "提出", "政府", "信息", "公开", "年度", "报告"}
    return [t for t in terms if t not in stop]


def sources_html(ans: Answer) -> str:
    """The sources panel: one block per citation, anchored as src-n."""
    if not ans.citations:
        return "<p>（没有引用来源）</p>"
    terms = cited_terms(ans.question, ans)
    facts = {(f["report_id"], f["key"]): f for f in ans.facts}
    blocks = []
    for c in ans.citations:
        who = html.escape(c["body"] or "（未署名单位）")
        head = f"[{c['n']}] {who} · {c['year']}年 · {html.escape(section_name(c['section']))}"
        if c.get("page"):
            head += f" · 第{c['page']}页"
        if c.get("ocr") is not None:
            head += f" · OCR识别（置信度{c['ocr']:.2f}）"
        if c["key"]:
            table, row, col = cell_name(c["key"])
            f = facts.get((c["report_id"], c["key"]), {})
            raw = f.get("raw", "")
            value = "未填报（空白）" if f.get("value") is None else html.escape(f"{raw}{f.get('unit', '')}")
            body = (f"<div>{html.escape(table)} · 行：{html.escape(row)} · 列：{html.escape(col or '—')}</div>"
                    f"<div>单元格：<mark>{value}</mark> <code>{html.escape(c['key'])}</code></div>")
        else:
            body = f"<div>“{_highlight(c['quote'], terms)}”</div>"
        blocks.append(f"<div class='src' id='src-{c['n']}'><div class='src-head'>{head}</div>{body}"
                      f"<div><small>{html.escape(c['source_file'])}</small></div></div>")
    return "\n".join(blocks)


def status_html(ans: Answer) -> str:
    """The answer's status as a badge, with the route and the time taken."""
    label, cls = STATUS.get(ans.status, (ans.status, "muted"))
    route = {"table": "表格数据", "text": "报告原文", "claim": "核实说法", "both": "表格与原文", "mixed": "表格、原文与核实"}.get(ans.route, ans.route)
    verdict = f" · {VERDICT[ans.verdict]}" if ans.verdict else ""
    return (f"<span class='badge {cls}' data-status='{html.escape(ans.status)}'>{label}{verdict}</span> "
            f"<small>来源：{route} · {ans.latency_ms:.0f} ms</small>")


def warnings_html(ans: Answer) -> str:
    """Findings that bear on the answer, as visible warnings."""
    return "".join(f"<div class='warning'>⚠ {html.escape(w['message'])}</div>" for w in ans.findings)


# ---- the data behind the tabs -----------------------------------------------------------

def facts_frame(store: Store, body: str = "", year=None, table: str = "", metric: str = ""):
    """Table records as rows people read: 未填报 for blank cells."""
    import pandas as pd

    key = table or None
    if metric:
        key = metric
    rows = []
    for f in store.facts(body=body or None, year=int(year) if year else None, key=key):
        if table and not f["key"].startswith(table + "."):
            continue
        t, row, col = cell_name(f["key"])
        rows.append({"单位": f["body"] or "（未署名单位）", "年份": f["year"], "表": t, "行": row, "列": col,
                     "值": "未填报" if f["value"] is None else f["value"], "原文": f["raw"], "单位符号": f["unit"],
                     "键": f["key"], "文件": f["source_file"]})
    return pd.DataFrame(rows, columns=["单位", "年份", "表", "行", "列", "值", "原文", "单位符号", "键", "文件"])


def applications_frame(store: Store):
    """Applications received (表三 本年新收, 总计) per body and year; blank cells left out."""
    import pandas as pd

    rows = [{"单位": f["body"] or "（未署名单位）", "年份": str(f["year"]), "新收申请": f["value"]}
            for f in store.facts(key="applications.new_received.total") if f["value"] is not None]
    return pd.DataFrame(rows, columns=["单位", "年份", "新收申请"])


def outcomes_frame(store: Store, report_id: str):
    """Outcome rows of 表三 (总计 column) for one report."""
    import pandas as pd

    rows = []
    outcomes = set(T.outcome_rows("2019")) | set(T.outcome_rows("2021"))
    for f in store.facts(report_id=report_id, key="applications"):
        _, row, col = f["key"].split(".")
        if col == "total" and row in outcomes and f["value"] is not None:
            rows.append({"办理结果": cell_name(f["key"])[1], "件数": f["value"]})
    return pd.DataFrame(rows, columns=["办理结果", "件数"])


def reports_frame(store: Store):
    """One row per report."""
    import pandas as pd

    kinds = {"zone": "园区/开发区", "department": "部门", "government": "政府/管理局", "unknown": "未知"}
    rows = [{"单位": r["body"] or f"（未署名单位{('，' + r['region']) if r['region'] else ''}）", "年份": r["year"],
             "模板": r["template"], "类型": kinds.get(r["kind"], r["kind"]),
             "章节": len(r["sections"]), "表格": "、".join(TABLE_NAMES.get(t, t) for t in r["tables"]),
             "发现": r["findings"], "文件": r["source_file"], "id": r["report_id"][:12]} for r in store.reports()]
    return pd.DataFrame(rows, columns=["单位", "年份", "模板", "类型", "章节", "表格", "发现", "文件", "id"])


def report_html(store: Store, report_id: str) -> str:
    """A report's findings and its sections as text, escaped."""
    r = store.report(report_id) if report_id else None
    if r is None:
        return "<p>请选择一份报告。</p>"
    parts = [f"<h3>{html.escape(r['title'] or r['source_file'])}</h3>"]
    findings = store.findings(report_id)
    if findings:
        parts.append("<h4>发现的问题</h4>" + "".join(
            f"<div class='warning'>{html.escape(g['message'])}</div>" for g in findings))
    same_body = [x for x in store.reports() if x["body"] == r["body"]] if r["body"] else \
        [x for x in store.reports() if x["report_id"] == report_id]
    five = from_store(store, same_body).get(report_id)
    if five is not None:
        s5 = five.section
        block = ["<h4>第五部分要点</h4>"]
        if s5.general_only:
            block.append("<p>报告没有列出具体问题"
                         + (f"，只说：“{html.escape(s5.statement.text)}”" if s5.statement else "") + "</p>")
        for name, items in (("存在的问题", s5.problems), ("改进措施", s5.measures)):
            if items:
                block.append(f"<p>{name}（{len(items)}条）：</p><ol>"
                             + "".join(f"<li>{html.escape(excerpt(it.text))}</li>" for it in items) + "</ol>")
        if five.note():
            block.append(f"<div class='warning'>{html.escape(five.note())}</div>")
        parts.append("".join(block))
    for s in store.sections(report_id):
        text = re.sub(r"\n+\t", "\t", s.text).replace("\t", " │ ")  # table cells: one row per line
        parts.append(f"<h4>{html.escape(section_name(s.key))}</h4><div class='report-text'>{html.escape(text)}</div>")
    return "\n".join(parts)


def safe_upload_name(name: str) -> str:
    """A file name that stays inside the upload folder: no folders, no leading dots."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^\w.\-\u3400-\u9fff（）()]", "_", base).lstrip(".")
    return base or "upload"


# ---- the app ------------------------------------------------------------------------------

class App:
    """Shared state: settings, one answerer per worker thread, one writer at a time."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._local = threading.local()
        self._embed = None
        self._embed_lock = threading.Lock()
        self.write_lock = threading.Lock()
        Store(settings.db_path).close()  # create or migrate before the first request
        # import what requests use before they run in parallel: a module imported by two threads at once can fail
        import chromadb  # noqa: F401
        import llama_index.core.schema  # noqa: F401
        import llama_index.core.vector_stores.types  # noqa: F401
        import llama_index.vector_stores.chroma  # noqa: F401

    def embed_model(self):
        with self._embed_lock:
            if self._embed is None:
                from nianbao.index.embed import load_embedding

                self._embed = load_embedding(self.settings.embed_model)
            return self._embed

    def answerer(self) -> Answerer:
        a = getattr(self._local, "answerer", None)
        if a is None:
            a = self._local.answerer = Answerer(self.settings, embed_model=_Lazy(self))
        return a

    def store(self) -> Store:
        return self.answerer().store

    def bodies(self) -> list[str]:
        return sorted({r["body"] for r in self.store().reports() if r["body"]})

    def years(self) -> list[int]:
        return sorted({r["year"] for r in self.store().reports() if r["year"]})

    def upload(self, paths: list[str]) -> str:
        """Ingest uploaded files the way the command line does; one line per file."""
        if not paths:
            return "请选择要上传的文件。"
        folder = self.settings.data_dir / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        lines, staged = [], []
        for p in paths:
            src = Path(p)
            name = safe_upload_name(src.name)
            if src.suffix.lower() not in SUPPORTED_SUFFIXES:
                lines.append(f"✗ {name}：不支持的文件类型（支持 {' '.join(SUPPORTED_SUFFIXES)}）")
                continue
            if src.stat().st_size > self.settings.max_bytes:
                lines.append(f"✗ {name}：文件超过 {self.settings.max_file_mb:g} MB 上限")
                continue
            dest = (folder / name).resolve()
            if dest.parent != folder.resolve():
                lines.append(f"✗ {name}：文件名不合法")
                continue
            shutil.copyfile(src, dest)
            staged.append(dest)
        if staged:
            with self.write_lock:
                store = Store(self.settings.db_path)
                index = SearchIndex(self.settings, store, embed_model=self.embed_model())
                try:
                    results = ingest_paths(staged, self.settings, store, index=index, heal=False)
                    index.close()
                finally:
                    store.close()
            said = {"ingested": "已导入", "replaced": "已更新", "unchanged": "内容未变", "reparsed": "已按新版解析器重新读取", "duplicate": "与已有报告相同"}
            for r in results:
                name = Path(r.path).name
                if r.status == "rejected":
                    lines.append(f"✗ {name}：{r.reason}")
                    Path(r.path).unlink(missing_ok=True)
                else:
                    lines.append(f"✓ {name}：{said.get(r.status, r.status)}" + (f"，{r.findings} 条发现" if r.findings else ""))
        return "\n".join(lines)


class _Lazy:
    """The embedding model, loaded on first use and shared by every thread."""

    def __init__(self, app: App):
        self._app = app

    def __getattr__(self, name):
        return getattr(self._app.embed_model(), name)


def build(settings: Settings | None = None):
    """The Gradio Blocks of the app."""
    import gradio as gr

    app = App(settings or Settings())

    def respond(message, history, bodies, year_from, year_to, section, context):
        message = (message or "").strip()
        history = list(history or [])
        if not message:
            yield history, gr.update(), gr.update(), gr.update(), context, ""
            return
        history.append({"role": "user", "content": html.escape(message, quote=False)})
        history.append({"role": "assistant", "content": "……"})
        yield history, "<span class='badge muted'>正在查找……</span>", "", "", context, ""
        filters = {"bodies": bodies or [], "year_from": int(year_from) if year_from else None,
                   "year_to": int(year_to) if year_to else None, "section": section or ""}
        ans = app.answerer().ask(message, filters=filters, previous=context)
        text = answer_markdown(ans)
        sources = sources_html(ans)
        # stream the answer in, a few lines at a time
        lines = text.split("\n")
        step = max(1, len(lines) // 6)
        for i in range(step, len(lines), step):
            history[-1] = {"role": "assistant", "content": "\n".join(lines[:i])}
            yield history, status_html(ans), sources, warnings_html(ans), ans.context, ""
            time.sleep(0.03)
        history[-1] = {"role": "assistant", "content": text}
        yield history, status_html(ans), sources, warnings_html(ans), ans.context, ""

    def data_view(body, year, table, metric):
        df = facts_frame(app.store(), body or "", year, table or "", (metric or "").strip())
        folder = Path(tempfile.mkdtemp(prefix="nianbao-export-"))
        csv_path, xlsx_path = folder / "nianbao-facts.csv", folder / "nianbao-facts.xlsx"
        df.to_csv(csv_path, index=False, encoding="utf-8-sig")
        df.to_excel(xlsx_path, index=False)
        return df, str(csv_path), str(xlsx_path), f"{len(df)} 条记录"

    def report_choices():
        return [(f"{r['body'] or '（未署名单位）'} {r['year']}年 · {r['source_file']}", r["report_id"])
                for r in app.store().reports()]

    def refresh():
        bodies = app.bodies()
        years = [str(y) for y in app.years()]
        choices = report_choices()
        return (reports_frame(app.store()), gr.update(choices=choices), gr.update(choices=bodies),
                gr.update(choices=[""] + bodies), gr.update(choices=[""] + years), gr.update(choices=[""] + years),
                gr.update(choices=[""] + years), applications_frame(app.store()), gr.update(choices=choices))

    def do_upload(files):
        paths = [f if isinstance(f, str) else f.name for f in (files or [])]
        return (app.upload(paths), *refresh())

    with gr.Blocks(title="年报 nianbao · 政府信息公开工作年度报告") as demo:
        gr.Markdown("## 年报 · 政府信息公开工作年度报告问答\n数字只取自报告的表格记录，每个回答都注明出处；空白单元格显示为“未填报”。")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                context = gr.State({})
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="对话", height=480, line_breaks=True, elem_id="chat",
                                             sanitize_html=True)
                        status = gr.HTML(elem_id="status")
                        warnings = gr.HTML(elem_id="warnings")
                        with gr.Row():
                            box = gr.Textbox(label="问题", placeholder="例如：2024年哪些园区收到了政府信息公开申请？",
                                             scale=5, elem_id="question", lines=1, max_lines=3)
                            send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
                        gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                        clear = gr.Button("清空对话", size="sm")
                    with gr.Column(scale=2):
                        with gr.Accordion("筛选（用于下一个问题）", open=True):
                            f_bodies = gr.Dropdown(choices=[], multiselect=True, label="单位", elem_id="f-bodies")
                            with gr.Row():
                                f_from = gr.Dropdown(choices=[""], value="", label="起始年份", elem_id="f-from")
                                f_to = gr.Dropdown(choices=[""], value="", label="截止年份", elem_id="f-to")
                            f_section = gr.Dropdown(choices=SECTIONS, value="", label="章节", elem_id="f-section")
                        gr.Markdown("### 来源")
                        sources = gr.HTML("<p>（提问后在此显示每个引用的出处）</p>", elem_id="sources")
                inputs = [box, chatbot, f_bodies, f_from, f_to, f_section, context]
                outputs = [chatbot, status, sources, warnings, context, box]
                send.click(respond, inputs, outputs)
                box.submit(respond, inputs, outputs)
                clear.click(lambda: ([], "", "", "", {}), None, [chatbot, status, sources, warnings, context])

            with gr.Tab("数据", id="data"):
                with gr.Row():
                    d_body = gr.Dropdown(choices=[""], value="", label="单位", elem_id="d-body")
                    d_year = gr.Dropdown(choices=[""], value="", label="年份", elem_id="d-year")
                    d_table = gr.Dropdown(choices=TABLES, value="", label="表", elem_id="d-table")
                    d_metric = gr.Textbox(label="指标键（前缀）", placeholder="applications.new_received", elem_id="d-metric")
                d_count = gr.Markdown(elem_id="d-count")
                d_frame = gr.Dataframe(label="表格记录", interactive=False, wrap=True, max_height=420, elem_id="d-frame")
                with gr.Row():
                    d_csv = gr.DownloadButton("下载 CSV", elem_id="d-csv")
                    d_xlsx = gr.DownloadButton("下载 Excel", elem_id="d-xlsx")
                d_inputs = [d_body, d_year, d_table, d_metric]
                # one view at a time, in the order asked: the page's first (unfiltered) view, still being
                # written, must not land after a filter chosen meanwhile and replace its table and downloads
                in_order = {"concurrency_id": "data-view", "concurrency_limit": 1}
                for comp in (d_body, d_year, d_table):
                    comp.change(data_view, d_inputs, [d_frame, d_csv, d_xlsx, d_count], **in_order)
                d_metric.submit(data_view, d_inputs, [d_frame, d_csv, d_xlsx, d_count], **in_order)
                gr.Markdown("### 各单位各年度新收政府信息公开申请（表三，总计）")
                chart = gr.BarPlot(x="年份", y="新收申请", color="单位",
                                   label="新收申请", elem_id="chart-applications")
                gr.Markdown("### 一份报告的办理结果构成（表三，总计列）")
                o_report = gr.Dropdown(choices=[], label="报告", elem_id="o-report")
                o_chart = gr.BarPlot(x="办理结果", y="件数", label="办理结果", elem_id="chart-outcomes")
                o_report.change(lambda rid: outcomes_frame(app.store(), rid), o_report, o_chart)

            with gr.Tab("报告", id="reports"):
                r_frame = gr.Dataframe(label="已导入的报告", interactive=False,
                                       wrap=True, max_height=360, elem_id="r-frame")
                r_pick = gr.Dropdown(choices=[], label="查看报告", elem_id="r-pick")
                r_view = gr.HTML(elem_id="r-view")
                r_pick.change(lambda rid: report_html(app.store(), rid), r_pick, r_view)
                gr.Markdown(f"### 上传报告\n支持 {' '.join(SUPPORTED_SUFFIXES)}，单个文件不超过 "
                            f"{app.settings.max_file_mb:g} MB；导入方式与命令行相同，导入后即可提问。")
                up = gr.File(file_count="multiple", file_types=list(SUPPORTED_SUFFIXES), label="选择文件",
                             elem_id="upload")
                up_btn = gr.Button("导入", variant="primary", elem_id="upload-btn")
                up_log = gr.Textbox(label="导入结果", lines=4, interactive=False, elem_id="upload-log")
                up_btn.click(do_upload, up, [up_log, r_frame, r_pick, f_bodies, d_body, d_year, f_from, f_to, chart,
                                             o_report])
        # data reaches the page only through these calls, after the login when one is set
        demo.load(refresh, None, [r_frame, r_pick, f_bodies, d_body, d_year, f_from, f_to, chart, o_report])
        demo.load(data_view, d_inputs, [d_frame, d_csv, d_xlsx, d_count], **in_order)

        def ask_api(question: str) -> dict:
            """The JSON answer of `nianbao ask --json`, for programs and the load test."""
            return app.answerer().ask(question).to_dict()

        gr.api(ask_api, api_name="ask", queue=False)
    return demo


def parse_auth(spec: str) -> list[tuple[str, str]] | None:
    """NIANBAO_AUTH='user:password,user2:password2' → pairs; None when unset."""
    pairs = []
    for item in filter(None, (x.strip() for x in (spec or "").split(","))):
        user, sep, password = item.partition(":")
        if not sep or not user or not password:
            raise ValueError("NIANBAO_AUTH must be user:password pairs separated by commas")
        pairs.append((user, password))
    return pairs or None


def serve(settings: Settings | None = None, host: str = "127.0.0.1", port: int = 7860, block: bool = True):
    """Start the app; returns the Blocks (launched) when block is False."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    settings = settings or Settings()
    demo = build(settings)
    demo.queue(default_concurrency_limit=8)
    demo.launch(server_name=host, server_port=port, auth=parse_auth(settings.auth),
                max_file_size=f"{settings.max_file_mb:g}mb", prevent_thread_lock=not block, quiet=not block,
                show_error=False, css=CSS, head=HEAD, footer_links=[], ssr_mode=False)
    return demo
