"""Import of an exchange package: all or nothing, keyed by UUID and version.

1. The whole package is checked (:mod:`core.exchange.validate`) into a scratch file;
   any error refuses it and the database is exactly as before (nothing was written to it).
2. Each incident and victim is then compared with the local copy:
   - none: inserted (its `import_base_version` remembers the version that arrived);
   - local version the same or higher, or this very version already met as a conflict:
     left as it is, so re-importing a package changes nothing;
   - higher version, local copy unchanged since its last import
     (`version == import_base_version`): replaced;
   - higher version, local copy changed since its last import, deleted, or created here and
     never imported: a conflict. The local copy stays; the incoming version is kept in
     `exchange_conflicts` for a reviewer (:mod:`core.exchange.conflicts`).
3. Decisions and comments are added when new; a retraction travels to a decision that
   was not yet retracted. Persons are relinked, tallies and approved snapshots refreshed,
   and every written record gets a history entry. Steps 2 and 3 are one transaction,
   which holds the right to write from its start: a failure or a cancellation anywhere
   in them rolls everything back. Records are classified when the checks end; if
   someone else has written since, they are classified again before anything is written.
4. The duplicate scan of the new and changed victims: after the commit, or for a large
   import, beside the writing (:mod:`core.dedupe.import_scan`), with the same result.
"""
from __future__ import annotations

import contextlib
import importlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from core import accounts, audit, child_processes
from core.changes import Changes
from core.exchange.format import COMMENTS, DECISIONS, INCIDENTS, VICTIMS
from core.exchange.reading import PackageSource, PackageUnreadable
from core.exchange.scratch import scratch_database
from core.exchange.validate import (
    KEY_COLUMNS,
    MAX_REPORTED,
    PackageCheck,
    PackageError,
    make_staging,
)
from core.i18n import number, tr
from core.jobs import JobState
from core.models import new_uuid, utc_now
from core.storage import session, set_meta
from core.storage.facts import (
    add_tally_sums,
    insert_facts,
    recount,
    refresh_facts,
    relink_persons,
)
from core.storage.records import VICTIM_JSON_SQL, snapshot_payload
from core.storage.schema import (
    EVENT_DATE_TRIGGER,
    EVENT_DATE_TRIGGER_SQL,
    INCIDENT_COLUMNS,
    VICTIM_COLUMNS,
)
from core.storage.selection import SelectedVictims, as_collection

if TYPE_CHECKING:
    from core.dedupe.import_scan import ImportScan

# Beyond this many records, the Changes of an import says `everything` rather than
# listing UUIDs, so that memory stays flat.
CHANGES_LIMIT = 20000
ACTIONS = ("new", "updated", "unchanged", "conflicts")
SLICE = 5000
IMPORT_CACHE_KIB = -65536  # 64 MiB
SORT_THREADS = 1  # beside this one
# A large import into a smaller database sets these tables' indexes aside (see _Writer).
BULK_MIN_VICTIMS = 20000
BULK_TABLES = ("victim_keys", "tally_facts", "audit_log")


class PackageRefused(Exception):
    """The package was refused; `report` lists why. Nothing was written."""

    def __init__(self, report: ImportReport):
        self.report = report
        super().__init__(report.text())


class _Refuse(Exception):
    pass


@dataclass
class ImportReport:
    path: Path
    ok: bool = False
    errors: list[PackageError] = field(default_factory=list)
    error_count: int = 0
    manifest: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    duplicates: str | None = None
    changes: Changes = field(default_factory=Changes)

    def text(self) -> str:
        """The report as a person reads it, in the current language."""
        lines = []
        origin = self.manifest.get("origin_label") or self.manifest.get("origin") or ""
        if not self.ok:
            lines.append(tr("The package {name} was refused; nothing was imported.", name=self.path.name))
            lines.append(tr("{count} problem(s) found:", count=number(self.error_count)))
            lines.extend(f"  {error}" for error in self.errors)
            if self.error_count > len(self.errors):
                lines.append(tr("… and {more} more.", more=number(self.error_count - len(self.errors))))
            return "\n".join(lines)
        lines.append(tr("Imported {name}", name=self.path.name)
                     + (f" ({origin}, {self.manifest.get('exported_at', '')})" if origin else ""))
        for name, counts in self.counts.items():
            lines.append(tr("{file}: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts",
                            file=name, **{k: number(n) for k, n in counts.items()}))
        if any(c.get("conflicts") for c in self.counts.values()):
            lines.append(tr("Conflicts keep both versions until a reviewer settles them"
                            " (the Conflicts page, or tawthiq conflicts)."))
        lines.append(self.duplicates or tr("Duplicate scan: not run."))
        return "\n".join(lines)


