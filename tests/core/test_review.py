from __future__ import annotations

import json

import pytest

from core import accounts, review
from core.accounts import PermissionDenied
from core.review import CommentRequired, ReviewRefused
from core.storage.records import load_incident, save_incident
from core.tallies import tally
from tests.core.factories import incident, victim


@pytest.fixture
def team(db):
    accounts.create_user(db, "local", "rana", "admin-pass", role="admin")
    accounts.create_user(db, "rana", "amal", "documenter-pass", role="documenter")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    accounts.create_user(db, "rana", "huda", "reviewer-pass", role="reviewer")
    return db


def entry(db, user="amal", status="submitted", **fields):
    inc = incident(review_status=status, **fields)
    save_incident(db, inc, [victim(inc, age=10), victim(inc, age=40)], user)
    return inc.incident_uuid


def status(db, uuid):
    return load_incident(db, uuid)[0].review_status


def test_the_allowed_transitions(team):
    first = entry(team, status="draft")
    review.submit(team, "amal", first)
    review.approve(team, "omar", first)
    assert status(team, first) == "approved"
    second = entry(team)
    review.return_to_documenter(team, "omar", second, "Which hospital? Add the source.")
    assert status(team, second) == "returned"
    review.submit(team, "amal", second)
    review.reject(team, "huda", second, "The same strike is already recorded.")
    assert status(team, second) == "rejected"
    thread = review.thread(team, second)
    assert [(c.author, c.status_change) for c in thread] == [
        ("amal", "submitted"), ("omar", "returned"), ("amal", "submitted"), ("huda", "rejected")]
    assert thread[1].text == "Which hospital? Add the source."


@pytest.mark.parametrize(("start", "step"), [
    ("draft", "approve"), ("draft", "return"), ("draft", "reject"),
    ("approved", "approve"), ("approved", "submit"), ("returned", "approve"),
    ("rejected", "approve"), ("submitted", "submit"),
])
def test_the_refused_transitions(db, start, step):
    # No accounts: the local user may do everything, so only the state machine refuses.
    uuid = entry(db, user="local", status=start)
    with pytest.raises(ReviewRefused, match=f"Incident {uuid} is {start.capitalize()}; only an incident that is"):
        review.transition(db, "local", uuid, step, "a comment")
    assert status(db, uuid) == start


def test_a_documenter_cannot_approve_return_or_reject(team):
    uuid = entry(team, user="omar")
    for step in ("approve", "return", "reject"):
        with pytest.raises(PermissionDenied, match="amal is a documenter: only a reviewer or an admin may approve, return or reject"):
            review.transition(team, "amal", uuid, step, "comment")
    assert status(team, uuid) == "submitted"


def test_a_reviewer_cannot_approve_their_own_entry(team):
    uuid = entry(team, user="omar")
    with pytest.raises(PermissionDenied, match=f"omar cannot approve incident {uuid}: it is their own entry"):
        review.approve(team, "omar", uuid)
    review.approve(team, "huda", uuid)


def test_a_reviewer_who_changed_an_entry_cannot_approve_it(team):
    uuid = entry(team)
    inc, victims = load_incident(team, uuid)
    save_incident(team, inc.model_copy(update={"sources": "changed by omar"}), victims, "omar")
    with pytest.raises(PermissionDenied, match="their own entry"):
        review.approve(team, "omar", uuid)


def test_returning_or_rejecting_needs_a_comment(team):
    uuid = entry(team)
    for step in ("return", "reject"):
        with pytest.raises(CommentRequired, match="a comment is required"):
            review.transition(team, "omar", uuid, step, "   ")
    assert status(team, uuid) == "submitted"


def test_an_unknown_account_can_do_nothing(team):
    uuid = entry(team)
    with pytest.raises(PermissionDenied, match="no account named 'ghost'"):
        review.approve(team, "ghost", uuid)


def test_a_save_cannot_approve(team):
    with pytest.raises(PermissionDenied, match="approve, return or reject it in review"):
        entry(team, status="approved")
    uuid = entry(team)
    inc, victims = load_incident(team, uuid)
    with pytest.raises(PermissionDenied, match="in review"):
        save_incident(team, inc.model_copy(update={"review_status": "approved"}), victims, "omar")
    assert status(team, uuid) == "submitted"


