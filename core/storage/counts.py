"""How many records the database holds (for the status line and the empty state)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class RecordCounts:
    incidents: int
    victims: int
    places: int

    @property
    def empty(self) -> bool:
        """No incident has been entered yet (deleted ones count as entered)."""
        return self.incidents == 0


def record_counts(db: Database) -> RecordCounts:
    """Incidents and victims not deleted, and gazetteer places loaded below governorate level."""
    incidents = db.execute("SELECT count(*) FROM incidents WHERE deleted = 0").fetchone()[0]
    victims = db.execute("SELECT count(*) FROM victims WHERE deleted = 0").fetchone()[0]
    places = db.execute("SELECT count(*) FROM places WHERE level > 1").fetchone()[0]
    return RecordCounts(incidents=incidents, victims=victims, places=places)


def has_live_incidents(db: Database) -> bool:
    """Whether any incident not deleted exists (what `record_counts(db).empty` says, without
    counting half a million rows)."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM incidents WHERE deleted = 0)").fetchone()[0] == 1


def live_incident_uuids(db: Database) -> set[str]:
    """The UUIDs of the incidents not deleted (what a bulk load announces as changed)."""
    return {row[0] for row in db.execute("SELECT incident_uuid FROM incidents WHERE deleted = 0")}
