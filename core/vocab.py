"""Controlled vocabularies: stable codes with English and Arabic labels.

The codes are those of the exchange format; the labels live in `resources/vocab.json`.
"""
from __future__ import annotations

import json
from functools import cache
from typing import Literal

from core import i18n
from core.paths import RESOURCES

Perpetrator = Literal[
    "regime", "russia", "isis", "nusra", "armed_opposition", "kurdish", "coalition",
    "unidentified", "other",
]
IncidentType = Literal[
    "airstrike", "barrel_bomb", "missile", "shelling", "gunfire", "explosion", "landmine",
    "execution", "torture", "siege", "other",
]
Facility = Literal[
    "hospital", "medical_point", "school", "market", "mosque", "bakery", "residential",
    "camp", "civil_defence", "infrastructure", "other",
]
Attribution = Literal["confirmed", "believed", "unknown"]
Sex = Literal["male", "female", "unknown"]
AgeGroup = Literal["child", "adult", "unknown"]
Civilian = Literal["civilian", "combatant", "unknown"]
Outcome = Literal["killed", "injured"]
ReviewStatus = Literal["draft", "submitted", "approved", "returned", "rejected"]
DatePrecision = Literal["day", "month", "year"]
Role = Literal["documenter", "reviewer", "admin"]

GOVERNORATE_CODES = tuple(f"SY{n:02d}" for n in range(1, 15))


@cache
def _vocab() -> dict[str, list[dict[str, str]]]:
    return json.loads((RESOURCES / "vocab.json").read_text(encoding="utf-8"))


@cache
def _governorates() -> list[dict]:
    return json.loads((RESOURCES / "governorates.json").read_text(encoding="utf-8"))["governorates"]


def vocabularies() -> list[str]:
    return list(_vocab())


def codes(vocabulary: str) -> list[str]:
    """The codes of one vocabulary, in display order."""
    return [entry["code"] for entry in _vocab()[vocabulary]]


def label(vocabulary: str, code: str | None, language: str | None = None) -> str:
    """The label of a code in the given (default: current) language; the code if unknown."""
    if code is None or code == "":
        return ""
    lang = language or i18n.language()
    if vocabulary == "governorate":
        for gov in _governorates():
            if gov["pcode"] == code:
                return gov[lang]
        return code
    for entry in _vocab().get(vocabulary, []):
        if entry["code"] == code:
            return entry.get(lang) or entry["en"]
    return code


def governorates() -> list[dict]:
    """The 14 governorates shipped with the application: pcode, en, ar, aliases, centroid."""
    return list(_governorates())
