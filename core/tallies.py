"""The counts a report shows: killed people by perpetrator, place, month or means,
each split into children, women, men and unknown.

Definitions (those of the published monthly reports):
- children: age group child (under 18), whatever the sex;
- women: adult females; men: adult males;
- unknown: everyone else (age group or sex not known);
- a person is counted where and when they were killed: the death date when it is given,
  else the incident date; the governorate of the incident;
- `status="approved"` (the default) counts the approved version of each incident;
  `status="all"` counts the newest version of every record that is not rejected;
- `civilian="civilian"` (the default) counts civilians only; `"all"` everyone;
- records linked as the same person count once.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Literal

from sqlite_utils import Database

from core import vocab

By = Literal["perpetrator", "governorate", "month", "incident_type"]
BY_CHOICES: tuple[str, ...] = ("perpetrator", "governorate", "month", "incident_type")
CATEGORIES = ("children", "women", "men", "unknown")


@dataclass
class Counts:
    killed: int = 0
    children: int = 0
    women: int = 0
    men: int = 0
    unknown: int = 0

    def add(self, category: str, n: int) -> None:
        setattr(self, category, getattr(self, category) + n)
        self.killed += n


@dataclass
class Group(Counts):
    key: str = ""
    label: str = ""


@dataclass
class Tally:
    date_from: str | None
    date_to: str | None
    status: str
    by: str
    civilian: str
    total: Counts = field(default_factory=Counts)
    groups: list[Group] = field(default_factory=list)
    pending: int = 0  # killed people in records not yet approved (status "all" minus approved)

    def as_json(self) -> dict:
        """The published JSON form: from, to, status, by, total, groups."""
        def counts(c: Counts) -> dict:
            return {k: getattr(c, k) for k in ("killed", *CATEGORIES)}

        return {
            "from": self.date_from,
            "to": self.date_to,
            "status": self.status,
            "by": self.by,
            "total": counts(self.total),
            "groups": [{"key": g.key, "label": g.label, **counts(g)} for g in self.groups],
        }


def group_label(by: str, key: str) -> str:
    if by == "month":
        return key
    vocabulary = "governorate" if by == "governorate" else by
    return vocab.label(vocabulary, key)


def _where(
    status: str, civilian: str, date_from: str | None, date_to: str | None,
    perpetrator: str | None, governorate: str | None,
) -> tuple[str, list]:
    basis = "approved" if status == "approved" else "current"
    clauses = ["basis = ?", "counted = 1", "outcome = 'killed'"]
    params: list = [basis]
    if civilian != "all":
        clauses.append("civilian = ?")
        params.append(civilian)
    if date_from:
        clauses.append("date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("date <= ?")
        params.append(date_to)
    if perpetrator:
        clauses.append("perpetrator = ?")
        params.append(perpetrator)
    if governorate:
        clauses.append("governorate = ?")
        params.append(governorate)
    return " AND ".join(clauses), params


def tally(
    db: Database,
    *,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    by: str = "perpetrator",
    status: str = "approved",
    civilian: str = "civilian",
    perpetrator: str | None = None,
    governorate: str | None = None,
    with_pending: bool = False,
) -> Tally:
    """Count killed people as the module describes, grouped by `by`."""
    if by not in BY_CHOICES:
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(BY_CHOICES)}")
    if status not in ("approved", "all"):
        raise ValueError(f"status must be 'approved' or 'all', not {status!r}")
    if civilian not in ("civilian", "combatant", "unknown", "all"):
        raise ValueError(f"civilian must be civilian, combatant, unknown or all, not {civilian!r}")
    f = date_from.isoformat() if isinstance(date_from, date) else date_from
    t = date_to.isoformat() if isinstance(date_to, date) else date_to
    where, params = _where(status, civilian, f, t, perpetrator, governorate)
    result = Tally(date_from=f, date_to=t, status=status, by=by, civilian=civilian)
    groups: dict[str, Group] = {}
    for key, category, n in db.execute(
        f"SELECT {by}, category, COUNT(*) FROM tally_facts WHERE {where} GROUP BY {by}, category", params
    ).fetchall():
        group = groups.setdefault(key, Group(key=key, label=group_label(by, key)))
        group.add(category, n)
        result.total.add(category, n)
    order = _order(by)
    result.groups = sorted(
        groups.values(),
        key=(lambda g: g.key) if by == "month" else (lambda g: (-g.killed, order.get(g.key, 99), g.key)),
    )
    if with_pending:
        other = "all" if status == "approved" else "approved"
        w2, p2 = _where(other, civilian, f, t, perpetrator, governorate)
        n_other = db.execute(f"SELECT COUNT(*) FROM tally_facts WHERE {w2}", p2).fetchone()[0]
        result.pending = max(0, n_other - result.total.killed) if status == "approved" else 0
    return result


def _order(by: str) -> dict[str, int]:
    if by in ("perpetrator", "incident_type"):
        return {c: i for i, c in enumerate(vocab.codes(by))}
    if by == "governorate":
        return {c: i for i, c in enumerate(vocab.GOVERNORATE_CODES)}
    return {}


def counts_dict(counts: Counts) -> dict[str, int]:
    return {k: v for k, v in asdict(counts).items() if k in ("killed", *CATEGORIES)}
