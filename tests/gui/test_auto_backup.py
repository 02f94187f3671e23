from __future__ import annotations

from core.backup import list_backups, set_backup_settings
from core.models import Incident, Victim
from core.storage import open_database
from core.storage.records import save_incident
from gui.auto_backup import install_auto_backup
from gui.context import AppContext


def _incident():
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
    return incident, [Victim(incident_uuid=incident.incident_uuid, sex="male")]


def test_a_backup_at_start_and_after_every_n_saves(qtbot, db_path):
    db = open_database(db_path)
    save_incident(db, *_incident(), "amal")
    set_backup_settings(db, every=3, keep=10)
    db.close()
    ctx = AppContext(db_path, "amal")
    install_auto_backup(ctx)
    assert ctx.wait_idle()
    assert len(list_backups(db_path)) == 1  # at start
    for _ in range(7):
        ctx.submit(save_incident, *_incident(), "amal")
        assert ctx.wait_idle()
    assert ctx.wait_idle()
    assert len(list_backups(db_path)) == 3  # after saves 3 and 6
    ctx.close()


def test_a_failed_backup_is_reported_and_work_goes_on(qtbot, db_path, monkeypatch):
    import core.backup

    db = open_database(db_path)
    save_incident(db, *_incident(), "amal")
    db.close()

    def full(db, keep=None):
        raise core.backup.DiskFull("database or disk is full")

    monkeypatch.setattr(core.backup, "make_backup", full)
    ctx = AppContext(db_path, "amal")
    reports: list[str] = []
    install_auto_backup(ctx, reports.append)
    assert ctx.wait_idle()
    assert reports and reports[0].startswith("The disk is full")
    ctx.submit(save_incident, *_incident(), "amal")
    assert ctx.wait_idle()
    ctx.close()
