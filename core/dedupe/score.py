"""How alike two victim records are: a score in [0, 1] and the reasons for it.

The given name weighs as much as the whole lineage (father's, grandfather's and family
name). Hard rules come before any weighing:

- given names that differ (under :data:`GIVEN_MIN`) cap the score far below the threshold,
  whatever else agrees: brothers and sisters killed together share everything but the
  given name, and merging them would erase a victim;
- a lineage part that differs (a father's name, a family name) caps it too: cousins,
  namesakes, a father and his son;
- sexes that disagree cap it;
- only a given name to compare cannot make a likely duplicate;
- two victims of one incident record cap it unless they are written alike in every
  field: a documenter lists each victim once, so two of one record's victims are people
  killed together (a child's name mistyped into a sibling's, Mhmud for محمود beside محمد),
  while the same person twice comes from two records or two teams.

What is left is weighed by the circumstances: the date (a day apart is usual between two
sources), the governorate and locality, the age.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from core import names
from core.dedupe.profile import Profile
from core.i18n import tr

#: Pairs scoring at least this are likely duplicates. Chosen on the benchmark's labelled
#: data, whose Latin spellings are written independently of this matcher (bench/README.md,
#: "Duplicates"): highest F1 at 500,000 victims, no sibling pair above it.
THRESHOLD = 0.8
GIVEN_MIN = 0.8
LINEAGE_MIN = 0.75
AGE_DOUBT = 3
#: Ages this share apart (at least 2 years, at most 5) are one age told two ways: 46 and
#: 49 for a man, but not 4 and 7 for a child.
AGE_SLACK = 0.08
GIVEN_AGE_DOUBT = 0.85
#: Given names at least this alike are one name in two spellings or scripts (a listed
#: name, or the same skeleton); below, only alike (a mistyped sibling's name looks so).
GIVEN_IDENTIFIED = 0.88
ONE_PART_DOUBT = 0.95
#: The most two victims of one incident record can score unless written alike in every field.
SAME_RECORD_CAP = 0.5
#: Beyond this many days apart no pair reaches the threshold (see the date factor).
MAX_DAYS = 30

LINEAGE_WEIGHTS = {1: 0.4, 2: 0.2, 3: 0.4}  # father, grandfather, family


@dataclass
class Match:
    score: float
    reasons: list[str] = field(default_factory=list)


def _ratio(a: str, b: str) -> float:
    return Indel.normalized_similarity(a, b)


#: Consonants that Latin spellings write for one another: ذ ض ظ as d, z or dh; ث as
#: th, t or s. A skeleton differing from another only by these is the same name in
#: another team's spelling (Dhuha / Duha / ضحى, Kawthar / Kawsar).
CONFUSABLE = frozenset({("d", "z"), ("z", "d"), ("t", "s"), ("s", "t"), ("t", "z"), ("z", "t")})
CONFUSABLE_COST = 0.3
#: A skeleton this far from another (in confusable letters only) is still a spelling.
CONFUSABLE_MAX = 0.6
#: The similarity of a spelling whose skeleton differs only in confusable letters.
CONFUSABLE_ALIKE = 0.86
#: A known name and an unknown token one letter off it (left out, added, replaced or
#: two swapped): the name mistyped.
TYPO_ALIKE = 0.85


#: An Arabic and a Latin token of one skeleton where the Latin writes no vowel in the
#: place of an Arabic long vowel (رياض / Raed, سلمى / Salam): alike, never one given name.
VOWELS_APART = 0.75


def _vowels_agree(a: str, b: str) -> bool:
    arabic, latin = (a, b) if names.is_arabic(a) else (b, a)
    return names.long_vowels_written(arabic, latin)


@lru_cache(maxsize=200_000)
def skeleton_distance(a: str, b: str) -> float:
    """An edit distance between two skeletons where confusable consonants cost little."""
    prev = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, 1):
        cur = [float(i)] + [0.0] * len(b)
        for j, y in enumerate(b, 1):
            sub = 0.0 if x == y else (CONFUSABLE_COST if (x, y) in CONFUSABLE else 1.0)
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub)
        prev = cur
    return prev[-1]


def _one_typo(a: str, b: str) -> bool:
    """One token is the other with one letter left out, added, replaced or two swapped."""
    if min(len(a), len(b)) < 3:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str) -> float:
    """How alike two folded name tokens are, in [0, 1], whatever their scripts."""
    if a == b:
        return 1.0
    ca, cb = names.canonical(a), names.canonical(b)
    if ca and cb:
        # Two listed names: the same name in two spellings or scripts, or two names. A
        # Latin spelling that fits several names (Hassan: حسن or حسان) is only alike.
        if not ca & cb:
            return min(_ratio(a, b), 0.5)
        return 0.97 if len(ca) == 1 and len(cb) == 1 else 0.9
    sa, sb = names.token_skeleton(a), names.token_skeleton(b)
    same_script = names.is_arabic(a) == names.is_arabic(b)
    if same_script:
        r = _ratio(a, b)
        arabic = names.is_arabic(a)
        if sa and sa == sb and (not arabic or Indel.distance(a, b) == 1):
            # Latin spellings differ in their vowels; Arabic writes its long vowels, so
            # two Arabic tokens alike in consonants are one name only a letter apart
            # (ابرهيم, ابراهيم), not when a long vowel moved (هاشم, هشام: two names).
            return max(r, 0.88)
        if (ca or cb) and sa != sb and _one_typo(a, b):
            return max(r, TYPO_ALIKE)  # a listed name mistyped (ممحد for محمد)
        if arabic or not sa or not sb:
            return r
    elif sa and sa == sb:
        return 0.9 if _vowels_agree(a, b) else VOWELS_APART
    if sa and sb and skeleton_distance(sa, sb) <= CONFUSABLE_MAX:
        if not same_script and not _vowels_agree(a, b):
            return VOWELS_APART
        return max(_ratio(a, b) if same_script else 0.0, CONFUSABLE_ALIKE)
    return _ratio(a, b) if same_script else _ratio(sa, sb) * 0.85


@lru_cache(maxsize=500_000)
def part_similarity(a: str, b: str) -> float:
    """How alike two name parts (folded keys, possibly of several tokens) are."""
    if a == b:
        return 1.0
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        ca, cb = names.canonical(a), names.canonical(b)
        if ca and cb and not ca & cb:  # محمد علي and محمد: two listed names
            return min(_ratio(a, b), 0.5)
    if len(ta) == len(tb):
        return sum(token_similarity(x, y) for x, y in zip(ta, tb, strict=True)) / len(ta)
    return max(token_similarity(a.replace(" ", ""), b.replace(" ", "")),
               token_similarity(ta[0], tb[0]) * 0.9 if ta and tb else 0.0)


def _name_score(ka: tuple[str, ...], kb: tuple[str, ...]) -> tuple[float, float | None, dict[int, float]]:
    given = part_similarity(ka[0], kb[0]) if ka[0] and kb[0] else None
    lineage = {i: part_similarity(ka[i], kb[i]) for i in (1, 2, 3) if ka[i] and kb[i]}
    if given is None:
        return 0.0, None, lineage
    if lineage:
        weight = sum(LINEAGE_WEIGHTS[i] for i in lineage)
        lin = sum(LINEAGE_WEIGHTS[i] * s for i, s in lineage.items()) / weight
        return 0.5 * given + 0.5 * lin, given, lineage
    return 0.6 * given, given, lineage  # a given name alone proves little


def _best_names(a: Profile, b: Profile) -> tuple[float, float | None, dict[int, float]]:
    """The name comparison of the two records' best-matching forms (the fields, the fields
    completed from the full Latin name, the full Latin name)."""
    best = _name_score(a.keys, b.keys)
    if a.latin is None and b.latin is None:
        return best
    if best[1] is not None and best[1] < GIVEN_MIN:
        # Given names written in the fields that differ stay different even where Latin
        # spellings coincide: in one script (حسن, حسان: Hassan), or Arabic against Latin
        # (سلمى against Salm, which the Latin name of سلمى, Salma, resembles).
        return best
    for ka in (a.keys, a.filled, a.latin):
        for kb in (b.keys, b.filled, b.latin):
            if ka is None or kb is None or (ka is a.keys and kb is b.keys):
                continue
            candidate = _name_score(ka, kb)
            if candidate[1] is not None and (best[1] is None or candidate[0] > best[0]):
                best = candidate
    return best


def score_pair(a: Profile, b: Profile) -> Match:
    """The score of a pair of victim records and the reasons for it."""
    reasons: list[str] = []
    return Match(_evaluate(a, b, reasons.append), reasons)


def quick_score(a: Profile, b: Profile, floor: float = 0.0) -> float:
    """The score of :func:`score_pair`, without its reasons (for scans). A pair that
    cannot reach `floor` may get any lower value, computed sooner."""
    if floor > 0.4 and a.keys[0] and b.keys[0] and names.is_arabic(a.keys[0]) == names.is_arabic(b.keys[0]) \
            and part_similarity(a.keys[0], b.keys[0]) < GIVEN_MIN:
        return 0.0  # two given names in one script that differ: capped at 0.4 below
    name, given, lineage = _best_names(a, b)
    if given is None:
        return 0.0
    cap = 0.4 if given < GIVEN_MIN else 1.0
    if not lineage:
        cap = min(cap, 0.6)
    elif min(lineage.values()) < LINEAGE_MIN:
        cap = min(cap, 0.5)
    if a.sex != b.sex and a.sex in ("male", "female") and b.sex in ("male", "female"):
        cap = min(cap, 0.3)
    if _one_record(a, b):
        cap = min(cap, SAME_RECORD_CAP)
    if min(cap, name) < floor:
        return min(cap, name)
    factor = _date_factor(a, b, None) * _place_factor(a, b, None) * _age_factor(a, b, None)
    factor *= _doubt(given, lineage, a, b)
    return round(min(cap, name * factor), 3)


def _evaluate(a: Profile, b: Profile, note: Callable[[str], None]) -> float:
    name, given, lineage = _best_names(a, b)
    if given is None:
        note(tr("No given name to compare."))
        return 0.0
    cap = 1.0
    lineage_same = bool(lineage) and all(s >= 0.9 for s in lineage.values())
    if given < GIVEN_MIN:
        cap = min(cap, 0.4)
        if lineage_same:
            note(tr("Same lineage, different given names ({a} / {b}): siblings or cousins.",
                              a=a.raw[0], b=b.raw[0]))
        else:
            note(tr("Given names differ: {a} / {b}.", a=a.raw[0], b=b.raw[0]))
        if _parent_and_child(a, b):
            note(tr("One's father's name is the other's given name: father and child?"))
    else:
        if given >= 0.999:
            note(tr("Same given name."))
        else:
            note(tr("Given names alike: {a} / {b}.", a=a.raw[0], b=b.raw[0]))
    differing = [i for i, s in lineage.items() if s < LINEAGE_MIN]
    for i in sorted(lineage):
        if i in differing:
            cap = min(cap, 0.5)
            note(_part_differs(i, a.raw[i] or "?", b.raw[i] or "?"))
        elif given >= GIVEN_MIN:
            note(_part_same(i))
    if not lineage:
        cap = min(cap, 0.6)
        note(tr("Only the given names can be compared."))
    factor = 1.0
    if a.sex in ("male", "female") and b.sex in ("male", "female") and a.sex != b.sex:
        cap = min(cap, 0.3)
        note(tr("Sexes differ."))
    if _one_record(a, b):
        cap = min(cap, SAME_RECORD_CAP)
        note(tr("Two victims of one incident record: a documenter lists each person once."))
    factor *= _date_factor(a, b, note)
    factor *= _place_factor(a, b, note)
    factor *= _age_factor(a, b, note)
    factor *= _doubt(given, lineage, a, b)
    return round(min(cap, name * factor), 3)


def _one_record(a: Profile, b: Profile) -> bool:
    """Two victims of one incident record that are not written alike in every field."""
    if not a.incident_uuid or a.incident_uuid != b.incident_uuid:
        return False
    return (a.keys, a.latin, a.sex, a.age, a.age_group) != (b.keys, b.latin, b.sex, b.age, b.age_group)


def _doubt(given: float, lineage: dict[int, float], a: Profile, b: Profile) -> float:
    """Weak evidence that adds up: given names only alike (a sibling's name mistyped
    looks like this) with ages apart; a single lineage part to go by."""
    factor = 1.0
    if given < GIVEN_IDENTIFIED and a.age is not None and b.age is not None and abs(a.age - b.age) >= AGE_DOUBT:
        factor *= GIVEN_AGE_DOUBT
    if len(lineage) == 1:
        factor *= ONE_PART_DOUBT
    return factor


def _part_differs(i: int, a: str, b: str) -> str:
    if i == 1:
        return tr("Father's names differ: {a} / {b}.", a=a, b=b)
    if i == 2:
        return tr("Grandfather's names differ: {a} / {b}.", a=a, b=b)
    return tr("Family names differ: {a} / {b}.", a=a, b=b)


def _part_same(i: int) -> str:
    if i == 1:
        return tr("Same father's name.")
    if i == 2:
        return tr("Same grandfather's name.")
    return tr("Same family name.")


def _parent_and_child(a: Profile, b: Profile) -> bool:
    def alike(x: str, y: str) -> bool:
        return bool(x and y) and part_similarity(x, y) >= 0.9

    return alike(a.keys[1], b.keys[0]) or alike(a.keys[0], b.keys[1])


def max_days(threshold: float) -> int:
    """The most days apart two records can be and still score `threshold` (the date
    factor bounds the score): what the scan and the lookup need to look at."""
    if threshold > 0.98:
        return 0
    if threshold > 0.95:
        return 1
    if threshold > 0.92:
        return 2
    if threshold > 0.78:
        return 3
    if threshold > 0.5:
        return MAX_DAYS
    return 36525


def _date_factor(a: Profile, b: Profile, note: Callable[[str], None] | None) -> float:
    if a.day is None or b.day is None:
        return 0.95
    days = abs(a.day - b.day)
    if days == 0:
        if note:
            note(tr("Same date."))
        return 1.0
    if days == 1:
        if note:
            note(tr("Dates one day apart."))
        return 0.98
    if days == 2:
        if note:
            note(tr("Dates {days} days apart.", days=days))
        return 0.95
    if days == 3:
        if note:
            note(tr("Dates {days} days apart.", days=days))
        return 0.92
    if days <= MAX_DAYS:
        if note:
            note(tr("Dates {days} days apart.", days=days))
        return 0.78
    if note:
        note(tr("Dates {days} days apart.", days=days))
    return 0.5


def _place_factor(a: Profile, b: Profile, note: Callable[[str], None] | None) -> float:
    if not a.governorate or not b.governorate:
        return 0.97
    if a.governorate != b.governorate:
        if note:
            note(tr("Different governorates."))
        return 0.7
    if a.locality and b.locality:
        if _locality_similarity(a.locality, b.locality) >= 0.8:
            if note:
                note(tr("Same place."))
            return 1.0
        if note:
            note(tr("Same governorate, different localities."))
        return 0.9
    if note:
        note(tr("Same governorate."))
    return 1.0


@lru_cache(maxsize=65536)
def _locality_similarity(a: str, b: str) -> float:
    sa, sb = names.part_skeleton(a), names.part_skeleton(b)
    if names.is_arabic(a) == names.is_arabic(b):
        # Latin spellings of one place differ in their vowels (Mayadin, Mayadeen).
        return 1.0 if sa and sa == sb and not names.is_arabic(a) else _ratio(a, b)
    return _ratio(sa, sb) if sa and sb else 0.0


def _age_factor(a: Profile, b: Profile, note: Callable[[str], None] | None) -> float:
    if a.age is not None and b.age is not None:
        years = abs(a.age - b.age)
        if years == 0:
            if note:
                note(tr("Same age."))
            return 1.0
        if years <= max(2, min(5, round(AGE_SLACK * max(a.age, b.age)))):  # an adult's age is guessed
            if note:
                note(tr("Ages {a} and {b}.", a=a.age, b=b.age))
            return 0.98
        if years <= 5:
            if note:
                note(tr("Ages {a} and {b}.", a=a.age, b=b.age))
            return 0.88
        if note:
            note(tr("Ages differ: {a} and {b}.", a=a.age, b=b.age))
        return 0.6
    if a.age is not None or b.age is not None:
        # One age against the other's group: 17 and "adult" may both be right.
        age, group = (a.age, b.age_group) if a.age is not None else (b.age, a.age_group)
        assert age is not None
        if (group == "child" and age >= 20) or (group == "adult" and age < 16):
            if note:
                note(tr("One a child, the other an adult."))
            return 0.6
        return 1.0
    groups = {a.age_group, b.age_group}
    if groups == {"child", "adult"}:
        if note:
            note(tr("One a child, the other an adult."))
        return 0.6
    return 1.0
