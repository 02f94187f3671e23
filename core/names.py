"""Arabic and Latin name normalisation, and the keys names are matched by.

The raw text a documenter typed is never altered; the forms computed here are stored
beside it (`victims.search_text`, the `victim_keys` table) and indexed.

Three forms of a name part:

- its *key*: the part in its own script with spelling variants folded, token by token
  (Arabic: hamza and alef forms, ى/ي, ة/ه, diacritics, tatweel, compounds such as
  عبد الله written together, the article ال dropped; Latin: case, accents, hyphens,
  al-/el-, an article written onto the name (Alhalabi), doubled letters, ou/u, ee/i,
  e/a, o/u, q/k, a final h after a vowel, -uddin/-eddine as al-Din);
- its *skeleton*: its consonants mapped to one alphabet shared by both scripts, so that
  محمد and Mhd, الحلبي and al-Halabi block together (short vowels, unwritten in Arabic,
  are left out of both, and so is a final h-sound: ة, ه, ح, Latin h; a name of vowels
  only, آية or Aya, has the skeleton `'`). Records are filed under their skeletons with
  the consonants Latin writes for one another merged (ذ ض ظ: d, z, dh; ث: th, t, s);
- its *canonical names*: for a name in :mod:`core.name_forms`, the list entry it is a
  spelling of, which tells محمد (Mohammad) from محمود (Mahmoud) although both have the
  skeleton m-h-m-d.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from core import name_forms

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
    "ک": "ك", "ی": "ي", "ہ": "ه",
})
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bf\u02be\u02bc]")

NAME_PARTS = ("given", "father", "grandfather", "family")


_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


def is_arabic(text: str) -> bool:
    return _ARABIC_CHAR.search(text) is not None


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
    text = text.replace("-", " ")
    text = _APOSTROPHES.sub("", text)
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)  # names repeat: the same parts come back again and again
def normalize(text: str) -> str:
    """Normalise any name text, whatever its script (the form full-text search holds)."""
    if not text:
        return ""
    text = normalize_latin(normalize_arabic(text))
    return " ".join(_NON_WORD.sub(" ", text).split())


# --- tokens -------------------------------------------------------------------------

_AR_ARTICLE = "ال"
_AR_JOIN_NEXT = {"عبد", "ابو", "ابي", "ام"}
_AR_JOIN_PREV = {"الدين", "الله"}
_LAT_ARTICLES = {"al", "el", "ul", "ad", "ed", "ar", "as", "az", "an", "at", "ash", "all", "aal"}
_LAT_JOIN_NEXT = {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil", "abu", "abou", "abo", "um", "umm",
                  "oum"}
_LAT_DIN = {"din", "deen", "eddin", "eddine", "uddin", "addin", "aldin", "eldin", "uldin", "ed din"}
_LAT_ABD = re.compile(r"^abd+(?:[aeiou]l|[aeiou](?=([a-z])\1))?")  # Abdul, Abdel: one l (Abdellatif: l-Latif)


def arabic_tokens(text: str) -> list[str]:
    """Arabic name text as tokens: normalised, compounds joined, the article dropped."""
    words = _NON_WORD.sub(" ", normalize_arabic(text)).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _AR_JOIN_NEXT and i + 1 < len(words):
            word = word + words[i + 1]
            i += 1
        elif word == _AR_ARTICLE and i + 1 < len(words):  # آل, the family of
            i += 1
            continue
        elif word in _AR_JOIN_PREV and out:
            out[-1] = out[-1] + word
            i += 1
            continue
        out.append(word)
        i += 1
    return [_strip_arabic_article(w) for w in out]


def _strip_arabic_article(word: str) -> str:
    if word.startswith(_AR_ARTICLE) and len(word) > 4 and word != "الله":
        word = word[2:]
    for prefix in ("عبد", "ابو"):
        if word.startswith(prefix + _AR_ARTICLE) and len(word) > 6:
            return prefix + word[5:]
    return word


def _strip_joined_article(word: str) -> str:
    """`Alhalabi`, `Elnasan`: the article written onto the name, as Arabic writes it (the
    rest must be at least four letters: Alaa, Elham, Elias keep theirs)."""
    if len(word) >= 6 and word[:2] in ("al", "el"):
        return word[2:]
    return word


_LAT_DIN_JOINED = re.compile(r"^([a-z]{2,}?)(?:ou|[aeiu])d+(?:i|ee)ne?$")


def fold_latin_token(token: str) -> str:
    """One Latin token with transliteration variants folded (see the module docstring)."""
    t = _LAT_DIN_JOINED.sub(r"\1aldin", token)  # Nureddin, Nour Eddine: نور الدين
    t = t.replace("ou", "u")
    m = _LAT_ABD.match(t)
    if m and len(t) > m.end():
        t = "abd" + t[m.end():]
    if t.startswith("abu") or t.startswith("abou"):
        t = "abu" + t[4 if t.startswith("abou") else 3:]
    for a, b in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ay"), ("ai", "ay"), ("ey", "ay"),
                 ("ck", "k"), ("q", "k"), ("ph", "f"), ("dj", "j"), ("e", "a"), ("o", "u")):
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)
    if len(t) > 2 and t.endswith("h") and t[-2] in "aiu":
        t = t[:-1]
    return t


def latin_tokens(text: str) -> list[str]:
    """Latin name text as folded tokens: articles dropped, compounds joined."""
    words = _NON_WORD.sub(" ", normalize_latin(text)).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if word in _LAT_JOIN_NEXT and nxt is not None:
            i += 1
            if words[i] in _LAT_ARTICLES and i + 1 < len(words):
                i += 1
            word = word + words[i]
        elif word in _LAT_ARTICLES and nxt is not None:
            if nxt in _LAT_DIN and out:
                out[-1] = out[-1] + "aldin"
                i += 2
                continue
            i += 1
            continue
        elif word in _LAT_DIN and out:
            out[-1] = out[-1] + "aldin"
            i += 1
            continue
        out.append(word)
        i += 1
    return [fold_latin_token(_strip_joined_article(w)) for w in out]


def tokens(text: str) -> list[str]:
    """The tokens of a name part, in its own script."""
    if not text or not text.strip():
        return []
    return arabic_tokens(text) if is_arabic(text) else latin_tokens(text)


# --- skeletons ----------------------------------------------------------------------

_AR_SKELETON = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "z", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
_LAT_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "z"),
                 ("x", "ks"), ("c", "k"), ("v", "f"), ("p", "b"))
_LAT_VOWELS = re.compile("[aeiouyw]")


def _collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def arabic_skeleton(token: str) -> str:
    # A final ه/ة or ح: Latin spellings leave the h of either out as often as not
    # (Fatima, Fatmeh; Saleh, Farah, whose h the Latin folding drops after a vowel).
    if token.endswith(("ه", "ح")) and len(token) > 2:
        token = token[:-1]
    return _collapse("".join(_AR_SKELETON.get(ch, "") for ch in token))


def latin_skeleton(token: str) -> str:
    t = token
    for a, b in _LAT_DIGRAPHS:
        t = t.replace(a, b)
    if len(t) > 2 and t.endswith("h"):  # the word's last letter, not an h before a vowel (Subhi)
        t = t[:-1]
    return _collapse(_LAT_VOWELS.sub("", t))


#: What a token without consonants (آية, Aya) has for a skeleton.
VOWELS_ONLY = "'"


@lru_cache(maxsize=200_000)
def token_skeleton(token: str) -> str:
    """The consonant skeleton of one token (a listed name: that of its Arabic spelling)."""
    known = canonical(token)
    if known:
        token = min(known)
    skeleton = arabic_skeleton(token) if is_arabic(token) else latin_skeleton(token)
    return skeleton or (VOWELS_ONLY if token else "")


# The skeletons records are filed under (blocking) merge the consonants Latin spellings
# write for one another (ذ ض ظ as d, z or dh; ث as th, t or s), so that Dhuha and ضحى,
# Haisam and هيثم fall in one block; the scoring tells them apart or not.
_BLOCK_MERGE = str.maketrans({"z": "d", "s": "t"})


def _block(skeleton: str) -> str:
    return _collapse(skeleton.translate(_BLOCK_MERGE))


# --- long vowels -------------------------------------------------------------------

_AR_LONG = {"ا": "a", "ى": "a", "و": "u", "ي": "i"}


@lru_cache(maxsize=100_000)
def arabic_vowel_gaps(token: str) -> tuple[str, ...] | None:
    """The long vowels an Arabic token (a key) writes between its skeleton's consonants:
    one string per gap (before the first, between each two, after the last), of `a`, `u`,
    `i`, or `ai` for a final ي (ى and ي are folded alike). A ي after ا is a hamza seat
    (وائل, Wael): it asks for nothing. None when the token has no consonant."""
    if token.endswith(("ه", "ح")) and len(token) > 2:
        token = token[:-1]
    gaps: list[str] = [""]
    previous = ""
    consonants = ""
    for i, ch in enumerate(token):
        sound = _AR_SKELETON.get(ch)
        if sound is not None:
            if consonants and consonants[-1] == sound and not gaps[-1]:
                previous = ch
                continue  # a doubled consonant, as the skeleton collapses it
            consonants += sound
            gaps.append("")
        elif ch in _AR_LONG and not (i == 0 and ch == "ا"):  # an initial alef is any vowel
            if ch == "ي" and previous == "ا":
                pass
            elif ch == "ي" and i == len(token) - 1:
                gaps[-1] += "I"  # ى or ي: a long a or a long i
            else:
                gaps[-1] += _AR_LONG[ch]
        previous = ch
    return tuple(gaps) if consonants else None


@lru_cache(maxsize=100_000)
def latin_vowel_gaps(token: str) -> tuple[str, ...] | None:
    """What a folded Latin token writes between its consonants (as the skeleton counts
    them), one string per gap."""
    t = token
    for a, b in _LAT_DIGRAPHS:
        t = t.replace(a, b)
    if len(t) > 2 and t.endswith("h"):
        t = t[:-1]
    gaps: list[str] = [""]
    consonants = ""
    for ch in t:
        if _LAT_VOWELS.match(ch) or not ch.isalpha():
            gaps[-1] += ch
        elif consonants and consonants[-1] == ch and not gaps[-1]:
            continue
        else:
            consonants += ch
            gaps.append("")
    return tuple(gaps) if consonants else None


_WRITTEN = {"a": "a", "u": "uw", "i": "iy", "I": "aiy"}


def long_vowels_written(arabic_token: str, latin_token: str) -> bool:
    """Whether a Latin spelling writes a vowel where the Arabic one has a long vowel
    (رياض: Riad, Reyad, not Raed; سلمى: Salma, not Salam). Short vowels, which Arabic
    leaves unwritten, may be anywhere. True when the two do not line up consonant for
    consonant (nothing to say)."""
    arabic, latin = arabic_vowel_gaps(arabic_token), latin_vowel_gaps(latin_token)
    if arabic is None or latin is None or len(arabic) != len(latin):
        return True
    for wanted, written in zip(arabic, latin, strict=True):
        for vowel in wanted:
            if not any(ch in written for ch in _WRITTEN[vowel]):
                return False
    return True


# --- the list of known names ------------------------------------------------------


@cache
def _known() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(Arabic token → names, Latin token → names); a name is named by its Arabic key."""
    arabic: dict[str, set[str]] = {}
    latin: dict[str, set[str]] = {}
    for block in name_forms.ALL_BLOCKS.values():
        for spellings, romanised in name_forms.entries(block):
            ident = " ".join(arabic_tokens(spellings[0]))
            for spelling in spellings:
                arabic.setdefault(" ".join(arabic_tokens(spelling)), set()).add(ident)
            for spelling in romanised:
                latin.setdefault(" ".join(latin_tokens(spelling)), set()).add(ident)
    return ({k: frozenset(v) for k, v in arabic.items()}, {k: frozenset(v) for k, v in latin.items()})


