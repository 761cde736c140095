"""Build .docx, .html and .pdf versions of a sample report from its text.

The sample texts keep their tables one cell per tab-indented line, rows
separated by empty lines; here each row becomes a table row again.
"""
from __future__ import annotations

import html
from pathlib import Path


def blocks(text: str) -> list[tuple[str, object]]:
    """('p', line) for narrative and ('row', [cells]) for table rows, in order."""
    out: list[tuple[str, object]] = []
    row: list[str] | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            row = row if row is not None else []
            row.append(line.strip())
            continue
        if row is not None and line.strip() and out is not None and row:
            row[-1] += line.strip()  # a cell broken over two lines
            continue
        if row is not None:
            out.append(("row", row))
            row = None
        if line.strip():
            out.append(("p", line.strip()))
    if row:
        out.append(("row", row))
    return out


def to_docx(text: str, path: Path) -> Path:
    """Paragraphs and one table per printed row (rows have differing cell counts)."""
    import docx

    doc = docx.Document()
    for kind, content in blocks(text):
        if kind == "p":
            doc.add_paragraph(content)
        else:
            table = doc.add_table(rows=1, cols=len(content))
            for cell, value in zip(table.rows[0].cells, content):
                cell.text = value
    doc.save(str(path))
    return path


def to_html(text: str, path: Path, extra_head: str = "") -> Path:
    """A saved web page: site menu and footer around the report, tables as <table>."""
    parts = [f"<html><head><meta charset='utf-8'><title>年报</title>{extra_head}"
             "<style>body{font-size:14px}</style><script>var x = '三、收到和处理政府信息公开申请情况';</script></head><body>",
             "<nav><a href='/'>首页</a> &gt; 政务公开 &gt; 年度报告</nav><div class='content'>"]
    rows: list[str] = []
    for kind, content in blocks(text):
        if kind == "row":
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in content) + "</tr>")
            continue
        if rows:
            parts.append("<table>" + "".join(rows) + "</table>")
            rows = []
        parts.append(f"<p>{html.escape(content)}</p>")
    if rows:
        parts.append("<table>" + "".join(rows) + "</table>")
    parts.append("</div><footer>版权所有 网站标识码 联系我们</footer></body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def to_pdf(text: str, path: Path) -> Path:
    """A PDF with a text layer: each table row printed on one line, cells spaced."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    y = 800
    for kind, content in blocks(text):
        line = content if kind == "p" else " ".join(content)
        for i in range(0, len(line), 45):
            if y < 40:
                c.showPage()
                y = 800
            c.setFont("STSong-Light", 9)
            c.drawString(30, y, line[i:i + 45])
            y -= 13
    c.save()
    return path
