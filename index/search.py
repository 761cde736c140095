"""Hybrid search over the narrative: Chroma vectors + BM25 over jieba tokens, fused by RRF.

Chunks live in SQLite (table `chunks`) and in Chroma under the same id, so a
vector hit leads to its record and back. Filters (body, year, section) are
applied inside both retrievers before ranking, never after the top-k cut.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.ingest.records import SECTION_TITLES

from .settings import Settings
from .store import Store

CHUNK_VERSION = "c2"  # bump when chunking changes: it names the collection
MAX_CHUNK = 360
_RRF_K = 10  # small: the top of each ranking counts most (chosen on eval/retrieval.v1.jsonl)
_SHORT_PASSAGE = 40  # characters: below this a passage says little beyond its report's title

# Where a long section splits: numbered items (一是…, （一）…, 1.…) and paragraph ends.
_ITEM = re.compile(r"(?=(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十]+[）)]|(?<![\d.])\d{1,2}[.、．](?!\d)))")


class IndexUnavailable(Exception):
    """The vector store cannot be opened; the message says how to repair it."""


@dataclass(frozen=True)
class Hit:
    """One search result."""

    chunk_id: str
    report_id: str
    source_file: str
    body: str
    year: int | None
    section: str
    text: str          # the passage as printed in the report (no title prefix)
    score: float
    ranks: dict = field(default_factory=dict)  # rank per retriever, for inspection

    def to_dict(self) -> dict:
        """JSON-ready."""
        return {k: getattr(self, k) for k in ("chunk_id", "report_id", "source_file", "body", "year", "section",
                                                "text", "score", "ranks")}


@dataclass(frozen=True)
class Filters:
    """Restrictions applied before ranking."""

    bodies: tuple[str, ...] = ()      # exact body names (app.bodies resolves the names people write)
    report_ids: tuple[str, ...] = ()  # reports named by id (a report that never names its body); with bodies: either
    year_from: int | None = None
    year_to: int | None = None
    sections: tuple[str, ...] = ()


_TABLE_WORDS = re.compile(r"属于|不予|总计|结转|本年新收|处理决定|制发件数|结果维持|结果纠正|自然人|法人")


def _spans(text: str, a: int, b: int) -> tuple[int, int]:
    """text[a:b] without its surrounding whitespace, as offsets."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _is_prose(piece: str) -> bool:
    if len(re.sub(r"[\d\s.]", "", piece)) < 6:
        return False
    digits = len(re.findall(r"\d", piece))
    # a table flattened into a line (1.属于国家秘密0 0 00 0 00…) is answered from the records, not quoted
    return not (digits >= 8 and digits >= 0.15 * len(piece) and _TABLE_WORDS.search(piece))


