"""Places: the 14 governorates shipped with the application, and a full gazetteer
(districts and sub-districts, Arabic and English names, aliases) loaded from a file.

The file layout is that of the OCHA p-code list: a CSV with the columns
`level,pcode,name_en,name_ar,parent_pcode` (others are ignored). When JSON files with
aliases (`governorates.json`, `districts.json`, `subdistricts.json`, each entry with
`externalIds.ochaPcode` and `aliases`) lie beside it, their aliases are loaded too.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from core import audit, vocab
from core.changes import Changes
from core.models import PCODE_RE, utc_now

REQUIRED_COLUMNS = ("level", "pcode", "name_en", "name_ar", "parent_pcode")


class GazetteerError(ValueError):
    """The file cannot be loaded; the message says where and why."""


@dataclass
class Place:
    pcode: str
    level: int
    name_en: str
    name_ar: str
    parent_pcode: str | None = None
    aliases: list[str] = field(default_factory=list)

    def label(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


class Gazetteer:
    """The places a database knows: the shipped governorates, plus what was imported."""

    def __init__(self, places: list[Place]):
        self._by_code = {p.pcode: p for p in places}
        self.loaded = any(p.level > 1 for p in places)

    @classmethod
    def from_database(cls, db: Database) -> Gazetteer:
        places = [
            Place(g["pcode"], 1, g["en"], g["ar"], None, list(g.get("aliases", [])))
            for g in vocab.governorates()
        ]
        seen = {p.pcode for p in places}
        for row in db.query("SELECT * FROM places ORDER BY pcode"):
            if row["pcode"] in seen:
                continue
            places.append(Place(row["pcode"], row["level"], row["name_en"], row["name_ar"],
                                row["parent_pcode"], json.loads(row["aliases"] or "[]")))
        return cls(places)

    def contains(self, pcode: str) -> bool:
        return pcode in self._by_code

    def get(self, pcode: str) -> Place | None:
        return self._by_code.get(pcode)

    def children(self, parent: str | None, level: int | None = None) -> list[Place]:
        """Places directly under `parent` (the governorates for None)."""
        if parent is None:
            return [p for p in self._by_code.values() if p.level == 1]
        return [p for p in self._by_code.values() if p.parent_pcode == parent and (level is None or p.level == level)]

    def label(self, pcode: str | None, language: str = "en") -> str:
        place = self._by_code.get(pcode or "")
        return place.label(language) if place else (pcode or "")


def read_gazetteer_file(path: Path) -> list[Place]:
    """Read and check a gazetteer CSV. Raises :class:`GazetteerError` naming the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GazetteerError(f"There is no file {path}.") from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path} is not UTF-8 text (byte {exc.start}).") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(f"{path}: the header lacks the column(s) {', '.join(missing)}.")
    places: list[Place] = []
    codes: set[str] = set()
    for line, row in enumerate(reader, start=2):
        pcode = (row["pcode"] or "").strip()
        level_text = (row["level"] or "").strip()
        if level_text not in ("1", "2", "3"):
            raise GazetteerError(f"{path}, line {line}: level '{level_text}' is not 1, 2 or 3.")
        level = int(level_text)
        if not PCODE_RE.match(pcode) or len(pcode) != 2 + 2 * level:
            raise GazetteerError(f"{path}, line {line}: '{pcode}' is not a level-{level} p-code.")
        parent = (row["parent_pcode"] or "").strip() or None
        if level > 1 and (parent is None or not pcode.startswith(parent) or len(parent) != len(pcode) - 2):
            raise GazetteerError(f"{path}, line {line}: {pcode} does not lie inside its parent '{parent or ''}'.")
        if pcode in codes:
            raise GazetteerError(f"{path}, line {line}: {pcode} appears twice.")
        if not (row["name_en"] or "").strip() and not (row["name_ar"] or "").strip():
            raise GazetteerError(f"{path}, line {line}: {pcode} has no name.")
        codes.add(pcode)
        places.append(Place(pcode, level, row["name_en"].strip(), row["name_ar"].strip(), parent))
    for place in places:
        if place.parent_pcode and place.parent_pcode not in codes and place.level > 2:
            raise GazetteerError(f"{path}: the parent {place.parent_pcode} of {place.pcode} is not in the file.")
    if not places:
        raise GazetteerError(f"{path} holds no places.")
    _add_aliases(path.parent, places)
    return places


def _add_aliases(folder: Path, places: list[Place]) -> None:
    by_code = {p.pcode: p for p in places}
    for name in ("governorates.json", "districts.json", "subdistricts.json"):
        file = folder / name
        if not file.exists():
            continue
        try:
            entries = json.loads(file.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue  # aliases are a convenience; the CSV is the gazetteer
        for entry in entries if isinstance(entries, list) else []:
            code = (entry.get("externalIds") or {}).get("ochaPcode")
            place = by_code.get(code or "")
            if place is None:
                continue
            for alias in entry.get("aliases", []):
                value = alias.get("value") if isinstance(alias, dict) else None
                if value and value not in place.aliases:
                    place.aliases.append(value)


def import_gazetteer(
    db: Database, path: str | Path, user: str, progress: Callable[[int, int], None] | None = None
) -> tuple[int, Changes]:
    """Load a gazetteer file into the database, replacing any loaded before.

    The whole file is checked first; on any error nothing is written.
    Returns the number of places loaded.
    """
    places = read_gazetteer_file(Path(path))
    rows = [
        {"pcode": p.pcode, "level": p.level, "parent_pcode": p.parent_pcode, "name_en": p.name_en,
         "name_ar": p.name_ar, "aliases": json.dumps(p.aliases, ensure_ascii=False)}
        for p in places
    ]
    with db.atomic():
        db.execute("DELETE FROM places")
        db["places"].insert_all(rows, batch_size=500)
        audit.append(db, user=user, action="gazetteer_import", record_type="gazetteer", record_uuid=None,
                     before=None, after={"file": Path(path).name, "places": len(rows)}, at=utc_now())
    if progress:
        progress(len(rows), len(rows))
    return len(rows), Changes(gazetteer=True)
