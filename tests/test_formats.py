"""Every gold report in every format a user may bring, parsed with no manifest.

The renditions (eval/renditions.py) carry the report's own narrative and the
hand-read table values laid out as the national template prints them: HTML
with merged cells, Word (.docx, .doc) and PDF made from it, and the damaged
text that PDF converters, markdown converters, OCR tools and crawlers make.
Each must give back every cell: no wrong value ever, and every value right,
except where the file itself leaves a cell undecidable (a PDF text layer
drops blank cells, a crawled page runs digits together): there null is right.

Formats that need Chromium or LibreOffice skip when the program is missing,
and fail instead when NIANBAO_REQUIRE_BROWSER=1.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from nianbao.eval.gold import FIXTURE_DIR, Score, gold_cells, load_golds, score
from nianbao.eval.renditions import FORMATS, build_many, open_cells, program_for, source

GOLDS = load_golds()
FIXTURES = load_golds(FIXTURE_DIR)
CASES = [(g["stem"], fmt) for fmt in FORMATS for g in GOLDS]
BY_STEM = {g["stem"]: g for g in GOLDS}
REQUIRED = os.environ.get("NIANBAO_REQUIRE_BROWSER") == "1"
MIN_RIGHT = 0.995


def _need_program(fmt: str) -> None:
    program, path = program_for(fmt)
    if path is None:
        message = f"{program} is not installed, so no {fmt} renditions (make system installs it)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def renditions(tmp_path_factory):
    """fmt → {gold name → path}, each format built on first use (LibreOffice and Chromium outputs cached)."""
    made: dict[str, object] = {}

    def get(fmt: str) -> dict[str, Path]:
        _need_program(fmt)
        if fmt not in made:
            try:
                made[fmt] = build_many(GOLDS, fmt, tmp_path_factory.mktemp(fmt))
            except Exception as e:   # remembered, so each case of the format reports it
                made[fmt] = e
        if isinstance(made[fmt], Exception):
            raise made[fmt]
        return made[fmt]

    return get


@pytest.fixture(scope="session")
def parsed_rendition(renditions):
    """(gold name, fmt) → Report, parsed once with no manifest."""
    from nianbao.ingest.parse import parse_file

    cache: dict[tuple[str, str], object] = {}

    def get(stem: str, fmt: str):
        key = (stem, fmt)
        if key not in cache:
            path = renditions(fmt)[stem]
            try:
                cache[key] = parse_file(path, {})
            except Exception as e:
                cache[key] = e
        if isinstance(cache[key], Exception):
            raise cache[key]
        return cache[key]

    return get


def _check_cells(report, gold: dict, open_set: set[str]) -> Score:
    got = {f.key: f.value for f in report.facts}
    s = score(gold_cells(gold), got, open_set)
    assert not s.wrong_cells, f"wrong values (got, hand-read): {s.wrong_cells}"
    unread = [k for k in s.null_cells if k not in open_set] + s.missing_cells
    assert not unread, f"{len(unread)} cells not read (null or missing): {unread}"
    return s


@pytest.mark.parametrize("stem,fmt", CASES, ids=[f"{s}-{f}" for s, f in CASES])
def test_every_cell_of_every_rendition(stem, fmt, parsed_rendition):
    gold = BY_STEM[stem]
    _check_cells(parsed_rendition(stem, fmt), gold, open_cells(gold, fmt))


@pytest.mark.parametrize("stem,fmt", CASES, ids=[f"{s}-{f}" for s, f in CASES])
def test_body_and_year_from_the_file_alone(stem, fmt, parsed_rendition):
    gold = BY_STEM[stem]
    report = parsed_rendition(stem, fmt)
    assert (report.body, report.year) == (gold["body"], gold["year"])
    assert report.template == gold["template"]


@pytest.mark.parametrize("gold", FIXTURES, ids=[g["stem"] for g in FIXTURES])
def test_hand_written_converter_text(gold):
    from nianbao.ingest.parse import parse_file

    report = parse_file(Path(gold["path"]).parent / gold["file"], {})
    assert (report.body, report.year, report.template) == (gold["body"], gold["year"], gold["template"])
    _check_cells(report, gold, set(gold.get("open", [])))


def test_overall_share_of_cells_right(parsed_rendition):
    total = Score()
    for stem, fmt in CASES:
        program, path = program_for(fmt)
        if path is None and not REQUIRED:
            continue
        try:
            report = parsed_rendition(stem, fmt)
            got = {f.key: f.value for f in report.facts}
        except Exception:
            got = {}
        total.add(score(gold_cells(BY_STEM[stem]), got))
    assert total.total, "no rendition could be made"
    share = total.right / total.total
    assert share >= MIN_RIGHT, (f"{total.right} of {total.total} cells right ({share:.2%}); "
                                f"{total.null} null, {total.wrong} wrong, {total.missing} missing")


# ---- the renditions themselves carry the gold --------------------------------------------------

def _expand(table) -> list[list[str]]:
    """An HTML table's cells on a full grid, merged cells repeated over their span."""
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.find_all("tr")):
        c = 0
        for td in tr.find_all("td"):
            while (r, c) in grid:
                c += 1
            for dr in range(int(td.get("rowspan", 1))):
                for dc in range(int(td.get("colspan", 1))):
                    grid[(r + dr, c + dc)] = td.get_text(strip=True)
            c += int(td.get("colspan", 1))
    rows = max(r for r, _ in grid) + 1
    cols = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(cols)] for r in range(rows)]


