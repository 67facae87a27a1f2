"""Where the project's shared data lives: read in place, never copied into the repository or packaged."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    """``$DATELINE_SHARED``, else ``../shared`` beside the checkout or the working directory."""
    env = os.environ.get("DATELINE_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base.parent / "shared"
        if candidate.is_dir():
            return candidate
    return Path("../shared")


def seed_report() -> Path:
    """The franceinfo dispatch from Bakhmut that started the project (demos, tests and benchmarks)."""
    return shared_dir() / "samples" / "franceinfo-bakhmut.txt"
