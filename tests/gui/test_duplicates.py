"""The Duplicates screen and the match panel, driven as a reviewer and a documenter use them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import dedupe, tallies
from core.storage import open_database
from core.storage.records import save_incident
from gui.context import AppContext
from gui.duplicates_models import ComparisonModel, PairsModel
from gui.duplicates_view import DuplicatesView
from gui.match_panel import MatchesModel, MatchPanel
from tests.core.factories import incident, victim


@pytest.fixture
def filled(db_path):
    db = open_database(db_path)
    first = incident(locality="دوما", governorate="SY03", review_status="approved")
    save_incident(db, first, [victim(first, given_name="محمد", father_name="أحمد", family_name="الحلبي"),
                              victim(first, given_name="محمود", father_name="أحمد", family_name="الحلبي", age=25)],
                  "team1")
    second = incident(locality="Douma", governorate="SY03", date="2016-01-06", review_status="approved")
    save_incident(db, second, [victim(second, given_name="Mohammed", father_name="Ahmad",
                                      family_name="al-Halabi", age=31)], "team2")
    db.close()
    return db_path


@pytest.fixture
def ctx(qapp, filled):
    context = AppContext(filled, "reviewer")
    yield context
    context.close()


@pytest.fixture
def view(qtbot, ctx):
    widget = DuplicatesView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.pairs.rowCount() == 1)
    return widget


def killed(ctx) -> int:
    return tallies.tally(ctx.reader).total.killed


def test_the_pair_is_shown_side_by_side_with_variants_marked(view) -> None:
    pair = view.current_pair()
    assert pair is not None and {pair.a["given_name"], pair.b["given_name"]} == {"محمد", "Mohammed"}
    states = {row.field: row.state for row in view.comparison.rows}
    assert states["given_name"] == "variant" and states["age"] == "different"
    assert "Same father's name." in view.reasons.text()
    assert view.same_button.isEnabled() and not view.undo_button.isEnabled()


def test_same_person_counts_once_and_undo_counts_twice_again(qtbot, ctx, view) -> None:
    before = killed(ctx)
    qtbot.mouseClick(view.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pairs.rowCount() == 0 and view.last_decision is not None)
    assert killed(ctx) == before - 1
    assert view.undo_button.isEnabled()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pairs.rowCount() == 1)
    assert killed(ctx) == before


def test_different_people_leave_the_list_and_show_among_decided(qtbot, view) -> None:
    qtbot.mouseClick(view.different_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pairs.rowCount() == 0)
    view.show_decided.setChecked(True)
    qtbot.waitUntil(lambda: view.pairs.rowCount() == 1)
    assert view.pairs.data(view.pairs.index(0, 4)) == "Different people"
    assert view.undo_button.isEnabled() and not view.same_button.isEnabled()


def test_scan_runs_with_progress_and_keeps_its_results(qtbot, ctx, view) -> None:
    assert dedupe.last_scanned(ctx.reader) is None
    view.scan()
    qtbot.waitUntil(lambda: dedupe.last_scanned(ctx.reader) is not None and view.scan_button.isEnabled(),
                    timeout=10000)
    qtbot.waitUntil(lambda: "Last scan" in view.summary.text())
    assert view.pairs.rowCount() == 1


def test_models_pass_the_model_tester(qtmodeltester, view) -> None:
    qtmodeltester.check(view.pairs)
    qtmodeltester.check(view.comparison)
    empty = PairsModel()
    qtmodeltester.check(empty)
    qtmodeltester.check(ComparisonModel())


def test_match_panel_offers_the_stored_record_typed_in_another_spelling(qtbot, ctx) -> None:
    panel = MatchPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.matches_shown, timeout=5000) as shown:
        panel.show_matches_for({"given_name": "Mhd", "father_name": "Ahmed", "family_name": "Halabi", "sex": "male"},
                               {"date": "2016-01-05", "governorate": "SY03"})
    assert shown.args == [2]
    text = panel.model.data(panel.model.index(0, 0))
    assert "2016-01-0" in text and "Same father's name." in text
    with qtbot.waitSignal(panel.match_picked) as picked:
        panel.view.setCurrentIndex(panel.model.index(0, 0))
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert picked.args[0]["victim_uuid"] == panel.model.matches[0]["victim_uuid"]


def test_match_panel_keeps_only_the_answer_to_the_latest_typing(qtbot, ctx) -> None:
    panel = MatchPanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.matches_shown, timeout=5000) as shown:
        panel.show_matches_for({"given_name": "Mhd", "family_name": "Halabi"}, {"date": "2016-01-05"})
        panel.show_matches_for({"given_name": "Khaled", "family_name": "Halabi"}, {"date": "2016-01-05"})
    assert shown.args == [0] and panel.model.rowCount() == 0


def test_matches_model_passes_the_model_tester(qtmodeltester) -> None:
    model = MatchesModel()
    model.set_matches([{"victim_uuid": "x", "incident_uuid": "y", "incident_date": "2016-01-05",
                        "governorate": "SY03", "locality": "Douma", "name": "Mohammad", "names": {},
                        "score": 0.9, "reasons": ["Same date."]}])
    qtmodeltester.check(model)


def test_after_a_scan_saved_records_and_undone_decisions_join_the_list(qtbot, ctx, view) -> None:
    view.scan()
    qtbot.waitUntil(lambda: dedupe.last_scanned(ctx.reader) is not None and view.scan_button.isEnabled(),
                    timeout=10000)
    third = incident(locality="Douma", governorate="SY03", date="2016-01-05")
    ctx.submit(save_incident, third, [victim(third, given_name="مُحمد", father_name="احمد", family_name="حلبي")],
               "team3")
    qtbot.waitUntil(lambda: view.pairs.rowCount() >= 2, timeout=10000)
    count = view.pairs.rowCount()
    qtbot.mouseClick(view.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pairs.rowCount() == count - 1 and view.last_decision is not None, timeout=5000)
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pairs.rowCount() == count, timeout=5000)


def test_a_large_database_never_scanned_waits_for_a_scan(filled) -> None:
    """Never scanned, a large database lists only the pairs stored around saved and
    imported records; a small one is scanned when asked."""
    db = open_database(filled)
    assert len(dedupe.candidate_pairs(db, compute_up_to=1)) == 1  # stored when the records were saved
    db.execute("DELETE FROM duplicate_candidates")
    assert dedupe.candidate_pairs(db, compute_up_to=1) == []
    assert len(dedupe.candidate_pairs(db)) == 1
    db.close()


def _fake_pair(key: int):
    from core.dedupe import PairRow

    side = {"victim_uuid": f"v{key}", "given_name": f"name {key}", "incident_date": "2016-01-05"}
    return PairRow(side, {**side, "victim_uuid": f"w{key}"}, 0.9, ["Same date."], None, key=key)


def test_pages_of_pairs_are_read_when_shown_and_stale_pages_dropped(qtbot, qtmodeltester) -> None:
    """A row whose page has not been read shows empty and asks for it once; the page
    fills in when it arrives; a page asked for before the list was read again is dropped."""
    from array import array

    from gui.duplicates_models import PAIRS_PAGE

    asked: list[tuple[list[int], object]] = []
    model = PairsModel(request_rows=lambda keys, done, _failed: asked.append((keys, done)))
    keys = array("q", range(1, 2 * PAIRS_PAGE + 11))
    model.set_keys(keys, {0: [_fake_pair(k) for k in keys[:PAIRS_PAGE]]})
    assert model.data(model.index(3, 1)) and not asked  # the first page came with the keys
    last = model.index(len(keys) - 1, 1)
    assert model.data(last) is None and model.data(last) is None
    assert [k for k, _ in asked] == [list(keys[2 * PAIRS_PAGE:])]  # asked once
    with qtbot.waitSignal(model.dataChanged), qtbot.waitSignal(model.page_arrived) as arrived:
        asked[0][1]([_fake_pair(k) for k in asked[0][0]])
    assert arrived.args == [2] and f"name {keys[-1]}" in model.data(last)
    model.data(model.index(PAIRS_PAGE, 1))
    stale = asked[-1]
    model.set_keys(array("q", keys[:PAIRS_PAGE + 5]))
    stale[1]([_fake_pair(k) for k in stale[0]])  # read for the list before
    assert model.data(model.index(PAIRS_PAGE, 1)) is None and asked[-1] is not stale
    qtmodeltester.check(model)


def test_the_list_reads_nothing_on_the_gui_thread(qtbot, ctx, monkeypatch) -> None:
    import threading

    gui_thread = threading.get_ident()
    calls: list[tuple[str, bool]] = []
    for name in ("pair_keys", "pair_rows"):
        real = getattr(dedupe, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            calls.append((_name, threading.get_ident() == gui_thread))
            return _real(*args, **kwargs)

        monkeypatch.setattr(dedupe, name, spy)
    view = DuplicatesView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.pairs.rowCount() == 1 and view.current_pair() is not None)
    qtbot.waitUntil(lambda: {"pair_keys", "pair_rows"} <= {n for n, _ in calls})
    view.grab()
    assert not [n for n, on_gui in calls if on_gui]


def test_showing_the_list_reads_only_the_pages_on_screen(qtbot, ctx, monkeypatch) -> None:
    """The columns are sized from the first rows, not from every pair listed: laying out
    hundreds of names (and asking for their pages) held the window up when the page was
    first shown."""
    from array import array

    from gui.duplicates_models import PAIRS_PAGE

    asked: list[list[int]] = []
    monkeypatch.setattr(DuplicatesView, "_request_rows", lambda self, keys, done, failed: asked.append(keys))
    view = DuplicatesView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitUntil(lambda: view.pairs.rowCount() == 1)
    keys = array("q", range(1, 6 * PAIRS_PAGE))
    view.pairs.set_keys(keys, {0: [_fake_pair(k) for k in keys[:PAIRS_PAGE]]})
    view.pair_list.resizeColumnsToContents()
    view.grab()
    assert asked == []
    view.pair_list.scrollToBottom()
    view.grab()
    assert asked and all(k >= 5 * PAIRS_PAGE for k in asked[-1])  # the last page, when shown
