"""The first run: language, where the records live, the administrator, what to start with.

Shown by `gui.app` when there is no database yet. Every page says in a sentence or two why
it asks what it asks, so that a new documenter needs no manual. Choosing the language on
the first page switches the whole window at once (and mirrors it for Arabic).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from core import i18n, paths
from core.storage import StorageError, is_encrypted, open_database, session
from gui.i18n import LANGUAGE_NAMES, apply_language, system_language

MIN_PASSWORD_LENGTH = 8  # as core.accounts asks; checked again there


class LanguageSetting(Protocol):
    language: Any


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _intro(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class LanguagePage(QWizardPage):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _intro()
        self.prompt = QLabel()
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.prompt)
        self.buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGE_NAMES.items():
            button = QRadioButton(name)  # each language named in itself, never translated
            button.setObjectName(f"language_{code}")
            button.setAccessibleName(name)
            button.setChecked(code == language)
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, code=code: on and apply_language(code))
        layout.addStretch()
        self.retranslate()

    @property
    def language(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Tawthiq"))
        self.setSubTitle(self.tr("A few questions set Tawthiq up on this computer."))
        self.intro.setText(self.tr(
            "Tawthiq keeps the records of civilian casualties: incidents and their victims, "
            "checked for likely duplicates, reviewed, counted and exchanged with your office. "
            "Everything stays on this computer until you export it."))
        self.prompt.setText(self.tr("Language of the interface (you can change it later in the settings):"))


class DatabasePage(QWizardPage):
    def __init__(self, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _intro()
        self.path_label = QLabel()
        self.path = QLineEdit(str(default))
        self.path.setObjectName("database_path")
        self.path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a file path reads left to right
        self.choose = QPushButton()
        self.choose.setObjectName("choose_database")
        self.choose.clicked.connect(self._choose)
        self.note = _intro()
        self.error = _error_label()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch()
        self.path.textChanged.connect(self._update_note)
        self.existing_has_accounts = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where to keep the records"))
        self.setSubTitle(self.tr("All records are kept in one file on this computer."))
        self.intro.setText(self.tr(
            "The usual place is your own data folder, which other users of this computer cannot "
            "read. Choose another place only if your organisation asks you to (for instance an "
            "encrypted drive). Keep copies of this file: it holds all your work."))
        self.path_label.setText(self.tr("Database file:"))
        self.path.setAccessibleName(self.tr("Database file"))
        self.choose.setText(self.tr("Choose…"))
        self._update_note()

    @property
    def database(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where to keep the records"), str(self.database),
            self.tr("Tawthiq database (*.db)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.path.setText(name)

    def _update_note(self) -> None:
        _show_error(self.error, "")
        exists = self.path.text().strip() and self.database.is_file()
        self.note.setText(self.tr("This file already exists: Tawthiq will open it and keep what it holds.")
                          if exists else "")

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        text = self.path.text().strip()
        if not text:
            _show_error(self.error, self.tr("Give the file in which to keep the records."))
            return False
        path = self.database
        if path.is_dir():
            _show_error(self.error, self.tr("%1 is a folder; give a file name inside it.").replace("%1", i18n.isolate(path)))
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _show_error(self.error, self.tr("The folder %1 cannot be made: %2.")
                        .replace("%1", i18n.isolate(path.parent)).replace("%2", exc.strerror or str(exc)))
            return False
        try:
            self.existing_has_accounts = path.is_file() and _has_accounts(path)
        except StorageError as exc:
            _show_error(self.error, str(exc))
            return False
        return True


def _has_accounts(path: Path) -> bool:
    """Whether an existing database has accounts (an encrypted one always has)."""
    from core.accounts import has_accounts

    if is_encrypted(path):
        return True
    db = open_database(path, create=False)
    try:
        return has_accounts(db)
    finally:
        db.close()


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _intro()
        self.user_name = QLineEdit()
        self.user_name.setObjectName("user_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("password_repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        self.form = QFormLayout()
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, editor in zip(self.labels, (self.user_name, self.password, self.repeat), strict=True):
            label.setBuddy(editor)
            self.form.addRow(label, editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch()
        for editor in (self.user_name, self.password, self.repeat):
            editor.textChanged.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The administrator account"))
        self.setSubTitle(self.tr("The first account manages the others."))
        self.intro.setText(self.tr(
            "The administrator creates the accounts of the documenters and reviewers who use this "
            "database, and may do everything they do. Every change is recorded under the name of "
            "the account that made it. Choose a password you will remember: it cannot be recovered."))
        self.labels[0].setText(self.tr("User name:"))
        self.labels[1].setText(self.tr("Password:"))
        self.labels[2].setText(self.tr("Password again:"))
        self.user_name.setPlaceholderText(self.tr("one word, for instance amal"))
        self.password.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSWORD_LENGTH))
        for label, editor in zip(self.labels, (self.user_name, self.password, self.repeat), strict=True):
            editor.setAccessibleName(label.text().rstrip(":："))

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.user_name.text().strip() and self.password.text() and self.repeat.text())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if any(c.isspace() for c in self.user_name.text().strip()):
            _show_error(self.error, self.tr("A user name is one word, without spaces."))
            return False
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            _show_error(self.error, self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH))
            return False
        if self.password.text() != self.repeat.text():
            _show_error(self.error, self.tr("The two passwords differ; type the same password twice."))
            return False
        _show_error(self.error, "")
        return True


class StartPage(QWizardPage):
    """What the new database starts with: the places of a gazetteer, examples, both or nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _intro()
        self.gazetteer = QCheckBox()
        self.gazetteer.setObjectName("start_gazetteer")
        self.gazetteer_path = QLineEdit()
        self.gazetteer_path.setObjectName("gazetteer_path")
        self.gazetteer_path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.choose = QPushButton()
        self.choose.setObjectName("choose_gazetteer")
        self.demo = QCheckBox()
        self.demo.setObjectName("start_demo")
        self.demo_note = _intro()
        self.later = _intro()
        self.error = _error_label()
        row = QHBoxLayout()
        row.addSpacing(24)  # under the option's text, on the side where it starts
        row.addWidget(self.gazetteer_path, 1)
        row.addWidget(self.choose)
        note = QHBoxLayout()
        note.addSpacing(24)
        note.addWidget(self.demo_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.gazetteer)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addLayout(note)
        layout.addSpacing(12)
        layout.addWidget(self.later)
        layout.addWidget(self.error)
        layout.addStretch()
        self.choose.clicked.connect(self._choose)
        self.gazetteer_path.textChanged.connect(lambda text: text and self.gazetteer.setChecked(True))
        self.demo.setEnabled(demo_available())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("What to start with"))
        self.setSubTitle(self.tr("Places and examples can also be loaded later."))
        self.intro.setText(self.tr(
            "Incidents are placed by governorate, district and sub-district. A gazetteer file "
            "lists these places with their codes; your office can give you one."))
        self.gazetteer.setText(self.tr("Load the places of a gazetteer file"))
        self.gazetteer_path.setPlaceholderText(self.tr("gazetteer file (CSV)"))
        self.gazetteer_path.setAccessibleName(self.tr("Gazetteer file"))
        self.choose.setText(self.tr("Choose…"))
        self.demo.setText(self.tr("Load the demonstration data, to learn and try Tawthiq"))
        self.demo_note.setText(self.tr(
            "Invented incidents and victims, with reviews and likely duplicates to look at. Do not "
            "enter real records in a database with demonstration data: make another one for that."))
        self.later.setText(self.tr("With neither, Tawthiq starts empty; both can be loaded later."))

    @property
    def gazetteer_file(self) -> Path | None:
        text = self.gazetteer_path.text().strip()
        return Path(text).expanduser() if self.gazetteer.isChecked() and text else None

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Gazetteer file"), self.gazetteer_path.text(),
                                              self.tr("Gazetteer (*.csv)"))
        if name:
            self.gazetteer_path.setText(name)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if self.gazetteer.isChecked():
            path = self.gazetteer_file
            if path is None or not path.is_file():
                _show_error(self.error, self.tr("Choose the gazetteer file, or untick its box."))
                return False
        _show_error(self.error, "")
        return True


