"""The live tallies panel: tables and charts of killed people, the report sentence, and
exports. It follows every save by itself (through `ctx.changed`, debounced), reading the
tallies on the background reader so that the window never waits for them.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import report
from core.changes import Changes
from core.report import TallyPanel
from gui.background import Latest
from gui.context import AppContext
from gui.records_browser import DateBound, ShrinkingCombo
from gui.tally_charts import monthly_chart, perpetrator_chart
from gui.tally_models import TallyTableModel

CHANGE_DELAY_MS = 30  # saves that arrive together are counted once
MONTHS_DELAY_MS = 1500  # the list of months is long to read at national scale; it rarely changes
ALL_DATES = "all"
CUSTOM = "custom"


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    return widget


class TalliesView(QWidget):
    """Tallies by perpetrator, governorate and month for a period, status and civilian
    status; charts; the report sentence; CSV and PNG export."""

    updated = Signal()  # the tables, charts and sentence show the newest figures

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tallies_view")
        self._ctx = ctx
        self._latest = Latest()
        self._latest_months = Latest()
        self._panel: TallyPanel | None = None
        self._months: list[tuple[str, int]] = []
        self._period_chosen = False

        # filters
        self.period = _named(ShrinkingCombo(), "period")
        self.date_from = DateBound("date_from")
        self.date_to = DateBound("date_to")
        self.status = _named(ShrinkingCombo(), "review_status")
        self.pending_label = _named(QLabel(), "pending")
        self.civilian = _named(ShrinkingCombo(), "civilian")
        self._period_label, self._from_label, self._to_label = QLabel(), QLabel(), QLabel()
        self._status_label, self._civilian_label = QLabel(), QLabel()
        for combo in (self.period, self.status, self.civilian):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters = QGridLayout()
        filters.addWidget(self._period_label, 0, 0)
        filters.addWidget(self.period, 0, 1)
        dates = QHBoxLayout()
        for w in (self._from_label, self.date_from, self._to_label, self.date_to):
            dates.addWidget(w)
        filters.addLayout(dates, 0, 2)
        filters.addWidget(self._status_label, 1, 0)
        filters.addWidget(self.status, 1, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.pending_label, 1)
        status_row.addWidget(self._civilian_label)
        status_row.addWidget(self.civilian)
        filters.addLayout(status_row, 1, 2)
        filters.setColumnStretch(3, 1)

        # the report sentence
        self.sentence = _named(QLabel(), "report_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sentence.setFont(font)
        self.copy_button = _named(QPushButton(), "copy_sentence")
        self.copy_button.clicked.connect(self.copy_sentence)
        sentence_row = QHBoxLayout()
        sentence_row.addWidget(self.sentence, 1)
        sentence_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        # tables
        self.models = {by: TallyTableModel(by, self) for by in ("perpetrator", "governorate", "month")}
        self.tables = QTabWidget()
        self.tables.setObjectName("tally_tables")
        self.views: dict[str, QTableView] = {}
        for by, model in self.models.items():
            view = QTableView()
            _named(view, f"tally_by_{by}")
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.setAlternatingRowColors(True)
            self.views[by] = view
            self.tables.addTab(view, "")

        # charts
        self.perpetrator_chart = self._chart_view("chart_by_perpetrator")
        self.monthly_chart = self._chart_view("chart_by_month")
        self.charts = QWidget()
        self.charts.setObjectName("charts")
        charts_layout = QVBoxLayout(self.charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.perpetrator_chart, 3)
        charts_layout.addWidget(self.monthly_chart, 2)
        splitter = QSplitter()
        splitter.addWidget(self.tables)
        splitter.addWidget(self.charts)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 500])

        # exports
        self.export_csv_button = _named(QPushButton(), "export_csv")
        self.export_csv_button.clicked.connect(self._ask_export_csv)
        self.export_png_button = _named(QPushButton(), "export_chart")
        self.export_png_button.clicked.connect(self._ask_export_png)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_csv_button)
        buttons.addWidget(self.export_png_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(sentence_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)
        self._months_timer = QTimer(self, singleShot=True, interval=MONTHS_DELAY_MS)
        self._months_timer.timeout.connect(self.read_months)
        self.retranslate()
        self.period.currentIndexChanged.connect(self._period_changed)
        for date_edit in (self.date_from, self.date_to):
            date_edit.dateChanged.connect(self._dates_edited)
        self.status.currentIndexChanged.connect(self.refresh)
        self.civilian.currentIndexChanged.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self.read_months()

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        _named(view, name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(110)
        return view

    # texts

    def retranslate(self) -> None:
        self._period_label.setText(self.tr("Period"))
        self._from_label.setText(self.tr("From"))
        self._to_label.setText(self.tr("to"))
        self._status_label.setText(self.tr("Records"))
        self._civilian_label.setText(self.tr("Counting"))
        self._fill(self.status, [("approved", self.tr("Approved")), ("all", self.tr("All not rejected"))])
        self._fill(self.civilian, [("civilian", self.tr("Civilians")), ("combatant", self.tr("Combatants")),
                                   ("unknown", self.tr("Status unknown")), ("all", self.tr("Everyone"))])
        self._fill_periods()
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the sentence to the clipboard"))
        self.export_csv_button.setText(self.tr("Export table as CSV…"))
        self.export_png_button.setText(self.tr("Export charts as PNG…"))
        for i, title in enumerate((self.tr("By perpetrator"), self.tr("By governorate"), self.tr("By month"))):
            self.tables.setTabText(i, title)
        if self._panel is not None:
            self._show(self._panel)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def _fill_periods(self) -> None:
        items = [(ALL_DATES, self.tr("All dates")), (CUSTOM, self.tr("Chosen dates"))]
        items += [(month, report.month_label(month)) for month, _ in reversed(self._months)]
        self._fill(self.period, items)

    # filters

    def filters(self) -> dict[str, str | None]:
        return {"date_from": self.date_from.iso(), "date_to": self.date_to.iso(),
                "status": self.status.currentData() or "approved",
                "civilian": self.civilian.currentData() or "civilian"}

    def set_period(self, date_from: str | None, date_to: str | None) -> None:
        """Show the tallies between two days (either may be None: no limit)."""
        self._period_chosen = True
        self._set_dates(date_from, date_to)
        month = date_from[:7] if date_from else None
        if month and (date_from, date_to) == report.month_range(month) and self.period.findData(month) >= 0:
            self._select_period(month)
        else:
            self._select_period(ALL_DATES if not date_from and not date_to else CUSTOM)
        self.refresh()

    def _set_dates(self, date_from: str | None, date_to: str | None) -> None:
        for edit, value in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.set_iso(value)
            edit.blockSignals(False)

    def _select_period(self, key: str) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(max(0, self.period.findData(key)))
        self.period.blockSignals(False)

    def _period_changed(self) -> None:
        key = self.period.currentData()
        self._period_chosen = True
        if key == ALL_DATES:
            self._set_dates(None, None)
        elif key != CUSTOM:
            self._set_dates(*report.month_range(key))
        self.refresh()

    def _dates_edited(self) -> None:
        self._period_chosen = True
        self._select_period(CUSTOM)
        self.refresh()

    # reading

    def refresh(self) -> None:
        """Read the tallies again (on the background reader)."""
        on_done, on_error = self._latest.start(self._show, self._failed)
        self._ctx.reader_of("tallies").read(report.panel_tallies, **self.filters(),
                                  on_done=on_done, on_error=on_error)

    def read_months(self) -> None:
        on_done, on_error = self._latest_months.start(self._months_arrived, self._failed)
        self._ctx.reader_of("tallies").read(report.months_with_deaths, on_done=on_done, on_error=on_error)

    def _months_arrived(self, months: list[tuple[str, int]]) -> None:
        self._months = months
        self._fill_periods()
        if self._period_chosen:
            return
        # First opening: the month with the most approved deaths, where a report starts.
        busiest = max(months, key=lambda m: (m[1], m[0]))[0] if months else None
        if busiest:
            self.set_period(*report.month_range(busiest))
        else:
            self.set_period(None, None)

    def _on_changed(self, changes: Changes) -> None:
        if changes.tallies:
            self._change_timer.start()
            self._months_timer.start()

    def _failed(self, error: BaseException) -> None:
        self.sentence.setText(self.tr("The tallies could not be read: %1").replace("%1", str(error)))

    # showing

    def _show(self, panel: TallyPanel) -> None:
        self._panel = panel
        for by, model in self.models.items():
            model.set_tally(getattr(panel, f"by_{by}"))
        self.sentence.setText(report.report_sentence(panel.by_perpetrator))
        approved = self.status.currentData() == "approved"
        self.pending_label.setText(
            self.tr("(%1 more awaiting review)").replace("%1", f"{panel.pending:,}") if approved and panel.pending else "")
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self._set_chart(self.perpetrator_chart, perpetrator_chart(panel.by_perpetrator, rtl))
        self._set_chart(self.monthly_chart, monthly_chart(panel.trend, rtl))
        self.updated.emit()

    @staticmethod
    def _set_chart(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

    @property
    def panel(self) -> TallyPanel | None:
        return self._panel

    def current_table(self) -> str:
        return list(self.models)[self.tables.currentIndex()]

    # output

    def copy_sentence(self) -> None:
        QGuiApplication.clipboard().setText(self.sentence.text())

    def export_csv(self, path: str | Path, by: str | None = None) -> None:
        """Write the table shown (or the one grouped `by`) as CSV, for spreadsheets."""
        tally = self.models[by or self.current_table()].tally
        if tally is None:
            return
        with open(path, "w", encoding="utf-8-sig", newline="") as stream:
            report.write_table_csv(tally, stream)

    def export_png(self, path: str | Path) -> bool:
        return self.charts.grab().save(str(path), "PNG")

    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table as CSV"), self._suggested("csv"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self._report_failure(lambda: self.export_csv(path))

    def _ask_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export charts as PNG"), self._suggested("png"),
                                              self.tr("PNG images (*.png)"))
        if path and not self.export_png(path):
            self._warn(self.tr("The image could not be written to %1.").replace("%1", path))

    def _suggested(self, suffix: str) -> str:
        f = self.filters()
        span = "-".join(x for x in (f["date_from"], f["date_to"]) if x) or "all"
        return str(Path.home() / f"tally-{self.current_table()}-{span}.{suffix}")

    def _report_failure(self, action: Callable[[], None]) -> None:
        try:
            action()
        except OSError as exc:
            self._warn(self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)))

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Export"), text)

