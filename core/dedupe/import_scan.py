"""The duplicate scan of a large import, run while the import writes.

Writing half a million records keeps one core busy for most of a minute; the scan of
those records after it (:func:`core.dedupe.scan.scan` with their UUIDs) needs them
committed, so it used to start only then. Instead, once the package has passed its
checks, a worker process (`python -m core.dedupe.import_scan_worker`) reads the database
as it was before the import and the rows the import staged, and builds from them, in a
file of its own, the tables the scan reads (`victim_keys`, `victims`, `incidents`) as
the import will leave them: the records it brings new or updated replace the local ones,
the others stay. It walks them as the full scan does, on the core the import leaves idle,
and hands every pair it finds back. Once the import has committed, this process leaves
out the pairs a decision in force is about (decisions travel in the package too) and
those not involving a record the import wrote, and keeps one pair per victim and
incident (`one_to_one`): the same pairs as a scan after the import.

Only for imports large enough that the scan after them would walk the whole database.
For an encrypted database, the worker's file is encrypted too, with a key of its own
made at random and never written anywhere, and its sorts stay in memory (SQLCipher does
not encrypt temporary files). When the worker cannot start or fails, the scan runs after
the import as before.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core import child_processes
from core.dedupe.decisions import decided_pairs
from core.dedupe.score import THRESHOLD
from core.storage.driver import CIPHER_PAGE_SIZES, ENCRYPTED_PAGE_SIZE, SQLCIPHER_PAGE_SIZE
from core.storage.selection import as_collection

# What the scan reads of each table (see core.dedupe.profile), with the types the
# application's tables declare, so that values are stored as they would be there.
INCIDENT_COLUMNS = {"incident_uuid": "TEXT PRIMARY KEY", "date": "TEXT", "governorate": "TEXT",
                    "locality": "TEXT", "incident_type": "TEXT", "perpetrator": "TEXT", "deleted": "INTEGER"}
VICTIM_COLUMNS = {"victim_uuid": "TEXT PRIMARY KEY", "incident_uuid": "TEXT", "given_name": "TEXT",
                  "father_name": "TEXT", "grandfather_name": "TEXT", "family_name": "TEXT", "name_latin": "TEXT",
                  "sex": "TEXT", "age": "INTEGER", "age_group": "TEXT", "death_date": "TEXT", "deleted": "INTEGER"}
KEY_COLUMNS = ("key_given", "key_father", "key_grandfather", "key_family", "key_latin",
               "skel_given", "skel_father", "skel_grandfather", "skel_family")
WRITTEN = "action IN ('new', 'updated')"
BUILD_CACHE_KB = 64_000
SCAN_CACHE_KB = 200_000


class ImportScan:
    """The scan running beside an import; :meth:`pairs` once the import has committed."""

    def __init__(self, process: Any, path: str):
        self.process, self.path = process, path
        self._message: Any = None
        self._read = threading.Event()  # set once the worker has read what it needs
        self._listener = threading.Thread(target=self._listen, daemon=True)
        self._listener.start()

    @classmethod
    def start(cls, main_path: str | Path, scratch_path: str | Path, key: bytes | None = None,
              threshold: float = THRESHOLD) -> ImportScan | None:
        """Start the worker (`key`: the database's, when it is encrypted); None when it
        cannot be."""
        if not child_processes.can_start():
            return None
        # The worker's file, made here so that it goes even when the worker is stopped
        # before it could delete it.
        fd, path = tempfile.mkstemp(prefix="tawthiq-scan-", suffix=".db")
        os.close(fd)
        try:
            process = child_processes.start("core.dedupe.import_scan_worker")
            assert process.stdin is not None
            child_processes.send(process.stdin, {"main": str(main_path), "scratch": str(scratch_path), "key": key,
                                                 "threshold": threshold, "path": path})
            process.stdin.close()
        except OSError:
            _remove(path)
            return None
        return cls(process, path)

    def _listen(self) -> None:
        try:
            while True:
                frame = None
                with contextlib.suppress(OSError, ValueError):
                    frame = child_processes.read_frame(self.process.stdout)
                if frame is None:
                    return
                try:
                    message = pickle.loads(frame)
                except Exception:  # noqa: BLE001 - a damaged answer is a failed worker
                    return
                if message == ("read", None):
                    self._read.set()
                    continue
                self._message = message
                return
        finally:
            self._read.set()

    def wait_read(self, check: Any = None) -> None:
        """Wait until the worker has read the staged rows (or has ended): until then the
        scratch file must stay as it was committed."""
        while not self._read.wait(timeout=0.2):
            if check is not None:
                check()

    def pairs(self, db: Any, victim_uuids: Iterable[str], check: Any = None) -> list[Any] | None:
        """The pairs involving `victim_uuids` (a set, or a selection: see
        :mod:`core.storage.selection`), as :func:`core.dedupe.scan.scan` finds them
        in the committed database; None when the worker failed (scan instead). `check` is
        called while waiting (a job's cancellation)."""
        from core.dedupe.scan import ScoredPair, around

        try:
            while self._listener.is_alive():
                if check is not None:
                    check()
                self._listener.join(timeout=0.2)
        finally:
            self.stop()
        message = self._message
        if not (isinstance(message, tuple) and len(message) == 2 and message[0] == "pairs"):
            return None
        return around([ScoredPair(*fields) for fields in message[1]], as_collection(victim_uuids), decided_pairs(db))

    def stop(self) -> None:
        """End the worker (at once if it is still at work) and delete its file."""
        child_processes.stop(self.process, at_once=self.process.poll() is None)
        _remove(self.path)


def _remove(path: str) -> None:
    for suffix in ("", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(path + suffix)


def build(con: Any, main_path: str, scratch_path: str, key: bytes | None = None) -> None:
    """Fill the empty database on `con` with the scan's tables as the import will leave
    them, from the database at `main_path` (encrypted with `key`, if given) and the
    import's staged rows at `scratch_path` (a plain file)."""
    _attach(con, main_path, "m", key)
    con.execute("ATTACH DATABASE ? AS s KEY ''", [_read_only(scratch_path)])
    con.execute("BEGIN")  # one reading of both, as they were when the worker began
    _copy(con, "incidents", "x_incidents", "incident_uuid", INCIDENT_COLUMNS)
    _copy(con, "victims", "x_victims", "victim_uuid", VICTIM_COLUMNS)
    keys = ", ".join(KEY_COLUMNS)
    con.execute(f"CREATE TABLE victim_keys (victim_uuid TEXT PRIMARY KEY, {keys}, event_date TEXT)")
    # The date each died on, as the application's triggers keep it: the death date, else
    # the incident's.
    con.execute(f"""INSERT INTO victim_keys (victim_uuid, {keys}, event_date)
                    SELECT k.victim_uuid, {', '.join('k.' + c for c in KEY_COLUMNS)},
                      COALESCE(v.death_date, i.date)
                    FROM (SELECT victim_uuid, {keys} FROM m.victim_keys l WHERE NOT EXISTS
                            (SELECT 1 FROM s.x_victims x WHERE x.victim_uuid = l.victim_uuid AND x.{WRITTEN})
                          UNION ALL
                          SELECT victim_uuid, {keys} FROM s.x_victims WHERE {WRITTEN}) k
                    LEFT JOIN victims v ON v.victim_uuid = k.victim_uuid
                    LEFT JOIN incidents i ON i.incident_uuid = v.incident_uuid
                    ORDER BY 1""")
    con.execute("COMMIT")
    con.execute("DETACH DATABASE s")
    from core.dedupe.scan import PASSES

    # The scan walks the application's own blocking indexes, built from their own SQL.
    for index, _columns, _skip in PASSES:
        row = con.execute("SELECT sql FROM m.sqlite_master WHERE type = 'index' AND name = ?", [index]).fetchone()
        if row is None:
            raise LookupError(index)
        con.execute(row[0])
    con.execute("DETACH DATABASE m")


def _read_only(path: str) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


def _copy(con: Any, table: str, staging: str, key: str, columns: dict[str, str]) -> None:
    """The rows of `table` as the import will leave them: the staged ones it writes (new,
    or replacing the local copy, which is live), the local ones it leaves."""
    names = ", ".join(columns)
    con.execute(f"CREATE TABLE {table} ({', '.join(f'{c} {t}' for c, t in columns.items())})")
    con.execute(f"""INSERT INTO {table} ({names})
                    SELECT {names} FROM m.{table} l WHERE NOT EXISTS
                      (SELECT 1 FROM s.{staging} x WHERE x.{key} = l.{key} AND x.{WRITTEN})
                    UNION ALL
                    SELECT {names.replace('deleted', '0')} FROM s.{staging} WHERE {WRITTEN}
                    ORDER BY 1""")


def _attach(con: Any, path: str, name: str, key: bytes | None) -> None:
    """Attach the database at `path` read-only; an encrypted one with the page size it
    was made with (see core.storage.driver.CIPHER_PAGE_SIZES)."""
    if not key:
        con.execute(f"ATTACH DATABASE ? AS {name} KEY ''", [_read_only(path)])
        return
    for size in CIPHER_PAGE_SIZES:
        # Attached databases take SQLCipher's default settings, set for this one.
        con.execute(f"PRAGMA cipher_default_page_size = {size}")
        try:
            con.execute(f"ATTACH DATABASE ? AS {name} KEY ?", [_read_only(path), _raw_key(key)])
        except sqlite3.DatabaseError:
            if size == CIPHER_PAGE_SIZES[-1]:
                raise
            continue
        finally:
            con.execute(f"PRAGMA cipher_default_page_size = {SQLCIPHER_PAGE_SIZE}")
        return


def _raw_key(key: bytes | None) -> str:
    """SQLCipher's spelling of a raw key ('' for a plain file)."""
    return f"x'{key.hex()}'" if key else ""


def serve() -> None:
    """The worker: one request in; the pairs out (or nothing, when anything fails)."""
    from dataclasses import astuple

    import sqlcipher3.dbapi2 as sqlcipher
    from sqlite_utils import Database

    from core.dedupe.scan import _scan_all
    from core.storage import PLAIN_PAGE_SIZE
    from core.storage.driver import Connection

    if (received := child_processes.first_request()) is None:
        return
    out, request = received
    encrypted = bool(request["key"])
    raw = Connection(sqlcipher.connect(request["path"], uri=True, isolation_level=None))
    try:
        raw.execute("PRAGMA cipher_log_level = NONE")
        if encrypted:
            raw.execute(f"PRAGMA key = \"{_raw_key(os.urandom(32))}\"")
            raw.execute(f"PRAGMA cipher_page_size = {ENCRYPTED_PAGE_SIZE}")
        pragmas = ["journal_mode = OFF", "synchronous = OFF", f"cache_size = {-BUILD_CACHE_KB}"]
        pragmas += ["temp_store = MEMORY"] if encrypted else [f"page_size = {PLAIN_PAGE_SIZE}", "temp_store = FILE"]
        for pragma in pragmas:
            raw.execute(f"PRAGMA {pragma}")
        build(raw, request["main"], request["scratch"], request["key"])
        child_processes.send(out, ("read", None))
        raw.execute(f"PRAGMA cache_size = {-SCAN_CACHE_KB}")
        db = Database(raw)
        pairs = [astuple(p) for p in _scan_all(db, request["threshold"], set(), None)]
    finally:
        raw.close()
    child_processes.send(out, ("pairs", pairs))
