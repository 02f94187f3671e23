"""The Qt models of the Conflicts screen: the conflicts waiting for a reviewer, and one
conflict's two versions field by field, the fields that differ marked."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from core import vocab
from core.exchange import ConflictEntry
from core.exchange.conflicts import record_fields
from gui.i18n import isolate
from gui.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

# Fields whose value is a code, and the vocabulary that labels it.
VOCABULARY = {
    "review_status": "review_status", "date_precision": "date_precision", "governorate": "governorate",
    "origin_governorate": "governorate", "incident_type": "incident_type", "perpetrator": "perpetrator",
    "attribution": "attribution", "facility": "facility", "sex": "sex", "age_group": "age_group",
    "civilian": "civilian", "outcome": "outcome",
}
DIFFERENT = QColor(255, 224, 178)


def field_label(field: str) -> str:
    """A field's name as the forms write it."""
    labels = {
        "incident_uuid": QCoreApplication.translate("ConflictsView", "Incident identifier"),
        "victim_uuid": QCoreApplication.translate("ConflictsView", "Victim identifier"),
        "version": QCoreApplication.translate("ConflictsView", "Version"),
        "updated_at": QCoreApplication.translate("ConflictsView", "Last changed"),
        "created_by": QCoreApplication.translate("ConflictsView", "Entered by"),
        "origin": QCoreApplication.translate("ConflictsView", "Database of origin"),
        "review_status": QCoreApplication.translate("ConflictsView", "Review status"),
        "date": QCoreApplication.translate("ConflictsView", "Date"),
        "date_precision": QCoreApplication.translate("ConflictsView", "Date known to the"),
        "governorate": QCoreApplication.translate("ConflictsView", "Governorate"),
        "district": QCoreApplication.translate("ConflictsView", "District"),
        "subdistrict": QCoreApplication.translate("ConflictsView", "Sub-district"),
        "locality": QCoreApplication.translate("ConflictsView", "Locality"),
        "latitude": QCoreApplication.translate("ConflictsView", "Latitude"),
        "longitude": QCoreApplication.translate("ConflictsView", "Longitude"),
        "incident_type": QCoreApplication.translate("ConflictsView", "Means of attack"),
        "perpetrator": QCoreApplication.translate("ConflictsView", "Perpetrator"),
        "attribution": QCoreApplication.translate("ConflictsView", "Attribution"),
        "facility": QCoreApplication.translate("ConflictsView", "Facility hit"),
        "reported_killed": QCoreApplication.translate("ConflictsView", "Reported deaths"),
        "source_count": QCoreApplication.translate("ConflictsView", "Number of sources"),
        "sources": QCoreApplication.translate("ConflictsView", "Sources"),
        "summary": QCoreApplication.translate("ConflictsView", "Summary"),
        "given_name": QCoreApplication.translate("ConflictsView", "Given name"),
        "father_name": QCoreApplication.translate("ConflictsView", "Father's name"),
        "grandfather_name": QCoreApplication.translate("ConflictsView", "Grandfather's name"),
        "family_name": QCoreApplication.translate("ConflictsView", "Family name"),
        "mother_name": QCoreApplication.translate("ConflictsView", "Mother's name"),
        "name_latin": QCoreApplication.translate("ConflictsView", "Name in Latin letters"),
        "sex": QCoreApplication.translate("ConflictsView", "Sex"),
        "age": QCoreApplication.translate("ConflictsView", "Age"),
        "age_group": QCoreApplication.translate("ConflictsView", "Age group"),
        "civilian": QCoreApplication.translate("ConflictsView", "Civilian"),
        "occupation": QCoreApplication.translate("ConflictsView", "Occupation"),
        "origin_governorate": QCoreApplication.translate("ConflictsView", "Governorate of origin"),
        "origin_locality": QCoreApplication.translate("ConflictsView", "Locality of origin"),
        "outcome": QCoreApplication.translate("ConflictsView", "Outcome"),
        "death_date": QCoreApplication.translate("ConflictsView", "Death date"),
        "notes": QCoreApplication.translate("ConflictsView", "Notes"),
    }
    return labels.get(field, field)


def shown_value(field: str, value: Any) -> str:
    """A stored value as a person reads it: codes by their label, times without their T."""
    if value is None:
        return ""
    vocabulary = VOCABULARY.get(field)
    if vocabulary:
        return vocab.label(vocabulary, str(value))
    if field == "updated_at":
        return left_to_right(str(value).replace("T", " ").rstrip("Z")[:19])
    return str(value)


LRI, LRM, PDI = "\u2066", "\u200e", "\u2069"


