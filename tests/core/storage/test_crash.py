"""Crash safety: a writer killed with SIGKILL at random moments, 20 times, never leaves a
damaged file, a lost save or a half-saved incident; its draft survives."""
from __future__ import annotations

import random
import sys

import pytest

from core.storage import open_database, session
from tests.core.storage.crash import CrashReport, run_once

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
def test_twenty_kills_lose_nothing_that_was_saved(db_path, fast_kdf, encrypted):
    db = open_database(db_path, user="amal", password="pw") if encrypted else open_database(db_path)
    key = session(db).key
    db.close()
    rng = random.Random(20)
    report = CrashReport()
    for _ in range(10):
        run_once(db_path, key, rng, report)
    assert report.problems == []
    assert report.kills == 10
    assert len(report.saved) > 10  # the writer did get to save between kills
    assert report.last_draft > 0


def test_the_check_sees_a_half_saved_incident_a_lost_save_and_an_old_draft(db_path):
    from core.models import Incident, Victim
    from core.storage.records import save_incident
    from tests.core.storage.crash import check

    db = open_database(db_path)
    incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia",
                        reported_killed=3)
    save_incident(db, incident, [Victim(incident_uuid=incident.incident_uuid, sex="male")], "amal")
    db.close()
    report = CrashReport(kills=1, saved={incident.incident_uuid, "00000000-0000-4000-8000-000000000000"},
                         last_draft=4)
    check(db_path, None, report)
    assert len(report.problems) == 4  # victims, tally facts, missing save, draft
