"""Ruling lines found in a page image, and the ruled tables (grids of merged cells) they draw."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .image import _otsu


@dataclass
class Segment:
    """A ruling line: horizontal (y0≈y1) or vertical (x0≈x1)."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def y(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def x(self) -> float:
        return (self.x0 + self.x1) / 2


def _open_1d(mask, length: int, axis: int):
    """Morphological opening of a boolean mask by a line of `length` pixels along an axis."""
    import numpy as np

    m = mask if axis == 1 else mask.T
    n = m.shape[1]
    if n < length:
        out = np.zeros_like(m)
        return out if axis == 1 else out.T
    c = np.zeros((m.shape[0], n + 1), dtype=np.int32)
    np.cumsum(m, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length          # window starting at i is all set
    c2 = np.zeros((m.shape[0], full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=c2[:, 1:])
    # pixel j is kept when some full window starts in [j-length+1, j]
    idx = np.arange(n)
    hi = np.minimum(idx, full.shape[1] - 1) + 1
    lo = np.clip(idx - length + 1, 0, full.shape[1])
    out = (c2[:, hi] - c2[:, lo]) > 0
    return out if axis == 1 else out.T


def _segments(mask, horizontal: bool) -> list[Segment]:
    """Connected runs of an opened mask, as line segments."""
    import numpy as np

    m = mask if horizontal else mask.T
    segs: list[list[int]] = []        # [along0, along1, across0, across1]
    open_: list[list[int]] = []
    for r in np.flatnonzero(m.any(axis=1)):
        row = m[r].astype(np.int8)
        d = np.diff(np.concatenate(([0], row, [0])))
        starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1) - 1
        still = []
        for a, b in zip(starts, ends):
            for s in open_:
                if s[3] == r - 1 and a <= s[1] and b >= s[0]:
                    s[0], s[1], s[3] = min(s[0], a), max(s[1], b), r
                    still.append(s)
                    break
            else:
                s = [int(a), int(b), int(r), int(r)]
                segs.append(s)
                still.append(s)
        open_ = [s for s in open_ if s[3] == r] + [s for s in still if s not in open_]
    out = []
    for a, b, r0, r1 in segs:
        out.append(Segment(a, r0, b, r1) if horizontal else Segment(r0, a, r1, b))
    return out


def find_rulings(gray, scale: float) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical ruling lines of a page.

    A horizontal line is a dark run longer than two characters are wide; a
    vertical one, longer than a character of body text is high and shorter
    than the lowest table row. Strokes of large characters can pass the
    test; they form no grid and are dropped by `find_grids`.
    """
    dark = gray <= min(_otsu(gray), 200)
    # let a line one pixel out of true, or broken by a speck, still read as one
    near = dark.copy()
    near[1:] |= dark[:-1]
    near[:-1] |= dark[1:]
    h_mask = _open_1d(near, max(20, round(40 * scale)), 1)
    near = dark.copy()
    near[:, 1:] |= dark[:, :-1]
    near[:, :-1] |= dark[:, 1:]
    v_mask = _open_1d(near, max(16, round(32 * scale)), 0)
    hs = [s for s in _segments(h_mask, True) if s.y1 - s.y0 <= 8 * scale]
    vs = [s for s in _segments(v_mask, False) if s.x1 - s.x0 <= 8 * scale]
    return hs, vs


def ruling_mask(gray, segments: Iterable[Segment]):
    """The dark pixels of the given ruling lines (and one pixel around them), to be erased before reading."""
    import numpy as np

    dark = gray <= min(_otsu(gray), 200)
    mask = np.zeros_like(dark)
    for s in segments:
        mask[max(0, s.y0 - 1):s.y1 + 2, max(0, s.x0 - 1):s.x1 + 2] = True
    return _grow(mask & dark)


def _grow(mask):
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


@dataclass
class Grid:
    """A ruled table: row lines ys, column lines xs, and the merged cells over them."""

    xs: list[float]
    ys: list[float]
    cell: list[list[int]]              # atomic (row, column) → merged cell id
    boxes: dict[int, tuple[float, float, float, float]]
    segments: list[Segment]            # the ruling lines that draw it

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        import bisect

        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        j = min(bisect.bisect_right(self.xs, x) - 1, len(self.xs) - 2)
        i = min(bisect.bisect_right(self.ys, y) - 1, len(self.ys) - 2)
        return i, j


def find_grids(hs: list[Segment], vs: list[Segment], scale: float, page_w: int) -> list[Grid]:
    """Tables drawn by ruling lines: groups of crossing lines, their cells merged where a line is missing."""
    tol = 5 * scale
    n = len(hs) + len(vs)
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.x0 - tol <= v.x <= h.x1 + tol and v.y0 - tol <= h.y <= v.y1 + tol:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids = []
    for gh, gv in groups.values():
        if len(gh) < 2 or len(gv) < 2:
            continue
        ys = _cluster([h.y for h in gh], tol)
        xs = _cluster([v.x for v in gv], tol)
        if len(ys) < 2 or len(xs) < 2 or xs[-1] - xs[0] < 0.2 * page_w or ys[-1] - ys[0] < 20 * scale:
            continue
        grids.append(_grid(xs, ys, gh, gv, tol))

    return sorted(grids, key=lambda g: g.ys[0])


def _covered(segs: list[Segment], at: float, lo: float, hi: float, horizontal: bool, tol: float) -> bool:
    """Whether ruling lines at `at` cover most of [lo, hi]."""
    need = 0.5 * (hi - lo)
    got = 0.0
    for s in segs:
        pos = s.y if horizontal else s.x
        if abs(pos - at) > tol:
            continue
        a, b = (s.x0, s.x1) if horizontal else (s.y0, s.y1)
        got += max(0.0, min(b, hi) - max(a, lo))
    return got >= need


def _grid(xs, ys, hs, vs, tol) -> Grid:
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i in range(nr):
        for j in range(nc):
            if j + 1 < nc and not _covered(vs, xs[j + 1], ys[i], ys[i + 1], False, tol):
                parent[find(i * nc + j)] = find(i * nc + j + 1)
            if i + 1 < nr and not _covered(hs, ys[i + 1], xs[j], xs[j + 1], True, tol):
                parent[find(i * nc + j)] = find((i + 1) * nc + j)
    cell = [[find(i * nc + j) for j in range(nc)] for i in range(nr)]
    boxes: dict[int, list[float]] = {}
    for i in range(nr):
        for j in range(nc):
            b = boxes.setdefault(cell[i][j], [xs[j], ys[i], xs[j + 1], ys[i + 1]])
            b[0], b[1] = min(b[0], xs[j]), min(b[1], ys[i])
            b[2], b[3] = max(b[2], xs[j + 1]), max(b[3], ys[i + 1])
    return Grid(list(xs), list(ys), cell, {k: tuple(v) for k, v in boxes.items()}, list(hs) + list(vs))
