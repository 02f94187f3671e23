"""Realistic duplicate data with ground truth, for measuring likely-duplicate detection.

The people: households (a father, a mother, their children sharing the father's,
grandfather's and family name) and individuals, with given names drawn so that common
names are very common (Zipf), and family names from a list of a few hundred. The
records: every incident is documented by one team; some incidents are reported again by
another team (a day apart, the locality spelled its own way) with most of the same
victims, each written anew: in Arabic only, Latin only or both; Arabic spelling variants
(hamza, ة/ه, ى/ي, diacritics, tatweel, spacing of compounds, the article), Latin
transliteration variants (from the list of usual spellings and by rule: doubled letters,
ou/u, ee/i, al-/el-), missing father's or grandfather's or family name, an age a year or
two off, now and then a typing error.

Every record carries the person it documents (`truth`), so that the pairs that are
really duplicates are known.
"""
from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from bench import dedupe_names, romanise
from core import names
from core.models import Incident, Victim
from core.vocab import GOVERNORATE_CODES

Entry = tuple[list[str], list[str]]  # Arabic spellings, Latin spellings (places)
Name = str  # a vocalised Arabic name (bench/dedupe_names.py)

LOCALITIES: list[Entry] = [
    (["دوما"], ["Douma", "Duma"]), (["حرستا"], ["Harasta", "Harasta"]), (["سراقب"], ["Saraqib", "Saraqeb"]),
    (["معرة النعمان"], ["Maarat al-Numan", "Maarrat al-Nu'man"]), (["جسر الشغور"], ["Jisr al-Shughur", "Jisr ash-Shughour"]),
    (["الرستن"], ["al-Rastan", "Rastan"]), (["تلبيسة"], ["Talbiseh", "Talbisa"]), (["داريا"], ["Daraya", "Darayya"]),
    (["الزبداني"], ["al-Zabadani", "Zabadani"]), (["عربين"], ["Arbin", "Erbin"]), (["كفرنبل"], ["Kafranbel", "Kafr Nabl"]),
    (["خان شيخون"], ["Khan Shaykhun", "Khan Sheikhoun"]), (["الباب"], ["al-Bab", "Al Bab"]), (["منبج"], ["Manbij", "Menbij"]),
    (["الميادين"], ["al-Mayadin", "Mayadeen"]), (["البوكمال"], ["al-Bukamal", "Albu Kamal"]), (["انخل"], ["Inkhil", "Inkhel"]),
    (["نوى"], ["Nawa", "Nawa"]), (["طفس"], ["Tafas", "Tafs"]), (["بصرى الشام"], ["Busra al-Sham", "Bosra"]),
    (["اللطامنة"], ["al-Latamneh", "Latamna"]), (["كفرزيتا"], ["Kafr Zita", "Kafrzita"]), (["الحولة"], ["al-Houla", "Hula"]),
    (["القصير"], ["al-Qusayr", "Qusair"]), (["الطبقة"], ["al-Tabqa", "Tabqah"]), (["اريحا"], ["Ariha", "Areeha"]),
]


def _entries() -> tuple[list[Name], list[Name], list[Name]]:
    male = dedupe_names.names(dedupe_names.GIVEN_MALE)
    female = dedupe_names.names(dedupe_names.GIVEN_FEMALE)
    family = dedupe_names.names(dedupe_names.FAMILY)
    # More family names: "ال" + a man's name (العمر, al-Omar), nisbas (الخالدي, Khalidi)
    # and "آل" + a man's name (آل حسن, Al Hasan).
    for name in male[:70]:
        plain = romanise.strip_marks(name)
        if " " in name or plain.startswith("عبد"):
            continue
        family.append("ال" + name)
        if plain[-1] not in "اويىة":
            family.append("ال" + name + "\u0650\u064a\u0651")
        family.append("آل " + name)
    return male, female, family


@dataclass
class Person:
    pid: int
    household: int
    role: str  # father, mother, child, single
    sex: str
    age: int | None
    given: Name
    father: Name | None
    grandfather: Name | None
    family: Name


