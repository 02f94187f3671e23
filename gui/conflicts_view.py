"""The Conflicts screen: records that a package brought in a newer version while the copy
here had been changed since its last import. A reviewer sees both versions side by side,
what differs marked, and keeps ours or takes theirs; core records who did which and when.

Who may settle a conflict is decided in core (`accounts.may(..., "review")`, the same
permission as approving); the buttons only follow it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, vocab
from core.changes import Changes
from core.exchange import ConflictEntry, conflict_entries, resolve_conflict
from gui.background import Latest
from gui.conflicts_models import ConflictsModel, VersionsModel, short_time
from gui.context import AppContext
from gui.i18n import isolate

SIZING_ROWS = 20  # rows whose contents size the list's columns


class ConflictsView(QWidget):
    """The conflicts page. `count_changed(int)` gives the number waiting after each read
    (the navigation shows it); `resolved(str keep)` follows a settled conflict."""

    count_changed = Signal(int)
    resolved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflicts_view")
        self.ctx = ctx
        self.count = 0
        self.loaded = False
        self._latest = Latest()

        self.summary = QLabel(self)
        self.summary.setObjectName("conflicts_summary")
        self.summary.setWordWrap(True)
        self.only_differences = QCheckBox(self.tr("Only the fields that differ"), self)
        self.only_differences.setObjectName("only_differences")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_differences)

        self.model = ConflictsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conflicts_list")
        self.table.setAccessibleName(self.tr("Conflicts waiting for a reviewer"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the first rows, not from up to a thousand (Qt's default): a large
        # merge can leave thousands of conflicts, each laid out at every new list.
        header.setResizeContentsPrecision(SIZING_ROWS)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_current())

        self.heading = QLabel(self)
        self.heading.setObjectName("conflict_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.versions = VersionsModel(self)
        self.side_by_side = QTableView(self)
        self.side_by_side.setObjectName("conflict_versions")
        self.side_by_side.setAccessibleName(self.tr("Our version and theirs, field by field"))
        self.side_by_side.setModel(self.versions)
        self.side_by_side.setWordWrap(True)
        self.side_by_side.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.side_by_side.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.only_differences.toggled.connect(self._only_differences)

        self.keep_ours = QPushButton(self.tr("&Keep ours"), self)
        self.keep_ours.setObjectName("keep_ours")
        self.keep_ours.setToolTip(self.tr("The record stays as it is here; their version is set aside."))
        self.keep_ours.clicked.connect(lambda: self.resolve("local"))
        self.take_theirs = QPushButton(self.tr("&Take theirs"), self)
        self.take_theirs.setObjectName("take_theirs")
        self.take_theirs.setToolTip(self.tr("Their version replaces the record here."))
        self.take_theirs.clicked.connect(lambda: self.resolve("incoming"))
        self.message = QLabel(self)
        self.message.setObjectName("conflicts_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_ours)
        buttons.addWidget(self.take_theirs)
        buttons.addWidget(self.message, 1)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.side_by_side, 1)
        detail_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("conflicts_splitter")
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([200, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        ctx.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    # reading

    def may_resolve(self) -> bool:
        return accounts.may(self.ctx.reader, self.ctx.user, "review")

    def reload(self) -> None:
        """Read the open conflicts again (off the GUI thread)."""
        on_done, on_error = self._latest.start(self._arrived, self._failed)
        self.ctx.reader_of("conflicts").read(conflict_entries, on_done=on_done, on_error=on_error)

    def _arrived(self, entries: list[ConflictEntry]) -> None:
        keep = self.current_entry()
        self.model.set_entries(entries)
        self.count = len(entries)
        if entries:
            self.summary.setText(self.tr(
                "%n conflict(s) wait for a reviewer: a package brought a newer version of a record that"
                " had also been changed here since it was last imported.", "", self.count))
        else:
            self.summary.setText(self.tr("No conflicts: every imported record agrees with the copy here."))
        row = 0
        if keep is not None:
            uuids = [e.conflict.conflict_uuid for e in entries]
            if keep.conflict.conflict_uuid in uuids:
                row = uuids.index(keep.conflict.conflict_uuid)
        if entries:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(min(row, len(entries) - 1), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()
        self.loaded = True
        self.count_changed.emit(self.count)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The conflicts could not be read: %1").replace("%1", str(error)))

    def current_entry(self) -> ConflictEntry | None:
        index = self.table.currentIndex()
        return self.model.data(index, ConflictsModel.EntryRole) if index.isValid() else None

    def select_record(self, record_uuid: str) -> bool:
        """Make the conflict about `record_uuid` the current one, if it is listed."""
        for row, entry in enumerate(self.model.entries):
            if entry.conflict.record_uuid == record_uuid:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False

    def _show_current(self) -> None:
        entry = self.current_entry()
        self.versions.set_entry(entry)
        self.side_by_side.resizeRowsToContents()
        self.heading.setText(self._heading(entry) if entry is not None else "")
        self._update_buttons()

    def _heading(self, entry: ConflictEntry) -> str:
        conflict = entry.conflict
        # Each part isolated on its own: an Arabic locality keeps its direction without
        # carrying the governorate's name and the comma with it.
        place = self.tr(", ").join(isolate(p) for p in (entry.locality, vocab.label("governorate", entry.governorate))
                                   if p)
        if conflict.record_type == "incident":
            what = self.tr("The incident of %1 in %2").replace("%1", isolate(entry.incident_date)) \
                .replace("%2", place)
        else:
            what = self.tr("%1, victim of the incident of %2 in %3") \
                .replace("%1", isolate(entry.victim_name or self.tr("An unnamed victim"))) \
                .replace("%2", isolate(entry.incident_date)).replace("%3", place)
        came = self.tr("was changed here (version %1) and in %2 (version %3, package %4 exported %5)."
                       " Found at the import of %6.") \
            .replace("%1", str(conflict.local_version)).replace("%2", isolate(entry.package)) \
            .replace("%3", str(conflict.incoming_version)).replace("%4", isolate(conflict.package_name or "")) \
            .replace("%5", short_time(conflict.package_exported_at)) \
            .replace("%6", short_time(conflict.detected_at))
        return f"{what} {came} " + self.tr("%n field(s) differ.", "", len(conflict.differences))

    def _update_buttons(self) -> None:
        allowed = self.current_entry() is not None and self.may_resolve()
        self.keep_ours.setEnabled(allowed)
        self.take_theirs.setEnabled(allowed)
        if self.current_entry() is not None and not self.may_resolve():
            self.message.setText(self.tr("Only a reviewer or an admin can settle a conflict."))

    def _only_differences(self, only: bool) -> None:
        self.versions.set_only_differences(only)
        self.side_by_side.resizeRowsToContents()

    def _on_changed(self, changes: Changes) -> None:
        if changes.review or changes.records or changes.accounts:
            self.reload()

    # settling

    def resolve(self, keep: str) -> None:
        """Keep our version ("local") or take theirs ("incoming") for the current conflict."""
        entry = self.current_entry()
        if entry is None:
            return
        self.keep_ours.setEnabled(False)
        self.take_theirs.setEnabled(False)
        self.message.clear()
        self.ctx.submit(resolve_conflict, entry.conflict.conflict_uuid, keep, self.ctx.user,
                        on_done=lambda _r: self._resolved(keep), on_error=self._error)

    def _resolved(self, keep: str) -> None:
        self.message.setText(self.tr("Kept our version.") if keep == "local" else self.tr("Took their version."))
        self.resolved.emit(keep)

    def _error(self, error: BaseException) -> None:
        self.message.setText(str(error))
        self._update_buttons()

    def navigation_title(self, title: str) -> str:
        """The page's title in the navigation, with the number waiting when there are any."""
        return self.tr("%1 (%2)").replace("%1", title).replace("%2", str(self.count)) if self.count else title

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._update_buttons()
