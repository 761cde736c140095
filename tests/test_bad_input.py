"""Bad input: one line naming the file and the reason; nothing stored is lost; the rest is ingested."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from builders import to_pdf
from conftest import CORPUS, FIXTURES, ROOT
from nianbao.index.ingest import ingest_paths
from nianbao.index.settings import Settings
from nianbao.index.store import Store


def make_bad_files(folder):
    """Every kind of bad input, written here."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(os.urandom(4096))
    (folder / "random.pdf").write_bytes(os.urandom(4096))
    (folder / "notzip.docx").write_bytes(b"this is not a zip archive at all" * 10)
    good_pdf = to_pdf("一、总体情况\n" + "本年度报告。" * 30, folder / "tmp.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    (folder / "tmp.pdf").unlink()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(folder / "encrypted.pdf"), encrypt="secret")
    c.drawString(50, 800, "hello")
    c.save()
    c = canvas.Canvas(str(folder / "scanned.pdf"))
    c.rect(50, 50, 400, 600, fill=1)  # an image-like page with no text layer
    c.save()
    shutil.copy(FIXTURES / "not-reports" / "2014_pingtan-zone_key-tasks-letter.txt", folder / "notice.txt")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + os.urandom(100))
    return folder


EXPECTED = {
    "empty.txt": "empty file",
    "random.txt": "not text",
    "random.pdf": "unreadable PDF",
    "notzip.docx": "not a zip",
    "truncated.pdf": "PDF",
    "encrypted.pdf": "encrypted PDF",
    "scanned.pdf": "no text layer",
    "notice.txt": "not an annual report",
}


def test_each_bad_file_gets_its_reason_and_the_rest_is_ingested(tmp_path):
    folder = make_bad_files(tmp_path / "in")
    shutil.copy(CORPUS / "2024_linjiang-new-area.txt", folder / "good.txt")
    settings = Settings(data_dir=tmp_path / "data")
    results = {os.path.basename(r.path): r for r in ingest_paths([folder], settings)}
    for name, reason in EXPECTED.items():
        assert results[name].status == "rejected", name
        assert reason in results[name].reason, (name, results[name].reason)
    if not shutil.which("soffice"):
        assert "LibreOffice" in results["old.doc"].reason
    assert results["good.txt"].status == "ingested"


def test_rejections_never_lose_stored_reports(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    ingest_paths([CORPUS / "2024_changzhou-district-office.txt"], settings)
    store = Store(settings.db_path)
    before = list(store.facts())
    store.close()
    folder = make_bad_files(tmp_path / "in")
    # a bad file under the name of a stored report must not replace it
    (folder / "2024_changzhou-district-office.txt").write_bytes(b"")
    ingest_paths([folder], settings)
    store = Store(settings.db_path)
    assert list(store.facts()) == before
    store.close()


def test_size_limit_refuses_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(3 * 1024 * 1024)  # sparse: costs no disk
    settings = Settings(data_dir=tmp_path / "data", max_file_mb=1)
    (r,) = ingest_paths([big], settings)
    assert r.status == "rejected" and "over the 1 MB limit" in r.reason


def test_docx_zip_bomb_refused(tmp_path):
    import zipfile

    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    (r,) = ingest_paths([p], Settings(data_dir=tmp_path / "data"))
    assert r.status == "rejected" and "zip bomb" in r.reason


def test_cli_prints_one_line_per_bad_file_and_fails(tmp_path):
    folder = make_bad_files(tmp_path / "in")
    env = dict(os.environ, NIANBAO_DATA_DIR=str(tmp_path / "data"))
    p = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "ingest", "--no-index", str(folder)],
                       capture_output=True, text=True, env=env, cwd=ROOT)
    assert p.returncode == 1
    assert "Traceback" not in p.stderr
    lines = [ln for ln in p.stderr.splitlines() if ln.startswith("  ")]
    for name in EXPECTED:
        assert sum(name in ln for ln in lines) == 1, name


