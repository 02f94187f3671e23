"""Arabic and Latin name normalisation, and the keys names are matched by.

The raw text a documenter typed is never altered; these forms are stored beside it.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
})
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def normalize_arabic(text: str) -> str:
    """Fold the spelling variants of Arabic script: hamza and alef forms, ى/ي, ة/ه,
    diacritics, tatweel."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = text.translate(_ARABIC_MAP)
    return " ".join(text.split())


def normalize_latin(text: str) -> str:
    """Lower case, accents and hyphens folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("-", " ").replace("'", "").replace("`", "")
    return " ".join(text.split())


def normalize(text: str) -> str:
    """Normalise any name text, whatever its script."""
    if not text:
        return ""
    text = normalize_latin(normalize_arabic(text))
    return " ".join(_NON_WORD.sub(" ", text).split())


def search_text(victim: Any) -> str:
    """The text the full-text index holds for a victim: every name part, normalised."""
    parts = [
        getattr(victim, "given_name", ""), getattr(victim, "father_name", ""),
        getattr(victim, "grandfather_name", ""), getattr(victim, "family_name", ""),
        getattr(victim, "mother_name", ""), getattr(victim, "name_latin", ""),
    ]
    return " ".join(normalize(p) for p in parts if p)


def victim_keys(victim: Any) -> dict[str, str]:
    """The normalised name parts stored beside a victim for matching."""
    return {
        "key_given": normalize(getattr(victim, "given_name", "") or ""),
        "key_father": normalize(getattr(victim, "father_name", "") or ""),
        "key_grandfather": normalize(getattr(victim, "grandfather_name", "") or ""),
        "key_family": normalize(getattr(victim, "family_name", "") or ""),
        "key_latin": normalize(getattr(victim, "name_latin", "") or ""),
    }
