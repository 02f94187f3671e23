"""The incident form driven from the keyboard, as a documenter uses it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from core.entry import INCIDENT_FIELDS, VICTIM_FIELDS
from core.storage.records import load_incident

from .conftest import open_window


def _focused_name() -> str:
    widget = QApplication.focusWidget()
    while widget is not None and not widget.objectName():
        widget = widget.parentWidget()
    return widget.objectName() if widget else ""


def type_incident(keyboard) -> None:
    keyboard.type("2016-01-05")
    keyboard.tab()  # date_precision stays "day"
    keyboard.tab()
    assert _focused_name() in ("governorate", "governorate_text")
    keyboard.type("Deir ez-Zor")
    keyboard.tab()  # district and sub-district are disabled without a gazetteer
    assert _focused_name() == "locality"
    keyboard.type("الميادين")
    keyboard.tab()
    keyboard.type("Air")  # incident_type by its label
    keyboard.tab()
    keyboard.type("Rus")  # perpetrator
    keyboard.tab()
    keyboard.type("Con")  # attribution
    keyboard.tab(2)  # facility left empty
    assert _focused_name() == "reported_killed"
    keyboard.type("5")
    keyboard.tab()
    keyboard.type("2")
    keyboard.tab()
    keyboard.type("Witness by telephone; local coordination committee")
    keyboard.tab()
    keyboard.type("Russian airstrike on a market.")
    keyboard.tab()
    assert _focused_name() == "victims"


def type_victim(keyboard, given: str, family: str, sex: str, age: str, civilian: str = "Ci") -> None:
    keyboard.type(given)
    keyboard.tab(3)
    keyboard.type(family)
    keyboard.tab(3)  # mother_name, name_latin
    assert _focused_name() == "sex"
    keyboard.type(sex)
    keyboard.tab()
    keyboard.type(age)
    keyboard.tab(2)  # age_group is inferred from the age
    keyboard.type(civilian)
    keyboard.tab(3)  # outcome killed, death_date empty
    assert _focused_name() == "notes"


def test_an_incident_with_three_victims_typed_from_the_keyboard_is_saved(qtbot, ctx, form, keyboard):
    type_incident(keyboard)
    type_victim(keyboard, "أحمد", "الحسن", "M", "34")
    keyboard.press(Qt.Key.Key_Return)  # Enter in the last row adds a row
    qtbot.waitUntil(lambda: form.document.victims.rowCount() == 2)
    type_victim(keyboard, "فاطمة", "الحسن", "F", "29")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.document.victims.rowCount() == 3)
    type_victim(keyboard, "محمد", "الحسن", "M", "7")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.document.victims.rowCount() == 4)  # a blank row: not saved
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    incident, victims = load_incident(ctx.reader, saved.args[0])
    assert (incident.date.isoformat(), incident.governorate, incident.locality) == ("2016-01-05", "SY09", "الميادين")
    assert (incident.incident_type, incident.perpetrator, incident.attribution) == ("airstrike", "russia", "confirmed")
    assert (incident.reported_killed, incident.source_count, incident.facility) == (5, 2, None)
    assert incident.summary == "Russian airstrike on a market."
    assert [(v.given_name, v.family_name, v.sex, v.age, v.civilian) for v in victims] == [
        ("أحمد", "الحسن", "male", 34, "civilian"),
        ("فاطمة", "الحسن", "female", 29, "civilian"),
        ("محمد", "الحسن", "male", 7, "civilian"),
    ]
    assert [v.category for v in victims] == ["men", "women", "children"]
    assert not form.document.dirty and form.document.editing_saved
    assert form.findChild(QLabel, "form_title").text().startswith("Incident of 2016-01-05")


def test_invalid_input_is_explained_beside_the_field_and_nothing_is_saved(qtbot, ctx, form, keyboard):
    from core.storage.counts import record_counts

    keyboard.type("2016-02-30")
    keyboard.tab(2)
    keyboard.type("Atlantis")
    keyboard.tab()
    form.validate()
    assert "does not exist in the calendar" in form.findChild(QLabel, "date_problem").text()
    assert "Atlantis" in form.findChild(QLabel, "governorate_problem").text()
    assert not form.findChild(QLabel, "perpetrator_problem").isVisible()  # not touched yet
    form.findChild(QAction, "save_incident").trigger()
    assert ctx.wait_idle()
    assert "Choose the party held responsible." in form.findChild(QLabel, "perpetrator_problem").text()
    listed = form.problem_list.messages()
    assert any(m.startswith("Date:") for m in listed) and any(m.startswith("Perpetrator:") for m in listed)
    assert "Not saved" in form.status.text()
    assert record_counts(ctx.reader).incidents == 0


def test_a_victim_problem_is_shown_in_its_cell(qtbot, ctx, form):
    model = form.document.victims
    model.setData(model.index(0, model.column_of("age")), "200")
    form.save()
    assert "between 0 and 120" in model.data(model.index(0, model.column_of("age")), Qt.ItemDataRole.ToolTipRole)
    assert any(m.startswith("Victim 1, Age:") for m in form.problem_list.messages())


def test_a_draft_survives_closing_and_reopening_the_window(qtbot, ctx, window, form, keyboard):
    keyboard.type("2016-01-05")
    keyboard.tab(3)
    keyboard.type("دوما")
    model = form.document.victims
    model.setData(model.index(0, model.column_of("given_name")), "سعاد")
    assert window.close()
    again = open_window(qtbot, ctx)
    page = again.pages["incidents"]
    assert page.showing() == "form"
    restored = page.form
    assert restored.fields.editors["date"].text() == "2016-01-05"
    assert restored.fields.editors["locality"].text() == "دوما"
    assert restored.document.victims.rows[0]["given_name"] == "سعاد"
    assert restored.document.dirty


def test_a_draft_is_written_a_moment_after_typing(qtbot, ctx, form, keyboard):
    from core.drafts import list_drafts, load_draft

    keyboard.type("حرستا")
    qtbot.waitUntil(lambda: bool(list_drafts(ctx.reader, "amal")), timeout=3000)
    assert load_draft(ctx.reader, form.document.key)["values"]["date"] == "حرستا"


def test_saving_discards_the_draft_and_discarding_asks_first(qtbot, ctx, form, keyboard, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from core.drafts import list_drafts

    keyboard.type("2016-01-05")
    form.drafts.flush()
    assert list_drafts(ctx.reader)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    form.findChild(QAction, "discard_draft").trigger()
    assert asked and form.fields.editors["date"].text() == "2016-01-05"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    form.findChild(QAction, "discard_draft").trigger()
    assert ctx.wait_idle()
    assert form.fields.editors["date"].text() == "" and not list_drafts(ctx.reader)


def test_undo_and_redo_from_the_keyboard(qtbot, form, keyboard):
    keyboard.type("2016-01-05")
    keyboard.tab(3)
    keyboard.type("دوما")
    keyboard.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.fields.editors["locality"].text() == ""
    assert form.fields.editors["date"].text() == "2016-01-05"
    keyboard.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.fields.editors["date"].text() == ""
    keyboard.press(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert (form.fields.editors["date"].text(), form.fields.editors["locality"].text()) == ("2016-01-05", "دوما")


def test_unidentified_victims_are_added_in_one_step(qtbot, qapp, form, monkeypatch):
    from gui.form.unidentified_dialog import UnidentifiedDialog
    from gui.i18n import apply_language

    apply_language("en", qapp)  # as at start-up: English plurals come from tawthiq_en.qm

    def fill(dialog):
        dialog.counts["men"].setValue(7)
        dialog.counts["children"].setValue(5)
        assert dialog.total.text() == "12 victims will be added."
        return UnidentifiedDialog.DialogCode.Accepted

    monkeypatch.setattr(UnidentifiedDialog, "exec", fill)
    form.findChild(QAction, "add_unidentified").trigger()
    rows = form.document.victims.rows
    assert len(rows) == 13
    assert sum(r["sex"] == "male" and r["age_group"] == "adult" for r in rows) == 7
    assert sum(r["age_group"] == "child" for r in rows) == 5
    form.document.undo_stack.undo()
    assert form.document.victims.rowCount() == 1


def test_every_input_is_named_after_its_field(qtbot, form):
    for name in INCIDENT_FIELDS:
        editor = form.fields.editors[name]
        assert (editor.objectName(), editor.accessibleName()) == (name, name)
    view = form.victims_view
    model = form.document.victims
    from gui.form.victims_model import FIELD_ROLE

    assert [model.headerData(c, Qt.Orientation.Horizontal, FIELD_ROLE) for c in range(model.columnCount())] == list(VICTIM_FIELDS)
    for column, name in enumerate(VICTIM_FIELDS):
        index = model.index(0, column)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index) or QApplication.focusWidget()
        assert (editor.objectName(), editor.accessibleName()) == (name, name)
        view.closePersistentEditor(index)
        view.setFocus()
    for name in ("save_incident", "add_victim", "add_unidentified", "remove_victim", "undo", "redo"):
        assert form.findChild(QAction, name) is not None


def test_places_are_chosen_in_arabic_english_or_by_alias(qtbot, ctx, gazetteer_csv, form, keyboard):
    from core.gazetteer import import_gazetteer

    with qtbot.waitSignal(ctx.changed):
        ctx.submit(lambda db: import_gazetteer(db, gazetteer_csv, "amal")[1])
    governorate = form.fields.editors["governorate"]
    district = form.fields.editors["district"]
    assert district.isEnabled() is False  # nothing to choose until a governorate is
    governorate.setFocus()
    keyboard.type("إدلب")
    keyboard.tab()
    assert form.document.values["governorate"] == "SY07"
    assert district.isEnabled() and all(district.itemData(i).startswith("SY07") for i in range(1, district.count()))
    keyboard.type("Idleb")
    keyboard.tab()
    assert form.document.values["district"] == "SY0700"
    governorate.setFocus()
    governorate.lineEdit().selectAll()
    keyboard.type("Hims Governorate")  # an alias
    keyboard.tab()
    assert form.document.values["governorate"] == "SY04"
    assert form.document.values["district"] == ""  # Idleb is not in Homs


def test_an_incident_chosen_in_the_browser_opens_edits_and_saves_as_a_new_version(qtbot, ctx, window, keyboard):
    from core.models import Incident, Victim
    from core.storage.records import save_incident

    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    victims = [Victim(incident_uuid=incident.incident_uuid, given_name="أحمد", sex="male", age=30)]
    with qtbot.waitSignal(ctx.changed):
        ctx.submit(save_incident, incident, victims, "amal")
    page = window.pages["incidents"]
    page.show_list()
    assert page.showing() == "browser"
    page.browser.incident_activated.emit(incident.incident_uuid)
    assert page.showing() == "form"
    form = page.form
    assert form.fields.editors["governorate"].value() == "SY09"
    assert form.document.victims.rows[0]["given_name"] == "أحمد"
    form.fields.editors["locality"].setFocus()
    keyboard.type("الميادين")
    with qtbot.waitSignal(form.saved):
        form.findChild(QAction, "save_incident").trigger()
    stored, stored_victims = load_incident(ctx.reader, incident.incident_uuid)
    assert (stored.version, stored.locality, stored_victims[0].version) == (2, "الميادين", 1)
    form.findChild(QAction, "close_form").trigger()
    assert page.showing() == "browser"


def test_the_victim_being_typed_is_looked_up_for_likely_duplicates(qtbot, ctx, form, keyboard):
    from core.models import Incident, Victim
    from core.storage.records import save_incident

    panel = form.match_slot.panel
    if panel is None:
        import pytest

        pytest.skip("the likely-duplicates panel is not installed")
    stored = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    with qtbot.waitSignal(ctx.changed):
        ctx.submit(save_incident, stored, [Victim(incident_uuid=stored.incident_uuid, given_name="أحمد",
                                                  father_name="محمود", family_name="الحسن", sex="male", age=34)], "amal")
    form.document.set_field("date", "2016-01-05")
    form.document.set_field("governorate", "SY09")
    form.victims_view.setFocus()
    form.victims_view.go_to_row(0, 0)
    with qtbot.waitSignal(panel.matches_shown, timeout=5000, check_params_cb=lambda n: n >= 1):
        keyboard.type("احمد")  # typed without the hamza
        keyboard.tab()
        keyboard.type("محمود")
        keyboard.tab(2)
        keyboard.type("الحسن")
        keyboard.tab()


def test_the_history_of_the_incident_in_the_form_opens_from_the_toolbar_and_the_keyboard(qtbot, ctx, window, form):
    from core.models import Incident, Victim
    from core.storage.records import save_incident
    from gui.history_view import HistoryDialog

    history = form.findChild(QAction, "show_history")
    assert not history.isEnabled()  # a new incident has no history yet
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    with qtbot.waitSignal(ctx.changed):
        ctx.submit(save_incident, incident, [Victim(incident_uuid=incident.incident_uuid, given_name="أحمد")], "amal")
    page = window.pages["incidents"]
    page.show_list()
    page.browser.incident_activated.emit(incident.incident_uuid)
    assert history.isEnabled()
    form.fields.editors["locality"].setFocus()
    qtbot.keyClick(form.fields.editors["locality"], Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: form.findChild(HistoryDialog) is not None, timeout=2000)
    dialog = form.findChild(HistoryDialog)
    assert incident.incident_uuid in dialog.findChild(QLabel, "history_title").text()
    assert dialog.view.model.rowCount() >= 2  # the incident and its victim created
    dialog.close()


def test_name_columns_are_wide_enough_for_a_compound_name(form):
    view = form.victims_view
    model = view.model()
    compound = view.fontMetrics().horizontalAdvance("Abd al-Rahman")
    for name in ("given_name", "father_name", "grandfather_name", "family_name", "name_latin"):
        assert view.columnWidth(model.columns.index(name)) > compound, name
    assert view.columnWidth(model.columns.index("age")) < compound
