"""The compiled search for refused characters gives the verdicts of the character loop."""
from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from core import safe_text

TRICKY = ["\ud800", "\udfff", "\x00", "\x1f", "\x7f", "\x85", "\x9f", "\t", "\n", "\r", "\u2028", "\u2029",
          "\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff", "\U0001f600",
          "\U000e0001", "محمد", "a", " "]


def _loop_verdict(value: str, *, name: bool) -> tuple[str, str, dict] | None:
    """What the character loop alone says (the reference)."""
    try:
        safe_text._check_characters(value, name=name)
    except PydanticCustomError as exc:
        return exc.type, exc.message_template, exc.context or {}
    return None


def _verdict(call, *args) -> tuple[str, str, dict] | str:
    try:
        return call(*args)
    except PydanticCustomError as exc:
        return exc.type, exc.message_template, exc.context or {}


def _reference_name(value: str) -> tuple[str, str, dict] | str:
    value = value.translate(safe_text.DIRECTION_MARKS)
    return _loop_verdict(value, name=True) or _verdict(lambda v: (safe_text._check_length(v, safe_text.NAME_MAX), v)[1],
                                                       value)


def _reference_text(field: str, value: str) -> tuple[str, str, dict] | str:
    limit = safe_text.FREE_TEXT_MAX if field in safe_text.FREE_TEXT_FIELDS else safe_text.SHORT_MAX
    return _loop_verdict(value, name=False) or _verdict(lambda v: (safe_text._check_length(v, limit), v)[1], value)


def test_every_code_point_alone_gets_the_loops_verdict():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for name, pattern in ((True, safe_text._REFUSED_IN_NAME), (False, safe_text._REFUSED_IN_TEXT)):
            refused = _loop_verdict(char, name=name) is not None
            assert (pattern.search(char) is not None) == refused, (hex(code), name)


tricky_text = st.lists(st.one_of(st.sampled_from(TRICKY), st.characters(), st.text(max_size=3)),
                       max_size=12).map("".join)


@settings(max_examples=400)
@given(tricky_text)
def test_names_get_the_loops_verdict(value):
    assert _verdict(safe_text.check_name, value) == _reference_name(value)


@settings(max_examples=400)
@given(st.sampled_from(["summary", "locality", "notes", "occupation"]), tricky_text)
def test_texts_get_the_loops_verdict(field, value):
    assert _verdict(safe_text.check_text, field, value) == _reference_text(field, value)


def test_the_first_refused_character_is_named():
    assert _verdict(safe_text.check_name, "ab\u202ec\x00")[0] == "text_bidi"
    assert _verdict(safe_text.check_name, "ab\x00c\u202e")[2] == {"char": "U+0000"}
    assert _verdict(safe_text.check_text, "notes", "a\tb\nc\x01")[2] == {"char": "U+0001"}
    assert _verdict(safe_text.check_text, "notes", "a\ud800\x01")[0] == "text_broken"
    assert _verdict(safe_text.check_name, "a\nb")[0] == "text_control"
    assert _verdict(safe_text.check_name, "\u200fمحمد\u200e") == "محمد"
