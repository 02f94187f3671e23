"""The comment thread of an incident: reviewers' and documenters' remarks, and the review
step (`status_change`) each went with."""
from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from core import audit
from core.models import new_uuid, utc_now


@dataclass(frozen=True)
class Comment:
    comment_uuid: str
    incident_uuid: str
    author: str
    written_at: str
    status_change: str | None
    text: str


def write(
    db: Database, incident_uuid: str, author: str, text: str, status_change: str | None = None,
    now: str | None = None,
) -> Comment:
    """Add one comment, with its history entry. Call inside the write's transaction."""
    comment = Comment(new_uuid(), incident_uuid, author, now or utc_now(), status_change, text.strip())
    row = comment.__dict__.copy()
    db.table("comments").insert(row)
    audit.append(db, user=author, action="create", record_type="comment", record_uuid=comment.comment_uuid,
                 before=None, after=row, at=comment.written_at)
    return comment


def thread(db: Database, incident_uuid: str) -> list[Comment]:
    """The incident's comments, oldest first."""
    return [
        Comment(**row)
        for row in db.query(
            "SELECT comment_uuid, incident_uuid, author, written_at, status_change, text FROM comments"
            " WHERE incident_uuid = ? ORDER BY written_at, rowid",
            [incident_uuid],
        )
    ]
