"""The review workflow: who may move an incident from one state to another.

    draft ──submit──▶ submitted ──approve──▶ approved
    returned ─submit─▶    │ ──return (comment)──▶ returned (back to the documenter)
    rejected ─submit─▶    └──reject (comment)──▶ rejected

- anyone with an account submits; only a reviewer or an admin approves, returns or
  rejects, and never approves an entry of their own (one they created, or changed since it
  was last approved); returning and rejecting need a comment the documenter can act on;
- saving a changed approved incident sends it back to `submitted` (see
  `core.storage.records.save_incident`); its approved snapshot keeps counting until the
  new version is approved, which replaces the snapshot;
- while the database has no account, the built-in local user does everything, and the
  rule about one's own entries waits for the first account (there is nobody else yet).

Every step raises the incident's version, writes a comment carrying the step (`status_change`),
appends to the history, and returns :class:`Changes`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlite_utils import Database

from core import accounts, audit, comments, vocab
from core.accounts import PermissionDenied
from core.changes import Changes
from core.comments import Comment
from core.i18n import tr
from core.models import utc_now
from core.storage.facts import refresh_facts
from core.storage.records import RecordNotFound, write_snapshot

Step = Literal["submit", "approve", "return", "reject"]
STEPS: tuple[str, ...] = ("submit", "approve", "return", "reject")
# step -> (states it starts from, state it leads to, permission it needs)
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "submit": (frozenset({"draft", "returned", "rejected"}), "submitted", "submit"),
    "approve": (frozenset({"submitted"}), "approved", "review"),
    "return": (frozenset({"submitted"}), "returned", "review"),
    "reject": (frozenset({"submitted"}), "rejected", "review"),
}
COMMENT_REQUIRED = frozenset({"return", "reject"})

__all__ = ["PermissionDenied", "ReviewRefused", "CommentRequired", "transition", "submit", "approve",
           "return_to_documenter", "reject", "approve_many", "add_comment", "thread", "review_queue",
           "queue_count", "queue_documenters", "is_own_entry", "allowed_steps"]


class ReviewRefused(ValueError):
    """The step does not apply to the incident as it stands."""


class CommentRequired(ReviewRefused):
    """Returning or rejecting needs a comment saying why."""


def _step_label(step: str) -> str:
    return {"submit": tr("submitted"), "approve": tr("approved"), "return": tr("returned"),
            "reject": tr("rejected")}[step]


def _incident_state(db: Database, incident_uuid: str) -> tuple[str, int, bool, str]:
    row = db.execute(
        "SELECT review_status, version, deleted, created_by FROM incidents WHERE incident_uuid = ?", [incident_uuid]
    ).fetchone()
    if row is None:
        raise RecordNotFound(tr("There is no incident {uuid}.", uuid=incident_uuid))
    return row[0], row[1], bool(row[2]), row[3] or ""


def is_own_entry(db: Database, user: str, incident_uuid: str) -> bool:
    """Whether `user` created the incident, or changed it or its victims since it was last
    approved."""
    _, _, _, created_by = _incident_state(db, incident_uuid)
    if created_by == user:
        return True
    row = db.execute(
        "SELECT MAX(seq) FROM audit_log WHERE record_type = 'incident' AND record_uuid = ? AND action = 'approve'",
        [incident_uuid],
    ).fetchone()
    since = row[0] or 0
    return db.execute(
        """SELECT 1 FROM audit_log
           WHERE seq > ? AND user_name = ? AND action IN ('create', 'update', 'delete')
             AND ((record_type = 'incident' AND record_uuid = ?)
               OR (record_type = 'victim' AND record_uuid IN
                   (SELECT victim_uuid FROM victims WHERE incident_uuid = ?)))
           LIMIT 1""",
        [since, user, incident_uuid, incident_uuid],
    ).fetchone() is not None


def check(db: Database, user: str, incident_uuid: str, step: str, comment: str = "") -> str:
    """Raise the error that `step` would meet, else return the state it leads to."""
    if step not in TRANSITIONS:
        raise ReviewRefused(tr("'{step}' is not a review step; use submit, approve, return or reject.", step=step))
    sources, target, permission = TRANSITIONS[step]
    accounts.require(db, user, permission)
    status, _, deleted, _ = _incident_state(db, incident_uuid)
    if deleted:
        raise ReviewRefused(tr("Incident {uuid} was deleted; it cannot be {step}.",
                               uuid=incident_uuid, step=_step_label(step)))
    if status not in sources:
        raise ReviewRefused(tr(
            "Incident {uuid} is {status}; only an incident that is {allowed} can be {step}.",
            uuid=incident_uuid, status=vocab.label("review_status", status),
            allowed=tr(" or ").join(vocab.label("review_status", s) for s in sorted(sources)),
            step=_step_label(step),
        ))
    if step == "approve" and accounts.has_accounts(db) and is_own_entry(db, user, incident_uuid):
        raise PermissionDenied(tr(
            "{user} cannot approve incident {uuid}: it is their own entry, so another reviewer must approve it.",
            user=user, uuid=incident_uuid,
        ))
    if step in COMMENT_REQUIRED and not comment.strip():
        raise CommentRequired(tr(
            "Say why incident {uuid} is {step}: a comment is required, so the documenter can act on it.",
            uuid=incident_uuid, step=_step_label(step),
        ))
    return target


def allowed_steps(db: Database, user: str, incident_uuid: str) -> list[str]:
    """The steps `user` may take on the incident now (a comment assumed where needed)."""
    steps = []
    for step in STEPS:
        try:
            check(db, user, incident_uuid, step, comment="-")
        except (PermissionDenied, ReviewRefused):
            continue
        steps.append(step)
    return steps


def _apply(db: Database, user: str, incident_uuid: str, step: str, comment: str, now: str) -> None:
    target = check(db, user, incident_uuid, step, comment)
    status, version, _, _ = _incident_state(db, incident_uuid)
    db.execute(
        "UPDATE incidents SET review_status = ?, version = ?, updated_at = ? WHERE incident_uuid = ?",
        [target, version + 1, now, incident_uuid],
    )
    audit.append(db, user=user, action=step, record_type="incident", record_uuid=incident_uuid,
                 before={"review_status": status}, after={"review_status": target}, at=now)
    comments.write(db, incident_uuid, user, comment, target, now)
    if target == "approved":
        write_snapshot(db, incident_uuid, now, user=user)


def transition(db: Database, user: str, incident_uuid: str, step: str, comment: str = "") -> Changes:
    """Take one review step; nothing is written if it is refused (see :func:`check`)."""
    now = utc_now()
    with db.atomic():
        _apply(db, user, incident_uuid, step, comment, now)
        refresh_facts(db, [incident_uuid])
    return Changes(incidents={incident_uuid}, review=True, tallies=True)


def submit(db: Database, user: str, incident_uuid: str, comment: str = "") -> Changes:
    return transition(db, user, incident_uuid, "submit", comment)


def approve(db: Database, user: str, incident_uuid: str, comment: str = "") -> Changes:
    return transition(db, user, incident_uuid, "approve", comment)


def return_to_documenter(db: Database, user: str, incident_uuid: str, comment: str) -> Changes:
    return transition(db, user, incident_uuid, "return", comment)


def reject(db: Database, user: str, incident_uuid: str, comment: str) -> Changes:
    return transition(db, user, incident_uuid, "reject", comment)


def approve_many(db: Database, user: str, incident_uuids: Iterable[str], comment: str = "") -> Changes:
    """Approve a selection at once, all or nothing: if one of them cannot be approved,
    nothing is, and the error names it."""
    uuids = list(dict.fromkeys(incident_uuids))
    now = utc_now()
    with db.atomic():
        for uuid in uuids:
            _apply(db, user, uuid, "approve", comment, now)
        refresh_facts(db, uuids)
    return Changes(incidents=set(uuids), review=True, tallies=True)


def add_comment(db: Database, user: str, incident_uuid: str, text: str) -> Changes:
    """Add a comment to the incident's thread (any active account)."""
    accounts.require(db, user, "edit")
    _incident_state(db, incident_uuid)
    if not text.strip():
        raise ReviewRefused(tr("A comment cannot be empty."))
    with db.atomic():
        comments.write(db, incident_uuid, user, text)
    return Changes(incidents={incident_uuid}, review=True)


