"""A national-scale database for benchmarks: by default 500,000 victims documented over
2011-2024, with realistic shares of years, parties, governorates, means of attack, family
groups, unidentified victims, injured, combatants and review states.

    python -m bench.generate --victims 500000 --out national.db
    python -m bench.generate --victims 20000 --out small.db      # quick to try out

The records are made by the same builder as the demonstration data (`seeds/`), from a
fixed seed, and written through `core.storage.records.bulk_insert`, as an import would.
"""
from __future__ import annotations

import argparse
import calendar
import itertools
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from core.models import Incident, Victim
from core.storage import open_database
from core.storage.records import bulk_insert
from seeds.builder import (
    ACTIVE_FROM,
    CATEGORIES,
    PARTY_PLACES,
    PARTY_PLACES_WEIGHTED,
    PARTY_WEIGHT,
    SIZES,
    RecordBuilder,
)

SEED = 2011
ORIGIN = "5b0f3a52-2b7e-4d8a-9a51-0f1c9e6a2011"

# Share of civilian deaths by year (per mille), after the published yearly tolls: the
# worst years 2012-2016, a long tail since.
YEAR_WEIGHTS = {2011: 45, 2012: 180, 2013: 215, 2014: 160, 2015: 125, 2016: 110, 2017: 75,
                2018: 45, 2019: 20, 2020: 9, 2021: 6, 2022: 4, 2023: 4, 2024: 2}
# Where people were killed (weights by governorate), beside each party's own places.
GOVERNORATE_WEIGHTS = {"SY02": 180, "SY03": 170, "SY07": 130, "SY04": 100, "SY12": 90, "SY09": 80,
                       "SY05": 80, "SY01": 50, "SY11": 50, "SY06": 20, "SY08": 20, "SY14": 8,
                       "SY10": 5, "SY13": 5}
ACTIVE_UNTIL = {"isis": date(2019, 12, 31), "coalition": date(2019, 12, 31)}
STATUS_WEIGHTS = {"approved": 85, "submitted": 6, "draft": 4, "returned": 3, "rejected": 2}
CATEGORY_WEIGHTS = (22, 12, 60, 6)  # children, women, men, unknown
CHUNK_INCIDENTS = 5_000
CACHE_KIB = 512 * 1024


@dataclass
class Generated:
    incidents: int
    victims: int
    seconds: float


class NationalBuilder(RecordBuilder):
    def __init__(self, seed: int = SEED) -> None:
        super().__init__(ORIGIN, seed)
        self.victims_made = 0

    def day(self) -> date:
        year = int(self.weighted({str(y): w for y, w in YEAR_WEIGHTS.items()}))
        month = self.rng.randint(3 if year == 2011 else 1, 12)
        return date(year, month, self.rng.randint(1, calendar.monthrange(year, month)[1]))

    def party(self, day: date) -> str:
        weights = {p: w for p, w in PARTY_WEIGHT.items()
                   if ACTIVE_FROM[p] <= day <= ACTIVE_UNTIL.get(p, date.max)}
        if 2014 <= day.year <= 2017 and "isis" in weights:
            weights["isis"] *= 2
        return self.weighted(weights)

    def governorate(self, party: str) -> str:
        if self.rng.random() < 0.7:
            own = PARTY_PLACES_WEIGHTED.get(party) or dict.fromkeys(PARTY_PLACES[party], 1)
            return self.weighted(own)
        return self.weighted(GOVERNORATE_WEIGHTS)

    def stream(self, victims: int) -> Iterator[tuple[Incident, list[Victim]]]:
        """Incidents with their victims until `victims` victims are made."""
        rng = self.rng
        while self.victims_made < victims:
            day = self.day()
            party = self.party(day)
            gov = self.governorate(party)
            means = self.means(party, gov)
            place = self.place(gov, means)
            status = self.weighted(STATUS_WEIGHTS)
            precision = "month" if means == "torture" and rng.random() < 0.5 else "day"
            inc = self.incident(day=day, perpetrator=party, means=means, place=place, status=status,
                                precision=precision)
            left = victims - self.victims_made
            cats = rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS, k=min(left, rng.choice(SIZES[means])))
            until = min(inc.date + timedelta(days=10), date(2024, 12, 31))
            made = self.victims_for(inc, cats, place, wounds_until=until)
            made = (made + self.extras(inc, place, until))[:left]
            self.finish(inc, made, place, bare=status == "draft")
            self.victims_made += len(made)
            yield from self.records
            self.records.clear()


def generate(out: Path, victims: int, *, seed: int = SEED, user: str = "bench", progress: bool = False,
             password: str | None = None) -> Generated:
    """Write a new database at `out` with `victims` victims; refuses an existing file."""
    if out.exists():
        raise FileExistsError(f"{out} exists already; choose another path or remove it.")
    db = open_database(out, user=user if password else None, password=password)
    # A national database does not fit SQLite's default page cache of 2 MB: every insert
    # into the UUID indexes would read pages back from disk.
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    builder = NationalBuilder(seed)
    started = time.perf_counter()

    def reporting(records: Iterator[tuple[Incident, list[Victim]]]) -> Iterator[tuple[Incident, list[Victim]]]:
        step = max(victims // 10, 1)
        next_report = step
        for record in records:
            yield record
            if progress and builder.victims_made >= next_report:
                print(f"  {builder.victims_made:,} victims, {time.perf_counter() - started:.0f} s",
                      file=sys.stderr)
                next_report += step

    # One transaction per chunk keeps the write-ahead log short; each chunk is atomic.
    records = reporting(builder.stream(victims))
    incidents = 0
    while chunk := list(itertools.islice(records, CHUNK_INCIDENTS)):
        incidents += bulk_insert(db, chunk, user)
    seconds = time.perf_counter() - started
    db.close()
    return Generated(incidents=incidents, victims=builder.victims_made, seconds=seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=20_000, help="how many victims (default 20,000)")
    parser.add_argument("--out", type=Path, required=True, help="the new database file")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--password", help="create it encrypted, for the account 'bench' with this password")
    args = parser.parse_args(argv)
    if args.victims < 1:
        parser.error("--victims must be at least 1")
    try:
        made = generate(args.out, args.victims, seed=args.seed, progress=True, password=args.password)
    except FileExistsError as exc:
        print(f"bench.generate: {exc}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in args.out.parent.glob(args.out.name + "*"))
    print(f"{made.incidents:,} incidents, {made.victims:,} victims written to {args.out} "
          f"in {made.seconds:.1f} s ({size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