@lru_cache(maxsize=200_000)
def canonical(token: str) -> frozenset[str]:
    """The listed names this token (or multi-token key) is a spelling of; empty if none."""
    arabic, latin = _known()
    if is_arabic(token):
        return arabic.get(token, frozenset())
    found = latin.get(token)
    if found is None and len(token) > 4 and token[:2] in ("al", "el"):
        found = latin.get(token[2:])
    return found or frozenset()


# --- what is stored -----------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def part_key(text: str) -> str:
    """The key of a name part: its tokens, folded, joined by spaces."""
    return " ".join(tokens(text))


@lru_cache(maxsize=1 << 16)
def part_skeleton(text: str) -> str:
    """The skeleton of a name part (as records are filed): the skeletons of its tokens,
    run together, confusable consonants merged."""
    return _block("".join(token_skeleton(t) for t in tokens(text)))


def split_full_name(text: str) -> dict[str, str]:
    """A full name in one string (`name_latin`), as given, father, grandfather, family."""
    words = text.split()
    if not words:
        return {}
    joined = _rejoin(words)
    if len(joined) == 1:
        return {"given": joined[0]}
    if len(joined) == 2:
        return {"given": joined[0], "family": joined[1]}
    if len(joined) == 3:
        return {"given": joined[0], "father": joined[1], "family": joined[2]}
    return {"given": joined[0], "father": joined[1], "grandfather": joined[2],
            "family": " ".join(joined[3:])}


