"""A gold report laid out as the national template prints it: the report's own
narrative (its sections as the parser splits the corpus text, the tables cut
out), and tables 2–4 as grids of cells with the template's merged cells, the
hand-read gold values in them (a null is a blank cell).

Every rendition (eval/renditions.py) is made from this one layout. The rows,
columns, labels and groups come from ingest/template.py alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nianbao.eval.gold import ROOT, gold_cells
from nianbao.ingest.template import APPEALS, APPLICATIONS, PROACTIVE, TABLES, Row, Table, column_label

CORPUS = ROOT / "corpus"

# Printed in the template but not part of its rows and columns.
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS_HEAD = "申请人情况"
CONTENT_HEAD = "信息内容"
ARTICLE = "第二十条"


# ---- the report as the renditions print it ---------------------------------------------------

@dataclass(frozen=True)
class Part:
    """One section: its heading as printed, the narrative before and after its table."""

    key: str
    heading: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """A gold report ready to lay out: title, preamble, sections and cell values."""

    stem: str
    title: str
    body: str
    year: int
    version: str
    preamble: tuple[str, ...]
    parts: tuple[Part, ...]
    cells: dict            # key → value (None: blank cell); absent rows have no keys
    signed_words: bool     # the report writes a change as 1（增） / 34（减） rather than -34

    def rows(self, table: Table) -> list[Row]:
        """The table's rows this report prints, in order."""
        return [r for r in table.rows_for(self.version) if r.key_of(table.key, r.columns[0]) in self.cells]

    def values(self, table: Table, row: Row) -> list[str]:
        """A row's cells as printed ('' for a blank)."""
        return [cell_text(self.cells[row.key_of(table.key, c)], c, self.signed_words) for c in row.columns]


TABLE_OF_SECTION = {t.key: t for t in TABLES}


def cell_text(value, column: str, signed_words: bool = False) -> str:
    """A gold value as a cell prints it."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if column == "change" and value and signed_words:
        return f"{abs(value)}（{'增' if value > 0 else '减'}）"
    return str(value)


# Where each table starts in a section's text (the template's first header words).
_TABLE_START = {
    "proactive": re.compile(r"第二十条|信息内容"),
    "applications": re.compile(r"[（(]本列数据的[勾钩]稽关系|申请人情况"),
    "appeals": re.compile(r"行政复议\s*行政诉讼|行政复议(?=\s*\n)"),
}
_APPEALS_LAST_HEAD = re.compile(r"总计")
# Any cell values after a row label, when the hand-read ones are not found as printed.
_VALUES = re.compile(r"(?:\s*(?:-?\d+(?:\.\d+)?(?![\d.年月日件条个项%％])(?:[（(][增减][）)])?(?:万?元)?|[/／—无-]))*")


def _value_pattern(value) -> str:
    """How a hand-read value may be printed in the source text."""
    if value is None:
        return r"(?:\s*[/／—无-])?"
    if isinstance(value, float):
        whole, _, frac = repr(value).partition(".")
        number = re.escape(whole.lstrip("-")) + (r"\." + re.escape(frac.rstrip("0")) + "0*" if frac.strip("0") else r"(?:\.0*)?")
    else:
        number = re.escape(str(abs(value)))
    sign = "-" if value < 0 else ""
    return rf"\s*(?:{sign}{number}|{number}[（(][增减][）)])(?:万?元)?"


def _split_table(text: str, key: str, version: str, last_values: list) -> tuple[str, str]:
    """A section's text → (narrative before its table, narrative after it).

    The table ends after the values of its last row (table 4: after its fifteen values); the
    hand-read values mark where, since on a one-line page the next words may begin with digits.
    """
    m = _TABLE_START[key].search(text)
    if not m:
        return text, ""
    start = text.rfind("\n", 0, m.start()) + 1
    if text[start:m.start()].strip():     # the table starts inside a paragraph (a one-line page)
        start = m.start()
    if key == "appeals":
        heads = [h for h in _APPEALS_LAST_HEAD.finditer(text, m.end()) if re.match(r"\s*\d", text[h.end():])]
        last = heads[0] if heads else None
    else:
        rows = TABLE_OF_SECTION[key].rows_for(version)
        last = re.compile(f"(?:{rows[-1].pattern})" + r"[^\d\s/／—]*").search(text, m.end())
    if last is None:
        return text[:start], ""
    exact = re.compile("".join(_value_pattern(v) for v in last_values)).match(text, last.end())
    end = max(exact.end() if exact else 0, _VALUES.match(text, last.end()).end())
    return text[:start], text[end:]


# A title at the head of the preamble, on one line or broken over two.
_TITLE_HEAD = re.compile(r"^\s*(?:[^。，,；;：:、《》\n]|\n(?=[^。，,；;：:、《》\n]{0,30}报告)){2,50}?"
                         r"(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)[ \t]*\n?")


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n") if p.strip())


@lru_cache(maxsize=None)
def _source(stem: str, file: str, body: str, year: int, version: str, cells_items: tuple) -> Source:
    from nianbao.ingest.metadata import load_manifest
    from nianbao.ingest.parse import parse_file

    path = CORPUS / file
    report = parse_file(path, load_manifest(CORPUS).get(file, {}))
    cells = dict(cells_items)
    preamble: tuple[str, ...] = ()
    parts: list[Part] = []
    for s in report.sections:
        if s.key == "preamble":
            preamble = _paragraphs(_TITLE_HEAD.sub("", s.text, count=1))
            continue
        heading, text = s.heading.strip(), s.text
        if s.key in TABLE_OF_SECTION:
            table = TABLE_OF_SECTION[s.key]
            rows = table.rows_for(version) if s.key == "appeals" else table.rows_for(version)[-1:]
            last = [cells.get(r.key_of(table.key, c)) for r in rows for c in r.columns]
            before, after = _split_table(text, s.key, version, last)
        else:
            before, after = text, ""
        # A heading broken before its last words (四、政府信息公开行政复议 / 、行政诉讼情况).
        lead = before.strip()
        if lead and lead[0] in "、，" and len(lead) <= 20 and "。" not in lead:
            heading, before = heading + lead, ""
        parts.append(Part(s.key, heading, _paragraphs(before), _paragraphs(after)))
    raw = path.read_text(encoding="utf-8", errors="replace")
    return Source(stem=stem, title=f"{body}{year}年政府信息公开工作年度报告", body=body, year=year, version=version,
                  preamble=preamble, parts=tuple(parts), cells=cells,
                  signed_words=bool(re.search(r"[（(][增减][）)]", raw)))


def source(gold: dict) -> Source:
    """A gold report with its narrative from the corpus and its cells from the gold."""
    stem = gold.get("stem") or Path(gold["file"]).stem
    return _source(stem, gold["file"], gold["body"], gold["year"], gold["template"], tuple(gold_cells(gold).items()))


# ---- table layouts ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """One printed cell of a table, with the rows and columns it spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


