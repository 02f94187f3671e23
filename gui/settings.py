"""The user's preferences, typed, over QSettings.

Organisation and application names are fixed here so that every QSettings of the
application lands in one file under the user's configuration folder (the test suite
points that folder into a temporary HOME).
"""
from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

ORGANISATION = "Tawthiq"
APPLICATION = "Tawthiq"


def set_application_names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def settings_file() -> Path:
    """The INI file in the user's configuration folder, looked up afresh each time
    (QSettings would remember the first folder it saw for the whole process)."""
    return Path(platformdirs.user_config_dir(APPLICATION, appauthor=False)) / f"{APPLICATION}.ini"


class Settings:
    """Typed access to the stored preferences. Unknown or damaged values read as defaults."""

    def __init__(self, store: QSettings | None = None):
        self._store = store or QSettings(str(settings_file()), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def _text(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes("main_window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("main_window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("main_window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("main_window/state", value)

    @property
    def current_page(self) -> str:
        return self._text("main_window/page", "incidents")

    @current_page.setter
    def current_page(self, value: str) -> None:
        self._store.setValue("main_window/page", value)

    @property
    def language(self) -> str:
        value = self._text("language", "en")
        return value if value in ("en", "ar") else "en"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", value)

    @property
    def database_path(self) -> str:
        """The database chosen at the first run ("" for the default place)."""
        return self._text("database_path", "")

    @database_path.setter
    def database_path(self, value: str) -> None:
        self._store.setValue("database_path", str(value))

    @property
    def last_folder(self) -> str:
        return self._text("last_folder", "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._store.setValue("last_folder", value)

    @property
    def lock_minutes(self) -> float:
        """Minutes without use after which the window locks (0: never)."""
        value = self._store.value("security/lock_minutes", 10)
        try:
            minutes = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 10.0
        return minutes if minutes >= 0 else 10.0

    @lock_minutes.setter
    def lock_minutes(self, value: float) -> None:
        self._store.setValue("security/lock_minutes", float(value))

    def sync(self) -> None:
        self._store.sync()
