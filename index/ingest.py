"""Ingest files and folders into the store; checks across a body's years."""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

from nianbao.ingest.loaders import SUPPORTED_SUFFIXES
from nianbao.ingest import template as T
from nianbao.ingest.metadata import load_manifest, near_names
from nianbao.ingest.parse import parse_file
from nianbao.ingest.records import Finding, IngestResult, ReadOptions, ReportError, records_digest

from .settings import Settings
from .store import Store

# Files in a corpus folder that are never reports.
_SKIP = {"manifest.csv", "readme.md", "readme.txt"}


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the report files under folders named, in a stable order."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower() not in _SKIP
                          and not f.name.startswith(".") and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(p)
    return out


def ingest_paths(paths: Iterable[Path], settings: Settings, store: Store | None = None,
                 on_result: Callable[[IngestResult], None] | None = None, index=None,
                 heal: bool = True, on_page: Callable[[int, int], None] | None = None) -> list[IngestResult]:
    """Parse and store every file; one bad file never stops the rest.

    `index` (optional) is told about every stored or removed report so that the
    search indexes follow the store.
    """
    own = store is None
    store = store or Store(settings.db_path)
    manifests: dict[Path, dict] = {}
    results: list[IngestResult] = []
    try:
        if index is not None and heal:
            index.heal()  # finish what a stopped ingest left: pending passages, orphan vectors
        for path in expand(paths):
            folder = path.parent
            if folder not in manifests:
                manifests[folder] = load_manifest(folder)
            result = ingest_one(path, manifests[folder].get(path.name), settings, store, index, on_page)
            results.append(result)
            if on_result:
                on_result(result)
        if any(r.status in ("ingested", "replaced", "reparsed") for r in results):
            store.set_cross_findings(cross_year_findings(store) + lookalike_findings(store))
    finally:
        if own:
            store.close()
    return results


def ingest_one(path: Path, manifest_row: dict | None, settings: Settings, store: Store, index=None,
               on_page: Callable[[int, int], None] | None = None) -> IngestResult:
    """One file → stored report, or a one-line reason why not."""
    name = str(path)
    if not path.exists():
        return IngestResult(name, "rejected", reason="no such file")
    try:
        # scanned pages are read by OCR once per file content: the results wait under data/ocr/
        options = ReadOptions(ocr_cache=settings.data_dir / "ocr", on_page=on_page)
        report = parse_file(path, manifest_row, settings.max_bytes, options)
    except ReportError as e:
        return IngestResult(name, "rejected", reason=e.reason)
    except Exception as e:  # a parser bug must not stop the folder; say what broke
        return IngestResult(name, "rejected", reason=f"could not be parsed ({type(e).__name__}: {e})")
    if store.file_report(path.name) == report.report_id:
        if store.report_digest(report.report_id) != records_digest(report):
            # same bytes, read differently (the parser has changed since): records and passages renewed
            if index is not None:
                index.remove(report.report_id)
            store.refresh_report(report)
            if index is not None:
                index.add(report.report_id)
            return IngestResult(name, "reparsed", report.report_id, findings=len(report.findings))
        if index is not None:
            index.add(report.report_id)  # no-op when its chunks are present
        return IngestResult(name, "unchanged", report.report_id)
    existed = store.has_report(report.report_id)
    old = store.file_report(path.name)
    if index is not None and old and old != report.report_id and \
            store.count_files(old) == 1:
        index.remove(old)  # vectors of the old version go first: a stop in between leaves no orphan
    replaced = store.put_report(report)
    if index is not None:
        index.add(report.report_id)
    if existed:
        return IngestResult(name, "duplicate", report.report_id, reason="same content as a report already stored")
    return IngestResult(name, "replaced" if replaced else "ingested", report.report_id, findings=len(report.findings))


def _val(store: Store, rid: str, key: str):
    return store.fact_value(rid, key)


