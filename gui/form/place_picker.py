"""Choosing a place (governorate, district, sub-district) by typing its name in Arabic or
English, or one of its aliases when a gazetteer with aliases is loaded."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from core import i18n
from core.gazetteer import Place
from core.names import normalize
from gui.form.editors import leave_undo_to_form, name_field

PCODE_ROLE = Qt.ItemDataRole.UserRole


def place_text(place: Place, language: str) -> str:
    first, second = (place.name_ar, place.name_en) if language == "ar" else (place.name_en, place.name_ar)
    return f"{first} — {second}" if second and second != first else first


class PlacePicker(QComboBox):
    """An editable list of places. Its value is the chosen p-code; text that names no
    place is kept as typed, for the validation to name it."""

    value_edited = Signal(str)

    def __init__(self, name: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        name_field(self, name, label)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setObjectName(f"{name}_text")
        leave_undo_to_form(self.lineEdit())
        self._lookup: dict[str, str] = {}
        self._names = QStandardItemModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated[QModelIndex].connect(self._completed)
        self.setCompleter(completer)
        self._setting = False
        self.lineEdit().editingFinished.connect(self._finished)
        self.lineEdit().textEdited.connect(lambda _text: self.value_edited.emit(self.value()))
        self.activated.connect(self._finished)

    def set_places(self, places: list[Place], language: str | None = None) -> None:
        """Offer these places (keeps the current value if it is among them)."""
        language = language or i18n.language()
        current = self.value()
        self._setting = True
        try:
            self.clear()
            self._names.clear()
            self._lookup.clear()
            self.addItem("", "")
            for place in sorted(places, key=lambda p: p.label(language)):
                text = place_text(place, language)
                self.addItem(text, place.pcode)
                names = [place.name_en, place.name_ar, *place.aliases]
                for alias in dict.fromkeys(n for n in names if n):
                    shown = alias if alias in (place.name_en, place.name_ar) else f"{alias} → {text}"
                    item = QStandardItem(shown)
                    item.setData(place.pcode, PCODE_ROLE)
                    self._names.appendRow(item)
                    self._lookup.setdefault(normalize(alias), place.pcode)
                    self._lookup.setdefault(normalize(shown), place.pcode)
                self._lookup[normalize(text)] = place.pcode
                self._lookup[normalize(place.pcode)] = place.pcode
        finally:
            self._setting = False
        self.set_value(current)
        self.setEnabled(bool(places))

    def value(self) -> str:
        text = self.currentText().strip()
        if not text:
            return ""
        return self._lookup.get(normalize(text), text)

    def set_value(self, pcode: str) -> None:
        if self.hasFocus() and self.value() == (pcode or ""):
            return  # the text being typed already says this: leave it as it is
        self._show(pcode)

    def _show(self, pcode: str) -> None:
        self._setting = True
        try:
            index = self.findData(pcode or "")
            if index >= 0:
                self.setCurrentIndex(index)
                self.setEditText(self.itemText(index))
            else:
                self.setCurrentIndex(-1)
                self.setEditText(pcode or "")
        finally:
            self._setting = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finished()

    def _completed(self, index: QModelIndex) -> None:
        pcode = index.data(PCODE_ROLE)
        if pcode:
            self._show(pcode)
            self.value_edited.emit(pcode)

    def _finished(self, *_args: object) -> None:
        if self._setting:
            return
        value = self.value()
        if value and self.findData(value) >= 0:
            self._show(value)  # the place's full name
        self.value_edited.emit(value)
