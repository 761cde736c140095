"""A gold report as the files people bring: HTML, Word, PDF and the text that
converters, OCR tools and crawlers make of them.

Every rendition of a report carries the same narrative (the report's own
sections, as the parser splits the corpus text) and the same tables 2–4, laid
out as the national template prints them, with the hand-read gold values in
the cells (a null is a blank cell). So a reader can be scored on every cell
of every format against one truth.

    html          real table markup, rowspan/colspan where the template merges cells
    docx, doc     LibreOffice's conversion of that HTML
    pdf           headless Chromium's print of that HTML, ruled tables fitted to the page
    pdf_text      pdfplumber's text of that PDF (blank cells vanish from the rows)
    markdown      a converter's pipe tables: merged labels cut off into free lines, header
                  rows in pieces, table 3 split at a page break with a repeated header
    ocr_markdown  an OCR tool's tables: generic column names, table 4 in three tables,
                  a heading row read as data
    crawled       a crawled page: a header block, then the whole report on one line
                  with table cells run together

LibreOffice and Chromium outputs are cached under tests/artifacts/renditions,
keyed by a hash of the HTML they are made from.
"""
from __future__ import annotations

import hashlib
import html as htmlmod
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from nianbao.eval.gold import ROOT
from nianbao.eval.layout import (APPLICANTS_HEAD, ARTICLE, BALANCE_NOTE, CONTENT_HEAD, GRIDS, Grid, Source, article_blocks,
                         cell_text, grid_appeals, group_of, org_head, outcome_block, source)
from nianbao.ingest.template import APPEALS, APPLICATIONS, PROACTIVE

__all__ = ["FORMATS", "Source", "build", "build_many", "cell_text", "misleading_cells", "open_cells",
           "possible_values", "program_for", "source"]

CACHE = ROOT / "tests" / "artifacts" / "renditions"
# Bump when a builder changes what it writes, so cached files are made again.
BUILD_VERSION = "1"

CRAWLER_MARK = "==================== 正文 ===================="

# Relative widths of the label columns then the value columns, for a page that fits them.
_COLUMN_WIDTHS = {"proactive": ([34], 22), "applications": ([8, 9, 25], 8.3), "appeals": ([], 6.67)}


# ---- html ------------------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 18mm 16mm;
        @bottom-center { content: "— " counter(page) " —"; font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; } }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 11pt; line-height: 1.6; }
h1 { font-size: 16pt; text-align: center; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; }
p { text-indent: 2em; margin: 4pt 0; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 8pt 0; }
td { border: 1px solid #000; word-break: break-all; overflow-wrap: anywhere; padding: 2pt 3pt;
     font-size: 9pt; line-height: 1.35; text-align: center; vertical-align: middle; }