def import_package(db: Database, path: str | Path, user: str, job: JobState | None = None,
                   *, scan_duplicates: bool = True) -> ImportReport:
    """Import the package at `path` (a `.zip` file or a folder).

    Raises :class:`PackageRefused` (with the report) if anything in the package is
    invalid; the database is then untouched. :class:`core.jobs.Cancelled` likewise leaves
    it untouched.
    """
    accounts.require(db, user, "review")
    job = job or JobState()
    report = ImportReport(path=Path(path))
    beside: ImportScan | None = None
    try:
        source = PackageSource(path)
    except PackageUnreadable as exc:
        report.errors = [PackageError(Path(path).name, 0, "", "", str(exc))]
        report.error_count = 1
        raise PackageRefused(report) from None
    cache = db.execute("PRAGMA main.cache_size").fetchone()[0]
    temp_store = db.execute("PRAGMA temp_store").fetchone()[0]
    threads = db.execute("PRAGMA threads").fetchone()[0]
    try:
        # Indexes built again and sums grouped sort their rows with a helper thread.
        db.execute(f"PRAGMA threads = {SORT_THREADS}")
        # A bigger page cache while half a million rows go into indexes keyed by random
        # UUIDs; bounded, so memory stays flat whatever the package's size.
        db.execute(f"PRAGMA main.cache_size = {IMPORT_CACHE_KIB}")
        if not _encrypted(db):
            # Sorts (indexes built, sums grouped) spill to a temporary file, not to memory.
            db.execute("PRAGMA temp_store = FILE")
        with scratch_database(db) as scratch:
            # The checks write only to the scratch file: the database is as it was
            # whatever they find.
            with db.atomic():
                make_staging(db)
                check = PackageCheck(db, source, job)
                if check.check_manifest():
                    check.check_files()
                report.manifest = check.manifest
                if check.errors:
                    report.errors, report.error_count = check.errors.first[:MAX_REPORTED], check.errors.total
                    raise _Refuse()
                _classify_all(db, report)
                seen = _data_version(db)
            # The records, all in one transaction; nobody else writes until it ends.
            with _writing(db):
                if _data_version(db) != seen:  # written to since the records were classified
                    _classify_all(db, report)
                elif scan_duplicates:
                    beside = _scan_beside(db, scratch)
                job.progress(0, 0, tr("Writing"))
                _Writer(db, user, report).write(job)
                if beside is not None:  # the staged rows stay until the scan has read them
                    beside.wait_read(job.check)
            report.ok = True
            if scan_duplicates:
                # After the commit; the staged rows tell which victims were written.
                report.duplicates = run_duplicate_scan(db, _changed_victims(db), beside, job)
    except _Refuse:
        raise PackageRefused(report) from None
    except BaseException:
        if beside is not None:
            beside.stop()
        raise
    finally:
        source.close()
        db.execute(f"PRAGMA main.cache_size = {int(cache)}")
        db.execute(f"PRAGMA temp_store = {int(temp_store)}")
        db.execute(f"PRAGMA threads = {int(threads)}")
    return report


