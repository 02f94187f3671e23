"""The Qt models of the Duplicates screen: the candidate pairs, and one pair field by
field with the differences marked."""
from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from core import vocab
from core.dedupe import CandidatePair, PairRow
from core.dedupe.compare import FieldComparison, compare_records
from gui.i18n import isolate

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
RowsRequest = Callable[[list[int], Callable[[list[PairRow]], None], Callable[[BaseException], None]], None]
PAIRS_PAGE = 50
CACHED_PAGES = 32
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole + 1})

VOCABULARY = {"sex": "sex", "age_group": "age_group", "civilian": "civilian", "outcome": "outcome",
              "incident_type": "incident_type", "incident_perpetrator": "perpetrator",
              "incident_governorate": "governorate"}
STATE_COLOURS = {"variant": QColor(255, 236, 179), "different": QColor(255, 205, 210),
                 "missing": QColor(224, 224, 224)}


def field_label(field: str) -> str:
    labels = {
        "given_name": QCoreApplication.translate("DuplicatesView", "Given name"),
        "father_name": QCoreApplication.translate("DuplicatesView", "Father's name"),
        "grandfather_name": QCoreApplication.translate("DuplicatesView", "Grandfather's name"),
        "family_name": QCoreApplication.translate("DuplicatesView", "Family name"),
        "mother_name": QCoreApplication.translate("DuplicatesView", "Mother's name"),
        "name_latin": QCoreApplication.translate("DuplicatesView", "Name in Latin letters"),
        "sex": QCoreApplication.translate("DuplicatesView", "Sex"),
        "age": QCoreApplication.translate("DuplicatesView", "Age"),
        "age_group": QCoreApplication.translate("DuplicatesView", "Age group"),
        "civilian": QCoreApplication.translate("DuplicatesView", "Civilian"),
        "outcome": QCoreApplication.translate("DuplicatesView", "Outcome"),
        "death_date": QCoreApplication.translate("DuplicatesView", "Death date"),
        "incident_date": QCoreApplication.translate("DuplicatesView", "Incident date"),
        "incident_governorate": QCoreApplication.translate("DuplicatesView", "Governorate"),
        "incident_locality": QCoreApplication.translate("DuplicatesView", "Locality"),
        "incident_type": QCoreApplication.translate("DuplicatesView", "Means"),
        "incident_perpetrator": QCoreApplication.translate("DuplicatesView", "Perpetrator"),
    }
    return labels.get(field, field)


def display_name(record: dict[str, Any]) -> str:
    parts = [record.get(k) or "" for k in ("given_name", "father_name", "grandfather_name", "family_name")]
    return " ".join(p for p in parts if p) or (record.get("name_latin") or "")


