"""Reviewers' decisions about pairs of victim records: the same person (linked, both
records kept, the person counted once) or different people (never flagged again).
A decision is taken back by retracting it; it stays on record."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core import audit
from core.changes import Changes
from core.i18n import tr
from core.models import new_uuid, utc_now
from core.storage.facts import relink_persons
from core.storage.records import RecordNotFound

DECISIONS = ("same_person", "different_people")


class DecisionError(ValueError):
    """A decision that cannot be taken, with the reason."""


@dataclass
class Decided(Changes):
    """What a decision touched, and the decision's UUID (to undo it)."""

    decision_uuid: str = ""


def pair(a: str, b: str) -> tuple[str, str]:
    """The pair in its stored order."""
    return (a, b) if a <= b else (b, a)


def active_decision(db: Database, a: str, b: str) -> dict[str, Any] | None:
    """The decision in force about a pair, if any."""
    x, y = pair(a, b)
    rows = list(db.query(
        """SELECT * FROM duplicate_decisions WHERE retracted = 0
           AND ((victim_uuid_a = ? AND victim_uuid_b = ?) OR (victim_uuid_a = ? AND victim_uuid_b = ?))
           ORDER BY decided_at DESC, rowid DESC LIMIT 1""", [x, y, y, x]))
    return rows[0] if rows else None


def decided_with(db: Database, victim_uuid: str) -> set[str]:
    """The records a decision in force pairs with this one."""
    return {r[0] for r in db.execute(
        """SELECT victim_uuid_b FROM duplicate_decisions WHERE retracted = 0 AND victim_uuid_a = ?
           UNION SELECT victim_uuid_a FROM duplicate_decisions WHERE retracted = 0 AND victim_uuid_b = ?""",
        [victim_uuid, victim_uuid]).fetchall()}


def decided_pairs(db: Database) -> set[tuple[str, str]]:
    """Every pair a decision in force is about, in stored order."""
    return {pair(a, b) for a, b in db.execute(
        "SELECT victim_uuid_a, victim_uuid_b FROM duplicate_decisions WHERE retracted = 0").fetchall()}


def _victim_exists(db: Database, uuid: str) -> bool:
    return db.execute("SELECT 1 FROM victims WHERE victim_uuid = ? AND deleted = 0", [uuid]).fetchone() is not None


def decide(db: Database, a: str, b: str, decision: str, user: str, *, now: str | None = None) -> Decided:
    """Record that two victim records are the same person or different people.

    A decision already in force about the pair is retracted first. "Same person" links the
    records so that the person counts once in every tally; both records stay.
    """
    if decision not in DECISIONS:
        raise DecisionError(tr("'{value}' is not a decision: same_person or different_people.", value=decision))
    if a == b:
        raise DecisionError(tr("A record cannot be compared with itself."))
    for uuid in (a, b):
        if not _victim_exists(db, uuid):
            raise RecordNotFound(tr("No victim {uuid}.", uuid=uuid))
    now = now or utc_now()
    x, y = pair(a, b)
    with db.atomic():
        previous = active_decision(db, x, y)
        if previous is not None:
            _retract_row(db, previous, user, now)
        row = {"decision_uuid": new_uuid(), "victim_uuid_a": x, "victim_uuid_b": y, "decision": decision,
               "decided_by": user, "decided_at": now, "retracted": 0}
        db["duplicate_decisions"].insert(row)
        audit.append(db, user=user, action="decide", record_type="duplicate_decision",
                     record_uuid=row["decision_uuid"], before=None,
                     after={k: v for k, v in row.items() if k != "decision_uuid"}, at=now)
        db.execute("DELETE FROM duplicate_candidates WHERE victim_uuid_a = ? AND victim_uuid_b = ?", [x, y])
        incidents = relink_persons(db, [x, y])
    return Decided(incidents=incidents, victims={x, y}, tallies=True, duplicates=True,
                   decision_uuid=row["decision_uuid"])


def _retract_row(db: Database, row: dict[str, Any], user: str, now: str) -> None:
    db.execute("UPDATE duplicate_decisions SET retracted = 1 WHERE decision_uuid = ?", [row["decision_uuid"]])
    audit.append(db, user=user, action="retract", record_type="duplicate_decision",
                 record_uuid=row["decision_uuid"], before={"retracted": 0}, after={"retracted": 1}, at=now)


def retract(db: Database, decision_uuid: str, user: str, *, now: str | None = None) -> Changes:
    """Take a decision back: the records are unlinked (or may be flagged again)."""
    rows = list(db.query("SELECT * FROM duplicate_decisions WHERE decision_uuid = ?", [decision_uuid]))
    if not rows:
        raise RecordNotFound(tr("No duplicate decision {uuid}.", uuid=decision_uuid))
    row = rows[0]
    if row["retracted"]:
        return Changes()
    from core.dedupe.candidates import restore_candidate  # it scores, which needs this module

    with db.atomic():
        _retract_row(db, row, user, now or utc_now())
        incidents = relink_persons(db, [row["victim_uuid_a"], row["victim_uuid_b"]])
        if active_decision(db, row["victim_uuid_a"], row["victim_uuid_b"]) is None:
            restore_candidate(db, row["victim_uuid_a"], row["victim_uuid_b"])  # listed again for review
    return Changes(incidents=incidents, victims={row["victim_uuid_a"], row["victim_uuid_b"]},
                   tallies=True, duplicates=True)
