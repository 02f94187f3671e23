"""Automatic backups while the window is open: one at start, then one after every N saves
(N and how many to keep are the database's settings, see core.backup). Each backup runs
on the writer thread, which owns the connection; a failed backup is reported in the log
and on the status line, and never stops the work."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from core.backup import AutoBackup
from core.changes import Changes
from gui.context import AppContext

log = logging.getLogger(__name__)


def install_auto_backup(ctx: AppContext, report: Callable[[str], None] | None = None) -> AutoBackup:
    """Back up now and after every N saves made through `ctx`. `report` receives a
    one-line message when a backup fails."""
    policy = AutoBackup.for_database(ctx.reader)

    def failed(exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", exc)
        if report is not None:
            report(str(exc))

    def done(path: Path | None) -> None:
        if path is not None:
            log.info("backed up to %s", path)

    def on_changed(changes: Changes) -> None:
        if changes.records and policy.note_save():
            ctx.submit(policy.run, on_done=done, on_error=failed)

    ctx.submit(policy.run, on_done=done, on_error=failed)
    ctx.changed.connect(on_changed)
    return policy
