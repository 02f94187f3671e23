"""A record's history: every entry the append-only history holds about an incident, its
victims, its comments and its approved snapshot, oldest first."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import audit
from gui.context import AppContext
from gui.i18n import isolate
from gui.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
# The key that opens the history of the incident at hand, wherever one is shown.
HISTORY_SHORTCUT = "Ctrl+Shift+H"


def _changes(before: str | None, after: str | None) -> str:
    old = json.loads(before) if before else {}
    new = json.loads(after) if after else {}
    if not old:
        shown = {k: v for k, v in new.items() if v not in (None, "")}
        return ", ".join(f"{k}: {isolate(_short(v))}" for k, v in shown.items())
    return ", ".join(f"{k}: {isolate(_short(old.get(k)))} → {isolate(_short(new.get(k)))}" for k in new)


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


class HistoryModel(RowsModel):
    COLUMNS = ("at", "user_name", "action", "record_type", "changes")

    def __init__(self, entries: list[dict[str, Any]], parent: Any = None):
        super().__init__(parent)
        self.entries = entries

    def rows(self) -> list[dict[str, Any]]:
        return self.entries

    def column_labels(self) -> dict[str, str]:
        return {
            "at": QCoreApplication.translate("HistoryView", "When (UTC)"),
            "user_name": QCoreApplication.translate("HistoryView", "Who"),
            "action": QCoreApplication.translate("HistoryView", "What"),
            "record_type": QCoreApplication.translate("HistoryView", "Record"),
            "changes": QCoreApplication.translate("HistoryView", "Fields"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.entries[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "changes":
            return _changes(entry["before"], entry["after"])
        if key == "record_type" and role == Qt.ItemDataRole.ToolTipRole:
            return entry["record_uuid"]
        return entry[key]


class HistoryView(QWidget):
    """The history of one incident (with its victims and comments)."""

    def __init__(self, ctx: AppContext, incident_uuid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_view")
        self.model = HistoryModel(audit.incident_history(ctx.reader, incident_uuid), self)
        self.table = QTableView()
        self.table.setObjectName("history")
        self.table.setAccessibleName(self.tr("History"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        title = QLabel(self.tr("Incident %1: %2 entries").replace("%1", incident_uuid)
                       .replace("%2", str(self.model.rowCount())))
        title.setObjectName("history_title")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table)


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, incident_uuid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("History"))
        self.view = HistoryView(ctx, incident_uuid, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 480)


def show_history(ctx: AppContext, incident_uuid: str, parent: QWidget | None = None) -> HistoryDialog:
    """Open the history of an incident in a dialog over `parent` (returns at once)."""
    dialog = HistoryDialog(ctx, incident_uuid, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
