"""In Arabic, the main windows are right-to-left and every text a documenter reads is Arabic."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from core import i18n, vocab
from gui.context import AppContext
from gui.first_run import FirstRunWizard
from gui.i18n import TRANSLATIONS, apply_language, prepare_name_editor
from gui.main_window import PAGES, MainWindow
from gui.settings import Settings
from seeds.demo import load_demo
from tests.gui.untranslated import leftover, untranslated

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "tawthiq_ar.ts"


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    apply_language("ar", qapp)
    yield
    apply_language("en", qapp)


@pytest.fixture
def ctx(qapp, db_path) -> Iterator[AppContext]:
    context = AppContext(db_path, "amal")
    load_demo(context.reader, "amal")  # in English: what was stored then must show in Arabic now
    yield context
    context.close()


def proper_names(ctx: AppContext) -> tuple[str, ...]:
    """What is written in Latin on purpose: the user names of the records, the file's name,
    and the governorates' English names (place pickers show both spellings, for search)."""
    users = {row[0] for row in ctx.reader.execute(
        "SELECT created_by FROM incidents UNION SELECT user_name FROM users").fetchall() if row[0]}
    places = {gov["en"] for gov in vocab.governorates()}
    # Longest first, so that "Rif Dimashq" goes before a shorter name inside it.
    return tuple(sorted({ctx.user, ctx.db_path.name, *users, *places}, key=len, reverse=True))


def _every_page(window: MainWindow) -> Iterator[str]:
    for page in PAGES:
        window.show_page(page.key)
        QCoreApplication.processEvents()
        yield page.key


def test_the_main_window_is_right_to_left_and_wholly_arabic(qtbot, ctx, arabic):
    window = MainWindow(ctx, Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    allowed = proper_names(ctx)
    left = {}
    for key in _every_page(window):
        assert window.pages[key].isRightToLeft()
        left[key] = untranslated(window, allowed)
    assert left == {key: [] for key in left}


def test_the_first_run_is_right_to_left_and_wholly_arabic(qtbot, arabic, tmp_path):
    wizard = FirstRunWizard(Settings(), tmp_path / "new.db", language="ar")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.isRightToLeft()
    left = []
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        if page_id == wizard.READY:
            page.initializePage()
        left += untranslated(page)
    left += [t for t in untranslated(wizard) if "windowTitle" in t]
    assert left == []


def test_the_finder_of_leftovers_finds_english_and_spares_what_is_latin_on_purpose() -> None:
    assert leftover("Save the incident") == "Save the incident"
    assert leftover("احفظ الحادثة") == ""
    assert leftover(f"الضحية {i18n.isolate('Ahmad Khalil')}") == ""
    assert leftover("قاعدة البيانات: /home/amal/tawthiq.db") == ""
    assert leftover("ملف (*.csv)") == ""
    assert leftover("المحافظة SY07، الرمز CSV") == ""
    assert leftover("English") == ""
    assert leftover("الحوادث: 12 victims") == "victims"


def test_switching_language_rebuilds_the_main_window_in_arabic(qtbot, ctx, qapp):
    settings = Settings()
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_page("tallies")
    try:
        window.findChild(QAction, "language_ar").trigger()
        rebuilt = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(rebuilt) == 1 and rebuilt[0] is not window
        assert rebuilt[0].isRightToLeft()
        assert rebuilt[0].current_page() == "tallies"
        assert untranslated(rebuilt[0], proper_names(ctx)) == []
        assert Settings().language == "ar"
        assert i18n.language() == "ar"
        rebuilt[0].findChild(QAction, "language_en").trigger()
        again = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert again[0].layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert Settings().language == "en"
    finally:
        apply_language("en", qapp)
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()


def test_numbers_keep_latin_digits_in_arabic(arabic):
    assert QLocale().toString(1234567) == "1,234,567"
    assert QLocale().textDirection() == Qt.LayoutDirection.RightToLeft


def test_name_fields_ask_for_arabic_and_the_latin_name_for_latin(qtbot, arabic):
    parent = QWidget()
    qtbot.addWidget(parent)
    given, latin = QLineEdit(parent), QLineEdit(parent)
    given.setObjectName("given_name")
    latin.setObjectName("name_latin")
    parent.show()
    given.setFocus()
    qtbot.waitUntil(given.hasFocus)
    assert given.locale().language() == QLocale.Language.Arabic
    prepare_name_editor(latin)
    assert latin.locale().language() == QLocale.Language.English
    assert latin.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert latin.inputMethodHints() & Qt.InputMethodHint.ImhPreferLatin
    qtbot.keyClicks(given, "Ahmad")  # Latin is still accepted in an Arabic name field
    assert given.text() == "Ahmad"


def test_every_string_of_the_translation_is_translated():
    unfinished = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if message.get("numerus") == "yes":
                done = len(forms) == 6 and all(f.strip() for f in forms)  # Arabic has six plural forms
            else:
                done = bool((translation.text or "").strip())
            if not done or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                unfinished.append(f"{name}: {message.findtext('source')!r}")
    assert unfinished == [], f"untranslated ({HOW_TO_FIX}): {unfinished}"


def test_the_compiled_translation_is_newer_than_its_source():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 0
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(qm))
    # Every translated message of the source is in the compiled file.
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source")
            assert translator.translate(name, source) == message.findtext("translation"), \
                f"{name}: {source!r} is not compiled ({HOW_TO_FIX})"


HOW_TO_FIX = ("run `make translations`, translate the new strings in resources/translations/tawthiq_ar.ts "
              "(for instance with pyside6-linguist), then `make translations` again to compile them")


def _messages(ts: Path) -> set[tuple[str, str]]:
    return {(context.findtext("name"), message.findtext("source"))
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")}


def test_the_translation_holds_every_string_of_the_windows(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-locations", "none", "-silent"],
                   check=True, capture_output=True)
    missing = sorted(_messages(fresh) - _messages(TS))
    assert missing == [], f"strings not yet in the Arabic translation ({HOW_TO_FIX}): {missing}"


def test_a_widget_can_follow_a_language_change(qtbot, qapp):
    from gui.i18n import retranslate_on_change

    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    retranslate_on_change(widget, lambda: calls.append(i18n.language()))
    try:
        apply_language("ar", qapp)
        qtbot.waitUntil(lambda: calls == ["ar"])
    finally:
        apply_language("en", qapp)
    qtbot.waitUntil(lambda: calls == ["ar", "en"])


def test_the_dialogs_are_right_to_left_and_wholly_arabic(qtbot, ctx, arabic):
    from gui.exchange_dialogs import ExportDialog, ImportDialog
    from gui.form.unidentified_dialog import UnidentifiedDialog
    from gui.history_view import HistoryDialog
    from gui.lock import LockScreen
    from gui.login_dialog import LoginDialog

    uuid = ctx.reader.execute("SELECT incident_uuid FROM incidents ORDER BY date LIMIT 1").fetchone()[0]
    host = QWidget()
    qtbot.addWidget(host)
    dialogs = [ExportDialog(ctx), ImportDialog(ctx), UnidentifiedDialog(), HistoryDialog(ctx, uuid),
               LoginDialog(ctx.db_path), LockScreen("amal", host)]
    left = []
    for dialog in dialogs:
        qtbot.addWidget(dialog) if dialog.parent() is None else None
        dialog.show()
        assert dialog.isRightToLeft(), type(dialog).__name__
        left += untranslated(dialog, proper_names(ctx))
    assert left == []
