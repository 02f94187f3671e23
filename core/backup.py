"""Backups: rotating copies of the database, and a restore that checks before it replaces.

A backup is a consistent snapshot made with `VACUUM INTO` from the open connection, so
it is encrypted with the same key as the database (SQLCipher writes it with the key of
the connection) and opened with the same key file. Backups live in `backups/` beside
the database, named `NAME-YYYYMMDDTHHMMSSffffffZ.db`; the newest `keep` are kept.

A snapshot is written to a `.part` file, flushed to disk, then renamed: a crash or a
full disk while backing up never leaves something that looks like a backup and is not.

Settings (in the database's `meta` table, so that the command line and the window
agree): `backup_every_saves` (default 20) and `backup_keep` (default 10).
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from core.i18n import tr
from core.storage import DiskFull, StorageError, driver, get_meta, open_database, session, set_meta
from core.storage.schema import latest_version

DEFAULT_EVERY = 20
DEFAULT_KEEP = 10


class BackupInvalid(StorageError):
    """The file cannot serve as a backup of this database; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    schema_version: int
    incidents: int
    victims: int
    origin: str | None
    created_at: str | None


def backup_folder(db_path: str | Path) -> Path:
    return Path(db_path).parent / "backups"


def backup_settings(db: Database) -> tuple[int, int]:
    """(every how many saves, how many to keep)."""
    every = get_meta(db, "backup_every_saves")
    keep = get_meta(db, "backup_keep")
    return (int(every) if every else DEFAULT_EVERY, int(keep) if keep else DEFAULT_KEEP)


def set_backup_settings(db: Database, *, every: int | None = None, keep: int | None = None) -> None:
    if every is not None:
        if every < 0:
            raise ValueError(tr("The number of saves between backups cannot be negative."))
        set_meta(db, "backup_every_saves", str(every))
    if keep is not None:
        if keep < 1:
            raise ValueError(tr("At least one backup must be kept."))
        set_meta(db, "backup_keep", str(keep))


