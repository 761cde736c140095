"""What a flattened rendition still tells: the cells a careful reader can place.

A PDF's text layer drops blank cells (`416 12 3 431`: which columns were
blank?) and a crawled page runs cells together (`8855698`: 88 / 55 / 698, or
8 / 855 / 698?). Each printed row then admits several readings. The template's
arithmetic (ingest.template.equations) rules some of them out, row by row and
then over the whole table. A cell on which every reading that satisfies the
arithmetic agrees is decidable; any other cell is not, and a reader must leave
it null (or settle it from elsewhere, never by a guess).

Readings follow table-alignment.md: numbers keep their printed order, no
leading zeros except a lone 0, decimals only in money columns, 1（增）/34（减）
and -15 only in the signed 本年增/减 column. A blank counts as 0 in a sum.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from nianbao.ingest.template import APPEALS, TABLES, equations, is_money, is_signed, split_key

# Formats whose tables reach the reader as cells (grid, pipe table): every cell is decidable.
FLATTENED = {"pdf_text": "tokens", "crawled": "run"}
_CAP = 200_000     # readings of a whole table tried before falling back to row-by-row agreement

_INT = r"(?:0|[1-9]\d*)"
_SIGNED_WORDS = re.compile(rf"({_INT})[（(]([增减])[）)]")
_NEGATIVE = re.compile(rf"-({_INT})")
_DECIMAL = re.compile(rf"{_INT}\.\d+")
_WHOLE = re.compile(_INT)
INVALID = object()     # a cell text the column cannot hold


def parse_cell(text: str, column: str):
    """A printed cell as a value for a column; INVALID when that column cannot hold it."""
    if m := _SIGNED_WORDS.fullmatch(text):
        return (int(m.group(1)) * (1 if m.group(2) == "增" else -1)) if is_signed(column) else INVALID
    if m := _NEGATIVE.fullmatch(text):
        return -int(m.group(1)) if is_signed(column) else INVALID
    if _DECIMAL.fullmatch(text):
        return float(text) if is_money(column) else INVALID
    if _WHOLE.fullmatch(text):
        return int(text)
    return INVALID


@dataclass(frozen=True)
class Observation:
    """One printed row as a flattened text gives it: its cell keys and what is left of the cells."""

    keys: tuple[str, ...]
    printed: tuple[str, ...]     # the non-blank cell texts, in order


def observations(cells: dict, printed: dict, version: str) -> list[Observation]:
    """Tables 2 and 3 row by row; table 4's fifteen cells as one row (they share one printed line)."""
    out: list[Observation] = []
    for table in TABLES:
        rows = [r for r in table.rows_for(version) if r.key_of(table.key, r.columns[0]) in cells]
        groups = [rows] if table is APPEALS else [[r] for r in rows]
        for group in groups:
            keys = tuple(r.key_of(table.key, c) for r in group for c in r.columns)
            if keys:
                out.append(Observation(keys, tuple(printed[k] for k in keys if printed[k] != "")))
    return out


def _readings_of_tokens(obs: Observation) -> list[tuple]:
    """Blank cells dropped: which columns the printed numbers stood in."""
    cols = [split_key(k)[2] for k in obs.keys]
    out = []
    for places in itertools.combinations(range(len(cols)), len(obs.printed)):
        values: list = [None] * len(cols)
        for place, text in zip(places, obs.printed):
            values[place] = parse_cell(text, cols[place])
        if INVALID not in values:
            out.append(tuple(values))
    return out


def _readings_of_run(obs: Observation, rules: list) -> list[tuple]:
    """Cells run together: the splits of the run over the columns with the fewest blank cells.

    A reader takes every column as printed unless the run is too short for that (a blank takes
    nothing); `rules` are (equation, index of its last cell), checked as soon as they can be.
    """
    cols = [split_key(k)[2] for k in obs.keys]
    run = "".join(obs.printed)
    for blanks in range(max(0, len(cols) - len(run)), len(cols) + 1):
        out = _splits(run, cols, obs.keys, blanks, rules)
        if out:
            return out
    return []


