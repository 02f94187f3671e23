"""The SQLite file: opening it, its schema, and the queries over it.

:func:`open_database` is the one place a database is opened, so that pragmas and
encryption are set in one place. Every database is opened with SQLCipher through
:mod:`core.storage.driver`, whose errors are the standard `sqlite3` classes; an encrypted
one needs its key, unwrapped from the key file beside it (:mod:`core.storage.keys`) with
an account's user name and password.
"""
from __future__ import annotations

import functools
import sqlite3
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.i18n import tr
from core.jobs import JobState
from core.models import new_uuid, utc_now
from core.storage import driver, keys
from core.storage.errors import (
    DatabaseInUse,
    DiskFull,
    PasswordRequired,
    ReadOnlyDatabase,
    StorageError,
    WrongPassword,
)
from core.storage.schema import (
    apply_migrations,
    current_version,
    latest_version,
    pending_migrations,
)

__all__ = [
    "DatabaseInUse", "DiskFull", "PasswordRequired", "ReadOnlyDatabase", "Session", "StorageError", "WrongPassword",
    "get_meta", "is_encrypted", "open_database", "origin", "pending_migrations", "session", "set_meta",
    "upgrade_database", "without_migrating",
]

SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_KIB = 32 * 1024
# Pages of new plain databases. Larger pages than SQLite's 4 KiB hold a record's history
# entry or an approved snapshot with fewer overflow pages and make shallower indexes: an
# import of 500,000 victims took 16 % less time (bench/README.md). New encrypted
# databases have them too (core.storage.driver.ENCRYPTED_PAGE_SIZE).
PLAIN_PAGE_SIZE = 16384


@dataclass(frozen=True)
class Session:
    """Where an open database lives and the key that opened it (None: a plain file)."""

    path: Path
    key: bytes | None
    read_only: bool = False

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def opener(self, *, read_only: bool | None = None) -> Callable[[], Database]:
        """A function that opens another connection to the same database (one per thread);
        with `read_only`, connections that cannot write."""
        ro = self.read_only if read_only is None else read_only
        return functools.partial(open_database, self.path, key=self.key, create=False, read_only=ro,
                                 encrypt=self.key is not None)


_SESSIONS: weakref.WeakKeyDictionary[Database, Session] = weakref.WeakKeyDictionary()


def session(db: Database) -> Session:
    """The path and key of a database opened by :func:`open_database`."""
    return _SESSIONS[db]


