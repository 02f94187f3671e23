from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from gui.settings import Settings


def test_values_round_trip_and_damaged_values_read_as_defaults(qapp, tmp_path):
    store = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    assert settings.language == "en" and settings.current_page == "incidents"
    settings.language = "ar"
    settings.current_page = "tallies"
    settings.window_geometry = QByteArray(b"\x01\x02")
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    assert (again.language, again.current_page, bytes(again.window_geometry)) == ("ar", "tallies", b"\x01\x02")
    store.setValue("language", "fr")
    store.setValue("main_window/geometry", "not bytes")
    assert settings.language == "en"
    assert settings.window_geometry.isEmpty()


def test_default_store_lives_in_the_isolated_home(qapp, tmp_path_factory):
    import os

    settings = Settings()
    settings.language = "ar"
    settings.sync()
    assert settings._store.fileName().startswith(os.environ["XDG_CONFIG_HOME"])
