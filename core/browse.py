"""Queries behind the records browser: filtered, sorted lists of incidents and victims.

A list is read in two steps so that half a million rows stay fast:

1. :func:`incident_keys` / :func:`victim_keys` return the row ids of every matching
   record, in display order (one indexed query; an array of integers, a few MB at
   500,000 rows);
2. :func:`incident_rows` / :func:`victim_rows` read the columns of the few rows on screen
   by those ids (primary-key lookups), so that any row, the last one included, is as fast
   to show as the first.

:func:`incident_page` and :func:`victim_page` do both for one page with LIMIT/OFFSET.
Name search goes through the full-text index on `victims.search_text`, with the query
normalised like the stored names, so that أحمد/احمد, ة/ه and Latin accents match.
Deleted records never appear.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from core import names


@dataclass(frozen=True)
class BrowseFilter:
    """What the browser's filter bar holds. Empty fields do not filter."""

    date_from: str | None = None
    date_to: str | None = None
    governorate: str | None = None
    perpetrator: str | None = None
    review_status: str | None = None
    name: str = ""

    @staticmethod
    def _iso(value: date | str | None) -> str | None:
        if value is None or value == "":
            return None
        return value.isoformat() if isinstance(value, date) else str(value)

    def normalized(self) -> BrowseFilter:
        return BrowseFilter(
            date_from=self._iso(self.date_from), date_to=self._iso(self.date_to),
            governorate=self.governorate or None, perpetrator=self.perpetrator or None,
            review_status=self.review_status or None, name=self.name or "",
        )


@dataclass(frozen=True)
class Sort:
    column: str
    descending: bool = False


@dataclass
class IncidentRow:
    key: int
    incident_uuid: str
    date: str
    date_precision: str
    governorate: str
    locality: str
    incident_type: str
    perpetrator: str
    review_status: str
    victims: int
    reported_killed: int | None
    updated_at: str


@dataclass
class VictimRow:
    key: int
    victim_uuid: str
    incident_uuid: str
    name: str
    name_latin: str
    sex: str
    age: int | None
    age_group: str
    civilian: str
    outcome: str
    date: str  # the death date when given, else the incident date
    governorate: str
    perpetrator: str
    review_status: str


# Sortable columns: name -> SQL expression. Every order ends with the row id so that it
# is total and stable between pages.
INCIDENT_SORTS: dict[str, tuple[str, ...]] = {
    "date": ("i.date",),
    "governorate": ("i.governorate",),
    "locality": ("i.locality",),
    "incident_type": ("i.incident_type",),
    "perpetrator": ("i.perpetrator",),
    "review_status": ("i.review_status",),
    "victims": ("(SELECT COUNT(*) FROM victims v WHERE v.incident_uuid = i.incident_uuid AND v.deleted = 0)",),
    "reported_killed": ("i.reported_killed",),
    "updated_at": ("i.updated_at",),
}
VICTIM_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("v.search_text = ''", "v.search_text"),
    "name_latin": ("COALESCE(v.name_latin, '') = ''", "v.name_latin"),
    "sex": ("v.sex",),
    "age": ("v.age IS NULL", "v.age"),
    "age_group": ("v.age_group",),
    "civilian": ("v.civilian",),
    "outcome": ("v.outcome",),
    "date": ("COALESCE(v.death_date, i.date)",),
    "governorate": ("i.governorate",),
    "perpetrator": ("i.perpetrator",),
    "review_status": ("i.review_status",),
    "entered": ("v.rowid",),  # the order records were written in
}
# Sorts that need the incident of each victim: the others read the victims table alone.
_INCIDENT_VICTIM_SORTS = {"date", "governorate", "perpetrator", "review_status"}
DEFAULT_INCIDENT_SORT = Sort("date", descending=True)
# The newest entries first: at 500,000 victims this order is read straight from the table,
# where ordering by date means joining and sorting every victim (about a second).
DEFAULT_VICTIM_SORT = Sort("entered", descending=True)


def name_match_query(text: str) -> str:
    """The FTS5 query for what a user typed: every word normalised, each a prefix,
    all required. Empty when nothing searchable was typed."""
    words = names.normalize(text).split()
    return " ".join(f'"{w}"*' for w in words)


def _order(sorts: dict[str, tuple[str, ...]], sort: Sort, rowid: str) -> str:
    if sort.column not in sorts:
        raise ValueError(f"cannot sort by {sort.column!r}; choose one of {', '.join(sorts)}")
    direction = " DESC" if sort.descending else ""
    # "empty last" terms keep their direction, so unnamed victims stay at the end.
    parts = [p if p.endswith(("= ''", "IS NULL")) else f"{p}{direction}" for p in sorts[sort.column]]
    return ", ".join([*parts, f"{rowid}{direction}"])


