"""Beside the victims grid: the records already in the database that the victim being
typed is likely to be, with score and reasons, updated as the documenter types.

Lookups run on the background reader (never on the GUI thread), at most one at a time
after a short pause in typing; an answer that arrives after newer typing is dropped.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from core import dedupe, vocab
from gui.background import Latest
from gui.context import AppContext
from gui.i18n import isolate

DEBOUNCE_MS = 120
LIMIT = 8
Index = QModelIndex | QPersistentModelIndex


def _lookup(db: Any, victim: dict[str, Any], incident: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [m.as_dict() for m in dedupe.likely_duplicates(db, victim, incident, limit=LIMIT)]


class MatchesModel(QAbstractListModel):
    """The likely matches, one per row: score and name, then date and place, then reasons."""

    MatchRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matches: list[dict[str, Any]] = []

    def set_matches(self, matches: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.matches = list(matches)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.matches):
            return None
        match = self.matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            place = " · ".join(isolate(p) for p in (match["locality"], vocab.label("governorate", match["governorate"]))
                               if p)
            return "\n".join((
                f"{match['score']:.2f}  {isolate(match['name'])}",
                f"{isolate(match['incident_date'])} · {place}",
                " ".join(match["reasons"]),
            ))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(match["reasons"])
        if role == self.MatchRole:
            return match
        return None


class MatchPanel(QWidget):
    """`show_matches_for(victim, incident)` looks the victim up; `match_picked` carries the
    match (a dict of :class:`core.dedupe.LikelyMatch` fields) the user chooses."""

    match_picked = Signal(object)
    matches_shown = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("match_panel")
        self.ctx = ctx
        self.title = QLabel(self.tr("Likely duplicates"), self)
        self.title.setObjectName("match_panel_title")
        self.status = QLabel(self)
        self.status.setObjectName("match_panel_status")
        self.status.setWordWrap(True)
        self.model = MatchesModel(self)
        self.view = QListView(self)
        self.view.setObjectName("match_list")
        self.view.setAccessibleName(self.tr("Likely duplicates of the victim being typed"))
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.activated.connect(self._picked)
        self.view.doubleClicked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._latest = Latest()
        self._pending: tuple[dict[str, Any], dict[str, Any] | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._look_up)
        self._set_status(self.tr("Type a given name and a father's or family name."))

    def show_matches_for(self, victim: dict[str, Any], incident: dict[str, Any] | None = None) -> None:
        """Look up the likely matches of this victim (exchange-format fields), after a
        short pause; returns at once."""
        self._pending = (dict(victim), dict(incident) if incident else None)
        self._timer.start()

    def _look_up(self) -> None:
        if self._pending is None:
            return
        victim, incident = self._pending
        self._pending = None
        if not str(victim.get("given_name") or victim.get("name_latin") or "").strip():
            self._latest.start()  # drops an answer still on its way
            self._show([])
            return
        on_done, on_error = self._latest.start(self._show, self._failed)
        self.ctx.background.read(_lookup, victim, incident, on_done=on_done, on_error=on_error)

    def _show(self, matches: list[dict[str, Any]]) -> None:
        self.model.set_matches(matches)
        if matches:
            self._set_status(self.tr("%n record(s) already in the database may be this person.", "", len(matches)))
        else:
            self._set_status(self.tr("No likely duplicate."))
        self.matches_shown.emit(len(matches))

    def _failed(self, error: BaseException) -> None:
        self._set_status(self.tr("The lookup failed: %1").replace("%1", str(error)))

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def _picked(self, index: QModelIndex) -> None:
        match = self.model.data(index, MatchesModel.MatchRole)
        if match is not None:
            self.match_picked.emit(match)
