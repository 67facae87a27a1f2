"""The batch engine, above ``ingest`` and ``nlp``: read → prepare → annotate → hand records on.

``jobs`` holds the two jobs (extract, ingest), ``engine`` orders and batches,
``executors`` runs batches here, in worker processes or on Dask, ``work`` is what
a worker does with a batch, and ``deadline`` bounds each document's time.
"""

from .engine import annotate
from .executors import EXECUTORS, make_executor
from .jobs import IngestReport, extract, ingest
from .outcome import Outcome
from .work import annotate_batch

__all__ = ["EXECUTORS", "IngestReport", "Outcome", "annotate", "annotate_batch", "extract", "ingest", "make_executor"]
