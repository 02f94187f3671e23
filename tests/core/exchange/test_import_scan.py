"""The duplicate scan of a large import, run while the import writes, finds the pairs the
scan after the import finds (core.dedupe.import_scan)."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from core import child_processes
from core.dedupe import decide
from core.dedupe import import_scan as import_scan_module
from core.exchange import export_package, import_package
from core.exchange import import_ as import_module
from core.storage import open_database
from core.storage.records import load_incident, save_incident
from seeds.demo import load_demo

scan_module = importlib.import_module("core.dedupe.scan")
candidates_module = importlib.import_module("core.dedupe.candidates")


@pytest.fixture
def beside(monkeypatch) -> dict[str, list]:
    """Imports of any size scanned beside their writing (as at national scale); records
    the workers started and the pairs each import stored."""
    seen: dict[str, list] = {"started": [], "stored": [], "answered": []}
    monkeypatch.setattr(scan_module, "WALK_MIN", 10)
    monkeypatch.setattr(scan_module, "WALK_SHARE", 0.0)
    monkeypatch.setattr(child_processes, "WORKERS", 2)
    real_start, real_store = child_processes.start, candidates_module.store_around
    real_pairs = import_scan_module.ImportScan.pairs

    def start(module: str):
        seen["started"].append(module)
        return real_start(module)

    def store_around(db, uuids, rows):
        seen["stored"].append((list(uuids), list(rows)))
        return real_store(db, uuids, rows)

    def pairs(self, *args, **kwargs):
        found = real_pairs(self, *args, **kwargs)
        seen["answered"].append(found is not None)
        return found

    monkeypatch.setattr(child_processes, "start", start)
    monkeypatch.setattr(candidates_module, "store_around", store_around)
    monkeypatch.setattr(import_scan_module.ImportScan, "pairs", pairs)
    return seen


def _found(rows) -> set[tuple[str, str, float, tuple[str, ...]]]:
    return {(p.victim_uuid_a, p.victim_uuid_b, p.score, tuple(p.reasons)) for p in rows}


@pytest.fixture
def team(tmp_path: Path):
    """A team's database holding the demonstration data."""
    db = open_database(tmp_path / "team.db")
    load_demo(db, "tester")
    yield db
    db.close()


def _scan_after(db, uuids) -> set[tuple[str, str, float, tuple[str, ...]]]:
    return _found(scan_module.scan(db, victim_uuids=uuids))


def _edit_victim(db, victim_uuid: str, user: str, **fields) -> None:
    incident_uuid = db.execute("SELECT incident_uuid FROM victims WHERE victim_uuid = ?", [victim_uuid]).fetchone()[0]
    incident, victims = load_incident(db, incident_uuid)
    save_incident(db, incident, [v.model_copy(update=fields) if v.victim_uuid == victim_uuid else v
                                 for v in victims], user)


def test_the_scan_beside_an_import_finds_what_the_scan_after_it_finds(tmp_path: Path, team, beside) -> None:
    central = open_database(tmp_path / "central.db")
    report = import_package(central, export_package(team, tmp_path / "p1.zip", status="all").path, "bob")
    assert "core.dedupe.import_scan_worker" in beside["started"] and beside["answered"] == [True]
    (uuids, rows), = beside["stored"]
    assert len(uuids) == report.counts["victims.csv"]["new"]
    assert len(rows) >= 5
    assert _found(rows) == _scan_after(central, uuids)

    # A second package: names corrected (pairs made and unmade), a decision taken about a
    # pair, and a record central corrected too (a conflict: the local copy stays).
    victims = [r[0] for r in team.execute("SELECT victim_uuid FROM victims ORDER BY rowid")]
    first = sorted(rows, key=lambda p: -p.score)
    decide(team, first[0].victim_uuid_a, first[0].victim_uuid_b, "different_people", "rev")
    for uuid in victims[::7][:40]:
        _edit_victim(team, uuid, "tester", grandfather_name="مصطفى")
    _edit_victim(team, first[1].victim_uuid_a, "tester", given_name="عبد الرحمن")
    for family in ("الحلبي", "الحلبية"):  # twice: its version is the newer
        _edit_victim(team, victims[3], "tester", family_name=family)
    _edit_victim(central, victims[3], "bob", family_name="الحمصي")
    report = import_package(central, export_package(team, tmp_path / "p2.zip", status="all").path, "bob")
    assert report.counts["victims.csv"]["conflicts"] == 1 and report.counts["victims.csv"]["updated"] >= 40
    assert beside["answered"] == [True, True]
    uuids, rows = beside["stored"][-1]
    assert len(uuids) == report.counts["victims.csv"]["updated"]
    assert _found(rows) == _scan_after(central, uuids)
    assert (first[0].victim_uuid_a, first[0].victim_uuid_b) not in {(p.victim_uuid_a, p.victim_uuid_b) for p in rows}
    central.close()


def test_a_worker_that_fails_leaves_the_scan_to_after_the_import(tmp_path: Path, team, monkeypatch, beside) -> None:
    central = open_database(tmp_path / "central.db")
    real_start = child_processes.start

    def broken(module: str):
        beside["started"].append(module)
        return real_start("core.no_such_module")  # starts, and ends at once without answering

    monkeypatch.setattr(child_processes, "start", broken)
    import_package(central, export_package(team, tmp_path / "p.zip", status="all").path, "bob")
    assert beside["answered"] == [False]
    (uuids, rows), = beside["stored"]
    assert rows and _found(rows) == _scan_after(central, uuids)
    central.close()


