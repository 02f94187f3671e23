from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.context import AppContext
from gui.main_window import MainWindow


@pytest.fixture
def ctx(qapp, db_path):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


def open_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


@pytest.fixture
def window(qtbot, ctx):
    return open_window(qtbot, ctx)


@pytest.fixture
def form(qtbot, window):
    page = window.pages["incidents"]
    page.new_incident_action.trigger()
    qtbot.waitUntil(lambda: page.form.fields.editors["date"].hasFocus())
    return page.form


class Keyboard:
    """Types into whatever widget has the keyboard focus, as a person would."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        for char in text:
            if char.isascii():
                self.qtbot.keyClick(self.focus(), char)
            else:  # QTest sends only Latin-1 characters; Arabic goes as a key event's text
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(self.focus(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)
            QApplication.processEvents()

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times=times)


@pytest.fixture
def keyboard(qtbot):
    return Keyboard(qtbot)
