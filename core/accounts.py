"""Local user accounts, their roles, and who may do what.

Roles: a `documenter` enters and submits records; a `reviewer` also approves, returns and
rejects other people's records; an `admin` also manages accounts. Passwords are kept only
as Argon2id hashes.

A database without any account (made by an older version, or by a test) keeps working
under the built-in local user, who may do everything, until the first account is created;
the first account is an admin. From then on every action names an active account.

The functions that set a password or take an account out of use are the single places
where that happens, and call the hooks registered with :func:`add_hook` inside their
transaction, so that a key wrapped with each account's password can follow.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from core import audit
from core.changes import Changes
from core.i18n import tr
from core.models import utc_now

Role = Literal["documenter", "reviewer", "admin"]
ROLES: tuple[str, ...] = ("documenter", "reviewer", "admin")
LOCAL_USER = "local"
MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 64

# What each role may do. Permissions are checked here and nowhere else.
PERMISSIONS: dict[str, frozenset[str]] = {
    "documenter": frozenset({"edit", "submit"}),
    "reviewer": frozenset({"edit", "submit", "review"}),
    "admin": frozenset({"edit", "submit", "review", "manage_accounts"}),
}

_hasher = PasswordHasher()  # Argon2id with the library's recommended parameters


class PermissionDenied(Exception):
    """The user may not do this; the message says who, what and why."""


class AccountError(ValueError):
    """A request about accounts that cannot be carried out as asked."""


class LoginFailed(Exception):
    """Wrong user name or password, or an account that is no longer in use."""


@dataclass(frozen=True)
class User:
    user_name: str
    role: str
    active: bool
    created_at: str


# Hooks: "password_set" is called as fn(db, user_name, password) when an account is created
# or its password changes; "user_removed" as fn(db, user_name) when it is deactivated.
HookEvent = Literal["password_set", "user_removed"]
_hooks: dict[str, list[Callable[..., Any]]] = {"password_set": [], "user_removed": []}


def add_hook(event: HookEvent, fn: Callable[..., Any]) -> None:
    """Call `fn` inside the transaction each time `event` happens (see the module doc)."""
    _hooks[event].append(fn)


def remove_hook(event: HookEvent, fn: Callable[..., Any]) -> None:
    _hooks[event].remove(fn)


def _run_hooks(event: str, *args: Any) -> None:
    for fn in list(_hooks[event]):
        fn(*args)


def role_label(role: str) -> str:
    return {"documenter": tr("documenter"), "reviewer": tr("reviewer"), "admin": tr("admin")}.get(role, role)


def has_accounts(db: Database) -> bool:
    """Whether any account exists; without one, the built-in local user acts."""
    return db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def get_user(db: Database, user_name: str) -> User | None:
    row = db.execute(
        "SELECT user_name, role, active, created_at FROM users WHERE user_name = ?", [user_name]
    ).fetchone()
    return User(row[0], row[1], bool(row[2]), row[3]) if row else None


def list_users(db: Database) -> list[User]:
    """Every account, active or not, by name. Password hashes never leave this module."""
    return [
        User(r[0], r[1], bool(r[2]), r[3])
        for r in db.execute("SELECT user_name, role, active, created_at FROM users ORDER BY user_name")
    ]


def role_of(db: Database, user_name: str) -> str | None:
    """The role a user acts with: `admin` for anyone while there is no account (the
    built-in local user), else the role of the active account, else None."""
    if not has_accounts(db):
        return "admin"
    user = get_user(db, user_name)
    return user.role if user is not None and user.active else None


def may(db: Database, user_name: str, permission: str) -> bool:
    role = role_of(db, user_name)
    return role is not None and permission in PERMISSIONS[role]


def _action_text(permission: str) -> str:
    return {
        "edit": tr("edit records"),
        "submit": tr("submit records for review"),
        "review": tr("approve, return or reject records"),
        "manage_accounts": tr("manage accounts"),
    }[permission]


def _who_may(permission: str) -> str:
    return {
        "edit": tr("an active account"),
        "submit": tr("an active account"),
        "review": tr("a reviewer or an admin"),
        "manage_accounts": tr("an admin"),
    }[permission]


def require(db: Database, user_name: str, permission: str) -> str:
    """Return the user's role, or raise :class:`PermissionDenied` saying why not."""
    role = role_of(db, user_name)
    if role is None:
        user = get_user(db, user_name)
        if user is None:
            raise PermissionDenied(tr("There is no account named '{user}'.", user=user_name))
        raise PermissionDenied(tr("The account '{user}' is deactivated.", user=user_name))
    if permission not in PERMISSIONS[role]:
        raise PermissionDenied(tr(
            "{user} is a {role}: only {who} may {action}.",
            user=user_name, role=role_label(role), who=_who_may(permission),
            action=_action_text(permission),
        ))
    return role


