"""The database schema, as migrations registered in order and applied at open.

`schema_migrations` records the number of every migration a database has had, so that a
migration registered later under a lower number (areas number theirs in their own
ranges) is still applied to a database that has higher ones; `PRAGMA user_version` holds
the highest number applied. A migration is never edited once released: a change to the
schema is a new migration.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from core.jobs import JobState

Migration = Callable[[Database], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(number: int, name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        if any(n == number for n, _, _ in MIGRATIONS):
            raise RuntimeError(f"migration {number} registered twice")
        MIGRATIONS.append((number, name, fn))
        MIGRATIONS.sort(key=lambda m: m[0])
        return fn

    return register


def latest_version() -> int:
    return MIGRATIONS[-1][0] if MIGRATIONS else 0


def current_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def applied_migrations(db: Database) -> set[int]:
    """The numbers of the migrations this database has had. A database from before they
    were recorded has had every registered migration up to its version."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone():
        return {row[0] for row in db.execute("SELECT number FROM schema_migrations").fetchall()}
    return {n for n, _, _ in MIGRATIONS if n <= current_version(db)}


def pending_migrations(db: Database, up_to: int | None = None) -> list[int]:
    """The registered migrations this database lacks, in the order they will be applied."""
    done = applied_migrations(db)
    target = latest_version() if up_to is None else up_to
    return [n for n, _, _ in MIGRATIONS if n not in done and n <= target]


def migration_name(number: int) -> str:
    return next(name for n, name, _ in MIGRATIONS if n == number)


