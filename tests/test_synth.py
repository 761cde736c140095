"""The synthetic report generator writes reports our own parser reads back exactly."""
from __future__ import annotations

import re

from nianbao.eval.synth import generate
from nianbao.ingest.metadata import load_manifest
from nianbao.ingest.parse import parse_file


def test_synthetic_reports_are_template_valid(tmp_path):
    files = generate(tmp_path, 12, seed=3)
    assert len(files) == 12 and len({f.name for f in files}) == 12
    manifest = load_manifest(tmp_path)
    for f in files:
        rep = parse_file(f, manifest[f.name])
        assert rep.template == "2021" and rep.year in range(2021, 2026)
        assert [x for x in rep.findings if x.kind != "missing_section"] == [], (f.name, rep.findings)
        facts = {x.key: x.value for x in rep.facts}
        assert all(v is not None for v in facts.values())
        # the parsed total of new applications is the number printed on its row
        text = f.read_text(encoding="utf-8")
        row = re.search(r"一、本年新收政府信息公开申请数量\n((?:\t\d+\n){7})", text).group(1).split()
        assert facts["applications.new_received.total"] == int(row[-1]) == sum(map(int, row[:-1]))
        assert {s.key for s in rep.sections} >= {"overview", "proactive", "applications", "appeals", "problems", "other"}


def test_same_seed_same_corpus(tmp_path):
    a = generate(tmp_path / "a", 7, seed=5)
    b = generate(tmp_path / "b", 7, seed=5)
    assert [f.read_text(encoding="utf-8") for f in a] == [f.read_text(encoding="utf-8") for f in b]
