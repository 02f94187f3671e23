"""Saving and reading incidents: atomic, versioned, soft-deleted, searchable."""
from __future__ import annotations

import sqlite3

import pytest

from core.storage import StorageError, get_meta, open_database, origin
from core.storage.records import (
    RecordInvalid,
    delete_incident,
    load_incident,
    save_incident,
)
from core.storage.schema import apply_migrations, current_version, latest_version
from tests.core.factories import incident, victim


def count(db, table: str, where: str = "1") -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]


def test_a_new_database_has_the_latest_schema_pragmas_and_an_origin(db):
    assert current_version(db) == latest_version()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert len(origin(db)) == 36


def test_the_origin_is_fixed_at_creation(db_path):
    first = open_database(db_path)
    value = origin(first)
    first.close()
    assert origin(open_database(db_path)) == value


def test_reading_back_gives_equal_records(db):
    inc = incident(locality="الميادين", sources="شاهد عيان", latitude=35.0, longitude=40.45)
    victims = [victim(inc, given_name="أحمد", family_name="الحسن"), victim(inc, sex="female", age=9)]
    saved = save_incident(db, inc, victims, "amal")
    loaded_incident, loaded_victims = load_incident(db, inc.incident_uuid)
    assert loaded_incident == saved.incident
    assert loaded_victims == saved.victims
    assert loaded_incident.model_dump(exclude={"created_by", "updated_at"}) == inc.model_dump(exclude={"created_by", "updated_at"})
    assert loaded_incident.created_by == "amal"


def test_versions_rise_only_for_records_whose_content_changed(db):
    inc = incident()
    a, b = victim(inc, given_name="محمد"), victim(inc, given_name="خالد")
    save_incident(db, inc, [a, b], "amal")
    unchanged = save_incident(db, inc, [a, b], "amal")
    assert unchanged.incident.version == 1 and not unchanged.changes.victims
    b2 = b.model_copy(update={"age": 31})
    changed = save_incident(db, inc, [a, b2], "amal", now="2020-01-01T00:00:00Z")
    versions = {v.victim_uuid: (v.version, v.updated_at) for v in changed.victims}
    assert versions[a.victim_uuid][0] == 1
    assert versions[b.victim_uuid] == (2, "2020-01-01T00:00:00Z")
    assert changed.incident.version == 1


def test_an_invalid_victim_saves_nothing(db):
    inc = incident()
    bad = victim(inc, death_date="2016-01-01")  # before the incident
    with pytest.raises(RecordInvalid) as info:
        save_incident(db, inc, [victim(inc), victim(inc), bad], "amal")
    assert info.value.problems[0].victim_index == 2
    assert count(db, "incidents") == 0 and count(db, "victims") == 0 and count(db, "audit_log") == 0


def test_a_failure_while_writing_the_victims_name_keys_saves_nothing(db, monkeypatch):
    import core.storage.records as records

    inc = incident()
    victims = [victim(inc, given_name=n) for n in ("أحمد", "محمود", "علي")]
    calls = []

    def failing(database, rows):
        calls.append([row["victim_uuid"] for row in rows])
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(records, "_write_keys", failing)
    with pytest.raises(sqlite3.OperationalError):
        save_incident(db, inc, victims, "amal")
    assert calls == [[v.victim_uuid for v in victims]]
    for table in ("incidents", "victims", "victim_keys", "tally_facts", "audit_log"):
        assert count(db, table) == 0, table


def test_removing_a_victim_from_an_incident_is_a_soft_delete(db):
    inc = incident()
    a, b = victim(inc), victim(inc, sex="female")
    save_incident(db, inc, [a, b], "amal")
    saved = save_incident(db, inc, [a], "amal")
    assert b.victim_uuid in saved.changes.victims
    assert [v.victim_uuid for v in load_incident(db, inc.incident_uuid)[1]] == [a.victim_uuid]
    assert count(db, "victims", "deleted = 1") == 1


def test_deleting_an_incident_keeps_it_in_the_file_and_history(db):
    inc = incident(review_status="approved")
    save_incident(db, inc, [victim(inc)], "amal")
    delete_incident(db, inc.incident_uuid, "amal")
    assert count(db, "incidents", "deleted = 1") == 1
    assert count(db, "victims", "deleted = 1") == 1
    assert count(db, "tally_facts") == 0
    actions = [r[0] for r in db.execute(
        "SELECT action FROM audit_log WHERE record_type IN ('incident', 'victim') ORDER BY seq")]
    assert actions == ["create", "create", "delete", "delete"]


def test_name_search_uses_normalised_arabic(db):
    inc = incident()
    save_incident(db, inc, [victim(inc, given_name="أحمد", family_name="السيدة"), victim(inc, given_name="Ahmad")], "amal")
    hits = db.execute("SELECT search_text FROM victims WHERE rowid IN "
                      "(SELECT rowid FROM victims_fts WHERE victims_fts MATCH ?)", ["احمد"]).fetchall()
    assert hits == [("احمد السيده",)]


def test_an_old_database_is_migrated_at_open_and_keeps_its_data(db_path):
    from sqlite_utils import Database

    first = Database(sqlite3.connect(db_path))
    apply_migrations(first, up_to=1)  # a database made by the first release
    assert current_version(first) == 1
    first.execute(
        "INSERT INTO incidents (incident_uuid, version, updated_at, created_by, origin, review_status, date,"
        " date_precision, governorate, incident_type, perpetrator, source_count, locality, sources, summary)"
        " VALUES ('6f1c1f56-8a7e-4a39-9f0a-6c1b3d4f5e6a', 1, '2016-01-06T10:00:00Z', 'amal',"
        " '6f1c1f56-8a7e-4a39-9f0a-6c1b3d4f5e6b', 'draft', '2016-01-05', 'day', 'SY09', 'airstrike', 'russia', 0, '', '', '')"
    )
    first.conn.commit()
    first.close()
    db = open_database(db_path)
    assert current_version(db) == latest_version() > 1
    inc, victims = load_incident(db, "6f1c1f56-8a7e-4a39-9f0a-6c1b3d4f5e6a")
    assert inc.governorate == "SY09" and victims == []
    assert "tally_facts" in db.table_names() and get_meta(db, "origin")


def test_a_database_from_a_newer_version_is_refused(db_path):
    db = open_database(db_path)
    db.execute(f"PRAGMA user_version = {latest_version() + 1}")
    db.close()
    with pytest.raises(StorageError, match="newer version of Tawthiq"):
        open_database(db_path)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="cannot be opened as a Tawthiq database"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_migration_numbered_below_the_database_version_is_still_applied(db_path, monkeypatch):
    from core.storage import schema

    db = open_database(db_path)
    top = current_version(db)
    free = next(n for n in range(1, top) if n not in {m[0] for m in schema.MIGRATIONS})
    db.close()
    ran = []
    monkeypatch.setattr(schema, "MIGRATIONS", sorted(
        [*schema.MIGRATIONS, (free, "added later by another area", lambda d: ran.append(free))]))
    db = open_database(db_path)
    assert ran == [free]
    assert current_version(db) == top
    assert free in schema.applied_migrations(db)
    db.close()
    open_database(db_path).close()
    assert ran == [free]  # once only


def test_a_database_from_before_migrations_were_recorded_gets_its_record(db_path):
    from core.storage import schema

    db = open_database(db_path)
    db.execute("DROP TABLE schema_migrations")
    db.close()
    db = open_database(db_path)
    assert schema.applied_migrations(db) == {m[0] for m in schema.MIGRATIONS}
    assert schema.pending_migrations(db) == []
    db.close()