@pytest.mark.parametrize("gold", GOLDS, ids=[g["stem"] for g in GOLDS])
def test_html_rendition_is_a_full_grid_holding_the_gold(gold, tmp_path):
    from bs4 import BeautifulSoup

    from nianbao.eval.renditions import build, cell_text

    src = source(gold)
    soup = BeautifulSoup(build(gold, "html", tmp_path).read_text(encoding="utf-8"), "html.parser")
    tables = [_expand(t) for t in soup.find_all("table")]
    assert len(tables) == 3
    widths = [len(t[0]) for t in tables]
    assert all(len(row) == w for t, w in zip(tables, widths) for row in t)
    values = [cell_text(v, k.rsplit(".", 1)[1], src.signed_words) for k, v in src.cells.items()]
    table3 = [k for k in src.cells if k.startswith("applications.")]
    # Table 3's value block: seven columns right of the labels, one row per template row.
    got3 = [cell for row in tables[1][3:] for cell in row[-7:]]
    assert got3 == values[len([k for k in src.cells if k.startswith("proactive.")]):][:len(table3)]
    assert tables[2][-1] == values[-15:]
    assert soup.find("h1").get_text() == src.title


# ---- what a flattened text still tells -----------------------------------------------------------

def _row_of_three(printed: list[str], fmt: str) -> dict[str, set]:
    from nianbao.eval.readings import possible_values

    keys = [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    cells = dict(zip(keys, [0, 0, 0]))     # the truth does not matter for what the text allows
    return possible_values(cells, dict(zip(keys, printed)), "2021", fmt)


def test_digits_run_together_are_split_only_where_one_split_fits():
    assert all(len(v) == 1 for v in _row_of_three(["0", "0", "0"], "crawled").values())        # 000
    assert all(len(v) == 1 for v in _row_of_three(["0", "0", "11"], "crawled").values())       # 0011
    assert all(len(v) > 1 for v in _row_of_three(["88", "55", "698"], "crawled").values())     # 8855698


def test_dropped_blank_cells_leave_their_row_open_without_arithmetic():
    assert all(len(v) == 1 for v in _row_of_three(["4", "2", "9"], "pdf_text").values())
    assert all(len(v) > 1 for v in _row_of_three(["2648", "", ""], "pdf_text").values())
    assert all(len(v) == 1 for v in _row_of_three(["2648", "", ""], "html").values())


def test_signed_and_money_cells_go_only_where_the_template_allows():
    from nianbao.eval.readings import INVALID, parse_cell

    assert parse_cell("34（减）", "change") == -34 and parse_cell("1（增）", "change") == 1
    assert parse_cell("34（减）", "decisions") is INVALID and parse_cell("-15", "decisions") is INVALID
    assert parse_cell("390.922", "amount_10k_yuan") == 390.922 and parse_cell("390.922", "issued") is INVALID
    assert parse_cell("05", "issued") is INVALID
