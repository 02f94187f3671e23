"""The scan of the whole database (or of some records, after an import) for likely
duplicate victims, and the stored results a review screen lists.

Records are walked in the order of the blocking indexes (given name and family name,
then given name and father's name, each by date), so that only records of one block and
at most :data:`~core.dedupe.score.MAX_DAYS` apart are compared: beyond that no pair can
reach the threshold. Memory holds one block at a time.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from core.changes import Changes
from core.dedupe.decisions import active_decision, decided_pairs, pair
from core.dedupe.lookup import matches_for, profiles
from core.dedupe.profile import LIVE, PROFILE_COLUMNS, Profile, from_row
from core.dedupe.score import MAX_DAYS, THRESHOLD, score_pair
from core.jobs import JobState
from core.models import utc_now
from core.storage import get_meta, set_meta

CHECK_EVERY = 2000


@dataclass(frozen=True)
class ScoredPair:
    victim_uuid_a: str
    victim_uuid_b: str
    score: float
    reasons: tuple[str, ...]


def _walk(db: Database, column: str, index: str) -> Iterator[tuple]:
    yield from db.execute(
        f"""SELECT {PROFILE_COLUMNS}
            FROM victim_keys k INDEXED BY {index}
            JOIN victims v ON v.victim_uuid = k.victim_uuid
            JOIN incidents i ON i.incident_uuid = v.incident_uuid
            WHERE k.skel_given > '' AND k.{column} > '' AND {LIVE}
            ORDER BY k.skel_given, k.{column}, k.event_date""")


def _block_pairs(block: list[Profile], skip_same_family: bool, family: list[str]) -> Iterator[tuple[int, int]]:
    for i in range(len(block)):
        day_i = block[i].day
        for j in range(i + 1, len(block)):
            day_j = block[j].day
            if day_i is not None and day_j is not None and day_j - day_i > MAX_DAYS:
                break
            if skip_same_family and family[i] and family[i] == family[j]:
                continue  # compared in the family pass
            yield i, j


def _scored_block(block: list[Profile], family: list[str], skip_same_family: bool,
                  decided: set[tuple[str, str]], threshold: float) -> Iterator[ScoredPair]:
    if len(block) < 2:
        return
    for i, j in _block_pairs(block, skip_same_family, family):
        key = pair(block[i].victim_uuid, block[j].victim_uuid)
        if key in decided:
            continue
        match = score_pair(block[i], block[j])
        if match.score >= threshold:
            yield ScoredPair(key[0], key[1], match.score, tuple(match.reasons))


def scan(
    db: Database,
    min_score: float | None = None,
    job: JobState | None = None,
    victim_uuids: Iterable[str] | None = None,
) -> Iterator[ScoredPair]:
    """Every pair of live victim records scoring at least `min_score` (default: the
    threshold), each pair once, leaving out pairs a decision in force is about.

    With `victim_uuids`, only pairs involving those records (after an import).
    Raises :class:`core.jobs.Cancelled` when the job is cancelled.
    """
    threshold = THRESHOLD if min_score is None else min_score
    decided = decided_pairs(db)
    if victim_uuids is not None:
        yield from _scan_some(db, list(dict.fromkeys(victim_uuids)), threshold, decided, job)
        return
    total = db.execute("SELECT COUNT(*) FROM victim_keys").fetchone()[0] * 2
    done = 0
    for column, index, sort_col in (("skel_family", "idx_victim_keys_block_family", 9),
                                    ("skel_father", "idx_victim_keys_block_father", 7)):
        block: list[Profile] = []
        family: list[str] = []
        current: tuple[str, str] | None = None

        for row in _walk(db, column, index):
            key = (row[6], row[sort_col])
            if key != current:
                yield from _scored_block(block, family, column == "skel_father", decided, threshold)
                block, family, current = [], [], key
            block.append(from_row(row))
            family.append(row[9] or "")
            done += 1
            if done % CHECK_EVERY == 0 and job is not None:
                job.check()
                job.progress(done, total)
        yield from _scored_block(block, family, column == "skel_father", decided, threshold)
        done = total // 2 if column == "skel_family" else total
        if job is not None:
            job.progress(done, total)


def _scan_some(db: Database, uuids: list[str], threshold: float, decided: set[tuple[str, str]],
               job: JobState | None) -> Iterator[ScoredPair]:
    seen: set[tuple[str, str]] = set()
    for start in range(0, len(uuids), 500):
        if job is not None:
            job.check()
            job.progress(start, len(uuids))
        for profile in profiles(db, uuids[start:start + 500]):
            for other, score, reasons in matches_for(db, profile, threshold):
                key = pair(profile.victim_uuid, other.victim_uuid)
                if key in seen or key in decided:
                    continue
                seen.add(key)
                yield ScoredPair(key[0], key[1], score, tuple(reasons))
    if job is not None:
        job.progress(len(uuids), len(uuids))


@dataclass
class ScanResult:
    pairs: int
    changes: Changes = field(default_factory=lambda: Changes(duplicates=True))


def scan_and_store(db: Database, min_score: float | None = None, job: JobState | None = None) -> ScanResult:
    """Scan everything and keep the pairs found for the review screen (replacing the
    previous scan's). Cancelled, it keeps the previous results."""
    now = utc_now()
    rows = [{"victim_uuid_a": p.victim_uuid_a, "victim_uuid_b": p.victim_uuid_b, "score": p.score,
             "reasons": "; ".join(p.reasons), "scanned_at": now} for p in scan(db, min_score, job)]
    with db.atomic():
        db.execute("DELETE FROM duplicate_candidates")
        db["duplicate_candidates"].insert_all(rows, batch_size=2000, replace=True)
        set_meta(db, "duplicates_scanned_at", now)
    return ScanResult(len(rows))


@dataclass
class CandidatePair:
    a: dict[str, Any]
    b: dict[str, Any]
    score: float
    reasons: list[str]
    decision: dict[str, Any] | None = None


_SIDE = """SELECT v.*, i.date AS incident_date, i.governorate AS incident_governorate,
    i.locality AS incident_locality, i.incident_type AS incident_type, i.perpetrator AS incident_perpetrator
    FROM victims v JOIN incidents i ON i.incident_uuid = v.incident_uuid WHERE v.victim_uuid = ?"""


def _side(db: Database, uuid: str) -> dict[str, Any] | None:
    rows = list(db.query(_SIDE, [uuid]))
    if not rows or rows[0]["deleted"]:
        return None
    row = rows[0]
    row.pop("search_text", None)
    return row


def last_scanned(db: Database) -> str | None:
    return get_meta(db, "duplicates_scanned_at")


def candidate_pairs(
    db: Database, min_score: float | None = None, include_decided: bool = False, limit: int = 500
) -> list[CandidatePair]:
    """The pairs for review, best first: those of the last stored scan (computed now if
    there was none), with the decisions taken since applied. With `include_decided`,
    the pairs decided (in force) come too, with their decision, so they can be undone."""
    threshold = THRESHOLD if min_score is None else min_score
    if last_scanned(db) is None:
        found = [(p.victim_uuid_a, p.victim_uuid_b, p.score, list(p.reasons)) for p in scan(db, threshold)]
    else:
        found = [(r[0], r[1], r[2], [x for x in (r[3] or "").split("; ") if x]) for r in db.execute(
            """SELECT victim_uuid_a, victim_uuid_b, score, reasons FROM duplicate_candidates
               WHERE score >= ?""", [threshold]).fetchall()]
    decided = decided_pairs(db)
    found = [f for f in found if pair(f[0], f[1]) not in decided]
    found.sort(key=lambda f: (-f[2], f[0], f[1]))
    out: list[CandidatePair] = []
    for a, b, score, reasons in found[:limit]:
        side_a, side_b = _side(db, a), _side(db, b)
        if side_a and side_b:
            out.append(CandidatePair(side_a, side_b, score, reasons))
    if include_decided:
        for row in db.query(
            "SELECT * FROM duplicate_decisions WHERE retracted = 0 ORDER BY decided_at DESC, rowid DESC LIMIT ?",
            [limit],
        ):
            side_a, side_b = _side(db, row["victim_uuid_a"]), _side(db, row["victim_uuid_b"])
            if side_a and side_b:
                scored = pair_score(db, row["victim_uuid_a"], row["victim_uuid_b"])
                out.append(CandidatePair(side_a, side_b, scored.score if scored else 0.0,
                                         list(scored.reasons) if scored else [], row))
    return out


def pair_score(db: Database, a: str, b: str) -> ScoredPair | None:
    """The score of one pair of stored records, whatever decision was taken about it."""
    found = {p.victim_uuid: p for p in profiles(db, [a, b])}
    if a not in found or b not in found:
        return None
    match = score_pair(found[a], found[b])
    x, y = pair(a, b)
    return ScoredPair(x, y, match.score, tuple(match.reasons))


__all__ = ["ScoredPair", "scan", "scan_and_store", "candidate_pairs", "CandidatePair", "ScanResult",
           "last_scanned", "pair_score", "active_decision"]
