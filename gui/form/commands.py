"""Undo commands of the incident form: one class per user action.

They act on an :class:`~gui.form.document.IncidentDocument` and its victims model, never
on widgets, so they are tested without a window.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from gui.form.document import IncidentDocument

SET_FIELD_ID = 1
SET_CELL_ID = 2


class SetField(QUndoCommand):
    """Change one field of the incident. Typing in the same field merges into one step."""

    def __init__(self, document: IncidentDocument, name: str, old: Any, new: Any, parent: QUndoCommand | None = None):
        super().__init__(QCoreApplication.translate("Commands", "Change %1").replace("%1", name), parent)
        self.document, self.name, self.old, self.new = document, name, old, new

    def id(self) -> int:
        return SET_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or other.name != self.name:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.apply_field(self.name, self.new)

    def undo(self) -> None:
        self.document.apply_field(self.name, self.old)


class SetCell(QUndoCommand):
    """Change one field of one victim."""

    def __init__(self, document: IncidentDocument, victim_uuid: str, name: str, old: str, new: str):
        super().__init__(QCoreApplication.translate("Commands", "Change %1 of a victim").replace("%1", name))
        self.document, self.victim_uuid, self.name, self.old, self.new = document, victim_uuid, name, old, new

    def id(self) -> int:
        return SET_CELL_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetCell) or (other.victim_uuid, other.name) != (self.victim_uuid, self.name):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.victims.set_value(self.victim_uuid, self.name, self.new)
        self.document.touch()

    def undo(self) -> None:
        self.document.victims.set_value(self.victim_uuid, self.name, self.old)
        self.document.touch()


class AddVictims(QUndoCommand):
    """Add one or more victim rows at a position (a blank row, or unidentified victims)."""

    def __init__(self, document: IncidentDocument, position: int, rows: list[dict[str, Any]]):
        text = QCoreApplication.translate("Commands", "Add %n victim(s)", "", len(rows))
        super().__init__(text)
        self.document, self.position, self.rows = document, position, [dict(r) for r in rows]

    def redo(self) -> None:
        self.document.victims.insert(self.position, self.rows)
        self.document.touch()

    def undo(self) -> None:
        self.document.victims.remove([r["victim_uuid"] for r in self.rows])
        self.document.touch()


class RemoveVictims(QUndoCommand):
    """Remove victim rows; undo puts them back where they were."""

    def __init__(self, document: IncidentDocument, uuids: list[str]):
        text = QCoreApplication.translate("Commands", "Remove %n victim(s)", "", len(uuids))
        super().__init__(text)
        self.document, self.uuids = document, list(uuids)
        self.removed: list[tuple[int, dict[str, Any]]] = []

    def redo(self) -> None:
        self.removed = self.document.victims.remove(self.uuids)
        self.document.touch()

    def undo(self) -> None:
        for position, row in self.removed:
            self.document.victims.insert(position, [row])
        self.document.touch()