def apply_migrations(db: Database, up_to: int | None = None, job: JobState | None = None) -> list[int]:
    """Apply every registered migration the database lacks, each in its own transaction
    (one that fails leaves the database as the migration before it left it).

    With `job`, a migration that takes a `job` keyword (a long one, over every record)
    reports its progress through it; the others report none."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone():
        done = applied_migrations(db)
        with db.atomic():
            db.execute("CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            db.conn.executemany("INSERT INTO schema_migrations (number, name) VALUES (?, ?)",
                                [(n, name) for n, name, _ in MIGRATIONS if n in done])
    applied = []
    todo = set(pending_migrations(db, up_to))
    for number, name, fn in MIGRATIONS:
        if number not in todo:
            continue
        if job is not None:
            job.progress(0, 0)  # busy until the migration reports (if it does)
        with db.atomic():
            if job is not None and "job" in inspect.signature(fn).parameters:
                fn(db, job=job)  # type: ignore[call-arg]
            else:
                fn(db)
            db.execute("INSERT INTO schema_migrations (number, name) VALUES (?, ?)", [number, name])
            db.execute(f"PRAGMA user_version = {max(int(number), current_version(db))}")
        applied.append(number)
    return applied


RECORD_COLUMNS = {"version": int, "updated_at": str, "created_by": str}

INCIDENT_COLUMNS = {
    "incident_uuid": str, **RECORD_COLUMNS, "origin": str, "review_status": str,
    "date": str, "date_precision": str, "governorate": str, "district": str,
    "subdistrict": str, "locality": str, "latitude": float, "longitude": float,
    "incident_type": str, "perpetrator": str, "attribution": str, "facility": str,
    "reported_killed": int, "source_count": int, "sources": str, "summary": str,
}

VICTIM_COLUMNS = {
    "victim_uuid": str, "incident_uuid": str, **RECORD_COLUMNS, "given_name": str,
    "father_name": str, "grandfather_name": str, "family_name": str, "mother_name": str,
    "name_latin": str, "sex": str, "age": int, "age_group": str, "civilian": str,
    "occupation": str, "origin_governorate": str, "origin_locality": str, "outcome": str,
    "death_date": str, "notes": str,
}



# The trigger that dates each victim's keys (death date, else the incident's). The bulk
# import (core.exchange.import_) sets exactly this trigger aside and writes the date itself.
EVENT_DATE_TRIGGER = "victim_keys_event_date"
EVENT_DATE_TRIGGER_SQL = """CREATE TRIGGER victim_keys_event_date AFTER INSERT ON victim_keys BEGIN
            UPDATE victim_keys SET event_date = (
                SELECT COALESCE(v.death_date, i.date) FROM victims v
                JOIN incidents i ON i.incident_uuid = v.incident_uuid
                WHERE v.victim_uuid = NEW.victim_uuid)
            WHERE victim_uuid = NEW.victim_uuid;
        END"""

@migration(1, "incidents and victims")
def _records(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["incidents"].create(
        {**INCIDENT_COLUMNS, "deleted": int, "import_base_version": int},
        pk="incident_uuid",
        not_null={"version", "updated_at", "review_status", "date", "governorate",
                  "incident_type", "perpetrator"},
        defaults={"deleted": 0},
    )
    db["victims"].create(
        {**VICTIM_COLUMNS, "deleted": int, "import_base_version": int, "search_text": str},
        pk="victim_uuid",
        foreign_keys=[("incident_uuid", "incidents", "incident_uuid")],
        not_null={"incident_uuid", "version", "updated_at", "sex", "age_group", "civilian", "outcome"},
        defaults={"deleted": 0, "search_text": ""},
    )
    db["incidents"].create_index(["date"])
    db["incidents"].create_index(["review_status", "date"])
    db["incidents"].create_index(["governorate", "date"])
    db["incidents"].create_index(["perpetrator", "date"])
    db["victims"].create_index(["incident_uuid"])
    db["victims"].enable_fts(["search_text"], create_triggers=True, tokenize="unicode61")


@migration(2, "review, duplicates, tallies and history")
def _workflow(db: Database) -> None:
    db["victim_keys"].create(
        {"victim_uuid": str, "key_given": str, "key_father": str, "key_grandfather": str,
         "key_family": str, "key_latin": str},
        pk="victim_uuid",
    )
    db["victim_keys"].create_index(["key_given", "key_family"])
    db["victim_keys"].create_index(["key_family", "key_father"])
    db["duplicate_decisions"].create(
        {"decision_uuid": str, "victim_uuid_a": str, "victim_uuid_b": str, "decision": str,
         "decided_by": str, "decided_at": str, "retracted": int},
        pk="decision_uuid",
        defaults={"retracted": 0},
    )
    db["duplicate_decisions"].create_index(["victim_uuid_a"])
    db["duplicate_decisions"].create_index(["victim_uuid_b"])
    # A person documented more than once: every record of that person has the same key.
    db["victim_person"].create({"victim_uuid": str, "person_key": str}, pk="victim_uuid")
    db["victim_person"].create_index(["person_key"])
    # The approved content of an incident and its victims: it keeps counting while a
    # newer version waits for review.
    db["approved_snapshots"].create(
        {"incident_uuid": str, "version": int, "approved_at": str, "payload": str},
        pk="incident_uuid",
    )
    # One row per victim and basis ('approved' or 'current'), kept up to date at every
    # write, so that a tally is one indexed scan.
    db["tally_facts"].create(
        {"basis": str, "victim_uuid": str, "incident_uuid": str, "person_key": str,
         "counted": int, "date": str, "month": str, "perpetrator": str, "governorate": str,
         "incident_type": str, "civilian": str, "category": str, "outcome": str},
        pk=("basis", "victim_uuid"),
        defaults={"counted": 1},
    )
    db["tally_facts"].create_index(["incident_uuid"])
    db["tally_facts"].create_index(["person_key"])
    db["tally_facts"].create_index(
        ["basis", "counted", "outcome", "civilian", "date", "perpetrator", "governorate",
         "incident_type", "category"],
        index_name="tally_scan",
    )
    db["users"].create(
        {"user_name": str, "role": str, "password_hash": str, "created_at": str, "active": int},
        pk="user_name",
        defaults={"active": 1},
    )
    db["comments"].create(
        {"comment_uuid": str, "incident_uuid": str, "author": str, "written_at": str,
         "status_change": str, "text": str},
        pk="comment_uuid",
    )
    db["comments"].create_index(["incident_uuid"])
    db.execute(
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL,
            record_type TEXT NOT NULL,
            record_uuid TEXT,
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )"""
    )
    db["audit_log"].create_index(["record_uuid"])
    db["drafts"].create(
        {"draft_key": str, "user_name": str, "saved_at": str, "payload": str}, pk="draft_key"
    )


@migration(3, "gazetteer")
def _gazetteer(db: Database) -> None:
    db["places"].create(
        {"pcode": str, "level": int, "parent_pcode": str, "name_en": str, "name_ar": str,
         "aliases": str},
        pk="pcode",
    )
    db["places"].create_index(["parent_pcode"])


@migration(4, "review: protected history, review queue index")
def _review(db: Database) -> None:
    # The application only ever appends to the history. These triggers stop a careless
    # or hurried change through SQL; someone holding the file can drop them, which is why
    # `core.audit.verify` checks the chain and the records independently of them.
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log"
        " BEGIN SELECT RAISE(ABORT, 'the history is append-only: entries cannot be changed'); END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log"
        " BEGIN SELECT RAISE(ABORT, 'the history is append-only: entries cannot be deleted'); END"
    )
    db["audit_log"].create_index(["record_type", "record_uuid"], if_not_exists=True)
    db["incidents"].create_index(["review_status", "created_by"], if_not_exists=True)
    db["comments"].create_index(["incident_uuid", "written_at"], if_not_exists=True)


