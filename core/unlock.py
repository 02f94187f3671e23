"""Asking for the password again: after the window locked itself, the same checks as at
login decide whether the person at the keyboard may go on."""
from __future__ import annotations

from sqlite_utils import Database

from core import accounts
from core.storage import StorageError, keys, session


def has_password(db: Database) -> bool:
    """Whether a password protects this database (it is encrypted, or has accounts):
    without one there is nothing to ask when the window locks."""
    return session(db).encrypted or accounts.has_accounts(db)


def check_password(db: Database, user_name: str, password: str) -> bool:
    """True when `password` is `user_name`'s: it unwraps this database's key (when
    encrypted) and matches the account (when there are accounts)."""
    info = session(db)
    if info.key is not None:
        try:
            if keys.unlock(info.path, user_name, password) != info.key:
                return False
        except StorageError:  # a wrong password, or a key file gone since the login
            return False
    if accounts.has_accounts(db):
        try:
            accounts.authenticate(db, user_name, password)
        except accounts.LoginFailed:
            return False
    return True
