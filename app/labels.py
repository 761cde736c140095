"""Chinese names of the template's tables, rows and columns, for people to read (from ingest/template.py)."""
from __future__ import annotations

from nianbao.ingest import template as T
from nianbao.ingest.records import SECTION_TITLES

ROWS: dict[str, str] = {r.key: T.row_label(t.key, r.key) for t in T.TABLES for r in t.rows}
COLUMNS: dict[str, str] = {c.key: c.label for t in T.TABLES for c in t.columns}


def cell_name(key: str) -> tuple[str, str, str]:
    """(table, row, column) names of a fact key such as applications.new_received.total."""
    return T.cell_label(key)


def section_name(key: str) -> str:
    """The template's title of a section key."""
    return SECTION_TITLES.get(key, key)


def fmt(v) -> str:
    """A value as printed: 未填报 for a blank cell, decimals kept (5949.09), whole numbers without .0."""
    if v is None:
        return "未填报"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.6f}".rstrip("0").rstrip(".")  # decimals as printed (390.922 万元), never rounded away
    return f"{int(v)}" if float(v).is_integer() else str(v)


def value_text(f: dict) -> str:
    """A stored cell as the report printed it, with its unit once (2笔, 984361元, 390.9220万元); a cell printed
    but not readable (digits run together) says so and is taken as not reported."""
    if f["value"] is None:
        return f"数字无法确定（原文“{f['raw']}”），按未填报处理" if f.get("raw") else "未填报"
    raw, unit = f.get("raw") or fmt(f["value"]), f.get("unit") or ""
    return raw if unit and raw.endswith(unit) else raw + unit
