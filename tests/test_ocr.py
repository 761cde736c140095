"""OCR of scanned reports: gold reports printed, scanned (turned, blurred, noised) and read back.

The layout tests use a stand-in engine that returns words at known places,
so grids, blank cells, caching and progress are checked exactly; the scan
tests run the real engine on pages made from the gold reports.
"""
from __future__ import annotations

import io
import re

import pytest

from nianbao.ingest import ocr
from nianbao.ingest.document import Paragraph
from nianbao.ingest.records import ReportError

# ---- a stand-in engine ---------------------------------------------------------------------


class FakeEngine:
    """Returns the words it was given, wherever the page is; counts its calls."""

    name = "fake"
    version = "fake 1"

    def __init__(self, words):
        self.words = list(words)
        self.calls = 0

    def read(self, img, clean=None):
        self.calls += 1
        return list(self.words)

    def read_line(self, img):
        return "", 0.0


def ruled_page(cells, width=1240, height=1754, x0=150, y0=300, col_w=(300, 150, 150), row_h=50, merged=()):
    """A white page with a ruled table: `merged` lists (row, col) whose bottom border is left out."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (width, height), 255)
    d = ImageDraw.Draw(img)
    xs = [x0]
    for w in col_w:
        xs.append(xs[-1] + w)
    ys = [y0 + i * row_h for i in range(len(cells) + 1)]
    for i, y in enumerate(ys):
        for j in range(len(col_w)):
            if 0 < i < len(ys) - 1 and (i - 1, j) in merged:
                continue
            d.line([(xs[j], y), (xs[j + 1], y)], fill=0, width=2)
    for x in xs:
        d.line([(x, ys[0]), (x, ys[-1])], fill=0, width=2)
    words = []
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            if text:
                cx, cy = (xs[j] + xs[j + 1]) / 2, (ys[i] + ys[i + 1]) / 2
                words.append(ocr.Word(cx - 10 * len(text), cy - 10, cx + 10 * len(text), cy + 10, text, 0.9))
    return img, words


def test_ruled_table_keeps_blank_cells_and_merged_labels():
    cells = [["信息内容", "本年制发件数", "现行有效件数"],
             ["行政规范性文件", "4", ""],
             ["", "2", "9"]]
    # the label cell spans rows 2 and 3: no border under it
    img, words = ruled_page(cells, merged={(1, 0)})
    words.append(ocr.Word(100, 150, 400, 172, "临江新区2024年政府信息公开工作年度报告", 0.95))
    doc = ocr.ocr_images([img], "t.png", engine=FakeEngine(words), cache_dir=False)
    assert doc.kind == "ocr" and doc.pages == 1
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].page == 1
    table = doc.tables[0]
    assert table.grid is True and table.source == "ocr" and table.page == 1
    assert table.rows == (("信息内容", "本年制发件数", "现行有效件数"),
                          ("行政规范性文件", "4", ""),
                          ("行政规范性文件", "2", "9"))
    assert doc.notes[:2] == ("ocr", "engine fake 1") and doc.notes[2].startswith("page 1 confidence 0.9")


def test_misread_digit_is_kept_as_read_and_named_in_the_notes():
    cells = [["行政处罚", "O"], ["行政强制", "8"]]
    img, words = ruled_page(cells, col_w=(300, 200))
    words = [w if w.text != "O" else ocr.Word(w.x0, w.y0, w.x1, w.y1, "O", 0.31) for w in words]
    doc = ocr.ocr_images([img], "t.png", engine=FakeEngine(words), cache_dir=False)
    assert doc.tables[0].rows == (("行政处罚", "O"), ("行政强制", "8"))
    assert any("'O'" in n and "confidence 0.31" in n for n in doc.notes)


def test_columns_without_rules_come_from_word_positions():
    from PIL import Image

    img = Image.new("L", (1240, 1754), 255)
    words = []
    for i, (label, a, b, c) in enumerate([("行政复议", "1", "0", "1"), ("直接起诉", "0", "2", "2"), ("复议后起诉", "0", "0", "0")]):
        y = 400 + i * 40
        words.append(ocr.Word(150, y, 150 + 22 * len(label), y + 22, label, 0.9))
        for x, t in ((600, a), (800, b), (1000, c)):
            words.append(ocr.Word(x, y, x + 12, y + 22, t, 0.9))
    doc = ocr.ocr_images([img], "t.png", engine=FakeEngine(words), cache_dir=False)
    table = doc.tables[0]
    assert table.grid is False
    assert table.rows[1] == ("直接起诉", "0", "2", "2")


def test_lines_that_fill_the_measure_join_into_one_paragraph():
    from PIL import Image

    img = Image.new("L", (1240, 1754), 255)
    words = [ocr.Word(150, 200, 450, 225, "一、总体情况", 0.99),
             ocr.Word(200, 250, 1090, 275, "2024年，新区坚持以习近平新时代中国特色社会主义思想为指导，贯彻落实上级关", 0.99),
             ocr.Word(150, 290, 1090, 315, "于政府信息公开工作的系列决策部署要求，紧密围绕区委、区政府中心工作，秉持", 0.99),
             ocr.Word(150, 330, 500, 355, "“优质公开”理念。", 0.99),
             ocr.Word(200, 370, 1090, 395, "（1）主动公开情况。新区坚持以群众需求为导向，坚持“公开为原则，不公开为", 0.99)]
    doc = ocr.ocr_images([img], "t.png", engine=FakeEngine(words), cache_dir=False)
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "一、总体情况"
    assert texts[1].startswith("2024年，新区") and texts[1].endswith("“优质公开”理念。")
    assert texts[2].startswith("（1）主动公开情况")


def test_each_page_is_read_once_then_cached(tmp_path):
    img, words = ruled_page([["规章", "0"], ["行政许可", "5"]], col_w=(300, 200))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    data = buf.getvalue()
    engine = FakeEngine(words)
    seen = []
    first = ocr.ocr_images([data, data], "scan.pdf", engine=engine, cache_dir=tmp_path, on_page=lambda i, n: seen.append((i, n)))
    assert seen == [(1, 2), (2, 2)]
    calls = engine.calls
    assert calls == 1                               # the same page twice: read once
    again = ocr.ocr_images([data, data], "scan.pdf", engine=engine, cache_dir=tmp_path)
    assert engine.calls == calls
    assert again.blocks == first.blocks
    assert [t.page for t in again.tables] == [1, 2]


def test_broken_image_is_a_report_error():
    with pytest.raises(ReportError, match="not a readable image"):
        ocr.ocr_images([b"\x89PNG not really"], "scan.png", engine=FakeEngine([]), cache_dir=False)


def test_skew_is_measured_and_undone():
    import numpy as np

    img, _ = ruled_page([["a", "b", "c"]] * 6)
    turned = img.rotate(0.7, fillcolor=255)
    angle = ocr.estimate_skew(np.asarray(turned))
    assert abs(angle + 0.7) <= 0.06
    straight, used = ocr.deskew(np.asarray(turned))
    assert used == angle
    hs, vs = ocr.find_rulings(straight, 1.0)
    grids = ocr.find_grids(hs, vs, 1.0, straight.shape[1])
    assert len(grids) == 1 and len(grids[0].ys) == 7 and len(grids[0].xs) == 4


# ---- real scans of gold reports ------------------------------------------------------------

@pytest.fixture(scope="module")
def changzhou():
    """The Changzhou report printed, scanned and read back (about twenty seconds)."""
    from nianbao.eval.bench_ocr import scanned_report

    scan = scanned_report("2024_changzhou-district-office", seed=3)
    doc = ocr.ocr_images(scan.pages, "2024_changzhou-district-office.pdf", cache_dir=False)
    return scan, doc


def _norm(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split())


def _row(doc, pattern: str, k: int) -> list[str]:
    """The last k cells of the first table row whose label matches."""
    for t in doc.tables:
        for row in t.rows:
            if len(row) > k and re.search(pattern, _norm("".join(row[:-k]))):
                return [_norm(c) for c in row[-k:]]
    raise AssertionError(f"no row labelled {pattern}")


def test_scan_narrative_reads_as_printed(changzhou):
    scan, doc = changzhou
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    text = _norm("".join(p.text for p in paragraphs))
    for sentence in ("全年新受理政府信息依申请公开63件，上年结转政府信息依申请公开1件",
                     "一、总体情况", "五、存在的主要问题及改进情况", "本年度政府信息公开事项未收取任何费用"):
        assert _norm(sentence) in text, sentence
    assert {p.page for p in paragraphs} >= {1, 3}
    from nianbao.eval.bench_ocr import chars_right, narrative_of

    assert chars_right("\n".join(scan.narrative), narrative_of(doc)) > 0.98


def test_scan_tables_hold_gold_numbers_in_their_rows(changzhou):
    scan, doc = changzhou
    assert doc.kind == "ocr" and doc.pages == len(scan.pages)
    assert all(t.grid and t.source == "ocr" for t in doc.tables)
    assert _row(doc, r"规范性文件", 3) == ["4", "2", "9"]
    assert _row(doc, r"本年新收", 7) == ["49", "14", "0", "0", "0", "0", "63"]
    assert _row(doc, r"部分公开", 7) == ["10", "8", "0", "0", "0", "0", "18"]
    assert _row(doc, r"不掌握", 7) == ["14", "6", "0", "0", "0", "0", "20"]
    assert _row(doc, r"逾期不补正", 7) == ["9", "0", "0", "0", "0", "0", "9"]
    assert _row(doc, r"七.?总计", 7) == ["41", "14", "0", "0", "0", "0", "55"]
    assert _row(doc, r"结转下年度", 7) == ["9", "0", "0", "0", "0", "0", "9"]


def test_scan_cells_against_the_gold(changzhou):
    from nianbao.eval.bench_ocr import cells_by_position, tally

    scan, doc = changzhou
    right, null, wrong = tally(cells_by_position(doc, scan.gold, scan.cells))
    assert wrong == 0
    assert right >= 0.97 * len(scan.cells)


def test_scan_notes_say_how_sure_each_page_is(changzhou):
    scan, doc = changzhou
    assert doc.notes[0] == "ocr"
    for page in range(1, len(scan.pages) + 1):
        note = next(n for n in doc.notes if n.startswith(f"page {page} confidence "))
        assert 0.8 < float(note.rsplit(" ", 1)[1]) <= 1


def test_pdf_pages_without_text_are_rendered_and_read(tmp_path):
    """A decimal fee in table 2, read from the PDF page by page number."""
    from nianbao.eval.gold import GOLD_DIR, load_gold
    from nianbao.eval.renditions import build_pdf, source

    pdf = build_pdf(source(load_gold(GOLD_DIR / "2024_linjiang-new-area.json")), tmp_path).read_bytes()
    seen = []
    doc = ocr.ocr_pdf_pages(pdf, [1], "linjiang.pdf", cache_dir=tmp_path / "cache", dpi=150,
                            on_page=lambda i, n: seen.append((i, n)))
    assert seen == [(1, 1)]
    assert {b.page for b in doc.blocks} == {1}
    assert _row(doc, r"事业性收费", 1) == ["390.922"]
    assert _row(doc, r"行政处罚", 1) == ["2"]
    assert _row(doc, r"规范性文件", 3) == ["0", "0", "0"]


# ---- scans through ingestion: facts, pages, the OCR finding, the cache ---------------------------

def _image_pdf(pages, path):
    """An image-only PDF, as a scanner writes it."""
    rgb = [p.convert("RGB") for p in pages]
    rgb[0].save(path, "PDF", resolution=150, save_all=True, append_images=rgb[1:])
    return path


def test_scanned_pdf_is_ingested_with_pages_findings_and_cache(changzhou, tmp_path):
    import time

    from nianbao.eval.gold import gold_cells
    from nianbao.index.ingest import ingest_paths
    from nianbao.index.settings import Settings
    from nianbao.index.store import Store

    scan, _ = changzhou
    pdf = _image_pdf(scan.pages, tmp_path / "2024_changzhou-district-office.pdf")
    settings = Settings(data_dir=tmp_path / "data")
    seen = []
    (r,) = ingest_paths([pdf], settings, on_page=lambda i, n: seen.append((i, n)))
    assert r.status == "ingested", r.reason
    assert seen == [(i, len(scan.pages)) for i in range(1, len(scan.pages) + 1)]
    store = Store(settings.db_path)
    facts = {f["key"]: f for f in store.facts(report_id=r.report_id)}
    want = gold_cells(scan.gold)
    right = sum(1 for k, v in want.items() if k in facts and facts[k]["value"] == v)
    wrong = [k for k, v in want.items() if k in facts and facts[k]["value"] not in (None, v)]
    assert wrong == [] and right >= 0.95 * len(want)
    new = facts["applications.new_received.total"]
    assert new["value"] == 63 and new["page"] in (2, 3) and 0.8 < new["confidence"] <= 1
    assert any(g["kind"] == "ocr" for g in store.findings(r.report_id))
    sections = {s.key for s in store.sections(r.report_id)}
    assert {"overview", "applications", "problems"} <= sections
    store.close()
    # an answer from it cites the cell with its page and confidence, and says the report was read by OCR
    from nianbao.app.answer import Answerer

    a = Answerer(settings)
    ans = a.ask("常州区党政办2024年收到多少政府信息公开申请？")
    assert [f["value"] for f in ans.facts] == [63]
    c = ans.citations[0]
    assert c["page"] == new["page"] and f"第{new['page']}页" in c["quote"] and "OCR识别" in c["quote"]
    assert any(f["kind"] == "ocr" for f in ans.findings)
    a.close()
    # the same bytes again: read from the cache, nothing OCR'd
    t0 = time.perf_counter()
    (again,) = ingest_paths([pdf], settings)
    assert again.status == "unchanged" and time.perf_counter() - t0 < 5


def test_page_image_is_accepted(changzhou, tmp_path):
    from nianbao.ingest.loaders import read_file

    scan, doc = changzhou
    png = tmp_path / "page.png"
    scan.pages[-1].save(png)
    _, page = read_file(png, 1 << 26)
    assert page.kind == "ocr" and page.ocr_pages and page.ocr_pages[0][0] == 1
    last = _norm("".join(b.text for b in doc.blocks if isinstance(b, Paragraph) and b.page == len(scan.pages)))
    got = _norm("".join(b.text for b in page.blocks if isinstance(b, Paragraph)))
    assert got and got[:40] == last[:40]


def test_pdf_with_text_and_scanned_pages_is_read_page_by_page(tmp_path):
    """Page 2 of a text PDF replaced by its scan: pages 1 and 3 from the text layer, page 2 by OCR."""
    from pypdf import PdfReader, PdfWriter

    from nianbao.eval.gold import GOLD_DIR, gold_cells, load_gold
    from nianbao.eval.renditions import build_pdf, source
    from nianbao.ingest.parse import parse_file

    gold = load_gold(GOLD_DIR / "2024_linjiang-new-area.json")
    text_pdf = build_pdf(source(gold), tmp_path)
    scan = ocr.render_pdf_page(text_pdf.read_bytes(), 2, dpi=200)
    scan.convert("RGB").save(tmp_path / "p2.pdf", "PDF", resolution=200)
    out = PdfWriter()
    pages = PdfReader(str(text_pdf)).pages
    for i, page in enumerate(pages, 1):
        out.add_page(PdfReader(str(tmp_path / "p2.pdf")).pages[0] if i == 2 else page)
    mixed = tmp_path / "2024_linjiang-new-area.pdf"
    with mixed.open("wb") as fh:
        out.write(fh)
    from nianbao.ingest.records import ReadOptions

    report = parse_file(mixed, {}, options=ReadOptions(ocr_cache=tmp_path / "ocr"))
    assert report.source_format == "pdf" and [p for p, _ in report.ocr_pages] == [2]
    got = {f.key: f for f in report.facts}
    want = gold_cells(gold)
    assert [k for k, v in want.items() if got[k].value not in (None, v)] == []
    assert sum(got[k].value == v for k, v in want.items()) >= 0.97 * len(want)
    assert {f.page for f in report.facts} >= {2}
    assert all(f.confidence is not None for f in report.facts if f.page == 2)
    assert all(f.confidence is None for f in report.facts if f.page != 2)
    assert any(f.kind == "ocr" and "第2页" in f.message for f in report.findings)
