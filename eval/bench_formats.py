"""Every gold report in every format a user may bring, parsed with no manifest and
scored cell by cell against the values read by hand.

    python eval/bench_formats.py                       # all formats, all gold reports
    python eval/bench_formats.py --formats html pdf --reports 2024_changzhou-district-office

Per report and format: cells right / null / wrong / missing, and whether the
issuing body and the year were found from the file alone. Then totals per
format, overall percent right, and parse speed per format (building the
renditions is not timed). A null in a cell the file itself leaves undecidable
(blank cells dropped from a PDF's text, digits run together on a crawled page)
is counted as `open`, the honest reading. The hand-written converter and OCR
texts in tests/fixtures/renditions are scored as format `fixture`.

Exits 1 when any value is wrong.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nianbao.eval.gold import FIXTURE_DIR, Score, gold_cells, load_golds, score  # noqa: E402
from nianbao.eval.renditions import FORMATS, build_many, misleading_cells, open_cells, program_for  # noqa: E402


@dataclass
class Result:
    """One rendition parsed and scored."""

    report: str
    fmt: str
    score: Score
    body: str = ""
    year: int | None = None
    body_ok: bool = False
    year_ok: bool = False
    error: str = ""
    seconds: list[float] = field(default_factory=list)
    open_cells: set[str] = field(default_factory=set)     # cells the file leaves undecidable
    misleading: set[str] = field(default_factory=set)     # cells the file seems to settle wrongly


def parse_and_score(path: Path, gold: dict, fmt: str, open_set: set[str]) -> Result:
    """Parse a file with no manifest and score it against its gold."""
    from nianbao.ingest.parse import parse_file

    want = gold_cells(gold)
    t0 = time.perf_counter()
    try:
        report = parse_file(path, {})
    except Exception as e:   # a failed parse scores every cell missing; the bench goes on
        return Result(gold["stem"], fmt, score(want, {}), error=f"{type(e).__name__}: {e}"[:200], open_cells=open_set)
    dt = time.perf_counter() - t0
    got = {f.key: f.value for f in report.facts}
    return Result(gold["stem"], fmt, score(want, got, open_set), body=report.body, year=report.year,
                  body_ok=report.body == gold["body"], year_ok=report.year == gold["year"], seconds=[dt],
                  open_cells=open_set)


def time_parses(path: Path, repeat: int, budget: float) -> list[float]:
    """Parse times of a file, `repeat` times or until `budget` seconds are spent (slow formats: fewer)."""
    from nianbao.ingest.parse import parse_file

    out: list[float] = []
    for _ in range(repeat):
        if sum(out) >= budget:
            break
        t0 = time.perf_counter()
        try:
            parse_file(path, {})
        except Exception:
            pass
        out.append(time.perf_counter() - t0)
    return out


def fixture_golds() -> list[dict]:
    """The hand-written converter and OCR texts with their golds."""
    return load_golds(FIXTURE_DIR) if FIXTURE_DIR.exists() else []


def _mark(ok: bool) -> str:
    return "ok" if ok else "NO"


def print_results(results: list[Result], build_seconds: dict[str, float], out=sys.stdout) -> None:
    w = max([len(r.report) for r in results] + [6])
    head = f"{'report':<{w}}  {'format':<12} {'right':>5} {'null':>5} {'open':>5} {'wrong':>5} {'miss':>5}  body  year  found"
    print(head, file=out)
    print("-" * len(head), file=out)
    for r in results:
        s = r.score
        found = f"{r.body or '—'} / {r.year}" if not r.error else f"error: {r.error}"
        print(f"{r.report:<{w}}  {r.fmt:<12} {s.right:>5} {s.null:>5} {s.open:>5} {s.wrong:>5} {s.missing:>5}"
              f"  {_mark(r.body_ok):<4}  {_mark(r.year_ok):<4}  {found}", file=out)
        for key, (got, want) in list(s.wrong_cells.items())[:6]:
            print(f"{'':<{w}}    wrong {key}: {got!r}, hand-read {want!r}", file=out)
        unread = [k for k in s.null_cells if k not in r.open_cells] + s.missing_cells
        if unread:
            print(f"{'':<{w}}    not read ({len(unread)}): {', '.join(unread[:6])}{' …' if len(unread) > 6 else ''}", file=out)
        if r.misleading:
            print(f"{'':<{w}}    the file itself points to a value other than the hand-read one: "
                  f"{', '.join(sorted(r.misleading))}", file=out)
    print(file=out)
    fmts = list(dict.fromkeys(r.fmt for r in results))
    print(f"{'format':<12} {'reports':>7} {'right':>6} {'null':>5} {'open':>5} {'wrong':>5} {'miss':>5} {'%right':>7}"
          f" {'body':>6} {'year':>6} {'errors':>6} {'build s':>8} {'parse/s':>8}", file=out)
    total = Score()
    for fmt in fmts:
        rs = [r for r in results if r.fmt == fmt]
        s = Score()
        for r in rs:
            s.add(r.score)
        total.add(s)
        secs = [t for r in rs for t in r.seconds]
        speed = f"{len(secs) / sum(secs):8.1f}" if secs and sum(secs) > 0 else f"{'—':>8}"
        build = f"{build_seconds[fmt]:8.1f}" if fmt in build_seconds else f"{'—':>8}"
        print(f"{fmt:<12} {len(rs):>7} {s.right:>6} {s.null:>5} {s.open:>5} {s.wrong:>5} {s.missing:>5}"
              f" {100 * s.right / max(s.total, 1):>6.1f}% {sum(r.body_ok for r in rs):>3}/{len(rs):<2}"
              f" {sum(r.year_ok for r in rs):>3}/{len(rs):<2} {sum(bool(r.error) for r in rs):>6} {build} {speed}", file=out)
    print(f"{'all':<12} {len(results):>7} {total.right:>6} {total.null:>5} {total.open:>5} {total.wrong:>5} {total.missing:>5}"
          f" {100 * total.right / max(total.total, 1):>6.1f}%", file=out)
    print(f"\noverall: {total.right} of {total.total} cells right ({100 * total.right / max(total.total, 1):.2f}%), "
          f"{total.null} null ({total.open} of them undecidable in the file), {total.wrong} wrong, {total.missing} missing",
          file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--formats", nargs="*", default=list(FORMATS), choices=list(FORMATS))
    ap.add_argument("--reports", nargs="*", help="gold names (default: all)")
    ap.add_argument("--repeat", type=int, default=5, help="parses per file for the speed figures")
    ap.add_argument("--budget", type=float, default=1.0,
                    help="seconds of repeated parsing per file at most (a .doc goes through LibreOffice each time)")
    ap.add_argument("--out", type=Path, help="folder for the renditions (default: a temporary one)")
    ap.add_argument("--no-fixtures", action="store_true", help="leave out the hand-written texts")
    args = ap.parse_args(argv)

    golds = [g for g in load_golds() if not args.reports or g["stem"] in args.reports]
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="nianbao-renditions-"))
    results: list[Result] = []
    build_seconds: dict[str, float] = {}
    for fmt in args.formats:
        program, path = program_for(fmt)
        if path is None:
            print(f"{fmt}: skipped, {program} is not installed", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        paths = build_many(golds, fmt, out_dir / fmt)
        build_seconds[fmt] = time.perf_counter() - t0
        for gold in golds:
            r = parse_and_score(paths[gold["stem"]], gold, fmt, open_cells(gold, fmt))
            r.misleading = misleading_cells(gold, fmt)
            if not r.error and args.repeat > 1:
                r.seconds += time_parses(paths[gold["stem"]], args.repeat - 1, args.budget - sum(r.seconds))
            results.append(r)
    if not args.no_fixtures and not args.reports:
        for gold in fixture_golds():
            path = Path(gold["path"]).parent / gold["file"]
            r = parse_and_score(path, gold, "fixture", set(gold.get("open", [])))
            if not r.error and args.repeat > 1:
                r.seconds += time_parses(path, args.repeat - 1, args.budget - sum(r.seconds))
            results.append(r)
    print(f"renditions in {out_dir}\n")
    print_results(results, build_seconds)
    return 1 if any(r.score.wrong for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
