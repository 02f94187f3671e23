"""Syrian names in Arabic script, with the Latin spellings sources commonly give them.

Used by the demonstration data, the national-scale benchmark generator and the test data
of duplicate detection. Every name is a pair: the Arabic form, and the Latin
transliterations met in lists of victims (the first is the most common).

A Syrian full name is written given name, father's given name, grandfather's given name,
family name ("محمد أحمد حسن الخطيب"); siblings share the last three parts. A married
woman keeps her own father's names and family name.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

NameForms = tuple[str, tuple[str, ...]]

MALE_GIVEN: tuple[NameForms, ...] = (
    ("محمد", ("Mohammad", "Muhammad", "Mohamed", "Mohammed")),
    ("أحمد", ("Ahmad", "Ahmed")),
    ("محمود", ("Mahmoud", "Mahmud")),
    ("مصطفى", ("Mustafa", "Moustafa")),
    ("عبد الرحمن", ("Abdulrahman", "Abd al-Rahman", "Abdel Rahman")),
    ("عبد الله", ("Abdullah", "Abdallah", "Abd Allah")),
    ("عبد الكريم", ("Abdulkarim", "Abd al-Karim")),
    ("عبد القادر", ("Abdulkader", "Abd al-Qadir")),
    ("عبد الباسط", ("Abdulbasit", "Abd al-Basit")),
    ("عمر", ("Omar", "Umar")),
    ("علي", ("Ali",)),
    ("حسن", ("Hasan", "Hassan")),
    ("حسين", ("Hussein", "Husayn", "Hussain")),
    ("خالد", ("Khaled", "Khalid")),
    ("إبراهيم", ("Ibrahim", "Ebrahim")),
    ("يوسف", ("Youssef", "Yusuf", "Yousef")),
    ("إسماعيل", ("Ismail", "Ismaeel")),
    ("أسامة", ("Osama", "Usama")),
    ("عمار", ("Ammar",)),
    ("ياسر", ("Yasser", "Yaser")),
    ("سامر", ("Samer",)),
    ("فراس", ("Firas", "Feras")),
    ("وائل", ("Wael", "Wa'il")),
    ("أنس", ("Anas",)),
    ("بلال", ("Bilal", "Belal")),
    ("حمزة", ("Hamza", "Hamzah")),
    ("طارق", ("Tarek", "Tariq")),
    ("زياد", ("Ziad", "Ziyad")),
    ("جمال", ("Jamal",)),
    ("فيصل", ("Faisal", "Faysal")),
    ("صالح", ("Saleh", "Salih")),
    ("سليمان", ("Suleiman", "Sulayman")),
    ("عيسى", ("Issa", "Isa")),
    ("موسى", ("Mousa", "Musa")),
    ("رياض", ("Riad", "Riyad")),
    ("ماهر", ("Maher",)),
    ("نزار", ("Nizar",)),
    ("هيثم", ("Haitham", "Haytham")),
    ("مازن", ("Mazen",)),
    ("عدنان", ("Adnan",)),
    ("غسان", ("Ghassan",)),
    ("جهاد", ("Jihad",)),
    ("قاسم", ("Qasem", "Kassem")),
    ("نور الدين", ("Nour al-Din", "Noureddine")),
    ("مهند", ("Mohannad", "Muhannad")),
    ("معاذ", ("Moaz", "Muadh")),
    ("حذيفة", ("Huthaifa", "Hudhayfa")),
    ("عبيدة", ("Obaida", "Ubayda")),
    ("شادي", ("Shadi",)),
    ("يحيى", ("Yahya",)),
    ("زكريا", ("Zakaria", "Zakariya")),
    ("عثمان", ("Othman", "Uthman")),
    ("فادي", ("Fadi",)),
    ("رامي", ("Rami",)),
    ("باسل", ("Basel", "Basil")),
    ("مروان", ("Marwan",)),
    ("صبحي", ("Subhi", "Sobhi")),
    ("نايف", ("Nayef", "Naif")),
    ("عواد", ("Awad", "Awwad")),
    ("جاسم", ("Jasem", "Jassim")),
    ("حمد", ("Hamad",)),
    ("خليل", ("Khalil",)),
    ("دحام", ("Dahham",)),
    ("عبد العزيز", ("Abdulaziz", "Abd al-Aziz")),
    ("محمد علي", ("Mohammad Ali", "Muhammad Ali")),
)

FEMALE_GIVEN: tuple[NameForms, ...] = (
    ("فاطمة", ("Fatima", "Fatma", "Fatemeh")),
    ("مريم", ("Maryam", "Mariam")),
    ("خديجة", ("Khadija", "Khadijah")),
    ("عائشة", ("Aisha", "Aysha", "Aicha")),
    ("زينب", ("Zainab", "Zeinab")),
    ("آمنة", ("Amina", "Amna")),
    ("هدى", ("Huda", "Hoda")),
    ("نور", ("Nour", "Noor")),
    ("رغد", ("Raghad",)),
    ("سارة", ("Sara", "Sarah")),
    ("ريم", ("Reem", "Rim")),
    ("رهف", ("Rahaf",)),
    ("جنى", ("Jana",)),
    ("شهد", ("Shahd",)),
    ("بتول", ("Batoul", "Batul")),
    ("سلمى", ("Salma",)),
    ("هبة", ("Hiba", "Heba")),
    ("رنا", ("Rana",)),
    ("سعاد", ("Suad", "Souad")),
    ("نجاح", ("Najah",)),
    ("وفاء", ("Wafaa", "Wafa")),
    ("أمل", ("Amal",)),
    ("حنان", ("Hanan",)),
    ("سميرة", ("Samira", "Samirah")),
    ("منى", ("Mona", "Muna")),
    ("ليلى", ("Layla", "Leila")),
    ("نادية", ("Nadia",)),
    ("رقية", ("Ruqayya", "Rukaya")),
    ("إسراء", ("Israa", "Esraa")),
    ("آية", ("Aya", "Ayah")),
    ("ياسمين", ("Yasmin", "Yasmine")),
    ("دعاء", ("Duaa", "Doaa")),
    ("صفاء", ("Safaa", "Safa")),
    ("غادة", ("Ghada",)),
    ("أسماء", ("Asmaa", "Asma")),
    ("ملك", ("Malak",)),
    ("تسنيم", ("Tasnim", "Tasneem")),
    ("حلا", ("Hala",)),
    ("خلود", ("Khouloud", "Khulud")),
    ("عفراء", ("Afraa", "Afra")),
)

FAMILY: tuple[NameForms, ...] = (
    ("الأحمد", ("al-Ahmad", "Al Ahmad", "Alahmad")),
    ("الحسين", ("al-Hussein", "Al Hussein", "Alhussein")),
    ("العلي", ("al-Ali", "Al Ali", "Alali")),
    ("الخطيب", ("al-Khatib", "Alkhateeb", "Al Khatib")),
    ("الشيخ", ("al-Sheikh", "Alsheikh", "el-Sheikh")),
    ("المحمد", ("al-Mohammad", "Almohammad")),
    ("الحمود", ("al-Hamoud", "Alhamoud")),
    ("الحسن", ("al-Hasan", "Alhasan", "Al Hassan")),
    ("العبد الله", ("al-Abdullah", "Alabdullah")),
    ("الإبراهيم", ("al-Ibrahim", "Alibrahim")),
    ("السيد", ("al-Sayed", "Alsayed", "el-Sayed")),
    ("النجار", ("al-Najjar", "Alnajjar")),
    ("الحداد", ("al-Haddad", "Alhaddad")),
    ("العمر", ("al-Omar", "Alomar")),
    ("الصالح", ("al-Saleh", "Alsaleh")),
    ("المصري", ("al-Masri", "Almasri")),
    ("الشامي", ("al-Shami", "Alshami")),
    ("قدور", ("Qaddour", "Kaddour")),
    ("دياب", ("Diab", "Dyab")),
    ("الأسعد", ("al-Asaad", "Alasaad")),
    ("اليوسف", ("al-Youssef", "Alyousef")),
    ("الدرويش", ("al-Darwish", "Aldarwish")),
    ("طه", ("Taha",)),
    ("شحادة", ("Shehadeh", "Shahadeh")),
    ("حمدان", ("Hamdan",)),
    ("الرفاعي", ("al-Rifai", "Alrifai")),
    ("الكردي", ("al-Kurdi", "Alkurdi")),
    ("البكري", ("al-Bakri", "Albakri")),
    ("حاج علي", ("Hajj Ali", "Haj Ali")),
    ("السلوم", ("al-Saloum", "Alsaloum")),
    ("القاسم", ("al-Qasem", "Alkassem")),
    ("المحمود", ("al-Mahmoud", "Almahmoud")),
    ("عثمان", ("Othman", "Osman")),
    ("بيطار", ("Bitar", "Baytar")),
)

# Families more common in one governorate than elsewhere (tribal and local names).
REGIONAL_FAMILY: dict[str, tuple[NameForms, ...]] = {
    "SY01": (("قباني", ("Qabbani", "Kabbani")), ("الدمشقي", ("al-Dimashqi", "Aldimashki")),
             ("الحلاق", ("al-Hallaq", "Alhallak"))),
    "SY02": (("الحلبي", ("al-Halabi", "Alhalabi")), ("حاج حسين", ("Hajj Hussein", "Haj Hussein")),
             ("عبدو", ("Abdo", "Abdou")), ("بكور", ("Bakkour", "Bakour")),
             ("شيخ ويس", ("Sheikh Weis", "Shaikh Wais"))),
    "SY03": (("الدوماني", ("al-Doumani", "Aldoumani")), ("عيون", ("Oyoun", "Ayoun")),
             ("الشيخ بزينة", ("al-Sheikh Bzeineh",)), ("طعمة", ("Tohme", "Toumeh"))),
    "SY04": (("الحمصي", ("al-Homsi", "Alhomsi")), ("الدروبي", ("al-Droubi", "Aldroubi")),
             ("الأتاسي", ("al-Atassi", "Alatassi"))),
    "SY05": (("طيفور", ("Taifour", "Tayfour")), ("الحموي", ("al-Hamwi", "Alhamwi")),
             ("الأصفر", ("al-Asfar", "Alasfar"))),
    "SY06": (("حاج محمود", ("Hajj Mahmoud",)), ("العبدو", ("al-Abdo",))),
    "SY07": (("الإدلبي", ("al-Idlibi", "Alidlibi")), ("قنطار", ("Qantar", "Kantar")),
             ("العبسي", ("al-Absi", "Alabsi")), ("السيد علي", ("al-Sayed Ali",))),
    "SY08": (("الجبوري", ("al-Jabouri", "Aljbouri")), ("الطائي", ("al-Taie", "Altaie")),
             ("العكلة", ("al-Akla",))),
    "SY09": (("الشعيطي", ("al-Shaiti", "Alshaiti")), ("العكيدي", ("al-Ukaidi", "Alakidi")),
             ("الهفل", ("al-Hafl", "Alhafel")), ("الفرج", ("al-Faraj", "Alfaraj")),
             ("الدندل", ("al-Dandal",)), ("البوكمالي", ("al-Boukamali",))),
    "SY10": (("ديب", ("Dib", "Deeb")), ("سلامة", ("Salameh", "Salama"))),
    "SY11": (("العجيلي", ("al-Ujaili", "Alajeeli")), ("الحمادة", ("al-Hamadeh", "Alhamada")),
             ("العفادلة", ("al-Afadleh",)), ("الحويش", ("al-Hweish",))),
    "SY12": (("الزعبي", ("al-Zoubi", "Alzoubi", "Al Zu'bi")), ("المسالمة", ("al-Masalmeh", "Almasalmeh")),
             ("الحريري", ("al-Hariri", "Alhariri")), ("أبو زيد", ("Abu Zeid", "Abu Zaid")),
             ("الرفاعي", ("al-Rifai", "Alrifai"))),
    "SY13": (("الأطرش", ("al-Atrash", "Alatrash")), ("أبو فخر", ("Abu Fakhr",)),
             ("نصر", ("Nasr",))),
    "SY14": (("الجولاني", ("al-Joulani", "Aljoulani")), ("الصباغ", ("al-Sabbagh",))),
}

LATIN: dict[str, tuple[str, ...]] = {
    arabic: latin
    for arabic, latin in (*MALE_GIVEN, *FEMALE_GIVEN, *FAMILY,
                          *(f for forms in REGIONAL_FAMILY.values() for f in forms))
}


def latin_forms(arabic: str) -> tuple[str, ...]:
    """The Latin spellings of an Arabic name part ((), when the name is not listed)."""
    return LATIN.get(arabic, ())


@dataclass(frozen=True)
class Name:
    """The name parts of a victim record."""

    given_name: str = ""
    father_name: str = ""
    grandfather_name: str = ""
    family_name: str = ""
    mother_name: str = ""

    def parts(self) -> dict[str, str]:
        return {
            "given_name": self.given_name, "father_name": self.father_name,
            "grandfather_name": self.grandfather_name, "family_name": self.family_name,
            "mother_name": self.mother_name,
        }


def given(rng: random.Random, sex: str) -> str:
    """A given name for this sex ('unknown' draws from both lists)."""
    if sex == "female" or (sex == "unknown" and rng.random() < 0.5):
        return rng.choice(FEMALE_GIVEN)[0]
    return rng.choice(MALE_GIVEN)[0]


def family(rng: random.Random, governorate: str | None = None) -> str:
    """A family name, more often a local one when the governorate has local names."""
    local = REGIONAL_FAMILY.get(governorate or "")
    if local and rng.random() < 0.45:
        return rng.choice(local)[0]
    return rng.choice(FAMILY)[0]


def person(rng: random.Random, sex: str, governorate: str | None = None) -> Name:
    """A full name: given, father's, grandfather's and family name.

    Some sources give fewer parts: the grandfather's name is often missing, sometimes the
    father's too."""
    chance = rng.random()
    father = rng.choice(MALE_GIVEN)[0] if chance > 0.04 else ""
    grandfather = rng.choice(MALE_GIVEN)[0] if chance > 0.45 else ""
    return Name(given(rng, sex), father, grandfather, family(rng, governorate))


