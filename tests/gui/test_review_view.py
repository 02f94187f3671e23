"""The review queue and the login, driven as a reviewer would."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from core import accounts, review
from core.storage import open_database
from core.storage.records import load_incident, save_incident
from core.tallies import tally
from gui.context import AppContext
from gui.history_view import HistoryView
from gui.login_dialog import LoginDialog
from gui.review_view import ReviewView
from tests.core.factories import incident, victim


@pytest.fixture
def team_db(db_path):
    db = open_database(db_path)
    accounts.create_user(db, "local", "rana", "admin-pass")
    accounts.create_user(db, "rana", "amal", "documenter-pass", role="documenter")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    uuids = []
    for n, (who, day) in enumerate((("amal", "2016-01-05"), ("amal", "2016-01-09"), ("rana", "2016-02-02"))):
        inc = incident(review_status="submitted", date=day, locality=f"place {n}", sources="a witness")
        save_incident(db, inc, [victim(inc, given_name="أحمد", family_name="الحسن"),
                                victim(inc, age=9, sex="female")], who)
        uuids.append(inc.incident_uuid)
    db.close()
    return db_path, uuids


def log_in(qtbot, path, name, password):
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "user_name"), name)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), password)
    qtbot.mouseClick(dialog.findChild(QPushButton, "log_in"), Qt.MouseButton.LeftButton)
    return dialog


@pytest.fixture
def as_reviewer(qtbot, team_db):
    path, uuids = team_db
    dialog = log_in(qtbot, path, "omar", "reviewer-pass")
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    ctx = AppContext(path, dialog.logged_in.user.user_name, opener=dialog.logged_in.opener)
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    view.show()
    read(qtbot, view)
    yield ctx, view, uuids
    ctx.close()


def read(qtbot, view):
    """Wait for the queue, read on a reader thread, to arrive."""
    qtbot.waitUntil(lambda: not view.reading, timeout=5000)


def select(view, uuid):
    assert view.select_incident(uuid)
    view.table.setFocus()
    assert view.current_uuid() == uuid


def test_a_wrong_password_keeps_the_dialog_open(qtbot, team_db):
    path, _ = team_db
    dialog = log_in(qtbot, path, "omar", "not-the-password")
    assert dialog.logged_in is None
    assert "Wrong user name or password" in dialog.findChild(QLabel, "login_error").text()
    assert dialog.findChild(QLineEdit, "password").text() == ""


def test_a_reviewer_approves_one_and_returns_another(qtbot, as_reviewer):
    ctx, view, (first, second, _) = as_reviewer
    assert {i.incident_uuid for i in view.model.items} == {first, second, _}
    before = tally(ctx.reader, with_pending=True)
    select(view, first)
    assert [v.given_name for v in view.victims_model.victims] == ["أحمد", ""]
    with qtbot.waitSignal(view.reviewed, timeout=5000):
        qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    after = tally(ctx.reader, with_pending=True)
    assert after.total.killed == before.total.killed + 2
    assert after.pending == before.pending - 2
    read(qtbot, view)
    assert first not in {i.incident_uuid for i in view.model.items}

    select(view, second)
    qtbot.keyClicks(view.findChild(QPlainTextEdit, "text"), "Which hospital? Add the second source.")
    with qtbot.waitSignal(view.reviewed, timeout=5000):
        qtbot.mouseClick(view.findChild(QPushButton, "return_button"), Qt.MouseButton.LeftButton)
    assert load_incident(ctx.reader, second)[0].review_status == "returned"
    assert review.thread(ctx.reader, second)[-1].text == "Which hospital? Add the second source."
    assert tally(ctx.reader).total.killed == after.total.killed
    assert "Returned to the documenter" in view.findChild(QLabel, "review_message").text()


def test_returning_without_a_comment_shows_the_reason(qtbot, as_reviewer):
    ctx, view, (first, _, _) = as_reviewer
    select(view, first)
    view.take_step("return")
    assert ctx.wait_idle()
    assert "a comment is required" in view.findChild(QLabel, "review_message").text()
    assert load_incident(ctx.reader, first)[0].review_status == "submitted"


def test_a_documenter_sees_the_steps_disabled_and_core_refuses_them(qtbot, team_db):
    path, (first, _, _) = team_db
    ctx = AppContext(path, "amal")
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    read(qtbot, view)
    select(view, first)
    assert not view.findChild(QPushButton, "approve_button").isEnabled()
    view.take_step("approve")  # as a shortcut might, were the button not disabled
    assert ctx.wait_idle()
    assert "amal is a documenter" in view.findChild(QLabel, "review_message").text()
    ctx.close()


def test_filters_by_documenter_and_date(qtbot, as_reviewer):
    ctx, view, (first, second, third) = as_reviewer
    combo = view.findChild(QComboBox, "created_by")
    combo.setCurrentIndex(combo.findData("rana"))
    combo.activated.emit(combo.currentIndex())
    read(qtbot, view)
    assert [i.incident_uuid for i in view.model.items] == [third]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    read(qtbot, view)
    date_to = view.findChild(QLineEdit, "date_to")
    qtbot.keyClicks(date_to, "2016-01-06")
    date_to.editingFinished.emit()
    read(qtbot, view)
    assert [i.incident_uuid for i in view.model.items] == [first]
    date_to.clear()
    qtbot.keyClicks(date_to, "2016-13-01")
    date_to.editingFinished.emit()
    read(qtbot, view)
    assert "2016-13-01" in view.findChild(QLabel, "review_message").text()


def test_bulk_approve_and_the_history(qtbot, as_reviewer):
    ctx, view, (first, second, third) = as_reviewer
    view.table.selectAll()
    with qtbot.waitSignal(view.reviewed, timeout=5000):
        view.findChild(QPushButton, "approve_button").click()
    read(qtbot, view)
    assert view.model.items == []
    history = HistoryView(ctx, first)
    qtbot.addWidget(history)
    actions = [history.model.index(r, 2).data() for r in range(history.model.rowCount())]
    assert actions[:3] == ["create", "create", "create"] and "approve" in actions


def test_the_models_pass_the_model_tester(qtmodeltester, as_reviewer):
    ctx, view, (first, _, _) = as_reviewer
    qtmodeltester.check(view.model)
    select(view, first)
    qtmodeltester.check(view.victims_model)
    history = HistoryView(ctx, first)
    qtmodeltester.check(history.model)


def test_the_application_asks_for_a_login_when_the_database_has_accounts(qtbot, team_db, monkeypatch):
    from PySide6.QtWidgets import QApplication, QDialog

    from gui import app, main_window

    path, _ = team_db
    shown = []

    def fake_exec(dialog):
        shown.append(type(dialog).__name__)
        dialog.user_name.setText("omar")
        dialog.password.setText("reviewer-pass")
        dialog.try_log_in()
        return QDialog.DialogCode.Accepted if dialog.logged_in else QDialog.DialogCode.Rejected

    windows = []

    class Window(main_window.MainWindow):
        def __init__(self, ctx, settings=None):
            super().__init__(ctx, settings)
            windows.append((self, ctx.user))

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    monkeypatch.setattr(main_window, "MainWindow", Window)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    assert shown == ["LoginDialog"]
    window, user = windows[0]
    assert user == "omar"
    assert "omar" in window.findChild(QLabel, "status_user").text()
    window.close()


def test_the_queue_never_looks_up_duplicates_on_the_gui_thread(qtbot, team_db, monkeypatch):
    """Building and drawing the queue reads no duplicate counts or flags on the GUI
    thread; the column fills in when the counts (from the stored pairs) arrive from the
    reader thread, one read per page of the queue."""
    import threading

    from core.dedupe import candidates

    path, uuids = team_db
    gui_thread = threading.get_ident()
    counted: list[tuple[tuple[str, ...], bool]] = []
    looked_up: list[tuple[str, bool]] = []

    def counts(db, incident_uuids, min_score=None):
        counted.append((tuple(incident_uuids), threading.get_ident() == gui_thread))
        return {uuids[1]: 1} if uuids[1] in incident_uuids else {}

    def lookup(db, incident_uuid, limit=3):
        looked_up.append((incident_uuid, threading.get_ident() == gui_thread))
        return {"some victim": ["a match"]} if incident_uuid == uuids[1] else {}

    monkeypatch.setattr(candidates, "duplicate_counts", counts)
    monkeypatch.setattr(review, "likely_duplicates_of", lookup)
    ctx = AppContext(path, "rana")
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    view.show()
    read(qtbot, view)
    view.grab()  # draws every row
    column = view.model.COLUMNS.index("duplicates")
    row = [view.model.uuid_at(r) for r in range(view.model.rowCount())].index(uuids[1])
    qtbot.waitUntil(lambda: view.model.index(row, column).data() == 1)
    select(view, uuids[1])
    qtbot.waitUntil(lambda: view.victims_model.duplicate_flags == {"some victim": ["a match"]})
    ctx.close()
    assert sorted({u for page, _ in counted for u in page}) == sorted(uuids)
    assert len(counted) == 1  # the whole page at once
    assert not [page for page, on_gui in counted if on_gui]
    assert not [u for u, on_gui in looked_up if on_gui]
    assert all(view.model.index(r, column).data() == "" for r in range(view.model.rowCount()) if r != row)


def test_the_queue_counts_victims_with_stored_likely_duplicates(qtbot, team_db):
    """The column shows, per incident, the victims with a stored pair not decided yet."""
    path, uuids = team_db
    db = open_database(path)
    again = incident(review_status="submitted", date="2016-01-05", locality="place 0", sources="another witness")
    save_incident(db, again, [victim(again, given_name="احمد", family_name="الحسن")], "rana")
    uuids = [*uuids, again.incident_uuid]
    counts = review.duplicate_counts(db, uuids)
    db.close()
    assert counts[uuids[0]] == 1 and counts[again.incident_uuid] == 1 and counts[uuids[2]] == 0
    ctx = AppContext(path, "rana")
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    read(qtbot, view)
    column = view.model.COLUMNS.index("duplicates")
    rows = {view.model.uuid_at(r): r for r in range(view.model.rowCount())}
    qtbot.waitUntil(lambda: all(view.model.index(rows[u], column).data() == (counts[u] or "") for u in uuids)
                    and view.model.duplicate_count(uuids[0]) is not None)
    ctx.close()


def test_a_hidden_queue_reads_a_change_when_it_is_shown_again(qtbot, as_reviewer, monkeypatch):
    from gui import review_view

    ctx, view, (first, _, _) = as_reviewer
    view.hide()
    fetched: list[dict] = []
    read_queue = review_view.read_queue  # the queue's reads, counted
    monkeypatch.setattr(review_view, "read_queue",
                        lambda db, filters: fetched.append(filters) or read_queue(db, filters))
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        ctx.submit(review.transition, "omar", first, "approve", "")
    assert fetched == [] and not view.reading and first in {i.incident_uuid for i in view.model.items}
    view.show()
    assert view.reading  # read when shown, not behind another page
    read(qtbot, view)
    assert fetched and first not in {i.incident_uuid for i in view.model.items}


def test_the_queue_is_read_off_the_gui_thread_with_a_reading_state(qtbot, team_db, monkeypatch):
    """Building the page reads neither the queue, its count nor the documenters on the
    GUI thread: it says it is reading until they arrive."""
    import threading

    path, uuids = team_db
    gui_thread = threading.get_ident()
    on_gui: list[str] = []
    for name in ("review_queue", "queue_count", "queue_documenters"):
        real = getattr(review, name)
        monkeypatch.setattr(review, name, lambda *a, _n=name, _f=real, **k: (
            on_gui.append(_n) if threading.get_ident() == gui_thread else None) or _f(*a, **k))
    ctx = AppContext(path, "rana")
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    view.show()  # nothing fetched more on the GUI thread while the first page is read
    assert view.reading and view.model.items == [] and view.heading.text() == "Reading the queue…"
    read(qtbot, view)
    ctx.close()
    assert on_gui == []
    assert {i.incident_uuid for i in view.model.items} == set(uuids)
    assert view.count_label.text() == "3 waiting"
    combo = view.findChild(QComboBox, "created_by")
    assert {combo.itemData(i) for i in range(combo.count())} == {"", "amal", "rana"}
    assert view.heading.text() != "Reading the queue…"


def test_the_likely_duplicates_shown_for_an_incident_are_those_its_row_counts(qtbot, team_db):
    """The detail panel reads the stored pairs the queue's column counts: for every
    incident, as many victims show a likely duplicate as the column says, a decided pair
    is on neither, and each shows why it scores as it does."""
    from core import dedupe

    path, uuids = team_db
    db = open_database(path)
    again = incident(review_status="submitted", date="2016-01-05", locality="place 0", sources="another witness")
    # Two victims alike of one incident: only the better is stored as the other record of
    # an earlier victim (one victim of one incident is at most one of another).
    save_incident(db, again, [victim(again, given_name="احمد", family_name="الحسن"),
                              victim(again, given_name="أحمد", family_name="الحسن", age=33)], "rana")
    later = incident(review_status="submitted", date="2016-01-09", locality="place 1", sources="another witness")
    save_incident(db, later, [victim(later, given_name="أحمد", family_name="الحسن")], "rana")
    mine = load_incident(db, later.incident_uuid)[1][0].victim_uuid
    decided = next(p for p in db.execute("SELECT victim_uuid_a, victim_uuid_b FROM duplicate_candidates")
                   if mine in p)
    dedupe.decide(db, *decided, "different_people", "rana")
    db.close()
    ctx = AppContext(path, "rana")
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    read(qtbot, view)
    column = view.model.COLUMNS.index("duplicates")
    shown = view.victims_model.COLUMNS.index("duplicates")
    rows = {view.model.uuid_at(r): r for r in range(view.model.rowCount())}
    qtbot.waitUntil(lambda: all(view.model.duplicate_count(u) is not None for u in rows))
    assert any(view.model.duplicate_count(u) for u in rows)
    for uuid, row in rows.items():
        select(view, uuid)
        expected = view.model.duplicate_count(uuid)

        def flagged() -> list[int]:
            victims = view.victims_model
            return [r for r in range(victims.rowCount()) if victims.index(r, shown).data()]

        qtbot.waitUntil(lambda n=expected: len(flagged()) == n and (n or not view.victims_model.duplicate_flags))
        assert view.model.index(row, column).data() == (expected or "")
        for r in flagged():
            assert view.victims_model.index(r, shown).data(Qt.ItemDataRole.ToolTipRole).count(": ") >= 1
        flags = view.victims_model.duplicate_flags
        assert not [m for found in flags.values() for m in found if {m.victim_uuid, *flags} >= set(decided)]
    ctx.close()


def test_the_heading_isolates_each_place_part_and_the_count_separates_thousands(qtbot, db_path, monkeypatch):
    """An Arabic locality keeps its direction without taking the comma and the
    governorate along; the number waiting reads 1,382."""
    from core.i18n import isolate as isolated
    from core.vocab import label

    db = open_database(db_path)
    inc = incident(review_status="submitted", locality="البوكمال", governorate="SY09", sources="a witness")
    save_incident(db, inc, [victim(inc, given_name="أحمد")], "rana")
    db.close()
    monkeypatch.setattr(review, "queue_count", lambda db, **filters: 1382)
    ctx = AppContext(db_path, "rana")
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    read(qtbot, view)
    select(view, inc.incident_uuid)
    heading = view.heading.text()
    ctx.close()
    assert f"{isolated('البوكمال')}, {isolated(label('governorate', 'SY09'))}." in heading
    assert view.count_label.text() == "1,382 waiting"