tr { page-break-inside: avoid; }
"""


def _colgroup(key: str, ncols: int) -> str:
    labels, value = _COLUMN_WIDTHS[key]
    widths = labels + [value] * (ncols - len(labels))
    total = sum(widths)
    return "<colgroup>" + "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in widths) + "</colgroup>"


def _grid_width(grid: Grid) -> int:
    return sum(c.colspan for c in grid[0]) if grid else 0


def table_html(key: str, grid: Grid) -> str:
    """A grid as HTML table markup."""
    out = [f'<table border="1" cellspacing="0" cellpadding="2">{_colgroup(key, _grid_width(grid))}']
    for row in grid:
        tds = []
        for c in row:
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            tds.append(f"<td{span}>{htmlmod.escape(c.text)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_text(src: Source) -> str:
    """The report as one HTML page."""
    esc = htmlmod.escape
    body = [f"<h1>{esc(src.title)}</h1>"] + [f"<p>{esc(p)}</p>" for p in src.preamble]
    for part in src.parts:
        body.append(f"<h2>{esc(part.heading)}</h2>")
        body += [f"<p>{esc(p)}</p>" for p in part.before]
        if part.key in GRIDS:
            body.append(table_html(part.key, GRIDS[part.key](src)))
        body += [f"<p>{esc(p)}</p>" for p in part.after]
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(src.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def build_html(src: Source, out_dir: Path) -> Path:
    return _write(out_dir / f"{src.stem}.html", html_text(src))


# ---- markdown as a converter writes it -----------------------------------------------------------

def _pipe(cells: Iterable[str]) -> str:
    return "| " + " | ".join(c.replace("|", "｜") for c in cells) + " |"


def _pipe_table(rows: list[list[str]]) -> list[str]:
    """Rows → a pipe table (the first row is its header line), then a blank line."""
    width = len(rows[0])
    return [_pipe(rows[0]), _pipe(["---"] * width)] + [_pipe(r) for r in rows[1:]] + [""]


def _md_proactive(src: Source) -> list[str]:
    width = PROACTIVE.width(src.version)
    rows: list[list[str]] = []
    for article, columns, block in article_blocks(src):
        pad = [""] * (width - len(columns))
        # The merged article cell keeps its text in the first column; the first one heads the table.
        rows.append([f"{ARTICLE}{article}"] + [""] * width)
        rows.append([CONTENT_HEAD] + [PROACTIVE.column(c).label for c in columns] + pad)
        rows += [[r.label] + src.values(PROACTIVE, r) + pad for r in block]
    return _pipe_table(rows)


def _md_applications(src: Source, page: int) -> list[str]:
    cols = APPLICATIONS.rows_for(src.version)[0].columns
    labels = [APPLICATIONS.column(c).label for c in cols]
    orgs = [APPLICATIONS.column(c).label for c in cols if c not in ("natural_person", "total")]
    # The three header rows come out in pieces: two free lines, the middle row as a table of its
    # own, the organisation row as the header line of the first piece.
    out = [BALANCE_NOTE, "", APPLICANTS_HEAD, ""] + _pipe_table([[labels[0], org_head(), labels[-1]]])
    piece: list[list[str]] = [["", ""] + orgs + [""]]
    block = outcome_block(src)
    rows = src.rows(APPLICATIONS)
    seen: set[str] = set()

    def flush() -> None:
        if piece:
            out.extend(_pipe_table(piece))
            piece.clear()

    for row in rows:
        values = src.values(APPLICATIONS, row)
        if block and row is block[0]:      # the merged 三、本年度办理结果 cell, cut off above
            flush()
            out.extend([group_of("outcomes").label, ""])
        group = group_of(row.group) if row.group not in ("", "outcomes") else None
        if group is not None and group.key not in seen:
            seen.add(group.key)
            flush()
            if group.key == "unable":
                # A page break: the page's footer, the header again, then this group's labels cut
                # off above a piece that has no label column.
                members = [r for r in rows if r.group == group.key]
                out.extend([f"— {page} —", ""] + _pipe_table([[APPLICANTS_HEAD] + labels]))
                out.extend([group.label] + [r.label for r in members] + [""])
                out.extend(_pipe_table([src.values(APPLICATIONS, r) for r in members]))
            else:
                out.extend([group.label, ""])
        if group is not None and group.key == "unable":
            continue
        piece.append([row.label] + values)
    flush()
    return out


def _md_appeals(src: Source) -> list[str]:
    grid = grid_appeals(src)
    rows = src.rows(APPEALS)
    review = [c for r in rows if not r.group for c in r.columns]
    # The top header row comes out as a piece of its own; the merged cells of the next one keep
    # their text in their first column.
    out = _pipe_table([[c.text for c in grid[0]]])
    head1 = [APPEALS.column(c).label for c in review]
    for r in (r for r in rows if r.group):
        head1 += [r.label] + [""] * (len(r.columns) - 1)
    head2 = [""] * len(review) + [c.text for c in grid[2]]
    return out + _pipe_table([head1, head2, [c.text for c in grid[3]]])


def markdown_text(src: Source) -> str:
    """The report as a PDF-to-markdown converter writes it."""
    out = [f"# {src.title}", ""]
    for p in src.preamble:
        out += [p, ""]
    for part in src.parts:
        out += [f"## {part.heading}", ""]
        for p in part.before:
            out += [p, ""]
        if part.key == "proactive":
            out += _md_proactive(src)
        elif part.key == "applications":
            out += _md_applications(src, page=3)
        elif part.key == "appeals":
            out += _md_appeals(src)
        for p in part.after:
            out += [p, ""]
    return "\n".join(out).rstrip() + "\n"


def build_markdown(src: Source, out_dir: Path) -> Path:
    return _write(out_dir / f"{src.stem}.md", markdown_text(src))


# ---- markdown as an OCR tool writes it ------------------------------------------------------------

def _ocr_label(label: str) -> str:
    # OCR gives half-width brackets and full stops for 、 more often than not.
    return label.replace("（", "(").replace("）", ")")


def _ocr_head(n: int, total: bool) -> list[str]:
    """类别 | 数据1 | … | 数据n (| 总计): the names an OCR tool gives columns it cannot name."""
    return ["类别"] + [f"数据{i}" for i in range(1, n + 1)] + (["总计"] if total else [])


def _ocr_proactive(src: Source) -> list[str]:
    width = PROACTIVE.width(src.version)
    rows = [_ocr_head(width, False)]
    for article, columns, block in article_blocks(src):
        pad = [""] * (width - len(columns))
        rows.append([_ocr_label(f"{ARTICLE}{article}")] + [""] * width)
        rows.append([CONTENT_HEAD] + [PROACTIVE.column(c).label for c in columns] + pad)
        rows += [[r.label] + src.values(PROACTIVE, r) + pad for r in block]
    return _pipe_table(rows)


def _ocr_applications(src: Source) -> list[str]:
    cols = APPLICATIONS.rows_for(src.version)[0].columns
    rows = [_ocr_head(len(cols) - 1, True),
            [APPLICANTS_HEAD] + [APPLICATIONS.column(c).label for c in cols]]   # the heading row, read as data
    seen: set[str] = set()
    block = outcome_block(src)
    for row in src.rows(APPLICATIONS):
        label = row.label
        if row.group and row.group not in seen:
            seen.add(row.group)
            group = group_of(row.group)
            if group.key != "outcomes":
                label = f"{group.label}{label}"
        if block and row is block[0]:
            label = f"{group_of('outcomes').label}{label}"
        rows.append([_ocr_label(label)] + src.values(APPLICATIONS, row))
    return [BALANCE_NOTE, ""] + _pipe_table(rows)


def _ocr_appeals(src: Source) -> list[str]:
    out: list[str] = []
    litigation_said = False
    for row in src.rows(APPEALS):
        if row.group and not litigation_said:
            litigation_said = True
            out += [next(g.label for g in APPEALS.groups if g.key == row.group), ""]
        elif not row.group:
            out += [row.label, ""]
        head = [APPEALS.column(c).label for c in row.columns]
        out += _pipe_table([_ocr_head(len(row.columns) - 1, True), [row.label] + head,
                            [row.label] + src.values(APPEALS, row)])
    return out


def ocr_markdown_text(src: Source) -> str:
    """The report as an OCR tool's markdown of its scan."""
    out = [f"# {src.title}", ""]
    for p in src.preamble:
        out += [p, ""]
    for part in src.parts:
        out += [f"**{part.heading}**", ""]
        for p in part.before:
            out += [p, ""]
        if part.key == "proactive":
            out += _ocr_proactive(src)
        elif part.key == "applications":
            out += _ocr_applications(src)
        elif part.key == "appeals":
            out += _ocr_appeals(src)
        for p in part.after:
            out += [p, ""]
    return "\n".join(out).rstrip() + "\n"


