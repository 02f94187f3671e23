"""Every reason the incident cannot be saved, listed in plain words; choosing one goes to
the field (or the victim's cell) to correct."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from core.models import Problem
from gui.form.incident_fields import field_label
from gui.form.victims_model import column_title

PROBLEM_ROLE = Qt.ItemDataRole.UserRole


def describe(problem: Problem) -> str:
    if problem.victim_index is not None:
        where = QCoreApplication.translate("ProblemList", "Victim %1, %2").replace(
            "%1", str(problem.victim_index + 1)).replace("%2", column_title(problem.field) if problem.field else "")
    else:
        where = field_label(problem.field).replace("&", "") if problem.field else ""
    return f"{where}: {problem.message}" if where else problem.message


class ProblemList(QListWidget):
    problem_chosen = Signal(object)  # Problem

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problems")
        self.setAccessibleName("problems")
        self.setStyleSheet("QListWidget { color: #b00020; }")
        self.itemActivated.connect(lambda item: self.problem_chosen.emit(item.data(PROBLEM_ROLE)))
        self.itemClicked.connect(lambda item: self.problem_chosen.emit(item.data(PROBLEM_ROLE)))
        self.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        for problem in problems:
            item = QListWidgetItem(describe(problem))
            item.setData(PROBLEM_ROLE, problem)
            self.addItem(item)
        self.setVisible(bool(problems))
        rows = min(len(problems), 5)
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2 if rows else 0)

    def messages(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
