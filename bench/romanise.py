"""Arabic names written in Latin letters the way documentation teams write them, for the
benchmark's data: from the letters of a vocalised Arabic name, by rules, with each team's
habits and some randomness.

This is deliberately independent of the matcher: it uses no list of known spellings
(`core/name_forms.py`) and none of `core/names.py`'s folding rules. It reads the name
into sounds (consonants, doubled or not; short and long vowels; diphthongs; the article
and its assimilation to "sun" letters; ة at the end; hamza and ع) and writes each sound
as a team of one habit would:

- *english*: kh, sh, gh, th, dh; u or o for ضمة, i or e for كسرة; ee and oo now and
  then for long vowels (Mohammad, Mahmoud or Mahmood, Khaled or Khalid, Waleed);
- *french*: ou for و and ضمة, ch for ش, dj now and then for ج, k for ق, e for كسرة and
  often for فتحة, ss between vowels (Mohamed, Mahmoud, Khaled, Oussama, Hassan, Chadi);
- *levantine*: the spoken vowels: e for a short a or i now and then, o for ضمة, s and z
  for ث and ذ, eh for a final ة (Mhammad, Fatmeh, Hamzeh, Osama);
- *scholarly*: apostrophes for ع and hamza, the article assimilated (ash-Shami,
  ar-Rifa'i), doubled letters kept (Muhammad, 'Umar, Abd al-Rahman).

Each team also has its own article (al-, Al-, Al , el-, El-, joined or left out), its
way with عبد (Abd al-, Abdul, Abdel, Abdul-, Abdal), whether it doubles doubled
letters, and its capitals. Each name then gets some noise: a short vowel left out or a
vowel doubled, a hyphen or a space, Mhd for محمد.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

FATHA, DAMMA, KASRA, SUKUN, SHADDA, DAGGER = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651", "\u0670"
_MARKS = {FATHA, DAMMA, KASRA, SUKUN, SHADDA, DAGGER, "\u064b", "\u064c", "\u064d"}
_VOWEL_OF = {FATHA: "a", DAMMA: "u", KASRA: "i"}

# Consonant letters and their sounds (an internal notation: H ح, S ص, D ض, T ط, Z ظ,
# 3 ع, ' hamza, x خ, c ش, g غ, 8 ث, 9 ذ).
_SOUND = {
    "ب": "b", "ت": "t", "ث": "8", "ج": "j", "ح": "H", "خ": "x", "د": "d", "ذ": "9", "ر": "r",
    "ز": "z", "س": "s", "ش": "c", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z", "ع": "3", "غ": "g",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "أ": "'",
    "إ": "'", "ؤ": "'", "ئ": "'",
}
_SUN = set("تثدذرزسشصضطظلن")
STYLES = ("english", "french", "levantine", "scholarly")


def strip_marks(text: str) -> str:
    """The name as it is usually written: without its vowel marks."""
    return "".join(ch for ch in text if ch not in _MARKS)


@dataclass(frozen=True)
class Habits:
    """How one team writes names."""

    style: str
    article: str  # "al-", "Al-", "Al ", "el-", "El-", "Al" (joined), "" (left out)
    abd: str  # "Abd al-", "Abdul", "Abdul ", "Abdel", "Abdel-", "Abd ", "Abdal"
    doubles: float  # how often a doubled letter is written twice
    upper: bool  # family names in capitals
    mhd: float  # how often محمد is written Mhd / Mohd


def team(rng: random.Random) -> Habits:
    """The habits of a team, drawn at random."""
    style = rng.choices(STYLES, weights=(45, 25, 20, 10))[0]
    article = {
        "english": rng.choice(["al-", "al-", "Al-", "Al ", "Al", ""]),
        "french": rng.choice(["el-", "El ", "al-", "Al-", "", "El"]),
        "levantine": rng.choice(["al-", "Al ", "el-", "", ""]),
        "scholarly": "al-",
    }[style]
    abd = {
        "english": rng.choice(["Abdul", "Abdul ", "Abd al-", "Abdal", "Abdul-"]),
        "french": rng.choice(["Abdel", "Abdel ", "Abdel-", "Abd el-"]),
        "levantine": rng.choice(["Abdul", "Abdel", "Abd al-", "Abd el-"]),
        "scholarly": "Abd al-",
    }[style]
    doubles = {"english": 0.75, "french": 0.6, "levantine": 0.5, "scholarly": 0.95}[style]
    return Habits(style, article, abd, doubles, rng.random() < 0.04, 0.15 if rng.random() < 0.2 else 0.0)


# --- reading a vocalised name into sounds --------------------------------------------

Sound = tuple[str, str, bool]  # ("C", consonant, doubled) | ("V", vowel, long) | ("D", "ay"/"aw", _) | ("T", "", _)


def read_word(word: str) -> list[Sound]:
    """The sounds of one vocalised word (without its article)."""
    letters: list[tuple[str, set[str]]] = []
    for ch in word:
        if ch in _MARKS and letters:
            letters[-1][1].add(ch)
        elif ch not in _MARKS:
            letters.append((ch, set()))
    out: list[Sound] = []

    def vowel_of(marks: set[str]) -> str | None:
        for m in (FATHA, DAMMA, KASRA):
            if m in marks:
                return _VOWEL_OF[m]
        return None

    for i, (ch, marks) in enumerate(letters):
        last = out[-1] if out else None
        if ch in "اآ" or (ch == "ى" and i == len(letters) - 1):
            if i == 0:  # a word-initial alef carries a vowel (or is آ, a long a)
                out.append(("C", "'", False))
                out.append(("V", "a", True) if ch == "آ" else ("V", vowel_of(marks) or "a", False))
            elif last and last[0] == "V" and last[1] == "a" and not last[2]:
                out[-1] = ("V", "a", True)
            else:
                out.append(("V", "a", True))
            continue
        if ch == "ة":
            out.append(("T", "", False))
            continue
        if ch in "وي":
            v = vowel_of(marks)
            semi = "w" if ch == "و" else "y"
            long_v = "u" if ch == "و" else "i"
            if v is not None or SHADDA in marks and not (last and last[0] == "V" and last[1] == long_v):
                if last and last[0] == "V" and last[1] == "a" and not last[2] and SHADDA in marks:
                    out.append(("C", semi, True))
                else:
                    out.append(("C", semi, SHADDA in marks))
                if v is not None:
                    out.append(("V", v, False))
                continue
            if last and last[0] == "V" and last[1] == "a" and not last[2] and SUKUN not in marks:
                out[-1] = ("D", "aw" if ch == "و" else "ay", False)
                continue
            if last and last[0] == "V" and last[1] == "a":
                out[-1] = ("D", "aw" if ch == "و" else "ay", False)
                continue
            if i == 0:
                out.append(("C", semi, False))
                continue
            if last and last[0] == "V" and last[1] == long_v:
                out[-1] = ("V", long_v, True)
            else:
                out.append(("V", long_v, True))
            if SHADDA in marks:  # ِيّ at the end of a nisba: a long i
                out[-1] = ("V", long_v, True)
            continue
        if ch == DAGGER:
            out.append(("V", "a", True))
            continue
        sound = _SOUND.get(ch)
        if sound is None:
            continue
        out.append(("C", sound, SHADDA in marks))
        if DAGGER in marks:
            out.append(("V", "a", True))
            continue
        v = vowel_of(marks)
        if v is not None:
            out.append(("V", v, False))
    return out


# --- writing sounds in Latin letters --------------------------------------------------


def _consonant(c: str, h: Habits, rng: random.Random, first: bool, between_vowels: bool) -> str:
    s = h.style
    if c == "x":
        return "kh"
    if c == "c":
        return "ch" if s == "french" and rng.random() < 0.85 else "sh"
    if c == "g":
        return "gh"
    if c == "8":
        return {"levantine": rng.choice(["s", "th", "t"]), "french": rng.choice(["th", "t"])}.get(s, "th")
    if c == "9":
        return {"levantine": rng.choice(["z", "z", "th"]), "french": rng.choice(["dh", "z"]),
                "english": rng.choice(["dh", "z", "th"])}.get(s, "dh")
    if c == "Z":
        return {"levantine": "z", "french": rng.choice(["z", "dh"])}.get(s, rng.choice(["z", "dh"]))
    if c == "D":
        return {"scholarly": "d", "english": rng.choice(["d", "d", "dh"])}.get(s, "d")
    if c == "j":
        return "dj" if s == "french" and rng.random() < 0.2 else "j"
    if c == "q":
        if s == "french":
            return "k"
        if s == "levantine":
            return rng.choice(["q", "k", "q"])
        return "q" if rng.random() < 0.8 else "k"
    if c in ("s", "S"):
        return "ss" if s == "french" and between_vowels else "s"
    if c == "H":
        return "h"
    if c == "T":
        return "t"
    if c == "w":
        return "ou" if s == "french" and first and rng.random() < 0.5 else "w"
    if c in ("3", "'"):
        if first:
            return ""
        if s == "scholarly":
            return "'"
        return "'" if rng.random() < 0.15 else ""
    return c


def _vowel(v: str, long: bool, h: Habits, rng: random.Random, final: bool, initial: bool = False) -> str:
    s = h.style
    r = rng.random()
    if v == "a" and initial and not long:
        return "a"
    if v == "a":
        if long:
            return "aa" if r < (0.12 if s == "english" else 0.04) else "a"
        if s == "french":
            return "e" if r < 0.3 else "a"
        if s == "levantine":
            return "e" if r < 0.25 else "a"
        return "e" if s == "english" and r < 0.08 else "a"
    if v == "i":
        if long:
            if s == "english":
                return "ee" if r < 0.3 else "i"
            if s == "french" and final:
                return "i" if r < 0.8 else "y"
            return "i"
        if s in ("french", "levantine"):
            return "e" if r < 0.5 else "i"
        return "e" if s == "english" and r < 0.25 else "i"
    # u
    if long:
        if s == "french":
            return "ou" if r < 0.9 else "u"
        if s == "english":
            return "oo" if r < 0.2 else ("ou" if r < 0.6 else "u")
        if s == "levantine":
            return "ou" if r < 0.5 else ("o" if r < 0.6 else "u")
        return "u"
    if s == "french":
        return "ou" if r < 0.6 else "o"
    if s == "levantine":
        return "o" if r < 0.6 else "u"
    if s == "english":
        return "o" if r < 0.5 else "u"
    return "u"


def _diphthong(d: str, h: Habits, rng: random.Random) -> str:
    if d == "ay":
        return rng.choice({"french": ["ai", "ei", "ay"], "levantine": ["ei", "ay", "ai", "ey"],
                           "english": ["ay", "ai", "ei", "ey"], "scholarly": ["ay"]}[h.style])
    return rng.choice({"french": ["aou", "aw", "ou"], "levantine": ["aw", "ou", "o"],
                       "english": ["aw", "ou", "aw"], "scholarly": ["aw"]}[h.style])


def write_sounds(sounds: list[Sound], h: Habits, rng: random.Random) -> str:
    out: list[str] = []
    n = len(sounds)
    for i, (kind, value, flag) in enumerate(sounds):
        if kind == "C":
            prev_v = i > 0 and sounds[i - 1][0] in ("V", "D")
            next_v = i + 1 < n and sounds[i + 1][0] in ("V", "D", "T")
            text = _consonant(value, h, rng, first=(i == 0), between_vowels=prev_v and next_v)
            if flag and len(text) == 1 and text != "'" and rng.random() < h.doubles:
                text = text * 2  # digraphs (sh, kh, ou) are not doubled
            out.append(text)
        elif kind == "V":
            initial = i == 0 or (i == 1 and sounds[0][0] == "C" and sounds[0][1] in ("3", "'"))
            out.append(_vowel(value, flag, h, rng, final=(i == n - 1), initial=initial))
        elif kind == "D":
            out.append(_diphthong(value, h, rng))
        else:  # ة: after a, a final a, ah or eh
            last_a = out and out[-1] in ("a", "e", "aa")
            if last_a:
                out.pop()
            style = h.style
            out.append(rng.choices(["a", "ah", "eh", "e"], weights={
                "english": (6, 3, 1, 0), "french": (5, 1, 1, 3), "levantine": (3, 1, 6, 0),
                "scholarly": (6, 4, 0, 0)}[style])[0])
    return "".join(out)


def _noise(word: str, rng: random.Random) -> str:
    """Now and then a short vowel left out or a vowel doubled."""
    r = rng.random()
    if r < 0.03 and len(word) > 4:
        spots = [i for i in range(1, len(word) - 1) if word[i] in "aeiou"
                 and word[i - 1] not in "aeiou" and word[i + 1] not in "aeiou"]
        if spots:
            i = rng.choice(spots)
            return word[:i] + word[i + 1:]
    elif r < 0.06:
        spots = [i for i in range(1, len(word)) if word[i] in "aeiu" and word[i - 1] not in "aeiou"
                 and (i + 1 == len(word) or word[i + 1] not in "aeiou")]
        if spots:
            i = rng.choice(spots)
            return word[:i] + word[i] + word[i:]
    return word


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _article(rest_sounds: list[Sound], h: Habits, rng: random.Random) -> str:
    """The article before a word starting with these sounds, in the team's way."""
    sun = rest_sounds and rest_sounds[0][0] == "C" and _latin_sun(rest_sounds[0][1])
    if h.style == "scholarly" and sun:
        first = _consonant(rest_sounds[0][1], h, rng, True, False)
        return "a" + first + "-"
    form = h.article if rng.random() < 0.85 else rng.choice(["al-", "Al-", "el-", "Al ", ""])
    return form


