"""SQLite: reports, sections, facts, findings and narrative chunks, under ids shared with the vectors."""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from nianbao.ingest.metadata import zone_kind
from nianbao.ingest.records import Finding, Report, Section, records_digest
from nianbao.ingest.template import keys_matching

SCHEMA_VERSION = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, source_file TEXT NOT NULL,
    title TEXT NOT NULL, body TEXT NOT NULL, body_source TEXT NOT NULL, kind TEXT NOT NULL,
    year INTEGER, year_source TEXT NOT NULL, template TEXT NOT NULL, template_source TEXT NOT NULL,
    region TEXT NOT NULL, text TEXT NOT NULL, ingested_at REAL NOT NULL,
    source_format TEXT NOT NULL DEFAULT 'text', pages TEXT NOT NULL DEFAULT '[]', ocr_pages TEXT NOT NULL DEFAULT '[]',
    parse_digest TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS files (
    name TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS sections (
    report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    key TEXT NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (report_id, key));
CREATE TABLE IF NOT EXISTS facts (
    report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    key TEXT NOT NULL, value REAL, is_int INTEGER NOT NULL, raw TEXT NOT NULL, unit TEXT NOT NULL,
    "offset" INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER, confidence REAL, PRIMARY KEY (report_id, key));
CREATE INDEX IF NOT EXISTS facts_key ON facts(key);
CREATE TABLE IF NOT EXISTS findings (
    report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    kind TEXT NOT NULL, message TEXT NOT NULL, key TEXT NOT NULL, detail TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT 'report');
CREATE INDEX IF NOT EXISTS findings_report ON findings(report_id);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    section TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL, embedded TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS chunks_report ON chunks(report_id);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, question TEXT NOT NULL, route TEXT NOT NULL,
    status TEXT NOT NULL, ids TEXT NOT NULL, latency_ms REAL NOT NULL);
