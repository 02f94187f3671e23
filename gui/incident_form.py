"""The incident entry form: the incident's fields and its victims on one page, validated
by core as the documenter types, saved on the writer thread, kept as a draft until saved,
with undo and redo. Its parts live in :mod:`gui.form`."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.changes import Changes
from core.drafts import list_drafts, load_draft
from core.entry import blank_victim, row_from_victim, unidentified_victims, values_from_incident
from core.gazetteer import Gazetteer
from core.models import Problem
from core.storage import origin
from core.storage.records import (
    RecordInvalid,
    RecordNotFound,
    SavedIncident,
    load_incident,
    save_incident,
)
from gui.context import AppContext
from gui.form.document import IncidentDocument
from gui.form.draft_keeper import DraftKeeper
from gui.form.incident_fields import IncidentFields
from gui.form.match_slot import MatchSlot
from gui.form.problem_list import ProblemList
from gui.form.unidentified_dialog import UnidentifiedDialog
from gui.form.victims_grid import VictimsView
from gui.history_view import HISTORY_SHORTCUT, show_history

VALIDATE_MS = 250


class IncidentForm(QWidget):
    saved = Signal(str)  # incident UUID
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incident_form")
        self.ctx = ctx
        self.gazetteer = Gazetteer.from_database(ctx.reader)
        self.document = IncidentDocument(self)
        self.document.new(origin(ctx.reader))
        self.drafts = DraftKeeper(ctx, self.document, self)
        self.touched: set[str] = set()
        self.save_attempted = False
        self.saving = False
        self._build()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_MS)
        self._validate_timer.timeout.connect(self.validate)
        self.document.content_changed.connect(self._validate_timer.start)
        self.document.field_changed.connect(lambda name, _v: self.touched.add(name))
        self.document.problems_changed.connect(self._show_problems)
        self.document.loaded.connect(self._loaded)
        self.document.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.victims_view.current_row_changed.connect(lambda _row: self._victim_changed())
        self.document.victims.dataChanged.connect(lambda *_a: self._victim_changed())
        ctx.changed.connect(self._on_changed)
        self.restored_draft = self.restore_latest_draft()
        self._loaded()

    # building

    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        stack = self.document.undo_stack
        self.save_action = self._action("save_incident", self.tr("&Save incident"), self.save, QKeySequence.StandardKey.Save)
        self.undo_action = self._action("undo", self.tr("&Undo"), stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("redo", self.tr("&Redo"), stack.redo)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo_action.setShortcuts(redo_keys)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self.undo_action.setToolTip)
        stack.redoTextChanged.connect(self.redo_action.setToolTip)
        self.add_victim_action = self._action("add_victim", self.tr("Add &victim"), self.add_victim, "Ctrl+Shift+N")
        self.add_unidentified_action = self._action("add_unidentified", self.tr("Add &unidentified victims…"),
                                                    self.add_unidentified, "Ctrl+Shift+U")
        self.remove_victim_action = self._action("remove_victim", self.tr("&Remove victim"), self.remove_victim,
                                                 "Ctrl+Shift+Delete")
        self.discard_action = self._action("discard_draft", self.tr("&Discard changes"), self.discard_changes)
        self.close_action = self._action("close_form", self.tr("&Close"), self.close_form)
        self.history_action = self._action("show_history", self.tr("&History…"), self.show_history, HISTORY_SHORTCUT)
        self.history_action.setToolTip(self.tr("The history of this incident (%1)").replace(
            "%1", self.history_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

        toolbar = QToolBar(self)
        toolbar.setObjectName("form_toolbar")
        for action in (self.save_action, self.undo_action, self.redo_action, self.discard_action, self.close_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.history_action)
        self.title = QLabel(self)
        self.title.setObjectName("form_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("form_status")
        self.problem_list = ProblemList(self)
        self.problem_list.problem_chosen.connect(self.go_to_problem)
        self.fields = IncidentFields(self.document, self.gazetteer, self)

        self.victims_view = VictimsView(self)
        self.victims_view.setModel(self.document.victims)
        self.victims_view.add_row_requested.connect(self.add_victim)
        self.match_slot = MatchSlot(self.ctx, self)
        victims_buttons = QHBoxLayout()
        victims_label = QLabel(self.tr("Victims"), self)
        victims_label.setBuddy(self.victims_view)
        victims_buttons.addWidget(victims_label)
        victims_buttons.addStretch(1)
        self.victim_buttons: list[QPushButton] = []
        for action in (self.add_victim_action, self.add_unidentified_action, self.remove_victim_action):
            button = QPushButton(action.text().replace("&", ""), self)
            button.setObjectName(f"{action.objectName()}_button")
            button.clicked.connect(action.trigger)
            victims_buttons.addWidget(button)
            self.victim_buttons.append(button)
        victims_area = QWidget(self)
        victims_layout = QVBoxLayout(victims_area)
        victims_layout.setContentsMargins(0, 0, 0, 0)
        victims_layout.addLayout(victims_buttons)
        beside = QSplitter(Qt.Orientation.Horizontal, victims_area)
        beside.setObjectName("victims_splitter")
        beside.addWidget(self.victims_view)
        # The likely-duplicates panel of the victim being typed sits here.
        beside.addWidget(self.match_slot)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 1)
        victims_layout.addWidget(beside)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("form_splitter")
        split.addWidget(scroll)
        split.addWidget(victims_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.title)
        layout.addWidget(self.problem_list)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        QWidget.setTabOrder(self.fields.last_editor(), self.victims_view)
        chain: list[QWidget] = [self.victims_view, *self.victim_buttons]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # what is in the form

    def _loaded(self) -> None:
        self.touched.clear()
        self.save_attempted = False
        self.history_action.setEnabled(self.document.editing_saved)  # a new incident has none yet
        self._show_problems([])
        self._update_title()

    def _update_title(self) -> None:
        values = self.document.values
        if self.document.editing_saved:
            text = self.tr("Incident of %1 (version %2)").replace("%1", str(values.get("date", ""))).replace(
                "%2", str(values.get("version", "")))
        else:
            text = self.tr("New incident")
        self.title.setText(text + (" *" if self.document.dirty else ""))

    def ask_discard(self) -> bool:
        """True when there is nothing unsaved, or the user agrees to discard it."""
        if not self.document.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved incident"),
            self.tr("The incident in the form has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def start_new(self) -> bool:
        if not self.ask_discard():
            return False
        self.drafts.discard(self.document.key)
        self.document.new(origin(self.ctx.reader))
        self.fields.first_editor().setFocus()
        return True

    def open_incident(self, incident_uuid: str) -> bool:
        if incident_uuid == self.document.key and self.document.editing_saved:
            return True
        if not self.ask_discard():
            return False
        self.drafts.discard(self.document.key)
        draft = load_draft(self.ctx.reader, incident_uuid)
        if draft is not None and self.document.load_draft(draft):
            self.status.setText(self.tr("Unsaved changes to this incident were restored."))
            return True
        try:
            incident, victims = load_incident(self.ctx.reader, incident_uuid)
        except RecordNotFound as exc:
            QMessageBox.warning(self, self.tr("Open incident"), str(exc))
            return False
        self.document.load(values_from_incident(incident), [row_from_victim(v) for v in victims], editing_saved=True)
        return True

    def restore_latest_draft(self) -> bool:
        for info in list_drafts(self.ctx.reader, self.ctx.user):
            payload = load_draft(self.ctx.reader, info.draft_key)
            if payload is not None and self.document.load_draft(payload):
                self.status.setText(self.tr("Unsaved work from %1 was restored.").replace("%1", info.saved_at))
                return True
        return False

    # victims

    def add_victim(self) -> None:
        row = self.document.add_victims([blank_victim()])
        self.victims_view.setFocus()
        self.victims_view.go_to_row(row)

    def add_unidentified(self) -> None:
        dialog = UnidentifiedDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_unidentified_counts(dialog.values(), dialog.civilian.value())

    def add_unidentified_counts(self, counts: dict[str, int], civilian: str = "civilian") -> None:
        rows = unidentified_victims(counts, civilian)
        if rows:
            first = self.document.add_victims(rows)
            self.victims_view.go_to_row(first)

    def remove_victim(self) -> None:
        rows = sorted({i.row() for i in self.victims_view.selectionModel().selectedIndexes()}
                      | ({self.victims_view.currentIndex().row()} if self.victims_view.currentIndex().isValid() else set()))
        model = self.document.victims
        self.document.remove_victims([model.rows[r]["victim_uuid"] for r in rows if 0 <= r < model.rowCount()])

    def _victim_changed(self) -> None:
        row = self.victims_view.currentIndex().row()
        if 0 <= row < self.document.victims.rowCount():
            self.match_slot.victim_changed(self.document.victims.rows[row], self.document.values)

    # validation and saving

    def validate(self) -> list[Problem]:
        self._validate_timer.stop()
        problems = self.document.entry(self.gazetteer).problems
        shown = [p for p in problems if self.save_attempted or p.code != "required" or p.field in self.touched]
        self.document.set_problems(shown)
        return problems

    def _show_problems(self, problems: list[Problem]) -> None:
        self.fields.show_problems(problems)
        self.problem_list.show_problems(problems)
        self._update_title()

    def go_to_problem(self, problem: Problem) -> None:
        if problem.victim_index is not None and problem.field in self.document.victims.columns:
            self.victims_view.setFocus()
            self.victims_view.go_to_row(problem.victim_index, self.document.victims.column_of(problem.field))
        elif problem.field in self.fields.editors:
            self.fields.editors[problem.field].setFocus()

    def save(self) -> None:
        if self.saving:
            return
        self.save_attempted = True
        entry = self.document.entry(self.gazetteer)
        self.document.set_problems(entry.problems)
        if not entry.ok or entry.incident is None:
            self.status.setText(self.tr("Not saved: %n problem(s) to correct, listed above.", "", len(entry.problems)))
            return
        self.saving = True
        self.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.ctx.submit(save_incident, entry.incident, entry.victims, self.ctx.user, gazetteer=self.gazetteer,
                        on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: SavedIncident) -> None:
        self.saving = False
        self.setEnabled(True)
        self.drafts.discard(result.incident.incident_uuid)
        self.document.load(values_from_incident(result.incident), [row_from_victim(v) for v in result.victims],
                           editing_saved=True)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(result.incident.incident_uuid)

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.setEnabled(True)
        if isinstance(error, RecordInvalid):
            self.document.set_problems(error.problems)
            self.status.setText(self.tr("Not saved: %n problem(s) to correct, listed above.", "", len(error.problems)))
            return
        self.status.setText(self.tr("Not saved."))
        QMessageBox.warning(self, self.tr("The incident was not saved"), str(error))

    def show_history(self) -> None:
        """The history of the incident in the form, as saved."""
        if self.document.editing_saved:
            show_history(self.ctx, self.document.key, self)

    # leaving

    def discard_changes(self) -> None:
        if not self.ask_discard():
            return
        key, was_saved = self.document.key, self.document.editing_saved
        self.drafts.discard(key)
        self.document.dirty = False
        if was_saved:
            self.document.editing_saved = False
            self.open_incident(key)
        else:
            self.document.new(origin(self.ctx.reader))

    def close_form(self) -> None:
        self.drafts.flush()
        self.closed.emit()

    def prepare_to_close(self) -> bool:
        """Before the window closes: the unsaved content is kept as a draft."""
        self.drafts.flush()
        return True

    def _on_changed(self, changes: Changes) -> None:
        if changes.gazetteer:
            self.gazetteer = Gazetteer.from_database(self.ctx.reader)
            self.fields.set_gazetteer(self.gazetteer)
