"""Every loader on real content: the same facts from .docx, .html and .pdf as from the text."""
from __future__ import annotations

import pytest

from builders import to_docx, to_html, to_pdf
from conftest import CORPUS
from nianbao.ingest.parse import parse_file


def facts_of(report) -> dict:
    return {f.key: f.value for f in report.facts}


@pytest.mark.parametrize("name", ["2024_jiangyin-lingang-development-zone.txt", "2024_changzhou-district-office.txt",
                                  "2024_yangkougang-development-zone.txt", "2020_jingjiang-industrial-park.txt"])
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_docx_and_html_give_the_same_facts(name, fmt, tmp_path, manifest, parsed):
    from nianbao.ingest.clean import clean_text

    _, text = clean_text((CORPUS / name).read_text(encoding="utf-8"))
    build = to_docx if fmt == "docx" else to_html
    path = build(text, tmp_path / name.replace(".txt", f".{fmt}"))
    report = parse_file(path, manifest.get(name))
    want = facts_of(parsed(name))
    assert facts_of(report) == want
    assert [s.key for s in report.sections] == [s.key for s in parsed(name).sections]


@pytest.mark.parametrize("name", ["2024_jiangyin-lingang-development-zone.txt", "2024_changzhou-district-office.txt"])
def test_pdf_text_layer_gives_the_same_facts(name, tmp_path, manifest, parsed):
    from nianbao.ingest.clean import clean_text

    _, text = clean_text((CORPUS / name).read_text(encoding="utf-8"))
    report = parse_file(to_pdf(text, tmp_path / "r.pdf"), manifest.get(name))
    assert facts_of(report) == facts_of(parsed(name))


def test_html_menus_and_scripts_are_dropped(tmp_path, manifest):
    from nianbao.ingest.clean import clean_text

    name = "2024_linjiang-new-area.txt"
    _, text = clean_text((CORPUS / name).read_text(encoding="utf-8"))
    report = parse_file(to_html(text, tmp_path / "r.html"), manifest.get(name))
    assert "首页" not in report.text and "var x" not in report.text and "版权所有" not in report.text
    assert report.fact("proactive.fees.amount_10k_yuan").raw == "390.9220"


def test_gbk_text_is_decoded(tmp_path, manifest, parsed):
    name = "2024_changzhou-district-office.txt"
    p = tmp_path / name
    p.write_bytes((CORPUS / name).read_text(encoding="utf-8").encode("gb18030"))
    assert facts_of(parse_file(p, manifest.get(name))) == facts_of(parsed(name))