def build_ocr_markdown(src: Source, out_dir: Path) -> Path:
    return _write(out_dir / f"{src.stem}.md", ocr_markdown_text(src))


# ---- a crawled page ----------------------------------------------------------------------------

def crawled_text(src: Source) -> str:
    """The report as a crawler saves a web page: header block, then everything on one line."""
    slug = f"{src.year + 1}01/{src.stem}"
    head = [
        f"标题: {src.title}",
        f"发布时间: {src.year + 1}-01-20 09:30",
        "文号: ",
        f"发布机构: {src.body}",
        "栏目: 政府信息公开年报",
        f"原文链接: https://www.example.gov.cn/zfxxgk/zfxxgknb/{slug}.htm",
        f"本地目录: zfxxgk/zfxxgknb/{slug}_{src.title}",
        "页面链接与图片详见 links.tsv(同目录)",
        CRAWLER_MARK,
    ]
    pieces = ["".join(src.preamble)]
    for part in src.parts:
        text = part.heading + "".join(part.before)
        if part.key in GRIDS:
            text += "".join(c.text for row in GRIDS[part.key](src) for c in row)
        text += "".join(part.after)
        pieces.append(text)
    return "\n".join(head) + "\n" + " ".join(p for p in pieces if p) + "\n"


def build_crawled(src: Source, out_dir: Path) -> Path:
    return _write(out_dir / f"{src.stem}.txt", crawled_text(src))