def left_to_right(text: str) -> str:
    """`text` kept left to right inside any sentence: a date and time has no letter to
    take its direction from, and right to left it reads "14:03 2026-11-25". The isolate
    keeps it apart from the sentence; the mark makes its digits left-to-right even where
    isolates are not honoured (Qt's one-line cells)."""
    return f"{LRI}{LRM}{text}{PDI}" if text else ""


def short_time(stamp: str | None) -> str:
    """`2026-11-25T14:03:11.123Z` as `2026-11-25 14:03`, kept left to right."""
    return left_to_right((stamp or "").replace("T", " ")[:16])


class ConflictsModel(RowsModel):
    """One conflict per row: what it is, where and when the incident was, which package
    brought it and when."""

    EntryRole = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("record", "date", "place", "package", "detected_at")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.entries: list[ConflictEntry] = []

    def set_entries(self, entries: list[ConflictEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rows(self) -> list[ConflictEntry]:
        return self.entries

    def column_labels(self) -> dict[str, str]:
        return {
            "record": QCoreApplication.translate("ConflictsView", "Record"),
            "date": QCoreApplication.translate("ConflictsView", "Incident date"),
            "place": QCoreApplication.translate("ConflictsView", "Place"),
            "package": QCoreApplication.translate("ConflictsView", "From package"),
            "detected_at": QCoreApplication.translate("ConflictsView", "Found"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == self.EntryRole:
            return entry
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "package":
            conflict = entry.conflict
            return QCoreApplication.translate("ConflictsView", "%1, exported %2 by the database %3") \
                .replace("%1", isolate(conflict.package_name or "")) \
                .replace("%2", short_time(conflict.package_exported_at)) \
                .replace("%3", isolate(conflict.package_origin))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.text(entry, column)

    @staticmethod
    def text(entry: ConflictEntry, column: str) -> str:
        conflict = entry.conflict
        if column == "record":
            if conflict.record_type == "incident":
                return QCoreApplication.translate("ConflictsView", "Incident")
            return QCoreApplication.translate("ConflictsView", "Victim: %1").replace(
                "%1", isolate(entry.victim_name) if entry.victim_name else
                QCoreApplication.translate("ConflictsView", "unnamed"))
        if column == "date":
            return isolate(entry.incident_date) if entry.incident_date else ""
        if column == "place":
            parts = [p for p in (entry.locality, vocab.label("governorate", entry.governorate)) if p]
            return QCoreApplication.translate("ConflictsView", ", ").join(isolate(p) for p in parts)
        if column == "package":
            return isolate(entry.package)
        return short_time(conflict.detected_at)


class VersionsModel(QAbstractTableModel):
    """The local and the incoming version of one record, field by field (rows); the
    fields that differ are coloured and bold. With `only_differences`, only those."""

    DifferentRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.entry: ConflictEntry | None = None
        self.fields: list[str] = []
        self.differing: set[str] = set()
        self.only_differences = False

    def set_entry(self, entry: ConflictEntry | None) -> None:
        self.beginResetModel()
        self.entry = entry
        self._fill()
        self.endResetModel()

    def set_only_differences(self, only: bool) -> None:
        self.beginResetModel()
        self.only_differences = only
        self._fill()
        self.endResetModel()

    def _fill(self) -> None:
        if self.entry is None:
            self.fields, self.differing = [], set()
            return
        conflict = self.entry.conflict
        self.differing = set(conflict.differences)
        fields = record_fields(conflict.record_type)
        self.fields = [f for f in fields if f in self.differing] if self.only_differences else list(fields)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.fields):
                return None
            field = self.fields[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return field_label(field)
            if role == Qt.ItemDataRole.FontRole and field in self.differing:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        conflict = self.entry.conflict if self.entry is not None else None
        if section == 0:
            if conflict is None:
                return QCoreApplication.translate("ConflictsView", "Ours (here)")
            text = QCoreApplication.translate("ConflictsView", "Ours (here), version %1")
            return text.replace("%1", str(conflict.local_version))
        if section == 1:
            if conflict is None:
                return QCoreApplication.translate("ConflictsView", "Theirs (incoming)")
            text = QCoreApplication.translate("ConflictsView", "Theirs (incoming), version %1")
            return text.replace("%1", str(conflict.incoming_version))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.entry is None or not index.isValid() or not 0 <= index.row() < len(self.fields):
            return None
        if index.column() not in (0, 1):
            return None
        field = self.fields[index.row()]
        different = field in self.differing
        if role == self.DifferentRole:
            return different
        if role == Qt.ItemDataRole.DisplayRole:
            record = self.entry.conflict.local if index.column() == 0 else self.entry.conflict.incoming
            return shown_value(field, record.get(field))
        if different and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(DIFFERENT)
        if different and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(0, 0, 0))
        if different and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if different and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("ConflictsView", "The two versions differ here")
        return None
