"""Load: concurrent sessions asking a mix of questions over HTTP, with an optional ingest running alongside.

Starts `nianbao serve` on a free loopback port over NIANBAO_DATA_DIR (run
`nianbao ingest corpus/` first) unless --url names a running server. Each
session is its own HTTP client (with its own login cookie when the server
asks for one) calling the app's API, POST /gradio_api/run/ask; the ingest
alongside goes through the upload button's API with the Gradio client. Bounded in time
(--seconds) and in count (--max-per-session).

    python eval/load.py [--sessions 20] [--seconds 60] [--ingest FOLDER] [--url URL] [--auth user:password]
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao.eval.stats import percentile  # noqa: E402

QUESTIONS = {
    "table": ["2024年哪些园区收到了政府信息公开申请？", "临港开发区2024年收到多少政府信息公开申请？",
              "平潭综合实验区2022年被申请行政复议多少件？", "2024年各单位公开率是多少？", "靖江园区2020年行政处罚情况",
              "哪些单位没有2024年的年报？", "2024年申请最多的单位是哪个？"],
    "text": ["洋口港经济开发区存在哪些问题？", "哪些单位提到政策解读形式单一的问题？", "各园区提出了哪些改进措施？",
             "海坛片区是由哪些乡镇整合而成的？", "社会事业局的微信公众号2025年发布了多少篇推文？"],
    "claim": ["临港开发区2024年主动公开政府信息1801条，对吗？", "平潭综合实验区2022年收到申请80件，对吗？",
              "市场监督管理局2025年主动公开政府信息395条，对吗？"],
}




def start_server(data: Path) -> tuple[str, subprocess.Popen]:
    """`nianbao serve` over a copy of the data folder, so that uploads never touch the original."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NIANBAO_DATA_DIR": str(data)}
    proc = subprocess.Popen([sys.executable, "-m", "nianbao.app.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            urllib.request.urlopen(url, timeout=1)
            return url, proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("nianbao serve exited; is the store ingested (nianbao ingest corpus/)?")
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("nianbao serve did not start")


class Session:
    """One user: a cookie jar (login once) and JSON calls to the app's API."""

    def __init__(self, url: str, auth):
        import http.cookiejar
        import urllib.parse

        self.url = url.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        if auth:
            body = urllib.parse.urlencode({"username": auth[0], "password": auth[1]}).encode()
            self.opener.open(f"{self.url}/login", data=body, timeout=30)

    def ask(self, question: str) -> dict:
        import json

        req = urllib.request.Request(f"{self.url}/gradio_api/run/ask", data=json.dumps({"data": [question]}).encode(),
                                     headers={"Content-Type": "application/json"})
        with self.opener.open(req, timeout=120) as r:
            return json.loads(r.read())["data"][0]


def run(url: str, sessions: int, seconds: float, max_per_session: int, auth, ingest: Path | None) -> dict:
    """Drive the server; returns the figures."""
    from gradio_client import Client, handle_file

    lock = threading.Lock()
    lat: dict[str, list[float]] = {k: [] for k in QUESTIONS}
    sent = answered = 0
    errors: list[str] = []
    stop_at = time.time() + seconds
    # warm the embedding model once, as a user's first narrative question would
    Session(url, auth).ask(QUESTIONS["text"][0])

    def session(n: int) -> None:
        nonlocal sent, answered
        rng = random.Random(n)
        client = Session(url, auth)
        for _ in range(max_per_session):
            if time.time() >= stop_at:
                return
            kind = rng.choice(["table", "table", "text", "claim"])
            q = rng.choice(QUESTIONS[kind])
            with lock:
                sent += 1
            t0 = time.perf_counter()
            try:
                ans = client.ask(q)
                ok = isinstance(ans, dict) and ans.get("status") not in (None, "error")
                if not ok:
                    raise RuntimeError(f"status {ans.get('status') if isinstance(ans, dict) else type(ans)}")
            except Exception as e:
                with lock:
                    errors.append(f"{kind}: {type(e).__name__}: {str(e)[:120]}")
                continue
            with lock:
                answered += 1
                lat[kind].append((time.perf_counter() - t0) * 1000)

    ingest_log: list[str] = []

    def ingester() -> None:
        client = Client(url, auth=auth, verbose=False)
        for f in sorted(p for p in ingest.iterdir() if p.is_file() and p.name != "manifest.csv"):
            if time.time() >= stop_at:
                break
            try:
                out = client.predict([handle_file(str(f))], api_name="/do_upload")
                ingest_log.append(str(out[0] if isinstance(out, (list, tuple)) else out).splitlines()[0])
            except Exception as e:
                ingest_log.append(f"✗ {f.name}: {type(e).__name__}")

    threads = [threading.Thread(target=session, args=(i,)) for i in range(sessions)]
    if ingest:
        threads.append(threading.Thread(target=ingester))
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"sessions": sessions, "seconds": round(time.time() - t0, 1), "sent": sent, "answered": answered,
            "errors": errors, "lost": sent - answered - len(errors), "latency": lat, "ingested": ingest_log}


def report(r: dict) -> list[str]:
    lines = [f"sessions {r['sessions']}, {r['seconds']} s: {r['sent']} questions sent, {r['answered']} answered, "
             f"{len(r['errors'])} errors, {r['lost']} lost"]
    for kind, v in r["latency"].items():
        lines.append(f"  {kind:6} n={len(v):4}  p50 {percentile(v, 50):7.0f} ms  p95 {percentile(v, 95):7.0f} ms  p99 {percentile(v, 99):7.0f} ms")
    if r["ingested"]:
        ok = sum(x.startswith("✓") for x in r["ingested"])
        lines.append(f"  ingested during the load: {ok}/{len(r['ingested'])} files")
        lines += [f"    {x}" for x in r["ingested"] if not x.startswith("✓")]
    for e in r["errors"][:10]:
        lines.append(f"  error: {e}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-per-session", type=int, default=10000)
    ap.add_argument("--url")
    ap.add_argument("--auth", default=os.environ.get("NIANBAO_AUTH", "").split(",")[0], help="user:password")
    ap.add_argument("--ingest", type=Path, help="a folder uploaded file by file while the load runs")
    args = ap.parse_args()
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    proc = None
    url = args.url
    work = None
    if not url:
        import shutil
        import tempfile

        from nianbao.index.settings import Settings

        source = Settings().data_dir
        if not (source / "nianbao.sqlite").exists():
            raise SystemExit(f"no store in {source}: run `nianbao ingest corpus/` first")
        work = Path(tempfile.mkdtemp(prefix="nianbao-load-"))
        shutil.copytree(source, work / "data")
        url, proc = start_server(work / "data")
    try:
        print("\n".join(report(run(url, args.sessions, args.seconds, args.max_per_session, auth, args.ingest))))
    finally:
        if proc:
            proc.terminate()
            proc.wait(20)
        if work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
