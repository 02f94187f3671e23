"""Exchange packages in the window: export (a package or a spreadsheet file) and import,
each run on the writer thread with progress and cancel, the import report shown as a
table a person can read.

The work is done by :mod:`core.exchange`; these dialogs only collect the choices and
show the results.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.exchange import (
    ImportReport,
    PackageRefused,
    export_package,
    export_spreadsheet,
    import_package,
)
from gui.context import AppContext
from gui.long_job import run_long_job

EARLIEST = QDate(2011, 3, 1)


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    return widget


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs with a progress dialog."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_text = ""
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        self.package = QRadioButton(self.tr("Exchange package, for another Tawthiq or an analyst (.zip)"))
        self.spreadsheet = QRadioButton(self.tr("For spreadsheets: one row per victim, with labels (.csv)"))
        _named(self.package, "kind_package")
        _named(self.spreadsheet, "kind_spreadsheet")
        self.package.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.package)
        kinds.addButton(self.spreadsheet)
        self.status = _named(QComboBox(), "status")
        self.status.addItem(self.tr("Approved records (the version a reviewer approved)"), "approved")
        self.status.addItem(self.tr("All records, in their newest version"), "all")
        self.limit = _named(QCheckBox(self.tr("Only incidents between")), "limit_dates")
        self.date_from = _named(QDateEdit(), "date_from")
        self.date_to = _named(QDateEdit(), "date_to")
        for edit in (self.date_from, self.date_to):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an ISO date reads left to right
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setMinimumDate(EARLIEST)
            edit.setEnabled(False)
        self.date_from.setDate(QDate(2016, 1, 1))
        self.date_to.setDate(QDate.currentDate())
        self.limit.toggled.connect(self.date_from.setEnabled)
        self.limit.toggled.connect(self.date_to.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.limit)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.path = _named(QLineEdit(), "path")
        self.path.setPlaceholderText(self.tr("Where to write the file"))
        browse = _named(QPushButton(self.tr("Choose…")), "choose_path")
        browse.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Export:"), self.package)
        form.addRow("", self.spreadsheet)
        form.addRow(self.tr("Records:"), self.status)
        form.addRow(self.tr("Dates:"), dates)
        form.addRow(self.tr("File:"), where)
        self.outcome = _named(QLabel(), "export_outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = _named(self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole),
                                 "run_export")
        self.run_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.run_button.setEnabled(bool(self.path.text().strip()))

    def choose_path(self) -> None:
        if self.spreadsheet.isChecked():
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export for spreadsheets"), "",
                                                  self.tr("Spreadsheet (*.csv)"))
        else:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export a package"), "",
                                                  self.tr("Exchange package (*.zip)"))
        if name:
            self.path.setText(name)

    def choices(self) -> dict[str, Any]:
        dated = self.limit.isChecked()
        return {
            "status": self.status.currentData(),
            "date_from": self.date_from.date().toString("yyyy-MM-dd") if dated else None,
            "date_to": self.date_to.date().toString("yyyy-MM-dd") if dated else None,
        }

    def run(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        spreadsheet = self.spreadsheet.isChecked()
        if spreadsheet and not path.lower().endswith(".csv"):
            path += ".csv"
        choices = self.choices()
        fn = export_spreadsheet if spreadsheet else export_package
        self.run_button.setEnabled(False)
        self.outcome.setText(self.tr("Exporting…"))
        run_long_job(self.ctx, self, self.tr("Exporting"), fn, path, choices["status"], choices["date_from"],
                     choices["date_to"], self.ctx.user, on_done=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self._update()
        if isinstance(result, int):
            self.result_text = self.tr("Wrote %1 rows to %2.").replace("%1", self.locale().toString(result)).replace(
                "%2", self.path.text())
        else:
            rows = result.rows
            self.result_text = (self.tr("Wrote %1: %2 incidents, %3 victims, %4 decisions, %5 comments.")
                                .replace("%1", str(result.path)).replace("%2", self.locale().toString(rows["incidents.csv"]))
                                .replace("%3", self.locale().toString(rows["victims.csv"]))
                                .replace("%4", self.locale().toString(rows["decisions.csv"]))
                                .replace("%5", self.locale().toString(rows["comments.csv"])))
        self.outcome.setText(self.result_text)

    def _failed(self, error: BaseException) -> None:
        self._update()
        self.outcome.setText(self.tr("The export failed: %1").replace("%1", str(error)))


class ImportDialog(QDialog):
    """Choose a package and import it; the report says what happened, or why nothing did."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: ImportReport | None = None
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import a package"))
        self.path = _named(QLineEdit(), "path")
        self.path.setPlaceholderText(self.tr("A package: a .zip file or a folder"))
        choose_file = _named(QPushButton(self.tr("File…")), "choose_file")
        choose_folder = _named(QPushButton(self.tr("Folder…")), "choose_folder")
        choose_file.clicked.connect(self.choose_file)
        choose_folder.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose_file)
        where.addWidget(choose_folder)
        self.summary = _named(QLabel(self.tr(
            "The whole package is checked first: if any row is wrong, nothing is imported and the"
            " problems are listed here. Records already here are matched by their identifier and"
            " version, so importing a package twice changes nothing.")), "import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = _named(QTableWidget(0, 5), "import_report")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = _named(self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole),
                                 "run_import")
        self.run_button.clicked.connect(self.run)
        self.show_conflicts_button = _named(self.buttons.addButton(
            self.tr("Show the conflicts"), QDialogButtonBox.ButtonRole.ActionRole), "show_conflicts")
        self.show_conflicts_button.hide()
        self.show_conflicts_button.clicked.connect(self.show_conflicts)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(where)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self._update()
        self.resize(820, 480)

    def _update(self) -> None:
        self.run_button.setEnabled(bool(self.path.text().strip()))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a package"), "",
                                              self.tr("Exchange package (*.zip)"))
        if name:
            self.path.setText(name)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Import a package folder"))
        if name:
            self.path.setText(name)

    def run(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        run_long_job(self.ctx, self, self.tr("Importing"), import_package, str(Path(path)), self.ctx.user,
                     on_done=self.show_report, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self._update()
        if isinstance(error, PackageRefused):
            self.show_report(error.report)
        else:
            self.summary.setText(self.tr("The import failed: %1").replace("%1", str(error)))

    def show_report(self, report: ImportReport) -> None:
        """The report: counts per file after an import, the problems after a refusal."""
        self._update()
        self.report = report
        self.show_conflicts_button.hide()
        self.summary.setText(report.text().split("\n")[0] if report.ok else "\n".join(report.text().split("\n")[:2]))
        if report.ok:
            heads = [self.tr("File"), self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Conflicts")]
            rows = [[name, *(self.locale().toString(c[k]) for k in ("new", "updated", "unchanged", "conflicts"))]
                    for name, c in report.counts.items()]
            lines = [report.duplicates or ""]
            conflicts = any(c["conflicts"] for c in report.counts.values())
            if conflicts:
                lines.insert(0, self.tr("Conflicts keep both versions until a reviewer settles them"
                                        " on the Conflicts page (View ▸ Conflicts)."))
            self.show_conflicts_button.setVisible(conflicts and self._window_with_pages() is not None)
            self.summary.setText(self.summary.text() + "\n" + "\n".join(line for line in lines if line))
        else:
            heads = [self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
            rows = [[e.file, str(e.row) if e.row else "", e.column, e.value, e.reason] for e in report.errors]
            if report.error_count > len(report.errors):
                rows.append(["", "", "", "", self.tr("… and %1 more.").replace(
                    "%1", str(report.error_count - len(report.errors)))])
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 3 and not report.ok:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def _window_with_pages(self) -> Any:
        parent = self.parentWidget()
        return parent if callable(getattr(parent, "show_page", None)) else None

    def show_conflicts(self) -> None:
        """Close the report and open the Conflicts page of the window."""
        window = self._window_with_pages()
        if window is not None:
            window.show_page("conflicts")
        self.accept()


def exchange_actions(parent: QWidget, ctx: AppContext) -> list[QAction]:
    """"Export…" and "Import a package…" for the File menu."""
    export = QAction(QCoreApplication.translate("ExchangeDialogs", "&Export…"), parent)
    export.setObjectName("export_package")
    export.triggered.connect(lambda: ExportDialog(ctx, parent).exec())
    imp = QAction(QCoreApplication.translate("ExchangeDialogs", "&Import a package…"), parent)
    imp.setObjectName("import_package")
    imp.triggered.connect(lambda: ImportDialog(ctx, parent).exec())
    return [export, imp]
