"""The history's entry hash is the SHA-256 of the previous hash and the entry's canonical JSON."""
from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from core import audit

FIELDS = ("at", "user_name", "action", "record_type", "record_uuid", "before", "after")


def _reference(prev: str, entry: dict) -> str:
    fields = {k: entry.get(k) for k in FIELDS}
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev + text).encode("utf-8")).hexdigest()


values = st.one_of(st.none(), st.text(), st.sampled_from(['"', "\\", "\n", "\x00", "\u2028", "محمد", "{}"]),
                   st.integers())


@given(st.dictionaries(st.sampled_from(FIELDS), values), st.text(alphabet="0123456789abcdef", max_size=64))
def test_entry_hash_is_that_of_the_canonical_json(entry, prev):
    assert audit.entry_hash(prev, entry) == _reference(prev, entry)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8))
def test_canonical_is_sorted_compact_json(value):
    assert audit.canonical(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
