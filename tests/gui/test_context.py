from __future__ import annotations

from core.changes import Changes
from core.models import Incident, Victim
from core.storage.records import save_incident
from gui.context import AppContext


def test_writes_run_on_the_worker_and_announce_their_changes(qtbot, db_path):
    ctx = AppContext(db_path, "amal")
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    victim = Victim(incident_uuid=incident.incident_uuid, given_name="أحمد", sex="male", age=30)
    results = []
    with qtbot.waitSignal(ctx.changed, timeout=5000) as blocker:
        ctx.submit(save_incident, incident, [victim], "amal", on_done=results.append)
    assert isinstance(blocker.args[0], Changes)
    assert incident.incident_uuid in blocker.args[0].incidents
    assert results[0].incident.version == 1
    errors = []
    ctx.submit(lambda db: 1 / 0, on_error=errors.append)
    assert ctx.wait_idle()
    assert isinstance(errors[0], ZeroDivisionError)
    ctx.close()
