"""The exchange format, version 1: file names, columns, and how a stored value becomes a
cell and back. The contract itself is `docs/exchange-format.md`; nothing here may change
it silently.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from core.i18n import tr
from core.models import Incident, Victim, _check_timestamp, _check_uuid, _error
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS

FORMAT = "tawthiq-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"

INCIDENTS = "incidents.csv"
VICTIMS = "victims.csv"
DECISIONS = "decisions.csv"
COMMENTS = "comments.csv"

DECISION_COLUMNS = ("decision_uuid", "victim_uuid_a", "victim_uuid_b", "decision", "decided_by",
                    "decided_at", "retracted")
COMMENT_COLUMNS = ("comment_uuid", "incident_uuid", "author", "written_at", "status_change", "text")

# Every file of the format, in the order a package is written and read, with its columns.
COLUMNS: dict[str, tuple[str, ...]] = {
    INCIDENTS: tuple(INCIDENT_COLUMNS),
    VICTIMS: tuple(VICTIM_COLUMNS),
    DECISIONS: DECISION_COLUMNS,
    COMMENTS: COMMENT_COLUMNS,
}
REQUIRED_FILES = (INCIDENTS, VICTIMS)

# The CSV dialect: RFC 4180 with CRLF line ends on export (LF is accepted on import).
CSV_OPTIONS: dict[str, Any] = {"delimiter": ",", "quotechar": '"', "lineterminator": "\r\n",
                               "doublequote": True, "strict": True}
BOM = "\ufeff"


def cell(value: Any) -> str:
    """A stored value as the cell text: empty for unknown, numbers as Python writes them
    (which reads back to the same number), text exactly as stored."""
    if value is None:
        return ""
    if isinstance(value, bool):  # never stored, but a bool is an int to Python
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _field_kinds(model: type[BaseModel]) -> tuple[frozenset[str], frozenset[str]]:
    """(text fields, where an empty cell is empty text; nullable fields, where it is None).
    Any other field must have a value."""
    text, nullable = set(), set()
    for name, info in model.model_fields.items():
        if info.annotation is str and info.default == "":
            text.add(name)
        elif not info.is_required() and info.default is None:
            nullable.add(name)
    return frozenset(text), frozenset(nullable)


class Decision(BaseModel):
    """A reviewer's decision about a pair of victims, as decisions.csv carries it."""

    model_config = ConfigDict(extra="forbid")

    decision_uuid: str
    victim_uuid_a: str
    victim_uuid_b: str
    decision: Literal["same_person", "different_people"]
    decided_by: str = ""
    decided_at: str
    retracted: Literal["true", "false"]

    @field_validator("decision_uuid", "victim_uuid_a", "victim_uuid_b", mode="before")
    @classmethod
    def _uuid(cls, value: Any) -> str:
        return _check_uuid(value)

    @field_validator("decided_at", mode="before")
    @classmethod
    def _at(cls, value: Any) -> str:
        return _check_timestamp(value)

    @model_validator(mode="after")
    def _pair(self) -> Decision:
        if self.victim_uuid_a == self.victim_uuid_b:
            raise _error("decision_pair", "A decision needs two different victims.")
        return self

    def row(self) -> dict[str, Any]:
        data = self.model_dump()
        data["retracted"] = 1 if self.retracted == "true" else 0
        return data


class Comment(BaseModel):
    """One comment of an incident's review thread, as comments.csv carries it."""

    model_config = ConfigDict(extra="forbid")

    comment_uuid: str
    incident_uuid: str
    author: str = ""
    written_at: str
    status_change: Literal["submitted", "approved", "returned", "rejected"] | None = None
    text: str = ""

    @field_validator("comment_uuid", "incident_uuid", mode="before")
    @classmethod
    def _uuid(cls, value: Any) -> str:
        return _check_uuid(value)

    @field_validator("written_at", mode="before")
    @classmethod
    def _at(cls, value: Any) -> str:
        return _check_timestamp(value)

    def row(self) -> dict[str, Any]:
        return self.model_dump()


MODELS: dict[str, type[BaseModel]] = {INCIDENTS: Incident, VICTIMS: Victim, DECISIONS: Decision,
                                      COMMENTS: Comment}
FIELD_KINDS = {name: _field_kinds(model) for name, model in MODELS.items()}


def decision_cells(row: dict[str, Any]) -> list[str]:
    values = dict(row)
    values["retracted"] = "true" if row.get("retracted") else "false"
    return [cell(values.get(c)) for c in DECISION_COLUMNS]


def model_input(file: str, cells: dict[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The cells of one row as input for the file's model, and (column, reason) for every
    empty cell whose type does not allow it."""
    text, nullable = FIELD_KINDS[file]
    data: dict[str, Any] = {}
    missing: list[tuple[str, str]] = []
    for column, value in cells.items():
        if value == "" and column not in text:
            if column in nullable:
                data[column] = None
            else:
                missing.append((column, tr("This is required.")))
            continue
        data[column] = value
    return data, missing
