"""The records Tawthiq keeps: incidents and their victims.

Every field is that of the exchange format (`docs/exchange-format.md`). Rules that concern
one record are validators here, run on construction and on every assignment; rules that
concern an incident together with its victims, or need the gazetteer, are in
:func:`check_incident`. Every refusal carries a message a documenter can act on.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from core import safe_text
from core.i18n import number, tr
from core.vocab import (
    GOVERNORATE_CODES,
    AgeGroup,
    Attribution,
    Civilian,
    DatePrecision,
    Facility,
    IncidentType,
    Outcome,
    Perpetrator,
    ReviewStatus,
    Sex,
)

EARLIEST_DATE = date(2011, 3, 1)
CHILD_AGE_LIMIT = 18
TIMESTAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
PCODE_RE = re.compile(r"^SY\d{2}(\d{2}(\d{2})?)?$")

NAME_FIELDS = ("given_name", "father_name", "grandfather_name", "family_name", "mother_name")


def new_uuid() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    """The current UTC time in the exchange format's `YYYY-MM-DDTHH:MM:SSZ`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def today() -> date:
    return datetime.now(UTC).date()


def _printable(value: Any) -> Any:
    """A value as it can be shown in a message: text that is not valid Unicode (lone
    surrogates) is escaped instead of breaking the message."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _error(code: str, template: str, **context: Any) -> PydanticCustomError:
    # The template is translated here; pydantic fills in the context.
    return PydanticCustomError(code, tr(template), {k: _printable(v) for k, v in context.items()})


def _check_uuid(value: Any) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, AttributeError, TypeError):
        raise _error("uuid", "'{value}' is not a valid UUID.", value=str(value)) from None


def _check_timestamp(value: Any) -> str:
    text = str(value)
    if not TIMESTAMP_RE.match(text):
        raise _error("timestamp", "'{value}' is not a UTC time written YYYY-MM-DDTHH:MM:SSZ.", value=text)
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise _error("timestamp", "'{value}' is not a real date and time.", value=text) from None
    return text


def parse_date(value: Any) -> date:
    """A `YYYY-MM-DD` date, with a documenter's message when it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise _error("date_format", "'{value}' is not a date written YYYY-MM-DD.", value=text)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _error("date_impossible", "{value} does not exist in the calendar.", value=text) from None


def _check_event_date(value: date) -> date:
    if value < EARLIEST_DATE:
        raise _error(
            "date_too_early",
            "The date {value} is before 1 March 2011, where documentation begins.",
            value=value.isoformat(),
        )
    if value > today():
        raise _error("date_in_future", "The date {value} is in the future.", value=value.isoformat())
    return value


