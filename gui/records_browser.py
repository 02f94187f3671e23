"""The records browser: incidents and victims as tables, filtered and sorted in SQL.

Double-clicking a row emits `open_incident(incident_uuid)`; the main window opens the
incident in the form. The lists follow every save through `ctx.changed`.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import vocab
from core.browse import BrowseFilter
from core.changes import Changes
from core.models import EARLIEST_DATE
from gui.browse_models import UUID_ROLE, IncidentTableModel, RecordTableModel, VictimTableModel
from gui.context import AppContext

# One day before documentation begins: shown as an empty date, meaning "no limit".
NO_DATE = QDate(EARLIEST_DATE.year, EARLIEST_DATE.month, EARLIEST_DATE.day).addDays(-1)
SEARCH_DELAY_MS = 250
CHANGE_DELAY_MS = 50


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    return widget


class ShrinkingCombo(QComboBox):
    """A combo box as wide as its longest entry when there is room, narrower when not."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(70, super().minimumSizeHint().height())


class DateBound(QDateEdit):
    """A date that may be left empty (no limit)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        _named(self, name)
        self.setCalendarPopup(True)
        # An ISO date reads left to right in both languages, as it is typed and exchanged
        # (in a right-to-left widget Qt would reverse the order of its parts).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(" ")
        self.setDate(NO_DATE)

    def iso(self) -> str | None:
        return None if self.date() == NO_DATE else self.date().toString("yyyy-MM-dd")

    def set_iso(self, value: str | None) -> None:
        self.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)


class FilterBar(QWidget):
    """Date range, governorate, perpetrator, review status and name search."""

    changed = Signal(object)  # BrowseFilter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.date_from = DateBound("date_from")
        self.date_to = DateBound("date_to")
        self.governorate = _named(ShrinkingCombo(), "governorate")
        self.perpetrator = _named(ShrinkingCombo(), "perpetrator")
        self.review_status = _named(ShrinkingCombo(), "review_status")
        self.name = _named(QLineEdit(), "name_search")
        self.name.setClearButtonEnabled(True)
        self._from_label = QLabel()
        self._to_label = QLabel()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        for combo in (self.governorate, self.perpetrator, self.review_status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 0, 0, 1, 3)
        layout.addWidget(self.governorate, 0, 3)
        layout.addWidget(self.perpetrator, 0, 4)
        dates = QHBoxLayout()
        for w in (self._from_label, self.date_from, self._to_label, self.date_to):
            dates.addWidget(w)
        dates.addStretch(1)
        layout.addLayout(dates, 1, 0, 1, 3)
        layout.addWidget(self.review_status, 1, 3)
        layout.setColumnStretch(0, 1)
        self.retranslate()
        for date_edit in (self.date_from, self.date_to):
            date_edit.dateChanged.connect(self._emit)
        for combo in (self.governorate, self.perpetrator, self.review_status):
            combo.currentIndexChanged.connect(self._emit)
        self.name.textChanged.connect(self._search_timer.start)
        self.name.returnPressed.connect(self._emit)

    def retranslate(self) -> None:
        self.name.setPlaceholderText(self.tr("Search names, Arabic or Latin"))
        self._from_label.setText(self.tr("From"))
        self._to_label.setText(self.tr("to"))
        self._fill(self.governorate, self.tr("All governorates"),
                   [(c, vocab.label("governorate", c)) for c in vocab.GOVERNORATE_CODES])
        self._fill(self.perpetrator, self.tr("All perpetrators"),
                   [(c, vocab.label("perpetrator", c)) for c in vocab.codes("perpetrator")])
        self._fill(self.review_status, self.tr("All statuses"),
                   [(c, vocab.label("review_status", c)) for c in vocab.codes("review_status")])

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def value(self) -> BrowseFilter:
        return BrowseFilter(
            date_from=self.date_from.iso(), date_to=self.date_to.iso(),
            governorate=self.governorate.currentData(), perpetrator=self.perpetrator.currentData(),
            review_status=self.review_status.currentData(), name=self.name.text().strip(),
        )

    def _emit(self) -> None:
        self._search_timer.stop()
        self.changed.emit(self.value())


class RecordsBrowser(QWidget):
    """Incidents and victims, a filter bar above them, and counts below."""

    open_incident = Signal(str)
    incident_activated = Signal(str)  # the same, under the name the Incidents page listens to

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("records_browser")
        self._ctx = ctx
        self.filter_bar = FilterBar()
        self.incidents = IncidentTableModel(ctx, self)
        self.victims = VictimTableModel(ctx, self)
        self.incidents_view = self._table(self.incidents, "incidents_table")
        self.victims_view = self._table(self.victims, "victims_table")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("browser_tabs")
        self.tabs.addTab(self.incidents_view, "")
        self.tabs.addTab(self.victims_view, "")
        self.status = QLabel()
        self.status.setObjectName("browser_status")
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._counts = {"incidents": 0, "victims": 0}
        self.incidents.loaded.connect(lambda n: self._counted("incidents", n))
        self.victims.loaded.connect(lambda n: self._counted("victims", n))
        self.filter_bar.changed.connect(self.set_filter)
        self._refresh_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        ctx.changed.connect(self._on_changed)
        self.retranslate()
        self.reload()

    def _table(self, model: RecordTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures rows it does not show.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(model.columns):
            view.setColumnWidth(i, column.width)
        view.horizontalHeader().setSortIndicator(
            model.sort_column(),
            Qt.SortOrder.DescendingOrder if model.sort_order.descending else Qt.SortOrder.AscendingOrder,
        )
        view.setSortingEnabled(True)
        view.doubleClicked.connect(self._open)
        view.activated.connect(self._open)
        return view

    def retranslate(self) -> None:
        self.filter_bar.retranslate()
        self.tabs.setTabText(0, self.tr("Incidents"))
        self.tabs.setTabText(1, self.tr("Victims"))
        self.incidents.refresh_labels()
        self.victims.refresh_labels()
        self._show_counts()

    def set_filter(self, filter: BrowseFilter) -> None:
        self.incidents.set_filter(filter)
        self.victims.set_filter(filter)

    def reload(self) -> None:
        self.incidents.reload()
        self.victims.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.records:
            self._refresh_timer.start()

    def _open(self, index: QModelIndex) -> None:
        uuid = index.data(UUID_ROLE)
        if uuid:
            self.open_incident.emit(uuid)
            self.incident_activated.emit(uuid)

    def _counted(self, which: str, n: int) -> None:
        self._counts[which] = n
        self._show_counts()

    def _show_counts(self) -> None:
        self.status.setText(self.tr("Incidents: %1 · Victims: %2")
                            .replace("%1", self.locale().toString(self._counts["incidents"]))
                            .replace("%2", self.locale().toString(self._counts["victims"])))
