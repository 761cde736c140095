"""Answer quality: run the question set through ask() and check every expectation.

Each line of the question file: {id, cat, q, expect}. `expect` may hold
status, route, verdict, facts ([file, key, value], value read from the report
by hand; null = blank cell), cites (files that must be cited), section (every
quote from that section), only_bodies, contains / absent (answer text),
quote (a cited quote contains it), findings (a finding message contains it),
no_citations, no_facts.

Whatever the question, every citation is checked against the store: a quote
must occur in its report's text as written, and a cell citation must name a
fact whose value is the stored one.
"""
from __future__ import annotations

import json
import os
import statistics
from pathlib import Path

from nianbao.eval.stats import percentile


def load(path: Path) -> list[dict]:
    """The question file."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            if not {"id", "q", "expect"} <= set(item):
                raise ValueError(f"{path}:{n}: needs id, q and expect")
            out.append(item)
    return out


def citation_problems(store, ans) -> list[str]:
    """Citations that do not hold against the stored reports."""
    problems = []
    texts: dict[str, str] = {}
    for c in ans.citations:
        rid = c["report_id"]
        if rid not in texts:
            rep = store.report(rid)
            texts[rid] = rep["text"] if rep else None
        if texts[rid] is None:
            problems.append(f"[{c['n']}] cites a report that is not stored")
        elif c["key"]:
            stored = [f for f in store.facts(key=c["key"], report_id=rid) if f["key"] == c["key"]]
            given = [f for f in ans.facts if f["report_id"] == rid and f["key"] == c["key"]]
            if not stored or not given or given[0]["value"] != stored[0]["value"]:
                problems.append(f"[{c['n']}] cell {c['key']} does not match the record")
        elif c["quote"] not in texts[rid]:
            problems.append(f"[{c['n']}] quote not in the report: {c['quote'][:40]}")
    return problems


def check(item: dict, ans, store) -> list[str]:
    """Failed expectations of one answer ([] when it passes)."""
    e, fails = item["expect"], []
    for field in ("status", "route", "verdict"):
        # (an answer drawn from the tables and the text was named "mixed" when its parts were asked apart, "both"
        # otherwise; the question sets use either name for it)
        same = {"mixed", "both"} if field == "route" and e.get(field) in ("mixed", "both") else {e.get(field)}
        if field in e and getattr(ans, field) not in same:
            fails.append(f"{field}={getattr(ans, field)!r}, expected {e[field]!r}")
    got = {(Path(f["source_file"]).name, f["key"]): f["value"] for f in ans.facts}
    for file, key, value in e.get("facts", []):
        if (file, key) not in got:
            fails.append(f"no fact {file} {key}")
        elif got[(file, key)] != value:
            fails.append(f"{file} {key} = {got[(file, key)]!r}, expected {value!r}")
    cited = {Path(c["source_file"]).name for c in ans.citations}
    fails += [f"{f} not cited" for f in e.get("cites", []) if f not in cited]
    if "section" in e:
        wrong = {c["section"] for c in ans.citations if not c["key"]} - {e["section"]}
        if wrong:
            fails.append(f"quotes from sections {sorted(wrong)}")
    if "only_bodies" in e:
        other = {c["body"] for c in ans.citations} - set(e["only_bodies"])
        if other:
            fails.append(f"cites other bodies {sorted(other)}")
    fails += [f"answer lacks {s!r}" for s in e.get("contains", []) if s not in ans.answer]
    fails += [f"answer has {s!r}" for s in e.get("absent", []) if s in ans.answer]
    if "quote" in e and not any(e["quote"] in c["quote"] for c in ans.citations):
        fails.append(f"no quote with {e['quote']!r}")
    for s in e.get("findings", []):
        if not any(s in f["message"] for f in ans.findings):
            fails.append(f"no finding with {s!r}")
    if e.get("no_citations") and ans.citations:
        fails.append("has citations")
    if e.get("no_facts") and ans.facts:
        fails.append("has facts")
    return fails + citation_problems(store, ans)


def other_body(item: dict, ans, store) -> bool:
    """Does the answer cite a body other than the ones the question is about?

    The bodies asked are the ones the expectation names (the reports of its
    facts and cites) when the question names bodies at all; a question about
    a body the corpus lacks (`no_facts`) must cite no report's numbers at all.
    A question over every body (哪些单位…) has no "other" body; one over a region's
    bodies (平潭各单位) may cite any body whose name begins with the region the expected ones share.
    """
    e = item["expect"]
    if e.get("no_facts"):
        return bool(ans.facts)
    asked = (ans.context or {}).get("bodies") or (ans.context or {}).get("report_ids")
    if not asked:
        return False
    files = {f for f, _, _ in e.get("facts", [])} | set(e.get("cites", []))
    bodies = {r["body"] for r in store.reports() if r["source_file"] in files} | set(e.get("only_bodies", []))
    if not bodies:
        return False
    # a question over a region (平潭各单位…排名) may cite every body of it: the name the expected bodies share
    shared = os.path.commonprefix(sorted(bodies)) if len(bodies) > 1 else ""
    return any(c["body"] not in bodies and not (len(shared) >= 2 and c["body"].startswith(shared))
               for c in ans.citations)


def run(answerer, items: list[dict]) -> list[dict]:
    """Ask each question; one result per question, in order."""
    results = []
    for item in items:
        ans = answerer.ask(item["q"])
        fails = check(item, ans, answerer.store)
        results.append({"id": item["id"], "cat": item.get("cat", ""), "q": item["q"], "ok": not fails, "fails": fails,
                        "status": ans.status, "route": ans.route, "ms": round(ans.latency_ms, 1),
                        "other_body": other_body(item, ans, answerer.store)})
    return results


def summary(results: list[dict]) -> list[str]:
    """Lines to print: pass rate per category, latency per route, failures."""
    lines = []
    cats = sorted({r["cat"] for r in results})
    passed = sum(r["ok"] for r in results)
    lines.append(f"passed {passed}/{len(results)} ({passed / max(1, len(results)):.1%})")
    lines.append(f"answers citing a body other than the one asked: {sum(r['other_body'] for r in results)}")
    lines.append("by category: " + ", ".join(
        f"{c} {sum(r['ok'] for r in results if r['cat'] == c)}/{sum(r['cat'] == c for r in results)}" for c in cats))
    for route in sorted({r["route"] for r in results}):
        ms = sorted(r["ms"] for r in results if r["route"] == route)
        lines.append(f"latency {route}: n={len(ms)} p50 {statistics.median(ms):.0f} ms  p95 {percentile(ms, 95):.0f} ms  "
                     f"max {ms[-1]:.0f} ms")
    for r in results:
        if not r["ok"]:
            lines.append(f"FAIL {r['id']} {r['q']}: " + "; ".join(r["fails"]))
    return lines
