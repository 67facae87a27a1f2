"""Dateline: read news reports, get sourced, structured facts — who said what, where and when.

>>> import dateline
>>> record = dateline.extract_text("Kyiv, Monday. “We will hold,” said Valery, a Ukrainian soldier.")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .settings import Options  # noqa: E402
from .types import Entity, Event, Mention, Place, Quote, Record, Source  # noqa: E402

__all__ = ["Entity", "Event", "Mention", "Options", "Place", "Quote", "Record", "Source", "__version__", "extract_text"]


def extract_text(text: str, *, url: str | None = None, title: str | None = None, published: str | None = None,
                 options: Options | None = None) -> Record:
    """One record from one text already in memory; raises ``ValueError`` if it cannot be processed.

    The same path as the command line (cleanup, language, the pipeline with the publication date set on the
    ``Doc`` before the components run), so both give the same record.
    """
    from .batch.work import annotate_batch
    from .ingest.document import RawDocument

    doc = RawDocument(origin="<text>", text=text, url=url, title=title, published=published)
    (outcome,) = annotate_batch([doc], options or Options(executor="serial"))
    if not outcome.ok:
        raise ValueError(outcome.error.message)
    return outcome.record
