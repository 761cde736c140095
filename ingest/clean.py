"""Noise seen in real files, removed before anything is read from the text.

Crawler headers, site breadcrumbs, Word artefacts, page footers, ideographic
spaces, and the repeated copies a PDF extraction leaves behind.
"""
from __future__ import annotations

import re

CRAWLER_MARK = "==================== 正文 ===================="
_HEADER_LINE = re.compile(r"^(标题|发布时间|文号|发布机构|栏目|原文链接|本地目录):\s?(.*)$")
# Site chrome around the report on pingtan.gov.cn-style pages.
_BREADCRUMB = re.compile(r"当前位置[:：].{0,400}?相关链接[:：]\s*", re.S)
_TRAILER = re.compile(r"\s*附件下载\s*$")
_WORD_ARTEFACTS = re.compile(r"\[bookmark:[^\]]*\]|<!--\[if [^\]]*\]-->|<!--\[endif\]-->")
_PAGE_FOOTER = re.compile(r"^[ \t]*[—\-－]+[ \t]*\d+[ \t]*[—\-－]+[ \t]*$", re.M)
# The heading of section 一; a second one after section 六 starts a repeated copy.
_OVERVIEW_HEAD = re.compile(r"(?:^|\n)[ \t]*一\s*[、.．]\s*(?:\S{0,12})总体情况")
_OTHER_HEAD = re.compile(r"(?:^|\n|\s)六\s*[、.．]\s*\S{0,12}(?:其他|需要说明)")


def split_crawler_header(text: str) -> tuple[dict[str, str], str]:
    """A crawler's page.txt header → (fields, body); other text passes through."""
    if CRAWLER_MARK not in text[:3000]:
        return {}, text
    head, body = text.split(CRAWLER_MARK, 1)
    fields: dict[str, str] = {}
    for line in head.splitlines():
        m = _HEADER_LINE.match(line.strip())
        if m:
            fields[m.group(1)] = m.group(2).strip()
    return fields, body.lstrip("\n")


def drop_repeated_copy(text: str) -> str:
    """Cut a second copy of the report that starts after section 六 (PDF extraction repeats)."""
    six = _OTHER_HEAD.search(text)
    if not six:
        return text
    again = _OVERVIEW_HEAD.search(text, six.end())
    if not again:
        return text
    # the repeat may restart with its preamble or title; cut at the start of that paragraph block
    cut = again.start()
    return text[:cut].rstrip() + "\n"


def clean_text(text: str) -> tuple[dict[str, str], str]:
    """Raw decoded text → (crawler header fields, cleaned text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    fields, text = split_crawler_header(text)
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    text = _WORD_ARTEFACTS.sub("", text)
    text = _BREADCRUMB.sub("", text, count=1)
    text = _TRAILER.sub("", text)
    text = _PAGE_FOOTER.sub("", text)
    text = drop_repeated_copy(text)
    return fields, text


def clean_paragraph(text: str) -> str:
    """One paragraph of a structured document: Word artefacts, page footers and odd spaces removed."""
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\ufeff", "")
    text = _WORD_ARTEFACTS.sub("", text)
    return "" if _PAGE_FOOTER.fullmatch(text.strip()) else text.strip()