# ---- LibreOffice and Chromium ------------------------------------------------------------------

SOFFICE = ("soffice", "libreoffice")
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
_PROGRAMS = {"docx": SOFFICE, "doc": SOFFICE, "pdf": CHROMIUM, "pdf_text": CHROMIUM}
_LO_FILTERS = {"docx": "docx:MS Word 2007 XML", "doc": "doc:MS Word 97"}


def program_for(fmt: str) -> tuple[str, str | None]:
    """(program name, its path or None when missing) for a format that needs one; ('', '') otherwise."""
    names = _PROGRAMS.get(fmt)
    if not names:
        return "", ""
    for name in names:
        path = shutil.which(name)
        if path:
            return names[0], path
    return names[0], None


def _cache_path(fmt: str, src: Source, suffix: str, tool: str = "") -> Path:
    """Where a made file is kept: named by the hash of the HTML it is made from (and the tool's version)."""
    digest = hashlib.sha256(f"{BUILD_VERSION}\n{fmt}\n{tool}\n{html_text(src)}".encode()).hexdigest()[:16]
    return CACHE / fmt / f"{src.stem}-{digest}{suffix}"


def _store(made: Path, cached: Path) -> Path:
    """Keep a made file in the cache, dropping the copies made from older HTML of the same report."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    stem = cached.name.rsplit("-", 1)[0]
    for old in cached.parent.glob(f"{stem}-*{cached.suffix}"):
        if old.name.rsplit("-", 1)[0] == stem:
            old.unlink(missing_ok=True)
    shutil.copyfile(made, cached)
    return cached


def _libreoffice(fmt: str, sources: list[Source]) -> dict[str, Path]:
    """Cached LibreOffice conversions of the sources' HTML, made in one run for all that are missing."""
    out = {s.stem: _cache_path(fmt, s, f".{fmt}") for s in sources}
    todo = [s for s in sources if not out[s.stem].exists()]
    if todo:
        _, exe = program_for(fmt)
        if exe is None:
            raise RuntimeError(f"LibreOffice (soffice) is needed to make .{fmt} files: apt-get install libreoffice-writer-nogui")
        with tempfile.TemporaryDirectory(prefix="nianbao-lo-") as tmp:
            tmp = Path(tmp)
            inputs = []
            for s in todo:
                p = tmp / "in" / f"{s.stem}.html"
                _write(p, html_text(s))
                inputs.append(str(p))
            cmd = [exe, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
                   "--infilter=HTML (StarWriter)", "--convert-to", _LO_FILTERS[fmt], "--outdir", str(tmp / "out"), *inputs]
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            for s in todo:
                made = tmp / "out" / f"{s.stem}.{fmt}"
                if not made.exists():
                    raise RuntimeError(f"LibreOffice made no {made.name}: {run.stderr.strip()[-400:]}")
                _store(made, out[s.stem])
    return out


