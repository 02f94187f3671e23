"""Setting up a new database: its first (admin) account and the places or examples it starts with.

The first-run window and the command line call :func:`set_up`; nothing here knows about Qt.
"""
from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from core.changes import Changes
from core.i18n import tr
from core.jobs import JobState


class SetUpError(Exception):
    """The database could not be set up as asked; the message says what to change."""


def set_up(
    db: Database,
    *,
    admin: str,
    password: str,
    gazetteer: str | Path | None = None,
    demo: bool = False,
    job: JobState | None = None,
) -> Changes:
    """Create the admin account (if the database has none), then load a gazetteer file
    and/or the demonstration data. Each step is its own transaction: a failed gazetteer
    leaves the account in place, so that running again with another file works."""
    from core import accounts

    job = job or JobState()
    steps = 1 + (gazetteer is not None) + bool(demo)
    done = 0
    changes = Changes()
    if not accounts.has_accounts(db):
        job.progress(done, steps, tr("Creating the administrator account…"))
        changes.merge(accounts.create_user(db, admin, admin, password, "admin"))
    done += 1
    job.check()
    if gazetteer is not None:
        from core.gazetteer import import_gazetteer

        job.progress(done, steps, tr("Loading the places…"))
        _, loaded = import_gazetteer(db, gazetteer, admin)
        changes.merge(loaded)
        done += 1
        job.check()
    if demo:
        from seeds.demo import load_demo

        job.progress(done, steps, tr("Loading the demonstration data…"))
        result = load_demo(db, admin)
        if isinstance(result, Changes):
            changes.merge(result)
        done += 1
    job.progress(done, steps, tr("Ready."))
    return changes
