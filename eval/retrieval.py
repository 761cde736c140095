"""Retrieval quality: recall@1, recall@5 and MRR for dense, keyword and hybrid search.

Each line of the question file names the report file and the section that
answer it. A hit counts when its report and section both match; the search
is unfiltered (the question alone), so the body and year in the wording must
do their work. The corpus is ingested and indexed into --data first (reused
when it is already there).

    python eval/retrieval.py [--questions eval/retrieval.v1.jsonl] [--data data]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao.index.ingest import ingest_paths  # noqa: E402
from nianbao.index.search import SearchIndex  # noqa: E402
from nianbao.index.settings import Settings  # noqa: E402
from nianbao.index.store import Store  # noqa: E402

MODES = ("dense", "keyword", "hybrid")


def load_questions(path: Path) -> list[dict]:
    """The question file: one JSON object per line with q, file, section."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            missing = {"q", "file", "section"} - set(item)
            if missing:
                raise SystemExit(f"{path}:{n}: missing {sorted(missing)}")
            out.append(item)
    return out


def first_rank(hits, file: str, section: str) -> int | None:
    """1-based rank of the first hit from the expected report and section."""
    for i, h in enumerate(hits, 1):
        if Path(h.source_file).name == file and h.section == section:
            return i
    return None


def evaluate(index: SearchIndex, questions: list[dict], k: int = 5) -> dict[str, dict]:
    """Metrics per mode, plus the questions each mode missed at k."""
    out = {}
    for mode in MODES:
        ranks = [first_rank(index.search(q["q"], k=k, mode=mode), q["file"], q["section"]) for q in questions]
        n = len(questions)
        out[mode] = {
            "recall@1": sum(r == 1 for r in ranks) / n,
            f"recall@{k}": sum(r is not None for r in ranks) / n,
            "mrr": sum(1 / r for r in ranks if r) / n,
            "missed": [q["q"] for q, r in zip(questions, ranks) if r is None],
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=ROOT / "eval" / "retrieval.v1.jsonl")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--data", type=Path, default=None, help="data folder (default: NIANBAO_DATA_DIR or data)")
    ap.add_argument("--show-missed", action="store_true")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data) if args.data else Settings()
    store = Store(settings.db_path)
    index = SearchIndex(settings, store)
    ingest_paths([args.corpus], settings, store, index=index)
    index.close()
    questions = load_questions(args.questions)
    result = evaluate(index, questions)
    print(f"questions: {len(questions)}   reports: {len(store.report_ids())}   model: {index.embed_model.model_name}")
    print(f"{'mode':8} {'recall@1':>9} {'recall@5':>9} {'MRR':>6}")
    for mode, m in result.items():
        print(f"{mode:8} {m['recall@1']:9.3f} {m['recall@5']:9.3f} {m['mrr']:6.3f}")
        if args.show_missed:
            for q in m["missed"]:
                print(f"    missed: {q}")
    store.close()


if __name__ == "__main__":
    main()
