"""Every refusal names file, row, column, value and reason, and leaves the database as it was."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from core.exchange import PackageRefused, export_package, import_package
from core.storage import open_database
from tests.core.exchange.helpers import dump, populated, read_rows, write_rows
from tests.core.factories import incident, victim

UNKNOWN_INCIDENT = "00000000-0000-4000-8000-000000000000"


def _set(name: str, column: str, value: str, row: int = 0) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        header, rows = read_rows(folder, name)
        rows[row][header.index(column)] = value
        write_rows(folder, name, header, rows)
    return change


def _format_version(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = 2
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _hash_mismatch(folder: Path) -> None:
    header, rows = read_rows(folder, "incidents.csv")
    rows[0][header.index("summary")] += " (edited by hand)"
    write_rows(folder, "incidents.csv", header, rows, rehash=False)


def _missing_column(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    i = header.index("age_group")
    write_rows(folder, "victims.csv", header[:i] + header[i + 1:], [r[:i] + r[i + 1:] for r in rows])


def _extra_column(folder: Path) -> None:
    header, rows = read_rows(folder, "incidents.csv")
    write_rows(folder, "incidents.csv", [*header, "casualties_estimate"], [[*r, "12"] for r in rows])


def _age_disagrees(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    rows[0][header.index("age")] = "10"
    rows[0][header.index("age_group")] = "adult"
    write_rows(folder, "victims.csv", header, rows)


def _not_utf8(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    write_rows(folder, "victims.csv", header, rows, encoding="cp1256")


REFUSALS = {
    "unknown format version": (_format_version, "manifest.json", "format_version", "not supported"),
    "hash mismatch": (_hash_mismatch, "incidents.csv", "", "SHA-256"),
    "missing column": (_missing_column, "victims.csv", "age_group", "missing"),
    "extra column": (_extra_column, "incidents.csv", "casualties_estimate", "Unknown column"),
    "bad uuid": (_set("victims.csv", "victim_uuid", "not-a-uuid"), "victims.csv", "victim_uuid", "UUID"),
    "bad code": (_set("incidents.csv", "perpetrator", "martians"), "incidents.csv", "perpetrator", "allowed"),
    "bad date": (_set("incidents.csv", "date", "2016-02-30"), "incidents.csv", "date", "calendar"),
    "age and age group disagree": (_age_disagrees, "victims.csv", "age_group", "disagree"),
    "victim of an unknown incident": (_set("victims.csv", "incident_uuid", UNKNOWN_INCIDENT), "victims.csv",
                                      "incident_uuid", "neither in the package nor in this database"),
    "not UTF-8": (_not_utf8, "victims.csv", "", "not UTF-8"),
    "empty required cell": (_set("victims.csv", "sex", ""), "victims.csv", "sex", "required"),
}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    db, _ = populated(tmp_path / "a.db")
    path = export_package(db, tmp_path / "package", status="all", user="alice").path
    db.close()
    return path


@pytest.fixture
def receiver(tmp_path: Path):
    """A database that already holds records of its own."""
    db = open_database(tmp_path / "b.db")
    from core.storage.records import save_incident

    inc = incident(governorate="SY01", summary="local record")
    save_incident(db, inc, [victim(inc)], "bob")
    yield db
    db.close()


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refusal_reports_and_leaves_the_database_unchanged(case: str, package: Path, receiver) -> None:
    change, file, column, reason = REFUSALS[case]
    change(package)
    before = dump(receiver)
    with pytest.raises(PackageRefused) as info:
        import_package(receiver, package, "bob")
    report = info.value.report
    assert not report.ok and report.error_count >= 1
    assert any(e.file == file and e.column == column and reason in e.reason for e in report.errors), report.text()
    assert "refused" in report.text()
    assert dump(receiver) == before


def test_row_errors_name_the_row_and_value(package: Path, receiver) -> None:
    _set("incidents.csv", "perpetrator", "martians", row=1)(package)
    with pytest.raises(PackageRefused) as info:
        import_package(receiver, package, "bob")
    (error,) = info.value.report.errors
    assert (error.file, error.row, error.column, error.value) == ("incidents.csv", 3, "perpetrator", "martians")


def test_truncated_zip(tmp_path: Path, receiver) -> None:
    db, _ = populated(tmp_path / "a.db")
    path = export_package(db, tmp_path / "p.zip", status="all").path
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = dump(receiver)
    with pytest.raises(PackageRefused) as info:
        import_package(receiver, path, "bob")
    assert "truncated or damaged" in info.value.report.text()
    assert dump(receiver) == before


def test_corrupt_member_in_zip(tmp_path: Path, receiver) -> None:
    db, _ = populated(tmp_path / "a.db")
    path = export_package(db, tmp_path / "p.zip", status="all").path
    data = bytearray(path.read_bytes())
    # Damage the compressed victims data, leaving the directory at the end intact.
    start = data.index(b"victims.csv") + 40
    data[start:start + 20] = bytes(20)
    path.write_bytes(bytes(data))
    before = dump(receiver)
    with pytest.raises(PackageRefused) as info:
        import_package(receiver, path, "bob")
    assert any(e.file == "victims.csv" for e in info.value.report.errors), info.value.report.text()
    assert dump(receiver) == before


def test_only_the_first_hundred_errors_are_listed(tmp_path: Path, receiver) -> None:
    db = open_database(tmp_path / "a.db")
    from core.storage.records import save_incident

    inc = incident()
    save_incident(db, inc, [victim(inc) for _ in range(130)], "alice")
    path = export_package(db, tmp_path / "p", status="all").path
    header, rows = read_rows(path, "victims.csv")
    for row in rows:
        row[header.index("sex")] = "x"
    write_rows(path, "victims.csv", header, rows)
    with pytest.raises(PackageRefused) as info:
        import_package(receiver, path, "bob")
    report = info.value.report
    assert report.error_count == 130 and len(report.errors) == 100
    assert "30 more" in report.text()


def test_lf_line_ends_and_no_bom_are_accepted(package: Path, receiver) -> None:
    for name in ("incidents.csv", "victims.csv"):
        header, rows = read_rows(package, name)
        write_rows(package, name, header, rows, encoding="utf-8")  # no byte-order mark
        data = (package / name).read_bytes().replace(b"\r\n", b"\n")
        (package / name).write_bytes(data)
        import hashlib

        manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"][name]["sha256"] = hashlib.sha256(data).hexdigest()
        (package / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = import_package(receiver, package, "bob")
    assert report.counts["victims.csv"]["new"] == 3


def test_columns_in_any_order(package: Path, receiver) -> None:
    header, rows = read_rows(package, "incidents.csv")
    order = list(reversed(range(len(header))))
    write_rows(package, "incidents.csv", [header[i] for i in order], [[r[i] for i in order] for r in rows])
    report = import_package(receiver, package, "bob")
    assert report.counts["incidents.csv"]["new"] == 2


def test_a_package_of_the_three_required_files(package: Path, receiver) -> None:
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    for name in ("decisions.csv", "comments.csv"):
        (package / name).unlink()
        del manifest["files"][name]
    manifest["something_else"] = {"ignored": True}
    (package / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = import_package(receiver, package, "bob")
    assert report.ok and report.counts["incidents.csv"]["new"] == 2
