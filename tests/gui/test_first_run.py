"""The first-run window creates the database and its administrator, in either language."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from core import i18n
from gui.first_run import FirstRunWizard
from gui.i18n import apply_language
from gui.settings import Settings

PASSWORD = "correct horse"


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    apply_language("en", qapp)


@pytest.fixture
def wizard(qtbot, tmp_path: Path, fast_kdf: None) -> FirstRunWizard:
    wizard = FirstRunWizard(Settings(), tmp_path / "records" / "tawthiq.db", language="en")
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _fill_admin(qtbot, wizard: FirstRunWizard, name: str = "amal", repeat: str = PASSWORD) -> None:
    page = wizard.admin_page
    qtbot.keyClicks(page.user_name, name)
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.repeat, repeat)


def test_the_wizard_creates_the_database_its_administrator_and_places(qtbot, wizard, gazetteer_csv):
    authenticate = pytest.importorskip("core.accounts").authenticate
    from core.gazetteer import Gazetteer
    from core.storage import open_database

    wizard.language_page.buttons["ar"].click()
    _next(qtbot, wizard)
    assert wizard.currentId() == wizard.DATABASE
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == wizard.START
    wizard.start_page.gazetteer_path.setText(str(gazetteer_csv))
    assert wizard.start_page.gazetteer.isChecked()
    wizard.start_page.demo.setChecked(True)
    _next(qtbot, wizard)
    assert wizard.currentId() == wizard.READY
    with qtbot.waitSignal(wizard.accepted, timeout=20000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    path = wizard.database_path
    assert path.exists()
    db = open_database(path, user="amal", password=PASSWORD)
    try:
        assert authenticate(db, "amal", PASSWORD).role == "admin"
        assert Gazetteer.from_database(db).loaded
        assert db["incidents"].count > 0
    finally:
        db.close()
    settings = Settings()
    assert settings.language == "ar"
    assert Path(settings.database_path) == path
    assert wizard.opener is not None


def test_choosing_arabic_mirrors_and_translates_the_wizard_at_once(qtbot, wizard):
    assert wizard.layoutDirection() == Qt.LayoutDirection.LeftToRight
    english_title = wizard.language_page.title()
    wizard.language_page.buttons["ar"].click()
    qtbot.waitUntil(lambda: wizard.language_page.title() != english_title)
    assert wizard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.language() == "ar"
    assert wizard.language_page.title() == "مرحباً بك في توثيق"
    wizard.language_page.buttons["en"].click()
    qtbot.waitUntil(lambda: wizard.language_page.title() == english_title)
    assert wizard.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_passwords_that_differ_keep_the_documenter_on_the_page(qtbot, wizard):
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard, repeat="something else")
    _next(qtbot, wizard)
    assert wizard.currentId() == wizard.ADMIN
    assert "differ" in wizard.admin_page.error.text()
    assert not wizard.database_path.exists()


def test_a_refused_user_name_is_explained_and_nothing_is_half_made(qtbot, wizard):
    pytest.importorskip("core.accounts")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard, name="local")  # the built-in user's name is refused by core
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.ready_page.running, timeout=20000)
    assert wizard.isVisible()
    assert "local" in wizard.ready_page.error.text()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()


def test_a_gazetteer_must_be_given_when_chosen(qtbot, wizard, tmp_path):
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard)
    _next(qtbot, wizard)
    wizard.start_page.gazetteer.setChecked(True)
    wizard.start_page.gazetteer_path.setText(str(tmp_path / "missing.csv"))
    _next(qtbot, wizard)
    assert wizard.currentId() == wizard.START
    assert wizard.start_page.error.isVisible()


def test_an_existing_database_with_accounts_is_opened_without_questions(qtbot, tmp_path, fast_kdf):
    create_user = pytest.importorskip("core.accounts").create_user
    from core.storage import open_database

    path = tmp_path / "office.db"
    db = open_database(path)
    create_user(db, "amal", "amal", PASSWORD, "admin")
    db.close()
    wizard = FirstRunWizard(Settings(), path, language="en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == wizard.READY
    assert wizard.opens_existing
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.admin_name == ""


def test_the_application_shows_the_first_run_when_there_is_no_database(qtbot, tmp_path, monkeypatch):
    from gui import app

    shown = []

    def refuse(wizard: FirstRunWizard) -> int:  # the documenter closes the window
        shown.append(wizard)
        return 0

    monkeypatch.setattr(FirstRunWizard, "exec", refuse)
    assert app.main(["--db", str(tmp_path / "none.db"), "--lang", "ar"]) == 0
    assert len(shown) == 1 and shown[0].language == "ar"
    assert not (tmp_path / "none.db").exists()
    shown[0].deleteLater()
