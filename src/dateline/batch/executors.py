"""Where batches run: this process, a pool of worker processes, or a Dask cluster; one interface.

Every executor takes batches of read documents and gives back their outcomes in
input order, with a bounded number of batches in flight (memory stays flat on any
input size). A batch whose worker dies or stops answering is read again one
document at a time, so the document that did it is the only one lost, with the
reason (``worker/died``, ``nlp/timeout``). Only plain data crosses a process.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable, Iterable, Iterator

from ..ingest.document import RawDocument
from ..settings import Options
from .deadline import budget
from .outcome import Outcome, failed
from .work import annotate_batch, preloaded_languages, warm_up, worker_setup

log = logging.getLogger(__name__)

EXECUTORS = ("serial", "processes", "dask")

Work = Callable[..., list[Outcome]]  # (batch, options, *, in_worker) -> outcomes, a module-level function

# Workers load their pipelines before their first batch (``worker_setup``); this covers what is left (a
# blank pipeline, the place index's first pages).
_STARTUP_SECONDS = 10.0


class Executor:
    """Runs ``annotate_batch`` over batches; a context manager that stops its workers on exit."""

    workers = 1

    def run(self, batches: Iterable[list[RawDocument]]) -> Iterator[list[Outcome]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SerialExecutor(Executor):
    """In this process: the time budget still holds, but a crash of the interpreter itself would end the run."""

    def __init__(self, options: Options, work: Work = annotate_batch):
        self.options = options
        self.work = work

    def run(self, batches):
        warmed = False
        for batch in batches:
            if batch and not warmed:  # the first document's budget is not spent loading models
                warm_up(preloaded_languages(self.options)[:1])
                warmed = True
            yield self.work(batch, self.options)


class _Pooled(Executor):
    """Submission and in-order collection with a bounded window, shared by the pool and Dask executors."""

    def __init__(self, options: Options, workers: int, work: Work):
        self.options = options
        self.workers = workers
        self.work = work

    def run(self, batches):
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch) if batch else None))
            if len(pending) >= 2 * self.workers:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _collect(self, batch: list[RawDocument], future) -> list[Outcome]:
        if future is None:
            return []
        try:
            return self._result(future, batch)
        except _Lost as lost:
            if len(batch) == 1:
                return [lost.outcome(batch[0])]
            log.info("a worker was lost on a batch of %d documents (%s); reading them one at a time", len(batch), lost)
            singles = [([doc], self._submit([doc])) for doc in batch]
            return [outcome for single in singles for outcome in self._collect(*single)]

    def _hard_deadline(self, batch: list[RawDocument]) -> float | None:
        """Past this a worker is stuck in code the in-thread budget cannot interrupt, and is replaced."""
        seconds = budget(sum(len(d.text) + len(d.html or "") for d in batch), self.options)
        return None if seconds is None else 2 * seconds + _STARTUP_SECONDS

    def _submit(self, batch):
        raise NotImplementedError

    def _result(self, future, batch):
        raise NotImplementedError


class _Lost(Exception):
    """A task that came back with no outcomes: its worker died, or never answered."""

    def __init__(self, stage: str, code: str, message: str):
        super().__init__(message)
        self.stage, self.code = stage, code

    def outcome(self, doc: RawDocument) -> Outcome:
        return failed(doc.origin, self.stage, self.code, str(self))


def _died(detail: str) -> _Lost:
    return _Lost("worker", "died", f"the worker process died while reading this document ({detail}); it was replaced")


def _stuck(seconds: float | None) -> _Lost:
    return _Lost("nlp", "timeout", f"no answer within {seconds or 0:.0f} s; the worker was stopped and replaced")


class ProcessExecutor(_Pooled):
    """Worker processes on this machine (``pebble``): a worker that dies or overruns is replaced, the pool goes on."""

    def __init__(self, options: Options, workers: int, work: Work = annotate_batch):
        from pebble import ProcessPool

        super().__init__(options, workers, work)
        # forkserver: workers start from a clean single-threaded server (no inherited locks from our threads),
        # which has already imported the pipeline code once for all of them.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["dateline.batch.work"])
        self.pool = ProcessPool(max_workers=workers, initializer=worker_setup, initargs=(preloaded_languages(options),),
                                context=context)

    def _submit(self, batch):
        return self.pool.schedule(self.work, args=(batch, self.options), kwargs={"in_worker": True},
                                  timeout=self._hard_deadline(batch))

    def _result(self, future, batch):
        from pebble import ProcessExpired

        try:
            return future.result()
        except FutureTimeout:
            raise _stuck(self._hard_deadline(batch)) from None
        except ProcessExpired as exc:
            raise _died(_exit_detail(exc.exitcode)) from None
        except Exception as exc:  # the task could not run at all (e.g. it did not pickle): every document says so
            raise _Lost("worker", "crash", f"{type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        self.pool.stop()
        self.pool.join(timeout=10)


def _exit_detail(code: int | None) -> str:
    if code is not None and code < 0:
        import signal

        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class DaskExecutor(_Pooled):
    """A Dask cluster: the one at ``--scheduler``, or a ``LocalCluster`` of worker processes on this machine."""

    def __init__(self, options: Options, workers: int, work: Work = annotate_batch):
        import dask
        from distributed import Client, LocalCluster

        super().__init__(options, workers, work)
        self.cluster = None
        # A document that kills a worker is not retried on the next one: we read its batch again alone.
        # A worker gets a task only when its thread is free (saturation 1.0), so a worker that dies takes
        # only the task it was running down with it.
        dask.config.set({"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0})
        if options.scheduler:
            self.client = Client(options.scheduler, timeout="30s")
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        else:
            if not log.isEnabledFor(logging.INFO):  # the cluster's own start and stop chatter
                logging.getLogger("distributed").setLevel(logging.ERROR)
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.client.register_plugin(_worker_setup_plugin(preloaded_languages(options)), name="dateline-setup")

    def _submit(self, batch):
        return self.client.submit(self.work, batch, self.options, in_worker=True, pure=False)

    def _result(self, future, batch):
        from distributed import KilledWorker

        deadline = self._hard_deadline(batch)
        deadline = None if deadline is None else 2 * deadline  # counted from here: it may wait behind one batch
        try:
            return future.result(timeout=deadline)
        except KilledWorker:
            if len(batch) == 1 and not getattr(future, "_dateline_retry", False):
                # On a cluster we do not configure, a task queued on a dying worker is blamed too: read it again.
                again = self._submit(batch)
                again._dateline_retry = True
                return self._result(again, batch)
            raise _died("the Dask worker was lost") from None
        except (FutureTimeout, TimeoutError):
            self._restart_stuck(future)
            raise _stuck(deadline) from None
        except Exception as exc:
            raise _Lost("worker", "crash", f"{type(exc).__name__}: {exc}") from None

    def _restart_stuck(self, future) -> None:
        """A task stuck past its hard deadline holds its worker's only thread: restart that worker."""
        stuck = [addr for addr, keys in self.client.processing().items() if future.key in keys]
        future.cancel()
        if stuck:
            try:
                self.client.restart_workers(stuck, timeout=60)
            except Exception:  # a worker without a nanny cannot be restarted; the scheduler still reassigns work
                log.warning("could not restart stuck Dask worker(s) %s", stuck, exc_info=True)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _worker_setup_plugin(languages: tuple[str, ...]):
    """A Dask worker plugin that runs ``worker_setup`` as each worker starts (and restarts)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class WorkerSetup(WorkerPlugin):
        def setup(self, worker) -> None:
            worker_setup(languages)

    return WorkerSetup()


def make_executor(options: Options, workers: int, work: Work = annotate_batch) -> Executor:
    """The executor ``options`` asks for; ``work`` is what runs on a batch (tests inject faults through it)."""
    if options.executor == "serial" or (options.executor == "processes" and workers <= 1):
        return SerialExecutor(options, work)
    if options.executor == "processes":
        return ProcessExecutor(options, workers, work)
    if options.executor == "dask":
        return DaskExecutor(options, max(1, workers), work)
    raise ValueError(f"unknown executor {options.executor!r}; choose from {', '.join(EXECUTORS)}")
