"""What text a record may hold: rules against broken and hostile input.

Every text field of a record passes :func:`check_text`, and every name part
:func:`check_name`. Anything else is stored exactly as typed (SQL-looking text included:
every query is parameterised).

- A broken character (an unpaired surrogate, left by a bad copy or a bad file) is
  refused everywhere: it cannot be written as UTF-8.
- Control characters are refused everywhere except tab and line breaks in free text
  (summary, notes, sources); a name holds none, not even a line break.
- Bidirectional *controls* (embeddings, overrides and isolates, U+202A–U+202E and
  U+2066–U+2069) are refused in names: they make a name display in another order than it
  is stored ("Trojan source"), which would mislead a reviewer comparing two names. The
  invisible direction *marks* (LRM U+200E, RLM U+200F, ALM U+061C) that word processors
  and web pages leave in Arabic text are removed from names instead: they carry no letter
  and only stop two spellings of one name from matching.
- Lengths are bounded, so that a runaway cell cannot fill the disk or freeze a view.
- Whole numbers are bounded by 2^53 - 1: SQLite stores 64-bit integers and the exchange
  files are read by tools that keep numbers as doubles.
"""
from __future__ import annotations

import re
import unicodedata

from pydantic_core import PydanticCustomError

from core.i18n import tr

NAME_FIELDS = ("given_name", "father_name", "grandfather_name", "family_name", "mother_name", "name_latin")
FREE_TEXT_FIELDS = ("summary", "notes", "sources")
NAME_MAX = 200
SHORT_MAX = 1_000
FREE_TEXT_MAX = 50_000
INT_MAX = 2**53 - 1

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")
FREE_TEXT_CONTROLS_ALLOWED = frozenset("\t\n\r")


def _refused(name: bool) -> re.Pattern[str]:
    """Every character :func:`_check_characters` refuses, as one character class, built from
    the same Unicode categories so that the two cannot disagree: a text without a match
    passes the loop unchanged, and a text with one makes the loop raise. Controls,
    surrogates and line and paragraph separators all lie in the Basic Multilingual Plane
    (Unicode keeps these categories stable); a test compares every code point."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        char = chr(code)
        category = unicodedata.category(char)
        if name:
            refused = category in ("Cs", "Cc", "Zl", "Zp") or char in BIDI_CONTROLS
        else:
            refused = category == "Cs" or (category == "Cc" and char not in FREE_TEXT_CONTROLS_ALLOWED)
        if refused:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]")


# The search for a refused character runs in C; only a text that holds one goes through
# the loop below, which names the character and the reason.
_REFUSED_IN_NAME = _refused(name=True)
_REFUSED_IN_TEXT = _refused(name=False)


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def _error(code: str, template: str, **params: object) -> PydanticCustomError:
    return PydanticCustomError(code, tr(template), params)


def _check_characters(value: str, *, name: bool) -> None:
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs":
            raise _error("text_broken", "This text holds a broken character ({char}), left by a damaged copy or"
                          " file; type it again.", char=_codepoint(char))
        if name and char in BIDI_CONTROLS:
            raise _error("text_bidi", "This name holds an invisible direction control ({char}) that makes it"
                          " display in another order than it is written; remove it.", char=_codepoint(char))
        if category == "Cc" or (name and category in ("Zl", "Zp")):
            if not name and char in FREE_TEXT_CONTROLS_ALLOWED:
                continue
            if name and char in "\t\n\r\u2028\u2029":
                raise _error("text_control", "A name is one line: remove the line break or tab.")
            raise _error("text_control", "This text holds an invisible control character ({char}); remove it.",
                          char=_codepoint(char))


def _check_length(value: str, limit: int) -> None:
    if len(value) > limit:
        raise _error("text_too_long", "This text is {length} characters long; at most {limit} are allowed here.",
                      length=len(value), limit=limit)


def check_name(value: str) -> str:
    """A name part: direction marks removed; controls, broken characters and runaway
    lengths refused."""
    value = value.translate(DIRECTION_MARKS)
    if _REFUSED_IN_NAME.search(value) is not None:
        _check_characters(value, name=True)
    _check_length(value, NAME_MAX)
    return value


def check_text(field: str, value: str) -> str:
    """Any other text field, stored as given once it passes."""
    if _REFUSED_IN_TEXT.search(value) is not None:
        _check_characters(value, name=False)
    _check_length(value, FREE_TEXT_MAX if field in FREE_TEXT_FIELDS else SHORT_MAX)
    return value


def check_int(value: int) -> int:
    if not isinstance(value, bool) and abs(value) > INT_MAX:
        raise _error("number_too_large", "The number {value} is too large.", value=value)
    return value
