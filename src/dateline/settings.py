"""Every tunable, declared once as ``(name, default, help)``.

The CLI options, ``Options`` and the docs are generated from ``SETTINGS``, the way
Datasette declares its settings, so a setting cannot exist without its help text.
Set ``DATELINE_TRACE=1`` to log each document's stages to stderr.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

SETTINGS: tuple[tuple[str, object, str], ...] = (
    ("language", "auto", "Language of the documents: 'auto' detects it per document, or an ISO 639-1 code."),
    ("executor", "processes", "Where documents are processed: 'serial' (this process), 'processes' (one worker per "
     "core on this machine; serial for a handful of documents) or 'dask' (a Dask cluster, see --scheduler)."),
    ("scheduler", None, "Address of a running Dask scheduler (tcp://HOST:8786) for --executor dask; without it a "
     "local Dask cluster is started."),
    ("workers", 0, "Worker processes; 0 picks one per core when the batch is large enough."),
    ("doc_timeout", 60.0, "Seconds each document may take (plus --doc-timeout-per-char per character) before it is "
     "given up as an nlp/timeout error; 0 disables the limit."),
    ("doc_timeout_per_char", 0.001, "Extra seconds each document may take per character of text."),
    ("batch_size", 32, "Documents per nlp.pipe batch."),
    ("max_file_bytes", 32 * 1024 * 1024, "Single-document files larger than this are refused with an error."),
    ("max_chars", 300_000, "Longer documents are cut at a paragraph boundary, with a warning in `errors`."),
    ("min_chars", 20, "Documents with less text than this after cleanup are reported as empty."),
    ("html_precision", True, "Ask trafilatura to favour precision (fewer boilerplate lines) over recall."),
    ("clean_text", True, "Strip site chrome (bylines, share buttons, 'Reading time'...) from plain text."),
)

DEFAULTS = {name: default for name, default, _ in SETTINGS}
HELP = {name: help_ for name, _, help_ in SETTINGS}


@dataclass(frozen=True)
class Options:
    """One options object passed down the whole run (trafilatura's pattern), never 20 kwargs."""

    language: str = DEFAULTS["language"]
    executor: str = DEFAULTS["executor"]
    scheduler: str | None = DEFAULTS["scheduler"]
    workers: int = DEFAULTS["workers"]
    doc_timeout: float = DEFAULTS["doc_timeout"]
    doc_timeout_per_char: float = DEFAULTS["doc_timeout_per_char"]
    batch_size: int = DEFAULTS["batch_size"]
    max_file_bytes: int = DEFAULTS["max_file_bytes"]
    max_chars: int = DEFAULTS["max_chars"]
    min_chars: int = DEFAULTS["min_chars"]
    html_precision: bool = DEFAULTS["html_precision"]
    clean_text: bool = DEFAULTS["clean_text"]

    def replace(self, **changes) -> "Options":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def trace_enabled() -> bool:
    return os.environ.get("DATELINE_TRACE", "") not in ("", "0", "false")


assert {f.name for f in dataclasses.fields(Options)} == set(DEFAULTS), "SETTINGS and Options disagree"


def cache_dir() -> Path:
    """Where built artefacts live (the gazetteer index, the trained event classifier): the user cache."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dateline"
