"""The history names duplicate decisions one way ("duplicate_decision"), whoever wrote
them; entries written before under the older name ("decision") still verify."""
from __future__ import annotations

from pathlib import Path

from core import audit
from core.dedupe.decisions import decide
from core.exchange import export_package, import_package
from core.models import new_uuid, utc_now
from core.storage.records import save_incident
from tests.core.exchange.helpers import populated
from tests.core.factories import incident, victim


def _kinds(db, uuid: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT record_type FROM audit_log WHERE record_uuid = ? ORDER BY seq", [uuid])]


def test_an_import_names_decisions_as_the_duplicates_screen_does(db, tmp_path: Path) -> None:
    team, rec = populated(tmp_path / "team.db")
    package = export_package(team, tmp_path / "p1", status="all").path
    import_package(db, package, "bob")
    uuid = rec["decision"]["decision_uuid"]
    team.execute("UPDATE duplicate_decisions SET retracted = 1 WHERE decision_uuid = ?", [uuid])
    import_package(db, export_package(team, tmp_path / "p2", status="all").path, "bob")
    team.close()
    assert _kinds(db, uuid) == ["duplicate_decision", "duplicate_decision"]
    assert audit.verify(db).ok


def _two_victims(db) -> tuple[str, str]:
    inc = incident()
    a, b = victim(inc, given_name="أحمد"), victim(inc, given_name="احمد", age=31)
    save_incident(db, inc, [a, b], "amal")
    return a.victim_uuid, b.victim_uuid


def test_old_entries_of_either_name_still_verify(db) -> None:
    a, b = _two_victims(db)
    new = decide(db, a, b, "different_people", "omar").decision_uuid
    # A decision imported before the names were one: its history says "decision".
    old = {"decision_uuid": new_uuid(), "victim_uuid_a": b, "victim_uuid_b": a, "decision": "same_person",
           "decided_by": "rima", "decided_at": utc_now(), "retracted": 1}
    with db.atomic():
        db["duplicate_decisions"].insert(old)
        audit.append(db, user="bob", action="import", record_type="decision", record_uuid=old["decision_uuid"],
                     before=None, after=old)
    assert _kinds(db, new) == ["duplicate_decision"] and _kinds(db, old["decision_uuid"]) == ["decision"]
    assert audit.verify(db).ok
    # And the old name is really checked: a change in the file is found.
    db.execute("UPDATE duplicate_decisions SET retracted = 0 WHERE decision_uuid = ?", [old["decision_uuid"]])
    found = [(f.record_type, f.record_uuid) for f in audit.verify(db).findings if f.kind == "record"]
    assert found == [("duplicate_decision", old["decision_uuid"])]
