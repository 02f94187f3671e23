"""Switching the interface language: what a documenter waits for.

    python -m bench.bench_i18n [--repeat 5]

On the demonstration data, offscreen: installing the translators (Tawthiq's and Qt's),
the main window rebuilt in the other language by the View → Language menu, and building
the first-run window. Prints the median and worst of `--repeat` runs, in milliseconds.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _time(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="tawthiq-bench-i18n-"))
    os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from gui.context import AppContext
    from gui.first_run import FirstRunWizard
    from gui.i18n import apply_language
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from seeds.demo import load_demo

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = AppContext(home / "demo.db", "amal")
    load_demo(ctx.reader, "amal")
    window = MainWindow(ctx, Settings())
    window.show()
    QCoreApplication.processEvents()
    state = {"window": window, "language": "en"}

    def translators() -> None:
        apply_language("ar", app)
        apply_language("en", app)

    def switch() -> None:
        state["language"] = "ar" if state["language"] == "en" else "en"
        state["window"].findChild(QAction, f"language_{state['language']}").trigger()
        QCoreApplication.processEvents()
        state["window"] = next(w for w in QApplication.topLevelWidgets()
                               if isinstance(w, MainWindow) and w.isVisible())

    def wizard() -> None:
        w = FirstRunWizard(None, home / "new.db", language="ar")
        w.show()
        QCoreApplication.processEvents()
        w.close()
        w.deleteLater()

    rows = [("install both translators and back", *_time(translators, args.repeat)),
            ("switch the main window's language", *_time(switch, args.repeat)),
            ("open the first-run window (Arabic)", *_time(wizard, args.repeat))]
    incidents = ctx.reader.execute("SELECT count(*) FROM incidents").fetchone()[0]
    print(f"Language switching, demonstration data ({incidents} incidents), {args.repeat} runs")
    print(f"{'step':40} {'median ms':>10} {'worst ms':>10}")
    for name, median, worst in rows:
        print(f"{name:40} {median:10.1f} {worst:10.1f}")
    state["window"].close()
    ctx.close()
    apply_language("en", app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
