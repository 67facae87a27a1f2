"""The FastAPI application: the API, the page and its vendored files, from one process.

Reads go through read-only SQLite connections, one per server thread; writes (only
with a write token) go through one writer that runs the pipeline in this process.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..batch.work import annotate_batch
from ..ingest.jsonl import document_from_object
from ..settings import Options
from ..store import Database
from ..types import SCHEMA_ID, Record
from . import problems
from .api import router
from .problems import FastJSON as JSONResponse
from .problems import Problem
from .security import SecurityHeaders
from .stores import Stores

STATIC = Path(str(resources.files(__package__).joinpath("static")))


class Writer:
    """Runs the pipeline on one posted document at a time and stores the record."""

    def __init__(self, path: str, options: Options):
        self.path, self.options = path, options
        self._lock = threading.Lock()
        self._db: Database | None = None

    def add(self, obj: dict) -> Record:
        doc = document_from_object(obj, "<request>", self.options)
        if not doc.ok:
            raise Problem(422, doc.error.message, doc.error.code, stage=doc.error.stage)
        with self._lock:
            (outcome,) = annotate_batch([doc], self.options)
            if not outcome.ok:
                raise Problem(422, outcome.error.message, outcome.error.code, stage=outcome.error.stage)
            self._store().add_article(outcome.record)
        return outcome.record

    def delete(self, article_id: str) -> bool:
        with self._lock:
            return self._store().delete_article(article_id)

    def _store(self) -> Database:
        if self._db is None:
            self._db = Database(self.path, any_thread=True)  # used from the server's threads, under the lock
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def app_from_environment() -> FastAPI:
    """The app for ``dateline serve`` (uvicorn imports it by name in each worker process)."""
    import os

    return create_app(os.environ["DATELINE_SERVE_DB"], write_token=os.environ.get("DATELINE_WRITE_TOKEN"))


def create_app(db_path: str | Path, *, write_token: str | None = None, options: Options | None = None) -> FastAPI:
    """The app over the store at ``db_path``, which must exist (it is brought up to date once, if writable)."""
    path = str(db_path)
    Database(path, readonly=True).close()  # fails now, with NotAStore, if there is no store there
    try:
        Database(path).close()  # migrates an older store in place
    except Exception:  # noqa: BLE001 - a read-only file or folder is still served, read-only
        pass
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.stores.close()
        app.state.writer.close()

    app = FastAPI(title="Dateline", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  default_response_class=JSONResponse,
                  description=f"Sourced, structured facts from news reports: who said what, where and when. "
                              f"Records follow schema {SCHEMA_ID}.")
    app.state.stores = Stores(path)
    app.state.write_token = write_token or None
    app.state.options = (options or Options()).replace(executor="serial")
    app.state.writer = Writer(path, app.state.options)
    problems.install(app)
    app.include_router(router)

    @app.get("/api", summary="What this server holds")
    def about():
        db = app.state.stores.get()
        return JSONResponse({"schema": SCHEMA_ID, "version": __version__, "counts": db.counts(),
                             "writable": bool(app.state.write_token)})

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)

    return app
