"""Kill a writing process at random moments and check what survives (shared by the test
and bench/crash_soak.py)."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from core.storage import driver

WRITER = Path(__file__).resolve().parents[2] / "crash_writer.py"


@dataclass
class CrashReport:
    kills: int = 0
    saved: set[str] = field(default_factory=set)
    last_draft: int = 0
    problems: list[str] = field(default_factory=list)


def run_once(db_path: Path, key: bytes | None, rng: random.Random, report: CrashReport,
             max_delay: float = 0.6) -> None:
    """Start the writer, let it save for a random while, SIGKILL it, and check the file."""
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), key.hex() if key else "plain", str(rng.randrange(1 << 30))],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first.strip() != "ready":
        proc.kill()
        raise RuntimeError(f"the writer did not start: {first}{proc.stderr.read() if proc.stderr else ''}")
    time.sleep(rng.uniform(0.0, max_delay))
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    report.kills += 1
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "saved":
            report.saved.add(parts[1])
        elif len(parts) == 2 and parts[0] == "draft":
            report.last_draft = max(report.last_draft, int(parts[1]))
    check(db_path, key, report)


def check(db_path: Path, key: bytes | None, report: CrashReport) -> None:
    conn = driver.connect(str(db_path), key=key)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            report.problems.append(f"kill {report.kills}: integrity_check {result[:3]}")
        stored = {r[0]: r[1] for r in conn.execute("SELECT incident_uuid, reported_killed FROM incidents")}
        missing = report.saved - stored.keys()
        if missing:
            report.problems.append(f"kill {report.kills}: {len(missing)} saved incidents missing")
        counts = dict(conn.execute("SELECT incident_uuid, count(*) FROM victims GROUP BY incident_uuid").fetchall())
        half = [u for u, killed in stored.items() if counts.get(u, 0) != killed]
        if half:
            report.problems.append(f"kill {report.kills}: {len(half)} incidents without all their victims")
        facts = dict(conn.execute(
            "SELECT incident_uuid, count(*) FROM tally_facts WHERE basis = 'current' GROUP BY incident_uuid").fetchall())
        unfacted = [u for u, killed in stored.items() if facts.get(u, 0) != killed]
        if unfacted:
            report.problems.append(f"kill {report.kills}: {len(unfacted)} incidents with stale tally facts")
        row = conn.execute("SELECT payload FROM drafts WHERE draft_key = 'crash-writer'").fetchone()
        draft = json.loads(row[0])["n"] if row else 0
        if draft < report.last_draft:
            report.problems.append(f"kill {report.kills}: draft {draft} older than the saved {report.last_draft}")
    finally:
        conn.close()
