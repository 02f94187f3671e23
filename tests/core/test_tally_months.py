"""Tallies read whole years from `tally_years`, whole months from `tally_months` and the
rest from `tally_facts`: the results are those of counting every fact, and the sums
follow every write."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.dedupe.decisions import decide, retract
from core.storage import open_database
from core.storage.records import delete_incident, save_incident
from core.storage.schema import TALLY_MONTH_KEYS, TALLY_YEAR_KEYS, apply_migrations
from core.tallies import BY_CHOICES, tally
from seeds.demo import load_demo
from tests.core import factories

KEYS = ", ".join(TALLY_MONTH_KEYS)
YEAR_KEYS = ", ".join(TALLY_YEAR_KEYS)


def counted_from_facts(db, *, by="perpetrator", status="approved", civilian="civilian", date_from=None,
                       date_to=None, perpetrator=None, governorate=None) -> dict:
    """The definition: every counted killed fact in the range, read one by one."""
    clauses, params = ["basis = ?", "counted = 1", "outcome = 'killed'"], ["approved" if status == "approved" else "current"]
    for column, op, value in (("civilian", "=", None if civilian == "all" else civilian), ("date", ">=", date_from),
                              ("date", "<=", date_to), ("perpetrator", "=", perpetrator),
                              ("governorate", "=", governorate)):
        if value:
            clauses.append(f"{column} {op} ?")
            params.append(value)
    rows = db.execute(f"SELECT {by}, category, COUNT(*) FROM tally_facts WHERE {' AND '.join(clauses)}"
                      f" GROUP BY {by}, category", params).fetchall()
    return {(key, category): n for key, category, n in rows}


def counted_by_tally(result) -> dict:
    return {(g.key, c): getattr(g, c) for g in result.groups for c in ("children", "women", "men", "unknown")
            if getattr(g, c)}


def months_agree_with_facts(db) -> None:
    sums = db.execute(f"SELECT {KEYS}, killed FROM tally_months WHERE killed != 0 ORDER BY {KEYS}").fetchall()
    facts = db.execute(f"""SELECT {KEYS}, COUNT(*) FROM tally_facts WHERE counted = 1 AND outcome = 'killed'
                           GROUP BY {KEYS} ORDER BY {KEYS}""").fetchall()
    assert sums == facts
    years = db.execute(f"SELECT {YEAR_KEYS}, killed FROM tally_years WHERE killed != 0 ORDER BY {YEAR_KEYS}").fetchall()
    from_facts = db.execute(f"""SELECT {YEAR_KEYS.replace("year", "substr(month, 1, 4) AS year")}, COUNT(*)
                                FROM tally_facts WHERE counted = 1 AND outcome = 'killed'
                                GROUP BY {YEAR_KEYS} ORDER BY {YEAR_KEYS}""").fetchall()
    assert years == from_facts


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("months") / "demo.db")
    load_demo(db, "tester")
    yield db
    db.close()


def test_the_demonstration_data_sums_agree(demo_db):
    months_agree_with_facts(demo_db)


days = st.one_of(st.none(), st.dates(date(2011, 3, 1), date(2020, 12, 31)).map(date.isoformat))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(date_from=days, date_to=days, by=st.sampled_from(BY_CHOICES), status=st.sampled_from(["approved", "all"]),
       civilian=st.sampled_from(["civilian", "combatant", "unknown", "all"]),
       perpetrator=st.sampled_from([None, "russia", "regime", "isis"]),
       governorate=st.sampled_from([None, "SY02", "SY09", "SY03"]))
def test_any_tally_is_the_count_of_its_facts(demo_db, date_from, date_to, by, status, civilian, perpetrator,
                                            governorate):
    kwargs = dict(by=by, status=status, civilian=civilian, date_from=date_from, date_to=date_to,
                  perpetrator=perpetrator, governorate=governorate)
    assert counted_by_tally(tally(demo_db, **kwargs)) == counted_from_facts(demo_db, **kwargs)


@pytest.mark.parametrize(("date_from", "date_to"), [
    ("2016-01-01", "2016-01-31"), ("2016-01-02", "2016-01-30"), ("2016-01-31", "2016-02-01"),
    ("2015-12-15", "2016-03-15"), ("2016-02-29", "2016-02-29"), ("2016-03-01", "2016-01-01"),
    ("2015-01-01", "2016-12-31"), ("2015-02-01", "2016-11-30"), ("2012-06-07", "2019-03-04"),
    ("2016-01-01", None), (None, "2015-12-31"), (None, None),
    (None, "2016-01-15"), ("2016-01-15", None), ("2016-01", "2016-02"), ("2016-1-5", None),
])
def test_month_edges_and_odd_bounds(demo_db, date_from, date_to):
    for status in ("approved", "all"):
        for by in ("month", "perpetrator"):
            result = tally(demo_db, date_from=date_from, date_to=date_to, by=by, status=status)
            assert counted_by_tally(result) == counted_from_facts(
                demo_db, by=by, status=status, date_from=date_from, date_to=date_to)


def test_pending_counts_the_same(demo_db):
    result = tally(demo_db, date_from="2016-01-10", date_to="2016-03-20", with_pending=True)
    everything = sum(counted_from_facts(demo_db, status="all", date_from="2016-01-10", date_to="2016-03-20").values())
    assert result.pending == everything - result.total.killed > 0


def test_the_sums_follow_every_write(db):
    first = factories.incident(review_status="approved")
    victims = [factories.victim(first, age=a, sex=s) for a, s in ((8, "female"), (30, "male"), (40, "female"))]
    save_incident(db, first, victims, "u")
    months_agree_with_facts(db)
    second = factories.incident(date="2016-02-03", perpetrator="regime", governorate="SY02")
    twin = factories.victim(second, age=31, sex="male")
    save_incident(db, second, [twin, factories.victim(second, civilian="combatant")], "u")
    months_agree_with_facts(db)
    victims[1] = victims[1].model_copy(update={"age": 12, "age_group": "child"})  # a man becomes a child
    victims[2].outcome = "injured"
    save_incident(db, first, victims, "u")
    months_agree_with_facts(db)
    second.review_status = "approved"
    second.date = date(2016, 1, 20)  # moves to another month
    save_incident(db, second, [twin], "u")  # the combatant is removed
    months_agree_with_facts(db)
    decided = decide(db, victims[0].victim_uuid, twin.victim_uuid, "same_person", "r")
    months_agree_with_facts(db)
    retract(db, decided.decision_uuid, "r")
    months_agree_with_facts(db)
    delete_incident(db, first.incident_uuid, "u")
    months_agree_with_facts(db)
    assert tally(db).total.killed == 1


def test_an_older_database_gets_its_sums_on_upgrade(db_path):
    db = open_database(db_path)
    inc = factories.incident(review_status="approved")
    save_incident(db, inc, [factories.victim(inc), factories.victim(inc, age=5)], "u")
    for trigger in ("insert", "delete", "update_old", "update_new"):
        db.execute(f"DROP TRIGGER tally_sums_{trigger}")
    db.execute("DROP TABLE tally_months")
    db.execute("DROP TABLE tally_years")
    db.execute("DELETE FROM schema_migrations WHERE number = 16")
    assert apply_migrations(db) == [16]
    months_agree_with_facts(db)
    assert tally(db).total.killed == 2
    db.close()


def test_month_end_of_every_month():
    from core.tallies import _month_end

    day = date(2011, 1, 1)
    while day.year < 2025:
        assert _month_end(day) == (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        assert (_month_end(day) + timedelta(days=1)).day == 1
        day += timedelta(days=1)


def test_long_ranges_are_read_by_years_and_months():
    from core.tallies import _plan

    plan = _plan("2013-02-10", "2016-11-20", years=True)
    assert plan.days == [("2013-02-10", "2013-02-28"), ("2016-11-01", "2016-11-20")]
    assert plan.months == [("2013-03", "2013-12"), ("2016-01", "2016-10")]
    assert plan.years == [("2014", "2015")]
    assert _plan(None, None, years=True).years == [(None, None)]
    assert _plan(None, None, years=False).months == [(None, None)]
    assert _plan("2016-01-01", "2016-01-31", years=True).months == [("2016-01", "2016-01")]
    assert _plan("2016-02", None, years=True).days == [("2016-02", None)]
