"""Documents that break their worker on purpose, for the executors' tests.

A batch function in the shape of ``annotate_batch`` that, in the worker, lets a
marker in a document's text kill the process, block in C code, loop in Python
inside the pipeline's time budget, or raise. Module-level, so every executor can
ship it to its workers.
"""

from __future__ import annotations

import os
import signal
import time

from dateline.batch import work

KILL = "FAULT-KILL-WORKER"      # SIGKILL of the worker process, as the OOM killer would
BLOCK = "FAULT-BLOCK-IN-C"     # stuck in one C call: only the hard deadline (a new worker) ends it
LOOP = "FAULT-LOOP-FOREVER"    # a Python loop inside the annotation: the in-thread budget ends it
RAISE = "FAULT-RAISE"          # an extractor bug


def faulty_batch(docs, options, *, in_worker: bool = False):
    for doc in docs:
        if KILL in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if BLOCK in doc.text:
            time.sleep(3600)
    original = work.build_record

    def build_record(doc, spacy_doc):
        if LOOP in doc.text:
            while True:
                pass
        if RAISE in doc.text:
            raise RuntimeError("an extractor failed")
        return original(doc, spacy_doc)

    work.build_record = build_record
    try:
        return work.annotate_batch(docs, options, in_worker=in_worker)
    finally:
        work.build_record = original
