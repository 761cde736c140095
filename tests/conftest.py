"""Shared fixtures: the real corpus, a store in a temporary folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = ROOT / "tests" / "gold"
SAMPLES = [
    "2024_jiangyin-lingang-development-zone.txt",
    "2024_yangkougang-development-zone.txt",
    "2024_changzhou-district-office.txt",
    "2024_linjiang-new-area.txt",
    "2020_jingjiang-industrial-park.txt",
]


def free_port() -> int:
    """A TCP port free on loopback now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh NIANBAO_DATA_DIR for one test."""
    d = tmp_path / "data"
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def manifest():
    from ingest.metadata import load_manifest

    return load_manifest(CORPUS)


@pytest.fixture(scope="session")
def parsed(manifest):
    """Parse a corpus file once per test run."""
    from ingest.parse import parse_file

    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = parse_file(CORPUS / name, manifest.get(name))
        return cache[name]

    return get
