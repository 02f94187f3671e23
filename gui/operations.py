"""One function per user action that changes data: it calls one core function on the
writer thread and reports success or failure back in the window."""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlite_utils import Database

from core.changes import Changes
from core.gazetteer import import_gazetteer
from core.storage.counts import live_incident_uuids
from gui.context import AppContext
from gui.long_job import run_long_job


def demo_available() -> bool:
    """Whether the demonstration data set is installed, found without importing it (its
    module takes a tenth of a second to import, on the window's way to opening)."""
    try:
        return importlib.util.find_spec("seeds.demo") is not None
    except ModuleNotFoundError:  # no `seeds` package at all
        return False


def demo_loader() -> Callable[..., Any] | None:
    """`seeds.demo.load_demo`, or None while the demonstration data set is not installed."""
    try:
        module = importlib.import_module("seeds.demo")
    except ModuleNotFoundError as exc:
        if exc.name in ("seeds.demo", "seeds"):
            return None
        raise
    return getattr(module, "load_demo", None)


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    QMessageBox.warning(parent, title, str(error))


@dataclass
class DemoLoaded:
    summary: Any
    changes: Changes


def _load_demo(db: Database, user: str) -> DemoLoaded:
    loader = demo_loader()
    assert loader is not None
    before = live_incident_uuids(db)
    summary = loader(db, user)
    added = live_incident_uuids(db) - before
    # `.changes` reaches ctx.changed, so that every view shows the new records
    return DemoLoaded(summary, Changes(incidents=added, tallies=True, duplicates=True, review=True))


def load_demo(ctx: AppContext, parent: QWidget | None, on_done: Callable[[Any], None] | None = None) -> None:
    if demo_loader() is None:
        return
    title = QCoreApplication.translate("Operations", "Loading demonstration data")
    run_long_job(ctx, parent, title, _load_demo, ctx.user, cancellable=False, on_done=on_done,
                 on_error=lambda e: show_error(parent, title, e))


@dataclass
class GazetteerImported:
    places: int
    changes: Changes


def _import_gazetteer(db: Database, path: str, user: str) -> GazetteerImported:
    places, changes = import_gazetteer(db, path, user)
    return GazetteerImported(places, changes)  # `.changes` reaches ctx.changed


def import_gazetteer_file(
    ctx: AppContext, parent: QWidget | None, path: str | Path, on_done: Callable[[Any], None] | None = None
) -> None:
    title = QCoreApplication.translate("Operations", "Importing the gazetteer")
    run_long_job(ctx, parent, title, _import_gazetteer, str(path), ctx.user, cancellable=False,
                 on_done=on_done, on_error=lambda e: show_error(parent, title, e))
