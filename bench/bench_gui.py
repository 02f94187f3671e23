"""The records browser and the tallies panel at national scale.

    python -m bench.bench_gui [--victims 500000] [--db PATH] [--keep]

Builds a database of `--victims` victims (or uses `--db` as it is, e.g. one made by another
generator), then measures, offscreen, what a user waits for: the window opening, the
browser's first page, a jump to the last row, a sort and a name search over every victim,
and the tallies panel catching up after a save. It also records the longest time the
window's event loop was held up during each step (the window must never freeze for more
than 100 ms). Prints a table.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core import vocab  # noqa: E402
from core.models import Incident, Victim  # noqa: E402
from core.storage import open_database  # noqa: E402
from core.storage.records import bulk_insert, save_incident  # noqa: E402

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


class Stalls:
    """The longest gap between ticks of a 5 ms timer: how long the event loop was held."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def reset(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()


def wait(app: object, condition: Callable[[], bool], timeout: float = 300.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.001)


def measure(path: Path) -> list[tuple[str, float, float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from gui.context import AppContext
    from gui.main_window import MainWindow
    from gui.settings import Settings

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, float, float]] = []
    stalls = Stalls()

    def step(name: str, action: Callable[[], None], done: Callable[[], bool]) -> None:
        stalls.reset()
        start = time.perf_counter()
        action()
        wait(app, done)
        elapsed = time.perf_counter() - start
        app.processEvents()
        rows.append((name, elapsed * 1000, stalls.longest * 1000))
        print(f"{name}: {elapsed * 1000:.0f} ms", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_CONFIG_HOME"] = home  # a fresh window layout
        ctx = AppContext(path, "bench")
        holder: dict[str, object] = {}

        def open_window() -> None:
            window = MainWindow(ctx, Settings())
            window.resize(1400, 900)
            window.show()
            holder["window"] = window

        def browser():  # type: ignore[no-untyped-def]
            return holder["window"].pages["incidents"].browser  # type: ignore[attr-defined]

        step("window open, browser filled", open_window,
             lambda: browser().victims.rowCount() > 0 and not browser().incidents.is_loading)
        b = browser()
        b.tabs.setCurrentWidget(b.victims_view)
        view = b.victims_view
        rows.append(("  victims listed", float(b.victims.rowCount()), 0.0))
        step("first page drawn", lambda: view.viewport().repaint(), lambda: True)
        step("jump to the last row, drawn",
             lambda: (view.scrollToBottom(), view.viewport().repaint()), lambda: True)
        step("scroll 30 pages, drawn", lambda: [
            (view.verticalScrollBar().setValue(view.verticalScrollBar().value() - view.verticalScrollBar().pageStep()),
             view.viewport().repaint()) for _ in range(30)], lambda: True)
        step("sort all victims by name", lambda: view.sortByColumn(0, Qt.SortOrder.AscendingOrder),
             lambda: not b.victims.is_loading)
        step("jump to the middle, drawn", lambda: (
            view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2),
            view.viewport().repaint()), lambda: True)
        step("name search 'احمد الحلبي'", lambda: (b.filter_bar.name.setText("احمد الحلبي"), b.filter_bar._emit()),
             lambda: not b.victims.is_loading and not b.incidents.is_loading)
        rows.append(("  victims found", float(b.victims.rowCount()), 0.0))
        step("filter: one governorate", lambda: (
            b.filter_bar.name.setText(""),
            b.filter_bar.governorate.setCurrentIndex(b.filter_bar.governorate.findData("SY02"))),
             lambda: not b.victims.is_loading and not b.incidents.is_loading)

        tallies = holder["window"].show_page("tallies")  # type: ignore[attr-defined]
        wait(app, lambda: tallies.panel is not None and tallies.period.currentData() not in (None, "all"))
        wait(app, lambda: tallies.panel.by_perpetrator.date_from is not None)
        month = tallies.period.currentData()
        ctx.changed.connect(lambda _changes: holder.__setitem__("changed_at", time.perf_counter()))
        tallies.updated.connect(lambda: holder.__setitem__("updated_at", time.perf_counter()))

        def after_save(name: str) -> None:
            rows.append(("  of which: save announced -> panel updated",
                         (holder["updated_at"] - holder["changed_at"]) * 1000, 0.0))  # type: ignore[operator]

        def save_in(day: str) -> Callable[[], None]:
            def save() -> None:
                incident = Incident(date=day, governorate="SY02", incident_type="shelling", perpetrator="regime",
                                    review_status="approved")
                victim = Victim(incident_uuid=incident.incident_uuid, given_name="سامر", sex="male", age=30,
                                civilian="civilian")
                holder["before"] = tallies.panel.by_perpetrator.total.killed
                ctx.submit(save_incident, incident, [victim], "bench")
            return save

        step(f"tallies after a save ({month})", save_in(f"{month}-15"),
             lambda: tallies.panel.by_perpetrator.total.killed == holder["before"] + 1)
        after_save(month)
        step("tallies: switch to all dates", lambda: tallies.period.setCurrentIndex(tallies.period.findData("all")),
             lambda: tallies.panel.by_perpetrator.date_from is None)
        step("tallies after a save (all dates)", save_in(f"{month}-16"),
             lambda: tallies.panel.by_perpetrator.total.killed == holder["before"] + 1)
        after_save("all dates")
        print_table(rows)
        # Closing waits for every view's reads still running (at this size the duplicates
        # screen's can take minutes); the figures are printed first.
        holder["window"].close()  # type: ignore[attr-defined]
        ctx.close()
    return rows


def print_table(rows: list[tuple[str, float, float]]) -> None:
    print(f"{'step':42} {'ms (or count)':>14} {'longest freeze ms':>18}")
    for name, value, freeze in rows:
        freeze_text = f"{freeze:18.0f}" if not name.startswith("  ") else ""
        print(f"{name:42} {value:14,.0f} {freeze_text}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--victims", type=int, default=500_000)
    parser.add_argument("--db", type=Path, help="use this database as it is instead of building one")
    parser.add_argument("--keep", type=Path, help="build the database at this path and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or args.keep or Path(tmp) / "bench.db"
        if args.db is None:
            print(f"building {args.victims:,} victims ...", file=sys.stderr)
            print(f"built in {build(path, args.victims):.0f} s", file=sys.stderr)
        measure(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
