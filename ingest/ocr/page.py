"""One page image read by OCR: straightened, its rulings found and erased, its words read and
placed in tables and paragraphs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .grid import Grid, find_grids, find_rulings, ruling_mask
from .image import _gray, _otsu, deskew, erase
from .layout import _free_blocks, _grid_rows
from .words import Word, _mean_conf


LOW_CONFIDENCE = 0.6         # table cells read less surely than this are named in the notes


@dataclass
class PageResult:
    """What one page gave: blocks (as plain data, for the cache) and the notes about it."""

    blocks: list[dict]
    confidence: float
    angle: float
    low: list[str]


def read_page(image, engine, page: int) -> PageResult:
    """OCR one page image into paragraph and table blocks."""
    gray = _gray(image)
    gray, angle = deskew(gray)
    h, w = gray.shape
    scale = max(h, w) / 1754                       # 1 at A4 150 dpi
    hs, vs = find_rulings(gray, scale)
    grids = find_grids(hs, vs, scale, w)
    rules = [s for g in grids for s in g.segments] + [s for s in hs if s.x1 - s.x0 > 0.3 * w]
    clean = erase(gray, ruling_mask(gray, rules))
    words = engine.read(gray, clean)

    # words that straddle a ruled cell border are read again, one cell at a time
    placed: list[tuple[Word, Grid | None]] = []
    for word in words:
        grid = next((g for g in grids if g.locate(word.cx, word.cy)), None)
        if grid is None:
            placed.append((word, None))
            continue
        parts = _split_across(word, grid, clean, engine, scale)
        placed += [(p, grid) for p in parts]

    for grid in grids:
        placed += [(wd, grid) for wd in _unread_ink(grid, [wd for wd, g in placed if g is grid], clean, engine, scale)]

    blocks: list[tuple[float, dict]] = []
    all_words = [p for p, _ in placed]
    low: list[str] = []
    for n, grid in enumerate(grids, 1):
        inside = [wd for wd, g in placed if g is grid]
        rows, confs = _grid_rows(grid, inside)
        if not rows:
            continue
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                conf = confs[r][c]
                if text and conf < LOW_CONFIDENCE:
                    low.append(f"page {page} table {n} row {r + 1} cell {c + 1} {text!r} confidence {conf:.2f}")
        blocks.append((grid.ys[0], {"table": rows, "page": page, "grid": True}))
    free = [wd for wd, g in placed if g is None]
    for top, block in _free_blocks(free, w, page):
        blocks.append((top, block))
    blocks.sort(key=lambda b: b[0])
    return PageResult([b for _, b in blocks], round(_mean_conf(all_words), 3), angle, low)


def _split_across(word: Word, grid: Grid, clean, engine, scale: float) -> list[Word]:
    """A word whose box crosses a border of its grid, read again in each cell it covers."""
    loc = grid.locate(word.cx, word.cy)
    if loc is None:
        return [word]
    i, _ = loc
    cuts = []
    margin = 4 * scale
    for j in range(1, len(grid.xs) - 1):
        x = grid.xs[j]
        if word.x0 + margin < x < word.x1 - margin and grid.cell[i][j - 1] != grid.cell[i][j]:
            cuts.append(x)
    if not cuts:
        return [word]
    edges = [word.x0] + cuts + [word.x1]
    out = []
    pad = max(2, round(3 * scale))
    for a, b in zip(edges, edges[1:]):
        if b - a < 6 * scale:
            continue
        y0 = max(0, int(word.y0) - pad)
        y1 = min(clean.shape[0], int(word.y1) + pad)
        x0 = max(0, int(a) + (pad if a in cuts else -pad))
        x1 = min(clean.shape[1], int(b) - (pad if b in cuts else -pad))
        if x1 - x0 < 4:
            continue
        text, conf = engine.read_line(clean[y0:y1, x0:x1])
        if text:
            out.append(Word(x0, y0, x1, y1, text, conf))
    return out


def _unread_ink(grid: Grid, words: Sequence[Word], clean, engine, scale: float) -> list[Word]:
    """Cells left empty by the reader that hold ink all the same (a lone digit the detector
    passed over), read again one cell at a time."""
    import numpy as np

    filled = set()
    for wd in words:
        loc = grid.locate(wd.cx, wd.cy)
        if loc is not None:
            filled.add(grid.cell[loc[0]][loc[1]])
    threshold = _otsu(clean)
    inset = max(2, round(4 * scale))
    out = []
    for cid, (x0, y0, x1, y1) in grid.boxes.items():
        if cid in filled:
            continue
        ya, yb, xa, xb = int(y0) + inset, int(y1) - inset, int(x0) + inset, int(x1) - inset
        if yb - ya < 6 or xb - xa < 6:
            continue
        dark = clean[ya:yb, xa:xb] <= threshold
        if dark.sum() < 12 * scale * scale:
            continue
        rows = np.flatnonzero(dark.sum(axis=1) >= 1)
        cols = np.flatnonzero(dark.sum(axis=0) >= 1)
        if rows[-1] - rows[0] < 6 * scale:
            continue
        pad = max(2, round(3 * scale))
        cy0, cy1 = max(ya, ya + rows[0] - pad), min(yb, ya + rows[-1] + 1 + pad)
        cx0, cx1 = max(xa, xa + cols[0] - pad), min(xb, xa + cols[-1] + 1 + pad)
        crop = clean[cy0:cy1, cx0:cx1]
        if cy1 - cy0 > 40 * scale:                 # more than a line: find the lines first
            out += [Word(cx0 + w.x0, cy0 + w.y0, cx0 + w.x1, cy0 + w.y1, w.text, w.conf)
                    for w in engine.read(crop)]
            continue
        text, conf = engine.read_line(crop)
        if text:
            out.append(Word(cx0, cy0, cx1, cy1, text, conf))
    return out
