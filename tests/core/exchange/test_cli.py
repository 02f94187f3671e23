"""`tawthiq export` and `tawthiq import`."""
from __future__ import annotations

from pathlib import Path

from core.cli import main
from tests.core.exchange.helpers import dump, populated, read_rows, write_rows


def test_export_then_import(tmp_path: Path, capsys) -> None:
    db, _ = populated(tmp_path / "a.db")
    db.close()
    assert main(["--db", str(tmp_path / "a.db"), "export", str(tmp_path / "p.zip"), "--status", "all",
                 "--from", "2016-01-01", "--to", "2016-12-31"]) == 0
    assert "incidents.csv 1" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "b.db"), "--plain", "import", str(tmp_path / "p.zip")]) == 0
    assert "victims.csv: 2 new" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "a.db"), "export", str(tmp_path / "s.csv"), "--spreadsheet"]) == 0
    assert (tmp_path / "s.csv").exists()


def test_refused_import_exits_non_zero_with_the_report(tmp_path: Path, capsys) -> None:
    db, _ = populated(tmp_path / "a.db")
    db.close()
    main(["--db", str(tmp_path / "a.db"), "export", str(tmp_path / "p"), "--status", "all"])
    header, rows = read_rows(tmp_path / "p", "victims.csv")
    rows[1][header.index("age")] = "200"
    write_rows(tmp_path / "p", "victims.csv", header, rows)
    from core.storage import open_database

    b = open_database(tmp_path / "b.db")
    before = dump(b)
    b.close()
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "b.db"), "--plain", "import", str(tmp_path / "p")]) == 2
    err = capsys.readouterr().err
    assert "refused" in err and "victims.csv, row 3, age ('200')" in err
    b = open_database(tmp_path / "b.db")
    assert dump(b) == before
