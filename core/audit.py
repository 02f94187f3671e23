"""The append-only history: every change, who made it and when, chained by SHA-256.

Each entry's hash covers its own content and the previous entry's hash, so that an entry
changed or removed afterwards breaks the chain from that point on.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlite_utils import Database

from core.i18n import tr
from core.jobs import JobState
from core.models import utc_now
from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS

GENESIS = "0" * 64


# json.dumps with options builds a new encoder at every call, and even a JSONEncoder's
# encode() builds its C encoder again each time; the C encoder is built once here (when
# this Python has it) and writes the same text: it is the very function encode() uses.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_encode_text: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
_c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
# No circular-reference markers: what is hashed is rows of text and numbers.
_C_CANONICAL = (None if _c_make_encoder is None else
                _c_make_encoder(None, _ENCODER.default, _encode_text, None, _ENCODER.key_separator,
                                _ENCODER.item_separator, True, False, True))


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: the form that is hashed."""
    if _C_CANONICAL is None or type(value) is not dict:
        return _ENCODER.encode(value)
    return "".join(_C_CANONICAL(value, 0))


def canonical_sql(columns: Iterable[str]) -> str:
    """A SQLite expression giving :func:`canonical` of a row of these columns: the same text
    for columns of text, whole numbers and nulls (SQLite writes some floating-point numbers
    with more digits than Python does; tests/core/test_audit_hash.py)."""
    return "json_object(" + ", ".join(f"'{c}', {c}" for c in sorted(columns)) + ")"


def digest(text: str) -> str:
    """SHA-256 of a text, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_HASHED = ("at", "user_name", "action", "record_type", "record_uuid", "before", "after")
_HASHED_SORTED = tuple(sorted(_HASHED))
_HEADS = tuple(("{" if i == 0 else ",") + _encode_text(k) + ":" for i, k in enumerate(_HASHED_SORTED))
_HEAD_KEYS = tuple(zip(_HEADS, _HASHED_SORTED, strict=True))


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    # The canonical JSON of text and nulls, written directly: the same text, without
    # building a dictionary and sorting it for every entry.
    parts = [prev_hash]
    get = entry.get
    for head, key in _HEAD_KEYS:
        value = get(key)
        if value is None:
            parts.append(head + "null")
        elif type(value) is str:
            parts.append(head + _encode_text(value))
        else:
            text = canonical(dict(zip(_HASHED_SORTED, [get(k) for k in _HASHED_SORTED], strict=True)))
            return hashlib.sha256((prev_hash + text).encode("utf-8")).hexdigest()
    parts.append("}")
    return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()


def entry_hasher(*, at: str, user_name: str, action: str, record_type: str) -> Callable[
        [str, str | None, str | None, str | None], str]:
    """:func:`entry_hash` for many entries that share these four fields (an import's):
    `hasher(prev_hash, record_uuid, before, after)` gives the same hash, the shared parts of
    the text written once. `before` and `after` are canonical texts or None."""
    def text(value: str | None) -> str:
        return "null" if value is None else _encode_text(value)

    # The keys in sorted order: action, after, at, before, record_type, record_uuid, user_name.
    to_after = '{"action":' + text(action) + ',"after":'
    to_before = ',"at":' + text(at) + ',"before":'
    to_uuid = ',"record_type":' + text(record_type) + ',"record_uuid":'
    end = ',"user_name":' + text(user_name) + "}"
    sha256, encode = hashlib.sha256, _encode_text

    def hasher(prev_hash: str, record_uuid: str | None, before: str | None, after: str | None) -> str:
        return sha256((prev_hash + to_after + ("null" if after is None else encode(after)) + to_before
                       + ("null" if before is None else encode(before)) + to_uuid
                       + ("null" if record_uuid is None else encode(record_uuid)) + end)
                      .encode("utf-8")).hexdigest()

    return hasher


def head(db: Database) -> str:
    """The hash of the newest entry (the genesis hash for an empty history)."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(
    db: Database,
    *,
    user: str,
    action: str,
    record_type: str,
    record_uuid: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: str | None = None,
) -> str:
    """Append one entry and return its hash. Call inside the write's transaction."""
    entry = {
        "at": at or utc_now(),
        "user_name": user,
        "action": action,
        "record_type": record_type,
        "record_uuid": record_uuid,
        "before": canonical(before) if before is not None else None,
        "after": canonical(after) if after is not None else None,
    }
    prev = head(db)
    digest = entry_hash(prev, entry)
    db.execute(
        "INSERT INTO audit_log (at, user_name, action, record_type, record_uuid, before, after, prev_hash, hash)"
        " VALUES (:at, :user_name, :action, :record_type, :record_uuid, :before, :after, :prev_hash, :hash)",
        {**entry, "prev_hash": prev, "hash": digest},
    )
    return digest


