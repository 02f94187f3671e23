"""The reusable name lists and places."""
from __future__ import annotations

import csv
import random

from core import names as core_names
from seeds import names
from seeds.places import PLACES


def test_every_name_is_arabic_with_latin_spellings():
    lists = [*names.MALE_GIVEN, *names.FEMALE_GIVEN, *names.FAMILY,
             *(f for forms in names.REGIONAL_FAMILY.values() for f in forms)]
    for arabic, latin in lists:
        assert core_names.is_arabic(arabic), arabic
        assert latin and not any(core_names.is_arabic(form) for form in latin), arabic


def test_siblings_share_their_fathers_names():
    rng = random.Random(1)
    first = names.person(rng, "male", "SY09")
    second = names.sibling(rng, first, "female")
    assert (second.father_name, second.grandfather_name, second.family_name) == (
        first.father_name, first.grandfather_name, first.family_name)
    assert second.given_name != first.given_name


def test_a_child_takes_the_fathers_given_name_as_fathers_name():
    rng = random.Random(2)
    father = names.person(rng, "male")
    child = names.child_of(rng, father, "female")
    assert (child.father_name, child.grandfather_name, child.family_name) == (
        father.given_name, father.father_name, father.family_name)


def test_spelling_variants_are_other_spellings_of_the_same_name():
    assert names.without_hamza("أحمد إبراهيم") == "احمد ابراهيم"
    assert names.with_ha("فاطمة") == "فاطمه"
    assert names.joined("عبد الرحمن") == "عبدالرحمن"
    assert names.without_article("الخطيب") == "خطيب"
    rng = random.Random(3)
    assert names.spelling_variant(rng, "أسامة") != "أسامة"
    assert names.spelling_variant(rng, "علي") in ("علي", "على")


def test_transliteration_uses_the_listed_spellings():
    rng = random.Random(4)
    latin = names.transliterate(rng, names.Name("محمد", "أحمد", "", "الخطيب"))
    first, second, last = latin.split(" ", 2)
    assert first in names.latin_forms("محمد") and second in names.latin_forms("أحمد")
    assert last in names.latin_forms("الخطيب")


def test_place_pcodes_are_those_of_the_gazetteer(gazetteer_csv):
    with gazetteer_csv.open(encoding="utf-8-sig") as f:
        parent = {row["pcode"]: row["parent_pcode"] for row in csv.DictReader(f)}
    for place in PLACES:
        assert parent.get(place.district) == place.governorate, place
        if place.subdistrict:
            assert parent.get(place.subdistrict) == place.district, place