class Record(BaseModel):
    """What incidents and victims share: identity, version and authorship."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid", str_strip_whitespace=False)

    version: int = Field(default=1, ge=1)
    updated_at: str = Field(default_factory=utc_now)
    created_by: str = ""

    @field_validator("updated_at", mode="before")
    @classmethod
    def _timestamp(cls, value: Any) -> str:
        return _check_timestamp(value)

    @field_validator("*", mode="after")
    @classmethod
    def _safe(cls, value: Any, info: ValidationInfo) -> Any:
        # Broken, hostile and runaway input: see core.safe_text.
        if isinstance(value, str):
            if info.field_name in safe_text.NAME_FIELDS:
                return safe_text.check_name(value)
            return safe_text.check_text(info.field_name or "", value)
        if isinstance(value, int):
            return safe_text.check_int(value)
        return value

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> Any:
        if isinstance(value, int) and value < 1:
            raise _error("version", "The version must be 1 or more, not {value}.", value=value)
        return value


class Incident(Record):
    """One event: an airstrike, a shelling, a massacre."""

    incident_uuid: str = Field(default_factory=new_uuid)
    origin: str = Field(default_factory=new_uuid)
    review_status: ReviewStatus = "draft"
    date: date
    date_precision: DatePrecision = "day"
    governorate: str
    district: str | None = None
    subdistrict: str | None = None
    locality: str = ""
    latitude: float | None = None
    longitude: float | None = None
    incident_type: IncidentType
    perpetrator: Perpetrator
    attribution: Attribution | None = None
    facility: Facility | None = None
    reported_killed: int | None = None
    source_count: int = 0
    sources: str = ""
    summary: str = ""

    @field_validator("incident_uuid", "origin", mode="before")
    @classmethod
    def _uuid(cls, value: Any) -> str:
        return _check_uuid(value)

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> date:
        return _check_event_date(parse_date(value))

    @field_validator("governorate", mode="before")
    @classmethod
    def _governorate(cls, value: Any) -> str:
        text = "" if value is None else str(value).strip()
        if text == "":
            raise _error("governorate_missing", "Choose the governorate where it happened.")
        if text not in GOVERNORATE_CODES:
            raise _error(
                "governorate_unknown",
                "'{value}' is not a Syrian governorate (SY01 to SY14).",
                value=text,
            )
        return text

    @field_validator("district", "subdistrict", mode="before")
    @classmethod
    def _pcode(cls, value: Any) -> str | None:
        if value is None or str(value).strip() == "":
            return None
        text = str(value).strip()
        if not PCODE_RE.match(text):
            raise _error("pcode", "'{value}' is not a p-code.", value=text)
        return text

    @field_validator("latitude", mode="after")
    @classmethod
    def _latitude(cls, value: float | None) -> float | None:
        if value is not None and not (32.0 <= value <= 37.5):
            raise _error("latitude", "Latitude {value} lies outside Syria.", value=value)
        return value

    @field_validator("longitude", mode="after")
    @classmethod
    def _longitude(cls, value: float | None) -> float | None:
        if value is not None and not (35.5 <= value <= 42.5):
            raise _error("longitude", "Longitude {value} lies outside Syria.", value=value)
        return value

    @field_validator("reported_killed", mode="after")
    @classmethod
    def _reported(cls, value: int | None) -> int | None:
        if value is not None and value < 0:
            raise _error("count_negative", "A number of deaths cannot be negative.")
        return value

    @field_validator("source_count", mode="after")
    @classmethod
    def _sources(cls, value: int) -> int:
        if value < 0:
            raise _error("count_negative", "A number of sources cannot be negative.")
        return value

    @model_validator(mode="after")
    def _places_nest(self) -> Incident:
        if self.district and not self.district.startswith(self.governorate):
            raise _error(
                "district_outside",
                "District {district} is not in governorate {governorate}.",
                district=self.district,
                governorate=self.governorate,
            )
        if self.subdistrict and len(self.subdistrict) != 8:
            raise _error("pcode", "'{value}' is not a sub-district p-code.", value=self.subdistrict)
        if self.district and len(self.district) != 6:
            raise _error("pcode", "'{value}' is not a district p-code.", value=self.district)
        if self.subdistrict and not self.subdistrict.startswith(self.district or self.governorate):
            raise _error(
                "subdistrict_outside",
                "Sub-district {subdistrict} is not in {parent}.",
                subdistrict=self.subdistrict,
                parent=self.district or self.governorate,
            )
        if self.date_precision == "month" and self.date.day != 1:
            raise _error(
                "date_precision",
                "When only the month is known, the date must be the first of that month.",
            )
        if self.date_precision == "year" and (self.date.month, self.date.day) != (1, 1):
            raise _error(
                "date_precision",
                "When only the year is known, the date must be 1 January of that year.",
            )
        return self


class Victim(Record):
    """One person killed or injured in an incident. An unidentified victim has no name."""

    victim_uuid: str = Field(default_factory=new_uuid)
    incident_uuid: str
    given_name: str = ""
    father_name: str = ""
    grandfather_name: str = ""
    family_name: str = ""
    mother_name: str = ""
    name_latin: str = ""
    sex: Sex = "unknown"
    age: int | None = None
    age_group: AgeGroup = "unknown"
    civilian: Civilian = "unknown"
    occupation: str = ""
    origin_governorate: str | None = None
    origin_locality: str = ""
    outcome: Outcome = "killed"
    death_date: date | None = None
    notes: str = ""

    @field_validator("victim_uuid", "incident_uuid", mode="before")
    @classmethod
    def _uuid(cls, value: Any) -> str:
        return _check_uuid(value)

    @field_validator("age", mode="before")
    @classmethod
    def _age(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        try:
            age = int(str(value).strip())
        except ValueError:
            raise _error("age_format", "The age '{value}' is not a whole number of years.", value=value) from None
        if not 0 <= age <= 120:
            raise _error("age_range", "The age must be between 0 and 120, not {value}.", value=age)
        return age

    @field_validator("origin_governorate", mode="before")
    @classmethod
    def _origin(cls, value: Any) -> str | None:
        if value is None or str(value).strip() == "":
            return None
        text = str(value).strip()
        if text not in GOVERNORATE_CODES:
            raise _error(
                "governorate_unknown",
                "'{value}' is not a Syrian governorate (SY01 to SY14).",
                value=text,
            )
        return text

    @field_validator("death_date", mode="before")
    @classmethod
    def _death_date(cls, value: Any) -> date | None:
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        return _check_event_date(parse_date(value))

    @model_validator(mode="before")
    @classmethod
    def _infer_age_group(cls, data: Any) -> Any:
        # Age 17 alone means a child; the group is filled in, never guessed against the age.
        if isinstance(data, dict):
            age = data.get("age")
            group = data.get("age_group")
            if group in (None, "", "unknown") and age not in (None, ""):
                try:
                    years = int(str(age).strip())
                except ValueError:
                    return data
                if 0 <= years <= 120:
                    data = {**data, "age_group": "child" if years < CHILD_AGE_LIMIT else "adult"}
        return data

    @model_validator(mode="after")
    def _age_agrees(self) -> Victim:
        if self.age is not None and self.age_group != "unknown":
            expected = "child" if self.age < CHILD_AGE_LIMIT else "adult"
            if self.age_group != expected:
                raise _error(
                    "age_group_mismatch",
                    "Age {age} and age group '{group}' disagree: under 18 is a child, 18 and over an adult.",
                    age=self.age,
                    group=self.age_group,
                )
        return self

    @property
    def is_identified(self) -> bool:
        return any(getattr(self, name).strip() for name in NAME_FIELDS) or bool(self.name_latin.strip())

    @property
    def full_name(self) -> str:
        parts = [self.given_name, self.father_name, self.grandfather_name, self.family_name]
        text = " ".join(p.strip() for p in parts if p.strip())
        return text or self.name_latin.strip()

    @property
    def category(self) -> str:
        """Children, women, men or unknown, as the tallies count them."""
        return victim_category(self.age_group, self.sex)


def victim_category(age_group: str, sex: str) -> str:
    if age_group == "child":
        return "children"
    if age_group == "adult" and sex == "female":
        return "women"
    if age_group == "adult" and sex == "male":
        return "men"
    return "unknown"


@dataclass(frozen=True)
class Problem:
    """One reason a record cannot be saved: which record, which field, and why."""

    field: str
    message: str
    code: str = ""
    victim_index: int | None = None  # None: the incident itself

    def __str__(self) -> str:
        if self.victim_index is None:
            return f"{self.field}: {self.message}" if self.field else self.message
        victim = number(self.victim_index + 1)
        if self.field:
            return tr("victim {number}, {field}: {message}", number=victim, field=self.field, message=self.message)
        return tr("victim {number}, {message}", number=victim, message=self.message)


# Rules across fields are reported against the field a documenter should correct.
_CROSS_FIELD = {
    "age_group_mismatch": "age_group",
    "district_outside": "district",
    "subdistrict_outside": "subdistrict",
    "date_precision": "date_precision",
}


def problems_from_error(error: ValidationError, victim_index: int | None = None) -> list[Problem]:
    """Turn a pydantic error into problems with plain messages."""
    problems = []
    for item in error.errors(include_url=False):
        field = ".".join(str(p) for p in item.get("loc", ())) or _CROSS_FIELD.get(item["type"], "")
        message = item["msg"]
        if item["type"] == "literal_error":
            message = tr("'{value}' is not one of the allowed values.", value=item.get("input"))
        elif item["type"] == "missing":
            message = tr("This is required.")
        elif item["type"] in ("int_parsing", "float_parsing", "int_from_float"):
            message = tr("'{value}' is not a number.", value=item.get("input"))
        elif item["type"] == "extra_forbidden":
            message = tr("This field is not part of the record.")
        problems.append(Problem(field=field, message=message, code=item["type"], victim_index=victim_index))
    return problems


def check_incident(incident: Incident, victims: list[Victim], gazetteer: Any = None) -> list[Problem]:
    """Rules across an incident and its victims, and against a loaded gazetteer.

    `gazetteer` is anything with a `contains(pcode)` method (see :mod:`core.gazetteer`);
    with none loaded, only the nesting of p-codes is checked.
    """
    problems: list[Problem] = []
    if gazetteer is not None and gazetteer.loaded:
        for name in ("district", "subdistrict"):
            code = getattr(incident, name)
            if code and not gazetteer.contains(code):
                problems.append(Problem(name, tr("{code} is not in the loaded gazetteer.", code=code), "pcode_unknown"))
    for index, victim in enumerate(victims):
        if victim.incident_uuid != incident.incident_uuid:
            problems.append(Problem("incident_uuid", tr("This victim belongs to another incident."), "victim_incident", index))
        if victim.death_date is not None and victim.death_date < incident.date:
            problems.append(
                Problem(
                    "death_date",
                    tr(
                        "The death date {death} is before the incident date {incident}.",
                        death=victim.death_date.isoformat(),
                        incident=incident.date.isoformat(),
                    ),
                    "death_before_incident",
                    index,
                )
            )
    return problems
