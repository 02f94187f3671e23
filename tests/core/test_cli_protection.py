"""The command line and protection at rest: credentials, --plain, backup and restore, the
one-writer lock."""
from __future__ import annotations

import pytest

from core.cli import main
from core.storage import is_encrypted, open_database
from core.storage.lock import InstanceLock
from core.storage.records import save_incident
from tests.core.factories import incident, victim

pytestmark = pytest.mark.usefixtures("fast_kdf")


@pytest.fixture
def amal(monkeypatch):
    monkeypatch.setenv("TAWTHIQ_USER", "amal")
    monkeypatch.setenv("TAWTHIQ_PASSWORD", "correct horse")


def _fill(db_path, n=1):
    db = open_database(db_path, user="amal", password="correct horse")
    for _ in range(n):
        inc = incident(review_status="approved")
        save_incident(db, inc, [victim(inc, given_name="ياسمين")], "amal")
    db.close()


def test_a_new_database_is_created_encrypted_under_the_environment(db_path, gazetteer_csv, amal, capsys):
    assert main(["--db", str(db_path), "gazetteer", "import", str(gazetteer_csv)]) == 0
    assert is_encrypted(db_path)
    assert main(["--db", str(db_path), "tally", "--json"]) == 0


def test_without_credentials_a_new_database_is_refused_unless_plain(db_path, gazetteer_csv, capsys):
    assert main(["--db", str(db_path), "tally"]) == 1
    assert "--plain" in capsys.readouterr().err
    assert not db_path.exists()
    assert main(["--db", str(db_path), "--plain", "tally"]) == 0
    assert db_path.exists() and not is_encrypted(db_path)


def test_an_encrypted_database_asks_for_credentials_and_refuses_a_wrong_password(db_path, amal, monkeypatch, capsys):
    _fill(db_path)
    monkeypatch.delenv("TAWTHIQ_PASSWORD")
    assert main(["--db", str(db_path), "tally"]) == 1
    assert "is encrypted" in capsys.readouterr().err
    monkeypatch.setenv("TAWTHIQ_PASSWORD", "wrong")
    assert main(["--db", str(db_path), "tally"]) == 1
    err = capsys.readouterr().err
    assert err == "tawthiq: The user name or password is wrong.\n"


def test_backup_then_restore_checks_and_keeps_the_replaced_file(db_path, amal, capsys):
    _fill(db_path, 2)
    assert main(["--db", str(db_path), "backup"]) == 0
    backup = db_path.parent / "backups"
    (made,) = list(backup.iterdir())
    assert is_encrypted(made)
    _fill(db_path, 3)  # five incidents now; the backup holds two
    assert main(["--db", str(db_path), "restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert "Restored 2 incidents" in out and "kept as" in out
    db = open_database(db_path, user="amal", password="correct horse")
    assert db.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2
    db.close()
    aside = list(db_path.parent.glob("test.replaced-*.db"))
    assert len(aside) == 1
    kept = open_database(aside[0], key=_key(db_path), create=False)
    assert kept.execute("SELECT count(*) FROM incidents").fetchone()[0] == 5
    kept.close()


def _key(db_path):
    from core.storage import keys

    return keys.unlock(db_path, "amal", "correct horse")


def test_a_bad_backup_is_refused_and_nothing_is_replaced(db_path, tmp_path, amal, capsys):
    _fill(db_path)
    before = db_path.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 8192)
    assert main(["--db", str(db_path), "restore", str(junk)]) == 1
    assert "is not a backup of this database" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.replaced-*"))


def test_backup_settings_are_kept_and_checked(db_path, amal, capsys):
    _fill(db_path)
    assert main(["--db", str(db_path), "backup", "--keep", "2", "--every", "5"]) == 0
    for _ in range(3):
        assert main(["--db", str(db_path), "backup"]) == 0
    assert len(list((db_path.parent / "backups").iterdir())) == 2
    assert main(["--db", str(db_path), "backup", "--keep", "0"]) == 1
    assert "At least one backup" in capsys.readouterr().err


def test_a_second_writer_is_refused_and_a_reader_goes_read_only(db_path, amal, capsys):
    _fill(db_path)
    with InstanceLock(db_path):
        assert main(["--db", str(db_path), "backup"]) == 1
        assert "already open in another Tawthiq window" in capsys.readouterr().err
        assert main(["--db", str(db_path), "tally", "--status", "all", "--json"]) == 0
        captured = capsys.readouterr()
        assert "read-only" in captured.err and '"killed": 1' in captured.out
    assert main(["--db", str(db_path), "backup"]) == 0


def test_import_into_a_new_file_creates_it_encrypted(tmp_path, amal, capsys):
    from core.exchange import export_package
    from tests.core.exchange.helpers import populated

    source, _ = populated(tmp_path / "source.db")
    package = export_package(source, tmp_path / "p.zip", status="all", user="alice").path
    source.close()
    target = tmp_path / "field.db"
    assert main(["--db", str(target), "import", str(package)]) == 0
    assert is_encrypted(target)
    db = open_database(target, user="amal", password="correct horse")
    assert db.execute("SELECT count(*) FROM victims").fetchone()[0] == 3
    db.close()
    assert "محمد".encode() not in target.read_bytes()
