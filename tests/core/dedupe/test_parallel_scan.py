"""The full duplicate scan shared between worker processes finds what one process finds."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from core import child_processes
from core.dedupe import parallel
from core.jobs import Cancelled, JobState
from core.storage import open_database
from seeds.demo import load_demo

scan_module = importlib.import_module("core.dedupe.scan")


def _pairs(db, **kwargs) -> set[tuple[str, str, float, tuple[str, ...]]]:
    return {(p.victim_uuid_a, p.victim_uuid_b, p.score, p.reasons) for p in scan_module.scan(db, **kwargs)}


@pytest.fixture
def started(monkeypatch) -> list[str]:
    """The worker modules started (the real ones)."""
    modules: list[str] = []
    real = child_processes.start

    def start(module: str):
        modules.append(module)
        return real(module)

    monkeypatch.setattr(child_processes, "start", start)
    monkeypatch.setattr(parallel, "WORKERS", 2)
    return modules


def _demo(path: Path, **credentials):
    db = open_database(path, **credentials)
    load_demo(db, "tester" if not credentials else credentials["user"])
    return db


def test_workers_find_the_pairs_one_process_finds(tmp_path: Path, monkeypatch, started) -> None:
    db = _demo(tmp_path / "demo.db")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)
    alone = _pairs(db)
    assert started == [] and len(alone) >= 5
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    job = JobState()
    assert _pairs(db, job=job) == alone
    assert started == ["core.dedupe.scan_worker"] * 2
    assert job.total and job.done == job.total
    # around many records (a large import), the walk is shared the same way
    some = [r[0] for r in db.execute("SELECT victim_uuid FROM victims ORDER BY victim_uuid")][::2]
    monkeypatch.setattr(scan_module, "WALK_MIN", 10)
    around = _pairs(db, victim_uuids=some)
    assert len(started) == 4
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)
    assert around == _pairs(db, victim_uuids=some)
    db.close()


def test_the_shares_of_a_pass_hold_each_row_once_in_whole_blocks(tmp_path: Path) -> None:
    db = _demo(tmp_path / "demo.db")
    for index, columns, _ in scan_module.PASSES:
        everything = list(scan_module._walk(db, index, columns))
        assert everything
        for parts in (2, 3, 7):
            bounds = scan_module.part_bounds(db, index, columns, parts)
            shares = [list(scan_module._walk(db, index, columns, bounds[p], bounds[p + 1]))
                      for p in range(parts) if p == 0 or bounds[p] is not None]
            assert sorted(r for share in shares for r in share) == sorted(everything)
            blocks = [{tuple(r[2 + scan_module.KEY_COLUMNS.index(c)] for c in columns) for r in share}
                      for share in shares]
            assert sum(len(b) for b in blocks) == len(set().union(*blocks))
            if parts == 2:
                assert min(len(s) for s in shares) >= len(everything) // 3
    db.close()


def test_an_encrypted_database_is_scanned_by_workers_too(tmp_path: Path, monkeypatch, started, fast_kdf) -> None:
    db = _demo(tmp_path / "secret.db", user="amal", password="pw")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)
    alone = _pairs(db)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    assert _pairs(db) == alone and alone
    assert len(started) == 2
    db.close()


def test_inside_a_transaction_the_scan_stays_in_this_process(tmp_path: Path, monkeypatch, started) -> None:
    db = _demo(tmp_path / "demo.db")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    with db.atomic():
        db.execute("UPDATE victims SET notes = 'x' WHERE rowid = 1")
        assert parallel.scan_in_parts(db, scan_module.THRESHOLD, None) is None
    assert started == []
    db.close()


def test_a_worker_that_fails_leaves_the_scan_to_this_process(tmp_path: Path, monkeypatch, started) -> None:
    db = _demo(tmp_path / "demo.db")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)
    alone = _pairs(db)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    real = child_processes.start

    def broken(module: str):
        started.append(module)
        return real("core.no_such_module")  # starts, and ends at once without answering

    monkeypatch.setattr(child_processes, "start", broken)
    assert parallel.scan_in_parts(db, scan_module.THRESHOLD, None) is None
    assert _pairs(db) == alone
    db.close()


def test_a_cancelled_scan_ends_its_workers(tmp_path: Path, monkeypatch, started) -> None:
    db = _demo(tmp_path / "demo.db")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    processes = []
    real = child_processes.start

    def start(module: str):
        processes.append(real(module))
        return processes[-1]

    monkeypatch.setattr(child_processes, "start", start)
    job = JobState()
    job.cancel()
    with pytest.raises(Cancelled):
        parallel.scan_in_parts(db, scan_module.THRESHOLD, job)
    assert processes and all(p.returncode is not None for p in processes)
    db.close()


@pytest.mark.parametrize("encrypted", [False, True])
def test_the_workers_themselves_answer_while_the_database_is_open_here(tmp_path: Path, monkeypatch, started,
                                                                       fast_kdf, encrypted) -> None:
    """Not this process after a failed start: the workers open the database beside the
    application's own connection (and its lock) and send their pairs."""
    credentials = {"user": "amal", "password": "pw"} if encrypted else {}
    db = _demo(tmp_path / "demo.db", **credentials)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    found = parallel.scan_in_parts(db, scan_module.THRESHOLD, None)
    assert found is not None
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)
    alone = {(p.victim_uuid_a, p.victim_uuid_b) for p in scan_module.scan(db)}
    assert {(p.victim_uuid_a, p.victim_uuid_b) for p in scan_module.one_to_one(found)} == alone
    db.close()


def test_a_frozen_application_starts_no_worker(tmp_path: Path, monkeypatch, started) -> None:
    """A frozen application's executable is the application, not an interpreter: the scan
    the import's checks and the scan beside an import stay in its process."""
    import sys

    from core.dedupe.import_scan import ImportScan
    from core.exchange import row_workers

    db = _demo(tmp_path / "demo.db")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert parallel.scan_in_parts(db, scan_module.THRESHOLD, None) is None
    assert row_workers.RowCheckers(["a"], ("a",), 2)._workers == []
    assert ImportScan.start(tmp_path / "demo.db", tmp_path / "scratch.db") is None
    assert started == []
    db.close()
