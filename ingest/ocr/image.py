"""Page images prepared for reading: greyscale, the paper's level, straightened, marks painted out."""
from __future__ import annotations

import io


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