def _splits(run: str, cols: list[str], keys: tuple[str, ...], blanks: int, rules: list) -> list[tuple]:
    out: list[tuple] = []
    values: list = []

    def walk(pos: int, blanks_left: int) -> None:
        i = len(values)
        if i == len(cols):
            if pos == len(run) and blanks_left == 0:
                out.append(tuple(values))
            return
        tokens_left = len(cols) - i - blanks_left
        if tokens_left < 0 or len(run) - pos < tokens_left:
            return
        options = [pos] if blanks_left else []
        options += range(pos + 1, len(run) + 1)
        for end in options:
            value = None if end == pos else parse_cell(run[pos:end], cols[i])
            if value is INVALID:
                continue
            values.append(value)
            cells = None
            for eq, last in rules:
                if last == i:
                    cells = cells or dict(zip(keys, values))
                    if not _holds(eq, cells):
                        break
            else:
                walk(end, blanks_left - (end == pos))
            values.pop()

    walk(0, blanks)
    return out


def _value(cells: dict, key: str):
    v = cells.get(key)
    return 0 if v is None else v


def _holds(eq, cells: dict) -> bool:
    return abs(sum(_value(cells, k) for k in eq.left) - sum(_value(cells, k) for k in eq.right)) < 1e-9


def possible_values(cells: dict, printed: dict, version: str, fmt: str) -> dict[str, set]:
    """Every cell's values over the readings a rendition in `fmt` allows (one value: decided).

    `cells` maps a key to its true value, `printed` to its text as the rendition prints it. Grid
    formats keep every cell where it stood: each cell has just its true value.
    """
    mode = FLATTENED.get(fmt)
    if mode is None:
        return {k: {v} for k, v in cells.items()}
    eqs = [e for e in equations(version) if all(k in cells for k in e.left + e.right)]
    obs = observations(cells, printed, version)
    own: dict[Observation, list] = {}
    readings: list[list[tuple]] = []
    for o in obs:
        keyset = set(o.keys)
        own[o] = [e for e in eqs if set(e.left + e.right) <= keyset]
        if mode == "tokens":
            raw = _readings_of_tokens(o)
            rs = [r for r in raw if all(_holds(e, dict(zip(o.keys, r))) for e in own[o])]
        else:
            rs = _readings_of_run(o, [(e, max(o.keys.index(k) for k in e.left + e.right)) for e in own[o]])
            raw = rs or _readings_of_run(o, [])
        # A printed row that breaks its own arithmetic: its readings are all those the text allows.
        readings.append(rs or raw)
    out: dict[str, set] = {}
    for table in TABLES:
        idx = [i for i, o in enumerate(obs) if split_key(o.keys[0])[0] == table.key]
        inside = {id(e) for i in idx for e in own[obs[i]]}
        across = [e for e in eqs if split_key(e.key)[0] == table.key and id(e) not in inside]
        out.update(_values_over_readings([obs[i] for i in idx], [readings[i] for i in idx], across))
    return out


def undecidable(cells: dict, printed: dict, version: str, fmt: str) -> set[str]:
    """Cells a rendition in `fmt` leaves open: their readings disagree."""
    return {k for k, vs in possible_values(cells, printed, version, fmt).items() if len(vs) > 1}


def misleading(cells: dict, printed: dict, version: str, fmt: str) -> set[str]:
    """Cells a rendition in `fmt` seems to settle, on a value that is not the true one."""
    return {k for k, vs in possible_values(cells, printed, version, fmt).items()
            if len(vs) == 1 and next(iter(vs)) != cells[k]}


def _values_over_readings(obs: list[Observation], readings: list[list[tuple]], across: list) -> dict[str, set]:
    """Each cell's values over the table's readings that satisfy its arithmetic."""
    seen: dict[str, set] = {}
    choices = []
    fixed: dict = {}
    for o, rs in zip(obs, readings):
        if len(rs) == 1:
            fixed.update(zip(o.keys, rs[0]))
            seen.update({k: {v} for k, v in zip(o.keys, rs[0])})
        else:
            choices.append((o, rs))
    total = 1
    for _, rs in choices:
        total *= len(rs)
    found: dict[str, set] = {}
    if across and choices and total <= _CAP:
        for combo in itertools.product(*(rs for _, rs in choices)):
            table = dict(fixed)
            for (o, _), r in zip(choices, combo):
                table.update(zip(o.keys, r))
            if all(_holds(e, table) for e in across):
                for (o, _), r in zip(choices, combo):
                    for k, v in zip(o.keys, r):
                        found.setdefault(k, set()).add(v)
    if not found:
        # No table-wide reading (or too many to try): only a row's own readings can settle its cells.
        for o, rs in choices:
            for i, k in enumerate(o.keys):
                found[k] = {r[i] for r in rs}
    seen.update(found)
    return seen
