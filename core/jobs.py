"""Long jobs (imports, exports, duplicate scans) are plain functions that report progress
and stop when asked, through a small state object. The GUI wraps them in a progress
dialog, the command line in a progress line, tests in :class:`JobState` itself."""
from __future__ import annotations


class Cancelled(Exception):
    """The user asked the job to stop; nothing it was writing was kept."""


class JobState:
    """Progress and cancellation for one job. Subclass to show progress somewhere."""

    def __init__(self) -> None:
        self._cancel = False
        self.done = 0
        self.total = 0
        self.message = ""

    def progress(self, done: int, total: int, message: str = "") -> None:
        self.done, self.total = done, total
        if message:
            self.message = message

    def cancel(self) -> None:
        self._cancel = True

    @property
    def cancelled(self) -> bool:
        return self._cancel

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel:
            raise Cancelled()
