"""The import report writes its counts as the tables do, with a comma between thousands."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.exchange import export_package
from core.storage import open_database
from gui.context import AppContext
from gui.exchange_dialogs import ImportDialog
from gui.i18n import apply_language
from seeds.demo import load_demo


@pytest.fixture
def ctx(qapp, db_path):
    apply_language("en", qapp)  # as at start-up: numbers in the interface's locale
    context = AppContext(db_path, "amal")
    yield context
    context.close()


def test_import_counts_have_thousands_separated(qtbot, ctx, tmp_path: Path) -> None:
    team = open_database(tmp_path / "team.db")
    load_demo(team, "amal")
    victims = team.execute("SELECT COUNT(*) FROM victims").fetchone()[0]
    package = export_package(team, tmp_path / "demo", status="all").path
    team.close()
    assert victims >= 1000
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(package))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    cells = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert cells["victims.csv"] == f"{victims:,}"
    # The report's sentences (the dialog's summary, the command line) write them alike.
    assert f"victims.csv: {victims:,} new" in dialog.report.text()
    assert f"Duplicate scan over {victims:,} imported victims" in dialog.summary.text()
