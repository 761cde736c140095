"""The hand-read gold: every table cell of a report, with the value read by hand.

A gold file (tests/gold/*.json) names the report's file, body, year and
template version; `rows` lists the rows whose cells are not all the default,
`rest` is the value of every other cell (0, or null for a report that left
its tables blank), and `absent` the rows the report does not print at all.
Table 4's fifteen cells are one list under `appeals`, in printed order.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.ingest.template import TABLES, Row, Table

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


@dataclass
class Score:
    """A parse against the gold, cell by cell."""

    right: int = 0       # the hand-read value (a blank read as blank counts here)
    null: int = 0        # a value the gold has, read as null
    open: int = 0        # of `null`: cells the file itself leaves undecidable, so null is the honest reading
    wrong: int = 0       # a value other than the hand-read one
    missing: int = 0     # no fact for the cell at all
    extra: int = 0       # facts for cells the gold does not have
    wrong_cells: dict = field(default_factory=dict)     # key → (got, want)
    null_cells: list = field(default_factory=list)
    missing_cells: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + self.null + self.wrong + self.missing

    def add(self, other: Score) -> Score:
        for name in ("right", "null", "open", "wrong", "missing", "extra"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def same_value(got, want) -> bool:
    """Equal as numbers (390.922 == 390.9220), or both blank."""
    if got is None or want is None:
        return got is None and want is None
    return abs(float(got) - float(want)) < 1e-6


def score(want: dict[str, object], got: dict[str, object], open_cells: set[str] = frozenset()) -> Score:
    """Compare parsed facts (key → value) with the gold cells (key → value)."""
    s = Score()
    for key, value in want.items():
        if key not in got:
            s.missing += 1
            s.missing_cells.append(key)
        elif same_value(got[key], value):
            s.right += 1
        elif got[key] is None:
            s.null += 1
            s.open += key in open_cells
            s.null_cells.append(key)
        else:
            s.wrong += 1
            s.wrong_cells[key] = (got[key], value)
    s.extra = len(set(got) - set(want))
    return s
