"""Checking rows on the other cores while this one reads the file and stores.

What a worker does is :func:`quick_victim` (or :func:`quick_incident`): the quick way
through the rules (:mod:`core.exchange.fast_rows`), and for victims the name keys, for
rows that plainly pass. An incident's place codes are then looked up in the gazetteer by
the reading process, which holds it. It never
refuses a row and writes nothing: for any other row it answers None, and the reading
process checks that row itself with the models, in file order, exactly as without workers.
So workers change where the plain rows are checked, never what is accepted or reported.

A worker is a child process (`python -m core.exchange.row_worker_main`, see
:mod:`core.child_processes`) that reads chunks of rows on its standard input and writes
the answers on its standard output. A child that cannot be started or dies is not an
error: its chunks are checked in this process instead.
"""
from __future__ import annotations

import contextlib
import pickle
import sys
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from core import child_processes, names
from core.exchange import fast_rows
from core.exchange.format import INCIDENTS, VICTIMS, model_input

Answer = tuple[Any, ...] | None


def quick_victim(cells: dict[str, str], columns: tuple[str, ...]) -> Answer:
    """The staged values of a plainly valid victim row (in the order of `columns`), or
    None when the models must decide. A death date is not yet compared with the incident's
    date: the reading process does that (:mod:`core.exchange.validate`)."""
    data, missing = model_input(VICTIMS, cells)
    if missing:
        return None
    quick = fast_rows.victim(data)
    if quick is None:
        return None
    quick["search_text"] = names.search_text(quick)
    quick.update(names.victim_keys(quick))
    return tuple([quick.get(c) for c in columns])


def quick_incident(cells: dict[str, str], columns: tuple[str, ...]) -> Answer:
    """The staged values of a plainly valid incident row (in the order of `columns`), or
    None when the models must decide. Its place codes are not yet looked up in the
    gazetteer."""
    data, missing = model_input(INCIDENTS, cells)
    if missing:
        return None
    quick = fast_rows.incident(data)
    return None if quick is None else tuple([quick.get(c) for c in columns])


QUICK = {VICTIMS: quick_victim, INCIDENTS: quick_incident}


def check_chunk(header: list[str], records: list[list[str]], columns: tuple[str, ...],
                kind: str = VICTIMS) -> list[Answer]:
    quick = QUICK[kind]
    width = len(header)
    return [quick(dict(zip(header, record, strict=True)), columns) if len(record) == width else None
            for record in records]


class _Worker:
    def __init__(self) -> None:
        self.process = child_processes.start("core.exchange.row_worker_main")

    def send(self, payload: bytes) -> None:
        assert self.process.stdin is not None
        child_processes.write_frame(self.process.stdin, payload)

    def receive(self) -> bytes | None:
        assert self.process.stdout is not None
        return child_processes.read_frame(self.process.stdout)

    def stop(self, *, at_once: bool = False) -> None:
        child_processes.stop(self.process, at_once=at_once)


class RowCheckers:
    """Checks chunks of one file's rows (victims' or incidents'), in workers when there
    are any, and hands the answers back in the order the chunks were given."""

    def __init__(self, header: list[str], columns: tuple[str, ...], workers: int, ahead: int = 2,
                 kind: str = VICTIMS):
        if kind not in QUICK:
            raise ValueError(kind)
        self.header, self.columns, self.kind = header, columns, kind
        self.ahead = ahead
        self._workers: list[_Worker] = []
        self._next = 0
        # Each entry: (records, worker or None, answers when checked here)
        self._queue: deque[tuple[Any, _Worker | None, list[Answer] | None]] = deque()
        for _ in range(workers if child_processes.can_start() else 0):
            try:
                self._workers.append(_Worker())
            except OSError:
                break

    def put(self, rows: list[tuple[int, list[str]]], consume: Callable[[int, list[str], Answer], None]) -> None:
        """Give a chunk; answers of earlier chunks are handed to `consume` as they are needed."""
        worker = None
        if self._workers:
            worker = self._workers[self._next % len(self._workers)]
            self._next += 1
            try:
                worker.send(pickle.dumps((self.header, [r for _, r in rows], self.columns, self.kind),
                                         protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:
                worker = None
        if worker is None:
            self._queue.append((rows, None, check_chunk(self.header, [r for _, r in rows], self.columns, self.kind)))
        else:
            self._queue.append((rows, worker, None))
        while len(self._queue) > self.ahead * max(1, len(self._workers)):
            self._hand_back(consume)

    def finish(self, consume: Callable[[int, list[str], Answer], None]) -> None:
        """Hand back every answer still owed."""
        while self._queue:
            self._hand_back(consume)

    def _hand_back(self, consume: Callable[[int, list[str], Answer], None]) -> None:
        rows, worker, answers = self._queue.popleft()
        if answers is None and worker is not None:
            frame = None
            with contextlib.suppress(OSError, EOFError):
                frame = worker.receive()
            answers = pickle.loads(frame) if frame is not None else None
            if answers is None or len(answers) != len(rows):
                answers = check_chunk(self.header, [r for _, r in rows], self.columns, self.kind)
        assert answers is not None
        for (row, record), answer in zip(rows, answers, strict=True):
            consume(row, record, answer)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(at_once=bool(self._queue))
        self._workers.clear()
        self._queue.clear()


def serve() -> None:
    """A worker's loop: chunks in on standard input, answers out on standard output."""
    out = child_processes.own_output()
    inp = sys.stdin.buffer
    chunks: deque[bytes | None] = deque()
    ready = threading.Condition()

    def read() -> None:
        # Read ahead on a thread, so that the reading process never waits to give a chunk
        # while this one waits to give answers.
        while True:
            frame = child_processes.read_frame(inp)
            with ready:
                chunks.append(frame)
                ready.notify()
            if frame is None:
                return

    threading.Thread(target=read, daemon=True).start()
    while True:
        with ready:
            while not chunks:
                ready.wait()
            frame = chunks.popleft()
        if frame is None:
            return
        header, records, columns, kind = pickle.loads(frame)
        child_processes.write_frame(out, pickle.dumps(check_chunk(header, records, columns, kind), protocol=pickle.HIGHEST_PROTOCOL))
