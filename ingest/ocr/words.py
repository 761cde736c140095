"""What an engine reads: words with their boxes, grouped into lines and joined into text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..document import Box


@dataclass(frozen=True)
class Word(Box):
    """A run of text the engine read, with its box in page pixels and its confidence (0–1)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float

    @property
    def h(self) -> float:
        return self.y1 - self.y0


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