def _rejoin(words: list[str]) -> list[str]:
    """Words grouped into name parts: `Abd al-Rahman`, `al-Halabi`, `Nour al-Din` stay whole."""
    parts: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        low = normalize(word).replace(" ", "")
        if low in _LAT_JOIN_NEXT | _AR_JOIN_NEXT and i + 1 < len(words):
            word = word + " " + words[i + 1]
            i += 1
            nxt = normalize(words[i]).replace(" ", "")
            if nxt in _LAT_ARTICLES and i + 1 < len(words):
                word = word + " " + words[i + 1]
                i += 1
        elif low in _LAT_ARTICLES and i + 1 < len(words):
            word = word + " " + words[i + 1]
            i += 1
            if normalize(words[i]) in _LAT_DIN and parts:
                parts[-1] = parts[-1] + " " + word
                i += 1
                continue
        elif (low in _LAT_DIN or low in _AR_JOIN_PREV) and parts:
            parts[-1] = parts[-1] + " " + word
            i += 1
            continue
        parts.append(word)
        i += 1
    return parts


_SEARCH_FIELDS = ("given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin")


def search_text(victim: Any) -> str:
    """The text the full-text index holds for a victim (an object or a dict): every name
    part, normalised."""
    get = victim.get if isinstance(victim, dict) else (lambda k, d="": getattr(victim, k, d))
    parts = [get(field, "") for field in _SEARCH_FIELDS]
    return " ".join(normalize(p) for p in parts if p)


