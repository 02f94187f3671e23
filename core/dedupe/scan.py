"""The scan of the whole database (or of some records, after an import) for likely
duplicate victims, and the stored results a review screen lists.

Records are walked in the order of the blocking indexes (given name with family name,
with father's name, with grandfather's name; and father's with family name, for given
names mistyped), each by date, so that only records of one block and at most
as many days apart as the threshold allows are compared (:func:`~core.dedupe.score.max_days`):
beyond that no pair can reach it. Memory holds a few thousand records at a time, and the pairs found (which are few).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import OSA, Indel, Levenshtein
from sqlite_utils import Database

from core.changes import Changes
from core.dedupe import parallel
from core.dedupe.decisions import active_decision, decided_pairs, pair
from core.dedupe.lookup import candidates_of, matches_among, profiles
from core.dedupe.profile import day_number
from core.dedupe.score import THRESHOLD, max_days, quick_score, score_pair
from core.jobs import JobState
from core.models import utc_now
from core.storage import get_meta, set_meta
from core.storage.selection import as_collection

CHECK_EVERY = 2000
COMPUTE_UP_TO = 20_000  # victims a never-scanned database may have to be scanned unasked
# A scan around many records (a large import) walks the blocking indexes as a full scan
# does, when they are at least this share of the database and this many: looking each one
# up costs about ten times what walking past it does.
WALK_SHARE = 0.1
WALK_MIN = 5_000


@dataclass(frozen=True)
class ScoredPair:
    victim_uuid_a: str
    victim_uuid_b: str
    score: float
    reasons: tuple[str, ...]
    incident_uuid_a: str = field(default="", compare=False)
    incident_uuid_b: str = field(default="", compare=False)


def one_to_one(pairs: list[ScoredPair]) -> Iterator[ScoredPair]:
    """Leave out a pair when one of its records matches another victim of the other's
    incident better: a victim of one incident is at most one victim of another (a
    sibling's name mistyped otherwise pairs a child with both brothers)."""
    best: dict[tuple[str, str], float] = {}
    for p in pairs:
        for key in ((p.victim_uuid_a, p.incident_uuid_b), (p.victim_uuid_b, p.incident_uuid_a)):
            best[key] = max(best.get(key, 0.0), p.score)
    for p in pairs:
        if p.incident_uuid_a == p.incident_uuid_b or (
                p.score >= best[(p.victim_uuid_a, p.incident_uuid_b)]
                and p.score >= best[(p.victim_uuid_b, p.incident_uuid_a)]):
            yield p


# The passes of a full scan: the index walked, the columns a block shares, and the
# columns whose equality means an earlier pass already compared the pair.
PASSES = (
    ("idx_victim_keys_block_family", ("skel_given", "skel_family"), ()),
    ("idx_victim_keys_block_father", ("skel_given", "skel_father"), ("skel_family",)),
    ("idx_victim_keys_block_grandfather", ("skel_given", "skel_grandfather"), ("skel_family", "skel_father")),
    # Given names mistyped: the same father's and family name (siblings, mostly, whom the
    # scoring tells apart).
    ("idx_victim_keys_block_lineage", ("skel_family", "skel_father"), ("skel_given",)),
)
KEY_COLUMNS = ("skel_given", "skel_father", "skel_grandfather", "skel_family")
GIVEN = 2  # the position of skel_given in a walked row


def _one_mistyped(a: str, b: str) -> bool:
    """Two given-name skeletons one typing error apart: a letter left out, added or
    replaced, two swapped (mhdm, mhmd), or a letter left out that takes a doubled one
    with it (ممود for محمود: md, mhmd)."""
    if Levenshtein.distance(a, b, score_cutoff=1) <= 1 or OSA.distance(a, b, score_cutoff=1) <= 1:
        return True
    return abs(len(a) - len(b)) == 2 and Indel.distance(a, b, score_cutoff=2) <= 2
PENDING = 4000  # records whose profiles are read at once
SCAN_CACHE_KB = 400_000  # page cache during a full scan


def _walk(db: Database, index: str, columns: tuple[str, ...], low: tuple | None = None,
          high: tuple | None = None) -> Iterator[tuple]:
    """The rows of a pass in block order; with `low` and `high`, only the blocks from `low`
    (included) to `high` (left out), whole blocks since a block is one key."""
    where = " AND ".join(f"{c} > ''" for c in columns)
    key = f"({', '.join(columns)})"
    marks = f"({', '.join('?' * len(columns))})"
    if low is not None:
        where += f" AND {key} >= {marks}"
    if high is not None:
        where += f" AND {key} < {marks}"
    yield from db.execute(
        f"""SELECT victim_uuid, event_date, {", ".join(KEY_COLUMNS)} FROM victim_keys INDEXED BY {index}
            WHERE {where} ORDER BY {", ".join(columns)}, event_date""", [*(low or ()), *(high or ())])


def part_bounds(db: Database, index: str, columns: tuple[str, ...], parts: int) -> list[tuple | None]:
    """Where each of `parts` shares of a pass begins (None: its first block) and the last
    ends (None: the last block), splitting its rows into about equal shares of whole blocks."""
    where = " AND ".join(f"{c} > ''" for c in columns)
    rows = db.execute(f"SELECT COUNT(*) FROM victim_keys INDEXED BY {index} WHERE {where}").fetchone()[0]
    bounds: list[tuple | None] = [None]
    for k in range(1, parts):
        found = db.execute(f"""SELECT {", ".join(columns)} FROM victim_keys INDEXED BY {index} WHERE {where}
                               ORDER BY {", ".join(columns)} LIMIT 1 OFFSET ?""", [k * rows // parts]).fetchone()
        bounds.append(None if found is None else tuple(found))
    bounds.append(None)
    return bounds


def _block_pairs(block: list[tuple], skip: tuple[int, ...], window: int) -> Iterator[tuple[str, str]]:
    """Pairs of a block at most `window` days apart, but those an earlier pass compared.
    In the lineage pass, only given names one typing error apart are compared."""
    days = [day_number(r[1]) for r in block]
    given_apart = GIVEN in skip
    for i in range(len(block)):
        for j in range(i + 1, len(block)):
            if days[i] is not None and days[j] is not None and days[j] - days[i] > window:
                break
            if any(block[i][c] and block[i][c] == block[j][c] for c in skip):
                continue
            if given_apart and not _one_mistyped(block[i][2], block[j][2]):
                continue  # given names too far apart to be one mistyped: siblings
            yield block[i][0], block[j][0]


def _score_pending(db: Database, pending: list[tuple[str, str]], decided: set[tuple[str, str]],
                   threshold: float) -> Iterator[ScoredPair]:
    uuids = sorted({u for p in pending for u in p})
    found = {p.victim_uuid: p for p in profiles(db, uuids)}
    for a, b in pending:
        key = pair(a, b)
        if key in decided or a not in found or b not in found:
            continue
        if quick_score(found[a], found[b], threshold) < threshold:
            continue
        match = score_pair(found[a], found[b])
        if match.score >= threshold:
            yield ScoredPair(key[0], key[1], match.score, tuple(match.reasons),
                             found[key[0]].incident_uuid, found[key[1]].incident_uuid)


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
        # A set or a selection (core.storage.selection) is used as it is: an import's may
        # be half a million records, read from the database as needed.
        wanted = as_collection(victim_uuids)
        if not _walk_for(db, len(wanted)):
            yield from one_to_one(list(_scan_some(db, list(wanted), threshold, decided, job)))
            return
        # Walked as a full scan, keeping the pairs that involve one of these records.
        yield from around(_walk_all(db, threshold, decided, job), wanted, decided)
        return
    yield from one_to_one(_walk_all(db, threshold, decided, job))


def around(found: Iterable[ScoredPair], wanted: Collection[str], decided: set[tuple[str, str]]) -> list[ScoredPair]:
    """Of the pairs a full walk found, those involving one of `wanted` that no decision in
    force is about, one pair per victim and incident (`one_to_one`)."""
    return list(one_to_one([p for p in found if (p.victim_uuid_a in wanted or p.victim_uuid_b in wanted)
                            and pair(p.victim_uuid_a, p.victim_uuid_b) not in decided]))


def _walk_for(db: Database, records: int) -> bool:
    """Whether a scan around `records` records walks the whole database (see WALK_SHARE)."""
    return records >= WALK_MIN and walks_around(records, victim_count(db))


def walks_around(records: int, total: int) -> bool:
    """Whether a scan around `records` records of `total` walks the whole database."""
    return records >= WALK_MIN and records >= WALK_SHARE * total


def victim_count(db: Database) -> int:
    """The victims' records the scan looks at (deleted ones too, left out as it reads)."""
    return int(db.execute("SELECT COUNT(*) FROM victim_keys").fetchone()[0])


def _walk_all(db: Database, threshold: float, decided: set[tuple[str, str]],
                     job: JobState | None) -> list[ScoredPair]:
    found = parallel.scan_in_parts(db, threshold, job)
    if found is not None:
        return found
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    # The profiles read at random need the tables in memory more than the default allows.
    db.execute(f"PRAGMA cache_size = {min(cache, -SCAN_CACHE_KB)}")
    try:
        return list(_scan_all(db, threshold, decided, job))
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")


def _scan_all(db: Database, threshold: float, decided: set[tuple[str, str]],
              job: JobState | None, part: int = 0, parts: int = 1) -> Iterator[ScoredPair]:
    """The full walk; with `parts`, only the share `part` of each pass's blocks (see
    :func:`part_bounds`)."""
    count = db.execute("SELECT COUNT(*) FROM victim_keys").fetchone()[0]
    total = count * len(PASSES)
    window = max_days(threshold)
    done = 0
    position = {c: i + 2 for i, c in enumerate(KEY_COLUMNS)}
    for number, (index, columns, skipped) in enumerate(PASSES):
        group = tuple(position[c] for c in columns)
        skip = tuple(position[c] for c in skipped)
        block: list[tuple] = []
        pending: list[tuple[str, str]] = []
        current: tuple | None = None
        if parts > 1:
            bounds = part_bounds(db, index, columns, parts)
            if part > 0 and bounds[part] is None:  # no rows: the share before takes them all
                done = count * (number + 1)
                continue
            rows = _walk(db, index, columns, bounds[part], bounds[part + 1])
        else:
            rows = _walk(db, index, columns)
        for row in rows:
            key = tuple(row[g] for g in group)
            if key != current:
                if len(block) > 1:
                    pending.extend(_block_pairs(block, skip, window))
                    if len(pending) >= PENDING:
                        yield from _score_pending(db, pending, decided, threshold)
                        pending = []
                block, current = [], key
            block.append(row)
            done += parts  # a share's rows stand for all of the pass's in its progress
            if done % (CHECK_EVERY * parts) == 0 and job is not None:
                job.check()
                job.progress(min(done, count * (number + 1)), total)
        if len(block) > 1:
            pending.extend(_block_pairs(block, skip, window))
        yield from _score_pending(db, pending, decided, threshold)
        done = count * (number + 1)
        if job is not None:
            job.check()
            job.progress(done, total)


def _scan_some(db: Database, uuids: list[str], threshold: float, decided: set[tuple[str, str]],
               job: JobState | None) -> Iterator[ScoredPair]:
    """The pairs :func:`~core.dedupe.lookup.matches_for` finds around each record, each
    pair once (as the record first listed finds it), without the decided ones. The
    records of a batch are looked up together: their blocking queries at once, the
    profiles they find read once, and a pair already found from its other side is not
    scored again."""
    seen: set[tuple[str, str]] = set()
    window = max_days(threshold)
    for start in range(0, len(uuids), 500):
        if job is not None:
            job.check()
            job.progress(start, len(uuids))
        batch = profiles(db, uuids[start:start + 500])
        around = candidates_of(db, batch, window)
        found = {p.victim_uuid: p for p in profiles(db, sorted(set().union(*around.values())))}
        for profile in batch:
            others = [found[u] for u in sorted(around[profile.victim_uuid]) if u in found and u != profile.victim_uuid
                      and pair(profile.victim_uuid, u) not in decided and pair(profile.victim_uuid, u) not in seen]
            for other, score, reasons in matches_among(profile, others, threshold):
                key = pair(profile.victim_uuid, other.victim_uuid)
                seen.add(key)
                incidents = {profile.victim_uuid: profile.incident_uuid, other.victim_uuid: other.incident_uuid}
                yield ScoredPair(key[0], key[1], score, tuple(reasons), incidents[key[0]], incidents[key[1]])
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


def scan_and_add(db: Database, victim_uuids: Iterable[str], job: JobState | None = None) -> ScanResult:
    """Scan around these records (just saved or imported) and add the pairs found to the
    stored ones, so that the review screen lists them before the next full scan."""
    now = utc_now()
    rows = [{"victim_uuid_a": p.victim_uuid_a, "victim_uuid_b": p.victim_uuid_b, "score": p.score,
             "reasons": "; ".join(p.reasons), "scanned_at": now}
            for p in scan(db, job=job, victim_uuids=victim_uuids)]
    if rows:
        with db.atomic():
            db["duplicate_candidates"].insert_all(rows, batch_size=2000, replace=True)
    return ScanResult(len(rows), Changes(duplicates=bool(rows)))


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
    db: Database, min_score: float | None = None, include_decided: bool = False, limit: int = 500,
    compute_up_to: int = COMPUTE_UP_TO,
) -> list[CandidatePair]:
    """The pairs for review, best first: those of the last stored scan (and those added
    since), with the decisions taken since applied. A database never scanned is scanned
    now when it holds at most `compute_up_to` victims (a larger one waits for a scan the
    user starts). With `include_decided`, the pairs decided (in force) come too, with their
    decision, so they can be undone."""
    threshold = THRESHOLD if min_score is None else min_score
    never = last_scanned(db) is None
    if never and db.execute("SELECT COUNT(*) FROM victim_keys").fetchone()[0] > compute_up_to:
        never = False  # lists what imports and saves added, if anything
    if never:
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
            # Stored reasons are in the language of the scan; those shown are recomputed
            # in the current one (a documenter may have switched language since).
            current = pair_score(db, a, b)
            out.append(CandidatePair(side_a, side_b, score, list(current.reasons) if current else reasons))
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
