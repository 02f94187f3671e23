"""What the tallies panel shows: the report sentence, the tables, and the tallies behind
them.

The report sentence is a tally written the way monthly human-rights reports write it:

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

import calendar
import csv
from dataclasses import dataclass
from typing import Any, TextIO

from sqlite_utils import Database

from core import i18n, vocab
from core.i18n import number
from core.tallies import CATEGORIES, Tally, tally


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
    """A number with its counted noun in Arabic, e.g. 1,382 مدنياً، 3 أطفال، طفلان.

    `case` matters only for two: "nom" (بينهم طفلان) or "gen" (مقتل طفلين)."""
    forms = AR_NOUNS[noun]
    if n == 1:
        return f"{forms.one} {forms.one_word}"
    if n == 2:
        return forms.two_nom if case == "nom" else forms.two_gen
    last_two = n % 100
    if 3 <= last_two <= 10:
        return f"{number(n)} {forms.plural}"
    if 11 <= last_two <= 99:
        return f"{number(n)} {forms.accusative}"
    return f"{number(n)} {forms.one}"  # 0 (after a hundred), 1 or 2 above a hundred: 100 مدني، 101 مدني


def english_count(n: int, noun: str) -> str:
    singular, plural = EN_NOUNS[noun]
    return f"{number(n)} {singular if n == 1 else plural}"


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
            parts.append(f"{number(n)} by {EN_BY.get(key) or vocab.label('perpetrator', key, 'en')}")
        elif tally.by == "governorate":
            parts.append(f"{number(n)} in {vocab.label('governorate', key, 'en')}")
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
            parts.append(f"{number(n)} على يد {vocab.label('perpetrator', key, 'ar')}")
        elif tally.by == "governorate":
            parts.append(f"{number(n)} في {vocab.label('governorate', key, 'ar')}")
    if parts:
        text += "؛ " + "، و".join(parts)
    return text + "."


# The tallies panel: every table and chart of one filter, read in one go.

@dataclass
class TallyPanel:
    by_perpetrator: Tally
    by_governorate: Tally
    by_month: Tally
    trend: Tally  # killed per month over the twelve months up to the end of the period

    @property
    def pending(self) -> int:
        return self.by_perpetrator.pending


def _month_start_twelve_before(day: str) -> str:
    year, month = int(day[:4]), int(day[5:7])
    month -= 11
    while month < 1:
        month += 12
        year -= 1
    return f"{year:04d}-{month:02d}-01"


def panel_tallies(
    db: Database, *, date_from: str | None = None, date_to: str | None = None,
    status: str = "approved", civilian: str = "civilian",
) -> TallyPanel:
    """The tallies by perpetrator (with the count still pending review), governorate and
    month for one filter, and the monthly trend around it."""
    common = {"date_from": date_from, "date_to": date_to, "status": status, "civilian": civilian}
    trend_from = _month_start_twelve_before(date_to) if date_to else date_from
    by_month = tally(db, by="month", **common)
    return TallyPanel(
        by_perpetrator=tally(db, by="perpetrator", with_pending=True, **common),
        by_governorate=tally(db, by="governorate", **common),
        by_month=by_month,
        # Over all dates (no end) the trend is the monthly table itself: not read twice.
        trend=by_month if trend_from == date_from and date_to is None else
        tally(db, by="month", date_from=trend_from, date_to=date_to, status=status, civilian=civilian),
    )


def months_with_deaths(db: Database) -> list[tuple[str, int]]:
    """Every month in which someone was recorded killed (any review status), with the
    number of approved civilian deaths, oldest first."""
    recorded = {g.key for g in tally(db, by="month", status="all", civilian="all").groups}
    approved = {g.key: g.killed for g in tally(db, by="month").groups}
    return [(month, approved.get(month, 0)) for month in sorted(recorded)]


TABLE_COLUMNS = ("killed", *CATEGORIES)


def table_header(by: str, language: str | None = None) -> list[str]:
    lang = language or i18n.language()
    first = {"perpetrator": ("Perpetrator", "الجهة"), "governorate": ("Governorate", "المحافظة"),
             "month": ("Month", "الشهر"), "incident_type": ("Means", "الوسيلة")}[by]
    names = {"killed": ("Killed", "الضحايا"), "children": ("Children", "الأطفال"), "women": ("Women", "السيدات"),
             "men": ("Men", "الرجال"), "unknown": ("Unknown", "غير معروف")}
    pick = 1 if lang == "ar" else 0
    return [first[pick], *(names[c][pick] for c in TABLE_COLUMNS)]


def table_rows(t: Tally, language: str | None = None) -> list[list[Any]]:
    """The tally as a table: one row per group (its label in the language), then the total."""
    lang = language or i18n.language()
    rows: list[list[Any]] = []
    for g in t.groups:
        label = month_label(g.key, lang) if t.by == "month" else group_label(t.by, g.key, lang)
        rows.append([label, *(getattr(g, c) for c in TABLE_COLUMNS)])
    rows.append(["المجموع" if lang == "ar" else "Total", *(getattr(t.total, c) for c in TABLE_COLUMNS)])
    return rows


def write_table_csv(t: Tally, stream: TextIO, language: str | None = None) -> None:
    """The table as CSV, for spreadsheets (open the file with a byte-order mark, encoding
    `utf-8-sig`, so that they show Arabic)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(table_header(t.by, language))
    for row in table_rows(t, language):
        writer.writerow(row)


def group_label(by: str, key: str, language: str) -> str:
    vocabulary = "governorate" if by == "governorate" else by
    return vocab.label(vocabulary, key, language)


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
# The month names of Syrian usage, as Syrian human-rights reports write them.
MONTHS_AR = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول")


def month_label(month: str, language: str | None = None) -> str:
    """`2016-01` as "January 2016" or "كانون الثاني 2016"."""
    lang = language or i18n.language()
    year, number = month[:4], int(month[5:7])
    names = MONTHS_AR if lang == "ar" else MONTHS_EN
    return f"{names[number - 1]} {year}"


def month_range(month: str) -> tuple[str, str]:
    """The first and last day of a `YYYY-MM` month."""
    year, number = int(month[:4]), int(month[5:7])
    last = calendar.monthrange(year, number)[1]
    return f"{month}-01", f"{month}-{last:02d}"


def months_between(first_day: str | None, last_day: str | None, present: list[str]) -> list[str]:
    """Every `YYYY-MM` from the month of `first_day` to that of `last_day` (where either is
    None, from the first or to the last month `present`), months without deaths included."""
    start = (first_day or min(present, default=""))[:7]
    end = (last_day or max(present, default=""))[:7]
    if not start or not end:
        return []
    months = []
    year, month = int(start[:4]), int(start[5:7])
    while f"{year:04d}-{month:02d}" <= end:
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months