def is_encrypted(path: str | Path) -> bool:
    """Whether the database file at `path` is encrypted (a new or empty file is not)."""
    path = Path(path)
    header = _header(path)
    if header == SQLITE_HEADER or not header:
        return False
    # Anything else is either SQLCipher pages (whole pages, with a key file beside them)
    # or a file that is no database at all.
    return keys.key_file_path(path).exists() or path.stat().st_size % 512 == 0


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return b""


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    label: str = "",
    user: str | None = None,
    password: str | None = None,
    key: bytes | None = None,
    encrypt: bool | None = None,
    read_only: bool = False,
    migrate: bool = True,
) -> Database:
    """Open (or create) a Tawthiq database, apply pending migrations, and return it.

    An encrypted file needs `user` and `password` (an account in its key file) or its
    raw `key`; otherwise :class:`PasswordRequired`, and :class:`WrongPassword` when they
    do not unlock it. A new file is created encrypted when credentials are given (or
    `encrypt=True`, which then requires them) and plain otherwise; `encrypt=False` forces
    a plain file. With `read_only`, nothing is written and no migration runs. With
    `migrate=False`, pending migrations are left for :func:`upgrade_database` (so that a
    long upgrade can run where it is shown; see :func:`pending_migrations`).

    The connection belongs to the calling thread. WAL journal, foreign keys on,
    `synchronous=FULL` so that a save that returned survives a power cut.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and (not create or read_only):
        raise StorageError(tr("There is no database at {path}.", path=path))
    if path.parent and not path.parent.exists():
        raise StorageError(tr("The folder {path} does not exist.", path=path.parent))
    from_key_file = False
    if exists and not is_encrypted(path) and _header(path) != SQLITE_HEADER:
        raise StorageError(tr("{path} cannot be opened as a Tawthiq database: {error}.", path=path,
                              error=tr("it is not a database file")))
    if exists and is_encrypted(path):
        if key is None:
            if not user or password is None:
                raise PasswordRequired(tr("{path} is encrypted: give your user name and password.", path=path))
            key = keys.unlock(path, user, password)
            from_key_file = True
    elif exists:
        key = None  # a plain file: credentials, if any, are checked by the accounts
    elif encrypt is False:
        key = None
    elif key is None and user and password is not None:
        _set_aside_orphan_key_file(path)
        key = keys.create_key_file(path, user, password)
    elif key is None and encrypt:
        raise PasswordRequired(tr("Give a user name and password to create the encrypted database {path}.",
                                  path=path))
    try:
        conn = driver.connect(str(path), key=key, read_only=read_only)
        if not exists and key is None:
            # A new plain file: set before anything is written, kept in its header.
            conn.execute(f"PRAGMA page_size = {PLAIN_PAGE_SIZE}")
        db = Database(conn)  # type: ignore[arg-type]
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if key is None:
                raise
            if from_key_file:
                raise StorageError(tr("The key file beside {path} does not belong to this database.",
                                      path=path)) from exc
            raise WrongPassword() from exc
        _configure(db, read_only)
        if current_version(db) > latest_version():
            raise StorageError(tr(
                "{path} was made by a newer version of Tawthiq (schema {version}); update the application"
                " to open it.", path=path, version=current_version(db)))
        if not migrate:
            if not read_only and not pending_migrations(db):
                _ensure_identity(db, label)
        elif read_only:
            if pending_migrations(db):
                raise StorageError(tr("{path} needs an upgrade that cannot be made while it is opened read-only.",
                                      path=path))
        else:
            apply_migrations(db)
            _ensure_identity(db, label)
    except (StorageError, sqlite3.DatabaseError) as exc:
        if isinstance(exc, StorageError):
            raise
        raise StorageError(tr("{path} cannot be opened as a Tawthiq database: {error}.", path=path, error=exc)) from exc
    _SESSIONS[db] = Session(path=path.resolve(), key=key, read_only=read_only)
    if key is not None:
        from core.storage import account_keys

        account_keys.install()  # accounts created or removed from here on follow in the key file
    return db


def upgrade_database(db: Database, job: JobState | None = None) -> list[int]:
    """Apply the migrations a database opened with `migrate=False` lacks, each in its own
    transaction; long ones report progress through `job`. Returns their numbers."""
    applied = apply_migrations(db, job=job)
    _ensure_identity(db)
    return applied


def without_migrating(opener: Callable[[], Database]) -> Callable[[], Database]:
    """The same opener (one made by `functools.partial(open_database, ...)`), leaving
    pending migrations for :func:`upgrade_database`."""
    if not (isinstance(opener, functools.partial) and opener.func is open_database):
        raise TypeError("an opener made by core.storage is needed")
    return functools.partial(open_database, *opener.args, **{**opener.keywords, "migrate": False})


def _set_aside_orphan_key_file(path: Path) -> None:
    """A key file without its database (a creation that stopped half-way, a deleted
    database) is kept aside rather than overwritten or silently reused."""
    orphan = keys.key_file_path(path)
    if orphan.exists():
        orphan.rename(orphan.with_name(f"{orphan.name}.orphan-{utc_now().replace(':', '')}"))


def _configure(db: Database, read_only: bool = False) -> None:
    if not read_only:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA busy_timeout = 5000")
    # SQLCipher decrypts a page each time it enters SQLite's page cache: a cache larger than
    # the default 2 MB keeps the pages of repeated tallies decrypted (memory is spent only
    # as pages are read).
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _ensure_identity(db: Database, label: str = "") -> None:
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
