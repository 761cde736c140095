"""Tables 2, 3 and 4 → facts with raw text and position.

Two shapes of flattened table occur. In *line form* (Word and PDF copies,
HTML and .docx read by our loaders) every cell is its own tab-indented line
and rows are separated by an empty line, so blank cells keep their place.
In *flat form* (web-page text dumps, PDF text layers) cells are separated by
a space or by nothing at all (`行政规范性文件8855698`); a run of digits is
then split into the row's columns, using the template's arithmetic where it
makes the split unique. Where more than one split fits, the cell is unknown:
null, with an `ambiguous` finding, never a guess.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from . import template as T
from .records import Fact, Finding

# ---- the template (ingest/template.py) ------------------------------------------------

def _t2(version: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(r.key, r.pattern, r.columns) for r in T.PROACTIVE.rows_for(version)]


def _t3(version: str) -> list[tuple[str, str]]:
    return [(r.key, r.pattern) for r in T.APPLICATIONS.rows_for(version)]


APPLICANT_COLUMNS = T.APPLICANTS
APPEAL_GROUPS = tuple(r.key for r in T.APPEALS.rows)
APPEAL_COLUMNS = T.APPEALS.rows[0].columns
# Money is printed with at most four decimals (万元 to the yuan); more means a fused cell.
MAX_DECIMALS = 4
_MAX_SPLITS = 20000

# ---- tokens -------------------------------------------------------------------------


@dataclass
class Item:
    kind: str        # label | value | run | sep
    text: str
    offset: int


_VALUE_CELL = re.compile(
    r"[-+]?\d+(?:\.\d+)?\s*(?:[（(][增减][）)])?\s*(?:万元|元|笔|件|个|项|条)?|[/／—\-－–]+|无")
_FLAT = re.compile(
    r"(?P<ws>\s+)"
    r"|(?P<year>(?:19|20)\d\d\s*年)"
    r"|(?P<run>[-+]?\d+(?:\.\d+)?(?=(?:19|20)\d\d年)"
    r"|[-+]?\d+(?=\d[.．、]\s*[^\d\s]))"
    r"|(?P<list>\d\s*[.．、](?=\s*[^\d\s]))"
    r"|(?P<num>[-+]?\d+(?:\.\d+)?(?:\s*[（(][增减][）)])?(?:\s*(?:万元|元|笔|件|个|项|条))?)"
    r"|(?P<label>[^\d\s]+)")


def tokenize(text: str, start: int, end: int) -> list[Item]:
    """Cells and labels of a table region, in line form or flat form."""
    region = text[start:end]
    tab_lines = sum(1 for line in region.split("\n") if line.startswith("\t"))
    items: list[Item] = []
    if tab_lines >= 8:
        pos = start
        prev_tab = False
        for line in region.split("\n"):
            s = line.strip()
            if s and not line.startswith("\t") and prev_tab and items and items[-1].kind in ("value", "label"):
                # a cell broken over two lines ('\t结果' + '维持', '\t' + '0')
                merged = items[-1].text + s
                kind = "value" if _VALUE_CELL.fullmatch(merged) else "label"
                items[-1] = Item(kind, merged, items[-1].offset)
                pos += len(line) + 1
                continue
            prev_tab = line.startswith("\t")
            if not s:
                items.append(Item("value" if line.startswith("\t") else "sep", "", pos))
            elif _VALUE_CELL.fullmatch(s):
                items.append(Item("value", s, pos))
            else:
                items.append(Item("label", s, pos))
            pos += len(line) + 1
        return items
    for m in _FLAT.finditer(region):
        kind = m.lastgroup
        if kind == "ws":
            continue
        kind = "run" if kind in ("run", "num") else "label"
        items.append(Item(kind, m.group(0), start + m.start()))
    return items


# ---- cells ---------------------------------------------------------------------------

_CELL = re.compile(r"(?P<sign>[-+]?)(?P<num>\d+(?:\.\d+)?)\s*(?:[（(](?P<chg>[增减])[）)])?\s*(?P<unit>万元|元|笔|件|个|项|条)?")


def parse_cell(raw: str) -> tuple[int | float | None, str]:
    """A cell's text → (value, unit). Blank, '/', '—', '无' are None, never 0."""
    s = raw.strip()
    m = _CELL.fullmatch(s)
    if not m:
        return None, ""
    num = m.group("num")
    value: int | float = float(num) if "." in num else int(num)
    if m.group("sign") == "-" or m.group("chg") == "减":
        value = -value
    unit = m.group("unit") or ""
    return value, unit if unit in ("万元", "元") else ""


