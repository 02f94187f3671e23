"""What the Incidents page shows before anything is entered: the three ways to begin."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Buttons for the actions `new_incident`, `load_demo` and `import_gazetteer`.

    Each button is named `empty_<action name>` and triggers the window's action, so the
    menu, the shortcut and the button do one and the same thing.
    """

    def __init__(self, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("empty_state")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(self.tr("The database holds no incidents yet."), self)
        heading.setObjectName("empty_state_heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        layout.addWidget(heading)
        hint = QLabel(self.tr("Enter a first incident, look around with demonstration data, "
                              "or load a gazetteer so that districts and sub-districts can be chosen."), self)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.buttons: dict[str, QPushButton] = {}
        for action in actions:
            button = QPushButton(action.text().replace("&", ""), self)
            button.setObjectName(f"empty_{action.objectName()}")
            button.setAccessibleName(action.text().replace("&", ""))
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())
            button.setMinimumWidth(260)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons[action.objectName()] = button
        layout.addStretch(2)
