from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.exchange import export_package
from gui.context import AppContext
from gui.exchange_dialogs import ExportDialog, ImportDialog
from tests.core.exchange.helpers import dump, populated, read_rows, write_rows


@pytest.fixture
def ctx(qapp, db_path):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


@pytest.fixture
def package(tmp_path: Path) -> Path:
    db, _ = populated(tmp_path / "team.db")
    path = export_package(db, tmp_path / "team", status="all", user="alice").path
    db.close()
    return path


def test_export_dialog_writes_a_package(qtbot, ctx, tmp_path: Path, package: Path) -> None:
    from core.exchange import import_package

    import_package(ctx.reader, package, "amal")
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.run_button.isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData("all"))
    qtbot.keyClicks(dialog.path, str(tmp_path / "out.zip"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrote" in dialog.outcome.text(), timeout=10000)
    assert "2 incidents, 3 victims, 1 decisions, 1 comments" in dialog.outcome.text()
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        assert "victims.csv" in z.namelist()


def test_export_dialog_for_spreadsheets_with_dates(qtbot, ctx, tmp_path: Path, package: Path) -> None:
    from core.exchange import import_package

    import_package(ctx.reader, package, "amal")
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.spreadsheet.setChecked(True)
    dialog.status.setCurrentIndex(dialog.status.findData("all"))
    dialog.limit.setChecked(True)
    assert dialog.date_from.isEnabled()
    dialog.date_from.setDate(dialog.date_from.date().fromString("2017-01-01", "yyyy-MM-dd"))
    dialog.date_to.setDate(dialog.date_to.date().fromString("2017-12-31", "yyyy-MM-dd"))
    assert dialog.choices() == {"status": "all", "date_from": "2017-01-01", "date_to": "2017-12-31"}
    dialog.path.setText(str(tmp_path / "sheet"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrote" in dialog.outcome.text(), timeout=10000)
    assert "Wrote 1 rows" in dialog.outcome.text()
    assert (tmp_path / "sheet.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_import_dialog_shows_the_counts(qtbot, ctx, package: Path) -> None:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(package))
    seen: list[object] = []
    ctx.changed.connect(seen.append)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.ok
    assert seen and seen[0].victims  # the views hear of the new records
    table = dialog.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)] for r in range(table.rowCount())}
    assert rows["victims.csv"] == ["3", "0", "0", "0"]
    assert "Imported" in dialog.summary.text()


def test_import_dialog_lists_the_problems_of_a_refused_package(qtbot, ctx, package: Path) -> None:
    header, rows = read_rows(package, "victims.csv")
    rows[0][header.index("age")] = "200"
    write_rows(package, "victims.csv", header, rows)
    before = dump(ctx.reader)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(package))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.report.ok
    assert "refused" in dialog.summary.text()
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells[:4] == ["victims.csv", "2", "age", "200"]
    assert "120" in cells[4]
    assert dump(ctx.reader) == before


def test_main_window_file_menu_offers_export_and_import(qtbot, ctx) -> None:
    from PySide6.QtWidgets import QMenu

    from gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    file_menu = window.menuBar().findChild(QMenu, "file_menu")
    names = [a.objectName() for a in file_menu.actions()]
    assert {"export_package", "import_package"} <= set(names)


def test_dialogs_in_arabic_are_right_to_left_and_arabic(qtbot, qapp, ctx, package: Path) -> None:
    from gui.i18n import apply_language
    from tests.gui.untranslated import untranslated

    apply_language("ar", qapp)
    try:
        export = ExportDialog(ctx)
        imp = ImportDialog(ctx)
        for dialog in (export, imp):
            qtbot.addWidget(dialog)
            dialog.show()
            assert dialog.isRightToLeft()
        assert untranslated(export) == []
        header, rows = read_rows(package, "victims.csv")
        rows[0][header.index("sex")] = "x"
        write_rows(package, "victims.csv", header, rows)
        imp.path.setText(str(package))
        qtbot.mouseClick(imp.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: imp.report is not None, timeout=10000)
        assert "رُفضت" in imp.summary.text()
        assert untranslated(imp, allowed=("victims.csv", "sex")) == []
    finally:
        apply_language("en", qapp)
