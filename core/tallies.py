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

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
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
    perpetrator: str | None, governorate: str | None, *, months: bool = False,
) -> tuple[str, list]:
    """The WHERE clause over `tally_facts` (or, `months`, over `tally_months` and `tally_years`)."""
    basis = "approved" if status == "approved" else "current"
    clauses = ["basis = ?", "killed > 0"] if months else ["basis = ?", "counted = 1", "outcome = 'killed'"]
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


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class _Plan:
    """Where the counts of a date range are read: whole years from `tally_years`, whole
    months from `tally_months` (spans, either end open), and the days of months begun or
    ended mid-month from `tally_facts`."""

    days: list[tuple[str | None, str | None]] = field(default_factory=list)
    months: list[tuple[str | None, str | None]] = field(default_factory=list)
    years: list[tuple[str | None, str | None]] = field(default_factory=list)


def _plan(date_from: str | None, date_to: str | None, *, years: bool) -> _Plan:
    """Split a date range into days, whole months and (with `years`) whole years. A bound
    that is not a plain YYYY-MM-DD date leaves the whole range to the facts."""
    try:
        d_from = date.fromisoformat(date_from) if date_from and _ISO_DAY.match(date_from) else None
        d_to = date.fromisoformat(date_to) if date_to and _ISO_DAY.match(date_to) else None
    except ValueError:
        return _Plan(days=[(date_from, date_to)])
    if (date_from and d_from is None) or (date_to and d_to is None):
        return _Plan(days=[(date_from, date_to)])
    if d_from and d_to and d_from > d_to:
        return _Plan()
    plan = _Plan()
    first = last = None
    if d_from:
        if d_from.day == 1:
            first = d_from.strftime("%Y-%m")
        else:
            end = _month_end(d_from)
            if d_to and d_to <= end:
                return _Plan(days=[(d_from.isoformat(), d_to.isoformat())])
            plan.days.append((d_from.isoformat(), end.isoformat()))
            first = (end + timedelta(days=1)).strftime("%Y-%m")
    if d_to:
        if d_to == _month_end(d_to):
            last = d_to.strftime("%Y-%m")
        else:
            start = d_to.replace(day=1)
            plan.days.append((start.isoformat(), d_to.isoformat()))
            last = (start - timedelta(days=1)).strftime("%Y-%m")
    if first and last and first > last:
        return plan
    if not years:
        plan.months.append((first, last))
        return plan
    first_year = None if first is None else int(first[:4]) + (first[5:] != "01")
    last_year = None if last is None else int(last[:4]) - (last[5:] != "12")
    if first_year is not None and last_year is not None and first_year > last_year:
        plan.months.append((first, last))
        return plan
    if first is not None and first[5:] != "01":
        plan.months.append((first, f"{first[:4]}-12"))
    if last is not None and last[5:] != "12":
        plan.months.append((f"{last[:4]}-01", last))
    plan.years.append((None if first_year is None else f"{first_year:04d}",
                       None if last_year is None else f"{last_year:04d}"))
    return plan


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _counts(
    db: Database, by: str, status: str, civilian: str, date_from: str | None, date_to: str | None,
    perpetrator: str | None, governorate: str | None,
) -> dict[tuple[str, str], int]:
    """Killed people by (`by` key, category), summed from the years, months and days of
    the range's plan: the same counts as reading every fact."""
    counts: dict[tuple[str, str], int] = {}

    def add(rows: list) -> None:
        for key, category, n in rows:
            counts[(key, category)] = counts.get((key, category), 0) + n

    plan = _plan(date_from, date_to, years=by != "month")
    for a, b in plan.days:
        where, params = _where(status, civilian, a, b, perpetrator, governorate)
        add(db.execute(f"SELECT {by}, category, COUNT(*) FROM tally_facts WHERE {where} GROUP BY {by}, category",
                       params).fetchall())
    for table, column, spans in (("tally_months", "month", plan.months), ("tally_years", "year", plan.years)):
        for a, b in spans:
            where, params = _where(status, civilian, None, None, perpetrator, governorate, months=True)
            if a:
                where += f" AND {column} >= ?"
                params.append(a)
            if b:
                where += f" AND {column} <= ?"
                params.append(b)
            add(db.execute(f"SELECT {by}, category, SUM(killed) FROM {table} WHERE {where} GROUP BY {by}, category",
                           params).fetchall())
    return counts


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
    result = Tally(date_from=f, date_to=t, status=status, by=by, civilian=civilian)
    groups: dict[str, Group] = {}
    for (key, category), n in _counts(db, by, status, civilian, f, t, perpetrator, governorate).items():
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
        n_other = sum(_counts(db, "perpetrator", other, civilian, f, t, perpetrator, governorate).values())
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
