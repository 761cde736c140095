"""The shared vocabulary: the only shapes that cross a module boundary.

Every stage of the pipeline (ingest → index → app) speaks in these records.
Keys follow the template file (sections `overview` … `other`, facts
`table.row.column`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any

SECTION_KEYS: tuple[str, ...] = (
    "preamble", "overview", "proactive", "applications", "appeals", "problems", "other",
)
SECTION_TITLES: dict[str, str] = {
    "preamble": "前言",
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
TABLE_NAMES: dict[str, str] = {"proactive": "表二", "applications": "表三", "appeals": "表四"}


def page_at(page_starts, offset: int) -> int | None:
    """The page a character offset falls on, given (offset, page) where each page starts; None for unpaged text."""
    page = None
    for start, number in page_starts:
        if start > offset:
            break
        page = number
    return page if offset >= 0 else None


class ReportError(Exception):
    """A file that cannot become a report; the message names the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Section:
    """One section of a report: its key, heading as printed, text and place."""

    key: str          # one of SECTION_KEYS
    heading: str      # the heading as printed ('' for the preamble)
    text: str         # body text, cleaned
    start: int        # character offset of the heading in the cleaned text
    end: int          # character offset where the section ends


@dataclass(frozen=True)
class Fact:
    """One cell of tables 2–4, addressed as table.row.column."""

    key: str                    # e.g. applications.new_received.total
    value: float | int | None   # None: blank, '/', or unreadable (never 0)
    raw: str                    # the cell text as printed ('' for blank)
    unit: str = ""              # unit where printed or fixed by the template (万元, 元)
    offset: int = -1            # character offset of the row label in the cleaned text
    line: int = -1              # 1-based line of the row label in the cleaned text
    page: int | None = None     # page of the file the cell is printed on (paged formats)
    confidence: float | None = None  # OCR's mean confidence on that page, for cells read from a scan

    @property
    def table(self) -> str:
        """The table key: proactive, applications or appeals."""
        return self.key.split(".", 1)[0]


@dataclass(frozen=True)
class Finding:
    """Something a reader should know about a report; never silently fixed."""

    kind: str         # arithmetic, contradiction, missing_section, missing_table, ambiguous, unknown_body, ...
    message: str      # Chinese, one sentence, shown to users
    key: str = ""     # the fact key it concerns, when there is one
    detail: str = ""  # machine-readable extra (e.g. the two sides of an equation)


@dataclass(frozen=True)
class Report:
    """A parsed annual report: metadata, sections, facts and findings."""

    report_id: str              # sha256 of the file's bytes (first 16 hex)
    source_file: str            # file name as ingested
    title: str                  # the report's title line, found or composed
    body: str                   # issuing body ('' when the report never names it)
    body_source: str            # manifest | title | text | unknown
    year: int | None            # year covered
    year_source: str            # manifest | title | text | unknown
    template: str               # '2019', '2021' or 'pre-2019'
    template_source: str        # tables | year | unknown
    region: str = ""
    text: str = ""              # the cleaned text all offsets refer to
    sections: tuple[Section, ...] = ()
    facts: tuple[Fact, ...] = ()
    findings: tuple[Finding, ...] = ()
    content_hash: str = ""      # sha256 of the file's bytes, full
    source_format: str = "text"  # text | html | docx | doc | pdf | ocr: how the file was read
    pages: tuple[tuple[int, int], ...] = ()  # (offset in text, page): where each page starts, paged formats only
    ocr_pages: tuple[tuple[int, float], ...] = ()  # (page, mean OCR confidence) of pages read from a scan

    def section(self, key: str) -> Section | None:
        """The section with this key, if found."""
        return next((s for s in self.sections if s.key == key), None)

    def fact(self, key: str) -> Fact | None:
        """The fact with this key, if the table held it."""
        return next((f for f in self.facts if f.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (text and sections included)."""
        return asdict(self)


def records_digest(r: Report) -> str:
    """A digest of what was read from a file (everything but the bytes' own hash and the time stored): a file
    read again by a changed parser gives a different digest, so its stored records are refreshed."""
    import hashlib
    import json

    d = asdict(r)
    for k in ("report_id", "content_hash", "source_file"):
        d.pop(k, None)
    return hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ReadOptions:
    """How to read a file: where OCR keeps what it read, and whom to tell about each page."""

    ocr_cache: Any = None        # a folder (pathlib.Path) for OCR results by file content; None: no cache
    on_page: Any = None          # callable(i, n) after each page read by OCR


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file: ingested, unchanged, reparsed (same bytes, read anew), replaced or rejected."""

    path: str
    status: str                  # ingested | unchanged | reparsed | replaced | duplicate | rejected
    report_id: str = ""
    reason: str = ""
    findings: int = 0
    extra: dict = field(default_factory=dict)
