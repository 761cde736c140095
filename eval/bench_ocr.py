"""OCR of scanned reports, measured: per engine and per rendered scan, how many
characters of the narrative and how many table cells come back right, and how
long a page takes.

A scan is made from a gold report's PDF rendition (eval/renditions.py: its
narrative and its gold table values printed by headless Chromium, tables
ruled), rasterised and degraded like a scanner would (a slight rotation,
blur and grey noise).

    python eval/bench_ocr.py                         # both engines, two reports
    python eval/bench_ocr.py --engines rapidocr --reports 2024_changzhou-district-office
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nianbao.ingest import template as T  # noqa: E402


# ---- scans of the gold reports --------------------------------------------------------------

def rasterise(pdf: bytes, dpi: int = 150) -> list:
    """Every page of a PDF as a greyscale PIL image."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def degrade(image, seed: int = 0, angle: float | None = None, blur: float = 0.6, noise: float = 10.0):
    """A page as a scanner leaves it: turned under a degree, slightly blurred, grey paper, grey noise."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    if angle is None:
        angle = rng.uniform(-0.9, 0.9)
    img = image.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(img, dtype=np.float32)
    arr = 0.86 * arr + 22                      # grey paper, not quite black ink
    arr += np.random.default_rng(seed).normal(0, noise, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


@dataclass
class Scan:
    """A gold report printed, scanned and degraded: its pages, the narrative as printed, the gold."""

    stem: str
    pages: list
    narrative: list[str]
    gold: dict
    cells: dict                                 # key → gold value (None: blank cell)


def scanned_report(stem: str, seed: int = 0, dpi: int = 150) -> Scan:
    """A gold report as the PDF rendition prints it, rasterised and degraded like a scan."""
    from nianbao.eval.gold import GOLD_DIR, gold_cells, load_gold
    from nianbao.eval.renditions import build_pdf, source

    gold = load_gold(GOLD_DIR / f"{stem}.json")
    src = source(gold)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = build_pdf(src, Path(tmp)).read_bytes()
    pages = [degrade(p, seed + i) for i, p in enumerate(rasterise(pdf, dpi))]
    lines = [src.title, *src.preamble]
    for part in src.parts:
        lines += [part.heading, *part.before, *part.after]
    return Scan(stem, pages, lines, gold, gold_cells(gold))


# ---- scoring -------------------------------------------------------------------------------

def _norm(text: str) -> str:
    """Text as compared: NFKC (full- and half-width forms alike), no whitespace."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy row at a time."""
    import numpy as np

    if not a:
        return len(b)
    if not b:
        return len(a)
    bb = np.array([ord(c) for c in b])
    idx = np.arange(len(b) + 1)
    prev = idx.copy()
    for i, ch in enumerate(a, 1):
        cand = np.empty(len(b) + 1, dtype=np.int64)
        cand[0] = i
        cand[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bb != ord(ch)))
        prev = np.minimum.accumulate(cand - idx) + idx
    return int(prev[-1])


def chars_right(source: str, read: str) -> float:
    """1 − edit distance / length of the source, on normalised text."""
    s, r = _norm(source), _norm(read)
    return max(0.0, 1 - edit_distance(s, r) / max(1, len(s)))


_FOOTER = re.compile(r"^\s*[—–-]\s*\d+\s*[—–-]\s*$")


def narrative_of(doc) -> str:
    """The document's paragraphs (page footers left out: the source text has none)."""
    from nianbao.ingest.document import Paragraph

    return "\n".join(b.text for b in doc.blocks if isinstance(b, Paragraph) and not _FOOTER.match(b.text))


def cell_value(text: str):
    """A cell's number as a parser would take it: None when blank or not a number."""
    t = _norm(text)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(\((增|减)\))?", t)
    if not m:
        return None
    v = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
    return -v if m.group(3) == "减" else v


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def cells_by_position(doc, gold: dict, cells: dict) -> dict[str, tuple]:
    """key → (read value, gold value). Each template row is found by its label, in template
    order; its values are the last cells of that row (a ruled grid keeps blank cells in place)."""
    from nianbao.ingest.document import Table

    version = gold["template"]
    rows = [r for b in doc.blocks if isinstance(b, Table) for r in b.rows]
    out: dict[str, tuple] = {}
    cursor = 0
    for table in (T.PROACTIVE, T.APPLICATIONS):
        for r in table.rows_for(version):
            keys = [r.key_of(table.key, c) for c in r.columns]
            if keys[0] not in cells:
                continue
            k = len(keys)
            pat = re.compile(r.pattern)
            hit = next((n for n in range(cursor, len(rows))
                        if len(rows[n]) > k and pat.search(T.normalise_label("".join(rows[n][:-k])))), None)
            values = [cell_value(c) for c in rows[hit][-k:]] if hit is not None else [None] * k
            if hit is not None:
                cursor = hit + 1
            for key, got in zip(keys, values):
                out[key] = (got, cells[key])
    appeal = next((row for row in rows[cursor:] if len(row) >= 15
                   and sum(bool(re.fullmatch(r"\d+", _norm(c))) or not c.strip() for c in row[-15:]) >= 13), None)
    values = [cell_value(c) for c in appeal[-15:]] if appeal else [None] * 15
    keys = [r.key_of("appeals", c) for r in T.APPEALS.rows for c in r.columns]
    for key, got in zip(keys, values):
        if key in cells:
            out[key] = (got, cells[key])
    return out


