"""The victims of the incident being entered, as a table: one row per victim, one column
per exchange-format field. Edits go through the form's undo stack when one is attached."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core import vocab
from core.entry import VICTIM_FIELDS, inferred_age_group
from core.models import Problem

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # the column's exchange-format field name
CHOICE_FIELDS = {"sex": "sex", "age_group": "age_group", "civilian": "civilian", "outcome": "outcome"}
PROBLEM_BRUSH = QBrush(QColor(255, 226, 226))

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
EditHook = Callable[[str, str, str], None]  # victim_uuid, field, value


def column_title(name: str) -> str:
    titles = {
        "given_name": QCoreApplication.translate("VictimsModel", "Given name"),
        "father_name": QCoreApplication.translate("VictimsModel", "Father"),
        "grandfather_name": QCoreApplication.translate("VictimsModel", "Grandfather"),
        "family_name": QCoreApplication.translate("VictimsModel", "Family name"),
        "mother_name": QCoreApplication.translate("VictimsModel", "Mother"),
        "name_latin": QCoreApplication.translate("VictimsModel", "Name in Latin letters"),
        "sex": QCoreApplication.translate("VictimsModel", "Sex"),
        "age": QCoreApplication.translate("VictimsModel", "Age"),
        "age_group": QCoreApplication.translate("VictimsModel", "Age group"),
        "civilian": QCoreApplication.translate("VictimsModel", "Civilian status"),
        "outcome": QCoreApplication.translate("VictimsModel", "Outcome"),
        "death_date": QCoreApplication.translate("VictimsModel", "Death date"),
        "notes": QCoreApplication.translate("VictimsModel", "Notes"),
    }
    return titles.get(name, name)


class VictimsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.columns: tuple[str, ...] = VICTIM_FIELDS
        self.edit_hook: EditHook | None = None
        self._problems: dict[tuple[int, str], str] = {}

    # reading

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def field(self, column: int) -> str:
        return self.columns[column]

    def column_of(self, name: str) -> int:
        return self.columns.index(name)

    def row_of(self, victim_uuid: str) -> int:
        for number, row in enumerate(self.rows):
            if row["victim_uuid"] == victim_uuid:
                return number
        raise KeyError(victim_uuid)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        name = self.columns[index.column()]
        value = str(self.rows[index.row()].get(name) or "")
        if role == Qt.ItemDataRole.DisplayRole and name == "age_group" and value in ("", "unknown"):
            implied = inferred_age_group(self.rows[index.row()].get("age"))
            return vocab.label("age_group", implied or value)
        if role == Qt.ItemDataRole.DisplayRole:
            return vocab.label(CHOICE_FIELDS[name], value) if name in CHOICE_FIELDS else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == FIELD_ROLE:
            return name
        problem = self._problems.get((index.row(), name))
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return problem
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return PROBLEM_BRUSH
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(self.columns[section])
            if role == FIELD_ROLE:
                return self.columns[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # editing: through the hook (the undo stack) when there is one

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = "" if value is None else str(value)
        row = self.rows[index.row()]
        name = self.columns[index.column()]
        if str(row.get(name) or "") == text:
            return False
        if self.edit_hook is not None:
            self.edit_hook(row["victim_uuid"], name, text)
        else:
            self.set_value(row["victim_uuid"], name, text)
        return True

    def set_value(self, victim_uuid: str, name: str, value: str) -> None:
        number = self.row_of(victim_uuid)
        self.rows[number][name] = value
        first = self.index(number, self.column_of(name))
        last = self.index(number, self.column_of("age_group")) if name == "age" else first
        self.dataChanged.emit(first, last)  # the age group shown follows the age

    def insert(self, position: int, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), position, position + len(rows) - 1)
        self.rows[position:position] = [dict(r) for r in rows]
        self.endInsertRows()
        self._problems.clear()

    def remove(self, uuids: list[str]) -> list[tuple[int, dict[str, Any]]]:
        """Remove rows by UUID; returns (position, row) pairs in ascending order for undo."""
        positions = sorted((self.row_of(uuid) for uuid in uuids), reverse=True)
        removed = []
        for number in positions:
            self.beginRemoveRows(QModelIndex(), number, number)
            removed.append((number, self.rows.pop(number)))
            self.endRemoveRows()
        self._problems.clear()
        return sorted(removed, key=lambda pair: pair[0])

    def replace_all(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self._problems.clear()
        self.endResetModel()

    # problems from validation

    def set_problems(self, problems: list[Problem]) -> None:
        before = set(self._problems)
        self._problems = {
            (p.victim_index, p.field): p.message
            for p in problems
            if p.victim_index is not None and 0 <= p.victim_index < len(self.rows) and p.field in self.columns
        }
        for number, name in before | set(self._problems):
            if number < len(self.rows):
                index = self.index(number, self.column_of(name))
                self.dataChanged.emit(index, index)

    def problem(self, row: int, name: str) -> str:
        return self._problems.get((row, name), "")