def list_backups(db_path: str | Path) -> list[Path]:
    """The backups of this database, oldest first."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(db_path.stem) + r"-\d{8}T\d{12}Z\.db")
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def make_backup(db: Database, *, keep: int | None = None) -> Path:
    """Write a snapshot of the open database into its backups folder and drop the oldest
    beyond `keep` (default: the database's setting). Returns the new backup's path."""
    info = session(db)
    if info.read_only:
        raise StorageError(tr("A database opened read-only is not backed up from this window."))
    folder = backup_folder(info.path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise StorageError(tr("The backups folder {path} cannot be made: {error}.", path=folder,
                              error=exc.strerror or exc)) from exc
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{info.path.stem}-{stamp}.db"
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        _vacuum_into(db, part, info.key is not None)
        _fsync(part)
        os.replace(part, target)
    except DiskFull:
        part.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno == 28:
            raise DiskFull(str(exc)) from exc
        raise StorageError(tr("The backup could not be written to {path}: {error}.", path=target, error=exc)) from exc
    _rotate(info.path, keep if keep is not None else backup_settings(db)[1])
    return target


def _vacuum_into(db: Database, target: Path, encrypted: bool) -> None:
    """`VACUUM INTO` the target; for an encrypted database, with its page size: SQLCipher
    encrypts the copy with the database's key but its own default page size, which
    must be the database's."""
    if not encrypted:
        db.execute("VACUUM INTO ?", [str(target)])
        return
    size = int(db.execute("PRAGMA cipher_page_size").fetchone()[0])
    db.execute(f"PRAGMA cipher_default_page_size = {size}")
    try:
        db.execute("VACUUM INTO ?", [str(target)])
    finally:
        db.execute(f"PRAGMA cipher_default_page_size = {driver.SQLCIPHER_PAGE_SIZE}")


def _rotate(db_path: Path, keep: int) -> None:
    for old in list_backups(db_path)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def check_backup(path: str | Path, key: bytes | None) -> BackupInfo:
    """Open the backup with the key (read-only), run `PRAGMA integrity_check` and read
    its schema version. Raises :class:`BackupInvalid` with the reason."""
    path = Path(path)
    if not path.is_file():
        raise BackupInvalid(tr("There is no backup file at {path}.", path=path))
    try:
        conn = driver.connect(str(path), key=key, read_only=True)
    except sqlite3.Error as exc:
        raise BackupInvalid(tr("{path} cannot be opened: {error}.", path=path, error=exc)) from exc
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupInvalid(tr(
                "{path} is not a backup of this database: it does not open with this database's key"
                " (or it is not a database at all).", path=path)) from exc
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise BackupInvalid(tr("{path} is damaged: {problem}.", path=path, problem="; ".join(result[:3])))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < 1:
            raise BackupInvalid(tr("{path} is not a Tawthiq database.", path=path))
        if version > latest_version():
            raise BackupInvalid(tr("{path} was made by a newer version of Tawthiq (schema {version}).",
                                   path=path, version=version))
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        incidents = conn.execute("SELECT count(*) FROM incidents WHERE deleted = 0").fetchone()[0]
        victims = conn.execute("SELECT count(*) FROM victims WHERE deleted = 0").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupInvalid(tr("{path} cannot be read as a Tawthiq backup: {error}.", path=path, error=exc)) from exc
    finally:
        conn.close()
    return BackupInfo(path, version, incidents, victims, meta.get("origin"), meta.get("created_at"))


def restore_backup(db_path: str | Path, backup: str | Path, key: bytes | None) -> tuple[BackupInfo, Path | None]:
    """Replace the database at `db_path` with `backup`, after checking the backup.

    The caller holds the database's :class:`~core.storage.lock.InstanceLock` and has no
    connection open to it. The replaced file (with its WAL) is kept aside as
    `NAME.replaced-STAMP.db`; its path is returned with the backup's description.
    A backup of another database (another origin) is refused.
    """
    db_path = Path(db_path)
    info = check_backup(backup, key)
    current_origin = _origin_of(db_path, key)
    if current_origin and info.origin and current_origin != info.origin:
        raise BackupInvalid(tr("{path} is a backup of another database; it was not restored.", path=backup))
    aside: Path | None = None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    staged = db_path.with_name(db_path.name + ".restoring")
    try:
        shutil.copyfile(backup, staged)
        _fsync(staged)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        if exc.errno == 28:
            raise DiskFull(str(exc)) from exc
        raise StorageError(tr("The backup could not be copied beside the database: {error}.",
                              error=exc.strerror or exc)) from exc
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            current = Path(str(db_path) + suffix)
            if current.exists():
                os.replace(current, Path(str(aside) + suffix))
    os.replace(staged, db_path)
    # Open it once as the application would: migrations for an older backup run now.
    open_database(db_path, key=key, create=False, encrypt=key is not None).close()
    return info, aside


def _origin_of(db_path: Path, key: bytes | None) -> str | None:
    if not db_path.exists():
        return None
    try:
        conn = driver.connect(str(db_path), key=key, read_only=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'origin'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # a damaged database is exactly what a restore is for
    return row[0] if row else None


class AutoBackup:
    """Backs up at start and after every N saves (N and K from the database's settings).

    `note_save()` counts a save and says whether a backup is now due; the caller then
    runs :meth:`run` on the thread that owns the connection.
    """

    def __init__(self, every: int = DEFAULT_EVERY, keep: int = DEFAULT_KEEP):
        self.every = every
        self.keep = keep
        self.saves = 0

    @classmethod
    def for_database(cls, db: Database) -> AutoBackup:
        every, keep = backup_settings(db)
        return cls(every, keep)

    def note_save(self) -> bool:
        self.saves += 1
        return self.every > 0 and self.saves % self.every == 0

    def run(self, db: Database) -> Path | None:
        """Back up now, unless the database holds nothing yet."""
        if db.execute("SELECT 1 FROM incidents LIMIT 1").fetchone() is None:
            return None
        return make_backup(db, keep=self.keep)
