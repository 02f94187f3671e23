"""A quick way through the rules for the rows that plainly pass them.

Building a pydantic model for each of half a million rows costs about 100 µs a row, most of
it calling one Python validator per field through the model's machinery. The functions here
take the cells of an incidents.csv or victims.csv row and either return exactly what
`Model.model_validate(cells).model_dump(mode="json")` returns, or None. They never refuse
anything: None only means "ask the model", which then accepts the row or names the
problems as before. So a row is accepted here only when it is written in the plain form an
export writes (UUIDs in lower case, whole numbers without sign or padding, codes as they
are), and every check is the model's own function (`core.safe_text`, the UUID, time, date,
p-code and governorate checks of `core.models`). `tests/core/exchange/test_fast_rows.py`
checks on valid and invalid rows alike that whatever is accepted here, the model accepts
with the same result.
"""
from __future__ import annotations

import re
import typing
from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from core import safe_text
from core.models import (
    CHILD_AGE_LIMIT,
    EARLIEST_DATE,
    PCODE_RE,
    Incident,
    Victim,
    _check_timestamp,
    today,
)
from core.vocab import GOVERNORATE_CODES

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_WHOLE = re.compile(r"0|[1-9][0-9]{0,15}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DEGREES = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{1,15})?")
_PCODE = re.compile(r"SY[0-9]{2}(?:[0-9]{2}(?:[0-9]{2})?)?")
_GOVERNORATES = frozenset(GOVERNORATE_CODES)


def _literals(model: type[BaseModel], field: str) -> frozenset[str]:
    """The codes a Literal field (optional or not) takes."""
    annotation = model.model_fields[field].annotation
    args = typing.get_args(annotation)
    values = set()
    for arg in args:
        values |= set(typing.get_args(arg)) if typing.get_origin(arg) is typing.Literal else {arg}
    return frozenset(v for v in values if isinstance(v, str))


_CODES = {
    **{f: _literals(Victim, f) for f in ("sex", "age_group", "civilian", "outcome")},
    **{f: _literals(Incident, f) for f in ("review_status", "date_precision", "incident_type", "perpetrator",
                                             "attribution", "facility")},
}
_NULLABLE_CODES = ("attribution", "facility")


class _Ask(Exception):
    """The row is not plainly valid: the model decides."""


def _uuid(value: str) -> str:
    if _UUID.fullmatch(value) is None:
        raise _Ask
    return value


def _whole(value: str) -> int:
    if _WHOLE.fullmatch(value) is None:
        raise _Ask
    number = int(value)
    safe_text.check_int(number)
    return number


@lru_cache(maxsize=4096)  # a package holds few distinct times and dates
def _timestamp_ok(value: str) -> bool:
    try:
        return _check_timestamp(value) == value and safe_text.check_text("updated_at", value) == value
    except PydanticCustomError:
        return False


@lru_cache(maxsize=8192)
def _event_date_ok(value: str, on: date) -> bool:
    if _DATE.fullmatch(value) is None:
        return False
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return EARLIEST_DATE <= day <= on and day.isoformat() == value


def _event_date(value: str) -> str:
    if not _event_date_ok(value, today()):
        raise _Ask
    return value


def _code(field: str, value: str) -> str:
    if value not in _CODES[field]:
        raise _Ask
    return value


def _text(field: str, value: str) -> str:
    return safe_text.check_text(field, value)


# The models' fields in their order, read once (each read of `model_fields` costs a call).
_VICTIM_FIELDS = tuple(Victim.model_fields)
_INCIDENT_FIELDS = tuple(Incident.model_fields)


def _record(cells: dict[str, Any], out: dict[str, Any]) -> None:
    out["version"] = _whole(cells["version"])
    if out["version"] < 1:
        raise _Ask
    updated_at = cells["updated_at"]
    if not _timestamp_ok(updated_at):
        raise _Ask
    out["updated_at"] = updated_at
    out["created_by"] = _text("created_by", cells["created_by"])


