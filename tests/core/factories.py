"""Small builders for records in tests."""
from __future__ import annotations

from typing import Any

from core.models import Incident, Victim


def incident(**fields: Any) -> Incident:
    base = dict(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    return Incident(**{**base, **fields})


def victim(inc: Incident, **fields: Any) -> Victim:
    base = dict(sex="male", age=30, civilian="civilian")
    return Victim(incident_uuid=inc.incident_uuid, **{**base, **fields})