def _parts(digits: str, k: int) -> list[list[str]]:
    """Every way to cut a digit string into k numbers without leading zeros."""
    out: list[list[str]] = []

    def ok(p: str) -> bool:
        if not p or p.startswith(".") or p.endswith("."):
            return False
        whole = p.split(".")[0]
        return whole == "0" or not whole.startswith("0")

    for cuts in itertools.combinations(range(1, len(digits)), k - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(ok(p) for p in parts):
            out.append(parts)
            if len(out) > _MAX_SPLITS:
                break
    return out


def split_runs(runs: list[str], columns: tuple[str, ...], check,
               candidates_out: list | None = None) -> tuple[list[str | None], str]:
    """Fused runs of digits → one raw text per column, or None where not unique.

    Returns (cells, status): status is 'ok', 'ambiguous' or 'unreadable'.
    Every split that fits (all of them when none passes `check`) is appended to
    `candidates_out`, for the whole table's arithmetic to decide between.
    """
    n = len(columns)
    parsed = []
    for r in runs:
        m = re.fullmatch(r"([-+]?)(\d+(?:\.\d+)?)(\s*(?:[（(][增减][）)])?\s*(?:万元|元|笔|件|个|项|条)?)", r.strip())
        if not m:
            return [None] * n, "unreadable"
        parsed.append(m.groups())
    if len(parsed) > n or sum(len(d.replace(".", "")) for _, d, _ in parsed) < n:
        return [None] * n, "unreadable"
    candidates: list[list[str]] = []
    for counts in _compositions(n, [len(d.replace(".", "")) for _, d, _ in parsed]):
        per_run = []
        for (sign, digits, suffix), k in zip(parsed, counts):
            options = _parts(digits, k)
            per_run.append([[sign + o[0], *o[1:-1], o[-1] + suffix] if k > 1 else [sign + o[0] + suffix] for o in options])
        for combo in itertools.product(*per_run):
            cells = [c for group in combo for c in group]
            if _valid(cells, columns):
                candidates.append(cells)
            if len(candidates) > _MAX_SPLITS:
                break
    if not candidates:
        return [None] * n, "unreadable"
    fitting = [c for c in candidates if check([parse_cell(x)[0] for x in c])]
    pool = fitting or candidates
    if candidates_out is not None:
        candidates_out.extend(pool)
    cells = [pool[0][i] if all(c[i] == pool[0][i] for c in pool) else None for i in range(n)]
    return cells, "ok" if all(c is not None for c in cells) else "ambiguous"


def _compositions(n: int, maxima: list[int]):
    """Ways to give each run between 1 and its digit count of the n cells."""
    if not maxima:
        if n == 0:
            yield []
        return
    for k in range(1, min(maxima[0], n - len(maxima) + 1) + 1):
        for rest in _compositions(n - k, maxima[1:]):
            yield [k, *rest]


def _valid(cells: list[str], columns: tuple[str, ...]) -> bool:
    for raw, col in zip(cells, columns):
        s = raw.strip()
        if s.startswith("-") and not T.is_signed(col):
            return False
        if "." in s.split("万")[0].split("元")[0] and not T.is_money(col):
            return False
    return True


_YEAR_IN_LABEL = re.compile(r"(?:19|20)\d\d年")

# ---- rows ----------------------------------------------------------------------------

@dataclass
class RowHit:
    key: str
    offset: int
    cells: list[str]     # raw texts, '' for blank
    status: str          # ok | ambiguous | unreadable | blank | short | long
    runs: str = ""       # the run text as printed (flat form)
    candidates: list = field(default_factory=list)   # every split that fits, when not unique


def _match_rows(items: list[Item], specs: list[tuple[str, str]], ncols: dict[str, tuple[str, ...]],
                check) -> dict[str, RowHit]:
    """Walk the items in template order, pairing each row label with the cells after it."""
    hits: dict[str, RowHit] = {}
    patterns = [(k, re.compile(p)) for k, p in specs]
    idx, i = 0, 0
    while i < len(items) and idx < len(patterns):
        if items[i].kind != "label":
            i += 1
            continue
        j, acc, offsets = i, "", []
        while j < len(items) and items[j].kind == "label":
            offsets.append((len(acc), items[j].offset))
            acc += "".join(items[j].text.split())
            j += 1
        if j >= len(items) or items[j].kind == "sep" and not any(x.kind in ("value", "run") for x in items[j:]):
            # labels with no number after them: the rest of the table printed blank, its rows in template order
            pos = 0
            for later in range(idx, len(patterns)):
                key = patterns[later][0]
                m = patterns[later][1].search(acc, pos)
                if m is None or key in hits:
                    continue
                pos = m.end()
                where = max((o for p_, o in offsets if p_ <= m.start()), default=items[i].offset)
                hits[key] = RowHit(key, where, [""] * len(ncols[key]), "blank")
            break
        best = None
        for r in range(idx, min(idx + 8, len(patterns))):
            for m in patterns[r][1].finditer(acc):
                tail = acc[m.end():]
                # narrative after a blank row's label is not part of it (labels never name a year)
                if len(tail) > 40 or "。" in tail or _YEAR_IN_LABEL.search(tail):
                    if r == len(patterns) - 1 and (best is None or best[0] < r):
                        # the table's last row, printed blank, then the narrative goes on
                        best = (r, m.end(), m.start(), True)
                    continue
                if best is None or m.end() > best[1]:
                    best = (r, m.end(), m.start(), False)
        if best is None:
            i = j
            continue
        r, _, mstart, last_blank = best
        if last_blank:
            hits[patterns[r][0]] = RowHit(patterns[r][0], items[i].offset, [""] * len(ncols[patterns[r][0]]), "blank")
            break
        # rows between idx and r whose labels sit in this label group are printed blank
        for skipped in range(idx, r):
            key = patterns[skipped][0]
            if patterns[skipped][1].search(acc) and key not in hits:
                hits[key] = RowHit(key, items[i].offset, [""] * len(ncols[key]), "blank")
        offset = max((o for pos, o in offsets if pos <= mstart), default=items[i].offset)
        key = patterns[r][0]
        cols = ncols[key]
        k, values = j, []
        while k < len(items):
            if items[k].kind in ("value", "run"):
                values.append(items[k])
            elif not (items[k].kind == "sep" and values and values[0].kind == "value" and len(values) < len(cols)
                      and k + 1 < len(items) and items[k + 1].kind == "value"):
                break  # in line form a row may wrap over an empty line; stop at anything else
            k += 1
        if not values:
            hits[key] = RowHit(key, offset, [""] * len(cols), "blank")
            # a run of blank rows (a text layer drops blank cells): every later row named in this group, in order
            pos = best[1]
            for later in range(r + 1, len(patterns)):
                m = patterns[later][1].search(acc, pos)
                if m is None or patterns[later][0] in hits:
                    continue
                pos = m.end()
                hits[patterns[later][0]] = RowHit(patterns[later][0], offset, [""] * len(ncols[patterns[later][0]]),
                                                  "blank")
                r = later
        elif values[0].kind == "value":  # line form: one cell per line
            cells = [v.text for v in values]
            status = "ok" if len(cells) == len(cols) else ("short" if len(cells) < len(cols) else "long")
            hits[key] = RowHit(key, offset, (cells + [""] * len(cols))[: len(cols)], status)
        else:
            runs = [v.text for v in values]
            candidates: list = []
            cells, status = split_runs(runs, cols, check, candidates)
            hits[key] = RowHit(key, offset, cells, status, " ".join(runs), candidates if status == "ambiguous" else [])
        idx, i = r + 1, k
    return hits


def _sum_check(values: list) -> bool:
    if any(v is None for v in values):
        return True
    return values[-1] == sum(values[:-1])


def _appeals_check(values: list) -> bool:
    return all(_sum_check(values[g * 5:(g + 1) * 5]) for g in range(3))


def _no_check(values: list) -> bool:
    return True


# ---- the whole table's arithmetic ---------------------------------------------------------

MAX_COMBINATIONS = 20000


def solve_jointly(table: str, hits: dict[str, RowHit], version: str) -> None:
    """Settle fused rows that their own sum leaves open with every equation of the table at once.

    Each ambiguous row has a few candidate splits; every combination is tried
    against the template's equations whose terms are all known. A cell on
    which every surviving combination agrees is settled; one they differ on
    stays null. No surviving combination (the report's own arithmetic is
    broken) leaves every open cell null. Never a guess.
    """
    open_rows = [h for h in hits.values() if h.status == "ambiguous" and 1 < len(h.candidates)]
    if not open_rows:
        return
    total = 1
    for h in open_rows:
        total *= len(h.candidates)
    if total > MAX_COMBINATIONS:
        return
    fixed: dict[str, int | float | None] = {}
    for h in hits.values():
        if h in open_rows:
            continue
        for col, raw in zip(APPLICANT_COLUMNS, h.cells):
            fixed[f"{table}.{h.key}.{col}"] = parse_cell(raw)[0] if raw is not None else None
    open_keys = {f"{table}.{h.key}." for h in open_rows}
    eqs = [e for e in T.equations(version) if e.key.startswith(table)
           and any(k.startswith(p) for k in e.left + e.right for p in open_keys)]
    survivors = []
    for combo in itertools.product(*(h.candidates for h in open_rows)):
        val = dict(fixed)
        for h, cells in zip(open_rows, combo):
            for col, raw in zip(APPLICANT_COLUMNS, cells):
                val[f"{table}.{h.key}.{col}"] = parse_cell(raw)[0]
        ok = True
        for e in eqs:
            terms = [val.get(k) for k in e.left + e.right]
            if any(t is None for t in terms):
                continue
            if sum(terms[: len(e.left)]) != sum(terms[len(e.left):]):
                ok = False
                break
        if ok:
            survivors.append(combo)
    if not survivors:
        return
    for i, h in enumerate(open_rows):
        cells = [survivors[0][i][c] if all(s[i][c] == survivors[0][i][c] for s in survivors) else None
                 for c in range(len(APPLICANT_COLUMNS))]
        h.cells = cells
        if all(c is not None for c in cells):
            h.status = "solved"


# ---- tables ----------------------------------------------------------------------------

def _facts_from_hits(table: str, hits: dict[str, RowHit], specs, cols_of, text: str,
                     findings: list[Finding], label: str) -> list[Fact]:
    facts: list[Fact] = []
    for key, _ in specs:
        cols = cols_of[key]
        hit = hits.get(key)
        if hit is None:
            findings.append(Finding("missing_row", f"{label}缺少“{T.row_label(table, key)}”行，该行数据视为未填报。",
                                    f"{table}.{key}"))
            continue
        line = text.count("\n", 0, hit.offset) + 1
        if hit.status in ("ambiguous", "unreadable"):
            unknown = [c for c, v in zip(cols, hit.cells) if v is None]
            findings.append(Finding(
                "ambiguous",
                f"{label}“{T.row_label(table, key)}”行的数字连写为“{hit.runs}”，无法唯一拆分到各列"
                f"（{'、'.join(T.column_label(table, c) for c in unknown)}），相应单元格记为未知。",
                f"{table}.{key}", hit.runs))
        elif hit.status in ("short", "long"):
            findings.append(Finding("ambiguous", f"{label}“{T.row_label(table, key)}”行的单元格数与模板不符。", f"{table}.{key}"))
        for col, raw in zip(cols, hit.cells):
            fkey = f"{table}.{key}.{col}"
            if raw is None:
                facts.append(Fact(fkey, None, hit.runs, "", hit.offset, line))
                continue
            value, unit = parse_cell(raw)
            if T.is_money(col) and isinstance(value, float) and len(str(raw).split(".")[1].rstrip("万元")) > MAX_DECIMALS:
                findings.append(Finding("ambiguous", f"{label}“{T.row_label(table, key)}”金额“{raw.strip()}”小数位过多，"
                                                     "可能与相邻单元格连写，记为未知。", fkey, raw))
                value = None
            if col == "amount_10k_yuan" and not unit:
                unit = "万元"
            facts.append(Fact(fkey, value, raw.strip(), unit, hit.offset, line))
    return facts


def _find(text: str, pattern: str, start: int, end: int) -> int:
    m = re.compile(pattern).search(text, start, end)
    return m.start() if m else -1


def stated_counts(narrative: str) -> dict[str, set[float]]:
    """Table-2 cells the report's own words state: 现行有效行政规范性文件698件 → {proactive.normative_documents.in_force: {698}}.

    A sentence naming a row (规章, 规范性文件) and one of its columns (制发, 废止,
    现行有效, by the template's words) right before a count.
    """
    out: dict[str, set[float]] = {}
    for row in T.PROACTIVE.rows:
        if not set(row.columns) & {"issued", "repealed", "in_force"}:
            continue
        row_words = "|".join(re.escape(w) for w in sorted({row.label.lstrip("行政"), *row.words}, key=len, reverse=True)
                             if len(w) >= 2 and not re.search(r"[A-Za-z]", w))
        for col in ("issued", "repealed", "in_force"):
            if col not in row.columns:
                continue
            words = "|".join(re.escape(w) for w in T.PROACTIVE.column(col).words if len(w) >= 2 and w != "有效"
                             and not re.search(r"[A-Za-z]", w))
            for m in re.finditer(rf"(?:{words})[^，。；,;\d]{{0,10}}?(?:{row_words})[^，。；,;\d]{{0,3}}?(\d+)\s*(?:件|个|份)",
                                 narrative):
                if not re.search(r"^(?:" + words + r").{0,10}?(?:其他|非)", m.group(0)):
                    out.setdefault(f"proactive.{row.key}.{col}", set()).add(float(m.group(1)))
    return out


def settle_by_text(table: str, hits: dict[str, RowHit], stated: dict[str, set[float]], cols_of,
                   findings: list[Finding], label: str) -> None:
    """A fused run its own sum leaves open, settled by the counts the report's text states for its cells.

    Of a row's candidate splits only those agreeing with every stated count are
    kept; a cell they all agree on is settled. The text only chooses between
    splits the table allows; it never replaces a cell the table settles.
    """
    for key, h in hits.items():
        if h.status != "ambiguous" or len(h.candidates) < 2:
            continue
        cols = cols_of[key]
        said = {i: stated[f"{table}.{key}.{c}"] for i, c in enumerate(cols) if f"{table}.{key}.{c}" in stated}
        if not said:
            continue
        kept = [c for c in h.candidates if all(parse_cell(c[i])[0] in v for i, v in said.items())]
        if not kept:
            continue
        cells = [kept[0][i] if all(k[i] == kept[0][i] for k in kept) else None for i in range(len(cols))]
        if all(c is not None for c in cells):
            h.cells, h.status = cells, "solved"
            findings.append(Finding("settled_by_text", f"{label}“{T.row_label(table, key)}”行的数字连写为“{h.runs}”，按正文所述数字拆分为"
                                    f"{' / '.join(c.strip() for c in cells)}。", f"{table}.{key}", h.runs))


def parse_proactive(text: str, start: int, end: int, template: str, findings: list[Finding],
                    narrative: str = "") -> list[Fact]:
    """Table 2 within text[start:end]; fused runs may be settled by the counts `narrative` states."""
    anchor = _find(text, r"第二十条|信息内容", start, end)
    if anchor < 0:
        return []
    specs = _t2(template)
    cols_of = {k: c for k, _, c in specs}
    items = tokenize(text, anchor, end)
    hits = _match_rows(items, [(k, p) for k, p, _ in specs], cols_of, _no_check)
    if narrative:
        settle_by_text("proactive", hits, stated_counts(narrative), cols_of, findings, "表二")
    return _facts_from_hits("proactive", hits, [(k, p) for k, p, _ in specs], cols_of, text, findings, "表二")


def parse_applications(text: str, start: int, end: int, template: str, findings: list[Finding]) -> list[Fact]:
    """Table 3 within text[start:end]."""
    anchor = _find(text, r"勾稽关系|钩稽关系|申请人情况|本年新收", start, end)
    if anchor < 0:
        return []
    # the rows of （六）其他处理 decide the layout of table 3, whatever table 2 uses
    version = T.applications_version(text[anchor:end], template)
    specs = _t3(version)
    cols_of = {k: APPLICANT_COLUMNS for k, _ in specs}
    items = tokenize(text, anchor, end)
    hits = _match_rows(items, specs, cols_of, _sum_check)
    if not hits:
        return []
    solve_jointly("applications", hits, version)
    return _facts_from_hits("applications", hits, specs, cols_of, text, findings, "表三")


def parse_appeals(text: str, start: int, end: int, findings: list[Finding]) -> list[Fact]:
    """Table 4 within text[start:end]: the 15 numbers after the header's last 总计."""
    anchor = _find(text, r"行政复议|行政法复议", start, end)
    if anchor < 0:
        return []
    items = tokenize(text, anchor, end)
    head = re.compile(r"总计|审结")
    last = None
    for n, it in enumerate(items):
        if it.kind == "label" and head.search(it.text):
            last = n
        elif it.kind in ("value", "run") and last is not None and not any(
                x.kind == "label" and head.search(x.text) for x in items[n:n + 40]):
            break  # the block of values after the header's last cell
    if last is None:
        return []
    values, k = [], last + 1
    while k < len(items) and items[k].kind in ("value", "run", "sep"):
        if items[k].kind != "sep":
            values.append(items[k])
        k += 1
    cols = tuple(f"{g}.{c}" for g in APPEAL_GROUPS for c in APPEAL_COLUMNS)
    if not values:
        # the header printed and no number after it: a blank table (a text layer keeps no blank cells)
        offset = items[last].offset
        line = text.count("\n", 0, offset) + 1
        return [Fact(f"appeals.{col}", None, "", "", offset, line) for col in cols]
    offset = values[0].offset
    if values[0].kind == "value":
        cells = [v.text for v in values]
        status = "ok" if len(cells) == 15 else ("short" if len(cells) < 15 else "long")
        hit = RowHit("x", offset, (cells + [""] * 15)[:15], status)
    else:
        runs = [v.text for v in values]
        cells, status = split_runs(runs, tuple(c.split(".")[1] for c in cols), _appeals_check)
        hit = RowHit("x", offset, cells, status, " ".join(runs))
    facts: list[Fact] = []
    line = text.count("\n", 0, offset) + 1
    if hit.status != "ok":
        findings.append(Finding("ambiguous", f"表四的数字“{hit.runs or ' '.join(c or '' for c in hit.cells)}”无法唯一对应15个单元格，未能确定的单元格记为未知。", "appeals", hit.runs))
    for col, raw in zip(cols, hit.cells):
        if raw is None:
            facts.append(Fact(f"appeals.{col}", None, hit.runs, "", offset, line))
        else:
            value, _ = parse_cell(raw)
            facts.append(Fact(f"appeals.{col}", value, raw.strip(), "", offset, line))
    return facts
