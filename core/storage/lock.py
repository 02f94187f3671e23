"""One writing Tawthiq process per database file.

A lock file beside the database (`NAME.db.lock`) is locked with `fcntl.flock` (on
Windows `msvcrt.locking`) and holds the PID of the process that writes. The operating
system releases the lock when that process ends, even by a crash or a kill, so a stale
lock file never blocks anyone; the PID is only there to name who holds it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from core.storage.errors import DatabaseInUse

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def lock_file_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """Held while this process may write to the database at `db_path`.

    `acquire()` raises :class:`DatabaseInUse` (naming the other process) when another
    process holds it. Use as a context manager, or call `release()`.
    """

    def __init__(self, db_path: str | Path):
        self.db_path = Path(db_path)
        self.path = lock_file_path(db_path)
        self._fh: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> InstanceLock:
        if self._fh is not None:
            return self
        fh = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 (kept open while locked)
        if not _try_lock(fh):
            fh.seek(0)
            text = fh.read().strip()
            fh.close()
            raise DatabaseInUse(str(self.db_path), int(text) if text.isdigit() else None)
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            self._fh.seek(0)
            self._fh.truncate()
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def holder(db_path: str | Path) -> int | None:
    """The PID of the process writing to the database, or None when nobody is."""
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except DatabaseInUse as exc:
        return exc.pid or -1
    lock.release()
    return None
