from __future__ import annotations

import pytest

from core import accounts
from core.storage import open_database
from core.unlock import check_password, has_password


def test_a_plain_database_without_accounts_has_no_password(db):
    assert not has_password(db)


def test_the_password_is_checked_against_the_accounts(db):
    accounts.create_user(db, "amal", "amal", "amal-pass-1", "admin")
    assert has_password(db)
    assert check_password(db, "amal", "amal-pass-1")
    assert not check_password(db, "amal", "wrong-pass")
    assert not check_password(db, "nobody", "amal-pass-1")


def test_the_password_must_unlock_the_key_of_an_encrypted_database(db_path, fast_kdf):
    db = open_database(db_path, user="amal", password="amal-pass-1")
    assert has_password(db)
    assert check_password(db, "amal", "amal-pass-1")
    assert not check_password(db, "amal", "amal-pass-2")
    accounts.create_user(db, "amal", "amal", "amal-pass-1", "admin")
    assert check_password(db, "amal", "amal-pass-1")
    db.close()


@pytest.mark.usefixtures("fast_kdf")
def test_a_removed_account_cannot_unlock_the_window(db_path):
    db = open_database(db_path, user="amal", password="amal-pass-1")
    accounts.create_user(db, "amal", "amal", "amal-pass-1", "admin")
    accounts.create_user(db, "amal", "basel", "basel-pass-1", "documenter")
    assert check_password(db, "basel", "basel-pass-1")
    accounts.deactivate(db, "amal", "basel")
    assert not check_password(db, "basel", "basel-pass-1")
    db.close()
