"""Exchange at national scale: import a package into an empty database, export it again.

    python bench/bench_exchange.py [--sizes 100000 500000] [--scan] [--encrypted] [--workdir DIR]

For each size (number of victims) a national-scale database is made with
`bench/generate.py` (`--source filler` instead writes a valid package directly, faster and
without the application), then each step runs in a fresh process so that its peak memory
(max RSS) is its own:

- export: `export_package(status="all")` of the generated database to a ZIP file;
- import: `import_package` of that package into an empty database (with `--encrypted`,
  a new encrypted one, as the application makes by default). With `--scan`, the
  import runs as `tawthiq import` does, with its duplicate scan (for a large import, run
  beside the writing), and the time spent on the scan after the commit is shown beside
  the whole.

Prints a table to compare with the targets: export < 15 s, import < 60 s at 500,000
victims, memory flat with size. "cpu s" counts the step's process and the worker processes
it started (the import checks victims' rows in two of them: "workers").
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GIVEN_M = ["محمد", "أحمد", "خالد", "عمر", "علي", "حسن", "يوسف", "إبراهيم", "عبد الله", "مصطفى"]
GIVEN_F = ["فاطمة", "مريم", "عائشة", "زينب", "خديجة", "سارة", "هدى", "رهف", "نور", "آمنة"]
FAMILY = ["الأحمد", "الحسن", "العلي", "الخطيب", "الشامي", "الحلبي", "المصري", "النجار", "الحمصي", "الدرعاوي",
          "السيد", "القاسم", "العمر", "الصالح", "الجاسم"]
PERPETRATORS = ["regime", "russia", "isis", "nusra", "armed_opposition", "kurdish", "coalition", "unidentified"]
TYPES = ["airstrike", "barrel_bomb", "missile", "shelling", "gunfire", "explosion"]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def filler_package(path: Path, victims: int, seed: int = 7) -> Path:
    """A valid exchange package (.zip) with `victims` victims, about five per incident."""
    from core.exchange.format import COLUMNS

    rng = random.Random(seed)
    stamp = "2020-01-01T00:00:00Z"
    origin = _uuid(rng)
    incidents: list[tuple[str, str]] = []
    files = {}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name in COLUMNS:
            with z.open(name, "w", force_zip64=True) as raw:
                digest, rows = hashlib.sha256(), 0
                text = io.TextIOWrapper(_Hashing(raw, digest), encoding="utf-8-sig", newline="")
                writer = csv.writer(text, lineterminator="\r\n")
                writer.writerow(COLUMNS[name])
                if name == "incidents.csv":
                    for i in range(max(1, victims // 5)):
                        day = date(2012, 1, 1) + timedelta(days=rng.randrange(3650))
                        uid = _uuid(rng)
                        incidents.append((uid, day.isoformat()))
                        gov = f"SY{rng.randrange(1, 15):02d}"
                        writer.writerow([uid, 1, stamp, "team", origin, rng.choice(["approved", "submitted", "draft"]),
                                         day.isoformat(), "day", gov, "", "", f"حي {i % 97}", "", "",
                                         rng.choice(TYPES), rng.choice(PERPETRATORS), "", "", "", rng.randrange(4),
                                         "شاهد عيان، ناشط", "قصف على الحي، \"عدة\" ضحايا"])
                        rows += 1
                elif name == "victims.csv":
                    for n in range(victims):
                        uid, _day = incidents[n // 5] if n // 5 < len(incidents) else incidents[-1]
                        sex = rng.choice(["male", "female"])
                        age = rng.randrange(0, 90)
                        writer.writerow([_uuid(rng), uid, 1, stamp, "team",
                                         rng.choice(GIVEN_M if sex == "male" else GIVEN_F), rng.choice(GIVEN_M),
                                         rng.choice(GIVEN_M), rng.choice(FAMILY), rng.choice(GIVEN_F), "", sex, age,
                                         "child" if age < 18 else "adult", "civilian", "", "", "", "killed", "", ""])
                        rows += 1
                text.flush()
                text.detach()
            files[name] = {"rows": rows, "sha256": digest.hexdigest()}
        manifest = {"format": "tawthiq-exchange", "format_version": 1, "exported_at": stamp, "origin": origin,
                    "origin_label": "bench", "exported_by": "bench", "files": files}
        z.writestr("manifest.json", json.dumps(manifest))
    return path


class _Hashing(io.RawIOBase):
    def __init__(self, raw, digest):
        super().__init__()
        self.raw, self.digest = raw, digest

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.digest.update(data)
        self.raw.write(data)
        return len(data)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(kind: str, db_path: Path, package: Path, scan: bool = False, encrypted: bool = False) -> dict:
    """Run one step in this process; returns seconds and memory."""
    from core.exchange import export_package, import_package
    from core.exchange import import_ as import_module
    from core.storage import open_database

    if encrypted and kind == "import":
        db = open_database(db_path, user="bench", password="bench-password")  # created encrypted
    else:
        db = open_database(db_path, encrypt=False)
    base = _rss_mb()
    children = _children_cpu()
    scan_seconds = [0.0]
    real_scan = import_module.run_duplicate_scan

    def timed_scan(*args):
        began = time.perf_counter()
        try:
            return real_scan(*args)
        finally:
            scan_seconds[0] += time.perf_counter() - began

    import_module.run_duplicate_scan = timed_scan
    start, cpu = time.perf_counter(), time.process_time()
    if kind == "import":
        report = import_package(db, package, "bench", scan_duplicates=scan)
        detail = report.counts["victims.csv"]["new"]
        if scan:
            detail = f"{detail} victims; {report.duplicates}"
    elif kind == "scan":
        from core.exchange.import_ import run_duplicate_scan

        uuids = [r[0] for r in db.execute("SELECT victim_uuid FROM victims")]
        detail = run_duplicate_scan(db, uuids)
    else:
        result = export_package(db, package, status="all", user="bench")
        detail = result.rows["victims.csv"]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    workers = _children_cpu() - children
    db.close()
    return {"seconds": seconds, "scan_seconds": scan_seconds[0], "cpu": cpu + workers, "workers_cpu": workers,
            "base_mb": base, "peak_mb": _rss_mb(),
            "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "detail": detail}


def _children_cpu() -> float:
    """CPU time of the worker processes a step started and waited for (the import checks
    victims' rows in two)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _child(kind: str, db_path: Path, package: Path, scan: bool = False, encrypted: bool = False) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", kind, "--db", str(db_path), "--package", str(package),
                          *(["--scan"] if scan else []), *(["--encrypted"] if encrypted else [])],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 500_000])
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--scan", action="store_true", help="also time the duplicate scan after the import")
    parser.add_argument("--encrypted", action="store_true", help="import into a new encrypted database")
    parser.add_argument("--source", choices=("generate", "filler"), default="generate")
    parser.add_argument("--step", choices=("import", "export", "scan"))
    parser.add_argument("--db", type=Path)
    parser.add_argument("--package", type=Path)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(args.step, args.db, args.package, args.scan, args.encrypted), ensure_ascii=False))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        db_path = work / f"import-{size}.db"
        for suffix in ("", "-wal", "-shm", ".keys"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        if args.source == "filler":
            package = work / f"filler-{size}.zip"
            filler_package(package, size)
            imp = _child("import", db_path, package, args.scan, args.encrypted)
            exp = _child("export", db_path, work / f"export-{size}.zip")
        else:
            source = work / f"generated-{size}.db"
            if not source.exists():
                subprocess.run([sys.executable, "-m", "bench.generate", "--victims", str(size), "--out", str(source)],
                               check=True, cwd=ROOT, capture_output=True)
            exp = _child("export", source, work / f"export-{size}.zip")
            imp = _child("import", db_path, work / f"export-{size}.zip", args.scan, args.encrypted)
        rows.append((size, 0.0, imp, exp))
        if args.scan:
            print(f"  import of {size:,} victims with its duplicate scan: {imp['seconds']:.1f} s, of which after the commit"
                  f" {imp['scan_seconds']:.1f} s ({imp['detail']})")
    print(f"{'victims':>9}  {'import s':>8}  {'(cpu s)':>7}  {'(workers)':>9}  {'import peak MB':>14}"
          f"  {'(worker)':>8}  {'export s':>8}  {'(cpu s)':>7}  {'export peak MB':>14}  {'package MB':>10}")
    for size, _made, imp, exp in rows:
        mb = (work / f"export-{size}.zip").stat().st_size / 1e6
        print(f"{size:>9,}  {imp['seconds']:>8.1f}  {imp['cpu']:>7.1f}  {imp['workers_cpu']:>9.1f}"
              f"  {imp['peak_mb']:>14.0f}  {imp['workers_peak_mb']:>8.0f}  {exp['seconds']:>8.1f}"
              f"  {exp['cpu']:>7.1f}  {exp['peak_mb']:>14.0f}  {mb:>10.1f}")
    print("targets at 500,000 victims: export < 15 s, import < 60 s; peak memory flat with size")
    print(f"(memory after opening the database, before the step: {rows[0][2]['base_mb']:.0f} MB;"
          f" load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
