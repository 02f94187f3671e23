"""The foundation at national scale: time to load, database size, and the time of every
tally (target: each under 100 ms).

    python -m bench.bench_foundation                      # 500,000 victims
    python -m bench.bench_foundation --victims 20000      # quick
    python -m bench.bench_foundation --db national.db     # reuse a generated database

Each tally is timed once right after the database is opened (first) and then as the
median of further runs (warm). Prints a table; it is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import functools
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import generate
from core.storage import open_database
from core.tallies import BY_CHOICES, Tally, tally

TARGET_MS = 100.0
RANGES = {
    "all dates": (None, None),
    "2016-01": ("2016-01-01", "2016-01-31"),
    "2013": ("2013-01-01", "2013-12-31"),
    "2013-02-10..2016-11-20": ("2013-02-10", "2016-11-20"),
}


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file()) / 1e6


def timed(fn: Callable[[], Tally], repeat: int) -> tuple[float, float, Tally]:
    start = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - start) * 1000
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(runs) if runs else first, result


def cases() -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for status in ("approved", "all"):
        for label, (f, t) in RANGES.items():
            for by in BY_CHOICES:
                out.append((f"{by:<13} {status:<8} {label}", dict(by=by, status=status, date_from=f, date_to=t)))
    out.append(("governorate   approved 2016-01, perpetrator russia",
                dict(by="governorate", status="approved", date_from="2016-01-01", date_to="2016-01-31",
                     perpetrator="russia")))
    out.append(("perpetrator   approved all dates, with pending", dict(by="perpetrator", with_pending=True)))
    out.append(("month         all      all dates, everyone", dict(by="month", status="all", civilian="all")))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_foundation", description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=500_000)
    parser.add_argument("--db", type=Path, help="a database made by bench.generate (made here when missing)")
    parser.add_argument("--password", help="the database is (or is made) encrypted, account 'bench'")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    scratch: Path | None = None
    if args.db:
        path = args.db
    else:
        scratch = Path(tempfile.mkdtemp(prefix="tawthiq-bench-"))
        path = scratch / "national.db"
    if path.exists():
        print(f"Database: {path} (reused; load not timed)")
    else:
        made = generate(path, args.victims, password=args.password, progress=True)
        print(f"Load: {made.incidents:,} incidents, {made.victims:,} victims in {made.seconds:.1f} s "
              f"({made.victims / made.seconds:,.0f} victims/s)")
    print(f"Database size: {size_mb(path):,.0f} MB")
    db = open_database(path, user="bench" if args.password else None, password=args.password)
    victims = db.execute("SELECT COUNT(*) FROM victims").fetchone()[0]
    print(f"Victims in the database: {victims:,}")
    print()
    head = f"{'tally (by, status, dates)':<52} {'groups':>6} {'killed':>8} {'first ms':>9} {'warm ms':>8}  target"
    print(head)
    print("-" * len(head))
    worst = 0.0
    for label, kwargs in cases():
        first, warm, result = timed(functools.partial(tally, db, **kwargs), args.repeat)
        worst = max(worst, first, warm)
        ok = "ok" if max(first, warm) < TARGET_MS else "SLOW"
        print(f"{label:<52} {len(result.groups):>6} {result.total.killed:>8,} {first:>9.1f} {warm:>8.1f}  {ok}")
    print()
    print(f"Slowest tally: {worst:.1f} ms (target {TARGET_MS:.0f} ms)")
    db.close()
    if scratch is not None:  # generated here: not worth keeping gigabytes in the temporary folder
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
