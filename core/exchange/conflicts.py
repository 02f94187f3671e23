"""Conflicts left by imports: a newer version arrived while the local copy had changed
since its last import. Both versions are kept until a reviewer settles which stands."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from core import accounts, audit, names
from core.changes import Changes
from core.models import Victim, utc_now
from core.storage.facts import refresh_facts
from core.storage.records import RecordNotFound, write_snapshot
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS


@dataclass(frozen=True)
class Conflict:
    conflict_uuid: str
    record_type: str  # "incident" or "victim"
    record_uuid: str
    local_version: int
    incoming_version: int
    local: dict[str, Any]
    incoming: dict[str, Any]
    package_origin: str
    package_exported_at: str
    detected_at: str
    resolved_at: str | None
    resolved_by: str | None
    resolution: str | None
    package_label: str | None = None  # the exporting team's label, from the manifest
    package_name: str | None = None  # the package's file or folder name

    @property
    def differences(self) -> dict[str, tuple[Any, Any]]:
        """Field → (local value, incoming value), for the fields that differ."""
        return {k: (self.local.get(k), v) for k, v in self.incoming.items() if self.local.get(k) != v}


def _conflict(row: dict[str, Any]) -> Conflict:
    return Conflict(**{**row, "local": json.loads(row["local"]), "incoming": json.loads(row["incoming"])})


@dataclass(frozen=True)
class ConflictEntry:
    """A conflict with what a reviewer recognises it by: the incident's date and place
    (the victim's incident for a victim), and the victim's name."""

    conflict: Conflict
    incident_date: str
    governorate: str
    locality: str
    victim_name: str

    @property
    def package(self) -> str:
        """The package as a reviewer knows it: its team's label, else the database it came from."""
        return self.conflict.package_label or self.conflict.package_origin


def record_fields(record_type: str) -> tuple[str, ...]:
    """The fields of an incident or a victim, in the exchange format's order."""
    return tuple(INCIDENT_COLUMNS if record_type == "incident" else VICTIM_COLUMNS)


def count_conflicts(db: Database) -> int:
    """How many conflicts wait for a reviewer."""
    return db.execute("SELECT COUNT(*) FROM exchange_conflicts WHERE resolved_at IS NULL").fetchone()[0]


def conflict_entries(db: Database, *, include_resolved: bool = False) -> list[ConflictEntry]:
    """:func:`list_conflicts`, each with its incident's date and place and its victim's name.

    A victim's incident is read as stored here (the local copy of the incident)."""
    conflicts = list_conflicts(db, include_resolved=include_resolved)
    wanted = sorted({c.local.get("incident_uuid") or "" for c in conflicts if c.record_type == "victim"})
    incidents: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for row in db.execute(
                f"SELECT incident_uuid, date, governorate, locality FROM incidents WHERE incident_uuid IN"
                f" ({','.join('?' * len(chunk))})", chunk):
            incidents[row[0]] = (row[1] or "", row[2] or "", row[3] or "")
    entries = []
    for c in conflicts:
        if c.record_type == "incident":
            date, governorate, locality = (c.local.get(k) or "" for k in ("date", "governorate", "locality"))
            name = ""
        else:
            date, governorate, locality = incidents.get(c.local.get("incident_uuid") or "", ("", "", ""))
            name = victim_display_name(c.local)
        entries.append(ConflictEntry(c, date, governorate, locality, name))
    return entries


def victim_display_name(record: dict[str, Any]) -> str:
    """The victim's name parts in order, or the Latin spelling when none is written."""
    parts = [record.get(k) or "" for k in ("given_name", "father_name", "grandfather_name", "family_name")]
    return " ".join(p for p in parts if p) or (record.get("name_latin") or "")


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[Conflict]:
    """The conflicts waiting for a reviewer (oldest first), or all of them."""
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    return [_conflict(r) for r in db.query(f"SELECT * FROM exchange_conflicts {where} ORDER BY detected_at, rowid")]


def resolve_conflict(db: Database, conflict_uuid: str, keep: Literal["local", "incoming"], user: str) -> Changes:
    """Settle a conflict: keep the local copy as it is, or replace it by the incoming
    version (which then counts as the last imported version)."""
    if keep not in ("local", "incoming"):
        raise ValueError(f"keep must be 'local' or 'incoming', not {keep!r}")
    accounts.require(db, user, "review")
    rows = list(db.query("SELECT * FROM exchange_conflicts WHERE conflict_uuid = ?", [conflict_uuid]))
    if not rows:
        raise RecordNotFound(f"No conflict {conflict_uuid}.")
    conflict = _conflict(rows[0])
    if conflict.resolved_at is not None:
        return Changes()
    now = utc_now()
    changes = Changes(review=True)
    with db.atomic():
        if keep == "incoming":
            changes.merge(_take_incoming(db, conflict, user, now))
        db.execute("UPDATE exchange_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE conflict_uuid = ?",
                   [now, user, keep, conflict_uuid])
        audit.append(db, user=user, action="resolve_conflict", record_type=conflict.record_type,
                     record_uuid=conflict.record_uuid, before={"version": conflict.local_version},
                     after={"kept": keep, "version": conflict.incoming_version}, at=now)
    return changes


def _take_incoming(db: Database, conflict: Conflict, user: str, now: str) -> Changes:
    table, key = ("incidents", "incident_uuid") if conflict.record_type == "incident" else ("victims", "victim_uuid")
    row = dict(conflict.incoming)
    current = db.execute(f"SELECT version FROM {table} WHERE {key} = ?", [conflict.record_uuid]).fetchone()
    if current is None:
        raise RecordNotFound(f"No {conflict.record_type} {conflict.record_uuid}.")
    if current[0] >= row["version"]:
        # The local copy moved on since the conflict was found: the newer version stands,
        # raised by one so that it travels as the newest.
        row["version"] = current[0] + 1
        row["updated_at"] = now
    row["deleted"] = 0
    row["import_base_version"] = row["version"]
    if table == "victims":
        victim = Victim.model_validate({k: conflict.incoming[k] for k in VICTIM_COLUMNS})
        row["search_text"] = names.search_text(victim)
        db["victim_keys"].insert({"victim_uuid": victim.victim_uuid, **names.victim_keys(victim)},
                                 pk="victim_uuid", replace=True)
    db[table].update(conflict.record_uuid, row)
    incident_uuid = row["incident_uuid"]
    if db.execute("SELECT review_status = 'approved' FROM incidents WHERE incident_uuid = ?",
                  [incident_uuid]).fetchone()[0]:
        write_snapshot(db, incident_uuid, now)
    refresh_facts(db, [incident_uuid])
    changed = {k: v for k, v in conflict.incoming.items() if conflict.local.get(k) != v}
    audit.append(db, user=user, action="update", record_type=conflict.record_type, record_uuid=conflict.record_uuid,
                 before={k: conflict.local.get(k) for k in changed}, after=changed, at=now)
    changes = Changes(incidents={incident_uuid}, tallies=True, review=True)
    if table == "victims":
        changes.victims.add(conflict.record_uuid)
        changes.duplicates = True
    return changes