def split_section(text: str) -> list[str]:
    """A section's text → passages: paragraphs, then list items, then sentences, each ≤ MAX_CHUNK.

    Every passage is a slice of the section's text, so it can be quoted as written.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if line.group(0).startswith("\t"):
            continue  # table cells: answered from the records, not from text
        a, b = _spans(text, line.start(), line.end())
        if not _is_prose(text[a:b]):
            continue
        if b - a <= MAX_CHUNK:
            spans.append((a, b))
            continue
        cuts = [a] + [m.start() for m in _ITEM.finditer(text, a, b) if m.start() > a] + [b]
        for x, y in zip(cuts, cuts[1:]):
            x, y = _spans(text, x, y)
            while y - x > MAX_CHUNK:
                cut = text.rfind("。", x, x + MAX_CHUNK)
                cut = cut + 1 if cut > x + MAX_CHUNK // 3 else x + MAX_CHUNK
                spans.append(_spans(text, x, cut))
                x, y = _spans(text, cut, y)
            if _is_prose(text[x:y]):
                spans.append((x, y))
    # merge a very short passage (a heading line) with the next one, when only whitespace lies between them
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged:
            pa, pb = merged[-1]
            if pb - pa < 40 and b - pa <= MAX_CHUNK and not text[pb:a].strip():
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    return [text[a:b] for a, b in merged]


def chunk_id(report_id: str, section: str, text: str) -> str:
    """Ids from content: report, section and text."""
    return hashlib.sha256(f"{report_id}\x1f{section}\x1f{text}".encode()).hexdigest()[:20]


def tokenize(text: str) -> list[str]:
    """jieba tokens, punctuation and spaces dropped; numbers kept."""
    import jieba

    jieba.setLogLevel(60)
    return [t for t in jieba.lcut_for_search(text) if t.strip() and not re.fullmatch(r"[\W_]+", t)]


class SearchIndex:
    """Chunks in SQLite, vectors in Chroma, BM25 on disk; kept in step with the store."""

    def __init__(self, settings: Settings, store: Store, embed_model=None):
        self.settings = settings
        self.store = store
        self._embed = embed_model
        self._collection = None
        self._bm25 = None
        self._bm25_ids: list[str] = []
        self._ids = self._years = self._bodies = self._sections = None  # per-chunk metadata, for filter masks
        self._reports = None
        self._dirty = False
        self._generation = None  # the store's chunk generation the keyword index was built for
        self.dense_error = ""    # why the last search ran on keywords alone, if it did

    # ---- components, loaded on first use -----------------------------------------

    @property
    def embed_model(self):
        if self._embed is None:
            from .embed import load_embedding

            self._embed = load_embedding(self.settings.embed_model)
        return self._embed

    def collection_name(self) -> str:
        """Names what changes vectors: the model and the chunking."""
        h = hashlib.sha256(f"{self.embed_model.model_name}|{CHUNK_VERSION}|{MAX_CHUNK}".encode()).hexdigest()[:10]
        return f"nianbao_{h}"

    @property
    def collection(self):
        if self._collection is None:
            os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
            from chromadb.config import Settings as ChromaSettings

            cs = ChromaSettings(anonymized_telemetry=False)
            where = (f"the Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port}"
                     if self.settings.chroma_host else f"the vector store at {self.settings.data_dir / 'chroma'}")
            try:
                client = _client(self.settings, cs)
                # our own embeddings always: chroma's default function would download a model
                self._collection = client.get_or_create_collection(self.collection_name(), embedding_function=None,
                                                                   metadata={"hnsw:space": "cosine"})
                self._collection.count()
            except Exception as e:
                self._collection = None
                forget_client(self.settings)
                raise IndexUnavailable(f"{where} cannot be used ({type(e).__name__}: {str(e)[:160]}); "
                                       "run `nianbao index-check --repair` to rebuild it from the stored records") from None
        return self._collection

    @property
    def vector_store(self):
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.collection)

    # ---- writing -------------------------------------------------------------------

    def add(self, report_id: str) -> int:
        """Chunk a stored report and embed what is not embedded yet; returns chunks embedded."""
        rep = self.store.report(report_id)
        if rep is None:
            return 0
        title = rep["title"]
        rows = []
        for s in self.store.sections(report_id):
            for pos, piece in enumerate(split_section(s.text)):
                rows.append((chunk_id(report_id, s.key, piece), report_id, s.key, pos, piece))
        ids = {r[0] for r in rows}
        stale = [c for c in self.store.report_chunk_ids(report_id) if c not in ids]  # an older way of splitting
        if stale:
            self.collection.delete(ids=stale)
        self.store.put_chunks(rows, stale)
        name = self.collection_name()
        todo = self.store.unembedded_chunks(report_id, name)
        if todo:
            from llama_index.core.schema import TextNode

            texts = [self._indexed_text(title, sec, text) for _, sec, text in todo]
            vectors = self.embed_model.get_text_embedding_batch(texts)
            nodes = [TextNode(id_=cid, text=t, embedding=v, metadata={
                "report_id": report_id, "body": rep["body"], "year": rep["year"] or 0, "section": sec,
                "kind": rep["kind"]}) for (cid, sec, _), t, v in zip(todo, texts, vectors)]
            self.vector_store.add(nodes)
            self.store.mark_embedded([cid for cid, _, _ in todo], name)
        self._dirty = True
        return len(todo)

    def remove(self, report_id: str) -> None:
        """Drop a report's chunks from Chroma, then from SQLite (a stop in between leaves them pending, never orphaned)."""
        self.store.clear_embedded(report_id)
        self.collection.delete(where={"report_id": report_id})
        self.store.delete_chunks(report_id)
        self._dirty = True

    def generation(self) -> str:
        """Changes whenever any writer adds or removes chunks (other processes and threads then reload
        their keyword index)."""
        return self.store.chunk_generation()

    @staticmethod
    def _indexed_text(title: str, section: str, text: str) -> str:
        # the report's title on every chunk: the largest single lever on retrieval here
        return f"{title} · {SECTION_TITLES.get(section, section)}\n{text}"

    def close(self) -> None:
        """Persist the keyword index if chunks changed."""
        if self._dirty:
            self._build_bm25(save=True)

    # ---- keyword index ---------------------------------------------------------------

    def _bm25_dir(self) -> Path:
        return self.settings.data_dir / "bm25"

    def _fingerprint(self, ids: list[str]) -> str:
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]

    def _build_bm25(self, save: bool) -> None:
        import bm25s

        rows = self.store.chunk_texts()
        self._bm25_ids = [r[0] for r in rows]
        retriever = bm25s.BM25()
        if rows:
            retriever.index([tokenize(self._indexed_text(t, s, x)) for _, t, s, x in rows], show_progress=False)
        self._bm25 = retriever
        self._load_meta()
        if save:
            self._save_bm25(retriever)
        self._dirty = False

    def _save_bm25(self, retriever) -> None:
        """Save into a folder of its own, then point ids.json at it in one rename: readers never see half of it."""
        import shutil

        d = self._bm25_dir()
        d.mkdir(parents=True, exist_ok=True)
        fingerprint = self._fingerprint(self._bm25_ids)
        folder = f"index-{fingerprint}-{os.getpid()}-{threading.get_ident()}"
        if self._bm25_ids:
            retriever.save(str(d / folder))
        tmp = d / f"ids.json.{os.getpid()}.{threading.get_ident()}"
        tmp.write_text(json.dumps({"fingerprint": fingerprint, "folder": folder, "ids": self._bm25_ids}))
        os.replace(tmp, d / "ids.json")
        for old in d.glob("index*"):  # earlier versions; a reader still loading one retries on the new one
            if old.name != folder and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)

    def _ensure_bm25(self) -> None:
        generation = self.generation()
        if self._bm25 is not None and not self._dirty and generation == self._generation:
            return
        self._generation = generation
        ids = self.store.chunk_ids()
        meta = self._bm25_dir() / "ids.json"
        if meta.exists() and ids:
            try:
                saved = json.loads(meta.read_text())
                if saved.get("fingerprint") == self._fingerprint(ids):
                    import bm25s

                    self._bm25 = bm25s.BM25.load(str(self._bm25_dir() / saved.get("folder", "index")))
                    self._bm25_ids = saved["ids"]
                    self._load_meta()
                    return
            except Exception:  # noqa: BLE001
                pass  # a writer replaced it as we read: use what we have, or build below
        if self._bm25 is not None and not self._dirty:
            # another writer is still at work and saves its index when it closes: keep answering from the
            # current one meanwhile (rebuilding in every reader at once would stall them all) and look again
            self._generation = None
            return
        self._build_bm25(save=not meta.exists())

    # ---- searching -------------------------------------------------------------------

    def _load_meta(self) -> None:
        """Body, year and section of every chunk, in keyword-index order, as arrays: filters become masks."""
        import numpy as np

        rows = self.store.chunk_filters()
        meta = [rows.get(cid, ("", 0, "", "")) for cid in self._bm25_ids]
        self._reports = np.array([m[3] for m in meta], dtype=object)
        self._ids = np.array(self._bm25_ids, dtype=object)
        self._years = np.array([m[1] for m in meta], dtype=np.int32)
        self._bodies = np.array([m[0] for m in meta], dtype=object)
        self._sections = np.array([m[2] for m in meta], dtype=object)

    def _mask(self, filters: Filters):
        """Which chunks the filters allow (a boolean array in keyword-index order), or None for all."""
        import numpy as np

        if not (filters.bodies or filters.report_ids or filters.year_from or filters.year_to or filters.sections):
            return None
        mask = np.ones(len(self._bm25_ids), dtype=bool)
        if filters.bodies or filters.report_ids:
            mask &= np.isin(self._bodies, list(filters.bodies)) | np.isin(self._reports, list(filters.report_ids))
        if filters.year_from:
            mask &= self._years >= filters.year_from
        if filters.year_to:
            mask &= self._years <= filters.year_to
        if filters.sections:
            mask &= np.isin(self._sections, list(filters.sections))
        return mask

    def keyword(self, query: str, filters: Filters = Filters(), k: int = 10) -> list[str]:
        """BM25 ranking of chunk ids, filtered before the cut."""
        import numpy as np

        self._ensure_bm25()
        if not self._bm25_ids:
            return []
        tokens = tokenize(query)
        if not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=float)
        mask = self._mask(filters)
        if mask is not None:
            scores = np.where(mask, scores, -1.0)
        order = np.argsort(-scores)[:k]
        return [self._bm25_ids[i] for i in order if scores[i] > 0]

    def dense(self, query: str, filters: Filters = Filters(), k: int = 10) -> list[str]:
        """Vector ranking of chunk ids, the filters applied before the cut.

        Chroma's own filtered search is slow on large collections, so: a small
        allowed set is ranked exactly from its stored vectors; a large one is
        taken from a deeper unfiltered search, which is the filtered top k
        whenever at least k allowed chunks come back; otherwise Chroma filters.
        """
        import numpy as np

        if self.collection.count() == 0:
            return []
        vector = self.embed_model.get_query_embedding(query)
        self._ensure_bm25()
        mask = self._mask(filters)
        if mask is None:
            got = self.collection.query(query_embeddings=[vector], n_results=k, include=[])
            return list(got["ids"][0])
        allowed = self._ids[mask]
        if len(allowed) == 0:
            return []
        if len(allowed) <= 600:
            got = self.collection.get(ids=list(allowed), include=["embeddings"])
            if not len(got["ids"]):
                return []
            m = np.asarray(got["embeddings"], dtype=np.float32)
            q = np.asarray(vector, dtype=np.float32)
            sims = m @ q / (np.linalg.norm(m, axis=1) * np.linalg.norm(q) + 1e-12)
            return [got["ids"][i] for i in np.argsort(-sims)[:k]]
        allowed_set = set(allowed)
        total = len(self._bm25_ids)
        depth = min(total, max(4 * k, int(3 * k * total / len(allowed))))
        while True:
            got = self.collection.query(query_embeddings=[vector], n_results=depth, include=[])
            kept = [c for c in got["ids"][0] if c in allowed_set]
            if len(kept) >= min(k, len(allowed)) or depth >= total:
                return kept[:k]
            if depth >= 20000:
                break
            depth = min(total, depth * 4)
        where = self._where(filters)
        got = self.collection.query(query_embeddings=[vector], n_results=k, where=where, include=[])
        return list(got["ids"][0])

    @staticmethod
    def _where(filters: Filters) -> dict:
        conds: list[dict] = []
        if filters.bodies and filters.report_ids:
            conds.append({"$or": [{"body": {"$in": list(filters.bodies)}},
                                  {"report_id": {"$in": list(filters.report_ids)}}]})
        elif filters.bodies:
            conds.append({"body": {"$in": list(filters.bodies)}})
        elif filters.report_ids:
            conds.append({"report_id": {"$in": list(filters.report_ids)}})
        if filters.year_from:
            conds.append({"year": {"$gte": filters.year_from}})
        if filters.year_to:
            conds.append({"year": {"$lte": filters.year_to}})
        if filters.sections:
            conds.append({"section": {"$in": list(filters.sections)}})
        return conds[0] if len(conds) == 1 else {"$and": conds}

    def search(self, query: str, filters: Filters = Filters(), k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """Hybrid (RRF of dense and keyword), or one retriever alone."""
        depth = max(k * 4, 40)
        ranked: dict[str, list[str]] = {}
        if mode in ("hybrid", "keyword"):
            ranked["keyword"] = self.keyword(query, filters, depth)
        self.dense_error = ""
        if mode in ("hybrid", "dense"):
            try:
                ranked["dense"] = self.dense(query, filters, depth)
            except Exception as e:  # the model or the vector store is unavailable: keyword search still answers
                if mode == "dense":
                    raise
                self.dense_error = f"{type(e).__name__}: {str(e)[:200]}"
        scores: dict[str, float] = {}
        ranks: dict[str, dict] = {}
        for name, ids in ranked.items():
            for rank, cid in enumerate(ids):
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (_RRF_K + rank + 1)
                ranks.setdefault(cid, {})[name] = rank + 1
        # a passage of a few words (无其他需要报告的事项。, a signature and a date) matches on the title every
        # passage carries, not on what it says: it yields to passages that say something
        ahead = sorted(scores, key=lambda c: -scores[c])[:k * 3]
        rows = self.store.chunks(ahead)
        for cid in ahead:
            if cid in rows and len(re.sub(r"\s", "", rows[cid][6])) < _SHORT_PASSAGE:
                scores[cid] *= 0.5
        top = sorted(scores, key=lambda c: -scores[c])[:k]
        return self._hits(top, scores, ranks)

    def _hits(self, ids: list[str], scores: dict, ranks: dict) -> list[Hit]:
        if not ids:
            return []
        rows = self.store.chunks(ids)
        return [Hit(*rows[c], score=round(scores[c], 5), ranks=ranks.get(c, {})) for c in ids if c in rows]

    def consistency(self) -> dict:
        """Do SQLite and Chroma agree about which reports exist?

        Reports whose passages are not embedded yet (an ingest stopped midway)
        are listed as pending, not as disagreement: the next ingest embeds them.
        """
        in_sql = self.store.report_ids()
        got = self.collection.get(include=["metadatas"])
        in_chroma = {m["report_id"] for m in got["metadatas"] or []}
        pending = set(self.store.unembedded_reports(self.collection_name()))
        return {"only_in_sqlite": sorted(in_sql - in_chroma - self.store.reports_without_chunks() - pending),
                "only_in_chroma": sorted(in_chroma - in_sql), "pending": sorted(pending)}

    def heal(self) -> dict:
        """Drop vectors of reports SQLite no longer holds and embed pending passages; returns what was done."""
        got = self.collection.get(include=["metadatas"])
        in_sql = self.store.report_ids()
        orphans = [i for i, m in zip(got["ids"], got["metadatas"] or []) if m["report_id"] not in in_sql]
        if orphans:
            self.collection.delete(ids=orphans)
        pending = self.store.unembedded_reports(self.collection_name())
        for rid in pending:
            self.add(rid)
        return {"orphan_vectors": len(orphans), "pending_reports": len(pending)}

    def rebuild(self) -> int:
        """Rebuild the vectors and the keyword index from the stored records (a lost or corrupted store)."""
        import shutil

        if not self.settings.chroma_host:
            try:
                self.collection.count()
            except IndexUnavailable:
                broken = self.settings.data_dir / "chroma"
                shutil.rmtree(broken, ignore_errors=True)
                forget_client(self.settings, clear=True)
                self._collection = None
        self.store.clear_embedded()
        try:
            self.collection.delete(where={"report_id": {"$ne": ""}})
        except Exception:
            pass
        n = 0
        for rid in sorted(self.store.report_ids()):
            n += self.add(rid)
        shutil.rmtree(self._bm25_dir(), ignore_errors=True)
        self._dirty = True
        return n


_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


def _client(settings: Settings, cs):
    """One Chroma client per store in a process: creating them from several threads at once fails."""
    import chromadb

    key = (settings.chroma_host, settings.chroma_port) if settings.chroma_host else \
        (str((settings.data_dir / "chroma").resolve()),)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            if settings.chroma_host:
                client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=cs)
            else:
                client = chromadb.PersistentClient(path=key[0], settings=cs)
            _clients[key] = client
        return client


def forget_client(settings: Settings, clear: bool = False) -> None:
    """Drop the cached client of a local store; `clear` also drops chroma's own cache (its folder was removed)."""
    with _clients_lock:
        _clients.pop((str((settings.data_dir / "chroma").resolve()),), None)
        if clear:
            from chromadb.api.client import SharedSystemClient

            SharedSystemClient.clear_system_cache()


