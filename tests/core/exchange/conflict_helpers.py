"""A central database with conflicts: a team's package imported, both sides then
corrected the same records, and the team's newer package imported again."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core.exchange import ImportReport, export_package, import_package
from core.storage.records import load_incident, save_incident
from tests.core.exchange.helpers import populated


@dataclass
class Scenario:
    incident_uuid: str  # the incident both sides changed
    victim_uuid: str  # the victim both sides changed
    package: Path  # the team's second package, which brought the conflicts
    report: ImportReport


def edit_incident(db: Database, incident_uuid: str, user: str, **fields: Any) -> None:
    incident, victims = load_incident(db, incident_uuid)
    save_incident(db, incident.model_copy(update=fields), victims, user)


def edit_victim(db: Database, victim_uuid: str, user: str, **fields: Any) -> None:
    incident_uuid = db.execute("SELECT incident_uuid FROM victims WHERE victim_uuid = ?", [victim_uuid]).fetchone()[0]
    incident, victims = load_incident(db, incident_uuid)
    victims = [v.model_copy(update=fields) if v.victim_uuid == victim_uuid else v for v in victims]
    save_incident(db, incident, victims, user)


def first_import(central: Database, folder: Path, importer: str = "bob") -> tuple[Database, dict[str, Any]]:
    """The team's database and records, its first package imported into `central`."""
    team, rec = populated(folder / "team.db")
    import_package(central, export_package(team, folder / "north-1", status="all").path, importer)
    return team, rec


def both_sides_correct(central: Database, team: Database, rec: dict[str, Any], folder: Path,
                       editor: str = "bob") -> tuple[str, str, Path]:
    """Both sides correct incident "two" and victim "v1" (the team twice, so that its
    versions are the newer); returns their UUIDs and the team's new package."""
    incident_uuid, victim_uuid = rec["two"].incident_uuid, rec["v1"].victim_uuid
    edit_incident(central, incident_uuid, editor, locality="Douma", reported_killed=4)
    edit_victim(central, victim_uuid, editor, given_name="محمّد", age=31)
    for summary in ("Shelling of the market, first correction", "Shelling of the market, 4 killed"):
        edit_incident(team, incident_uuid, "alice", summary=summary)
    for age in (32, 33):
        edit_victim(team, victim_uuid, "alice", age=age)
    return incident_uuid, victim_uuid, export_package(team, folder / "north-2.zip", status="all").path


def second_import(central: Database, team: Database, rec: dict[str, Any], folder: Path,
                  importer: str = "bob", editor: str = "bob") -> Scenario:
    """Both sides correct the same records; the team's new package is imported."""
    incident_uuid, victim_uuid, package = both_sides_correct(central, team, rec, folder, editor)
    return Scenario(incident_uuid, victim_uuid, package, import_package(central, package, importer))


def make_conflicts(central: Database, folder: Path, importer: str = "bob", editor: str = "bob") -> Scenario:
    team, rec = first_import(central, folder, importer)
    try:
        return second_import(central, team, rec, folder, importer, editor)
    finally:
        team.close()
