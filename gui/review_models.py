"""Thin Qt models over the review queries of core.review (no SQL here)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from core import review, vocab
from core.models import Victim
from gui.i18n import isolate
from gui.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


def _header(key: str) -> str:
    return {
        "date": QCoreApplication.translate("ReviewQueue", "Date"),
        "governorate": QCoreApplication.translate("ReviewQueue", "Governorate"),
        "locality": QCoreApplication.translate("ReviewQueue", "Place"),
        "incident_type": QCoreApplication.translate("ReviewQueue", "Means"),
        "perpetrator": QCoreApplication.translate("ReviewQueue", "Perpetrator"),
        "victims": QCoreApplication.translate("ReviewQueue", "Victims"),
        "created_by": QCoreApplication.translate("ReviewQueue", "Documenter"),
        "sources": QCoreApplication.translate("ReviewQueue", "Sources"),
        "duplicates": QCoreApplication.translate("ReviewQueue", "Likely duplicates"),
    }[key]


class ReviewQueueModel(QAbstractTableModel):
    """The submitted incidents, fetched a page at a time.

    The duplicate column never looks anything up while rows are built or drawn: each page
    fetched is handed to `request_flags` (which reads the counts off the GUI thread) and
    the column fills in when `set_flags` brings them back."""

    COLUMNS = ("date", "governorate", "locality", "incident_type", "perpetrator", "victims", "duplicates",
               "created_by", "sources")

    def __init__(self, fetch: Callable[[int, int], Sequence[review.QueueItem]],
                 request_flags: Callable[[list[str], bool], None] | None = None, parent: Any = None):
        super().__init__(parent)
        self._fetch = fetch
        self._request_flags = request_flags
        self._flags: dict[str, int] = {}
        self.items: list[review.QueueItem] = []
        self._more = False  # until the first page is read (`reload` or `set_items`)

    def reload(self) -> None:
        """Read the first page here (on the calling thread)."""
        self.set_items(self._fetch(PAGE, 0))

    def set_items(self, items: Sequence[review.QueueItem]) -> None:
        """Show `items` as the queue's first page (read elsewhere, e.g. on a reader thread)."""
        self.beginResetModel()
        self.items = list(items)
        self._more = len(self.items) == PAGE
        self._flags = {}
        self.endResetModel()
        self._ask_flags(self.items, fresh=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        more = list(self._fetch(PAGE, len(self.items)))
        self._more = len(more) == PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(more) - 1)
            self.items.extend(more)
            self.endInsertRows()
            self._ask_flags(more, fresh=False)

    def _ask_flags(self, items: Sequence[review.QueueItem], fresh: bool) -> None:
        """`fresh`: the queue was read anew, so counts asked for before are not wanted."""
        if self._request_flags is not None:
            self._request_flags([i.incident_uuid for i in items], fresh)

    def set_flags(self, counts: dict[str, int]) -> None:
        """Duplicate counts arrived (incident uuid -> victims with likely duplicates)."""
        self._flags.update(counts)
        column = self.COLUMNS.index("duplicates")
        rows = [r for r, i in enumerate(self.items) if i.incident_uuid in counts]
        if rows:
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column),
                                  [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return _header(self.COLUMNS[section])
        return None

    def duplicate_count(self, uuid: str) -> int | None:
        """The count brought by `set_flags`; None while it has not arrived."""
        return self._flags.get(uuid)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        item = self.items[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return item.incident_uuid
        if role == Qt.ItemDataRole.ToolTipRole and key == "sources":
            return item.sources
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("victims", "duplicates"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "date":
            return item.date
        if key == "governorate":
            return vocab.label("governorate", item.governorate)
        if key == "locality":
            return item.locality
        if key in ("incident_type", "perpetrator"):
            return vocab.label(key, getattr(item, key))
        if key == "victims":
            return item.victims
        if key == "created_by":
            return item.documenter
        if key == "sources":
            first = item.sources.splitlines()[0] if item.sources else ""
            return f"{item.source_count} · {first}" if item.source_count else first
        if key == "duplicates":
            count = self.duplicate_count(item.incident_uuid)
            return count or ""
        return None

    def uuid_at(self, row: int) -> str | None:
        return self.items[row].incident_uuid if 0 <= row < len(self.items) else None


class VictimsModel(RowsModel):
    """The victims of the incident under review, with their duplicate flags."""

    COLUMNS = ("name", "sex", "age", "civilian", "outcome", "duplicates")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.victims: list[Victim] = []
        self.duplicate_flags: dict[str, list[Any]] = {}

    def set_victims(self, victims: list[Victim], flags: dict[str, list[Any]]) -> None:
        self.beginResetModel()
        self.victims, self.duplicate_flags = list(victims), dict(flags)
        self.endResetModel()

    def set_flags(self, flags: dict[str, list[Any]]) -> None:
        """The duplicate flags, read off the GUI thread after the victims were shown."""
        self.duplicate_flags = dict(flags)
        if self.victims:
            column = self.COLUMNS.index("duplicates")
            self.dataChanged.emit(self.index(0, column), self.index(len(self.victims) - 1, column),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def rows(self) -> list[Any]:
        return self.victims

    def column_labels(self) -> dict[str, str]:
        return {
            "name": QCoreApplication.translate("ReviewQueue", "Name"),
            "sex": QCoreApplication.translate("ReviewQueue", "Sex"),
            "age": QCoreApplication.translate("ReviewQueue", "Age"),
            "civilian": QCoreApplication.translate("ReviewQueue", "Status"),
            "outcome": QCoreApplication.translate("ReviewQueue", "Outcome"),
            "duplicates": QCoreApplication.translate("ReviewQueue", "Likely the same as"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.victims)):
            return None
        victim = self.victims[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return victim.victim_uuid
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if key == "name":
            parts = [victim.given_name, victim.father_name, victim.grandfather_name, victim.family_name]
            name = " ".join(p for p in parts if p)
            return name or QCoreApplication.translate("ReviewQueue", "(unidentified)")
        if key == "age":
            return "" if victim.age is None else victim.age
        if key in ("sex", "civilian", "outcome"):
            return vocab.label(key, getattr(victim, key))
        if key == "duplicates":
            matches = self.duplicate_flags.get(victim.victim_uuid, [])
            if role == Qt.ItemDataRole.ToolTipRole:  # with why each scores as it does
                return "\n".join(f"{isolate(m.name)} · {m.incident_date} · {round(m.score * 100)}%: "
                                 + "; ".join(getattr(m, "reasons", None) or []) for m in matches)
            return "; ".join(f"{isolate(m.name)} · {m.incident_date} · {round(m.score * 100)}%" for m in matches)
        return None
