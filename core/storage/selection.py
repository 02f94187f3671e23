"""Victims' UUIDs selected from a table, read from the database as they are needed.

An import of half a million victims scans around all of them; holding their UUIDs in
lists and sets (to look them up, to sort them, to delete their stored pairs) made the
application's memory grow with the package. A selection answers the same questions from
an indexed table instead.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from collections.abc import Set as AbstractSet

from sqlite_utils import Database


class SelectedVictims:
    """The rows of `table` for which `where` holds, by their `victim_uuid` (one row per
    UUID, which `table` should be indexed by), with `len`, `in`, and iteration in the
    order of the rows."""

    def __init__(self, db: Database, table: str, where: str = "1"):
        self.db, self.table, self.where = db, table, where
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = int(self.db.execute(f"SELECT COUNT(*) FROM {self.table} WHERE {self.where}").fetchone()[0])
        return self._count

    def __contains__(self, uuid: object) -> bool:
        return self.db.execute(f"SELECT 1 FROM {self.table} WHERE victim_uuid = ? AND ({self.where}) LIMIT 1",
                               [uuid]).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        for row in self.db.execute(f"SELECT victim_uuid FROM {self.table} WHERE {self.where} ORDER BY rowid"):
            yield row[0]

    def condition(self, column: str) -> str:
        """SQL that holds when `column` (of the outer statement) is one of the UUIDs."""
        return f"EXISTS (SELECT 1 FROM {self.table} s WHERE s.victim_uuid = {column} AND ({self.where}))"


def as_collection(uuids: Iterable[str]) -> Collection[str]:
    """UUIDs to look up and count: a set or a selection as it is, anything else gathered
    once (in order, each once)."""
    if isinstance(uuids, (AbstractSet, SelectedVictims)):
        return uuids
    return dict.fromkeys(uuids).keys()
