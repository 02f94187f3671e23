"""Saving, reading and deleting incidents with their victims."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core import accounts, audit, comments, names, vocab
from core.changes import Changes
from core.i18n import tr
from core.models import Incident, Problem, Victim, check_incident, utc_now
from core.storage.facts import refresh_facts
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS

# Fields that are bookkeeping rather than content: a save that changes none of the
# others is no change at all.
BOOKKEEPING = {"version", "updated_at", "created_by"}


class RecordInvalid(ValueError):
    """The record breaks a rule; `problems` says which and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class RecordNotFound(LookupError):
    pass


@dataclass
class SavedIncident:
    incident: Incident
    victims: list[Victim]
    changes: Changes


def incident_row(incident: Incident) -> dict[str, Any]:
    return incident.model_dump(mode="json")


def victim_row(victim: Victim) -> dict[str, Any]:
    return victim.model_dump(mode="json")


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
# A victim's row as victim_json writes it, written by SQLite: the same text, as victims'
# columns hold only text, whole numbers and nulls (SQLite would write some floating-point
# numbers with more digits than Python does).
if float in VICTIM_COLUMNS.values():
    raise TypeError("VICTIM_JSON_SQL writes floating-point numbers unlike victim_json")
VICTIM_JSON_SQL = "json_object(" + ", ".join(f"'{c}', {c}" for c in VICTIM_COLUMNS) + ")"


def victim_json(row: dict[str, Any]) -> str:
    """A victim's row (its columns, in their order) in compact JSON, as snapshots hold it."""
    return _COMPACT.encode({c: row[c] for c in VICTIM_COLUMNS})


def snapshot_payload(incident: dict[str, Any], victims: Iterable[str]) -> str:
    """The text of an approved snapshot: the incident's row and its victims' rows, each
    victim as :func:`victim_json` (or :data:`VICTIM_JSON_SQL`) writes it. Every way of
    writing a snapshot writes it so: the same rows, the same text."""
    return ('{"incident":' + _COMPACT.encode({c: incident[c] for c in INCIDENT_COLUMNS})
            + ',"victims":[' + ",".join(victims) + "]}")


def _content(row: dict[str, Any], columns: dict[str, type]) -> dict[str, Any]:
    return {k: row.get(k) for k in columns if k not in BOOKKEEPING}


def incident_from_row(row: dict[str, Any]) -> Incident:
    return Incident.model_validate({k: row[k] for k in INCIDENT_COLUMNS})


def victim_from_row(row: dict[str, Any]) -> Victim:
    return Victim.model_validate({k: row[k] for k in VICTIM_COLUMNS})


def save_incident(
    db: Database,
    incident: Incident,
    victims: list[Victim],
    user: str,
    *,
    gazetteer: Any = None,
    now: str | None = None,
    action: str = "save",
) -> SavedIncident:
    """Save an incident with its victims in one transaction.

    Every record whose content changed gets its version raised by one and `updated_at`
    set; a new record starts at version 1 with `created_by` = `user`. Victims of the
    incident that are no longer in `victims` are soft-deleted. Nothing is written if any
    rule is broken (:class:`RecordInvalid`) or the write fails.
    """
    problems = check_incident(incident, victims, gazetteer)
    if problems:
        raise RecordInvalid(problems)
    now = now or utc_now()
    changes = Changes(incidents={incident.incident_uuid}, tallies=True)
    with db.atomic():
        stored = db.execute("SELECT review_status FROM incidents WHERE incident_uuid = ?",
                            [incident.incident_uuid]).fetchone()
        old_status = stored[0] if stored else None
        if action == "save":
            incident = _status_for_save(db, user, incident, victims, old_status)
        inc, inc_changed = _merge(db, "incidents", "incident_uuid", incident_row(incident),
                                  INCIDENT_COLUMNS, user, now)
        if inc_changed:
            changes.review = True
        saved_victims = _merge_victims(db, victims, user, now, changes.victims)
        keep = {row["victim_uuid"] for row in saved_victims}
        for (gone,) in db.execute(
            "SELECT victim_uuid FROM victims WHERE incident_uuid = ? AND deleted = 0",
            [incident.incident_uuid],
        ).fetchall():
            if gone not in keep:
                _soft_delete_victim(db, gone, user, now)
                changes.victims.add(gone)
        if inc["review_status"] != old_status and inc["review_status"] == "submitted":
            comments.write(db, incident.incident_uuid, user, "", "submitted", now)
        if inc["review_status"] == "approved" and (inc_changed or changes.victims):
            write_snapshot(db, inc["incident_uuid"], now, user=user)
        if inc_changed or changes.victims:
            changes.duplicates = bool(changes.victims)
        # A victim scores against others by the incident's date and place too.
        around = set(changes.victims) | (set(keep) if inc_changed else set())
        if _refresh_candidates(db, around):
            changes.duplicates = True
        refresh_facts(db, [incident.incident_uuid])
    return SavedIncident(
        incident=incident_from_row(inc),
        victims=[victim_from_row(v) for v in saved_victims],
        changes=changes,
    )


