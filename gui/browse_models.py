"""Table models of the records browser: incidents and victims, fed a page at a time.

The model holds the row ids of every matching record in display order (read on the
background reader, a few hundred milliseconds at 500,000 victims) and reads the columns
of a page of rows only when the view asks for one (a primary-key lookup of 200 rows on
the GUI thread, about a millisecond). So the last row is as quick to show as the first,
and filtering or sorting (pushed into SQL) never blocks the window. A list with nothing shown
yet reads its first screenful before the whole list, so the window lists rows at once.
"""
from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from core import browse, vocab
from core.browse import BrowseFilter, IncidentRow, Sort, VictimRow
from gui.background import Latest
from gui.context import AppContext

log = logging.getLogger(__name__)

PAGE = 200
FIRST_ROWS = 2 * PAGE  # read first when nothing is shown yet: the window lists them at once
CACHED_PAGES = 64
UUID_ROLE = Qt.ItemDataRole.UserRole + 1  # the incident's UUID, for opening it
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's dataclass

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
TRAILING = int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ROLES = frozenset({DISPLAY, ALIGNMENT, UUID_ROLE, RECORD_ROLE})

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root: a table has no other parent


@dataclass(frozen=True)
class Column:
    name: str  # the sort key in core.browse and the exchange-format field
    header: Callable[[], str]
    value: Callable[[Any], Any]
    numeric: bool = False
    width: int = 100  # the initial width in pixels


def _date(row: Any) -> str:
    precision = getattr(row, "date_precision", "day")
    return row.date[:7] if precision == "month" else row.date[:4] if precision == "year" else row.date


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


INCIDENT_COLUMNS = [
    Column("date", lambda: QCoreApplication.translate("RecordsBrowser", "Date"), _date, width=95),
    Column("governorate", lambda: QCoreApplication.translate("RecordsBrowser", "Governorate"), lambda r: vocab.label("governorate", r.governorate), width=110),
    Column("locality", lambda: QCoreApplication.translate("RecordsBrowser", "Locality"), lambda r: r.locality, width=160),
    Column("incident_type", lambda: QCoreApplication.translate("RecordsBrowser", "Type"), lambda r: vocab.label("incident_type", r.incident_type), width=110),
    Column("perpetrator", lambda: QCoreApplication.translate("RecordsBrowser", "Perpetrator"), lambda r: vocab.label("perpetrator", r.perpetrator), width=170),
    Column("victims", lambda: QCoreApplication.translate("RecordsBrowser", "Victims"), lambda r: str(r.victims), numeric=True, width=70),
    Column("reported_killed", lambda: QCoreApplication.translate("RecordsBrowser", "Reported killed"), lambda r: _count(r.reported_killed), numeric=True, width=110),
    Column("review_status", lambda: QCoreApplication.translate("RecordsBrowser", "Status"), lambda r: vocab.label("review_status", r.review_status)),
]

VICTIM_COLUMNS = [
    Column("name", lambda: QCoreApplication.translate("RecordsBrowser", "Name"), lambda r: r.name or QCoreApplication.translate("RecordsBrowser", "(unidentified)"), width=240),
    Column("name_latin", lambda: QCoreApplication.translate("RecordsBrowser", "Name in Latin letters"), lambda r: r.name_latin, width=170),
    Column("sex", lambda: QCoreApplication.translate("RecordsBrowser", "Sex"), lambda r: vocab.label("sex", r.sex), width=70),
    Column("age", lambda: QCoreApplication.translate("RecordsBrowser", "Age"), lambda r: _count(r.age), numeric=True, width=60),
    Column("age_group", lambda: QCoreApplication.translate("RecordsBrowser", "Age group"), lambda r: vocab.label("age_group", r.age_group)),
    Column("civilian", lambda: QCoreApplication.translate("RecordsBrowser", "Civilian status"), lambda r: vocab.label("civilian", r.civilian)),
    Column("outcome", lambda: QCoreApplication.translate("RecordsBrowser", "Outcome"), lambda r: vocab.label("outcome", r.outcome)),
    Column("date", lambda: QCoreApplication.translate("RecordsBrowser", "Date"), lambda r: r.date, width=95),
    Column("governorate", lambda: QCoreApplication.translate("RecordsBrowser", "Governorate"), lambda r: vocab.label("governorate", r.governorate), width=110),
    Column("perpetrator", lambda: QCoreApplication.translate("RecordsBrowser", "Perpetrator"), lambda r: vocab.label("perpetrator", r.perpetrator), width=170),
    Column("review_status", lambda: QCoreApplication.translate("RecordsBrowser", "Status"), lambda r: vocab.label("review_status", r.review_status)),
]