def _check_name(db: Database, user_name: str) -> str:
    name = user_name.strip()
    if not name:
        raise AccountError(tr("A user name cannot be empty."))
    if len(name) > MAX_NAME_LENGTH:
        raise AccountError(tr("A user name can have at most {n} characters.", n=MAX_NAME_LENGTH))
    if any(c.isspace() for c in name) or any(not c.isprintable() for c in name):
        raise AccountError(tr("A user name cannot contain spaces: '{user}'.", user=name))
    if name.casefold() == LOCAL_USER:
        raise AccountError(tr("'{user}' is the built-in local user; choose another name.", user=name))
    clash = db.execute("SELECT user_name FROM users WHERE lower(user_name) = lower(?)", [name]).fetchone()
    if clash:
        raise AccountError(tr("There is already an account named '{user}'.", user=clash[0]))
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(tr("A password needs at least {n} characters.", n=MIN_PASSWORD_LENGTH))


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(tr("'{role}' is not a role; choose documenter, reviewer or admin.", role=role))


def _fingerprint(password_hash: str) -> str:
    # Lets the history show that a hash changed (and `audit.verify` notice a hash swapped
    # in the file) without keeping the hash itself there.
    return audit.fingerprint(password_hash)


def account_state(role: str, active: bool, password_hash: str) -> dict[str, Any]:
    """What the history records about an account (never the password or its hash)."""
    return {"role": role, "active": int(active), "password": _fingerprint(password_hash)}


def _audit(db: Database, actor: str, action: str, name: str, before: dict | None, after: dict | None) -> None:
    audit.append(db, user=actor, action=action, record_type="user", record_uuid=name, before=before, after=after)


def create_user(db: Database, actor: str, user_name: str, password: str, role: str | None = None) -> Changes:
    """Create an account. The first account is an admin (`role` None or "admin") and may
    be created by anyone; later ones only by an admin (`role` None means documenter)."""
    first = not has_accounts(db)
    if not first:
        require(db, actor, "manage_accounts")
    role = role or ("admin" if first else "documenter")
    _check_role(role)
    if first and role != "admin":
        raise AccountError(tr("The first account must be an admin: it is the one that manages the others."))
    name = _check_name(db, user_name)
    _check_password(password)
    password_hash = _hasher.hash(password)
    with db.atomic():
        db.table("users").insert({"user_name": name, "role": role, "password_hash": password_hash,
                            "created_at": utc_now(), "active": 1})
        _audit(db, actor, "account_create", name, None, account_state(role, True, password_hash))
        _run_hooks("password_set", db, name, password)
    return Changes(accounts=True)


