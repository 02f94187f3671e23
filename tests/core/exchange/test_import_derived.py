"""What an import leaves beside the records: the same derived tables as saving the records
one by one, and nothing at all when the package is refused, wherever its fault is."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from core import audit
from core.exchange import PackageRefused, export_package, import_package
from core.exchange import import_ as import_module
from core.exchange import validate as validate_module
from core.models import new_uuid, utc_now
from core.storage import open_database
from core.storage.facts import relink_persons
from core.storage.records import load_incident, save_incident, snapshot_payload, victim_json
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS
from tests.core.exchange.helpers import dump, read_rows, write_rows
from tests.core.factories import incident, victim

STATUSES = ("approved", "submitted", "draft", "returned", "rejected", "approved")
GIVEN = ("محمد", "\u200fأحمد", "فاطمة", "Mohammad", "", "عبد الله")
FAMILY = ("الحلبي", "الأحمد", "al-Halabi", "", "الشامي")


@pytest.fixture(autouse=True, params=["row by row", "indexes set aside"])
def small_chunks(monkeypatch, request):
    """Chunks of a few rows, so that a small package crosses every chunk boundary; and a
    large import's way of writing (indexes set aside and rebuilt) taken by a small one."""
    monkeypatch.setattr(import_module, "BULK_MIN_VICTIMS", 0 if request.param == "indexes set aside" else 10**9)
    monkeypatch.setattr(validate_module, "BATCH", 3)
    monkeypatch.setattr(import_module, "SLICE", 4)
    for name in ("CHUNK", "WRITE_CHUNK"):
        for module in (validate_module, import_module):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, 5)
    set_aside: list[str] = []
    original = import_module._set_aside

    def spy(db, table, **kwargs):
        set_aside.append(table)
        return original(db, table, **kwargs)

    monkeypatch.setattr(import_module, "_set_aside", spy)
    return request.param, set_aside


def _records(count: int) -> list[tuple[Any, list[Any]]]:
    out = []
    for n in range(count):
        day = date(2012, 1, 1) + timedelta(days=37 * n)
        precision = ("day", "month", "year")[n % 3]
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        inc = incident(date=day.isoformat(), date_precision=precision, governorate=f"SY{n % 14 + 1:02d}",
                       review_status=STATUSES[n % len(STATUSES)], perpetrator=("regime", "russia", "isis")[n % 3],
                       summary=f"incident {n}", latitude=33.5 if n % 4 == 0 else None)
        victims = []
        for k in range(n % 4 + 1):
            i = n * 7 + k
            victims.append(victim(
                inc, given_name=GIVEN[i % len(GIVEN)], family_name=FAMILY[i % len(FAMILY)],
                name_latin="Ahmad al-Shami" if i % 5 == 0 else "", sex=("male", "female", "unknown")[i % 3],
                age=(None, 9, 30, 17, 64)[i % 5], outcome="injured" if i % 6 == 0 else "killed",
                civilian=("civilian", "combatant", "unknown")[i % 3],
                death_date=(day + timedelta(days=3)).isoformat() if i % 4 == 1 else None))
        out.append((inc, victims))
    return out


def _saved_one_by_one(path: Path, records) -> Any:
    db = open_database(path)
    for inc, victims in records:
        save_incident(db, inc, victims, "alice")
    a, b = records[1][1][0].victim_uuid, records[4][1][0].victim_uuid
    with db.atomic():
        db["duplicate_decisions"].insert({"decision_uuid": new_uuid(), "victim_uuid_a": a, "victim_uuid_b": b,
                                          "decision": "same_person", "decided_by": "rev", "decided_at": utc_now(),
                                          "retracted": 0})
        relink_persons(db, [a, b])
    return db


def _rows(db, sql: str) -> list[tuple[Any, ...]]:
    return sorted(db.execute(sql).fetchall(), key=repr)


def _snapshot(payload: str) -> dict[str, Any]:
    # The victims of a package come in the export's order, not in the order they were first
    # typed: the order of victims in a snapshot is not compared.
    content = json.loads(payload)
    content["victims"].sort(key=lambda v: v["victim_uuid"])
    return content


