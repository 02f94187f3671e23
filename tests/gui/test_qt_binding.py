"""The Qt binding itself: a release that mishandles references crashes the application."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_a_signal_keeps_python_references_intact(qapp):
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(20):
        emitter.fired.emit(n)
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before
    assert received == list(range(20))
