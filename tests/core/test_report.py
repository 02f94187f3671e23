from __future__ import annotations

import pytest

from core import vocab
from core.report import arabic_count, english_count, report_sentence
from core.tallies import Counts, Group, Tally


def _tally(groups: dict[str, tuple[int, int, int]], by: str = "perpetrator", civilian: str = "civilian") -> Tally:
    t = Tally(date_from="2016-01-01", date_to="2016-01-31", status="approved", by=by, civilian=civilian)
    for key, (children, women, men) in groups.items():
        g = Group(key=key, label=key)
        for category, n in (("children", children), ("women", women), ("men", men)):
            g.add(category, n)
            t.total.add(category, n)
        t.groups.append(g)
    t.groups.sort(key=lambda g: -g.killed)
    return t


JANUARY = {"russia": (94, 73, 512), "regime": (83, 69, 364), "isis": (1, 21, 76)}


def test_english_sentence():
    text = report_sentence(_tally(JANUARY), "en")
    assert text == ("1,293 civilians killed, including 178 children and 163 women; 679 by Russian forces, "
                    "516 by Syrian regime forces and 98 by ISIS.")


def test_arabic_sentence():
    text = report_sentence(_tally(JANUARY), "ar")
    assert text == ("مقتل 1,293 مدنياً، بينهم 178 طفلاً و163 سيدة؛ 679 على يد القوات الروسية، "
                    "و516 على يد قوات النظام السوري، و98 على يد تنظيم داعش.")


def test_singular_and_dual():
    assert report_sentence(_tally({"russia": (1, 0, 0)}), "en") == \
        "1 civilian killed, including 1 child; 1 by Russian forces."
    assert report_sentence(_tally({"russia": (2, 1, 0)}), "ar") == \
        "مقتل 3 مدنيين، بينهم طفلان وسيدة واحدة؛ 3 على يد القوات الروسية."
    assert report_sentence(_tally({"russia": (0, 0, 2)}), "ar").startswith("مقتل مدنيَّين؛")


def test_nobody_killed_and_other_groupings():
    assert report_sentence(_tally({}), "en") == "No civilians killed."
    assert report_sentence(_tally({}, civilian="all"), "ar") == "لم يُسجَّل مقتل أي شخص."
    by_place = _tally({"SY09": (0, 0, 226), "SY02": (0, 0, 212)}, by="governorate", civilian="all")
    assert report_sentence(by_place, "en") == f"438 people killed; 226 in {vocab.label('governorate', 'SY09', 'en')} and 212 in Aleppo."
    assert report_sentence(by_place, "ar") == "مقتل 438 شخصاً؛ 226 في دير الزور، و212 في حلب."


@pytest.mark.parametrize(("n", "expected"), [
    (1, "طفل واحد"), (2, "طفلين"), (3, "3 أطفال"), (10, "10 أطفال"), (11, "11 طفلاً"),
    (99, "99 طفلاً"), (100, "100 طفل"), (101, "101 طفل"), (103, "103 أطفال"), (110, "110 أطفال"),
    (111, "111 طفلاً"), (199, "199 طفلاً"), (1000, "1,000 طفل"), (1382, "1,382 طفلاً"), (2000, "2,000 طفل"),
])
def test_arabic_number_agreement(n, expected):
    assert arabic_count(n, "child") == expected


@pytest.mark.parametrize(("n", "noun", "expected"), [
    (1, "woman", "سيدة واحدة"), (2, "woman", "سيدتين"), (5, "woman", "5 سيدات"), (184, "woman", "184 سيدة"),
    (1, "civilian", "مدني واحد"), (7, "civilian", "7 مدنيين"), (1382, "civilian", "1,382 مدنياً"),
])
def test_arabic_nouns(n, noun, expected):
    assert arabic_count(n, noun) == expected


def test_english_counts():
    assert english_count(1, "woman") == "1 woman"
    assert english_count(1382, "civilian") == "1,382 civilians"
    assert english_count(0, "child") == "0 children"
    assert Counts().killed == 0


def test_months():
    from core.report import month_label, month_range, months_between

    assert month_label("2016-01", "en") == "January 2016"
    assert month_label("2016-01", "ar") == "كانون الثاني 2016"
    assert month_range("2016-02") == ("2016-02-01", "2016-02-29")
    assert months_between("2015-11-20", "2016-02-01", []) == ["2015-11", "2015-12", "2016-01", "2016-02"]
    assert months_between(None, None, ["2016-03", "2016-01"]) == ["2016-01", "2016-02", "2016-03"]
    assert months_between(None, None, []) == []


def test_table_rows_and_csv():
    import io

    from core.report import table_header, table_rows, write_table_csv

    t = _tally({"russia": (1, 2, 3), "regime": (0, 1, 0)})
    assert table_header("perpetrator", "en") == ["Perpetrator", "Killed", "Children", "Women", "Men", "Unknown"]
    rows = table_rows(t, "ar")
    assert rows[0] == [vocab.label("perpetrator", "russia", "ar"), 6, 1, 2, 3, 0]
    assert rows[-1] == ["المجموع", 7, 1, 3, 3, 0]
    out = io.StringIO()
    write_table_csv(t, out, "en")
    assert out.getvalue().splitlines()[-1] == "Total,7,1,3,3,0"
