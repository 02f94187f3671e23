"""The place beside the victims grid where likely duplicates of the victim being typed are
shown, by `gui.match_panel.MatchPanel(ctx)` when that module is installed."""
from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from gui.context import AppContext

DEBOUNCE_MS = 250


def _match_panel(ctx: AppContext) -> QWidget | None:
    try:
        module = importlib.import_module("gui.match_panel")
    except ModuleNotFoundError as exc:
        if exc.name == "gui.match_panel":
            return None
        raise
    return module.MatchPanel(ctx)


class MatchSlot(QFrame):
    """Holds the match panel (or nothing) and feeds it the current victim, debounced."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("match_panel_slot")
        self.panel = _match_panel(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.panel is not None:
            layout.addWidget(self.panel)
        else:
            self.hide()
        self._pending: tuple[dict[str, Any], dict[str, Any] | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._send)

    def victim_changed(self, victim: dict[str, Any], incident: dict[str, Any] | None) -> None:
        if self.panel is None:
            return
        self._pending = (dict(victim), dict(incident) if incident is not None else None)
        self._timer.start()

    def _send(self) -> None:
        if self.panel is not None and self._pending is not None:
            victim, incident = self._pending
            self.panel.show_matches_for(victim, incident)  # type: ignore[attr-defined]
