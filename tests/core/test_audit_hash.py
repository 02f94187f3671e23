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


texts = st.one_of(st.none(), st.text(), st.sampled_from(['"', "\\", "\n", "\x00", "\x7f", "\u2028", "محمد", "{}"]))


@given(st.fixed_dictionaries({k: texts for k in FIELDS}), st.text(alphabet="0123456789abcdef", max_size=64))
def test_the_hasher_of_shared_fields_gives_the_entry_hash(entry, prev):
    hasher = audit.entry_hasher(at=entry["at"], user_name=entry["user_name"], action=entry["action"],
                                record_type=entry["record_type"])
    assert hasher(prev, entry["record_uuid"], entry["before"], entry["after"]) == _reference(prev, entry)


@given(st.dictionaries(st.text(min_size=1, max_size=12), st.none() | st.integers(-2**63, 2**63 - 1)
                       | st.text(st.characters(exclude_categories=["Cs"])), min_size=1, max_size=8))
def test_sqlite_json_object_of_text_and_whole_numbers_is_the_canonical_json(record):
    """An import writes the history of new records with SQLite's json_object (keys given in
    sorted order): for text, whole numbers and nulls it is the canonical text."""
    from core.storage.driver import connect

    conn = connect(":memory:")
    keys = sorted(record)
    sql = "SELECT json_object(" + ", ".join("?, ?" for _ in keys) + ")"
    text = conn.execute(sql, [x for k in keys for x in (k, record[k])]).fetchone()[0]
    conn.close()
    assert text == audit.canonical(record)
