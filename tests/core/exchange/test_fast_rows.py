"""The quick way through the rules accepts only what the models accept, with the same result."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from core.exchange import fast_rows
from core.exchange.format import INCIDENTS, VICTIMS, cell, model_input
from core.models import Incident, Victim

INCIDENT_ROW = {
    "incident_uuid": "0b9a9c8e-3f9e-4a5e-9d1c-2b4f6a8c0e12", "version": "3", "updated_at": "2020-01-02T03:04:05Z",
    "created_by": "alice", "origin": "7c1e5d2a-9b8f-4c3d-a2e1-f0e9d8c7b6a5", "review_status": "approved",
    "date": "2016-01-05", "date_precision": "day", "governorate": "SY02", "district": "SY0200",
    "subdistrict": "SY020000", "locality": "حي الشعار", "latitude": "36.2", "longitude": "37.15",
    "incident_type": "barrel_bomb", "perpetrator": "regime", "attribution": "believed", "facility": "market",
    "reported_killed": "12", "source_count": "2", "sources": "شاهد عيان\nناشط", "summary": 'Barrels on "the market"',
}
VICTIM_ROW = {
    "victim_uuid": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "incident_uuid": INCIDENT_ROW["incident_uuid"],
    "version": "1", "updated_at": "2020-01-02T03:04:05Z", "created_by": "bob", "given_name": "محمد",
    "father_name": "أحمد", "grandfather_name": "", "family_name": "الحلبي", "mother_name": "فاطمة",
    "name_latin": "Mohammad al-Halabi", "sex": "male", "age": "17", "age_group": "unknown", "civilian": "civilian",
    "occupation": "طالب", "origin_governorate": "SY02", "origin_locality": "", "outcome": "killed",
    "death_date": "2016-01-07", "notes": "=1+1",
}

# Values an exchange file could hold in any cell: the plain ones, near misses of each
# kind of value, and hostile text.
TRICKY = [
    "", " ", "0", "1", "17", "18", "120", "121", "-1", "+5", "05", " 5", "5 ", "5.0", "1e1", "٥", "9007199254740991",
    "9007199254740992", "99999999999999999999", "33.5", "36.2", "-36.2", "036.2", "36.", ".5", "nan", "inf", "1_0",
    "32", "37.5", "37.50000000000001", "42.5", "35.4999", "SY01", "SY14", "SY15", "sy01", "SY01 ", " SY01",
    "SY01\n", "SY0100", "SY010000", "SY0200", "SY020000", "SY0201", "SY02000", "SY٠١", "2016-01-05", "2016-01-01",
    "2016-1-5", "2016-02-30", "2011-02-28", "2011-03-01", "2099-01-01", "2016-01-05 ", "2016-01-05\n",
    "٢٠١٦-٠١-٠٥", "2020-01-02T03:04:05Z", "2020-01-02T03:04:05Z\n", "2020-13-02T03:04:05Z", "2020-01-02 03:04:05",
    "0B9A9C8E-3F9E-4A5E-9D1C-2B4F6A8C0E12", "{0b9a9c8e-3f9e-4a5e-9d1c-2b4f6a8c0e12}",
    "0b9a9c8e3f9e4a5e9d1c2b4f6a8c0e12", "not-a-uuid", "male", "female", "unknown", "child", "adult", "civilian",
    "combatant", "killed", "injured", "Male", "approved", "draft", "day", "month", "year", "regime", "other",
    "airstrike", "market", "believed", "true", "\ud800", "a\x00b", "a\tb", "a\nb", "\u202eabc", "\u200fمحمد",
    "x" * 201, "x" * 1001, "محمد\u2028", "=cmd", "NULL",
]


def _typed(value: Any) -> Any:
    """A value with its type, so that 1, 1.0 and True differ."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    return (type(value).__name__, value)


def _check(file: str, model: type, quick, cells: dict[str, str]) -> Any:
    data, missing = model_input(file, cells)
    fast = None if missing else quick(dict(data))
    try:
        expected = model.model_validate(data).model_dump(mode="json")
    except ValidationError:
        expected = None
    if fast is not None:
        assert not missing
        assert expected is not None, f"accepted quickly but refused by the model: {cells}"
        assert _typed(fast) == _typed(expected)
        assert list(fast) == list(expected)
    return fast, expected


def test_plain_rows_take_the_quick_way():
    fast, expected = _check(INCIDENTS, Incident, fast_rows.incident, INCIDENT_ROW)
    assert fast is not None and fast == expected
    fast, expected = _check(VICTIMS, Victim, fast_rows.victim, VICTIM_ROW)
    assert fast is not None and fast["age_group"] == "child"


def test_rows_an_export_writes_take_the_quick_way():
    from tests.core.factories import incident, victim

    inc = incident(district="SY0900", latitude=36.123456789, longitude=37.0, reported_killed=0, summary="a\r\nb")
    vic = victim(inc, given_name="\u200fعبد الله", age=None, death_date="2016-01-09", origin_governorate="SY14")
    for file, model, record, quick in ((INCIDENTS, Incident, inc, fast_rows.incident),
                                       (VICTIMS, Victim, vic, fast_rows.victim)):
        cells = {k: cell(v) for k, v in record.model_dump(mode="json").items()}
        fast, expected = _check(file, model, quick, cells)
        assert fast is not None and fast == expected


edits = st.dictionaries(st.sampled_from(sorted(INCIDENT_ROW)), st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)),
                        max_size=4)
victim_edits = st.dictionaries(st.sampled_from(sorted(VICTIM_ROW)),
                               st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=4)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_incidents_quick_way_agrees_with_the_model(changes):
    _check(INCIDENTS, Incident, fast_rows.incident, {**INCIDENT_ROW, **changes})


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(victim_edits)
def test_victims_quick_way_agrees_with_the_model(changes):
    _check(VICTIMS, Victim, fast_rows.victim, {**VICTIM_ROW, **changes})


@pytest.mark.parametrize(("file", "model", "quick", "row"), [
    (INCIDENTS, Incident, fast_rows.incident, INCIDENT_ROW), (VICTIMS, Victim, fast_rows.victim, VICTIM_ROW)])
def test_each_tricky_value_in_each_column(file, model, quick, row):
    taken = 0
    for column in row:
        for value in TRICKY:
            fast, _ = _check(file, model, quick, {**row, column: value})
            taken += fast is not None
    assert taken  # some of them are plain values the quick way takes


def test_an_extra_or_missing_column_is_left_to_the_model():
    data, _ = model_input(VICTIMS, {**VICTIM_ROW, "extra": "x"})
    assert fast_rows.victim(data) is None
    data, _ = model_input(VICTIMS, {k: v for k, v in VICTIM_ROW.items() if k != "notes"})
    assert fast_rows.victim(data) is None
