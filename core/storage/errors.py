"""The problems with a database file that a user can act on, each with a plain message."""
from __future__ import annotations

import sqlite3

from core.i18n import tr


class StorageError(Exception):
    """A problem with the database file that the user can act on."""


class DiskFull(StorageError, sqlite3.OperationalError):
    """SQLite could not write (SQLITE_FULL). The transaction was rolled back, so the
    database is as it was before the write. Also a `sqlite3.OperationalError`, so code
    that expects one (sqlite-utils) still sees one."""

    def __init__(self, detail: str = ""):
        super().__init__(tr("The disk is full: the change was not saved and the database is as it was"
                            " before. Free some space and try again."))
        self.detail = detail


class ReadOnlyDatabase(StorageError, sqlite3.OperationalError):
    """A write to a database opened read-only (SQLITE_READONLY): nothing was changed."""

    def __init__(self, detail: str = ""):
        super().__init__(tr("This database is open read-only here, because another Tawthiq window is writing"
                            " to it: the change was not saved. Close the other window and open it again."))
        self.detail = detail


class PasswordRequired(StorageError):
    """The database is encrypted and no user name and password (or key) was given."""


class WrongPassword(StorageError):
    """The user name and password do not unlock the database."""

    def __init__(self) -> None:
        super().__init__(tr("The user name or password is wrong."))


class DatabaseInUse(StorageError):
    """Another Tawthiq process has the database open for writing."""

    def __init__(self, path: str, pid: int | None):
        self.path = path
        self.pid = pid
        who = tr(" (process {pid})", pid=pid) if pid else ""
        super().__init__(tr("{path} is already open in another Tawthiq window{who}.", path=path, who=who))
