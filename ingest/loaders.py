"""Bytes → text for every format a government site publishes.

Tables in HTML and Word files are written out one cell per tab-indented line
with an empty line between rows: the same shape as the sample reports'
flattened tables, so one table reader serves every format.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .records import ReportError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc")
# A .docx whose parts unpack to more than this is treated as a zip bomb.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


def read_file(path: Path, max_bytes: int) -> tuple[bytes, str]:
    """Read a file and return (bytes, text); ReportError when it cannot be read."""
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
    return data, bytes_to_text(data, suffix, name)


def bytes_to_text(data: bytes, suffix: str, name: str) -> str:
    """Decode a document's bytes to text by its format."""
    if suffix in (".txt", ".md"):
        return decode_text(data, name)
    if suffix in (".html", ".htm"):
        return html_to_text(decode_text(data, name))
    if suffix == ".docx":
        return docx_to_text(data, name)
    if suffix == ".pdf":
        return pdf_to_text(data, name)
    if suffix == ".doc":
        return doc_to_text(data, name)
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


def _table_lines(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        for cell in row:
            out.append("\t" + (" ".join(cell.split()) or " "))
        out.append("")
    return out


def html_to_text(html: str) -> str:
    """A saved web page → the report's text; menus, scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "iframe", "form"]):
        tag.decompose()
    root = soup.body or soup
    lines: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            name = getattr(child, "name", None)
            if name is None:
                s = str(child).strip()
                if s:
                    lines.append(s)
            elif name == "table":
                rows = []
                for tr in child.find_all("tr"):
                    rows.append([td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])])
                lines.extend(_table_lines(rows))
            elif name in ("p", "div", "h1", "h2", "h3", "h4", "li", "section", "article", "br", "tr", "span", "td"):
                if child.find("table") is not None or name in ("div", "section", "article"):
                    walk(child)
                else:
                    s = child.get_text("", strip=True)
                    if s:
                        lines.append(s)
            else:
                walk(child)

    walk(root)
    return "\n".join(lines)


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


def docx_to_text(data: bytes, name: str) -> str:
    """Paragraphs and tables of a Word document, in document order."""
    _check_zip(data, name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types for broken parts
        raise ReportError(name, f"not a readable .docx ({type(e).__name__})") from None
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            rows = []
            for tr in Table(child, doc).rows:
                cells, seen = [], set()
                for cell in tr.cells:
                    # merged cells repeat the same object; a merged label counts once
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(cell.text)
                rows.append(cells)
            lines.extend(_table_lines(rows))
    return "\n".join(lines)


def pdf_to_text(data: bytes, name: str) -> str:
    """The text layer of a PDF; scanned or encrypted files are refused."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReportError(name, "encrypted PDF; remove the password and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReportError:
        raise
    except (PdfReadError, Exception) as e:  # pypdf raises assorted errors on truncated files
        raise ReportError(name, f"unreadable PDF ({type(e).__name__}: truncated or damaged?)") from None
    text = "\n".join(pages)
    if len("".join(text.split())) < 20:
        raise ReportError(name, "PDF has no text layer (a scan?); OCR is not supported, convert it to text first")
    return text


def doc_to_text(data: bytes, name: str) -> str:
    """Old Word files through LibreOffice, when it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ReportError(name, "old Word .doc needs LibreOffice: install it (apt install libreoffice-writer) or save the file as .docx")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        env = dict(os.environ, HOME=tmp)
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=120, env=env)
        except (subprocess.SubprocessError, OSError):
            raise ReportError(name, "LibreOffice could not convert this .doc") from None
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise ReportError(name, "LibreOffice could not convert this .doc")
        return docx_to_text(out.read_bytes(), name)
