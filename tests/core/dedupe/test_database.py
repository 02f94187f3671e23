"""Lookup, scan, decisions and duplicate incidents against a real database."""
from __future__ import annotations

import pytest

from core import dedupe, tallies
from core.dedupe import DecisionError
from core.jobs import Cancelled, JobState
from core.storage.records import RecordNotFound, save_incident
from tests.core.factories import incident, victim


@pytest.fixture
def family(db):
    """Two siblings documented by one team, one of them again by another team in Latin."""
    first = incident(locality="Douma", review_status="approved", governorate="SY03")
    brothers = [
        victim(first, given_name="محمد", father_name="أحمد", family_name="الحلبي", age=30),
        victim(first, given_name="محمود", father_name="أحمد", family_name="الحلبي", age=25),
    ]
    save_incident(db, first, brothers, "team1")
    second = incident(locality="Duma", date="2016-01-06", review_status="approved", governorate="SY03")
    again = victim(second, given_name="Mohammed", father_name="Ahmad", family_name="al-Halabi", age=31)
    save_incident(db, second, [again], "team2")
    return {"brothers": brothers, "again": again, "incidents": (first, second)}


def test_typing_another_spelling_offers_the_stored_record(db, family) -> None:
    found = dedupe.likely_duplicates(
        db, {"given_name": "Mhd", "father_name": "Ahmed", "family_name": "Halabi", "sex": "male"},
        {"date": "2016-01-05", "governorate": "SY03"})
    uuids = [m.victim_uuid for m in found]
    assert family["brothers"][0].victim_uuid in uuids and family["again"].victim_uuid in uuids
    assert family["brothers"][1].victim_uuid not in uuids
    assert found[0].incident_date and found[0].reasons and found[0].score >= dedupe.THRESHOLD


def test_lookup_needs_a_lineage_part(db, family) -> None:
    assert dedupe.likely_duplicates(db, {"given_name": "محمد"}, {"date": "2016-01-05"}) == []


def test_scan_finds_each_pair_once_and_not_the_siblings(db, family) -> None:
    pairs = list(dedupe.scan(db))
    assert [{p.victim_uuid_a, p.victim_uuid_b} for p in pairs] == [
        {family["brothers"][0].victim_uuid, family["again"].victim_uuid}]
    assert pairs[0].victim_uuid_a < pairs[0].victim_uuid_b


def test_scan_of_some_records_after_an_import(db, family) -> None:
    pairs = list(dedupe.scan(db, victim_uuids=[family["again"].victim_uuid]))
    assert len(pairs) == 1


def test_scan_stops_when_cancelled(db, family) -> None:
    job = JobState()
    job.cancel()
    with pytest.raises(Cancelled):
        list(dedupe.scan(db, job=job, victim_uuids=[family["again"].victim_uuid]))


def test_same_person_counts_once_and_undo_restores(db, family) -> None:
    before = tallies.tally(db).total.killed
    a, b = family["brothers"][0].victim_uuid, family["again"].victim_uuid
    changes = dedupe.decide(db, a, b, "same_person", "reviewer")
    assert changes.tallies and changes.duplicates and changes.decision_uuid
    assert tallies.tally(db).total.killed == before - 1
    assert list(dedupe.scan(db)) == []
    row = db["duplicate_decisions"].get(changes.decision_uuid)
    assert row["decided_by"] == "reviewer" and row["decision"] == "same_person"
    assert db.execute("SELECT COUNT(*) FROM audit_log WHERE record_uuid = ?",
                      [changes.decision_uuid]).fetchone()[0] == 1
    dedupe.retract(db, changes.decision_uuid, "reviewer")
    assert tallies.tally(db).total.killed == before
    assert db["duplicate_decisions"].get(changes.decision_uuid)["retracted"] == 1
    assert len(list(dedupe.scan(db))) == 1


def test_different_people_are_never_flagged_again(db, family) -> None:
    a, b = family["brothers"][0].victim_uuid, family["again"].victim_uuid
    dedupe.decide(db, b, a, "different_people", "reviewer")
    assert list(dedupe.scan(db)) == []
    found = dedupe.likely_duplicates(db, {"victim_uuid": a, "given_name": "محمد", "father_name": "أحمد",
                                          "family_name": "الحلبي"}, {"date": "2016-01-05"})
    assert b not in [m.victim_uuid for m in found]
    assert dedupe.candidate_pairs(db) == []
    assert len(dedupe.candidate_pairs(db, include_decided=True)) == 1


def test_a_new_decision_replaces_the_one_in_force(db, family) -> None:
    a, b = family["brothers"][0].victim_uuid, family["again"].victim_uuid
    first = dedupe.decide(db, a, b, "different_people", "r1")
    second = dedupe.decide(db, a, b, "same_person", "r2")
    assert db["duplicate_decisions"].get(first.decision_uuid)["retracted"] == 1
    assert dedupe.active_decision(db, b, a)["decision_uuid"] == second.decision_uuid


