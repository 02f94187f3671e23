"""Checking a whole package before anything is written.

Every row goes through the same pydantic models and :func:`core.models.check_incident`
as the entry form. Valid rows are staged in temporary tables (on disk, not in memory),
from which :mod:`core.exchange.import_` writes once the whole package has passed.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from core import child_processes, names
from core.exchange.format import (
    COLUMNS,
    COMMENTS,
    DECISIONS,
    FORMAT,
    FORMAT_VERSION,
    INCIDENTS,
    MANIFEST,
    MODELS,
    REQUIRED_FILES,
    VICTIMS,
    model_input,
)
from core.exchange.reading import DAMAGE, HashingReader, PackageSource
from core.exchange.row_workers import Answer, RowCheckers, quick_incident, quick_victim
from core.gazetteer import Gazetteer
from core.i18n import tr
from core.jobs import JobState
from core.models import Incident, check_incident, problems_from_error
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS

MAX_REPORTED = 100
BATCH = 2000
PROGRESS_EVERY = 5000
SCRATCH_CACHE_KIB = -32768  # 32 MiB
CHUNK = 2000  # victims' rows given to a checker at a time
PARALLEL_MIN_ROWS = 20000  # below this, starting worker processes costs more than it saves
WORKERS = child_processes.WORKERS
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
# The matching keys stored beside each victim, whatever the names module holds.
KEY_COLUMNS = tuple(names.victim_keys({}))

STAGING_COLUMNS: dict[str, tuple[str, ...]] = {
    INCIDENTS: tuple(INCIDENT_COLUMNS),
    VICTIMS: (*VICTIM_COLUMNS, "search_text", *KEY_COLUMNS),
    DECISIONS: COLUMNS[DECISIONS],
    COMMENTS: COLUMNS[COMMENTS],
}
_DISTRICT = STAGING_COLUMNS[INCIDENTS].index("district")
_SUBDISTRICT = STAGING_COLUMNS[INCIDENTS].index("subdistrict")
_DEATH = STAGING_COLUMNS[VICTIMS].index("death_date")
_VICTIM_INCIDENT = STAGING_COLUMNS[VICTIMS].index("incident_uuid")
STAGING_TABLE = {INCIDENTS: "x_incidents", VICTIMS: "x_victims", DECISIONS: "x_decisions",
                 COMMENTS: "x_comments"}
KEY = {INCIDENTS: "incident_uuid", VICTIMS: "victim_uuid", DECISIONS: "decision_uuid",
       COMMENTS: "comment_uuid"}


@dataclass(frozen=True)
class PackageError:
    """One reason a package is refused. `row` counts as a spreadsheet does: the header is
    row 1, the first record row 2; 0 when the problem concerns the whole file."""

    file: str
    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row else "") + (f", {self.column}" if self.column else "")
        value = f" ({self.value!r})" if self.value else ""
        return f"{where}{value}: {self.reason}"


class Errors:
    """The first :data:`MAX_REPORTED` errors, and how many there were in all."""

    def __init__(self) -> None:
        self.first: list[PackageError] = []
        self.total = 0

    def add(self, file: str, row: int, column: str, value: Any, reason: str) -> None:
        self.total += 1
        if len(self.first) < MAX_REPORTED:
            text = "" if value is None else str(value)
            self.first.append(PackageError(file, row, column, text[:200], reason))

    def __bool__(self) -> bool:
        return self.total > 0


# Staging tables whose key index is built once all their rows are in: one sort instead of
# an insert at a random place of the index for every row (the victims, by far the most).
INDEXED_AFTER = frozenset({VICTIMS})


def make_staging(db: Database) -> None:
    drop_staging(db)
    db.execute(f"PRAGMA x_scratch.cache_size = {SCRATCH_CACHE_KIB}")
    for file, table in STAGING_TABLE.items():
        cols = ", ".join(f"{c}" for c in ("row_no", *STAGING_COLUMNS[file], "action"))
        db.execute(f"CREATE TABLE x_scratch.{table} ({cols})")
        if file not in INDEXED_AFTER:
            _index_staging(db, file)


def _index_staging(db: Database, file: str) -> None:
    table = STAGING_TABLE[file]
    db.execute(f"CREATE INDEX IF NOT EXISTS x_scratch.{table}_key ON {table} ({KEY[file]})")


def drop_staging(db: Database) -> None:
    for table in STAGING_TABLE.values():
        db.execute(f"DROP TABLE IF EXISTS x_scratch.{table}")


class PackageCheck:
    """Validates a package into the staging tables. Call inside a transaction."""

    def __init__(self, db: Database, source: PackageSource, job: JobState):
        self.db, self.source, self.job = db, source, job
        self.errors = Errors()
        self.manifest: dict[str, Any] = {}
        self.rows: dict[str, int] = {}
        self.gazetteer = Gazetteer.from_database(db)
        self._last_incident: tuple[str | None, str | None] = (None, None)
        self._batches: dict[str, list[list[Any]]] = {name: [] for name in STAGING_TABLE}
        self._done = 0
        self._total = 0

    # -- the manifest ---------------------------------------------------------------------

    def check_manifest(self) -> bool:
        err = self.errors.add
        if MANIFEST not in self.source.names:
            err(MANIFEST, 0, "", "", tr("The package has no manifest.json."))
            return False
        try:
            manifest = self.source.manifest()
        except DAMAGE as exc:
            err(MANIFEST, 0, "", "", tr("The package is damaged: {error}", error=exc))
            return False
        except (UnicodeDecodeError, ValueError) as exc:
            err(MANIFEST, 0, "", "", tr("manifest.json is not valid JSON: {error}", error=exc))
            return False
        if not isinstance(manifest, dict):
            err(MANIFEST, 0, "", "", tr("manifest.json must hold a JSON object."))
            return False
        self.manifest = manifest
        if manifest.get("format") != FORMAT:
            err(MANIFEST, 0, "format", manifest.get("format"),
                tr("This is not a Tawthiq exchange package (format must be '{format}').", format=FORMAT))
            return False
        version = manifest.get("format_version")
        if type(version) is not int or version != FORMAT_VERSION:
            err(MANIFEST, 0, "format_version", version,
                tr("Format version {version} is not supported; this application reads version {supported}.",
                   version=version, supported=FORMAT_VERSION))
            return False
        files = manifest.get("files")
        if not isinstance(files, dict):
            err(MANIFEST, 0, "files", "", tr("manifest.json must list the package's files."))
            return False
        ok = True
        for name, entry in files.items():
            if name not in COLUMNS:
                err(MANIFEST, 0, "files", name, tr("{name} is not a file of this format.", name=name))
                ok = False
                continue
            if not isinstance(entry, dict) or type(entry.get("rows")) is not int or entry["rows"] < 0 \
                    or not isinstance(entry.get("sha256"), str) or not SHA256_RE.match(entry["sha256"].lower()):
                err(MANIFEST, 0, "files", name, tr("The entry for {name} needs a row count and a SHA-256.", name=name))
                ok = False
            if name not in self.source.names:
                err(name, 0, "", "", tr("The manifest lists {name}, but the package does not hold it.", name=name))
                ok = False
        for name in REQUIRED_FILES:
            if name not in files:
                err(MANIFEST, 0, "files", name, tr("The package must hold {name}.", name=name))
                ok = False
        for name in sorted(self.source.names - {MANIFEST}):
            if name.lower().endswith(".csv") and name not in files:
                err(name, 0, "", "", tr("{name} is in the package but not listed in the manifest.", name=name))
                ok = False
        return ok

    # -- the files --------------------------------------------------------------------------

    def check_files(self) -> None:
        files = self.manifest["files"]
        self._total = sum(entry["rows"] for entry in files.values())
        handlers: dict[str, Callable[[int, dict[str, str]], None]] = {
            INCIDENTS: self._incident, VICTIMS: self._victim, DECISIONS: self._decision, COMMENTS: self._comment,
        }
        for name in COLUMNS:  # incidents first: victims are checked against them
            if name in files:
                self._read(name, files[name], handlers[name])
        for name in INDEXED_AFTER:
            _index_staging(self.db, name)
        self._check_across()

    def _read(self, name: str, entry: dict[str, Any], handle_row: Callable[[int, dict[str, str]], None]) -> None:
        err = self.errors.add
        row = 1
        count = 0
        checkers: RowCheckers | None = None
        pending: list[tuple[int, list[str]]] = []
        check: Callable[[int, list[str], Answer], None] | None = None

        def settle() -> None:
            """The rows read so far, all checked, before anything after them is reported."""
            nonlocal pending
            if checkers is not None and check is not None:
                if pending:
                    checkers.put(pending, check)
                    pending = []
                checkers.finish(check)

        try:
            raw = HashingReader(self.source.open(name))
        except DAMAGE as exc:
            err(name, 0, "", "", tr("The package is damaged: {error}", error=exc))
            return
        try:
            text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 20), encoding="utf-8-sig", errors="strict",
                                    newline="")
            reader = csv.reader(text, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                err(name, 1, "", "", tr("The file is empty: it needs at least its header row."))
                return
            columns = self._check_header(name, header)

            def check(row: int, record: list[str], answer: Answer = None) -> None:
                if len(record) != len(header):
                    err(name, row, "", "", tr("This row has {cells} cells; the header has {columns}.",
                                              cells=len(record), columns=len(header)))
                elif answer is not None:
                    if name == INCIDENTS:
                        self._quick_incident(row, header, record, answer)
                    else:
                        self._quick_victim(row, header, record, answer)
                else:
                    handle_row(row, dict(zip(header, record, strict=False)))
                self._step()

            if columns is not None and name in (INCIDENTS, VICTIMS):
                # Incidents' and victims' rows in chunks, checked on the other cores when the
                # file is large; the answers come back in file order.
                checkers = RowCheckers(header, STAGING_COLUMNS[name],
                                       WORKERS if entry["rows"] >= PARALLEL_MIN_ROWS else 0, kind=name)
            for record in reader:
                row += 1
                count += 1
                if checkers is not None:
                    pending.append((row, record))
                    if len(pending) >= CHUNK:
                        checkers.put(pending, check)
                        pending = []
                elif columns is not None:
                    check(row, record)
                else:
                    self._step()
            settle()
            self._flush(name)
            raw.drain()
        except UnicodeDecodeError as exc:
            settle()
            err(name, row + 1, "", repr(exc.object[exc.start:exc.end]),
                tr("The file is not UTF-8 text: save it as UTF-8 and export again."))
            return
        except csv.Error as exc:
            settle()
            err(name, row + 1, "", "", tr("The file is not valid CSV: {error}", error=exc))
            return
        except DAMAGE as exc:
            settle()
            err(name, row, "", "", tr("The package is damaged (truncated or corrupt): {error}", error=exc))
            return
        finally:
            if checkers is not None:
                checkers.close()
            self._batches[name].clear()
            raw.close()
        self.rows[name] = count
        if count != entry["rows"]:
            err(name, 0, "", count, tr("The manifest says {expected} rows, the file holds {actual}.",
                                       expected=entry["rows"], actual=count))
        if raw.sha256 != entry["sha256"].lower():
            err(name, 0, "", "", tr("The file's SHA-256 does not match the manifest: it was changed or damaged."))

    def _check_header(self, name: str, header: list[str]) -> list[str] | None:
        expected = COLUMNS[name]
        ok = True
        seen: set[str] = set()
        for column in header:
            if column in seen:
                self.errors.add(name, 1, column, column, tr("This column appears twice."))
                ok = False
            seen.add(column)
            if column not in expected:
                self.errors.add(name, 1, column, column, tr("Unknown column: it is not part of the format."))
                ok = False
        for column in expected:
            if column not in seen:
                self.errors.add(name, 1, column, "", tr("This column is missing."))
                ok = False
        return header if ok else None

    def _step(self) -> None:
        self._done += 1
        if self._done % PROGRESS_EVERY == 0:
            self.job.check()
            self.job.progress(self._done, self._total, tr("Checking the package"))

    # -- rows ---------------------------------------------------------------------------------

    def _model(self, name: str, row: int, cells: dict[str, str]) -> Any:
        data, missing = model_input(name, cells)
        for column, reason in missing:
            self.errors.add(name, row, column, "", reason)
        try:
            record = MODELS[name].model_validate(data)
        except ValidationError as exc:
            skip = {c for c, _ in missing}
            for problem in problems_from_error(exc):
                if problem.field not in skip:
                    self.errors.add(name, row, problem.field, cells.get(problem.field, ""), problem.message)
            return None
        return None if missing else record

    def _quick_incident(self, row: int, header: list[str], record: list[str], values: tuple[Any, ...]) -> None:
        """An incident row the quick way found plainly valid (`values` in the order of the
        staging columns): its place codes are looked up in the gazetteer before it is staged."""
        places = SimpleNamespace(district=values[_DISTRICT], subdistrict=values[_SUBDISTRICT])
        problems = check_incident(places, [], self.gazetteer)  # type: ignore[arg-type]
        if problems:
            cells = dict(zip(header, record, strict=False))
            for p in problems:
                self.errors.add(INCIDENTS, row, p.field, cells.get(p.field, ""), p.message)
            return
        self._stage_values(INCIDENTS, row, values)

    def _incident(self, row: int, cells: dict[str, str]) -> None:
        values = quick_incident(cells, STAGING_COLUMNS[INCIDENTS])
        if values is not None:
            self._quick_incident(row, list(cells), list(cells.values()), values)
            return
        incident = self._model(INCIDENTS, row, cells)
        if incident is None:
            return
        problems = check_incident(incident, [], self.gazetteer)
        for p in problems:
            self.errors.add(INCIDENTS, row, p.field, cells.get(p.field, ""), p.message)
        if not problems:
            self._stage(INCIDENTS, row, incident.model_dump(mode="json"))

    def _quick_victim(self, row: int, header: list[str], record: list[str], values: tuple[Any, ...]) -> None:
        """A victim row the quick way found plainly valid: a death date is compared with its
        incident's date (as :func:`core.models.check_incident` does) before it is staged."""
        death = values[_DEATH]
        if death is not None:
            incident_uuid = values[_VICTIM_INCIDENT]
            day = self._incident_date(incident_uuid)
            if day is not None and death < day:  # ISO dates: compared as text, compared as dates
                problems = check_incident(
                    SimpleNamespace(incident_uuid=incident_uuid, date=date.fromisoformat(day)),  # type: ignore[arg-type]
                    [SimpleNamespace(incident_uuid=incident_uuid, death_date=date.fromisoformat(death))])  # type: ignore[list-item]
                cells = dict(zip(header, record, strict=False))
                for p in problems:
                    self.errors.add(VICTIMS, row, p.field, cells.get(p.field, ""), p.message)
                if problems:
                    return
        self._stage_values(VICTIMS, row, values)

    def _incident_date(self, incident_uuid: str) -> str | None:
        """The date of the incident a victim belongs to: as staged from this package, else
        as stored here (None: in neither, which the check across files reports). The
        victims of an incident come together in a package: the last answer is kept."""
        if self._last_incident[0] == incident_uuid:
            return self._last_incident[1]
        day = None
        for table in ("x_scratch.x_incidents", "main.incidents"):
            found = self.db.execute(f"SELECT date FROM {table} WHERE incident_uuid = ?", [incident_uuid]).fetchone()
            if found is not None:
                day = str(found[0])
                break
        self._last_incident = (incident_uuid, day)
        return day

    def _victim(self, row: int, cells: dict[str, str]) -> None:
        values = quick_victim(cells, STAGING_COLUMNS[VICTIMS])
        if values is not None:
            self._quick_victim(row, list(cells), list(cells.values()), values)
            return
        victim = self._model(VICTIMS, row, cells)
        if victim is None:
            return
        if victim.death_date is not None:
            incident = self._incident_of(victim.incident_uuid)
            if incident is not None:
                problems = check_incident(incident, [victim])
                for p in problems:
                    self.errors.add(VICTIMS, row, p.field, cells.get(p.field, ""), p.message)
                if problems:
                    return
        data = victim.model_dump(mode="json")
        data["search_text"] = names.search_text(victim)
        data.update(names.victim_keys(victim))
        self._stage(VICTIMS, row, data)

    def _decision(self, row: int, cells: dict[str, str]) -> None:
        decision = self._model(DECISIONS, row, cells)
        if decision is not None:
            self._stage(DECISIONS, row, decision.row())

    def _comment(self, row: int, cells: dict[str, str]) -> None:
        comment = self._model(COMMENTS, row, cells)
        if comment is not None:
            self._stage(COMMENTS, row, comment.row())

    def _incident_of(self, incident_uuid: str) -> Incident | None:
        cols = ", ".join(INCIDENT_COLUMNS)
        for table in ("x_scratch.x_incidents", "main.incidents"):
            values = self.db.execute(f"SELECT {cols} FROM {table} WHERE incident_uuid = ?", [incident_uuid]).fetchone()
            if values is not None:
                return Incident.model_validate(dict(zip(INCIDENT_COLUMNS, values, strict=False)))
        return None  # reported by the check across files

    # -- staging ------------------------------------------------------------------------------

    def _stage(self, name: str, row: int, data: dict[str, Any]) -> None:
        if self.errors:
            return  # the package is refused anyway; keep checking, stop storing
        batch = self._batches[name]
        batch.append([row, *[data.get(c) for c in STAGING_COLUMNS[name]]])
        if len(batch) >= BATCH:
            self._flush(name)

    def _stage_values(self, name: str, row: int, values: tuple[Any, ...]) -> None:
        """Stage a row whose values are already in the order of the staging columns."""
        if self.errors:
            return
        batch = self._batches[name]
        batch.append([row, *values])
        if len(batch) >= BATCH:
            self._flush(name)

    def _flush(self, name: str) -> None:
        batch = self._batches[name]
        if batch:
            cols = ("row_no", *STAGING_COLUMNS[name])
            self.db.conn.executemany(
                f"INSERT INTO x_scratch.{STAGING_TABLE[name]} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                batch)
            batch.clear()

    # -- rules across files -------------------------------------------------------------------

    def _check_across(self) -> None:
        if self.errors:
            return
        err = self.errors.add
        for name, table in STAGING_TABLE.items():
            key = KEY[name]
            for row_no, value in self.db.execute(
                f"""SELECT x.row_no, x.{key} FROM x_scratch.{table} x
                    WHERE EXISTS (SELECT 1 FROM x_scratch.{table} y WHERE y.{key} = x.{key} AND y.row_no < x.row_no)
                    ORDER BY x.row_no"""
            ):
                err(name, row_no, key, value, tr("This UUID appears on an earlier row of the same file."))
        for name, table in ((VICTIMS, "x_victims"), (COMMENTS, "x_comments")):
            for row_no, value in self.db.execute(
                f"""SELECT x.row_no, x.incident_uuid FROM x_scratch.{table} x
                    WHERE NOT EXISTS (SELECT 1 FROM x_scratch.x_incidents i WHERE i.incident_uuid = x.incident_uuid)
                      AND NOT EXISTS (SELECT 1 FROM main.incidents i WHERE i.incident_uuid = x.incident_uuid)
                    ORDER BY x.row_no"""
            ):
                err(name, row_no, "incident_uuid", value,
                    tr("This incident is neither in the package nor in this database."))
        for row_no, value in self.db.execute(
            """SELECT x.row_no, x.incident_uuid FROM x_scratch.x_victims x
               JOIN main.victims v ON v.victim_uuid = x.victim_uuid
               WHERE v.incident_uuid != x.incident_uuid ORDER BY x.row_no"""
        ):
            err(VICTIMS, row_no, "incident_uuid", value,
                tr("This victim belongs to another incident in this database; a victim cannot be moved."))

