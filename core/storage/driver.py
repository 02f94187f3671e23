"""The SQLite driver: SQLCipher, seen through the standard library's exception classes.

Every database, encrypted or plain, is opened with `sqlcipher3` (SQLCipher reads and
writes ordinary SQLite files when no key is set). Its exception classes are its own,
not those of the standard `sqlite3` module, and sqlite-utils catches the standard ones
in places that matter (`Database.query` releasing its savepoint after
`INSERT ... RETURNING`, `Table.insert_all` splitting a chunk on "too many SQL
variables", `Table.update(alter=True)` adding a missing column, `create_index`
finding a free name, `drop(ignore=True)`, `supports_strict`, ...). With a raw SQLCipher
connection those handlers never fire and the raw error escapes.

:class:`Connection` is a thin proxy around the SQLCipher connection that re-raises
every SQLCipher error as the standard class of the same name (`OperationalError`,
`IntegrityError`, ...), with the same message and `sqlite_errorcode`. The rest of the
application, sqlite-utils included, therefore catches one family of exceptions: the
standard library's.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import sqlcipher3
from sqlcipher3 import dbapi2 as _cipher

from core.storage.errors import DiskFull, ReadOnlyDatabase

SQLITE_READONLY = 8
SQLITE_FULL = 13
SQLITE_NOTADB = 26

_NAMES = (
    "Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
    "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError",
)
# Most specific first, so that a subclass is never mapped to its base.
_MAP: list[tuple[type[BaseException], type[BaseException]]] = sorted(
    ((getattr(_cipher, n), getattr(sqlite3, n)) for n in _NAMES),
    key=lambda pair: -len(pair[0].__mro__),
)

T = TypeVar("T")


def translate(exc: BaseException) -> BaseException:
    """The standard `sqlite3` exception equivalent to a SQLCipher one (or `exc` itself).
    A full disk (SQLITE_FULL) becomes :class:`DiskFull` and a write to a read-only
    database :class:`ReadOnlyDatabase`, both also `OperationalError`s."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (SQLITE_FULL, SQLITE_READONLY):
        known = DiskFull(str(exc)) if code == SQLITE_FULL else ReadOnlyDatabase(str(exc))
        known.sqlite_errorcode = exc.sqlite_errorcode  # type: ignore[attr-defined]
        known.sqlite_errorname = getattr(exc, "sqlite_errorname", "")  # type: ignore[attr-defined]
        return known
    for cipher_cls, std_cls in _MAP:
        if isinstance(exc, cipher_cls):
            new = std_cls(*exc.args)
            for attr in ("sqlite_errorcode", "sqlite_errorname"):
                if hasattr(exc, attr):
                    setattr(new, attr, getattr(exc, attr))
            return new
    return exc


def _call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    # A plain function, not a decorator made per call: functools.wraps around SQLCipher's
    # methods was seen to drop references to None under pytest until the interpreter
    # aborted.
    try:
        return fn(*args, **kwargs)
    except (_cipher.Error, _cipher.Warning) as exc:
        raise translate(exc) from exc


