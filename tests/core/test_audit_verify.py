from __future__ import annotations

import sqlite3

import pytest

from core import accounts, audit, review
from core.storage.records import delete_incident, load_incident, save_incident
from tests.core.factories import incident, victim


@pytest.fixture
def kept(db):
    """A database used normally: accounts, entries, edits, review, a deletion."""
    accounts.create_user(db, "local", "rana", "admin-pass")
    accounts.create_user(db, "rana", "amal", "documenter-pass", role="documenter")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    uuids = []
    for n in range(3):
        inc = incident(review_status="submitted", locality=f"place {n}")
        save_incident(db, inc, [victim(inc, given_name="أحمد", family_name="الحسن"), victim(inc, age=8)], "amal")
        uuids.append(inc.incident_uuid)
    inc, victims = load_incident(db, uuids[0])
    save_incident(db, inc.model_copy(update={"summary": "two sources"}), victims[:1], "amal")
    review.approve(db, "omar", uuids[0])
    review.return_to_documenter(db, "omar", uuids[1], "add the hospital")
    delete_incident(db, uuids[2], "amal")
    accounts.change_password(db, "rana", "amal", "another-pass")
    return db, uuids


def insider(db) -> sqlite3.Connection:
    """What someone holding the file can do: drop the triggers, then write SQL."""
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")
    return db.conn


def test_a_normally_used_database_verifies(kept):
    db, _ = kept
    result = audit.verify(db)
    assert result.ok, [str(f) for f in result.findings]
    assert result.entries == db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert result.head == audit.head(db)
    assert audit.verify(db, expected_head=result.head).ok


def test_the_history_refuses_changes_through_sql(kept):
    db, _ = kept
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET user_name = 'someone' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log WHERE seq = 1")


def test_a_victims_name_changed_in_the_file_is_found(kept):
    db, uuids = kept
    _, victims = load_incident(db, uuids[1])
    target = victims[0].victim_uuid
    insider(db).execute("UPDATE victims SET given_name = 'محمد' WHERE victim_uuid = ?", [target])
    result = audit.verify(db)
    assert not result.ok
    names = [f for f in result.findings if f.kind == "record"]
    assert [(f.record_type, f.record_uuid) for f in names] == [("victim", target)]
    assert "given_name is محمد in the file" in names[0].message and "says أحمد" in names[0].message
    assert any(f.kind == "protection" for f in result.findings)


def test_a_changed_history_entry_is_named(kept):
    db, uuids = kept
    seq = db.execute("SELECT seq FROM audit_log WHERE action = 'approve'").fetchone()[0]
    insider(db).execute("UPDATE audit_log SET user_name = 'rana' WHERE seq = ?", [seq])
    result = audit.verify(db)
    assert result.first_broken_entry == seq
    assert f"#{seq}" in result.findings[0].message and "changed after it was written" in result.findings[0].message


def test_a_removed_history_entry_is_named(kept):
    db, _ = kept
    seq = db.execute("SELECT seq FROM audit_log WHERE action = 'return'").fetchone()[0]
    insider(db).execute("DELETE FROM audit_log WHERE seq = ?", [seq])
    result = audit.verify(db)
    assert result.first_broken_entry == seq + 1
    assert "does not follow the entry before it" in result.findings[0].message


def test_entries_removed_from_the_end_are_found(kept):
    db, _ = kept
    last = db.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
    insider(db).execute("DELETE FROM audit_log WHERE seq = ?", [last])
    result = audit.verify(db)
    assert any("newest entries of the history were removed" in f.message for f in result.findings)


def test_a_rewritten_tail_is_found_against_an_exported_head(kept):
    db, uuids = kept
    exported = audit.head(db)
    conn = insider(db)
    last = db.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE seq = ?", [last])
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", [last - 1])
    # With the sequence rewound too, the chain alone looks whole; the exported head does not.
    result = audit.verify(db, expected_head=exported)
    assert any("earlier export" in f.message for f in result.findings)


def test_a_record_added_or_removed_in_the_file_is_found(kept):
    db, uuids = kept
    conn = insider(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    _, victims = load_incident(db, uuids[0])
    conn.execute("DELETE FROM victims WHERE victim_uuid = ?", [victims[0].victim_uuid])
    conn.execute(
        "INSERT INTO victims (victim_uuid, incident_uuid, version, updated_at, sex, age_group, civilian, outcome)"
        " VALUES ('00000000-0000-4000-8000-000000000000', ?, 1, '2016-01-05T00:00:00Z', 'male', 'adult', 'civilian', 'killed')",
        [uuids[0]],
    )
    found = {(f.record_uuid, "added" in f.message) for f in audit.verify(db).findings if f.kind == "record"}
    assert found == {(victims[0].victim_uuid, False), ("00000000-0000-4000-8000-000000000000", True)}


def test_an_approved_snapshot_or_a_password_hash_swapped_in_the_file_is_found(kept):
    db, uuids = kept
    conn = insider(db)
    conn.execute("UPDATE approved_snapshots SET payload = replace(payload, 'russia', 'isis')")
    conn.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE user_name = 'amal')"
                 " WHERE user_name = 'rana'")
    found = {(f.record_type, f.record_uuid) for f in audit.verify(db).findings if f.kind == "record"}
    assert found == {("approved_snapshot", uuids[0]), ("user", "rana")}


def test_a_duplicate_decision_changed_in_the_file_is_found(kept):
    from core.dedupe.decisions import decide

    db, uuids = kept
    a = load_incident(db, uuids[0])[1][0].victim_uuid
    b = load_incident(db, uuids[1])[1][0].victim_uuid
    decide(db, a, b, "different_people", "omar")
    assert audit.verify(db).ok
    insider(db).execute("UPDATE duplicate_decisions SET decision = 'same_person'")
    found = [f for f in audit.verify(db).findings if f.kind == "record"]
    assert [f.record_type for f in found] == ["duplicate_decision"]
    assert "decision is same_person in the file" in found[0].message


def test_the_demonstration_data_verifies(db):
    from seeds.demo import load_demo

    load_demo(db, "demo")
    result = audit.verify(db)
    assert result.ok, [str(f) for f in result.findings[:5]]
    assert result.records >= db.execute("SELECT COUNT(*) FROM victims").fetchone()[0]


def test_an_imported_package_verifies_on_the_receiving_side(kept, tmp_path):
    from core.exchange.export import export_package
    from core.exchange.import_ import import_package
    from core.storage import open_database

    db, _ = kept
    export_package(db, tmp_path / "package.zip", "all", None, None, "rana")
    assert audit.verify(db).ok
    central = open_database(tmp_path / "central.db", encrypt=False)
    import_package(central, tmp_path / "package.zip", "central")
    result = audit.verify(central)
    assert result.ok, [str(f) for f in result.findings[:5]]
    assert central.execute("SELECT COUNT(*) FROM approved_snapshots").fetchone()[0] == 1
    central.close()
