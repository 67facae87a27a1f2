"""Data files shipped with Dateline, and the one way they are read: UTF-8, one record a line, ``#`` comments."""

from __future__ import annotations

import json
from importlib import resources


def data_lines(*path: str) -> list[str]:
    """The non-empty, non-comment lines of a packaged data file (``data_lines("cues", "en.txt")``)."""
    text = resources.files(__name__).joinpath(*path).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def labelled_sentences(name: str) -> list[tuple[str, str]]:
    """``label <TAB> sentence`` rows of a packaged file (event training, evaluation and held-out sentences)."""
    return [(label.strip(), sentence.strip()) for label, sentence in (line.split("\t", 1) for line in data_lines(name))]


def data_json(*path: str) -> dict | None:
    """A packaged JSON file (``data_json("events", "en.json")``), or None when the package has none there."""
    file = resources.files(__name__).joinpath(*path)
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else None