@pytest.mark.parametrize("sub", ["pre-2019"])
def test_old_format_reports_keep_sections_with_a_finding(sub, tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    results = ingest_paths([FIXTURES / sub], settings)
    assert all(r.status == "ingested" for r in results), [(r.path, r.reason) for r in results]
    store = Store(settings.db_path)
    kinds = {f["kind"] for f in store.findings()}
    assert "no_standard_tables" in kinds
    assert list(store.facts()) == []
    store.close()


def test_every_look_alike_is_rejected_and_every_old_report_kept(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    results = ingest_paths([FIXTURES / "not-reports", FIXTURES / "pre-2019"], settings)
    by = {os.path.basename(r.path): r for r in results}
    assert sorted(n for n, r in by.items() if r.status == "rejected") == [
        "2014_pingtan-zone_key-tasks-letter.txt", "2017_finance-bureau_self-inspection.txt",
        "2018_public-security-bureau_key-tasks-implementation.txt"]
    assert all("not an annual report" in r.reason for r in results if r.status == "rejected")
    assert sum(r.status == "ingested" for r in results) == 4
    store = Store(settings.db_path)
    assert list(store.facts()) == []   # no counts of a work plan become table facts
    store.close()


def test_a_200_mb_file_is_refused_by_the_default_limit(tmp_path):
    big = tmp_path / "huge.pdf"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    (r,) = ingest_paths([big], Settings(data_dir=tmp_path / "data"))
    assert r.status == "rejected" and "over the 50 MB limit" in r.reason


BIG5_REPORT = ("臨江新區2024年政府信息公開工作年度報告\n一、總體情況\n本年度新區堅持以公開為常態、不公開為例外，"
               "主動公開政府信息一百二十條。\n五、存在的主要問題及改進情況\n資訊更新不夠及時。\n")


def test_big5_text_is_decoded_and_handled(tmp_path):
    from nianbao.ingest.loaders import read_file

    p = tmp_path / "big5.txt"
    p.write_bytes(BIG5_REPORT.encode("big5"))
    _, doc = read_file(p, 1 << 20)
    text = doc.blocks[0].text
    assert "臨江新區2024年政府信息公開工作年度報告" in text and "資訊更新不夠及時" in text
    (r,) = ingest_paths([p], Settings(data_dir=tmp_path / "data"))
    # traditional headings are not the national template's: a clear reason, never a traceback
    assert r.status == "ingested" or (r.status == "rejected" and r.reason and "Error" not in r.reason), r


def test_missing_table_and_broken_arithmetic_are_findings(tmp_path):
    from nianbao.eval.synth import generate

    f = generate(tmp_path / "in", 1, seed=4)[0]
    text = f.read_text(encoding="utf-8")
    a, b = text.index("四、政府信息公开行政复议"), text.index("五、存在的主要问题")
    f.write_text(text[:a] + text[b:], encoding="utf-8")  # table 4 gone
    g = generate(tmp_path / "in2", 1, seed=6)[0]
    t2 = g.read_text(encoding="utf-8")
    row = re.search(r"(一、本年新收政府信息公开申请数量\n(?:\t\d+\n){6}\t)(\d+)", t2)
    g = g.rename(g.with_name("broken.txt"))
    g.write_text(t2[:row.start(2)] + str(int(row.group(2)) + 5) + t2[row.end(2):], encoding="utf-8")  # total off by 5
    settings = Settings(data_dir=tmp_path / "data")
    results = ingest_paths([f, g], settings)
    assert [r.status for r in results] == ["ingested", "ingested"]
    store = Store(settings.db_path)
    kinds = {rid: {x["kind"] for x in store.findings(rid)} for rid in (results[0].report_id, results[1].report_id)}
    assert "missing_table" in kinds[results[0].report_id]
    assert "arithmetic" in kinds[results[1].report_id]
    # the broken total is stored as printed, never fixed
    total = [x for x in store.facts(key="applications.new_received.total", report_id=results[1].report_id)][0]
    assert total["value"] == int(row.group(2)) + 5
    store.close()
