"""The batch engine: read documents in, outcomes out, in input order, on any executor.

Documents that could not be read never reach a worker: their error is passed
through in place. Everything else goes in batches of ``--batch-size`` to the
executor, which bounds how many are in flight.
"""

from __future__ import annotations

import os
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from ..ingest.document import RawDocument
from ..nlp.models import build_resources
from ..settings import Options
from .executors import Executor, make_executor
from .outcome import Outcome

# Below this many documents a second process costs more (model loading) than it saves.
PARALLEL_MIN_DOCS = 24


def annotate(docs: Iterable[RawDocument], options: Options, *, expected: int | None = None,
             executor: Executor | None = None) -> Iterator[Outcome]:
    """Records (or per-document errors) for ``docs``, in order; never raises for a bad document."""
    if executor is not None:
        yield from _through(executor, docs, options)
        return
    if options.executor != "serial":
        build_resources()  # once, here, rather than in every worker at the same time
    with make_executor(options, workers(options, expected)) as own:
        yield from _through(own, docs, options)


def workers(options: Options, expected: int | None) -> int:
    if options.workers > 0:
        return options.workers
    if options.executor == "processes" and expected is not None and expected < PARALLEL_MIN_DOCS:
        return 1
    return max(1, os.cpu_count() or 1)


def _through(executor: Executor, docs: Iterable[RawDocument], options: Options) -> Iterator[Outcome]:
    sent: deque[list[RawDocument]] = deque()  # whole batches, unreadable documents included, in order

    # Several workers: smaller batches, so none waits long at the end for the last one (nlp.pipe still batches).
    size = options.batch_size if executor.workers <= 1 else max(4, options.batch_size // 4)

    def readable() -> Iterator[list[RawDocument]]:
        for batch in _batches(docs, size):
            sent.append(batch)
            yield [doc for doc in batch if doc.ok]

    for outcomes in executor.run(readable()):
        done = iter(outcomes)
        for doc in sent.popleft():
            yield next(done) if doc.ok else Outcome(doc.origin, error=doc.error)


def _batches(docs: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch
