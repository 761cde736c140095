"""Bytes → a document of paragraphs and tables, for every format a government site publishes.

Table structure is kept from the file: HTML rowspan/colspan, Word merged
cells and PDF ruling lines become rows of cells (ingest/document.py), never a
flattened string parsed back. Text files stay one run of text; their tables
are read by the text reader (ingest/tables.py).
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .document import Document, Paragraph, Table
from .records import ReadOptions, ReportError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc", ".png", ".jpg", ".jpeg")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
# A .docx whose parts unpack to more than this is treated as a zip bomb.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


def read_file(path: Path, max_bytes: int, options: ReadOptions | None = None) -> tuple[bytes, Document]:
    """Read a file and return (bytes, document); ReportError when it cannot be read."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReportError(name, f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReportError(name, f"cannot read file ({e.strerror})") from None
    if size == 0:
        raise ReportError(name, "empty file")
    if size > max_bytes:
        raise ReportError(name, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit (NIANBAO_MAX_FILE_MB)")
    data = path.read_bytes()
    return data, load_document(data, suffix, name, options)


def load_document(data: bytes, suffix: str, name: str, options: ReadOptions | None = None) -> Document:
    """A document's bytes → its blocks, by format; scanned pages and page images are read by OCR."""
    options = options or ReadOptions()
    if suffix in (".txt", ".md"):
        return Document((Paragraph(decode_text(data, name)),), "text")
    if suffix in (".html", ".htm"):
        return html_document(decode_text(data, name))
    if suffix == ".docx":
        return docx_document(data, name)
    if suffix == ".pdf":
        return pdf_document(data, name, options)
    if suffix in IMAGE_SUFFIXES:
        from .ocr import ocr_images

        return ocr_images([data], name, cache_dir=options.ocr_cache, on_page=options.on_page)
    if suffix == ".doc":
        return doc_document(data, name)
    raise ReportError(name, f"unsupported file type {suffix}")


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 first, then GB18030 (a superset of GBK), then Big5; reject binary."""
    if b"\x00" in data[:4096]:
        raise ReportError(name, "not text: binary data")
    for enc in ("utf-8-sig", "gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise ReportError(name, "not text: neither UTF-8, GB18030 nor Big5")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(sample) < 0.01


_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "span", "td", "pre", "blockquote")


def _span(tag, attr: str) -> int:
    try:
        return max(1, min(int(str(tag.get(attr, 1)).strip() or 1), 100))
    except ValueError:
        return 1


def html_grid(table) -> list[list[str]]:
    """An HTML table's rows of distinct cells: colspan once, rowspan repeated down the rows it covers."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}   # column → (text, rows still covered)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row: list[str] = []
        col = 0
        cells = tr.find_all(["td", "th"], recursive=False)

        def fill_pending():
            nonlocal col
            while col in pending:
                text, left = pending[col]
                row.append(text)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (text, left - 1)
                col += 1

        for td in cells:
            fill_pending()
            text = " ".join(td.get_text(" ", strip=True).split())
            span, down = _span(td, "colspan"), _span(td, "rowspan")
            row.append(text)
            if down > 1:
                for c in range(col, col + span):
                    pending[c] = (text, down - 1)
                # a label merged across columns and rows is repeated once per row, not per column
                for c in range(col + 1, col + span):
                    pending[c] = ("\0", down - 1)
            col += span
        fill_pending()
        rows.append([c for c in row if c != "\0"])
    return rows


def html_document(html: str) -> Document:
    """A saved web page → paragraphs and tables; menus, scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "iframe", "form"]):
        tag.decompose()
    root = soup.body or soup
    blocks: list = []

    def walk(node) -> None:
        for child in node.children:
            name = getattr(child, "name", None)
            if name is None:
                s = str(child).strip()
                if s:
                    blocks.append(Paragraph(s))
            elif name == "table":
                rows = html_grid(child)
                if rows:
                    blocks.append(Table(tuple(tuple(r) for r in rows), source="html"))
            elif name in _BLOCK_TAGS:
                if child.find("table") is not None:
                    walk(child)
                else:
                    s = child.get_text("", strip=True)
                    if s:
                        blocks.append(Paragraph(s))
            else:
                walk(child)

    walk(root)
    return Document(tuple(blocks), "html")


def _check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReportError(name, "not a valid .docx (not a zip archive)") from None
    total = sum(i.file_size for i in zf.infolist())
    if total > MAX_UNZIPPED_BYTES:
        raise ReportError(name, f"refused: .docx unpacks to {total / 1e6:.0f} MB (zip bomb?)")
    if "word/document.xml" not in zf.namelist():
        raise ReportError(name, "not a valid .docx (no word/document.xml)")
    return zf


def docx_document(data: bytes, name: str) -> Document:
    """Paragraphs and tables of a Word document, in document order, merged cells resolved."""
    _check_zip(data, name)
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types for broken parts
        raise ReportError(name, f"not a readable .docx ({type(e).__name__})") from None
    blocks: list = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = DocxParagraph(child, doc).text
            if text.strip():
                blocks.append(Paragraph(text))
        elif tag == "tbl":
            rows = []
            for tr in DocxTable(child, doc).rows:
                cells, seen = [], set()
                for cell in tr.cells:
                    # a cell merged across columns is the same object in each; it counts once.
                    # A cell merged down rows (vMerge) is returned again in each row it covers.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                rows.append(tuple(cells))
            if rows:
                blocks.append(Table(tuple(rows), source="docx"))
    return Document(tuple(blocks), "docx")


def pdf_document(data: bytes, name: str, options: ReadOptions | None = None) -> Document:
    """A PDF's pages: tables from ruling lines, the text around them; scanned pages by OCR; encrypted files refused."""
    from .pdf import read_pdf

    return read_pdf(data, name, options or ReadOptions())


def doc_document(data: bytes, name: str) -> Document:
    """Old Word files through LibreOffice (Debian: libreoffice-writer-nogui; `make system` installs it)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ReportError(name, "old Word .doc needs LibreOffice: install it (apt install libreoffice-writer-nogui, "
                                "or `make system`) or save the file as .docx")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        env = dict(os.environ, HOME=tmp)
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "docx", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=120, env=env)
        except (subprocess.SubprocessError, OSError):
            raise ReportError(name, "LibreOffice could not convert this .doc") from None
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise ReportError(name, "LibreOffice could not convert this .doc")
        return Document(docx_document(out.read_bytes(), name).blocks, "doc")
