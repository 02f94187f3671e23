"""The interface language: translators, right-to-left layout, number format, name input.

- :func:`apply_language` installs Tawthiq's translation (`resources/translations/
  tawthiq_ar.qm`) and Qt's own (`qtbase_ar.qm`: the buttons of standard dialogs), sets
  the language of core's messages, the layout direction, and the default locale. English
  needs a translation too, for its plurals only: the sources say "%n pair(s)", and
  `tawthiq_en.qm` gives "1 pair" and "3 pairs" (the other strings are their own English).
  Applied to a running application, Qt sends every widget a LanguageChange event (windows
  that implement `retranslate()` follow at once, see :func:`retranslate_on_change`) and a
  LayoutDirectionChange (layouts mirror at once).
- Numbers and dates: Latin digits in both languages (as the published Arabic reports
  write figures; and as dates are typed and exchanged). Among Qt's Arabic locales,
  ar-AE writes Latin digits with 1,234.5 separators and Arabic month and day names, so
  the Arabic interface formats with it; ar-SY would write Arabic-Indic digits.
- Names: in the Arabic interface a name editor that gains focus gets the Arabic (Syria)
  locale as an input hint; `name_latin` always asks for Latin and stays left-to-right.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox, QWidget

from core import i18n
from core.models import NAME_FIELDS
from core.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # each in its own language, never translated
FORMAT_LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
                  "ar": QLocale(QLocale.Language.Arabic, QLocale.Country.UnitedArabEmirates)}
ARABIC_INPUT = QLocale(QLocale.Language.Arabic, QLocale.Country.Syria)
LATIN_INPUT = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

_installed: list[QTranslator] = []


def system_language() -> str:
    """Arabic if the system's locale is Arabic, else English: the first run's suggestion."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def app_translation(language: str) -> Path:
    return TRANSLATIONS / f"tawthiq_{language}.qm"


def qt_translations() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def apply_language(language: str, app: QApplication | None = None) -> None:
    """Switch the whole interface to `language` ("en" or "ar")."""
    if language not in i18n.LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    app = app or QApplication.instance()
    i18n.set_language(language)
    QLocale.setDefault(FORMAT_LOCALES[language])
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    paths = [app_translation(language)]
    if language != "en":
        paths.append(qt_translations() / f"qtbase_{language}.qm")
    for path in paths:
        translator = QTranslator(app)
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    if app is not None:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
        _name_input_hints.attach(app)


def current_language() -> str:
    return i18n.language()


def isolate(text: object) -> str:
    """`text` (a name, a code) wrapped so that it keeps its direction inside a sentence."""
    return i18n.isolate(text)


class _LanguageChangeFilter(QObject):
    def __init__(self, widget: QWidget, retranslate: Callable[[], None]) -> None:
        super().__init__(widget)
        self._retranslate = retranslate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def retranslate_on_change(widget: QWidget, retranslate: Callable[[], None]) -> None:
    """Call `retranslate()` whenever the application's language changes."""
    widget.installEventFilter(_LanguageChangeFilter(widget, retranslate))


def prepare_name_editor(editor: QLineEdit, language: str | None = None) -> None:
    """Give a name editor the input hints of the interface language.

    Arabic name fields ask for Arabic in the Arabic interface (the widget's locale is the
    hint input methods read); `name_latin` asks for Latin everywhere. Nothing is refused:
    Latin typed into an Arabic field is kept as typed.
    """
    language = language or i18n.language()
    if editor.objectName() == "name_latin":
        editor.setLocale(LATIN_INPUT)
        editor.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin)
        editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    elif editor.objectName() in NAME_FIELDS:
        editor.setLocale(ARABIC_INPUT if language == "ar" else LATIN_INPUT)
        editor.setInputMethodHints(Qt.InputMethodHint.ImhNone)


class _NameInputHints(QObject):
    """Applies :func:`prepare_name_editor` to any name editor as it gains focus."""

    def __init__(self) -> None:
        super().__init__()
        self._app: QApplication | None = None

    def attach(self, app: QApplication) -> None:
        if self._app is app:
            return
        self._app = app
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit):
            prepare_name_editor(new)


_name_input_hints = _NameInputHints()


_reopened: list[QWidget] = []  # windows rebuilt in a new language, kept alive here


def switch_language(window: QWidget, settings: Any, language: str) -> bool:
    """Switch a running application to `language` and remember the choice.

    Windows with a `retranslate()` method follow at once. The main window (anything built
    from `(ctx, settings)`) is rebuilt in the new language, keeping its place and page;
    when it cannot close (a form with unsaved changes refuses), the new language applies
    at the next start and the user is told so. Returns whether everything follows now.
    """
    if language == i18n.language():
        return True
    settings.language = language
    settings.sync()
    apply_language(language)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    if callable(getattr(window, "retranslate", None)):
        return True
    app = QApplication.instance()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        if not window.close():
            QMessageBox.information(window, QCoreApplication.translate("Language", "Language"), QCoreApplication.translate(
                "Language", "The new language applies when Tawthiq is next started."))
            return False
        rebuilt = type(window)(window.ctx, window.settings)  # type: ignore[attr-defined]
        rebuilt.show()
        _reopened[:] = [w for w in _reopened if w.isVisible()] + [rebuilt]
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    return True


def language_menu(window: QWidget, settings: Any) -> QMenu:
    """A menu with one checkable entry per language, each written in its own language."""
    menu = QMenu(QCoreApplication.translate("Language", "&Language"), window)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == i18n.language())
        action.triggered.connect(lambda _checked=False, code=code: switch_language(window, settings, code))
        group.addAction(action)
        menu.addAction(action)
    return menu
