"""Reading a package, a ZIP file or a folder, without trusting it: every file is hashed
while it is read, and damage is reported rather than raised."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

from core.i18n import tr

# What a damaged ZIP raises while it is read. A damaged header can also claim a newer ZIP
# version or an unknown compression (NotImplementedError) or an encrypted member
# (RuntimeError: "password required").
DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, OSError, NotImplementedError,
          RuntimeError)


class PackageUnreadable(Exception):
    """The package cannot be opened at all; the message says why."""


class HashingReader(io.RawIOBase):
    """A byte stream that hashes everything read through it."""

    def __init__(self, raw: IO[bytes]):
        super().__init__()
        self._raw = raw
        self._hash = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self._hash.update(data)
        return n

    def drain(self) -> None:
        while self.readinto(bytearray(1 << 20)):
            pass

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def close(self) -> None:
        self._raw.close()
        super().close()


class PackageSource:
    """The files of a package, by name."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        if self.path.is_dir():
            self.names = {p.name for p in self.path.iterdir() if p.is_file()}
        elif self.path.is_file():
            try:
                self._zip = zipfile.ZipFile(self.path)
            except DAMAGE as exc:
                raise PackageUnreadable(
                    tr("{path} is not a readable ZIP file (it may be truncated or damaged): {error}",
                       path=self.path.name, error=exc)) from None
            self.names = {n for n in self._zip.namelist() if not n.endswith("/")}
        else:
            raise PackageUnreadable(tr("There is no package at {path}.", path=str(self.path)))

    def open(self, name: str) -> IO[bytes]:
        if self._zip is not None:
            return self._zip.open(name)
        return open(self.path / name, "rb")

    def manifest(self) -> Any:
        with self.open("manifest.json") as handle:
            return json.loads(handle.read().decode("utf-8-sig"))

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