def thread(db: Database, incident_uuid: str) -> list[Comment]:
    """The incident's comment thread, oldest first."""
    return comments.thread(db, incident_uuid)


@dataclass(frozen=True)
class QueueItem:
    """A submitted incident as the review queue shows it."""

    incident_uuid: str
    date: str
    governorate: str
    locality: str
    incident_type: str
    perpetrator: str
    documenter: str
    sources: str
    source_count: int
    victims: int
    killed: int
    reported_killed: int | None
    updated_at: str
    version: int
    reapproval: bool  # an earlier version is approved and keeps counting meanwhile


def _queue_where(documenter: str | None, date_from: date | str | None, date_to: date | str | None
                 ) -> tuple[str, list[Any]]:
    # `+i.deleted`: the status index finds the few submitted incidents; without the plus,
    # SQLite may walk the index of live incidents by date instead (all of them).
    clauses = ["i.review_status = 'submitted'", "+i.deleted = 0"]
    params: list[Any] = []
    if documenter:
        clauses.append("i.created_by = ?")
        params.append(documenter)
    if date_from:
        clauses.append("i.date >= ?")
        params.append(str(date_from))
    if date_to:
        clauses.append("i.date <= ?")
        params.append(str(date_to))
    return " AND ".join(clauses), params


def review_queue(
    db: Database, *, documenter: str | None = None, date_from: date | str | None = None,
    date_to: date | str | None = None, limit: int | None = None, offset: int = 0,
) -> list[QueueItem]:
    """Submitted incidents waiting for review, the longest-waiting first, with their
    victim counts; filtered by documenter (who created them) and incident date."""
    where, params = _queue_where(documenter, date_from, date_to)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    rows = db.execute(
        f"""SELECT i.incident_uuid, i.date, i.governorate, i.locality, i.incident_type, i.perpetrator,
                   COALESCE(i.created_by, ''), i.sources, i.source_count,
                   (SELECT COUNT(*) FROM victims v WHERE v.incident_uuid = i.incident_uuid AND v.deleted = 0),
                   (SELECT COUNT(*) FROM victims v WHERE v.incident_uuid = i.incident_uuid AND v.deleted = 0
                        AND v.outcome = 'killed'),
                   i.reported_killed, i.updated_at, i.version,
                   EXISTS (SELECT 1 FROM approved_snapshots s WHERE s.incident_uuid = i.incident_uuid)
            FROM incidents i WHERE {where}
            ORDER BY i.updated_at, i.incident_uuid{page}""",
        params,
    ).fetchall()
    return [
        QueueItem(incident_uuid=r[0], date=r[1], governorate=r[2], locality=r[3] or "", incident_type=r[4],
                  perpetrator=r[5], documenter=r[6], sources=r[7] or "", source_count=r[8] or 0, victims=r[9],
                  killed=r[10], reported_killed=r[11], updated_at=r[12], version=r[13], reapproval=bool(r[14]))
        for r in rows
    ]


