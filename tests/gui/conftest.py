"""Every window test starts in the interface the application starts in: English, with its
translation installed (tawthiq_en.qm gives the English plurals, "2 conflicts" and not
"2 conflict(s)"), left to right. Without this a test's strings depended on whether an
earlier test of the run had happened to install it."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _english_as_at_start_up(qapp: QApplication) -> None:
    from gui.i18n import apply_language

    apply_language("en", qapp)
