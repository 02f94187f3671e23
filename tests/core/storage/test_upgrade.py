"""Finding out that a database needs migrations without applying them, and applying them
with progress, each migration in one transaction."""
from __future__ import annotations

import pytest

from core.jobs import JobState
from core.storage import open_database, pending_migrations, upgrade_database
from core.storage.schema import MIGRATIONS, current_version, latest_version
from tests.core.storage.old_database import make_old_database, previous_version


def test_an_old_database_opened_without_migrating_says_what_is_pending_and_is_left_alone(db_path):
    make_old_database(db_path)
    db = open_database(db_path, migrate=False)
    assert pending_migrations(db) == [latest_version()]
    assert current_version(db) == previous_version()
    assert db.execute("SELECT DISTINCT key_given FROM victim_keys").fetchall() == [("old",)]
    db.close()


def test_a_current_database_has_nothing_pending(db_path):
    open_database(db_path).close()
    db = open_database(db_path, migrate=False)
    assert pending_migrations(db) == []
    db.close()


def test_the_upgrade_reports_the_name_keys_recompute_row_by_row(db_path):
    make_old_database(db_path, victims=4)
    db = open_database(db_path, migrate=False)
    seen: list[tuple[int, int]] = []

    class Recording(JobState):
        def progress(self, done: int, total: int, message: str = "") -> None:
            super().progress(done, total, message)
            seen.append((done, total))

    assert upgrade_database(db, job=Recording()) == [latest_version()]
    assert seen[-1] == (4, 4) and pending_migrations(db) == []
    assert "old" not in {row[0] for row in db.execute("SELECT key_given FROM victim_keys")}
    db.close()


def test_a_migration_that_fails_leaves_the_database_as_it_was(db_path, monkeypatch):
    make_old_database(db_path)
    number, name, fn = MIGRATIONS[-1]

    def half_then_fail(db, job=None):
        fn(db, job=job)  # every key rewritten, then a crash before the end
        raise RuntimeError("power cut")

    monkeypatch.setattr("core.storage.schema.MIGRATIONS", [*MIGRATIONS[:-1], (number, name, half_then_fail)])
    db = open_database(db_path, migrate=False)
    with pytest.raises(RuntimeError, match="power cut"):
        upgrade_database(db, job=JobState())
    db.close()
    monkeypatch.undo()
    db = open_database(db_path, migrate=False)
    assert pending_migrations(db) == [number] and current_version(db) == previous_version()
    assert db.execute("SELECT DISTINCT key_given FROM victim_keys").fetchall() == [("old",)]
    db.close()


def test_the_command_line_says_so_before_a_long_upgrade(db_path, capsys):
    from core.cli import main

    make_old_database(db_path)
    assert main(["--db", str(db_path), "tally", "--from", "2016-01-01", "--to", "2016-12-31"]) == 0
    assert "updating" in capsys.readouterr().err
    db = open_database(db_path, migrate=False)
    assert pending_migrations(db) == []
    db.close()
