"""Updating a database made by an older version, before the window opens.

The migrations run on a thread of their own with its own connection (the GUI thread
only shows their progress), while a modal dialog says what is happening and that the
program must not be closed: on a large database they take minutes.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget
from sqlite_utils import Database

from core.storage import (
    StorageError,
    pending_migrations,
    session,
    upgrade_database,
    without_migrating,
)
from gui.context import GuiJob
from gui.i18n import isolate

Opener = Callable[[], Database]


class UpgradeDialog(QDialog):
    """The progress of an upgrade; it cannot be closed by the user."""

    def __init__(self, db_path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("upgrade_dialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Updating the database"))
        self.message = QLabel(self.tr(
            "The database %1 was made by an older version of Tawthiq and is being updated to the new"
            " version. On a large database this takes several minutes.").replace("%1", isolate(Path(db_path).name)))
        self.message.setObjectName("upgrade_message")
        self.message.setWordWrap(True)
        self.warning = QLabel(self.tr(
            "Do not close Tawthiq or switch off the computer until the update has finished."))
        self.warning.setObjectName("upgrade_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: bold")
        self.bar = QProgressBar()
        self.bar.setObjectName("upgrade_progress")
        self.bar.setAccessibleName(self.tr("Progress of the update"))
        self.bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addWidget(self.bar)
        self.setMinimumWidth(460)
        self._may_close = False

    @Slot(int, int, int, str)
    def show_progress(self, _token: int, done: int, total: int, _message: str = "") -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy

    def finish(self) -> None:
        self._may_close = True
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name): Escape does not close it
        event.ignore()

    def reject(self) -> None:
        if self._may_close:
            super().reject()


class _UpgradeWorker(QObject):
    """Runs the upgrade on its thread, with a connection of its own opened and closed
    there. Its signals carry numbers only (see gui.background)."""

    finished = Signal()
    progressed = Signal(int, int, int, str)  # token, done, total, message (as GuiJob sends)

    def __init__(self, opener: Opener):
        super().__init__()
        self._opener = opener
        self.applied: list[int] = []
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            db = self._opener()
            try:
                self.applied = upgrade_database(db, job=GuiJob(self, 1))  # type: ignore[arg-type]
            finally:
                db.close()
        except Exception as exc:  # handed to the GUI thread, which says what failed
            self.error = exc
        self.finished.emit()


def _run(opener: Opener, dialog: UpgradeDialog) -> _UpgradeWorker:
    thread = QThread()
    thread.setObjectName("tawthiq-upgrade")
    worker = _UpgradeWorker(opener)
    worker.moveToThread(thread)
    loop = QEventLoop()
    # Queued, so that the dialog is only touched on the GUI thread, where it lives.
    worker.progressed.connect(dialog.show_progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    thread.started.connect(worker.run)
    dialog.show()
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.finish()
    return worker


def upgrade_if_needed(db_path: str | Path, opener: Opener, parent: QWidget | None = None) -> list[int]:
    """Apply the migrations the database lacks, with the dialog, before anything else
    opens it; returns their numbers (none: nothing was shown). A failed migration leaves
    the database as the one before it left it, and raises a StorageError."""
    checking = without_migrating(opener)
    db = checking()
    try:
        if session(db).read_only or not pending_migrations(db):
            return []  # (read-only: opening says that the upgrade cannot be made)
    finally:
        db.close()
    dialog = UpgradeDialog(db_path, parent)
    try:
        upgrade = _run(checking, dialog)
    finally:
        dialog.deleteLater()
    if isinstance(upgrade.error, StorageError):
        raise upgrade.error
    if upgrade.error is not None:
        raise StorageError(QCoreApplication.translate(
            "UpgradeDialog", "The update of %1 to the new version failed: %2. The step that failed changed"
            " nothing; the next start tries it again.").replace("%1", isolate(Path(db_path).name))
            .replace("%2", str(upgrade.error))) from upgrade.error
    return upgrade.applied