def derived(db) -> dict[str, Any]:
    """Everything stored beside the records, in a form that does not depend on row ids or
    on when it was written."""
    terms = {t for (text,) in db.execute("SELECT search_text FROM victims") for t in text.split()}
    return {
        "victim_keys": _rows(db, "SELECT * FROM victim_keys"),
        "search_text": _rows(db, "SELECT victim_uuid, search_text FROM victims"),
        "tally_facts": _rows(db, "SELECT * FROM tally_facts"),
        "tally_months": _rows(db, "SELECT * FROM tally_months WHERE killed != 0"),
        "tally_years": _rows(db, "SELECT * FROM tally_years WHERE killed != 0"),
        "victim_person": _rows(db, "SELECT * FROM victim_person"),
        "snapshots": {uuid: (version, _snapshot(payload)) for uuid, version, payload in
                      db.execute("SELECT incident_uuid, version, payload FROM approved_snapshots")},
        "full_text": {term: _rows(db, f"""SELECT v.victim_uuid FROM victims_fts f JOIN victims v ON v.rowid = f.rowid
                                          WHERE victims_fts MATCH '"{term}"'""") for term in sorted(terms)},
    }


def _import(db, package: Path) -> Any:
    return import_package(db, package, "bob", scan_duplicates=False)


def test_derived_tables_equal_those_of_saving_one_by_one(tmp_path: Path, small_chunks) -> None:
    way, set_aside = small_chunks
    records = _records(24)
    a = _saved_one_by_one(tmp_path / "a.db", records)
    b = open_database(tmp_path / "b.db")
    schema = _schema(b)
    _import(b, export_package(a, tmp_path / "p1", status="all").path)
    assert derived(b) == derived(a)
    # Snapshots written by saving and by importing are the same text for the same rows.
    for database in (a, b):
        payloads = [payload for (payload,) in database.execute("SELECT payload FROM approved_snapshots")]
        assert payloads
        for payload in payloads:
            content = json.loads(payload)
            assert payload == snapshot_payload(content["incident"], [victim_json(v) for v in content["victims"]])
    # The history of each record imported holds the record as written (its canonical text).
    for table, kind, columns in (("victims", "victim", VICTIM_COLUMNS), ("incidents", "incident", INCIDENT_COLUMNS)):
        key = f"{kind}_uuid"
        written = {row[key]: audit.canonical({c: row[c] for c in columns})
                   for row in b.query(f"SELECT * FROM {table}")}
        history = {uuid: after for uuid, after in b.execute(
            "SELECT record_uuid, after FROM audit_log WHERE action = 'import' AND record_type = ?", [kind])}
        assert history == written and written
    assert _schema(b) == schema
    assert sorted(set_aside) == (sorted(import_module.BULK_TABLES) if way == "indexes set aside" else [])
    b.execute("INSERT INTO victims_fts (victims_fts) VALUES ('integrity-check')")
    assert b.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # Newer versions replace the imported copies: dates, names, statuses and victims change.
    for n, (inc, _) in enumerate(records[:12]):
        stored, victims = load_incident(a, inc.incident_uuid)
        changes: dict[str, Any] = {"summary": f"corrected {n}"}
        if n % 3 == 0:
            changes["date"] = date(2011, 6, 1)
            changes["date_precision"] = "month"
        if n % 4 == 1:
            changes["review_status"] = "approved"
        victims = [v.model_copy(update={"family_name": "المصري", "age": 40, "age_group": "adult"}) if k == 0 else v
                   for k, v in enumerate(victims)]
        save_incident(a, stored.model_copy(update=changes), victims, "alice")
    report = _import(b, export_package(a, tmp_path / "p2", status="all").path)
    assert report.counts["incidents.csv"]["updated"] == 12
    assert derived(b) == derived(a)
    b.execute("INSERT INTO victims_fts (victims_fts) VALUES ('integrity-check')")
    assert audit.verify(b).ok
    assert _triggers(b) == _triggers(a)
    a.close()
    b.close()


def _schema(db) -> list[tuple[str, str, str]]:
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def _triggers(db) -> list[tuple[str, str]]:
    return db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()


def test_the_import_knows_the_trigger_it_sets_aside(tmp_path: Path) -> None:
    """The trigger an import sets aside while it dates the victims' keys is the one in the schema."""
    db = open_database(tmp_path / "a.db")
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [import_module.EVENT_DATE_TRIGGER]).fetchone()
    assert " ".join(sql.split()) == " ".join(import_module.EVENT_DATE_TRIGGER_SQL.split())
    db.close()


