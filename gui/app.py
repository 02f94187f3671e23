"""The desktop application's entry point (the window is built in gui.main_window)."""
from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(list(sys.argv[:1]))
    label = QLabel("Tawthiq")
    label.show()
    return app.exec()
