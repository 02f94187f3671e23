"""The command line: thin over core, one clear sentence on a mistake."""
from __future__ import annotations

import json

import pytest

from core.cli import main
from core.storage import open_database
from core.storage.records import save_incident
from tests.core.factories import incident, victim


@pytest.fixture
def filled(db_path):
    db = open_database(db_path)
    inc = incident(review_status="approved")
    save_incident(db, inc, [victim(inc), victim(inc, sex="female", age=7)], "amal")
    db.close()
    return db_path


def test_tally_json_has_the_published_shape(filled, capsys):
    assert main(["--db", str(filled), "tally", "--from", "2016-01-01", "--to", "2016-01-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "from": "2016-01-01", "to": "2016-01-31", "status": "approved", "by": "perpetrator",
        "total": {"killed": 2, "children": 1, "women": 0, "men": 1, "unknown": 0},
        "groups": [{"key": "russia", "label": "Russian forces", "killed": 2, "children": 1, "women": 0,
                    "men": 1, "unknown": 0}],
    }


def test_tally_table_is_readable(filled, capsys):
    assert main(["--db", str(filled), "tally", "--by", "governorate"]) == 0
    out = capsys.readouterr().out
    assert "Deir ez-Zor" in out and "total" in out


def test_the_database_defaults_to_the_environment(filled, capsys, monkeypatch):
    monkeypatch.setenv("TAWTHIQ_DB", str(filled))
    assert main(["tally", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"]["killed"] == 2


def test_an_impossible_date_is_one_sentence_on_stderr(filled, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(filled), "tally", "--from", "2016-02-30"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "2016-02-30 does not exist in the calendar." in err and "Traceback" not in err


def test_a_missing_gazetteer_file_is_one_sentence(filled, capsys, tmp_path):
    assert main(["--db", str(filled), "gazetteer", "import", str(tmp_path / "nope.csv")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tawthiq: There is no file") and "Traceback" not in err


def test_a_database_in_a_missing_folder_is_one_sentence(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "no" / "such.db"), "tally"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_gazetteer_import(db_path, gazetteer_csv, capsys):
    assert main(["--db", str(db_path), "--plain", "gazetteer", "import", str(gazetteer_csv)]) == 0
    assert "Loaded 348 places" in capsys.readouterr().out


def test_python_dash_m_core_is_the_command(tmp_path):
    """`python -m core` is the command line without the window."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-m", "core", "--help"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "tally" in result.stdout and "demo" in result.stdout
