"""A second window on the same database opens it read-only and says so."""
from __future__ import annotations

import pytest

from core.models import Incident
from core.storage import ReadOnlyDatabase, open_database, session
from core.storage.lock import InstanceLock
from core.storage.records import save_incident
from gui.context import AppContext
from gui.instance import claim_database


def test_the_first_window_holds_the_lock(qapp, db_path):
    lock, opener, message = claim_database(db_path, None)
    assert lock is not None and lock.held and message is None
    opener().close()
    lock.release()


def test_a_second_window_gets_a_read_only_database_and_a_message(qtbot, db_path, fast_kdf):
    db = open_database(db_path, user="amal", password="amal-pass-1")
    opener = session(db).opener()
    db.close()
    with InstanceLock(db_path):
        writer = opener()  # the first window's connection, as if in another process
        lock, read_only_opener, message = claim_database(db_path, opener)
        assert lock is None
        assert "already open in another Tawthiq window" in message and "read-only" in message
        ctx = AppContext(db_path, "amal", opener=read_only_opener)
        assert ctx.reader.execute("SELECT count(*) FROM incidents").fetchone()[0] == 0
        errors: list[BaseException] = []
        incident = Incident(date="2016-01-05", governorate="SY09", incident_type="airstrike", perpetrator="russia")
        ctx.submit(save_incident, incident, [], "amal", on_error=errors.append)
        assert ctx.wait_idle()
        assert isinstance(errors[0], ReadOnlyDatabase) and "not saved" in str(errors[0])
        ctx.close()
        writer.close()


def test_a_read_only_opener_needs_one_made_by_core(qapp, db_path):
    with InstanceLock(db_path), pytest.raises(TypeError):
        claim_database(db_path, lambda: open_database(db_path))