def _incident_where(f: BrowseFilter) -> tuple[list[str], list]:
    f = f.normalized()
    # Unfiltered or by dates, the index of live incidents by date is the way in (in order,
    # covering). Filtered by an exact value or a name, the plus keeps SQLite from walking
    # it anyway instead of taking that value's own index (200 ms against 20-70 ms at
    # 500,000 victims) or the names found.
    narrow = bool(f.governorate or f.perpetrator or f.review_status or f.name.strip())
    clauses = ["+i.deleted = 0" if narrow else "i.deleted = 0"]
    params: list = []
    if f.date_from:
        clauses.append("i.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("i.date <= ?")
        params.append(f.date_to)
    for column in ("governorate", "perpetrator", "review_status"):
        value = getattr(f, column)
        if value:
            clauses.append(f"i.{column} = ?")
            params.append(value)
    return clauses, params


def _name_clause(f: BrowseFilter, victim_rowid: str) -> tuple[list[str], list]:
    query = name_match_query(f.name)
    if not f.name.strip():
        return [], []
    if not query:  # only punctuation typed: nothing can match
        return ["0"], []
    return [f"{victim_rowid} IN (SELECT rowid FROM victims_fts WHERE victims_fts MATCH ?)"], [query]


def _incidents_sql(f: BrowseFilter, select: str, sort: Sort | None) -> tuple[str, list]:
    clauses, params = _incident_where(f)
    name_clauses, name_params = _name_clause(f, "v.rowid")
    if name_clauses:
        clauses.append(
            "i.incident_uuid IN (SELECT v.incident_uuid FROM victims v WHERE +v.deleted = 0 AND "
            + " AND ".join(name_clauses) + ")"
        )
        params += name_params
    sql = f"SELECT {select} FROM incidents i WHERE {' AND '.join(clauses)}"
    if sort is not None:
        sql += f" ORDER BY {_order(INCIDENT_SORTS, sort, 'i.rowid')}"
    return sql, params


def _victims_sql(f: BrowseFilter, select: str, sort: Sort | None) -> tuple[str, list]:
    clauses, params = _incident_where(f)
    needs_incident = (len(clauses) > 1 or "i." in select
                      or (sort is not None and sort.column in _INCIDENT_VICTIM_SORTS))
    if not needs_incident:
        # Deleting an incident deletes its victims with it, so the victims table alone
        # says which victims are live.
        clauses = []
    # `+v.deleted`: nearly every victim is live, so the index that begins with `deleted`
    # narrows nothing; without the plus SQLite would read it and sort every victim again
    # (1.3 s for the default order at 500,000 victims) instead of walking the table.
    clauses.append("+v.deleted = 0")
    source = "victims v"
    query = name_match_query(f.name)
    if f.name.strip() and not query:  # only punctuation typed: nothing can match
        clauses.append("0")
    elif query:
        # The names found drive the query (CROSS JOIN keeps them the outer loop): left to
        # itself SQLite may walk every incident by date and test each victim against the
        # names found (minutes at 500,000 victims for a common name sorted by date).
        source = "victims_fts CROSS JOIN victims v ON v.rowid = victims_fts.rowid"
        clauses.append("victims_fts MATCH ?")
        params.append(query)
    if needs_incident:
        source += " JOIN incidents i ON i.incident_uuid = v.incident_uuid"
    sql = f"SELECT {select} FROM {source} WHERE {' AND '.join(clauses)}"
    if sort is not None:
        sql += f" ORDER BY {_order(VICTIM_SORTS, sort, 'v.rowid')}"
    return sql, params


def _keys(db: Database, sql: str, params: list, limit: int | None = None) -> array:
    keys = array("q")
    if limit is not None:
        sql, params = f"{sql} LIMIT ?", [*params, int(limit)]
    cursor = db.execute(sql, params)
    while True:
        chunk = cursor.fetchmany(20000)
        if not chunk:
            return keys
        keys.extend(k for (k,) in chunk)


def incident_keys(db: Database, filter: BrowseFilter = BrowseFilter(), sort: Sort = DEFAULT_INCIDENT_SORT,
                  limit: int | None = None) -> array:
    """The row ids of the matching incidents, in display order (the first `limit` only)."""
    return _keys(db, *_incidents_sql(filter, "i.rowid", sort), limit)


def victim_keys(db: Database, filter: BrowseFilter = BrowseFilter(), sort: Sort = DEFAULT_VICTIM_SORT,
                limit: int | None = None) -> array:
    """The row ids of the matching victims, in display order (the first `limit` only)."""
    return _keys(db, *_victims_sql(filter, "v.rowid", sort), limit)


def count_incidents(db: Database, filter: BrowseFilter = BrowseFilter()) -> int:
    return db.execute(*_incidents_sql(filter, "COUNT(*)", None)).fetchone()[0]


def count_victims(db: Database, filter: BrowseFilter = BrowseFilter()) -> int:
    return db.execute(*_victims_sql(filter, "COUNT(*)", None)).fetchone()[0]


_INCIDENT_COLUMNS = """i.rowid, i.incident_uuid, i.date, i.date_precision, i.governorate,
    COALESCE(i.locality, ''), i.incident_type, i.perpetrator, i.review_status,
    (SELECT COUNT(*) FROM victims v WHERE v.incident_uuid = i.incident_uuid AND v.deleted = 0),
    i.reported_killed, i.updated_at"""

_VICTIM_COLUMNS = """v.rowid, v.victim_uuid, v.incident_uuid,
    TRIM(COALESCE(v.given_name, '') || ' ' || COALESCE(v.father_name, '') || ' '
         || COALESCE(v.grandfather_name, '') || ' ' || COALESCE(v.family_name, '')),
    COALESCE(v.name_latin, ''), v.sex, v.age, v.age_group, v.civilian, v.outcome,
    COALESCE(v.death_date, i.date), i.governorate, i.perpetrator, i.review_status"""


def _clean_name(name: str) -> str:
    return " ".join(name.split())


def _by_keys(db: Database, sql: str, keys: Sequence[int]) -> dict[int, tuple]:
    """The rows of `sql` (whose `{marks}` takes the keys) by key. The queries write
    `+x.deleted = 0`: with the unary plus SQLite looks the rows up by row id; without it,
    it may prefer the index that begins with `deleted` and read every live row's entry
    (100 ms a page at 500,000 victims instead of 1)."""
    found: dict[int, tuple] = {}
    keys = list(keys)
    for start in range(0, len(keys), 500):
        batch = keys[start:start + 500]
        marks = ",".join("?" * len(batch))
        for row in db.execute(sql.format(marks=marks), batch).fetchall():
            found[row[0]] = row
    return found


def incident_rows(db: Database, keys: Iterable[int]) -> list[IncidentRow]:
    """The incidents with these row ids, in the order given (ids no longer present,
    or deleted since, are left out)."""
    keys = list(keys)
    found = _by_keys(
        db, f"SELECT {_INCIDENT_COLUMNS} FROM incidents i WHERE i.rowid IN ({{marks}}) AND +i.deleted = 0", keys
    )
    return [IncidentRow(*found[k]) for k in keys if k in found]


def victim_rows(db: Database, keys: Iterable[int]) -> list[VictimRow]:
    """The victims with these row ids, in the order given (as :func:`incident_rows`)."""
    keys = list(keys)
    found = _by_keys(
        db,
        f"SELECT {_VICTIM_COLUMNS} FROM victims v JOIN incidents i ON i.incident_uuid = v.incident_uuid"
        " WHERE v.rowid IN ({marks}) AND +v.deleted = 0",
        keys,
    )
    rows = []
    for k in keys:
        if k in found:
            row = VictimRow(*found[k])
            row.name = _clean_name(row.name)
            rows.append(row)
    return rows


def incident_page(
    db: Database, filter: BrowseFilter = BrowseFilter(), sort: Sort = DEFAULT_INCIDENT_SORT,
    offset: int = 0, limit: int = 100,
) -> list[IncidentRow]:
    """One page of matching incidents."""
    sql, params = _incidents_sql(filter, _INCIDENT_COLUMNS, sort)
    rows = db.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return [IncidentRow(*r) for r in rows]


def victim_page(
    db: Database, filter: BrowseFilter = BrowseFilter(), sort: Sort = DEFAULT_VICTIM_SORT,
    offset: int = 0, limit: int = 100,
) -> list[VictimRow]:
    """One page of matching victims."""
    sql, params = _victims_sql(filter, _VICTIM_COLUMNS, sort)
    rows = [VictimRow(*r) for r in db.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()]
    for row in rows:
        row.name = _clean_name(row.name)
    return rows
