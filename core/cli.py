"""The command line: a thin layer over core.

    tawthiq [--db PATH] [gui]
    tawthiq [--db PATH] demo
    tawthiq [--db PATH] tally [--from D] [--to D] [--by KEY] [--status approved|all] [--json]
    tawthiq [--db PATH] gazetteer import FILE
    tawthiq [--db PATH] duplicates [--out pairs.csv] [--min-score X]
    tawthiq [--db PATH] backup [--keep K] [--every N] [--list]
    tawthiq [--db PATH] restore BACKUP
    tawthiq [--db PATH] export OUT [--status approved|all] [--from D] [--to D] [--spreadsheet]
    tawthiq [--db PATH] import PACKAGE
    tawthiq [--db PATH] users add NAME [--role ROLE] | list | passwd NAME | role NAME ROLE | deactivate NAME
    tawthiq [--db PATH] review queue | submit|approve|return|reject UUID... [--comment TEXT]
    tawthiq [--db PATH] audit verify [--head HASH] | head | history UUID

Once a database has accounts, a command that changes it acts as a user: `TAWTHIQ_USER`
and `TAWTHIQ_PASSWORD` for scripts, a prompt otherwise.

A new database is created encrypted under `TAWTHIQ_USER`/`TAWTHIQ_PASSWORD` (or a
prompt), unless `--plain` is given.

Errors are one clear sentence on stderr and a non-zero exit, never a traceback for a
user mistake.
"""
from __future__ import annotations

if __name__ == "__main__":
    # `python -m core.cli` (as `make run` does): run the module imported as `core.cli`
    # rather than go on executing this `__main__` copy, which the command modules that
    # import `core.cli` back would not see (a circular import, and exception classes
    # `main` would not catch).
    from core import cli as _cli
    from core import i18n as _i18n

    _i18n.language()
    raise SystemExit(_cli.main())

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from core import paths, tallies, vocab
from core.models import parse_date
from core.storage import StorageError, open_database


class UserError(Exception):
    """A mistake the user can correct; printed as one sentence."""


def current_user(db: Any = None) -> str:
    """The user a command acts as. Given the database and once it has accounts, the
    account authenticated with `TAWTHIQ_USER`/`TAWTHIQ_PASSWORD` (or a prompt); before
    that, `TAWTHIQ_USER` or the built-in local user."""
    from core import accounts

    if db is None or not accounts.has_accounts(db):
        return os.environ.get("TAWTHIQ_USER") or accounts.LOCAL_USER
    given = _GIVEN[-1] if _GIVEN else credentials(Path(db.execute("PRAGMA database_list").fetchone()[2]))
    if given is None:
        raise UserError("This database has accounts: set TAWTHIQ_USER and TAWTHIQ_PASSWORD, or run in a"
                        " terminal to be asked.")
    try:
        return accounts.authenticate(db, *given).user_name
    except accounts.LoginFailed as exc:
        raise UserError(str(exc)) from None


def _date_arg(text: str) -> str:
    from pydantic_core import PydanticCustomError

    try:
        return parse_date(text).isoformat()
    except PydanticCustomError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tawthiq", description="Documentation of civilian casualties.")
    parser.add_argument("--db", type=Path, default=None,
                        help="database file (default: $TAWTHIQ_DB, else tawthiq.db in the user data folder)")
    parser.add_argument("--plain", action="store_true",
                        help="create a new database unencrypted (by default it is encrypted under"
                             " $TAWTHIQ_USER and $TAWTHIQ_PASSWORD, or a prompt)")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("gui", help="open the window (the default)")
    sub.add_parser("demo", help="load the demonstration data set")

    t = sub.add_parser("tally", help="count killed people")
    t.add_argument("--from", dest="date_from", type=_date_arg, help="first day, YYYY-MM-DD")
    t.add_argument("--to", dest="date_to", type=_date_arg, help="last day, YYYY-MM-DD")
    t.add_argument("--by", choices=tallies.BY_CHOICES, default="perpetrator")
    t.add_argument("--status", choices=("approved", "all"), default="approved")
    t.add_argument("--civilian", choices=("civilian", "combatant", "unknown", "all"), default="civilian")
    t.add_argument("--perpetrator", choices=vocab.codes("perpetrator"))
    t.add_argument("--governorate", choices=vocab.GOVERNORATE_CODES, metavar="SY01..SY14")
    t.add_argument("--json", action="store_true", help="print JSON instead of a table")

    g = sub.add_parser("gazetteer", help="places")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True)
    gi = gsub.add_parser("import", help="load a gazetteer CSV (level,pcode,name_en,name_ar,parent_pcode)")
    gi.add_argument("file", type=Path)
    _duplicates_parser(sub)
    _add_backup_commands(sub)
    _exchange_arguments(sub)
    _review_parsers(sub)
    _conflicts_parser(sub)
    return parser


