"""Summaries, sources, occupations and notes of the demonstration records, as documenters
write them (most in Arabic, some in English)."""
from __future__ import annotations

import random

ACTOR_AR = {
    "russia": "طيران حربي نعتقد أنه روسي",
    "regime": "قوات النظام السوري",
    "isis": "تنظيم داعش",
    "nusra": "جبهة النصرة",
    "armed_opposition": "فصائل المعارضة المسلحة",
    "kurdish": "قوات الإدارة الذاتية الكردية",
    "coalition": "طيران التحالف الدولي",
    "unidentified": "جهة لم نتمكن من تحديدها",
    "other": "جهة أخرى",
}

ACTOR_EN = {
    "russia": "warplanes we believe to be Russian",
    "regime": "Syrian regime forces",
    "isis": "ISIS",
    "nusra": "Jabhat al-Nusra",
    "armed_opposition": "armed opposition factions",
    "kurdish": "Kurdish Self-Administration forces",
    "coalition": "international coalition aircraft",
    "unidentified": "a party we could not identify",
    "other": "another party",
}

# Written as noun phrases, which agree with any party's name.
EVENT_AR = {
    "airstrike": "غارات جوية من {actor} على {place}",
    "barrel_bomb": "براميل متفجرة ألقاها طيران مروحي تابع لـ{actor} على {place}",
    "missile": "صاروخ من {actor} سقط على {place}",
    "shelling": "قصف مدفعي وبقذائف الهاون من {actor} على {place}",
    "gunfire": "إطلاق نار من عناصر {actor} في {place}",
    "explosion": "انفجار سيارة مفخخة في {place}",
    "landmine": "انفجار لغم أرضي من مخلفات {actor} قرب {place}",
    "execution": "إعدام مدنيين على يد {actor} في {place} بعد احتجازهم",
    "torture": "وفاة معتقل من {place} تحت التعذيب في أحد مراكز الاحتجاز التابعة لـ{actor}",
    "siege": "وفاة مدنيين بسبب الجوع ونقص الدواء في {place} المحاصرة من {actor}",
    "other": "مقتل مدنيين في {place} على يد {actor}",
}

EVENT_EN = {
    "airstrike": "{actor} carried out airstrikes on {place}",
    "barrel_bomb": "Helicopters of {actor} dropped barrel bombs on {place}",
    "missile": "A missile fired by {actor} hit {place}",
    "shelling": "{actor} shelled {place} with artillery and mortars",
    "gunfire": "Members of {actor} opened fire in {place}",
    "explosion": "A car bomb exploded in {place}",
    "landmine": "A landmine laid by {actor} exploded near {place}",
    "execution": "{actor} executed civilians it had detained in {place}",
    "torture": "A detainee from {place} died under torture in a detention centre of {actor}",
    "siege": "Civilians died of hunger and lack of medicine in {place}, besieged by {actor}",
    "other": "Civilians were killed in {place} by {actor}",
}

FACILITY_AR = {
    "hospital": "مشفى", "medical_point": "نقطة طبية", "school": "مدرسة", "market": "سوق شعبي",
    "mosque": "مسجد", "bakery": "فرن", "residential": "حي سكني", "camp": "مخيم للنازحين",
    "civil_defence": "مركز للدفاع المدني", "infrastructure": "محطة مياه", "other": "مبنى",
}

FACILITY_EN = {
    "hospital": "a hospital", "medical_point": "a medical point", "school": "a school",
    "market": "a market", "mosque": "a mosque", "bakery": "a bakery",
    "residential": "a residential neighbourhood", "camp": "a camp for displaced families",
    "civil_defence": "a civil defence centre", "infrastructure": "a water station", "other": "a building",
}

SOURCES_AR = (
    "شاهد عيان (مقابلة هاتفية)", "ناشط إعلامي محلي", "قائمة الضحايا من المشفى الميداني",
    "فريق الدفاع المدني", "تنسيقية محلية", "صور ومقاطع مصورة من موقع الحادثة",
    "أحد أقرباء الضحايا", "طبيب في المشفى الذي استقبل الجرحى",
)

SOURCES_EN = (
    "Eyewitness (phone interview)", "Local media activist", "Field hospital list of the dead",
    "Civil defence team", "Local coordination committee", "Photos and video from the site",
    "Relative of the victims", "Doctor at the receiving hospital",
)

OCCUPATIONS_MALE = ("مزارع", "عامل", "طالب جامعي", "سائق", "معلّم", "تاجر", "نجار", "ممرض",
                    "متطوع في الدفاع المدني", "موظف", "خبّاز", "طبيب")
OCCUPATIONS_FEMALE = ("ربة منزل", "معلّمة", "ممرضة", "طالبة جامعية", "موظفة", "خياطة")
OCCUPATIONS_MEDICAL = ("طبيب", "ممرض", "ممرضة", "مسعف", "صيدلاني", "فني تخدير")

NOTES_UNIDENTIFIED = (
    "مجهول الهوية، وُثّق من صورة الجثمان",
    "لم يُتعرّف على الجثمان بسبب التشوه",
    "Unidentified; body could not be recognised",
    "مجهول الهوية، دُفن في مقبرة البلدة",
)

NOTES_WOUNDED = ("توفي متأثراً بجراحه", "Died of wounds in hospital")


def civilians_ar(n: int) -> str:
    if n == 1:
        return "مدني واحد"
    if n == 2:
        return "مدنيين اثنين"
    if n <= 10:
        return f"{n} مدنيين"
    return f"{n} مدنياً"


def summary(rng: random.Random, *, incident_type: str, perpetrator: str, place_ar: str,
            place_en: str, killed: int, children: int, facility: str | None, arabic: bool) -> str:
    """A narrative as a documenter writes it, consistent with the record."""
    if arabic:
        text = EVENT_AR[incident_type].format(actor=ACTOR_AR[perpetrator], place=place_ar)
        if facility:
            text += f"، وأصاب القصف {FACILITY_AR[facility]}"
        if killed and incident_type != "torture":
            text += f"، ما أدى إلى مقتل {civilians_ar(killed)}"
            if children:
                text += f" بينهم {children} من الأطفال" if children > 1 else " بينهم طفل"
        return text + "."
    actor = ACTOR_EN[perpetrator]
    text = EVENT_EN[incident_type].format(actor=actor, place=place_en)
    text = text[0].upper() + text[1:]
    if facility:
        text += f", hitting {FACILITY_EN[facility]}"
    if killed and incident_type != "torture":
        text += f"; {killed} civilian{'s' if killed != 1 else ''} killed"
        if children:
            text += f", {children} of them children" if children > 1 else ", one of them a child"
    return text + "."


def sources(rng: random.Random, arabic: bool) -> list[str]:
    pool = SOURCES_AR if arabic else SOURCES_EN
    return rng.sample(pool, rng.choice((1, 2, 2, 3, 3, 4)))
