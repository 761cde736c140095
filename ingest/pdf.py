"""PDF → document: tables from the page's ruling lines, the text around them in reading order.

A PDF's text layer drops blank cells (`416 12 3 431`), so table rows are read
from the cell grid the ruling lines draw: every cell keeps its place, blank or
not. Two neighbouring grid slots with no line between them are one merged
cell: merged across columns it counts once in its row, merged down rows (a
group label such as （三）不予公开) it is repeated in every row it covers.
Lines of text are joined into paragraphs where a line runs to the right
margin. Pages are read with pdfium (pypdfium2): characters with their boxes,
and the page's path objects, of which the thin ones are ruling lines.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from .document import Box, Document, Paragraph, Table
from .records import ReadOptions, ReportError

_SENTENCE_END = re.compile(r"[。！？；：:;!?]$")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
THIN = 2.5        # a path thinner than this (points) is a ruling line
SNAP = 2.0        # lines closer than this are one line


@dataclass
class _Char(Box):
    ch: str
    x0: float
    y0: float
    x1: float
    y1: float      # PDF coordinates: y grows upwards


def read_pdf(data: bytes, name: str, options: ReadOptions | None = None) -> Document:
    """A PDF's blocks, page by page: a page with a text layer read from it, a scanned page by OCR.

    ReportError for encrypted or damaged files, and for scans when no OCR engine is installed.
    """
    _validate(data, name)
    import pypdfium2 as pdfium

    options = options or ReadOptions()
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # pdfium raises PdfiumError on damaged files
        raise ReportError(name, f"unreadable PDF ({type(e).__name__}: truncated or damaged?)") from None
    pages: dict[int, list] = {}
    scanned: list[int] = []
    try:
        npages = len(pdf)
        for number in range(1, npages + 1):
            page = pdf[number - 1]
            blocks = page_blocks(page, number)
            if _has_text(blocks):
                pages[number] = blocks
            elif _has_image(page):
                scanned.append(number)
            page.close()
    except ReportError:
        raise
    except Exception as e:
        raise ReportError(name, f"unreadable PDF ({type(e).__name__}: truncated or damaged?)") from None
    finally:
        pdf.close()
    notes: tuple[str, ...] = ()
    ocr_pages: tuple[tuple[int, float], ...] = ()
    if scanned:
        from .ocr import available, ocr_pdf_pages

        if not available():
            raise ReportError(name, f"{len(scanned)} page(s) are scans with no text layer and no OCR engine is "
                                    "installed (pip install rapidocr-onnxruntime); or convert the file to text first")
        read = ocr_pdf_pages(data, scanned, name, cache_dir=options.ocr_cache, on_page=options.on_page)
        for block in read.blocks:
            pages.setdefault(block.page or 0, []).append(block)
        notes = read.notes + (f"pages read by OCR: {', '.join(map(str, scanned))}",)
        ocr_pages = read.ocr_pages
    blocks = [b for n in sorted(pages) for b in pages[n]]
    if not _has_text(blocks, 20):
        raise ReportError(name, "PDF has no text layer and no scanned page image to read")
    kind = "ocr" if scanned and len(scanned) == npages else "pdf"
    return Document(tuple(blocks), kind, pages=npages, notes=notes, ocr_pages=ocr_pages)


def _has_text(blocks: list, least: int = 10) -> bool:
    text = "".join(b.text for b in blocks if isinstance(b, Paragraph))
    cells = "".join(c for b in blocks if isinstance(b, Table) for r in b.rows for c in r)
    return len("".join((text + cells).split())) >= least


def _has_image(page) -> bool:
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))


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


# ---- one page -------------------------------------------------------------------------------

def _chars(page) -> list[_Char | None]:
    """The page's characters in content order; None marks a line break pdfium generated."""
    tp = page.get_textpage()
    n = tp.count_chars()
    text = tp.get_text_range(0, n) if n else ""
    out: list[_Char | None] = []
    per_char = len(text) != n
    for i in range(n):
        ch = tp.get_text_range(i, 1) if per_char else text[i]
        if ch in "\r\n":
            if ch == "\n" or not out or out[-1] is not None:
                out.append(None)
            continue
        x0, y0, x1, y1 = tp.get_charbox(i)
        out.append(_Char(ch, x0, y0, x1, y1))
    tp.close()
    return out


