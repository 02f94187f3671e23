"""Worker processes of long jobs (the import's row checks, the duplicate scan): how they
are started and how messages pass between them, as length-prefixed pickles on their
standard input and output.

A worker is a plain child process (`python -m MODULE`), not `multiprocessing`: nothing of
the parent's state is copied into it, and a child that cannot be started or dies is a
reason to do the work in the parent, never an error. A frozen application's executable is
the application itself, not an interpreter: there, no worker is started.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

_LENGTH = struct.Struct("<Q")
# Workers a job starts: the two cores the application is meant to run on, at most.
WORKERS = max(1, min(2, os.cpu_count() or 1))
ROOT = str(Path(__file__).resolve().parent.parent)


def can_start() -> bool:
    return not getattr(sys, "frozen", False)


def start(module: str) -> subprocess.Popen[bytes]:
    """Start `python -m module` with pipes on its standard input and output. Raises
    OSError when it cannot be started."""
    env = {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", module], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env, cwd=ROOT)


def write_frame(out: IO[bytes], data: bytes) -> None:
    out.write(_LENGTH.pack(len(data)))
    out.write(data)
    out.flush()


def read_frame(inp: IO[bytes]) -> bytes | None:
    """The next message, or None when the other side has closed or died."""
    head = inp.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = inp.read(size)
    if len(data) < size:
        return None
    return data


def send(out: IO[bytes], value: Any) -> None:
    write_frame(out, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def first_request() -> tuple[IO[bytes], Any] | None:
    """In a worker: the pipe to the parent (see :func:`own_output`) and the request the
    parent sent first; None when it sent none."""
    out = own_output()
    frame = read_frame(sys.stdin.buffer)
    return None if frame is None else (out, pickle.loads(frame))


def own_output() -> IO[bytes]:
    """In a worker: the pipe to the parent, which nothing else may write into (print goes
    to standard error from now on)."""
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    return out


def stop(process: subprocess.Popen[bytes], *, at_once: bool = False) -> None:
    """End a worker: when it has answered everything, by closing its input; when it may
    still be writing answers nobody will read, at once."""
    if at_once:
        process.kill()
    with contextlib.suppress(OSError):
        if process.stdin is not None:
            process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()
