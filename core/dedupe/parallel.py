"""The full duplicate scan shared between worker processes.

Each worker (`python -m core.dedupe.scan_worker`, see :mod:`core.child_processes`) opens
the database read-only and walks its share of each blocking index, whole blocks of about
as many rows as the other shares (:func:`core.dedupe.scan.part_bounds`), leaving out the
pairs a decision in force is about as it reads them; this process gathers the pairs: those
the scan finds in one process, in no particular order (the caller keeps one of each
victim's pairs per incident with `one_to_one` as before).

Used for databases large enough to gain from it, outside a transaction (other processes
see only what is committed). When a worker cannot be started or fails, or the database
cannot be opened again (an in-memory one), :func:`scan_in_parts` returns None and the
caller scans in this process: a slower scan, never a different one.
"""
from __future__ import annotations

import contextlib
import pickle
import queue
import threading
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core import child_processes
from core.jobs import JobState
from core.storage import session

WORKERS = child_processes.WORKERS
PARALLEL_MIN = 50_000  # victims: below this, starting processes costs more than it saves
WORKER_CACHE_KB = 200_000  # each worker's page cache


def scan_in_parts(db: Database, threshold: float, job: JobState | None) -> list[Any] | None:
    """Every pair the full scan finds, found by worker processes; None when this process
    should scan instead (see the module's documentation)."""
    if WORKERS < 2 or not child_processes.can_start():
        return None
    if db.conn.in_transaction:
        return None  # other processes would not see what this transaction wrote
    try:
        where = session(db)
    except KeyError:
        return None
    if not Path(where.path).is_file():
        return None
    if db.execute("SELECT COUNT(*) FROM victim_keys").fetchone()[0] < PARALLEL_MIN:
        return None
    return _run(where.path, where.key, threshold, job, WORKERS)


def _run(path: Path, key: bytes | None, threshold: float, job: JobState | None, parts: int) -> list[Any] | None:
    from core.dedupe.scan import ScoredPair

    messages: queue.Queue[tuple[int, Any]] = queue.Queue()
    workers = []
    try:
        for part in range(parts):
            try:
                process = child_processes.start("core.dedupe.scan_worker")
            except OSError:
                return None
            workers.append(process)
            assert process.stdin is not None
            child_processes.send(process.stdin, {"path": str(path), "key": key, "threshold": threshold,
                                                 "part": part, "parts": parts, "cache_kb": WORKER_CACHE_KB})
            process.stdin.close()
            threading.Thread(target=_listen, args=(part, process, messages), daemon=True).start()
        done = [0] * parts
        total = 0
        found: list[ScoredPair] = []
        finished = 0
        while finished < parts:
            if job is not None:
                job.check()
            try:
                part, message = messages.get(timeout=0.2)
            except queue.Empty:
                continue
            if message is None:  # the worker ended without its pairs
                return None
            kind, value = message
            if kind == "progress":
                done[part], total = value
                if job is not None and total:
                    job.progress(sum(done) // parts, total)
            elif kind == "pairs":
                found.extend(ScoredPair(*fields) for fields in value)
                finished += 1
            else:
                return None
        return found
    finally:
        for process in workers:
            child_processes.stop(process, at_once=process.poll() is None)


def _listen(part: int, process: Any, messages: queue.Queue[tuple[int, Any]]) -> None:
    """Pass on a worker's messages until its last (the pairs) or its end (None)."""
    while True:
        frame = None
        with contextlib.suppress(OSError, ValueError):
            frame = child_processes.read_frame(process.stdout)
        if frame is None:
            messages.put((part, None))
            return
        try:
            message = pickle.loads(frame)
        except Exception:  # noqa: BLE001 - a damaged message is a failed worker
            messages.put((part, None))
            return
        messages.put((part, message))
        if message[0] == "pairs":
            return


class _Reporting(JobState):
    def __init__(self, out: Any) -> None:
        super().__init__()
        self.out = out

    def progress(self, done: int, total: int, message: str = "") -> None:
        child_processes.send(self.out, ("progress", (done, total)))


def serve() -> None:
    """A worker: one request in, progress and then its pairs out."""
    from dataclasses import astuple

    from core.dedupe.decisions import decided_pairs
    from core.dedupe.scan import _scan_all
    from core.storage import open_database

    if (received := child_processes.first_request()) is None:
        return
    out, request = received
    db = open_database(request["path"], key=request["key"], create=False, read_only=True)
    try:
        db.execute(f"PRAGMA cache_size = {-int(request['cache_kb'])}")
        pairs = [astuple(p) for p in _scan_all(db, request["threshold"], decided_pairs(db), _Reporting(out),
                                               request["part"], request["parts"])]
    finally:
        db.close()
    child_processes.send(out, ("pairs", pairs))
