"""The conflicts an import leaves, as the conflicts screen lists them, and settling them."""
from __future__ import annotations

from pathlib import Path

import pytest

from core import audit
from core.accounts import PermissionDenied, create_user
from core.exchange import conflict_entries, count_conflicts, list_conflicts, resolve_conflict
from core.exchange.conflicts import record_fields
from core.storage.records import load_incident
from tests.core.exchange.conflict_helpers import make_conflicts


def test_entries_name_the_incident_the_victim_and_the_package(db, tmp_path: Path) -> None:
    scenario = make_conflicts(db, tmp_path)
    assert scenario.report.counts["incidents.csv"]["conflicts"] == 1
    assert scenario.report.counts["victims.csv"]["conflicts"] == 1
    assert count_conflicts(db) == 2
    entries = {e.conflict.record_type: e for e in conflict_entries(db)}
    incident, victim = entries["incident"], entries["victim"]
    assert (incident.incident_date, incident.governorate, incident.locality) == ("2017-04-04", "SY07", "Douma")
    assert incident.victim_name == ""
    # A victim's conflict is placed by its incident as stored here.
    assert (victim.incident_date, victim.governorate, victim.locality) == ("2016-01-05", "SY09", "حلب")
    assert victim.victim_name == "محمّد الأحمد"
    for entry in entries.values():
        assert entry.package == "Team North"
        assert entry.conflict.package_name == "north-2.zip"
    assert set(victim.conflict.differences) >= {"given_name", "age", "version"}
    assert record_fields("victim")[:2] == ("victim_uuid", "incident_uuid")
    assert "summary" in record_fields("incident")


def test_a_package_without_a_label_is_named_by_its_origin(db, tmp_path: Path) -> None:
    make_conflicts(db, tmp_path)
    db.execute("UPDATE exchange_conflicts SET package_label = NULL")
    (entry, *_) = conflict_entries(db)
    assert entry.package == entry.conflict.package_origin != ""


def test_settling_both_ways_is_in_the_history_and_verifies(db, tmp_path: Path) -> None:
    scenario = make_conflicts(db, tmp_path)
    create_user(db, "local", "admin1", "admin-password", "admin")
    create_user(db, "admin1", "rima", "rima-password", "reviewer")
    create_user(db, "admin1", "omar", "omar-password", "documenter")
    entries = {e.conflict.record_type: e.conflict for e in conflict_entries(db)}
    with pytest.raises(PermissionDenied):
        resolve_conflict(db, entries["incident"].conflict_uuid, "local", "omar")
    assert count_conflicts(db) == 2
    resolve_conflict(db, entries["incident"].conflict_uuid, "local", "rima")
    changes = resolve_conflict(db, entries["victim"].conflict_uuid, "incoming", "rima")
    assert scenario.victim_uuid in changes.victims
    assert count_conflicts(db) == 0 and list_conflicts(db) == []
    incident, victims = load_incident(db, scenario.incident_uuid)
    assert incident.locality == "Douma"
    _, victims = load_incident(db, db.execute("SELECT incident_uuid FROM victims WHERE victim_uuid = ?",
                                              [scenario.victim_uuid]).fetchone()[0])
    (settled,) = [v for v in victims if v.victim_uuid == scenario.victim_uuid]
    assert (settled.given_name, settled.age) == ("محمد", 33)
    resolutions = list(db.query("SELECT user_name, at, after FROM audit_log WHERE action = 'resolve_conflict'"
                                " ORDER BY seq"))
    assert [r["user_name"] for r in resolutions] == ["rima", "rima"]
    assert all(r["at"] for r in resolutions)
    assert ['"kept":"local"' in r["after"] or '"kept": "local"' in r["after"] for r in resolutions] == [True, False]
    assert audit.verify(db).ok