def _status_for_save(
    db: Database, user: str, incident: Incident, victims: list[Victim], old_status: str | None
) -> Incident:
    """The review status a save leaves the incident in, or PermissionDenied.

    A changed approved incident goes back to review (`submitted`): its approved snapshot
    is left alone and keeps counting until the new version is approved. Once accounts
    exist, a save can only leave an incident as draft or submitted, or keep the status it
    has: approving, returning and rejecting are steps of `core.review`. An import
    (`action="import"`) keeps the status the package gives.
    """
    enforced = accounts.has_accounts(db)
    if enforced:
        accounts.require(db, user, "edit")
    status = incident.review_status
    if old_status == "approved" and status == "approved" and _differs(db, incident, victims):
        incident = incident.model_copy(update={"review_status": "submitted"})
        status = "submitted"
    if enforced and status != old_status and status not in ("draft", "submitted"):
        raise accounts.PermissionDenied(tr(
            "A save cannot make an incident {status}: approve, return or reject it in review.",
            status=vocab.label("review_status", status),
        ))
    return incident


def _differs(db: Database, incident: Incident, victims: list[Victim]) -> bool:
    """Whether saving would change anything but the review status."""
    old = next(iter(db.query("SELECT * FROM incidents WHERE incident_uuid = ?", [incident.incident_uuid])))
    mine = _content(incident_row(incident), INCIDENT_COLUMNS)
    theirs = _content(old, INCIDENT_COLUMNS)
    mine.pop("review_status"), theirs.pop("review_status")
    if mine != theirs:
        return True
    stored = {
        r["victim_uuid"]: _content(r, VICTIM_COLUMNS)
        for r in db.query("SELECT * FROM victims WHERE incident_uuid = ? AND deleted = 0", [incident.incident_uuid])
    }
    return stored != {v.victim_uuid: _content(victim_row(v), VICTIM_COLUMNS) for v in victims}


def _merge(
    db: Database, table: str, pk: str, row: dict[str, Any], columns: dict[str, type], user: str, now: str
) -> tuple[dict[str, Any], bool]:
    """Write one record if its content changed, with version and history. Returns the
    stored row and whether it changed."""
    cursor = db.execute(f"SELECT * FROM {table} WHERE {pk} = ?", [row[pk]])
    existing = cursor.fetchone()
    old = None if existing is None else dict(zip([d[0] for d in cursor.description], existing, strict=True))
    merged, entry = _merged(table, pk, old, row, columns, user, now)
    if entry is None:
        return merged, False
    if old is None:
        db[table].insert(merged)
    else:
        db[table].update(merged[pk], merged)
    audit.append(db, **entry)
    return merged, True


