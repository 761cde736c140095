"""Parsing speed without embeddings: reports per second over the corpus, repeated."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao.ingest.loaders import read_file  # noqa: E402
from nianbao.ingest.metadata import load_manifest  # noqa: E402
from nianbao.ingest.parse import parse_document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    manifest = load_manifest(args.corpus)
    files = sorted(p for p in args.corpus.glob("*") if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf"))
    loaded = [(p, *read_file(p, 1 << 30)) for p in files]
    t0 = time.perf_counter()
    n = facts = 0
    for _ in range(args.repeat):
        for p, data, doc in loaded:
            r = parse_document(data, doc, p.name, manifest.get(p.name, {}))
            n += 1
            facts += len(r.facts)
    dt = time.perf_counter() - t0
    t1 = time.perf_counter()
    for p in files:
        read_file(p, 1 << 30)
    read_dt = time.perf_counter() - t1
    print(f"reports parsed: {n} ({len(files)} files x {args.repeat})")
    print(f"facts: {facts}")
    print(f"parse time: {dt:.2f} s  ->  {n / dt:.0f} reports/s  ({dt / n * 1000:.1f} ms/report)")
    print(f"file reading + decoding: {read_dt / len(files) * 1000:.2f} ms/file")


if __name__ == "__main__":
    main()
