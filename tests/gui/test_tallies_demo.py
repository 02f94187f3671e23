"""The tallies panel on the demonstration data opens on January 2016 with the published
figures (seeds/published_figures.json)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import i18n, report, vocab
from gui.context import AppContext
from gui.tallies_view import TalliesView
from seeds.demo import load_demo, published_figures

JANUARY = published_figures()["january_2016"]


@pytest.fixture
def demo_view(qtbot, db, db_path):
    load_demo(db, "tester")
    ctx = AppContext(db_path, "tester")
    view = TalliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.panel is not None and view.panel.by_perpetrator.date_from == JANUARY["from"],
                    timeout=10000)
    yield view
    ctx.close()


def _table(model):
    return {model.index(r, 0).data(): [model.index(r, c).data(Qt.ItemDataRole.EditRole) for c in range(1, 6)]
            for r in range(model.rowCount())}


def test_january_2016_figures_are_shown(demo_view):
    assert demo_view.period.currentData() == JANUARY["from"][:7]
    assert demo_view.date_to.iso() == JANUARY["to"]
    rows = _table(demo_view.models["perpetrator"])
    assert rows["Total"][0] == JANUARY["killed"]
    for published in JANUARY["by_perpetrator"]:
        shown = rows[vocab.label("perpetrator", published["key"])]
        assert shown[0] == published["killed"]
        for i, category in enumerate(("children", "women"), start=1):
            if category in published:
                assert shown[i] == published[category]
    assert f"{JANUARY['killed']:,} civilians killed" in demo_view.sentence.text()


def test_arabic_sentence_on_the_demo(demo_view):
    i18n.set_language("ar")
    try:
        demo_view.retranslate()
        text = demo_view.sentence.text()
    finally:
        i18n.set_language("en")
    assert text == report.report_sentence(demo_view.panel.by_perpetrator, "ar")
    assert text.startswith(f"مقتل {JANUARY['killed']:,} مدنياً")  # thousands separated as in English