class Cursor:
    """A SQLCipher cursor whose errors are standard `sqlite3` errors."""

    __slots__ = ("_cursor", "connection")

    def __init__(self, cursor: Any, connection: Connection):
        self._cursor = cursor
        self.connection = connection

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._cursor
        except _cipher.Error as exc:
            raise translate(exc) from exc

    def __next__(self) -> Any:
        try:
            return next(self._cursor)
        except _cipher.Error as exc:
            raise translate(exc) from exc

    def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        _call(self._cursor.execute, sql, parameters)
        return self

    def executemany(self, sql: str, seq: Any) -> Cursor:
        _call(self._cursor.executemany, sql, seq)
        return self

    def executescript(self, script: str) -> Cursor:
        _call(self._cursor.executescript, script)
        return self

    def fetchone(self) -> Any:
        return _call(self._cursor.fetchone)

    def fetchmany(self, size: int | None = None) -> list[Any]:
        if size is None:
            return _call(self._cursor.fetchmany)
        return _call(self._cursor.fetchmany, size)

    def fetchall(self) -> list[Any]:
        return _call(self._cursor.fetchall)

    def close(self) -> None:
        _call(self._cursor.close)

    def __getattr__(self, name: str) -> Any:  # description, rowcount, lastrowid, arraysize...
        return getattr(self._cursor, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__slots__:
            object.__setattr__(self, name, value)
        else:
            setattr(self._cursor, name, value)


class Connection:
    """A SQLCipher connection whose errors are standard `sqlite3` errors.

    Attribute reads and writes not defined here (`in_transaction`, `isolation_level`,
    `row_factory`, `total_changes`, ...) go to the real connection.
    """

    def __init__(self, raw: Any):
        object.__setattr__(self, "_raw", raw)

    @property
    def raw(self) -> Any:
        """The SQLCipher connection itself (for the backup API)."""
        return self._raw

    def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return Cursor(_call(self._raw.execute, sql, parameters), self)

    def executemany(self, sql: str, seq: Any) -> Cursor:
        return Cursor(_call(self._raw.executemany, sql, seq), self)

    def executescript(self, script: str) -> Cursor:
        return Cursor(_call(self._raw.executescript, script), self)

    def cursor(self, *args: Any) -> Cursor:
        return Cursor(_call(self._raw.cursor, *args), self)

    def commit(self) -> None:
        _call(self._raw.commit)

    def rollback(self) -> None:
        _call(self._raw.rollback)

    def close(self) -> None:
        _call(self._raw.close)

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        _call(self._raw.create_function, *args, **kwargs)

    def backup(self, target: Connection, **kwargs: Any) -> None:
        _call(self._raw.backup, target.raw if isinstance(target, Connection) else target, **kwargs)

    def iterdump(self) -> Iterator[str]:
        try:
            yield from self._raw.iterdump()
        except _cipher.Error as exc:
            raise translate(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._raw, name, value)

    def __enter__(self) -> Connection:
        self._raw.__enter__()
        return self

    def __exit__(self, *exc_info: Any) -> Any:
        return _call(self._raw.__exit__, *exc_info)


# Pages of encrypted databases: those made from 2026-11 on have 16 KiB pages (as plain
# ones: see core.storage.PLAIN_PAGE_SIZE), older ones SQLCipher's default. The page size
# is not readable from an encrypted file: an opening tries each in turn.
ENCRYPTED_PAGE_SIZE = 16384
SQLCIPHER_PAGE_SIZE = 4096
CIPHER_PAGE_SIZES = (ENCRYPTED_PAGE_SIZE, SQLCIPHER_PAGE_SIZE)


def connect(path: str, *, key: bytes | None = None, read_only: bool = False,
            check_same_thread: bool = True, page_size: int | None = None) -> Connection:
    """Open `path` with SQLCipher; with `key` (32 bytes), the database is read and written
    encrypted with that raw key, with `page_size`, or else the page size of the file
    (found by reading its first page with each of :data:`CIPHER_PAGE_SIZES`; an empty
    file gets the first). When none reads it, a wrong key (or a file that is no
    database) shows at the first statement, as `sqlite3.DatabaseError` ("file is not a
    database")."""
    if key is None or page_size is not None:
        return _connect(path, key, read_only, check_same_thread, page_size)
    for size in CIPHER_PAGE_SIZES:
        conn = _connect(path, key, read_only, check_same_thread, size)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if getattr(exc, "sqlite_errorcode", SQLITE_NOTADB) & 0xFF != SQLITE_NOTADB:
                raise
            continue
        return conn
    return _connect(path, key, read_only, check_same_thread, CIPHER_PAGE_SIZES[0])


def _connect(path: str, key: bytes | None, read_only: bool, check_same_thread: bool,
             page_size: int | None) -> Connection:
    if read_only:
        uri = "file:" + _uri_path(path) + "?mode=ro"
        raw = _call(sqlcipher3.connect, uri, uri=True, check_same_thread=check_same_thread)
    else:
        raw = _call(sqlcipher3.connect, path, check_same_thread=check_same_thread)
    conn = Connection(raw)
    # SQLCipher would otherwise print its own diagnostics (a failed HMAC for a wrong key)
    # on stderr; our messages say what happened.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        if len(key) != 32:
            raise ValueError("a database key is 32 bytes")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        if page_size is not None:
            conn.execute(f"PRAGMA cipher_page_size = {int(page_size)}")
    return conn


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/:")