def victim(cells: dict[str, Any]) -> dict[str, Any] | None:
    """`Victim.model_validate(cells).model_dump(mode="json")` when the row is plainly valid;
    otherwise None. `cells` is the model input of :func:`core.exchange.format.model_input`."""
    if len(cells) != len(_VICTIM_FIELDS):
        return None
    try:
        out: dict[str, Any] = {}
        _record(cells, out)
        out["victim_uuid"] = _uuid(cells["victim_uuid"])
        out["incident_uuid"] = _uuid(cells["incident_uuid"])
        for field in ("given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin"):
            out[field] = safe_text.check_name(cells[field])
        out["sex"] = _code("sex", cells["sex"])
        age = cells["age"]
        if age is not None:
            age = _whole(age)
            if age > 120:
                raise _Ask
        out["age"] = age
        group = _code("age_group", cells["age_group"])
        if age is not None:
            expected = "child" if age < CHILD_AGE_LIMIT else "adult"
            if group == "unknown":
                group = expected
            elif group != expected:
                raise _Ask
        out["age_group"] = group
        out["civilian"] = _code("civilian", cells["civilian"])
        out["occupation"] = _text("occupation", cells["occupation"])
        origin = cells["origin_governorate"]
        if origin is not None and origin not in _GOVERNORATES:
            raise _Ask
        out["origin_governorate"] = origin
        out["origin_locality"] = _text("origin_locality", cells["origin_locality"])
        out["outcome"] = _code("outcome", cells["outcome"])
        death = cells["death_date"]
        out["death_date"] = None if death is None else _event_date(death)
        out["notes"] = _text("notes", cells["notes"])
    except (_Ask, PydanticCustomError, KeyError, TypeError):
        return None
    return {field: out[field] for field in _VICTIM_FIELDS}


def _pcode(value: str | None) -> str | None:
    if value is not None and (_PCODE.fullmatch(value) is None or PCODE_RE.match(value) is None):
        raise _Ask
    return value


def _degrees(value: str | None, low: float, high: float) -> float | None:
    if value is None:
        return None
    if _DEGREES.fullmatch(value) is None:
        raise _Ask
    number = float(value)
    if not low <= number <= high:
        raise _Ask
    return number


def incident(cells: dict[str, Any]) -> dict[str, Any] | None:
    """`Incident.model_validate(cells).model_dump(mode="json")` when the row is plainly
    valid; otherwise None."""
    if len(cells) != len(_INCIDENT_FIELDS):
        return None
    try:
        out: dict[str, Any] = {}
        _record(cells, out)
        out["incident_uuid"] = _uuid(cells["incident_uuid"])
        out["origin"] = _uuid(cells["origin"])
        out["review_status"] = _code("review_status", cells["review_status"])
        day = _event_date(cells["date"])
        out["date"] = day
        precision = _code("date_precision", cells["date_precision"])
        if (precision == "month" and not day.endswith("-01")) or (precision == "year" and not day.endswith("-01-01")):
            raise _Ask
        out["date_precision"] = precision
        governorate = cells["governorate"]
        if governorate not in _GOVERNORATES:
            raise _Ask
        out["governorate"] = governorate
        district, subdistrict = _pcode(cells["district"]), _pcode(cells["subdistrict"])
        if district is not None and (len(district) != 6 or not district.startswith(governorate)):
            raise _Ask
        if subdistrict is not None and (len(subdistrict) != 8 or not subdistrict.startswith(district or governorate)):
            raise _Ask
        out["district"], out["subdistrict"] = district, subdistrict
        out["locality"] = _text("locality", cells["locality"])
        out["latitude"] = _degrees(cells["latitude"], 32.0, 37.5)
        out["longitude"] = _degrees(cells["longitude"], 35.5, 42.5)
        out["incident_type"] = _code("incident_type", cells["incident_type"])
        out["perpetrator"] = _code("perpetrator", cells["perpetrator"])
        for field in _NULLABLE_CODES:
            value = cells[field]
            out[field] = None if value is None else _code(field, value)
        killed = cells["reported_killed"]
        out["reported_killed"] = None if killed is None else _whole(killed)
        out["source_count"] = _whole(cells["source_count"])
        out["sources"] = _text("sources", cells["sources"])
        out["summary"] = _text("summary", cells["summary"])
    except (_Ask, PydanticCustomError, KeyError, TypeError):
        return None
    return {field: out[field] for field in _INCIDENT_FIELDS}
