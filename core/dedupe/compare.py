"""Two victim records side by side: which fields agree, differ only in spelling, or
differ, as the review screen highlights them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from core import names
from core.dedupe.score import part_similarity

State = Literal["same", "variant", "different", "missing"]

#: The fields shown, in order; `incident_*` come from each record's incident.
FIELDS = ("given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin",
          "sex", "age", "age_group", "civilian", "outcome", "death_date", "incident_date",
          "incident_governorate", "incident_locality", "incident_type", "incident_perpetrator")
NAME_FIELDS = {"given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin",
               "incident_locality"}


@dataclass(frozen=True)
class FieldComparison:
    field: str
    a: str
    b: str
    state: State


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def compare_records(a: dict[str, Any], b: dict[str, Any]) -> list[FieldComparison]:
    """Each field of two records (as :func:`core.dedupe.candidate_pairs` gives them):
    the same, a spelling variant of one name (أحمد / Ahmad), different, or missing on one
    side."""
    out = []
    for field in FIELDS:
        x, y = _text(a.get(field)), _text(b.get(field))
        if not x and not y:
            state: State = "same"
        elif not x or not y:
            state = "missing"
        elif x == y:
            state = "same"
        elif field in NAME_FIELDS:
            kx, ky = names.part_key(x), names.part_key(y)
            if kx == ky:
                state = "variant"
            else:
                state = "variant" if part_similarity(kx, ky) >= 0.85 else "different"
        else:
            state = "different"
        out.append(FieldComparison(field, x, y, state))
    return out
