from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QStyleOptionHeader

from core.browse import BrowseFilter
from core.models import Incident, Victim
from core.storage.records import save_incident
from gui.browse_models import IncidentTableModel, VictimTableModel
from gui.context import AppContext
from gui.records_browser import CHANGE_DELAY_MS, RecordsBrowser


def _save(db, date, governorate, perpetrator, status, names):
    incident = Incident(date=date, governorate=governorate, incident_type="shelling",
                        perpetrator=perpetrator, review_status=status)
    victims = [Victim(incident_uuid=incident.incident_uuid, sex="female", age=40, civilian="civilian", **n)
               for n in names]
    save_incident(db, incident, victims, "amal")
    return incident


@pytest.fixture
def seeded(db):
    first = _save(db, "2016-01-05", "SY09", "russia", "approved",
                  [{"given_name": "أسماء", "family_name": "الأحمد"}, {"given_name": "خديجة"}])
    second = _save(db, "2016-01-22", "SY02", "regime", "submitted",
                   [{"given_name": "آمنة", "family_name": "مؤمن", "name_latin": "Amina Moumen"}])
    return {"first": first, "second": second}


@pytest.fixture
def ctx(db_path, seeded):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


@pytest.fixture
def browser(qtbot, ctx):
    widget = RecordsBrowser(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    _settled(qtbot, widget)
    return widget


def _type(widget, text):
    """Type text key by key, as a keyboard with an Arabic layout sends it."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _double_click(qtbot, view, index):
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    # A double click is a press and release followed by a second press that the window
    # system marks as a double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _settled(qtbot, widget):
    qtbot.waitUntil(lambda: not widget.incidents.is_loading and not widget.victims.is_loading, timeout=5000)


def _names(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_lists_every_record_newest_first(browser):
    assert browser.incidents.rowCount() == 2
    assert browser.victims.rowCount() == 3
    assert browser.incidents.index(0, 0).data() == "2016-01-22"
    assert "2" in browser.status.text() and "3" in browser.status.text()


def test_search_finds_a_name_typed_with_another_hamza(qtbot, browser):
    browser.tabs.setCurrentWidget(browser.victims_view)
    search = browser.findChild(QLineEdit, "name_search")
    _type(search, "امنه")  # stored as آمنة
    qtbot.waitUntil(lambda: browser.victims.rowCount() == 1, timeout=3000)
    assert _names(browser.victims) == ["آمنة مؤمن"]
    qtbot.waitUntil(lambda: browser.incidents.rowCount() == 1, timeout=3000)
    search.clear()
    _type(search, "اسماء الاحمد")
    qtbot.waitUntil(lambda: _names(browser.victims) == ["أسماء الأحمد"], timeout=3000)


def test_filters_narrow_both_lists(qtbot, browser):
    bar = browser.filter_bar

    def until(condition):
        qtbot.waitUntil(lambda: not browser.incidents.is_loading and not browser.victims.is_loading
                        and condition(), timeout=3000)

    bar.governorate.setCurrentIndex(bar.governorate.findData("SY09"))
    until(lambda: browser.victims.rowCount() == 2 and browser.incidents.rowCount() == 1)
    bar.governorate.setCurrentIndex(0)
    bar.review_status.setCurrentIndex(bar.review_status.findData("submitted"))
    until(lambda: _names(browser.victims) == ["آمنة مؤمن"])
    bar.review_status.setCurrentIndex(0)
    bar.perpetrator.setCurrentIndex(bar.perpetrator.findData("russia"))
    until(lambda: browser.victims.rowCount() == 2)
    bar.perpetrator.setCurrentIndex(0)
    bar.date_from.set_iso("2016-01-10")
    until(lambda: browser.incidents.rowCount() == 1)
    assert browser.incidents.index(0, 0).data() == "2016-01-22"
    bar.date_to.set_iso("2016-01-15")
    until(lambda: browser.incidents.rowCount() == 0)


def test_sorting_is_done_by_the_database(qtbot, browser):
    view = browser.victims_view
    name_column = 0
    view.sortByColumn(name_column, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: browser.victims.sort_order.column == "name" and not browser.victims.is_loading, timeout=3000)
    # Sorted by the normalised spelling: أسماء (اسماء) before آمنة (امنه).
    assert _names(browser.victims) == ["أسماء الأحمد", "آمنة مؤمن", "خديجة"]
    view.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _names(browser.victims)[0] == "خديجة", timeout=3000)


def _arrow(view, column):
    """The sort arrow the header draws on a column."""
    option = QStyleOptionHeader()
    view.horizontalHeader().initStyleOptionForIndex(option, column)
    return option.sortIndicator


def test_the_date_arrow_agrees_with_the_order_shown(qtbot, browser):
    """Newest first shows the arrow of a descending order (pointing down); a click on the
    header lists the oldest first under an arrow pointing up."""
    view, model = browser.incidents_view, browser.incidents
    dates = lambda: [model.index(r, 0).data() for r in range(model.rowCount())]  # noqa: E731
    assert dates() == ["2016-01-22", "2016-01-05"]
    assert _arrow(view, 0) == QStyleOptionHeader.SortIndicator.SortDown
    assert _arrow(view, 1) == QStyleOptionHeader.SortIndicator.None_
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2))
    qtbot.waitUntil(lambda: dates() == ["2016-01-05", "2016-01-22"], timeout=3000)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _arrow(view, 0) == QStyleOptionHeader.SortIndicator.SortUp


def test_double_click_opens_the_incident(qtbot, browser, seeded):
    with qtbot.waitSignal(browser.open_incident, timeout=2000) as blocker:
        _double_click(qtbot, browser.incidents_view, browser.incidents.index(0, 1))
    assert blocker.args == [seeded["second"].incident_uuid]
    browser.tabs.setCurrentWidget(browser.victims_view)
    row = _names(browser.victims).index("خديجة")
    with qtbot.waitSignal(browser.open_incident, timeout=2000) as blocker:
        _double_click(qtbot, browser.victims_view, browser.victims.index(row, 0))
    assert blocker.args == [seeded["first"].incident_uuid]


def test_a_save_shows_up_without_a_refresh(qtbot, browser, ctx):
    incident = Incident(date="2016-01-30", governorate="SY07", incident_type="airstrike", perpetrator="russia")
    victim = Victim(incident_uuid=incident.incident_uuid, given_name="يوسف", sex="male", age=9)
    ctx.submit(save_incident, incident, [victim], "amal")
    qtbot.waitUntil(lambda: browser.incidents.rowCount() == 3 and browser.victims.rowCount() == 4, timeout=3000)
    assert browser.incidents.index(0, 0).data() == "2016-01-30"


@pytest.mark.parametrize("model_class", [IncidentTableModel, VictimTableModel])
def test_models_pass_the_model_tester(qtbot, qtmodeltester, ctx, model_class):
    model = model_class(ctx)
    with qtbot.waitSignal(model.loaded, timeout=3000):
        model.reload()
    assert model.rowCount() > 0
    # The tester checks the model now and then every change it announces.
    qtmodeltester.check(model, force_py=True)
    first = model.index(0, 0).data()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(model.loaded, timeout=3000):
        pass
    model.sort(0, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.loaded, timeout=3000):
        pass
    model.set_filter(BrowseFilter(name="nobody at all"))
    with qtbot.waitSignal(model.loaded, timeout=3000):
        pass
    assert model.rowCount() == 0 and first


def _history_dialog(qtbot, parent):
    from gui.history_view import HistoryDialog

    qtbot.waitUntil(lambda: parent.findChild(HistoryDialog) is not None, timeout=2000)
    dialog = parent.findChild(HistoryDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_the_history_of_a_row_opens_from_the_keyboard(qtbot, browser, seeded):
    """Ctrl+Shift+H on a victim's row opens the history of its incident."""
    from PySide6.QtGui import QKeySequence

    assert not browser.history_button.isEnabled()  # nothing chosen yet
    browser.tabs.setCurrentWidget(browser.victims_view)
    row = _names(browser.victims).index("خديجة")
    browser.victims_view.setCurrentIndex(browser.victims.index(row, 0))
    browser.victims_view.setFocus()
    assert browser.history_button.isEnabled()
    assert browser.history_action.shortcut() == QKeySequence("Ctrl+Shift+H")
    qtbot.keyClick(browser.victims_view, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = _history_dialog(qtbot, browser)
    assert seeded["first"].incident_uuid in dialog.view.findChild(QLabel, "history_title").text()
    records = {dialog.view.model.index(r, 3).data() for r in range(dialog.view.model.rowCount())}
    assert {"incident", "victim"} <= records
    dialog.close()


def test_the_history_of_a_row_opens_from_its_context_menu_and_the_button(qtbot, browser, seeded):
    from PySide6.QtWidgets import QMenu

    view = browser.incidents_view
    row = [browser.incidents.index(r, 0).data() for r in range(2)].index("2016-01-22")
    view.customContextMenuRequested.emit(view.visualRect(browser.incidents.index(row, 1)).center())
    menu = browser.findChild(QMenu, "browser_menu")
    assert [a.objectName() for a in menu.actions()] == ["open_incident", "show_history"]
    with qtbot.waitSignal(browser.open_incident, timeout=2000) as opened:
        menu.actions()[0].trigger()
    assert opened.args == [seeded["second"].incident_uuid]
    menu.actions()[1].trigger()
    menu.close()
    dialog = _history_dialog(qtbot, browser)
    assert seeded["second"].incident_uuid in dialog.view.findChild(QLabel, "history_title").text()
    dialog.close()
    qtbot.waitUntil(lambda: browser.findChild(type(dialog)) is None, timeout=2000)
    qtbot.mouseClick(browser.history_button, Qt.MouseButton.LeftButton)
    dialog = _history_dialog(qtbot, browser)
    assert seeded["second"].incident_uuid in dialog.view.findChild(QLabel, "history_title").text()
    dialog.close()


def test_a_save_made_while_the_lists_are_hidden_is_read_when_they_are_shown_again(qtbot, browser, ctx):
    browser.hide()
    reads: list[int] = []
    browser.victims.loading.connect(lambda busy: reads.append(busy))
    incident = Incident(date="2016-01-30", governorate="SY07", incident_type="airstrike", perpetrator="russia")
    with qtbot.waitSignal(ctx.changed):
        ctx.submit(save_incident, incident, [Victim(incident_uuid=incident.incident_uuid, given_name="يوسف")], "amal")
    qtbot.wait(3 * CHANGE_DELAY_MS)
    assert browser.stale and reads == [] and browser.victims.rowCount() == 3  # nothing read behind another page
    browser.show()
    qtbot.waitUntil(lambda: browser.victims.rowCount() == 4 and browser.incidents.rowCount() == 3, timeout=3000)
    assert not browser.stale


def test_an_empty_list_shows_its_first_rows_before_the_whole_list_is_read(qtbot, ctx, monkeypatch):
    from gui import browse_models

    monkeypatch.setattr(browse_models, "FIRST_ROWS", 2)
    model = VictimTableModel(ctx)
    resets: list[tuple[int, bool]] = []
    model.modelReset.connect(lambda: resets.append((model.rowCount(), model.is_loading)))
    with qtbot.waitSignal(model.loaded, timeout=3000) as loaded:
        model.reload()
    assert resets == [(2, True), (3, True)]  # two rows while the list was read, then all three
    assert loaded.args == [3] and not model.is_loading
    resets.clear()
    with qtbot.waitSignal(model.loaded, timeout=3000):
        model.reload()  # rows shown: read again in one go, the rows staying until then
    assert resets == [] and model.rowCount() == 3
