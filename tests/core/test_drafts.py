from __future__ import annotations

from core.drafts import discard_draft, list_drafts, load_draft, save_draft


def test_a_draft_is_kept_replaced_listed_and_discarded(db):
    assert load_draft(db, "k1") is None
    save_draft(db, "k1", "amal", {"incident": {"locality": "دوما"}}, now="2016-01-05T10:00:00Z")
    save_draft(db, "k2", "omar", {"incident": {}}, now="2016-01-05T11:00:00Z")
    save_draft(db, "k1", "amal", {"incident": {"locality": "حرستا"}}, now="2016-01-05T12:00:00Z")
    assert load_draft(db, "k1") == {"incident": {"locality": "حرستا"}}
    assert [d.draft_key for d in list_drafts(db)] == ["k1", "k2"]
    assert [d.draft_key for d in list_drafts(db, "omar")] == ["k2"]
    assert discard_draft(db, "k1") is True
    assert discard_draft(db, "k1") is False
    assert load_draft(db, "k1") is None


def test_an_unreadable_draft_reads_as_none(db):
    db.execute("INSERT INTO drafts VALUES ('bad', 'amal', '2016-01-05T10:00:00Z', '{not json')")
    db.execute("INSERT INTO drafts VALUES ('list', 'amal', '2016-01-05T10:00:00Z', '[1, 2]')")
    assert load_draft(db, "bad") is None
    assert load_draft(db, "list") is None
