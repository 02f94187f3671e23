"""The command line acts as a user: accounts, review steps and the history check."""
from __future__ import annotations

import io

import pytest

from core import accounts
from core.cli import main
from core.storage import open_database
from core.storage.records import save_incident
from tests.core.factories import incident, victim


@pytest.fixture
def team_db(db_path):
    db = open_database(db_path)
    accounts.create_user(db, "local", "rana", "admin-pass")
    accounts.create_user(db, "rana", "amal", "documenter-pass", role="documenter")
    accounts.create_user(db, "rana", "omar", "reviewer-pass", role="reviewer")
    uuids = []
    for _ in range(2):
        inc = incident(review_status="submitted")
        save_incident(db, inc, [victim(inc)], "amal")
        uuids.append(inc.incident_uuid)
    db.close()
    return db_path, uuids


def as_user(monkeypatch, name, password):
    monkeypatch.setenv("TAWTHIQ_USER", name)
    monkeypatch.setenv("TAWTHIQ_PASSWORD", password)
    import core.cli

    monkeypatch.setattr(core.cli, "_GIVEN", [])


def test_users_add_needs_an_admin(team_db, monkeypatch, capsys):
    path, _ = team_db
    monkeypatch.setattr("sys.stdin", io.StringIO("sami-password\n"))
    as_user(monkeypatch, "omar", "reviewer-pass")
    assert main(["--db", str(path), "users", "add", "sami", "--role", "reviewer", "--password-stdin"]) == 1
    assert "omar is a reviewer: only an admin may manage accounts" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("sami-password\n"))
    as_user(monkeypatch, "rana", "admin-pass")
    assert main(["--db", str(path), "users", "add", "sami", "--role", "reviewer", "--password-stdin"]) == 0
    assert main(["--db", str(path), "users", "list"]) == 0
    assert "sami\treviewer" in capsys.readouterr().out


def test_a_wrong_password_is_refused(team_db, monkeypatch, capsys):
    path, uuids = team_db
    as_user(monkeypatch, "omar", "not the password")
    assert main(["--db", str(path), "review", "approve", uuids[0]]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err


def test_review_steps_from_the_command_line(team_db, monkeypatch, capsys):
    path, (first, second) = team_db
    as_user(monkeypatch, "amal", "documenter-pass")
    assert main(["--db", str(path), "review", "approve", first]) == 1
    assert "amal is a documenter" in capsys.readouterr().err
    as_user(monkeypatch, "omar", "reviewer-pass")
    assert main(["--db", str(path), "review", "return", second]) == 1
    assert "a comment is required" in capsys.readouterr().err
    assert main(["--db", str(path), "review", "return", second, "--comment", "add the hospital"]) == 0
    assert main(["--db", str(path), "review", "approve", first]) == 0
    db = open_database(path)
    statuses = dict(db.execute("SELECT incident_uuid, review_status FROM incidents").fetchall())
    db.close()
    assert statuses == {first: "approved", second: "returned"}


def test_audit_verify_names_what_was_changed(team_db, capsys):
    path, (first, _) = team_db
    assert main(["--db", str(path), "audit", "verify"]) == 0
    assert "The history is whole" in capsys.readouterr().out
    db = open_database(path)
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE incidents SET perpetrator = 'isis' WHERE incident_uuid = ?", [first])
    db.conn.commit()
    db.close()
    assert main(["--db", str(path), "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"incident {first} was changed outside the application: its perpetrator is isis" in err
