"""Towns, villages and city neighbourhoods per governorate, as documenters write them.

District and sub-district p-codes are those of the OCHA administrative gazetteer (a test
checks them against it); coordinates are approximate, to two decimals.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Place:
    governorate: str
    locality: str  # as written in Arabic
    locality_en: str
    district: str | None
    subdistrict: str | None
    latitude: float | None
    longitude: float | None


_P = Place

PLACES: tuple[Place, ...] = (
    # Damascus
    _P("SY01", "دمشق - جوبر", "Jobar, Damascus", "SY0100", "SY010000", 33.53, 36.33),
    _P("SY01", "دمشق - مخيم اليرموك", "Yarmouk camp, Damascus", "SY0100", "SY010000", 33.47, 36.30),
    _P("SY01", "دمشق - برزة", "Barzeh, Damascus", "SY0100", "SY010000", 33.55, 36.31),
    _P("SY01", "دمشق - القابون", "Qaboun, Damascus", "SY0100", "SY010000", 33.54, 36.33),
    _P("SY01", "دمشق - باب توما", "Bab Touma, Damascus", "SY0100", "SY010000", 33.51, 36.32),
    _P("SY01", "دمشق - المزة", "Mazzeh, Damascus", "SY0100", "SY010000", 33.50, 36.25),
    # Aleppo
    _P("SY02", "حلب - الشعار", "al-Shaar, Aleppo", "SY0200", "SY020000", 36.21, 37.18),
    _P("SY02", "حلب - الصاخور", "al-Sakhour, Aleppo", "SY0200", "SY020000", 36.22, 37.19),
    _P("SY02", "حلب - بستان القصر", "Bustan al-Qasr, Aleppo", "SY0200", "SY020000", 36.19, 37.14),
    _P("SY02", "حلب - الفردوس", "al-Firdous, Aleppo", "SY0200", "SY020000", 36.18, 37.15),
    _P("SY02", "حلب - المشهد", "al-Mashhad, Aleppo", "SY0200", "SY020000", 36.18, 37.16),
    _P("SY02", "حلب - الحمدانية", "al-Hamdaniyah, Aleppo", "SY0200", "SY020000", 36.18, 37.11),
    _P("SY02", "حلب - الميدان", "al-Midan, Aleppo", "SY0200", "SY020000", 36.22, 37.16),
    _P("SY02", "حريتان", "Haritan", "SY0200", "SY020003", 36.26, 37.09),
    _P("SY02", "عندان", "Anadan", "SY0200", None, 36.29, 37.04),
    _P("SY02", "الأتارب", "al-Atarib", "SY0200", "SY020001", 36.14, 36.83),
    _P("SY02", "دارة عزة", "Daret Azza", "SY0200", "SY020004", 36.28, 36.85),
    _P("SY02", "تل رفعت", "Tal Rifaat", "SY0204", "SY020402", 36.47, 37.10),
    _P("SY02", "اعزاز", "Azaz", "SY0204", "SY020400", 36.59, 37.05),
    _P("SY02", "مارع", "Marea", "SY0204", "SY020403", 36.48, 37.20),
    _P("SY02", "الباب", "al-Bab", "SY0202", "SY020200", 36.37, 37.52),
    _P("SY02", "دير حافر", "Deir Hafer", "SY0202", "SY020202", 36.16, 37.71),
    _P("SY02", "منبج", "Manbij", "SY0205", "SY020500", 36.53, 37.95),
    # Rif Dimashq
    _P("SY03", "دوما", "Douma", "SY0302", "SY030200", 33.57, 36.40),
    _P("SY03", "حرستا", "Harasta", "SY0302", "SY030201", 33.56, 36.37),
    _P("SY03", "عربين", "Arbin", "SY0301", "SY030106", 33.54, 36.37),
    _P("SY03", "كفر بطنا", "Kafr Batna", "SY0301", "SY030105", 33.51, 36.38),
    _P("SY03", "مضايا", "Madaya", "SY0307", "SY030703", 33.69, 36.10),
    _P("SY03", "الزبداني", "al-Zabadani", "SY0307", "SY030700", 33.72, 36.10),
    _P("SY03", "داريا", "Darayya", "SY0309", "SY030900", 33.46, 36.24),
    _P("SY03", "ببيلا", "Babbila", "SY0301", "SY030102", 33.47, 36.33),
    # Homs
    _P("SY04", "حمص - حي الوعر", "al-Waer, Homs", "SY0401", "SY040100", 34.74, 36.66),
    _P("SY04", "تلبيسة", "Talbiseh", "SY0404", "SY040401", 34.84, 36.73),
    _P("SY04", "الرستن", "al-Rastan", "SY0404", "SY040400", 34.92, 36.73),
    _P("SY04", "كفرلاها", "Kafr Laha (al-Houla)", "SY0401", "SY040101", 34.88, 36.50),
    _P("SY04", "تدمر", "Palmyra", "SY0405", "SY040500", 34.56, 38.28),
    _P("SY04", "القريتين", "al-Qaryatayn", "SY0401", "SY040106", 34.23, 37.24),
    # Hama
    _P("SY05", "حماة", "Hama", "SY0501", "SY050100", 35.13, 36.75),
    _P("SY05", "كفر زيتا", "Kafr Zita", "SY0505", "SY050501", 35.37, 36.60),
    _P("SY05", "اللطامنة", "al-Latamneh", "SY0505", None, 35.32, 36.62),
    _P("SY05", "قلعة المضيق", "Qalaat al-Madiq", "SY0502", "SY050204", 35.41, 36.39),
    _P("SY05", "سلمية", "Salamiyah", "SY0503", "SY050300", 35.01, 37.05),
    _P("SY05", "صوران", "Souran", "SY0501", "SY050101", 35.29, 36.75),
    # Latakia
    _P("SY06", "سلمى", "Salma", "SY0603", None, 35.69, 36.05),
    _P("SY06", "كنسبا", "Kinsabba", "SY0603", "SY060303", 35.70, 36.13),
    _P("SY06", "ربيعة", "Rabia", "SY0600", "SY060002", 35.81, 35.99),
    _P("SY06", "اللاذقية", "Latakia", "SY0600", "SY060000", 35.52, 35.79),
    # Idlib
    _P("SY07", "إدلب", "Idlib", "SY0700", "SY070000", 35.93, 36.63),
    _P("SY07", "معرة النعمان", "Maarrat al-Numan", "SY0702", "SY070200", 35.65, 36.67),
    _P("SY07", "سراقب", "Saraqib", "SY0700", "SY070003", 35.86, 36.80),
    _P("SY07", "أريحا", "Ariha", "SY0705", "SY070500", 35.81, 36.61),
    _P("SY07", "بنش", "Binnish", "SY0700", "SY070002", 35.96, 36.71),
    _P("SY07", "سرمين", "Sarmin", "SY0700", "SY070006", 35.90, 36.72),
    _P("SY07", "خان شيخون", "Khan Shaykhun", "SY0702", "SY070201", 35.44, 36.65),
    _P("SY07", "كفر نبل", "Kafr Nabl", "SY0702", "SY070203", 35.61, 36.56),
    _P("SY07", "جسر الشغور", "Jisr al-Shughur", "SY0704", None, 35.81, 36.32),
    _P("SY07", "سلقين", "Salqin", "SY0703", "SY070302", 36.14, 36.45),
    _P("SY07", "معرتمصرين", "Maarrat Misrin", "SY0700", "SY070005", 36.01, 36.67),
    # Al-Hasakah
    _P("SY08", "الحسكة", "al-Hasakah", "SY0800", "SY080000", 36.50, 40.75),
    _P("SY08", "القامشلي", "Qamishli", "SY0802", "SY080200", 37.05, 41.22),
    _P("SY08", "تل تمر", "Tal Tamr", "SY0800", "SY080001", 36.65, 40.37),
    _P("SY08", "الشدادي", "al-Shaddadi", "SY0800", "SY080002", 36.06, 40.73),
    _P("SY08", "الهول", "al-Hol", "SY0800", "SY080006", 36.38, 41.15),
    # Deir ez-Zor
    _P("SY09", "دير الزور - حي الحميدية", "al-Hamidiyah, Deir ez-Zor", "SY0901", "SY090100", 35.34, 40.15),
    _P("SY09", "دير الزور - حي العرضي", "al-Ardi, Deir ez-Zor", "SY0901", "SY090100", 35.33, 40.14),
    _P("SY09", "البغيلية", "al-Baghaliyah", "SY0901", "SY090100", 35.36, 40.07),
    _P("SY09", "موحسن", "Muhasan", "SY0901", "SY090103", 35.27, 40.38),
    _P("SY09", "البصيرة", "al-Busayrah", "SY0901", "SY090102", 35.15, 40.43),
    _P("SY09", "خشام", "Khasham", "SY0901", "SY090105", 35.30, 40.30),
    _P("SY09", "الميادين", "al-Mayadin", "SY0903", "SY090300", 35.02, 40.45),
    _P("SY09", "العشارة", "al-Asharah", "SY0903", "SY090302", 34.92, 40.56),
    _P("SY09", "ذيبان", "Thiban", "SY0903", "SY090301", 35.01, 40.51),
    _P("SY09", "البوكمال", "al-Bukamal", "SY0902", "SY090200", 34.45, 40.92),
    _P("SY09", "هجين", "Hajin", "SY0902", "SY090201", 34.69, 40.83),
    _P("SY09", "الشعفة", "al-Shafah", "SY0902", "SY090203", 34.60, 40.87),
    # Tartus
    _P("SY10", "طرطوس", "Tartus", "SY1000", None, 34.89, 35.89),
    _P("SY10", "بانياس", "Baniyas", "SY1002", None, 35.18, 35.95),
    # Raqqa
    _P("SY11", "الرقة", "al-Raqqa", "SY1101", "SY110100", 35.95, 39.01),
    _P("SY11", "الطبقة", "al-Tabqa", "SY1103", "SY110300", 35.84, 38.55),
    _P("SY11", "معدان", "Maadan", "SY1101", "SY110103", 35.74, 39.66),
    _P("SY11", "الكرامة", "al-Karamah", "SY1101", "SY110102", 35.92, 39.30),
    _P("SY11", "تل أبيض", "Tal Abyad", "SY1102", "SY110200", 36.70, 38.95),
    # Daraa
    _P("SY12", "درعا البلد", "Daraa al-Balad", "SY1200", "SY120000", 32.61, 36.10),
    _P("SY12", "الشيخ مسكين", "al-Sheikh Maskin", "SY1203", "SY120304", 32.83, 36.16),
    _P("SY12", "نوى", "Nawa", "SY1203", "SY120303", 32.89, 36.04),
    _P("SY12", "جاسم", "Jasim", "SY1203", "SY120301", 32.99, 36.06),
    _P("SY12", "بصرى الشام", "Busra al-Sham", "SY1200", "SY120001", 32.52, 36.48),
    _P("SY12", "الحراك", "al-Hirak", "SY1203", "SY120302", 32.75, 36.30),
    # As-Suwayda
    _P("SY13", "السويداء", "al-Suwayda", "SY1300", "SY130000", 32.71, 36.57),
    _P("SY13", "شهبا", "Shahba", "SY1303", "SY130300", 32.85, 36.63),
    # Quneitra
    _P("SY14", "خان أرنبة", "Khan Arnabah", "SY1400", "SY140001", 33.18, 35.89),
    _P("SY14", "جباتا الخشب", "Jubata al-Khashab", "SY1400", None, 33.22, 35.85),
)


@cache
def places_in(governorate: str) -> tuple[Place, ...]:
    return tuple(p for p in PLACES if p.governorate == governorate)


def place_named(locality_en: str) -> Place:
    for place in PLACES:
        if place.locality_en == locality_en:
            return place
    raise KeyError(locality_en)
