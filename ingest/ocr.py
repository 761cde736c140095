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
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .document import Document, Paragraph, Table
from .records import ReportError

OCR_VERSION = "1"            # bump when a change alters what a cached page holds
DEFAULT_DPI = 200            # pages of a PDF are rendered at this resolution
LOW_CONFIDENCE = 0.6         # table cells read less surely than this are named in the notes
ENGINES = ("tesseract", "rapidocr")

ProgressFn = Callable[[int, int], None]


# ---- words and engines -------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    """A run of text the engine read, with its box in page pixels and its confidence (0–1)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def h(self) -> float:
        return self.y1 - self.y0


def _threads() -> int:
    try:
        return max(1, int(os.environ.get("NIANBAO_OCR_THREADS", "1")))
    except ValueError:
        return 1


class TesseractEngine:
    """Tesseract 4/5 run as a child process, one page at a time, one thread."""

    name = "tesseract"

    def __init__(self, lang: str = "chi_sim", threads: int | None = None, scale: float = 2.0):
        exe = shutil.which("tesseract")
        if exe is None:
            raise RuntimeError("tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-chi-sim)")
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
        if lang not in langs:
            raise RuntimeError(f"tesseract has no {lang} data (Debian: tesseract-ocr-chi-sim)")
        self.exe, self.lang, self.scale = exe, lang, scale
        self.env = {**os.environ, "OMP_THREAD_LIMIT": str(threads or _threads())}
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
        self.version = f"tesseract {(out.stdout or out.stderr).split()[1]} {lang} x{scale:g}"

    def _run(self, img, psm: int) -> list[Word]:
        from PIL import Image

        pil = Image.fromarray(img)
        if self.scale != 1:
            pil = pil.resize((round(pil.width * self.scale), round(pil.height * self.scale)), Image.BICUBIC)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "page.png"
            pil.save(src)
            out = subprocess.run([self.exe, str(src), "stdout", "-l", self.lang, "--psm", str(psm), "tsv"],
                                 capture_output=True, text=True, env=self.env, timeout=600)
        if out.returncode != 0:
            raise RuntimeError(f"tesseract failed: {out.stderr.strip()[:200]}")
        words = []
        for line in out.stdout.splitlines()[1:]:
            f = line.split("\t")
            if len(f) < 12 or f[0] != "5" or not f[11].strip():
                continue
            conf = float(f[10])
            if conf < 0:
                continue
            x, y, w, h = (int(v) / self.scale for v in f[6:10])
            words.append(Word(x, y, x + w, y + h, f[11].strip(), conf / 100))
        return words

    def read(self, img, clean=None) -> list[Word]:
        """Words of a whole page (a 2-D uint8 array), read from the page with its ruling lines erased."""
        return self._run(img if clean is None else clean, 3)

    def read_line(self, img) -> tuple[str, float]:
        """One line of text in a crop (given a margin of paper: Tesseract misses text at the edge)."""
        import numpy as np

        pad = max(4, img.shape[0] // 3)
        words = self._run(np.pad(img, pad, constant_values=int(np.percentile(img, 90))), 7)
        return join_words(words), _mean_conf(words)


class RapidEngine:
    """PP-OCRv4 detection and recognition (the models ship in the rapidocr-onnxruntime wheel)."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None):
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as e:
            raise RuntimeError("rapidocr-onnxruntime is not installed") from e
        from importlib.metadata import version

        n = threads or _threads()
        self.ocr = RapidOCR(intra_op_num_threads=n, inter_op_num_threads=1, det_box_thresh=0.3)
        self.min_score = 0.3
        self.version = f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')}"

    def read(self, img, clean=None) -> list[Word]:
        """Text boxes found on the page as printed (ruling lines help the detector place small
        numbers), read from the page with its ruling lines erased (so no rule reads as a 1)."""
        import numpy as np

        clean = img if clean is None else clean
        boxes, _ = self.ocr(img, use_cls=False, use_rec=False)
        if not boxes:
            return []
        h, w = clean.shape[:2]
        rects, crops = [], []
        for box in boxes:
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            x0, x1 = max(0, int(min(xs))), min(w, int(np.ceil(max(xs))))
            y0, y1 = max(0, int(min(ys))), min(h, int(np.ceil(max(ys))))
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            rects.append((x0, y0, x1, y1))
            crops.append(np.ascontiguousarray(np.stack([clean[y0:y1, x0:x1]] * 3, axis=-1)))
        results = self._recognise(crops)
        words = []
        for (x0, y0, x1, y1), (text, conf) in zip(rects, results):
            text = text.strip()
            if text and conf >= self.min_score:
                words.append(Word(x0, y0, x1, y1, text, float(conf)))
        return words

    def _recognise(self, crops) -> list[tuple[str, float]]:
        rec = getattr(self.ocr, "text_rec", None)
        if rec is not None:
            try:
                res, _ = rec(crops)
                return [(r[0], float(r[1])) for r in res]
            except TypeError:
                pass
        return [self.read_line(c) for c in crops]

    def read_line(self, img) -> tuple[str, float]:
        res, _ = self.ocr(img, use_det=False, use_cls=False)
        if not res:
            return "", 0.0
        text, conf = res[0][0], float(res[0][1])
        return text.strip(), conf


_ENGINE_CACHE: dict[str, object] = {}


def default_engine() -> str:
    """The engine named by NIANBAO_OCR_ENGINE, else RapidOCR (the more accurate of the two on tables)."""
    return os.environ.get("NIANBAO_OCR_ENGINE", "rapidocr").strip().lower() or "rapidocr"


def get_engine(name: str | None = None):
    """An engine by name, loaded once per process."""
    name = (name or default_engine()).lower()
    if name not in _ENGINE_CACHE:
        if name == "tesseract":
            _ENGINE_CACHE[name] = TesseractEngine()
        elif name in ("rapidocr", "rapid", "paddle"):
            _ENGINE_CACHE[name] = RapidEngine()
        else:
            raise RuntimeError(f"unknown OCR engine {name!r}; expected one of {', '.join(ENGINES)}")
    return _ENGINE_CACHE[name]


def available() -> bool:
    """Whether the default engine can run here."""
    try:
        get_engine()
    except RuntimeError:
        return False
    return True


# ---- image helpers -------------------------------------------------------------------------

def _gray(image):
    """A PIL image, or PNG/JPEG bytes, as a 2-D uint8 array."""
    import numpy as np
    from PIL import Image, ImageOps

    if isinstance(image, (bytes, bytearray, memoryview)):
        image = Image.open(io.BytesIO(bytes(image)))
        image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        bg = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(bg, image)
    return np.asarray(image.convert("L"), dtype=np.uint8)


def _otsu(gray) -> int:
    import numpy as np

    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    mt = m0[-1]
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mt * w0 / total - m0) ** 2 / (w0 * w1)
    between = np.nan_to_num(between)
    best = np.flatnonzero(between >= between.max() * (1 - 1e-9))
    return int(best.mean())                    # the middle of a tie (a page of pure black and white)


def _paper(gray) -> int:
    """The grey level of the paper (the brightest common level)."""
    import numpy as np

    return int(np.percentile(gray, 90))


def estimate_skew(gray, limit: float = 2.0) -> float:
    """The angle (degrees, counter-clockwise) that makes the page's lines horizontal."""
    import numpy as np
    from PIL import Image

    h, w = gray.shape
    full = (gray <= _otsu(gray)).astype(np.uint8) * 255
    if full.mean() < 0.5:
        return 0.0
    k = max(1, round(w / 800))

    def sharpness(img, angle: float) -> float:
        rows = np.asarray(img.rotate(angle, resample=Image.NEAREST), dtype=np.float64).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    small = Image.fromarray(full[::k, ::k])
    best = max(np.arange(-limit, limit + 1e-9, 0.1), key=lambda a: sharpness(small, a))
    big = Image.fromarray(full)
    best = max(np.arange(best - 0.1, best + 0.1 + 1e-9, 0.02), key=lambda a: sharpness(big, a))
    return float(round(best, 2))


def deskew(gray) -> tuple[object, float]:
    """The page turned square, and the angle it was turned by."""
    import numpy as np
    from PIL import Image

    angle = estimate_skew(gray)
    if abs(angle) < 0.05:
        return gray, 0.0
    img = Image.fromarray(gray).rotate(angle, resample=Image.BICUBIC, fillcolor=_paper(gray))
    return np.asarray(img, dtype=np.uint8), angle


# ---- ruling lines --------------------------------------------------------------------------

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


def erase(gray, mask):
    """The page with the masked pixels painted over in the paper's own grain (a flat white would draw new edges)."""
    import numpy as np

    out = gray.copy()
    n = int(mask.sum())
    if n:
        paper = gray[gray > _otsu(gray)]
        if paper.size == 0:
            paper = np.array([255], dtype=np.uint8)
        out[mask] = np.random.default_rng(0).choice(paper, n)
    return out


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


# ---- words into text -----------------------------------------------------------------------

_ASCII_END = re.compile(r"[0-9A-Za-z.%]$")
_ASCII_START = re.compile(r"^[0-9A-Za-z]")


def _mean_conf(words: Sequence[Word]) -> float:
    n = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / n if n else 0.0


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into lines (by vertical overlap), top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.x0)):
        for line in reversed(lines[-3:]):
            top = min(x.y0 for x in line)
            bottom = max(x.y1 for x in line)
            overlap = min(bottom, w.y1) - max(top, w.y0)
            if overlap >= 0.5 * min(w.h, bottom - top):
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: min(w.y0 for w in ln))
    return lines


