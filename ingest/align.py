"""Table rows of cells (HTML, Word, PDF grids, markdown pipes) → the template's cells.

Each observed row is put on its template row by its label where a label is
present, and by the template's fixed row order where labels are missing or
were cut off (converters move merged labels out of the table). The
arithmetic then confirms the placement: a row placed by order whose sums
fail is more likely misplaced than misprinted, so its cells are stored null
with a finding. Cells that came from a labelled row of a real grid are
stored as printed, and a broken sum is the report's own error (a finding of
ingest/checks.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import template as T
from .document import PlacedRow, PlacedTable
from .records import Fact, Finding
from .tables import parse_cell

_VALUE = re.compile(r"[-+]?\d+(?:\.\d+)?\s*(?:[（(][增减][）)])?\s*(?:万元|元|笔|件|个|项|条)?|[/／—\-－–]+|无|")
_NUMERIC = re.compile(r"[-+]?\d+(?:\.\d+)?\s*(?:[（(][增减][）)])?\s*(?:万元|元|笔|件|个|项|条)?")
# A cell OCR or a converter garbled: digits with look-alike letters (1O, l2), or a lone look-alike of a
# digit (o, O, l, a stray dot): still a value cell, never a label; it reads as unknown.
_GARBLED = re.compile(r"(?=.*\d)[\dOoIl|SsBZ.]+|[oOlI|.。·]")


@dataclass
class Observed:
    """One row of a table as printed: its label and its value cells."""

    label: str
    values: list[str]
    row: PlacedRow
    header: bool = False


def _is_value(cell: str) -> bool:
    return bool(_VALUE.fullmatch(cell.strip())) or bool(_GARBLED.fullmatch(cell.strip()))


def _split(row: PlacedRow) -> Observed:
    cells = [c.strip() for c in row.cells]
    last_label = -1
    for i, c in enumerate(cells):
        if c and not _is_value(c):
            last_label = i
    label = T.normalise_label("".join(cells[: last_label + 1]))
    return Observed(label, cells[last_label + 1:], row)


# Words that say which table a row belongs to. Generic cells (总计, 其他, 结果) say nothing.
_SIGNALS = {
    "appeals": re.compile(r"行政复议|行政法复议|行政诉讼|复议后起诉|直接起诉|结果维持|结果纠正|尚未审结|未经复议"),
    "applications": re.compile("|".join(
        [r"申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|勾稽关系|办理结果"]
        + [r.pattern for r in T.APPLICATIONS.rows if r.key not in ("total_processed", "other_other")])),
    "proactive": re.compile("|".join(
        [r"信息内容|第二十条|制发件数|废止件数|有效件数|处理决定数量|收费金额|新制作数量|新公开数量|项目数量"]
        + [r.pattern for r in T.PROACTIVE.rows])),
}


def _signal(label: str) -> str | None:
    if not label:
        return None
    hits = [k for k, p in _SIGNALS.items() if p.search(label)]
    if "appeals" in hits and re.search(r"行政复议|行政诉讼", label) and len(hits) > 1:
        # 行政复议 names table 4; a table-3 row never does
        return "appeals"
    return hits[0] if len(hits) == 1 else None


def _merge_adjacent(tables: list[PlacedTable]) -> list[PlacedTable]:
    """Tables with nothing between them are one table (a Word file with one table per printed row)."""
    out: list[PlacedTable] = []
    for t in tables:
        if out and out[-1].end == t.start and out[-1].grid == t.grid:
            prev = out[-1]
            out[-1] = PlacedTable(prev.rows + t.rows, prev.grid, prev.source, prev.start, t.end)
        else:
            out.append(t)
    return out


def group_rows(tables: list[PlacedTable]) -> dict[str, list[PlacedRow]]:
    """Rows of tables 2–4, each stream in printed order.

    A row's labels say which table it belongs to; a row that says nothing
    (values only, a generic 总计 or 其他, a header fragment) belongs to the table
    being read. A table with no signal at all continues the previous one only
    when its rows carry no text of their own (a piece cut off at a page break).
    """
    out: dict[str, list[PlacedRow]] = {}
    current: str | None = None
    for t in _merge_adjacent(tables):
        obs = [_split(r) for r in t.rows]
        kinds = [_signal(o.label) for o in obs]
        if not any(kinds):
            if current is None or any(len(o.label) > 6 for o in obs):
                continue
        else:
            current = current if current is not None and current in kinds and kinds[0] is None \
                else next(k for k in kinds if k)
        for o, k in zip(obs, kinds):
            current = k or current
            out.setdefault(current, []).append(o.row)
    return out


def _column_hits(label: str, table: T.Table) -> int:
    return sum(1 for c in table.columns if c.pattern and re.search(c.pattern, label))


def _observed(placed_rows: list[PlacedRow], table: T.Table) -> list[Observed]:
    rows = []
    for r in placed_rows:
        o = _split(r)
        has_numbers = any(_NUMERIC.fullmatch(v) or _GARBLED.fullmatch(v) for v in o.values if v)
        if not has_numbers and (not o.values or not any(v for v in o.values)):
            # a header or group row: no value cells. A row of empty cells exactly as wide as the
            # table's value columns is a blank data row whose label a converter cut off.
            width = max(table.width(v) for v in T.VERSIONS)
            blank_row = not o.label and len(o.values) == width and table.key == "applications"
            o.header = _column_hits(o.label, table) >= 2 or (not o.label and not blank_row) or not o.values
        rows.append(o)
    return rows


def _match(label: str, patterns, start: int, window: int = 10) -> int | None:
    """The template row a label names, searching forward from `start`; the match ending last wins
    (a label that repeats its group, 三、本年度办理结果（三）不予公开1.属于国家秘密, names its last part)."""
    best = None
    for r in range(start, min(start + window, len(patterns))):
        for m in patterns[r][1].finditer(label):
            if best is None or m.end() > best[1]:
                best = (r, m.end())
    return best[0] if best else None


@dataclass
class Placed:
    row: T.Row
    obs: Observed
    by_order: bool


def place_rows(obs: list[Observed], table: T.Table, version: str, findings: list[Finding]) -> list[Placed]:
    """Observed rows → template rows: by label, and by order between labelled rows."""
    patterns = T.row_patterns(table.key, version)
    placed: list[Placed] = []
    idx = 0
    pending: list[Observed] = []

    def flush(upto: int) -> None:
        nonlocal pending
        if pending:
            slots = list(range(idx, upto))
            if len(slots) == len(pending):
                placed.extend(Placed(patterns[s][0], o, True) for s, o in zip(slots, pending))
            else:
                findings.append(Finding(
                    "ambiguous", f"{table.name}有{len(pending)}行数字缺少行名，无法按模板行序唯一对应（可对应{len(slots)}行），记为未知。",
                    table.key))
        pending = []

    for o in obs:
        if o.header:
            continue
        r = _match(o.label, patterns, idx) if o.label else None
        if r is None:
            if (any(v for v in o.values) or not o.label) and (not o.label or _column_hits(o.label, table) == 0):
                pending.append(o)
            continue
        flush(r)
        placed.append(Placed(patterns[r][0], o, False))
        idx = r + 1
    if pending:
        flush(min(len(patterns), idx + len(pending)))
    return placed


def _cells_for(p: Placed, table: T.Table) -> list[str | None]:
    """The value cells of a placed row, one per template column (None when the row cannot say)."""
    cols = p.row.columns
    values = p.obs.values
    if len(cols) == 1 and len(values) > 1:
        filled = [v for v in values if v]
        return [filled[0] if len(filled) == 1 else ("" if not filled else None)]
    if len(values) >= len(cols):
        n, extra = len(cols), len(values) - len(cols)
        right = values[extra:] if not any(values[:extra]) else None      # blank cells before: a wide label area
        left = values[:n] if not any(values[n:]) else None               # blank cells after: a wide table
        if right is not None and left is not None and right != left:
            return [None] * n
        return right or left or [None] * n
    if not any(values):
        return [""] * len(cols)
    return [None] * len(cols)


def _fact(key: str, raw: str | None, row: PlacedRow, text: str, label: str, findings: list[Finding]) -> Fact:
    line = text.count("\n", 0, row.offset) + 1 if row.offset >= 0 else -1
    if raw is None:
        return Fact(key, None, "", "", row.offset, line, row.page)
    value, unit = parse_cell(raw)
    if value is None and raw.strip() and not re.fullmatch(r"[/／—\-－–]+|无", raw.strip()):
        findings.append(Finding("unreadable", f"{label}单元格“{raw.strip()}”不是数字，记为未知。", key, raw))
    col = key.rsplit(".", 1)[1]
    if value is not None and not T.is_signed(col) and value < 0:
        value = None
    if isinstance(value, float) and not T.is_money(col):
        findings.append(Finding("unreadable", f"{label}单元格“{raw.strip()}”不是整数，记为未知。", key, raw))
        value = None
    return Fact(key, value, raw.strip(), unit or T.unit_of(key), row.offset, line, row.page)


def _appeals(obs: list[Observed], text: str, findings: list[Finding]) -> list[Fact]:
    """Table 4: its 15 numbers in printed order (one row, or one row per group)."""
    table = T.APPEALS
    values: list[tuple[str, PlacedRow]] = []
    by_group: dict[str, list[tuple[str, PlacedRow]]] = {}
    patterns = T.row_patterns("appeals", "2021")
    for o in obs:
        if o.header:
            continue
        vals = [(v, o.row) for v in o.values]
        if not any(v for v, _ in vals):
            continue
        r = _match(o.label, patterns, 0) if o.label else None
        if r is not None and len(vals) == 5:
            by_group[patterns[r][0].key] = vals
        values += vals
    keys = [f"appeals.{r.key}.{c}" for r in table.rows for c in r.columns]
    if len(by_group) == 3:
        values = [v for r in table.rows for v in by_group[r.key]]
    if len(values) > 15 and not any(v for v, _ in values[: len(values) - 15]):
        values = values[len(values) - 15:]
    if len(values) != 15:
        if values:
            findings.append(Finding("ambiguous", f"表四有{len(values)}个单元格，与模板的15个不符，记为未知。", "appeals"))
        row = values[0][1] if values else PlacedRow((), -1)
        return [_fact(k, None, row, text, "表四", findings) for k in keys]
    return [_fact(k, raw, row, text, "表四", findings) for k, (raw, row) in zip(keys, values)]


def read_grid_tables(tables: list[PlacedTable], text: str, version: str,
                     findings: list[Finding]) -> dict[str, list[Fact]]:
    """Facts of tables 2–4 from tables of cells; a template table that no table names is absent from the result."""
    ocr_rows = {r.offset for t in tables for r in t.rows if r.source == "ocr"}
    out: dict[str, list[Fact]] = {}
    for kind, group in group_rows(tables).items():
        table = T.TABLE_BY_KEY[kind]
        obs = _observed(group, table)
        if kind == "appeals":
            out[kind] = _appeals(obs, text, findings)
            continue
        v = version
        if kind == "applications":
            v = T.applications_version("".join(o.label for o in obs), version)
        placed = place_rows(obs, table, v, findings)
        facts: list[Fact] = []
        seen: set[str] = set()
        for p in placed:
            if p.row.key in seen:
                continue
            seen.add(p.row.key)
            cells = _cells_for(p, table)
            if any(c is None for c in cells):
                findings.append(Finding("ambiguous", f"{table.name}“{p.row.label}”行的单元格数与模板不符，记为未知。",
                                        f"{kind}.{p.row.key}"))
            for col, raw in zip(p.row.columns, cells):
                facts.append(_fact(f"{kind}.{p.row.key}.{col}", raw, p.obs.row, text, table.name, findings))
        for r in table.rows_for(v):
            if r.key not in seen:
                findings.append(Finding("missing_row", f"{table.name}缺少“{r.label}”行，该行数据视为未填报。", f"{kind}.{r.key}"))
        if kind == "applications":
            facts = _drop_misplaced(facts, placed, v, findings)
        out[kind] = facts
    for kind in out:
        out[kind] = _drop_misread(out[kind], kind, version, findings, ocr_rows)
    return out


def _drop_misread(facts: list[Fact], kind: str, version: str, findings: list[Finding],
                  ocr_rows: set[int]) -> list[Fact]:
    """Cells read by OCR whose sums fail: a misread digit is likelier than a misprint, so they are unknown."""
    ocr = {f.key for f in facts if f.offset in ocr_rows}
    if not ocr:
        return facts
    val = {f.key: f.value for f in facts}
    bad: set[str] = set()
    for eq in T.equations(version if kind != "appeals" else "2021"):
        terms = eq.left + eq.right
        if not eq.key.startswith(kind) or any(val.get(k) is None for k in terms):
            continue
        if sum(val[k] for k in eq.left) != sum(val[k] for k in eq.right):
            bad |= set(terms) & ocr
    if bad:
        table = T.TABLE_BY_KEY[kind].name
        findings.append(Finding("ambiguous", f"{table}有{len(bad)}个由文字识别读出的单元格不符合勾稽关系，可能识别有误，记为未知。",
                                kind, ",".join(sorted(bad))))
    return [replace(f, value=None) if f.key in bad else f for f in facts]


def _drop_misplaced(facts: list[Fact], placed: list[Placed], version: str, findings: list[Finding]) -> list[Fact]:
    """Rows placed by order whose arithmetic fails are nulled: misplaced is likelier than misprinted."""
    # rows of a real grid placed by order are placed for certain (the template's order is fixed, and the
    # count of rows matched the count of slots); rows of a table rebuilt from word positions are not
    by_order = {p.row.key for p in placed if p.by_order and not p.obs.row.grid}
    if not by_order:
        return facts
    val = {f.key: f.value for f in facts}
    bad: set[str] = set()
    for eq in T.equations(version):
        if not eq.key.startswith("applications"):
            continue
        terms = eq.left + eq.right
        rows = {k.split(".")[1] for k in terms}
        if not rows & by_order or any(val.get(k) is None for k in terms):
            continue
        if sum(val[k] for k in eq.left) != sum(val[k] for k in eq.right):
            bad |= rows & by_order
    if not bad:
        return facts
    findings.append(Finding(
        "ambiguous", f"表三有{len(bad)}行没有行名、按模板行序放置后不符合勾稽关系，可能错位，记为未知。", "applications",
        ",".join(sorted(bad))))
    return [Fact(f.key, None, f.raw, f.unit, f.offset, f.line, f.page) if f.key.split(".")[1] in bad else f
            for f in facts]
