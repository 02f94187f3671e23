"""The SQLite file: opening it, its schema, and the queries over it.

:func:`open_database` is the one place a database is opened, so that pragmas (and
encryption) are set in one place.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from core.models import new_uuid, utc_now
from core.storage.schema import apply_migrations, current_version, latest_version


class StorageError(Exception):
    """A problem with the database file that the user can act on."""


def open_database(path: str | Path, *, create: bool = True, label: str = "") -> Database:
    """Open (or create) a Tawthiq database, apply pending migrations, and return it.

    The connection belongs to the calling thread. WAL journal, foreign keys on,
    `synchronous=FULL` so that a save that returned survives a power cut.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StorageError(f"There is no database at {path}.")
    if path.parent and not path.parent.exists():
        raise StorageError(f"The folder {path.parent} does not exist.")
    try:
        conn = sqlite3.connect(str(path))
        db = Database(conn)
        _configure(db)
        if current_version(db) > latest_version():
            raise StorageError(
                f"{path} was made by a newer version of Tawthiq (schema {current_version(db)});"
                " update the application to open it."
            )
        apply_migrations(db)
        _ensure_identity(db, label)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} cannot be opened as a Tawthiq database: {exc}.") from exc
    return db


def _configure(db: Database) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA busy_timeout = 5000")


def _ensure_identity(db: Database, label: str) -> None:
    if get_meta(db, "origin") is None:
        with db.atomic():
            set_meta(db, "origin", new_uuid())
            set_meta(db, "created_at", utc_now())
            set_meta(db, "origin_label", label)


def get_meta(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def origin(db: Database) -> str:
    """The UUID naming this database, fixed when it was created."""
    value = get_meta(db, "origin")
    assert value is not None
    return value
