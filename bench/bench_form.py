"""The incident form at national scale: how long an incident takes to open in the form,
a keystroke to be validated, unidentified victims to be added, the draft to be written and
a save to come back.

    python -m bench.bench_form [--victims 500000] [--db PATH] [--keep]

Prints a table to compare with the targets: nothing on the GUI thread over 100 ms; a save
back in the form within a second. (Window opening and the browser: bench/bench_gui.py.)
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build(path: Path, victims: int) -> float:
    from bench.generate import generate

    started = time.perf_counter()
    generate(path, victims)
    return time.perf_counter() - started


def wait_until(app, condition, timeout: float = 60.0) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the window did not get there in time")
        time.sleep(0.001)
    return time.perf_counter() - started


def measure(path: Path) -> tuple[list[tuple[str, str]], object]:
    from PySide6.QtWidgets import QApplication

    from core.storage.counts import record_counts
    from gui.context import AppContext
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, str]] = []
    home = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = home  # no saved layout from elsewhere
    started = time.perf_counter()
    ctx = AppContext(path, "bench")
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - started
    page = window.pages["incidents"]
    wait_until(app, lambda: page.browser.incidents.rowCount() > 0)
    first_page = time.perf_counter() - started
    counts = record_counts(ctx.reader)
    rows.append(("records", f"{counts.incidents:,} incidents, {counts.victims:,} victims"))
    rows.append(("window shown, form built (s)", f"{shown:.3f}"))
    rows.append(("window with the first page of incidents (s)", f"{first_page:.3f}"))

    form = page.form
    uuids = [r[0] for r in ctx.reader.execute(
        "SELECT incident_uuid FROM incidents WHERE deleted = 0 ORDER BY random() LIMIT 20")]
    opened = []
    for uuid in uuids:
        form.document.dirty = False
        t = time.perf_counter()
        page.open_incident(uuid)
        app.processEvents()
        opened.append(time.perf_counter() - t)
    rows.append(("open an incident in the form, median / max (ms)",
                 f"{statistics.median(opened) * 1000:.1f} / {max(opened) * 1000:.1f}"))

    form.document.dirty = False
    page.new_incident()
    form.add_unidentified_counts({"men": 120, "women": 50, "children": 30})
    for name, value in (("date", "2016-01-05"), ("governorate", "SY07"), ("incident_type", "airstrike"),
                        ("perpetrator", "russia")):
        form.document.set_field(name, value)
    keystrokes, checks = [], []
    text = ""
    for char in "Maarat al-Numan market":
        text += char
        t = time.perf_counter()
        form.document.set_field("locality", text)
        app.processEvents()
        keystrokes.append(time.perf_counter() - t)
        t = time.perf_counter()
        form.validate()  # in the form: once typing pauses for 250 ms
        app.processEvents()
        checks.append(time.perf_counter() - t)
    rows.append(("keystroke (undo step, widgets), median / max (ms)",
                 f"{statistics.median(keystrokes) * 1000:.1f} / {max(keystrokes) * 1000:.1f}"))
    rows.append(("validation of the incident and 200 victims, median / max (ms)",
                 f"{statistics.median(checks) * 1000:.1f} / {max(checks) * 1000:.1f}"))
    t = time.perf_counter()
    form.add_unidentified_counts({"boys": 100})
    app.processEvents()
    rows.append(("add 100 unidentified victims (ms)", f"{(time.perf_counter() - t) * 1000:.1f}"))
    t = time.perf_counter()
    form.drafts.write()
    ctx.wait_idle()
    rows.append(("write the draft of 300 victims (ms, writer thread)", f"{(time.perf_counter() - t) * 1000:.1f}"))
    saved = []
    form.saved.connect(lambda _uuid: saved.append(time.perf_counter()))
    t = time.perf_counter()
    form.save()
    gui_block = time.perf_counter() - t
    wait_until(app, lambda: bool(saved))
    rows.append(("save pressed: GUI thread busy (ms)", f"{gui_block * 1000:.1f}"))
    rows.append(("save of 300 victims until the form shows version 1 (s)", f"{saved[0] - t:.3f}"))
    window.close()
    return rows, ctx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=500_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse (or keep) this database")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp()) / "bench-form.db"
    rows: list[tuple[str, str]] = []
    if not path.exists():
        rows.append(("build the database (s)", f"{build(path, args.victims):.1f}"))
    measured, ctx = measure(path)
    rows += measured
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)}  value")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    sys.stdout.flush()
    ctx.close()  # type: ignore[attr-defined]  # waits for the other pages' background reads
    if not args.keep and args.db is None:
        path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
