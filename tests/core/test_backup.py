"""Rotating backups, encrypted like their database, and a restore that checks first."""
from __future__ import annotations

import pytest

from core import backup
from core.storage import open_database, session
from core.storage.records import save_incident
from tests.core.factories import incident, victim

pytestmark = pytest.mark.usefixtures("fast_kdf")
NAME = "Zainab"


def _save(db, n=1):
    for _ in range(n):
        inc = incident()
        save_incident(db, inc, [victim(inc, given_name="زينب", name_latin=NAME, sex="female")], "amal")


@pytest.fixture
def enc(db_path):
    db = open_database(db_path, user="amal", password="pw")
    yield db
    db.close()


def test_a_backup_is_encrypted_like_its_database_and_holds_its_records(enc, db_path):
    _save(enc, 3)
    path = backup.make_backup(enc)
    assert path.parent == db_path.parent / "backups"
    assert NAME.encode() not in path.read_bytes() and "زينب".encode() not in path.read_bytes()
    info = backup.check_backup(path, session(enc).key)
    assert (info.incidents, info.victims) == (3, 3)
    with pytest.raises(backup.BackupInvalid, match="does not open with this database's key"):
        backup.check_backup(path, None)


def test_a_plain_database_has_plain_backups(db):
    _save(db)
    path = backup.make_backup(db)
    assert NAME.encode() in path.read_bytes()
    assert backup.check_backup(path, None).victims == 1


def test_only_the_newest_backups_are_kept(enc, db_path):
    _save(enc)
    made = [backup.make_backup(enc, keep=3) for _ in range(5)]
    assert backup.list_backups(db_path) == made[-3:]


def test_automatic_backups_come_at_start_and_after_every_n_saves(enc, db_path):
    backup.set_backup_settings(enc, every=3, keep=10)
    auto = backup.AutoBackup.for_database(enc)
    assert auto.run(enc) is None  # nothing to back up in an empty database
    _save(enc)
    assert auto.run(enc) is not None  # "at start"
    due = [auto.note_save() for _ in range(7)]
    assert due == [False, False, True, False, False, True, False]
    assert backup.backup_settings(enc) == (3, 10)


def test_a_damaged_backup_is_refused_with_the_reason(enc, db_path):
    _save(enc, 20)
    path = backup.make_backup(enc)
    data = bytearray(path.read_bytes())
    data[5000:5100] = b"\x00" * 100  # inside page 2: its HMAC no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(backup.BackupInvalid):
        backup.check_backup(path, session(enc).key)


def test_a_backup_of_another_database_is_refused(tmp_path, db_path, enc):
    _save(enc)
    key = session(enc).key
    other = open_database(tmp_path / "other.db", key=key)
    _save(other)
    theirs = backup.make_backup(other)
    other.close()
    enc.close()
    before = db_path.read_bytes()
    with pytest.raises(backup.BackupInvalid, match="another database"):
        backup.restore_backup(db_path, theirs, key)
    assert db_path.read_bytes() == before


def test_a_backup_from_a_newer_version_is_refused(db, tmp_path):
    _save(db)
    path = backup.make_backup(db)
    from core.storage import driver

    conn = driver.connect(str(path))
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    with pytest.raises(backup.BackupInvalid, match="newer version"):
        backup.check_backup(path, None)


def test_a_full_disk_while_backing_up_leaves_no_partial_backup(db, db_path, monkeypatch):
    from core.storage import DiskFull

    _save(db)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_fsync", full)
    with pytest.raises(DiskFull):
        backup.make_backup(db)
    assert list((db_path.parent / "backups").iterdir()) == []