def _duplicates_parser(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("duplicates", help="list likely duplicate victims (each pair once)")
    d.add_argument("--out", type=Path, help="CSV file to write (default: standard output)")
    d.add_argument("--min-score", type=float, default=None,
                   help="lowest score to list, 0 to 1 (default: the likely-duplicate threshold)")
    d.add_argument("--incidents", action="store_true",
                   help="list likely duplicate incidents instead (same day ±1, place, perpetrator, means, victims)")


def _exchange_arguments(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("export", help="write an exchange package (.zip or folder), or a spreadsheet file")
    e.add_argument("out", type=Path, help="a .zip file, a folder, or with --spreadsheet a .csv file")
    e.add_argument("--status", choices=("approved", "all"), default="approved")
    e.add_argument("--from", dest="date_from", type=_date_arg, help="first incident date, YYYY-MM-DD")
    e.add_argument("--to", dest="date_to", type=_date_arg, help="last incident date, YYYY-MM-DD")
    e.add_argument("--spreadsheet", action="store_true",
                   help="one row per victim with labels, safe to open in a spreadsheet program")
    i = sub.add_parser("import", help="import an exchange package (.zip or folder)")
    i.add_argument("package", type=Path)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = fn
        return fn

    return register


def database_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else paths.default_database()


def credentials(path: Path) -> tuple[str, str] | None:
    """The user name and password from `TAWTHIQ_USER`/`TAWTHIQ_PASSWORD`, else asked at
    the terminal; None when neither is available."""
    user = os.environ.get("TAWTHIQ_USER")
    password = os.environ.get("TAWTHIQ_PASSWORD")
    if password is None and sys.stdin.isatty():
        import getpass

        user = user or input("User name: ").strip()
        password = getpass.getpass(f"Password for {user} ({path.name}): ")
    if not user or password is None:
        return None
    _GIVEN.append((user, password))  # asked once per run, also for the login of current_user
    return user, password


_GIVEN: list[tuple[str, str]] = []


_HELD_LOCKS: list[object] = []


def open_db(args: argparse.Namespace, *, write: bool = True):
    """Open the database for a command. An encrypted file is unlocked with the user's
    credentials; a new file is created encrypted under them (or plain with --plain).
    A writing command takes the one-writer lock and is refused while another Tawthiq
    process writes; a reading one then opens the file read-only."""
    from core.storage import DatabaseInUse, is_encrypted
    from core.storage.lock import InstanceLock

    path = database_path(args)
    new = not path.exists() or path.stat().st_size == 0
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist.")
    read_only = False
    lock = InstanceLock(path)
    try:
        lock.acquire()
        _HELD_LOCKS.append(lock)
    except DatabaseInUse as exc:
        if write or new:
            raise UserError(f"{exc} Close it first; nothing was changed.") from None
        print(f"tawthiq: {exc} Opening it read-only.", file=sys.stderr)
        read_only = True
    if new and getattr(args, "plain", False):
        return open_database(path, encrypt=False)
    if new or is_encrypted(path):
        given = credentials(path)
        if given is None:
            if new:
                raise UserError(f"A new database is encrypted: set TAWTHIQ_USER and TAWTHIQ_PASSWORD (or run"
                                f" in a terminal to be asked), or give --plain to create {path.name} unencrypted.")
            raise UserError(f"{path} is encrypted: set TAWTHIQ_USER and TAWTHIQ_PASSWORD, or run in a terminal"
                            " to be asked.")
        user, password = given
        return _upgraded(open_database(path, user=user, password=password, encrypt=True if new else None,
                                       read_only=read_only, migrate=read_only), path, new)
    return _upgraded(open_database(path, read_only=read_only, migrate=read_only), path, new)


def _upgraded(db, path: Path, new: bool):
    """Apply the migrations a database lacks, saying so first: on a large database they
    take minutes, and a command that seems to hang gets interrupted."""
    from core.storage import pending_migrations, session, upgrade_database

    if not session(db).read_only and pending_migrations(db):
        if not new:
            print(f"tawthiq: updating {path.name} to this version of Tawthiq; on a large database this takes"
                  " minutes. Do not interrupt it.", file=sys.stderr, flush=True)
        upgrade_database(db)
    return db


@command("demo")
def _demo(args: argparse.Namespace) -> int:
    from seeds.demo import load_demo

    db = open_db(args)
    summary = load_demo(db, current_user(db))
    print(summary)
    return 0


@command("tally")
def _tally(args: argparse.Namespace) -> int:
    db = open_db(args, write=False)
    result = tallies.tally(
        db, date_from=args.date_from, date_to=args.date_to, by=args.by, status=args.status,
        civilian=args.civilian, perpetrator=args.perpetrator, governorate=args.governorate,
    )
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
    return 0


def format_table(result: tallies.Tally) -> str:
    heads = [result.by, "killed", "children", "women", "men", "unknown"]
    rows = [[g.label, g.killed, g.children, g.women, g.men, g.unknown] for g in result.groups]
    t = result.total
    rows.append(["total", t.killed, t.children, t.women, t.men, t.unknown])
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(len(heads))]
    lines = []
    period = f"{result.date_from or '…'} to {result.date_to or '…'}"
    lines.append(f"Killed ({result.civilian}, {result.status} records), {period}")
    for i, r in enumerate([heads, *rows]):
        if i == len(rows):
            lines.append("  ".join("-" * w for w in widths))
        lines.append("  ".join(str(c).ljust(w) if j == 0 else str(c).rjust(w) for j, (c, w) in enumerate(zip(r, widths, strict=False))))
    return "\n".join(lines)


@command("gazetteer")
def _gazetteer(args: argparse.Namespace) -> int:
    from core.gazetteer import import_gazetteer

    db = open_db(args)
    count, _ = import_gazetteer(db, args.file, current_user(db))
    print(f"Loaded {count} places from {args.file}.")
    return 0


@command("duplicates")
def _duplicates(args: argparse.Namespace) -> int:
    import contextlib
    import csv
    from collections.abc import Iterable

    from core.dedupe import THRESHOLD, likely_duplicate_incidents, scan

    if args.min_score is not None and not 0.0 <= args.min_score <= 1.0:
        raise UserError(f"--min-score must be between 0 and 1, not {args.min_score}.")
    if args.out is not None and args.out.parent and not args.out.parent.exists():
        raise UserError(f"The folder {args.out.parent} does not exist.")
    db = open_db(args)
    count = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", encoding="utf-8", newline="")) if args.out else sys.stdout
        writer = csv.writer(out, lineterminator="\n")
        if args.incidents:
            writer.writerow(["incident_uuid_a", "incident_uuid_b", "shared_victims", "score", "reasons"])
            for same in likely_duplicate_incidents(db):
                writer.writerow([same.incident_uuid_a, same.incident_uuid_b, same.shared_victims,
                                 f"{same.score:.3f}", "; ".join(same.reasons)])
                count += 1
            found_rows: Iterable = ()
        else:
            writer.writerow(["victim_uuid_a", "victim_uuid_b", "score", "reasons"])
            found_rows = scan(db, min_score=args.min_score)
        for found in found_rows:
            writer.writerow([found.victim_uuid_a, found.victim_uuid_b, f"{found.score:.3f}",
                             "; ".join(found.reasons)])
            count += 1
    if args.out:
        threshold = THRESHOLD if args.min_score is None else args.min_score
        what = "incident pairs" if args.incidents else f"pairs (score {threshold} or more)"
        print(f"{count} likely duplicate {what} written to {args.out}.")
    return 0


def _add_backup_commands(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="back up the database now (into backups/ beside it)")
    b.add_argument("--keep", type=int, help="keep this many backups (saved as the setting)")
    b.add_argument("--every", type=int, help="back up automatically after this many saves (0: never)")
    b.add_argument("--list", action="store_true", help="list the backups instead")
    r = sub.add_parser("restore", help="replace the database with a backup, after checking it")
    r.add_argument("backup", type=Path)


@command("backup")
def _backup(args: argparse.Namespace) -> int:
    from core import backup

    if args.list:
        for path in backup.list_backups(database_path(args)):
            print(path)
        return 0
    db = open_db(args)
    if args.keep is not None or args.every is not None:
        try:
            backup.set_backup_settings(db, every=args.every, keep=args.keep)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    path = backup.make_backup(db)
    print(f"Backed up to {path}.")
    return 0


@command("restore")
def _restore(args: argparse.Namespace) -> int:
    from core import backup
    from core.storage import DatabaseInUse, is_encrypted, keys
    from core.storage.lock import InstanceLock

    path = database_path(args)
    lock = InstanceLock(path)
    try:
        lock.acquire()
    except DatabaseInUse as exc:
        raise UserError(f"{exc} Close it before restoring; nothing was changed.") from None
    try:
        key = None
        if is_encrypted(path) or is_encrypted(args.backup):
            given = credentials(path)
            if given is None:
                raise UserError("The database is encrypted: set TAWTHIQ_USER and TAWTHIQ_PASSWORD, or run in a"
                                " terminal to be asked.")
            key = keys.unlock(path, *given)
        info, aside = backup.restore_backup(path, args.backup, key)
    finally:
        lock.release()
    print(f"Restored {info.incidents} incidents and {info.victims} victims from {args.backup}.")
    if aside is not None:
        print(f"The replaced database is kept as {aside}.")
    return 0


@command("export")
def _export(args: argparse.Namespace) -> int:
    from core.exchange import export_package, export_spreadsheet

    db = open_db(args)
    if args.spreadsheet:
        rows = export_spreadsheet(db, args.out, args.status, args.date_from, args.date_to, current_user(db))
        print(f"Wrote {rows} rows to {args.out}.")
        return 0
    result = export_package(db, args.out, args.status, args.date_from, args.date_to, current_user(db))
    counts = ", ".join(f"{name} {rows}" for name, rows in result.rows.items())
    print(f"Wrote {result.path}: {counts}.")
    return 0


@command("import")
def _import(args: argparse.Namespace) -> int:
    from core.exchange import PackageRefused, import_package

    db = open_db(args)
    try:
        report = import_package(db, args.package, current_user(db))
    except PackageRefused as exc:
        print(exc.report.text(), file=sys.stderr)
        return 2
    print(report.text())
    return 0


def known_errors() -> tuple[type[BaseException], ...]:
    from core.accounts import AccountError, PermissionDenied
    from core.gazetteer import GazetteerError
    from core.review import ReviewRefused
    from core.storage.records import RecordInvalid, RecordNotFound

    return (UserError, StorageError, GazetteerError, RecordInvalid, RecordNotFound, FileNotFoundError,
            PermissionError, IsADirectoryError, PermissionDenied, AccountError, ReviewRefused)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command_name = args.command or "gui"
    if command_name not in COMMANDS:
        # core knows no windows: `gui` is registered by gui.launch, which the `tawthiq`
        # command and `python -m gui` run.
        print("tawthiq: the window is opened by `tawthiq` or `python -m gui`, not by `python -m core`.",
              file=sys.stderr)
        return 2
    try:
        return COMMANDS[command_name](args)
    except known_errors() as exc:
        print(f"tawthiq: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a read-only folder: say what, not how
        print(f"tawthiq: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tawthiq: interrupted.", file=sys.stderr)
        return 130
    finally:
        while _HELD_LOCKS:
            _HELD_LOCKS.pop().release()  # type: ignore[attr-defined]


from core.cli_conflicts import _conflicts_parser  # noqa: E402  (registers conflicts)
from core.cli_review import _review_parsers  # noqa: E402  (registers users, review, audit)