def _merged(
    table: str, pk: str, old: dict[str, Any] | None, row: dict[str, Any], columns: dict[str, type], user: str, now: str
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The row to store over `old` (None: a new record) and its history entry (the
    keyword arguments of `core.audit.append`; None when the content is the same)."""
    record_type = table[:-1]
    if old is None:
        row = {**row, "version": 1, "updated_at": now, "created_by": row.get("created_by") or user}
        if table == "victims":
            row["search_text"] = names.search_text(Victim.model_validate({k: row[k] for k in VICTIM_COLUMNS}))
        return row, {"user": user, "action": "create", "record_type": record_type, "record_uuid": row[pk],
                     "before": None, "after": _content(row, columns), "at": now}
    if old.get("deleted"):
        raise RecordInvalid([Problem("", f"This {record_type} was deleted and cannot be saved again.", "deleted")])
    before, after = _content(old, columns), _content(row, columns)
    if before == after:
        return {**old}, None
    if table == "victims" and old["incident_uuid"] != row["incident_uuid"]:
        raise RecordInvalid([Problem("incident_uuid", "A victim cannot be moved to another incident.", "victim_incident")])
    row = {**row, "version": old["version"] + 1, "updated_at": now, "created_by": old["created_by"]}
    if table == "victims":
        row["search_text"] = names.search_text(Victim.model_validate({k: row[k] for k in VICTIM_COLUMNS}))
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    return {**old, **row}, {"user": user, "action": "update", "record_type": record_type, "record_uuid": row[pk],
                            "before": {k: before.get(k) for k in changed}, "after": changed, "at": now}


def _merge_victims(db: Database, victims: list[Victim], user: str, now: str, changed: set[str]) -> list[dict[str, Any]]:
    """:func:`_merge` of every victim, batched: the stored rows read in one query, the new
    rows, the name keys and the history entries each written in one statement (the same
    rows and the same history, in the same order, as one victim after the other).
    Adds the UUIDs of the victims changed to `changed`; returns the stored rows."""
    stored: dict[str, dict[str, Any]] = {}
    uuids = list(dict.fromkeys(v.victim_uuid for v in victims))
    for start in range(0, len(uuids), 400):
        batch = uuids[start:start + 400]
        stored.update((r["victim_uuid"], r) for r in db.query(
            f"SELECT * FROM victims WHERE victim_uuid IN ({','.join('?' * len(batch))})", batch))
    saved: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []

    def flush() -> None:
        _insert_rows(db, "victims", inserts)
        _write_keys(db, keys)
        audit.append_many(db, entries)
        for pending in (inserts, keys, entries):
            pending.clear()

    for victim in victims:
        uuid = victim.victim_uuid
        if any(r["victim_uuid"] == uuid for r in inserts):
            flush()  # the same victim twice in the list: the second one updates the first
        old = stored.get(uuid)
        row, entry = _merged("victims", "victim_uuid", old, victim_row(victim), VICTIM_COLUMNS, user, now)
        saved.append(row)
        if entry is None:
            continue
        if old is None:
            inserts.append(row)
        else:
            db["victims"].update(uuid, row)
        stored[uuid] = row
        keys.append(row)
        entries.append(entry)
        changed.add(uuid)
    flush()
    return saved


def _refresh_candidates(db: Database, victim_uuids: set[str] | list[str]) -> bool:
    """Keep the stored likely duplicate pairs of these records current (see
    `core.dedupe.candidates`); whether they changed."""
    if not victim_uuids:
        return False
    try:
        from core.dedupe.candidates import (
            refresh_candidates,  # the duplicates engine builds on storage
        )
    except ImportError:  # an installation without it
        return False
    return refresh_candidates(db, victim_uuids)


def _write_keys(db: Database, rows: list[dict[str, Any]]) -> None:
    """Store the name keys of these victim rows (replacing those they had)."""
    keyed = [{"victim_uuid": row["victim_uuid"],
              **names.victim_keys(Victim.model_validate({k: row[k] for k in VICTIM_COLUMNS}))} for row in rows]
    if keyed:
        columns = list(keyed[0])
        db.conn.executemany(
            f"INSERT OR REPLACE INTO victim_keys ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [[k[c] for c in columns] for k in keyed])


def _soft_delete_victim(db: Database, victim_uuid: str, user: str, now: str) -> None:
    version = db.execute("SELECT version FROM victims WHERE victim_uuid = ?", [victim_uuid]).fetchone()[0]
    db.execute(
        "UPDATE victims SET deleted = 1, version = ?, updated_at = ? WHERE victim_uuid = ?",
        [version + 1, now, victim_uuid],
    )
    audit.append(db, user=user, action="delete", record_type="victim", record_uuid=victim_uuid,
                 before={"deleted": 0}, after={"deleted": 1}, at=now)


def write_snapshot(db: Database, incident_uuid: str, now: str | None = None, *, user: str = "local") -> None:
    """Record the incident's current content as the approved version that counts.

    The history gets the snapshot's SHA-256, so that a snapshot changed in the file is
    found by `core.audit.verify`."""
    incident, victims = load_incident(db, incident_uuid)
    payload = snapshot_payload(incident_row(incident), (victim_json(victim_row(v)) for v in victims))
    now = now or utc_now()
    db["approved_snapshots"].insert(
        {"incident_uuid": incident_uuid, "version": incident.version, "approved_at": now, "payload": payload},
        pk="incident_uuid", replace=True,
    )
    audit.append(db, user=user, action="snapshot", record_type="approved_snapshot", record_uuid=incident_uuid,
                 before=None, after={"version": incident.version, "sha256": audit.digest(payload)}, at=now)


def load_incident(db: Database, incident_uuid: str) -> tuple[Incident, list[Victim]]:
    """The incident and its victims (deleted victims left out), as stored."""
    rows = list(db.query("SELECT * FROM incidents WHERE incident_uuid = ?", [incident_uuid]))
    if not rows:
        raise RecordNotFound(f"No incident {incident_uuid}.")
    victims = [
        victim_from_row(r)
        for r in db.query(
            "SELECT * FROM victims WHERE incident_uuid = ? AND deleted = 0 ORDER BY rowid", [incident_uuid]
        )
    ]
    return incident_from_row(rows[0]), victims


def is_deleted(db: Database, incident_uuid: str) -> bool:
    row = db.execute("SELECT deleted FROM incidents WHERE incident_uuid = ?", [incident_uuid]).fetchone()
    return bool(row and row[0])


def delete_incident(db: Database, incident_uuid: str, user: str) -> Changes:
    """Soft-delete an incident and its victims: they stay in the file and the history,
    and stop counting anywhere."""
    now = utc_now()
    with db.atomic():
        row = db.execute("SELECT version, deleted FROM incidents WHERE incident_uuid = ?", [incident_uuid]).fetchone()
        if row is None:
            raise RecordNotFound(f"No incident {incident_uuid}.")
        if row[1]:
            return Changes()
        db.execute(
            "UPDATE incidents SET deleted = 1, version = ?, updated_at = ? WHERE incident_uuid = ?",
            [row[0] + 1, now, incident_uuid],
        )
        audit.append(db, user=user, action="delete", record_type="incident", record_uuid=incident_uuid,
                     before={"deleted": 0}, after={"deleted": 1}, at=now)
        victims = [r[0] for r in db.execute(
            "SELECT victim_uuid FROM victims WHERE incident_uuid = ? AND deleted = 0", [incident_uuid]).fetchall()]
        for victim_uuid in victims:
            _soft_delete_victim(db, victim_uuid, user, now)
        _refresh_candidates(db, victims)
        refresh_facts(db, [incident_uuid])
    return Changes(incidents={incident_uuid}, victims=set(victims), tallies=True, review=True, duplicates=True)


def _insert_rows(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys, in one statement."""
    if not rows:
        return
    columns = list(rows[0])
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})")
    db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])


