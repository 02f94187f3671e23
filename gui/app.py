"""The desktop application's entry point (the window is built in gui.main_window)."""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tawthiq-gui", description="Open the Tawthiq window.")
    parser.add_argument("--db", type=Path, default=None, help="database file")
    parser.add_argument("--lang", choices=("en", "ar"), default=None,
                        help="language of the window (default: the saved choice)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from core import paths
    from core.cli import current_user
    from core.storage import StorageError
    from gui.context import AppContext
    from gui.i18n import apply_language
    from gui.main_window import MainWindow
    from gui.settings import Settings, set_application_names

    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    set_application_names()
    app = QApplication.instance() or QApplication(list(sys.argv[:1]))
    from gui.collector import GuiThreadCollector

    collector = GuiThreadCollector(app)  # noqa: F841  (lives as long as the application)
    settings = Settings()
    language = args.lang or settings.language
    db_path = args.db if args.db is not None else paths.default_database(settings.database_path)
    user, opener = current_user(), None
    if not db_path.exists():
        from gui.first_run import FirstRunWizard

        wizard = FirstRunWizard(settings, db_path, language=args.lang)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
        db_path, language = wizard.database_path, wizard.language
        user, opener = wizard.admin_name or user, wizard.opener
    if opener is None:  # an existing database (also one chosen in the first run): log in
        from core.accounts import needs_login

        try:
            login_needed = needs_login(db_path)
        except StorageError as exc:
            QMessageBox.critical(None, "Tawthiq", str(exc))
            return 1
        if login_needed:
            from gui.login_dialog import LoginDialog

            apply_language(language, app)
            login = LoginDialog(db_path, user_name=os.environ.get("TAWTHIQ_USER", ""))
            if login.exec() != QDialog.DialogCode.Accepted or login.logged_in is None:
                return 0
            user, opener = login.logged_in.user.user_name, login.logged_in.opener
    apply_language(language, app)
    from gui.instance import claim_database

    lock, opener, read_only_message = claim_database(db_path, opener)
    if read_only_message:
        QMessageBox.information(None, "Tawthiq", read_only_message)
    try:
        from gui.upgrade_dialog import upgrade_if_needed

        upgrade_if_needed(db_path, opener)  # a database from an older version, with progress
        ctx = AppContext(db_path, user, opener=opener)
    except (StorageError, sqlite3.DatabaseError) as exc:
        QMessageBox.critical(None, "Tawthiq", str(exc))
        if lock is not None:
            lock.release()
        return 1
    window = MainWindow(ctx, settings)
    if lock is not None:
        from gui.auto_backup import install_auto_backup

        install_auto_backup(ctx, lambda message: window.statusBar().showMessage(message, 15_000))
    window.show()
    try:
        return app.exec()
    finally:
        ctx.close()
        if lock is not None:
            lock.release()
