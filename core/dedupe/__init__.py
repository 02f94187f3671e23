"""Likely duplicates: victims documented more than once, and incidents recorded twice.

- :func:`likely_duplicates`: as-you-type lookup for a victim being entered;
- :func:`scan`: every likely duplicate pair in the database (or around some records);
- :func:`decide` / :func:`retract`: a reviewer's decision about a pair;
- :func:`candidate_pairs`: what the review screen lists (all at once);
- :func:`pair_keys` / :func:`pair_rows` / :func:`pair_counts`: the same, a page at a time,
  from the stored pairs that :func:`refresh_candidates` keeps current after every save;
- :func:`likely_duplicate_incidents`: incident records of one event.
"""
from __future__ import annotations

from core.dedupe.candidates import (
    PairCounts,
    PairRow,
    pair_counts,
    pair_keys,
    pair_reasons,
    pair_rows,
    refresh_candidates,
)
from core.dedupe.decisions import (
    DECISIONS,
    Decided,
    DecisionError,
    active_decision,
    decide,
    decided_pairs,
    retract,
)
from core.dedupe.incidents import IncidentPair, likely_duplicate_incidents
from core.dedupe.lookup import LikelyMatch, likely_duplicates
from core.dedupe.profile import Profile, from_fields
from core.dedupe.scan import (
    CandidatePair,
    ScanResult,
    ScoredPair,
    candidate_pairs,
    last_scanned,
    pair_score,
    scan,
    scan_and_add,
    scan_and_store,
)
from core.dedupe.score import THRESHOLD, Match, score_pair

__all__ = [
    "DECISIONS", "THRESHOLD", "CandidatePair", "Decided", "DecisionError", "IncidentPair", "LikelyMatch",
    "Match", "Profile", "ScanResult", "ScoredPair", "active_decision", "candidate_pairs", "decide",
    "decided_pairs", "from_fields", "last_scanned", "likely_duplicate_incidents", "likely_duplicates",
    "pair_score", "retract", "PairCounts", "PairRow", "pair_counts", "pair_keys", "pair_reasons", "pair_rows",
    "refresh_candidates", "scan", "scan_and_add", "scan_and_store", "score_pair",
]
