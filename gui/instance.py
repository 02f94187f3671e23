"""One window writes to a database at a time: a second one opens it read-only, and says so."""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from core.storage import DatabaseInUse, open_database
from core.storage.lock import InstanceLock

Opener = Callable[[], Database]


def claim_database(db_path: str | Path, opener: Opener | None) -> tuple[InstanceLock | None, Opener, str | None]:
    """Take the one-writer lock of the database. When another Tawthiq process holds it,
    return a read-only opener and the message to show; otherwise the lock (to hold while
    the window is open), the opener and no message."""
    db_path = Path(db_path)
    opener = opener or functools.partial(open_database, db_path)
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except DatabaseInUse as exc:
        who = QCoreApplication.translate("AppStart", " (process %1)").replace("%1", str(exc.pid)) if exc.pid else ""
        message = QCoreApplication.translate(
            "AppStart",
            "%1 is already open in another Tawthiq window%2. It is opened here read-only: you can read, but not save.",
        ).replace("%1", db_path.name).replace("%2", who)
        return None, _read_only(opener), message
    return lock, opener, None


def _read_only(opener: Opener) -> Opener:
    if isinstance(opener, functools.partial):
        return functools.partial(opener.func, *opener.args, **{**opener.keywords, "read_only": True, "create": False})
    raise TypeError("a read-only opener needs an opener made by core.storage")
