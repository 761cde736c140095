"""The SQLite store: idempotent, replacing, de-duplicating, with findings across years."""
from __future__ import annotations

import shutil

from conftest import CORPUS
from nianbao.index.ingest import ingest_paths
from nianbao.index.settings import Settings
from nianbao.index.store import SCHEMA_VERSION, Store


def dump(settings):
    store = Store(settings.db_path)
    out = (sorted(store.report_ids()), list(store.facts()), store.findings())
    store.close()
    return out


def test_reingest_unchanged_changes_nothing(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    first = ingest_paths([CORPUS], settings)
    assert {r.status for r in first} == {"ingested"} and len(first) == 36
    before = dump(settings)
    again = ingest_paths([CORPUS], settings)
    assert {r.status for r in again} == {"unchanged"}
    assert dump(settings) == before


def test_changed_file_replaces_its_old_version(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    f = tmp_path / "2024_linjiang-new-area.txt"
    shutil.copy(CORPUS / f.name, f)
    ingest_paths([f], settings)
    old = dump(settings)[0]
    f.write_text(f.read_text(encoding="utf-8").replace("390.9220", "400.5"), encoding="utf-8")
    (r,) = ingest_paths([f], settings)
    assert r.status == "replaced"
    ids, facts, _ = dump(settings)
    assert len(ids) == 1 and ids != old
    assert [x["value"] for x in facts if x["key"] == "proactive.fees.amount_10k_yuan"] == [400.5]


def test_same_bytes_under_two_names_is_one_report(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    shutil.copy(CORPUS / "2024_linjiang-new-area.txt", a)
    shutil.copy(CORPUS / "2024_linjiang-new-area.txt", b)
    results = ingest_paths([a, b], settings)
    assert [r.status for r in results] == ["ingested", "duplicate"]
    assert len(dump(settings)[0]) == 1


def test_cross_year_rules_between_consecutive_reports(tmp_path):
    # finance bureau, 行政规范性文件 (issued, repealed, in force) as printed:
    # 2023: 0 0 8; 2024: 0 2 1 (8 + 0 - 2 = 6, not 1); 2025: 0 1 0 (1 + 0 - 1 = 0, holds)
    settings = Settings(data_dir=tmp_path / "d")
    names = ["2023_finance-bureau_1.txt", "2024_finance-bureau_1.txt", "2025_finance-bureau_1.txt"]
    ingest_paths([CORPUS / n for n in names], settings)
    store = Store(settings.db_path)
    cross = [f for f in store.findings() if f["scope"] == "corpus"]
    assert [(f["year"], f["key"]) for f in cross] == [(2024, "proactive.normative_documents.in_force")]
    assert "6" in cross[0]["message"] and "1" in cross[0]["message"]
    # removing the 2023 report removes the rule's other side: recomputed, the finding goes
    store.remove("2023_finance-bureau_1.txt")
    from nianbao.index.ingest import cross_year_findings

    store.set_cross_findings(cross_year_findings(store))
    assert [f for f in store.findings() if f["scope"] == "corpus"] == []
    store.close()


def test_two_reports_same_body_and_year_are_both_kept(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    a = tmp_path / "x1.txt"
    b = tmp_path / "x2.txt"
    text = (CORPUS / "2024_linjiang-new-area.txt").read_text(encoding="utf-8")
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace("390.9220", "12.5"), encoding="utf-8")
    ingest_paths([a, b], settings)
    store = Store(settings.db_path)
    assert len(store.report_ids()) == 2
    assert sum(f["kind"] == "duplicate_year" for f in store.findings()) == 2
    store.close()


def test_old_schema_is_migrated(tmp_path):
    import sqlite3

    path = tmp_path / "d" / "nianbao.sqlite"
    path.parent.mkdir()
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE findings (report_id TEXT, kind TEXT, message TEXT, key TEXT, detail TEXT);""")
    db.commit()
    db.close()
    store = Store(path)
    cols = [r[1] for r in store.db.execute("PRAGMA table_info(findings)")]
    assert "scope" in cols
    assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    store.close()


def test_remove_by_file_name(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    ingest_paths([CORPUS / "2024_linjiang-new-area.txt", CORPUS / "2024_changzhou-district-office.txt"], settings)
    store = Store(settings.db_path)
    assert len(store.remove("2024_linjiang-new-area.txt")) == 1
    assert len(store.report_ids()) == 1
    assert all(f["source_file"] != "2024_linjiang-new-area.txt" for f in store.facts())
    store.close()


def test_chunk_records(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    ingest_paths([CORPUS / "2024_linjiang-new-area.txt"], settings)
    store = Store(settings.db_path)
    (rid,) = store.report_ids()
    rep = store.report(rid)
    assert store.count_files(rid) == 1
    assert store.fact_value(rid, "proactive.fees.amount_10k_yuan") == 390.922
    assert store.fact_value(rid, "no.such.key") is None
    assert store.chunk_generation() == "0" and store.reports_without_chunks() == {rid}
    rows = [("c2", rid, "s", 0, "甲"), ("c1", rid, "s", 1, "乙")]
    assert store.put_chunks(rows) == 2 and store.chunk_generation() == "1"
    assert store.put_chunks(rows) == 0 and store.chunk_generation() == "1"  # nothing new: no bump
    assert store.report_chunk_ids(rid) == ["c2", "c1"] and store.chunk_ids() == ["c1", "c2"]
    assert store.unembedded_chunks(rid, "col") == [("c2", "s", "甲"), ("c1", "s", "乙")]
    store.mark_embedded(["c1"], "col")
    assert store.unembedded_chunks(rid, "col") == [("c2", "s", "甲")] and store.unembedded_reports("col") == [rid]
    store.mark_embedded(["c2"], "col")
    assert store.unembedded_reports("col") == [] and store.unembedded_reports("other") == [rid]
    assert store.chunk_texts() == [("c1", rep["title"], "s", "乙"), ("c2", rep["title"], "s", "甲")]
    assert store.chunk_filters()["c1"] == (rep["body"], rep["year"] or 0, "s", rid)
    assert store.chunks(["c1", "zz"]) == {"c1": ("c1", rid, rep["source_file"], rep["body"], rep["year"], "s", "乙")}
    assert store.chunks([]) == {} and store.reports_without_chunks() == set()
    assert store.put_chunks([("c3", rid, "t", 0, "丙")], stale=["c2"]) == 1 and store.chunk_generation() == "2"
    assert store.chunk_ids() == ["c1", "c3"] and store.unembedded_reports("col") == [rid]
    store.clear_embedded(rid)
    assert store.unembedded_chunks(rid, "col") == [("c1", "s", "乙"), ("c3", "t", "丙")]
    store.delete_chunks(rid)
    assert store.chunk_ids() == [] and store.chunk_generation() == "3" and store.reports_without_chunks() == {rid}
    store.close()


def test_same_bytes_read_anew_when_the_reader_changed(tmp_path):
    # a store written by an earlier reader: the fused 8855698 row was left unknown and no digest kept
    settings = Settings(data_dir=tmp_path / "d")
    f = tmp_path / "2022_pingtan-zone_1.txt"
    shutil.copy(CORPUS / f.name, f)
    (first,) = ingest_paths([f], settings)
    store = Store(settings.db_path)
    with store.db:
        store.db.execute("UPDATE facts SET value=NULL WHERE key LIKE 'proactive.normative_documents.%'")
        store.db.execute("DELETE FROM findings WHERE kind='settled_by_text'")
        store.db.execute("UPDATE reports SET parse_digest=''")
    store.close()
    (again,) = ingest_paths([f], settings)
    assert again.status == "reparsed" and again.report_id == first.report_id
    store = Store(settings.db_path)
    got = {x["key"]: x["value"] for x in store.facts(key="proactive.normative_documents")}
    assert got == {"proactive.normative_documents.issued": 88, "proactive.normative_documents.repealed": 55,
                   "proactive.normative_documents.in_force": 698}
    assert any(g["kind"] == "settled_by_text" for g in store.findings(first.report_id))
    assert store.file_report(f.name) == first.report_id and len(store.report_ids()) == 1
    store.close()
    # read the same way a third time: nothing to do
    (third,) = ingest_paths([f], settings)
    assert third.status == "unchanged"
