"""Victims' rows checked in worker processes: the same answers, in file order, and the same
import, whether the workers run, die or never start."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from core.exchange import PackageRefused, export_package, import_package, row_workers
from core.exchange import validate as validate_module
from core.exchange.format import INCIDENTS, VICTIMS
from core.exchange.validate import STAGING_COLUMNS
from tests.core.exchange.helpers import dump, read_rows, write_rows
from tests.core.exchange.test_import_derived import _records, _saved_one_by_one, derived

COLUMNS = STAGING_COLUMNS[VICTIMS]


def _exported(tmp_path: Path, name: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of one file of a package of a dozen saved incidents."""
    db = _saved_one_by_one(tmp_path / "a.db", _records(12))
    folder = export_package(db, tmp_path / "p", status="all").path
    db.close()
    return read_rows(folder, name)


def _rows(tmp_path: Path) -> tuple[list[str], list[list[str]]]:
    header, rows = _exported(tmp_path, "victims.csv")
    rows[2][header.index("age")] = "not a number"  # left to the models
    rows[3] = rows[3][:-1]  # a short row
    return header, rows


def _answers(checkers: row_workers.RowCheckers, rows: list[list[str]], size: int) -> list:
    seen: list = []
    numbered = list(enumerate(rows, start=2))
    for start in range(0, len(numbered), size):
        checkers.put(numbered[start:start + size], lambda row, record, answer: seen.append((row, answer)))
    checkers.finish(lambda row, record, answer: seen.append((row, answer)))
    checkers.close()
    return seen


def test_workers_answer_as_this_process_does_and_in_order(tmp_path: Path) -> None:
    header, rows = _rows(tmp_path)
    here = _answers(row_workers.RowCheckers(header, COLUMNS, 0), rows, 3)
    there = _answers(row_workers.RowCheckers(header, COLUMNS, 2), rows, 3)
    assert there == here
    assert [row for row, _ in here] == list(range(2, len(rows) + 2))
    # rows 2 and 3 are left to the models; the export's order of the others is random
    # (by UUID), so the rows the fast path answers are counted, not placed
    assert here[2][1] is None and here[3][1] is None
    assert sum(answer is not None for _, answer in here) >= len(rows) // 2


def test_a_worker_that_dies_is_replaced_by_this_process(tmp_path: Path) -> None:
    header, rows = _rows(tmp_path)
    here = _answers(row_workers.RowCheckers(header, COLUMNS, 0), rows, 3)
    checkers = row_workers.RowCheckers(header, COLUMNS, 2)
    for worker in checkers._workers:
        worker.process.kill()
        worker.process.wait()
    assert _answers(checkers, rows, 3) == here


