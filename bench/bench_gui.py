"""The main window at national scale: how long each thing a user does takes, and the
longest the window is held up meanwhile.

    python -m bench.bench_gui [--victims 500000] [--db PATH] [--keep PATH] [--why]

Builds a database of `--victims` victims (or uses `--db`, e.g. one made by bench.generate;
it saves three incidents into it: use a copy), opens the real main window offscreen and
drives it as a user would, one operation after the other: opening the window, showing
every page, paging and dragging through the victims list, sorting, typing an Arabic name
in the search, typing an incident and a victim in the form (the likely-duplicates lookup
as the name is typed), saving it, the tallies panel following the save, changing the
tallies' filters. For each it prints the time until its result shows, the longest the
GUI thread was held up (a 5 ms timer's longest gap: see bench/stall_meter.py) and the CPU
time of the process (all threads). Targets: no block over 100 ms; the window open in
under a second; the tallies updated within 300 ms of a save's announcement. `--why` adds,
for each operation over its target, where the GUI thread was while it was held up.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.stall_meter import StallMeter  # noqa: E402
from core import vocab  # noqa: E402
from core.models import Incident, Victim  # noqa: E402
from core.storage import open_database  # noqa: E402
from core.storage.records import bulk_insert, save_incident  # noqa: E402

BLOCK_TARGET_MS = 100
OPEN_TARGET_MS = 1000
TALLY_TARGET_MS = 300

GIVEN_M = ["محمد", "أحمد", "علي", "عمر", "خالد", "حسن", "حسين", "إبراهيم", "يوسف", "عبد الله", "مصطفى", "محمود"]
GIVEN_F = ["فاطمة", "عائشة", "مريم", "خديجة", "زينب", "آمنة", "نور", "سارة", "هبة", "رزان", "أسماء", "هدى"]
FAMILY = ["الحلبي", "الأحمد", "العلي", "الخطيب", "الشامي", "المصري", "حمزة", "السيد", "النجار", "الحسن",
          "درويش", "قاسم", "الإدلبي", "الحمصي", "العمر", "الصالح", "الديري", "الحموي"]
PERPETRATOR_WEIGHTS = {"regime": 50, "russia": 20, "isis": 8, "armed_opposition": 5, "unidentified": 6,
                       "nusra": 3, "kurdish": 3, "coalition": 4, "other": 1}


def records(victims: int, seed: int = 11) -> Iterator[tuple[Incident, list[Victim]]]:
    """Incidents of 1 to 20 victims from 2012 to 2023; 85 % approved."""
    rng = random.Random(seed)
    start, span = date(2012, 1, 1), (date(2023, 12, 31) - date(2012, 1, 1)).days
    perpetrators, weights = list(PERPETRATOR_WEIGHTS), list(PERPETRATOR_WEIGHTS.values())
    types = vocab.codes("incident_type")
    made = 0
    while made < victims:
        incident = Incident(
            date=start + timedelta(days=rng.randrange(span)), governorate=rng.choice(vocab.GOVERNORATE_CODES),
            incident_type=rng.choice(types), perpetrator=rng.choices(perpetrators, weights)[0],
            review_status=rng.choices(["approved", "submitted", "draft", "returned"], [85, 8, 5, 2])[0],
            locality="",
        )
        n = min(victims - made, rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 8, 12, 20]))
        people = []
        for _ in range(n):
            sex = rng.choice(["male", "male", "female", "unknown"])
            named = rng.random() < 0.85
            given = rng.choice(GIVEN_F if sex == "female" else GIVEN_M) if named else ""
            people.append(Victim(
                incident_uuid=incident.incident_uuid, given_name=given,
                father_name=rng.choice(GIVEN_M) if named else "", family_name=rng.choice(FAMILY) if named else "",
                sex=sex, age=rng.choice([None, rng.randrange(0, 90)]),
                civilian=rng.choices(["civilian", "combatant", "unknown"], [85, 10, 5])[0],
            ))
        made += n
        yield incident, people


def build(path: Path, victims: int) -> float:
    start = time.perf_counter()
    db = open_database(path)
    bulk_insert(db, records(victims), "bench")
    db.close()
    return time.perf_counter() - start


class Keyboard:
    """Types into whatever has the keyboard focus, a key at a time, letting the window
    handle each key before the next (a fast typist: one key every 40 ms)."""

    def __init__(self, app: object, interval: float = 0.04):
        self.app = app
        self.interval = interval

    def _focus(self):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is None:
            raise RuntimeError("nothing has the keyboard focus")
        return widget

    def _pause(self) -> None:
        until = time.perf_counter() + self.interval
        while time.perf_counter() < until:
            self.app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.002)

    def type(self, text: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self._focus(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
            self._pause()

    def press(self, key: object, modifier: object = None, times: int = 1) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for _ in range(times):
            QTest.keyClick(self._focus(), key, modifier or Qt.KeyboardModifier.NoModifier)
            self._pause()

    def tab(self, times: int = 1) -> None:
        from PySide6.QtCore import Qt

        self.press(Qt.Key.Key_Tab, times=times)


@dataclass
class Row:
    operation: str
    done_ms: float | None  # None: did not finish in time
    block_ms: float
    cpu_ms: float
    target_ms: float | None = None
    where: list[tuple[str, int]] = field(default_factory=list)

    @property
    def over(self) -> bool:
        late = self.done_ms is None or (self.target_ms is not None and self.done_ms > self.target_ms)
        return late or self.block_ms > BLOCK_TARGET_MS


class Driver:
    """Runs operations one after the other, each until its result shows, and records
    how long that took and the longest the event loop was held up meanwhile."""

    def __init__(self, app: object, why: bool = False, timeout: float = 120.0):
        self.app = app
        self.meter = StallMeter(why=why)
        self.rows: list[Row] = []
        self.timeout = timeout

    def settle(self, seconds: float = 0.3) -> None:
        """Let the window go idle between operations (timers, late answers)."""
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            self.app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.002)

    def wait(self, condition: Callable[[], bool], timeout: float | None = None) -> bool:
        deadline = time.perf_counter() + (timeout or self.timeout)
        while not condition():
            if time.perf_counter() > deadline:
                return False
            self.app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.001)
        return True

    def step(self, name: str, action: Callable[[], object], done: Callable[[], bool] = lambda: True,
             target_ms: float | None = None, timeout: float | None = None, settle: float = 0.3) -> Row:
        self.settle(settle)
        self.meter.reset()
        cpu, start = time.process_time(), time.perf_counter()
        action()
        finished = self.wait(done, timeout)
        elapsed = time.perf_counter() - start
        cpu_used = time.process_time() - cpu
        self.app.processEvents()  # type: ignore[attr-defined]
        row = Row(name, elapsed * 1000 if finished else None, self.meter.longest * 1000, cpu_used * 1000, target_ms,
                  self.meter.where())
        self.rows.append(row)
        shown = "not done in time" if row.done_ms is None else f"{row.done_ms:.0f} ms"
        print(f"{name}: {shown}, block {row.block_ms:.0f} ms", file=sys.stderr, flush=True)
        return row

    def worst_of(self, name: str, rows: list[Row], target_ms: float | None = None) -> None:
        """Replace the rows of a repeated operation by one: its worst time and block."""
        for row in rows:
            self.rows.remove(row)
        done = None if any(r.done_ms is None for r in rows) else max(r.done_ms for r in rows)  # type: ignore[type-var]
        worst = max(rows, key=lambda r: r.block_ms)
        self.rows.append(Row(f"{name} (worst of {len(rows)})", done, worst.block_ms, max(r.cpu_ms for r in rows),
                             target_ms, worst.where))

    def note(self, name: str, value: float) -> None:
        self.rows.append(Row("  " + name, value, 0.0, 0.0))


def measure(path: Path, why: bool = False) -> list[Row]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from core.storage.counts import record_counts
    from gui.context import AppContext
    from gui.main_window import PAGES, MainWindow
    from gui.settings import Settings

    app = QApplication.instance() or QApplication([])
    d = Driver(app, why=why)
    keyboard = Keyboard(app)
    holder: dict[str, Any] = {}

    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_CONFIG_HOME"] = home  # a fresh window layout: the Incidents page first

        def open_window() -> None:
            holder["started"] = time.perf_counter()
            ctx = AppContext(path, "bench")
            window = MainWindow(ctx, Settings())
            window.resize(1400, 900)
            window.show()
            holder.update(ctx=ctx, window=window)
            victims = window.pages["incidents"].browser.victims

            def first_rows() -> None:
                if victims.rowCount() and "first_rows" not in holder:
                    holder["first_rows"] = time.perf_counter()
            victims.modelReset.connect(first_rows)

        def browser():  # type: ignore[no-untyped-def]
            return holder["window"].pages["incidents"].browser

        def listed() -> bool:
            b = browser()
            return (b.incidents.rowCount() > 0 and not b.incidents.is_loading
                    and b.victims.rowCount() > 0 and not b.victims.is_loading)

        d.step("open the window (until the lists are read)", open_window, listed, target_ms=OPEN_TARGET_MS, settle=0)
        ctx, window = holder["ctx"], holder["window"]
        if "first_rows" in holder:
            d.note("of which until the first victims are listed", (holder["first_rows"] - holder["started"]) * 1000)
        built = getattr(window.pages, "built", None)
        if built is not None:  # the pages not shown are built after the window shows, one at a time
            d.step("  the other pages built, one per turn of the event loop", lambda: None,
                   lambda: len(built()) == len(PAGES), settle=0)
        counts = record_counts(ctx.reader)
        d.note("incidents", counts.incidents)
        d.note("victims", counts.victims)
        b = browser()

        def drawn(widget: Any) -> Callable[[], None]:
            return lambda: widget.repaint()

        # every page, as the navigation list shows them
        review, duplicates, tallies = (window.pages[k] for k in ("review", "duplicates", "tallies"))
        model = getattr(review, "model", None)
        summary = getattr(duplicates, "summary", None)
        def first_rows() -> int:
            return min(model.rowCount(), 30) if model is not None else 0
        after_showing: dict[str, tuple[str, Callable[[], bool]]] = {
            "review": ("  Review: duplicate flags of the rows shown filled",
                       lambda: all(model.duplicate_count(model.uuid_at(r)) is not None for r in range(first_rows()))),
            "duplicates": ("  Duplicates: pairs listed", lambda: bool(summary.text())),
        }
        shown_when: dict[str, Callable[[], bool]] = {
            "review": lambda: not getattr(review, "reading", False),  # the queue read on a reader thread
            "tallies": lambda: tallies.panel is not None and tallies.panel.by_perpetrator.date_from is not None,
        }
        for key in [p.key for p in PAGES[1:]] + [PAGES[0].key]:
            d.step(f"show the {key.capitalize()} page", lambda k=key: (window.show_page(k), window.repaint()),
                   shown_when.get(key, lambda: True))
            if key in after_showing and (key != "review" or hasattr(model, "duplicate_count")):
                name, done = after_showing[key]
                d.step(name, lambda: None, done, settle=0)

        # the records browser
        view = b.victims_view
        d.step("browser: victims tab, first page drawn", lambda: (b.tabs.setCurrentWidget(view), window.repaint()))
        bar = view.verticalScrollBar()
        view.setFocus()
        view.setCurrentIndex(b.victims.index(0, 0))
        pages = [d.step("browser: Page Down", lambda: keyboard.press(Qt.Key.Key_PageDown), settle=0.02)
                 for _ in range(20)]
        d.worst_of("browser: Page Down, drawn", pages)
        d.step("browser: drag to the end, drawn", lambda: (bar.setValue(bar.maximum()), view.viewport().repaint()))
        d.step("browser: drag to the middle, drawn",
               lambda: (bar.setValue(bar.maximum() // 2), view.viewport().repaint()))
        d.step("browser: sort victims by name", lambda: view.sortByColumn(0, Qt.SortOrder.AscendingOrder),
               lambda: not b.victims.is_loading)
        d.step("browser: drag to the middle, drawn",
               lambda: (bar.setValue(bar.maximum() // 2), view.viewport().repaint()))
        d.step("browser: sort victims by date", lambda: view.sortByColumn(7, Qt.SortOrder.DescendingOrder),
               lambda: not b.victims.is_loading)
        name = b.filter_bar.name
        name.setFocus()
        d.step("browser: type 'احمد الحلبي' in the search (key by key)", lambda: keyboard.type("احمد الحلبي"),
               lambda: b.victims.filter.name == "احمد الحلبي" and not b.victims.is_loading
               and not b.incidents.is_loading)
        d.note("victims found", b.victims.rowCount())
        governorate = b.filter_bar.governorate
        d.step("browser: filter one governorate", lambda: governorate.setCurrentIndex(governorate.findData("SY02")),
               lambda: not b.victims.is_loading and not b.incidents.is_loading)
        d.step("browser: clear the filters", lambda: (name.clear(), governorate.setCurrentIndex(0)),
               lambda: b.victims.filter.name == "" and not b.victims.is_loading and not b.incidents.is_loading
               and b.victims.rowCount() >= counts.victims)

        # the incident form
        page = window.pages["incidents"]
        form = page.form
        d.step("new incident: the form shown", lambda: (page.new_incident_action.trigger(), window.repaint()),
               lambda: form.isVisible() and form.fields.editors["date"].hasFocus())
        d.step("type the incident's fields (key by key)", lambda: type_incident(keyboard),
               lambda: form.victims_view.hasFocus())
        panel = form.match_slot.panel
        shown: list[float] = []
        if panel is not None:
            panel.matches_shown.connect(lambda _n: shown.append(time.perf_counter()))
        d.step("type a victim's names (key by key)", lambda: type_victim_names(keyboard))
        if panel is not None:
            typed = time.perf_counter()
            d.step("  likely duplicates shown after the last name's Tab", lambda: None,
                   lambda: any(t > typed for t in shown) and not panel._timer.isActive()
                   and not ctx.background.busy, settle=0)
            d.note("matches offered", panel.model.rowCount())
        d.step("type the victim's other fields (key by key)", lambda: type_victim_rest(keyboard))
        announced: dict[str, float] = {}
        ctx.changed.connect(lambda _c: announced.__setitem__("changed", time.perf_counter()))
        updates: list[float] = []
        tallies.updated.connect(lambda: updates.append(time.perf_counter()))
        saved: list[str] = []
        form.saved.connect(saved.append)
        updates.clear()
        d.step("save the incident (Ctrl+S) until the form shows it saved",
               lambda: keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier), lambda: bool(saved))
        d.step("  tallies panel updated after the save", lambda: None, lambda: bool(updates), settle=0)
        if updates:
            d.note("of which from the save's announcement to the panel updated (target 300)",
                   (updates[0] - announced["changed"]) * 1000)
        d.step("close the form (back to the list)", lambda: (form.close_action.trigger(), window.repaint()),
               lambda: b.isVisible())

        # the tallies panel
        d.step("show the Tallies page", lambda: (window.show_page("tallies"), window.repaint()))

        def tally_step(label: str, change: Callable[[], None]) -> None:
            before = len(updates)
            d.step(f"tallies: {label}", change, lambda: len(updates) > before, target_ms=TALLY_TARGET_MS)

        def choose(combo: Any, data: str) -> Callable[[], None]:
            return lambda: combo.setCurrentIndex(combo.findData(data))

        tally_step("all dates", choose(tallies.period, "all"))
        tally_step("records: all not rejected", choose(tallies.status, "all"))
        tally_step("counting: everyone", choose(tallies.civilian, "all"))
        tally_step("records: approved", choose(tallies.status, "approved"))
        tally_step("counting: civilians", choose(tallies.civilian, "civilian"))
        tally_step("a date typed in 'from'", lambda: tallies.date_from.set_iso("2016-01-01"))
        tally_step("all dates", choose(tallies.period, "all"))

        def save_approved(day: str) -> Callable[[], None]:
            def save() -> None:
                incident = Incident(date=day, governorate="SY02", incident_type="shelling", perpetrator="regime",
                                    review_status="approved")
                victim = Victim(incident_uuid=incident.incident_uuid, given_name="سامر", sex="male", age=30,
                                civilian="civilian")
                holder["before"] = tallies.panel.by_perpetrator.total.killed
                updates.clear()
                ctx.submit(save_incident, incident, [victim], "bench")
            return save

        d.step("an approved incident saved (writer thread) until the tallies count it (all dates)",
               save_approved("2016-01-16"),
               lambda: tallies.panel.by_perpetrator.total.killed == holder["before"] + 1)
        if updates:
            d.note("of which from the save's announcement to the panel updated (target 300)",
                   (updates[-1] - announced["changed"]) * 1000)
        month = "2016-01"
        tally_step(f"one month ({month})", choose(tallies.period, month))
        d.step(f"an approved incident saved until the tallies count it ({month})", save_approved(f"{month}-17"),
               lambda: tallies.panel.by_perpetrator.total.killed == holder["before"] + 1)
        if updates:
            d.note("of which from the save's announcement to the panel updated (target 300)",
                   (updates[-1] - announced["changed"]) * 1000)
        d.step("show the Incidents page", lambda: (window.show_page("incidents"), window.repaint()))
        d.meter.stop()
        print_table(d.rows, why)
        # Closing waits for the views' reads still running; the figures are printed first.
        window.close()
        ctx.close()
    return d.rows


def type_incident(keyboard: Keyboard) -> None:
    """The form's fields from the date to the summary, as a documenter types them."""
    keyboard.type("2016-01-05")
    keyboard.tab(2)  # date_precision stays "day"
    keyboard.type("Aleppo")
    keyboard.tab()
    keyboard.type("الأتارب")
    keyboard.tab()
    keyboard.type("Air")  # incident_type by its label
    keyboard.tab()
    keyboard.type("Rus")  # perpetrator
    keyboard.tab()
    keyboard.type("Con")  # attribution
    keyboard.tab(2)  # facility left empty
    keyboard.type("1")
    keyboard.tab()
    keyboard.type("2")
    keyboard.tab()
    keyboard.type("Witness by telephone")
    keyboard.tab()
    keyboard.type("An airstrike on a market.")
    keyboard.tab()


