"""Import keyed by UUID and version: nothing twice, newer versions in, conflicts kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.exchange import export_package, import_package, list_conflicts, resolve_conflict
from core.jobs import Cancelled, JobState
from core.storage import open_database
from core.storage.records import load_incident, save_incident
from core.tallies import tally
from tests.core.exchange.helpers import dump, populated


@pytest.fixture
def a(tmp_path: Path):
    db, rec = populated(tmp_path / "a.db")
    yield db, rec
    db.close()


@pytest.fixture
def b(tmp_path: Path):
    db = open_database(tmp_path / "b.db")
    yield db
    db.close()


def _edit(db, incident_uuid: str, user: str, **fields) -> None:
    incident, victims = load_incident(db, incident_uuid)
    save_incident(db, incident.model_copy(update=fields), victims, user)


def test_same_package_twice_changes_nothing(a, b, tmp_path: Path) -> None:
    db, _ = a
    package = export_package(db, tmp_path / "p.zip", status="all").path
    first = import_package(b, package, "bob")
    assert first.counts["incidents.csv"]["new"] == 2 and first.counts["victims.csv"]["new"] == 3
    before = dump(b)
    second = import_package(b, package, "bob")
    assert second.counts["incidents.csv"] == {"new": 0, "updated": 0, "unchanged": 2, "conflicts": 0}
    assert second.counts["victims.csv"]["unchanged"] == 3
    assert dump(b) == before


def test_newer_version_replaces_an_unchanged_copy(a, b, tmp_path: Path) -> None:
    db, rec = a
    import_package(b, export_package(db, tmp_path / "p1", status="all").path, "bob")
    _edit(db, rec["two"].incident_uuid, "alice", summary="corrected: 4 killed")
    report = import_package(b, export_package(db, tmp_path / "p2", status="all").path, "bob")
    assert report.counts["incidents.csv"] == {"new": 0, "updated": 1, "unchanged": 1, "conflicts": 0}
    incident, _ = load_incident(b, rec["two"].incident_uuid)
    assert (incident.summary, incident.version) == ("corrected: 4 killed", 2)
    assert list_conflicts(b) == []
    actions = [r[0] for r in b.execute("SELECT action FROM audit_log WHERE record_uuid = ? ORDER BY seq",
                                       [rec["two"].incident_uuid])]
    assert actions == ["import", "import"]


def test_a_locally_changed_copy_is_a_conflict(a, b, tmp_path: Path) -> None:
    db, rec = a
    uuid = rec["two"].incident_uuid
    import_package(b, export_package(db, tmp_path / "p1", status="all").path, "bob")
    _edit(b, uuid, "bob", locality="Douma")  # the central office corrects its copy (v2)
    _edit(db, uuid, "alice", summary="first correction")  # the team corrects twice (v3)
    _edit(db, uuid, "alice", summary="second correction")
    package = export_package(db, tmp_path / "p2", status="all").path
    report = import_package(b, package, "bob")
    assert report.counts["incidents.csv"]["conflicts"] == 1
    assert "reviewer" in report.text()
    local, _ = load_incident(b, uuid)
    assert (local.locality, local.summary, local.version) == ("Douma", "", 2)  # both kept: local untouched
    (conflict,) = list_conflicts(b)
    assert (conflict.record_uuid, conflict.local_version, conflict.incoming_version) == (uuid, 2, 3)
    assert conflict.incoming["summary"] == "second correction"
    assert set(conflict.differences) >= {"summary", "locality", "version"}
    # Importing again does not add the same conflict twice.
    before = dump(b)
    import_package(b, package, "bob")
    assert dump(b) == before
    # The reviewer settles it for the incoming version.
    changes = resolve_conflict(b, conflict.conflict_uuid, "incoming", "reviewer")
    assert uuid in changes.incidents
    local, _ = load_incident(b, uuid)
    assert (local.summary, local.version) == ("second correction", 3)
    assert list_conflicts(b) == [] and len(list_conflicts(b, include_resolved=True)) == 1
    assert import_package(b, package, "bob").counts["incidents.csv"]["unchanged"] == 2


def test_keeping_the_local_copy(a, b, tmp_path: Path) -> None:
    db, rec = a
    uuid = rec["two"].incident_uuid
    import_package(b, export_package(db, tmp_path / "p1", status="all").path, "bob")
    _edit(b, uuid, "bob", locality="Douma")
    _edit(db, uuid, "alice", summary="x")
    _edit(db, uuid, "alice", summary="y")
    import_package(b, export_package(db, tmp_path / "p2", status="all").path, "bob")
    (conflict,) = list_conflicts(b)
    resolve_conflict(b, conflict.conflict_uuid, "local", "reviewer")
    local, _ = load_incident(b, uuid)
    assert (local.locality, local.version) == ("Douma", 2)
    assert list_conflicts(b) == []


def test_review_state_decisions_and_comments_travel(a, b, tmp_path: Path) -> None:
    db, rec = a
    import_package(b, export_package(db, tmp_path / "p", status="all").path, "bob")
    incident, _ = load_incident(b, rec["one"].incident_uuid)
    assert incident.review_status == "approved"
    snapshot = b.execute("SELECT version FROM approved_snapshots WHERE incident_uuid = ?",
                         [rec["one"].incident_uuid]).fetchone()
    assert snapshot == (1,)
    assert tally(b, status="approved").total.killed == tally(db, status="approved").total.killed > 0
    assert b.execute("SELECT decision, retracted FROM duplicate_decisions").fetchall() == [("same_person", 0)]
    # The decision links the two records of one person: it counts once, as at the origin.
    keys = dict(b.execute("SELECT victim_uuid, person_key FROM victim_person").fetchall())
    assert keys[rec["v1"].victim_uuid] == keys[rec["v3"].victim_uuid]
    assert tally(b, status="all").total.killed == tally(db, status="all").total.killed
    assert b.execute("SELECT text, status_change FROM comments").fetchall() == [("Checked, two sources", "approved")]


def test_a_retraction_travels(a, b, tmp_path: Path) -> None:
    db, rec = a
    import_package(b, export_package(db, tmp_path / "p1", status="all").path, "bob")
    db.execute("UPDATE duplicate_decisions SET retracted = 1")
    report = import_package(b, export_package(db, tmp_path / "p2", status="all").path, "bob")
    assert report.counts["decisions.csv"]["updated"] == 1
    assert b.execute("SELECT retracted FROM duplicate_decisions").fetchone() == (1,)
    assert b.execute("SELECT COUNT(*) FROM victim_person").fetchone() == (0,)


def test_victims_of_an_incident_already_in_the_database(a, b, tmp_path: Path) -> None:
    """A package may carry victims whose incident the receiver already holds."""
    db, rec = a
    import_package(b, export_package(db, tmp_path / "p1", status="all").path, "bob")
    one, victims = load_incident(db, rec["one"].incident_uuid)
    from tests.core.factories import victim

    save_incident(db, one, [*victims, victim(one, given_name="خالد")], "alice")
    package = export_package(db, tmp_path / "p2", status="all").path
    import json

    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    report = import_package(b, package, "bob")
    assert report.counts["victims.csv"]["new"] == 1
    assert manifest["files"]["victims.csv"]["rows"] == 4


def test_cancelled_import_writes_nothing(a, b, tmp_path: Path) -> None:
    db, _ = a
    package = export_package(db, tmp_path / "p", status="all").path
    before = dump(b)
    job = JobState()
    job.cancel()
    with pytest.raises(Cancelled):
        import_package(b, package, "bob", job)
    assert dump(b) == before


def test_imported_victims_are_scanned_for_duplicates(a, b, tmp_path: Path) -> None:
    db, rec = a
    from tests.core.factories import incident, victim

    local = incident(date=rec["one"].date.isoformat(), governorate=rec["one"].governorate)
    save_incident(b, local, [victim(local, given_name="محمد", family_name="الأحمد")], "bob")
    report = import_package(b, export_package(db, tmp_path / "p", status="all").path, "bob")
    assert "3 imported victims" in report.duplicates
    assert "0 likely" not in report.duplicates
    stored = b.execute("SELECT victim_uuid_a, victim_uuid_b FROM duplicate_candidates").fetchall()
    assert any(rec["v1"].victim_uuid in pair for pair in stored)
    quiet = import_package(b, export_package(db, tmp_path / "q", status="all").path, "bob", scan_duplicates=False)
    assert quiet.duplicates is None and "not run" in quiet.text()


def test_a_corrected_name_arriving_takes_its_old_pairs_away(a, b, tmp_path: Path) -> None:
    """The pairs stored for a victim an import updates are those the new version makes."""
    db, rec = a
    from tests.core.factories import incident, victim

    local = incident(date=rec["one"].date.isoformat(), governorate=rec["one"].governorate)
    save_incident(b, local, [victim(local, given_name="محمد", family_name="الأحمد")], "bob")
    import_package(b, export_package(db, tmp_path / "p1", status="all").path, "bob")
    uuid = rec["v1"].victim_uuid
    stored = "SELECT COUNT(*) FROM duplicate_candidates WHERE ? IN (victim_uuid_a, victim_uuid_b)"
    assert b.execute(stored, [uuid]).fetchone()[0] == 1
    incident_row, victims = load_incident(db, rec["one"].incident_uuid)
    save_incident(db, incident_row, [v.model_copy(update={"given_name": "يوسف", "family_name": "الخطيب"})
                                     if v.victim_uuid == uuid else v for v in victims], "alice")
    report = import_package(b, export_package(db, tmp_path / "p2", status="all").path, "bob")
    assert report.counts["victims.csv"]["updated"] == 1
    assert b.execute(stored, [uuid]).fetchone()[0] == 0


def test_only_reviewers_import_and_only_active_accounts_export(a, b, tmp_path: Path) -> None:
    from core import accounts

    db, _ = a
    package = export_package(db, tmp_path / "p", status="all").path
    accounts.create_user(b, "local", "admin1", "correct horse battery")
    accounts.create_user(b, "admin1", "doc", "correct horse battery", "documenter")
    accounts.create_user(b, "admin1", "rev", "correct horse battery", "reviewer")
    before = dump(b)
    with pytest.raises(accounts.PermissionDenied):
        import_package(b, package, "doc")
    assert dump(b) == before
    assert import_package(b, package, "rev").ok
    with pytest.raises(accounts.PermissionDenied):
        export_package(b, tmp_path / "q.zip", status="all", user="nobody")
    assert export_package(b, tmp_path / "q.zip", status="all", user="doc").rows["victims.csv"] == 3