@pytest.fixture
def with_workers(monkeypatch):
    monkeypatch.setattr(validate_module, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(validate_module, "CHUNK", 4)
    monkeypatch.setattr(validate_module, "BATCH", 3)


def test_an_import_with_workers_writes_what_saving_one_by_one_does(tmp_path: Path, with_workers) -> None:
    from core.storage import open_database

    a = _saved_one_by_one(tmp_path / "a.db", _records(16))
    b = open_database(tmp_path / "b.db")
    import_package(b, export_package(a, tmp_path / "p", status="all").path, "bob", scan_duplicates=False)
    assert derived(b) == derived(a)
    a.close()
    b.close()


def test_an_import_with_workers_refused_at_the_last_row(tmp_path: Path, with_workers) -> None:
    from core.storage import open_database

    a = _saved_one_by_one(tmp_path / "a.db", _records(16))
    folder = export_package(a, tmp_path / "p", status="all").path
    header, rows = read_rows(folder, "victims.csv")
    rows[5][header.index("sex")] = "x"
    rows[-1][header.index("age")] = "10"
    rows[-1][header.index("age_group")] = "adult"
    write_rows(folder, "victims.csv", header, rows)
    b = open_database(tmp_path / "b.db")
    before = dump(b)
    with pytest.raises(PackageRefused) as info:
        import_package(b, folder, "bob", scan_duplicates=False)
    assert [(e.row, e.column) for e in info.value.report.errors] == [(7, "sex"), (len(rows) + 1, "age_group")]
    assert dump(b) == before
    a.close()
    b.close()


def test_workers_that_cannot_start_leave_the_work_here(tmp_path: Path, monkeypatch) -> None:
    header, rows = _rows(tmp_path)
    here = _answers(row_workers.RowCheckers(header, COLUMNS, 0), rows, 3)

    def fail(self):
        raise OSError("no interpreter")

    monkeypatch.setattr(row_workers._Worker, "__init__", fail)
    checkers = row_workers.RowCheckers(header, COLUMNS, 2)
    assert checkers._workers == []
    assert _answers(checkers, rows, 3) == here


def test_a_cancelled_import_ends_its_workers_at_once(tmp_path: Path) -> None:
    """Workers still writing answers nobody will read are ended, not waited for."""
    header, rows = _rows(tmp_path)
    rows = (rows * (3000 // len(rows) + 1))[:3000]  # answers larger than a pipe holds
    checkers = row_workers.RowCheckers(header, COLUMNS, 2, ahead=4)
    numbered = list(enumerate(rows, start=2))
    for start in range(0, len(numbered), 1000):
        checkers.put(numbered[start:start + 1000], lambda row, record, answer: None)
    processes = [w.process for w in checkers._workers]
    began = time.monotonic()
    checkers.close()  # answers still owed
    assert time.monotonic() - began < 4  # a worker blocked on its output is not waited 5 s for
    assert all(p.returncode is not None for p in processes)


def test_workers_check_incidents_as_this_process_does(tmp_path: Path) -> None:
    header, rows = _exported(tmp_path, "incidents.csv")
    rows[1][header.index("date")] = "2016-02-30"  # left to the models
    rows[2] = rows[2][:-1]  # a short row
    columns = STAGING_COLUMNS[INCIDENTS]
    here = _answers(row_workers.RowCheckers(header, columns, 0, kind=INCIDENTS), rows, 3)
    there = _answers(row_workers.RowCheckers(header, columns, 2, kind=INCIDENTS), rows, 3)
    assert there == here
    assert here[1][1] is None and here[2][1] is None
    assert sum(answer is not None for _, answer in here) == len(rows) - 2
    uuid = header.index("incident_uuid")
    assert [answer[columns.index("incident_uuid")] for _, answer in here if answer] == [
        r[uuid] for i, r in enumerate(rows) if i not in (1, 2)]


@pytest.mark.parametrize("workers", [True, False])
def test_incidents_checked_by_workers_are_refused_as_without(tmp_path: Path, monkeypatch, gazetteer_csv,
                                                             workers) -> None:
    """The gazetteer is looked up by the reading process for the rows workers found plainly
    valid: a place code it does not hold is reported at its row, as without workers."""
    from core.gazetteer import import_gazetteer
    from core.storage import open_database

    if workers:
        monkeypatch.setattr(validate_module, "PARALLEL_MIN_ROWS", 0)
        monkeypatch.setattr(validate_module, "CHUNK", 4)
    a = _saved_one_by_one(tmp_path / "a.db", _records(16))
    folder = export_package(a, tmp_path / "p", status="all").path
    header, rows = read_rows(folder, "incidents.csv")
    governorate = rows[3][header.index("governorate")]
    rows[3][header.index("district")] = governorate + "99"
    rows[3][header.index("subdistrict")] = ""
    rows[-1][header.index("date")] = "2016-02-30"
    write_rows(folder, "incidents.csv", header, rows)
    b = open_database(tmp_path / "b.db")
    import_gazetteer(b, gazetteer_csv, "bob")
    before = dump(b)
    with pytest.raises(PackageRefused) as info:
        import_package(b, folder, "bob", scan_duplicates=False)
    assert [(e.file, e.row, e.column) for e in info.value.report.errors] == [
        ("incidents.csv", 5, "district"), ("incidents.csv", len(rows) + 1, "date")]
    assert "gazetteer" in info.value.report.errors[0].reason
    assert dump(b) == before
    a.close()
    b.close()
