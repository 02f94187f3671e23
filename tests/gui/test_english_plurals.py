"""In English, a count reads "1 pair" and "3 pairs", never "pair(s)": plural strings
(`self.tr("%n ...", "", n)`) get their English forms from tawthiq_en.ts / .qm."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from gui.i18n import TRANSLATIONS, apply_language

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "tawthiq_en.ts"
HOW_TO_FIX = ("run `make translations`, give the new plural strings their English singular and plural in "
              "resources/translations/tawthiq_en.ts, then `make translations` again to compile them")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    apply_language("en", qapp)
    yield


def _plurals(ts: Path) -> dict[tuple[str, str], list[str]]:
    return {(context.findtext("name"), message.findtext("source")):
            [f.text or "" for f in message.find("translation").findall("numerusform")]
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")
            if message.get("numerus") == "yes"}


def test_every_plural_string_of_the_windows_has_its_english_forms(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-pluralonly", "-locations", "none", "-silent"],
                   check=True, capture_output=True)
    wanted = set(_plurals(fresh))
    assert wanted, "the extractor found no plural string"
    english = _plurals(TS)
    missing = sorted(wanted - set(english))
    assert missing == [], f"plural strings without English forms ({HOW_TO_FIX}): {missing}"
    wrong = [f"{key}: {forms}" for key, forms in english.items()
             if len(forms) != 2 or not all("%n" in f and "(s)" not in f for f in forms)]
    assert wrong == [], f"an English plural needs a singular and a plural, each with %n: {wrong}"


def test_the_english_translation_is_compiled(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for (context, source), forms in _plurals(TS).items():
        assert translator.translate(context, source, "", 1) == forms[0], source
        assert translator.translate(context, source, "", 3) == forms[1], source


def test_counts_read_as_english(english: None) -> None:
    translate = QCoreApplication.translate
    assert translate("DuplicatesView", "%n pair(s) to review.", "", 1) == "1 pair to review."
    assert translate("DuplicatesView", "%n pair(s) to review.", "", 3) == "3 pairs to review."
    assert translate("ConflictsView", "%n field(s) differ.", "", 1) == "1 field differs."


def test_switching_to_arabic_and_back_keeps_english_plurals(qapp) -> None:
    apply_language("ar", qapp)
    try:
        assert "(s)" not in QCoreApplication.translate("DuplicatesView", "%n pair(s) to review.", "", 2)
    finally:
        apply_language("en", qapp)
    assert QCoreApplication.translate("DuplicatesView", "%n pair(s) to review.", "", 2) == "2 pairs to review."