@migration(5, "duplicates: name skeletons, event dates, scan results")
def _duplicates(db: Database) -> None:
    from core.names import victim_keys  # the keys of the names module at this version

    for column in ("skel_given", "skel_father", "skel_grandfather", "skel_family", "event_date"):
        db.execute(f"ALTER TABLE victim_keys ADD COLUMN {column} TEXT")
    # Blocking for likely duplicates: the same given name and family (or father's) name,
    # nearest in date first; the victim's UUID makes the scan a walk of the index alone.
    db.execute("CREATE INDEX idx_victim_keys_block_family ON victim_keys"
               " (skel_given, skel_family, event_date, victim_uuid)")
    db.execute("CREATE INDEX idx_victim_keys_block_father ON victim_keys"
               " (skel_given, skel_father, event_date, victim_uuid)")
    # The date a victim died (death date, else the incident's) follows the records it
    # comes from, whoever writes them.
    db.execute(EVENT_DATE_TRIGGER_SQL)
    db.execute(
        """CREATE TRIGGER incident_date_event_date AFTER UPDATE OF date ON incidents BEGIN
            UPDATE victim_keys SET event_date = (
                SELECT COALESCE(v.death_date, NEW.date) FROM victims v
                WHERE v.victim_uuid = victim_keys.victim_uuid)
            WHERE victim_uuid IN (SELECT victim_uuid FROM victims WHERE incident_uuid = NEW.incident_uuid);
        END"""
    )
    db.execute(
        """CREATE TRIGGER victim_death_date_event_date AFTER UPDATE OF death_date ON victims BEGIN
            UPDATE victim_keys SET event_date = (
                SELECT COALESCE(NEW.death_date, i.date) FROM incidents i
                WHERE i.incident_uuid = NEW.incident_uuid)
            WHERE victim_uuid = NEW.victim_uuid;
        END"""
    )
    # Backfill: recompute every stored key with the current rules.
    rows = list(db.query(
        "SELECT victim_uuid, given_name, father_name, grandfather_name, family_name, name_latin FROM victims"))
    db.execute("DELETE FROM victim_keys")
    db["victim_keys"].insert_all(
        ({"victim_uuid": r["victim_uuid"], **victim_keys(r)} for r in rows), batch_size=2000)
    # The pairs the last full scan found, for the review screen.
    db["duplicate_candidates"].create(
        {"victim_uuid_a": str, "victim_uuid_b": str, "score": float, "reasons": str, "scanned_at": str},
        pk=("victim_uuid_a", "victim_uuid_b"),
    )
    db["duplicate_candidates"].create_index(["score"])
    db["duplicate_decisions"].create_index(["victim_uuid_a", "victim_uuid_b"], index_name="idx_decisions_pair")


@migration(6, "exchange conflicts")
def _exchange_conflicts(db: Database) -> None:
    # A newer version that arrived in a package while the local copy had been changed
    # since its last import: both are kept here until a reviewer settles which stands.
    db["exchange_conflicts"].create(
        {"conflict_uuid": str, "record_type": str, "record_uuid": str, "local_version": int,
         "incoming_version": int, "local": str, "incoming": str, "package_origin": str,
         "package_exported_at": str, "detected_at": str, "resolved_at": str, "resolved_by": str,
         "resolution": str},
        pk="conflict_uuid",
    )
    db["exchange_conflicts"].create_index(["record_uuid", "incoming_version"], unique=True)
    db["exchange_conflicts"].create_index(["resolved_at"])


@migration(9, "browser indexes")
def _browser_indexes(db: Database) -> None:
    # The browser lists live records only: counting and ordering them by date, and
    # reaching an incident's victims, are then covered by an index.
    db["incidents"].create_index(["deleted", "date"], index_name="incidents_live_date")
    db["victims"].create_index(["deleted", "incident_uuid"], index_name="victims_live_incident")


@migration(15, "duplicates: blocking by grandfather's name and by lineage")
def _duplicates_blocks(db: Database) -> None:
    # Number chosen in the duplicates area's own range (11+), away from the others'.
    db.execute("CREATE INDEX idx_victim_keys_block_grandfather ON victim_keys"
               " (skel_given, skel_grandfather, event_date, victim_uuid)")
    db.execute("CREATE INDEX idx_victim_keys_block_lineage ON victim_keys"
               " (skel_family, skel_father, event_date, victim_uuid)")



TALLY_MONTH_KEYS = ("basis", "civilian", "month", "perpetrator", "governorate", "incident_type", "category")
TALLY_YEAR_KEYS = tuple("year" if k == "month" else k for k in TALLY_MONTH_KEYS)


