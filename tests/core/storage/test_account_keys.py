"""Accounts and the key file: creating an account, changing a password and removing an
account change who can unlock the database, without re-encrypting it."""
from __future__ import annotations

import pytest

from core import accounts
from core.storage import WrongPassword, open_database
from core.storage import keys as keyfile

pytestmark = pytest.mark.usefixtures("fast_kdf")


@pytest.fixture
def admin_db(db_path):
    db = open_database(db_path, user="amal", password="amal-pass-1")
    accounts.create_user(db, "amal", "amal", "amal-pass-1", "admin")
    yield db
    db.close()


def _opens(db_path, user, password) -> bool:
    try:
        open_database(db_path, user=user, password=password).close()
    except WrongPassword:
        return False
    return True


def test_a_new_account_can_unlock_the_database_and_log_in(admin_db, db_path):
    accounts.create_user(admin_db, "amal", "basel", "basel-pass-1", "documenter")
    assert _opens(db_path, "basel", "basel-pass-1")
    logged = accounts.log_in(db_path, "basel", "basel-pass-1")
    assert logged.user.user_name == "basel"
    other = logged.opener()
    assert other.execute("SELECT count(*) FROM users").fetchone()[0] == 2
    other.close()


def test_a_changed_password_replaces_the_old_one_in_the_key_file(admin_db, db_path):
    accounts.create_user(admin_db, "amal", "basel", "basel-pass-1", "documenter")
    accounts.change_password(admin_db, "basel", "basel", "basel-pass-2", old_password="basel-pass-1")
    assert not _opens(db_path, "basel", "basel-pass-1")
    assert _opens(db_path, "basel", "basel-pass-2")


def test_a_removed_account_can_no_longer_unlock_the_database(admin_db, db_path):
    accounts.create_user(admin_db, "amal", "basel", "basel-pass-1", "documenter")
    head = db_path.read_bytes()[:16]  # SQLCipher's salt: unchanged, so nothing was re-encrypted
    accounts.deactivate(admin_db, "amal", "basel")
    assert not keyfile.can_unlock(db_path, "basel")
    assert not _opens(db_path, "basel", "basel-pass-1")
    with pytest.raises(accounts.LoginFailed):
        accounts.log_in(db_path, "basel", "basel-pass-1")
    assert _opens(db_path, "amal", "amal-pass-1")
    assert db_path.read_bytes()[:16] == head


def test_when_the_key_file_cannot_be_written_the_account_is_not_created(admin_db, db_path, monkeypatch):
    from core.storage import StorageError

    def broken(*args, **kwargs):
        raise StorageError("The key file could not be written: No space left on device.")

    monkeypatch.setattr(keyfile, "add_account", broken)
    with pytest.raises(StorageError):
        accounts.create_user(admin_db, "amal", "basel", "basel-pass-1", "documenter")
    assert accounts.get_user(admin_db, "basel") is None


def test_accounts_of_a_plain_database_leave_no_key_file(db, db_path):
    accounts.create_user(db, "amal", "amal", "amal-pass-1", "admin")
    assert not keyfile.key_file_path(db_path).exists()
