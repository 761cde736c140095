"""Answer speed: cold start of `nianbao ask` and warm latency per route.

Uses the store in NIANBAO_DATA_DIR (default data/; run `nianbao ingest corpus/`
first). Cold: a new process per question, as a user at the command line sees
it. Warm: the eval question set asked --repeat times in one process.

    python eval/bench_ask.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao.app.answer import Answerer  # noqa: E402
from nianbao.eval.answers import load  # noqa: E402
from nianbao.eval.stats import percentile  # noqa: E402
from nianbao.index.settings import Settings  # noqa: E402

COLD = [("table", "2024年哪些园区收到了政府信息公开申请？"), ("claim", "临港开发区2024年主动公开政府信息1801条，对吗？"),
        ("text", "哪些单位提到政策解读形式单一的问题？")]




def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    exe = [sys.executable, "-m", "nianbao.app.cli", "ask"]
    for route, q in COLD:
        t0 = time.perf_counter()
        subprocess.run(exe + [q], cwd=ROOT, capture_output=True, check=True)
        print(f"cold `nianbao ask` ({route}): {time.perf_counter() - t0:.2f} s")
    items = load(ROOT / "eval" / "questions.v1.jsonl")
    a = Answerer(Settings())
    a.ask(COLD[2][1])  # load the embedding model once
    times: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for item in items:
            t0 = time.perf_counter()
            ans = a.ask(item["q"])
            times.setdefault(ans.route, []).append((time.perf_counter() - t0) * 1000)
    for route, v in sorted(times.items()):
        print(f"warm {route:6} n={len(v):4}  p50 {statistics.median(v):6.1f} ms  p95 {percentile(v, 95):6.1f} ms  "
              f"max {max(v):6.1f} ms")
    a.close()


if __name__ == "__main__":
    main()
