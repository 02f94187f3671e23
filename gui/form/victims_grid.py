"""The victims of the incident as a grid typed into from the keyboard.

Typing in a cell starts editing it; Tab and Shift+Tab move between cells and, at the ends
of the grid, out of it; Enter in the last row adds a row. Each cell's editor carries the
column's field name as objectName and accessible name.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui.form.editors import ChoiceField, TextField
from gui.form.victims_model import CHOICE_FIELDS, FIELD_ROLE, column_title

Index = QModelIndex | QPersistentModelIndex

NAME_COLUMNS = frozenset({"given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin"})


class VictimDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        name = str(index.data(FIELD_ROLE))
        if name in CHOICE_FIELDS:
            return ChoiceField(name, column_title(name), CHOICE_FIELDS[name], parent=parent)
        editor = TextField(name, column_title(name), parent)
        if name == "death_date":
            editor.setPlaceholderText(self.tr("YYYY-MM-DD"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, ChoiceField | TextField):
            editor.set_value(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ChoiceField | TextField):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class VictimsView(QTableView):
    add_row_requested = Signal()
    current_row_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("victims")
        self.setAccessibleName("victims")
        self.setItemDelegate(VictimDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            self.resizeColumnsToContents()
            self._widen_name_columns(model)
            self.selectionModel().currentRowChanged.connect(lambda current, _prev: self.current_row_changed.emit(current.row()))

    def _widen_name_columns(self, model: QAbstractItemModel) -> None:
        """Name columns wide enough for a compound name (عبد الرحمن, Abd al-Rahman): sized
        to their headers alone they cut most names short."""
        sample = self.fontMetrics().horizontalAdvance("Abd al-Rahman ") + 12
        for column, name in enumerate(getattr(model, "columns", ())):
            wide = 2 * sample if name == "name_latin" else sample
            if name in NAME_COLUMNS and self.columnWidth(column) < wide:
                self.setColumnWidth(column, wide)

    def _at_last_row(self) -> bool:
        model = self.model()
        return model is not None and self.currentIndex().row() == model.rowCount() - 1

    def _at_end(self, forward: bool) -> bool:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return True
        index = self.currentIndex()
        if forward:
            return index.row() == model.rowCount() - 1 and index.column() == model.columnCount() - 1
        return index.row() <= 0 and index.column() <= 0

    def focusInEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        super().focusInEvent(event)
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(model.index(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if self._at_last_row():
                self.add_row_requested.emit()
                return
            self.setCurrentIndex(self.currentIndex().sibling(self.currentIndex().row() + 1, 0))
            return
        if key == Qt.Key.Key_Tab and self._at_end(forward=True):
            QWidget.focusNextPrevChild(self, True)
            return
        if key == Qt.Key.Key_Backtab and self._at_end(forward=False):
            QWidget.focusNextPrevChild(self, False)
            return
        if key == Qt.Key.Key_Delete and self.currentIndex().isValid() and self.state() != QAbstractItemView.State.EditingState:
            self.model().setData(self.currentIndex(), "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        submit = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        next_hint = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        previous_hint = hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem
        if next_hint and self._at_end(forward=True):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            QWidget.focusNextPrevChild(self, True)
            return
        if previous_hint and self._at_end(forward=False):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            QWidget.focusNextPrevChild(self, False)
            return
        super().closeEditor(editor, hint)
        if submit and self._at_last_row():
            self.add_row_requested.emit()

    def go_to_row(self, row: int, column: int = 0) -> None:
        model = self.model()
        if model is not None and 0 <= row < model.rowCount():
            index = model.index(row, column)
            self.setCurrentIndex(index)
            self.scrollTo(index)