@dataclass
class Generated:
    records: list[tuple[Incident, list[Victim]]] = field(default_factory=list)
    truth: dict[str, int] = field(default_factory=dict)  # victim_uuid -> person
    person_household: dict[int, tuple[int, str]] = field(default_factory=dict)
    typos: set[str] = field(default_factory=set)  # victim_uuids written with a typing error
    victims: int = 0


def _zipf(rng: random.Random, items: list, s: float) -> Name:
    weights = _weights(len(items), s)
    return rng.choices(items, cum_weights=weights)[0]


_W: dict[tuple[int, float], list[float]] = {}


def _weights(n: int, s: float) -> list[float]:
    key = (n, s)
    if key not in _W:
        total, cum = 0.0, []
        for r in range(n):
            total += 1.0 / (r + 1) ** s
            cum.append(total)
        _W[key] = cum
    return _W[key]


class Writer:
    """Writes a person's name as one team would."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def arabic(self, name: Name, is_family: bool = False) -> str:
        r = self.rng
        text = romanise.strip_marks(name)
        if r.random() < 0.3:
            text = text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        if r.random() < 0.3:
            text = text.replace("ة", "ه")
        if r.random() < 0.2:
            text = text.replace("ى", "ي")
        if "عبد " in text and r.random() < 0.5:
            text = text.replace("عبد ", "عبد")
        if r.random() < 0.08 and len(text) > 2:
            text = text[0] + "\u064e" + text[1:]
        if r.random() < 0.03 and len(text) > 3:
            text = text[:2] + "\u0640" + text[2:]
        if is_family and text.startswith("ال") and r.random() < 0.2:
            text = text[2:]
        return text

    def latin(self, name: Name, habits: romanise.Habits, is_family: bool = False) -> str:
        """The name in Latin letters as a team of these habits writes it (bench/romanise.py:
        from the Arabic letters, not from the matcher's list of spellings)."""
        return romanise.romanise(name, habits, self.rng, family=is_family)

    def typo(self, text: str) -> str:
        """A typing error (a letter left out or two swapped), unless it makes another real
        name (محمود without its و is محمد: nobody could tell)."""
        r = self.rng
        if len(text) < 4:
            return text
        i = r.randrange(1, len(text) - 1)
        if r.random() < 0.5:
            typed = text[:i] + text[i + 1:]
        else:
            typed = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        before = {names.canonical(t) for t in names.tokens(text)}
        after = {names.canonical(t) for t in names.tokens(typed)}
        if any(c and c not in before for c in after):
            return text
        return typed


def generate(victims: int, seed: int = 7, second_reports: float = 0.14, typo_rate: float = 0.03) -> Generated:
    """About `victims` victim records with the person each one documents."""
    rng = random.Random(seed)
    male, female, family_names = _entries()
    writer = Writer(rng)
    out = Generated()
    start = date(2011, 3, 15)
    span = (date(2020, 12, 31) - start).days
    pid = 0
    household = 0
    while out.victims < victims:
        # One event: its date, place, and the people it killed.
        when = start + timedelta(days=rng.randrange(span))
        governorate = rng.choice(GOVERNORATE_CODES)
        locality = LOCALITIES[zlib.crc32(f"{governorate}{rng.randrange(4)}".encode()) % len(LOCALITIES)]
        kind = rng.choice(["airstrike", "barrel_bomb", "shelling", "missile", "gunfire", "explosion"])
        perpetrator = rng.choice(["regime", "russia", "isis", "armed_opposition", "coalition", "kurdish"])
        people: list[Person] = []
        for _ in range(max(1, int(rng.expovariate(1 / 2.2)))):
            household += 1
            fam = _zipf(rng, family_names, 0.6)
            grand = _zipf(rng, male, 1.0)
            dad = _zipf(rng, male, 1.0)
            if rng.random() < 0.45:
                pid += 1
                sex = "male" if rng.random() < 0.7 else "female"
                given = _zipf(rng, male if sex == "male" else female, 1.0)
                people.append(Person(pid, household, "single", sex, rng.randint(18, 70), given, dad, grand, fam))
                continue
            # A family killed together: children, and often a parent.
            children = rng.randint(1, 5)
            used: set[str] = set()
            if rng.random() < 0.5:
                pid += 1
                people.append(Person(pid, household, "father", "male", rng.randint(30, 60), dad, grand, None, fam))
                used.add(dad)
            for _ in range(children):
                sex = "male" if rng.random() < 0.5 else "female"
                for _attempt in range(10):
                    given = _zipf(rng, male if sex == "male" else female, 1.0)
                    if given not in used:
                        break
                else:
                    continue
                used.add(given)
                pid += 1
                people.append(Person(pid, household, "child", sex, rng.randint(0, 17), given, dad, grand, fam))
        reports = 1 + (rng.random() < second_reports) + (rng.random() < second_reports / 6)
        for report in range(reports):
            shift = 0 if report == 0 else rng.choice([0, 0, 0, 1, 1, -1, 2])
            incident = Incident(
                date=when + timedelta(days=shift), governorate=governorate,
                locality=(rng.choice(locality[0]) if rng.random() < 0.6 else rng.choice(locality[1])),
                incident_type=kind, perpetrator=perpetrator,
            )
            listed = people if report == 0 else [p for p in people if rng.random() < 0.75]
            habits = romanise.team(rng)  # each report comes from a team with its own habits
            records = [_record(rng, writer, habits, incident, p, report > 0, typo_rate, out.typos) for p in listed]
            for p, v in zip(listed, records, strict=True):
                out.truth[v.victim_uuid] = p.pid
                out.person_household[p.pid] = (p.household, p.role)
            out.records.append((incident, records))
            out.victims += len(records)
    return out


def _record(rng: random.Random, writer: Writer, habits: romanise.Habits, incident: Incident, p: Person,
            again: bool, typo_rate: float, typos: set[str]) -> Victim:
    roll = rng.random()
    script = "arabic" if roll < 0.5 else ("latin" if roll < 0.7 else "both")
    parts: dict[str, str] = {}
    for field_name, entry, is_family in (("given_name", p.given, False), ("father_name", p.father, False),
                                         ("grandfather_name", p.grandfather, False),
                                         ("family_name", p.family, True)):
        if entry is None:
            continue
        missing = {"father_name": 0.1, "grandfather_name": 0.5, "family_name": 0.06}.get(field_name, 0.0)
        if rng.random() < missing:
            continue
        parts[field_name] = (writer.latin(entry, habits, is_family) if script == "latin"
                             else writer.arabic(entry, is_family))
    typed = False
    if rng.random() < typo_rate and parts:
        name = rng.choice(list(parts))
        before = parts[name]
        parts[name] = writer.typo(parts[name])
        typed = parts[name] != before
    name_latin = ""
    if script == "both":
        pieces = [writer.latin(e, habits, f) for e, f in ((p.given, False), (p.father, False), (p.family, True))
                  if e]
        name_latin = " ".join(pieces)
    age = p.age
    if age is not None:
        if rng.random() < 0.2:
            age = None
        elif again and rng.random() < 0.3:
            age = max(0, min(120, age + rng.choice([-2, -1, 1, 1, 2, 3])))
    sex = p.sex if rng.random() > 0.03 else "unknown"
    group = "unknown" if age is not None else ("child" if p.role == "child" else "adult")
    victim = Victim(incident_uuid=incident.incident_uuid, sex=sex, age=age, age_group=group, civilian="civilian",
                    name_latin=name_latin, **parts)
    if typed:
        typos.add(victim.victim_uuid)
    return victim


def true_pairs(gen: Generated) -> set[tuple[str, str]]:
    by_person: dict[int, list[str]] = {}
    for uuid, person in gen.truth.items():
        by_person.setdefault(person, []).append(uuid)
    out: set[tuple[str, str]] = set()
    for uuids in by_person.values():
        uuids.sort()
        for i in range(len(uuids)):
            for j in range(i + 1, len(uuids)):
                out.add((uuids[i], uuids[j]))
    return out


def iter_records(gen: Generated) -> Iterator[tuple[Incident, list[Victim]]]:
    yield from gen.records
