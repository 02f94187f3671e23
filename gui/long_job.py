"""Long work on the writer thread, shown in a progress dialog that can cancel it.

The job function runs on the writer (see :mod:`gui.context`); only the progress dialog,
on the GUI thread, is touched when its progress arrives by signal.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.jobs import Cancelled
from gui.context import AppContext


def run_long_job(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    cancellable: bool = True,
    **kwargs: Any,
) -> QProgressDialog:
    """Run `fn(db, *args, **kwargs)` on the writer with a modal progress dialog.

    With `cancellable`, `fn` receives `job=` (a :class:`core.jobs.JobState`) and the
    dialog's Cancel button asks it to stop; a job that stops raises `Cancelled`, which is
    not reported as an error. Without, the dialog shows activity and has no Cancel button.
    """
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setObjectName("progress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.setCancelButtonText(dialog.tr("Cancel"))
    else:
        dialog.setCancelButton(None)

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if message:
            dialog.setLabelText(message)

    def finished(result: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        dialog.deleteLater()
        if isinstance(error, Cancelled):
            return
        if on_error is not None:
            on_error(error)

    job = ctx.submit(fn, *args, on_done=finished, on_error=failed, on_progress=progressed,
                     with_job=cancellable, **kwargs)
    if job is not None:
        dialog.canceled.connect(job.cancel)
    return dialog
