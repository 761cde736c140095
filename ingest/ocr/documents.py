"""Scanned PDFs and page images read page by page into a document of kind 'ocr'."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Sequence

from ..document import Document, Paragraph, Table
from ..records import ReportError
from .cache import _cache_dir, _cache_key, _image_digest, _load, _renumber, _save
from .engines import get_engine
from .page import PageResult, read_page


DEFAULT_DPI = 200            # pages of a PDF are rendered at this resolution
ProgressFn = Callable[[int, int], None]


def _blocks(page_blocks: list[dict]) -> list:
    out = []
    for b in page_blocks:
        if "table" in b:
            rows = tuple(tuple(r) for r in b["table"])
            out.append(Table(rows, page=b["page"], row_pages=tuple(b["page"] for _ in rows),
                             grid=b["grid"], source="ocr"))
        else:
            out.append(Paragraph(b["text"], b["page"]))
    return out


def _document(results: list[tuple[int, PageResult]], engine, pages: int, kind: str) -> Document:
    blocks: list = []
    notes = ["ocr", f"engine {engine.version}"]
    for page, r in results:
        blocks += _blocks(r.blocks)
        notes.append(f"page {page} confidence {r.confidence:.2f}")
        if r.angle:
            notes.append(f"page {page} straightened by {r.angle:+.2f}°")
    for _, r in results:
        notes += r.low[:50]
    return Document(tuple(blocks), kind, pages=pages, notes=tuple(notes),
                    ocr_pages=tuple((page, round(r.confidence, 3)) for page, r in results))


def _engine_or_error(engine, name: str):
    if engine is None or isinstance(engine, str):
        try:
            return get_engine(engine)
        except RuntimeError as e:
            raise ReportError(name, f"cannot OCR scanned pages: {e}") from None
    return engine


def ocr_images(images: Sequence, name: str, *, engine=None, cache_dir: Path | str | bool | None = None,
               on_page: ProgressFn | None = None) -> Document:
    """Page images (PIL images or PNG/JPEG bytes, one per page) → a document of kind 'ocr'.

    Pages are numbered from 1 in the order given. `engine` is an engine name
    (tesseract | rapidocr), an engine object or None for the default;
    `on_page(i, n)` is called after each page (i from 1 to n).
    """
    eng = _engine_or_error(engine, name)
    cache = _cache_dir(cache_dir)
    results = []
    n = len(images)
    for i, image in enumerate(images, 1):
        key = _cache_key(_image_digest(image), 0, eng, None)
        result = _load(cache, key)
        if result is None:
            try:
                result = read_page(image, eng, i)
            except (OSError, ValueError, SyntaxError) as e:      # PIL's errors for a broken image
                raise ReportError(name, f"page {i} is not a readable image ({type(e).__name__})") from None
            _save(cache, key, result)
        else:
            result = _renumber(result, i)
        results.append((i, result))
        if on_page:
            on_page(i, n)
    return _document(results, eng, n, "ocr")


def render_pdf_page(pdf_bytes: bytes, page: int, dpi: int = DEFAULT_DPI):
    """One page (numbered from 1) of a PDF as a greyscale PIL image."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return doc[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def ocr_pdf_pages(pdf_bytes: bytes, pages: Sequence[int] | None, name: str, *, engine=None,
                  cache_dir: Path | str | bool | None = None, on_page: ProgressFn | None = None,
                  dpi: int = DEFAULT_DPI) -> Document:
    """The given pages of a PDF (numbered from 1; None: every page), rendered and read by OCR.

    Meant for the pages that have no text layer; the blocks keep the PDF's
    page numbers so they can be merged with the text pages' blocks.
    """
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(pdf_bytes)
        total = len(doc)
        doc.close()
    except Exception as e:  # pdfium raises its own error types
        raise ReportError(name, f"not a readable PDF ({type(e).__name__})") from None
    wanted = list(range(1, total + 1)) if pages is None else [p for p in pages if 1 <= p <= total]
    eng = _engine_or_error(engine, name)
    cache = _cache_dir(cache_dir)
    digest = hashlib.sha256(pdf_bytes).hexdigest()
    results = []
    for i, page in enumerate(wanted, 1):
        key = _cache_key(digest, page, eng, dpi)
        result = _load(cache, key)
        if result is None:
            result = read_page(render_pdf_page(pdf_bytes, page, dpi), eng, page)
            _save(cache, key, result)
        results.append((page, result))
        if on_page:
            on_page(i, len(wanted))
    return _document(results, eng, total, "ocr")
