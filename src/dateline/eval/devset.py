"""Readers for the gold sets kept in ``../shared/data`` (read at evaluation time, never copied)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator


def shared_dir() -> Path:
    """``$DATELINE_SHARED``, else ``../shared`` beside the checkout or the working directory."""
    env = os.environ.get("DATELINE_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared"
        if candidate.is_dir():
            return candidate
    return Path("../shared")


def dev_path() -> Path:
    return shared_dir() / "data" / "dev" / "news-dev.jsonl"


def read_gold(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def german_quotes(split: str = "test") -> Iterator[dict]:
    yield from read_gold(shared_dir() / "data" / "quotes" / "german_news_quotation_attribution_2024" / f"{split}.jsonl")
