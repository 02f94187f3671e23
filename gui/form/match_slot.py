"""The place beside the victims grid where likely duplicates of the victim being typed are
shown, by `gui.match_panel.MatchPanel(ctx)` when that module is installed (the panel
waits for a pause in typing and looks up off the GUI thread)."""
from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from gui.context import AppContext


def _match_panel(ctx: AppContext) -> QWidget | None:
    try:
        module = importlib.import_module("gui.match_panel")
    except ModuleNotFoundError as exc:
        if exc.name == "gui.match_panel":
            return None
        raise
    return module.MatchPanel(ctx)


class MatchSlot(QFrame):
    """Holds the match panel (or nothing) and passes it the current victim."""

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

    def victim_changed(self, victim: dict[str, Any], incident: dict[str, Any] | None) -> None:
        if self.panel is not None:
            self.panel.show_matches_for(dict(victim), dict(incident) if incident is not None else None)  # type: ignore[attr-defined]
