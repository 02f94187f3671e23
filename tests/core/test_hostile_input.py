"""Hostile and broken input at entry: every record either is refused with a clear message
or is stored exactly as given; never a crash, never a partial write."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from core.models import Incident, Victim, problems_from_error
from core.storage import open_database
from core.storage.records import RecordInvalid, load_incident, save_incident

HOSTILE_TEXT = [
    "Robert'); DROP TABLE victims;--", "' OR '1'='1", "\"; DELETE FROM incidents; --", "NULL", "%s%n%x",
    "\u202eدمحم", "Ali\u202dx", "\u2066Omar\u2069", "محمد\u200f", "\u200eAhmad",
    "a\x00b", "tab\there", "line\nbreak", "\x1b[31mred", "\x7f", "\u0085next", "\ufeffbom",
    "🙂" * 40, "ﷺ", "ـــ", "\u0301\u0301", "x" * 100_000, "", " ", "\u00a0",
    "<script>alert(1)</script>", "../../etc/passwd", "=cmd|' /C calc'!A0",
]
TEXT = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=200),
                 st.text(st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Mn", "Co"]), max_size=20))
ANY = st.one_of(TEXT, st.integers(), st.integers(min_value=2**53), st.integers(max_value=-(2**53)), st.floats(),
                st.none(), st.booleans(), st.binary(max_size=40), st.lists(st.integers(), max_size=2))

INCIDENT_FIELDS = ["incident_uuid", "origin", "review_status", "date", "date_precision", "governorate", "district",
                   "subdistrict", "locality", "latitude", "longitude", "incident_type", "perpetrator", "attribution",
                   "facility", "reported_killed", "source_count", "sources", "summary", "version", "created_by",
                   "updated_at"]
VICTIM_FIELDS = ["victim_uuid", "given_name", "father_name", "grandfather_name", "family_name", "mother_name",
                 "name_latin", "sex", "age", "age_group", "civilian", "occupation", "origin_governorate",
                 "origin_locality", "outcome", "death_date", "notes", "version", "created_by"]
BASE_INCIDENT = dict(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("hostile") / "h.db")
    yield db
    db.close()


def _counts(db) -> tuple[int, ...]:
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("incidents", "victims", "audit_log", "tally_facts", "victim_keys"))


def _build(cls: type, data: dict[str, Any]) -> Any:
    try:
        return cls(**data)
    except ValidationError as err:
        problems = problems_from_error(err)
        assert problems and all(p.message.strip() for p in problems)
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incident_changes=st.dictionaries(st.sampled_from(INCIDENT_FIELDS), ANY, max_size=3),
       victim_changes=st.lists(st.dictionaries(st.sampled_from(VICTIM_FIELDS), ANY, max_size=3), max_size=3))
def test_every_record_is_refused_clearly_or_stored_verbatim(hostile_db, incident_changes, victim_changes):
    db = hostile_db
    incident = _build(Incident, {**BASE_INCIDENT, **incident_changes})
    if incident is None:
        return
    victims = [_build(Victim, {"incident_uuid": incident.incident_uuid, **changes}) for changes in victim_changes]
    if any(v is None for v in victims):
        return
    before = _counts(db)
    try:
        saved = save_incident(db, incident, victims, "fuzz")
    except RecordInvalid as err:
        assert err.problems and all(p.message.strip() for p in err.problems)
        assert _counts(db) == before
        return
    stored, stored_victims = load_incident(db, saved.incident.incident_uuid)
    skip = {"version", "updated_at", "created_by"}
    assert stored.model_dump(exclude=skip) == incident.model_dump(exclude=skip)
    assert [v.model_dump(exclude=skip) for v in stored_victims] == [v.model_dump(exclude=skip) for v in victims]


def _victim(**fields: Any) -> Victim:
    return Victim(incident_uuid="9b2f4c1e-0000-4000-8000-000000000001", **fields)


@pytest.mark.parametrize("text", ["\u202eدمحم", "Ali\u202d", "\u2066Omar\u2069", "\u202aX"])
def test_a_direction_control_in_a_name_is_refused_with_its_code_point(text):
    with pytest.raises(ValidationError) as err:
        _victim(given_name=text)
    (problem,) = problems_from_error(err.value)
    assert problem.field == "given_name"
    assert "direction control (U+2" in problem.message and "remove it" in problem.message


def test_direction_marks_are_removed_from_names_but_free_text_keeps_them():
    victim = _victim(given_name="\u200fمحمد\u200e", family_name="ال\u061cأحمد", notes="\u200fملاحظة")
    assert victim.given_name == "محمد" and victim.family_name == "الأحمد"
    assert victim.notes == "\u200fملاحظة"


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("given_name", "a\nb", "one line"),
    ("given_name", "a\x00b", "U+0000"),
    ("notes", "a\x00b", "U+0000"),
    ("notes", "\x1b[31m", "U+001B"),
    ("notes", "x\ud800", "broken character (U+D800)"),
    ("given_name", "x" * 201, "201 characters long; at most 200"),
    ("notes", "x" * 50_001, "at most 50000"),
    ("version", 2**70, "too large"),
])
def test_broken_input_gets_a_message_that_says_what(field, value, expected):
    with pytest.raises(ValidationError) as err:
        _victim(**{field: value})
    assert any(expected in p.message and p.field == field for p in problems_from_error(err.value))


def test_free_text_keeps_line_breaks_and_tabs():
    assert _victim(notes="one\n\ttwo\r\n").notes == "one\n\ttwo\r\n"


def test_sql_looking_names_are_stored_verbatim_and_harm_nothing(hostile_db):
    incident = Incident(**BASE_INCIDENT)
    names = ["Robert'); DROP TABLE victims;--", "' OR '1'='1", "\"; DELETE FROM incidents; --"]
    victims = [Victim(incident_uuid=incident.incident_uuid, given_name=n, name_latin=n) for n in names]
    save_incident(hostile_db, incident, victims, "fuzz")
    _, stored = load_incident(hostile_db, incident.incident_uuid)
    assert [v.given_name for v in stored] == names
    assert hostile_db["victims"].exists() and hostile_db["incidents"].count >= 1
