"""What the review queue's duplicate column and the Duplicates list cost on a large
database, read from the stored likely duplicate pairs.

    python -m bench.bench_review_duplicates --db COPY.db [--old]

The database is opened as the application opens it (migrations it lacks are applied):
give it a copy. Its pairs must have been stored by a full scan first (the Duplicates
page's "Scan the database", or `core.dedupe.scan_and_store`). `--old` also times what the
screens did before: a duplicate lookup per victim of a queue row, and the whole list read
at once (`candidate_pairs`).

Times are the median and worst of several runs, wall clock and CPU time (process_time).
"""
from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RUNS = 15


def timed(fn: Callable[[], Any], runs: int = RUNS) -> tuple[list[float], list[float], Any]:
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus, result


def row(what: str, measured: tuple[list[float], list[float], Any], note: str = "") -> None:
    walls, cpus, _ = measured
    print(f"| {what} | {statistics.median(walls):.1f} | {max(walls):.1f} | {statistics.median(cpus):.1f} | {note} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a copy of a large database (it is migrated)")
    parser.add_argument("--old", action="store_true", help="also time the former per-victim lookups")
    args = parser.parse_args(argv)

    from core import dedupe, review
    from core.dedupe import candidates
    from core.storage import open_database

    db = open_database(args.db)
    victims = db.execute("SELECT COUNT(*) FROM victims WHERE deleted = 0").fetchone()[0]
    stored = db.execute("SELECT COUNT(*) FROM duplicate_candidates").fetchone()[0]
    print(f"{victims:,} victims, {stored:,} stored pairs, last scan {dedupe.last_scanned(db)}\n")
    print("| measure | median ms | worst ms | CPU ms | |")
    print("| --- | ---: | ---: | ---: | --- |")

    queue = [i.incident_uuid for i in review.review_queue(db, limit=200)]
    if queue:
        measured = timed(lambda: review.duplicate_counts(db, queue))
        row("queue page (200 incidents): duplicate counts", measured,
            f"{sum(1 for c in measured[2].values() if c)} incidents with pairs")
    # The worst page: the 200 incidents with the most victims in stored pairs.
    busiest = [r[0] for r in db.execute(
        """SELECT v.incident_uuid FROM duplicate_candidates c JOIN victims v ON v.victim_uuid = c.victim_uuid_a
           GROUP BY v.incident_uuid ORDER BY COUNT(*) DESC LIMIT 200""")]
    if busiest:
        measured = timed(lambda: review.duplicate_counts(db, busiest))
        row("200 incidents with the most pairs: duplicate counts", measured,
            f"{sum(measured[2].values())} victims flagged")

    measured = timed(lambda: candidates.pair_counts(db), 5)
    row("Duplicates list: counts", measured, f"{measured[2].undecided:,} to review, {measured[2].decided:,} decided")
    measured = timed(lambda: dedupe.pair_keys(db), 5)
    keys = list(measured[2])
    row("Duplicates list: keys of every row (reader thread)", measured, f"{len(keys):,} rows")
    measured = timed(lambda: dedupe.pair_keys(db, include_decided=True), 5)
    row("… with the decided pairs", measured, f"{len(measured[2]):,} rows")
    if keys:
        page = 50
        measured = timed(lambda: dedupe.pair_rows(db, keys[:page]))
        row(f"Duplicates list: first page ({page} rows)", measured)
        middle = len(keys) // 2
        measured = timed(lambda: dedupe.pair_rows(db, keys[middle:middle + page]))
        row(f"Duplicates list: a page in the middle ({page} rows)", measured)
        measured = timed(lambda: dedupe.pair_rows(db, keys[-page:]))
        row(f"Duplicates list: last page ({page} rows)", measured)
        first = dedupe.pair_rows(db, keys[:1])[0]
        measured = timed(lambda: dedupe.pair_reasons(db, first.a["victim_uuid"], first.b["victim_uuid"]))
        row("the selected pair's reasons, in the current language", measured)

    incident = db.execute(
        """SELECT incident_uuid FROM victims WHERE deleted = 0 GROUP BY incident_uuid HAVING COUNT(*) BETWEEN 4 AND 6
           LIMIT 1 OFFSET 1000""").fetchone()
    if incident:
        uuids = [r[0] for r in db.execute("SELECT victim_uuid FROM victims WHERE incident_uuid = ? AND deleted = 0",
                                          incident)]
        measured = timed(lambda: candidates.refresh_candidates(db, uuids), 5)
        row(f"a save's refresh of its victims' pairs ({len(uuids)} victims)", measured)

    if args.old:
        sample = (queue or busiest)[:10]
        measured = timed(lambda: [len(review.likely_duplicates_of(db, u)) for u in sample], 1)
        walls = [w / len(sample) for w in measured[0]]
        cpus = [c / len(sample) for c in measured[1]]
        row("before: one queue row, a lookup per victim", (walls, cpus, None), f"mean of {len(sample)} rows")
        measured = timed(lambda: dedupe.candidate_pairs(db, include_decided=True), 1)
        row("before: the whole Duplicates list read at once", measured, f"{len(measured[2])} rows (limit 500)")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
