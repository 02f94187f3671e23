"""The stored likely duplicate pairs: kept current by saves, deletes and decisions, and
read by index for the review queue and the Duplicates list."""
from __future__ import annotations

from datetime import date

import pytest

from core import dedupe, review
from core.dedupe import candidates
from core.storage.records import delete_incident, save_incident
from tests.core.factories import incident, victim


@pytest.fixture
def family(db):
    """Two brothers documented by one team, one of them again by another team in Latin."""
    first = incident(locality="Douma", review_status="submitted", governorate="SY03")
    brothers = [
        victim(first, given_name="محمد", father_name="أحمد", family_name="الحلبي", age=30),
        victim(first, given_name="محمود", father_name="أحمد", family_name="الحلبي", age=25),
    ]
    save_incident(db, first, brothers, "team1")
    second = incident(locality="Duma", date="2016-01-06", review_status="submitted", governorate="SY03")
    again = victim(second, given_name="Mohammed", father_name="Ahmad", family_name="al-Halabi", age=31)
    save_incident(db, second, [again], "team2")
    return {"brothers": brothers, "again": again, "incidents": (first, second)}


def stored(db) -> set[frozenset[str]]:
    return {frozenset(r) for r in db.execute("SELECT victim_uuid_a, victim_uuid_b FROM duplicate_candidates")}


def test_saving_stores_the_pairs_of_the_saved_records(db, family) -> None:
    assert stored(db) == {frozenset({family["brothers"][0].victim_uuid, family["again"].victim_uuid})}


def test_the_queue_counts_victims_with_an_undecided_stored_pair(db, family) -> None:
    first, second = family["incidents"]
    other = incident(date="2017-03-01", review_status="submitted")
    save_incident(db, other, [victim(other, given_name="خالد", father_name="سعيد", family_name="العمر")], "team1")
    counts = review.duplicate_counts(db, [first.incident_uuid, second.incident_uuid, other.incident_uuid])
    assert counts == {first.incident_uuid: 1, second.incident_uuid: 1, other.incident_uuid: 0}
    decided = dedupe.decide(db, family["brothers"][0].victim_uuid, family["again"].victim_uuid,
                            "different_people", "reviewer")
    assert review.duplicate_counts(db, [first.incident_uuid])[first.incident_uuid] == 0
    dedupe.retract(db, decided.decision_uuid, "reviewer")
    assert review.duplicate_counts(db, [first.incident_uuid])[first.incident_uuid] == 1


def test_a_decision_imported_without_removing_the_pair_still_hides_it(db, family) -> None:
    a, b = family["brothers"][0].victim_uuid, family["again"].victim_uuid
    db["duplicate_decisions"].insert({"decision_uuid": "d1", "victim_uuid_a": max(a, b), "victim_uuid_b": min(a, b),
                                      "decision": "same_person", "decided_by": "x", "decided_at": "2020-01-01T00:00:00Z",
                                      "retracted": 0})
    assert candidates.duplicate_counts(db, [family["incidents"][0].incident_uuid]) == {}
    assert candidates.pair_counts(db) == candidates.PairCounts(undecided=0, decided=1)


def test_editing_a_record_so_it_no_longer_matches_removes_its_pair(db, family) -> None:
    second = family["incidents"][1]
    changed = family["again"].model_copy(update={"given_name": "Khaled", "name_latin": ""})
    changes = save_incident(db, second, [changed], "team2").changes
    assert stored(db) == set() and changes.duplicates
    counts = review.duplicate_counts(db, [second.incident_uuid])
    assert counts == {second.incident_uuid: 0}


def test_moving_an_incident_far_in_time_drops_its_pairs(db, family) -> None:
    second = family["incidents"][1].model_copy(update={"date": date(2019, 6, 1)})
    save_incident(db, second, [family["again"]], "team2")
    assert stored(db) == set()


def test_deleting_an_incident_drops_its_pairs(db, family) -> None:
    delete_incident(db, family["incidents"][1].incident_uuid, "team2")
    assert stored(db) == set()
    assert candidates.pair_counts(db).undecided == 0


