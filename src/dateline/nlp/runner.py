"""The batch engine: prepared documents in, records out, on one or several cores.

Each worker process loads its pipelines once and runs ``nlp.pipe`` over batches
grouped by language. Results come back in input order; at most two batches per
worker are in flight, so memory stays bounded whatever the input size. Any
exception inside a document's processing becomes that document's error.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from ..ingest.dates import iso_date
from ..ingest.document import IngestError, RawDocument
from ..ingest.language import paragraph_languages
from ..ingest.prepare import prepare
from ..settings import Options
from ..types import LanguageSpan, Problem, Record, Source
from . import models
from .events import redate

log = logging.getLogger(__name__)

# Below this many documents a second process costs more (model loading) than it saves.
_PARALLEL_MIN_DOCS = 24


@dataclass(frozen=True)
class Outcome:
    """One input document's fate: a record, or the reason there is none."""

    origin: str
    record: Record | None = None
    error: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None


def annotate(docs: Iterable[RawDocument], options: Options, *, expected: int | None = None) -> Iterator[Outcome]:
    """Process documents into records, in order; never raises for a bad document."""
    workers = _workers(options, expected)
    batches = _batches(docs, options.batch_size)
    if workers <= 1:
        for batch in batches:
            yield from process_batch(batch, options)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_one_thread_each) as pool:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(pool.submit(process_batch, batch, options))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _one_thread_each() -> None:
    """One worker per core, so one BLAS thread per worker: the event classifier's matrix products would
    otherwise start a thread per core in every worker and make them fight over the cores."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _workers(options: Options, expected: int | None) -> int:
    if options.workers > 0:
        return options.workers
    if expected is not None and expected < _PARALLEL_MIN_DOCS:
        return 1
    return max(1, min(os.cpu_count() or 1, 2 if expected is None else os.cpu_count() or 1))


def _batches(docs: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def process_batch(batch: list[RawDocument], options: Options) -> list[Outcome]:
    """Prepare, then run each language's pipeline over its documents with ``nlp.pipe``."""
    outcomes: dict[int, Outcome] = {}
    by_language: dict[str, list[int]] = {}
    for i, doc in enumerate(batch):
        try:
            prepare(doc, options)
        except Exception as exc:  # a cleaner bug must not end the batch
            doc.error = IngestError("cleanup-crash", f"{type(exc).__name__}: {exc}", "cleanup")
        if not doc.ok:
            outcomes[i] = Outcome(doc.origin, error=doc.error.problem())
            continue
        by_language.setdefault(doc.language or "xx", []).append(i)
    for language, indices in by_language.items():
        try:
            nlp = models.load(language)
            parsed = nlp.pipe((batch[i].text for i in indices), batch_size=len(indices))
            for i, spacy_doc in zip(indices, parsed):
                outcomes[i] = Outcome(batch[i].origin, record=build_record(batch[i], spacy_doc))
        except Exception:
            log.exception("NLP failed on a %s batch; retrying one document at a time", language)
            for i in indices:
                if i not in outcomes:
                    outcomes[i] = _one(batch[i], language)
    return [outcomes[i] for i in range(len(batch))]


def _one(doc: RawDocument, language: str) -> Outcome:
    try:
        return Outcome(doc.origin, record=build_record(doc, models.load(language)(doc.text)))
    except Exception as exc:
        return Outcome(doc.origin, error=Problem("nlp", "nlp-crash", f"{type(exc).__name__}: {exc}"))


def build_record(doc: RawDocument, spacy_doc) -> Record:
    """Assemble the public record from the read document and its annotated ``Doc``."""
    ext = spacy_doc._
    published = iso_date(doc.published)
    return Record(
        id=doc.id,
        text=doc.text,
        source=Source(path=doc.path, url=doc.url, outlet=doc.outlet or _host(doc.url)),
        language=doc.language,
        paragraph_languages=tuple(LanguageSpan(s, e, lang) for s, e, lang in paragraph_languages(doc.text, doc.language)),
        title=doc.title,
        byline=tuple(doc.byline),
        published=published,
        entities=ext.entities or (),
        quotes=ext.quotes or (),
        places=ext.places or (),
        events=redate(ext.events or (), published),
        errors=tuple(doc.problems),
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    return host or None
