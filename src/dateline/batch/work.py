"""What a worker does with one batch: prepare each document, then annotate each language with ``nlp.pipe``.

Runs the same in the main process (serial executor), a worker process, or a Dask
worker. Every document gets its own time budget (``deadline``); one that overruns
or raises becomes that document's error and the rest of the batch goes on, read
again from the next document with a fresh ``nlp.pipe`` stream.
"""

from __future__ import annotations

import logging
import os
import threading

from ..ingest.document import RawDocument
from ..ingest.prepare import prepare
from ..nlp import models
from ..nlp.context import pipe_with_context
from ..settings import Options
from .deadline import DocumentTimeout, budget, time_limit
from .outcome import Outcome, failed
from .record import build_record, context_of

log = logging.getLogger(__name__)


def annotate_batch(docs: list[RawDocument], options: Options, *, in_worker: bool = False) -> list[Outcome]:
    """One outcome per document, in order; never raises for a bad document."""
    if in_worker:
        worker_setup()
    outcomes: list[Outcome | None] = [None] * len(docs)
    by_language: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        outcome = _prepare(doc, options)
        if outcome is not None:
            outcomes[i] = outcome
        else:
            by_language.setdefault(doc.language or "xx", []).append(i)
    for language, indices in by_language.items():
        try:
            nlp = models.load(language)
        except Exception as exc:  # a broken model install: every document of the language says so
            for i in indices:
                outcomes[i] = failed(docs[i].origin, "nlp", "no-pipeline",
                                     f"cannot load a pipeline for {language!r}: {type(exc).__name__}: {exc}")
            continue
        _annotate(nlp, docs, indices, options, outcomes)
    return outcomes  # type: ignore[return-value]


def _prepare(doc: RawDocument, options: Options) -> Outcome | None:
    """Cleanup, headline and language; an outcome only when the document stops here."""
    seconds = budget(len(doc.text), options)
    try:
        with time_limit(seconds):
            prepare(doc, options)
    except DocumentTimeout:
        return failed(doc.origin, "cleanup", "timeout", f"cleanup took longer than {seconds:.0f} s")
    except Exception as exc:  # a cleaner bug must not end the batch
        log.debug("cleanup crashed on %s", doc.origin, exc_info=True)
        return failed(doc.origin, "cleanup", "crash", f"{type(exc).__name__}: {exc}")
    return None if doc.ok else Outcome(doc.origin, error=doc.error)


def _annotate(nlp, docs: list[RawDocument], indices: list[int], options: Options, outcomes: list) -> None:
    """``nlp.pipe`` over ``indices``; after a timeout or a crash, a new stream from the next document."""
    pos = 0
    while pos < len(indices):
        stream_start = pos
        todo = indices[pos:]
        stream = pipe_with_context(nlp, ((docs[i].text, context_of(docs[i]), i) for i in todo),
                                   batch_size=options.batch_size)
        try:
            while pos < len(indices):
                i = indices[pos]
                seconds = budget(_chars_due(docs, indices, pos, stream_start, options.batch_size), options)
                with time_limit(seconds):
                    spacy_doc, _ = next(stream)
                    outcomes[i] = Outcome(docs[i].origin, record=build_record(docs[i], spacy_doc))
                pos += 1
        except DocumentTimeout:
            outcomes[indices[pos]] = _timed_out(docs[indices[pos]], seconds)
            pos += 1
        except Exception:
            # A trained component runs on a whole mini-batch: read this document alone to see if it is the culprit.
            i = indices[pos]
            log.debug("NLP failed at %s; reading it alone", docs[i].origin, exc_info=True)
            outcomes[i] = _alone(nlp, docs[i], options)
            pos += 1
        finally:
            stream.close()


def _alone(nlp, doc: RawDocument, options: Options) -> Outcome:
    seconds = budget(len(doc.text), options)
    try:
        with time_limit(seconds):
            (spacy_doc, _), = pipe_with_context(nlp, [(doc.text, context_of(doc), 0)])
            return Outcome(doc.origin, record=build_record(doc, spacy_doc))
    except DocumentTimeout:
        return _timed_out(doc, seconds)
    except Exception as exc:
        log.debug("NLP crashed on %s", doc.origin, exc_info=True)
        return failed(doc.origin, "nlp", "crash", f"{type(exc).__name__}: {exc}")


def _timed_out(doc: RawDocument, seconds: float) -> Outcome:
    return failed(doc.origin, "nlp", "timeout", f"no result within {seconds:.0f} s (the time budget, see --doc-timeout)")


def _chars_due(docs, indices, pos, stream_start, batch_size) -> int:
    """Characters processed before the next document comes out: a whole mini-batch at its first document
    (the trained components run batch-wise), else the document alone."""
    if (pos - stream_start) % batch_size == 0:
        return sum(len(docs[i].text) for i in indices[pos: pos + batch_size])
    return len(docs[indices[pos]].text)


_SET_UP = False


def worker_setup(languages: tuple[str, ...] = ()) -> None:
    """Once per worker process: one BLAS thread (one worker per core), exit when the parent is gone, and load
    the pipelines of ``languages`` now, so a batch's time is spent reading, not loading."""
    global _SET_UP
    if _SET_UP:
        return
    _SET_UP = True
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), name="dateline-orphan-check", daemon=True).start()
    warm_up(languages)


def warm_up(languages: tuple[str, ...]) -> None:
    """Load the pipelines of ``languages`` and read one sentence, so the language detector, the place index
    and the classifier are loaded too: their first use is not counted in a document's time budget."""
    for language in languages:
        try:
            models.load(language)
        except Exception:  # reported per document when a batch needs it
            log.warning("cannot load the %s pipeline", language, exc_info=True)
    if languages:
        annotate_batch([RawDocument(origin="warm-up", text=_WARM_UP)], Options(doc_timeout=0))


_WARM_UP = "Police in Kyiv said two drones were shot down on Monday, the mayor told reporters."


def preloaded_languages(options: Options) -> tuple[str, ...]:
    """The pipelines a worker loads at start: the forced language, or every language with a trained model."""
    return (options.language,) if options.language != "auto" else tuple(models.MODELS)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL cannot be caught) is re-parented: it stops instead of
    holding its memory forever."""
    import time

    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)
