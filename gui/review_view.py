"""The review queue: submitted incidents, their victims and duplicate flags, the comment
thread, and the steps approve / return / reject, all from the keyboard.

Who may take which step is decided in core.review; the buttons only follow what it allows,
and a refusal from core is shown as it is worded there.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import review, vocab
from core.changes import Changes
from core.i18n import number
from core.models import parse_date
from core.storage.records import load_incident
from gui.background import Latest
from gui.context import AppContext
from gui.i18n import isolate
from gui.review_models import PAGE, ReviewQueueModel, VictimsModel

STEP_SHORTCUTS = {"approve": "Ctrl+Shift+A", "return": "Ctrl+Shift+R", "reject": "Ctrl+Shift+J"}
SIZING_ROWS = 20  # rows whose contents size the queue's columns (all of them cost 150 ms)


@dataclass
class QueueRead:
    items: list[review.QueueItem]
    count: int
    documenters: list[str]


def read_queue(db: Any, filters: dict[str, Any]) -> QueueRead:
    """The queue's first page, how many wait in all and who documented them (on a reader
    thread: a quarter of a second at 500,000 victims)."""
    return QueueRead(review.review_queue(db, limit=PAGE, offset=0, **filters),
                     review.queue_count(db, **filters), review.queue_documenters(db))


class ReviewView(QWidget):
    """The review page. `reviewed(str step, list uuids)` is emitted after a step succeeded."""

    reviewed = Signal(str, list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("review_view")
        self.ctx = ctx
        self.last_error = ""
        self._flag_requests = Latest()
        self._victim_flags = Latest()
        self._stale = False  # records changed while the page was hidden
        self._queue_reads = Latest()
        self.reading = False  # a read of the queue is under way
        self._sized = False  # the columns were sized from the first rows read
        self.model = ReviewQueueModel(self._fetch, self._request_flags, self)
        self.victims_model = VictimsModel(self)
        self._build()
        ctx.changed.connect(self._on_changed)
        self.reload()

    # building

    def _build(self) -> None:
        self.documenter = QComboBox()
        self._name(self.documenter, "created_by", self.tr("Documenter"))
        self.date_from = QLineEdit()
        self._name(self.date_from, "date_from", self.tr("From date"))
        self.date_from.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.date_to = QLineEdit()
        self._name(self.date_to, "date_to", self.tr("To date"))
        self.date_to.setPlaceholderText(self.tr("YYYY-MM-DD"))
        for edit in (self.date_from, self.date_to):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setMaximumWidth(120)
            edit.editingFinished.connect(self.reload)
        self.documenter.activated.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        self.count_label.setObjectName("queue_count")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Documenter:")))
        filters.addWidget(self.documenter)
        filters.addWidget(QLabel(self.tr("From:")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("To:")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("review_queue")
        self.table.setAccessibleName(self.tr("Incidents waiting for review"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Sized once from the first rows read (see _size_columns), not from every row
        # fetched each time the page is laid out.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(SIZING_ROWS)
        header.setSectionResizeMode(ReviewQueueModel.COLUMNS.index("sources"), QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())

        self.heading = QLabel()
        self.heading.setObjectName("incident_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.victims_table = QTableView()
        self.victims_table.setObjectName("victims")
        self.victims_table.setAccessibleName(self.tr("Victims"))
        self.victims_table.setModel(self.victims_model)
        self.victims_table.verticalHeader().hide()
        self.victims_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.victims_table.horizontalHeader().setStretchLastSection(True)
        self.comment_thread = QTextBrowser()
        self.comment_thread.setObjectName("comment_thread")
        self.comment_thread.setAccessibleName(self.tr("Comments"))
        self.comment = QPlainTextEdit()
        self._name(self.comment, "text", self.tr("Comment"))
        self.comment.setPlaceholderText(self.tr("A comment for the documenter (needed to return or reject)"))
        self.comment.setMaximumHeight(70)

        self.actions_by_step: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        for step, text in (("approve", self.tr("&Approve")), ("return", self.tr("&Return to documenter")),
                           ("reject", self.tr("Re&ject"))):
            action = QAction(text, self)
            action.setObjectName(step)
            action.setShortcut(QKeySequence(STEP_SHORTCUTS[step]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=step: self.take_step(s))
            self.addAction(action)
            self.actions_by_step[step] = action
            button = QPushButton(text)
            button.setObjectName(f"{step}_button")
            button.setToolTip(QKeySequence(STEP_SHORTCUTS[step]).toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            buttons.addWidget(button)
        self.comment_action = QAction(self.tr("Add &comment"), self)
        self.comment_action.setObjectName("add_comment")
        self.comment_action.triggered.connect(self.add_comment)
        comment_button = QPushButton(self.tr("Add &comment"))
        comment_button.setObjectName("add_comment_button")
        comment_button.clicked.connect(self.comment_action.trigger)
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setObjectName("history_button")
        self.history_button.clicked.connect(self.show_history)
        buttons.addStretch(1)
        buttons.addWidget(comment_button)
        buttons.addWidget(self.history_button)
        self.message = QLabel()
        self.message.setObjectName("review_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        detail = QWidget()
        form = QVBoxLayout(detail)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.heading)
        form.addWidget(self.summary)
        form.addWidget(self.victims_table, 3)
        form.addWidget(QLabel(self.tr("Comments")))
        form.addWidget(self.comment_thread, 2)
        form.addWidget(self.comment)
        form.addLayout(buttons)
        form.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("review_splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _name(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)

    # reading

    def _filters(self) -> dict[str, Any]:
        result: dict[str, Any] = {"documenter": self.documenter.currentData() or None}
        self.last_error = ""
        for key, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            text = edit.text().strip()
            result[key] = None
            if text:
                try:
                    result[key] = parse_date(text).isoformat()
                except ValueError as exc:
                    self.last_error = str(exc)
        return result

    def _fetch(self, limit: int, offset: int) -> list[review.QueueItem]:
        return review.review_queue(self.ctx.reader, limit=limit, offset=offset, **self._filters())

    def _request_flags(self, uuids: list[str], fresh: bool) -> None:
        """Count the likely duplicates of a page of the queue (from the stored pairs, a few
        milliseconds) on a reader thread of its own; counts asked for before the queue was
        read again are dropped."""
        reader = self.ctx.reader_of("review-duplicates")
        latest = self._flag_requests
        if fresh:
            latest.start()
        generation = latest.generation

        def stale() -> bool:
            return latest.generation != generation

        reader.read(review.duplicate_counts, uuids, stale,
                    on_done=lambda counts: None if stale() else self.model.set_flags(counts))

    def reload(self) -> None:
        """Read the queue again on a reader thread, keeping the selection where the
        incidents still wait; until it arrives the page says it is reading."""
        selected = set(self.selected_uuids())
        filters = self._filters()
        error = self.last_error
        self.reading = True
        if not self.model.items:
            self.heading.setText(self.tr("Reading the queue…"))
        on_done, on_error = self._queue_reads.start(
            lambda result: self._queue_arrived(result, selected, error), self._read_failed)
        self.ctx.reader_of("review-queue").read(read_queue, filters, on_done=on_done, on_error=on_error)

    def _queue_arrived(self, result: QueueRead, selected: set[str], error: str) -> None:
        self.reading = False
        self._fill_documenters(result.documenters)
        self.model.set_items(result.items)
        self._size_columns()
        self.count_label.setText(self.tr("%1 waiting").replace("%1", number(result.count)))
        self.last_error = error
        self._show_message(error)
        rows = [r for r, item in enumerate(self.model.items) if item.incident_uuid in selected]
        if not rows and self.model.items:
            rows = [0]
        selection = self.table.selectionModel()
        selection.clearSelection()
        for n, row in enumerate(rows):
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if n == 0:
                flags |= QItemSelectionModel.SelectionFlag.Current
            selection.select(self.model.index(row, 0), flags)
        self._show_current()

    def _read_failed(self, error: BaseException) -> None:
        self.reading = False
        self.heading.setText("")
        self._show_message(self.tr("The queue could not be read: %1").replace("%1", str(error)))

    def _size_columns(self) -> None:
        """Fit the columns to the first rows read (SIZING_ROWS of them) and the headers,
        once; the user may widen them after."""
        if self._sized or not self.model.items:
            return
        self._sized = True
        stretched = ReviewQueueModel.COLUMNS.index("sources")
        for column in range(self.model.columnCount()):
            if column != stretched:
                self.table.resizeColumnToContents(column)

    def _fill_documenters(self, names: list[str]) -> None:
        current = self.documenter.currentData()
        names = list(names)
        if current and current not in names:
            names.append(current)
        self.documenter.blockSignals(True)
        self.documenter.clear()
        self.documenter.addItem(self.tr("All documenters"), "")
        for name in names:
            self.documenter.addItem(name, name)
        self.documenter.setCurrentIndex(max(0, self.documenter.findData(current or "")))
        self.documenter.blockSignals(False)

    def select_incident(self, uuid: str) -> bool:
        """Make `uuid` the one selected incident, if it is in the queue as shown."""
        row = next((r for r, item in enumerate(self.model.items) if item.incident_uuid == uuid), None)
        if row is None:
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows \
            | QItemSelectionModel.SelectionFlag.Current
        self.table.selectionModel().select(self.model.index(row, 0), flags)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        return True

    def selected_uuids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [u for u in (self.model.uuid_at(r) for r in rows) if u]

    def current_uuid(self) -> str | None:
        selected = self.selected_uuids()
        return selected[0] if selected else None

    def _show_current(self) -> None:
        uuid = self.current_uuid()
        reader = self.ctx.reader
        if uuid is None:
            if self.reading and not self.model.items:
                text = self.tr("Reading the queue…")
            else:
                text = self.tr("Nothing is waiting for review.") if not self.model.items else ""
            self.heading.setText(text)
            self.summary.clear()
            self.victims_model.set_victims([], {})
            self.comment_thread.clear()
            for action in self.actions_by_step.values():
                action.setEnabled(False)
            self.comment_action.setEnabled(False)
            self.history_button.setEnabled(False)
            return
        incident, victims = load_incident(reader, uuid)
        item = next(i for i in self.model.items if i.incident_uuid == uuid)
        # Each part isolated on its own: an Arabic locality keeps its direction without
        # taking the comma and the governorate along in an English sentence.
        place = self.tr(", ").join(
            isolate(p) for p in (incident.locality, vocab.label("governorate", incident.governorate)) if p)
        heading = self.tr("%1 — %2 by %3, %4. Entered by %5.") \
            .replace("%1", isolate(incident.date.isoformat())) \
            .replace("%2", isolate(vocab.label("incident_type", incident.incident_type))) \
            .replace("%3", isolate(vocab.label("perpetrator", incident.perpetrator))) \
            .replace("%4", place) \
            .replace("%5", isolate(item.documenter))
        if item.reapproval:
            heading += " " + self.tr("A new version of an approved incident: the approved one counts until this is approved.")
        self.heading.setText(heading)
        sources = incident.sources or self.tr("(no sources given)")
        self.summary.setText(self.tr("Sources (%1): %2").replace("%1", str(incident.source_count))
                             .replace("%2", isolate(sources)) + ("\n" + incident.summary if incident.summary else ""))
        self.victims_model.set_victims(victims, {})
        (deliver,) = self._victim_flags.start(self.victims_model.set_flags)
        self.ctx.reader_of("review-victim-duplicates").read(review.likely_duplicates_of, uuid, on_done=deliver)
        self._show_thread(uuid)
        allowed = set(review.allowed_steps(reader, self.ctx.user, uuid))
        many = len(self.selected_uuids()) > 1
        for step, action in self.actions_by_step.items():
            action.setEnabled(step in allowed and (step == "approve" or not many))
        self.comment_action.setEnabled(True)
        self.history_button.setEnabled(True)

    def _show_thread(self, uuid: str) -> None:
        lines = []
        direction = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        for comment in review.thread(self.ctx.reader, uuid):
            step = vocab.label("review_status", comment.status_change) if comment.status_change else ""
            when = comment.written_at.replace("T", " ")[:16]
            head = f"{isolate(when)}  {isolate(comment.author)}" + (f" — {step}" if step else "")
            text = comment.text.replace("&", "&amp;").replace("<", "&lt;")
            lines.append(f"<p dir='{direction}'><b>{head.replace('<', '&lt;')}</b><br/>{text}</p>")
        self.comment_thread.setHtml("".join(lines) or self.tr("No comments yet."))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)

    # writing

    def take_step(self, step: str) -> None:
        """Approve the selected incidents, or return or reject the current one, with the
        comment typed; core decides whether it may be done."""
        uuids = self.selected_uuids()
        if not uuids:
            return
        comment = self.comment.toPlainText()
        if step == "approve" and len(uuids) > 1:
            job: tuple[Any, ...] = (review.approve_many, self.ctx.user, uuids, comment)
        else:
            uuids = uuids[:1]
            job = (review.transition, self.ctx.user, uuids[0], step, comment)
        self._show_message("")
        self.ctx.submit(*job, on_done=lambda _r: self._stepped(step, uuids), on_error=self._failed)

    def _stepped(self, step: str, uuids: list[str]) -> None:
        self.comment.clear()
        done = {
            "approve": QCoreApplication.translate("ReviewView", "Approved: %1."),
            "return": QCoreApplication.translate("ReviewView", "Returned to the documenter: %1."),
            "reject": QCoreApplication.translate("ReviewView", "Rejected: %1."),
        }[step]
        self._show_message(done.replace("%1", str(len(uuids))))
        self.reviewed.emit(step, uuids)

    def _failed(self, error: BaseException) -> None:
        self._show_message(str(error))

    def add_comment(self) -> None:
        uuid = self.current_uuid()
        if uuid is None:
            return
        self.ctx.submit(review.add_comment, self.ctx.user, uuid, self.comment.toPlainText(),
                        on_done=lambda _r: self.comment.clear(), on_error=self._failed)

    def show_history(self) -> None:
        uuid = self.current_uuid()
        if uuid is None:
            return
        from gui.history_view import show_history

        show_history(self.ctx, uuid, self)

    def _on_changed(self, changes: Changes) -> None:
        if changes.review or changes.incidents or changes.duplicates:
            if not self.isVisible():
                self._stale = True  # read when shown: a hidden queue need not hold up the window
                return
            self._reload_keeping_message()

    def _reload_keeping_message(self) -> None:
        message = self.message.text()
        self.reload()
        if not self.last_error:
            self._show_message(message)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._reload_keeping_message()

