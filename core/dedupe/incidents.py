"""Two incident records of one event: the same day (±1), the same place, the same
perpetrator and means, and victims in common."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel
from sqlite_utils import Database

from core import names
from core.dedupe.lookup import profiles
from core.dedupe.score import THRESHOLD, score_pair
from core.i18n import tr


@dataclass
class IncidentPair:
    incident_uuid_a: str
    incident_uuid_b: str
    shared_victims: int
    score: float
    reasons: list[str] = field(default_factory=list)


def _same_place(a: dict, b: dict) -> bool:
    for level in ("subdistrict", "district"):
        if a[level] and b[level] and a[level] != b[level]:
            return False
    la, lb = names.normalize(a["locality"] or ""), names.normalize(b["locality"] or "")
    return not (la and lb) or Indel.normalized_similarity(la, lb) >= 0.75


def likely_duplicate_incidents(
    db: Database, incident_uuids: Iterable[str] | None = None, min_shared: int = 1
) -> list[IncidentPair]:
    """Pairs of live incidents that are likely one event, each pair once, the most victims
    in common first. With `incident_uuids`, only pairs involving those incidents."""
    where = ""
    params: list[str] = []
    if incident_uuids is not None:
        chosen = list(dict.fromkeys(incident_uuids))
        if not chosen:
            return []
        where = f"AND (a.incident_uuid IN ({','.join('?' * len(chosen))}))"
        params = chosen
    rows = db.execute(
        f"""SELECT a.incident_uuid, b.incident_uuid FROM incidents a
            JOIN incidents b ON b.governorate = a.governorate
                AND b.date BETWEEN date(a.date, '-1 day') AND date(a.date, '+1 day')
                AND b.incident_uuid != a.incident_uuid
                AND b.perpetrator = a.perpetrator AND b.incident_type = a.incident_type
                AND b.deleted = 0
            WHERE a.deleted = 0 {where}""", params).fetchall()
    seen: set[tuple[str, str]] = set()
    out: list[IncidentPair] = []
    for x, y in rows:
        key = (x, y) if x < y else (y, x)
        if key in seen:
            continue
        seen.add(key)
        a, b = (db["incidents"].get(k) for k in key)
        if not _same_place(a, b):
            continue
        shared = _shared_victims(db, *key)
        if shared < min_shared:
            continue
        smaller = min(_victim_count(db, key[0]), _victim_count(db, key[1])) or 1
        reasons = [tr("Same perpetrator and means, same place, dates at most a day apart."),
                   tr("{n} victims in common.", n=shared)]
        out.append(IncidentPair(key[0], key[1], shared, round(min(1.0, shared / smaller), 3), reasons))
    out.sort(key=lambda p: (-p.shared_victims, p.incident_uuid_a))
    return out


def _victim_uuids(db: Database, incident_uuid: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT victim_uuid FROM victims WHERE incident_uuid = ? AND deleted = 0", [incident_uuid]).fetchall()]


def _victim_count(db: Database, incident_uuid: str) -> int:
    return len(_victim_uuids(db, incident_uuid))


def _shared_victims(db: Database, a: str, b: str) -> int:
    left, right = profiles(db, _victim_uuids(db, a)), profiles(db, _victim_uuids(db, b))
    used: set[str] = set()
    shared = 0
    for p in left:
        for q in right:
            if q.victim_uuid not in used and score_pair(p, q).score >= THRESHOLD:
                used.add(q.victim_uuid)
                shared += 1
                break
    return shared
