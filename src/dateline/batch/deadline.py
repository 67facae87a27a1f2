"""A time budget for one document, enforced in whatever thread runs it.

A rule that loops on some input must cost that document, not the batch. Signals
(``SIGALRM``) only reach a process's main thread, and a Dask worker runs tasks in
other threads, so a watchdog thread raises :class:`DocumentTimeout` *inside* the
thread that overran (CPython's ``PyThreadState_SetAsyncExc``). That interrupts any
Python code, which is where our extractors live; code stuck inside one C call is
only interrupted when the call returns, so the process executor also kills a
worker that overruns its hard deadline (see ``executors``).
"""

from __future__ import annotations

import ctypes
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class DocumentTimeout(BaseException):
    """Raised in a thread that overran its budget. A ``BaseException``, so ``except Exception`` in an
    extractor cannot swallow it and loop on."""


def budget(chars: int, options) -> float | None:
    """Seconds allowed for ``chars`` characters of text: ``--doc-timeout`` plus a per-character allowance
    (None when ``--doc-timeout`` is 0: no limit)."""
    if options.doc_timeout <= 0:
        return None
    return options.doc_timeout + options.doc_timeout_per_char * max(0, chars)


class _Watchdog:
    """One daemon thread per process that fires the deadlines of every thread that armed one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._armed: dict[int, tuple[float, int]] = {}  # thread id -> (deadline, arm token)
        self._fired: set[tuple[int, int]] = set()
        self._tokens = 0
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        with self._lock:
            self._tokens += 1
            self._armed[threading.get_ident()] = (time.monotonic() + seconds, self._tokens)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="dateline-deadline", daemon=True)
                self._thread.start()
            self._wake.notify()
            return self._tokens

    def disarm(self, token: int) -> None:
        """Stop watching; a deadline that fired but whose exception is still pending is cancelled."""
        ident = threading.get_ident()
        with self._lock:
            if self._armed.get(ident, (0, None))[1] == token:
                del self._armed[ident]
            if (ident, token) in self._fired:
                self._fired.discard((ident, token))
                _raise_in(ident, None)  # cancel the exception if it has not been delivered yet

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                due = [(ident, token) for ident, (deadline, token) in self._armed.items() if deadline <= now]
                for ident, token in due:
                    del self._armed[ident]
                    self._fired.add((ident, token))
                    _raise_in(ident, DocumentTimeout)
                nearest = min((d for d, _ in self._armed.values()), default=None)
                self._wake.wait(None if nearest is None else max(0.0, nearest - now))


def _raise_in(ident: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc) if exc else None)


_WATCHDOG = _Watchdog()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread if the block runs longer than ``seconds`` (None: no limit)."""
    if seconds is None:
        yield
        return
    token = _WATCHDOG.arm(seconds)
    try:
        yield
    except DocumentTimeout:
        _WATCHDOG.disarm(token)
        raise
    _WATCHDOG.disarm(token)  # fired just as the block ended: it finished, so its result stands
