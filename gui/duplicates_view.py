"""The Duplicates screen: likely duplicate victims side by side, with what differs
highlighted; a reviewer decides "same person" or "different people", or takes a decision
back. A scan of the whole database runs with progress and can be cancelled."""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import dedupe
from core.changes import Changes
from core.dedupe import CandidatePair, PairRow
from gui.background import Latest
from gui.context import AppContext
from gui.duplicates_models import ComparisonModel, PairsModel
from gui.i18n import isolate
from gui.long_job import run_long_job

SIZING_ROWS = 20  # rows whose contents size the pairs' columns


@dataclass
class ListRead:
    keys: array
    scanned: str | None
    pages: dict[int, list[PairRow]]


def _read_list(db: Any, include_decided: bool, keep_key: int | None, keep_row: int) -> ListRead:
    """The keys of the list's rows, when the database was last scanned, and the records
    of the first page and of the pages the selection will be on (on a reader thread: tens
    of milliseconds for tens of thousands of pairs)."""
    keys = dedupe.pair_keys(db, include_decided=include_decided)
    rows = {0, keep_row}
    if keep_key is not None and keep_key in keys:
        rows.add(keys.index(keep_key))
    pages = {PairsModel.page_of(min(max(r, 0), len(keys) - 1)) for r in rows} if len(keys) else set()
    return ListRead(keys, dedupe.last_scanned(db),
                    {p: dedupe.pair_rows(db, PairsModel.page_keys(keys, p)) for p in pages})