def _bad_last_victim(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    rows[-1][header.index("age")] = "10"
    rows[-1][header.index("age_group")] = "adult"
    write_rows(folder, "victims.csv", header, rows)


def _bad_last_incident(folder: Path) -> None:
    header, rows = read_rows(folder, "incidents.csv")
    rows[-1][header.index("perpetrator")] = "martians"
    write_rows(folder, "incidents.csv", header, rows)


def _last_victim_of_no_incident(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    rows[-1][header.index("incident_uuid")] = "00000000-0000-4000-8000-000000000000"
    write_rows(folder, "victims.csv", header, rows)


def _last_victim_twice(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    rows[-1][header.index("victim_uuid")] = rows[0][header.index("victim_uuid")]
    write_rows(folder, "victims.csv", header, rows)


def _last_death_before_incident(folder: Path) -> None:
    header, rows = read_rows(folder, "victims.csv")
    rows[-1][header.index("death_date")] = "2011-03-01"
    write_rows(folder, "victims.csv", header, rows)


def _last_decision_bad(folder: Path) -> None:
    header, rows = read_rows(folder, "decisions.csv")
    rows[-1][header.index("decision")] = "maybe"
    write_rows(folder, "decisions.csv", header, rows)


FAULTS = {
    "victim row": (_bad_last_victim, "victims.csv", "age_group"),
    "incident row": (_bad_last_incident, "incidents.csv", "perpetrator"),
    "victim of no incident": (_last_victim_of_no_incident, "victims.csv", "incident_uuid"),
    "victim twice": (_last_victim_twice, "victims.csv", "victim_uuid"),
    "death before the incident": (_last_death_before_incident, "victims.csv", "death_date"),
    "decision row": (_last_decision_bad, "decisions.csv", "decision"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_in_the_last_row_leaves_the_database_as_it_was(tmp_path: Path, fault: str) -> None:
    change, file, column = FAULTS[fault]
    records = _records(20)
    a = _saved_one_by_one(tmp_path / "a.db", records)
    b = open_database(tmp_path / "b.db")
    _import(b, export_package(a, tmp_path / "p1", status="all").path)
    for inc, victims in records[:10]:  # the package holds updates as well as new records
        save_incident(a, inc.model_copy(update={"summary": "changed"}), victims, "alice")
    for inc, victims in _records(30)[20:]:
        save_incident(a, inc, victims, "alice")
    package = export_package(a, tmp_path / "p2", status="all").path
    change(package)
    before = dump(b)
    sequence = b.execute("SELECT * FROM sqlite_sequence").fetchall()
    with pytest.raises(PackageRefused) as info:
        _import(b, package)
    header, rows = read_rows(package, file)
    assert any(e.file == file and e.column == column and e.row == len(rows) + 1 for e in info.value.report.errors), \
        info.value.report.text()
    assert dump(b) == before
    assert b.execute("SELECT * FROM sqlite_sequence").fetchall() == sequence
    a.close()
    b.close()


def test_an_encrypted_database_sorts_in_memory_while_importing(tmp_path: Path, small_chunks, monkeypatch) -> None:
    """Building an index again sorts in temporary storage, which SQLCipher does not
    encrypt: for an encrypted database it stays in memory, never a temporary file; the
    result is the same."""
    way, set_aside = small_chunks
    stores: list[int] = []
    original = import_module._put_back

    def spy(db, aside):
        stores.append(db.execute("PRAGMA temp_store").fetchone()[0])
        return original(db, aside)

    monkeypatch.setattr(import_module, "_put_back", spy)
    a = _saved_one_by_one(tmp_path / "a.db", _records(10))
    b = open_database(tmp_path / "b.db", user="bob", password="bob-pass-123")
    _import(b, export_package(a, tmp_path / "p1", status="all").path)
    assert derived(b) == derived(a)
    assert bool(set_aside) == (way == "indexes set aside")
    assert stores and 1 not in stores  # 1: FILE
    assert b.execute("PRAGMA temp_store").fetchone()[0] == 0
    a.close()
    b.close()
