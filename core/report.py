"""The report sentence: a tally written the way monthly human-rights reports write it.

    1,382 civilians killed, including 199 children and 184 women; 679 by Russian forces,
    516 by Syrian regime forces, ... and 3 by Kurdish forces / SDF.

    مقتل 1382 مدنياً، بينهم 199 طفلاً و184 سيدة؛ 679 على يد القوات الروسية، و516 على يد
    قوات النظام السوري، ... و3 على يد القوات الكردية / قسد.

Arabic counted nouns agree with the number as Arabic grammar wants it: one and two take
the singular and the dual with no figure; 3 to 10 the plural; 11 to 99 the singular
accusative (مدنياً، طفلاً); a whole hundred or thousand the singular (100 مدني); above
100 the last two digits decide (103 مدنيين، 111 مدنياً، 101 مدني).
"""
from __future__ import annotations

from dataclasses import dataclass

from core import i18n, vocab
from core.tallies import Tally


@dataclass(frozen=True)
class ArabicNoun:
    """The forms an Arabic counted noun takes."""

    one: str  # singular, genitive/nominative (after مقتل: مقتل مدني واحد)
    two_nom: str  # dual, nominative (بينهم طفلان)
    two_gen: str  # dual, genitive (مقتل مدنيَّين)
    plural: str  # after 3-10 (3 أطفال)
    accusative: str  # after 11-99 (11 طفلاً)
    one_word: str  # the word for "one" agreeing in gender (واحد / واحدة)


AR_NOUNS: dict[str, ArabicNoun] = {
    "civilian": ArabicNoun("مدني", "مدنيان", "مدنيَّين", "مدنيين", "مدنياً", "واحد"),
    "combatant": ArabicNoun("مقاتل", "مقاتلان", "مقاتلَين", "مقاتلين", "مقاتلاً", "واحد"),
    "person": ArabicNoun("شخص", "شخصان", "شخصين", "أشخاص", "شخصاً", "واحد"),
    "child": ArabicNoun("طفل", "طفلان", "طفلين", "أطفال", "طفلاً", "واحد"),
    "woman": ArabicNoun("سيدة", "سيدتان", "سيدتين", "سيدات", "سيدة", "واحدة"),
}

EN_NOUNS: dict[str, tuple[str, str]] = {
    "civilian": ("civilian", "civilians"),
    "combatant": ("combatant", "combatants"),
    "person": ("person", "people"),
    "child": ("child", "children"),
    "woman": ("woman", "women"),
}

# How each party reads inside a sentence (the vocabulary labels are headings).
EN_BY: dict[str, str] = {
    "regime": "Syrian regime forces",
    "russia": "Russian forces",
    "isis": "ISIS",
    "nusra": "Hay'at Tahrir al-Sham (Jabhat al-Nusra)",
    "armed_opposition": "armed opposition factions",
    "kurdish": "Kurdish forces (SDF)",
    "coalition": "the international coalition",
    "unidentified": "unidentified parties",
    "other": "other parties",
}


def arabic_count(n: int, noun: str, case: str = "gen") -> str:
    """A number with its counted noun in Arabic, e.g. 1382 مدنياً، 3 أطفال، طفلان.

    `case` matters only for two: "nom" (بينهم طفلان) or "gen" (مقتل طفلين)."""
    forms = AR_NOUNS[noun]
    if n == 1:
        return f"{forms.one} {forms.one_word}"
    if n == 2:
        return forms.two_nom if case == "nom" else forms.two_gen
    last_two = n % 100
    if 3 <= last_two <= 10:
        return f"{n} {forms.plural}"
    if 11 <= last_two <= 99:
        return f"{n} {forms.accusative}"
    return f"{n} {forms.one}"  # 0 (after a hundred), 1 or 2 above a hundred: 100 مدني، 101 مدني


def english_count(n: int, noun: str) -> str:
    singular, plural = EN_NOUNS[noun]
    return f"{n:,} {singular if n == 1 else plural}"


def _subject(civilian: str) -> str:
    return {"civilian": "civilian", "combatant": "combatant"}.get(civilian, "person")


def _join_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _groups(tally: Tally) -> list[tuple[str, int]]:
    return [(g.key, g.killed) for g in tally.groups if g.killed]


def report_sentence(tally: Tally, language: str | None = None) -> str:
    """The sentence for a tally grouped by perpetrator or governorate (other groupings
    give the total only), in the given language (default: the current one)."""
    lang = language or i18n.language()
    return _arabic(tally) if lang == "ar" else _english(tally)


def _english(tally: Tally) -> str:
    subject = _subject(tally.civilian)
    total = tally.total
    if total.killed == 0:
        return f"No {EN_NOUNS[subject][1]} killed."
    text = f"{english_count(total.killed, subject)} killed"
    among = [english_count(n, noun) for n, noun in ((total.children, "child"), (total.women, "woman")) if n]
    if among:
        text += ", including " + " and ".join(among)
    parts = []
    for key, n in _groups(tally):
        if tally.by == "perpetrator":
            parts.append(f"{n:,} by {EN_BY.get(key) or vocab.label('perpetrator', key, 'en')}")
        elif tally.by == "governorate":
            parts.append(f"{n:,} in {vocab.label('governorate', key, 'en')}")
    if parts:
        text += "; " + _join_en(parts)
    return text + "."


def _arabic(tally: Tally) -> str:
    subject = _subject(tally.civilian)
    total = tally.total
    if total.killed == 0:
        return f"لم يُسجَّل مقتل أي {AR_NOUNS[subject].one}."
    text = f"مقتل {arabic_count(total.killed, subject, 'gen')}"
    among = [arabic_count(n, noun, "nom") for n, noun in ((total.children, "child"), (total.women, "woman")) if n]
    if among:
        text += "، بينهم " + " و".join(among)
    parts = []
    for key, n in _groups(tally):
        if tally.by == "perpetrator":
            parts.append(f"{n} على يد {vocab.label('perpetrator', key, 'ar')}")
        elif tally.by == "governorate":
            parts.append(f"{n} في {vocab.label('governorate', key, 'ar')}")
    if parts:
        text += "؛ " + "، و".join(parts)
    return text + "."
