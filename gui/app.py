"""The desktop application's entry point (the window is built in gui.main_window)."""
from __future__ import annotations

import argparse
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
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from core import i18n, paths
    from core.cli import current_user
    from core.storage import StorageError
    from gui.context import AppContext
    from gui.main_window import MainWindow
    from gui.settings import Settings, set_application_names

    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    set_application_names()
    app = QApplication.instance() or QApplication(list(sys.argv[:1]))
    settings = Settings()
    language = args.lang or settings.language
    i18n.set_language(language)
    if language == "ar":
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    db_path = args.db if args.db is not None else paths.default_database()
    try:
        ctx = AppContext(db_path, current_user())
    except StorageError as exc:
        QMessageBox.critical(None, "Tawthiq", str(exc))
        return 1
    window = MainWindow(ctx, settings)
    window.show()
    try:
        return app.exec()
    finally:
        ctx.close()