Grid = list[list[Cell]]


def article_blocks(src: Source) -> list[tuple[str, tuple[str, ...], list[Row]]]:
    """Table 2's blocks: (第二十条第（x）项, column keys, rows), in printed order."""
    blocks: list[tuple[str, tuple[str, ...], list[Row]]] = []
    for row in src.rows(PROACTIVE):
        if blocks and blocks[-1][0] == row.article and blocks[-1][1] == row.columns:
            blocks[-1][2].append(row)
        else:
            blocks.append((row.article, row.columns, [row]))
    return blocks


def outcome_block(src: Source) -> list[Row]:
    """Table 3's rows under 三、本年度办理结果: the grouped rows and the （七）总计 that sums them."""
    rows = src.rows(APPLICATIONS)
    inside = [i for i, r in enumerate(rows) if r.group]
    return rows[inside[0]:inside[-1] + 2] if inside else []


def group_of(key: str):
    """A group of table 3's rows by its key (（三）不予公开 for denied)."""
    return next((g for g in APPLICATIONS.groups if g.key == key), None)


def org_head() -> str:
    """法人或其他组织, the header over the five organisation columns."""
    return column_label("applications", "commercial").rsplit(" ", 1)[0]


def grid_proactive(src: Source) -> Grid:
    width = PROACTIVE.width(src.version)
    grid: Grid = []
    for article, columns, rows in article_blocks(src):
        grid.append([Cell(f"{ARTICLE}{article}", colspan=width + 1)])
        heads = [Cell(CONTENT_HEAD)] + [Cell(PROACTIVE.column(c).label) for c in columns]
        heads[-1] = Cell(heads[-1].text, colspan=width - len(columns) + 1)
        grid.append(heads)
        for row in rows:
            cells = [Cell(row.label)] + [Cell(v) for v in src.values(PROACTIVE, row)]
            cells[-1] = Cell(cells[-1].text, colspan=width - len(columns) + 1)
            grid.append(cells)
    return grid


def grid_applications(src: Source) -> Grid:
    cols = APPLICATIONS.rows_for(src.version)[0].columns
    orgs = [c for c in cols if c not in ("natural_person", "total")]
    grid: Grid = [
        [Cell(BALANCE_NOTE, rowspan=3, colspan=3), Cell(APPLICANTS_HEAD, colspan=len(cols))],
        [Cell(APPLICATIONS.column(cols[0]).label, rowspan=2), Cell(org_head(), colspan=len(orgs)),
         Cell(APPLICATIONS.column(cols[-1]).label, rowspan=2)],
        [Cell(APPLICATIONS.column(c).label) for c in orgs],
    ]
    block = outcome_block(src)
    outcomes = group_of("outcomes")
    seen: set[str] = set()
    for row in src.rows(APPLICATIONS):
        values = [Cell(v) for v in src.values(APPLICATIONS, row)]
        if row not in block:
            grid.append([Cell(row.label, colspan=3)] + values)
            continue
        lead = [Cell(outcomes.label, rowspan=len(block))] if row is block[0] else []
        group = group_of(row.group)
        if group is None or group.key == "outcomes":
            grid.append(lead + [Cell(row.label, colspan=2)] + values)
        else:
            if group.key not in seen:
                seen.add(group.key)
                lead.append(Cell(group.label, rowspan=sum(r.group == group.key for r in block)))
            grid.append(lead + [Cell(row.label)] + values)
    return grid


def grid_appeals(src: Source) -> Grid:
    rows = src.rows(APPEALS)
    review = [r for r in rows if not r.group]
    suits = [r for r in rows if r.group]
    litigation = next(g for g in APPEALS.groups if g.key == suits[0].group) if suits else None
    head0 = [Cell(r.label, colspan=len(r.columns)) for r in review]
    if litigation:
        head0.append(Cell(litigation.label, colspan=sum(len(r.columns) for r in suits)))
    head1 = [Cell(APPEALS.column(c).label, rowspan=2) for r in review for c in r.columns]
    head1 += [Cell(r.label, colspan=len(r.columns)) for r in suits]
    head2 = [Cell(APPEALS.column(c).label) for r in suits for c in r.columns]
    values = [Cell(v) for r in rows for v in src.values(APPEALS, r)]
    return [head0, head1, head2, values]


GRIDS: dict[str, Callable[[Source], Grid]] = {
    "proactive": grid_proactive, "applications": grid_applications, "appeals": grid_appeals,
}
