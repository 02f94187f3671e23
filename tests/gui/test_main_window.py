from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from core.models import Incident, Victim
from core.storage.records import save_incident
from gui import main_window as main_window_module
from gui.context import AppContext
from gui.main_window import PAGES, MainWindow
from gui.settings import Settings


@pytest.fixture
def ctx(qapp, db_path):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_navigation_shows_every_page(qtbot, window):
    navigation = window.findChild(QListWidget, "navigation")
    assert navigation.count() == len(PAGES) == 5
    for row, page in enumerate(PAGES):
        navigation.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[page.key]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "incidents"


def test_status_bar_names_database_user_and_counts(qtbot, window, ctx):
    assert str(ctx.db_path) in window.findChild(QLabel, "status_database").text()
    assert "amal" in window.findChild(QLabel, "status_user").text()
    counts = window.findChild(QLabel, "status_counts")
    qtbot.waitUntil(lambda: counts.text().startswith("0 incidents, 0 victims"))
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    victims = [Victim(incident_uuid=incident.incident_uuid) for _ in range(3)]
    with qtbot.waitSignal(ctx.changed):
        ctx.submit(save_incident, incident, victims, "amal")
    # counted on a reader thread: the window does not wait for the count
    qtbot.waitUntil(lambda: counts.text().startswith("1 incidents, 3 victims"))


def test_layout_and_page_are_restored(qtbot, ctx):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    first.show_page("tallies")
    first.close()
    assert Settings().current_page == "tallies"
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page() == "tallies"
    assert (second.width(), second.height()) == (700, 520)


def test_empty_database_shows_the_three_ways_to_begin(qtbot, window):
    page = window.pages["incidents"]
    assert page.showing() == "empty_state"
    names = {b.objectName() for b in page.empty_state.findChildren(QPushButton)}
    assert names == {"empty_new_incident", "empty_load_demo", "empty_import_gazetteer"}
    for name in ("new_incident", "load_demo", "import_gazetteer"):
        assert window.findChild(QAction, name) is not None
    qtbot.mouseClick(page.empty_state.buttons["new_incident"], Qt.MouseButton.LeftButton)
    assert page.showing() == "form"


def test_import_gazetteer_button_loads_the_file_on_the_writer(qtbot, window, ctx, gazetteer_csv, monkeypatch):
    from core.storage.counts import record_counts

    page = window.pages["incidents"]
    monkeypatch.setattr(page, "choose_gazetteer_file", lambda: str(gazetteer_csv))
    with qtbot.waitSignal(ctx.changed, timeout=20000):
        qtbot.mouseClick(page.empty_state.buttons["import_gazetteer"], Qt.MouseButton.LeftButton)
    assert ctx.wait_idle()
    assert record_counts(ctx.reader).places > 0


def test_import_gazetteer_cancelled_in_the_file_dialog_does_nothing(qtbot, window, ctx, monkeypatch):
    page = window.pages["incidents"]
    monkeypatch.setattr(page, "choose_gazetteer_file", lambda: "")
    qtbot.mouseClick(page.empty_state.buttons["import_gazetteer"], Qt.MouseButton.LeftButton)
    assert not ctx.busy


def test_load_demo_button_follows_whether_demo_data_exists(qtbot, ctx, monkeypatch):
    from gui import operations

    monkeypatch.setattr(operations, "demo_available", lambda: False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert not win.pages["incidents"].empty_state.buttons["load_demo"].isEnabled()

    calls = []

    def fake_demo(db, user):
        calls.append(user)
        incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
        save_incident(db, incident, [Victim(incident_uuid=incident.incident_uuid)], user)
        return "Loaded 1 incident."  # as the real loader: a summary, no Changes

    monkeypatch.setattr(operations, "demo_loader", lambda: fake_demo)
    monkeypatch.setattr(operations, "demo_available", lambda: True)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    page = win.pages["incidents"]
    button = page.empty_state.buttons["load_demo"]
    assert button.isEnabled()
    with qtbot.waitSignal(ctx.changed) as changed:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(changed.args[0].incidents) == 1 and changed.args[0].tallies
    assert ctx.wait_idle()
    qtbot.waitUntil(lambda: page.showing() == "browser")
    assert calls == ["amal"]
    qtbot.waitUntil(lambda: win.findChild(QLabel, "status_counts").text().startswith("1 incidents, 1 victims"))


def test_a_page_module_that_exists_replaces_its_placeholder(qapp, ctx, monkeypatch):
    import sys
    import types

    from PySide6.QtWidgets import QWidget

    module = types.ModuleType("gui.fake_page")

    class FakePage(QWidget):
        def __init__(self, context):
            super().__init__()
            self.context = context

    module.FakePage = FakePage
    monkeypatch.setitem(sys.modules, "gui.fake_page", module)
    build = main_window_module.optional_page("gui.fake_page", "FakePage", lambda: "x")
    assert isinstance(build(ctx), FakePage)
    missing = main_window_module.optional_page("gui.no_such_page", "Nothing", lambda: "x")
    assert type(missing(ctx)).__name__ == "Placeholder"


def test_whether_demo_data_exists_is_found_without_importing_it(monkeypatch):
    import sys

    from gui import operations

    monkeypatch.delitem(sys.modules, "seeds.demo", raising=False)
    assert operations.demo_available() is True and "seeds.demo" not in sys.modules


def test_pages_other_than_the_one_shown_are_built_after_the_window_shows(qtbot, ctx):
    from gui.main_window import PAGES

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert list(win.pages.built()) == ["incidents"]  # the window opens with the page it shows
    assert list(win.pages) == [p.key for p in PAGES]  # every page is there to be asked for
    win.show()
    qtbot.waitUntil(lambda: list(win.pages.built()) == [p.key for p in PAGES], timeout=5000)
    for row, page in enumerate(PAGES):
        assert win.stack.widget(row) is win.pages[page.key]
        win.navigation.setCurrentRow(row)
        assert win.stack.currentWidget() is win.pages[page.key] and win.current_page() == page.key


def test_a_page_asked_for_is_built_at_once_in_its_place(qtbot, ctx):
    from gui.main_window import PAGES

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    tallies = win.show_page("tallies")  # before the window is shown: built now
    row = [p.key for p in PAGES].index("tallies")
    assert win.stack.widget(row) is tallies and win.stack.currentWidget() is tallies
    assert list(win.pages.built()) == ["incidents", "tallies"]
    win.close()  # closing asks the pages built, and builds no other
    assert list(win.pages.built()) == ["incidents", "tallies"]