def test_the_list_is_read_a_page_at_a_time_best_first_then_decisions(db, family) -> None:
    first = family["incidents"][0]
    third = incident(locality="Douma", date="2016-01-05", governorate="SY03")
    twin = victim(third, given_name="محمد", father_name="احمد", family_name="حلبي", age=30)
    save_incident(db, third, [twin], "team3")
    keys = candidates.pair_keys(db)
    assert len(keys) == candidates.pair_counts(db).undecided >= 2
    rows = candidates.pair_rows(db, list(keys))
    assert [r.key for r in rows] == list(keys)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert all(r.decision is None and r.reasons and r.a["incident_date"] for r in rows)
    # one page: only the keys asked for
    assert [r.key for r in candidates.pair_rows(db, list(keys[1:2]))] == [keys[1]]

    top = rows[0]
    dedupe.decide(db, top.a["victim_uuid"], top.b["victim_uuid"], "same_person", "reviewer")
    assert len(candidates.pair_keys(db)) == len(keys) - 1
    with_decided = candidates.pair_keys(db, include_decided=True)
    assert len(with_decided) == len(keys) and with_decided[-1] < 0
    decided = candidates.pair_rows(db, [with_decided[-1]])[0]
    assert decided.decision is not None and decided.decision["decision"] == "same_person"
    assert {decided.a["victim_uuid"], decided.b["victim_uuid"]} == {top.a["victim_uuid"], top.b["victim_uuid"]}
    assert decided.score >= dedupe.THRESHOLD and decided.reasons
    # a row whose pair has gone since the keys were read is left out
    delete_incident(db, first.incident_uuid, "team1")
    assert all(first.incident_uuid not in (r.a["incident_uuid"], r.b["incident_uuid"])
               for r in candidates.pair_rows(db, list(keys)))


def test_the_queries_use_the_indexes(db, family) -> None:
    """The queue count reaches every row by an index; the list walks the pairs in display
    order by an index (no sort, no table read)."""
    def plan(sql: str, params: list) -> list[str]:
        return [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params)]

    counts = plan(candidates.counts_sql(2), ["a", "b", 0.8, 0.8])
    assert not [step for step in counts if step.startswith("SCAN")], counts
    keys = plan(candidates.KEYS_SQL, [0.8])
    assert not [step for step in keys if "TEMP B-TREE" in step or (step.startswith("SCAN") and "INDEX" not in step)], keys
    sides = plan(candidates.sides_sql(100), [f"uuid {n}" for n in range(100)])
    assert any("v USING INDEX sqlite_autoindex_victims" in step for step in sides), sides
    from core.dedupe.profile import LIVE, PROFILE_COLUMNS, PROFILE_FROM

    marks = ",".join("?" * 500)
    profiles = plan(f"SELECT {PROFILE_COLUMNS} FROM {PROFILE_FROM} WHERE k.victim_uuid IN ({marks}) AND {LIVE}",
                    [f"uuid {n}" for n in range(500)])
    assert not [step for step in profiles if "deleted=" in step], profiles


def _listed(db, incident_uuid) -> dict[str, set[str]]:
    return {v: {m.victim_uuid for m in found} for v, found in candidates.stored_matches_of(db, incident_uuid).items()}


def test_the_review_panel_lists_what_the_queue_counts(db, family) -> None:
    """Each victim is listed with its stored pairs not decided yet, exactly the victims
    the queue's column counts: a decision or a deletion takes a pair off both."""
    first, second = family["incidents"]
    brother, again = family["brothers"][0], family["again"]
    third = incident(locality="Douma", date="2016-01-07", review_status="submitted", governorate="SY03")
    later = victim(third, given_name="محمد", father_name="أحمد", family_name="الحلبي", age=30)
    save_incident(db, third, [later], "team3")

    def agree() -> None:
        counts = review.duplicate_counts(db, [first.incident_uuid, second.incident_uuid, third.incident_uuid])
        for inc in (first, second, third):
            assert len(candidates.stored_matches_of(db, inc.incident_uuid)) == counts[inc.incident_uuid]

    assert _listed(db, first.incident_uuid) == {brother.victim_uuid: {again.victim_uuid, later.victim_uuid}}
    assert _listed(db, second.incident_uuid)[again.victim_uuid] >= {brother.victim_uuid}
    agree()
    decided = dedupe.decide(db, brother.victim_uuid, again.victim_uuid, "different_people", "reviewer")
    assert _listed(db, first.incident_uuid) == {brother.victim_uuid: {later.victim_uuid}}
    assert brother.victim_uuid not in _listed(db, second.incident_uuid).get(again.victim_uuid, set())
    agree()
    delete_incident(db, third.incident_uuid, "team3")
    assert _listed(db, first.incident_uuid) == {}
    agree()
    dedupe.retract(db, decided.decision_uuid, "reviewer")
    assert _listed(db, first.incident_uuid) == {brother.victim_uuid: {again.victim_uuid}}
    agree()


def test_the_review_panel_words_the_reasons_in_the_current_language(db, family) -> None:
    from core.i18n import set_language

    first = family["incidents"][0]
    brother, again = family["brothers"][0], family["again"]
    (match,) = candidates.stored_matches_of(db, first.incident_uuid)[brother.victim_uuid]
    stored_score = db.execute("SELECT score FROM duplicate_candidates").fetchone()[0]
    assert match.victim_uuid == again.victim_uuid and match.score == stored_score and match.reasons
    assert match.reasons == candidates.pair_reasons(db, *sorted((brother.victim_uuid, again.victim_uuid)))
    set_language("ar")
    try:
        (arabic,) = candidates.stored_matches_of(db, first.incident_uuid)[brother.victim_uuid]
    finally:
        set_language("en")
    assert arabic.reasons != match.reasons
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.reasons[0])
