"""The command line for accounts, review and the history (registered into core.cli).

    tawthiq users add NAME [--role documenter|reviewer|admin] [--password-stdin]
    tawthiq users list | passwd NAME [--password-stdin] | role NAME ROLE | deactivate NAME
    tawthiq review queue [--documenter NAME] [--from D] [--to D]
    tawthiq review submit|approve|return|reject UUID... [--comment TEXT]
    tawthiq audit verify [--head HASH] | head | history UUID

A new password comes from standard input with `--password-stdin` (for scripts), else it
is asked twice at the terminal.
"""
from __future__ import annotations

import argparse
import getpass
import sys

from core import accounts, audit, review
from core.cli import UserError, _date_arg, command, current_user, open_db


def _review_parsers(sub: argparse._SubParsersAction) -> None:
    u = sub.add_parser("users", help="accounts (an admin manages them)")
    usub = u.add_subparsers(dest="users_command", required=True)
    add = usub.add_parser("add", help="create an account (the first one is the admin)")
    add.add_argument("name")
    add.add_argument("--role", choices=accounts.ROLES, default=None,
                     help="documenter, reviewer or admin (default: admin for the first account,"
                          " documenter after)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    usub.add_parser("list", help="list the accounts")
    pw = usub.add_parser("passwd", help="set a new password")
    pw.add_argument("name")
    pw.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    role = usub.add_parser("role", help="give an account another role")
    role.add_argument("name")
    role.add_argument("role", choices=accounts.ROLES)
    off = usub.add_parser("deactivate", help="take an account out of use (it stays in the history)")
    off.add_argument("name")

    r = sub.add_parser("review", help="the review queue and its steps")
    rsub = r.add_subparsers(dest="review_command", required=True)
    q = rsub.add_parser("queue", help="list the incidents waiting for review")
    q.add_argument("--documenter")
    q.add_argument("--from", dest="date_from", type=_date_arg, help="first incident date, YYYY-MM-DD")
    q.add_argument("--to", dest="date_to", type=_date_arg, help="last incident date, YYYY-MM-DD")
    for step, text in (("submit", "send for review"), ("approve", "approve (several at once: all or none)"),
                       ("return", "return to the documenter (needs --comment)"),
                       ("reject", "reject (needs --comment)")):
        s = rsub.add_parser(step, help=text)
        s.add_argument("uuids", nargs="+", metavar="UUID")
        s.add_argument("--comment", default="", help="what the documenter should know")

    a = sub.add_parser("audit", help="the history of changes")
    asub = a.add_subparsers(dest="audit_command", required=True)
    v = asub.add_parser("verify", help="check the history's hash chain and every record against it")
    v.add_argument("--head", help="a head hash from an earlier export manifest, which must still be there")
    asub.add_parser("head", help="print the hash of the newest entry")
    h = asub.add_parser("history", help="every entry about one record")
    h.add_argument("uuid")


def _new_password(args: argparse.Namespace, name: str) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"New password for {name}: ")
        if getpass.getpass("Again: ") != password:
            raise UserError("The two passwords differ; nothing was changed.")
    else:
        raise UserError("Give the new password on standard input with --password-stdin, or run in a terminal.")
    return password


@command("users")
def _users(args: argparse.Namespace) -> int:
    db = open_db(args, write=args.users_command != "list")
    if args.users_command == "list":
        for user in accounts.list_users(db):
            state = "" if user.active else "  (deactivated)"
            print(f"{user.user_name}\t{user.role}\t{user.created_at}{state}")
        return 0
    actor = current_user(db)
    if args.users_command == "add":
        accounts.create_user(db, actor, args.name, _new_password(args, args.name), args.role)
        print(f"Created the account {args.name} ({accounts.get_user(db, args.name.strip()).role}).")  # type: ignore[union-attr]
    elif args.users_command == "passwd":
        accounts.change_password(db, actor, args.name, _new_password(args, args.name))
        print(f"The password of {args.name} was changed.")
    elif args.users_command == "role":
        accounts.set_role(db, actor, args.name, args.role)
        print(f"{args.name} is now a {args.role}.")
    elif args.users_command == "deactivate":
        accounts.deactivate(db, actor, args.name)
        print(f"The account {args.name} is deactivated.")
    return 0


@command("review")
def _review(args: argparse.Namespace) -> int:
    if args.review_command == "queue":
        db = open_db(args, write=False)
        items = review.review_queue(db, documenter=args.documenter, date_from=args.date_from, date_to=args.date_to)
        for item in items:
            print(f"{item.incident_uuid}\t{item.date}\t{item.governorate}\t{item.documenter}\t"
                  f"{item.victims} victims\t{item.sources}")
        print(f"{len(items)} incident(s) waiting for review.", file=sys.stderr)
        return 0
    db = open_db(args)
    user = current_user(db)
    step = args.review_command
    if step == "approve" and len(args.uuids) > 1:
        review.approve_many(db, user, args.uuids, args.comment)
    else:
        for uuid in args.uuids:
            review.transition(db, user, uuid, step, args.comment)
    done = {"submit": "submitted", "approve": "approved", "return": "returned", "reject": "rejected"}[step]
    print(f"{len(args.uuids)} incident(s) {done}.")
    return 0


@command("audit")
def _audit(args: argparse.Namespace) -> int:
    db = open_db(args, write=False)
    if args.audit_command == "head":
        print(audit.head(db))
        return 0
    if args.audit_command == "history":
        for entry in audit.history(db, args.uuid):
            print(f"#{entry['seq']}\t{entry['at']}\t{entry['user_name']}\t{entry['action']}\t{entry['after'] or ''}")
        return 0
    result = audit.verify(db, expected_head=args.head)
    if result.ok:
        print(f"The history is whole: {result.entries} entries, {result.records} records as recorded;"
              f" head {result.head}.")
        return 0
    for finding in result.findings:
        print(f"tawthiq: {finding}", file=sys.stderr)
    if result.more:
        print(f"tawthiq: … and {result.more} more.", file=sys.stderr)
    print(f"tawthiq: the history does not match the file ({len(result.findings) + result.more} problem(s)).",
          file=sys.stderr)
    return 1
