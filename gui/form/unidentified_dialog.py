"""Adding several unidentified victims in one step: how many men, women, boys, girls,
children and people of unknown age and sex, and whether they were civilians."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from core.entry import UNIDENTIFIED_KINDS
from gui.form.editors import ChoiceField


def kind_label(kind: str) -> str:
    labels = {
        "men": QCoreApplication.translate("UnidentifiedDialog", "Men (male adults)"),
        "women": QCoreApplication.translate("UnidentifiedDialog", "Women (female adults)"),
        "boys": QCoreApplication.translate("UnidentifiedDialog", "Boys"),
        "girls": QCoreApplication.translate("UnidentifiedDialog", "Girls"),
        "children": QCoreApplication.translate("UnidentifiedDialog", "Children, sex unknown"),
        "unknown": QCoreApplication.translate("UnidentifiedDialog", "Age and sex unknown"),
    }
    return labels[kind]


class UnidentifiedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("add_unidentified_dialog")
        self.setWindowTitle(self.tr("Add unidentified victims"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("How many victims whose names are not known?")))
        self.counts: dict[str, QSpinBox] = {}
        for kind in UNIDENTIFIED_KINDS:
            spin = QSpinBox(self)
            spin.setRange(0, 10000)
            spin.setObjectName(f"unidentified_{kind}")
            spin.setAccessibleName(kind_label(kind))
            form.addRow(kind_label(kind), spin)
            self.counts[kind] = spin
        self.civilian = ChoiceField("civilian", self.tr("Civilian status"), "civilian", parent=self)
        self.civilian.set_value("civilian")
        form.addRow(self.tr("Civilian status"), self.civilian)
        self.total = QLabel(self)
        self.total.setObjectName("unidentified_total")
        form.addRow(self.total)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for spin in self.counts.values():
            spin.valueChanged.connect(self._update_total)
        self._update_total()

    def values(self) -> dict[str, int]:
        return {kind: spin.value() for kind, spin in self.counts.items() if spin.value()}

    def _update_total(self) -> None:
        self.total.setText(self.tr("%n victim(s) will be added.", "", sum(self.values().values())))
