"""Checking rows on the other cores while this one reads the file and stores.

What a worker does is :func:`quick_victim` (or :func:`quick_incident`): the quick way
through the rules (:mod:`core.exchange.fast_rows`), and for victims the name keys, for
rows that plainly pass. An incident's place codes are then looked up in the gazetteer by
the reading process, which holds it. It never
refuses a row and writes nothing: for any other row it answers None, and the reading
process checks that row itself with the models, in file order, exactly as without workers.
So workers change where the plain rows are checked, never what is accepted or reported.

A worker is a plain child process (`python -m core.exchange.row_worker_main`) that reads
chunks of rows on its standard input and writes the answers on its standard output, as
length-prefixed pickles. A child that cannot be started or dies is not an error: its
chunks are checked in this process instead.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from core import names
from core.exchange import fast_rows
from core.exchange.format import INCIDENTS, VICTIMS, model_input

_LENGTH = struct.Struct("<Q")
Answer = tuple[Any, ...] | None


def quick_victim(cells: dict[str, str], columns: tuple[str, ...]) -> Answer:
    """The staged values of a plainly valid victim row (in the order of `columns`), or
    None when the models must decide. A victim with a death date is left to the models: it
    is checked against its incident."""
    data, missing = model_input(VICTIMS, cells)
    if missing:
        return None
    quick = fast_rows.victim(data)
    if quick is None or quick["death_date"] is not None:
        return None
    quick["search_text"] = names.search_text(quick)
    quick.update(names.victim_keys(quick))
    return tuple(quick.get(c) for c in columns)


def quick_incident(cells: dict[str, str], columns: tuple[str, ...]) -> Answer:
    """The staged values of a plainly valid incident row (in the order of `columns`), or
    None when the models must decide. Its place codes are not yet looked up in the
    gazetteer."""
    data, missing = model_input(INCIDENTS, cells)
    if missing:
        return None
    quick = fast_rows.incident(data)
    return None if quick is None else tuple(quick.get(c) for c in columns)


QUICK = {VICTIMS: quick_victim, INCIDENTS: quick_incident}


def check_chunk(header: list[str], records: list[list[str]], columns: tuple[str, ...],
                kind: str = VICTIMS) -> list[Answer]:
    quick = QUICK[kind]
    width = len(header)
    return [quick(dict(zip(header, record, strict=True)), columns) if len(record) == width else None
            for record in records]


def _write_frame(out: IO[bytes], data: bytes) -> None:
    out.write(_LENGTH.pack(len(data)))
    out.write(data)
    out.flush()


def _read_frame(inp: IO[bytes]) -> bytes | None:
    head = inp.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = inp.read(size)
    if len(data) < size:
        return None
    return data


class _Worker:
    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parent.parent.parent)
        env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.process = subprocess.Popen([sys.executable, "-m", "core.exchange.row_worker_main"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, env=env, cwd=root)

    def send(self, payload: bytes) -> None:
        assert self.process.stdin is not None
        _write_frame(self.process.stdin, payload)

    def receive(self) -> bytes | None:
        assert self.process.stdout is not None
        return _read_frame(self.process.stdout)

    def stop(self, *, at_once: bool = False) -> None:
        """End the worker: when it has answered everything, by closing its input; when it
        may still be writing answers nobody will read (a cancelled or refused import), at
        once."""
        if at_once:
            self.process.kill()
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


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
        # A frozen application's executable is the application itself, not an interpreter.
        for _ in range(0 if getattr(sys, "frozen", False) else workers):
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
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing else may write into the answers
    inp = sys.stdin.buffer
    chunks: deque[bytes | None] = deque()
    ready = threading.Condition()

    def read() -> None:
        # Read ahead on a thread, so that the reading process never waits to give a chunk
        # while this one waits to give answers.
        while True:
            frame = _read_frame(inp)
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
        _write_frame(out, pickle.dumps(check_chunk(header, records, columns, kind), protocol=pickle.HIGHEST_PROTOCOL))