class PairsModel(QAbstractTableModel):
    """One candidate pair per row: score, the two names, the dates, the decision if any.

    Like the records browser, the model holds only the keys of the rows in display order
    (read off the GUI thread by `core.dedupe.pair_keys`) and the records of the pages of
    rows shown, keeping a few. A page not read yet is asked of `request_rows(keys,
    on_done, on_error)` (which reads it on a reader thread) and shows empty until it
    arrives; `page_arrived(page)` says it did. So a list of tens of thousands of pairs
    costs no more to show than ten, and nothing is read on the GUI thread."""

    PairRole = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("score", "a", "b", "dates", "decision")
    page_arrived = Signal(int)

    def __init__(self, parent: Any = None, request_rows: RowsRequest | None = None):
        super().__init__(parent)
        self._request_rows = request_rows
        self._keys: array = array("q")
        self._pages: OrderedDict[int, dict[int, PairRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0

    @property
    def keys(self) -> array:
        return self._keys

    @staticmethod
    def page_of(row: int) -> int:
        return row // PAIRS_PAGE

    @staticmethod
    def page_keys(keys: Sequence[int], page: int) -> list[int]:
        return list(keys[page * PAIRS_PAGE:(page + 1) * PAIRS_PAGE])

    def set_keys(self, keys: array, pages: dict[int, list[PairRow]] | None = None) -> None:
        """The rows as they are now, with the records of some pages read already. The
        same rows in the same order are only shown again (their records may have
        changed); other rows reset the model."""
        self._generation += 1
        self._pending.clear()
        same = keys == self._keys
        if not same:
            self.beginResetModel()
        self._keys = array("q", keys)
        self._pages.clear()
        for page, rows in (pages or {}).items():
            self._pages[page] = {r.key: r for r in rows}
        if not same:
            self.endResetModel()
        elif len(keys):
            self.dataChanged.emit(self.index(0, 0), self.index(len(keys) - 1, len(self.COLUMNS) - 1))

    def row_of(self, key: int) -> int | None:
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def pair_at(self, row: int) -> PairRow | None:
        """The pair shown in a row: None while its page is being read, or when it cannot
        be read any more (decided or deleted since the list was read)."""
        if not 0 <= row < len(self._keys):
            return None
        page = self.page_of(row)
        rows = self._pages.get(page)
        if rows is None:
            self._ask(page)
            return None
        self._pages.move_to_end(page)
        return rows.get(self._keys[row])

    def _ask(self, page: int) -> None:
        if page in self._pending or self._request_rows is None:
            return
        self._pending.add(page)
        generation = self._generation

        def arrived(rows: list[PairRow]) -> None:
            if generation == self._generation:
                self._arrived(page, rows)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._pending.discard(page)
            log.error("a page of likely duplicate pairs could not be read: %s", error)

        self._request_rows(self.page_keys(self._keys, page), arrived, failed)

    def _arrived(self, page: int, rows: list[PairRow]) -> None:
        self._pending.discard(page)
        self._pages[page] = {r.key: r for r in rows}
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page * PAIRS_PAGE
        last = min(len(self._keys), first + PAIRS_PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))
        self.page_arrived.emit(page)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            QCoreApplication.translate("DuplicatesView", "Score"),
            QCoreApplication.translate("DuplicatesView", "First record"),
            QCoreApplication.translate("DuplicatesView", "Second record"),
            QCoreApplication.translate("DuplicatesView", "Dates"),
            QCoreApplication.translate("DuplicatesView", "Decision"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        pair = self.pair_at(index.row())
        if pair is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == self.PairRole:
            return pair
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(pair.reasons)
        if column == "score":
            return f"{pair.score:.2f}"
        if column in ("a", "b"):
            return isolate(display_name(pair.a if column == "a" else pair.b))
        if column == "dates":
            return f"{isolate(pair.a.get('incident_date'))} / {isolate(pair.b.get('incident_date'))}"
        if pair.decision is None:
            return ""
        if pair.decision["decision"] == "same_person":
            return QCoreApplication.translate("DuplicatesView", "Same person")
        return QCoreApplication.translate("DuplicatesView", "Different people")


class ComparisonModel(QAbstractTableModel):
    """The two records of a pair, field by field; spelling variants, differences and
    missing values are coloured."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[FieldComparison] = []

    def set_pair(self, pair: CandidatePair | None) -> None:
        self.beginResetModel()
        self.rows = compare_records(pair.a, pair.b) if pair is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return field_label(self.rows[section].field) if 0 <= section < len(self.rows) else None
        if section == 0:
            return QCoreApplication.translate("DuplicatesView", "First record")
        if section == 1:
            return QCoreApplication.translate("DuplicatesView", "Second record")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or index.column() not in (0, 1):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.a if index.column() == 0 else row.b
            vocabulary = VOCABULARY.get(row.field)
            return vocab.label(vocabulary, value) if vocabulary else value
        if role == Qt.ItemDataRole.BackgroundRole and row.state in STATE_COLOURS:
            return QBrush(STATE_COLOURS[row.state])
        if role == Qt.ItemDataRole.ForegroundRole and row.state in STATE_COLOURS:
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "variant": QCoreApplication.translate("DuplicatesView", "The same, spelled differently"),
                "different": QCoreApplication.translate("DuplicatesView", "Different"),
                "missing": QCoreApplication.translate("DuplicatesView", "Known in one record only"),
            }.get(row.state)
        return None
