"""Likely duplicates at national scale: accuracy of the default threshold on labelled
data, as-you-type lookup latency, and the time and memory of a full scan.

    python -m bench.bench_dedupe [--victims 500000] [--db PATH] [--keep]

Prints a table to compare with the targets (precision >= 0.98, recall >= 0.97, no
sibling pair above the threshold, lookup p95 < 10 ms, scan < 60 s and < 2 GB).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.dedupe_data import generate, true_pairs
from core import dedupe, names
from core.storage import open_database
from core.storage.records import bulk_insert

THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
FLOOR = 0.6  # the accuracy table's scan; the timed scan uses the default threshold
#: The data generator's version: a database built by another is built again.
GENERATOR = 2  # 2: Latin spellings by bench/romanise.py


def build(path: Path, victims: int, seed: int) -> dict:
    gen = generate(victims, seed=seed)
    if path.exists():
        path.unlink()
    db = open_database(path)
    started = time.perf_counter()
    bulk_insert(db, gen.records, "bench")
    db.close()
    truth = {"truth": gen.truth, "household": {str(k): v for k, v in gen.person_household.items()},
             "typos": sorted(gen.typos), "generator": GENERATOR,
             "victims": gen.victims, "build_seconds": time.perf_counter() - started}
    path.with_suffix(".truth.json").write_text(json.dumps(truth))
    return truth


def scan_in_child(path: Path, out: Path, min_score: float | None) -> dict:
    """Run the scan in its own process, so that its peak memory is its own."""
    code = (
        "import json, resource, sys, time\n"
        "from core.storage import open_database\n"
        "from core import dedupe, names\n"
        f"db = open_database({str(path)!r})\n"
        "t = time.perf_counter()\n"
        f"pairs = [(p.victim_uuid_a, p.victim_uuid_b, p.score) for p in dedupe.scan(db, min_score={min_score!r})]\n"
        "elapsed = time.perf_counter() - t\n"
        f"open({str(out)!r}, 'w').write(json.dumps(pairs))\n"
        "use = resource.getrusage(resource.RUSAGE_SELF)\n"
        "workers = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "peak = use.ru_maxrss / 1024\n"
        # ru_maxrss keeps the size of the process it was started from (this benchmark, with
        # its labels in memory): on Linux the high-water mark of its own memory is read.
        "try:\n"
        "    status = open('/proc/self/status').read()\n"
        "    peak = int(status.split('VmHWM:')[1].split()[0]) / 1024\n"
        "except (OSError, IndexError, ValueError):\n"
        "    pass\n"
        "print(json.dumps({'seconds': elapsed, 'cpu_seconds': use.ru_utime + use.ru_stime"
        " + workers.ru_utime + workers.ru_stime, 'workers_cpu_seconds': workers.ru_utime + workers.ru_stime,"
        " 'peak_mb': peak, 'workers_peak_mb': workers.ru_maxrss / 1024, 'pairs': len(pairs)}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    return json.loads(result.stdout.strip().splitlines()[-1])


def accuracy(pairs: list, truth: dict) -> list[dict]:
    labels = truth["truth"]
    households = truth["household"]
    real = true_pairs_from(labels)
    rows = []
    for threshold in THRESHOLDS:
        found = {(a, b) for a, b, s in pairs if s >= threshold}
        tp = len(found & real)
        precision = tp / len(found) if found else 1.0
        recall = tp / len(real) if real else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        siblings = 0
        for a, b in found - real:
            ha, hb = households[str(labels[a])], households[str(labels[b])]
            if ha[0] == hb[0] and ha[1] == "child" and hb[1] == "child":
                siblings += 1
        rows.append({"threshold": threshold, "found": len(found), "true": len(real), "precision": precision,
                     "recall": recall, "f1": f1, "siblings": siblings})
    return rows


def _records(path: Path, uuids: set[str]) -> dict[str, dict]:
    db = open_database(path)
    out: dict[str, dict] = {}
    for row in db.query(
            """SELECT v.victim_uuid, v.given_name, v.father_name, v.grandfather_name, v.family_name, v.name_latin,
                      v.age, v.sex, i.date, i.incident_uuid
               FROM victims v JOIN incidents i ON i.incident_uuid = v.incident_uuid"""):
        if row["victim_uuid"] in uuids:
            out[row["victim_uuid"]] = row
    common = {r[0] for r in db.execute(
        "SELECT key_given FROM victim_keys WHERE key_given > '' GROUP BY key_given ORDER BY COUNT(*) DESC LIMIT 6")}
    db.close()
    for row in out.values():
        row["common"] = names.part_key(row["given_name"] or "") in common
    return out


def _script(row: dict) -> str:
    fields = row["given_name"] or row["family_name"] or ""
    if names.is_arabic(fields):
        return "Arabic+Latin" if row["name_latin"] else "Arabic"
    return "Latin"


def pair_tags(a: dict, b: dict, typos: set[str]) -> list[str]:
    """The categories a pair of records falls in, for the breakdown."""
    scripts = sorted({_script(a), _script(b)})
    tags = [" vs ".join(scripts) if len(scripts) > 1 else f"both {scripts[0]}"]
    if not a["father_name"] or not b["father_name"]:
        tags.append("father's name missing")
    if not a["family_name"] or not b["family_name"]:
        tags.append("family name missing")
    if bool(a["grandfather_name"]) != bool(b["grandfather_name"]):
        tags.append("grandfather's name on one side")
    if a["age"] is not None and b["age"] is not None and a["age"] != b["age"]:
        tags.append("age shift")
    if a["date"] != b["date"]:
        tags.append("date shift")
    if a["victim_uuid"] in typos or b["victim_uuid"] in typos:
        tags.append("typing error")
    if a["common"] or b["common"]:
        tags.append("common given name")
    return tags


def breakdown(path: Path, pairs: list, truth: dict, threshold: float, examples: int = 0) -> None:
    """Missed true pairs and false pairs at `threshold`, by category."""
    labels, households = truth["truth"], truth["household"]
    typos = set(truth.get("typos", []))
    real = true_pairs_from(labels)
    scores = {(a, b): s for a, b, s in pairs}
    found = {p for p, s in scores.items() if s >= threshold}
    missed, false = real - found, found - real
    rows = _records(path, {u for p in real | false for u in p})
    print()
    print(f"Breakdown at {threshold}: recall of the true pairs by category (a pair may be in several)")
    print("category                              true pairs  missed  recall   not even at 0.6")
    totals: dict[str, list[int]] = {}
    for p in real:
        tags = pair_tags(rows[p[0]], rows[p[1]], typos) + ["all"]
        for t in tags:
            cell = totals.setdefault(t, [0, 0, 0])
            cell[0] += 1
            if p in missed:
                cell[1] += 1
                cell[2] += p not in scores
    for t, (n, m, unseen) in sorted(totals.items(), key=lambda kv: -kv[1][1]):
        print(f"{t:<36}  {n:<10}  {m:<6}  {1 - m / n:<7.4f}  {unseen}")
    print()
    print("false pairs above the threshold, by relation and category")
    relations: dict[str, int] = {}
    for a, b in false:
        ha, hb = households[str(labels[a])], households[str(labels[b])]
        if ha[0] != hb[0]:
            rel = "different households"
        elif ha[1] == hb[1] == "child":
            rel = "siblings"
        elif {ha[1], hb[1]} == {"father", "child"}:
            rel = "father and child"
        else:
            rel = "same household, other"
        for t in [rel] + pair_tags(rows[a], rows[b], typos):
            relations[t] = relations.get(t, 0) + 1
    for t, n in sorted(relations.items(), key=lambda kv: -kv[1]):
        print(f"{t:<36}  {n}")
    if examples:
        db = open_database(path)
        rng = random.Random(1)
        for title, chosen in (("missed", sorted(missed)), ("false", sorted(false))):
            print()
            print(f"examples of {title} pairs")
            for a, b in rng.sample(chosen, min(examples, len(chosen))):
                scored = dedupe.pair_score(db, a, b)
                for u in (a, b):
                    r = rows[u]
                    print(f"  {r['given_name']} | {r['father_name']} | {r['grandfather_name']} | {r['family_name']}"
                          f" | {r['name_latin']} | {r['age']} {r['sex']} {r['date']}")
                print(f"    -> {scored.score if scored else None}: {'; '.join(scored.reasons) if scored else ''}")
        db.close()


def sibling_pairs(truth: dict) -> int:
    """Pairs of records of two different children of one household: what must never be
    taken for duplicates."""
    records: dict[int, int] = {}
    for person in truth["truth"].values():
        records[person] = records.get(person, 0) + 1
    children: dict[int, list[int]] = {}
    for person, (household, role) in truth["household"].items():
        if role == "child":
            children.setdefault(household, []).append(records.get(int(person), 0))
    total = 0
    for counts in children.values():
        total += (sum(counts) ** 2 - sum(c * c for c in counts)) // 2
    return total


def true_pairs_from(labels: dict[str, int]) -> set[tuple[str, str]]:
    class G:
        truth = labels
    return true_pairs(G)  # type: ignore[arg-type]


def latency(path: Path, samples: int, seed: int) -> dict:
    """Lookups as a documenter types: a stored victim typed again in another spelling or
    script, part by part (given name, then father's name, then family name)."""
    db = open_database(path)
    rng = random.Random(seed)
    rows = list(db.query(
        """SELECT v.given_name, v.father_name, v.family_name, v.name_latin, v.sex, v.age, i.date, i.governorate
           FROM victims v JOIN incidents i ON i.incident_uuid = v.incident_uuid
           WHERE v.rowid IN (SELECT rowid FROM victims ORDER BY random() LIMIT ?)""", [samples]))
    times: list[float] = []
    cpu_times: list[float] = []
    offered = 0
    for row in rows:
        incident = {"date": row["date"], "governorate": row["governorate"]}
        latin = row["name_latin"].split() if row["name_latin"] and rng.random() < 0.5 else None
        typed = {"given_name": latin[0], "family_name": latin[-1]} if latin and len(latin) > 1 else {
            "given_name": row["given_name"], "father_name": row["father_name"], "family_name": row["family_name"]}
        steps = [{"given_name": typed.get("given_name", "")},
                 {k: v for k, v in typed.items() if k != "family_name"}, typed]
        for fields in steps:
            fields = {**fields, "sex": row["sex"], "age": row["age"]}
            t, c = time.perf_counter(), time.thread_time()
            found = dedupe.likely_duplicates(db, fields, incident)
            times.append((time.perf_counter() - t) * 1000)
            cpu_times.append((time.thread_time() - c) * 1000)
        offered += bool(found)
    db.close()
    times.sort()
    cpu_times.sort()
    return {"lookups": len(times), "p50_ms": times[len(times) // 2], "p95_ms": times[int(len(times) * 0.95)],
            "max_ms": times[-1], "cpu_p95_ms": cpu_times[int(len(cpu_times) * 0.95)],
            "offered_share": offered / max(1, len(rows))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None, help="reuse or create this database")
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--pairs", type=Path, default=None, help="keep the pairs scored at 0.6 in this file")
    parser.add_argument("--examples", type=int, default=0, help="print this many missed and false pairs")
    parser.add_argument("--accuracy-only", action="store_true", help="skip the timed scan and the lookups")
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.gettempdir()) / f"tawthiq-bench-dedupe-{args.victims}.db"
    truth_path = path.with_suffix(".truth.json")
    truth = json.loads(truth_path.read_text()) if path.exists() and truth_path.exists() else None
    if truth is None or truth.get("generator") != GENERATOR:  # none, or made by an older generator
        print(f"building {args.victims} victims in {path} …", file=sys.stderr)
        truth = build(path, args.victims, args.seed)
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    try:
        scanned = None if args.accuracy_only else scan_in_child(path, out, None)
        widest = scan_in_child(path, out, FLOOR)
        pairs = [tuple(p) for p in json.loads(out.read_text())]
    finally:
        if args.pairs:
            out.replace(args.pairs)
        else:
            os.unlink(out)
    rows = accuracy(pairs, truth)
    print(f"Likely duplicates, {truth['victims']} victims (threshold {dedupe.THRESHOLD}); "
          f"{os.cpu_count()} cores; build {truth.get('build_seconds', 0):.0f} s")
    print()
    print("threshold  found    true     precision  recall  F1      sibling pairs above")
    for r in rows:
        mark = "  <- default" if abs(r["threshold"] - dedupe.THRESHOLD) < 1e-9 else ""
        print(f"{r['threshold']:<9}  {r['found']:<7}  {r['true']:<7}  {r['precision']:<9.4f}  "
              f"{r['recall']:<6.4f}  {r['f1']:<6.4f}  {r['siblings']}{mark}")
    print(f"(sibling record pairs in the data: {sibling_pairs(truth)})")
    breakdown(path, pairs, truth, dedupe.THRESHOLD, args.examples)
    if scanned is None:
        return 0
    lookups = latency(path, args.lookups, args.seed)
    print()
    print("measure                      value        target")
    print(f"lookup p50                   {lookups['p50_ms']:.2f} ms")
    print(f"lookup p95                   {lookups['p95_ms']:.2f} ms      < 10 ms")
    print(f"lookup max                   {lookups['max_ms']:.2f} ms")
    print(f"lookup p95 (CPU time)        {lookups['cpu_p95_ms']:.2f} ms")
    print(f"typed records found again    {lookups['offered_share']:.3f}")
    print(f"full scan (wall clock)       {scanned['seconds']:.1f} s       < 60 s")
    print(f"full scan (CPU of the scan)  {scanned.get('cpu_seconds', 0):.1f} s"
          f" (of which its worker processes {scanned.get('workers_cpu_seconds', 0):.1f} s)")
    print(f"load average during the run  {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"scan peak memory (process)   {scanned['peak_mb']:.0f} MB + {scanned.get('workers_peak_mb', 0):.0f} MB"
          " in each worker process   < 2048 MB")
    print(f"pairs found at the default   {scanned['pairs']}")
    print(f"scan at --min-score {FLOOR}      {widest['seconds']:.1f} s wall, {widest['cpu_seconds']:.1f} s CPU, "
          f"{widest['peak_mb']:.0f} MB, {widest['pairs']} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
