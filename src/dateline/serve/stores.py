"""Read-only store connections for the server's threads."""

from __future__ import annotations

import threading

from ..store import Database


class Stores:
    """One read-only connection per thread: SQLite connections are cheap to keep and must not be shared."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._all: list[Database] = []
        self._lock = threading.Lock()

    def get(self) -> Database:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = Database(self.path, readonly=True)
            with self._lock:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