@migration(16, "tallies: killed people counted by month and by year, kept by triggers")
def _tally_months(db: Database) -> None:
    # The tally of a long period sums these rows instead of reading one fact per victim:
    # whole years from tally_years, whole months from tally_months, and only the days of a
    # month begun or ended mid-range from tally_facts. Triggers keep both sums equal to the
    # counted killed rows of tally_facts, whoever writes them. The keys are never NULL in
    # tally_facts (each comes from a required field); COALESCE only keeps a damaged row
    # from blocking a write.
    def value(prefix: str, key: str) -> str:
        return f"substr(COALESCE({prefix}.month, ''), 1, 4)" if key == "year" else f"COALESCE({prefix}.{key}, '')"

    add, sub = [], []
    for table, keys in (("tally_months", TALLY_MONTH_KEYS), ("tally_years", TALLY_YEAR_KEYS)):
        columns = ", ".join(keys)
        db.execute(f"""CREATE TABLE {table} ({", ".join(k + " TEXT NOT NULL" for k in keys)},
                       killed INTEGER NOT NULL, PRIMARY KEY ({columns})) WITHOUT ROWID""")
        add.append(f"INSERT INTO {table} ({columns}, killed) VALUES ({', '.join(value('NEW', k) for k in keys)}, 1)"
                   f" ON CONFLICT ({columns}) DO UPDATE SET killed = killed + 1;")
        cell = " AND ".join(f"{k} = {value('OLD', k)}" for k in keys)
        sub.append(f"UPDATE {table} SET killed = killed - 1 WHERE {cell};")
        db.execute(
            f"""INSERT INTO {table} ({columns}, killed)
                SELECT {", ".join(value("f", k) for k in keys)}, COUNT(*) FROM tally_facts f
                WHERE counted = 1 AND outcome = 'killed' GROUP BY 1, 2, 3, 4, 5, 6, 7"""
        )
    counted = "{p}.counted = 1 AND {p}.outcome = 'killed'"
    for name, event, prefix, body in (("insert", "INSERT", "NEW", add), ("delete", "DELETE", "OLD", sub),
                                      ("update_old", "UPDATE", "OLD", sub), ("update_new", "UPDATE", "NEW", add)):
        db.execute(f"CREATE TRIGGER tally_sums_{name} AFTER {event} ON tally_facts"
                   f" WHEN {counted.format(p=prefix)} BEGIN {' '.join(body)} END")


@migration(21, "exchange conflicts: the package's label and file name")
def _conflict_packages(db: Database) -> None:
    # Number chosen in the exchange area's own range (11+): the conflicts screen names the
    # package a conflict came from as a reviewer knows it ("Team North", the file's name),
    # not only by the exporting database's UUID.
    db.execute("ALTER TABLE exchange_conflicts ADD COLUMN package_label TEXT")
    db.execute("ALTER TABLE exchange_conflicts ADD COLUMN package_name TEXT")


@migration(33, "duplicates: stored pairs by either record and in review order")
def _duplicate_pairs_indexes(db: Database) -> None:
    # Number chosen in the duplicates area's own range (11+), away from the others'.
    # The review queue counts an incident's victims with pairs on either side; the
    # Duplicates screen lists the pairs best score first.
    db.execute("CREATE INDEX IF NOT EXISTS idx_candidates_b ON duplicate_candidates"
               " (victim_uuid_b, victim_uuid_a, score)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_candidates_review ON duplicate_candidates"
               " (score DESC, victim_uuid_a, victim_uuid_b)")


@migration(35, "duplicates: name keys recomputed (joined article, final h, as of this version)")
def _duplicates_keys_again(db: Database, job: JobState | None = None) -> None:
    # Number chosen in the duplicates area's own range (11+), away from the others'.
    # The names module now strips an article written onto a Latin name (Alhalabi) and
    # drops a final h-sound from both scripts' skeletons: stored keys are recomputed.
    from core.names import victim_keys

    columns = ("key_given", "key_father", "key_grandfather", "key_family", "key_latin",
               "skel_given", "skel_father", "skel_grandfather", "skel_family")
    rows = db.execute(
        "SELECT victim_uuid, given_name, father_name, grandfather_name, family_name, name_latin FROM victims")
    fields = ("victim_uuid", "given_name", "father_name", "grandfather_name", "family_name", "name_latin")
    assignments = ", ".join(f"{c} = ?" for c in columns)
    total = db.execute("SELECT count(*) FROM victims").fetchone()[0] if job is not None else 0
    done = 0
    while batch := rows.fetchmany(5000):
        updates = []
        for row in batch:
            keys = victim_keys(dict(zip(fields, row, strict=True)))
            updates.append([keys[c] for c in columns] + [row[0]])
        db.conn.executemany(f"UPDATE victim_keys SET {assignments} WHERE victim_uuid = ?", updates)
        done += len(batch)
        if job is not None:
            job.progress(done, total)
