"""The issue's walk-through: a documenter types a victim already in the database under
another spelling, sees the match offered, and a reviewer's "same person" makes the tally
drop by one."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core import tallies
from core.storage.records import save_incident
from tests.core.factories import incident, victim

from .test_incident_form import type_incident, type_victim


def test_a_victim_typed_in_another_spelling_is_offered_and_counted_once(qtbot, ctx, window, form, keyboard):
    stored_incident = incident(date="2016-01-05", governorate="SY09", locality="الميادين")
    stored = victim(stored_incident, given_name="أحمد", family_name="الحسن", age=34)
    save_incident(ctx.reader, stored_incident, [stored], "another_team")

    type_incident(keyboard)
    type_victim(keyboard, "Ahmed", "Al-Hassan", "M", "35")
    panel = form.match_slot.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    offered = panel.model.matches[0]
    assert offered["victim_uuid"] == stored.victim_uuid and offered["incident_date"] == "2016-01-05"
    assert panel.isVisible()

    with qtbot.waitSignal(form.saved, timeout=5000):
        keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    before = tallies.tally(ctx.reader, status="all").total.killed

    page = window.show_page("duplicates")
    qtbot.waitUntil(lambda: page.pairs.rowCount() == 1, timeout=5000)
    pair = page.current_pair()
    assert stored.victim_uuid in (pair.a["victim_uuid"], pair.b["victim_uuid"])
    qtbot.mouseClick(page.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pairs.rowCount() == 0, timeout=5000)
    assert tallies.tally(ctx.reader, status="all").total.killed == before - 1
