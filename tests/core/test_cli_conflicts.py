"""`tawthiq conflicts`: list, show and settle the conflicts an import left."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.accounts import create_user
from core.cli import main
from core.exchange import conflict_entries, count_conflicts, list_conflicts
from core.storage import open_database
from tests.core.exchange.conflict_helpers import make_conflicts


@pytest.fixture
def central(tmp_path: Path) -> Path:
    path = tmp_path / "central.db"
    db = open_database(path)
    make_conflicts(db, tmp_path)
    db.close()
    return path


def test_list_show_and_resolve(central: Path, capsys) -> None:
    db = open_database(central)
    entries = {e.conflict.record_type: e.conflict for e in conflict_entries(db)}
    db.close()
    assert main(["--db", str(central), "conflicts"]) == 0
    out = capsys.readouterr().out
    assert "2 conflict(s) waiting" in out and "Team North" in out and "Douma" in out
    victim = entries["victim"].conflict_uuid
    assert main(["--db", str(central), "conflicts", "show", victim[:8]]) == 0
    out = capsys.readouterr().out
    assert "age\tours: 31\ttheirs: 33" in out and "locality" not in out
    assert main(["--db", str(central), "conflicts", "resolve", victim[:8], "--keep", "theirs"]) == 0
    assert main(["--db", str(central), "conflicts", "resolve", entries["incident"].conflict_uuid,
                 "--keep", "ours"]) == 0
    db = open_database(central)
    settled = {c.record_type: c.resolution for c in list_conflicts(db, include_resolved=True)}
    db.close()
    assert settled == {"victim": "incoming", "incident": "local"}
    capsys.readouterr()
    assert main(["--db", str(central), "conflicts", "list"]) == 0
    assert "0 conflict(s) waiting" in capsys.readouterr().out


def test_an_unknown_conflict_and_a_documenter_are_refused(central: Path, capsys,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--db", str(central), "conflicts", "show", "nothing-like-this"]) != 0
    assert "No open conflict nothing-like-this" in capsys.readouterr().err
    db = open_database(central)
    create_user(db, "local", "admin1", "admin-password", "admin")
    create_user(db, "admin1", "omar", "omar-password", "documenter")
    uuid = list_conflicts(db)[0].conflict_uuid
    db.close()
    monkeypatch.setenv("TAWTHIQ_USER", "omar")
    monkeypatch.setenv("TAWTHIQ_PASSWORD", "omar-password")
    assert main(["--db", str(central), "conflicts", "resolve", uuid, "--keep", "theirs"]) != 0
    assert "reviewer" in capsys.readouterr().err
    db = open_database(central)
    assert count_conflicts(db) == 2
    db.close()