def _latin_sun(sound: str) -> bool:
    return sound in {"t", "8", "d", "9", "r", "z", "s", "c", "S", "D", "T", "Z", "l", "n"}


def _split_article(word: str) -> tuple[bool, str]:
    plain = strip_marks(word)
    if plain.startswith("ال") and len(plain) > 3 and plain not in ("الله",):
        # ال + the rest, with the rest's marks
        letters = 0
        for i, ch in enumerate(word):
            if ch not in _MARKS:
                letters += 1
                if letters == 3:
                    rest = word[i:]
                    if ch in _SUN:  # the shadda of a sun letter is the article's, not the name's
                        rest = rest[0] + "".join(m for m in rest[1:3] if m != SHADDA and m in _MARKS) \
                            + rest[1 + sum(1 for m in rest[1:3] if m in _MARKS):]
                    return True, rest
    return False, word


def romanise(name: str, h: Habits, rng: random.Random, family: bool = False) -> str:
    """A vocalised Arabic name (one or two words) in Latin letters, as a team of habits `h`
    writes it."""
    words = name.split()
    plain = [strip_marks(w) for w in words]
    if plain == ["محمد"] and h.mhd and rng.random() < h.mhd:
        return rng.choice(["Mhd", "Mohd", "Mhd"]) if not family else "Mohammad"
    if len(words) == 2 and plain[0] == "آل":  # the family of
        return rng.choice(["Al ", "Aal ", "Al-", "Al ", "Al"]) + _cap(write_sounds(read_word(words[1]), h, rng))
    if len(words) == 2 and plain[0] == "عبد":
        return _abd(words[1], h, rng)
    if len(words) == 2 and plain[1].startswith("ال"):  # نور الدين
        first = _cap(write_sounds(read_word(words[0]), h, rng))
        _, rest = _split_article(words[1])
        second = write_sounds(read_word(rest), h, rng)  # din, deen
        form = rng.choice(["{a} al-{B}", "{a} Al-{B}", "{a} El-{B}", "{a} {art}{B}", "{a}eddin", "{a} Eddine",
                           "{a}-Eddin", "{a}al{b}", "{a}ud{b}", "{a} ad-{B}"])
        art = h.article if h.article.strip() else "al-"
        return form.format(a=first, B=_cap(second), b=second, art=art if art in ("Al ", "El ") else art)
    has_article, rest = _split_article(words[0])
    sounds = read_word(rest)
    text = _noise(write_sounds(sounds, h, rng), rng)
    if has_article:
        art = _article(sounds, h, rng)
        if art in ("Al", "El"):  # joined: Alhalabi
            text = art + text
        elif art:
            text = art + _cap(text) if not art.endswith("-") or art[0].isupper() or rng.random() < 0.7 \
                else art + text
        else:
            text = _cap(text)
    text = _cap(text)
    if family and h.upper:
        text = text.upper()
    return text


def _abd(word: str, h: Habits, rng: random.Random) -> str:
    """عبد + a name of God (عبد الرحمن, عبد الله)."""
    has_article, rest = _split_article(word)
    plain = strip_marks(word)
    if plain == "الله":
        return rng.choice({"english": ["Abdullah", "Abdullah", "Abdallah", "Abd Allah", "Abdulla"],
                           "french": ["Abdallah", "Abdellah", "Abdallah"],
                           "levantine": ["Abdullah", "Abdallah", "Abdalla"],
                           "scholarly": ["Abd Allah", "Abdullah"]}[h.style])
    sounds = read_word(rest)
    name = write_sounds(sounds, h, rng)
    form = h.abd if rng.random() < 0.8 else rng.choice(["Abdul", "Abdel", "Abd al-", "Abdul "])
    if h.style == "scholarly" and sounds and sounds[0][0] == "C" and _latin_sun(sounds[0][1]):
        return "Abd a" + name[0] + "-" + _cap(name)
    if h.style in ("english", "levantine") and sounds and sounds[0][1] == "r" and rng.random() < 0.1:
        return "Abdur" + name  # Abdurrahman
    if form.endswith((" ", "-")):
        return form + _cap(name)
    return form + name
