"""Session fixtures: the seed report, options, and a real SQLite store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.settings import Options
from dateline.shared import seed_report
from dateline.store import Database


@pytest.fixture(scope="session")
def seed_text() -> str:
    return seed_report().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = seed_report()
    if not path.is_file():
        pytest.fail(f"the seed report is read from ../shared: {path} is missing (set DATELINE_SHARED)")
    return path


@pytest.fixture
def options() -> Options:
    return Options(workers=1)


@pytest.fixture
def make_store(tmp_path):
    stores = []

    def make(name: str = "test.db") -> Database:
        db = Database(tmp_path / name)
        stores.append(db)
        return db

    yield make
    for db in stores:
        db.close()


@pytest.fixture(scope="session")
def seed_record(seed_text):
    import dateline

    return dateline.extract_text(seed_text)
