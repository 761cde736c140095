"""Citations: one record shape, built in one place, written the same readable way everywhere.

A cell reads `表三 · 一、本年新收政府信息公开申请数量 · 总计 = 63 · 第3页` (the key kept in
`key` for programs); a passage is quoted verbatim, with its page in paged formats.
"""
from __future__ import annotations

from nianbao.ingest.records import SECTION_TITLES, page_at
from nianbao.ingest.template import cell_label


def ocr_confidence(store, report_id: str, page: int | None) -> float | None:
    """OCR's mean confidence on a page of a stored report, when that page was a scan."""
    return store.pages(report_id)[1].get(page) if page is not None else None


def page_of(store, report_id: str, quote: str = "", offset: int = -1) -> int | None:
    """The page a passage or offset of a stored report falls on (None for unpaged formats)."""
    starts, _ = store.pages(report_id)
    if not starts:
        return None
    if offset < 0 and quote:
        offset = store.text(report_id).find(quote)
    return page_at(starts, offset)


def cell_text(key: str, raw: str, unit: str = "", page: int | None = None, confidence: float | None = None) -> str:
    """表三 · 一、本年新收政府信息公开申请数量 · 总计 = 63 · 第3页 (· OCR识别，置信度0.97)"""
    table, row, col = cell_label(key)
    value = f"{raw}{unit if raw and unit and not raw.endswith(unit) else ''}" if raw else "（空白，未填报）"
    parts = [table, row] + ([col] if col else [])
    return (" · ".join(parts) + f" = {value}" + (f" · 第{page}页" if page else "")
            + (f" · OCR识别，置信度{confidence:.2f}" if confidence is not None else ""))


def cite_cell(ans, report: dict, fact: dict) -> int:
    """Cite one table cell; returns its marker number."""
    n = len(ans.citations) + 1
    ans.citations.append({"n": n, "report_id": report["report_id"], "source_file": report["source_file"],
                          "body": report["body"], "year": report["year"], "section": fact["key"].split(".")[0],
                          "key": fact["key"], "page": fact.get("page"), "ocr": fact.get("confidence"),
                          "quote": cell_text(fact["key"], fact.get("raw", ""), fact.get("unit", ""), fact.get("page"),
                                             fact.get("confidence"))})
    return n


def cite_passage(ans, store, report_id: str, source_file: str, body: str, year, section: str, quote: str) -> int:
    """Cite a verbatim passage of a report; returns its marker number."""
    n = len(ans.citations) + 1
    page = page_of(store, report_id, quote)
    ans.citations.append({"n": n, "report_id": report_id, "source_file": source_file, "body": body, "year": year,
                          "section": section, "key": "", "page": page, "ocr": ocr_confidence(store, report_id, page),
                          "quote": quote})
    return n


def citation_line(c: dict) -> str:
    """One citation as a line of text: [1] 单位 2024年 · 三、收到和处理政府信息公开申请情况 · 表三 · … = 9 · 第3页"""
    where = SECTION_TITLES.get(c["section"], c["section"])
    page = f" · 第{c['page']}页" if c.get("page") and not c["key"] else ""
    if c.get("ocr") is not None and not c["key"]:
        page += f" · OCR识别，置信度{c['ocr']:.2f}"
    return f"[{c['n']}] {c['body'] or '（未署名）'} {c['year']}年 · {where} · {c['quote'][:120]}{page}"
