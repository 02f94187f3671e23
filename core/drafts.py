"""Unsaved work kept in the database, so that a crash or a closed window loses nothing.

A draft is what a form holds, as JSON, under a key (the UUID of the incident being
entered or edited). Drafts are not records: they are never validated, counted, exported
or put in the history, and saving the record discards its draft.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core.models import utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DraftInfo:
    draft_key: str
    user_name: str
    saved_at: str


def save_draft(db: Database, key: str, user: str, payload: dict[str, Any], now: str | None = None) -> None:
    """Keep `payload` as the draft `key` of `user`, replacing an earlier one."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    with db.atomic():
        db.execute(
            "INSERT INTO drafts (draft_key, user_name, saved_at, payload) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(draft_key) DO UPDATE SET user_name = excluded.user_name,"
            " saved_at = excluded.saved_at, payload = excluded.payload",
            [key, user, now or utc_now(), text],
        )


def load_draft(db: Database, key: str) -> dict[str, Any] | None:
    """The draft `key`, or None when there is none or it cannot be read."""
    row = db.execute("SELECT payload FROM drafts WHERE draft_key = ?", [key]).fetchone()
    if row is None:
        return None
    try:
        payload = json.loads(row[0])
    except (TypeError, ValueError):
        log.warning("draft %s cannot be read and is ignored", key)
        return None
    return payload if isinstance(payload, dict) else None


def list_drafts(db: Database, user: str | None = None) -> list[DraftInfo]:
    """The drafts (of `user`, or of everyone), the most recent first."""
    sql = "SELECT draft_key, user_name, saved_at FROM drafts"
    params: list[str] = []
    if user is not None:
        sql += " WHERE user_name = ?"
        params.append(user)
    sql += " ORDER BY saved_at DESC, rowid DESC"
    return [DraftInfo(*row) for row in db.execute(sql, params).fetchall()]


def discard_draft(db: Database, key: str) -> bool:
    """Remove the draft `key`; True if there was one."""
    with db.atomic():
        cursor = db.execute("DELETE FROM drafts WHERE draft_key = ?", [key])
    return cursor.rowcount > 0
