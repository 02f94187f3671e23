"""The table model of one tally: a row per group and the total row, labels in the
current language."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from core import report
from core.tallies import Tally

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root: a table has no other parent


class TallyTableModel(QAbstractTableModel):
    def __init__(self, by: str, parent: Any = None):
        super().__init__(parent)
        self.by = by
        self._tally: Tally | None = None
        self._rows: list[list[Any]] = []
        self._header: list[str] = report.table_header(by)

    @property
    def tally(self) -> Tally | None:
        return self._tally

    def set_tally(self, tally: Tally) -> None:
        self.beginResetModel()
        self._tally = tally
        self._rows = report.table_rows(tally)
        self._header = report.table_header(self.by)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._header):
            return None
        value = self._rows[index.row()][index.column()]
        total_row = index.row() == len(self._rows) - 1
        if role == Qt.ItemDataRole.DisplayRole:
            return value if index.column() == 0 else f"{value:,}"
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and total_row:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._header[section] if 0 <= section < len(self._header) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
