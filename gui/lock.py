"""The window locks itself after a while without use and asks for the password again.

- :class:`IdleLock` watches the whole application's input (an event filter on the
  `QApplication`): any key, click, wheel or mouse move restarts a timer; when it runs
  out, the window is locked.
- Locked, a :class:`LockScreen` covers the main window entirely (the records beneath are
  not drawn), every other window of the application is hidden, and input to anything but
  the lock screen is swallowed. Only the logged-in user's password unlocks it; the check
  is core's (:func:`core.unlock.check_password`).
- The idle time is a setting (`Settings.lock_minutes`, 0 for never).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import isolate

ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut,
}
INPUT = ACTIVITY | {
    QEvent.Type.KeyRelease, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.ShortcutOverride, QEvent.Type.ContextMenu, QEvent.Type.InputMethod,
}


class LockScreen(QFrame):
    """What covers the window while it is locked: who may unlock it, and a password field."""

    unlock_requested = Signal(str)

    def __init__(self, user_name: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = QLabel(self.tr("Tawthiq is locked"))
        self.title.setObjectName("lock_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = QLabel(
            self.tr("The window locked itself after a time without use, so that nobody else can read"
                    " the records. Enter the password of %1 to go on.").replace("%1", isolate(user_name)))
        self.explanation.setObjectName("lock_explanation")
        self.explanation.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = QLabel()
        self.error.setObjectName("lock_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        box = QWidget(self)
        box.setObjectName("lock_box")
        # A fixed width lets the wrapped explanation take the height it needs.
        box.setFixedWidth(440)
        inner = QVBoxLayout(box)
        inner.setSpacing(12)
        for widget in (self.title, self.explanation, self.password, self.error, self.unlock_button):
            inner.addWidget(widget)
        self.error.hide()
        margins = inner.contentsMargins()
        self.explanation.setMinimumHeight(
            self.explanation.heightForWidth(box.width() - margins.left() - margins.right()))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.password.text())

    def refused(self) -> None:
        self.error.setText(self.tr("That is not the password; try again."))
        self.error.show()
        self.password.clear()
        self.password.setFocus()


class IdleLock(QObject):
    """Locks `window` after `minutes` without input; `check(password)` says whether a
    password unlocks it. `minutes` 0 never locks (a lock can still be asked for with
    :meth:`lock`)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, user_name: str, check: Callable[[str], bool], minutes: float,
                 parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.user_name = user_name
        self._check = check
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        if minutes > 0:
            self._timer.setInterval(int(minutes * 60_000))
            if not self.is_locked:
                self._timer.start()
        else:
            self._timer.stop()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def lock(self) -> None:
        if self.is_locked:
            return
        self._timer.stop()
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w is not self.window and w.isVisible() and not isinstance(w, LockScreen)]
        for widget in self._hidden:
            widget.hide()
        self.screen = LockScreen(self.user_name, self.window)
        self.screen.unlock_requested.connect(self._try_unlock)
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.password.setFocus()
        self.locked.emit()

    def _try_unlock(self, password: str) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ok = self._check(password)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not ok:
            assert self.screen is not None
            self.screen.refused()
            return
        self.unlock()

    def unlock(self) -> None:
        if self.screen is None:
            return
        screen, self.screen = self.screen, None
        screen.hide()
        screen.deleteLater()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self.minutes > 0:
            self._timer.start()
        self.unlocked.emit()

    def _inside_screen(self, obj: QObject) -> bool:
        node: QObject | None = obj
        while node is not None:
            if node is self.screen:
                return True
            node = node.parent()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize and self.screen is not None:
            self.screen.setGeometry(self.window.rect())
        if self.screen is not None:
            # Locked: input reaches the lock screen and nothing else.
            return kind in INPUT and obj.isWidgetType() and not self._inside_screen(obj)
        if kind in ACTIVITY and self.minutes > 0:
            self._timer.start()
        return False

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.removeEventFilter(self)


def install_idle_lock(window: QWidget, ctx: object, minutes: float) -> IdleLock | None:
    """The idle lock for the main window, or None when no password protects the database
    (a plain file without accounts: there would be nothing to ask)."""
    from core.unlock import check_password, has_password

    reader = ctx.reader  # type: ignore[attr-defined]
    user = ctx.user  # type: ignore[attr-defined]
    if not has_password(reader):
        return None
    return IdleLock(window, user, lambda password: check_password(reader, user, password), minutes)
