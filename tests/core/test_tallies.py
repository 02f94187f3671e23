"""What the tallies count: the definitions of the published monthly figures."""
from __future__ import annotations

import pytest

from core.models import new_uuid, utc_now
from core.storage.facts import relink_persons
from core.storage.records import save_incident
from core.tallies import tally
from tests.core.factories import incident, victim


@pytest.fixture
def january(db):
    """Approved January records: a Russian airstrike in Deir ez-Zor (a man, a woman, a girl,
    a child of unknown sex, an adult of unknown sex, a woman of unknown age) and a regime
    shelling in Aleppo (an injured man, a combatant, a man of 70)."""
    strike = incident(review_status="approved")
    save_incident(db, strike, [
        victim(strike, sex="male", age=40),
        victim(strike, sex="female", age=35),
        victim(strike, sex="female", age=6),
        victim(strike, sex="unknown", age_group="child", age=None),
        victim(strike, sex="unknown", age_group="adult", age=None),
        victim(strike, sex="female", age=None, age_group="unknown"),
    ], "amal")
    shelling = incident(review_status="approved", perpetrator="regime", governorate="SY02",
                        incident_type="shelling", date="2016-01-20")
    save_incident(db, shelling, [
        victim(shelling, outcome="injured"),
        victim(shelling, civilian="combatant"),
        victim(shelling, sex="male", age=70),
    ], "amal")
    return db


def totals(result):
    t = result.total
    return (t.killed, t.children, t.women, t.men, t.unknown)


def test_children_women_men_and_unknown(january):
    result = tally(january)
    assert totals(result) == (7, 2, 1, 2, 2)
    russia = next(g for g in result.groups if g.key == "russia")
    assert (russia.killed, russia.children, russia.women, russia.men, russia.unknown) == (6, 2, 1, 1, 2)
    assert russia.label == "Russian forces"


def test_injured_people_and_combatants_are_not_counted_as_civilians_killed(january):
    assert tally(january).total.killed == 7
    assert tally(january, civilian="all").total.killed == 8
    assert tally(january, civilian="combatant").total.killed == 1


def test_grouping_by_governorate_month_and_type(january):
    by_gov = {g.key: g.killed for g in tally(january, by="governorate").groups}
    assert by_gov == {"SY09": 6, "SY02": 1}
    assert [g.key for g in tally(january, by="month").groups] == ["2016-01"]
    assert {g.key for g in tally(january, by="incident_type").groups} == {"airstrike", "shelling"}
    assert tally(january, by="governorate", perpetrator="russia").groups[0].label == "Deir ez-Zor"


def test_the_date_range_uses_the_death_date_when_given(db):
    inc = incident(review_status="approved", date="2016-01-30")
    save_incident(db, inc, [victim(inc), victim(inc, death_date="2016-02-02")], "amal")
    assert tally(db, date_from="2016-01-01", date_to="2016-01-31").total.killed == 1
    assert tally(db, date_from="2016-02-01", date_to="2016-02-29").total.killed == 1
    assert tally(db, date_from="2016-01-31", date_to="2016-01-31").total.killed == 0


def test_only_approved_records_count_by_default(db):
    for status in ("draft", "submitted", "returned", "rejected", "approved"):
        inc = incident(review_status=status)
        save_incident(db, inc, [victim(inc)], "amal")
    assert tally(db).total.killed == 1
    assert tally(db, status="all").total.killed == 4  # everything but the rejected record
    assert tally(db, with_pending=True).pending == 3


def test_an_approved_version_keeps_counting_while_a_new_one_waits(db):
    inc = incident(review_status="approved")
    child = victim(inc, age=10)
    save_incident(db, inc, [child], "amal")
    edited = inc.model_copy(update={"review_status": "submitted", "perpetrator": "regime"})
    save_incident(db, edited, [child.model_copy(update={"age": 30, "age_group": "adult"})], "amal")
    approved = tally(db)
    assert [(g.key, g.children) for g in approved.groups] == [("russia", 1)]
    current = tally(db, status="all")
    assert [(g.key, g.men) for g in current.groups] == [("regime", 1)]


def link(db, a: str, b: str) -> None:
    with db.atomic():
        db["duplicate_decisions"].insert({
            "decision_uuid": new_uuid(), "victim_uuid_a": a, "victim_uuid_b": b,
            "decision": "same_person", "decided_by": "rana", "decided_at": utc_now(), "retracted": 0,
        })
        relink_persons(db, [a, b])


def test_a_person_recorded_twice_counts_once(db):
    first = incident(review_status="approved")
    second = incident(review_status="approved", date="2016-01-06", perpetrator="regime")
    a = victim(first, given_name="أحمد", age=12)
    b = victim(second, given_name="احمد", age=12)
    c = victim(second, given_name="Ahmad", age=12)
    save_incident(db, first, [a], "amal")
    save_incident(db, second, [b, c], "amal")
    assert tally(db).total.killed == 3
    link(db, a.victim_uuid, b.victim_uuid)
    link(db, b.victim_uuid, c.victim_uuid)
    result = tally(db)
    assert result.total.killed == 1
    assert sum(g.killed for g in result.groups) == 1
    with db.atomic():
        db.execute("UPDATE duplicate_decisions SET retracted = 1")
        relink_persons(db, [a.victim_uuid, b.victim_uuid, c.victim_uuid])
    assert tally(db).total.killed == 3


def test_a_linked_person_still_counts_once_after_a_save(db):
    inc = incident(review_status="approved")
    a, b = victim(inc, given_name="سارة", sex="female", age=20), victim(inc, given_name="ساره", sex="female", age=20)
    save_incident(db, inc, [a, b], "amal")
    link(db, a.victim_uuid, b.victim_uuid)
    save_incident(db, inc, [a, b.model_copy(update={"notes": "corrected"})], "amal")
    assert tally(db).total.women == 1


def test_a_bad_grouping_is_refused(db):
    with pytest.raises(ValueError, match="cannot group by"):
        tally(db, by="colour")