def test_an_edited_approved_record_counts_as_approved_until_reapproved(team):
    uuid = entry(team)
    review.approve(team, "omar", uuid)
    before = tally(team)
    assert before.total.killed == 2
    snapshot = team.execute("SELECT payload FROM approved_snapshots").fetchone()[0]
    inc, victims = load_incident(team, uuid)
    third = victim(inc, age=70)
    saved = save_incident(team, inc.model_copy(update={"perpetrator": "regime"}), [*victims, third], "amal")
    assert saved.incident.review_status == "submitted"
    assert team.execute("SELECT payload FROM approved_snapshots").fetchone()[0] == snapshot
    still = tally(team, with_pending=True)
    assert [(g.key, g.killed) for g in still.groups] == [("russia", 2)]
    assert still.pending == 1
    assert [i.incident_uuid for i in review.review_queue(team)] == [uuid]
    assert review.review_queue(team)[0].reapproval
    review.approve(team, "huda", uuid)
    after = tally(team, with_pending=True)
    assert [(g.key, g.killed) for g in after.groups] == [("regime", 3)]
    assert after.pending == 0
    payload = json.loads(team.execute("SELECT payload FROM approved_snapshots").fetchone()[0])
    assert payload["incident"]["perpetrator"] == "regime"


def test_a_returned_new_version_leaves_the_approved_one_counting(team):
    uuid = entry(team)
    review.approve(team, "omar", uuid)
    inc, victims = load_incident(team, uuid)
    save_incident(team, inc.model_copy(update={"summary": "new"}), victims, "amal")
    review.reject(team, "omar", uuid, "no source for the change")
    assert tally(team).total.killed == 2


def test_bulk_approve_is_all_or_nothing(team):
    a, b = entry(team), entry(team)
    own = entry(team, user="omar")
    with pytest.raises(PermissionDenied, match=own):
        review.approve_many(team, "omar", [a, b, own])
    assert [status(team, u) for u in (a, b, own)] == ["submitted"] * 3
    changes = review.approve_many(team, "omar", [a, b])
    assert changes.incidents == {a, b} and changes.review and changes.tallies
    assert [status(team, u) for u in (a, b)] == ["approved"] * 2
    assert tally(team).total.killed == 4


def test_the_review_queue_filters_by_documenter_and_date(team):
    a = entry(team, date="2016-01-05")
    b = entry(team, user="huda", date="2016-02-10")
    entry(team, status="draft")
    queue = review.review_queue(team)
    assert {q.incident_uuid for q in queue} == {a, b}
    item = next(q for q in queue if q.incident_uuid == a)
    assert (item.documenter, item.victims, item.killed) == ("amal", 2, 2)
    assert [q.incident_uuid for q in review.review_queue(team, documenter="huda")] == [b]
    assert [q.incident_uuid for q in review.review_queue(team, date_from="2016-02-01")] == [b]
    assert [q.incident_uuid for q in review.review_queue(team, date_to="2016-01-31")] == [a]
    assert review.queue_count(team) == 2
    assert review.queue_documenters(team) == ["amal", "huda"]


def test_allowed_steps_follow_the_rules(team):
    uuid = entry(team)
    assert review.allowed_steps(team, "amal", uuid) == []
    assert review.allowed_steps(team, "omar", uuid) == ["approve", "return", "reject"]


def test_comments_need_text_and_an_account(team):
    uuid = entry(team)
    review.add_comment(team, "amal", uuid, "The second source is the civil defence.")
    with pytest.raises(ReviewRefused, match="cannot be empty"):
        review.add_comment(team, "amal", uuid, " ")
    with pytest.raises(PermissionDenied):
        review.add_comment(team, "ghost", uuid, "hello")
    assert [c.text for c in review.thread(team, uuid)][-1] == "The second source is the civil defence."


def test_the_queue_is_found_by_status_not_by_walking_every_live_incident(team):
    db = team
    plans: list[str] = []
    db.conn.set_trace_callback(lambda sql: plans.append(sql) if "review_status = 'submitted'" in sql else None)
    try:
        review.review_queue(db, limit=10)
        review.queue_count(db)
    finally:
        db.conn.set_trace_callback(None)
    assert len(plans) == 2
    for sql in plans:
        plan = " ".join(str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
        assert "review_status" in plan and "incidents_live_date" not in plan, plan