def append_many(db: Database, entries: Iterable[dict[str, Any]]) -> str:
    """Append entries in order, as as many calls of :func:`append` would (the same chain),
    in one statement; returns the new head. Each entry holds the keyword arguments of
    :func:`append`. Call inside the write's transaction."""
    prev = head(db)
    rows = []
    for e in entries:
        entry = {
            "at": e.get("at") or utc_now(),
            "user_name": e["user"],
            "action": e["action"],
            "record_type": e["record_type"],
            "record_uuid": e.get("record_uuid"),
            "before": canonical(e["before"]) if e.get("before") is not None else None,
            "after": canonical(e["after"]) if e.get("after") is not None else None,
        }
        hashed = entry_hash(prev, entry)
        rows.append({**entry, "prev_hash": prev, "hash": hashed})
        prev = hashed
    if rows:
        db.conn.executemany(
            "INSERT INTO audit_log (at, user_name, action, record_type, record_uuid, before, after, prev_hash, hash)"
            " VALUES (:at, :user_name, :action, :record_type, :record_uuid, :before, :after, :prev_hash, :hash)",
            rows,
        )
    return prev


def history(db: Database, record_uuid: str) -> list[dict[str, Any]]:
    """Every entry about one record, oldest first."""
    return list(db.query("SELECT * FROM audit_log WHERE record_uuid = ? ORDER BY seq", [record_uuid]))


def incident_history(db: Database, incident_uuid: str) -> list[dict[str, Any]]:
    """Every entry about an incident, its victims (deleted ones too), its comments and its
    approved snapshot, oldest first."""
    return list(db.query(
        """SELECT * FROM audit_log WHERE record_uuid = :uuid
               OR (record_type = 'victim' AND record_uuid IN
                   (SELECT victim_uuid FROM victims WHERE incident_uuid = :uuid))
               OR (record_type = 'comment' AND record_uuid IN
                   (SELECT comment_uuid FROM comments WHERE incident_uuid = :uuid))
           ORDER BY seq""",
        {"uuid": incident_uuid},
    ))


def fingerprint(secret_hash: str) -> str:
    """A short digest of a password hash: the history shows that it changed, and verify
    notices one swapped in the file, without the history holding the hash itself."""
    return digest(secret_hash)[:16]


# ---------------------------------------------------------------------------------------
# Verification


@dataclass(frozen=True)
class Finding:
    """One thing that is not as the history says. `seq` names an entry, `record_uuid` a
    record."""

    kind: str  # "chain", "record", "protection"
    message: str
    seq: int | None = None
    record_type: str | None = None
    record_uuid: str | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class Verification:
    entries: int = 0
    records: int = 0
    head: str = GENESIS
    findings: list[Finding] = field(default_factory=list)
    more: int = 0  # findings left out beyond MAX_FINDINGS

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first_broken_entry(self) -> int | None:
        return next((f.seq for f in self.findings if f.kind == "chain"), None)


