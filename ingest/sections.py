"""The preamble and the six sections, found by title as much as by number.

Numbering varies (一、 / 一. / （一） / 3、), headings repeat inside the
preamble's table of contents, and text dumps put a whole report on one line,
so a heading is a number followed closely by the section's title words, and
sections are searched in template order.
"""
from __future__ import annotations

import re

from .records import Section

_NUM = {
    "overview": "一1", "proactive": "二2", "applications": "三3",
    "appeals": "四4", "problems": "五5", "other": "六6",
}
# Title words per section, with the variants seen in real reports.
_TITLE = {
    "overview": r"[^。；\n\d]{0,16}?总体情况|概述",
    "proactive": r"[^。；\n\d]{0,8}?主动公开[^。；\n]{0,6}?情况|主动公开政府信息",
    "applications": r"[^。；\n\d]{0,8}?(?:收到和处理政府信息公开申请|依申请公开)[^。；\n\d]{0,8}?情况|收到和处理",
    "appeals": r"[^。；\n\d]{0,16}?(?:行政复议|行政法复议|行政诉讼)",
    "problems": r"[^。；\n\d]{0,16}?(?:存在的?主要问题|问题及改进|问题和改进|不足及改进)",
    "other": r"[^。；\n\d]{0,8}?(?:其他需要?报告的?事项|需要说明的其他事项|其他需要注明|其他事项)",
}
_BEFORE = r"(?<![第一二三四五六七八九十（(])"


def _heading_re(key: str, nums: str, paren: bool) -> re.Pattern[str]:
    number = rf"[（(]\s*[{nums}]\s*[）)]" if paren else rf"[{nums}]\s*[、.．]"
    return re.compile(rf"{_BEFORE}[ \t]*{number}\s*(?:{_TITLE[key]})")


# Tried in order: 二、 then （二） (a sub-heading style some reports use for sections),
# then any number with the right title (a heading numbered out of order).
_TRIES = {k: (_heading_re(k, n, False), _heading_re(k, n, True), _heading_re(k, "一二三四五六七八1-8", False))
          for k, n in _NUM.items()}


def split_sections(text: str) -> list[Section]:
    """Find the six sections in template order; the text before 一 is the preamble."""
    found: list[tuple[str, int, int]] = []  # key, heading start, heading end
    pos = 0
    for key in _NUM:
        m = None
        for n, pattern in enumerate(_TRIES[key]):
            m = pattern.search(text, pos)
            if m is not None and not (n == 2 and key == "overview"):
                break
            m = None
        if m is None:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        found.append((key, start, _heading_end(text, m.end())))
        pos = m.end()
    sections: list[Section] = []
    first = found[0][1] if found else len(text)
    pre = text[:first].strip()
    if pre:
        sections.append(Section("preamble", "", pre, 0, first))
    for i, (key, start, hend) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        heading = text[start:hend].strip()
        sections.append(Section(key, heading, text[hend:end].strip(), start, end))
    return sections


def _heading_end(text: str, end: int) -> int:
    """Extend a heading match to the end of its title words (line form: end of line)."""
    nl = text.find("\n", end)
    line_rest = text[end: nl if nl != -1 else len(text)]
    # In line form the heading is its own line; in one-line dumps keep only the match.
    if len(line_rest) <= 24 and "。" not in line_rest:
        return end + len(line_rest)
    m = re.match(r"(?:及明年工作计划|及改进情况|及改进措施|和改进情况|改进情况|与附表|情况说明|情况|措施|事项与附表|事项)?", line_rest)
    return end + (m.end() if m else 0)
