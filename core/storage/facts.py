"""The facts a tally counts, kept up to date at every write.

`tally_facts` holds one row per victim and basis: `current` (the newest version of every
record that is not rejected or deleted) and `approved` (the approved snapshot of each
incident, which keeps counting while a newer version waits for review). Records linked as
the same person share a `person_key`; of each person only one row is `counted`, so that
the person counts once in every tally.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from sqlite_utils import Database

from core.storage.schema import TALLY_MONTH_KEYS, TALLY_YEAR_KEYS

CHUNK = 500

CATEGORY_SQL = """CASE
    WHEN {g} = 'child' THEN 'children'
    WHEN {g} = 'adult' AND {s} = 'female' THEN 'women'
    WHEN {g} = 'adult' AND {s} = 'male' THEN 'men'
    ELSE 'unknown' END"""


def chunks(items: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _marks(items: list[str]) -> str:
    return ",".join("?" * len(items))


def refresh_facts(db: Database, incident_uuids: Iterable[str], *, snapshot_is_current: Collection[str] = ()) -> None:
    """Recompute the facts of these incidents. Call inside the write's transaction.

    `+i.deleted` keeps SQLite from walking the index of live incidents (nearly all of
    them) instead of looking up the few incidents asked for: without statistics it takes
    `deleted = 0` for a narrow condition.

    `snapshot_is_current` names incidents whose approved snapshot was written from their
    current rows in this same transaction (an import does this): their approved facts are
    then made from those rows, as the current ones, rather than read back out of the
    snapshot's JSON."""
    same = set(snapshot_is_current)
    for batch in chunks(dict.fromkeys(incident_uuids)):
        marks = _marks(batch)
        db.execute(f"DELETE FROM tally_facts WHERE incident_uuid IN ({marks})", batch)
        insert_facts(db, batch, same)
        keys = [
            row[0]
            for row in db.execute(
                f"""SELECT DISTINCT p.person_key FROM victim_person p
                    JOIN tally_facts t ON t.victim_uuid = p.victim_uuid
                    WHERE t.incident_uuid IN ({marks})""",
                batch,
            ).fetchall()
        ]
        recount(db, keys)


def _insert_current(db: Database, basis: str, batch: list[str]) -> None:
    """Facts from the live rows of these incidents (rejected ones count nowhere)."""
    db.execute(
        f"""INSERT INTO tally_facts (basis, victim_uuid, incident_uuid, person_key, counted,
                date, month, perpetrator, governorate, incident_type, civilian, category, outcome)
            SELECT ?, v.victim_uuid, v.incident_uuid,
                COALESCE(p.person_key, v.victim_uuid), 1,
                COALESCE(v.death_date, i.date), substr(COALESCE(v.death_date, i.date), 1, 7),
                i.perpetrator, i.governorate, i.incident_type, v.civilian,
                {CATEGORY_SQL.format(g='v.age_group', s='v.sex')}, v.outcome
            FROM victims v
            JOIN incidents i ON i.incident_uuid = v.incident_uuid
            LEFT JOIN victim_person p ON p.victim_uuid = v.victim_uuid
            WHERE v.incident_uuid IN ({_marks(batch)}) AND v.deleted = 0 AND i.deleted = 0
              AND i.review_status != 'rejected'""",
        [basis, *batch],
    )


def insert_facts(db: Database, batch: list[str], snapshot_is_current: Collection[str] = ()) -> None:
    """Insert the facts of these incidents (at most :data:`CHUNK`), which have none yet;
    each counted until :func:`recount` says otherwise. See :func:`refresh_facts`."""
    same = snapshot_is_current
    _insert_current(db, "current", batch)
    copied = [u for u in batch if u in same]
    if copied:
        _insert_current(db, "approved", copied)
    from_json = [u for u in batch if u not in same] if copied else batch
    if not from_json:
        return
    vid = "json_extract(j.value, '$.victim_uuid')"
    db.execute(
        f"""INSERT INTO tally_facts (basis, victim_uuid, incident_uuid, person_key, counted,
                date, month, perpetrator, governorate, incident_type, civilian, category, outcome)
            SELECT 'approved', {vid}, s.incident_uuid, COALESCE(p.person_key, {vid}), 1,
                COALESCE(json_extract(j.value, '$.death_date'), json_extract(s.payload, '$.incident.date')),
                substr(COALESCE(json_extract(j.value, '$.death_date'), json_extract(s.payload, '$.incident.date')), 1, 7),
                json_extract(s.payload, '$.incident.perpetrator'),
                json_extract(s.payload, '$.incident.governorate'),
                json_extract(s.payload, '$.incident.incident_type'),
                json_extract(j.value, '$.civilian'),
                {CATEGORY_SQL.format(g="json_extract(j.value, '$.age_group')", s="json_extract(j.value, '$.sex')")},
                json_extract(j.value, '$.outcome')
            FROM approved_snapshots s
            JOIN incidents i ON i.incident_uuid = s.incident_uuid AND +i.deleted = 0
            JOIN json_each(s.payload, '$.victims') j
            LEFT JOIN victim_person p ON p.victim_uuid = {vid}
            WHERE s.incident_uuid IN ({_marks(from_json)})""",
        from_json,
    )


