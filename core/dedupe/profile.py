"""What the scoring looks at for one victim record, read from the stored keys or built
from fields being typed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from core import names

PARTS = names.NAME_PARTS

# The columns a profile is read from: stored keys, the victim, its incident.
PROFILE_COLUMNS = """k.victim_uuid, k.key_given, k.key_father, k.key_grandfather, k.key_family, k.key_latin,
    k.skel_given, k.skel_father, k.skel_grandfather, k.skel_family, k.event_date,
    v.incident_uuid, v.given_name, v.father_name, v.grandfather_name, v.family_name, v.name_latin,
    v.sex, v.age, v.age_group, i.date, i.governorate, i.locality, i.incident_type, i.perpetrator"""
PROFILE_FROM = """victim_keys k
    JOIN victims v ON v.victim_uuid = k.victim_uuid
    JOIN incidents i ON i.incident_uuid = v.incident_uuid"""
# `+deleted`: never an index term. Given a few hundred UUIDs, SQLite would otherwise walk
# the index of live victims (all of them: about two seconds at 500,000) for each batch.
LIVE = "+v.deleted = 0 AND +i.deleted = 0"


@dataclass(slots=True)
class Profile:
    victim_uuid: str
    incident_uuid: str
    keys: tuple[str, str, str, str]  # given, father, grandfather, family
    latin: tuple[str, str, str, str] | None  # the same, from name_latin, when given
    filled: tuple[str, str, str, str] | None  # keys, with parts they lack taken from name_latin
    raw: tuple[str, str, str, str]  # as typed, for reasons
    sex: str
    age: int | None
    age_group: str
    day: int | None  # ordinal of the death date, else the incident date
    incident_date: str
    governorate: str
    locality: str
    incident_type: str
    perpetrator: str
    place: str = ""  # the locality as written

    @property
    def display_name(self) -> str:
        return " ".join(p for p in self.raw if p)


@lru_cache(maxsize=65536)
def day_number(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10]).toordinal()
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def _place_key(locality: str) -> str:
    return names.normalize(locality)


def split_key(key: str) -> tuple[str, str, str, str] | None:
    """The tokens of a folded full name, as the four parts."""
    t = key.split()
    if not t:
        return None
    if len(t) == 1:
        return (t[0], "", "", "")
    if len(t) == 2:
        return (t[0], "", "", t[1])
    if len(t) == 3:
        return (t[0], t[1], "", t[2])
    return (t[0], t[1], t[2], " ".join(t[3:]))


def _filled(keys: tuple, latin: tuple | None) -> tuple[str, str, str, str] | None:
    if latin is None or all(keys):
        return None
    filled = tuple(k or x for k, x in zip(keys, latin, strict=True))
    return None if filled in (keys, latin) else filled  # type: ignore[return-value]


def from_row(row: tuple) -> Profile:
    """A profile from one row of `SELECT {PROFILE_COLUMNS} FROM {PROFILE_FROM}`."""
    (uuid, kg, kf, kgf, kfam, klat, _sg, _sf, _sgf, _sfam, event_date, incident_uuid,
     given, father, grandfather, family, name_latin, sex, age, age_group,
     inc_date, governorate, locality, incident_type, perpetrator) = row
    keys = (kg or "", kf or "", kgf or "", kfam or "")
    latin = split_key(klat) if klat else None
    if latin == keys:
        latin = None
    raw = (given or "", father or "", grandfather or "", family or "")
    if not any(raw) and name_latin:
        raw = (name_latin, "", "", "")
    return Profile(uuid, incident_uuid, keys, latin, _filled(keys, latin), raw, sex or "unknown", age, age_group or "unknown",
                   day_number(event_date or inc_date), inc_date or "", governorate or "",
                   _place_key(locality or ""), incident_type or "", perpetrator or "", locality or "")


def from_fields(victim: dict[str, Any], incident: dict[str, Any] | None = None) -> Profile:
    """A profile of a victim being typed (exchange-format field names), with its incident
    when known."""
    incident = incident or {}
    keys_map = names.victim_keys(victim)
    keys = tuple(keys_map[f"key_{p}"] for p in PARTS)
    latin = split_key(keys_map["key_latin"]) if keys_map["key_latin"] else None
    parts = names.name_parts(victim)
    raw = tuple(parts[p] for p in PARTS)
    age = victim.get("age")
    try:
        age = int(age) if age not in (None, "") else None
    except (TypeError, ValueError):
        age = None
    when = victim.get("death_date") or incident.get("date")
    return Profile(
        str(victim.get("victim_uuid") or ""), str(incident.get("incident_uuid") or victim.get("incident_uuid") or ""),
        keys, None if latin == keys else latin, _filled(keys, latin), raw,  # type: ignore[arg-type]
        str(victim.get("sex") or "unknown"), age, str(victim.get("age_group") or "unknown"),
        day_number(str(when) if when else None), str(incident.get("date") or ""),
        str(incident.get("governorate") or ""), names.normalize(str(incident.get("locality") or "")),
        str(incident.get("incident_type") or ""), str(incident.get("perpetrator") or ""),
        str(incident.get("locality") or ""),
    )
