"""What an entry form holds, and how it becomes records.

A form holds text as typed (`values` for the incident, one dict per victim row); this
module turns it into :class:`~core.models.Incident` and :class:`~core.models.Victim`, and
reports every reason it cannot be saved as :class:`~core.models.Problem` — the messages a
documenter sees next to the field. The GUI, the tests and any other front end share it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from core.i18n import tr
from core.models import (
    CHILD_AGE_LIMIT,
    Incident,
    Problem,
    Victim,
    check_incident,
    new_uuid,
    problems_from_error,
)

INCIDENT_FIELDS = (
    "date", "date_precision", "governorate", "district", "subdistrict", "locality",
    "incident_type", "perpetrator", "attribution", "facility", "reported_killed",
    "source_count", "sources", "summary",
)
# Kept from a loaded record and passed back unchanged: the form does not edit them.
INCIDENT_KEPT = ("incident_uuid", "version", "updated_at", "created_by", "origin", "review_status",
                 "latitude", "longitude")
VICTIM_FIELDS = (
    "given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin",
    "sex", "age", "age_group", "civilian", "outcome", "death_date", "notes",
)
VICTIM_KEPT = ("victim_uuid", "version", "updated_at", "created_by", "occupation",
               "origin_governorate", "origin_locality")
VICTIM_DEFAULTS = {"sex": "unknown", "age_group": "unknown", "civilian": "unknown", "outcome": "killed"}

REQUIRED_FIELDS = ("date", "governorate", "incident_type", "perpetrator")


def required_message(name: str) -> str:
    """What to do about a required field left empty, in the user's language."""
    messages = {
        "date": tr("Enter the date of the incident, written YYYY-MM-DD."),
        "governorate": tr("Choose the governorate where it happened."),
        "incident_type": tr("Choose the means of the attack."),
        "perpetrator": tr("Choose the party held responsible."),
    }
    return messages[name]


_OPTIONAL_EMPTY_IS_NONE = ("district", "subdistrict", "attribution", "facility", "reported_killed",
                           "latitude", "longitude", "age", "death_date", "origin_governorate")

# Unidentified victims entered in one step: kind -> (sex, age group).
UNIDENTIFIED_KINDS: dict[str, tuple[str, str]] = {
    "men": ("male", "adult"),
    "women": ("female", "adult"),
    "boys": ("male", "child"),
    "girls": ("female", "child"),
    "children": ("unknown", "child"),
    "unknown": ("unknown", "unknown"),
}


def blank_incident(origin: str | None = None) -> dict[str, Any]:
    """The values of an empty form for a new incident."""
    values: dict[str, Any] = {name: "" for name in INCIDENT_FIELDS}
    values.update(date_precision="day", incident_uuid=new_uuid(), review_status="draft")
    if origin:
        values["origin"] = origin
    return values


def blank_victim() -> dict[str, Any]:
    """An empty victim row with its own UUID."""
    return {"victim_uuid": new_uuid(), **{name: "" for name in VICTIM_FIELDS}, **VICTIM_DEFAULTS}


def is_blank_victim(row: dict[str, Any]) -> bool:
    """A row nobody typed into: every field empty or at its default. It is not saved.
    Rows added as unidentified victims are never blank."""
    if row.get("unidentified"):
        return False
    return all(str(row.get(name) or "") in ("", VICTIM_DEFAULTS.get(name, "")) for name in VICTIM_FIELDS)


def inferred_age_group(age: Any) -> str | None:
    """The age group an age in years implies (as the records' rules infer it), or None."""
    try:
        years = int(str(age).strip())
    except ValueError:
        return None
    if not 0 <= years <= 120:
        return None
    return "child" if years < CHILD_AGE_LIMIT else "adult"


def unidentified_victims(counts: dict[str, int], civilian: str = "civilian") -> list[dict[str, Any]]:
    """Rows for unidentified victims, e.g. `{"men": 7, "children": 5}` gives 12 rows."""
    rows = []
    for kind, (sex, group) in UNIDENTIFIED_KINDS.items():
        number = counts.get(kind, 0)
        if number < 0:
            raise ValueError(tr("A number of victims cannot be negative."))
        for _ in range(number):
            rows.append({**blank_victim(), "sex": sex, "age_group": group, "civilian": civilian,
                         "unidentified": True})
    return rows


def values_from_incident(incident: Incident) -> dict[str, Any]:
    """Form values for a stored incident."""
    data = incident.model_dump(mode="json")
    return {name: _text(data.get(name)) for name in (*INCIDENT_FIELDS, *INCIDENT_KEPT)}


def row_from_victim(victim: Victim) -> dict[str, Any]:
    data = victim.model_dump(mode="json")
    return {name: _text(data.get(name)) for name in (*VICTIM_FIELDS, *VICTIM_KEPT)}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str):
            value = value.strip()
        if key in _OPTIONAL_EMPTY_IS_NONE and value == "":
            value = None
        if key in ("version",) and value == "":
            continue
        if key in ("updated_at", "created_by", "origin", "incident_uuid") and value in ("", None):
            continue
        out[key] = value
    return out


def complete_date(text: str, precision: str) -> str:
    """`2016-01` with month precision is 2016-01-01; `2016` with year precision is 2016-01-01."""
    text = text.strip()
    if precision == "month" and re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{text}-01"
    if precision == "year" and re.fullmatch(r"\d{4}", text):
        return f"{text}-01-01"
    return text


@dataclass
class Entry:
    """The records a form's content makes, or the problems that keep it from being saved."""

    incident: Incident | None
    victims: list[Victim]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.incident is not None and not self.problems


def build_entry(values: dict[str, Any], rows: list[dict[str, Any]], gazetteer: Any = None) -> Entry:
    """Turn form values into records. `victim_index` of each problem is the row's index in
    `rows` (blank rows are left out of the records but keep their place)."""
    problems: list[Problem] = []
    data = _clean({k: v for k, v in values.items() if k in INCIDENT_FIELDS or k in INCIDENT_KEPT})
    if data.get("source_count") in ("", None):
        data["source_count"] = 0
    if isinstance(data.get("date"), str):
        data["date"] = complete_date(data["date"], str(data.get("date_precision") or "day"))
    for name in REQUIRED_FIELDS:
        if data.get(name) in ("", None):
            problems.append(Problem(name, required_message(name), "required"))
            data.pop(name, None)
    incident: Incident | None = None
    try:
        incident = Incident.model_validate(data)
    except ValidationError as error:
        required = {p.field for p in problems}
        problems += [p for p in problems_from_error(error) if not (p.code == "missing" and p.field in required)]
    incident_uuid = str(data.get("incident_uuid") or (incident.incident_uuid if incident else new_uuid()))
    victims: list[Victim] = []
    positions: list[int] = []
    for index, row in enumerate(rows):
        if is_blank_victim(row):
            continue
        vdata = _clean({k: v for k, v in row.items() if k in VICTIM_FIELDS or k in VICTIM_KEPT})
        vdata["incident_uuid"] = incident_uuid
        try:
            victims.append(Victim.model_validate(vdata))
            positions.append(index)
        except ValidationError as error:
            problems += problems_from_error(error, victim_index=index)
    if incident is not None:
        for problem in check_incident(incident, victims, gazetteer):
            if problem.victim_index is not None:
                problem = Problem(problem.field, problem.message, problem.code, positions[problem.victim_index])
            problems.append(problem)
    return Entry(incident=incident, victims=victims, problems=problems)
