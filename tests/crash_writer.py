"""A process that saves incidents (with their victims) and a draft in a loop, printing
each uuid once its save has returned: the crash test kills it at random moments.

    python tests/crash_writer.py DB KEY_HEX|plain SEED
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.models import Incident, Victim, utc_now  # noqa: E402
from core.storage import open_database  # noqa: E402
from core.storage.records import save_incident  # noqa: E402

DRAFT_KEY = "crash-writer"


def main(path: str, key_hex: str, seed: int) -> None:
    key = None if key_hex == "plain" else bytes.fromhex(key_hex)
    db = open_database(path, key=key, encrypt=key is not None)
    rng = random.Random(seed)
    row = db.execute("SELECT payload FROM drafts WHERE draft_key = ?", [DRAFT_KEY]).fetchone()
    n = json.loads(row[0])["n"] if row else 0
    print("ready", flush=True)
    while True:
        n += 1
        killed = rng.randint(1, 6)
        incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike",
                            perpetrator="russia", reported_killed=killed, summary="س" * rng.randint(0, 4000))
        victims = [Victim(incident_uuid=incident.incident_uuid, given_name=f"محمد {n}-{i}",
                          name_latin=f"Mohammed {n}-{i}", sex="male", age=rng.randint(0, 90),
                          notes="n" * rng.randint(0, 2000)) for i in range(killed)]
        save_incident(db, incident, victims, "crash")
        print("saved", incident.incident_uuid, flush=True)
        with db.atomic():
            db["drafts"].upsert({"draft_key": DRAFT_KEY, "user_name": "crash", "saved_at": utc_now(),
                                 "payload": json.dumps({"n": n})}, pk="draft_key")
        print("draft", n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
