"""The append-only history: every change, who made it and when, chained by SHA-256.

Each entry's hash covers its own content and the previous entry's hash, so that an entry
changed or removed afterwards breaks the chain from that point on.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlite_utils import Database

from core.models import utc_now

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: the form that is hashed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    fields = {k: entry.get(k) for k in ("at", "user_name", "action", "record_type", "record_uuid", "before", "after")}
    return hashlib.sha256((prev_hash + canonical(fields)).encode("utf-8")).hexdigest()


def head(db: Database) -> str:
    """The hash of the newest entry (the genesis hash for an empty history)."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(
    db: Database,
    *,
    user: str,
    action: str,
    record_type: str,
    record_uuid: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: str | None = None,
) -> str:
    """Append one entry and return its hash. Call inside the write's transaction."""
    entry = {
        "at": at or utc_now(),
        "user_name": user,
        "action": action,
        "record_type": record_type,
        "record_uuid": record_uuid,
        "before": canonical(before) if before is not None else None,
        "after": canonical(after) if after is not None else None,
    }
    prev = head(db)
    digest = entry_hash(prev, entry)
    db.execute(
        "INSERT INTO audit_log (at, user_name, action, record_type, record_uuid, before, after, prev_hash, hash)"
        " VALUES (:at, :user_name, :action, :record_type, :record_uuid, :before, :after, :prev_hash, :hash)",
        {**entry, "prev_hash": prev, "hash": digest},
    )
    return digest


def history(db: Database, record_uuid: str) -> list[dict[str, Any]]:
    """Every entry about one record, oldest first."""
    return list(db.query("SELECT * FROM audit_log WHERE record_uuid = ? ORDER BY seq", [record_uuid]))
