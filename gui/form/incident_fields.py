"""The incident's own fields: one input per exchange-format field, each with its message
line beneath it, in the order a documenter fills them in (which is the tab order)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from core.gazetteer import Gazetteer
from core.models import Problem
from gui.form.document import IncidentDocument
from gui.form.editors import ChoiceField, LongTextField, TextField
from gui.form.place_picker import PlacePicker

Editor = TextField | LongTextField | ChoiceField | PlacePicker


def field_label(name: str) -> str:
    labels = {
        "date": QCoreApplication.translate("IncidentFields", "&Date"),
        "date_precision": QCoreApplication.translate("IncidentFields", "Date known to the"),
        "governorate": QCoreApplication.translate("IncidentFields", "&Governorate"),
        "district": QCoreApplication.translate("IncidentFields", "District"),
        "subdistrict": QCoreApplication.translate("IncidentFields", "Sub-district"),
        "locality": QCoreApplication.translate("IncidentFields", "&Locality"),
        "incident_type": QCoreApplication.translate("IncidentFields", "Means of &attack"),
        "perpetrator": QCoreApplication.translate("IncidentFields", "&Perpetrator"),
        "attribution": QCoreApplication.translate("IncidentFields", "Attribution"),
        "facility": QCoreApplication.translate("IncidentFields", "Facility hit"),
        "reported_killed": QCoreApplication.translate("IncidentFields", "Reported deaths"),
        "source_count": QCoreApplication.translate("IncidentFields", "Number of sources"),
        "sources": QCoreApplication.translate("IncidentFields", "&Sources"),
        "summary": QCoreApplication.translate("IncidentFields", "Su&mmary"),
    }
    return labels.get(name, name)


def _make_editor(name: str) -> Editor:
    label = field_label(name).replace("&", "")
    if name in ("governorate", "district", "subdistrict"):
        return PlacePicker(name, label)
    if name in ("sources", "summary"):
        editor = LongTextField(name, label)
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 12)
        return editor
    choices = {"date_precision": False, "incident_type": True, "perpetrator": True, "attribution": True,
               "facility": True}
    if name in choices:
        return ChoiceField(name, label, name, optional=choices[name])
    editor = TextField(name, label)
    if name == "date":
        editor.setPlaceholderText(QCoreApplication.translate("IncidentFields", "YYYY-MM-DD"))
    return editor


# (field, field) per grid row; a row of one field spans the width.
ROWS: tuple[tuple[str, ...], ...] = (
    ("date", "date_precision"),
    ("governorate", "district"),
    ("subdistrict", "locality"),
    ("incident_type", "perpetrator"),
    ("attribution", "facility"),
    ("reported_killed", "source_count"),
    ("sources",),
    ("summary",),
)
ORDER: tuple[str, ...] = tuple(name for row in ROWS for name in row)


class IncidentFields(QWidget):
    def __init__(self, document: IncidentDocument, gazetteer: Gazetteer, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incident_fields")
        self.document = document
        self.gazetteer = gazetteer
        self.editors: dict[str, Editor] = {}
        self.messages: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setVerticalSpacing(2)
        for row_number, row in enumerate(ROWS):
            for column, name in enumerate(row):
                editor = _make_editor(name)
                label = QLabel(field_label(name), self)
                label.setBuddy(editor)
                message = QLabel(self)
                message.setObjectName(f"{name}_problem")
                message.setWordWrap(True)
                message.setStyleSheet("color: #b00020;")
                message.hide()
                cell = QVBoxLayout()
                cell.setSpacing(0)
                cell.addWidget(editor)
                cell.addWidget(message)
                span = 3 if len(row) == 1 else 1
                grid.addWidget(label, row_number, column * 2, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(cell, row_number, column * 2 + 1, 1, span)
                self.editors[name] = editor
                self.messages[name] = message
                editor.value_edited.connect(lambda value, n=name: self.document.set_field(n, value))
        for first, second in zip(ORDER, ORDER[1:], strict=False):
            QWidget.setTabOrder(self.editors[first], self.editors[second])
        self.editors["governorate"].set_places(gazetteer.children(None))
        document.field_changed.connect(self._field_changed)
        document.loaded.connect(self.show_values)
        self.show_values()

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.editors["governorate"].set_places(gazetteer.children(None))
        self._refill_places()

    def _refill_places(self) -> None:
        governorate = str(self.document.values.get("governorate") or "")
        district = str(self.document.values.get("district") or "")
        district_picker = self.editors["district"]
        subdistrict_picker = self.editors["subdistrict"]
        assert isinstance(district_picker, PlacePicker) and isinstance(subdistrict_picker, PlacePicker)
        districts = self.gazetteer.children(governorate, level=2) if self.gazetteer.contains(governorate) else []
        district_picker.set_places(districts)
        subs = self.gazetteer.children(district, level=3) if self.gazetteer.contains(district) else []
        subdistrict_picker.set_places(subs)
        hint = "" if self.gazetteer.loaded else QCoreApplication.translate(
            "IncidentFields", "Import a gazetteer to choose districts and sub-districts.")
        district_picker.setToolTip(hint)
        subdistrict_picker.setToolTip(hint)
        district_picker.set_value(district)
        subdistrict_picker.set_value(str(self.document.values.get("subdistrict") or ""))

    def _field_changed(self, name: str, value: Any) -> None:
        editor = self.editors.get(name)
        if editor is not None:
            editor.set_value("" if value is None else str(value))
        if name in ("governorate", "district"):
            self._refill_places()

    def show_values(self) -> None:
        for name, editor in self.editors.items():
            editor.set_value(str(self.document.values.get(name) or ""))
        self._refill_places()

    def show_problems(self, problems: list[Problem]) -> None:
        """Each incident problem beside its field; other fields' messages cleared."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            if problem.victim_index is None and problem.field in self.editors:
                by_field.setdefault(problem.field, []).append(problem.message)
        for name, label in self.messages.items():
            text = " ".join(by_field.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))
            self.editors[name].setProperty("has_problem", bool(text))

    def first_editor(self) -> QWidget:
        return self.editors[ORDER[0]]

    def last_editor(self) -> QWidget:
        return self.editors[ORDER[-1]]
