"""Keeps the form's unsaved content as a draft in the database, a moment after each change
(on the writer thread), so that a crash or a closed window loses at most that moment."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from core.drafts import discard_draft, save_draft
from gui.context import AppContext
from gui.form.document import IncidentDocument

DEBOUNCE_MS = 700


class DraftKeeper(QObject):
    def __init__(self, ctx: AppContext, document: IncidentDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.document = document
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.write)
        document.content_changed.connect(self.timer.start)

    def write(self) -> None:
        """Write the draft now (if there is unsaved content)."""
        self.timer.stop()
        if self.document.dirty:
            self.ctx.submit(save_draft, self.document.key, self.ctx.user, self.document.draft_payload())

    def flush(self) -> None:
        """Write any pending draft and wait for it (before the window closes)."""
        if self.timer.isActive():
            self.write()
        self.ctx.wait_idle()

    def discard(self, key: str) -> None:
        self.timer.stop()
        self.ctx.submit(discard_draft, key)
