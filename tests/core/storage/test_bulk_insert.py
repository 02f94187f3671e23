"""Bulk insertion writes what saving records one by one writes: the same rows, the same
approved snapshots, the same history chain, the same tally facts."""
from __future__ import annotations

import json

import pytest

from core import audit
from core.storage import open_database
from core.storage.records import RecordInvalid, bulk_insert, save_incident, write_snapshot
from core.tallies import tally
from seeds.demo import build_demo

FACT_COLUMNS = ("basis, victim_uuid, incident_uuid, person_key, counted, date, month, perpetrator,"
                " governorate, incident_type, civilian, category, outcome")


@pytest.fixture(scope="module")
def records():
    return build_demo()[:120]


def test_snapshots_are_those_write_snapshot_writes(db, records):
    bulk_insert(db, records, "tester", batch_size=20)
    approved = [i.incident_uuid for i, _ in records if i.review_status == "approved"]
    assert approved
    stored = dict(db.execute("SELECT incident_uuid, payload FROM approved_snapshots").fetchall())
    assert set(stored) == set(approved)
    for uuid in approved:
        write_snapshot(db, uuid)
    again = dict(db.execute("SELECT incident_uuid, payload FROM approved_snapshots").fetchall())
    assert again == stored
    assert json.loads(stored[approved[0]])["victims"]


def test_history_chain_is_that_of_one_append_per_record(db, tmp_path, records):
    bulk_insert(db, records, "tester", batch_size=20)
    other = open_database(tmp_path / "other.db")
    with other.atomic():
        for row in db.query("SELECT * FROM audit_log ORDER BY seq"):
            audit.append(other, user=row["user_name"], action=row["action"], record_type=row["record_type"],
                         record_uuid=row["record_uuid"], at=row["at"],
                         before=json.loads(row["before"]) if row["before"] else None,
                         after=json.loads(row["after"]) if row["after"] else None)
    query = "SELECT at, user_name, action, record_uuid, before, after, prev_hash, hash FROM audit_log ORDER BY seq"
    assert other.execute(query).fetchall() == db.execute(query).fetchall()
    n_records = len(records) + sum(len(v) for _, v in records)
    n_snapshots = sum(1 for i, _ in records if i.review_status == "approved")
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == n_records + n_snapshots
    other.close()


def test_the_history_written_in_bulk_verifies(db, records):
    bulk_insert(db, records, "tester", batch_size=20)
    result = audit.verify(db)
    assert result.ok, result.findings[:3]
    assert result.records > len(records)


def test_append_many_continues_the_chain(db):
    audit.append(db, user="a", action="x", record_type="t", record_uuid="1", before=None, after={"k": 1})
    head = audit.append_many(db, [
        {"user": "a", "action": "y", "record_type": "t", "record_uuid": "2", "after": {"k": 2}},
        {"user": "b", "action": "z", "record_type": "t", "record_uuid": "3", "before": {"k": 2}, "after": {}},
    ])
    rows = db.execute("SELECT prev_hash, hash FROM audit_log ORDER BY seq").fetchall()
    assert [r[0] for r in rows[1:]] == [r[1] for r in rows[:-1]]
    assert head == rows[-1][1] == audit.head(db)
    assert audit.append_many(db, []) == head


def test_bulk_insert_gives_the_rows_and_facts_of_saving_one_by_one(db, tmp_path, records):
    bulk_insert(db, records, "tester", batch_size=20)
    one_by_one = open_database(tmp_path / "saved.db")
    for incident, victims in records:
        save_incident(one_by_one, incident, victims, "tester", now=incident.updated_at)
    for table, columns in (("incidents", "*"), ("victims", "*"), ("victim_keys", "*"),
                           ("tally_facts", FACT_COLUMNS)):
        query = f"SELECT {columns} FROM {table} ORDER BY 1, 2"
        assert one_by_one.execute(query).fetchall() == db.execute(query).fetchall(), table
    for status in ("approved", "all"):
        assert tally(one_by_one, status=status).as_json() == tally(db, status=status).as_json()
    one_by_one.close()


def test_an_invalid_record_writes_nothing(db, records):
    incident, victims = records[3]
    late = victims[0].model_copy(update={"death_date": incident.date.replace(year=incident.date.year - 1)})
    with pytest.raises(RecordInvalid):
        bulk_insert(db, [*records[:3], (incident, [late, *victims[1:]])], "tester")
    for table in ("incidents", "victims", "audit_log", "approved_snapshots", "tally_facts"):
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table


def test_a_record_already_stored_writes_nothing(db, records):
    bulk_insert(db, records[:2], "tester")
    before = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(Exception, match="UNIQUE"):
        bulk_insert(db, records[1:4], "tester")
    assert db.execute("SELECT COUNT(*) FROM incidents").fetchone()[0] == 2
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before
