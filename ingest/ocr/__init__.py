"""Scanned pages → a document: OCR text boxes laid out as paragraphs and tables.

Each page is straightened (a scan is rarely square to the glass), its ruling
lines are found in the image and taken out before the text is read, and
the text boxes are then placed:

- inside a ruled table, in the cell of the grid that the ruling lines draw
  (merged cells resolved, so a blank cell stays in its place: `grid=True`);
- in a run of lines whose words stand in aligned columns without rules, in
  columns inferred from the words' positions (`grid=False`);
- elsewhere, in lines joined into paragraphs.

What is read is kept as read: a digit the engine may have misread is not
corrected here (the table reader checks cells against the template's
arithmetic). How sure the engine was is said in the document's notes: the
mean recognition confidence of each page, and each table cell read with low
confidence.

OCR is slow, so each page's result is cached by the sha256 of the input
bytes (and the page number, engine and settings) under a cache folder.

Engines: RapidOCR (PP-OCRv4 models that ship inside the rapidocr-onnxruntime
wheel, run by onnxruntime in this process), the default, and Tesseract
(`tesseract` with the `chi_sim` data, from the system's packages, run as one
child process at a time), kept for comparison: on scans of the gold reports
RapidOCR reads table cells far more reliably (eval/bench_ocr.py).
NIANBAO_OCR_ENGINE picks one; NIANBAO_OCR_THREADS sets the threads an engine
uses (1 by default).

The package, one concern a module (each imports only the ones above it):

- words: a word read (its box and confidence), words into lines and text;
- engines: RapidOCR and Tesseract, chosen by name and loaded once;
- image: greyscale, straightening, painting marks out;
- grid: ruling lines and the ruled tables they draw;
- layout: words into table cells, column tables and paragraphs;
- page: one page image read into blocks;
- cache: page results on disk, keyed by the input's content;
- documents: scanned PDFs and images read page by page into a document.
"""
from __future__ import annotations

from .cache import OCR_VERSION
from .documents import DEFAULT_DPI, ProgressFn, ocr_images, ocr_pdf_pages, render_pdf_page
from .engines import ENGINES, RapidEngine, TesseractEngine, available, default_engine, get_engine
from .grid import Grid, Segment, find_grids, find_rulings, ruling_mask
from .image import deskew, erase, estimate_skew
from .page import LOW_CONFIDENCE, PageResult, read_page
from .words import Word, join_words

__all__ = [
    "DEFAULT_DPI", "ENGINES", "LOW_CONFIDENCE", "OCR_VERSION", "Grid", "PageResult", "ProgressFn",
    "RapidEngine", "Segment", "TesseractEngine", "Word", "available", "default_engine", "deskew", "erase",
    "estimate_skew", "find_grids", "find_rulings", "get_engine", "join_words", "ocr_images", "ocr_pdf_pages",
    "read_page", "render_pdf_page", "ruling_mask",
]