def sibling(rng: random.Random, of: Name, sex: str) -> Name:
    """A brother or sister: same father, grandfather, family (and mother) names."""
    name = given(rng, sex)
    while name == of.given_name:
        name = given(rng, sex)
    return Name(name, of.father_name, of.grandfather_name, of.family_name, of.mother_name)


def child_of(rng: random.Random, father: Name, sex: str, mother: Name | None = None) -> Name:
    """A child of this father: his given and father's names become the child's father's
    and grandfather's names."""
    return Name(given(rng, sex), father.given_name, father.father_name, father.family_name,
                mother.given_name if mother else "")


def transliterate(rng: random.Random, name: Name) -> str:
    """A Latin rendering of the full name as a source might give it (given, father, family)."""
    words = []
    for part in (name.given_name, name.father_name, name.family_name):
        if not part:
            continue
        forms = latin_forms(part)
        words.append(rng.choice(forms) if forms else part)
    return " ".join(words)


# Spelling variants of Arabic script that the same person's name shows across sources.
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def without_hamza(text: str) -> str:
    """The same name with the hamza and madda left off the alef ("أحمد" → "احمد")."""
    return text.translate(_HAMZA)


def with_ha(text: str) -> str:
    """Final taa marbuta written as ha ("فاطمة" → "فاطمه"), final ya as alef maqsura."""
    words = []
    for word in text.split(" "):
        if word.endswith("ة"):
            word = word[:-1] + "ه"
        elif word.endswith("ي") and len(word) > 2:
            word = word[:-1] + "ى"
        words.append(word)
    return " ".join(words)


def joined(text: str) -> str:
    """Compound names written as one word ("عبد الرحمن" → "عبدالرحمن")."""
    return text.replace("عبد ال", "عبدال").replace("نور الدين", "نورالدين")


def without_article(text: str) -> str:
    """A family name without its article ("الخطيب" → "خطيب")."""
    return text[2:] if text.startswith("ال") and len(text) > 4 else text


def spelling_variant(rng: random.Random, text: str) -> str:
    """Another spelling of the same Arabic name part, when it has one (else the text)."""
    candidates = [v for v in (without_hamza(text), with_ha(text), joined(text), without_article(text))
                  if v != text]
    return rng.choice(candidates) if candidates else text


def has_variant(text: str) -> bool:
    return any(v != text for v in (without_hamza(text), with_ha(text), joined(text), without_article(text)))
