"""How long the window's event loop is held up: a timer on the GUI thread ticks every few
milliseconds, and the longest gap between two ticks is the longest the window could not
answer (paint, a key, a click). The target is 100 ms for any operation.

With `why=True` a watchdog thread also samples, while the loop is held up, what the GUI
thread is running, so that a report can say where the block was.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter

TICK_MS = 5
STUCK_S = 0.05  # the watchdog samples once the loop has not ticked for this long


class StallMeter:
    def __init__(self, why: bool = False) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._gui_thread = threading.get_ident()
        self.samples: Counter[str] = Counter()
        self._watching = why
        if why:
            threading.Thread(target=self._watch, name="stall-watchdog", daemon=True).start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def reset(self) -> None:
        """Start a new operation: the next figure counts from now."""
        self._tick()
        self.longest = 0.0
        self.samples.clear()

    def stop(self) -> None:
        self._watching = False
        self._timer.stop()

    def _watch(self) -> None:
        while self._watching:
            time.sleep(0.01)
            if time.perf_counter() - self._last < STUCK_S:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            inside = [f for f in stack if "/bench/" not in f.filename] or stack
            self.samples[" < ".join(f"{f.name} ({_short(f.filename)}:{f.lineno})" for f in reversed(inside[-8:]))] += 1

    def where(self, top: int = 3) -> list[tuple[str, int]]:
        """The GUI thread's most sampled stacks while the loop was held up (10 ms each)."""
        return self.samples.most_common(top)


def _short(filename: str) -> str:
    """The last two parts of a path: enough to find the file."""
    return "/".join(filename.replace("\\", "/").split("/")[-2:])
