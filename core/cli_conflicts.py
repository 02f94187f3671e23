"""The command line for import conflicts (registered into core.cli), beside the window's
Conflicts page:

    tawthiq conflicts [list]                     the conflicts waiting for a reviewer
    tawthiq conflicts show ID                    the fields where ours and theirs differ
    tawthiq conflicts resolve ID --keep ours|theirs
"""
from __future__ import annotations

import argparse

from core.cli import UserError, command, current_user, open_db
from core.exchange import conflict_entries, resolve_conflict
from core.exchange.conflicts import ConflictEntry, record_fields

KEEP = {"ours": "local", "theirs": "incoming"}


def _conflicts_parser(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("conflicts", help="records changed both here and in an imported package")
    csub = c.add_subparsers(dest="conflicts_command")
    csub.add_parser("list", help="list the conflicts waiting for a reviewer (the default)")
    show = csub.add_parser("show", help="the fields where our version and theirs differ")
    show.add_argument("id", help="the conflict's identifier (or its first characters)")
    resolve = csub.add_parser("resolve", help="keep our version or take theirs (reviewers only)")
    resolve.add_argument("id", help="the conflict's identifier (or its first characters)")
    resolve.add_argument("--keep", choices=tuple(KEEP), required=True)


def _find(entries: list[ConflictEntry], prefix: str) -> ConflictEntry:
    found = [e for e in entries if e.conflict.conflict_uuid.startswith(prefix.strip())]
    if len(found) != 1:
        raise UserError(f"No open conflict {prefix}." if not found else
                        f"{len(found)} open conflicts begin with {prefix}; give more of the identifier.")
    return found[0]


@command("conflicts")
def _conflicts(args: argparse.Namespace) -> int:
    which = args.conflicts_command or "list"
    if which == "resolve":
        db = open_db(args)
        entry = _find(conflict_entries(db), args.id)
        resolve_conflict(db, entry.conflict.conflict_uuid, KEEP[args.keep], current_user(db))
        print(f"Conflict {entry.conflict.conflict_uuid}: kept {args.keep}.")
        return 0
    db = open_db(args, write=False)
    entries = conflict_entries(db)
    if which == "show":
        conflict = _find(entries, args.id).conflict
        print(f"{conflict.record_type} {conflict.record_uuid}: ours version {conflict.local_version},"
              f" theirs version {conflict.incoming_version}")
        differences = conflict.differences
        for field in record_fields(conflict.record_type):
            if field in differences:
                ours, theirs = differences[field]
                print(f"{field}\tours: {'' if ours is None else ours}\ttheirs: {'' if theirs is None else theirs}")
        return 0
    for e in entries:
        c = e.conflict
        print(f"{c.conflict_uuid}\t{c.record_type}\t{e.incident_date}\t{e.governorate}\t{e.locality}\t"
              f"{e.victim_name}\t{e.package}\t{c.detected_at}")
    print(f"{len(entries):,} conflict(s) waiting for a reviewer.")
    return 0