def authenticate(db: Database, user_name: str, password: str) -> User:
    """The active account with this name and password, or :class:`LoginFailed`."""
    row = db.execute(
        "SELECT user_name, role, active, created_at, password_hash FROM users WHERE user_name = ?",
        [user_name.strip()],
    ).fetchone()
    if row is None:
        _hasher.hash(password)  # take as long as a real check, so names cannot be probed by timing
        raise LoginFailed(tr("Wrong user name or password."))
    try:
        _hasher.verify(row[4], password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed(tr("Wrong user name or password.")) from None
    if not row[2]:
        raise LoginFailed(tr("The account '{user}' is deactivated; ask an admin.", user=row[0]))
    return User(row[0], row[1], True, row[3])


def _existing(db: Database, user_name: str) -> tuple[str, bool, str]:
    row = db.execute("SELECT role, active, password_hash FROM users WHERE user_name = ?", [user_name]).fetchone()
    if row is None:
        raise AccountError(tr("There is no account named '{user}'.", user=user_name))
    return row[0], bool(row[1]), row[2]


def _active_admins(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT user_name FROM users WHERE role = 'admin' AND active = 1")}


def change_password(
    db: Database, actor: str, user_name: str, new_password: str, *, old_password: str | None = None
) -> Changes:
    """Set a new password. Users change their own (giving the old one); an admin may set
    anyone's. The "password_set" hooks run in the same transaction."""
    role, active, old_hash = _existing(db, user_name)
    if actor == user_name and not may(db, actor, "manage_accounts"):
        if old_password is None:
            raise PermissionDenied(tr("Give your current password to change it."))
        try:
            _hasher.verify(old_hash, old_password)
        except (VerificationError, InvalidHashError):
            raise PermissionDenied(tr("The current password is wrong.")) from None
    elif actor != user_name:
        require(db, actor, "manage_accounts")
    _check_password(new_password)
    new_hash = _hasher.hash(new_password)
    with db.atomic():
        db.execute("UPDATE users SET password_hash = ? WHERE user_name = ?", [new_hash, user_name])
        _audit(db, actor, "account_password", user_name,
               {"password": _fingerprint(old_hash)}, {"password": _fingerprint(new_hash)})
        _run_hooks("password_set", db, user_name, new_password)
    return Changes(accounts=True)


def set_role(db: Database, actor: str, user_name: str, role: str) -> Changes:
    """Give an account another role (admin only; the last admin stays an admin)."""
    require(db, actor, "manage_accounts")
    _check_role(role)
    old_role, active, _ = _existing(db, user_name)
    if old_role == role:
        return Changes()
    if old_role == "admin" and _active_admins(db) == {user_name}:
        raise AccountError(tr("'{user}' is the last admin; make another account admin first.", user=user_name))
    with db.atomic():
        db.execute("UPDATE users SET role = ? WHERE user_name = ?", [role, user_name])
        _audit(db, actor, "account_role", user_name, {"role": old_role}, {"role": role})
    return Changes(accounts=True)


def deactivate(db: Database, actor: str, user_name: str) -> Changes:
    """Take an account out of use (admin only). It stays on record, since the history
    names it; the "user_removed" hooks run in the same transaction."""
    require(db, actor, "manage_accounts")
    role, active, _ = _existing(db, user_name)
    if not active:
        return Changes()
    if role == "admin" and _active_admins(db) == {user_name}:
        raise AccountError(tr("'{user}' is the last admin; make another account admin first.", user=user_name))
    with db.atomic():
        db.execute("UPDATE users SET active = 0 WHERE user_name = ?", [user_name])
        _audit(db, actor, "account_deactivate", user_name, {"active": 1}, {"active": 0})
        _run_hooks("user_removed", db, user_name)
    return Changes(accounts=True)


@dataclass(frozen=True)
class LoggedIn:
    """Who logged in, and how to open more connections to the database as them."""

    user: User
    opener: Callable[[], Database]


def needs_login(path: str | Path) -> bool:
    """Whether opening the database at `path` needs a user name and password: it is
    encrypted, or it has accounts."""
    from core.storage import is_encrypted, open_database

    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return False
    if is_encrypted(path):
        return True
    db = open_database(path, create=False, read_only=True, migrate=False)  # before any upgrade
    try:
        return has_accounts(db)
    finally:
        db.close()


def log_in(path: str | Path, user_name: str, password: str) -> LoggedIn:
    """Open the database at `path` as this account: unlock it when it is encrypted, and
    check the password against the accounts when it has any (:class:`LoginFailed`).
    Without accounts the built-in local user (or the name given) acts."""
    from core.storage import WrongPassword, is_encrypted, open_database, session

    path = Path(path)
    try:
        if is_encrypted(path):
            db = open_database(path, create=False, user=user_name.strip(), password=password, migrate=False)
        else:
            db = open_database(path, create=False, migrate=False)  # an upgrade is shown after the login
    except WrongPassword:
        raise LoginFailed(tr("Wrong user name or password.")) from None
    try:
        if has_accounts(db):
            user = authenticate(db, user_name, password)
        else:
            user = User(user_name.strip() or LOCAL_USER, "admin", True, "")
        return LoggedIn(user, session(db).opener())
    finally:
        db.close()


# The key file of an encrypted database follows the accounts: an account's password
# unwraps the database key, so setting a password wraps the key for it, and taking an
# account out of use removes its entry.

def _wrap_key_for(db: Database, user_name: str, password: str) -> None:
    from core.storage import keys, session

    try:
        opened = session(db)
    except KeyError:  # a connection not opened by open_database (nothing to follow)
        return
    if opened.key is not None:
        keys.add_account(opened.path, opened.key, user_name, password)


def _unwrap_key_for(db: Database, user_name: str) -> None:
    from core.storage import keys, session

    try:
        opened = session(db)
    except KeyError:
        return
    if opened.key is not None:
        keys.remove_account(opened.path, user_name)


add_hook("password_set", _wrap_key_for)
add_hook("user_removed", _unwrap_key_for)
