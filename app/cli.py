"""The `nianbao` command: a thin layer over the library functions."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def _settings():
    from nianbao.index.settings import Settings

    return Settings()


def _store(settings, must_exist: bool = True):
    from nianbao.index.store import Store

    if must_exist and not settings.db_path.exists():
        raise SystemExit(f"nianbao: no store at {settings.data_dir}/ — run `nianbao ingest corpus/` first")
    return Store(settings.db_path)


def cmd_settings(args) -> int:
    """Print the settings in effect."""
    for name, value, help_ in _settings().describe():
        print(f"{name}={value}\t# {help_}")
    return 0


def cmd_ingest(args) -> int:
    """Ingest files and folders; exit 1 when any file was rejected."""
    from nianbao.index.ingest import expand, ingest_paths, progress_printer

    settings = _settings()
    paths = [Path(p) for p in args.paths] or [settings.corpus_dir]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"rejected: {p}: no such file or folder", file=sys.stderr)
    paths = [p for p in paths if p.exists()]
    store = _store(settings, must_exist=False)
    index = None
    if not args.no_index:
        from nianbao.index.search import SearchIndex

        index = SearchIndex(settings, store)
    from nianbao.index.search import IndexUnavailable

    files = expand(paths)
    progress = progress_printer(len(files))

    def on_result(r) -> None:
        progress(r)
        if args.json:  # one line per file as soon as it is stored
            print(json.dumps({"path": r.path, "status": r.status, "report_id": r.report_id, "reason": r.reason},
                             ensure_ascii=False), flush=True)

    try:
        results = ingest_paths(files, settings, store, on_result=on_result, index=index, on_page=progress.page)
        n_findings = store.count_findings()
        if index is not None:
            index.close()
    except IndexUnavailable as e:
        print(f"nianbao: {e}", file=sys.stderr)
        return 1
    finally:
        store.close()
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "nothing to ingest"
    print(f"{summary}; {n_findings} findings in the store (`nianbao check`)", file=sys.stderr)
    rejected = [r for r in results if r.status == "rejected"]
    if rejected and not args.json:
        print("rejected:", file=sys.stderr)
        for r in rejected:
            print(f"  {r.path}: {r.reason}", file=sys.stderr)
    return 1 if rejected or missing else 0


def cmd_reports(args) -> int:
    """One row per report."""
    store = _store(_settings())
    rows = store.reports()
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    print("report_id         year  template  kind        tables                          sections  findings  body")
    for r in rows:
        body = r["body"] or f"（未署名{('，' + r['region']) if r['region'] else ''}）"
        print(f"{r['report_id']}  {r['year'] or '?':<4}  {r['template']:<8}  {r['kind']:<10}  "
              f"{','.join(r['tables']) or '-':<30}  {len(r['sections']):>8}  {r['findings']:>8}  {body}  [{r['source_file']}]")
    return 0


def _fmt_value(v) -> str:
    if v is None:
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)


def cmd_facts(args) -> int:
    """Table records, filtered."""
    store = _store(_settings())
    rows = list(store.facts(body=args.body, year=args.year, key=args.key))
    cols = ["report_id", "source_file", "body", "year", "template", "key", "value", "unit", "raw"]
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps({c: r[c] for c in cols}, ensure_ascii=False))
    elif args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        for r in rows:
            w.writerow([_fmt_value(r[c]) if c == "value" else r[c] for c in cols])
    else:
        for r in rows:
            shown = _fmt_value(r["value"]) if r["value"] is not None else "未填报/未知"
            print(f"{r['body'] or '（未署名）'}\t{r['year']}\t{r['key']}\t{shown}{r['unit']}\traw={r['raw']!r}")
    return 0


def cmd_check(args) -> int:
    """Findings of every report."""
    store = _store(_settings())
    rows = store.findings()
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['body'] or '（未署名）'} {r['year']} [{r['kind']}] {r['message']}  ({r['source_file']})")
    return 0


def cmd_remove(args) -> int:
    """Remove a report from every store."""
    settings = _settings()
    store = _store(settings)
    ids = store.resolve(args.report)
    if not ids:
        print(f"nianbao: no report matches {args.report!r}", file=sys.stderr)
        return 1
    if not args.no_index:
        from nianbao.index.search import SearchIndex

        index = SearchIndex(settings, store)  # vectors go first: a stop in between leaves no orphan vector
        for rid in ids:
            index.remove(rid)
        index.close()
    store.remove(args.report)
    from nianbao.index.ingest import cross_year_findings

    store.set_cross_findings(cross_year_findings(store))
    print("removed " + ", ".join(ids))
    return 0


def cmd_search(args) -> int:
    """Hybrid search over the narrative, with filters."""
    from nianbao.app.bodies import BodyResolver
    from nianbao.index.search import Filters, SearchIndex

    settings = _settings()
    store = _store(settings)
    named = BodyResolver(store.reports()).resolve(args.body) if args.body else None
    if named is not None and not (named.bodies or named.unnamed):
        print(f"nianbao: no body in the corpus matches {args.body!r}", file=sys.stderr)
        return 1
    y0, y1 = _years(args.year)
    index = SearchIndex(settings, store)
    hits = index.search(args.query, Filters(bodies=named.bodies if named else (),
                                            report_ids=named.unnamed if named else (), year_from=y0, year_to=y1,
                                            sections=tuple(args.section or ())), k=args.k, mode=args.mode)
    if args.json:
        for h in hits:
            print(json.dumps(h.to_dict(), ensure_ascii=False))
        return 0
    if not hits:
        print("no passage found")
    for n, h in enumerate(hits, 1):
        print(f"[{n}] {h.body or '（未署名）'} {h.year}年 · {h.section} · score {h.score}  ({h.source_file})")
        print(f"    {h.text}")
    return 0


def _years(spec: str | None) -> tuple[int | None, int | None]:
    if not spec:
        return None, None
    a, _, b = spec.partition("-")
    return int(a), int(b or a)


def cmd_index_check(args) -> int:
    """Do SQLite and Chroma agree about which reports exist? --repair rebuilds the vectors from the records."""
    from nianbao.index.search import IndexUnavailable, SearchIndex

    settings = _settings()
    store = _store(settings)
    index = SearchIndex(settings, store)
    if args.repair:
        n = index.rebuild()
        index.close()
        print(f"rebuilt the search indexes from the stored records: {n} passages embedded", file=sys.stderr)
    try:
        result = index.consistency()
    except IndexUnavailable as e:
        print(f"nianbao: {e}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False))
    if result["only_in_sqlite"] or result["only_in_chroma"]:
        print("nianbao: the stores disagree; run `nianbao index-check --repair`", file=sys.stderr)
        return 1
    return 0


def cmd_ask(args) -> int:
    """Answer questions: one, or a batch file (one per line, '-' for stdin)."""
    from nianbao.app.answer import Answerer
    from nianbao.app.cite import citation_line

    settings = _settings()
    _store(settings).close()
    answerer = Answerer(settings)
    if args.batch:
        fh = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")
        questions = [ln.strip() for ln in fh if ln.strip()]
    else:
        if not args.question:
            print("nianbao: give a question or --batch FILE", file=sys.stderr)
            return 2
        questions = [args.question]
    filters = None
    if args.body or args.year:
        lo, hi = _years(args.year)
        bodies = list(answerer.corpus()[2].resolve(args.body).bodies) if args.body else []
        if args.body and not bodies:
            print(f"nianbao: no body matches {args.body!r} (see nianbao reports)", file=sys.stderr)
            return 2
        filters = {"bodies": bodies, "year_from": lo, "year_to": hi}
    previous = None
    for question in questions:
        ans = answerer.ask(question, filters=filters, previous=previous)
        previous = ans.context
        if args.json:
            print(json.dumps(ans.to_dict(), ensure_ascii=False), flush=True)
            continue
        print(ans.answer)
        for w in ans.findings:
            print(f"⚠ {w['message']}")
        if ans.citations:
            print("来源：")
        for c in ans.citations:
            print("  " + citation_line(c))
    answerer.close()
    return 0


def cmd_eval(args) -> int:
    """Run the answer question set against the store; exit 1 if any question fails."""
    from nianbao.app.answer import Answerer
    from nianbao.eval.answers import load, run, summary

    settings = _settings()
    _store(settings).close()
    answerer = Answerer(settings)
    items = load(Path(args.file))
    if args.split:
        items = [i for i in items if i.get("split") == args.split]
    results = run(answerer, items)
    answerer.close()
    if args.json:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
    else:
        print("\n".join(summary(results)))
    return 0 if all(r["ok"] for r in results) else 1


def cmd_serve(args) -> int:
    """Open the chat in the browser."""
    from nianbao.app.chat import parse_auth, serve

    settings = _settings()
    try:
        parse_auth(settings.auth)
    except ValueError as e:
        print(f"nianbao: {e}", file=sys.stderr)
        return 2
    print(f"nianbao: serving on http://{args.host}:{args.port} (Ctrl+C to stop)", file=sys.stderr)
    serve(settings, args.host, args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="nianbao", description="Cited answers from 政府信息公开工作年度报告.")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("settings", help="print the settings in effect (NIANBAO_* variables)")
    s.set_defaults(func=cmd_settings)

    s = sub.add_parser("ingest", help="ingest report files or folders (default: the corpus folder)")
    s.add_argument("paths", nargs="*", help="files or folders")
    s.add_argument("--json", action="store_true", help="one JSON line per file")
    s.add_argument("--no-index", action="store_true", help="store records only; skip the search indexes")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("reports", help="list ingested reports")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_reports)

    s = sub.add_parser("facts", help="table records (tables 2-4), filtered")
    s.add_argument("--body")
    s.add_argument("--year", type=int)
    s.add_argument("--key", help="a fact key or prefix, e.g. applications.new_received.total or appeals.review")
    s.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    s.set_defaults(func=cmd_facts)

    s = sub.add_parser("check", help="findings: arithmetic, contradictions, gaps, across years")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("search", help="hybrid search over the narrative (dense + BM25, fused)")
    s.add_argument("query")
    s.add_argument("--body", help="a body's name, short form or alias")
    s.add_argument("--year", help="a year or a range: 2024 or 2021-2024")
    s.add_argument("--section", action="append", choices=["preamble", "overview", "proactive", "applications",
                                                           "appeals", "problems", "other"])
    s.add_argument("-k", type=int, default=5, help="number of passages")
    s.add_argument("--mode", choices=["hybrid", "dense", "keyword"], default="hybrid")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("ask", help="ask a question; cited answer from the records and the text")
    s.add_argument("question", nargs="?")
    s.add_argument("--json", action="store_true", help="the answer as JSON (one object per line)")
    s.add_argument("--batch", help="a file with one question per line, '-' for stdin")
    s.add_argument("--body", help="restrict to a body (name, short form or alias) where the question names none")
    s.add_argument("--year", help="a year or a range (2021-2024) where the question names none")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("eval", help="run the answer question set and check every answer and citation")
    s.add_argument("file", nargs="?", default=str(Path(__file__).resolve().parent.parent / "eval" / "questions.v1.jsonl"))
    s.add_argument("--json", action="store_true", help="one JSON line per question")
    s.add_argument("--split", choices=("dev", "held"), help="only the questions of one half of the set")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("serve", help="open the chat, data and reports in the browser (Gradio)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=7860)
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("index-check", help="check that SQLite and the vector store agree about which reports exist")
    s.add_argument("--repair", action="store_true", help="rebuild the vectors and keyword index from the stored records")
    s.set_defaults(func=cmd_index_check)

    s = sub.add_parser("remove", help="remove a report (id, id prefix or file name) from every store")
    s.add_argument("report")
    s.add_argument("--no-index", action="store_true", help=argparse.SUPPRESS)
    s.set_defaults(func=cmd_remove)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
