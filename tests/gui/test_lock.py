"""The window locks itself after a time without use and needs the password again."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from core import accounts
from core.storage import open_database, session
from gui.context import AppContext
from gui.lock import IdleLock, LockScreen

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    win.field = QLineEdit()  # type: ignore[attr-defined]
    win.field.setObjectName("given_name")  # type: ignore[attr-defined]
    layout.addWidget(win.field)  # type: ignore[attr-defined]
    win.setCentralWidget(central)
    win.resize(600, 400)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _lock(window, minutes=0.005, password="secret-pass"):
    return IdleLock(window, "amal", lambda given: given == password, minutes)


def test_it_locks_after_the_idle_time_and_covers_the_window(qtbot, window):
    lock = _lock(window)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.is_locked
    screen = window.findChild(LockScreen, "lock_screen")
    assert screen is not None and screen.isVisible()
    assert screen.geometry() == window.rect()
    window.resize(800, 500)
    qtbot.waitUntil(lambda: screen.geometry() == window.rect())
    lock.stop()


def test_while_locked_nothing_beneath_takes_input(qtbot, window):
    lock = _lock(window, minutes=0)
    lock.lock()
    qtbot.keyClicks(window.field, "typed while locked")
    qtbot.mouseClick(window.field, Qt.MouseButton.LeftButton)
    assert window.field.text() == ""
    lock.stop()


def test_a_wrong_password_keeps_it_locked_and_the_right_one_unlocks(qtbot, window):
    lock = _lock(window, minutes=0)
    lock.lock()
    screen = lock.screen
    qtbot.keyClicks(screen.password, "guess")
    qtbot.mouseClick(screen.findChild(QPushButton, "unlock"), Qt.MouseButton.LeftButton)
    assert lock.is_locked and "not the password" in screen.error.text() and screen.password.text() == ""
    qtbot.keyClicks(screen.password, "secret-pass")
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not lock.is_locked
    qtbot.keyClicks(window.field, "back")
    assert window.field.text() == "back"
    lock.stop()


def test_activity_restarts_the_countdown(qtbot, window):
    lock = _lock(window, minutes=1)
    qtbot.wait(1000)  # without activity the countdown would now be under 59.1 s
    qtbot.mouseMove(window.field, QPoint(5, 5))
    qtbot.keyClick(window.field, Qt.Key.Key_A)
    assert lock.remaining_ms() > 59_500
    assert not lock.is_locked
    lock.set_minutes(0)
    assert lock.remaining_ms() == -1
    lock.stop()


def test_other_windows_are_hidden_while_locked(qtbot, window):
    dialog = QDialog(window)
    dialog.setObjectName("some_dialog")
    qtbot.addWidget(dialog)
    dialog.show()
    lock = _lock(window, minutes=0)
    lock.lock()
    assert not dialog.isVisible()
    lock.screen.password.setText("secret-pass")
    lock.screen.unlock_button.click()
    assert dialog.isVisible()
    lock.stop()


@pytest.fixture
def encrypted_ctx(qapp, db_path, fast_kdf):
    db = open_database(db_path, user="amal", password="amal-pass-1")
    accounts.create_user(db, "amal", "amal", "amal-pass-1", "admin")
    opener = session(db).opener()
    db.close()
    ctx = AppContext(db_path, "amal", opener=opener)
    yield ctx
    ctx.close()


def _screenshot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / name))


def test_the_main_window_locks_with_the_account_password(qtbot, encrypted_ctx):
    from gui.main_window import MainWindow

    window = MainWindow(encrypted_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.idle_lock is not None
    window.findChild(QAction, "lock_now").trigger()
    assert window.idle_lock.is_locked
    _screenshot(window, "lock-en.png")
    screen = window.idle_lock.screen
    qtbot.keyClicks(screen.password, "amal-pass-2")
    screen.unlock_button.click()
    assert window.idle_lock.is_locked
    qtbot.keyClicks(screen.password, "amal-pass-1")
    screen.unlock_button.click()
    assert not window.idle_lock.is_locked
    window.close()


def test_the_lock_screen_in_arabic_right_to_left(qtbot, encrypted_ctx, qapp):
    from core import i18n
    from gui.i18n import apply_language
    from gui.main_window import MainWindow

    apply_language("ar", qapp)
    try:
        window = MainWindow(encrypted_ctx)
        qtbot.addWidget(window)
        window.show()
        window.idle_lock.lock()
        assert window.idle_lock.screen.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.idle_lock.screen.title.text() != "Tawthiq is locked"
        _screenshot(window, "lock-ar.png")
        window.close()
    finally:
        apply_language("en", qapp)
        i18n.set_language("en")


def test_a_plain_database_without_accounts_has_no_lock(qtbot, db_path, qapp):
    from gui.main_window import MainWindow

    ctx = AppContext(db_path, "local")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.idle_lock is None
    assert not window.findChild(QAction, "lock_now").isEnabled()
    window.close()
    ctx.close()
