"""Reads too long for the GUI thread (every key of a 500,000-row list, a tally over
years) run on one reader thread with its own connection; results come back by signal.

The GUI thread's `ctx.reader` stays for the short reads (a page of rows). A caller that
starts a newer read of the same thing ignores the answers to older ones (see `Latest`).
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlite_utils import Database

log = logging.getLogger(__name__)


class _Reader(QObject):
    finished = Signal(int, object, object)  # token, result, error

    def __init__(self, opener: Callable[[], Database]):
        super().__init__()
        self._opener = opener
        self._db: Database | None = None

    @Slot(int, object, object, object)
    def run(self, token: int, fn: Callable, args: tuple, kwargs: dict) -> None:
        try:
            if self._db is None:
                self._db = self._opener()
            result = fn(self._db, *args, **kwargs)
        except Exception as exc:  # handed to the GUI thread
            self.finished.emit(token, None, exc)
        else:
            self.finished.emit(token, result, None)

    @Slot()
    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class BackgroundReader(QObject):
    _dispatch = Signal(int, object, object, object)
    _close = Signal()

    def __init__(self, opener: Callable[[], Database], parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("tawthiq-reader")
        self._reader = _Reader(opener)
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
        self._dispatch.emit(token, fn, args, kwargs)
        return token

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object, object)
    def _finished(self, token: int, result: object, error: object) -> None:
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
