"""sqlite-utils catches the standard library's sqlite3 exceptions; SQLCipher raises its
own. Each case below goes through an error handler inside sqlite-utils: with the raw
SQLCipher connection it fails (the trap), through core.storage.driver it works."""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

import pytest
import sqlcipher3
from sqlite_utils import Database
from sqlite_utils.db import View

from core.storage import DiskFull, StorageError, driver, open_database

pytestmark = pytest.mark.usefixtures("fast_kdf")

KEY = bytes(range(32))


def _returning(db: Database) -> object:
    rows = list(db.query("INSERT INTO t (a) VALUES (5) RETURNING id"))  # Database.query's RELEASE retry
    assert rows and db.execute("SELECT count(*) FROM t").fetchone()[0] == 2
    return rows


def _update_alter(db: Database) -> object:
    db["t"].update(1, {"b": 3}, alter=True)  # "no such column" -> add the column, retry
    return db.execute("SELECT b FROM t WHERE id = 1").fetchone()[0] == 3 or pytest.fail("not updated")


def _insert_alter(db: Database) -> object:
    db["t"].insert({"id": 9, "zz": 1}, alter=True)  # "has no column named" -> add it, retry
    return db.execute("SELECT zz FROM t WHERE id = 9").fetchone()


def _drop_ignore(db: Database) -> object:
    db["missing"].drop(ignore=True)
    View(db, "missing_view").drop(ignore=True)
    return True


def _cached_counts(db: Database) -> object:
    assert db.cached_counts() == {}  # no _counts table: an empty answer, not an error
    return True


def _index_unique_name(db: Database) -> object:
    db["t"].create_index(["a"], index_name="ix")
    db["t"].create_index(["a"], index_name="ix", find_unique_name=True)
    return len(db["t"].indexes) == 2 or pytest.fail("no second index")


def _pragma_query(db: Database) -> object:
    assert list(db.query("PRAGMA journal_mode"))[0]["journal_mode"]
    return True


CASES: list[tuple[str, Callable[[Database], object]]] = [
    ("query INSERT RETURNING", _returning),
    ("update(alter=True)", _update_alter),
    ("insert(alter=True)", _insert_alter),
    ("drop(ignore=True)", _drop_ignore),
    ("cached_counts without _counts", _cached_counts),
    ("create_index(find_unique_name=True)", _index_unique_name),
    ("query PRAGMA", _pragma_query),
]


def _database(conn: object) -> Database:
    db = Database(conn)  # type: ignore[arg-type]
    db["t"].insert({"id": 1, "a": 2}, pk="id")
    return db


@pytest.mark.parametrize("name,case", CASES, ids=[c[0] for c in CASES])
def test_sqlite_utils_error_handling_works_on_an_encrypted_connection(tmp_path, name, case):
    db = _database(driver.connect(str(tmp_path / "x.db"), key=KEY))
    assert case(db)
    db.close()


@pytest.mark.parametrize("name,case", [c for c in CASES if c[0] != "query PRAGMA"],
                         ids=[c[0] for c in CASES if c[0] != "query PRAGMA"])
def test_the_raw_sqlcipher_connection_breaks_those_handlers(tmp_path, name, case):
    raw = sqlcipher3.connect(str(tmp_path / "x.db"))
    raw.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
    db = _database(raw)
    with pytest.raises(sqlcipher3.OperationalError):
        case(db)
    raw.close()


def test_errors_become_the_standard_classes_with_their_codes(tmp_path):
    conn = driver.connect(str(tmp_path / "x.db"), key=KEY)
    conn.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    with pytest.raises(sqlite3.IntegrityError) as err:
        conn.execute("INSERT INTO u (id, name) VALUES (1, NULL)")
    assert err.value.sqlite_errorname.startswith("SQLITE_CONSTRAINT")
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        conn.execute("SELECT * FROM nope")
    cursor = conn.execute("SELECT 1")
    assert cursor.fetchone() == (1,) and cursor.description[0][0] == "1"
    conn.close()


def test_a_full_disk_is_a_clear_storage_error_that_sqlite_utils_still_sees_as_operational(tmp_path):
    conn = driver.connect(str(tmp_path / "x.db"), key=KEY)
    conn.execute("CREATE TABLE big (x TEXT)")
    conn.execute("PRAGMA max_page_count = 4")
    with pytest.raises(DiskFull) as err:
        conn.execute("INSERT INTO big VALUES (?)", ["x" * 100_000])
    assert isinstance(err.value, StorageError) and isinstance(err.value, sqlite3.OperationalError)
    assert "disk is full" in str(err.value)
    conn.close()


def test_open_database_turns_a_non_database_into_a_storage_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(StorageError, match="cannot be opened"):
        open_database(path)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_driver_keeps_the_reference_count_of_none(tmp_path):
    # A wrapper once lost a reference to None per statement; the interpreter aborted
    # ("deallocating None") after a few dozen database openings.
    db = open_database(tmp_path / "x.db")
    db.execute("SELECT ?", [None]).fetchall()
    before = sys.getrefcount(None)
    for _ in range(2000):
        db.execute("SELECT ?, NULL", [None]).fetchall()
    assert abs(sys.getrefcount(None) - before) < 100
    db.close()
