"""A save writes its victims, their name keys and history, and finds their likely
duplicates in batches: the result is the same as one victim after the other."""
from __future__ import annotations

import importlib
from pathlib import Path

from core.dedupe import decisions
from core.dedupe.decisions import decide, pair
from core.dedupe.lookup import PER_BLOCK, matches_for, profiles
from core.storage import open_database
from core.storage.records import save_incident
from tests.core.factories import incident, victim

records = importlib.import_module("core.storage.records")
scan_module = importlib.import_module("core.dedupe.scan")

NOW = "2026-01-01T10:00:00Z"
GIVEN = ("أحمد", "محمد", "علي", "حسن", "عمر")


def _one_by_one_victims(db, victims, user, now, changed):
    saved = []
    for v in victims:
        row, was_changed = records._merge(db, "victims", "victim_uuid", records.victim_row(v), records.VICTIM_COLUMNS,
                                          user, now)
        saved.append(row)
        if was_changed:
            changed.add(row["victim_uuid"])
            records._write_keys(db, [row])
    return saved


def _one_by_one_scan(db, uuids, threshold, decided, job):
    seen: set[tuple[str, str]] = set()
    for start in range(0, len(uuids), 500):
        for profile in profiles(db, uuids[start:start + 500]):
            for other, score, reasons in matches_for(db, profile, threshold):
                key = pair(profile.victim_uuid, other.victim_uuid)
                if key in seen or key in decided:
                    continue
                seen.add(key)
                incidents = {profile.victim_uuid: profile.incident_uuid, other.victim_uuid: other.incident_uuid}
                yield scan_module.ScoredPair(key[0], key[1], score, tuple(reasons), incidents[key[0]],
                                             incidents[key[1]])


def _workload():
    """Incidents of one family, more victims of one name and day than a block reads, a
    second save that edits, adds and removes victims, and one that changes the date."""
    first = incident(date="2016-03-02", locality="دوما")
    big = [victim(first, given_name=GIVEN[i % 5], father_name="خالد", family_name="العلي", age=20 + i % 40)
           for i in range(PER_BLOCK * 3)]
    other = incident(date="2016-03-04", locality="دوما")
    near = [victim(other, given_name=g, father_name="خالد", family_name="العلي", age=25) for g in GIVEN]
    near.append(victim(other, given_name="محمود", father_name="خالد", family_name="العلي"))
    edited = [big[0].model_copy(update={"age": 70}), *big[2:], victim(first, given_name="أحمد", family_name="العلي")]
    moved = incident(date="2016-03-03", locality="دوما", incident_uuid=first.incident_uuid)
    return [(other, near), (first, big), (first, edited), (moved, edited)]


def _run(path: Path, monkeypatch, one_by_one: bool):
    with monkeypatch.context() as m:
        m.setattr(decisions, "new_uuid", lambda: "00000000-0000-4000-8000-000000000001")
        if one_by_one:
            m.setattr(records, "_merge_victims", _one_by_one_victims)
            m.setattr(scan_module, "_scan_some", _one_by_one_scan)
        db = open_database(path)
        steps = _workload()
        for n, (inc, victims) in enumerate(steps):
            save_incident(db, inc, victims, "amal", now=NOW)
            if n == 1:  # a decision in force is left out of what the next saves find
                a, b = (v.victim_uuid for v in victims[:2])
                decide(db, a, b, "different_people", "amal", now=NOW)
        out = {table: db.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall() for table, columns in (
            ("victims", "*"), ("victim_keys", "*"), ("tally_facts", "*"),
            ("audit_log", "seq, at, user_name, action, record_type, record_uuid, before, after, prev_hash, hash"),
            ("duplicate_candidates", "victim_uuid_a, victim_uuid_b, score, reasons"))}
        db.close()
        return out


def test_a_batched_save_stores_what_one_victim_after_the_other_stores(tmp_path, monkeypatch):
    steps = _workload()
    monkeypatch.setitem(globals(), "_workload", lambda: steps)  # the same records (UUIDs) in both files
    batched = _run(tmp_path / "batched.db", monkeypatch, one_by_one=False)
    reference = _run(tmp_path / "reference.db", monkeypatch, one_by_one=True)
    assert batched["duplicate_candidates"], "the workload finds likely duplicates"
    assert len(batched["victims"]) > PER_BLOCK * 3
    for table, rows in reference.items():
        assert batched[table] == rows, table


def test_the_same_victim_twice_in_one_save_is_saved_then_updated(db):
    inc = incident()
    v = victim(inc, given_name="أحمد", family_name="العلي")
    saved = save_incident(db, inc, [v, v.model_copy(update={"age": 31})], "amal")
    assert [row.version for row in saved.victims] == [1, 2]
    assert db.execute("SELECT age, version FROM victims").fetchall() == [(31, 2)]
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log WHERE record_type = 'victim' ORDER BY seq")]
    assert actions == ["create", "update"]
