"""The database key and the accounts that can unlock it.

An encrypted database is encrypted once, at creation, with a random 256-bit key (the
*database key*), and never re-encrypted. Each account holds its own copy of that key,
wrapped with a key derived from its password:

    KEK      = Argon2id(password, salt, t, m, p)            (32 bytes, per account)
    wrapped  = AES-256-GCM(KEK, nonce).encrypt(database key, aad)

The copies live in a small JSON file beside the database, `NAME.db.keys`. It holds no
secret in clear: salts, nonces, Argon2 parameters and ciphertexts. Adding an account or
changing a password writes one entry; removing an account deletes its entry, after which
its password unwraps nothing. The data itself is never touched.

Design notes:
- The authenticated data binds each entry to the key file's random id and to the user
  name, so an entry copied to another name or another key file does not open.
- Entries are found by a hash of the user name and the file id, so the file does not
  list the documenters' names in clear (a name can still be confirmed by guessing it;
  that is all the hash hides).
- A wrong user name and a wrong password get the same message.
- The key file is replaced atomically (write, fsync, rename), so a crash leaves the old
  or the new file, never half of one. Losing it loses the database: backups of the
  database (:mod:`core.backup`) are encrypted with the same key and opened with the
  same key file.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.i18n import tr
from core.storage.errors import StorageError, WrongPassword

FORMAT = "tawthiq-keys"
VERSION = 1
KEY_BYTES = 32
# RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about a tenth of a
# second per unlock here, and costly for anyone guessing passwords from a seized file.
KDF_PARAMS: dict[str, int] = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}


class KeyFileError(StorageError):
    """The key file is missing, unreadable or does not belong to the database."""


def key_file_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".keys")


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class KeyFile:
    path: Path
    file_id: bytes
    entries: dict[str, dict[str, Any]]

    @classmethod
    def new(cls, path: Path) -> KeyFile:
        return cls(path=path, file_id=secrets.token_bytes(16), entries={})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError(tr(
                "The key file {path} is missing: without it the encrypted database cannot be opened.",
                path=path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileError(tr("The key file {path} cannot be read: {error}.", path=path, error=exc)) from exc
        try:
            if data["format"] != FORMAT or data["version"] != VERSION:
                raise KeyFileError(tr("{path} is not a Tawthiq key file of a version this application reads.",
                                      path=path))
            return cls(path=path, file_id=_unb64(data["file_id"]), entries=dict(data["entries"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError(tr("The key file {path} is damaged ({error}).", path=path, error=exc)) from exc

    def save(self) -> None:
        data = {"format": FORMAT, "version": VERSION, "file_id": _b64(self.file_id), "entries": self.entries}
        _write_atomically(self.path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))

    def entry_id(self, user: str) -> str:
        return hashlib.sha256(self.file_id + b"\x00" + user.encode("utf-8")).hexdigest()

    def _aad(self, user: str) -> bytes:
        return b"tawthiq-database-key/1\x00" + self.file_id + b"\x00" + user.encode("utf-8")

    def wrap(self, user: str, password: str, key: bytes) -> None:
        """Add (or replace) the entry that lets `user` unlock `key` with `password`."""
        if len(key) != KEY_BYTES:
            raise ValueError("a database key is 32 bytes")
        params = dict(KDF_PARAMS)
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = _derive(password, salt, params)
        self.entries[self.entry_id(user)] = {
            "kdf": {"name": "argon2id", "salt": _b64(salt), **params},
            "cipher": "aes-256-gcm",
            "nonce": _b64(nonce),
            "wrapped_key": _b64(AESGCM(kek).encrypt(nonce, key, self._aad(user))),
        }

    def unwrap(self, user: str, password: str) -> bytes:
        """The database key, or :class:`WrongPassword`."""
        entry = self.entries.get(self.entry_id(user))
        if entry is None:
            # Spend the same time as for a wrong password: no hint that the name is unknown.
            _derive(password, b"\x00" * 16, KDF_PARAMS)
            raise WrongPassword()
        try:
            kdf = entry["kdf"]
            params = {k: int(kdf[k]) for k in ("time_cost", "memory_cost", "parallelism")}
            kek = _derive(password, _unb64(kdf["salt"]), params)
            return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped_key"]), self._aad(user))
        except InvalidTag:
            raise WrongPassword() from None
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError(tr("The key file {path} is damaged ({error}).", path=self.path, error=exc)) from exc

    def remove(self, user: str) -> bool:
        return self.entries.pop(self.entry_id(user), None) is not None

    def has(self, user: str) -> bool:
        return self.entry_id(user) in self.entries


def _derive(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret=password.encode("utf-8"), salt=salt, hash_len=KEY_BYTES, type=Type.ID,
        time_cost=params["time_cost"], memory_cost=params["memory_cost"], parallelism=params["parallelism"],
    )


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(tr("The key file {path} could not be written: {error}.",
                              path=path, error=exc.strerror or exc)) from exc
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# The operations below are what accounts, the command line and the login use.

def create_key_file(db_path: str | Path, user: str, password: str, key: bytes | None = None) -> bytes:
    """Start the key file of a new encrypted database, with one account. Returns the key."""
    path = key_file_path(db_path)
    if path.exists():
        raise KeyFileError(tr("{path} already exists.", path=path))
    key = key or new_database_key()
    keys = KeyFile.new(path)
    keys.wrap(user, password, key)
    keys.save()
    return key


def unlock(db_path: str | Path, user: str, password: str) -> bytes:
    """The database key, unwrapped with this account's password (:class:`WrongPassword`)."""
    return KeyFile.load(key_file_path(db_path)).unwrap(user, password)


def add_account(db_path: str | Path, key: bytes, user: str, password: str) -> None:
    """Let `user` unlock the database with `password` (also how a password is changed)."""
    keys = KeyFile.load(key_file_path(db_path))
    keys.wrap(user, password, key)
    keys.save()


def remove_account(db_path: str | Path, user: str) -> bool:
    """`user`'s password no longer unlocks the database. False when it did not anyway."""
    keys = KeyFile.load(key_file_path(db_path))
    if not keys.remove(user):
        return False
    if not keys.entries:
        raise KeyFileError(tr("The last account that can unlock the database cannot be removed."))
    keys.save()
    return True


def can_unlock(db_path: str | Path, user: str) -> bool:
    return KeyFile.load(key_file_path(db_path)).has(user)