MAX_FINDINGS = 1000
TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def verify(db: Database, *, expected_head: str | None = None, job: JobState | None = None) -> Verification:
    """Check that the history is whole and that the records are what it says.

    - the hash chain, entry by entry: the first entry that was changed, or that does not
      follow the one before it (an entry removed), is named;
    - that no entry was removed from the end, and, when `expected_head` is given (the head
      written into an earlier export), that it is still in the chain;
    - replaying the history of every incident, victim, comment, account and approved
      snapshot, that the content in the file is the content the history last recorded: a
      record changed, added or removed directly in the file is named;
    - that the triggers refusing changes to the history are in place.
    """
    result = Verification()
    total = (db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]) or 1
    _check_chain(db, result, expected_head, job, total)
    _check_protection(db, result)
    for spec in _record_specs():
        _check_records(db, spec, result, job)
    return result


def _add(result: Verification, finding: Finding) -> None:
    if len(result.findings) < MAX_FINDINGS:
        result.findings.append(finding)
    else:
        result.more += 1


def _describe(seq: int, at: str, user: str, action: str, record_type: str, record_uuid: str | None) -> str:
    what = f"{record_type} {record_uuid}" if record_uuid else record_type
    return tr("entry #{seq} ({action} of {what} by {user} at {at})",
              seq=seq, action=action, what=what, user=user, at=at)


def _check_chain(
    db: Database, result: Verification, expected_head: str | None, job: JobState | None, total: int
) -> None:
    prev = GENESIS
    seen_head = expected_head is None or expected_head == GENESIS
    last_seq = 0
    broken = False
    for row in db.execute(
        "SELECT seq, at, user_name, action, record_type, record_uuid, before, after, prev_hash, hash"
        " FROM audit_log ORDER BY seq"
    ):
        seq, at, user, action, record_type, record_uuid, before, after, prev_hash, stored = row
        result.entries += 1
        last_seq = seq
        if not broken:
            entry = {"at": at, "user_name": user, "action": action, "record_type": record_type,
                     "record_uuid": record_uuid, "before": before, "after": after}
            where = _describe(seq, at, user, action, record_type, record_uuid)
            if prev_hash != prev:
                broken = True
                _add(result, Finding("chain", tr(
                    "The history is broken at {entry}: it does not follow the entry before it,"
                    " so an entry was removed or changed.", entry=where), seq=seq))
            elif entry_hash(prev, entry) != stored:
                broken = True
                _add(result, Finding("chain", tr(
                    "The history is broken at {entry}: its content was changed after it was written.",
                    entry=where), seq=seq))
        if stored == expected_head:
            seen_head = True
        prev = stored
        if job is not None and result.entries % 5000 == 0:
            job.check()
            job.progress(result.entries, total)
    result.head = prev
    row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    if row is not None and row[0] > last_seq:
        _add(result, Finding("chain", tr(
            "The newest entries of the history were removed: it ends at #{last} but reached #{seq}.",
            last=last_seq, seq=row[0]), seq=last_seq + 1))
    if not seen_head:
        _add(result, Finding("chain", tr(
            "The history no longer holds the entry {head} that an earlier export recorded as its newest.",
            head=expected_head)))


def _check_protection(db: Database, result: Verification) -> None:
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
    for name in TRIGGERS:
        if name not in present:
            _add(result, Finding("protection", tr(
                "The protection {name} of the history was removed from the file.", name=name)))


@dataclass(frozen=True)
class _Spec:
    record_type: str
    table: str
    pk: str
    fields: tuple[str, ...]
    state: Callable[[dict[str, Any]], dict[str, Any]]
    start: dict[str, Any]
    created: bool = True  # whether every record's history begins with a creating entry
    aliases: tuple[str, ...] = ()  # other names the history gives this kind of record


