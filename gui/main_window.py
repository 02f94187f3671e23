"""The main window: navigation between the pages, the status line, the saved layout.

The pages are listed in :data:`PAGES`, one line each: to put a finished screen in place of
a placeholder, change its line. A page is built by `factory(ctx)`; a page may offer
`menu_actions` (put in the File menu) and `prepare_to_close() -> bool` (asked before the
window closes; False keeps it open).

The first page and the page shown at start are built with the window; the others just
after it is shown, one per turn of the event loop (built all at once they held the window
up for a second at 500,000 victims), or at once when asked for (`window.pages[key]`).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
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


BUILD_LATER_MS = 50  # after the window's first paint


class _Pages(Mapping[str, QWidget]):
    """Every page by key, in the navigation's order; asking for one not built yet builds it
    (`built()`: those built so far, without building any)."""

    def __init__(self, build: Callable[[str], QWidget]):
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            if key not in {p.key for p in PAGES}:
                raise KeyError(key)
            self._built[key] = self._build(key)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter([p.key for p in PAGES])

    def __len__(self) -> int:
        return len(PAGES)

    def built(self) -> dict[str, QWidget]:
        return {p.key: self._built[p.key] for p in PAGES if p.key in self._built}


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
        self.pages = _Pages(self._build_page)
        self._file_menu_pages_end: QAction | None = None  # page actions go before it
        for number, page in enumerate(PAGES, start=1):
            self.stack.addWidget(QWidget())  # stands in for the page until it is built
            self.navigation.addItem(page.title())
            self._add_page_action(page, number)
        keys = [p.key for p in PAGES]
        first = self.settings.current_page if self.settings.current_page in keys else keys[0]
        for key in dict.fromkeys((keys[0], first)):
            self.pages[key]
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 8px 10px; }")
        self.navigation.setFixedWidth(max(150, self.navigation.sizeHintForColumn(0) + 40))
        self.navigation.currentRowChanged.connect(self._row_chosen)
        self._build_timer = QTimer(self, singleShot=True, interval=BUILD_LATER_MS)
        self._build_timer.timeout.connect(self._build_next)
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

    def _build_page(self, key: str) -> QWidget:
        row = [p.key for p in PAGES].index(key)
        page = PAGES[row]
        widget = page.factory(self.ctx)
        widget.setProperty("page_key", page.key)
        stand_in = self.stack.widget(row)
        was_current = self.stack.currentIndex() == row
        self.stack.insertWidget(row, widget)
        self.stack.removeWidget(stand_in)
        stand_in.setParent(None)  # owned by Python from here: gone with its last reference
        if was_current:
            self.stack.setCurrentIndex(row)
        counted = getattr(widget, "count_changed", None)
        if counted is not None:  # a page that shows how many wait in it (its navigation_title)
            counted.connect(lambda _n, r=row, p=page, w=widget: self.navigation.item(r).setText(
                w.navigation_title(p.title())))
            self.navigation.item(row).setText(widget.navigation_title(page.title()))
        actions = getattr(widget, "menu_actions", [])
        if actions and self._file_menu_pages_end is not None:
            self._file_menu.insertActions(self._file_menu_pages_end, actions)
        return widget

    def _build_next(self) -> None:
        """Build one page not built yet, and come back for the next."""
        if not self.isVisible() or self.ctx.closing:
            return
        waiting = [p.key for p in PAGES if p.key not in self.pages.built()]
        if waiting:
            self.pages[waiting[0]]
        if len(waiting) > 1:
            self._build_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._build_timer.start()

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.pages[PAGES[row].key]  # built now if it was not yet
            self.stack.setCurrentIndex(row)

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
        for widget in self.pages.built().values():
            for action in getattr(widget, "menu_actions", []):
                file_menu.addAction(action)
        self._file_menu = file_menu
        self._file_menu_pages_end = file_menu.addSeparator()
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
        self._build_timer.stop()  # a page asked below may turn the event loop
        for widget in self.pages.built().values():
            prepare = getattr(widget, "prepare_to_close", None)
            if prepare is not None and not prepare():
                event.ignore()
                self._build_timer.start()  # still open: the other pages follow
                return
        self.save_layout()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        event.accept()