def demo_available() -> bool:
    from importlib.util import find_spec

    try:
        return find_spec("seeds.demo") is not None
    except ModuleNotFoundError:
        return False


class ReadyPage(QWizardPage):
    """A summary of the choices; Create runs the set-up off the window's thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = _intro()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.status = _intro()
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch()
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        self.running = False
        self.finished = False
        self.opener: Any = None  # opens the new database (with its key), once set up
        self._ctx: Any = None
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check your choices, then press Create."))
        if self.wizard() is not None:
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard: FirstRunWizard = self.wizard()  # type: ignore[assignment]
        wizard.setButtonText(QWizard.WizardButton.FinishButton,
                             self.tr("Open") if wizard.opens_existing else self.tr("Create"))
        rows = [(self.tr("Language"), LANGUAGE_NAMES[wizard.language]),
                (self.tr("Database file"), str(wizard.database_path))]
        if wizard.opens_existing:
            rows.append((self.tr("Database"), self.tr("existing; it will be opened as it is")))
        else:
            rows.append((self.tr("Administrator"), wizard.admin_name))
            start = wizard.start_page
            loads = []
            if start.gazetteer_file:
                loads.append(self.tr("the places of %1").replace("%1", i18n.isolate(start.gazetteer_file.name)))
            if start.demo.isChecked():
                loads.append(self.tr("the demonstration data"))
            rows.append((self.tr("Start with"), self.tr(", ").join(loads) or self.tr("an empty database")))
        cells = "".join(f"<tr><td><b>{_escape(k)}</b></td><td>&#x2068;{_escape(v)}&#x2069;</td></tr>"
                        for k, v in rows)
        self.summary.setText(f"<table cellspacing='6'>{cells}</table>")

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.running

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if self.finished:
            return True
        wizard: FirstRunWizard = self.wizard()  # type: ignore[assignment]
        if wizard.opens_existing:
            self.finished = True
            return True
        if not self.running:
            self._start(wizard)
        return False

    def _start(self, wizard: FirstRunWizard) -> None:
        from core.setup import set_up
        from gui.context import AppContext

        self.running = True
        self.completeChanged.emit()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            wizard.button(which).setEnabled(False)
        _show_error(self.error, "")
        self.progress.setRange(0, 0)
        self.progress.show()
        try:
            # A new database is encrypted with a key that the administrator's password unlocks.
            db = open_database(wizard.database_path, user=wizard.admin_name,
                               password=wizard.admin_page.password.text())
            self.opener = session(db).opener()
            db.close()
            # Held here: a context reachable only from its own callbacks would be collected
            # (on whichever thread the garbage collector runs) while its thread still runs.
            ctx = self._ctx = AppContext(wizard.database_path, wizard.admin_name, opener=self.opener)
        except (StorageError, OSError) as exc:  # a file that is not a database, a folder without rights
            self._failed(exc, None)
            return
        ctx.submit(
            set_up, admin=wizard.admin_name, password=wizard.admin_page.password.text(),
            gazetteer=wizard.start_page.gazetteer_file, demo=wizard.start_page.demo.isChecked(),
            with_job=True, on_progress=self._progressed,
            on_done=lambda _changes: self._done(ctx), on_error=lambda exc: self._failed(exc, ctx),
        )

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(message)

    def _done(self, ctx: Any) -> None:
        ctx.close()
        self._ctx = None
        self.running = False
        self.finished = True
        self.wizard().accept()

    def _failed(self, exc: BaseException, ctx: Any) -> None:
        if ctx is not None:
            ctx.close()
        self._ctx = None
        self.running = False
        self.progress.hide()
        self.status.setText("")
        _show_error(self.error, self.tr("Tawthiq could not be set up: %1 Go back to change your choices.")
                    .replace("%1", str(exc)))
        wizard = self.wizard()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            wizard.button(which).setEnabled(True)
        self.completeChanged.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FirstRunWizard(QWizard):
    """Asks what Tawthiq needs before its first start; on acceptance the database exists,
    with its administrator, and `database_path`, `admin_name`, `language` say what was chosen."""

    LANGUAGE, DATABASE, ADMIN, START, READY = range(5)

    def __init__(self, settings: LanguageSetting | None = None, database: Path | None = None,
                 language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.settings = settings
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # The first run follows the system's language unless told otherwise (`--lang`).
        language = language if language in i18n.LANGUAGES else system_language()
        apply_language(language)
        self.language_page = LanguagePage(language)
        self.database_page = DatabasePage(database or paths.default_database())
        self.admin_page = AdminPage()
        self.start_page = StartPage()
        self.ready_page = ReadyPage()
        for number, page in enumerate((self.language_page, self.database_page, self.admin_page,
                                       self.start_page, self.ready_page)):
            self.setPage(number, page)
        self.setStartId(self.LANGUAGE)
        self.resize(640, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Setting up Tawthiq"))
        # Arrows would point the wrong way once mirrored; the Arabic texts have none.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for number in self.pageIds():
            self.page(number).retranslate()  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        current = self.currentId()
        if current == self.DATABASE and self.opens_existing:
            return self.READY
        return super().nextId()

    @property
    def language(self) -> str:
        return self.language_page.language

    @property
    def database_path(self) -> Path:
        return self.database_page.database

    @property
    def opens_existing(self) -> bool:
        return self.database_page.existing_has_accounts

    @property
    def opener(self) -> Any:
        """Opens the new database with its key (None when an existing one is to be opened)."""
        return self.ready_page.opener

    @property
    def admin_name(self) -> str:
        return "" if self.opens_existing else self.admin_page.user_name.text().strip()

    def reject(self) -> None:
        if self.ready_page.running:  # the set-up finishes (or fails) first; it is short
            return
        super().reject()

    def accept(self) -> None:
        if not self.validateCurrentPage():  # the set-up runs first, then accepts again
            return
        if self.settings is not None:
            self.settings.language = self.language
            if hasattr(type(self.settings), "database_path"):
                self.settings.database_path = str(self.database_path)
        super().accept()

