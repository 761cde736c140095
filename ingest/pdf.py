"""PDF → document: tables from the page's ruling lines, the text around them in reading order.

A PDF's text layer drops blank cells (`416 12 3 431`), so table rows are read
from the cell grid pdfplumber finds in the ruling lines: every cell keeps its
place, blank or not. A cell merged down rows (a group label) is repeated in
the rows it covers; a cell merged across columns counts once. Lines of text
are joined into paragraphs where a line runs to the right margin.
"""
from __future__ import annotations

import io
import logging
import re

from .document import Document, Paragraph, Table
from .records import ReportError

_SENTENCE_END = re.compile(r"[。！？；：:;!?]$")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")


def read_pdf(data: bytes, name: str) -> Document:
    """A PDF's blocks, page by page; ReportError for encrypted, damaged or image-only files."""
    _validate(data, name)
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    blocks: list = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            npages = len(pdf.pages)
            for number, page in enumerate(pdf.pages, 1):
                blocks += _page_blocks(page, number)
                page.flush_cache()
    except ReportError:
        raise
    except Exception as e:  # pdfminer raises assorted errors on damaged files
        raise ReportError(name, f"unreadable PDF ({type(e).__name__}: truncated or damaged?)") from None
    text = "".join(b.text for b in blocks if isinstance(b, Paragraph))
    cells = "".join(c for b in blocks if isinstance(b, Table) for r in b.rows for c in r)
    if len("".join((text + cells).split())) < 20:
        raise ReportError(name, "PDF has no text layer (a scan?); OCR is not supported, convert it to text first")
    return Document(tuple(blocks), "pdf", pages=npages)


def _validate(data: bytes, name: str) -> None:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReportError(name, "encrypted PDF; remove the password and try again")
        len(reader.pages)
    except ReportError:
        raise
    except Exception as e:  # pypdf raises assorted errors on truncated files
        raise ReportError(name, f"unreadable PDF ({type(e).__name__}: truncated or damaged?)") from None


def _page_blocks(page, number: int) -> list:
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    blocks: list = []
    top = 0.0
    for t in tables:
        x0, y0, x1, y1 = t.bbox
        if y0 > top:
            blocks += _paragraphs(page.crop((0, top, page.width, y0), strict=False), number)
        rows = _grid(t)
        if rows:
            blocks.append(Table(tuple(rows), page=number, row_pages=tuple(number for _ in rows), source="pdf"))
        top = max(top, y1)
    if top < page.height:
        blocks += _paragraphs(page.crop((0, top, page.width, page.height), strict=False), number)
    return blocks


def _grid(table) -> list[tuple[str, ...]]:
    """Rows of distinct cells: None from a horizontal merge dropped, a vertical merge repeated."""
    text = table.extract()
    boxes = [r.cells for r in table.rows]
    tops = [next((c[1] for c in r if c), None) for r in boxes]
    out = []
    for i, row in enumerate(text):
        cells = []
        for j, cell in enumerate(row):
            if cell is not None:
                cells.append(" ".join(cell.split()))
                continue
            # covered by a cell above that reaches down into this row?
            for k in range(i - 1, -1, -1):
                box = boxes[k][j] if j < len(boxes[k]) else None
                if box is None:
                    continue
                if tops[i] is not None and box[3] > tops[i] + 1:
                    cells.append(" ".join((text[k][j] or "").split()))
                break
        out.append(tuple(cells))
    return out


def _paragraphs(region, number: int) -> list[Paragraph]:
    lines = region.extract_text_lines(return_chars=False)
    if not lines:
        return []
    right = max(ln["x1"] for ln in lines)
    size = max(1.0, min((ln["bottom"] - ln["top"]) for ln in lines))
    out: list[Paragraph] = []
    current = ""
    last_short = False
    for ln in lines:
        text = ln["text"].strip()
        if not text:
            continue
        if current and (_SENTENCE_END.search(current) or _HEADING_START.match(text) or last_short):
            out.append(Paragraph(current, number))
            current = ""
        current += text
        last_short = ln["x1"] < right - 1.5 * size
    if current:
        out.append(Paragraph(current, number))
    return out
