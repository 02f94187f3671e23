"""Exchange packages: export for central merging, import without duplicates or loss.

The format is `docs/exchange-format.md` (version 1).
"""
from __future__ import annotations

from core.exchange.conflicts import (
    Conflict,
    ConflictEntry,
    conflict_entries,
    count_conflicts,
    list_conflicts,
    resolve_conflict,
)
from core.exchange.export import ExportResult, export_package
from core.exchange.import_ import ImportReport, PackageRefused, import_package
from core.exchange.spreadsheet import export_spreadsheet
from core.exchange.validate import PackageError

__all__ = [
    "Conflict", "ConflictEntry", "ExportResult", "ImportReport", "PackageError", "PackageRefused", "export_package",
    "export_spreadsheet", "conflict_entries", "count_conflicts", "import_package", "list_conflicts", "resolve_conflict",
]
