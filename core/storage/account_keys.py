"""Accounts and the key file move together.

core.accounts calls its "password_set" hooks when an account is created or its password
changed, and its "user_removed" hooks when an account is taken out of use, inside the
transaction that writes the account. For an encrypted database these hooks wrap the
database key for the new password, or delete the account's wrapped key, so that a
removed account's password no longer unlocks the file. Nothing is re-encrypted.

If writing the key file fails, the hook raises and the account change is rolled back.
(If, rarely, the key file is written and then the account's transaction fails, a
changed password unlocks the file but the account still checks the old one: an admin
sets the password again.)
"""
from __future__ import annotations

from sqlite_utils import Database

from core.storage import keys

_installed = False


def _session(db: Database):
    from core.storage import _SESSIONS

    return _SESSIONS.get(db)


def password_set(db: Database, user_name: str, password: str) -> None:
    info = _session(db)
    if info is None or info.key is None:
        return
    keys.add_account(info.path, info.key, user_name, password)


def user_removed(db: Database, user_name: str) -> None:
    info = _session(db)
    if info is None or info.key is None:
        return
    keys.remove_account(info.path, user_name)


def install() -> None:
    """Register the hooks with core.accounts (once per process)."""
    global _installed
    if _installed:
        return
    from core import accounts

    accounts.add_hook("password_set", password_set)
    accounts.add_hook("user_removed", user_removed)
    _installed = True