def cross_year_findings(store: Store) -> list[tuple[str, Finding]]:
    """Rules between consecutive reports of one body, and two reports for one body and year."""
    by_body: dict[str, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in store.reports():
        if r["body"] and r["year"]:
            by_body[r["body"]][r["year"]].append(r)
    out: list[tuple[str, Finding]] = []
    for body, years in by_body.items():
        for year, reps in years.items():
            if len(reps) > 1:
                names = "、".join(r["source_file"] for r in reps)
                for r in reps:
                    out.append((r["report_id"], Finding("duplicate_year", f"{body}{year}年有{len(reps)}份不同的报告（{names}），均已保存。")))
            prev = years.get(year - 1)
            if not prev or len(reps) != 1 or len(prev) != 1:
                continue
            cur, old = reps[0], prev[0]
            a = _val(store, cur["report_id"], "applications.carried_over.total")
            b = _val(store, old["report_id"], "applications.carried_forward.total")
            if a is not None and b is not None and a != b:
                out.append((cur["report_id"], Finding(
                    "cross_year", f"{year}年表三“上年结转”总计为{a:g}，而{year - 1}年报告“结转下年度继续办理”总计为{b:g}。",
                    "applications.carried_over.total", f"{year - 1}:{old['report_id']}")))
            if cur["template"] == "2021" and old["template"] == "2021":
                # rows of table 2 whose 现行有效 follows from last year's by 制发 − 废止
                for row, name in ((r.key, r.label) for r in T.PROACTIVE.rows_for("2021")
                                  if {"issued", "repealed", "in_force"} <= set(r.columns)):
                    now = _val(store, cur["report_id"], f"proactive.{row}.in_force")
                    before = _val(store, old["report_id"], f"proactive.{row}.in_force")
                    issued = _val(store, cur["report_id"], f"proactive.{row}.issued")
                    repealed = _val(store, cur["report_id"], f"proactive.{row}.repealed")
                    if None in (now, before, issued, repealed):
                        continue
                    if now != before + issued - repealed:
                        out.append((cur["report_id"], Finding(
                            "cross_year",
                            f"{name}现行有效件数{now:g}，不等于{year - 1}年的{before:g}加本年制发{issued:g}减本年废止{repealed:g}（={before + issued - repealed:g}）。",
                            f"proactive.{row}.in_force", f"{year - 1}:{old['report_id']}")))
    return out


def lookalike_findings(store: Store) -> list[tuple[str, Finding]]:
    """A body printed one similar character away from another body's name (an OCR or typing slip): kept as
    printed, with a finding naming the likely name; `detail` holds that name, which questions use as an alias."""
    counts: dict[str, int] = defaultdict(int)
    reports = store.reports()
    for r in reports:
        if r["body"]:
            counts[r["body"]] += 1
    out: list[tuple[str, Finding]] = []
    for r in reports:
        body = r["body"]
        if not body:
            continue
        likely = [b for b in near_names(body, counts) if counts[b] > counts[body]]
        if likely:
            out.append((r["report_id"], Finding(
                "lookalike_body", f"单位名称“{body}”与语料中的“{likely[0]}”仅一字形近之差（可能是识别或录入错误），按原文保存；"
                                  f"问“{likely[0]}”时也会查到本报告。", "", likely[0])))
    return out


def progress_printer(total: int) -> Callable[[IngestResult], None]:
    """A progress bar on stderr (tqdm) that prints rejections as it goes."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="file", file=sys.stderr, disable=total < 2, leave=False)

    def on(result: IngestResult) -> None:
        bar.set_postfix_str("")
        bar.update(1)
        if bar.n >= total:
            bar.close()

    def page(i: int, n: int) -> None:
        """A page read by OCR (slow): shown on the bar, or as a line when the bar is off."""
        if bar.disable:
            print(f"OCR page {i}/{n}", file=sys.stderr, flush=True)
        else:
            bar.set_postfix_str(f"OCR page {i}/{n}")

    on.page = page  # type: ignore[attr-defined]
    return on