"""


_ADDED_COLUMNS = (
    ("findings", "scope", "TEXT NOT NULL DEFAULT 'report'"),
    ("reports", "source_format", "TEXT NOT NULL DEFAULT 'text'"),
    ("reports", "pages", "TEXT NOT NULL DEFAULT '[]'"),
    ("facts", "page", "INTEGER"),
    ("reports", "ocr_pages", "TEXT NOT NULL DEFAULT '[]'"),
    ("facts", "confidence", "REAL"),
    ("reports", "parse_digest", "TEXT NOT NULL DEFAULT ''"),
)


class StoreError(Exception):
    """The store cannot be opened or is from an unknown schema."""


class Store:
    """The SQLite store; every report is written in one transaction."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a nianbao database ({e}); move it away and run `nianbao ingest` again") from None

    def _migrate(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: made by a newer nianbao (schema {version})")
            if version:
                # columns added since schema 1: scope of findings (2); how a file was read and its pages (3)
                for table, column, decl in _ADDED_COLUMNS:
                    cols = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})")]
                    if cols and column not in cols:
                        self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
            self.db.executescript(_SCHEMA)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    # ---- writing --------------------------------------------------------------------

    def file_report(self, name: str) -> str | None:
        """The report id a file name currently points to."""
        row = self.db.execute("SELECT report_id FROM files WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    def has_report(self, report_id: str) -> bool:
        """Is this report stored?"""
        return self.db.execute("SELECT 1 FROM reports WHERE report_id=?", (report_id,)).fetchone() is not None

    def put_report(self, report: Report) -> str | None:
        """Store a report under its file name in one transaction; returns the id it replaced, if any."""
        old = self.file_report(report.source_file)
        with self.db:
            if not self.has_report(report.report_id):
                self._insert(report)
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?)", (report.source_file, report.report_id))
            replaced = None
            if old and old != report.report_id:
                replaced = old
                self._drop_if_orphan(old)
        return replaced

    def report_digest(self, report_id: str) -> str:
        """The digest of the records a report was stored with ('' for a store older than digests)."""
        row = self.db.execute("SELECT parse_digest FROM reports WHERE report_id=?", (report_id,)).fetchone()
        return row[0] if row else ""

    def refresh_report(self, r: Report) -> None:
        """Replace a stored report's records by a new reading of the same file content, in one transaction
        (the parser has changed since it was stored); its file names and corpus-wide findings stay."""
        with self.db:
            for table in ("sections", "facts"):
                self.db.execute(f"DELETE FROM {table} WHERE report_id=?", (r.report_id,))
            self.db.execute("DELETE FROM findings WHERE report_id=? AND scope='report'", (r.report_id,))
            self.db.execute(
                "UPDATE reports SET title=?, body=?, body_source=?, kind=?, year=?, year_source=?, template=?, "
                "template_source=?, region=?, text=?, source_format=?, pages=?, ocr_pages=?, parse_digest=? "
                "WHERE report_id=?",
                (r.title, r.body, r.body_source, zone_kind(r.body), r.year, r.year_source, r.template,
                 r.template_source, r.region, r.text, r.source_format, json.dumps(r.pages), json.dumps(r.ocr_pages),
                 records_digest(r), r.report_id))
            self._insert_records(r)

    def _insert(self, r: Report) -> None:
        self.db.execute(
            "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (r.report_id, r.content_hash, r.source_file, r.title, r.body, r.body_source, zone_kind(r.body),
             r.year, r.year_source, r.template, r.template_source, r.region, r.text, time.time(),
             r.source_format, json.dumps(r.pages), json.dumps(r.ocr_pages), records_digest(r)))
        self._insert_records(r)

    def _insert_records(self, r: Report) -> None:
        self.db.executemany(
            'INSERT INTO sections VALUES (?,?,?,?,?,?)',
            [(r.report_id, s.key, s.heading, s.text, s.start, s.end) for s in r.sections])
        self.db.executemany(
            'INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?)',
            [(r.report_id, f.key, f.value, isinstance(f.value, int), f.raw, f.unit, f.offset, f.line, f.page,
              f.confidence) for f in r.facts])
        self.db.executemany(
            "INSERT INTO findings (report_id, kind, message, key, detail) VALUES (?,?,?,?,?)",
            [(r.report_id, f.kind, f.message, f.key, f.detail) for f in r.findings])

    def _drop_if_orphan(self, report_id: str) -> None:
        if self.db.execute("SELECT 1 FROM files WHERE report_id=?", (report_id,)).fetchone() is None:
            self.db.execute("DELETE FROM reports WHERE report_id=?", (report_id,))

    def resolve(self, ident: str) -> list[str]:
        """Report ids matching an id, an id prefix (6+ characters) or a file name."""
        return [r[0] for r in self.db.execute(
            "SELECT report_id FROM reports WHERE report_id LIKE ? UNION SELECT report_id FROM files WHERE name=?",
            (ident + "%" if len(ident) >= 6 else ident, ident))]

    def remove(self, ident: str) -> list[str]:
        """Remove a report by id (or id prefix) or by file name; returns the ids removed."""
        ids = self.resolve(ident)
        with self.db:
            for rid in ids:
                self.db.execute("DELETE FROM files WHERE report_id=?", (rid,))
                self.db.execute("DELETE FROM reports WHERE report_id=?", (rid,))
        return ids

    def set_cross_findings(self, findings: Iterable[tuple[str, Finding]]) -> None:
        """Replace every cross-report finding (recomputed whenever a report is added)."""
        with self.db:
            self.db.execute("DELETE FROM findings WHERE scope='corpus'")
            self.db.executemany(
                "INSERT INTO findings (report_id, kind, message, key, detail, scope) VALUES (?,?,?,?,?,'corpus')",
                [(rid, f.kind, f.message, f.key, f.detail) for rid, f in findings])

    def log_turn(self, question: str, route: str, status: str, ids: list[str], latency_ms: float) -> None:
        """Log one question and how it was answered."""
        with self.db:
            self.db.execute("INSERT INTO turns (at, question, route, status, ids, latency_ms) VALUES (?,?,?,?,?,?)",
                            (time.time(), question, route, status, json.dumps(ids), latency_ms))

    # ---- chunks of the narrative (the search index's records) -------------------------
    # A chunk row is (chunk_id, report_id, section, position, text); `embedded` names the vector
    # collection that holds its vector ('' while it has none). The meta row 'chunk_generation'
    # grows whenever chunks are added or removed, so other readers know to reload.

    def put_chunks(self, rows: list[tuple], stale: Sequence[str] = ()) -> int:
        """In one transaction: drop the stale chunk ids, add the new rows (ids already stored are kept)
        and bump the chunk generation if anything changed; returns the number of rows added."""
        with self.db:
            if stale:
                self.db.executemany("DELETE FROM chunks WHERE chunk_id=?", [(c,) for c in stale])
            added = self.db.executemany("INSERT OR IGNORE INTO chunks (chunk_id, report_id, section, position, text) "
                                        "VALUES (?,?,?,?,?)", rows).rowcount
            if stale or added > 0:
                self._bump_chunks()
        return added

    def delete_chunks(self, report_id: str) -> None:
        """Drop a report's chunks and bump the chunk generation, in one transaction."""
        with self.db:
            self.db.execute("DELETE FROM chunks WHERE report_id=?", (report_id,))
            self._bump_chunks()

    def _bump_chunks(self) -> None:
        self.db.execute("INSERT INTO meta VALUES ('chunk_generation', '1') ON CONFLICT(key) DO UPDATE "
                        "SET value = CAST(value AS INTEGER) + 1")

    def mark_embedded(self, chunk_ids: list[str], collection: str) -> None:
        """Record that these chunks have vectors in the named collection (one transaction)."""
        with self.db:
            self.db.executemany("UPDATE chunks SET embedded=? WHERE chunk_id=?", [(collection, c) for c in chunk_ids])

    def clear_embedded(self, report_id: str | None = None) -> None:
        """Mark a report's chunks (every chunk, without a report id) as having no vector (one transaction)."""
        with self.db:
            if report_id is None:
                self.db.execute("UPDATE chunks SET embedded=''")
            else:
                self.db.execute("UPDATE chunks SET embedded='' WHERE report_id=?", (report_id,))

    def chunk_generation(self) -> str:
        """Changes whenever chunks are added or removed ('0' before any were)."""
        row = self.db.execute("SELECT value FROM meta WHERE key='chunk_generation'").fetchone()
        return row[0] if row else "0"

    def report_chunk_ids(self, report_id: str) -> list[str]:
        """Ids of a report's stored chunks."""
        return [r[0] for r in self.db.execute("SELECT chunk_id FROM chunks WHERE report_id=?", (report_id,))]

    def chunk_ids(self) -> list[str]:
        """Ids of every stored chunk, sorted."""
        return [r[0] for r in self.db.execute("SELECT chunk_id FROM chunks ORDER BY chunk_id")]

    def unembedded_chunks(self, report_id: str, collection: str) -> list[tuple[str, str, str]]:
        """(chunk_id, section, text) of a report's chunks without a vector in the named collection."""
        return self.db.execute("SELECT chunk_id, section, text FROM chunks WHERE report_id=? AND embedded!=?",
                               (report_id, collection)).fetchall()

    def chunk_texts(self) -> list[tuple[str, str, str, str]]:
        """(chunk_id, report title, section, text) of every chunk, by chunk id."""
        return self.db.execute("SELECT c.chunk_id, r.title, c.section, c.text FROM chunks c "
                               "JOIN reports r USING (report_id) ORDER BY c.chunk_id").fetchall()

    def chunk_filters(self) -> dict[str, tuple[str, int, str, str]]:
        """chunk_id → (body, year or 0, section, report_id) of every chunk."""
        return {r[0]: r[1:] for r in self.db.execute(
            "SELECT c.chunk_id, r.body, COALESCE(r.year, 0), c.section, c.report_id "
            "FROM chunks c JOIN reports r USING (report_id)")}

    def chunks(self, chunk_ids: list[str]) -> dict[str, tuple]:
        """chunk_id → (chunk_id, report_id, source_file, body, year, section, text) for the ids that are stored."""
        if not chunk_ids:
            return {}
        return {r[0]: r for r in self.db.execute(
            f"""SELECT c.chunk_id, c.report_id, r.source_file, r.body, r.year, c.section, c.text
                FROM chunks c JOIN reports r USING (report_id) WHERE c.chunk_id IN ({','.join('?' * len(chunk_ids))})""",
            chunk_ids)}

    def unembedded_reports(self, collection: str) -> list[str]:
        """Ids of reports with chunks that have no vector in the named collection."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT report_id FROM chunks WHERE embedded != ?", (collection,))]

    def reports_without_chunks(self) -> set[str]:
        """Ids of reports that have no chunks (no narrative to search)."""
        return {r[0] for r in self.db.execute(
            "SELECT report_id FROM reports WHERE report_id NOT IN (SELECT report_id FROM chunks)")}

    # ---- reading --------------------------------------------------------------------

    def reports(self) -> list[dict]:
        """Every report with counts of sections, tables and findings, by body and year."""
        rows = self.db.execute("""
            SELECT r.report_id, r.source_file, r.title, r.body, r.body_source, r.kind, r.year, r.year_source,
                   r.template, r.region,
                   (SELECT group_concat(key, ',') FROM sections s WHERE s.report_id=r.report_id AND key!='preamble'),
                   (SELECT group_concat(DISTINCT substr(key, 1, instr(key, '.')-1)) FROM facts f WHERE f.report_id=r.report_id),
                   (SELECT count(*) FROM findings g WHERE g.report_id=r.report_id),
                   (SELECT group_concat(name, ',') FROM files x WHERE x.report_id=r.report_id)
            FROM reports r ORDER BY r.body, r.year, r.source_file""").fetchall()
        cols = ["report_id", "source_file", "title", "body", "body_source", "kind", "year", "year_source",
                "template", "region", "sections", "tables", "findings", "files"]
        out = []
        for row in rows:
            d = dict(zip(cols, row))
            d["sections"] = (d["sections"] or "").split(",") if d["sections"] else []
            d["tables"] = sorted((d["tables"] or "").split(",")) if d["tables"] else []
            d["files"] = (d["files"] or "").split(",")
            out.append(d)
        return out

    def report(self, report_id: str) -> dict | None:
        """One report's metadata and text."""
        cur = self.db.execute("SELECT * FROM reports WHERE report_id=?", (report_id,))
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row)) if row else None

    def pages(self, report_id: str) -> tuple[list[tuple[int, int]], dict[int, float]]:
        """Where each page of a paged report starts in its text, and the OCR confidence of its scanned pages."""
        row = self.db.execute("SELECT pages, ocr_pages FROM reports WHERE report_id=?", (report_id,)).fetchone()
        if not row:
            return [], {}
        return [tuple(p) for p in json.loads(row[0] or "[]")], {p: c for p, c in json.loads(row[1] or "[]")}

    def text(self, report_id: str) -> str:
        """A report's cleaned text ('' when it is not stored)."""
        row = self.db.execute("SELECT text FROM reports WHERE report_id=?", (report_id,)).fetchone()
        return row[0] if row else ""

    def version(self) -> tuple:
        """Changes whenever a report is added or removed (for caches of the corpus)."""
        return tuple(self.db.execute("SELECT COUNT(*), MAX(ingested_at) FROM reports").fetchone())

    def count_files(self, report_id: str) -> int:
        """How many file names point to a report."""
        return self.db.execute("SELECT COUNT(*) FROM files WHERE report_id=?", (report_id,)).fetchone()[0]

    def fact_value(self, report_id: str, key: str) -> float | None:
        """One fact's value as stored (None when the report has no such fact)."""
        row = self.db.execute("SELECT value FROM facts WHERE report_id=? AND key=?", (report_id, key)).fetchone()
        return None if row is None else row[0]

    def count_findings(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM findings").fetchone()[0]

    def sections(self, report_id: str) -> list[Section]:
        """A report's sections in order."""
        rows = self.db.execute('SELECT key, heading, text, start, "end" FROM sections WHERE report_id=? ORDER BY start',
                               (report_id,)).fetchall()
        return [Section(*r) for r in rows]

    def fact(self, report_id: str, key: str) -> dict | None:
        """The one fact of a report under exactly this key (applications.new_received.total), or None."""
        return next((f for f in self.facts(key=key, report_id=report_id) if f["key"] == key), None)

    def facts(self, body: str | None = None, year: int | None = None, key: str | None = None,
              report_id: str | None = None) -> Iterator[dict]:
        """Facts joined with their report, filtered; key may end in '*' or name a prefix."""
        sql = """SELECT f.report_id, r.source_file, r.body, r.year, r.template, f.key, f.value, f.is_int,
                        f.unit, f.raw, f."offset", f.line, r.kind, f.page, f.confidence
                 FROM facts f JOIN reports r USING (report_id) WHERE 1=1"""
        args: list = []
        if body:
            sql += " AND r.body LIKE ?"
            args.append(f"%{body}%")
        if year:
            sql += " AND r.year=?"
            args.append(year)
        if key:
            # a key or prefix names an explicit set of the template's keys; no pattern reaches SQL
            keys = keys_matching(key) or [key]
            sql += f" AND f.key IN ({','.join('?' * len(keys))})"
            args += keys
        if report_id:
            sql += " AND f.report_id=?"
            args.append(report_id)
        sql += " ORDER BY r.body, r.year, f.rowid"
        for row in self.db.execute(sql, args):
            rid, src, b, y, tpl, k, v, is_int, unit, raw, off, line, kind, page, conf = row
            if v is not None and is_int:
                v = int(v)
            yield {"report_id": rid, "source_file": src, "body": b, "year": y, "template": tpl, "key": k,
                   "value": v, "unit": unit, "raw": raw, "offset": off, "line": line, "kind": kind,
                   "page": page, "confidence": conf}

    def findings(self, report_id: str | None = None) -> list[dict]:
        """Findings with their report's body and year."""
        sql = """SELECT g.report_id, r.source_file, r.body, r.year, g.kind, g.message, g.key, g.detail, g.scope
                 FROM findings g JOIN reports r USING (report_id)"""
        args: tuple = ()
        if report_id:
            sql += " WHERE g.report_id=?"
            args = (report_id,)
        sql += " ORDER BY r.body, r.year, g.rowid"
        cols = ["report_id", "source_file", "body", "year", "kind", "message", "key", "detail", "scope"]
        return [dict(zip(cols, row)) for row in self.db.execute(sql, args)]

    def report_ids(self) -> set[str]:
        """Ids of every stored report."""
        return {r[0] for r in self.db.execute("SELECT report_id FROM reports")}
