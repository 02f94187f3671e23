"""The "for spreadsheets" export: one row per victim with its incident's fields, coded
values written as labels in the user's language, and every cell that a spreadsheet
program would run as a formula neutralised.

This file is for people, not for machines: it is never read back, and it is not an
exchange package. An incident without victims still gets one row, so none is lost.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core import accounts, audit, vocab
from core.exchange.export import PROGRESS_EVERY, Selection, Status
from core.exchange.format import BOM, CSV_OPTIONS, cell
from core.gazetteer import Gazetteer
from core.i18n import language, tr
from core.jobs import JobState

# Cells beginning with these are formulas (or become one) in spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe before a formula start."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _columns() -> list[tuple[str, str, str]]:
    """(record, field, title) in the order of the file."""
    return [
        ("incident", "incident_uuid", tr("Incident ID")),
        ("incident", "date", tr("Date")),
        ("incident", "date_precision", tr("Date precision")),
        ("incident", "governorate", tr("Governorate")),
        ("incident", "district", tr("District")),
        ("incident", "subdistrict", tr("Sub-district")),
        ("incident", "locality", tr("Locality")),
        ("incident", "latitude", tr("Latitude")),
        ("incident", "longitude", tr("Longitude")),
        ("incident", "incident_type", tr("Type of attack")),
        ("incident", "perpetrator", tr("Perpetrator")),
        ("incident", "attribution", tr("Attribution")),
        ("incident", "facility", tr("Facility hit")),
        ("incident", "reported_killed", tr("Reported killed")),
        ("incident", "source_count", tr("Number of sources")),
        ("incident", "sources", tr("Sources")),
        ("incident", "summary", tr("Summary")),
        ("incident", "review_status", tr("Review status")),
        ("victim", "victim_uuid", tr("Victim ID")),
        ("victim", "given_name", tr("Given name")),
        ("victim", "father_name", tr("Father's name")),
        ("victim", "grandfather_name", tr("Grandfather's name")),
        ("victim", "family_name", tr("Family name")),
        ("victim", "mother_name", tr("Mother's name")),
        ("victim", "name_latin", tr("Name in Latin letters")),
        ("victim", "sex", tr("Sex")),
        ("victim", "age", tr("Age")),
        ("victim", "age_group", tr("Age group")),
        ("victim", "civilian", tr("Civilian or combatant")),
        ("victim", "occupation", tr("Occupation")),
        ("victim", "origin_governorate", tr("Governorate of origin")),
        ("victim", "origin_locality", tr("Place of origin")),
        ("victim", "outcome", tr("Outcome")),
        ("victim", "death_date", tr("Date of death")),
        ("victim", "notes", tr("Notes")),
    ]


VOCABULARY = {
    "date_precision": "date_precision", "governorate": "governorate", "incident_type": "incident_type",
    "perpetrator": "perpetrator", "attribution": "attribution", "facility": "facility",
    "review_status": "review_status", "sex": "sex", "age_group": "age_group", "civilian": "civilian",
    "origin_governorate": "governorate", "outcome": "outcome",
}


def _formatter(db: Database) -> Callable[[str, Any], str]:
    lang = language()
    gazetteer = Gazetteer.from_database(db)

    def fmt(field: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if field in VOCABULARY:
            return vocab.label(VOCABULARY[field], value, lang)
        if field in ("district", "subdistrict") and gazetteer.get(value) is not None:
            return gazetteer.label(value, lang)
        return cell(value)

    return fmt


def export_spreadsheet(
    db: Database,
    out: str | Path,
    status: Status = "approved",
    date_from: str | None = None,
    date_to: str | None = None,
    user: str = "",
    job: JobState | None = None,
) -> int:
    """Write the spreadsheet file (UTF-8 with BOM, CRLF) to `out`; returns its rows."""
    accounts.require(db, user, "edit")
    job = job or JobState()
    out = Path(out)
    part = out.with_name(out.name + ".part")
    columns = _columns()
    fmt = _formatter(db)
    selection = Selection(db, status, date_from, date_to)
    rows = 0
    try:
        with db.atomic():
            total = selection.count()[1]
            with open(part, "w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
                handle.write(BOM)
                writer = csv.writer(handle, **CSV_OPTIONS)
                writer.writerow([neutralise(title) for _, _, title in columns])
                for incident, victim in selection.pairs():
                    records = {"incident": incident, "victim": victim or {}}
                    writer.writerow([neutralise(fmt(field, records[kind].get(field))) for kind, field, _ in columns])
                    rows += 1
                    if rows % PROGRESS_EVERY == 0:
                        job.check()
                        job.progress(rows, total)
            audit.append(db, user=user, action="export", record_type="spreadsheet", record_uuid=None, before=None,
                         after={"file": out.name, "status": status, "date_from": date_from, "date_to": date_to,
                                "rows": rows})
        os.replace(part, out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return rows
