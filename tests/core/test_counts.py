from __future__ import annotations

from core.models import Incident, Victim
from core.storage.counts import record_counts
from core.storage.records import delete_incident, save_incident


def _incident() -> Incident:
    return Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")


def test_counts_leave_out_deleted_records(db):
    assert record_counts(db).empty
    kept, gone = _incident(), _incident()
    save_incident(db, kept, [Victim(incident_uuid=kept.incident_uuid, sex="male")], "amal")
    save_incident(db, gone, [Victim(incident_uuid=gone.incident_uuid), Victim(incident_uuid=gone.incident_uuid)],
                  "amal")
    assert (record_counts(db).incidents, record_counts(db).victims) == (2, 3)
    delete_incident(db, gone.incident_uuid, "amal")
    counts = record_counts(db)
    assert (counts.incidents, counts.victims, counts.empty) == (1, 1, False)


def test_places_count_the_loaded_gazetteer_only(db, gazetteer_csv):
    from core.gazetteer import import_gazetteer

    assert record_counts(db).places == 0
    loaded, _ = import_gazetteer(db, gazetteer_csv, "amal")
    assert 0 < record_counts(db).places < loaded


def test_has_live_incidents_agrees_with_the_counts(db):
    from core.storage.counts import has_live_incidents

    assert not has_live_incidents(db)
    incident = _incident()
    save_incident(db, incident, [], "amal")
    assert has_live_incidents(db)
    delete_incident(db, incident.incident_uuid, "amal")
    assert not has_live_incidents(db) and record_counts(db).empty
