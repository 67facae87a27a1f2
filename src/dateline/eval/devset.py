"""Readers for the gold sets kept in ``../shared/data`` (read at evaluation time, never copied)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..shared import shared_dir


def dev_path() -> Path:
    return shared_dir() / "data" / "dev" / "news-dev.jsonl"


def read_gold(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def german_quotes(split: str = "test") -> Iterator[dict]:
    yield from read_gold(shared_dir() / "data" / "quotes" / "german_news_quotation_attribution_2024" / f"{split}.jsonl")