class _Writer:
    def __init__(self, db: Database, user: str, report: ImportReport):
        self.db, self.user, self.report = db, user, report
        self.now = utc_now()
        self.prev_hash = audit.head(db)
        self.audit_rows: list[tuple[Any, ...]] = []
        self.hashers: dict[tuple[str, str], Any] = {}
        self.bulk: set[str] = set()

    def write(self, job: JobState) -> None:
        db = self.db
        job.check()
        self.bulk = self._bulk_tables()
        history_indexes = _set_aside(db, "audit_log", triggers=False) if "audit_log" in self.bulk else []
        self._records("incident", "x_incidents", "incidents", "incident_uuid", INCIDENT_COLUMNS)
        job.check()
        self._records("victim", "x_victims", "victims", "victim_uuid", VICTIM_COLUMNS)
        self._victim_keys()
        job.check()
        relink = self._decisions()
        self._comments()
        self._flush_audit()
        job.check()
        incidents = relink_persons(db, relink) if relink else set()
        db.execute("CREATE TABLE x_scratch.x_touched (incident_uuid TEXT PRIMARY KEY) WITHOUT ROWID")
        for staging in ("x_incidents", "x_victims"):
            db.execute(f"""INSERT OR IGNORE INTO x_scratch.x_touched
                           SELECT incident_uuid FROM x_scratch.{staging} WHERE action IN ('new', 'updated')""")
        db.conn.executemany("INSERT OR IGNORE INTO x_scratch.x_touched VALUES (?)", [(u,) for u in incidents])
        done = self._new_incidents_facts(job) if "tally_facts" in self.bulk else "0"
        cursor = db.execute(f"SELECT incident_uuid FROM x_scratch.x_touched WHERE NOT ({done})")
        while batch := [r[0] for r in cursor.fetchmany(500)]:
            snapshots = self._snapshots(batch)
            refresh_facts(db, batch, snapshot_is_current=snapshots)
            job.check()
        self._flush_audit()  # the snapshots' entries
        _put_back(db, history_indexes)
        self._changes()
        db.execute("DROP TABLE x_scratch.x_touched")

    # -- a large import into a smaller database ---------------------------------------------
    #
    # Inserting half a million rows one at a time into indexes keyed by random UUIDs touches
    # a random page of each index for every row. When the import brings at least as many
    # victims as a table already holds, its indexes (and the triggers that keep sums beside
    # it) are set aside, the rows written, and the indexes built again from their own SQL:
    # one sort each; the sums get the new facts added by group. All of it inside the
    # import's transaction, so a failure anywhere rolls the schema back with the data.

    def _bulk_tables(self) -> set[str]:
        """The tables whose indexes are set aside. Building an index again sorts its keys in
        temporary storage: in a plain database a temporary file for the import (see
        :func:`import_package`); in an encrypted one memory, since SQLCipher does not
        encrypt temporary files. There the sort holds one index's keys at a time, about
        60 MB more at the peak for 500,000 victims than writing row by row, which took
        125 s instead of 75 s (bench/README.md, Exchange)."""
        new = self.db.execute("SELECT COUNT(*) FROM x_scratch.x_victims WHERE action = 'new'").fetchone()[0]
        if new < BULK_MIN_VICTIMS:
            return set()
        return {table for table in BULK_TABLES
                if self.db.execute(f"SELECT COUNT(*) FROM main.{table}").fetchone()[0] <= new}

    def _new_incidents_facts(self, job: JobState) -> str:
        """The facts of the incidents this import brings new, written with the indexes and
        sums of the facts set aside. Returns the condition that names those incidents."""
        db = self.db
        new_incidents = "SELECT incident_uuid FROM x_scratch.x_incidents WHERE action = 'new'"
        new = f"incident_uuid IN ({new_incidents})"
        aside = _set_aside(db, "tally_facts", triggers=True)
        indexes = [entry for entry in aside if entry[0] == "index"]
        triggers = [entry for entry in aside if entry[0] == "trigger"]
        cursor = db.execute(f"SELECT incident_uuid FROM x_scratch.x_touched WHERE {new}")
        while batch := [r[0] for r in cursor.fetchmany(500)]:
            insert_facts(db, batch, self._snapshots(batch))
            job.check()
        _put_back(db, indexes)
        add_tally_sums(db, new_incidents)
        _put_back(db, triggers)
        # A new victim already linked to others (a decision that arrived before it) counts once.
        recount(db, [r[0] for r in db.execute(
            """SELECT DISTINCT p.person_key FROM x_scratch.x_victims x
               JOIN main.victim_person p ON p.victim_uuid = x.victim_uuid WHERE x.action = 'new'""")])
        return new

    def _records(self, record_type: str, staging: str, table: str, key: str, columns: dict[str, type]) -> None:
        db = self.db
        cols = list(columns)
        extra = ["search_text"] if table == "victims" else []
        # History first, while the local copies are still as they were: the records new
        # here, then those updated and the conflicts.
        if float in columns.values():
            # SQLite writes some floating-point numbers with more digits than Python does.
            cursor = db.execute(f"""SELECT {', '.join(cols)} FROM x_scratch.{staging}
                                    WHERE action = 'new' ORDER BY rowid""")
            for values in cursor:
                incoming = dict(zip(cols, values, strict=True))
                self._audit("import", record_type, incoming[key], None, incoming)
        else:
            # The canonical text of each new record, written by SQLite.
            for uuid, after in db.execute(f"""SELECT {key}, {audit.canonical_sql(cols)} FROM x_scratch.{staging}
                                              WHERE action = 'new' ORDER BY rowid"""):
                self._audit_text("import", record_type, uuid, None, after)
        names = [*cols, "action"]
        local_cols = ", ".join(f"l.{c}" for c in cols)
        cursor = db.execute(
            f"""SELECT {', '.join(f'x.{c}' for c in names)}, {local_cols} FROM x_scratch.{staging} x
                JOIN main.{table} l ON l.{key} = x.{key}
                WHERE x.action IN ('updated', 'conflicts') ORDER BY x.rowid""")
        conflicts = []
        width = len(cols)
        for values in cursor:
            incoming = dict(zip(cols, values[:width], strict=False))
            action = values[width]
            local = dict(zip(cols, values[width + 1:], strict=False))
            if action == "updated":
                changed = [c for c in cols if local[c] != incoming[c]]
                self._audit("import", record_type, incoming[key], {c: local[c] for c in changed},
                            {c: incoming[c] for c in changed})
            else:
                conflicts.append((incoming, local))
        for incoming, local in conflicts:
            self._conflict(record_type, key, incoming, local)
        all_cols = [*cols, *extra]
        self._in_slices(staging,
            f"""INSERT INTO main.{table} ({', '.join(all_cols)}, deleted, import_base_version)
                SELECT {', '.join(all_cols)}, 0, version FROM x_scratch.{staging}
                WHERE action = 'new' AND rowid BETWEEN ? AND ? ORDER BY rowid""")
        sets = ", ".join(f"{c} = x.{c}" for c in all_cols if c != key)
        self._in_slices(staging,
            f"""UPDATE main.{table} SET {sets}, import_base_version = x.version
                FROM x_scratch.{staging} AS x WHERE x.{key} = {table}.{key} AND x.action = 'updated'
                AND x.rowid BETWEEN ? AND ?""")

    def _in_slices(self, staging: str, sql: str) -> None:
        """Run a statement over the staged rows a slice at a time: one statement over half
        a million rows would keep its journal (in memory here) until it ends."""
        last = self.db.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM x_scratch.{staging}").fetchone()[0]
        for start in range(1, last + 1, SLICE):
            self.db.execute(sql, [start, start + SLICE - 1])

    def _conflict(self, record_type: str, key: str, incoming: dict[str, Any], local: dict[str, Any]) -> None:
        manifest = self.report.manifest
        self.db.execute(
            """INSERT OR IGNORE INTO exchange_conflicts (conflict_uuid, record_type, record_uuid, local_version,
                   incoming_version, local, incoming, package_origin, package_exported_at, detected_at,
                   package_label, package_name)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [new_uuid(), record_type, incoming[key], local["version"], incoming["version"],
             json.dumps(local, ensure_ascii=False), json.dumps(incoming, ensure_ascii=False),
             str(manifest.get("origin", "")), str(manifest.get("exported_at", "")), self.now,
             str(manifest.get("origin_label", "")), self.report.path.name])
        self._audit("import_conflict", record_type, incoming[key], {"version": local["version"]},
                    {"version": incoming["version"]})

    def _decisions(self) -> list[str]:
        db = self.db
        counts = dict.fromkeys(ACTIONS, 0)
        relink: list[str] = []
        rows = list(db.query(
            """SELECT x.*, d.retracted AS local_retracted, d.decision_uuid IS NOT NULL AS known
               FROM x_scratch.x_decisions x LEFT JOIN duplicate_decisions d ON d.decision_uuid = x.decision_uuid
               ORDER BY x.rowid"""))
        for row in rows:
            record = {k: row[k] for k in ("decision_uuid", "victim_uuid_a", "victim_uuid_b", "decision",
                                          "decided_by", "decided_at", "retracted")}
            if not row["known"]:
                db["duplicate_decisions"].insert(record)
                self._audit("import", "duplicate_decision", record["decision_uuid"], None, record)
                counts["new"] += 1
            elif row["retracted"] and not row["local_retracted"]:
                db.execute("UPDATE duplicate_decisions SET retracted = 1 WHERE decision_uuid = ?",
                           [record["decision_uuid"]])
                self._audit("import", "duplicate_decision", record["decision_uuid"], {"retracted": 0}, {"retracted": 1})
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
                continue
            relink += [record["victim_uuid_a"], record["victim_uuid_b"]]
        # Victims that arrived after a decision about them did.
        relink += [r[0] for r in db.execute(
            """SELECT x.victim_uuid FROM x_scratch.x_victims x WHERE x.action = 'new' AND EXISTS
                 (SELECT 1 FROM duplicate_decisions d WHERE d.retracted = 0
                  AND (d.victim_uuid_a = x.victim_uuid OR d.victim_uuid_b = x.victim_uuid))""")]
        self.report.counts[DECISIONS] = counts
        return relink

    def _comments(self) -> None:
        counts = dict.fromkeys(ACTIONS, 0)
        rows = list(self.db.query(
            """SELECT x.comment_uuid, x.incident_uuid, x.author, x.written_at, x.status_change, x.text
               FROM x_scratch.x_comments x WHERE NOT EXISTS
                 (SELECT 1 FROM comments c WHERE c.comment_uuid = x.comment_uuid) ORDER BY x.rowid"""))
        for row in rows:
            self.db["comments"].insert(row)
            self._audit("import", "comment", row["comment_uuid"], None, row)
        counts["new"] = len(rows)
        counts["unchanged"] = self.db.execute("SELECT COUNT(*) FROM x_scratch.x_comments").fetchone()[0] - len(rows)
        self.report.counts[COMMENTS] = counts

    def _victim_keys(self) -> None:
        """The matching keys of the victims written, with the date each died on.

        The trigger that fills in that date updates each new row once more (every index of
        the dates a second time); while the keys are written it is set aside and the date
        written at once, from the same rows, and the trigger is put back as it was. That
        only for the trigger this code knows: any other goes on firing. The victims' rows just
        written are those staged, so the date comes from the staged row and its incident."""
        db = self.db
        cols = ", ".join(KEY_COLUMNS)
        row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                         [EVENT_DATE_TRIGGER]).fetchone()
        if row is None or " ".join(row[0].split()) != " ".join(EVENT_DATE_TRIGGER_SQL.split()):
            self._in_slices("x_victims", f"""INSERT OR REPLACE INTO victim_keys (victim_uuid, {cols})
                            SELECT victim_uuid, {cols} FROM x_scratch.x_victims
                            WHERE action IN ('new', 'updated') AND rowid BETWEEN ? AND ?""")
            return
        db.execute(f"DROP TRIGGER {EVENT_DATE_TRIGGER}")
        indexes = _set_aside(db, "victim_keys", triggers=False) if "victim_keys" in self.bulk else []
        self._in_slices("x_victims", f"""INSERT OR REPLACE INTO victim_keys (victim_uuid, {cols}, event_date)
                        SELECT x.victim_uuid, {', '.join('x.' + c for c in KEY_COLUMNS)},
                          COALESCE(x.death_date,
                                   (SELECT i.date FROM main.incidents i WHERE i.incident_uuid = x.incident_uuid))
                        FROM x_scratch.x_victims x
                        WHERE x.action IN ('new', 'updated') AND x.rowid BETWEEN ? AND ?""")
        _put_back(db, indexes)
        db.execute(row[0])

    def _snapshots(self, incident_uuids: list[str]) -> set[str]:
        """The approved snapshot of every approved incident this import wrote, from its
        current rows; returns those incidents."""
        marks = ",".join("?" * len(incident_uuids))
        cols = list(INCIDENT_COLUMNS)
        victims: dict[str, list[str]] = {}
        for incident_uuid, text in self.db.execute(
            f"""SELECT incident_uuid, {VICTIM_JSON_SQL} FROM victims WHERE deleted = 0 AND incident_uuid IN
                (SELECT incident_uuid FROM incidents WHERE incident_uuid IN ({marks})
                 AND +review_status = 'approved' AND +deleted = 0) ORDER BY rowid""", incident_uuids):
            victims.setdefault(incident_uuid, []).append(text)
        rows = []
        for values in self.db.execute(
            f"""SELECT {', '.join(cols)} FROM incidents WHERE incident_uuid IN ({marks})
                AND +review_status = 'approved' AND +deleted = 0""", incident_uuids):
            incident = dict(zip(cols, values, strict=True))
            uuid, version = incident["incident_uuid"], incident["version"]
            payload = snapshot_payload(incident, victims.get(uuid, ()))
            rows.append((uuid, version, self.now, payload))
            self._audit("snapshot", "approved_snapshot", uuid, None, {"version": version, "sha256": audit.digest(payload)})
        if rows:
            self.db.conn.executemany("""INSERT OR REPLACE INTO approved_snapshots (incident_uuid, version, approved_at,
                                        payload) VALUES (?, ?, ?, ?)""", rows)
        return {row[0] for row in rows}

    def _changes(self) -> None:
        victims = self.db.execute(
            "SELECT COUNT(*) FROM x_scratch.x_victims WHERE action IN ('new', 'updated')").fetchone()[0]
        touched = self.db.execute("SELECT COUNT(*) FROM x_scratch.x_touched").fetchone()[0]
        if touched + victims > CHANGES_LIMIT:
            self.report.changes = Changes.all_records()
            return
        self.report.changes = Changes(
            incidents={r[0] for r in self.db.execute("SELECT incident_uuid FROM x_scratch.x_touched")},
            victims={r[0] for r in self.db.execute(
                "SELECT victim_uuid FROM x_scratch.x_victims WHERE action IN ('new', 'updated')")},
            tallies=True, review=True, duplicates=True)

    # -- history, appended in batches with the same chain as core.audit.append ---------------

    def _audit(self, action: str, record_type: str, record_uuid: str, before: dict[str, Any] | None,
               after: dict[str, Any] | None) -> None:
        self._audit_text(action, record_type, record_uuid, audit.canonical(before) if before is not None else None,
                         audit.canonical(after) if after is not None else None)

    def _audit_text(self, action: str, record_type: str, record_uuid: str, before: str | None,
                    after: str | None) -> None:
        """One history entry, `before` and `after` already in canonical text."""
        hasher = self.hashers.get((action, record_type))
        if hasher is None:
            hasher = self.hashers[(action, record_type)] = audit.entry_hasher(
                at=self.now, user_name=self.user, action=action, record_type=record_type)
        digest = hasher(self.prev_hash, record_uuid, before, after)
        self.audit_rows.append((self.now, self.user, action, record_type, record_uuid, before, after,
                                self.prev_hash, digest))
        self.prev_hash = digest
        if len(self.audit_rows) >= 5000:
            self._flush_audit()

    def _flush_audit(self) -> None:
        if self.audit_rows:
            self.db.conn.executemany(
                "INSERT INTO audit_log (at, user_name, action, record_type, record_uuid, before, after, prev_hash,"
                " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.audit_rows)
            self.audit_rows.clear()


def _classify_all(db: Database, report: ImportReport) -> None:
    _classify(db, report, "x_incidents", "incidents", "incident_uuid")
    _classify(db, report, "x_victims", "victims", "victim_uuid")


def _classify(db: Database, report: ImportReport, staging: str, table: str, key: str) -> None:
    """Which of new, updated, unchanged, conflicts each staged record is."""
    db.execute(
        f"""UPDATE x_scratch.{staging} SET action = COALESCE((
              SELECT CASE
                WHEN l.version >= {staging}.version THEN 'unchanged'
                WHEN EXISTS (SELECT 1 FROM main.exchange_conflicts c WHERE c.record_uuid = l.{key}
                             AND c.incoming_version = {staging}.version) THEN 'unchanged'
                WHEN l.deleted = 0 AND l.import_base_version = l.version THEN 'updated'
                ELSE 'conflicts' END
              FROM main.{table} l WHERE l.{key} = {staging}.{key}), 'new')""")
    sums = ", ".join(f"COALESCE(SUM(action = '{a}'), 0)" for a in ACTIONS)
    counts = dict(zip(ACTIONS, db.execute(f"SELECT {sums} FROM x_scratch.{staging}").fetchone(), strict=False))
    report.counts[INCIDENTS if table == "incidents" else VICTIMS] = counts


def _data_version(db: Database) -> int:
    """Changes when another connection commits to the database (not this one's own)."""
    return int(db.execute("PRAGMA main.data_version").fetchone()[0])


@contextlib.contextmanager
def _writing(db: Database) -> Iterator[None]:
    """A transaction that holds the right to write from its first statement, so that
    what it found when it began stays true until it commits."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


def _scan_beside(db: Database, scratch: str) -> ImportScan | None:
    """The duplicate scan started beside the writing, when the scan after it would walk
    the whole database (:mod:`core.dedupe.import_scan`); else None."""
    scan = _scanner()
    if scan is None or child_processes.WORKERS < 2:
        return None
    try:
        where = session(db)
    except KeyError:  # not opened by open_database
        return None
    path = Path(where.path)
    if not path.is_file():
        return None
    new, written = db.execute(
        """SELECT COALESCE(SUM(action = 'new'), 0), COALESCE(SUM(action IN ('new', 'updated')), 0)
           FROM x_scratch.x_victims""").fetchone()
    total = db.execute("SELECT COUNT(*) FROM main.victim_keys").fetchone()[0] + new
    if not scan.walks_around(written, total):
        return None
    from core.dedupe.import_scan import ImportScan

    return ImportScan.start(path, scratch, where.key)


def _encrypted(db: Database) -> bool:
    try:
        return session(db).encrypted
    except KeyError:  # not opened by open_database: take it for encrypted
        return True


def _set_aside(db: Database, table: str, *, triggers: bool) -> list[tuple[str, str, str]]:
    """Drop the indexes a table's rows do not need for their own key (and its triggers);
    returns what :func:`_put_back` recreates, from the SQL they were created with."""
    kinds = ("index", "trigger") if triggers else ("index",)
    aside = [tuple(r) for r in db.execute(
        f"""SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL
            AND type IN ({', '.join('?' * len(kinds))}) ORDER BY type, name""", [table, *kinds])]
    for kind, name, _sql in aside:
        db.execute(f"DROP {kind.upper()} [{name}]")
    return aside  # type: ignore[return-value]


def _put_back(db: Database, aside: list[tuple[str, str, str]]) -> None:
    for _kind, _name, sql in aside:
        db.execute(sql)


def _changed_victims(db: Database) -> SelectedVictims:
    """The victims the import wrote, read from the staged rows as needed."""
    return SelectedVictims(db, "x_scratch.x_victims", "action IN ('new', 'updated')")


def _scanner() -> Any:
    """The duplicate scan's module (None in an installation without it)."""
    try:
        return importlib.import_module("core.dedupe.scan")
    except ImportError:
        return None


def run_duplicate_scan(db: Database, victim_uuids: Iterable[str], beside: ImportScan | None = None,
                       job: JobState | None = None) -> str | None:
    """The duplicate scan over the victims an import wrote, summarised in one line.

    The pairs found replace those stored for these victims (`duplicate_candidates`), so
    that the review screen lists them beside those of the last full scan, and no longer
    lists pairs an updated record does not make any more. With `beside`, the scan that
    ran while the import wrote (the same pairs, found sooner); when it failed, or when
    the database is not what it expected, the scan runs now. `victim_uuids` may be a
    selection (:mod:`core.storage.selection`), read from the database as needed.
    """
    victim_uuids = as_collection(victim_uuids)
    scan = _scanner()
    if scan is None:
        if beside is not None:
            beside.stop()
        return None
    from core.dedupe.candidates import store_around

    rows = None
    if beside is not None:
        found = beside.pairs(db, victim_uuids, job.check if job is not None else None)
        if found is not None and scan.walks_around(len(victim_uuids), scan.victim_count(db)):
            rows = found
    if rows is None:
        rows = list(scan.scan(db, victim_uuids=victim_uuids))
    with db.atomic():
        store_around(db, victim_uuids, rows)
        if len(victim_uuids) == scan.victim_count(db):
            # Around every record of the database: the pairs a full scan finds, so the
            # review screen need not say it was never scanned.
            set_meta(db, "duplicates_scanned_at", utc_now())
    return tr("Duplicate scan over {victims} imported victims: {count} likely duplicate pair(s) to review.",
              victims=number(len(victim_uuids)), count=number(len(rows)))
