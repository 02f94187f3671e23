"""Encryption at rest: the file, its WAL and the key file show no name, and only an
account's password (or the raw key) opens the database."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from core.models import Incident, Victim
from core.storage import (
    PasswordRequired,
    StorageError,
    WrongPassword,
    is_encrypted,
    open_database,
    session,
)
from core.storage import keys as keyfile
from core.storage.records import load_incident, save_incident

pytestmark = pytest.mark.usefixtures("fast_kdf")

ARABIC = "عبدالرحمن"
LATIN = "Abdulrahman"


def _save_named(db) -> str:
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    victim = Victim(incident_uuid=incident.incident_uuid, given_name=ARABIC, father_name="محمود",
                    name_latin=LATIN + " Mahmoud", sex="male", age=30)
    save_incident(db, incident, [victim], "amal")
    return incident.incident_uuid


def _files(db_path: Path) -> list[Path]:
    return sorted(p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name))


def _assert_no_name(paths: list[Path]) -> None:
    assert paths
    for path in paths:
        data = path.read_bytes()
        for name in (ARABIC, LATIN):
            assert name.encode("utf-8") not in data, f"{name} readable in {path.name}"
            assert name.encode("utf-16-le") not in data, f"{name} readable in {path.name}"


def test_names_are_not_readable_in_the_file_its_wal_or_the_key_file(db_path):
    db = open_database(db_path, user="amal", password="correct horse")
    uuid = _save_named(db)
    # While open, the WAL holds the newest pages: it must be encrypted too.
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    _assert_no_name(_files(db_path))
    db.close()
    _assert_no_name(_files(db_path))
    assert is_encrypted(db_path)
    again = open_database(db_path, user="amal", password="correct horse")
    assert load_incident(again, uuid)[1][0].given_name == ARABIC
    again.close()


def test_the_same_data_in_a_plain_file_is_readable_so_the_check_above_can_fail(db_path):
    db = open_database(db_path)
    _save_named(db)
    db.close()
    assert not is_encrypted(db_path)
    assert any(ARABIC.encode() in p.read_bytes() for p in _files(db_path))


def test_a_wrong_password_or_unknown_user_gets_one_clear_message_and_opens_nothing(db_path):
    open_database(db_path, user="amal", password="correct horse").close()
    before = db_path.read_bytes()
    for user, password in (("amal", "wrong"), ("nobody", "correct horse"), ("amal", "")):
        with pytest.raises(WrongPassword) as err:
            open_database(db_path, user=user, password=password)
        assert str(err.value) == "The user name or password is wrong."
    assert db_path.read_bytes() == before


def test_an_encrypted_file_without_credentials_asks_for_them(db_path):
    open_database(db_path, user="amal", password="pw").close()
    with pytest.raises(PasswordRequired, match="encrypted"):
        open_database(db_path)


def test_the_standard_sqlite_module_cannot_read_it(db_path):
    open_database(db_path, user="amal", password="pw").close()
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM victims").fetchall()
    conn.close()


def test_the_raw_key_opens_it_and_a_wrong_raw_key_does_not(db_path):
    db = open_database(db_path, user="amal", password="pw")
    key = session(db).key
    assert key is not None and len(key) == 32
    db.close()
    open_database(db_path, key=key).close()
    with pytest.raises(WrongPassword):
        open_database(db_path, key=bytes(32))


def test_accounts_are_added_and_removed_without_re_encrypting_the_data(db_path):
    db = open_database(db_path, user="amal", password="pw-amal")
    key = session(db).key
    _save_named(db)
    db.close()
    data_before = db_path.read_bytes()
    keyfile.add_account(db_path, key, "basel", "pw-basel")
    open_database(db_path, user="basel", password="pw-basel").close()
    # A password change is a new entry for the same name; the old password stops working.
    keyfile.add_account(db_path, key, "basel", "new-basel")
    with pytest.raises(WrongPassword):
        open_database(db_path, user="basel", password="pw-basel")
    open_database(db_path, user="basel", password="new-basel").close()
    assert keyfile.remove_account(db_path, "basel")
    with pytest.raises(WrongPassword):
        open_database(db_path, user="basel", password="new-basel")
    assert db_path.read_bytes()[:4096] == data_before[:4096]  # same salt, same key: not re-encrypted
    open_database(db_path, user="amal", password="pw-amal").close()


def test_the_last_account_cannot_be_removed(db_path):
    open_database(db_path, user="amal", password="pw").close()
    with pytest.raises(StorageError, match="last account"):
        keyfile.remove_account(db_path, "amal")
    open_database(db_path, user="amal", password="pw").close()


def test_the_key_file_holds_no_secret_and_no_user_name_in_clear(db_path):
    db = open_database(db_path, user="amal", password="correct horse")
    key = session(db).key
    db.close()
    text = keyfile.key_file_path(db_path).read_text()
    data = json.loads(text)
    assert data["format"] == "tawthiq-keys"
    assert "amal" not in text and "correct horse" not in text
    assert key.hex() not in text and keyfile._b64(key) not in text  # type: ignore[union-attr]


def test_an_entry_moved_to_another_name_does_not_open(db_path):
    open_database(db_path, user="amal", password="pw").close()
    path = keyfile.key_file_path(db_path)
    kf = keyfile.KeyFile.load(path)
    kf.entries[kf.entry_id("mallory")] = kf.entries[kf.entry_id("amal")]
    kf.save()
    with pytest.raises(WrongPassword):
        open_database(db_path, user="mallory", password="pw")


def test_a_missing_or_damaged_key_file_is_explained(db_path):
    open_database(db_path, user="amal", password="pw").close()
    path = keyfile.key_file_path(db_path)
    path.write_text("{not json")
    with pytest.raises(StorageError, match="cannot be read"):
        open_database(db_path, user="amal", password="pw")
    path.unlink()
    with pytest.raises(StorageError, match="missing"):
        open_database(db_path, user="amal", password="pw")


def test_a_key_file_of_another_database_is_recognised(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    open_database(a, user="amal", password="pw").close()
    open_database(b, user="amal", password="pw").close()
    keyfile.key_file_path(b).replace(keyfile.key_file_path(a))
    with pytest.raises(StorageError, match="does not belong"):
        open_database(a, user="amal", password="pw")


def test_plain_stays_possible_explicitly_and_by_default_without_credentials(tmp_path):
    open_database(tmp_path / "plain.db").close()
    open_database(tmp_path / "forced.db", user="amal", password="pw", encrypt=False).close()
    assert not is_encrypted(tmp_path / "plain.db") and not is_encrypted(tmp_path / "forced.db")
    assert not keyfile.key_file_path(tmp_path / "forced.db").exists()
    with pytest.raises(PasswordRequired):
        open_database(tmp_path / "wanted.db", encrypt=True)
    assert not (tmp_path / "wanted.db").exists()


def test_each_thread_opens_its_own_connection_with_the_session_opener(db_path):
    import threading

    db = open_database(db_path, user="amal", password="pw")
    uuid = _save_named(db)
    opener = session(db).opener()
    found = []

    def read() -> None:
        other = opener()
        found.append(load_incident(other, uuid)[0].incident_uuid)
        other.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert found == [uuid]
    db.close()


def test_an_orphan_key_file_is_kept_aside_when_a_new_database_is_created(db_path):
    path = keyfile.key_file_path(db_path)
    path.write_text("{}")
    open_database(db_path, user="amal", password="pw").close()
    assert list(db_path.parent.glob(path.name + ".orphan-*"))
    open_database(db_path, user="amal", password="pw").close()


def test_new_databases_have_large_pages_and_older_ones_still_open(tmp_path: Path, monkeypatch) -> None:
    """New encrypted databases have 16 KiB pages; one made with SQLCipher's 4 KiB pages
    (before they changed) opens as before, and both back up and restore."""
    from core import backup
    from core.storage import driver

    new = open_database(tmp_path / "new.db", user="amal", password="pw")
    assert new.execute("PRAGMA cipher_page_size").fetchone()[0] == str(driver.ENCRYPTED_PAGE_SIZE)
    new.close()
    with monkeypatch.context() as m:
        m.setattr(driver, "CIPHER_PAGE_SIZES", (driver.SQLCIPHER_PAGE_SIZE,))
        old = open_database(tmp_path / "old.db", user="amal", password="pw")
        uuid = _save_named(old)
        old.close()
    for name, size in (("new.db", driver.ENCRYPTED_PAGE_SIZE), ("old.db", driver.SQLCIPHER_PAGE_SIZE)):
        db = open_database(tmp_path / name, user="amal", password="pw")
        assert db.execute("PRAGMA cipher_page_size").fetchone()[0] == str(size)
        if name == "old.db":
            assert load_incident(db, uuid)[1][0].given_name == ARABIC
        key = session(db).key
        made = backup.make_backup(db)
        db.close()
        assert backup.check_backup(made, key).schema_version
        backup.restore_backup(tmp_path / name, made, key)
        db = open_database(tmp_path / name, user="amal", password="pw")
        assert db.execute("PRAGMA cipher_page_size").fetchone()[0] == str(size)
        db.close()
    with pytest.raises(WrongPassword):
        open_database(tmp_path / "old.db", key=bytes(32))