def cells_by_parser(doc, gold: dict, cells: dict) -> dict[str, tuple] | None:
    """key → (value the project's parser read from the document, gold value); None when it cannot run."""
    try:
        from nianbao.ingest.parse import parse_document
    except ImportError:
        return None
    try:
        report = parse_document(b"", doc, gold["file"], {})
    except Exception as e:  # the parser's own failure is a measurement too
        print(f"    parser: {type(e).__name__}: {e}", file=sys.stderr)
        return {}
    got = {f.key: f.value for f in report.facts}
    return {key: (got.get(key), exp) for key, exp in cells.items()}


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (Tesseract runs as one)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def tally(pairs: dict[str, tuple]) -> tuple[int, int, int]:
    """(right, null, wrong): null is a cell read as blank or not a number where the gold has one."""
    right = null = wrong = 0
    for got, exp in pairs.values():
        if _same(got, exp):
            right += 1
        elif got is None:
            null += 1
        else:
            wrong += 1
    return right, null, wrong


# ---- the benchmark ---------------------------------------------------------------------------

DEFAULT_REPORTS = ("2024_changzhou-district-office", "2020_jingjiang-industrial-park")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engines", default="tesseract,rapidocr", help="comma-separated: tesseract, rapidocr")
    ap.add_argument("--reports", default=",".join(DEFAULT_REPORTS), help="gold report stems, comma-separated")
    ap.add_argument("--max-pages", type=int, default=0, help="read only the first N pages of each report (0: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dpi", type=int, default=150, help="resolution of the scans")
    ap.add_argument("--show", action="store_true", help="print the cells that differ")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from nianbao.ingest import ocr

    scans = []
    for stem in args.reports.split(","):
        scan = scanned_report(stem.strip(), args.seed, args.dpi)
        if args.max_pages:
            scan.pages = scan.pages[:args.max_pages]
        scans.append(scan)
    print(f"{'engine':10} {'report':36} {'pages':>5} {'chars':>6} {'cells right/null/wrong: position':>33}"
          f" {'parser':>12} {'s/page':>7} {'cpu s':>7}")
    for name in args.engines.split(","):
        t = time.perf_counter()
        try:
            engine = ocr.get_engine(name.strip())
        except RuntimeError as e:
            print(f"{name:10} unavailable: {e}")
            continue
        load = time.perf_counter() - t
        pages = right = null = wrong = 0
        secs = cpus = chars_sum = 0.0
        for scan in scans:
            t, cpu = time.perf_counter(), _cpu()
            doc = ocr.ocr_images(scan.pages, scan.stem, engine=engine, cache_dir=False)
            took, cpu = time.perf_counter() - t, _cpu() - cpu
            read = narrative_of(doc)
            source = "\n".join(scan.narrative)
            if args.max_pages:                  # only the start of the narrative was read
                source = source[:len(read) + 20]
            chars = chars_right(source, read)
            pos = cells_by_position(doc, scan.gold, scan.cells)
            r, n, w = tally(pos)
            parsed = cells_by_parser(doc, scan.gold, scan.cells)
            ptxt = "{}/{}/{}".format(*tally(parsed)) if parsed else "-"
            print(f"{name:10} {scan.stem:36} {len(scan.pages):>5} {chars:>6.3f} {f'{r}/{n}/{w}':>33} {ptxt:>12}"
                  f" {took / len(scan.pages):>7.1f} {cpu / len(scan.pages):>7.1f}")
            if args.show:
                for key, (got, exp) in pos.items():
                    if not _same(got, exp):
                        print(f"    {key}: read {got!r}, gold {exp!r}")
            pages += len(scan.pages)
            right, null, wrong = right + r, null + n, wrong + w
            secs += took
            cpus += cpu
            chars_sum += chars * len(scan.pages)
        if pages:
            print(f"{name:10} {f'all (engine loaded in {load:.1f}s)':36} {pages:>5} {chars_sum / pages:>6.3f}"
                  f" {f'{right}/{null}/{wrong}':>33} {'':>12} {secs / pages:>7.1f} {cpus / pages:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
