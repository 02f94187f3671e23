"""The form's content and its undo stack, without any widget."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.entry import blank_victim, unidentified_victims
from gui.form.document import IncidentDocument
from gui.form.victims_model import FIELD_ROLE, VictimsModel


@pytest.fixture
def document(qapp):
    doc = IncidentDocument()
    doc.new()
    return doc


def test_field_changes_undo_and_redo(document):
    document.set_field("locality", "د")
    document.set_field("locality", "دوما")  # typing merges into one step
    document.set_field("perpetrator", "russia")
    assert document.undo_stack.count() == 2 and document.dirty
    document.undo_stack.undo()
    assert document.values["perpetrator"] == ""
    document.undo_stack.undo()
    assert document.values["locality"] == ""
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert (document.values["locality"], document.values["perpetrator"]) == ("دوما", "russia")


def test_changing_the_governorate_clears_places_outside_it_in_one_step(document):
    for name, value in (("governorate", "SY02"), ("district", "SY0200"), ("subdistrict", "SY020000")):
        document.set_field(name, value)
    document.set_field("governorate", "SY09")
    assert (document.values["district"], document.values["subdistrict"]) == ("", "")
    document.undo_stack.undo()
    assert (document.values["governorate"], document.values["district"], document.values["subdistrict"]) == (
        "SY02", "SY0200", "SY020000")
    document.set_field("district", "SY0201")
    assert document.values["subdistrict"] == ""


def test_victim_rows_are_added_edited_and_removed_undoably(document):
    model = document.victims
    assert model.rowCount() == 1
    model.setData(model.index(0, model.column_of("given_name")), "أحمد")
    document.add_victims(unidentified_victims({"men": 7, "children": 5}))
    assert model.rowCount() == 13
    first, last = model.rows[0]["victim_uuid"], model.rows[12]["victim_uuid"]
    document.remove_victims([first, last])
    assert model.rowCount() == 11
    document.undo_stack.undo()
    assert model.rowCount() == 13 and model.rows[0]["given_name"] == "أحمد" and model.rows[12]["victim_uuid"] == last
    document.undo_stack.undo()
    assert model.rowCount() == 1
    document.undo_stack.undo()
    assert model.rows[0]["given_name"] == ""
    assert not document.undo_stack.canUndo()


def test_a_draft_payload_restores_the_same_content(document):
    document.set_field("locality", "حرستا")
    document.set_cell(document.victims.rows[0]["victim_uuid"], "sex", "female")
    payload = document.draft_payload()
    other = IncidentDocument()
    assert other.load_draft(payload)
    assert other.values == document.values and other.victims.rows == document.victims.rows
    assert other.dirty and not other.undo_stack.canUndo()
    assert not other.load_draft({"format": 99})


def test_problems_reach_the_victim_cells(document):
    document.set_cell(document.victims.rows[0]["victim_uuid"], "age", "abc")
    entry = document.entry()
    document.set_problems(entry.problems)
    model = document.victims
    tooltip = model.data(model.index(0, model.column_of("age")), Qt.ItemDataRole.ToolTipRole)
    assert "abc" in tooltip
    assert model.data(model.index(0, model.column_of("given_name")), Qt.ItemDataRole.ToolTipRole) is None


def test_victims_model_passes_the_model_tester(qtmodeltester, document):
    model = document.victims
    document.add_victims([blank_victim(), *unidentified_victims({"women": 2})])
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(model.column_of("name_latin"), Qt.Orientation.Horizontal, FIELD_ROLE) == "name_latin"
    assert model.data(model.index(2, model.column_of("sex"))) == "Female"


def test_bare_model_without_undo_applies_edits_directly(qtmodeltester):
    model = VictimsModel()
    model.replace_all([blank_victim()])
    assert model.setData(model.index(0, 0), "سعاد")
    assert not model.setData(model.index(0, 0), "سعاد")
    assert model.rows[0]["given_name"] == "سعاد"
    qtmodeltester.check(model)
