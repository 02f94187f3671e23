"""What every window shares: the database, the current user, and one writer thread.

- Reads: `ctx.reader` is a connection owned by the GUI thread, passed to core query
  functions (never used for SQL in a widget). Reads are short (indexed, paged).
- Writes and long jobs: `ctx.submit(fn, *args, ...)` runs `fn(db, *args, **kwargs)` on
  the one writer thread, with that thread's own connection, and calls `on_done(result)`
  or `on_error(exc)` back on the GUI thread. Nothing on the worker touches a widget.
- When a result is a :class:`core.changes.Changes` (or has a `.changes` attribute),
  `ctx.changed` is emitted with it, and each view refreshes what concerns it.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlite_utils import Database

from core.changes import Changes
from core.jobs import JobState
from core.storage import open_database
from gui.background import BackgroundReader, Worker

log = logging.getLogger(__name__)

Opener = Callable[[], Database]


class GuiJob(JobState):
    """A job state whose progress reaches the GUI thread by signal."""

    def __init__(self, writer: Worker, token: int):
        super().__init__()
        self._writer = writer
        self._token = token

    def progress(self, done: int, total: int, message: str = "") -> None:
        super().progress(done, total, message)
        self._writer.progressed.emit(self._token, done, total, message)


class AppContext(QObject):
    changed = Signal(object)  # Changes
    busy_changed = Signal(bool)
    _dispatch = Signal(int)
    _close_writer = Signal()

    def __init__(self, db_path: str | Path, user: str, opener: Opener | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.user = user
        self._opener: Opener = opener or (lambda: open_database(self.db_path))
        self.reader: Database = self._opener()
        self._thread = QThread()
        self._thread.setObjectName("tawthiq-writer")
        self._writer = Worker(self._opener)
        self._writer.moveToThread(self._thread)
        self._dispatch.connect(self._writer.run)
        self._close_writer.connect(self._writer.close)
        self._writer.finished.connect(self._finished)
        self._writer.progressed.connect(self._progressed)
        self._thread.start()
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Callable | None, Callable | None, Callable | None]] = {}
        self._background: BackgroundReader | None = None
        self._readers: dict[str, BackgroundReader] = {}
        self.closing = False

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        with_job: bool = False,
        **kwargs: Any,
    ) -> JobState | None:
        """Run `fn(db, *args, **kwargs)` on the writer thread. With `with_job`, a job state
        is passed as the keyword `job` and returned here, so the caller can cancel it."""
        token = next(self._tokens)
        job = GuiJob(self._writer, token) if with_job else None
        if job is not None:
            kwargs = {**kwargs, "job": job}
        self._pending[token] = (on_done, on_error, on_progress)
        self.busy_changed.emit(True)
        self._writer.put(token, fn, args, kwargs)
        self._dispatch.emit(token)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int)
    def _finished(self, token: int) -> None:
        result, error = self._writer.take(token)
        on_done, on_error, _ = self._pending.pop(token, (None, None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        if error is not None:
            if on_error is not None:
                on_error(error)  # type: ignore[arg-type]
            else:
                log.error("background job failed: %s", error)
            return
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes) and changes:
            self.changed.emit(changes)
        if on_done is not None:
            on_done(result)

    @Slot(int, int, int, str)
    def _progressed(self, token: int, done: int, total: int, message: str) -> None:
        entry = self._pending.get(token)
        if entry and entry[2] is not None:
            entry[2](done, total, message)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Process events until every submitted job has finished (for tests and shutdown)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(2)
        return not self._pending

    @property
    def background(self) -> BackgroundReader:
        """A reader thread with its own connection, for reads too long for the GUI thread."""
        if self._background is None:
            self._background = BackgroundReader(self._opener, self)
        return self._background

    def reader_of(self, name: str) -> BackgroundReader:
        """A reader thread of `name`'s own, so that its reads never queue behind other
        views' long ones (the tallies must follow a save within 300 ms)."""
        if name not in self._readers:
            self._readers[name] = BackgroundReader(self._opener, self)
        return self._readers[name]

    def close(self) -> None:
        self.closing = True  # nothing new is started on the way out
        self.wait_idle()
        if self._background is not None:
            self._background.close()
        for reader in self._readers.values():
            reader.close()
        self._close_writer.emit()
        self._thread.quit()
        self._thread.wait()
        self.reader.close()
