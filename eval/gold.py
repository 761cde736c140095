"""The hand-read gold: every table cell of a report, with the value read by hand.

A gold file (tests/gold/*.json) names the report's file, body, year and
template version; `rows` lists the rows whose cells are not all the default,
`rest` is the value of every other cell (0, or null for a report that left
its tables blank), and `absent` the rows the report does not print at all.
Table 4's fifteen cells are one list under `appeals`, in printed order.
"""
from __future__ import annotations

import json
from pathlib import Path

from ingest.template import TABLES, Row, Table

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "renditions"


def row_values(gold: dict, table: Table, row: Row) -> list | None:
    """The hand-read values of one printed row, in column order; None when the report lacks the row."""
    name = f"{table.key}.{row.key}"
    if name in set(gold.get("absent", [])):
        return None
    rows = gold["rows"]
    if name in rows:
        return list(rows[name])
    if table.key in rows:
        # One list for the whole table (table 4): this row's slice of it.
        start = 0
        for r in table.rows_for(gold["template"]):
            if r.key == row.key:
                return list(rows[table.key][start:start + len(r.columns)])
            start += len(r.columns)
    return [gold["rest"]] * len(row.columns)


def gold_cells(gold: dict) -> dict[str, object]:
    """Every cell key of the gold's template version with its hand-read value (absent rows left out)."""
    out: dict[str, object] = {}
    for table in TABLES:
        for row in table.rows_for(gold["template"]):
            values = row_values(gold, table, row)
            if values is None:
                continue
            if len(values) != len(row.columns):
                raise ValueError(f"{gold['file']}: {table.key}.{row.key} has {len(values)} values, "
                                 f"the template has {len(row.columns)} columns")
            for col, value in zip(row.columns, values):
                out[row.key_of(table.key, col)] = value
    return out


def load_gold(path: Path) -> dict:
    """One gold file, with `stem` (the gold's name) and `path` added."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold["stem"] = path.stem
    gold["path"] = str(path)
    return gold


def load_golds(folder: Path = GOLD_DIR) -> list[dict]:
    """Every gold file of a folder, sorted by name."""
    return [load_gold(p) for p in sorted(folder.glob("*.json"))]
