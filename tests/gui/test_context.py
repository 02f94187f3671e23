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


def test_signals_between_threads_carry_no_python_objects():
    """A Python object in a queued signal is released by Qt under its connection lock,
    which deadlocks against the interpreter lock; requests and results go through the
    worker's mailbox, the signals carry numbers and text only."""
    from PySide6.QtCore import QMetaMethod

    from gui.background import BackgroundReader, Worker

    for cls in (Worker, AppContext, BackgroundReader):
        meta = cls.staticMetaObject
        for index in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(index)
            if method.methodType() != QMetaMethod.MethodType.Signal:
                continue
            name = bytes(method.name().data()).decode()
            if cls is AppContext and name == "changed":
                continue  # emitted and received on the GUI thread only
            types = [bytes(t.data()).decode() for t in method.parameterTypes()]
            assert set(types) <= {"int", "QString", "bool"}, (cls.__name__, name, types)


def test_the_application_collects_garbage_on_the_gui_thread_only(qtbot):
    import gc

    from gui.collector import GuiThreadCollector

    collector = GuiThreadCollector(interval_ms=10)
    assert not gc.isenabled()
    garbage = []
    for _ in range(gc.get_threshold()[0] + 10):
        cycle = []
        cycle.append(cycle)
        garbage.append(cycle)
    del garbage, cycle
    qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=2000)
    collector.deleteLater()
