"""The records browser: incidents and victims as tables, filtered and sorted in SQL.

Double-clicking a row emits `open_incident(incident_uuid)`; the main window opens the
incident in the form. The context menu of a row, the History button and Ctrl+Shift+H open
the history of the row's incident. The lists follow every save through `ctx.changed`: at
once while they are shown, else when they are shown again (reading every key of half a
million victims behind another page would only slow that page down).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyleOptionHeader,
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
from gui.history_view import HISTORY_SHORTCUT, show_history

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


class SortHeader(QHeaderView):
    """A header whose sort arrow points the way the usual convention reads it: up for
    ascending (oldest first, A to Z), down for descending (newest first). Qt draws the
    opposite, so a list of the newest incidents first looked sorted oldest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as a table view's own header
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:  # noqa: N802, N803 (Qt's names)
        super().initStyleOptionForIndex(option, logicalIndex)
        option.sortIndicator = sort_arrow(self, logicalIndex)


def sort_arrow(header: QHeaderView, section: int) -> QStyleOptionHeader.SortIndicator:
    """The arrow a header shows on a section: up when sorted ascending, down when
    descending, none when not sorted by it."""
    if not header.isSortIndicatorShown() or header.sortIndicatorSection() != section:
        return QStyleOptionHeader.SortIndicator.None_
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        return QStyleOptionHeader.SortIndicator.SortUp
    return QStyleOptionHeader.SortIndicator.SortDown


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
        self.open_action = self._action("open_incident", self._open_current)
        self.history_action = self._action("show_history", self.show_history, HISTORY_SHORTCUT)
        self.history_button = QPushButton()
        self.history_button.setObjectName("history_button")
        self.history_button.clicked.connect(self.history_action.trigger)
        self.history_action.changed.connect(lambda: self.history_button.setEnabled(self.history_action.isEnabled()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._counts = {"incidents": 0, "victims": 0}
        self.incidents.loaded.connect(lambda n: self._counted("incidents", n))
        self.victims.loaded.connect(lambda n: self._counted("victims", n))
        self.filter_bar.changed.connect(self.set_filter)
        self._refresh_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        self._stale = False  # records changed while the lists were not shown
        ctx.changed.connect(self._on_changed)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self.retranslate()
        self._update_actions()
        self.reload()

    def _action(self, name: str, slot: Any, shortcut: str | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _table(self, model: RecordTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setHorizontalHeader(SortHeader(view))
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
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        model.modelReset.connect(self._update_actions)
        return view

    def retranslate(self) -> None:
        self.filter_bar.retranslate()
        self.open_action.setText(self.tr("&Open incident"))
        self.history_action.setText(self.tr("&History…"))
        shortcut = self.history_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("The history of the selected incident (%1)").replace("%1", shortcut))
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
            if self.isVisible():
                self._refresh_timer.start()
            else:
                self._stale = True

    @property
    def stale(self) -> bool:
        """Records changed while the lists were hidden: they are read again when shown."""
        return self._stale

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._refresh_timer.start()

    def current_incident(self) -> str | None:
        """The incident of the selected row (of a victim: the incident it belongs to)."""
        view = self.tabs.currentWidget()
        if not isinstance(view, QTableView):
            return None
        index = view.currentIndex()
        return index.data(UUID_ROLE) if index.isValid() else None

    def _update_actions(self) -> None:
        enabled = self.current_incident() is not None
        self.open_action.setEnabled(enabled)
        self.history_action.setEnabled(enabled)

    def _context_menu(self, view: QTableView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("browser_menu")
        menu.addAction(self.open_action)
        menu.addAction(self.history_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(pos))

    def show_history(self) -> None:
        uuid = self.current_incident()
        if uuid:
            show_history(self._ctx, uuid, self)

    def _open_current(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, QTableView) and view.currentIndex().isValid():
            self._open(view.currentIndex())

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
