"""Writing the files of a package: a ZIP or a folder, each CSV hashed while it is written,
the whole appearing only once complete."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from core.exchange.format import BOM, CSV_OPTIONS

BUFFER = 1 << 20


class _HashingSink:
    """What csv.writer writes to: encodes, hashes and passes the bytes on."""

    def __init__(self, out: IO[bytes]):
        self._out = out
        self._hash = hashlib.sha256()
        self._pending: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= BUFFER:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            data = "".join(self._pending).encode("utf-8")
            self._hash.update(data)
            self._out.write(data)
            self._pending.clear()
            self._size = 0

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


class PackageWriter:
    """Writes CSV files one after another into `out` (a `.zip` path or a folder).

    The package is built beside its destination and moved into place by :meth:`commit`;
    :meth:`abort` removes what was written, so a failed or cancelled export leaves nothing.
    """

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.is_zip = self.out.suffix.lower() == ".zip"
        self.files: dict[str, dict[str, Any]] = {}
        self._part = self.out.with_name(self.out.name + ".part")
        if self._part.exists():
            _remove(self._part)
        if self.is_zip:
            self._zip: zipfile.ZipFile | None = zipfile.ZipFile(
                self._part, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True)
        else:
            if self.out.exists() and (not self.out.is_dir() or any(self.out.iterdir())):
                raise FileExistsError(f"{self.out} already exists and is not an empty folder.")
            self._zip = None
            self._part.mkdir(parents=False)

    @contextmanager
    def _open(self, name: str) -> Iterator[IO[bytes]]:
        if self._zip is not None:
            with self._zip.open(name, "w", force_zip64=True) as handle:
                yield handle
        else:
            with open(self._part / name, "wb", buffering=BUFFER) as handle:
                yield handle

    def write_csv(self, name: str, header: Iterable[str], rows: Iterable[Iterable[str]]) -> int:
        """Write one CSV (BOM, CRLF, RFC 4180 quoting); returns its number of rows."""
        count = 0
        with self._open(name) as handle:
            sink = _HashingSink(handle)
            sink.write(BOM)
            writer = csv.writer(sink, **CSV_OPTIONS)
            writer.writerow(list(header))
            for row in rows:
                writer.writerow(row)
                count += 1
            sink.flush()
        self.files[name] = {"rows": count, "sha256": sink.sha256}
        return count

    def write_json(self, name: str, value: dict[str, Any]) -> None:
        data = (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        with self._open(name) as handle:
            handle.write(data)

    def commit(self) -> Path:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
            os.replace(self._part, self.out)
        else:
            if self.out.exists():
                self.out.rmdir()  # checked empty above
            os.replace(self._part, self.out)
        return self.out

    def abort(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        _remove(self._part)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()
