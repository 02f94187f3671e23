"""As-you-type: the records already in the database that the victim being typed may be.

Blocking goes through the indexed skeletons in `victim_keys` (the same given name and the
same family name, or the same given name and the same father's name), nearest in date
first, so that a lookup reads a few dozen rows whatever the size of the database.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlite_utils import Database

from core import names
from core.dedupe.decisions import decided_with
from core.dedupe.profile import LIVE, PROFILE_COLUMNS, PROFILE_FROM, Profile, from_fields, from_row
from core.dedupe.score import THRESHOLD, max_days, quick_score, score_pair

#: Rows read per block and direction in date.
PER_BLOCK = 40


@dataclass
class LikelyMatch:
    victim_uuid: str
    incident_uuid: str
    incident_date: str
    governorate: str
    locality: str
    name: str
    names: dict[str, str]
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def block_keys(profile: Profile) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """((column, skeleton), (column, skeleton)) pairs under which a profile is filed, as
    the scan's passes file records."""
    out: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    for keys in (profile.keys, profile.filled, profile.latin):
        if keys is None:
            continue
        skel = [names.part_skeleton_of_key(k) if k else "" for k in keys]
        given, father, grandfather, family = skel
        for column, value in (("skel_family", family), ("skel_father", father),
                              ("skel_grandfather", grandfather)):
            if given and value:
                out.add((("skel_given", given), (column, value)))
        if family and father:
            out.add((("skel_family", family), ("skel_father", father)))
    return out


def _block_terms(profile: Profile, window: int) -> list[tuple[str, tuple]]:
    """The blocking queries of one profile: each its SQL and parameters (rows read: at
    most PER_BLOCK in each direction in date from the profile's day, in each block)."""
    terms: list[tuple[str, tuple]] = []
    for (col1, val1), (col2, val2) in sorted(block_keys(profile)):
        base = f"SELECT victim_uuid FROM victim_keys WHERE {col1} = ? AND {col2} = ?"
        if profile.day is None:
            terms.append((base + " LIMIT ?", (val1, val2, PER_BLOCK * 2)))
            continue
        day = date.fromordinal(profile.day)
        low = date.fromordinal(max(1, profile.day - window)).isoformat()
        high = date.fromordinal(min(date.max.toordinal(), profile.day + window)).isoformat()
        terms.append((base + " AND event_date >= ? AND event_date <= ? ORDER BY event_date LIMIT ?",
                      (val1, val2, day.isoformat(), high, PER_BLOCK)))
        terms.append((base + " AND event_date < ? AND event_date >= ? ORDER BY event_date DESC LIMIT ?",
                      (val1, val2, day.isoformat(), low, PER_BLOCK)))
    return terms


def _candidate_uuids(db: Database, profile: Profile, window: int) -> set[str]:
    found: set[str] = set()
    for sql, params in _block_terms(profile, window):
        found.update(r[0] for r in db.execute(sql, list(params)).fetchall())
    return found


#: Blocking queries sent in one statement (each a term of a UNION ALL).
TERMS_PER_QUERY = 100


def candidates_of(db: Database, found: list[Profile], window: int) -> dict[str, set[str]]:
    """For each profile (by victim UUID), the records :func:`matches_for` would compare it
    with, the record itself included: the blocking queries of all of them, each distinct
    query run once, a hundred to a statement (the victims of one incident mostly share
    their blocks and their date)."""
    terms: dict[tuple[str, tuple], int] = {}
    of: dict[str, list[int]] = {}
    for profile in found:
        of[profile.victim_uuid] = [terms.setdefault(t, len(terms)) for t in _block_terms(profile, window)]
    rows: list[set[str]] = [set() for _ in terms]
    listed = list(terms)
    for start in range(0, len(listed), TERMS_PER_QUERY):
        batch = listed[start:start + TERMS_PER_QUERY]
        sql = " UNION ALL ".join(f"SELECT {start + n}, victim_uuid FROM ({t[0]})" for n, t in enumerate(batch))
        for term, uuid in db.execute(sql, [x for t in batch for x in t[1]]).fetchall():
            rows[term].add(uuid)
    return {uuid: set().union(*(rows[t] for t in ts)) for uuid, ts in of.items()}


def matches_among(profile: Profile, others: list[Profile], min_score: float) -> list[tuple[Profile, float, list[str]]]:
    """Those of `others` scoring at least `min_score` against `profile`, best first."""
    out = []
    for other in others:
        if quick_score(profile, other, min_score) < min_score:
            continue
        match = score_pair(profile, other)
        if match.score >= min_score:
            out.append((other, match.score, match.reasons))
    out.sort(key=lambda m: (-m[1], m[0].victim_uuid))
    return out


def profiles(db: Database, uuids: list[str]) -> list[Profile]:
    out: list[Profile] = []
    for start in range(0, len(uuids), 500):
        batch = uuids[start:start + 500]
        marks = ",".join("?" * len(batch))
        out.extend(from_row(r) for r in db.execute(
            f"SELECT {PROFILE_COLUMNS} FROM {PROFILE_FROM} WHERE k.victim_uuid IN ({marks}) AND {LIVE}",
            batch).fetchall())
    return out


def matches_for(db: Database, profile: Profile, min_score: float) -> list[tuple[Profile, float, list[str]]]:
    """Every stored record scoring at least `min_score` against `profile`, best first,
    leaving out the record itself and pairs already decided."""
    uuids = _candidate_uuids(db, profile, max_days(min_score))
    uuids.discard(profile.victim_uuid)
    if profile.victim_uuid:
        uuids -= decided_with(db, profile.victim_uuid)
    return matches_among(profile, profiles(db, sorted(uuids)), min_score)


def likely_duplicates(
    db: Database,
    victim_fields: dict[str, Any],
    incident_fields: dict[str, Any] | None = None,
    limit: int = 10,
    min_score: float | None = None,
) -> list[LikelyMatch]:
    """The records already stored that the victim being typed is likely to be, best first.

    `victim_fields` and `incident_fields` use the exchange format's field names; any may
    be missing (a form half filled in). Needs a given name and a father's or family name.
    """
    profile = from_fields(victim_fields, incident_fields)
    found = matches_for(db, profile, THRESHOLD if min_score is None else min_score)[:limit]
    return [
        LikelyMatch(
            victim_uuid=p.victim_uuid, incident_uuid=p.incident_uuid, incident_date=p.incident_date,
            governorate=p.governorate, locality=p.place, name=p.display_name,
            names=dict(zip(("given_name", "father_name", "grandfather_name", "family_name"), p.raw, strict=True)),
            score=score, reasons=reasons,
        )
        for p, score, reasons in found
    ]
