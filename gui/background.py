"""Reads too long for the GUI thread (every key of a 500,000-row list, a tally over
years) run on one reader thread with its own connection; results come back by signal.

The GUI thread's `ctx.reader` stays for the short reads (a page of rows). A caller that
starts a newer read of the same thing ignores the answers to older ones (see `Latest`).
"""
from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlite_utils import Database

log = logging.getLogger(__name__)


class Worker(QObject):
    """Runs `fn(db, *args, **kwargs)` requests on the thread it lives in, with that
    thread's own connection.

    Requests and results are handed over in a locked mailbox and the signals carry only
    the request's number: a Python object carried by a queued signal is released by Qt
    inside its connection lock, and that lock taken while the other thread holds the
    interpreter lock deadlocks the window (seen when a progress dialog closed while the
    worker finished a job).
    """

    finished = Signal(int)  # token
    progressed = Signal(int, int, int, str)  # token, done, total, message

    def __init__(self, opener: Callable[[], Database]):
        super().__init__()
        self._opener = opener
        self._db: Database | None = None
        self._lock = threading.Lock()
        self._requests: dict[int, tuple[Callable, tuple, dict]] = {}
        self._results: dict[int, tuple[Any, BaseException | None]] = {}

    def put(self, token: int, fn: Callable, args: tuple, kwargs: dict) -> None:
        with self._lock:
            self._requests[token] = (fn, args, kwargs)

    def take(self, token: int) -> tuple[Any, BaseException | None]:
        """The result (or error) of a finished request, handed over once."""
        with self._lock:
            return self._results.pop(token, (None, None))

    @Slot(int)
    def run(self, token: int) -> None:
        with self._lock:
            request = self._requests.pop(token, None)
        if request is None:
            return
        fn, args, kwargs = request
        del request
        try:
            if self._db is None:
                self._db = self._opener()
            outcome: tuple[Any, BaseException | None] = (fn(self._db, *args, **kwargs), None)
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            log.debug("job failed: %s", traceback.format_exc())
            outcome = (None, exc)
        del fn, args, kwargs
        with self._lock:
            self._results[token] = outcome
        del outcome
        self.finished.emit(token)

    @Slot()
    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class BackgroundReader(QObject):
    _dispatch = Signal(int)
    _close = Signal()

    def __init__(self, opener: Callable[[], Database], parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("tawthiq-reader")
        self._reader = Worker(opener)
        self._reader.moveToThread(self._thread)
        self._dispatch.connect(self._reader.run)
        self._close.connect(self._reader.close)
        self._reader.finished.connect(self._finished)
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._thread.start()

    def read(
        self, fn: Callable[..., Any], *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> int:
        """Run `fn(db, *args, **kwargs)` on the reader thread; returns a token."""
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error)
        self._reader.put(token, fn, args, kwargs)
        self._dispatch.emit(token)
        return token

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int)
    def _finished(self, token: int) -> None:
        result, error = self._reader.take(token)
        on_done, on_error = self._pending.pop(token, (None, None))
        if error is not None:
            if on_error is not None:
                on_error(error)  # type: ignore[arg-type]
            else:
                log.error("background read failed: %s", error)
        elif on_done is not None:
            on_done(result)

    def close(self) -> None:
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
        self._pending.clear()


class Latest:
    """Keeps only the answer to the newest request: `start()` returns callbacks that do
    nothing once a newer request has started."""

    def __init__(self) -> None:
        self._generation = 0

    def start(self, *callbacks: Callable[[Any], None]) -> list[Callable[[Any], None]]:
        self._generation += 1
        generation = self._generation

        def current(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(result: Any) -> None:
                if generation == self._generation:
                    callback(result)

            return deliver

        return [current(c) for c in callbacks]

    @property
    def generation(self) -> int:
        return self._generation