def _print_pdf(src: Source) -> Path:
    """Cached Chromium print of the source's HTML."""
    cached = _cache_path("pdf", src, ".pdf")
    if cached.exists():
        return cached
    _, exe = program_for("pdf")
    if exe is None:
        raise RuntimeError("Chromium is needed to make PDF files: apt-get install chromium fonts-wqy-microhei")
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as tmp:
        tmp = Path(tmp)
        page = _write(tmp / f"{src.stem}.html", html_text(src))
        made = tmp / f"{src.stem}.pdf"
        run = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              f"--user-data-dir={tmp / 'profile'}", "--no-pdf-header-footer",
                              f"--print-to-pdf={made}", page.as_uri()],
                             capture_output=True, text=True, timeout=300)
        if not made.exists():
            raise RuntimeError(f"Chromium printed no PDF: {run.stderr.strip()[-400:]}")
        return _store(made, cached)


def pdf_text(pdf: Path) -> str:
    """What a PDF converter gives: pdfplumber's text of each page, pages joined."""
    import logging

    import pdfplumber

    # pdfminer warns about every CJK font without a bounding box; the text is fine.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(pdf) as doc:
        return "\n".join((page.extract_text() or "") for page in doc.pages) + "\n"


def build_docx(src: Source, out_dir: Path) -> Path:
    return _copy(_libreoffice("docx", [src])[src.stem], out_dir / f"{src.stem}.docx")


def build_doc(src: Source, out_dir: Path) -> Path:
    return _copy(_libreoffice("doc", [src])[src.stem], out_dir / f"{src.stem}.doc")


def build_pdf(src: Source, out_dir: Path) -> Path:
    return _copy(_print_pdf(src), out_dir / f"{src.stem}.pdf")


def build_pdf_text(src: Source, out_dir: Path) -> Path:
    import pdfplumber

    cached = _cache_path("pdf_text", src, ".txt", pdfplumber.__version__)
    if not cached.exists():
        made = _write(out_dir / f"{src.stem}.txt", pdf_text(_print_pdf(src)))
        _store(made, cached)
    return _copy(cached, out_dir / f"{src.stem}.txt")


# ---- all formats -----------------------------------------------------------------------------------

FORMATS: dict[str, Callable[[Source, Path], Path]] = {
    "html": build_html,
    "docx": build_docx,
    "doc": build_doc,
    "pdf": build_pdf,
    "pdf_text": build_pdf_text,
    "markdown": build_markdown,
    "ocr_markdown": build_ocr_markdown,
    "crawled": build_crawled,
}


def possible_values(gold: dict, fmt: str) -> dict[str, set]:
    """Each gold cell's values over the readings its rendition allows (blanks dropped, cells run
    together); a single value is a decided cell."""
    from nianbao.eval import readings

    src = source(gold)
    printed = {k: cell_text(v, k.rsplit(".", 1)[1], src.signed_words) for k, v in src.cells.items()}
    return readings.possible_values(src.cells, printed, src.version, fmt)


def open_cells(gold: dict, fmt: str) -> set[str]:
    """The gold cells a rendition leaves undecidable."""
    return {k for k, vs in possible_values(gold, fmt).items() if len(vs) > 1}


def misleading_cells(gold: dict, fmt: str) -> set[str]:
    """The gold cells a rendition seems to settle on a value other than the hand-read one."""
    cells = source(gold).cells
    return {k for k, vs in possible_values(gold, fmt).items() if len(vs) == 1 and next(iter(vs)) != cells[k]}


def build(gold: dict, fmt: str, out_dir: Path) -> Path:
    """One rendition of a gold report, written into out_dir; its path."""
    return FORMATS[fmt](source(gold), Path(out_dir))


def build_many(golds: list[dict], fmt: str, out_dir: Path) -> dict[str, Path]:
    """One format for many gold reports (LibreOffice converts them in one run); stem → path."""
    sources = [source(g) for g in golds]
    if fmt in _LO_FILTERS:
        _libreoffice(fmt, sources)   # fills the cache in one run
    return {s.stem: FORMATS[fmt](s, Path(out_dir)) for s in sources}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if src.resolve() != dst.resolve():
        shutil.copyfile(src, dst)
    return dst
