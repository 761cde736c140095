"""Issuing body, year covered, title, and whether a document is an annual report at all."""
from __future__ import annotations

import csv
import re
from pathlib import Path

_TITLE_WORDS = re.compile(r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告|信息公开年报|政务公开工作年度报告")
_NOT_REPORT_TITLE = re.compile(r"自查报告|工作要点|落实情况|工作总结|通知$|意见$")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_PERIOD = re.compile(r"统计期限?(?:为|是)?自?\s*((?:19|20)\d\d)\s*年")
_BODY_STRIP = re.compile(r"^关于(?:报送|印发)?|(?:19|20)\d\d\s*年度?|政府信息公开.*$|信息公开.*$|的函$")


def load_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """manifest.csv in a folder: file name → its row (body, year, region, ...)."""
    path = folder / "manifest.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}


def find_title(header: dict[str, str], text: str) -> tuple[str, bool]:
    """The report's title: the crawler's 标题, else the first lines; (title, found)."""
    if header.get("标题"):
        return " ".join(header["标题"].split()), True
    lines = [ln.strip() for ln in text.split("\n")[:8] if ln.strip()]
    for i, line in enumerate(lines[:4]):
        joined = line if i + 1 >= len(lines) else line + lines[i + 1]
        for cand in (line, joined):
            if len(cand) <= 60 and _TITLE_WORDS.search(cand):
                return " ".join(cand.split()), True
    return "", False


def is_annual_report_title(title: str) -> bool:
    """Does the title name an information-disclosure annual report (not a self-inspection or work plan)?"""
    return bool(_TITLE_WORDS.search(title)) and not _NOT_REPORT_TITLE.search(title.replace("年度报告的函", ""))


def find_year(title: str, text: str) -> tuple[int | None, str]:
    """Year covered: from the title, else the statistics period, else unknown."""
    m = _YEAR.search(title)
    if m:
        return int(m.group(1)), "title"
    m = _PERIOD.search(text[:3000])
    if m:
        return int(m.group(1)), "text"
    return None, "unknown"


def body_from_title(title: str) -> str:
    """'平潭综合实验区财政金融局2024年度政府信息公开工作年度报告' → '平潭综合实验区财政金融局'."""
    t = re.sub(r"\s+", "", title)
    t = re.sub(r"^关于(?:报送|印发)?", "", t)
    m = re.match(r"(.*?)(?:(?:19|20)\d\d年度?|政府信息公开|信息公开)", t)
    body = (m.group(1) if m else "").strip("《》“”")
    return body if len(body) >= 2 else ""


_CONTACT = re.compile(r"请与\s*([^\s，,。（(]{2,30}?)(?:联系|办公室联系)")


def body_from_text(text: str) -> str:
    """The body named in the contact sentence (请与…联系), when the title gives none."""
    m = _CONTACT.search(text[:4000])
    if not m:
        return ""
    body = re.sub(r"(?:党政)?办公室$|综合办$|办公室$", "", m.group(1))
    return body if len(body) >= 3 else ""


def zone_kind(body: str) -> str:
    """Kind of body from its name: zone (园区/开发区/新区…), government, department or unknown."""
    if not body:
        return "unknown"
    if body.endswith("片区管理局"):
        return "government"  # town-level bodies merged into 片区 (Pingtan, 2019)
    if re.search(r"开发区|园区|新区|实验区$|高新区|保税区|经济区|示范区", body):
        return "zone"
    if re.search(r"局$|委员会$|委$|办公室$|厅$|署$|中心$|办$", body):
        return "department"
    if re.search(r"人民政府$|[市县区镇乡]$|街道$|片区管理局$", body):
        return "government"
    return "unknown"
