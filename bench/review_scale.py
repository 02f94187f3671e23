"""Review and history at national scale: how long `audit verify`, the review queue and a
bulk approval take, and how much memory verify needs.

    python bench/review_scale.py [INCIDENTS ...]   (default: 20000 100000; 5 victims each)

Prints a table; not a test.
"""
from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import accounts, audit, review  # noqa: E402
from core.models import Incident, Victim  # noqa: E402
from core.storage import open_database  # noqa: E402
from core.storage.records import bulk_insert  # noqa: E402

GIVEN = ["أحمد", "محمد", "خالد", "فاطمة", "مريم", "عمر", "يوسف", "هبة", "سارة", "علي"]
FAMILY = ["الحسن", "العلي", "الخطيب", "الأحمد", "الشامي", "الحلبي", "العمر", "السيد"]


def records(n: int, rng: random.Random):
    start = date(2013, 1, 1)
    for i in range(n):
        status = "submitted" if i % 10 == 0 else "approved"
        inc = Incident(date=start + timedelta(days=i % 1500), governorate=f"SY{1 + i % 14:02d}",
                       incident_type="airstrike", perpetrator="regime", review_status=status,
                       created_by=rng.choice(["amal", "huda", "yaman"]), sources="witness")
        victims = [Victim(incident_uuid=inc.incident_uuid, given_name=rng.choice(GIVEN),
                          family_name=rng.choice(FAMILY), sex="male", age=rng.randint(1, 80))
                   for _ in range(5)]
        yield inc, victims


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def run(n: int) -> list[str]:
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder / "bench.db", encrypt=False)
    _, load = timed(lambda: bulk_insert(db, records(n, random.Random(n)), "demo"))
    accounts.create_user(db, "local", "rana", "admin-pass")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    result, verify = timed(lambda: audit.verify(db))
    assert result.ok, result.findings[:3]
    page, queue = timed(lambda: review.review_queue(db, limit=200))
    _, count = timed(lambda: review.queue_count(db))
    _, filtered = timed(lambda: review.review_queue(db, documenter="huda", date_from="2014-01-01", limit=200))
    _, approve = timed(lambda: review.approve_many(db, "omar", [q.incident_uuid for q in page[:100]], ""))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db.close()
    return [f"{n:>9,}", f"{n * 5:>9,}", f"{result.entries:>10,}", f"{load:7.1f}", f"{verify:7.1f}",
            f"{queue * 1000:7.0f}", f"{count * 1000:6.0f}", f"{filtered * 1000:8.0f}", f"{approve:7.2f}",
            f"{rss:7.0f}"]


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [20000, 100000]
    head = ["incidents", "victims", "entries", "load s", "verify s", "queue ms", "count ms", "filter ms",
            "approve 100 s", "peak MB"]
    print(" | ".join(head))
    for n in sizes:
        print(" | ".join(run(n)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
