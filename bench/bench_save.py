"""How long `core.storage.records.save_incident` takes on a large database.

    python -m bench.bench_save --db national.db          # a copy is made; the file is left as it is
    python -m bench.bench_save --victims 20000            # generate into a temporary folder first

Times, each the median of several runs (a fresh copy of the database per kind): a new
incident with 5 victims (and one with 300), an approved incident edited (its date and a victim's age; it
goes back to review), and a submitted incident edited. Target: well under 100 ms.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 5


def _new(db, n: int, size: int = 5):
    from core.models import Incident, Victim

    inc = Incident(date=f"2016-03-0{1 + n % 9}", governorate="SY09", incident_type="airstrike",
                   perpetrator="russia", locality=f"bench place {n}", sources="a witness",
                   review_status="submitted")
    victims = [Victim(incident_uuid=inc.incident_uuid, given_name=g, father_name="خالد",
                      family_name="العلي", sex="male", age=20 + i % 50, civilian="civilian")
               for i, g in enumerate(("أحمد", "محمد", "علي", "حسن", "عمر") * (size // 5))]
    return inc, victims


def _edited(db, status: str, n: int):
    from core.storage.records import load_incident

    count = db.execute("SELECT COUNT(*) FROM incidents WHERE review_status = ? AND deleted = 0", [status]).fetchone()[0]
    uuid = db.execute("SELECT incident_uuid FROM incidents WHERE review_status = ? AND deleted = 0"
                      " ORDER BY rowid LIMIT 1 OFFSET ?", [status, (100 + n * 37) % max(count, 1)]).fetchone()[0]
    inc, victims = load_incident(db, uuid)
    inc = inc.model_copy(update={"summary": f"edited {n}"})
    if victims:
        victims[0] = victims[0].model_copy(update={"age": (victims[0].age or 30) + 1})
    return inc, victims


KINDS: dict[str, Callable] = {
    "new incident, 5 victims": _new,
    "new incident, 300 victims": lambda db, n: _new(db, n, 300),
    "edit approved incident": lambda db, n: _edited(db, "approved", n),
    "edit submitted incident": lambda db, n: _edited(db, "submitted", n),
}


def measure(source: Path, work: Path) -> list[tuple[str, list[float], list[float]]]:
    from core.storage import open_database
    from core.storage.records import save_incident

    results = []
    for kind, make in KINDS.items():
        copy = work / "save.db"
        shutil.copyfile(source, copy)
        db = open_database(copy)
        times, cpu = [], []
        for n in range(RUNS):
            inc, victims = make(db, n)
            started, started_cpu = time.perf_counter(), time.process_time()
            save_incident(db, inc, victims, "bench")
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        db.close()
        copy.unlink()
        results.append((kind, times, cpu))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (copied, left unchanged)")
    parser.add_argument("--victims", type=int, default=20000, help="victims to generate without --db")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = args.db
        if source is None:
            from bench.generate import generate

            source = work / "bench.db"
            generate(source, args.victims)
        import sqlite3

        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as plain:  # the source stays as it is
            count = plain.execute("SELECT count(*) FROM victims WHERE deleted = 0").fetchone()[0]
        print(f"save_incident on {count:,} victims (median and worst of {RUNS}, wall-clock ms; CPU ms; target 100 ms)")
        print(f"{'save':<28}{'median':>10}{'worst':>10}{'cpu':>10}  target")
        print("-" * 66)
        for kind, times, cpu in measure(source, work):
            median = statistics.median(times)
            print(f"{kind:<28}{median:>10.1f}{max(times):>10.1f}{statistics.median(cpu):>10.1f}"
                  f"  {'ok' if median < 100 else 'over'}")


if __name__ == "__main__":
    main()