def test_bad_decisions_are_refused_and_change_nothing(db, family) -> None:
    a = family["brothers"][0].victim_uuid
    with pytest.raises(DecisionError):
        dedupe.decide(db, a, family["again"].victim_uuid, "maybe", "r")
    with pytest.raises(DecisionError):
        dedupe.decide(db, a, a, "same_person", "r")
    with pytest.raises(RecordNotFound):
        dedupe.decide(db, a, "00000000-0000-4000-8000-000000000000", "same_person", "r")
    assert db["duplicate_decisions"].count == 0


def test_stored_scan_feeds_the_review_list(db, family) -> None:
    assert dedupe.last_scanned(db) is None
    assert len(dedupe.candidate_pairs(db)) == 1  # computed when never scanned
    result = dedupe.scan_and_store(db)
    assert result.pairs == 1 and dedupe.last_scanned(db)
    pairs = dedupe.candidate_pairs(db)
    assert len(pairs) == 1 and pairs[0].a["given_name"] and pairs[0].b["incident_date"]


def test_event_date_follows_the_incident(db, family) -> None:
    first, _ = family["incidents"]
    uuid = family["brothers"][0].victim_uuid
    db.execute("UPDATE incidents SET date = '2016-02-01' WHERE incident_uuid = ?", [first.incident_uuid])
    assert db["victim_keys"].get(uuid)["event_date"] == "2016-02-01"


def test_incidents_of_one_event_are_flagged(db, family) -> None:
    first, second = family["incidents"]
    found = dedupe.likely_duplicate_incidents(db)
    assert len(found) == 1 and found[0].shared_victims == 1
    assert {found[0].incident_uuid_a, found[0].incident_uuid_b} == {first.incident_uuid, second.incident_uuid}
    other = incident(locality="Douma", date="2016-01-05", governorate="SY03", perpetrator="regime")
    save_incident(db, other, [victim(other, given_name="محمد", father_name="أحمد", family_name="الحلبي")], "t")
    assert len(dedupe.likely_duplicate_incidents(db, [other.incident_uuid])) == 0


def test_a_victim_of_one_incident_is_at_most_one_of_another(db, family) -> None:
    found = list(dedupe.scan(db, min_score=0.3))
    again = family["again"].victim_uuid
    with_again = [p for p in found if again in (p.victim_uuid_a, p.victim_uuid_b)]
    assert len(with_again) == 1
    assert family["brothers"][0].victim_uuid in (with_again[0].victim_uuid_a, with_again[0].victim_uuid_b)


def test_scan_finds_a_mistyped_given_name_through_the_lineage(db) -> None:
    # ممود (محمود without its ح) shares no skeleton with محمود: only the father's and
    # family name file them together.
    first = incident(locality="Douma")
    save_incident(db, first, [victim(first, given_name="محمود", father_name="جهاد", family_name="الزعبي", age=9)],
                  "a")
    second = incident(locality="Douma", date="2016-01-06")
    again = victim(second, given_name="ممود", father_name="جهاد", family_name="الزعبي", age=9)
    save_incident(db, second, [again], "b")
    pairs = list(dedupe.scan(db))
    assert len(pairs) == 1 and again.victim_uuid in (pairs[0].victim_uuid_a, pairs[0].victim_uuid_b)


def test_a_scan_around_many_records_walks_and_finds_what_lookups_find(tmp_path, monkeypatch) -> None:
    """Around a large share of the database (a large import) the scan walks the blocking
    indexes as a full scan does; it finds exactly the pairs the lookups of each record find."""
    import importlib

    scan_module = importlib.import_module("core.dedupe.scan")
    from core.storage import open_database
    from seeds.demo import load_demo

    db = open_database(tmp_path / "demo.db")
    load_demo(db, "tester")
    uuids = [r[0] for r in db.execute("SELECT victim_uuid FROM victims ORDER BY victim_uuid")]
    some = uuids[::3]  # a third of them
    walked_rows = []
    real_walk = scan_module._walk

    def counting_walk(*args):
        for row in real_walk(*args):
            walked_rows.append(row)
            yield row

    monkeypatch.setattr(scan_module, "_walk", counting_walk)
    monkeypatch.setattr(scan_module, "WALK_MIN", len(uuids) + 1)
    looked_up = {(p.victim_uuid_a, p.victim_uuid_b, p.score) for p in scan_module.scan(db, victim_uuids=some)}
    assert not walked_rows
    monkeypatch.setattr(scan_module, "WALK_MIN", 10)
    walked = {(p.victim_uuid_a, p.victim_uuid_b, p.score) for p in scan_module.scan(db, victim_uuids=some)}
    assert walked_rows
    assert len(looked_up) >= 5
    assert walked == looked_up
    chosen = set(some)
    assert all(a in chosen or b in chosen for a, b, _ in walked)
    everything = {(p.victim_uuid_a, p.victim_uuid_b) for p in scan_module.scan(db)}
    assert {(a, b) for a, b, _ in walked} < everything
    db.close()
