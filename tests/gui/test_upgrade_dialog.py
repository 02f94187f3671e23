"""A database from an older version is updated before the window opens, on a thread of
its own, while a dialog says so."""
from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QLabel

from core.storage import open_database, pending_migrations
from gui import upgrade_dialog
from gui.upgrade_dialog import UpgradeDialog
from tests.core.storage.old_database import make_old_database


def test_the_application_shows_the_update_then_the_window(qtbot, db_path, monkeypatch):
    from gui import app, main_window

    make_old_database(db_path, victims=3)
    gui_thread = threading.get_ident()
    events: list[tuple] = []
    windows: list[main_window.MainWindow] = []
    shown = UpgradeDialog.show
    finish = UpgradeDialog.finish
    upgrade = upgrade_dialog.upgrade_database

    def showing(dialog):
        events.append(("dialog", dialog.isModal(), dialog.findChild(QLabel, "upgrade_message").text(),
                       dialog.findChild(QLabel, "upgrade_warning").text()))
        shown(dialog)

    def finishing(dialog):
        events.append(("finished", threading.get_ident() == gui_thread, dialog.bar.value(), dialog.bar.maximum()))
        finish(dialog)

    def upgrading(db, job=None):
        events.append(("upgrade", threading.get_ident() == gui_thread))
        return upgrade(db, job=job)

    class Window(main_window.MainWindow):
        def __init__(self, ctx, settings=None):
            events.append(("window",))
            super().__init__(ctx, settings)
            windows.append(self)

    monkeypatch.setattr(UpgradeDialog, "show", showing)
    monkeypatch.setattr(UpgradeDialog, "finish", finishing)
    monkeypatch.setattr(upgrade_dialog, "upgrade_database", upgrading)
    monkeypatch.setattr(main_window, "MainWindow", Window)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    assert app.main(["--db", str(db_path), "--lang", "en"]) == 0
    kinds = [e[0] for e in events]
    assert kinds[0] == "dialog" and kinds[-1] == "window" and ("upgrade", False) in events
    _, modal, message, warning = events[0]
    assert modal and db_path.name in message and "new version" in message and "Do not close" in warning
    assert ("finished", True, 3, 3) in events  # the name keys' progress reached the dialog
    db = open_database(db_path, migrate=False)
    assert pending_migrations(db) == []
    db.close()
    windows[0].close()


def test_a_current_database_opens_without_the_dialog(qtbot, db_path, monkeypatch):
    import functools

    open_database(db_path).close()
    monkeypatch.setattr(UpgradeDialog, "show", lambda dialog: (_ for _ in ()).throw(AssertionError("shown")))
    assert upgrade_dialog.upgrade_if_needed(db_path, functools.partial(open_database, db_path)) == []


def test_the_dialog_cannot_be_closed_until_the_update_has_finished(qtbot, db_path):
    dialog = UpgradeDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.close()
    dialog.reject()
    assert dialog.isVisible()
    dialog.show_progress(1, 2, 4)
    assert (dialog.bar.value(), dialog.bar.maximum()) == (2, 4)
    dialog.finish()
    assert not dialog.isVisible()


def test_an_encrypted_database_is_updated_with_the_key_of_the_login(qtbot, db_path):
    from core.accounts import log_in
    from core.storage.schema import latest_version

    open_database(db_path, user="amal", password="a long passphrase").close()
    db = open_database(db_path, user="amal", password="a long passphrase")
    with db.atomic():  # as if the latest migration had not been made yet
        db.execute("DELETE FROM schema_migrations WHERE number = ?", [latest_version()])
    db.close()
    logged_in = log_in(db_path, "amal", "a long passphrase")  # no migration at login
    assert upgrade_dialog.upgrade_if_needed(db_path, logged_in.opener) == [latest_version()]
    db = logged_in.opener()
    assert pending_migrations(db) == []
    db.close()


def test_a_failed_update_is_reported_and_changes_nothing(qtbot, db_path, monkeypatch):
    import functools

    import pytest

    from core.storage import StorageError

    make_old_database(db_path)

    def failing(db, job=None):
        raise RuntimeError("disk error")

    monkeypatch.setattr(upgrade_dialog, "upgrade_database", failing)
    with pytest.raises(StorageError, match="failed: disk error"):
        upgrade_dialog.upgrade_if_needed(db_path, functools.partial(open_database, db_path))
    db = open_database(db_path, migrate=False)
    assert pending_migrations(db)
    db.close()
