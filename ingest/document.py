"""A document as the loaders see it: paragraphs and tables, each with its page.

Loaders keep table structure from the file (HTML rowspan/colspan, Word merged
cells, PDF ruling lines and word positions, markdown pipes) instead of
flattening it. A table's rows hold its distinct cells: a cell merged across
columns appears once, a cell merged down rows (a group label such as
（三）不予公开) is repeated in every row it spans, and a blank cell is ''.

`render` lays a document out as one text, which sections, narrative search and
citations use; each table row keeps its offset in that text, so a fact read
from a cell can point at its row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .records import page_at


class Box:
    """A rectangle on a page (x0, y0, x1, y1 given by the class that uses it) and its centre."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Paragraph:
    """A run of text (a paragraph, a heading, a line)."""

    text: str
    page: int | None = None


@dataclass(frozen=True)
class Table:
    """A table's rows of cells, merged cells resolved."""

    rows: tuple[tuple[str, ...], ...]
    page: int | None = None                    # page of the first row
    row_pages: tuple[int | None, ...] = ()     # page of each row, where known
    grid: bool = True                          # cells from a real cell grid: a blank cell stayed in its place
    source: str = ""                           # html | docx | pdf | markdown | ocr

    def page_of(self, i: int) -> int | None:
        return self.row_pages[i] if i < len(self.row_pages) else self.page


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """What a loader returns: blocks in reading order."""

    blocks: tuple[Block, ...]
    kind: str                                  # text | html | docx | pdf | doc | ocr | image
    pages: int = 0                             # pages in paged formats, 0 otherwise
    notes: tuple[str, ...] = ()                # what the loader wants a reader to know (read by OCR …)
    ocr_pages: tuple[tuple[int, float], ...] = ()  # (page, mean confidence) of the pages read by OCR

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def plain(self) -> bool:
        """A single run of text (text files and web dumps): no structure from the file."""
        return all(isinstance(b, Paragraph) for b in self.blocks)


@dataclass(frozen=True)
class PlacedRow:
    cells: tuple[str, ...]
    offset: int                                # character offset of the row in the rendered text
    page: int | None = None
    grid: bool = True                          # from a real cell grid (see Table.grid)
    source: str = ""                           # html | docx | pdf | markdown | ocr


@dataclass
class PlacedTable:
    """A table with each row's place in the rendered text."""

    rows: list[PlacedRow]
    grid: bool
    source: str
    start: int
    end: int


@dataclass
class Rendered:
    """A document laid out as text, with where its tables and pages are."""

    text: str
    tables: list[PlacedTable] = field(default_factory=list)
    page_starts: list[tuple[int, int]] = field(default_factory=list)   # (offset, page), ascending

    def page_at(self, offset: int) -> int | None:
        """The page a character offset of the text falls on (None for unpaged formats)."""
        return page_at(self.page_starts, offset)


def table_lines(rows) -> list[str]:
    """Table rows in line form: one tab-indented cell per line, an empty line after each row."""
    out: list[str] = []
    for row in rows:
        for cell in row:
            out.append("\t" + (" ".join(str(cell).split()) or " "))
        out.append("")
    return out


def render(doc: Document, clean_paragraph=None) -> Rendered:
    """Paragraphs one per line, tables in line form; offsets of rows and pages recorded."""
    parts: list[str] = []
    pos = 0
    out = Rendered("")
    last_page = None

    def note_page(page):
        nonlocal last_page
        if page is not None and page != last_page:
            out.page_starts.append((pos, page))
            last_page = page

    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = clean_paragraph(block.text) if clean_paragraph else block.text
            if not text.strip():
                continue
            note_page(block.page)
            parts.append(text + "\n")
            pos += len(text) + 1
            continue
        start = pos
        placed = []
        for i, row in enumerate(block.rows):
            note_page(block.page_of(i))
            lines = table_lines([row])
            chunk = "\n".join(lines) + "\n"
            placed.append(PlacedRow(tuple(row), pos, block.page_of(i), block.grid, block.source))
            parts.append(chunk)
            pos += len(chunk)
        out.tables.append(PlacedTable(placed, block.grid, block.source, start, pos))
    out.text = "".join(parts)
    return out


# ---- markdown pipe tables in text ---------------------------------------------------------------

_PIPE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
_PIPE_RULE = re.compile(r"^[\s|:]*[-—][\s|:\-—]*$")   # |---|:--:| (a row of blank cells is not one)


def pipe_tables(text: str) -> list[PlacedTable]:
    """Markdown pipe tables found in a text (converter and OCR output), with their offsets.

    A `|` is a cell border, so a blank cell keeps its place. Separator rows
    (`|---|---|`) are dropped; consecutive pipe lines form one table.
    """
    tables: list[PlacedTable] = []
    rows: list[PlacedRow] = []
    start = pos = 0
    for line in text.split("\n"):
        m = _PIPE_ROW.match(line)
        if m and line.count("|") >= 2:
            if not rows:
                start = pos
            if not _PIPE_RULE.match(m.group(1)):
                cells = tuple(c.strip() for c in m.group(1).split("|"))
                rows.append(PlacedRow(cells, pos))
        elif rows and line.strip():
            tables.append(PlacedTable(rows, True, "markdown", start, pos))
            rows = []
        pos += len(line) + 1
    if rows:
        tables.append(PlacedTable(rows, True, "markdown", start, pos))
    return tables