def join_words(words: Sequence[Word]) -> str:
    """Words of one line as text: Chinese runs close up, Latin words and numbers keep a space."""
    out = ""
    prev: Word | None = None
    for w in sorted(words, key=lambda w: w.x0):
        if prev is not None and _ASCII_END.search(out) and _ASCII_START.match(w.text) \
                and w.x0 - prev.x1 > 0.25 * max(w.h, prev.h):
            out += " "
        out += w.text
        prev = w
    return out


def _cell_text(words: Sequence[Word]) -> str:
    parts = [join_words(line) for line in _lines(words)]
    out = ""
    for p in parts:
        if out and _ASCII_END.search(out) and _ASCII_START.match(p):
            out += " "
        out += p
    return out


# ---- a page ----------------------------------------------------------------------------------

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


# ---- documents, cache ----------------------------------------------------------------------

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


def _cache_dir(cache_dir: Path | str | bool | None) -> Path | None:
    """The cache folder the caller gives (ingestion passes the data folder's ocr/); None, False or '': no cache."""
    if cache_dir is None or cache_dir is False or cache_dir is True or cache_dir == "":
        return None
    return Path(cache_dir)


def _cache_key(digest: str, page: int, engine, dpi: int | None) -> str:
    spec = f"{digest}:{page}:{engine.version}:{dpi}:{OCR_VERSION}"
    return hashlib.sha256(spec.encode()).hexdigest()


def _load(cache: Path | None, key: str) -> PageResult | None:
    if cache is None:
        return None
    path = cache / f"{key[:2]}" / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return PageResult(data["blocks"], data["confidence"], data["angle"], data["low"])
    except (OSError, ValueError, KeyError):
        return None


def _save(cache: Path | None, key: str, result: PageResult) -> None:
    if cache is None:
        return
    path = cache / f"{key[:2]}" / f"{key}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"blocks": result.blocks, "confidence": result.confidence,
                                   "angle": result.angle, "low": result.low}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass                                   # a read-only data folder: OCR again next time


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


def _image_digest(image) -> str:
    if isinstance(image, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(image)).hexdigest()
    h = hashlib.sha256(f"{image.mode}:{image.size}".encode())
    h.update(image.tobytes())
    return h.hexdigest()


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


def _renumber(result: PageResult, page: int) -> PageResult:
    """A cached page read as another page number (the same image in another place)."""
    blocks = [{**b, "page": page} for b in result.blocks]
    low = [re.sub(r"^page \d+", f"page {page}", s) for s in result.low]
    return PageResult(blocks, result.confidence, result.angle, low)


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
