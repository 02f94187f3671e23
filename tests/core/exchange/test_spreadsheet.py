"""The spreadsheet export: labels in the user's language, formulas neutralised."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from core import i18n
from core.exchange import export_spreadsheet
from core.exchange.spreadsheet import neutralise
from core.storage.records import save_incident
from tests.core.exchange.helpers import populated
from tests.core.factories import incident, victim


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_plain_text_is_left_alone() -> None:
    assert neutralise("محمد = 1") == "محمد = 1"


def test_one_row_per_victim_with_labels_and_no_formulas(tmp_path: Path) -> None:
    db, rec = populated(tmp_path / "a.db")
    empty = incident(summary="@no victims named", date="2018-02-02")
    save_incident(db, empty, [], "alice")
    inc = incident(summary="-", date="2018-03-03")
    save_incident(db, inc, [victim(inc, notes="=cmd|' /C calc'!A0", given_name="+963", occupation="\tx")], "alice")
    rows = export_spreadsheet(db, tmp_path / "sheet.csv", status="all", user="alice")
    table = _rows(tmp_path / "sheet.csv")
    assert rows == len(table) == 3 + 1 + 1
    assert {r["Perpetrator"] for r in table} == {"Russian forces", "Syrian regime forces"}
    assert "Deir ez-Zor" in {r["Governorate"] for r in table}
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    named = next(r for r in table if r["Given name"] == "'+963")
    assert named["Notes"] == "'=cmd|' /C calc'!A0" and named["Summary"] == "'-"
    assert any(r["Summary"] == "'@no victims named" and r["Victim ID"] == "" for r in table)


def test_labels_and_titles_in_arabic(tmp_path: Path) -> None:
    db, _ = populated(tmp_path / "a.db")
    i18n.set_language("ar")
    try:
        export_spreadsheet(db, tmp_path / "sheet.csv", status="approved")
    finally:
        i18n.set_language("en")
    table = _rows(tmp_path / "sheet.csv")
    assert len(table) == 2
    perpetrator = next(k for k in table[0] if "الجهة" in k or "مرتكب" in k)
    assert table[0][perpetrator] == "القوات الروسية"
    assert {r[next(k for k in r if "الاسم الأول" in k)] for r in table} == {"محمد", "فاطمة"}
