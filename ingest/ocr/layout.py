"""Words placed as blocks: the cells of a ruled table, columns of aligned lines (a table
without rules), and lines joined into paragraphs.

Blocks are plain dicts (so a page's result can be cached as JSON): a table
`{"table": rows, "page", "grid"}`, a line `{"line", "page", "x0", "x1", "y0", "y1"}`
and a paragraph `{"text", "page"}`.
"""
from __future__ import annotations

from typing import Sequence

from .grid import Grid
from .words import _ASCII_END, _ASCII_START, Word, _lines, _mean_conf, join_words


def _cell_text(words: Sequence[Word]) -> str:
    parts = [join_words(line) for line in _lines(words)]
    out = ""
    for p in parts:
        if out and _ASCII_END.search(out) and _ASCII_START.match(p):
            out += " "
        out += p
    return out


def _grid_rows(grid: Grid, words: Sequence[Word]) -> tuple[list[list[str]], list[list[float]]]:
    """Rows of distinct cells (a cell merged down rows repeated in each), and each cell's confidence."""
    by_cell: dict[int, list[Word]] = {}
    for wd in words:
        loc = grid.locate(wd.cx, wd.cy)
        if loc is not None:
            by_cell.setdefault(grid.cell[loc[0]][loc[1]], []).append(wd)
    text = {k: _cell_text(v) for k, v in by_cell.items()}
    conf = {k: _mean_conf(v) for k, v in by_cell.items()}
    rows, confs = [], []
    for ids in grid.cell:
        row: list[int] = []
        for k in ids:
            if k not in row:
                row.append(k)
        cells = [text.get(k, "") for k in row]
        if any(cells):
            rows.append(cells)
            confs.append([conf.get(k, 1.0) for k in row])
    return rows, confs


def _free_blocks(words: Sequence[Word], page_w: int, page: int) -> list[tuple[float, dict]]:
    """Words outside ruled tables: aligned columns become a table (grid=False), the rest paragraphs."""
    lines = _lines(words)
    if not lines:
        return []
    heights = sorted(w.h for w in words)
    ch = heights[len(heights) // 2]
    out: list[tuple[float, dict]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(_columns_of(lines[j], ch)) >= 3:
            j += 1
        if j - i >= 3:
            rows = _position_table(lines[i:j], ch)
            if rows:
                out.append((min(w.y0 for w in lines[i]), {"table": rows, "page": page, "grid": False}))
                i = j
                continue
        out += _paragraphs([lines[i]], page)
        i += 1
    return _merge_paragraphs(out, lines, ch)


def _columns_of(line: Sequence[Word], ch: float) -> list[list[Word]]:
    """A line's words split where the gap is wide (more than two characters)."""
    groups: list[list[Word]] = []
    for w in line:
        if groups and w.x0 - groups[-1][-1].x1 <= 2 * ch:
            groups[-1].append(w)
        else:
            groups.append([w])
    return groups


def _position_table(lines: Sequence[Sequence[Word]], ch: float) -> list[list[str]]:
    """Columns inferred from where the words of aligned lines stand: gaps that no line crosses."""
    spans = sorted((g[0].x0, g[-1].x1) for line in lines for g in _columns_of(line, ch))
    cols: list[list[float]] = []
    for a, b in spans:
        if cols and a <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    if len(cols) < 3:
        return []
    rows = []
    for line in lines:
        cells = [[] for _ in cols]
        for g in _columns_of(line, ch):
            k = next(k for k, (a, b) in enumerate(cols) if a <= g[0].x0 <= b)
            cells[k] += g
        rows.append([join_words(c) for c in cells])
    return rows


def _paragraphs(lines, page) -> list[tuple[float, dict]]:
    return [(min(w.y0 for w in line), {"line": join_words(line), "page": page,
                                        "x0": min(w.x0 for w in line), "x1": max(w.x1 for w in line),
                                        "y0": min(w.y0 for w in line), "y1": max(w.y1 for w in line)})
            for line in lines]


def _merge_paragraphs(items: list[tuple[float, dict]], lines, ch: float) -> list[tuple[float, dict]]:
    """Lines joined into paragraphs: a line that fills the measure runs on into the next unless it is indented."""
    spans = [b for _, b in items if "line" in b]
    if not spans:
        return items
    widths = sorted(b["x1"] - b["x0"] for b in spans)
    wide = [b for b in spans if b["x1"] - b["x0"] >= 0.6 * widths[-1]] or spans
    left = sorted(b["x0"] for b in wide)[len(wide) // 10]
    right = sorted(b["x1"] for b in wide)[(len(wide) * 9) // 10]
    out: list[tuple[float, dict]] = []
    prev: dict | None = None
    for top, b in items:
        if "line" not in b:
            out.append((top, b))
            prev = None
            continue
        runs_on = (prev is not None and prev["x1"] >= right - 1.5 * ch and b["x0"] <= left + 0.8 * ch
                   and b["y0"] - prev["y1"] < 1.5 * ch)
        if runs_on:
            joined = prev["text"]
            if _ASCII_END.search(joined) and _ASCII_START.match(b["line"]):
                joined += " "
            prev["text"] = joined + b["line"]
            prev["x1"], prev["y1"] = b["x1"], b["y1"]
            continue
        prev = {"text": b["line"], "page": b["page"], "x1": b["x1"], "y1": b["y1"]}
        out.append((top, prev))
    return [(top, {"text": b["text"], "page": b["page"]} if "text" in b else b) for top, b in out]