class DuplicatesView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicates_view")
        self.ctx = ctx
        self.last_decision: str | None = None
        self._latest = Latest()

        self.scan_button = QPushButton(self.tr("Scan the database"), self)
        self.scan_button.setObjectName("scan_duplicates")
        self.scan_button.clicked.connect(self.scan)
        self.show_decided = QCheckBox(self.tr("Show decided pairs"), self)
        self.show_decided.setObjectName("show_decided")
        self.show_decided.toggled.connect(self.reload)
        self.summary = QLabel(self)
        self.summary.setObjectName("duplicates_summary")
        top = QHBoxLayout()
        top.addWidget(self.scan_button)
        top.addWidget(self.show_decided)
        top.addStretch(1)
        top.addWidget(self.summary)

        self.pairs = PairsModel(self, self._request_rows)
        self.pairs.page_arrived.connect(self._page_arrived)
        self.pair_list = QTableView(self)
        self.pair_list.setObjectName("duplicate_pairs")
        self.pair_list.setAccessibleName(self.tr("Likely duplicate pairs"))
        self.pair_list.setModel(self.pairs)
        self.pair_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pair_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pair_list.verticalHeader().hide()
        self.pair_list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the first rows, not from up to a thousand (Qt's default): that laid
        # out every listed pair's names (and asked for the pages not read yet) when the
        # page was first shown, about 100 ms with a few hundred pairs.
        self.pair_list.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
        self.pair_list.setWordWrap(False)  # a longer name further down is elided, rows stay even
        self.pair_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pair_list.horizontalHeader().setStretchLastSection(True)
        self.pair_list.selectionModel().currentRowChanged.connect(self._pair_changed)

        self.comparison = ComparisonModel(self)
        self.side_by_side = QTableView(self)
        self.side_by_side.setObjectName("pair_comparison")
        self.side_by_side.setAccessibleName(self.tr("The two records side by side"))
        self.side_by_side.setModel(self.comparison)
        self.side_by_side.setWordWrap(True)
        self.side_by_side.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("pair_reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)

        self.same_button = QPushButton(self.tr("Same person"), self)
        self.same_button.setObjectName("decide_same_person")
        self.same_button.clicked.connect(lambda: self.decide("same_person"))
        self.different_button = QPushButton(self.tr("Different people"), self)
        self.different_button.setObjectName("decide_different_people")
        self.different_button.clicked.connect(lambda: self.decide("different_people"))
        self.undo_button = QPushButton(self.tr("Undo decision"), self)
        self.undo_button.setObjectName("retract_decision")
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        for button in (self.same_button, self.different_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.side_by_side, 1)
        detail_layout.addWidget(self.reasons)
        detail_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("duplicates_splitter")
        split.addWidget(self.pair_list)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        ctx.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    # reading

    def reload(self) -> None:
        """Read the list's keys again (off the GUI thread), with the records of the pages
        the selection stays on; other rows are read when shown."""
        on_done, on_error = self._latest.start(self._keys_arrived, self._failed)
        keep = self.current_pair()
        self.ctx.reader_of("duplicates").read(
            _read_list, self.show_decided.isChecked(), keep.key if isinstance(keep, PairRow) else None,
            self.pair_list.currentIndex().row(), on_done=on_done, on_error=on_error)

    def _request_rows(self, keys: list[int], on_done: Any, on_error: Any) -> None:
        self.ctx.reader_of("duplicates").read(dedupe.pair_rows, keys, on_done=on_done, on_error=on_error)

    def _keys_arrived(self, result: ListRead) -> None:
        keys = result.keys
        keep = self.current_pair()
        kept_row = self.pair_list.currentIndex().row()
        self.pairs.set_keys(keys, result.pages)
        undecided = sum(1 for k in keys if k > 0)
        text = self.tr("%n pair(s) to review.", "", undecided)
        if result.scanned:
            text += " " + self.tr("Last scan: %1.").replace(
                "%1", isolate(result.scanned.replace("T", " ").rstrip("Z")))
        else:
            text += " " + self.tr("Not scanned yet: only pairs found around records saved or imported are listed.")
        self.summary.setText(text)
        row = self.pairs.row_of(keep.key) if isinstance(keep, PairRow) else None
        if row is None:
            row = max(kept_row, 0)
        if len(keys):
            self.pair_list.selectionModel().setCurrentIndex(
                self.pairs.index(min(row, len(keys) - 1), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._show_pair(self.current_pair())  # the same row may hold another pair now
        else:
            self._show_pair(None)

    def _page_arrived(self, page: int) -> None:
        """The records of a page came: the selected pair may be among them."""
        row = self.pair_list.currentIndex().row()
        if row >= 0 and PairsModel.page_of(row) == page:
            self._show_pair(self.current_pair())

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The pairs could not be read: %1").replace("%1", str(error)))

    def current_pair(self) -> CandidatePair | None:
        index = self.pair_list.currentIndex()
        return self.pairs.data(index, PairsModel.PairRole) if index.isValid() else None

    def _pair_changed(self, current: Any, _previous: Any) -> None:
        self._show_pair(self.pairs.data(current, PairsModel.PairRole) if current.isValid() else None)

    def _show_pair(self, pair: CandidatePair | None) -> None:
        self.comparison.set_pair(pair)
        self.side_by_side.resizeRowsToContents()
        self.reasons.setText("\n".join(pair.reasons) if pair is not None else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        pair = self.current_pair()
        undecided = pair is not None and pair.decision is None
        self.same_button.setEnabled(undecided)
        self.different_button.setEnabled(undecided)
        self.undo_button.setEnabled((pair is not None and pair.decision is not None) or self.last_decision is not None)

    def _on_changed(self, changes: Changes) -> None:
        # Saves, deletions and decisions keep the stored pairs current (in core): the list
        # is read again only when one of them touched pairs or decisions.
        if changes.duplicates:
            self.reload()

    # deciding

    def decide(self, decision: str) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        self.ctx.submit(dedupe.decide, pair.a["victim_uuid"], pair.b["victim_uuid"], decision, self.ctx.user,
                        on_done=self._decided, on_error=self._error)

    def _decided(self, result: dedupe.Decided) -> None:
        self.last_decision = result.decision_uuid
        self._update_buttons()

    def undo(self) -> None:
        pair = self.current_pair()
        target = pair.decision["decision_uuid"] if pair is not None and pair.decision else self.last_decision
        if target is None:
            return
        if target == self.last_decision:
            self.last_decision = None
        self.ctx.submit(dedupe.retract, target, self.ctx.user, on_error=self._error)

    def _error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Duplicates"), str(error))

    # scanning

    def scan(self) -> None:
        """Scan the whole database, with a progress dialog that can cancel it."""
        self.scan_button.setEnabled(False)
        self.progress = run_long_job(self.ctx, self, self.tr("Looking for likely duplicates…"),
                                     dedupe.scan_and_store, on_done=self._scanned, on_error=self._scan_failed)
        self.progress.canceled.connect(lambda: self.scan_button.setEnabled(True))

    def _scanned(self, _result: Any) -> None:
        self.scan_button.setEnabled(True)
        self.reload()

    def _scan_failed(self, error: BaseException) -> None:
        self.scan_button.setEnabled(True)
        self._error(error)