def name_parts(victim: Any) -> dict[str, str]:
    """The raw name parts of a victim (an object or a dict); from `name_latin` when the
    parts themselves are all empty."""
    get = victim.get if isinstance(victim, dict) else (lambda k, d="": getattr(victim, k, d))
    parts = {p: (get(f"{p}_name", "") or "") for p in NAME_PARTS}
    if not any(v.strip() for v in parts.values()):
        latin = get("name_latin", "") or ""
        parts = {p: "" for p in NAME_PARTS} | split_full_name(latin)
    return parts


def victim_keys(victim: Any) -> dict[str, str]:
    """The keys and skeletons stored beside a victim (`victim_keys`) for matching."""
    parts = name_parts(victim)
    get = victim.get if isinstance(victim, dict) else (lambda k, d="": getattr(victim, k, d))
    keys = {f"key_{p}": part_key(parts[p]) for p in NAME_PARTS}
    keys["key_latin"] = part_key(get("name_latin", "") or "")
    # A part the fields lack may be in the full Latin name: it still files the record.
    latin = split_full_name(get("name_latin", "") or "")
    keys |= {f"skel_{p}": part_skeleton(parts[p]) or part_skeleton(latin.get(p, "")) for p in NAME_PARTS}
    return keys


def part_skeleton_of_key(key: str) -> str:
    """The skeleton of a part already folded into its key (tokens separated by spaces)."""
    return _block("".join(token_skeleton(t) for t in key.split()))
