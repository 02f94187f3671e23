"""Messages core writes for people come in the interface's language, and numbers are
written one way in both: Latin digits with a comma between thousands (1,382), as the
tables write them."""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from core import i18n
from core.i18n import number
from core.models import Problem
from core.report import arabic_count, report_sentence
from core.tallies import Counts, Group, Tally
from seeds.demo import load_demo

ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def arabic() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("ar")
    yield
    i18n.set_language(before)


def test_number_writes_thousands_with_a_comma() -> None:
    assert [number(n) for n in (0, 7, 999, 1000, 1382, 2_842_000)] == ["0", "7", "999", "1,000", "1,382", "2,842,000"]


def test_a_problem_names_its_victim_in_english() -> None:
    assert str(Problem("age", "Too old.", victim_index=2)) == "victim 3, age: Too old."
    assert str(Problem("", "Two victims are the same.", victim_index=0)) == "victim 1, Two victims are the same."
    assert str(Problem("date", "Required.")) == "date: Required."


def test_a_problem_names_its_victim_in_arabic(arabic: None) -> None:
    text = str(Problem("age", "العمر أكبر من المعقول.", victim_index=1200))
    assert "victim" not in text and text.startswith("الضحية")
    assert number(1201) in text


def test_the_arabic_report_sentence_separates_thousands() -> None:
    assert arabic_count(1382, "civilian") == "1,382 مدنياً"
    groups = [Group(key="russia", killed=1200, men=1200), Group(key="regime", killed=182, men=182)]
    tally = Tally(None, None, "approved", "perpetrator", "civilian", Counts(killed=1382, children=1104, men=278),
                  groups)
    arabic_text, english_text = report_sentence(tally, "ar"), report_sentence(tally, "en")
    assert "1,382" in arabic_text and "1,200" in arabic_text and "1,104" in arabic_text
    assert not re.search(r"\d{4}", arabic_text)
    assert "1,382" in english_text and "1,200" in english_text


def test_the_demonstration_summary_is_arabic_with_separated_thousands(db, arabic: None) -> None:
    summary = load_demo(db, "amal")
    assert ARABIC.search(summary) and "Loaded" not in summary
    victims = db.execute("SELECT COUNT(*) FROM victims").fetchone()[0]
    assert victims >= 1000  # so that the separator shows
    assert number(victims) in summary and not re.search(r"\d{4}", summary)
