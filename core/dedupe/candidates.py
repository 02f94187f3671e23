"""The stored likely duplicate pairs (`duplicate_candidates`), kept current and read a
page at a time.

The table is filled by the full scan (:func:`~core.dedupe.scan.scan_and_store`), after an
import, and around every record saved (:func:`refresh_candidates`, called by
`core.storage.records.save_incident` and `delete_incident`); a decision removes its pair
and taking it back restores it. So what the review screens show is read from the table
by index, never searched for again (only the pairs on screen are scored again, for their
reasons in the current language):

- :func:`duplicate_counts`: per incident, how many of its victims have a likely duplicate
  not decided yet (the review queue's column);
- :func:`pair_keys` / :func:`pair_rows` / :func:`pair_counts`: the Duplicates screen's
  list, as row keys in display order (read once, off the GUI thread) and the records of
  the few rows on screen.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core.dedupe.decisions import pair
from core.dedupe.lookup import profiles
from core.dedupe.scan import CandidatePair, scan
from core.dedupe.score import THRESHOLD, score_pair
from core.models import utc_now
from core.storage.selection import SelectedVictims

# A pair neither decided (by a decision in force, stored in either order) nor about a
# record deleted since it was found. `c` is the candidate row.
_UNDECIDED = """NOT EXISTS (SELECT 1 FROM duplicate_decisions d WHERE d.retracted = 0 AND (
        (d.victim_uuid_a = c.victim_uuid_a AND d.victim_uuid_b = c.victim_uuid_b)
        OR (d.victim_uuid_a = c.victim_uuid_b AND d.victim_uuid_b = c.victim_uuid_a)))"""
_LIVE = """EXISTS (SELECT 1 FROM victims w WHERE w.victim_uuid = c.{side} AND w.deleted = 0)"""
_OPEN = f"c.score >= ? AND {_UNDECIDED} AND {_LIVE.format(side='victim_uuid_a')} AND {_LIVE.format(side='victim_uuid_b')}"
# The whole list: a record deleted has no stored pairs (its deletion refreshed them), so
# that only the decisions are looked up, in their index (a lookup of each record would
# read the victims table at random: about a second at 50,000 pairs).
_LISTED = f"c.score >= ? AND {_UNDECIDED}"


def _rows(pairs: Iterable[Any], now: str) -> list[dict[str, Any]]:
    return [{"victim_uuid_a": p.victim_uuid_a, "victim_uuid_b": p.victim_uuid_b, "score": p.score,
             "reasons": "; ".join(p.reasons), "scanned_at": now} for p in pairs]


def _touching(db: Database, uuids: list[str]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for start in range(0, len(uuids), 400):
        batch = uuids[start:start + 400]
        marks = ",".join("?" * len(batch))
        found.update((a, b) for a, b in db.execute(
            f"""SELECT victim_uuid_a, victim_uuid_b FROM duplicate_candidates WHERE victim_uuid_a IN ({marks})
                UNION SELECT victim_uuid_a, victim_uuid_b FROM duplicate_candidates WHERE victim_uuid_b IN ({marks})""",
            batch + batch).fetchall())
    return found


def refresh_candidates(db: Database, victim_uuids: Iterable[str]) -> bool:
    """Find again the likely duplicates of these records (just saved, deleted or
    imported): their stored pairs are replaced by those a scan around them finds now, so
    that a record changed or deleted since the last scan is not listed with its old
    pairs. Returns whether the stored pairs changed."""
    uuids = sorted(set(victim_uuids))
    if not uuids:
        return False
    with db.atomic():
        before = _touching(db, uuids)
        found = list(scan(db, victim_uuids=uuids))
        store_around(db, uuids, found)
    return before != {(p.victim_uuid_a, p.victim_uuid_b) for p in found}


def store_around(db: Database, victim_uuids: Iterable[str], found: Iterable[Any]) -> None:
    """Replace the stored pairs of these records by `found` (scored pairs of a scan
    around them). `victim_uuids` may be a selection (:mod:`core.storage.selection`)."""
    with db.atomic():
        if isinstance(victim_uuids, SelectedVictims):
            db.execute(f"""DELETE FROM duplicate_candidates WHERE {victim_uuids.condition('victim_uuid_a')}
                           OR {victim_uuids.condition('victim_uuid_b')}""")
            uuids: list[str] = []
        else:
            uuids = sorted(set(victim_uuids))
        for start in range(0, len(uuids), 400):
            batch = uuids[start:start + 400]
            marks = ",".join("?" * len(batch))
            db.execute(f"DELETE FROM duplicate_candidates WHERE victim_uuid_a IN ({marks})"
                       f" OR victim_uuid_b IN ({marks})", batch + batch)
        rows = _rows(found, utc_now())
        if rows:
            db["duplicate_candidates"].insert_all(rows, batch_size=2000, replace=True)


def restore_candidate(db: Database, a: str, b: str) -> bool:
    """Store the pair again when it still scores as a likely duplicate (a decision about it
    was taken back). Returns whether it was stored."""
    found = {p.victim_uuid: p for p in profiles(db, [a, b])}
    if a not in found or b not in found:
        return False
    match = score_pair(found[a], found[b])
    if match.score < THRESHOLD:
        return False
    x, y = pair(a, b)
    db["duplicate_candidates"].insert(
        {"victim_uuid_a": x, "victim_uuid_b": y, "score": match.score, "reasons": "; ".join(match.reasons),
         "scanned_at": utc_now()}, pk=("victim_uuid_a", "victim_uuid_b"), replace=True)
    return True


def duplicate_counts(db: Database, incident_uuids: Sequence[str], min_score: float | None = None) -> dict[str, int]:
    """For each incident, how many of its live victims have a stored likely duplicate
    that no decision in force is about (incidents with none are left out). A few
    milliseconds for a page of incidents: every step is an index lookup."""
    threshold = THRESHOLD if min_score is None else min_score
    counts: dict[str, int] = {}
    uuids = list(dict.fromkeys(incident_uuids))
    for start in range(0, len(uuids), 400):
        batch = uuids[start:start + 400]
        counts.update(db.execute(counts_sql(len(batch)), [*batch, threshold, threshold]).fetchall())
    return counts


def counts_sql(incidents: int) -> str:
    """The query of :func:`duplicate_counts` for so many incidents."""
    marks = ",".join("?" * incidents)
    return f"""SELECT v.incident_uuid, COUNT(*) FROM victims v
        WHERE v.deleted = 0 AND v.incident_uuid IN ({marks}) AND (
          EXISTS (SELECT 1 FROM duplicate_candidates c WHERE c.victim_uuid_a = v.victim_uuid AND {_OPEN})
          OR EXISTS (SELECT 1 FROM duplicate_candidates c INDEXED BY idx_candidates_b
                     WHERE c.victim_uuid_b = v.victim_uuid AND {_OPEN}))
        GROUP BY v.incident_uuid"""


@dataclass(frozen=True)
class PairCounts:
    undecided: int
    decided: int


def pair_counts(db: Database, min_score: float | None = None) -> PairCounts:
    """How many stored pairs wait for a decision, and how many decisions are in force."""
    threshold = THRESHOLD if min_score is None else min_score
    undecided = db.execute(
        f"SELECT COUNT(*) FROM duplicate_candidates c INDEXED BY idx_candidates_review WHERE {_LISTED}",
        [threshold]).fetchone()[0]
    decided = db.execute("SELECT COUNT(*) FROM duplicate_decisions WHERE retracted = 0").fetchone()[0]
    return PairCounts(undecided, decided)


KEYS_SQL = f"""SELECT c.rowid FROM duplicate_candidates c INDEXED BY idx_candidates_review WHERE {_LISTED}
    ORDER BY c.score DESC, c.victim_uuid_a, c.victim_uuid_b"""


def pair_keys(db: Database, include_decided: bool = False, min_score: float | None = None) -> array:
    """The rows of the Duplicates list in display order, as keys for :func:`pair_rows`:
    the pairs waiting for a decision, best score first (positive keys), then with
    `include_decided` the decisions in force, newest first (negative keys)."""
    threshold = THRESHOLD if min_score is None else min_score
    keys = array("q", (r[0] for r in db.execute(KEYS_SQL, [threshold])))
    if include_decided:
        keys.extend(-r[0] for r in db.execute(
            "SELECT rowid FROM duplicate_decisions WHERE retracted = 0 ORDER BY decided_at DESC, rowid DESC"))
    return keys


_SIDE_COLUMNS = """v.*, i.date AS incident_date, i.governorate AS incident_governorate,
    i.locality AS incident_locality, i.incident_type AS incident_type, i.perpetrator AS incident_perpetrator"""


def sides_sql(records: int) -> str:
    """The query of both records of pairs, for so many victim UUIDs. `+deleted`: with
    many UUIDs SQLite would otherwise walk the index of live victims (every victim, two
    seconds at 500,000) instead of looking each one up."""
    marks = ",".join("?" * records)
    return f"""SELECT {_SIDE_COLUMNS} FROM victims v JOIN incidents i ON i.incident_uuid = v.incident_uuid
        WHERE v.victim_uuid IN ({marks}) AND +v.deleted = 0 AND +i.deleted = 0"""


def _sides(db: Database, uuids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    ordered = sorted(uuids)
    for start in range(0, len(ordered), 400):
        batch = ordered[start:start + 400]
        for row in db.query(sides_sql(len(batch)), batch):
            row.pop("search_text", None)
            out[row["victim_uuid"]] = row
    return out


@dataclass
class PairRow(CandidatePair):
    """A row of the Duplicates list: the pair, and its key in :func:`pair_keys`."""

    key: int = 0


def pair_rows(db: Database, keys: Sequence[int]) -> list[PairRow]:
    """The pairs behind these keys of :func:`pair_keys`, with both records (and the
    decision, for a decided pair). A key whose pair is gone (decided, deleted since) is
    left out. The reasons are worded in the current language; the score of a pair waiting
    for a decision is the stored one (the list's order)."""
    found: list[tuple[int, str, str, float | None, list[str], dict[str, Any] | None]] = []
    candidates = [k for k in keys if k > 0]
    decisions = [-k for k in keys if k < 0]
    for start in range(0, len(candidates), 400):
        batch = candidates[start:start + 400]
        marks = ",".join("?" * len(batch))
        for key, a, b, score, reasons in db.execute(
                f"""SELECT rowid, victim_uuid_a, victim_uuid_b, score, reasons FROM duplicate_candidates
                    WHERE rowid IN ({marks})""", batch).fetchall():
            found.append((key, a, b, score, [x for x in (reasons or "").split("; ") if x], None))
    for start in range(0, len(decisions), 400):
        batch = decisions[start:start + 400]
        marks = ",".join("?" * len(batch))
        for row in db.query(f"SELECT rowid AS row_key, * FROM duplicate_decisions WHERE rowid IN ({marks})", batch):
            key = -row.pop("row_key")
            found.append((key, row["victim_uuid_a"], row["victim_uuid_b"], None, [], row))
    uuids = {u for f in found for u in (f[1], f[2])}
    sides = _sides(db, uuids)
    scored = {p.victim_uuid: p for p in profiles(db, sorted(uuids))} if uuids else {}
    by_key: dict[int, PairRow] = {}
    for key, a, b, score, reasons, decision in found:
        if a not in sides or b not in sides:
            continue
        # Stored reasons are worded in the language of the scan: these are in the current
        # one. A decided pair's score is computed now too (none is stored).
        match = score_pair(scored[a], scored[b]) if a in scored and b in scored else None
        if match is not None:
            reasons = list(match.reasons)
        if score is None:
            score = match.score if match is not None else 0.0
        by_key[key] = PairRow(sides[a], sides[b], score, reasons, decision, key=key)
    return [by_key[k] for k in keys if k in by_key]


def pair_reasons(db: Database, a: str, b: str) -> list[str]:
    """Why the pair scores as it does, worded in the current language (the stored reasons
    are in the language of the scan)."""
    found = {p.victim_uuid: p for p in profiles(db, [a, b])}
    if a not in found or b not in found:
        return []
    return list(score_pair(found[a], found[b]).reasons)


__all__ = ["PairCounts", "PairRow", "duplicate_counts", "pair_counts", "pair_keys", "pair_reasons", "pair_rows",
           "refresh_candidates", "restore_candidate", "store_around", "stored_matches_of"]


def stored_matches_of(db: Database, incident_uuid: str, limit: int = 3,
                      min_score: float | None = None) -> dict[str, list[Any]]:
    """For each live victim of the incident, the records its stored likely duplicate pairs
    not decided yet pair it with (at most `limit`, best score first): what the review
    queue counts (:func:`duplicate_counts`), so that a victim is listed here exactly when
    it is counted there. Each a `core.dedupe.lookup.LikelyMatch` with the stored score and
    the reasons worded in the current language, as the Duplicates screen words them.
    Victims with none are left out."""
    from core.dedupe.lookup import LikelyMatch

    threshold = THRESHOLD if min_score is None else min_score
    rows = db.execute(
        f"""SELECT v.victim_uuid, c.victim_uuid_a, c.victim_uuid_b, c.score FROM victims v
            JOIN duplicate_candidates c ON c.victim_uuid_a = v.victim_uuid
            WHERE v.incident_uuid = ? AND v.deleted = 0 AND {_OPEN}
            UNION ALL
            SELECT v.victim_uuid, c.victim_uuid_a, c.victim_uuid_b, c.score FROM victims v
            JOIN duplicate_candidates c INDEXED BY idx_candidates_b ON c.victim_uuid_b = v.victim_uuid
            WHERE v.incident_uuid = ? AND v.deleted = 0 AND {_OPEN}""",
        [incident_uuid, threshold, incident_uuid, threshold]).fetchall()
    listed: dict[str, list[tuple[str, str, str, float]]] = {}
    for victim, a, b, score in sorted(rows, key=lambda r: (r[0], -r[3], r[1], r[2])):
        mine = listed.setdefault(victim, [])
        if len(mine) < limit:
            mine.append((a, b, b if a == victim else a, score))
    uuids = sorted({u for found in listed.values() for a, b, _o, _s in found for u in (a, b)})
    scored = {p.victim_uuid: p for p in profiles(db, uuids)} if uuids else {}
    out: dict[str, list[Any]] = {}
    for victim, found in listed.items():
        for a, b, other, score in found:
            if a not in scored or b not in scored:
                continue
            p = scored[other]
            out.setdefault(victim, []).append(LikelyMatch(
                victim_uuid=p.victim_uuid, incident_uuid=p.incident_uuid, incident_date=p.incident_date,
                governorate=p.governorate, locality=p.place, name=p.display_name,
                names=dict(zip(("given_name", "father_name", "grandfather_name", "family_name"), p.raw, strict=True)),
                score=score, reasons=list(score_pair(scored[a], scored[b]).reasons)))
    return out
