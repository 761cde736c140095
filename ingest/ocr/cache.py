"""The on-disk cache of page results.

Each page's result is a JSON file named by the sha256 of the input's digest
(of the PDF's or the image's bytes), the page number, the engine's version,
the resolution and OCR_VERSION, kept under `<cache>/<first two hex digits>/`.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .page import PageResult


OCR_VERSION = "1"            # bump when a change alters what a cached page holds


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


def _image_digest(image) -> str:
    if isinstance(image, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(image)).hexdigest()
    h = hashlib.sha256(f"{image.mode}:{image.size}".encode())
    h.update(image.tobytes())
    return h.hexdigest()


def _renumber(result: PageResult, page: int) -> PageResult:
    """A cached page read as another page number (the same image in another place)."""
    blocks = [{**b, "page": page} for b in result.blocks]
    low = [re.sub(r"^page \d+", f"page {page}", s) for s in result.low]
    return PageResult(blocks, result.confidence, result.angle, low)