def type_victim_names(keyboard: Keyboard) -> None:
    """A victim's names in Arabic (each cell committed by Tab starts a duplicate lookup)."""
    keyboard.type("أحمد")
    keyboard.tab()
    keyboard.type("محمد")
    keyboard.tab(2)
    keyboard.type("الحلبي")
    keyboard.tab()


def type_victim_rest(keyboard: Keyboard) -> None:
    keyboard.tab(2)  # mother_name, name_latin
    keyboard.type("M")
    keyboard.tab()
    keyboard.type("34")
    keyboard.tab(2)
    keyboard.type("Ci")
    keyboard.tab()


def print_table(rows: list[Row], why: bool = False) -> None:
    print(f"{'operation':72} {'done ms':>9} {'block ms':>9} {'CPU ms':>8}  target")
    for row in rows:
        if row.operation.startswith("  ") and row.block_ms == 0 and row.cpu_ms == 0:
            print(f"{row.operation:72} {row.done_ms:9,.0f}")
            continue
        done = "timeout" if row.done_ms is None else f"{row.done_ms:,.0f}"
        target = f"<{row.target_ms:,.0f} ms" if row.target_ms else ""
        print(f"{row.operation:72} {done:>9} {row.block_ms:9,.0f} {row.cpu_ms:8,.0f}  {target}"
              f"{'  OVER' if row.over else ''}", flush=True)
    over = [r for r in rows if r.over and not (r.operation.startswith("  ") and r.cpu_ms == 0 and r.block_ms == 0)]
    print(f"\nblocks over {BLOCK_TARGET_MS} ms or times over target: {len(over)}")
    if why:
        for row in over:
            print(f"\n{row.operation}: where the GUI thread was while blocked (10 ms samples)")
            for stack, n in row.where:
                print(f"  {n:4}  {stack}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--victims", type=int, default=500_000)
    parser.add_argument("--db", type=Path, help="use this database as it is instead of building one")
    parser.add_argument("--keep", type=Path, help="build the database at this path and keep it")
    parser.add_argument("--why", action="store_true", help="say where the GUI thread was during long blocks")
    parser.add_argument("--switch", type=float, help="sys.setswitchinterval (s), to experiment")
    args = parser.parse_args(argv)
    if args.switch:
        sys.setswitchinterval(args.switch)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or args.keep or Path(tmp) / "bench.db"
        if args.db is None:
            print(f"building {args.victims:,} victims ...", file=sys.stderr)
            print(f"built in {build(path, args.victims):.0f} s", file=sys.stderr)
        measure(path, why=args.why)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
