"""The login at start, for a database that has accounts or is encrypted.

The check itself is core.accounts.log_in (the same as the command line's); the dialog
only asks and shows what went wrong.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.accounts import LoggedIn, LoginFailed, log_in
from core.storage import StorageError
from gui.i18n import isolate


class LoginDialog(QDialog):
    """Asks for a user name and password; after `accept()`, `logged_in` holds the user
    and the opener of the database."""

    def __init__(self, db_path: str | Path, parent: QWidget | None = None, user_name: str = ""):
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.db_path = Path(db_path)
        self.logged_in: LoggedIn | None = None
        self.setWindowTitle(self.tr("Log in to Tawthiq"))
        intro = QLabel(self.tr("Log in to open %1.").replace("%1", isolate(self.db_path.name)))
        intro.setObjectName("login_intro")
        intro.setToolTip(str(self.db_path))
        self.user_name = QLineEdit(user_name)
        self.user_name.setObjectName("user_name")
        self.user_name.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user_name)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("log_in")
        buttons.accepted.connect(self.try_log_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        (self.password if user_name else self.user_name).setFocus()

    def try_log_in(self) -> None:
        try:
            self.logged_in = log_in(self.db_path, self.user_name.text(), self.password.text())
        except (LoginFailed, StorageError) as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