def bulk_insert(
    db: Database, records: Iterable[tuple[Incident, list[Victim]]], user: str, *, batch_size: int = 2000
) -> int:
    """Insert many new incidents with their victims at once (demonstration data, benchmarks).

    The records are validated as any save is; the history gets one entry per record;
    approved incidents get their approved snapshot, as :func:`save_incident` would write
    it. Returns the number of incidents written. Nothing is written if any record is
    invalid (:class:`RecordInvalid`) or already stored.
    """
    count = 0
    inc_rows: list[dict[str, Any]] = []
    vic_rows: list[dict[str, Any]] = []
    key_rows: list[dict[str, Any]] = []
    victims_of: dict[str, list[dict[str, Any]]] = {}
    approved: list[str] = []

    def flush() -> None:
        _insert_rows(db, "incidents", inc_rows)
        _insert_rows(db, "victims", vic_rows)
        _insert_rows(db, "victim_keys", key_rows)
        now = utc_now()
        by_uuid = {row["incident_uuid"]: row for row in inc_rows}
        # The payload write_snapshot would read back: the stored rows, victims in the order written.
        snapshots = [
            {"incident_uuid": uuid, "version": by_uuid[uuid]["version"], "approved_at": now,
             "payload": snapshot_payload(by_uuid[uuid], (victim_json(row) for row in victims_of[uuid]))}
            for uuid in approved
        ]
        _insert_rows(db, "approved_snapshots", snapshots)
        audit.append_many(db, [
            *({"user": user, "action": "create", "record_type": "incident", "record_uuid": row["incident_uuid"],
               "after": _content(row, INCIDENT_COLUMNS), "at": row["updated_at"]} for row in inc_rows),
            *({"user": user, "action": "create", "record_type": "victim", "record_uuid": row["victim_uuid"],
               "after": _content(row, VICTIM_COLUMNS), "at": row["updated_at"]} for row in vic_rows),
            *({"user": user, "action": "snapshot", "record_type": "approved_snapshot",
               "record_uuid": row["incident_uuid"], "at": now,
               "after": {"version": row["version"], "sha256": audit.digest(row["payload"])}} for row in snapshots),
        ])
        refresh_facts(db, list(by_uuid))
        for batch in (inc_rows, vic_rows, key_rows, approved):
            batch.clear()
        victims_of.clear()

    with db.atomic():
        for incident, victims in records:
            problems = check_incident(incident, victims)
            if problems:
                raise RecordInvalid(problems)
            row = incident_row(incident)
            row["created_by"] = row["created_by"] or user
            inc_rows.append(row)
            if incident.review_status == "approved":
                approved.append(incident.incident_uuid)
            stored = victims_of.setdefault(incident.incident_uuid, [])
            for victim in victims:
                vrow = victim_row(victim)
                vrow["created_by"] = vrow["created_by"] or user
                vrow["search_text"] = names.search_text(victim)
                vic_rows.append(vrow)
                stored.append(vrow)
                key_rows.append({"victim_uuid": victim.victim_uuid, **names.victim_keys(victim)})
            count += 1
            if len(vic_rows) >= batch_size * 5:
                flush()
        flush()
    return count