def queue_count(db: Database, *, documenter: str | None = None, date_from: date | str | None = None,
                date_to: date | str | None = None) -> int:
    where, params = _queue_where(documenter, date_from, date_to)
    return db.execute(f"SELECT COUNT(*) FROM incidents i WHERE {where}", params).fetchone()[0]


def queue_documenters(db: Database) -> list[str]:
    """The documenters who have incidents waiting for review."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT created_by FROM incidents WHERE review_status = 'submitted' AND deleted = 0"
        " AND created_by IS NOT NULL ORDER BY created_by"
    )]


def likely_duplicates_of(db: Database, incident_uuid: str, limit: int = 3) -> dict[str, list[Any]]:
    """For each victim of the incident, the records it is likely to be (the reviewer's
    duplicate flags): its stored pairs not decided yet (`core.dedupe.candidates`), the same
    that :func:`duplicate_counts` counts, with their reasons in the current language;
    empty when that is not installed."""
    try:
        from core.dedupe.candidates import stored_matches_of
    except ImportError:
        return {}
    return stored_matches_of(db, incident_uuid, limit=limit)


def duplicate_counts(db: Database, incident_uuids: Iterable[str],
                     stop: Callable[[], bool] | None = None) -> dict[str, int]:
    """How many victims of each incident have likely duplicates not decided yet (the
    queue's column), counted from the stored pairs (`core.dedupe.candidates`): a few
    milliseconds for a page of the queue. Incidents with none count 0. `stop()` returning
    true before the count starts returns nothing."""
    uuids = list(incident_uuids)
    if stop is not None and stop():
        return {}
    try:
        from core.dedupe.candidates import duplicate_counts as stored_counts
    except ImportError:
        return {}
    return {uuid: 0 for uuid in uuids} | stored_counts(db, uuids)
