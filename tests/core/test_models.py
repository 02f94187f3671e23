"""Every validation rule of the records, with the message a documenter sees."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from core.models import Incident, Victim, check_incident, problems_from_error

INCIDENT = dict(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")


def problems(model, **fields):
    with pytest.raises(ValidationError) as info:
        model(**fields)
    return {(p.field, p.message) for p in problems_from_error(info.value)}


def incident_problems(**changes):
    return problems(Incident, **{**INCIDENT, **changes})


def victim_problems(**fields):
    return problems(Victim, incident_uuid="6f1c1f56-8a7e-4a39-9f0a-6c1b3d4f5e6a", **fields)


def test_a_complete_incident_is_accepted():
    incident = Incident(**INCIDENT, district="SY0901", subdistrict="SY090100", facility="hospital",
                        attribution="believed", reported_killed=12, source_count=2)
    assert incident.version == 1
    assert incident.review_status == "draft"


def test_a_date_in_the_future_is_refused():
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    assert ("date", f"The date {tomorrow} is in the future.") in incident_problems(date=tomorrow)


def test_a_date_before_march_2011_is_refused():
    assert ("date", "The date 2011-02-28 is before 1 March 2011, where documentation begins.") in \
        incident_problems(date="2011-02-28")


def test_an_impossible_date_is_refused():
    assert ("date", "2016-02-30 does not exist in the calendar.") in incident_problems(date="2016-02-30")


def test_a_date_in_another_format_is_refused():
    assert ("date", "'05/01/2016' is not a date written YYYY-MM-DD.") in incident_problems(date="05/01/2016")


def test_the_governorate_must_be_sy01_to_sy14():
    assert ("governorate", "'SY15' is not a Syrian governorate (SY01 to SY14).") in incident_problems(governorate="SY15")
    assert ("governorate", "Choose the governorate where it happened.") in incident_problems(governorate="")


def test_a_district_must_lie_inside_the_governorate():
    assert ("district", "District SY0200 is not in governorate SY09.") in incident_problems(district="SY0200")


def test_a_subdistrict_must_lie_inside_the_district():
    assert ("subdistrict", "Sub-district SY090200 is not in SY0901.") in \
        incident_problems(district="SY0901", subdistrict="SY090200")


def test_a_month_precision_date_is_the_first_of_the_month():
    assert ("date_precision", "When only the month is known, the date must be the first of that month.") in \
        incident_problems(date="2016-01-05", date_precision="month")
    Incident(**{**INCIDENT, "date": "2016-01-01", "date_precision": "month"})


def test_an_unknown_code_is_refused():
    assert ("perpetrator", "'martians' is not one of the allowed values.") in incident_problems(perpetrator="martians")


def test_age_must_be_between_0_and_120():
    assert ("age", "The age must be between 0 and 120, not 121.") in victim_problems(age=121)
    assert ("age", "The age must be between 0 and 120, not -1.") in victim_problems(age=-1)
    assert ("age", "The age 'ten' is not a whole number of years.") in victim_problems(age="ten")


def test_age_and_age_group_must_agree():
    assert ("age_group", "Age 17 and age group 'adult' disagree: under 18 is a child, 18 and over an adult.") in \
        victim_problems(age=17, age_group="adult")
    assert ("age_group", "Age 18 and age group 'child' disagree: under 18 is a child, 18 and over an adult.") in \
        victim_problems(age=18, age_group="child")


def test_an_age_alone_gives_the_age_group():
    assert Victim(incident_uuid=Incident(**INCIDENT).incident_uuid, age=17).age_group == "child"
    assert Victim(incident_uuid=Incident(**INCIDENT).incident_uuid, age=18).age_group == "adult"
    assert Victim(incident_uuid=Incident(**INCIDENT).incident_uuid).age_group == "unknown"


def test_an_unidentified_victim_is_allowed():
    victim = Victim(incident_uuid=Incident(**INCIDENT).incident_uuid, sex="male", age_group="adult")
    assert not victim.is_identified
    assert victim.category == "men"


def test_a_death_date_cannot_precede_the_incident():
    incident = Incident(**INCIDENT)
    victim = Victim(incident_uuid=incident.incident_uuid, death_date="2016-01-04")
    [problem] = check_incident(incident, [victim])
    assert (problem.field, problem.victim_index) == ("death_date", 0)
    assert problem.message == "The death date 2016-01-04 is before the incident date 2016-01-05."
    assert check_incident(incident, [Victim(incident_uuid=incident.incident_uuid, death_date="2016-01-09")]) == []


def test_places_must_be_in_the_loaded_gazetteer(db, gazetteer_csv):
    from core.gazetteer import Gazetteer, import_gazetteer

    incident = Incident(**INCIDENT, district="SY0999")
    assert check_incident(incident, [], Gazetteer.from_database(db)) == []  # no gazetteer: nesting only
    import_gazetteer(db, gazetteer_csv, "amal")
    [problem] = check_incident(incident, [], Gazetteer.from_database(db))
    assert (problem.field, problem.message) == ("district", "SY0999 is not in the loaded gazetteer.")


def test_assignment_is_validated():
    incident = Incident(**INCIDENT)
    with pytest.raises(ValidationError):
        incident.governorate = "SY99"


def test_a_message_about_text_that_is_not_valid_unicode_can_still_be_shown():
    [(field, message)] = incident_problems(incident_uuid="\ud800")
    assert field == "incident_uuid"
    assert message == "'\\ud800' is not a valid UUID."
    message.encode("utf-8")