def _segments(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Ruling lines: horizontal (y, x0, x1) and vertical (x, y0, y1).

    Each sub-path of each path object counts on its own (one path often draws
    many borders): a thin one is a line, a wide one (a stroked cell outline)
    gives its four edges.
    """
    import ctypes

    import pypdfium2.raw as raw

    horiz, vert = [], []
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,)):
        m = obj.get_matrix()
        a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
        subpaths: list[list[tuple[float, float]]] = []
        for i in range(raw.FPDFPath_CountSegments(obj.raw)):
            seg = raw.FPDFPath_GetPathSegment(obj.raw, i)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
            if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([])
            subpaths[-1].append((px, py))
        for pts in subpaths:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            w, h = x1 - x0, y1 - y0
            if h <= THIN and w > THIN:
                horiz.append(((y0 + y1) / 2, x0, x1))
            elif w <= THIN and h > THIN:
                vert.append(((x0 + x1) / 2, y0, y1))
            elif w > THIN and h > THIN and len(pts) >= 4:
                horiz += [(y0, x0, x1), (y1, x0, x1)]
                vert += [(x0, y0, y1), (x1, y0, y1)]
    return horiz, vert


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def _covered(segs, at: float, lo: float, hi: float) -> bool:
    """Is the span lo..hi at coordinate `at` drawn by the segments (allowing small gaps at the ends)?"""
    need = hi - lo
    got = 0.0
    for pos, a, b in segs:
        if abs(pos - at) <= SNAP:
            got += max(0.0, min(b, hi) - max(a, lo))
    return got >= need * 0.6


def _tables(horiz, vert) -> list[tuple[list[float], list[float], list, list]]:
    """Groups of lines whose vertical extents overlap (tables are stacked down a page), each with its
    row and column boundaries."""
    spans = [(y - SNAP, y + SNAP, "h", (y, x0, x1)) for y, x0, x1 in horiz] + \
            [(y0 - SNAP, y1 + SNAP, "v", (x, y0, y1)) for x, y0, y1 in vert]
    spans.sort(key=lambda s: s[0])
    groups: list[list] = []
    top = None
    for lo, hi, kind, seg in spans:
        if top is None or lo > top:
            groups.append([])
            top = hi
        else:
            top = max(top, hi)
        groups[-1].append((kind, seg))
    out = []
    for members in groups:
        hs = [s for k, s in members if k == "h"]
        vs = [s for k, s in members if k == "v"]
        ys = _snap([s[0] for s in hs])
        xs = _snap([s[0] for s in vs])
        if len(ys) >= 2 and len(xs) >= 2:
            out.append((ys, xs, hs, vs))
    return out


def _grid(ys: list[float], xs: list[float], hs, vs, chars: list[_Char]) -> list[tuple[str, ...]]:
    """Rows of distinct cells: slots with no line between them merged; a cell merged down repeated per row."""
    rows_y = sorted(ys, reverse=True)            # top to bottom
    nr, nc = len(rows_y) - 1, len(xs) - 1
    parent = list(range(nr * nc))                # slot r*nc+c → a slot of the same cell; roots are top-left

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(nr):
        top, bottom = rows_y[r], rows_y[r + 1]
        for c in range(nc):
            if c + 1 < nc and not _covered(vs, xs[c + 1], bottom, top):
                union(r * nc + c, r * nc + c + 1)
            if r + 1 < nr and not _covered(hs, rows_y[r + 1], xs[c], xs[c + 1]):
                union(r * nc + c, (r + 1) * nc + c)

    def root(rc: tuple[int, int]) -> int:
        return find(rc[0] * nc + rc[1])

    texts: dict[int, list[_Char]] = {}
    for ch in chars:
        r = next((i for i in range(nr) if rows_y[i + 1] <= ch.cy <= rows_y[i]), None)
        c = next((i for i in range(nc) if xs[i] <= ch.cx <= xs[i + 1]), None)
        if r is not None and c is not None:
            texts.setdefault(root((r, c)), []).append(ch)
    out = []
    for r in range(nr):
        row, seen = [], set()
        for c in range(nc):
            owner = root((r, c))
            if owner in seen:
                continue
            seen.add(owner)
            row.append(_text_of(texts.get(owner, [])))
        out.append(tuple(row))
    # a row of slots that no cell starts in and no text falls in is a drawing artefact
    return [r for r in out if r]


def _text_of(chars: list[_Char]) -> str:
    """A cell's characters in reading order: lines top to bottom, left to right within a line."""
    lines: list[list[_Char]] = []
    low = high = 0.0
    for ch in sorted(chars, key=lambda c: -c.cy):
        # a character whose middle lies within the line's height belongs to it (a full stop sits low)
        if lines and low - 1 <= ch.cy <= high + 1:
            lines[-1].append(ch)
            low, high = min(low, ch.y0), max(high, ch.y1)
        else:
            lines.append([ch])
            low, high = ch.y0, ch.y1
    return "".join("".join(c.ch for c in sorted(line, key=lambda c: c.x0)) for line in lines).strip()


def page_blocks(page, number: int) -> list:
    """Paragraphs and tables of one page, top to bottom."""
    chars = _chars(page)
    horiz, vert = _segments(page)
    tables = _tables(horiz, vert)
    boxes = [(min(xs), min(ys), max(xs), max(ys)) for ys, xs, _, _ in tables]

    def inside(ch: _Char) -> int | None:
        for i, (x0, y0, x1, y1) in enumerate(boxes):
            if x0 <= ch.cx <= x1 and y0 <= ch.cy <= y1:
                return i
        return None

    placed: list[tuple[float, object]] = []
    in_table: dict[int, list[_Char]] = {}
    line: list[_Char] = []
    lines: list[list[_Char]] = []
    for ch in chars + [None]:
        if ch is None:
            if line:
                lines.append(line)
            line = []
            continue
        t = inside(ch)
        if t is not None:
            in_table.setdefault(t, []).append(ch)
            if line:
                lines.append(line)
            line = []
        elif ch.ch.strip() or line:
            line.append(ch)
    for i, (ys, xs, hs, vs) in enumerate(tables):
        rows = _grid(ys, xs, hs, vs, in_table.get(i, []))
        if rows:
            placed.append((max(ys), Table(tuple(rows), page=number, row_pages=tuple(number for _ in rows),
                                          source="pdf")))
    for para in _paragraphs(lines, number):
        placed.append(para)
    placed.sort(key=lambda p: -p[0])
    return [b for _, b in placed]


def _paragraphs(lines: list[list[_Char]], number: int) -> list[tuple[float, Paragraph]]:
    """Lines joined into paragraphs where a line runs to the right margin; (top, paragraph)."""
    lines = [ln for ln in lines if "".join(c.ch for c in ln).strip()]
    if not lines:
        return []
    right = max(max(c.x1 for c in ln) for ln in lines)
    out: list[tuple[float, Paragraph]] = []
    current, top, last_short = "", 0.0, False
    for ln in lines:
        text = "".join(c.ch for c in ln).strip()
        size = max(c.y1 - c.y0 for c in ln) or 10.0
        if current and (_SENTENCE_END.search(current) or _HEADING_START.match(text) or last_short):
            out.append((top, Paragraph(current, number)))
            current = ""
        if not current:
            top = max(c.y1 for c in ln)
        current += text
        last_short = max(c.x1 for c in ln) < right - 1.5 * size
    if current:
        out.append((top, Paragraph(current, number)))
    return out
