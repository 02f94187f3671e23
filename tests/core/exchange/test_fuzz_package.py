"""Hostile packages: random bytes, damaged zips, random cells and 10,000-column rows are
refused with a report (or, for harmless damage, imported); never a crash, never a
partial write."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.exchange import PackageRefused, export_package, import_package
from core.storage import open_database
from tests.core.exchange.helpers import dump, populated, read_rows, write_rows

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[bytes, Path]:
    folder = tmp_path_factory.mktemp("exported")
    db, _ = populated(folder / "a.db")
    zipped = export_package(db, folder / "p.zip", status="all", user="alice").path.read_bytes()
    unpacked = export_package(db, folder / "package", status="all", user="alice").path
    db.close()
    return zipped, unpacked


@pytest.fixture(scope="module")
def receiver(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("receiver") / "b.db")
    yield db
    db.close()


def _import_or_refuse(db, path: Path) -> bool:
    """True when imported, False when refused with a report; anything else fails the test."""
    before = dump(db)
    try:
        import_package(db, path, "bob")
    except PackageRefused as refused:
        assert refused.report.text().strip()
        assert dump(db) == before  # nothing written
        return False
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return True


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_refused(receiver, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.zip"
    path.write_bytes(data)
    assert _import_or_refuse(receiver, path) is False


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_zip_is_refused_or_imported_whole(receiver, exported, tmp_path_factory, flips):
    data = bytearray(exported[0])
    for position, value in flips:
        data[position % len(data)] = value
    path = tmp_path_factory.mktemp("flipped") / "p.zip"
    path.write_bytes(bytes(data))
    _import_or_refuse(receiver, path)


CELL = st.one_of(st.text(max_size=60), st.sampled_from(["\u202e", "\x00", "x" * 70_000, "'; DROP TABLE victims;--",
                                                          "=1+1", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")]))


@FUZZ
@given(column=st.sampled_from(["given_name", "family_name", "notes", "age", "sex", "death_date", "victim_uuid",
                               "incident_uuid", "version", "updated_at"]), value=CELL)
def test_a_hostile_cell_is_refused_or_stored_safely(receiver, exported, tmp_path_factory, column, value):
    folder = tmp_path_factory.mktemp("cells") / "package"
    _copy(exported[1], folder)
    header, rows = read_rows(folder, "victims.csv")
    rows[0][header.index(column)] = value
    write_rows(folder, "victims.csv", header, rows)
    _import_or_refuse(receiver, folder)


def test_a_row_of_ten_thousand_columns_is_refused(receiver, exported, tmp_path):
    folder = tmp_path / "package"
    _copy(exported[1], folder)
    header, rows = read_rows(folder, "victims.csv")
    extra = [f"c{i}" for i in range(10_000)]
    write_rows(folder, "victims.csv", header + extra, [r + ["x"] * len(extra) for r in rows])
    assert _import_or_refuse(receiver, folder) is False


def test_a_zip_bomb_like_member_count_is_refused(receiver, tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as z:
        for i in range(2000):
            z.writestr(f"junk/{i}.csv", "a,b\n1,2\n")
    assert _import_or_refuse(receiver, path) is False


def _copy(source: Path, target: Path) -> None:
    import shutil

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
