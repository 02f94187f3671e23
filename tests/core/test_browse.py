from __future__ import annotations

import pytest

from core import browse
from core.browse import BrowseFilter, Sort
from core.models import Incident, Victim
from core.storage.records import delete_incident, save_incident


def _incident(db, date, governorate="SY02", perpetrator="russia", status="approved", names=()):
    incident = Incident(date=date, governorate=governorate, incident_type="airstrike",
                        perpetrator=perpetrator, review_status=status)
    victims = [Victim(incident_uuid=incident.incident_uuid, sex="male", age=30, civilian="civilian", **n)
               for n in names]
    save_incident(db, incident, victims, "amal")
    return incident, victims


@pytest.fixture
def records(db):
    a = _incident(db, "2016-01-05", "SY09", "russia", "approved",
                  [{"given_name": "أحمد", "family_name": "الحلبي"}, {"given_name": "فاطمة", "family_name": "حمزة"}])
    b = _incident(db, "2016-01-20", "SY02", "regime", "submitted",
                  [{"given_name": "عمر", "family_name": "الخطيب", "name_latin": "Omar al-Khatib"}])
    c = _incident(db, "2016-02-15", "SY02", "russia", "draft", [{}, {}, {}])
    return {"a": a, "b": b, "c": c}


def test_arabic_spelling_variants_match(db, records):
    for typed in ("احمد", "أحمد", "إحمد", "احمد الحلبى"):
        rows = browse.victim_page(db, BrowseFilter(name=typed))
        assert [r.name for r in rows] == ["أحمد الحلبي"], typed
    rows = browse.victim_page(db, BrowseFilter(name="فاطمه"))  # ه for ة
    assert [r.name for r in rows] == ["فاطمة حمزة"]


def test_latin_search_folds_case_and_prefix(db, records):
    rows = browse.victim_page(db, BrowseFilter(name="omar KHAT"))
    assert [r.name_latin for r in rows] == ["Omar al-Khatib"]
    assert browse.victim_page(db, BrowseFilter(name="!!")) == []


def test_incident_search_by_victim_name(db, records):
    rows = browse.incident_page(db, BrowseFilter(name="الخطيب"))
    assert [r.incident_uuid for r in rows] == [records["b"][0].incident_uuid]


def test_filters(db, records):
    f = BrowseFilter(governorate="SY02")
    assert browse.count_incidents(db, f) == 2
    assert browse.count_victims(db, f) == 4
    assert browse.count_incidents(db, BrowseFilter(perpetrator="russia")) == 2
    assert browse.count_incidents(db, BrowseFilter(review_status="approved")) == 1
    assert browse.count_victims(db, BrowseFilter(date_from="2016-01-10", date_to="2016-01-31")) == 1
    assert browse.count_victims(db, BrowseFilter(perpetrator="russia", review_status="draft")) == 3


def test_sort_and_page(db, records):
    rows = browse.incident_page(db, sort=Sort("date"))
    assert [r.date for r in rows] == ["2016-01-05", "2016-01-20", "2016-02-15"]
    rows = browse.incident_page(db, sort=Sort("victims", descending=True), limit=1)
    assert rows[0].victims == 3
    assert [r.date for r in browse.incident_page(db, sort=Sort("date"), offset=1, limit=1)] == ["2016-01-20"]
    names = [r.name for r in browse.victim_page(db, sort=Sort("name"))]
    assert names[:3] == sorted(names[:3]) and names[3:] == ["", "", ""]
    with pytest.raises(ValueError, match="cannot sort by"):
        browse.incident_page(db, sort=Sort("nonsense"))


def test_keys_and_rows_agree_with_pages(db, records):
    for sort in (Sort("date"), Sort("name", True), Sort("governorate"), Sort("age")):
        keys = browse.victim_keys(db, sort=sort)
        assert [r.victim_uuid for r in browse.victim_rows(db, keys)] == \
            [r.victim_uuid for r in browse.victim_page(db, sort=sort)]
    keys = browse.incident_keys(db, BrowseFilter(governorate="SY02"), Sort("date", True))
    assert [r.date for r in browse.incident_rows(db, reversed(keys))] == ["2016-01-20", "2016-02-15"]


def test_deleted_records_disappear(db, records):
    incident = records["c"][0]
    keys = browse.incident_keys(db)
    delete_incident(db, incident.incident_uuid, "amal")
    assert incident.incident_uuid not in {r.incident_uuid for r in browse.incident_rows(db, keys)}
    assert browse.count_victims(db) == 3


def test_browser_queries_use_indexes(db):
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM victims WHERE deleted = 0").fetchall())
    assert "victims_live_incident" in plan
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT rowid FROM incidents WHERE deleted = 0 ORDER BY date").fetchall())
    assert "incidents_live_date" in plan and "TEMP B-TREE" not in plan


def test_victims_list_newest_entries_first(db, records):
    newest = records["c"][1]
    rows = browse.victim_rows(db, browse.victim_keys(db))
    assert [r.victim_uuid for r in rows[:3]] == [v.victim_uuid for v in reversed(newest)]
    # With a filter on the incident the same order holds.
    rows = browse.victim_page(db, BrowseFilter(governorate="SY02"))
    assert rows[0].victim_uuid == newest[-1].victim_uuid


def _plans_of(db, read) -> list[str]:
    """The query plan of every SELECT that `read()` runs."""
    statements: list[str] = []
    db.conn.set_trace_callback(lambda sql: statements.append(sql) if sql.lstrip().startswith("SELECT") else None)
    try:
        read()
    finally:
        db.conn.set_trace_callback(None)
    return [" ".join(str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()) for sql in statements]


def test_a_page_of_rows_is_looked_up_by_row_id(db, records):
    victim_keys = list(browse.victim_keys(db))
    incident_keys = list(browse.incident_keys(db))
    plans = _plans_of(db, lambda: (browse.victim_rows(db, victim_keys), browse.incident_rows(db, incident_keys)))
    assert len(plans) == 2
    for plan in plans:  # the first step: not every live row's entry in the index of live rows
        assert plan.startswith(("SEARCH v USING INTEGER PRIMARY KEY", "SEARCH i USING INTEGER PRIMARY KEY")), plan


def test_the_victims_newest_first_are_read_without_sorting(db, records):
    (plan,) = _plans_of(db, lambda: browse.victim_keys(db))
    assert "TEMP B-TREE" not in plan, plan


def test_a_name_search_starts_from_the_names_found_whatever_the_order(db, records):
    for sort in (browse.DEFAULT_VICTIM_SORT, Sort("date", descending=True), Sort("governorate")):
        (plan,) = _plans_of(db, lambda s=sort: browse.victim_keys(db, BrowseFilter(name="احمد"), s))
        assert plan.startswith("SCAN victims_fts"), plan  # not every incident, testing each victim


def test_a_filter_on_one_value_uses_that_value_s_index(db, records):
    for filter, index in ((BrowseFilter(governorate="SY02"), "governorate"),
                          (BrowseFilter(perpetrator="russia"), "perpetrator"),
                          (BrowseFilter(review_status="submitted"), "review_status")):
        for read in (browse.incident_keys, browse.victim_keys):
            (plan,) = _plans_of(db, lambda r=read, f=filter: r(db, f))
            assert f"idx_incidents_{index}" in plan and "incidents_live_date" not in plan, plan


def test_the_first_keys_are_the_head_of_the_whole_list(db, records):
    for read in (browse.incident_keys, browse.victim_keys):
        whole = list(read(db))
        assert list(read(db, limit=2)) == whole[:2] and list(read(db, limit=len(whole) + 5)) == whole
