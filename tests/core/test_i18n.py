"""Every message core can show has an Arabic translation with the same placeholders."""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from core import i18n, vocab
from core.models import Incident, Victim, problems_from_error

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "core"
# Functions whose argument at this position is a message template for core.i18n.tr().
TEMPLATE_ARGUMENT = {"tr": 0, "_error": 1}
ARABIC = re.compile(r"[\u0600-\u06FF]")


def templates() -> Iterator[tuple[str, str]]:
    """(template, where) for every literal template passed to tr() in core/."""
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            position = TEMPLATE_ARGUMENT.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield arg.value, f"{path.relative_to(ROOT)}:{node.lineno}"


@pytest.fixture
def arabic() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("ar")
    yield
    i18n.set_language(before)


def test_the_extractor_finds_the_templates_of_core() -> None:
    found = dict(templates())
    assert "This is required." in found
    assert any("{value}" in t for t in found)


def test_every_core_template_has_an_arabic_translation() -> None:
    catalogue = i18n.catalogue()
    missing = [f"{where}: {template!r}" for template, where in templates() if template not in catalogue]
    assert missing == []


def test_translations_keep_the_placeholders_and_are_arabic() -> None:
    wrong = []
    for english, arabic in i18n.catalogue().items():
        if i18n.placeholders(english) != i18n.placeholders(arabic):
            wrong.append(f"{english!r}: placeholders {sorted(i18n.placeholders(arabic))}")
        if not ARABIC.search(arabic):
            wrong.append(f"{english!r}: not Arabic")
    assert wrong == []


def test_validation_messages_come_in_arabic(arabic: None) -> None:
    with pytest.raises(ValidationError) as info:
        Victim(incident_uuid=Incident(date="2020-01-01", governorate="SY07", incident_type="airstrike",
                                      perpetrator="russia").incident_uuid, age=150)
    (problem,) = problems_from_error(info.value)
    assert problem.field == "age"
    assert ARABIC.search(problem.message)
    # The value keeps its own direction inside the Arabic sentence.
    assert f"{i18n.FSI}150{i18n.PDI}" in problem.message


def test_pydantic_fills_in_the_isolated_placeholders(arabic: None) -> None:
    with pytest.raises(ValidationError) as info:
        Incident(date="2020-02-30", governorate="SY07", incident_type="airstrike", perpetrator="russia")
    (problem,) = problems_from_error(info.value)
    assert "{" not in problem.message
    assert f"{i18n.FSI}2020-02-30{i18n.PDI}" in problem.message


def test_english_messages_are_unchanged() -> None:
    assert i18n.language() == "en"
    assert i18n.tr("The date {value} is in the future.", value="2999-01-01") == "The date 2999-01-01 is in the future."


def test_isolate_wraps_in_first_strong_isolates() -> None:
    assert i18n.isolate("Ahmad") == "\u2068Ahmad\u2069"


def test_every_vocabulary_label_has_arabic(arabic: None) -> None:
    for name in vocab.vocabularies():
        for code in vocab.codes(name):
            label = vocab.label(name, code)
            assert ARABIC.search(label), f"{name}.{code}: {label!r}"
    for gov in vocab.governorates():
        assert ARABIC.search(vocab.label("governorate", gov["pcode"]))


def test_arabic_labels_differ_within_a_vocabulary() -> None:
    # Two codes with one Arabic label could not be told apart in a list.
    for name in vocab.vocabularies():
        labels = [vocab.label(name, code, "ar") for code in vocab.codes(name)]
        assert len(set(labels)) == len(labels), name


def test_set_language_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_dates_in_messages_keep_latin_digits(arabic: None) -> None:
    message = i18n.tr("The date {value} is in the future.", value=date(2999, 1, 1).isoformat())
    assert "2999-01-01" in message


def test_duplicate_reasons_follow_the_current_language(db) -> None:
    from core.dedupe.scan import candidate_pairs, scan_and_store
    from core.storage.records import save_incident

    incident = Incident(date="2016-01-05", governorate="SY07", incident_type="airstrike", perpetrator="russia")
    twins = [Victim(incident_uuid=incident.incident_uuid, given_name="أحمد", father_name="محمد",
                    family_name="الخطيب", sex="male", age=30) for _ in range(2)]
    save_incident(db, incident, twins, "amal")
    scan_and_store(db)  # in English
    i18n.set_language("ar")
    try:
        (pair,) = candidate_pairs(db)
        assert pair.reasons and all(ARABIC.search(reason) for reason in pair.reasons)
    finally:
        i18n.set_language("en")
