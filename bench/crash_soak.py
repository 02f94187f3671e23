"""Crash soak: kill a writing process with SIGKILL many times at random moments and check
after each kill that the database passes `PRAGMA integrity_check`, holds every incident
whose save returned, holds no incident without all its victims, and kept its draft.

    python bench/crash_soak.py [--kills 500] [--plain] [--max-delay 1.0] [--db PATH]

Prints a table; exits non-zero if any check failed.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.storage import keys, open_database, session  # noqa: E402
from tests.core.storage.crash import CrashReport, run_once  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Kill a writing process many times; check what survives.")
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--plain", action="store_true", help="an unencrypted database")
    parser.add_argument("--max-delay", type=float, default=1.0, help="longest run before a kill, seconds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    db_path = args.db or Path(folder.name) / "soak.db"
    keys.KDF_PARAMS = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}  # the KDF is not under test
    db = open_database(db_path) if args.plain else open_database(db_path, user="soak", password="soak")
    key = session(db).key
    db.close()
    rng = random.Random(args.seed)
    report = CrashReport()
    start = time.perf_counter()
    for i in range(args.kills):
        run_once(db_path, key, rng, report, max_delay=args.max_delay)
        if (i + 1) % 50 == 0:
            print(f"  {i + 1} kills, {len(report.saved)} saves, {len(report.problems)} problems", file=sys.stderr)
    elapsed = time.perf_counter() - start
    rows = [
        ("database", "plain" if args.plain else "encrypted"),
        ("kills", report.kills),
        ("incidents saved (returned)", len(report.saved)),
        ("last draft saved", report.last_draft),
        ("problems found", len(report.problems)),
        ("time", f"{elapsed:.0f} s"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    for problem in report.problems[:20]:
        print("  " + problem)
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
