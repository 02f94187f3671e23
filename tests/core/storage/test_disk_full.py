"""A full disk during a save leaves the database as it was and says so."""
from __future__ import annotations

import pytest

from core.models import Incident, Victim
from core.storage import DiskFull, open_database
from core.storage.records import load_incident, save_incident

pytestmark = pytest.mark.usefixtures("fast_kdf")


def _incident(victims: int, notes: int) -> tuple[Incident, list[Victim]]:
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    return incident, [Victim(incident_uuid=incident.incident_uuid, given_name="مريم", sex="female", age=30,
                             notes="ن" * notes) for _ in range(victims)]


def _state(db) -> tuple[int, ...]:
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("incidents", "victims", "audit_log", "tally_facts", "victim_keys", "victims_fts"))


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
def test_a_full_disk_refuses_the_save_says_so_and_changes_nothing(db_path, encrypted):
    db = open_database(db_path, user="amal", password="pw") if encrypted else open_database(db_path)
    first = _incident(2, 10)
    save_incident(db, *first, "amal")
    before = _state(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for almost nothing more
    big = _incident(10, 20_000)
    with pytest.raises(DiskFull) as err:
        save_incident(db, *big, "amal")
    assert "The disk is full" in str(err.value) and "as it was" in str(err.value)
    assert _state(db) == before
    assert not db.conn.in_transaction
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Space again: the same save now works, and the earlier record is intact.
    db.execute("PRAGMA max_page_count = 1073741823")
    save_incident(db, *big, "amal")
    assert len(load_incident(db, big[0].incident_uuid)[1]) == 10
    assert len(load_incident(db, first[0].incident_uuid)[1]) == 2
    db.close()


def test_the_command_line_says_the_disk_is_full_in_one_sentence(db_path, monkeypatch, capsys):
    from core import cli

    def full(*args, **kwargs):
        raise DiskFull("database or disk is full")

    db = open_database(db_path)
    save_incident(db, *_incident(1, 1), "amal")
    db.close()
    monkeypatch.setattr("core.backup.make_backup", full)
    assert cli.main(["--db", str(db_path), "backup"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tawthiq: The disk is full") and "Traceback" not in err
