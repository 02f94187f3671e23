"""A database made by the release before the latest migration, with a few victims."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from core.storage.schema import MIGRATIONS, apply_migrations
from tests.core.factories import incident, victim


def previous_version() -> int:
    return MIGRATIONS[-2][0]


def make_old_database(path: Path, victims: int = 3) -> None:
    old = Database(sqlite3.connect(str(path)))
    apply_migrations(old, up_to=previous_version())
    inc = incident()
    old["incidents"].insert({**inc.model_dump(mode="json"), "deleted": 0})
    for i in range(victims):
        v = victim(inc, given_name="عبد الله", family_name=f"الحلبي {i}")
        old["victims"].insert({**v.model_dump(mode="json"), "deleted": 0, "search_text": ""})
        old["victim_keys"].insert({"victim_uuid": v.victim_uuid, "key_given": "old"})
    old.conn.commit()
    old.close()
