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


class OpenAIServer:
    """An OpenAI-compatible chat server on loopback, standing in for a remote model (which cannot run here).

    `reply` is what it answers next; `requests` what it was sent (path, Authorization header, JSON body).
    """

    def __init__(self):
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        server = self
        self.reply = ""
        self.requests: list[dict] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                out = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                                  "choices": [{"index": 0, "finish_reason": "stop",
                                               "message": {"role": "assistant", "content": server.reply}}],
                                  "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh NIANBAO_DATA_DIR for one test."""
    d = tmp_path / "data"
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def manifest():
    from nianbao.ingest.metadata import load_manifest

    return load_manifest(CORPUS)


@pytest.fixture(scope="session")
def parsed(manifest):
    """Parse a corpus file once per test run."""
    from nianbao.ingest.parse import parse_file

    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = parse_file(CORPUS / name, manifest.get(name))
        return cache[name]

    return get
