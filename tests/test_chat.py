"""The app's rendering and upload helpers, without a browser."""
from __future__ import annotations

import pytest

from nianbao.app.answer import Answer
from nianbao.app.chat import answer_markdown, parse_auth, safe_upload_name, sources_html, warnings_html


def _answer() -> Answer:
    return Answer("洋口港存在哪些问题？", route="text", answer="洋口港（2024年）\n  · <script>alert(1)</script>公开不及时 [1]",
                  citations=[{"n": 1, "report_id": "r", "source_file": "a<b>.txt", "body": "洋口港<i>", "year": 2024,
                              "section": "problems", "key": "", "quote": "<script>alert(1)</script>公开不及时"}],
                  findings=[{"report_id": "r", "kind": "contradiction", "message": "<b>正文</b>称16条"}])


def test_report_text_is_escaped_everywhere():
    a = _answer()
    md = answer_markdown(a)
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "[[1]](#src-1)" in md
    html = sources_html(a)
    assert "<script>" not in html and "<i>" not in html and "a&lt;b&gt;.txt" in html
    assert "id='src-1'" in html
    assert "<b>" not in warnings_html(a)


def test_table_citation_names_row_and_column():
    a = Answer("q", route="table", answer="9 [1]",
               facts=[{"report_id": "r", "source_file": "f.txt", "body": "临港", "year": 2024,
                       "key": "applications.new_received.total", "value": None, "unit": "", "raw": ""}],
               citations=[{"n": 1, "report_id": "r", "source_file": "f.txt", "body": "临港", "year": 2024,
                           "section": "applications", "key": "applications.new_received.total", "quote": ""}])
    html = sources_html(a)
    assert "表三" in html and "一、本年新收政府信息公开申请数量" in html and "总计" in html and "未填报" in html


@pytest.mark.parametrize("name, safe", [("../../etc/passwd", "passwd"), ("/abs/path/报告.txt", "报告.txt"),
                                        ("..\\..\\win.docx", "win.docx"), (".hidden.txt", "hidden.txt"),
                                        ("a b;rm -rf.txt", "a_b_rm_-rf.txt"), ("..", "upload")])
def test_upload_names_stay_in_the_upload_folder(name, safe):
    assert safe_upload_name(name) == safe


def test_auth_pairs():
    assert parse_auth("") is None
    assert parse_auth("a:1, b:x:y") == [("a", "1"), ("b", "x:y")]
    with pytest.raises(ValueError):
        parse_auth("nopassword")
