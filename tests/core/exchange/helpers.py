"""Building databases and packages for the exchange tests."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core.models import new_uuid, utc_now
from core.storage import open_database
from core.storage.facts import relink_persons
from core.storage.records import save_incident
from tests.core.factories import incident, victim

CSV_FILES = ("incidents.csv", "victims.csv", "decisions.csv", "comments.csv")


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order: two dumps are equal only when the
    databases hold the same data."""
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: sorted(db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in tables}


def populated(path: Path, user: str = "alice") -> tuple[Database, dict[str, Any]]:
    """A database with two incidents (one approved), three victims, a decision and a comment."""
    db = open_database(path, label="Team North")
    one = incident(summary='Barrel bombs on "the market", 3 killed\nسوق الخضار', review_status="approved",
                   latitude=36.2, longitude=37.15, locality="حلب")
    two = incident(date="2017-04-04", governorate="SY07", incident_type="shelling", perpetrator="regime")
    v1 = victim(one, given_name="محمد", family_name="الأحمد", notes="=HYPERLINK(\"x\")")
    v2 = victim(one, given_name="فاطمة", sex="female", age=9)
    v3 = victim(two, given_name="أحمد", family_name="الأحمد", age=None)
    save_incident(db, one, [v1, v2], user)
    save_incident(db, two, [v3], user)
    decision = {"decision_uuid": new_uuid(), "victim_uuid_a": v1.victim_uuid, "victim_uuid_b": v3.victim_uuid,
                "decision": "same_person", "decided_by": "rev", "decided_at": utc_now(), "retracted": 0}
    comment = {"comment_uuid": new_uuid(), "incident_uuid": one.incident_uuid, "author": "rev",
               "written_at": utc_now(), "status_change": "approved", "text": "Checked, two sources"}
    with db.atomic():
        db["duplicate_decisions"].insert(decision)
        relink_persons(db, [v1.victim_uuid, v3.victim_uuid])
        db["comments"].insert(comment)
    return db, {"one": one, "two": two, "v1": v1, "v2": v2, "v3": v3, "decision": decision,
                "comment": comment}


def read_rows(folder: Path, name: str) -> tuple[list[str], list[list[str]]]:
    text = (folder / name).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def write_rows(folder: Path, name: str, header: list[str], rows: list[list[str]], *,
               encoding: str = "utf-8-sig", rehash: bool = True) -> None:
    """Rewrite one CSV of a folder package and (unless told not to) its manifest entry."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    (folder / name).write_bytes(data)
    if rehash:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"][name] = {"rows": len(rows), "sha256": hashlib.sha256(data).hexdigest()}
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def csv_bytes(package: Path) -> dict[str, bytes]:
    """The CSV files of a package (zip or folder), by name."""
    import zipfile

    if package.is_dir():
        return {n: (package / n).read_bytes() for n in CSV_FILES if (package / n).exists()}
    with zipfile.ZipFile(package) as z:
        return {n: z.read(n) for n in CSV_FILES if n in z.namelist()}
