from __future__ import annotations

import pytest

from core import accounts, audit
from core.accounts import AccountError, LoginFailed, PermissionDenied


def test_a_database_without_accounts_works_under_the_local_user(db):
    assert not accounts.has_accounts(db)
    assert accounts.role_of(db, accounts.LOCAL_USER) == "admin"
    assert accounts.may(db, accounts.LOCAL_USER, "review")


def test_the_first_account_is_an_admin_and_passwords_are_argon2id(db):
    accounts.create_user(db, accounts.LOCAL_USER, "rana", "correct horse")
    (user,) = accounts.list_users(db)
    assert (user.user_name, user.role, user.active) == ("rana", "admin", True)
    stored = db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    history = audit.history(db, "rana")
    assert [e["action"] for e in history] == ["account_create"]
    assert stored not in str(history) and "correct horse" not in str(history)


def test_the_first_account_cannot_be_anything_but_admin(db):
    with pytest.raises(AccountError, match="first account must be an admin"):
        accounts.create_user(db, accounts.LOCAL_USER, "amal", "password1", role="documenter")
    assert not accounts.has_accounts(db)


@pytest.fixture
def team(db):
    accounts.create_user(db, "local", "rana", "admin-pass", role="admin")
    accounts.create_user(db, "rana", "amal", "documenter-pass", role="documenter")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    return db


def test_authenticate(team):
    assert accounts.authenticate(team, "amal", "documenter-pass").role == "documenter"
    with pytest.raises(LoginFailed, match="Wrong user name or password"):
        accounts.authenticate(team, "amal", "wrong password")
    with pytest.raises(LoginFailed, match="Wrong user name or password"):
        accounts.authenticate(team, "nobody", "documenter-pass")


@pytest.mark.parametrize("actor", ["amal", "omar"])
def test_only_an_admin_manages_accounts(team, actor):
    role = accounts.role_of(team, actor)
    message = f"{actor} is a {role}: only an admin may manage accounts"
    with pytest.raises(PermissionDenied, match=message):
        accounts.create_user(team, actor, "sami", "password1", role="documenter")
    with pytest.raises(PermissionDenied, match=message):
        accounts.set_role(team, actor, "amal", "admin")
    with pytest.raises(PermissionDenied, match=message):
        accounts.deactivate(team, actor, "amal")
    with pytest.raises(PermissionDenied, match=message):
        accounts.change_password(team, actor, "rana", "new password")
    assert accounts.role_of(team, "amal") == "documenter" and accounts.get_user(team, "sami") is None


def test_once_accounts_exist_an_unknown_or_deactivated_user_may_do_nothing(team):
    with pytest.raises(PermissionDenied, match="no account named 'local'"):
        accounts.require(team, "local", "edit")
    accounts.deactivate(team, "rana", "amal")
    with pytest.raises(PermissionDenied, match="'amal' is deactivated"):
        accounts.require(team, "amal", "edit")
    with pytest.raises(LoginFailed, match="deactivated"):
        accounts.authenticate(team, "amal", "documenter-pass")


def test_the_last_admin_stays_an_admin(team):
    with pytest.raises(AccountError, match="last admin"):
        accounts.set_role(team, "rana", "rana", "reviewer")
    with pytest.raises(AccountError, match="last admin"):
        accounts.deactivate(team, "rana", "rana")
    accounts.set_role(team, "rana", "omar", "admin")
    accounts.set_role(team, "omar", "rana", "reviewer")
    assert accounts.role_of(team, "rana") == "reviewer"
    assert [e["action"] for e in audit.history(team, "rana")] == ["account_create", "account_role"]


def test_names_and_passwords_are_checked(team):
    with pytest.raises(AccountError, match="already an account named 'amal'"):
        accounts.create_user(team, "rana", "AMAL", "password1")
    with pytest.raises(AccountError, match="at least 8"):
        accounts.create_user(team, "rana", "sami", "short")
    with pytest.raises(AccountError, match="built-in local user"):
        accounts.create_user(team, "rana", "Local", "password1")
    with pytest.raises(AccountError, match="not a role"):
        accounts.create_user(team, "rana", "sami", "password1", role="boss")


def test_changing_ones_own_password_needs_the_old_one_and_runs_the_hooks(team):
    calls = []

    def hook(db, name, password):
        calls.append((name, password))

    accounts.add_hook("password_set", hook)
    try:
        with pytest.raises(PermissionDenied, match="current password"):
            accounts.change_password(team, "amal", "amal", "new password")
        with pytest.raises(PermissionDenied, match="current password is wrong"):
            accounts.change_password(team, "amal", "amal", "new password", old_password="nope")
        accounts.change_password(team, "amal", "amal", "new password", old_password="documenter-pass")
    finally:
        accounts.remove_hook("password_set", hook)
    assert calls == [("amal", "new password")]
    assert accounts.authenticate(team, "amal", "new password").user_name == "amal"


def test_a_failing_hook_leaves_the_account_as_it_was(team):
    def broken(db, name):
        raise RuntimeError("key store unavailable")

    accounts.add_hook("user_removed", broken)
    try:
        with pytest.raises(RuntimeError):
            accounts.deactivate(team, "rana", "amal")
    finally:
        accounts.remove_hook("user_removed", broken)
    assert accounts.get_user(team, "amal").active
    assert [e["action"] for e in audit.history(team, "amal")] == ["account_create"]


def test_log_in_to_a_plain_database_with_accounts(team, db_path):
    assert accounts.needs_login(db_path)
    logged = accounts.log_in(db_path, "omar", "reviewer-pass")
    assert logged.user.role == "reviewer"
    other = logged.opener()
    assert accounts.has_accounts(other)
    other.close()
    with pytest.raises(LoginFailed, match="Wrong user name or password"):
        accounts.log_in(db_path, "omar", "admin-pass")


def test_a_database_without_accounts_needs_no_login(db, db_path):
    assert not accounts.needs_login(db_path)
    assert accounts.log_in(db_path, "", "").user.user_name == accounts.LOCAL_USER


def test_log_in_to_an_encrypted_database(tmp_path, fast_kdf):
    from core.storage import open_database

    path = tmp_path / "secret.db"
    db = open_database(path, user="rana", password="admin-pass")
    accounts.create_user(db, "rana", "rana", "admin-pass")
    db.close()
    assert accounts.needs_login(path)
    assert accounts.log_in(path, "rana", "admin-pass").user.role == "admin"
    with pytest.raises(LoginFailed):
        accounts.log_in(path, "rana", "wrong-pass")


def test_the_key_file_of_an_encrypted_database_follows_the_accounts(tmp_path, fast_kdf):
    from core.storage import WrongPassword, open_database

    path = tmp_path / "secret.db"
    db = open_database(path, user="rana", password="admin-pass")
    accounts.create_user(db, "rana", "rana", "admin-pass")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    db.close()
    assert accounts.log_in(path, "omar", "reviewer-pass").user.role == "reviewer"
    db = open_database(path, user="omar", password="reviewer-pass")
    accounts.change_password(db, "omar", "omar", "new-reviewer-pass", old_password="reviewer-pass")
    db.close()
    db = open_database(path, user="omar", password="new-reviewer-pass")
    accounts.deactivate(db, "rana", "omar")
    db.close()
    with pytest.raises(WrongPassword):
        open_database(path, user="omar", password="new-reviewer-pass")
    assert accounts.log_in(path, "rana", "admin-pass").user.user_name == "rana"
