"""How long the name-keys migration takes when a database is upgraded, and how often it
reports progress (the dialog shown while it runs must move).

    python -m bench.bench_upgrade --db national.db     # a copy is made; the file is left as it is

The copy is marked as lacking the latest name-keys migration, then upgraded with a job
that counts its progress reports. Prints wall and CPU time (process_time) and the longest
gap between two reports.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

KEYS_MIGRATION = 35  # duplicates: name keys recomputed


def main() -> None:
    from core.jobs import JobState
    from core.storage import open_database, upgrade_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "upgrade.db"
        shutil.copyfile(args.db, copy)
        db = open_database(copy)
        victims = db.execute("SELECT count(*) FROM victims").fetchone()[0]
        with db.atomic():
            db.execute("DELETE FROM schema_migrations WHERE number = ?", [KEYS_MIGRATION])
            db.execute(f"PRAGMA user_version = {max(n for n, in db.execute('SELECT number FROM schema_migrations'))}")
        db.close()
        db = open_database(copy, migrate=False)
        stamps: list[float] = []

        class Counting(JobState):
            def progress(self, done: int, total: int, message: str = "") -> None:
                super().progress(done, total, message)
                stamps.append(time.perf_counter())

        wall, cpu = time.perf_counter(), time.process_time()
        upgrade_database(db, job=Counting())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        db.close()
        gaps = [b - a for a, b in zip([stamps[0], *stamps], stamps, strict=False)] if stamps else [wall]
        print(f"{'victims':>10} {'wall s':>8} {'CPU s':>8} {'reports':>8} {'longest gap s':>14}")
        print(f"{victims:>10,} {wall:>8.1f} {cpu:>8.1f} {len(stamps):>8} {max(gaps):>14.2f}")


if __name__ == "__main__":
    main()