def test_a_write_by_someone_else_between_the_checks_and_the_writing_is_seen(tmp_path: Path, team, monkeypatch,
                                                                             beside) -> None:
    """Records are classified once checked; if another connection writes before the import
    does, they are classified again (here: a local correction makes an update a conflict),
    and the scan runs after the import."""
    central = open_database(tmp_path / "central.db")
    import_package(central, export_package(team, tmp_path / "p1.zip", status="all").path, "bob")
    victim = team.execute("SELECT victim_uuid FROM victims ORDER BY rowid LIMIT 1").fetchone()[0]
    for age in (41, 42):  # twice: its version is newer than a correction made there once
        _edit_victim(team, victim, "tester", age=age)
    package = export_package(team, tmp_path / "p2.zip", status="all").path
    real_writing = import_module._writing

    def someone_else_first(db):
        other = open_database(tmp_path / "central.db", create=False)
        _edit_victim(other, victim, "carol", notes="corrected here")
        other.close()
        return real_writing(db)

    monkeypatch.setattr(import_module, "_writing", someone_else_first)
    beside["started"].clear()
    report = import_package(central, package, "bob")
    assert report.counts["victims.csv"]["updated"] == 0 and report.counts["victims.csv"]["conflicts"] == 1
    assert central.execute("SELECT notes FROM victims WHERE victim_uuid = ?", [victim]).fetchone()[0] == \
        "corrected here"
    assert "core.dedupe.import_scan_worker" not in beside["started"]
    central.close()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_the_worker_file_is_encrypted_when_the_database_is(tmp_path: Path, team, monkeypatch, beside, fast_kdf,
                                                            encrypted: bool) -> None:
    credentials = {"user": "amal", "password": "pw"} if encrypted else {}
    central = open_database(tmp_path / "central.db", **credentials)
    headers = []
    real_wait = import_scan_module.ImportScan.wait_read

    def wait_read(self, *args, **kwargs):
        real_wait(self, *args, **kwargs)
        headers.append(Path(self.path).read_bytes()[:16])

    monkeypatch.setattr(import_scan_module.ImportScan, "wait_read", wait_read)
    import_package(central, export_package(team, tmp_path / "p.zip", status="all").path, "amal")
    assert beside["answered"] == [True]
    (header,) = headers
    assert (header == b"SQLite format 3\x00") is not encrypted and len(header) == 16
    (uuids, rows), = beside["stored"]
    assert rows and _found(rows) == _scan_after(central, uuids)
    central.close()


def test_an_import_cancelled_while_writing_ends_the_scan_beside_it(tmp_path: Path, team, monkeypatch, beside) -> None:
    from core.jobs import Cancelled, JobState
    from tests.core.exchange.helpers import dump

    central = open_database(tmp_path / "central.db")
    package = export_package(team, tmp_path / "p.zip", status="all").path
    before = dump(central)
    handles = []
    real_start = import_scan_module.ImportScan.start.__func__

    def start(cls, *args, **kwargs):
        handles.append(real_start(cls, *args, **kwargs))
        return handles[-1]

    class CancelWhenWriting(JobState):
        def progress(self, done: int, total: int, message: str = "") -> None:
            super().progress(done, total, message)
            if message == "Writing":
                self.cancel()

    monkeypatch.setattr(import_scan_module.ImportScan, "start", classmethod(start))
    with pytest.raises(Cancelled):
        import_package(central, package, "bob", CancelWhenWriting())
    assert dump(central) == before
    (handle,) = handles
    assert handle.process.poll() is not None and not Path(handle.path).exists()
    central.close()


def test_an_encrypted_database_made_with_smaller_pages_is_scanned_beside_too(tmp_path: Path, team, monkeypatch, beside,
                                                                           fast_kdf) -> None:
    from core.storage import driver

    with monkeypatch.context() as m:
        m.setattr(driver, "CIPHER_PAGE_SIZES", (driver.SQLCIPHER_PAGE_SIZE,))
        open_database(tmp_path / "central.db", user="amal", password="pw").close()
    central = open_database(tmp_path / "central.db", user="amal", password="pw")
    assert central.execute("PRAGMA cipher_page_size").fetchone()[0] == str(driver.SQLCIPHER_PAGE_SIZE)
    import_package(central, export_package(team, tmp_path / "p.zip", status="all").path, "amal")
    assert beside["answered"] == [True]
    (uuids, rows), = beside["stored"]
    assert rows and _found(rows) == _scan_after(central, uuids)
    central.close()


def test_an_import_around_every_record_counts_as_a_full_scan(tmp_path: Path, team) -> None:
    """Imported into a database without victims, the scan around the records imported is
    a scan of the whole database: the review screen is told so. Into one holding others,
    it is not."""
    from core.dedupe import last_scanned, scan_and_store
    from tests.core.factories import incident, victim

    package = export_package(team, tmp_path / "p.zip", status="all").path
    central = open_database(tmp_path / "central.db")
    import_package(central, package, "bob")
    assert last_scanned(central) is not None
    stored = set(central.execute("SELECT victim_uuid_a, victim_uuid_b, score FROM duplicate_candidates").fetchall())
    scan_and_store(central)
    assert set(central.execute("SELECT victim_uuid_a, victim_uuid_b, score FROM duplicate_candidates")) == stored
    other = open_database(tmp_path / "other.db")
    local = incident()
    save_incident(other, local, [victim(local, given_name="سعاد", family_name="النجار", sex="female")], "bob")
    import_package(other, package, "bob")
    assert last_scanned(other) is None
    for db in (central, other):
        db.close()
