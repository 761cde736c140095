"""One document → one Report: the steps of ingestion in order."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from . import checks
from .align import read_grid_tables
from .clean import clean_paragraph, clean_text
from .document import Document, Paragraph, Rendered, pipe_tables, render
from .loaders import read_file
from .metadata import find_body, find_region, find_title, find_year, is_annual_report_title
from .records import Finding, ReadOptions, Report, ReportError
from .sections import split_sections
from .tables import parse_appeals, parse_applications, parse_proactive
from .template import detect_version

# Markers of the pre-2019 reports (2008 条例): no standard tables, but still annual reports.
_OLD_FORMAT = ("依申请公开", "主动公开")


def parse_file(path: Path, manifest_row: dict[str, str] | None = None, max_bytes: int = 50 * 1024 * 1024,
               options: ReadOptions | None = None) -> Report:
    """Read, clean and parse one file; ReportError when it is not an annual report."""
    data, doc = read_file(path, max_bytes, options)
    return parse_document(data, doc, path.name, manifest_row or {}, str(path))


def parse_text(data: bytes, raw_text: str, source_file: str, manifest_row: dict[str, str], shown_name: str = "") -> Report:
    """Decoded text of a document → Report."""
    return parse_document(data, Document((Paragraph(raw_text),), "text"), source_file, manifest_row, shown_name)


def _ocr_findings(doc: Document) -> list[Finding]:
    """Pages read by OCR: said beside every answer from the report."""
    if not doc.ocr_pages:
        return []
    pages = "、".join(str(p) for p, _ in doc.ocr_pages)
    low = min(c for _, c in doc.ocr_pages)
    where = "全文" if doc.kind == "ocr" else f"第{pages}页"
    return [Finding("ocr", f"本报告{where}为扫描件，由文字识别（OCR）读取（最低页置信度{low:.2f}）；"
                           f"识别有疑的数字记为未知，引用请以原件为准。", "", pages)]


def lay_out(doc: Document) -> tuple[dict[str, str], Rendered]:
    """A document as one cleaned text with its tables placed in it; crawler header fields apart."""
    if doc.plain:
        header, text = clean_text("\n".join(b.text for b in doc.blocks))
        return header, Rendered(text, pipe_tables(text))
    return {}, render(doc, clean_paragraph)


def parse_document(data: bytes, doc: Document, source_file: str, manifest_row: dict[str, str],
                   shown_name: str = "") -> Report:
    """A loaded document → Report."""
    name = shown_name or source_file
    header, rendered = lay_out(doc)
    text = rendered.text
    if len("".join(text.split())) < 50:
        raise ReportError(name, "no text to read (empty after cleaning)")
    title, title_found = find_title(header, text)
    sections = split_sections(text)
    found = {s.key for s in sections if s.key != "preamble"}
    title_ok = is_annual_report_title(title)
    table_words = detect_version(text)
    if not (title_ok and (len(found) >= 2 or table_words or all(w in text for w in _OLD_FORMAT))) \
            and not (len(found) >= 4 and table_words):
        what = f"“{title}”" if title else "no 年度报告 title"
        raise ReportError(name, f"not an annual report ({what}; {len(found)} of the 6 template sections, "
                                f"{'with' if table_words else 'no'} standard tables)")

    findings: list[Finding] = []
    year, year_source = find_year(title, text)
    if manifest_row.get("year", "").strip().isdigit():
        year, year_source = int(manifest_row["year"]), "manifest"
    body, body_source = manifest_row.get("body", "").strip(), "manifest"
    if not body:
        body, body_source = find_body(title, text, header)
    if not body:
        findings.append(Finding("unknown_body", "报告未写明发布机关。"))
    if year is None:
        findings.append(Finding("unknown_year", "无法确定报告所属年度。"))
    if year is not None and year < 2019 and not table_words:
        template, template_source = "pre-2019", "year"
    elif table_words:
        template, template_source = table_words, "tables"
    elif year is not None:
        template, template_source = ("2019" if year <= 2020 else "2021"), "year"
    else:
        template, template_source = "2021", "unknown"
    if template_source == "tables" and year is not None and (year >= 2021) != (template == "2021"):
        findings.append(Finding("template_mismatch", f"{year}年度报告使用了{template}版模板的表格。"))
    if not title:
        title = f"{body or '（未署名）'}{year or ''}年政府信息公开工作年度报告"

    facts = []
    if template != "pre-2019":
        bounds = {s.key: (s.start, s.end) for s in sections}
        end_of = lambda k: bounds[k][1] if k in bounds else len(text)  # noqa: E731
        start_of = lambda k, default: bounds[k][0] if k in bounds else default  # noqa: E731
        p_start = start_of("proactive", 0)
        a_start = start_of("applications", p_start)
        r_start = start_of("appeals", a_start)
        grid = read_grid_tables(rendered.tables, text, template, findings)
        if "proactive" in grid:
            facts += grid["proactive"]
        else:
            facts += parse_proactive(text, p_start, start_of("applications", end_of("proactive")), template, findings,
                                     narrative=text[:p_start])
        if "applications" in grid:
            facts += grid["applications"]
        else:
            facts += parse_applications(text, a_start, start_of("appeals", end_of("applications")), template, findings)
        if "appeals" in grid:
            facts += grid["appeals"]
        else:
            facts += parse_appeals(text, r_start, start_of("problems", end_of("appeals")), findings)
        if rendered.page_starts:
            facts = [f if f.page is not None else replace(f, page=rendered.page_at(f.offset)) for f in facts]
        if doc.ocr_pages:
            conf = dict(doc.ocr_pages)
            facts = [replace(f, confidence=conf[f.page]) if f.page in conf else f for f in facts]
        findings += checks.arithmetic(facts, template)
        findings += checks.narrative_vs_tables(sections, facts, year)
    findings += checks.gaps(sections, facts, template)
    digest = hashlib.sha256(data).hexdigest()
    return Report(
        report_id=digest[:16], source_file=source_file, title=title, body=body, body_source=body_source,
        year=year, year_source=year_source, template=template, template_source=template_source,
        region=manifest_row.get("region", "") or find_region(text), text=text, sections=tuple(sections), facts=tuple(facts),
        findings=tuple(findings + _ocr_findings(doc)), content_hash=digest, source_format=doc.kind,
        pages=tuple(rendered.page_starts), ocr_pages=doc.ocr_pages,
    )
