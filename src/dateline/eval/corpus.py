"""Reading a public corpus from ``../shared`` and running the whole pipeline on it, on every core."""

from __future__ import annotations

import json
from pathlib import Path

from ..batch.engine import annotate
from ..ingest.document import RawDocument
from ..settings import Options
from ..types import Record


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    break
    return rows


def records(docs: list[RawDocument], workers: int = 0) -> list[Record | None]:
    """One record per document, in order (None where the document failed), as ``dateline extract`` gives."""
    options = Options(executor="processes" if workers != 1 else "serial", workers=workers)
    return [o.record if o.ok else None for o in annotate(iter(docs), options, expected=len(docs))]
