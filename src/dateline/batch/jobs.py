"""The two jobs behind the CLI (and any API): extract records, or ingest them into a store.

Plain functions over plain arguments, so the CLI only parses and prints.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..ingest import RawDocument, iter_files, read_paths
from ..settings import Options
from ..store import Database
from .engine import annotate
from .outcome import Outcome, failed

Progress = Callable[[Outcome], None]


def extract(paths: Iterable[str], options: Options, *, progress: Progress | None = None) -> Iterator[Outcome]:
    """Records (or per-document errors) for every document under ``paths``, in order."""
    paths = list(paths)
    for outcome in annotate(read_paths(paths, options), options, expected=_estimate(paths)):
        if progress:
            progress(outcome)
        yield outcome


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: list[Outcome] = field(default_factory=list)


def ingest(paths: Iterable[str], db: Database, options: Options, *, refresh: bool = False,
           progress: Progress | None = None) -> IngestReport:
    """Store every document; already-stored ids are skipped unless ``refresh``, so a re-run resumes."""
    report = IngestReport()
    paths = list(paths)

    def fresh(docs: Iterable[RawDocument]) -> Iterator[RawDocument]:
        for doc in docs:
            if doc.ok and not refresh and db.has_article(doc.id):
                report.skipped += 1
                continue
            yield doc

    for outcome in annotate(fresh(read_paths(paths, options)), options, expected=_estimate(paths)):
        if outcome.ok:
            outcome = _store(db, outcome)
        if outcome.ok:
            db.clear_failure(outcome.origin)
            report.stored += 1
        else:
            db.add_failure(outcome.origin, outcome.error)
            report.failed.append(outcome)
        if progress:
            progress(outcome)
    return report


def _store(db: Database, outcome: Outcome) -> Outcome:
    """Store one record in its own transaction. A record the store refuses is that document's error; a store
    that cannot write at all (a full disk, a read-only file) stops the run, since every document would fail."""
    try:
        db.add_article(outcome.record)
        return outcome
    except sqlite3.OperationalError:
        raise
    except (sqlite3.Error, ValueError, TypeError) as exc:
        return failed(outcome.origin, "store", "refused", f"{type(exc).__name__}: {exc}")


def _estimate(paths: list[str]) -> int | None:
    """How many documents to expect, when cheap to know (plain files), else None."""
    count = 0
    for name in iter_files(paths):
        if name == "-" or name.endswith((".jsonl", ".ndjson", ".json", ".warc", ".warc.gz", ".gz", ".xml", ".rss", ".atom")):
            return None
        count += 1
        if count > 1000:
            return None
    return count
