"""Dateline: read news reports, get sourced, structured facts — who said what, where and when.

>>> import dateline
>>> record = dateline.extract_text("Kyiv, Monday. “We will hold,” said Valery, a Ukrainian soldier.")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .settings import Options  # noqa: E402
from .types import Entity, Event, Mention, Place, Quote, Record, Source  # noqa: E402

__all__ = ["Entity", "Event", "Mention", "Options", "Place", "Quote", "Record", "Source", "__version__", "extract_text"]


def extract_text(text: str, *, url: str | None = None, title: str | None = None, options: Options | None = None) -> Record:
    """One record from one text already in memory; raises ``ValueError`` if it cannot be processed."""
    from .ingest.document import RawDocument
    from .nlp.runner import process_batch

    (outcome,) = process_batch([RawDocument(origin="<text>", text=text, url=url, title=title)], options or Options(workers=1))
    if not outcome.ok:
        raise ValueError(outcome.error.message)
    return outcome.record
