"""OCR engines: RapidOCR (the default) and Tesseract, picked by name and loaded once per process.

Each engine reads a whole page into words (`read`) and one line of text in a
crop (`read_line`). NIANBAO_OCR_ENGINE names the default engine;
NIANBAO_OCR_THREADS sets the threads an engine uses (1 by default).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .words import Word, _mean_conf, join_words


ENGINES = ("tesseract", "rapidocr")


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
