from __future__ import annotations

import csv

import pytest
from PySide6.QtGui import QGuiApplication

from core import report
from core.models import Incident, Victim
from core.storage.records import save_incident
from core.tallies import tally
from gui.context import AppContext
from gui.tallies_view import TalliesView
from gui.tally_models import TallyTableModel


def _incident(date, perpetrator, governorate, victims, status="approved"):
    incident = Incident(date=date, governorate=governorate, incident_type="airstrike",
                        perpetrator=perpetrator, review_status=status)
    people = [Victim(incident_uuid=incident.incident_uuid, civilian="civilian", **v) for v in victims]
    return incident, people


CHILD = {"sex": "male", "age": 8}
WOMAN = {"sex": "female", "age": 30}
MAN = {"sex": "male", "age": 40}


@pytest.fixture
def seeded(db):
    for incident, victims in (
        _incident("2016-01-05", "russia", "SY09", [CHILD, WOMAN, MAN, MAN]),
        _incident("2016-01-12", "regime", "SY02", [CHILD, MAN]),
        _incident("2016-01-20", "regime", "SY02", [WOMAN], status="submitted"),
        _incident("2015-12-20", "isis", "SY09", [MAN]),
    ):
        save_incident(db, incident, victims, "amal")


@pytest.fixture
def ctx(db_path, seeded):
    context = AppContext(db_path, "amal")
    yield context
    context.close()


@pytest.fixture
def view(qtbot, ctx):
    widget = TalliesView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    # Opens on the month with the most approved deaths.
    qtbot.waitUntil(lambda: widget.panel is not None and widget.date_from.iso() == "2016-01-01", timeout=5000)
    qtbot.waitUntil(lambda: widget.panel.by_perpetrator.date_from == "2016-01-01", timeout=5000)
    return widget


def _column(model, column=0):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_tables_show_the_tally_of_the_period(view, db):
    expected = tally(db, date_from="2016-01-01", date_to="2016-01-31")
    table = view.models["perpetrator"]
    assert table.rowCount() == len(expected.groups) + 1
    assert _column(table, 1)[-1] == str(expected.total.killed)
    assert view.sentence.text() == report.report_sentence(expected)
    assert "1" in view.pending_label.text()  # the submitted incident's victim
    assert view.period.currentData() == "2016-01"


def test_panel_changes_by_itself_after_a_save(qtbot, view, ctx):
    before = view.panel.by_perpetrator.total.killed
    incident, victims = _incident("2016-01-25", "russia", "SY09", [CHILD, CHILD, WOMAN])
    ctx.submit(save_incident, incident, victims, "amal")
    qtbot.waitUntil(lambda: view.panel.by_perpetrator.total.killed == before + 3, timeout=2000)
    assert _column(view.models["perpetrator"], 1)[-1] == str(before + 3)
    assert str(before + 3) in view.sentence.text()


def test_status_and_civilian_filters(qtbot, view):
    approved = view.panel.by_perpetrator.total.killed
    view.status.setCurrentIndex(view.status.findData("all"))
    qtbot.waitUntil(lambda: view.panel.by_perpetrator.status == "all", timeout=2000)
    assert view.panel.by_perpetrator.total.killed == approved + 1
    assert view.pending_label.text() == ""
    view.civilian.setCurrentIndex(view.civilian.findData("combatant"))
    qtbot.waitUntil(lambda: view.panel.by_perpetrator.civilian == "combatant", timeout=2000)
    assert view.panel.by_perpetrator.total.killed == 0


def test_period_choices(qtbot, view):
    view.period.setCurrentIndex(view.period.findData("all"))
    qtbot.waitUntil(lambda: view.panel.by_perpetrator.date_from is None, timeout=2000)
    assert view.date_from.iso() is None
    assert [g.key for g in view.panel.by_month.groups] == ["2015-12", "2016-01"]
    view.set_period("2015-12-01", "2015-12-31")
    qtbot.waitUntil(lambda: view.panel.by_perpetrator.date_from == "2015-12-01", timeout=2000)
    assert view.period.currentData() == "2015-12"
    assert [g.key for g in view.panel.by_perpetrator.groups] == ["isis"]


def test_csv_export(view, tmp_path):
    path = tmp_path / "tally.csv"
    view.export_csv(path, by="perpetrator")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    expected = view.panel.by_perpetrator
    assert rows[0] == report.table_header("perpetrator")
    assert rows[1:] == [[str(c) for c in row] for row in report.table_rows(expected)]
    assert rows[-1][1] == str(expected.total.killed)
    view.tables.setCurrentIndex(1)
    view.export_csv(path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == report.table_header("governorate")[0]


def test_chart_export_and_copy(view, tmp_path):
    path = tmp_path / "chart.png"
    assert view.export_png(path)
    assert path.read_bytes().startswith(b"\x89PNG")
    view.copy_sentence()
    assert QGuiApplication.clipboard().text() == view.sentence.text()
    assert view.perpetrator_chart.chart().series()[0].count() == 4  # children, women, men, unknown


def test_tally_model_passes_the_model_tester(qtmodeltester, db, seeded):
    model = TallyTableModel("governorate")
    qtmodeltester.check(model, force_py=True)  # empty, then watched through the reset
    model.set_tally(tally(db, by="governorate", status="all"))
    assert model.rowCount() == 3  # Deir ez-Zor, Aleppo, total
