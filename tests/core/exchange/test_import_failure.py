"""An import that fails, refused or while writing, leaves the database as it was and the
connection working: the scratch file the rows were staged in is rolled back and let go,
even when the staged rows had already reached it (a large package)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.exchange import PackageRefused, export_package, import_package
from core.exchange import import_ as import_module
from core.exchange import validate as validate_module
from core.storage import open_database
from tests.core.exchange.helpers import dump, read_rows, write_rows
from tests.core.exchange.test_import_derived import _records, _saved_one_by_one


@pytest.fixture
def staged_on_disk(monkeypatch) -> None:
    """A page cache of 16 KiB for the scratch file: the staged rows reach the file, as
    those of a large package do."""
    monkeypatch.setattr(validate_module, "SCRATCH_CACHE_KIB", -16)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    a = _saved_one_by_one(tmp_path / "a.db", _records(40))
    folder = export_package(a, tmp_path / "p", status="all").path
    a.close()
    return folder


def test_a_refused_package_leaves_the_connection_working(tmp_path: Path, package: Path, staged_on_disk) -> None:
    header, rows = read_rows(package, "victims.csv")
    good = [list(r) for r in rows]
    rows[-1][header.index("age")] = "x"
    write_rows(package, "victims.csv", header, rows)
    db = open_database(tmp_path / "b.db")
    before = dump(db)
    with pytest.raises(PackageRefused) as info:
        import_package(db, package, "bob", scan_duplicates=False)
    assert [(e.row, e.column) for e in info.value.report.errors] == [(len(rows) + 1, "age")]
    assert dump(db) == before
    assert [r[1] for r in db.execute("PRAGMA database_list")] == ["main"]
    write_rows(package, "victims.csv", header, good)  # corrected, it imports
    report = import_package(db, package, "bob", scan_duplicates=False)
    assert report.counts["victims.csv"]["new"] == len(good)
    db.close()


def test_a_failure_while_writing_says_what_and_leaves_the_connection_working(
        tmp_path: Path, package: Path, staged_on_disk, monkeypatch) -> None:
    def full(self) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(import_module._Writer, "_victim_keys", full)
    db = open_database(tmp_path / "b.db")
    before = dump(db)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        import_package(db, package, "bob", scan_duplicates=False)
    assert dump(db) == before
    assert [r[1] for r in db.execute("PRAGMA database_list")] == ["main"]
    db.close()
