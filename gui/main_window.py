"""The main window: navigation between the pages, the status line, the saved layout.

The pages are listed in :data:`PAGES`, one line each: to put a finished screen in place of
a placeholder, change its line. A page is built by `factory(ctx)`; a page may offer
`menu_actions` (put in the File menu) and `prepare_to_close() -> bool` (asked before the
window closes; False keeps it open).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from core.changes import Changes
from core.storage.counts import RecordCounts, record_counts
from gui.background import Latest
from gui.context import AppContext
from gui.exchange_dialogs import exchange_actions
from gui.i18n import isolate, language_menu
from gui.placeholder import Placeholder
from gui.settings import Settings


def optional_page(module: str, cls: str, title: Callable[[], str]) -> Callable[[AppContext], QWidget]:
    """The widget `module.cls(ctx)` when that module exists yet, else a placeholder."""

    def build(ctx: AppContext) -> QWidget:
        try:
            found = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            return Placeholder(title())
        return getattr(found, cls)(ctx)

    return build


def _incidents(ctx: AppContext) -> QWidget:
    from gui.incidents_page import IncidentsPage

    return IncidentsPage(ctx, browser=optional_page(
        "gui.records_browser", "RecordsBrowser",
        lambda: QCoreApplication.translate("MainWindow", "The list of incidents and victims"))(ctx))


@dataclass(frozen=True)
class Page:
    key: str
    title: Callable[[], str]
    factory: Callable[[AppContext], QWidget]


PAGES: tuple[Page, ...] = (
    Page("incidents", lambda: QCoreApplication.translate("MainWindow", "Incidents"), _incidents),
    Page("review", lambda: QCoreApplication.translate("MainWindow", "Review"),
         optional_page("gui.review_view", "ReviewView",
                       lambda: QCoreApplication.translate("MainWindow", "The review queue"))),
    Page("duplicates", lambda: QCoreApplication.translate("MainWindow", "Duplicates"),
         optional_page("gui.duplicates_view", "DuplicatesView",
                       lambda: QCoreApplication.translate("MainWindow", "Likely duplicates"))),
    Page("tallies", lambda: QCoreApplication.translate("MainWindow", "Tallies"),
         optional_page("gui.tallies_view", "TalliesView",
                       lambda: QCoreApplication.translate("MainWindow", "The tallies"))),
    Page("conflicts", lambda: QCoreApplication.translate("MainWindow", "Conflicts"),
         optional_page("gui.conflicts_view", "ConflictsView",
                       lambda: QCoreApplication.translate("MainWindow", "Import conflicts"))),
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: Settings | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.ctx = ctx
        self.settings = settings or Settings()
        self.setWindowTitle(self.tr("Tawthiq — %1").replace("%1", isolate(ctx.db_path.name)))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.pages: dict[str, QWidget] = {}
        for number, page in enumerate(PAGES, start=1):
            widget = page.factory(ctx)
            widget.setProperty("page_key", page.key)
            self.pages[page.key] = widget
            self.stack.addWidget(widget)
            self.navigation.addItem(page.title())
            self._add_page_action(page, number)
            counted = getattr(widget, "count_changed", None)
            if counted is not None:  # a page that shows how many wait in it (its navigation_title)
                counted.connect(lambda _n, row=number - 1, p=page, w=widget: self.navigation.item(row).setText(
                    w.navigation_title(p.title())))
                self.navigation.item(number - 1).setText(widget.navigation_title(page.title()))
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 8px 10px; }")
        self.navigation.setFixedWidth(max(150, self.navigation.sizeHintForColumn(0) + 40))
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        ctx.changed.connect(self._on_changed)
        self.restore_layout()
        from gui.lock import install_idle_lock

        self.idle_lock = install_idle_lock(self, ctx, self.settings.lock_minutes)
        self.findChild(QAction, "lock_now").setEnabled(self.idle_lock is not None)

    # pages

    def _add_page_action(self, page: Page, number: int) -> None:
        action = QAction(page.title(), self)
        action.setObjectName(f"show_{page.key}")
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_page(page.key))
        self.addAction(action)

    def show_page(self, key: str) -> QWidget:
        keys = [p.key for p in PAGES]
        self.navigation.setCurrentRow(keys.index(key))
        return self.pages[key]

    def current_page(self) -> str:
        return PAGES[max(self.stack.currentIndex(), 0)].key

    # menus and status

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("file_menu")
        for widget in self.pages.values():
            for action in getattr(widget, "menu_actions", []):
                file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addActions(exchange_actions(self, self.ctx))
        file_menu.addSeparator()
        lock_action = QAction(self.tr("&Lock"), self)
        lock_action.setObjectName("lock_now")
        lock_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        lock_action.triggered.connect(lambda: self.idle_lock.lock() if self.idle_lock is not None else None)
        file_menu.addAction(lock_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.setObjectName("view_menu")
        for page in PAGES:
            action = self.findChild(QAction, f"show_{page.key}")
            if action is not None:
                view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addMenu(language_menu(self, self.settings))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("status_bar")
        self.database_label = QLabel(self.tr("Database: %1").replace("%1", isolate(self.ctx.db_path)))
        self.database_label.setObjectName("status_database")
        self.database_label.setToolTip(str(self.ctx.db_path))
        self.counts_label = QLabel()
        self._latest_counts = Latest()
        self.counts_label.setObjectName("status_counts")
        self.user_label = QLabel(self.tr("User: %1").replace("%1", isolate(self.ctx.user)))
        self.user_label.setObjectName("status_user")
        bar.addPermanentWidget(self.database_label, 1)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.user_label)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Count the records again on a reader thread (counting half a million victims
        takes longer than the window may wait) and show them when counted."""
        (on_done,) = self._latest_counts.start(self._show_counts)
        self.ctx.reader_of("status").read(record_counts, on_done=on_done)

    def _show_counts(self, counts: RecordCounts) -> None:
        self.counts_label.setText(
            self.tr("%1 incidents, %2 victims")
            .replace("%1", self.locale().toString(counts.incidents))
            .replace("%2", self.locale().toString(counts.victims))
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.records:
            self.refresh_counts()

    # layout

    def restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        state = self.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)
        keys = [p.key for p in PAGES]
        page = self.settings.current_page
        self.navigation.setCurrentRow(keys.index(page) if page in keys else 0)

    def save_layout(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.current_page = self.current_page()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for widget in self.pages.values():
            prepare = getattr(widget, "prepare_to_close", None)
            if prepare is not None and not prepare():
                event.ignore()
                return
        self.save_layout()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        event.accept()
