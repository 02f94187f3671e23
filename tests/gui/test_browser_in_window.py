"""The browser and the tallies panel in the main window: a double click in the list opens
the incident in the form."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.models import Incident, Victim
from core.storage.records import save_incident
from gui.context import AppContext
from gui.main_window import MainWindow
from gui.records_browser import RecordsBrowser
from gui.tallies_view import TalliesView


def test_double_click_in_the_list_opens_the_form(qtbot, db, db_path):
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    save_incident(db, incident, [Victim(incident_uuid=incident.incident_uuid, given_name="هدى", sex="female", age=7)],
                  "amal")
    ctx = AppContext(db_path, "amal")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        page = window.pages["incidents"]
        assert isinstance(page.browser, RecordsBrowser)
        assert isinstance(window.pages["tallies"], TalliesView)
        browser = page.browser
        qtbot.waitUntil(lambda: browser.incidents.rowCount() == 1 and not browser.incidents.is_loading, timeout=5000)
        assert page.showing() == "browser"
        view = browser.incidents_view
        pos = view.visualRect(browser.incidents.index(0, 0)).center()
        with qtbot.waitSignal(browser.incident_activated, timeout=2000) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert blocker.args == [incident.incident_uuid]
        qtbot.waitUntil(lambda: page.showing() == "form", timeout=2000)
        window.close()
    finally:
        ctx.close()
