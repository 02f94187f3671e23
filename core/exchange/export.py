"""Export of an exchange package (see `docs/exchange-format.md`).

Which version of a record is written:

- `status="all"`: the newest version of every incident that is not deleted, with its
  victims that are not deleted.
- `status="approved"`: the *approved snapshot* of every incident that has one, i.e. the
  version a reviewer approved, even when a newer version now waits for review. This is
  what the approved tallies count, so the receiving office counts the same figures.

The date filter applies to the incident date of the version written. Decisions travel
when at least one of their two victims is in the package; comments with their incident.
Deleted records are not exported (the format has no way to say "deleted").

Rows are streamed from SQLite to the file: memory does not grow with the number of
records. Everything is read in one transaction, so the files agree with one another.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from core import accounts, audit
from core.changes import Changes
from core.exchange.format import (
    COLUMNS,
    COMMENTS,
    DECISIONS,
    FORMAT,
    FORMAT_VERSION,
    INCIDENTS,
    MANIFEST,
    VICTIMS,
    cell,
    decision_cells,
)
from core.exchange.package import PackageWriter
from core.exchange.scratch import scratch_database
from core.jobs import JobState
from core.models import utc_now
from core.storage import get_meta, origin
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS

Status = Literal["approved", "all"]
PROGRESS_EVERY = 5000
BATCH = 2000


@dataclass
class ExportResult:
    path: Path
    manifest: dict[str, Any]
    changes: Changes = field(default_factory=Changes)

    @property
    def rows(self) -> dict[str, int]:
        return {name: entry["rows"] for name, entry in self.manifest["files"].items()}


class Selection:
    """The records an export writes, streamed in a fixed order (incidents by UUID, victims
    by incident then UUID) so that the same data always gives the same files.

    The queries walk the incidents in key order (`+deleted`, `+date` keep other indexes
    out of the plan, `CROSS JOIN` fixes the order of the join): a sort of the whole
    selection would be held in memory, as SQLite keeps its temporary data in memory in
    this build. A test checks the plans."""

    def __init__(self, db: Database, status: Status, date_from: str | None, date_to: str | None):
        if status not in ("approved", "all"):
            raise ValueError(f"unknown status {status!r}")
        self.db, self.status = db, status
        self.date_from = date_from or "0000-00-00"
        self.date_to = date_to or "9999-99-99"

    def count(self) -> tuple[int, int]:
        if self.status == "all":
            incidents = self.db.execute(
                "SELECT COUNT(*) FROM incidents WHERE deleted = 0 AND date BETWEEN ? AND ?",
                [self.date_from, self.date_to]).fetchone()[0]
            victims = self.db.execute(
                """SELECT COUNT(*) FROM incidents i JOIN victims v ON v.incident_uuid = i.incident_uuid
                   WHERE i.deleted = 0 AND v.deleted = 0 AND i.date BETWEEN ? AND ?""",
                [self.date_from, self.date_to]).fetchone()[0]
            row = (incidents, victims)
        else:
            row = self.db.execute(
                """SELECT COUNT(*), COALESCE(SUM(json_array_length(s.payload, '$.victims')), 0)
                   FROM approved_snapshots s JOIN incidents i ON i.incident_uuid = s.incident_uuid
                   WHERE i.deleted = 0 AND json_extract(s.payload, '$.incident.date') BETWEEN ? AND ?""",
                [self.date_from, self.date_to]).fetchone()
        return int(row[0]), int(row[1])

    def _snapshots(self) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(
            """SELECT s.payload FROM approved_snapshots s
               JOIN incidents i ON i.incident_uuid = s.incident_uuid
               WHERE +i.deleted = 0 AND json_extract(s.payload, '$.incident.date') BETWEEN ? AND ?
               ORDER BY s.incident_uuid""",
            [self.date_from, self.date_to])
        for (payload,) in cursor:
            yield json.loads(payload)

    def incidents(self) -> Iterator[dict[str, Any]]:
        if self.status == "approved":
            for snapshot in self._snapshots():
                yield snapshot["incident"]
            return
        cols = ", ".join(INCIDENT_COLUMNS)
        cursor = self.db.execute(
            f"""SELECT {cols} FROM incidents WHERE +deleted = 0 AND +date BETWEEN ? AND ?
                ORDER BY incident_uuid""", [self.date_from, self.date_to])
        names = list(INCIDENT_COLUMNS)
        for values in cursor:
            yield dict(zip(names, values, strict=False))

    def victims(self) -> Iterator[dict[str, Any]]:
        if self.status == "approved":
            for snapshot in self._snapshots():
                yield from snapshot["victims"]
            return
        cols = ", ".join(f"v.{c}" for c in VICTIM_COLUMNS)
        cursor = self.db.execute(
            f"""SELECT {cols} FROM incidents i CROSS JOIN victims v ON v.incident_uuid = i.incident_uuid
                WHERE +i.deleted = 0 AND v.deleted = 0 AND +i.date BETWEEN ? AND ?
                ORDER BY i.incident_uuid, v.rowid""", [self.date_from, self.date_to])
        names = list(VICTIM_COLUMNS)
        for values in cursor:
            yield dict(zip(names, values, strict=False))

    def pairs(self) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        """(incident, victim) for every victim; (incident, None) for an incident without any."""
        if self.status == "approved":
            for snapshot in self._snapshots():
                for victim in snapshot["victims"] or [None]:
                    yield snapshot["incident"], victim
            return
        icols, vcols = list(INCIDENT_COLUMNS), list(VICTIM_COLUMNS)
        cursor = self.db.execute(
            f"""SELECT {', '.join(f'i.{c}' for c in icols)}, {', '.join(f'v.{c}' for c in vcols)}
                FROM incidents i LEFT JOIN victims v ON v.incident_uuid = i.incident_uuid AND v.deleted = 0
                WHERE +i.deleted = 0 AND +i.date BETWEEN ? AND ?
                ORDER BY i.incident_uuid, v.rowid""", [self.date_from, self.date_to])
        for values in cursor:
            victim = dict(zip(vcols, values[len(icols):], strict=False))
            yield dict(zip(icols, values[: len(icols)], strict=False)), (victim if victim["victim_uuid"] else None)


def export_package(
    db: Database,
    out: str | Path,
    status: Status = "approved",
    date_from: str | None = None,
    date_to: str | None = None,
    user: str = "",
    job: JobState | None = None,
) -> ExportResult:
    """Write an exchange package to `out` (a `.zip` file, or else a folder).

    Returns what was written. Nothing is left at `out` if the export fails or is
    cancelled (:class:`core.jobs.Cancelled`). The export is recorded in the history.
    """
    accounts.require(db, user, "edit")
    job = job or JobState()
    selection = Selection(db, status, date_from, date_to)
    writer = PackageWriter(out)
    try:
        with scratch_database(db), db.atomic():
            head = audit.head(db)
            n_incidents, n_victims = selection.count()
            total = n_incidents + n_victims
            progress = _Progress(job, total)
            _make_temp(db)
            writer.write_csv(INCIDENTS, COLUMNS[INCIDENTS],
                             _incident_cells(db, selection.incidents(), progress))
            writer.write_csv(VICTIMS, COLUMNS[VICTIMS], _victim_cells(db, selection.victims(), progress))
            writer.write_csv(DECISIONS, COLUMNS[DECISIONS], _decision_cells(db))
            writer.write_csv(COMMENTS, COLUMNS[COMMENTS], _comment_cells(db))
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "exported_at": utc_now(),
                "origin": origin(db),
                "origin_label": get_meta(db, "origin_label") or "",
                "exported_by": user,
                "files": writer.files,
                "audit_head": head,
                "status": status,
                "date_from": date_from,
                "date_to": date_to,
            }
            writer.write_json(MANIFEST, manifest)
            audit.append(db, user=user, action="export", record_type="package", record_uuid=None,
                         before=None,
                         after={"package": Path(out).name, "status": status, "date_from": date_from,
                                "date_to": date_to, "files": writer.files})
            _drop_temp(db)
            job.progress(total, total)
        path = writer.commit()
    except BaseException:
        writer.abort()
        raise
    return ExportResult(path=path, manifest=manifest)


class _Progress:
    def __init__(self, job: JobState, total: int):
        self.job, self.total, self.done = job, total, 0

    def step(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self.job.check()
            self.job.progress(self.done, self.total)


def _make_temp(db: Database) -> None:
    _drop_temp(db)
    db.execute("CREATE TABLE x_scratch.x_export_incidents (uuid TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute("CREATE TABLE x_scratch.x_export_victims (uuid TEXT PRIMARY KEY) WITHOUT ROWID")


def _drop_temp(db: Database) -> None:
    db.execute("DROP TABLE IF EXISTS x_scratch.x_export_incidents")
    db.execute("DROP TABLE IF EXISTS x_scratch.x_export_victims")


def _remember(db: Database, table: str, batch: list[tuple[str]]) -> None:
    db.conn.executemany(f"INSERT OR IGNORE INTO x_scratch.{table} (uuid) VALUES (?)", batch)
    batch.clear()


def _incident_cells(db: Database, rows: Iterator[dict[str, Any]], progress: _Progress) -> Iterator[list[str]]:
    batch: list[tuple[str]] = []
    for row in rows:
        batch.append((row["incident_uuid"],))
        if len(batch) >= BATCH:
            _remember(db, "x_export_incidents", batch)
        progress.step()
        yield [cell(row.get(c)) for c in INCIDENT_COLUMNS]
    _remember(db, "x_export_incidents", batch)


def _victim_cells(db: Database, rows: Iterator[dict[str, Any]], progress: _Progress) -> Iterator[list[str]]:
    batch: list[tuple[str]] = []
    for row in rows:
        batch.append((row["victim_uuid"],))
        if len(batch) >= BATCH:
            _remember(db, "x_export_victims", batch)
        progress.step()
        yield [cell(row.get(c)) for c in VICTIM_COLUMNS]
    _remember(db, "x_export_victims", batch)


def _decision_cells(db: Database) -> Iterator[list[str]]:
    cols = ", ".join(f"d.{c}" for c in COLUMNS[DECISIONS])
    cursor = db.execute(
        f"""SELECT {cols} FROM duplicate_decisions d
            WHERE EXISTS (SELECT 1 FROM x_scratch.x_export_victims e WHERE e.uuid = d.victim_uuid_a)
               OR EXISTS (SELECT 1 FROM x_scratch.x_export_victims e WHERE e.uuid = d.victim_uuid_b)
            ORDER BY d.decision_uuid""")
    names = list(COLUMNS[DECISIONS])
    for values in cursor:
        yield decision_cells(dict(zip(names, values, strict=False)))


def _comment_cells(db: Database) -> Iterator[list[str]]:
    cols = ", ".join(f"c.{c}" for c in COLUMNS[COMMENTS])
    cursor = db.execute(
        f"""SELECT {cols} FROM comments c
            WHERE EXISTS (SELECT 1 FROM x_scratch.x_export_incidents e WHERE e.uuid = c.incident_uuid)
            ORDER BY c.incident_uuid, c.written_at, c.comment_uuid""")
    for values in cursor:
        yield [cell(v) for v in values]
