"""The Incidents page: the list of records (or, on an empty database, the ways to begin)
and the incident form.

The records browser, when it offers a signal `incident_activated(str)`, opens the
incident of that UUID in the form.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QStackedWidget, QVBoxLayout, QWidget

from core.changes import Changes
from core.storage.counts import has_live_incidents
from gui import operations
from gui.context import AppContext
from gui.empty_state import EmptyState
from gui.placeholder import Placeholder
from gui.settings import Settings


class IncidentsPage(QWidget):
    form_opened = Signal()

    def __init__(self, ctx: AppContext, browser: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidents_page")
        self.ctx = ctx
        self.new_incident_action = self._action("new_incident", self.tr("&New incident"), self.new_incident,
                                                QKeySequence.StandardKey.New)
        self.load_demo_action = self._action("load_demo", self.tr("Load &demonstration data"), self.load_demo)
        self.load_demo_action.setEnabled(operations.demo_available())
        self.import_gazetteer_action = self._action("import_gazetteer", self.tr("Import &gazetteer…"),
                                                    self.import_gazetteer)
        self.show_list_action = self._action("show_list", self.tr("Show the &list"), self.show_list)
        self.menu_actions = [self.new_incident_action, self.import_gazetteer_action, self.load_demo_action]

        self.empty_state = EmptyState(self.menu_actions, self)
        self.browser = browser or Placeholder(self.tr("The list of incidents and victims"))
        self.form = self._build_form()
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("incidents_stack")
        for widget in (self.empty_state, self.browser, self.form):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        activated = getattr(self.browser, "incident_activated", None)
        if activated is not None:
            activated.connect(self.open_incident)
        ctx.changed.connect(self._on_changed)
        self.show_list()
        if getattr(self.form, "restored_draft", False):
            self.stack.setCurrentWidget(self.form)  # unsaved work from last time comes first

    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_form(self) -> QWidget:
        from gui.incident_form import IncidentForm

        form = IncidentForm(self.ctx, self)
        form.closed.connect(self.show_list)
        return form

    # what is shown

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.browser if has_live_incidents(self.ctx.reader) else self.empty_state)

    def showing(self) -> str:
        current = self.stack.currentWidget()
        return {id(self.empty_state): "empty_state", id(self.browser): "browser"}.get(id(current), "form")

    def new_incident(self) -> None:
        start = getattr(self.form, "start_new", None)
        if start is not None and not start():
            return
        self.stack.setCurrentWidget(self.form)
        self.form_opened.emit()

    def open_incident(self, incident_uuid: str) -> None:
        opener = getattr(self.form, "open_incident", None)
        if opener is not None and not opener(incident_uuid):
            return
        self.stack.setCurrentWidget(self.form)
        self.form_opened.emit()

    def _on_changed(self, changes: Changes) -> None:
        if self.stack.currentWidget() is self.empty_state and changes.records:
            self.show_list()

    # data operations

    def load_demo(self) -> None:
        operations.load_demo(self.ctx, self, on_done=lambda _result: self.show_list())

    def choose_gazetteer_file(self) -> str:
        settings = Settings()
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import gazetteer"), settings.last_folder,
            self.tr("Gazetteer (*.csv);;All files (*)"))
        if path:
            settings.last_folder = str(Path(path).parent)
        return path

    def import_gazetteer(self) -> None:
        path = self.choose_gazetteer_file()
        if path:
            operations.import_gazetteer_file(self.ctx, self, path)

    def prepare_to_close(self) -> bool:
        prepare = getattr(self.form, "prepare_to_close", None)
        return bool(prepare()) if prepare is not None else True