def _record_specs() -> list[_Spec]:
    from core.storage.records import BOOKKEEPING  # records imports this module

    incident = tuple(k for k in INCIDENT_COLUMNS if k not in BOOKKEEPING) + ("deleted",)
    victim = tuple(k for k in VICTIM_COLUMNS if k not in BOOKKEEPING) + ("deleted",)
    comment = ("incident_uuid", "author", "written_at", "status_change", "text")
    decision = ("victim_uuid_a", "victim_uuid_b", "decision", "decided_by", "decided_at", "retracted")
    return [
        _Spec("incident", "incidents", "incident_uuid", incident, lambda r: r, {"deleted": 0}),
        _Spec("victim", "victims", "victim_uuid", victim, lambda r: r, {"deleted": 0}),
        _Spec("comment", "comments", "comment_uuid", comment, lambda r: r, {}),
        _Spec("duplicate_decision", "duplicate_decisions", "decision_uuid", decision, lambda r: r, {},
              aliases=("decision",)),
        _Spec("user", "users", "user_name", ("role", "active", "password"),
              lambda r: {"role": r["role"], "active": int(r["active"]), "password": fingerprint(r["password_hash"] or "")},
              {}),
        _Spec("approved_snapshot", "approved_snapshots", "incident_uuid", ("version", "sha256"),
              lambda r: {"version": r["version"], "sha256": digest(r["payload"])}, {}, created=False),
    ]


def _shown(value: Any) -> str:
    return "(empty)" if value is None or value == "" else str(value)


def _check_records(db: Database, spec: _Spec, result: Verification, job: JobState | None) -> None:
    rows = iter(db.query(f"SELECT * FROM {spec.table} ORDER BY {spec.pk}"))
    kinds = (spec.record_type, *spec.aliases)
    entries = db.execute(
        "SELECT record_uuid, seq, action, before, after FROM audit_log"
        f" WHERE record_type IN ({','.join('?' * len(kinds))}) AND record_uuid IS NOT NULL"
        " ORDER BY record_uuid, seq",
        list(kinds),
    )
    groups = groupby(entries, key=lambda e: e[0])
    row = next(rows, None)
    group = next(groups, None)
    while row is not None or group is not None:
        uuid = row[spec.pk] if row is not None else None
        if group is None or (uuid is not None and uuid < group[0]):
            result.records += 1
            _add(result, Finding("record", tr(
                "{kind} {uuid} is in the file but not in the history: it was added directly.",
                kind=spec.record_type, uuid=uuid), record_type=spec.record_type, record_uuid=uuid))
            row = next(rows, None)
            continue
        state, created, last_seq = dict(spec.start), False, 0
        for _, seq, _action, before, after in group[1]:
            last_seq = seq
            if after is None:
                continue
            values = json.loads(after)
            if before is None:  # an entry with no "before" brought the record into being
                state, created = {**spec.start, **values}, True
            else:
                state.update(values)
        if uuid is None or group[0] < uuid:
            if not state.get("deleted"):
                _add(result, Finding("record", tr(
                    "{kind} {uuid} is in the history but missing from the file: it was removed directly.",
                    kind=spec.record_type, uuid=group[0]), record_type=spec.record_type, record_uuid=group[0]))
            group = next(groups, None)
            continue
        result.records += 1
        assert row is not None
        actual = spec.state(row)
        if spec.created and not created:
            _add(result, Finding("record", tr(
                "{kind} {uuid} has no creation entry in the history.", kind=spec.record_type, uuid=uuid),
                record_type=spec.record_type, record_uuid=uuid))
        else:
            for name in spec.fields:
                if actual.get(name) != state.get(name):
                    _add(result, Finding("record", tr(
                        "{kind} {uuid} was changed outside the application: its {field} is {actual} in the"
                        " file, but the history (entry #{seq}) says {expected}.",
                        kind=spec.record_type, uuid=uuid, field=name, actual=_shown(actual.get(name)),
                        seq=last_seq, expected=_shown(state.get(name))),
                        seq=last_seq, record_type=spec.record_type, record_uuid=uuid))
                    break
        if job is not None and result.records % 5000 == 0:
            job.check()
        row = next(rows, None)
        group = next(groups, None)
