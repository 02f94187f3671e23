"""Input widgets of the form, with one interface: `value()`, `set_value(text)` and the
signal `value_edited(text)`, emitted only for the user's own edits.

Undo and redo belong to the form, not to each line: the Undo/Redo keys are left to the
form's actions (see :func:`leave_undo_to_form`).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from core import vocab


class _UndoKeysToForm(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combination = event.keyCombination().toCombined()
            if (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                    or QKeySequence(combination) in _FORM_KEYS):
                return True  # not accepted: the form's shortcut gets the key
        return False


_FORM_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
_UNDO_FILTER: _UndoKeysToForm | None = None


def leave_undo_to_form(widget: QWidget) -> None:
    global _UNDO_FILTER
    if _UNDO_FILTER is None:
        _UNDO_FILTER = _UndoKeysToForm()
    widget.installEventFilter(_UNDO_FILTER)


def name_field(widget: QWidget, name: str, label: str) -> None:
    """Give an input its exchange-format field name (objectName and accessible name)."""
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(label)


class TextField(QLineEdit):
    value_edited = Signal(str)

    def __init__(self, name: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        name_field(self, name, label)
        leave_undo_to_form(self)
        self.textEdited.connect(self.value_edited)

    def value(self) -> str:
        return self.text()

    def set_value(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)


class LongTextField(QPlainTextEdit):
    value_edited = Signal(str)

    def __init__(self, name: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        name_field(self, name, label)
        leave_undo_to_form(self)
        self.setTabChangesFocus(True)
        self._setting = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._setting:
            self.value_edited.emit(self.toPlainText())

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False


class ChoiceField(QComboBox):
    """A choice among a vocabulary's codes, shown by label; `optional` adds an empty choice."""

    value_edited = Signal(str)

    def __init__(self, name: str, label: str, vocabulary: str, optional: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        name_field(self, name, label)
        self.vocabulary = vocabulary
        if optional:
            self.addItem("", "")
        for code in vocab.codes(vocabulary):
            self.addItem(vocab.label(vocabulary, code), code)
        self._setting = False
        self.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        if not self._setting:
            self.value_edited.emit(self.value())

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: str) -> None:
        index = self.findData(code or "")
        if index < 0 or index == self.currentIndex():
            return
        self._setting = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._setting = False
