"""What the incident form holds, apart from its widgets: the incident's values, the victims
model, the undo stack, whether anything is unsaved, and the problems found.

Every change made by the user goes through :meth:`set_field`, the victims model's
setData, :meth:`add_victims` or :meth:`remove_victims`, each an undoable command.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from core.entry import Entry, blank_incident, blank_victim, build_entry
from core.models import Problem
from gui.form.commands import AddVictims, RemoveVictims, SetCell, SetField
from gui.form.victims_model import VictimsModel

DRAFT_FORMAT = 1


class IncidentDocument(QObject):
    field_changed = Signal(str, object)  # name, value
    content_changed = Signal()  # any change by the user (or undo/redo)
    loaded = Signal()  # everything replaced
    problems_changed = Signal(list)  # list[Problem]

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.values: dict[str, Any] = blank_incident()
        self.victims = VictimsModel(self)
        self.victims.edit_hook = self.set_cell
        self.undo_stack = QUndoStack(self)
        self.editing_saved = False  # the incident is in the database already
        self.dirty = False
        self.problems: list[Problem] = []

    @property
    def key(self) -> str:
        """The incident's UUID, which is also the key of its draft."""
        return str(self.values["incident_uuid"])

    # user changes

    def set_field(self, name: str, value: Any) -> None:
        old = self.values.get(name, "")
        if old == value:
            return
        follow = self._places_after(name, value)
        if follow:
            self.undo_stack.beginMacro(QCoreApplication.translate("Commands", "Change %1").replace("%1", name))
            self.undo_stack.push(SetField(self, name, old, value))
            for other, new in follow:
                self.undo_stack.push(SetField(self, other, self.values.get(other, ""), new))
            self.undo_stack.endMacro()
        else:
            self.undo_stack.push(SetField(self, name, old, value))

    def _places_after(self, name: str, value: Any) -> list[tuple[str, str]]:
        """A district or sub-district that no longer lies inside the chosen place is cleared."""
        text = str(value or "")
        follow = []
        if name == "governorate":
            for lower in ("district", "subdistrict"):
                current = str(self.values.get(lower) or "")
                if current and not current.startswith(text):
                    follow.append((lower, ""))
        elif name == "district":
            current = str(self.values.get("subdistrict") or "")
            if current and not current.startswith(text):
                follow.append(("subdistrict", ""))
        return follow

    def set_cell(self, victim_uuid: str, name: str, value: str) -> None:
        row = self.victims.rows[self.victims.row_of(victim_uuid)]
        self.undo_stack.push(SetCell(self, victim_uuid, name, str(row.get(name) or ""), value))

    def add_victims(self, rows: list[dict[str, Any]] | None = None, position: int | None = None) -> int:
        """Add rows (one blank row by default) and return the position of the first."""
        rows = rows if rows is not None else [blank_victim()]
        where = len(self.victims.rows) if position is None else position
        self.undo_stack.push(AddVictims(self, where, rows))
        return where

    def remove_victims(self, uuids: list[str]) -> None:
        if uuids:
            self.undo_stack.push(RemoveVictims(self, uuids))

    # called by the commands

    def apply_field(self, name: str, value: Any) -> None:
        self.values[name] = value
        self.field_changed.emit(name, value)
        self.touch()

    def touch(self) -> None:
        self.dirty = True
        self.content_changed.emit()

    # whole content

    def load(self, values: dict[str, Any], rows: list[dict[str, Any]], *, editing_saved: bool, dirty: bool = False) -> None:
        """Replace everything (a new form, a stored incident, a draft); clears undo."""
        self.undo_stack.clear()
        self.values = {**blank_incident(), **values}
        self.victims.replace_all(rows)
        self.editing_saved = editing_saved
        self.dirty = dirty
        self.set_problems([])
        self.loaded.emit()

    def new(self, origin: str | None = None) -> None:
        self.load(blank_incident(origin), [blank_victim()], editing_saved=False)

    def draft_payload(self) -> dict[str, Any]:
        return {"format": DRAFT_FORMAT, "values": dict(self.values),
                "rows": [dict(r) for r in self.victims.rows], "editing_saved": self.editing_saved}

    def load_draft(self, payload: dict[str, Any]) -> bool:
        """Restore a draft; False if it is not one this version can read."""
        if payload.get("format") != DRAFT_FORMAT or not isinstance(payload.get("values"), dict):
            return False
        rows = [r for r in payload.get("rows", []) if isinstance(r, dict) and r.get("victim_uuid")]
        self.load(payload["values"], rows, editing_saved=bool(payload.get("editing_saved")), dirty=True)
        return True

    # validation

    def entry(self, gazetteer: Any = None) -> Entry:
        return build_entry(self.values, self.victims.rows, gazetteer)

    def set_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.victims.set_problems(self.problems)
        self.problems_changed.emit(self.problems)
