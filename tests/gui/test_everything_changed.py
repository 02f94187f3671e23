"""After an import too large to list its records (`Changes.everything`), every view of
records reads again: the status line's counts, the browser, the start page."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from core.exchange import export_package, import_package
from core.exchange import import_ as import_module
from gui.context import AppContext
from gui.main_window import MainWindow
from tests.core.exchange.helpers import populated


@pytest.fixture
def ctx(qapp, db_path):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


def test_views_refresh_after_an_import_that_changed_everything(qtbot, ctx, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    team, _ = populated(tmp_path / "team.db")
    package = export_package(team, tmp_path / "p", status="all").path
    team.close()
    monkeypatch.setattr(import_module, "CHANGES_LIMIT", 1)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    incidents_page = window.pages["incidents"]
    counts = window.findChild(QLabel, "status_counts")
    qtbot.waitUntil(lambda: counts.text().startswith("0 incidents, 0 victims"))  # counted off the GUI thread
    assert incidents_page.showing() == "empty_state"
    with qtbot.waitSignal(ctx.changed) as changed:
        ctx.submit(import_package, str(package), "amal")
    assert changed.args[0].everything and not changed.args[0].incidents
    qtbot.waitUntil(lambda: counts.text().startswith("2 incidents, 3 victims"))
    assert incidents_page.showing() == "browser"
    browser = incidents_page.browser
    qtbot.waitUntil(lambda: browser.incidents.rowCount() == 2 and browser.victims.rowCount() == 3, timeout=5000)
