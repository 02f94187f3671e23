"""Python's cycle collector runs in whichever thread happens to allocate when a threshold
is crossed. Run on a worker thread, it can destroy Qt objects that belong to the GUI
thread, and Qt's destructor then waits for a lock the GUI thread holds while that thread
waits for the interpreter: the window freezes. Automatic collection is therefore switched
off, and the GUI thread collects on a timer, with the same thresholds.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self) -> None:
        first, second, third = gc.get_count()
        if first > self._thresholds[0]:
            gc.collect(0)
            if second > self._thresholds[1]:
                gc.collect(1)
                if third > self._thresholds[2]:
                    gc.collect(2)