class RecordTableModel(QAbstractTableModel):
    """A filtered, sorted list of records over a key list and a cache of pages."""

    loaded = Signal(int)  # number of matching records, after every (re)load
    loading = Signal(bool)

    columns: list[Column] = []
    default_sort: Sort = Sort("date", descending=True)

    def __init__(self, ctx: AppContext, parent: Any = None):
        super().__init__(parent)
        self._ctx = ctx
        self._keys: array = array("q")
        self._pages: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self._filter = BrowseFilter()
        self._sort = self.default_sort
        self._latest = Latest()
        self._loading = False

    # What each kind of record reads: set by subclasses.
    def _read_keys(self, db: Any, filter: BrowseFilter, sort: Sort, limit: int | None = None) -> array:
        raise NotImplementedError

    def _read_rows(self, keys: list[int]) -> list[Any]:
        raise NotImplementedError

    # Loading
    @property
    def filter(self) -> BrowseFilter:
        return self._filter

    @property
    def sort_order(self) -> Sort:
        return self._sort

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_filter(self, filter: BrowseFilter) -> None:
        if filter != self._filter:
            self._filter = filter
            self.reload()

    def reload(self) -> None:
        """Read the keys again (on the background reader); the view keeps showing the
        previous rows until they arrive."""
        on_done, on_error = self._latest.start(self._keys_arrived, self._failed)
        self._set_loading(True)
        reader = self._ctx.reader_of("records_browser")
        if not self._keys:  # nothing shown yet: a screenful first, then the whole list
            generation = self._latest.generation
            reader.read(self._read_keys, self._filter, self._sort, FIRST_ROWS,
                        on_done=lambda keys: self._first_keys_arrived(keys, generation), on_error=lambda _e: None)
        reader.read(self._read_keys, self._filter, self._sort, on_done=on_done, on_error=on_error)

    def _first_keys_arrived(self, keys: array, generation: int) -> None:
        """The first rows, while the whole list is still being read (still `is_loading`)."""
        if generation != self._latest.generation or self._keys or not self._loading or not keys:
            return
        self.beginResetModel()
        self._keys = keys
        self._pages.clear()
        self.endResetModel()

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading.emit(value)

    def _keys_arrived(self, keys: array) -> None:
        if keys == self._keys:
            self._pages.clear()  # same records in the same order: their content may have changed
            if len(keys):
                self.dataChanged.emit(self.index(0, 0), self.index(len(keys) - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self._keys = keys
            self._pages.clear()
            self.endResetModel()
        self._set_loading(False)
        self.loaded.emit(len(keys))

    def _failed(self, error: BaseException) -> None:
        self._set_loading(False)
        log.error("the record list could not be read: %s", error)

    def _row(self, row: int) -> tuple[Any, tuple[str, ...]] | None:
        """The record of a row and its cells as shown (None when it cannot be read any
        more, e.g. deleted since the list was read)."""
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            keys = list(self._keys[page * PAGE:(page + 1) * PAGE])
            # The cells are formatted once per page: a repaint asks for each many times.
            rows = {r.key: (r, tuple(c.value(r) for c in self.columns)) for r in self._read_rows(keys)}
            self._pages[page] = rows
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        elif page != next(reversed(self._pages)):
            self._pages.move_to_end(page)
        return rows.get(self._keys[row])

    def row_record(self, row: int) -> Any:
        """The record shown in a row (None while it is not readable, e.g. deleted since)."""
        if not 0 <= row < len(self._keys):
            return None
        found = self._row(row)
        return None if found is None else found[0]

    # Qt model
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES:  # most of what a view asks for: answered before anything else
            return None
        row, column = index.row(), index.column()
        if not index.isValid() or row >= len(self._keys) or column >= len(self.columns):
            return None
        if role == DISPLAY:
            found = self._row(row)
            return "" if found is None else found[1][column]
        if role == ALIGNMENT:
            return TRAILING if self.columns[column].numeric else None
        record = self.row_record(row)
        if role == UUID_ROLE:
            return None if record is None else record.incident_uuid
        return record

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header() if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        sort = Sort(self.columns[column].name, descending=order == Qt.SortOrder.DescendingOrder)
        if sort != self._sort:
            self._sort = sort
            self.reload()

    def sort_column(self) -> int:
        """The column the rows are sorted by; -1 when it is an order no column shows (the
        victims' default: the newest entries first)."""
        return next((i for i, c in enumerate(self.columns) if c.name == self._sort.column), -1)

    def refresh_labels(self) -> None:
        """The language changed: headers and labels are read again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, len(self.columns) - 1))


class IncidentTableModel(RecordTableModel):
    columns = INCIDENT_COLUMNS
    default_sort = browse.DEFAULT_INCIDENT_SORT

    def _read_keys(self, db: Any, filter: BrowseFilter, sort: Sort, limit: int | None = None) -> array:
        return browse.incident_keys(db, filter, sort, limit)

    def _read_rows(self, keys: list[int]) -> list[IncidentRow]:
        return browse.incident_rows(self._ctx.reader, keys)


class VictimTableModel(RecordTableModel):
    columns = VICTIM_COLUMNS
    default_sort = browse.DEFAULT_VICTIM_SORT

    def _read_keys(self, db: Any, filter: BrowseFilter, sort: Sort, limit: int | None = None) -> array:
        return browse.victim_keys(db, filter, sort, limit)

    def _read_rows(self, keys: list[int]) -> list[VictimRow]:
        return browse.victim_rows(self._ctx.reader, keys)
