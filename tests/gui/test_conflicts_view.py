"""The Conflicts screen, driven as a reviewer would: a package imported after a local
edit, the import report pointing to the screen, both versions side by side, "Keep ours"
and "Take theirs" written to the database and the history."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from core import audit
from core.accounts import create_user
from core.exchange import count_conflicts, list_conflicts
from core.storage import open_database
from core.storage.records import load_incident
from gui.conflicts_models import ConflictsModel, VersionsModel
from gui.conflicts_view import ConflictsView
from gui.context import AppContext
from gui.exchange_dialogs import ImportDialog
from gui.main_window import MainWindow
from tests.core.exchange.conflict_helpers import both_sides_correct, first_import, make_conflicts


@pytest.fixture
def ctx(qapp, db_path):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


def _loaded(qtbot, view: ConflictsView, count: int) -> None:
    qtbot.waitUntil(lambda: view.loaded and view.count == count and view.model.rowCount() == count, timeout=5000)


def _select(qtbot, view: ConflictsView, record_type: str) -> None:
    row = next(r for r, e in enumerate(view.model.entries) if e.conflict.record_type == record_type)
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_entry().conflict.record_type == record_type


def test_models_pass_the_model_tester(qtmodeltester, ctx, tmp_path: Path) -> None:
    make_conflicts(ctx.reader, tmp_path, importer="amal", editor="amal")
    from core.exchange import conflict_entries

    entries = conflict_entries(ctx.reader)
    conflicts = ConflictsModel()
    conflicts.set_entries(entries)
    qtmodeltester.check(conflicts)
    versions = VersionsModel()
    versions.set_entry(entries[0])
    qtmodeltester.check(versions)
    versions.set_only_differences(True)
    qtmodeltester.check(versions)
    versions.set_entry(None)
    qtmodeltester.check(versions)


def test_import_report_leads_to_the_screen_and_both_ways_are_settled(qtbot, ctx, tmp_path: Path) -> None:
    team, rec = first_import(ctx.reader, tmp_path, importer="amal")
    incident_uuid, victim_uuid, package = both_sides_correct(ctx.reader, team, rec, tmp_path, editor="amal")
    team.close()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    view: ConflictsView = window.pages["conflicts"]
    navigation = window.findChild(QListWidget, "navigation")
    row = list(window.pages).index("conflicts")
    _loaded(qtbot, view, 0)
    assert navigation.item(row).text() == "Conflicts"
    assert not view.keep_ours.isEnabled() and "No conflicts" in view.summary.text()

    # The import, from the File menu's dialog.
    dialog = ImportDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(package))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15000)
    assert "Conflicts page" in dialog.summary.text()
    assert dialog.show_conflicts_button.isVisible()
    _loaded(qtbot, view, 2)
    assert navigation.item(row).text() == "Conflicts (2)"
    assert view.summary.text().startswith("2 conflicts wait for a reviewer")
    qtbot.mouseClick(dialog.show_conflicts_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "conflicts" and not dialog.isVisible()

    # The victim: both versions side by side, the differing fields marked.
    _select(qtbot, view, "victim")
    versions = view.versions
    differing = [versions.fields[r] for r in range(versions.rowCount())
                 if versions.index(r, 0).data(VersionsModel.DifferentRole)]
    assert {"given_name", "age", "version"} <= set(differing)
    assert "locality" not in differing
    age = versions.fields.index("age")
    assert (versions.index(age, 0).data(), versions.index(age, 1).data()) == ("31", "33")
    assert versions.index(age, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert versions.index(versions.fields.index("sex"), 0).data(Qt.ItemDataRole.BackgroundRole) is None
    view.only_differences.setChecked(True)
    assert set(versions.fields) == set(differing)
    assert "Team North" in view.heading.text() and "north-2.zip" in view.heading.text()
    assert view.take_theirs.isEnabled()
    with qtbot.waitSignal(view.resolved):
        qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
    _loaded(qtbot, view, 1)
    assert navigation.item(row).text() == "Conflicts (1)"
    victim = next(v for v in load_incident(ctx.reader, rec["one"].incident_uuid)[1] if v.victim_uuid == victim_uuid)
    assert (victim.given_name, victim.age) == ("محمد", 33)

    # The incident: ours stays.
    assert view.current_entry().conflict.record_type == "incident"
    with qtbot.waitSignal(view.resolved):
        qtbot.mouseClick(view.keep_ours, Qt.MouseButton.LeftButton)
    _loaded(qtbot, view, 0)
    assert navigation.item(row).text() == "Conflicts"
    assert view.message.text() == "Kept our version."
    incident, _ = load_incident(ctx.reader, incident_uuid)
    assert (incident.locality, incident.reported_killed) == ("Douma", 4)
    assert count_conflicts(ctx.reader) == 0
    settled = {c.record_type: (c.resolution, c.resolved_by) for c in list_conflicts(ctx.reader, include_resolved=True)}
    assert settled == {"victim": ("incoming", "amal"), "incident": ("local", "amal")}
    history = list(ctx.reader.query(
        "SELECT user_name, at, record_uuid FROM audit_log WHERE action = 'resolve_conflict' ORDER BY seq"))
    assert [(h["user_name"], h["record_uuid"]) for h in history] == [("amal", victim_uuid), ("amal", incident_uuid)]
    assert all(h["at"] for h in history)
    assert audit.verify(ctx.reader).ok


@pytest.mark.parametrize("user, may", [("omar", False), ("rima", True), ("admin1", True)])
def test_only_reviewers_may_settle(qtbot, qapp, db_path, tmp_path: Path, user: str, may: bool) -> None:
    db = open_database(db_path)
    make_conflicts(db, tmp_path, importer="local", editor="local")
    create_user(db, "local", "admin1", "admin-password", "admin")
    create_user(db, "admin1", "rima", "rima-password", "reviewer")
    create_user(db, "admin1", "omar", "omar-password", "documenter")
    db.close()
    context = AppContext(db_path, user)
    try:
        view = ConflictsView(context)
        qtbot.addWidget(view)
        view.show()
        _loaded(qtbot, view, 2)
        assert view.keep_ours.isEnabled() is may and view.take_theirs.isEnabled() is may
        assert ("Only a reviewer" in view.message.text()) is not may
        if not may:
            # Even when asked directly, core refuses, and nothing changes.
            view.resolve("incoming")
            qtbot.waitUntil(lambda: "reviewer" in view.message.text() and not context.busy, timeout=5000)
            assert count_conflicts(context.reader) == 2
    finally:
        context.close()


def test_version_headers_name_the_versions_only_when_a_conflict_is_shown(ctx, tmp_path: Path) -> None:
    from core.exchange import conflict_entries

    make_conflicts(ctx.reader, tmp_path, importer="amal", editor="amal")
    versions = VersionsModel()
    heads = lambda: [versions.headerData(s, Qt.Orientation.Horizontal) for s in (0, 1)]  # noqa: E731
    assert heads() == ["Ours (here)", "Theirs (incoming)"]
    entry = conflict_entries(ctx.reader)[0]
    versions.set_entry(entry)
    assert heads() == [f"Ours (here), version {entry.conflict.local_version}",
                       f"Theirs (incoming), version {entry.conflict.incoming_version}"]


def test_a_long_list_is_sized_from_its_first_rows(qtbot, ctx, monkeypatch) -> None:
    """Thousands of conflicts after a large merge: the columns are sized from the first
    rows and those on screen, not by laying out every row."""
    from core.exchange import ConflictEntry
    from core.exchange.conflicts import Conflict
    from gui.conflicts_models import ConflictsModel

    entries = [ConflictEntry(Conflict(f"c{n}", "victim", f"v{n}", 2, 3, {}, {}, "origin", "2026-11-01T00:00:00Z",
                                      "2026-11-02T00:00:00Z", None, None, None, "Team North", "north.zip"),
                             "2016-01-05", "SY03", "دوما", f"محمد {n}") for n in range(600)]
    asked: set[int] = set()
    real_data = ConflictsModel.data

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return real_data(self, index, role)

    monkeypatch.setattr(ConflictsModel, "data", data)
    view = ConflictsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.model.set_entries(entries)
    view.table.resizeColumnsToContents()
    view.grab()
    assert view.model.rowCount() == 600 and max(asked) < 100