def add_tally_sums(db: Database, incidents_sql: str) -> None:
    """Add to the monthly and yearly sums the counted killed facts of the incidents that
    `incidents_sql` selects, as the insert triggers would have one by one (for a write that
    set those triggers aside while it inserted these incidents' facts). The facts are
    grouped once, by month; the years are summed from those months."""
    keys = ", ".join(TALLY_MONTH_KEYS)
    values = ", ".join(f"COALESCE(f.{k}, '') AS {k}" for k in TALLY_MONTH_KEYS)
    db.execute("DROP TABLE IF EXISTS temp.tally_added")
    db.execute(f"""CREATE TEMP TABLE tally_added AS
                   SELECT {values}, COUNT(*) AS killed FROM tally_facts f
                   WHERE f.incident_uuid IN ({incidents_sql}) AND f.counted = 1 AND f.outcome = 'killed'
                   GROUP BY {", ".join(str(i + 1) for i in range(len(TALLY_MONTH_KEYS)))}""")
    db.execute(f"""INSERT INTO tally_months ({keys}, killed)
                   SELECT {keys}, killed FROM temp.tally_added WHERE true
                   ON CONFLICT ({keys}) DO UPDATE SET killed = killed + excluded.killed""")
    year_columns = ", ".join("substr(month, 1, 4)" if k == "month" else k for k in TALLY_MONTH_KEYS)
    year_keys = ", ".join(TALLY_YEAR_KEYS)
    db.execute(f"""INSERT INTO tally_years ({year_keys}, killed)
                   SELECT {year_columns}, SUM(killed) FROM temp.tally_added
                   GROUP BY {", ".join(str(i + 1) for i in range(len(TALLY_YEAR_KEYS)))}
                   ON CONFLICT ({year_keys}) DO UPDATE SET killed = killed + excluded.killed""")
    db.execute("DROP TABLE temp.tally_added")


def recount(db: Database, person_keys: Iterable[str]) -> None:
    """Of each person's rows, count one per basis: a killed record first, then the lowest UUID."""
    for batch in chunks(dict.fromkeys(person_keys)):
        db.execute(
            f"""UPDATE tally_facts SET counted = (victim_uuid = (
                    SELECT t2.victim_uuid FROM tally_facts t2
                    WHERE t2.basis = tally_facts.basis AND t2.person_key = tally_facts.person_key
                    ORDER BY t2.outcome != 'killed', t2.victim_uuid LIMIT 1))
                WHERE person_key IN ({_marks(batch)})""",
            batch,
        )


def relink_persons(db: Database, victim_uuids: Iterable[str]) -> set[str]:
    """Recompute who is the same person around these victims from the non-retracted
    `same_person` decisions. Returns the incidents whose tallies changed."""
    seeds = set(victim_uuids)
    component: set[str] = set()
    frontier = set(seeds)
    while frontier:
        component |= frontier
        found: set[str] = set()
        for batch in chunks(frontier):
            marks = _marks(batch)
            for a, b in db.execute(
                f"""SELECT victim_uuid_a, victim_uuid_b FROM duplicate_decisions
                    WHERE retracted = 0 AND decision = 'same_person'
                      AND (victim_uuid_a IN ({marks}) OR victim_uuid_b IN ({marks}))""",
                batch + batch,
            ).fetchall():
                found.update((a, b))
        frontier = found - component
    # Also include everyone who shared a person key with these victims before.
    old_keys = set()
    for batch in chunks(component):
        old_keys |= {r[0] for r in db.execute(
            f"SELECT person_key FROM victim_person WHERE victim_uuid IN ({_marks(batch)})", batch).fetchall()}
    for batch in chunks(old_keys):
        component |= {r[0] for r in db.execute(
            f"SELECT victim_uuid FROM victim_person WHERE person_key IN ({_marks(batch)})", batch).fetchall()}
    groups = _components(db, component)
    for batch in chunks(component):
        db.execute(f"DELETE FROM victim_person WHERE victim_uuid IN ({_marks(batch)})", batch)
    rows = []
    for members in groups:
        if len(members) > 1:
            key = min(members)
            rows.extend({"victim_uuid": m, "person_key": key} for m in members)
    if rows:
        db["victim_person"].insert_all(rows, pk="victim_uuid", replace=True)
    key_of = {r["victim_uuid"]: r["person_key"] for r in rows}
    incidents: set[str] = set()
    for batch in chunks(component):
        for uuid, incident in db.execute(
            f"SELECT victim_uuid, incident_uuid FROM tally_facts WHERE victim_uuid IN ({_marks(batch)})", batch
        ).fetchall():
            db.execute(
                "UPDATE tally_facts SET person_key = ?, counted = 1 WHERE victim_uuid = ?",
                [key_of.get(uuid, uuid), uuid],
            )
            incidents.add(incident)
    recount(db, set(key_of.values()))
    return incidents


def _components(db: Database, victims: set[str]) -> list[set[str]]:
    parent = {v: v for v in victims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for batch in chunks(victims):
        marks = _marks(batch)
        for a, b in db.execute(
            f"""SELECT victim_uuid_a, victim_uuid_b FROM duplicate_decisions
                WHERE retracted = 0 AND decision = 'same_person' AND victim_uuid_a IN ({marks})""",
            batch,
        ).fetchall():
            if a in parent and b in parent:
                parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for v in victims:
        groups.setdefault(find(v), set()).add(v)
    return list(groups.values())
