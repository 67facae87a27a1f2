"""A real store for the server's tests: the seed report and a hostile article run through the pipeline, and a
running ``dateline serve`` app on loopback."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from dateline.batch import jobs
from dateline.settings import Options
from dateline.store import Database

# Markup, handlers and script URLs in every field that comes from the web. If any of them ran, it would set
# window.__pwned; the browser test checks that it never does.
HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned = \'img\'"> Kharkiv shelled'
HOSTILE_TEXT = (
    "Russian forces shelled Kharkiv on Monday, killing two civilians, <img src=x onerror=\"window.__pwned='text'\"> "
    "the regional governor said.\n\n"
    "“<script>window.__pwned = 'quote'</script> We will rebuild every house,” said Oleh Syniehubov, the governor "
    "of the <a href=\"javascript:window.__pwned='link'\">Kharkiv region</a>.\n\n"
    "Residents of Kharkiv spent the night in metro stations as the sirens sounded again."
)
HOSTILE_URL = "javascript:window.__pwned='url'"


def documents(seed_text: str) -> list[dict]:
    return [
        {"id": "seed", "text": seed_text, "published": "2023-03-01", "outlet": "franceinfo",
         "url": "https://www.francetvinfo.fr/monde/europe/manifestations-en-ukraine/bakhmout.html"},
        {"id": "hostile", "text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "published": "2023-03-20",
         "outlet": "<b>Evil outlet</b>", "url": HOSTILE_URL},
    ]


@pytest.fixture(scope="session")
def served_store(tmp_path_factory, seed_text) -> str:
    folder = tmp_path_factory.mktemp("served")
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents(seed_text)) + "\n")
    path = folder / "dateline.db"
    with Database(path) as db:
        report = jobs.ingest([str(source)], db, Options(executor="serial"))
    assert report.stored == 2, report.failed
    return str(path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningServer:
    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def server(served_store):
    from dateline.serve import create_app

    with RunningServer(create_app(served_store)) as running:
        yield running


@pytest.fixture(scope="session")
def ids(served_store) -> dict[str, str]:
    """Stored ids of the two articles, by the name given in ``documents``."""
    from dateline.ingest.document import RawDocument

    return {name: RawDocument(origin="", given_id=name).id for name in ("seed", "hostile")}
