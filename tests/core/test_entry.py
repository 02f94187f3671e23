from __future__ import annotations

from core.entry import (
    blank_incident,
    blank_victim,
    build_entry,
    complete_date,
    is_blank_victim,
    row_from_victim,
    unidentified_victims,
    values_from_incident,
)


def _values(**changes):
    values = blank_incident()
    values.update(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    values.update(changes)
    return values


def test_form_text_becomes_records():
    rows = [{**blank_victim(), "given_name": "أحمد", "sex": "male", "age": "30"}, blank_victim()]
    entry = build_entry(_values(reported_killed="", source_count="2", district=""), rows)
    assert entry.ok, entry.problems
    assert entry.incident.source_count == 2 and entry.incident.reported_killed is None
    assert len(entry.victims) == 1  # the blank row is left out
    assert entry.victims[0].age_group == "adult"
    assert entry.victims[0].incident_uuid == entry.incident.incident_uuid


def test_empty_required_fields_are_named_in_plain_words():
    entry = build_entry(blank_incident(), [])
    assert not entry.ok
    fields = {p.field: p.message for p in entry.problems}
    assert set(fields) == {"date", "governorate", "incident_type", "perpetrator"}
    assert "date of the incident" in fields["date"]
    assert all("required" not in m.lower() for m in fields.values())


def test_problems_point_at_the_victim_row_where_they_are():
    rows = [blank_victim(), {**blank_victim(), "given_name": "سعاد", "age": "abc"},
            {**blank_victim(), "given_name": "علي", "death_date": "2016-01-01"}]
    entry = build_entry(_values(), rows)
    found = {(p.victim_index, p.field) for p in entry.problems}
    assert found == {(1, "age"), (2, "death_date")}


def test_invalid_incident_fields_keep_their_names():
    entry = build_entry(_values(date="2016-02-30", reported_killed="many"), [])
    assert {p.field for p in entry.problems} == {"date", "reported_killed"}
    assert entry.incident is None


def test_dates_of_less_precision_may_be_typed_short():
    assert complete_date("2016-01", "month") == "2016-01-01"
    assert complete_date("2016", "year") == "2016-01-01"
    assert complete_date("2016-01", "day") == "2016-01"
    entry = build_entry(_values(date="2016-01", date_precision="month"), [])
    assert entry.ok and entry.incident.date.isoformat() == "2016-01-01"


def test_the_age_group_an_age_implies():
    from core.entry import inferred_age_group

    assert [inferred_age_group(a) for a in ("17", "18", " 4 ", "", "abc", "130")] == [
        "child", "adult", "child", None, None, None]


def test_unidentified_victims_in_one_step():
    rows = unidentified_victims({"men": 7, "children": 5})
    assert len(rows) == 12 and len({r["victim_uuid"] for r in rows}) == 12
    assert sum(r["sex"] == "male" and r["age_group"] == "adult" for r in rows) == 7
    assert sum(r["age_group"] == "child" for r in rows) == 5
    assert not any(is_blank_victim(r) for r in rows)
    assert not is_blank_victim(unidentified_victims({"unknown": 1}, civilian="unknown")[0])
    entry = build_entry(_values(), rows)
    assert entry.ok and [v.category for v in entry.victims].count("children") == 5


def test_a_stored_record_round_trips_through_the_form():
    first = build_entry(_values(locality="دوما", source_count="3"),
                        [{**blank_victim(), "given_name": "أحمد", "age": "12", "death_date": "2016-01-07"}])
    values = values_from_incident(first.incident)
    rows = [row_from_victim(v) for v in first.victims]
    again = build_entry(values, rows)
    assert again.ok
    assert again.incident == first.incident
    assert again.victims == first.victims
