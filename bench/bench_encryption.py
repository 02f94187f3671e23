"""What encryption at rest costs: saving and tallies on a plain and on an encrypted
(SQLCipher) database of the same national size.

    python -m bench.bench_encryption --victims 500000            # generates both (long)
    python -m bench.bench_encryption --plain-db P --encrypted-db E --password PW

Both databases are made by bench/generate.py from the same seed (the encrypted one for
the account `bench`). Measured on each: unlocking and opening, saving new incidents one
at a time (each a transaction with its history, keys and tally facts, fsync'ed), and the
tallies of bench_foundation (first run after opening, then the median of five).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from bench.bench_foundation import cases
from bench.generate import generate
from core.models import Incident, Victim
from core.storage import open_database
from core.storage.records import save_incident
from core.tallies import tally

SAVES = 100


def open_timed(path: Path, password: str | None) -> tuple[Database, float]:
    started = time.perf_counter()
    db = open_database(path, user="bench" if password else None, password=password, create=False)
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return db, (time.perf_counter() - started) * 1000


def saves(db: Database, count: int, seed: int = 7) -> list[float]:
    rng = random.Random(seed)
    times = []
    for n in range(count):
        incident = Incident(date=f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                            governorate=rng.choice(["SY02", "SY07", "SY09", "SY12"]), incident_type="airstrike",
                            perpetrator=rng.choice(["russia", "regime"]), summary="bench save " * 20)
        victims = [Victim(incident_uuid=incident.incident_uuid, given_name=f"محمد {n}", father_name="أحمد",
                          family_name="الحسن", name_latin=f"Mohammed {n}", sex="male", age=rng.randint(1, 80))
                   for _ in range(rng.randint(1, 5))]
        started = time.perf_counter()
        save_incident(db, incident, victims, "bench")
        times.append((time.perf_counter() - started) * 1000)
    return times


def tallies(db: Database) -> list[tuple[str, float, float]]:
    rows = []
    for label, kwargs in cases():
        started = time.perf_counter()
        tally(db, **kwargs)
        first = (time.perf_counter() - started) * 1000
        warm = []
        for _ in range(5):
            started = time.perf_counter()
            tally(db, **kwargs)
            warm.append((time.perf_counter() - started) * 1000)
        rows.append((label, first, statistics.median(warm)))
    return rows


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def measure(path: Path, password: str | None) -> dict[str, object]:
    db, open_ms = open_timed(path, password)
    result: dict[str, object] = {"open": open_ms, "size": size_mb(path), "tallies": tallies(db)}
    times = saves(db, SAVES)
    result["save_median"] = statistics.median(times)
    result["save_p95"] = sorted(times)[int(len(times) * 0.95) - 1]
    db.close()
    return result


def combine(runs: list[dict[str, object]]) -> dict[str, object]:
    """The median of each figure over the rounds."""
    out: dict[str, object] = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "tallies"}  # type: ignore[misc]
    out["tallies"] = [
        (rows[0][0], statistics.median(r[1] for r in rows), statistics.median(r[2] for r in rows))
        for rows in zip(*(r["tallies"] for r in runs), strict=True)  # type: ignore[call-overload]
    ]
    return out


def overhead(plain: float, encrypted: float) -> str:
    return f"{(encrypted / plain - 1) * 100:+.0f} %" if plain > 0 else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_encryption", description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=500_000)
    parser.add_argument("--plain-db", type=Path)
    parser.add_argument("--encrypted-db", type=Path)
    parser.add_argument("--password", default="bench-pass", help="of the account 'bench' of the encrypted one")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, alternating the databases (median kept)")
    args = parser.parse_args(argv)
    folder = tempfile.TemporaryDirectory()
    plain, encrypted = args.plain_db, args.encrypted_db
    load: dict[str, float] = {}
    if plain is None:
        plain = Path(folder.name) / "plain.db"
        load["plain"] = generate(plain, args.victims, progress=True).seconds
    if encrypted is None:
        encrypted = Path(folder.name) / "encrypted.db"
        load["encrypted"] = generate(encrypted, args.victims, progress=True, password=args.password).seconds
    # Alternate the two databases over several rounds and keep the median of each figure,
    # so that a busy moment of the machine does not land on one side only.
    runs_p, runs_e = [], []
    for round_ in range(args.rounds):
        pair = [(plain, None, runs_p), (encrypted, args.password, runs_e)]
        for path, password, runs in pair if round_ % 2 == 0 else reversed(pair):
            runs.append(measure(path, password))
    p, e = combine(runs_p), combine(runs_e)
    print(f"{'measure':<50} {'plain':>9} {'encrypted':>10} {'overhead':>9}")
    print("-" * 81)
    if load:
        print(f"{'load (generate), s':<50} {load.get('plain', 0):>9.0f} {load.get('encrypted', 0):>10.0f} "
              f"{overhead(load.get('plain', 0), load.get('encrypted', 0)):>9}")
    print(f"{'size on disk, MB':<50} {p['size']:>9.0f} {e['size']:>10.0f} {overhead(p['size'], e['size']):>9}")  # type: ignore[arg-type]
    print(f"{'open (encrypted: Argon2id unlock included), ms':<50} {p['open']:>9.1f} {e['open']:>10.1f}")
    for key, label in (("save_median", f"save one incident, median of {SAVES}, ms"),
                       ("save_p95", "save one incident, 95th percentile, ms")):
        print(f"{label:<50} {p[key]:>9.1f} {e[key]:>10.1f} {overhead(p[key], e[key]):>9}")  # type: ignore[arg-type]
    for which, index in (("first", 1), ("warm", 2)):
        plain_total = sum(row[index] for row in p["tallies"])  # type: ignore[attr-defined]
        enc_total = sum(row[index] for row in e["tallies"])  # type: ignore[attr-defined]
        plain_max = max(row[index] for row in p["tallies"])  # type: ignore[attr-defined]
        enc_max = max(row[index] for row in e["tallies"])  # type: ignore[attr-defined]
        count = len(p["tallies"])  # type: ignore[arg-type]
        print(f"{f'{count} tallies ({which}), total ms':<50} {plain_total:>9.1f} {enc_total:>10.1f} "
              f"{overhead(plain_total, enc_total):>9}")
        print(f"{f'slowest tally ({which}), ms':<50} {plain_max:>9.1f} {enc_max:>10.1f} {overhead(plain_max, enc_max):>9}")
    print()
    print(f"{'tally (by, status, dates)':<52} {'plain first':>11} {'enc first':>10} {'plain warm':>10} {'enc warm':>9}")
    for (label, pf, pw), (_, ef, ew) in zip(p["tallies"], e["tallies"], strict=True):  # type: ignore[call-overload]
        print(f"{label:<52} {pf:>11.1f} {ef:>10.1f} {pw:>10.1f} {ew:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
